"""Fifth round of role fixes: lists written without bullets whose items are whole clauses (after a lead-in ending in
a colon, under labels of their own, on a date and a spaced dash, or a short sentence a line), the site owner's
contacts written in the footer's own block, a long site name over the menu, a language switch at the page's edge,
and a byline row that dates the story from its place.

Every line here was written for these tests; none is taken from a gold page or a check set.
"""

from __future__ import annotations

import importlib

from tests.unit.page_roles import role_of
from workers.knowledge.shapes import dated_row

clean_stage = importlib.import_module("workers.stages.clean")

TITLE = "Quayside market to move indoors for the winter\n\n"
BODY = (
    "Stallholders voted on Monday to move the weekly market into the old grain store from November to March.\n\n"
    "The store has room for forty stalls, heating and lighting, and a loading bay that opens onto Quay Street.\n\n"
    "Traders who cannot fit inside will be offered pitches in the covered yard behind the harbour office.\n\n"
)
FOOTER = "Privacy | Cookies | Accessibility\n© 2025 Harbourton Traders' Association\n"


# --- segment: lists without bullets ------------------------------------------------------------------------------


def test_lines_after_a_lead_in_ending_in_a_colon_are_list_items():
    text = TITLE + BODY + (
        "The association elected these officers for the year:\n\n"
        "Marta Okafor (Fish Row) as chair of the stallholders' committee\n"
        "Jonas Berg (Bakers' Lane) as treasurer of the winter fund\n\n"
    ) + BODY
    assert role_of(text, "Marta Okafor") == "list_item"
    assert role_of(text, "Jonas Berg") == "list_item"


def test_lines_of_a_poem_after_a_colon_stay_prose():
    # The lines after the colon go on in lower case: a verse, not a list.
    text = TITLE + BODY + "The old song goes:\n\nDown by the quay where the herring boats lie\nwaiting the tide and a fair northern sky\n\n" + BODY
    assert role_of(text, "Down by the quay") != "list_item"


def test_lines_opening_on_labels_of_their_own_are_list_items():
    text = TITLE + BODY + (
        "Food: twelve stalls of fish, bread, cheese and vegetables from farms along the estuary road\n"
        "Crafts: eight stalls of pottery, knitwear and prints by makers from the harbour villages\n"
        "Services: a knife grinder, a bicycle repairer and a stand selling second-hand books\n\n"
    ) + BODY
    assert role_of(text, "Food: twelve") == "list_item"
    assert role_of(text, "Services:") == "list_item"


def test_a_transcript_whose_labels_repeat_is_no_list():
    text = TITLE + BODY + (
        "Q: Why move indoors this year rather than last year, when the storms were worse?\n"
        "A: We did not have the store then, and the council only agreed the lease in August.\n"
        "Q: And will the rents go up for the traders who move inside the building?\n\n"
    ) + BODY
    assert role_of(text, "Q: Why move") != "list_item"


def test_lines_each_a_short_sentence_are_list_items():
    text = TITLE + BODY + (
        "Before the first market day\n\n"
        "Book your pitch with the harbour office by the end of October.\n"
        "Bring your own tables, as the store has none to lend.\n"
        "Keep the loading bay clear between seven and nine in the morning.\n\n"
    ) + BODY
    assert role_of(text, "Book your pitch") == "list_item"
    assert role_of(text, "Keep the loading bay") == "list_item"


def test_lines_of_dates_and_what_happens_after_a_spaced_dash_are_list_items():
    text = TITLE + BODY + (
        "Saturday 8 November, 10:00 — Opening of the indoor market by the harbour master and the mayor\n"
        "Saturday 13 December, 16:00 — Late market with carol singers from the schools of the town\n"
        "Sunday 21 December — Christmas market: the store stays open until eight in the evening\n\n"
    ) + BODY
    assert role_of(text, "Saturday 8 November") == "list_item"
    assert role_of(text, "Sunday 21 December") == "list_item"


# --- clean: the footer, the top edge -------------------------------------------------------------------------------


def test_owner_contacts_written_in_the_footers_block_are_chrome():
    text = TITLE + BODY + (
        "Harbourton Traders' Association · Harbour Office, Quay Street, Harbourton · Tel. +44 1632 960 118\n" + FOOTER
    )
    assert role_of(text, "Harbour Office, Quay Street") == "furniture"
    # An address with no postcode and no phone number, one item to a line, over the copyright line.
    text = TITLE + BODY + (
        "Harbourton Traders' Association, 4 Quay Street, Harbourton\nTel. +44 1632 960 118 | Weekdays, 09:00-17:00\n"
        "© 2025 Harbourton Traders' Association\n"
    )
    assert role_of(text, "4 Quay Street") == "furniture"
    assert role_of(text, "Weekdays, 09:00") == "furniture"


def test_contacts_in_a_block_of_the_pages_own_stay_content():
    # The block above the footer opens with its own label, or a blank line keeps it apart: the page's contact, by the
    # rules' call (the learned model of chrome lines, measured on gold pages, may read such lines over a footer
    # otherwise; see test_inner_chrome_model.py).
    text = TITLE + BODY + "Media enquiries: Ana Lima, press officer\nHarbour Office, Quay Street, Harbourton · +44 1632 960 119\n" + FOOTER
    assert not _rules_call_chrome(text, "Harbour Office, Quay Street, Harbourton · +44 1632 960 119")
    text = TITLE + BODY + "Harbour Office, Quay Street, Harbourton · +44 1632 960 119\n\n" + FOOTER
    assert not _rules_call_chrome(text, "Harbour Office, Quay Street, Harbourton · +44 1632 960 119")


def test_long_site_name_over_the_menu_is_chrome():
    text = (
        "Consulate General of the Republic of Harbourland in the City of Porth\n"
        "Home | The Consulate | Visas | Passports | News | Contact\n\n"
    ) + TITLE + BODY
    assert role_of(text, "Consulate General") == "furniture"
    # A sentence-case headline over a menu is no name.
    text = "Quayside market to move indoors for the whole of the winter\nHome | News | Contact\n\n" + BODY
    assert role_of(text, "Quayside market") != "furniture"


def test_a_language_switch_at_the_top_and_the_chrome_under_it_are_chrome():
    text = (
        "Harbourton Traders\nMarkets | Stalls | News | Join | Contact\nEN | CY\n"
        "This website uses cookies. Accept | Decline\nHome / News / Markets\n\n"
    ) + TITLE + BODY
    assert role_of(text, "EN | CY") == "furniture"
    assert role_of(text, "Home / News") == "furniture"
    text = "Harbourton Traders\nMarkets | Stalls | News | Join | Contact\nEnglish · Cymraeg · Français\n\n" + TITLE + BODY
    assert role_of(text, "English · Cymraeg") == "furniture"


def test_a_byline_row_dated_after_its_place_is_no_menu():
    assert dated_row("Market report · Harbourton, Saturday 8 November 2025 · By Ana Lima")
    text = TITLE + "Market report · Harbourton, Saturday 8 November 2025 · By Ana Lima\n\n" + BODY
    assert role_of(text, "Market report") == "paragraph"


def test_more_controls_of_blogs_forums_and_wikis_at_the_edges_are_chrome():
    text = (
        "Log out\nBoard index » Local history\n\n" + TITLE + BODY
        + "Posted in Markets, Harbour life\nNewer post | Older post\nWas this post useful?\nDownload the map (180 KB)\n"
    )
    for line in ("Log out", "Board index » Local history", "Posted in Markets", "Newer post", "Was this post useful?",
                 "Download the map"):
        assert role_of(text, line) == "furniture", line
    # A sentence that opens with "Posted in" is the page's.
    text = TITLE + BODY + "Posted in Harbourton, the notice was read out at the quay.\n"
    assert role_of(text, "Posted in Harbourton") != "furniture"


def test_a_control_named_mostly_in_interface_words_at_the_edge_is_chrome_and_a_title_half_so_is_not():
    text = TITLE + BODY + "View all articles by this author\n"
    assert role_of(text, "View all articles") == "furniture"
    text = "Winter newsletter\n\n" + BODY
    assert role_of(text, "Winter newsletter") != "furniture"


def _rules_call_chrome(text: str, line: str) -> bool:
    """Whether the rules and the edge model (not the learned model of chrome lines) call ``line`` of ``text`` chrome."""
    lines = [ln for ln in clean_stage.split_lines(text) if not ln.blank]
    return any(lines[i].text == line for i in clean_stage.find_chrome(lines, text, inner=False))
