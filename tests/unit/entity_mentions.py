"""Building hand-made model mentions for the entity rule tests, and a list of known names made up for them."""

from workers.knowledge.names import KnownNames
from workers.stages.entities.rules import Mention, refine

#: Known names invented for the tests, so no test depends on the shipped lists (the learned one changes with the gold).
KNOWN = KnownNames.of([
    {"label": "ORG", "pattern": "Velmora"},
    {"label": "ORG", "pattern": "Varnak"},
    {"label": "ORG", "pattern": "Orvane"},
    {"label": "ORG", "pattern": "KBC"},
    {"label": "ORG", "pattern": "Sha'veth"},
    {"label": "ORG", "pattern": "Tarn Valley Water Board"},
    {"label": "PRODUCT", "pattern": "Lumenfox"},
])


def mention(texts, needle, label, seg=0, nth=0):
    """The ``nth`` occurrence of ``needle`` in segment ``seg``, as a mention with ``label``."""
    start = -1
    for _ in range(nth + 1):
        start = texts[seg].index(needle, start + 1)
    return Mention(seg, start, start + len(needle), label)


def labelled(ms, texts):
    return [(m.text(texts), m.label) for m in ms]


def refined(texts, model):
    """The steps' answer, as (text, label) pairs, for the model's mentions ``model``: (needle, label, seg[, nth]) each."""
    return labelled(refine([mention(texts, *m) for m in model], texts, known=KNOWN), texts)
