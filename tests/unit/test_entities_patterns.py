"""Failure patterns seen on pages nobody tuned on, each on sentences written for these tests."""

from __future__ import annotations

from tests.unit.entity_mentions import labelled, mention
from workers.stages.entities.rules import refine


# --- all-capitals datelines


def test_capitalised_dateline_place_stays_a_place_whatever_the_model_said():
    texts = ["NAIROBI, June 4 (Wire) - The council met on Monday.", "ANKARA (Wire) - The talks ended early."]
    ms = [mention(texts, "NAIROBI", "GPE"), mention(texts, "ANKARA", "ORG", seg=1)]
    out = labelled(refine(ms, texts), texts)
    assert ("NAIROBI", "GPE") in out and ("ANKARA", "GPE") in out, out


def test_dateline_place_the_model_missed_is_found():
    texts = ["TARTU 2004-06-04", "The choir sang twice."]
    assert ("TARTU", "GPE") in labelled(refine([], texts), texts)


def test_capitalised_acronym_outside_a_dateline_is_still_no_place():
    texts = ["The ICT budget grew, said the WHO report."]
    out = labelled(refine([mention(texts, "ICT", "GPE")], texts), texts)
    assert out == [("ICT", "ORG")]


# --- table-like lines


def test_score_after_a_name_on_a_results_line_is_cut_off():
    texts = ["Results\nPeter Hallam 72 70 142\nMarcus Webb 71 73 144", "Harbour Rovers 3 Millbrook Town 1"]
    ms = [mention(texts, "Peter Hallam 72", "PERSON"), mention(texts, "Marcus Webb 71", "PERSON"),
          mention(texts, "Harbour Rovers 3", "ORG", seg=1)]
    out = labelled(refine(ms, texts), texts)
    assert ("Peter Hallam", "PERSON") in out and ("Marcus Webb", "PERSON") in out
    assert ("Harbour Rovers", "ORG") in out, out


def test_number_in_an_organisations_name_outside_a_table_stays():
    texts = ["She runs Studio 9 in the old town."]
    assert labelled(refine([mention(texts, "Studio 9", "ORG")], texts), texts) == [("Studio 9", "ORG")]


def test_year_after_a_name_is_left_for_the_date_steps():
    texts = ["Bone grows under load (Halvorsen and Berg 1998)."]
    out = labelled(refine([mention(texts, "Halvorsen and Berg 1998", "PERSON")], texts), texts)
    assert ("1998", "DATE") in out and ("Berg", "PERSON") in out, out


# --- capitalised sentence openers and place prefixes


def test_capitalised_preposition_opening_a_sentence_is_no_part_of_a_name():
    texts = ["Near Tarvik the convoy stopped for the night.", "Near dawn it moved on.", "After Oslo the band went home."]
    ms = [mention(texts, "Near Tarvik", "PERSON"), mention(texts, "Near", "PERSON", seg=1), mention(texts, "After Oslo", "GPE", seg=2)]
    out = labelled(refine(ms, texts), texts)
    # the name left after "Near" is a place: a one-word name after "near" is one, capitalised or not
    assert ("Tarvik", "GPE") in out and ("Oslo", "GPE") in out
    assert not [t for t, _ in out if t.startswith(("Near", "After"))], out


def test_place_named_with_fort_or_lake_is_a_place_though_a_surname_follows():
    texts = ["Crowds gathered at Fort Ward and swam in Lake Ward. Lee Ward spoke."]
    ms = [mention(texts, "Fort Ward", "PERSON"), mention(texts, "Lake Ward", "PERSON"), mention(texts, "Lee Ward", "PERSON")]
    out = labelled(refine(ms, texts), texts)
    assert ("Fort Ward", "GPE") in out and ("Lake Ward", "LOC") in out and ("Lee Ward", "PERSON") in out, out


def test_surname_of_a_person_on_the_page_is_not_found_again_inside_a_place_name():
    texts = ["Soldiers trained at Fort Lee.", "Dana Lee, a sergeant, said the camp was cold. Lee left in May."]
    out = labelled(refine([mention(texts, "Dana Lee", "PERSON", seg=1)], texts), texts)
    assert out.count(("Lee", "PERSON")) == 1, out
