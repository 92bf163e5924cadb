"""classify: the role of each segment, and the page's section, topics and regions.

``classify(SegmentedPage) -> ClassifiedPage``.
"""

from __future__ import annotations

import re

from ..models import Classification, ClassifiedPage, Section, Segment, SegmentedPage

_CAPTION_START = re.compile(r"^(?:fig(?:ure)?\.?|table|photo(?:graph)?|image|illustration|map|chart|source|credit)s?\b[\s\d.:]", re.IGNORECASE)
_CREDIT_PAREN = re.compile(r"\((?:[^()]*?)\b(?:photo|photograph|image|courtesy|credit|source|©)\b[^()]*\)\s*$", re.IGNORECASE)


def _is_caption(seg: Segment) -> bool:
    t = seg.text.strip()
    if _CAPTION_START.match(t):
        return True
    return bool(_CREDIT_PAREN.search(t)) and len(seg.sentences) <= 2


def _section(segments: list[Segment]) -> Section | None:
    for seg in segments:
        if seg.role == "heading" and seg.number:
            title = re.sub(r"^\(?\s*[\w.]+\)?\.?\s+", "", seg.text.strip(), count=1).strip()
            return Section(number=seg.number, title=title, level=seg.level, segment_id=seg.id)
    return None


def classify(page: SegmentedPage) -> ClassifiedPage:
    segments = [s.model_copy() for s in page.segments]
    for seg in segments:
        if seg.role == "paragraph" and _is_caption(seg):
            seg.role = "caption"
    section = _section(segments)
    title = section.title if section else next((s.text.strip() for s in segments if s.role == "heading"), None)
    data = page.model_dump(exclude={"segments"})
    return ClassifiedPage(
        **data,
        segments=segments,
        title=title,
        classification=Classification(section=section),
    )
