"""Places the model did not mark: countries, states, regions and big cities from the gazetteer."""

from __future__ import annotations

import re

from ....knowledge.gazetteer import CITY_POPULATION
from ..core import Mention, PLACE_VERB_BEFORE, Page, SpanIndex, dateline_place, gazetteer, sentence_initial, strip_punct

_CAPSEQ = re.compile(r"(?<![\w’'-])(?:[A-Z][\w’'.-]*)(?:\s+(?:[A-Z][\w’'.-]*))*")


def add_places(ms: list[Mention], page: Page) -> list[Mention]:
    """Countries, states, continents and big cities the model did not mark."""
    texts = page.texts
    gaz = gazetteer()
    lower_words = page.lower_words
    taken = SpanIndex(ms)
    out = list(ms)
    for i, text in enumerate(texts):
        for cm in _CAPSEQ.finditer(text):
            s, e = strip_punct(text, *cm.span())
            if e <= s or taken.overlaps(i, s, e):
                continue
            t = text[s:e]
            dp = dateline_place(text, s, e)  # "OSLO, May 3 -": a place whatever its size or case
            p = dp or gaz.lookup(t)
            if p is None:
                continue
            if dp is None:
                if p.kind == "city" and p.population < CITY_POPULATION and not PLACE_VERB_BEFORE.search(text, max(0, s - 15), s):
                    continue  # a smaller town only after "in", "near", "across"...
                if " " not in t and (t.lower() in lower_words or (sentence_initial(text, s) and p.kind == "city")):
                    continue
                if t.isupper() and len(t) <= 3 and p.kind != "country":
                    continue
            out.append(Mention(i, s, e, "GPE" if p.kind != "continent" else "LOC", "gazetteer"))
            taken.add(i, s, e)
    return out
