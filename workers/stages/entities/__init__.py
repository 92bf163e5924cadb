"""Named entities for ``annotate``: the model, then rules and gazetteers over its output.

``find(texts)`` returns the mentions of a page's segment texts; see
:mod:`.rules` for the steps and :mod:`.dates` for time expressions.
"""

from __future__ import annotations

from .model import chunks, ents, load_model
from .rules import Mention, refine


def find(texts: list[str]) -> list[Mention]:
    """Entities of a page given as its segments' texts, as mentions into those texts."""
    ms = [Mention(i, s, e, label) for i, found in enumerate(ents(texts)) for s, e, label in found]
    return refine(ms, texts)


__all__ = ["Mention", "chunks", "find", "load_model"]
