"""Span steps: a name's core, without determiners, titles, possessives or line breaks."""

from __future__ import annotations

from ..core import Mention, Page, trim_name


def split_lines(ms: list[Mention], page: Page) -> list[Mention]:
    """A name never runs across a line break: keep the pieces that hold a capital or digit."""
    texts = page.texts
    out = []
    for m in ms:
        t = m.text(texts)
        if "\n" not in t:
            out.append(m)
            continue
        pos = m.start
        for piece in t.split("\n"):
            if any(c.isupper() or c.isdigit() for c in piece):
                out.append(Mention(m.seg, pos, pos + len(piece), m.label, m.origin))
            pos += len(piece) + 1
    return out


def trim_spans(ms: list[Mention], page: Page) -> list[Mention]:
    texts = page.texts
    out = []
    for m in ms:
        if m.label == "DATE":
            out.append(m)
            continue
        opened = texts[m.seg].find(" (", m.start, m.end)
        if opened > m.start and ")" not in texts[m.seg][opened:m.end]:
            m.end = opened  # "World Health Organisation (WHO": the bracket holds a name of its own (see propagate)
        s, e = trim_name(texts[m.seg], m.start, m.end, m.label)
        if e > s and any(c.isupper() for c in texts[m.seg][s:e]):
            m.start, m.end = s, e
            out.append(m)
    return out
