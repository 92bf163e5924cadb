"""Site chrome of the eleventh round: a public site's banner that it is an official one, a row of languages that
names some the word list does not know, a notice's dismiss button, a feedback question whose answers show their
counts, boxes of other titles headed "Also on ..." or "Read next in this issue", a contents box headed "Article
contents", a news wiki's tagline. Beside each, the content it must not take.

Every line here was written for these tests; none is taken from a gold page or a check set (but for the labels the
rules name, which sites share: "Check your understanding", "[ Accept all ]").
"""

from __future__ import annotations

import importlib

import pytest

from tests.unit.page_roles import BODY, FOOTER, TITLE, role_of

clean = importlib.import_module("workers.stages.clean")


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
    assert clean.chrome_at_edge("Dismiss this message") is not None
    assert clean.chrome_anywhere("Was this page helpful?   👍 Yes (120)   👎 No (7)") == "feedback widget"
    assert clean.chrome_anywhere("Was this page helpful?   Yes (12)   No (3)") == "feedback widget"
    # a question in the story with figures after it is the story's
    assert clean.chrome_anywhere("Was the crossing worth it? Most said yes (120 of 140).") is None


def test_boxes_of_other_titles_headed_also_on_or_read_next_are_chrome_between_paragraphs():
    for header in ("ALSO ON HARBOUR RADIO", "Also on Harbour Radio", "Read more in this issue"):
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


@pytest.mark.parametrize("line", [
    # a line that ends with an arrow is a link's words
    "Comments on this timetable are welcome until 30 May. Tell the board what you think →",
    "The Harbour Hour is paid for by listeners. Keep it sailing from £2 a month →",
    "All 86 sailing notices  ›",
    # affiliate-link notes and summaries for information only
    "Some links in this guide earn us a small commission when you book. It never decides what we list.",
    "This timetable contains affiliate links.",
    "This note was written by the tribunal's press office for information only and does not bind the tribunal.",
])
def test_link_lines_and_the_sites_notes_are_chrome_between_paragraphs(line):
    assert clean.chrome_anywhere(line) is not None
    assert role_of(TITLE + BODY + line + "\n\n" + BODY + FOOTER, line[:15]) == "furniture"


def test_an_arrow_or_a_commission_in_a_sentence_is_the_sentences():
    assert clean.chrome_anywhere("The route runs Holm → Sandvik → Kirkvaag and back twice a day.") is None
    assert clean.chrome_anywhere("The skipper earns a small commission on every ticket sold aboard.") is None


def test_the_lines_over_a_row_of_buttons_are_the_notice_they_answer():
    banner = ("We and our 12 partners keep small files on your device to count visits and remember your trips.\n"
              "You can take them all, refuse what you do not want, or decide later under Settings.\n"
              "[ Accept all ]   [ Necessary only ]   [ Let me choose ]\n\n")
    text = banner + TITLE + BODY + FOOTER
    for line in ("We and our 12", "You can take", "[ Accept all ]"):
        assert role_of(text, line) == "furniture", line
    # a paragraph of the page's own over a row of buttons, with more of it above, stays content
    para = ("The board asked islanders which crossing they wanted,\nand most chose the early one, at six,\n"
            "so that children reach the school on the main island\nbefore the bell, whatever the weather.\n"
            "[ Vote now ]   [ See results ]\n\n")
    text = TITLE + BODY + para + BODY + FOOTER
    assert role_of(text, "The board asked") != "furniture"


def test_the_line_under_a_breadcrumb_trail_is_the_pages_title_not_the_sites_name():
    text = ("HARBOUR RADIO\nListen live   Podcasts   Schedule   Support us   Sign in\nPodcasts  /  Tide Talk  /  Season 2\n"
            "Tide Talk, episode 14: the pier that moved twice\n▶ Play   00:00 / 38:10    ⤓ Download MP3 (31 MB)\n"
            "Follow Tide Talk in your podcast app  ·  RSS  ·  Episode notes\n\n" + BODY + FOOTER)
    assert role_of(text, "Tide Talk, episode 14") != "furniture"
    assert role_of(text, "HARBOUR RADIO") == "furniture"


def test_an_advertisements_label_in_a_row_with_its_small_print_labels_the_copy_under_it():
    ad = "GAMBLE RESPONSIBLY 18+  ·  Advertisement\nBack the Island Cup with better odds. Terms apply.\n\n"
    text = TITLE + BODY + ad + BODY + FOOTER
    assert role_of(text, "GAMBLE RESPONSIBLY") == "furniture"
    assert role_of(text, "Back the Island Cup") == "furniture"
    # a row of a results table that names an advertiser is no label
    assert clean._ad_label_row("Sponsor   Island Ferries Gazette and its readers in the outer isles") is False


def test_a_notice_with_its_close_button_and_a_count_of_new_posts_are_chrome():
    assert clean.chrome_anywhere("Reminder: the ferry survey closes on Friday at noon.   ✕") == "a notice with its close button"
    assert clean.chrome_anywhere("Discussion of this notice: 9 new posts") is not None
    assert clean.chrome_anywhere("12 comments") is not None
    # a sentence that counts posts is the page's
    assert clean.chrome_anywhere("The harbour board advertised 14 new posts for deckhands this winter.") is None


def test_comment_counts_commission_notes_and_summaries_that_bind_nobody_are_chrome():
    for line in ("Comments (14)", "Comments (3)   ·   Sign in to reply",
                 "We earn a small commission when you book a crossing through the links further down.",
                 "This summary was written by tribunal staff for the public. It forms no part of the tribunal's reasons."):
        assert clean.chrome_anywhere(line) is not None, line
    assert clean.chrome_anywhere("The skipper said the crew forms no part of the harbour board's plan.") is None


def test_three_lines_at_the_top_that_each_name_a_kind_of_the_sites_pages_are_its_menu():
    text = "Announcements\nSpeeches\nPublications\n\n" + TITLE + BODY + FOOTER
    for line in ("Announcements", "Speeches", "Publications"):
        assert role_of(text, line) == "furniture", line
    # three short lines of a title are the page's
    text = "The Outer Isles\nA Ferry Diary\nWinter 2025\n\n" + BODY + FOOTER
    assert role_of(text, "A Ferry Diary") != "furniture"


def test_course_prompts_running_headers_and_site_notes_are_chrome():
    for line in ("Check your understanding: which pier would you expect to flood first? Show answer",
                 "Harbour Studies 2025  >  Chapter 3  Ferries and the Outer Isles",
                 "IsleLearn   |   GEOG 210 Island Economies   |   Week 4",
                 "This transcript was produced by speech recognition and checked by an editor.",
                 "Information here is general; ask the harbour office before you sail."):
        assert clean.chrome_anywhere(line) is not None, line
    # a chapter's own heading, and a sentence about a chapter, are the page's
    for line in ("Chapter 3  |  Ferries and the Outer Isles", "Check the tide table before you sail to the outer isles."):
        assert clean.chrome_anywhere(line) is None, line


def test_a_field_with_a_button_in_round_brackets_is_a_form_and_its_prompt_is_chrome():
    box = "Get our ferry timetable: one e-mail, nothing else.\n[ you@example.com          ]   ( Send me the timetable )\n\n"
    text = TITLE + BODY + box + BODY + FOOTER
    assert role_of(text, "[ you@example.com") == "furniture"
    assert role_of(text, "Get our ferry timetable") == "furniture"
    # a remark in brackets in a sentence is no button
    assert not clean._form_controls("The pier ( rebuilt in 1998 ) is the oldest on the island.")


def test_a_tab_separated_table_row_with_a_figure_is_no_menu():
    assert not clean._is_spaced_menu("Anna Holm\tKirkvaag Rowers\t13")
    assert clean._is_spaced_menu("Home\tTimetables\tFares\tContact")



def test_a_printed_works_running_heads_are_chrome_where_their_title_comes_back():
    head = "RIVER CROSSINGS REVIEW 2026" + " " * 40 + "17"
    later = "4 · FERRY FARES" + " " * 30 + "RIVER CROSSINGS REVIEW 2026"
    text = head + "\n\n" + TITLE + BODY + later + "\n\n" + BODY + FOOTER
    assert role_of(text, "RIVER CROSSINGS REVIEW 2026" + " ") == "furniture"
    assert role_of(text, "4 · FERRY FARES") == "furniture"


def test_a_two_column_table_whose_cells_repeat_is_not_a_running_head():
    table = ("Crossing" + " " * 12 + "Ferry line\n"
             "North quay" + " " * 10 + "Island Ferries Gazette\n"
             "South quay" + " " * 10 + "Island Ferries Gazette\n")
    alone = "Night crossing" + " " * 10 + "Island Ferries Gazette"
    text = TITLE + BODY + table + "\n" + alone + "\n\n" + BODY + FOOTER
    assert role_of(text, "North quay") != "furniture"
    assert role_of(text, "Night crossing") != "furniture"


def test_a_feedback_bar_with_its_other_links_and_a_half_numbered_jump_row_are_chrome():
    text = ("Skip to: Summary · 1. Sailings · 2. Fares · Timetable\n\n" + TITLE + BODY
            + "Did you find what you needed?   ( Yes )   ( No )     Tell us about an error    ↑ Top of page\n" + FOOTER)
    assert role_of(text, "Skip to: Summary") == "furniture"
    assert role_of(text, "Did you find what you needed?") == "furniture"


def test_a_question_answered_in_the_text_is_not_a_feedback_bar():
    text = TITLE + BODY + "Will the winter crossing run at Christmas?   Yes   No sailing is planned for the holiday itself.\n\n" + BODY + FOOTER
    assert role_of(text, "Will the winter crossing") != "furniture"


def test_boxes_of_links_marked_by_arrows_or_ranks_between_paragraphs_are_chrome():
    arrows = "Recommended in this series\n› Why the night ferry stopped in 2019\n› Island fares compared, port by port\n\n"
    ranks = "POPULAR ON THE GAZETTE\n1  Pier repairs start in May\n2  The last ferry captain retires\n\n"
    text = TITLE + BODY + arrows + BODY + ranks + BODY + FOOTER
    for line in ("Recommended in this series", "› Why the night ferry", "POPULAR ON THE GAZETTE", "The last ferry captain"):
        assert role_of(text, line) == "furniture", line


def test_numbered_tips_under_the_pages_own_heading_are_not_a_box_of_links():
    tips = "Top tips for the crossing\n1  Book a cabin early\n2  Bring a warm layer for the deck\n\n"
    text = TITLE + BODY + tips + BODY + FOOTER
    assert role_of(text, "Book a cabin early") != "furniture"


@pytest.mark.parametrize("line", [
    "This ruling note was written by the Harbour Law editors for guidance only. It is not part of the ruling itself.",
    "This profile of a serving harbour master relies too much on sources close to its subject.",
    "Please help by adding independent, reliable sources. (May 2025)",
    "✎ Own reporting — this story contains first-hand reporting by a volunteer writer.",
    "Timestamps are approximate; listen again before you quote.",
    "This is the author's accepted manuscript; the version of record is on the publisher's site.",
    "Part 3 of 7 · about 12 minutes of reading",
    "You've read 60 % of this story · Keep going ↓",
    "Unless noted otherwise, words on this site may be reused under the usual terms.",
    "Photos from the launch may be republished free of charge with the credit shown.",
    "An interactive map appears here in the web edition of this chapter.",
    "Teacher's notes: the answer sheet and a slide deck are in the staff area.",
])
def test_site_notes_reading_progress_reuse_terms_and_placeholders_are_chrome(line):
    assert clean.chrome_anywhere(line) is not None


@pytest.mark.parametrize("line", [
    "The ferry is not part of the harbour board's plan for the winter.",
    "Please help the harbour board by reporting loose mooring lines.",
    "The old harbour photos may be republished, the museum said, once the archive is catalogued.",
    "The interactive museum opens in May on the north quay.",
    "Teachers said the new timetable suits the school run.",
])
def test_sentences_of_the_text_that_share_those_notes_words_are_not_chrome(line):
    assert clean.chrome_anywhere(line) is None


def test_a_notes_own_next_sentence_and_a_placeholders_heading_go_with_them():
    note = ("We earn a small commission when you book a cabin through some links here.\n"
            "It never changes which crossings we suggest.\n\n")
    quiz = "Test yourself\nAn interactive quiz appears here in the online edition.\n\n"
    text = TITLE + note + BODY + quiz + BODY + FOOTER
    for line in ("It never changes which crossings", "Test yourself"):
        assert role_of(text, line) == "furniture", line


def test_a_line_holding_a_word_longer_than_any_links_address_is_the_pages():
    # (and it is not run through the chrome patterns, which took seconds on a 100 KB run of brackets)
    line = "Privacy | Terms | Contact | " + "x" * (clean.CHROME_WORD_CHARS + 1)
    assert clean.chrome_anywhere(line) is None and clean.chrome_at_edge(line) is None
    assert clean.chrome_anywhere("Privacy | Terms | Contact | " + "x" * 40) is not None
