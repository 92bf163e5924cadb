"""Fourth round of role fixes, by the shape of lines: tables laid out with tabs or runs of spaces, lists written
without bullets whose items join their parts the same way, dated rows of an event's details, a heading over text
that closes on a reference marker, and site chrome of other styles (a menu written one link to a line under "Home",
a language switch between the site's name and its menu, a wiki's title, tabs, tagline and table of contents, short
related links, continental postcodes, labelled share bars, footer notices), and captions that name where the figures
come from or set a place apart with commas.

Every line here was written for these tests; none is taken from a gold page or a check set.
"""

from __future__ import annotations

from tests.unit.test_clean import make_page
from tests.unit.page_roles import page_roles, role_of
from workers.stages.classify import classify, is_caption_text, is_description
from workers.stages.clean import clean
from workers.stages.segment import segment




TITLE = "Harbourton ferry to run all winter\n\n"
BODY = (
    "The council has agreed to keep the small passenger ferry across the estuary running through the winter months.\n\n"
    "Until now the boat stopped in October, leaving villagers on the far bank with a drive of forty minutes to town.\n\n"
    "Extra crossings will be added on market days, and bicycles will still be carried free of charge.\n\n"
)
FOOTER = "Privacy | Cookies | Accessibility\n© 2025 Harbourton Town Council\n"


# --- segment: tables, lists, dates, headings --------------------------------------------------------------------


def test_block_laid_out_with_tabs_is_one_table():
    text = TITLE + BODY + "Stop\tPlatform\tDeparts\nQuay Street\t2\t09:15\nKilbride pier\t1\t09:40\n\n" + BODY
    tables = [t for role, t in page_roles(text) if role == "table"]
    assert len(tables) == 1 and "Quay Street" in tables[0] and "Kilbride pier" in tables[0]


def test_block_laid_out_with_runs_of_spaces_under_its_title_is_one_table():
    text = TITLE + BODY + "Ticket office, Quay Street\nWeekdays         07:00 – 19:00\nSundays          09:00 – 17:00\n\n" + BODY
    assert role_of(text, "Ticket office") == "table"
    assert role_of(text, "Sundays") == "table"
    # Prose typed with two spaces after its full stops is no table.
    prose = "The ferry runs daily.  It carries bicycles free.\nTimes change in winter.  Check the notice board.\n\n"
    assert role_of(TITLE + prose + BODY, "The ferry runs daily") == "paragraph"


def test_a_table_laid_out_in_plain_text_carries_its_cells_as_a_format_readers_table_does():
    text = TITLE + BODY + "Ticket office, Quay Street\nWeekdays         07:00 – 19:00\nSundays\t09:00 – 17:00\n\n" + BODY
    page = classify(segment(clean(make_page(text))))
    table = next(s for s in page.segments if s.role == "table")
    assert table.text == "Ticket office, Quay Street\nWeekdays\t07:00 – 19:00\nSundays\t09:00 – 17:00"
    got = [(c.row, c.col, c.text) for c in table.cells]
    assert got == [(0, 0, "Ticket office, Quay Street"), (1, 0, "Weekdays"), (1, 1, "07:00 – 19:00"),
                   (2, 0, "Sundays"), (2, 1, "09:00 – 17:00")], got
    for c in table.cells:
        assert text[c.source_start:c.source_end] == c.text == table.text[c.start:c.end], c
    assert not table.sentences


def test_unbulleted_list_whose_items_share_a_label_and_colon_gives_list_items():
    text = TITLE + (
        "The club also gave these prizes:\n\n"
        "Best newcomer: Tom Berg, Harbourton Rowing Club\nCoach of the year: Ana Lima, Kilbride\n"
        "Volunteer award: Sam Roe, Eastmoor Juniors\n\n"
    ) + BODY
    assert role_of(text, "Best newcomer") == "list_item"
    assert role_of(text, "Volunteer award") == "list_item"


def test_unbulleted_list_of_names_and_what_they_were_under_a_heading_gives_list_items():
    text = TITLE + BODY + (
        "Notable residents\nAna Lima (1901–1980), painter\nTom Berg (born 1948), boat builder\nSam Roe (1920–1999), poet\n\n"
    ) + BODY
    assert role_of(text, "Notable residents") == "heading"
    assert role_of(text, "Tom Berg") == "list_item"
    # An event's date, place and price, a line each, are its details, not a list.
    details = TITLE + "Saturday 3 May 2025, 7pm\nCorn Exchange, Harbourton\nTickets £8, children free\n\n" + BODY
    assert role_of(details, "Corn Exchange") == "paragraph"


def test_heading_over_text_that_closes_on_a_reference_marker_is_its_own_heading():
    text = TITLE + BODY + "Climate\nThe valley has mild winters and wet summers, and most of its rain falls in October.[2]\n\n" + BODY
    assert ("heading", "Climate") in page_roles(text)


def test_dated_rows_of_an_events_details_are_paragraphs():
    text = TITLE + "Midsummer fair\n\n12 to 14 June · Quay Street · Free\n\n" + BODY
    assert role_of(text, "12 to 14 June") == "paragraph"
    text = TITLE + "Harbour concert\n\n21 June, 7pm · Corn Exchange · from £10\n\n" + BODY
    assert role_of(text, "21 June, 7pm") == "paragraph"


def test_release_line_with_its_date_is_no_menu():
    text = TITLE + "NEWS RELEASE | Tuesday 4 March 2025 | For release on receipt\n\n" + BODY
    assert role_of(text, "NEWS RELEASE") == "paragraph"


# --- clean: the top of the page --------------------------------------------------------------------------------


def test_menu_written_one_link_to_a_line_under_home_is_furniture():
    text = (
        "Harbourton Council\n\nHome\nThe Council\nPlanning\nBins and recycling\nPress office\n\n"
        "Home > Planning > Notices\n\n" + TITLE + BODY
    )
    assert role_of(text, "The Council") == "furniture"
    assert role_of(text, "Press office") == "furniture"
    assert role_of(text, "Harbourton ferry") == "heading"


def test_language_switch_between_the_sites_name_and_its_menu_is_furniture():
    text = (
        "Harbourton Harbour Board\nBòrd Cala Bhaile\n\nGàidhlig | English\n\n"
        "Moorings · Pilotage · Notices · Tide tables · Contact us\n\nHome / Notices / 2025\n\n" + TITLE + BODY
    )
    assert role_of(text, "Bòrd Cala") == "furniture"
    assert role_of(text, "Gàidhlig") == "furniture"
    assert role_of(text, "Home / Notices") == "furniture"
    assert role_of(text, "Harbourton ferry") == "heading"


def test_wiki_title_between_menu_and_tabs_stays_and_tabs_tagline_and_contents_are_furniture():
    text = (
        "Main page   Random page   Log in\n\nKilbride\n\nPage   Discussion   Edit source   History\n\n"
        "From Harbourpedia, the free encyclopedia\n\n"
        "Kilbride is a fishing village on the north shore of the estuary, across the water from Harbourton.\n\n"
        "Contents\n1 Geography\n2 History\n3 Sport\n\n"
        "Geography\n\nThe village lies on a raised beach below low hills, and its harbour dries at low tide.\n\n"
        "History\n\nA chapel stood here by the twelfth century, and the pier was built by the herring company.\n"
    )
    assert role_of(text, "Kilbride") == "heading"
    assert role_of(text, "Edit source") == "furniture"
    assert role_of(text, "From Harbourpedia") == "furniture"
    assert role_of(text, "1 Geography") == "furniture"
    assert ("heading", "Geography") in page_roles(text)


def test_cookie_banner_that_says_who_uses_cookies_is_furniture():
    text = "We and our suppliers use cookies to count visits and to show you adverts.\nOK   Customise   Refuse\n\n" + TITLE + BODY
    assert role_of(text, "use cookies") == "furniture"
    assert role_of(text, "Harbourton ferry") == "heading"


# --- clean: the bottom of the page ---------------------------------------------------------------------------


def test_short_related_links_and_an_address_with_a_continental_postcode_are_furniture():
    text = TITLE + BODY + (
        "Related links\nBoard members\nPart 2: Rivers\nAnnual report 2024 (PDF, 2 MB)\n\n"
        "Harbour Authority · Quai 4, 8001 Zürich · Tel. +41 44 000 00 00\n" + FOOTER
    )
    assert role_of(text, "Board members") == "furniture"
    assert role_of(text, "Related links") == "furniture"
    assert role_of(text, "Quai 4") == "furniture"
    assert role_of(text, "Extra crossings") == "paragraph"


def test_labelled_share_bar_and_a_registered_associations_line_are_furniture():
    text = TITLE + BODY + (
        "Share this story: Mastodon  Bluesky  Email  Print\n\n"
        "HRA · Registered association ZVR 123456789 · Quai 4, 8001 Zürich\n" + FOOTER
    )
    assert role_of(text, "Share this story") == "furniture"
    assert role_of(text, "Registered association") == "furniture"


def test_authorisation_and_acknowledgement_notices_at_the_foot_are_furniture():
    text = TITLE + BODY + (
        "We acknowledge the Traditional Custodians of the land on which we work, and their elders.\n\n"
        "Authorised by J. Roe, Harbour Workers Union, 4 Quay Street, Harbourton 2000.\n" + FOOTER
    )
    assert role_of(text, "Traditional Custodians") == "furniture"
    assert role_of(text, "Authorised by") == "furniture"
    assert role_of(text, "Extra crossings") == "paragraph"


# --- classify -------------------------------------------------------------------------------------------------


def test_long_source_line_under_a_table_is_a_caption():
    line = "Source: Harbour Board analysis of passenger counts supplied by the Estuary Ferry Company and the county council."
    assert is_caption_text(line)
    text = TITLE + BODY + "Stop\tPassengers\nQuay Street\t12,400\nKilbride pier\t8,100\n\n" + line + "\n\n" + BODY
    assert role_of(text, "Source: Harbour Board") == "caption"


def test_description_that_sets_a_place_apart_with_commas_is_a_caption():
    assert is_description("Ana Lima on the quay wall, Kilbride, in June 2019.")
    assert not is_description("We rowed out, turned back, and landed at dusk.")
    assert not is_description("Follow the ferry on Mastodon, Bluesky, Threads and YouTube.")
