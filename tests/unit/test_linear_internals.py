"""The linear replacements of quadratic patterns find exactly what the patterns found.

Each once-quadratic regular expression is kept here as the specification and
compared with its replacement on many small random texts made of the pieces
that matter (letters, "@", dots, hyphens, spaces, mojibake, titles).
"""

from __future__ import annotations

import random
import re

from workers.stages.classify import _HONORIFIC, TitledNames
from workers.stages.clean import _char_opcodes, _fix_mojibake, _hyphen_end, _opcodes
from workers.stages.entities.model import model_view
from workers.stages.segment import has_email_or_url, split_sentences


def test_line_end_hyphen_is_found_as_the_pattern_found_it():
    spec = re.compile(r"([^\W\d_]{2,})-$")
    rnd = random.Random(1)
    pieces = ["a", "bé", "-", " ", "1", "_", "x-", "Ω"]
    for _ in range(20_000):
        line = "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 8)))
        m = spec.search(line)
        assert _hyphen_end(line) == (m.group(1) if m else None), repr(line)


def test_email_or_url_test_agrees_with_the_pattern():
    spec = re.compile(r"\S+@\S+\.\w+|https?://|www\.")
    rnd = random.Random(2)
    pieces = ["a", "@", ".", " ", "b", "_", "\n", "-", "x.y", "www.", "http://", "é"]
    for _ in range(50_000):
        text = "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 12)))
        assert has_email_or_url(text) == bool(spec.search(text)), repr(text)


def test_surnames_called_by_a_title_are_found_as_the_pattern_found_them():
    rnd = random.Random(3)
    pieces = ["Mr", "Mr.", "Mrs", "Dr", "Professor", "Prof.", "Minister", "Hale", "Hale's", "Haleson", "Ray-Hale",
              "J.", "the", "\n", "King", "Ann", "O'Dell", "xMr", "Hale-", "Ha"]
    for _ in range(3_000):
        body = " ".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 12)))
        names = TitledNames(body)
        for surname in ["Hale", "Haleson", "J.", "Ann", "O'Dell", "Ha", "Ray", "King"]:
            spec = re.search(rf"\b{_HONORIFIC}\s+(?:[A-Z][\w.'’-]*\s+){{0,2}}{re.escape(surname)}\b", body)
            assert names.called_by_title(surname) == bool(spec), (body, surname)


def test_long_lines_are_lined_up_with_ftfy_word_by_word_and_every_change_is_accounted_for():
    rnd = random.Random(4)
    words = "the cat caf\u00c3\u00a9 &amp; \u00e2\u0080\u0093 na\u00c3\u00afve x y &lt;b&gt; dog".split(" ") + ["", "\u00c3\xa0"]
    for _ in range(200):
        a = " ".join(rnd.choice(words) for _ in range(rnd.randint(1, 3000)))
        b = _fix_mojibake(a)
        if rnd.random() < 0.3:  # text that has fallen out of step by whole words
            b = b.replace(" x ", " xy z ", 3).replace("dog ", "", 2)
        ops = _opcodes(a, b)
        pa = pb = 0
        for op, a0, a1, b0, b1 in ops:
            assert (a0, b0) == (pa, pb)
            if op == "equal":
                assert a[a0:a1] == b[b0:b1]
            pa, pb = a1, b1
        assert (pa, pb) == (len(a), len(b))
        if len(a) <= 4096:
            assert ops == _char_opcodes(a, b)  # ordinary lines: exactly difflib's answer, as before


def test_the_model_reads_unreadable_runs_as_one_word_of_the_same_length():
    text = "Ana Silva spoke. " + "(" * 300 + " then " + "!? " * 20 + "and www.example.org/a/b left."
    view = model_view(text)
    assert len(view) == len(text)
    assert view.startswith("Ana Silva spoke. ") and view.endswith("and www.example.org/a/b left.")
    assert "(" not in view and "!?" not in view
    ordinary = "Dr. Hale met the mayor of Quito (again) -- twice!? Yes..."
    assert model_view(ordinary) == ordinary


def test_the_model_reads_a_run_of_one_and_two_letter_words_as_one_word_and_prose_as_it_is():
    text = "Ana Silva spoke. " + "a, " * 400 + "then " + "R E P O R T  O F  T H E  B O A R D" + " left Quito."
    view = model_view(text)
    assert len(view) == len(text)
    assert view.startswith("Ana Silva spoke. ") and view.endswith(" left Quito.")
    assert "a," not in view and "R E P" not in view and len(view.split()) == 8
    # Fifteen short words in a row are read as they are; the sixteenth makes them a run.
    fifteen = "So as we go to do so if I am up by my ox at"
    assert len(fifteen.split()) == 15
    assert model_view(fifteen + " dawn, Oslo waits.") == fifteen + " dawn, Oslo waits."
    assert model_view(fifteen + " it Oslo waits.").endswith(" Oslo waits.") and "So as" not in model_view(fifteen + " it Oslo waits.")


def test_sentences_after_many_abbreviations_split_as_before():
    text = " ".join(["Dr. Hale met Mr. Ray and Mrs. Ann Lee in St. Paul."] * 3)
    assert [text[a:b] for a, b in split_sentences(text)] == ["Dr. Hale met Mr. Ray and Mrs. Ann Lee in St. Paul."] * 3


def test_email_address_is_found_as_the_pattern_found_it():
    from workers.stages.clean import _EMAIL

    spec = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
    rnd = random.Random(7)
    pieces = ["a", "@", ".", " ", "b", "+", "-", "x.y", "é", "1", "|", "_"]
    for _ in range(50_000):
        text = "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 12)))
        m, n = spec.search(text), _EMAIL.search(text)
        assert (m and m.span()) == (n and n.span()), repr(text)


def test_edge_lines_of_one_word_said_again_and_again_cost_time_in_proportion():
    """A hang guard, not a benchmark: a 300 KB line of "cookies" took the cookie-banner pattern minutes (its search
    ran to the line's end from every "cookies"), and a 300 KB word the contact-line test as long; now well under a
    second each. The bound leaves room for a loaded machine."""
    import time

    from workers.stages.clean import _contact_line, chrome_at_edge

    t0 = time.process_time()
    chrome_at_edge("cookies " * 40_000)
    chrome_at_edge("Content available under " + "licence " * 40_000)
    _contact_line("a" * 300_000)
    _contact_line("x-" * 150_000)
    assert time.process_time() - t0 < 20


def test_a_name_set_apart_after_a_persons_place_is_found_as_the_pattern_found_it():
    import importlib

    people = importlib.import_module("workers.stages.entities.steps.people")
    from workers.knowledge.shapes import CAPITAL

    # (the specification: a small letter found by backtracking through the word, quadratic in the word's length)
    quadratic_word = rf"{CAPITAL}[\w'’-]*[a-zß-ÿ][\w'’-]*"
    spec = re.compile(people._APPOSITION.pattern.replace(people._APPOSED_WORD, quadratic_word), people._APPOSITION.flags)
    assert spec.pattern != people._APPOSITION.pattern
    rnd = random.Random(7)
    pieces = ["our head, ", "a neighbour, ", "Ana", "LIMA", "Bé", "x", " ", ",", ".", "\n", "-", "'", "who ", "O"]
    for _ in range(20_000):
        text = "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 10)))
        assert [m.span(1) for m in people._APPOSITION.finditer(text)] == [m.span(1) for m in spec.finditer(text)], repr(text)
