"""Big and hostile pages for tests, written from our own word lists (no corpus text)."""

from __future__ import annotations

import random
import textwrap

_PEOPLE = ["Ana Silva", "John Carter", "Mei Tanaka", "Olu Adeyemi", "Lars Berg", "Priya Nair", "Tomas Novak"]
_PLACES = ["Lisbon", "Nairobi", "Quito", "Osaka", "Tallinn", "Hanoi", "Montreal", "Perth"]
_ORGS = ["the Ministry of Fisheries", "the Harbour Authority", "the National Library", "the River Trust"]
_MONTHS = ["January", "March", "May", "July", "September", "November"]
_VERBS = ["met", "wrote to", "visited", "thanked", "interviewed", "joined"]
_TAILS = [
    "to discuss the new port and its well-\nknown tariffs",
    "about the water survey, which covered forty villages",
    "after the storm damaged the northern road",
    "and agreed to publish the figures by the end of the year",
    "while the committee reviewed the draft (section 4.2) in detail",
]


def sentence(rnd: random.Random) -> str:
    return (
        f"{rnd.choice(_PEOPLE)} of {rnd.choice(_ORGS)} {rnd.choice(_VERBS)} officials in {rnd.choice(_PLACES)} "
        f"on {rnd.randint(1, 28)} {rnd.choice(_MONTHS)} {rnd.randint(1990, 2020)} {rnd.choice(_TAILS)}."
    )


def one_block_page(size: int, seed: int = 13) -> str:
    """About ``size`` characters of running text in one block: prose wrapped at 78 columns, no blank line.

    (Wrapped, so the cleaner keeps it one block: a page with a whole paragraph on each line is a block per line.)
    """
    rnd = random.Random(seed)
    title = "A Long Report on Harbours and Roads"
    sentences, n = [], len(title)
    while n < size:
        sentences.append(sentence(rnd))
        n += len(sentences[-1]) + 1
    return title + "\n" + "\n".join(textwrap.wrap(" ".join(sentences), 78)) + "\n"


def hostile_pages(size: int) -> dict[str, str]:
    """Shapes that once cost a stage the square of their length."""
    rnd = random.Random(7)
    words = [w.strip(".,()-\n") for w in " ".join(sentence(rnd) for _ in range(50)).split()]
    caps = " ".join(rnd.choice([w for w in words if w.isalpha()]).capitalize() for _ in range(size // 7))
    return {
        "long-word": "a" * size + "\nand one more line.\n",
        "brackets": "(" * (size // 2) + ")" * (size // 2) + "\n",
        "punctuation": "!?" * (size // 2) + "\n",
        "short-words": "a, " * (size // 3) + "\n",
        "capitalised": caps[:size] + "\n",
        "no-newline": " ".join(one_block_page(size).split()) + "\n",
        "long-line-to-mend": " ".join(
            s.replace(" and ", " &amp; ") + " caf\u00c3\u00a9" for s in one_block_page(size).split("\n")
        ) + "\n",
    }
