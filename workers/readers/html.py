"""HTML and XHTML -> segments with offsets into the markup.

* lxml's HTML parser builds the tree; roles come from the elements (h1-h6,
  p, li, figcaption/caption, table, pre).
* trafilatura (on the same tree) decides what is the page's main text; every
  block it leaves out (navigation, headers, footers, banners, share bars,
  related links, comments) is kept as a ``furniture`` segment.
* Offsets: the markup is scanned once for its visible characters (outside
  tags, comments, scripts and styles, character references decoded), each
  with its place in the markup; every block's text is then found in that
  stream in document order. A segment's source span therefore runs from its
  first to its last character in the markup, inline tags included.
"""

from __future__ import annotations

import html as htmllib
import re
from collections import Counter
from difflib import SequenceMatcher

import lxml.html
import numpy as np
import trafilatura
from lxml import etree
from trafilatura.settings import Extractor

from ..models import Cell, OffsetMap, Piece
from .common import Reading, bridge_gaps, make_segment, place_unfound_cells

# (title: the document's name, never shown in the page, even where a page puts it in the body; the scan of the markup
# blanks its text, as a browser does, so a block made of it was matched to some other text.)
_SKIP = frozenset("script style noscript template svg math iframe object embed canvas select option button input textarea head map audio video title".split())
_BLOCK = frozenset(
    "address article aside blockquote body center dd details dialog div dl dt fieldset figcaption figure footer form "
    "h1 h2 h3 h4 h5 h6 header hr html li main nav ol p pre section summary table tbody td tfoot th thead tr ul caption menu".split()
)
_HEADING = {f"h{n}": n for n in range(1, 7)}
_LEAF_ROLE = {"p": "paragraph", "dt": "paragraph", "dd": "paragraph", "address": "paragraph", "summary": "paragraph",
              "figcaption": "caption", "caption": "caption"}
# Everything in markup that is not visible text: comments, raw-text elements, tags, declarations.
# Comment and raw-text bodies are matched as unrolled loops (runs of other characters, then one checked
# delimiter) rather than lazy ``.*?``, which tries the closing tag at every character: a third of the time.
_MARKUP = re.compile(
    r"<!--[^-]*(?:-(?!->)[^-]*)*(?:-->|\Z)"
    r"|<(script|style|textarea|title|noscript|template)\b[^>]*>[^<]*(?:<(?!/\1\s*>)[^<]*)*(?:</\1\s*>|\Z)"
    r"|<!\[CDATA\[.*?(?:\]\]>|\Z)|<[!?][^>]*>|</?[a-zA-Z][^>]*>|&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[a-zA-Z][a-zA-Z0-9]*);?",
    re.S | re.I,
)


_SPACE_RE = re.compile(r"\s+")
_BODY_TAG = re.compile(r"<body[\s>]", re.I)


def collapse(text: str) -> str:
    """common.collapse without the regex (str.split() splits on exactly what \\s matches): called for every run of text."""
    return " ".join(text.split())


# What the stream keeps, by code point: all but blanked markup (NUL) and whitespace (str.isspace(), as \s in re).
_VISIBLE = np.ones(0x110000, dtype=bool)
_VISIBLE[[0] + [c for c in range(0x3001) if chr(c).isspace()]] = False
# Whitespace by code point (str.isspace(); none lies above U+3000).
_SPACE_CP = np.zeros(0x110000, dtype=bool)
_SPACE_CP[[c for c in range(0x3001) if chr(c).isspace()]] = True


class _Stream:
    """The markup's visible characters, without whitespace, each with its span in the markup."""

    def __init__(self, src: str, start: int = 0, end: int | None = None) -> None:
        end = len(src) if end is None else end
        part = src[start:end]
        entity_ends: dict[int, int] = {}

        def blank(m: re.Match) -> str:
            tok = m.group()
            if tok[0] == "&":
                dec = _SPACE_RE.sub("", htmllib.unescape(tok))
                if dec and len(dec) <= len(tok):
                    # The decoded character stands where the reference starts and spans all of it.
                    entity_ends[m.start()] = m.end()
                    return dec + "\x00" * (len(tok) - len(dec))
            return "\x00" * len(tok)

        # Markup blanked out in place (same length), so a character's index is its offset in the markup.
        shown = _MARKUP.sub(blank, part)
        codes = np.frombuffer(shown.encode("utf-32-le"), dtype=np.uint32)
        keep = np.nonzero(_VISIBLE[codes])[0]
        self.text = codes[keep].tobytes().decode("utf-32-le")
        ends = keep + 1
        if entity_ends:
            # A decoded reference spans the whole reference in the markup.
            at = np.fromiter(entity_ends.keys(), dtype=np.int64, count=len(entity_ends))
            to = np.fromiter(entity_ends.values(), dtype=np.int64, count=len(entity_ends))
            where = np.searchsorted(keep, at)
            hit = (where < len(keep)) & (keep[np.minimum(where, len(keep) - 1)] == at)
            ends[where[hit]] = to[hit]
        self.starts_a = keep.astype(np.int64) + start
        self.ends_a = ends.astype(np.int64) + start
        self.cursor = 0

    def locate(self, compact: str) -> list[int] | None:
        """Stream index of each character of ``compact`` (text without whitespace), or None if not found."""
        n = len(compact)
        if not n:
            return None
        j = self.text.find(compact, self.cursor)
        if j < 0:
            j = self.text.find(compact)
        if j >= 0:
            self.cursor = j + n
            return list(range(j, j + n))
        # The parser and the scan disagree somewhere (a repaired tag, an odd reference): align around an anchor.
        head = compact[: min(12, n)]
        a = self.text.find(head, self.cursor)
        if a < 0:
            a = self.text.find(head)
        if a < 0:
            return None
        window = self.text[a : a + n + n // 4 + 16]
        sm = SequenceMatcher(None, compact, window, autojunk=False)
        out: list[int] = []
        last = a
        mapping = {}
        for blk in sm.get_matching_blocks():
            for k in range(blk.size):
                mapping[blk.a + k] = a + blk.b + k
        if len(mapping) < n * 0.6:
            return None
        for i in range(n):
            last = mapping.get(i, last)
            out.append(last)
        self.cursor = max(self.cursor, out[-1] + 1)
        return out


def _offsets(text: str, idx: list[int], stream: _Stream) -> OffsetMap:
    """Map ``text`` to the markup, given the stream index of each of its non-space characters (see :func:`_offsets_many`)."""
    return _offsets_many([(text, idx)], stream)[0]


def _offsets_many(items: list[tuple[str, list[int]]], stream: _Stream) -> list[OffsetMap]:
    """Map each text to the markup, given the stream index of each of its non-space characters.

    Each character maps to its span in the markup, each run of spaces to whatever lies between the words
    around it; neighbours that are both one-to-one and adjacent in both texts merge into one piece.
    Done on arrays, for all of a page's main-text blocks in one pass: a page has tens of thousands of
    characters and thousands of pieces, and numpy's cost per call would otherwise come once per block.
    The texts are laid end to end with a sentinel between them (neither space nor character), so no run of
    spaces crosses from one to the next and no piece spans two; each text's positions are then made its own.
    """
    if not items:
        return []
    joined = "\x00".join(t for t, _ in items)
    codes = np.frombuffer(joined.encode("utf-32-le"), dtype=np.uint32)
    space = _SPACE_CP[codes]
    sentinel = codes == 0
    chars = np.flatnonzero(~space & ~sentinel)
    ids = np.concatenate([np.asarray(i, dtype=np.int64) for _, i in items])
    cs, ce = stream.starts_a[ids], stream.ends_a[ids]
    lens = np.array([len(t) for t, _ in items], dtype=np.int64)
    base = np.concatenate(([0], np.cumsum(lens + 1)[:-1]))  # where each text starts in ``joined``
    lo = np.searchsorted(chars, base)  # each text's first character, and one past its last
    hi = np.searchsorted(chars, base + lens)
    edges = np.flatnonzero(np.diff(np.concatenate(([False], space, [False])).astype(np.int8)))
    r0, r1 = edges[0::2], edges[1::2]
    seg_r = np.searchsorted(base, r0, side="right") - 1
    k = np.searchsorted(chars, r0)  # the first character after each run
    n = len(chars)
    has_next = k < hi[seg_r]
    has_prev = k > lo[seg_r]
    nxt = cs[np.minimum(k, n - 1)] if n else np.zeros(len(k), dtype=np.int64)
    a = np.where(has_prev, ce[np.maximum(k - 1, 0)], np.where(has_next, nxt, 0))
    b = np.where(has_next, np.maximum(a, nxt), a)
    c0 = np.concatenate((chars, r0))
    order = np.argsort(c0, kind="stable")
    c0 = c0[order]
    c1 = np.concatenate((chars + 1, r1))[order]
    s0 = np.concatenate((cs, a))[order]
    s1 = np.concatenate((ce, b))[order]
    seg = np.searchsorted(base, c0, side="right") - 1
    one = (c1 - c0) == (s1 - s0)
    head = np.ones(len(c0), dtype=bool)
    head[1:] = ~(one[1:] & one[:-1] & (s1[:-1] == s0[1:]) & (seg[1:] == seg[:-1]))
    first = np.flatnonzero(head)
    last = np.append(first[1:] - 1, len(c0) - 1)
    owner = seg[first]
    off = base[owner]
    rows = zip((c0[first] - off).tolist(), (c1[last] - off).tolist(), s0[first].tolist(), s1[last].tolist())
    per: list[list] = [[] for _ in items]
    for o, row in zip(owner.tolist(), rows):
        per[o].append(row)
    return [_offset_map(r) for r in per]


def _offset_map(rows) -> OffsetMap:
    """An OffsetMap from (clean_start, clean_end, source_start, source_end) rows."""
    return OffsetMap(pieces=[Piece(*row) for row in rows])


def _span(text: str, idx: list[int], stream: _Stream) -> OffsetMap:
    """One piece for the whole text: furniture needs its source span, never offsets inside it (no sentences, no entities)."""
    s0, s1 = int(stream.starts_a[idx[0]]), int(stream.ends_a[idx[-1]])
    return _offset_map([(0, len(text), s0, s1)])


# Elements never shown as text, removed before any walk (in C, but for scripts): the walks below then visit only what may be text,
# and trafilatura (which drops all of these itself) gets a smaller tree to copy and prune. head (the title is read
# from it first), title, template and math (trafilatura keeps their text) stay in the tree and are skipped by the walks.
_DROP = tuple(sorted(_SKIP - {"head", "template", "math", "script", "title"}))
# Scripts too, but not JSON-LD: trafilatura reads it to tell a forum thread (whose comments are its content).
_SCRIPTS = etree.XPath("//script[not(@type='application/ld+json')]")
# Hidden by attribute or inline style; the style lower-cased and stripped of whitespace in XPath itself
# (an EXSLT regex here would call back into Python for every styled element).
_STYLE = "translate(@style, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ \t\n\r', 'abcdefghijklmnopqrstuvwxyz')"
_HIDDEN = etree.XPath(
    f"//*[@hidden or @aria-hidden='true' or (@style and (contains({_STYLE}, 'display:none') or contains({_STYLE}, 'visibility:hidden')))]"
)


# Chrome trafilatura deletes outright (its MANUALLY_CLEANED), tail kept: deleted in C once our walk has read it,
# so trafilatura copies and walks a smaller tree. Not figure, form or math: it treats those specially first.
_CHROME = ("aside", "footer", "menu", "nav", "noindex", "fieldset", "label", "legend", "link", "area", "blink", "datalist",
           "dialog", "frame", "frameset", "marquee", "menuitem", "optgroup", "output", "param", "progress", "rp", "rt", "rtc",
           "source", "track", "use", "applet", "picture", "fencedframe", "time")


def _drop_unseen(root) -> None:
    """Remove scripts, styles, form controls and hidden elements, keeping the text that follows each one."""
    etree.strip_elements(root, *_DROP, with_tail=False)
    for el in _SCRIPTS(root):
        el.drop_tree()
    for el in _HIDDEN(root):
        el.drop_tree()  # lxml.html: the tail stays, joined to what came before


#: Deepest element kept as an element. libxml2 parses at most 256 levels by default and dropped whatever lay
#: deeper without a word (a page inside 255 nested divs read as "no text"); it now parses up to 2,048
#: (``huge_tree``; the page is at most PAGEMILL_MAX_PAGE_BYTES), and what lies deeper than this is kept as the
#: text of its ancestor at this depth, so neither our walks nor trafilatura's recurse past Python's limit.
MAX_DEPTH = 200
_AT_MAX_DEPTH = etree.XPath("/" + "/".join(["*"] * MAX_DEPTH))


def _flatten_deep(root) -> None:
    """Each element at :data:`MAX_DEPTH` keeps its subtree's text and loses its tags (blocks below it become one).

    A line break stands where a block or ``br`` began and ended, so their words and sentences stay apart.
    """
    for el in _AT_MAX_DEPTH(root):
        if not len(el):
            continue
        for d in el.iterdescendants():
            if isinstance(d.tag, str) and (d.tag.lower() in _BLOCK or d.tag.lower() == "br"):
                d.text = "\n" + (d.text or "")
                d.tail = "\n" + (d.tail or "")
        etree.strip_tags(el, "*")


def _inline_text(el, out: list[str]) -> None:
    """Text of an element and its inline descendants (br and block children become spaces)."""
    if el.text:
        out.append(el.text)
    for ch in el:
        tag = ch.tag if isinstance(ch.tag, str) else ""
        if tag and tag.lower() not in _SKIP:
            if tag.lower() in ("br", "hr") or tag.lower() in _BLOCK:
                out.append(" ")
            _inline_text(ch, out)
            if tag.lower() in _BLOCK:
                out.append(" ")
        if ch.tail:
            out.append(ch.tail)


def _text(el) -> str:
    out: list[str] = []
    _inline_text(el, out)
    return "".join(out)


def _has_block_child(el) -> bool:
    for d in el.iterdescendants():
        if isinstance(d.tag, str) and d.tag.lower() in _BLOCK and d.tag.lower() not in ("br",):
            return True
    return False


class _Block:
    __slots__ = ("role", "text", "level", "cells", "keep_lines", "shown_rows", "unshown")

    def __init__(self, role: str, text: str, level: int | None = None, cells=None, keep_lines: bool = False) -> None:
        self.role, self.text, self.level, self.cells, self.keep_lines = role, text, level, cells, keep_lines
        self.shown_rows: int | None = None  # a table's rows trafilatura is shown (None: all; see _MAIN_TABLE_CELLS)
        self.unshown: list = []  # the tree's rows after those, taken out before trafilatura reads the tree


def _data_table(el) -> bool:
    """A table of data, not one that lays out the page: no blocks, forms or tables in its cells."""
    for d in el.iterdescendants():
        if isinstance(d.tag, str) and d.tag.lower() in ("table", "p", "div", "ul", "ol", "h1", "h2", "h3", "h4", "form", "blockquote", "pre"):
            return False
    return True


def _walk(el, blocks: list[_Block]) -> None:
    run: list[str] = []

    def flush() -> None:
        if not run:
            return
        t = collapse("".join(run))
        if t:
            blocks.append(_Block("paragraph", t))
        run.clear()

    if el.text:
        run.append(el.text)
    for ch in el:
        tag = ch.tag.lower() if isinstance(ch.tag, str) else ""
        if not tag or tag in _SKIP:
            if ch.tail:
                run.append(ch.tail)
            continue
        if tag in ("br",):
            run.append(" ")
        elif tag in _BLOCK:
            flush()
            _block(ch, tag, blocks)
        else:
            _inline_text(ch, run)
        if ch.tail:
            run.append(ch.tail)
    flush()


def _block(el, tag: str, blocks: list[_Block]) -> None:
    if tag in _HEADING:
        t = collapse(_text(el))
        if t:
            blocks.append(_Block("heading", t, level=_HEADING[tag]))
    elif tag == "pre":
        t = "".join(el.itertext()).strip("\n")
        if t.strip():
            blocks.append(_Block("code", t, keep_lines=True))
    elif tag == "table" and _data_table(el):
        _table(el, blocks)
    elif tag in _LEAF_ROLE and not _has_block_child(el):
        t = collapse(_text(el))
        if t:
            blocks.append(_Block(_LEAF_ROLE[tag], t))
    elif tag == "li":
        before = len(blocks)
        _walk(el, blocks)
        if len(blocks) > before and blocks[before].role == "paragraph":
            blocks[before].role = "list_item"
    elif tag == "hr":
        return
    else:
        _walk(el, blocks)


#: A data table's cells trafilatura is shown, in whole rows from the top; they stand for the table in deciding
#: whether it is main text. trafilatura copies the tree three times and lists its elements: all of a table of
#: 60,000 cells took it 110 MB, near the page limit. (No table of the HTML benchmark's pages has 300 cells.)
_MAIN_TABLE_CELLS = 5_000


def _table(el, blocks: list[_Block]) -> None:
    cap = el.find("caption")
    if cap is not None:
        t = collapse(_text(cap))
        if t:
            blocks.append(_Block("caption", t))
    rows = [tr for tr in el.iter("tr")]
    cells = []
    shown = None
    for r, tr in enumerate(rows):
        if shown is None and len(cells) >= _MAIN_TABLE_CELLS:
            shown = r
        c = 0
        for td in tr:
            if not isinstance(td.tag, str) or td.tag.lower() not in ("td", "th"):
                continue
            t = collapse(_text(td))
            cells.append((r, c, int(td.get("rowspan", "1") or 1) if (td.get("rowspan") or "1").isdigit() else 1,
                          int(td.get("colspan", "1") or 1) if (td.get("colspan") or "1").isdigit() else 1,
                          td.tag.lower() == "th", t))
            c += 1
    if any(t for *_, t in cells):
        block = _Block("table", "", cells=cells)
        if shown is not None:
            block.shown_rows, block.unshown = shown, rows[shown:]
        blocks.append(block)


def _title(root) -> str | None:
    for xp in ('//meta[@property="og:title"]/@content', "//title//text()", "//h1"):
        found = root.xpath(xp)
        if found:
            t = collapse(found[0] if isinstance(found[0], str) else _text(found[0]))
            if t:
                return t
    return None


_WORD = re.compile(r"\w+")
# Fewer words than this and a block must be a whole line of the main text.
_SHORT_WORDS = 8
# Share of a longer block's word triples that must be in the main text (trafilatura rewraps, trims, reorders a little).
_GRAM_SHARE = 0.8


# fast: no readability/jusText fallback; on the benchmark pages it is both quicker and closer to the marked text.
# Built once: extract() would otherwise build it (reading its config file's values) on every page; trafilatura
# copies it before changing anything, so sharing it across pages and threads is safe.
_EXTRACTOR = Extractor(output_format="txt", fast=True, comments=False, tables=True)


class _Main:
    """trafilatura's main text, in a form a block can be checked against.

    A short block (a heading, a menu entry) counts only where it is a whole
    line of the main text, once per time that line occurs there; a longer one
    where it stands in the main text, or most of its word triples do.
    """

    def __init__(self, root) -> None:
        # trafilatura prunes the tree it is given: call this after everything else has read it.
        text = trafilatura.extract(root, options=_EXTRACTOR) or ""
        self.lines = Counter(_norm(line) for line in text.splitlines())
        self.joined = _norm(text)
        words = _WORD.findall(text.lower())
        self.grams = set(zip(words, words[1:], words[2:]))

    def holds(self, text: str) -> bool:
        words = _WORD.findall(text.lower())
        norm = "".join(words)  # _norm(text), from the words needed below anyway
        if not norm:
            return False
        if self.lines.get(norm, 0) > 0:
            self.lines[norm] -= 1
            return True
        if len(words) < _SHORT_WORDS:
            return False
        if norm in self.joined:
            return True
        grams = list(zip(words, words[1:], words[2:]))
        return sum(g in self.grams for g in grams) >= _GRAM_SHARE * len(grams)


def _norm(text: str) -> str:
    return "".join(_WORD.findall(text.lower()))


# Comments and processing instructions are never text; dropped while parsing, no walk (ours or trafilatura's) visits them.
# Every element an HtmlElement, chosen in C: lxml.html's own parser asks a Python method for each element's
# class (form, input, label...) every time an element is touched from Python, hundreds of thousands of calls a
# corpus; neither this reader nor trafilatura uses those classes' extra methods.
_PARSER = etree.HTMLParser(remove_comments=True, remove_pis=True, huge_tree=True)  # see MAX_DEPTH
_PARSER.set_element_class_lookup(
    etree.ElementDefaultClassLookup(element=lxml.html.HtmlElement, comment=lxml.html.HtmlComment, pi=lxml.html.HtmlProcessingInstruction)
)


#: Where a whole page announces itself (as ``detect`` reads it): a doctype or its root, head or body element.
_DOCUMENT_START = re.compile(r"^\ufeff?\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*(?:<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>])",
                             re.I | re.S)


def read_html(text: str) -> Reading:
    try:
        root = lxml.html.document_fromstring(text, parser=_PARSER)
    except (etree.ParserError, ValueError):
        # lxml refuses str input with an encoding declaration; bytes would re-guess the encoding we already know.
        root = lxml.html.document_fromstring(re.sub(r"^\s*<\?xml[^>]*>", "", text), parser=_PARSER)
    if any(e.type_name == "ERR_RESOURCE_LIMIT" for e in _PARSER.error_log):
        # libxml2 stops at its limit and keeps only what came before: a record of part of the page, said nowhere.
        raise ValueError("its elements are nested more than 2,048 deep, and what lies deeper could not be read")
    title = _title(root)
    _drop_unseen(root)
    _flatten_deep(root)
    blocks: list[_Block] = []
    body = root.find("body")
    _walk(body if body is not None else root, blocks)
    etree.strip_elements(root, *_CHROME, with_tail=False)
    for b in blocks:
        for tr in b.unshown:
            tr.getparent().remove(tr)
        b.unshown = []
    # A fragment (no doctype, <html>, <head> or <body>: an article's markup copied out of its page) is what its
    # writer chose to keep; trafilatura, judging it as a whole page, drops its opening paragraph as a title.
    main = _Main(root) if _DOCUMENT_START.match(text) else None
    # The head holds no block's text, and often most of the markup (inline styles, scripts, JSON-LD): the scan starts
    # at the body when there is one to find.
    body_tag = _BODY_TAG.search(text)
    stream = _Stream(text, body_tag.start() if body_tag and body is not None else 0)
    segments: list = []
    pending = []
    for b in blocks:
        if b.role == "table":
            seg = _table_segment(b, stream, main)
            if seg is not None:
                segments.append(seg)
            continue
        compact = "".join(b.text.split())
        idx = stream.locate(compact)
        if idx is None:
            continue
        if main is not None and not main.holds(b.text):
            segments.append(make_segment("furniture", b.text, _span(b.text, idx, stream), why="left out of the main text by trafilatura"))
            continue
        pending.append((len(segments), b, idx))
        segments.append(None)
    # The main text's offsets, all blocks in one pass.
    for (at, b, _), offsets in zip(pending, _offsets_many([(b.text, idx) for _, b, idx in pending], stream)):
        segments[at] = make_segment(b.role, b.text, offsets, level=b.level)
    return Reading(text=text, segments=segments, title=title)


def _table_segment(b: _Block, stream: _Stream, main: _Main | None):
    parts: list[str] = []
    pieces: list[Piece] = []
    cells: list[Cell] = []
    found_cells: list[bool] = []
    pos = 0
    last_row = 0
    shown_end = None  # where the rows trafilatura was shown end in ``text``
    # A thousand cells at a time: each found in the stream in order, then their offsets in one pass. A pass per
    # cell read a 10,000-row table (50,000 cells) in 4.0 s instead of 2.2; one pass for all of them held 50 MB
    # more at once.
    for k in range(0, len(b.cells), 1000):
        rows = b.cells[k : k + 1000]
        found = [stream.locate(compact) if (compact := "".join(t.split())) else None for *_, t in rows]
        maps = iter(_offsets_many([(t, idx) for (*_, t), idx in zip(rows, found) if idx is not None], stream))
        for (r, c, rs, cs, th, t), idx in zip(rows, found):
            if shown_end is None and b.shown_rows is not None and r >= b.shown_rows:
                shown_end = pos
            if parts:
                sep = "\n" if r != last_row else "\t"
                parts.append(sep)
                pos += 1
            last_row = r
            if idx is None:
                s0 = s1 = 0
            else:
                om = next(maps)
                for p in om.pieces:
                    pieces.append(Piece(clean_start=p.clean_start + pos, clean_end=p.clean_end + pos, source_start=p.source_start, source_end=p.source_end))
                s0, s1 = om.pieces[0].source_start, om.pieces[-1].source_end
            cells.append(Cell(row=r, col=c, row_span=rs, col_span=cs, header=th, text=t, start=pos, end=pos + len(t),
                              source_start=s0, source_end=s1))
            found_cells.append(idx is not None)
            parts.append(t)
            pos += len(t)
    text = "".join(parts)
    if not pieces or not text.strip():
        return None
    place_unfound_cells(cells, found_cells)
    furniture = main is not None and not main.holds(text[:shown_end])
    # Cells are a table's alone (the schema: absent for other roles); a table left out of the main text is
    # furniture, whose span is all a record says of it.
    seg = make_segment("furniture" if furniture else "table", text, bridge_gaps(pieces), cells=None if furniture else cells,
                       why="left out of the main text by trafilatura" if furniture else None)
    return seg


def html_fragment_segments(src: str, start: int, end: int) -> list:
    """Segments of a piece of HTML inside another format (Markdown), offsets into ``src``; all of it main text."""
    frag = src[start:end]
    if not frag.strip():
        return []
    try:
        root = lxml.html.fragment_fromstring(frag, create_parent="div")
    except (etree.ParserError, ValueError):
        return []
    _drop_unseen(root)
    blocks: list[_Block] = []
    _walk(root, blocks)
    stream = _Stream(src, start, end)
    segments = []
    for b in blocks:
        if b.role == "table":
            seg = _table_segment(b, stream, None)
        else:
            idx = stream.locate("".join(b.text.split()))
            seg = None if idx is None else make_segment(b.role, b.text, _offsets(b.text, idx, stream), level=b.level)
        if seg is not None:
            segments.append(seg)
    return segments
