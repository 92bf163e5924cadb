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
