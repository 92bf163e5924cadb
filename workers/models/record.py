"""The published records: what downstream programs read from the outbox.

Every file in the outbox is one of three outcomes, told apart by ``kind``:

* ``record``     -- a processed page (:class:`Record`);
* ``duplicate``  -- the same content was already recorded (:class:`DuplicateNote`);
* ``error``      -- the page could not be processed (:class:`ErrorRecord`).

A record is made of the same parts the stages pass along (:mod:`.page`).
``schemas/*.schema.json`` are generated from these models (``pagemill schema``)
and a test fails if they drift apart. ``kind`` and ``schema_version`` have no
default: a document without them is not an outcome.
"""

from __future__ import annotations

import base64
import json
import zlib
from bisect import bisect_right
from datetime import datetime
from typing import Annotated, Literal, Union

from pydantic import Field, model_validator

from .page import (
    LANGUAGE_PATTERN,
    SHA256_PATTERN,
    Classification,
    Closed,
    Entity,
    Repair,
    Section,
    Segment,
    SourceInfo,
)

SCHEMA_VERSION = "5.0"
SchemaVersion = Literal["5.0"]
#: Schema versions still published under ``schemas/<version>/``.
OLDER_SCHEMA_VERSIONS = ("4.0", "3.0", "2.0", "1.1")
#: Older versions :func:`upgrade` reads as the current one.
UPGRADABLE_SCHEMA_VERSIONS = ("2.0", "3.0", "4.0")
#: Between the texts of two body segments in the page's body text (:attr:`Record.text`).
TEXT_SEPARATOR = "\n\n"

#: Where a page failed. ``process``: somewhere in the stages, when the exact stage is not known (a time-out
#: or a worker that died); ``write``: filing the outcome.
ErrorStage = Literal["intake", "clean", "segment", "classify", "annotate", "process", "write"]
#: Why a page failed; the record's ``message`` says what to do about it.
ErrorCode = Literal[
    "empty_file", "binary_file", "bad_encoding", "too_large", "unreadable", "vanished", "symlink", "directory",
    "not_a_file", "timeout", "too_large_to_finish", "worker_lost", "stage_error",
    # format readers: a type pagemill does not read, a PDF it cannot open or that has no text, markup left as text
    "unsupported_type", "encrypted", "no_text_layer", "no_text", "markup_text",
]


class PipelineParts(Closed):
    """Everything that decides what a record says; ``pipeline.version`` digests these."""

    package: str = Field(description="Version of the pagemill package.")
    code: str = Field(description="Digest of the stage code and record models.")
    model: str = Field(description="Statistical model: name, version and a digest of its weights.")
    data: str = Field(description="Digest of the bundled data files (name lists, patterns, gazetteers).")
    taxonomy: str = Field(description="Topic taxonomy in use: its name and a digest of its file.")
    settings: str = Field(description="Digest of the settings that change a record's content.")


class PipelineInfo(Closed):
    """What made this record, and how long it took."""

    version: str = Field(
        description="Package version plus a short digest of the parts ('0.1.0+3f2a9c1b0d4e'): "
        "it changes whenever anything that makes a record changes."
    )
    parts: PipelineParts = Field(description="Each part the version digests.")
    stages_ms: dict[str, float] = Field(description="Milliseconds each stage took on this page.")


class Supersedes(Closed):
    """The record this one replaced (reprocessing)."""

    pipeline_version: str = Field(description="pipeline.version of the replaced record.")
    written_at: datetime = Field(description="When the replaced record was written (UTC).")


class Record(Closed):
    """A processed page."""

    schema_version: SchemaVersion = Field(description="Version of this schema.")
    kind: Literal["record"] = Field(description="Always 'record' for a processed page.")
    id: str = Field(description="Stable id derived from the page's content (same bytes, same id).")
    source: SourceInfo = Field(description="The dropped file this outcome is about.")
    title: str | None = Field(description="Title of the page; null when it has none.")
    section: Section | None = Field(description="The report section of the page; null when none is found.")
    language: str | None = Field(
        pattern=LANGUAGE_PATTERN, description="ISO 639 code of the page's main language ('en'); null when it cannot be told."
    )
    text: str = Field(
        description="The page's clean body text: the text of every segment but furniture, in order, joined by a "
        "blank line ('\\n\\n'). It says nothing the segments do not; it is there for readers that want the body "
        "without walking the segments (written again since 5.0)."
    )
    segments: list[Segment] = Field(description="Every segment, in page order, furniture included.")
    entities: list[Entity] = Field(description="Named entities, in page order.")
    repairs: list[Repair] = Field(description="Every change cleaning made, with why.")
    classification: Classification = Field(description="Section, topics and regions.")
    pipeline: PipelineInfo = Field(description="What made the record.")
    supersedes: Supersedes | None = Field(None, description="The record this one replaced; absent for a first record.")

    @classmethod
    def from_json(cls, text: str | bytes) -> Record:
        """A record's JSON text as the model (the writer's way of reading one).

        Parsed by :func:`json.loads`, then validated: pydantic's own JSON parser holds a tree of the whole
        document until it is done (pydantic-core issue 985). A 14.5 MB record of a table took 148 MB that
        way and 65 MB this way, in a little less CPU, to the same model.

        A record of an older schema (:func:`upgrade`) reads as the current one: a write task's message made by
        a worker of the version before an upgrade is still filed.
        """
        return cls.model_validate(upgrade(json.loads(text)))

    def packed(self) -> str:
        """The record as the write task's message carries it: its JSON, compressed, in base64 (JSON carries no bytes).

        A record's JSON is 3-8 times its page. Sent as JSON text, a table's 14.5 MB record took the sending process
        47 MB more to build its message once it had the text (kombu's escaped copy, 16.5 MB, and its bytes),
        and 16.5 MB in the broker while it waited; packed, the message is 5.2 MB (corpus records: two fifths
        to three fifths of their JSON).
        """
        return base64.b64encode(zlib.compress(self.json_bytes(), 1)).decode("ascii")

    @classmethod
    def unpacked(cls, message: str) -> Record:
        """A record from the write task's message: :meth:`packed`, or the JSON text an older version sent."""
        if message.lstrip().startswith("{"):  # JSON text; base64 has no "{"
            return cls.from_json(message)
        return cls.from_json(zlib.decompress(base64.b64decode(message)))

    @model_validator(mode="before")
    @classmethod
    def _body_text(cls, data):
        # Made from the segments where it is not given: by the stages, and for a record written by 3.0 or 4.0.
        if isinstance(data, dict) and "text" not in data and "segments" in data:
            data = {**data, "text": body_text(data["segments"])}
        return data

    @model_validator(mode="after")
    def _said_once(self):
        # 4.0 writes what other fields say only once; a record read back gets those fields again.
        if self.classification.section is None and self.section is not None:
            self.classification.section = self.section
        if any(e.segment_id is None for e in self.entities):
            found = segments_of(
                [(s.source_start, s.source_end, s.id) for s in self.segments], [(e.source_start, e.source_end) for e in self.entities]
            )
            for e, seg in zip(self.entities, found, strict=True):
                e.segment_id = e.segment_id or seg
        return self


class DuplicateNote(Closed):
    """The same content arrived again; it already has a record."""

    schema_version: SchemaVersion = Field(description="Version of this schema.")
    kind: Literal["duplicate"] = Field(description="Always 'duplicate'.")
    id: str = Field(description="Content id shared with the existing record.")
    source: SourceInfo = Field(description="The dropped file this outcome is about.")
    record: str = Field(description="File name, in the outbox, of the record with the same content.")
    first_filename: str = Field(description="Name of the file that produced that record.")


class ErrorRecord(Closed):
    """A page that could not be processed; the original is kept in the failed folder."""

    always_written = frozenset({"attempts"})

    schema_version: SchemaVersion = Field(description="Version of this schema.")
    kind: Literal["error"] = Field(description="Always 'error'.")
    filename: str = Field(description="Name of the file as it was dropped.")
    folder: str | None = Field(None, description="Subfolder of the inbox it was dropped in, as source.folder in a record.")
    drop_id: str = Field(description="Id pagemill gave this drop.")
    sha256: str | None = Field(None, pattern=SHA256_PATTERN, description="SHA-256 of the file's bytes, when they could be read.")
    size_bytes: int | None = Field(None, ge=0, description="Size of the file in bytes, when known.")
    received_at: datetime = Field(description="When pagemill took the file from the inbox (UTC).")
    failed_at: datetime = Field(description="When the page was given up (UTC).")
    stage: ErrorStage = Field(description="Where it failed.")
    error: ErrorCode = Field(description="Why it failed, as a code a program can act on.")
    message: str = Field(description="One line a person can act on.")
    attempts: int = Field(1, ge=1, description="How many times the failing step was tried.")
    original: str | None = Field(None, description="Where the original file was kept.")


#: Any outcome file, told apart by ``kind``.
AnyOutcome = Annotated[Union[Record, DuplicateNote, ErrorRecord], Field(discriminator="kind")]


def segments_of(segments: list[tuple[int, int, str]], spans: list[tuple[int, int]]) -> list[str | None]:
    """For each source span, the id of the segment (source_start, source_end, id; in page order) that holds it.

    Entities do not write their segment's id since 4.0: it is the one segment whose source span holds theirs.
    """
    starts = [a for a, _, _ in segments]
    out: list[str | None] = []
    for start, end in spans:
        i = bisect_right(starts, start) - 1
        out.append(segments[i][2] if i >= 0 and end <= segments[i][1] else None)
    return out


def entity_segment_ids(doc: dict) -> list[str | None]:
    """The segment id of each entity of a record read as JSON (any schema version)."""
    ents = doc.get("entities") or []
    segs = [(s["source_start"], s["source_end"], s["id"]) for s in doc.get("segments") or () if "source_start" in s]
    found = segments_of(segs, [(e.get("source_start", -1), e.get("source_end", -1)) for e in ents])
    return [e.get("segment_id") or seg for e, seg in zip(ents, found, strict=True)]


def body_text(segments) -> str:
    """Every segment's text but furniture's, in order, joined by a blank line (segments as models or as JSON)."""
    return TEXT_SEPARATOR.join(
        s.text if isinstance(s, Segment) else s["text"]
        for s in segments or ()
        if (s.role if isinstance(s, Segment) else s.get("role")) != "furniture"
    )


def record_text(doc: dict) -> str:
    """The body text of a record read as JSON (any schema version): what :attr:`Record.text` gives a model."""
    if "text" in doc:  # written by 2.0 and since 5.0
        return doc["text"]
    return body_text(doc.get("segments"))


def upgrade(doc: dict) -> dict:
    """A 2.0, 3.0 or 4.0 outcome as 5.0, so a consumer reading older files or feed entries gets one model.

    3.0 and 4.0 only stopped writing what other fields already say (3.0: the
    body text, segments' offsets into it, fields holding their default; 4.0:
    sentences' source offsets where they follow from their segment's,
    entities' segment ids, the section inside ``classification``), so nothing
    is lost: the model puts them back, and reads the fields 4.0 leaves out
    where an older record still has them. 5.0 writes the body text again,
    made from the segments where a 3.0 or 4.0 record has none. Other versions
    pass unchanged.
    """
    if doc.get("schema_version") not in UPGRADABLE_SCHEMA_VERSIONS:
        return doc
    out = dict(doc)
    out["schema_version"] = SCHEMA_VERSION
    if out.get("kind") == "record":
        out["segments"] = [{k: v for k, v in s.items() if k not in ("text_start", "text_end")} for s in doc.get("segments") or ()]
    return out
