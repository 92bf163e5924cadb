"""Label steps that need no other names of the page: events, places by their head word, acronyms, citations."""

from __future__ import annotations

import re
from functools import lru_cache
from collections import Counter

from ....knowledge.lexicon import (
    BODY_HEADS, CATASTROPHE_HEADS, COMPASS_WORDS, CURRENCY_NAMES, EVENT_HEADS, EVENT_OF, EVENT_ORDINALS, EVENT_STARTS, FUNCTION_WORDS, LEAD_WORDS, LOC_HEADS, MEETING_CUES_BEFORE, MEETING_WORDS,
    FOREIGN_PLACE_WORDS, LEGAL_FORMS, NOT_EVENT_HEADS, ORG_HEADS, PEOPLE_NOUNS, PEOPLE_NOUNS_ALONE, PEOPLE_SUBJECTS, PLACE_HEADS, PLACE_MODIFIERS, PLACE_PREFIXES,
    PLACE_SUFFIXES,
    MONTHS, TITLES, WEEKDAYS, alternation,
)
from ....knowledge.gazetteer import CITY_POPULATION, currency_codes
from ....knowledge.lexicon import words as word_list
from ....knowledge.words import is_listed, plural_stems
from .. import timex
from ..core import (
    EDGE_PUNCT, Mention, NAME_LABELS, Page, Runs, SpanIndex, bare, dateline_place, fold, gazetteer, is_common, is_given_name, is_table_row, lookup,
    SPEECH_AFTER, THE_BEFORE, UNKNOWN_PLACE_LETTERS, place_label, sentence_initial, short_form_heads, strip_punct,
)

#: A compass word before the rest of a name in capitals: "NORTHERN INDIA".
_CAPS_COMPASS = re.compile(r"(?i:" + alternation(COMPASS_WORDS) + r")\s+(?=\S)")
_ORDINAL_BEFORE = re.compile(r"(?:\b\d{4}|\b\d+(?:st|nd|rd|th)|\b[A-Z][a-z]+(?:st|nd|rd|th))\s+$")
_YEAR_AFTER = re.compile(r"^\s+\d{4}\b")
#: Event heads that name a standing body more often than a meeting ("the Peruvian Congress",
#: "the Federal Congress"): an event only with a sign of one, an ordinal or a year before it,
#: or a word such as "International" in it ("the 18th Party Congress", "World Congress").
#: A word of meeting right before "the" and a body head's name ("at the Tarvo Forum"), or a place after it ("the Tarvo
#: Forum in Selvik"): a meeting, not a standing body.
_MEETING_BEFORE = re.compile(r"(?<![\w'’-])(?i:" + alternation(MEETING_CUES_BEFORE) + r")[ \t\n]+the[ \t\n]+$")
_PLACE_AFTER = re.compile(r"[ \t]+in[ \t]+[A-Z]")
_ORDINAL_IN = re.compile(r"\b(?:\d{4}|\d+(?:st|nd|rd|th)|" + alternation(EVENT_ORDINALS) + r")\b")


def fix_events(ms: list[Mention], page: Page) -> list[Mention]:
    """Names ending in an event noun ("... Kite Festival") or starting with a storm word are events.

    An "event" that is the name of a country, state or region ("Western Sahara") is that place,
    and a "Congress" with no sign of a meeting ("the Peruvian Congress") is a standing body; an ordinal, a word of
    meeting before it ("at the", "remarks to the": ``meeting_cues_before``) or a place after it ("the Tarvo Ports
    Forum in Selvik") is such a sign.
    """
    texts = page.texts
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
        if len(words) >= 2 and alpha[-1].lower() in BODY_HEADS and m.label in {"ORG", "EVENT"}:
            before = _ORDINAL_BEFORE.search(texts[m.seg], max(0, m.start - 40), m.start)
            meeting = ((before is not None and before.end() == m.start) or _ORDINAL_IN.search(t) is not None
                       or any(w.lower() in MEETING_WORDS for w in words)
                       or _MEETING_BEFORE.search(texts[m.seg], max(0, m.start - 25), m.start) is not None
                       or _PLACE_AFTER.match(texts[m.seg], m.end) is not None)
            m.label = "EVENT" if meeting else "ORG"
            continue
        if m.label == "EVENT":
            continue
        if (sw := _START_WORD_BEFORE.search(texts[m.seg], max(0, m.start - 20), m.start)) and sw.group(1).lower() in EVENT_STARTS:
            m.start, m.label = sw.start(1), "EVENT"  # "Hurricane" + the model's "Ivan": the storm, not a person
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


# The capitalised word right before a mention: "Hurricane " before "Ivan".
_START_WORD_BEFORE = re.compile(r"(?<![\w'’-])([A-Z][^\W\d_]+)[ \t]$")


_CITATION = re.compile(
    r"^(?P<names>[A-Z][\w'’-]+(?:\s*,\s*[A-Z][\w'’-]+)*,?\s*(?:&|and)\s*[A-Z][\w'’-]+)(?P<year>\s*,?\s*\d{4}[a-z]?)?$"
)
_NAME_IN_CITATION = re.compile(r"[A-Z][\w'’-]+")


def fix_names(ms: list[Mention], page: Page) -> list[Mention]:
    """Label and span fixes that need no page context.

    * a citation the model took for an organisation ("Halvorsen & Berg 2011")
      is the persons it names, and its year a date;
    * a place with digits is a product ("IE6") or a score ("Norway 2");
    * an acronym the model called a place but that is no country is an organisation (not a place the
      gazetteer knows on a line in capitals: a headline's town is no acronym);
    * "Secretary of Health" holds no organisation; "Department of Justice" is one;
    * a person or organisation named after a place noun ("Seaview Hotel") is a place.
    """
    texts = page.texts
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
                    a, b = strip_punct(text, ys, m.start + cm.end("year"))
                    d = Mention(m.seg, a, b, "DATE", m.origin)
                    d.value = timex.value(text[a:b])
                    out.append(d)
                continue
        if m.label == "ORG" and re.search(r"\s\d+$", t):
            tm = re.match(r"^(.*?[^\d\s])\s+\d+$", t)
            if tm and gazetteer().lookup(tm.group(1)) is not None:  # "Norway 2" in a score line
                m.label = "GPE"
        if m.label in {"PERSON", "NORP"} and len(t.split()) >= 2 and bare(t.split()[0]) in PLACE_PREFIXES:
            m.label = PLACE_PREFIXES[bare(t.split()[0])]  # "Fort Lee", "Lake Ward": a place, whatever surname follows
            out.append(m)
            continue
        if m.label in {"GPE", "LOC", "ORG", "PERSON", "NORP", "FAC"} and (dp := dateline_place(text, m.start, m.end)) is not None:
            m.label = place_label(dp)  # "OSLO, May 3 -": the place of a dateline, not an acronym
            out.append(m)
            continue
        if m.label in {"GPE", "LOC"}:
            gaz = gazetteer()
            if re.search(r"\d", t) and gaz.lookup(t) is None:
                tm = re.match(r"^(.*?[^\d\s])\s+\d+$", t)
                if tm and gaz.lookup(tm.group(1)) is not None:  # "Norway 2" in a score line
                    m.end = m.start + len(tm.group(1))
                else:
                    continue  # "IE6", "Windows XP 2": products, not places
            elif t.replace(".", "").isupper() and gaz.country_code(t) is None and gaz.lookup(t) is None:
                caps_line = page.title_lines.capitals(m.seg, m.start)
                if caps_line and len(t) >= 4 and (p := gaz.places.get(fold(t))) is not None:
                    m.label = place_label(p)  # a headline writes every place in capitals: "LAGOS CLASH LEAVES SIX DEAD"
                elif caps_line and (cm := _CAPS_COMPASS.match(t)) and gaz.country_code(t[cm.end():]) is not None:
                    m.start += cm.end()  # "NORTHERN INDIA": a part of a country, named by the country
                    m.label = "GPE"
                elif " " not in t:
                    m.label = "ORG"  # an acronym that is no country: "CFA" (an acronym is one word)
        if m.label == "NORP" and len(t) > 1 and t.isupper() and gazetteer().lookup(t) is None and t.title() not in gazetteer().demonyms:
            m.label = "ORG"  # an acronym is no nationality: "XYZF fighters" (but "GERMAN BONDS EASE" has one)
        if m.label == "ORG" and " " not in t:
            before = text[max(0, m.start - 30):m.start]
            om = re.search(r"\b(Department|Ministry|Office|Secretary|Minister|Secretaries|Ministers)\s+(?:of|for)\s+(?:the\s+)?$", before)
            if om:
                if om.group(1).startswith(("Secretar", "Minister")):
                    continue  # "Secretary of Health": a title, not a name
                m.start -= len(before) - om.start()
        if m.label in {"ORG", "PERSON"} and len(t.split()) >= 2:
            last = bare(t.split()[-1])
            om = re.match(r"(.+?)\s+of\s", t)
            head = bare(om.group(1).split()[-1]) if om else ""
            if head in ORG_HEADS:
                last = head  # "University College of the Isles", "Church of X": a body named by its first part
            elif head in PLACE_HEADS:
                last = head  # "Harbour Museum of Glass": a place named by its first part
            if last in PLACE_HEADS and head not in ORG_HEADS and not (m.label == "PERSON" and (
                    _player_in_a_row(m, text, page) or _surname_head(t, last, text, m.start))):
                m.label = "LOC" if last in LOC_HEADS else "FAC"
            elif m.label == "PERSON" and last in ORG_HEADS:
                m.label = "ORG"  # "the Brandt Administration", "Planning Secretariat"
            elif m.label == "PERSON" and _plural_noun(t.split()[-1].split("-")[-1]) and not is_given_name(t.split()[0]):
                m.label = "ORG"  # a person is no plural: "Kestrel Agro-Traders", "Holm Ferries"
        out.append(m)
    return out


def _plural_noun(word: str) -> bool:
    """A capitalised English noun in the plural ("Ferries", "Traders"), by its spelling: the word and the word less its
    -s (or -ies, -es) are both English words. Surnames so spelt ("Rivers", "Banks") follow a given name."""
    w = bare(word)
    return is_listed(w) and any(is_listed(stem) for stem in plural_stems(w))


#: Place heads that are common surnames too: after a given name they end a person's name.
SURNAME_HEADS = word_list("surname_heads")


def _surname_head(t: str, last: str, text: str, start: int) -> bool:
    """``t``, read as a person's, ends in a place head that is a surname too, after a given name and with no article
    before it: "Edwin Hall, 46, ..." is a person, "the Edwin Hall" or "Harrow Ridge" a place."""
    return (last in SURNAME_HEADS and is_given_name(t.split()[0])
            and not re.search(r"\b[Tt]he\s+$", text[max(0, start - 5):start]))


#: A figure after a name in a row of a table: "Lionel Park 72 68".
_FIGURE_AFTER = re.compile(r"[ \t]+\d")
#: What may stand before a row's entry on its line: nothing, or a rank ("1.", "T3").
_RANK_BEFORE = re.compile(r"[ \t]*(?:[A-Z]?\d{1,3}[.)=]?[ \t]+)?")


def _player_in_a_row(m: Mention, text: str, page: Page) -> bool:
    """A person the model found opening a row of figures, a given name first: a player's score ("Lionel Park 72 68",
    "Edwin Hall 71"), whatever place noun the surname is."""
    ls, le = page.title_lines.span(m.seg, m.start)
    return (_RANK_BEFORE.fullmatch(text, ls, m.start) is not None and _FIGURE_AFTER.match(text, m.end) is not None
            and is_given_name(text[m.start:m.end].split()[0]) and is_table_row(text[ls:le]))


#: A capitalised place adjective right before a point ("Grande " before "Anse").
_MODIFIER_BEFORE = re.compile(r"(?<![\w'’-])" + alternation(PLACE_MODIFIERS) + r"\s+$")


def foreign_places(ms: list[Mention], page: Page) -> list[Mention]:
    """A person or organisation named with another language's word for a place is that place.

    The model reads many foreign place names as persons ("Grande Anse",
    "Rua Augusta", "Kirkegata", "Kvaløya"): a name holding a word of
    ``foreign_place_words`` (a beach, cape, street, square, church...), or one
    word ending in one of ``place_suffixes``, takes that word's label, and a
    place adjective right before it ("Grande", "Petite") joins it. Words that
    are also common surnames or given names are not on the list ("Plaza",
    "Torre", "Isla"), and a one-word name that is a given name is no compound.
    """
    texts = page.texts
    for m in ms:
        if m.label not in {"PERSON", "ORG"}:
            continue
        toks = [w.strip(EDGE_PUNCT) for w in m.text(texts).split()]
        if toks and (toks[-1].lower() in ORG_HEADS or toks[-1] in LEGAL_FORMS):
            continue  # a body named after the place: "Wadi Zarqa Brigade", "Cerro Alto Trust"
        label = next((FOREIGN_PLACE_WORDS[w] for w in toks if w in FOREIGN_PLACE_WORDS), None)
        if label is None and len(toks) == 1 and not is_given_name(toks[0]):
            w = toks[0].lower()
            label = next((lab for suf, lab in PLACE_SUFFIXES.items() if w.endswith(suf) and len(w) >= len(suf) + 3), None)
        if label is None:
            continue
        m.label = label
        if mm := _MODIFIER_BEFORE.search(texts[m.seg], max(0, m.start - 12), m.start):
            m.start = mm.start()
    return ms


# (a word joined to the next by an en dash is one: "Franco–Prussian War")
_EVW = r"(?:[A-Z][\w'’–-]*|\d{4}|\d+(?:st|nd|rd|th))"
# (two things a fair or a festival is of, joined by "and": "Harbour Wool and Crafts Fair")
_EVSEQ = re.compile(r"(?<![\w'’-])" + _EVW + r"(?:\s+(?:of\s+(?:the\s+)?|and\s+(?=[A-Z]))?" + _EVW + r")*")



def event_names(ms: list[Mention], page: Page) -> list[Mention]:
    """Capitalised names ending in an event word are events: "Chile-Peru Summit", "Comic Expo Norway".

    The run may end in a year ("... Summit 2031") or, after the event word,
    a place name ("Comic Expo Norway"). Mentions inside the run give way to it;
    a run cut across by a mention is left alone. One-word runs ("Games") are
    no name, and a run in capitals is left to the model (a headline's words).
    """
    texts = page.texts
    runs = Runs(ms)
    for i, text in enumerate(texts):
        for sm in _EVSEQ.finditer(text):
            if " " not in sm.group(0) or not any(w.lower() in EVENT_HEADS or w.lower() in EVENT_OF for w in sm.group(0).split()):
                continue
            if not any(c.islower() for c in sm.group(0)):
                continue  # in capitals every word is capitalised: the run is a headline, not a name
            toks = [(m.start() + sm.start(), m.end() + sm.start()) for m in re.finditer(r"\S+", sm.group(0))]
            words = [text[a:b] for a, b in toks]
            k0 = 0
            while k0 < len(words) and words[k0].lower() in LEAD_WORDS:
                k0 += 1
            end = None
            if k0 + 2 < len(words) and words[k0].lower() in EVENT_OF and words[k0 + 1] == "of" and text[:toks[k0][0]].strip():
                # an event named for what it was of: "Siege of Harbourton", "Feast of Saint Ana"; not as a line's title
                # ("Liberation of Harbourton" over a statement names the place, its words the statement's)
                end = len(words) - 1
            for k in range(len(words) - 1 if end is None else k0, k0, -1):
                w = words[k]
                if w.lower() in EVENT_HEADS and w.lower() not in NOT_EVENT_HEADS and w[0].isupper():
                    end = k
                    if end + 1 < len(words) and lookup(words[end + 1]) is not None:
                        end += 1
                    if end + 1 < len(words) and re.fullmatch(r"\d{4}", words[end + 1]):
                        end += 1
                    break
            if end is None or any(w.strip(".,;:").lower() in ORG_HEADS for w in words[end + 1:]):
                continue  # (a body named for what it deals with is no event: "Norbay Disaster Management Authority")
            # a capitalised small word in a title line ("... Returns To Oslo After Talks") ends what came before
            for k in range(end - 1, k0 - 1, -1):
                if words[k].lower() in LEAD_WORDS and words[k] not in ("of", "and"):
                    k0 = k + 1
                    break
            # a name: at least two name words before the end, not all of them years or numbers
            name_words = [w for w in words[k0:end + 1] if w[0].isupper()]
            if len(name_words) < 2:
                continue
            cs, ce = toks[k0][0], toks[end][1]
            inside = runs.inside(i, cs, ce)
            if inside is None:
                continue
            # (the model's person that is the whole run, no given name first, is the event: "Harbour Lantern Weekend";
            # the model's event cut short at the front is the run's: "Crafts Fair" of "Harbour Wool and Crafts Fair")
            # (and a name joined to the next by a dash is half a word of the run's: "Franco" of "Franco–Prussian War")
            whole = [o for o in inside if (o.label == "PERSON" and (o.start, o.end) == (cs, ce) and not is_given_name(words[k0]))
                     or (o.label == "EVENT" and o.end == ce) or (o.end < ce and text[o.end:o.end + 1] == "–")]
            if any((o.label in {"EVENT", "LAW", "PERSON"} and o not in whole)
                   or (o.label in {"DATE", "DURATION"} and not re.fullmatch(r"\d{4}", o.text(texts))) for o in inside):
                continue
            runs.take(i, cs, ce, "EVENT", inside)
    for i, text in enumerate(texts):
        for cm in _CATASTROPHE.finditer(text):
            name = cm.group("name").split()
            if any(w.lower() in MONTHS or w.lower() in WEEKDAYS for w in name) or (len(name) == 1 and is_common(name[0])):
                continue  # "the Monday floods": a day, no place; "Reading eruption histories": a word
            cs = cm.start("year") if cm.group("year") else cm.start("name")
            inside = runs.inside(i, cs, cm.end())
            if inside is None or any(o.label in {"DATE", "DURATION"} and not re.fullmatch(r"\d{4}", o.text(texts)) for o in inside):
                continue
            runs.take(i, cs, cm.end(), "EVENT", inside)
    return runs.result()


# A disaster named for its place (and year), its word in lower case: "the 1906 Harbourton earthquake", "the Skerry
# Alpha disaster".
# (a sentence's article is no word of the name: "The Skerry Alpha disaster" is one of "Skerry Alpha")
_CATASTROPHE = re.compile(r"(?<![\w'’-])(?:(?P<year>(?:1[5-9]|20)\d\d)[ \t]+)?(?P<name>(?!(?:The|An?)[ \t])[A-Z][\w'’-]*[a-zà-ÿ][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*){0,2})"
                          r"[ \t]+(?P<head>" + alternation(CATASTROPHE_HEADS) + r")\b")


def headline_words(ms: list[Mention], page: Page) -> list[Mention]:
    """A lone word of a headline in capitals that the page writes in lower case is no name: "FERRY FIRM FINED".

    In capitals the model cannot tell a name from a word, and takes a verb or a
    noun of a wire story's headline for an organisation. The page's own text
    says which words are words. A country or continent ("TURKEY") and the place
    of a dateline stay; so do short words, which are more often acronyms ("WHO").
    """
    texts = page.texts
    lower_words = page.lower_words
    out = []
    for m in ms:
        t = m.text(texts)
        if (m.label in NAME_LABELS and len(t) >= 4 and t.isalpha() and t.isupper() and t.lower() in lower_words
                and page.title_lines.capitals(m.seg, m.start)
                and not ((p := lookup(t)) is not None and p.kind in {"country", "continent"})
                and dateline_place(texts[m.seg], m.start, m.end) is None):
            continue
        out.append(m)
    return out


# An amount right after or right before a currency's code: "NOK 120", "XOF 5,000", "45 SEK".
_AMOUNT_AFTER = re.compile(r"[ \t]?\d")
_AMOUNT_BEFORE = re.compile(r"\d[ \t]?$")
# An amount, then a space, before a currency's name: "49.95 Euro", "2 million Rupees".
_AMOUNT_THEN_SPACE = re.compile(r"\d(?:[ \t]+(?:thousand|million|billion))?[ \t]+$", re.IGNORECASE)


def currency_codes_by_amounts(ms: list[Mention], page: Page) -> list[Mention]:
    """A currency's ISO 4217 code beside an amount is the amount's unit, not a name: the model takes "NOK" in
    "adults NOK 120" for an organisation; so is a currency's name after an amount ("49.95 Euro", read as a person).
    No label the record scores is a currency, so the mention goes."""
    texts = page.texts
    codes = currency_codes()

    def unit(m: Mention) -> bool:
        text, t = texts[m.seg], texts[m.seg][m.start:m.end]
        if t in codes:
            return bool(_AMOUNT_AFTER.match(text, m.end) or _AMOUNT_BEFORE.search(text, 0, m.start))
        return t.lower() in CURRENCY_NAMES and _AMOUNT_THEN_SPACE.search(text, max(0, m.start - 20), m.start) is not None

    return [m for m in ms if not unit(m)]


def _unknown_place(text: str, start: int, t: str, page: Page) -> bool:
    """A lone name right after "in", "near", "at"... that is no word English text uses (however rare), no given name,
    not in capitals and never in lower case on the page: a place too small for the gazetteer, not a name to drop. Not on
    a page about sport nor beside a score anywhere on the page: there a team plays "at" another under its town's name."""
    return (_AT_FROM_OR_IN.search(text, max(0, start - 12), start) is not None and len(t) >= UNKNOWN_PLACE_LETTERS
            and not t.isupper() and not is_listed(t) and not is_given_name(t) and t.lower() not in page.lower_words
            and t not in page.scored_names and not page.about_sport)


def drop_lone_words(ms: list[Mention], page: Page) -> list[Mention]:
    """A one-word organisation named once on the page (or a word the page writes in lower case too), not an acronym nor
    the first word of a longer one, is too often no name at all.

    Unless the page treats it as one: it speaks ("Quillon said", "the Harbour
    Herald reported"), or it stands in a list with an organisation that stays
    ("clients such as Quillon, Vantora and BNX"). A title word alone ("Mister
    Chair", "Grants for Justice") or a single letter ("the fitted Q") is never
    an organisation, and a title the model took for a person, followed by
    another title, is a form of address ("Thank you, Madam President"). One the gazetteer knows as a country, a
    state or a big city, after "from", "in" or "near", is that place ("a buyer from Reykjavík"), which ``add_places``
    left to the model's label.
    """
    texts = page.texts
    counts = Counter(m.text(texts).upper() for m in ms)  # (named again in a capitals headline is named twice)
    heads = short_form_heads(ms, page)  # "Seaway" alone after "Seaway Lines" is its short name
    lone: set[int] = set()
    for i, m in enumerate(ms):
        t = m.text(texts)
        if (m.label == "ORG" and m.origin == "model" and " " not in t and not t.replace(".", "").isupper()
                and (counts[t.upper()] == 1 or t.lower() in page.lower_words) and t not in heads
                and not SPEECH_AFTER.match(texts[m.seg], m.end)):
            lone.add(i)  # (named twice, but written in lower case too: a word opening a title or a caption, "Seagrass")
    for i in _listed_with_kept_orgs(ms, texts, lone):
        lone.discard(i)
    out = []
    for i, m in enumerate(ms):
        t = m.text(texts)
        if m.label == "ORG" and (t.lower() in TITLES and m.origin != "acronym" or len(t.rstrip(".")) == 1):
            continue  # (a title's letters defined as a body's acronym stay: "Meridian Reefer Services (MRS)")
        if m.label == "PERSON" and t.lower() in TITLES and (nw := _NEXT_WORD.match(texts[m.seg], m.end)) and (
                nw.group(1).lower() in TITLES):
            continue  # a form of address, no name: "Thank you, Madam President"
        if (i in lone and _FROM_OR_IN.search(texts[m.seg], max(0, m.start - 12), m.start) and not is_given_name(t)
                and (p := gazetteer().lookup(t)) is not None and (p.kind != "city" or p.population >= CITY_POPULATION)):
            m.label = "GPE" if p.kind != "continent" else "LOC"  # a place the model called an organisation: "from Reykjavík"
        elif i in lone and _unknown_place(texts[m.seg], m.start, t, page):
            m.label = "GPE"  # a village the model called an organisation: "the parish register at Tolvik"
        elif i in lone:
            continue
        out.append(m)
    return out


def lone_persons(ms: list[Mention], page: Page) -> list[Mention]:
    """A one-word person the model found, named once on the page, is too often no person at all: a town, a people,
    a firm ("in Morondava", "the Merina and Betsileo peoples", "supplied by Trazar").

    A report names a person in full first, and then by the surname; a name alone and once is kept when it is a
    given name (an interview's "Ana"), when a title stands before it ("Dr Holm") or it speaks ("Holm said"), when
    the page names a person with it in full (in capitals too) or it is a piece of a name broken over a line
    ("Teodor⏎Brask"), and when it is a common English word or a listed one after "the" (a character: "the Hermit";
    the other steps judge those). A
    page about sport names players by surname alone: it is left as it is.
    """
    texts = page.texts
    if page.about_sport:
        return ms  # a scorecard's and a report's surnames alone: "c Lund b Okafor 41"
    counts = Counter(m.text(texts).upper() for m in ms)
    # (a name's words may stand on two lines of a wrapped paragraph: "Teodor⏎Brask" is two words)
    in_full = {w.upper() for m in ms if m.label == "PERSON" and len(m.text(texts).split()) > 1 for w in m.text(texts).split()}
    # the pieces of a name broken over a line break ("Teodor⏎Brask")
    ends = {(m.seg, m.end) for m in ms if m.label == "PERSON"}
    starts = {(m.seg, m.start) for m in ms if m.label == "PERSON"}
    out = []
    for m in ms:
        t = m.text(texts)
        text = texts[m.seg]
        if (m.label == "PERSON" and m.origin == "model" and len(t.split()) == 1 and counts[t.upper()] == 1 and t.upper() not in in_full
                and not is_given_name(t) and not is_common(t) and not SPEECH_AFTER.match(text, m.end)
                and not (is_listed(t) and THE_BEFORE.search(text, max(0, m.start - 5), m.start))
                and not ((m.seg, m.start - 1) in ends and text[m.start - 1] == "\n")
                and not ((m.seg, m.end + 1) in starts and text[m.end:m.end + 1] == "\n")
                and not ((pw := _PREVIOUS_WORD.search(text, max(0, m.start - 30), m.start)) and pw.group(1).lower().rstrip(".") in TITLES)):
            if _unknown_place(text, m.start, t, page):
                m.label = "GPE"  # a village the model called a person: "born in Tolvik"
                out.append(m)
            continue
        out.append(m)
    return out


# "from", "in", "near"... right before a name: where someone or something is, or comes from ("at" and "to" are a
# university's and a company's too: "a post at Uppsala", "sold to Vantora").
_WHERE_WORDS = "from|in|near|across|outside|around|throughout|into"
_FROM_OR_IN = re.compile(r"(?<![\w'’-])(?:" + _WHERE_WORDS + r")[ \t]+$")
#: Those and "at", before a word no list knows: there a company or a university is rarer than a village ("the register
#: at Tolvik"; "on" is a website's too, "explained on Quillnet", and "to" anyone's, "listening to Varnak").
_AT_FROM_OR_IN = re.compile(r"(?<![\w'’-])(?:at|" + _WHERE_WORDS + r")[ \t]+$")
#: The word right before a name.
_PREVIOUS_WORD = re.compile(r"([A-Za-z.]+)\s+$")
#: The word right after a name.
_NEXT_WORD = re.compile(r"\s+([A-Za-z]+)")
#: A lower-case word after a name, other than a list's "and"/"or": the name only opens its item ("Lantern rigs").
_MORE_OF_ITEM = re.compile(r"(?:[’']s)?\s+(?!(?:and|or)\b)[a-z]")
#: What joins two items of a list: a comma, "and", "or", "&", after an item's possessive ("Macy's, Kellogg's").
_LIST_JOIN = re.compile(r"(?:[’']s)?\s*(?:,\s*(?:(?:and|or)\s+)?|\s(?:and|or|&)\s+)")


def _listed_with_kept_orgs(ms: list[Mention], texts: list[str], lone: set[int]) -> set[int]:
    """The lone words of ``lone`` in a list (items joined by commas) with an organisation that is not lone.

    "and" alone joins too many parts of one name ("Permits and Border
    Works") to make a list, and a word followed by more of its item
    ("Lantern rigs, ...") is no item of its own.
    """
    by_seg: dict[int, list[int]] = {}
    for i, m in enumerate(ms):
        if m.label == "ORG":
            by_seg.setdefault(m.seg, []).append(i)
    kept: set[int] = set()
    for seg, idx in by_seg.items():
        idx.sort(key=lambda i: ms[i].start)
        chains: list[list[int]] = [[idx[0]]]
        commas: list[bool] = [False]
        for a, b in zip(idx, idx[1:]):
            join = _LIST_JOIN.fullmatch(texts[seg], ms[a].end, ms[b].start)
            if join is None or any(_MORE_OF_ITEM.match(texts[seg], ms[i].end) for i in (a, b)):
                chains.append([b])
                commas.append(False)
            else:
                chains[-1].append(b)
                commas[-1] = commas[-1] or "," in join.group()
        for chain, comma in zip(chains, commas):
            if comma and any(i not in lone for i in chain):
                kept.update(i for i in chain if i in lone)
    return kept


_NAME_WORD = r"[A-Z][\w'’-]*[\w]"
# Two names joined by "and" before a noun for a group's members: "Merina and Betsileo peoples", "Maya and Lenca farmers".
# (a word of what they are may come between: "the Baka and Bakoya forest peoples")
_PAIR_BEFORE_PEOPLE = re.compile(rf"(?<![\w'’-])({_NAME_WORD})[ \t]+and[ \t\n]+({_NAME_WORD})[ \t\n]+(?:[a-z]+[ \t\n]+)?"
                                 rf"{alternation(PEOPLE_NOUNS)}\b")
# One name before a noun that alone says it is a group's: "Kichwa communities", "Sami herders"; or after "of" before
# the word for a lineage: "of Garifuna descent".
_ONE_BEFORE_PEOPLE = re.compile(rf"(?<![\w'’-])({_NAME_WORD})[ \t\n]+{alternation(PEOPLE_NOUNS_ALONE)}\b"
                                rf"|(?<=\bof[ \t])({_NAME_WORD})[ \t\n]+(?:descent|ancestry|heritage|extraction)\b")

# What a page says its people are: "Most households here are Velani or Tarsu", "its villagers are mostly Orvek",
# "most respondents were Kassa." (a noun for members, a verb of being, then one or two names closing the clause).
_PEOPLE_ARE = re.compile(
    rf"\b(?:{alternation(PEOPLE_NOUNS | PEOPLE_SUBJECTS)})(?:[ \t]+[a-z]+){{0,3}}?[ \t]+(?:are|were)[ \t\n]+"
    rf"(?:(?:mostly|mainly|largely|predominantly|chiefly)[ \t\n]+)?({_NAME_WORD})"
    rf"(?:(?:[ \t]*,[ \t\n]*|[ \t\n]+(?:or|and)[ \t\n]+)({_NAME_WORD}))?(?=[ \t]*(?:[.,;:!?)]|\n|$))")


def people_groups(ms: list[Mention], page: Page) -> list[Mention]:
    """Peoples and groups by what a page puts after their names, a noun for their members ("the Merina and Betsileo
    peoples", "Maya and Lenca farmers", "Kichwa communities"), or by what it says its people are ("Most households
    here are Velani or Tarsu"), and nationalities the gazetteer knows written before
    a noun ("Tongan champions", "the Kuwaiti fleet"): NORP, whatever the model read. A name the gazetteer knows as a
    place ("Ngamiland farmers") or an English word ("Village communities") is left alone."""
    texts = page.texts
    gaz = gazetteer()
    demonyms = gaz.demonyms
    taken = SpanIndex(ms)
    gone: set[int] = set()
    out = list(ms)
    for m in ms:  # a nationality used as an adjective
        t = m.text(texts)
        if m.label in {"PERSON", "GPE", "LOC", "FAC", "ORG"} and t in demonyms and _LOWER_NEXT.match(texts[m.seg], m.end):
            m.label = "NORP"
    for i, text in enumerate(texts):
        spans = [pm.span(k) for pm in _PAIR_BEFORE_PEOPLE.finditer(text) for k in (1, 2)]
        spans += [om.span(1) if om.group(1) else om.span(2) for om in _ONE_BEFORE_PEOPLE.finditer(text)]
        spans += [am.span(k) for am in _PEOPLE_ARE.finditer(text) for k in (1, 2) if am.group(k)]
        for s, e in spans:
            name = text[s:e]
            if ((gaz.lookup(name) is not None and name not in demonyms) or is_common(name)
                    or (sentence_initial(text, s) and is_listed(name))):
                continue
            inside = taken.find(i, s, e)
            if any(o.start < s or o.end > e for o in inside):
                continue
            for o in inside:
                gone.add(id(o))
            n = Mention(i, s, e, "NORP", "pattern")
            out.append(n)
            taken.add(i, s, e, n)
    return [m for m in out if id(m) not in gone]


@lru_cache(maxsize=1)
def _demonym_pattern() -> re.Pattern[str]:
    """Every nationality the gazetteer knows, and the plural of those that take an -s ("Bahrainis", "Tuvaluans")."""
    names = set(gazetteer().demonyms)
    names |= {n + "s" for n in names if n.endswith(("i", "an"))}
    return re.compile(r"(?<![\w'’-])(?:" + alternation(names) + r")(?![\w-])")


# A language's name after a verb of speaking or "in": "read out in Spanish", "many skippers speak Russian".
_LANGUAGE_BEFORE = re.compile(r"\b(?:in|into|speak|speaks|spoke|spoken|speaking|learn|learns|learnt|learned|teach|teaches|taught)[ \t]+$",
                              re.IGNORECASE)


def demonyms(ms: list[Mention], page: Page) -> list[Mention]:
    """A nationality the gazetteer knows, where the model saw no name: "the Ugandan side", "Tuvaluans abroad"; not
    the language of the same name ("announced in Spanish", "they speak Russian")."""
    texts = page.texts
    pattern = _demonym_pattern()
    taken = SpanIndex(ms)
    out = list(ms)
    for i, text in enumerate(texts):
        for dm in pattern.finditer(text):
            s, e = dm.span()
            nxt = _NEXT_WORD.match(text, e)
            if _LANGUAGE_BEFORE.search(text, max(0, s - 12), s) and not (nxt and nxt.group(1) not in FUNCTION_WORDS):
                continue  # (but "in Russian waters": an adjective before its noun)
            if not taken.overlaps(i, s, e):
                n = Mention(i, s, e, "NORP", "gazetteer")
                out.append(n)
                taken.add(i, s, e, n)
    return out


_NEXT_WORD = re.compile(r"[ \t]+([a-z]+)")
# A lower-case word right after a name: the name is an adjective there ("Tongan champions").
_LOWER_NEXT = re.compile(r"[ \t]+[a-z]")
