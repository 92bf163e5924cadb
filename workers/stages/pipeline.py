"""The stages in order, timed, and the record they add up to. Pure: no IO."""

from __future__ import annotations

import time
from functools import partial
from pathlib import Path
from collections.abc import Callable
from datetime import datetime
from typing import TypeVar

from .. import __version__
from ..models import AnnotatedPage, Page, Record
from ..models.record import PipelineInfo, RecordEntity, RecordRepair, RecordSegment, RecordSentence
from .annotate import annotate
from .classify import classify, load_taxonomy
from .clean import clean
from .intake import decode_page
from .segment import segment

In = TypeVar("In", bound=Page)
Out = TypeVar("Out", bound=Page)

#: Stage name -> function, in pipeline order. Celery tasks and ``pagemill process`` both use this.
STAGES: dict[str, Callable[..., Page]] = {
    "clean": clean,
    "segment": segment,
    "classify": classify,
    "annotate": annotate,
}


def use_taxonomy(path: Path | None) -> None:
    """Classify topics with the user's taxonomy file (``PAGEMILL_TAXONOMY``) from now on, in this process.

    The stage stays pure (it takes the taxonomy as an argument); this only
    decides, once at start-up, which taxonomy the pipeline hands it.
    """
    STAGES["classify"] = partial(classify, taxonomy=load_taxonomy(path)) if path else classify


def run_stage(name: str, page: In) -> Out:
    """Run one stage and note how long it took on the page it returns."""
    t0 = time.perf_counter()
    out = STAGES[name](page)
    out.timings_ms[name] = round((time.perf_counter() - t0) * 1000, 3)
    return out


def run_stages(page: Page, on_stage: Callable[[str], None] | None = None) -> AnnotatedPage:
    """All stages in turn; ``on_stage(name)`` is told as each one starts (progress on a big page)."""
    for name in STAGES:
        if on_stage:
            on_stage(name)
        page = run_stage(name, page)
    return page  # type: ignore[return-value]


def build_record(page: AnnotatedPage) -> Record:
    """Shape the last stage's output as the published, validated record."""
    text_parts: list[str] = []
    offset = 0
    segments: list[RecordSegment] = []
    for seg in page.segments:
        t0 = t1 = None
        if seg.role != "furniture":
            if text_parts:
                offset += 2
            t0, t1 = offset, offset + len(seg.text)
            text_parts.append(seg.text)
            offset = t1
        segments.append(
            RecordSegment(
                id=seg.id,
                role=seg.role,
                # Only furniture keeps its text here; every other segment's is in the record's text.
                text=seg.text if seg.role == "furniture" else None,
                source_start=seg.source_start,
                source_end=seg.source_end,
                text_start=t0,
                text_end=t1,
                level=seg.level,
                number=seg.number,
                sentences=[RecordSentence(**s.model_dump()) for s in seg.sentences],
            )
        )
    return Record(
        id=page.id,
        source=page.source,
        title=page.title,
        section=page.classification.section,
        text="\n\n".join(text_parts),
        segments=segments,
        entities=[RecordEntity(**e.model_dump()) for e in page.entities],
        repairs=[RecordRepair(**r.model_dump()) for r in page.repairs],
        classification=page.classification,
        pipeline=PipelineInfo(version=__version__, stages_ms=dict(page.timings_ms)),
    )


def process_bytes(
    data: bytes,
    filename: str,
    *,
    received_at: datetime | None = None,
    max_bytes: int | None = None,
    on_stage: Callable[[str], None] | None = None,
) -> Record:
    """Bytes of one file to its record, all in this process. Raises ``PageRejected`` for bad input."""
    page = decode_page(data, filename, received_at=received_at, max_bytes=max_bytes)
    return build_record(run_stages(page, on_stage))


__all__ = ["STAGES", "build_record", "process_bytes", "run_stage", "run_stages", "use_taxonomy"]
