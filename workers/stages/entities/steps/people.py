"""Person steps: given names, titles, citations, particles and pairs; common words that are no name."""

from __future__ import annotations

import re
from collections import Counter

from ....knowledge.lexicon import (
    ARTICLES, FOREIGN_PLACE_WORDS, LEGAL_FORMS, CAPITAL_PARTICLES, CITATION_PARTICLES, CITATION_SKIP, EXTRA_TITLES, FUNCTION_WORDS, INTERJECTIONS, LEAD_WORDS, MONTHS,
    OCCUPATIONS, ORG_HEADS, ORG_OPENERS, PLACE_HEADS, PLACE_PREPOSITIONS, POSTNOMINALS, RULE_NOUNS, SENTENCE_OPENERS, SPEAKER_ROLES, STOP_EDGE,
    SURNAME_PARTICLES,
    TITLES, WEEKDAYS, alternation,
)
from ....knowledge.gazetteer import CITY_POPULATION
from ....knowledge.lexicon import words as word_list
from ....knowledge.shapes import CAPITAL
from ....knowledge.words import is_listed
from ..core import (
    PLACE_NAME_STARTS, THE_BEFORE, Mention, NAME_LABELS, PLACE_LABELS, Page, SpanIndex, big_place, gazetteer, is_common, is_given_name, looks_like_person, lookup,
    SPEECH_AFTER, fold, name_tokens, not_a_name, resolve, sentence_initial, strip_punct,
)

_CITE_PAREN = re.compile(r"\(([^()]{0,400}?\b(?:1[5-9]|20)\d{2}[a-z]?)\)")
#: An author's surname in a citation, with its particles: "Berg", "van der Berg", "Van der Berg".
_CITE_NAME_SRC = (r"(?:" + alternation({p.capitalize() for p in CITATION_PARTICLES}) + r"\s+(?=(?:"
                  + alternation(CITATION_PARTICLES) + r"\s+)*[A-Z]))?(?:" + alternation(CITATION_PARTICLES)
                  + r"\s+)*[A-Z][\w'’-]*[a-z][\w'’-]*(?![\w'’-])")
_CITE_NAME = re.compile(r"(?<![\w'’-])" + _CITE_NAME_SRC)
#: Names just before a year in brackets: "Halvorsen and Berg (1998)", and a reference list's "Lund M, Skov AB (2020)".
_CITE_NAME_INITIALS = (r"(?<![\w'’-])(?:" + alternation({p.capitalize() for p in CITATION_PARTICLES}) + r"[ \t]+)?(?:"
                       + alternation(CITATION_PARTICLES) + r"[ \t]+)*[A-Z][\w'’-]+(?:[ \t]+[A-Z]{1,3}(?![\w'’-]))?")
_CITE_BEFORE = re.compile(
    r"(" + _CITE_NAME_INITIALS + r"(?:\s*,\s*" + _CITE_NAME_INITIALS + r")*(?:,?\s*(?:&|and)\s*" + _CITE_NAME_INITIALS
    + r")?(?:\s+et\s+al\.?)?)\s*$")
#: The authors alone before a year, Harvard style: "Lund and Skov 2020", "Van der Berg, Holm & Lund 2019", "Berg et al. 2021".
_CITE_AUTHORS = re.compile(r"\s*" + _CITE_NAME_SRC + r"(?:\s*(?:,|&|\band\b)\s*" + _CITE_NAME_SRC + r")*(?:\s+et\s+al\.?)?\s*")

_WORD_BEFORE = re.compile(r"([A-Za-z][\w'’-]*)[ \t]+$")


def _after(text: str, start: int, words: frozenset[str]) -> bool:
    """The word right before ``start`` is one of ``words`` (lower case)."""
    wm = _WORD_BEFORE.search(text, max(0, start - 40), start)
    return wm is not None and wm.group(1) in words


def _no_author_here(text: str, start: int) -> bool:
    """Names ending right before "(2005)" at ``start`` are no citation's authors.

    So when an article stands before them (no author is cited as "the Lanterns
    (2011)"), or a capitalised word other than a function word or a title: then
    they end a longer name, a work's title and its year ("Quiet Harbour (2004)")
    or a person named in full ("Ana Lindqvist (1971)"), which the model's own
    mention covers better than its last word.
    """
    wm = _WORD_BEFORE.search(text, max(0, start - 40), start)
    if not wm:
        return False
    word = wm.group(1)
    low = word.lower()
    if word[0].islower():
        return low in ARTICLES
    return not (low in FUNCTION_WORDS or low in LEAD_WORDS or low in SENTENCE_OPENERS or low in STOP_EDGE
                or word in CITATION_SKIP or low.rstrip(".") in TITLES or low in EXTRA_TITLES)


# A reference entry's authors, each "Surname, Given", before the date in brackets: "Tarn, Alma; Berg, Ola (2019)."
# (wiki citation templates write them so); the entry may open with its number and a caret ("3. ^ "), and the letters
# of the places that cite it ("^ a b ").
# (written out, with small letters: "Lund BR, Skov S" are surnames with initials, Vancouver style, and no such pair)
_REF_WORD = r"[A-Z][\w'’-]*[a-zà-ÿ][\w'’-]*"
_REF_AUTHOR = rf"{_REF_WORD}(?: {_REF_WORD})?, {_REF_WORD}(?: [A-Z][\w'’.-]*){{0,2}}"
_REF_AUTHORS = re.compile(rf"^\W*(?:\d{{1,3}}\.\s*)?(?:\^\s*(?:[a-z]\s+)*)?(?P<names>{_REF_AUTHOR}(?:; {_REF_AUTHOR})*)"
                          r"\s*\([^()]{0,30}?\b(?:1[5-9]|20)\d{2}\)")


# The same written with initials, APA style: "Tarn, A., & van Berg, O.-K. (2019)." (a surname of two words or behind
# a particle too); each author is the surname and the initials, the last full stop left out.
_APA_SURNAME = (r"(?:" + alternation(SURNAME_PARTICLES) + r"[ -])*[A-Z][\w'’-]*[a-zà-ÿ][\w'’-]*"
                r"(?: [A-Z][\w'’-]*[a-zà-ÿ][\w'’-]*)?")
# (or the initials first, as the second author on in author-date styles: "Tarn, A. and O. Berg. 2019.", "A. Tarn & O.
# Berg (2019)."; the year in brackets, or after a full stop and closed by one)
_APA_AUTHOR = (rf"(?:{_APA_SURNAME}, (?:[A-Z]\.(?:-[A-Z]\.)?[ ]?){{1,3}}"
               rf"|(?:[A-Z]\.(?:-[A-Z]\.)? ){{1,3}}{_APA_SURNAME}(?![\w'’-]))")
_APA_AUTHORS = re.compile(rf"^\W*(?:\d{{1,3}}\.\s*|\[\d{{1,3}}\]\s*)?(?P<names>{_APA_AUTHOR}(?:,?[ ]?(?:& |and )?{_APA_AUTHOR})*)"
                          r"(?:,? et al\.)?\.?\s*(?:\((?:1[5-9]|20)\d{2}[a-z]?\)|(?<=\. )(?:1[5-9]|20)\d{2}[a-z]?\.(?!\S))")
_APA_ONE = re.compile(_APA_AUTHOR)
# Vancouver style: "Tarn AB, van Berg O-K, Holm É." (the list ends at a full stop, or at the year in brackets); each
# author is the surname and the initials. The entry may open with its number ("[1] ", "2. ").
_VANCOUVER_AUTHOR = rf"{_APA_SURNAME} [A-ZÀ-ÖØ-Þ]{{1,3}}(?:-[A-ZÀ-ÖØ-Þ])?"
_VANCOUVER_AUTHORS = re.compile(rf"^\W*(?:\[\d{{1,3}}\]\s*|\d{{1,3}}\.\s*)?(?P<names>{_VANCOUVER_AUTHOR}(?:, {_VANCOUVER_AUTHOR})*)"
                                r"(?:,? et al)?(?:\.\s|\s*\((?:1[5-9]|20)\d{2}[a-z]?\))")
_VANCOUVER_ONE = re.compile(_VANCOUVER_AUTHOR + r"(?![\w'’-])")
_YEAR = re.compile(r"\b(?:1[5-9]|20)\d{2}\b")


def reference_authors(ms: list[Mention], page: Page) -> list[Mention]:
    """A reference entry's authors written "Surname, Given" (or "Surname, I.", or "Surname IN") before its date: each
    is one person, surname and given name together; the model's mentions inside give way. Not a place and its country
    ("Harbourton, Ireland (2019)")."""
    texts = page.texts
    spans: list[tuple[int, int, int]] = []
    for i, text in enumerate(texts):
        if (am := _APA_AUTHORS.match(text)) is not None:
            for one in _APA_ONE.finditer(text, am.start("names"), am.end("names")):
                spans.append((i, one.start(), one.start() + len(one.group().rstrip(" ."))))
            continue
        if (vm := _VANCOUVER_AUTHORS.match(text)) is not None and _YEAR.search(text, vm.end("names")):
            spans.extend((i, one.start(), one.end()) for one in _VANCOUVER_ONE.finditer(text, vm.start("names"), vm.end("names")))
            continue
        if (rm := _REF_AUTHORS.match(text)) is None:
            continue
        pos = rm.start("names")
        for part in rm.group("names").split("; "):
            if not any(big_place(w.strip()) for w in part.split(",")):
                spans.append((i, pos, pos + len(part)))
            pos += len(part) + 2
    if not spans:
        return ms
    # (the model's names inside an author give way, and one run on over its end: "Daka M. Wages" of "Daka M. Wages from")
    out = [m for m in ms if not any(m.seg == i and a <= m.start < b for i, a, b in spans)]
    return out + [Mention(i, a, b, "PERSON", "reference") for i, a, b in spans]


# A name written surname first, a comma, then the given name: "Varga-Szilágyi, Emese", "DELA CRUZ, Maria Luz". The
# surname may hold a particle and two words, in capitals too; the given names are capitalised words.
_INVERTED_SURNAME = (r"(?:(?:" + alternation({p.capitalize() for p in SURNAME_PARTICLES} | {p.upper() for p in SURNAME_PARTICLES}
                                             | set(SURNAME_PARTICLES)) + r") )?[A-Z][\w'’-]*[\w'’](?: [A-Z][\w'’-]*[\w'’])?")
_INVERTED_NAME = re.compile(r"(?<![\w'’.-])(?P<sur>" + _INVERTED_SURNAME + r"), (?P<given>[A-Z][a-zà-ÿ][\w'’-]*(?: [A-Z][a-zà-ÿ][\w'’-]*)?)"
                            # it closes its line or cell, or a year in brackets follows: a name alone in a field, a table or
                            # a note's citation ("See also Tarn, Alma (2021)", "Tarn, Alma (12 March 2009)"), or a
                            # reference's next author after a semicolon ("Tarn, Alma; Holm, Eva (1988)") or its year after
                            # a full stop ("Tarn, Alma. 2024."); not a list in a sentence ("Lyon, Jean and ...")
                            r"(?=[ ]*(?:$|[\t\n]|[ ]{2}|\([^()\n]{0,20}?\b(?:1[5-9]|20)\d\d[a-z]?\)|;[ ]*[A-Z]"
                            r"|\.[ ]+(?:1[5-9]|20)\d\d\b))")


def inverted_names(ms: list[Mention], page: Page) -> list[Mention]:
    """A person written surname first where the name stands alone (a table's cell, a field, the end of a line) or
    before the year of a citation: "Varga-Szilágyi, Emese" is one person, the model's mentions inside give way. The
    first given name must be one the lists know, and the surname no place the gazetteer knows well ("Lyon, Jean")."""
    texts = page.texts
    spans: list[tuple[int, int, int]] = []
    for i, text in enumerate(texts):
        if ", " not in text:
            continue
        for m in _INVERTED_NAME.finditer(text):
            given = m.group("given").split()
            sur = m.group("sur").split()
            if not is_given_name(given[0].split("-")[0]) or big_place(m.group("sur")) or lookup(m.group("given")) is not None:
                continue
            if (len(sur) == 2 and sur[0].lower() not in SURNAME_PARTICLES and is_given_name(sur[0])) or (
                    len(given) == 2 and not is_given_name(given[1])):
                continue  # two names in a row, each given name first: "Ana Lima, Tom Berg"
            spans.append((i, m.start(), m.end()))
    if not spans:
        return ms
    out = [m for m in ms if not any(m.seg == i and a <= m.start and m.end <= b for i, a, b in spans)]
    return out + [Mention(i, a, b, "PERSON", "inverted") for i, a, b in spans]


def citations(ms: list[Mention], page: Page) -> list[Mention]:
    """Authors in academic citations are persons: "(Okafor, Halloran, & Berg, 2008)", "Halvorsen and Berg (1998)"; and
    each citation's year is a date, though the model read it with the name before it ("Berg 2008" an event)."""
    texts = page.texts
    spans: list[tuple[int, int, int]] = []
    years: set[tuple[int, int, int]] = set()  # the year of each citation, a date however the model read it
    places = {(m.seg, m.start, m.end) for m in ms if m.label in PLACE_LABELS}
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
                if ":" in head:
                    continue  # "(London: Harbour Press, 1861)": a place and its publisher, no author
                if not re.search(r"(?:,|&|\band\b|et al)\s*$|^\s*[A-Z][\w'’-]+\s*$", head.strip() + ("," if head.rstrip().endswith(",") else "")) and (
                        _CITE_AUTHORS.fullmatch(head) is None):
                    continue
                for nm in _CITE_NAME.finditer(head):
                    if nm.group(0) in CITATION_SKIP or nm.group(0).lower() in MONTHS:
                        continue
                    spans.append((i, inner0 + part.start() + nm.start(), inner0 + part.start() + nm.end()))
                    years.add((i, inner0 + part.start() + ym.start(), inner0 + part.start() + ym.start() + 4))
            # names just before "(2004)"
            if re.fullmatch(r"\s*(?:1[5-9]|20)\d{2}[a-z]?(?:\s*[,:]\s*(?:p\.\s*)?\d+(?:-\d+)?)?\s*", pm.group(1)):
                bm = _CITE_BEFORE.search(text, max(0, pm.start() - 80), pm.start())
                if bm and not _no_author_here(text, bm.start(1)):
                    for nm in _CITE_NAME.finditer(bm.group(1)):
                        a, b = bm.start(1) + nm.start(), bm.start(1) + nm.end()
                        if (i, a, b) in places and lookup(nm.group(0)) is not None and _after(text, a, PLACE_PREPOSITIONS):
                            continue  # "she lectured in Denmark (1925)": the year of a visit, not of a paper
                        spans.append((i, a, b))
                        y0 = pm.start(1) + len(pm.group(1)) - len(pm.group(1).lstrip())
                        years.add((i, y0, y0 + 4))
    if not spans:
        return ms
    # a reference list's "Surname Initials" (Vancouver style: "Lund M, Skov AB (2020)"): the initials are the name's
    spans = [(i, a, b + (im.end() if (im := _INITIALS_AFTER.match(texts[i][b:b + 6])) else 0)) for i, a, b in spans]
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
    for i, a, b in sorted(years):
        if not oidx.overlaps(i, a, b):
            out.append(Mention(i, a, b, "DATE", "citation"))
            oidx.add(i, a, b)
    return out


#: A reference list's initials after a surname, before a comma, a bracket or the line's end: " M," in "Lund M, Skov A (2020)".
_INITIALS_AFTER = re.compile(r"[ \t]+[A-Z]{1,3}(?=[ \t]*[,(]|[ \t]*$)")
_BIRTH_NOTE = re.compile(r"\s*\((?:born|b\.|n[ée]e?)\s")


def person_fixes(ms: list[Mention], page: Page) -> list[Mention]:
    """Given name + surname is a person, whatever the model said.

    * "Marta Kowalska" labelled ORG -> PERSON;
    * a name followed by "(born ..." or "(née ..." -> PERSON, given names the
      name list lacks or not ("Torvald Quill (born 3 May 1971)");
    * "Marta" (ORG) + "Kowalska" (PERSON), or an unlabelled given name just
      before a one-word person -> one PERSON "Marta Kowalska";
    * "Marta" (PERSON) + "Anna Kowalska" (PERSON), the model's two halves of
      one name with a middle name -> one PERSON;
    * a sentence's first word before a given name and surname is no part of
      the name when it is no given name itself: "Sculptor Marta Kowalska";
    * a place the model ran into the name after it is two names: "Minister
      for the Baltic Marta Kowalska";
    * a line that is nothing but a given name and surname is a person (a
      byline or a signature the model passed over).
    """
    texts = page.texts
    lower_words = page.lower_words
    ms = list(ms)
    for m in list(ms):
        if m.label in {"ORG", "GPE", "LOC", "FAC", "NORP", "EVENT"} and (
                looks_like_person(m.text(texts), lower_words)
                or (_BIRTH_NOTE.match(texts[m.seg], m.end) and name_tokens(m.text(texts)))):
            m.label = "PERSON"
        elif m.label == "PERSON":
            _drop_opening_word(m, texts[m.seg], lower_words)
        elif m.label in {"GPE", "LOC", "FAC", "ORG"} and (tail := _person_after_place(m, texts[m.seg], lower_words)):
            ms.append(Mention(m.seg, tail, m.end, "PERSON"))
            m.end = texts[m.seg].rindex(" ", m.start, tail)
    taken = {m.seg for m in ms}
    for i, text in enumerate(texts):
        line = text.strip()
        if (i not in taken and "\n" not in line and looks_like_person(line, lower_words)
                and not is_common(line.split()[-1])):  # "Useful Terms" is a heading
            s = len(text) - len(text.lstrip())
            ms.append(Mention(i, s, s + len(line), "PERSON"))
    ms = sorted(ms, key=lambda m: (m.seg, m.start))
    starts = {(m.seg, m.start) for m in ms}
    out: list[Mention] = []
    for m in ms:
        prev = out[-1] if out else None
        text = texts[m.seg]
        if (m.label == "PERSON" and prev is not None and prev.seg == m.seg
                and (" " not in m.text(texts) or prev.label == "PERSON")
                and prev.label in NAME_LABELS and text[prev.end:m.start] == " " and " " not in prev.text(texts)
                and is_given_name(prev.text(texts)) and prev.text(texts).lower() not in lower_words):
            prev.end, prev.label = m.end, "PERSON"
            continue
        if (m.label in {"GPE", "LOC", "FAC", "ORG"} and prev is not None and prev.seg == m.seg and prev.label == "PERSON"
                and text[prev.end:m.start] == " " and looks_like_person(prev.text(texts), lower_words)
                and _last_name_word(m.text(texts), lower_words)):
            prev.end = m.end  # "Lúcia Mendonça" + "Prado": a surname the model read as a town's or a body's name
            continue
        if m.label == "PERSON":
            # an unlabelled given name just before: "William" + "Graham Harper"
            gm = re.search(r"(?<![\w.])([A-Z][a-z]+) $", text[max(0, m.start - 30):m.start])
            if gm and _free_given_name(gm.group(1), lower_words) and not (
                    prev is not None and prev.seg == m.seg and prev.end > m.start - len(gm.group(0))):
                m.start -= len(gm.group(0))
            # a lone given name followed by an unlabelled surname: "Marta" + "Kowalska"
            t = m.text(texts)
            if " " not in t and is_given_name(t) and (m.seg, m.end + 1) not in starts:
                fm = re.match(r" ([A-Z][a-z][\w'’-]*)(?![\w'’-])", text[m.end:m.end + 40])
                if fm:
                    w = fm.group(1).lower()
                    if not (w in lower_words or w in TITLES or w in ORG_HEADS or w in PLACE_HEADS
                            or w in INTERJECTIONS or w in MONTHS or w in WEEKDAYS):
                        m.end += fm.end()
        out.append(m)
    # a surname that the extension swallowed was a mention of its own: keep the longer one
    return resolve(out)


def _last_name_word(t: str, lower_words: set[str]) -> bool:
    """One capitalised word that may end a person's name: no common word, no place or body word, at most a small town."""
    if " " in t or not re.fullmatch(r"[A-Z][a-zà-ÿ'’]+(?:-[A-Z][a-zà-ÿ'’]+)*", t) or t.lower() in lower_words or is_common(t):
        return False
    p = lookup(t)
    return not not_a_name(t) or (p is not None and p.kind == "city" and p.population < CITY_POPULATION)


def _drop_opening_word(m: Mention, text: str, lower_words: set[str]) -> None:
    """Cut a sentence's first word off "Word Given Surname" when it is no given name: an occupation or title written
    with a capital only because it opens the sentence ("Potter", "Baker" are surnames too, but not before a given name)."""
    first = re.match(r"([A-Z][a-z]+) (?=[A-Z])", text[m.start:m.end])
    if (first and sentence_initial(text, m.start) and not is_given_name(first.group(1))
            and first.group(1) not in gazetteer().demonyms  # "Swede Anders Brolin": nationality_prefixes' to take
            and looks_like_person(text[m.start + first.end():m.end], lower_words)):
        m.start += first.end()


def _person_after_place(m: Mention, text: str, lower_words: set[str]) -> int | None:
    """Where a given name and surname at the end of ``m`` start, when the words before them are a known place."""
    span = text[m.start:m.end]
    toks = list(re.finditer(r"\S+", span))
    for k in (2, 3):
        if len(toks) > k:
            head, tail = span[:toks[-k - 1].end()], span[toks[-k].start():]
            if (lookup(head) is not None and looks_like_person(tail, lower_words)
                    and head.split()[-1].lower() not in PLACE_NAME_STARTS):  # ("San" opens a name: "San Teodoro Bulletin")
                return m.start + toks[-k].start()
    return None


def _free_given_name(word: str, lower_words: set[str]) -> bool:
    w = word.lower()
    return (is_given_name(word) and w not in lower_words and w not in INTERJECTIONS and w not in TITLES
            and w not in STOP_EDGE and w not in MONTHS and w not in WEEKDAYS)


# (A double surname's second part is capitalised too: "Ofori-Mensah".)
_NAME = re.compile(r"[A-Z][a-zà-ÿ'’-]+(?:(?<=-)[A-Z][a-zà-ÿ'’-]+)*(?:\s+[A-Z][a-zà-ÿ'’-]+(?:(?<=-)[A-Z][a-zà-ÿ'’-]+)*){0,2}"
                   r"(?:\s+(?:[IVX]{2,5}(?![\w'’-])|[VX](?![\w'’-])|Jr\.?|Sr\.?))?")


#: A regnal number after a ruler's name: "II", "XIII" (not "I", which is more often the pronoun).
_REGNAL = re.compile(r"(?=[IVX]{2})X{0,3}(?:IX|IV|V?I{0,3})|V|X")


def titled_names(ms: list[Mention], page: Page) -> list[Mention]:
    """Unmarked names right after a capitalised title are persons; so are a given name and surname right after an
    occupation in lower case ("the geographer Ana Lima": two words at least, for "the diver Lima" may be a boat).

    ``not_a_name(word)`` rules out words such as places and organisation words.
    """
    texts = page.texts
    idx = SpanIndex(ms)
    out = list(ms)
    heads = TITLES | EXTRA_TITLES
    for i, text in enumerate(texts):
        for tm in re.finditer(r"(?<![\w'’-])([A-Z][a-z]+\.?|[A-Z]{2,5}|[a-z]{4,})\s+(?=[A-Z])", text):
            title = tm.group(1)
            occupation = title.islower()
            if occupation and title not in OCCUPATIONS:
                continue
            if not occupation and (title.rstrip(".").lower() not in heads or tm.start() == 0 or (title.endswith(".") and len(title) > 6)):
                continue  # (a title with a full stop is an abbreviation, "Gen.", or a sentence's end: "... Madam President.")
            nm = _NAME.match(text, tm.end())
            if not nm:
                continue
            words = nm.group(0).split()
            if words[-1].endswith("-"):
                words = words[:-1]  # "Secretary-General": the title goes on past the hyphen, no name
            if not words:
                continue
            # stop before a title, a common word or a place/organisation word, but a name with a regnal number is
            # a monarch's or a pope's, whatever else its word names ("Queen Victoria II", "Pope Leo XIII")
            regnal = len(words) >= 2 and _REGNAL.fullmatch(words[1].rstrip(".,;:")) is not None
            keep = 2 if regnal else 0
            for w in words if not regnal else ():
                lw = w.lower().rstrip(".")
                if w in {"II", "III", "IV"} or lw in {"jr", "sr"}:
                    if keep:
                        keep += 1
                    break
                # (an everyday word after the first name is its surname where the page never writes it in lower case:
                # "Provost Alasdair Grant")
                if lw in heads or lw in page.lower_words or (is_common(w) and not keep) or not_a_name(w):
                    break
                if "-" in lw and lw.split("-")[0] in heads:
                    break  # a title joined to another: "Secretary-General"
                keep += 1
            if keep < (2 if occupation else 1):
                continue
            s = nm.start()
            e = s + len(" ".join(words[:keep]))
            if idx.overlaps(i, s, e):
                # (after an occupation, the model's one other name inside the person's is the person: "coach Ana
                # Lima" where the model read "Lima" as a club)
                over = idx.find(i, s, e)
                # (but its organisation of the whole name stays: "the tin producer Varn Mining Limitada")
                if (occupation and len(over) == 1 and isinstance(o := over[0], Mention) and s <= o.start and o.end <= e
                        and (o.label in {"GPE", "LOC", "FAC", "NORP"} or (o.label == "ORG" and (o.start, o.end) != (s, e)))):
                    o.start, o.end, o.label, o.origin = s, e, "PERSON", "title"
                continue
            out.append(Mention(i, s, e, "PERSON", "title"))
            idx.add(i, s, e)
    return out


#: A word of a person's name set apart by commas: capitalised, and not in capitals alone.
# (the small letter is looked for ahead, once: a word of 100,000 letters is read in one pass, not split every way)
_APPOSED_WORD = rf"{CAPITAL}(?=[\w'’-]*[a-zß-ÿ])[\w'’-]*"
# A person's place among others, then their name between commas: "our village head, Ana Lima, called ...", "a
# neighbour, Tomas Berg, who ...", "The Regional Administrator for Norbay, Ana Lima, said". An article or a possessive
# opens it, so a list's items ("farmers, teachers, Ana Lima") do not.
_APPOSITION = re.compile(
    r"(?<![\w'’-])(?i:a|an|the|our|their|his|her|its|my|your|whose)[ \t]+(?:[\w'’-]+[ \t]+){0,3}?(?i:"
    + alternation(word_list("apposition_nouns") | OCCUPATIONS) + r")(?:[ \t]+(?:of|for)[ \t]+[A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*){0,3})?"
    + rf",[ \t\n]+({_APPOSED_WORD}(?:[ \t\n]+{_APPOSED_WORD}){{0,4}})(?=[ \t]*[,.;]|[ \t\n]+who(?:se)?\b)")


def appositions(ms: list[Mention], page: Page) -> list[Mention]:
    """A name set apart by commas after a person's place among others is that person's ("our village head, Ana
    Lima, called a meeting"; nouns of ``apposition_nouns`` and ``occupations``): the model reads an unfamiliar name
    there as an organisation, or runs the title before the comma into it. Two to five capitalised words, or one given
    name ("his wife, Ana, ..."), none an organisation's or place's head word and the whole no place the gazetteer
    knows."""
    texts = page.texts
    idx = SpanIndex(ms)
    gone: set[int] = set()
    found: list[Mention] = []
    for i, text in enumerate(texts):
        if "," not in text:
            continue
        for am in _APPOSITION.finditer(text):
            s, e = am.span(1)
            words = am.group(1).split()
            while len(words) > 2 and words[0].lower().rstrip(".") in TITLES | EXTRA_TITLES:
                s = text.index(words[1], s + len(words[0]))  # the title stays out: "her uncle, Father Ana Lima"
                words = words[1:]
            if any(w.lower() in ORG_HEADS or w.lower() in PLACE_HEADS for w in words) or gazetteer().lookup(text[s:e]) is not None:
                continue
            if len(words) == 1 and not is_given_name(words[0]):
                continue  # one word is a person's given name ("his wife, Ana, ..."), not a word the model may know better
            over = [o for o in idx.find(i, s, e) if isinstance(o, Mention)]
            if any(o.end > e for o in over):
                continue  # (a name that runs on past the comma is some other name's: "the director, Ana Lima Foundation")
            for o in over:
                comma = text.rfind(",", o.start, am.start(1))
                if o.start < am.start(1) and comma > o.start:
                    o.end = comma  # (the name before the comma keeps its own: "for Norbay")
                else:
                    gone.add(id(o))
            found.append(Mention(i, s, e, "PERSON", "apposition"))
    if not found:
        return ms
    return sorted([m for m in ms if id(m) not in gone] + found, key=lambda m: (m.seg, m.start))


#: One or two surname particles between the parts of a name ("van der ", "dos ").
_PARTICLES_BEFORE = re.compile(r"(?<![\w'’-])((?:" + alternation(SURNAME_PARTICLES) + r"\s+){1,2})$")
_PARTICLES_AFTER = re.compile(r"\s+((?:" + alternation(SURNAME_PARTICLES) + r")(?:\s+" + alternation(SURNAME_PARTICLES)
                              + r")?)\s+([^\W\d_][\w'’-]*)")
#: A surname's particles written with a capital, opening a name at a sentence's start ("Van der Berg said").
_CAPITAL_PARTICLES_BEFORE = re.compile(
    r"(?<![\w'’-])((?:" + alternation({w.capitalize() for w in CAPITAL_PARTICLES}) + r")(?:\s+" + alternation(SURNAME_PARTICLES)
    + r")?\s+)$")
#: Capitalised words right before a point: the given names a particle follows.
_GIVEN_BEFORE = re.compile(r"(?<![\w'’-])((?:[^\W\d_][\w'’-]*\s+){1,3})$")


def surname_particles(ms: list[Mention], page: Page) -> list[Mention]:
    """A person's name holds its lower-case particles: "Mara van der Velde", "Ana Sofia dos Reis".

    The model often finds only the surname ("Velde"), or the given names and
    the surname apart, and a surname that is also a town's name then becomes a
    place. A name the model found takes the given names before its particles
    (the first of them a given name, or a person's name already) and is then a
    person's, unless the gazetteer knows the whole as a place ("Rio de
    Janeiro"); a person also takes a capitalised surname after its particles,
    and at a sentence's start "Van", "De"... open its surname ("Van der Velde
    said"). Mentions inside the longer name give way.
    """
    texts = page.texts
    idx = SpanIndex(ms)
    gone: set[int] = set()
    for m in [m for m in ms if m.label in NAME_LABELS]:
        if id(m) in gone:
            continue
        text = texts[m.seg]
        s, e = m.start, m.end
        head = text[max(0, s - 80):s]
        if (pm := _PARTICLES_BEFORE.search(head)) is not None:
            base = s - len(head)  # offset of ``head`` in the text
            gm = _GIVEN_BEFORE.search(head, 0, pm.start())
            at = base + gm.start(1) if gm else 0
            words = [(at + w.start(), at + w.end()) for w in re.finditer(r"\S+", gm.group(1))] if gm else []
            # the given names: the capitalised words right before, from the first given name (or a person's name) on;
            # a title is none of them ("Dr" of "Dr Mara van der Velde", which another step may have made a person's)
            while words and (text[words[0][0]:words[0][1]].lower().rstrip(".") in TITLES or not (
                    text[words[0][0]].isupper() and (_free_given_name(text[words[0][0]:words[0][1]], page.lower_words)
                                                     or _person_ends(idx, m.seg, words[-1][1], m)))):
                words = words[1:]
            if words and all(text[a].isupper() for a, _ in words) and lookup(text[words[0][0]:e]) is None:
                s = words[0][0]
        if s == m.start and m.label not in {"PERSON", "GPE", "LOC", "FAC"} and _particle_name(text[s:e], page.lower_words):
            m.label = "PERSON"  # the model's organisation "Jonas de Vos": a given name, particles, a surname
        if m.label == "PERSON":
            cm = _CAPITAL_PARTICLES_BEFORE.search(head) if s == m.start else None
            if cm is not None and sentence_initial(text, s - len(cm.group(1))):
                s -= len(cm.group(1))
            if (am := _PARTICLES_AFTER.match(text, e)) is not None and am.group(2)[0].isupper() and not (
                    am.group(2).lower() in page.lower_words or is_common(am.group(2))):
                e = am.end(2)
        if (s, e) == (m.start, m.end):
            continue
        for o in idx.find(m.seg, s, e):
            if o is not m and o.start >= s and o.end <= e:
                gone.add(id(o))
        m.start, m.end, m.label = s, e, "PERSON"
    return [m for m in ms if id(m) not in gone]


#: A whole name of capitalised words with particles inside: "Jonas de Vos", "Ana Sofia dos Reis".
_PARTICLE_NAME = re.compile(
    r"([^\W\d_][\w'’-]*)(?:\s+[^\W\d_][\w'’-]*)*?\s+(?:" + alternation(SURNAME_PARTICLES) + r"\s+){1,2}([^\W\d_][\w'’-]*)")


def _particle_name(t: str, lower_words: set[str]) -> bool:
    """``t`` is a given name, maybe more names, particles and one capitalised surname, and no place the gazetteer knows."""
    pm = _PARTICLE_NAME.fullmatch(t)
    return (pm is not None and _free_given_name(pm.group(1), lower_words) and pm.group(2)[0].isupper()
            and all(w[0].isupper() or w in SURNAME_PARTICLES for w in t.split())
            and pm.group(2).lower() not in ORG_HEADS | PLACE_HEADS and lookup(t) is None)


def _person_ends(idx: SpanIndex, seg: int, end: int, m: Mention) -> bool:
    """A person's name other than ``m`` ends at ``end`` (the given names the model found apart)."""
    return any(o is not m and o.label == "PERSON" and o.end == end for o in idx.find(seg, max(0, end - 1), end))


#: A speaker's label opening a line of a transcript: "QUESTION:", "Moderator :".
_LABEL_COLON = re.compile(r"[ \t]*:")


def _speaker_role(text: str, m: Mention) -> bool:
    """``m`` is a whole speaker's label that names a role, not a person ("QUESTION: Did you ...")."""
    return (text[m.start:m.end].lower() in SPEAKER_ROLES and _LABEL_COLON.match(text, m.end) is not None
            and not text[text.rfind("\n", 0, m.start) + 1:m.start].strip())


#: A speaker's label opening a line: one to three words, capitalised or in capitals, then a colon ("AASLAND:",
#: "SECRETARY OKAFOR:", "Berg:"); the time of the turn may come first ("[00:12:05] AASLAND:", "12:05 Berg:").
_SPEAKER_LABEL = re.compile(r"(?m)^[ \t]*(?:[\[(]?\d{1,2}(?::\d{2}){1,2}[\])]?[ \t]+)?((?:[A-Z][\w'’.-]*[ \t]+){0,2}[A-Z][\w'’-]*)[ \t]*:(?=\s)")


#: Fewest turns of a speaker in capitals whom the page does not name in full.
SPEAKER_TURNS = 2


def speaker_names(ms: list[Mention], page: Page) -> list[Mention]:
    """A transcript's speaker label that names a person of the page is that person's name: "AASLAND:" on a page that
    names Tove Aasland, "SECRETARY OKAFOR:" (the name without its title) where Ana Okafor speaks.

    The model reads a surname in capitals alone as an organisation or misses it; the page itself says who it is.
    Only a label whose last word is the surname of a person the page names in full (or the whole label that full
    name) counts: a role ("QUESTION:") or a label the page names nobody by is left alone.
    """
    texts = page.texts
    fulls: set[str] = set()
    surnames: set[str] = set()
    for m in ms:
        if m.label == "PERSON" and len(words := m.text(texts).split()) > 1:
            fulls.add(fold(" ".join(words)))
            surnames.update(fold(w) for w in words[1:])  # (a first surname too: "ARAYA:" for Valentina Araya Sepúlveda)
    labels = Counter(lm.group(1) for text in texts if ":" in text for lm in _SPEAKER_LABEL.finditer(text))
    # (a surname in capitals that speaks again and again is a person's even where the page never names them in full:
    # "OKAFOR:" ... "OKAFOR:"; not a role, "HOST:", nor any word English text uses)
    speakers = {label for label, n in labels.items() if n >= SPEAKER_TURNS and label.isupper() and " " not in label
                and len(label) >= 3 and not is_listed(label)}
    if not surnames and not speakers:
        return ms
    found: list[Mention] = []
    for i, text in enumerate(texts):
        if ":" not in text:
            continue
        for lm in _SPEAKER_LABEL.finditer(text):
            s, e = lm.span(1)
            if lm.group(1) in speakers:
                pass
            elif fold(text[s:e]) not in fulls:
                last = text[s:e].split()[-1]
                if fold(last) not in surnames:
                    continue
                s = e - len(last)
            found.append(Mention(i, s, e, "PERSON", "speaker"))
    if not found:
        return ms
    idx = SpanIndex(found)
    return sorted([m for m in ms if not idx.overlaps(m.seg, m.start, m.end)] + found, key=lambda m: (m.seg, m.start))


def common_word_names(ms: list[Mention], page: Page) -> list[Mention]:
    """A common word alone is no name where the page also writes it in lower case; a role is no speaker's name; an
    everyday word the model read as a person, opening a sentence or a list's item, is none ("Explain why ..."); nor is
    a part of a work before its number ("Part 1 of 3").

    The second: transcripts open a line with who speaks, and the model takes a
    role there for a person ("QUESTION:", "MODERATOR:"; the list
    ``speaker_roles``), while a name there is one ("SECRETARY OKAFOR:").
    """
    texts = page.texts
    out = []
    for m in ms:
        if m.label in {"PERSON", "ORG"} and m.origin not in {"citation", "title", "lexicon", "institution"}:
            t = m.text(texts)
            if " " not in t and t not in page.person_words and t.lower() in page.lower_words and is_common(t):
                continue
            if _speaker_role(texts[m.seg], m):
                continue
            if (m.label == "PERSON" and m.origin == "model" and " " not in t and t not in page.person_words
                    and is_common(t) and not is_given_name(t) and _opens_item(texts[m.seg], m.start)
                    and not SPEECH_AFTER.match(texts[m.seg], m.end) and texts[m.seg][m.end:m.end + 1] not in {"'", "’"}):
                continue  # an everyday word opening a sentence or a list's item: "Explain why ...", "Discard all but ..."
            if " " not in t and is_common(t) and _NUMBER_AFTER.match(texts[m.seg], m.end) and t not in page.person_words:
                continue  # a part of a work and its number: "Part 1 of 3", "Chapter 4:"
        out.append(m)
    return out


#: A part's number right after a word, as a work numbers its parts: "Part 1 of 3", "Chapter 4:" (not a score: "Celtic 0").
_NUMBER_AFTER = re.compile(r"[ \t]+\d{1,3}(?:[ \t]+of[ \t]+\d|:)")
#: A list item's bullet or number before its first word, at the start of its line.
_ITEM_MARK = re.compile(r"(?:^|\n)[ \t]*(?:[•▪◦*·–—-]|\d{1,2}[.)])[ \t]+$")


def _opens_item(text: str, start: int) -> bool:
    """The word at ``start`` opens a sentence, a line, or a list's item after its bullet or number."""
    return sentence_initial(text, start) or _ITEM_MARK.search(text, max(0, start - 12), start) is not None


def title_line_trim(ms: list[Mention], page: Page) -> list[Mention]:
    """"Anna Berg Visits the Harbour": in a title-case line a person's name does not end in a common word.

    ``page.title_lines.at(seg, start, end)`` says whether the line holding that span is in title case.
    """
    texts = page.texts
    for m in ms:
        if m.label != "PERSON":
            continue
        words = m.text(texts).split()
        if len(words) < 3:
            continue
        if not page.title_lines.at(m.seg, m.start, m.end):
            continue
        while len(words) > 2 and is_common(words[-1]):
            words.pop()
        if m.text(texts).startswith(" ".join(words)):
            m.end = m.start + len(" ".join(words))
    return ms


_PAIR = re.compile(r"([A-Z][\w'’-]+)\s*(?:&|\band\b)\s*([A-Z][\w'’-]+)")


def nationality_prefixes(ms: list[Mention], page: Page) -> list[Mention]:
    """A nationality before a person's name is a group of its own: "Swede Anders Lindqvist", "Dutchman Jan de Wit".

    News copy names a person with their nationality in front, and the model
    reads both as one person. The first word must be a demonym the gazetteer
    knows, written with a capital, and a capitalised name must follow it; a
    demonym that is also a given name needs two more words ("Finn Hale" is a
    person, "Finn Mikko Lahti" a Finn).
    """
    texts = page.texts
    demonyms = gazetteer().demonyms
    out: list[Mention] = []
    for m in ms:
        if m.label == "PERSON":
            t = m.text(texts)
            first, _, rest = t.partition(" ")
            if first in demonyms and rest[:1].isupper() and (" " in rest or not is_given_name(first)):
                out.append(Mention(m.seg, m.start, m.start + len(first), "NORP", m.origin))
                m.start = m.end - len(rest)
        out.append(m)
    return out


def person_pairs(ms: list[Mention], page: Page) -> list[Mention]:
    """"Halvorsen & Berg's study": two names joined by "&"/"and", one of them a person on the page, are two persons;
    not a place the gazetteer knows by the whole name ("Trinidad and Tobago", its parts people's names too)."""
    texts = page.texts
    persons = {m.text(texts) for m in ms if m.label == "PERSON"}
    out = []
    for m in ms:
        if m.label in {"ORG", "NORP", "GPE"} and not (m.label == "GPE" and lookup(m.text(texts)) is not None):
            pm = _PAIR.fullmatch(m.text(texts))
            if pm and (pm.group(1) in persons or pm.group(2) in persons):
                for g in (1, 2):
                    out.append(Mention(m.seg, m.start + pm.start(g), m.start + pm.end(g), "PERSON", "alias"))
                continue
        out.append(m)
    return out


#: A run of three to six capitalised words (or initials) on one line: a name with its middle names.
_NAME_RUN = re.compile(r"(?<![\w'’.-])[A-Z][\w'’-]*\.?(?:[ \t]+[A-Z][\w'’-]*\.?){2,5}(?![\w'’-])")
#: A word of a name: capitalised with a lower-case letter ("O'Neill", "Anna-Lena"), no possessive, or an initial.
_MIDDLE = re.compile(r"[A-Z](?=[\w'’-]*[a-zà-ÿ])(?![\w'’-]*['’]s$)[\w'’-]*|[A-Z]\.")


def middle_names(ms: list[Mention], page: Page) -> list[Mention]:
    """A person named in full with middle names is one person: "Jonas Pieter Lindqvist" on a page about Jonas Lindqvist.

    A biography gives the full name once, and the model finds its parts apart or
    only some of them. A run of capitalised words on one line that opens with
    the given name of a person the page names elsewhere (a mention of two words
    or more, or a given name the page never writes in lower case) and ends with
    the surname of a person the page names, with one to four middle names or
    initials between, is one person when a person's mention already lies in it
    and no other name does (a nationality before a name is a group of its own).
    A middle word that is the surname of another person the page names in full
    elsewhere splits it instead ("Ana Lima Tom Berg" is two), as does a title,
    a function word, or a word heading an organisation's or a place's name.
    """
    texts = page.texts
    lower_words = page.lower_words
    persons = [m for m in ms if m.label == "PERSON"]
    fulls = [m.text(texts).split() for m in persons]
    # a first word the gazetteer knows opens a place's name as often ("Wichita North"), one in capitals an acronym
    firsts = {f[0] for f in fulls if len(f) >= 2 and _MIDDLE.fullmatch(f[0]) and lookup(f[0]) is None}
    lasts = {f[-1] for f in fulls if len(f) >= 2 and _MIDDLE.fullmatch(f[-1])
             and f[-1].lower() not in ORG_HEADS and f[-1].lower() not in PLACE_HEADS}
    if not lasts:
        return ms
    # where each surname of a person named in full stands: (segment, start) of its full names
    named_in_full: dict[str, list[tuple[int, int]]] = {}
    for f, m in zip(fulls, persons):
        if len(f) >= 2:
            named_in_full.setdefault(f[-1], []).append((m.seg, m.start))
    idx = SpanIndex(ms)
    found: list[Mention] = []
    for i, text in enumerate(texts):
        for rm in _NAME_RUN.finditer(text):
            toks = [(t.start() + rm.start(), t.end() + rm.start(), t.group(0)) for t in re.finditer(r"\S+", rm.group(0))]
            for a in range(len(toks) - 2):
                first = toks[a][2]
                if not _MIDDLE.fullmatch(first) or (first not in firsts and not _free_given_name(first, lower_words)):
                    continue
                b = max((j for j in range(a + 2, min(len(toks), a + 6)) if toks[j][2] in lasts), default=None)
                if b is None:
                    continue
                s0, e0 = toks[a][0], toks[b][1]
                near = idx.find(i, s0, e0)
                # it must hold a person's mention and no other name ("German Kai Okafor": a nationality and a person)
                if (not any(m.label == "PERSON" and s0 <= m.start and m.end <= e0 for m in near)
                        or any(m.label != "PERSON" or (m.start == s0 and m.end == e0) for m in near)):
                    break
                middles = [t for _, _, t in toks[a + 1:b]]
                if any(not _MIDDLE.fullmatch(w) or w.lower() in TITLES or w.lower() in STOP_EDGE or w.lower() in ORG_HEADS
                       or w.lower() in PLACE_HEADS
                       or any(not (seg == i and s0 <= start < e0) for seg, start in named_in_full.get(w, ())) for w in middles):
                    break
                found.append(Mention(i, s0, e0, "PERSON", "alias"))
                break
    if not found:
        return ms
    fidx = SpanIndex(found)
    return [m for m in ms if not fidx.overlaps(m.seg, m.start, m.end)] + found


def given_name_places(ms: list[Mention], page: Page) -> list[Mention]:
    """"Rebecca", "Anna-Lena" labelled a place: a common given name the gazetteer does not know is a person."""
    texts = page.texts
    for m in ms:
        if m.label in {"GPE", "LOC"} and m.origin == "model":
            t = m.text(texts)
            parts = t.split("-")
            if (" " not in t and all(p and is_given_name(p) for p in parts) and lookup(t) is None
                    and not THE_BEFORE.search(texts[m.seg], max(0, m.start - 5), m.start)):
                m.label = "PERSON"  # (not after "the": "the Clyde" is a river, whoever is called Clyde)
    return ms


_RULE_NOUNS = re.compile(r"^(?:['’]s)?\s+" + alternation(RULE_NOUNS) + r"\b")


def ruler_names(ms: list[Mention], page: Page) -> list[Mention]:
    """One name before "regime", "dictatorship", "administration" is its leader, a person.

    The model reads "the Dorvan regime" as an organisation. The evidence holds for
    every mention of the name on the page. A place ("the Syrian regime" is a
    group, "the Cuba regime" a place), an acronym or a known organisation
    ("the Varnak regime" for a known Varnak) keeps its label.
    """
    texts = page.texts
    rulers: set[str] = set()
    for m in ms:
        t = m.text(texts)
        if (m.label in {"ORG", "FAC"} and re.fullmatch(r"[A-Z][a-z][\w'’-]*", t) and t not in page.known.orgs
                and not lookup(t) is not None and _RULE_NOUNS.match(texts[m.seg][m.end:m.end + 20])):
            rulers.add(t)
    for m in ms:
        if m.label in {"ORG", "FAC"} and m.text(texts) in rulers:
            m.label = "PERSON"
    return ms


#: What only a person does, right after the name ("was born", "died").
LIFE_EVENTS = word_list("life_events")
#: A life's dates in brackets right after a name: "(3 May 1938 – 21 November 2016)", "(1901–1977)" (a birth alone,
#: "(born 1948)", is :data:`_BIRTH_NOTE`).
_LIFE_DATES = re.compile(r"\s*\((?:c\.\s*)?(?:\d{1,2}\s+[A-Z][a-z]+\s+)?\d{3,4}\s*[–—-]\s*"
                         r"(?:c\.\s*)?(?:\d{1,2}\s+[A-Z][a-z]+\s+)?\d{3,4}\s*\)")
_LIFE_EVENT = re.compile(r"[ \t]+(?:" + alternation(LIFE_EVENTS) + r")\b")
#: A relative clause that only a person takes: "Ana Lima, who keeps the ferry log".
_WHO_AFTER = re.compile(r",?[ \t]+who[ \t]+(?!are\b|were\b|have\b)")  # (a body takes the plural: "the Council, who are")
#: What the model may have taken such a name for (not an event's or a law's name).
_LIFE_LABELS = {"PERSON", "NORP", "FAC", "ORG", "GPE", "LOC"}


def life_events(ms: list[Mention], page: Page) -> list[Mention]:
    """A name followed by a life's dates ("Ada Mbeki (1931–2009)") or by what only a person does ("Mbeki was born
    at ...", "died") is a person's, and so is every mention of that name on the page, its surname alone too: the
    model reads an unfamiliar name as an organisation or a place. An acronym or a known place keeps its label."""
    texts = page.texts
    names: set[str] = set()
    for m in ms:
        t = m.text(texts)
        if (m.label in _LIFE_LABELS and re.fullmatch(r"[A-Z][\w'’-]*[a-z][\w'’-]*(?:\s+[A-Z][\w'’-]*[a-z][\w'’-]*){0,3}", t)
                and lookup(t) is None and t not in page.known.orgs
                and not any(w.lower() in ORG_HEADS or w.lower() in PLACE_HEADS or w in LEGAL_FORMS for w in t.split())):
            after = texts[m.seg][m.end:m.end + 60]  # (a body's years are no life: "Kelvara Holdings (2010–2015)")
            if _BIRTH_NOTE.match(after) or _LIFE_DATES.match(after) or _LIFE_EVENT.match(after) or (
                    " " in t and _WHO_AFTER.match(after) and not page.about_sport):
                names.add(t)  # (a team of two words may be "who" on a sports page: "Harbour Rovers, who ...")
    if not names:
        return ms
    surnames, firsts = {t.split()[-1] for t in names}, {t.split()[0] for t in names}
    for m in ms:
        t = m.text(texts)
        if m.label in _LIFE_LABELS and m.label != "PERSON" and (t in names or t in surnames
                                                              or (" " in t and t.split()[-1] in surnames and t.split()[0] in firsts)):
            m.label = "PERSON"
    return ms


#: Two to four capitalised words with lower-case letters in them: a name the model may have missed.
_UNSEEN_NAME = re.compile(r"(?<![\w'’.-])[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ'’-]*[a-zß-öø-ÿ](?:[ \t]+[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ'’-]*[a-zß-öø-ÿ]){1,3}(?![\w'’-])")


def unseen_persons(ms: list[Mention], page: Page) -> list[Mention]:
    """Two to four words no list knows, where the model saw no name, are a person's when a relative clause only a person
    takes or a verb of speech follows: "Tarvek Oddsson Brimjo, who ran the mill for thirty years", "Kiraboh Vashunde
    said". No word is one English text uses or one the gazetteer knows, a title, a month, a day or an organisation's
    or a place's word, no word is one the page writes in lower case, and the gazetteer does not know the whole (the model misses names of languages
    it read little of: "Espérance Nabintu, who grinds cassava")."""
    texts = page.texts
    gaz = gazetteer()
    taken = SpanIndex(ms)
    out = list(ms)
    for i, text in enumerate(texts):
        if "who" not in text and not SPEECH_AFTER.search(text):
            continue
        for nm in _UNSEEN_NAME.finditer(text):
            s, e = nm.span()
            name = nm.group().split()
            while len(name) > 2 and is_listed(name[0]):  # (a sentence's first word before it: "For Ana Tarvek, who")
                s = text.index(name[1], s + len(name[0]))
                name = name[1:]
            if taken.overlaps(i, s, e) or not (_WHO_AFTER.match(text, e) or SPEECH_AFTER.match(text, e)):
                continue
            if not _unknown_name(name) or not _credited(name, given=False) or any(w.lower() in page.lower_words for w in name):
                continue
            made = Mention(i, s, e, "PERSON", "context")
            out.append(made)
            taken.add(i, s, e, made)
    return out


#: Words of a person's role (``person_roles``, occupations, titles) set off beside a name by a comma.
_ROLES = alternation(word_list("person_roles") | OCCUPATIONS | TITLES | EXTRA_TITLES)
_ROLE_AFTER = re.compile(r",[ \t\n]+(?:(?:the|a|an|then|its|our|their|his|her)[ \t\n]+)?(?:[\w-]+[ \t\n]+){0,2}?" + _ROLES + r"\b",
                         re.IGNORECASE)
_ROLE_BEFORE = re.compile(r"\b" + _ROLES + r",[ \t\n]+$", re.IGNORECASE)
#: A verb of speech whose speaker follows it ("..., said Kelvo Arrandi"; not "told" or "according to", after which a
#: news agency stands as often: "an insurgent source told Agence Tarvo-Presse").
_SAID_BEFORE = re.compile(r"\b(?:said|says|added)[ \t\n]+$")


def cued_persons(ms: list[Mention], page: Page) -> list[Mention]:
    """A name of words no list knows that the model read as a body's or a place's is a person's where the sentence says
    so: a verb of speech before or after it ('said Kelvo Arrandi', 'Kelvo Arrandi said'), or a person's role set off
    by a comma after it (', fleet manager of the island ferries', ', president of ...') or before it ('its chair,
    Kelvo Arrandi, ...'). Two to four words, a particle between them ("Tolvas de Velmira"); no word English text uses
    unless it is a given name, the gazetteer knows none of them, none is an organisation's or a place's word, and the
    page names no body so."""
    texts = page.texts
    gaz = gazetteer()
    for m in ms:
        if m.label not in ("ORG", "GPE", "LOC", "FAC", "NORP") or m.origin != "model":
            continue
        t = m.text(texts)
        words = t.split()
        caps = [w for w in words if not (w.islower() and w in SURNAME_PARTICLES)]
        if not 2 <= len(caps) <= 4 or len(caps) < len(words) - 1 or t in page.known.orgs or t.isupper():
            continue
        if any(not w[:1].isupper() or not any(c.islower() for c in w) or (is_listed(w) and not is_given_name(w))
               or gaz.lookup(w) is not None for w in caps) or not _credited(words, given=False) or any(
                w.lower() in ORG_OPENERS or w in LEGAL_FORMS for w in words) or gaz.lookup(t) is not None:
            continue
        text = texts[m.seg]
        if not (SPEECH_AFTER.match(text, m.end) or _SAID_BEFORE.search(text, max(0, m.start - 20), m.start)
                or _ROLE_AFTER.match(text, m.end) or (_ROLE_BEFORE.search(text, max(0, m.start - 40), m.start)
                                                      and text[m.end:m.end + 1] == ",")):
            continue
        m.label = "PERSON"
    return ms


#: Most words a person's name grows by on each side.
NAME_EDGE_WORDS = 2
_EDGE_WORD_AFTER = re.compile(r" ([^\W\d_][\w'’-]*)")
_EDGE_WORD_BEFORE = re.compile(r"(?:^|(?<=[\s(“\"‘]))([^\W\d_][\w'’-]*) $")


def _name_word(w: str, lower_words: set[str]) -> bool:
    """A word that may be part of a person's name: capitalised, with lower-case letters, no common English word, none
    the page writes in lower case, no title, occupation, nationality, place, month or organisation word."""
    return (w[:1].isupper() and any(c.islower() for c in w) and w.lower() not in lower_words and not is_common(w)
            and not not_a_name(w) and not any(x.lower() in TITLES for x in w.rstrip(".").split("-")) and w.lower() not in OCCUPATIONS
            and w not in gazetteer().demonyms and w not in FOREIGN_PLACE_WORDS)


def name_edges(ms: list[Mention], page: Page) -> list[Mention]:
    """A person's name runs on over the name words right beside it, on its line and held by no other mention: the
    model cuts names of three words it does not know ("Valentina Araya" of "Valentina Araya Sepúlveda", "Tagini
    Liofasi" of "Moses Tagini Liofasi"). Up to :data:`NAME_EDGE_WORDS` on each side, each one :func:`_name_word`."""
    texts, lower = page.texts, page.lower_words
    idx = SpanIndex(ms)
    for m in ms:
        if m.label != "PERSON":
            continue
        t = texts[m.seg]
        for _ in range(NAME_EDGE_WORDS):
            w = _EDGE_WORD_AFTER.match(t, m.end)
            if not w or not _name_word(w.group(1), lower) or idx.overlaps(m.seg, w.start(1), w.end(1)):
                break
            nxt = _EDGE_WORD_AFTER.match(t, w.end(1))
            if nxt and nxt.group(1)[:1].isupper() and not _name_word(nxt.group(1), lower):
                break  # the word opens another name: "Tom Berg" + "Selwick Harbour"
            m.end = w.end(1)
        for _ in range(NAME_EDGE_WORDS):
            w = _EDGE_WORD_BEFORE.search(t, max(0, m.start - 40), m.start)
            if w and w.group(1).lower() in ORG_OPENERS and not idx.overlaps(m.seg, w.start(1), w.end(1)):
                m.start, m.label = w.start(1), "ORG"  # a body named after the person: "Institut Ana Lima", "Fundación Tomás Roa"
                break
            if not w or not _name_word(w.group(1), lower) or idx.overlaps(m.seg, w.start(1), w.end(1)):
                break
            # A given name, or a word after a lower-case word or a title ("chief executive Moses Tagini Liofasi",
            # "Hon. Sione Tuipulotu Havili"); not a sentence's first word, often a role ("Radiographer Aisha Bhatti"),
            # nor one after "at" or "in", often a place's word ("at Theatr Mwldan").
            prev = re.search(r"([^\W\d_][\w'’-]*\.?)\s+$", t[max(0, w.start(1) - 30):w.start(1)])
            p = prev.group(1) if prev else ""
            # (a title's abbreviation keeps its full stop, "Hon.", one ending a sentence does not: "Madam President.")
            titled = p.rstrip(".").lower() in TITLES and (not p.endswith(".") or len(p) <= 5)
            if not (is_given_name(w.group(1)) or titled or (p.islower() and not p.endswith(".") and p not in PLACE_PREPOSITIONS)):
                break
            m.start = w.start(1)
        # a reference list's initials after the surname, no full stops: "Lindqvist AB, Berg T-M (2020)"
        # (not a member's or an honour's letters after a whole name: "Ana Lima MLA, minister")
        if ((im := _INITIALS_AFTER.match(t, m.end)) and not idx.overlaps(m.seg, im.start(1), im.end(1))
                and not (im.group(1) in POSTNOMINALS and " " in t[m.start:m.end])):
            m.end = im.end(1)
    return ms


# Initials written the Vancouver way after a surname: capitals with no full stops (a hyphen between two), then
# the entry's punctuation or its year in brackets.
_INITIALS_AFTER = re.compile(r"[ \t]([A-Z]{1,3}|[A-Z]-[A-Z])(?=[,;.:]|[ \t]\(\d{4})")


#: Titles whose portfolio follows after "of" or "for" ("Minister of Infrastructure and Regional Development").
PORTFOLIO_TITLES = word_list("portfolio_titles")
_PORTFOLIO_BEFORE = re.compile(r"\b(?=[A-Z])(?i:" + alternation(PORTFOLIO_TITLES) + r")\s+(?:of|for)\s+(?:the\s+)?"
                               r"(?:[A-Z][\w’'-]*(?:[ \t]+(?:[A-Z][\w’'-]*|of|the))*(?:,[ \t]+|[ \t]+(?:and|&)[ \t]+(?:the[ \t]+)?))*$")
# The holder's name right after the portfolio: two to four capitalised words, then no more capitals.
_HOLDER = re.compile(r"[ \t]+([A-Z][\w'’-]*[a-z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*[a-z][\w'’-]*){1,3})(?![\w'’-]|[ \t]+[A-Z])")


def portfolios(ms: list[Mention], page: Page) -> list[Mention]:
    """The portfolio after a minister's title is part of the title, no organisation: "Minister of Infrastructure and
    Regional Development", "Minister for Disaster Management", and so is each later field of it the model read as a
    name of its own ("Minister of Harbours, Fisheries and the Island Economy"); the ministry itself, "the Ministry of
    ...", is one.
    The name right after the portfolio is the minister's: "... Development Octavian Grecu-Moraru travelled"."""
    texts = page.texts
    out: list[Mention] = []
    added: list[Mention] = []
    for m in ms:
        t = texts[m.seg]
        if m.label == "ORG" and _PORTFOLIO_BEFORE.search(t, max(0, m.start - 90), m.start) and lookup(m.text(texts)) is None:
            # (a region is a portfolio too, and still a place: "Minister for South Asia")
            if (h := _HOLDER.match(t, m.end)) and all(_name_word(w, page.lower_words) or is_given_name(w) for w in h.group(1).split()):
                added.append(Mention(m.seg, h.start(1), h.end(1), "PERSON", "pattern"))
            continue
        out.append(m)
    if not added:
        return out
    taken = SpanIndex(out)
    for a in added:
        for o in taken.find(a.seg, a.start, a.end):
            if o in out and o.start >= a.start and o.end <= a.end:
                out.remove(o)
        if not any(o.start < a.start or o.end > a.end for o in taken.find(a.seg, a.start, a.end) if o in out):
            out.append(a)
    return sorted(out, key=lambda m: (m.seg, m.start))


def note_person_words(ms: list[Mention], page: Page) -> list[Mention]:
    """Words of the multi-word persons found so far, for the steps after (no change to the mentions)."""
    page.person_words = {w for m in ms if m.label == "PERSON" and " " in m.text(page.texts) for w in m.text(page.texts).split()}
    return ms


#: Words that open a credit: a byline, a photo credit, a contact.
CREDIT_CUES = word_list("credit_cues")
#: A credit opening a line or following a ";" or "|" on it: the cue, then a colon, or a space after "by".
# (a byline's parts kept apart by middle dots too: "By Ana Lima · Updated 4 May · 6 min read")
# (or after a caption's sentence: "... on the quay, May 2025. Photo: Ana Lima")
_CAPITAL = "[A-ZÀ-ÖØ-ÞĀĆČĐĒĞİŁŃŌŘŚŞŠŢŪŹŻŽ]"
_CREDIT_NAME = rf"{_CAPITAL}[\w'’-]*[a-z][\w'’-]*(?:[ \t]+(?:{_CAPITAL}\.|{_CAPITAL}[\w'’-]*[a-z][\w'’-]*)){{1,2}}"
_CREDIT_END = r"(?=[ \t]*(?:$|[,;|/)(·]|(?:on|for|and|in)\b|[-–—]))"
_CREDIT = re.compile(r"(?:^|(?<=[;|•·])|(?<=[.!?][ \t]))[ \t]*\(?[ \t]*(?i:" + alternation(CREDIT_CUES)
                     + r")(?:[ \t]*:[ \t]*|(?<=[bB][yY])[ \t]+)(" + _CREDIT_NAME + ")" + _CREDIT_END, re.M)
#: A credit of one word ending its line: a photographer's user name ("Image: Tarnwick.").
_CREDIT_ONE = re.compile(r"(?:^|(?<=[;|•·])|(?<=[.!?][ \t]))[ \t]*\(?[ \t]*(?i:" + alternation(CREDIT_CUES)
                         + r")(?:[ \t]*:[ \t]*|(?<=[bB][yY])[ \t]+)(" + _CAPITAL + r"[\w'’-]*[a-z][\w'’-]*)(?=\.?\)?[ \t]*$)", re.M)
#: A second credited person after the first and "and": "By Ana Lima and Tomas Berg".
_AND_CREDIT = re.compile(r"[ \t]+and[ \t]+(" + _CREDIT_NAME + ")" + _CREDIT_END, re.M)
#: What follows the author's name in a byline's row: its next part after a middle dot or a bar.
_BYLINE_ROW = re.compile(r"[ \t]*[·|][ \t]*\S")
#: An agency after the credited person and a slash or "for": "Ana Lima / Harbour Wire", "Ana Lima/Harbour Wire", "Ana
#: Lima for Harbour Wire".
_AGENCY = re.compile(r"(?:[ \t]*/|[ \t]+for[ \t])[ \t]*([A-Z][\w&'’.-]*(?:[ \t]+[A-Z][\w&'’.-]*){0,4})")


#: An author's mark pointing to an affiliation or a note, right after the name: "(1)", "(a)", "(a, c)", "¹²", "*", "†".
_AUTHOR_MARK = re.compile(r"[ \t]*(?:\([1-9]\d?\)|\([a-h](?:,[ \t]*[a-h])*\)|[¹²³⁴⁵⁶⁷⁸⁹⁰]+|\*|†|‡)")
#: A word of a person's name in an author line: capitalised (accents and hyphens too), or a particle.
_AUTHOR_WORD = re.compile(r"[A-ZÀ-ÖØ-Þ][\w'’.-]*|" + alternation(SURNAME_PARTICLES))
#: Fewest marked names on a line that make it a paper's author line.
MARKED_AUTHORS = 2


def marked_authors(ms: list[Mention], page: Page) -> list[Mention]:
    """Names on a line that each carry an affiliation mark ("Ana Lima (1), Tomas Berg (2) and Ola Holm (1)") are a
    paper's authors: persons, whatever the model called them, two or more such names to a line, each two to five words
    of a name with no organisation's or place's head word and no place the gazetteer knows."""
    texts = page.texts
    by_seg: dict[int, list[Mention]] = {}
    for m in ms:
        if m.label in NAME_LABELS and _AUTHOR_MARK.match(texts[m.seg], m.end):
            by_seg.setdefault(m.seg, []).append(m)
    gaz = gazetteer()
    for seg, marked in by_seg.items():
        if len(marked) < MARKED_AUTHORS:
            continue
        for m in marked:
            words = m.text(texts).split()
            if (2 <= len(words) <= 5 and all(_AUTHOR_WORD.fullmatch(w) for w in words) and words[0][0].isupper()
                    and not any(w.lower() in ORG_HEADS or w.lower() in PLACE_HEADS for w in words)
                    and gaz.lookup(m.text(texts)) is None):
                m.label = "PERSON"
    return ms


def _unknown_name(name: list[str]) -> bool:
    """No word of a credit's name is one English text uses or one the gazetteer knows, nor is the whole: a person's
    name the given-name list lacks ("Photo: Ousmane Terakoy"), more likely than an agency's ("Photo: Harbour Wire")."""
    gaz = gazetteer()
    return gaz.lookup(" ".join(name)) is None and not any(is_listed(w) or gaz.lookup(w) is not None for w in name)


def _credited(name: list[str], given: bool = True) -> bool:
    """The words of a credit's name may be a person's: no title, month or organisation or place word among them, and
    (``given``) a given name first."""
    return (not given or is_given_name(name[0])) and not any(
        w.lower().rstrip(".") in TITLES or w.lower() in ORG_HEADS or w.lower() in PLACE_HEADS or w.lower() in MONTHS
        or w.lower() in WEEKDAYS for w in name)


def credit_lines(ms: list[Mention], page: Page) -> list[Mention]:
    """The person a byline, photo credit or contact line names is a person, and the agency after a slash an organisation.

    "Posted by Ana Lima on May 3", "Photo: Ana Lima / Harbour Wire",
    "(Photo by Ana Lima/Harbour Wire)", "Contact: Ana Lima": the model often
    passes over such a short line, or reads the person and the agency as one
    name. After a credit's cue (``credit_cues``), two or three capitalised
    words, the first a given name and none a title, month or organisation or
    place word, are the person; they must end the line's part (its end, a
    comma, "on", "for"...). The mentions inside the person and agency give way.
    """
    texts = page.texts
    found: list[Mention] = []
    for i, text in enumerate(texts):
        for cm in _CREDIT.finditer(text):
            s, e = cm.span(1)
            name = cm.group(1).split()
            # (a byline's row vouches for a name the given-name list lacks: "By Imogen Roe · Updated 4 May")
            byline_row = _BYLINE_ROW.match(text, cm.end(1)) is not None and cm.group().lstrip(" \t(").lower().startswith("by ")
            if not (is_given_name(name[0]) or byline_row or _unknown_name(name)) or not _credited(name, given=False):
                continue
            found.append(Mention(i, s, e, "PERSON", "credit"))
            if (nm := _AND_CREDIT.match(text, e)) and _credited(nm.group(1).split()):
                found.append(Mention(i, *nm.span(1), "PERSON", "credit"))
                e = nm.end(1)
            if am := _AGENCY.match(text, e):
                a, b = strip_punct(text, *am.span(1))
                if b > a:
                    found.append(Mention(i, a, b, "ORG", "credit"))
        for om in _CREDIT_ONE.finditer(text):
            if _unknown_name([om.group(1)]) and _credited([om.group(1)], given=False):
                found.append(Mention(i, *om.span(1), "PERSON", "credit"))
    if not found:
        return ms
    where = SpanIndex(found)
    lines = page.title_lines
    out = []
    for m in ms:
        # a mention inside the credit's names, or the model's one name over person and agency, gives way
        over = where.find(m.seg, m.start, m.end)
        if over and all(lines.span(m.seg, o.start) == lines.span(m.seg, m.start) for o in over) and m.start >= min(
                o.start for o in over) and m.end <= max(o.end for o in over) + 1:
            continue
        out.append(m)
    taken = SpanIndex(out)
    return sorted(out + [f for f in found if not taken.overlaps(f.seg, f.start, f.end)], key=lambda m: (m.seg, m.start))


def opening_roles(ms: list[Mention], page: Page) -> list[Mention]:
    """A sentence's first word, a role or occupation, before a given name and surname that the model read as one
    organisation, building or place with them: "Striker Ana Lima scored twice" names a person, "Ana Lima".

    ``person_fixes`` cuts such a word off the model's persons; this does the
    same for its other names, which then are the person's. The first word must
    be no given name (nor a nationality, ``nationality_prefixes``' to take), and
    the rest look like a person's name (``looks_like_person``).
    """
    texts = page.texts
    lower_words = page.lower_words
    for m in ms:
        if m.label in {"ORG", "FAC", "GPE", "LOC", "NORP", "EVENT"} and m.text(texts).count(" ") in (2, 3):
            start = m.start
            _drop_opening_word(m, texts[m.seg], lower_words)
            if m.start != start:
                m.label = "PERSON"
    return ms


#: Forms of address that stand only before a person's name ("Mrs", "Cllr", "Dr").
HONORIFICS = word_list("honorifics")
_HONORIFIC_NAME = re.compile(r"([A-Z][a-z]{1,9})\.?\s+([A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2})$")


def honorific_names(ms: list[Mention], page: Page) -> list[Mention]:
    """A name that opens with a form of address is a person's, whatever the model said: "Cllr Berg" or
    "Mrs Ana Okafor" labelled an organisation or a place is the person Berg, Ana Okafor.

    Only forms of address count, not titles that also open names of other kinds ("General Motors", "Prince
    Albert Hall"); a name ending in an organisation or place word stays as it is ("Dr Okafor Foundation").
    """
    texts = page.texts
    for m in ms:
        if m.label not in {"ORG", "GPE", "LOC", "FAC", "NORP"}:
            continue
        hm = _HONORIFIC_NAME.fullmatch(m.text(texts))
        if not hm or hm.group(1).lower() not in HONORIFICS:
            continue
        last = hm.group(2).split()[-1].lower()
        if last in ORG_HEADS or last in PLACE_HEADS:
            continue
        m.start += hm.start(2)
        m.label = "PERSON"
    return ms
