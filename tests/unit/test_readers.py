"""Format readers on small real files: type from the bytes, roles from the markup, and locators that find the text in the original."""

from __future__ import annotations

import html
import io
import re
import zipfile
from pathlib import Path

import docx
import pypdfium2 as pdfium
import pytest
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

from workers.readers import detect
from workers.readers.detect import DOCX, HTML, MARKDOWN, PDF, PLAIN, text_kind
from workers.stages import PageRejected, decode_page, process_bytes
from workers.stages.intake import refuse_markup

FIX = Path(__file__).resolve().parents[1] / "fixtures" / "formats"


def collapse(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def words_in_order(needle: str, hay: str) -> bool:
    pos = 0
    for w in re.findall(r"\w+", needle):
        pos = hay.find(w, pos)
        if pos < 0:
            return False
        pos += len(w)
    return True


@pytest.fixture(scope="module")
def html_record():
    data = (FIX / "report.html").read_bytes()
    return process_bytes(data, "report.html"), data.decode("utf-8")


# --- type detection -------------------------------------------------------------------------


def test_type_comes_from_the_bytes_not_the_name():
    assert detect((FIX / "code_and_formula.pdf").read_bytes()).media_type == PDF
    assert detect((FIX / "word_tables.docx").read_bytes()).media_type == DOCX
    page = decode_page((FIX / "report.html").read_bytes(), "looks-like-text.txt")
    assert page.source.media_type == HTML
    md = (FIX / "duck.md").read_bytes()
    assert text_kind(md, md.decode()) == MARKDOWN
    plain = b"Annual report\n\nThe council met on Monday - and agreed * three * things.\n"
    assert text_kind(plain, plain.decode()) == PLAIN


def test_a_short_html_fragment_is_html_but_text_that_only_mentions_a_tag_is_not():
    fragment = b"<p>The harbour board met on <b>Monday</b>.</p>\n<p>It agreed a budget.</p>\n"
    assert text_kind(fragment, fragment.decode()) == HTML
    record = process_bytes(fragment, "fragment.txt")
    assert "<p>" not in record.text and "harbour board met on Monday" in record.text
    for plain in (b"<p> marks a paragraph in HTML, the manual says.\n", b"Use <p> and </p> around each paragraph.\n"):
        assert text_kind(plain, plain.decode()) == PLAIN


def _zip_bytes() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("notes.txt", "hello")
    return buf.getvalue()


@pytest.mark.parametrize(
    ("data", "named"),
    [
        (_zip_bytes(), "ZIP"),
        (b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + bytes(200), "PNG"),
    ],
)
def test_a_type_pagemill_does_not_read_gets_unsupported_type_naming_it_and_what_to_do(data, named):
    with pytest.raises(PageRejected) as exc:
        decode_page(data, "upload.txt")
    assert exc.value.code == "unsupported_type"
    msg = exc.value.message
    assert named in msg
    for kind in ("plain text", "HTML", "Markdown", "PDF", ".docx"):
        assert kind in msg
    assert "drop it again" in msg


def test_a_docx_is_read_not_refused_as_binary():
    page = decode_page((FIX / "word_tables.docx").read_bytes(), "tables.docx")
    assert page.source.media_type == DOCX and page.structure


def test_text_that_is_mostly_markup_is_refused():
    xml = "<?xml version='1.0'?>\n<catalog>" + "".join(
        f"<item id='{i}'><name>n{i}</name><price currency='EUR'>{i}.00</price></item>" for i in range(40)
    ) + "</catalog>"
    with pytest.raises(PageRejected) as exc:
        decode_page(xml.encode(), "feed.txt")
    assert exc.value.code == "markup_text"


def test_text_with_control_characters_everywhere_is_refused():
    with pytest.raises(PageRejected) as exc:
        refuse_markup("ab\x01\x02cd\x03\x04ef\x05\x06" * 30, "file")
    assert exc.value.code == "markup_text"


def test_prose_that_mentions_a_tag_or_two_is_not_markup():
    refuse_markup("Type <b> to make text bold, and &amp; for an ampersand, the manual says. " * 3, "file")


# --- HTML -----------------------------------------------------------------------------------


def test_html_main_text_leaves_out_chrome_scripts_and_hidden_text(html_record):
    rec, _ = html_record
    assert "<" not in rec.text and "dataLayer" not in rec.text and "font-family" not in rec.text
    assert "hidden and must not appear" not in rec.text
    for chrome in ("Skip to main content", "We use cookies", "Related stories", "Privacy policy", "Share on social media", "Great news for the town"):
        assert chrome not in rec.text
        assert any(chrome in s.text for s in rec.segments if s.role == "furniture"), chrome
    assert "paid for itself sooner than anyone expected" in rec.text


def test_html_roles_come_from_the_markup(html_record):
    rec, _ = html_record
    role = {s.text: (s.role, s.level) for s in rec.segments}
    assert role["Harbour authority publishes its annual report"] == ("heading", 1)
    assert role["Cargo and passengers"] == ("heading", 2)
    assert role["Traffic through the harbour"][0] == "caption"
    assert role["surplus = income - costs"][0] == "code"
    assert [s.role for s in rec.segments if s.text.startswith(("Dredging", "The lighthouse"))] == ["list_item", "list_item"]
    assert rec.title == "Harbour authority publishes its annual report"  # og:title before <title>


def test_html_character_references_are_decoded(html_record):
    rec, _ = html_record
    assert "“paid for itself" in rec.text and "basin & repairing" in rec.text and "authority’s offices" in rec.text


def test_html_table_is_one_segment_with_its_cells(html_record):
    rec, src = html_record
    (table,) = [s for s in rec.segments if s.role == "table"]
    cells = {(c.row, c.col): c for c in table.cells}
    assert cells[(0, 1)].text == "Cargo (tonnes)" and cells[(0, 1)].header
    assert cells[(2, 2)].text == "89,100" and not cells[(2, 2)].header
    for c in table.cells:
        assert src[c.source_start : c.source_end] == c.text
        assert table.text[c.start : c.end] == c.text
    assert any(e.text == "2023" and e.segment_id == table.id for e in rec.entities)  # entities in cells too


def _markup_to_text(markup: str) -> str:
    return collapse(html.unescape(re.sub(r"<[^>]*>", " ", markup)))


def test_html_locators_find_each_segment_and_entity_in_the_markup(html_record):
    rec, src = html_record
    for s in rec.segments:
        if s.role in ("table", "code"):
            continue
        span = src[s.source_start : s.source_end]
        assert _markup_to_text(span).replace(" ,", ",").replace(" .", ".") == s.text, (s.text, span)
    assert rec.entities
    for e in rec.entities:
        assert _markup_to_text(src[e.source_start : e.source_end]) == e.text


# --- Markdown -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def md_record():
    data = (FIX / "duck.md").read_bytes()
    return process_bytes(data, "duck.md"), data.decode("utf-8")


def test_markdown_roles_levels_and_no_markup_characters(md_record):
    rec, _ = md_record
    heads = [(s.text, s.level) for s in rec.segments if s.role == "heading"]
    assert heads[:2] == [("Swimming in the lake", 1), ("Let’s swim!", 2)]
    assert [s.text for s in rec.segments if s.role == "list_item"][:3] == ["You can relax and look around", "Paddle about", "Enjoy summer warmth"]
    assert any(s.role == "code" for s in rec.segments)
    assert "#" not in rec.text and "| -" not in rec.text and "```" not in rec.text
    (table,) = [s for s in rec.segments if s.role == "table"]
    assert {(c.row, c.col, c.text) for c in table.cells} >= {(0, 1, "Food"), (2, 0, "Berries"), (3, 2, "200")}


def test_markdown_locators_find_each_segment_and_entity_in_the_source(md_record):
    rec, src = md_record
    for s in rec.segments:
        assert words_in_order(s.text, src[s.source_start : s.source_end]), s.text
    for s in rec.segments:
        for c in s.cells or []:
            assert src[c.source_start : c.source_end] == c.text
    assert rec.entities
    for e in rec.entities:
        assert src[e.source_start : e.source_end] == e.text


def _nested_list(depth: int) -> str:
    return "# Harbour Tasks\n\n" + "".join(" " * (2 * i) + f"- task {i}\n" for i in range(depth)) + "\nThe board meets again in May.\n"


def test_a_markdown_list_nested_deeply_keeps_every_item_and_what_follows():
    # markdown-it's CommonMark preset stopped at ten levels and dropped the rest of the file without a word.
    rec = process_bytes(_nested_list(30).encode(), "tasks.md")
    assert [s.text for s in rec.segments if s.role == "list_item"] == [f"task {i}" for i in range(30)]
    assert rec.segments[-1].text == "The board meets again in May."


def test_markdown_front_matter_is_furniture_and_gives_the_title():
    page = '---\ntitle: "Harbour Works in Quito"\ndate: 2021-05-04\ntags: [ports, budget]\n---\n\n# Harbour Works\n\nThe board met in May.\n'
    rec = process_bytes(page.encode(), "harbour.md")
    assert rec.title == "Harbour Works in Quito"
    assert [(s.role, s.source_start) for s in rec.segments] == [("furniture", 0), ("heading", page.index("Harbour Works\n")),
                                                                ("paragraph", page.index("The board"))]
    assert "date:" not in rec.text
    hugo = "+++\ntitle = 'Dredging Plan'\n+++\nThe channel is dredged each spring.\n"
    assert process_bytes(hugo.encode(), "plan.md").title == "Dredging Plan"


def test_a_markdown_page_that_opens_with_a_rule_has_no_front_matter():
    page = "---\n\n# Minutes\n\nThe harbour board met in May.\n\n---\n\nIt meets again in June.\n"
    rec = process_bytes(page.encode(), "rules.md")
    assert [s.role for s in rec.segments] == ["heading", "paragraph", "paragraph"] and rec.title == "Minutes"


def test_a_markdown_list_nested_past_what_is_read_is_refused_not_cut_short():
    with pytest.raises(PageRejected) as exc:
        decode_page(_nested_list(150).encode(), "tasks.md")
    assert exc.value.code == "unreadable" and "nests lists or quotes deeper than pagemill reads" in exc.value.message


# --- DOCX -----------------------------------------------------------------------------------


def _docx_paragraphs(path: Path) -> list[str]:
    d = docx.Document(str(path))
    fallback = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
    return [Paragraph(p, d).text for p in d.element.body.iter(qn("w:p")) if not any(a.tag == fallback for a in p.iterancestors())]


def test_docx_roles_tables_and_header_footer_furniture():
    rec = process_bytes((FIX / "docx_page_header_footer_first_page.docx").read_bytes(), "hf.docx")
    assert [(s.text, s.level) for s in rec.segments if s.role == "heading"][0] == ("Page header/footer regression fixture", 1)
    furniture = [s.text for s in rec.segments if s.role == "furniture"]
    assert any("HEADER" in t for t in furniture) and any("FOOTER" in t for t in furniture)
    assert "HEADER" not in rec.text and "FOOTER" not in rec.text
    tables = process_bytes((FIX / "word_tables.docx").read_bytes(), "tables.docx")
    spans = [c for s in tables.segments if s.role == "table" for c in s.cells if c.row_span > 1 or c.col_span > 1]
    assert spans, "merged cells keep their spans"


@pytest.mark.parametrize("name", ["word_tables.docx", "docx_page_header_footer_first_page.docx"])
def test_docx_locators_find_each_segment_and_entity_in_its_paragraph(name):
    rec = process_bytes((FIX / name).read_bytes(), name)
    paragraphs = _docx_paragraphs(FIX / name)
    checked = 0
    for s in rec.segments:
        if s.role == "furniture":
            continue
        loc = s.locator
        assert loc is not None and loc.paragraph is not None
        if s.role != "table":
            assert collapse(paragraphs[loc.paragraph][loc.start : loc.end]) == s.text
            for sent in s.sentences:
                sl = s.sentence_locator(sent)  # the sentence's own, or its segment's moved to it
                assert collapse(paragraphs[sl.paragraph][sl.start : sl.end]) == s.text[sent.start : sent.end]
            checked += 1
        for c in s.cells or []:
            if c.text:
                assert collapse(paragraphs[c.locator.paragraph][c.locator.start : c.locator.end]) == c.text
    assert checked
    for e in rec.entities:
        assert paragraphs[e.locator.paragraph][e.locator.start : e.locator.end] == e.text


# --- PDF ------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["code_and_formula.pdf", "multi_page.pdf", "2305.03393v1-pg9.pdf"])
def test_pdf_locators_give_page_box_and_find_the_text_on_that_page(name):
    rec = process_bytes((FIX / name).read_bytes(), name)
    pdf = pdfium.PdfDocument(str(FIX / name))
    texts = [pdf[i].get_textpage().get_text_range() for i in range(len(pdf))]
    for s in rec.segments:
        loc = s.locator
        assert loc is not None and loc.page is not None and loc.bbox is not None, s.text
        w, h = pdf[loc.page - 1].get_size()
        x0, y0, x1, y1 = loc.bbox
        assert 0 <= x0 <= x1 <= w and 0 <= y0 <= y1 <= h
        # pdfium marks a hyphen at a line end with U+FFFE; the record lists each one it joined or kept as a repair.
        span = texts[loc.page - 1][loc.start : loc.end]
        assert span.count("\ufffe") <= sum(1 for r in rec.repairs if r.before == "\ufffe" and s.source_start <= r.source_start < s.source_end)
        if s.role == "table":
            # A table's text goes cell by cell, the page's row by row: each cell is found at its own place.
            for c in s.cells:
                cell_span = texts[c.locator.page - 1][c.locator.start : c.locator.end]
                assert words_in_order(c.text, cell_span.replace("\ufffe", "")), c.text
        else:
            assert words_in_order(s.text, span.replace("\ufffe", "")), s.text
        # The box holds the segment: pdfium's text inside it starts with the segment's first word.
        inside = pdf[loc.page - 1].get_textpage().get_text_bounded(x0 - 1, y0 - 1, x1 + 1, y1 + 1)
        assert re.findall(r"\w+", s.text)[0] in inside
    assert rec.entities
    for e in rec.entities:
        assert collapse(texts[e.locator.page - 1][e.locator.start : e.locator.end]) == e.text


def _text_in_box(pdf, loc) -> str:
    x0, y0, x1, y1 = loc.bbox
    # (pdfium marks a ligature's break with a control character: "Ef\x02fects")
    return re.sub(r"[\x00-\x08]", "", pdf[loc.page - 1].get_textpage().get_text_bounded(x0 - 0.5, y0 - 0.5, x1 + 0.5, y1 + 0.5))


@pytest.mark.parametrize("name", ["code_and_formula.pdf", "multi_page.pdf", "2305.03393v1-pg9.pdf"])
def test_pdf_entities_and_sentences_have_boxes_around_just_their_own_text(name):
    rec = process_bytes((FIX / name).read_bytes(), name)
    pdf = pdfium.PdfDocument(str(FIX / name))
    segs = {s.id: s for s in rec.segments}
    assert rec.entities
    for e in rec.entities:
        assert e.locator.bbox is not None, e.text
        # pdfium's text inside the entity's box is the entity (a word or two either side at most, where lines wrap).
        inside = collapse(_text_in_box(pdf, e.locator))
        assert words_in_order(e.text, inside), (e.text, inside)
        seg_box = segs[e.segment_id].locator.bbox
        x0, y0, x1, y1 = e.locator.bbox
        assert seg_box[0] - 1 <= x0 <= x1 <= seg_box[2] + 1 and seg_box[1] - 1 <= y0 <= y1 <= seg_box[3] + 1
        if " " not in e.text and len(e.text) > 3:
            assert len(inside) < len(e.text) + 4 * 10, (e.text, inside)  # one line's worth, not the whole paragraph
    sentences = [(s, t) for s in rec.segments for t in s.sentences]
    assert sentences
    for s, t in sentences:
        assert t.locator.bbox is not None and t.locator.page == s.locator.page
        first = re.findall(r"\w+", s.text[t.start : t.end])[0]
        assert first in _text_in_box(pdf, t.locator)


def test_pdf_headings_lists_and_page_numbers():
    rec = process_bytes((FIX / "multi_page.pdf").read_bytes(), "multi_page.pdf")
    heads = [s.text for s in rec.segments if s.role == "heading"]
    assert "The Birth of Word Processing (1960s - 1970s)" in heads
    items = [s.text for s in rec.segments if s.role == "list_item"]
    assert any(t.startswith("IBM MT/ST") and "magnetic tape" in t for t in items)  # a wrapped item stays one, its bullet left out
    code = process_bytes((FIX / "code_and_formula.pdf").read_bytes(), "code.pdf")
    assert [s.text for s in code.segments if s.role == "furniture"] == ["1", "1"]  # each page's number
    assert {s.locator.page for s in code.segments} == {1, 2}


def test_an_encrypted_pdf_gets_encrypted():
    with pytest.raises(PageRejected) as exc:
        decode_page((FIX / "encrypted.pdf").read_bytes(), "locked.pdf")
    assert exc.value.code == "encrypted" and "password" in exc.value.message


def test_a_pdf_without_a_text_layer_gets_no_text_layer_saying_ocr_is_not_done():
    pdf = pdfium.PdfDocument.new()
    pdf.new_page(595, 842)
    pdf.new_page(595, 842)
    buf = io.BytesIO()
    pdf.save(buf)
    with pytest.raises(PageRejected) as exc:
        decode_page(buf.getvalue(), "scan.pdf")
    assert exc.value.code == "no_text_layer" and "OCR" in exc.value.message


# --- PDF made here: hyphens, two columns, running headers ----------------------------------


def draw_text(doc, page, x: float, y: float, text: str, size: float, font: bytes) -> None:
    """Draw one line of ``text`` at (x, y) in a standard font."""
    import ctypes

    import pypdfium2.raw as c

    obj = c.FPDFPageObj_NewTextObj(doc.raw, font, ctypes.c_float(size))
    ws = (text + "\0").encode("utf-16-le")
    buf = ctypes.create_string_buffer(ws, len(ws))
    c.FPDFText_SetText(obj, ctypes.cast(buf, ctypes.POINTER(c.FPDF_WCHAR)))
    c.FPDFPageObj_Transform(obj, 1, 0, 0, 1, x, y)
    c.FPDFPage_InsertObject(page.raw, obj)


def make_pdf(pages: list[list[tuple[float, float, str, float, bytes]]], size=(595, 842)) -> bytes:
    """A PDF with text drawn in a standard font: each line (x, y, text, font size, font name) in that order in the content stream."""
    import pypdfium2.raw as c

    doc = pdfium.PdfDocument.new()
    for lines in pages:
        page = doc.new_page(*size)
        for x, y, text, fs, font in lines:
            draw_text(doc, page, x, y, text, fs, font)
        c.FPDFPage_GenerateContent(page.raw)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


BODY, BOLD = b"Helvetica", b"Helvetica-Bold"


def test_pdf_word_hyphenated_at_a_line_end_is_joined_and_listed_as_a_repair():
    data = make_pdf([[
        (72, 760, "Harbour Review", 18, BOLD),
        (72, 720, "The committee discussed the environ-", 11, BODY),
        (72, 706, "mental report at length on Tuesday and", 11, BODY),
        (72, 692, "agreed a well-", 11, BODY),
        (72, 678, "known plan for the quay.", 11, BODY),
    ]])
    rec = process_bytes(data, "hyphen.pdf")
    para = next(s for s in rec.segments if s.role == "paragraph")
    assert "the environmental report" in para.text
    assert "well-known plan" in para.text  # not a word when joined: the hyphen stays
    joined = [r for r in rec.repairs if r.kind == "dehyphenate"]
    assert len(joined) == 1 and joined[0].after == ""
    assert rec.segments[0].role == "heading" and rec.segments[0].text == "Harbour Review"


def test_pdf_two_columns_are_read_left_then_right_whatever_the_drawing_order():
    left = [(60, 700 - 14 * i, f"Left column line {i} about the harbour works.", 10, BODY) for i in range(8)]
    right = [(320, 700 - 14 * i, f"Right column line {i} about the town budget.", 10, BODY) for i in range(8)]
    data = make_pdf([[(60, 780, "Two Column Report", 16, BOLD), *right, *left]])
    rec = process_bytes(data, "columns.pdf")
    text = rec.text
    assert text.index("Two Column Report") < text.index("Left column line 0") < text.index("Left column line 7") < text.index("Right column line 0")


def test_pdf_running_header_and_page_numbers_are_furniture():
    pages = []
    for n in range(1, 4):
        pages.append([
            (72, 810, "Coastline Council - Annual Report 2024", 9, BODY),
            (72, 700, f"Page {n} tells how the harbour board spent its budget in the year.", 11, BODY),
            (72, 686, "Most of the money went to dredging and to the old lighthouse.", 11, BODY),
            (290, 40, str(n), 9, BODY),
        ])
    rec = process_bytes(make_pdf(pages), "running.pdf")
    furniture = [(s.text, s.locator.page) for s in rec.segments if s.role == "furniture"]
    assert ("Coastline Council - Annual Report 2024", 2) in furniture
    assert ("3", 3) in furniture
    assert "Coastline Council" not in rec.text
    assert [s.locator.page for s in rec.segments if s.role == "paragraph"] == [1, 2, 3]


def test_a_pdf_of_only_running_headers_gets_no_text_naming_them():
    data = make_pdf([[(72, 810, f"Harbour Board Minutes - part {n}", 9, BODY), (290, 40, str(n), 9, BODY)] for n in range(1, 4)])
    with pytest.raises(PageRejected) as exc:
        decode_page(data, "headers.pdf")
    assert exc.value.code == "no_text"
    assert exc.value.message.startswith("the PDF file holds no text") and "running headers, footers and page numbers" in exc.value.message


def test_a_pdf_whose_text_is_over_the_page_limit_is_refused_by_the_reader_with_its_exact_size():
    from workers.readers.pdf import read_pdf

    line = "The harbour board met on Tuesday and agreed the dues."
    data = make_pdf([[(72, 760 - 14 * i, line, 11, BODY) for i in range(40)] for _ in range(3)])
    size = len(read_pdf(data).text.encode("utf-8"))  # pages joined by a form feed
    assert read_pdf(data, max_text_bytes=size).segments  # at the limit: read
    # Refused from pdfium's text alone, before any character's box is read: a PDF of thousands of pages
    # once held every character of every page (over 2 GB) before its size was checked.
    with pytest.raises(PageRejected) as exc:
        read_pdf(data, max_text_bytes=size - 1)
    assert exc.value.code == "too_large" and f"{size:,} bytes" in exc.value.message and "PAGEMILL_MAX_PAGE_BYTES" in exc.value.message
    with pytest.raises(PageRejected) as exc:
        decode_page(data, "big.pdf", max_bytes=size - 1)
    assert exc.value.code == "too_large" and "the text read from this PDF file is" in exc.value.message


def test_pdf_enumerated_line_set_apart_heads_its_section_and_plain_enumerated_lines_stay_list_items():
    body = [
        (72, 760, "(1) Harbour dues", 11, BOLD),
        (72, 744, "The board raised the dues for large ships this spring and kept the", 11, BODY),
        (72, 730, "dues for fishing boats where they were last year.", 11, BODY),
        (72, 700, "(2) Dredging of the channel", 12.5, b"Times-Roman"),
        (72, 684, "Work on the channel started in May and should end before the", 11, BODY),
        (72, 670, "autumn storms reach the coast.", 11, BODY),
        (72, 640, "1) Figures are from the board's own accounts for the year.", 11, BODY),
        (72, 626, "2) Dues are given before tax and in the local currency.", 11, BODY),
    ]
    rec = process_bytes(make_pdf([body]), "sections.pdf")
    got = [(s.role, s.text.split(" ")[0]) for s in rec.segments]
    assert got == [("heading", "(1)"), ("paragraph", "The"), ("heading", "(2)"), ("paragraph", "Work"), ("list_item", "Figures"), ("list_item", "Dues")]
    # A heading keeps its enumerator in its text; a list item's text starts after its own.
    assert [s.number for s in rec.segments if s.role == "list_item"] == [None, None]


def make_ruled_table_pdf(rows: list[list[str]], x0=100.0, top=700.0, col_w=120.0, row_h=20.0, above: str = "", below: str = "") -> bytes:
    """A page with ``rows`` drawn as a table ruled on every side of every cell, and a paragraph above and below."""
    import ctypes

    import pypdfium2.raw as c

    doc = pdfium.PdfDocument.new()
    page = doc.new_page(595, 842)

    def text(x, y, s):
        draw_text(doc, page, x, y, s, 10, BODY)

    def line(xa, ya, xb, yb):
        path = c.FPDFPageObj_CreateNewPath(ctypes.c_float(xa), ctypes.c_float(ya))
        c.FPDFPath_LineTo(path, ctypes.c_float(xb), ctypes.c_float(yb))
        c.FPDFPath_SetDrawMode(path, 0, 1)
        c.FPDFPage_InsertObject(page.raw, path)

    if above:
        text(x0, top + 30, above)
    ncols = len(rows[0])
    for r, row in enumerate(rows):
        for k, cell in enumerate(row):
            text(x0 + k * col_w + 4, top - (r + 1) * row_h + 6, cell)
    for r in range(len(rows) + 1):
        line(x0, top - r * row_h, x0 + ncols * col_w, top - r * row_h)
    for k in range(ncols + 1):
        line(x0 + k * col_w, top, x0 + k * col_w, top - len(rows) * row_h)
    if below:
        text(x0, top - len(rows) * row_h - 30, below)
    c.FPDFPage_GenerateContent(page.raw)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def test_pdf_ruled_table_becomes_a_table_segment_with_its_cells_in_place():
    rows = [["Harbour", "Boats", "Berths"], ["North quay", "14", "20"], ["South quay", "9", "12"]]
    data = make_ruled_table_pdf(rows, above="The harbour board counted the boats in March.",
                                below="Both quays have room for more boats next year.")
    rec = process_bytes(data, "table.pdf")
    roles = [s.role for s in rec.segments]
    assert roles == ["paragraph", "table", "paragraph"]
    table = rec.segments[1]
    assert [(c.row, c.col, c.text) for c in table.cells] == [(r, k, t) for r, row in enumerate(rows) for k, t in enumerate(row)]
    assert "North quay" not in rec.segments[0].text + rec.segments[2].text  # cell text is not also a paragraph
    pdf = pdfium.PdfDocument(data)
    page_text = pdf[0].get_textpage().get_text_range()
    for cell in table.cells:
        assert cell.locator.page == 1 and page_text[cell.locator.start : cell.locator.end] == cell.text
        assert collapse(_text_in_box(pdf, cell.locator)) == cell.text
    assert table.locator.bbox == [100.0, 640.0, 460.0, 700.0]


def test_pdf_grid_without_text_in_its_cells_is_a_drawing_not_a_table():
    data = make_ruled_table_pdf([["", "", ""], ["", "", ""], ["", "", "x"]], above="A drawing of an empty grid sits below this line.")
    rec = process_bytes(data, "grid.pdf")
    assert "table" not in [s.role for s in rec.segments]


def test_pdf_ruled_like_graph_paper_is_a_drawing_not_a_table_and_its_text_is_read_as_lines():
    # 81 by 81 rules cross 6,561 times: a table search pairs every crossing with every other.
    rows = [["x"] * 80 for _ in range(80)]
    data = make_ruled_table_pdf(rows, x0=40, top=780, col_w=6, row_h=9, above="A sheet of graph paper with a mark in every square.")
    rec = process_bytes(data, "graph-paper.pdf")
    assert "table" not in [s.role for s in rec.segments]
    assert rec.text.count("x") >= 80 * 80


def test_pdf_table_from_a_real_paper_keeps_merged_header_cells_two_line_cells_and_open_sides():
    rec = process_bytes((FIX / "2305.03393v1-pg9.pdf").read_bytes(), "paper.pdf")
    tables = [s for s in rec.segments if s.role == "table"]
    assert len(tables) == 1
    cells = {(c.row, c.col): c for c in tables[0].cells}
    # A header cell ruled across three columns, and each body cell holding two stacked numbers.
    spanning = [c for c in cells.values() if c.col_span == 3]
    assert len(spanning) == 1 and spanning[0].row == 0
    assert len({r for r, _ in cells}) == 6
    # Its outer columns have a rule on one side only: the rules across close them.
    assert len({k for _, k in cells}) == 8 and cells[(0, 0)].text == "# enc-layers" and cells[(0, 7)].text == "Inference time (secs)"
    assert all(len(c.text.split()) == 2 for (r, k), c in cells.items() if r >= 2 and k >= 2)


def test_xhtml_with_an_xml_prolog_is_read_as_html():
    page = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">\n'
        '<html xmlns="http://www.w3.org/1999/xhtml"><head><title>Port notes</title></head><body>'
        "<h1>Port notes</h1><p>The ferry to Bergen leaves twice a week in winter and every day in summer, "
        "the port office said on Friday.</p><p>Tickets are sold at the quay and on board.</p></body></html>"
    )
    rec = process_bytes(page.encode(), "notes.xhtml")
    assert rec.source.media_type == "text/html"
    assert rec.title == "Port notes"
    assert "ferry to Bergen" in rec.text and "<" not in rec.text
    for s in rec.segments:
        assert _markup_to_text(page[s.source_start : s.source_end]) == s.text


def _nested(depth: int, inner: str) -> str:
    return "<html><head><title>Deep</title></head><body><p>Before the wrappers, about Peru.</p>" + "<div>" * depth + inner + "</div>" * depth + "<p>After the wrappers, about Oslo.</p></body></html>"


@pytest.mark.parametrize("depth", [100, 255, 1500])
def test_html_text_inside_hundreds_of_nested_elements_is_read_and_traced_to_the_markup(depth):
    inner = "<p>The ferry to Bergen leaves at dawn, the harbour office said.</p><p>Tickets are sold at the quay.</p>"
    page = _nested(depth, inner)
    rec = process_bytes(page.encode(), "deep.html")
    assert rec.kind == "record"
    for text in ("Before the wrappers", "ferry to Bergen", "sold at the quay", "After the wrappers"):
        assert text in rec.text
    for s in rec.segments:
        assert _markup_to_text(page[s.source_start : s.source_end]) == s.text


def test_html_nested_past_the_parsers_limit_is_refused_saying_so_not_read_in_part():
    with pytest.raises(PageRejected) as err:
        process_bytes(_nested(3000, "<p>The ferry to Bergen leaves at dawn.</p>").encode(), "deeper.html")
    assert err.value.code == "unreadable" and "nested more than 2,048 deep" in err.value.message


def test_docx_heading_numbers_word_draws_go_in_number_and_the_text_stays_as_written():
    name = "unit_test_headers_numbered.docx"
    rec = process_bytes((FIX / name).read_bytes(), name)
    heads = [(s.number, s.level, s.text) for s in rec.segments if s.role == "heading"]
    assert heads[:4] == [(None, 1, "Test Document"), ("1", 1, "Section 1"), ("1.1", 2, "Section 1.1"), ("1.2", 2, "Section 1.2")]
    assert ("2.2", 2, "Section 2.1") in heads  # Word counts on from a level shown (2.1.1) but never counted
    paragraphs = _docx_paragraphs(FIX / name)
    for s in rec.segments:
        if s.role == "heading":
            assert paragraphs[s.locator.paragraph][s.locator.start : s.locator.end] == s.text


def test_html_that_is_not_utf8_is_read_in_the_charset_its_meta_declares():
    page = (
        '<html><head><meta charset="shift_jis"><title>港の報告</title></head><body>'
        "<h1>港の報告</h1><p>横浜港の貨物量は昨年より増えたと港湾局が月曜日に発表した。</p></body></html>"
    )
    rec = process_bytes(page.encode("shift_jis"), "minato.html")
    assert rec.source.encoding == "shift_jis"
    assert "横浜港の貨物量" in rec.text


def test_html_locators_skip_scripts_and_comments_that_hold_markup_characters():
    # The offset scan must treat everything up to the real closing tag as invisible, whatever it holds.
    page = (
        "<html><head><title>Dock log</title><style>p > b { color: red }</style></head><body>"
        "<!-- old - copy -- <p>The crane on pier four was repaired on Monday and lifted its first container by noon.</p> -->"
        "<p>The crane on pier four was repaired on Monday and lifted its first container by noon.</p>"
        "<script>if (a < b && c <d) { w('</scr' + 'ipt> Night shifts start again next week, the harbour master told the crews.'); }</SCRIPT >"
        "<!---->"
        "<p>Night shifts start again next week, the harbour master told the crews.</p></body></html>"
    )
    rec = process_bytes(page.encode(), "log.html")
    paras = [s for s in rec.segments if s.role == "paragraph"]
    assert [s.text for s in paras] == [
        "The crane on pier four was repaired on Monday and lifted its first container by noon.",
        "Night shifts start again next week, the harbour master told the crews.",
    ]
    for s in paras:
        # The copies inside the script and the comment come first; the locator must point past them.
        assert (s.source_start, s.source_end) == (page.rindex(s.text), page.rindex(s.text) + len(s.text))


def _forum_page(json_ld: bool) -> str:
    ld = ('<script type="application/ld+json">{"@context": "https://schema.org", "@type": "DiscussionForumPosting", '
          '"headline": "Ferry timetable"}</script>') if json_ld else ""
    posts = "".join(f'<div class="comment" id="comment-{i}"><p>Reply {i}: the winter ferry leaves the harbour at seven and the '
                    "crossing takes about forty minutes when the sea is calm.</p></div>" for i in range(4))
    return (f"<html><head><title>Ferry timetable</title>{ld}<script>var tracker = 1;</script></head><body><article>"
            "<h1>Ferry timetable</h1><p>Does anyone know when the winter ferry timetable starts this year and whether the early "
            f'crossing still runs on Sundays?</p></article><section id="comments" class="comments">{posts}</section></body></html>')


def test_html_forum_thread_marked_in_json_ld_keeps_its_replies_as_main_text():
    # Scripts are dropped before reading, but not JSON-LD: it is how trafilatura tells a thread's replies from comments.
    thread = process_bytes(_forum_page(True).encode(), "thread.html")
    assert [s.role for s in thread.segments if s.text.startswith("Reply")] == ["paragraph"] * 4
    assert "tracker" not in thread.text
    article = process_bytes(_forum_page(False).encode(), "article.html")
    assert [s.role for s in article.segments if s.text.startswith("Reply")] == ["furniture"] * 4


def test_html_offsets_of_many_blocks_at_once_are_each_blocks_own():
    from workers.readers.html import _offsets_many, _Stream

    src = "<pre>   def f():\n      return 1   </pre><p>Some <b>words</b> here &amp; there.</p><pre>  x = 2  </pre><p>tail</p>"
    texts = ["   def f():\n      return 1   ", "Some words here & there.", "  x = 2  ", "tail"]
    stream = _Stream(src)
    items = [(t, stream.locate("".join(t.split()))) for t in texts]
    together = _offsets_many(items, stream)
    alone = [_offsets_many([item], stream)[0] for item in items]
    assert [m.pieces for m in together] == [m.pieces for m in alone]
    # Each map covers its own text only, and finds it in the markup.
    for t, m in zip(texts, together):
        assert m.pieces[0].clean_start == 0 and m.pieces[-1].clean_end == len(t)
        a, b = m.to_source(0, len(t))
        assert "".join(t.split()) in html.unescape(re.sub(r"<[^>]+>|\s", "", src[a:b]))


def test_html_table_too_big_to_show_trafilatura_whole_is_still_main_text_with_every_cell():
    from workers.readers.html import _MAIN_TABLE_CELLS, read_html

    cols = 5
    rows = 2 * _MAIN_TABLE_CELLS // cols  # as many rows again as trafilatura is shown

    def cell(n: int) -> str:  # words of its own in each cell, so the rows trafilatura was not shown are not in its text
        tag = "".join("bdfgklmnprstvz"[n // 14**k % 14] + "aeiou"[n // 14**k % 5] for k in range(4))
        return f"Lot {tag.capitalize()} weighed {n % 997} tonnes"

    body = "".join("<tr>" + "".join(f"<td>{cell(r * cols + c)}</td>" for c in range(cols)) + "</tr>" for r in range(rows))
    markup = (
        "<html><head><title>Harbour tallies</title></head><body>"
        '<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/contact">Contact</a></nav>'
        "<article><h1>Harbour tallies for the year</h1>"
        "<p>The harbour office counts every box each crane moves at each berth, and publishes the tally below.</p>"
        f"<table>{body}</table>"
        "<p>Counts are checked by the berth masters at the end of each shift before they are published.</p></article>"
        "<footer>Copyright the harbour office</footer></body></html>"
    )
    (table,) = [s for s in read_html(markup).segments if s.cells]
    assert table.role == "table"
    assert len(table.cells) == rows * cols
    last = table.cells[-1]
    assert last.text == cell(rows * cols - 1)
    assert markup[last.source_start : last.source_end] == last.text
