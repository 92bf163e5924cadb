"""Rules over the model's mentions: spans, labels, names repeated on the page, dates.

Everything here works on :class:`Mention` objects that point into the texts of
a page's segments, so a page is a list of strings plus a list of mentions.
The steps, in the order :func:`refine` runs them:

1. trim spans to the name core (OntoNotes-like: no determiner, no title, no
   possessive, nothing across a line break);
2. time expressions: date, duration or nothing; ranges split; ISO values;
3. label fixes: event names, places by gazetteer, dates the model missed;
   organisation spans (title lines, "Word of Place", joined names, names
   built on an organisation word) and person spans (particles, titles) in
   :mod:`.orgs` and :mod:`.people`;
4. names repeated on the page: a surname alone after the full name, the same
   name labelled one way, an acronym defined in brackets; then names known
   to every reader (organisations, products), terms defined by lower-case
   acronyms, languages, works, institutions, common words taken for names;
5. places from the gazetteer that the model missed;
6. overlaps resolved (longest wins) and normalisation: country codes, refs.

Each pass is one named entry of :data:`STEPS`, the list :func:`refine` runs;
``pagemill eval --without NAME`` leaves one out to measure what it is worth.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass

from . import dates, orgs, people
from .gazetteer import BIG_CITY, fold, gazetteer
from .names import is_given_name
from .lexicon import EVENT_HEADS, EVENT_OF, EVENT_STARTS, FUNCTION_WORDS, KNOWN_ORGS, STOP_EDGE, TITLES

#: Words said before a name in speech ("Hey John", "Thanks Maria").
INTERJECTIONS = frozenset("hey hi hello dear thanks thank oh yes no well ok okay goodbye bye welcome congratulations".split())
#: Words a caption puts after a name ("Ahmed Mohamed Image").
CAPTION_WORDS = frozenset("image images photo photos photograph picture credit source video caption file".split())
#: Last words of the names of places and buildings ("Socotra Hotel", "Neiafu Harbour").
PLACE_HEADS = frozenset(
    """hotel harbour harbor river lake mountain mountains mount island islands bay beach park street road
    avenue bridge station airport square palace church cathedral mosque temple museum castle tower valley
    desert forest sea ocean swamp gate coast cape canyon falls peninsula gulf strait county
    stadium arena hall theatre theater zoo mall""".split()
)

#: Caption words that end a caption's name before its credit ("... Stardust Image: NASA").
_CAPTION_TAIL = frozenset("image photo photograph picture credit caption".split())

LABELS = {"PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "EVENT", "LAW", "DATE"}
PLACE_LABELS = {"GPE", "LOC", "FAC"}
NAME_LABELS = {"PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "EVENT", "LAW"}


@dataclass(slots=True, eq=False)
class Mention:
    seg: int
    start: int
    end: int
    label: str
    origin: str = "model"  # model, alias, acronym, gazetteer, pattern
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


_WORD = re.compile(r"\S+")
_EDGE_PUNCT = " \t\n\"'“”‘’.,;:()[]{}!?-–—*•|"
_POSS = re.compile(r"(?:['’]s|['’])$")


def _tokens(text: str, start: int, end: int) -> list[tuple[int, int]]:
    return [(start + m.start(), start + m.end()) for m in _WORD.finditer(text[start:end])]


def _bare(tok: str) -> str:
    return tok.strip(_EDGE_PUNCT).lower().rstrip(".")


def _strip_punct(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s] in _EDGE_PUNCT:
        s += 1
    while e > s and text[e - 1] in _EDGE_PUNCT:
        e -= 1
    m = _POSS.search(text[s:e])
    if m and e - s > 2:
        e = s + m.start()
    while e > s and text[e - 1] in _EDGE_PUNCT:
        e -= 1
    return s, e


def _is_lower_word(tok: str) -> bool:
    t = tok.strip(_EDGE_PUNCT)
    return bool(t) and not any(c.isupper() or c.isdigit() for c in t)


def trim_name(text: str, s: int, e: int, label: str) -> tuple[int, int]:
    """The name core of ``text[s:e]``: no leading determiner, lower-case word or title; no possessive."""
    s, e = _strip_punct(text, s, e)
    toks = _tokens(text, s, e)
    i, j = 0, len(toks)
    while i < j - 1:
        tok = text[toks[i][0]:toks[i][1]]
        b = _bare(tok)
        if b in STOP_EDGE or _is_lower_word(tok) or (label == "PERSON" and (b in TITLES or b in INTERJECTIONS)):
            i += 1
            continue
        break
    while j - 1 > i:
        tok = text[toks[j - 1][0]:toks[j - 1][1]]
        b = _bare(tok)
        if _is_lower_word(tok) or b in STOP_EDGE or (label == "PERSON" and (
                b.split("(")[0] in TITLES or b in CAPTION_WORDS)) or (
                label in {"ORG", "FAC", "EVENT", "NORP"} and b in _CAPTION_TAIL and text[toks[j - 1][1]:toks[j - 1][1] + 1] == ":"):
            j -= 1
            continue
        break
    if not toks:
        return s, s
    return _strip_punct(text, toks[i][0], toks[j - 1][1])


def _sentence_initial(text: str, s: int) -> bool:
    k = s - 1
    while k >= 0 and text[k] in " \t\"'“‘(":
        k -= 1
    return k < 0 or text[k] in ".!?:\n"


# --------------------------------------------------------------------------- spans


def split_lines(ms: list[Mention], texts: list[str]) -> list[Mention]:
    """A name never runs across a line break: keep the pieces that hold a capital or digit."""
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


def trim_spans(ms: list[Mention], texts: list[str]) -> list[Mention]:
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


# --------------------------------------------------------------------------- dates

_PART_OF_DAY = re.compile(r"\s+(morning|afternoon|evening|night)\b", re.IGNORECASE)
_DATE_TAIL_OK = {"ago", "later", "earlier", "before", "after", "old", "morning", "afternoon", "evening", "night"}


def fix_dates(ms: list[Mention], texts: list[str]) -> list[Mention]:
    out = []
    for m in ms:
        if m.label != "DATE":
            out.append(m)
            continue
        text = texts[m.seg]
        s, e = _strip_punct(text, m.start, m.end)
        ts, _ = dates.trim(text[s:e])
        s += ts
        # "Thursday" + " night": the part of the day belongs to the date
        pm = _PART_OF_DAY.match(text, e)
        if pm and dates.anchor(dates.words(text[s:e])):
            e = pm.end()
        for ps, pe in dates.split_range(text[s:e]):
            a, b = _strip_punct(text, s + ps, s + pe)
            # trailing words that are not about time ("2011 season" -> "2011")
            toks = _tokens(text, a, b)
            while len(toks) > 1:
                w = dates.words(text[toks[-1][0]:toks[-1][1]])
                if w and w[0].isalpha() and _is_lower_word(text[toks[-1][0]:toks[-1][1]]) and not (
                    dates.anchor(w) or w[0] in dates.TIME_UNITS or w[0] in dates.SEASONS or w[0] in _DATE_TAIL_OK
                    or w[0] in dates.RELATIVE
                ):
                    toks.pop()
                    continue
                break
            if not toks:
                continue
            b = toks[-1][1]
            a, b = _strip_punct(text, a, b)
            piece = text[a:b]
            k = dates.kind(piece)
            if k is None:
                continue
            n = Mention(m.seg, a, b, k, m.origin)
            n.value = dates.value(piece) if k == "DATE" else dates.duration_value(piece)
            out.append(n)
    return out


_DATE_PATTERNS = re.compile(
    r"\b(?:today|yesterday|tomorrow|tonight)\b"
    r"|\b(?:last|this|next)\s+(?:week|month|year|weekend|decade|century|summer|winter|spring|autumn)\b"
    r"|\b\d{1,4}\s+(?:BCE|BC|CE|AD|B\.C\.|A\.D\.)(?!\w)"
    r"|\b(?:January|February|March|April|June|July|August|September|October|November|December)\s+\d{4}\b"
    r"|\b\d{1,2}\s+(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+\d{4}\b",
    re.IGNORECASE,
)


class _Live:
    """Membership by identity (Mention is a mutable dataclass, not hashable)."""

    def __init__(self, ms: list[Mention]) -> None:
        self._ids = {id(m) for m in ms}
        self._keep = list(ms)

    def __contains__(self, m: object) -> bool:
        return id(m) in self._ids

    def add(self, m: Mention) -> None:
        self._ids.add(id(m))
        self._keep.append(m)

    def discard(self, m: Mention) -> None:
        self._ids.discard(id(m))


def add_date_patterns(ms: list[Mention], texts: list[str]) -> list[Mention]:
    """Dates the model left out: "today", "last week", "5000 BCE", "3 May 2010"."""
    taken = SpanIndex(ms)
    out = list(ms)
    live = _Live(ms)
    for i, text in enumerate(texts):
        for mt in _DATE_PATTERNS.finditer(text):
            s, e = mt.span()
            if taken.overlaps(i, s, e):
                # the model took "BCE" for a name: the date wins
                clash = [c for c in taken.find(i, s, e) if isinstance(c, Mention) and c in live]
                if clash and all(c.label != "DATE" and c.start >= s and c.end <= e for c in clash) and re.search(r"\d", text[s:e]):
                    for c in clash:
                        live.discard(c)
                else:
                    continue
            piece = text[s:e]
            k = dates.kind(piece)
            if k:
                n = Mention(i, s, e, k, "pattern")
                n.value = dates.value(piece) if k == "DATE" else None
                out.append(n)
                live.add(n)
                taken.add(i, s, e)
    return [m for m in out if m in live]


# --------------------------------------------------------------------------- labels

_ORDINAL_BEFORE = re.compile(r"(?:\b\d{4}|\b\d+(?:st|nd|rd|th)|\b[A-Z][a-z]+(?:st|nd|rd|th))\s+$")
_YEAR_AFTER = re.compile(r"^\s+\d{4}\b")
#: Event heads that name a standing body more often than a meeting ("the U.S. Congress",
#: "the National Congress"): an event only with a sign of one, an ordinal or a year before it,
#: or a word such as "International" in it ("the 18th Party Congress", "World Congress").
_BODY_HEADS = frozenset({"congress"})
_MEETING_WORDS = frozenset("international world annual biennial".split())
_ORDINAL_IN = re.compile(r"\b(?:\d{4}|\d+(?:st|nd|rd|th)|First|Second|Third|Fourth|Fifth|Sixth|Seventh|Eighth|Ninth|Tenth)\b")


def fix_events(ms: list[Mention], texts: list[str]) -> list[Mention]:
    """Names ending in an event noun ("... Film Festival") or starting with a storm word are events.

    An "event" that is the name of a country, state or region ("Far East") is that place,
    and a "Congress" with no sign of a meeting ("the U.S. Congress") is a standing body.
    """
    gaz = gazetteer()
    for m in ms:
        if m.label == "EVENT" and (p := gaz.lookup(m.text(texts))) is not None and p.kind != "city":
            m.label = "LOC" if p.kind == "continent" else "GPE"
    for m in ms:
        if m.label not in NAME_LABELS or m.label in {"LAW", "NORP"}:
            continue
        t = m.text(texts)
        words = [w for w in re.findall(r"[A-Za-z]+", t)]
        if not words:
            continue
        alpha = [w for w in words if not re.fullmatch(r"[IVX]+", w)] or words
        if len(words) >= 2 and alpha[-1].lower() in _BODY_HEADS and m.label in {"ORG", "EVENT"}:
            before = _ORDINAL_BEFORE.search(texts[m.seg], max(0, m.start - 40), m.start)
            meeting = ((before is not None and before.end() == m.start) or _ORDINAL_IN.search(t) is not None
                       or any(w.lower() in _MEETING_WORDS for w in words))
            m.label = "EVENT" if meeting else "ORG"
            continue
        if m.label == "EVENT":
            continue
        of_event = len(words) >= 3 and words[0].lower() in EVENT_OF and words[1] == "of"
        if len(words) >= 2 and (alpha[-1].lower() in EVENT_HEADS or words[0].lower() in EVENT_STARTS or of_event) and words[0][0].isupper():
            m.label = "EVENT"
    for m in ms:
        if m.label != "EVENT":
            continue
        text = texts[m.seg]
        b = _ORDINAL_BEFORE.search(text, max(0, m.start - 40), m.start)
        if b and b.end() == m.start:
            m.start = b.start()
        a = _YEAR_AFTER.match(text, m.end)
        if a:
            m.end = a.end()
    # an event swallowed a date the model found next to it
    events = SpanIndex([m for m in ms if m.label == "EVENT"])
    return [m for m in ms if not (m.label in {"DATE", "DURATION"} and any(
        e.start <= m.start and m.end <= e.end for e in events.find(m.seg, m.start, m.end)))]


_CITATION = re.compile(
    r"^(?P<names>[A-Z][\w'’-]+(?:\s*,\s*[A-Z][\w'’-]+)*,?\s*(?:&|and)\s*[A-Z][\w'’-]+)(?P<year>\s*,?\s*\d{4}[a-z]?)?$"
)
_NAME_IN_CITATION = re.compile(r"[A-Z][\w'’-]+")
_LOC_HEADS = frozenset("harbour harbor river lake mountain mountains mount island islands bay beach sea ocean desert forest valley coast cape canyon falls peninsula gulf strait swamp".split())


def fix_names(ms: list[Mention], texts: list[str]) -> list[Mention]:
    """Label and span fixes that need no page context.

    * a citation the model took for an organisation ("Carrano & Biewener 2011")
      is the persons it names, and its year a date;
    * a place with digits is a product ("IE6") or a score ("Sweden 1");
    * an acronym the model called a place but that is no country is an organisation;
    * "Secretary of State" holds no organisation; "Department of Justice" is one;
    * a person or organisation named after a place noun ("Socotra Hotel") is a place.
    """
    out: list[Mention] = []
    for m in ms:
        text = texts[m.seg]
        t = m.text(texts)
        if m.label in {"ORG", "PERSON"}:
            cm = _CITATION.match(t)
            after = text[m.end:m.end + 12]
            if cm and (cm.group("year") or re.match(r"\s*[,(]?\s*\(?\d{4}|\s*\[\d+", after) or re.search(r"\(\s*$", text[max(0, m.start - 10):m.start])):
                for nm in _NAME_IN_CITATION.finditer(cm.group("names")):
                    out.append(Mention(m.seg, m.start + nm.start(), m.start + nm.end(), "PERSON", "citation"))
                if cm.group("year"):
                    ys = m.start + cm.start("year")
                    a, b = _strip_punct(text, ys, m.start + cm.end("year"))
                    d = Mention(m.seg, a, b, "DATE", m.origin)
                    d.value = dates.value(text[a:b])
                    out.append(d)
                continue
        if m.label == "ORG" and re.search(r"\s\d+$", t):
            tm = re.match(r"^(.*?[^\d\s])\s+\d+$", t)
            if tm and gazetteer().lookup(tm.group(1)) is not None:  # "Sweden 1" in a score line
                m.label = "GPE"
        if m.label in {"GPE", "LOC"}:
            gaz = gazetteer()
            if re.search(r"\d", t) and gaz.lookup(t) is None:
                tm = re.match(r"^(.*?[^\d\s])\s+\d+$", t)
                if tm and gaz.lookup(tm.group(1)) is not None:  # "Sweden 1" in a score line
                    m.end = m.start + len(tm.group(1))
                else:
                    continue  # "IE6", "Windows XP 2": products, not places
            elif t.replace(".", "").isupper() and gaz.country_code(t) is None and gaz.lookup(t) is None:
                m.label = "ORG"  # an acronym that is no country: "ISIL"
        if m.label == "NORP" and len(t) > 1 and t.isupper() and gazetteer().lookup(t) is None:
            m.label = "ORG"  # an acronym is no nationality: "ISIL terrorists"
        if m.label == "ORG" and " " not in t:
            before = text[max(0, m.start - 30):m.start]
            om = re.search(r"\b(Department|Ministry|Office|Secretary|Minister|Secretaries|Ministers)\s+(?:of|for)\s+(?:the\s+)?$", before)
            if om:
                if om.group(1).startswith(("Secretar", "Minister")):
                    continue  # "Secretary of State": a title, not a name
                m.start -= len(before) - om.start()
        if m.label in {"ORG", "PERSON"} and len(t.split()) >= 2:
            last = _bare(t.split()[-1])
            om = re.match(r"(.+?)\s+of\s", t)
            if om and _bare(om.group(1).split()[-1]) in PLACE_HEADS and _bare(om.group(1).split()[-1]) not in ORG_HEADS:
                last = _bare(om.group(1).split()[-1])  # "Metropolitan Museum of Art": named by its first part
            if last in PLACE_HEADS:
                m.label = "LOC" if last in _LOC_HEADS else "FAC"
            elif m.label == "PERSON" and last in ORG_HEADS:
                m.label = "ORG"  # "the Kan Administration", "Cabinet Secretariat"
        out.append(m)
    return out


_CITE_PAREN = re.compile(r"\(([^()]{0,400}?\b(?:1[5-9]|20)\d{2}[a-z]?)\)")
_CITE_NAME = re.compile(r"(?<![\w'’-])(?:(?:van|von|de|der|den|da|di|le|la)\s+)*[A-Z][\w'’-]*[a-z][\w'’-]*(?![\w'’-])")
_CITE_BEFORE = re.compile(
    r"((?:[A-Z][\w'’-]+)(?:\s*,\s*[A-Z][\w'’-]+)*(?:,?\s*(?:&|and)\s*[A-Z][\w'’-]+)?(?:\s+et\s+al\.?)?)\s*$")


def citations(ms: list[Mention], texts: list[str]) -> list[Mention]:
    """Authors in academic citations are persons: "(Boot, Kramer, & Gratton, 2008)", "Cruse and Croft (2004)"."""
    spans: list[tuple[int, int, int]] = []
    for i, text in enumerate(texts):
        if "(" not in text:
            continue
        for pm in _CITE_PAREN.finditer(text):
            inner0 = pm.start(1)
            for part in re.finditer(r"[^;]+", pm.group(1)):
                ptxt = part.group(0)
                ym = re.search(r"\b(?:1[5-9]|20)\d{2}[a-z]?\b", ptxt)
                if not ym:
                    continue
                head = ptxt[:ym.start()]
                if not re.search(r"(?:,|&|\band\b|et al)\s*$|^\s*[A-Z][\w'’-]+\s*$", head.strip() + ("," if head.rstrip().endswith(",") else "")):
                    continue
                for nm in _CITE_NAME.finditer(head):
                    if nm.group(0) in {"In", "See", "Cf", "For", "Also", "But", "And"} or nm.group(0).lower() in dates.MONTHS:
                        continue
                    spans.append((i, inner0 + part.start() + nm.start(), inner0 + part.start() + nm.end()))
            # names just before "(2004)"
            if re.fullmatch(r"\s*(?:1[5-9]|20)\d{2}[a-z]?(?:\s*[,:]\s*(?:p\.\s*)?\d+(?:-\d+)?)?\s*", pm.group(1)):
                bm = _CITE_BEFORE.search(text, max(0, pm.start() - 80), pm.start())
                if bm:
                    for nm in _CITE_NAME.finditer(bm.group(1)):
                        spans.append((i, bm.start(1) + nm.start(), bm.start(1) + nm.end()))
    if not spans:
        return ms
    sidx = SpanIndex()
    for i, a, b in spans:
        sidx.add(i, a, b)
    out = []
    for m in ms:
        if m.label != "DATE" and m.label != "DURATION" and sidx.overlaps(m.seg, m.start, m.end):
            continue  # replaced by the authors' names
        out.append(m)
    oidx = SpanIndex(out)
    for i, a, b in spans:
        if not oidx.overlaps(i, a, b):
            out.append(Mention(i, a, b, "PERSON", "citation"))
            oidx.add(i, a, b)
    return out


#: Last words of organisation names: a span ending so is no person even after a given name.
ORG_HEADS = frozenset(
    """inc ltd llc plc corp corporation company co group party council university college school institute
    academy news times post press airlines airways bank church society association foundation union league
    club team agency committee commission ministry department office board centre center records studios
    administration government cabinet secretariat parliament assembly senate court police army navy
    embassy consulate""".split()
)
_NAME_TOKEN = re.compile(r"^(?:[A-Z][a-zà-ÿ'’-]+|[A-Z]\.)$")


def _looks_like_person(t: str, lower_words: set[str]) -> bool:
    toks = t.split()
    if not 2 <= len(toks) <= 3 or not all(_NAME_TOKEN.match(x) for x in toks):
        return False
    if not is_given_name(toks[0]) or toks[0].lower() in lower_words:
        return False
    last = toks[-1].lower()
    if last in ORG_HEADS or last in PLACE_HEADS or last in lower_words or last.rstrip(".") in TITLES:
        return False
    gaz = gazetteer()
    return gaz.lookup(t) is None and all(
        (p := gaz.lookup(x)) is None or p.kind == "city" for x in toks)


#: What follows a person's name where a biography introduces it: "Brock Wyatt Holt (born June 11, 1988)", "(née Smith)".
_BIRTH_NOTE = re.compile(r"\s*\((?:born|b\.|n[ée]e?)\s")


def person_fixes(ms: list[Mention], texts: list[str]) -> list[Mention]:
    """Given name + surname is a person, whatever the model said.

    * "Knox Thames" labelled ORG -> PERSON;
    * a name followed by "(born ..." or "(née ..." -> PERSON, given names the
      name list lacks or not ("Brock Wyatt Holt (born June 11, 1988)");
    * "Dries" (ORG) + "Mertens" (PERSON), or an unlabelled given name just
      before a one-word person -> one PERSON "Dries Mertens".
    """
    lower_words = {w.lower() for t in texts for w in re.findall(r"\b[a-z][a-z'-]+\b", t)}
    for m in ms:
        if m.label in {"ORG", "GPE", "LOC", "FAC", "NORP", "EVENT"} and (
                _looks_like_person(m.text(texts), lower_words)
                or (_BIRTH_NOTE.match(texts[m.seg], m.end) and all(_NAME_TOKEN.match(x) for x in m.text(texts).split()))):
            m.label = "PERSON"
    ms = sorted(ms, key=lambda m: (m.seg, m.start))
    out: list[Mention] = []
    for m in ms:
        prev = out[-1] if out else None
        text = texts[m.seg]
        if (m.label == "PERSON" and " " not in m.text(texts) and prev is not None and prev.seg == m.seg
                and prev.label in NAME_LABELS and text[prev.end:m.start] == " " and " " not in prev.text(texts)
                and is_given_name(prev.text(texts)) and prev.text(texts).lower() not in lower_words):
            prev.end, prev.label = m.end, "PERSON"
            continue
        if m.label == "PERSON":
            # an unlabelled given name just before: "William" + "Graham Sumner"
            gm = re.search(r"(?<![\w.])([A-Z][a-z]+) $", text[max(0, m.start - 30):m.start])
            if gm and _free_given_name(gm.group(1), lower_words) and not (
                    prev is not None and prev.seg == m.seg and prev.end > m.start - len(gm.group(0))):
                m.start -= len(gm.group(0))
            # a lone given name followed by an unlabelled surname: "Dries" + "Mertens"
            t = m.text(texts)
            if " " not in t and is_given_name(t):
                fm = re.match(r" ([A-Z][a-z][\w'’-]*)(?![\w'’-])", text[m.end:m.end + 40])
                if fm:
                    w = fm.group(1).lower()
                    if not (w in lower_words or w in TITLES or w in ORG_HEADS or w in PLACE_HEADS
                            or w in INTERJECTIONS or w in dates.MONTHS or w in dates.WEEKDAYS):
                        m.end += fm.end()
        out.append(m)
    # a surname that the extension swallowed was a mention of its own: keep the longer one
    return resolve(out)


def _free_given_name(word: str, lower_words: set[str]) -> bool:
    w = word.lower()
    return (is_given_name(word) and w not in lower_words and w not in INTERJECTIONS and w not in TITLES
            and w not in STOP_EDGE and w not in dates.MONTHS and w not in dates.WEEKDAYS)


def _person_parts(ms: list[Mention], texts: list[str], lower_words: set[str]) -> dict[str, set[str]]:
    """Name parts -> full names: "Holt" -> {"Harold Holt"} for the multi-word persons on the page."""
    parts: dict[str, set[str]] = defaultdict(set)
    for m in ms:
        if m.label != "PERSON":
            continue
        t = m.text(texts)
        toks = [x for x in t.split() if x]
        if len(toks) < 2:
            continue
        full = " ".join(toks)
        gaz = gazetteer()
        if _bare(toks[-1]) in lower_words or any(_bare(x) in TITLES or _bare(x) in PLACE_HEADS for x in toks) or any(
                (p := gaz.lookup(x.strip(_EDGE_PUNCT))) is not None and p.kind != "city" for x in toks):
            continue  # "Socotra Hotel", "Virginia Governor": not a person's name to spread
        parts[full].add(full)
        cands = [toks[-1], toks[0]]
        if re.fullmatch(r"(?:Jr|Sr|[IVX]+)\.?", toks[-1]) and len(toks) > 2:
            cands[0] = toks[-2].rstrip(",")
        for p in list(cands):
            am = re.match(r"^(?:al|el|ad|as|ash|an|ar|at|az)[-‑]([A-Z]\w+)$", p.strip(_EDGE_PUNCT))
            if am:  # "Bashar al-Asad" ... "Asad"
                cands.append(am.group(1))
        for p in cands:
            p = p.strip(_EDGE_PUNCT)
            if (len(p) < 3 or not p[0].isupper() or p.lower() in TITLES or p.lower() in lower_words
                    or p.isupper() or not p.isalpha() and "-" not in p):
                continue
            parts[p].add(full)
    for m in ms:
        if m.origin == "citation":
            t = m.text(texts)
            parts[t].add(t)
    return parts


_LOCATIVE = re.compile(
    r"\b(?:in|near|across|throughout|around|outside|inside|towards|toward|via|into|to|from|of|island of|city of|town of|village of)\s+$"
)
#: A compass or quarter word before a known place: "North Oakland", "Central Asia".
_COMPASS = re.compile(r"(?:North|South|East|West|Northern|Southern|Eastern|Western|Central|Downtown|Old|Greater)\s+([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)$")
#: Words of a page about sport, where a town's name may be its team's ("played for Altoona").
SPORT_WORDS = frozenset(
    """season league game games team teams coach match matches tournament championship playoff playoffs
    innings inning goal goals baseball football soccer basketball hockey cricket rugby""".split()
)


def about_sport(texts: list[str]) -> bool:
    page_words = {w.lower() for t in texts for w in re.findall(r"\b[a-z]+\b", t)}
    return len(page_words & SPORT_WORDS) >= 2


#: First words of place names that make the next word a place name too: "Mount Sinjar", "Lake Chad".
_AFTER_PLACE_PREFIX = re.compile(r"\b(?:Mount|Mt\.?|Lake|Cape|Isle of)\s+([A-Z][\w'’-]+)(?![\w'’-]|\s+[A-Z])")
_PLACE_VERBS = re.compile(r"\b(?:in|near|across|throughout|outside|into|towards|toward)\s+$")


def _heads_its_phrase(text: str, end: int) -> bool:
    """No lower-case noun follows the name: "in Sinjar, ...", not "in Scientology jargon"."""
    nm = re.match(r"\s*([a-z]+)\b", text[end:end + 30])
    return nm is None or nm.group(1) in FUNCTION_WORDS


def place_fixes(ms: list[Mention], texts: list[str], person_words: set[str]) -> None:
    """Names the model called a person, organisation or group that are places.

    Evidence for a place: the gazetteer knows the name (a city the model
    calls an organisation only when it is a town on a page not about sport:
    big cities name teams and universities), or on this page it stands after
    "in"/"near"/"across"..., or it heads or ends a place name ("Socotra
    Island", "Mount Sinjar"). A name that is part of a person's full name on
    the page is never turned into a place. The evidence of one mention holds for every
    mention of the same name on the page.
    """
    gaz = gazetteer()
    sport = about_sport(texts)
    # "Mount Sinjar", "Lake Chad": the name after the prefix names a place
    evidence: set[str] = {pm.group(1) for t in texts for pm in _AFTER_PLACE_PREFIX.finditer(t)} - person_words
    for m in ms:
        t = m.text(texts)
        if m.label in PLACE_LABELS:
            toks = t.split()
            if len(toks) >= 2 and _bare(toks[-1]) in PLACE_HEADS | {"city", "province", "governorate", "region", "district"}:
                evidence.add(" ".join(toks[:-1]))
            continue
        if m.label not in {"PERSON", "ORG", "NORP"}:
            continue
        if t in person_words or any(w in person_words for w in t.split()):
            continue
        p = gaz.lookup(t)
        if p is not None and not (p.kind == "city" and (p.population < 100_000 or m.label == "ORG")):
            evidence.add(t)
        elif (p is not None and p.kind == "city" and m.label == "ORG" and p.population < 100_000 and not sport
              and t not in orgs.INSTITUTIONS and t not in KNOWN_ORGS):
            # a big city's name on an organisation is often its team or university;
            # a town's is a team only on a page about sport
            evidence.add(t)
        elif (m.label == "PERSON" or m.label == "ORG" and not t.isupper() and t not in orgs.INSTITUTIONS
              and t not in KNOWN_ORGS) and " " not in t and _PLACE_VERBS.search(texts[m.seg], max(0, m.start - 15), m.start) and not re.match(
                r"['’]s\b", texts[m.seg][m.end:m.end + 3]) and _heads_its_phrase(texts[m.seg], m.end):
            evidence.add(t)
        # "Austin, Texas": a name followed by a state or country is a town
        after = re.match(r",\s+([A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)", texts[m.seg][m.end:m.end + 40])
        if after and " " not in t:
            ap = gaz.lookup(after.group(1))
            if ap is not None and ap.kind in {"state", "country"}:
                evidence.add(t)
    for m in ms:
        # "New" + "York": the model cut a place name short
        if m.label in {"PERSON", "ORG", "NORP", "GPE"}:
            bm = re.search(r"(?<![\w'’-])([A-Z][a-z]+) $", texts[m.seg][max(0, m.start - 20):m.start])
            if bm and bm.group(1) not in {"The", "In", "At", "From", "To", "Of"}:
                longer = bm.group(1) + " " + m.text(texts)
                lp = gaz.lookup(longer)
                if lp is not None and (lp.kind != "city" or lp.population >= 100_000):
                    m.start -= len(bm.group(0))
                    m.label = "LOC" if lp.kind == "continent" else "GPE"
                    continue
        cm = _COMPASS.match(m.text(texts))
        if m.label in {"PERSON", "ORG", "NORP"} and cm and (base := gaz.lookup(cm.group(1))) is not None:
            # "North Oakland": a part of a known place; "Central Asia": a region
            whole = gaz.lookup(m.text(texts)) or base
            m.label = "LOC" if whole.kind == "continent" or base.kind == "continent" else "GPE"
            continue
        if m.label in {"PERSON", "ORG", "NORP"} and m.text(texts) in evidence:
            p = gaz.lookup(m.text(texts))
            m.label = "LOC" if p is not None and p.kind == "continent" else "GPE"
            m.origin = m.origin + "+place"


def propagate(ms: list[Mention], texts: list[str]) -> list[Mention]:
    """Names repeated on the page: one label per name, and the mentions the model missed."""
    lower_words = {w.lower() for t in texts for w in re.findall(r"\b[a-z][a-z'-]+\b", t)}
    # 1. persons: full names and their parts
    parts = _person_parts(ms, texts, lower_words)
    person_words = set(parts)
    for m in ms:
        if m.label != "PERSON" and m.label in NAME_LABELS and m.text(texts) in parts:
            m.label = "PERSON"
    fulls = sorted((p for p in parts if " " in p), key=len, reverse=True)
    extra: list[Mention] = []
    for m in ms:
        if m.label == "PERSON" or m.label not in NAME_LABELS:
            continue
        t = m.text(texts)
        for full in fulls:
            if t.endswith(" " + full):
                cut = m.end - len(full)
                extra.append(Mention(m.seg, cut, m.end, "PERSON", "alias"))
                a, b = trim_name(texts[m.seg], m.start, cut, m.label)
                m.start, m.end = a, b
                pre = texts[m.seg][a:b]
                gp = gazetteer().lookup(pre)
                if gp is not None:
                    m.label = "LOC" if gp.kind == "continent" else "GPE"
                elif re.match(r"(?:North|South|East|West|Middle|Central|Far|Near)\b", pre):
                    m.label = "LOC"  # "the Middle East Tobias Ellwood"
                else:
                    m.end = m.start  # dropped by resolve()
                break
    ms.extend(extra)
    place_fixes(ms, texts, person_words)
    # 2. one label per name on the page (majority of the model's votes)
    votes: dict[str, Counter] = defaultdict(Counter)
    for m in ms:
        if m.label in NAME_LABELS:
            votes[fold(m.text(texts))][m.label] += 1
    for m in ms:
        if m.label in NAME_LABELS:
            v = votes[fold(m.text(texts))]
            if m.text(texts) in parts:
                continue
            best, n = v.most_common(1)[0]
            place_votes = [lab for lab in v if lab in PLACE_LABELS]
            if (place_votes and m.label not in PLACE_LABELS and gazetteer().lookup(m.text(texts)) is not None
                    and sum(v[lab] for lab in place_votes) >= n):
                m.label = max(place_votes, key=lambda lab: v[lab])  # the gazetteer breaks the tie for a place
            elif (place_votes and v["ORG"] and 2 * v["ORG"] >= sum(v[lab] for lab in place_votes)
                  and gazetteer().lookup(m.text(texts)) is None):
                m.label = "ORG"  # no place the gazetteer knows, and the model often says organisation
            elif n > v[m.label]:
                m.label = best
    # 3. acronyms defined in brackets: "Islamic State of Iraq and the Levant (ISIL)"
    out = list(ms)
    oidx = SpanIndex(out)
    for m in ms:
        if m.label not in NAME_LABELS or len(m.text(texts).split()) < 2:
            continue
        am = re.match(r"\s*\(\s*([A-Z][A-Za-z&.’'-]*[A-Z])\s*\)", texts[m.seg][m.end:m.end + 40])
        if am:
            s, e = m.end + am.start(1), m.end + am.end(1)
            found = oidx.find(m.seg, s, e)
            if not found:
                n = Mention(m.seg, s, e, m.label, "acronym")
                out.append(n)
                oidx.add(m.seg, s, e, n)
            else:
                for o in found:
                    if o.start == s and o.end == e:
                        o.label = m.label
    # 4. mentions the model missed: other occurrences of a name it found
    names: dict[str, str] = {}
    for m in out:
        if m.label not in NAME_LABELS:
            continue
        t = m.text(texts)
        if len(t) < 2 or t.lower() in lower_words:
            continue
        if m.label == "PERSON" and t in parts:
            names[t] = "PERSON"
        elif m.label != "PERSON" and (len(t.split()) > 1 or (t.isupper() and len(t) >= 2) or votes[fold(t)].total() >= 2
                                      or m.origin == "acronym"):
            names.setdefault(t, m.label)
    for p in parts:
        names[p] = "PERSON"
    taken = SpanIndex(out)
    if names:
        # one pass per text: longest names first, whole words only, a possessive allowed after
        alts = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
        pat = re.compile(r"(?<![\w-])(?:" + alts + r")(?![\w-]|['’][a-rt-z])")
        for i, text in enumerate(texts):
            for mt in pat.finditer(text):
                s, e = mt.span()
                if taken.overlaps(i, s, e):
                    continue
                out.append(Mention(i, s, e, names[mt.group(0)], "alias"))
                taken.add(i, s, e)
    return out


_CAPSEQ = re.compile(r"(?<![\w’'-])(?:[A-Z][\w’'.-]*)(?:\s+(?:[A-Z][\w’'.-]*))*")


def add_places(ms: list[Mention], texts: list[str]) -> list[Mention]:
    """Countries, states, continents and big cities the model did not mark."""
    gaz = gazetteer()
    lower_words = {w.lower() for t in texts for w in re.findall(r"\b[a-z][a-z'-]+\b", t)}
    taken = SpanIndex(ms)
    out = list(ms)
    for i, text in enumerate(texts):
        for cm in _CAPSEQ.finditer(text):
            s, e = _strip_punct(text, *cm.span())
            if e <= s or taken.overlaps(i, s, e):
                continue
            t = text[s:e]
            p = gaz.lookup(t)
            if p is None:
                continue
            if p.kind == "city" and p.population < BIG_CITY and not _PLACE_VERBS.search(text, max(0, s - 15), s):
                continue  # a smaller town only after "in", "near", "across"...
            if " " not in t and (t.lower() in lower_words or (_sentence_initial(text, s) and p.kind == "city")):
                continue
            if t.isupper() and len(t) <= 3 and p.kind != "country":
                continue
            out.append(Mention(i, s, e, "GPE" if p.kind != "continent" else "LOC", "gazetteer"))
            taken.add(i, s, e)
    return out


# --------------------------------------------------------------------------- overlaps, normalisation


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


def normalise(ms: list[Mention], texts: list[str]) -> None:
    gaz = gazetteer()
    for m in ms:
        if m.label in {"GPE", "LOC"}:
            m.country = gaz.country_code(m.text(texts))


def corefer(ms: list[Mention], texts: list[str]) -> None:
    """Give mentions of the same person or organisation one ref (the index of the first mention)."""
    clusters: dict[str, int] = {}  # key -> ref
    persons: list[tuple[list[str], int]] = []  # tokens of full names, ref
    for idx, m in enumerate(ms):
        if m.label != "PERSON":
            continue
        toks = m.text(texts).split()
        if len(toks) >= 2:
            key = "P:" + " ".join(toks)
            if key not in clusters:
                clusters[key] = idx
                persons.append((toks, idx))
            m.ref = clusters[key]
    for idx, m in enumerate(ms):
        t = m.text(texts)
        if m.label == "PERSON" and m.ref is None:
            hits = {ref for toks, ref in persons if t in toks}
            surname_hits = {ref for toks, ref in persons if toks[-1] == t}
            if len(hits) == 1:
                m.ref = hits.pop()
            elif len(surname_hits) == 1:
                m.ref = surname_hits.pop()
            else:
                m.ref = clusters.setdefault("P:" + t, idx)
        elif m.label == "ORG":
            m.ref = clusters.setdefault("O:" + fold(t), idx)
    # acronyms: "ISIL" after "Islamic State of Iraq and the Levant (ISIL)"
    for idx, m in enumerate(ms):
        if m.origin == "acronym" and m.label == "ORG" and idx > 0:
            prev = ms[idx - 1]
            if prev.label == "ORG" and prev.seg == m.seg:
                long_ref, short_ref = prev.ref, m.ref
                for o in ms:
                    if o.label == "ORG" and o.ref == short_ref:
                        o.ref = long_ref


def drop_lone_words(ms: list[Mention], texts: list[str]) -> list[Mention]:
    """A one-word organisation named once on the page, not an acronym, is too often no name at all.

    A title word alone ("Madam Chair", "Rewards for Justice") or a single letter
    ("the design-based F") is never an organisation.
    """
    counts = Counter(m.text(texts) for m in ms)
    out = []
    for m in ms:
        t = m.text(texts)
        if m.label == "ORG" and (t.lower() in TITLES or len(t.rstrip(".")) == 1):
            continue
        if (m.label == "ORG" and m.origin == "model" and " " not in t and not t.replace(".", "").isupper()
                and counts[t] == 1):
            continue
        out.append(m)
    return out


def _not_a_name(word: str) -> bool:
    """A capitalised word that is no part of a person's name: a place, an organisation or place word, a month."""
    w = word.lower()
    return (w in ORG_HEADS or w in PLACE_HEADS or w in dates.MONTHS or w in dates.WEEKDAYS or w in STOP_EDGE
            or gazetteer().lookup(word) is not None)


def _country_at_start(text: str) -> int:
    """Length of the country name (of up to three words) that starts ``text``, else 0."""
    words = list(_WORD.finditer(text))
    for k in (3, 2, 1):
        if len(words) > k:
            head = text[:words[k - 1].end()]
            p = gazetteer().lookup(head)
            if p is not None and p.kind == "country":
                return len(head)
    return 0


@dataclass(slots=True)
class _Page:
    """What the steps share besides the mentions: words of the page, computed once."""

    texts: list[str]
    # words used in lower case on the page (e-mail and web addresses left out: "laura.fenwick@...")
    lower_words: set[str]
    # words of multi-word PERSON names, as they stand after ``person_pairs``
    person_words: set[str]
    # each line's title case, read once per page (not once per mention)
    title_lines: orgs.TitleLines


def _is_place(w: str) -> bool:
    return gazetteer().lookup(w) is not None


def _is_kind(kind: str):
    return lambda w: (p := gazetteer().lookup(w)) is not None and p.kind == kind


def _note_person_words(ms: list[Mention], pg: _Page) -> list[Mention]:
    pg.person_words = {w for m in ms if m.label == "PERSON" and " " in m.text(pg.texts) for w in m.text(pg.texts).split()}
    return ms


def _in_place(fn):
    """A step that changes the mentions in place, as one that returns them."""

    def step(ms: list[Mention], pg: _Page) -> list[Mention]:
        fn(ms, pg.texts)
        return ms

    return step


@dataclass(frozen=True, slots=True)
class Step:
    """One named pass of :func:`refine`: ``run(mentions, page) -> mentions``.

    ``fixed`` steps are bookkeeping the others rely on (which labels exist,
    words noted for later steps), so ``--without`` cannot switch them off.
    """

    name: str
    run: Callable[[list[Mention], _Page], list[Mention]]
    fixed: bool = False


def _looks_like_person_on(pg: _Page):
    return lambda t: _looks_like_person(t, pg.lower_words)


#: Every pass after the model, in the order they run. The names are stable:
#: ``pagemill eval --without NAME`` and the ablation table use them.
STEPS: tuple[Step, ...] = (
    Step("keep_labels", lambda ms, pg: [m for m in ms if m.label in LABELS], fixed=True),
    Step("split_lines", lambda ms, pg: split_lines(ms, pg.texts)),
    Step("trim_spans", lambda ms, pg: trim_spans(ms, pg.texts)),
    Step("fix_dates", lambda ms, pg: fix_dates(ms, pg.texts)),
    Step("add_date_patterns", lambda ms, pg: add_date_patterns(ms, pg.texts)),
    Step("fix_names", lambda ms, pg: fix_names(ms, pg.texts)),
    Step("title_line_orgs", lambda ms, pg: orgs.title_line_orgs(ms, pg.texts, pg.title_lines)),
    Step("common_of_phrases", lambda ms, pg: orgs.common_of_phrases(ms, pg.texts, ORG_HEADS, PLACE_HEADS)),
    Step("split_orgs", lambda ms, pg: orgs.split_orgs(ms, pg.texts, _looks_like_person_on(pg))),
    Step("citations", lambda ms, pg: citations(ms, pg.texts)),
    Step("person_fixes", lambda ms, pg: person_fixes(ms, pg.texts)),
    Step("join_particles", lambda ms, pg: people.join_particles(ms, pg.texts)),
    Step("title_line_trim", lambda ms, pg: people.title_line_trim(ms, pg.texts, pg.title_lines.at)),
    Step("event_names", lambda ms, pg: orgs.event_names(ms, pg.texts, EVENT_HEADS, _is_place)),
    Step("fix_events", lambda ms, pg: fix_events(ms, pg.texts)),
    Step("resolve_overlaps", lambda ms, pg: resolve(ms)),
    Step("org_heads", lambda ms, pg: orgs.org_heads(ms, pg.texts, ORG_HEADS, _is_kind("country"))),
    Step("inner_breaks", lambda ms, pg: orgs.inner_breaks(ms, pg.texts, ORG_HEADS, _looks_like_person_on(pg))),
    Step("team_names", lambda ms, pg: orgs.team_names(ms, pg.texts, _is_kind("city"), about_sport(pg.texts))),
    Step("country_prefixes", lambda ms, pg: orgs.country_prefixes(ms, pg.texts, ORG_HEADS, _country_at_start)),
    Step("titled_names", lambda ms, pg: people.titled_names(ms, pg.texts, TITLES, pg.lower_words, _not_a_name)),
    Step("given_name_places", lambda ms, pg: people.given_name_places(ms, pg.texts, gazetteer().lookup)),
    Step("ruler_names", lambda ms, pg: people.ruler_names(ms, pg.texts, _is_place, KNOWN_ORGS)),
    Step("propagate", lambda ms, pg: propagate(ms, pg.texts)),
    Step("person_pairs", lambda ms, pg: people.person_pairs(ms, pg.texts)),
    Step("note_person_words", _note_person_words, fixed=True),
    Step("term_acronyms", lambda ms, pg: orgs.term_acronyms(ms, pg.texts, ORG_HEADS, people.is_common)),
    Step("counted_acronyms", lambda ms, pg: orgs.counted_acronyms(ms, pg.texts)),
    Step("works", lambda ms, pg: orgs.works(ms, pg.texts)),
    Step("awards", lambda ms, pg: orgs.awards(ms, pg.texts, ORG_HEADS)),
    Step("known_names", lambda ms, pg: orgs.known_names(ms, pg.texts)),
    Step("language_names", lambda ms, pg: orgs.language_names(ms, pg.texts)),
    Step("institutions", lambda ms, pg: orgs.institutions(ms, pg.texts)),
    Step("common_word_names", lambda ms, pg: people.common_word_names(ms, pg.texts, pg.lower_words, pg.person_words)),
    Step("add_places", lambda ms, pg: add_places(ms, pg.texts)),
    Step("resolve_overlaps_final", lambda ms, pg: resolve(ms)),
    Step("drop_lone_words", lambda ms, pg: drop_lone_words(ms, pg.texts)),
    Step("normalise", _in_place(normalise)),
    Step("corefer", _in_place(corefer)),
)

#: The names ``--without`` accepts, in run order.
SWITCHABLE: tuple[str, ...] = tuple(s.name for s in STEPS if not s.fixed)


def check_without(names) -> frozenset[str]:
    """``names`` as a set, or ValueError naming the unknown ones and listing the known."""
    names = frozenset(names)
    unknown = sorted(names - set(SWITCHABLE))
    if unknown:
        raise ValueError(f"unknown step(s) {', '.join(unknown)}; known steps: {', '.join(SWITCHABLE)}")
    return names


def refine(ms: list[Mention], texts: list[str], without: frozenset[str] = frozenset()) -> list[Mention]:
    """Run :data:`STEPS` over the model's mentions, leaving out the steps named in ``without``."""
    without = check_without(without)
    pg = _Page(
        texts, {w.lower() for t in texts for w in re.findall(r"\b[a-z][a-z'-]+\b", orgs.ADDRESS.sub(" ", t))}, set(), orgs.TitleLines(texts)
    )
    for step in STEPS:
        if step.name not in without:
            ms = step.run(ms, pg)
    return ms
