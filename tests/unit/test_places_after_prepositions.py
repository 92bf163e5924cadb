"""Names the model read as persons' after "in", "between"...: sentences written for these tests, model output built by hand.

A one-word or several-word name after a preposition of place is a place unless the page gives a sign of a person: a
given name or a title opening it, the page naming a person with it as a surname, the name acting elsewhere on the
page ("Varnholm agreed"), a possessive, or a citation.
"""

from __future__ import annotations

from tests.unit.entity_mentions import refined


def test_two_names_between_a_preposition_and_and_are_places():
    texts = ["Trains will run again between Ostby and Varnholm by 2030, the ministry said."]
    out = refined(texts, [("Ostby", "PERSON", 0), ("Varnholm", "PERSON", 0)])
    assert ("Ostby", "GPE") in out and ("Varnholm", "GPE") in out


def test_a_name_that_acts_elsewhere_on_the_page_stays_a_person_after_between():
    texts = ["The talks between Varnholm and the council failed.", "Varnholm agreed to a second round in May."]
    out = refined(texts, [("Varnholm", "PERSON", 0), ("Varnholm", "PERSON", 1)])
    assert ("Varnholm", "PERSON") in out and ("Varnholm", "GPE") not in out


def test_in_opening_a_sentence_makes_a_place_of_a_persons_name():
    texts = ["Road travel is not advised. In Quarnsay, access has improved since June."]
    out = refined(texts, [("Quarnsay", "PERSON", 0)])
    assert ("Quarnsay", "GPE") in out


def test_a_name_of_several_words_after_in_is_a_place_when_no_given_name_opens_it():
    texts = ["The company will open a mill in Vrenta Lagosa, far inland, next year."]
    out = refined(texts, [("Vrenta Lagosa", "PERSON", 0)])
    assert ("Vrenta Lagosa", "GPE") in out


def test_a_name_of_several_words_after_in_stays_a_person_with_a_given_name_or_a_title():
    texts = ["The idea is found in Julian Varnholm, and again in Judge Ostby."]
    out = refined(texts, [("Julian Varnholm", "PERSON", 0), ("Judge Ostby", "PERSON", 0)])
    assert ("Julian Varnholm", "PERSON") in out and ("Ostby", "PERSON") in out


def test_names_listed_after_a_place_the_gazetteer_knows_are_places():
    texts = ["Ferries link Bergen, Tarnvik, Ostholm and Varnsund every hour."]
    out = refined(texts, [("Bergen", "GPE", 0), ("Tarnvik", "PERSON", 0), ("Ostholm", "PERSON", 0), ("Varnsund", "PERSON", 0)])
    assert ("Tarnvik", "GPE") in out and ("Ostholm", "GPE") in out and ("Varnsund", "GPE") in out


def test_a_speaker_after_a_place_and_a_comma_is_no_item_of_a_list():
    texts = ["In Bergen, Varnholm said the ferries would run again."]
    out = refined(texts, [("Bergen", "GPE", 0), ("Varnholm", "PERSON", 0)])
    assert ("Varnholm", "PERSON") in out


def test_a_village_the_model_read_as_a_people_after_at_is_a_place_and_so_are_its_other_mentions():
    texts = ["The minister visited the border post at Varnesti on Tuesday.", "Lorries queue at Varnesti for hours."]
    out = refined(texts, [("Varnesti", "NORP", 0), ("Varnesti", "NORP", 1)])
    assert out.count(("Varnesti", "GPE")) == 2, out
    # a nationality the gazetteer knows stays one ("in Moldovan waters" is an adjective besides)
    out = refined(["Boats fish at Moldovan moorings."], [("Moldovan", "NORP", 0)])
    assert ("Moldovan", "NORP") in out, out
