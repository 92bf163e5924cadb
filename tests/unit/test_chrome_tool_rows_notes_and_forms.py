"""Site chrome of the tenth round: rows of a page's tools anywhere on the page (a search box beside them too), trails
from the site's home page, boxes of headlines under headers that name their readers or a week ("People also read",
"Popular this week", "Top stories"), an advertisement's copy under its label, a booking form's heading and note,
and what sites say to readers (feedback, alerts, "speech as prepared", original-reporting notes, wiki banners that
ask for help, sign-in-required notes). Beside each, the content it must not take.

Every line here was written for these tests; none is taken from a gold page or a check set.
"""

from __future__ import annotations

import importlib

from tests.unit.page_roles import role_of

clean = importlib.import_module("workers.stages.clean")

TITLE = "Ferry operators add a winter crossing to the outer islands\n\n"
BODY = (
    "The harbour board said on Monday that a second ferry would sail to the outer islands twice a week from "
    "November, after islanders asked for a crossing that did not leave them stranded for the weekend.\n\n"
    "The board will review the timetable in March, when the spring sailings begin again.\n\n"
)
FOOTER = "\n\nPrivacy | Terms | Contact\n© 2026 Island Ferries Gazette\n"


def test_a_row_of_the_pages_tools_is_chrome_anywhere_on_the_page():
    for row in ("Download timetable (PDF, 2 pages) · Print this page · Cite as IFG 2026/14",
                "Download PDF   Cite   Share   Metrics: 812 views · 3 citations",
                "Share this notice   Mastodon   Email   Download PDF (90 KB)",
                "Highlight   Add note   Print section   Read aloud",
                "‹ Back to notices      Search sailings, ports or dates"):
        assert clean.chrome_anywhere(row) == "row of the page's tools", row
        text = TITLE + BODY + row + "\n\n" + BODY + FOOTER
        assert role_of(text, row[:9]) == "furniture", row


def test_a_row_of_words_that_are_not_tools_stays_content():
    for line in ("Search and rescue   Harbour works   Timetables",  # one tool word in three
                 "Ports: Kirkvaag · Holm · Sandvik",
                 "Share prices fell. Print runs were cut.",
                 "Download speeds   12 Mbit/s   40 Mbit/s   95 Mbit/s"):
        assert clean._tool_row(line) is False, line


def test_a_trail_from_the_home_page_is_chrome_in_the_middle_of_the_page():
    trail = "Home › Notices › Sailings"
    assert clean.chrome_anywhere(trail) == "breadcrumb trail"
    text = TITLE + BODY + trail + "\n\n" + BODY + FOOTER
    assert role_of(text, trail) == "furniture"
    # a path of menus in a how-to is the page's own words
    assert clean.chrome_anywhere("Settings > Sailings > Alerts") is None


def test_boxes_of_headlines_named_by_their_readers_or_their_week_are_chrome():
    for header in ("People also read", "Popular This Week", "Most viewed", "Top stories", "Explore More Guides"):
        box = (header + "\nHarbour crane to be replaced next spring\nIs the night ferry coming back?\n"
               "Island school wins a rowing trophy\n\n")
        text = TITLE + BODY + box + BODY + FOOTER
        assert role_of(text, header) == "furniture", header
        assert role_of(text, "Is the night ferry") == "furniture", header


def test_a_heading_of_the_pages_own_points_with_such_a_word_stays_content():
    text = TITLE + BODY + "Top priorities\nThe board will dredge the north quay.\nFares stay the same.\n\n" + BODY + FOOTER
    assert role_of(text, "Fares stay the same") != "furniture"


def test_an_advertisements_copy_under_its_label_is_chrome():
    text = TITLE + BODY + "Sponsored\nWaterproof deck jackets for island winters, delivered free to every port.\n\n" + BODY + FOOTER
    assert role_of(text, "Waterproof deck jackets") == "furniture"
    # a paragraph of the page under the label, with more of the page in its block, is no advertisement's copy
    text = (TITLE + BODY + "Sponsored\nThe crossing is sponsored by the island council this winter.\n"
            "The council pays for the fuel and the crew.\n\n" + BODY + FOOTER)
    assert role_of(text, "The crossing is sponsored") != "furniture"


def test_a_booking_forms_heading_and_note_are_chrome():
    form = "Book a crossing to the islands\nDepart ▢   Return ▢   Passengers: 1 adult ▾   [ Search ]\nFares from our partners, updated daily\n\n"
    text = TITLE + BODY + form + BODY + FOOTER
    assert role_of(text, "Book a crossing") == "furniture"
    assert role_of(text, "Fares from our partners") == "furniture"


def test_what_a_site_says_to_its_reader_this_round_is_chrome():
    for line, why in (
            ("Give feedback on this page", "the site's feedback prompt"),
            ("Spotted an error in this notice? Tell us", "the site's feedback prompt"),
            ("Get an email when this timetable changes", "the site's alerts"),
            ("Notify me when sailings resume", "the site's alerts"),
            ("Have your say", "the site's call to comment"),
            ("Share your thoughts on this story in the comments.", "the site's call to comment"),
            ("Remarks as prepared. The spoken version may differ.", "the site's editorial note"),
            ("This story contains original reporting by a Gazette volunteer.", "the site's editorial note"),
            ("Story continues after this message", "the advertisement's note"),
            ("Crew notes are in the Skippers' area (sign-in required).", "the site's login prompt")):
        assert clean.chrome_anywhere(line) == why, line
    banner = "This article cites too few sources. You can help by adding reliable references."
    assert clean.chrome_anywhere(banner) == "the wiki's maintenance banner"


def test_prose_about_feedback_alerts_and_speeches_stays_content():
    for line in ("Islanders gave the board their feedback at a meeting in the school hall.",
                 "The coastguard sends an alert when the wind rises above force eight.",
                 "The minister's speech, as prepared, ran to twelve pages.",
                 "You can help the lifeboat crew by keeping the slipway clear."):
        assert clean.chrome_anywhere(line) is None, line


def test_a_contents_box_headed_as_the_articles_outline_is_chrome():
    outline = "Article outline\nAbstract\n1. Background\n2. Sailings and fares\n3. Findings\nReferences\n\n"
    text = TITLE + "Abstract\n\n" + BODY + outline + "1. Background\n\n" + BODY + FOOTER
    assert role_of(text, "Article outline") == "furniture"
    assert role_of(text, "2. Sailings and fares") == "furniture"


def test_more_of_what_sites_print_around_a_page_is_chrome():
    for line, why in (
            ("You have 1 of 4 free full reports left this week.", "the site's paywall"),
            ("Try Harbour Notes Plus free for 14 days →", "the site's paywall"),
            ("Anything missing from this timetable? Tell the editors.", "the site's feedback prompt"),
            ("Main article: Outer Islands Ferry Company", "the wiki's link to another article"),
            ("Chart 2 opens in a new window   ·   Download chart (PNG, 80 KB)", "link that opens a new window"),
            ("Tutors: a worksheet for this unit is in the staff area.", "the site's note to teachers"),
            ("The sailing data behind Chart 2 can be downloaded as a table (CSV, 9 KB).", "link to a file"),
            ("ISLAND FERRIES ANNUAL REVIEW  ·  2026                       page 7 / 40", "page counter"),
            ("Sailings  ›  Outer Islands  ›  Winter 2026", "breadcrumb trail"),
            ("Our editors prepared this transcript from the recording.", "the site's editorial note")):
        assert clean.chrome_anywhere(line) == why, line
    assert clean.chrome_at_edge("Published under Creative Commons Attribution 4.0 unless noted") == "licence or source notice"
    assert clean.chrome_at_edge("A page from Islandpedia, the reference work its readers keep") == "the wiki's tagline"


def test_look_alikes_of_those_notices_stay_content():
    for line in ("Further information: the harbour master, on 01234 567890.",
                 "Written by Ana Holm  ·  Checked by Per Vik  ·  Last reviewed 2 March 2026",
                 "Tutors from the college sailed with the crew in March.",
                 "The ferry leaves at 07:40 and the crossing takes two hours, page 3 of the timetable says."):
        assert clean.chrome_anywhere(line) in (None, "last-updated line"), line
    assert clean.chrome_anywhere("Written by Ana Holm  ·  Checked by Per Vik  ·  Notes") is None


def test_a_contents_heading_over_a_row_of_numbered_entries_is_chrome():
    outline = "In this guide\n1. Before you sail   2. Tickets   3. Tips   4. Comments (2)\n\n"
    text = TITLE + outline + BODY + FOOTER
    assert role_of(text, "In this guide") == "furniture"
    assert role_of(text, "Before you sail") == "furniture"


def test_the_rest_of_a_chrome_lines_sentence_on_the_next_line_is_chrome():
    banner = ("Much of this article rests on one harbour report. You can help by adding\n"
              "other sources and removing what none of them support.\n\n")
    text = TITLE + banner + BODY + FOOTER
    assert role_of(text, "other sources and removing") == "furniture"
    # a paragraph's own wrapped lines under a line of the page stay the page's
    assert role_of(text, "The board will review") == "paragraph"


def test_a_public_bodys_name_between_the_sites_menus_is_chrome_and_a_title_is_not():
    top = ("Skip to content\nEnglish | Français | Kreyòl\n\n"
           "MINISTRY OF HARBOURS AND COASTAL SHIPPING\nDirectorate of Ferries\n"
           "About us | Ferries | Ports | Notices | Contact\n\n")
    text = top + TITLE + BODY + FOOTER
    assert role_of(text, "MINISTRY OF HARBOURS") == "furniture"
    assert role_of(text, "Directorate of Ferries") == "furniture"
    # a title in title case between the menu and the page's tools names no body
    title = "Skip to content\nEnglish | Français | Kreyòl\n\nFerry Operators Add A Winter Crossing\n\nShare   Print   Email\n"
    lines = [ln for ln in clean.split_lines(title) if not ln.blank]
    found = {0: "skip link", 1: "language switch", 3: "share bar"}
    clean._name_between_menus(lines, found)
    assert 2 not in found
    found = {0: "skip link", 1: "language switch", 3: "share bar"}
    named = title.replace("Ferry Operators Add A Winter Crossing", "Office of the Harbour Commissioner")
    clean._name_between_menus([ln for ln in clean.split_lines(named) if not ln.blank], found)
    assert 2 in found


def test_a_box_of_headlines_with_its_all_link_a_disclaimer_and_an_apps_promotion_are_chrome():
    box = ("RELATED NOTICES AND STATEMENTS\nWinter timetable for the northern crossings\n"
           "Statement on the closure of the old ferry slip\nAll notices ›\n\n")
    text = TITLE + BODY + box + BODY + FOOTER
    assert role_of(text, "RELATED NOTICES") == "furniture" and role_of(text, "All notices") == "furniture"
    for line, why in (("This guide is general information, not legal or financial advice.", "the site's disclaimer"),
                      ("Follow every sailing live on the Harbour Watch app.", "the site's app"),
                      ("Open in new tab | Download chart", "link that opens a new window"),
                      ("This story features first-hand journalism by Gazette volunteers.", "the site's editorial note")):
        assert clean.chrome_anywhere(line) == why, line
    for line in ("The board said the advice was not legal, only practical.", "Islanders follow the sailings closely."):
        assert clean.chrome_anywhere(line) is None, line
