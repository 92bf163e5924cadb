"""DOCX reader, read by the OOXML rules: numbering switched off, headings by style chain and outline level,
table rows that start late or stop early, and the Title paragraph as the page's title.

Each file is built here with python-docx, its XML touched where python-docx has no call for it.
"""

from __future__ import annotations

import io

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.table import _Cell
from docx.text.paragraph import Paragraph

from workers.stages import process_bytes


def _set(parent, tag: str, val: str | None = None):
    """A w: child of ``parent`` (added, or the one there), with its w:val."""
    el = parent.find(qn(tag))
    if el is None:
        el = OxmlElement(tag)
        parent.append(el)
    if val is not None:
        el.set(qn("w:val"), val)
    return el


def _number(ppr, num_id: str, ilvl: str = "0") -> None:
    num_pr = _set(ppr, "w:numPr")
    _set(num_pr, "w:ilvl", ilvl)
    _set(num_pr, "w:numId", num_id)


def _bytes(d) -> bytes:
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def _roles(data: bytes, name: str = "t.docx") -> dict[str, tuple[str, int | None]]:
    rec = process_bytes(data, name)
    return {s.text: (s.role, s.level) for s in rec.segments}


def _paragraph_texts(data: bytes) -> list[str]:
    d = docx.Document(io.BytesIO(data))
    return [Paragraph(p, d).text for p in d.element.body.iter(qn("w:p"))]


# --- 1. numId 0 is "no numbering" -------------------------------------------------------------


def test_docx_numbering_switched_off_by_numid_0_is_no_list_item_on_the_paragraph_or_its_style():
    d = docx.Document()
    d.add_paragraph("Packing list for the trip north", style="List Bullet")
    off = d.add_paragraph("Then a note between the two lists.", style="List Bullet")
    _number(off._p.get_or_add_pPr(), "0")
    indented = d.add_paragraph("An indented remark with its numbering cleared.", style="List Paragraph")
    _number(indented._p.get_or_add_pPr(), "0")
    quiet = d.styles.add_style("List Note", WD_STYLE_TYPE.PARAGRAPH)
    quiet.base_style = d.styles["List Number"]
    _number(quiet.element.get_or_add_pPr(), "0")
    d.add_paragraph("A step whose style turns numbering off.", style="List Note")
    d.add_paragraph("Bring a spare rope", style="List Number")

    roles = _roles(_bytes(d))
    assert roles["Packing list for the trip north"][0] == "list_item"
    assert roles["Bring a spare rope"][0] == "list_item"
    assert roles["Then a note between the two lists."][0] == "paragraph"
    assert roles["An indented remark with its numbering cleared."][0] == "paragraph"
    assert roles["A step whose style turns numbering off."][0] == "paragraph"


# --- 2. headings by basedOn and w:outlineLvl --------------------------------------------------


def test_docx_headings_follow_the_based_on_chain_and_the_outline_level():
    d = docx.Document()
    hidden = d.styles.add_style("chapter head unnumbered", WD_STYLE_TYPE.PARAGRAPH)
    hidden.base_style = d.styles["Heading 2"]
    d.add_paragraph("Sources and thanks", style="chapter head unnumbered")
    outlined = d.styles.add_style("Annex Label", WD_STYLE_TYPE.PARAGRAPH)
    _set(outlined.element.get_or_add_pPr(), "w:outlineLvl", "2")
    d.add_paragraph("Annex on tide tables", style="Annex Label")
    own = d.add_paragraph("A body paragraph raised into the outline")
    _set(own._p.get_or_add_pPr(), "w:outlineLvl", "0")
    body = d.add_paragraph("Heading style, but kept out of the outline", style="Heading 1")
    _set(body._p.get_or_add_pPr(), "w:outlineLvl", "9")
    d.add_paragraph("Ordinary text under them all.")

    roles = _roles(_bytes(d))
    assert roles["Sources and thanks"] == ("heading", 2)
    assert roles["Annex on tide tables"] == ("heading", 3)
    assert roles["A body paragraph raised into the outline"] == ("heading", 1)
    assert roles["Heading style, but kept out of the outline"] == ("paragraph", None)
    assert roles["Ordinary text under them all."] == ("paragraph", None)


# --- 3. tables: gridBefore, gridAfter, vertical merges ----------------------------------------


def _trpr(tr, tag: str, val: str) -> None:
    tr_pr = tr.find(qn("w:trPr"))
    if tr_pr is None:
        tr_pr = OxmlElement("w:trPr")
        tr.insert(0, tr_pr)
    _set(tr_pr, tag, val)


def _vmerge(cell, val: str | None) -> None:
    vm = _set(cell._tc.get_or_add_tcPr(), "w:vMerge")
    if val is not None:
        vm.set(qn("w:val"), val)


def _keep_cells(table, r: int, keep) -> list[_Cell]:
    """Row ``r`` cut down to the cells at ``keep``; the cells left, as written (python-docx's row.cells reads
    them through the grid)."""
    tr = table.rows[r]._tr
    for k, tc in enumerate(list(tr.iterchildren(qn("w:tc")))):
        if k not in keep:
            tr.remove(tc)
    return [_Cell(tc, table) for tc in tr.iterchildren(qn("w:tc"))]


def _table_segment(data: bytes):
    rec = process_bytes(data, "grid.docx")
    (table,) = [s for s in rec.segments if s.role == "table"]
    return table


def _assert_cells_match_text(table, data: bytes) -> None:
    paragraphs = _paragraph_texts(data)
    for c in table.cells:
        assert table.text[c.start : c.end] == c.text
        if c.text:
            assert paragraphs[c.locator.paragraph][c.locator.start : c.locator.end] == c.text
    # Cells of a row, tab between them; rows, newline between them.
    rows: dict[int, list[str]] = {}
    for c in table.cells:
        rows.setdefault(c.row, []).append(c.text)
    assert table.text == "\n".join("\t".join(r) for _, r in sorted(rows.items()))


def test_docx_row_starting_late_places_its_cells_after_the_skipped_grid_columns():
    d = docx.Document()
    t = d.add_table(rows=2, cols=3)
    for k, word in enumerate(("Port", "Berth", "Crane")):
        t.rows[0].cells[k].text = word
    _trpr(t.rows[1]._tr, "w:gridBefore", "1")
    late = _keep_cells(t, 1, keep={0, 1})
    late[0].text, late[1].text = "north quay", "two"
    data = _bytes(d)

    table = _table_segment(data)
    assert [(c.row, c.col, c.text) for c in table.cells] == [
        (0, 0, "Port"), (0, 1, "Berth"), (0, 2, "Crane"), (1, 1, "north quay"), (1, 2, "two"),
    ]
    _assert_cells_match_text(table, data)


def test_docx_vertical_merge_over_a_row_starting_late_spans_rows_with_no_stray_cell():
    d = docx.Document()
    t = d.add_table(rows=3, cols=3)
    for k, word in enumerate(("Ship", "Flag", "Cargo held over both days")):
        t.rows[0].cells[k].text = word
    _vmerge(t.rows[0].cells[2], "restart")
    # Row 1 holds only the merged column: two grid columns skipped, then the continuing cell.
    _trpr(t.rows[1]._tr, "w:gridBefore", "2")
    (below,) = _keep_cells(t, 1, keep={2})
    _vmerge(below, None)
    for k, word in enumerate(("Tern", "Malta", "grain")):
        t.rows[2].cells[k].text = word
    data = _bytes(d)

    table = _table_segment(data)
    assert [(c.row, c.col, c.row_span, c.text) for c in table.cells] == [
        (0, 0, 1, "Ship"), (0, 1, 1, "Flag"), (0, 2, 2, "Cargo held over both days"),
        (2, 0, 1, "Tern"), (2, 1, 1, "Malta"), (2, 2, 1, "grain"),
    ]
    assert table.text == "Ship\tFlag\tCargo held over both days\nTern\tMalta\tgrain"
    for c in table.cells:
        assert table.text[c.start : c.end] == c.text


def test_docx_vertical_merge_ends_at_a_row_that_stops_early():
    d = docx.Document()
    t = d.add_table(rows=3, cols=3)
    for k, word in enumerate(("Gate", "Hours", "Closed for works")):
        t.rows[0].cells[k].text = word
    _vmerge(t.rows[0].cells[2], "restart")
    _trpr(t.rows[1]._tr, "w:gridAfter", "1")
    short = _keep_cells(t, 1, keep={0, 1})
    short[0].text, short[1].text = "East", "six to ten"
    t.rows[2].cells[0].text = "West"
    t.rows[2].cells[1].text = "all day"
    # A "continue" below a row with no cell in that column has no merge to join: it is a cell of its own.
    _vmerge(t.rows[2].cells[2], None)
    data = _bytes(d)

    table = _table_segment(data)
    assert [(c.row, c.col, c.row_span, c.text) for c in table.cells] == [
        (0, 0, 1, "Gate"), (0, 1, 1, "Hours"), (0, 2, 1, "Closed for works"),
        (1, 0, 1, "East"), (1, 1, 1, "six to ten"),
        (2, 0, 1, "West"), (2, 1, 1, "all day"), (2, 2, 1, ""),
    ]
    _assert_cells_match_text(table, data)


def test_docx_vertical_merge_down_three_rows_is_one_cell_spanning_them():
    d = docx.Document()
    t = d.add_table(rows=3, cols=2)
    t.rows[0].cells[0].text = "Week one"
    _vmerge(t.rows[0].cells[0], "restart")
    for r, word in enumerate(("calm", "windy", "storm")):
        t.rows[r].cells[1].text = word
        if r:
            _vmerge(t.rows[r].cells[0], "continue")
    data = _bytes(d)

    table = _table_segment(data)
    assert [(c.row, c.col, c.row_span, c.text) for c in table.cells] == [
        (0, 0, 3, "Week one"), (0, 1, 1, "calm"), (1, 1, 1, "windy"), (2, 1, 1, "storm"),
    ]
    _assert_cells_match_text(table, data)


# --- 4. the Title paragraph is the title -----------------------------------------------------


def test_docx_title_is_the_title_styled_paragraph_over_a_subtitle_or_heading_before_it():
    d = docx.Document()
    # Some templates base Subtitle on Title: it is still no title.
    d.styles["Subtitle"].base_style = d.styles["Title"]
    d.add_paragraph("A season on the fjord", style="Subtitle")
    d.add_paragraph("Ferry crews of the west coast", style="Title")
    d.add_paragraph("Crossing times", style="Heading 1")
    d.add_paragraph("The first boat leaves at six every weekday morning.")
    rec = process_bytes(_bytes(d), "crews.docx")
    assert rec.title == "Ferry crews of the west coast"
    roles = {s.text: (s.role, s.level) for s in rec.segments}
    assert roles["Ferry crews of the west coast"] == ("heading", 1)
    assert roles["A season on the fjord"] == ("heading", 2)


def test_docx_title_falls_back_to_the_first_heading_and_yields_to_the_file_properties():
    d = docx.Document()
    d.add_paragraph("Crossing times", style="Heading 1")
    d.add_paragraph("The first boat leaves at six every weekday morning.")
    assert process_bytes(_bytes(d), "times.docx").title == "Crossing times"
    d.core_properties.title = "Timetable of the coastal ferries"
    d.add_paragraph("Ferry crews of the west coast", style="Title")
    assert process_bytes(_bytes(d), "times.docx").title == "Timetable of the coastal ferries"


# --- content controls in tables ----------------------------------------------------------------


def _wrap_in_content_control(el) -> None:
    """Put ``el`` inside a content control (w:sdt/w:sdtContent) where it stands, as a form's repeating row does."""
    sdt, content = OxmlElement("w:sdt"), OxmlElement("w:sdtContent")
    sdt.append(OxmlElement("w:sdtPr"))
    sdt.append(content)
    el.addprevious(sdt)
    content.append(el)


def test_docx_table_rows_and_cells_inside_content_controls_are_read_not_lost():
    d = docx.Document()
    t = d.add_table(rows=3, cols=2)
    for r, (a, b) in enumerate((("Berth", "Ship"), ("north quay", "Harbour Star"), ("south quay", "Kestrel"))):
        t.rows[r].cells[0].text, t.rows[r].cells[1].text = a, b
    second, third = t.rows[1]._tr, t.rows[2]._tr  # (python-docx no longer lists a row once it is wrapped)
    _wrap_in_content_control(second)  # a whole row
    _wrap_in_content_control(third.tc_lst[1])  # one cell of the next row
    data = _bytes(d)

    table = _table_segment(data)
    assert [(c.row, c.col, c.text) for c in table.cells] == [
        (0, 0, "Berth"), (0, 1, "Ship"), (1, 0, "north quay"), (1, 1, "Harbour Star"), (2, 0, "south quay"), (2, 1, "Kestrel"),
    ]
    _assert_cells_match_text(table, data)
