"""Person rules that need word frequencies: a name after a title, a common word taken for a name.

* :func:`titled_names`: capitalised words the model left unmarked right after
  a title ("President Hollande", "King Nebuchadnezzar II", "Special Advisor
  Thames") are a person, when they are no common English word;
* :func:`common_word_names`: a one-word "person" that is a common English word
  used in lower case on the same page ("Grammar", "Language" in book titles)
  and no part of a full name there is no person;
* :func:`ruler_names`: the name in "the Asad regime" is a person.

Word frequencies come from ``wordfreq`` (its small English list, shipped in the
wheel).
"""

from __future__ import annotations

import re
from functools import lru_cache

#: Words at least this frequent (per word of English text) are common words, not names
#: (Zipf 4: "grammar", "executive", "assembly" are above; "Thames", "Hollande" below).
COMMON = 1e-5
#: Title words that stand before a person's name in the middle of a sentence
#: (capitalised), plus "Advisor"/"Adviser"/"Special" for titles of two words.
_EXTRA_TITLES = frozenset("advisor adviser envoy minister secretary".split())
_NAME = re.compile(r"[A-Z][a-zà-ÿ'’-]+(?:\s+[A-Z][a-zà-ÿ'’-]+){0,2}(?:\s+(?:II|III|IV|Jr\.?|Sr\.?))?")


@lru_cache(maxsize=1)
def _freq() -> dict[str, float]:
    try:
        from wordfreq import get_frequency_dict
    except ImportError:  # pragma: no cover - declared dependency
        return {}
    return get_frequency_dict("en", "small")


def is_common(word: str) -> bool:
    return _freq().get(word.lower(), 0.0) >= COMMON


def titled_names(ms: list, texts: list[str], titles: frozenset[str], lower_words: set[str], not_a_name) -> list:
    """Unmarked names right after a capitalised title are persons.

    ``not_a_name(word)`` rules out words such as places and organisation words.
    """
    from .rules import Mention, SpanIndex

    idx = SpanIndex(ms)
    out = list(ms)
    heads = titles | _EXTRA_TITLES
    for i, text in enumerate(texts):
        for tm in re.finditer(r"(?<![\w'’-])([A-Z][a-z]+\.?)\s+(?=[A-Z])", text):
            if tm.group(1).rstrip(".").lower() not in heads or tm.start() == 0:
                continue
            nm = _NAME.match(text, tm.end())
            if not nm:
                continue
            words = nm.group(0).split()
            # stop before a title, a common word or a place/organisation word
            keep = 0
            for w in words:
                lw = w.lower().rstrip(".")
                if w in {"II", "III", "IV"} or lw in {"jr", "sr"}:
                    if keep:
                        keep += 1
                    break
                if lw in heads or lw in lower_words or is_common(w) or not_a_name(w):
                    break
                keep += 1
            if not keep:
                continue
            s = nm.start()
            e = s + len(" ".join(words[:keep]))
            if idx.overlaps(i, s, e):
                continue
            out.append(Mention(i, s, e, "PERSON", "title"))
            idx.add(i, s, e)
    return out


def common_word_names(ms: list, texts: list[str], lower_words: set[str], person_words: set[str]) -> list:
    out = []
    for m in ms:
        if m.label in {"PERSON", "ORG"} and m.origin not in {"citation", "title", "lexicon", "institution"}:
            t = m.text(texts)
            if " " not in t and t not in person_words and t.lower() in lower_words and is_common(t):
                continue
        out.append(m)
    return out


_PARTICLE_GAP = re.compile(
    r"\s+(?:al|el|bin|ibn|ben|abu|bint|van|von|de|da|di|del|della|der|den|le|la|du|dos|das|ter|ten)(?:[-‑]\s*|\s+)"
)


def join_particles(ms: list, texts: list[str]) -> list:
    """"Ibrahim" + "al- Jaafari", "Ludwig" + "van Beethoven": a name particle joins two parts of one person."""
    ms = sorted(ms, key=lambda m: (m.seg, m.start))
    out: list = []
    skip: set[int] = set()
    for k, m in enumerate(ms):
        if id(m) in skip:
            continue
        nxt = ms[k + 1] if k + 1 < len(ms) else None
        if (m.label == "PERSON" and nxt is not None and nxt.seg == m.seg and nxt.label == "PERSON"
                and _PARTICLE_GAP.fullmatch(texts[m.seg], m.end, nxt.start)):
            m.end = nxt.end
            skip.add(id(nxt))
        out.append(m)
    return out


def title_line_trim(ms: list, texts: list[str], title_case_at) -> list:
    """"Anna Berg Visits the Harbour": in a title-case line a person's name does not end in a common word.

    ``title_case_at(seg, start, end)`` says whether the line holding that span is in title case.
    """
    for m in ms:
        if m.label != "PERSON":
            continue
        words = m.text(texts).split()
        if len(words) < 3:
            continue
        if not title_case_at(m.seg, m.start, m.end):
            continue
        while len(words) > 2 and is_common(words[-1]):
            words.pop()
        if m.text(texts).startswith(" ".join(words)):
            m.end = m.start + len(" ".join(words))
    return ms


_PAIR = re.compile(r"([A-Z][\w'’-]+)\s*(?:&|\band\b)\s*([A-Z][\w'’-]+)")


def person_pairs(ms: list, texts: list[str]) -> list:
    """"Carrano & Biewener's study": two names joined by "&"/"and", one of them a person on the page, are two persons."""
    from .rules import Mention

    persons = {m.text(texts) for m in ms if m.label == "PERSON"}
    out = []
    for m in ms:
        if m.label in {"ORG", "NORP", "GPE"}:
            pm = _PAIR.fullmatch(m.text(texts))
            if pm and (pm.group(1) in persons or pm.group(2) in persons):
                for g in (1, 2):
                    out.append(Mention(m.seg, m.start + pm.start(g), m.start + pm.end(g), "PERSON", "alias"))
                continue
        out.append(m)
    return out


def given_name_places(ms: list, texts: list[str], lookup) -> list:
    """"Rebecca", "Mary-Kate" labelled a place: a common given name the gazetteer does not know is a person."""
    from .names import is_given_name

    for m in ms:
        if m.label in {"GPE", "LOC"} and m.origin == "model":
            t = m.text(texts)
            parts = t.split("-")
            if " " not in t and all(p and is_given_name(p) for p in parts) and lookup(t) is None:
                m.label = "PERSON"
    return ms


#: Nouns for a government named after its leader: "the Asad regime", "the Marcos dictatorship".
_RULE_NOUNS = re.compile(r"^(?:['’]s)?\s+(?:regime|dictatorship|administration|presidency|junta)\b")


def ruler_names(ms: list, texts: list[str], is_place, known_orgs: frozenset[str]) -> list:
    """One name before "regime", "dictatorship", "administration" is its leader, a person.

    The model reads "the Asad regime" as an organisation. The evidence holds for
    every mention of the name on the page. A place ("the Syrian regime" is a
    group, "the Cuba regime" a place), an acronym or a known organisation
    ("the Taliban regime") keeps its label.
    """
    rulers: set[str] = set()
    for m in ms:
        t = m.text(texts)
        if (m.label in {"ORG", "FAC"} and re.fullmatch(r"[A-Z][a-z][\w'’-]*", t) and t not in known_orgs
                and not is_place(t) and _RULE_NOUNS.match(texts[m.seg][m.end:m.end + 20])):
            rulers.add(t)
    for m in ms:
        if m.label in {"ORG", "FAC"} and m.text(texts) in rulers:
            m.label = "PERSON"
    return ms
