"""evaluation: the eval scorer on a small invented gold page, checked by hand."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from workers.evaluation import evaluate, format_report

PAGE = "Home | News\n\nKan visits Japan\n\nNaoto Kan flew to Tokyo in June 2010.\n\nphoto: Jane Roe\n"


@pytest.fixture
def gold_root(tmp_path: Path) -> Path:
    src = tmp_path / "mine"
    (src / "pages").mkdir(parents=True)
    (src / "gold").mkdir()
    (src / "pages" / "p1.txt").write_text(PAGE, encoding="utf-8")
    find = PAGE.index
    gold = {
        "page": "pages/p1.txt",
        "segments": [
            {"role": "furniture", "start": 0, "end": 11},
            {"role": "heading", "start": 13, "end": 29},
            {"role": "paragraph", "start": 31, "end": 68},
            {"role": "caption", "start": 70, "end": 85},
        ],
        "entities": [
            {"label": "PERSON", "start": find("Naoto"), "end": find("Naoto") + 9},
            {"label": "PLACE", "start": find("Tokyo"), "end": find("Tokyo") + 5},
            {"label": "DATE", "start": find("June"), "end": find("June") + 9},
            {"label": "PLACE", "start": find("Japan"), "end": find("Japan") + 5},
        ],
        "entity_labels_scored": ["PERSON", "PLACE", "DATE"],
        # (the second at the paragraph's end: what follows it is looked for inside its segment only)
        "repairs": [{"start": 31, "end": 36, "text": "Naoto", "expected": "Naoto"},
                    {"start": find("2010."), "end": find("2010.") + 4, "text": "2010", "expected": "2010"}],
    }
    (src / "gold" / "p1.json").write_text(json.dumps(gold), encoding="utf-8")
    return tmp_path


def record() -> dict:
    find = PAGE.index
    return {
        "source": {"filename": "p1.txt"},
        "segments": [
            {"role": "furniture", "source_start": 0, "source_end": 4, "text": "Home"},  # half the menu
            {"role": "heading", "source_start": 13, "source_end": 29, "text": "Kan visits Japan"},
            {"role": "paragraph", "source_start": 31, "source_end": 68, "text": PAGE[31:68]},
            {"role": "paragraph", "source_start": 70, "source_end": 85, "text": "photo: Jane Roe"},
        ],
        "entities": [
            {"label": "PERSON", "source_start": find("Naoto"), "source_end": find("Naoto") + 9},  # hit
            {"label": "GPE", "source_start": find("Tokyo"), "source_end": find("Tokyo") + 6},  # "Tokyo " is trimmed to "Tokyo": a hit
            {"label": "ORG", "source_start": find("Jane"), "source_end": find("Jane") + 8},  # label not scored: ignored
            {"label": "PERSON", "source_start": find("Kan visits"), "source_end": find("Kan visits") + 3},  # false positive
        ],
    }


def test_figures_on_an_invented_page(gold_root):
    res = evaluate(gold_root, {"p1": record()})
    assert res["segment_role_accuracy"] == 0.75  # caption taken for a paragraph
    assert res["furniture_precision"] == 1.0
    assert res["furniture_recall"] == round(4 / 9, 4)  # "Home" of "Home|News" (non-space characters)
    per = res["entity_per_label"]
    assert per["PERSON"]["p"] == 0.5 and per["PERSON"]["r"] == 1.0
    assert per["PLACE"]["r"] == 0.5  # Japan missed
    assert per["DATE"]["r"] == 0.0
    assert (res["entity_p"], res["entity_r"]) == (round(2 / 3, 4), 0.5)
    assert res["repairs"] == "2/2"


def test_missing_record_is_reported(gold_root):
    res = evaluate(gold_root, {})
    assert res["pages_missing"] == 1


def test_agrees_with_reference_scorer(gold_root, tmp_path):
    """Same figures as the shared corpus's score.py, when it is there to compare with."""
    import subprocess
    import sys

    score = Path(__file__).resolve().parents[3] / "shared" / "tools" / "score.py"
    if not score.exists():
        pytest.skip("reference scorer not available")
    recs = tmp_path / "recs"
    recs.mkdir()
    (recs / "p1.json").write_text(json.dumps(record()))
    out = subprocess.run([sys.executable, str(score), str(gold_root), str(recs), "--json"], capture_output=True, text=True, check=True)
    ref = json.loads(out.stdout)
    mine = evaluate(gold_root, {"p1.txt": record()})
    for key, value in ref.items():
        assert mine[key] == value, key


def test_report_prints_measures_and_stage_times(gold_root):
    text = format_report(evaluate(gold_root, {"p1": record()}), {"clean": 2.5, "segment": 0.5})
    assert "segment role accuracy: 0.750" in text
    assert "PERSON" in text
    assert "clean 2.5" in text and "total 3.0" in text
