import json
from pathlib import Path

from workers.edges.ledger import MemoryLedger
from workers.edges.outbox import Outbox, record_name, safe_stem
from workers.models import Drop
from workers.stages import process_bytes

PAGE = b"Heading\n\nParis is the capital of France. It is large.\n"


def _held(tmp_path: Path, name: str, data: bytes) -> Drop:
    held = tmp_path / "processing" / f"{name}.held"
    held.parent.mkdir(exist_ok=True)
    held.write_bytes(data)
    return Drop(filename=name, size_bytes=len(data), held_at=str(held))


def test_record_is_written_whole_and_original_archived(tmp_path):
    out = Outbox(tmp_path / "out", MemoryLedger(), archive=tmp_path / "archive", failed=tmp_path / "failed")
    drop = _held(tmp_path, "page.txt", PAGE)
    outcome = out.write_record(drop, process_bytes(PAGE, "page.txt"))
    assert outcome.status == "done"
    assert json.loads(outcome.path.read_text())["kind"] == "record"
    assert (tmp_path / "archive" / "page.txt").read_bytes() == PAGE
    assert [p.name for p in (tmp_path / "out").iterdir()] == [outcome.path.name]  # no temp files left


def test_same_content_twice_gives_one_record_and_a_duplicate_note_naming_it(tmp_path):
    out = Outbox(tmp_path / "out", MemoryLedger(), archive=tmp_path / "archive")
    first = out.write_record(_held(tmp_path, "a.txt", PAGE), process_bytes(PAGE, "a.txt"))
    second = out.write_record(_held(tmp_path, "b.txt", PAGE), process_bytes(PAGE, "b.txt"))
    assert first.status == "done" and second.status == "duplicate"
    note = json.loads(second.path.read_text())
    assert note["kind"] == "duplicate" and note["record"] == first.path.name and note["first_filename"] == "a.txt"
    assert len(list((tmp_path / "out").glob("*.json"))) == 2
    assert {p.name for p in (tmp_path / "archive").iterdir()} == {"a.txt", "b.txt"}


def test_redelivered_write_of_the_same_drop_writes_nothing_new(tmp_path):
    out = Outbox(tmp_path / "out", MemoryLedger(), archive=tmp_path / "archive")
    drop = _held(tmp_path, "a.txt", PAGE)
    record = process_bytes(PAGE, "a.txt")
    first = out.write_record(drop, record)
    again = out.write_record(drop, record)
    assert again.status == "done" and again.path == first.path
    assert len(list((tmp_path / "out").iterdir())) == 1


def test_error_record_says_why_and_keeps_the_original_in_failed(tmp_path):
    out = Outbox(tmp_path / "out", MemoryLedger(), archive=tmp_path / "archive", failed=tmp_path / "failed")
    drop = _held(tmp_path, "empty.txt", b"")
    outcome = out.write_error(drop, stage="intake", error="empty_file", message="file is empty")
    rec = json.loads(outcome.path.read_text())
    assert rec["kind"] == "error" and rec["error"] == "empty_file" and rec["stage"] == "intake"
    assert (tmp_path / "failed" / "empty.txt").exists()
    assert rec["original"].endswith("empty.txt")


def test_odd_names_give_safe_bounded_outbox_names():
    assert safe_stem("my page\nwith newline.txt") == "my_page_with_newline"
    assert safe_stem("Łódź — guide.txt") == "d_guide"
    assert len(record_name("x" * 400 + ".txt", "pm-0123456789abcdef")) < 120
    assert safe_stem("....") == "page"


def test_archive_name_clash_keeps_both_originals(tmp_path):
    out = Outbox(tmp_path / "out", MemoryLedger(), archive=tmp_path / "archive")
    out.write_record(_held(tmp_path, "a.txt", PAGE), process_bytes(PAGE, "a.txt"))
    other = PAGE + b"More text here.\n"
    out.write_record(_held(tmp_path, "a.txt", other), process_bytes(other, "a.txt"))
    assert len(list((tmp_path / "archive").iterdir())) == 2
