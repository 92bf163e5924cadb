"""The shared word helpers of workers/knowledge/words.py: pure functions, plain tests."""

from __future__ import annotations

import pytest

from workers.knowledge.words import plural_stems


@pytest.mark.parametrize(("word", "stems"), [
    ("ferries", ["ferrie", "ferry"]),
    ("Churches", ["churche", "church"]),
    ("traders", ["trader"]),
    ("Welles", ["welle"]),  # no "-es" off after an l: the caller finds no word in "welle"
])
def test_a_plural_gives_what_it_may_be_the_plural_of(word, stems):
    assert plural_stems(word) == stems


@pytest.mark.parametrize("word", ["class", "bus", "analysis", "fox", "was"])
def test_a_word_that_is_no_s_plural_gives_nothing(word):
    assert plural_stems(word) == []
