"""The watcher on a real inbox (OS events, the in-process ledger): what it queues, and what it says about it."""

from __future__ import annotations

import contextlib
import os
import threading
import time

import structlog

from workers.edges.ledger import QUEUED, MemoryLedger
from workers.edges.watcher import Watcher
from workers.settings import Settings


def _watcher(tmp_path, sent: list, arrived: threading.Event) -> Watcher:
    s = Settings(inbox=tmp_path / "inbox", state_dir=tmp_path / "state", sweep_interval=3600)

    def submit(drop, data_b64):
        sent.append((drop, data_b64))
        arrived.set()

    return Watcher(s, MemoryLedger(), submit=submit, reject=lambda *a: None)


def test_a_page_renamed_into_the_inbox_is_queued_with_its_bytes_and_logged_as_queued(tmp_path):
    sent: list = []
    arrived = threading.Event()
    w = _watcher(tmp_path, sent, arrived)
    w.start()
    try:
        staged = tmp_path / "staged.txt"
        staged.write_text("A short page about a harbour.\n", encoding="utf-8")
        with structlog.testing.capture_logs() as logs:
            os.rename(staged, w.inbox / "harbour.txt")
            assert arrived.wait(30), "the renamed page was never queued"
    finally:
        w.stop()
    (drop, data), = sent
    assert drop.filename == "harbour.txt" and drop.size_bytes == 30
    assert w.ledger.get_drop(drop.drop_id)["status"] == QUEUED
    queued = [e for e in logs if e["event"] == "page queued"]
    assert [(e["filename"], e["document_id"], e["size_bytes"]) for e in queued] == [("harbour.txt", drop.drop_id, 30)]


class _RecordingBatch:
    """A batch like the service's: what is submitted inside reaches the queue only when the block ends, or never."""

    def __init__(self, queue: list, fail_first: int = 0) -> None:
        self.queue, self.fail_first, self.batches = queue, fail_first, []
        self.open: list | None = None

    def submit(self, drop, data_b64) -> None:
        assert self.open is not None, "a page was submitted outside a batch"
        self.open.append((drop, data_b64))

    @contextlib.contextmanager
    def __call__(self):
        self.open = []
        try:
            yield
            if self.fail_first:
                self.fail_first -= 1
                raise ConnectionError("the broker went away before the batch was sent")
            self.queue.extend(self.open)
            self.batches.append([d.filename for d, _ in self.open])
        finally:
            self.open = None


def _batched_watcher(tmp_path, queue: list, fail_first: int = 0) -> tuple[Watcher, _RecordingBatch]:
    s = Settings(inbox=tmp_path / "inbox", state_dir=tmp_path / "state", sweep_interval=3600, settle_seconds=0.05,
                 max_page_bytes=20_000_000)
    b = _RecordingBatch(queue, fail_first)
    return Watcher(s, MemoryLedger(), submit=b.submit, reject=lambda *a: None, batch=b), b


def _wait_for(queue: list, n: int, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while len(queue) < n and time.monotonic() < deadline:
        time.sleep(0.02)


def test_pages_found_together_are_queued_in_one_batch_each_marked_queued(tmp_path):
    queue: list = []
    w, b = _batched_watcher(tmp_path, queue)
    names = [f"note-{i}.txt" for i in range(6)]
    for i, name in enumerate(names):
        (w.inbox / name).write_text(f"Note {i} on the ferry timetable.\n", encoding="utf-8")
    w.start()  # all six are found by the start-up scan, so they settle and are taken in the same pass
    try:
        _wait_for(queue, 6)
    finally:
        w.stop()
    assert [sorted(names_sent) for names_sent in b.batches] == [names]
    assert {d.filename for d, _ in queue} == set(names)
    assert all(w.ledger.get_drop(d.drop_id)["status"] == QUEUED for d, _ in queue)


def test_pages_whose_batch_could_not_be_sent_are_sent_again_each_once(tmp_path):
    queue: list = []
    w, b = _batched_watcher(tmp_path, queue, fail_first=1)
    names = [f"memo-{i}.txt" for i in range(3)]
    for i, name in enumerate(names):
        (w.inbox / name).write_text(f"Memo {i} about the bridge repairs.\n", encoding="utf-8")
    w.start()
    try:
        _wait_for(queue, 3)
        time.sleep(0.3)  # would any page be sent twice?
    finally:
        w.stop()
    assert sorted(d.filename for d, _ in queue) == names
    assert len({d.drop_id for d, _ in queue}) == 3
    assert not list(w.inbox.iterdir()), "every page left the inbox"


def test_big_pages_found_together_are_sent_in_several_batches_so_their_bytes_are_not_all_held_at_once(tmp_path):
    queue: list = []
    w, b = _batched_watcher(tmp_path, queue)
    line = b"A long line about the river barges and their cargo.\n"
    for i in range(3):
        (w.inbox / f"ledger-{i}.txt").write_bytes(line * (9_000_000 // len(line)))
    w.start()
    try:
        _wait_for(queue, 3)
    finally:
        w.stop()
    assert sorted(len(batch) for batch in b.batches) == [1, 2]  # 16 MB a batch at most (plus the page that passed it)
    assert {d.filename for d, _ in queue} == {f"ledger-{i}.txt" for i in range(3)}


def test_a_page_deleted_while_open_gets_one_vanished_record_even_when_its_close_comes_after(tmp_path):
    s = Settings(inbox=tmp_path / "inbox", state_dir=tmp_path / "state", sweep_interval=3600)
    rejected: list = []
    w = Watcher(s, MemoryLedger(), submit=lambda *a: None, reject=lambda drop, code, message: rejected.append(code))
    path = str(w.inbox / "vanishing.txt")  # never on disk: written, then deleted while its writer held it open
    w.note(path, modified=True)
    w._ready(time.monotonic())
    assert rejected == ["vanished"]
    w.note(path, closed=True)  # the writer's close, reported after the delete
    w._ready(time.monotonic())
    assert rejected == ["vanished"], "one file, one outcome"


def test_a_page_written_in_place_whose_close_event_the_os_dropped_is_taken_by_a_later_sweep(tmp_path):
    # The OS drops events when its queue overflows (a burst of thousands of pages on a busy machine): a page
    # can be left with its write seen and its writer's close never reported.
    queue: list = []
    s = Settings(inbox=tmp_path / "inbox", state_dir=tmp_path / "state", sweep_interval=0.3, settle_seconds=0.05)
    b = _RecordingBatch(queue)
    w = Watcher(s, MemoryLedger(), submit=b.submit, reject=lambda *a: None, batch=b)
    page = w.inbox / "overflowed.txt"
    page.write_text("A page about the lock keepers of the canal.\n", encoding="utf-8")
    w.note(str(page), modified=True)  # the only event that reached us: its close was lost
    with structlog.testing.capture_logs() as logs:
        w.start()
        try:
            _wait_for(queue, 1, timeout=20)
        finally:
            w.stop()
    assert [d.filename for d, _ in queue] == ["overflowed.txt"], "the page was never taken"
    assert not page.exists()
    assert any("no close seen" in e["event"] and e["filename"] == "overflowed.txt" for e in logs)


def test_a_page_still_open_for_writing_is_not_taken_while_its_writer_is_active(tmp_path):
    queue: list = []
    s = Settings(inbox=tmp_path / "inbox", state_dir=tmp_path / "state", sweep_interval=1.0, settle_seconds=0.05)
    b = _RecordingBatch(queue)
    w = Watcher(s, MemoryLedger(), submit=b.submit, reject=lambda *a: None, batch=b)
    w.start()
    try:
        with (w.inbox / "growing.txt").open("w", encoding="utf-8") as f:
            for i in range(25):  # written every 0.1 s for 2.5 s, over two sweeps, and held open throughout
                f.write(f"Line {i} of the harbour log.\n")
                f.flush()
                time.sleep(0.1)
            assert queue == [], "a page was taken while its writer still had it open and was writing"
        _wait_for(queue, 1)
    finally:
        w.stop()
    (drop, data), = queue
    assert drop.filename == "growing.txt" and drop.size_bytes == sum(len(f"Line {i} of the harbour log.\n") for i in range(25))
