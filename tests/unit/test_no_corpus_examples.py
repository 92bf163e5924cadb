"""No example in the entity code or its tests is taken from a gold page.

Quality is judged on pages nobody tuned on, so the entity steps' docstrings,
comments and tests use sentences written for them. This finds every quoted
example (a string literal, or a phrase in quotes inside a docstring or a
comment) of two words or more with a capital letter, and fails on those that
occur word for word in a page of the shared gold corpus. It runs where the
corpus is (``PAGEMILL_GOLD_DIR`` or ``/work/shared/corpus``) and is skipped
elsewhere.
"""

from __future__ import annotations

import ast
import io
import os
import re
import tokenize
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CORPUS = Path(os.environ.get("PAGEMILL_GOLD_DIR", "/work/shared/corpus"))
#: The entity code and the tests of it.
CHECKED = [
    *sorted((ROOT / "workers" / "stages" / "entities").rglob("*.py")),
    *sorted((ROOT / "workers" / "knowledge").rglob("*.py")),
    ROOT / "workers" / "stages" / "annotate.py",
    *sorted((ROOT / "tests" / "unit").glob("test_entities_*.py")),
    ROOT / "tests" / "unit" / "test_annotate.py",
    ROOT / "tests" / "unit" / "entity_mentions.py",
    ROOT / "tests" / "unit" / "test_known_names.py",
    ROOT / "tests" / "unit" / "test_entity_steps.py",
]
_QUOTED = re.compile(r'"([^"\n]{3,200})"|“([^”\n]{3,200})”|‘([^’\n]{3,200})’')


def quoted_examples(source: str) -> set[str]:
    """String literals of a Python source, and phrases in quotes inside its strings and comments."""
    out: set[str] = set()
    for tok in tokenize.generate_tokens(io.StringIO(source).readline):
        if tok.type == tokenize.STRING:
            try:
                value = ast.literal_eval(tok.string)
            except (ValueError, SyntaxError):
                continue  # an f-string: its parts are no example
            if isinstance(value, str):
                out.add(value)
                out.update(next(g for g in m.groups() if g) for m in _QUOTED.finditer(value))
        elif tok.type == tokenize.COMMENT:
            out.update(next(g for g in m.groups() if g) for m in _QUOTED.finditer(tok.string))
    return out


def worth_checking(example: str) -> str | None:
    """The example as it would be searched for, or None for what says nothing about a page (one word, no capital)."""
    s = example.strip(" .,;:")
    if len(s) < 8 or len(s.split()) < 2 or not any(c.isupper() for c in s):
        return None
    return s


def examples_in(pages: str, files: list[Path]) -> list[str]:
    hits = []
    for path in files:
        for ex in quoted_examples(path.read_text(encoding="utf-8")):
            s = worth_checking(ex)
            if s is not None and s in pages:
                hits.append(f"{path.relative_to(ROOT)}: {s!r}")
    return sorted(hits)


def test_the_check_finds_a_sentence_copied_from_a_page():
    source = 'def f():\n    """Splits "Olga Brandt of the Harbour Board" in two."""\n    return "Olga Brandt"  # "Harbour Board"\n'
    page = "Yesterday Olga Brandt of the Harbour Board resigned."
    assert {worth_checking(e) for e in quoted_examples(source)} >= {"Olga Brandt of the Harbour Board", "Olga Brandt", "Harbour Board"}
    assert worth_checking("the harbour") is None and worth_checking("Board") is None
    assert "Olga Brandt of the Harbour Board" in page


@pytest.mark.skipif(not CORPUS.is_dir(), reason="the shared gold corpus is not on this machine")
def test_no_example_in_the_entity_code_or_its_tests_occurs_in_a_gold_page():
    pages = "\n\x00\n".join(p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*/pages/*.txt")))
    assert pages
    hits = examples_in(pages, CHECKED)
    assert not hits, "examples taken from gold pages (write your own):\n" + "\n".join(hits)
