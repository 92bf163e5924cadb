"""The per-page limits of size and time, shared by the service and ``pagemill process``.

Two size limits (``too_large``), each with a message that says what raising it
costs. ``PAGEMILL_MAX_PAGE_BYTES`` bounds a page's text, which is what the stages
pay for: for text, HTML and Markdown that is the file, refused before any stage
reads it; a PDF or Word file's size says little about its text (images, fonts),
so there it bounds the text read out of it. ``PAGEMILL_MAX_FILE_BYTES`` bounds
any file before it is read at all.

A page that runs out of time would run out of time again: it is never
retried, and its error record (``too_large_to_finish``) says which limit to
raise. The service's Celery soft time limit and ``pagemill process``'s own
alarm both end in the same error record.
"""

from __future__ import annotations

import io
import signal
import threading
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager

ERROR_CODE = "too_large_to_finish"


#: What a worker process needs per MB of page text, at its peak (measured with benchmarks/sizes.py: a
#: process with the model loaded takes about 225 MB; a 2 MB page of text peaked at 363 MB, a 5 MB one at 556).
MB_PER_MB_OF_TEXT = 70


def too_big_message(size_bytes: int, limit: int, what: str = "file") -> str:
    """The ``too_large`` error record's message for a page's text; ``limit`` is ``PAGEMILL_MAX_PAGE_BYTES``."""
    return (
        f"{what} is {size_bytes:,} bytes; the limit is {limit:,} (raise PAGEMILL_MAX_PAGE_BYTES to accept it: "
        f"a worker process needs about {MB_PER_MB_OF_TEXT} MB of memory per MB of text, and PAGEMILL_TASK_TIME_LIMIT "
        f"must leave it the time; or split it into smaller files)"
    )


def text_inside(head: bytes) -> bool:
    """A PDF or a zip (Word) file, whose size is not its text's: the page limit applies to the text read out of it."""
    return head.startswith((b"%PDF-", b"PK\x03\x04"))


def size_refusal(data_or_head: bytes, size: int, max_page_bytes: int | None, max_file_bytes: int | None) -> str | None:
    """Why a file of ``size`` bytes, starting with ``data_or_head``, is refused before it is read; None if it is not."""
    if max_file_bytes is not None and size > max_file_bytes:
        return (
            f"file is {size:,} bytes; the limit on any file is {max_file_bytes:,} (raise PAGEMILL_MAX_FILE_BYTES "
            f"to accept it, or split it into smaller files)"
        )
    if max_page_bytes is not None and size > max_page_bytes and not text_inside(data_or_head[:8]):
        return too_big_message(size, max_page_bytes)
    return None


class PageTimeLimit(Exception):
    """Raised inside a stage when the page's time is up (``pagemill process``)."""


def _time_up() -> tuple[type[BaseException], ...]:
    try:  # the service's soft limit (Celery's, raised by billiard); this module itself knows nothing of Celery
        from billiard.exceptions import SoftTimeLimitExceeded
    except ImportError:
        return (PageTimeLimit,)
    return (PageTimeLimit, SoftTimeLimitExceeded)


#: What a stage sees when the page's time is up, in ``pagemill process`` or the service. A reader's "could not
#: be read" handler must let these through: a Word file that unpacked for two minutes was told "unreadable
#: (PageTimeLimit)" instead of which limit to raise.
TIME_UP = _time_up()


#: Bytes of unpacked Word parts allowed per byte of PAGEMILL_MAX_PAGE_BYTES, beyond PAGEMILL_MAX_FILE_BYTES (for
#: pictures, which do not shrink in the zip). A Word file's XML is 8-20 times its text (styles, themes and run
#: properties; a small file's fixed parts alone are 100-800 KB), so a file whose text fits has room to spare.
UNPACKED_PER_TEXT_BYTE = 16


def unpacked_limit(max_page_bytes: int | None, max_file_bytes: int | None) -> int | None:
    """The file limit, widened for unpacking; None (no limit) where there is no file limit."""
    if max_file_bytes is None:
        return None
    return max_file_bytes + UNPACKED_PER_TEXT_BYTE * (max_page_bytes or 0)


def unpacked_refusal(data: bytes, max_page_bytes: int | None, max_file_bytes: int | None) -> str | None:
    """Why a Word (zip) file is refused before it is unpacked; None if it is not.

    Its parts are read whole into memory, and the XML parsed: 600 KB of zip that unpacked to 300 MB of XML took
    a process to 1.2 GB and past its time limit. (zipfile stops at each part's declared size, so a part cannot
    unpack to more than the zip's directory says.)
    """
    limit = unpacked_limit(max_page_bytes, max_file_bytes)
    if limit is None or not data.startswith(b"PK\x03\x04"):
        return None
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            size = sum(i.file_size for i in z.infolist())
    except (zipfile.BadZipFile, ValueError):
        return None  # the reader says what is wrong with it
    if size <= limit:
        return None
    return (
        f"this Word file unpacks to {size:,} bytes; the limit is {limit:,}, PAGEMILL_MAX_FILE_BYTES plus "
        f"{UNPACKED_PER_TEXT_BYTE} times PAGEMILL_MAX_PAGE_BYTES (raise them to accept it, with the memory to match, "
        f"or save its text as a file of its own and drop that)"
    )


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
