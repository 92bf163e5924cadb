"""Authors in citations of other styles than APA: sentences written for these tests, model output built by hand."""

from __future__ import annotations

from tests.unit.entity_mentions import refined


def test_authors_before_a_year_without_a_comma_are_persons():
    texts = ["Most riders arrive by bicycle (Van der Hoek and Brandvik 2019; Oster et al. 2021)."]
    out = refined(texts, [("Van der Hoek and Brandvik", "ORG", 0)])
    assert ("Van der Hoek", "PERSON") in out and ("Brandvik", "PERSON") in out and ("Oster", "PERSON") in out


def test_a_reference_lists_surnames_keep_their_initials():
    texts = ["References", "Lundvall M, Skovgaard AB (2020). Parking under pressure. Planning Review 3: 1-9."]
    out = refined(texts, [])
    assert ("Lundvall M", "PERSON") in out and ("Skovgaard AB", "PERSON") in out


def test_a_particle_inside_a_word_of_a_title_before_a_year_opens_no_author():
    texts = ["Her best role was in A Single Man (2009), a film of grief."]
    out = refined(texts, [])
    assert not any(label == "PERSON" for _, label in out)
