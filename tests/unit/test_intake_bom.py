"""A page that starts with a byte-order mark: ``source.encoding`` is the codec that reads the file's bytes
into the very text the record's offsets count in, so ``data.decode(encoding)[start:end]`` is each entity."""

import codecs

import pytest

from workers.stages import process_bytes
from workers.stages.intake import decode_page

TEXT = "Angela Merkel met Barack Obama in Berlin on Monday.\n"
MARKDOWN = "# Talks in Berlin\n\nAngela Merkel met Barack Obama in Berlin on Monday.\n"
HTML = (
    "<!DOCTYPE html><html><head><title>Talks</title></head><body><article>"
    "<h1>Talks in Berlin</h1><p>Angela Merkel met Barack Obama in Berlin on Monday.</p>"
    "</article></body></html>\n"
)


def _slices_line_up(data: bytes, name: str) -> tuple[str, list[tuple[str, str]]]:
    record = process_bytes(data, name)
    source_text = data.decode(record.source.encoding)
    pairs = [(e.text, source_text[e.source_start : e.source_end]) for e in record.entities]
    return record.source.encoding, pairs


@pytest.mark.parametrize(
    ("name", "body", "bom", "codec"),
    [
        ("bom.txt", TEXT, codecs.BOM_UTF8, "utf-8"),
        ("bom.md", MARKDOWN, codecs.BOM_UTF8, "utf-8"),
        ("bom.html", HTML, codecs.BOM_UTF8, "utf-8"),
        ("bom16.txt", TEXT, codecs.BOM_UTF16_LE, "utf-16-le"),
        ("bom16.html", HTML, codecs.BOM_UTF16_LE, "utf-16-le"),
    ],
    ids=["utf8-bom-text", "utf8-bom-markdown", "utf8-bom-html", "utf16-bom-text", "utf16-bom-html"],
)
def test_entity_offsets_slice_the_file_decoded_with_its_reported_encoding(name, body, bom, codec):
    encoding, pairs = _slices_line_up(bom + body.encode(codec), name)
    assert pairs, "expected entities in the test page"
    texts = [t for t, _ in pairs]
    assert "Berlin" in texts
    for text, sliced in pairs:
        assert sliced == text, (encoding, pairs)


def test_utf8_bom_is_reported_as_the_codec_that_drops_it():
    data = codecs.BOM_UTF8 + b"Hello from Paris."
    page = decode_page(data, "bom.txt")
    assert page.text == "Hello from Paris."
    assert page.source.encoding == "utf-8-sig"
    assert data.decode(page.source.encoding) == page.text


def test_utf8_without_a_bom_is_still_plain_utf8():
    page = decode_page("Café in Zürich.".encode(), "plain.txt")
    assert page.source.encoding == "utf-8"
