"""Places and names of the fifteenth round (model output built by hand): rivers, lakes, islands and ranges known by
their name alone, from the gazetteer's list of natural features; a list of places the model read as one
organisation's name; an organisation's name in its own language in brackets after it. Every sentence was written for
these tests."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.unit.entity_mentions import refined
from workers.knowledge.gazetteer import gazetteer
from workers.knowledge.words import is_common, is_given_name

FEATURES = json.loads((Path(__file__).parents[2] / "workers" / "data" / "natural_features.json").read_text(encoding="utf-8"))


def test_no_natural_feature_on_the_list_is_an_english_word_or_a_given_name():
    names = [w for kind in FEATURES["lists"].values() for w in kind["words"]]
    assert len(names) > 150
    assert [w for w in names if is_common(w) or is_given_name(w)] == []


def test_a_natural_feature_gives_way_to_a_country_state_or_city_of_the_same_name():
    assert gazetteer().lookup("Danube").kind == "feature"
    assert gazetteer().lookup("Zanzibar").kind == "city"  # the city, an island too


@pytest.mark.parametrize("sentence, name, label", [
    ("The barges wait for the Danube to rise before they load.", "Danube", "PERSON"),
    ("Rice farmers around the Tonle Sap plant as the flood goes down.", "Tonle Sap", "PERSON"),
    ("The ferry from Mindanao was two hours late.", "Mindanao", "ORG"),
])
def test_a_river_lake_or_island_the_model_read_as_a_name_is_a_place(sentence, name, label):
    out = refined([sentence], [(name, label, 0)])
    assert (name, "GPE") in out or (name, "LOC") in out


def test_places_the_model_read_as_one_organisation_are_the_places_listed():
    out = refined(["Fish is landed at the ports of Bergen and Stavanger every morning."], [("Bergen and Stavanger", "ORG", 0)])
    assert ("Bergen", "GPE") in out and ("Stavanger", "GPE") in out
    assert ("Bergen and Stavanger", "ORG") not in out


def test_a_firm_named_for_two_people_stays_one_organisation():
    out = refined(["Shares in Holm and Berg fell on Monday."], [("Holm and Berg", "ORG", 0)])
    assert ("Holm and Berg", "ORG") in out


@pytest.mark.parametrize("sentence, model, bracketed", [
    ("The case went to the Harbour Court of Appeal (Havnerettens Ankedomstol) in May.",
     [("Harbour Court of Appeal", "ORG", 0), ("Havnerettens Ankedomstol", "PERSON", 0)], "Havnerettens Ankedomstol"),
    ("The North Isles Pilot Service (Losvesenet) marked the channel.", [("North Isles Pilot Service", "ORG", 0)], "Losvesenet"),
])
def test_an_organisations_own_name_in_brackets_after_it_is_the_organisation(sentence, model, bracketed):
    assert (bracketed, "ORG") in refined([sentence], model)


@pytest.mark.parametrize("sentence, model, bracketed", [
    ("The North Isles Pilot Service (Norway) marked the channel.", [("North Isles Pilot Service", "ORG", 0)], "Norway"),
    ("The Harbour Board (March) report was late.", [("Harbour Board", "ORG", 0)], "March"),
    ("The Harbour Board (Draft) report was late.", [("Harbour Board", "ORG", 0)], "Draft"),
    ("Tarn Fisheries AS (Norway and Sweden) sold more cod.", [("Tarn Fisheries AS", "ORG", 0)], "Norway and Sweden"),
])
def test_a_place_a_month_or_a_word_in_brackets_after_an_organisation_is_not_its_name(sentence, model, bracketed):
    assert (bracketed, "ORG") not in refined([sentence], model)


def test_a_person_whose_surname_is_a_rivers_name_stays_a_person():
    texts = ["Special Envoy Tomas Rhine to visit the northern isles", "Special Envoy Rhine will meet the harbour board."]
    out = refined(texts, [("Tomas Rhine", "ORG", 0)])
    assert ("Tomas Rhine", "PERSON") in out
    assert ("Rhine", "PERSON") in out


@pytest.mark.parametrize("sentence, model, event", [
    ("Her first report was on the 1906 Harbourton earthquake.", [("Harbourton", "GPE", 0)], "1906 Harbourton earthquake"),
    ("The Skerry Alpha disaster took 40 lives.", [("Skerry Alpha", "PERSON", 0)], "Skerry Alpha disaster"),
])
def test_a_disaster_named_for_its_place_in_lower_case_is_an_event(sentence, model, event):
    assert (event, "EVENT") in refined([sentence], model)


def test_a_day_before_a_disasters_word_is_no_event():
    out = refined(["The Monday floods closed the coast road."], [("Monday", "DATE", 0)])
    assert not any(label == "EVENT" for _, label in out)


def test_an_english_word_before_a_disasters_word_is_no_event():
    out = refined(["Research seminar: Reading eruption histories from lake mud."], [])
    assert not any(label == "EVENT" for _, label in out)


def test_a_list_of_places_whose_last_item_repeats_the_preposition_is_still_one_list():
    texts = ["The survey team worked in Orvanet, Kessby and in Tulmar last spring."]
    out = refined(texts, [])
    assert {("Orvanet", "GPE"), ("Kessby", "GPE"), ("Tulmar", "GPE")} <= set(out), out


def test_a_route_after_from_that_the_model_read_as_one_name_is_two_places():
    texts = ["The new bus from Holmsted to Tarnvik takes an hour."]
    out = refined(texts, [("Holmsted to Tarnvik", "ORG", 0)])
    assert ("Holmsted", "GPE") in out and ("Tarnvik", "GPE") in out and ("Holmsted to Tarnvik", "ORG") not in out, out


def test_a_name_with_to_inside_and_no_from_before_it_is_left_to_the_model():
    texts = ["She joined Back to Nature Trust in May."]
    out = refined(texts, [("Back to Nature Trust", "ORG", 0)])
    assert ("Back to Nature Trust", "ORG") in out, out
