"""Site chrome inside a page, between its edges: boxes of related links, an advertisement's note, links to the pages
before and after, a feedback question with drawn buttons, "Date modified", a contents box with its toggle.

Every line here was written for these tests; none is taken from a gold page or a check set.
"""

from __future__ import annotations

from tests.unit.page_roles import role_of

TITLE = "Harbour ferry to run through the winter\n\n"
BODY = (
    "The council agreed on Tuesday to keep the harbour ferry running from November to March for the first time.\n\n"
    "Crews will work shorter shifts, and the last crossing of the day will leave the north quay at six.\n\n"
)
FOOTER = "\n\nPrivacy | Cookies | Accessibility\n© 2025 Harbourton Council\n"


def test_a_box_of_related_links_inside_the_page_is_chrome():
    text = TITLE + BODY + "Most read\n1. Tide tables for the new year\n2. Why the old pier is closing\n\n" + BODY + FOOTER
    assert role_of(text, "Most read") == "furniture"
    assert role_of(text, "Why the old pier") == "furniture"


def test_a_list_of_the_pages_own_points_under_a_plain_heading_stays_content():
    text = TITLE + BODY + "What changes\n• Later sailings on Fridays\n• A new stop at the marina\n\n" + BODY + FOOTER
    assert role_of(text, "Later sailings") != "furniture"


def test_the_note_under_an_advertisements_label_is_chrome():
    text = TITLE + BODY + "ADVERTISEMENT\nContinue reading below\n\n" + BODY + FOOTER
    assert role_of(text, "Continue reading below") == "furniture"


def test_links_to_the_pages_before_and_after_are_chrome():
    text = TITLE + BODY + "Previous: 4.1 Tides and currents          Next: 4.3 Harbour law\n\n" + BODY + FOOTER
    assert role_of(text, "Previous: 4.1") == "furniture"
    text = TITLE + BODY + "◀ 3. Fishing          Contents          5. Shipping ▶\n\n" + BODY + FOOTER
    assert role_of(text, "3. Fishing") == "furniture"


def test_a_feedback_question_with_drawn_buttons_is_chrome():
    text = TITLE + BODY + "Was this article helpful?     👍 Yes     👎 No\n\n" + BODY + FOOTER
    assert role_of(text, "Was this article helpful?") == "furniture"


def test_a_date_modified_line_is_chrome():
    text = TITLE + BODY + BODY + "Date modified: 2025-03-04\n" + FOOTER
    assert role_of(text, "Date modified") == "furniture"


def test_a_contents_box_with_its_toggle_is_chrome():
    text = TITLE + "Contents [hide]\n1 Early years\n2 The crossing\n3 Later life\n\n" + BODY + BODY + FOOTER
    assert role_of(text, "2 The crossing") == "furniture"
