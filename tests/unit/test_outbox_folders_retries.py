"""The outbox writer with inbox subfolders and retried pages (real files, in-memory ledger)."""

import json

import pytest
from pydantic import ValidationError

from workers.edges.ledger import MemoryLedger
from workers.edges.outbox import Outbox
from workers.models import Drop
from workers.stages import process_bytes

PAGE = b"Mill Notes\n\nThe mill at Lowell reopened in October 2012.\n"


def _held(tmp_path, name, data, **kw) -> Drop:
    # Where the watcher holds a page: <drop id>.page in the processing folder (the writer takes it from there alone).
    drop = Drop(filename=name, size_bytes=len(data), **kw)
    held = tmp_path / "processing" / f"{drop.drop_id}.page"
    held.parent.mkdir(exist_ok=True)
    held.write_bytes(data)
    return drop


def _outbox(tmp_path, ledger=None):
    return Outbox(tmp_path / "out", ledger or MemoryLedger(), processing=[tmp_path / "processing"], archive=tmp_path / "archive", failed=tmp_path / "failed")


def test_originals_from_a_subfolder_are_filed_under_the_same_tree(tmp_path):
    out = _outbox(tmp_path)
    record = process_bytes(PAGE, "mill.txt")
    record.source.folder = "2012/autumn"
    done = out.write_record(_held(tmp_path, "mill.txt", PAGE, folder="2012/autumn"), record)
    assert json.loads(done.path.read_text())["source"]["folder"] == "2012/autumn"
    assert (tmp_path / "archive" / "2012" / "autumn" / "mill.txt").read_bytes() == PAGE
    failed = out.write_error(_held(tmp_path, "bad.txt", b"\0\0", folder="2012"), stage="intake", error="binary_file", message="binary")
    assert json.loads(failed.path.read_text())["folder"] == "2012"
    assert (tmp_path / "failed" / "2012" / "bad.txt").exists()


@pytest.mark.parametrize("folder", ["../escape", "/etc", "a/../../b"])
def test_a_drop_folder_outside_the_inbox_is_refused(folder):
    with pytest.raises(ValidationError):
        Drop(filename="x.txt", folder=folder)


def test_a_backslash_in_a_drop_folder_is_written_escaped_and_stays_one_folder_inside():
    assert Drop(filename="x.txt", folder="a\\b/..\\c").folder == "a%5Cb/..%5Cc"


def test_a_retried_pages_new_outcome_replaces_the_old_error_record(tmp_path):
    ledger = MemoryLedger()
    out = _outbox(tmp_path, ledger)
    old = _held(tmp_path, "mill.txt", PAGE)
    first = out.write_error(old, stage="annotate", error="stage_error", message="a bug")
    assert first.path.exists()
    retry = _held(tmp_path, "mill.txt", PAGE, retry_of=old.drop_id)
    done = out.write_record(retry, process_bytes(PAGE, "mill.txt"))
    assert done.status == "done"
    assert not first.path.exists()
    assert [p.name for p in (tmp_path / "out").glob("*.json")] == [done.path.name]


def test_a_retry_removes_only_an_error_record_in_the_outbox(tmp_path):
    ledger = MemoryLedger()
    out = _outbox(tmp_path, ledger)
    keep = tmp_path / "out" / "keep.json"
    keep.write_text("{}")
    ledger.set_drop("olddrop", status="failed", outcome="keep.json")
    out.write_record(_held(tmp_path, "mill.txt", PAGE, retry_of="olddrop"), process_bytes(PAGE, "mill.txt"))
    assert keep.exists()
    (tmp_path / "elsewhere.error.json").write_text("{}")
    ledger.set_drop("other", status="failed", outcome="../elsewhere.error.json")
    out.write_record(_held(tmp_path, "mill2.txt", PAGE + b"x", retry_of="other"), process_bytes(PAGE + b"x", "mill2.txt"))
    assert (tmp_path / "elsewhere.error.json").exists()
