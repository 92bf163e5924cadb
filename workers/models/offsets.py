"""Map offsets in cleaned text back to offsets in the source file.

Cleaning changes text (repairs, joined lines, collapsed whitespace), but every
segment and entity in a record must point at the exact source characters it
came from. A :class:`OffsetMap` is a list of pieces, each saying "these cleaned
characters came from these source characters". Copied pieces map one to one;
replaced pieces map their ends to the ends of the source span they replace.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from pydantic import BaseModel


# A plain dataclass with slots, not a pydantic model: a page has a piece per copied run, a table one per cell,
# and a model took about 770 bytes of memory where this takes about 170 (a 10,000-row table's 50,000 cells).
# Pieces never appear in a record; OffsetMap still validates them as a field.
@dataclass(slots=True)
class Piece:
    clean_start: int
    clean_end: int
    source_start: int
    source_end: int

    @property
    def copied(self) -> bool:
        return self.clean_end - self.clean_start == self.source_end - self.source_start


def _clean_start(p: Piece) -> int:
    return p.clean_start


class OffsetMap(BaseModel):
    pieces: list[Piece] = []

    def to_source(self, clean_start: int, clean_end: int) -> tuple[int, int]:
        """Source span covering the cleaned span ``[clean_start, clean_end)``."""
        if not self.pieces:
            return clean_start, clean_end
        return self._point(clean_start, left=True), self._point(clean_end, left=False)

    def _point(self, pos: int, *, left: bool) -> int:
        # Searched in place: listing every piece's start for each call made a table of thousands of cells (a piece
        # each) cost the square of its size, once per entity and sentence.
        i = max(0, bisect_right(self.pieces, pos, key=_clean_start) - 1)
        p = self.pieces[i]
        if not left and pos == p.clean_start and i > 0:
            # An end offset belongs to the piece it closes.
            p = self.pieces[i - 1]
        if p.copied:
            return p.source_start + min(max(pos - p.clean_start, 0), p.source_end - p.source_start)
        # Inside a replacement: snap outwards to the whole replaced source span.
        return p.source_start if left and pos < p.clean_end else p.source_end


class TextBuilder:
    """Builds cleaned text and its :class:`OffsetMap` together."""

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._pieces: list[Piece] = []
        self._len = 0

    def copy(self, source: str, start: int, end: int) -> None:
        """Append ``source[start:end]`` unchanged."""
        self.replace(start, end, source[start:end])

    def replace(self, source_start: int, source_end: int, text: str) -> None:
        """Append ``text`` as the stand-in for ``source[source_start:source_end]``."""
        if not text and source_start == source_end:
            return
        prev = self._pieces[-1] if self._pieces else None
        piece = Piece(
            clean_start=self._len,
            clean_end=self._len + len(text),
            source_start=source_start,
            source_end=source_end,
        )
        if (
            prev is not None
            and prev.copied
            and piece.copied
            and prev.clean_end == piece.clean_start
            and prev.source_end == piece.source_start
        ):
            prev.clean_end, prev.source_end = piece.clean_end, piece.source_end
        else:
            self._pieces.append(piece)
        self._parts.append(text)
        self._len += len(text)

    def __len__(self) -> int:
        return self._len

    def build(self) -> tuple[str, OffsetMap]:
        return "".join(self._parts), OffsetMap(pieces=self._pieces)
