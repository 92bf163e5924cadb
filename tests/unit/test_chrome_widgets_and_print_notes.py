"""Site chrome of the twelfth round: notes on the printed edition and the revision shown, a service's credit, a note
on sponsored listings, a live page's stamp, weather strips, an article's counts, a recording's chapters, rows of
episodes or numbered links and the heading over them, polls, appeals for money and their progress bars, capitalised
banners that ask the reader to act, a printed work's running heads with their page numbers. Beside each, the content
it must not take.

Every line here was written for these tests; none is taken from a gold page or a check set.
"""

from __future__ import annotations

import importlib

import pytest

from tests.unit.page_roles import BODY, FOOTER, TITLE, role_of

clean = importlib.import_module("workers.stages.clean")


@pytest.mark.parametrize("line", [
    "In the printed book this chapter starts on page 88.",
    "A version of this story appeared in print on 4 March.",
    "This is the latest accepted revision, reviewed on 3 March 2026.",
    "5 pending changes await review.",
    "Powered by an outside ticketing service.",
    "Sponsored listings on this page are marked with a star.",
    "LIVE   Updated 09:12 — the first ferry has left the quay.",
    "Older entries below ↓",
    "Port Louis 27°C ⛅ light showers   ·   Harbour: OPEN",
    "Reads 880  ·  Citations 12  ·  Mentions 4",
    "Sections: 00:00 Welcome · 03:10 The harbour · 19:45 Goodbyes",
    "Ep. 12 · Salt roads    Ep. 11 · The lighthouse keeper",
    "1. Cheap ferry passes   2. Where to park at the quay   3. Storm season dates",
    "READER POLL: Should the quay be closed to cars?",
    "( ) Yes — 40%   ( ) No — 60%",
    "Help us reach our winter target of 500 members.",
    "Become a supporter for early tickets and a printed map.",
    "████████░░░░  $3,100 of $5,000",
    "SIGN UP FOR SAILING ALERTS — Cancellations sent to your phone.",
    "文A 9 languages ▾",
    "◂ Previous: 3.1 Tides      Next: 3.2 Currents, friend or foe? ▸",
    "Contents ▾   Chapter 3: Tides and Currents   ▸ 3.2 Rip currents along the northern shore today",
    "Quiz yourself: Which current runs north? ( Show answer )",
    "This transcript was made from the broadcast using speech software.",
    "These are the remarks as prepared for delivery.",
])
def test_widgets_print_notes_appeals_and_banners_are_chrome_anywhere(line):
    assert clean.chrome_anywhere(line) is not None


@pytest.mark.parametrize("line", [
    "Temperatures reached 31°C on Tuesday, and the board cancelled two sailings.",
    "Mean temperature   29°C   31°C   30°C",
    "The podcast's first episode, Ep. 1, drew 400 listeners.",
    "1. Book the crossing early.",
    "1. Book early.   2. Pack a coat.   3. Check the tide.",
    "The poll showed 40% support for closing the quay.",
    "Register of Members — the board keeps one at the harbour office.",
    "The museum was powered by a steam engine until 1950.",
    "She urged islanders to become a member of the cooperative.",
    "In the print shop, the staff worked late.",
    "The board's report has 880 views of the harbour in its appendix.",
])
def test_sentences_and_rows_of_the_text_that_share_their_words_are_not_chrome(line):
    assert clean.chrome_anywhere(line) is None


def test_a_press_releases_media_contact_is_its_own_even_at_the_edge():
    line = "Media contact: Ana Lima, press officer · +1 555 0100 · ana@example.org"
    assert clean.chrome_anywhere(line) is None and clean.chrome_at_edge(line) is None
    text = TITLE + BODY + line + "\n" + FOOTER
    assert role_of(text, "Media contact") != "furniture"


def test_a_printed_works_running_heads_with_their_page_numbers_are_chrome():
    text = (TITLE + BODY + "HARBOUR FUTURES · A REVIEW OF THE OUTER ISLANDS                 41\n\n" + BODY
            + "Chapter 2 · Ferries and freight                                   42\n\n" + BODY + FOOTER)
    assert role_of(text, "HARBOUR FUTURES") == "furniture"
    assert role_of(text, "Chapter 2 · Ferries") == "furniture"


def test_lines_alone_with_figures_far_apart_that_do_not_count_pages_are_the_pages():
    text = (TITLE + BODY + "Total catch in tonnes                 412\n\n" + BODY
            + "Boats on the register                 38\n\n" + BODY + FOOTER)
    assert role_of(text, "Total catch") != "furniture"
    assert role_of(text, "Boats on the register") != "furniture"


def test_the_heading_over_a_row_of_episodes_or_numbered_links_goes_with_it():
    episodes = "OTHER SHOWS\nEp. 9 · Net menders    Ep. 8 · The winter pier\n\n"
    ranked = "Popular this week\n1. Ferry passes   2. Quay parking   3. Storm dates\n\n"
    text = TITLE + BODY + episodes + BODY + ranked + BODY + FOOTER
    for line in ("OTHER SHOWS", "Popular this week"):
        assert role_of(text, line) == "furniture", line


def test_a_footers_media_contact_that_names_no_one_stays_chrome():
    text = TITLE + BODY + "Media contact: press office\nHarbour Board, Quay Road, Porth PZ1 2AB\nPrivacy | Terms | Contact\n"
    assert role_of(text, "Media contact") == "furniture"

