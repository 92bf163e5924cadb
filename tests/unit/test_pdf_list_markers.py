"""PDF list items: the bullet or enumerator is left out of the item's text, span and box, as in the
Markdown and Word readers; the item's span, locator and box start at its own text.

Every PDF here is made by the test (pdfium's standard fonts, and a Type 3 font for a bullet they cannot draw).
"""

from __future__ import annotations

import pypdfium2 as pdfium

from tests.unit.test_pdf_reader_fixes import BODY, BOLD, assert_offsets_hold, make_pdf, type3_pdf
from workers.readers.pdf import read_pdf
from workers.stages import process_bytes

DINGBATS = b"ZapfDingbats"


def page_text(data: bytes) -> str:
    return pdfium.PdfDocument(data)[0].get_textpage().get_text_range()


def items(reading_or_record) -> list:
    return [s for s in reading_or_record.segments if s.role == "list_item"]


def test_a_bullet_is_left_out_of_the_item_whose_span_and_box_start_at_its_text():
    lines = [
        (72, 760, "The harbour board agreed three changes to the rules for the coming year.", 11, BODY),
        (72, 730, "\u2022 Dues are paid each spring by the owners of the boats moored in the", 11, BODY),
        (82, 716, "inner harbour, as before.", 11, BODY),
        (72, 702, "\u2013 Dredging of the channel starts in May.", 11, BODY),
        # A bullet drawn apart from its text, in a symbol font: a hanging indent.
        (72, 688, "\u25a0", 11, DINGBATS),
        (90, 688, "The old quay is closed to lorries.", 11, BODY),
    ]
    data = make_pdf(lines)
    reading = read_pdf(data)
    got = items(reading)
    assert [s.text for s in got] == [
        "Dues are paid each spring by the owners of the boats moored in the inner harbour, as before.",
        "Dredging of the channel starts in May.",
        "The old quay is closed to lorries.",
    ]
    assert [s.number for s in got] == [None, None, None]
    assert_offsets_hold(reading)
    for s in got:
        assert reading.text[s.source_start : s.source_start + 5] == s.text[:5]
    # The box holds the item's text but not its bullet, and a wrapped item's second line too.
    first = got[0]
    assert first.bbox[0] > 72 + 3 and first.bbox[1] < 716
    assert got[2].bbox[0] >= 89

    rec = process_bytes(data, "rules.pdf")
    text = page_text(data)
    for s in items(rec):
        loc = s.locator
        assert text[loc.start : loc.start + 5] == s.text[:5]
        assert loc.end == s.source_end - s.source_start + loc.start
        assert loc.bbox[0] > 72 + 3, (s.text, loc.bbox)
    assert "\u2022" not in rec.text and "\u25a0" not in rec.text


def test_an_items_text_starts_after_its_enumerator_and_carries_no_number():
    lines = [
        (72, 760, "The board voted on the following points at its spring meeting.", 11, BODY),
        (72, 730, "1. Dues for large ships rise by a tenth.", 11, BODY),
        (72, 716, "2. Dues for fishing boats stay where they were.", 11, BODY),
        (72, 690, "a) The channel is dredged in May.", 11, BODY),
        (72, 676, "b) The old quay is closed to lorries.", 11, BODY),
        (72, 650, "(iv) A new crane is bought for the west pier.", 11, BODY),
    ]
    data = make_pdf(lines)
    reading = read_pdf(data)
    got = items(reading)
    # `number` is a heading's in schema 5.0: an item's enumerator stays in the source, before its span.
    assert [(s.number, s.text.split()[0]) for s in got] == [(None, "Dues"), (None, "Dues"), (None, "The"), (None, "The"), (None, "A")]
    assert_offsets_hold(reading)
    text = page_text(data)
    for s in got:
        assert text[s.source_start : s.source_end].startswith(s.text.split()[0])
    rec = process_bytes(data, "votes.pdf")
    assert [text[s.source_start - 3 : s.source_start].strip() for s in items(rec)][:2] == ["1.", "2."]
    assert all(s.locator.bbox[0] > 80 for s in items(rec))


def test_numbered_headings_keep_their_number_in_their_text_while_items_lose_theirs():
    lines = [
        (72, 780, "2.1 Harbour dues", 14, BOLD),
        (72, 756, "The board raised the dues this spring. The new dues start on the first of", 11, BODY),
        (72, 742, "3.11. the month after the vote, as the rules of the harbour say they must.", 11, BODY),
        (72, 716, "1. Large ships pay a tenth more than last year.", 11, BODY),
        (72, 702, "2. Fishing boats pay what they paid last year.", 11, BODY),
    ]
    rec = process_bytes(make_pdf(lines), "dues.pdf")
    heading = next(s for s in rec.segments if s.role == "heading")
    assert (heading.text, heading.number, heading.level) == ("2.1 Harbour dues", "2.1", 2)
    # A two-part number at a line's start in running text (a date) starts no item.
    assert any(s.role == "paragraph" and "3.11. the month" in s.text for s in rec.segments)
    assert [(s.number, s.text) for s in items(rec)] == [
        (None, "Large ships pay a tenth more than last year."),
        (None, "Fishing boats pay what they paid last year."),
    ]


def test_a_hyphen_at_the_end_of_an_items_first_line_is_still_joined():
    lines = [
        (72, 760, "The board agreed the following.", 11, BODY),
        (72, 730, "\u2022 Owners of the boats moored in the inner harbour owe dues in monthly pay-", 11, BODY),
        (82, 716, "ments over the year.", 11, BODY),
    ]
    reading = read_pdf(make_pdf(lines))
    (item,) = items(reading)
    assert item.text == "Owners of the boats moored in the inner harbour owe dues in monthly payments over the year."
    assert_offsets_hold(reading)


def test_a_word_processors_private_use_bullet_is_a_bullet():
    # Word's Symbol-font bullet comes out of pdfium as U+F0B7 when the font maps it to nothing else.
    glyphs = {1: "\uf0b7", 2: " ", 3: "D", 4: "u", 5: "e", 6: "s", 7: "p", 8: "a", 9: "i", 10: "d"}
    line = [1, 2, 3, 4, 5, 6, 2, 8, 6, 2, 7, 8, 9, 10]  # "\uf0b7 Dues as paid"
    data = type3_pdf([(72, 700, 10, line), (72, 680, 10, line)], glyphs)
    reading = read_pdf(data)
    assert [(s.role, s.text) for s in reading.segments] == [("list_item", "Dues as paid"), ("list_item", "Dues as paid")]
    assert_offsets_hold(reading)
