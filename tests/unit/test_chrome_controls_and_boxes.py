"""Site chrome drawn or laid out as a web page draws it: rows of controls with symbols, forms written out with their
fields in spaced brackets, boxes of other pages' headlines under a header of their own, a footer row that carries
the copyright notice, a site's name with its account links far apart on one line, revision and licence notices,
and a contents heading over its links. Beside each, the content it must not take.

Every line here was written for these tests; none is taken from a gold page or a check set.
"""

from __future__ import annotations

import importlib

from tests.unit.page_roles import page_roles, role_of

clean = importlib.import_module("workers.stages.clean")

TITLE = "Ferry timetable changes for the winter\n\n"
BODY = (
    "The island's ferry will sail twice a day from November, the operator said on Monday, after a year of delays.\n\n"
    "Islanders asked for an earlier crossing on weekdays, and the first boat will now leave the pier at seven.\n\n"
)
FOOTER = "\n\nPrivacy | Cookies | Accessibility\n© 2025 Isles Courier\n"


def test_a_row_of_controls_drawn_with_symbols_is_chrome_anywhere():
    for row in ("♡ Save to my list     ⇪ Share", "A−   A+   ☾ Dark mode", "⬇ Download map (PDF, 2 MB)     ✉ Send to a friend",
                "HOME   ABOUT ▾   SERVICES ▾   CONTACT"):
        assert clean.chrome_anywhere(row) == "row of controls drawn with symbols", row
        text = TITLE + BODY + row + "\n\n" + BODY + FOOTER
        assert role_of(text, row.split()[1]) == "furniture", row


def test_a_table_row_with_arrows_and_figures_is_no_row_of_controls():
    assert clean.chrome_anywhere("Fares   ▲ 2.50   ▼ 1.75") is None
    assert clean.chrome_anywhere("Island ferry ▲ up 4%   Coastal bus ▼ down 2%") is None
    assert clean.chrome_anywhere("⚠ Check the sailing times before you leave home.   ⚠ Bring cash for the fare.") is None


def test_a_form_written_out_with_its_fields_and_buttons_is_chrome():
    assert clean.chrome_anywhere("Depart [ dd/mm ]   Return [ dd/mm ]   [ Find sailings ]") == "form fields and buttons"
    assert clean.chrome_anywhere("Search the timetable …   [ Search ]") == "form fields and buttons"
    assert clean.chrome_anywhere("Help us keep the Courier free to read.   [ Give ]   [ Not now ]   ✕") == "form fields and buttons"


def test_citations_in_brackets_are_no_form():
    assert clean.chrome_anywhere("Crossings fell by a third in the storm year [Mackay 2019].") is None
    assert clean.chrome_anywhere("See the timetable [3] and the fares [4].") is None


def test_a_short_heading_over_a_form_in_its_own_block_is_the_forms_heading():
    text = TITLE + BODY + "BOOK YOUR CROSSING\nDepart [ dd/mm ]   Passengers [ 2 ]   [ Search ]\n\n" + BODY + FOOTER
    assert role_of(text, "BOOK YOUR CROSSING") == "furniture"


def test_a_wikis_edit_link_under_each_section_heading_leaves_the_heading_a_heading():
    sections = ("Timetable history", "The winter crossing", "Fares")
    text = TITLE + "".join(f"{h}\n[ edit ]\n\n" + BODY for h in sections) + FOOTER
    roles = page_roles(text)
    for h in sections:
        assert (("heading", h)) in roles, h
    assert roles.count(("furniture", "[ edit ]")) == len(sections)


def test_a_box_of_other_pages_under_a_header_of_what_it_lists_is_chrome():
    for header in ("RECENT PRESS RELEASES", "You may have missed", "More from Orkney", "Related speeches"):
        text = (TITLE + BODY + BODY + header + "\n– Council opens a new library in the old school\n"
                "– Harbour dues to rise from April next year\n– Ferry crew honoured for a winter rescue\n" + FOOTER)
        assert role_of(text, header) == "furniture", header
        assert role_of(text, "Harbour dues to rise") == "furniture", header


def test_a_list_of_the_pages_own_points_under_a_heading_of_its_subject_stays_content():
    text = (TITLE + BODY + BODY + "Recent changes to the timetable\n– Sailings leave ten minutes earlier on Sundays\n"
            "– The late boat stops at the north pier\n– Cars must check in half an hour ahead\n" + FOOTER)
    assert role_of(text, "The late boat stops") != "furniture"


def test_a_footer_row_holding_the_copyright_notice_is_chrome():
    row = "Isles Courier · 4 Pier Road, Kirkwall · Tel. 01856 555 010 · © Isles Courier Ltd"
    assert clean.chrome_at_edge(row) == "copyright line"
    assert role_of(TITLE + BODY + BODY + row + "\n", "4 Pier Road") == "furniture"


def test_a_sites_name_with_its_account_links_far_apart_is_chrome():
    line = "ISLES COURIER · News for the northern isles          Log in  |  Register  |  Subscribe"
    assert clean.chrome_at_edge(line) == "site name with its account links"


def test_notices_of_revision_and_licence_are_chrome():
    line = "This article was last revised on 4 March 2025. Text is shared under CC BY-SA 4.0 unless otherwise noted."
    # (its licence, "... is shared under CC BY-SA", says so for the whole line since session 44; before, its two
    # notices one by one did)
    assert clean.chrome_at_edge(line) in ("notices of the site", "licence or source notice")
    assert clean.chrome_at_edge("This article was last revised on 4 March 2025.") is not None


def test_a_contents_heading_over_its_links_written_as_a_row_is_chrome():
    text = TITLE + BODY + "In this guide\nGetting there · Fares · Timetable · Accessibility\n\n" + BODY + FOOTER
    assert role_of(text, "In this guide") == "furniture"


def test_a_third_list_item_lettered_c_is_no_copyright_notice():
    text = TITLE + BODY + "The council must decide:\n(a) the fares;\n(b) the timetable; and\n(c) What the crews are paid.\n\n" + BODY + FOOTER
    assert role_of(text, "(c) What the crews") != "furniture"
    assert clean.chrome_anywhere("(c) 2025 Isles Courier") == "copyright line"
    assert clean.chrome_anywhere("(c) Isles Courier Ltd") == "copyright line"


def test_the_page_title_alone_between_its_trail_and_its_tools_stays_content():
    text = ("ISLEWALKS\nWalks   Maps   Shop   Sign in\nScotland / Orkney / Hoy\nHoy\n♡ Save to my list     ⇪ Share\n\n"
            "Hoy is the hilliest island of Orkney, and Hoy's ferry leaves from Stromness twice a day.\n\n"
            "Walkers on Hoy should carry water, for Hoy has no shop beyond the pier.\n" + FOOTER)
    assert role_of(text, "Hoy", at_start=True) != "furniture"


def test_an_advertisement_with_its_label_on_one_line_is_chrome_anywhere():
    assert clean.chrome_anywhere("SPONSORED  ·  Warm jackets for the crossing, now 15% off  ›") == "advertisement"
    assert clean.chrome_anywhere("Sponsored by the Harbour Trust, the regatta raised £4,000 for the lifeboat.") is None


def test_a_wikis_redirect_note_is_chrome_and_the_title_over_it_stays():
    text = ("ISLEPEDIA\nArticle   Talk   Read   Edit   View history\nMorag Isbister\n(Redirected from Morag Flett)\n\n"
            "Morag Isbister (born 1961) is an Orkney ferry captain and writer.\n\n"
            "Isbister first sailed the northern isles route in 1984.\n" + FOOTER)
    assert role_of(text, "(Redirected from") == "furniture"
    assert role_of(text, "Morag Isbister", at_start=True) != "furniture"


def test_a_table_of_contents_written_on_one_line_is_chrome():
    assert clean.chrome_anywhere("Contents: 1 Early life · 2 At sea · 3 Writing · 4 References") == "table of contents"
    assert clean.chrome_anywhere("Contents: two boxes of charts and a logbook from 1930") is None


def test_one_link_under_its_label_on_one_line_is_chrome_anywhere():
    assert clean.chrome_anywhere("READ NEXT   The last ferry of the winter  →") == "link to another page"
    assert clean.chrome_anywhere("Related: Harbour dues to rise from April") == "link to another page"
    assert clean.chrome_anywhere("Next steps: the council votes on the fares in May.") is None


def test_a_call_to_share_with_the_sites_tag_is_chrome_anywhere():
    assert clean.chrome_anywhere("Sailed with us? Share your photos with #islesferry") == "the site's call to share"
    assert clean.chrome_anywhere("The hashtag #islesferry trended after the rescue, and crews were thanked.") is None


def test_notes_of_the_site_at_the_edge_are_chrome():
    assert clean.chrome_at_edge("GOV.ISLES") == "the site's name, written as its address"
    assert clean.chrome_at_edge("Kirkwall.") is None
    assert clean.chrome_at_edge("This article is archived and can no longer be edited.") == "the site's editorial note"
    assert clean.chrome_at_edge("This summary was prepared by the editors of Isles Law and is not part of the ruling.") \
        == "the site's editorial note"
    assert clean.chrome_at_edge("This report was prepared by the harbour master after the storm.") is None


def test_a_paywalls_count_with_its_button_is_chrome_at_the_edge():
    line = "You have read 3 of your 5 free stories this month.   Subscribe for full access »"
    assert clean.chrome_at_edge(line) == "the site's paywall"
    assert clean.chrome_at_edge("Ferries   You can book a seat on the morning boat") is None


def test_a_block_of_links_one_to_a_line_at_the_top_is_chrome_and_the_title_under_it_stays():
    text = ("Isles Open Journals\nBrowse journals\nSubmit a paper\nAbout\nSearch\n"
            "Ferry timetables and island life: a study of three crossings\n"
            "The island's ferry will sail twice a day from November, the operator said on Monday, after a year of delays.\n\n"
            + BODY + FOOTER)
    assert role_of(text, "Submit a paper") == "furniture"
    assert role_of(text, "Ferry timetables and island life") != "furniture"


def test_a_block_of_short_lines_without_controls_at_the_top_stays_content():
    text = "Harbour Trust\nAnnual report\nYear to March 2025\nPresented to members\n\n" + BODY + FOOTER
    assert role_of(text, "Presented to members") != "furniture"


def test_a_feedback_question_with_its_answers_on_lines_of_their_own_is_chrome():
    text = TITLE + BODY + BODY + "Was this section helpful?\nYes\nNo\n\n" + BODY + FOOTER
    assert role_of(text, "Was this section helpful?") == "furniture"
    assert clean.chrome_anywhere("Was the crossing rough?") is None


def test_links_to_the_sections_before_and_after_on_lines_of_their_own_are_chrome():
    assert clean.chrome_anywhere("‹ Previous: 4.2 Tides and currents") == "link to the page before or after"
    assert clean.chrome_anywhere("Next: 4.4 Harbour law ›") is not None
    assert clean.chrome_anywhere("Next: the council votes on the fares.") is None


def test_what_the_site_says_to_its_reader_about_itself_is_chrome_anywhere():
    assert clean.chrome_anywhere("You have 2 free stories left this month. Subscribe for unlimited access.") == "the site's paywall"
    assert clean.chrome_anywhere("Sign up to get our weekly ferry notes in your inbox.") == "the site's newsletter box"
    assert clean.chrome_anywhere("Get sailing times on your phone. Download the Isles Courier app.") == "the site's app"
    assert clean.chrome_anywhere("This guide contains affiliate links. We may earn a small commission.") == "the site's affiliate note"
    assert clean.chrome_anywhere("12 March 2025 · 4 min read") == "the page's reading time"
    assert clean.chrome_anywhere("Cited by 3 · 410 views") == "the page's citation counts"


def test_sentences_about_subscriptions_and_apps_in_the_text_stay_content():
    assert clean.chrome_anywhere("The council will subscribe to the ferry company's new freight service next year.") is None
    assert clean.chrome_anywhere("The operator said its booking app would be replaced by a website in the spring.") is None
    assert clean.chrome_anywhere("By Morag Isbister · 3 March 2025 · 4 min read") is None
    assert clean.chrome_anywhere("Morag Isbister | 3 March 2025 | 4 min read") is None


def test_a_newsletter_box_takes_its_heading_and_fields():
    text = (TITLE + BODY + "Ferry news by email\nSign up to get our weekly ferry notes in your inbox.\nEmail address\nSubscribe\n\n"
            + BODY + FOOTER)
    assert role_of(text, "Ferry news by email") == "furniture"
    assert role_of(text, "Email address") == "furniture"


def test_an_about_the_author_box_is_chrome():
    text = (TITLE + BODY + BODY + "About the author\nMorag Isbister writes on the islands for the Courier.\n\n" + BODY + FOOTER)
    assert role_of(text, "Morag Isbister writes") == "furniture"


def test_a_box_of_picks_with_its_share_line_is_chrome():
    text = (TITLE + BODY + "Editor's picks\nThe last lighthouse keeper of the north isles\nTen walks on Hoy for a wet day\n"
            "Share this: Facebook · X · Email\n\n" + BODY + FOOTER)
    assert role_of(text, "Ten walks on Hoy") == "furniture"


def test_past_the_lines_the_edge_model_takes_the_rules_find_the_cookie_notice():
    text = (TITLE + BODY + BODY + "Privacy · Terms · Accessibility\n"
            "We use cookies to count visits and to remember your choices. You can change them at any time.\n"
            "Accept all cookies\nNecessary cookies only\n")
    assert role_of(text, "We use cookies") == "furniture"


def test_a_block_whose_lines_come_back_as_the_pages_headings_is_its_contents():
    text = (TITLE + "Article menu\nAbstract\n1. Crossings\n2. Fares\n\nAbstract\n\n" + BODY + "1. Crossings\n\n" + BODY
            + "2. Fares\n\n" + BODY + FOOTER)
    assert role_of(text, "Article menu") == "furniture"
    assert role_of(text, "2. Fares", at_start=True) == "heading"


def test_a_footer_row_kept_apart_by_heavy_bars_is_a_menu():
    assert clean.chrome_anywhere("About the Ministry ┃ Services ┃ Media") == "menu of short link-like items"


def test_a_cookie_notice_with_words_before_cookies_is_chrome_at_the_edge():
    assert clean.chrome_at_edge("This site uses essential cookies to work and optional ones to count visits.") == "cookie banner"


def test_a_row_of_items_at_the_top_counts_each_item_as_a_link():
    text = ("LAWLINES\nCases | Statutes | Journals\nGuest access · Your trial ends in 12 days · Upgrade\nBrowse by court\n"
            "High Court\nCourt of Appeal\nSearch\n\nHarbour Board v Isles Ferries Ltd\n\n" + BODY + FOOTER)
    assert role_of(text, "Your trial ends") == "furniture"
    assert role_of(text, "Court of Appeal") == "furniture"


def test_a_menu_drawn_with_a_mark_no_rule_knows_is_chrome():
    for row in ("Front page ⟫ Harbour ⟫ Islands ⟫ Letters ⟫ About us", "Sailings ◦ Fares ◦ Freight ◦ Contact",
                "Timetables ⁄ Tickets ⁄ Our boats ⁄ Jobs", "Courier Guides ∙ Write for us ∙ Advertise ∙ Data we keep"):
        assert clean.chrome_anywhere(row) == "menu of short link-like items", row
        text = TITLE + BODY + row + "\n\n" + BODY + FOOTER
        assert role_of(text, row.split()[-1]) == "furniture", row


def test_a_mark_drawn_between_the_words_of_content_leaves_it_content():
    # arithmetic, routes, slashes and dashes are the text's own marks, and a row of figures is a table's
    for line in ("Kirkwall → Stromness → Hoy, twice a day", "race / ancestry / skin colour", "3 ◦ 14 ◦ 2026",
                 "Crossings rose ~ 12% in May ~ 9% in June", "a + b = c + d"):
        assert clean.chrome_anywhere(line) is None, line


def test_a_sites_name_in_capitals_with_its_motto_at_the_top_is_chrome():
    for line in ("ISLES COURIER — news and tides of the northern isles", "THE FERRY DESK ~ sailings and fares since 1998"):
        assert clean.chrome_at_edge(line) == "the site's name and motto", line
        assert role_of(line + "\n\n" + TITLE + BODY + FOOTER, line.split()[0]) == "furniture", line


def test_a_heading_in_capitals_with_its_subtitle_or_a_dateline_is_no_motto():
    for line in ("CHAPTER 4 — The winter crossing", "KIRKWALL — the ferry sailed late on Monday.", "FARES — summary"):
        assert clean.chrome_at_edge(line) != "the site's name and motto", line


def test_a_long_line_in_a_mottos_shape_is_read_in_time():
    # A guard against a hang, not a benchmark: the first pattern for a site's motto backtracked over a long line
    # (80 s for this one); the words are counted before any pattern runs now (milliseconds).
    import time
    line = "ISLES COURIER — " + "sailings and fares " * 5000 + ":"
    start = time.monotonic()
    assert clean.chrome_at_edge(line) is None
    assert time.monotonic() - start < 10
