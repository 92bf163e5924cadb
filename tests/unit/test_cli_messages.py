"""What a new user reads: a bad PAGEMILL_* value is one line that says what to set, not a traceback; and
`pagemill process --help` names every ending a folder search takes."""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from pydantic import ValidationError

from workers.cli import main
from workers.settings import Settings, get_settings

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def fresh_settings():
    get_settings.cache_clear()
    yield
    get_settings.cache_clear()


@pytest.mark.parametrize(
    ("value", "expected"),
    [("abc", "a whole number of 1 or more"), ("-5", "a whole number of 1 or more"), ("0", "a whole number of 1 or more")],
)
def test_a_bad_setting_is_one_line_naming_the_variable_its_value_and_what_it_takes(tmp_path, monkeypatch, fresh_settings, value, expected):
    page = tmp_path / "a.txt"
    page.write_text("The harbour office in Bergen opened on 2 March 2015.\n")
    monkeypatch.setenv("PAGEMILL_MAX_PAGE_BYTES", value)
    result = CliRunner().invoke(main, ["process", str(page), "-o", str(tmp_path / "out")])
    assert result.exit_code == 2, result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 1, result.output
    assert lines[0].startswith("Error: PAGEMILL_MAX_PAGE_BYTES=") and repr(value) in lines[0] and expected in lines[0]
    assert "Traceback" not in result.output and "ValidationError" not in result.output
    assert not (tmp_path / "out").exists()  # refused before any page was touched


def test_a_bad_setting_from_the_installed_command_prints_no_traceback(tmp_path):
    env = {**os.environ, "PAGEMILL_MAX_PAGE_BYTES": "abc"}
    proc = subprocess.run(
        [sys.executable, "-m", "workers.cli", "process", str(REPO / "README.md"), "-o", str(tmp_path / "out")],
        env=env, capture_output=True, text=True, timeout=120, cwd=tmp_path,
    )
    assert proc.returncode == 2, proc.stderr
    assert proc.stderr.strip().count("\n") == 0, proc.stderr
    assert "PAGEMILL_MAX_PAGE_BYTES='abc'" in proc.stderr and "Traceback" not in proc.stderr


def test_every_bad_setting_is_named_and_a_secret_is_never_repeated(monkeypatch, fresh_settings):
    monkeypatch.setenv("PAGEMILL_SWEEP_INTERVAL", "0")
    monkeypatch.setenv("PAGEMILL_FLOWER_PORT", "70000")
    result = CliRunner().invoke(main, ["config"])
    assert result.exit_code == 2
    assert "PAGEMILL_SWEEP_INTERVAL='0'" in result.output and "greater than 0" in result.output
    assert "PAGEMILL_FLOWER_PORT='70000'" in result.output and "from 1 to 65535" in result.output


# Knobs that must be positive: a size, a count, an interval or a time limit of 0 (or less) means nothing.
MUST_BE_POSITIVE = [
    "max_page_bytes", "max_file_bytes", "task_time_limit", "restore_unacked_interval", "poll_interval",
    "sweep_interval", "hook_timeout", "hook_max_attempts", "pages_recent",
    "embedded_broker_port", "flower_port", "pages_port",
]
# Knobs where 0 has a documented meaning (one per core, never, keep all, no retry, at once), but less does not.
ZERO_MEANS_SOMETHING = ["concurrency", "worker_max_memory_mb", "feed_max_entries", "task_max_retries", "settle_seconds", "retry_backoff", "hook_backoff"]


@pytest.mark.parametrize("name", MUST_BE_POSITIVE)
def test_limits_that_must_be_positive_refuse_zero_and_less(name):
    for bad in (0, -5):
        with pytest.raises(ValidationError):
            Settings(**{name: bad})
    Settings(**{name: 1})


@pytest.mark.parametrize("name", ZERO_MEANS_SOMETHING)
def test_zero_is_kept_where_it_means_something_but_less_is_refused(name):
    assert getattr(Settings(**{name: 0}), name) == 0
    with pytest.raises(ValidationError):
        Settings(**{name: -1})


def test_every_numeric_setting_is_bounded():
    numeric = {n for n, f in Settings.model_fields.items() if f.annotation in (int, float)}
    assert numeric == set(MUST_BE_POSITIVE) | set(ZERO_MEANS_SOMETHING)
    for name in ("embedded_broker_port", "flower_port", "pages_port"):
        with pytest.raises(ValidationError):
            Settings(**{name: 65536})


def test_process_help_names_every_ending_a_folder_search_takes():
    data = (REPO / "workers" / "data" / "page_suffixes.txt").read_text(encoding="utf-8")
    endings = [ln.strip() for ln in data.splitlines() if ln.strip() and not ln.startswith("#")]
    assert {".txt", ".html", ".md", ".docx", ".pdf"} <= set(endings)
    result = CliRunner().invoke(main, ["process", "--help"])
    assert result.exit_code == 0
    flat = re.sub(r"\s+", " ", result.output)
    assert re.findall(r"\*\.[a-z0-9]+\b", flat) == [f"*{e}" for e in endings], flat
