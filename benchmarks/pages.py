"""Big and hostile pages for the size benchmark and the tests, built on the spot (nothing committed).

Corpus pages are cut to a size by joining whole corpus pages; the hostile
("pathological") pages are the shapes that once made a stage quadratic: one
endless word, runs of brackets or of ``!?``, one-letter words without end, capitalised words without end (alone, and
in a row of figures on a page about sport), a
page with no line break, one long block that ftfy has to repair. Three more
are files of other formats: two PDFs written here (:func:`pdf_file`), corpus
text over many pages and corpus text as one paragraph on one tall page in a
tiny font, and a Word file of corpus text, a paragraph per paragraph.

Near the page limit, :data:`BIG_FILES`: corpus text, the PDF and the Word
file again, and a table of corpus words as Markdown and as HTML (a record
keeps every cell of a table, which costs more than text).
"""

from __future__ import annotations

import io
import random
import textwrap
import zlib
from collections.abc import Callable
from pathlib import Path


def corpus_text(corpus: Path) -> str:
    files = sorted(corpus.glob("*/pages/*.txt"))
    if not files:
        raise SystemExit(f"no corpus pages under {corpus}/*/pages/")
    return "\n\n".join(f.read_text(encoding="utf-8").strip() for f in files)


def sized(text: str, size: int) -> str:
    """``text`` repeated or cut (at a paragraph break where there is one) to about ``size`` characters."""
    out = text
    while len(out) < size:
        out += "\n\n" + text
    cut = out.rfind("\n\n", 0, size)
    return out[: cut if cut > size // 2 else size]


def long_word(size: int, _text: str = "") -> str:
    """One line that is a single word, then one more line (the hyphenation pattern looks at line pairs)."""
    return "a" * size + "\nand one more line.\n"


def brackets(size: int, _text: str = "") -> str:
    half = size // 2
    return "(" * half + ")" * (size - half) + "\n"


def punctuation(size: int, _text: str = "") -> str:
    return "!?" * (size // 2) + "\n"


def one_word_again(size: int, _text: str = "") -> str:
    """A page's top line, then one line of the same word again and again: the word a cookie banner's rule looks for
    (that rule searched on from each one to the line's end: 17 s for 100 KB, until 2026-12-05)."""
    return "Harbour news\n\n" + "cookies " * (size // 8) + "\n"


def short_words(size: int, _text: str = "") -> str:
    """Words of one letter and a comma ("a, a, a, ..."): two tokens every three characters, letter-spaced text's density."""
    return "a, " * (size // 3) + "\n"


def capitalised(size: int, text: str) -> str:
    """Capitalised words in a row, on one line, no sentence end."""
    words = sorted({w.strip(".,;:()\"'").capitalize() for w in text.split() if w.isalpha() and len(w) > 2})
    rnd = random.Random(13)
    out: list[str] = []
    n = 0
    while n < size:
        w = rnd.choice(words)
        out.append(w)
        n += len(w) + 1
    return " ".join(out) + "\n"


def standings(size: int, text: str) -> str:
    """A page about sport whose one long line is a row of figures around a run of capitalised words (the results-table steps)."""
    figures = " ".join(str(i % 90) for i in range(size // 15))
    return "The team won the league match on Saturday.\n" + figures + " " + capitalised(size * 4 // 5, text).strip() + " 3 1\n"


def no_newline(size: int, text: str) -> str:
    return " ".join(sized(text, size).split()) + "\n"


def one_block_repairs(size: int, text: str) -> str:
    """The corpus as one long line with HTML entities and mojibake for ftfy to mend, as a web page saved as text."""
    lines = [ln for ln in sized(text, size).splitlines() if ln.strip()]
    rnd = random.Random(13)
    out = []
    for ln in lines:
        r = rnd.random()
        if r < 0.1:
            ln = ln.replace(" and ", " &amp; ", 1)
        elif r < 0.2:
            ln = ln + " \u00e2\u0080\u0093 caf\u00c3\u00a9"  # "– café" read as Windows-1252
        out.append(ln)
    return " ".join(out) + "\n"


#: name -> builder(size in characters, corpus text)
HOSTILE: dict[str, Callable[[int, str], str]] = {
    "long_word": long_word,
    "brackets": brackets,
    "punctuation": punctuation,
    "short_words": short_words,
    "one_word_again": one_word_again,
    "capitalised": capitalised,
    "standings": standings,
    "no_newline": no_newline,
    "one_block_repairs": one_block_repairs,
}


def pdf_file(pages: list[list[str]], font_size: float = 10.0) -> bytes:
    """A PDF with a text layer: each page's lines in Helvetica, one under another from the top; an empty line
    leaves a gap (a new block). Characters Windows-1252 lacks become "?"."""
    leading = font_size * 1.2
    objs: list[bytes] = [b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>", b""]
    kids = []
    for lines in pages:
        height = max(842.0, len(lines) * leading + 80)
        ops = [b"BT", b"/F1 %g Tf" % font_size, b"%g TL" % leading, b"40 %g Td" % (height - 40)]
        for line in lines:
            esc = line.encode("cp1252", "replace").replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")
            ops.append(b"(" + esc + b") Tj T*")
        ops.append(b"ET")
        body = zlib.compress(b"\n".join(ops))
        objs.append(b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(body) + body + b"\nendstream")
        objs.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 %g] /Resources << /Font << /F1 1 0 R >> >> /Contents %d 0 R >>"
                    % (height, len(objs)))
        kids.append(len(objs))
    objs[1] = b"<< /Type /Pages /Count %d /Kids [%s] >>" % (len(kids), b" ".join(b"%d 0 R" % k for k in kids))
    objs.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    out = bytearray(b"%PDF-1.4\n")
    where = []
    for i, obj in enumerate(objs, 1):
        where.append(len(out))
        out += b"%d 0 obj\n" % i + obj + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1) + b"".join(b"%010d 00000 n \n" % w for w in where)
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, len(objs), xref)
    return bytes(out)


def pdf_many_pages(size: int, text: str) -> bytes:
    """About ``size`` characters of corpus text as a document: lines of 90 characters, 60 lines a page."""
    lines: list[str] = []
    for para in sized(text, size).split("\n\n"):
        lines += textwrap.wrap(" ".join(para.split()), 90) + [""]
    return pdf_file([lines[i : i + 60] for i in range(0, len(lines), 60)])


def pdf_one_block(size: int, text: str) -> bytes:
    """About ``size`` characters of corpus text as one paragraph on one tall page: lines of 450 characters in a
    1.5-point font, no gap between them."""
    return pdf_file([textwrap.wrap(" ".join(sized(text, size).split()), 450)], font_size=1.5)


def docx_paragraphs(size: int, text: str) -> bytes:
    """About ``size`` characters of corpus text as a Word file in the default style, a paragraph per paragraph."""
    import docx

    document = docx.Document()
    for para in sized(text, size).split("\n\n"):
        document.add_paragraph(" ".join(para.split()))
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


#: name -> (file suffix, builder(size in characters of text, corpus text)): files whose size is their text's
HOSTILE_FILES: dict[str, tuple[str, Callable[[int, str], bytes]]] = {
    "pdf_many_pages": (".pdf", pdf_many_pages),
    "pdf_one_block": (".pdf", pdf_one_block),
    "docx_paragraphs": (".docx", docx_paragraphs),
}


def _table_rows(size: int, text: str, cols: int = 5, words: int = 3) -> list[list[str]]:
    """Rows of ``cols`` cells of ``words`` corpus words each, about ``size`` characters of cell text in all."""
    ws = sized(text, size).split()
    per = cols * words
    return [[" ".join(ws[i + c * words : i + (c + 1) * words]) for c in range(cols)] for i in range(0, len(ws) - per + 1, per)]


def markdown_table(size: int, text: str) -> bytes:
    """About ``size`` characters of corpus words as one Markdown table (a pipe in a word is escaped)."""
    rows = _table_rows(int(size * 0.85), text)  # the pipes and spaces take the rest
    lines = ["| " + " | ".join(c.replace("|", "\\|") for c in row) + " |" for row in rows]
    lines.insert(1, "|" + " --- |" * len(rows[0]))
    return ("# Table\n\n" + "\n".join(lines) + "\n").encode("utf-8")


def html_table(size: int, text: str) -> bytes:
    """About ``size`` characters of markup: corpus words as one HTML table."""
    import html

    rows = _table_rows(int(size * 0.6), text)  # the tags take the rest
    body = "\n".join("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in row) + "</tr>" for row in rows)
    return f"<html><body><h1>Table</h1><table>\n{body}\n</table></body></html>\n".encode("utf-8")


def corpus_file(size: int, text: str) -> bytes:
    return sized(text, size).encode("utf-8")


#: name -> (file suffix, builder): files just within the page limit, for peak memory (the limit counts a PDF's
#: or Word file's text, and a text, Markdown or HTML file's own characters)
BIG_FILES: dict[str, tuple[str, Callable[[int, str], bytes]]] = {
    "corpus_text": (".txt", corpus_file),
    "pdf_many_pages": (".pdf", pdf_many_pages),
    "docx_paragraphs": (".docx", docx_paragraphs),
    "markdown_table": (".md", markdown_table),
    "html_table": (".html", html_table),
}
