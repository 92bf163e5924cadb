"""Date steps: time expressions the model found, fixed (date, duration or nothing), and ones it missed."""

from __future__ import annotations

import re

from ....knowledge.lexicon import (
    DATE_POINTERS, DATE_TAIL, DAY_WORDS, ERAS, FUNCTION_WORDS, HOLIDAY_NAMES, MONTH_NAMES, MONTHS, PARTS_OF_DAY, POINTED_PERIODS, WEEKDAYS, alternation,
)
from ....knowledge.lexicon import words as word_list
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


#: Months written short, capitalised as a date writes them ("Nov", "Sept").
_MONTH_ABBREVIATIONS = {m.capitalize() for m in MONTHS if m not in MONTH_NAMES}
#: Dates the model leaves out: "today", "last week", "3200 BCE", "March 1987", "3 March 1987".
#: ("May" and a year alone is too often the verb before a number.)
_DATE_PATTERNS = re.compile(
    r"\b" + alternation(DAY_WORDS) + r"\b"
    r"|\b" + alternation(DATE_POINTERS) + r"\s+" + alternation(POINTED_PERIODS) + r"\b"
    # an era only in capitals: "300 ad networks" is no year
    r"|\b\d{1,4}\s+(?-i:" + alternation({e.upper() for e in ERAS}) + r")(?!\w)"
    r"|\b" + alternation(MONTH_NAMES - {"may"}) + r"\s+\d{4}\b"
    r"|\b\d{1,2}\s+" + alternation(MONTH_NAMES) + r"\s+\d{4}\b"
    # a table's or a listing's short forms: "Fri 7 Nov", "7 Nov 2025", "Sat 8 November" (an abbreviated month only
    # capitalised: "7 mar" is no date)
    r"|\b(?:" + alternation(WEEKDAYS) + r"\.?,?\s+)?\d{1,2}\s+(?-i:" + alternation(_MONTH_ABBREVIATIONS) + r")\.?(?:\s+\d{4})?(?!\w)"
    r"|\b" + alternation(WEEKDAYS) + r"\.?,?\s+\d{1,2}\s+" + alternation(MONTH_NAMES) + r"\b"
    # a quarter of a year: "Q3 2025"
    r"|\b(?-i:Q[1-4])\s+\d{4}\b",
    re.IGNORECASE,
)


#: The years of a run, a life or a plan, two dates: "2024–2028", "(1823–1898)", "1861 - 1864". Not a year and its
#: short end ("1871-72", one date), nor figures in a longer run ("12-2024-2028", "2024-2028/29", "555 2024-2028").
# Two years a sentence spans in words ("from 1871 to 1904", "between 1958 and 1963"), and a reference's year before its
# volume (Vancouver style: "Journal of X. 2016;4(2):101-14").
_YEAR = r"((?:1[5-9]|20)\d{2})"
_WORDED_RANGE = re.compile(r"(?i:\b(?:from|between))[ \t\n]+" + _YEAR + r"[ \t\n]+(?i:to|until|till|and)[ \t\n]+" + _YEAR + r"(?![\w%/–—-])")
_VOLUME_YEAR = re.compile(r"(?<=\.[ \t])" + _YEAR + r"(?=;\s?\d)")
_YEAR_RANGE = re.compile(r"(?<![\w.,/–—-])(?<!\d\s)((?:1[0-9]|20)\d{2})\s?[–—-]\s?((?:1[0-9]|20)\d{2})(?![\w%/–—-])")


def add_date_patterns(ms: list[Mention], page: Page) -> list[Mention]:
    """Dates the model left out: "today", "last week", "3200 BCE", "3 May 2010", "Fri 7 Nov", "Q3 2025", the two years
    of "2024–2028", "(1823–1898)" and "from 1871 to 1904", and a reference's year before its volume ("2016;4(2)")."""
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
        if "(" in text or any(c in text for c in "–—-"):
            for ym in _YEAR_RANGE.finditer(text):
                for g in (1, 2):
                    if not taken.overlaps(i, *ym.span(g)):
                        add(i, *ym.span(g), "DATE", timex.value(ym.group(g)))
        for ym in _WORDED_RANGE.finditer(text):
            for g in (1, 2):
                if not taken.overlaps(i, *ym.span(g)):
                    add(i, *ym.span(g), "DATE", timex.value(ym.group(g)))
        if ";" in text:
            for ym in _VOLUME_YEAR.finditer(text):
                if not taken.overlaps(i, *ym.span(1)):
                    add(i, *ym.span(1), "DATE", timex.value(ym.group(1)))
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


#: Nouns for a stretch of time that a report measures up to a date ("the six months to 30 June").
PERIOD_NOUNS = word_list("period_nouns")
_CLOCK = r"\d{1,2}(?:[.:]\d{2})?\s?(?:am|pm|a\.m\.|p\.m\.)"
#: A clock time (or a span of two) at a date's end: "3 May, 4pm", "3 May, 10am–2pm", "3 May at 7.30pm".
_TIME_AT_END = re.compile(r"(?:,\s*|\s+at\s+|\s+)" + _CLOCK + r"(?:\s?[–—-]\s?" + _CLOCK + r")?$", re.IGNORECASE)
#: "the year to", "six months ended": the stretch before the date it runs up to.
_PERIOD_TO = re.compile(r"(?:the\s+)?(?:[\w-]+\s+)?" + alternation(PERIOD_NOUNS) + r"\s+(?:to|ended|ending)\s+", re.IGNORECASE)
#: A weekday (and a day of the month) right before a date the model began at the month: "Tuesday 3 " + "May".
_DAY_BEFORE = re.compile(r"(?<![\w'’-])(?:" + alternation(WEEKDAYS) + r",?\s+)?(?:\d{1,2}(?:st|nd|rd|th)?\s+)?$", re.IGNORECASE)
_WEEKDAY_BEFORE = re.compile(r"(?<![\w'’-])" + alternation(WEEKDAYS) + r",?\s+$", re.IGNORECASE)
#: The first day of a range right before a date that opens with its day: "14–" of "14–19 November", "12 and " of
#: "12 and 13 March".
_DAY_RANGE_BEFORE = re.compile(r"(?<![\w'’.,:/–-])\d{1,2}(?:st|nd|rd|th)?(?:[ \t]*[–-][ \t]*|[ \t]+and[ \t]+)$")
_MONTH_FIRST = re.compile(alternation(set(MONTHS)) + r"\b", re.IGNORECASE)
_DAY_MONTH_FIRST = re.compile(r"\d{1,2}(?:st|nd|rd|th)?\s+" + alternation(set(MONTHS)) + r"\b", re.IGNORECASE)


def date_edges(ms: list[Mention], page: Page) -> list[Mention]:
    """A date's span is the date: the weekday and day before it in, a clock time and a measured stretch out.

    * "Tuesday 3 May", "Friday, 20 May" where the model began at the month or the day: the weekday and day join, and
      so does a range's first day ("14–19 November", "12 and 13 March");
    * "3 May, 4pm", "3 May, 10am–2pm": the time of day is no part of the date;
    * "the six months to 30 June", "the year ended 31 March": the date the stretch runs to is the date.
    """
    texts = page.texts
    drop: set[int] = set()
    dates = [m for m in ms if m.label == "DATE"]
    for m in dates:
        text = texts[m.seg]
        t = m.text(texts)
        if (tm := _TIME_AT_END.search(t)) and tm.start() > 0 and timex.kind(t[:tm.start()]) == "DATE":
            m.end = m.start + tm.start()
        t = m.text(texts)
        if (pm := _PERIOD_TO.match(t)) and pm.end() < len(t) and timex.anchor(timex.words(t[pm.end():])) \
                and timex.kind(t[pm.end():]) == "DATE":
            m.start += pm.end()
        t = m.text(texts)
        lo = max(0, m.start - 20)
        if _MONTH_FIRST.match(t):
            bm = _DAY_BEFORE.search(text, lo, m.start)
        elif _DAY_MONTH_FIRST.match(t):
            bm = _DAY_RANGE_BEFORE.search(text, lo, m.start) or _WEEKDAY_BEFORE.search(text, lo, m.start)
        else:
            bm = None
        if bm and bm.start() < m.start:
            new_start = bm.start()
            for o in dates:
                if o is not m and o.seg == m.seg and new_start <= o.start and o.end <= m.start:
                    drop.add(id(o))
            m.start = new_start
        if m.text(texts) != t or bm:
            m.value = timex.value(m.text(texts))
    return [m for m in ms if id(m) not in drop]


# A holiday's name with no capitalised word right after it ("Labour Day Parade"); one right before it ("Chinese New
# Year") is looked for apart.
_HOLIDAY = re.compile(r"(?<![\w'’-])(?:" + "|".join(
    re.escape(n).replace("'", "['’]") for n in sorted(HOLIDAY_NAMES, key=len, reverse=True)) + r")(?![\w'’-])(?![ \t]+[A-Z])")


_CAPITALISED_BEFORE = re.compile(r"([A-Z][\w'’-]*)[ \t]+$")


def _name_before(text: str, start: int) -> bool:
    """A capitalised word right before ``start`` that is no small word opening a sentence ("Chinese", not "On")."""
    m = _CAPITALISED_BEFORE.search(text, max(0, start - 40), start)
    return m is not None and m.group(1).lower() not in FUNCTION_WORDS


def holidays(ms: list[Mention], page: Page) -> list[Mention]:
    """A holiday's name is a date ("until Labour Day", "before Holy Week", "on New Year's Day"), not an event nor
    nothing: the model reads some as events, and the event steps take "Week" and "Day" for an event's word. A longer
    mention that holds the name ("Labour Day Parade" an event) keeps it."""
    found = [Mention(i, hm.start(), hm.end(), "DATE", "pattern") for i, text in enumerate(page.texts)
             for hm in _HOLIDAY.finditer(text) if not _name_before(text, hm.start())]
    if not found:
        return ms
    taken = SpanIndex(ms)
    gone: set[int] = set()
    added: list[Mention] = []
    for h in found:
        over = [o for o in taken.find(h.seg, h.start, h.end) if isinstance(o, Mention)]
        if any(o.start < h.start or o.end > h.end for o in over):
            continue
        gone.update(id(o) for o in over)
        added.append(h)
    return [m for m in ms if id(m) not in gone] + added

