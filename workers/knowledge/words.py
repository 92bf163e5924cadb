"""Given names (gender-guesser's name list) and common English words (wordfreq's small list).

Evidence only: a common given name first makes a span a person's name; a
word this frequent in English is no name by itself. Both are read once per
process from data shipped in the packages' wheels.
"""

from __future__ import annotations

import os
from functools import lru_cache

#: Given names common in at least one country (nam_dict's frequency class, 1..13) are kept.
MIN_NAME_FREQ = 3
#: Words at least this frequent (per word of English text) are common words, not names (Zipf 4: "grammar" is above, most surnames below).
COMMON = 1e-5


@lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    try:
        import gender_guesser
    except ImportError:  # pragma: no cover - declared dependency
        return frozenset()
    path = os.path.join(os.path.dirname(gender_guesser.__file__), "data", "nam_dict.txt")
    out: set[str] = set()
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            if line.startswith("#") or len(line) < 31:
                continue
            name = line[3:29].strip()
            if not name or "+" in name:
                continue
            freq = max((int(c, 16) for c in line[30:85] if c in "0123456789abcdef"), default=0)
            if freq >= MIN_NAME_FREQ:
                out.add(name)
    return frozenset(out)


def is_given_name(word: str) -> bool:
    return word in given_names()


@lru_cache(maxsize=1)
def _freq() -> dict[str, float]:
    try:
        from wordfreq import get_frequency_dict
    except ImportError:  # pragma: no cover - declared dependency
        return {}
    return get_frequency_dict("en", "small")


def is_common(word: str) -> bool:
    return _freq().get(word.lower(), 0.0) >= COMMON


def is_listed(word: str) -> bool:
    """The word is in wordfreq's English list at all, however rare: a word of English or a name English text often uses."""
    return word.lower() in _freq()


def plural_stems(word: str) -> list[str]:
    """What a word in the plural may be the plural of, by its spelling alone, lower case: "ferries" -> "ferrie",
    "ferry"; "churches" -> "churche", "church"; none for a word that is no -s plural ("class", "bus", "analysis",
    "fox"). The caller says which stem is a word."""
    w = word.lower()
    if len(w) < 4 or not w.endswith("s") or w.endswith(("ss", "us", "is")):
        return []
    stems = [w[:-1]]
    if w.endswith("es") and w[:-2].endswith(("s", "x", "z", "ch", "sh")):
        stems.append(w[:-2])  # "churches", not "Welles"
    if w.endswith("ies"):
        stems.append(w[:-3] + "y")
    return stems


def warm() -> None:
    given_names()
    _freq()
