"""The learned model of page edges: how clean walks on with it where the rules stop, how it is trained, and that the
shipped model fits the code that reads it.

Every line here was written for these tests; none is taken from a gold page or a check set.
"""

from __future__ import annotations

import json

from workers.knowledge.data import table
from workers.stages.clean import EDGE_MODEL, _learned_edge, edge_line_features, find_chrome, split_lines
from workers.training import edge_chrome

PAGE = (
    "Kestrel Bay Gazette\nHome | News | Sport | Contact\nWidgets galore here\n\n"
    "Harbour wall to be repaired before winter\n\n"
    "The council will spend two million pounds on the harbour wall, which was breached in the March storms.\n\n"
    "Work starts in September and should end before the first gales of the winter.\n\n"
    "Widgets galore here\n© 2025 Kestrel Bay Gazette\n"
)


def _lines(text):
    return [ln for ln in split_lines(text) if not ln.blank]


def _model(weights, threshold=0.5, edge_lines=6):
    return {"weights": weights, "threshold": threshold, "edge_lines": edge_lines, "buckets": 4096}


def _word(word):
    return next(k for k in edge_line_features(word, 0, True, True, 4096) if k.startswith("h"))


def test_the_learned_model_walks_on_from_where_the_rules_stop_while_it_scores_chrome():
    lines = _lines(PAGE)
    found = find_chrome(lines, PAGE, learned=False)
    assert 2 not in found  # "Widgets galore here": no rule knows it
    model = _model({"bias": -4.0, _word("widgets"): 8.0})
    top = _learned_edge(lines, 2, len(lines) - 1, 1, found, model)
    assert top == 3 and found[2] == "chrome by the learned model of page edges"
    # From the bottom the walk starts at the last line the rules left, and stops at the first it scores as text.
    found = find_chrome(lines, PAGE, learned=False)
    bottom = _learned_edge(lines, len(lines) - 2, 3, -1, found, model)
    assert bottom == len(lines) - 3 and len(lines) - 2 in found


def test_the_learned_model_stops_at_its_threshold_and_at_its_edge_lines():
    lines = _lines(PAGE)
    found = find_chrome(lines, PAGE, learned=False)
    assert _learned_edge(lines, 2, len(lines) - 1, 1, dict(found), _model({"bias": 0.0})) == 2  # p = 0.5: not above
    # Every line scores as chrome, but only the first three lines from the edge are the model's to take.
    assert _learned_edge(lines, 2, len(lines) - 1, 1, dict(found), _model({"bias": 9.0}, edge_lines=3)) == 3


def test_the_learned_model_leaves_the_title_over_the_first_paragraph_and_what_the_rules_decide_on():
    text = "Harbour report\n\n" + PAGE.split("\n\n", 2)[2]
    lines = _lines(text)
    found = find_chrome(lines, text, learned=False)
    assert 0 not in found
    assert _learned_edge(lines, 0, len(lines) - 1, 1, found, _model({"bias": 9.0})) == 0
    # A line above the title is the model's to take.
    text = "Widgets galore here\n" + text
    lines = _lines(text)
    assert _learned_edge(lines, 0, len(lines) - 1, 1, find_chrome(lines, text, learned=False), _model({"bias": 9.0})) == 1
    # A row laid out in columns, or a line with a phone number, is the rules' to call.
    text = PAGE.replace("Widgets galore here\n\n", "Ferry   Departs   Pier\n\n", 1)
    lines = _lines(text)
    found = find_chrome(lines, text, learned=False)
    assert _learned_edge(lines, 2, len(lines) - 1, 1, found, _model({"bias": 9.0})) == 2


def test_find_chrome_walks_on_with_a_model_and_without_one_is_the_rules_alone():
    lines = _lines(PAGE)
    model = _model({"bias": -4.0, _word("widgets"): 8.0})
    with_model = find_chrome(lines, PAGE, edge_model=model)
    assert with_model[2] == with_model[len(lines) - 2] == "chrome by the learned model of page edges"
    rules = find_chrome(lines, PAGE, learned=False, edge_model=model)
    assert 2 not in rules and len(lines) - 2 not in rules
    assert {k: v for k, v in with_model.items() if k not in (2, len(lines) - 2)} == rules


def _gold_set(root, pages):
    for name, (text, furniture) in pages.items():
        (root / "s" / "pages").mkdir(parents=True, exist_ok=True)
        (root / "s" / "gold").mkdir(parents=True, exist_ok=True)
        (root / "s" / "pages" / f"{name}.txt").write_text(text, encoding="utf-8")
        segments = []
        pos = 0
        for line in text.split("\n"):
            if line.strip():
                segments.append({"role": "furniture" if line in furniture else "paragraph", "start": pos, "end": pos + len(line)})
            pos += len(line) + 1
        gold = {"page": f"pages/{name}.txt", "segments": segments, "entities": [], "entity_labels_scored": []}
        (root / "s" / "gold" / f"{name}.json").write_text(json.dumps(gold), encoding="utf-8")


def test_training_learns_an_edge_line_from_gold_and_gives_the_same_weights_every_time(tmp_path):
    body = "\n\n".join(f"Paragraph {k} of the report says what the council decided about the harbour wall." for k in range(4))
    pages = {f"p{k}": (f"Widgets galore here\nHarbour report {k}\n\n{body}\n\nWidgets galore here\n", {"Widgets galore here"})
             for k in range(6)}
    _gold_set(tmp_path, pages)
    out1, out2 = tmp_path / "m1.json", tmp_path / "m2.json"
    assert edge_chrome.main([str(tmp_path), "--out", str(out1)]) == 0
    assert edge_chrome.main([str(tmp_path), "--out", str(out2)]) == 0
    assert out1.read_text() == out2.read_text()
    model = json.loads(out1.read_text())
    assert model["examples"] > 0 and model["chrome_examples"] == 12
    w = model["weights"]
    assert w.get(_word("widgets"), 0) > 0 > w.get(_word("report"), 0)


def test_the_shipped_model_reads_the_features_the_code_makes():
    model = table(EDGE_MODEL)
    assert model["buckets"] == edge_chrome.BUCKETS and model["edge_lines"] == edge_chrome.EDGE_LINES
    assert model["threshold"] == edge_chrome.THRESHOLD
    names = set(edge_line_features("Home | News › Sport ☰ 2025?", 1, False, True, model["buckets"]))
    named = {k for k in model["weights"] if not k.startswith("h")}
    assert named <= names | {f"pos{k}" for k in range(4)} | {"top", "bottom", "w1", "w2", "w3", "w45", "w68", "w912", "w13",
                                                            "sep0", "sep1", "sep2", "lowerstart", "caps", "colon", "sent_end"}


def test_a_long_line_whose_words_add_up_to_a_huge_score_is_read_without_overflow():
    words = " ".join(f"w{k}" for k in range(3000))
    text = "Kestrel Bay Gazette\nHome | News | Sport | Contact\n" + words + "\n\n" + PAGE.split("\n\n", 1)[1]
    lines = _lines(text)
    found = find_chrome(lines, text, learned=False)
    weights = {f"h{b}": -5.0 for b in range(4096)}
    assert _learned_edge(lines, 2, len(lines) - 1, 1, found, _model(weights)) == 2
