"""PDF reader: paragraphs told apart by a first-line indent, labels inside figures, and right-to-left text.

Every PDF here is made by the test: text in pdfium's standard fonts (and a Type 3 font of box glyphs mapped to
Arabic letters, as no font with Arabic glyphs ships with the test dependencies), images and paths drawn with pdfium.
"""

from __future__ import annotations

import ctypes
import io
import re

import pypdfium2 as pdfium
import pypdfium2.raw as c
import pytest

from workers.readers.pdf import read_pdf
from workers.stages import process_bytes

BODY, BOLD, MONO = b"Helvetica", b"Helvetica-Bold", b"Courier"


def collapse(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _text_obj(doc, text: str, size: float, font: bytes):
    obj = c.FPDFPageObj_NewTextObj(doc.raw, font, ctypes.c_float(size))
    ws = (text + "\0").encode("utf-16-le")
    buf = ctypes.create_string_buffer(ws, len(ws))
    c.FPDFText_SetText(obj, ctypes.cast(buf, ctypes.POINTER(c.FPDF_WCHAR)))
    return obj


def _width(doc, text: str, size: float, font: bytes) -> float:
    obj = _text_obj(doc, text, size, font)
    l, b, r, t = (ctypes.c_float() for _ in range(4))
    c.FPDFPageObj_GetBounds(obj, ctypes.byref(l), ctypes.byref(b), ctypes.byref(r), ctypes.byref(t))
    c.FPDFPageObj_Destroy(obj)
    return r.value - l.value


def make_pdf(lines, *, images=(), frames=(), circles=(), invisible=False, size=(595, 842)) -> bytes:
    """One page: ``lines`` as (x, y, text, font size, font), x "c<centre>" to centre the line there; ``images`` as
    (x, y, w, h) grey pictures, ``frames`` as stroked rectangles, ``circles`` as (cx, cy, r) drawn with curves;
    ``invisible`` draws the text invisible, as OCR does over a scan."""
    doc = pdfium.PdfDocument.new()
    page = doc.new_page(*size)
    for x, y, w, h in images:
        img = pdfium.PdfImage.new(doc)
        bm = pdfium.PdfBitmap.new_native(16, 16, c.FPDFBitmap_BGR)
        bm.fill_rect((200, 200, 200, 255), 0, 0, 16, 16)
        img.set_bitmap(bm)
        img.set_matrix(pdfium.PdfMatrix().scale(w, h).translate(x, y))
        page.insert_obj(img)
    for x, y, w, h in frames:
        path = c.FPDFPageObj_CreateNewRect(ctypes.c_float(x), ctypes.c_float(y), ctypes.c_float(w), ctypes.c_float(h))
        c.FPDFPath_SetDrawMode(path, 0, 1)
        c.FPDFPage_InsertObject(page.raw, path)
    for cx, cy, r in circles:
        k = 0.5523 * r
        f = ctypes.c_float
        path = c.FPDFPageObj_CreateNewPath(f(cx + r), f(cy))
        c.FPDFPath_BezierTo(path, f(cx + r), f(cy + k), f(cx + k), f(cy + r), f(cx), f(cy + r))
        c.FPDFPath_BezierTo(path, f(cx - k), f(cy + r), f(cx - r), f(cy + k), f(cx - r), f(cy))
        c.FPDFPath_BezierTo(path, f(cx - r), f(cy - k), f(cx - k), f(cy - r), f(cx), f(cy - r))
        c.FPDFPath_BezierTo(path, f(cx + k), f(cy - r), f(cx + r), f(cy - k), f(cx + r), f(cy))
        c.FPDFPath_Close(path)
        c.FPDFPath_SetDrawMode(path, 0, 1)
        c.FPDFPage_InsertObject(page.raw, path)
    for x, y, text, fs, font in lines:
        if isinstance(x, str):  # centred on the given x
            x = float(x[1:]) - _width(doc, text, fs, font) / 2
        obj = _text_obj(doc, text, fs, font)
        if invisible:
            c.FPDFTextObj_SetTextRenderMode(obj, c.FPDF_TEXTRENDERMODE_INVISIBLE)
        c.FPDFPageObj_Transform(obj, 1, 0, 0, 1, x, y)
        c.FPDFPage_InsertObject(page.raw, obj)
    c.FPDFPage_GenerateContent(page.raw)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def type3_pdf(lines, glyphs: dict[int, str], size=(595, 842)) -> bytes:
    """A page drawn in a Type 3 font of box glyphs (600 units wide) whose ToUnicode maps each code to ``glyphs[code]``.

    ``lines`` are (x, y, font size, codes in drawing order, left to right, as a PDF writer lays out right-to-left
    text). A code mapped to two letters is a ligature: one glyph, one box, two characters.
    """
    codes = sorted(glyphs)
    objs: list[bytes] = []

    def add(body: bytes) -> int:
        objs.append(body)
        return len(objs)

    def stream(data: bytes) -> int:
        return add(b"<< /Length %d >>\nstream\n" % len(data) + data + b"\nendstream")

    procs = {code: stream(b"600 0 50 0 550 700 d1 50 0 500 700 re f") for code in codes}
    bf = b"".join(b"<%02X> <%s>\n" % (code, "".join("%04X" % ord(ch) for ch in glyphs[code]).encode()) for code in codes)
    cmap = (b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CIDSystemInfo << /Registry (Adobe) "
            b"/Ordering (UCS) /Supplement 0 >> def /CMapName /Adobe-Identity-UCS def /CMapType 2 def "
            b"1 begincodespacerange <00> <FF> endcodespacerange\n%d beginbfchar\n" % len(codes)
            + bf + b"endbfchar endcmap CMapName currentdict /CMap defineresource pop end end")
    to_unicode = stream(cmap)
    first, last = codes[0], codes[-1]
    font = add(
        b"<< /Type /Font /Subtype /Type3 /FontBBox [0 0 600 700] /FontMatrix [0.001 0 0 0.001 0 0] /CharProcs << "
        + b" ".join(b"/g%d %d 0 R" % (code, procs[code]) for code in codes)
        + b" >> /Encoding << /Type /Encoding /Differences [%d " % first + b" ".join(b"/g%d" % code for code in range(first, last + 1))
        + b"] >> /FirstChar %d /LastChar %d /Widths [" % (first, last)
        + b" ".join(b"600" for _ in range(first, last + 1)) + b"] /ToUnicode %d 0 R /Resources << >> >>" % to_unicode
    )
    content = b"".join(b"BT /F1 %g Tf %g %g Td <%s> Tj ET\n" % (fs, x, y, "".join("%02X" % k for k in seq).encode())
                       for x, y, fs, seq in lines)
    contents = stream(content)
    page = add(b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 %g %g] /Contents %d 0 R /Resources << /Font << /F1 %d 0 R >> >> >>"
               % (len(objs) + 2, size[0], size[1], contents, font))
    pages = add(b"<< /Type /Pages /Kids [%d 0 R] /Count 1 >>" % page)
    catalog = add(b"<< /Type /Catalog /Pages %d 0 R >>" % pages)
    out = io.BytesIO()
    out.write(b"%PDF-1.7\n")
    offsets = []
    for i, body in enumerate(objs, 1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % i + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1) + b"".join(b"%010d 00000 n \n" % o for o in offsets))
    out.write(b"trailer << /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, catalog, xref))
    return out.getvalue()


def assert_offsets_hold(reading) -> None:
    """Each segment's text is the source between its offsets, whitespace collapsed (pdfium's line-end hyphen marks aside)."""
    for s in reading.segments:
        if s.role == "table":
            continue  # cells apart by tabs and newlines of their own
        for p in s.offsets.pieces:
            # (pdfium's mark for a hyphen at a line end it found itself stands in the source for the "-" kept)
            src, txt = reading.text[p.source_start : p.source_end].replace("\ufffe", "-"), s.text[p.clean_start : p.clean_end]
            if p.copied:
                # (a right-to-left ligature's letters, put back in order, keep their span: the same letters, reordered)
                same = src == txt or (re.search("[\u0590-\u08ff]", src) and sorted(src) == sorted(txt))
                assert same or (src.isspace() and txt.isspace()), (src, txt)
            else:
                assert s.text[p.clean_start : p.clean_end].isspace() or p.source_end > p.source_start


# --- 1. a first-line indent starts a paragraph --------------------------------------------------------------------


PARAGRAPHS = [
    (72, 700, "The harbour board met on Tuesday to discuss the dredging of", 10, BODY),
    (72, 688, "the channel and agreed that the work should start in May and", 10, BODY),
    (72, 676, "finish before the autumn storms.", 10, BODY),
    (90, 664, "The town council asked for a report on the cost of the work", 10, BODY),
    (72, 652, "and on the money the port would earn from the larger ships", 10, BODY),
    (72, 640, "that could then dock at the quay", 10, BODY),
    (90, 628, "A second report, on the old lighthouse, is due next spring", 10, BODY),
    (72, 616, "when the board meets again.", 10, BODY),
]


def test_a_line_indented_after_a_short_line_starts_a_new_paragraph():
    reading = read_pdf(make_pdf(PARAGRAPHS))
    paras = [s for s in reading.segments if s.role == "paragraph"]
    assert [p.text.split()[:2] for p in paras] == [["The", "harbour"], ["The", "town"], ["A", "second"]]
    assert paras[0].text.endswith("autumn storms.") and paras[1].text.endswith("dock at the quay")
    assert_offsets_hold(reading)
    # Each paragraph's box holds its own lines only.
    assert paras[0].bbox[1] > 670 and paras[1].bbox[3] < 675 and paras[1].bbox[1] > 635


def test_a_hanging_indent_is_one_paragraph_per_entry_not_cut_at_its_indented_lines():
    lines = [
        (72, 700, "Smith, J. (2020). The harbour and its ships: a history of the", 10, BODY),
        (90, 688, "port from the first quay to the container terminal, with maps.", 10, BODY),
        (90, 676, "Coastline Press.", 10, BODY),
    ]
    reading = read_pdf(make_pdf(lines))
    assert [collapse(s.text)[:9] for s in reading.segments] == ["Smith, J."]


def test_centred_lines_are_not_taken_for_an_indented_first_line():
    lines = [
        ("c297", 700, "Notice of the annual meeting of the harbour board and council.", 10, BODY),
        ("c297", 688, "Tuesday the fourth of May at the town hall", 10, BODY),
    ]
    reading = read_pdf(make_pdf(lines))
    assert len(reading.segments) == 1


def test_code_in_a_monospaced_font_keeps_its_indented_lines_in_one_block():
    lines = [
        (72, 700, "for item in items:", 10, MONO),
        (96, 688, "total = total + item.", 10, MONO),
        (72, 676, "print(total)", 10, MONO),
    ]
    reading = read_pdf(make_pdf(lines))
    assert [s.text for s in reading.segments] == ["for item in items: total = total + item. print(total)"]


# Arabic letters for the Type 3 font: code -> text (a code mapped to two letters is a ligature glyph).
ARABIC = {1: " ", 2: "\u0628", 3: "\u062a", 4: "\u0645", 5: "\u0646", 6: "\u0631", 7: "\u06d4", 8: "\u0644\u0627",
          9: "\u0648", 10: "P", 11: "y", 12: "\u0633", 13: "\u0647"}


def _arabic_line(n: int, end: bool = False) -> list[int]:
    """``n`` glyphs of words in logical order: four letters and a space, an Arabic full stop at the end if ``end``."""
    word = [2, 3, 4, 5, 1]
    out = (word * n)[:n]
    if end:
        out[-1] = 7
    return out


def test_right_to_left_paragraphs_are_told_apart_by_an_indent_on_the_right():
    # Lines set flush right at x = 500; a glyph is 7.2 points wide at 12 points. The second paragraph's first line
    # starts 18 points in from the right edge.
    w = 7.2
    logical = [(500, _arabic_line(40)), (500, _arabic_line(40)), (500, _arabic_line(15, end=True)),
               (482, _arabic_line(37)), (500, _arabic_line(40)), (500, _arabic_line(12, end=True))]
    lines = [(right - w * len(seq), 700 - 12 * i, 12, list(reversed(seq))) for i, (right, seq) in enumerate(logical)]
    reading = read_pdf(type3_pdf(lines, ARABIC))
    paras = [s for s in reading.segments if s.role == "paragraph"]
    assert len(paras) == 2
    assert paras[0].text.endswith("\u06d4") and paras[1].text.endswith("\u06d4")
    assert_offsets_hold(reading)


# --- 3. right-to-left text: ligatures, and a space where the direction changes ----------------------------------------


def test_a_lam_alef_ligature_comes_out_in_reading_order():
    # The word "بلات" (ب, the lam-alef ligature, ت) after "مم ", drawn left to right as a writer lays it out.
    logical = [4, 4, 1, 2, 8, 3]
    reading = read_pdf(type3_pdf([(100, 700, 12, list(reversed(logical)))], ARABIC))
    assert pdfium.PdfDocument(type3_pdf([(100, 700, 12, list(reversed(logical)))], ARABIC))[0].get_textpage().get_text_range() == "مم بالت"
    (seg,) = reading.segments
    assert seg.text == "مم بلات"
    # The two letters keep the span they have in pdfium's text: the segment still covers the page's text exactly.
    assert (seg.source_start, seg.source_end) == (0, len("مم بالت"))
    assert seg.offsets.to_source(3, 7) == (3, 7)


def test_a_space_goes_where_right_to_left_and_left_to_right_words_meet_without_one():
    # "بتمن وPy" and "بتمن Pyمن" as pdfium reads them from glyphs that touch.
    one = read_pdf(type3_pdf([(100, 700, 12, [10, 11, 9, 1, 5, 4, 3, 2])], ARABIC))
    two = read_pdf(type3_pdf([(100, 700, 12, [5, 4, 10, 11, 1, 5, 4, 3, 2])], ARABIC))
    assert one.text == "بتمن وPy" and two.text == "بتمن Pyمن"
    assert one.segments[0].text == "بتمن و Py"
    assert two.segments[0].text == "بتمن Py من"
    # The added space stands for no source character: the words either side keep their offsets.
    seg = two.segments[0]
    assert seg.offsets.to_source(5, 7) == (5, 7) and seg.offsets.to_source(8, 10) == (7, 9)


def test_a_right_to_left_paragraph_keeps_offsets_that_give_back_its_letters():
    reading = read_pdf(type3_pdf([(100, 700 - 14 * i, 12, list(reversed([4, 4, 1, 2, 8, 3, 1, 9, 10, 11, 5, 4])))
                                  for i in range(3)], ARABIC))
    assert_offsets_hold(reading)
    assert reading.segments[0].text.count("بلات") == 3


def test_right_to_left_lines_without_ligatures_or_mixed_words_are_copied_unchanged():
    logical = [2, 3, 4, 1, 5, 6, 12, 13]
    reading = read_pdf(type3_pdf([(100, 700, 12, list(reversed(logical)))], ARABIC))
    assert reading.segments[0].text == reading.text


# --- 2. labels inside figures -------------------------------------------------------------------------------------


BODY_TEXT = [
    (72, 760, "Self-locking nuts", 16, BOLD),
    (72, 730, "A self-locking nut holds tight despite severe vibration, and is used where", 11, BODY),
    (72, 716, "a cotter pin would be hard to fit. The figure shows the common kinds.", 11, BODY),
]


def test_labels_on_a_picture_are_furniture_never_headings():
    labels = [(120, 600, "Hex nut", 8, BOLD), (230, 560, "Washer", 8, BODY), (150, 520, "Bolt head", 8, BOLD)]
    caption = [(72, 470, "Figure 1. Parts of a bolt and nut, as fitted to an airframe bracket.", 9, BODY)]
    data = make_pdf(BODY_TEXT + labels + caption, images=[(100, 500, 220, 140)])
    rec = process_bytes(data, "figure.pdf")
    roles = {collapse(s.text): (s.role, s.why) for s in rec.segments}
    for label in ("Hex nut", "Washer", "Bolt head"):
        assert roles[label][0] == "furniture" and "figure" in roles[label][1], (label, roles[label])
        assert label not in rec.text
    assert roles["Self-locking nuts"][0] == "heading"
    assert "Figure 1. Parts of a bolt" in rec.text and "severe vibration" in rec.text


def test_labels_in_a_framed_drawing_are_furniture_but_a_framed_text_panel_stays_text():
    circles = [(140 + 60 * (i % 4), 560 + 50 * (i // 4), 22) for i in range(8)]
    labels = [(120, 525, "Locking shoulder", 8, BODY), (250, 640, "Keyway", 8, BOLD)]
    panel = [
        (82, 440, "The elastic stop nut is a standard nut with its height increased to take a", 10, BODY),
        (82, 428, "fibre locking collar, which grips the bolt when the nut is tightened home.", 10, BODY),
    ]
    data = make_pdf(BODY_TEXT + labels + panel, frames=[(100, 500, 240, 170), (72, 410, 400, 50)], circles=circles)
    rec = process_bytes(data, "drawing.pdf")
    roles = {collapse(s.text)[:16]: s.role for s in rec.segments}
    assert roles["Locking shoulder"] == "furniture" and roles["Keyway"] == "furniture"
    assert roles["The elastic stop"] == "paragraph"


def test_a_sidebar_of_short_lines_on_a_picture_stays_text():
    # A panel picture behind a short heading and short points, all on one left edge: a column of text, not labels.
    lines = [(72, 760, "The board met on Tuesday and agreed the dues for the coming year, after", 11, BODY),
             (72, 746, "a long debate about the cost of dredging the channel and the quay.", 11, BODY),
             (110, 690, "Key points", 10, BOLD), (110, 660, "Dues rise in May", 10, BODY),
             (110, 630, "Dredging starts soon", 10, BODY), (110, 600, "- The quay reopens", 10, BODY)]
    rec = process_bytes(make_pdf(lines, images=[(100, 560, 300, 150)]), "sidebar.pdf")
    assert not any(s.role == "furniture" for s in rec.segments)
    assert "Dues rise in May" in rec.text and "The quay reopens" in rec.text


def test_a_heading_on_a_coloured_band_stays_a_heading():
    lines = [(80, 700, "1 Introduction", 14, BOLD),
             (72, 670, "The board met on Tuesday and agreed the dues for the coming year, after", 11, BODY),
             (72, 656, "a long debate about the cost of dredging the channel.", 11, BODY)]
    rec = process_bytes(make_pdf(lines, images=[(72, 694, 300, 24)]), "band.pdf")
    assert [(s.role, s.text[:9]) for s in rec.segments][0] == ("heading", "1 Introdu")


def test_a_scan_cut_in_strips_under_its_ocr_text_has_no_figures():
    # A scanner that stores the page as strips of picture: the OCR text over a strip is the page's text, not labels.
    lines = [(72, 760, "Minutes of the harbour board", 11, BODY), (72, 600, "Item 4. Dredging.", 11, BODY),
             (72, 560, "The board agreed the dues for the year.", 11, BODY)]
    strips = [(0, 842 - 200 * (k + 1), 595, 200) for k in range(4)]
    rec = process_bytes(make_pdf(lines, images=strips, invisible=True), "scan.pdf")
    assert "Item 4. Dredging." in rec.text and not any(s.role == "furniture" for s in rec.segments)


def test_a_short_bold_line_smaller_than_the_body_is_not_a_heading():
    lines = [(72, 760, "The board met on Tuesday and agreed the dues for the coming year, after", 11, BODY),
             (72, 746, "a long debate about the cost of dredging the channel and the quay.", 11, BODY),
             (72, 700, "Tightened nut", 8, BOLD),
             (72, 670, "The nut is tightened until its collar grips the thread of the bolt, and", 11, BODY),
             (72, 656, "then a quarter turn more, as the maker's table gives for each size.", 11, BODY)]
    rec = process_bytes(make_pdf(lines), "label.pdf")
    assert next(s for s in rec.segments if s.text == "Tightened nut").role != "heading"


@pytest.mark.parametrize("name", ["code_and_formula.pdf", "multi_page.pdf", "2305.03393v1-pg9.pdf"])
def test_fixture_pdfs_keep_offsets_that_give_back_their_text(name):
    from pathlib import Path

    data = (Path(__file__).resolve().parents[1] / "fixtures" / "formats" / name).read_bytes()
    assert_offsets_hold(read_pdf(data))


def test_code_and_formula_paragraphs_told_apart_by_their_indent():
    from pathlib import Path

    data = (Path(__file__).resolve().parents[1] / "fixtures" / "formats" / "code_and_formula.pdf").read_bytes()
    paras = [s.text for s in read_pdf(data).segments if s.role == "paragraph"]
    # "Lorem ipsum ..." and "Duis autem ..." are separate paragraphs, told apart only by the indent of "Duis".
    assert sum(p.startswith("Duis autem") for p in paras) == 5 and sum(p.startswith("Lorem ipsum") for p in paras) == 4
    assert any(p.startswith("function add(a, b) {") and "console" in p for p in paras)  # the listing stays whole
