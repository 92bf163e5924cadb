"""Places too small for the gazetteer, named after a preposition, and peoples named before "people" or "villages"
(model output built by hand). Every sentence was written for these tests."""

from __future__ import annotations

import pytest

from tests.unit.entity_mentions import refined


@pytest.mark.parametrize("sentence, place", [
    ("Thank you for your welcome at Tolvarn yesterday.", "Tolvarn"),
    ("Next week the crew sails to Ostrevik for the net harvest.", "Ostrevik"),
    ("Boats leave from Kessaby twice a day in summer.", "Kessaby"),
    ("The nurse on Varnholmen walks the tablets from house to house.", "Varnholmen"),
    ("A new landing stage near Sellivik opened in May.", "Sellivik"),
])
def test_an_unknown_name_after_a_preposition_that_nothing_took_is_a_place(sentence, place):
    assert (place, "GPE") in refined([sentence], [])


@pytest.mark.parametrize("sentence, model, word", [
    ("She switched to Python for the survey scripts.", [], "Python"),  # an English word
    ("He handed the keys to Maria before the ferry left.", [], "Maria"),  # a given name
    ("Most readers opened the page in Lumenfox while a few kept older browsers.", [], "Lumenfox"),  # a known product
    ("The team worked on X-ray diffraction at the lab.", [], "X-ray"),
    ("The grant went to NORDA for the harbour survey.", [], "NORDA"),  # an acronym
    ("Ana Tolvik joined in March. The boat was given to Tolvik by the board.", [("Ana Tolvik", "PERSON", 0)], "Tolvik"),
    ("In the tvarn style a tvarn is a net; nets at Tvarn are few.", [], "Tvarn"),  # written in lower case too
])
def test_a_word_some_list_or_the_page_explains_is_no_unknown_place(sentence, model, word):
    assert (word, "GPE") not in refined([sentence], model)


def test_names_before_people_or_villages_are_peoples_not_places():
    texts = ["We thank the leaders of the Vessari people on whose land we meet.",
             "To the west, Orrun and Kelti villages farm narrow terraces."]
    out = refined(texts, [("Vessari", "GPE", 0), ("Orrun", "GPE", 1), ("Kelti", "PERSON", 1)])
    assert ("Vessari", "NORP") in out
    assert ("Orrun", "NORP") in out and ("Kelti", "NORP") in out


def test_a_place_the_gazetteer_knows_before_people_stays_a_place():
    texts = ["Nairobi people say the new road changed the market."]
    out = refined(texts, [("Nairobi", "GPE", 0)])
    assert ("Nairobi", "GPE") in out
