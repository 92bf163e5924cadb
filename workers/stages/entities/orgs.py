"""Organisation rules: known names, terms defined by an acronym, joined and run-on spans.

Each function takes and returns the page's mentions (see :mod:`.rules`):

* :func:`known_names`: a name every reader knows as an organisation
  ("Twitter", "Daesh") is one wherever it stands on the page; a well-known
  product ("Firefox") is no person or organisation;
* :func:`term_acronyms`: an acronym defined by lower-case words, "ground
  reaction force (GRF)", is a technical term, not a name;
* :func:`split_orgs`: two names joined in one span are two organisations
  ("Newsmax / Zogby", "G8 and G20"), and an organisation followed by a
  person's name is cut before it ("... Islamic Relations Alia Salem").
"""

from __future__ import annotations

import re
from functools import lru_cache

from .lexicon import KNOWN_ORGS, KNOWN_PRODUCTS

#: Labels a known organisation or product name may carry from the model and be relabelled from.
_RELABEL = {"PERSON", "NORP", "ORG", "GPE", "LOC", "FAC"}


@lru_cache(maxsize=1)
def _known_pattern() -> re.Pattern[str]:
    # Short all-caps names ("WHO", "AP", "IRA") are words in capitalised headings and
    # plain abbreviations too often; they are relabelled where the model found them,
    # never searched for.
    names = [n for n in KNOWN_ORGS if not (n.isupper() and n.isalpha() and len(n) <= 3)]
    alts = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    return re.compile(r"(?<![\w@#.-])(?:" + alts + r")(?![\w-]|['’][a-rt-z])")


def known_names(ms: list, texts: list[str]) -> list:
    from .rules import Mention, SpanIndex

    out = []
    for m in ms:
        t = m.text(texts)
        if m.label in _RELABEL and t in KNOWN_PRODUCTS:
            continue
        if m.label in _RELABEL and t in KNOWN_ORGS:
            m.label = "ORG"
        out.append(m)
    taken = SpanIndex(out)
    pat = _known_pattern()
    for i, text in enumerate(texts):
        for km in pat.finditer(text):
            s, e = km.span()
            if taken.overlaps(i, s, e):
                continue
            out.append(Mention(i, s, e, "ORG", "lexicon"))
            taken.add(i, s, e)
    return out


_TERM_DEF = re.compile(r"((?:[a-z][a-z-]*\s+){1,7})\(\s*([A-Z]{2,6})s?\s*\)")


def _initials_match(words: list[str], acr: str) -> bool:
    """Do the last words' initials (hyphenated parts count) spell the acronym?"""
    letters: list[str] = []
    for w in words:
        letters.extend(p[0] for p in w.split("-") if p)
    want = acr.lower()
    return "".join(letters[-len(want):]) == want if len(letters) >= len(want) else False


def term_acronyms(ms: list, texts: list[str]) -> list:
    terms: set[str] = set()
    for text in texts:
        if "(" not in text:
            continue
        for dm in _TERM_DEF.finditer(text):
            words = dm.group(1).split()
            if _initials_match(words, dm.group(2)):
                terms.add(dm.group(2))
    if not terms:
        return ms
    out = []
    for m in ms:
        t = m.text(texts)
        if m.label in _RELABEL and (t in terms or (t.endswith("s") and t[:-1] in terms)):
            continue
        out.append(m)
    return out


_SLASH = re.compile(r"\s*/\s*")
_CODE = re.compile(r"^(?:[A-Z][A-Z0-9&.-]*\d[A-Z0-9-]*|[A-Z]{2,6})$")  # "G8", "G-20", "NATO"


def split_orgs(ms: list, texts: list[str], looks_like_person) -> list:
    """Joined organisations split; a person's name run on after an organisation cut off.

    ``looks_like_person(text)`` says whether two or three words are a person's name.
    """
    from .rules import Mention, trim_name

    out = []
    for m in ms:
        if m.label != "ORG":
            out.append(m)
            continue
        text = texts[m.seg]
        t = m.text(texts)
        pieces: list[tuple[int, int]] | None = None
        if "/" in t:
            parts = [(p.start(), p.end()) for p in re.finditer(r"[^/]+", t)]
            if len(parts) >= 2 and all(t[a:b].strip()[:1].isupper() for a, b in parts):
                pieces = parts
        else:
            am = re.fullmatch(r"(\S+)( and | & )(\S+)", t)
            if am and _CODE.match(am.group(1)) and _CODE.match(am.group(3)):
                pieces = [am.span(1), am.span(3)]
        if pieces:
            for a, b in pieces:
                s, e = trim_name(text, m.start + a, m.start + b, "ORG")
                if e > s:
                    out.append(Mention(m.seg, s, e, "ORG", m.origin))
            continue
        toks = t.split()
        if len(toks) >= 4:
            for k in (2, 3):
                tail = " ".join(toks[-k:])
                head = toks[:-k]
                if len(head) >= 2 and looks_like_person(tail) and not looks_like_person(" ".join(head[-2:])):
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
