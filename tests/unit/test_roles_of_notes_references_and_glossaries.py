"""Segment roles of the thirteenth round: references whose authors have two-word surnames, particles or hyphened
initials, items numbered under another's number ("2.a"), notes numbered without points, glossaries whose terms
are names, a dateline with its day before the month, a speech's "Delivered by" line, and a case's name as a title.

Every line here was written for these tests; none is taken from a gold page or a check set.
"""

from __future__ import annotations

import importlib

from tests.unit.page_roles import role_of

segment = importlib.import_module("workers.stages.segment")
shapes = importlib.import_module("workers.knowledge.shapes")

TITLE = "Harbour board adds a winter crossing to the outer islands\n\n"
BODY = (
    "The harbour board said on Monday that a second ferry would sail to the outer islands twice a week from "
    "November, after islanders asked for a crossing that did not leave them stranded for the weekend.\n\n"
)
LONG_ITEM = ("The harbour board should publish the winter timetable a month before the season begins, in print at "
             "every quay and online, so that islanders can plan their crossings")


def test_a_reference_list_with_two_word_surnames_and_particles_is_one_item_a_line():
    refs = ("References\n\n"
            "Ferreira Lopes, T., & van Dalen, K. (2021). Winter ferries of the outer islands. Island Transport 4(2), 1-19.\n"
            "Okoro N, Mendes Silva R (2019) Quays and tides. Technical report, Harbourton.\n"
            "de Winter, J.-P., Aalto, M. et al. (2017). Harbour records of the north. Coastal Notes 12, 40-58.\n")
    text = TITLE + BODY + refs
    for line in ("Ferreira Lopes", "Okoro N", "de Winter"):
        assert role_of(text, line, at_start=True) == "list_item", line


def test_items_numbered_under_a_sections_number_are_list_items_even_one_to_a_block():
    text = TITLE + BODY + "Recommendations\n\n2.a  " + LONG_ITEM + ".\n2.b  " + LONG_ITEM.replace("publish", "print") + ".\n\n" + BODY
    assert role_of(text, "2.a", at_start=True) == "list_item"
    assert role_of(text, "2.b", at_start=True) == "list_item"


def test_notes_numbered_without_points_are_list_items_and_a_ranked_table_is_not():
    notes = "1  Conversation with a ferry skipper, Harbourton, 3 May 2024.\n2  Board minutes, 12 June 2023.\n"
    assert role_of(TITLE + BODY + notes + "\n" + BODY, "1 Conversation", at_start=True) == "list_item"
    assert segment.numbered_notes(["1 Conversation with a skipper, 3 May 2024.", "2 Board minutes, 12 June 2023."])
    assert not segment.numbered_notes(["1 Harbour Rovers 14 10 33", "2 Quay Athletic 14 8 29"])
    assert not segment.numbered_notes(["1 Conversation with a skipper.", "3 Board minutes."])


def test_a_glossary_whose_terms_are_names_as_well_as_words_is_one_item_a_line():
    glossary = ("Key terms\n\n"
                "slipway: a ramp on which boats are drawn out of the water\n"
                "Harbour Act: the law that set up the board and its powers over the quays\n"
                "Outer Isles: the islands beyond the reef, reached only by ferry\n")
    text = TITLE + BODY + glossary + "\n" + BODY
    assert role_of(text, "Key terms") == "heading"
    for line in ("slipway:", "Harbour Act:", "Outer Isles:"):
        assert role_of(text, line, at_start=True) == "list_item", line


def test_field_lines_in_lower_case_alone_are_no_glossary():
    assert not segment.items_of_a_list(["Status: pending", "Type: residential"], None)


def test_a_capitals_dateline_with_the_day_before_the_month_is_a_paragraph():
    assert shapes.is_dateline("PORT ELLEN, 14 May 2025")
    text = ("Opening address to the harbour conference\n\n"
            "Delivered by the Harbour Master, Ana Lima, at the Town Hall\n\n"
            "PORT ELLEN, 14 May 2025\n\n" + BODY)
    assert role_of(text, "PORT ELLEN") == "paragraph"
    assert role_of(text, "Delivered by") == "paragraph"


def test_a_cases_name_with_v_is_one_title():
    assert len(segment.split_sentences("Harbour Board v. Quay Traders Ltd")) == 1
    text = "Quay lease upheld: Harbour Board v. Quay Traders Ltd\n\n" + BODY
    assert role_of(text, "Quay lease upheld") == "heading"


def test_a_short_note_right_under_a_table_is_its_caption_and_a_longer_text_goes_on():
    table = ("Club\tPlayed\tPoints\nHarbour Rovers\t12\t28\nQuay Athletic\t12\t21\n\n")
    note = "All games played 2-3 May. W/O = walkover.\n\n"
    text = TITLE + BODY + table + note + BODY
    assert role_of(text, "All games played") == "caption"
    going_on = ("The next round is played on 9 May. The Rovers travel to the islands, and the Athletic host the "
                "league's new club. The final follows a week later.\n\n")
    assert role_of(TITLE + BODY + table + going_on, "The next round") == "paragraph"


def test_a_capitals_dateline_with_its_country_is_a_dateline():
    assert shapes.is_dateline("PORT ELLEN, Scotland, 14 May 2025")
