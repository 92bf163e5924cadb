"""The command line, run in-process with click's runner (real commands, real files)."""

import json
import shutil

from click.testing import CliRunner

from tests.conftest import CORPUS
from workers.cli import main


def test_help_lists_every_command_and_how_to_start():
    out = CliRunner().invoke(main, ["--help"]).output
    for cmd in ("up", "worker", "watch", "dashboard", "process", "schema", "eval", "config"):
        assert f"  {cmd}" in out
    assert "pagemill up" in out and "inbox/" in out


def test_process_writes_records_and_leaves_originals(tmp_path, seed_page):
    pages = tmp_path / "pages"
    pages.mkdir()
    shutil.copy(seed_page, pages / seed_page.name)
    (pages / "empty.txt").write_bytes(b"")
    (pages / ".hidden.txt").write_text("ignored")
    result = CliRunner().invoke(main, ["process", str(pages), "--outbox", str(tmp_path / "out"), "--quiet"])
    assert result.exit_code == 0, result.output
    outs = {p.name: json.loads(p.read_text()) for p in (tmp_path / "out").glob("*.json")}
    kinds = sorted(d["kind"] for d in outs.values())
    assert kinds == ["error", "record"]
    assert (pages / seed_page.name).exists() and (pages / "empty.txt").exists()


def test_eval_scores_the_reference_page_against_its_gold(tmp_path, seed_page):
    gold = tmp_path / "gold-set"
    shutil.copytree(CORPUS / "seed", gold / "seed")
    result = CliRunner().invoke(main, ["eval", str(gold), "--json"])
    assert result.exit_code == 0, result.output
    figures = json.loads(result.output[result.output.index("{"):])
    assert figures["segment_role_accuracy"] == 1.0
    assert figures["repairs"].startswith("1/1")
    assert set(figures["stage_ms_per_page"]) == {"clean", "segment", "classify", "annotate"}


def test_schema_command_prints_the_record_schema():
    out = CliRunner().invoke(main, ["schema"]).output
    assert json.loads(out)["title"] == "Record"


def test_config_lists_every_knob_with_its_variable():
    out = CliRunner().invoke(main, ["config"]).output
    assert "PAGEMILL_BROKER_URL" in out and "PAGEMILL_MAX_PAGE_BYTES" in out


def test_process_uses_the_taxonomy_file_named_in_the_settings(tmp_path, monkeypatch):
    from workers.settings import get_settings
    from workers.stages import pipeline

    taxonomy = tmp_path / "mine.json"
    taxonomy.write_text(json.dumps({"name": "garden", "topics": [{"code": "g1", "label": "roses", "keywords": ["rose", "roses"]}]}))
    page = tmp_path / "garden.txt"
    page.write_text("Roses\n\nThe rose garden in Kew has roses of every colour; a rose needs sun.\n")
    monkeypatch.setenv("PAGEMILL_TAXONOMY", str(taxonomy))
    get_settings.cache_clear()
    try:
        result = CliRunner().invoke(main, ["process", str(page), "--outbox", str(tmp_path / "out"), "--quiet"])
    finally:
        get_settings.cache_clear()
        pipeline.use_taxonomy(None)
    assert result.exit_code == 0, result.output
    (record,) = [json.loads(p.read_text()) for p in (tmp_path / "out").glob("*.json")]
    assert record["classification"]["taxonomy"] == "garden"
    assert [t["code"] for t in record["classification"]["topics"]] == ["g1"]


def test_commands_that_need_the_broker_say_how_to_start_it_when_it_does_not_answer(tmp_path, monkeypatch):
    import socket

    from workers.settings import get_settings

    with socket.socket() as sock:  # a port nothing listens on once it is closed
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    monkeypatch.setenv("PAGEMILL_BROKER_URL", f"redis://127.0.0.1:{port}/0")
    monkeypatch.setenv("PAGEMILL_OUTBOX", str(tmp_path / "outbox"))
    get_settings.cache_clear()
    try:
        for args in (["follow", "--once"], ["reprocess", "--id", "pm-0123456789abcdef"], ["status"]):
            result = CliRunner().invoke(main, args)
            assert result.exit_code == 1, (args, result.output)
            assert f"127.0.0.1:{port}" in result.output and "pagemill up" in result.output, (args, result.output)
            assert "Traceback" not in result.output
    finally:
        get_settings.cache_clear()
