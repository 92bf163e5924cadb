"""``python -m workers.training.edge_chrome GOLD_DIR... [--out FILE]``: learn which lines at a page's edge are site
chrome, from gold pages (``make train``).

Each page's first and last :data:`EDGE_LINES` non-blank lines are examples: chrome if the gold calls them furniture.
What the model reads of a line is :func:`workers.stages.clean.edge_line_features`, with whether the rules (alone:
``find_chrome(learned=False)``) found the line between it and the edge chrome. A logistic regression (:mod:`.logistic`) is fitted by
plain gradient descent from zero (no randomness: the same pages give the same weights) and written as JSON to
``workers/data/edge_chrome.json``, which ``clean`` reads: where the rules stop at an edge, a line the model scores
above :data:`THRESHOLD` is chrome, and the walk goes on.

The gold pages ``make train`` gives it: the corpus, the corpus with catalogs 1-3 of other sites' chrome around it
(``benchmarks/chrome_variants.py``) and the invented development sets. The held-out ones (catalog 4, the sets
``roles_heldout`` and ``corpus_kinds_check4``) are left out, to measure it on (docs/quality.md, "Chrome of other
sites").
"""

from __future__ import annotations

import sys
from pathlib import Path

from ..stages.clean import edge_line_features, find_chrome
from .logistic import gold_lines, train_cli

DEFAULT_OUT = Path(__file__).resolve().parents[1] / "data" / "edge_chrome.json"
#: Lines from each edge the model learns from and decides on.
EDGE_LINES = 6
#: Buckets the words are hashed into (words of no training line share weights by chance only).
BUCKETS = 4096
#: A line is chrome above this probability: the lowest of 0.8, 0.9 and 0.95 that marks no content line of the
#: development sets as chrome (0.8 took three titles and a contact line: "Autumn newsletter"; since session 44,
#: trained with the set K too, 0.9 took that title).
THRESHOLD = 0.95


def examples(gold_dirs: list[Path]) -> tuple[list[dict[str, float]], list[float]]:
    """Features and labels (1 for chrome) of the edge lines of every gold page under ``gold_dirs``."""
    xs: list[dict[str, float]] = []
    ys: list[float] = []
    for text, lines, label in gold_lines(gold_dirs):
        found = find_chrome(lines, text, learned=False)
        k = min(EDGE_LINES, len(lines) // 2)
        for top, order in ((True, range(k)), (False, range(len(lines) - 1, len(lines) - 1 - k, -1))):
            before = True  # the edge itself
            for pos, i in enumerate(order):
                xs.append(edge_line_features(lines[i].text, pos, top, before, BUCKETS))
                ys.append(label(lines[i]))
                before = i in found
    return xs, ys


def main(argv: list[str] | None = None) -> int:
    return train_cli(
        argv, module="workers.training.edge_chrome", doc=__doc__, default_out=DEFAULT_OUT, examples=examples,
        about="Which lines at a page's edge are site chrome: a logistic regression over "
              "workers.stages.clean.edge_line_features, learned by workers/training/edge_chrome.py (make train) from "
              "the gold pages named in 'trained_on'. Not edited by hand.",
        what="edge lines", settings={"edge_lines": EDGE_LINES, "buckets": BUCKETS, "threshold": THRESHOLD})


if __name__ == "__main__":
    sys.exit(main())
