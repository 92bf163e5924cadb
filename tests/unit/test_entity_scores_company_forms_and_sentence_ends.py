"""A club's score, a company's legal form and a sentence's end at the edge of a name: sentences written for these tests,
model output built by hand."""

from __future__ import annotations

from tests.unit.entity_mentions import refined


def test_a_score_after_a_club_is_no_part_of_its_name():
    texts = ["AS Kirkby beat Harbour Athletic Club de Varn 2-1 on Sunday."]
    out = refined(texts, [("Harbour Athletic Club de Varn 2-1", "ORG", 0)])
    assert ("Harbour Athletic Club de Varn", "ORG") in out and not any("2-1" in t for t, _ in out)


def test_a_sentence_ending_on_an_accented_word_ends_the_name_before_a_clubs_role():
    texts = ["Kirkby kept top place in the league after the weekend's matches.",
             '"We were slow," said Kirkby coach Ousso Varnhé. Tarnby coach Tomas Berg blamed the pitch.']
    out = refined(texts, [("Ousso Varnhé", "PERSON", 1), ("Tomas Berg", "PERSON", 1)])
    assert ("Ousso Varnhé", "PERSON") in out and not any(". " in t for t, _ in out)


def test_a_name_with_a_spanish_legal_form_is_a_company():
    texts = ["The court fined Maderas del Varnal SL for the felling."]
    assert ("Maderas del Varnal SL", "ORG") in refined(texts, [("Maderas del Varnal SL", "PERSON", 0)])


def test_the_place_after_a_companys_form_is_its_seat_not_part_of_a_name():
    texts = ["The line was built by Kestrel Contractors (Pty) Ltd of Norbay under the supervision of the board."]
    out = refined(texts, [("Kestrel Contractors", "ORG", 0)])
    assert ("Kestrel Contractors (Pty) Ltd", "ORG") in out and ("Norbay", "GPE") in out


def test_a_band_is_a_body_and_an_asbl_a_legal_form():
    assert ("Tarnby Youth Band", "ORG") in refined(["The Tarnby Youth Band played at the harbour on Friday."], [])
    texts = ["Seed came from Bana Tarnvik ASBL, a farmers' association."]
    assert ("Bana Tarnvik ASBL", "ORG") in refined(texts, [("Bana Tarnvik", "PERSON", 0)])
