"""A currency's code beside an amount, or its name after one, is no organisation, and the engineer's and the lawyer's titles in a hearing
("ENGR.", "Atty.") are titles, not names. Every sentence here was written for these tests."""

from __future__ import annotations

import pytest

from tests.unit.entity_mentions import KNOWN, mention
from workers.stages.entities import find
from workers.stages.entities.rules import refine


def _found(texts: list[str]) -> list[tuple[str, str]]:
    return [(texts[m.seg][m.start:m.end], m.label) for m in find(texts)]


@pytest.mark.parametrize("text, code", [
    ("Harbour museum  ·  adults NOK 120, under-16s free", "NOK"),
    ("The ferry ticket costs XOF 5,000 each way.", "XOF"),
    ("A night at the guesthouse is 45 SEK more in July.", "SEK"),
])
def test_a_currency_code_beside_an_amount_is_not_a_name(text, code):
    assert all(t != code for t, _ in _found([text]))


@pytest.mark.parametrize("text, name", [
    ("Price: 49.95 Euro, postage included.", "Euro"),
    ("The fine was 300 Rupees, paid at the desk.", "Rupees"),
    ("Bail was set at 2 million Pesos on Friday.", "Pesos"),
])
def test_a_currencys_name_after_an_amount_is_not_a_name(text, name):
    kept = refine([mention([text], name, "PERSON")], [text], known=KNOWN)
    assert not any(m.text([text]) == name for m in kept), kept


def test_a_currencys_name_without_an_amount_before_it_is_left_to_the_model():
    # (a currency's name alone, with no amount before it: left as the model read it; named twice, so no other step drops it)
    texts = ["The Euro fell against the yen on Monday.", "By Friday the Euro had risen again."]
    model = [mention(texts, "Euro", "ORG", seg=0), mention(texts, "Euro", "ORG", seg=1)]
    kept = [(m.text(texts), m.label) for m in refine(model, texts, known=KNOWN)]
    assert kept.count(("Euro", "ORG")) == 2, kept
    texts = ["Prices rose 2 % in Euro terms."]
    kept = [(m.text(texts), m.label) for m in refine([mention(texts, "Euro", "NORP")], texts, known=KNOWN)]
    assert ("Euro", "NORP") in kept, kept


def test_a_code_that_is_an_organisations_name_stays_one_without_an_amount_beside_it():
    texts = ["The NOK board met in Bergen on Monday.", "Tickets cost NOK 40 for adults."]
    model = [mention(texts, "NOK", "ORG", seg=0), mention(texts, "NOK", "ORG", seg=1)]
    kept = [(m.seg, m.text(texts), m.label) for m in refine(model, texts, known=KNOWN)]
    assert (0, "NOK", "ORG") in kept and not any(seg == 1 and t == "NOK" for seg, t, _ in kept), kept


def test_an_engineers_or_a_lawyers_title_is_not_part_of_a_name_nor_a_name_itself():
    hearing = ["HON. MAGBANUA: Thank you. The chair recognizes Engr. Ferdinand Salinas-Uy of the water district.",
               "ENGR. SALINAS-UY: Forty-one hectares, sir, all of it along the river.",
               "Atty. Remedios Cruz filed the motion on Monday."]
    found = _found(hearing)
    for name in ("Ferdinand Salinas-Uy", "SALINAS-UY", "Remedios Cruz"):
        assert (name, "PERSON") in found, found
    assert not any(t.lower().startswith(("engr", "atty")) for t, _ in found), found
