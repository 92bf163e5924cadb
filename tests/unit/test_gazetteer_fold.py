"""The look-up key of a name (``gazetteer.fold``): plain ASCII and accented text fold alike."""

from __future__ import annotations

import pytest

from workers.knowledge.gazetteer import fold


@pytest.mark.parametrize(("text", "key"), [
    ("  The   Hague ", "hague"),
    ("Port\tVarna\nEast", "port varna east"),
    ("Łódź", "lodz"),
    ("São\u00a0Tomé", "sao tome"),
    ("Côte d’Ivoire", "cote d'ivoire"),
    ("the\u2003Gambia", "gambia"),
    ("Theodore", "theodore"),
])
def test_a_name_folds_to_lower_case_without_accents_the_or_extra_spaces(text, key):
    assert fold(text) == key
