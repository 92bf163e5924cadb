"""The page's language, and each segment's where it differs.

py3langid ships its model in its wheel (nothing is downloaded). Short texts
say too little ("North America" reads as anything), so a segment is only
given its own language when it is long enough and the detector is sure; the
page's language comes from all of its body text. Pure: text in, codes out.
"""

from __future__ import annotations

from functools import lru_cache

from ..models import Segment

#: Fewer letters than this say too little to name a language.
PAGE_MIN_LETTERS = 20
SEGMENT_MIN_LETTERS = 40
#: How sure (normalised probability) the detector must be.
PAGE_MIN_PROBABILITY = 0.5
SEGMENT_MIN_PROBABILITY = 0.95


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
    lang, prob = identifier().classify(text)
    return str(lang) if float(prob) >= min_probability else None


def languages(segments: list[Segment]) -> tuple[str | None, list[Segment]]:
    """The page's language, and the segments with ``language`` set where theirs differs from it."""
    body = [s for s in segments if s.role != "furniture"]
    page = detect("\n".join(s.text for s in body))
    out = []
    for seg in segments:
        own = None
        if seg.role != "furniture" and page is not None:
            found = detect(seg.text, min_letters=SEGMENT_MIN_LETTERS, min_probability=SEGMENT_MIN_PROBABILITY)
            own = found if found not in (None, page) else None
        out.append(seg.model_copy(update={"language": own}) if own != seg.language else seg)
    return page, out
