"""A record on its way out of the worker: its file's bytes, the write task's message, and the record read back."""

from __future__ import annotations

import base64
import json
import zlib
from pathlib import Path

import pytest

from workers.models import Record
from workers.stages import process_bytes


@pytest.fixture(scope="module")
def record() -> Record:
    data = (Path(__file__).resolve().parents[1] / "fixtures" / "formats" / "report.html").read_bytes()
    rec = process_bytes(data, "report.html")
    assert any(s.cells for s in rec.segments) and rec.entities  # a table and entities: every part travels
    return rec


def test_the_files_bytes_are_the_records_json(record):
    assert record.json_bytes() == record.model_dump_json().encode("utf-8")


def test_a_record_read_from_its_json_is_the_one_pydantic_reads(record):
    text = record.model_dump_json()
    back = Record.from_json(text)
    assert back == Record.model_validate_json(text)
    assert back.model_dump_json() == text
    assert Record.from_json(text.encode()) == back


def test_the_write_tasks_message_is_smaller_than_the_json_and_gives_the_record_back(record):
    message = record.packed()
    json.dumps(message)  # a message argument must be JSON
    assert len(message) < len(record.json_bytes()) / 2
    assert Record.unpacked(message).json_bytes() == record.json_bytes()


def test_a_message_of_json_text_from_an_older_version_is_still_read(record):
    assert Record.unpacked(record.model_dump_json()).json_bytes() == record.json_bytes()


def test_a_message_made_by_a_worker_of_the_schema_before_is_filed_as_the_current_one(record):
    # A write task queued before an upgrade carries the older record: schema 4.0 wrote no body text.
    older = {**{k: v for k, v in json.loads(record.model_dump_json()).items() if k != "text"}, "schema_version": "4.0"}
    packed = base64.b64encode(zlib.compress(json.dumps(older).encode(), 1)).decode("ascii")
    assert Record.unpacked(packed).json_bytes() == record.json_bytes()


def test_a_record_keeps_none_of_the_stages_working_data():
    # A PDF's glyph boxes and every segment's offset pieces are never written; held in the record, they stayed
    # in memory while its JSON was made.
    data = (Path(__file__).resolve().parents[1] / "fixtures" / "formats" / "multi_page.pdf").read_bytes()
    rec = process_bytes(data, "multi_page.pdf")
    assert rec.segments and all(s.locator is not None for s in rec.segments)
    assert all(s.glyphs is None and not s.offsets.pieces for s in rec.segments)
