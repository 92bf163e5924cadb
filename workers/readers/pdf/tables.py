"""Ruled tables on a PDF page: cell boxes from the lines drawn on it.

pdfium has no table finder. The ruling lines (thin paths, and the sides of
boxes) are read from the page with pdfium, and pdfplumber's grid algorithm
(snap and join the lines, find where they cross, the smallest rectangles
those crossings make, and the groups of touching rectangles) turns them into
tables of cells. pdfplumber's own page parsing (pdfminer, pure Python) is not
used: it costs several times the whole of reading a page with pdfium.

Only ruled tables are found; a table laid out with white space alone stays
paragraphs.
"""

from __future__ import annotations

import ctypes
from dataclasses import dataclass, field
from functools import cached_property

import numpy as np
import pypdfium2.raw as pdfium_c
from pdfplumber.table import cells_to_tables, edges_to_intersections, intersections_to_cells, merge_edges

# A path this thin (points) is a line; one this long at least counts as a rule.
_THIN = 2.0
_MIN_RULE = 8.0
# pdfplumber's defaults for snapping and joining nearby lines and for where two lines cross.
_SNAP = 3.0
_JOIN = 3.0
_CROSS = 3.0
# A grid this small is a box or a rule, not a table.
_MIN_ROWS = 2
_MIN_COLS = 2
# Rules crossing this often (a 70 by 70 grid) are a drawing (graph paper, a chart's grid), not a table; pdfplumber
# pairs every crossing with every other to find cells: a 100 by 100 grid cost about 5 s, and it grows with the square.
_MAX_CROSSINGS = 5_000


@dataclass
class GridCell:
    row: int
    col: int
    row_span: int
    col_span: int
    # PDF points, origin bottom left
    x0: float
    y0: float
    x1: float
    y1: float

    def holds(self, x: float, y: float) -> bool:
        return self.x0 <= x <= self.x1 and self.y0 <= y <= self.y1


@dataclass
class Grid:
    cells: list[GridCell]
    # The cells' boxes as one array, in the order of ``cells``: a table of thousands of cells is searched for every
    # character drawn in it (a 60 by 60 grid took 6 s for 11 KB of text).
    _boxes: np.ndarray | None = field(default=None, repr=False, compare=False)

    @cached_property
    def bbox(self) -> list[float]:
        # Cells added by ``cell_at`` lie between the grid's rules, so the box never changes.
        return [min(c.x0 for c in self.cells), min(c.y0 for c in self.cells), max(c.x1 for c in self.cells), max(c.y1 for c in self.cells)]

    def holds(self, x: float, y: float) -> bool:
        x0, y0, x1, y1 = self.bbox
        return x0 <= x <= x1 and y0 <= y <= y1

    def cell_at(self, x: float, y: float) -> GridCell | None:
        """The cell around a point of the table; where a rule is missing, the band of rows and columns it lies in.

        A grid can miss a few cells (a rule drawn in another way, or not at all); text there still belongs to the
        table, in the row and column of the rules around it. Where cells share a rule, the first in row order holds it.
        """
        if self._boxes is None:
            self._boxes = np.array([(c.x0, c.y0, c.x1, c.y1) for c in self.cells], dtype=np.float64).reshape(-1, 4)
        b = self._boxes
        hit = np.flatnonzero((b[:, 0] <= x) & (x <= b[:, 2]) & (b[:, 1] <= y) & (y <= b[:, 3]))
        if hit.size:
            return self.cells[int(hit[0])]
        if not self.holds(x, y):
            return None
        xs = sorted({v for c in self.cells for v in (c.x0, c.x1)})
        ys = sorted({v for c in self.cells for v in (c.y0, c.y1)}, reverse=True)  # row 0 at the top
        col = next((i for i in range(len(xs) - 1) if xs[i] <= x <= xs[i + 1]), None)
        row = next((i for i in range(len(ys) - 1) if ys[i + 1] <= y <= ys[i]), None)
        if row is None or col is None:
            return None
        cell = GridCell(row=row, col=col, row_span=1, col_span=1, x0=xs[col], y0=ys[row + 1], x1=xs[col + 1], y1=ys[row])
        self.cells.append(cell)
        self.cells.sort(key=lambda g: (g.row, g.col))
        self._boxes = None
        return cell


def _edge(orientation: str, x0: float, x1: float, top: float, bottom: float) -> dict:
    return {"orientation": orientation, "x0": x0, "x1": x1, "top": top, "bottom": bottom, "doctop": top,
            "width": x1 - x0, "height": bottom - top, "object_type": "line"}


def rules(page, height: float) -> list[dict]:
    """The page's ruling lines as pdfplumber edges (y measured down from the top of the page)."""
    edges: list[dict] = []
    l, b, r, t = (ctypes.c_float() for _ in range(4))
    for i in range(pdfium_c.FPDFPage_CountObjects(page.raw)):
        obj = pdfium_c.FPDFPage_GetObject(page.raw, i)
        if pdfium_c.FPDFPageObj_GetType(obj) != pdfium_c.FPDF_PAGEOBJ_PATH:
            continue
        if not pdfium_c.FPDFPageObj_GetBounds(obj, ctypes.byref(l), ctypes.byref(b), ctypes.byref(r), ctypes.byref(t)):
            continue
        x0, y0, x1, y1 = l.value, b.value, r.value, t.value
        w, h = x1 - x0, y1 - y0
        top, bottom = height - y1, height - y0
        if h <= _THIN and w >= _MIN_RULE:
            mid = height - (y0 + y1) / 2
            edges.append(_edge("h", x0, x1, mid, mid))
        elif w <= _THIN and h >= _MIN_RULE:
            mid = (x0 + x1) / 2
            edges.append(_edge("v", mid, mid, top, bottom))
        elif w >= _MIN_RULE and h >= _MIN_RULE:
            # A box (drawn or filled): its sides rule the cells it frames.
            edges += [_edge("h", x0, x1, top, top), _edge("h", x0, x1, bottom, bottom),
                      _edge("v", x0, x0, top, bottom), _edge("v", x1, x1, top, bottom)]
    return edges + _frame_sides(edges, height)


# Rules of one table share their ends to about this much; a table with open sides has at least this many.
_SAME_END = 3.0
_FRAME_RULES = 3
# A "frame" taller than this share of the page is the page's own layout (rules above and below the text), not a table.
_FRAME_MAX_HEIGHT = 0.5


def _frame_sides(edges: list[dict], height: float) -> list[dict]:
    """Sides for tables drawn with rules across but none down their outer edges (an open-sided table).

    Where several horizontal rules start and end at the same place, the table runs from end to end of them: a
    side at each end lets the grid close the outer columns, which have a rule on one side only.
    """
    sides = []
    hs = sorted((e for e in edges if e["orientation"] == "h"), key=lambda e: (round(e["x0"]), round(e["x1"])))
    used: set[int] = set()
    for i, e in enumerate(hs):
        if i in used:
            continue
        group = [j for j in range(i, len(hs)) if abs(hs[j]["x0"] - e["x0"]) <= _SAME_END and abs(hs[j]["x1"] - e["x1"]) <= _SAME_END]
        used.update(group)
        if len(group) < _FRAME_RULES:
            continue
        x0 = min(hs[j]["x0"] for j in group)
        x1 = max(hs[j]["x1"] for j in group)
        # Only as far down as the table's own column rules reach: a rule of the same width below it (a note's
        # separator) does not make the text under it part of the table.
        inner = [v for v in edges if v["orientation"] == "v" and x0 + _SAME_END < v["x0"] < x1 - _SAME_END]
        if not inner:
            continue
        top = max(min(hs[j]["top"] for j in group), min(v["top"] for v in inner))
        bottom = min(max(hs[j]["top"] for j in group), max(v["bottom"] for v in inner))
        if not 0 < bottom - top <= _FRAME_MAX_HEIGHT * height:
            continue
        for x in (x0, x1):
            if not any(v["orientation"] == "v" and abs(v["x0"] - x) <= _SAME_END for v in edges):  # a side already drawn
                sides.append(_edge("v", x, x, top, bottom))
    return sides


def find_grids(page, height: float) -> list[Grid]:
    """Tables of at least two rows and two columns ruled on the page."""
    edges = rules(page, height)
    if sum(e["orientation"] == "h" for e in edges) < _MIN_ROWS + 1 or sum(e["orientation"] == "v" for e in edges) < _MIN_COLS + 1:
        return []
    edges = merge_edges(edges, _SNAP, _SNAP, _JOIN, _JOIN)
    crossings = edges_to_intersections(edges, _CROSS, _CROSS)
    if len(crossings) > _MAX_CROSSINGS:
        return []
    cells = intersections_to_cells(crossings)
    grids = []
    for group in cells_to_tables(cells):
        # Rows and columns between every pair of neighbouring rules, so a merged cell spans the ones it covers.
        xs = sorted({v for c in group for v in (c[0], c[2])})[:-1]
        tops = sorted({v for c in group for v in (c[1], c[3])})[:-1]
        if len(xs) < _MIN_COLS or len(tops) < _MIN_ROWS:
            continue
        out = []
        for c in group:
            x0, top, x1, bottom = c
            row, col = tops.index(top), xs.index(x0)
            out.append(GridCell(row=row, col=col, row_span=max(1, sum(top <= t < bottom for t in tops)),
                                col_span=max(1, sum(x0 <= x < x1 for x in xs)),
                                x0=x0, y0=height - bottom, x1=x1, y1=height - top))
        grids.append(Grid(cells=sorted(out, key=lambda g: (g.row, g.col))))
    return grids
