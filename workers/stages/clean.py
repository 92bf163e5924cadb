"""clean: find site chrome, undo damage, normalise whitespace.

``clean(Page) -> CleanPage``. The source text is never rewritten in place:
the page is cut into blocks (runs of non-blank lines), each block gets a
cleaned text plus an :class:`OffsetMap` back to the source, and every change
is listed as a :class:`Repair` with its source offsets.
"""

from __future__ import annotations

import difflib
import re
from collections import Counter
from dataclasses import dataclass

import ftfy

from ..models import Block, CleanPage, Page, Repair, TextBuilder

_LINE_RE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n|$)")
_WS_RE = re.compile(r"[ \t\f\v\u00a0\u2000-\u200b\u3000\x00-\x08\x0e-\x1f]+")
_WORD_RE = re.compile(r"[^\W\d_]+", re.UNICODE)


@dataclass(frozen=True)
class Line:
    start: int
    end: int  # without the line break
    text: str

    @property
    def blank(self) -> bool:
        return not self.text.strip()


def split_lines(text: str) -> list[Line]:
    lines: list[Line] = []
    for m in _LINE_RE.finditer(text):
        if m.start() == m.end():
            break
        body = m.group().rstrip("\r\n")
        lines.append(Line(m.start(), m.start() + len(body), body))
    return lines


def split_blocks(lines: list[Line]) -> list[list[Line]]:
    blocks: list[list[Line]] = []
    current: list[Line] = []
    for line in lines:
        if line.blank:
            if current:
                blocks.append(current)
                current = []
        else:
            current.append(line)
    if current:
        blocks.append(current)
    return blocks


# --- site chrome -------------------------------------------------------------

_CHROME_HINT = re.compile(
    r"^(?:page\s*top|back\s*to\s*top|top\s*of\s*page|return\s*to\s*top|text\s*(?:file|version|only)|print(?:\s*this)?(?:\s*page)?|"
    r"share(?:\s*this)?|skip\s*to\s*(?:main\s*)?content|menu|home|contents|next|previous|prev|back|"
    r"page\s*\d+\s*(?:of|/)\s*\d+|\d+\s*/\s*\d+)\W*$",
    re.IGNORECASE,
)
_COPYRIGHT = re.compile(r"(?:©|\(c\)|copyright\b|all rights reserved|last (?:updated|modified)\b)", re.IGNORECASE)


def _line_is_chrome(text: str) -> str | None:
    t = text.strip()
    if not t:
        return None
    words = t.split()
    if _COPYRIGHT.search(t) and len(words) <= 20:
        return "copyright or last-updated line"
    if _CHROME_HINT.match(t):
        return "navigation or page-tool link"
    parts = [p for p in re.split(r"\s*(?:\||›|»|·|•)\s*", t) if p]
    if len(parts) >= 3 and all(len(p.split()) <= 4 for p in parts) and not t.endswith((".", "?", "!")):
        return "menu of short link-like items"
    return None


def _is_chrome_block(lines: list[Line]) -> str | None:
    reasons = [_line_is_chrome(line.text) for line in lines]
    if all(reasons):
        return reasons[0]
    return None


# --- damage ------------------------------------------------------------------


def _fix_mojibake(line: str) -> str:
    return ftfy.fix_text(
        line,
        normalization=None,
        fix_line_breaks=False,
        uncurl_quotes=False,
        fix_latin_ligatures=False,
        fix_character_width=False,
        remove_terminal_escapes=False,
    )


def _vocabulary(text: str) -> Counter[str]:
    return Counter(m.group() for m in _WORD_RE.finditer(text))


def _drop_cap(first_word: str, vocab: Counter[str]) -> str | None:
    """The letter a paragraph lost, if its first word is a known word minus its capital."""
    if not first_word or not first_word[0].islower() or len(first_word) < 2:
        return None
    if vocab.get(first_word, 0) > 1:
        return None
    candidates = [
        (vocab[c + first_word], c)
        for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
        if vocab.get(c + first_word, 0) > 0
    ]
    if not candidates:
        return None
    return max(candidates)[1]


# --- building a block ----------------------------------------------------------


def _clean_block(text: str, lines: list[Line], vocab: Counter[str], repairs: list[Repair], *, chrome: bool) -> Block:
    b = TextBuilder()
    for li, line in enumerate(lines):
        if li:
            prev = lines[li - 1]
            b.replace(prev.end, line.start, "\n")
        raw = line.text
        lead = len(raw) - len(raw.lstrip())
        trail = len(raw.rstrip())
        pos = line.start + lead
        body = raw[lead:trail]
        if li == 0 and not chrome:
            m = _WORD_RE.match(body)
            if m and (letter := _drop_cap(m.group(), vocab)):
                b.replace(pos, pos, letter)
                repairs.append(
                    Repair(
                        kind="drop_cap",
                        source_start=pos,
                        source_end=pos + m.end(),
                        before=m.group(),
                        after=letter + m.group(),
                        reason=f"paragraph starts with '{m.group()}', which this page otherwise writes as '{letter + m.group()}': a lost drop-cap letter",
                    )
                )
        fixed = _fix_mojibake(body)
        _append_diff(b, text, pos, body, fixed, repairs)
    cleaned, offsets = b.build()
    return Block(
        source_start=lines[0].start,
        source_end=lines[-1].end,
        text=cleaned,
        offsets=offsets,
    )


def _append_diff(b: TextBuilder, source: str, pos: int, before: str, after: str, repairs: list[Repair]) -> None:
    """Append ``after`` in place of ``source[pos:pos+len(before)]``, mapping unchanged runs exactly."""
    # Whitespace runs collapse to one space; that is normalisation, not a repair worth listing.
    if before == after:
        _append_normalised(b, source, pos, before)
        return
    sm = difflib.SequenceMatcher(a=before, b=after, autojunk=False)
    for op, a0, a1, b0, b1 in sm.get_opcodes():
        if op == "equal":
            _append_normalised(b, source, pos + a0, before[a0:a1])
        else:
            b.replace(pos + a0, pos + a1, after[b0:b1])
            repairs.append(
                Repair(
                    kind="mojibake",
                    source_start=pos + a0,
                    source_end=pos + a1,
                    before=before[a0:a1],
                    after=after[b0:b1],
                    reason="text decoded with the wrong encoding (mojibake), fixed by ftfy",
                )
            )


def _append_normalised(b: TextBuilder, source: str, pos: int, chunk: str) -> None:
    i = 0
    for m in _WS_RE.finditer(chunk):
        if m.start() > i:
            b.copy(source, pos + i, pos + m.start())
        if m.group() == " ":
            b.copy(source, pos + m.start(), pos + m.end())
        else:
            b.replace(pos + m.start(), pos + m.end(), " ")
        i = m.end()
    if i < len(chunk):
        b.copy(source, pos + i, pos + len(chunk))


def clean(page: Page) -> CleanPage:
    """Cut the page into blocks, mark site chrome, repair damage."""
    text = page.text
    lines = split_lines(text)
    groups = split_blocks(lines)
    vocab = _vocabulary(text)
    repairs: list[Repair] = []
    blocks: list[Block] = []
    for group in groups:
        why = _is_chrome_block(group)
        block = _clean_block(text, group, vocab, repairs, chrome=why is not None)
        if why:
            block.furniture, block.why = True, why
        blocks.append(block)
    return CleanPage(**page.model_dump(), blocks=blocks, repairs=repairs)
