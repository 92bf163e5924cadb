"""Cross-validated scoring and ablation: what ``pagemill eval --folds K`` prints.

Folds are made by *document*: a page and its variants (a gold file's
``variant_of``, e.g. the same text with site chrome added) share one document
id and so always land in the same fold, or a variant would leak its twin's
answers into training. The ids are shuffled with a seeded random generator and
dealt round-robin, so folds are disjoint, cover every document, and are the
same on every run with the same seed; nothing looks inside the names.

**Folds by source** (``pagemill eval --folds-by source``): one fold per
source the gold declares (its ``source`` field: the corpus's subfolders), so
each source is scored by components fitted on the *other* sources only. This
asks more than folds by document: a rule or model tuned while reading one
source's pages meets another source's style, as it would on a user's pages.
The folds are as many as the sources and as uneven as they are.

**Fitting hook.** A component that learns from gold is a :class:`Fitter`.
For each fold, :func:`cross_validate` calls ``fit`` on the gold pages of the
K-1 other folds only and hands the results (name -> fitted value) to the
``predict`` function, which makes the held-out pages' records with them. With
no fitter, the records do not depend on the fold, so they are made once and
reused for every fold.

**The NER** is the one fitted component (:class:`NerFitter`, with
``pagemill eval --folds K --ner trained``, or by default once the trained model
is the one in use): per fold it updates ``en_core_web_sm``'s NER on the
training folds' gold pages with rehearsal on news articles
(``workers/training``, same ``config.cfg`` as ``make train``), and the held-out
pages are annotated with that fold model. A model trained on every gold page
cannot be scored on them, so fold models are always trained. Training a
fold takes minutes, so fold models are cached in ``<state_dir>/cache/ner/<key>``
where the key digests the training config and code, the rehearsal file and the
fold's training page names: a second run with the same folds reuses them,
anything changed retrains. Each fold also reports forgetting: the agreement
(F1, span and label) of its model with the original model on news paragraphs
held out of that fold's rehearsal (a seeded fifth of the articles).

**Ablation.** ``--without NAME`` leaves out a named step of the entity
refinement (:data:`workers.stages.entities.rules.STEPS`). The ablation runs
the page through the stages once, keeps the spaCy model's output, and reruns
only the refinement steps once per step left out, so it costs the model once
per page. A step's gain is, per fold, the score with everything minus the
score without it; the table gives its mean and spread over the folds.
"""

from __future__ import annotations

import hashlib
import json
import random
import statistics
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Protocol

from .evaluation import GoldPage, evaluate_pages

#: Labels whose F1 is always reported (those of the reference scorer), present or not.
MAIN_LABELS = ("PERSON", "ORG", "PLACE", "DATE")


# ---------------------------------------------------------------- folds


def document_id(page: GoldPage) -> str:
    """The document a gold page belongs to: its own page, or the page it is a variant of (as the gold declares)."""
    return f"{page.gold.get('source', '')}/{page.gold.get('variant_of') or page.gold['page']}"


def make_folds(doc_ids: Iterable[str], k: int, seed: int = 0) -> list[list[str]]:
    """``k`` disjoint lists of document ids covering all of them, fixed by ``seed``."""
    ids = sorted(set(doc_ids))
    if k < 2:
        raise ValueError("cross-validation needs at least 2 folds")
    if k > len(ids):
        raise ValueError(f"{k} folds asked for, but there are only {len(ids)} documents")
    # sorted first so the shuffle depends on the set of ids and the seed, not on the order they were read in
    random.Random(seed).shuffle(ids)
    return [sorted(ids[i::k]) for i in range(k)]


def page_folds(gold: dict[str, GoldPage], k: int, seed: int = 0) -> list[list[str]]:
    """The folds as lists of page names (all pages of a document in the same fold)."""
    doc_of = {name: document_id(p) for name, p in gold.items()}
    folds = make_folds(doc_of.values(), k, seed)
    fold_of = {d: i for i, f in enumerate(folds) for d in f}
    out: list[list[str]] = [[] for _ in folds]
    for name in sorted(gold):
        out[fold_of[doc_of[name]]].append(name)
    return out


#: How ``pagemill eval`` can deal pages into folds: by document (K folds, shuffled) or one fold per source.
FOLD_BY = ("document", "source")


def source_of(page: GoldPage) -> str:
    """The source a gold page declares (its ``source`` field; "" when it names none)."""
    return str(page.gold.get("source") or "")


def source_folds(gold: dict[str, GoldPage]) -> tuple[list[str], list[list[str]]]:
    """One fold per source, sources in name order: (source names, each fold's page names).

    A document's variants declare its source too, so they never cross folds.
    """
    by_source: dict[str, list[str]] = {}
    for name in sorted(gold):
        by_source.setdefault(source_of(gold[name]), []).append(name)
    if len(by_source) < 2:
        raise ValueError(f"folds by source need at least 2 sources, but the gold pages declare {len(by_source)}")
    names = sorted(by_source)
    return names, [by_source[n] for n in names]


# ---------------------------------------------------------------- measures and spread


def measures(summary: dict[str, Any]) -> dict[str, float | None]:
    """The figures of one :func:`evaluate_pages` summary as flat numbers (None: nothing to measure)."""
    rep_total = summary.get("repairs_total", 0)
    per = summary["entity_per_label"]
    # a fold whose pages hold no scored entity, found or in gold, has no entity figures (not an F1 of 0)
    scored = bool(per)
    out: dict[str, float | None] = {
        "role_accuracy": summary["segment_role_accuracy"],
        "furniture_p": summary["furniture_precision"],
        "furniture_r": summary["furniture_recall"],
        "repairs": summary["repairs_ok"] / rep_total if rep_total else None,
        "entity_p": summary["entity_p"] if scored else None,
        "entity_r": summary["entity_r"] if scored else None,
        "entity_f1": summary["entity_f1"] if scored else None,
    }
    for lab in sorted(set(MAIN_LABELS) | set(per)):
        # a label with no gold and no prediction in a fold says nothing about that fold
        out[f"f1_{lab}"] = per[lab]["f1"] if lab in per else None
    return out


@dataclass(frozen=True)
class Spread:
    """One measure over the folds: mean, sample standard deviation, lowest, highest, folds counted."""

    mean: float
    std: float
    min: float
    max: float
    n: int

    def as_dict(self) -> dict[str, float | int]:
        return {"mean": round(self.mean, 6), "std": round(self.std, 6), "min": round(self.min, 6), "max": round(self.max, 6), "folds": self.n}


def spread(values: Sequence[float | None]) -> Spread | None:
    """Mean and spread of the values that are not None; None when there are none."""
    xs = [float(v) for v in values if v is not None]
    if not xs:
        return None
    std = statistics.stdev(xs) if len(xs) > 1 else 0.0
    return Spread(statistics.fmean(xs), std, min(xs), max(xs), len(xs))


def aggregate(per_fold: Sequence[dict[str, float | None]]) -> dict[str, Spread]:
    """Each measure's spread over the folds (measures missing from every fold are left out)."""
    keys: list[str] = []
    for m in per_fold:
        keys += [k for k in m if k not in keys]
    out: dict[str, Spread] = {}
    for k in keys:
        s = spread([m.get(k) for m in per_fold])
        if s is not None:
            out[k] = s
    return out


def gains(full: Sequence[dict[str, float | None]], without: Sequence[dict[str, float | None]]) -> list[dict[str, float | None]]:
    """Per fold, score with everything minus score without a component (None where either is None)."""
    out = []
    for f, w in zip(full, without, strict=True):
        out.append({k: (f[k] - w[k]) if f.get(k) is not None and w.get(k) is not None else None for k in f})
    return out


# ---------------------------------------------------------------- fitting hook


class Fitter(Protocol):
    """A component that learns from gold pages. ``fit`` sees only the training folds' pages.

    A fitted value with a ``report`` attribute (a dict) has it shown per fold in the figures.
    """

    name: str

    def fit(self, train: list[GoldPage]) -> Any: ...


@dataclass(frozen=True)
class FoldModel:
    """A NER model trained on one fold's training pages, and what its training reported."""

    path: Path
    report: dict[str, Any]


class NerFitter:
    """Trains the NER on the training folds' pages (see the module notes); cached by config, data and pages."""

    name = "ner"
    #: Share of the rehearsal articles each fold keeps out of training, to measure forgetting on.
    HELD_OUT_SHARE = 0.2

    def __init__(self, cache_dir: Path, rehearsal: Path, *, config_path: Path | None = None,
                 progress: Callable[[str], None] | None = None, extra: Sequence[GoldPage] = ()) -> None:
        self.cache_dir = Path(cache_dir)
        self.rehearsal = Path(rehearsal)
        self.config_path = config_path
        self.progress = progress or (lambda _msg: None)
        # pages every fold model also learns from and no fold scores (``--train-also``): other sites' pages
        self.extra = list(extra)

    def key(self, train: list[GoldPage]) -> str:
        from .training.train import CONFIG_PATH, config_digest

        h = hashlib.sha256(config_digest(self.config_path or CONFIG_PATH).encode())
        h.update(hashlib.sha256(self.rehearsal.read_bytes()).digest())
        h.update("\n".join(sorted(p.name for p in train)).encode())
        if self.extra:
            # a separate part, so a fold's key without extra pages stays what it was (cached models are reused)
            h.update(b"\0extra\0" + "\n".join(sorted(p.name for p in self.extra)).encode())
        return h.hexdigest()[:16]

    def held_out_articles(self, train: list[GoldPage], ids: Sequence[str]) -> set[str]:
        """The articles left out of this fold's rehearsal: fixed by the fold's training pages, not by the config."""
        seed = int(hashlib.sha256("\n".join(sorted(p.name for p in train)).encode()).hexdigest()[:8], 16)
        ids = sorted(ids)
        return set(random.Random(seed).sample(ids, max(1, round(len(ids) * self.HELD_OUT_SHARE))))

    def fit(self, train: list[GoldPage]) -> FoldModel:
        import shutil
        import tempfile

        from .training.data import rehearsal_texts
        from .training.train import CONFIG_PATH, agreement, load_config, load_source
        from .training.train import train as train_ner

        folder = self.cache_dir / "ner" / self.key(train)
        model, report_file = folder / "model", folder / "report.json"
        if (model / "meta.json").is_file() and report_file.is_file():
            self.progress(f"fold model {folder.name}: cached")
            return FoldModel(model, json.loads(report_file.read_text(encoding="utf-8")))
        articles = rehearsal_texts(self.rehearsal)
        held = self.held_out_articles(train, list(articles))
        paragraphs = [p for a, paras in articles.items() if a not in held for p in paras]
        also = f" and {len(self.extra)} other pages" if self.extra else ""
        self.progress(f"fold model {folder.name}: training on {len(train)} pages{also}, {len(articles) - len(held)} rehearsal articles")
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory(dir=folder, prefix=".build-") as tmp:
            res = train_ner([(p.gold, p.text) for p in [*train, *self.extra]], paragraphs, Path(tmp) / "model",
                            config_path=self.config_path or CONFIG_PATH, progress=self.progress)
            import spacy

            original = load_source(load_config(self.config_path or CONFIG_PATH))
            agree = agreement(spacy.load(Path(tmp) / "model"), original, [p for a in sorted(held) for p in articles[a]])
            if model.exists():
                shutil.rmtree(model)
            shutil.move(str(Path(tmp) / "model"), str(model))
        report = {"train_pages": len(train), "extra_pages": len(self.extra), "train_seconds": round(res.seconds, 1), "held_out_articles": len(held),
                  "agreement_with_original": agree}
        report_file.write_text(json.dumps(report, indent=1), encoding="utf-8")
        return FoldModel(model, report)


@dataclass(frozen=True)
class FittedNames:
    """The known names one fold uses: the hand-written list (or none) and the names learned on its training pages."""

    known: Any  # workers.knowledge.names.KnownNames
    report: dict[str, Any]


class KnownNamesFitter:
    """Learns the known names from the training folds' gold (:func:`workers.knowledge.names.learn`).

    What ``make train`` writes to ``learned_names.jsonl`` from every gold page
    is learned here again per fold, so a held-out page never profits from its
    own labels. ``hand``: add the hand-written list (``entity_patterns.jsonl``).
    """

    name = "known_names"

    def __init__(self, *, hand: bool = True) -> None:
        self.hand = hand

    def fit(self, train: list[GoldPage]) -> FittedNames:
        from .knowledge import names

        pats = names.learn((p.gold, p.text) for p in train)
        return FittedNames(names.KnownNames.of(names.hand() if self.hand else (), pats),
                           {"learned": len(pats), "hand": self.hand})


#: Components fitted from gold by default (``pagemill eval`` builds a :class:`NerFitter` itself, as it needs paths).
FITTERS: tuple[Fitter, ...] = ()

#: ``predict(page names, without, fitted) -> {page name: record dict}``.
Predict = Callable[[list[str], frozenset[str], dict[str, Any]], dict[str, dict]]


@dataclass
class CVResult:
    folds: list[list[str]]
    per_fold: list[dict[str, float | None]]
    summary: dict[str, Spread]
    ablation: dict[str, dict[str, Spread]]
    #: Names of the fitted components, and per component the ``report`` of each fold's fitted value.
    fitted: tuple[str, ...] = ()
    reports: dict[str, list[dict[str, Any] | None]] = field(default_factory=dict)
    #: How the folds were made (:data:`FOLD_BY`), and each fold's name (its source, or its number).
    by: str = "document"
    fold_names: list[str] = field(default_factory=list)


def cross_validate(
    gold: dict[str, GoldPage],
    predict: Predict,
    *,
    k: int,
    seed: int = 0,
    without: frozenset[str] = frozenset(),
    ablate: Sequence[str] = (),
    fitters: Sequence[Fitter] = FITTERS,
    by: str = "document",
) -> CVResult:
    """Score each fold's pages with components fitted on the other folds; ablate the named steps.

    ``by="source"``: one fold per source (:func:`source_folds`); ``k`` and ``seed`` are then not used.
    """
    if by == "document":
        folds = page_folds(gold, k, seed)
        fold_names = [str(i + 1) for i in range(len(folds))]
    elif by == "source":
        fold_names, folds = source_folds(gold)
    else:
        raise ValueError(f"folds by {by!r}: choose one of {', '.join(FOLD_BY)}")
    configs = [without] + [without | {name} for name in ablate if name not in without]
    cache: dict[frozenset[str], dict[str, dict]] = {}
    scores: dict[frozenset[str], list[dict[str, float | None]]] = {c: [] for c in configs}
    reports: dict[str, list[dict[str, Any] | None]] = {f.name: [] for f in fitters}
    for i, test in enumerate(folds):
        train = [gold[n] for j, f in enumerate(folds) if j != i for n in f]
        fitted = {f.name: f.fit(train) for f in fitters}
        for name, value in fitted.items():
            reports[name].append(getattr(value, "report", None))
        for c in configs:
            if fitted:
                records = predict(test, c, fitted)
            else:
                # nothing fitted: a page's record is the same in every fold, so make all of them once
                if c not in cache:
                    cache[c] = predict(sorted(gold), c, {})
                records = cache[c]
            fold_gold = {n: gold[n] for n in test}
            scores[c].append(measures(evaluate_pages(fold_gold, {n: records[n] for n in test if n in records})))
    base = scores[without]
    ablation = {c_name: aggregate(gains(base, scores[without | {c_name}])) for c_name in ablate if c_name not in without}
    return CVResult(folds=folds, per_fold=base, summary=aggregate(base), ablation=ablation,
                    fitted=tuple(f.name for f in fitters), reports=reports, by=by, fold_names=fold_names)


# ---------------------------------------------------------------- making the records


def _records_of_page(args: tuple[str, int | None, tuple[frozenset[str], ...], str | None, Any]) -> tuple[str, dict[frozenset[str], dict] | None]:
    """One page through the stages once, then annotate's refinement once per configuration.

    The first configuration's record is whole; the others carry only their
    entities, as nothing before annotate depends on the configuration.
    """
    from .stages import PageRejected, build_record, decode_page, run_stage
    from .stages.annotate import annotate, entity_texts
    from .stages.entities import ents
    from .stages.pipeline import STAGES

    path_s, max_bytes, configs, model, known = args
    path = Path(path_s)
    try:
        page = decode_page(path.read_bytes(), path.name, received_at=datetime.now(timezone.utc), max_bytes=max_bytes)
        for name in STAGES:
            if name != "annotate":
                page = run_stage(name, page)
        model_out = list(ents(entity_texts(page), model=model))
        out: dict[frozenset[str], dict] = {}
        for i, c in enumerate(configs):
            rec = build_record(annotate(page, c, model_out, known)).model_dump(mode="json")
            out[c] = rec if i == 0 else {"entities": rec["entities"]}
        return path_s, out
    except (PageRejected, OSError):
        return path_s, None
    except Exception:  # noqa: BLE001 - as in `pagemill eval`, a failed page is scored as a page without a record
        return path_s, None


def make_records(
    paths: dict[str, Path], configs: Sequence[frozenset[str]], *, jobs: int = 1, max_bytes: int | None = None,
    progress: Callable[[int, int], None] | None = None, model: str | tuple[str, str] | None = None, known=None,
) -> dict[frozenset[str], dict[str, dict]]:
    """Records of the named pages under each configuration (set of steps left out).

    ``model``: the NER model to use (a folder or package name; None: the shipped one), or a pair of them
    (:func:`workers.stages.entities.model.ents`); ``known``: the known names
    (:class:`workers.knowledge.names.KnownNames`; None: the shipped list).
    """
    configs = tuple(dict.fromkeys(configs))
    work = [(str(p), max_bytes, configs, model, known) for p in paths.values()]
    name_of = {str(p): n for n, p in paths.items()}
    out: dict[frozenset[str], dict[str, dict]] = {c: {} for c in configs}

    def take(results) -> None:
        for done, (path_s, recs) in enumerate(results, 1):
            if recs is not None:
                base = recs[configs[0]]
                for c in configs:
                    out[c][name_of[path_s]] = base if c == configs[0] else {**base, **recs[c]}
            if progress:
                progress(done, len(work))

    if jobs > 1 and len(work) > 1:
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            take(pool.map(_records_of_page, work, chunksize=2))
    else:
        take(map(_records_of_page, work))
    return out


def batch_predict(paths: dict[str, Path], configs: Sequence[frozenset[str]], *, jobs: int = 1, max_bytes: int | None = None,
                  progress=None, model: str | None = None, known=None) -> Predict:
    """A ``predict`` for :func:`cross_validate` that makes every configuration's records in one pass over the pages.

    With a fitted NER (``fitted["ner"]``, a :class:`FoldModel`), the pages asked
    for are annotated with that fold's model; without, every page is made once
    with ``model`` (None: the model in use) and reused.

    With fitted known names (``fitted["known_names"]``, :class:`FittedNames`),
    the pages asked for use that fold's list; without, ``known`` (a
    :class:`workers.knowledge.names.KnownNames`; None: the shipped list).
    """
    made: dict[tuple, dict[frozenset[str], dict[str, dict]]] = {}

    def predict(names: list[str], without: frozenset[str], fitted: dict[str, Any]) -> dict[str, dict]:
        unknown = set(fitted) - {"ner", "known_names"}
        if unknown:
            raise NotImplementedError(f"records made with fitted {sorted(unknown)}: pass them to the stages here")
        fold = fitted.get("ner")
        fold_names = fitted.get("known_names")
        use_known = fold_names.known if fold_names is not None else known
        ner = str(fold.path) if fold is not None else model
        per_fold = fold is not None or fold_names is not None
        key = (ner, use_known, tuple(names) if per_fold else ())
        if key not in made:
            chosen = {n: paths[n] for n in names if n in paths} if per_fold else paths
            made[key] = make_records(chosen, configs, jobs=jobs, max_bytes=max_bytes, progress=progress, model=ner,
                                     known=use_known)
        recs = made[key][without]
        return {n: recs[n] for n in names if n in recs}

    return predict


# ---------------------------------------------------------------- report


def _fmt(s: Spread | None, signed: bool = False) -> str:
    if s is None:
        return "n/a"
    f = "+.3f" if signed else ".3f"
    return f"{s.mean:{f}} ± {s.std:.3f} ({s.min:{f}}..{s.max:{f}})"


_NAMES = {
    "role_accuracy": "segment role accuracy",
    "furniture_p": "furniture precision",
    "furniture_r": "furniture recall",
    "repairs": "repairs (share)",
    "entity_p": "entity precision",
    "entity_r": "entity recall",
    "entity_f1": "entity F1",
}


def format_cv(result: CVResult, *, seed: int, without: frozenset[str], seconds: float | None = None) -> str:
    k = len(result.folds)
    if result.by == "source":
        lines = [
            "cross-source validation: one fold per source, fitted on the others; pages per fold: "
            + ", ".join(f"{n} {len(f)}" for n, f in zip(result.fold_names, result.folds)),
        ]
    else:
        lines = [
            f"{k}-fold cross-validation by document (seed {seed}); pages per fold: {', '.join(str(len(f)) for f in result.folds)}",
        ]
    if result.fitted:
        lines.append(f"fitted on the other folds for each fold: {', '.join(result.fitted)}")
    else:
        lines.append("nothing fitted from gold: each fold is its held-out pages scored as they are")
    if without:
        lines.append(f"without: {', '.join(sorted(without))}")
    lines.append("measure: mean ± std (min..max) over folds")
    rows = [(key, label) for key, label in _NAMES.items() if key in result.summary]
    rows += [(key, "F1 " + key[3:]) for key in result.summary if key.startswith("f1_")]
    for key, label in rows:
        sp = result.summary[key]
        # a fold with nothing of a kind (no repair, no EVENT) has no figure for it
        lines.append(f"  {label:<24} {_fmt(sp)}" + ("" if sp.n == k else f"  [{sp.n} of {k} folds]"))
    names = result.fold_names or [str(i + 1) for i in range(k)]
    lines.append("per fold (entity F1 / " + " / ".join(MAIN_LABELS) + "):")
    for name, fold, m in zip(names, result.folds, result.per_fold):
        figs = " / ".join("n/a" if m.get(key) is None else f"{m[key]:.3f}" for key in ["entity_f1"] + [f"f1_{lab}" for lab in MAIN_LABELS])
        lines.append(f"  {name:<8} {len(fold):>4} pages  {figs}")
    if result.ablation:
        labs = [lab for lab in MAIN_LABELS]
        lines.append("")
        lines.append("ablation: gain of each step = F1 with everything - F1 without it, over folds")
        lines.append(f"  {'step':<24} {'entity F1 gain: mean ± std (min..max)':<40} " + " ".join(f"{lab:>7}" for lab in labs))
        for name, sp in result.ablation.items():
            per = " ".join(f"{sp[f'f1_{lab}'].mean:+7.3f}" if f"f1_{lab}" in sp else f"{'n/a':>7}" for lab in labs)
            lines.append(f"  {name:<24} {_fmt(sp.get('entity_f1'), signed=True):<40} {per}")
    ner = [r for r in result.reports.get("ner", []) if r]
    if ner:
        agree = [r["agreement_with_original"] for r in ner]
        lines.append("")
        lines.append("forgetting: agreement (F1, span and label) of each fold's model with the original model on its held-out news paragraphs")
        for key in ("f1", "f1_PERSON", "f1_ORG", "f1_GPE", "f1_DATE"):
            vals = [a.get(key) for a in agree]
            lines.append(f"  {('all' if key == 'f1' else key[3:]):<8} " + " ".join("n/a" if v is None else f"{v:.3f}" for v in vals)
                         + f"   mean {_fmt(spread(vals))}")
        times = ", ".join(f"{r['train_seconds']:.0f} s" for r in ner)
        lines.append(f"  training time per fold (when it was trained; a cached model is reused): {times}")
    if seconds is not None:
        lines.append(f"took {seconds:.0f} s")
    return "\n".join(lines)


def cv_json(result: CVResult, *, seed: int, without: frozenset[str]) -> dict[str, Any]:
    return {
        "folds": len(result.folds),
        "folds_by": result.by,
        "fold_names": result.fold_names,
        "seed": seed,
        "without": sorted(without),
        "pages_per_fold": [len(f) for f in result.folds],
        "fitted": list(result.fitted),
        "fit_reports": result.reports,
        "per_fold": result.per_fold,
        "summary": {k: v.as_dict() for k, v in result.summary.items()},
        "ablation": {name: {k: v.as_dict() for k, v in sp.items()} for name, sp in result.ablation.items()},
    }


__all__ = [
    "FITTERS", "FOLD_BY", "CVResult", "FittedNames", "Fitter", "FoldModel", "KnownNamesFitter", "NerFitter", "Spread", "aggregate", "batch_predict",
    "cross_validate", "cv_json", "document_id", "format_cv", "gains", "make_folds", "make_records", "measures", "page_folds", "source_folds",
    "source_of", "spread",
]
