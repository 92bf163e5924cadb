"""PDF (with a text layer) -> segments, each with its page and box.

pypdfium2 (pdfium) gives each page's text and the box of every character.
Each page's extracted text (``PdfTextPage.get_text_range()``) is one *part*,
laid end to end in ``Page.text`` with a form feed between pages, so a
record's locator gives the page, the offsets in that page's text, and the
segment's box in PDF points.

Reading the page:

* lines (pdfium ends each with CR LF) group into blocks by the gap above
  them, font size and indentation; a bullet or enumerator starts a list item;
* two columns: when most lines sit wholly in one half of the page, the
  full-width blocks at the top come first, then the left column, then the
  right, then the full-width blocks below;
* a line repeated at the top or bottom of several pages (digits aside) is a
  running header or footer, and a lone number there is a page number: both
  are furniture;
* a short block in a larger (or bold) font than the body is a heading, its
  level from the rank of its size; so is an enumerated line set apart in bold
  or in a larger size of another font ("(2) Scope"), not a list item;
* a word hyphenated at a line end is joined when the joined word is a word,
  and listed as a repair, as in text pages;
* a table drawn with ruling lines becomes a ``table`` segment with its cells
  (:mod:`.tables` finds the grid; each cell's text is the characters
  drawn inside it);
* every segment keeps the box of each of its characters (``glyphs``), so a
  sentence, a cell or an entity gets the box around just its own text.

A PDF without a text layer (a scan) is refused as ``no_text_layer``; one that
needs a password as ``encrypted``.
"""

from __future__ import annotations

import ctypes
import re
from collections import Counter
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import lru_cache
from statistics import median

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from ...models import Cell, Glyphs, Piece, Repair, SourcePart
from ..common import Builder, Reading, bridge_gaps, make_segment
from .tables import Grid, find_grids

_PAGE_SEP = "\f"
# pdfium's mark for a hyphen it found at the end of a line (FPDFText_IsHyphen).
_SOFT_HYPHEN = "\ufffe"
_BULLET = re.compile(r"^\s*(?:[•●▪◦‣∙·\-–*]\s|(?:\d{1,2}|[a-zA-Z]|[ivx]{1,4})[.)]\s|\((?:\d{1,2}|[a-zA-Z]|[ivx]{1,4})\)\s)")
_HYPHEN_END = re.compile(r"([A-Za-z]{2,})-$")
_LOWER_START = re.compile(r"^([a-z]+)")
_NUMBERED = re.compile(r"^(\d+(?:\.\d+)*)\.?\s+\S")
_SENT_END = re.compile(r"[.!?:;,][\"”’')\]]*$")
# Top and bottom share of the page where running headers, footers and page numbers sit.
_MARGIN = 0.15
# Fewer non-space characters than this per page and the PDF has no text layer worth the name.
_MIN_CHARS_PER_PAGE = 20
# An enumerated line this much larger than the body (or bold) heads a section rather than starting a list item.
_LIST_HEAD_SIZE = 1.05
# Characters per line whose font size and style are read (a line is one font, or nearly).
_SAMPLE = 12


@dataclass
class _Line:
    page: int
    start: int  # offset in the page text
    end: int
    text: str
    x0: float
    y0: float
    x1: float
    y1: float
    size: float
    bold: bool
    italic: bool = False
    font: str = ""
    # each drawn character's offset in the page text and box
    glyphs: Glyphs = field(default_factory=lambda: Glyphs.of([]))

    @property
    def emph(self) -> bool:
        return self.bold or self.italic

    @property
    def height(self) -> float:
        return max(self.y1 - self.y0, 1.0)


@dataclass
class _Block:
    lines: list[_Line] = field(default_factory=list)
    role: str = "paragraph"
    level: int | None = None
    number: str | None = None
    why: str | None = None
    grid: Grid | None = None

    @property
    def bbox(self) -> list[float]:
        return [round(min(ln.x0 for ln in self.lines), 2), round(min(ln.y0 for ln in self.lines), 2),
                round(max(ln.x1 for ln in self.lines), 2), round(max(ln.y1 for ln in self.lines), 2)]

    @property
    def size(self) -> float:
        return median(ln.size for ln in self.lines)


def _index_map(tp, n: int, text: str) -> list[int]:
    """Offset in ``text`` (the page's extracted text) of each character index, and of the end."""
    if len(text) == n:
        return list(range(n + 1))
    # A few characters extract to nothing or to two code points: align per-character text with the whole.
    pieces = [tp.get_text_range(i, 1) for i in range(n)]
    per = "".join(pieces)
    starts = []
    acc = 0
    for p in pieces:
        starts.append(acc)
        acc += len(p)
    starts.append(acc)
    mapping = {}
    for blk in SequenceMatcher(None, per, text, autojunk=False).get_matching_blocks():
        for k in range(blk.size):
            mapping[blk.a + k] = blk.b + k
    out = []
    last = 0
    for s in starts:
        last = mapping.get(s, last)
        out.append(last)
    out[-1] = len(text)
    return out


_BOLD_NAME = re.compile(r"bold|black|heavy|semibold|demibold|CMBX|SFBX|[-,]B(?:old)?\b|Bd\b", re.I)


_ITALIC_NAME = re.compile(r"italic|oblique|CMTI|SFTI", re.I)


@lru_cache(maxsize=256)
def _named_style(name: str) -> tuple[bool, bool]:
    """(bold, italic) by the font's name alone: a document has few fonts and a dozen characters a line are sampled."""
    return bool(_BOLD_NAME.search(name)), bool(_ITALIC_NAME.search(name))


def _style(tp, k: int) -> tuple[bool, bool, str]:
    """(bold, italic, font name) of character ``k``."""
    buf = ctypes.create_string_buffer(128)
    flags = ctypes.c_int()
    pdfium_c.FPDFText_GetFontInfo(tp.raw, k, buf, 128, ctypes.byref(flags))
    name = buf.value.decode("latin-1")
    named_bold, named_italic = _named_style(name)
    # Font flags (PDF 32000 9.8.2): bit 7 Italic, bit 19 ForceBold; many fonts say so only in their name.
    bold = named_bold or bool(flags.value & (1 << 18)) or pdfium_c.FPDFText_GetFontWeight(tp.raw, k) >= 600
    italic = bool(flags.value & (1 << 6)) or named_italic
    return bold, italic, name


def _lines(page_no: int, page, tp) -> tuple[str, list[_Line]]:
    n = tp.count_chars()
    text = tp.get_text_range() if n else ""
    if not n:
        return text, []
    pos = _index_map(tp, n, text)
    lines: list[_Line] = []
    left, right, bottom, top = (ctypes.c_double() for _ in range(4))
    i = 0
    while i < n:
        j = i
        soft = False
        while j < n and text[pos[j] : pos[j + 1]] not in ("\r", "\n"):
            j += 1
            if text[pos[j - 1] : pos[j]] == _SOFT_HYPHEN:
                soft = True  # pdfium ends a line at a hyphen it found there without a line break
                break
        # chars [i, j) form one line; j is its CR (and j+1 the LF), or the next line after a soft hyphen
        if j > i:
            # pdfium unions the boxes of a run of characters itself; font size and style are sampled.
            boxes = [tp.get_rect(r) for r in range(tp.count_rects(i, j - i))]
            boxes = [b for b in boxes if b[2] > b[0] or b[3] > b[1]]
            visible = [k for k in range(i, j) if text[pos[k] : pos[k + 1]].strip()]
            sample = visible[:: max(1, len(visible) // _SAMPLE)]
            sizes = []
            weights = []
            for k in sample:
                # The font size pdfium reports is before the text matrix; the loose box is the size as drawn.
                lb = tp.get_charbox(k, loose=True)
                sizes.append(lb[3] - lb[1])
                weights.append(_style(tp, k))
            line_text = text[pos[i] : pos[j]]
            glyphs = []
            for k in visible:
                # pdfium's call itself, with four doubles reused: the wrapper's ``get_charbox`` made four a character.
                if not pdfium_c.FPDFText_GetCharBox(tp.raw, k, left, right, bottom, top):
                    raise pdfium.PdfiumError("Failed to get charbox.")
                x0, y0, x1, y1 = left.value, bottom.value, right.value, top.value
                if x1 > x0 or y1 > y0:
                    glyphs.append((pos[k], x0, y0, x1, y1))
            if boxes and line_text.strip():
                lines.append(_Line(
                    page=page_no, start=pos[i], end=pos[j], text=line_text,
                    x0=min(b[0] for b in boxes), y0=min(b[1] for b in boxes), x1=max(b[2] for b in boxes), y1=max(b[3] for b in boxes),
                    size=round(median(sizes), 1) if sizes else 0.0,
                    bold=bool(weights) and sum(w[0] for w in weights) > len(weights) / 2,
                    italic=bool(weights) and sum(w[1] for w in weights) > len(weights) / 2,
                    font=Counter(w[2] for w in weights).most_common(1)[0][0] if weights else "",
                    glyphs=Glyphs.of(glyphs),
                ))
        i = j if soft else j + 1
        while i < n and text[pos[i] : pos[i + 1]] in ("\r", "\n"):
            i += 1
    return text, lines


def _norm(text: str) -> str:
    return re.sub(r"\d+", "#", re.sub(r"\s+", " ", text.strip().lower()))


def _furniture(pages: list[tuple[float, list[_Line]]]) -> dict[int, str]:
    """id(line) -> why, for running headers, footers and page numbers."""
    out: dict[int, str] = {}
    seen: Counter[str] = Counter()
    # Keyed by id: a document of thousands of pages must not compare lines field by field.
    in_margin: dict[int, _Line] = {}
    for height, lines in pages:
        keys = set()
        for ln in lines:
            if ln.y1 > height * (1 - _MARGIN) or ln.y0 < height * _MARGIN:
                in_margin[id(ln)] = ln
                keys.add(_norm(ln.text))
        seen.update(keys)
    repeat = max(2, (len(pages) + 1) // 2)
    for height, lines in pages:
        for ln in lines:
            # A lone page number may sit further in than a running header.
            if ln.y1 > height * (1 - 2 * _MARGIN) or ln.y0 < height * 2 * _MARGIN:
                in_margin.setdefault(id(ln), ln)
    for ln in in_margin.values():
        t = ln.text.strip()
        height = _page_height(pages, ln)
        if re.fullmatch(r"(?:page\s*)?[\divxlc]{1,4}(?:[-–]\d{1,4})?(?:\s*(?:/|of)\s*\d+)?", t, re.I):
            out[id(ln)] = "a page number"
        elif len(pages) > 1 and seen[_norm(t)] >= repeat and (ln.y1 > height * (1 - _MARGIN) or ln.y0 < height * _MARGIN):
            out[id(ln)] = "repeated at the edge of several pages: a running header or footer"
    return out


def _page_height(pages: list[tuple[float, list[_Line]]], ln: _Line) -> float:
    return pages[ln.page - 1][0]


def _column_order(lines: list[_Line], width: float) -> list[_Line]:
    mid = width / 2
    left = [ln for ln in lines if ln.x1 <= mid + 2]
    right = [ln for ln in lines if ln.x0 >= mid - 2]
    if len(left) < 5 or len(right) < 5 or (len(left) + len(right)) < 0.6 * len(lines):
        return lines
    col_top = max(ln.y1 for ln in left + right)
    col_bottom = min(ln.y0 for ln in left + right)
    # By id: comparing lines field by field made a page of thousands of lines cost the square of their number.
    in_column = {id(ln) for ln in left + right}
    wide = [ln for ln in lines if id(ln) not in in_column]
    top = [ln for ln in wide if ln.y0 >= col_top - 1]
    bottom = [ln for ln in wide if ln.y1 <= col_bottom + 1]
    placed = {id(ln) for ln in top + bottom}
    middle_wide = [ln for ln in wide if id(ln) not in placed]

    def down(ls: list[_Line]) -> list[_Line]:
        return sorted(ls, key=lambda ln: (-ln.y1, ln.x0))

    # Wide lines between the columns (a figure spanning both) go in reading position by height in the left column.
    return down(top) + down(left + middle_wide) + down(right) + down(bottom)


def _blocks(lines: list[_Line], body_size: float) -> list[_Block]:
    blocks: list[_Block] = []
    cur: _Block | None = None
    prev: _Line | None = None
    for ln in lines:
        new = cur is None
        if prev is not None and cur is not None:
            gap = prev.y0 - ln.y1
            if (
                gap > max(prev.height, ln.height) * 0.9
                or gap < -prev.height * 2  # moved up: a new column or a new region
                or abs(ln.size - prev.size) > 0.15 * max(prev.size, 1)
                # A bold run ends (a heading above its text) or starts (a heading after a paragraph).
                or (ln.emph != prev.emph and all(x.emph for x in cur.lines) and len(cur.lines) <= 3 and cur.role != "list_item")
                # An enumerated line in bold that stops short, then plain text: "(2) Scope" heads what follows.
                # An enumerated line set apart (bold, or a larger size of another font) that stops short, then body
                # text: "(2) Scope" heads what follows.
                or (cur.role == "list_item" and len(cur.lines) == 1
                    and ((prev.emph and not ln.emph and prev.x1 < ln.x1 - 40) or (prev.font != ln.font and prev.size > ln.size * _LIST_HEAD_SIZE)))
                or (ln.emph and not prev.emph and len(ln.text.strip()) < 80 and ln.x1 < prev.x1 - 40)
                or _BULLET.match(ln.text)
                # A line that comes before the last one in pdfium's text: a segment's source span must run forwards.
                or ln.start < prev.end
                or (abs(ln.x0 - prev.x0) > 60 and abs(ln.x1 - prev.x1) > 60 and not (cur.role == "list_item" and ln.x0 > cur.lines[0].x0))
            ):
                new = True
        if new:
            cur = _Block()
            blocks.append(cur)
            if _BULLET.match(ln.text):
                cur.role = "list_item"
        cur.lines.append(ln)
        prev = ln
    return blocks


def _roles(blocks: list[_Block], body_size: float) -> None:
    heading_sizes: set[float] = set()
    for b in blocks:
        if b.role == "furniture":
            continue
        text = " ".join(ln.text.strip() for ln in b.lines)
        words = text.split()
        short = (len(b.lines) <= 3 and 0 < len(words) <= 14 and not text.rstrip().endswith((".", ",", ";"))
                 and sum(c.isalpha() for c in text) >= 2)
        titled = sum(w[:1].isupper() or not w[:1].isalpha() for w in words) >= 0.7 * len(words)
        if b.role == "list_item" and short and len(b.lines) == 1 and (b.lines[0].bold or b.size >= body_size * _LIST_HEAD_SIZE):
            # An enumerated line set apart in bold or a larger font is a numbered heading, not an item of a list.
            b.role = "heading"
            heading_sizes.add(b.size)
        elif b.role == "paragraph" and short and (
            b.size >= body_size * 1.15
            or (all(ln.bold for ln in b.lines) and len(words) <= 10)
            # An italic line heads a section only when it is short and in title case ("Boots Self-Locking Nut").
            or (all(ln.italic for ln in b.lines) and len(b.lines) == 1 and len(words) <= 6 and titled)
        ):
            b.role = "heading"
            heading_sizes.add(b.size)
    ranks = {s: i + 1 for i, s in enumerate(sorted(heading_sizes, reverse=True))}
    for b in blocks:
        if b.role == "heading":
            # "5.1 Results" says its own level; otherwise the rank of its size among the headings.
            m = _NUMBERED.match(b.lines[0].text.strip())
            b.number = m.group(1) if m else None
            b.level = m.group(1).count(".") + 1 if m else min(ranks.get(b.size, 1), 6)


def _text_bytes(text: str) -> int:
    return len(text.encode("utf-8", "surrogatepass"))


def read_pdf(data: bytes, max_text_bytes: int | None = None) -> Reading:
    """Read a PDF; one whose text (pages joined by a form feed) is over ``max_text_bytes`` is refused as ``too_large``.

    The limit is checked on pdfium's text of every page before any character's box or font is read, so a PDF
    of thousands of pages is refused in seconds and without holding its characters.
    """
    from ...stages.intake import PageRejected  # the intake stage owns the error type
    from ...stages.clean import is_common_word
    from ...timelimit import too_big_message

    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if "password" in str(exc).lower():
            raise PageRejected(
                "encrypted",
                "this PDF is encrypted and needs a password to open; save an unprotected copy (or print it to PDF) and drop that",
            ) from exc
        raise
    try:
        page_data: list[tuple[float, float, str, list[_Line]] | None] = []
        grids: list[list[Grid]] = []
        if max_text_bytes is not None:
            # pdfium's text alone costs about a millisecond a page; every character's box and font, 30 or more.
            size = sum(_text_bytes(pdf[no].get_textpage().get_text_range()) for no in range(len(pdf))) + max(0, len(pdf) - 1)
            if size > max_text_bytes:
                raise PageRejected("too_large", too_big_message(size, max_text_bytes, "the text read from this PDF file"))
        for no in range(len(pdf)):
            page = pdf[no]
            tp = page.get_textpage()
            width, height = page.get_size()
            text, lines = _lines(no + 1, page, tp)
            page_data.append((width, height, text, lines))
            grids.append(find_grids(page, height) if lines else [])
        solid = sum(len(re.sub(r"\s+", "", t)) for _, _, t, _ in page_data)
        if solid < _MIN_CHARS_PER_PAGE * max(1, len(pdf)) / 4:
            raise PageRejected(
                "no_text_layer",
                f"this PDF has no text layer ({solid} characters on {len(pdf)} page(s)): it is probably a scan, and pagemill does not do OCR; "
                "run it through OCR (e.g. ocrmypdf) and drop the result",
            )
        title = (pdf.get_metadata_dict().get("Title") or "").strip() or None
    finally:
        pdf.close()

    furniture = _furniture([(h, lines) for _, h, _, lines in page_data])
    sizes = Counter()
    for *_, lines in page_data:
        for ln in lines:
            if id(ln) not in furniture:
                sizes[ln.size] += len(ln.text)
    body_size = sizes.most_common(1)[0][0] if sizes else 10.0

    vocab = Counter(w.lower() for *_, t, _ in page_data for w in re.findall(r"\w+", t.replace(_SOFT_HYPHEN, "-")))

    def joins(left: str, right: str) -> bool:
        # As for text pages: join when the joined word is a word, here or in the language.
        joined = (left + right).lower()
        return bool(vocab.get(joined)) or is_common_word(joined)

    chunks: list[str] = []
    parts: list[SourcePart] = []
    base = 0
    segments = []
    repairs: list[Repair] = []
    for no in range(1, len(page_data) + 1):
        # A page's lines, and the boxes of their characters, are let go once its segments hold what they need.
        width, _h, text, lines = page_data[no - 1]
        page_data[no - 1] = None
        if chunks:
            chunks.append(_PAGE_SEP)
            base += len(_PAGE_SEP)
        parts.append(SourcePart(kind="page", index=no, source_start=base, source_end=base + len(text)))
        chunks.append(text)
        kept = [ln for ln in lines if id(ln) not in furniture]
        tables = _tables(grids[no - 1], kept)
        in_tables = {id(ln) for t in tables for ln in t.lines}
        kept = [ln for ln in kept if id(ln) not in in_tables]
        above = [_Block(lines=[ln], role="furniture", why=furniture[id(ln)]) for ln in lines if id(ln) in furniture and ln.y0 > _h / 2]
        below = [_Block(lines=[ln], role="furniture", why=furniture[id(ln)]) for ln in lines if id(ln) in furniture and ln.y0 <= _h / 2]
        content = _blocks(_column_order(kept, width), body_size)
        _roles(content, body_size)
        for t in tables:
            # In reading order before the first block that starts below the table.
            at = next((i for i, c in enumerate(content) if c.bbox[3] <= t.bbox[1] + 1), len(content))
            content.insert(at, t)
        for b in above + content + below:
            seg = _table_segment(b, text, base) if b.role == "table" else _segment(b, text, base, repairs, joins)
            if seg is not None:
                segments.append(seg)
        base += len(text)
    return Reading(text="".join(chunks), segments=segments, title=title or next((s.text for s in segments if s.role == "heading"), None),
                   parts=parts, repairs=repairs)


# What pdfium gives for glyphs a broken font maps to control codes: never text.
_CONTROL_RUN = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]+")


def _copy(bld: Builder, text: str, start: int) -> None:
    """Copy ``text`` (at ``start`` in the source) into the segment, without control characters."""
    at = 0
    for m in _CONTROL_RUN.finditer(text):
        bld.copy(text[at : m.start()], start + at)
        at = m.end()  # dropped, not a space: pdfium also marks a ligature's break this way ("Ef\x02fects")
    bld.copy(text[at:], start + at)


def _segment(b: _Block, page_text: str, base: int, repairs: list[Repair], joins):
    bld = Builder()
    glue = False
    lines = b.lines
    for k, ln in enumerate(lines):
        if k and not glue:
            bld.space(base + lines[k - 1].end, base + ln.start)
        glue = False
        text = page_text[ln.start : ln.end]
        stripped = text.rstrip()
        nxt = lines[k + 1] if k + 1 < len(lines) else None
        hy = None
        if nxt is not None and b.role != "furniture":
            if stripped.endswith(_SOFT_HYPHEN):
                hy = ln.start + len(stripped) - 1
            elif _HYPHEN_END.search(stripped) and _LOWER_START.match(page_text[nxt.start : nxt.end]):
                hy = ln.start + len(stripped) - 1
        if hy is None:
            _copy(bld, text, base + ln.start)
            continue
        _copy(bld, page_text[ln.start : hy], base + ln.start)
        left = re.search(r"(\w+)$", page_text[ln.start : hy])
        right = re.match(r"\w+", page_text[nxt.start : nxt.end])
        before = page_text[hy : nxt.start]
        if left and right and joins(left.group(1), right.group(0)):
            bld.replace("", base + hy, base + nxt.start)
            repairs.append(Repair(kind="dehyphenate", source_start=base + hy, source_end=base + nxt.start, before=before, after="",
                                  reason="a word split by a hyphen at a line break is joined again"))
        else:
            bld.replace("-", base + hy, base + nxt.start)
            repairs.append(Repair(kind="line_break", source_start=base + hy, source_end=base + nxt.start, before=before, after="-",
                                  reason="a hyphenated compound broken at a line break is kept whole"))
        glue = True
    text, offsets = bld.build()
    if not text:
        return None
    glyphs = None if b.role == "furniture" else Glyphs.join((ln.glyphs for ln in lines), base)
    return make_segment(b.role, text, offsets, level=b.level, number=b.number, bbox=b.bbox, why=b.why, glyphs=glyphs)


# Fewer of a grid's cells than this share holding text and it is a drawing, not a table.
_TABLE_FILLED = 0.5


def _tables(grids: list[Grid], lines: list[_Line]) -> list[_Block]:
    """Blocks for the ruled tables on a page whose cells hold text; their lines leave the page's flow."""
    out = []
    for grid in grids:
        inside = [ln for ln in lines if grid.holds((ln.x0 + ln.x1) / 2, (ln.y0 + ln.y1) / 2)]
        ruled = len(grid.cells)
        at = [grid.cell_at((g[1] + g[3]) / 2, (g[2] + g[4]) / 2) for ln in inside for g in ln.glyphs.rows()]
        filled = {(c.row, c.col) for c in at if c is not None}
        if len(filled) >= 2 and len(filled) >= _TABLE_FILLED * ruled and len({col for _, col in filled}) >= 2:
            out.append(_Block(lines=inside, role="table", grid=grid))
    return out


def _table_segment(b: _Block, page_text: str, base: int):
    """A table segment: cells row by row (tab between cells, newline between rows), each with its text's place."""
    parts: list[str] = []
    pieces: list[Piece] = []
    cells: list[Cell] = []
    glyphs = []
    pos = 0
    last_row = None
    # Each glyph to its cell once: (cell, line) -> glyphs
    owned: dict[tuple[int, int], list] = {}
    for li, ln in enumerate(b.lines):
        for g in ln.glyphs.rows():
            c = b.grid.cell_at((g[1] + g[3]) / 2, (g[2] + g[4]) / 2)
            if c is not None:
                owned.setdefault((id(c), li), []).append(g)
    for gc in b.grid.cells:
        bld = Builder()
        prev = None
        for li, ln in enumerate(b.lines):
            mine = owned.get((id(gc), li))
            if not mine:
                continue
            glyphs += [(base + g[0], *g[1:]) for g in mine]
            a, z = min(g[0] for g in mine), max(g[0] for g in mine) + 1
            if prev is not None:
                bld.space(base + prev, base + a)
            if page_text[z - 1] == _SOFT_HYPHEN:
                _copy(bld, page_text[a : z - 1], base + a)
                bld.replace("-", base + z - 1, base + z)
            else:
                _copy(bld, page_text[a:z], base + a)
            prev = z
        t, om = bld.build()
        if parts:
            parts.append("\n" if gc.row != last_row else "\t")
            pos += 1
        last_row = gc.row
        for p in om.pieces:
            pieces.append(Piece(clean_start=p.clean_start + pos, clean_end=p.clean_end + pos, source_start=p.source_start, source_end=p.source_end))
        s0, s1 = (om.pieces[0].source_start, om.pieces[-1].source_end) if om.pieces else (0, 0)
        cells.append(Cell(row=gc.row, col=gc.col, row_span=gc.row_span, col_span=gc.col_span, text=t, start=pos, end=pos + len(t),
                          source_start=s0, source_end=s1))
        parts.append(t)
        pos += len(t)
    text = "".join(parts)
    if not pieces or not text.strip():
        return None
    return make_segment("table", text, bridge_gaps(pieces), cells=cells, bbox=[round(v, 2) for v in b.grid.bbox], glyphs=Glyphs.of(glyphs))
