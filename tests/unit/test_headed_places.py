"""Names that end in a place's last word ("River", "Pass", "Market") where the model saw no name (``headed_places``),
two places the model read as one span (``split_places``), and a river's one-word name after "the"
(``lone_names_after_the``): sentences written for these tests, model output built by hand."""

from __future__ import annotations

import pytest

from tests.unit.entity_mentions import refined


def test_a_name_ending_in_river_after_along_the_is_a_natural_place():
    out = refined(["Farmers along the Tolmaso River keep their hives far from the paths."], [])
    assert ("Tolmaso River", "LOC") in out


def test_a_pass_a_point_and_a_glacier_after_prepositions_are_places():
    texts = ["Lorries cross over the Vendrak Pass in summer.", "Seals rest at Skerrow Point.",
             "The stream starts below the Halvik Glacier."]
    out = refined(texts, [])
    assert {("Skerrow Point", "LOC"), ("Halvik Glacier", "LOC")} <= set(out)
    assert ("Vendrak Pass", "FAC") in out  # (a pass may be a road's: "pass" is no natural place's head in the lists)


def test_a_market_or_a_temple_is_a_building_not_a_natural_place():
    out = refined(["Stalls at the Mirabo Market open early, and the road passes the Ka-Seng Temple."], [])
    assert ("Mirabo Market", "FAC") in out and ("Ka-Seng Temple", "FAC") in out


def test_a_capitalised_the_opening_a_sentence_is_no_cue():
    # a band's or a book's name opening a sentence: no "the" in running text before it
    out = refined(["The Copper Lakes released a second album in spring."], [])
    assert not any(t.endswith("Lakes") for t, _ in out)


def test_an_organisations_word_inside_keeps_the_name_from_being_a_place():
    out = refined(["Offices moved to the Harbour Trust Building last year."], [])
    assert ("Harbour Trust Building", "FAC") not in out


def test_a_name_that_of_carries_on_is_left_alone():
    out = refined(["Boats sail across the Varnel Bay of Islands every day."], [])
    assert ("Varnel Bay", "LOC") not in out


def test_the_models_own_mention_is_kept():
    out = refined(["She took a job at the Tolmaso River Authority."], [("Tolmaso River Authority", "ORG", 0)])
    assert ("Tolmaso River Authority", "ORG") in out and ("Tolmaso River", "LOC") not in out


# --- places the model read as one span (``split_places``)


def test_two_places_joined_by_and_or_a_route_in_one_span_are_two():
    texts = ["Buses run from Varnholm and Skelvik every hour.", "The walk from Orvik Town to Tesslo takes a day."]
    out = refined(texts, [("Varnholm and Skelvik", "GPE", 0), ("Orvik Town to Tesslo", "GPE", 1)])
    assert {("Varnholm", "GPE"), ("Skelvik", "GPE"), ("Orvik Town", "GPE"), ("Tesslo", "GPE")} <= set(out), out


def test_and_inside_a_name_with_a_places_last_word_or_an_everyday_word_is_no_cut():
    texts = ["Ferries serve the Tarn and Selvik Islands.", "We toured the Copper and Salt Works museum."]
    out = refined(texts, [("Tarn and Selvik Islands", "LOC", 0), ("Copper and Salt Works", "FAC", 1)])
    assert ("Tarn and Selvik Islands", "LOC") in out and ("Copper and Salt Works", "FAC") in out, out


# --- one word no list knows after a preposition and "the" (``lone_names_after_the``)


def test_one_unknown_word_closing_a_phrase_after_a_preposition_and_the_is_a_river_or_region():
    texts = ["A mill stands on the Varno. Farms lie near the mouth of the Skarra, and boats sail to the Drassa."]
    out = refined(texts, [("Varno", "ORG", 0)])
    assert {("Varno", "LOC"), ("Skarra", "LOC"), ("Drassa", "LOC")} <= set(out), out


def test_a_people_an_institution_or_a_word_running_on_is_no_river():
    texts = ["The siege of the Holvars ended; she sat in the Storting.", "The women of the Velno weave stripes."]
    out = refined(texts, [])
    assert not any(t in {"Holvars", "Storting", "Velno"} and lab == "LOC" for t, lab in out), out


@pytest.mark.parametrize("sentence, model, place", [
    ("Boats wait on the Varno River at dawn.", ("Varno", "GPE", 0), ("Varno River", "LOC")),
    ("Ferries tie up at the Tarvik Ferry Terminal every day.", ("Tarvik", "GPE", 0), ("Tarvik Ferry Terminal", "FAC")),
    ("The festival ends with a concert in Selvaro Castle.", ("Selvaro", "GPE", 0), ("Selvaro Castle", "FAC")),
])
def test_the_models_place_runs_on_to_a_places_last_word_right_after_it(sentence, model, place):
    assert place in refined([sentence], [model])


def test_a_province_after_the_models_place_stays_out_of_it():
    assert ("Tarvala", "GPE") in refined(["Fighting in Tarvala Province went on for a week."], [("Tarvala", "GPE", 0)])


def test_a_place_word_inside_a_bodys_name_makes_no_place():
    out = refined(["Delegates from Tarvik Harbour Authority met."], [("Tarvik", "GPE", 0)])
    assert not [m for m in out if m[0].startswith("Tarvik Harbour") and m[1] != "ORG"], out


@pytest.mark.parametrize("sentence, place", [
    ("We walked a few days on the Tarvo Coast Path last summer.", "Tarvo Coast Path"),
    ("The stretch of the Velmar Cycle Trail between the towns is flat.", "Velmar Cycle Trail"),
])
def test_a_path_or_a_trail_is_a_place(sentence, place):
    assert any(t == place and label in ("LOC", "FAC", "GPE") for t, label in refined([sentence], [])), refined([sentence], [])
