"""Word .docx -> segments, each traced to its paragraph.

python-docx opens the file. Every ``w:p`` of the main document part, taken
in document order (body, table cells and text boxes alike), is one *part*:
its text (python-docx's ``Paragraph.text``) is laid end to end in
``Page.text`` with a blank line between, so a record's locator gives the
paragraph index and the offsets inside that paragraph's text.

Roles come from paragraph styles, followed along ``w:basedOn``: an outline
level (``w:outlineLvl`` 0-8, on the paragraph or its style) or a style
named Title or Heading N makes a heading, numbering (``w:numPr``, unless
``w:numId`` is 0: Word's "no numbering") or a list style makes a list item,
Caption makes a caption. The first Title paragraph is the page's title when
the file's properties give none. Tables become ``table`` segments with their
cells, placed on the table's grid; headers and footers are furniture (they
are outside the main part, so they carry no paragraph locator).
"""

from __future__ import annotations

import io
import re
from typing import NamedTuple

import docx
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

from ..models import Cell, Piece, SourcePart
from .common import Builder, Reading, bridge_gaps, make_segment

_HEADING_STYLE = re.compile(r"^(?:heading|überschrift|titre|título|titolo)\s*(\d)$", re.I)
_W_P, _W_TBL, _W_SDT, _W_TC, _W_TR = qn("w:p"), qn("w:tbl"), qn("w:sdt"), qn("w:tc"), qn("w:tr")
_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_SEP = "\n\n"


def _in_fallback(el) -> bool:
    # A text box is stored twice (DrawingML and a VML fallback): read it once.
    p = el.getparent()
    while p is not None:
        if p.tag == _FALLBACK:
            return True
        p = p.getparent()
    return False


class _Layout:
    """Paragraph texts end to end, with the span of each."""

    def __init__(self) -> None:
        self.chunks: list[str] = []
        self.parts: list[SourcePart] = []
        # w:p element -> (start in layout, paragraph text). Keyed by the element itself: holding it
        # keeps lxml from handing out a new proxy (with a recycled id) for the same node.
        self.at: dict[object, tuple[int, str]] = {}
        self.len = 0

    def add(self, p_el, index: int, text: str) -> None:
        if self.chunks:
            self.chunks.append(_SEP)
            self.len += len(_SEP)
        self.parts.append(SourcePart(kind="paragraph", index=index, source_start=self.len, source_end=self.len + len(text)))
        self.at[p_el] = (self.len, text)
        self.chunks.append(text)
        self.len += len(text)

    def add_loose(self, text: str) -> int:
        """Text outside the main part (headers, footers): laid out, but no paragraph part."""
        if self.chunks:
            self.chunks.append(_SEP)
            self.len += len(_SEP)
        start = self.len
        self.chunks.append(text)
        self.len += len(text)
        return start


def _w(el, name: str) -> str | None:
    return None if el is None else el.get(qn(f"w:{name}"))


def _roman(n: int) -> str:
    out = ""
    for value, letters in ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
                           (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")):
        while n >= value:
            out, n = out + letters, n - value
    return out


def _format(n: int, fmt: str) -> str:
    if fmt == "lowerLetter":
        return chr(ord("a") + (n - 1) % 26)
    if fmt == "upperLetter":
        return chr(ord("A") + (n - 1) % 26)
    if fmt == "lowerRoman":
        return _roman(n)
    if fmt == "upperRoman":
        return _roman(n).upper()
    return str(n)


#: ``w:outlineLvl`` 9 is body text: in no outline, so no heading.
_BODY_LEVEL = 9


class _Style(NamedTuple):
    """What a paragraph style, and the styles it is based on, say of its paragraphs."""

    heading: int | None  # heading level, from the nearest outline level or heading style name on the chain
    title: bool  # the heading comes from the Title style (this one, or the one it is based on)
    caption: bool
    list_name: bool  # a "List ..." style other than List Paragraph (which is only an indent)
    num_id: str | None  # the nearest w:numId on the chain ("0": numbering switched off)
    ilvl: int | None


_PLAIN = _Style(None, False, False, False, None, None)


def _outline_level(ppr) -> int | None:
    val = _w(ppr.find(qn("w:outlineLvl")) if ppr is not None else None, "val")
    return int(val) if val and val.isdigit() and int(val) <= _BODY_LEVEL else None


def _num_pr(ppr) -> tuple[str | None, int | None]:
    num_pr = ppr.find(qn("w:numPr")) if ppr is not None else None
    if num_pr is None:
        return None, None
    ilvl = _w(num_pr.find(qn("w:ilvl")), "val")
    return _w(num_pr.find(qn("w:numId")), "val"), int(ilvl) if ilvl and ilvl.isdigit() else None


def _chain(style):
    # A damaged file can base a style on itself, round about: each style once.
    seen = set()
    while style is not None and style.style_id not in seen:
        seen.add(style.style_id)
        yield style
        try:
            style = style.base_style
        except (KeyError, ValueError):
            return


def _style_heading(name: str, ppr) -> int | bool | None:
    """A style's own word on headings: a level, False (body text), or None (it says nothing)."""
    level = _outline_level(ppr)
    if level is not None:
        return level + 1 if level < _BODY_LEVEL else False
    low = name.lower()
    if low in ("title", "subtitle"):
        return 1 if low == "title" else 2
    m = _HEADING_STYLE.match(name)
    return int(m.group(1)) if m else None


def _read_style(style) -> _Style:
    heading, num_id, ilvl = None, None, None
    title = caption = list_name = False
    for st in _chain(style):
        name, ppr = st.name or "", st.element.pPr
        low = name.lower()
        if heading is None:
            heading = _style_heading(name, ppr)
            # Only the style that makes the heading makes the title: a Subtitle may be based on Title.
            title = bool(heading) and low == "title"
        caption = caption or low.startswith("caption")
        list_name = list_name or (low.startswith("list") and low != "list paragraph")
        own_id, own_lvl = _num_pr(ppr)
        num_id = num_id if num_id is not None else own_id
        ilvl = ilvl if ilvl is not None else own_lvl
    return _Style(heading or None, title, caption, list_name, num_id, ilvl)


class _Styles:
    """Each paragraph style read once per document.

    python-docx finds a paragraph's style afresh each time it is asked, and for a paragraph without one (its
    document's default) it reads every style the document defines: 3,600 paragraphs took 6 s of it. Following
    ``w:basedOn`` costs a search of the styles per step, so the whole chain is read once too.
    """

    def __init__(self) -> None:
        self._by_id: dict[str | None, _Style] = {}

    def of(self, par: Paragraph) -> _Style:
        sid = par._p.style
        if sid not in self._by_id:
            try:
                self._by_id[sid] = _read_style(par.style)
            except (KeyError, ValueError):
                self._by_id[sid] = _PLAIN
        return self._by_id[sid]

    def numbering(self, par: Paragraph) -> tuple[str | None, int]:
        """The paragraph's numId and level: its own w:numPr, what it leaves out taken from its style's."""
        num_id, ilvl = _num_pr(par._p.pPr)
        style = self.of(par)
        num_id = num_id if num_id is not None else style.num_id
        ilvl = ilvl if ilvl is not None else style.ilvl
        return num_id, ilvl or 0


class _Numbering:
    """Word's automatic numbering ("1", "1.2", "a)"), which is not in the paragraph text.

    Counters advance in document order for every numbered paragraph, as Word
    draws them; a heading's label becomes its ``number``.
    """

    def __init__(self, document, styles: _Styles) -> None:
        self.styles = styles
        self.levels: dict[str, dict[int, tuple[int, str, str]]] = {}
        self.abstract_of: dict[str, str] = {}
        self.counters: dict[str, dict[int, int]] = {}
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            return
        for an in root.iterchildren(qn("w:abstractNum")):
            levels = {}
            for lvl in an.iterchildren(qn("w:lvl")):
                start = _w(lvl.find(qn("w:start")), "val")
                levels[int(_w(lvl, "ilvl") or 0)] = (
                    int(start) if start and start.isdigit() else 1,
                    _w(lvl.find(qn("w:numFmt")), "val") or "decimal",
                    _w(lvl.find(qn("w:lvlText")), "val") or "",
                )
            self.levels[_w(an, "abstractNumId") or ""] = levels
        for num in root.iterchildren(qn("w:num")):
            self.abstract_of[_w(num, "numId") or ""] = _w(num.find(qn("w:abstractNumId")), "val") or ""

    def label(self, par: Paragraph) -> str | None:
        num_id, ilvl = self.styles.numbering(par)
        aid = self.abstract_of.get(num_id or "")
        levels = self.levels.get(aid or "")
        if not levels or ilvl not in levels:
            return None
        counts = self.counters.setdefault(aid, {})
        counts[ilvl] = counts.get(ilvl, levels[ilvl][0] - 1) + 1
        for deeper in [k for k in counts if k > ilvl]:
            del counts[deeper]
        _, fmt, text = levels[ilvl]
        if fmt in ("bullet", "none") or not text:
            return None

        def value(m: re.Match) -> str:
            k = int(m.group(1)) - 1
            start, f, _ = levels.get(k, (1, "decimal", ""))
            # A level shown before it was ever counted stands at its start, and counts on from there (as in Word).
            return _format(counts.setdefault(k, start), f)

        return re.sub(r"%(\d)", value, text).strip().rstrip(".") or None


def _role(par: Paragraph, styles: _Styles) -> tuple[str, int | None]:
    style = styles.of(par)
    # The paragraph's own outline level overrides its style's, as it does in Word's outline.
    own = _outline_level(par._p.pPr)
    heading = style.heading if own is None else (own + 1 if own < _BODY_LEVEL else None)
    if heading:
        return "heading", heading
    if style.caption:
        return "caption", None
    num_id, _ = styles.numbering(par)
    # numId 0 switches numbering off, even in a list style; a list style's name counts only where no
    # numbering is given at all.
    if (num_id is not None and num_id != "0") or (num_id is None and style.list_name):
        return "list_item", None
    return "paragraph", None


def read_docx(data: bytes) -> Reading:
    document = docx.Document(io.BytesIO(data))
    body = document.element.body
    layout = _Layout()
    index = 0
    for p_el in body.iter(_W_P):
        if _in_fallback(p_el):
            continue
        layout.add(p_el, index, Paragraph(p_el, document).text)
        index += 1
    segments = []
    styles = _Styles()
    numbering = _Numbering(document, styles)
    done_tables: set = set()
    titled: str | None = None  # the first paragraph in the Title style
    for p_el in body.iter(_W_P, _W_TBL):
        if p_el.tag == _W_TBL:
            if any(a in done_tables for a in p_el.iterancestors(_W_TBL)):
                continue
            done_tables.add(p_el)
            seg = _table(p_el, layout)
            if seg is not None:
                segments.append(seg)
            continue
        if p_el not in layout.at or any(True for _ in p_el.iterancestors(_W_TBL)):
            continue
        start, text = layout.at[p_el]
        par = Paragraph(p_el, document)
        number = numbering.label(par)
        b = Builder()
        b.copy(text, start)
        seg_text, offsets = b.build()
        if not seg_text:
            continue
        role, level = _role(par, styles)
        if titled is None and styles.of(par).title:
            titled = seg_text
        # The number Word draws is not in the paragraph's text: it goes in `number`, the text stays traceable.
        segments.append(make_segment(role, seg_text, offsets, level=level, number=number if role == "heading" else None))
    # Headers and footers: furniture, once per distinct text.
    seen: set[str] = set()
    for section in document.sections:
        for hf in (section.header, section.first_page_header, section.even_page_header,
                   section.footer, section.first_page_footer, section.even_page_footer):
            try:
                if hf.is_linked_to_previous and hf is not section.header and hf is not section.footer:
                    continue
                pars = hf.paragraphs
            except (KeyError, ValueError, AttributeError):
                continue
            for par in pars:
                text = par.text
                if not text.strip() or text.strip() in seen:
                    continue
                seen.add(text.strip())
                start = layout.add_loose(text)
                b = Builder()
                b.copy(text, start)
                seg_text, offsets = b.build()
                segments.append(make_segment("furniture", seg_text, offsets, why="page header or footer"))
    # A Subtitle or a heading can come before the paragraph the author marked as the title.
    title = (document.core_properties.title or "").strip() or titled or next(
        (s.text for s in segments if s.role == "heading"), None
    )
    return Reading(text="".join(layout.chunks), segments=segments, title=title, parts=layout.parts)


def _grid_before(tr) -> int:
    """Grid columns a row leaves empty before its first cell (w:gridBefore): its cells stand that far right."""
    tr_pr = tr.find(qn("w:trPr"))
    val = _w(tr_pr.find(qn("w:gridBefore")) if tr_pr is not None else None, "val")
    return int(val) if val and val.isdigit() else 0


def _wrapped(el, tag: str):
    """``el``'s children of ``tag``, with those a content control wraps (w:sdt/w:sdtContent, a form's rows or
    cells): read only as direct children, such rows and their text were lost."""
    for child in el.iterchildren():
        if child.tag == tag:
            yield child
        elif child.tag == _W_SDT and (content := child.find(qn("w:sdtContent"))) is not None:
            yield from _wrapped(content, tag)


def _table(tbl, layout: _Layout):
    parts: list[str] = []
    pieces: list[Piece] = []
    cells: list[Cell] = []
    pos = 0
    last_row = None
    # Cells that continue a vertical merge add to the span of the cell above them. A merge runs on only through
    # the row right below: a column that row leaves out (w:gridBefore, w:gridAfter, a short row) or fills with
    # a cell of its own ends it, so a later "continue" cannot reach back over it.
    above: dict[int, Cell] = {}
    for r, tr in enumerate(_wrapped(tbl, _W_TR)):
        col = _grid_before(tr)
        merging: dict[int, Cell] = {}
        for tc in _wrapped(tr, _W_TC):
            span = tc.grid_span or 1
            vmerge = tc.vMerge
            if vmerge == "continue" and col in above:
                above[col].row_span += 1
                merging[col] = above[col]
                col += span
                continue
            t, om = _cell_text(tc, layout)
            if parts:
                parts.append("\n" if r != last_row else "\t")
                pos += 1
            last_row = r
            for p in om.pieces:
                pieces.append(Piece(clean_start=p.clean_start + pos, clean_end=p.clean_end + pos, source_start=p.source_start, source_end=p.source_end))
            if om.pieces:
                s0, s1 = om.pieces[0].source_start, om.pieces[-1].source_end
            else:
                # An empty cell still has its paragraph: an empty span at its start (not 0, the file's first paragraph).
                s0 = s1 = _cell_start(tc, layout, pieces[-1].source_end if pieces else 0)
            cell = Cell(row=r, col=col, col_span=span, text=t, start=pos, end=pos + len(t), source_start=s0, source_end=s1)
            cells.append(cell)
            if vmerge is not None:
                # A "continue" with no merge above to join heads a merge of its own: the rows below may continue it.
                merging[col] = cell
            parts.append(t)
            pos += len(t)
            col += span
        above = merging
    text = "".join(parts)
    if not text.strip() or not pieces:
        return None
    seg = make_segment("table", text, bridge_gaps(pieces), cells=cells)
    # The table's span holds every cell's, empty ones before its first text too ("points at its first cell").
    seg.source_start = min(seg.source_start, min(c.source_start for c in cells))
    seg.source_end = max(seg.source_end, max(c.source_end for c in cells))
    return seg


def _cell_start(tc, layout: _Layout, default: int) -> int:
    """Where an empty cell's first paragraph lies in the layout (``default`` if it has none there)."""
    for p_el in tc.iter(_W_P):
        if p_el in layout.at:
            return layout.at[p_el][0]
    return default


def _cell_text(tc, layout: _Layout):
    b = Builder()
    for p_el in tc.iter(_W_P):
        if p_el not in layout.at:
            continue
        start, text = layout.at[p_el]
        if len(b):
            b.space(start, start)
        b.copy(text, start)
    return b.build()
