import codecs
from pathlib import Path

import pytest

from workers.stages.intake import PageRejected, content_id, decode_page


def test_utf8_page_is_decoded_and_described():
    page = decode_page("Café in Zürich.\n".encode(), "a.txt")
    assert page.text == "Café in Zürich.\n"
    assert page.source.encoding == "utf-8"
    assert page.source.size_bytes == len("Café in Zürich.\n".encode())
    assert page.id == content_id(page.source.sha256)


def test_same_bytes_give_same_id_and_different_bytes_do_not():
    a = decode_page(b"Hello world.", "a.txt")
    b = decode_page(b"Hello world.", "b.txt")
    c = decode_page(b"Hello world!", "a.txt")
    assert a.id == b.id != c.id


def test_utf16_with_bom_is_decoded_and_named():
    data = codecs.BOM_UTF16_LE + "Paris is in France.".encode("utf-16-le")
    page = decode_page(data, "u16.txt")
    assert page.text == "Paris is in France."
    assert page.source.encoding == "utf-16"


def test_utf8_bom_is_not_part_of_the_text():
    page = decode_page(codecs.BOM_UTF8 + b"Hello.", "bom.txt")
    # "utf-8-sig", the codec that drops the BOM, so that decoding the file with it gives the text offsets count in.
    assert page.text == "Hello." and page.source.encoding == "utf-8-sig"


def test_invalid_utf8_falls_back_to_windows_1252():
    page = decode_page("Café déjà vu – “quoted”".encode("cp1252"), "legacy.txt")
    assert page.text == "Café déjà vu – “quoted”"
    assert page.source.encoding == "windows-1252"


@pytest.mark.parametrize("data", [b"", b"   \n\t\n"])
def test_empty_file_is_rejected(data):
    with pytest.raises(PageRejected) as exc:
        decode_page(data, "empty.txt")
    assert exc.value.code == "empty_file"


def test_binary_file_is_rejected():
    data = bytes(range(256)) * 40
    with pytest.raises(PageRejected) as exc:
        decode_page(data, "image.txt")
    assert exc.value.code == "binary_file"


def test_text_with_many_nul_bytes_is_rejected_as_binary():
    with pytest.raises(PageRejected) as exc:
        decode_page(b"Hello\x00\x00\x00 world\x00\x00" * 50, "nul.txt")
    assert exc.value.code == "binary_file"


def test_file_over_the_size_limit_is_rejected_with_the_knob_to_turn():
    with pytest.raises(PageRejected) as exc:
        decode_page(b"x" * 101, "big.txt", max_bytes=100)
    assert exc.value.code == "too_large"
    assert "PAGEMILL_MAX_PAGE_BYTES" in exc.value.message


FORMATS = Path(__file__).resolve().parents[1] / "fixtures" / "formats"


@pytest.mark.parametrize("name", ["multi_page.pdf", "word_tables.docx"])
def test_a_pdf_or_word_file_larger_than_the_page_limit_is_read_when_its_text_fits(name):
    data = (FORMATS / name).read_bytes()
    page = decode_page(data, name, max_bytes=len(data) - 1, max_file_bytes=len(data))
    assert len(page.text.encode()) < len(data)


@pytest.mark.parametrize("name", ["multi_page.pdf", "word_tables.docx"])
def test_a_pdf_or_word_file_whose_text_is_over_the_page_limit_is_refused_naming_the_text(name):
    data = (FORMATS / name).read_bytes()
    with pytest.raises(PageRejected) as exc:
        decode_page(data, name, max_bytes=100)
    assert exc.value.code == "too_large"
    assert "the text read from this" in exc.value.message and "PAGEMILL_MAX_PAGE_BYTES" in exc.value.message


def test_any_file_over_the_file_limit_is_refused_before_it_is_read():
    data = (FORMATS / "multi_page.pdf").read_bytes()
    with pytest.raises(PageRejected) as exc:
        decode_page(data, "multi_page.pdf", max_bytes=len(data) * 10, max_file_bytes=len(data) - 1)
    assert exc.value.code == "too_large" and "PAGEMILL_MAX_FILE_BYTES" in exc.value.message


def test_a_stray_nul_byte_in_a_short_text_is_not_binary():
    page = decode_page(b"The council met in Lima\x00 in 2012.", "nul.txt")
    assert page.source.encoding == "utf-8"


WIDE_TEXT = "Report\n\nThe harbour at Valparaíso took 40 ships in July 2016 — more than in any month before.\n"


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
def test_utf16_and_utf32_without_a_bom_are_read_by_the_pattern_of_their_zero_bytes(encoding):
    page = decode_page(WIDE_TEXT.encode(encoding), "wide.txt")
    assert page.text == WIDE_TEXT
    assert page.source.encoding == encoding


def test_binary_data_with_zero_bytes_in_wide_places_is_still_refused():
    # 16-bit little-endian numbers: every other byte is zero, but they do not read as text.
    data = b"".join(n.to_bytes(2, "little") for n in range(1, 32)) * 40
    with pytest.raises(PageRejected) as exc:
        decode_page(data, "samples.txt")
    assert exc.value.code == "binary_file"


def test_a_binary_file_of_no_known_type_is_refused_saying_what_it_seems_to_be_and_what_to_do():
    with pytest.raises(PageRejected) as exc:
        decode_page(bytes(range(256)) * 8, "x.txt")
    assert exc.value.code == "binary_file"
    assert "it seems to be binary data of no kind pagemill recognises" in exc.value.message
    assert "convert it to UTF-8" in exc.value.message


@pytest.mark.parametrize(
    ("data", "todo"),
    [
        (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8, "OCR"),
        (b"\x1f\x8b\x08\x00" + bytes(range(256)) * 8, "unpack it"),
        (b"\x7fELF\x02\x01\x01" + bytes(range(256)) * 8, "remove it from the inbox"),
    ],
)
def test_a_binary_type_pagemill_does_not_read_says_what_to_do_with_it(data, todo):
    with pytest.raises(PageRejected) as exc:
        decode_page(data, "x.txt")
    assert exc.value.code == "unsupported_type"
    assert todo in exc.value.message


FORMATS = Path(__file__).resolve().parents[1] / "fixtures" / "formats"


def _inflated_docx(xml_bytes: int) -> bytes:
    """A real Word file whose document part is padded with ``xml_bytes`` of paragraphs that compress a thousandfold."""
    import io
    import zipfile

    src = zipfile.ZipFile(FORMATS / "word_tables.docx")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename != "word/document.xml":
                z.writestr(item, data)
                continue
            head, tail = data.split(b"<w:body>", 1)
            para = b"<w:p><w:r><w:t>" + b"A" * 4000 + b"</w:t></w:r></w:p>"
            with z.open(item.filename, "w") as f:
                f.write(head + b"<w:body>")
                for _ in range(xml_bytes // len(para)):
                    f.write(para)
                f.write(tail)
    return out.getvalue()


def test_a_word_file_that_unpacks_past_the_file_limit_is_refused_before_it_is_unpacked():
    from workers.stages import process_bytes

    bomb = _inflated_docx(5_000_000)
    assert len(bomb) < 100_000
    limits = {"max_bytes": 100_000, "max_file_bytes": 2_000_000}  # unpacked: at most 2 MB + 16 x 100 KB
    with pytest.raises(PageRejected) as err:
        process_bytes(bomb, "inflated.docx", **limits)
    assert err.value.code == "too_large" and "unpacks to" in err.value.message and "PAGEMILL_MAX_FILE_BYTES" in err.value.message
    # The same limits let an ordinary Word file through.
    assert process_bytes((FORMATS / "word_tables.docx").read_bytes(), "word_tables.docx", **limits).kind == "record"


def test_time_running_out_while_a_word_file_is_read_says_time_ran_out_not_unreadable():
    from workers.stages import process_bytes
    from workers.timelimit import PageTimeLimit, page_deadline

    bomb = _inflated_docx(400_000_000)  # unpacking alone takes seconds; the deadline falls inside the reader
    with pytest.raises(PageTimeLimit), page_deadline(0.3):
        process_bytes(bomb, "slow.docx")
