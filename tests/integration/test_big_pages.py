"""Big and hostile pages finish through `pagemill process` (a real process on real files).

These only guard against a hang, with generous limits: linear stage code takes
seconds here, code that grows with the square of the page takes many minutes.
Speed itself is shown by the size benchmark (``benchmarks/sizes.py``), never asserted.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from tests.big_pages import hostile_pages, one_block_page
from tests.conftest import REPO

pytestmark = pytest.mark.integration


def run_process(folder, out, env=None, timeout=None):
    return subprocess.run(
        [sys.executable, "-m", "workers.cli", "process", str(folder), "--outbox", str(out), "--quiet"],
        cwd=REPO, env={**os.environ, **(env or {})}, capture_output=True, text=True, timeout=timeout,
    )


@pytest.mark.timeout(150)
def test_a_300_kb_page_that_is_one_long_block_finishes_process(tmp_path):
    pages = tmp_path / "pages"
    pages.mkdir()
    text = one_block_page(300_000)
    assert "\n\n" not in text.strip() and len(text) >= 300_000
    (pages / "one-block.txt").write_text(text)
    proc = run_process(pages, tmp_path / "out", timeout=120)
    assert proc.returncode == 0, proc.stderr[-2000:]
    (rec,) = [json.loads(p.read_text()) for p in (tmp_path / "out").glob("*.json")]
    assert rec["kind"] == "record"
    assert any(e["label"] == "PERSON" for e in rec["entities"]) and any(r["kind"] in ("dehyphenate", "line_break") for r in rec["repairs"])


@pytest.mark.timeout(150)
def test_hostile_pages_each_end_as_one_record(tmp_path):
    pages = tmp_path / "pages"
    pages.mkdir()
    for name, text in hostile_pages(60_000).items():
        (pages / f"{name}.txt").write_text(text)
    proc = run_process(pages, tmp_path / "out", timeout=120)
    assert proc.returncode == 0, proc.stderr[-2000:]
    recs = [json.loads(p.read_text()) for p in (tmp_path / "out").glob("*.json")]
    assert sorted(r["source"]["filename"] for r in recs) == sorted(f"{n}.txt" for n in hostile_pages(10))
    assert all(r["kind"] == "record" for r in recs)


@pytest.mark.timeout(150)
def test_process_gives_a_page_over_the_time_limit_an_error_record_and_goes_on(tmp_path):
    pages = tmp_path / "pages"
    pages.mkdir()
    # About a million characters: many seconds of annotating on any machine, against a 3-second stage limit.
    (pages / "a-huge.txt").write_text(one_block_page(1_000_000).replace("\n", "\n\n"))
    (pages / "b-small.txt").write_text("Harbour news\n\nAna Silva visited Quito in May 2011.\n")
    proc = run_process(pages, tmp_path / "out", env={"PAGEMILL_TASK_TIME_LIMIT": "5"}, timeout=120)
    assert proc.returncode == 0, proc.stderr[-2000:]
    by_name = {}
    for p in (tmp_path / "out").glob("*.json"):
        doc = json.loads(p.read_text())
        by_name[doc["filename"] if doc["kind"] == "error" else doc["source"]["filename"]] = doc
    assert by_name["a-huge.txt"]["kind"] == "error", by_name["a-huge.txt"]
    assert by_name["a-huge.txt"]["error"] == "too_large_to_finish"
    assert "PAGEMILL_TASK_TIME_LIMIT=5" in by_name["a-huge.txt"]["message"]
    assert by_name["b-small.txt"]["kind"] == "record"
