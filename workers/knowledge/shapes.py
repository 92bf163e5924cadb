"""Shapes of a line that more than one stage reads the same way: a dateline, a row of a table.

``segment`` keeps such lines out of headings and gives a wire story one
segment per line; the entity steps read the place in a dateline and the names
in a results table. Both read the shape from here, below the stages.
"""

from __future__ import annotations

import re

from .gazetteer import gazetteer
from .lexicon import ORG_HEADS, TITLES, page_words
from .words import is_common, is_given_name

__all__ = ["CALENDAR_WORD", "CAPITAL", "CAPITAL_OR_MARK", "CELL_GAP", "DAY_AND_MONTH", "dated_row", "is_byline", "is_column_header", "is_dateline", "is_story_byline",
           "is_table_row"]

#: A gap between a table's cells laid out in plain text: a tab, or three spaces or more (two after a sentence's end are
#: a typist's habit; a menu's links, taken out as chrome before a table is looked for, are kept apart by two). A table's
#: line is cut into cells there (segment), the entity texts mark it (annotate), and no name runs across it (the entity
#: steps).
CELL_GAP = re.compile(r"\t| {3,}")

#: A capital letter of the Latin, Greek or Cyrillic alphabets, for patterns of words in capitals: a town's name in a
#: dateline or a speaker's label is "DÉDOUGOU" or "ÑUÑOA" as often as "LONDON".
CAPITAL = "[A-Z" + "".join(c for c in map(chr, range(0xC0, 0x530)) if c.isupper() and c.lower() != c) + "]"
#: A capital or a mark inside a word in capitals: "ST.", "O'NEILL", "BADEN-BADEN".
CAPITAL_OR_MARK = CAPITAL[:-1] + "'’.-]"

_MONTH = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_WEEKDAY = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day,?"
#: A month's or a weekday's name (lower case; match without regard to case), for the stages that strip them out.
CALENDAR_WORD = rf"\b(?:{_MONTH}|{_WEEKDAY})"
# A line that starts with a calendar date: a dateline, not a heading.
_DATELINE_RE = re.compile(
    rf"^(?:(?:published|posted|updated|issued|released|dated|first published)(?:\s+on)?:?\s+)?(?:{_WEEKDAY}\s+)?(?:{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH},?\s+\d{{4}}|{_MONTH}\s+\d{{4}})\b",
    re.IGNORECASE,
)
# A day and month ("10 November 2025", "5 to 8 December", "May 3").
DAY_AND_MONTH = re.compile(
    rf"\b\d{{1,2}}(?:st|nd|rd|th)?(?:\s*(?:to|and|[-–])\s*\d{{1,2}}(?:st|nd|rd|th)?)?\s+{_MONTH}(?!\w)|\b{_MONTH}\s+\d{{1,2}}\b",
    re.IGNORECASE,
)
# An item of a row that is a date, perhaps after its weekday ("Tuesday 4 March 2025").
_DATED_ITEM = re.compile(rf"^(?:{_WEEKDAY}\s+)?(?:{DAY_AND_MONTH.pattern})", re.IGNORECASE)
_ITEM_SEP = re.compile(r"\s[·|•]\s")


def dated_row(text: str) -> bool:
    """A row of items one of which is a date: an event's or a release's details ("12 to 14 June · Quay Street ·
    Free", "NEWS RELEASE | Tuesday 4 March 2025"), a dateline, never a title or a menu."""
    parts = _ITEM_SEP.split(text.strip())
    # The date may follow the place after a comma: "Match report · Gdańsk, Sunday 9 November 2025 · By ...".
    return len(parts) >= 2 and any(
        len(p) <= 60 and (_DATED_ITEM.match(p.strip()) or _DATED_ITEM.match(p.rsplit(",", 1)[-1].strip())) for p in parts
    )


# A news-wire dateline: a place in capitals, perhaps its country, then the date ("HARBOURTON 1997-05-14",
# "PORT ELLEN , Scotland 1997-05-14", "HARBOURTON, May 14", "PORT ELLEN, 14 May 2025", "PORT ELLEN, Islay, 14 May").
_WIRE_DATELINE_RE = re.compile(
    rf"^{CAPITAL}{CAPITAL_OR_MARK}+(?:\s+{CAPITAL}{CAPITAL_OR_MARK}+)*\s*,?\s*(?:{CAPITAL}[\w.'’-]*,?\s+){{0,3}},?\s*(?:\d{{4}}-\d{{2}}-\d{{2}}|(?i:{_MONTH})\s+\d{{1,2}}\b|\d{{1,2}}\s+(?i:{_MONTH})\b)",
)


def is_dateline(text: str) -> bool:
    """A short line that starts with a calendar date, or a wire story's dateline (a place in capitals, then the date)."""
    t = text.strip()
    return len(t.split()) <= 8 and bool(_DATELINE_RE.match(t) or _WIRE_DATELINE_RE.match(t))


_CELL = re.compile(r"[^\W_]+(?:[.,:/'’-][^\W_]+)*%?")
_NUMBER_CELL = re.compile(r"[-+]?\d+(?:[.,:/-]\d+)*%?")


#: A results line: names, each followed by its score ("Harbour City 1 Kilbride United 1"), however long the names.
_RESULT_LINE = re.compile(r"(?:[A-Z][\w'’.&-]*(?:[ \t]+[A-Z][\w'’.&-]*)*[ \t]+\d{1,3}[ \t]*){2,}")


def is_table_row(text: str) -> bool:
    """A row of a results table or standings ("Rovers 12 8 3 1 27", "Harbour Town 2 Riverside 1"): figures, not a title.

    Two or more numbers that make up at least 40% of the words, or three numbers that make a fifth of them, or
    a results line (two or more names, each with a score of up to three digits: a year is no score).
    """
    cells = _CELL.findall(text)
    numbers = sum(1 for c in cells if _NUMBER_CELL.fullmatch(c))
    return bool(cells) and ((numbers >= 2 and numbers / len(cells) >= 0.4) or (numbers >= 3 and numbers / len(cells) >= 0.2)
                            or bool(_RESULT_LINE.fullmatch(text.strip())))


_SHORT_CAPS = re.compile(r"[A-Z]{1,3}\.?")


def is_column_header(text: str) -> bool:
    """The header row of a table of figures: three or more abbreviations in capitals ("W L PCT GB", "P W D L F A PTS").

    Written in capitals like a wire story's headline, but no word of a headline is this short throughout; and
    one column at least is a single letter that is no English word, so "WHO WE ARE" stays a heading.
    """
    words = text.split()
    return (len(words) >= 3 and all(_SHORT_CAPS.fullmatch(w) for w in words)
            and any(len(w.rstrip(".")) == 1 and w[0] not in "AI" for w in words))


# The marks after an author's name that point to an affiliation or a note: "Ana Lima ¹ *", "Tom Berg²†".
# (or in brackets after the name: "Ana Lima (a), Tom Berg (b, c)")
_AFFILIATION_MARKS = re.compile(r"\s*[\u00b9\u00b2\u00b3\u2070-\u2079*†‡§]+|\s*\((?:[a-z]|\d{1,2})(?:\s*,\s*(?:[a-z]|\d{1,2}))*\)(?=\s*(?:[,;&]|\band\b|$))")
_BYLINE_PARTS = re.compile(r"\s*,\s*|\s+and\s+|\s*&\s*")
_NAME_WORD = re.compile(r"[A-Z][\w'’.-]*$")


def _is_person(part: str) -> bool:
    words = part.split()
    return 2 <= len(words) <= 4 and is_given_name(words[0]) and all(_NAME_WORD.match(w) for w in words)


#: Fewest names of a byline whose given names the lists may not hold: a title has fewer parts of two words or more.
BYLINE_NAMES = 3


def _name_shaped(part: str) -> bool:
    """Two to four capitalised words, none an everyday English word or one that names an organisation or a place: a
    person's name's shape ("Harbour Dues" is a title's)."""
    words = part.split()
    return (2 <= len(words) <= 4 and all(_NAME_WORD.match(w) for w in words)
            and not any(is_common(w) or w.lower() in ORG_HEADS or gazetteer().lookup(w) is not None for w in words))


def _is_org(part: str) -> bool:
    words = part.split()
    return words[0][:1].isupper() and any(w.lower() in ORG_HEADS for w in words)


def is_byline(text: str) -> bool:
    """A line of a work's authors or their affiliations, not a heading: "Ana Lima and Tom Berg", "Ana Lima,
    University of Harbourton, Norway", "Department of Botany, Harbourton University".

    Its parts (between commas and "and") are all persons, or hold an organisation and a person, a second
    organisation or a country; a title's parts are not ("Trade, Aid and Investment").
    """
    t = _AFFILIATION_MARKS.sub("", text).strip()
    if len(t.split()) > 20 or t.endswith((".", ":", "?", "!")):
        return False
    parts = [p for p in _BYLINE_PARTS.split(t) if p]
    if len(parts) < 2 or not all(p[:1].isupper() for p in parts):
        return False
    persons = sum(_is_person(p) for p in parts)
    orgs = sum(_is_org(p) for p in parts)
    if persons == len(parts) or (len(parts) >= BYLINE_NAMES and all(_is_person(p) or _name_shaped(p) for p in parts)):
        return True  # (three names or more, their given names not on the lists: "Sabina Thapa Magar, Deependra Yadav and ...")
    countries = sum(gazetteer().is_kind(p, "country") for p in parts)
    return orgs >= 1 and persons + orgs + countries >= 2


_BYLINE_OPENINGS = page_words("byline_openings")
# "By Ana Lima", "Interview by Ana Lima", "Words and pictures by Ana Lima": the author's name right after "by".
# ("By Sea", "By the river": a heading and a phrase; a name has two capitalised words.)
_STORY_BYLINE = re.compile(r"^\W{0,2}(?:(?P<what>[A-Za-z]+(?:\s+and\s+[a-z]+)?)\s+)?(?i:by)\s+[A-Z][\w.'’-]*\s+[A-Z]")
# The items of a row written with separators between them.
_ROW_ITEMS = re.compile(r"\s+[·|•]\s+")
#: Most words of a story's byline with its place and date ("By Ana Lima · Porto · 13 October 2025").
STORY_BYLINE_WORDS = 30


def is_story_byline(text: str) -> bool:
    """A story's byline: "By" and the author's name, or a word of :data:`_BYLINE_OPENINGS` and "by" ("Interview by
    Ana Lima · Photographs by Rui Sá · 2 May 2025"), no sentence end: a paragraph, never a picture's caption."""
    t = text.strip()
    m = _STORY_BYLINE.match(t)
    if m is None:
        # The byline may stand second in a row of the story's facts: "Updated May 2026 · By Ana Lima · 6 min read".
        m = next((m for part in _ROW_ITEMS.split(t)[1:] if (m := _STORY_BYLINE.match(part)) and m.group("what") is None), None)
    if not m or len(t.split()) > STORY_BYLINE_WORDS or t.endswith((".", "!", "?")) or "\n" in t:
        return False
    what = m.group("what")
    return what is None or what.split()[0].lower() in _BYLINE_OPENINGS


# A place and its state or country on a line of its own: "Washington, DC", "Suva, Fiji".
_PLACE_AND_REGION = re.compile(r"^[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2},\s+(?:[A-Z]{2}|[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)$")


def is_sender_line(text: str) -> bool:
    """A line of a statement's header that says who issued it and where, not a heading: a person's name alone
    ("Ana Lima"), a title ending in a role ("Deputy Department Spokesperson", "Office of the Spokesperson"), or a
    place with its state or country ("Washington, DC")."""
    t = text.strip()
    if not t or len(t.split()) > 6 or t.endswith((".", ":", "?", "!")):
        return False
    words = t.split()
    if _is_person(t) or (words[-1].lower() in TITLES and all(w[:1].isupper() or w in {"of", "the", "for", "and"} for w in words)
                         and len(words) >= 2):
        return True
    return bool(_PLACE_AND_REGION.match(t)) and any(gazetteer().lookup(p.strip()) is not None for p in t.split(","))



# A postcode: British ("LS1 4AB"), American ("NY 10001"), Canadian ("M5V 2T6"), or one written before its town after
# the street's comma ("..., 8001 Zürich", "..., 1000-001 Lisboa", "..., 13001 Marseille"; a year is never written so).
POSTCODE = re.compile(
    r"\b(?:[A-Z]{1,2}\d[A-Z\d]?\s\d[A-Z]{2}|[A-Z]{2}\s\d{5}(?:-\d{4})?|[A-Z]\d[A-Z]\s\d[A-Z]\d)\b"
    r"|(?<=,\s)\d{4,5}(?:-\d{3})?\s[A-Z][^\W\d_]+\b"
)


def is_postal_address(text: str) -> bool:
    """A postal address on one line, no heading: its parts kept apart by commas, a postcode among them ("The Lock
    Keeper's Cottage, Lock Lane, Sedgebrook SG4 7TR")."""
    return "," in text and POSTCODE.search(text) is not None
