"""Site chrome of the fifteenth round: menus kept apart by double colons, breadcrumbs by angle brackets, a poll's
results with their count of votes, readers' reactions drawn as pictures with counts, a countdown, a cookie notice in
the site's own words, a wiki banner on a single source, a note on a volunteer's transcript, a labelled link behind an
arrow, a box of other episodes, a site map laid out in columns and running heads set apart by a bar. Beside each,
the content it must not take.

Every line here was written for these tests; none is taken from a gold page or a check set.
"""

from __future__ import annotations

import importlib

import pytest

from tests.unit.page_roles import BODY, FOOTER, TITLE, role_of

clean = importlib.import_module("workers.stages.clean")


@pytest.mark.parametrize("line", [
    "Harbours ▾ :: Ferries ▾ :: Fishing and permits ▾ :: Press office",
    "Archive  ⟩  Ferries  ⟩  Winter timetable  ⟩  2026",
    "Yes 64%  ·  No 30%  ·  Not sure 6%   (2,045 votes)",
    "Poll · Should the night ferry run all year?",
    "👍 118    😂 9    🌊 40    😡 2        💬 17 comments",
    "Reactions   ❤️ 77    🔥 12    👏 30",
    "Did this help?   👍 402   👎 11      ⚑ Tell us what was wrong",
    "⏳ Regatta starts in 03d : 14h : 08m",
    "We keep a few cookies: one for your language, one to count visits.",
    "This site uses only essential cookies.",
    "⚠ This article relies mostly on one source. Please help by adding citations. (March 2026)",
    "Transcript made from the recording by our volunteers; check it against the audio before quoting.",
    "More from the harbour office → Fees for visiting yachts rise in April",
])
def test_colon_menus_poll_results_reactions_countdowns_and_notes_are_chrome_anywhere(line):
    assert clean.chrome_anywhere(line) is not None


@pytest.mark.parametrize("line", [
    "The vote was close: 64% for the night ferry and 30% against, out of 2,045 votes cast.",
    "Temperatures reached 33 °C on Tuesday, and the regatta was moved to the morning.",
    "The crossing takes 2 days 4 hours 30 minutes in a storm, the skipper said.",
    "We keep the old ferry in reserve for the winter storms.",
    "The ferry → island route reopened in May.",
    "Chapter 2 :: Harbours",
])
def test_the_texts_lines_that_share_their_shapes_are_not_chrome(line):
    assert clean.chrome_anywhere(line) is None


def test_a_box_of_other_episodes_with_their_lengths_is_chrome():
    box = ("More episodes\n"
           "41 · The last lighthouse keeper (34 min)\n"
           "40 · Nets, knots and a new harbour (47 min)\n"
           "39 · Winter on the outer islands (29 min)\n")
    text = TITLE + BODY + box + FOOTER
    for part in ("More episodes", "41 ·", "39 ·"):
        assert role_of(text, part) == "furniture", part


def test_a_site_map_in_columns_between_chrome_lines_is_chrome_and_a_table_of_figures_is_not():
    site_map = ("Was this page useful?   Yes   No\n\n"
                "HARBOURS            FERRIES                ABOUT US\n"
                "Fees and dues       Winter timetable       Our board\n"
                "Moorings            Island routes          Jobs and tenders\n"
                "Pilotage            Lost property          Annual reports\n\n"
                "Print  ·  E-mail  ·  Save  ·  Share\n\n")
    text = TITLE + BODY + site_map + "The board meets again in April to set the summer fares.\n" + FOOTER
    for part in ("HARBOURS", "Fees and dues", "Pilotage"):
        assert role_of(text, part) == "furniture", part
    table = ("Crossings by route\n\n"
             "Route           Summer    Winter\n"
             "North isles     14        6\n"
             "South isles     12        4\n\n")
    text = TITLE + BODY + table + FOOTER
    assert role_of(text, "North isles") == "table"


def test_running_heads_set_apart_from_their_page_numbers_by_a_bar_are_chrome():
    page = ("Third chapter\n\n" + BODY +
            "SHORES OF THE NORTH  |  61\n\n"
            "The ferries of the north kept running through the winter, and the harbour dues stayed the same.\n\n"
            "SHORES OF THE NORTH  |  62\n\n"
            "The council will review the dues in spring.\n" + FOOTER)
    assert role_of(page, "SHORES OF THE NORTH") == "furniture"
    assert role_of(page, "The ferries of the north") != "furniture"


def test_a_sites_name_and_motto_between_its_cookie_notice_and_its_menu_is_chrome():
    top = ("We keep two small cookies: one for your language, one to count visits.\n"
           "[ Fine ]   [ Tell me more ]\n"
           "NORTH ISLES COUNCIL :: services for the outer islands\n"
           "Harbours ▾ :: Ferries ▾ :: Schools ▾ :: Press office\n\n")
    text = top + TITLE + BODY + FOOTER
    assert role_of(text, "NORTH ISLES COUNCIL") == "furniture"
    assert role_of(text, "Harbour board adds") == "heading"


def test_a_wiki_articles_title_over_its_maintenance_banner_stays_the_title():
    top = ("Main page  ·  Random article  ·  Help  ·  Donate\n"
           "Article   Talk          Read   Edit   View history\n"
           "Halvard Tornes\n"
           "⚠ This article relies largely on a single source. Please help by adding citations. (May 2026)\n\n")
    text = top + "Halvard Tornes (born 1950) is a Norwegian ferry engineer who designed the first island shuttles.\n\n" + FOOTER
    assert role_of(text, "Halvard Tornes", at_start=True) != "furniture"
    assert role_of(text, "⚠ This article") == "furniture"
