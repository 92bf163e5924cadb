"""No learned chrome model takes a line of running text of MODEL_MAX_WORDS words or more: a model's score adds a
weight for each word, so a long paragraph could add up past any threshold. The rules still may.

Every line here was written for these tests.
"""

from __future__ import annotations

from tests.unit.test_inner_chrome_model import PARAGRAPHS, _index, _lines, _model
from workers.stages.clean import MODEL_MAX_WORDS, find_chrome

LONG = ("The harbour board met on Tuesday evening and agreed, after a long debate about the cost and about the safety "
        "of the boats moored along the east quay, to repair the old wall before the winter storms.")
TOP = "Kestrel Bay Gazette\nHome | News | Sport | Contact\n\nHarbour wall to be repaired before winter\n\n"
#: A model that says yes to every line (the edge model's bias is "bias", the others' "e_bias").
YES = {"bias": 9.0, "e_bias": 9.0}


def _find(page):
    lines = _lines(page)
    return lines, find_chrome(lines, page, edge_model={**_model(YES), "edge_lines": 6}, inner_model=_model(YES),
                              unaided_model=_model(YES))


def test_a_long_paragraph_at_the_pages_edge_or_between_others_is_left_to_the_rules():
    assert len(LONG.split()) >= MODEL_MAX_WORDS
    page = TOP + PARAGRAPHS[0] + "\n\n" + LONG + "\n\n" + PARAGRAPHS[1] + "\n\n" + LONG.replace("Tuesday", "Friday") + "\n"
    lines, found = _find(page)
    assert _index(lines, LONG) not in found
    assert _index(lines, LONG.replace("Tuesday", "Friday")) not in found  # the last line: where the edge walk starts
    assert _index(lines, PARAGRAPHS[1]) in found  # a shorter line, the same models take


def test_a_line_one_word_short_of_the_limit_is_still_the_models_to_take():
    short = " ".join(LONG.split()[:MODEL_MAX_WORDS - 1])
    page = TOP + PARAGRAPHS[0] + "\n\n" + short + "\n\n" + PARAGRAPHS[1] + "\n"
    lines, found = _find(page)
    assert _index(lines, short) in found


def test_a_long_list_of_links_is_no_running_text_and_still_the_models_to_take():
    links = ("Related guides  •  How to take the night ferry from the harbour to the outer islands  •  Where to eat "
             "near the fish market on a Sunday  •  Walking the coast path from the lighthouse to the old quarry")
    assert len(links.split()) >= MODEL_MAX_WORDS
    page = TOP + PARAGRAPHS[0] + "\n\n" + PARAGRAPHS[1] + "\n\n" + links + "\n"
    lines, found = _find(page)
    assert _index(lines, links) in found
