"""Issue 12, second round of role fixes: call-to-action buttons, utility bars, owners' addresses and banners without a
menu at the page's edges; a title over its subtitle; lists without bullets; signatures; captions with no label.

Every sentence here was written for these tests; none is taken from a gold page.
"""

from __future__ import annotations

from tests.unit.page_roles import page_roles, role_of
from workers.stages.classify import classify, is_description
from workers.stages.clean import clean
from workers.stages.segment import segment




BODY = (
    "The allotment society met in the pavilion on a wet evening and agreed to buy a second water tank for the top field.\n\n"
    "Members spent the following weekend digging the new beds by the gate, and the compost bays were rebuilt in oak.\n\n"
    "The next open day will be held in the spring, when the society hopes to sell seedlings to raise money for the tank.\n\n"
)


# --- clean: chrome at the edges ---------------------------------------------------------------------------


def test_call_to_action_button_at_the_bottom_is_furniture():
    text = BODY + "Donate today\nTerms | Privacy | Cookies\n"
    assert role_of(text, "Donate today", at_start=True) == "furniture"
    text = BODY + "Buy tickets\nTerms | Privacy | Cookies\n"
    assert role_of(text, "Buy tickets", at_start=True) == "furniture"


def test_a_heading_with_a_verb_of_buying_is_not_a_button():
    text = "Buy local, eat well\n\n" + BODY
    assert role_of(text, "Buy local", at_start=True) == "heading"


def test_utility_bar_with_a_phone_number_is_furniture_and_uncovers_the_menu_under_it():
    text = "Call the shop 0161 496 0311 | Sign in | Basket (3)\nSeeds  Tools  Gifts  Advice  About us\n\nPlanting garlic in autumn\n\n" + BODY
    roles = page_roles(text)
    assert next(r for r, t in roles if "Basket" in t) == "furniture"
    assert next(r for r, t in roles if "Seeds  Tools" in t or "Seeds Tools" in t) == "furniture"
    assert role_of(text, "Planting garlic", at_start=True) == "heading"


def test_owner_address_with_postcode_and_phone_in_the_footer_is_furniture():
    text = "Planting garlic in autumn\n\n" + BODY + "Download this leaflet (PDF)\nMoorside Allotment Society, Quarry Lane, Otley LS21 9QT | 01943 960 412\n© Moorside Allotment Society 2024\n"
    roles = page_roles(text)
    assert next(r for r, t in roles if "Quarry Lane, Otley" in t) == "furniture"
    assert next(r for r, t in roles if "Download this leaflet" in t) == "furniture"


def test_an_address_in_the_text_stays_text():
    text = "Planting garlic in autumn\n\n" + BODY + "Where to find us\nQuarry Lane gate, Otley LS21 9QT\n\nThe gate is open from dawn to dusk every day of the year.\n\n© Moorside Allotment Society\n"
    assert role_of(text, "Quarry Lane gate", at_start=True) != "furniture"


def test_club_name_over_the_title_without_a_menu_is_the_banner():
    text = "Ashby Gardening Club\n\nPlanting garlic in autumn\n\n" + BODY
    assert role_of(text, "Ashby Gardening Club", at_start=True) == "furniture"
    assert role_of(text, "Planting garlic", at_start=True) == "heading"


def test_name_that_the_footer_repeats_is_the_banner():
    text = "Moorside Growers\n\nPlanting garlic in autumn\n\n" + BODY + "Moorside Growers, Quarry Lane, Otley LS21 9QT | 01943 960 412\n"
    assert page_roles(text)[0] == ("furniture", "Moorside Growers")


def test_a_title_that_is_not_a_body_name_is_not_a_banner():
    text = "Planting Garlic\n\nA guide for beginners\n\n" + BODY
    assert role_of(text, "Planting Garlic", at_start=True) == "heading"


# --- segment: titles, lists, signatures ---------------------------------------------------------------------


def test_title_over_subtitle_in_one_block_are_two_headings():
    text = "Field Notice No. 7 to Plot Holders\nWinter closure of the top field\n\n" + BODY
    roles = page_roles(text)
    assert ("heading", "Field Notice No. 7 to Plot Holders") in roles
    assert ("heading", "Winter closure of the top field") in roles


def test_name_over_job_title_as_first_block_stays_text():
    text = "Jane Holt\nSecretary\n\n" + BODY
    assert role_of(text, "Jane Holt", at_start=True) != "heading"


def test_lines_joined_by_dashes_under_a_heading_are_list_items():
    text = BODY + "Show classes\nOnions – heaviest three\nRunner beans – longest pod\nDahlias – vase of five\n"
    roles = page_roles(text)
    assert ("heading", "Show classes") in roles
    assert [r for r, t in roles if " – " in t] == ["list_item"] * 3


def test_two_dash_lines_stay_a_paragraph():
    text = BODY + "Chair – Ann Lowe\nTreasurer – Sam Peel\n"
    assert role_of(text, "Chair – Ann Lowe", at_start=True) == "paragraph"


def test_signature_under_a_letter_is_a_paragraph_not_a_caption():
    text = "A letter from the chair\n\n" + BODY + "With best wishes,\n\nRevd Paul Ingram\n\nNext meeting\n\nThe next meeting is in the pavilion on the first Monday of the month.\n"
    assert role_of(text, "Revd Paul Ingram", at_start=True) == "paragraph"


# --- classify: captions without a label or credit -----------------------------------------------------------


def test_verbless_description_between_paragraphs_is_a_caption():
    for line in ("Our new water tank on the top field.", "Looking north over the beds at first light.",
                 "The prize marrow on the show bench, admired by the judges."):
        text = "Planting garlic in autumn\n\n" + BODY + line + "\n\n" + BODY
        assert role_of(text, line, at_start=True) == "caption", line


def test_one_sentence_paragraphs_with_a_verb_stay_paragraphs():
    for line in ("The society thanks everyone who helped on the day.", "The shed roof was mended in a single afternoon.",
                 "Seed potatoes went on sale at the gate in March."):
        text = "Planting garlic in autumn\n\n" + BODY + line + "\n\n" + BODY
        assert role_of(text, line, at_start=True) == "paragraph", line


def test_is_description_needs_a_full_stop_and_no_figures():
    assert is_description("Volunteers on the towpath at dusk.")
    assert not is_description("Volunteers on the towpath at dusk")
    assert not is_description("Seedlings on sale at the gate from 10am.")
    assert not is_description("It was a fine day on the towpath.")


def test_a_short_statement_without_a_preposition_is_no_description():
    assert not is_description("Buses leave hourly.")
    assert is_description("Buses at the depot before dawn.")


def test_a_notice_that_mentions_the_title_does_not_make_it_a_banner():
    text = "Moorside Growers\n\nMoorside Growers is the oldest allotment society in the valley, founded before the war.\n\n© 2024 Valley Pages. Text about Moorside Growers shared under licence.\n"
    assert page_roles(text)[0] == ("heading", "Moorside Growers")
