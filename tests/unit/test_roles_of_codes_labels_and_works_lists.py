"""Segment roles of the twelfth round: items by their code ("R2.1 ..."), a press release's label, a release's issuer
and a judgment's counsel as fields, authors with affiliation marks, lists of works under their heading, and a field
under a heading that is no caption.

Every line here was written for these tests; none is taken from a gold page or a check set.
"""

from __future__ import annotations

from tests.unit.page_roles import role_of

TITLE = "Harbour board adds a winter crossing to the outer islands\n\n"
BODY = (
    "The harbour board said on Monday that a second ferry would sail to the outer islands twice a week from "
    "November, after islanders asked for a crossing that did not leave them stranded for the weekend.\n\n"
)
CODED = ("R2.1 Keep a second ferry on the northern route through the winter months, as the islanders asked\n"
         "R2.2 Publish the timetable a month before each season begins\n"
         "R2.3 Review the fares with the island councils every spring\n")


def test_lines_that_each_open_on_a_code_of_the_same_letters_are_list_items():
    text = TITLE + BODY + "Recommendations\n\n" + CODED + "\n" + BODY
    for line in ("R2.1 Keep", "R2.2 Publish", "R2.3 Review"):
        assert role_of(text, line) == "list_item", line


def test_coded_lines_each_a_block_of_its_own_are_list_items_too():
    text = TITLE + BODY + "Recommendations\n\n" + CODED.replace("\n", "\n\n") + BODY
    assert role_of(text, "R2.2 Publish") == "list_item"


def test_a_lone_line_that_opens_on_a_road_number_is_a_paragraph():
    text = TITLE + BODY + "A9 traffic was slow on Monday morning after a lorry broke down near the harbour junction.\n\n" + BODY
    assert role_of(text, "A9 traffic") == "paragraph"


def test_a_press_releases_label_in_capitals_is_no_heading():
    text = TITLE + "MEDIA RELEASE — FOR IMMEDIATE RELEASE\n\n" + BODY + BODY
    assert role_of(text, "MEDIA RELEASE") != "heading"


def test_a_releases_issuer_and_a_judgments_counsel_are_fields_not_headings():
    text = (TITLE + BODY + "Issued by: Press Office, Harbour Board of the Outer Islands\n\n"
            + "Counsel: Ana Lima of Quay Chambers for the appellant; Tom Berg of Pier Lane Law for the board\n\n" + BODY)
    assert role_of(text, "Issued by") != "heading"
    assert role_of(text, "Counsel:") not in ("heading", "caption")


def test_authors_with_affiliation_marks_are_a_byline_not_a_heading():
    text = TITLE + "Marta Kowalczyk ¹, Joseph Mensah ², Ingrid Halvorsen ¹\n\n" + BODY + BODY
    assert role_of(text, "Marta Kowalczyk") == "paragraph"


def test_works_one_to_a_line_under_a_discography_heading_are_list_items():
    works = ("Discography\n\n"
             "Songs of the North Quay (Gull Records, 1994)\n"
             "Net Menders, with the Pier Singers (Gull Records, 2001)\n"
             "Winter Crossings (self-released, 2018)\n\n")
    text = TITLE + BODY + works + BODY
    for line in ("Songs of the North Quay", "Net Menders", "Winter Crossings"):
        assert role_of(text, line) == "list_item", line


def test_a_contact_field_under_a_heading_is_no_caption():
    text = TITLE + BODY + "Notes to editors\n\nMedia contact: Ana Lima, press officer, +1 555 0100\n\n" + BODY
    assert role_of(text, "Media contact") != "caption"
