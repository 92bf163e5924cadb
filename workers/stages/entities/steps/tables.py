"""Table steps: the names in the rows of a results table or standings."""

from __future__ import annotations

import re

from ....knowledge.lexicon import (
    CLUB_WORDS, COLUMN_ABBREVIATIONS, EVENT_HEADS, MONTHS, ORG_COLUMNS, ORG_HEADS, PERSON_COLUMNS, PLACE_COLUMNS, RECORD_VERBS, RESULT_LINE_WORDS, RESULT_VERBS, ROW_LABELS, SPORT_WORDS, STAT_WORDS, TEAM_CUES_AFTER, TEAM_CUES_BEFORE, WEEKDAYS, alternation,
)
from ....knowledge.shapes import CELL_GAP
from ..core import (
    PLACE_VERB_BEFORE, Mention, Occurrences, Page, SpanIndex, dateline_place, gazetteer, is_given_name, is_table_row, looks_like_person, lookup, place_label,
)

#: A capitalised name directly before a figure, perhaps after its closing bracket: "Riverside 212", "( Northgate ) 5".
#: At most six words: a longer run is tried from each of its words, and unbounded that cost the square of its length.
_ROW_NAME = re.compile(r"(?<![\w'’.&-])([A-Z][\w'’.&-]*(?:[ \t]+[A-Z][\w'’.&-]*){0,5})(?=[ \t]*\)?[ \t]*[-+]?\d)")
#: What stands before a table's entry on its line: nothing, a rank ("1."), a figure or score, an open bracket, or the
#: agate word between two sides ("Tarnford 245 v Westbury 150 for 6"; not a verb: "... beat Ana Lima 6-3" is prose).
_ENTRY_BEFORE = re.compile(r"(?:(?:^|[\d(])[.)]?|(?<![\w.])" + alternation(RESULT_LINE_WORDS) + r")[ \t]*$")
#: A player and, in brackets, their country or club: "Pavel Novak ( Czech Republic )", "Joe Marsh (Harbour Town)".
_PLAYER = re.compile(r"(?<![\w'’.&-])([A-Z][\w'’.-]*(?:[ \t]+[A-Z][\w'’.-]*){1,2})[ \t]*\([ \t]*"
                     r"([A-Z][\w'’.&-]*(?:[ \t]+[A-Z][\w'’.&-]*){0,3})[ \t]*\)")
#: A person written with initials: "J. Marsh", "W.G. Grace".
_INITIALS = re.compile(r"(?:[A-Z]\.[ \t]?){1,3}[A-Z][a-z'’-]+")
_RELABEL = {"PERSON", "NORP", "GPE", "LOC", "FAC"}
#: A roundup's score line opening a paragraph: "Harbour Town 3, Riverside 1: ..." or "Rovers 2, Athletic 1 (OT): ...".
_SCORE_OPENER = re.compile(r"([A-Z][\w'’.&-]*(?:[ \t]+[A-Z][\w'’.&-]*){0,3})[ \t]+\d{1,3},[ \t]+"
                           r"([A-Z][\w'’.&-]*(?:[ \t]+[A-Z][\w'’.&-]*){0,3})[ \t]+\d{1,3}(?:[ \t]*\([^()\n]{1,12}\))?:")
#: A player in a box score or scorers' line: a name (initials too: "K. Brandt", "CJ Okafor") opening the line or
#: after a sentence's end, a colon, comma or semicolon, then a figure and what it counts ("Lindqvist 25 points").
_STAT_PLAYER = re.compile(r"(?:^|(?<=[.:;,][ \t]))((?:[A-Z]\.[ \t]?){0,2}[A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*){0,3})[ \t]+\d{1,3}[ \t]+"
                          + alternation(STAT_WORDS) + r"\b", re.M)
#: The first words after a roundup's score line's colon ("Rovers 2, Athletic 1: Ana Lima scored ...").
_AFTER_COLON = re.compile(r"[ \t]*([A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*){1,2})")
#: A side of a game in a results list: up to five capitalised words ("Palm Bay", "Harbour Town Magnet").
_SIDE = r"([A-Z][\w'’&-]*(?:[ \t]+[A-Z][\w'’&-]*){0,4})"
#: A game's result on a line of its own, in agate: "Harbourton d. Selwick 70-44", "Tarnby beat Kestrel Bay, 3-1 (OT)",
#: "Selwick v Tarnby"; the score may be missing (a game decided without one, or a fixture).
_RESULT_LINE = re.compile(_SIDE + r"[ \t]+" + alternation(RESULT_VERBS | RESULT_LINE_WORDS) + r"[ \t]+" + _SIDE
                          + r"(?:,?[ \t]+\d{1,3}[-–]\d{1,3}(?:[ \t]*\([^()\n]{1,12}\))?)?[ \t]*")
#: A side with its record of games in brackets, won-lost(-drawn) and perhaps its conference's after a comma, or "NR"
#: (not ranked): "The Harbourton Hawks (6-5, 3-4) snapped ...", "Selwick (1-0-2): Ana Lima 2 goals", "Tarnby (NR):".
_RECORD = r"\d{1,3}(?:[-–]\d{1,3}){1,2}"
_SIDE_RECORD = re.compile(r"(?<![\w'’&.-])" + _SIDE + r"[ \t]*\((?:" + _RECORD + r"(?:,[ \t]*" + _RECORD + r")?|NR)\)")


def _row_label(name: str, model_person: bool, page: Page) -> str:
    """A country's team is its place; a person's row is theirs; any other name in a results row is a club."""
    if (place := lookup(name)) is not None and place.kind == "country":
        return place_label(place)
    if _INITIALS.fullmatch(name) or looks_like_person(name, page.lower_words) or (
            model_person and is_given_name(name.split()[0])):
        return "PERSON"
    return "ORG"


def _row_entries(i: int, text: str, ls: int, le: int, dates: SpanIndex, model_person: set, page: Page) -> list[tuple[int, int, int, str]]:
    """The entries of one row of figures: each name a figure follows, opening the row or after a figure or bracket."""
    found = []
    for nm in _ROW_NAME.finditer(text, ls, le):
        s, e = nm.span(1)
        name = nm.group(1)
        if not _ENTRY_BEFORE.search(text, ls, s):
            continue  # after a word: prose in the row ("c Healy b Warne 41" names a bowler, not a club)
        if dates.overlaps(i, s, e) or name.split()[0].rstrip(".").lower() in ROW_LABELS or any(
                w.strip(".").lower() in MONTHS or w.lower() in WEEKDAYS for w in name.split()):
            continue  # a date, or a row's label ("Total 214")
        found.append((i, s, e, _row_label(name, (i, s, e) in model_person, page)))
    return found


def _score_opener(i: int, text: str, ls: int, le: int, model_person: set, page: Page) -> list[tuple[int, int, int, str]]:
    """The two sides of a score line that opens a line of prose ("Harbour Town 3, Riverside 1: Ana Lima scored
    twice ..."), a roundup's way of heading each game; labelled as the entries of a results row."""
    m = _SCORE_OPENER.match(text, ls, le)
    if m is None:
        return []
    found = [(i, *m.span(g), _row_label(m.group(g), (i, *m.span(g)) in model_person, page)) for g in (1, 2)]
    # The player who opens the game's story, which the model misses after the score ("...: Ana Lima scored twice").
    if (p := _AFTER_COLON.match(text, m.end(), le)) and looks_like_person(p.group(1), page.lower_words):
        found.append((i, *p.span(1), "PERSON"))
    return found


def _result_line(i: int, text: str, ls: int, le: int, model_person: set, page: Page) -> list[tuple[int, int, int, str]]:
    """The two sides of a game's result written as a line of its own, in agate ("Harbourton d. Selwick 70-44")."""
    m = _RESULT_LINE.fullmatch(text, ls, le)
    if m is None:
        return []
    return [(i, *m.span(g), _row_label(m.group(g), (i, *m.span(g)) in model_person, page)) for g in (1, 2)]


def _side_records(i: int, text: str, ls: int, le: int, row: list, model_person: set, page: Page) -> list[tuple[int, int, int, str]]:
    """Each side named with its record of games in brackets ("the Harbourton Hawks (6-5, 3-4)", "Selwick (1-0):"),
    an entry of the season's table, unless the line's own entries (``row``) already hold it."""
    found = []
    for m in _SIDE_RECORD.finditer(text, ls, le):
        s, e = m.span(1)
        if text.startswith(("The ", "The\t"), s):
            s += 4  # the article opening a sentence is no part of the name
        name = text[s:e].strip()
        if not name or any(a < e and s < b for _, a, b, _ in row) or any(
                w.strip(".").lower() in MONTHS or w.lower() in WEEKDAYS for w in name.split()):
            continue
        found.append((i, s, e, _row_label(name, (i, s, e) in model_person, page)))
    return found


def _stat_players(i: int, text: str, ls: int, le: int, row: list) -> list[tuple[int, int, int, str]]:
    """The players of a box score or scorers' line ("Lindqvist 25 points. K. Brandt 2 saves."), each a person, unless
    a country (a nation's team) or already one of the line's entries (``row``)."""
    found = []
    for m in _STAT_PLAYER.finditer(text, ls, le):
        s, e = m.span(1)
        if any(a < e and s < b for _, a, b, _ in row) or (
                (place := lookup(m.group(1))) is not None and place.kind == "country"):
            continue
        found.append((i, s, e, "PERSON"))
    return found


def _players(i: int, text: str, ls: int, le: int, row: list[tuple[int, int, int, str]]) -> list[tuple[int, int, int, str]]:
    """A results line's players, each followed by their country in brackets, or by their club after a given name.

    ``row``: the line's entries found as a row of figures, which a player's name or bracket must not overlap.
    """
    found = []
    for pm in _PLAYER.finditer(text, ls, le):
        (s, e), (bs, be) = pm.span(1), pm.span(2)
        name, words = pm.group(1), pm.group(1).split()
        place = lookup(pm.group(2))
        country = place is not None and place.kind == "country"
        if not country and (not is_given_name(words[0]) or not any(c.islower() for c in pm.group(2))):
            continue  # a club in brackets needs a given name before it ("Joe Marsh (Harbour Town)"), and is no acronym ("(MLB)")
        if any(w.lower() in CLUB_WORDS | ORG_HEADS for w in words) or lookup(name) is not None:
            continue  # "Major Hockey League (Canada)" is no player
        if any(a < e and s < b for _, a, b, _ in row):
            continue
        found.append((i, s, e, "PERSON"))
        if not any(a < be and bs < b for _, a, b, _ in row):
            found.append((i, bs, be, place_label(place) if country else "ORG"))
    return found


def _the_town(text: str, s: int, e: int) -> bool:
    """After "in", "near", "across"... or opening a dateline: the town, not its club ("a stand in Harbour Town",
    "NEW YORK 1997-08-27" above a table where "NEW YORK 73 59" is the club)."""
    return bool(PLACE_VERB_BEFORE.search(text, max(0, s - 15), s)) or dateline_place(text, s, e) is not None


def results_rows(ms: list[Mention], page: Page) -> list[Mention]:
    """On a page about sport, a name before a figure in a row of figures is a team, a country or a player.

    The model reads results lines and standings ("Harbour Town 6 5 1 0 22")
    as it reads prose, and calls a club named after its town a place or a
    person. In a row of figures (``is_table_row``) each capitalised name that
    a figure follows, and that opens the row or follows a figure or a bracket,
    is an entry of the table: a country (its place), a
    person when it looks like one (a given name, or initials: "J. Marsh"),
    else a club. A club found so is an organisation wherever the page names
    it, in capitals too ("HARBOUR TOWN BEAT RIVERSIDE" in the headline), and
    so is the model's mention of its short name ("Kilbride" for "Kilbride
    United"), except after "in", "near"... or in a dateline: there the name is the town's. On
    a line with figures, a name followed by a country in brackets ("Pavel Novak
    ( Czech Republic ) beat ...") is a player, and so is one with a given name
    followed by a club ("Joe Marsh ( Harbour Town )"), the club an organisation. A roundup's score line
    opening a line of prose ("Harbour Town 3, Riverside 1: ...") names two entries the same way, as does
    a game's result on a line of its own in agate ("Harbour Town d. Riverside 70-44"); and a side named
    with its record of games in brackets is one ("Riverside (0-1): Ana Lima 12 points", "the Harbour
    Hawks (6-5, 3-4) snapped ..."). A name before a figure and what it counts
    in a box score or scorers' line is a player ("Lindqvist 25 points",
    "K. Brandt 2 saves"), and so is a person's name opening the story after a
    roundup's score line ("..., Riverside 1: Ana Lima scored twice").
    """
    if not page.about_sport:
        return ms
    texts = page.texts
    dates = SpanIndex([m for m in ms if m.label in {"DATE", "DURATION"}])
    model_person = {(m.seg, m.start, m.end) for m in ms if m.label == "PERSON"}
    entries: list[tuple[int, int, int, str]] = []
    for i, text in enumerate(texts):
        for ls, le in page.title_lines.lines(i):
            row = (_row_entries(i, text, ls, le, dates, model_person, page) if is_table_row(text[ls:le])
                   else _score_opener(i, text, ls, le, model_person, page)
                   or _result_line(i, text, ls, le, model_person, page))
            if any(c.isdigit() for c in text[ls:le]):
                row += _side_records(i, text, ls, le, row, model_person, page)
                row += _stat_players(i, text, ls, le, row)
                row += _players(i, text, ls, le, row)  # (checked against this line's entries only: a page has thousands)
            entries += row
    if not entries:
        return ms
    clubs = {texts[i][s:e] for i, s, e, label in entries if label == "ORG"}
    taken = SpanIndex()
    for i, s, e, _ in entries:
        taken.add(i, s, e)
    out = [m for m in ms if m.label in {"DATE", "DURATION"} or not taken.overlaps(m.seg, m.start, m.end)]
    out += [Mention(i, s, e, label, "row") for i, s, e, label in entries]
    return _clubs_everywhere(out, clubs, page, "row")


def _clubs_everywhere(out: list[Mention], clubs: set[str], page: Page, origin: str) -> list[Mention]:
    """Each club an organisation wherever the page names it, in capitals too, and the model's mention of its
    short name ("Kilbride" for "Kilbride United"), except where the name is the town's (``_the_town``)."""
    if not clubs:
        return out
    texts = page.texts
    # "Kilbride" for "Kilbride United": the model's place or person, relabelled (never found anew: the town
    # shares the name)
    short = {c.rsplit(" ", 1)[0] for c in clubs if " " in c and c.rsplit(" ", 1)[1].lower() in CLUB_WORDS}
    for m in out:
        t = m.text(texts)
        if m.label in _RELABEL and (t in clubs or t in short) and not _the_town(texts[m.seg], m.start, m.end):
            m.label, m.origin = "ORG", origin
    club_at = Occurrences(clubs | {c.upper() for c in clubs})
    taken = SpanIndex(out)
    gone: set[int] = set()
    for i, text in enumerate(texts):
        for s, e in club_at(text):
            if _the_town(text, s, e):
                continue
            inside = [o for o in taken.find(i, s, e) if id(o) not in gone]
            if all(s <= o.start and o.end <= e and o.label not in {"DATE", "DURATION"} for o in inside):
                gone.update(id(o) for o in inside)  # "Harbour" (the model's piece) gives way to "Harbour Town"
                n = Mention(i, s, e, "ORG", origin)
                out.append(n)
                taken.add(i, s, e, n)
    return [m for m in out if id(m) not in gone]


#: A word after a name that makes it a club's ("Selwick coach"), and one before it ("Italian side Selwick").
_CUE_AFTER = re.compile(r"[ \t]+" + alternation(TEAM_CUES_AFTER) + r"\b")
_CUE_BEFORE = re.compile(r"\b" + alternation(TEAM_CUES_BEFORE) + r"[ \t]+$")
#: A result's verb after a side ("Selwick beat Tarnby") and before one ("beat Tarnby", "scored for Tarnby").
_RESULT_AFTER = re.compile(r"[ \t]+" + alternation(RESULT_VERBS) + r"\b")
_RESULT_BEFORE = re.compile(r"\b" + alternation(RESULT_VERBS) + r"[ \t]+(?:the[ \t]+)?$")
#: A side's new record of games after it ("Selwick improved to 6-5"): the record is what says a club, not the verb.
_RECORD_AFTER = re.compile(r"[ \t]+" + alternation(RECORD_VERBS) + r"[ \t]+to[ \t]+" + _RECORD + r"(?![\d-])")


def team_cues(ms: list[Mention], page: Page) -> list[Mention]:
    """On a page about sport, a town or state named as a club is the club: "Selwick coach Ana Lima", "Selwick QB Ana Lima".

    Without a table to say so, the words around the name do: a player's or
    official's role after it ("coach", "striker", "fans", "club"...), or
    "side", "champions", "rivals"... before it. The model's place, person or
    group of that name becomes an organisation wherever the page names it (as
    for a club of a results table), except after "in", "near"... and in a
    dateline. A country is left alone (a country's team is its place), and so
    is a nationality ("Italian side"). A town, state or region the model calls a place
    is a club by a result's verb too ("Selwick beat Tarnby", "scored for
    Tarnby", "two goals to lift Tarnby"), which says nothing of a person ("Ana
    Lima beat Eva Berg"), and by its new record of games ("Selwick improved to
    6-5").
    """
    if not page.about_sport:
        return ms
    texts = page.texts
    clubs: set[str] = set()
    for m in ms:
        if m.label not in {"GPE", "LOC", "PERSON", "FAC", "ORG"}:
            continue  # (the model's group is a nationality: "English side", "African players")
        text, t = texts[m.seg], m.text(texts)
        if m.label in {"GPE", "LOC"} and t not in clubs and ((p := lookup(t)) is None or p.kind in {"city", "state"}) and (
                _RESULT_AFTER.match(text, m.end) or _RECORD_AFTER.match(text, m.end)
                or _RESULT_BEFORE.search(text, max(0, m.start - 20), m.start)):
            clubs.add(t)
            continue
        if m.label == "LOC":
            continue  # (a region by a result's verb only: "Eastern Plains rolled past ..."; "the Pacific coast" is no club)
        if (t in clubs or not t[:1].isupper() or ((p := lookup(t)) is not None and p.kind not in {"city", "state"})
                or t.title() in gazetteer().demonyms):
            continue  # ("Dutch striker", "Italian side": a nationality, not a club)
        if _CUE_AFTER.match(text, m.end) or _CUE_BEFORE.search(text, max(0, m.start - 20), m.start):
            clubs.add(t)
    return _clubs_everywhere(ms, clubs, page, "cue")



#: "the" and one capitalised plural, not followed by another capitalised word or by "of" (which make it the head
#: of a longer name: "the Friends of ..."), nor by a figure (a product's model: "the Earbuds 2"):
#: "the Kestrels", "The Harriers".
_THE_PLURAL = re.compile(r"\b[Tt]he[ \t]+([A-Z][a-z]+s)\b(?![ \t]+(?:[A-Z\d]|of\b))")


def team_nicknames(ms: list[Mention], page: Page) -> list[Mention]:
    """On a page about sport, a capitalised plural after "the" is a team's name: "the Kestrels", "The Harriers".

    Teams go by a plural nickname ("the Kestrels beat the Harriers") that the
    model calls a person, a group or nothing at all; there is no town in it
    for ``team_cues`` to find. The nickname is an organisation wherever the
    page names it. Left alone: a word the page also writes in lower case (a
    common noun in capitals: "the Finals"), an event's or sport's word ("the
    Games", "the Playoffs"), a place ("the Bahamas") and a nationality ("the
    Danes"), a family named by a person's surname on the page ("the Lindqvists"), and a plural the model
    calls a date or an event.
    """
    if not page.about_sport:
        return ms
    texts, lower, demonyms = page.texts, page.lower_words, gazetteer().demonyms
    held = {(m.seg, m.start, m.end): m.label for m in ms}
    surnames = {m.text(texts).split()[-1] for m in ms if m.label == "PERSON"}
    clubs: set[str] = set()
    for i, text in enumerate(texts):
        for m in _THE_PLURAL.finditer(text):
            word = m.group(1)
            key = word.lower()
            if (word in clubs or key in lower or key in EVENT_HEADS or key in SPORT_WORDS or key[:-1] in SPORT_WORDS
                    or lookup(word) is not None or word in demonyms or word[:-1] in demonyms
                    or word[:-1] in surnames or (word.endswith("es") and word[:-2] in surnames)
                    or held.get((i, *m.span(1))) in {"DATE", "EVENT", "FAC", "WORK_OF_ART", "PRODUCT"}):
                continue
            clubs.add(word)
    return _clubs_everywhere(ms, clubs, page, "nickname")


_COLUMN_LABEL = {**{w: "GPE" for w in PLACE_COLUMNS}, **{w: "ORG" for w in ORG_COLUMNS}, **{w: "PERSON" for w in PERSON_COLUMNS}}
# The names in one cell: capitalised words (a particle between them: "Rohana binti Ismail"), several kept apart by "/",
# "," or "&" ("Ana Lima / Eva Holm").
_CELL_NAME = re.compile(r"[A-ZÀ-ÞĀ-Ž][\w'’.-]*(?:[ \t]+(?:[a-z]{1,5}[ \t]+)?[A-ZÀ-ÞĀ-Ž&][\w'’.&-]*)*")
_CELL_JOINS = re.compile(r"[ \t]*(?:/|,|&|\band\b)[ \t]*")
#: A person written surname first in a cell: "Tarvik-Holm, Ana" (a given name after the comma).
_INVERTED_CELL = re.compile(r"([A-ZÀ-ÞĀ-Ž][\w'’-]*(?:[ ]+[A-ZÀ-ÞĀ-Ž][\w'’-]*)?),[ ]+([A-ZÀ-ÞĀ-Ž][\w'’-]*)")


def _cells(text: str, ls: int, le: int) -> list[tuple[int, int]]:
    """Each cell's span on the line ``text[ls:le]`` (kept apart by the shapes' ``CELL_GAP``), its spaces trimmed."""
    bounds = [ls] + [x for gm in CELL_GAP.finditer(text, ls, le) for x in gm.span()] + [le]
    out = []
    for a, b in zip(bounds[::2], bounds[1::2]):
        while a < b and text[a] == " ":
            a += 1
        while b > a and text[b - 1] == " ":
            b -= 1
        if b > a:
            out.append((a, b))
    return out


def table_columns(ms: list[Mention], page: Page) -> list[Mention]:
    """In a table whose first row heads its columns, the names in a column headed "Athlete", "Candidate" ... are
    persons, under "Club", "Party" ... organisations, under "Country", "Parish" ... places (the heads are data:
    person_columns, org_columns, place_columns). A cell may name several ("Ana Lima / Eva Holm"), but a person's cell
    of a surname, a comma and a given name names one ("Tarvik-Holm, Ana"); a cell of figures or
    of words in lower case names none. The model's mentions in such a cell give way to what the column says, and so
    do its mentions of the same name elsewhere on the page. In a head row of three heads or more, no figure in it, the
    heads of figures (column_abbreviations: "GF", "Pos", "Time") are no names; a party's acronym heading its column
    ("LP") stays."""
    texts = page.texts
    found: list[Mention] = []
    head_rows: list[tuple[int, int, int]] = []
    for i, text in enumerate(texts):
        if not CELL_GAP.search(text):
            continue
        rows = [(ls, le) for ls, le in page.title_lines.lines(i)]
        if len(rows) < 3:
            continue
        head = _cells(text, *rows[0])
        labels = [_COLUMN_LABEL.get(text[a:b].strip(" :").lower()) for a, b in head]
        if len(head) < 2 or not any(labels):
            continue
        if len(head) >= 3 and not any(c.isdigit() for c in text[rows[0][0]:rows[0][1]]):
            head_rows.append((i, *rows[0]))  # "Pos  Club  P  W  GF  GA  Pts": its heads of figures name nothing
        for ls, le in rows[1:]:
            cells = _cells(text, ls, le)
            if len(cells) != len(head):
                continue
            for (a, b), label in zip(cells, labels):
                if label is None:
                    continue
                if label == "PERSON" and (im := _INVERTED_CELL.fullmatch(text[a:b].strip())) and is_given_name(
                        im.group(2).split("-")[0]) and not is_given_name(im.group(1).split()[0]):
                    s = a + text[a:b].index(im.group(0))
                    found.append(Mention(i, s, s + len(im.group(0)), label, "column"))  # one person, surname first
                    continue
                pos = a
                for part in _CELL_JOINS.split(text[a:b]):
                    s = text.index(part, pos, b) if part else pos
                    pos = s + len(part)
                    # (a country under "Team" or "Home" is its national side, still the country: "Finland")
                    if part and _CELL_NAME.fullmatch(part) and not (label == "ORG" and lookup(part) is not None):
                        found.append(Mention(i, s, s + len(part), label, "column"))
    if head_rows:
        ms = [m for m in ms if not (m.text(texts).lower() in COLUMN_ABBREVIATIONS
                                    and any(m.seg == i and a <= m.start and m.end <= b for i, a, b in head_rows))]
    if not found:
        return ms
    taken = SpanIndex(found)
    kept = [m for m in ms if not taken.overlaps(m.seg, m.start, m.end)]
    # What a column says a name is, it is wherever the page names it ("Kalvis Telšiai" under "Team" and in the report)
    said: dict[str, set[str]] = {}
    for f in found:
        said.setdefault(f.text(texts), set()).add(f.label)
    for m in kept:
        labels = said.get(m.text(texts), set())
        # (not a place the gazetteer knows: a country's team is its country in the report, "Finland beat Poland")
        if len(labels) == 1 and m.label in {"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP"} and lookup(m.text(texts)) is None:
            m.label = next(iter(labels))
    return kept + found
