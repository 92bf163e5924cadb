"""Segment roles of the fourteenth round: labelled lines of one block that are each a whole paragraph long, notes
numbered by superscript figures with their links back between them, a reader's question under its heading, and a
speech's place and date under its title.

Every line here was written for these tests; none is taken from a gold page or a check set.
"""

from __future__ import annotations

from tests.unit.page_roles import BODY, FOOTER, TITLE, role_of

LONG = ("the harbour board runs a shuttle from the quay to the old town every twenty minutes in summer and every hour "
        "in winter, and tickets are sold on board")


def test_labelled_lines_of_one_block_each_a_paragraph_long_are_list_items():
    block = ("Getting there\n\n"
             f"By sea: {LONG}.\n"
             f"By road: {LONG.replace('shuttle', 'bus')}.\n"
             f"By rail: {LONG.replace('shuttle', 'train')}.\n\n")
    text = TITLE + BODY + block + FOOTER
    for label in ("By sea", "By road", "By rail"):
        assert role_of(text, label, at_start=True) == "list_item", label


def test_unlabelled_lines_saved_without_blank_lines_stay_paragraphs():
    block = (f"In spring {LONG}.\n"
             f"Since May {LONG.replace('shuttle', 'bus')}.\n"
             f"From June {LONG.replace('shuttle', 'train')}.\n\n")
    text = TITLE + BODY + block + FOOTER
    for opening in ("In spring", "Since May", "From June"):
        assert role_of(text, opening, at_start=True) == "paragraph", opening


def test_notes_numbered_by_superscript_figures_are_list_items_and_their_return_marks_chrome():
    notes = ("Notes\n\n"
             "¹ Passenger counts from the harbour board for the winter of 2025.\n"
             "↩\n"
             "² Twelve interviews with ferry crews, March 2025.\n"
             "↩\n\n")
    text = TITLE + BODY + notes + FOOTER
    assert role_of(text, "¹ Passenger", at_start=True) == "list_item"
    assert role_of(text, "² Twelve", at_start=True) == "list_item"
    assert role_of(text, "↩") == "furniture"


def test_a_line_of_affiliations_marked_by_superscripts_stays_a_paragraph():
    text = (TITLE + "Ana Lima ¹, Tomas Berg ²\n\n"
            "¹ Harbour Institute, Saltmarsh; ² Coastal College, Port Ellen\n\n" + BODY + FOOTER)
    assert role_of(text, "¹ Harbour Institute", at_start=True) == "paragraph"


def test_a_readers_question_under_its_heading_is_no_caption():
    text = (TITLE + BODY + "Reader questions\n\n"
            "Q: Can I take a bicycle on the winter ferry to the outer islands? — Marta, by e-mail\n\n"
            "A: Yes, though the deck space is small, so book a place the day before.\n" + FOOTER)
    assert role_of(text, "Q: Can I", at_start=True) == "paragraph"


def test_a_speechs_place_and_date_under_its_title_is_no_caption():
    text = ("Opening address to the island councils' winter meeting\n\n"
            "Delivered by the Minister for Harbours and Coastal Affairs\n\n"
            "Port Ellen, Islay, Scotland  ·  14 February 2026\n\n" + BODY + FOOTER)
    assert role_of(text, "Port Ellen", at_start=True) == "paragraph"
