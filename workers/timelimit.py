"""The per-page limits of size and time, shared by the service and ``pagemill process``.

A file over ``PAGEMILL_MAX_PAGE_BYTES`` is refused before any stage reads it
(``too_large``), with a message that says what raising the limit costs.

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


#: What a worker process needs per MB of page text, at its peak (measured with benchmarks/sizes.py: a
#: process with the model loaded takes about 225 MB; a 2 MB page of text peaked at 363 MB, a 5 MB one at 556).
MB_PER_MB_OF_TEXT = 70


def too_big_message(size_bytes: int, limit: int) -> str:
    """The ``too_large`` error record's message; ``limit`` is the setting ``PAGEMILL_MAX_PAGE_BYTES``."""
    return (
        f"file is {size_bytes:,} bytes; the limit is {limit:,} (raise PAGEMILL_MAX_PAGE_BYTES to accept it: "
        f"a worker process needs about {MB_PER_MB_OF_TEXT} MB of memory per MB of text, and PAGEMILL_TASK_TIME_LIMIT "
        f"must leave it the time; or split it into smaller files)"
    )


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
