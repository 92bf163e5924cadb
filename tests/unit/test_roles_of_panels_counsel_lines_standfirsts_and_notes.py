"""Segment roles of the fifteenth round: a panel's members under its first one's part, a judgment's counsel lines
under its details box, a transcript's last turn with a note in brackets, a story's standfirst between its title and
its byline, a paper's authors and affiliations marked by letters in brackets, notes numbered by superscript figures
in one block, and a press release's label.

Every line here was written for these tests; none is taken from a gold page or a check set.
"""

from __future__ import annotations

from tests.unit.page_roles import BODY, FOOTER, TITLE, role_of


def test_a_panels_members_under_the_moderators_line_are_list_items():
    panel = ("Moderator: Ingrid Solvang, Coastline Radio\n"
             "Tomas Ekberg, marine biologist, University of Tromsø\n"
             "Aud Rekdal, harbour pilot, Vesterålen Pilots\n"
             "Sigurd Havnes, chair, Lofoten Fishers' Union\n\n")
    text = TITLE + BODY + panel + FOOTER
    for part in ("Moderator:", "Tomas Ekberg", "Sigurd Havnes"):
        assert role_of(text, part, at_start=True) == "list_item", part


def test_a_judgments_counsel_line_under_its_details_box_is_a_paragraph_not_a_caption():
    box = ("Court\tNorth Isles District Court\n"
           "Case no.\tNI-2026-044\n"
           "Decided\t3 March 2026\n\n"
           "For the claimant: Ana Lima, advocate (Lima & Berg, Kirkwall). For the respondent: Tomas Berg, in person.\n\n")
    text = TITLE + box + BODY + FOOTER
    assert role_of(text, "For the claimant") == "paragraph"


def test_a_transcripts_last_turn_with_a_note_in_brackets_is_no_caption():
    turns = ("HALVORSEN: The ferry is the island's road, and the road needs mending.\n\n"
             "MOEN: Last question, then?\n\n"
             "HALVORSEN: Come to the islands in June, when the light never ends. [laughter]\n\n")
    text = TITLE + BODY + turns + FOOTER
    assert role_of(text, "Come to the islands") == "paragraph"


def test_a_standfirst_between_the_title_and_the_byline_is_a_paragraph():
    top = ("Harbour board adds a winter crossing to the islands\n\n"
           "Islanders who were stranded every weekend last winter will get a second ferry, and the board wants the "
           "fares frozen until the spring\n\n"
           "By Ingrid Solvang\n\n")
    text = top + BODY + FOOTER
    assert role_of(text, "Harbour board adds") == "heading"
    assert role_of(text, "Islanders who were stranded") == "paragraph"


def test_a_papers_authors_and_affiliations_marked_by_letters_in_brackets_are_paragraphs():
    top = ("Tides and trade: ferry routes of the northern isles\n\n"
           "Ingrid Solvang (a), Tomas Ekberg (b), Daniel K. Rekdal (a)\n\n"
           "(a) Nord University, Bodø, Norway; (b) University of the Highlands and Islands, Kirkwall\n\n"
           "Received 4 May 2025 · Revised 2 August 2025 · Accepted 1 October 2025\n\n")
    text = top + BODY + FOOTER
    assert role_of(text, "Ingrid Solvang (a)") == "paragraph"
    assert role_of(text, "(a) Nord University") == "paragraph"
    assert role_of(text, "Received 4 May") == "paragraph"


def test_notes_numbered_by_superscript_figures_in_one_block_are_list_items():
    notes = ("¹ Figures from the harbour board's annual reports; see Annex C.\n"
             "² Interviews on the north quay, 2–6 June 2025.\n"
             "³ Letter of the fishers' union to the board, 14 May 2024.\n\n")
    text = TITLE + BODY + notes + FOOTER
    for part in ("¹ Figures", "² Interviews", "³ Letter"):
        assert role_of(text, part, at_start=True) == "list_item", part


def test_a_press_releases_label_is_no_heading():
    top = ("Winter crossing for the outer islands\n\n"
           "Press release · for immediate publication\n\n")
    text = top + BODY + FOOTER
    assert role_of(text, "Press release") != "heading"
