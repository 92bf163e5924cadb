"""Roles of the tenth round (session 54): a story's title over a dateline whose town is written with accented capitals
and a byline in the same block (and that town is one place), and a press release's number over its title.

Every line here was written for these tests; none is taken from a gold page or a check set.
"""

from __future__ import annotations

from tests.unit.entity_mentions import refined
from tests.unit.page_roles import role_of
from workers.knowledge.shapes import is_dateline

BODY = ("The ferry board opened a winter crossing to the outer islands on Monday, the first since the quay was rebuilt. "
        "Tickets go on sale at the harbour office.\n\n")


def test_a_dateline_may_name_its_town_in_accented_capitals():
    assert is_dateline("SÃO BRÁS, 4 March 2026")
    assert is_dateline("ÖREBRO, March 4")
    assert not is_dateline("São Brás, the old quay")


def test_a_long_title_over_its_dateline_and_byline_in_one_block_is_the_title():
    text = ("Islands\n\n"
            "Winter crossing to the outer islands opens after two years of rebuilding at the quay\n\n"
            "ÅLVIK, 4 March 2026\nBy Ana Holm\n\n" + BODY)
    assert role_of(text, "Winter crossing") == "heading"


def test_a_press_releases_number_is_no_title_and_the_line_under_it_is():
    text = ("Press release 12/2026 · For immediate use\n\n"
            "Harbour board opens the winter crossing to the outer islands after two years of rebuilding\n\n"
            "PORT ELLEN, 4 March 2026\n\n" + BODY)
    assert role_of(text, "Harbour board opens") == "heading"
    assert role_of(text, "Press release 12/2026") != "heading"


def test_a_datelines_town_in_accented_capitals_is_one_place():
    texts = ["ÅLVIK BRÜCKE , Norway 2026-03-04", "Tarnby won the regatta ."]
    assert ("ÅLVIK BRÜCKE", "GPE") in refined(texts, [("Norway", "GPE", 0)])
