"""Contract: a table's cells lie inside their table's source span, an empty cell too; only tables carry cells.

An empty cell (no text, or only an image) used to get the span 0-0, at the top of the file: outside its
table, and in a DOCX or PDF located in the first paragraph or page. A table that trafilatura left out of an
HTML page's main text kept its cells as a furniture segment, though the schema gives cells to tables only.
"""

from __future__ import annotations

import io

import docx
from docx.oxml.ns import qn

from workers.models import Cell
from workers.readers.common import place_unfound_cells
from workers.readers.docx import read_docx
from workers.readers.html import read_html

WORDS = "The committee met on a quiet morning to agree the plan for the coming season"


def _cells_inside(segments) -> list[str]:
    bad = []
    for s in segments:
        for c in s.cells or ():
            if not (s.source_start <= c.source_start <= c.source_end <= s.source_end):
                bad.append(f"{s.role} [{s.source_start},{s.source_end}) cell ({c.row},{c.col}) [{c.source_start},{c.source_end})")
    return bad


def _page(table: str) -> str:
    paras = "".join(f"<p>{WORDS}, part {k}, with enough words to be read as the main text of this page.</p>" for k in range(4))
    return f"<p>{WORDS}.</p>{table}<p>{WORDS} again.</p>" + paras


def test_html_empty_cells_lie_inside_their_table():
    table = ("<table><tr><th></th><th>Alpha</th><th>Beta</th></tr>"
             "<tr><td><img src='x.png'></td><td>one</td><td></td></tr>"
             "<tr><td>2</td><td>two</td><td></td></tr></table>")
    reading = read_html(_page(table))
    tables = [s for s in reading.segments if s.cells]
    assert tables and len(tables[0].cells) == 9
    assert _cells_inside(reading.segments) == []
    # An empty cell sits where it stands: after the cell before it, before the cell after it.
    cells = tables[0].cells
    starts = [c.source_start for c in cells]
    assert starts == sorted(starts)


def test_only_tables_carry_cells():
    # A whole page whose trafilatura main text is the article; the table after it is left out (furniture).
    body = "".join(f"<p>{WORDS}, part {k}, and the members spoke at length about it before they voted.</p>" for k in range(6))
    page = (
        "<!doctype html><html><head><title>Plan</title></head><body>"
        "<nav><a href='/'>Home</a> | <a href='/a'>About</a></nav>"
        f"<article><h1>The plan</h1>{body}</article>"
        "<div class='sidebar'><table><tr><td>Links</td><td>More</td></tr><tr><td>Older</td><td>Newer</td></tr></table></div>"
        "<footer>Contact</footer></body></html>"
    )
    reading = read_html(page)
    with_cells = [s for s in reading.segments if s.cells is not None]
    assert all(s.role == "table" for s in with_cells), [(s.role, s.text) for s in with_cells]
    # the table is still there, as furniture
    assert any(s.role == "furniture" and "Links" in s.text for s in reading.segments)


def _docx_with_table(values: list[list[str]], before: bool) -> bytes:
    d = docx.Document()
    if before:
        d.add_paragraph(WORDS)
    t = d.add_table(rows=len(values), cols=len(values[0]))
    for r, row in enumerate(values):
        for c, v in enumerate(row):
            t.cell(r, c).text = v
    d.add_paragraph(WORDS + " again.")
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def test_docx_empty_cells_lie_inside_their_table_at_their_own_paragraph():
    data = _docx_with_table([["", "Alpha", "Beta"], ["", "one", ""], ["2", "two", ""]], before=True)
    reading = read_docx(data)
    assert _cells_inside(reading.segments) == []
    table = next(s for s in reading.segments if s.role == "table")
    # Each cell's span starts at its own paragraph (a part), in order: the empty ones too.
    d = docx.Document(io.BytesIO(data))
    body_ps = list(d.element.body.iter(qn("w:p")))
    tbl_ps = list(d.element.body.find(qn("w:tbl")).iter(qn("w:p")))
    part_at = {p.index: p for p in reading.parts}
    for cell, p_el in zip(table.cells, tbl_ps, strict=True):
        part = part_at[body_ps.index(p_el)]
        assert part.source_start == cell.source_start, (cell.row, cell.col)


def test_docx_table_first_in_file_with_empty_first_cell():
    reading = read_docx(_docx_with_table([["", "Alpha"], ["one", ""]], before=False))
    assert _cells_inside(reading.segments) == []


def test_unfound_cells_take_the_place_of_their_neighbours():
    def cell(t, s0, s1):
        return Cell(row=0, col=0, text=t, start=0, end=len(t), source_start=s0, source_end=s1)

    cells = [cell("", 0, 0), cell("a", 10, 11), cell("", 0, 0), cell("b", 20, 21), cell("", 0, 0)]
    place_unfound_cells(cells, [False, True, False, True, False])
    assert [(c.source_start, c.source_end) for c in cells] == [(10, 10), (10, 11), (11, 11), (20, 21), (21, 21)]
