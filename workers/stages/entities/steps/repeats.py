"""Names repeated on the page: surnames after full names, one label per name, acronyms, missed mentions, places by evidence."""

from __future__ import annotations

import re
from collections import Counter, defaultdict

from ....knowledge.gazetteer import CITY_POPULATION
from ....knowledge.lexicon import (
    ARTICLE_PREFIXES, COMPASS_WORDS, FUNCTION_WORDS, INSTITUTIONS, ORG_HEADS, PLACE_HEADS, PLACE_PREFIXES, PLACE_PREFIX_EVIDENCE,
    TITLES, alternation,
)
from ..core import (
    CUED_ORIGINS, EDGE_PUNCT, Mention, NAME_LABELS, Occurrences, PLACE_LABELS, PLACE_VERB_BEFORE, Page, SpanIndex, bare, dateline_place, fold,
    gazetteer, is_common, is_given_name, trim_name,
)

#: A surname after an Arabic article and a hyphen ("al-Tarabi"): the article is no part of the name a page repeats.
_ARTICLE_SURNAME = re.compile(r"^" + alternation(ARTICLE_PREFIXES) + r"[-‑]([A-Z]\w+)$")

# "of" in the languages that name a body or a product after its town: "Pétrole de Doba", "Cantina di Lerici".
_OF_WORDS = frozenset(("de", "du", "des", "di", "da", "do", "del", "della", "of"))


def _person_parts(ms: list[Mention], texts: list[str], lower_words: set[str]) -> dict[str, set[str]]:
    """Name parts -> full names: "Holt" -> {"Harold Holt"} for the multi-word persons on the page."""
    parts: dict[str, set[str]] = defaultdict(set)
    places = {m.text(texts) for m in ms if m.label in PLACE_LABELS}
    for m in ms:
        if m.label != "PERSON":
            continue
        t = m.text(texts)
        toks = [x for x in t.split() if x]
        if len(toks) < 2:
            continue
        full = " ".join(toks)
        gaz = gazetteer()
        if (whole := gaz.lookup(full.strip(EDGE_PUNCT))) is not None and (whole.kind != "city" or whole.population >= CITY_POPULATION):
            continue  # "Ho Chi Minh City": a place the model read as a person, made a place below
        # A surname may be a state's or a country's name ("Tom Nelson", "Ana Jordan") where a first word no list knows
        # opens the name and the page names no such place; a place's word elsewhere in the name says a place, not a
        # person ("Utah Governor").
        surname_place = (gaz.lookup(toks[0].strip(EDGE_PUNCT)) is None and not is_common(toks[0])
                         and toks[-1].strip(EDGE_PUNCT) not in places)
        if bare(toks[-1]) in lower_words or any(bare(x) in TITLES or bare(x) in PLACE_HEADS for x in toks) or any(
                (p := gaz.lookup(x.strip(EDGE_PUNCT))) is not None and p.kind not in ("city", "feature")
                for k, x in enumerate(toks) if not x.islower() and not (surname_place and k == len(toks) - 1)):
            continue  # "Seaview Hotel", "Utah Governor": not a person's name to spread ("van" in "Mara van Velde" is no province)
        if not is_given_name(toks[0]) and is_common(toks[0]):
            continue  # "Place Carnot", "Auditorium Lumière": a common word, no given name, opens it
        parts[full].add(full)
        cands = [toks[-1], toks[0]]
        if re.fullmatch(r"(?:Jr|Sr|[IVX]+)\.?", toks[-1]) and len(toks) > 2:
            cands[0] = toks[-2].rstrip(",")
        for p in list(cands):
            am = _ARTICLE_SURNAME.match(p.strip(EDGE_PUNCT))
            if am:  # "Karim al-Tarabi" ... "Tarabi"
                cands.append(am.group(1))
        given = is_given_name(toks[0])
        for p in cands:
            p = p.strip(EDGE_PUNCT)
            if (len(p) < 3 or not p[0].isupper() or p.lower() in TITLES or p.lower() in lower_words
                    or p.isupper() or not p.isalpha() and "-" not in p):
                continue
            if not given and p in places and (gp := gaz.lookup(p)) is not None and (
                    gp.population >= CITY_POPULATION or (p == toks[-1].strip(EDGE_PUNCT) and toks[-2].lower() in _OF_WORDS)):
                # "Vieux Lyon", and "Lyon" a place on the page: a big city's name is no surname without a given name;
                # nor is a town's after "de" ("Pêcheries de Tarvik": of Tarvik), though one may be ("Ferris Holt")
                continue
            parts[p].add(full)
    for m in ms:
        if m.origin == "citation":
            t = m.text(texts)
            parts[t].add(t)
    return parts


_COMPASS = re.compile(alternation(COMPASS_WORDS) + r"\s+([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)$")


_AFTER_PLACE_PREFIX = re.compile(r"\b" + alternation(PLACE_PREFIX_EVIDENCE) + r"\s+([A-Z][\w'’-]+)(?![\w'’-]|\s+[A-Z])")


#: An initial just before a surname: "T. " in "T. Okafor".
_INITIAL_BEFORE = re.compile(r"(?<![\w.'’-])([A-Z])\.[ \t]?$")
_PREV_WORD = re.compile(r"([A-Za-z]+\.?)\s+$")


def _heads_its_phrase(text: str, end: int) -> bool:
    """No lower-case noun follows the name: "in Veshar, ...", not "in Quaker jargon"."""
    nm = re.match(r"\s*([a-z]+)\b", text[end:end + 30])
    return nm is None or nm.group(1) in FUNCTION_WORDS


def place_fixes(ms: list[Mention], texts: list[str], person_words: set[str], sport: bool, known_orgs: frozenset[str]) -> None:
    """Names the model called a person, organisation or group that are places.

    Evidence for a place: the gazetteer knows the name (a city the model
    calls an organisation only when it is a town on a page not about sport:
    big cities name teams and universities), or on this page it stands after
    "in"/"near"/"across"..., or it heads or ends a place name ("Seaview
    Island", "Mount Veshar"). A name that is part of a person's full name on
    the page is never turned into a place. The evidence of one mention holds for every
    mention of the same name on the page.
    """
    gaz = gazetteer()
    # "Mount Veshar", "Lake Chad": the name after the prefix names a place
    evidence: set[str] = {pm.group(1) for t in texts for pm in _AFTER_PLACE_PREFIX.finditer(t)} - person_words
    for m in ms:
        t = m.text(texts)
        if m.label in PLACE_LABELS:
            toks = t.split()
            if len(toks) >= 2 and bare(toks[-1]) in PLACE_HEADS | {"city", "province", "governorate", "region", "district"}:
                evidence.add(" ".join(toks[:-1]))
            continue
        if m.label not in {"PERSON", "ORG", "NORP"}:
            continue
        if t in person_words or any(w in person_words for w in t.split()):
            continue
        if m.label == "PERSON" and (tw := _PREV_WORD.search(texts[m.seg], max(0, m.start - 20), m.start)) and (
                tw.group(1).rstrip(".").lower() in TITLES):
            continue  # "President Kennedy": a title makes a person, whatever town shares the name
        p = gaz.lookup(t)
        if p is not None and not (p.kind == "city" and (p.population < CITY_POPULATION or m.label == "ORG")):
            evidence.add(t)
        elif (p is not None and p.kind == "city" and m.label == "ORG" and not sport and not p.alias
              and t not in INSTITUTIONS and t not in known_orgs):
            # a city's name on an organisation is its team only on a page about sport (one-word big cities in
            # the gold pages: 787 places, 48 organisations, most of them teams or other names of the city)
            evidence.add(t)
        elif (m.label == "PERSON" or m.label == "ORG" and not t.isupper() and t not in INSTITUTIONS
              and t not in known_orgs) and " " not in t and PLACE_VERB_BEFORE.search(texts[m.seg], max(0, m.start - 15), m.start) and not re.match(
                r"['’]s\b", texts[m.seg][m.end:m.end + 3]) and _heads_its_phrase(texts[m.seg], m.end):
            evidence.add(t)
        # "Tulsa, Oklahoma": a name followed by a state or country is a town
        after = re.match(r",\s+([A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)", texts[m.seg][m.end:m.end + 40])
        if after and " " not in t:
            ap = gaz.lookup(after.group(1))
            if ap is not None and ap.kind in {"state", "country"}:
                evidence.add(t)
    # a name the page introduces as a company ("research firm Quillon": org_kinds) is no town there, whatever the gazetteer knows
    evidence -= {m.text(texts) for m in ms if m.origin == "kind"}
    for m in ms:
        # "New" + "York": the model cut a place name short
        if m.label in {"PERSON", "ORG", "NORP", "GPE"}:
            bm = re.search(r"(?<![\w'’-])([A-Z][a-z]+) $", texts[m.seg][max(0, m.start - 20):m.start])
            if bm and bm.group(1) not in {"The", "In", "At", "From", "To", "Of"}:
                longer = bm.group(1) + " " + m.text(texts)
                lp = gaz.lookup(longer)
                if lp is not None and (lp.kind != "city" or lp.population >= CITY_POPULATION):
                    m.start -= len(bm.group(0))
                    m.label = "LOC" if lp.kind == "continent" else "GPE"
                    continue
        cm = _COMPASS.match(m.text(texts))
        if m.label in {"PERSON", "ORG", "NORP"} and cm and (base := gaz.lookup(cm.group(1))) is not None:
            # "North Fresno": a part of a known place; "Western Asia": a region
            whole = gaz.lookup(m.text(texts)) or base
            m.label = "LOC" if whole.kind == "continent" or base.kind == "continent" else "GPE"
            continue
        if m.label in {"PERSON", "ORG", "NORP"} and m.text(texts) in evidence:
            p = gaz.lookup(m.text(texts))
            m.label = "LOC" if p is not None and p.kind == "continent" else "GPE"
            m.origin = m.origin + "+place"


def _initials_of(name: str) -> str:
    """The initials of a name's capitalised words: "MRS" for "Meridian Reefer Services"."""
    return "".join(w[0] for w in name.split() if w[:1].isupper())


def propagate(ms: list[Mention], page: Page) -> list[Mention]:
    """Names repeated on the page: one label per name, and the mentions the model missed (in capitals too, on a line in capitals)."""
    texts = page.texts
    lower_words = page.lower_words
    # 1. persons: full names and their parts
    # A name a word beside it calls an organisation ("the software firm X") is one wherever the page repeats it,
    # whatever the model read there: the cue outweighs the model's votes.
    cued = {m.text(texts): m.label for m in ms if m.origin in CUED_ORIGINS and m.label in NAME_LABELS}
    parts = _person_parts([m for m in ms if m.text(texts) not in cued], texts, lower_words)
    person_words = set(parts)
    # a person's surname alone in capitals: "LINDQVIST LEADS BY TWO" after "Anders Lindqvist" (a first word the page
    # writes in lower case is no given name: "the")
    caps_surnames = {p.upper() for p, fulls in parts.items() if " " not in p and any(
        is_given_name(f.split()[0]) and f.split()[0].lower() not in lower_words for f in fulls if " " in f)}
    for m in ms:
        if m.label != "PERSON" and m.label in NAME_LABELS and (m.text(texts) in parts or (
                m.text(texts) in caps_surnames and page.title_lines.capitals(m.seg, m.start))):
            m.label = "PERSON"
    fulls = {p for p in parts if " " in p}
    extra: list[Mention] = []
    for m in ms:
        if m.label == "PERSON" or m.label not in NAME_LABELS:
            continue
        t = m.text(texts)
        # the longest full name that ends the mention after a space: "Port Authority Ana Lima" -> "Ana Lima"
        # (looked up by the mention's own tails, not by trying every full name of the page on every mention)
        full = next((t[k + 1:] for k, c in enumerate(t) if c == " " and t[k + 1:] in fulls), None)
        if full is None:
            continue
        cut = m.end - len(full)
        extra.append(Mention(m.seg, cut, m.end, "PERSON", "alias"))
        a, b = trim_name(texts[m.seg], m.start, cut, m.label)
        m.start, m.end = a, b
        pre = texts[m.seg][a:b]
        gp = gazetteer().lookup(pre)
        if gp is not None:
            m.label = "LOC" if gp.kind == "continent" else "GPE"
        elif re.match(r"(?:North|South|East|West|Middle|Central|Far|Near)\b", pre):
            m.label = "LOC"  # "the Near East Ana Lima"
        else:
            m.end = m.start  # dropped by resolve()
    ms.extend(extra)
    place_fixes(ms, texts, person_words, page.about_sport, page.known.orgs)
    # 2. one label per name on the page (majority of the model's votes)
    votes: dict[str, Counter] = defaultdict(Counter)
    folded: dict[str, str] = {}  # a name recurs: fold (Unicode normalisation) each once

    def key(t: str) -> str:
        if (k := folded.get(t)) is None:
            k = folded[t] = fold(t)
        return k

    for m in ms:
        if m.label in NAME_LABELS:
            votes[key(m.text(texts))][m.label] += 1
    for m in ms:
        if m.label in NAME_LABELS:
            v = votes[key(m.text(texts))]
            if (label := cued.get(m.text(texts))) is not None:
                m.label = label
                continue
            if m.text(texts) in parts:
                continue
            if m.label in PLACE_LABELS and dateline_place(texts[m.seg], m.start, m.end) is not None:
                continue  # a dateline's place stays one, whatever the town's club is called in a table below
            best, n = v.most_common(1)[0]
            place_votes = [lab for lab in v if lab in PLACE_LABELS]
            if (place_votes and m.label not in PLACE_LABELS and gazetteer().lookup(m.text(texts)) is not None
                    and sum(v[lab] for lab in place_votes) >= n):
                m.label = max(place_votes, key=lambda lab: v[lab])  # the gazetteer breaks the tie for a place
            elif (place_votes and v["ORG"] and 2 * v["ORG"] >= sum(v[lab] for lab in place_votes)
                  and fold(m.text(texts)) not in gazetteer().places):
                # no place the gazetteer knows (in capitals too: "OSLO" in a dateline), and the model often says organisation
                m.label = "ORG"
            elif n > v[m.label]:
                m.label = best
    # 3. acronyms defined in brackets: "Coastal Fisheries Agency (CFA)"
    out = list(ms)
    oidx = SpanIndex(out)
    for m in ms:
        if m.label not in NAME_LABELS or len(m.text(texts).split()) < 2:
            continue
        am = re.match(r"\s*\(\s*([A-Z][A-Za-z&.’'-]*[A-Z])\s*\)", texts[m.seg][m.end:m.end + 40])
        if am:
            s, e = m.end + am.start(1), m.end + am.end(1)
            if m.label == "PERSON" and _initials_of(m.text(texts)) == re.sub(r"[^A-Z]", "", am.group(1)):
                m.label = "ORG"  # a person is not abbreviated by initials in brackets: "Meridian Reefer Services (MRS)"
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
        if " " not in t and t.lower() in ORG_HEADS:
            continue  # (a body named in full, then by its head word alone: the page's word for it, not its name)
        if m.label == "PERSON" and t in parts:
            names[t] = "PERSON"
        elif m.label != "PERSON" and (len(t.split()) > 1 or (t.isupper() and len(t) >= 2) or votes[key(t)].total() >= 2
                                      or m.origin == "acronym"):
            names.setdefault(t, m.label)
    for p in parts:
        names[p] = "PERSON"
    # the same names in a line in capitals (a wire story's headline): "NORWAY BEAT CHILE" after "Norway"; only
    # names of two words or more, places the gazetteer knows, and one-word organisations the model named so twice
    # that are no common word ("VELDCORP CUTS JOBS"): a one-word label found once is too often the model's guess (a
    # language called an organisation), and a heading in capitals would repeat it
    caps: dict[str, str] = {}
    for m in out:
        t = m.text(texts)
        if (m.label in NAME_LABELS and len(t) >= 3 and any(c.islower() for c in t) and t.upper() not in names
                and (" " in t or (m.label in PLACE_LABELS and gazetteer().lookup(t) is not None)
                     or (m.label == "ORG" and votes[key(t)]["ORG"] >= 2 and t.lower() not in lower_words and not is_common(t)))):
            caps.setdefault(t.upper(), names.get(t, m.label))
    for p in caps_surnames - names.keys():
        caps.setdefault(p, "PERSON")
    names.update(caps)
    taken = SpanIndex(out)
    if names:
        occurrences = Occurrences(names)
        for i, text in enumerate(texts):
            for s, e in occurrences(text):
                if taken.overlaps(i, s, e) or (text[s:e] in caps and not page.title_lines.capitals(i, s)):
                    continue
                if names[text[s:e]] == "PERSON" and (pm := _PREV_WORD.search(text, max(0, s - 12), s)) and bare(pm.group(1)) in PLACE_PREFIXES:
                    continue  # "Fort Lee" is a place even on a page about someone called Lee
                a = s
                if (im := _INITIAL_BEFORE.search(text, max(0, s - 4), s)) and any(
                        full[0] == im.group(1) for full in parts.get(text[s:e], ())) and not taken.overlaps(i, im.start(), s):
                    a = im.start()  # "T. Okafor" on a page about Tom Okafor: the initial is part of the name
                out.append(Mention(i, a, e, names[text[s:e]], "alias"))
                taken.add(i, a, e)
    return out
