"""One body's name the model split at "and" (``joined_bodies``): sentences written for these tests, model output built
by hand."""

from __future__ import annotations

from tests.unit.entity_mentions import refined


def test_a_half_with_no_bodys_word_and_a_half_ending_in_one_are_one_body():
    # (a country opening the name kept ``org_heads`` from reading the whole run as one name)
    texts = ["The Kenya Haulage and Allied Dockers’ Union called a strike on Monday."]
    out = refined(texts, [("Kenya Haulage", "ORG", 0), ("Allied Dockers’ Union", "ORG", 0)])
    assert ("Kenya Haulage and Allied Dockers’ Union", "ORG") in out


def test_two_whole_names_stay_two():
    texts = ["The Tolvek Harbour Board and the Selvik Ports Authority signed the plan."]
    out = refined(texts, [("Tolvek Harbour Board", "ORG", 0), ("Selvik Ports Authority", "ORG", 0)])
    assert ("Tolvek Harbour Board", "ORG") in out and ("Selvik Ports Authority", "ORG") in out


def test_two_firms_listed_before_a_firms_word_stay_two():
    texts = ["Minibuses run by Tarvo Express and Selvik Shuttle Co leave every hour."]
    out = refined(texts, [("Tarvo Express", "ORG", 0), ("Selvik Shuttle Co", "ORG", 0)])
    assert ("Selvik Shuttle Co", "ORG") in out and ("Tarvo Express and Selvik Shuttle Co", "ORG") not in out


def test_a_half_the_page_names_alone_elsewhere_stays_apart():
    texts = ["Orvane Meteorology and the Coastal Research Institute share a ship.",
             "Orvane Meteorology issued a warning.", "Orvane Meteorology and Coastal Research Institute staff met."]
    out = refined(texts, [("Orvane Meteorology", "ORG", 2), ("Coastal Research Institute", "ORG", 2),
                          ("Orvane Meteorology", "ORG", 1)])
    assert ("Orvane Meteorology and Coastal Research Institute", "ORG") not in out
