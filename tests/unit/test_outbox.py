import hashlib
import json
import os
from pathlib import Path

from workers.edges.ledger import MemoryLedger
import pytest

from workers.edges.outbox import Outbox, Refused, record_name, safe_stem
from workers.models import Drop
from workers.stages import process_bytes

PAGE = b"Heading\n\nParis is the capital of France. It is large.\n"


def _held(tmp_path: Path, name: str, data: bytes) -> Drop:
    drop = Drop(filename=name, size_bytes=len(data))
    held = tmp_path / "processing" / f"{drop.drop_id}.page"
    held.parent.mkdir(exist_ok=True)
    held.write_bytes(data)
    drop.held_at = str(held)
    return drop


def _outbox(tmp_path: Path, **kw) -> Outbox:
    return Outbox(tmp_path / "out", MemoryLedger(), processing=[tmp_path / "processing"], **kw)


def test_record_is_written_whole_and_original_archived(tmp_path):
    out = _outbox(tmp_path, archive=tmp_path / "archive", failed=tmp_path / "failed")
    drop = _held(tmp_path, "page.txt", PAGE)
    outcome = out.write_record(drop, process_bytes(PAGE, "page.txt"))
    assert outcome.status == "done"
    assert json.loads(outcome.path.read_text())["kind"] == "record"
    assert (tmp_path / "archive" / "page.txt").read_bytes() == PAGE
    assert [p.name for p in (tmp_path / "out").iterdir()] == [outcome.path.name]  # no temp files left


def test_same_content_twice_gives_one_record_and_a_duplicate_note_naming_it(tmp_path):
    out = _outbox(tmp_path, archive=tmp_path / "archive")
    first = out.write_record(_held(tmp_path, "a.txt", PAGE), process_bytes(PAGE, "a.txt"))
    second = out.write_record(_held(tmp_path, "b.txt", PAGE), process_bytes(PAGE, "b.txt"))
    assert first.status == "done" and second.status == "duplicate"
    note = json.loads(second.path.read_text())
    assert note["kind"] == "duplicate" and note["record"] == first.path.name and note["first_filename"] == "a.txt"
    assert len(list((tmp_path / "out").glob("*.json"))) == 2
    assert {p.name for p in (tmp_path / "archive").iterdir()} == {"a.txt", "b.txt"}


def test_redelivered_write_of_the_same_drop_writes_nothing_new(tmp_path):
    out = _outbox(tmp_path, archive=tmp_path / "archive")
    drop = _held(tmp_path, "a.txt", PAGE)
    record = process_bytes(PAGE, "a.txt")
    first = out.write_record(drop, record)
    again = out.write_record(drop, record)
    assert again.status == "done" and again.path == first.path
    assert len(list((tmp_path / "out").iterdir())) == 1


def _lose_what_the_ledger_heard(out: Outbox, drop: Drop, tmp_path: Path, filed: Path) -> None:
    """The state a broker lost half way through filing leaves: the outcome file written, nothing else."""
    out.ledger.drops.pop(drop.drop_id)
    filed.rename(drop.held_at)


def test_error_for_a_page_whose_record_an_earlier_attempt_wrote_keeps_the_record_alone(tmp_path):
    out = _outbox(tmp_path, archive=tmp_path / "archive", failed=tmp_path / "failed")
    drop = _held(tmp_path, "a.txt", PAGE)
    drop.sha256 = hashlib.sha256(PAGE).hexdigest()
    first = out.write_record(drop, process_bytes(PAGE, "a.txt"))
    _lose_what_the_ledger_heard(out, drop, tmp_path, tmp_path / "archive" / "a.txt")

    outcome = out.write_error(drop, stage="process", error="too_large_to_finish", message="time ran out")

    assert outcome.status == "done" and outcome.path == first.path
    assert [p.name for p in (tmp_path / "out").iterdir()] == [first.path.name]
    assert (tmp_path / "archive" / "a.txt").read_bytes() == PAGE and not (tmp_path / "failed").exists()
    assert out.ledger.get_drop(drop.drop_id)["status"] == "done"


def test_record_of_a_page_replaces_the_error_record_an_earlier_attempt_wrote_unannounced(tmp_path):
    out = _outbox(tmp_path, archive=tmp_path / "archive", failed=tmp_path / "failed")
    drop = _held(tmp_path, "a.txt", PAGE)
    drop.sha256 = hashlib.sha256(PAGE).hexdigest()
    error = out.write_error(drop, stage="process", error="stage_error", message="broker away")
    # As the broker left it: the error record written and its original in failed/, the ledger told nothing.
    out.ledger.drops.pop(drop.drop_id)

    outcome = out.write_record(drop, process_bytes(PAGE, "a.txt"))

    assert outcome.status == "done" and not error.path.exists()
    assert [p.name for p in (tmp_path / "out").iterdir()] == [outcome.path.name]
    assert (tmp_path / "archive" / "a.txt").read_bytes() == PAGE and outcome.original == tmp_path / "archive" / "a.txt"
    assert not (tmp_path / "failed" / "a.txt").exists()


def test_error_record_says_why_and_keeps_the_original_in_failed(tmp_path):
    out = _outbox(tmp_path, archive=tmp_path / "archive", failed=tmp_path / "failed")
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


@pytest.mark.parametrize(
    ("name", "escaped"),
    [(b"caf\xe9.txt", "caf%E9.txt"), (b"a\xff\xfeb.txt", "a%FF%FEb.txt"), ("Łódź.txt".encode(), "Łódź.txt"), (b"50%.txt", "50%.txt")],
)
def test_a_drop_named_with_bytes_that_are_not_utf8_carries_them_escaped_so_json_can_hold_it(name, escaped):
    drop = Drop(filename=os.fsdecode(name), folder=os.fsdecode(b"sub\xe9/dir"))
    assert drop.filename == escaped and drop.folder == "sub%E9/dir"
    assert json.loads(drop.model_dump_json())["filename"] == escaped


def test_archive_name_clash_keeps_both_originals(tmp_path):
    out = _outbox(tmp_path, archive=tmp_path / "archive")
    out.write_record(_held(tmp_path, "a.txt", PAGE), process_bytes(PAGE, "a.txt"))
    other = PAGE + b"More text here.\n"
    out.write_record(_held(tmp_path, "a.txt", other), process_bytes(other, "a.txt"))
    assert len(list((tmp_path / "archive").iterdir())) == 2


def test_writer_ignores_the_path_a_message_names_and_files_only_its_own_held_page(tmp_path):
    victim = tmp_path / "elsewhere" / "victim.txt"
    victim.parent.mkdir()
    victim.write_bytes(b"not a page of ours")
    out = _outbox(tmp_path, failed=tmp_path / "failed")
    drop = Drop(filename="x.txt", held_at=str(victim))
    outcome = out.write_error(drop, stage="intake", error="stage_error", message="y")
    assert victim.read_bytes() == b"not a page of ours"
    assert outcome.original is None and not (tmp_path / "failed").exists()


@pytest.mark.parametrize("drop_id", ["../../etc/passwd", "..", "abc/def", "ABCDEF0123456789", "0123456789abcdef\n"])
def test_a_drop_id_that_is_not_ours_is_refused_before_anything_is_written(tmp_path, drop_id):
    out = _outbox(tmp_path, failed=tmp_path / "failed")
    with pytest.raises(Refused):
        out.write_error(Drop(drop_id=drop_id, filename="x.txt"), stage="intake", error="stage_error", message="y")
    assert list((tmp_path / "out").iterdir()) == []


def test_a_symlink_in_the_processing_folder_is_refused_and_its_target_stays(tmp_path):
    target = tmp_path / "secret.txt"
    target.write_bytes(b"keep me")
    drop = Drop(filename="x.txt")
    (tmp_path / "processing").mkdir()
    (tmp_path / "processing" / f"{drop.drop_id}.page").symlink_to(target)
    out = _outbox(tmp_path, failed=tmp_path / "failed")
    with pytest.raises(Refused):
        out.write_error(drop, stage="intake", error="stage_error", message="y")
    assert target.read_bytes() == b"keep me"
    assert (tmp_path / "processing" / f"{drop.drop_id}.page").is_symlink()
    assert list((tmp_path / "out").iterdir()) == []


def test_a_record_of_other_content_than_the_drop_is_refused(tmp_path):
    drop = _held(tmp_path, "a.txt", PAGE)
    drop.sha256 = "0" * 64
    with pytest.raises(Refused):
        _outbox(tmp_path, archive=tmp_path / "archive").write_record(drop, process_bytes(PAGE, "a.txt"))
    assert list((tmp_path / "out").iterdir()) == []


def test_a_dot_dot_file_name_is_archived_inside_the_archive(tmp_path):
    out = _outbox(tmp_path, archive=tmp_path / "archive")
    out.write_record(_held(tmp_path, "..", PAGE), process_bytes(PAGE, "page.txt"))
    (only,) = list((tmp_path / "archive").iterdir())
    assert only.read_bytes() == PAGE


def test_a_link_the_watcher_refused_is_filed_as_the_link_itself_never_followed(tmp_path):
    target = tmp_path / "secret.txt"
    target.write_bytes(b"keep me")
    drop = Drop(filename="link.txt")
    (tmp_path / "processing").mkdir()
    (tmp_path / "processing" / f"{drop.drop_id}.page").symlink_to(target)
    out = _outbox(tmp_path, failed=tmp_path / "failed")
    outcome = out.write_error(drop, stage="intake", error="symlink", message="not followed")
    assert outcome.original == tmp_path / "failed" / "link.txt"
    assert outcome.original.is_symlink() and target.read_bytes() == b"keep me"
