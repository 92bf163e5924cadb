"""Format readers: bytes of one kind of file -> a :class:`Reading` (text plus segments with source offsets).

Pure, like the stages: no files, no Celery. ``intake`` picks the reader from
the type the bytes show (:mod:`.detect`), never from the file name.
"""

from .common import Reading
from .detect import DOCX, FILE_KIND, HTML, MARKDOWN, PDF, PLAIN, READ_TYPES, Detected, detect, text_kind

__all__ = ["DOCX", "FILE_KIND", "HTML", "MARKDOWN", "PDF", "PLAIN", "READ_TYPES", "Detected", "Reading", "detect", "text_kind"]
