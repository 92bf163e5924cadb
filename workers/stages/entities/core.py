"""What every entity step shares: mentions, the page they point into, span helpers and evidence.

The lowest level of :mod:`workers.stages.entities`: the step modules
(:mod:`.steps`) import this and :mod:`.timex`, never each other, and
:mod:`.rules` lists the steps in the order they run. Word lists and place
names come from :mod:`workers.knowledge` (data files), so this module holds
logic only.
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from collections.abc import Collection, Iterator
from dataclasses import dataclass, field
from functools import cached_property

from ...knowledge.gazetteer import CITY_POPULATION, Place, fold, gazetteer
from ...knowledge.names import KnownNames, shipped
from ...knowledge.lexicon import (
    BODY_WORDS, CAPTION_TAIL, CAPTION_WORDS, INTERJECTIONS, MONTHS, ORG_HEADS, PLACE_HEADS, POSTNOMINALS, SENTENCE_OPENERS, SPORT_WORDS,
    STOP_EDGE, TITLES,
    TITLE_SMALL_WORDS, WEEKDAYS, PLACE_VERBS, SPEECH_VERBS, alternation,
)
from ...knowledge.lexicon import words as word_list
from ...knowledge.shapes import is_dateline, is_table_row
from ...knowledge.words import is_common, is_given_name

__all__ = [
    "LABELS", "NAME_LABELS", "PLACE_LABELS", "SAINTS", "SHORT_FORM", "SPEECH_AFTER", "Live", "Mention", "Occurrences", "Page", "Runs", "SpanIndex", "bare", "big_place", "fold",
    "is_common", "is_given_name", "is_table_row", "lookup", "looks_like_person", "not_a_name", "place_label", "resolve", "sentence_initial",
    "short_form_heads", "strip_punct", "take_cued", "title_case", "tokens", "trim_name", "wire_dateline",
]

LABELS = {"PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "EVENT", "LAW", "DATE"}
#: Legal forms written in lower case after a company's name ("plc", "ltd"): the end of the name, not a stray word.
COMPANY_FORMS = word_list("company_forms")
PLACE_LABELS = {"GPE", "LOC", "FAC"}
NAME_LABELS = {"PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "EVENT", "LAW"}
#: Origins of mentions a cue beside the name labelled (``org_kinds``, ``org_roles``, ``org_openers``, ``platforms``):
#: the cue outweighs what the model or a preposition says of the name elsewhere on the page.
CUED_ORIGINS = frozenset({"kind", "opener"})


@dataclass(slots=True, eq=False)
class Mention:
    seg: int
    start: int
    end: int
    label: str
    origin: str = "model"  # model, alias, acronym, gazetteer, pattern, ...
    value: str | None = None  # ISO 8601 for DATE/DURATION
    country: str | None = None
    ref: int | None = None

    def text(self, texts: list[str]) -> str:
        return texts[self.seg][self.start:self.end]

    def overlaps(self, other: Mention) -> bool:
        return self.seg == other.seg and self.start < other.end and other.start < self.end


class SpanIndex:
    """Spans per segment, with a fast "what overlaps [s, e)?" (buckets, not a scan)."""

    BUCKET = 64

    def __init__(self, ms: list[Mention] | None = None) -> None:
        self._b: dict[tuple[int, int], list[tuple[int, int, object]]] = defaultdict(list)
        for m in ms or ():
            self.add(m.seg, m.start, m.end, m)

    def add(self, seg: int, s: int, e: int, obj: object = None) -> None:
        for k in range(s // self.BUCKET, max(s, e - 1) // self.BUCKET + 1):
            self._b[(seg, k)].append((s, e, obj))

    def find(self, seg: int, s: int, e: int) -> list[object]:
        out: list[object] = []
        for k in range(s // self.BUCKET, max(s, e - 1) // self.BUCKET + 1):
            for a, b, obj in self._b.get((seg, k), ()):
                if a < e and s < b and obj not in out:
                    out.append(obj)
        return out

    def overlaps(self, seg: int, s: int, e: int) -> bool:
        for k in range(s // self.BUCKET, max(s, e - 1) // self.BUCKET + 1):
            for a, b, _ in self._b.get((seg, k), ()):
                if a < e and s < b:
                    return True
        return False


class Runs:
    """Names found as runs of words in the text, each taking the place of the mentions inside it.

    A run that cuts across a mention is left alone (:meth:`inside` gives None);
    the steps that find runs (events, organisations) decide from the mentions
    inside whether to :meth:`take` it.
    """

    def __init__(self, ms: list[Mention]) -> None:
        self.ms = ms
        self.index = SpanIndex(ms)
        self._drop: set[int] = set()
        self._new: list[Mention] = []

    def inside(self, seg: int, s: int, e: int) -> list[Mention] | None:
        found = self.index.find(seg, s, e)
        return None if any(o.start < s or o.end > e for o in found) else found  # type: ignore[attr-defined]

    def take(self, seg: int, s: int, e: int, label: str, inside: list[Mention]) -> None:
        for o in inside:
            self._drop.add(id(o))
        n = Mention(seg, s, e, label, "pattern")
        self._new.append(n)
        self.index.add(seg, s, e, n)

    def result(self) -> list[Mention]:
        return [m for m in self.ms if id(m) not in self._drop] + self._new


class Live:
    """Membership by identity (Mention is a mutable dataclass, not hashable)."""

    def __init__(self, ms: list[Mention]) -> None:
        self._ids = {id(m) for m in ms}
        self._keep = list(ms)  # an id is unique only while its object lives

    def __contains__(self, m: object) -> bool:
        return id(m) in self._ids

    def add(self, m: Mention) -> None:
        self._ids.add(id(m))
        self._keep.append(m)

    def discard(self, m: Mention) -> None:
        self._ids.discard(id(m))


# --------------------------------------------------------------------------- text helpers

def take_cued(i: int, s: int, e: int, label: str, inside: list[Mention], taken: SpanIndex, out: list[Mention],
              gone: set[int]) -> None:
    """A name that a word beside it says is a body's or a place's (``org_kinds``, ``platforms``, ``sources``,
    ``place_kinds``...), at ``s:e`` of segment ``i``, labelled ``label``.

    The model's own mention of the name is relabelled, and the cue is evidence
    enough that a name named once is one (``drop_lone_words`` keeps it, by its
    origin); otherwise the model's pieces inside the name (``inside``) give way
    to it (their ids go into ``gone``; the caller drops them).
    """
    if len(inside) == 1 and (inside[0].start, inside[0].end) == (s, e):
        inside[0].label, inside[0].origin = label, "kind"
        return
    gone.update(id(o) for o in inside)
    n = Mention(i, s, e, label, "kind")
    out.append(n)
    taken.add(i, s, e, n)


_WORD = re.compile(r"\S+")
#: The capital letters a name may open with, for a character class: "[" + CAPITALS + "]" ("Åland", "Émile", "Łódź").
CAPITALS = "A-ZÀ-ÖØ-ÞĀĂĄĆĈĊČĎĐĒĔĖĘĚĜĞĠĢĤĦĨĪĬĮİĴĶĹĻĽĿŁŃŅŇŊŌŎŐŒŔŖŘŚŜŞŠŢŤŦŨŪŬŮŰŲŴŶŸŹŻŽ"
# (and an author's marks pointing to an affiliation or a note: "Ana Lima ¹", "Tom Berg†")
EDGE_PUNCT = " \t\n\"'“”‘’.,;:()[]{}!?-–—*•|¹²³⁰⁴⁵⁶⁷⁸⁹†‡"
_POSS = re.compile(r"(?:['’]s|['’])$")
#: An e-mail or web address, a link without its scheme ("pic.example.com/x7Q"), or a social media handle
#: ("@harbourherald"); a token start anchors each (linear time).
ADDRESS = re.compile(
    r"(?<!\S)[^\s@]+@\S+|\bhttps?://\S+|\bwww\.\S+"
    r"|(?<![\w.@/-])(?:[A-Za-z0-9-]+\.)+[a-z]{2,}/\S*"
    r"|(?<![\w@])@\w+"
)
_LOWER_WORD = re.compile(r"\b[a-z][a-z'-]+\b")
#: "the" right before a name: a person is seldom "the" anyone ("the Clyde", "the Itz", "the X and Y Committee").
THE_BEFORE = re.compile(r"(?<![\w'’-])[Tt]he[ \t]+$")
#: Fewest letters of a word no list knows that context alone makes a place ("Lata", not "Al").
UNKNOWN_PLACE_LETTERS = 4
#: A preposition that makes the one-word name after it a place: "in Kalmar", "near Hamar"; capitalised too where it
#: opens a sentence ("Near Hamar, ..."), except "In" and "Into", which as often open a sentence on a work or a
#: system ("In Quillnet, each frame ...").
PLACE_VERB_BEFORE = re.compile(
    r"\b" + alternation(PLACE_VERBS | {w.capitalize() for w in PLACE_VERBS - {"in", "into"}}) + r"\s+$")


#: A speech verb right after a name: the name speaks ("Tarnby said", "the Harbour Herald reported").
SPEECH_AFTER = re.compile(r"\s+" + alternation(SPEECH_VERBS) + r"\b")


def tokens(text: str, start: int, end: int) -> list[tuple[int, int]]:
    return [(start + m.start(), start + m.end()) for m in _WORD.finditer(text[start:end])]


def bare(tok: str) -> str:
    return tok.strip(EDGE_PUNCT).lower().rstrip(".")


def strip_punct(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s] in EDGE_PUNCT:
        s += 1
    while e > s and text[e - 1] in EDGE_PUNCT:
        e -= 1
    m = _POSS.search(text[s:e])
    if m and e - s > 2:
        e = s + m.start()
    while e > s and text[e - 1] in EDGE_PUNCT:
        e -= 1
    return s, e


def is_lower_word(tok: str) -> bool:
    t = tok.strip(EDGE_PUNCT)
    return bool(t) and not any(c.isupper() or c.isdigit() for c in t)


#: Labels whose names never start with a capitalised preposition or adverb ("Near", "After"):
#: the model takes a sentence's first word into the name that follows it.
OPENER_FREE = {"PERSON", "NORP", "GPE", "LOC"}


SAINTS = frozenset({"st", "st.", "saint", "ste", "ste.", "sainte"})


def trim_name(text: str, s: int, e: int, label: str) -> tuple[int, int]:
    """The name core of ``text[s:e]``: no leading determiner, lower-case word, title or sentence opener; no possessive."""
    s, e = strip_punct(text, s, e)
    toks = tokens(text, s, e)
    i, j = 0, len(toks)
    # "St" opening a name that ends on a place's head word names the place's saint: "St Peter Port", no title
    place_named = label == "PERSON" and bare(text[toks[-1][0]:toks[-1][1]]) in PLACE_HEADS if toks else False
    while i < j - 1:
        tok = text[toks[i][0]:toks[i][1]]
        b = bare(tok)
        if i == 0 and place_named and b in SAINTS:
            break
        if b in STOP_EDGE or is_lower_word(tok) or (label == "PERSON" and (b in TITLES or b in INTERJECTIONS)) or (
                label in OPENER_FREE and b in SENTENCE_OPENERS):
            i += 1
            continue
        break
    while j - 1 > i:
        tok = text[toks[j - 1][0]:toks[j - 1][1]]
        b = bare(tok)
        if label == "ORG" and b in COMPANY_FORMS:
            break  # "Harbour Foods plc": the company's legal form is part of its name
        if is_lower_word(tok) or b in STOP_EDGE or (label == "PERSON" and (
                b.split("(")[0] in TITLES or b in CAPTION_WORDS or tok.strip(EDGE_PUNCT) in POSTNOMINALS)) or (
                label in {"ORG", "FAC", "EVENT", "NORP"} and b in CAPTION_TAIL and text[toks[j - 1][1]:toks[j - 1][1] + 1] == ":"):
            j -= 1
            continue
        break
    if not toks:
        return s, s
    return strip_punct(text, toks[i][0], toks[j - 1][1])


def sentence_initial(text: str, s: int) -> bool:
    k = s - 1
    while k >= 0 and text[k] in " \t\"'“‘(":
        k -= 1
    return k < 0 or text[k] in ".!?:\n"


def title_case(line: str) -> bool:
    """A line in title case or capitals: nearly every word that is not a small word starts with a capital."""
    words = [w for w in re.findall(r"[^\W\d_][\w'’-]*", line) if w.lower() not in TITLE_SMALL_WORDS]
    if len(words) < 3:
        return False
    return all(w[0].isupper() for w in words)


class TitleLines:
    """Which lines of a page's segment texts are in title case, each line read once.

    Steps ask this for every mention; reading the mention's whole line each
    time cost the square of the line's length on a page that is one long line.
    """

    def __init__(self, texts: list[str]) -> None:
        self.texts = texts
        self._breaks: dict[int, list[int]] = {}
        self._case: dict[tuple[int, int, int], bool] = {}

    def span(self, seg: int, pos: int) -> tuple[int, int]:
        """Start and end (without the newline) of the line of ``texts[seg]`` that holds offset ``pos``."""
        breaks = self._breaks.get(seg)
        if breaks is None:
            text = self.texts[seg]
            breaks = self._breaks[seg] = [m.start() for m in re.finditer("\n", text)]
        k = bisect.bisect_left(breaks, pos)
        ls = breaks[k - 1] + 1 if k else 0
        le = breaks[k] if k < len(breaks) else len(self.texts[seg])
        return ls, le

    def at(self, seg: int, start: int, end: int) -> bool:
        """Is the line holding the span ``start``..``end`` in title case (from the line where it starts
        to the line break after its end)?"""
        ls, _ = self.span(seg, start)
        _, le = self.span(seg, end)
        key = (seg, ls, le)
        if (case := self._case.get(key)) is None:
            case = self._case[key] = title_case(self.texts[seg][ls:le])
        return case

    def capitals(self, seg: int, pos: int) -> bool:
        """Is the line of ``texts[seg]`` holding offset ``pos`` written in capitals (a wire story's headline or dateline)?

        Every letter must be a capital, so a line of a caseless script is none.
        """
        ls, le = self.span(seg, pos)
        key = (seg, ls, -1)
        if (caps := self._case.get(key)) is None:
            letters = [ch for ch in self.texts[seg][ls:le] if ch.isalpha()]
            caps = self._case[key] = bool(letters) and all(ch.isupper() for ch in letters)
        return caps

    def lines(self, seg: int):
        """(start, end) of each line of ``texts[seg]``."""
        self.span(seg, 0)
        ls = 0
        for b in self._breaks[seg]:
            yield ls, b
            ls = b + 1
        yield ls, len(self.texts[seg])


@dataclass
class Page:
    """What the steps share besides the mentions: the segment texts and facts about them, computed once."""

    texts: list[str]
    #: words of multi-word PERSON names, as they stand after the ``person_pairs`` step
    person_words: set[str] = field(default_factory=set)
    #: the known names the steps read: the shipped list, or one fitted on training pages (cross-validation)
    known: KnownNames = field(default_factory=shipped)

    @cached_property
    def lower_words(self) -> set[str]:
        """Words the page uses in lower case (e-mail and web addresses left out: "ana.lima@...")."""
        return {w.lower() for t in self.texts for w in _LOWER_WORD.findall(ADDRESS.sub(" ", t))}

    @cached_property
    def scored_names(self) -> set[str]:
        """Words the page writes beside a score, a team's ("Sedgley Park 17 Tynedale 20")."""
        return {g for t in self.texts for sm in _SCORED_NAME.finditer(t) for g in sm.groups() if g}

    @cached_property
    def title_lines(self) -> TitleLines:
        return TitleLines(self.texts)

    @cached_property
    def about_sport(self) -> bool:
        """A page about sport, where a town's name may be its team's ("played for Millbrook").

        Two sport words written in lower case, or on a line in capitals (a wire
        story's slug and headline: "BASKETBALL - STANDINGS", where capitals say
        nothing of names).
        """
        page_words = {w.lower() for t in self.texts for w in re.findall(r"\b[a-z]+\b", t)}
        page_words |= {w.lower() for t in self.texts for line in t.split("\n")
                       if line.isupper() for w in re.findall(r"\b[A-Z]+\b", line)}
        return len(page_words & SPORT_WORDS) >= 2


#: A name beside a score: a team's ("Sedgley Park 17 Tynedale 20").
_SCORED_NAME = re.compile(r"(?<![\w'’-])([A-Z][\w'’-]*)[ \t]+\d{1,3}\b(?![.,:]\d)|\b\d{1,3}[ \t]+([A-Z][\w'’-]*)")


#: Where a name may end: a whole word, a possessive allowed after ("Lima's", not "Limassol").
_NAME_END = re.compile(r"(?![\w-]|['’][a-rt-z])")


class Occurrences:
    """Where ``names`` occur in a text: left to right, the longest name first, whole words only.

    Finds what one regular expression of all the names, longest first, finds,
    in time linear in the text: that alternation tries every name at every word
    start, and a page's names grow with the page. Here a word start is tried
    only with the lengths of the names that begin with its character.
    """

    def __init__(self, names: Collection[str]) -> None:
        self.names = names
        lengths: dict[str, set[int]] = defaultdict(set)
        for n in names:
            if n:
                lengths[n[0]].add(len(n))
        self.lengths = {c: sorted(ls, reverse=True) for c, ls in lengths.items()}
        # a word start (not after a letter, digit or hyphen) whose character begins some name
        self.starts = re.compile(r"(?<![\w-])[" + "".join(re.escape(c) for c in sorted(self.lengths)) + "]") if lengths else None

    def __call__(self, text: str) -> Iterator[tuple[int, int]]:
        if self.starts is None:
            return
        pos = 0
        for sm in self.starts.finditer(text):
            p = sm.start()
            if p < pos:
                continue
            for n in self.lengths[text[p]]:
                if p + n <= len(text) and text[p:p + n] in self.names and _NAME_END.match(text, p + n):
                    yield p, p + n
                    pos = p + n
                    break


# --------------------------------------------------------------------------- evidence


def lookup(text: str) -> Place | None:
    return gazetteer().lookup(text)


#: What follows a news dateline's place: "OSLO, May 3 -", "OSLO (Wire) -", "OSLO 2001-05-03", "OSLO -".
_AFTER_DATELINE = re.compile(r"[ \t]*(?:,|\(|[-–—]|\d)")


def dateline_place(text: str, s: int, e: int) -> Place | None:
    """The place an all-capitals name at the start of a line names when a dateline's date or source follows it.

    Elsewhere an all-capitals word is as often an acronym as a place ("ICT",
    "LA"), so :meth:`Gazetteer.lookup` refuses it; in a dateline it is the
    place the story was filed from. On a whole dateline (the place, perhaps
    its country, then the date: ``knowledge.shapes.is_dateline``) it is a place even
    when the gazetteer does not know it.
    """
    name = text[s:e]
    ls = text.rfind("\n", 0, s) + 1
    if not name.isupper() or text[ls:s].strip() or not _AFTER_DATELINE.match(text, e):
        return None
    if (place := gazetteer().places.get(fold(name))) is not None:
        return place
    le = text.find("\n", e)
    if sum(c.isalpha() for c in name) >= 3 and (
            is_dateline(text[ls:le if le >= 0 else len(text)]) or wire_dateline(text, s, e)):
        return Place("city")  # "HARBOURTON , Scotland 1997-05-14": a town too small for the gazetteer
    return None


_WIRE_MONTH = r"(?i:" + alternation(MONTHS) + r")\.?[ \t]+\d{1,2}\b"
#: Perhaps a region or country after a comma ("HARLOWBY, England", "PORTVILLE, Calif."), written in its own case.
_REGION = r"(?:[ \t]*,[ \t]*[A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){0,2})?"
#: What follows a wire dateline's place: a date ("1996-08-22", ", May 3"), or a news agency in brackets then a dash
#: ("(Wirecall) -"), or a dash then the story's first sentence ("-- The storm ...", not more capitals: a headline).
_DATELINE_TAIL = re.compile(
    _REGION + r"(?:[ \t]*,?[ \t]*(?:\d{4}-\d{2}-\d{2}|" + _WIRE_MONTH + r")"
    r"|(?:[ \t]*,[ \t]*" + _WIRE_MONTH + r")?[ \t]*\([A-Z][\w&.'’ -]{0,30}\)[ \t]*[-–—]"
    r"|[ \t]+[-–—]{1,2}[ \t]+(?=[A-Z][^\n]*[a-z]))")


def wire_dateline(text: str, s: int, e: int) -> bool:
    """``text[s:e]``, in capitals and opening its line, is the place of a wire story's dateline by what follows it:
    a date, an agency in brackets and a dash, or a dash and a sentence ("PORTVILLE, Calif. -- A fire ...").

    A sport's name is a slug, not a place ("GOLF -- Ana Lima won ..."); and a
    name the gazetteer does not know must not be a short acronym or common words
    only, which open notices just so ("FAQ - How do I ...", "BREAKING NEWS -- Police say ...").
    """
    name = text[s:e]
    if not (name.isupper() and not text[text.rfind("\n", 0, s) + 1:s].strip() and _DATELINE_TAIL.match(text, e) is not None
            and not any(w.lower() in SPORT_WORDS for w in name.split())):
        return False
    return gazetteer().places.get(fold(name)) is not None or (
        sum(c.isalpha() for c in name) >= 4 and not all(is_common(w.strip(".")) for w in name.split()))


def place_label(p: Place) -> str:
    return "LOC" if p.kind == "continent" else "GPE"


#: Given names that also open places' names ("San", "Santa"): a name they open is no person's.
PLACE_NAME_STARTS = word_list("place_name_starts")

#: A word of a person's name: capitalised, perhaps double-barrelled ("Ruiz-Molina"), or an initial.
_NAME_TOKEN = re.compile(r"^(?:[A-Z][a-zà-ÿ'’-]+(?:-[A-Z][a-zà-ÿ'’]+)*|[A-Z]\.)$")


def name_tokens(t: str) -> bool:
    return all(_NAME_TOKEN.match(x) for x in t.split())


def looks_like_person(t: str, lower_words: set[str]) -> bool:
    """Two or three capitalised words, the first a given name, none a place or organisation word, the last no title."""
    toks = t.split()
    if not 2 <= len(toks) <= 3 or not all(_NAME_TOKEN.match(x) for x in toks):
        return False
    if not is_given_name(toks[0]) or toks[0].lower() in lower_words or toks[0].lower() in PLACE_NAME_STARTS:
        return False  # (a place's first word is no given name, even when it is one: "Santa Lucerna")
    last = toks[-1].lower()
    if last in PLACE_HEADS or last in lower_words or last.rstrip(".") in TITLES or any(x.lower() in ORG_HEADS for x in toks[1:]):
        return False  # (an organisation word anywhere after the first: "Major Hockey League")
    gaz = gazetteer()
    # (a town's or a river's name is a surname too: "Ana Thames")
    return gaz.lookup(t) is None and all((p := gaz.lookup(x)) is None or p.kind in ("city", "feature") for x in toks)


def not_a_name(word: str) -> bool:
    """A capitalised word that is no part of a person's name: a place, an organisation or place word, a month. (A
    natural feature's name is a surname too: "Thames", "Everest".)"""
    w = word.lower()
    return (w in ORG_HEADS or w in PLACE_HEADS or w in MONTHS or w in WEEKDAYS or w in STOP_EDGE
            or ((p := gazetteer().lookup(word)) is not None and p.kind != "feature"))


def resolve(ms: list[Mention]) -> list[Mention]:
    """No two mentions overlap: the longer wins, then the model's own."""
    order = sorted(ms, key=lambda m: (-(m.end - m.start), m.origin != "model", m.seg, m.start))
    kept: list[Mention] = []
    index = SpanIndex()
    for m in order:
        if m.end <= m.start or index.overlaps(m.seg, m.start, m.end):
            continue
        kept.append(m)
        index.add(m.seg, m.start, m.end)
    return sorted(kept, key=lambda m: (m.seg, m.start))


#: A name's first word, alone: capitalised, in letters, not followed by another capitalised word.
SHORT_FORM = re.compile(r"(?<![\w'’.-])([A-Z][a-z]{2,})(?![\w'’-]|\s+[A-Z])")


def _no_known_place(place: Place | None) -> bool:
    """No place, or a town too small to be read as one before a company's name ("Hollis" is also a town of 20,000)."""
    return place is None or (place.kind == "city" and place.population < CITY_POPULATION)


def big_place(text: str) -> bool:
    """The gazetteer knows ``text`` as a country, a state or a region, or as a city of :data:`CITY_POPULATION` or more."""
    return not _no_known_place(lookup(text))


def short_form_heads(ms: list[Mention], page: Page) -> set[str]:
    """First words of the page's organisations that name them alone: "Hollis" of "Hollis Motors".

    The word must be a name of its own: the page never writes it in lower
    case, English does not use it often, it is no title, organisation or place
    word, no place, nationality or given name, and no word of a person on the
    page ("Ford" on a page about a President Ford); a small town's name may be
    one. A second capitalised word must follow it in the full name ("Council of
    Europe" gives nothing), and the full name must not be in capitals (a
    headline's words are not names by themselves).
    """
    texts = page.texts
    lower_words = page.lower_words
    gaz = gazetteer()
    heads: set[str] = set()
    for m in ms:
        t = m.text(texts)
        if m.label != "ORG" or t.isupper() or " " not in t:
            continue
        first, _, rest = t.partition(" ")
        w = first.lower()
        if first in heads or not (SHORT_FORM.fullmatch(first) and rest[:1].isupper()):
            continue
        if (w not in lower_words and not is_common(first) and w not in TITLES and w not in ORG_HEADS
                and w not in PLACE_HEADS and w not in BODY_WORDS and first not in page.person_words
                and first not in gaz.demonyms and _no_known_place(gaz.lookup(first)) and not is_given_name(first)):
            heads.add(first)
    return heads
