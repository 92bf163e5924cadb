"""Date steps: time expressions the model found, fixed (date, duration or nothing), and ones it missed."""

from __future__ import annotations

import re

from ....knowledge.lexicon import (
    DATE_POINTERS, DATE_TAIL, DAY_WORDS, ERAS, MONTH_NAMES, PARTS_OF_DAY, POINTED_PERIODS, alternation,
)
from .. import timex
from ..core import Live, Mention, Page, SpanIndex, is_lower_word, strip_punct, tokens

_PART_OF_DAY = re.compile(r"\s+" + alternation(PARTS_OF_DAY) + r"\b", re.IGNORECASE)


def fix_dates(ms: list[Mention], page: Page) -> list[Mention]:
    texts = page.texts
    out = []
    for m in ms:
        if m.label != "DATE":
            out.append(m)
            continue
        text = texts[m.seg]
        s, e = strip_punct(text, m.start, m.end)
        ts, _ = timex.trim(text[s:e])
        s += ts
        # "Thursday" + " night": the part of the day belongs to the date
        pm = _PART_OF_DAY.match(text, e)
        if pm and timex.anchor(timex.words(text[s:e])):
            e = pm.end()
        for ps, pe in timex.split_range(text[s:e]):
            a, b = strip_punct(text, s + ps, s + pe)
            # trailing words that are not about time ("2011 season" -> "2011")
            toks = tokens(text, a, b)
            while len(toks) > 1:
                w = timex.words(text[toks[-1][0]:toks[-1][1]])
                if w and w[0].isalpha() and is_lower_word(text[toks[-1][0]:toks[-1][1]]) and not (
                    timex.anchor(w) or w[0] in timex.TIME_UNITS or w[0] in timex.SEASONS or w[0] in DATE_TAIL
                    or w[0] in timex.RELATIVE
                ):
                    toks.pop()
                    continue
                break
            if not toks:
                continue
            b = toks[-1][1]
            a, b = strip_punct(text, a, b)
            piece = text[a:b]
            k = timex.kind(piece)
            if k is None:
                continue
            n = Mention(m.seg, a, b, k, m.origin)
            n.value = timex.value(piece) if k == "DATE" else timex.duration_value(piece)
            out.append(n)
    return out


#: Dates the model leaves out: "today", "last week", "3200 BCE", "March 1987", "3 March 1987".
#: ("May" and a year alone is too often the verb before a number.)
_DATE_PATTERNS = re.compile(
    r"\b" + alternation(DAY_WORDS) + r"\b"
    r"|\b" + alternation(DATE_POINTERS) + r"\s+" + alternation(POINTED_PERIODS) + r"\b"
    # an era only in capitals: "300 ad networks" is no year
    r"|\b\d{1,4}\s+(?-i:" + alternation({e.upper() for e in ERAS}) + r")(?!\w)"
    r"|\b" + alternation(MONTH_NAMES - {"may"}) + r"\s+\d{4}\b"
    r"|\b\d{1,2}\s+" + alternation(MONTH_NAMES) + r"\s+\d{4}\b",
    re.IGNORECASE,
)


#: The years of a life or a run in brackets after a name or title: "(1823–1898)", "(1861 - 1864)".
_YEARS_IN_BRACKETS = re.compile(r"\(((?:1[0-9]|20)\d{2})\s?[–—-]\s?((?:1[0-9]|20)\d{2})\)")


def add_date_patterns(ms: list[Mention], page: Page) -> list[Mention]:
    """Dates the model left out: "today", "last week", "3200 BCE", "3 May 2010", the years of "(1823–1898)"."""
    texts = page.texts
    taken = SpanIndex(ms)
    out = list(ms)
    live = Live(ms)

    def add(i: int, s: int, e: int, kind: str, value: str | None) -> None:
        n = Mention(i, s, e, kind, "pattern")
        n.value = value
        out.append(n)
        live.add(n)
        taken.add(i, s, e)

    for i, text in enumerate(texts):
        if "(" in text:
            for ym in _YEARS_IN_BRACKETS.finditer(text):
                for g in (1, 2):
                    if not taken.overlaps(i, *ym.span(g)):
                        add(i, *ym.span(g), "DATE", timex.value(ym.group(g)))
        for mt in _DATE_PATTERNS.finditer(text):
            s, e = mt.span()
            if taken.overlaps(i, s, e):
                # the model took "BCE" for a name, or "October 1949" of "2 October 1949" for the date: the pattern wins
                clash = [c for c in taken.find(i, s, e) if isinstance(c, Mention) and c in live]
                if clash and all(c.start >= s and c.end <= e and (c.label != "DATE" or (c.end - c.start) < (e - s))
                                 for c in clash) and re.search(r"\d", text[s:e]):
                    for c in clash:
                        live.discard(c)
                else:
                    continue
            piece = text[s:e]
            k = timex.kind(piece)
            if k:
                add(i, s, e, k, timex.value(piece) if k == "DATE" else None)
    return [m for m in out if m in live]
