"""Roles of the ninth round (session 45): a glossary whose terms hold an en dash or an acronym in brackets, a list of
sources under its heading written without bullets, and a wiki's back-link arrow before a reference.

Every line here was written for these tests; none is taken from a gold page or a check set.
"""

from __future__ import annotations

from tests.unit.page_roles import role_of

TITLE = "Ferries and the outer islands\n\n"
BODY = "The harbour board added a winter crossing to the outer islands, the board said on Monday.\n\n"


def test_a_glossarys_terms_may_hold_an_en_dash_or_an_acronym():
    glossary = ("Key terms\n\n"
                "ferry–rail link: a timetable that joins a ferry to a train at the same quay\n"
                "roll-on roll-off ferry (ro-ro): a ferry that vehicles drive onto and off\n"
                "slipway: a ramp from the shore into the water\n\n")
    text = TITLE + BODY + glossary + BODY
    assert role_of(text, "ferry–rail link") == "list_item"
    assert role_of(text, "roll-on roll-off") == "list_item"
    assert role_of(text, "Key terms") == "heading"


def test_sources_under_their_heading_are_one_item_a_line():
    sources = ("Sources\n\n"
               "Ana Holm. “Winter crossing for the islands” — Island Gazette, 3 March 2026\n"
               "“Ferry board adds sailings” — Harbour Radio, 4 March 2026\n\n")
    text = TITLE + BODY + sources
    assert role_of(text, "Ana Holm.") == "list_item"
    assert role_of(text, "Ferry board adds") == "list_item"
    # the same two lines under another heading are the page's own paragraph
    text = TITLE + BODY + sources.replace("Sources", "What they said")
    assert role_of(text, "Ana Holm.") != "list_item"


def test_a_wikis_back_link_arrow_opens_a_reference():
    refs = "References\n\n↑ “Ferry board adds sailings”. Island Gazette. 3 March 2026.\n↑ Holm, Ana (2025). Island ferries. Kirkvaag.\n\n"
    text = TITLE + BODY + refs
    assert role_of(text, "Ferry board adds") == "list_item"


def test_an_episodes_number_after_its_abbreviation_does_not_end_a_sentence():
    text = "Ep. 12 — After the flood: a ferry skipper on what comes next\n\n" + BODY + BODY
    assert role_of(text, "Ep. 12") == "heading"
