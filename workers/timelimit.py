"""The per-page time limit, shared by the service and ``pagemill process``.

A page that runs out of time would run out of time again: it is never
retried, and its error record (``too_large_to_finish``) says which limit to
raise. The service's Celery soft time limit and ``pagemill process``'s own
alarm both end in the same error record.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager

ERROR_CODE = "too_large_to_finish"


class PageTimeLimit(Exception):
    """Raised inside a stage when the page's time is up (``pagemill process``)."""


def too_large_message(stage: str, limit: int, size_bytes: int | None) -> str:
    """The error record's message; ``limit`` is the setting ``PAGEMILL_TASK_TIME_LIMIT``."""
    size = f" ({size_bytes / 1000:,.0f} KB)" if size_bytes else ""
    return (
        f"the page{size} did not finish within its time limit (PAGEMILL_TASK_TIME_LIMIT={limit} s); time ran out in {stage}. "
        f"It is not retried (it would run out of time again): raise PAGEMILL_TASK_TIME_LIMIT to process it, "
        f"or split it into smaller files."
    )


@contextmanager
def page_deadline(seconds: float | None) -> Iterator[None]:
    """Raise :class:`PageTimeLimit` in this thread after ``seconds`` (no limit when None, 0, or off the main thread)."""
    usable = bool(seconds) and hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    if not usable:
        yield
        return

    def _expired(_signum, _frame):
        raise PageTimeLimit()

    old = signal.signal(signal.SIGALRM, _expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)
