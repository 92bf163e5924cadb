"""Known names: a hand-written list and a list learned from gold pages, matched by spaCy's SpanRuler.

Two files of ``workers/data/``, both in spaCy's EntityRuler JSONL format
(``{"label": ..., "pattern": ..., "id": ...}``, phrase patterns):

* ``entity_patterns.jsonl``, written by hand: names every reader knows
  (bodies, products). No entry of it occurs in a page of the gold corpus
  (``tests/unit/test_no_corpus_examples.py`` checks this where the corpus is);
* ``learned_names.jsonl``, written by ``pagemill learn-names`` (``make train``)
  from every gold page by :func:`learn`: the names the gold labels an
  organisation in at least :data:`MIN_DOCUMENTS` documents and at
  :data:`MIN_SHARE` of the places they stand. It holds names of the gold
  pages because it is learned from them; under cross-validation
  (``pagemill eval --folds K``) it is learned again on each fold's training
  pages only (:class:`workers.crossval.KnownNamesFitter`).

:class:`KnownNames` is one list of both; :func:`shipped` the one the service
uses, built once per process, and its matcher (a blank English tokenizer and a
SpanRuler) is built once per list.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property, lru_cache
from importlib import resources
from typing import Any

from ..tokenizer_guard import MAX_RUN_CHARS, readable
from .data import patterns

HAND_FILE = "entity_patterns.jsonl"
LEARNED_FILE = "learned_names.jsonl"
#: Gold labels a learned name may have, and the label a known name takes in the pipeline.
LEARNED_LABELS = {"ORG": "ORG"}
#: A name is learned once the gold labels it so in this many documents (a page and its variants are one):
#: a name labelled in one document only is as likely that document's own as a known name.
MIN_DOCUMENTS = 2
#: ... and where it stands as a whole word on the pages that score its label, at least this share of those
#: places is inside a gold mention of that label ("Congress" as a body, not as a meeting's name).
MIN_SHARE = 0.6

#: The lists the service uses (``hand``, ``learned`` or both, joined by "+"); ``pagemill eval`` follows it.
SHIPPED = "hand+learned"

#: A pattern the pipeline knows: (label, phrase).
Pattern = tuple[str, str]


def _searchable(label: str, phrase: str) -> bool:
    # Short all-caps names ("WHO", "AP", "IRA") are words in capitalised headings and plain
    # abbreviations too often; they relabel a mention the model found, but are never searched for.
    return label == "ORG" and not (phrase.isupper() and phrase.isalpha() and len(phrase) <= 3)


def _no_apostrophes(name: str) -> str:
    return name.replace("'", "").replace("’", "")


#: Where a match of the ruler is no name: glued to an address, a hashtag, a hyphenated word or a dotted
#: name before it, or a hyphen or an apostrophe that is no possessive after it ("Acme-funded", "Acme'd").
_BAD_BEFORE = frozenset("@#.-")
_BAD_AFTER = re.compile(r"[\w-]|['’][a-rt-z]")
_WORD_CHAR = re.compile(r"\w")


@dataclass(frozen=True)
class KnownNames:
    """A list of known names: what the ``known_names`` entity step and its neighbours read."""

    patterns: tuple[Pattern, ...] = ()

    @classmethod
    def of(cls, *lists: Iterable[dict[str, Any]]) -> KnownNames:
        """From EntityRuler pattern dicts (phrase patterns; token patterns are not used here)."""
        seen: dict[Pattern, None] = {}
        for lst in lists:
            for p in lst:
                if isinstance(p.get("pattern"), str):
                    seen[(p["label"], p["pattern"])] = None
        return cls(tuple(sorted(seen)))

    def label(self, name: str) -> frozenset[str]:
        return frozenset(p for lab, p in self.patterns if lab == name)

    @cached_property
    def orgs(self) -> frozenset[str]:
        return self.label("ORG")

    @cached_property
    def products(self) -> frozenset[str]:
        return self.label("PRODUCT")

    @cached_property
    def orgs_without_apostrophes(self) -> frozenset[str]:
        """The organisations with their apostrophes left out, so "Da’esh" and "D'aesh" find one name."""
        return frozenset(_no_apostrophes(n) for n in self.orgs)

    def find(self, texts: list[str]) -> list[list[tuple[int, int, str]]]:
        """Per text, the known names that stand in it as whole words: (start, end, label), longest first, no overlaps."""
        searchable = tuple(p for p in self.patterns if _searchable(*p))
        nlp = _matcher(searchable)
        out: list[list[tuple[int, int, str]]] = [[] for _ in texts]
        if nlp is None:
            return out
        openers, most_chunks, lead = _openers(searchable)
        # Only the stretches of text where a name could start are tokenised: on ordinary pages the ruler's own
        # pass over every text was a tenth of annotate's time.
        views = [readable(t) for t in texts]
        windows = [(i, a, b) for i, v in enumerate(views) for a, b in _windows(v, openers, most_chunks, lead)]
        docs = nlp.pipe(views[i][a:b] for i, a, b in windows)
        for (i, a, _), doc in zip(windows, docs, strict=True):
            text = texts[i]
            for span in doc.spans[_KEY]:
                s, e = a + span.start_char, a + span.end_char
                if (s > 0 and (text[s - 1] in _BAD_BEFORE or _WORD_CHAR.match(text[s - 1]))) or _BAD_AFTER.match(text, e):
                    continue
                out[i].append((s, e, span.label_))
        return out


_WORD = re.compile(r"\w+")
_WHITESPACE = re.compile(r"\s")


@lru_cache(maxsize=8)
def _openers(searchable: tuple[Pattern, ...]) -> tuple[frozenset[str], int, int]:
    """Each phrase's first word, the most whitespace-separated chunks in a phrase, and the most chunks before
    the chunk of a phrase's first word ("& Co Bank" has one: its first word is in its second chunk)."""
    firsts: set[str] = set()
    lead = 0
    for _, p in searchable:
        chunks = p.split()
        k = next(k for k, c in enumerate(chunks) if _WORD.search(c))  # a phrase with no word is never searchable
        firsts.add(_WORD.search(chunks[k]).group())
        lead = max(lead, k)
    return frozenset(firsts), max(len(p.split()) for _, p in searchable), lead


def _windows(view: str, openers: frozenset[str], most_chunks: int, lead: int = 0) -> list[tuple[int, int]]:
    """(start, end) of the stretches of ``view`` (a text as :func:`readable` gives it) that hold every place a
    phrase can match, in order, apart.

    spaCy's tokenizer splits at whitespace first and then within each chunk, so a stretch that starts and
    ends at whitespace is tokenised as it is within the whole text. A phrase lies in the chunk of its first
    word, up to ``lead`` chunks before it and ``most_chunks`` from it, each after a single space (any other
    whitespace is a token of its own, which no phrase holds). No chunk of a readable text is over
    :data:`MAX_RUN_CHARS`, so every search here is bounded and the cost stays in proportion to the text.
    """
    out: list[tuple[int, int]] = []
    n = len(view)
    limit = MAX_RUN_CHARS + 1

    def chunk_start(pos: int) -> int:
        back = [w.end() for w in _WHITESPACE.finditer(view, max(0, pos - limit), pos)]
        return back[-1] if back else max(0, pos - limit)

    for m in _WORD.finditer(view):
        if m.group() not in openers:
            continue
        start = chunk_start(m.start())
        for _ in range(lead):
            if start < 2 or view[start - 1] != " ":
                break
            start = chunk_start(start - 1)
        end = start
        for k in range(most_chunks):
            if k:
                if end >= n or view[end] != " ":
                    break
                end += 1
            nxt = _WHITESPACE.search(view, end, end + limit)
            end = nxt.start() if nxt else min(n, end + limit)
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


_KEY = "known_names"


@lru_cache(maxsize=8)
def _matcher(searchable: tuple[Pattern, ...]):
    """A blank English pipeline with a SpanRuler of these phrase patterns (None when there are none)."""
    if not searchable:
        return None
    import spacy

    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("span_ruler", config={
        "spans_key": _KEY,
        # longest match first and no two overlapping, as a name list is read: "Acme Bank" over "Acme"
        "spans_filter": {"@misc": "spacy.first_longest_spans_filter.v1"},
    })
    ruler.add_patterns([{"label": lab, "pattern": p} for lab, p in searchable])
    return nlp


def _read(name: str) -> tuple[dict[str, Any], ...]:
    if not resources.files("workers").joinpath("data", name).is_file():
        return ()
    return patterns(name)


def hand() -> tuple[dict[str, Any], ...]:
    """The hand-written list (``entity_patterns.jsonl``)."""
    return _read(HAND_FILE)


def learned() -> tuple[dict[str, Any], ...]:
    """The list learned from every gold page by ``pagemill learn-names`` (``learned_names.jsonl``)."""
    return _read(LEARNED_FILE)


@lru_cache(maxsize=1)
def shipped() -> KnownNames:
    """The list the service uses (:data:`SHIPPED`): the hand-written names, the learned ones or both."""
    return KnownNames.of(hand() if "hand" in SHIPPED else (), learned() if "learned" in SHIPPED else ())


def warm() -> None:
    k = shipped()
    k.orgs_without_apostrophes
    k.find(["warm"])


# --------------------------------------------------------------------------- learning from gold


def _document(gold: dict[str, Any]) -> str:
    # a page and its variants (the same text with other chrome) are one document: one vote, not two
    return f"{gold.get('source', '')}/{gold.get('variant_of') or gold['page']}"


def learn(pages: Iterable[tuple[dict[str, Any], str]], *, min_documents: int = MIN_DOCUMENTS,
          min_share: float = MIN_SHARE) -> list[dict[str, Any]]:
    """Names the gold labels with a :data:`LEARNED_LABELS` label, as EntityRuler patterns, sorted.

    ``pages``: (gold, page text) pairs, the gold as in the corpus's ``gold/*.json``
    (``entities`` with ``label``, ``start``, ``end``; ``entity_labels_scored``).
    """
    pages = list(pages)
    docs: dict[tuple[str, str], set[str]] = defaultdict(set)
    spans: list[tuple[str, dict[str, list[tuple[int, int]]], frozenset[str]]] = []
    for gold, text in pages:
        scored = frozenset(gold.get("entity_labels_scored") or LEARNED_LABELS)
        by_label: dict[str, list[tuple[int, int]]] = defaultdict(list)
        for ent in gold.get("entities", []):
            lab = ent["label"]
            if lab not in LEARNED_LABELS or lab not in scored:
                continue
            name = text[ent["start"]:ent["end"]]
            by_label[lab].append((ent["start"], ent["end"]))
            if "\n" not in name and len(name) >= 2 and any(c.isupper() for c in name):
                docs[(lab, name)].add(_document(gold))
        spans.append((text, by_label, scored))
    out = []
    for (lab, name), ds in sorted(docs.items()):
        if len(ds) < min_documents:
            continue
        inside = total = 0
        rx = re.compile(r"(?<![\w@#.-])" + re.escape(name) + r"(?![\w-])")
        for text, by_label, scored in spans:
            if lab not in scored:
                continue
            for m in rx.finditer(text):
                total += 1
                inside += any(s <= m.start() and m.end() <= e for s, e in by_label.get(lab, ()))
        if total and inside / total >= min_share:
            out.append({"label": LEARNED_LABELS[lab], "pattern": name, "id": f"learned_{lab.lower()}"})
    return out


def dump(pats: Iterable[dict[str, Any]]) -> str:
    """EntityRuler JSONL, one pattern a line."""
    return "".join(json.dumps(p, ensure_ascii=False) + "\n" for p in pats)
