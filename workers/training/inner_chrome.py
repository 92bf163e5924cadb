"""``python -m workers.training.inner_chrome GOLD_DIR... [--out FILE]``: learn which lines anywhere on a page are site
chrome, from gold pages (``make train-chrome``).

The rules and the edge model (:mod:`.edge_chrome`) know chrome by its words and its place at the page's edges; a
site's box between the paragraphs, in words no rule knows, they leave. This model reads every non-blank line of a
page with :func:`workers.stages.clean.inner_line_features`: the line as the edge model reads it, and its setting
(its block, where it stands against the running text, whether the lines beside it are chrome). Every line is an
example, chrome if the gold calls it furniture; what the rules and the edge model found is read as they find it in
use (``find_chrome(inner=False)``), so the edge model is trained first. The same logistic regression as the edge
model's (:mod:`.logistic`), from zero, no randomness; written as JSON to ``workers/data/inner_chrome.json``, which
``clean`` reads: a line the others left that the model scores above :data:`THRESHOLD` is chrome.

The gold pages ``make train-chrome`` gives it are the edge model's; the held-out ones (catalog 4, ``roles_heldout``,
``corpus_kinds_check4``) are left out, to measure it on.
"""

from __future__ import annotations

import sys
from pathlib import Path

from ..stages.clean import find_chrome, inner_line_features
from .logistic import page_line_examples, train_cli

DEFAULT_OUT = Path(__file__).resolve().parents[1] / "data" / "inner_chrome.json"
#: Buckets the words are hashed into, as the edge model's.
BUCKETS = 4096
#: A line is chrome above this probability: the lowest of 0.8, 0.9 and 0.95 that took no content line of the
#: development sets when each set was left out of the training in turn, nor of the role tests' pages. With the eleven
#: corpus-kinds sets left out one at a time (session 49; both models refitted per fold, 132 pages) 0.9 took no
#: content line and found two chrome lines more (furniture recall 0.9781 -> 0.9793, precision 0.9995 both), but on
#: the unit tests' small pages it took four content lines (a title under its menu, a press contact, a site's long
#: name, a section of interface words): 0.95 is kept.
THRESHOLD = 0.95


def examples(gold_dirs: list[Path]) -> tuple[list[dict[str, float]], list[float]]:
    """Features and labels (1 for chrome) of every non-blank line of every gold page under ``gold_dirs``, read beside
    what the rules and the edge model find."""
    return page_line_examples(gold_dirs, lambda lines, text: find_chrome(lines, text, inner=False),
                              lambda shape, i: inner_line_features(shape, i, BUCKETS))


def main(argv: list[str] | None = None) -> int:
    return train_cli(
        argv, module="workers.training.inner_chrome", doc=__doc__, default_out=DEFAULT_OUT, examples=examples,
        about="Which lines anywhere on a page are site chrome: a logistic regression over "
              "workers.stages.clean.inner_line_features, learned by workers/training/inner_chrome.py (make "
              "train-chrome) from the gold pages named in 'trained_on'. Not edited by hand.",
        what="lines", settings={"buckets": BUCKETS, "threshold": THRESHOLD})


if __name__ == "__main__":
    sys.exit(main())
