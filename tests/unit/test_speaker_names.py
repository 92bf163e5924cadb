"""Speakers' labels in transcripts: sentences written for these tests, model output built by hand."""

from __future__ import annotations

from tests.unit.entity_mentions import refined


def test_a_label_in_capitals_that_is_the_surname_of_a_person_of_the_page_is_that_person():
    texts = ["By Priya Kestrand", "A talk with Ilse Varnholm about ice.", "KESTRAND: Why store ice?",
             "VARNHOLM: Because it melts."]
    out = refined(texts, [("Priya Kestrand", "PERSON", 0), ("Ilse Varnholm", "PERSON", 1), ("VARNHOLM", "ORG", 3)])
    assert ("KESTRAND", "PERSON") in out and ("VARNHOLM", "PERSON") in out and ("VARNHOLM", "ORG") not in out


def test_a_title_before_the_surname_stays_out_of_the_name():
    texts = ["Remarks by Ana Okafor", "SECRETARY OKAFOR: Thank you all."]
    out = refined(texts, [("Ana Okafor", "PERSON", 0)])
    assert ("OKAFOR", "PERSON") in out


def test_a_label_the_page_names_nobody_by_is_left_alone():
    texts = ["A talk with Ilse Varnholm.", "QUESTION: Why store ice?", "HARBOUR: The ferry is late."]
    out = refined(texts, [("Ilse Varnholm", "PERSON", 0)])
    assert not any(t in {"QUESTION", "HARBOUR"} for t, _ in out)


def test_a_label_after_the_time_of_its_turn_is_still_the_speaker():
    texts = ["A talk with Ilse Varnholm about ice.", "[00:01:12] KESTRAND: Why store ice?", "[00:01:20] VARNHOLM: Because it melts.",
             "[00:02:05] KESTRAND: And in summer?", "12:40 VARNHOLM: It keeps."]
    out = refined(texts, [("Ilse Varnholm", "PERSON", 0)])
    assert out.count(("KESTRAND", "PERSON")) == 2 and out.count(("VARNHOLM", "PERSON")) == 2
