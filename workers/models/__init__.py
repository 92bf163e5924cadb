"""Typed data: what stages pass along (``page``) and what the outbox publishes (``record``)."""

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
from .record import SCHEMA_VERSION, DuplicateNote, ErrorRecord, Record

__all__ = [
    "AnnotatedPage", "BBox", "Block", "Cell", "Classification", "ClassifiedPage", "CleanPage", "DuplicateNote",
    "Entity", "ErrorRecord", "OffsetMap", "Page", "Piece", "Record", "Region", "Repair", "Role",
    "SCHEMA_VERSION", "Section", "Segment", "SegmentedPage", "Sentence", "SourceInfo", "SourcePart", "TextBuilder", "Topic",
]

from .drop import Drop, new_drop_id  # noqa: E402

__all__ += ["Drop", "new_drop_id"]
