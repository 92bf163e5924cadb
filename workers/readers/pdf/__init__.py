"""PDF (with a text layer) -> segments, each with its page and box.

pypdfium2 (pdfium) gives each page's text and the box of every character.
Each page's extracted text (``PdfTextPage.get_text_range()``) is one *part*,
laid end to end in ``Page.text`` with a form feed between pages, so a
record's locator gives the page, the offsets in that page's text, and the
segment's box in PDF points.

Reading the page:

* lines (pdfium ends each with CR LF) group into blocks by the gap above
  them, font size and indentation; a bullet or enumerator starts a list item,
  whose text (and span, and box) starts after that marker;
  in a block of lines sharing an edge, a line indented as a first line
  (after a line that stopped short or ended a sentence) starts a paragraph,
  the indent on the right in right-to-left text (:func:`_split_indented`);
* text inside a figure (an image, or a framed drawing: :mod:`.figures`) that
  reads as its labels (short, scattered, covering little of it) is furniture,
  never a heading, and a bold line smaller than the body is not a heading;
* right-to-left lines: a ligature's letters (lam-alef), which pdfium gives one
  box and puts in the wrong order, are put back in order, and a space goes
  where a right-to-left word meets a left-to-right one without one;
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
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import lru_cache
from statistics import median

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from ...models import Cell, Glyphs, Piece, Repair, SourcePart
from ..common import Builder, Reading, bridge_gaps, make_segment, place_unfound_cells
from .figures import figure_regions
from .tables import Grid, find_grids

_PAGE_SEP = "\f"
# pdfium's mark for a hyphen it found at the end of a line (FPDFText_IsHyphen).
_SOFT_HYPHEN = "\ufffe"
# A list item's marker: a bullet glyph, or an enumerator ("1.", "a)", "(iv)"), then a space. Word's Symbol and
# Wingdings bullets come out of pdfium as private-use code points when the font maps them to nothing else. A
# two-part number ("2.3.") starts no item: at a line's start in running text it is as often a date ("3.11.").
_BULLET = re.compile(
    r"^\s*(?:(?P<bullet>[•●▪◦‣∙·\-–*■□▫○◆◇►▶▸➢➤✓✔❖⁃\uf076\uf0a7\uf0a8\uf0b7\uf0d8\uf0fc])"
    r"|(?P<enum>(?:\d{1,2}|[a-zA-Z]|[ivx]{1,4})[.)]|\((?:\d{1,2}|[a-zA-Z]|[ivx]{1,4})\)))\s"
)
_HYPHEN_END = re.compile(r"([A-Za-z]{2,})-$")
_LOWER_START = re.compile(r"^([a-z]+)")
_NUMBERED = re.compile(r"^(\d+(?:\.\d+)*)\.?\s+\S")
_SENT_END = re.compile(r"[.!?:;,][\"”’')\]]*$")
# Letters of the right-to-left scripts (Hebrew, Arabic, Syriac, Thaana, N'Ko and their presentation forms).
_RTL_CHAR = re.compile(r"[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]")
# Scripts written without spaces between words (CJK, kana): no space is added where they meet right-to-left text.
_CJK = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\uac00-\ud7af\u3040-\u30ff]")
# Top and bottom share of the page where running headers, footers and page numbers sit.
_MARGIN = 0.15
# Fewer non-space characters than this per page and the PDF has no text layer worth the name.
_MIN_CHARS_PER_PAGE = 20
# An enumerated line this much larger than the body (or bold) heads a section rather than starting a list item.
_LIST_HEAD_SIZE = 1.05
# A bold line this much smaller than the body is a label or a note, not a heading.
_BOLD_HEAD_SIZE = 0.9
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
    # Where the segment's text mends pdfium's in right-to-left text: (start, end, text), the page text's span
    # [start, end) read as ``text`` (a ligature's letters in order, a space added or one dropped).
    fixes: tuple[tuple[int, int, str], ...] = ()

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
    # Characters of the first line left out of the segment: a list item's marker (the source keeps it).
    cut: int = 0

    @property
    def bbox(self) -> list[float]:
        boxes = [(ln.x0, ln.y0, ln.x1, ln.y1) for ln in self.lines]
        if self.cut:
            # The box of the item's own characters: a bullet drawn to its left (or right, in right-to-left text) is
            # not in the segment's span, so it is not in its box either.
            first = self.lines[0]
            own = first.glyphs.box(first.start + self.cut, first.end)
            boxes = boxes[1:] + ([tuple(own)] if own else [])
            if not boxes:
                boxes = [(first.x0, first.y0, first.x1, first.y1)]
        return [round(min(b[0] for b in boxes), 2), round(min(b[1] for b in boxes), 2),
                round(max(b[2] for b in boxes), 2), round(max(b[3] for b in boxes), 2)]

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
                    fixes=_rtl_fixes(text, glyphs, round(median(sizes), 1) if sizes else 10.0) if _RTL_CHAR.search(line_text) else (),
                ))
        i = j if soft else j + 1
        while i < n and text[pos[i] : pos[i + 1]] in ("\r", "\n"):
            i += 1
    return text, lines


def _rtl_letter(c: str) -> bool:
    return c.isalpha() and _RTL_CHAR.match(c) is not None


def _ltr_letter(c: str) -> bool:
    return c.isalnum() and c.isascii() or (c.isalpha() and _RTL_CHAR.match(c) is None and not _CJK.match(c))


def _rtl_fixes(text: str, glyphs: list[tuple], size: float) -> tuple[tuple[int, int, str], ...]:
    """What pdfium gets wrong in a line of right-to-left text, from its characters' boxes.

    * A ligature drawn as one glyph (lam-alef, "لا") gives its letters one box between them, and pdfium, laying the
      right-to-left run out backwards, puts them in the wrong order too ("اإلنتاجية" for "الإنتاجية"): a run of
      right-to-left letters sharing one box is read backwards.
    * A mark drawn over the letter after it in pdfium's text (a tanween before its letter, "ًض") belongs to that
      letter: the two change places, and a space pdfium put before the mark where the letters either side touch
      (no gap is drawn there) is dropped ("أي ًضا" for "أيضًا").
    * No word holds letters of both directions, but where a right-to-left word meets a left-to-right one the PDF
      often draws no space ("وPython", "Pythonمن"; the two glyphs touch there): a space goes between them.
    """
    out: list[tuple[int, int, str]] = []
    box = {g[0]: g for g in glyphs}
    i, n = 0, len(glyphs)
    while i < n:
        g = glyphs[i]
        c = text[g[0]]
        nxt = box.get(g[0] + 1)
        j = i + 1
        # (offsets one apart: one character each, one after the other in the page text)
        while (j < n and glyphs[j][0] == glyphs[j - 1][0] + 1 and _rtl_letter(text[glyphs[j][0]])
               and all(abs(glyphs[j][m] - g[m]) < 0.05 for m in range(1, 5))):
            j += 1
        if j - i > 1 and _rtl_letter(c):
            out.append((g[0], glyphs[j - 1][0] + 1, text[g[0] : glyphs[j - 1][0] + 1][::-1]))
        elif (nxt is not None and unicodedata.category(c) == "Mn" and _RTL_CHAR.match(c) and _rtl_letter(text[nxt[0]])
              and nxt[1] <= (g[1] + g[3]) / 2 <= nxt[3]):
            before = box.get(g[0] - 2)
            if text[g[0] - 1 : g[0]] == " " and before is not None and _rtl_letter(text[before[0]]) and before[1] - nxt[3] < 0.1 * size:
                out.append((g[0] - 1, g[0], ""))
            out.append((g[0], g[0] + 2, text[g[0] + 1] + c))
            j = i + 2
        if j < n and glyphs[j][0] == glyphs[j - 1][0] + 1:
            a, b = text[glyphs[j - 1][0]], text[glyphs[j][0]]
            if (_rtl_letter(a) and _ltr_letter(b)) or (_ltr_letter(a) and _rtl_letter(b)):
                out.append((glyphs[j][0], glyphs[j][0], " "))
        i = j
    return tuple(out)


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
    return [part for b in blocks for part in _split_indented(b)]


# A line that ends a sentence (closing quotes and brackets aside).
_PARA_END = re.compile(r"[.!?\u3002\uff0e\uff01\uff1f\u2026\u06d4\u061f][\"”’')\]»]*$")
_MONO_NAME = re.compile(r"mono|courier|consol|menlo|CMTT|SFTT|typewriter|code", re.I)


def _is_rtl(lines: list[_Line]) -> bool:
    text = "".join(ln.text for ln in lines)
    if not _RTL_CHAR.search(text):
        return False
    return len(_RTL_CHAR.findall(text)) * 2 > sum(c.isalpha() for c in text)


def _split_indented(block: _Block) -> list[_Block]:
    """A paragraph block cut before each line that starts indented from the block's common edge: a first-line indent.

    Paragraphs set one under the other with no space between them are told apart by the first line's indent alone.
    A line starts a new paragraph when it starts 0.6 to 6 line heights in from the block's edge (where its lines start
    furthest out; the right edge in right-to-left text), the line before it stopped short of the far margin or ended a
    sentence, and it reads
    as a first line: it runs on to (near) the far margin and the line after it starts at the edge again, or it is the
    last line. Not a hanging indent (most lines start further in than the first), nor centred text (as much room on
    each side), nor code (a monospaced font: its indents are its own).
    """
    lines = block.lines
    if block.role != "paragraph" or len(lines) < 2:
        return [block]
    # Measured from the side a line starts on: right-to-left lines start at their right end.
    if _is_rtl(lines):
        starts, ends = [-ln.x1 for ln in lines], [-ln.x0 for ln in lines]
    else:
        starts, ends = [ln.x0 for ln in lines], [ln.x1 for ln in lines]
    size = median(ln.size for ln in lines)
    tol = max(1.5, 0.15 * size)
    edge = min(starts)
    far = max(ends)
    measure = far - edge
    at_edge = sum(abs(s - edge) <= tol for s in starts)
    cuts = []
    for k in range(1, len(lines)):
        indent = starts[k] - edge
        if not (max(3.0, 0.6 * size) <= indent <= 6 * size):
            continue
        ln, prev = lines[k], lines[k - 1]
        if ln.y1 > prev.y0 + 0.5 * min(ln.height, prev.height):
            continue  # beside the line before, not under it
        if not (far - ends[k - 1] > 1.5 * size or _PARA_END.search(prev.text.rstrip())):
            continue
        last = k + 1 == len(lines)
        if not last and (abs(starts[k + 1] - edge) > tol or far - ends[k] > 0.25 * measure):
            continue
        room = far - ends[k]
        if room > tol and abs(room - indent) <= tol:
            continue  # centred
        if at_edge < sum(abs(s - starts[k]) <= tol for s in starts):
            continue  # most lines start there: a hanging indent, not a first line's
        if _MONO_NAME.search(ln.font) or _MONO_NAME.search(prev.font):
            continue
        cuts.append(k)
    if not cuts:
        return [block]
    out = []
    for a, b in zip([0, *cuts], [*cuts, len(lines)]):
        out.append(_Block(lines=lines[a:b], role=block.role))
    return out


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
            # (not in a smaller size than the body: a bold label of a figure, a note)
            or (all(ln.bold for ln in b.lines) and len(words) <= 10 and b.size >= body_size * _BOLD_HEAD_SIZE)
            # An italic line heads a section only when it is short and in title case ("Boots Self-Locking Nut").
            or (all(ln.italic for ln in b.lines) and len(b.lines) == 1 and len(words) <= 6 and titled)
        ):
            b.role = "heading"
            heading_sizes.add(b.size)
    ranks = {s: i + 1 for i, s in enumerate(sorted(heading_sizes, reverse=True))}
    for b in blocks:
        if b.role == "list_item" and (m := _BULLET.match(b.lines[0].text)):
            # As the Markdown and Word readers do: the item's text, span and box start after its marker. The
            # marker stays in the source the offsets point into; `number` is a heading's in schema 5.0, so a list
            # item carries none (Word's list numbers are not kept either).
            b.cut = m.end()
        if b.role == "heading":
            # "5.1 Results" says its own level; otherwise the rank of its size among the headings.
            m = _NUMBERED.match(b.lines[0].text.strip())
            b.number = m.group(1) if m else None
            b.level = m.group(1).count(".") + 1 if m else min(ranks.get(b.size, 1), 6)


_FIGURE_WHY = "text inside a figure: a label on a picture or drawing, not running text"
# A figure's labels cover less than this share of it; text covering more is set on a panel (a box, a coloured band).
_LABEL_SHARE = 0.25
# A figure is at least this many times as tall as the lines of text in it: a band behind a heading is not a figure.
_LABEL_HEIGHTS = 4
# A label's widest run of words is at most this share of its figure's width: a line across it is a caption or text.
_LABEL_WIDTH = 0.6
# Text this much larger than the body is display type (a title set on a cover picture), not a label.
_LABEL_SIZE = 1.5


def _longest_run(ln: _Line) -> float:
    """Width of the line's widest run of characters, the line cut where a gap is wider than a word space."""
    boxes = sorted((g[1], g[3]) for g in ln.glyphs.rows())
    if not boxes:
        return ln.x1 - ln.x0
    best = 0.0
    start, end = boxes[0]
    for x0, x1 in boxes[1:]:
        if x0 - end > 1.5 * ln.size:
            best = max(best, end - start)
            start = x0
        end = max(end, x1)
    return max(best, end - start)


def _places(xs: list[float], tol: float = 3.0) -> int:
    """How many different places ``xs`` stand at, ``tol`` apart."""
    xs = sorted(xs)
    return 1 + sum(b - a > tol for a, b in zip(xs, xs[1:]))


def _figure_text(blocks: list[_Block], lines: list[_Line], regions: list, body_size: float) -> None:
    """Blocks that are a figure's labels become furniture: never headings, nor paragraphs of the running text.

    A block is a figure's labels when all its lines lie inside one figure (an image, or a framed drawing: see
    :mod:`.figures`) whose text covers little of it, stands here and there (not one column: a panel of text) and
    which is several lines tall, it is no list item, no line of it runs across most
    of the figure (a caption set inside the frame stays text), and it is not display type (a title on a cover picture).
    """
    if not regions:
        return
    figs = []
    for x0, y0, x1, y1 in regions:
        inside = [ln for ln in lines if x0 - 1 <= (ln.x0 + ln.x1) / 2 <= x1 + 1 and y0 - 1 <= (ln.y0 + ln.y1) / 2 <= y1 + 1]
        if not inside or y1 - y0 < _LABEL_HEIGHTS * median(ln.height for ln in inside):
            continue
        # (each line's whole box: more than its ink where labels stand apart on one line, so never too little)
        ink = sum(ln.height * (ln.x1 - ln.x0) for ln in inside)
        # Labels stand here and there; lines that share a left edge or a centre are a column of text on a panel.
        if len(inside) > 1 and min(_places([ln.x0 for ln in inside]), _places([(ln.x0 + ln.x1) / 2 for ln in inside])) < 2:
            continue
        if ink < _LABEL_SHARE * (x1 - x0) * (y1 - y0):
            figs.append((x1 - x0, {id(ln) for ln in inside}))
    for b in blocks:
        if b.role != "paragraph":
            continue  # (a list item is a panel's, not a drawing's)
        # (lines with a letter or digit only: a number in a circle drawn with a symbol font says nothing of the size)
        sizes = [ln.size for ln in b.lines if any(c.isalnum() for c in ln.text)] or [b.size]
        if median(sizes) >= body_size * _LABEL_SIZE:
            continue
        ids = {id(ln) for ln in b.lines}
        width = next((w for w, inside in figs if ids <= inside), None)
        if width is not None and all(_longest_run(ln) <= _LABEL_WIDTH * width for ln in b.lines):
            b.role, b.why = "furniture", _FIGURE_WHY


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
        figures: list[list[tuple[float, float, float, float]]] = []
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
            figures.append(figure_regions(page, width, height) if lines else [])
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
        _figure_text(content, kept, figures[no - 1], body_size)
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


def _copy_line(bld: Builder, page_text: str, a: int, b: int, base: int, fixes: tuple[tuple[int, int, str], ...]) -> None:
    """Copy ``page_text[a:b]`` of one line with its right-to-left fixes: a ligature's letters put back in order (as
    many characters as in the source, so the span keeps its offsets), a space added where the direction changes
    (standing for no source character) or dropped."""
    for s, e, new in fixes:
        if not a <= s < b or e > b:
            continue
        _copy(bld, page_text[a:s], base + a)
        if new.isspace():
            bld.space(base + s, base + e)
        elif new:
            bld.replace(new, base + s, base + e)
        a = e
    _copy(bld, page_text[a:b], base + a)


def _segment(b: _Block, page_text: str, base: int, repairs: list[Repair], joins):
    bld = Builder()
    glue = False
    lines = b.lines
    for k, ln in enumerate(lines):
        if k and not glue:
            bld.space(base + lines[k - 1].end, base + ln.start)
        glue = False
        a = ln.start + (b.cut if k == 0 else 0)
        text = page_text[ln.start : ln.end]
        stripped = text.rstrip()
        nxt = lines[k + 1] if k + 1 < len(lines) else None
        hy = None
        if nxt is not None and b.role != "furniture":
            if stripped.endswith(_SOFT_HYPHEN):
                hy = ln.start + len(stripped) - 1
            elif _HYPHEN_END.search(stripped) and _LOWER_START.match(page_text[nxt.start : nxt.end]):
                hy = ln.start + len(stripped) - 1
        if hy is not None and hy < a:
            hy = None  # (a line that is only the marker and a hyphen: nothing of it is text to join)
        if hy is None:
            _copy_line(bld, page_text, a, ln.end, base, ln.fixes)
            continue
        _copy_line(bld, page_text, a, hy, base, ln.fixes)
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
    found: list[bool] = []
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
        found.append(bool(om.pieces))
        cells.append(Cell(row=gc.row, col=gc.col, row_span=gc.row_span, col_span=gc.col_span, text=t, start=pos, end=pos + len(t),
                          source_start=s0, source_end=s1))
        parts.append(t)
        pos += len(t)
    text = "".join(parts)
    if not pieces or not text.strip():
        return None
    place_unfound_cells(cells, found)
    return make_segment("table", text, bridge_gaps(pieces), cells=cells, bbox=[round(v, 2) for v in b.grid.bbox], glyphs=Glyphs.of(glyphs))
