"""Roles of the eighth round: a reference list whose entries are numbered in part, entries written with the authors
and the year in brackets, and a story's byline standing second in a row of the story's facts.

Every line here was written for these tests; none is taken from a gold page or a check set.
"""

from __future__ import annotations

import importlib

from tests.unit.page_roles import page_roles, role_of

segment = importlib.import_module("workers.stages.segment")
shapes = importlib.import_module("workers.knowledge.shapes")

TITLE = "Frost and the apple harvest of the upper valley\n\n"
BODY = "Growers lost a third of their blossom to a late frost, the association said on Tuesday.\n\n"


def test_entries_by_authors_and_year_in_brackets_are_reference_entries():
    for entry in ("Okafor N (2018) Rivers of the delta. Lagos: Tidewater Press.",
                  "Lindqvist, A., Berg, T. and Moe, K. (2020). Frost in northern orchards. Oslo.",
                  "Haddad S et al. (2021) Late frosts and fruit set. Orchard Science 4: 1-9."):
        assert segment.REFERENCE_ENTRY.match(entry), entry
    for line in ("The council (2019) said that it would help.", "In 2019 (a dry year) the harvest fell."):
        assert not segment.REFERENCE_ENTRY.match(line), line


def test_a_reference_list_numbered_in_part_is_one_item_a_line():
    refs = ("References\n\n[1] Holm E. Frost and fruit. Orchard Science. 2019;3(1):1-9.\n"
            "[2] Berg T. Valley soils. Oslo: Fjell; 2015.\n"
            "Okafor N (2018) Rivers of the delta. Lagos: Tidewater Press.\n"
            "Moe K, Lind A (2022) Cold air in valleys. Journal of Hill Farming 7(2): 40-51.\n")
    roles = dict((t, r) for r, t in page_roles(TITLE + BODY + refs))
    assert roles["Okafor N (2018) Rivers of the delta. Lagos: Tidewater Press."] == "list_item"
    assert roles["[2] Berg T. Valley soils. Oslo: Fjell; 2015."] == "list_item"


def test_a_byline_second_in_a_row_of_the_storys_facts_is_a_paragraph():
    assert shapes.is_story_byline("Updated March 2026 · By Edda Holm · 7 min read")
    assert not shapes.is_story_byline("Orchards · By bus · Tours")
    text = TITLE + "Updated March 2026 · By Edda Holm · 7 min read\n\n" + BODY + BODY
    assert role_of(text, "Updated March 2026") == "paragraph"


def test_a_statements_header_of_sender_title_and_place_is_paragraphs_not_headings():
    text = ("Ministry of Harbours\nFerry talks resume\nMedia Note\nEdda Holm\nDeputy Ministry Spokesperson\nOslo, Norway\n"
            "March 3, 2026\nThe ministry welcomes the resumption of the ferry talks between the two island councils today, after "
            "a winter in which the crossing was cancelled on forty days and the islanders' trade suffered for it.\n"
            "Both councils have agreed to meet again in April to settle the winter timetable, and the ministry will send an "
            "observer to each meeting so that the agreement can be put to the national ferry board before the summer.\n"
            "We thank the harbour masters of both islands, who kept the slipways open through the storms of February.\n")
    roles = dict((t, r) for r, t in page_roles(text))
    assert roles["Edda Holm"] == roles["Deputy Ministry Spokesperson"] == roles["Oslo, Norway"] == "paragraph", roles
    assert roles["Ferry talks resume"] == "heading"


def test_sender_lines_are_names_titles_ending_in_a_role_and_places_with_their_state():
    for line in ("Edda Holm", "Office of the Spokesperson", "Deputy Ministry Spokesperson", "Oslo, Norway"):
        assert shapes.is_sender_line(line), line
    for line in ("Ferry talks resume", "Rivers and Lakes", "Talks in Oslo, Norway, resume today.", "Frost, Blossom"):
        assert not shapes.is_sender_line(line), line
