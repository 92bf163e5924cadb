"""Markdown -> segments with offsets into the Markdown source.

markdown-it-py (CommonMark, plus tables and strikethrough) parses the file;
each block token carries its source lines (``map``). The inline text of a
block (markup characters, escapes and link targets left out) is found in
those lines in order, so every character of a segment points at the source
character it came from.
"""

from __future__ import annotations

import re

from markdown_it import MarkdownIt
from markdown_it.token import Token

from ..models import Cell, OffsetMap, Piece
from .common import FRONT_MATTER, Builder, Reading, make_segment

# markdown-it stops reading where blocks nest deeper than ``maxNesting`` and drops the rest of the file without a
# word: its CommonMark preset says 20, so a list ten levels deep lost every line after it. Each level costs
# Python a few frames (a list 1,000 levels deep overflows the stack even with no limit), so the limit is raised
# only so far, and a file that reaches it is refused rather than read in part.
_MAX_NESTING = 200
_MD = MarkdownIt("commonmark", {"maxNesting": _MAX_NESTING}).enable(["table", "strikethrough"])
# How far ahead a character of inline text may stand from the last one found (an escape, a markup run).
_LOOKAHEAD = 8


class _Source:
    def __init__(self, text: str) -> None:
        self.text = text
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def span(self, line_map: list[int] | None) -> tuple[int, int]:
        if not line_map:
            return 0, len(self.text)
        a, b = line_map
        start = self.line_starts[a] if a < len(self.line_starts) else len(self.text)
        end = self.line_starts[b] if b < len(self.line_starts) else len(self.text)
        return start, end


def _inline(tok: Token, src: _Source, region: tuple[int, int], b: Builder) -> int:
    """Add the visible text of an inline token to ``b``, each piece found in the source region; return where it ended."""
    cursor, end = region
    text = src.text

    def place(content: str) -> None:
        nonlocal cursor
        j = text.find(content, cursor, end)
        if j >= 0 and (j - cursor) <= max(_LOOKAHEAD, 200):
            b.copy(content, j)
            cursor = j + len(content)
            return
        for ch in content:
            k = text.find(ch, cursor, min(end, cursor + _LOOKAHEAD))
            if k >= 0:
                b.copy(ch, k)
                cursor = k + 1
            else:
                # Stands for no single source character (a decoded entity): anchor it where we are.
                b.replace(ch, cursor, cursor)

    for ch in tok.children or []:
        if ch.type in ("text", "code_inline"):
            place(ch.content)
        elif ch.type in ("softbreak", "hardbreak"):
            nl = text.find("\n", cursor, end)
            if nl >= 0:
                b.space(nl, nl + 1)
                cursor = nl + 1
            else:
                b.space(cursor, cursor)
        elif ch.type == "image":
            # The alt text is what a reader sees in place of the picture.
            for sub in ch.children or []:
                if sub.type == "text":
                    place(sub.content)
    return cursor


def _code(tok: Token, src: _Source) -> tuple[str, OffsetMap] | None:
    start, end = src.span(tok.map)
    b = Builder(keep_lines=True)
    cursor = start
    for line in tok.content.split("\n"):
        if not line:
            nl = src.text.find("\n", cursor, end)
            if nl >= 0:
                b.space(nl, nl + 1, newline=True)
                cursor = nl + 1
            continue
        j = src.text.find(line, cursor, end)
        if j < 0:
            b.replace(line, cursor, cursor)
        else:
            b.copy(line, j)
            cursor = j + len(line)
        nl = src.text.find("\n", cursor, end)
        if nl >= 0:
            b.space(nl, nl + 1, newline=True)
            cursor = nl + 1
    text, offsets = b.build()
    return (text, offsets) if text.strip() else None


_FRONT_TITLE = re.compile(r"""^title[ \t]*[:=][ \t]*(["']?)(.+?)\1[ \t]*\r?$""", re.M)


def _front_matter(text: str) -> tuple[int, str | None]:
    """Where the front matter ends (0 if there is none), and the title it gives."""
    # CommonMark reads its opening "---" as a rule and the lines under it as a setext heading, so the
    # metadata became the page's title.
    m = FRONT_MATTER.match(text)
    if not m:
        return 0, None
    title = _FRONT_TITLE.search(m.group(2))
    return m.end(), (title.group(2).strip() or None) if title else None


def read_markdown(text: str) -> Reading:
    from ..stages.intake import PageRejected  # the intake stage owns the error type

    src = _Source(text)
    front_end, front_title = _front_matter(text)
    # The front matter is parsed as blank lines, so every offset and line of the rest stays where it is.
    tokens = _MD.parse(re.sub(r"[^\r\n]", " ", text[:front_end]) + text[front_end:] if front_end else text)
    if any(t.level >= _MAX_NESTING - 1 for t in tokens):
        raise PageRejected(
            "unreadable",
            f"this Markdown file nests lists or quotes deeper than pagemill reads (about {_MAX_NESTING // 2} levels of "
            f"lists, {_MAX_NESTING} of quotes), and the Markdown reader would drop what lies deeper and everything "
            "after it; flatten the nesting and drop it again",
        )
    segments = []
    if front_end:
        b = Builder()
        b.copy(text[:front_end], 0)
        segments.append(make_segment("furniture", *b.build(), why="front matter: the page's metadata, not its text"))
    # What the next inline token is: the role of the block that opened it.
    stack: list[str] = []
    first_para_in_item: list[bool] = []
    table: _Table | None = None
    row = col = -1
    i = 0
    while i < len(tokens):
        # Each token is let go once read: a table's tokens (a dozen a row) took more memory than its record.
        tok, tokens[i] = tokens[i], None  # type: ignore[call-overload]
        t = tok.type
        if t == "heading_open":
            inline = tokens[i + 1]
            b = Builder()
            _inline(inline, src, src.span(inline.map), b)
            seg_text, offsets = b.build()
            if seg_text:
                segments.append(make_segment("heading", seg_text, offsets, level=int(tok.tag[1])))
            tokens[i + 1] = tokens[i + 2] = None  # type: ignore[call-overload]
            i += 3
            continue
        if t == "list_item_open":
            stack.append("li")
            first_para_in_item.append(True)
        elif t == "list_item_close":
            stack.pop()
            first_para_in_item.pop()
        elif t == "blockquote_open":
            stack.append("quote")
        elif t == "blockquote_close":
            stack.pop()
        elif t == "paragraph_open":
            inline = tokens[i + 1]
            role = "paragraph"
            if stack and stack[-1] == "li" and first_para_in_item[-1]:
                role = "list_item"
                first_para_in_item[-1] = False
            b = Builder()
            _inline(inline, src, src.span(inline.map), b)
            seg_text, offsets = b.build()
            if seg_text:
                segments.append(make_segment(role, seg_text, offsets))
            tokens[i + 1] = tokens[i + 2] = None  # type: ignore[call-overload]
            i += 3
            continue
        elif t in ("fence", "code_block"):
            got = _code(tok, src)
            if got:
                segments.append(make_segment("code", got[0], got[1]))
        elif t == "table_open":
            table, row = _Table(src), -1
        elif t == "tr_open":
            row += 1
            col = -1
        elif t in ("th_open", "td_open"):
            col += 1
            assert table is not None
            table.add(row, col, t == "th_open", tokens[i + 1])
        elif t == "table_close" and table is not None:
            seg = table.segment()
            if seg is not None:
                segments.append(seg)
            table = None
        elif t == "html_block":
            segments.extend(_html_block(tok, src))
        i += 1
    return Reading(text=text, segments=segments, title=front_title or next((s.text for s in segments if s.role == "heading"), None))


class _Table:
    """A table's segment, built a cell at a time as the reader meets them (so each cell's tokens can go)."""

    def __init__(self, src: _Source) -> None:
        self.src = src
        self.parts: list[str] = []
        self.pieces: list[Piece] = []
        self.cells: list[Cell] = []
        self.pos = 0
        self.last_row: int | None = None
        self.cursor = 0

    def add(self, r: int, c: int, th: bool, inline: Token) -> None:
        line_start, line_end = self.src.span(inline.map)
        if r != self.last_row:
            self.cursor = line_start
        if self.last_row is not None:
            sep = "\n" if r != self.last_row else "\t"
            self.parts.append(sep)
            self.pos += len(sep)
        self.last_row = r
        b = Builder()
        # A row's cells share its line: each search starts after the previous cell.
        self.cursor = _inline(inline, self.src, (max(self.cursor, line_start), line_end), b)
        t, om = b.build()
        if om.pieces:
            s0, s1 = om.pieces[0].source_start, om.pieces[-1].source_end
        else:
            s0 = s1 = line_start
        pos = self.pos
        for p in om.pieces:
            self.pieces.append(Piece(clean_start=p.clean_start + pos, clean_end=p.clean_end + pos, source_start=p.source_start, source_end=p.source_end))
        self.cells.append(Cell(row=r, col=c, header=th, text=t, start=pos, end=pos + len(t), source_start=s0, source_end=s1))
        self.parts.append(t)
        self.pos += len(t)

    def segment(self):
        text = "".join(self.parts)
        if not text.strip() or not self.pieces:
            return None
        return make_segment("table", text, OffsetMap(pieces=self.pieces), cells=self.cells)


def _html_block(tok: Token, src: _Source):
    """HTML inside Markdown (a table, a details block): read with the HTML reader's tree walk, all of it main text."""
    from .html import html_fragment_segments

    start, end = src.span(tok.map)
    return html_fragment_segments(src.text, start, end)
