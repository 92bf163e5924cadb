"""The learned model of lines read alone: the last of the three chrome models, trained without what the rules found.
How clean marks with it what the rules and the other two models leave, what it reads of a line's glyphs, how it is
trained, and that the shipped model fits the code that reads it.

Every line here was written for these tests; none is taken from a gold page or a check set.
"""

from __future__ import annotations

import json

from tests.unit.test_edge_chrome_model import _gold_set
from tests.unit.test_inner_chrome_model import PAGE, PARAGRAPHS, _index, _lines, _model, _word
from workers.knowledge.data import table
from workers.stages.clean import UNAIDED_MODEL, PageShape, find_chrome, glyph_features, unaided_line_features
from workers.training import unaided_chrome

LEFT = "chrome by the learned model of lines read alone"


def test_the_model_marks_a_line_the_rules_and_the_other_models_leave():
    lines = _lines(PAGE)
    k = _index(lines, "Gizmo parade tonight")
    assert k not in find_chrome(lines, PAGE)
    found = find_chrome(lines, PAGE, unaided_model=_model({"e_bias": -6.0, _word("gizmo"): 12.0}))
    assert found[k] == LEFT
    assert all(_index(lines, p) not in found for p in PARAGRAPHS)
    # Not with inner=False (what the inner model is trained beside), nor with the rules alone.
    assert k not in find_chrome(lines, PAGE, inner=False, unaided_model=_model({"e_bias": 9.0}))
    assert k not in find_chrome(lines, PAGE, learned=False, unaided_model=_model({"e_bias": 9.0}))


def test_the_model_marks_nothing_at_or_under_its_threshold():
    lines = _lines(PAGE)
    shipped = find_chrome(lines, PAGE, unaided_model=_model({"e_bias": -30.0}))
    assert find_chrome(lines, PAGE, unaided_model=_model({"e_bias": 0.0})) == shipped  # p = 0.5: not above
    assert find_chrome(lines, PAGE, unaided_model=_model({"e_bias": 2.0}, threshold=0.95)) == shipped  # p = 0.88
    assert find_chrome(lines, PAGE, unaided_model=_model({"e_bias": 2.0}, threshold=0.8)) != shipped  # p = 0.88


def test_a_phone_number_or_an_email_address_is_left_to_the_rules():
    contacts = ["Harbour office +44 1632 960 418", "Write to harbour.office@example.org"]
    page = PAGE.replace("Gizmo parade tonight", contacts[0] + "\n\n" + contacts[1])
    lines = _lines(page)
    found = find_chrome(lines, page, unaided_model=_model({"e_bias": 9.0}))
    assert all(_index(lines, c) not in found for c in contacts)
    assert found[_index(lines, PARAGRAPHS[1])] == LEFT  # (a model that says yes to every line)


def test_glyphs_drawn_for_buttons_count_and_signs_of_running_text_do_not():
    assert glyph_features("Share this guide ▸ print ⟳")["x_sym2"] == 1.0
    assert glyph_features("Listen again ▸")["x_sym"] == 1.0 and "x_sym2" not in glyph_features("Listen again ▸")
    plain = glyph_features("The wall cost £2 million — 40% more than planned, at 12°C.")
    assert "x_sym" not in plain and "x_you" not in plain
    # A name read in the wrong encoding ("Ã©" for "é") holds a "©" that is no sign of the site's.
    assert "x_sym" not in glyph_features("Hélène Marchetti".encode("utf-8").decode("latin-1"))
    assert glyph_features("Your basket is empty")["x_you"] == 1.0
    figures = glyph_features("1 2 3 4")
    assert figures["x_digit"] == 1.0 and figures["x_punct"] == 0.0


def test_the_features_never_read_what_the_rules_found():
    lines = _lines(PAGE)
    shape = PageShape(lines, PAGE, {})
    made = {k for i in range(len(lines)) for k in unaided_line_features(shape, i, 4096)}
    assert not {"prev_found", "next_found", "e_chrome_before"} & made
    assert all(unaided_line_features(shape, i, 4096)["b_found"] == 0.0 for i in range(len(lines)))


def test_training_learns_a_chrome_line_from_gold_and_gives_the_same_weights_every_time(tmp_path):
    body = "\n\n".join(PARAGRAPHS)
    pages = {f"p{k}": (f"Harbour report {k}\n\n{PARAGRAPHS[0]}\n\nGizmo parade tonight ▸\n\n{body}\n", {"Gizmo parade tonight ▸"})
             for k in range(6)}
    _gold_set(tmp_path, pages)
    out1, out2 = tmp_path / "m1.json", tmp_path / "m2.json"
    assert unaided_chrome.main([str(tmp_path), "--out", str(out1)]) == 0
    assert unaided_chrome.main([str(tmp_path), "--out", str(out2)]) == 0
    assert out1.read_text() == out2.read_text()
    model = json.loads(out1.read_text())
    assert model["chrome_examples"] == 6 and model["examples"] == 6 * 6
    w = model["weights"]
    assert w.get(_word("gizmo"), 0) > 0 > w.get(_word("council"), 0)
    assert w["x_sym"] > 0


def test_the_shipped_model_reads_the_features_the_code_makes():
    model = table(UNAIDED_MODEL)
    assert model["buckets"] == unaided_chrome.BUCKETS and model["threshold"] == unaided_chrome.THRESHOLD
    assert {"corpus_kinds_check14", "corpus_kinds_check15"} <= set(model["trained_on"])
    assert not {"corpus_kinds_check16", "roles_heldout"} & set(model["trained_on"])
    named = {k for k in model["weights"] if not k.startswith("e_h")}
    assert {"x_sym", "x_sym2", "x_you", "x_punct", "x_digit"} <= named
    # (what only the rules' finds would set, this model never learned a weight for)
    assert not {"prev_found", "next_found", "e_chrome_before", "b_found"} & named
