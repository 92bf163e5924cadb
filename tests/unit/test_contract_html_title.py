"""Contract: an HTML page that puts a <title> in its body gets no segment of it (a browser never shows it).

The scan of the markup blanks a title's text, as a browser does, while the walk of the tree read the title as a
block: its text was then matched, loosely, to other text of the page (a heading that shares its first words), so
the segment's span held other characters than its text, and the segments after it were out of source order.
"""

from __future__ import annotations

import html
import re

from workers.readers.html import read_html

WORDS = "The committee met on a quiet morning to agree the plan for the coming season"


def _visible(markup: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]*>", " ", markup)).split())


def test_title_in_body_is_no_segment_and_spans_hold_their_text():
    paras = "".join(f"<p>{WORDS}, part {k}, with enough words to be read as the main text of this page.</p>" for k in range(4))
    page = (
        "<!doctype html><html><head><meta charset='utf-8'></head><body>"
        "<title>The plan for the season | Parish News</title>"
        "<nav><a href='/'>Home</a> | <a href='/about'>About</a></nav>"
        f"<article><h1>The plan for the season</h1>{paras}</article><footer>Contact</footer></body></html>"
    )
    reading = read_html(page)
    assert not any("Parish News" in s.text for s in reading.segments)
    starts = [s.source_start for s in reading.segments]
    assert starts == sorted(starts)
    for s in reading.segments:
        assert _visible(page[s.source_start : s.source_end]) == s.text, (s.role, s.text)
    # The declared title is still the record's title hint.
    assert reading.title and "Parish News" in reading.title
