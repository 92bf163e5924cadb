"""Site chrome of the eleventh round: a public site's banner that it is an official one, a row of languages that
names some the word list does not know, a notice's dismiss button, a feedback question whose answers show their
counts, boxes of other titles headed "Also on ..." or "Read next in this issue", a contents box headed "Article
contents", a news wiki's tagline. Beside each, the content it must not take.

Every line here was written for these tests; none is taken from a gold page or a check set.
"""

from __future__ import annotations

import importlib

from tests.unit.page_roles import role_of

clean = importlib.import_module("workers.stages.clean")

TITLE = "Harbour board adds a winter crossing to the outer islands\n\n"
BODY = (
    "The harbour board said on Monday that a second ferry would sail to the outer islands twice a week from "
    "November, after islanders asked for a crossing that did not leave them stranded for the weekend.\n\n"
    "The board will review the timetable in March, when the spring sailings begin again.\n\n"
)
FOOTER = "\n\nPrivacy | Terms | Contact\n© 2026 Island Ferries Gazette\n"


def test_an_official_sites_banner_and_its_language_row_are_chrome_at_the_top():
    top = ("Skip to main content\n"
           "Official web portal of the Government of the Outer Isles. Real pages carry the gull crest at top right.\n"
           "Español   English   Quechua   Aymara   Guaraní\n"
           "MINISTRY OF PORTS AND FERRIES\n"
           "Home | The Ministry | Services | Newsroom | Contact\n\n")
    text = top + TITLE + BODY + FOOTER
    for line in ("Official web portal", "Español", "MINISTRY OF PORTS"):
        assert role_of(text, line) == "furniture", line
    assert role_of(text, "Harbour board adds") != "furniture"


def test_a_sentence_about_an_official_site_in_the_story_stays_content():
    line = "The official website of the harbour board was down for most of Monday, the board said."
    assert role_of(TITLE + BODY + line + "\n\n" + BODY + FOOTER, line[:20]) != "furniture"


def test_a_row_of_languages_needs_most_of_them_known():
    assert clean._language_switch("Español   English   Quechua   Aymara   Guaraní")
    # two known of four, or a name of several words, is no language row
    assert not clean._language_switch("English   Français   Harbour   Ferries")
    assert not clean._language_switch("Español   English   Deutsch   Ferry timetables")


def test_a_notices_dismiss_button_and_a_feedback_question_with_counts_are_chrome():
    assert clean.chrome_at_edge("Dismiss this notice") is not None
    assert clean.chrome_anywhere("Was this page helpful?   👍 Yes (120)   👎 No (7)") == "feedback widget"
    assert clean.chrome_anywhere("Was this page helpful?   Yes (12)   No (3)") == "feedback widget"
    # a question in the story with figures after it is the story's
    assert clean.chrome_anywhere("Was the crossing worth it? Most said yes (120 of 140).") is None


def test_boxes_of_other_titles_headed_also_on_or_read_next_are_chrome_between_paragraphs():
    for header in ("ALSO ON HARBOUR RADIO", "Also on Harbour Radio", "Read next in this issue"):
        box = header + "\nEp. 12  The pier that moved twice\nEp. 11  Night shifts on the dredger\n\n"
        text = TITLE + BODY + box + BODY + FOOTER
        for line in (header, "Ep. 12", "Ep. 11"):
            assert role_of(text, line) == "furniture", (header, line)


def test_an_article_contents_heading_over_its_numbered_row_is_chrome():
    box = "Article contents\nAbstract  ·  1 Introduction  ·  2 Methods  ·  3 Results  ·  References\n\n"
    text = TITLE + box + BODY + FOOTER
    assert role_of(text, "Article contents") == "furniture"


def test_a_news_wikis_tagline_is_chrome():
    line = "From Harbourwire, the citizen newsroom anyone can write for"
    assert clean.chrome_anywhere(line) == "the wiki's tagline"
    assert clean.chrome_anywhere("From Monday, the harbour office opens at eight") is None
