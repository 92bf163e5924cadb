"""The chrome benchmark's builder (benchmarks/chrome_variants.py): the page's gold moves with the lines added."""

from __future__ import annotations

import json
import random

from benchmarks import chrome_variants as cv


def _spans(text: str, gold: dict) -> list[tuple[str, str]]:
    return [(s["role"], text[s["start"] : s["end"]]) for s in gold["segments"]]


def test_added_lines_are_furniture_and_the_page_keeps_its_gold():
    text = "Harbour news\n\nFerries return to Kestrel Bay.\n"
    gold = {"segments": [{"role": "heading", "start": 0, "end": 12}, {"role": "paragraph", "start": 14, "end": 44}],
            "entities": [{"label": "PLACE", "start": 32, "end": 43, "text": "Kestrel Bay"}], "repairs": []}
    page, moved = cv.with_chrome(text, gold, ["Menu", "Search"], ["Back to top"], "\n", "\n\n")
    assert page == "Menu\nSearch\nHarbour news\n\nFerries return to Kestrel Bay.\n\nBack to top\n"
    assert _spans(page, moved) == [("furniture", "Menu"), ("furniture", "Search"), ("heading", "Harbour news"),
                                   ("paragraph", "Ferries return to Kestrel Bay."), ("furniture", "Back to top")]
    e = moved["entities"][0]
    assert page[e["start"] : e["end"]] == "Kestrel Bay"


def test_pages_with_chrome_of_their_own_are_left_out(tmp_path):
    src = tmp_path / "gold" / "s"
    (src / "pages").mkdir(parents=True)
    (src / "gold").mkdir()
    for name, segs in [("plain", [{"role": "paragraph", "start": 0, "end": 5}]), ("chromed", [{"role": "furniture", "start": 0, "end": 5}])]:
        (src / "pages" / f"{name}.txt").write_text("Text.\n", encoding="utf-8")
        (src / "gold" / f"{name}.json").write_text(json.dumps({"page": f"pages/{name}.txt", "segments": segs, "entities": []}))
    assert cv.build(tmp_path / "gold", tmp_path / "out", "1", 0) == 1
    assert [p.name for p in (tmp_path / "out" / "s" / "pages").iterdir()] == ["plain--site1.txt"]


def test_chrome_inside_the_text_goes_between_paragraphs_and_the_gold_moves_with_it():
    text = "Harbour news\n\nFerries return to Kestrel Bay.\n\nThe pier opens in May.\n"
    gold = {"segments": [{"role": "heading", "start": 0, "end": 12}, {"role": "paragraph", "start": 14, "end": 44},
                         {"role": "paragraph", "start": 46, "end": 68}],
            "entities": [{"label": "PLACE", "start": 32, "end": 43}], "repairs": [{"start": 46, "end": 49, "expected": "The"}]}
    for seed in range(6):
        page, moved = cv.with_inside(text, gold, [["Advertisement"], ["Read next: tide tables", "Share"]], random.Random(seed))
        lines = [ln for ln in page.split("\n") if ln]
        assert [t for _, t in _spans(page, moved)] == lines  # each line one segment, in order, where it now stands
        assert {t for r, t in _spans(page, moved) if r == "furniture"} == {"Advertisement", "Read next: tide tables", "Share"}
        assert "\n\nRead next: tide tables\nShare\n\n" in page and "\n\nAdvertisement\n\n" in page
        e, rp = moved["entities"][0], moved["repairs"][0]
        assert page[e["start"]:e["end"]] == "Kestrel Bay" and page[rp["start"]:rp["end"]] == "The"
