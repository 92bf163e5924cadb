"""``python -m workers.training.unaided_chrome GOLD_DIR... [--out FILE]``: learn which lines are site chrome from the
lines alone, without what the rules found (``make train-chrome``).

The edge model and the model of chrome lines (:mod:`.edge_chrome`, :mod:`.inner_chrome`) are trained beside the
rules, on pages whose chrome the rules were written for: they learn that chrome stands by the rules' finds, and on a
site whose chrome no rule knows they find little. This model reads every non-blank line with
:func:`workers.stages.clean.unaided_line_features` on a page shape that holds no finds: the line, its block and its
place on the page, and its glyphs. Every line is an example, chrome if the gold calls it furniture. The same logistic
regression (:mod:`.logistic`), from zero, no randomness; written as JSON to ``workers/data/unaided_chrome.json``, which
``clean`` reads last: a line the rules and both other models left that this model scores above :data:`THRESHOLD` is
chrome.

Measured before it shipped (session 55), each of four invented sets (corpus_kinds_check10 to check13) read as it was
while held out (the code of the commit before it became development) and this model fitted on every other gold folder:
furniture recall 0.721 -> 0.765 over the four, no content line more (``benchmarks/chrome_time_travel.py`` measures it
so). Each development folder left out in turn, the model added one content line at this threshold (an item of a
source list); at 0.9, titles over their paragraphs and a table's row too.
"""

from __future__ import annotations

import sys
from pathlib import Path

from ..stages.clean import unaided_line_features
from .logistic import page_line_examples, train_cli

DEFAULT_OUT = Path(__file__).resolve().parents[1] / "data" / "unaided_chrome.json"
#: Buckets the words are hashed into, as the other models'.
BUCKETS = 4096
#: A line is chrome above this probability. 0.9 and 0.8 found more of the four sets' chrome (0.790, 0.828) but took
#: content lines of the development sets left out in turn: headings over their paragraphs, a newsroom's phone line
#: (the phone lines are now left to the rules) and a table's row.
THRESHOLD = 0.95


def examples(gold_dirs: list[Path]) -> tuple[list[dict[str, float]], list[float]]:
    """Features and labels (1 for chrome) of every non-blank line of every gold page under ``gold_dirs``, read with
    no finds."""
    return page_line_examples(gold_dirs, lambda lines, text: {}, lambda shape, i: unaided_line_features(shape, i, BUCKETS))


def main(argv: list[str] | None = None) -> int:
    return train_cli(
        argv, module="workers.training.unaided_chrome", doc=__doc__, default_out=DEFAULT_OUT, examples=examples,
        about="Which lines are site chrome, read without the rules' finds: a logistic regression over "
              "workers.stages.clean.unaided_line_features, learned by workers/training/unaided_chrome.py (make "
              "train-chrome) from the gold pages named in 'trained_on'. Not edited by hand.",
        what="lines", settings={"buckets": BUCKETS, "threshold": THRESHOLD})


if __name__ == "__main__":
    sys.exit(main())
