"""``python -m workers.training.combine GOLD_DIR [--order fill|lead]``: cross-validate the original model and fold models together.

Each fold's model (trained and cached as by ``pagemill eval --folds 5 --ner
trained``) is paired with the original model, and the pair's entities go to
the rules: ``fill``, the original model's entities plus the fold model's where
the original found none; ``lead``, the other way round
(:func:`workers.stages.entities.model.fill_gaps`). Prints the same figures as
``pagemill eval --folds``, with the pair's forgetting: its agreement with the
original model on each fold's held-out news paragraphs.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from .. import crossval as cv
from ..evaluation import load_gold
from ..settings import get_settings
from ..stages.entities.model import ORIGINAL_MODEL, ents
from .__main__ import rehearsal_path
from .data import rehearsal_texts
from .train import agreement_of


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m workers.training.combine", description=__doc__)
    ap.add_argument("gold_dir", type=Path)
    ap.add_argument("--order", choices=("fill", "lead"), default="fill", help="fill: the fold model fills the original's gaps; lead: the reverse")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--jobs", "-j", type=int, default=1)
    args = ap.parse_args(argv)
    t0 = time.perf_counter()
    gold = load_gold(args.gold_dir)
    reh = rehearsal_path(args.gold_dir)
    fitter = cv.NerFitter(get_settings().state_dir / "cache", reh, progress=lambda m: print(m, file=sys.stderr, flush=True))

    def pair(fold: cv.FoldModel) -> tuple[str, str]:
        return (ORIGINAL_MODEL, str(fold.path)) if args.order == "fill" else (str(fold.path), ORIGINAL_MODEL)

    paths = {p.stem: p for p in sorted(args.gold_dir.glob("*/pages/*.txt")) if p.stem in gold}
    made: dict[tuple, dict[str, dict]] = {}

    def predict(names, without, fitted):
        key = (pair(fitted["ner"]), tuple(names))
        if key not in made:
            made[key] = cv.make_records({n: paths[n] for n in names if n in paths}, [without], jobs=args.jobs, model=key[0],
                                        known=fitted["known_names"].known)[without]
        return {n: made[key][n] for n in names if n in made[key]}

    # the known names are learned per fold too: the shipped learned list holds the held-out pages' names
    res = cv.cross_validate(gold, predict, k=args.folds, fitters=[fitter, cv.KnownNamesFitter()])
    articles = rehearsal_texts(reh)
    for i, test in enumerate(res.folds):
        train = [gold[n] for j, f in enumerate(res.folds) if j != i for n in f]
        held = fitter.held_out_articles(train, list(articles))
        texts = [p for a in sorted(held) for p in articles[a]]
        # the pair's agreement replaces the fold model's own in the printed forgetting figures
        res.reports["ner"][i] = {**res.reports["ner"][i], "agreement_with_original": agreement_of(
            list(ents(texts, model=pair(fitter.fit(train)))), list(ents(texts, model=ORIGINAL_MODEL)))}
    print(f"pairs: {args.order} (fold model {'in the original model' + chr(39) + 's gaps' if args.order == 'fill' else 'first, original in its gaps'})")
    print(cv.format_cv(res, seed=0, without=frozenset(), seconds=time.perf_counter() - t0))
    return 0


if __name__ == "__main__":
    sys.exit(main())
