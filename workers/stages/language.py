"""The page's language, and each segment's where it differs.

py3langid ships its model in its wheel (nothing is downloaded). Short texts
say too little ("North America" reads as anything), so a segment is only
given its own language when it is long enough and the detector is sure; the
page's language comes from all of its body text. Pure: text in, codes out.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np

from ..models import Segment

#: Fewer letters than this say too little to name a language.
PAGE_MIN_LETTERS = 20
SEGMENT_MIN_LETTERS = 40
#: How sure (normalised probability) the detector must be.
PAGE_MIN_PROBABILITY = 0.5
SEGMENT_MIN_PROBABILITY = 0.95
#: Characters read to tell a language: more says nothing new, and the cost grows with the text.
PAGE_SAMPLE_CHARS = 4000
SEGMENT_SAMPLE_CHARS = 400


@lru_cache(maxsize=1)
def identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_pickled_model(MODEL_FILE, norm_probs=True)


def _letters(text: str) -> int:
    return sum(c.isalpha() for c in text)


def detect(text: str, *, min_letters: int = PAGE_MIN_LETTERS, min_probability: float = PAGE_MIN_PROBABILITY) -> str | None:
    """ISO 639-1 code of ``text``'s language, or None when the text is too short or the detector unsure."""
    if _letters(text) < min_letters:
        return None
    lang, prob = _classify(text)
    return lang if prob >= min_probability else None


def _classify(text: str) -> tuple[str, float]:
    """py3langid's ``classify``, with the product taken over the features the text has only.

    The library multiplies a dense 7,480-feature vector by its 7,480 x 97
    table; a text of a few hundred characters has a few hundred features, and
    the dense product (threaded by BLAS) cost up to 100 ms a page on a busy
    machine against about 3 ms this way. Same result: absent features add 0.
    """
    ident = identifier()
    fv = ident.instance2fv(text)
    present = np.flatnonzero(fv)
    scores = fv[present].astype(ident.nb_ptc.dtype) @ ident.nb_ptc[present] + ident.nb_pc
    probs = ident.norm_probs(scores)
    best = int(np.argmax(probs))
    return str(ident.nb_classes[best]), float(probs[best])


def languages(segments: list[Segment]) -> tuple[str | None, list[Segment]]:
    """The page's language, and the segments with ``language`` set where theirs differs from it."""
    body = [s for s in segments if s.role != "furniture"]
    page = detect("\n".join(s.text for s in body)[:PAGE_SAMPLE_CHARS])
    out = []
    for seg in segments:
        own = None
        if seg.role != "furniture" and page is not None:
            found = detect(
                seg.text[:SEGMENT_SAMPLE_CHARS], min_letters=SEGMENT_MIN_LETTERS, min_probability=SEGMENT_MIN_PROBABILITY
            )
            own = found if found not in (None, page) else None
        out.append(seg.model_copy(update={"language": own}) if own != seg.language else seg)
    return page, out
