"""The worker's result reader survives an event-loop reset in the middle of a message.

Real pipes and Celery's own reading code; only the handler's pool wiring is
left out (the pieces ``_recv_message`` touches are set by hand).
"""

from __future__ import annotations

import gc
import os
import pickle
import struct

import pytest

from workers.service.pool import ResumableResultHandler


def _handler(fd: int, owner: object) -> ResumableResultHandler:
    h = object.__new__(ResumableResultHandler)  # the full pool wiring is not needed to read a pipe
    h.fileno_to_outq = {fd: owner}
    h._unfinished = {}
    h.handle_event = lambda fileno: None
    return h


def _frame(message: object) -> bytes:
    body = pickle.dumps(message)
    return struct.pack(">i", len(body)) + body


def _drive(reader) -> None:
    """Run a reader as the event loop would, until it has nothing left to read."""
    for _ in range(1000):
        try:
            next(reader)
        except StopIteration:
            return
    raise AssertionError("reader never finished")


@pytest.fixture
def pipe():
    r, w = os.pipe()
    os.set_blocking(r, False)
    yield r, w
    os.close(r)
    os.close(w)


def test_a_result_half_read_when_the_loop_resets_is_finished_by_the_next_reader(pipe):
    r, w = pipe
    message = ("READY", "traceback " * 4000)  # a failed task's result: tens of KB
    frame = _frame(message)
    got: list = []
    handler = _handler(r, owner=object())
    os.write(w, frame[:1000])
    first = handler._recv_message(lambda *a: None, r, got.append)
    next(first)  # header and part of the body read; parked on the loop
    del first  # hub.reset() throws the parked reader away
    gc.collect()
    os.write(w, frame[1000:])
    _drive(handler._recv_message(lambda *a: None, r, got.append))
    assert got == [message]
    assert handler._unfinished == {}


def test_messages_after_a_resumed_one_are_read_whole(pipe):
    r, w = pipe
    a, b = ("READY", "a" * 20000), ("READY", "b")
    frame = _frame(a)
    got: list = []
    handler = _handler(r, owner=object())
    os.write(w, frame[:10])
    first = handler._recv_message(lambda *x: None, r, got.append)
    next(first)
    del first
    os.write(w, frame[10:] + _frame(b))
    _drive(handler._recv_message(lambda *x: None, r, got.append))
    _drive(handler._recv_message(lambda *x: None, r, got.append))
    assert got == [a, b]


def test_a_parked_read_from_a_process_that_is_gone_is_not_resumed_on_its_fd(pipe):
    r, w = pipe
    got: list = []
    handler = _handler(r, owner=object())
    os.write(w, _frame(("READY", "x" * 5000))[:100])
    first = handler._recv_message(lambda *a: None, r, got.append)
    next(first)
    del first
    handler.fileno_to_outq[r] = object()  # a new child now owns the same fd number
    fresh = ("READY", "new child")
    os.write(w, _frame(fresh))
    _drive(handler._recv_message(lambda *a: None, r, got.append))
    assert got == [fresh]


def test_a_cut_frame_kills_only_the_child_that_wrote_it_not_the_reader(pipe):
    import subprocess
    import sys

    r, w = pipe
    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])

    class Owner:
        pid = child.pid

    got: list = []
    handler = _handler(r, owner=Owner())
    good = _frame(("READY", "whole"))
    # a frame cut off mid-write, then the next message: the reader takes the
    # next message's bytes as the rest of the body and cannot unpickle them
    cut = _frame(("READY", "é" * 400))
    os.write(w, cut[:200] + good + b"\x80" * (len(cut) - 200 - len(good)))
    _drive(handler._recv_message(lambda *a: None, r, got.append))  # returns instead of raising
    assert child.wait(timeout=10) == -9
    assert got == []
