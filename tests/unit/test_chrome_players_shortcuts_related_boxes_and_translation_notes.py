"""Site chrome of the sixteenth round: a video or audio player drawn with its play mark and length, a jump to a time
in it, the site's keyboard shortcuts, a box of related pages under a heading in capitals, a machine translation's
note, a sign-in note with a word in brackets, a banner that offers the site's app, a teaser cut short before "Read
more", the site's chat box and a call to act at a line's end ("›  Join now"). Beside each, the content it
must not take.

Every line here was written for these tests; none is taken from a gold page or a check set.
"""

from __future__ import annotations

import importlib

import pytest

from tests.unit.page_roles import BODY, FOOTER, TITLE, role_of

clean = importlib.import_module("workers.stages.clean")


@pytest.mark.parametrize("line", [
    "▶ 3:07   Watch: the new lock gates close for the first time",
    "► 12:40  Listen to the full interview",
    "Play (4:15)  The ferry crossing in a gale",
    "[ 12:03 ]  —  jump the audio to this answer  —",
    "Keyboard shortcuts:  k = play / pause   ·   m = mute",
    "Keys:  [ previous section   ] next section   ? help",
    "TABLE OF CONTENTS  (panel open, press Esc to close)",
    "Tip: press K to open the list of key terms.",
    "MORE WALKS LIKE THIS  ~  The canal towpath at dusk  ~  Three bridges in a morning",
    "RELATED ON HARBOUR NOTES  ⟩  Mooring fees (2024)",
    "OTHER LECTURES OF THIS SERIES",
    "Parts of this article were translated automatically from the Danish edition.",
    "This page has been machine-translated; an editor will check it.",
    "Guests see the first three paragraphs. Sign in (free) to keep reading.",
    "Open in the Ferryline app     |     Continue in browser",
    "Harbour pilots have guided ships here since 1821 and keep a log of every … Read more",
    "💬  Live chat with the booking desk  ·  offline",
    "SUMMER REGATTA  ›  Pick your crew before Friday  ›  Join now",
])
def test_players_shortcuts_related_boxes_translation_and_reader_notes_are_chrome_anywhere(line):
    assert clean.chrome_anywhere(line) is not None


@pytest.mark.parametrize("line", [
    "[12:03] HARBOUR MASTER: We closed the gates at noon and opened them again at three.",
    "The film runs 3:07 and shows the gates closing for the first time.",
    "Press the green button to open the gate, then wait for the light.",
    "MORE THAN A HARBOUR",
    "OTHER MEASURES",
    "The treaty was translated into Danish in 1921 by a commission of the two parliaments.",
    "Members can sign in at the harbour office to collect their permits.",
    "Ferries to the island open in the summer; the app was withdrawn in May.",
    "The pilots chat with the harbour master every morning before the first tide.",
    "Members who join now pay the old fee until April.",
    "Delivered by the harbour master at the pier, on 2 April 2025. Check against delivery.",
])
def test_the_texts_lines_that_share_their_shapes_are_not_chrome(line):
    assert clean.chrome_anywhere(line) is None


def test_the_rest_of_a_box_set_in_under_its_chrome_line_is_chrome_and_the_pages_own_list_is_not():
    contents = ("UNIT 3 · CONTENTS  (panel open, press Esc to close)\n"
                "   3.1 Tides and currents\n"
                "   3.2 The outer islands\n"
                "   3.3 Unit quiz (opens Friday)\n\n")
    related = ("MORE CROSSINGS LIKE THIS  ~  The night boat to the skerries  ~  Ferries of the east coast\n"
               "~  The summer timetable in pictures  ~  A winter on the lightship\n\n")
    text = TITLE + contents + BODY + related + FOOTER
    for part in ("3.2 The outer islands", "3.3 Unit quiz", "The summer timetable in pictures"):
        assert role_of(text, part) == "furniture", part
    # the page's own list, indented under a heading of its own and not under chrome, stays the page's
    own = ("Ports of call\n"
           "   Harbour Town\n"
           "   North Quay\n"
           "   The lightship mooring\n\n")
    text = TITLE + BODY + own + "The crossing takes two hours in fair weather.\n" + FOOTER
    assert role_of(text, "North Quay") != "furniture"
