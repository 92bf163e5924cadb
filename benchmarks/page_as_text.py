#!/usr/bin/env python3
"""Web pages saved as plain text: how much of a whole page's chrome does the text path keep?

    .venv/bin/python benchmarks/page_as_text.py OUT_DIR [--pages ../shared/formats/html/pages]
    .venv/bin/pagemill process OUT_DIR -o /tmp/as-text
    python3 ../shared/tools/score_html.py ../shared/formats/html /tmp/as-text     # the record's text against the marked article

Each HTML page of the article-extraction benchmark is written as the text a person gets by selecting
the whole page in a browser and pasting it into a file: the visible text (scripts, styles and hidden
elements left out), a line break at each block element and a blank line around paragraphs, headings,
lists and tables, a tab between table cells, spaces collapsed. So menus come one link per line, and
footers, related links and comments stay. The page's HTML reader is not involved: ``pagemill`` reads
these files as plain text, with ``clean``'s chrome rules. (docs/quality.md, "Chrome of other sites".)
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

import lxml.html

REPO = Path(__file__).resolve().parents[1]
#: Elements a browser sets apart by a blank line (margins), and those it only starts on a new line.
SPACED = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "figure", "pre", "table", "ul", "ol", "dl", "hr"}
BLOCKS = {"div", "li", "section", "article", "header", "footer", "nav", "aside", "main", "figcaption", "tr", "form",
          "address", "dt", "dd", "caption", "fieldset", "details", "summary", "option", "label", "button"}
#: Elements whose text a reader never sees.
UNSEEN = {"script", "style", "noscript", "template", "svg", "head", "iframe", "select", "object"}


def _visible(el) -> bool:
    style = (el.get("style") or "").replace(" ", "").lower()
    return el.get("hidden") is None and "display:none" not in style and el.get("aria-hidden") != "true"


# A block's edges, written as marks first: a browser gives the most line breaks any edge between two texts asks
# for ("</li><li>" is one line break, "</li></ul><p>" a blank line), not their sum.
ONE, TWO = "\x01", "\x02"
_EDGES = re.compile(r"[\x01\x02][\x01\x02\s]*")


def _walk(el, out: list[str]) -> None:
    tag = el.tag.lower() if isinstance(el.tag, str) else ""
    if tag in UNSEEN or not tag or not _visible(el):
        return
    edge = TWO if tag in SPACED else ONE if tag in BLOCKS or tag == "br" else "\t" if tag in ("td", "th") else ""
    out.append(edge)
    if el.text:
        out.append(el.text)
    for child in el:
        _walk(child, out)
        if child.tail:
            out.append(child.tail)
    if tag in SPACED or tag in BLOCKS:
        out.append(edge)


def as_text(html: bytes) -> str:
    """The page's visible text as a browser's select-all and paste gives it (near enough)."""
    doc = lxml.html.document_fromstring(html)
    body = doc.find("body")
    out: list[str] = []
    _walk(body if body is not None else doc, out)
    text = "".join(out).replace("\n", " ")  # the source's own line breaks are spaces to a browser
    text = _EDGES.sub(lambda m: "\n\n" if TWO in m.group(0) else "\n", text)
    lines = [re.sub(r"[ \t\u00a0]+", " ", line).strip() for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip() + "\n"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out", type=Path, help="folder to write <name>.txt into")
    ap.add_argument("--pages", type=Path, default=REPO.parent / "shared" / "formats" / "html" / "pages",
                    help="HTML pages to write as text (default: ../shared/formats/html/pages)")
    args = ap.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    pages = sorted(args.pages.glob("*.html"))
    for page in pages:
        (args.out / f"{page.stem}.txt").write_text(as_text(page.read_bytes()), encoding="utf-8")
    print(f"{len(pages)} pages as text -> {args.out}; then: .venv/bin/pagemill process {args.out} -o DIR and "
          f"python3 ../shared/tools/score_html.py ../shared/formats/html DIR")


if __name__ == "__main__":
    main()
