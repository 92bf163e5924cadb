"""Site chrome of the fourteenth round: a wiki's note on a name that leads to the article, a footnote's link back to
the text, a gallery's counter, a note that a machine made the transcript, several related headlines behind one
label, a row of links with one bar before the search box, a month's calendar, and a work's running heads of which
only one repeats. Beside each, the content it must not take: a details box whose row reads like a menu, a table's
rows, a caption's picture number.

Every line here was written for these tests; none is taken from a gold page or a check set.
"""

from __future__ import annotations

import importlib

import pytest

from tests.unit.page_roles import BODY, FOOTER, TITLE, role_of

clean = importlib.import_module("workers.stages.clean")


@pytest.mark.parametrize("line", [
    '"Quayside" redirects here. For the television series, see Quayside (series).',
    "Saltmarsh Bay redirects here. For the village in Ireland, see Saltmarsh, County Clare.",
    "↩",
    "[↩]",
    "^",
    "Photo 3 of 12   ‹  ›",
    "Foto 5 de 7  ⤢",
    "Slide 2/9",
    "Transcript generated automatically by speech recognition software. It may contain errors.",
    "This summary was produced by AI from the report and may contain mistakes; read the full text.",
    "RELATED   › New pier for the north shore   › Night ferry back from May",
    "Most read:  › Harbour fees go up   › A lighthouse for sale",
])
def test_redirect_notes_return_marks_counters_and_machine_notes_are_chrome_anywhere(line):
    assert clean.chrome_anywhere(line) is not None


@pytest.mark.parametrize("line", [
    "Photo 4.2  Fishers mending nets on the north quay, June 2025.",
    "Photo 2 of the series shows the pier before the storm.",
    "The old road redirects here traffic that once crossed the bridge.",
    "The transcript was produced automatically, the clerk said, and no one checked it.",
    "Related to the ferry cuts, the council will meet again on Friday.",
    "^ Back to the harbour story",
])
def test_the_texts_lines_that_share_their_words_are_not_chrome(line):
    assert clean.chrome_anywhere(line) is None


def test_a_row_of_spaced_links_with_a_bar_before_the_search_box_is_a_menu_and_the_name_over_it_a_banner():
    text = ("Saltmarsh Centre for Coastal Policy\n"
            "Research   Projects   Events   Team   |   Search the site…\n\n" + TITLE + BODY + FOOTER)
    assert role_of(text, "Research") == "furniture"
    assert role_of(text, "Saltmarsh Centre") == "furniture"
    assert role_of(text, "Harbour board adds") != "furniture"


def test_a_months_calendar_under_its_title_is_chrome_and_a_table_of_figures_is_not():
    calendar = ("ARCHIVE BY MONTH  ·  March 2026\n"
                "Mo Tu We Th Fr Sa Su\n"
                "                   1\n"
                " 2  3  4  5  6  7  8\n"
                " 9 10 11 12 13 14 15\n"
                "16 17 18 19 20 21 22\n"
                "23 24 25 26 27 28 29\n"
                "30 31\n\n")
    text = TITLE + BODY + calendar + "The board meets again in April.\n" + FOOTER
    for part in ("ARCHIVE BY MONTH", "Mo Tu", "9 10 11", "30 31"):
        assert role_of(text, part) == "furniture"
    table = ("Crossings by day of the week\n\n"
             "Mon   Tue   Wed   Thu   Fri\n"
             "12    14    9     11    16\n\n")
    text = TITLE + BODY + table + FOOTER
    assert role_of(text, "Thu") == "table"


def test_a_details_boxs_row_that_reads_like_a_menu_stays_with_its_box():
    box = ("Decided       4 March 2026\n"
           "Bench         Ana Lima (presiding), Tomas Berg\n"
           "Subjects      harbour dues · fishing permits · public quays\n"
           "Result        appeal dismissed\n\n")
    text = TITLE + box + BODY + FOOTER
    assert role_of(text, "Subjects") != "furniture"
    assert role_of(text, "Decided") != "furniture"


def test_a_running_head_numbered_in_turn_with_one_whose_half_repeats_is_chrome():
    page = ("44                                                          SHORES OF THE NORTH\n\n"
            "Second chapter\n\n" + BODY +
            "CHAPTER 2 · TWO HARBOURS                                                   45\n\n"
            "The ferries of the north kept running through the winter, and the harbour dues stayed the same.\n\n"
            "46                                                          SHORES OF THE NORTH\n\n"
            "The council will review the dues in spring.\n" + FOOTER)
    assert role_of(page, "CHAPTER 2") == "furniture"
    assert role_of(page, "The ferries of the north") != "furniture"
