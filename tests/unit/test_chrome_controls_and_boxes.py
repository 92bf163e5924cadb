"""Site chrome drawn or laid out as a web page draws it: rows of controls with symbols, forms written out with their
fields in spaced brackets, boxes of other pages' headlines under a header of their own, a footer row that carries
the copyright notice, a site's name with its account links far apart on one line, revision and licence notices,
and a contents heading over its links. Beside each, the content it must not take.

Every line here was written for these tests; none is taken from a gold page or a check set.
"""

from __future__ import annotations

import importlib

from tests.unit.page_roles import role_of

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
    assert clean.chrome_at_edge(line) == "notices of the site"


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


def test_a_notice_to_the_reader_with_its_button_is_chrome_at_the_edge():
    line = "You have read 3 of your 5 free stories this month.   Subscribe for full access »"
    assert clean.chrome_at_edge(line) == "the site's notice to the reader, with its button"
    assert clean.chrome_at_edge("Ferries   You can book a seat on the morning boat") is None
