"""`pagemill process` run again over the same inputs writes nothing new; a path given twice is one page;
a named pipe gets the service's `not_a_file` error record instead of a read that never ends."""

import json
import os
import threading

import pytest
from click.testing import CliRunner

from workers.cli import main
from workers.edges.batch import find_pages, run_batch

PAGE = b"A Short Report\n\nThe harbour office in Bergen opened on 2 March 2015.\n"
JUNK = bytes(range(256)) * 8  # control bytes throughout: refused as binary_file


def _outbox(folder):
    """Every outcome file in ``folder``: name -> bytes."""
    return {p.name: p.read_bytes() for p in sorted(folder.glob("*.json"))}


def _kinds(folder):
    return sorted(
        (doc["kind"], doc.get("filename") or doc["source"]["filename"])
        for doc in (json.loads(b) for b in _outbox(folder).values())
    )


def _inputs(root):
    root.mkdir()
    (root / "a.txt").write_bytes(PAGE)
    (root / "b.txt").write_bytes(PAGE)  # the same content as a.txt: a duplicate note
    (root / "empty.txt").write_bytes(b"")
    (root / "junk.txt").write_bytes(JUNK)
    return root


def test_running_again_over_the_same_folder_writes_no_second_error_record_or_duplicate_note(tmp_path):
    src, out = _inputs(tmp_path / "in"), tmp_path / "out"
    first = run_batch([src], out, progress=False)
    assert (first["done"], first["duplicate"], first["failed"]) == (1, 1, 2)
    written = _outbox(out)
    assert _kinds(out) == [("duplicate", "b.txt"), ("error", "empty.txt"), ("error", "junk.txt"), ("record", "a.txt")]

    for _ in range(2):
        again = run_batch([src], out, progress=False)
        assert _outbox(out) == written  # the same files, byte for byte: nothing added, nothing rewritten
        assert again["done"] == 0 and again["unchanged"] == 1
        # Still told apart in the counts: the inputs are still a duplicate and two failures.
        assert (again["duplicate"], again["duplicate_kept"]) == (1, 1)
        assert (again["failed"], again["failed_kept"]) == (2, 2)


def test_running_again_over_one_bad_file_keeps_its_error_record(tmp_path):
    bad, out = tmp_path / "empty.txt", tmp_path / "out"
    bad.write_bytes(b"  \n")
    run_batch([bad], out, progress=False)
    written = _outbox(out)
    run_batch([bad], out, progress=False)
    assert _outbox(out) == written


def test_a_file_whose_failure_changed_gets_a_new_error_record(tmp_path):
    page, out = tmp_path / "page.txt", tmp_path / "out"
    page.write_bytes(b"")
    run_batch([page], out, progress=False)
    page.write_bytes(JUNK)  # other content, another failure: not the outcome that is there
    counts = run_batch([page], out, progress=False)
    assert counts["failed"] == 1 and counts["failed_kept"] == 0
    assert sorted(json.loads(b)["error"] for b in _outbox(out).values()) == ["binary_file", "empty_file"]


def test_two_bad_files_of_one_name_and_content_keep_one_error_record_each(tmp_path):
    (tmp_path / "d1").mkdir()
    (tmp_path / "d2").mkdir()
    files = [tmp_path / "d1" / "empty.txt", tmp_path / "d2" / "empty.txt"]
    for f in files:
        f.write_bytes(b"")
    out = tmp_path / "out"
    run_batch(files, out, progress=False)
    written = _outbox(out)
    assert len(written) == 2  # two files, two outcomes, as before
    counts = run_batch(files, out, progress=False)
    assert _outbox(out) == written and counts["failed_kept"] == 2


def test_the_cli_says_what_an_earlier_run_already_wrote(tmp_path):
    src, out = _inputs(tmp_path / "in"), tmp_path / "out"
    CliRunner().invoke(main, ["process", str(src), "-o", str(out)])
    written = _outbox(out)
    result = CliRunner().invoke(main, ["process", str(src), "-o", str(out)])
    assert _outbox(out) == written
    assert "1 duplicates (1 already written by an earlier run, kept)" in result.output
    assert "2 errors (2 already written by an earlier run, kept)" in result.output


def test_a_file_named_twice_is_one_page_with_no_duplicate_note(tmp_path):
    page = tmp_path / "in" / "a.txt"
    page.parent.mkdir()
    page.write_bytes(PAGE)
    out = tmp_path / "out"
    counts = run_batch([page, page, tmp_path / "in" / ".." / "in" / "a.txt"], out, progress=False)
    assert counts["done"] == 1 and counts["duplicate"] == 0
    assert _kinds(out) == [("record", "a.txt")]


def test_a_file_named_and_inside_a_folder_named_is_found_once(tmp_path):
    src = tmp_path / "in"
    (src / "sub").mkdir(parents=True)
    (src / "sub" / "a.txt").write_bytes(PAGE)
    (src / "b.txt").write_bytes(PAGE + b"More.\n")
    found = find_pages([src, src / "sub" / "a.txt", src / "sub", src / "b.txt"])
    assert sorted(found.files) == [src / "b.txt", src / "sub" / "a.txt"]
    assert found.folders == {src / "sub" / "a.txt": "sub"}  # where it was first reached


def test_a_link_to_a_file_named_too_is_the_same_page(tmp_path):
    page = tmp_path / "a.txt"
    page.write_bytes(PAGE)
    (tmp_path / "link.txt").symlink_to(page)
    assert find_pages([page, tmp_path / "link.txt"]).files == [page]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_a_named_pipe_gets_a_not_a_file_error_record_and_the_batch_goes_on(tmp_path):
    fifo, page, out = tmp_path / "f.txt", tmp_path / "a.txt", tmp_path / "out"
    os.mkfifo(fifo)
    page.write_bytes(PAGE)
    result: dict = {}
    worker = threading.Thread(target=lambda: result.update(run_batch([fifo, page], out, progress=False)), daemon=True)
    worker.start()
    worker.join(timeout=60)
    if worker.is_alive():
        # Unblock the read that waits for a writer, so the test ends (the page then reads as empty).
        os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
        worker.join(timeout=30)
        pytest.fail("pagemill process hung reading a named pipe")
    assert result["failed"] == 1 and result["done"] == 1
    [error] = [json.loads(b) for b in _outbox(out).values() if json.loads(b)["kind"] == "error"]
    assert (error["filename"], error["stage"], error["error"]) == ("f.txt", "intake", "not_a_file")
    assert error["message"] == "not a regular file"  # the service's words (workers/edges/watcher.py)
    assert "sha256" not in error  # never read
    assert _kinds(out) == [("error", "f.txt"), ("record", "a.txt")]
    # Run again: the same refusal is already there.
    worker = threading.Thread(target=lambda: result.update(run_batch([fifo], out, progress=False)), daemon=True)
    worker.start()
    worker.join(timeout=60)
    assert not worker.is_alive()
    assert result["failed_kept"] == 1 and len(_outbox(out)) == 2

