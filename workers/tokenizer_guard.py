"""What a spaCy tokenizer is given to read: runs no tokenizer should pay for in full, replaced.

Both tokenizers the pipeline runs over a page's own text read it through :func:`readable`:
the NER model's (:mod:`workers.stages.entities.model`) and the known-names SpanRuler's
(:mod:`workers.knowledge.names`). The placeholder keeps the text's length, so offsets are the text's.
"""

from __future__ import annotations

import re

#: Longest run without whitespace the model reads as it is. spaCy's tokenizer peels affixes off a
#: token one at a time, re-reading the rest each time: 4,000 brackets in a row took 1.4 s, 30,000
#: over a minute. No word is this long; a longer run (a hash, a wall of punctuation) is no language.
MAX_RUN_CHARS = 100
#: Fewest words of one or two characters in a row read as one placeholder word. Each such word (or its mark:
#: "a," is two tokens) costs the model as a long word does, so a page of them cost 3-4 times a prose page per
#: KB (a 150 KB page of "a, a, …": 10.8 s in the model, 490 MB peak RSS). Prose never has 16 in a row;
#: letter-spaced text ("A N N U A L  R E P O R T") and long rows of small numbers do, and hold no name.
MIN_SHORT_WORDS = 16
# A long token; a run of 16 or more punctuation marks, single spaces allowed between them ("!?!?…",
# "( ( ( …"), each of which would be a token of its own (a run of marks starts a token, so a sentence's own
# full stop before it is kept); or a run of MIN_SHORT_WORDS words of at most two characters.
_UNREADABLE = re.compile(
    rf"\S{{{MAX_RUN_CHARS + 1},}}|(?<!\S)[^\w\s](?: ?[^\w\s]){{15,}}|(?<!\S)\S{{1,2}}(?:\s+\S{{1,2}}){{{MIN_SHORT_WORDS - 1},}}(?!\S)"
)


# A note's or a reference's number glued to the word or mark before it: "since 1885.[1]", "the lagoon[3, 4]". The
# tokenizer keeps "1885.[1" together, and the model read it as a number, not a year; as spaces it reads the year.
_NOTE_MARK = re.compile(r"(?<=[\w.,;:!?)\"”’])\[\d{1,3}(?:\s?[,–-]\s?\d{1,3})*\]")


def _placeholder(m: re.Match[str]) -> str:
    # Same length, so the model's offsets stay the text's; spaces around it keep a neighbouring word apart.
    n = len(m.group())
    return " " + "x" * (n - 2) + " "


def readable(text: str) -> str:
    """``text`` as a spaCy tokenizer reads it: unreadable runs replaced by one placeholder word of the same length,
    note marks glued to a word by spaces.

    Ordinary text is returned unchanged. The rules still read the real text.
    """
    text = _NOTE_MARK.sub(lambda m: " " * len(m.group()), text) if "[" in text else text
    return _UNREADABLE.sub(_placeholder, text)
