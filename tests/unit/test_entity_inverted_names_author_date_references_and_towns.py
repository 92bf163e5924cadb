"""Entity steps of the fifteenth round (model output built by hand): a person written surname first where the name
stands alone or before a citation's year; reference entries in author-date style, the second author's initials
first and the year after a full stop, and the journal before its volume and pages; a town's name the model read as
part of a person's is no surname when no given name opens it. Every sentence was written for these tests."""

from __future__ import annotations

import pytest

from tests.unit.entity_mentions import refined


@pytest.mark.parametrize("texts, model, name", [
    (["Presiding judge\tTorsvik-Ahl, Marit"], [("Torsvik-Ahl", "PERSON", 0), ("Marit", "PERSON", 0)], "Torsvik-Ahl, Marit"),
    (["VAN DER HOEK, Ingrid\tNorth Isles Rovers\t7"], [("VAN DER HOEK", "ORG", 0), ("Ingrid", "PERSON", 0)], "VAN DER HOEK, Ingrid"),
    (["² See also Brekkevold, Sigurd (2021), a working paper of the harbour board."], [("Sigurd", "PERSON", 0)],
     "Brekkevold, Sigurd"),
    # a full date in the brackets, a second author after a semicolon
    (["1. ↑ Tarnvik, Ingrid (12 March 2009). \"Nets\". Harbour Post."], [("Tarnvik", "PERSON", 0)], "Tarnvik, Ingrid"),
    (["2. ↑ Holmqvist, Tomas; Selvik-Holm, Marit (1988). Boats."], [("Holmqvist", "ORG", 0)], "Holmqvist, Tomas"),
])
def test_a_name_written_surname_first_alone_or_before_a_year_is_one_person(texts, model, name):
    assert (name, "PERSON") in refined(texts, model)


@pytest.mark.parametrize("texts, model, wrong", [
    # two names, each given name first, are two persons
    (["Contacts: Ingrid Solvang, Tomas Ekberg"], [("Ingrid Solvang", "PERSON", 0), ("Tomas Ekberg", "PERSON", 0)],
     "Ingrid Solvang, Tomas Ekberg"),
    # a city and a name in a list in a sentence are not a person written surname first
    (["We sailed from Oslo, Marit and I, before the storm."], [("Oslo", "GPE", 0), ("Marit", "PERSON", 0)], "Oslo, Marit"),
])
def test_two_names_or_a_place_before_a_comma_are_no_person_written_surname_first(texts, model, wrong):
    assert (wrong, "PERSON") not in refined(texts, model)


def test_author_date_references_with_initials_first_and_the_year_after_a_full_stop_are_persons():
    texts = ["Solvang, I. 2021. Ferries of the northern isles. Bodø: Nord Press.",
             "Ekberg, T. and A. Rekdal. 2019. Harbour dues and island trade. Island Studies 4(1): 3–19.",
             "K. Havnes & M. Moen (2018). Pilots of the outer skerries. Coast and People, 2, 41–60."]
    out = refined(texts, [("Solvang", "ORG", 0), ("Ekberg", "PERSON", 1), ("A. Rekdal", "PERSON", 1),
                          ("K. Havnes & M. Moen", "ORG", 2)])
    for name in ("Solvang, I", "Ekberg, T", "A. Rekdal", "K. Havnes", "M. Moen"):
        assert (name, "PERSON") in out, name


def test_a_state_abbreviation_before_a_year_is_no_authors_initials():
    texts = ["U.S. Army (2019). Field manual for river crossings."]
    assert ("U.S. Army", "PERSON") not in refined(texts, [("U.S. Army", "ORG", 0)])


def test_a_towns_name_closing_a_name_without_a_given_name_is_no_surname():
    texts = ["Fishers from Harstad met the board on Monday.",
             "The Havfiske de Harstad group wrote to the mayor.",
             "Boats leave Harstad at dawn."]
    out = refined(texts, [("Harstad", "GPE", 0), ("Havfiske de Harstad", "PERSON", 1), ("Harstad", "PERSON", 2)])
    assert ("Harstad", "PERSON") not in out
    assert ("Harstad", "GPE") in out


@pytest.mark.parametrize("entry, journal, model", [
    ("Holm, T. 2020. Tides and trade. Coast and People, 2, 41–60.", "Coast and People", []),
    ("Berg O, Lund A (2018) Winter ferries. North Sea Harbour Review 12(3): 201–219.", "North Sea Harbour Review",
     [("North Sea", "LOC", 0)]),
    ("[2] Holm A. Shade and yield. Harbour Agroforestry Letters. 2019;12:233–247.", "Harbour Agroforestry Letters", []),
    ("Berg M. 2020. Credit and cotton. Cahiers du Littoral Agricole 14(2): 33–51.", "Cahiers du Littoral Agricole", []),
])
def test_a_journal_before_its_volume_and_pages_is_an_organisation(entry, journal, model):
    assert (journal, "ORG") in refined([entry], model)


def test_a_shops_hours_after_a_sentence_are_no_journal():
    out = refined(["The cafe is on the quay. Open 09:00–17:00, closed Mondays."], [])
    assert not any(label == "ORG" for _, label in out)


def test_a_small_towns_name_is_still_the_surname_of_a_person_whose_given_name_no_list_holds():
    texts = ["Ferris Holt joined the crew in May.", "Holt won the race.", "Holt thanked the harbour board."]
    out = refined(texts, [("Ferris Holt", "PERSON", 0), ("Holt", "GPE", 1), ("Holt", "PERSON", 2)])
    assert ("Holt", "GPE") not in out
    assert out.count(("Holt", "PERSON")) == 2
