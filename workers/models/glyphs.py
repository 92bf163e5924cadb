"""Where each character of a PDF segment is drawn: its source offset and its box.

A sentence, a cell or an entity inside a PDF segment gets the box around just
its own characters, so every span can be found on the page. A 2 MB PDF holds
two million of them, so they are kept in arrays: 20 bytes a character, where
tuples of Python numbers took about 200 (the reader held 593 MB for a 1.6 MB
PDF). A span's box is two binary searches and a reduction, whatever the
segment's size: with a list, every sentence and entity of a 170 KB paragraph
rescanned the whole paragraph.

Boxes are in PDF points, given out to a hundredth. pdfium computes them in
single precision, so float32 holds them exactly; a box given to a hundredth
and stored again comes back the same (float32's error stays under 0.005 for
coordinates below 100,000 points; a PDF page is at most 14,400).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np
from pydantic_core import core_schema


class Glyphs:
    """Characters' source offsets (ascending) and boxes (x0, y0, x1, y1)."""

    __slots__ = ("_at", "_box")

    def __init__(self, at: np.ndarray, box: np.ndarray) -> None:
        self._at = at
        self._box = box

    @classmethod
    def of(cls, rows: Iterable[Sequence[float]]) -> Glyphs:
        """From (offset, x0, y0, x1, y1) rows in any order."""
        arr = np.array(list(rows), dtype=np.float64).reshape(-1, 5)
        return cls._sorted(arr[:, 0].astype(np.int64), arr[:, 1:].astype(np.float32))

    @classmethod
    def join(cls, parts: Iterable[Glyphs], shift: int = 0) -> Glyphs:
        """All of ``parts`` in one, in order of offset; ``shift`` moves every offset (a page's text into the document's)."""
        parts = list(parts)
        at = np.concatenate([p._at for p in parts]).astype(np.int64) if parts else np.empty(0, np.int64)
        box = np.concatenate([p._box for p in parts]) if parts else np.empty((0, 4), np.float32)
        return cls._sorted(at + shift, box)

    @classmethod
    def _sorted(cls, at: np.ndarray, box: np.ndarray) -> Glyphs:
        # Stable: characters at one offset (a ligature's parts) keep their order.
        order = np.argsort(at, kind="stable")
        at = at[order]
        # Offsets as int32 (a page's text is far shorter than 2**31 characters): 20 bytes a character, not 24.
        return cls(at.astype(np.int32) if not at.size or at[-1] < 2**31 else at, box[order])

    def box(self, start: int, end: int) -> list[float] | None:
        """The box around the characters drawn for source offsets ``[start, end)``, or None if none are."""
        i, j = np.searchsorted(self._at, (start, end), side="left")
        if i >= j:
            return None
        inside = self._box[i:j]
        lo, hi = inside.min(axis=0), inside.max(axis=0)
        return [round(float(v), 2) for v in (lo[0], lo[1], hi[2], hi[3])]

    def rows(self) -> list[tuple[int, float, float, float, float]]:
        """(offset, x0, y0, x1, y1) of each character, its box to a hundredth of a point."""
        return [(int(a), *(round(v, 2) for v in b)) for a, b in zip(self._at.tolist(), self._box.tolist())]

    def __len__(self) -> int:
        return len(self._at)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Glyphs) and np.array_equal(self._at, other._at) and np.array_equal(self._box, other._box)

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"Glyphs({len(self)} characters)"

    @classmethod
    def __get_pydantic_core_schema__(cls, _source, _handler) -> core_schema.CoreSchema:
        return core_schema.is_instance_schema(cls)
