"""Normalisation: country codes of places, one ref per person and organisation."""

from __future__ import annotations

from ..core import Mention, Page, fold, gazetteer


def normalise(ms: list[Mention], page: Page) -> list[Mention]:
    texts = page.texts
    gaz = gazetteer()
    for m in ms:
        if m.label in {"GPE", "LOC"}:
            m.country = gaz.country_code(m.text(texts))
    return ms


def corefer(ms: list[Mention], page: Page) -> list[Mention]:
    """Give mentions of the same person or organisation one ref (the index of the first mention)."""
    texts = page.texts
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
    # acronyms: "CFA" after "Coastal Fisheries Agency (CFA)"
    for idx, m in enumerate(ms):
        if m.origin == "acronym" and m.label == "ORG" and idx > 0:
            prev = ms[idx - 1]
            if prev.label == "ORG" and prev.seg == m.seg:
                long_ref, short_ref = prev.ref, m.ref
                for o in ms:
                    if o.label == "ORG" and o.ref == short_ref:
                        o.ref = long_ref
    return ms
