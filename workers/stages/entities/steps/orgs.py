"""Organisation steps: known names, acronyms that are terms, joined and run-on spans, titles, works, awards."""

from __future__ import annotations

import re
from collections import Counter

from ....knowledge.gazetteer import CITY_POPULATION, language_names as world_languages
from ....knowledge.lexicon import (
    ACRONYM_JOINING_WORDS, AWARD_WORDS, BODY_WORDS, EVENT_HEADS, JOINED_BODY_HEADS, EVENT_OF, FUNCTION_WORDS, INSTITUTIONS,
    LANGUAGE_CUES, LEAD_WORDS, LEGAL_FORMS, OF_HEADS, PLURAL_POSSESSORS, OF_NAME_OPENERS, ORG_CONNECTORS, ORG_HEADS, ORG_OPENERS, ORG_OPENER_JOINERS, ORG_KINDS, ORG_ROLES, PLACE_HEADS, PLATFORM_CUES_AFTER, PLATFORM_CUES_BEFORE, PLACE_PLURALS, PLACE_PREFIXES, TIME_WORDS,
    MONTHS, SOURCE_CUES, STOP_EDGE, TEAM_CUES_AFTER, TERM_ACRONYMS, TITLES, WEEKDAYS, WORK_WORDS, alternation,
)
from ....knowledge.lexicon import words as word_list
from ....knowledge.words import is_listed
from ..core import (
    ADDRESS, CAPITALS, PLACE_LABELS, SHORT_FORM, THE_BEFORE, Mention, Page, Runs, SpanIndex, gazetteer, is_common, is_given_name, looks_like_person, lookup,
    place_label, sentence_initial, short_form_heads, take_cued, trim_name,
)

_RELABEL = {"PERSON", "NORP", "ORG", "GPE", "LOC", "FAC"}


def _no_apostrophes(name: str) -> str:
    return name.replace("'", "").replace("’", "")


#: A capitalised word with an apostrophe inside it, not a possessive: "Da’esh", "D’aesh".
_INNER_APOSTROPHE = re.compile(r"(?<![\w@#.'’-])[A-Z][A-Za-z]*['’](?!s\b)[a-z][A-Za-z]*(?![\w'’-])")


def known_names(ms: list[Mention], page: Page) -> list[Mention]:
    """Names of the known list (``page.known``, spaCy's SpanRuler) are organisations; known products are no name.

    A mention the model found is relabelled; elsewhere a known name is found
    where it stands as a whole word, however the page writes its apostrophes
    ("Vel'tra", "Vel’tra", "V’eltra" for a known "Vel'tra").
    """
    texts = page.texts
    known = page.known
    known_bare = known.orgs_without_apostrophes
    out = []
    for m in ms:
        t = m.text(texts)
        if m.label in _RELABEL and t in known.products:
            continue
        if m.label in _RELABEL and (t in known.orgs or ("'" in t or "’" in t) and _no_apostrophes(t) in known_bare):
            m.label = "ORG"
            m.origin = "lexicon"  # a known name, kept even when named once
        out.append(m)
    taken = SpanIndex(out)
    for i, (text, found) in enumerate(zip(texts, known.find(texts), strict=True)):
        for s, e, _label in found:
            if taken.overlaps(i, s, e):
                continue
            out.append(Mention(i, s, e, "ORG", "lexicon"))
            taken.add(i, s, e)
        if "'" in text or "’" in text:
            for am in _INNER_APOSTROPHE.finditer(text):
                s, e = am.span()
                if _no_apostrophes(am.group(0)) in known_bare and not taken.overlaps(i, s, e):
                    out.append(Mention(i, s, e, "ORG", "lexicon"))
                    taken.add(i, s, e)
    return out


_TERM_ACR = re.compile(r"\(\s*([A-Z]{2,6})s?\s*\)")
_TERM_WORDS = re.compile(r"(?<![\w-])((?:[a-z][a-z-]*\s+){1,7})$")
_TITLE_WORDS = re.compile(r"(?<![\w-])((?:(?:[A-Z][a-z-]+|and|of|for|the|in|on)\s+){1,7})$")


def _initials_match(words: list[str], acr: str) -> bool:
    """Do the last words' initials (hyphenated parts count) spell the acronym?"""
    letters: list[str] = []
    for w in words:
        letters.extend(p[0] for p in w.split("-") if p)
    want = acr.lower()
    return "".join(letters[-len(want):]) == want if len(letters) >= len(want) else False


# An acronym in brackets, maybe with a year after it ("(BBS, 2022)"), and the words before it on the page.
_DEFINED_ACRONYM = re.compile(r"\(\s*([A-Z][A-Za-z&]*[A-Z])\s*(?:[,;][^()]{0,20})?\)")
#: Such an acronym right after a name: " (SONAPE)".
_ACRONYM_AFTER = re.compile(r"[ \t]*" + _DEFINED_ACRONYM.pattern)
_LONG_FORM_WORD = re.compile(r"[^\W\d_][\w'’-]*")


def _long_form(words: list[str], acr: str) -> int | None:
    """How many of the last ``words`` spell ``acr`` (Schwartz and Hearst's rule: its letters in order, read from the
    end, the first one opening a word; a letter may come from inside a word: "Infrastructure Development COmpany
    Limited" for IDCOL), or None. The first of them is capitalised; at most ``len(acr) + 4`` of them."""
    letters, text = acr.lower(), " ".join(words).lower()
    i, j = len(letters) - 1, len(text) - 1
    while i >= 0:
        while j >= 0 and (text[j] != letters[i] or (i == 0 and j > 0 and text[j - 1] != " ")):
            j -= 1
        if j < 0:
            return None
        i, j = i - 1, j - 1
    n = text[j + 1:].count(" ") + 1
    return n if words[-n][:1].isupper() and n <= len(acr) + 4 else None


def defined_acronyms(ms: list[Mention], page: Page) -> list[Mention]:
    """An organisation's name spelt out before its acronym in brackets is an organisation, and so is the acronym:
    "the Bangladesh Bureau of Statistics (BBS, 2022)", "Infrastructure Development Company Limited (IDCOL)", even
    where the model found neither. The name must hold a word that heads or opens organisations' names (Bureau,
    Company, Société) and cut across no other mention; the acronym is then the page's name for it everywhere. An
    acronym in brackets right after an organisation a mention names already is its acronym too, whether or not the
    name spells it ("Société Nationale de Pêche (SONAPE)"); a person or a place the model read there becomes it."""
    texts = page.texts
    taken = SpanIndex(ms)
    out = list(ms)
    for i, text in enumerate(texts):
        if "(" not in text:
            continue
        for am in _DEFINED_ACRONYM.finditer(text):  # (the words before it: no more than the acronym could spell)
            acr = am.group(1)
            before = list(_LONG_FORM_WORD.finditer(text, max(0, am.start() - 160), am.start()))[-(len(acr) + 4):]
            words = [w.group(0) for w in before]
            if not words or text[before[-1].end():am.start()].strip():
                continue
            n = _long_form(words, acr)
            if n is None:
                continue
            first = before[len(before) - n]
            s, e = first.start(), before[-1].end()
            if not any(w.lower() in ORG_HEADS or w.lower() in ORG_OPENERS for w in words[-n:]):
                continue
            # (the model's pieces inside give way, places and people too: "the Rhine" of "Central Commission for the
            # Navigation of the Rhine (CCNR)"; a date or an event inside keeps it from being one name)
            inside = taken.find(i, s, e)
            if any(o.label in {"DATE", "DURATION", "EVENT"} or o.start < s or o.end > e for o in inside):
                continue
            for o in inside:
                out.remove(o)
            for a, b, origin in ((s, e, "pattern"), (am.start(1), am.end(1), "acronym")):
                if not (origin == "acronym" and taken.overlaps(i, a, b)):
                    made = Mention(i, a, b, "ORG", origin)
                    out.append(made)
                    taken.add(i, a, b, made)
    for m in [m for m in out if m.label == "ORG"]:
        if (am := _ACRONYM_AFTER.match(texts[m.seg], m.end)) is None:
            continue
        a, b = am.span(1)
        inside = taken.find(m.seg, a, b)
        if not inside:
            made = Mention(m.seg, a, b, "ORG", "acronym")
            out.append(made)
            taken.add(m.seg, a, b, made)
        elif len(inside) == 1 and (o := inside[0]).origin == "model" and (o.start, o.end) == (a, b):
            o.label = "ORG"
    return sorted(out, key=lambda m: (m.seg, m.start))


# An organisation's name in its own language, in brackets right after it: " (Kystverket)", " (Hérads Tingrett)". Its
# words capitalised (joining words of any language in lower case: "de", "di", "és"), the first in lower case after its
# capital (an acronym, "MDGs" too, is defined_acronyms'), one line at most.
_BRACKETED_NAME = re.compile(r"[ \t]*\((?P<name>[A-ZÀ-Þ][a-zß-ÿ][^\W\d_]*(?:[- ][^\W\d_]+){0,5})\)")
#: Most lower-case joining words in such a name.
BRACKETED_NAME_JOINERS = 2


def bracketed_names(ms: list[Mention], page: Page) -> list[Mention]:
    """An organisation's other name in brackets right after it is the organisation too: "the Norwegian Coastal
    Administration (Kystverket)", "Szekszárd Regional Court (Szekszárdi Törvényszék)"; the model's pieces inside give
    way. Not a place the gazetteer knows ("(Norway)"), a month, a weekday or an everyday word ("(Draft)")."""
    texts = page.texts
    taken = SpanIndex(ms)
    out = list(ms)
    for m in ms:
        if m.label != "ORG":
            continue
        text = texts[m.seg]
        bm = _BRACKETED_NAME.match(text, m.end)
        if bm is None:
            continue
        name = bm.group("name")
        words = name.replace("-", " ").split()
        if (sum(w[:1].islower() for w in words) > BRACKETED_NAME_JOINERS or words[-1][:1].islower() or lookup(name) is not None
                or any(w.lower() in TIME_WORDS or (w[:1].isupper() and (p := lookup(w)) is not None and p.kind != "city") for w in words)
                or (len(words) == 1 and is_common(name)) or re.search(r"\s(?:and|or|y|et|und|e)\s", name)):
            continue  # (where it works: "Azul SpA (Chile and Peru)" names countries)
        s, e = bm.start("name"), bm.end("name")
        inside = taken.find(m.seg, s, e)
        if any(o.start < s or o.end > e or o.label in ("DATE", "EVENT") for o in inside):
            continue
        for o in inside:
            out.remove(o)
        made = Mention(m.seg, s, e, "ORG", "pattern")
        out.append(made)
        taken.add(m.seg, s, e, made)
    return sorted(out, key=lambda x: (x.seg, x.start))


# A journal's name in a reference entry: capitalised words (and "of", "and" ...) right after the title's full stop,
# then the volume, perhaps its issue, and the pages: "Harbour Studies 12(3): 41–66", "Coast and People, 2, 41–60".
# (No volume or page opens with a zero: "Open 09:00–17:00" is a shop's hours.)
# Or, in the style of medical journals, a full stop, the year and a semicolon before them: "Harbour Studies.
# 2019;12(3):41–66". Small words of other languages may join the name's words: "Cahiers du Littoral 14(2): 33–51".
_JOURNAL = re.compile(r"(?<=[.?!][ \t])(?P<name>[A-Z][\w&'’-]*(?:[ \t]+(?:[A-Z][\w&'’-]*|of|and|for|the|in|on|&|"
                      r"de|du|des|da|do|di|del|della|la|le|et|y|d['’][A-Za-zÀ-ÿ]+)){0,8}?)"
                      r"(?:,?[ \t]+[1-9]\d{0,3}(?:[ \t]?\(\d{1,4}\))?[ \t]?[:,][ \t]?[1-9]\d{0,4}[–-]\d{1,5}\b"
                      r"|\.[ \t]+(?:1[5-9]|20)\d\d;[ \t]?[1-9]\d{0,3}(?:\(\d{1,4}\))?:[ \t]?[1-9]\d{0,4}\b)")


#: A reference entry's publisher after its town and a colon, then a full stop or a year: "Tarnby: Harbour Press.",
#: "Selvik: Ediciones Marva; 2014." (only on a line that gives a year, as a reference entry does, and after no common
#: word: "Image: Ana Brandt.", "Source: ..." credit a person or a body).
_PUBLISHER = re.compile(r"(?<=[.?!”\"][ \t])(?P<town>[A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*){0,2}):[ \t]+"
                        r"(?P<name>[A-Z][^\W\d_]*(?:[ \t]+[^\W\d_][\w'’&-]*){0,5})(?=[.;][ \t]*(?:(?:1[5-9]|20)\d\d\b|$))",
                        re.MULTILINE)
_A_YEAR = re.compile(r"\b(?:1[5-9]|20)\d\d\b")


_SOURCE_WORD = r"[A-ZÀ-ÖØ-Þ][^\W\d_]*(?:[-'’][^\W\d_]+)*"
_MONTH = r"(?:" + alternation({m.capitalize() for m in MONTHS if len(m) > 3}) + r")"
#: A cited paper after a quoted title and before its date: ""Title". Selvik Evening Ledger. 12 May 2019.", "“Title” —
#: La Voz de Tarnby, March 6, 2025" (a news citation of a reference list or a press review).
_CITED_SOURCE = re.compile(
    r"[”\"][ \t]*(?:[.,][ \t]*|[ \t]+[—–-][ \t]+)"
    r"(?P<name>" + _SOURCE_WORD + r"(?:[ \t]+(?:" + _SOURCE_WORD + r"|(?:de|del|della|du|des|y|of|the|la|le|di|da|van|der|den|og|och)(?=[ \t]+[A-ZÀ-ÖØ-Þ])))*?)"
    r"(?=[.,][ \t]+(?:\d{1,2}[ \t]+" + _MONTH + r"|" + _MONTH + r"[ \t]+\d{1,2},?[ \t]+\d{4}|" + _MONTH
    + r"[ \t]+\d{4}|(?:1[5-9]|20)\d\d\b|Retrieved\b))")


def _cited_sources(text: str) -> list[re.Match]:
    # (not an author cited after the title: "“Title”, Ana Lima, 2019")
    return [cm for cm in _CITED_SOURCE.finditer(text)
            if not (is_given_name(cm.group("name").split()[0]) and len(cm.group("name").split()) <= 3)]


def _publishers(text: str) -> list[re.Match]:
    out = []
    for pm in _PUBLISHER.finditer(text):
        if any(is_common(w) for w in pm.group("town").split()):
            continue
        line_end = text.find("\n", pm.end())
        if _A_YEAR.search(text, text.rfind("\n", 0, pm.start()) + 1, len(text) if line_end < 0 else line_end):
            out.append(pm)
    return out


def journals(ms: list[Mention], page: Page) -> list[Mention]:
    """A journal named in a reference entry, before its volume and pages, is an organisation: "Island Studies 4(1):
    3–19", "Coast and People, 2, 41–60", "Island Studies. 2019;4(1):3–19"; so is a publisher after its town and a colon ("Tarnby: Harbour Press."),
    and a paper cited after a quoted title and before its date (""Title". Selvik Evening Ledger. 12 May 2019.");
    the model's pieces inside give way (a place in its name: "Mekong Field Review"). Not a date or an event inside
    it."""
    texts = page.texts
    taken = SpanIndex(ms)
    out = list(ms)
    for i, text in enumerate(texts):
        found = list(_JOURNAL.finditer(text)) if "–" in text or "-" in text or ";" in text else []
        if ":" in text:
            found += _publishers(text)
        if "”" in text or '"' in text:
            found += _cited_sources(text)
        for jm in found:
            s, e = jm.span("name")
            if e - s < 4 or (" " not in jm.group("name") and is_common(jm.group("name"))):
                continue
            inside = taken.find(i, s, e)
            if any(o.start < s or o.end > e or o.label in ("DATE", "EVENT") for o in inside):
                continue
            for o in inside:
                out.remove(o)
            made = Mention(i, s, e, "ORG", "pattern")
            out.append(made)
            taken.add(i, s, e, made)
    return sorted(out, key=lambda x: (x.seg, x.start))


def term_acronyms(ms: list[Mention], page: Page) -> list[Mention]:
    """Abbreviations of terms are no names: "peak bone strain (PBS)", "Grid Balancing Reserve (GBR)", and the
    everyday ones of ``term_acronyms`` ("the firm's IPO", "two TD passes") wherever they stand.

    A page's own term is an abbreviation in brackets after lower-case words it
    abbreviates, or after capitalised everyday words (``is_common``: a word list,
    not this page) with no body's word among them. The model's mentions of such
    a term, or of its long form, are dropped.
    """
    texts = page.texts
    bodies = ORG_HEADS | BODY_WORDS
    terms: set[str] = set(TERM_ACRONYMS)
    for text in texts:
        if "(" not in text:
            continue
        for am in _TERM_ACR.finditer(text):
            wm = _TERM_WORDS.search(text, max(0, am.start() - 120), am.start())
            if wm and _initials_match(wm.group(1).split(), am.group(1)):
                terms.add(am.group(1))
                continue
            tm = _TITLE_WORDS.search(text, max(0, am.start() - 120), am.start())
            if not tm:
                continue
            words = tm.group(1).split()
            while words and words[0] in ACRONYM_JOINING_WORDS:
                words = words[1:]
            caps = [w for w in words if w not in ACRONYM_JOINING_WORDS]
            if (len(caps) >= 2 and _initials_match([w.lower() for w in caps], am.group(1)) and len(caps) <= len(am.group(1)) + 1
                    and all(is_common(w) for w in caps) and not {w.lower() for w in caps} & bodies):
                terms.add(am.group(1))
                # the long form, from the first word the initials need
                first = len(caps) - len(am.group(1))
                long_words = words[words.index(caps[first]):] if first >= 0 else words
                terms.add(" ".join(long_words))
    if not terms:
        return ms
    out = []
    for m in ms:
        t = m.text(texts)
        if m.label in _RELABEL and (t in terms or (t.endswith("s") and t[:-1] in terms)):
            continue
        out.append(m)
    return out


_COUNTED = re.compile(r"(?<![\w.,:])(\d(?:[\d.,:]*\d)?)\s*([×x*]\s*)?([A-Z]{2,6})s?(?![\w'’-])\s*(\w*)")
#: A product's version: "IE6", "IE9" (so "a newer XB" is the browser, no body).
_VERSIONED = re.compile(r"(?<![\w'’-])([A-Z]{2,6})\d{1,2}(?![\w'’-])")
_PLURAL_ACR = re.compile(r"(?<![\w'’-])([A-Z]{2,6})s(?![\w'’-])")


def org_short_forms(ms: list[Mention], page: Page) -> list[Mention]:
    """An organisation named in full is later named by its first word alone: "Hollis Motors ... Hollis said".

    Which first words are short names is :func:`..core.short_form_heads`'s
    call. Their other mentions alone are found, and a one-word person the model
    saw there becomes the organisation.
    """
    texts = page.texts
    heads = short_form_heads(ms, page)
    if not heads:
        return ms
    taken = SpanIndex(ms)
    out = list(ms)
    for m in ms:
        if m.label == "PERSON" and m.text(texts) in heads:
            m.label = "ORG"
    for i, text in enumerate(texts):
        for sm in SHORT_FORM.finditer(text):
            if sm.group(1) in heads and not taken.overlaps(i, sm.start(), sm.end()):
                n = Mention(i, sm.start(), sm.end(), "ORG", "alias")
                out.append(n)
                taken.add(i, sm.start(), sm.end(), n)
    return out


def counted_acronyms(ms: list[Mention], page: Page) -> list[Mention]:
    """An acronym the page counts, measures, puts in the plural or numbers as versions is no body.

    Organisations are named, not counted: "12 TDs", "two LEDs", "2.5 × SEM",
    "25 CUC" use the acronym as a common noun, and one such use settles every
    mention of it on the page. A year before it ("the 2011 NATO summit") is
    no count, and neither is a number before a noun the acronym modifies
    ("300 NATO troops"): after a count, the acronym heads its phrase only
    when a function word or punctuation follows ("3 TD against the Foxes").
    """
    texts = page.texts
    units: set[str] = set()
    for text in texts:
        for cm in _COUNTED.finditer(text):
            if re.fullmatch(r"(?:1[5-9]|20)\d\d", cm.group(1)):
                continue
            if cm.group(2) or cm.group(4) == "" or cm.group(4) in FUNCTION_WORDS:
                units.add(cm.group(3))
        for pm in _PLURAL_ACR.finditer(text):
            units.add(pm.group(1))
        for vm in _VERSIONED.finditer(text):
            units.add(vm.group(1))
    units -= page.known.orgs  # "BBC2" is a channel of the BBC, which stays a body
    if not units:
        return ms
    return [m for m in ms if not (m.label == "ORG" and m.text(texts) in units)]


#: "and" between the two halves of one body's name the model split: "Varn Haulage and Allied Workers' Union".
_AND_BETWEEN = re.compile(r"[ \t]+(?:and|&)[ \t]+")


def joined_bodies(ms: list[Mention], page: Page) -> list[Mention]:
    """An organisation the model split at "and" is one: "Varn Haulage and Allied Workers' Union", "Tolvek Training and
    Research Centre". The first half has two capitalised words or more and no body's last word ("Union", "Authority"),
    so it names no body alone; the second ends in an institution's (``joined_body_heads``: not a firm's, "Co",
    "Ferries", where "and" lists two firms as often as it joins one). Two whole names stay two ("Harbour Board and
    Tarvo Ports Authority"), and so does a half the page names alone elsewhere."""
    texts = page.texts
    heads = ORG_HEADS | BODY_WORDS
    counts = Counter(m.text(texts) for m in ms if m.label == "ORG")
    out: list[Mention] = []
    ordered = sorted(ms, key=lambda m: (m.seg, m.start))
    skip: set[int] = set()
    for k, m in enumerate(ordered):
        if id(m) in skip:
            continue
        nxt = ordered[k + 1] if k + 1 < len(ordered) else None
        if (nxt is not None and m.label == "ORG" and nxt.label == "ORG" and nxt.seg == m.seg
                and _AND_BETWEEN.fullmatch(texts[m.seg], m.end, nxt.start)):
            first, second = m.text(texts).split(), nxt.text(texts).split()
            if (len(first) >= 2 and all(w[:1].isupper() and not w.isupper() for w in first)
                    and first[-1].lower().strip(_NAME_EDGE) not in heads
                    and second[-1].lower().strip(_NAME_EDGE) in JOINED_BODY_HEADS
                    and counts[m.text(texts)] == 1):
                out.append(Mention(m.seg, m.start, nxt.end, "ORG", m.origin))
                skip.add(id(nxt))
                continue
        out.append(m)
    return out


#: Capitalised words, a group of people's possessive, and capitalised words again: "Tarvo Valley Women's Orchard
#: Association", "Selby Tour Guides' Network" (a word of a name: no apostrophe inside, which the possessive needs).
_NAME_WORD = r"[A-ZÀ-Þ][\w-]*"
_GROUP_POSSESSIVE = re.compile(
    rf"(?<![\w'’-])((?:{_NAME_WORD}[ \t]+){{0,4}}({_NAME_WORD})(?:(?<=s)['’](?![\w'’])|['’]s(?![\w'’]))[ \t]+"
    rf"(?:{_NAME_WORD}|of|and|&)(?:[ \t]+(?:{_NAME_WORD}|of|and|&)){{0,5}})")


def possessive_bodies(ms: list[Mention], page: Page) -> list[Mention]:
    """A body named for a group of people with a possessive is one name, where the model cut it at the apostrophe:
    "Tarvo Valley Women's Orchard Association", "Selby Fishermen's Society", "Orvik Tour Guides' Network". The
    possessor is a plural (a word in s before the apostrophe, or one ending in ``plural_possessors``: "Women",
    "Fishermen", "Children") or a title ("Tarvo County Sheriff's Office"), and the name ends in an organisation's
    word; another owner stays apart ("Harwick University's Lane School": ``owned_names``; "Norbay's Immigration
    Department"). Mentions inside give way; one that runs past it is left alone, and
    so is a sentence's first word that English text uses ("Yesterday Selby Fishermen's Society ...")."""
    texts = page.texts
    heads = ORG_HEADS | BODY_WORDS
    taken = SpanIndex(ms)
    gone: set[int] = set()
    added: list[Mention] = []
    for i, text in enumerate(texts):
        if "'" not in text and "’" not in text:
            continue
        for gm in _GROUP_POSSESSIVE.finditer(text):
            owner = gm.group(2)
            if text[gm.end(2) + 1:gm.end(2) + 2] == "s":  # "Women's", "Sheriff's"; not "Leone's"
                if not (any(owner.lower().endswith(w) for w in PLURAL_POSSESSORS) or owner.lower() in TITLES):
                    continue
            elif not owner.endswith("s"):
                continue
            words = list(re.finditer(r"\S+", gm.group(1)))
            tail_start = next(k for k, w in enumerate(words) if w.start() + gm.start(1) >= gm.end(2))
            last = max((k for k in range(tail_start, len(words)) if words[k].group().lower().strip(_NAME_EDGE) in heads),
                       default=None)
            if last is None:
                continue
            first = 0
            while first < tail_start and (words[first].group() in ("The", "A", "An") or sentence_initial(
                    text, words[first].start() + gm.start(1)) and (words[first].group().lower() in FUNCTION_WORDS
                                                                  or is_common(words[first].group()))):
                first += 1  # (a capitalised "Can" inside a sentence is a name's: "Can Tho City People's Committee")
            s, e = gm.start(1) + words[first].start(), gm.start(1) + words[last].end()
            if first >= tail_start - 1:
                continue  # (no name before the possessive: "the Women's Association" is left to the model)
            inside = [o for o in taken.find(i, s, e) if isinstance(o, Mention)]
            if any(o.start < s or o.end > e for o in inside) or any(o.label in ("DATE", "EVENT") for o in inside):
                continue
            gone.update(id(o) for o in inside)
            made = Mention(i, s, e, "ORG", "pattern")
            added.append(made)
            taken.add(i, s, e, made)
    if not added:
        return ms
    return sorted([m for m in ms if id(m) not in gone] + added, key=lambda m: (m.seg, m.start))


def inner_breaks(ms: list[Mention], page: Page) -> list[Mention]:
    """An organisation span that holds several names is cut into them.

    * a comma before another whole organisation name: "Veshar Armed Forces,
      Coastal Mobilization Forces" is two ("University of Alta, Norden"
      stays one: "Norden" is no organisation name);
    * (a possessive does not cut: "the Alliance’s Small Group" is one name);
    * a person before "for": "Ana Lima for Coastal Fisheries" is a person and
      an organisation.
    """
    texts = page.texts
    heads = ORG_HEADS | BODY_WORDS

    def has_head(part: str) -> bool:
        return len(part.split()) >= 2 and any(w.strip(".,;:").lower() in heads for w in part.split())

    out = []
    for m in ms:
        t = m.text(texts)
        if m.label != "ORG" or " " not in t:
            out.append(m)
            continue
        text = texts[m.seg]
        pieces: list[tuple[int, int, str]] = []
        if ", " in t:
            parts = [(pm.start(), pm.end()) for pm in re.finditer(r"[^,]+", t)]
            if len(parts) >= 2 and all(has_head(t[a:b]) or k == 0 for k, (a, b) in enumerate(parts)):
                pieces = [(a, b, "ORG") for a, b in parts]
        elif (fm := re.match(r"^(\S+(?: \S+){1,2}) for (?=[A-Z])", t)) and looks_like_person(fm.group(1), page.lower_words):
            pieces = [(0, len(fm.group(1)), "PERSON"), (fm.end(), len(t), "ORG")]
        if not pieces:
            out.append(m)
            continue
        for a, b, label in pieces:
            cs, ce = trim_name(text, m.start + a, m.start + b, label)
            if ce > cs:
                out.append(Mention(m.seg, cs, ce, label, "split"))
    return out


_TEAM = re.compile(r"(?<![\w'’.-])([A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)\s+([A-Z][a-z]+s)(?![\w'’-])")


def _plural_noun(word: str) -> bool:
    """An English noun's plural ("Foxes", "Wolves", "Magpies"), not a surname ending in s ("Greaves", "Roberts")."""
    w = word.lower()
    singulars = [w[:-1]] + ([w[:-2]] if w.endswith("es") else []) + ([w[:-3] + "y"] if w.endswith("ies") else []) + (
        [w[:-3] + "f"] if w.endswith("ves") else [])
    return any(is_listed(x) and not is_given_name(x.capitalize()) for x in singulars if len(x) >= 2)


def team_names(ms: list[Mention], page: Page) -> list[Mention]:
    """On a page about sport, a city and a plural noun are a team: "Tampere Foxes".

    The model splits these into a place and a "person" (but a given name that
    is a town's too, before a surname in s, is a person: "Martin Greaves"). The plural noun alone
    ("the Foxes") names the same team wherever it stands on the page. On
    other pages "Boston Globes" or "Paris Hiltons" are left to the model.
    """
    texts = page.texts
    if not page.about_sport:
        return ms
    teams: list[tuple[int, int, int]] = []
    nouns: set[str] = set()
    for i, text in enumerate(texts):
        for tm in _TEAM.finditer(text):
            if (gazetteer().is_kind(tm.group(1), "city") and tm.group(2).lower() not in PLACE_PLURALS
                    and not (is_given_name(tm.group(1)) and not _plural_noun(tm.group(2)))):
                teams.append((i, tm.start(), tm.end()))
                nouns.add(tm.group(2))
    if not teams:
        return ms
    # the model's pieces inside a team's name give way to it
    out = [m for m in ms if not any(i == m.seg and s <= m.start and m.end <= e for i, s, e in teams)]
    taken = SpanIndex(out)
    for m in out:
        if m.label in {"PERSON", "NORP", "GPE", "LOC"} and m.text(texts) in nouns:
            m.label, m.origin = "ORG", "pattern"  # kept even when named once
    for i, s, e in teams:
        if not taken.overlaps(i, s, e):
            out.append(Mention(i, s, e, "ORG", "pattern"))
    return out


_CODE = re.compile(r"^(?:[A-Z][A-Z0-9&.-]*\d[A-Z0-9-]*|[A-Z]{2,6})$")  # "G8", "G-20", "NATO"


def _place_after_in(t: str) -> tuple[int, str] | None:
    """Where " in " starts in ``t`` and the label of the place after it, when the words after it are a place."""
    if " in " not in t:
        return None
    cut = t.rindex(" in ")
    head, tail = t[:cut], t[cut + 4:]
    if not head[:1].isupper() or not tail[:1].isupper():
        return None
    if (p := lookup(tail)) is not None:
        return cut, place_label(p)
    words = tail.split()
    if len(words) >= 2 and words[0].lower() in PLACE_PREFIXES:
        return cut, PLACE_PREFIXES[words[0].lower()]
    return None


# Between the two parties of a case: "A v B", "A v. B", "A vs B".
_VERSUS = re.compile(r"[ \t]v(?:s)?\.?[ \t]")
# A place's possessive at the start of a name: "Norway's ".
_OWNER_BEFORE = re.compile(r"([A-Z][\w-]*(?: [A-Z][\w-]*)?)['’]s[ \t]+(?=[A-Z])")


def split_orgs(ms: list[Mention], page: Page) -> list[Mention]:
    """Joined organisations split; a person's name run on after an organisation cut off.

    ``looks_like_person(text, page.lower_words)`` says whether two or three words are a person's name.
    """
    texts = page.texts
    out = []
    for m in ms:
        t = m.text(texts)
        if m.label in {"ORG", "PERSON", "GPE", "LOC", "FAC", "NORP", "EVENT"} and ADDRESS.search(t):
            # no name holds an e-mail or web address: "Ana Lima ana@example.org Universidade Federal"
            text = texts[m.seg]
            bounds = [0] + [x for am in ADDRESS.finditer(t) for x in am.span()] + [len(t)]
            for a, b in zip(bounds[::2], bounds[1::2]):
                s, e = trim_name(text, m.start + a, m.start + b, m.label)
                if e > s:
                    label = "PERSON" if looks_like_person(text[s:e], page.lower_words) else m.label
                    out.append(Mention(m.seg, s, e, label, "split"))
            continue
        if m.label != "ORG":
            out.append(m)
            continue
        text = texts[m.seg]
        pieces: list[tuple[int, int]] | None = None
        if "/" in t:
            parts = [(p.start(), p.end()) for p in re.finditer(r"[^/]+", t)]
            if len(parts) >= 2 and all(t[a:b].strip()[:1].isupper() for a, b in parts):
                pieces = parts
        elif (vm := _VERSUS.search(t)) and t[: vm.start()].strip()[:1].isupper() and t[vm.end():].strip()[:1].isupper():
            pieces = [(0, vm.start()), (vm.end(), len(t))]  # a case's two parties: "Holm Ferries v Harbour Board"
        else:
            am = re.fullmatch(r"(\S+)( and | & )(\S+)", t)
            if am and _CODE.match(am.group(1)) and _CODE.match(am.group(3)):
                pieces = [am.span(1), am.span(3)]
        if pieces is None and (pm := _OWNER_BEFORE.match(t)) and lookup(pm.group(1)) is not None \
                and len(t[pm.end():].split()) >= 2:
            # the country a body belongs to, before it: "Norway's Ministry of Fisheries" is the ministry and a place
            out.append(Mention(m.seg, m.start, m.start + len(pm.group(1)), "GPE", "split"))
            out.append(Mention(m.seg, m.start + pm.end(), m.end, "ORG", "split"))
            continue
        if pieces:
            for a, b in pieces:
                s, e = trim_name(text, m.start + a, m.start + b, "ORG")
                if e > s:
                    out.append(Mention(m.seg, s, e, "ORG", "split"))
            continue
        if (where := _place_after_in(t)) is not None:
            # "the Harbour Bridge in County Kerry", "Seaway Lines in Lisbon": a name, then where it stands
            cut, place = where
            head_label = "FAC" if t[:cut].split()[-1].lower() in PLACE_HEADS else "ORG"
            out.append(Mention(m.seg, m.start, m.start + cut, head_label, "split"))
            out.append(Mention(m.seg, m.start + cut + 4, m.end, place, "split"))
            continue
        toks = t.split()
        if len(toks) >= 4:
            for k in (2, 3):
                tail = " ".join(toks[-k:])
                head = toks[:-k]
                if len(head) >= 2 and looks_like_person(tail, page.lower_words) and not looks_like_person(" ".join(head[-2:]), page.lower_words):
                    cut = m.start + t.rindex(tail)
                    s, e = trim_name(text, m.start, cut, "ORG")
                    if e > s:
                        out.append(Mention(m.seg, s, e, "ORG", m.origin))
                    out.append(Mention(m.seg, cut, m.end, "PERSON", m.origin))
                    break
            else:
                out.append(m)
            continue
        out.append(m)
    return out


# (a figure may be a name's word, "Expo 2030 Committee", but a score after a club is no part of it: "... Nouna 2-1")
_NAMEW = r"(?:[" + CAPITALS + r"][\w'’&.-]*|(?!\d{1,3}-\d{1,3}(?![\w'’&.-]))[A-Z0-9][A-Z0-9-]+)"
_CONN = alternation(ORG_CONNECTORS)
# What a name's last word may carry that is no part of it: a sentence's stop, a note's mark ("University.¹").
_NOTE_MARKS = "¹²³⁴⁵⁶⁷⁸⁹⁰†‡"
_NAME_EDGE = ".,;:'’" + _NOTE_MARKS
_ORGSEQ = re.compile(r"(?<![\w'’-])" + _NAMEW + r"(?:(?:[ \t]+" + _CONN + r")*[ \t]+" + _NAMEW + r")*")


#: An item's code: letters and a number with its parts ("R4.1", "QA2.3").
_ITEM_CODE_WORD = re.compile(r"[A-Z]{1,3}\d{1,3}(?:\.\d{1,3})+")


def org_heads(ms: list[Mention], page: Page) -> list[Mention]:
    """Names built on an organisation word: "Faroese Regional Government", "Institute of X and Y of Z".

    A run of capitalised words (joined by of/for/on/and/the) is an organisation
    when it ends in an organisation word ("Government", "Society", "News") or
    holds one before "of"/"for" ("University of Tartu"). The name starts
    at the first chunk (between joining words) that holds such a word, so "John
    Smith of the Labour Party" gives "Labour Party", and it ends at "and" after
    a whole name ("Harbour Board and OECD" is two); a country name at its start
    stays a place ("US National Forest Service"). Mentions inside the run give
    way to it; a run that cuts across a mention is left alone. A run in
    capitals is left to the model: there the capitals do not say where a name
    starts ("CITY HOLD LEADERS IN NORTHERN LEAGUE" is a headline, not a name).
    """
    texts = page.texts
    runs = Runs(ms)
    for i, text in enumerate(texts):
        for sm in _ORGSEQ.finditer(text):
            if " " not in sm.group(0) or not any(
                    w.strip(_NAME_EDGE).lower() in ORG_HEADS or w.lower() in OF_HEADS for w in sm.group(0).split()):
                continue  # no organisation word: the common case, skipped cheaply
            if not any(c.islower() for c in sm.group(0)):
                continue  # in capitals every word is capitalised: a headline's words are no name's
            s, e = sm.span()
            # tokens with their kind: name word or joining word
            toks = [(m.start() + s, m.end() + s) for m in re.finditer(r"\S+", text[s:e])]
            words = [text[a:b] for a, b in toks]
            bare = [w.strip(_NAME_EDGE).lower() for w in words]
            # a sentence end or a possessive ends a name: "... Engineering. Then", "Bergen's Department"
            for k, w in enumerate(words):
                if w.rstrip(_NOTE_MARKS).endswith(".") and any(c.islower() for c in w) and bare[k] not in _NAME_ABBREVIATIONS:
                    words, toks, bare = words[:k + 1], toks[:k + 1], bare[:k + 1]
                    break
            # (a plural's possessive is the name's own: "Net Menders’ Guild", "Dock Workers' Union")
            cut = max((k + 1 for k, w in enumerate(words) if re.search(r"['’]s$|(?<![sS])['’]$", w)), default=0)
            words, toks, bare = words[cut:], toks[cut:], bare[cut:]
            # drop opening words that are no name
            k0 = 0
            while k0 < len(words) and (bare[k0] in LEAD_WORDS or _ITEM_CODE_WORD.fullmatch(words[k0])):
                k0 += 1  # (nor an item's code: "R2.2 Harbour Trust will ...")
            if k0 < len(words) and gazetteer().is_kind(words[k0], "country") and k0 + 1 < len(words):
                k0 += 1
            # chunks between joining words
            chunks: list[tuple[int, int]] = []
            k = k0
            while k < len(words):
                if words[k][0].islower():
                    k += 1
                    continue
                j = k
                while j + 1 < len(words) and not words[j + 1][0].islower():
                    j += 1
                chunks.append((k, j))
                k = j + 1
            start_chunk = None
            for c, (a, b) in enumerate(chunks):
                nxt = words[b + 1] if b + 1 < len(words) else ""
                if bare[b] in ORG_HEADS or bare[b] in OF_HEADS and nxt in {"of", "for"}:
                    start_chunk = c
                    break
            if start_chunk is None:
                continue
            a = chunks[start_chunk][0]
            if start_chunk and THE_BEFORE.search(text, max(0, toks[chunks[start_chunk - 1][0]][0] - 5),
                                                  toks[chunks[start_chunk - 1][0]][0]):
                pa, pb = chunks[start_chunk - 1]
                first = " ".join(words[pa:pb + 1])
                if (bare[pb + 1:a] == ["and"] and bare[chunks[start_chunk][1]] in ORG_HEADS and first not in page.known.orgs
                        and first not in INSTITUTIONS
                        and not any(bare[x] in ORG_HEADS or bare[x] in OF_HEADS for x in range(pa, pb + 1))):
                    # "the Islands and Rural Affairs Committee": after "the", the words before "and" are the name's
                    # ("the Velmora and Harbour Council" are two: a known name before "and")
                    a = pa
            # the run ends at the last chunk that still belongs: after "and", only a chunk without its own head
            end_chunk = start_chunk
            for c in range(start_chunk + 1, len(chunks)):
                joiners = bare[chunks[c - 1][1] + 1:chunks[c][0]]
                ca, cb = chunks[c]
                if any(bare[x] in TIME_WORDS for x in range(ca, cb + 1)):
                    break  # "... News on Friday"
                if joiners[:1] == ["on"] and bare[chunks[c - 1][1]] not in OF_HEADS:
                    break  # "on" joins only after "Council", "Committee"...
                if "and" in joiners and ("the" in joiners or bare[cb] in ORG_HEADS or bare[cb] in OF_HEADS):
                    break
                pa, pb = chunks[c - 1]
                if "and" in joiners and pb > pa and bare[pb] in ORG_HEADS:
                    break  # a whole name before "and" is a name of its own: "Harbour Foundation and Blue Sky Africa"
                end_chunk = c
            b = chunks[end_chunk][1]
            if b == a and bare[a] in ORG_HEADS:
                continue  # "Government" alone
            if b == a:
                continue
            cs, ce = trim_name(text, toks[a][0], toks[b][1], "ORG")
            if ce <= cs or len(text[cs:ce].split()) < 2:
                continue
            inside = runs.inside(i, cs, ce)
            if inside is None:
                continue
            if any(o.label in {"EVENT", "LAW", "DATE", "DURATION"} for o in inside):
                continue
            if bare[b] not in ORG_HEADS and any(o.label == "PERSON" and o.end == ce for o in inside):
                continue  # "University of Tartu Ana Lima": a person follows the name
            if (vm := _VOLUME_END.search(text, cs, ce)) and _ISSUE_AFTER.match(text, ce):
                ce = vm.start()  # a journal's volume in a reference: "Journal of Harbour Studies 34(2): 88-104"
            if len(inside) == 1 and inside[0].start == cs and inside[0].end == ce:
                if inside[0].label in {"PERSON", "ORG", "NORP"} or bare[b] in ORG_HEADS:
                    inside[0].label = "ORG"  # "Chilean Consulate" taken for a place
                continue
            runs.take(i, cs, ce, "ORG", inside)
    return runs.result()


# The rest of a ministry's portfolio after its first field: ", Science, Culture and Sport" (a field is one or two
# capitalised words; the list ends on "and" and its last field).
_MORE_FIELDS = re.compile(r"(?:,[ \t]+[A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+)?){1,5},?[ \t]+(?:and|&)[ \t]+[A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+)?(?![\w'’-])")
#: Words a ministry or department's name opens with before "of" and its fields (``portfolio_bodies``).
_PORTFOLIO_BODIES = word_list("portfolio_bodies")


def ministry_portfolios(ms: list[Mention], page: Page) -> list[Mention]:
    """A ministry whose portfolio lists its fields is one organisation to the last of them: "Ministry of Education,
    Science, Culture and Sport", though the model stops at the first comma. Every field is a word English writes
    ("science", "fisheries") and none a name the model found, so organisations listed after a ministry ("the Ministry
    of Health, Oxfam and Unicef") stay apart."""
    texts = page.texts
    taken = SpanIndex(ms)
    for m in ms:
        t = m.text(texts)
        if m.label != "ORG" or t.split()[0].lower() not in _PORTFOLIO_BODIES or " of " not in t:
            continue
        fm = _MORE_FIELDS.match(texts[m.seg], m.end)
        if fm is None or not all(is_listed(w) for w in re.findall(r"[A-Z][a-z]+", fm.group())):
            continue
        if any(o is not m for o in taken.find(m.seg, m.end, fm.end())):
            continue  # (a name the model found there is a body of its own: "..., Oxfam and Unicef")
        m.end = fm.end()
    return ms


#: A volume's number at a name's end, and the issue or pages after it: "... Studies 34" + "(2): 88", ": 201-219".
_VOLUME_END = re.compile(r"[ \t]+\d{1,4}$")
_ISSUE_AFTER = re.compile(r"\s*(?:\(\d{1,4}\)|[:,]\s*\d)")


# A name opening with such a word: capitalised words after it, a particle or two between them ("Revista Andina de
# Hidrología", "Samahan ng mga Mangingisda": org_opener_joiners), and, as these languages write a body's name,
# adjectives in lower case after the word ("Tribunal administratif de Rennes", "Cour administrative d'appel de Lyon",
# "Conseil territorial"): adjectives by their endings, so an English word after a shared opener ("Radio station") is
# not taken.
_ROMANCE_ADJECTIVE = r"[a-zà-ÿ]{2,}(?:al|ale|aux|if|ive|ier|ière|aire|el|elle|ique|ien|ienne|eur|eure|ano|ana|ico|ica|ino|ina)"
_OPENER_RUN = re.compile(r"(?<![\w'’-])(?:" + alternation({w.capitalize() for w in ORG_OPENERS}) + r")"
                         r"(?:[ \t]+" + _ROMANCE_ADJECTIVE + r"(?:[ \t]+d['’][a-zà-ÿ]+)?(?![\w'’-])){0,2}"
                         r"(?:[ \t]+(?:(?:(?:" + alternation(ORG_OPENER_JOINERS) + r")[ \t]+){1,2}|(?:de[ \t]+l|d)['’])?[A-Z][\w'’-]*)*")


def org_openers(ms: list[Mention], page: Page) -> list[Mention]:
    """A name that opens with a word for a kind of organisation in a language that puts it first ("Galerie Anfa",
    "Editorial Cordillera", "Revista Andina de Hidrología") is an organisation's: the model's person, building or
    place so written is relabelled, and such a name it missed is added."""
    texts = page.texts
    for m in ms:
        t = m.text(texts)
        if m.label in {"PERSON", "FAC", "GPE", "LOC", "NORP"} and " " in t and t.split()[0].lower() in ORG_OPENERS:
            m.label = "ORG"
    # The run takes the place of the model's pieces inside it ("Universidad" a place, "Valle Orvano" a person, of
    # "Universidad Pedagógica del Valle Orvano"; a person it is named after too: "Fundación Ana Lima"), unless
    # one of them is an organisation, event, law or date of its own.
    runs = Runs(ms)
    for i, text in enumerate(texts):
        for om in _OPENER_RUN.finditer(text):
            s, e = om.span()
            if " " not in om.group() and "\t" not in om.group():
                continue  # the word alone names no body
            inside = runs.inside(i, s, e)
            # (the model's organisation of the run's first words, or of one word of it, is a piece of the run: "Tribunal"
            # of "Tribunal administratif de Rennes", "Rennes" of "Cour administrative d'appel de Rennes")
            if inside is None or any(o.label in {"ORG", "EVENT", "LAW", "DATE"} and (o.start, o.end) != (s, e)
                                     and not (o.label == "ORG" and (o.start == s or " " not in text[o.start:o.end]))
                                     for o in inside):
                continue
            if any((o.start, o.end) == (s, e) for o in inside):
                continue  # (the model's own name of the run: relabelled above, or left as it is)
            runs.take(i, s, e, "ORG", inside)
    return runs.result()


def everyday_orgs(ms: list[Mention], page: Page) -> list[Mention]:
    """An organisation the model named by everyday words alone, each of which the page also writes in lower case, is
    none: "Winter Markets", "Quiet Harbour Walks", "Night Ferry Timetables".

    The model reads the capitalised words of a title, a heading or a work as a body's name. A body's name holds a
    word that says it is one (``org_heads``, ``body_words``, ``org_openers``, a legal form), and a place the
    gazetteer knows ("Bio Tarnland") or a given name is no everyday word either: any of those keeps the name. A word
    is common by a word list (``is_common``); the page writing it in lower case shows it uses it as a word.
    """
    texts = page.texts
    return [m for m in ms if not (m.label == "ORG" and m.origin == "model" and _everyday_words(m.text(texts), page))]


_BODY_WORDS = ORG_HEADS | BODY_WORDS | ORG_OPENERS


def _everyday_words(name: str, page: Page) -> bool:
    words = name.split()
    return len(words) >= 2 and all(
        w.isalpha() and w[0].isupper() and is_common(w) and w.lower() in page.lower_words and w.lower() not in _BODY_WORDS
        and w not in LEGAL_FORMS and not is_given_name(w) and lookup(w) is None for w in words)


_INST = re.compile(r"(?<![\w'’-])(?:" + "|".join(sorted(INSTITUTIONS)) + r")(?![\w-]|['’][a-rt-z])")


def institutions(ms: list[Mention], page: Page) -> list[Mention]:
    """"Congress", "the Alliance": a capitalised institution word inside a sentence is an organisation."""
    texts = page.texts
    idx = SpanIndex(ms)
    out = []
    for m in ms:
        if m.label in _RELABEL and m.text(texts) in INSTITUTIONS:
            m.label = "ORG"
            m.origin = "institution"
        out.append(m)
    for i, text in enumerate(texts):
        for im in _INST.finditer(text):
            s, e = im.span()
            k = s - 1
            while k >= 0 and text[k] in " \t\"'“‘(":
                k -= 1
            if k < 0 or text[k] in ".!?:\n":
                continue  # sentence-initial: capitalised anyway
            if idx.overlaps(i, s, e):
                continue
            n = Mention(i, s, e, "ORG", "institution")
            out.append(n)
            idx.add(i, s, e, n)
    return out


def title_line_orgs(ms: list[Mention], page: Page) -> list[Mention]:
    """A long "organisation" (four words or more) in a title-case line is most often the title's words.

    The model reads capitalised titles ("Statement on International Forces in
    Upcoming Campaign") as names. Such a span is dropped unless the same words
    are also found in running text on the page.
    """
    texts = page.texts
    lines = page.title_lines
    out = []
    for m in ms:
        if m.label == "ORG" and m.origin == "model" and len(m.text(texts).split()) >= 4:
            if lines.at(m.seg, m.start, m.end):
                t = m.text(texts)
                elsewhere = any(
                    t in other and not all(lines.at(i, ls, le) for ls, le in lines.lines(i) if t in other[ls:le])
                    for i, other in enumerate(texts)
                )
                if not elsewhere:
                    continue
        out.append(m)
    return out


_LANG_CUE = re.compile(
    r"(?<![\w'’-])([A-Z][\w'’-]+)(?=\s+" + alternation(LANGUAGE_CUES) + r"\b)"
    r"|(?<=speakers of )([A-Z][\w'’-]+)"
)


# What people speak, read or are taught in, a list of capitalised words: languages ("speak Vadrin, Kelsh and English").
_SPOKEN_LIST = re.compile(r"\b(?:speak|speaks|spoke|spoken|speaking|understand|understands|fluent\s+in|taught\s+in|translated\s+into)"
                          r"\s+((?:[A-Z][\w'’-]+(?:,\s+|\s+(?:and|or)\s+))*[A-Z][\w'’-]+)")


def language_names(ms: list[Mention], page: Page) -> list[Mention]:
    """A name the page calls a language ("the Vadrin language", "speakers of Vadrin", "they speak Vadrin and Kelsh")
    is no person, organisation or nationality there.

    Languages are not among the labels; the model tends to call them ORG or
    PERSON. Every mention of that one word on the page is dropped.
    """
    texts = page.texts
    langs: set[str] = set()
    spoken = SpanIndex()
    for i, text in enumerate(texts):
        for lm in _LANG_CUE.finditer(text):
            langs.add(lm.group(1) or lm.group(2))
        for lm in _SPOKEN_LIST.finditer(text):  # "Staff speak French, German and Luxembourgish"
            spoken.add(i, *lm.span(1), lm.span(1))
    langs |= {lang.upper() for lang in langs}  # a heading in capitals names it too ("THE VADRIN OF THE HILLS")
    return [m for m in ms if not ((m.label in {"ORG", "PERSON"} and m.text(texts) in langs)
                                  or (m.label in {"NORP", "ORG", "PERSON"} and _inside(spoken, m)))]


# A list of one-word names after "in": "in Wolof and Vadrin", "in Ndelu, Vadrin or French" (not run on into a longer
# name: "in French Polynesia").
_IN_LIST = re.compile(r"(?<![\w'’-])in[ \t]+((?:[A-Z][\w'’-]+(?:,[ \t]+|[ \t]+(?:and|or)[ \t]+))*[A-Z][\w'’-]+)"
                      r"(?![\w'’-])(?![ \t]+[A-Z])")
_LIST_ITEMS = re.compile(r",[ \t]+(?:(?:and|or)[ \t]+)?|[ \t]+(?:and|or)[ \t]+")
_DROPPED_IN_LANGUAGES = {"PERSON", "ORG", "GPE", "LOC", "FAC"}  # (a language the model called a people stays: gold pages differ)


def spoken_in(ms: list[Mention], page: Page) -> list[Mention]:
    """A list after "in" that names a language the world knows and no place is a list of languages ("interviews were
    held in Wolof, Vadrin or French", "broadcasts in Pijin"): its items are no places, peoples or bodies, though "in"
    made places of them (a nationality word the model read as a people stays one). An item the gazetteer knows as a place stays ("in Wolof and Dakar" names a town). It runs
    after the place steps, which take a word after "in" for a village."""
    texts = page.texts
    gaz = gazetteer()
    known = world_languages()

    def place(w: str) -> bool:  # (a people's name is no place: "in Thai" is the language)
        return gaz.lookup(w) is not None and w not in gaz.demonyms

    said_in = SpanIndex()
    found = False
    for i, text in enumerate(texts):
        for lm in _IN_LIST.finditer(text):
            if any(w in known and not place(w) for w in _LIST_ITEMS.split(lm.group(1))):
                said_in.add(i, *lm.span(1), lm.span(1))
                found = True
    if not found:
        return ms
    return [m for m in ms if not (m.label in _DROPPED_IN_LANGUAGES and _inside(said_in, m) and not place(m.text(texts)))]


def _inside(idx: SpanIndex, m: Mention) -> bool:
    return any(s <= m.start and m.end <= e for s, e in idx.find(m.seg, m.start, m.end))


_NOMINAL = re.compile(r"(?:ation|ition|ment|ance|ence|ness|ity)$")


def common_of_phrases(ms: list[Mention], page: Page) -> list[Mention]:
    """"Farmers of Chile and Peru", "Future of Tallinn": a common word + "of" is no organisation's name.

    The model reads a capitalised phrase "Word of Place" as an organisation.
    When the first word is a common English word or an abstract noun
    ("Suspension of Fishing") and no organisation or place word, the span
    is dropped; the places inside are found later by the
    gazetteer.
    """
    texts = page.texts
    out = []
    for m in ms:
        if m.label == "ORG" and m.origin == "model":
            words = m.text(texts).split()
            if len(words) >= 3 and words[1] == "of":
                w = words[0].lower()
                if ((is_common(w) or _NOMINAL.search(w)) and w not in ORG_HEADS and w not in OF_HEADS and w not in PLACE_HEADS
                        and w not in BODY_WORDS and w not in OF_NAME_OPENERS and w not in EVENT_HEADS and w not in EVENT_OF):
                    continue
        out.append(m)
    return out


_WORK_BEFORE = re.compile(r"\b" + alternation(WORK_WORDS) + r"\s*[,:]?\s*[\"“‘']?$", re.IGNORECASE)


#: A year in brackets right after a name: "Paper Lanterns (2011)".
_YEAR_AFTER = re.compile(r"[ \t]*\((?:1[5-9]|20)\d{2}\)")


def _named_by_head(name: str, label: str) -> bool:
    """An event or a body says what it is: "the Kestrel Strait War (1982)", "Harbour University (1998)"."""
    words = [w.lower() for w in re.findall(r"[A-Za-z]+", name)]
    if label == "EVENT":
        return any(w in EVENT_HEADS for w in words)
    return bool(words) and (words[-1] in ORG_HEADS or words[-1] in BODY_WORDS)


def works(ms: list[Mention], page: Page) -> list[Mention]:
    """"the film House of Wax", "the series Silent Witness": titles of works are no organisation.

    Works are not among the labels; the model calls their titles ORG (or
    EVENT, FAC). A title is known by a word for a work before it, or by the
    year in brackets after it in running text ("starred in Paper Lanterns (2011)"),
    unless its own words say it is an event or a body ("the Kestrel Strait War
    (1982)", "Harbour University (1998)"); a heading "Harbour Rovers (2012)"
    is a club's season, and a building's year is when it was built. Every mention of the
    same title on the page is dropped too. Titles taken for persons are left
    alone: after "book" or "film" a person (its author, its star) is named too
    often, and before a year an author is cited.
    """
    texts = page.texts
    titles: set[str] = set()
    for m in ms:
        if m.label not in {"ORG", "EVENT", "FAC"}:
            continue
        text = texts[m.seg]
        if _WORK_BEFORE.search(text, max(0, m.start - 30), m.start):
            titles.add(m.text(texts))
        elif (m.label != "FAC" and (ym := _YEAR_AFTER.match(text, m.end)) and (text[:m.start].strip() or text[ym.end():].strip())
              and not _named_by_head(m.text(texts), m.label) and not m.text(texts).isupper()):
            # (an acronym before a year is a body cited as an author, "FAO (2019)", not a title)
            titles.add(m.text(texts))
    if not titles:
        return ms
    return [m for m in ms if not (m.label in {"ORG", "EVENT", "FAC"} and m.text(texts) in titles)]


def awards(ms: list[Mention], page: Page) -> list[Mention]:
    """Awards are no organisation: "Harbour Award for Best Foreign Film", "Best Newcomer".

    Awards are not among the labels; the model often calls them ORG. (One it
    calls EVENT is left alone: "the Academy Awards" is also the ceremony.)
    A body named after its award keeps its label when it ends in an
    organisation word ("Harbour Prize Committee").
    """
    texts = page.texts
    out = []
    for m in ms:
        if m.label == "ORG":
            words = re.findall(r"[A-Za-z]+", m.text(texts))
            if len(words) >= 2 and words[-1].lower() not in ORG_HEADS and (
                    words[0] == "Best" or any(w.lower() in AWARD_WORDS for w in words)):
                continue
        out.append(m)
    return out


#: A name right after a lower-case noun for a kind of organisation: "research firm Vantora", "carrier Skylane Air".
_AFTER_KIND = re.compile(r"(?<![\w-])" + alternation(ORG_KINDS) + r"[ \t]+([A-Z][\w&'’.-]*(?:[ \t]+(?:[A-Z][\w&'’.-]*|&|of|and)){0,4})")


def _plural(word: str) -> str:
    if word.endswith("y") and word[-2:-1] not in set("aeiou"):
        return word[:-1] + "ies"
    return word + ("es" if word.endswith(("s", "sh", "ch", "x")) else "s")


#: The same nouns in the plural, before a list of names: "newspaper chains Quillon and Orvane Media", "the banks
#: Quillon, Vantora and Tarn Mutual". A name in the list holds no "and": it is what keeps them apart.
_KIND_NAME = r"[A-Z][\w&'’.-]*(?:[ \t]+(?:[A-Z][\w&'’.-]*|&|of)){0,4}"
_AFTER_KINDS = re.compile(r"(?<![\w-])" + alternation({_plural(w) for w in ORG_KINDS}) + r"[ \t]+(" + _KIND_NAME
                          + r"(?:,[ \t]+" + _KIND_NAME + r")*(?:,?[ \t]+and[ \t]+" + _KIND_NAME + r")?)")
_LIST_JOIN = re.compile(r",?[ \t]+and[ \t]+|,[ \t]+")


def _kind_names(text: str):
    """The span of each name right after a kind noun (``_AFTER_KIND``), and of each name listed after one in the plural."""
    for km in _AFTER_KIND.finditer(text):
        yield km.span(1)
    for km in _AFTER_KINDS.finditer(text):
        s = km.start(1)
        for jm in _LIST_JOIN.finditer(text, s, km.end(1)):
            yield s, jm.start()
            s = jm.end()
        yield s, km.end(1)


#: Abbreviations a name holds with their full stop ("Acme Ltd. of Leeds", "St. Anne's Trust"): no sentence ends there.
_NAME_ABBREVIATIONS = {"inc", "ltd", "co", "corp", "bros", "st"}
#: A sentence's end inside a run of capitalised words: a word of two or more letters, a full stop, then a space.
_SENTENCE_BREAK = re.compile(r"(?<![\w'’.&-])([A-Za-z][\w'’&-]*[a-zA-Z])\.(?=[ \t])")


def org_kinds(ms: list[Mention], page: Page) -> list[Mention]:
    """A name right after a noun for a kind of organisation is an organisation's: "beauty company Vantora"; so is each
    name listed after such a noun in the plural: "newspaper chains Quillon and Orvane Media".

    News reports introduce a company, carrier or website so ("research firm
    Vantora", "record label Bright Tide"), and the model often misses the name
    or reads it as a person or a place. The name runs over capitalised words
    (and "&", "of", "and" between them). One opening with a given name is a
    person's ("the firm Ana Lima founded"), and a country, state or big city
    a place ("the airline Norway chose"): both are left alone. The model's
    mentions inside the name give way to it; one that runs past it is left
    alone. Found so, a name the page gives once is kept (``drop_lone_words``
    drops only the model's lone words).
    """
    texts = page.texts
    taken = SpanIndex(ms)
    gone: set[int] = set()
    out = list(ms)
    for i, text in enumerate(texts):
        for s, e in _kind_names(text):
            if sm := next((b for b in _SENTENCE_BREAK.finditer(text, s, e) if b.group(1).lower() not in _NAME_ABBREVIATIONS), None):
                e = sm.end() - 1  # the name ends with its sentence: "the group Varda. In May ..."
            while e > s and text[e - 1] in ".'’":
                e -= 1
            name = text[s:e]
            if name.split()[-1] in {"of", "and", "&"} or _person_or_place(name):
                continue  # "the firm Ana Lima founded", "the airline Norway chose"
            inside = taken.find(i, s, e)
            if any(o.start < s or o.end > e for o in inside):
                continue
            take_cued(i, s, e, "ORG", inside, taken, out, gone)
    return [m for m in out if id(m) not in gone]


#: A name of one to three capitalised words after words of posting ("posted on Quillnet"), and before a noun for what a
#: service's users have ("Quillnet users", "the Vidra News channel").
_PLATFORM_NAME = r"([A-Z][\w&'’.-]*(?:[ \t]+[A-Z][\w&'’.-]*){0,2})"
_PLATFORM_BEFORE = re.compile(r"(?<![\w-])" + alternation(PLATFORM_CUES_BEFORE) + r"[ \t]+" + _PLATFORM_NAME)
_PLATFORM_AFTER = re.compile(r"(?<![\w&'’.-])" + _PLATFORM_NAME + r"[ \t]+" + alternation(PLATFORM_CUES_AFTER) + r"\b")


def platforms(ms: list[Mention], page: Page) -> list[Mention]:
    """A website or service that people post on, or that has users and accounts, is an organisation: "posted on
    Quillnet", "a video on Streamly", "Quillnet users", "her Vidra account".

    The model reads such a name as a place (after "on" or "across", as a town is "on" an island), a person or
    nothing, and the gazetteer's prepositions then make it a place. Found so, it is an organisation wherever the page
    names it (``propagate``, by the cue's origin), and named once it is kept. Left alone: a name opening with a given
    name or a known place (``_person_or_place``: "Boston users"), a weekday or month ("posted on Monday"; one after
    the name is cut off: "posted on Quillnet Tuesday"), a nationality or a faith ("Catholic users"), a possessive
    ("Lima's account"), a kind of organisation alone ("Bank accounts"), a word the page writes in lower case too,
    and a word of a person's full name on the page ("the Berg account" where "Tom Berg" is named).
    """
    texts = page.texts
    demonyms = gazetteer().demonyms
    person_words = {w for m in ms if m.label == "PERSON" for w in m.text(texts).split() if " " in m.text(texts)}
    taken = SpanIndex(ms)
    gone: set[int] = set()
    out = list(ms)
    for i, text in enumerate(texts):
        for pm in (*_PLATFORM_BEFORE.finditer(text), *_PLATFORM_AFTER.finditer(text)):
            s, e = pm.span(1)
            words = text[s:e].split()
            while words and words[0].lower() in STOP_EDGE:  # "The Quillnet account", "Her Vidra feed"
                s += len(words.pop(0))
                s += len(text[s:e]) - len(text[s:e].lstrip())
            while words and (words[-1].lower() in MONTHS or words[-1].lower() in WEEKDAYS):
                e = text.rindex(words.pop(), s, e)  # "posted on Quillnet Tuesday": the day is no part of the name
                e = s + len(text[s:e].rstrip())
            name = text[s:e]
            if not words or name.endswith(("'s", "’s")) or _person_or_place(name) or (
                    len(words) == 1 and name.lower() in ORG_KINDS) or any(
                    w.lower() in page.lower_words or w in demonyms or w in person_words for w in words):
                continue
            inside = taken.find(i, s, e)
            if any(o.start < s or o.end > e or o.label in ("NORP", "DATE", "EVENT") for o in inside):
                continue  # (a longer name, the model's group or day: "Catholic users", "the Christmas special")
            take_cued(i, s, e, "ORG", inside, taken, out, gone)
    return [m for m in out if id(m) not in gone]


#: A report's source: a cue, "the" (or "The", a title's, mid-sentence) and up to six capitalised words, with "of",
#: "for", "and" or "&" between them: "according to the Velbury Courier", "told The Quill".
_SOURCE = re.compile(r"\b" + alternation(SOURCE_CUES) + r"[ \t]+([Tt])he[ \t]+"
                     r"([A-Z][\w&'’.-]*(?:[ \t]+(?:[A-Z][\w&'’.-]*|of|for|and|&)){0,5})")
#: Labels of the model a source's cue outweighs: a place's (a paper is named after its town) and a person's.
_SOURCE_OVERRIDES = {"ORG", "GPE", "LOC", "FAC", "PERSON"}


def sources(ms: list[Mention], page: Page) -> list[Mention]:
    """A name a report gives as its source, after "told the", "according to the", "reported by the" ...
    (``source_cues``), is an organisation's: a paper, an agency or a body ("according to the Velbury Courier",
    "told the Harbour Herald"). A person is never "the": the model reads such a name as a place (papers are
    named after their towns) or misses it.

    One everyday word is a source only after "The" written as a title's, mid-sentence ("told The Quill"; "told
    the Court" and "according to the Report" name none). Left alone: a known place or a name opening with a given
    name (``_person_or_place``), a name the model read as a law, an event, a date or a group ("according to the
    Constitution"), and a name inside a longer mention.
    """
    texts = page.texts
    taken = SpanIndex(ms)
    gone: set[int] = set()
    out = list(ms)
    for i, text in enumerate(texts):
        for sm in _SOURCE.finditer(text):
            s, e = sm.span(2)
            words = text[s:e].split()
            while words and words[-1] in {"of", "for", "and", "&"}:
                e = text.rindex(words.pop(), s, e)
                e = s + len(text[s:e].rstrip())
            while e > s and text[e - 1] in ".'’":
                e -= 1
            name = text[s:e]
            if not words or _person_or_place(name) or (
                    len(words) == 1 and is_common(name) and sm.group(1) == "t"):
                continue
            inside = taken.find(i, s, e)
            if any(o.start < s or o.end > e or o.label not in _SOURCE_OVERRIDES for o in inside):
                continue
            take_cued(i, s, e, "ORG", inside, taken, out, gone)
    return [m for m in out if id(m) not in gone]


# A company's name and its legal form: capitalised words (with "&" or "and" between two of them), perhaps a comma, then
# the form as written ("Tarn Mills Ltd", "Velmar Packaging México, S.A. de C.V.", "Orvane Sp. z o.o."). Bounded: at most
# eight words of name.
_CAP_WORD = r"[A-Z][\w'’.-]*"
# A full stop after a word of two small letters or more, inside such a run: a sentence's end, no abbreviation's.
_SENTENCE_END_IN_RUN = re.compile(r"(?<=[^\W\d_A-Z]{2}\.)[ \t]+")
# What stands between a company's form and a name the model ran on into from the form: "Ltd of Matsapha".
_AFTER_FORM = re.compile(r"\.?[ \t]+(?:of|in|from|at)[ \t]+(?=[A-Z])")
_WITH_FORM = re.compile(
    rf"(?<![\w'’.-])({_CAP_WORD}(?:[ \t]+(?:(?:&|and)[ \t]+)?{_CAP_WORD}){{0,7}}),?[ \t]+"
    rf"(?-i:{alternation(LEGAL_FORMS)})(?![\w/])"
)


# "Leeds-based", "state-owned": a word that says where or whose the company is, before its name.
_PLACE_ADJECTIVE = re.compile(r"[\w'’.]+-[a-z]+")
_THEN_AND = re.compile(r"[ \t]+(?:and|&)[ \t]+")


def company_forms(ms: list[Mention], page: Page) -> list[Mention]:
    """A name with a company's legal form after it is one organisation, the form in it: "Tarn Mills Ltd", "Orvane
    Packaging Sp. z o.o.", "Velmar México, S.A. de C.V.".

    The model reads the name before the form as a person ("Kariuki Njenga LLP") or cuts it at the form's first full
    stop ("Orvane Sp"). The name starts where a mention of the model inside it starts, or at its first capitalised
    word; a sentence's opening common word is no part of it ("Shares in Tarn Mills Ltd", "The Tarn Mills Ltd"). The
    mentions inside it give way; one that runs on past it keeps it as it is.
    """
    texts = page.texts
    taken = SpanIndex(ms)
    gone: set[int] = set()
    out = list(ms)
    for i, text in enumerate(texts):
        if not any(c.isupper() for c in text):
            continue
        for fm in _WITH_FORM.finditer(text):
            s, e = fm.start(1), fm.end()
            while e > s and text[e - 1] == ".":
                e -= 1
            for sm in _SENTENCE_END_IN_RUN.finditer(text, s, fm.end(1)):
                s = sm.end()  # "... or Harbourton. Tarn Shuttles Ltd runs ...": the name starts after the sentence's end
            words = re.finditer(r"\S+", text[s:fm.end(1)])
            for w in words:  # "The" or "Shares" opening a sentence is no part of the name, nor "Leeds-based"
                if sentence_initial(text, s + w.start()) and is_common(w.group()) or _PLACE_ADJECTIVE.fullmatch(w.group()):
                    s = s + w.end()
                    while s < e and text[s] in " \t":
                        s += 1
                    continue
                break
            if s >= fm.end(1):
                continue
            inside = taken.find(i, s, e)
            for o in inside:
                if o.end > e and o.start >= fm.end(1) and (rest := _AFTER_FORM.match(text, e, o.end)):
                    # the form read as the start of a name after it, "Ltd of Norbay": the company's seat, a place
                    o.start, o.label = rest.end(), "GPE"
            inside = [o for o in inside if o.start < e]
            if any(o.end > e for o in inside):
                continue
            # "buyers such as Tarn Roasting Company and Velmar Trading Ltd": a name the model read, ending in a body's
            # head word before "and", is the first of two organisations, not the start of one
            for o in sorted(inside, key=lambda o: o.end, reverse=True):
                if o.label == "ORG" and (cm := _THEN_AND.match(text, o.end)) and cm.end() < e and (
                        text[o.start:o.end].split()[-1].lower() in ORG_HEADS):
                    s = cm.end()
                    inside = [x for x in inside if x.start >= s]
                    break
            s = min([s] + [o.start for o in inside])
            for o in inside:
                gone.add(id(o))
            n = Mention(i, s, e, "ORG", "company form")
            out.append(n)
            taken.add(i, s, e, n)
    return [m for m in out if id(m) not in gone]


# A short name the page gives an organisation right after its full name, in brackets and quotes: '(“Tana Ltd”)',
# '("the Bank")' (bounded: at most 40 characters between the quotes).
_DEFINED = re.compile(r"[ \t]*\([ \t]*[“\"‘']((?:the[ \t]+)?[A-Z][^”\"’'()\n]{1,39})[”\"’'][ \t]*\)")
# (a mention's span leaves out a final full stop: "Orvane Sp. z o.o")
_LEGAL_FORM_END = re.compile(rf",?[ \t]+(?-i:{alternation({f.rstrip('.') for f in LEGAL_FORMS})})\.?$")


def defined_names(ms: list[Mention], page: Page) -> list[Mention]:
    """The short name a page gives an organisation is the organisation's wherever the page uses it: the name in
    brackets and quotes after its full name ('Orvane Sugar Company Limited (“Orvane Sugar”)'), and the name before
    its legal form ("Orvane Packaging" of "Orvane Packaging Sp. z o.o.").

    Contracts, judgments and company news name a party in full once and by its short name after; the model reads
    the short name alone as a person ("Orvane Sugar appealed"). A leading "the" is no part of it; a short name of
    one word the page also writes in lower case, or that English uses often, is left alone ("the Company").
    """
    texts = page.texts
    lower_words = page.lower_words
    names: set[str] = set()
    for m in ms:
        if m.label != "ORG":
            continue
        text = texts[m.seg]
        if dm := _DEFINED.match(text, m.end):
            names.add(re.sub(r"^the[ \t]+", "", dm.group(1)).strip())
        if fm := _LEGAL_FORM_END.search(m.text(texts)):
            names.add(m.text(texts)[: fm.start()].strip())
    names = {n for n in names if " " in n or (n.lower() not in lower_words and not is_common(n))}
    if not names:
        return ms
    taken = SpanIndex(ms)
    out = list(ms)
    pattern = re.compile(r"(?<![\w'’-])(?:" + "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)) + r")(?![\w'’-])")
    for i, text in enumerate(texts):
        for nm in pattern.finditer(text):
            s, e = nm.span()
            found = taken.find(i, s, e)
            if not found:
                n = Mention(i, s, e, "ORG", "defined name")
                out.append(n)
                taken.add(i, s, e, n)
            elif len(found) == 1 and (found[0].start, found[0].end) == (s, e) and found[0].label in _RELABEL:
                found[0].label = "ORG"
    return out


def _person_or_place(name: str) -> bool:
    """A name a cue beside it (``org_kinds``, ``org_roles``) leaves alone: one opening with a given name is a person's,
    and a country, state or big city is a place; a small town may share a firm's name."""
    return is_given_name(name.split()[0]) or (
        (p := lookup(name)) is not None and (p.kind != "city" or p.population >= CITY_POPULATION))


def _before_role(roles) -> re.Pattern:
    # up to four capitalised words (and "&", "of" between them), a role, then the capital a person's name opens with
    return re.compile(r"(?<![\w&'’.-])([A-Z][\w&'’.-]*(?:[ \t]+(?:[A-Z][\w&'’.-]*|&|of)){0,3})[ \t]+"
                      + alternation(roles) + r"[ \t]+(?=[A-Z])")


#: A sentence's end inside a run of capitalised words: a word of three letters or more (no abbreviation such as
#: "Co." or "St.") and a full stop.
_SENTENCE_END = re.compile(r"(?<![\w'’.-])([A-ZÀ-Þ]?[a-zß-ÿ][\w'’-]*[a-zß-ÿ])\.[ \t]+(?=[A-ZÀ-Þ])")
#: Two or three capitalised words in a row: the person's name a role is followed by.
_NAME_AFTER = re.compile(r"[A-Z][\w'’.-]*(?:[ \t]+[A-Z][\w'’.-]*){1,2}")
#: An organisation's name before a role in it and a person's name: "Vantora founder Ana Lima".
_BEFORE_ROLE = _before_role(ORG_ROLES)
#: The same on a page about sport, where a player's or official's role says a team: "Kestrels quarterback Ana Lima".
_BEFORE_ROLE_SPORT = _before_role(ORG_ROLES | TEAM_CUES_AFTER)


def org_roles(ms: list[Mention], page: Page) -> list[Mention]:
    """A name before a role in an organisation and a person's name is the organisation's: "Vantora founder Ana Lima".

    News reports name a person by employer and role ("Quillon analyst Tom
    Berg", "Velbury Labs chief executive Mara Quill"; on a page about sport,
    "Kestrels quarterback Ana Lima"), and the model often misses the employer
    or reads it as a person or a place. The person must follow: a person's
    mention or a name that looks like one. A name that is a country, state or
    big city, a nationality (by the gazetteer or the model: "English
    captain"), or opens with a given name is left alone; on a page about sport
    so is a name the model calls a place (which town is a club, and where,
    is ``team_cues``'s to say). Political roles ("President", "Governor") are
    not in the list: they follow countries and states. Found so, a name the
    page gives once is kept, as ``org_kinds``'s are.
    """
    texts = page.texts
    pattern = _BEFORE_ROLE_SPORT if page.about_sport else _BEFORE_ROLE
    taken = SpanIndex(ms)
    people = [(m.seg, m.start, m.end) for m in ms if m.label == "PERSON"]
    gone: set[int] = set()
    out = list(ms)
    demonyms = gazetteer().demonyms
    for i, text in enumerate(texts):
        for rm in pattern.finditer(text):
            after = rm.end()
            # the person: a person's mention that holds the words after the role (from them, or from the employer's
            # name on when the model read it all as one person), or a name that looks like one
            if not any(g == i and ps <= after < pe for g, ps, pe in people) and not (
                    (pm := _NAME_AFTER.match(text, after)) and looks_like_person(pm.group(0), page.lower_words)):
                continue
            s, e = trim_name(text, *rm.span(1), "ORG")
            for sm in _SENTENCE_END.finditer(text, s, e):  # "... from Kofi Mensah. Kestrels coach Ana Lima"
                if sm.group(1).lower() not in ORG_HEADS and sm.group(1).lower() not in TITLES:
                    s = sm.end()
            if e <= s:
                continue
            name = text[s:e]
            first = name.split()[0]
            if name.split()[-1] in {"of", "&"} or _person_or_place(name) or name.title() in demonyms or first.title() in demonyms:
                continue
            inside = taken.find(i, s, e)
            # "Quillon founder Mara Vell" read as one person: the employer and the role come off it
            swallowed = [o for o in inside if o.label == "PERSON" and s <= o.start and o.end > after]
            inside = [o for o in inside if o not in swallowed]
            if any(o.start < s or o.end > e or o.label == "NORP" or page.about_sport and o.label in PLACE_LABELS for o in inside):
                continue
            for o in swallowed:
                o.start = after
            take_cued(i, s, e, "ORG", inside, taken, out, gone)
    return [m for m in out if id(m) not in gone]


# A capitalised word joined to a name by a dash with no space: "Finland–" in "Finland–Kazakhstan Business Council".
_DASH_JOINED = re.compile(r"(?<![\w'’-])[A-Z][\w'’]+[–-]$")
# A plural's possessive and an organisation's head after it: "' Union" in "Estate Workers' Union".
_PLURAL_POSSESSIVE_HEAD = re.compile(r"['’][ \t]+([A-Z][a-z]+)")
# The word right before a name, on its line.
_WORD_BEFORE = re.compile(r"(?<![\w'’-])([A-Z][\w'’]*)[ \t]+$")


def org_edges(ms: list[Mention], page: Page) -> list[Mention]:
    """An organisation's name the model cut short at an edge is made whole: over a name joined to it by a dash
    ("Finland–Kazakhstan Business Council", "Oman–Tanzania Joint Commission"), over a plural's possessive before its
    head ("Estate Workers' Union"), and over a head word that opens it ("Universidad Andina de Riobamba"). A mention
    of the model inside the added words gives way to the whole name."""
    texts = page.texts
    taken = SpanIndex(ms)
    gone: set[int] = set()
    for m in ms:
        if m.label != "ORG" or id(m) in gone:
            continue
        text = texts[m.seg]
        s, e = m.start, m.end
        if (dm := _DASH_JOINED.search(text, max(0, s - 40), s)) is not None:
            s = dm.start()
        elif (wm := _WORD_BEFORE.search(text, max(0, s - 30), s)) is not None and (
                wm.group(1).lower() in ORG_HEADS or wm.group(1).lower() in ORG_OPENERS):
            s = wm.start(1)
        if m.text(texts).endswith("s") and (pm := _PLURAL_POSSESSIVE_HEAD.match(text, e)) and pm.group(1).lower() in ORG_HEADS:
            e = pm.end()
        if (s, e) == (m.start, m.end):
            continue
        for o in taken.find(m.seg, s, e):
            if o is not m and s <= o.start and o.end <= e:
                gone.add(id(o))
        m.start, m.end = s, e
    return [m for m in ms if id(m) not in gone]

