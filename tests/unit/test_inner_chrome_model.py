"""The learned model of chrome lines anywhere on a page: how clean marks with it what the rules and the edge model
leave, how it is trained, and that the shipped model fits the code that reads it.

Every line here was written for these tests; none is taken from a gold page or a check set.
"""

from __future__ import annotations

import json

from tests.unit.test_edge_chrome_model import _gold_set
from workers.knowledge.data import table
from workers.stages.clean import INNER_MODEL, PageShape, edge_line_features, find_chrome, inner_line_features, split_lines
from workers.training import inner_chrome

PARAGRAPHS = [
    "The council will spend two million pounds on the harbour wall, which was breached in the March storms.",
    "Work starts in September and should end before the first gales of the winter, the engineer said.",
    "Fishermen asked for the slipway to stay open while the work goes on, and the council agreed.",
]
PAGE = ("Kestrel Bay Gazette\nHome | News | Sport | Contact\n\nHarbour wall to be repaired before winter\n\n"
        + PARAGRAPHS[0] + "\n\nGizmo parade tonight\n\n" + PARAGRAPHS[1] + "\n\n" + PARAGRAPHS[2]
        + "\n\n© 2025 Kestrel Bay Gazette\n")


def _lines(text):
    return [ln for ln in split_lines(text) if not ln.blank]


def _word(word):
    return "e_" + next(k for k in edge_line_features(word, 0, True, True, 4096) if k.startswith("h"))


def _model(weights, threshold=0.5):
    return {"weights": weights, "threshold": threshold, "buckets": 4096}


def _index(lines, text):
    return next(i for i, ln in enumerate(lines) if ln.text == text)


def test_the_model_marks_a_line_between_the_paragraphs_that_the_rules_leave():
    lines = _lines(PAGE)
    k = _index(lines, "Gizmo parade tonight")
    assert k not in find_chrome(lines, PAGE, inner=False)
    found = find_chrome(lines, PAGE, inner_model=_model({"e_bias": -6.0, _word("gizmo"): 12.0}))
    assert found[k] == "chrome by the learned model of chrome lines"
    assert all(_index(lines, p) not in found for p in PARAGRAPHS)
    # Without it, the rules and the edge model alone; with learned=False, the rules alone.
    assert k not in find_chrome(lines, PAGE, inner=False, inner_model=_model({"e_bias": 9.0}))
    assert k not in find_chrome(lines, PAGE, learned=False, inner_model=_model({"e_bias": 9.0}))


def test_the_model_marks_nothing_at_or_under_its_threshold():
    lines = _lines(PAGE)
    rules = find_chrome(lines, PAGE, inner=False)
    assert find_chrome(lines, PAGE, inner_model=_model({"e_bias": 0.0})) == rules  # p = 0.5: not above
    assert find_chrome(lines, PAGE, inner_model=_model({"e_bias": 2.0}, threshold=0.95)) == rules  # p = 0.88


def test_the_features_read_the_lines_setting():
    lines = _lines(PAGE)
    shape = PageShape(lines, PAGE, find_chrome(lines, PAGE, inner=False))
    f = inner_line_features(shape, _index(lines, "Gizmo parade tonight"), 4096)
    assert f["prev_prose"] == f["next_prose"] == 1.0 and f["b_size1"] == 1.0
    assert "before_text" not in f and "after_text" not in f
    top = inner_line_features(shape, 0, 4096)
    assert top["before_text"] == 1.0 and top["next_inblock"] == 1.0 and top["next_found"] == 1.0


def test_training_learns_a_chrome_line_from_gold_and_gives_the_same_weights_every_time(tmp_path):
    body = "\n\n".join(PARAGRAPHS)
    pages = {f"p{k}": (f"Harbour report {k}\n\n{PARAGRAPHS[0]}\n\nGizmo parade tonight\n\n{body}\n", {"Gizmo parade tonight"})
             for k in range(6)}
    _gold_set(tmp_path, pages)
    out1, out2 = tmp_path / "m1.json", tmp_path / "m2.json"
    assert inner_chrome.main([str(tmp_path), "--out", str(out1)]) == 0
    assert inner_chrome.main([str(tmp_path), "--out", str(out2)]) == 0
    assert out1.read_text() == out2.read_text()
    model = json.loads(out1.read_text())
    assert model["chrome_examples"] == 6 and model["examples"] == 6 * 6
    w = model["weights"]
    assert w.get(_word("gizmo"), 0) > 0 > w.get(_word("council"), 0)


def test_the_shipped_model_reads_the_features_the_code_makes():
    model = table(INNER_MODEL)
    assert model["buckets"] == inner_chrome.BUCKETS and model["threshold"] == inner_chrome.THRESHOLD
    assert {"corpus_kinds_check14", "corpus_kinds_check15"} <= set(model["trained_on"])
    assert not {"corpus_kinds_check16", "roles_heldout"} & set(model["trained_on"])
    lines = _lines(PAGE)
    shape = PageShape(lines, PAGE, find_chrome(lines, PAGE, inner=False))
    made = {k for i in range(len(lines)) for k in inner_line_features(shape, i, model["buckets"]) if not k.startswith("e_h")}
    named = {k for k in model["weights"] if not k.startswith("e_h")}
    # (features no line of this page has: other sizes, places and shapes)
    possible = made | {f"e_pos{k}" for k in range(4)} | {f"rel{k}" for k in range(5)} | {f"b_size{k}" for k in (1, 3, 6, 7)} | {
        "e_top", "e_bottom", "e_w1", "e_w2", "e_w3", "e_w45", "e_w68", "e_w912", "e_w13", "e_sep0", "e_sep1", "e_sep2",
        "e_lowerstart", "e_caps", "e_colon", "e_sent_end", "e_q", "e_digit", "e_year", "e_sym", "e_chrome_before",
        "e_ui_any", "e_ui_share", "e_capshare", "e_bias", "b_first", "b_mid", "b_last", "b_found", "b_short", "b_sent",
        "b_prose", "before_text", "after_text", "prev_found", "next_found", "prev_prose", "next_prose", "prev_inblock",
        "next_inblock"}
    assert named <= possible, named - possible
