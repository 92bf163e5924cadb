"""Training examples: gold pages and rehearsal texts -> spaCy ``Example`` objects.

A gold page gives one example per non-furniture gold segment, with its own
line breaks, so the model sees headings, all-caps lines and table-like lines as
pages have them. Gold labels become the model's OntoNotes labels
(:class:`LabelMap`). A page's gold is complete only for its
``entity_labels_scored``: tokens where the original model found an entity of a
label the page does not score keep that entity (it is neither confirmed nor
denied by the gold), and only the scored labels' false positives are taught as
"not an entity". Gold spans that do not fall on token boundaries are left
missing rather than guessed.

Rehearsal texts (news articles) are cut into paragraphs and labelled with the
original model's own entities (silver), so the updated model keeps what it knew.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.training import Example

Ent = tuple[int, int, str]


@dataclass(frozen=True)
class LabelMap:
    """Gold label -> model label. ``place`` labels: the original model's choice at the span, else the first."""

    labels: dict[str, str]
    place: tuple[str, ...]

    @classmethod
    def from_config(cls, corpus: dict[str, Any]) -> LabelMap:
        return cls(labels=dict(corpus["label_map"]), place=tuple(corpus["place_labels"]))

    def model_labels(self, gold_label: str) -> set[str]:
        """Every model label a gold label can become."""
        return set(self.place) if gold_label == "PLACE" else ({self.labels[gold_label]} if gold_label in self.labels else set())

    def to_model(self, gold_label: str, start: int, end: int, stock: Sequence[Ent]) -> str | None:
        if gold_label == "PLACE":
            same = [lab for s, e, lab in stock if s == start and e == end and lab in self.place]
            return same[0] if same else self.place[0]
        return self.labels.get(gold_label)


@dataclass(frozen=True)
class Segment:
    """A stretch of text to train on, its gold entities (in its own offsets) and the labels its gold is complete for."""

    text: str
    ents: tuple[Ent, ...]
    scored: frozenset[str]


def page_segments(gold: dict[str, Any], text: str) -> list[Segment]:
    """The non-furniture gold segments of a page with the gold entities inside each."""
    scored = frozenset(gold.get("entity_labels_scored", ()))
    out = []
    for seg in gold["segments"]:
        if seg["role"] == "furniture":
            continue
        s0, s1 = seg["start"], seg["end"]
        ents = tuple(
            (e["start"] - s0, e["end"] - s0, e["label"]) for e in gold.get("entities", ()) if s0 <= e["start"] and e["end"] <= s1
        )
        out.append(Segment(text[s0:s1], ents, scored))
    return out


def _tokens_of(doc: Doc, start: int, end: int) -> Span | None:
    return doc.char_span(start, end, alignment_mode="expand")


def segment_example(nlp: Language, seg: Segment, stock: Sequence[Ent], labels: LabelMap) -> Example:
    """One training example: gold entities, the original model's entities of unscored labels, the rest "outside".

    ``stock`` is the original model's entities on ``seg.text``.
    """
    doc = nlp.make_doc(seg.text)
    taken = [False] * len(doc)
    spans: list[Span] = []
    missing: list[Span] = []

    def free(span: Span) -> bool:
        return not any(taken[span.start : span.end])

    def take(span: Span) -> None:
        for i in range(span.start, span.end):
            taken[i] = True

    for s, e, gold_label in sorted(seg.ents):
        exact = doc.char_span(s, e, alignment_mode="strict")
        label = labels.to_model(gold_label, s, e, stock) if exact is not None else None
        area = exact if exact is not None else _tokens_of(doc, s, e)
        if area is None or len(area) == 0 or not free(area):
            continue
        take(area)
        if label is None:
            missing.append(area)
        else:
            spans.append(Span(doc, area.start, area.end, label=label))
    complete = set().union(*(labels.model_labels(g) for g in seg.scored)) if seg.scored else set()
    for s, e, label in stock:
        # a scored label's gold is complete: the original model's other spans of it are its mistakes
        if label in complete:
            continue
        span = doc.char_span(s, e, alignment_mode="strict")
        if span is None or not free(span):
            continue
        take(span)
        spans.append(Span(doc, span.start, span.end, label=label))
    doc.set_ents(spans, missing=missing, default="outside")
    return Example(nlp.make_doc(seg.text), doc)


def silver_example(nlp: Language, text: str, stock: Sequence[Ent]) -> Example:
    """A rehearsal example: the text with the original model's entities as the whole answer."""
    doc = nlp.make_doc(text)
    spans = [sp for s, e, lab in stock if (sp := doc.char_span(s, e, label=lab, alignment_mode="strict")) is not None]
    doc.set_ents(spans, default="outside")
    return Example(nlp.make_doc(text), doc)


def stock_ents(nlp: Language, texts: Iterable[str]) -> list[list[Ent]]:
    """The (original, not yet updated) model's entities on each text."""
    return [[(e.start_char, e.end_char, e.label_) for e in doc.ents] for doc in nlp.pipe(texts, batch_size=64)]


def gold_examples(nlp: Language, pages: Iterable[tuple[dict[str, Any], str]], labels: LabelMap) -> list[Example]:
    """Examples of the gold pages' segments; a segment repeated with the same answers (a page's variant) counts once."""
    segs: dict[Segment, None] = {}
    for gold, text in pages:
        for seg in page_segments(gold, text):
            if seg.text.strip():
                segs.setdefault(seg)
    seg_list = list(segs)
    return [segment_example(nlp, seg, st, labels) for seg, st in zip(seg_list, stock_ents(nlp, (s.text for s in seg_list)))]


def rehearsal_texts(path: Path) -> dict[str, list[str]]:
    """Article id -> its paragraphs, from a benchmark ``gold.json`` of ``{"id": {"articleBody": ...}}``."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    out = {}
    for key in sorted(data):
        body = data[key].get("articleBody") or ""
        paras = [p.strip() for p in body.split("\n") if p.strip()]
        if paras:
            out[key] = paras
    return out


def silver_examples(nlp: Language, paragraphs: Sequence[str]) -> list[Example]:
    return [silver_example(nlp, t, st) for t, st in zip(paragraphs, stock_ents(nlp, paragraphs))]


__all__ = [
    "Ent", "LabelMap", "Segment", "gold_examples", "page_segments", "rehearsal_texts", "segment_example",
    "silver_example", "silver_examples", "stock_ents",
]
