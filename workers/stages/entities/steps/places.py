"""Places the model did not mark: countries, states, regions and big cities from the gazetteer."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ....knowledge.gazetteer import CITY_POPULATION, state_codes
from ..core import (
    CUED_ORIGINS, PLACE_LABELS, PLACE_VERB_BEFORE, SPEECH_AFTER, THE_BEFORE, Mention, Page, SpanIndex, big_place, dateline_place, fold, gazetteer,
    CAPITALS, is_common, UNKNOWN_PLACE_LETTERS,
    lookup,
    place_label, sentence_initial, strip_punct, take_cued, trim_name, wire_dateline,
)
from ....knowledge.shapes import CAPITAL, CAPITAL_OR_MARK
from ....knowledge.lexicon import (
    BODY_WORDS, DIVISION_WORDS, HEADED_PLACE_BEFORE, INSTITUTIONS, LEGAL_FORMS, LOC_HEADS, LONE_PLACE_PREPOSITIONS, MONTHS, NATURAL_PLACE_KINDS, ORG_HEADS, ORG_OPENERS, PLACE_KIND_FOLLOWERS, PLACE_KINDS,
    PLACE_HEADS, PLACE_OF_NOUNS, PLACE_PARTICLES, PLACE_PLURALS,
    PLACE_VERBS, PLACE_VERBS_GUARDED, TITLES, TRAVEL_WORDS, WEEKDAYS, alternation,
)
from ....knowledge.words import is_given_name, is_listed

_CAPSEQ = re.compile(r"(?<![\w’'-])(?:[A-Z][\w’'.-]*)(?:\s+(?:[A-Z][\w’'.-]*))*")


# A run of capitalised words that may hold the small words of a place's name: "Sao Tome and Principe", "Isle of
# Man", "Rio de Janeiro". (Over spaces and tabs only: no name runs across a line break.)
_JOINING_WORDS = frozenset("and of the da de do dos das del la et du des di y".split())
_JOINED_RUN = re.compile(r"(?<![\w’'-])[A-Z][\w’'.-]*(?:[ \t]+(?:[A-Z][\w’'.-]*|" + alternation(_JOINING_WORDS) + r"))+")
#: Most words of such a name ("Saint Helena, Ascension and Tristan da Cunha" is written in parts).
JOINED_PLACE_WORDS = 6


def joined_places(ms: list[Mention], page: Page) -> list[Mention]:
    """A country's, state's or big city's name that holds small words is one place, not the pieces the model made
    of it ("Trinidad" a place and "Tobago" a person, or "Turks" a nationality): "Trinidad and Tobago", "Isle of
    Man"; so is a country's name of capitalised words alone ("French Guiana", not "French" a nationality). Where a
    longer mention holds the whole name ("Government of Trinidad and Tobago"), it is left to it."""
    gaz = gazetteer()
    taken = SpanIndex(ms)
    gone: set[int] = set()
    added: list[Mention] = []
    for i, text in enumerate(page.texts):
        for run in _JOINED_RUN.finditer(text):
            words = [(w.start() + run.start(), w.end() + run.start()) for w in re.finditer(r"\S+", run.group())]
            k = 0
            while k < len(words):
                found = None
                for j in range(min(len(words), k + JOINED_PLACE_WORDS), k + 1, -1):
                    s, e = strip_punct(text, words[k][0], words[j - 1][1])
                    inner = text[s:e].split()
                    if inner[-1] in _JOINING_WORDS or inner[0].lower() in _JOINING_WORDS:
                        continue  # (a name starts and ends on a name's word: not "the Tokelau" of "the Tokelau Society")
                    p = gaz.lookup(text[s:e])
                    # (a country's name of capitalised words alone too: "French Polynesia", not a nationality and a place)
                    if p is not None and (p.kind != "city" or p.population >= CITY_POPULATION) and (
                            _JOINING_WORDS.intersection(inner[1:-1]) or p.kind == "country"):
                        found = (s, e, p, j)
                        break
                if found is None:
                    k += 1
                    continue
                s, e, p, k = found
                over = [o for o in taken.find(i, s, e) if isinstance(o, Mention)]
                if all(s <= o.start and o.end <= e for o in over):
                    gone.update(id(o) for o in over)
                    added.append(Mention(i, s, e, place_label(p), "gazetteer"))
    return [m for m in ms if id(m) not in gone] + added if added else ms


#: A sentence's end inside a run of capitalised words: a full stop after a word of two small letters or more
#: ("... Gaborone. For the respondent"), not an abbreviation's ("St. Kitts", "U.S. Navy").
_RUN_SENTENCE_END = re.compile(r"(?<=[a-z]{2}\.)\s+")


def _caps_runs(text: str) -> Iterator[tuple[int, int, bool]]:
    """The runs of capitalised words in ``text``, cut where a sentence ends inside one; True for a piece so cut off."""
    for cm in _CAPSEQ.finditer(text):
        start = cm.start()
        for end in _RUN_SENTENCE_END.finditer(text, cm.start(), cm.end()):
            yield start, end.start(), True
            start = end.end()
        yield start, cm.end(), False


def add_places(ms: list[Mention], page: Page) -> list[Mention]:
    """Countries, states, continents and big cities the model did not mark."""
    texts = page.texts
    gaz = gazetteer()
    lower_words = page.lower_words
    taken = SpanIndex(ms)
    out = list(ms)
    for i, text in enumerate(texts):
        for s, e, cut in _caps_runs(text):
            s, e = strip_punct(text, s, e)
            if e <= s or taken.overlaps(i, s, e):
                continue
            t = text[s:e]
            dp = dateline_place(text, s, e)  # "OSLO, May 3 -": a place whatever its size or case
            if dp is None and " " in t and all(c.isupper() for c in t if c.isalpha()):  # (a script without case is no capitals)
                out.extend(_capitals_places(i, text, s, e, taken))
                continue
            p = dp or gaz.lookup(t)
            if p is None:
                continue
            if dp is None:
                if (p.kind == "city" and p.population < CITY_POPULATION and not PLACE_VERB_BEFORE.search(text, max(0, s - 15), s)
                        and not _LONE_PREPOSITION.search(text, max(0, s - _LONE_WINDOW), s) and not _listed_after_place(taken, i, text, s)):
                    continue  # a smaller town only after "in", "near", "at", "from"..., or in a list of places
                # (a sentence's first word is capitalised anyway: a city's name there that is also a common word or a
                # given name is as likely that, "Reading", "Florence"; "Kathmandu: Harbour Press" is the city)
                # (nor one closing a sentence before another: "Breakout Star - Male. He then ...")
                if " " not in t and (t.lower() in lower_words or ((cut or sentence_initial(text, s) and p.kind == "city")
                                                                  and (is_common(t) or is_given_name(t)))):
                    continue
                if t.isupper() and len(t) <= 3 and p.kind != "country":
                    continue
            out.append(Mention(i, s, e, "GPE" if p.kind != "continent" else "LOC", "gazetteer"))
            taken.add(i, s, e)
    return out


#: The end of a list's item before the next one: "Hue, ", "Da Nang and ", "Hue, Da Nang, and ".
_ITEM_BEFORE = re.compile(r"([^\W\d_][\w'’.-]*)(?:,[ \t]*(?:and[ \t]+|or[ \t]+)?|[ \t]+(?:and|or)[ \t]+)$")


def _listed_after_place(taken: SpanIndex, i: int, text: str, s: int) -> bool:
    """The name at ``s`` follows a place in a list: "Hue, Da Nang and Hoi An"."""
    im = _ITEM_BEFORE.search(text, max(0, s - 40), s)
    return im is not None and any(
        isinstance(o, Mention) and o.label in PLACE_LABELS and o.end == im.end(1) for o in taken.find(i, im.start(1), im.end(1)))


#: Words of a run in capitals, tried as place names: at most three together.
_CAPS_WORD = re.compile(rf"{CAPITAL}{CAPITAL_OR_MARK}*")


def _capitals_places(i: int, text: str, s: int, e: int, taken: SpanIndex) -> list[Mention]:
    """Places inside a run of capitals ("DOLLAR FIRMS IN EUROPE AS BONN HOLDS RATES"), where capitals mark no name.

    Each window of one to three words, longest first, is looked up: a country
    or continent is taken, a state or big city only when its name is no common
    word ("NICE WORK", "READING LIST").
    """
    gaz = gazetteer()
    words = [(m.start() + s, m.end() + s) for m in _CAPS_WORD.finditer(text[s:e])]
    found = []
    k = 0
    while k < len(words):
        for n in (3, 2, 1):
            if k + n > len(words):
                continue
            a, b = words[k][0], words[k + n - 1][1]
            a, b = strip_punct(text, a, b)
            name = text[a:b]
            p = gaz.places.get(fold(name)) if sum(c.isalpha() for c in name) >= 4 else None
            if p is None or taken.overlaps(i, a, b):
                continue
            if p.kind not in {"country", "continent"} and (
                    (p.kind == "city" and p.population < CITY_POPULATION) or (" " not in name and is_common(name))):
                continue
            found.append(Mention(i, a, b, "LOC" if p.kind == "continent" else "GPE", "gazetteer"))
            taken.add(i, a, b)
            k += n - 1
            break
        k += 1
    return found


#: A division's code after a town and a comma: "Austin, TX", "Perth, WA", "Dover, D.E." (with full stops or not).
_STATE_CODE = re.compile(r",[ \t]?((?:[A-Z]\.){2,3}|[A-Z]{2,3}\b)")


def state_codes_after_towns(ms: list[Mention], page: Page) -> list[Mention]:
    """The code of a state or district after a town and a comma is no organisation: "Austin, TX", "Perth, WA".

    The model and the acronym rule take the code for an organisation; it is dropped when it is a division of the
    country the gazetteer puts the town in, and the town stays a place of its own (gold pages of statements mark
    the capital alone before its district's code).
    """
    texts = page.texts
    codes: set[tuple[int, int]] = set()
    for m in ms:
        if m.label not in PLACE_LABELS:
            continue
        cm = _STATE_CODE.match(texts[m.seg], m.end)
        if cm and (p := lookup(m.text(texts))) is not None and p.country is not None:
            if cm.group(1).replace(".", "") in state_codes(p.country):
                codes.add((m.seg, cm.start(1)))
    return [m for m in ms if (m.seg, m.start) not in codes] if codes else ms


#: Where a person named with their age lives: "Ana Lima, 32, of Harbourton", "Tom Berg 41, of Kestrel Bay".
_HOME_TOWN = re.compile(r"(?<![\w.])\d{1,3},[ \t]+of[ \t]+([A-Z][a-z’'-]+(?:[ \t]+[A-Z][a-z’'-]+){0,2})(?![\w’'-])")


#: "of" and a town of one or two words right after a person's name, then a clause's end or its verb (one in the past
#: tense too: "Mayor Ana Lima of Skarvo called ...").
_PERSON_OF = re.compile(r"[ \t]+of[ \t]+([A-Z][\w’'-]*[a-z][\w’'-]*(?:[ \t]+[A-Z][\w’'-]*[a-z][\w’'-]*)?)"
                        r"(?=[ \t]*[,.;:)]|[ \t]+(?:said|says|told|added|has|had|was|is|who|and|[a-z]{2,}ed)\b)")


def home_towns(ms: list[Mention], page: Page) -> list[Mention]:
    """The town after a person's age and "of" is a place, known to the gazetteer or not: "Tom Berg, 41, of Hope".

    A news report names people so ("Ana Lima, 32, of Harbourton, was charged"); the model reads a small town there
    as a person or misses it. A nationality is no town ("a man, 45, of Irish descent"), nor is a street address
    ("32, of 1119 Main St.": it starts with a figure). The model's mention of exactly the town is relabelled; one
    that runs past it is left alone.
    """
    texts = page.texts
    demonyms = gazetteer().demonyms
    taken = SpanIndex(ms)
    out = list(ms)
    # Right after a person's name too, when a clause's end or its verb follows ("Elder Ana Lima of Varnholm said"); a
    # body after a person ("Ana Lima of Oxfam") is the model's organisation, and is left alone.
    persons = {(m.seg, m.end) for m in ms if m.label == "PERSON" and " " in m.text(texts)}
    for i, text in enumerate(texts):
        for hm in _PERSON_OF.finditer(text):
            if (i, hm.start()) not in persons or hm.group(1) in demonyms:
                continue
            s, e = hm.span(1)
            found = taken.find(i, s, e)
            if not found and not any(w.lower() in ORG_HEADS for w in hm.group(1).split()):
                out.append(Mention(i, s, e, "GPE", "home town"))
                taken.add(i, s, e)
            elif len(found) == 1 and (found[0].start, found[0].end) == (s, e) and found[0].label == "PERSON":
                found[0].label, found[0].origin = "GPE", "home town"
    for i, text in enumerate(texts):
        for hm in _HOME_TOWN.finditer(text):
            s, e = hm.span(1)
            if hm.group(1) in demonyms:
                continue
            found = taken.find(i, s, e)
            if not found:
                out.append(Mention(i, s, e, "GPE", "home town"))
            elif len(found) == 1 and (found[0].start, found[0].end) == (s, e) and found[0].label not in PLACE_LABELS:
                found[0].label, found[0].origin = "GPE", "home town"
    return out


#: Up to four words in capitals opening a line: the place of a wire story's dateline ("PORTO VELMAR", "ST. KELVIN").
_CAPS_RUN = re.compile(rf"{CAPITAL}{CAPITAL_OR_MARK}*(?:[ \t]+{CAPITAL}{CAPITAL_OR_MARK}*){{0,3}}")


def dateline_places(ms: list[Mention], page: Page) -> list[Mention]:
    """The words in capitals that open a wire story's dateline are one place, however the model cut or labelled them.

    "PORTO VELMAR 1997-03-02 - ...", "ST. KELVIN, Norway (Wirecall) - ...",
    "HARLOWBY, England (Wirecall) - ...", "PORTVILLE -- The storm ...": the
    model reads capitals as an acronym's (an organisation), cuts a name of
    several words into pieces ("PORTO" alone) or misses a small town. A dateline
    is told by what follows the capitals: a date, a news agency in brackets and
    a dash, or a dash and a sentence (not more capitals: a headline; nor a
    sport's name: a slug, "GOLF - ..."). The place takes the gazetteer's
    label (a continent is a region), else it is a town; the mentions inside it
    give way, and one that runs on past it keeps what follows.
    """
    texts = page.texts
    found: list[Mention] = []
    for i, text in enumerate(texts):
        for ls, le in page.title_lines.lines(i):
            rm = _CAPS_RUN.match(text, ls, le)
            if rm is None:
                continue
            s, e = strip_punct(text, *rm.span())
            name = text[s:e]
            if sum(c.isalpha() for c in name) < 3 or not wire_dateline(text, s, e) or name in page.known.orgs:
                continue
            place = gazetteer().places.get(fold(name))
            found.append(Mention(i, s, e, place_label(place) if place is not None else "GPE", "dateline"))
    if not found:
        return ms
    where = SpanIndex(found)
    out = []
    for m in ms:
        for d in where.find(m.seg, m.start, m.end):
            if m.end <= d.end:
                break  # inside the place: gives way
            m.start, m.end = strip_punct(texts[m.seg], d.end, m.end)  # runs on past the place: keeps what follows
            if not any(c.isupper() or (m.label == "DATE" and c.isdigit()) for c in m.text(texts)):
                break
        else:
            out.append(m)
    return sorted(out + found, key=lambda m: (m.seg, m.start))


#: What joins a place to the next one in a list: "in Tarnby and Selwick", "near Tarnby, Selwick or Holm".
_JOINED = re.compile(r"(?:\s*,|\s+and|\s+or|\s*,\s*and)\s+")
#: What follows an author's name in a citation or a joint work: "in Halvorsen and Berg's study", "in Halvorsen et al.",
#: "in Halvorsen (1998)".
_AUTHOR_AFTER = re.compile(r"\s*(?:(?:and|&)\s+[A-Z][\w'’-]*['’]s?(?!\w)|et\s+al\b|\(\s*\d{4})")
#: A one-word name: capitalised, not in capitals.
_ONE_WORD = re.compile(rf"[{CAPITALS}][^\W\d_{CAPITALS}][\w'’-]*")  # (and "Dédougou", "Çorum")
#: A verb in the past tense right after a name: the name acts ("Tarnby agreed", "Tarnby also proposed"), as a
#: person does far more often than a place.
_ACTS_AFTER = re.compile(r"\s+(?:also\s+|then\s+|later\s+)?[a-z]{2,}ed\b")
#: Prepositions that make a place only with this step's guards ("between"): not evidence for ``propagate``.
_GUARDED_BEFORE = re.compile(r"\b" + alternation(PLACE_VERBS_GUARDED) + r"\s+$")
#: A word of going somewhere and "to": "the ferry to ", "she travelled to " (guarded as "between" is).
_TRAVEL_TO = re.compile(r"\b" + alternation(TRAVEL_WORDS) + r"[ \t]+to[ \t]+$", re.IGNORECASE)
#: What follows an item in the middle of a list: "Tarnby, Selwick and Holm" after "Tarnby".
_ITEM_AFTER = re.compile(r",[ \t]|[ \t]+(?:and|or)[ \t]")
#: A part, the people or the kind of a place, and "of": "the north of ", "residents of ", "the island of the ".
_PART_OF_BEFORE = re.compile(r"\b" + alternation(PLACE_OF_NOUNS) + r"[ \t]+of[ \t]+(?:the[ \t]+)?$", re.IGNORECASE)
#: "In" opening a sentence or a line.
_OPENING_IN = re.compile(r"(?:^|[.!?]\s+|\n)In\s+$")


def _full_names_by_surname(ms: list[Mention], texts: list[str]) -> dict[str, set[str]]:
    """Surname -> the full names (two words or more) the page gives persons with it."""
    by_surname: dict[str, set[str]] = {}
    for m in ms:
        if m.label == "PERSON" and " " in (n := m.text(texts)):
            by_surname.setdefault(n.split()[-1], set()).add(n)
    return by_surname


def places_after_prepositions(ms: list[Mention], page: Page) -> list[Mention]:
    """A name the model read as a person's, right after "in", "near", "between"... or a word of going and "to"
    (``travel_words``), is a place: "the homes in Tarnby", "a farm near Holmsted", "between Ostby and Varnholm",
    "the ferry to Skerra", "a mill in Tres Marias", and the places listed
    after it ("in Tarnby and Selwick") or after a place the gazetteer knows ("Bergen, Tarnby and Selwick"); so is
    a one-word name right after "the" that is no English word and no given name ("the bank of the Varnitz"). "In"
    opening a sentence counts too for a person's name ("In Tarnby, the ferry ..."): a work or a system opening a
    sentence so ("In Quillnet, each frame ...") is no person to begin with.

    A person is seldom "in" anyone, but a surname may be: the name stays a person's when it opens with a given name
    the gazetteer does not know as a place, or with a title, when the page names a person with it as a surname
    ("Ana Tarnby") or it acts or speaks elsewhere ("Tarnby agreed", "Tarnby also proposed", "Tarnby said"), when a
    possessive follows ("in Tarnby's view"), when it reads as an author's ("in Tarnby and Holm's study", "in Tarnby
    et al.", "in Tarnby (1998)"), when the page writes it in lower case, or when commas set it apart after a person's
    place among others ("the envoy for Norbay, Ana Tarnby, ...": ``people.appositions``).
    """
    texts = page.texts
    gaz = gazetteer()
    by_surname = _full_names_by_surname(ms, texts)
    actors = {m.text(texts) for m in ms if m.label in ("PERSON", "ORG") and (
        _ACTS_AFTER.match(texts[m.seg], m.end) or SPEECH_AFTER.match(texts[m.seg], m.end))}
    teams = page.scored_names
    # (a name a cue beside it made an organisation's, "posted on Quillnet", is none of the page's places)
    cued = {m.text(texts) for m in ms if m.origin in CUED_ORIGINS}
    prev: Mention | None = None
    listed = False  # ``prev`` is a place after a preposition, or listed after one
    made: set[str] = set()
    for m in sorted(ms, key=lambda m: (m.seg, m.start)):
        text = texts[m.seg]
        t = m.text(texts)
        after_prep = PLACE_VERB_BEFORE.search(text, max(0, m.start - 15), m.start) is not None or (
            m.origin == "model" and _RELABEL_PREPOSITION.search(text, max(0, m.start - _LONE_WINDOW), m.start) is not None) or (
            _OPENING_IN.search(text, max(0, m.start - 6), m.start) is not None) or (
            _GUARDED_BEFORE.search(text, max(0, m.start - 15), m.start) is not None) or (
            _TRAVEL_TO.search(text, max(0, m.start - 20), m.start) is not None) or (
            (tm := THE_BEFORE.search(text, max(0, m.start - 5), m.start)) is not None and tm.group().startswith("t")
            and _ONE_WORD.fullmatch(t) is not None and not is_given_name(t) and not is_listed(t))
        # (mid-sentence "the" only: "The Dorvan regime ..." opens with it; "the Hermit", "the Magician": an English
        # word after "the" names a character)
        joined = (prev is not None and prev.seg == m.seg and prev.label in PLACE_LABELS
                  and (jm := _JOINED.fullmatch(text, prev.end, m.start)) is not None
                  and (listed or gaz.lookup(prev.text(texts)) is not None and (
                      jm.group().strip(" ,") in {"and", "or"} or _ITEM_AFTER.match(text, m.end) is not None)))
        if (m.label == "PERSON" and m.origin != "apposition" and (after_prep or joined) and _place_shaped(
                t, gaz, _AT_OR_NEAR.search(text, max(0, m.start - 6), m.start) is not None) and t not in actors
                and not by_surname.get(t.split()[-1], set()) - {t}
                and t.lower() not in page.lower_words and text[m.end:m.end + 1] not in {"'", "’"}
                and not _AUTHOR_AFTER.match(text, m.end)):
            m.label = "GPE"
            made.add(t)
        elif ((_ONE_WORD.fullmatch(t) and not is_listed(t) or m.label == "ORG" and _unknown_words(t))
              and m.label in ("ORG", "NORP")
              and (PLACE_VERB_BEFORE.search(text, max(0, m.start - 15), m.start)
                   or (m.label == "NORP" and _AT_BEFORE.search(text, max(0, m.start - 4), m.start))
                   or (m.label == "ORG" and m.origin == "model" and t not in teams
                       and _RELABEL_PREPOSITION.search(text, max(0, m.start - _LONE_WINDOW), m.start)))
              and t not in gaz.demonyms  # ("in Varnholm", "the border post at Varnholm": a village taken for a people too)
              and t not in page.known.orgs and t.lower() not in page.lower_words and t not in actors and t not in cued
              and not _PLURAL_AFTER.match(text, m.end)):
            # (one word no English text uses, "in Varnholm", or two or three such words, "near Sannvo Tarvek": a village
            # the model took for a firm, unless it speaks or acts somewhere on the page, "Shares in Nordvik rose"
            # where "Nordvik said", or a plural noun follows it)
            m.label = "GPE"
            made.add(t)
        elif (_PART_OF_BEFORE.search(text, max(0, m.start - 30), m.start)
              # "the south coast of Wallis", "residents of Cayman Brac", "the villages of Al Ayn": a place though English
              # text knows the word as a name; a firm or a people of one word, a person's name that no given name opens
              and ((m.label in ("ORG", "NORP") and _ONE_WORD.fullmatch(t))
                   or (m.label == "PERSON" and _place_shaped(t, gaz) and not by_surname.get(t.split()[-1], set()) - {t}))
              and t not in gaz.demonyms and t not in page.known.orgs and t.lower() not in page.lower_words and t not in actors
              and not _PLURAL_AFTER.match(text, m.end)):
            m.label = "GPE"
            made.add(t)
        listed = m.label in PLACE_LABELS and (after_prep or joined)
        prev = m
    # The page's other mentions of a name it puts "in" or "at" are the same place ("descends to Ketetahi" after "the
    # shelter at Ketetahi"), unless a title or a possessive marks that one a person's.
    for m in ms:
        if m.label in ("PERSON", "ORG", "NORP") and m.text(texts) in made and not _TITLE_BEFORE.search(texts[m.seg], max(0, m.start - 15), m.start) \
                and texts[m.seg][m.end:m.end + 1] not in {"'", "’"}:
            m.label = "GPE"
    return ms


# "at" before a name: a place, or a firm ("at Nordvik"), but no people.
_AT_BEFORE = re.compile(r"\bat[ \t]+$")
#: A plural noun right after a name: the name modifies it ("in Koluma circles"); a verb may follow a place ("flights in
#: Bamako continue", "shipyards in Ulsan remain").
_PLURAL_AFTER = re.compile(r"[ \t]+[a-z]+[^s\W]s\b(?<!\bhas)(?<!\bwas)(?<!\bdoes)(?<!\bis)")
_TITLE_BEFORE = re.compile(r"(?<![\w'’-])(?i:" + alternation(TITLES) + r")\.?\s+$")
_DIVISION_AFTER = re.compile(r"[ \t]+(?:" + alternation(DIVISION_WORDS) + r")(?![\w-])")


def places_before_divisions(ms: list[Mention], page: Page) -> list[Mention]:
    """A one- or two-word name the model read as a person's, right before a division or feature written in lower case,
    is a place: "a cooperative in Dong Nai province", "the Varnitz valley", "Holmsted district". No given name opens
    it and the page never names a person with it as a surname ("Ana Holm's village" is a person's)."""
    texts = page.texts
    by_surname = _full_names_by_surname(ms, texts)
    for m in ms:
        t = m.text(texts)
        if (m.label in ("PERSON", "ORG") and 1 <= len(t.split()) <= 2 and _DIVISION_AFTER.match(texts[m.seg], m.end)
                and _division_name(t, page) and not by_surname.get(t.split()[-1], set()) - {t}
                and not _TITLE_BEFORE.search(texts[m.seg], max(0, m.start - 15), m.start)):
            m.label = "GPE"
    # The same shape where the model saw no name at all: "the Mefou valley", "farms in the Varnitz district".
    taken = SpanIndex(ms)
    out = list(ms)
    for i, text in enumerate(texts):
        for dm in _NAME_BEFORE_DIVISION.finditer(text):
            s, e = dm.span(1)
            t = dm.group(1)
            if (not taken.overlaps(i, s, e) and _division_name(t, page) and not sentence_initial(text, s)
                    and not by_surname.get(t.split()[-1], set()) and not _TITLE_BEFORE.search(text, max(0, s - 15), s)):
                out.append(Mention(i, s, e, "GPE", "division"))
                taken.add(i, s, e)
    return sorted(out, key=lambda m: (m.seg, m.start))


#: One or two capitalised words right before a division or feature word in lower case.
_NAME_BEFORE_DIVISION = re.compile(r"(?<![\w'’-])([A-Z][\w'’-]*[a-z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*[a-z][\w'’-]*)?)"
                                   r"(?=[ \t]+(?:" + alternation(DIVISION_WORDS) + r")(?![\w-]))")


def _division_name(t: str, page: Page) -> bool:
    """A name a division or feature may take: no given name, everyday word or word the page writes in lower case
    first (a table's "Mangrove area" column), no organisation word, month or day, no nationality ("the Somali
    region" is named by its people), and not two places the gazetteer knows joined by a hyphen ("the Kenya-Uganda
    border")."""
    words = t.split()
    first = words[0]
    gaz = gazetteer()
    halves = re.split(r"[-–](?=[A-Z])", t)
    if len(halves) > 1 and all(gaz.lookup(h) is not None for h in halves):
        return False  # (two places the border runs between: "the Norbay-Tarvia border")
    return not (is_given_name(first) or is_common(first) or first.lower() in page.lower_words or first in gaz.demonyms
                or any(w.lower() in ORG_HEADS or w.lower() in MONTHS or w.lower() in WEEKDAYS for w in words))


#: A name of one to three capitalised words and a place's last word, right after "the" in running text or a
#: preposition of place ("along the Varn River", "over the Tolvek Pass", "at Skerra Point"); a body's head ("Church")
#: is no place's, and "of" after the head carries the name on ("the Tolvek Bay of ...": left to the model).
_HEADS = sorted((PLACE_HEADS | PLACE_PLURALS) - ORG_HEADS)
_HEADED_PLACE = re.compile(
    r"(?<![\w'’-])(?:" + alternation(HEADED_PLACE_BEFORE) + r")[ \t]+"
    r"((?:[A-Z][\w'’-]*[a-z][\w'’-]*[ \t]+){1,3}(" + "|".join(h.capitalize() for h in _HEADS) + r"))"
    r"(?![\w'’-])(?![ \t]+of\b)")

#: A place's last word right after the model's place, up to two capitalised words between: " River", " Ferry
#: Terminal", " Marine Reserve". Not a province's, a county's or a territory's: "Tarvala Province" is written both
#: ways.
_HEAD_AFTER = re.compile(
    r"[ \t]+((?:[A-Z][\w'’-]*[a-z][\w'’-]*[ \t]+){0,2}("
    + "|".join(h.capitalize() for h in _HEADS if h not in {"province", "county", "territory"}) + r"))(?![\w'’-])(?![ \t]+of\b)")


def _headed_label(known, head: str) -> str:
    """A headed place's label: the gazetteer's kind where it knows the name, else LOC for a river, a lake or a
    mountain, FAC for a building or a street."""
    if known is not None:
        return place_label(known)
    head = head.lower()
    return "LOC" if head in LOC_HEADS or head.rstrip("s") in LOC_HEADS else "FAC"


def headed_places(ms: list[Mention], page: Page) -> list[Mention]:
    """A name that ends in a place's last word, where the model saw no name: "along the Varn River", "over the Tolvek
    Pass", "the Sarvik Market", "at Skerra Point". The word before it is "the" in running text or a preposition of
    place, so a title-case heading's words or a band's name opening a sentence ("The Weavers' Hall") are not read so.
    No word of it is a month, a day, a title or an organisation's word ("the Harbour Trust Building"). Rivers, lakes
    and mountains are LOC, buildings and streets FAC, a name the gazetteer knows takes its kind. A place the model
    found runs on to such a word right after it ("the Varno River", "Tarvik Ferry Terminal"; not "Province", which
    pages write inside and outside the name)."""
    texts = page.texts
    gaz = gazetteer()
    taken = SpanIndex(ms)
    out = list(ms)
    for i, text in enumerate(texts):
        for hm in _HEADED_PLACE.finditer(text):
            s, e = hm.span(1)
            words = [w.lower() for w in text[s:hm.start(2)].split()]
            if taken.overlaps(i, s, e) or any(
                    w in ORG_HEADS or w in MONTHS or w in WEEKDAYS or w.rstrip(".") in TITLES for w in words):
                continue
            out.append(Mention(i, s, e, _headed_label(gaz.lookup(text[s:e]), hm.group(2)), "place_head"))
            taken.add(i, s, e)
    gone: set[int] = set()
    for m in out:
        if m.label not in PLACE_LABELS or id(m) in gone or (hm := _HEAD_AFTER.match(texts[m.seg], m.end)) is None:
            continue
        s, e = hm.span(1)
        inside = [o for o in taken.find(m.seg, s, e) if isinstance(o, Mention) and o is not m]
        if any(o.start < s or o.end > e for o in inside) or any(
                w.lower() in ORG_HEADS or w.lower() in MONTHS or w.lower() in WEEKDAYS for w in texts[m.seg][s:hm.start(2)].split()):
            continue
        gone.update(id(o) for o in inside)
        m.end = e  # (the model's place and the word for its kind after it: "the Congo River", "Cardigan Castle")
        m.label = _headed_label(gaz.lookup(m.text(texts)), hm.group(2))
    out = [m for m in out if id(m) not in gone] if gone else out
    return sorted(out, key=lambda m: (m.seg, m.start))


#: One capitalised word after a preposition of place (or "of", "between") and "the", closing its phrase (a mark, a
#: line's end, "and", "or", "at", "in" after it): "on the Varno.", "between the Tesk and the Orvi", "of the Skarra,".
_THE_LONE_PLACE = re.compile(
    r"(?<![\w'’-])(?i:" + alternation((HEADED_PLACE_BEFORE | {"of", "between"}) - {"the"}) + r")[ \t]+the[ \t\n]+"
    r"([A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ'’-]*[a-zß-öø-ÿ])(?=[ \t]*(?:[.,;:)!?]|\n|$)|[ \t]+(?:and|or|at|in)\b)", re.MULTILINE)


def lone_names_after_the(ms: list[Mention], page: Page) -> list[Mention]:
    """One word no list knows, after a preposition of place and "the" and closing its phrase, is a river's or a
    region's name where the model saw none: "a mill on the Varno.", "between the Tesk and the Orvi", "the mouth of the
    Skarra". Not an English word, a given name, a place the gazetteer knows (the model's business), a plural or a
    possessive (a people: "the siege of the Holvars"), an institution ("member of the Storting") or a body the page
    names; not a word the page writes in lower case."""
    texts = page.texts
    gaz = gazetteer()
    taken = SpanIndex(ms)
    out = list(ms)
    for i, text in enumerate(texts):
        if "the" not in text:
            continue
        for lm in _THE_LONE_PLACE.finditer(text):
            s, e = lm.span(1)
            w = lm.group(1)
            if (is_listed(w) or is_given_name(w) or w.endswith(("s", "’", "'")) or w in INSTITUTIONS or w in page.known.orgs
                    or w.lower() in page.lower_words or gaz.lookup(w) is not None):
                continue
            inside = taken.find(i, s, e)
            if inside:
                # (the model's one word read as a firm, a person or a people: a river it did not know)
                for o in inside:
                    if o.origin == "model" and (o.start, o.end) == (s, e) and o.label in ("ORG", "PERSON", "NORP"):
                        o.label = "LOC"
                continue
            made = Mention(i, s, e, "LOC", "the_place")
            out.append(made)
            taken.add(i, s, e, made)
    return sorted(out, key=lambda m: (m.seg, m.start))


def _unknown_words(t: str) -> bool:
    """Two or three capitalised words, none a word English text uses (nor a part of one between hyphens:
    "Agro-Traders"), a given name or a word of organisations' names in any language (``org_heads``, ``org_openers``:
    "Galerie", "Liceul"): a place's name more likely than a firm's."""
    words = t.split()
    return 2 <= len(words) <= 3 and all(_ONE_WORD.fullmatch(w) for w in words) and not any(
        is_listed(p) or is_given_name(p) or p.lower() in ORG_HEADS or p.lower() in ORG_OPENERS
        for w in words for p in {w, *w.split("-")})


#: Right before a name: where a person seldom is, so that a name of two words or more that a given name opens may be a
#: village's too ("the school at Ban Tolvek", "near Mae Sarvik"); "from", "to" and "of" come before persons as often,
#: and "in" before an author's ("the idea is found in Julian Varnholm").
_AT_OR_NEAR = re.compile(r"\b(?:at|near)[ \t]+$")


def _place_shaped(t: str, gaz, given_name_first: bool = False) -> bool:
    """A name that may be a place's: one to four capitalised words (particles such as "do", "de" between them), not
    opening with a title, nor with a given name unless the gazetteer knows the whole name or (``given_name_first``)
    more words follow a given name that is no common English word (so "Mae Sarvik", not "Matt Orvane")."""
    toks = t.split()
    if not 1 <= len(toks) <= 4 or not _ONE_WORD.fullmatch(toks[0]) or not _ONE_WORD.fullmatch(toks[-1]):
        return False
    if any(not (_ONE_WORD.fullmatch(w) or w.islower() and len(w) <= 3) for w in toks):
        return False
    if toks[0].lower().rstrip(".") in TITLES:
        return False
    return gaz.lookup(t) is not None or not is_given_name(toks[0]) or (
        given_name_first and len(toks) > 1 and not is_common(toks[0]))


def city_quarters(ms: list[Mention], page: Page) -> list[Mention]:
    """A "person" that no given name opens and a big city's name ends is a place of that city: "Vieux Lyon", "Auditorium de Lyon".

    A surname that is a big city's name too ("Jackson", "Lincoln") follows a given name, but the name list lacks many
    given names ("Brock Nelson"): so the page must also name the city alone as a place.
    """
    texts = page.texts
    places = {m.text(texts) for m in ms if m.label in PLACE_LABELS}
    for m in ms:
        if m.label != "PERSON":
            continue
        toks = m.text(texts).split()
        if not 2 <= len(toks) <= 4 or is_given_name(toks[0]) or not toks[0][:1].isupper() or toks[0].endswith("."):
            continue
        p = lookup(toks[-1]) if toks[-1] in places else None
        if p is not None and (p.kind != "city" or p.population >= CITY_POPULATION) and all(
                t[:1].isupper() or t.islower() and len(t) <= 3 for t in toks):
            m.label = "LOC"
    return ms


# Inside a place's span: a possessive after a place ("Nepal’s Terai"), a preposition between two names ("Crab Market in
# Kep", "the rental on Riverside Road", a route's "Tarnby to Selvik"). "And" joins the parts of one name too often to
# cut there always ("Arts and Crafts Hall", "Tarn and Selvik Islands", "Copper and Salt Works"): only where no word is a
# place's last word or an everyday one and the gazetteer does not know the whole ("Trinidad and Tobago").
_POSSESSIVE_INSIDE = re.compile(r"['’]s\s+(?=[A-Z])")
_PREPOSITION_INSIDE = re.compile(r"\s+(?:in|on|at|to)\s+(?=[A-Z])")
_AND_INSIDE = re.compile(r"\s+and\s+(?=[A-Z])")
#: Where a body's name ends and its place begins: "at" ("University of Tarvik at Selby": a body's name holds "in" as
#: often, "Technical University in Tarvik"), and "of" or "in" after a company's legal form ("Velni Stone Srl of Tarvik").
_BODY_PLACE_INSIDE = re.compile(r"(\s+at\s+)(?=[A-Z])|(?<=\s)" + alternation(LEGAL_FORMS) + r"(\s+(?:of|in)\s+)(?=[A-Z])")


def _body_place_cut(t: str) -> tuple[int, int] | None:
    """Where a body's name ends and its place's begins in ``t`` (:data:`_BODY_PLACE_INSIDE`), or None."""
    cm = _BODY_PLACE_INSIDE.search(t)
    if cm is None:
        return None
    g = 1 if cm.group(1) is not None else 2
    return None if t[cm.end(g):].split()[0].lower() in MONTHS else cm.span(g)


#: Two names joined by "to", after "from": a route.
_ROUTE = re.compile(r"([A-Z][\w'’.-]*(?:[ \t]+[A-Z][\w'’.-]*){0,2})[ \t]+to[ \t]+([A-Z][\w'’.-]*(?:[ \t]+[A-Z][\w'’.-]*){0,2})")
_FROM_BEFORE = re.compile(r"\bfrom[ \t]+$")
#: Names of one or two capitalised words listed with commas and "and": "Kelmis and Plombières", "Tarnby, Selvik".
_LISTED_NAMES = re.compile(rf"[{CAPITALS}][\w'’.-]*(?:[ \t]+[{CAPITALS}][\w'’.-]*)?(?:(?:,[ \t\n]+|,?[ \t\n]+and[ \t\n]+)"
                           rf"[{CAPITALS}][\w'’.-]*(?:[ \t]+[{CAPITALS}][\w'’.-]*)?)+")
_LISTED_NAME = re.compile(rf"[{CAPITALS}][\w'’.-]*(?:[ \t]+[{CAPITALS}][\w'’.-]*)?")
#: Prepositions before which a list of names no gazetteer knows is a list of places by itself: not "in", "at", "from",
#: "on" or "to", which a firm's name follows as often ("shares in Holmvik and Berglund", "a loan from ...").
_AROUND_BEFORE = re.compile(r"\b" + alternation(
    (PLACE_VERBS | PLACE_VERBS_GUARDED | LONE_PLACE_PREPOSITIONS) - {"in", "into", "at", "from", "on", "to"}) + r"[ \t]+$")


def _place_list(text: str, m: Mention, gaz) -> list[tuple[int, int]]:
    """The names of a list of places the model read as one body's or person's name, right after a preposition of place
    or a part of a place and "of" ("around Kelmis and Plombières", "the communes of Tarnby, Selvik and Holm"): each
    name a place the gazetteer knows or words no list knows, no given name first, no organisation's word, and not a
    list of authors before a year; after "in", "at", "from", "on" or "to", one name a place the gazetteer knows.
    Empty where it is no such list."""
    if _LISTED_NAMES.fullmatch(text, m.start, m.end) is None:
        return []
    part_of = _PART_OF_BEFORE.search(text, max(0, m.start - 30), m.start) is not None
    if not (part_of or PLACE_VERB_BEFORE.search(text, max(0, m.start - 15), m.start)
            or _LONE_PREPOSITION.search(text, max(0, m.start - _LONE_WINDOW), m.start)):
        return []
    if _AUTHOR_AFTER.match(text, m.end) or _YEAR_AFTER.match(text, m.end):
        return []
    items = [im.span() for im in _LISTED_NAME.finditer(text, m.start, m.end) if im.group() != "and"]
    if not (part_of or _AROUND_BEFORE.search(text, max(0, m.start - 15), m.start)
            or any(gaz.lookup(text[a:b]) is not None for a, b in items)):
        return []  # (after "in" or "from", a place the gazetteer knows must vouch for the list)
    for a, b in items:
        words = text[a:b].split()
        if gaz.lookup(text[a:b]) is not None:
            continue
        if is_given_name(words[0]) or any(is_listed(w) or w.lower() in ORG_HEADS or w.lower() in ORG_OPENERS
                                          or w.lower() in BODY_WORDS or w in LEGAL_FORMS for w in words):
            return []
    return items


def split_places(ms: list[Mention], page: Page) -> list[Mention]:
    """A place's span that holds two names is two places: "Nepal’s Terai" (the first a place the gazetteer knows),
    "Crab Market in Kep", "Tarnby to Selvik", "Tarnby and Selvik" (not "Tarn and Selvik Islands"); so is a route after "from" that the model read as one organisation's or person's name
    ("from Holmsted to Tarnvik"), and a list of places it read so after a preposition of place ("around Kelmis and
    Plombières": :func:`_place_list`). A country's code before a dollar sign ("US$2") is a currency, no place."""
    texts = page.texts
    gaz = gazetteer()
    out: list[Mention] = []
    for m in ms:
        if m.label not in PLACE_LABELS:
            if m.label in ("ORG", "PERSON") and (route := _ROUTE.fullmatch(texts[m.seg], m.start, m.end)) and _FROM_BEFORE.search(
                    texts[m.seg], max(0, m.start - 6), m.start):
                for k in (1, 2):  # a route the model read as one name: "from Holmsted to Tarnvik"
                    p = gaz.lookup(route.group(k))
                    out.append(Mention(m.seg, *route.span(k), place_label(p) if p is not None else "GPE", "split"))
                continue
            if m.label == "ORG" and (cut := _body_place_cut(m.text(texts))) is not None:
                # a body and its place: "University of Tarvik at Selby", "Velni Stone Srl of Tarvik"
                p = gaz.lookup(texts[m.seg][m.start + cut[1]:m.end])
                out.extend([Mention(m.seg, m.start, m.start + cut[0], "ORG", "split"),
                            Mention(m.seg, m.start + cut[1], m.end, place_label(p) if p is not None else "GPE", "split")])
                continue
            if m.label in ("ORG", "PERSON") and (items := _place_list(texts[m.seg], m, gaz)):
                for a, b in items:  # a list of places the model read as one name: "around Kelmis and Plombières"
                    p = gaz.lookup(texts[m.seg][a:b])
                    out.append(Mention(m.seg, a, b, place_label(p) if p is not None else "GPE", "split"))
                continue
            out.append(m)
            continue
        text, t = texts[m.seg], m.text(texts)
        if t.isupper() and len(t) <= 3 and text[m.end:m.end + 1] == "$":
            continue  # a currency written after a country's code: "US$2", "NZ$40"
        cut = None
        if (pm := _POSSESSIVE_INSIDE.search(t)) and gaz.lookup(t[:pm.start()]) is not None:
            cut = pm
        elif pm := _PREPOSITION_INSIDE.search(t):
            cut = pm
        elif (pm := _AND_INSIDE.search(t)) and gaz.lookup(t) is None and not any(
                w.lower() in PLACE_HEADS or w.lower() in PLACE_PLURALS or is_common(w) for w in t.split() if w != "and"):
            cut = pm
        if cut is None:
            out.append(m)
            continue
        first = Mention(m.seg, m.start, m.start + cut.start(), m.label, "split")
        if cut.re is _POSSESSIVE_INSIDE:
            first.label = place_label(gaz.lookup(t[:cut.start()]))
        out.extend([first, Mention(m.seg, m.start + cut.end(), m.end, m.label, "split")])
    return out


#: A name of one to four capitalised words, then ", a" or "is a" (or "the") and up to three words before a noun for a
#: kind of place that ends the phrase: "Orvik, a small fishing village in ...", "Tarnby is a neighbourhood where ...".
_PLACE_KIND = re.compile(
    r"(?<![\w&'’.-])([A-Z][\w'’.-]*(?:[ \t]+[A-Z][\w'’.-]*){0,3})(?:,[ \t]+|[ \t]+(?:is|was)[ \t]+)(?:a|an|the)[ \t]+"
    r"(?:[^\W\d_][\w-]*[ \t]+){0,3}?" + alternation(PLACE_KINDS) + r"(?![\w-])"
    r"(?=[ \t]*(?:[.,;:)!?]|\n|$)|[ \t]+" + alternation(PLACE_KIND_FOLLOWERS) + r"\b)"
)
#: Labels of the model a kind of place outweighs: a person's (a place's name is often a surname too) or none.
_KIND_OVERRIDES = {"PERSON", "GPE", "LOC", "FAC"}


def place_kinds(ms: list[Mention], page: Page) -> list[Mention]:
    """A name a page says is a kind of place is a place's: "Orvik, a fishing village on the coast", "Tarnby is a
    neighbourhood where ...", "Skerra was a district".

    Travel guides and histories introduce a small place so; the model misses
    it or reads it as a person, and the gazetteer does not know it. The noun
    must end its phrase (a preposition, "where", "which" or a mark after it):
    "Ana, a town councillor" and "Orvik, a village festival" name no place. Not
    a name after "the" ("the Coalition, a ..."), a common word ("This is a
    town"), a known body or a name the model read as a body, a group or an
    event. Found so, the page's other mentions of the name follow it
    (``propagate``, by the cue's origin). Villages, towns and districts are
    GPE; islands, valleys and oases LOC.
    """
    texts = page.texts
    known = page.known.orgs
    taken = SpanIndex(ms)
    gone: set[int] = set()
    out = list(ms)
    for i, text in enumerate(texts):
        for km in _PLACE_KIND.finditer(text):
            s = km.start(1)
            for b in _RUN_SENTENCE_END.finditer(text, s, km.end(1)):
                s = b.end()  # the name starts after a sentence's end inside the run: "... north of Skerra. Tarnby is"
            s, e = trim_name(text, s, km.end(1), "GPE")
            name = text[s:e]
            if (e <= s or THE_BEFORE.search(text, max(0, s - 6), s) or name in known
                    or (" " not in name and is_common(name))):
                continue
            inside = taken.find(i, s, e)
            if any(o.label not in _KIND_OVERRIDES or o.start < s or o.end > e for o in inside):
                continue
            label = "LOC" if km.group(0).split()[-1].lower() in NATURAL_PLACE_KINDS else "GPE"
            take_cued(i, s, e, label, inside, taken, out, gone)
    return [m for m in out if id(m) not in gone]


# An item of a list of names: one to three capitalised words ("Kessby", "Varn-Holm", "Little Harbour").
# (a sentence's opening preposition is no word of the first: "In Kessby and Tulmar, ...")
_LIST_ITEM = re.compile(r"(?<![\w'’-])(?!(?:In|At|Near|Between)[ \t])[A-Z][\w'’-]*[a-z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*[a-z][\w'’-]*){0,2}(?![\w'’-])")
# What stands between two items: a comma, or "and" / "or" before the last (perhaps with a comma, over a line break),
# perhaps with the list's preposition again ("in Kessby, Tulmar and in Orvanet", "at Holm, Berg and on Skerra").
_LIST_COMMA = re.compile(r"[ \t]*,[ \t]*\n?[ \t]*")
_LIST_LAST = re.compile(r"[ \t]*,?\s+(?:and|or)\s+(?:(?:in|on|at|near)[ \t]+)?")
#: A year right after the list: its items are authors ("(Holm and Berg 2020; ...)", "Holm, Berg, 2019").
_YEAR_AFTER = re.compile(r"[ \t]*,?[ \t]*(?:1[5-9]|20)\d\d[a-z]?\b")
#: "in", "near", "at" right before a list: its items are where something is ("households in Orvanet, Kessby and Tulmar").
_LIST_PREPOSITION = re.compile(r"(?<![\w'’-])(?:[iI]n|near|at|between|from|around|above|below|across|beyond|outside)[ \t]+$")


def _name_lists(text: str) -> list[list[tuple[int, int]]]:
    """The lists of names in ``text``, each two or more items, the last after "and" or "or": "A, B and C"."""
    items = [m.span() for m in _LIST_ITEM.finditer(text)]
    lists: list[list[tuple[int, int]]] = []
    run: list[tuple[int, int]] = []
    for span in items:
        if run and _LIST_COMMA.fullmatch(text, run[-1][1], span[0]):
            run.append(span)
            continue
        if run and (lm := _LIST_LAST.fullmatch(text, run[-1][1], span[0])):
            if len(run) >= 2 or "," not in lm.group():
                lists.append(run + [span])  # (", and" after one name joins two clauses: "spoke at X, and Y smiled")
            run = []
            continue
        run = [span]
    return lists


def listed_places(ms: list[Mention], page: Page) -> list[Mention]:
    """The names listed with a place are places, and so are the names listed right after "in", "near" or "at": "Bergen,
    Varnholm and Skelvik" after the gazetteer's or the model's "Bergen", "households in Orvanet, Kessby and Tulmar". A
    name no mention covers becomes one; a one-word name the model took for a person or a body, listed with a place,
    is the place it stands with. Only the model's place or a country, state, region or big city vouches for its
    neighbours (a small town's name is too often a surname: "Granollers and Lopez"). Not an item that is a common
    English word, a given name, a month or a day, nor one with a body's word ("Harbour Trust"); not a list of authors
    ("in Holm and Berg (1998)", "(Holm and Berg 2020)"), of people ("Ana Lima and Holm"), nor one whose last name acts
    or speaks ("Holm and Berg defeated ...")."""
    texts = page.texts
    gaz = gazetteer()
    out = list(ms)
    by_span = {(m.seg, m.start, m.end): m for m in ms}
    taken = SpanIndex(ms)
    for i, text in enumerate(texts):
        for items in _name_lists(text):
            names = [text[s:e] for s, e in items]
            if (any(not _listable(n, gaz, page) for n in names) or _AUTHOR_AFTER.match(text, items[-1][1])
                    or _YEAR_AFTER.match(text, items[-1][1]) or _ACTS_AFTER.match(text, items[-1][1])
                    or SPEECH_AFTER.match(text, items[-1][1])):
                continue
            placed = [(i, s, e) in by_span and by_span[(i, s, e)].label in PLACE_LABELS or big_place(n)
                      for (s, e), n in zip(items, names)]
            after_in = _LIST_PREPOSITION.search(text, max(0, items[0][0] - 9), items[0][0]) is not None
            if after_in:
                # (after "in" or "between", a town the gazetteer knows, however small, vouches for the list too:
                # "In Norvik and Tarnby, where ...")
                placed = [p or gaz.lookup(n) is not None for p, n in zip(placed, names)]
            if not any(placed) and not after_in:
                continue
            joined = by_span.get((i, items[0][0], items[-1][1]))
            if joined is not None and joined.label in ("PERSON", "ORG", "NORP", "EVENT") and joined in out:
                if not any(placed):
                    continue  # ("shares in Holm and Berg": after "in", but a firm's name, no place in it)
                # the model read the whole list as one name ("the ports of Matadi and Boma" an organisation): its
                # items are the places listed
                out.remove(joined)
                taken = SpanIndex(out)  # (rare: the index has no removal)
            if any((m := by_span.get((i, s, e))) is not None and m.label == "PERSON" and " " in n for (s, e), n in zip(items, names)):
                continue  # a person of two words or more in the list: a list of people
            for k, ((s, e), n) in enumerate(zip(items, names)):
                m = by_span.get((i, s, e))
                others = any(placed[:k] + placed[k + 1:])  # (the name itself is no evidence of its neighbours)
                if m is None and not taken.overlaps(i, s, e) and (others or after_in):
                    out.append(Mention(i, s, e, "GPE", "list"))
                    taken.add(i, s, e)
                elif m is not None and m.label in ("PERSON", "ORG", "NORP") and " " not in n and others:
                    m.label = "GPE"
    return sorted(out, key=lambda m: (m.seg, m.start))


def _listable(name: str, gaz, page: Page) -> bool:
    words = name.split()
    if len(words) == 1 and (is_common(name) or is_given_name(name) or name.lower() in page.lower_words):
        return False
    if any(w.lower() in MONTHS or w.lower() in WEEKDAYS or w.lower() in ORG_HEADS or w.lower().rstrip(".") in TITLES for w in words):
        return False
    return name not in gaz.demonyms


# A capitalised word with no capitalised word right after it (over spaces and tabs); the preposition before it is
# looked for apart.
_LONE_NAME = re.compile(r"(?<![\w’'.-])[A-Z][^\W\d_]*(?:[’'-][^\W\d_]+)*(?![\w’'-])(?![ \t]+[A-Z])")
# "at", "to", "from", "on" right before a name (the list lone_place_prepositions), beside place_verbs' "in", "near"...
_LONE_PREPOSITION = re.compile(r"\b" + alternation(LONE_PLACE_PREPOSITIONS) + r"[ \t]+$")
#: How far back to look for one of them: the longest and a space or two ("around ").
_LONE_WINDOW = max(map(len, LONE_PLACE_PREPOSITIONS)) + 2
# Of those, the ones before which a name the model read as a firm's or a person's is more often a village's: "at",
# "from", "on" ("the ferry at Tolvik", "a bus from Sannholm"); a firm or a person is given "to" as often as a place
# is ("lent to Varnak", "a quote attributed to Berg"). Only the model's guess: a name a step read as a club ("the
# Tarnby coach") or a person stays one.
_RELABEL_PREPOSITION = re.compile(r"\b" + alternation(LONE_PLACE_PREPOSITIONS - {"to"}) + r"[ \t]+$")


def unknown_places(ms: list[Mention], page: Page) -> list[Mention]:
    """A capitalised word no list knows, right after "in", "near", "at", "to"... and taken by no other mention, is a
    place the gazetteer is too small to hold: "a clinic near Tolvik", "the road to Sannholm", "a welcome at Lusk".
    Not an English word (however rare; after a word of going and "to", ``travel_words``, only not a common one:
    "the ferry to Lantau"), a given name, a word the page also writes in lower case, a word of a
    person's, an organisation's or a people's name on the page, a known name (a product's, a company's), a word in
    capitals (an acronym), nor a word whose hyphened part is in lower case ("X-ray")."""
    texts = page.texts
    taken = SpanIndex(ms)
    named = {w for m in ms if m.label in ("PERSON", "ORG", "NORP") for w in m.text(texts).split()}
    out = list(ms)
    for i, text in enumerate(texts):
        for lm in _LONE_NAME.finditer(text):
            s, e = lm.span()
            t = lm.group()
            travel = _TRAVEL_TO.search(text, max(0, s - 20), s) is not None
            after_preposition = (travel or PLACE_VERB_BEFORE.search(text, max(0, s - 15), s) is not None
                                 or _LONE_PREPOSITION.search(text, max(0, s - _LONE_WINDOW), s) is not None)
            # (after a word of going "to", a name English text knows is a place too, unless it is a common word)
            if (not after_preposition or len(t) < UNKNOWN_PLACE_LETTERS or t.isupper() or re.search(r"-[a-z]", t)
                    or taken.overlaps(i, s, e) or (is_common(t) if travel else is_listed(t)) or is_given_name(t)
                    or t.lower() in page.lower_words or t in named or t in page.known.orgs or t in page.known.products):
                continue
            out.append(Mention(i, s, e, "GPE", "context"))
    return out


#: One or two particles and a capitalised word, again and again: " de Janeiro", " aan de Tolm", " de la Sierra".
_PARTICLE_WORD = rf"(?:{alternation(PLACE_PARTICLES)}[ \t]+){{1,2}}[{CAPITALS}][\w'’-]*"
_PARTICLE_TAIL = re.compile(rf"(?:[ \t]+{_PARTICLE_WORD})+(?![\w'’-])")
#: A place's name going on over hyphens, small words between them: "-Bissau", "-à-Pierre", "-d'Ail", "-sur-Mer".
_HYPHEN_TAIL = re.compile(rf"(?:-(?:[a-zà-ÿ]{{1,4}}-|[a-z]['’])*[{CAPITALS}][\w'’]*)+(?![\w'’-])")
#: A name whose capitalised words a particle joins: "Khorra el Basit", "Santa Cruz de la Sierra".
_PARTICLE_NAME = re.compile(rf"[{CAPITALS}][\w'’-]*(?:[ \t]+[{CAPITALS}][\w'’-]*)*(?:[ \t]+{_PARTICLE_WORD}(?:[ \t]+[{CAPITALS}][\w'’-]*)*)+")


def particle_places(ms: list[Mention], page: Page) -> list[Mention]:
    """A place's name joined by another language's small words is one name (``place_particles``): the model's place
    goes on over them ("Velkenrode" of "Velkenrode aan de Tolm", "Nevado" and "Tarvo" of "Nevado del Tarvo") and over
    hyphens ("Pointe" of "Pointe-à-Tarvo", "Emilia" of "Emilia-Romagna"; not where both halves are places the
    gazetteer knows and the whole is none, "Kenya-Uganda"), and
    such a name read as a firm's or a person's right after a preposition of place is a place ("buy onions in Khorra el
    Basit", "the wharf at Porto do Velm").

    A firm's name holds such words as often ("Accademia dei Velni"), so only the preposition right before it (no
    "the") makes one a place, and not when a word of it is an organisation's, it has more than three capitalised
    words ("Caisse Rurale des Terres du Nord") or it speaks or acts on the page. A name
    opened by a given name ("Diego de Tarvo") is a place only after "in", "near" and the like, not "from" or "to",
    and never before a possessive ("in Diego de Tarvo's account")."""
    texts = page.texts
    gaz = gazetteer()
    taken = SpanIndex(ms)
    gone: set[int] = set()
    person_words = {w for m in ms if m.label == "PERSON" for w in m.text(texts).split()}
    for m in sorted(ms, key=lambda m: (m.seg, m.start)):
        if id(m) in gone:
            continue
        text = texts[m.seg]
        if m.label in PLACE_LABELS:
            if ((hm := _HYPHEN_TAIL.match(text, m.end)) is not None and not taken.overlaps(m.seg, hm.start(), hm.end())
                    and text[m.start:hm.end()] not in person_words):  # (a person's surname: "Dr Ana Tarvik-Holm")
                # (one word the tokenizer cut: "Emilia-Romagna", "Pointe-à-Pierre"; not two places, "Kenya-Uganda")
                whole = gaz.lookup(text[m.start:hm.end()])
                last = re.split(r"[-'’]", hm.group())[-1]
                if whole is not None or gaz.lookup(m.text(texts)) is None or gaz.lookup(last) is None:
                    m.end = hm.end()
                    if whole is not None:
                        m.label = place_label(whole)
            tm = _PARTICLE_TAIL.match(text, m.end)
            if tm is None or any(w.lower() in MONTHS or w.lower() in WEEKDAYS or w == "I" or w in gaz.demonyms for w in tm.group().split()):
                continue  # (not "Where in Paris do Americans eat?")
            inside = [o for o in taken.find(m.seg, tm.start(), tm.end()) if isinstance(o, Mention) and o is not m]
            if any(o.start < tm.start() or o.end > tm.end() for o in inside):
                continue  # (a longer name runs on past the tail: left to it)
            gone.update(id(o) for o in inside)
            m.end = tm.end()
            if (p := gaz.lookup(m.text(texts))) is not None:
                m.label = place_label(p)
            continue
        if m.label not in ("ORG", "PERSON") or m.origin in CUED_ORIGINS:
            continue
        t = m.text(texts)
        if _PARTICLE_NAME.fullmatch(t) is None:
            continue
        words = t.split()
        if sum(w[0].isupper() for w in words) > 3 or any(w.lower() in ORG_HEADS or w.lower() in ORG_OPENERS or w.lower() in BODY_WORDS or w in LEGAL_FORMS for w in words):
            continue
        near = PLACE_VERB_BEFORE.search(text, max(0, m.start - 15), m.start) is not None
        if not (near or _LONE_PREPOSITION.search(text, max(0, m.start - _LONE_WINDOW), m.start) or _GUARDED_BEFORE.search(
                text, max(0, m.start - 10), m.start)):
            continue
        if ((is_given_name(words[0]) and not near) or text[m.end:m.end + 1] in {"'", "’"} or _ACTS_AFTER.match(text, m.end)
                or SPEECH_AFTER.match(text, m.end) or t in page.known.orgs):
            continue
        m.label = "GPE"
    return [m for m in ms if id(m) not in gone] if gone else ms
