"""Markdown -> segments with offsets into the Markdown source.

markdown-it-py (CommonMark, plus tables and strikethrough) parses the file;
each block token carries its source lines (``map``). The inline text of a
block (markup characters, escapes and link targets left out) is found in
those lines in order, so every character of a segment points at the source
character it came from; a character markdown-it decoded points at the
whole character reference or backslash escape it was written as.
"""

from __future__ import annotations

import re

from markdown_it import MarkdownIt
from markdown_it.common.entities import entities
from markdown_it.common.utils import fromCodePoint, isValidEntityCode
from markdown_it.helpers import parseLinkDestination, parseLinkTitle
from markdown_it.token import Token

try:
    from markdown_it.common.utils import mdTrim as _md_trim
except ImportError:  # markdown-it-py without it trims table rows and cells with str.strip
    _md_trim = str.strip

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
# How far ahead a token's text may start (emphasis, brackets, a quote's ">" lie between); a link's destination
# and inline HTML are skipped as such, so only a token markdown-it rewrote is looked for this far.
_WINDOW = 4096
_NEWLINE = re.compile(r"\r\n?|\n")
# Character references as markdown-it's entity rule matches them; _entity says whether it reads one.
_ENTITY = re.compile(r"&(?:#(?:[xX][0-9a-fA-F]{1,6}|[0-9]{1,7})|[A-Za-z][A-Za-z0-9]{1,31});")
_ESCAPABLE = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")


class _Source:
    def __init__(self, text: str) -> None:
        self.text = text
        # Lines as markdown-it counts them: it reads a lone "\r" as a line ending too, so a file saved with old
        # Mac line endings had every block's line map point at the wrong place.
        self.line_starts = [0] + [m.end() for m in _NEWLINE.finditer(text)]

    def span(self, line_map: list[int] | None) -> tuple[int, int]:
        if not line_map:
            return 0, len(self.text)
        a, b = line_map
        start = self.line_starts[a] if a < len(self.line_starts) else len(self.text)
        end = self.line_starts[b] if b < len(self.line_starts) else len(self.text)
        return start, end

    def line(self, n: int) -> tuple[int, int]:
        """Line ``n`` without its line ending."""
        start, end = self.span([n, n + 1])
        m = _NEWLINE.search(self.text, start, end)
        return start, m.start() if m else end


def _entity(m: re.Match[str]) -> str | None:
    """What markdown-it reads a character reference as; None where it leaves the text as written."""
    name = m.group()[1:-1]
    if name[0] != "#":
        return entities.get(name)
    code = int(name[2:], 16) if name[1] in "xX" else int(name[1:])
    return fromCodePoint(code) if isValidEntityCode(code) else "\ufffd"


class _Placer:
    """Finds the characters of a block's inline text in its source, in order, and adds them to a :class:`Builder`.

    markdown-it hands over text already decoded: a character reference or a backslash escape is one character
    in its text and a run of them in the source, and markup between tokens is left out. Each character is
    matched to what it was written as, so a decoded one stands for the whole reference or escape: looked for
    by itself it was put on the first "&" of "&amp;", or nowhere at all (an empty span).
    """

    def __init__(self, text: str, b: Builder, region: tuple[int, int]) -> None:
        self.text = text
        self.b = b
        self.start, self.end = region
        self.cursor = self.start
        # Characters no source character could be found for (a link's text markdown-it rewrote): they stand for
        # the source between the last character found and the next one.
        self.pending = ""
        self.gap = self.start
        self.last: tuple[int, int] | None = None

    def _unit(self, p: int, content: str, i: int, decode: bool, strict: bool) -> tuple[int, int] | None:
        """(source length, text length) where the source at ``p`` reads as ``content[i:]`` begins, else None."""
        text = self.text
        c, ch = text[p], content[i]
        if decode and c == "&" and (m := _ENTITY.match(text, p, self.end)) and (dec := _entity(m)) is not None:
            if content.startswith(dec, i):
                return m.end() - p, len(dec)
            if strict:
                return None  # markdown-it reads this reference as a whole; its "&" is no text of its own
        if c == "\\" and p + 1 < self.end and text[p + 1] in _ESCAPABLE and (decode or text[p + 1] == "|"):
            # (A table drops the backslash of "\|" before it reads a cell, in code spans too.)
            if text[p + 1] == ch:
                return 2, 1
            if strict and decode:
                return None
        if c == ch or (c == "\0" and ch == "\ufffd"):
            return 1, 1
        if ch.isspace() and c.isspace() and not (decode and c in "\r\n"):
            # Blanks for blanks, a run for a run: a code span has a space for a line ending ("\r\n" too), and spaces
            # for a tab where a list's indentation took part of it. Other text has a line ending as a break token.
            q, j = p + 1, i + 1
            while q < self.end and text[q].isspace() and not (decode and text[q] in "\r\n"):
                q += 1
            while j < len(content) and content[j].isspace():
                j += 1
            return q - p, j - i
        return None

    def _align(self, content: str, q: int, decode: bool) -> list[tuple[int, int, int, int]] | None:
        """Every unit of ``content`` read from the source from ``q`` on, with nothing skipped; None if it does not stand there."""
        units = []
        p, i = q, 0
        while i < len(content):
            if p >= self.end:
                return None
            u = self._unit(p, content, i, decode, True)
            if u is None:
                return None
            units.append((p, u[0], i, u[1]))
            p += u[0]
            i += u[1]
        return units

    def _find(self, content: str, decode: bool) -> list[tuple[int, int, int, int]] | None:
        text = self.text
        c0 = content[0]
        literal = not decode or ("&" not in content and "\\" not in content)
        for q in range(self.cursor, min(self.end, self.cursor + _WINDOW)):
            c = text[q]
            if c != c0 and c not in "&\\\0" and not (c0.isspace() and c.isspace()):
                continue
            if literal and text.startswith(content, q, self.end):
                return [(q, len(content), 0, len(content))]
            if (units := self._align(content, q, decode)) is not None:
                return units
        return None

    def place(self, content: str, *, decode: bool = True) -> None:
        """Add ``content``, read from the source at or after the cursor (markup before it is skipped)."""
        if not content:
            return
        units = self._find(content, decode)
        if units is None:
            # Not as it stands anywhere near: each character where it can be found, the rest in the gaps.
            units = []
            i = 0
            while i < len(content):
                for p in range(self.cursor, min(self.end, self.cursor + _LOOKAHEAD)):
                    if (u := self._unit(p, content, i, decode, False)) is not None:
                        self._emit([(p, u[0], i, u[1])], content)
                        i += u[1]
                        break
                else:
                    if not self.pending:
                        self.gap = self.cursor
                    self.pending += content[i]
                    i += 1
            return
        self._emit(units, content)

    def _emit(self, units: list[tuple[int, int, int, int]], content: str) -> None:
        text, b = self.text, self.b
        first = units[0][0]
        lead = ""
        if self.pending:
            if first > self.gap:
                self._settle(first)
            else:
                lead, self.pending = self.pending, ""
        elif len(units) == 1 and units[0][1] == len(content) and self.text.startswith(content, first):
            # The whole text as it stands in the source (most text).
            b.copy(content, first)
            self.last = (first, first + len(content))
            self.cursor = first + len(content)
            return
        run_at = run_end = -1
        for p, n, i, m in units:
            piece = content[i : i + m]
            if not lead and n == m and text.startswith(piece, p):
                if p != run_end:
                    if run_at >= 0:
                        b.copy(text[run_at:run_end], run_at)
                    run_at = p
                run_end = p + n
                continue
            if run_at >= 0:
                b.copy(text[run_at:run_end], run_at)
                run_at = run_end = -1
            _replace(b, lead + piece, p, p + n)
            lead = ""
        if run_at >= 0:
            b.copy(text[run_at:run_end], run_at)
        last_p, last_n = units[-1][0], units[-1][1]
        self.last = (first, last_p + last_n)
        self.cursor = last_p + last_n

    def _settle(self, upto: int) -> None:
        """Give the characters not found the source between where they were expected and ``upto``."""
        if not self.pending:
            return
        s0, s1 = self.gap, max(self.gap, upto)
        if s1 == s0:
            # Nothing left between: they share the span of what came before them.
            s0, s1 = self.last or (self.start, max(self.start, self.end))
        _replace(self.b, self.pending, s0, s1)
        self.pending = ""

    def skip(self, to: int, markup: int | None = None) -> None:
        """The source up to ``to`` is no text (a link's destination, a tag), from ``markup`` on if given."""
        if to > self.cursor:
            self._settle(to if markup is None else markup)
            self.cursor = to

    def autolink(self) -> int:
        """Hold what follows to the autolink's "<...>" (it holds no "<", ">" or blank); return the region's end."""
        end = self.end
        k = self.text.find("<", self.cursor, end)
        close = self.text.find(">", k, end) if k >= 0 else -1
        if close >= 0:
            self.skip(k + 1, k)
            self.end = close
        return end

    def autolink_tail(self, end: int) -> None:
        close = self.end
        self.end = end
        if close < end and self.text[close] == ">":
            self.skip(close + 1, close)

    def newline(self) -> None:
        m = _NEWLINE.search(self.text, self.cursor, self.end)
        if m is None:
            self._settle(self.end)
            self.b.space(self.cursor, self.cursor)
            return
        self._settle(m.start())
        self.b.space(m.start(), m.end())
        self.cursor = m.end()

    def finish(self) -> int:
        if self.pending:
            end = self.end
            while end > self.cursor and self.text[end - 1].isspace():
                end -= 1
            self._settle(end)
        return self.cursor

    def link_tail(self) -> None:
        """Skip the "]" that closes a link's or image's text, and its "(destination "title")" or "[label]"."""
        text, end = self.text, self.end
        k = self.cursor
        while True:
            k = text.find("]", k, end)
            if k < 0:
                return
            if not _escaped(text, k):
                break
            k += 1
        p = k + 1
        if p < end and text[p] == "(":
            q = _skip_space(text, p + 1, end)
            if q < end:
                dest = parseLinkDestination(text, q, end)
                if dest.ok:
                    after = _skip_space(text, dest.pos, end)
                    q = after
                    if after > dest.pos and after < end:
                        title = parseLinkTitle(text, after, end)
                        if title.ok:
                            q = _skip_space(text, title.pos, end)
            if q < end and text[q] == ")":
                p = q + 1
        elif p < end and text[p] == "[":
            q = p + 1
            while q < end and (text[q] not in "[]" or _escaped(text, q)):
                q += 1
            if q < end and text[q] == "]":
                p = q + 1
        self.skip(p)

    def raw(self, content: str) -> None:
        """Skip raw HTML written inline (its attributes may hold words the text repeats)."""
        if "\n" in content:
            # markdown-it's copy has "\n" for each line ending of the file.
            tag = re.compile(r"(?:\r\n?|\n)".join(re.escape(part) for part in content.split("\n")))
            m = tag.search(self.text, self.cursor, self.end)
            at = m.end() if m else -1
        else:
            at = self.text.find(content, self.cursor, self.end)
            at = at + len(content) if at >= 0 else -1
        if at >= 0:
            self.skip(at)


def _escaped(text: str, k: int) -> bool:
    n = 0
    while k - n - 1 >= 0 and text[k - n - 1] == "\\":
        n += 1
    return n % 2 == 1


def _skip_space(text: str, p: int, end: int) -> int:
    while p < end and text[p] in " \t\r\n":
        p += 1
    return p


def _replace(b: Builder, text: str, s0: int, s1: int) -> None:
    """``text`` stands for ``source[s0:s1]``; its whitespace is collapsed as a copy's would be."""
    for m in re.finditer(r"\s+|\S+", text):
        if m.group().isspace():
            b.space(s0, s1)
        else:
            b.replace(m.group(), s0, s1)


def _inline(tok: Token, src: _Source, region: tuple[int, int], b: Builder) -> int:
    """Add the visible text of an inline token to ``b``, each piece found in the source region; return where it ended."""
    at = _Placer(src.text, b, region)
    autolink = False
    for ch in tok.children or []:
        t = ch.type
        if t == "text":
            # An autolink's text is its address as written, references and backslashes left as they are.
            at.place(ch.content, decode=not autolink)
        elif t == "code_inline":
            at.place(ch.content, decode=False)
        elif t in ("softbreak", "hardbreak"):
            at.newline()
        elif t == "link_open":
            autolink = ch.markup == "autolink"
            if autolink:
                end = at.autolink()
        elif t == "link_close":
            if autolink:
                at.autolink_tail(end)
            else:
                at.link_tail()
            autolink = False
        elif t == "html_inline":
            at.raw(ch.content)
        elif t == "image":
            # The alt text is what a reader sees in place of the picture.
            for sub in ch.children or []:
                if sub.type == "text":
                    at.place(sub.content)
            at.link_tail()
    return at.finish()


def _code(tok: Token, src: _Source) -> tuple[str, OffsetMap] | None:
    start, end = src.span(tok.map)
    b = Builder(keep_lines=True)
    lines = tok.content.split("\n")
    if lines and not lines[-1]:
        lines.pop()
    # A code block's lines are its source lines one for one (a fence's after the opening one), less indentation
    # and any quote markers.
    first = tok.map[0] + (1 if tok.type == "fence" else 0) if tok.map else 0
    by_line = bool(tok.map) and first + len(lines) <= tok.map[1]
    cursor = start
    for k, line in enumerate(lines):
        a, z = src.line(first + k) if by_line else (cursor, end)
        if line:
            j = src.text.find(line, max(a, cursor), z)
            if j < 0:
                # Not as written (a tab read as spaces): it stands for its whole source line.
                b.replace(line, max(a, cursor), max(z, cursor))
                cursor = max(z, cursor)
            else:
                b.copy(line, j)
                cursor = j + len(line)
        m = _NEWLINE.search(src.text, cursor, end)
        if m is not None:
            b.space(m.start(), m.end(), newline=True)
            cursor = m.end()
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
        self.columns: list[list[tuple[int, int, str]]] = []

    def add(self, r: int, c: int, th: bool, inline: Token) -> None:
        line_start, line_end = self.src.span(inline.map)
        if r != self.last_row:
            self.cursor = line_start
            self.columns = _row_columns(self.src, inline.map[0]) if inline.map else []
        if self.last_row is not None:
            sep = "\n" if r != self.last_row else "\t"
            self.parts.append(sep)
            self.pos += len(sep)
        self.last_row = r
        # Each cell is looked for between its own pipes, as markdown-it split the row: searched for along the
        # row, a cell whose text was not found as written ran on into the next cells.
        region = next(((cols[c][0], cols[c][1]) for cols in self.columns
                       if c < len(cols) and cols[c][2] == inline.content), None)
        if region is None and not inline.content and self.columns:
            # A cell the row leaves out (markdown-it fills the row up to the header's width): where the row ends.
            z = self.columns[0][-1][1] if self.columns[0] else line_start
            region = (z, z)
        b = Builder()
        end = _inline(inline, self.src, region or (max(self.cursor, line_start), line_end), b)
        self.cursor = max(self.cursor, end)
        t, om = b.build()
        if om.pieces:
            s0, s1 = om.pieces[0].source_start, om.pieces[-1].source_end
        else:
            s0 = s1 = region[0] if region else self.cursor
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
        seg = make_segment("table", text, OffsetMap(pieces=self.pieces), cells=self.cells)
        # An empty cell has no characters to give the table's span, but stands in it all the same.
        seg.source_start = min(seg.source_start, *(c.source_start for c in self.cells))
        seg.source_end = max(seg.source_end, *(c.source_end for c in self.cells))
        return seg


# What markdown-it takes off the start of a table row in a quote or list: the quote markers and a list marker.
_PIPES = re.compile(r"\|")
_CONTAINER = re.compile(r"(?:[ \t]*(?:>|(?:[-+*]|\d{1,9}[.)])(?=[ \t])))+")


def _row_columns(src: _Source, n: int) -> list[list[tuple[int, int, str]]]:
    """Ways markdown-it may have split table row ``n`` into cells: where each cell stands, and the text it reads.

    Its row is the line less any container markers, which the line alone does not tell: the row is split with
    them and without, and a cell takes the split whose text is the cell's.
    """
    a, z = src.line(n)
    out = [_split_row(src.text, a, z)]
    m = _CONTAINER.match(src.text, a, z)
    if m and m.end() > a:
        out.append(_split_row(src.text, m.end(), z))
    return out


def _split_row(text: str, a: int, z: int) -> list[tuple[int, int, str]]:
    """markdown-it's ``escapedSplit`` of ``text[a:z]``, trimmed, keeping where each cell's text begins and ends."""
    line = _md_trim(text[a:z])
    a = text.find(line, a, z) if line else a
    z = a + len(line)
    cols: list[tuple[int, int, str]] = []
    start = last = a
    current = ""
    for p in _PIPES.finditer(text, a, z):
        k = p.start()
        if k > a and text[k - 1] == "\\":
            # The backslash of "\|" is dropped before the cell is read.
            current += text[last : k - 1]
            last = k
        else:
            cols.append((start, k, current + text[last:k]))
            current = ""
            start = last = k + 1
    cols.append((start, z, current + text[last:z]))
    if cols and cols[0][2] == "":
        cols.pop(0)
    if cols and cols[-1][2] == "":
        cols.pop()
    out = []
    for s, e, raw in cols:
        cell = _md_trim(raw) if raw else ""
        # Blanks lead the cell alike in the source and in what markdown-it read; an empty cell is at its pipe.
        out.append((s + raw.find(cell) if cell else e, e, cell))
    return out


def _html_block(tok: Token, src: _Source):
    """HTML inside Markdown (a table, a details block): read with the HTML reader's tree walk, all of it main text."""
    from .html import html_fragment_segments

    start, end = src.span(tok.map)
    return html_fragment_segments(src.text, start, end)
