"""The published records: what downstream programs read from the outbox.

Every file in the outbox is one of three outcomes, told apart by ``kind``:

* ``record``     -- a processed page (:class:`Record`);
* ``duplicate``  -- the same content was already recorded (:class:`DuplicateNote`);
* ``error``      -- the page could not be processed (:class:`ErrorRecord`).

``schemas/*.schema.json`` are generated from these models (``pagemill schema``)
and a test fails if they drift apart.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, SerializerFunctionWrapHandler, model_serializer

from .page import Classification, Repair, Role, Section, SourceInfo

SCHEMA_VERSION = "1.1"

#: Entity labels a record can carry: OntoNotes names, plus DURATION for spans
#: of time ("more than 60 years") that are not calendar dates.
EntityLabel = Literal["PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "EVENT", "LAW", "DATE", "DURATION"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class RecordSentence(_Strict):
    start: int = Field(description="Offset into the segment's text.")
    end: int
    source_start: int = Field(description="Offset into the source file's decoded text.")
    source_end: int


class RecordSegment(_Strict):
    id: str
    role: Role
    text: str | None = Field(
        None,
        description="Cleaned text of a furniture segment, which is left out of the record's `text`. Null for every "
        "other segment: its text is the record's `text[text_start:text_end]` (not repeated, so a record stays in "
        "proportion to its page).",
    )
    source_start: int = Field(description="Code-point offset of the segment's first character in the source.")
    source_end: int = Field(description="End offset (exclusive) in the source.")
    text_start: int | None = Field(
        None, description="Offset of the segment in the record's `text`; null for furniture, which is left out."
    )
    text_end: int | None = None
    level: int | None = None
    number: str | None = None
    sentences: list[RecordSentence] = Field(default_factory=list)


class RecordEntity(_Strict):
    """A mention. ``ref``, ``country_code`` and ``date_value`` are left out of the JSON when null (most
    mentions have two of the three): on an entity-dense page those nulls were a fifth of the record."""

    id: str
    text: str = Field(description="The mention as it stands in the source.")
    label: EntityLabel = Field(description="GPE, LOC and FAC are places; DURATION is a span of time, not a date.")
    source_start: int
    source_end: int
    segment_id: str
    ref: str | None = Field(None, description="PERSON and ORG: the id of the first mention of the same person or organisation on the page.")
    country_code: str | None = Field(None, description="ISO 3166-1 alpha-2, on mentions that are countries.")
    date_value: str | None = Field(
        None,
        description="DATE: ISO 8601 date ('2010-06'), range ('1960/1969') or day without year ('--06-03'); "
        "DURATION: ISO 8601 duration ('P60Y'); null when it cannot be resolved ('last year').",
    )

    @model_serializer(mode="wrap")
    def _without_nulls(self, handler: SerializerFunctionWrapHandler) -> dict[str, Any]:
        return {k: v for k, v in handler(self).items() if v is not None or k not in _ENTITY_OPTIONAL}


_ENTITY_OPTIONAL = frozenset({"ref", "country_code", "date_value"})


class RecordRepair(Repair):
    model_config = ConfigDict(extra="forbid")


class PipelineInfo(_Strict):
    version: str
    stages_ms: dict[str, float] = Field(description="Milliseconds each stage took on this page.")


class Record(_Strict):
    schema_version: Literal["1.1"] = SCHEMA_VERSION
    kind: Literal["record"] = "record"
    id: str = Field(description="Stable id derived from the page's content (same bytes, same id).")
    source: SourceInfo
    title: str | None
    section: Section | None
    text: str = Field(description="Clean body text: non-furniture segments joined by blank lines.")
    segments: list[RecordSegment]
    entities: list[RecordEntity]
    repairs: list[RecordRepair]
    classification: Classification
    pipeline: PipelineInfo

    def segment_text(self, seg: RecordSegment) -> str:
        """A segment's cleaned text: its slice of ``text``, or for furniture its own ``text``."""
        if seg.text_start is not None and seg.text_end is not None:
            return self.text[seg.text_start : seg.text_end]
        return seg.text or ""


class DuplicateNote(_Strict):
    schema_version: Literal["1.1"] = SCHEMA_VERSION
    kind: Literal["duplicate"] = "duplicate"
    id: str = Field(description="Content id shared with the existing record.")
    source: SourceInfo
    record: str = Field(description="File name, in the outbox, of the record with the same content.")
    first_filename: str = Field(description="Name of the file that produced that record.")


class ErrorRecord(_Strict):
    schema_version: Literal["1.1"] = SCHEMA_VERSION
    kind: Literal["error"] = "error"
    filename: str = Field(description="Name of the file as it was dropped.")
    drop_id: str = Field(description="Id pagemill gave this drop.")
    sha256: str | None = None
    size_bytes: int | None = None
    received_at: datetime
    failed_at: datetime
    stage: str = Field(description="Where it failed: intake, clean, segment, classify, annotate or write.")
    error: str = Field(description="Short error class, e.g. empty_file, binary_file, too_large, stage_error.")
    message: str = Field(description="One line a person can act on.")
    attempts: int = Field(1, description="How many times the failing step was tried.")
    original: str | None = Field(None, description="Where the original file was kept.")
