"""The page-as-text benchmark's writer (benchmarks/page_as_text.py): a browser's select-all and paste, near enough."""

from __future__ import annotations

from benchmarks.page_as_text import as_text


def test_a_page_is_written_as_its_visible_text_a_block_to_a_line():
    html = b"""<html><head><title>Not shown</title><style>p{}</style></head><body>
    <nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li></ul></nav>
    <h1>Ferries  return</h1><script>var x = 1;</script>
    <p>The ferries came back<br>on Monday.</p><div hidden>Secret</div><span style="display: none">gone</span>
    <table><tr><td>Harbour</td><td>12</td></tr></table><footer>&copy; 2024 Gull Gazette</footer></body></html>"""
    assert as_text(html) == (
        "Home\nNews\n\nFerries return\n\nThe ferries came back\non Monday.\n\nHarbour 12\n\n\u00a9 2024 Gull Gazette\n"
    )
