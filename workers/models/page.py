"""The one set of typed parts a page is made of, from the first stage to the published record.

A :class:`Page` starts as decoded text (``intake``) and each stage fills its
own slots with ``page.model_copy(update=...)``: ``clean`` the blocks and
repairs, ``segment`` the segments, ``classify`` title, classification and
language, ``annotate`` the entities. The record (:mod:`.record`) publishes the
very same :class:`Segment`, :class:`Entity`, :class:`Repair`, ... types, so a
field added to one of them is added everywhere (then run
``pagemill schema -o schemas``).

All ``source_start``/``source_end`` offsets are code-point indices into
``Page.text`` (the decoded file), end exclusive; the models refuse a negative
offset or an end before its start, so such a record cannot be written.
"""

from __future__ import annotations

import operator
from collections.abc import Mapping, Set as AbstractSet
from datetime import datetime
from functools import partial
from typing import ClassVar, Literal

from pydantic import BaseModel, ConfigDict, Field, field_serializer, model_validator

from .glyphs import Glyphs
from .offsets import OffsetMap

Role = Literal["heading", "paragraph", "caption", "list_item", "furniture", "table", "code"]

#: Box on a PDF page, ``[x0, y0, x1, y1]`` in PDF points, origin at the page's bottom left.
BBox = list[float]

#: What cleaning changed. ``line_break``: a hyphen at a line end kept, the lines joined.
RepairKind = Literal["drop_cap", "mojibake", "html_entity", "dehyphenate", "line_break", "whitespace"]

#: Entity labels: OntoNotes names, plus DURATION for spans of time ("more than 60 years") that are not calendar dates.
EntityLabel = Literal["PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "EVENT", "LAW", "DATE", "DURATION"]

SHA256_PATTERN = r"^[0-9a-f]{64}$"
COUNTRY_CODE_PATTERN = r"^[A-Z]{2}$"
#: ISO 639-1 (two letters) or 639-3 (three) language code.
LANGUAGE_PATTERN = r"^[a-z]{2,3}$"
_DATE = r"-?\d{4}(?:-\d{2}(?:-\d{2})?)?"
# (No look-ahead: pydantic and JSON Schema validators must both run it.)
_DURATION = r"P(?:\d+[YMWD])+(?:T(?:\d+[HMS])+)?|PT(?:\d+[HMS])+"
#: ISO 8601: a date of year, month or day precision ("2010", "2010-06", "-0043"), an interval of two
#: ("1960/1969"), a day without year ("--06-03"), or a duration ("P60Y", "PT3H").
DATE_VALUE_PATTERN = rf"^(?:{_DATE}(?:/{_DATE})?|--\d{{2}}-\d{{2}}|{_DURATION})$"


def _require_always_written(schema: dict, cls: type) -> None:
    always = sorted(getattr(cls, "always_written", ()))
    if always:
        schema["required"] = [*schema.get("required", []), *(n for n in always if n not in schema.get("required", []))]
    derivable = sorted(getattr(cls, "written_unless_derivable", ()))
    if derivable:
        schema["required"] = [n for n in schema.get("required", []) if n not in derivable]
        # written all together or not at all
        schema["dependentRequired"] = {n: [m for m in derivable if m != n] for n in derivable}


class Closed(BaseModel):
    """Base of every published part: unknown fields are an error, not silently kept.

    A field with a default is left out of the JSON while it holds that default
    (a null, an empty list, a span of 1): in a big page's record such fields
    were a fifth of the bytes and said nothing. Reading the JSON back gives the
    default again, and the schema states it. Fields named in ``always_written``
    are written even then (a record always says its media type).
    """

    model_config = ConfigDict(extra="forbid", json_schema_extra=_require_always_written)
    always_written: ClassVar[frozenset[str]] = frozenset()
    #: Fields always set in the model but written only where the enclosing object does not already say them
    #: (the schema does not require them; their description says how to get them back).
    written_unless_derivable: ClassVar[frozenset[str]] = frozenset()

    # pydantic keeps in every instance the set of the field names it was given, for ``exclude_unset`` (which
    # pagemill never uses): 728 of a table cell's 1,440 bytes. Instances given the same names share one set
    # instead, so a big page's cells, sentences and entities take about half the memory. A shared set must never
    # change, so the two places pydantic adds a name to it (assigning a field, ``model_copy(update=...)``) are
    # given a set of their own, then shared again. (Not a frozenset: pydantic-core's exclude_unset wants a set.)
    def model_post_init(self, context: object, /) -> None:
        object.__setattr__(self, "__pydantic_fields_set__", _shared_names(self.__pydantic_fields_set__))

    def __setattr__(self, name: str, value: object) -> None:
        object.__setattr__(self, "__pydantic_fields_set__", set(self.__pydantic_fields_set__))
        super().__setattr__(name, value)
        object.__setattr__(self, "__pydantic_fields_set__", _shared_names(self.__pydantic_fields_set__))

    def model_copy(self, *, update: Mapping[str, object] | None = None, deep: bool = False):
        copied = self.__deepcopy__() if deep else self.__copy__()
        names = set(copied.__pydantic_fields_set__)
        if update:
            # What pydantic's own model_copy does for a model without extra fields, but for the shared set.
            copied.__dict__.update(update)
            names |= update.keys()
        object.__setattr__(copied, "__pydantic_fields_set__", _shared_names(names))
        return copied

    def json_bytes(self) -> bytes:
        """The JSON of :meth:`model_dump_json`, as UTF-8 bytes made at once: that method makes bytes and decodes
        them to a str, which a writer encodes again, so a big record's JSON was held two or three times over."""
        return self.__pydantic_serializer__.to_json(self)

    @classmethod
    def __pydantic_init_subclass__(cls, **kwargs) -> None:
        super().__pydantic_init_subclass__(**kwargs)
        changed = False
        for name, field in cls.model_fields.items():
            if field.is_required() or field.exclude or name in cls.always_written or field.exclude_if is not None:
                continue
            field.exclude_if = partial(operator.eq, field.get_default(call_default_factory=True))
            changed = True
        if changed:
            cls.model_rebuild(force=True)


_NAMES: dict[frozenset[str], set[str]] = {}


def _shared_names(names: AbstractSet[str]) -> set[str]:
    """The one set of these field names that models given them share (see ``Closed``); never to be changed."""
    key = frozenset(names)
    shared = _NAMES.get(key)
    if shared is None:
        shared = _NAMES[key] = set(key)
    return shared


def _ordered(model: BaseModel, *pairs: tuple[str, str]) -> None:
    for lo, hi in pairs:
        a, b = getattr(model, lo), getattr(model, hi)
        if a is not None and b is not None and b < a:
            raise ValueError(f"{hi} ({b}) is before {lo} ({a})")


class SourceInfo(Closed):
    """The dropped file a record was made from."""

    always_written = frozenset({"media_type"})

    filename: str = Field(description="Name of the file as it was dropped.")
    sha256: str = Field(pattern=SHA256_PATTERN, description="SHA-256 of the file's bytes, 64 lower-case hex digits.")
    size_bytes: int = Field(ge=0, description="Size of the file in bytes.")
    media_type: str = Field("text/plain", description="Media type the bytes were read as.")
    encoding: str = Field(description="Encoding the bytes were decoded with, e.g. utf-8, utf-16; 'binary' for PDF and DOCX.")
    received_at: datetime = Field(description="When pagemill first took the file from the inbox (UTC).")
    folder: str | None = Field(
        None,
        description="Subfolder of the inbox the file was dropped in, '/'-separated ('2024/march'); "
        "absent when dropped in the inbox itself (PAGEMILL_INBOX_RECURSIVE).",
    )


class Repair(Closed):
    """One change cleaning made to the source text."""

    kind: RepairKind = Field(
        description="drop_cap: a lost first letter restored; mojibake: wrongly decoded characters fixed; "
        "html_entity: an entity such as &amp; replaced; dehyphenate: a word split across lines joined; "
        "line_break: a hyphenated compound split across lines joined, hyphen kept; whitespace: odd spaces normalised."
    )
    source_start: int = Field(ge=0, description="Offset of the first replaced character in the source.")
    source_end: int = Field(ge=0, description="End offset (exclusive) of the replaced characters in the source.")
    before: str = Field(description="The source characters that were replaced.")
    after: str = Field(description="What stands in the cleaned text instead.")
    reason: str = Field(description="Why the change was made, for a person reading the record.")

    @model_validator(mode="after")
    def _span(self):
        _ordered(self, ("source_start", "source_end"))
        return self


class Block(BaseModel):
    """A stretch of source lines between blank lines, after cleaning (internal to the stages)."""

    source_start: int
    source_end: int
    text: str = Field(description="Cleaned text of the block; lines kept apart by newlines.")
    offsets: OffsetMap
    furniture: bool = False
    why: str | None = Field(None, description="Why the block was taken for site chrome.")


class Locator(Closed):
    """Where a span lies in a PDF or DOCX original, which has no single text to index.

    PDF: ``page`` (1-based) and ``start``/``end`` in that page's extracted text
    (pdfium's ``get_text_range()``), with ``bbox`` on segments. DOCX: ``paragraph``,
    the index of the ``w:p`` element in the main document part, counted in
    document order (body, tables and text boxes alike), and ``start``/``end`` in
    that paragraph's text (its ``w:t`` runs joined).
    """

    page: int | None = Field(None, ge=1, description="PDF: 1-based page number.")
    paragraph: int | None = Field(None, ge=0, description="DOCX: 0-based index of the w:p element in document order.")
    start: int = Field(ge=0, description="Code-point offset into that page's extracted text or that paragraph's text.")
    end: int = Field(ge=0, description="End offset (exclusive) in the same text.")
    bbox: BBox | None = Field(None, description="PDF: [x0, y0, x1, y1] in PDF points, origin bottom left.")

    @model_validator(mode="after")
    def _span(self):
        _ordered(self, ("start", "end"))
        return self


class SourcePart(BaseModel):
    """Where one unit of the original (a PDF page, a DOCX paragraph) lies in ``Page.text`` (internal to the stages).

    PDF and DOCX have no single text a consumer can index, so a reader lays
    their units end to end in ``Page.text``; a part turns an offset there back
    into the unit's own locator (page number, paragraph index, offset inside).
    """

    kind: Literal["page", "paragraph"]
    index: int = Field(description="PDF page number (1-based) or DOCX paragraph index (0-based, document order).")
    source_start: int
    source_end: int


class Cell(Closed):
    """One cell of a table segment."""

    row: int = Field(ge=0, description="0-based row in the table.")
    col: int = Field(ge=0, description="0-based column in the table.")
    row_span: int = Field(1, ge=1, description="Rows the cell spans.")
    col_span: int = Field(1, ge=1, description="Columns the cell spans.")
    header: bool = Field(False, description="A header cell (th, or a table's header row).")
    text: str = Field(description="Text of the cell.")
    start: int = Field(ge=0, description="Offset of the cell's text in the table segment's text.")
    end: int = Field(ge=0, description="End offset (exclusive) in the table segment's text.")
    source_start: int = Field(ge=0, description="Offset of the cell in the source, as for segments.")
    source_end: int = Field(ge=0, description="End offset (exclusive) in the source.")
    locator: Locator | None = Field(None, description="PDF and DOCX: the cell's place in the original.")

    @model_validator(mode="after")
    def _span(self):
        _ordered(self, ("start", "end"), ("source_start", "source_end"))
        return self


class Sentence(Closed):
    """One sentence of a segment."""

    written_unless_derivable = frozenset({"source_start", "source_end"})

    start: int = Field(ge=0, description="Offset of the sentence in its segment's text.")
    end: int = Field(ge=0, description="End offset (exclusive) in the segment's text.")
    source_start: int = Field(
        ge=0,
        description="Offset of the sentence's first character in the source. Written only where it is not the "
        "segment's source_start plus the sentence's start (a sentence whose text cleaning changed before or "
        "inside it); where absent, it is that sum.",
    )
    source_end: int = Field(
        ge=0, description="End offset (exclusive) in the source. Written only with source_start; where absent, the "
        "segment's source_start plus the sentence's end.",
    )
    locator: Locator | None = Field(
        None,
        description="PDF and DOCX: the sentence's place in the original, written only where it is not its segment's "
        "locator moved by the sentence's source offset (a sentence on another page or in another paragraph than its "
        "segment's start); absent for other formats.",
    )

    @model_validator(mode="after")
    def _span(self):
        _ordered(self, ("start", "end"), ("source_start", "source_end"))
        return self


class Segment(Closed):
    """A heading, paragraph, caption, list item or piece of site chrome (furniture), in page order."""

    id: str = Field(description="Id of the segment on this page ('s1', 's2', ...).")
    role: Role = Field(description="What the segment is; furniture is site chrome, left out of the record's text.")
    text: str = Field(
        description="Cleaned text of the segment. The page's body text is the text of every segment but furniture, "
        "in order, joined by a blank line ('\\n\\n')."
    )
    source_start: int = Field(ge=0, description="Code-point offset of the segment's first character in the source.")
    source_end: int = Field(ge=0, description="End offset (exclusive) in the source.")
    level: int | None = Field(None, ge=1, description="Heading level from its numbering: '2.' is 1, '2.1' is 2; absent when not a numbered heading.")
    number: str | None = Field(None, description="Heading number as written, without the trailing dot.")
    parent_id: str | None = Field(
        None,
        description="Id of the heading this segment sits under (for a heading: the nearest heading above it of a "
        "higher level); absent at the top of the outline and for furniture.",
    )
    language: str | None = Field(
        None, pattern=LANGUAGE_PATTERN, description="ISO 639 code of the segment's language, only where it differs from the record's; else absent."
    )
    sentences: list[Sentence] = Field(default_factory=list, description="Sentences of the segment; absent (none) for furniture.")
    locator: Locator | None = Field(
        None, description="PDF and DOCX: the segment's place in the original (page and bbox, or paragraph); absent for other formats."
    )
    cells: list[Cell] | None = Field(None, description="Tables only: the cells, row by row; absent for other roles.")
    # A format reader's working data, published through ``locator`` (bbox) or not at all (why).
    bbox: BBox | None = Field(None, exclude=True)
    # PDF: each drawn character's source offset and box, so a sentence or entity inside the segment gets the box
    # of just its own characters.
    glyphs: Glyphs | None = Field(None, exclude=True)
    why: str | None = Field(None, exclude=True)
    # How the cleaned text maps back to the source: the stages' working data, never published.
    offsets: OffsetMap = Field(default_factory=OffsetMap, exclude=True)

    @model_validator(mode="before")
    @classmethod
    def _sentence_sources(cls, data):
        # A sentence read from a record without source offsets has them at the segment's start moved by its own.
        if isinstance(data, dict) and isinstance(data.get("sentences"), list) and isinstance(data.get("source_start"), int):
            base = data["source_start"]
            data = {**data, "sentences": [
                {**s, "source_start": base + s["start"], "source_end": base + s["end"]}
                if isinstance(s, dict) and "source_start" not in s and "source_end" not in s
                and isinstance(s.get("start"), int) and isinstance(s.get("end"), int) else s
                for s in data["sentences"]
            ]}
        return data

    @field_serializer("sentences", mode="wrap")
    def _written_sentences(self, sentences: list[Sentence], handler):
        # 99% of sentences stand in the source as in the segment's text (corpus records): their source offsets
        # follow from the segment's and were a quarter of a record's bytes.
        out = handler(sentences)
        for d, sn in zip(out, sentences, strict=True):
            if sn.source_start - self.source_start == sn.start and sn.source_end - self.source_start == sn.end:
                d.pop("source_start", None)
                d.pop("source_end", None)
        return out

    @model_validator(mode="after")
    def _span(self):
        _ordered(self, ("source_start", "source_end"))
        return self

    def to_source(self, start: int, end: int) -> tuple[int, int]:
        return self.offsets.to_source(start, end)

    def sentence_locator(self, sentence: Sentence) -> Locator | None:
        """Where ``sentence`` lies in a PDF or DOCX original: its own locator, else the segment's moved to it.

        A locator's offsets count from the start of its page or paragraph, as
        source offsets count from the start of the file: a sentence in the
        same unit as its segment's start is at the same distance from it in
        both, so the record leaves out that sentence's locator.
        """
        if sentence.locator is not None or self.locator is None:
            return sentence.locator
        start = self.locator.start + sentence.source_start - self.source_start
        return Locator(
            page=self.locator.page, paragraph=self.locator.paragraph, start=start, end=start + sentence.source_end - sentence.source_start
        )


class Section(Closed):
    """The report section the page belongs to."""

    number: str | None = Field(None, description="Section number as written ('2', '4.1'); absent when unnumbered.")
    title: str = Field(description="Section title.")
    level: int | None = Field(None, ge=1, description="Level of the section heading; absent when unknown.")
    segment_id: str | None = Field(None, description="Id of the segment holding the section heading, when it is on the page.")


class Topic(Closed):
    """A topic of the page, from the taxonomy in use."""

    code: str = Field(description="Code in the taxonomy, e.g. an IPTC Media Topic id.")
    label: str = Field(description="Name of the topic in the taxonomy.")
    score: float = Field(ge=0, le=1, description="How strongly the page is about the topic, from 0 to 1.")


class Region(Closed):
    """A world region the page is about."""

    code: str = Field(pattern=r"^\d{3}$", description="UN M49 code, e.g. '142' for Asia.")
    name: str = Field(description="Name of the region.")
    score: float = Field(ge=0, le=1, description="How strongly the page is about the region, from 0 to 1.")


class Classification(Closed):
    """What the page is about."""

    # Not written (schema 4.0): the record's own ``section`` says it; a record read back gets it again.
    section: Section | None = Field(None, exclude=True)
    topics: list[Topic] = Field(description="Topics, best first.")
    regions: list[Region] = Field(description="World regions, best first.")
    taxonomy: str | None = Field(description="Name of the topic taxonomy used.")


class Entity(Closed):
    """A named entity: a person, organisation, place, date, ... as it stands in the source."""

    id: str = Field(description="Id of the mention on this page ('e1', 'e2', ...).")
    text: str = Field(description="The mention as it stands in the source.")
    label: EntityLabel = Field(description="GPE, LOC and FAC are places; DURATION is a span of time, not a date.")
    source_start: int = Field(ge=0, description="Offset of the mention's first character in the source.")
    source_end: int = Field(ge=0, description="End offset (exclusive) in the source.")
    # The segment the mention is in. Not written (schema 4.0): it is the segment whose source span holds the
    # mention's; a record read back gets it again (``Record``).
    segment_id: str | None = Field(None, exclude=True)
    locator: Locator | None = Field(None, description="PDF and DOCX: the mention's place in the original; absent for other formats.")
    ref: str | None = Field(None, description="PERSON and ORG: the id of the first mention of the same person or organisation on the page.")
    country_code: str | None = Field(None, pattern=COUNTRY_CODE_PATTERN, description="ISO 3166-1 alpha-2, on mentions that are countries.")
    date_value: str | None = Field(
        None,
        pattern=DATE_VALUE_PATTERN,
        description="DATE: ISO 8601 date ('2010-06'), range ('1960/1969') or day without year ('--06-03'); "
        "DURATION: ISO 8601 duration ('P60Y'); absent when it cannot be resolved ('last year').",
    )

    @model_validator(mode="after")
    def _span(self):
        _ordered(self, ("source_start", "source_end"))
        return self


class Page(Closed):
    """A page on its way through the stages; each stage fills its slots with ``model_copy(update=...)``."""

    id: str = Field(description="Stable id derived from the content.")
    source: SourceInfo
    text: str = Field(description="The decoded source text; every offset points into it.")
    timings_ms: dict[str, float] = Field(default_factory=dict)
    # intake: what a format reader (HTML, Markdown, DOCX, PDF) took from the file's own structure
    structure: list[Segment] | None = Field(
        None, description="Segments from the file's structure; None for plain text, which clean and segment cut up themselves."
    )
    parts: list[SourcePart] = Field(default_factory=list, description="PDF pages or DOCX paragraphs in ``text``.")
    read_repairs: list[Repair] = Field(default_factory=list, description="Changes the reader made (e.g. PDF hyphens joined).")
    title_hint: str | None = Field(None, description="Title the file declares (HTML <title>, og:title; DOCX/PDF metadata).")
    # clean
    blocks: list[Block] = Field(default_factory=list)
    repairs: list[Repair] = Field(default_factory=list)
    # segment
    segments: list[Segment] = Field(default_factory=list)
    # classify
    title: str | None = None
    classification: Classification | None = None
    language: str | None = None
    # annotate
    entities: list[Entity] = Field(default_factory=list)


# The stages' signatures name the slots they expect filled; it is one model.
CleanPage = SegmentedPage = ClassifiedPage = AnnotatedPage = Page
