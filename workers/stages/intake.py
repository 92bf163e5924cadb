"""Bytes in, a decoded :class:`Page` out, or a :class:`PageRejected` saying why not.

Pure: the caller reads the file. Decoding order is BOM, then strict UTF-8,
then Windows-1252 for legacy single-byte text; bytes that look binary are
refused rather than guessed at.
"""

from __future__ import annotations

import codecs
import hashlib
from datetime import datetime, timezone

from ..models import Page, SourceInfo

# Control characters other than tab, newline, carriage return and form feed.
_CONTROL = set(range(0, 9)) | {11} | set(range(14, 32)) | {127}
# Compressed or binary data has ~12% bytes below 0x20; text has a stray one at most.
_BINARY_CONTROL_RATIO = 0.05
_BINARY_CONTROL_MIN = 4


class PageRejected(Exception):
    """The page cannot be processed; retrying will not help."""

    def __init__(self, code: str, message: str) -> None:
        # Both in args, so the exception survives a round trip through JSON (Celery).
        super().__init__(code, message)
        self.code = code
        self.message = message

    def __str__(self) -> str:
        return f"{self.code}: {self.message}"


def content_id(sha256_hex: str) -> str:
    return f"pm-{sha256_hex[:16]}"


def _decode(data: bytes) -> tuple[str, str]:
    for bom, enc in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            try:
                return data.decode(enc), enc.replace("-sig", "")
            except UnicodeDecodeError as exc:
                raise PageRejected("bad_encoding", f"file starts with a {enc} byte-order mark but is not valid {enc}: {exc.reason}") from exc
    _refuse_binary(data)
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "windows-1252"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "iso-8859-1"


def _refuse_binary(data: bytes) -> None:
    sample = data[:65536]
    if not sample:
        return
    controls = sum(1 for b in sample if b in _CONTROL)
    if controls >= _BINARY_CONTROL_MIN and controls / len(sample) > _BINARY_CONTROL_RATIO:
        raise PageRejected(
            "binary_file",
            f"{controls} of the first {len(sample)} bytes are control bytes: this looks like a binary file, not a text page",
        )


def decode_page(
    data: bytes,
    filename: str,
    *,
    received_at: datetime | None = None,
    max_bytes: int | None = None,
) -> Page:
    """Decode a dropped file into a :class:`Page`, or raise :class:`PageRejected`."""
    if max_bytes is not None and len(data) > max_bytes:
        raise PageRejected(
            "too_large",
            f"file is {len(data):,} bytes; the limit is {max_bytes:,} (raise PAGEMILL_MAX_PAGE_BYTES to accept it)",
        )
    if not data.strip():
        raise PageRejected("empty_file", "file is empty or only whitespace: nothing to process")
    text, encoding = _decode(data)
    if not text.strip():
        raise PageRejected("empty_file", "file decodes to only whitespace: nothing to process")
    sha = hashlib.sha256(data).hexdigest()
    return Page(
        id=content_id(sha),
        source=SourceInfo(
            filename=filename,
            sha256=sha,
            size_bytes=len(data),
            media_type="text/plain",
            encoding=encoding,
            received_at=received_at or datetime.now(timezone.utc),
        ),
        text=text,
    )
