"""The PERSON second-look benchmark (benchmarks/person_doubt_cv.py): what it reads of a span, and the fit's penalty.

Every sentence here was written for these tests.
"""

from __future__ import annotations

from benchmarks import person_doubt_cv as pd
from tests.unit.entity_mentions import mention
from workers.stages.entities.core import Page
from workers.training.logistic import fit


def _features(texts, spans, which):
    ms = [mention(texts, needle, label, seg=seg) for needle, label, seg in spans]
    page = Page(texts)
    return pd.person_features(ms[which], pd.PageWords(ms, page), page)


def test_a_word_the_page_names_a_place_elsewhere_is_read_but_the_span_itself_is_not_counted():
    texts = ["Orla Venn opened the ferry office.", "The ferry sails from Venn each Monday."]
    f = _features(texts, [("Orla Venn", "PERSON", 0), ("Venn", "GPE", 1)], 0)
    assert f["shares:GPE"] == 1.0
    assert "shares:PERSON" not in f  # its own label, from itself only
    alone = _features(texts[:1], [("Orla Venn", "PERSON", 0)], 0)
    assert not any(k.startswith("shares:") for k in alone)


def test_the_line_a_span_stands_on_is_read():
    texts = ["Harbour notes\nTomas Reyl\nThe tide tables for May are out, and the pier stays shut until June."]
    f = _features(texts, [("Tomas Reyl", "PERSON", 0)], 0)
    assert f["line_start"] == f["line_end"] == f["short_line"] == 1.0
    assert f["one_line_segment"] == 0.0 and f["words:2"] == 1.0 and f["origin:model"] == 1.0
    mid = _features(["We met Tomas Reyl at the quay before the storm came in from the west."], [("Tomas Reyl", "PERSON", 0)], 0)
    assert mid["line_start"] == mid["line_end"] == mid["short_line"] == 0.0
    assert mid["last_count"] > 0


def test_a_heavier_penalty_gives_smaller_weights():
    # (the penalty is divided by the examples' count, as the gradient is: enough of them keeps the steps stable)
    xs = [{"bias": 1.0, "a": 1.0}, {"bias": 1.0, "a": 1.0}, {"bias": 1.0}, {"bias": 1.0}] * 50
    ys = [1.0, 1.0, 0.0, 0.0] * 50
    light, heavy = fit(xs, ys), fit(xs, ys, l2=20.0)
    assert light["a"] > heavy["a"] > 0
