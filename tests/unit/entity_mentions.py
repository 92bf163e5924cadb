"""Building hand-made model mentions for the entity rule tests."""

from workers.stages.entities.rules import Mention


def mention(texts, needle, label, seg=0, nth=0):
    """The ``nth`` occurrence of ``needle`` in segment ``seg``, as a mention with ``label``."""
    start = -1
    for _ in range(nth + 1):
        start = texts[seg].index(needle, start + 1)
    return Mention(seg, start, start + len(needle), label)


def labelled(ms, texts):
    return [(m.text(texts), m.label) for m in ms]
