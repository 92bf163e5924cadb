"""The page's outline: each segment names the heading it sits under (``parent_id``).

Pure: segments in, segments out. A heading's level comes from its numbering
('2.' is 1, '2.1' is 2); an unnumbered heading counts as above every numbered
one (a page title, or a closing "Notes"), so what follows it sits under it.
Furniture is site chrome, outside the outline.
"""

from __future__ import annotations

from ..models import Segment

_UNNUMBERED = 0


def link_parents(segments: list[Segment]) -> list[Segment]:
    open_headings: list[tuple[int, str]] = []  # (level, id), outermost first
    out: list[Segment] = []
    for seg in segments:
        if seg.role == "furniture":
            out.append(seg.model_copy(update={"parent_id": None}))
            continue
        if seg.role == "heading":
            level = seg.level if seg.level is not None else _UNNUMBERED
            while open_headings and open_headings[-1][0] >= level:
                open_headings.pop()
            parent = open_headings[-1][1] if open_headings else None
            open_headings.append((level, seg.id))
        else:
            parent = open_headings[-1][1] if open_headings else None
        out.append(seg.model_copy(update={"parent_id": parent}))
    return out
