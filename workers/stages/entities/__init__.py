"""Named entities for ``annotate``: the model, then declared steps over its output.

``find(texts)`` returns the mentions of a page's segment texts; see
:mod:`.rules` for the layout and the ordered list of steps, and :mod:`.timex`
for time expressions.
"""

from __future__ import annotations

from ...knowledge.names import KnownNames
from .model import chunks, ents, load_model
from .rules import STEPS, SWITCHABLE, Mention, check_without, refine, warm


def find(
    texts: list[str],
    without: frozenset[str] = frozenset(),
    model_ents: list[list[tuple[int, int, str]]] | None = None,
    known: KnownNames | None = None,
) -> list[Mention]:
    """Entities of a page given as its segments' texts, as mentions into those texts.

    ``without`` names steps of :data:`.rules.STEPS` to leave out; ``model_ents``
    is the model's output for these texts (``ents(texts)``) when already known,
    so an evaluation can run the steps many ways over one model pass; ``known``
    the known names fitted on a cross-validation fold's training pages (None:
    the shipped ones).
    """
    found_by_model = ents(texts) if model_ents is None else model_ents
    ms = [Mention(i, s, e, label) for i, found in enumerate(found_by_model) for s, e, label in found]
    return refine(ms, texts, without, known)


__all__ = ["STEPS", "SWITCHABLE", "Mention", "check_without", "chunks", "ents", "find", "load_model", "warm"]
