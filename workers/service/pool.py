"""Celery's prefork pool, made to survive a broker reconnect mid-result.

Celery reads each child's result off a pipe with a resumable generator that
it parks on the event loop while the rest of the message is still on its way.
When the broker connection drops, ``asynloop`` resets the event loop
(``hub.reset()``), which throws those parked generators away. On reconnect a
fresh reader starts in the middle of the half-read message, takes body bytes
for a length header, and the worker's main process dies unpickling garbage
(seen in CI as ``UnicodeDecodeError`` in ``asynpool._recv_message`` after the
broker was killed; a failed task's traceback makes results tens of KB, so the
window is real). Every page the worker held then waits for a restart.

The fix keeps each unfinished read per pipe, so the reader registered after
the reset resumes it instead of starting over. A frame that still cannot be
read (a child cut off mid-write by its soft time limit, seen in CI after a
broker restart) costs that child process, not the whole worker. Nothing else
about the pool changes. Selected with ``worker_pool`` in :mod:`workers.service.app`.
"""

from __future__ import annotations

import os
import signal
from collections.abc import Callable, Generator
from typing import Any

from celery.concurrency import asynpool, prefork

from ..logs import get_logger

log = get_logger("pagemill.pool")


class ResumableResultHandler(asynpool.ResultHandler):
    """Result reader whose half-read messages outlive an event-loop reset."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # fd -> (the process that owned the pipe, its unfinished reader)
        self._unfinished: dict[int, tuple[Any, Generator[None, None, None]]] = {}

    def _recv_message(self, add_reader: Callable, fd: int, callback: Callable, *args: Any, **kwargs: Any):
        owner = self.fileno_to_outq.get(fd)
        parked = self._unfinished.pop(fd, None)
        # A parked reader belongs to one process's pipe: if that process is
        # gone, the fd number may now be a new child's pipe, read from its start.
        if parked is not None and parked[0] is owner:
            inner = parked[1]
        else:
            inner = super()._recv_message(add_reader, fd, callback, *args, **kwargs)
        while True:
            try:
                next(inner)
            except StopIteration:
                return
            except (OSError, EOFError):
                raise  # a closed pipe: Celery's own handling removes the reader
            except Exception as exc:  # noqa: BLE001 - any unpickling failure means the same thing
                self._drop_out_of_step(fd, owner, exc)
                return
            self._unfinished[fd] = (owner, inner)
            yield  # dropped here by hub.reset(): the inner reader stays parked for the next one
            self._unfinished.pop(fd, None)

    def _drop_out_of_step(self, fd: int, owner: Any, exc: Exception) -> None:
        # A child interrupted while writing its result (a soft time limit
        # firing inside the pipe write) leaves a cut frame: every later read of
        # that pipe is out of step. Its process is killed, so the pool replaces
        # it and its unacknowledged task is redelivered (acks_late with
        # reject_on_worker_lost), instead of the worker's main process dying.
        pid = getattr(owner, "pid", None)
        log.error("pool.result_unreadable", fd=fd, pid=pid, error=f"{type(exc).__name__}: {exc}"[:300],
                  action="child process killed; its task is redelivered")
        if pid:
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass


class ResumableAsynPool(asynpool.AsynPool):
    ResultHandler = ResumableResultHandler


class TaskPool(prefork.TaskPool):
    """Celery's prefork pool with :class:`ResumableResultHandler`."""

    Pool = ResumableAsynPool
