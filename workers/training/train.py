"""Update the NER of ``en_core_web_sm`` on gold pages, with rehearsal, and save it.

Used by ``make train`` (all gold pages, all rehearsal articles -> the shipped
model in ``workers/data/ner``) and by the cross-validation fitter (the K-1
training folds -> a fold model in the cache). Both read the same
``config.cfg``; seeds are fixed there, so a run with the same inputs gives the
same model.
"""

from __future__ import annotations

import hashlib
import random
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..stages.entities.model import NOT_NER
from .data import LabelMap, gold_examples, silver_examples

PACKAGE_DIR = Path(__file__).resolve().parent
CONFIG_PATH = PACKAGE_DIR / "config.cfg"

Progress = Callable[[str], None]


def load_config(path: Path = CONFIG_PATH):
    from spacy.util import load_config as _load

    return _load(path, interpolate=True)


def config_digest(path: Path = CONFIG_PATH) -> str:
    """Digest of what decides a trained model besides its data: the config and the training code."""
    h = hashlib.sha256()
    for f in (path, PACKAGE_DIR / "data.py", PACKAGE_DIR / "train.py"):
        h.update(f.read_bytes())
        h.update(b"\0")
    return h.hexdigest()[:16]


def load_source(cfg) -> Any:
    """The model training starts from (also the "original model" that rehearsal and agreement compare with)."""
    import spacy

    return spacy.load(cfg["source"]["package"], exclude=NOT_NER)


@dataclass
class TrainResult:
    path: Path
    seconds: float
    gold_examples: int
    rehearsal_examples: int
    losses: list[float] = field(default_factory=list)


def train(
    pages: Sequence[tuple[dict[str, Any], str]],
    rehearsal: Sequence[str],
    out: Path,
    *,
    config_path: Path = CONFIG_PATH,
    progress: Progress = print,
    max_epochs: int | None = None,
) -> TrainResult:
    """Train on ``pages`` ((gold dict, page text) pairs) and ``rehearsal`` paragraphs; save the model to ``out``."""
    from spacy.util import fix_random_seed, registry

    t0 = time.perf_counter()
    cfg = load_config(config_path)
    tcfg = cfg["training"]
    seed = int(tcfg["seed"])
    fix_random_seed(seed)
    nlp = load_source(cfg)
    labels = LabelMap.from_config(cfg["corpus"])
    progress(f"labelling {len(pages)} gold pages and {len(rehearsal)} rehearsal paragraphs with the original model")
    gold = gold_examples(nlp, pages, labels)
    silver = silver_examples(nlp, list(rehearsal))
    resolved = registry.resolve({"optimizer": tcfg["optimizer"], "batcher": tcfg["batcher"]})
    optimizer, batcher = resolved["optimizer"], resolved["batcher"]
    nlp.resume_training(sgd=optimizer)
    if tcfg.get("freeze_tok2vec", False):
        optimizer = _Held(optimizer, {node.id for node in nlp.get_pipe("ner").model.get_ref("tok2vec").walk()})
    rng = random.Random(seed)
    epochs = int(tcfg["max_epochs"]) if max_epochs is None else max_epochs
    per_epoch = min(len(silver), round(float(cfg["corpus"]["rehearsal_ratio"]) * len(gold)))
    result = TrainResult(out, 0.0, len(gold), per_epoch)
    for epoch in range(epochs):
        # a fresh draw of rehearsal paragraphs each epoch: all of them are seen over the run, fewer per epoch
        examples = gold + rng.sample(silver, per_epoch)
        rng.shuffle(examples)
        losses: dict[str, float] = {}
        for batch in batcher(examples):
            nlp.update(batch, drop=float(tcfg["dropout"]), sgd=optimizer, losses=losses)
        result.losses.append(round(losses.get("ner", 0.0), 2))
        progress(f"epoch {epoch + 1}/{epochs}: {len(examples)} examples, NER loss {losses.get('ner', 0.0):.1f}, {time.perf_counter() - t0:.0f} s")
    nlp.meta["name"] = cfg["source"]["name"]
    nlp.meta["version"] = cfg["source"]["version"]
    nlp.meta["description"] = f"NER of {cfg['source']['package']} updated on pagemill's gold pages with rehearsal (workers/training)"
    for key in ("performance", "accuracy", "speed", "sources", "requirements"):
        nlp.meta.pop(key, None)
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    with nlp.use_params(optimizer.averages):
        nlp.to_disk(out)
    result.seconds = time.perf_counter() - t0
    progress(f"saved {out} ({_size(out) / 1e6:.1f} MB) in {result.seconds:.0f} s")
    return result


class _Held:
    """The optimizer, except that parameters of ``frozen`` nodes keep their starting values.

    Freezing the NER's token encoder (its embeddings and CNN) lets only the
    layers that turn token vectors into entities learn from the gold pages, so
    the words' representations, learnt from far more text than the gold has,
    are not bent toward it (the model forgets less).
    """

    def __init__(self, optimizer, frozen: set[int]) -> None:
        self._optimizer = optimizer
        self._frozen = frozen

    def __call__(self, key, weights, gradient, *, lr_scale: float = 1.0):
        if key[0] in self._frozen:
            gradient *= 0
            return weights, gradient
        return self._optimizer(key, weights, gradient, lr_scale=lr_scale)

    def __getattr__(self, name: str):
        return getattr(self._optimizer, name)


def _size(folder: Path) -> int:
    return sum(f.stat().st_size for f in Path(folder).rglob("*") if f.is_file())


def agreement(trained, original, texts: Iterable[str]) -> dict[str, Any]:
    """How far ``trained`` still finds what ``original`` found: P/R/F1 of its entities against the original's (span and label)."""
    texts = list(texts)
    a = [[(e.start_char, e.end_char, e.label_) for e in d.ents] for d in trained.pipe(texts, batch_size=64)]
    b = [[(e.start_char, e.end_char, e.label_) for e in d.ents] for d in original.pipe(texts, batch_size=64)]
    return agreement_of(a, b)


def agreement_of(found: Sequence[Iterable[tuple[int, int, str]]], reference: Sequence[Iterable[tuple[int, int, str]]]) -> dict[str, Any]:
    """:func:`agreement` of entities already found: per text, ``found``'s (start, end, label) against ``reference``'s."""
    a = [set(x) for x in found]
    b = [set(x) for x in reference]
    out: dict[str, Any] = {}
    for label in (None, "PERSON", "ORG", "GPE", "DATE"):
        hit = sum(len({x for x in p & q if label in (None, x[2])}) for p, q in zip(a, b))
        n_a = sum(len({x for x in p if label in (None, x[2])}) for p in a)
        n_b = sum(len({x for x in q if label in (None, x[2])}) for q in b)
        p = hit / n_a if n_a else 0.0
        r = hit / n_b if n_b else 0.0
        # neither model found any: nothing to agree or disagree on
        out["f1" if label is None else f"f1_{label}"] = None if not (n_a or n_b) else round(2 * p * r / (p + r), 4) if p + r else 0.0
    out["texts"] = len(a)
    return out


__all__ = ["CONFIG_PATH", "NOT_NER", "TrainResult", "agreement", "agreement_of", "config_digest", "load_config", "load_source", "train"]
