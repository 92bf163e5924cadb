"""Locators at the edges of the located parts: a span outside every part (a DOCX header or footer) has none.

A DOCX reader lays the main part's paragraphs end to end, then the headers and footers after them, with no
paragraph part of their own: their segments, and any sentence or entity in them, must get no locator rather
than a zero-width one at the end of the last body paragraph. The DOCX files are built here with python-docx.
"""

from __future__ import annotations

import io

import docx
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

from workers.models import Entity, Locator, Sentence, SourcePart
from workers.stages import process_bytes
from workers.stages.intake import decode_page
from workers.stages.pipeline import _Locate, build_record, run_stages

BODY = [
    "Quarterly notes on the harbour works",
    "The new quay at Ostend opened to cargo ships in March.",
    "Dredging of the outer channel went on through the summer months.",
]
HEADER = "RUNNING HEADER OF EVERY LATER PAGE"
FIRST_HEADER = "HEADER OF THE COVER PAGE ONLY"
FOOTER = "RUNNING FOOTER WITH THE OFFICE ADDRESS"


def _docx_with_header_and_footer() -> bytes:
    d = docx.Document()
    d.add_heading(BODY[0], level=1)
    for text in BODY[1:]:
        d.add_paragraph(text)
    section = d.sections[0]
    section.different_first_page_header_footer = True
    section.header.paragraphs[0].text = HEADER
    section.first_page_header.paragraphs[0].text = FIRST_HEADER
    section.footer.paragraphs[0].text = FOOTER
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def _paragraphs(data: bytes) -> list[str]:
    d = docx.Document(io.BytesIO(data))
    return [Paragraph(p, d).text for p in d.element.body.iter(qn("w:p"))]


def test_docx_header_and_footer_segments_have_no_locator_and_body_segments_keep_theirs():
    data = _docx_with_header_and_footer()
    rec = process_bytes(data, "harbour.docx")
    furniture = {s.text: s for s in rec.segments if s.role == "furniture"}
    assert {HEADER, FIRST_HEADER, FOOTER} <= set(furniture), furniture.keys()
    for text in (HEADER, FIRST_HEADER, FOOTER):
        assert furniture[text].locator is None, (text, furniture[text].locator)
        assert all(furniture[text].sentence_locator(s) is None for s in furniture[text].sentences)
    # Nor does the written record say otherwise.
    written = rec.model_dump(mode="json", exclude_none=True)
    assert all("locator" not in s for s in written["segments"] if s["role"] == "furniture")
    # The body's locators still find their text in their own paragraph.
    paragraphs = _paragraphs(data)
    body = [s for s in rec.segments if s.role != "furniture"]
    assert [s.text for s in body] == BODY
    for s in body:
        loc = s.locator
        assert loc is not None and loc.end > loc.start
        assert paragraphs[loc.paragraph][loc.start : loc.end] == s.text
    assert rec.entities, "the body names places and months"
    for e in rec.entities:
        assert e.locator is not None and paragraphs[e.locator.paragraph][e.locator.start : e.locator.end] == e.text


def test_sentences_and_entities_in_a_header_get_no_locator_either():
    """build_record locates a sentence and an entity of a header (were an entity step to find one) as its segment: nowhere."""
    page = run_stages(decode_page(_docx_with_header_and_footer(), "harbour.docx"))
    seg = next(s for s in page.segments if s.role == "furniture" and s.text == FOOTER)
    n = len("RUNNING FOOTER")
    sentence = Sentence(start=0, end=len(FOOTER), source_start=seg.source_start, source_end=seg.source_end)
    segments = [s.model_copy(update={"sentences": [sentence]}) if s.id == seg.id else s for s in page.segments]
    mention = Entity(id="e99", text=FOOTER[:n], label="ORG", source_start=seg.source_start, source_end=seg.source_start + n, segment_id=seg.id)
    page = page.model_copy(update={"segments": segments, "entities": [*page.entities, mention]})
    rec = build_record(page)
    footer = next(s for s in rec.segments if s.id == seg.id)
    assert footer.locator is None
    assert [footer.sentence_locator(s) for s in footer.sentences] == [None]
    assert next(e for e in rec.entities if e.id == "e99").locator is None
    assert all(e.locator is not None for e in rec.entities if e.id != "e99")


# Two paragraphs with the reader's blank line between, then text laid out after them (a header) in no part.
PARTS = [
    SourcePart(kind="paragraph", index=0, source_start=0, source_end=10),
    SourcePart(kind="paragraph", index=3, source_start=12, source_end=20),
]


def test_a_span_after_every_part_has_no_locator():
    locate = _Locate(PARTS)
    assert locate(22, 30) is None
    assert locate(30, 30) is None  # empty, and past every part
    pages = _Locate([SourcePart(kind="page", index=1, source_start=0, source_end=10)])
    assert pages(11, 15, bbox=[0.0, 0.0, 1.0, 1.0]) is None


def test_a_span_before_the_first_part_has_no_locator():
    locate = _Locate([SourcePart(kind="paragraph", index=2, source_start=5, source_end=10)])
    assert locate(0, 3) is None
    assert locate(0, 7) == Locator(paragraph=2, start=0, end=2)  # reaching into the part: the part it reaches


def test_a_span_starting_between_parts_is_in_the_part_it_reaches_not_at_the_end_of_the_one_before():
    locate = _Locate(PARTS)
    assert locate(10, 15) == Locator(paragraph=3, start=0, end=3)
    assert locate(11, 20) == Locator(paragraph=3, start=0, end=8)
    assert locate(10, 12) is None  # only the blank line between them


def test_spans_in_a_part_keep_their_locators():
    locate = _Locate(PARTS)
    assert locate(0, 4) == Locator(paragraph=0, start=0, end=4)
    assert locate(14, 18) == Locator(paragraph=3, start=2, end=6)
    assert locate(0, 20) == Locator(paragraph=0, start=0, end=10)  # a table over both: its first part
    assert locate(10, 10) == Locator(paragraph=0, start=10, end=10)  # an empty cell at a paragraph's end
    assert locate(12, 12) == Locator(paragraph=3, start=0, end=0)
    empty = _Locate([
        PARTS[0],
        SourcePart(kind="paragraph", index=1, source_start=12, source_end=12),
        SourcePart(kind="paragraph", index=3, source_start=14, source_end=20),
    ])
    assert empty(12, 12) == Locator(paragraph=1, start=0, end=0)  # an empty paragraph's empty cell
    assert _Locate([])(0, 4) is None
