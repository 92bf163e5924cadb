"""The stages in order, timed, and the record they add up to. Pure: no IO."""

from __future__ import annotations

import time
from bisect import bisect_right
from functools import partial
from pathlib import Path
from collections.abc import Callable
from datetime import datetime
from typing import TypeVar

from ..models import SCHEMA_VERSION, AnnotatedPage, Glyphs, Locator, OffsetMap, Page, PipelineParts, Record, Segment, SourcePart
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


def run_stages(page: Page, on_stage: Callable[[str], None] | None = None) -> AnnotatedPage:
    """All stages in turn; ``on_stage(name)`` is told as each one starts (progress on a big page)."""
    for name in STAGES:
        if on_stage:
            on_stage(name)
        page = run_stage(name, page)
    return page  # type: ignore[return-value]


class _Locate:
    """Source offsets to PDF page / DOCX paragraph locators (nothing for text, HTML and Markdown).

    A PDF span inside a segment gets the box of its own characters (the segment's ``glyphs``), so a sentence
    or an entity can be found on the page as well as its segment can.

    A span is located in the part it starts in (a span running on into later parts, a table, keeps to the
    first); one that starts between parts, in the blank line or form feed the reader put there, in the first
    part it reaches. A span that reaches no part gets no locator: a DOCX header or footer, laid out after
    the main part's paragraphs, is in none of them.
    """

    def __init__(self, parts: list[SourcePart]) -> None:
        self.parts = parts
        self.starts = [p.source_start for p in parts]
        self.ends = [p.source_end for p in parts]

    def part(self, start: int, end: int) -> SourcePart | None:
        """The part the span ``start``-``end`` is located in, or None when it lies outside every part."""
        if start == end:
            # An empty span (an empty cell) is in the part it touches, its end included.
            i = bisect_right(self.starts, start) - 1
            return self.parts[i] if i >= 0 and start <= self.ends[i] else None
        # The first part ending after ``start``: the one holding ``start``, else the next one (parts never overlap).
        j = bisect_right(self.ends, start)
        return self.parts[j] if j < len(self.parts) and self.starts[j] < end else None

    def __call__(self, start: int, end: int, bbox: list[float] | None = None, glyphs: Glyphs | None = None) -> Locator | None:
        p = self.part(start, end) if self.parts else None
        if p is None:
            return None
        a = min(max(start - p.source_start, 0), p.source_end - p.source_start)
        b = min(max(end - p.source_start, a), p.source_end - p.source_start)
        if p.kind == "page":
            if bbox is None and glyphs:
                bbox = glyphs.box(start, end)
            return Locator(page=p.index, start=a, end=b, bbox=bbox)
        return Locator(paragraph=p.index, start=a, end=b)

    def segment(self, seg: Segment, **update) -> Segment:
        if self.parts:
            update["locator"] = self(seg.source_start, seg.source_end, seg.bbox)
            located = seg.model_copy(update={"locator": update["locator"]})
            # A sentence's locator is written only where the segment's does not already say it (a PDF
            # sentence has the box of its own characters, so it keeps its own).
            update["sentences"] = [
                s
                if (loc := self(s.source_start, s.source_end, glyphs=seg.glyphs)) == located.sentence_locator(s)
                else s.model_copy(update={"locator": loc})
                for s in seg.sentences
            ]
            if seg.cells is not None:
                update["cells"] = [c.model_copy(update={"locator": self(c.source_start, c.source_end, glyphs=seg.glyphs)}) for c in seg.cells]
        # The record does not keep the stages' working data (never written): a PDF's glyph boxes and a table's
        # pieces were still held while the writer made the record's JSON, 40 MB of a 1.9 MB PDF's.
        return seg.model_copy(update={**update, "glyphs": None, "offsets": OffsetMap()})


def build_record(page: AnnotatedPage) -> Record:
    """Shape the last stage's output as the published record (validated here, once)."""
    locate = _Locate(page.parts)
    segments = [locate.segment(seg) for seg in page.segments]
    entities = page.entities
    if locate.parts:
        glyphs = {s.id: s.glyphs for s in page.segments}
        entities = [e.model_copy(update={"locator": locate(e.source_start, e.source_end, glyphs=glyphs.get(e.segment_id))}) for e in entities]
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
        segments=segments,
        entities=entities,
        repairs=page.repairs,
        classification=page.classification,
        pipeline=pipeline_info(current_parts(), dict(page.timings_ms)),
    )


def process_bytes(
    data: bytes,
    filename: str,
    *,
    received_at: datetime | None = None,
    max_bytes: int | None = None,
    max_file_bytes: int | None = None,
    on_stage: Callable[[str], None] | None = None,
) -> Record:
    """Bytes of one file to its record, all in this process. Raises ``PageRejected`` for bad input."""
    # No name holds the decoded page: the stages' copies replace it, so its working data (a PDF's glyph boxes
    # and its reader's pieces) is not held beside theirs while the record is built.
    return build_record(run_stages(
        decode_page(data, filename, received_at=received_at, max_bytes=max_bytes, max_file_bytes=max_file_bytes), on_stage,
    ))


__all__ = ["STAGES", "build_record", "current_parts", "current_version", "process_bytes", "run_stage", "run_stages", "use_taxonomy"]
