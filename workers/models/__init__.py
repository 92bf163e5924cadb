"""Typed data: what stages pass along (``page``) and what the outbox publishes (``record``)."""

from .glyphs import Glyphs
from .offsets import OffsetMap, Piece, TextBuilder
from .page import (
    AnnotatedPage,
    BBox,
    Block,
    Cell,
    Classification,
    ClassifiedPage,
    CleanPage,
    Entity,
    Locator,
    Page,
    Region,
    Repair,
    Role,
    Section,
    Segment,
    SegmentedPage,
    Sentence,
    SourceInfo,
    SourcePart,
    Topic,
)
from .record import (
    SCHEMA_VERSION, TEXT_SEPARATOR, AnyOutcome, DuplicateNote, ErrorRecord, PipelineInfo, PipelineParts, Record, Supersedes, entity_segment_ids,
    record_text, upgrade,
)

__all__ = [
    "AnnotatedPage", "AnyOutcome", "BBox", "Block", "Cell", "Classification", "ClassifiedPage", "CleanPage", "DuplicateNote",
    "Entity", "ErrorRecord", "Glyphs", "Locator", "OffsetMap", "Page", "Piece", "PipelineInfo", "PipelineParts", "Record", "Region", "Repair", "Role",
    "SCHEMA_VERSION", "Section", "Segment", "SegmentedPage", "Sentence", "SourceInfo", "SourcePart", "Supersedes", "TEXT_SEPARATOR", "TextBuilder",
    "Topic", "entity_segment_ids", "record_text", "upgrade",
]

from .drop import Drop, new_drop_id  # noqa: E402

__all__ += ["Drop", "new_drop_id"]
