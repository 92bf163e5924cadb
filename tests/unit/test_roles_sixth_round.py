"""Sixth round of role fixes: a glossary written without bullets, its terms in lower case, and symbols drawn as
bullets. Every line here was written for these tests; none is taken from a gold page or a check set."""

from __future__ import annotations

from tests.unit.page_roles import role_of

TITLE = "Rivers as roads\n\n"
BODY = (
    "Barges carry more goods on the river than lorries carry on the roads beside it, and at lower cost.\n\n"
    "Low water in a dry summer can halve what each barge may load, and freight costs rise at once.\n\n"
)


def test_a_glossarys_lines_with_terms_in_lower_case_are_list_items():
    text = TITLE + BODY + "Key terms\n\n" + (
        "towpath — the path beside a canal where horses once pulled boats\n"
        "lock — a chamber with gates that lifts or lowers a boat\n"
        "draught — how deep a loaded boat sits in the water\n\n") + BODY
    assert role_of(text, "towpath") == "list_item"
    assert role_of(text, "draught") == "list_item"


def test_wrapped_prose_with_a_dash_in_one_line_stays_a_paragraph():
    text = TITLE + (
        "The canal was dug by hand — a task of eight years —\n"
        "and opened to traffic in the spring of its ninth year,\n"
        "when the first boats carried coal to the town.\n\n") + BODY
    assert role_of(text, "The canal was dug") == "paragraph"


def test_lines_after_a_warning_sign_or_a_tick_are_list_items():
    text = TITLE + BODY + "⚠ The towpath floods after heavy rain.\n⚠ Cyclists must give way to walkers.\n\n" + (
        "✓ Bring a map\n✓ Bring water\n\n") + BODY
    assert role_of(text, "The towpath floods") == "list_item"
    assert role_of(text, "Bring water") == "list_item"


def test_a_wiki_articles_title_between_the_sites_menu_and_its_tagline_is_a_heading():
    text = ("Harbourpedia · The Free Encyclopedia\nMain page · Contents · Random article · About\n"
            "Search Harbourpedia   [ Go ]        Create account   Log in\n\nMarta Quillon\n\n"
            "From Harbourpedia, the free encyclopedia\n\n"
            "Marta Quillon (born 1950) is a painter of harbours and boats, and taught drawing for thirty years.\n\n"
            "She lives by the sea and paints from a boat she built herself, in every season of the year.\n")
    assert role_of(text, "Marta Quillon", at_start=True) == "heading"
