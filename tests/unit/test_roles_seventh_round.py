"""Roles of a story's title over its byline or date, of the byline itself, of a title that asks a question, and of
glossary lines and references written as the web writes them.

Every line here was written for these tests; none is taken from a gold page or a check set.
"""

from __future__ import annotations

from tests.unit.page_roles import role_of
from workers.knowledge.shapes import is_story_byline

MENU = "Home | News | Sport | Opinion | Contact\n\n"
BODY = (
    "The island's ferry will sail twice a day from November, the operator said on Monday, after a year of delays.\n\n"
    "Islanders asked for an earlier crossing on weekdays, and the first boat will now leave the pier at seven.\n\n"
)
FOOTER = "\n\nPrivacy | Cookies | Accessibility\n© 2025 Isles Courier\n"


def test_a_long_title_in_sentence_case_over_its_byline_is_a_heading():
    text = MENU + "ISLAND NEWS\n\nFerry operator adds a second daily crossing after islanders complain about delays\n\nBy Morag Isbister · Kirkwall · 3 March 2025\n\n" + BODY + FOOTER
    assert role_of(text, "Ferry operator adds") == "heading"


def test_a_title_over_its_date_line_is_a_heading():
    text = MENU + "ISLAND NEWS\n\nFerry operator adds a second daily crossing after islanders complain about delays\n\nMonday, March 3, 2025\n\n" + BODY + FOOTER
    assert role_of(text, "Ferry operator adds") == "heading"


def test_a_story_byline_is_a_paragraph_wherever_it_stands_not_a_caption_or_a_heading():
    for line in ("Interview by Morag Isbister · Photographs by Sven Flett · 3 March 2025",
                 "Reporting by Morag Isbister · Editing by Sven Flett"):
        text = MENU + "A winter on the ferry\n\n" + BODY + line + "\n\n" + BODY + FOOTER
        assert role_of(text, line[:20]) == "paragraph", line


def test_a_picture_credit_stays_a_caption():
    text = MENU + "A winter on the ferry\n\n" + BODY + "The ferry at the north pier in February. Photo by Sven Flett\n\n" + BODY + FOOTER
    assert role_of(text, "The ferry at the north pier") == "caption"


def test_what_a_story_byline_is():
    assert is_story_byline("By Morag Isbister · Kirkwall · 3 March 2025")
    assert is_story_byline("Words and pictures by Morag Isbister")
    assert not is_story_byline("Photo by Sven Flett")
    assert not is_story_byline("By Sea")
    assert not is_story_byline("By the end of the year the pier will reopen.")


def test_a_first_title_that_asks_and_then_names_its_subject_is_a_heading():
    text = "Who runs the ferries? Public boats and private crews in the northern isles\n\nMorag Isbister and Sven Flett\n\n" + BODY
    assert role_of(text, "Who runs the ferries?") == "heading"


def test_two_sentences_in_the_text_stay_a_paragraph():
    text = MENU + "A winter on the ferry\n\n" + BODY + "Why now? The council had the money at last\n\n" + BODY + FOOTER
    assert role_of(text, "Why now?") != "heading"


def test_glossary_lines_written_with_colons_are_list_items():
    text = (MENU + "Tides and ferries\n\n" + BODY + "Key terms\n\nslack water: the still water at the turn of the tide\n"
            "spring tide: the largest rise and fall of the tide in a month\n\n" + FOOTER)
    assert role_of(text, "slack water:") == "list_item"
    assert role_of(text, "spring tide:") == "list_item"


def test_fields_written_with_colons_are_no_glossary():
    text = MENU + "Ferry open day\n\n" + BODY + "Venue: Pier Road, Kirkwall\nTime: 10 am to 4 pm\n\n" + BODY + FOOTER
    assert role_of(text, "Venue: Pier Road") != "list_item"


def test_references_with_a_wikis_back_link_mark_are_list_items():
    text = (MENU + "Orkney ferries\n\n" + BODY + "References\n\n^ Isbister, Morag (2019). Ferries of the North. Kirkwall: Pier Press.\n"
            "^ \"Second crossing for the isles\". Isles Courier. 3 March 2025.\n\n" + FOOTER)
    assert role_of(text, "Ferries of the North") == "list_item"


def test_a_papers_references_numbered_in_brackets_are_list_items():
    text = (MENU + "Ferries of the north\n\n" + BODY + "References\n\n[1] Isbister M (2019) Ferries of the North. Kirkwall: Pier Press.\n"
            "[2] Flett S (2021) Winter crossings. Island Studies 4: 11-29.\n\n" + FOOTER)
    assert role_of(text, "Winter crossings") == "list_item"


def test_a_guides_tips_and_warnings_on_lines_of_their_own_are_list_items():
    text = (MENU + "Walking to the old pier\n\n" + BODY + "Tip: go at low water, when the sand is firm.\n\n"
            "Warning: the ford floods quickly after rain; turn back if it is over your knees.\n\n" + BODY + FOOTER)
    assert role_of(text, "Tip: go at low water") == "list_item"
    assert role_of(text, "Warning: the ford") == "list_item"


def test_tips_and_warnings_on_consecutive_lines_are_one_item_each():
    text = (MENU + "Walking to the old pier\n\n" + BODY + "Tips\n\n"
            "Tip: go at low water, when the sand is firm and the crabs are out of sight under the weed.\n"
            "Tip: take a stick; the stones by the pier are green and slippery even in summer.\n"
            "Warning: the ford floods quickly after rain; turn back if it is over your knees.\n\n" + BODY + FOOTER)
    for line in ("Tip: go at low water", "Tip: take a stick", "Warning: the ford"):
        assert role_of(text, line) == "list_item", line


def test_a_note_opening_a_paragraph_stays_a_paragraph():
    text = MENU + "Ferry fares 2025\n\n" + BODY + "Note: the fares above include the harbour levy charged by the council.\n\n" + FOOTER
    assert role_of(text, "Note: the fares") == "paragraph"


def test_three_authors_whose_given_names_no_list_holds_are_a_byline_not_a_heading():
    text = ("Who runs the ferries? Public boats and private crews in the northern isles\n\n"
            "Tarsa Odhiambo Kervik, Ysolde Mbeki Rostrand and Ondine Vargaz Holmqvast\n\n" + BODY)
    assert role_of(text, "Tarsa Odhiambo Kervik") == "paragraph"


def test_a_heading_of_three_parts_of_common_words_stays_a_heading():
    text = MENU + "Ferries of the isles\n\n" + BODY + "Harbour Dues, Winter Fares and Night Sailings\n\n" + BODY + FOOTER
    assert role_of(text, "Harbour Dues, Winter Fares") == "heading"


def test_affiliations_numbered_in_brackets_on_one_line_are_a_paragraph():
    text = ("Ferry use in three island groups\n\nTarsa Kerr (1), Quilla Ross (2)\n\n"
            "(1) Department of Geography, University of the Isles, Kirkwall; (2) Institute of Island Studies, Lerwick\n\n" + BODY)
    assert role_of(text, "(1) Department of Geography") == "paragraph"
