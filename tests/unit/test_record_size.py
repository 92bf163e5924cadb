"""Records stay in proportion to their pages, and what they leave out can be had back.

Since 3.0 a record leaves out fields that hold their default, and a
sentence's locator where its segment's already says it; 4.0 leaves out what
other fields say. 5.0 writes the body text again beside the segments' own
texts (readers outside the project need each). Nothing is lost: each test
below gets the information back.
"""

from __future__ import annotations

import json

import jsonschema
import pytest

from tests.conftest import REPO
from workers.client import parse_outcome
from workers.models import SCHEMA_VERSION, Record, record_text, upgrade
from workers.stages import process_bytes
from workers.stages.intake import decode_page
from workers.stages.pipeline import _Locate, build_record, run_stages

FORMATS = REPO / "tests" / "fixtures" / "formats"

# Ordinary report prose of our own: a few names per paragraph, as most pages have.
PARAGRAPHS = [
    "Harbour works in the north",
    "The harbour board met on Tuesday to look again at the plan for the northern quay. The old wall has moved "
    "a little every winter, and the engineers now think it should be rebuilt rather than patched once more.",
    "Most of the members agreed that the work could start in the spring. The cost will be shared between the "
    "town and the regional fund, which has paid for similar repairs along the coast over the past ten years.",
    "Ana Silva, who chairs the board, said the fishing fleet would keep its berths while the work goes on. "
    "Boats will be moved in small groups, and the ferry to Bergen will use the southern landing for a season.",
    "A second meeting will look at the drainage of the market square, which floods after heavy rain and "
    "keeps traders away on the busiest days of the week. A short report on the choices is due before summer.",
]


def _page(paragraphs: list[str]) -> bytes:
    return ("\n\n".join(paragraphs) + "\n").encode("utf-8")


def _big_page(size: int) -> bytes:
    parts: list[str] = []
    n = 0
    while n < size:
        parts.extend(PARAGRAPHS[1:])
        n += sum(len(p) + 2 for p in PARAGRAPHS[1:])
    return _page([PARAGRAPHS[0], *parts])


def _null_keys(doc) -> set[str]:
    if isinstance(doc, dict):
        return {k for k, v in doc.items() if v is None}.union(*(_null_keys(v) for v in doc.values()))
    if isinstance(doc, list):
        return set().union(*(_null_keys(v) for v in doc))
    return set()


def _ratio(data: bytes, name: str) -> float:
    record = process_bytes(data, name, max_bytes=len(data) + 1)
    return len(record.model_dump_json().encode("utf-8")) / len(data)


# A page under about 1 KB is not held to it: a record's own part (source, classification, pipeline) is
# about 1.2 KB whatever the page. benchmarks/record_size.py gives the figures of the corpus and a 2 MB page.
@pytest.mark.parametrize("name,data", [
    ("report.txt", _page([*PARAGRAPHS, "Later notes", *PARAGRAPHS[1:]])),
    ("long.txt", _big_page(60_000)),
])
def test_a_record_is_at_most_four_times_its_page(name, data):
    assert _ratio(data, name) <= 4.0


def test_a_field_holding_its_default_is_left_out_and_read_back_as_it():
    record = process_bytes(_page(PARAGRAPHS), "report.txt")
    written = record.model_dump_json()
    doc = json.loads(written)
    # Nulls only where the schema requires the field (the page has no title, section or language to give).
    assert _null_keys(doc) <= {"title", "section", "language", "taxonomy"} and "supersedes" not in doc
    heading, para = doc["segments"][0], doc["segments"][1]
    assert "parent_id" not in heading and para["parent_id"] == heading["id"]
    assert all("locator" not in e for e in doc["entities"])
    # What a reader gets back is the record that was written, defaults and all.
    again = Record.model_validate_json(written)
    assert again.model_dump_json() == written
    assert again.supersedes is None and again.segments[0].parent_id is None and again.entities[0].locator is None
    jsonschema.Draft202012Validator(json.loads((REPO / "schemas" / "record.schema.json").read_text())).validate(doc)


def test_the_body_text_is_written_and_is_the_segments_but_furniture_joined():
    # Readers that want the body alone read record["text"] (shared/tools/score_html.py among them).
    text = "Site menu | Home\n\n" + _page(PARAGRAPHS).decode()
    record = process_bytes(text.encode(), "menu.txt")
    doc = json.loads(record.model_dump_json())
    body = doc["text"]
    assert body == record.text == record_text(doc)
    assert body == "\n\n".join(s["text"] for s in doc["segments"] if s["role"] != "furniture")
    assert "Site menu" not in body and body.startswith(PARAGRAPHS[0]) and PARAGRAPHS[-1] in body
    assert body.count(PARAGRAPHS[2][:40]) == 1


def _as_3_0(record: Record) -> dict:
    """The record as schema 3.0 wrote it: every sentence's source offsets, entities' segment ids, the section twice."""
    doc = json.loads(record.model_dump_json())
    doc["schema_version"] = "3.0"
    del doc["text"]  # 3.0 and 4.0 did not write the body text apart
    for seg, s in zip(record.segments, doc["segments"], strict=True):
        for sentence, d in zip(seg.sentences, s.get("sentences", []), strict=True):
            d["source_start"], d["source_end"] = sentence.source_start, sentence.source_end
    for e, d in zip(record.entities, doc["entities"], strict=True):
        d["segment_id"] = e.segment_id
    doc["classification"] = {"section": doc["section"], **doc["classification"]}
    return doc


def test_a_record_written_as_schema_3_0_or_4_0_reads_as_5_0_with_nothing_lost():
    text = "Harbour works\n\nThe harbour board met on Tuesday. Ana Silva, who chairs it, visited Bergen in May 2011.\n"
    # a repair inside a sentence moves it against its segment's start: its source offsets are written
    text += "\nThe old wall has moved a lit-\ntle every winter. The ferry to Oslo will use the southern landing.\n"
    record = process_bytes(text.encode(), "report.txt")
    new = json.loads(record.model_dump_json())
    old = _as_3_0(record)
    jsonschema.Draft202012Validator(json.loads((REPO / "schemas" / "3.0" / "record.schema.json").read_text())).validate(old)
    jsonschema.Draft202012Validator(json.loads((REPO / "schemas" / "record.schema.json").read_text())).validate(new)
    assert "section" not in new["classification"] and all("segment_id" not in e for e in new["entities"])
    written = [s for seg in new["segments"] for s in seg.get("sentences", [])]
    assert any("source_start" in s for s in written) and any("source_start" not in s for s in written)
    again = Record.model_validate(upgrade(old))
    assert again.model_dump_json() == Record.model_validate(new).model_dump_json() == record.model_dump_json()
    # a 4.0 record is the 5.0 one without its body text, which the model makes from the segments again
    as_4_0 = {**{k: v for k, v in new.items() if k != "text"}, "schema_version": "4.0"}
    jsonschema.Draft202012Validator(json.loads((REPO / "schemas" / "4.0" / "record.schema.json").read_text())).validate(as_4_0)
    assert Record.model_validate(upgrade(as_4_0)).model_dump_json() == record.model_dump_json()
    assert parse_outcome(json.dumps(as_4_0)).text == new["text"]
    # what 4.0 leaves out comes back in the model, from a 4.0 file as from a 3.0 one
    for read in (again, Record.model_validate(new)):
        assert read.classification.section == record.classification.section
        assert [e.segment_id for e in read.entities] == [e.segment_id for e in record.entities]
        assert [s for seg in read.segments for s in seg.sentences] == [s for seg in record.segments for s in seg.sentences]
    assert parse_outcome(json.dumps(old)).model_dump_json() == record.model_dump_json()


def test_a_record_written_as_schema_2_0_reads_as_5_0_with_nothing_lost():
    record = process_bytes(_page(PARAGRAPHS), "report.txt")
    new = json.loads(record.model_dump_json())
    # A 2.0 record said the same with its body text, offsets into it and every null written out.
    old = _as_3_0(record)
    old["schema_version"] = "2.0"
    old["text"] = record.text
    offset = 0
    for s in old["segments"]:
        for key in ("level", "number", "parent_id", "language", "locator", "cells"):
            s.setdefault(key, None)
        s.setdefault("sentences", [])
        for sentence in s["sentences"]:
            sentence.setdefault("locator", None)
        if s["role"] != "furniture":
            s["text_start"], s["text_end"] = offset, offset + len(s["text"])
            offset += len(s["text"]) + 2
    for e in old["entities"]:
        for key in ("locator", "ref", "country_code", "date_value"):
            e.setdefault(key, None)
    old["supersedes"] = None
    old["source"].setdefault("folder", None)
    jsonschema.Draft202012Validator(json.loads((REPO / "schemas" / "2.0" / "record.schema.json").read_text())).validate(old)
    assert upgrade(old)["schema_version"] == SCHEMA_VERSION
    assert Record.model_validate(upgrade(old)).model_dump_json() == Record.model_validate(new).model_dump_json() == record.model_dump_json()
    assert record_text(old) == record_text(new)
    # The feed client reads older feed entries the same way.
    assert parse_outcome(json.dumps(old)).model_dump_json() == parse_outcome(record.model_dump_json()).model_dump_json()


@pytest.mark.parametrize("name", ["multi_page.pdf", "word_tables.docx", "unit_test_headers_numbered.docx"])
def test_every_sentence_still_has_its_place_in_a_pdf_or_docx_original(name):
    data = (FORMATS / name).read_bytes()
    page = run_stages(decode_page(data, name))
    record = build_record(page)
    locate = _Locate(page.parts)
    glyphs = {seg.id: seg.glyphs for seg in page.segments}
    sentences = [(seg, s) for seg in record.segments for s in seg.sentences]
    assert sentences
    for seg, s in sentences:
        assert seg.sentence_locator(s) == locate(s.source_start, s.source_end, glyphs=glyphs[seg.id])
    if name.endswith(".docx"):
        # Most say nothing their segment does not: those are left out.
        assert sum(s.locator is None for _, s in sentences) > len(sentences) / 2
    else:
        # A PDF sentence has the box of its own characters, which its segment's box does not say.
        assert all(s.locator is not None and s.locator.bbox for _, s in sentences)
