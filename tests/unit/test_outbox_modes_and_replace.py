"""Outbox files others can read, and records made again replace the old ones, saying so."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

from workers.edges.batch import run_batch
from workers.edges.ledger import MemoryLedger
from workers.edges.outbox import Outbox
from workers.models import Drop
from workers.stages import process_bytes

PAGE = b"Rivers\n\nThe barge left Antwerp for Basel in the spring of 2009.\n"


def _held(tmp_path: Path, name: str, data: bytes, mode: int) -> Drop:
    # Where the watcher holds a page: <drop id>.page in the processing folder (the writer takes it from there alone).
    drop = Drop(filename=name, size_bytes=len(data))
    held = tmp_path / "processing" / f"{drop.drop_id}.page"
    held.parent.mkdir(exist_ok=True)
    held.write_bytes(data)
    os.chmod(held, mode)
    return drop


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_record_takes_its_originals_mode(tmp_path):
    out = Outbox(tmp_path / "out", MemoryLedger(), processing=[tmp_path / "processing"], archive=tmp_path / "archive")
    outcome = out.write_record(_held(tmp_path, "p.txt", PAGE, 0o644), process_bytes(PAGE, "p.txt"))
    assert _mode(outcome.path) == 0o644
    out2 = Outbox(tmp_path / "out2", MemoryLedger(), processing=[tmp_path / "processing"], archive=tmp_path / "archive2")
    outcome = out2.write_record(_held(tmp_path, "q.txt", PAGE, 0o640), process_bytes(PAGE, "q.txt"))
    assert _mode(outcome.path) == 0o640


def test_the_outbox_mode_setting_wins_over_the_originals_mode(tmp_path):
    out = Outbox(tmp_path / "out", MemoryLedger(), processing=[tmp_path / "processing"], archive=tmp_path / "archive", mode=0o604)
    outcome = out.write_record(_held(tmp_path, "p.txt", PAGE, 0o600), process_bytes(PAGE, "p.txt"))
    assert _mode(outcome.path) == 0o604


def test_error_records_are_readable_by_others_by_default(tmp_path):
    out = Outbox(tmp_path / "out", MemoryLedger(), processing=[tmp_path / "processing"], failed=tmp_path / "failed")
    drop = Drop(filename="e.txt", size_bytes=0)
    outcome = out.write_error(drop, stage="intake", error="empty_file", message="file is empty")
    assert _mode(outcome.path) == 0o644


def _only_record(folder: Path) -> dict:
    records = [json.loads(p.read_text()) for p in folder.glob("*.json")]
    assert len(records) == 1
    return records[0]


def test_process_keeps_a_record_of_the_same_version_untouched(tmp_path):
    page = tmp_path / "in" / "river.txt"
    page.parent.mkdir()
    page.write_bytes(PAGE)
    assert run_batch([page], tmp_path / "out", progress=False)["done"] == 1
    first = _only_record(tmp_path / "out")
    counts = run_batch([page], tmp_path / "out", progress=False)
    assert counts["unchanged"] == 1 and counts["done"] == 0
    assert _only_record(tmp_path / "out") == first  # same received_at: not silently rewritten


def test_process_replaces_an_older_record_and_says_what_it_replaced(tmp_path):
    page = tmp_path / "in" / "river.txt"
    page.parent.mkdir()
    page.write_bytes(PAGE)
    run_batch([page], tmp_path / "out", progress=False)
    [path] = (tmp_path / "out").glob("*.json")
    old = json.loads(path.read_text())
    old["pipeline"]["version"] = "0.0.1+000000000000"
    path.write_text(json.dumps(old))
    counts = run_batch([page], tmp_path / "out", progress=False)
    assert counts["reprocessed"] == 1 and counts["done"] == 0
    new = _only_record(tmp_path / "out")
    assert new["id"] == old["id"]
    assert new["supersedes"]["pipeline_version"] == "0.0.1+000000000000"
    assert new["source"]["received_at"] == old["source"]["received_at"]
    assert new["pipeline"]["version"] != "0.0.1+000000000000"


def test_an_error_record_given_way_to_a_new_record_is_gone_and_the_record_stands_alone(tmp_path):
    """The one replace mechanism also serves a failed page made again: its error record gives way."""
    out = Outbox(tmp_path / "out", MemoryLedger(), processing=[tmp_path / "processing"], archive=tmp_path / "archive", failed=tmp_path / "failed")
    failed = out.write_error(Drop(filename="river.txt", size_bytes=len(PAGE)), stage="annotate", error="timeout", message="too slow")
    retry = _held(tmp_path, "river.txt", PAGE, 0o644)
    retry.replaces = failed.path.name
    outcome = out.write_record(retry, process_bytes(PAGE, "river.txt"))
    assert outcome.status == "done"
    assert not failed.path.exists()
    rec = _only_record(tmp_path / "out")
    assert rec["kind"] == "record" and "supersedes" not in rec


def test_reading_an_outcome_back_keeps_its_kind_version_and_arrival_but_not_its_segments(tmp_path):
    from workers.edges.outbox import atomic_write
    from workers.edges.replace import read_outcome

    record = process_bytes(PAGE, "river.txt")
    path = tmp_path / "river.json"
    atomic_write(path, record, 0o644)
    head = read_outcome(path)
    assert head["kind"] == "record" and head["pipeline"] == {"version": record.pipeline.version}
    assert head["source"] == {"received_at": json.loads(path.read_text())["source"]["received_at"]}
    # A big page's segments, entities and cells are never all parsed into memory just to read these.
    assert "segments" not in head and "entities" not in head
    assert read_outcome(tmp_path / "missing.json") is None
