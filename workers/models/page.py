"""Typed data that flows between the stages.

Each stage takes the model of the stage before and returns the next one, which
extends it: ``Page -> CleanPage -> SegmentedPage -> ClassifiedPage ->
AnnotatedPage``. They are plain pydantic models, so they serialise to JSON for
Celery messages and can be built by hand in a REPL or a test.

All ``source_start``/``source_end`` offsets are code-point indices into
``Page.text`` (the decoded file), end exclusive.
"""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, Field

from .offsets import OffsetMap

Role = Literal["heading", "paragraph", "caption", "list_item", "furniture", "table", "code"]

#: Box on a PDF page, ``[x0, y0, x1, y1]`` in PDF points, origin at the page's bottom left.
BBox = list[float]


class SourceInfo(BaseModel):
    filename: str = Field(description="Name of the file as it was dropped.")
    sha256: str = Field(description="SHA-256 of the file's bytes, hex.")
    size_bytes: int
    media_type: str = Field("text/plain", description="Media type the bytes were read as.")
    encoding: str = Field(description="Encoding the bytes were decoded with, e.g. utf-8, utf-16; 'binary' for PDF and DOCX.")
    received_at: datetime = Field(description="When pagemill took the file from the inbox (UTC).")


class Repair(BaseModel):
    kind: str = Field(description="drop_cap, mojibake, dehyphenate, whitespace, ...")
    source_start: int
    source_end: int
    before: str = Field(description="The source characters that were replaced.")
    after: str = Field(description="What stands in the cleaned text instead.")
    reason: str = Field(description="Why the change was made, for a person reading the record.")


class SourcePart(BaseModel):
    """Where one unit of the original (a PDF page, a DOCX paragraph) lies in ``Page.text``.

    PDF and DOCX have no single text a consumer can index, so a reader lays
    their units end to end in ``Page.text``; a part turns an offset there back
    into the unit's own locator (page number, paragraph index, offset inside).
    """

    kind: Literal["page", "paragraph"]
    index: int = Field(description="PDF page number (1-based) or DOCX paragraph index (0-based, document order).")
    source_start: int
    source_end: int


class Page(BaseModel):
    """A decoded page: the input of ``clean``."""

    id: str = Field(description="Stable id derived from the content.")
    source: SourceInfo
    text: str = Field(description="The decoded source text; every offset points into it.")
    timings_ms: dict[str, float] = Field(default_factory=dict)
    structure: list[Segment] | None = Field(
        None,
        description="Segments a format reader (HTML, Markdown, DOCX, PDF) took from the file's own structure; "
        "None for plain text, which ``clean`` and ``segment`` cut up themselves.",
    )
    parts: list[SourcePart] = Field(default_factory=list, description="PDF pages or DOCX paragraphs in ``text``.")
    read_repairs: list[Repair] = Field(default_factory=list, description="Changes the reader made (e.g. PDF hyphens joined).")
    title_hint: str | None = Field(None, description="Title the file declares (HTML <title>, og:title; DOCX/PDF metadata).")


class Block(BaseModel):
    """A stretch of source lines between blank lines, after cleaning."""

    source_start: int
    source_end: int
    text: str = Field(description="Cleaned text of the block; lines kept apart by newlines.")
    offsets: OffsetMap
    furniture: bool = False
    why: str | None = Field(None, description="Why the block was taken for site chrome.")


class CleanPage(Page):
    blocks: list[Block] = Field(default_factory=list)
    repairs: list[Repair] = Field(default_factory=list)


class Sentence(BaseModel):
    start: int = Field(description="Offset into the segment's text.")
    end: int
    source_start: int
    source_end: int


class Cell(BaseModel):
    row: int = Field(description="0-based row in the table.")
    col: int = Field(description="0-based column in the table.")
    row_span: int = 1
    col_span: int = 1
    header: bool = False
    text: str
    start: int = Field(description="Offset of the cell's text in the table segment's text.")
    end: int
    source_start: int
    source_end: int


class Segment(BaseModel):
    id: str
    role: Role
    text: str
    source_start: int
    source_end: int
    bbox: BBox | None = Field(None, description="PDF only: the segment's box on its page, in PDF points.")
    cells: list[Cell] | None = Field(None, description="Tables only: the cells, row by row.")
    why: str | None = Field(None, description="Furniture from a format reader: why it was taken for furniture.")
    level: int | None = Field(None, description="Heading level from its numbering: '2.' is 1, '2.1' is 2.")
    number: str | None = Field(None, description="Heading number as written, without the trailing dot.")
    sentences: list[Sentence] = Field(default_factory=list)
    offsets: OffsetMap = Field(default_factory=OffsetMap)

    def to_source(self, start: int, end: int) -> tuple[int, int]:
        return self.offsets.to_source(start, end)


class SegmentedPage(CleanPage):
    segments: list[Segment] = Field(default_factory=list)


class Section(BaseModel):
    number: str | None = None
    title: str
    level: int | None = None
    segment_id: str | None = None


class Topic(BaseModel):
    code: str = Field(description="Code in the taxonomy, e.g. an IPTC Media Topic id.")
    label: str
    score: float


class Region(BaseModel):
    code: str = Field(description="UN M49 code, e.g. '142' for Asia.")
    name: str
    score: float


class Classification(BaseModel):
    section: Section | None = None
    topics: list[Topic] = Field(default_factory=list)
    regions: list[Region] = Field(default_factory=list)
    taxonomy: str | None = Field(None, description="Name of the topic taxonomy used.")


class ClassifiedPage(SegmentedPage):
    title: str | None = None
    classification: Classification = Field(default_factory=Classification)


class Entity(BaseModel):
    id: str
    text: str
    label: str = Field(description="OntoNotes label: PERSON, NORP, FAC, ORG, GPE, LOC, EVENT, LAW, DATE, ...")
    source_start: int
    source_end: int
    segment_id: str
    ref: str | None = Field(None, description="Mentions of the same person or organisation share a ref.")
    country_code: str | None = Field(None, description="ISO 3166-1 alpha-2, for countries.")
    date_value: str | None = Field(None, description="ISO 8601 date or range, where it can be resolved.")


class AnnotatedPage(ClassifiedPage):
    entities: list[Entity] = Field(default_factory=list)


# Page names Segment before it is defined.
for _model in (Page, CleanPage, SegmentedPage, ClassifiedPage, AnnotatedPage):
    _model.model_rebuild()
