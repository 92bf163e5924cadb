"""What a dropped file is, from its bytes alone (never its name).

``filetype`` knows the binary formats by their magic numbers (PDF, Office
files, archives, images, audio, video, fonts). Text formats have no magic
number, so HTML and Markdown are told apart from plain text by their own
checks below; anything else that decodes as text is plain text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import filetype

from .common import FRONT_MATTER

HTML = "text/html"
MARKDOWN = "text/markdown"
PLAIN = "text/plain"
PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

#: Media types pagemill reads, with the name a person knows them by.
READ_TYPES: dict[str, str] = {
    PLAIN: "plain text",
    HTML: "HTML/XHTML",
    MARKDOWN: "Markdown",
    PDF: "PDF with a text layer",
    DOCX: "Word .docx",
}
# What a message calls a file of each type read ("this PDF file").
FILE_KIND: dict[str, str] = {PLAIN: "text", HTML: "HTML", MARKDOWN: "Markdown", PDF: "PDF", DOCX: "Word"}

# Where HTML announces itself: a doctype, the root element, or an XHTML prolog before one.
_HTML_START = re.compile(rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*(?:<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>])", re.I | re.S)
# A fragment opening on a block element of HTML's ("<p>", "<div class=...>"), as an article's markup copied out
# of its page is: plain text does not start with one.
_HTML_FRAGMENT_START = re.compile(rb"^\s*<(?:p|div|h[1-6]|ul|ol|table|article|section|header|main|blockquote|figure)[\s>]", re.I)
_CLOSING_TAG = re.compile(rb"</[a-z][a-z0-9]*\s*>", re.I)
# Elements that only HTML has; plain text quoting "<b>" once is not a page of them.
_HTML_TAG = re.compile(rb"<(?:/?(?:p|div|span|a|br|li|ul|ol|table|tr|td|h[1-6]|img|script|style|meta|link|head|body|title|section|article|nav|header|footer)\b[^>]*)>", re.I)
_MD_SIGNALS = {
    "atx_heading": re.compile(r"^ {0,3}#{1,6}[ \t]+\S", re.M),
    "setext": re.compile(r"^\S[^\n]*\n {0,3}(?:=+|-{3,})[ \t]*$", re.M),
    "fence": re.compile(r"^ {0,3}(?:```|~~~)", re.M),
    "link": re.compile(r"\[[^\]\n]+\]\([^)\s]+(?:\s+\"[^\"]*\")?\)"),
    "table": re.compile(r"^ {0,3}\|?[ \t]*:?-{3,}:?[ \t]*\|[ \t:|-]*$", re.M),
    "emphasis": re.compile(r"(?:\*\*|__)\S[^\n]*?\S(?:\*\*|__)"),
    "code": re.compile(r"`[^`\n]+`"),
}


@dataclass(frozen=True)
class Detected:
    media_type: str
    name: str  # what to call it in a message: "PNG image", "ZIP archive"

    @property
    def readable(self) -> bool:
        return self.media_type in READ_TYPES


def _looks_like_html(data: bytes) -> bool:
    sample = data[:65536]
    if _HTML_FRAGMENT_START.match(sample) and _CLOSING_TAG.search(sample):
        return True  # a short fragment: too few tags for the count below
    # A fragment without <html>: many of HTML's own tags, densely.
    tags = _HTML_TAG.findall(sample)
    return len(tags) >= 8 and len(b"".join(tags)) > len(sample) * 0.02


def looks_like_markdown(text: str) -> bool:
    """Markdown, not plain text: front matter, a "# Heading" line, a code fence or a table rule.

    Plain report text often has "- " bullets, "**" or a stray "*", so those
    alone do not count.
    """
    sample = text[:65536]
    if FRONT_MATTER.match(sample):
        return True  # a static site's page
    found = {name for name, rx in _MD_SIGNALS.items() if rx.search(sample)}
    return bool(found & {"atx_heading", "fence", "table"})


def detect(data: bytes) -> Detected:
    kind = filetype.guess(data[:8192])
    if kind is not None:
        if kind.mime == PDF:
            return Detected(PDF, "PDF")
        if kind.mime == DOCX:
            return Detected(DOCX, "Word .docx")
        return Detected(kind.mime, f"{kind.extension.upper()} file ({kind.mime})")
    # The rest need the decoded text: see text_kind.
    return Detected(PLAIN, "plain text")


def text_kind(data: bytes, text: str) -> str:
    """HTML, Markdown or plain text, for bytes that decoded as text.

    A page that starts as HTML is HTML; Markdown may embed HTML tables, so it
    is checked before the looser count of HTML tags.
    """
    if _HTML_START.match(data[:4096].lstrip(b"\xef\xbb\xbf")):
        return HTML
    if looks_like_markdown(text):
        return MARKDOWN
    if _looks_like_html(data):
        return HTML
    return PLAIN


def read_types_sentence() -> str:
    return ", ".join(READ_TYPES.values())
