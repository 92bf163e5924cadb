"""The stages in order, timed, and the record they add up to. Pure: no IO."""

from __future__ import annotations

import time
from functools import partial
from pathlib import Path
from collections.abc import Callable
from datetime import datetime
from typing import TypeVar

from ..models import SCHEMA_VERSION, AnnotatedPage, Page, PipelineParts, Record, Segment
from ..provenance import pipeline_info, pipeline_parts, version_of
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


_parts: PipelineParts | None = None


def use_taxonomy(path: Path | None, output_settings: dict | None = None) -> None:
    """Classify topics with the user's taxonomy file (``PAGEMILL_TAXONOMY``) from now on, in this process.

    The stage stays pure (it takes the taxonomy as an argument); this only
    decides, once at start-up, which taxonomy the pipeline hands it, and so
    which ``pipeline.version`` its records carry (``output_settings``: the
    values of the settings that change a record, see :mod:`workers.provenance`).
    """
    global _parts
    STAGES["classify"] = partial(classify, taxonomy=load_taxonomy(path)) if path else classify
    _parts = pipeline_parts(taxonomy=path, settings=output_settings)


def current_parts() -> PipelineParts:
    """What makes this process's records (computed once; the defaults unless :func:`use_taxonomy` said otherwise)."""
    global _parts
    if _parts is None:
        _parts = pipeline_parts()
    return _parts


def current_version() -> str:
    return version_of(current_parts())


def run_stage(name: str, page: In) -> Out:
    """Run one stage and note how long it took on the page it returns."""
    t0 = time.perf_counter()
    out = STAGES[name](page)
    out.timings_ms[name] = round((time.perf_counter() - t0) * 1000, 3)
    return out


def run_stages(page: Page) -> AnnotatedPage:
    for name in STAGES:
        page = run_stage(name, page)
    return page  # type: ignore[return-value]


def build_record(page: AnnotatedPage) -> Record:
    """Shape the last stage's output as the published record (validated here, once)."""
    text_parts: list[str] = []
    offset = 0
    segments: list[Segment] = []
    for seg in page.segments:
        if seg.role == "furniture":
            segments.append(seg)
            continue
        if text_parts:
            offset += 2
        segments.append(seg.model_copy(update={"text_start": offset, "text_end": offset + len(seg.text)}))
        text_parts.append(seg.text)
        offset += len(seg.text)
    if page.classification is None:
        raise ValueError("build_record needs a classified page (run the classify stage first)")
    return Record(
        schema_version=SCHEMA_VERSION,
        kind="record",
        id=page.id,
        source=page.source,
        title=page.title,
        section=page.classification.section,
        language=page.language,
        text="\n\n".join(text_parts),
        segments=segments,
        entities=page.entities,
        repairs=page.repairs,
        classification=page.classification,
        pipeline=pipeline_info(current_parts(), dict(page.timings_ms)),
    )


def process_bytes(data: bytes, filename: str, *, received_at: datetime | None = None, max_bytes: int | None = None) -> Record:
    """Bytes of one file to its record, all in this process. Raises ``PageRejected`` for bad input."""
    return build_record(run_stages(decode_page(data, filename, received_at=received_at, max_bytes=max_bytes)))


__all__ = ["STAGES", "build_record", "current_parts", "current_version", "process_bytes", "run_stage", "run_stages", "use_taxonomy"]
