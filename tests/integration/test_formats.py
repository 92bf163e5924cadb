"""One file of each format dropped into a running service (real broker, worker, watcher): each ends as the right outcome."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import jsonschema
import pytest

from tests.conftest import REPO
from workers.models import record_text

from .conftest import Service, filed

pytestmark = pytest.mark.integration

FIX = REPO / "tests" / "fixtures" / "formats"
RECORD_SCHEMA = json.loads((REPO / "schemas" / "record.schema.json").read_text())
ERROR_SCHEMA = json.loads((REPO / "schemas" / "error.schema.json").read_text())


def _zip() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("minutes.txt", "The board met on Tuesday.")
    return buf.getvalue()


def _blank_pdf() -> bytes:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument.new()
    pdf.new_page(595, 842)
    buf = io.BytesIO()
    pdf.save(buf)
    return buf.getvalue()


RECORDS = [
    # (name dropped, fixture, media type read, a heading the record must have)
    ("fmt-html.txt", "report.html", "text/html", "Cargo and passengers"),
    ("fmt-md.md", "duck.md", "text/markdown", "Let’s swim!"),
    ("fmt-docx.docx", "docx_page_header_footer_first_page.docx",
     "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "Page 2"),
    ("fmt-pdf.pdf", "multi_page.pdf", "application/pdf", "The Rise of Personal Computers (1980s)"),
]


@pytest.mark.parametrize(("name", "fixture", "media_type", "heading"), RECORDS)
def test_each_format_dropped_in_the_inbox_becomes_a_valid_record(service: Service, name, fixture, media_type, heading):
    service.drop(name, (FIX / fixture).read_bytes())
    (rec,) = service.wait_for(Path(name).stem, timeout=60)
    path = rec.pop("_path")
    jsonschema.Draft202012Validator(RECORD_SCHEMA).validate(rec)
    assert rec["kind"] == "record", rec
    assert rec["source"]["media_type"] == media_type
    assert heading in [s["text"] for s in rec["segments"] if s["role"] == "heading"]
    assert "<" not in record_text(rec) or media_type != "text/html"
    if media_type == "application/pdf":
        assert all(s["locator"]["page"] and s["locator"]["bbox"] for s in rec["segments"])
    assert filed(service.archive / name) and path.exists()


@pytest.mark.parametrize(
    ("name", "data", "error"),
    [
        ("fmt-archive.zip", _zip(), "unsupported_type"),
        ("fmt-locked.pdf", (FIX / "encrypted.pdf").read_bytes(), "encrypted"),
        ("fmt-scan.pdf", _blank_pdf(), "no_text_layer"),
    ],
)
def test_unreadable_formats_get_their_error_record_and_the_original_is_kept(service: Service, name, data, error):
    service.drop(name, data)
    (rec,) = service.wait_for(Path(name).stem, timeout=60)
    rec.pop("_path")
    jsonschema.Draft202012Validator(ERROR_SCHEMA).validate(rec)
    assert rec["kind"] == "error" and rec["error"] == error
    assert "drop" in rec["message"]
    assert (service.failed / name).read_bytes() == data
