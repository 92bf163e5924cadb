"""The invented gold sets (tests/fixtures/roles_*, entities_dev) say exactly what their pages hold.

A set whose gold drifted from its page (a page edited by hand, a build script changed and not run) would score
pagemill against characters that are not there; these checks fail first.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from workers.evaluation import load_gold

FIXTURES = Path(__file__).parents[1] / "fixtures"
SETS = ["roles_dev", "roles_heldout", "roles_check", "roles_check2", "entities_dev", "entities_check", "corpus_kinds_check",
        "corpus_kinds_check2", "corpus_kinds_check3", "corpus_kinds_dev3", "corpus_kinds_check4", "corpus_kinds_dev4", "corpus_kinds_check5",
        "corpus_kinds_dev5", "corpus_kinds_check6", "corpus_kinds_check7", "corpus_kinds_check8",
        "corpus_kinds_check9", "corpus_kinds_check10", "corpus_kinds_check11",
        "corpus_kinds_check12", "corpus_kinds_check13", "corpus_kinds_check14", "corpus_kinds_check15", "corpus_kinds_check16"]


@pytest.mark.parametrize("name", SETS)
def test_every_gold_span_is_the_text_of_its_page(name):
    pages = load_gold(FIXTURES / name)
    assert len(pages) >= 8
    for page in pages.values():
        text, gold = page.text, page.gold
        segments = sorted(gold["segments"], key=lambda s: s["start"])
        assert segments, page.name
        for s in segments:
            assert 0 <= s["start"] < s["end"] <= len(text) and text[s["start"]:s["end"]].strip(), (page.name, s)
        for a, b in zip(segments, segments[1:]):
            assert a["end"] <= b["start"], (page.name, a, b)
        # Every character that is not blank lies in some segment.
        covered = {i for s in segments for i in range(s["start"], s["end"])}
        assert all(c.isspace() or i in covered for i, c in enumerate(text)), page.name
        for e in gold["entities"]:
            assert text[e["start"]:e["end"]] == e["text"], (page.name, e)
        for r in gold.get("repairs", []):
            assert text[r["start"]:r["end"]] == r["text"], (page.name, r)
            # A lost first letter, or mojibake: the expected text's UTF-8 read as Windows-1252.
            mojibake = r["expected"].encode("utf-8").decode("cp1252", errors="replace")
            assert r["expected"].endswith(r["text"]) or r["text"] == mojibake, (page.name, r)
