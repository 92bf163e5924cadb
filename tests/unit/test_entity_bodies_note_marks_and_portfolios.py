"""Organisations whose names end on a note's mark, are named for what they deal with, or list a ministry's fields, and
towns listed after "in" or "between" that the model ran together:
sentences written for these tests, model output built by hand."""

from __future__ import annotations

from tests.unit.entity_mentions import refined


def test_a_note_mark_after_an_organisations_last_word_does_not_hide_its_head_word():
    texts = ["The survey was carried out with Varnholm Technical University.¹ It ran for a year."]
    assert ("Varnholm Technical University", "ORG") in refined(texts, [("Varnholm Technical", "ORG", 0)])


def test_a_body_named_for_the_disasters_it_manages_is_no_event():
    texts = ["Hazard maps were prepared by the Norbay Disaster Management Authority (NDMA) last year."]
    out = refined(texts, [])
    assert ("Norbay Disaster Management Authority", "ORG") in out and not any(label == "EVENT" for _, label in out)


def test_a_ministrys_fields_stay_in_its_name_but_bodies_listed_after_it_do_not():
    texts = ["The Ministry of Agriculture, Fisheries and Food said so."]
    assert ("Ministry of Agriculture, Fisheries and Food", "ORG") in refined(texts, [("Ministry of Agriculture", "ORG", 0)])
    texts = ["The Ministry of Health, Oxfam and the Red Cross signed the plan."]
    out = refined(texts, [("Ministry of Health", "ORG", 0), ("Oxfam", "ORG", 0)])
    assert ("Ministry of Health", "ORG") in out and ("Oxfam", "ORG") in out


def test_towns_listed_after_in_or_between_are_places_when_the_gazetteer_knows_one():
    texts = ["Keep the well far from the pen. In Viljandi and Tarnvoll, where the wind blows hard, build a wall."]
    out = refined(texts, [("Viljandi and Tarnvoll", "ORG", 0)])
    assert ("Viljandi", "GPE") in out and ("Tarnvoll", "GPE") in out
    out = refined(["The marsh lies between Pärnu and Viljandi."], [("Pärnu and Viljandi", "ORG", 0)])
    assert ("Pärnu", "GPE") in out and ("Viljandi", "GPE") in out
    # a firm's name after "in", no place the gazetteer knows in it, stays the firm's
    assert ("Holmvik and Berglund", "ORG") in refined(["She bought shares in Holmvik and Berglund last year."],
                                                      [("Holmvik and Berglund", "ORG", 0)])
