"""What every format reader returns, and how it builds segment text that keeps its source offsets."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..models import OffsetMap, Piece, Repair, Segment, SourcePart

_SPACE = re.compile(r"\s+")
# Front matter of a static-site Markdown page (Jekyll, Hugo, Obsidian): YAML between "---" lines (or closed by
# "..."), or TOML between "+++" lines, at the very top, starting with a key; group 2 is what lies between.
FRONT_MATTER = re.compile(r"\A(---|\+\+\+)[ \t]*\r?\n(?=[ \t]*[A-Za-z_][\w-]*[ \t]*[:=])((?:.*\r?\n){0,200}?)(?:\1|\.\.\.)[ \t]*(?:\r?\n|\Z)")
# Whitespace that becomes one space: all of it but a single plain space between two words.
_COLLAPSED = re.compile(r"\s{2,}|[^\S ]|^ | $")


@dataclass
class Reading:
    """A reader's result: the text offsets point into, and the segments it found there.

    For HTML and Markdown ``text`` is the decoded file itself. PDF pages and
    DOCX paragraphs are laid end to end in ``text``, and ``parts`` says where
    each one is, so a record can give the page or paragraph of every span.
    """

    text: str
    segments: list[Segment]
    title: str | None = None
    parts: list[SourcePart] = field(default_factory=list)
    repairs: list[Repair] = field(default_factory=list)


class Builder:
    """Segment text from source spans, whitespace collapsed, with its :class:`OffsetMap`.

    Every run of whitespace (also across spans, and at a ``brk``) becomes one
    space that stands for the source characters it replaces; leading and
    trailing whitespace is dropped. ``keep_lines`` keeps newlines, blank lines and
    each line's indentation (code).
    """

    def __init__(self, *, keep_lines: bool = False) -> None:
        self._parts: list[str] = []
        self._pieces: list[Piece] = []
        self._len = 0
        self._pending: tuple[int, int, str] | None = None
        self._keep_lines = keep_lines

    def _emit(self, text: str, s0: int, s1: int) -> None:
        prev = self._pieces[-1] if self._pieces else None
        piece = Piece(clean_start=self._len, clean_end=self._len + len(text), source_start=s0, source_end=s1)
        if prev is not None and prev.copied and piece.copied and prev.clean_end == piece.clean_start and prev.source_end == s0:
            prev.clean_end, prev.source_end = piece.clean_end, s1
        else:
            self._pieces.append(piece)
        self._parts.append(text)
        self._len += len(text)

    def space(self, s0: int, s1: int, *, newline: bool = False) -> None:
        nl = newline and self._keep_lines
        if nl and self._pending is not None and self._pending[2] == "\n":
            self._flush()  # a blank line of code stays a blank line
        if self._pending is None:
            self._pending = (s0, s1, "\n" if nl else " ")
        else:
            p0, _, sep = self._pending
            self._pending = (p0, max(s1, p0), "\n" if nl or sep == "\n" else " ")

    def _flush(self) -> None:
        if self._pending is not None:
            if self._len:
                s0, s1, sep = self._pending
                self._emit(sep, s0, s1)
            self._pending = None

    def copy(self, text: str, s0: int) -> None:
        """``text`` stands in the source unchanged at ``s0``."""
        if self._keep_lines:
            for m in re.finditer(r"\n|[^\S\n]+|[^\s]+", text):
                if m.group() == "\n":
                    self.space(s0 + m.start(), s0 + m.end(), newline=True)
                elif m.group().isspace():
                    if self._pending is not None and (self._pending[2] == " " or not self._len):
                        self.space(s0 + m.start(), s0 + m.end())
                    else:
                        # A line's indentation is the code's (Python's blocks, a YAML file's nesting): kept as written.
                        self._flush()
                        self._emit(m.group(), s0 + m.start(), s0 + m.end())
                else:
                    self._flush()
                    self._emit(m.group(), s0 + m.start(), s0 + m.end())
            return
        # Words with one plain space between them are copied as they stand, as one piece: a piece per word made
        # reading a big PDF cost a validated model per word.
        at = 0
        for m in _COLLAPSED.finditer(text):
            self._copy_run(text[at : m.start()], s0 + at)
            self.space(s0 + m.start(), s0 + m.end())
            at = m.end()
        self._copy_run(text[at:], s0 + at)

    def _copy_run(self, run: str, s0: int) -> None:
        if run:
            self._flush()
            self._emit(run, s0, s0 + len(run))

    def replace(self, text: str, s0: int, s1: int) -> None:
        """``text`` stands for ``source[s0:s1]`` (a character reference, an escape, a joined hyphen)."""
        if not text:
            return
        if text.isspace():
            self.space(s0, s1)
            return
        self._flush()
        self._emit(text, s0, s1)

    def __len__(self) -> int:
        return self._len

    def build(self) -> tuple[str, OffsetMap]:
        self._pending = None
        return "".join(self._parts), OffsetMap(pieces=self._pieces)


def bridge_gaps(pieces: list[Piece]) -> OffsetMap:
    """Offsets of a table's text: the separators between cells map to the source between them."""
    filled: list[Piece] = []
    for p in pieces:
        if filled and filled[-1].clean_end < p.clean_start:
            q = filled[-1]
            filled.append(Piece(clean_start=q.clean_end, clean_end=p.clean_start, source_start=q.source_end, source_end=max(q.source_end, p.source_start)))
        filled.append(p)
    return OffsetMap(pieces=filled)


def place_unfound_cells(cells: list, found: list[bool]) -> None:
    """Give each cell whose text has no place in the source (an empty cell, an image) an empty span where it stands.

    Such a cell had the span 0-0, at the top of the file: outside its table, and, in a DOCX or PDF, at the
    locator of the first paragraph or page. It takes the end of the cell before it that was found (or, first
    in its table, the start of the first found cell after it), so it lies inside its table's span, in order.
    """
    last = None
    waiting = []
    for cell, ok in zip(cells, found, strict=True):
        if ok:
            last = cell.source_end
            for w in waiting:
                w.source_start = w.source_end = cell.source_start
            waiting = []
        elif last is None:
            waiting.append(cell)
        else:
            cell.source_start = cell.source_end = last


def make_segment(role: str, text: str, offsets: OffsetMap, **kw) -> Segment:
    """A segment whose source span covers its text's pieces. Ids are given later, by ``segment``."""
    if offsets.pieces:
        # (A PDF block read in column order can hold lines whose page-text order differs.)
        start, end = min(p.source_start for p in offsets.pieces), max(p.source_end for p in offsets.pieces)
    else:
        start = end = 0
    return Segment(id="s0", role=role, text=text, source_start=start, source_end=end, offsets=offsets, **kw)


def collapse(text: str) -> str:
    return _SPACE.sub(" ", text).strip()
