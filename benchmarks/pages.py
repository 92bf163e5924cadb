"""Big and hostile pages for the size benchmark and the tests, built on the spot (nothing committed).

Corpus pages are cut to a size by joining whole corpus pages; the hostile
("pathological") pages are the shapes that once made a stage quadratic: one
endless word, runs of brackets or of ``!?``, one-letter words without end, capitalised words without end, a
page with no line break, one long block that ftfy has to repair.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from pathlib import Path


def corpus_text(corpus: Path) -> str:
    files = sorted(corpus.glob("*/pages/*.txt"))
    if not files:
        raise SystemExit(f"no corpus pages under {corpus}/*/pages/")
    return "\n\n".join(f.read_text(encoding="utf-8").strip() for f in files)


def sized(text: str, size: int) -> str:
    """``text`` repeated or cut (at a paragraph break where there is one) to about ``size`` characters."""
    out = text
    while len(out) < size:
        out += "\n\n" + text
    cut = out.rfind("\n\n", 0, size)
    return out[: cut if cut > size // 2 else size]


def long_word(size: int, _text: str = "") -> str:
    """One line that is a single word, then one more line (the hyphenation pattern looks at line pairs)."""
    return "a" * size + "\nand one more line.\n"


def brackets(size: int, _text: str = "") -> str:
    half = size // 2
    return "(" * half + ")" * (size - half) + "\n"


def punctuation(size: int, _text: str = "") -> str:
    return "!?" * (size // 2) + "\n"


def short_words(size: int, _text: str = "") -> str:
    """Words of one letter and a comma ("a, a, a, ..."): two tokens every three characters, letter-spaced text's density."""
    return "a, " * (size // 3) + "\n"


def capitalised(size: int, text: str) -> str:
    """Capitalised words in a row, on one line, no sentence end."""
    words = sorted({w.strip(".,;:()\"'").capitalize() for w in text.split() if w.isalpha() and len(w) > 2})
    rnd = random.Random(13)
    out: list[str] = []
    n = 0
    while n < size:
        w = rnd.choice(words)
        out.append(w)
        n += len(w) + 1
    return " ".join(out) + "\n"


def no_newline(size: int, text: str) -> str:
    return " ".join(sized(text, size).split()) + "\n"


def one_block_repairs(size: int, text: str) -> str:
    """The corpus as one long line with HTML entities and mojibake for ftfy to mend, as a web page saved as text."""
    lines = [ln for ln in sized(text, size).splitlines() if ln.strip()]
    rnd = random.Random(13)
    out = []
    for ln in lines:
        r = rnd.random()
        if r < 0.1:
            ln = ln.replace(" and ", " &amp; ", 1)
        elif r < 0.2:
            ln = ln + " \u00e2\u0080\u0093 caf\u00c3\u00a9"  # "– café" read as Windows-1252
        out.append(ln)
    return " ".join(out) + "\n"


#: name -> builder(size in characters, corpus text)
HOSTILE: dict[str, Callable[[int, str], str]] = {
    "long_word": long_word,
    "brackets": brackets,
    "punctuation": punctuation,
    "short_words": short_words,
    "capitalised": capitalised,
    "no_newline": no_newline,
    "one_block_repairs": one_block_repairs,
}
