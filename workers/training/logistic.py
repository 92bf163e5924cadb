"""What the learned chrome models (:mod:`.edge_chrome`, :mod:`.inner_chrome`, :mod:`.unaided_chrome`) share: the gold
pages' lines and their labels, the logistic regression they are fitted with, and the command line that trains and writes
them."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import numpy as np

from ..evaluation import load_gold
from ..stages.clean import EDGE_MODEL_MIN_LINES, Line, PageShape, split_lines

#: Gradient descent: steps, step size and the L2 penalty's weight.
ITERATIONS, RATE, L2 = 800, 0.5, 1.0


def gold_lines(gold_dirs: list[Path]) -> Iterator[tuple[str, list[Line], Callable[[Line], float]]]:
    """Each gold page under ``gold_dirs`` with lines enough for the models (:data:`EDGE_MODEL_MIN_LINES`): its text,
    its non-blank lines, and the label of a line (1.0 where the gold calls the line's first character furniture)."""
    for gold_dir in gold_dirs:
        for page in load_gold(gold_dir).values():
            lines = [ln for ln in split_lines(page.text) if not ln.blank]
            if len(lines) < EDGE_MODEL_MIN_LINES:
                continue
            furniture = [(s["start"], s["end"]) for s in page.gold["segments"] if s["role"] == "furniture"]

            def label(line: Line, furniture: list[tuple[int, int]] = furniture) -> float:
                first = line.start + len(line.text) - len(line.text.lstrip())
                return float(any(a <= first < b for a, b in furniture))

            yield page.text, lines, label


def page_line_examples(gold_dirs: list[Path], found: Callable[[list[Line], str], dict[int, str]],
                       features: Callable[[PageShape, int], dict[str, float]]) -> tuple[list[dict[str, float]], list[float]]:
    """Features and labels (1 for chrome) of every non-blank line of every gold page under ``gold_dirs``, each read in
    its page's shape with the finds ``found`` gives (the models of lines anywhere: see :class:`PageShape`)."""
    xs: list[dict[str, float]] = []
    ys: list[float] = []
    for text, lines, label in gold_lines(gold_dirs):
        shape = PageShape(lines, text, found(lines, text))
        for i, line in enumerate(lines):
            xs.append(features(shape, i))
            ys.append(label(line))
    return xs, ys


def fit(xs: list[dict[str, float]], ys: list[float], l2: float = L2) -> dict[str, float]:
    """Weights of a logistic regression with an L2 penalty (weight ``l2``), by full-batch gradient descent from zero."""
    names = sorted({k for x in xs for k in x})
    index = {k: j for j, k in enumerate(names)}
    X = np.zeros((len(xs), len(names)))
    for r, x in enumerate(xs):
        for k, v in x.items():
            X[r, index[k]] = v
    y = np.array(ys)
    w = np.zeros(len(names))
    for _ in range(ITERATIONS):
        p = 1 / (1 + np.exp(-(X @ w)))
        w -= RATE * (X.T @ (p - y) + l2 * w) / len(y)
    return {k: round(float(w[j]), 5) for k, j in index.items() if abs(w[j]) >= 1e-5}


def train_cli(argv: list[str] | None, *, module: str, doc: str, default_out: Path,
              examples: Callable[[list[Path]], tuple[list[dict[str, float]], list[float]]], about: str, what: str,
              settings: dict[str, object]) -> int:
    """The command line the chrome models are trained by: ``python -m MODULE GOLD_DIR... [--out FILE]``. Fits the
    ``examples`` of the gold folders and writes the model as JSON: ``about``, the folders trained on, the counts,
    ``settings`` (what the stage must read the model with) and the weights. ``what`` names an example in the
    report ("edge lines")."""
    ap = argparse.ArgumentParser(prog=f"python -m {module}", description=doc.split("\n\n")[0])
    ap.add_argument("gold_dirs", type=Path, nargs="+", help="gold folders: <source>/pages/*.txt and <source>/gold/*.json")
    ap.add_argument("--out", type=Path, default=default_out, help=f"where the model goes (default {default_out})")
    args = ap.parse_args(argv)
    xs, ys = examples(args.gold_dirs)
    if not xs:
        print(f"no {what} on gold pages under " + ", ".join(map(str, args.gold_dirs)), file=sys.stderr)
        return 2
    model = {"about": about, "trained_on": [p.name for p in args.gold_dirs], "examples": len(xs),
             "chrome_examples": int(sum(ys)), **settings, "weights": fit(xs, ys)}
    args.out.write_text(json.dumps(model, indent=0, sort_keys=True) + "\n", encoding="utf-8")
    print(f"{len(xs)} {what} ({int(sum(ys))} chrome) from {len(args.gold_dirs)} gold folders -> {args.out}")
    return 0
