"""Given names, from the ``gender-guesser`` package's name list (Jörg Michael's nam_dict).

Used only as evidence that a span such as "Knox Thames" or "Dries Mertens" is a
person: the model's label is changed when the first word is a common given
name. Read once per process; only names common in at least one country
(frequency class 3 or more of 13) are kept.
"""

from __future__ import annotations

import os
from functools import lru_cache

MIN_FREQ = 3


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
            if freq >= MIN_FREQ:
                out.add(name)
    return frozenset(out)


def is_given_name(word: str) -> bool:
    return word in given_names()
