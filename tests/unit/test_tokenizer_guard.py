"""What the spaCy tokenizers read of a page: the same length, runs no tokenizer should pay for and note marks replaced."""

from __future__ import annotations

from workers.tokenizer_guard import readable


def test_a_note_mark_glued_to_a_word_or_mark_reads_as_spaces_of_its_length():
    text = "Boats were built on the island since 1885.[1] The lagoon[3, 4] froze in 1963.[12]"
    out = readable(text)
    assert len(out) == len(text)
    assert out == text.replace("[1]", " " * 3).replace("[3, 4]", " " * 6).replace("[12]", " " * 4)


def test_brackets_that_open_a_reference_or_stand_apart_are_kept():
    for text in ("[3] Okoro N (2019) Quays and tides.", "Read the note [2] below.", "The set [a, b] is small."):
        assert readable(text) == text


def test_a_wall_of_brackets_is_one_placeholder_word_of_the_same_length():
    text = "Intro " + "(" * 200 + " end"
    out = readable(text)
    assert len(out) == len(text) and "(" not in out
