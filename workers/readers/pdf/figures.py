"""Figures on a PDF page: where pictures and drawings lie, so the labels drawn on them are not read as text.

pdfium lists a page's objects: text, paths (lines, shapes), images, shadings and form XObjects (groups of
objects, which may hold more of each). A figure is

* an image (not one that covers most of the page, a page background; and none on a page whose text is invisible,
  a scan's OCR layer over its picture), or
* a frame: a box drawn around a drawing, i.e. a path at least half an inch each way, less than most of the page,
  whose images and curved shapes (icons, rounded boxes) cover 30% of it or more: ruled lines and rectangles
  (a table, a text panel) do not count.

Whether the text inside one is a figure's labels or text set on a coloured panel is judged from the text itself
(``_figure_text`` in the reader).
"""

from __future__ import annotations

import ctypes

import numpy as np
import pypdfium2.raw as pdfium_c

# An image or frame this share of the page or more is the page itself (a scan under its text layer, a border).
_MAX_PAGE_SHARE = 0.6
# A frame is at least this big (points) each way; an image at least this.
_MIN_FRAME = 36.0
_MIN_IMAGE = 12.0
# A frame's inside is a drawing when its images and curved shapes cover this share of it (their boxes summed).
_DRAWN_SHARE = 0.3
# Frames looked at per page, the largest first (a page of thousands of boxes is a chart or a map, not framed figures).
_MAX_FRAMES = 40
# Objects walked per page at most: past that the page is a drawing too dense to reason about object by object.
_MAX_OBJECTS = 20_000

Box = tuple[float, float, float, float]


def _transform(m: tuple[float, ...] | None, box: Box) -> Box:
    if m is None:
        return box
    a, b, c, d, e, f = m
    x0, y0, x1, y1 = box
    xs = [a * x + c * y + e for x, y in ((x0, y0), (x0, y1), (x1, y0), (x1, y1))]
    ys = [b * x + d * y + f for x, y in ((x0, y0), (x0, y1), (x1, y0), (x1, y1))]
    return min(xs), min(ys), max(xs), max(ys)


def _compose(outer: tuple[float, ...] | None, inner: tuple[float, ...]) -> tuple[float, ...]:
    """The matrix that applies ``inner`` then ``outer``."""
    if outer is None:
        return inner
    a, b, c, d, e, f = inner
    A, B, C, D, E, F = outer
    return (a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D, e * A + f * C + E, e * B + f * D + F)


def _objects(page) -> tuple[list[Box], list[tuple[Box, object]], bool]:
    """The page's images and paths (with each path's handle), boxes in page space, form XObjects opened; and whether
    its text is mostly invisible (a scan's OCR layer)."""
    texts = invisible = 0
    images: list[Box] = []
    paths: list[tuple[Box, object]] = []
    l, b, r, t = (ctypes.c_float() for _ in range(4))
    fm = pdfium_c.FS_MATRIX()
    # (object handle, the matrix from its container's space to the page's): an object inside a form XObject has its
    # bounds in the form's space.
    stack = [(pdfium_c.FPDFPage_GetObject(page.raw, i), None) for i in range(pdfium_c.FPDFPage_CountObjects(page.raw))]
    stack.reverse()
    seen = 0
    while stack and seen < _MAX_OBJECTS:
        obj, m = stack.pop()
        seen += 1
        kind = pdfium_c.FPDFPageObj_GetType(obj)
        if kind == pdfium_c.FPDF_PAGEOBJ_FORM:
            if pdfium_c.FPDFPageObj_GetMatrix(obj, ctypes.byref(fm)):
                inner = _compose(m, (fm.a, fm.b, fm.c, fm.d, fm.e, fm.f))
                kids = [(pdfium_c.FPDFFormObj_GetObject(obj, k), inner) for k in range(pdfium_c.FPDFFormObj_CountObjects(obj))]
                stack.extend(reversed(kids))
            continue
        if kind == pdfium_c.FPDF_PAGEOBJ_TEXT:
            texts += 1
            invisible += pdfium_c.FPDFTextObj_GetTextRenderMode(obj) == pdfium_c.FPDF_TEXTRENDERMODE_INVISIBLE
            continue
        if kind not in (pdfium_c.FPDF_PAGEOBJ_IMAGE, pdfium_c.FPDF_PAGEOBJ_PATH):
            continue
        if not pdfium_c.FPDFPageObj_GetBounds(obj, ctypes.byref(l), ctypes.byref(b), ctypes.byref(r), ctypes.byref(t)):
            continue
        box = _transform(m, (l.value, b.value, r.value, t.value))
        if kind == pdfium_c.FPDF_PAGEOBJ_IMAGE:
            images.append(box)
        else:
            paths.append((box, obj))
    return images, paths, invisible * 2 > texts


def _curved(path) -> bool:
    """The path has a curve in it (an icon, a rounded box): drawn, not ruled."""
    for k in range(pdfium_c.FPDFPath_CountSegments(path)):
        seg = pdfium_c.FPDFPath_GetPathSegment(path, k)
        if pdfium_c.FPDFPathSegment_GetType(seg) == pdfium_c.FPDF_SEGMENT_BEZIERTO:
            return True
    return False


def _area(box: Box) -> float:
    return max(0.0, box[2] - box[0]) * max(0.0, box[3] - box[1])


def figure_regions(page, width: float, height: float) -> list[Box]:
    """Boxes of the page's images and framed drawings, the largest first.

    None on a scanned page (its text drawn invisible over the scan, maybe cut in strips): its pictures and its text
    are one.
    """
    images, paths, scanned = _objects(page)
    if scanned:
        return []
    page_area = width * height
    regions = [bx for bx in images
               if bx[2] - bx[0] >= _MIN_IMAGE and bx[3] - bx[1] >= _MIN_IMAGE and _area(bx) < _MAX_PAGE_SHARE * page_area]
    frames = [(bx, h) for bx, h in paths
              if bx[2] - bx[0] >= _MIN_FRAME and bx[3] - bx[1] >= _MIN_FRAME and _area(bx) < _MAX_PAGE_SHARE * page_area]
    if frames:
        frames.sort(key=lambda f: -_area(f[0]))
        frames = frames[:_MAX_FRAMES]
        pb = np.array([bx for bx, _ in paths], dtype=np.float64).reshape(-1, 4)
        ib = np.array(regions, dtype=np.float64).reshape(-1, 4)
        curved: dict[int, bool] = {}
        for fbox, fh in frames:
            x0, y0, x1, y1 = fbox
            drawn = 0.0
            if len(ib):
                inside = (ib[:, 0] >= x0 - 1) & (ib[:, 1] >= y0 - 1) & (ib[:, 2] <= x1 + 1) & (ib[:, 3] <= y1 + 1)
                drawn += float(((ib[inside, 2] - ib[inside, 0]) * (ib[inside, 3] - ib[inside, 1])).sum())
            inside = np.flatnonzero((pb[:, 0] >= x0 - 1) & (pb[:, 1] >= y0 - 1) & (pb[:, 2] <= x1 + 1) & (pb[:, 3] <= y1 + 1))
            target = _DRAWN_SHARE * _area(fbox)
            for k in inside:
                if drawn >= target:
                    break
                bx, h = paths[int(k)]
                if h is fh or _area(bx) >= 0.9 * _area(fbox):
                    continue  # the frame itself (or its twin: a fill and a stroke)
                k = int(k)
                if k not in curved:
                    curved[k] = _curved(h)
                if curved[k]:
                    drawn += _area(bx)
            if drawn >= target:
                regions.append(fbox)
    regions.sort(key=lambda bx: -_area(bx))
    return regions
