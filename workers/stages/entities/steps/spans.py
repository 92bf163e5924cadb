"""Span steps: a name's core, without determiners, titles, possessives or line breaks."""

from __future__ import annotations

import re

from ....knowledge.lexicon import MONTHS, ORG_HEADS, PEOPLE_NOUNS, PLACE_HEADS, SENTENCE_OPENERS, SPORT_WORDS
from ....knowledge.shapes import CELL_GAP
from ..core import (
    ADDRESS, PLACE_LABELS, SAINTS, Mention, Page, bare, dateline_place, gazetteer, is_common, is_given_name, place_label, sentence_initial, strip_punct, tokens,
    trim_name,
)

_NUMBER = re.compile(r"\d[\d.,:/%-]*")
#: A year after a name is a citation's or an event's ("Lima 2019"): later steps read it as a date.
_YEAR = re.compile(r"(?:1[5-9]|20)\d\d")
#: Labels whose names never start or end in a bare number: a number there is a score or a count.
_NO_NUMBERS = {"PERSON", "NORP", "GPE", "LOC"}
#: A wire story's slug at the start of its headline: "GOLF - ", "MOTOR RACING - ".
_SLUG = re.compile(r"((?:[A-Z]+ ){0,2}[A-Z]+) +- +")
#: A possessive inside a name, before another capitalised word: "Ana Lima's Harbour Books" is a person and what is theirs.
_INNER_POSSESSIVE = re.compile(r"['’]s[ \t]+(?=[A-Z])")


#: Where a name cannot go on: a line break, or the gap between a table's cells. No gold name of the corpus holds one.
_BREAK = re.compile(r"\n|" + CELL_GAP.pattern)


def split_lines(ms: list[Mention], page: Page) -> list[Mention]:
    """A name never runs across a line break or a cell gap: keep the pieces that hold a capital or digit.

    The model reads a table's row as one sentence and runs a name from one cell into the next ("Country⇥Germany"); a
    cell that is one common word is the row's label or a value ("Country", "Free"), no name (unless it names a place:
    "Norway" is a common word too).
    """
    texts = page.texts
    out = []
    for m in ms:
        t = m.text(texts)
        if not _BREAK.search(t):
            out.append(m)
            continue
        pos = 0
        cells = "\t" in t or "   " in t
        text = texts[m.seg]
        breaks = [b for b in _BREAK.finditer(t) if not (b.group() == "\n" and _soft_wrap(text, m.start + b.start()))]
        if not breaks:
            out.append(m)
            continue
        for b in [*breaks, None]:
            end = len(t) if b is None else b.start()
            piece = t[pos:end]
            if any(c.isupper() or c.isdigit() for c in piece) and not (
                    cells and " " not in piece and is_common(piece) and gazetteer().lookup(piece) is None):
                out.append(Mention(m.seg, m.start + pos, m.start + end, m.label, m.origin))
            if b is not None:
                pos = b.end()
    return out


#: Fewest characters of a line that a paragraph wrapped at the page's width breaks after (a list's item or a title's
#: line is shorter; "... said the skipper Tomasz" / "Brzezinski, who ..." is not).
WRAP_LINE_CHARS = 45


def _soft_wrap(text: str, at: int) -> bool:
    """The line break at ``text[at]`` wraps a paragraph at the page's width, not a line of its own: a long line of
    prose before it and after it a line of prose too (no table's cells on either)."""
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at + 1)
    before, after = text[start:at], text[at + 1: len(text) if end < 0 else end]
    return (len(before) >= WRAP_LINE_CHARS and not CELL_GAP.search(before) and not CELL_GAP.search(after)
            and before[-1:].isalpha() and after[:1].isalpha())


#: A line of one word, a cell gap and the rest: "Respondent    Halden Quarries Ltd", "Spouse\tAna Brandt".
_KEY_VALUE_LINE = re.compile(r"^([^\W\d_][\w'’-]*)(?:" + CELL_GAP.pattern + r")[ \t]*(\S.*)$", re.MULTILINE)
#: The labels a key of such a line was read as, wrongly: a name's; a place or a day stays ("Tarnby  ferry port").
_KEY_LABELS = frozenset({"ORG", "PERSON", "NORP"})


def field_keys(ms: list[Mention], page: Page) -> list[Mention]:
    """The word opening a line of a key and its value ("Respondent    Halden Quarries Ltd", "Spouse\tAna Brandt") is
    a field's name, no organisation, person or people. Only where the value is one cell: a row of a table has more
    ("Tarnby   Selwick   412"), and its first cell may well be a name."""
    keys = {(i, km.start(1), km.end(1)) for i, text in enumerate(page.texts) if "\t" in text or "   " in text
            for km in _KEY_VALUE_LINE.finditer(text) if not CELL_GAP.search(km.group(2))}
    return [m for m in ms if not (m.label in _KEY_LABELS and (m.seg, m.start, m.end) in keys)]


def no_addresses(ms: list[Mention], page: Page) -> list[Mention]:
    """No name inside an e-mail or web address, a link or a handle, whichever step found it ("Ilse" in "@IlseMP")."""
    # every address holds "@", "/" or "www.": the other segments need no scan
    spans = {i: [a.span() for a in ADDRESS.finditer(t)] for i, t in enumerate(page.texts) if "@" in t or "/" in t or "www." in t}
    return [m for m in ms if not any(a < m.end and m.start < b for a, b in spans.get(m.seg, ()))]


class _NumbersOnLines:
    """How many numbers stand on the line(s) holding a span, each line counted once per page.

    Counting the whole line for every name cost the square of the line's
    length on a page that is one long line.
    """

    def __init__(self, page: Page) -> None:
        self.lines = page.title_lines
        self.counts: dict[tuple[int, int, int], int] = {}

    def __call__(self, seg: int, s: int, e: int) -> int:
        ls, _ = self.lines.span(seg, s)
        _, le = self.lines.span(seg, e)
        key = (seg, ls, le)
        if (n := self.counts.get(key)) is None:
            n = self.counts[key] = len(_NUMBER.findall(self.lines.texts[seg], ls, le))
        return n


_SCORE = re.compile(r"\d{1,3}[–-]\d{1,3}")
# What follows a journal's volume in a reference: its issue in brackets or its pages after a colon.
_VOLUME_AFTER = re.compile(r"\s*(?:\(\d{1,3}\)|:\s*\d)")


def _without_numbers(text: str, s: int, e: int, label: str, numbers_on_line) -> tuple[int, int]:
    """A name without the bare numbers at its ends: "Ana Lima 72" in a results table is "Ana Lima".

    A person's or a place's name never ends in a number; an organisation's or
    a building's may ("Studio 9"), so theirs are cut only on a line of several
    numbers, a table's row (``numbers_on_line()``: the count for the span's line).
    """
    toks = tokens(text, s, e)
    if len(toks) > 1 and label in {"ORG", "FAC"} and (
            _SCORE.fullmatch(text[toks[-1][0]:toks[-1][1]].rstrip(".,;:"))
            or (_NUMBER.fullmatch(text[toks[-1][0]:toks[-1][1]]) and _VOLUME_AFTER.match(text, toks[-1][1]))):
        # a score or a journal's volume after the name: "Balbala United 2–0", "Island Journal of Ferries 12 (2): 45–61"
        return strip_punct(text, toks[0][0], toks[-2][1])
    if label not in _NO_NUMBERS and not (label in {"ORG", "FAC"} and numbers_on_line() >= 2):
        return s, e
    while len(toks) > 1 and _NUMBER.fullmatch(last := text[toks[-1][0]:toks[-1][1]].rstrip(".,;:")) and not _YEAR.fullmatch(last):
        toks.pop()
    while len(toks) > 1 and label in _NO_NUMBERS and _NUMBER.fullmatch(text[toks[0][0]:toks[0][1]].rstrip(".,;:")):
        toks.pop(0)
    if not toks:
        return s, e
    return strip_punct(text, toks[0][0], toks[-1][1])


def _score_pieces(m: Mention, text: str, numbers_on_line) -> list[Mention]:
    """A name holding a bare number on a row of figures is two names and a score: "Rovers 2 Harbour Town" is two teams.

    The model reads a results line as one name. Only on a line of several
    numbers (a table's row), and never at a year ("Expo 2020 Committee"). The
    pieces keep the model's label; ``results_rows`` judges them on a page about sport.
    """
    if m.label not in _NO_NUMBERS | {"ORG", "FAC"}:
        return [m]  # a law's or an event's number is its own: "Rule 7 Appeal", "Apollo 11 Mission"
    inner = [(a, b) for a, b in tokens(text, m.start, m.end)[1:-1]
             if _NUMBER.fullmatch(text[a:b]) and not _YEAR.fullmatch(text[a:b])]
    if not inner or numbers_on_line(m.seg, m.start, m.end) < 2:
        return [m]
    pieces, s = [], m.start
    for a, b in inner + [(m.end, m.end)]:
        piece = text[s:a].strip()
        if any(c.isupper() for c in piece):
            ps = text.index(piece, s)
            pieces.append(Mention(m.seg, ps, ps + len(piece), m.label, m.origin))
        s = b
    return pieces


def _dash_pieces(m: Mention, text: str, page: Page) -> list[Mention]:
    """A name that runs over a dash after capitals opening a line: a sport's slug, or a dateline's place.

    "GOLF - HART" in a capitals headline is "HART" (the slug names the sport);
    "LIMA - Peruvian police..." is a dateline's place ("LIMA", which ``fix_names``
    labels) and the name after it ("Peruvian", a nationality when the
    gazetteer says so).
    """
    sm = _SLUG.match(text, m.start, m.end)
    if not sm or page.title_lines.span(m.seg, m.start)[0] != m.start or sm.end() >= m.end:
        return [m]
    if any(w.lower() in SPORT_WORDS for w in sm.group(1).split()):
        if page.title_lines.capitals(m.seg, m.start):
            m.start = sm.end()
        return [m]
    if dateline_place(text, m.start, sm.end(1)) is None:
        return [m]
    head = Mention(m.seg, m.start, sm.end(1), m.label, m.origin)
    m.start = sm.end()
    if text[m.start:m.end] in gazetteer().demonyms:
        m.label = "NORP"
    return [head, m]


# An item's code before its words: letters and a number with its parts ("R4.1 ", "QA2.3 ").
_ITEM_CODE = re.compile(r"[A-Z]{1,3}\d{1,3}(?:\.\d{1,3})+[ \t]+(?=\S)")
_NAME_LABELS_OF_A_LINE = {"PERSON", "ORG", "GPE", "LOC", "FAC"}


def _lone_common_line(text: str, s: int, e: int) -> bool:
    """The span is a line of its own, one everyday English word that names no place."""
    word = text[s:e]
    if " " in word or not is_common(word) or gazetteer().lookup(word) is not None:
        return False
    before, after = text[max(0, s - 1):s], text[e:e + 1]
    return before in ("", "\n") and after in ("", "\n")


def trim_spans(ms: list[Mention], page: Page) -> list[Mention]:
    """Each name cut to its core: no determiner, title, possessive, open bracket, slug or score at its ends or inside."""
    texts = page.texts
    numbers_on_line = _NumbersOnLines(page)
    out = []
    for m in (p for m in ms for p in ([m] if m.label == "DATE" else _score_pieces(m, texts[m.seg], numbers_on_line))):
        if m.label == "DATE":
            out.append(m)
            continue
        *heads, m = _dash_pieces(m, texts[m.seg], page)
        out += heads
        if m.label == "PERSON" and (owned := _INNER_POSSESSIVE.search(texts[m.seg], m.start, m.end)):
            m.end = owned.start()  # what follows is theirs, a name of its own that the page may name again (propagate)
        opened = texts[m.seg].find(" (", m.start, m.end)
        if opened > m.start and ")" not in texts[m.seg][opened:m.end]:
            m.end = opened  # "Coastal Fisheries Agency (CFA": the bracket holds a name of its own (see propagate)
        s, e = trim_name(texts[m.seg], m.start, m.end, m.label)
        s, e = _without_numbers(texts[m.seg], s, e, m.label, lambda: numbers_on_line(m.seg, s, e))
        if texts[m.seg][s:e].lower() in SENTENCE_OPENERS:
            continue  # "Near" alone, taken for a name at the start of a sentence
        if cm := _ITEM_CODE.match(texts[m.seg], s, e):
            s = cm.end()  # an item's code is no part of a name: "R2.1 Harbour Trust"; "R2.1 Open" held none
            if " " not in texts[m.seg][s:e] and is_common(texts[m.seg][s:e]):
                continue
        if m.label in _NAME_LABELS_OF_A_LINE and _lone_common_line(texts[m.seg], s, e):
            continue  # a heading of one everyday word: "Background", "Outlook"
        if e > s and any(c.isupper() for c in texts[m.seg][s:e]):
            m.start, m.end = s, e
            out.append(m)
    return out


#: Labels of the names :func:`owned_names` splits (a person's name ``trim_spans`` cuts at its possessive already).
_OWNER_LABELS = {"ORG", "GPE", "LOC", "FAC"}
_ACRONYM = re.compile(r"[A-Z][A-Z.&]*[A-Z]\.?")
_OF_WORDS = frozenset({"of", "the", "for", "and", "on"})


def _owner_label(owner: str, label: str) -> str:
    words = owner.split()
    last = bare(words[-1])
    if _ACRONYM.fullmatch(owner) or last in ORG_HEADS:
        return "ORG"
    if (place := gazetteer().lookup(owner)) is not None:
        return place_label(place)
    if last in PLACE_HEADS:
        return "FAC"
    return "PERSON" if len(words) == 1 and is_given_name(words[0]) else label


def _owned_label(owned: str, label: str) -> str | None:
    words = [bare(w) for w in owned.split()]
    if len(words) >= 2 and any(w in ORG_HEADS for w in words):
        return "ORG"
    if len(words) >= 2 and any(w in PLACE_HEADS for w in words):
        return "FAC"
    if (place := gazetteer().lookup(owned)) is not None:
        return place_label(place)
    # (a place's place keeps the label the model gave the whole, unless it is one everyday word: "Tamsa's Region")
    return label if label in PLACE_LABELS and not (len(words) == 1 and is_common(owned)) else None


def _owners_body(owned: str) -> bool:
    """A body named by everyday words ("Border Police", "Office of Water Supply"): a country's or a people's such
    body names nothing without its owner, so the owner stays in its name."""
    words = [w for w in owned.split() if bare(w) not in _OF_WORDS]
    return any(bare(w) in ORG_HEADS for w in words) and all(is_common(w.strip(",.")) for w in words)


def owned_names(ms: list[Mention], page: Page) -> list[Mention]:
    """A possessive inside a body's or a place's name joins two names: the owner's and what is theirs.

    "Harwick University's Lane School of Design" names a university and its
    school; "Tamsa's Coral Coast" a country and its coast. What follows the
    possessive stays a name when it is one by its own words (an organisation's
    or a place's head word, or a place the gazetteer knows); a common noun
    ("the Institute's Class of 2020") is dropped. The owner is kept whole, labelled
    by its words: an acronym or an organisation's head word makes a body, a
    known place a place, a given name a person ("Milo's Ferry Museum"); else the label the whole had.

    Not split: a possessive of a group of people that is part of the name
    ("Women's Hockey League", "People's Daily"), a saint's ("St Anne's
    Church"), or of one common word ("Council's Working Group"); one word
    before one word ("Hallam's Nurseries", a firm named after its founder); nor
    a place's or a people's body named by everyday words, which names nothing
    without its owner ("Veshar's Border Police"). A body's body is split
    however it is named ("ORVEX's Office of Audit").
    """
    texts = page.texts
    out = []
    for m in ms:
        poss = _INNER_POSSESSIVE.search(texts[m.seg], m.start, m.end) if m.label in _OWNER_LABELS else None
        if poss is None:
            out.append(m)
            continue
        text = texts[m.seg]
        owner, owned = text[m.start:poss.start()], text[poss.end():m.end]
        words = owner.split()
        lone = len(words) == 1 and not _ACRONYM.fullmatch(owner) and gazetteer().lookup(owner) is None
        if (not words or bare(words[-1]) in PEOPLE_NOUNS or bare(words[0]) in SAINTS
                or (lone and (is_common(owner) or len(owned.split()) == 1))
                or (_owners_body(owned) and not _ACRONYM.fullmatch(owner) and not any(bare(w) in ORG_HEADS for w in words))):
            out.append(m)
            continue
        out.append(Mention(m.seg, m.start, poss.start(), _owner_label(owner, m.label), m.origin))
        if (label := _owned_label(owned, m.label)) is not None:
            out.append(Mention(m.seg, poss.end(), m.end, label, m.origin))
    return out


#: Labels whose names ``trim_name`` leaves a capitalised preposition on: an organisation's, a building's or an event's
#: name may start with one ("Beyond Words Trust"), so the page must show the word is a sentence's, not the name's.
_OPENER_KEPT = {"ORG", "FAC", "EVENT", "LAW"}


def opening_words(ms: list[Mention], page: Page) -> list[Mention]:
    """A sentence's first word, a preposition or adverb ("Across", "Despite", "Beyond"), is no part of the name the
    model runs it into: "Across Selvey the roads were closed" names "Selvey", not an organisation "Across Selvey".

    ``trim_name`` cuts such a word off persons, groups and places; an
    organisation, building or event keeps it there because a few names start
    with one. Here it goes when the name opens a sentence and the page never
    writes the whole name elsewhere (in mid-sentence, where only the name's own
    words are capitalised) and does not know it as a name. What is left is
    judged by the later steps (after "Across", a one-word name is a place).
    """
    texts = page.texts
    known = page.known.orgs
    out = []
    for m in ms:
        if m.label in _OPENER_KEPT:
            text = texts[m.seg]
            toks = tokens(text, m.start, m.end)
            t = text[m.start:m.end]
            if (len(toks) >= 2 and bare(text[toks[0][0]:toks[0][1]]) in SENTENCE_OPENERS
                    and text[toks[0][0]].isupper() and sentence_initial(text, m.start) and t not in known
                    and sum(tx.count(t) for tx in texts) == 1):
                m.start = toks[1][0]
        out.append(m)
    return out


#: A dash with space around it: between two names or clauses, never inside a person's or a place's name.
_SPACED_DASH = re.compile(r"[ \t]+(?:-{1,2}|[–—])[ \t]+")


def _a_date(piece: str) -> bool:
    """"Oct 2", "May 3, 2001": a month and figures, which the date steps find."""
    words = piece.replace(",", " ").split()
    return bool(words) and words[0].rstrip(".").lower() in MONTHS and all(w.isdigit() for w in words[1:])


def dash_breaks(ms: list[Mention], page: Page) -> list[Mention]:
    """A person's, group's or place's name never runs over a spaced dash: "Oct 2 - Norway" in a dateline is a
    date and a country, not one person.

    The pieces keep the model's label (later steps judge them); a piece that is
    a month and its day is left to the date steps, one without a capital dropped.
    """
    texts = page.texts
    out = []
    for m in ms:
        text = texts[m.seg]
        if m.label not in _NO_NUMBERS or not _SPACED_DASH.search(text, m.start, m.end):
            out.append(m)
            continue
        s = m.start
        for a, b in [dm.span() for dm in _SPACED_DASH.finditer(text, m.start, m.end)] + [(m.end, m.end)]:
            ps, pe = strip_punct(text, s, a)
            piece = text[ps:pe]
            if any(c.isupper() for c in piece) and not _a_date(piece):
                out.append(Mention(m.seg, ps, pe, m.label, m.origin))
            s = b
    return out


def line_pieces(ms: list[Mention], page: Page) -> list[Mention]:
    """A one-word piece of a person cut off at a line break, after a whole name, is no person: "Marta Keld⏎ASHMOOR".

    The model reads the lines of a list, a signature or a table as one
    sentence and runs a name on into the first word of the next line;
    ``split_lines`` keeps both pieces with the model's label. When the piece
    before the break is a name of its own (two words or more), the one-word
    piece after it is the next line's word, a town, a club or a heading, which
    the later steps judge afresh (a dateline's place, a table's club); it is
    no person's name on the model's word.
    """
    texts = page.texts
    ends = {(m.seg, m.end): m for m in ms if m.label == "PERSON"}
    out = []
    for m in ms:
        prev = ends.get((m.seg, m.start - 1))
        if (m.label == "PERSON" and prev is not None and texts[m.seg][m.start - 1] == "\n"
                and " " not in m.text(texts) and len(prev.text(texts).split()) >= 2):
            continue
        out.append(m)
    return out
