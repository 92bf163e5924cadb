"""A Markdown code block keeps its lines as written: indentation and blank lines are the code's."""

from __future__ import annotations

from workers.readers.markdown import read_markdown

PAGE = (
    "# Setup\n\nRun this once.\n\n"
    "```python\ndef pick(rows):\n    for row in rows:\n\n        if row:\n            return row\n```\n\n"
    "    settings:\n      level: 2\n\n"
    "> ```\n>   quoted\n> ```\n"
)


def _code(text: str) -> list:
    return [s for s in read_markdown(text).segments if s.role == "code"]


def test_code_blocks_keep_indentation_and_blank_lines():
    fenced, indented, quoted = _code(PAGE)
    assert fenced.text == "def pick(rows):\n    for row in rows:\n\n        if row:\n            return row"
    # An indented block loses the four spaces that make it a block, and keeps the rest.
    assert indented.text == "settings:\n  level: 2"
    assert quoted.text == "  quoted"


def test_code_text_traces_back_to_its_source_characters():
    for seg in _code(PAGE):
        for p in seg.offsets.pieces:
            if p.copied:
                assert PAGE[p.source_start : p.source_end] == seg.text[p.clean_start : p.clean_end]
        assert seg.text.replace("\n", "").replace(" ", "") in PAGE[seg.source_start : seg.source_end].replace("\n", "").replace(" ", "")


def test_crlf_code_keeps_its_lines():
    (seg,) = _code("```\nif a:\r\n    b()\r\n```\r\n".replace("\n", "\r\n").replace("\r\r", "\r"))
    assert seg.text == "if a:\n    b()"
