"""segment: blocks into headings, paragraphs, captions, list items and sentences.

``segment(CleanPage) -> SegmentedPage``. Roles given here come from layout
(numbering, bullets, length); ``classify`` may refine them.
"""

from __future__ import annotations

import re

from ..models import Block, CleanPage, OffsetMap, Piece, Segment, SegmentedPage, Sentence

# "2.", "2.1", "2.1.3", "IV.", "(a)", "a)", "Chapter 2", "Section 3.1"
_NUMBER_RE = re.compile(
    r"^(?:(?:chapter|section|part)\s+)?"
    r"(?P<num>\d+(?:\.\d+)*|[IVXLC]+|\([a-z0-9]{1,3}\)|[a-z]\))\.?\s*$",
    re.IGNORECASE,
)
_NUMBERED_TITLE_RE = re.compile(r"^(?P<num>\d+(?:\.\d+)*)\.?\s+(?P<title>\S.*)$")
_BULLET_RE = re.compile(r"^\s*(?:[-*•◦▪‣–]|\d{1,3}[.)]|[a-z][.)]|\([a-z0-9]{1,3}\))\s+\S")
_END_PUNCT = (".", "!", "?", ":", ";", ",", "”", '"', "’", ")")

# A sentence ends at . ! ? (plus closing quotes/brackets) followed by space and
# an upper-case letter, digit or opening quote; common abbreviations do not end one.
_SENT_END_RE = re.compile(r"[.!?][\"”’')\]]*\s+(?=[\"“‘(\[]?[A-Z0-9])")
_ABBREV_RE = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Prof|Sr|Jr|St|Mt|No|Nos|Vol|vs|etc|e\.g|i\.e|cf|approx|Gen|Col|Lt|Sgt|Capt|Gov|Sen|Rep|Rev|Hon|Inc|Ltd|Co|Corp|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.|\b[A-Z]\.|\b(?:[A-Z]\.){2,})$"
)


def heading_level(number: str) -> int:
    """'2' -> 1, '2.1' -> 2, '(a)' -> 3 (a lettered sub-point sits under numbered ones)."""
    if re.fullmatch(r"\d+(?:\.\d+)*", number):
        return number.count(".") + 1
    if re.fullmatch(r"[IVXLC]+", number, re.IGNORECASE):
        return 1
    return 3


def split_sentences(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _SENT_END_RE.finditer(text):
        head = text[start : m.start() + 1]
        if _ABBREV_RE.search(head):
            continue
        end = m.end() - len(m.group()) + len(m.group().rstrip())
        spans.append((start, end))
        start = m.end()
    if start < len(text) and text[start:].strip():
        spans.append((start, len(text.rstrip())))
    return spans


def _flatten(block: Block) -> tuple[str, OffsetMap]:
    """Join a block's lines into one line of running text (same length, same offsets)."""
    return block.text.replace("\n", " "), block.offsets


def _merge(a: Block, b: Block, sep: str = " ") -> tuple[str, OffsetMap]:
    ta, tb = a.text.replace("\n", " "), b.text.replace("\n", " ")
    pieces = [p.model_copy() for p in a.offsets.pieces]
    pieces.append(Piece(clean_start=len(ta), clean_end=len(ta) + len(sep), source_start=a.source_end, source_end=b.source_start))
    shift = len(ta) + len(sep)
    pieces += [
        Piece(
            clean_start=p.clean_start + shift,
            clean_end=p.clean_end + shift,
            source_start=p.source_start,
            source_end=p.source_end,
        )
        for p in b.offsets.pieces
    ]
    return ta + sep + tb, OffsetMap(pieces=pieces)


def _looks_like_title(block: Block) -> bool:
    t = block.text.strip()
    return "\n" not in t and 0 < len(t) <= 120 and not t.endswith(_END_PUNCT[:3]) and len(t.split()) <= 14


def _make(seg_id: int, role: str, text: str, offsets: OffsetMap, start: int, end: int, **kw) -> Segment:
    seg = Segment(id=f"s{seg_id}", role=role, text=text, source_start=start, source_end=end, offsets=offsets, **kw)
    if role != "furniture":
        for s0, s1 in split_sentences(text):
            src0, src1 = offsets.to_source(s0, s1)
            seg.sentences.append(Sentence(start=s0, end=s1, source_start=src0, source_end=src1))
    return seg


def segment(page: CleanPage) -> SegmentedPage:
    """Group cleaned blocks into typed segments with sentence spans."""
    segments: list[Segment] = []
    blocks = page.blocks
    i = 0

    def add(role: str, text: str, offsets: OffsetMap, start: int, end: int, **kw) -> None:
        segments.append(_make(len(segments) + 1, role, text, offsets, start, end, **kw))

    while i < len(blocks):
        block = blocks[i]
        if block.furniture:
            text, offsets = _flatten(block)
            add("furniture", text, offsets, block.source_start, block.source_end)
            i += 1
            continue
        stripped = block.text.strip()
        num = _NUMBER_RE.match(stripped)
        nxt = blocks[i + 1] if i + 1 < len(blocks) else None
        if num and nxt is not None and not nxt.furniture and _looks_like_title(nxt):
            text, offsets = _merge(block, nxt)
            number = num.group("num")
            add("heading", text, offsets, block.source_start, nxt.source_end, number=number.strip("()"), level=heading_level(number))
            i += 2
            continue
        lines = block.text.split("\n")
        if len(lines) > 1 and all(_BULLET_RE.match(line) for line in lines):
            _add_list_items(block, add)
            i += 1
            continue
        text, offsets = _flatten(block)
        if _BULLET_RE.match(stripped) and len(lines) == 1:
            add("list_item", text, offsets, block.source_start, block.source_end)
        elif (m := _NUMBERED_TITLE_RE.match(stripped)) and _looks_like_title(block):
            add("heading", text, offsets, block.source_start, block.source_end, number=m.group("num"), level=heading_level(m.group("num")))
        elif _looks_like_title(block) and len(stripped.split()) <= 10:
            add("heading", text, offsets, block.source_start, block.source_end)
        else:
            add("paragraph", text, offsets, block.source_start, block.source_end)
        i += 1
    return SegmentedPage(**page.model_dump(), segments=segments)


def _add_list_items(block: Block, add) -> None:
    pos = 0
    for line in block.text.split("\n"):
        start, end = pos, pos + len(line)
        pos = end + 1
        src0, src1 = block.offsets.to_source(start, end)
        pieces = []
        for p in block.offsets.pieces:
            lo, hi = max(p.clean_start, start), min(p.clean_end, end)
            if lo >= hi:
                continue
            if p.copied:
                pieces.append(Piece(clean_start=lo - start, clean_end=hi - start, source_start=p.source_start + lo - p.clean_start, source_end=p.source_start + hi - p.clean_start))
            else:
                pieces.append(Piece(clean_start=lo - start, clean_end=hi - start, source_start=p.source_start, source_end=p.source_end))
        add("list_item", line, OffsetMap(pieces=pieces), src0, src1)
