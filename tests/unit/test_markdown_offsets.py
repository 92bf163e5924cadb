"""Markdown offsets: every character of a segment, a cell and a table points at what it was written as in the file.

markdown-it hands the reader decoded text ("&amp;" is "&", "\\|" is "|"); each decoded character must point at
its whole character reference or escape, never at an empty span or at part of one.
"""

from __future__ import annotations

import html
import re
from urllib.parse import unquote

from workers.readers.markdown import read_markdown
from workers.stages import process_bytes

_ENTITY = re.compile(r"&(?:#(?:[xX][0-9a-fA-F]{1,6}|[0-9]{1,7})|[A-Za-z][A-Za-z0-9]{1,31});")


def _source_of(seg, src: str, part: str, nth: int = 0) -> str:
    """The source the ``nth`` occurrence of ``part`` in the segment's text points at."""
    at = -1
    for _ in range(nth + 1):
        at = seg.text.index(part, at + 1)
    s0, s1 = seg.offsets.to_source(at, at + len(part))
    return src[s0:s1]


def _assert_traceable(src: str, seg) -> None:
    """Each piece of the segment: in order, not empty, and a copy where the source holds the same characters."""
    prev_end = 0
    for p in seg.offsets.pieces:
        text, run = seg.text[p.clean_start : p.clean_end], src[p.source_start : p.source_end]
        assert prev_end <= p.source_start <= p.source_end <= len(src), (text, p)
        prev_end = p.source_end
        assert run, f"{text!r} has an empty span at {p.source_start}"
        if text.isspace():
            continue
        if p.copied and run != text:
            assert all(a == b or (a.isspace() and b.isspace()) for a, b in zip(text, run)), (text, run)
        if not p.copied:
            # A reference, an escape, or (an autolink's text) a %-escape.
            assert text in {html.unescape(run), run[1:] if run[:1] == "\\" else None, unquote(run)}, (text, run)
        # A copy never takes a part of a character reference that markdown-it read as a whole.
        for m in _ENTITY.finditer(src, max(0, p.source_start - 40), p.source_end + 40):
            if src[m.start() - 1 : m.start()] != "\\" and m.start() < p.source_end and m.end() > p.source_start:
                assert p.source_start <= m.start() and m.end() <= p.source_end, (text, run, m.group())


def _table(reading):
    (table,) = [s for s in reading.segments if s.role == "table"]
    return table


def test_a_character_reference_in_a_table_cell_points_at_the_whole_reference():
    page = "# Signs\n\n| Name | Sign |\n| ---- | ---- |\n| less | &lt; |\n| and | &amp; |\n| bar | &#124; &vert; &#x7C; |\n"
    reading = read_markdown(page)
    table = _table(reading)
    cells = {(c.row, c.col): c for c in table.cells}
    assert [cells[r, 1].text for r in (1, 2, 3)] == ["<", "&", "| | |"]
    assert page[cells[1, 1].source_start : cells[1, 1].source_end] == "&lt;"
    assert page[cells[2, 1].source_start : cells[2, 1].source_end] == "&amp;"
    assert page[cells[3, 1].source_start : cells[3, 1].source_end] == "&#124; &vert; &#x7C;"
    # The table's span covers its last cell, to the end of its last reference.
    assert table.source_end == page.index("&#x7C;") + len("&#x7C;")
    assert all(table.source_start <= c.source_start <= c.source_end <= table.source_end for c in table.cells)
    _assert_traceable(page, table)


def test_character_references_in_headings_paragraphs_and_lists_point_at_the_whole_reference():
    page = "## Fish &amp; Chips\n\nSalt &lt; pepper &#x1F600; &copy; done.\n\n- one &gt; two\n"
    reading = read_markdown(page)
    head, para, item = reading.segments
    assert (head.text, para.text, item.text) == ("Fish & Chips", "Salt < pepper 😀 © done.", "one > two")
    assert _source_of(head, page, "&") == "&amp;"
    assert _source_of(para, page, "<") == "&lt;"
    assert _source_of(para, page, "😀") == "&#x1F600;"
    assert _source_of(para, page, "pepper 😀 ©") == "pepper &#x1F600; &copy;"
    assert _source_of(item, page, ">") == "&gt;"
    for seg in reading.segments:
        _assert_traceable(page, seg)


def test_backslash_escapes_point_at_backslash_and_character():
    page = "Price \\*not\\* bold.\n\n| Key | Value |\n| --- | ----- |\n| pipe | a \\| b |\n| code | `x \\| y` |\n"
    reading = read_markdown(page)
    para = reading.segments[0]
    assert para.text == "Price *not* bold."
    assert _source_of(para, page, "*", 0) == "\\*"
    assert _source_of(para, page, "*not*") == "\\*not\\*"
    cells = {(c.row, c.col): c for c in _table(reading).cells}
    assert (cells[1, 1].text, cells[2, 1].text) == ("a | b", "x | y")
    assert page[cells[1, 1].source_start : cells[1, 1].source_end] == "a \\| b"
    assert page[cells[2, 1].source_start : cells[2, 1].source_end] == "x \\| y"
    for seg in reading.segments:
        _assert_traceable(page, seg)


def test_empty_and_missing_cells_stand_in_order_inside_the_table():
    page = "| a | b | c |\n| --- | --- | --- |\n| x |   | z |\n| y |\n"
    table = _table(read_markdown(page))
    spans = [(c.row, c.col, c.text, c.source_start, c.source_end) for c in table.cells]
    assert [s[2] for s in spans] == ["a", "b", "c", "x", "", "z", "y", "", ""]
    starts = [s[3] for s in spans]
    assert starts == sorted(starts)
    assert all(prev[4] <= cur[3] for prev, cur in zip(spans, spans[1:]))
    x, empty, z = spans[3:6]
    assert x[4] <= empty[3] <= z[3]
    assert all(table.source_start <= s[3] <= s[4] <= table.source_end for s in spans)


def test_a_table_in_a_quote_points_each_cell_at_its_own_source():
    page = "> | Key | Value |\n> | --- | ----- |\n> | k &amp; l | m \\| n |\n"
    table = _table(read_markdown(page))
    cells = {(c.row, c.col): c for c in table.cells}
    assert page[cells[1, 0].source_start : cells[1, 0].source_end] == "k &amp; l"
    assert page[cells[1, 1].source_start : cells[1, 1].source_end] == "m \\| n"
    _assert_traceable(page, table)


def test_link_titles_and_tag_attributes_are_not_taken_for_the_text_after_them():
    page = 'Read [the guide](https://example.org/g "the guide, to it now.") to it now.\n\nPress <kbd title="Enter key">Enter</kbd> key.\n'
    reading = read_markdown(page)
    link, kbd = reading.segments
    assert link.text == "Read the guide to it now."
    s0, _ = link.offsets.to_source(link.text.index(" to it now"), len(link.text))
    assert s0 == page.index(") to it now") + 1
    assert kbd.text == "Press Enter key."
    s0, s1 = kbd.offsets.to_source(6, 11)
    assert (s0, s1) == (page.index(">Enter<") + 1, page.index(">Enter<") + 6)
    for seg in reading.segments:
        _assert_traceable(page, seg)


def test_crlf_and_lone_cr_line_endings_keep_every_span():
    body = "# Menu &amp; more\n\nSoup &lt; salad\nand bread.\n\n| Dish | Sign |\n| --- | --- |\n| tea | &#x2615; |\n"
    for ending in ("\r\n", "\r"):
        page = body.replace("\n", ending)
        reading = read_markdown(page)
        head, para, table = reading.segments
        assert (head.text, para.text) == ("Menu & more", "Soup < salad and bread.")
        assert page[head.source_start : head.source_end] == "Menu &amp; more"
        assert page[para.source_start : para.source_end] == f"Soup &lt; salad{ending}and bread."
        assert _source_of(para, page, "<") == "&lt;"
        (tea,) = [c for c in table.cells if c.text == "☕"]
        assert page[tea.source_start : tea.source_end] == "&#x2615;"
        for seg in reading.segments:
            _assert_traceable(page, seg)


def test_every_character_of_a_mixed_page_is_traceable_and_the_record_keeps_its_spans():
    page = (
        "# Caf&eacute; *report*\n\n"
        "Prices rose &gt; 5% in 東京 and 大阪 👍🏽, see [the table &amp; notes](https://example.org/t?a=1&amp;b=2).\n"
        "A `code &amp; span` and an autolink <https://example.org/caf%C3%A9> and \\_underscores\\_.\n\n"
        "| City | Change | Note |\n| --- | :---: | --- |\n"
        "| 東京 | &plus;5&#37; | **up** &amp; away |\n| Quito | &minus;2% | `a \\| b` |\n"
    )
    reading = read_markdown(page)
    for seg in reading.segments:
        _assert_traceable(page, seg)
    rec = process_bytes(page.encode(), "prices.md")
    assert [s.text for s in rec.segments] == [s.text for s in reading.segments]
    prev_end = 0
    for seg in rec.segments:
        assert prev_end <= seg.source_start < seg.source_end <= len(page)
        prev_end = seg.source_end
        for c in seg.cells or []:
            assert seg.source_start <= c.source_start < c.source_end <= seg.source_end
            assert html.unescape(page[c.source_start : c.source_end]).replace("**", "").replace("`", "").replace("\\|", "|") == c.text
