"""Time expressions (a shared helper of the date steps, below them): calendar date, duration or neither, their spans, and ISO 8601 values.

The model marks any time expression DATE. Here one is told apart:

* a **date** points at a day, month, year or named period ("March 1987",
  "the 1960s", "last week", "two years ago") -> ``DATE``;
* a **duration** measures a length ("more than 60 years", "three months")
  -> ``DURATION``, with an ISO 8601 duration ("P60Y") where simple;
* a bare time noun ("year", "the season", "daily") or a number that is not a
  year is no entity at all.
"""

from __future__ import annotations

import re

from ...knowledge.lexicon import (
    DAY_WORDS, ERAS, HOLIDAYS, MONTHS, NUMBER_VALUES, NUMBER_WORDS, ORDINAL_NUMBERS, RELATIVE, SEASONS, TIME_UNITS, WEEKDAYS,
)

_TOKEN = re.compile(r"[A-Za-z]+(?:['’][a-z]+)?\.?|\d+(?:st|nd|rd|th|s|'s)?|[^\sA-Za-z\d]")
_YEAR = re.compile(r"^(1[0-9]{3}|20[0-9]{2})s?$")
_NUM = re.compile(r"^\d+(?:[.,]\d+)?$")
_ERA = ERAS

_WORD_NUM = NUMBER_VALUES


def words(text: str) -> list[str]:
    return [w.lower().rstrip(".") if w[-1:] == "." and len(w) > 1 else w.lower() for w in _TOKEN.findall(text)]


def _is_year(w: str) -> bool:
    return bool(_YEAR.match(w))


def anchor(ws: list[str]) -> bool:
    """True when the words name a calendar point by themselves (a month, weekday, year, century...)."""
    for i, w in enumerate(ws):
        if w in MONTHS and (w not in {"may", "mar", "sun", "sat", "jan", "dec"} or len(ws) > 1 or True):
            return True
        if w in WEEKDAYS or w in HOLIDAYS or _is_year(w):
            return True
        if w in {"century", "centuries"} and i > 0 and (ws[i - 1] in ORDINAL_NUMBERS or re.match(r"\d+(st|nd|rd|th)$", ws[i - 1])):
            return True
        if w in _ERA and i > 0 and _NUM.match(ws[i - 1]):
            return True
        if w in DAY_WORDS:
            return True
    return False


def kind(text: str) -> str | None:
    """``"DATE"``, ``"DURATION"`` or ``None`` (no time entity) for a time expression."""
    ws = [w for w in words(text) if w not in {",", "the"}]
    if not ws:
        return None
    if any(re.match(r"^\d+-(year|month|week|day)", w) for w in words(text)) or "-year-old" in text or "old" in ws:
        return None  # ages and adjectives: "14-year-old", "a 21-year career"
    units = [w for w in ws if w in TIME_UNITS]
    has_anchor = anchor(ws)
    if any(w in {"ago", "later", "earlier", "before", "after", "since"} for w in ws) and units:
        return "DATE"  # "two years ago", "one year later"
    counted = bool(units) and any(_NUM.match(w) or w in NUMBER_WORDS for w in ws if w not in TIME_UNITS)
    if counted and not has_anchor:
        return "DURATION"
    if has_anchor:
        return "DATE"
    if units or any(w in SEASONS for w in ws):
        if any(w in RELATIVE for w in ws):
            return "DATE"  # "last year", "this weekend", "every day"
        if units and all(w in TIME_UNITS for w in ws) and ws[-1].endswith("s"):
            return "DURATION"  # "decades", "years"
        return None  # "year", "the season", "winter", "first half"
    return None


def _century(n: int, bc: bool = False) -> str:
    if bc:
        return f"-{n * 100 - 1:04d}/-{(n - 1) * 100:04d}"
    return f"{(n - 1) * 100 + 1:04d}/{n * 100:04d}"


def value(text: str) -> str | None:
    """ISO 8601 date, reduced-precision date or interval for a calendar expression, else None."""
    ws = [w for w in words(text) if w not in {",", "the", "of", "on", "in"}]
    if not ws:
        return None
    bc = any(w in {"bc", "bce", "b.c"} for w in ws)
    year = next((int(w) for w in ws if re.fullmatch(r"\d{3,4}", w)), None)
    decade = next((w for w in ws if re.fullmatch(r"\d{3}0'?s", w)), None)
    month = next((MONTHS[w] for w in ws if w in MONTHS), None)
    if decade and not month:
        d = int(decade[:4].rstrip("'s"))
        return f"{d:04d}/{d + 9:04d}"
    cent = None
    for i, w in enumerate(ws):
        if w in {"century", "centuries"} and i > 0:
            prev = ws[i - 1]
            if prev in ORDINAL_NUMBERS:
                cent = ORDINAL_NUMBERS[prev]
            elif m := re.fullmatch(r"(\d+)(st|nd|rd|th)", prev):
                cent = int(m.group(1))
    if cent and not year:
        return _century(cent, bc)
    day = None
    if month:
        for w in ws:
            m = re.fullmatch(r"(\d{1,2})(st|nd|rd|th)?", w)
            if m and 1 <= int(m.group(1)) <= 31 and not (year and int(m.group(1)) == year):
                day = int(m.group(1))
                break
    if year is not None and bc:
        return f"-{year - 1:04d}"  # astronomical year numbering: 1 BC is year 0
    if year is not None and any(w in {"ad", "ce"} for w in ws) and not month:
        return f"{year:04d}"
    if year is not None and len(str(year)) == 3 and not any(w in {"ad", "ce"} for w in ws):
        return None
    if year and month and day:
        return f"{year:04d}-{month:02d}-{day:02d}"
    if year and month:
        return f"{year:04d}-{month:02d}"
    if month and day:
        return f"--{month:02d}-{day:02d}"
    if year and len(ws) <= 2:
        return f"{year:04d}"
    m = re.fullmatch(r"\s*(\d{4})-(\d{2})-(\d{2})\s*", text)
    if m:
        return text.strip()
    return None


def duration_value(text: str) -> str | None:
    """ISO 8601 duration ("P3Y") for "three years", "90 days"; None when vague."""
    ws = words(text)
    for i, w in enumerate(ws):
        if w in TIME_UNITS and i > 0:
            prev = ws[i - 1]
            n = int(prev) if prev.isdigit() else _WORD_NUM.get(prev)
            if n is None:
                return None
            unit = TIME_UNITS[w]
            if w.startswith("decade"):
                n *= 10
            elif w.startswith("centur"):
                n *= 100
            elif w.startswith("millenni"):
                n *= 1000
            elif w.startswith("fortnight"):
                n *= 2
            t = "T" if w.startswith(("hour", "minute", "second")) else ""
            return f"P{t}{n}{unit}"
    return None


#: Words that join two dates into a range the gold conventions keep as two names.
_RANGE = re.compile(r"\s*(?:\bto\b|\bthrough\b|\buntil\b|\btill\b|\band\b|\bor\b|\bin\b|[-–—/])\s*")
_LEAD = re.compile(
    r"^(?:(?:since|until|till|by|from|between|during|around|about|circa|ca\.|c\.|in|on|of|at|earlier|later|just|only|"
    r"before|after|as of|as early as|as late as|the)\s+)+",
    re.IGNORECASE,
)


def split_range(text: str) -> list[tuple[int, int]]:
    """Pieces of a date range ("April to October" -> "May", "September") as (start, end) in ``text``.

    Only splits when every piece is a calendar date by itself; otherwise the
    whole span is one piece.
    """
    pieces: list[tuple[int, int]] = []
    pos = 0
    for m in _RANGE.finditer(text):
        if m.start() == 0:
            continue
        pieces.append((pos, m.start()))
        pos = m.end()
    pieces.append((pos, len(text)))
    if len(pieces) < 2:
        return [(0, len(text))]
    out = []
    for s, e in pieces:
        s = s + (len(text[s:e]) - len(_LEAD.sub("", text[s:e])))
        if s >= e or not anchor(words(text[s:e])) or kind(text[s:e]) != "DATE":
            return [(0, len(text))]
        out.append((s, e))
    # "June 3, 2010" must not become "June 3" and "2010"; "1922 - 2013" may.
    return out


def trim(text: str) -> tuple[int, int]:
    """Leading prepositions and hedges cut off a date span ("c. 1818" -> "1818")."""
    m = _LEAD.match(text)
    s = m.end() if m else 0
    # a capitalised non-date word before a year: a citation ("Smith 2014") or a name ("Directive 4471")
    mm = re.match(r"^(?:[A-Z][\w&.'’-]*\s+)+(?=\d{4}\b)", text[s:])
    if mm and not anchor(words(mm.group(0))):
        s += mm.end()
    return s, len(text)
