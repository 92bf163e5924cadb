"""Bytes in, a decoded :class:`Page` out, or a :class:`PageRejected` saying why not.

Pure: the caller reads the file. The type comes from the bytes
(:mod:`workers.readers.detect`): PDF and DOCX go to their readers, other
binary types are refused as ``unsupported_type``. Text is decoded (BOM, then
UTF-16/32 without a BOM, told by the pattern of zero bytes, then strict
UTF-8, then Windows-1252 for legacy single-byte text; bytes that look binary
are refused rather than guessed at, with what they seem to be and what to
do), then read as HTML or Markdown when it is one, else as plain text.
Whatever the reader, a page whose text is still mostly markup or control
characters is refused, never recorded.
"""

from __future__ import annotations

import codecs
import hashlib
import json
import re
from datetime import datetime, timezone
from functools import lru_cache
from importlib import resources

import filetype

from ..models import Page, SourceInfo
from ..readers import DOCX, HTML, MARKDOWN, PDF, FILE_KIND, Reading, detect, text_kind
from ..readers.detect import read_types_sentence
from ..timelimit import TIME_UP, size_refusal, too_big_message, unpacked_refusal

# Control characters other than tab, newline, carriage return and form feed.
_CONTROL = set(range(0, 9)) | {11} | set(range(14, 32)) | {127}
_CONTROL_BYTES = bytes(sorted(_CONTROL))
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
            # The encoding reported is the codec that read the bytes, BOM and all, so that
            # ``data.decode(source.encoding)`` is the text the offsets count in: Python's "utf-8-sig",
            # "utf-16" and "utf-32" drop the BOM, as these did. (Plain "utf-8" would keep it as U+FEFF,
            # and every offset would be one short.)
            try:
                return data.decode(enc), enc
            except UnicodeDecodeError as exc:
                raise PageRejected("bad_encoding", f"file starts with a {enc} byte-order mark but is not valid {enc}: {exc.reason}") from exc
    wide = _sniff_wide(data)
    if wide is not None:
        return wide
    _refuse_binary(data)
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "windows-1252"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "iso-8859-1"


# UTF-16 and UTF-32 without a byte-order mark, told by where their zero bytes
# fall: text that is mostly Latin script has a zero in the high byte(s) of
# nearly every code unit and almost never in the low byte. (Text with few
# Latin letters has no such pattern and is not guessed at.)
_WIDE = (
    # encoding, unit size, positions in a unit that must be (nearly) all zero, position that must not be
    ("utf-32-le", 4, (2, 3), 0),
    ("utf-32-be", 4, (0, 1), 3),
    ("utf-16-le", 2, (1,), 0),
    ("utf-16-be", 2, (0,), 1),
)
_WIDE_ZERO_MIN = 0.6  # share of code units with a zero where a high byte is
_WIDE_NONZERO_MIN = 0.9  # share of code units without a zero where the low byte is


def _sniff_wide(data: bytes) -> tuple[str, str] | None:
    sample = data[:65536]
    for encoding, unit, zero_at, nonzero_at in _WIDE:
        n = len(sample) // unit
        if n < 2 or len(data) % unit:
            continue
        body = sample[: n * unit]
        if all(body[p::unit].count(0) >= _WIDE_ZERO_MIN * n for p in zero_at) and (
            n - body[nonzero_at::unit].count(0) >= _WIDE_NONZERO_MIN * n
        ):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                continue
            # The pattern fits, but it must also read as text, not as binary records that happen to fit it.
            head = text[:16384]
            controls = sum(1 for ch in head if ord(ch) in _CONTROL)
            if controls / max(1, len(head)) <= _BINARY_CONTROL_RATIO:
                return text, encoding
    return None


@lru_cache(maxsize=1)
def _binary_kinds() -> dict:
    return json.loads(resources.files("workers.data").joinpath("binary_kinds.json").read_text(encoding="utf-8"))


def describe_binary(data: bytes) -> tuple[str, str]:
    """What a binary file seems to be (by its magic number), and what to do with it."""
    kinds = _binary_kinds()
    kind = filetype.guess(data[:8192])
    if kind is not None:
        if kind.mime in kinds["by_mime"]:
            what, todo = kinds["by_mime"][kind.mime]
        else:
            what, todo = kinds["by_category"].get(type(kind).__module__.rsplit(".", 1)[-1], kinds["unknown"])
        return f"{what} ({kind.mime})", todo
    return tuple(kinds["unknown"])  # type: ignore[return-value]


def _refuse_binary(data: bytes) -> None:
    sample = data[:65536]
    if not sample:
        return
    # Counted in C (the bytes left when the control bytes are deleted): a Python loop costs ~1 ms on a web page.
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    if controls >= _BINARY_CONTROL_MIN and controls / len(sample) > _BINARY_CONTROL_RATIO:
        what, todo = describe_binary(data)
        raise PageRejected(
            "binary_file",
            f"not a text page: it seems to be {what} ({controls} of the first {len(sample)} bytes are control bytes); {todo}",
        )


# Markup left in what should be prose: tags, character references, PDF object syntax.
_MARKUP_RE = re.compile(
    r"</?[A-Za-z][\w:-]*(?:\s[^<>]*)?/?>|&(?:#\d+|#x[0-9a-fA-F]+|[A-Za-z]+);|\b\d+ \d+ obj\b|\bendobj\b|\bendstream\b|/[A-Z][A-Za-z]+\b"
)
# More than this share of the non-space characters in markup (or control characters) and it is not a page of text.
_MARKUP_SHARE = 0.3
# C0 controls other than tab, newline, carriage return and form feed, DEL, and C1 controls.
_CONTROL_CHAR = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
_MARKUP_MIN = 20


def refuse_markup(text: str, what: str) -> None:
    """Fail a page whose text is mostly markup or control characters: such a record would look valid and hold garbage."""
    sample = text[:200_000]
    solid = len("".join(sample.split()))  # str.split() splits on just what \s matches, in C
    if not solid:
        return
    hits = _MARKUP_RE.findall(sample)
    marked = sum(len(h) for h in hits)
    controls = len(_CONTROL_CHAR.findall(sample))
    if (len(hits) >= _MARKUP_MIN and marked / solid > _MARKUP_SHARE) or (controls >= _BINARY_CONTROL_MIN and controls / solid > _MARKUP_SHARE / 3):
        raise PageRejected(
            "markup_text",
            f"the {what} is mostly markup or control characters ({marked + controls:,} of {solid:,} characters), not text: "
            f"pagemill reads {read_types_sentence()}; save the page as one of those and drop it again",
        )


def _unsupported(name: str, data: bytes) -> PageRejected:
    _what, todo = describe_binary(data)
    return PageRejected(
        "unsupported_type",
        f"this is a {name}, which pagemill does not read; it reads {read_types_sentence()}: {todo}, "
        "or export or save the page as one of those and drop it again",
    )


def _read(media_type: str, data: bytes, text: str | None, max_bytes: int | None = None) -> Reading:
    # Imported here: a text-only worker never loads pdfium, python-docx or lxml.
    try:
        if media_type == PDF:
            from ..readers.pdf import read_pdf

            return read_pdf(data, max_bytes)
        if media_type == DOCX:
            from ..readers.docx import read_docx

            return read_docx(data)
        if media_type == HTML:
            from ..readers.html import read_html

            return read_html(text or "")
        if media_type == MARKDOWN:
            from ..readers.markdown import read_markdown

            return read_markdown(text or "")
    except (PageRejected, *TIME_UP):
        raise
    except Exception as exc:  # noqa: BLE001 - a file its library cannot parse is bad input, not a bug to retry
        raise PageRejected(
            "unreadable",
            f"this {FILE_KIND[media_type]} file could not be read ({type(exc).__name__}: {str(exc)[:200]}); "
            "open it in the program that made it, save it again and drop it again",
        ) from exc
    raise AssertionError(media_type)


_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.I)


def _declared_charset(data: bytes, text: str, encoding: str) -> tuple[str, str]:
    """An HTML page that is not UTF-8 is read in the charset its <meta> declares, when Python knows it."""
    m = _META_CHARSET.search(data[:4096])
    if not m:
        return text, encoding
    try:
        name = codecs.lookup(m.group(1).decode("ascii")).name
    except LookupError:
        return text, encoding
    if name in ("utf-8", "cp1252", "latin-1", "iso8859-1"):
        return text, encoding  # UTF-8 failed already; the Latin ones are what Windows-1252 reads
    try:
        return data.decode(name), name
    except UnicodeDecodeError:
        return text, encoding


def decode_page(
    data: bytes,
    filename: str,
    *,
    received_at: datetime | None = None,
    max_bytes: int | None = None,
    max_file_bytes: int | None = None,
) -> Page:
    """Decode a dropped file into a :class:`Page`, or raise :class:`PageRejected`.

    ``max_bytes`` bounds the page's text (a PDF's or Word file's once read out of it), ``max_file_bytes``
    any file (``PAGEMILL_MAX_PAGE_BYTES`` and ``PAGEMILL_MAX_FILE_BYTES``).
    """
    if refusal := size_refusal(data, len(data), max_bytes, max_file_bytes):
        raise PageRejected("too_large", refusal)
    if not data.strip():
        raise PageRejected("empty_file", "file is empty or only whitespace: nothing to process")
    kind = detect(data)
    reading: Reading | None = None
    if kind.media_type in (PDF, DOCX):
        if kind.media_type == DOCX and (refusal := unpacked_refusal(data, max_bytes, max_file_bytes)):
            raise PageRejected("too_large", refusal)
        reading = _read(kind.media_type, data, None, max_bytes)
        media_type, encoding, text = kind.media_type, "binary", reading.text
        if max_bytes is not None and (n := len(text.encode("utf-8"))) > max_bytes:
            raise PageRejected("too_large", too_big_message(n, max_bytes, f"the text read from this {FILE_KIND[media_type]} file"))
    elif not kind.readable:
        raise _unsupported(kind.name, data)
    else:
        text, encoding = _decode(data)
        if not text.strip():
            raise PageRejected("empty_file", "file decodes to only whitespace: nothing to process")
        media_type = text_kind(data, text)
        if media_type == HTML and encoding in ("windows-1252", "iso-8859-1"):
            text, encoding = _declared_charset(data, text, encoding)
        if media_type in (HTML, MARKDOWN):
            reading = _read(media_type, data, text)
    if reading is not None:
        body = "\n".join(s.text for s in reading.segments if s.role != "furniture")
        if not body.strip():
            raise PageRejected(
                "no_text",
                f"the {FILE_KIND[media_type]} file holds no text pagemill could find "
                f"({'only images, or running headers, footers and page numbers' if media_type in (PDF, DOCX) else 'only markup, images or site chrome'})",
            )
        refuse_markup(body, f"text read from this {FILE_KIND[media_type]} file")
    else:
        refuse_markup(text, "file")
    sha = hashlib.sha256(data).hexdigest()
    return Page(
        id=content_id(sha),
        source=SourceInfo(
            filename=filename,
            sha256=sha,
            size_bytes=len(data),
            media_type=media_type,
            encoding=encoding,
            received_at=received_at or datetime.now(timezone.utc),
        ),
        text=text,
        structure=reading.segments if reading else None,
        parts=reading.parts if reading else [],
        read_repairs=reading.repairs if reading else [],
        title_hint=reading.title if reading else None,
    )
