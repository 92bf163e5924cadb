"""The real news set's builder (benchmarks/news_entities.py): marks land where their strings stand."""

from __future__ import annotations

import json

import pytest

from benchmarks import news_entities as ne


def test_a_mark_lands_on_every_whole_word_occurrence_longer_marks_first():
    text = "Harbour Town beat Harbourton. Harbour Town fans cheered in Harbour."
    got = [(e["text"], e["label"], e["start"]) for e in ne.mark(text, [("Harbour", "PLACE"), ("Harbour Town", "ORG")])]
    assert got == [("Harbour Town", "ORG", 0), ("Harbour Town", "ORG", 30), ("Harbour", "PLACE", 59)]


def test_a_mark_can_name_which_occurrences_it_takes():
    text = "New Jersey native Ana Lima scored for New Jersey."
    got = [(e["label"], e["start"]) for e in ne.mark(text, [("New Jersey", "PLACE", [0]), ("New Jersey", "ORG", [1])])]
    assert got == [("PLACE", 0), ("ORG", 38)]


def test_a_mark_that_stands_nowhere_is_refused():
    with pytest.raises(ValueError, match="Kestrel"):
        ne.mark("Nothing here.", [("Kestrel", "ORG")])


def test_a_long_article_is_cut_at_a_paragraph_end_before_the_limit():
    body = ("A" * 2000) + "\n\n" + ("B" * 1000) + "\n\n" + "C" * 100
    assert ne.page_text(body) == "A" * 2000 + "\n"
    assert ne.page_text("Short.\n\nPage.") == "Short.\n\nPage.\n"


@pytest.mark.skipif(not ne.DEFAULT_GOLD.is_file(), reason="needs ../shared/formats/html/gold.json")
def test_every_batch_builds_with_every_mark_found(tmp_path):
    counts = ne.build(tmp_path)
    pages = sorted((tmp_path / "news" / "pages").glob("*.txt"))
    assert len(pages) == sum(len(b) for b in ne.BATCHES.values())
    assert all(counts[label] > 0 for label in ne.SCORED)
    gold = json.loads((tmp_path / "news" / "gold" / f"{pages[0].stem}.json").read_text(encoding="utf-8"))
    text = pages[0].read_text(encoding="utf-8")
    assert all(text[e["start"]:e["end"]] == e["text"] for e in gold["entities"])
