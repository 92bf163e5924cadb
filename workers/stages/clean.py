"""clean: find site chrome, undo damage, normalise whitespace.

``clean(Page) -> CleanPage``. The source text is never rewritten in place:
the page is cut into blocks (runs of non-blank lines), each block gets a
cleaned text plus an :class:`OffsetMap` back to the source, and every change
is listed as a :class:`Repair` with its source offsets.

Site chrome is recognised by its shape, never by phrases of particular sites:

* anywhere on the page: menus (three or more short link-like items kept apart
  by ``|``, ``•`` or ``·``, perhaps led by a document title), copyright /
  "last updated" lines, page counters and running footers ("- 12 -",
  "Annual report - page 4"), feedback widgets ("Useful? Yes | No"), ad slots,
  and short lines made only of web-interface words that move the reader
  ("Back to top", "Print this page");
* only in the runs of lines at the top and bottom edges of the page:
  breadcrumbs (``Home > News``, ``You are here: Home / About``), any line made
  only of web-interface words ("Text only", "Site map"), page tools ("Save to
  my trip"), a copyright sign anywhere in a short line, the page's address,
  a site name that the footer's copyright line repeats, and header lines the
  footer echoes.

A line that is not chrome ends an edge run, so a page title right under the
navigation stays content.

Items of a menu or crumbs of a trail are named in words: one holding a
measurement or coordinates ("57°12′N", "-6.52", "1,628 km²") makes the line
data, and a row of figures ("Rovers | 12 | 8 | 26") is not a page menu.

Repairs, each listed with its source span: a lost drop-cap letter (a block
starting with a lower-case stub that is not a word where a capital makes one
the page or the English word list knows; or, where a lower-case start is out
of place, a stub that is itself a word, "his week" for "This week", given the
capital whose whole word English uses most), mojibake and HTML entities (ftfy),
words hyphenated across line breaks (joined when the joined word is known,
else the hyphen kept and the break dropped), odd or repeated spaces and
invisible characters.
"""

from __future__ import annotations

import difflib
import math
import re
import unicodedata
import zlib
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

import ftfy

from ..knowledge.data import table
from ..knowledge.lexicon import page_words
from ..knowledge.shapes import CALENDAR_WORD, CELL_GAP, POSTCODE as _POSTCODE, dated_row, is_dateline, is_story_byline
from ..knowledge.words import plural_stems
from ..models import Block, CleanPage, Page, Repair, TextBuilder

_LINE_RE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n|$)")
# Characters that print as nothing: they are dropped.
_INVISIBLE_RE = re.compile(r"[\u00ad\u200b-\u200f\u2060\ufeff]+")
# Words, with inner apostrophes kept ("Vava'u", "don't"): a drop-cap stub is judged as a whole word.
_WORD_RE = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*", re.UNICODE)


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


#: A line at least this long that ends a sentence is a whole paragraph on one line: nobody wraps text this wide.
UNWRAPPED_LINE_CHARS = 150


def unwrapped(lines: list[Line]) -> bool:
    """Lines between blank lines that are each a paragraph, heading or caption of their own, not wrapped prose.

    A page saved without blank lines between its paragraphs puts a whole
    paragraph on each line; one such line in a block says its lines were
    never wrapped, so each one is a block by itself.
    """
    return len(lines) >= 2 and any(
        len(line.text.strip()) >= UNWRAPPED_LINE_CHARS and _SENTENCE_END.search(line.text.strip()) for line in lines)


def split_blocks(lines: list[Line]) -> list[list[Line]]:
    blocks: list[list[Line]] = []
    current: list[Line] = []
    for line in lines + [Line(0, 0, "")]:
        if line.blank:
            if unwrapped(current):
                blocks.extend([x] for x in current)
            elif current:
                blocks.append(current)
            current = []
        else:
            current.append(line)
    return blocks


# --- site chrome -------------------------------------------------------------

# Words of web-site interfaces: navigation, page tools, sharing, accounts. A
# line made only of these (plus a few function words) is a control, not text.
_UI_WORDS = page_words("ui_words")
_FUNCTION_WORDS = page_words("ui_function_words")
# UI words that move the reader or act on the page: lines of only UI words that
# hold one of these are chrome wherever they stand ("Back to top", "Print this page").
_ACTION_WORDS = page_words("action_words")

# (a double colon only between spaces: "Books :: Donate", not "std::vector")
_MENU_SEP = re.compile(r"\s*(?:\||•|·|¦|┃|│|｜|(?<=\s)::(?=\s))\s*")
_TRAIL_SEP = re.compile(r"\s+(?:>|»|›|→|/|⟩{1,2}|〉|❯|▸)\s+")
# Marks no rule reads as a row's separator, though a site may draw its row with any of them: arithmetic, arrows
# (a route: "Bangkok → Lampang"), dashes (a clause), a slash (choices: "race / colour / origin"; a caption's credits),
# and the punctuation of sentences, quotes and brackets.
_NOT_SEPARATORS = frozenset("+=<>×÷±−→←↔↑↓–—-/.,;:!?…'\"“”‘’()[]{}*#%&@$€£¥°")


def _common_separators(text: str) -> str:
    """``text`` with a separator the rules do not know written as "·", where the same one stands alone between
    words twice or more: "Front ⟫ Regions ⟫ Sport", "About ⁄ Projects ⁄ Give", "Guides ∙ Contact ∙ Data we keep".
    A site draws its menu with whatever mark it likes; the rules know the row by its items (:data:`_MENU_SEP`)."""
    if len(text) > COMMON_SEPARATOR_LINE:
        return text
    counts = Counter(tok for tok in text.split() if len(tok) <= 2 and not any(c.isalnum() or c in _NOT_SEPARATORS for c in tok))
    marks = [tok for tok, k in counts.items() if k >= 2 and not _MENU_SEP.fullmatch(f" {tok} ")]
    for tok in marks:
        text = re.sub(rf"(?<=\s){re.escape(tok)}(?=\s)", "·", text)
    return text


#: Longest line whose separators :func:`_common_separators` reads (a menu is a line, not a paragraph).
COMMON_SEPARATOR_LINE = 300
# A menu copied from a web page whose links were laid out apart: "News   Events   Contact us" (runs of spaces or tabs).
_SPACED_SEP = re.compile(r"\s*\t\s*|\s{2,}")
# At the start of the line: "(copyright Jane Doe)" inside a caption is a credit, not chrome. The bare
# word needs a notice's shape after it (a sign, a year, "by"): "Copyright reform in Europe" is a heading. "(c)" also
# numbers a list's third item ("(c) What the court ordered."): a notice has a year, its own words or a name alone.
_COPYRIGHT = re.compile(
    r"^\s*(?:©|\(c\)(?=.*\b(?:(?:1[89]|20)\d\d|copyright|all\s+rights)\b|\s*[A-Z][^.!?;]*$)|copyright\b(?=.*(?:©|\(c\)|\b(?:1[89]|20)\d\d\b|\bby\b|\ball rights\b)))"
    r"|\ball rights reserved\b",
    re.IGNORECASE,
)
_UPDATED = re.compile(
    r"^\W*(?:(?:page|this page was|site|content)\s+)?(?:last\s+)?(?:updated|modified|reviewed|edited)\s*(?:on|:)?\s*\d",
    re.IGNORECASE,
)
# What the site did or saw moments ago, stamped by the minute: "updated 2 min ago", "someone booked this 14 minutes
# ago", "saved 30 s ago", no sentence. (An article counts in days and years, or in words: "some hours ago", and
# closes its sentences: "The quake struck 14 minutes ago.")
_MINUTES_AGO = re.compile(r"\b\d{1,3}\s?(?:s|secs?|seconds?|mins?|minutes?|h|hrs?|hours?)\s+ago\b", re.IGNORECASE)
_QUOTE_MARK = re.compile(r"[\"“”]")
# A newsroom's tip line, its ways to reach it after: "Have a tip about the port? Send it to us securely: Signal ...".
_TIP_LINE = re.compile(r"^\W*(?:got|have)\s+a\s+(?:news\s+)?tip\b[^.!?]{0,60}\?"
                       r"|\bsend\s+(?:it\s+to\s+us|us\s+(?:your\s+|a\s+)?(?:news\s+)?tips?)\s+(?:securely|confidentially|anonymously)\b",
                       re.IGNORECASE)
#: Most words of a tip line.
TIP_LINE_WORDS = 40
# Three buttons or more side by side, each drawn as its words inside brackets with a space on each side, nothing but
# spaces or separators between them: "( Tue 10:00 )   ( Tue 14:30 )   ( Wed 09:00 )". (A wire story's text spaces its
# brackets too, with words between them: "Ana Lima ( Brazil ) beat Jo Berg ( Norway ) 7-6 ( 7-4 )".)
_DRAWN_SLOT = r"[(\[] [^()\[\]\n]{1,24}? [)\]]"
_DRAWN_SLOTS = re.compile(rf"{_DRAWN_SLOT}(?:[ \t·|•/]*{_DRAWN_SLOT}){{2,}}")
#: Most words of a line stamped so.
MINUTES_AGO_WORDS = 25
_LAST_UPDATED = re.compile(
    r"^\W*(?:(?:this\s+)?(?:page|article|post|entry)\s+(?:was\s+)?)?(?:last|date(?:\s+last)?)\s+"
    r"(?:updated|modified|reviewed|revised|edited|changed)\b", re.IGNORECASE)
# A running footer that ends with its page number: "Report of the Board – page 4".
_RUNNING_FOOTER = re.compile(r"^.{3,80}?(?:\s[-–—|·]\s*|\s{3,})(?:page|p\.)\s*\d{1,4}(?:\s*(?:/|of)\s*\d{1,4})?\s*$", re.IGNORECASE)
# A page tool: an action verb and a few words ("Save to my trip", "Email this article").
_TOOL_VERBS = page_words("tool_verbs")
_ROW_TOOLS = _TOOL_VERBS | page_words("row_tool_words")
_LEGAL_NOTICE_WORDS = page_words("legal_notice_words")
# Headings made of interface words: "Go next" closes a travel guide, and "next" would make it a link anywhere.
_GUIDE_HEADINGS = page_words("guide_headings")
_PAGE_COUNTER = re.compile(
    r"^\W*(?:page\s*)?\d{1,4}\s*(?:of|/)\s*\d{1,4}\W*$|^\s*[-–—]\s*\d{1,4}\s*[-–—]\s*$|^\s*page\s+\d{1,4}\s*$", re.IGNORECASE
)
# A question with one-word answer buttons: "Was this page useful? Yes | No".
_WIDGET = re.compile(r"^[^|?]{3,60}\?\s*[^\W_]+(?:\s*\|\s*[^\W_]+)+\s*$")
_SENTENCE_END = re.compile(r"[.!?][\"”’')\]]*$")
_STATEMENT_END = re.compile(r"[.!][\"”’')\]]*$")
# The same question as the last item of a menu row, its buttons written as words: "Was this helpful? Yes No".
_FEEDBACK = re.compile(r"^[^?]{3,60}\?(?:\s*[^\W\d_]+){1,3}$")
# A post's labels at the page's edge: "Tags: trade, Asia", "Filed under: Politics". ("Keywords:" is a paper's own.)
_LABELS_LINE = re.compile(
    # (a blog's "Posted in Travel, Food": a short line of categories, no sentence)
    r"^\W*(?:(?:tags?|tagged(?:\s+with)?|categor(?:y|ies)|filed\s+under)\s*:|posted\s+(?:in|under)\s+[^.!?]{1,60}$)",
    re.IGNORECASE,
)


def _words(text: str) -> list[str]:
    # Hyphens split: "Printer-friendly" is two interface words ("e-mail" is one).
    # A typeset apostrophe is the typed one: the word lists are written with "'" ("editor's picks").
    return re.findall(r"[^\W_]+(?:'[^\W_]+)*", re.sub(r"\be-mail", "email", text.lower().replace("’", "'")))


_BRACKET_COUNT = re.compile(r"\(\s*\d{1,6}\s*\)")
# A count in brackets ("Comments (12)") or in front ("27 comments", "3 replies").
_COUNT = re.compile(r"\(\s*\d{1,6}\s*\)|^\s*(?!(?:1[89]|20)\d\d\b)\d{1,6}(?=\s+[^\W\d_])")


def _ui_only(text: str) -> bool:
    """All words are web-interface or function words, and there is at least one UI word.

    A count in brackets is a control's too: "Comments (12)".
    """
    words = _words(_COUNT.sub(" ", text))
    if not words or len(words) > 12:  # a share bar names three or four services: "Share on X Share on Y Share by email"
        return False
    if not all(w in _UI_WORDS or w in _FUNCTION_WORDS for w in words):
        return False
    return any(w in _UI_WORDS for w in words)


# Measurements and coordinates: degrees and primes, a decimal or signed number, a unit after a number.
# Links are named in words; an item holding one of these is data ("16°15′N", "-61.58", "1,628 km²").
_DATA_ITEM = re.compile(r"[°′″]|\d\s*(?:%|km²?|m²|mi²|sq\b)|(?<![\w.])[-−]\d|\d[.,]\d{2,}|\d;")


# The last crumb is a title and may hold numbers ("2,000 jobs"); coordinates it may not.
_COORDINATE = re.compile(r"[°′″]|(?<![\w.])[-−]\d|\d;")


def _link_like(part: str) -> bool:
    """A menu entry: a few words, no sentence inside, no measurement."""
    words = part.split()
    return 0 < len(words) <= 5 and not re.search(r"[.!?;]\s", part) and len(part) <= 50 and not _DATA_ITEM.search(part)


def _is_menu(text: str) -> bool:
    parts = [p for p in _MENU_SEP.split(text.strip(" <>")) if p.strip(" <>")]
    if dated_row(text):
        return False  # links are not dated, a dateline's items are ("NEWS RELEASE | Tuesday 4 March 2025")
    if len(parts) == 2 and all((_words(p) or [""])[0] in _ACTION_WORDS | {"home"} for p in parts):
        return all(len(p) <= 60 for p in parts)  # "Previous: 4.1 Demand | Next: 4.3 Supply"
    spaced = [q for p in parts for q in _SPACED_SEP.split(p.strip()) if q.strip()]
    if len(parts) == 2 and not any(q.strip().isdigit() for q in spaced):
        # links kept apart by spaces, one bar before the last ("Research   Events   About   |   Search publications…");
        # not a running head and its page number ("Chapter 4 · The Pacific      59")
        parts = spaced
    if len(parts) < 3 or _SENTENCE_END.search(text.strip()):
        return False
    # (a count in brackets is a link's: "Figures (4) · Tables (6)")
    if text.strip().startswith("|") or sum(bool(re.search(r"\d", _BRACKET_COUNT.sub("", p))) and not p.strip().isdigit() for p in parts) >= 2:
        return False  # a table row ("| Japan | 126 million | Tokyo |"), not links
    numbers = [int(p.strip()) for p in parts if p.strip().isdigit()]
    if len(numbers) >= 2 and numbers != list(range(numbers[0], numbers[0] + len(numbers))):
        return False  # a row of figures ("Rovers | 12 | 8 | 26"), not the page links "1 | 2 | 3"
    # A running header may lead with the document's title: "Annual Report 2015 of the Board | Contents | Next".
    lead_ok = _link_like(parts[0]) or len(parts[0].split()) <= 10
    # A feedback question may close the row: "Contents | Print | Was this helpful? Yes No".
    last_ok = _link_like(parts[-1]) or bool(_FEEDBACK.match(parts[-1].strip()))
    return lead_ok and last_ok and all(_link_like(p) for p in parts[1:-1])


def _is_spaced_menu(text: str) -> bool:
    """Three or more link-like items kept apart by runs of spaces or tabs, no figures in two of them, no sentence."""
    t = text.strip()
    parts = [p for p in _SPACED_SEP.split(t) if p.strip()]
    if len(parts) < 3 or _SENTENCE_END.search(t) or _MENU_SEP.search(t):
        return False
    if sum(bool(re.search(r"\d", p)) for p in parts) >= 2:
        return False  # columns of a table laid out with spaces
    if "\t" in t and any(_FIGURE_ITEM.match(p) for p in parts):
        return False  # a row of a table with tabs between its cells, one of them a figure ("Name⇥Club⇥13")
    return all(_link_like(p.split(":")[-1] or p) for p in parts)


def _is_edge_pair(text: str) -> bool:
    """Two links at the page's edge: "Find us | Contact the office", "Print route card | Download GPX".

    Each is link-like and opens with an interface word or a page tool's verb.
    """
    parts = [p.strip() for p in _MENU_SEP.split(text.strip()) if p.strip()]
    if len(parts) != 2 or _SENTENCE_END.search(text.strip()):
        return False
    return all(_link_like(p) and (_words(p) or [""])[0] in _UI_WORDS | _TOOL_VERBS for p in parts)


def _legal_notice(text: str) -> bool:
    """A site owner's registration line: "Registered charity 1234567 | Privacy"."""
    t = " ".join(_words(text))
    n = len(text.split())
    # A long one carries the registration number itself: "X Trust is a registered charity (no. 1234567) and ...".
    if n > 20 and not (n <= 35 and _REGISTRATION_NUMBER.search(text)):
        return False
    return any(re.search(rf"\b{re.escape(w)}\b", t) for w in _LEGAL_NOTICE_WORDS)


_REGISTRATION_NUMBER = re.compile(r"(?<![\d.,])[A-Z]{0,2}\d{6,8}(?![\d.,]\d)")


_CTA_VERBS = page_words("call_to_action_verbs")
_CTA_WORDS = page_words("call_to_action_words")


def _call_to_action(text: str) -> bool:
    """A button that sells, books or signs up: "Book now", "Buy tickets", "Donate today", "Join the club".

    A verb of :data:`_CTA_VERBS` and at most three button words after it, nothing else on the line.
    """
    t = text.strip()
    words = _words(t)
    if not 1 <= len(words) <= 4 or len(t.split()) > 4 or _SENTENCE_END.search(t) or words[0] not in _CTA_VERBS:
        return False
    return all(w in _CTA_WORDS or w in _UI_WORDS or w in _FUNCTION_WORDS for w in words[1:])


_PHONE_NUMBER = re.compile(r"\+?\d[\d ()-]{7,}\d")


def _owner_address(text: str) -> bool:
    """The site owner's address in a footer: a postcode, and a phone number or other links beside it
    ("Harbour School, Quay Road, Porth PZ1 2AB | 01234 567 890"). A place's address in the text has neither."""
    t = text.strip()
    if len(t.split()) > 25 or _SENTENCE_END.search(t) or not _POSTCODE.search(t):
        return False
    return bool(_PHONE_NUMBER.search(t)) or len([p for p in _MENU_SEP.split(t) if p.strip()]) >= 2


def _utility_bar(text: str) -> bool:
    """A short row of links at the page's edge with an interface link among them: "Box office 0123 456 789 | Basket (0)",
    "Affiliated to the County League · Privacy". Every item is link-like, at least one is only interface words."""
    t = text.strip()
    parts = [p.strip() for p in _MENU_SEP.split(t) if p.strip()]
    if len(parts) < 2 or _SENTENCE_END.search(t):
        return False
    return all(_link_like(p) or _phone_item(p) for p in parts) and any(_ui_only(p) for p in parts)


def _phone_item(part: str) -> bool:
    """A phone number with a short label: "Call the box office 0123 456 7890"."""
    m = _PHONE_NUMBER.search(part)
    return bool(m) and len((part[: m.start()] + part[m.end() :]).split()) <= 4


#: Most words of a crumb that names a department or section ("Faculty of Arts and Social Sciences").
LONG_CRUMB_WORDS = 8


def _long_crumb(part: str) -> bool:
    """A crumb that is a longer name: every word capitalised (joining words aside), no sentence, no figure."""
    words = part.split()
    return (
        0 < len(words) <= LONG_CRUMB_WORDS
        and len(part) <= 70
        and not re.search(r"[\d.!?;:]", part)
        and all(w[:1].isupper() or w.lower() in _NAME_PARTS for w in words)
    )


def _is_trail(text: str, *, loose: bool = False) -> bool:
    """A breadcrumb trail: ``Home > News > Item`` or ``You are here: Home / About``."""
    parts = [p for p in _TRAIL_SEP.split(text.strip()) if p.strip()]
    # Among other chrome at the top, a crumb may be a department's longer name ("School of Marine and Coastal Studies").
    if len(parts) < 2 or not all(_link_like(p) or (loose and _long_crumb(p)) for p in parts[:-1]) or _COORDINATE.search(parts[-1]):
        return False
    # The last crumb is the page's own title, which may be long.
    last = parts[-1]
    if len(last.split()) > 20 or len(last) > 160:
        return False
    if len(parts) >= 3:
        return True
    # Two crumbs: the first must be a site's own ("Home", "You are here: Home"), unless the line sits among other
    # chrome at the top (``loose``); no sentence may end the line.
    if _SENTENCE_END.search(text.strip()):
        return False
    return _ui_only(parts[0].split(":")[-1]) or (loose and len(parts[0].split()) <= 3 and len(last.split()) <= 6)


def _home_trail(text: str) -> bool:
    """A breadcrumb trail from the site's home page ("Home › Press centre › News", "You are here: Home / About"), or
    of three crumbs or more kept apart by "›" or "»" ("Football › Djibouti › Premier Division"): chrome wherever it
    stands. Another trail may be the page's own words ("Settings > Privacy > Cookies" in a how-to)."""
    parts = [p for p in _TRAIL_SEP.split(text.strip()) if p.strip()]
    first = _words(parts[0]) if parts else []
    if len(parts) >= 2 and first in (["home"], ["you", "are", "here", "home"]) and _is_trail(text):
        return True
    # (or three crumbs and more kept apart by the typesetter's arrows, which a path of menus seldom uses)
    return len(parts) >= 3 and not re.search(r"\s(?:>|/|→)\s", text) and _is_trail(text)


def _pager(text: str) -> bool:
    """A page counter with its links: "Page 1 of 2 | Next »", "« Prev | 3 / 7 | Next"."""
    if len(text) > 80:
        return False
    parts = [p for p in _MENU_SEP.split(text) if p.strip()]
    return len(parts) >= 2 and any(_PAGE_COUNTER.match(p) for p in parts) and all(
        _PAGE_COUNTER.match(p) or _ui_only(p) for p in parts
    )


def _guide_heading(words: list[str]) -> bool:
    return " ".join(words) in _GUIDE_HEADINGS


#: Longest word a line of chrome holds (a long link's address is about 200 characters): a line with a longer one is
#: the page's, and is not run through the patterns below, which cost seconds on a 100 KB run of brackets.
CHROME_WORD_CHARS = 300


def _has_huge_word(t: str) -> bool:
    return len(t) > CHROME_WORD_CHARS and max(map(len, t.split())) > CHROME_WORD_CHARS


def chrome_anywhere(text: str) -> str | None:
    """Why a line is site chrome wherever it stands on the page, or None; read again with its separators written as
    the rules know them (:func:`_common_separators`) when they are marks no rule reads."""
    t = text.strip()
    return _chrome_anywhere(t) or (_chrome_anywhere(u) if (u := _common_separators(t)) != t else None)


def _chrome_anywhere(t: str) -> str | None:
    if not t or _has_huge_word(t) or _MEDIA_CONTACT.match(t):
        return None
    n_words = len(t.split())
    if _COPYRIGHT.search(t) and n_words <= 20:
        return "copyright line"
    if (_LAST_UPDATED.match(t) or _UPDATED.match(t)) and n_words <= 12:
        return "last-updated line"
    if n_words <= TIP_LINE_WORDS and _TIP_LINE.search(t):
        return "the newsroom's tip line"
    if n_words <= FORM_LINE_WORDS and _DRAWN_SLOTS.search(t):
        return "form fields and buttons"  # (buttons drawn as words in brackets; the notice over them is theirs)
    if n_words <= MINUTES_AGO_WORDS and _MINUTES_AGO.search(t) and not _QUOTE_MARK.search(t) and not _SENTENCE_END.search(t):
        return "a live note stamped minutes ago"
    if _PAGE_COUNTER.match(t) or _RUNNING_FOOTER.match(t) or _pager(t):
        return "page counter"
    if n_words <= CLOSABLE_NOTICE_WORDS and _CLOSE_BUTTON_END.search(t) and not _form_controls(t):
        return "a notice with its close button"
    if _AD_SLOT.match(t) or (n_words <= 4 * AD_ROW_ITEM_WORDS and _ad_label_row(t)):
        return "advertisement slot"
    if _AD_NOTE.match(t):
        return "the advertisement's note"
    if _AD_LABELLED.match(t) and n_words <= AD_LINE_WORDS:
        return "advertisement"  # "SPONSORED · Rain shells for alpine days, now 20% off ›"
    if _REDIRECTED.match(t):
        return "the wiki's redirect note"
    if n_words <= 30 and _COOKIE_SENTENCE.search(t):
        return "cookie banner"  # (anywhere: a banner the walk from the top did not reach)
    if _LANGUAGE_COUNT.match(t):
        return "language switch"
    if _COMMENT_COUNT.match(t):
        return "comment counter"
    if _APP_BADGES.search(t) and n_words <= 15:
        return "the site's app"
    if _MAINTENANCE_NOTE.match(t) and n_words <= 50:
        return "the wiki's maintenance banner"
    if _WIKI_CATEGORIES.match(t) and n_words <= 80:
        return "the post's tags or categories"
    if _GALLERY_LINK.search(t) and n_words <= 25:
        return "link to a gallery"
    if _home_trail(t):
        return "breadcrumb trail"
    if _contents_row(t):
        return "table of contents"
    if _labelled_link(t):
        return "link to another page"
    if _social_prompt(t):
        return "the site's call to share"
    if _is_menu(t) and not is_story_byline(t):
        return "menu of short link-like items"  # (a byline's row is the story's: "Written by A · Checked by B")
    if _WIDGET.match(t):
        return "feedback widget"
    words = _words(t)
    if _ui_only(t) and any(w in _ACTION_WORDS for w in words) and n_words <= 6 and not _guide_heading(words):
        return "page-tool or navigation link"
    if _ui_only(t) and words[0] in _ACTION_WORDS and ":" in t.split()[min(1, n_words - 1)]:
        return "share bar"  # "Share this story: Mastodon  Bluesky  Email  Print": its label says what it is
    if _page_tabs(t) and (_is_menu(t) or _is_spaced_menu(t)):
        return "the page's tabs"
    if _WIKI_TAGLINE.match(t):
        return "the wiki's tagline"
    if _previous_next(t):
        return "links to the pages before and after"
    if _form_controls(t):
        return "form fields and buttons"
    if _FEEDBACK_QUESTION.match(t):
        return "feedback widget"
    if _EDITORIAL_NOTE.match(t) and n_words <= 40:
        return "the site's editorial note"
    if n_words <= READER_PROMPT_WORDS and (why := _reader_prompt(t)) and not is_story_byline(t):
        return why  # (a byline with the story's reading time is the story's: "By Ana Lima · 2 May · 4 min read")
    if n_words <= INTERFACE_NOTE_WORDS and _interface_note(t):
        return INTERFACE_NOTE
    if _LABELLED_PREVIOUS_NEXT.match(t) and (_LEFT_ARROW.search(t) or _RIGHT_ARROW.search(t) or re.search(r":\s*\d", t)):
        return "link to the page before or after"
    if _drawn_controls(t):
        return "row of controls drawn with symbols"
    if _feedback_buttons(t):
        return "feedback widget"  # "Was this guide helpful?  Yes  No"
    if _PICTOGRAPHS.search(t) and _feedback_buttons(re.sub(r"\s*" + _PICTOGRAPHS.pattern + r"+\s*", "   ", t).strip()):
        return "feedback widget"  # ("Was this helpful?  👍 Yes  👎 No": its buttons drawn)
    if _tool_row(t):
        return "row of the page's tools"
    if _reaction_counts(t):
        return "readers' reactions"
    if _HATNOTE.match(t) and n_words <= 15:
        return "the wiki's link to another article"
    if _NEW_WINDOW.search(t) and n_words <= 25:
        return "link that opens a new window"
    if _TEACHERS_NOTE.match(t) and n_words <= 40:
        return "the site's note to teachers"
    if _FILE_SIZE.search(t) and n_words <= 25:
        return "link to a file"
    if n_words <= SELF_CHECK_WORDS and _SELF_CHECK.match(t):
        return "the course's practice prompt"
    if n_words <= WORK_TRAIL_WORDS and _place_in_the_work(t):
        return "running header"
    # (the word count first: a search with ".*" over a page that is one long line is slow)
    if n_words <= 40 and (_NOT_ADVICE.search(t) or _NOT_BINDING.search(t) or _GENERAL_INFORMATION.search(t)):
        return "the site's disclaimer"
    if n_words <= 40 and _AFFILIATE.search(t):
        return "the site's note on its affiliate links"
    if n_words <= 40 and _REUSE_NOTE.search(t):
        return "the site's terms of reuse"
    if n_words <= 40 and _INTERACTIVE.search(t):
        return "the place of an interactive part"
    if n_words <= 40 and (_PRINT_NOTE.search(t) or _REVISION_NOTE.search(t)):
        return "the site's editorial note"
    if n_words <= POWERED_BY_WORDS and _POWERED_BY.match(t):
        return "the site's credit to a service"
    if n_words <= 40 and _SPONSORED_NOTE.search(t):
        return "the site's note on sponsored content"
    if n_words <= 30 and _LIVE_STAMP.search(t):
        return "the live page's update stamp"
    if n_words <= 30 and _REVIEW_STRIP.search(t):
        return "the page's review dates"
    if n_words <= 30 and _CHAT_GREETING.match(t):
        return "the site's chat assistant"
    if n_words <= 20 and _SCAN_CODE.match(t):
        return "a code to scan"
    if n_words <= 40 and _HATNOTE_ABOUT.match(t):
        return "the wiki's link to another article"
    if _RETURN_MARK.match(t):
        return "a footnote's link back to the text"
    if n_words <= 12 and _SLIDE_COUNTER.match(t):
        return "the gallery's counter"
    if n_words <= 50 and _MACHINE_MADE.match(t):
        return "the site's note on a text a machine made"
    if n_words <= 60 and _ATTRIBUTION.match(t):
        return "the site's terms of reuse"
    if n_words <= WIDGET_WORDS and (why := _widget(t, n_words)):
        return why
    if 3 < n_words <= ARROW_LINK_WORDS and _ARROW_END.search(t):
        return "a link's words, its arrow after them"
    return None


# The terms on which the page's words or pictures may be used again: "Photos may be republished free of charge with
# the credit given", "Unless stated otherwise, texts on this site may be reused with attribution."
_REUSE_NOTE = re.compile(
    r"^\W*(?:unless\s+(?:stated|noted|indicated)\s+otherwise|except\s+where\s+(?:otherwise\s+)?(?:noted|stated))\b[^.!?]{0,60}?"
    r"\bmay\s+be\s+(?:freely\s+)?(?:re-?used|republished|reproduced|shared|copied)\b"
    r"|^\W*(?:(?:all|the|our)\s+)?(?:texts?|contents?|material|photo(?:graph)?s|images?|pictures)\b[^.!?]{0,60}?"
    r"\bmay\s+be\s+(?:freely\s+)?(?:re-?used|republished|reproduced)\b[^.!?]{0,60}?\b(?:attribution|credit|free\s+of\s+charge|acknowledg)",
    re.IGNORECASE)
# Where the online edition shows a quiz or a map that the page as text cannot: "An interactive quiz appears here in
# the online edition", "An interactive element has been left out of this version; view it online."
_INTERACTIVE = re.compile(
    r"\binteractive\s+(?:quiz|exercise|element|activity|map|chart|graphic|feature|content|widget|version)s?\b[^.!?]{0,60}?"
    r"\b(?:appears?|is\s+available|are\s+available|(?:has|have)\s+been\s+(?:excluded|removed|left\s+out)|online|view\s+it)\b",
    re.IGNORECASE)
# A note that the printed work differs from the page: "In the printed book this part opens on page 40", "A
# version of this article appears in print on 3 May".
_PRINT_NOTE = re.compile(
    r"^\W*in\s+the\s+print(?:ed)?\s+(?:edition|version|book|issue)\b|^\W*a\s+version\s+of\s+this\s+(?:article|story|piece)\s+appear(?:s|ed)\s+in\s+print\b",
    re.IGNORECASE)
# A wiki's note on which revision the reader sees: "This is the current accepted revision, checked on 2 May. 3 pending
# changes await review."
_REVISION_NOTE = re.compile(
    r"^\W*this\s+is\s+(?:the|an?)\s+(?:latest|current|old|older|stable)\s+(?:reviewed\s+|accepted\s+|checked\s+|stable\s+)?(?:version|revision)\b"
    r"|\b\d{1,4}\s+pending\s+(?:changes?|edits?|revisions?)\s+(?:await|are\s+awaiting|need)\b", re.IGNORECASE)
# A site's credit to the service behind a part of it: "Powered by an outside map service", "Powered by WordPress".
_POWERED_BY = re.compile(r"^\W*(?:search\s+|maps?\s+|bookings?\s+|comments?\s+)?powered\s+by\s+\S", re.IGNORECASE)
#: Most words of such a credit, with a line of small print after it ("Prices include taxes").
POWERED_BY_WORDS = 15
# A site's note that some of the page is paid for: "Sponsored partner content on this page is clearly labelled".
_SPONSORED_NOTE = re.compile(r"\b(?:sponsored|paid|partner|promoted)\s+(?:partner\s+)?(?:content|posts?|listings?|links?)\b[^.!?]{0,60}?"
                             r"\b(?:labell?ed|marked|flagged|identified)\b", re.IGNORECASE)
# A live page's stamp: "● LIVE  Updated 21:58", "Live updates · last update 14:05"; and its pointer to the older
# entries: "Earlier updates below".
_LIVE_STAMP = re.compile(r"^\W*live\b(?:\s+(?:updates?|blog|coverage))?[\s·|:–—-]+(?:updated|last\s+update[ds]?)\b"
                         r"|\b(?:earlier|older|previous)\s+(?:updates|entries|posts)\s+(?:below|above)\b", re.IGNORECASE)
# A page's review stamp and the next one due: "Last reviewed: 2 May 2024 · Next review due: May 2025". A page about
# reviews names them in a sentence, not both stamps side by side.
_REVIEW_STRIP = re.compile(r"\b(?:reviewed|checked|updated)\b\s*:?[^.!?]{0,40}?[·|•]\s*next\s+review\b", re.IGNORECASE)
# A site's chat assistant greeting the reader, with a picture or a greeting before it: "💬 Hello! I'm Pip, the
# Harbour Line's travel helper. Ask me about ferries". A speaker in a transcript greets without a drawn picture.
_CHAT_GREETING = re.compile(
    r"^(?:[\u2190-\u2bff\U0001F000-\U0001FAFF\uFE0F]|\W*(?:hi|hello|hey)\b)[^:]{0,40}?\bI['’]m\s+[A-Z][\w-]*,\s+"
    r"(?:\S+['’]s\s+|your\s+|the\s+|our\s+)?(?:[\w-]+\s+){0,3}(?:assistant|helper|bot|chatbot)\b", re.IGNORECASE)
# A printed or shown code's prompt: "▣ Scan the code to keep this page on your phone", "Scan this QR code to ...".
_SCAN_CODE = re.compile(r"^\W*scan\s+(?:the|this|our)\s+(?:qr[\s-]+)?code\b", re.IGNORECASE)
# A wiki's note under the title on other pages of the same name: "This article is about the harbour. For the
# ferry, see Harbour (ship)."
# Or on a name that leads here: '"Harbour" redirects here. For the ship, see Harbour (ship).'
_HATNOTE_ABOUT = re.compile(r"^\W*(?:this\s+(?:article|page|entry)\s+is\s+about\b[^.]{1,120}|\S[^.]{0,80}?\sredirects\s+here)"
                            r"\.\s*for\s+[^.]{1,120}?,?\s+see\b", re.IGNORECASE)
# A footnote's link back to where it is cited, on a line of its own: "↩", "[↩]", "^".
_RETURN_MARK = re.compile(r"^[\s\[\]()]*[↩⤴⮐↑^][\s\[\]()↩⤴⮐↑^]*$")
# A gallery's counter and its arrows: "Photo 2 of 9  ‹  ›", "Foto 2 de 9", "Slide 3/12". (A caption numbers its picture
# but does not count the gallery: "Photo 4.1  A road ferry ...".)
_SLIDE_COUNTER = re.compile(r"^\W*(?:photo|foto|image|imagen|immagine|picture|slide|bild|gallery|galer[ií]a)s?\s+\d{1,3}"
                            r"\s*(?:of|de|di|von|sur|/)\s*\d{1,3}(?:\W|\b(?:next|previous|prev|back|close|full\s*screen))*$",
                            re.IGNORECASE)
# A site's note that a text was made by a machine and may be wrong: "Transcript produced automatically from the audio
# ... It may contain errors", "This summary was generated by AI and may contain mistakes".
_MACHINE_MADE = re.compile(
    r"^\W*(?:this\s+|the\s+)?(?:transcript|captions?|subtitles|summary|translation)\s+(?:was\s+|is\s+|has\s+been\s+)?"
    r"(?:produced|generated|created|made|written|translated|transcribed)\s+(?:automatically|by\s+(?:a\s+)?(?:machine|software|ai|computer)"
    r"|with\s+(?:ai|software|speech\s+recognition))\b[^!?]{0,160}?\b(?:may|might|can|could)\s+(?:contain|include|have)\s+"
    r"(?:errors|mistakes|inaccuracies)"
    # (a page's own note that a machine translated it: "Parts of this section were translated automatically from ...")
    r"|^\W*(?:(?:parts|some)\s+of\s+)?this\s+(?:section|article|page|entry)\s+(?:was|were|is|are|has\s+been|have\s+been)\s+"
    r"(?:translated\s+automatically|machine[-\s]translated|translated\s+by\s+(?:a\s+)?machine)\b", re.IGNORECASE)
# An open work's attribution statement: "Attribution: 'Reef Studies' by the X team, CC BY 4.0". A picture's credit
# in its caption ("Photo: Ana Lima, CC BY 2.0") is the caption's and is not one.
_ATTRIBUTION = re.compile(r"^\W*attribution\s*:.{0,200}?\b(?:cc[ -]by|creative\s+commons)\b", re.IGNORECASE)
# A weather strip: a temperature beside a sky's symbol or word ("Port Louis 27°C ⛅", "Oslo 4 °C, light rain").
_TEMPERATURE = re.compile(r"(?<![\w.,])-?\d{1,2}\s?°\s?[CF]\b")
_WEATHER_WORD = re.compile(r"[☀☁⛅⛈☂☔❄🌧🌦🌤🌩]|\b(?:sunny|cloudy|overcast|showers?|rain|drizzle|breeze|windy|fog|mist|clear|storms?)\b",
                           re.IGNORECASE)
#: Most words of a weather strip's item.
WEATHER_ITEM_WORDS = 10
# A result between two sides: "NOR 2–1 EST", "Harbour Rovers 0-0 Port Vale".
_SCORE_ITEM = re.compile(r"[^\W\d_]\S*\s+\d{1,3}\s?[–-]\s?\d{1,3}\s+[^\W\d_]")
#: Most words of an item of a ticker ("Basketball: Harbour Hawks 71–64 North Shore Kings Q4").
SCORE_ITEM_WORDS = 12
# A count under a name, as an article's metrics show them: "Reads 880", "12 citations", "Downloads 340".
_METRIC = re.compile(r"^\W*(?:(?:views|downloads|reads|citations|shares|saves|altmetric|mentions)\s+\d[\d,.]*[kKM]?"
                     r"|\d[\d,.]*[kKM]?\s+(?:views|downloads|reads|citations|shares|saves|mentions))\W*$", re.IGNORECASE)
# A chapter of a recording, by the time it starts: "03:10 The harbour".
_TIMED_CHAPTER = re.compile(r"^(?:\d{1,2}:)?\d{1,2}:\d{2}\s+\S")
# An episode of a series, by its number: "Ep. 9 · Net menders", "Episode 12: Tides".
_EPISODE = re.compile(r"(?<!\w)(?:ep|episode|eps)\.?\s*\d{1,4}(?=\s*[·:–—|-]\s*\S)", re.IGNORECASE)
# An item of a row of numbered links: "2. Sending money home".
_NUMBERED_ITEM = re.compile(r"^(\d{1,2})[.)]\s+\S")
# A poll's question, by its label ("QUICK POLL: Have you ...?"); and its answers, each a drawn radio button.
_POLL = re.compile(r"^\W*(?:quick\s+|reader\s+|readers['’]\s+|today['’]s\s+|weekly\s+|our\s+)?poll\s*[:—–·•|-]\s*\S.{0,150}\?\s*$", re.IGNORECASE)
# A poll's results: two shares or more, then the count of votes ("Yes 61%  ·  No 39%   (812 votes)").
_POLL_RESULTS = re.compile(r"^(?=(?:.*?\d\s?%){2})[^.!?]{4,160}?\(?\s*\d[\d,.]*\s*[kK]?\s+(?:votes|voters|responses|readers\s+voted)\s*\)?\W*$",
                           re.IGNORECASE)
_RADIO = re.compile(r"\(\s?\)|[○◯◉●]\s*(?=[^\W\d_])")
# A site's appeal for money: "We're 40% of the way to our spring target"; and its progress bar, drawn in blocks.
_APPEAL = re.compile(r"\b\d{1,3}\s*%\s+of\s+the\s+way\s+to\s+(?:\w+\s+){0,3}(?:goal|target)\b"
                     r"|(?:^|[.!?]\s+)\W*(?:help\s+us\s+)?(?:reach|meet|hit)\s+our\s+(?:\w+\s+){0,3}(?:goal|target)\b"
                     r"|(?:^|[.!?]\s+)\W*become\s+a\s+(?:paying\s+|monthly\s+)?(?:member|supporter|patron)\b"
                     # "Harbour FM is listener-supported. ... → Give now": the station's own note, its button after it
                     r"|^\W*[^.!?]{1,60}?\s(?:is|are)\s+(?:listener|reader|viewer|member)s?[-\s](?:supported|funded)\s*[.!]"
                     r"(?=.*(?:[$£€]\s?\d|\ba\s+month\b|[→›»]|\bdonate\b|\bgive\b))"
                     r"|[→›»]\s*(?:give|donate)\s+(?:now|today)\b", re.IGNORECASE)
_PROGRESS_BAR = re.compile(r"[█▓▒░■□▰▱]{6,}")
#: Most words of an appeal.
APPEAL_WORDS = 40
# A banner's head in capitals, a verb that asks the reader to act, then its pitch after a dash: "RESERVE A SEAT —
# Talks on ...", "TEXT ME STORM WARNINGS — Straight to your phone, free".
_PROMO_HEAD = re.compile(r"^\W*(?P<head>[A-Z][A-Z'’&]*(?:\s+[A-Z0-9][A-Z0-9'’&-]*){1,6})\s*[—–]\s+\S")
_PROMO_VERBS = page_words("promo_head_verbs")
#: Most words of such a banner.
PROMO_WORDS = 45
# A press release's contact for journalists, by name, is the release's own, though its row looks like a footer's
# ("Media contact: Ana Lima, press officer · +1 555 0100"); a footer's "Media contact: press office" names no one.
_MEDIA_CONTACT = re.compile(r"^\W*(?i:media|press)\s+(?i:contacts?|enquiries|inquiries|officer)\s*:\s*[A-Z][\w'’.-]+\s+[A-Z]")


#: Most words of a widget's row (a poll's answers, a recording's chapters, a row of links): a longer line is the page's,
#: and is not split into items (on a page that is one long line, each split cost a tenth of a second).
WIDGET_WORDS = 80


def _widget(t: str, n_words: int) -> str | None:
    """Which widget a short line is, by its shape: a weather strip, an article's counts, a recording's chapters, a
    row of episodes or of numbered links, a poll, an appeal for money, a capitalised banner; or None."""
    if _weather_strip(t):
        return "weather widget"
    if _score_ticker(t):
        return "live-score ticker"
    if _metrics_row(t):
        return "the article's counts"
    if _timed_chapters(t):
        return "the recording's chapters"
    if _episode_row(t):
        return "links to other episodes"
    if _numbered_links_row(t):
        return "a numbered row of links"
    if _POLL.match(t) or _poll_answers(t):
        return "poll"
    if n_words <= APPEAL_WORDS and (_APPEAL.search(t) or _PROGRESS_BAR.search(t)):
        return "the site's appeal for money"
    if _promo_banner(t):
        return "the site's banner"
    if n_words <= COUNTDOWN_WORDS and _COUNTDOWN.search(t) and not _STATEMENT_END.search(t):
        return "countdown"
    return None


# A countdown's clock in days, hours and minutes: "Kick-off in 02d : 05h : 41m", "3 days 4 hrs 12 min left" (not in
# a sentence: "The crossing takes 2 days 4 hours 30 minutes.").
_COUNTDOWN = re.compile(r"(?<![\w.,])\d{1,3}\s?d(?:ays?)?\s*[:·]?\s*\d{1,2}\s?h(?:rs?|ours?)?\s*[:·]?\s*\d{1,2}\s?m(?:ins?|inutes?)?(?!\w)")
#: Most words of a line that holds one.
COUNTDOWN_WORDS = 30


def _weather_strip(text: str) -> bool:
    """A row of short items, one a temperature beside a sky's symbol or word: a site's weather widget ("Port Louis
    27°C ⛅ showers  ·  Harbour: OPEN"). A table's row of temperatures names no sky; a sentence is no item."""
    parts = _parts(text)
    return any(_TEMPERATURE.search(p) and _WEATHER_WORD.search(p) and len(p.split()) <= WEATHER_ITEM_WORDS for p in parts) and not any(
        re.search(r"[a-z][.!?](?:\s|$)", p) for p in parts)


def _score_ticker(text: str) -> bool:
    """A row of two or more results, each two sides and a score between them, none a sentence: a sports site's
    ticker ("LIVE ▸ NOR 2–1 EST 67'  •  FIN 0–0 SWE HT"). A round-up's results are its table's rows, one a line."""
    parts = _parts(text)
    scores = sum(bool(_SCORE_ITEM.search(p)) for p in parts)
    return scores >= 2 and all(len(p.split()) <= SCORE_ITEM_WORDS for p in parts) and not any(_STATEMENT_END.search(p) for p in parts)


def _metrics_row(text: str) -> bool:
    """A row of an article's counts, two or more ("Reads 880  ·  Citations 12  ·  Mentions 4"), its other items
    tools ("Cite ▾", "PDF")."""
    parts = [p for q in _MENU_SEP.split(text.strip()) for p in _SPACED_SEP.split(q) if p.strip()]
    metrics = sum(bool(_METRIC.match(p)) for p in parts)
    return metrics >= 2 and all(_METRIC.match(p) or len(p.split()) <= TOOL_ROW_ITEM_WORDS for p in parts)


def _timed_chapters(text: str) -> bool:
    """A recording's chapters on one line, three or more, each its start time and a few words ("Sections: 00:00 Welcome
    · 03:10 The harbour · 19:45 Goodbyes"), in the order they come."""
    t = re.sub(r"^\W*[^\W\d_]{3,12}\s*:\s*", "", text.strip())
    parts = [p.strip() for p in _MENU_SEP.split(t) if p.strip()]
    if len(parts) < 3 or not all(_TIMED_CHAPTER.match(p) and len(p.split()) <= RUN_ITEM_WORDS + 3 for p in parts):
        return False
    starts = [sum(int(x) * 60 ** k for k, x in enumerate(reversed(p.split()[0].split(":")))) for p in parts]
    return starts == sorted(starts)


def _episode_row(text: str) -> bool:
    """A row of links to other episodes of a series, two or more, each its number and title ("Ep. 9 · Net
    menders    Ep. 8 · The winter pier"), none a sentence."""
    found = _EPISODE.findall(text)
    return len(found) >= 2 and len(text.split()) <= 12 * len(found) and not re.search(r"[a-z][.!](?:\s|$)", _EPISODE.sub(" ", text))


def _numbered_links_row(text: str) -> bool:
    """A row of three or more numbered links set apart by wide gaps, numbered 1, 2, 3 ... ("1. Renewing a passport
    2. Sending money home   3. Which cars rust"): a list of the most read. None a sentence."""
    parts = [p.strip() for p in re.split(r"\s{3,}|\t", text.strip()) if p.strip()]
    numbers = [m.group(1) for p in parts if (m := _NUMBERED_ITEM.match(p))]
    return (len(parts) >= 3 and len(numbers) == len(parts) and [int(x) for x in numbers] == list(range(1, len(parts) + 1))
            and all(len(p.split()) <= RELATED_HEADLINE_WORDS + 10 and not _STATEMENT_END.search(p) for p in parts))


def _poll_answers(text: str) -> bool:
    """A poll's answers on one line, two or more, each behind a drawn radio button ("( ) Yes — 31%   ( ) No — 69%"),
    or with their shares and the count of votes."""
    return (len(_RADIO.findall(text)) >= 2 or bool(_POLL_RESULTS.match(text))) and len(text.split()) <= FORM_LINE_WORDS


def _promo_banner(text: str) -> bool:
    """A banner's capitalised head that asks the reader to act, then its pitch: "RESERVE A SEAT — Talks on ..."."""
    m = _PROMO_HEAD.match(text)
    if not m or len(text.split()) > PROMO_WORDS:
        return False
    words = m.group("head").lower().split()
    return words[0] in _PROMO_VERBS and words[1] not in ("of", "and", "&")


_WEEKDAY_ABBREVIATIONS = page_words("weekday_abbreviations")
#: Fewest day names of a calendar's head row ("Mo Tu We Th Fr Sa Su"; a week's working days are five).
CALENDAR_HEAD_DAYS = 5
#: Fewest rows of day numbers under them: a table of figures by weekday does not count by ones.
CALENDAR_WEEKS = 2
#: Most words of the line over a calendar that names its month ("SUMMARIES BY MONTH  ·  January 2026").
CALENDAR_TITLE_WORDS = 8
_MONTH_NAME = re.compile(CALENDAR_WORD, re.IGNORECASE)


def _calendar_grid(lines: list[Line], found: dict[int, str], text: str | None) -> None:
    """Mark a month's calendar drawn as text, an archive's or a booking widget's: a row of five to seven short day
    names, the rows of day numbers right under it (each one to seven numbers, going up by one, none over 31), and
    the line right over it when it names a month and is no sentence."""
    for i, ln in enumerate(lines):
        names = ln.text.lower().replace(".", " ").split()
        if not CALENDAR_HEAD_DAYS <= len(names) <= 7 or not all(w in _WEEKDAY_ABBREVIATIONS for w in names):
            continue
        j = i + 1
        while j < len(lines) and _next_in_block(lines, j - 1, text) and _day_numbers(lines[j].text):
            j += 1
        if j - i - 1 < CALENDAR_WEEKS:
            continue  # a table of figures by weekday ("Mon   Tue   Wed" over "12   14   9")
        for k in range(i, j):
            found.setdefault(k, "a month's calendar")
        over = lines[i - 1].text if i else ""
        if (over and _next_in_block(lines, i - 1, text) and len(over.split()) <= CALENDAR_TITLE_WORDS
                and _MONTH_NAME.search(over) and not _SENTENCE_END.search(over.strip())):
            found.setdefault(i - 1, "a month's calendar")


def _day_numbers(text: str) -> bool:
    """A week's row of a calendar: "12 13 14 15 16 17 18", "          1  2  3  4"."""
    days = text.split()
    if not 1 <= len(days) <= 7 or not all(d.isdigit() and 1 <= int(d) <= 31 for d in days):
        return False
    return [int(d) for d in days] == list(range(int(days[0]), int(days[0]) + len(days)))


def _print_heads(lines: list[Line], found: dict[int, str], text: str | None) -> None:
    """Mark a printed work's running heads that carry their page numbers: two or more lines alone between blank
    lines, each a head and a page number far apart ("OCEAN STUDIES · A WHITE PAPER      58" ... "Chapter 4 · The
    Pacific      59"), the numbers going up by one to three. A table's rows stand in a block."""
    if text is None:
        return
    heads: list[tuple[int, int]] = []
    for i, ln in enumerate(lines):
        parts = [p.strip() for p in _head_halves(ln.text)]
        alone = (i == 0 or not _next_in_block(lines, i - 1, text)) and (i + 1 == len(lines) or not _next_in_block(lines, i, text))
        # (one head already known by its repeated half still numbers the pages: "56   TITLE" by "CHAPTER 4   57")
        if len(parts) != 2 or not alone or found.get(i, "the work's running head") != "the work's running head":
            continue
        number = next((p for p in parts if re.fullmatch(r"\d{1,4}", p)), None)
        other = parts[0] if number == parts[1] else parts[1]
        if number and len(_words(other)) >= RUNNING_HEAD_WORDS and not _SENTENCE_END.search(other):
            heads.append((i, int(number)))
    for (i, a), (k, b) in zip(heads, heads[1:]):
        if 1 <= b - a <= 3:
            found[i] = found[k] = "the work's running head"


# A site's disclaimer: "This guide is general information, not legal or tax advice."
# A course page's prompt to its quiz or a hidden answer: "Check your understanding: ... Show answer".
_SELF_CHECK = re.compile(r"^\W*(?:check\s+your\s+(?:understanding|knowledge|progress)|(?:test|quiz)\s+yourself|self[- ]check)\s*[:?!.–—-]", re.IGNORECASE)
#: Most words of such a prompt.
SELF_CHECK_WORDS = 30
# "Information here is general; ask a pilot before you sail", "The information on this page is general guidance".
_GENERAL_INFORMATION = re.compile(r"\binformation\s+(?:here|on\s+this\s+(?:page|site|website))\s+is\s+(?:general|for\s+general)\b",
                                  re.IGNORECASE)
# Where in a long work the page stands, after the work's or the site's name: "Harbour Studies 2025  >  Chapter 3  ...",
# "IsleLearn  |  GEOG 210  |  Week 4". (A line that opens with "Chapter 3" is the chapter's heading.)
_TRAIL_MARK = re.compile(r"\s+[|>›»]\s+")
_WORK_PART = re.compile(r"^(?:chapter|part|unit|module|week|lesson|section|volume)\s+[\dIVXLC]+\b", re.IGNORECASE)
#: Most words of such a line.
WORK_TRAIL_WORDS = 20


def _place_in_the_work(text: str) -> bool:
    parts = [p.strip() for p in _TRAIL_MARK.split(text.strip()) if p.strip()]
    return (2 <= len(parts) and len(text.split()) <= WORK_TRAIL_WORDS and not _SENTENCE_END.search(text)
            and any(_WORK_PART.match(p) for p in parts[1:]))


# A summary's note that it is the site's, not the decision: "prepared by the press office for information only. It
# does not bind the Court".
# ("... prepared by court staff to help the public follow the judgment. It forms no part of the Court's reasons")
_NOT_BINDING = re.compile(
    r"\bfor\s+(?:information(?:al)?|orientation|guidance)\s+(?:purposes\s+)?only\b.*\b(?:not|no)\b.*\bbind"
    r"|\b(?:summary|note)\b.*\b(?:prepared|written)\b.*\b(?:does\s+not\s+bind|is\s+not\s+binding|forms?\s+no\s+part"
    r"|does\s+not\s+form\s+(?:any\s+)?part|is\s+not\s+(?:a\s+)?part\s+of)\b",
    re.IGNORECASE)
# "Some links in this guide earn us a small commission", "This timetable contains affiliate links".
_AFFILIATE = re.compile(r"\baffiliate\s+links?\b|\blinks?\b.*\bearns?\s+(?:us\s+)?(?:a\s+)?(?:small\s+)?commission\b"
                        r"|\bearns?\s+(?:us\s+)?(?:a\s+)?(?:small\s+)?commission\b.*\blinks?\b", re.IGNORECASE)
# A line that ends with an arrow is a link's words, however long ("Public consultation on this paper is open until
# 30 April. Tell us what you think →"); a page's own sentences do not end so.
_ARROW_END = re.compile(r"\s(?:→|›)$")
#: Most words of such a link.
ARROW_LINK_WORDS = 30
_NOT_ADVICE = re.compile(r"\bnot\s+(?:(?:legal|financial|tax|medical|professional|investment)\s+(?:or\s+)?){1,3}advice\b", re.IGNORECASE)


# A wiki's note over a section that sends the reader to another article: "Main article: X", "See also: Y".
_HATNOTE = re.compile(r"^\W*(?:main\s+articles?|see\s+also)\s*:\s*\S", re.IGNORECASE)
# A link's note that it opens another window: "(opens in a new tab)".
_NEW_WINDOW = re.compile(r"\bopens?\s+in\s+(?:a\s+)?new\s+(?:window|tab)\b", re.IGNORECASE)
# A textbook site's note to the teachers who use it: "Instructors: slides for this section are in ...".
_TEACHERS_NOTE = re.compile(r"^\W*(?:(?:teachers|instructors|educators|lecturers|tutors)\s*:\s"
                            r"|(?:teacher|instructor|educator|lecturer|tutor)(?:s['’]?|['’]s)?\s+(?:note|notes|resources?|guide)\b)", re.IGNORECASE)
# A file's type and size in brackets: "(CSV, 14 KB)", "(PDF, 2.4 MB)": a link to it, whatever the words around it.
_FILE_SIZE = re.compile(r"\(\s*(?:[A-Za-z]{2,5}|\.[a-z]{2,4})\s*,\s*\d[\d.,]*\s*[KMG]B\s*\)")


# Under a wiki article's title: "From Wikipedia, the free encyclopedia", "From Travelwiki, the open travel guide".
_WIKI_TAGLINE = re.compile(
    r"^(?:An?\s+(?:article|entry|page)\s+from|From)\s+[A-Z][\w.-]{0,40},\s+the\s+(?:[\w-]{1,20}\s+){0,3}"
    r"(?:encyclop(?:a|ae|e)dia|wiki|dictionary|guide|reference|atlas|newsroom|news|newswire|wire)(?:\s+[\w'’-]+){0,5}\W{0,3}$"
)


_PAGE_TABS = page_words("page_tabs")


def _page_tabs(text: str) -> bool:
    """A wiki article's tabs ("Page   Discussion   Edit source   History"): a row of links, two of them tabs. It
    stands under the article's title, so the line over it is no site name over its menu."""
    parts = _parts(text)
    return len(parts) >= 3 and sum(" ".join(_words(p)) in _PAGE_TABS for p in parts) >= 2


# "Crown copyright", "Text copyright Jane Roe"; a line that opens with the word is a notice only in a notice's
# shape (a year, "by", "all rights"): "Copyright reform in Europe" is a title. Chrome is found before mojibake is
# repaired, and UTF-8 read as Windows-1252 turns é into "Ã©" (ĩ "Ä©", Щ "Ð©"): a © after Ã-ß is the second
# half of a letter ("Posted by RenÃ© Roux" is no notice); only "Â©" is the sign itself.
_EDGE_COPYRIGHT = re.compile(
    r"(?<![\u00c3-\u00df])©|(?<=\w\s)copyright\b|^\s*copyright\b(?=.*(?:\b(?:1[89]|20)\d\d\b|\bby\b|\ball rights\b))", re.IGNORECASE
)
# A picture's credit ("Harbour at dusk. Photo © Jane Roe") is part of its caption, even at the page's edge.
_PICTURE_CREDIT = re.compile(r"\b(?:photo|photograph|image|picture|illustration|credit|courtesy)s?\b", re.IGNORECASE)
_URL_LINE = re.compile(r"^(?:[\w ]{0,20}:?\s*)?[\"“(]?(?:https?://|www\.)\S+[\"”)]?\.?$", re.IGNORECASE)
# A site's name written as its address: "GOV.UK", "Canada.ca", "islescourier.example.com".
_DOMAIN_NAME = re.compile(r"^(?:www\.)?[A-Za-z][\w-]*(?:\.[A-Za-z][\w-]*)*\.[A-Za-z]{2,6}$")
# A note from the site's editors on the page itself: "This article is archived and can no longer be edited", "This
# summary was prepared by the editors of X ...".
_EDITORIAL_NOTE = re.compile(
    r"^\W*this\s+(?:interview|transcript|conversation)\s+has\s+been\s+(?:edited|condensed|lightly\s+edited)\b|^\W*(?:please\s+)?check\s+against\s+(?:delivery|the\s+spoken\s+word)\W*$"
    # ("Speech as prepared. The spoken version may differ.", "This story features first-hand reporting by ...")
    r"|^\W*(?:speech|remarks|text|address)\s+as\s+(?:prepared|drafted)\b|\bthe\s+spoken\s+(?:version|word)\s+may\s+differ\b"
    # (after any words: "The remarks as prepared for delivery are below; check them against the recording.")
    r"|^[^.!?]{0,80}?\bas\s+prepared\s+for\s+delivery\b|^[^.!?]{0,80}?\bas\s+delivered\s+may\s+differ\b"
    r"|^\W*(?:[^\W\d_][^.!?—–:]{0,30}\s*[—–:]\s*)?this\s+(?:story|article|report)\s+(?:features|contains|includes)\s+(?:first-hand|original)\s+(?:reporting|journalism)\b"
    # ("All timestamps are approximate", "This is an author manuscript; cite the published version.")
    r"|^\W*(?:all\s+|the\s+)?time\s*stamps?\s+(?:are|is)\s+(?:approximate|automatic|machine)"
    r"|^\W*this\s+(?:is\s+)?(?:the|an)\s+(?:author(?:s['’]?|['’]s)?\s+)?(?:accepted\s+manuscript|pre-?print|post-?print|author\s+manuscript)\b"
    r"|^\W*(?:our|the)\s+editors\s+(?:produced|prepared|compiled|made)\s+this\s+(?:transcript|summary|translation)\b"
    # ("This transcript was produced by speech recognition and checked by an editor.")
    r"|^\W*this\s+transcript\s+(?:is|was|has\s+been)\s+(?:produced|generated|made|created|transcribed)\s+(?:from\s+the\s+(?:audio|recording|broadcast)\s+)?(?:by|with|using)\s+"
    r"(?:automatic\s+|machine\s+)?(?:speech|voice|software|transcription|an?\s+(?:machine|computer|ai))\b"
    # ("Transcript made from the recording by our volunteers; check it against the audio before quoting.")
    r"|^\W*(?:this\s+|the\s+)?transcript\s+(?:(?:is|was|has\s+been)\s+)?(?:produced|generated|made|created|prepared|typed)\s+from\s+the\s+(?:audio|recording|broadcast|tape)\b"
    r"|^[^.!?]{0,160}?\bcheck\s+(?:it\s+|them\s+)?against\s+the\s+(?:recording|audio|broadcast|tape)\s+before\s+(?:quoting|citing|publishing)\b"
    r"|^\W*this\s+(?:article|page|story|post|entry|summary|report|item)\s+(?:is|was|has\s+been)\s+"
    r"(?:archived|(?:prepared|written|compiled)\s+by\s+(?:the|our)\s+(?:[^\W\d_][\w'’-]*\s+){0,2}editors|(?:automatically\s+|machine[- ])translated"
    r"|no\s+longer\s+(?:updated|maintained))\b", re.IGNORECASE)
# A wiki's maintenance banner over an article: "This article needs additional citations. Please help improve it ...".
_MAINTENANCE_NOTE = re.compile(
    r"^\W*(?:(?:most|much|parts?|some|all)\s+of\s+)?this\s+(?:article|page|section|biography|profile|entry)\b(?:.{0,100}?\bplease\s+help\s+(?:us\s+)?(?:improve|expand|by\s+adding)\b"
    r"|.{0,100}?\byou\s+can\s+help\s+(?:by|to|improve|expand)\b"
    # ("This biography of a living person relies too much on ...")
    r"|(?:\s+[\w'’-]+){0,6}?\s+(?:is\s+a\s+stub|needs\s+additional\s+citations|has\s+multiple\s+issues|does\s+not\s+cite\s+any\s+sources"
    r"|cites\s+too\s+few\s+sources|relies\s+(?:too\s+(?:much|heavily)|largely|mostly|entirely|only)\s+on)\b)"
    r"|^\W*please\s+help\s+(?:us\s+)?(?:by\s+|to\s+)?(?:improve|add|find|expand|cit)[^.!?]{0,60}\b(?:sources|citations|references)\b"
    r"|^\W*learn\s+how\s+and\s+when\s+to\s+remove\s+this\s+(?:template\s+)?message\b"
    # (a wiki project's banner, after the article's badge: "★ Good article · This article is within the scope of ...")
    r"|^[^.!?]{0,40}?\bthis\s+(?:article|page)\s+is\s+(?:within|part\s+of)\s+the\s+scope\s+of\b",
    re.IGNORECASE)
# A wiki's categories, however many: "Categories: 1931 births | Hydrologists | People from ...".
_WIKI_CATEGORIES = re.compile(r"^\W*categor(?:y|ies)\s*:\s*[^|]{1,80}(?:\|[^|]{1,80}){2,}$", re.IGNORECASE)
# A link to a gallery by its count of pictures: "Photo gallery: the forum in pictures (24 photos)".
_GALLERY_LINK = re.compile(r"\(\s*\d{1,4}\s+(?:photos|pictures|images|slides)\s*\)\s*$", re.IGNORECASE)
# A cookie banner's sentences: "We use cookies to ...", "... you agree to our use of cookies".
_COOKIE_SENTENCE = re.compile(r"^\W*(?:this\s+site|we)(?:\s+and\s+our\s+\w+)?\s+(?:use|uses|keep|keeps|set|sets|store|stores|place|places)\s+"
                              r"(?:(?:a|one|two|three|some|a\s+few|only|just|small|little|essential|necessary|functional)\s+){0,3}cookies\b|\bour\s+use\s+of\s+cookies\b|\baccept\s+(?:all\s+)?cookies\b",
                              re.IGNORECASE)
# The page's languages as a count with a toggle: "12 languages ▾".
_LANGUAGE_COUNT = re.compile(r"^\W*(?:\S{1,2}\s+)?\d{1,3}\s+languages?\W*$", re.IGNORECASE)
# A count of comments alone: "23 comments", "1 comment".
# (with what the posts are under, before a colon: "Discussion of this notice: 9 new posts")
# ("Comments (3)", and the prompt beside it: "Comments (3)   ·   Sign in to reply")
_COMMENT_COUNT = re.compile(r"^\W*(?:[^:.!?]{1,40}:\s*)?\d{1,5}\s+(?:new\s+|unread\s+)?(?:comments?|replies|responses|posts)\W*$"
                            r"|^\W*(?:comments?|replies|responses)\s*\(\d{1,5}\)(?:\s*[·|]\s*[^.!?]{0,60})?$",
                            re.IGNORECASE)
# A notice a reader can close, its button drawn after it: "Reminder: the quiz closes on Friday.   ✕".
_CLOSE_BUTTON_END = re.compile(r"\S\s{2,}(?:✕|✖|×|╳|\[\s*[x×✕]\s*\])$")
#: Most words of such a notice.
CLOSABLE_NOTICE_WORDS = 40
# The app stores' badges: "Get it on Google Play", "Download on the App Store".
_APP_BADGES = re.compile(r"\bget\s+it\s+on\s+google\s+play\b|\b(?:download|available)\s+on\s+the\s+app\s+store\b", re.IGNORECASE)
_AD_SLOT = re.compile(r"^\W*(?:advertisement|advert|sponsored(?:\s+content)?|ad)\W*$", re.IGNORECASE)
# An advertisement's note where the advertisement's label is not: "Continue reading below", "Story continues below".
_AD_NOTE = re.compile(r"^\W*(?:(?:continue|keep)\s+reading|(?:the\s+)?(?:article|story|text)\s+continues)"
                      r"\s+(?:below|after\s+(?:the\s+|this\s+)?(?:ad|advertisement|message|break|sponsored\s+message))\W*$", re.IGNORECASE)
# An advertisement's label and its text on one line: "SPONSORED · Rain shells, now 20% off ›", "Advertisement: ...".
_AD_LABELLED = re.compile(
    r"^\W*(?:advertisement|advert|sponsored(?:\s+content)?|promoted|partner\s+content|paid\s+content|ad)\s*[·|:–—]\s*\S",
    re.IGNORECASE)
#: Most words of an item of a row that holds an advertisement's label ("GAMBLE RESPONSIBLY 18+  ·  Advertisement").
AD_ROW_ITEM_WORDS = 4


def _ad_label_row(text: str) -> bool:
    """A row of short items, one of them an advertisement's label: the label with its small print."""
    parts = _parts(text)
    return len(parts) >= 2 and any(_AD_SLOT.match(p) for p in parts) and all(len(p.split()) <= AD_ROW_ITEM_WORDS for p in parts)


#: Most words of an advertisement written with its label on one line.
AD_LINE_WORDS = 25
# A wiki's note under the title of a page reached by another name: "(Redirected from Old name)".
_REDIRECTED = re.compile(r"^\(\s*redirected\s+from\s+[^()]{1,80}\)$", re.IGNORECASE)
# A site's licence notice: "Text is available under the Creative Commons licence", "Content licensed under CC BY-SA".
# It opens with what is licensed, so a sentence about licences ("We studied why content released under...") is not one.
_LICENCE = re.compile(
    r"^\W*(?:(?:all|the|this|our)\s+)?(?:text|contents?|material|work|page|article|site|images?|photos?)\b.{0,40}?"
    r"\b(?:available|licen[cs]ed|published|released|shared)\s+under\b.*\b(?:licen[cs]es?|creative\s+commons|cc[ -]by|gfdl)\b"
    # (the work named by its title: "Island Environments by the X Collective is licensed under a Creative Commons ...")
    r"|(?:^\W*|\b(?:is|are)\s+)(?:licen[cs]ed|available|released|shared|published)\s+under\s+(?:a\s+|the\s+)?(?:creative\s+commons|cc[ -]by|gnu)\b",
    re.IGNORECASE,
)
# A cookie banner: "This site uses cookies. Learn more | Got it" (a page about baking names no site or consent).
_COOKIES = re.compile(
    r"\bcookies\b.*\b(?:site|website|browser|accept|consent|settings|preferences|learn\s+more)\b"
    r"|\b(?:this\s+)?(?:site|website|portal)\s+uses\s+(?:[a-z]+\s+){0,2}cookies\b"  # "This site uses (essential) cookies to count visits"
    r"|^\W*we(?:\s+and\s+our\s+\w+)?\s+use\s+cookies\b",  # "We and our suppliers use cookies to count visits"
    re.IGNORECASE,
)
# Notices a site's owner must or likes to print in its footer, by their opening words (page_words "footer_notices").
_FOOTER_NOTICES = page_words("footer_notices")
# A wiki's footer: "Retrieved from the travel wiki", "Retrieved from https://...".
_RETRIEVED = re.compile(r"^\W*retrieved\s+from\b", re.IGNORECASE)
_EDGE_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")


_LANGUAGE_NAMES = page_words("language_names")
_LANGUAGE_SEP = re.compile(r"\s*(?:\||•|·|¦|/)\s*|\s{2,}")


_LANGUAGES_HEAD = re.compile(r"\W*(?:other\s+|available\s+)?languages?(?:\s+available)?\W*", re.IGNORECASE)
#: Fewest languages of a list of the page's languages written one to a line.
LANGUAGE_LIST_NAMES = 3


def _language_list(lines: list[Line], i: int, last: int, found: dict[int, str], text: str | None) -> int:
    """Mark a block that starts at ``lines[i]`` as the list of the languages the page is in, one to a line
    ("Languages" / "Deutsch" / "Español" / "Suomi" / "Edit links"): three or more language names, its other lines
    interface words. Returns the index to look at next."""
    if text is None:
        return i + 1
    j = _block_end(lines, i, last, text)
    block = [lines[k].text.strip() for k in range(i, j + 1)]
    names = sum(t.lower() in _LANGUAGE_NAMES for t in block)
    if names >= LANGUAGE_LIST_NAMES and all(t.lower() in _LANGUAGE_NAMES or _ui_only(t) or _mostly_ui(t)
                                             or _LANGUAGES_HEAD.fullmatch(t) for t in block):
        for k in range(i, j + 1):
            found.setdefault(k, "the page's languages")
    return j + 1


#: Fewest languages the list knows in a row of languages that also names some it does not (a country's own
#: languages, "Español   English   Quechua   Aymara   Guaraní").
LANGUAGE_ROW_KNOWN = 3


def _language_switch(text: str) -> bool:
    """A row of two or more languages, each by its own name or its two-letter code: "NL | EN", "English · Français";
    or of three or more the list knows, more than half of the row, the rest one word each."""
    parts = [p for p in _LANGUAGE_SEP.split(text.strip()) if p]
    known = [bool(re.fullmatch(r"[A-Z]{2}", p) or p.lower() in _LANGUAGE_NAMES) for p in parts]
    if len(parts) >= 2 and all(known):
        return True
    return (sum(known) >= LANGUAGE_ROW_KNOWN and sum(known) > len(parts) / 2
            and all(k or re.fullmatch(r"[^\W\d_]+", p) for k, p in zip(known, parts)))


# A public site's banner saying it is one, and how to tell: "An official website of the X government. Here's how
# you know", "Official web portal of the Government of X. Real pages carry the crest".
_OFFICIAL_SITE = re.compile(r"^\W*(?:an?\s+|the\s+)?official\s+(?:web\s*site|site|portal|web\s+portal)\s+of\s+(?:the\s+)?\S",
                            re.IGNORECASE)
#: Most words of such a banner.
OFFICIAL_SITE_WORDS = 30


def chrome_at_edge(text: str) -> str | None:
    """Why a line is site chrome when it stands among the page's edge lines, or None (its separators read as
    :func:`chrome_anywhere` reads them)."""
    t = text.strip()
    return _chrome_at_edge(t) or (_chrome_at_edge(u) if (u := _common_separators(t)) != t else None)


#: Most words of a site's name with its motto.
MASTHEAD_WORDS = 20
# A site's name in capitals, a mark, and its motto in lower case, no sentence: "HARBOUR GUIDES — walks and ferries
# of the outer isles", "THE ISLES POST ~ news from the north since 1902". A title in capitals has no motto after a
# mark; a heading over a subtitle ("CHAPTER 4 — The border trade") keeps its capital.
_MASTHEAD = re.compile(r"^(?:THE\s+)?[A-Z][A-Z&'’.-]+(?:\s+[A-Z][A-Z&'’.-]+){1,5}\s+[^\w\s]{1,2}\s+([a-z][^.!?:]*)$")
#: Fewest words of the motto.
MOTTO_WORDS = 3


def _chrome_at_edge(t: str) -> str | None:
    if why := _chrome_anywhere(t):
        return why
    if _has_huge_word(t) or _MEDIA_CONTACT.match(t):
        return None
    if _language_switch(t):
        return "language switch"
    if _OFFICIAL_SITE.match(t) and len(t.split()) <= OFFICIAL_SITE_WORDS:
        return "the site's notice that it is an official one"
    if _is_trail(t):
        return "breadcrumb trail"
    # (the words first: the pattern is not run on a long line)
    if len(t.split()) <= MASTHEAD_WORDS and (m := _MASTHEAD.match(t)) and len(m.group(1).split()) >= MOTTO_WORDS:
        return "the site's name and motto"
    if _is_spaced_menu(t) or _is_edge_pair(t):
        return "menu of short link-like items"
    if _legal_notice(t):
        return "the site owner's registration"
    if _owner_address(t):
        return "the site owner's address"
    if _utility_bar(t):
        return "menu of short link-like items"
    if _call_to_action(t):
        return "call-to-action button"
    if _banner_with_button(t):
        return "banner with its button"
    if _ui_only(t) and not _guide_heading(_words(t)):
        return "web-interface link"
    if _EDGE_COPYRIGHT.search(t) and len(t.split()) <= 15 and not _PICTURE_CREDIT.search(t):
        return "copyright line"
    if _copyright_row(t):
        return "copyright line"
    if _name_and_links(t):
        return "site name with its account links"
    if _URL_LINE.match(t):
        return "address of the page"
    if _DOMAIN_NAME.match(t):
        return "the site's name, written as its address"
    # The word count first: on a long line of the same word, the pattern's search from each "cookies" is quadratic.
    if len(t.split()) <= 30 and _COOKIES.search(t):
        return "cookie banner"
    if _LABELS_LINE.match(t) and len(t.split()) <= 20:
        return "the post's tags or categories"
    if len(t.split()) <= 40 and any(" ".join(_words(t)[:4]).startswith(o) for o in _FOOTER_NOTICES):
        return "the site's notice"  # "Authorised by J. Roe, 4 Quay St, ...", "We acknowledge the Traditional Owners ..."
    if _FEEDBACK.match(t) and _ui_only(t.split("?")[0].split()[-1]):
        return "feedback widget"  # "Was this page helpful? Yes No", its buttons written as words
    if len(t.split()) <= 30 and (_LICENCE.search(t) or _RETRIEVED.match(t)) and not _PICTURE_CREDIT.search(t):
        return "licence or source notice"
    sentences = _EDGE_SENTENCE.split(t)
    if len(sentences) >= 2 and all(chrome_at_edge(x) for x in sentences):
        return "notices of the site"  # "Last edited on 3 May 2019. Text is available under ..."
    words = _words(t)
    if words and words[0] in _TOOL_VERBS and len(words) <= 6 and not _SENTENCE_END.search(t) and _tool_object(t):
        return "page tool"
    if _feedback_buttons(t):
        return "feedback widget"
    if _download_link(t):
        return "page tool"
    if _arrow_link(t):
        return "link to the post before or after"
    if _FORM_NOTE.search(t) and len(t.split()) <= 30:
        return "a comment form's note"
    if _row_of_controls(t):
        return "menu of short link-like items"
    if _mostly_ui(t):
        return "web-interface link"
    return None


#: Most words of a control named mostly in interface words ("More in this series", "Contact the press office").
MOSTLY_UI_WORDS = 6
#: A control's words (function words aside) are more than this share interface words.
MOSTLY_UI_SHARE = 0.5


#: Most words of a footer's row of items, one of them its copyright notice.
COPYRIGHT_ROW_WORDS = 30


#: Most words of a banner's note before its button ("Your gift keeps a seed bank stocked for a year. Donate now").
BANNER_NOTE_WORDS = 25


def _banner_with_button(text: str) -> bool:
    """A banner's note and its button on one line: a sentence or two, then a call to action with no full stop."""
    head, _, tail = text.strip().rpartition(". ")
    return bool(head) and len(head.split()) <= BANNER_NOTE_WORDS and _call_to_action(tail)


def _copyright_row(text: str) -> bool:
    """A footer's row of items, one of them the copyright notice ("Information Service · Bay Street, St Michael ·
    Tel. 555-0123 · © Government of X"); longer than a notice alone may be, each item short, none a sentence."""
    parts = [p.strip() for p in _MENU_SEP.split(text.strip()) if p.strip()]
    if len(parts) < 3 or len(text.split()) > COPYRIGHT_ROW_WORDS:
        return False
    return (any(_COPYRIGHT.match(p) for p in parts)
            and all(len(p.split()) <= BANNER_NAME_WORDS and not _SENTENCE_END.search(p) for p in parts))


# Far apart on one line: a site's name at one end of its header, its account links at the other.
_WIDE_GAP = re.compile(r"\s{4,}|\t")


def _name_and_links(text: str) -> bool:
    """A site's name and, far apart from it on the same line, its row of account or menu links ("JURISEAST · Case
    Law Reporter          Log in  |  Register  |  Subscribe")."""
    pieces = [p.strip() for p in _WIDE_GAP.split(text.strip()) if p.strip()]
    if len(pieces) != 2:
        return False
    name, links = pieces
    if len(name.split()) > BANNER_NAME_WORDS or _SENTENCE_END.search(name) or re.search(r"\d", name):
        return False
    return (_is_menu(links) or _utility_bar(links)) and any(_ui_only(p) for p in _parts(links))


def _mostly_ui(text: str) -> bool:
    """A short line at the page's edge, no sentence and no figure, more than half of whose words (function words
    aside) are interface words or a page tool's verbs: a control whose other words name the site's own parts
    ("View all articles by this author"). Half is a title's ("Autumn newsletter", "Follow the Council on X")."""
    if len(text.split()) > MOSTLY_UI_WORDS or _SENTENCE_END.search(text) or re.search(r"\d", text):
        return False
    if _guide_heading(_words(text)):
        return False  # a travel guide's "Go next", "Get around"
    words = [w for w in _words(text) if w not in _FUNCTION_WORDS]
    ui = [w for w in words if w in _UI_WORDS or w in _TOOL_VERBS or w in _ACTION_WORDS]
    return bool(ui) and len(ui) > MOSTLY_UI_SHARE * len(words)


def _tool_object(text: str) -> bool:
    """What a page tool acts on is the reader's or the page's ("to my trip", "this article", "PDF").

    A title that opens with the same verb names something ("Save the Children",
    "Return of the Native"): a capitalised word that is no interface word.
    """
    rest = text.split()[1:]
    if any(w[:1].isupper() and _words(w) and _words(w)[0] not in _UI_WORDS for w in rest):
        return False
    return any(w in _UI_WORDS or w in ("this", "my", "your", "our", "to") for w in _words(" ".join(rest)))


def _site_name(text: str, footer: list[str]) -> bool:
    """A short line at the top that the footer's copyright line names ("© 2022 The Daily Gull")."""
    t = text.strip()
    if not t or len(t.split()) > 6 or _SENTENCE_END.search(t):
        return False
    # (Checked first: compiling a pattern of a line costs as much as the line is long.)
    if not footer or len(t) > max(len(f) for f in footer):
        return False
    # Named as the owner, right after the sign and the years: "© 2021 Harbour Herald", not a page
    # title the notice mentions further on ("... text of the article 'Harbour' by ...").
    pattern = re.compile(
        rf"(?:©|\(c\)|copyright)\s*(?:\d{{4}}(?:\s*[-–]\s*\d{{4}})?\s*,?\s*)?(?:the\s+)?{re.escape(t)}(?!\w)", re.IGNORECASE
    )
    return any(pattern.search(f) for f in footer)


def _banner_over_menu(lines: list[Line], i: int) -> bool:
    """The page's first line, a short name right over the site's menu ("Harbour Rowing Club" / "Home | Crews | Join")."""
    t = lines[i].text.strip()
    if i != 0 or not t or _SENTENCE_END.search(t) or t.endswith(":"):
        return False
    # A long name is still a name when every word is capitalised ("Embassy of the Republic of X in Y").
    if len(t.split()) > 6 and not (len(t.split()) <= BANNER_NAME_WORDS and _all_capitalised(t)):
        return False
    below = lines[i + 1].text.strip()
    return _is_menu(below) or _is_spaced_menu(below)


#: Most words of a site's name over its menu when every word is capitalised (an embassy's, a ministry's).
BANNER_NAME_WORDS = 12


def _all_capitalised(text: str) -> bool:
    """Every word is capitalised, joining words ("of", "the") aside, and none is a figure."""
    words = text.replace(",", " ").split()
    return not re.search(r"\d", text) and all(w[:1].isupper() or w.lower() in _NAME_PARTS for w in words)


_ORG_KINDS = page_words("organisation_kinds")
_NAME_PARTS = {"of", "the", "and", "&", "for", "on", "in", "at", "upon", "de", "la", "le"}


def _banner_name(text: str) -> str | None:
    """A short line that is only a name ("St Anne's Church, Oldbury", "Harbour Rowing Club"): the name before any
    comma, or None. Every word is capitalised (joining words aside); no sentence end, no figure."""
    t = text.strip()
    if not t or len(t.split()) > 8 or _SENTENCE_END.search(t) or t.endswith(":") or re.search(r"\d", t):
        return None
    if not _all_capitalised(t):
        return None
    name = t.split(",")[0].strip()
    return name if len(name.split()) >= 2 else None


def _banner_of_body(lines: list[Line], i: int, footer: list[str]) -> bool:
    """The page's first line is the site's banner though no menu follows it: a name that a footer line names again
    ("Holy Well Chapel, Chapel Lane, ..."), or the name of a church, club or school right over a title-shaped line."""
    if i != 0 or i + 1 >= len(lines):
        return False
    name = _banner_name(lines[i].text)
    if name is None:
        return False
    low = name.lower()
    if any(low in f.lower() for f in footer if len(f) <= 4 * len(name) + 200):
        return True
    if _words(name)[-1] not in _ORG_KINDS:
        return False
    below = lines[i + 1].text.strip()
    return 0 < len(below.split()) <= 12 and not _SENTENCE_END.search(below) and below[:1].isupper()


def _banner_over_trail(text: str, below: str) -> bool:
    """A short line right over a breadcrumb trail at the top is the site's banner ("Annual Report | Ministry of X"),
    unless the trail ends with it: then it is the page's own title, said again."""
    t = text.strip()
    if not _is_trail(below) or len(t.split()) > 12 or _SENTENCE_END.search(t):
        return False
    last = [p for p in _TRAIL_SEP.split(below.strip()) if p.strip()][-1].strip()
    return last.lower() != t.lower()


#: A sentence-long line: the page's prose, where a title's words come back and a control's do not.
PROSE_LINE_WORDS = 8
#: Times the page's prose must name a lone interface-word line for it to be the page's subject, not a link.
PROSE_MENTIONS = 2
#: Lines of several words looked up in the prose at most (each lookup reads the prose once).
PROSE_LOOKUPS = 32
#: Longest line (in words) :meth:`_Prose.names` looks for in the prose. Interface lines are a few words; a page with
#: no line break is one line of thousands, whose phrase took 0.4 s to compile and search for 100 KB.
PROSE_PHRASE_WORDS = 24


class _Prose:
    """The page's prose lines, to ask whether an edge line of interface words names the page's subject.

    A textbook section titled "Language" or a paper titled "Sign language" is made of interface words
    ("language" names a site's language menu, "sign" its sign-in), but the prose below names its subject
    again and again, and names a site's "Contact" or "Search" seldom. Built on the first question only.
    """

    def __init__(self, lines: list[Line]) -> None:
        self._lines = lines
        self._text: str | None = None
        self._words: Counter[str] = Counter()
        self._lookups = 0

    def _build(self) -> str:
        if self._text is None:
            prose = [ln.text.lower() for ln in self._lines if len(ln.text.split()) >= PROSE_LINE_WORDS]
            self._text = "\n".join(prose)
            self._words = Counter(_words(self._text))
        return self._text

    def names(self, line: str) -> bool:
        """Does the prose name what ``line`` says at least :data:`PROSE_MENTIONS` times?"""
        text = self._build()
        words = _words(line)
        if len(words) == 1:
            return self._words[words[0]] >= PROSE_MENTIONS
        if not words or len(words) > PROSE_PHRASE_WORDS or self._lookups >= PROSE_LOOKUPS:
            return False
        self._lookups += 1
        phrase = r"\W+".join(re.escape(w) for w in words)
        return len(re.findall(rf"(?<!\w){phrase}(?!\w)", text)) >= PROSE_MENTIONS


_FEEDBACK_ANSWERS = page_words("feedback_answers")
# A download link names its file's type and size: "Download the entry form (PDF, 240 KB)".
_FILE_TAG = re.compile(r"\(\s*(?:(?:[A-Za-z]{2,5}|\.[a-z]{2,4})(?:\s*,\s*\d[\d.,]*\s*[KMG]B)?|\d[\d.,]*\s*[KMG]B)\s*\)\s*$")
# Links to the post before and after, pointing away: "« Older post", "Newer post »", "← Back to the list".
_LEFT_ARROW = re.compile(r"^\s*[←«‹◀◄◂]")
_RIGHT_ARROW = re.compile(r"[→»›▶►▸]\s*$")
# The ends of a row of links to the page before and after: "◀ 2. Europe ... 4. Asia ▶", "Previous: 5.2 ... Next: 5.4 ...".
_PREVIOUS = re.compile(r"^\s*(?:[←«‹◀◄◂]|(?:previous|prev)\b)", re.IGNORECASE)
_NEXT = re.compile(r"[→»›▶►▸]\s*$|^\s*next\b", re.IGNORECASE)
# Pictures that stand for words on buttons ("👍 Yes   👎 No"): no letters, figures or punctuation of the text.
_PICTOGRAPHS = re.compile(r"[\u2190-\u2bff\U0001F000-\U0001FAFF\uFE0F]")
# A reaction's picture and how many readers chose it: "👍 214", "🔥 1.2k".
_REACTION = re.compile(r"[\u2190-\u2bff\U0001F000-\U0001FAFF]\uFE0F?\s*\d[\d.,]*[kKM]?(?![\w.,%°])")
#: Fewest reactions with their counts on a line that is only the readers' reactions (two beside a question: "Did
#: this help?  👍 40  👎 3").
REACTIONS = 3
#: Most words on such a line besides the counts ("Reactions", "comments", a report link).
REACTION_LINE_WORDS = 12


def _reaction_counts(text: str) -> bool:
    """Readers' reactions drawn as pictures with their counts: "👍 214   😮 12   💬 41 comments", or two beside a
    question ("Was this useful?  👍 90  👎 4"). A sentence with a figure after a symbol is not one."""
    found = _REACTION.findall(text)
    if len(found) < (2 if "?" in text else REACTIONS) or _STATEMENT_END.search(text.strip()):
        return False
    return len(_REACTION.sub(" ", text).split()) <= REACTION_LINE_WORDS


# A comment form's note on required fields: "Mandatory fields are marked *".
_FORM_NOTE = re.compile(r"\b(?:required|mandatory)\b.{0,40}\bmarked\b.{0,20}(?:\*|asterisk)", re.IGNORECASE)
# Starting only where a run of such characters starts: tried from inside the run too, a long word cost the square of
# its length.
_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


#: Most words of a line in which the site speaks to its reader about itself (a paywall, a newsletter, its app).
READER_PROMPT_WORDS = 20
# What a site says to its reader about itself, by kind: each pattern is one kind, found anywhere in a short line.
_READER_PROMPTS = (
    ("the site's paywall", re.compile(
        r"\bsubscri(?:be|ber|ption)\b.*\b(?:free\s+(?:articles?|stories)|unlimited\s+access|full\s+(?:article|story|text|access)"
        r"|already\s+a\s+subscriber|log\s+in|sign\s+in)|\bfree\s+(?:articles?|stories)\s+(?:left|remaining)\b"
        r"|\byou\s+have\s+(?:read\s+)?\d+\s+(?:of\s+\d+\s+)?free\s+(?:articles?|stories)|\bof\s+(?:\d+|\w+)\s+free\s+(?:[\w-]+\s+){0,2}?(?:articles?|stories|judgments?|summaries|guides|reports|reads)\b"
        r"|\bfree\s+(?:[\w-]+\s+){0,2}?(?:articles?|stories|judgments?|summaries|guides|reports|reads)\s+left\b"
        r"|\btry\s+.{1,40}?\bfree\s+for\s+\d{1,2}\s+days\b"
        # (its price, and its trial: "Subscribe from $4 a month", "Start a 14-day free trial of the Digest")
        r"|\bsubscri(?:be|ption)\b.*\bfrom\s+\W?\d[\d.,]*\s*(?:a|per|/)\s*(?:week|month|year)\b|\bfree\s+trial\b|\btrial\s+(?:ends|expires)\b"
        r"|\bavailable\s+(?:only\s+)?to\s+(?:subscribers|subscribing\s+\w+|members|premium\s+\w+)\b", re.IGNORECASE)),
    ("the site's newsletter box", re.compile(
        r"\bin(?:to)?\s+your\s+inbox\b|^\W*(?:sign\s+up|subscribe)\b.*\b(?:newsletter|briefing|updates|inbox|e-?mails?)\b"
        r"|^\W*(?:receive|get)\s+(?:our|the)\b.{0,60}\bby\s+e-?mail\b",
        re.IGNORECASE)),
    ("the site's app", re.compile(
        r"\b(?:download|get|install)\s+(?:the|our)\s+(?:[\w&'’-]+\s+){0,3}app\b|^\W*open\s+in\s+(?:the\s+)?(?:[\w&'’-]+\s+){0,3}app\b"
        r"|\bcontinue\s+in\s+(?:the\s+)?browser\b"
        r"|\b(?:live|follow|watch|listen)\b.{0,60}\bon\s+(?:the|our)\s+(?:[\w&'’-]+\s+){0,3}app\b", re.IGNORECASE)),
    ("the site's call to comment", re.compile(
        r"^\W*have\s+your\s+say\W*$|\bshare\s+your\s+(?:thoughts|views|comments)\s+(?:on|about)\s+this\s+\w+\b"
        r"|^\W*(?:have\s+(?:an\s+opinion|your\s+say)|what\s+do\s+you\s+think)\b[^.!?]{0,40}\?|^\W*join\s+the\s+(?:discussion|conversation|debate)\s*[—–:-]|(?:^|[.?!]\s+)\W*join\s+the\s+(?:discussion|conversation|debate)\b[^.!?]{0,30}[.!]?\s*$", re.IGNORECASE)),
    ("the site's affiliate note", re.compile(r"\baffiliate\s+links?\b|\bearn\s+(?:a\s+)?(?:small\s+)?commission\b", re.IGNORECASE)),
    ("the page's reading time", re.compile(r"\b\d{1,3}\s*(?:min|mins|minutes?)\s+(?:of\s+)?(?:read|reading|listen|listening)\b|\blisten\s+to\s+this\s+\w+\W+\d{1,3}\s*min|\breading\s+time\W+\d{1,3}\s*min"
                                            r"|\byou(?:['’]ve|\s+have)\s+read\s+\d{1,3}\s*%",
                                            re.IGNORECASE)),
    ("the site's feedback prompt", re.compile(
        r"\b(?:give|send|leave|share)\s+(?:us\s+)?(?:your\s+)?feedback\b|\bspotted\s+(?:a|an)\s+(?:mistake|error|typo)\b"
        r"|^\W*report\s+(?:a|an)\s+(?:mistake|error|problem|typo)\b|^\W*(?:something|anything)\s+(?:wrong|missing)\b[^.?!]{0,20}\?",
        re.IGNORECASE)),
    ("the site's alerts", re.compile(
        r"\b(?:get|receive)\s+(?:an?\s+)?(?:e-?mail|alert|notification)s?\s+when\b|\b(?:e-?mail|notify|alert)\s+me\s+when\b",
        re.IGNORECASE)),
    ("the page's citation counts", re.compile(r"^\W*cited\s+by\b", re.IGNORECASE)),
    # a rating widget: "Rate this episode", "4.8 from 1,204 ratings"
    ("the page's rating widget", re.compile(
        r"^\W*rate\s+this\s+(?:episode|article|story|recipe|guide|page|post|podcast|show|video|answer|section)\b"
        r"|\b\d(?:[.,]\d)?\s+from\s+\d[\d,.]*\s*k?\s+(?:ratings|reviews|votes)\W*$", re.IGNORECASE)),
    ("the site's note that comments are closed", re.compile(
        r"^\W*comments\s+(?:are|have\s+been)\s+(?:off|closed|disabled|turned\s+off)\b", re.IGNORECASE)),
    # a link back up the page: "▲ Back to top", "↑ back to the start of the speech"
    ("a link back to the top", re.compile(
        r"^\W*(?:back|return|go)\s+to\s+(?:the\s+)?(?:top|start|beginning)(?:\s+of\s+(?:the\s+|this\s+)?\w+)?\W*$", re.IGNORECASE)),
    # a player counting down to the next clip: "Up next in 5 s ▸ Highlights ..."
    ("the player's next clip", re.compile(r"^\W*up\s+next\s+in\s+\d{1,2}\s*(?:s|sec|secs|seconds)\b", re.IGNORECASE)),
    # a picture the page could not show: "[ image could not be loaded — tap to try again ]", "tap to load (340 KB)"
    ("the page's note on a picture it did not load", re.compile(
        r"\b(?:image|photo|picture|video|map|chart)\s+(?:could\s+not|couldn['’]t|failed\s+to)\s+(?:be\s+)?load(?:ed)?\b"
        r"|\btap\s+to\s+(?:try\s+again|retry|load|reload)\b", re.IGNORECASE)),
    # the note a button leaves when it is pressed: "✓ Link copied", "Citation copied to clipboard"
    ("the site's note that something was copied", re.compile(
        r"^\W*(?:link|url|address|text|quote|citation|code)\s+copied\b|\bcopied\s+to\s+(?:your\s+|the\s+)?clipboard\b",
        re.IGNORECASE)),
    # a ticket site's waiting room: "Your place in line: 1,204", "You are in the queue", "88 people ahead of you"
    ("the site's waiting room", re.compile(
        r"\byour\s+place\s+in\s+(?:the\s+)?(?:line|queue)\b|\byou\s+are\s+(?:now\s+)?in\s+(?:the\s+)?(?:queue|waiting\s+room)\b"
        r"|\b\d[\d,]*\s+(?:people|visitors|fans)\s+ahead\s+of\s+you\b", re.IGNORECASE)),
    # a player drawn with its play mark and the clip's length, or a jump to a time in it: "▶ 2:41  Watch: the goals",
    # "[ 07:42 ]  jump the video to this passage" (a transcript's own time marks are followed by its words, not these)
    ("the page's video or audio player", re.compile(
        r"^\W{0,3}(?:[▶►⏵]|play\b)\s*\(?\d{1,2}:\d{2}(?::\d{2})?\)?\s+\S"
        r"|^\W{0,3}\[\s*\d{1,2}:\d{2}(?::\d{2})?\s*\]\W+(?:jump|skip|play|watch|listen)\b", re.IGNORECASE)),
    # the site's keys: "Keyboard:  space = play / pause", "(drawer open, press Esc to close)", "press G to list every term"
    ("the page's keyboard shortcuts", re.compile(
        r"^\W*(?:keys|keyboard(?:\s+shortcuts)?|shortcuts)\s*:|\([^()]{0,40}?\b(?:press\s+esc|esc\s+closes)\b[^()]{0,40}\)"
        r"|\bpress\s+(?-i:[A-Z]|Esc)\s+(?:to|for)\b", re.IGNORECASE)),
    # a teaser of more text on another page, cut short: "... grew up by the river and … Read more"
    ("the site's teaser of another page", re.compile(r"(?:…|\.\.\.)\s*(?:read|see|show)\s+more\W*$", re.IGNORECASE)),
    # the site's chat box: "💬  Chat with the media desk  —  offline", "Live chat with us"
    ("the site's chat", re.compile(r"^\W*(?:live\s+)?chat\s+(?:with\s+)?(?:us|our\s+\w+|the\s+\w+\s+(?:desk|team|office))\b", re.IGNORECASE)),
    # a call to act set off at the line's end: "...  ›  Play now", "|  Book now"
    ("the site's call to act", re.compile(
        r"(?:[›»→|·•]|\s{2,})\s*(?:play|book|shop|buy|join|order|apply|donate|register|download|subscribe|sign\s+up)\s+now\W*$",
        re.IGNORECASE)),
    # a box of other pages under its heading in capitals: "MORE ROUTES LIKE THIS", "RELATED ON THE LAW NOTES  ⟩ ..."
    ("the site's box of related pages", re.compile(
        r"^\W*(?-i:(?:MORE|OTHER|RELATED|SIMILAR)\b[A-Z ,'’-]{0,50}?\b(?:LIKE\s+THIS|OF\s+THIS\s+[A-Z]+|ON\s+[A-Z][A-Z]+))\b")),
    ("the site's login prompt", re.compile(
        r"\bnot\s+(?:logged|signed)\s+in\b|\b(?:log|sign)[- ]?in\s+required\b|\b(?:log|sign)\s+in\s+(?:or\s+(?:create\s+an\s+account|register|sign\s+up)\b"
        r"|(?:\(\w+\)\s+)?(?:with\s+(?:a|an|your)\s+[\w\s-]{0,40}?account\s+)?to\s+(?:read|keep\s+reading|save|edit|comment|write|continue|see|view|access|download|add)\b)",
        re.IGNORECASE)),
)


# Two capitalised words in a row, a name's shape, once the calendar's words are gone ("Ana Lima", not "March 2025").
_NAME_PAIR = re.compile(r"\b[A-Z][a-zà-ÿ'’-]+\s+[A-Z][a-zà-ÿ'’-]+")
_CALENDAR_WORDS = re.compile(rf"{CALENDAR_WORD}(?!\w)|\b(?:updated|published|posted)\b", re.IGNORECASE)


#: Most words of a site's note to its reader on how the page works (two sentences: "You are offline. This copy was
#: saved to your phone on ...").
INTERFACE_NOTE_WORDS = 30
_INTERFACE_WORDS = page_words("interface_words")
# The reader addressed, and an instruction to work the screen that needs no "you": "Tap a term to hear it".
_ADDRESSED = re.compile(r"\b(?:you|your|you['’](?:re|ve|ll))\b", re.IGNORECASE)
# (a capital: a line of a wrapped paragraph may begin "tap the sap ...")
_SCREEN_INSTRUCTION = re.compile(r"^\W*(?:Tap|Click|Swipe|Scroll|Press\s+and\s+hold|Double-tap)\b")
# Signing in, not a signed lease: "while you are signed out", "Stay logged in".
_SIGNED_IN = re.compile(r"\b(?:signed|logged|sign|log)\s+(?:in|out)\b", re.IGNORECASE)


INTERFACE_NOTE = "the site's note on how the page works"


def _interface_words(text: str) -> set[str]:
    return set(_words(text)) & _INTERFACE_WORDS


def _interface_note(text: str) -> bool:
    """The site tells its reader how the page or the app works: the reader addressed with a word for the screen or
    the browser ("Your browser is no longer supported.", "Notes stay pinned while you scroll."), or told to work the
    screen ("Tap any word to hear it read aloud."). An article speaks of the world, seldom of the reader's browser."""
    if _SCREEN_INSTRUCTION.match(text):
        return True
    return bool(_ADDRESSED.search(text)) and (bool(_SIGNED_IN.search(text)) or bool(_interface_words(text)))


def _reader_prompt(text: str) -> str | None:
    """Which kind of note from the site to its reader ``text`` is: a paywall ("You have 2 free articles left"), a
    newsletter box ("Sign up to get our briefing in your inbox"), an app ("Download the Courier app"), an affiliate
    note, a reading time ("4 min read"), citation counts ("Cited by 4"); or None."""
    why = next((why for why, pattern in _READER_PROMPTS if pattern.search(text)), None)
    if why == "the page's reading time" and _NAME_PAIR.search(_CALENDAR_WORDS.sub(" ", text)):
        return None  # a byline with the story's reading time: "Ana Lima | 3 June 2025 | 5 min read"
    return why


# A page's feedback question on a line of its own, its answers on the lines under it: "Was this section helpful?".
_FEEDBACK_QUESTION = re.compile(r"^\W*(?:was|is|did)\s+this\s+(?:[\w'’-]+\s+){0,2}(?:helpful|useful|clear)\s*\?\s*(?:[☆★✩✭]+\s*(?:rate\s+it)?\W*)?$",
                                re.IGNORECASE)
# A link labelled as the page before or after: "‹ Previous: 6.2 Deserts", "Next: 6.4 Coasts ›" (an arrow or a section's
# number says it is a link, not the text's "Next: the council votes").
_LABELLED_PREVIOUS_NEXT = re.compile(r"^\s*[‹«←◀◂]?\s*(?:previous|prev|next)\s*:\s*\S.{0,80}$", re.IGNORECASE)


#: Longest line a feedback question with its answers makes.
FEEDBACK_LINE_CHARS = 200
#: Most words of a link after a feedback question's answers on its bar ("Report a broken link").
FEEDBACK_LINK_WORDS = 8
# A button drawn around its word: "( Yes )", "[ No ]".
_BUTTON_WORD = re.compile(r"[(\[]\s*([^\W\d_]+)\s*[)\]]")


def _feedback_buttons(text: str) -> bool:
    """A short question answered by buttons written as words: "Did this answer your question?   Yes   No"; the bar may
    go on with its other links, short and no sentence ("( Yes ) ( No )    Report an error    ↑ Top")."""
    if len(text) > FEEDBACK_LINE_CHARS:
        return False
    text = _COUNT.sub("", text).strip()  # (an answer may show how many gave it: "Yes (842)")
    text = _BUTTON_WORD.sub(r"\1", text)
    question, mark, rest = text.partition("?")
    if not mark or not 3 <= len(question.strip()) <= 60 or len(question.split()) > 8:
        return False
    answers = [a.strip().lower() for a in _SPACED_SEP.split(rest.strip()) if a.strip()]
    if len(answers) == 1:
        answers = answers[0].split()
    k = 0
    while k < len(answers) and answers[k] in _FEEDBACK_ANSWERS:
        k += 1
    return k >= 2 and all(len(a.split()) <= FEEDBACK_LINK_WORDS and not _SENTENCE_END.search(a) for a in answers[k:])


def _download_link(text: str) -> bool:
    """A link to a file: a page tool's verb, a few words, the file's type (and size) in brackets."""
    m = _FILE_TAG.search(text)
    if not m:
        return False
    words = _words(text[: m.start()])
    return bool(words) and words[0] in _TOOL_VERBS and len(words) <= 8 and not _SENTENCE_END.search(text[: m.start()].strip())


def _arrow_link(text: str) -> bool:
    """A link that points back or on ("« Older post", "Later entry →"): an arrow at its outer end, a few words."""
    t = text.strip()
    if not (_LEFT_ARROW.search(t) or _RIGHT_ARROW.search(t)):
        return False
    inner = t.strip("←«‹→»› ")
    return 0 < len(inner.split()) <= 8 and len(inner) <= 60 and not re.search(r"[.!?;]\s", inner) and not _SENTENCE_END.search(inner)


#: Most items of a row of links to the pages before and after ("◀ PREV   2. Europe   CONTENTS   NEXT   4. Asia ▶").
PREVIOUS_NEXT_PARTS = 5


def _previous_next(text: str) -> bool:
    """A row of two to five links, the first to the page before and the last to the page after, none a sentence:
    "◀ 2. Europe      Contents      4. Asia ▶", "Previous: 5.2 Population      Next: 5.4 Trade"."""
    parts = [p.strip() for p in _SPACED_SEP.split(text.strip()) if p.strip()] if len(text) <= 160 else []
    return (2 <= len(parts) <= PREVIOUS_NEXT_PARTS and _PREVIOUS.match(parts[0]) is not None and _NEXT.search(parts[-1]) is not None
            and all(len(p.split()) <= 10 and not re.search(r"[a-z][.!]\s|[a-z]\?\s+[^\W\d_]", p) for p in parts))


# A form's field or button as a page's text keeps it: the label inside spaced brackets ("[ Search ]", "[ your email ]").
_BUTTON = re.compile(r"\[\s+[^\[\]\n]{1,30}?\s+\]")
# A button drawn in round brackets beside a field in square ones.
_ROUND_BUTTON = re.compile(r"\(\s+[^()\n]{1,30}?\s+\)")
_TIGHT_BUTTON = re.compile(r"(?:^|(?<=\s))\[([^\[\]\s][^\[\]\n]{0,30}?)\](?=\s|$)")
# A date field's placeholder: "dd/mm/yyyy", "mm/dd/yy", "DD.MM.YYYY".
_DATE_PLACEHOLDER = re.compile(r"\b(?:dd[/.-]mm|mm[/.-]dd)(?:[/.-]yy(?:yy)?)?\b", re.IGNORECASE)
#: Most words of a line of form fields and buttons (a banner's plea with its buttons: "Please help ... [ Give now ]").
FORM_LINE_WORDS = 40


def _form_controls(text: str) -> bool:
    """A form written out as text: two or more fields or buttons in spaced brackets ("Check-in [ dd/mm ]   Guests
    [ 2 ]   [ Search ]"), or one that closes the line ("Search judgments and gazettes …   [ Search ]"). A citation in
    brackets has no space inside them ("[Adhikari 1998]", "[3]")."""
    if len(text.split()) > FORM_LINE_WORDS:
        return False
    if _DATE_PLACEHOLDER.search(text) and len(_parts(text)) >= 2:
        return True  # fields with their placeholders: "Check-in: dd/mm/yyyy    Guests: 2 adults"
    # (buttons in brackets with no space inside, when they say what they do: "[Donate now]   [Subscribe]")
    buttons = _BUTTON.findall(text) + [b for b in _TIGHT_BUTTON.findall(text) if _call_to_action(b) or _ui_only(b)] + (
        _ROUND_BUTTON.findall(text) if _BUTTON.search(text) else [])  # ("[ you@example.com ]   ( Send me the timetable )")
    # (a banner's close button drawn after its last button: "[ Maybe later ]   ✕")
    return len(buttons) >= 2 or (len(buttons) == 1 and _PICTOGRAPHS.sub("", text).rstrip().endswith("]"))


#: Most words of one item of a row of controls drawn with symbols ("⬇ Download figure (PNG, 640 KB)").
DRAWN_ITEM_WORDS = 8
# An item that is only a figure ("14:32", "3"): a table's cell when two items of a row are.
_FIGURE_ITEM = re.compile(r"^\W*[\d.,:/+−-]+\W*$")


def _drawn_controls(text: str) -> bool:
    """A row of two to eight links or buttons, one of them drawn with a symbol beside its words ("♡ Save to my trip
    ⇪ Share", "A−   A+   ☾ Night reading", "HOME   ABOUT US ▾   CONTACT"): no item a sentence or a measurement, and
    not two items figures alone (a table's row, arrows or not: "▲ 2.1   ▼ 0.4")."""
    if len(text) > 240 or not _PICTOGRAPHS.search(text):
        return False
    parts = _parts(text)
    if not 2 <= len(parts) <= 8 or sum(bool(_FIGURE_ITEM.match(p)) for p in parts) >= 2:
        return False
    if any(len(p.split()) > DRAWN_ITEM_WORDS or _DATA_ITEM.search(p) or re.search(r"[a-z][.!?](?:\s|$)", p) for p in parts):
        return False
    return any(_PICTOGRAPHS.search(p) and re.search(r"[^\W\d_]{2,}", p) for p in parts)


# A table of contents written on one line: "Contents: 1 Early life · 2 Career · 3 Later life".
# Its heading ends at a colon, or at its toggle or the row's first separator: "Contents ▾ | Foreword | 1 Security".
_CONTENTS_ROW = re.compile(r"^\W*(?P<head>[^:|·•▾▼]{3,25}?)\s*(?::|[▾▼]\s*[|·•]?|[|·•])\s*(?P<rest>.+)$")


_CONTENTS_GAP = re.compile(r"\s{3,}(?:[▸›»]\s*)?|\s*[▸›»]\s+")


def _contents_row(text: str) -> bool:
    """A contents heading, a colon and two or more numbered entries kept apart by "·", "|" or "•"."""
    m = _CONTENTS_ROW.match(text.strip())
    if not m or " ".join(_words(m.group("head"))) not in _CONTENTS_HEADINGS:
        return False
    rest = m.group("rest")
    # (a menu's toggle and where the reader is, apart by wide gaps or arrows: "Contents ▾   Chapter 6: X   ▸ 6.3 Y")
    entries = [p for p in (_MENU_SEP if _MENU_SEP.search(rest) else _CONTENTS_GAP).split(rest) if p.strip()]
    # Half the entries or more are numbered; an abstract, a foreword, the references or the annexes may not be.
    numbered = sum(bool(_CONTENTS_ENTRY.match(p) or _WORK_PART.match(p.strip())) for p in entries)
    return numbered >= 2 and 2 * numbered >= len(entries) and all(
        len(p.split()) <= RUN_ITEM_WORDS + 5 and not _SENTENCE_END.search(p) for p in entries)


#: Most words of the headline a labelled link names ("Read next   The last ferry of the winter →").
LINKED_HEADLINE_WORDS = 14
# A label and the headline it links to, apart by a wide gap or a colon: "READ NEXT   The last ferry ...".
_LABEL_GAP = re.compile(r"\s{3,}|\t|:\s+|\s+[→›»]\s+")
# The arrow before each of several linked headlines on the line.
_LINK_ARROW = re.compile(r"\s+[›»→▶►]\s+")


def _labelled_link(text: str) -> bool:
    """One link to another page under its label on one line: the label a header of related links ("Read next",
    "Related", "Also read"), the rest a headline (no sentence), perhaps with an arrow."""
    pieces = _LABEL_GAP.split(text.strip(), maxsplit=1)
    if len(pieces) != 2:
        return False
    label, rest = pieces[0].strip(), pieces[1].strip().strip("→»›▶► ").strip()
    if not _related_header(label) or not rest:
        return False
    # (or several, each behind its arrow: "RELATED   › Ferry fares rise   › The last ferry of the winter")
    return all(len(headline.split()) <= LINKED_HEADLINE_WORDS and not _SENTENCE_END.search(headline)
               and not re.search(r"[a-z][.!?]\s", headline) for headline in _LINK_ARROW.split(rest) if headline.strip())


# A social network's tag or handle: "#trailwalks", "@islescourier".
_SOCIAL_TAG = re.compile(r"(?<![\w&])[#@][^\W\d_]\w{2,}")
#: Most words of a site's call to share on social networks.
SOCIAL_PROMPT_WORDS = 15


def _social_prompt(text: str) -> bool:
    """The site asks its reader to share, tag or follow, naming its tag or handle: "Walked it? Share your photos with
    #trailwalks", "Follow us @islescourier"."""
    t = text.strip()
    if not _SOCIAL_TAG.search(t) or len(t.split()) > SOCIAL_PROMPT_WORDS:
        return False
    words = set(_words(t))
    return bool(words & {"share", "tag", "follow", "post", "send"}) and bool(words & {"you", "your", "us"})


def _parts(text: str) -> list[str]:
    """A row's items: kept apart by "|", "·" or "•", else by runs of spaces or tabs."""
    t = text.strip()
    sep = _MENU_SEP if _MENU_SEP.search(t) else _SPACED_SEP
    return [p.strip() for p in sep.split(t) if p.strip()]


#: Fewest tools of a row of the page's tools ("Download PDF   Cite   Share", "Highlight · Add note · Print this page").
TOOL_ROW_TOOLS = 3
#: Most words of an item of such a row ("Download judgment (PDF, 48 pages)").
TOOL_ROW_ITEM_WORDS = 6


def _tool_row(text: str) -> bool:
    """A row of the page's tools wherever it stands: it opens with a tool (a tool's verb first, or interface words: a
    share bar's services), tools are half its items or more and three at least (both, in a row of two: "‹ Back to
    results   Search judgments"), and no item is a sentence. Its other items may be counts ("Metrics: 880 views"). A
    site's name over its account links ("Isles Courier   Log in | Register | Subscribe") opens with no tool."""
    t = text.strip()
    parts = [p for q in _MENU_SEP.split(t) for p in _SPACED_SEP.split(q) if p.strip()]
    if len(parts) < 2 or _SENTENCE_END.search(t) or any(len(p.split()) > TOOL_ROW_ITEM_WORDS for p in parts):
        return False
    tools = [(_words(p) or [""])[0] in _ROW_TOOLS or _ui_only(p) for p in parts]
    return tools[0] and sum(tools) >= min(TOOL_ROW_TOOLS, len(parts)) and 2 * sum(tools) >= len(parts)


def _row_of_controls(text: str) -> bool:
    """A row of links, some of them controls, none a sentence: "Sign up now   Download the form (PDF)",
    "« Older post      Newer post »", "Get the app   ← Earlier entry   Later entry →"."""
    parts = _parts(text)
    if not 2 <= len(parts) <= 6:
        return False
    kinds = []
    for p in parts:
        if chrome_at_edge(p) and (len(p.split()) >= 2 or _arrow_link(p)):  # a control, a download, an arrow link
            kinds.append(True)  # (a lone interface word may be a column's head: "Home   Away")
        elif _link_like(p):
            kinds.append(False)
        else:
            return False
    # Arrows at both ends, or one item in two a control.
    return 2 * sum(kinds) >= len(parts)


#: Most lines a one-item-per-line menu, a contact block or a list of related links may span.
RUN_MAX_LINES = 12
#: Most words of an item of a menu written one link to a line ("Our work", "Volunteer").
RUN_ITEM_WORDS = 3


def _run_item(text: str) -> bool:
    """An item of a menu written one link to a line: a word or three, no figure, no sentence end."""
    t = text.strip()
    return (
        0 < len(t.split()) <= RUN_ITEM_WORDS
        and len(t) <= 30
        and not re.search(r"\d", t)
        and not _SENTENCE_END.search(t)
        and not t.endswith(":")
    )


def _tagline(text: str) -> bool:
    """A site's name or motto over its menu: a short line, no sentence end, no label."""
    t = text.strip()
    return 0 < len(t.split()) <= 10 and len(t) <= 80 and not _SENTENCE_END.search(t) and not t.endswith(":")


def _nav_row(text: str) -> bool:
    """A site's menu row (not a share bar): three or more link-like items, no label, not all interface words
    ("Home · Rooms · Dining · Offers", "Dansk   English   Suomi")."""
    t = text.strip()
    if not (_is_menu(t) or _is_spaced_menu(t)):
        return False
    parts = _parts(t)
    if len(parts) < 3 or any(":" in p for p in parts) or (_words(parts[0]) or [""])[0] in _TOOL_VERBS:
        return False
    if any(_PAGE_COUNTER.match(p) for p in parts):
        return False  # a page counter with its tools: "Page 1 of 3 · Share · Comment (4)"
    return not all(_ui_only(p) for p in parts) and not _page_tabs(t)


def _menu_run(lines: list[Line], i: int, last: int, *, after_item: bool = False, text: str | None = None) -> int:
    """End (exclusive) of a menu written one link to a line from ``lines[i]`` ("Home", "Our work", "Volunteer"), or ``i``.

    Three or more items, one of them interface words or a button (or, ``after_item``, the chrome item right above
    them: "Home" over "The Council", "Press office"), and chrome right after them.
    """
    j = i
    # (with the page's ``text``, the links stop at a blank line: a wiki article's title stands apart under its menu)
    while j <= last and j - i < RUN_MAX_LINES and _run_item(lines[j].text) and (
            text is None or j == i or _next_in_block(lines, j - 1, text)):
        j += 1
    if j - i < 3 or j > last:
        return i
    if not after_item and not any(_ui_only(lines[k].text) or _call_to_action(lines[k].text) for k in range(i, j)):
        return i
    nxt = lines[j].text
    return j if chrome_at_edge(nxt) or _is_trail(nxt, loose=True) or _nav_row(nxt) else i


#: Fewest lines of a block of links at the top of the page, written one to a line.
MENU_BLOCK_LINES = 4
#: Fewest of its lines that are interface words or controls ("About", "Search", "Log in").
MENU_BLOCK_CONTROLS = 1
#: Most words of one of its links ("Sign in via your institution", "Unit 6: Wetlands of Southern Africa").
MENU_BLOCK_ITEM_WORDS = 8


def _menu_block(lines: list[Line], i: int, last: int, text: str | None, prose: _Prose | None = None) -> int:
    """End (exclusive) of a block of links written one to a line that starts at ``lines[i]`` at the top of the page
    (everything above it chrome), or ``i``: four lines or more with no blank line between them, each a link of a few
    words (no sentence) or a control, one of them interface words or a control ("Browse journals" / "Submit a
    manuscript" / "About" / "Search"). A menu with no chrome under it, which :func:`_menu_run` asks for. The block
    stops before a line the page's ``prose`` names or one right over the text: the page's title, written under its
    site's menu with no blank line between."""
    if text is None:
        return i
    j = _block_end(lines, i, last, text)
    for k in range(i, j + 1):
        below = lines[k + 1].text if k + 1 < len(lines) else ""
        # (a line the prose names with three links or more under it in the block is one of them: "Rugby Union")
        named = prose is not None and j - k < MENU_BLOCK_LINES - 1 and prose.names(lines[k].text)
        if named or (_prose_line(below, TITLE_OVER_WORDS) and not chrome_at_edge(below)) or is_story_byline(below) \
                or is_dateline(below):
            j = k - 1
            break
    block = [lines[k].text.strip() for k in range(i, j + 1)]
    if len(block) < MENU_BLOCK_LINES or len(block) > 3 * RUN_MAX_LINES:
        # (three lines that each name a kind of the site's pages are its sections' menu: "Press releases" /
        # "Speeches" / "Statements")
        if len(block) >= SECTION_MENU_LINES and all(_section_name(t) for t in block):
            return j + 1
        return i
    def link(t: str) -> bool:
        parts = _parts(t) if _MENU_SEP.search(t) else [t]  # a row's items one by one ("Guest access · Upgrade")
        return all(len(p.split()) <= MENU_BLOCK_ITEM_WORDS and len(p) <= 60 and not _SENTENCE_END.search(p)
                   and not p.endswith(":") for p in parts) or chrome_at_edge(t) is not None
    if not all(link(t) for t in block):
        return i
    # (without a control among its links, chrome right under it says it is the site's: "Sign in to save your notes")
    if sum(1 for t in block if _ui_only(t) or _mostly_ui(t) or _call_to_action(t) or chrome_at_edge(t)) < MENU_BLOCK_CONTROLS \
            and not (j + 1 <= last and chrome_at_edge(lines[j + 1].text)):
        return i
    return j + 1


#: Fewest lines of a menu of the site's sections, each a kind of its pages, written one to a line.
SECTION_MENU_LINES = 3


def _section_name(text: str) -> bool:
    """A line that names a kind of a site's pages, in words boxes of links use ("Press releases", "Speeches")."""
    words = _words(text)
    return 0 < len(words) <= 3 and all(w in _RELATED_BOX_WORDS or w in _UI_WORDS or w in _FUNCTION_WORDS for w in words) and any(
        w in _RELATED_BOX_WORDS for w in words)


#: Fewest headings of a menu written in two levels, each over its links ("Business" over "   Export support").
TWO_LEVEL_HEADS = 2
#: Fewest indented links of such a menu with one heading.
TWO_LEVEL_LINKS = 4
#: Least share of its lines that are indented links under a heading.
TWO_LEVEL_SHARE = 0.4


def _two_level_menu(lines: list[Line], i: int, last: int, text: str | None) -> int:
    """End (exclusive) of a menu written in two levels that starts at ``lines[i]``, or ``i``: a block of links one
    to a line (no sentence), in which two or more lines at the margin each stand over links indented under them
    ("Consular services" / "   Travel advice" / "   Passports"), or one such line over four or more (a book's
    chapter over its sections). The indentation is its shape, whatever the page's prose names."""
    if text is None:
        return i
    j = _block_end(lines, i, last, text)
    block = [lines[k].text for k in range(i, j + 1)]
    if not all(len(t.split()) <= MENU_BLOCK_ITEM_WORDS and len(t.strip()) <= 60 and not _SENTENCE_END.search(t.strip())
               and not t.rstrip().endswith(":") for t in block):
        return i
    indented = [t[:1].isspace() for t in block]
    heads = sum(1 for k in range(len(block) - 1) if not indented[k] and indented[k + 1])
    # (one heading does, over many links: a book's chapter over its sections, "Chapter 7" / "   7.1 How islands form")
    if not (heads >= TWO_LEVEL_HEADS or (heads and sum(indented) >= TWO_LEVEL_LINKS)) or sum(indented) < TWO_LEVEL_SHARE * len(block):
        return i
    return j + 1


def _names_last_crumb(text: str, above: str) -> bool:
    """``text`` names the page the breadcrumb trail ``above`` it ends with: the page's title ("Paro Travel Guide" under
    "Asia › Bhutan › Paro")."""
    if not _is_trail(above, loose=True):
        return False
    last = [p for p in _TRAIL_SEP.split(above.strip()) if p.strip()][-1].strip().lower()
    return bool(last) and last in text.lower()


def _banner_lines(lines: list[Line], i: int, last: int) -> int:
    """Lines from ``lines[i]`` (everything above it chrome) that are the site's name and motto over its menu:
    one or two short lines, then a menu row or a menu written one link to a line; chrome between them (a language
    switch: "Gàidhlig | English") does not count. Their count, or 0."""
    names = 0
    j = i
    while j <= last and j - i <= 4:  # two names and two chrome lines at most
        t = lines[j].text
        if j > i and (_nav_row(t) or _menu_run(lines, j, last) > j):
            return j - i
        if j == i or not chrome_at_edge(t):
            if names == 2 or not _tagline(t) or _is_trail(t) or is_story_byline(t):
                return 0
            names += 1
        j += 1
    return 0


#: Longest line of a contact block (an address with its phone numbers and email).
CONTACT_LINE_MAX_CHARS = 240


def _contact_line(text: str) -> bool:
    """A line of a contact block: a phone number or an email address with a few words, or a row of such items."""
    t = text.strip()
    if len(t) > CONTACT_LINE_MAX_CHARS or _SENTENCE_END.search(t) or len(t.split()) > 20:
        return False
    parts = _parts(t)
    if len(parts) >= 2:
        return all(len(p.split()) <= 6 for p in parts) and any(_phone_item(p) or _EMAIL.search(p) for p in parts)
    m = _PHONE_NUMBER.search(t) or _EMAIL.search(t)
    return bool(m) and len((t[: m.start()] + t[m.end() :]).split()) <= 4


def _postal_line(text: str) -> bool:
    """An address with its postcode: "Harbour Trust, Quay Road, Porth PZ1 2AB"."""
    t = text.strip()
    return bool(_POSTCODE.search(t)) and len(t.split()) <= 20 and not _SENTENCE_END.search(t)


def _contact_block(lines: list[Line], i: int, names: list[str]) -> int:
    """Start of the site owner's contact block ending at ``lines[i]`` (chrome below it): lines of addresses, phone
    numbers and email addresses, one of them an address with a postcode; or ``i + 1``.

    An address alone is the owner's only when it opens with a name of the site's chrome (``names``: the page's first
    line, its copyright lines): "Find us" over a place's address is the page's own."""
    j = i
    while j >= 0 and i - j < RUN_MAX_LINES and (_contact_line(lines[j].text) or _postal_line(lines[j].text)):
        j -= 1
    block = [lines[k].text for k in range(j + 1, i + 1)]
    postal = [t for t in block if _postal_line(t)]
    if not postal:
        return i + 1
    if any(_contact_line(t) and not _postal_line(t) for t in block) or any(_named_in(t, names) for t in postal):
        return j + 1
    return i + 1


#: Most words of one comma-separated piece of a street address ("Law Courts Building", "80 St Stephen's Green").
ADDRESS_PIECE_WORDS = 6


def _address_part(part: str) -> bool:
    """A street address: pieces kept apart by commas, each a few words (the first may be a longer name), with a
    house number, a postcode or a PO box among them, or three pieces or more ("Law Courts Building, Treasury Square,
    Mombasa")."""
    pieces = [q.strip() for q in part.split(",")]
    if len(pieces) < 2 or not 0 < len(pieces[0].split()) <= BANNER_NAME_WORDS:
        return False
    if not all(0 < len(q.split()) <= ADDRESS_PIECE_WORDS for q in pieces[1:]):
        return False
    return len(pieces) >= 3 or bool(re.search(r"\d", _PHONE_NUMBER.sub(" ", part)))


# A label and its colon opening a line: "Press office: ...", "Find us: ..." (a section of the page's own).
_LABEL_OPENING = re.compile(r"^[^:\d]{1,30}:\s")


def _footer_contact(text: str) -> bool:
    """A line of the owner's contacts: a row ("·", "|") with a phone number, an email address or a street address
    among its items ("Museum X · Harbour Road 100, 3011 Porth · +31 10 555 0190"), or a street address alone. No
    sentence, no label before a colon."""
    t = text.strip()
    if len(t) > CONTACT_LINE_MAX_CHARS or len(t.split()) > 30 or _SENTENCE_END.search(t) or _LABEL_OPENING.match(t):
        return False
    parts = [q.strip() for q in _MENU_SEP.split(t) if q.strip()]
    if len(parts) == 1:
        return _address_part(t)
    return any(_PHONE_NUMBER.search(q) or _EMAIL.search(q) or _address_part(q) for q in parts)


_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def _in_block_above(lines: list[Line], i: int, text: str | None) -> bool:
    """``lines[i]`` and the line below it are in one block: one line break lies between them, no blank line."""
    if text is None or i + 1 >= len(lines):
        return False
    return len(_LINE_BREAK.findall(text, lines[i].end, lines[i + 1].start)) == 1


def _footer_contact_run(lines: list[Line], i: int, text: str | None) -> int:
    """Start of the owner's contact lines ending at ``lines[i]``, written in one block with the footer's chrome
    below them, or ``i + 1``. Every line of the block above the chrome must be one: a contact written under a
    heading or a label of the page's own ("Find us", "Press office: Ana Lima") is the page's."""
    if not _in_block_above(lines, i, text):
        return i + 1
    j = i
    while j >= 0 and i - j < RUN_MAX_LINES and _footer_contact(lines[j].text):
        if j == 0 or not _in_block_above(lines, j - 1, text):
            return j
        j -= 1
    return i + 1


def _named_in(address: str, names: list[str]) -> bool:
    """The address opens with a name (two words or more, before its first comma) that ``names`` hold."""
    name = address.split(",")[0].strip().lower()
    return len(name.split()) >= 2 and any(name in n.lower() for n in names if len(n) <= 4 * len(name) + 200)


_RELATED_WORDS = page_words("related_links_words")
_RELATED_BOX_WORDS = page_words("related_box_words")
#: Fewest words of a headline in a list of related links ("Bus route to return in April").
RELATED_HEADLINE_WORDS = 4
#: Most words of the line that heads a list of related links ("You may have missed", "More from Cambodia").
RELATED_HEADER_WORDS = 5
# "More from Cambodia", "More in Sport": the site's other pages on a place or a section, named after the words.
# "More speeches from the Forum": what the box lists may come between.
# "Also on Radio X": the site's other shows or titles.
_MORE_FROM = re.compile(r"^\W*(?:more|also|most\s+(?:read|popular|viewed|shared))\s+(?:[^\W\d_]+\s+){0,2}(?:from|in|on|about|at)\s+\S",
                        re.IGNORECASE)
# A box's header in capitals, "MORE" and what it lists: "MORE CONVERSATIONS", "MORE WOMEN'S FOOTBALL", "ALSO ON RADIO X".
_MORE_CAPS = re.compile(r"^\W*(?:MORE|ALSO\s+(?:ON|FROM|IN))(?:\s+[A-Z][A-Z'’-]*){1,3}\W*$")


def _related_header(text: str) -> bool:
    """A line that heads a list of links to other pages: a few words, one of them a word of such lists ("related",
    "recent", "more"), the others interface words or what such a box lists ("Recent press releases", "Related
    speeches", "You may have missed"); or "More from" and a name. Not a heading of the page ("Find us", "Events")."""
    t = _COUNT.sub(" ", text).strip()  # (its count: "Cited by (3)")
    words = _words(t)
    if not any(w in _RELATED_WORDS for w in words) or _guide_heading(words):
        return False
    if _ui_only(t):
        return True  # "You might also like these stories", "Similar articles"
    if len(words) > RELATED_HEADER_WORDS or _SENTENCE_END.search(t) or t.endswith(":"):
        return False
    return bool(_MORE_FROM.match(t) or _MORE_CAPS.match(t)) or all(
        w in _UI_WORDS or w in _FUNCTION_WORDS or w in _RELATED_WORDS or w in _RELATED_BOX_WORDS for w in words)


def _related_links(lines: list[Line], i: int) -> int:
    """Start of a list of related links ending at ``lines[i]`` (chrome below it): a line of interface words
    ("More news", "Similar articles") over two or more headlines (no sentence end); or ``i + 1``."""
    j = i
    short = False  # a link of a few words ("Board members", "Part 2: Rivers")
    arrows = ranks = True  # every link so far marked as one ("› Ferry fares rise"), or by its rank ("1  Ferry ...")
    while j >= 0 and i - j < RUN_MAX_LINES:
        t = lines[j].text.strip()
        if (arrows or ranks) and i - j >= 2 and _marked_links_header(t, ranks and not arrows):
            return j  # "Recommended in this series" over "› ..." lines: the marks say they are links
        if _related_header(t) or (_ui_only(t) and not _guide_heading(_words(t))):
            # Headed as links ("More news", "Similar articles"), not a section of the page ("Find us", "Events").
            # Short items need the header to say "links" ("Related links"): "More news" may head the page's own.
            related = _related_header(t) and (not short or "links" in _words(t))
            return j if i - j >= 2 and related else i + 1
        # A headline may ask ("Is the pass open in winter?"); it does not end a sentence with a full stop.
        if len(t.split()) > 16 or _STATEMENT_END.search(t) or t.endswith(":"):
            return i + 1
        short = short or len(t.split()) < RELATED_HEADLINE_WORDS
        arrows = arrows and bool(_ARROW_MARK.match(t))
        ranks = ranks and bool(_RANK_MARK.match(t))
        j -= 1
    return i + 1


# A link marked as one at its line's start ("› ..."), or by its rank in a list of the most read ("2  ...", a rank
# set apart, and no more columns: not a table's row).
_ARROW_MARK = re.compile(r"^[›»→▸]\s")
_RANK_MARK = re.compile(r"^\d{1,2}(?: {2,}|\t)(?=\S)(?!.*(?: {3,}|\t))")
_RANKED_WORDS = page_words("ranked_links_words")


def _marked_links_header(text: str, ranked: bool) -> bool:
    """What heads a list of links each marked as one: a few words, one of them a word of such lists, no sentence
    ("Recommended in this series", "Related how-tos"); over ranks, a word of a list of the most read ("TRENDING ON
    THE HARBOUR POST")."""
    words = _words(text)
    return (0 < len(words) <= RELATED_HEADER_WORDS + 1 and any(w in (_RANKED_WORDS if ranked else _RELATED_WORDS) for w in words)
            and not _SENTENCE_END.search(text) and not text.endswith(":"))


_CONTENTS_HEADINGS = page_words("contents_headings")
# The box's button beside its heading: "Contents [hide]".
_CONTENTS_TOGGLES = {"hide", "show", "toggle"}
# An entry of a table of contents: its section's number and a few words ("1 Geography", "2.3 Trade and ports").
_CONTENTS_ENTRY = re.compile(r"^\s*\d{1,2}(?:\.\d{1,2}){0,3}\.?\s+\S")


#: Fewest entries of a page's contents written without numbers or heading ("Abstract" / "1. Introduction" / ...).
REPEATED_CONTENTS_LINES = 3
#: Least share of them that come back as the page's own lines (a box may list an abstract or figures the text heads
#: otherwise, or not at all).
REPEATED_CONTENTS_SHARE = 0.4


def _repeated_contents(lines: list[Line], i: int, last: int, found: dict[int, str], text: str | None,
                       last_at: dict[str, int]) -> int:
    """Mark a block that starts at ``lines[i]`` as the page's own table of contents when many of its lines, short
    ones, come back further down as lines of their own (the headings they link to: "Abstract", "1. Introduction",
    "References"). ``last_at``: where each line (in lower case) stands last on the page. Returns the index to look at
    next."""
    if text is None or i in found:
        return i + 1
    j = i
    while j + 1 <= last and _next_in_block(lines, j, text) and j + 1 not in found:
        j += 1
    block = [lines[k].text.strip().lower() for k in range(i, j + 1)]
    if len(block) < REPEATED_CONTENTS_LINES or any(len(t.split()) > MENU_BLOCK_ITEM_WORDS or _SENTENCE_END.search(t) for t in block):
        return j + 1
    back = sum(last_at[t] > j for t in block)
    if back < 2 or back < REPEATED_CONTENTS_SHARE * len(block):
        return j + 1
    for k in range(i, j + 1):
        found[k] = "table of contents"
    return j + 1


def _contents_box(lines: list[Line], i: int, last: int, found: dict[int, str]) -> int:
    """Mark a page's own table of contents that starts at ``lines[i]`` as chrome: a line "Contents" right over two or
    more numbered entries of a few words, a line each (a wiki's box, which repeats the page's headings). Returns the
    index to look at next (past the box), so the page is read once."""
    if " ".join(w for w in _words(lines[i].text) if w not in _CONTENTS_TOGGLES) not in _CONTENTS_HEADINGS:
        return i + 1
    if i + 1 <= last and lines[i + 1].start - lines[i].end <= 1 and (
            found.get(i + 1) == "menu of short link-like items"
            or sum(bool(_CONTENTS_ENTRY.match(p)) for p in _parts(lines[i + 1].text)) >= 2):
        # its heading over its links written as a row ("In this guide" / "A · B · C", "1. Before you go   2. Steps")
        found[i] = found[i + 1] = "table of contents"
        return i + 2
    j = i + 1
    numbered = 0
    # Numbered entries, and unnumbered ones of a word or three between them ("Abstract", "References"), spaced as
    # the first is (a blank line between them all, or none: past the box, the page's first heading).
    gap = lines[j].start - lines[i].end if j <= last else 0
    while (j <= last and (_CONTENTS_ENTRY.match(lines[j].text) or _run_item(lines[j].text))
           and len(lines[j].text.split()) <= RUN_ITEM_WORDS + 5 and lines[j].start - lines[j - 1].end == gap <= 2):
        numbered += bool(_CONTENTS_ENTRY.match(lines[j].text))
        j += 1
    if numbered < 2:
        return i + 1
    for k in range(i, j):
        found[k] = "table of contents"
    return j


# Where a printed page's running head is set apart from its page number or its other half ("ANNUAL REPORT     12");
# or, with no such gap, by a bar ("ANNUAL REPORT  |  12").
_HEAD_GAP = re.compile(r"\s{6,}|\t")
_HEAD_BAR = re.compile(r"\s+\|\s+")


def _head_halves(text: str) -> list[str]:
    """The halves of a line that may be a running head (see :data:`_HEAD_GAP`)."""
    t = text.strip()
    parts = _HEAD_GAP.split(t)
    return _HEAD_BAR.split(t) if len(parts) == 1 else parts


#: Fewest words of the half a running head repeats: a lone word or figure comes back in any table.
RUNNING_HEAD_WORDS = 2


def _running_heads(lines: list[Line], found: dict[int, str], text: str | None) -> None:
    """Mark a printed work's running heads: lines alone between blank lines, each two halves set far apart, whose one
    half comes back as a half of another ("MARKET REVIEW 2025      12" ... "3 · PRICES      MARKET REVIEW 2025").
    A table's row stands in a block of rows, and a page's own lines do not repeat so."""
    if text is None:
        return
    halves: dict[int, list[str]] = {}
    for i, ln in enumerate(lines):
        parts = [p.strip().lower() for p in _head_halves(ln.text)]
        alone = (i == 0 or not _next_in_block(lines, i - 1, text)) and (i + 1 == len(lines) or not _next_in_block(lines, i, text))
        if len(parts) == 2 and all(parts) and alone:
            halves[i] = parts
    seen = Counter(p for parts in halves.values() for p in set(parts) if len(_words(p)) >= RUNNING_HEAD_WORDS)
    for i, parts in halves.items():
        if i not in found and any(seen[p] >= 2 for p in parts):
            found[i] = "the work's running head"


def _edge_chrome(lines: list[Line], i: int, inward: int, prose: _Prose) -> str | None:
    """Why ``lines[i]``, at the page's edge, is chrome; ``inward``: +1 at the top, -1 at the bottom."""
    why = chrome_at_edge(lines[i].text)
    if why == "web-interface link" and prose.names(lines[i].text):
        j = i + inward
        if 0 <= j < len(lines) and chrome_at_edge(lines[j].text):
            return why  # an item of a menu written one to a line ("News" over "Contact")
        return None  # the page's subject in interface words ("Language", "Sign language"), not a link
    return why


# --- chrome the rules do not know: a model learned from gold pages -----------------------------------------------

#: Fewest non-blank lines of a page the learned model looks at (a shorter one has no edges apart from its text).
EDGE_MODEL_MIN_LINES = 4
#: Where the learned model of edge lines is kept (``make train`` writes it: :mod:`workers.training.edge_chrome`).
EDGE_MODEL = "edge_chrome.json"
_SEPARATORS = re.compile(r"[|·•»>/›→]")
_SYMBOLS = re.compile(r"[☰↑→×▲★♥✉←«»›‹©®™]")
_WORD_BUCKETS = (("w1", 1, 1), ("w2", 2, 2), ("w3", 3, 3), ("w45", 4, 5), ("w68", 6, 8), ("w912", 9, 12), ("w13", 13, 10**9))


def edge_line_features(text: str, pos: int, top: bool, chrome_before: bool, buckets: int) -> dict[str, float]:
    """What the learned model reads of a line near the page's edge: its length, punctuation, capitals, figures,
    separators and symbols, its share of interface words, its words (hashed into ``buckets``), how far it stands from
    the edge (``pos``), which edge, and whether the line between it and the edge is chrome (``chrome_before``)."""
    t = text.strip()
    ws = t.split()
    n = len(ws)
    f = {"bias": 1.0, "top" if top else "bottom": 1.0, f"pos{min(pos, 3)}": 1.0}
    f.update({name: 1.0 for name, lo, hi in _WORD_BUCKETS if lo <= n <= hi})
    f.update({name: 1.0 for name, hit in (
        ("sent_end", _SENTENCE_END.search(t)), ("q", t.endswith("?")), ("colon", t.endswith(":")),
        ("digit", re.search(r"\d", t)), ("year", re.search(r"\b(?:1[89]|20)\d\d\b", t)), ("sym", _SYMBOLS.search(t)),
        ("lowerstart", t[:1].islower()), ("chrome_before", chrome_before),
    ) if hit})
    f[f"sep{min(len(_SEPARATORS.findall(t)), 2)}"] = 1.0
    letters = [c for c in t if c.isalpha()]
    if len(letters) > 2 and all(c.isupper() for c in letters):
        f["caps"] = 1.0
    f["capshare"] = sum(1 for w in ws if w[:1].isupper()) / max(n, 1)
    words = _words(t)
    content = [w for w in words if w not in _FUNCTION_WORDS]
    ui = sum(1 for w in content if w in _UI_WORDS or w in _TOOL_VERBS or w in _ACTION_WORDS)
    f["ui_share"] = ui / max(len(content), 1)
    if ui:
        f["ui_any"] = 1.0
    for w in words:
        f[f"h{zlib.crc32(w.encode()) % buckets}"] = 1.0
    return f


@lru_cache(maxsize=None)
def _shipped_model(name: str) -> dict | None:
    """A learned chrome model as ``make train-chrome`` wrote it under ``workers/data``; None before the first training
    (then the rules alone, or the models there are)."""
    try:
        return table(name)
    except FileNotFoundError:
        return None


#: Where the learned model of chrome lines anywhere on the page is kept (:mod:`workers.training.inner_chrome`).
INNER_MODEL = "inner_chrome.json"


class PageShape:
    """What the learned model of chrome lines reads of a page around each line: its blocks (lines with no blank line
    between), which lines are running text, where the text begins and ends, and which lines the rules and the edge
    model called chrome (``found``, read once: the model's own calls do not feed each other)."""

    def __init__(self, lines: list[Line], text: str | None, found: dict[int, str]) -> None:
        n = len(lines)
        self.lines, self.n, self.found = lines, n, set(found)
        self.block = [0] * n
        for i in range(1, n):
            self.block[i] = self.block[i - 1] + (not _next_in_block(lines, i - 1, text))
        self.members: dict[int, list[int]] = {}
        for i in range(n):
            self.members.setdefault(self.block[i], []).append(i)
        self.prose = [_prose_line(ln.text) for ln in lines]
        self.first_prose = next((i for i in range(n) if self.prose[i]), n)
        self.last_prose = max((i for i in range(n) if self.prose[i]), default=-1)
        self._stats: dict[int, dict[str, float]] = {}

    def block_stats(self, b: int) -> dict[str, float]:
        if (st := self._stats.get(b)) is None:
            ks = self.members[b]
            size = len(ks)
            texts = [self.lines[k].text.strip() for k in ks]
            st = self._stats[b] = {
                "b_short": sum(len(t.split()) <= 6 for t in texts) / size,
                "b_sent": sum(bool(_SENTENCE_END.search(t)) for t in texts) / size,
                "b_prose": sum(self.prose[k] for k in ks) / size,
                f"b_size{1 if size == 1 else 3 if size <= 3 else 6 if size <= 6 else 7}": 1.0,
            }
        return st


def inner_line_features(shape: PageShape, i: int, buckets: int) -> dict[str, float]:
    """What the learned model of chrome lines reads of line ``i``: what the edge model reads of it (see
    :func:`edge_line_features`), and its setting: its block's size and how many of its lines are short, end a
    sentence or are running text; where in the block and on the page it stands (above the first line of running
    text, below the last); whether the lines beside it are chrome, running text, or in its block."""
    n = shape.n
    top = i < n / 2
    beside = i - 1 if top else i + 1
    f = {"e_" + k: v for k, v in edge_line_features(shape.lines[i].text, min(i, n - 1 - i, 3), top,
                                                    beside in shape.found, buckets).items()}
    b = shape.block[i]
    ks = shape.members[b]
    f.update(shape.block_stats(b))
    f["b_first" if i == ks[0] else "b_last" if i == ks[-1] else "b_mid"] = 1.0
    others = len(ks) - 1
    f["b_found"] = sum(k in shape.found for k in ks if k != i) / others if others else 0.0
    f[f"rel{min(int(5 * i / max(n - 1, 1)), 4)}"] = 1.0
    if i < shape.first_prose:
        f["before_text"] = 1.0
    if i > shape.last_prose:
        f["after_text"] = 1.0
    for j, side in ((i - 1, "prev"), (i + 1, "next")):
        if 0 <= j < n:
            if j in shape.found:
                f[side + "_found"] = 1.0
            if shape.prose[j]:
                f[side + "_prose"] = 1.0
            if shape.block[j] == b:
                f[side + "_inblock"] = 1.0
    return f


#: Most words of a line of running text the learned models may take; a longer one only the rules can call chrome. A
#: model's score sums a weight for each of the line's words, so a long paragraph at the page's edge or a long caption
#: could add up past the threshold: with the corpus left out of the models' training (``make chrome-real``), they took
#: a paragraph of 40 words and a caption, though the gold's chrome holds 6 lines of 30 words or more in 4,147 (cookie
#: and licence notices, most of them found by rules, and lists of links).
MODEL_MAX_WORDS = 30
#: Marks between the items of a list of links or a menu ("Related guides  •  ...  •  ..."): such a line is no running
#: text, however many words its items hold. ("/" and ">" are left out: running text writes them too.)
_ITEM_MARKS = re.compile(r"[|·•»›→]")


def _model_may_take(text: str) -> bool:
    """Whether the learned models may call ``text`` chrome: not a line of running text of :data:`MODEL_MAX_WORDS`
    words or more (a list's line, its items set apart by two marks or more, they may)."""
    return len(text.split()) < MODEL_MAX_WORDS or len(_ITEM_MARKS.findall(text)) >= 2


def _learned_lines(lines: list[Line], text: str | None, found: dict[int, str], model: dict) -> None:
    """Mark each line the rules and the edge model left that the learned model of chrome lines scores above its
    threshold: a site's box between the paragraphs in words no rule knows, or a line past where the walks from the
    edges stopped, which the model reads with the lines around it. (Kept to the lines between the walks' stops, it
    took 8 fewer chrome lines of catalog 4 and 6 fewer of the development set H, and no content line more.)"""
    shape = PageShape(lines, text, found)
    weights, buckets = model["weights"], model["buckets"]
    cut = math.log(model["threshold"] / (1 - model["threshold"]))  # (log-odds: no exp() to overflow)
    for i in range(len(lines)):
        if i not in shape.found and _model_may_take(lines[i].text) and not _MEDIA_CONTACT.match(lines[i].text.strip()) and sum(v * weights.get(k, 0.0) for k, v in inner_line_features(shape, i, buckets).items()) > cut:
            found[i] = "chrome by the learned model of chrome lines"


#: Where the learned model of lines read without the rules' finds is kept (:mod:`workers.training.unaided_chrome`).
UNAIDED_MODEL = "unaided_chrome.json"
#: Signs running text has too (degrees, money, dashes, quotes): not the glyphs of a site's buttons and icons.
_TEXT_SIGNS = frozenset("°%&§¶±×€£$¥–—…’‘“”«»")
_READER = frozenset({"you", "your", "you're", "yours"})


def _drawn_signs(t: str) -> int:
    return sum(1 for c in t if unicodedata.category(c) in ("So", "Sm", "Sk") and c not in _TEXT_SIGNS)


def glyph_features(text: str) -> dict[str, float]:
    """What the model of lines read alone reads of a line beyond what the others do: icons and drawn signs (any
    symbol but those running text has too: "▸", "⟳", "▮"), the share of punctuation and of figures among its
    characters, and whether it speaks to the reader ("you", "your"). Shapes, not words: a site nobody has read
    draws its buttons with some glyph and talks to its reader."""
    t = "".join(text.split())
    n = max(len(t), 1)
    drawn = _drawn_signs(t)
    if drawn:
        drawn = _drawn_signs(ftfy.fix_text(t))  # ("Ã©" is an "é" read in the wrong encoding, not a sign)
    f = {"x_punct": sum(1 for c in t if unicodedata.category(c).startswith("P")) / n,
         "x_digit": sum(1 for c in t if unicodedata.category(c) == "Nd") / n}
    if drawn:
        f["x_sym"] = 1.0
    if drawn >= 2:
        f["x_sym2"] = 1.0
    if _READER & set(re.findall(r"[a-z']+", text.lower())):
        f["x_you"] = 1.0
    return f


def unaided_line_features(shape: PageShape, i: int, buckets: int) -> dict[str, float]:
    """What the model of lines read alone reads of line ``i``: what the model of chrome lines reads (see
    :func:`inner_line_features`), on a ``shape`` that holds no finds, and the line's glyphs (:func:`glyph_features`)."""
    f = inner_line_features(shape, i, buckets)
    f.update(glyph_features(shape.lines[i].text))
    return f


def _unaided_lines(lines: list[Line], text: str | None, found: dict[int, str], model: dict) -> None:
    """Mark each line left so far that the model of lines read alone scores above its threshold. The other two
    models learn beside the rules, and learn mostly that chrome stands by what the rules found: on a site whose
    chrome no rule knows, they find little. This one never sees the rules' finds, so it learns what chrome looks
    like itself (session 55: on four invented sets, each read with the code of the day before it became
    development, it found 0.04 more of their chrome and no content). A phone number or an email address it leaves:
    whose they are, the rules tell by where they stand."""
    shape = PageShape(lines, text, {})
    weights, buckets = model["weights"], model["buckets"]
    cut = math.log(model["threshold"] / (1 - model["threshold"]))
    for i, ln in enumerate(lines):
        t = ln.text.strip()
        if i in found or not _model_may_take(t) or _PHONE_NUMBER.search(t) or _EMAIL.search(t) or _MEDIA_CONTACT.match(t):
            continue
        if sum(v * weights.get(k, 0.0) for k, v in unaided_line_features(shape, i, buckets).items()) > cut:
            found[i] = "chrome by the learned model of lines read alone"


def _prose_line(text: str, words: int = PROSE_LINE_WORDS) -> bool:
    """A line of running text: a sentence's end, and as many ``words`` as a line of prose has."""
    t = text.strip()
    return len(t.split()) >= words and bool(_SENTENCE_END.search(t))


#: Fewest words of a sentence under a line that make that line a title, which the learned edge model leaves alone
#: ("Bridge to close" over "The bridge shuts on Monday for repairs."): a menu's last item has no sentence under it.
TITLE_OVER_WORDS = 5


def _rules_own(text: str, prose: _Prose | None) -> bool:
    """A line the rules decide on alone: a row laid out in columns (a table's, or a menu's the rules know), a phone
    number or an email address (the owner's contacts or the page's, told apart by where they stand), or words the
    page's prose names again (its subject, even in interface words: "Language")."""
    return bool(CELL_GAP.search(text) or _PHONE_NUMBER.search(text) or _EMAIL.search(text) or _MEDIA_CONTACT.match(text.strip())
                or (prose is not None and prose.names(text)))


def _learned_edge(lines: list[Line], start: int, stop: int, inward: int, found: dict[int, str], model: dict,
                  prose: _Prose | None = None) -> int:
    """Walk on from ``start`` (the first line the rules left at one edge) while the learned model calls each line
    chrome, within ``model["edge_lines"]`` of the edge and not past ``stop``; the line the walk stopped at.

    The lines the rules decide on (:func:`_rules_own`) stop it, and so, at the top, does the line right over the
    first paragraph: the model, not knowing the page, would take a short title for a site's name."""
    n = len(lines)
    weights, limit = model["weights"], model["edge_lines"]
    # The probability is over the threshold where the score is over its log-odds: no exp(), which overflows on a
    # long line whose many words add up to a large score.
    cut = math.log(model["threshold"] / (1 - model["threshold"]))
    edge = 0 if inward > 0 else n - 1
    i = start
    while (i <= stop if inward > 0 else i >= stop) and i not in found:
        pos = abs(i - edge)
        # The walk stops past its edge lines, at a line the rules decide on or too long for a model to take
        # (:func:`_model_may_take`), and, at the top, at the line right over the first paragraph (the page's title
        # or standfirst).
        if pos >= limit or _rules_own(lines[i].text, prose) or not _model_may_take(lines[i].text) or (inward > 0 and i + 1 < n and _prose_line(lines[i + 1].text, TITLE_OVER_WORDS)):
            break
        before = i - inward
        feats = edge_line_features(lines[i].text, pos, inward > 0, not 0 <= before < n or before in found, model["buckets"])
        if sum(v * weights.get(k, 0.0) for k, v in feats.items()) <= cut:
            break
        found[i] = "chrome by the learned model of page edges"
        i += inward
    return i


# A row of a details box: a label of a few words, then a gap, then its value ("Subjects      fishing · ports").
_DETAIL_ROW = re.compile(r"^(\S.{0,24}?)(?:\s{3,}|\t)(?=\S)")
#: Fewest other rows of a details box, their values in the same column, around a row read as a menu.
DETAIL_ROWS = 2


def _details_box(lines: list[Line], found: dict[int, str], text: str | None) -> None:
    """Give back a details box's row that reads as a menu by its value ("Subjects      ports · fishing · quays",
    among "Decided      27 January" and "Bench      A, B"): its block holds two or more other rows whose values
    start in the same column, none of them chrome. A menu under a site's name does not line up with rows of
    facts."""
    for i in [k for k, why in found.items() if why == "menu of short link-like items"]:
        m = _DETAIL_ROW.match(lines[i].text)
        if not m:
            continue
        column = m.end()
        rows = 0
        for step in (-1, 1):
            j = i
            while 0 <= j + step < len(lines) and _next_in_block(lines, min(j, j + step), text):
                j += step
                other = _DETAIL_ROW.match(lines[j].text)
                if j in found or not other or other.end() != column:
                    break
                rows += 1
        if rows >= DETAIL_ROWS:
            del found[i]


def _next_in_block(lines: list[Line], j: int, text: str | None) -> bool:
    """``lines[j + 1]`` follows ``lines[j]`` in one block: one line break between them, no blank line (without the
    page's ``text``, one character between them)."""
    a, b = lines[j].end, lines[j + 1].start
    return len(_LINE_BREAK.findall(text, a, b)) <= 1 if text is not None else b - a <= 1


def _block_end(lines: list[Line], i: int, last: int, text: str | None) -> int:
    """Index of the last line of the block ``lines[i]`` opens (no blank line between its lines), not past ``last``."""
    j = i
    while j + 1 <= last and _next_in_block(lines, j, text):
        j += 1
    return j


#: Most lines and most words a line of a box of the site's (its newsletter's, its author's) may have.
BOX_MAX_LINES = 5
BOX_LINE_WORDS = 40
#: Most words of a line under a newsletter's prompt in its box ("Our monthly letter brings festival dates and deals.").
BOX_NOTE_WORDS = 15
# A box about the page's author, by its heading: "About the author".
_ABOUT_AUTHOR = re.compile(r"^\W*about\s+the\s+(?:author|writer|contributor|reporter)s?\W*$", re.IGNORECASE)
#: Most words of the note an advertisement's label carries in its block ("Continue reading below").
AD_NOTE_WORDS = 6


# The link under a box of headlines to all of them: a few words and an arrow ("All speeches ›", "All 212 trip reports »").
_BOX_LINK = re.compile(r"^\W*(?:all|more|see\s+all|view\s+all)\b[^.!?]{0,30}?[›»→]\s*$", re.IGNORECASE)


def _inner_boxes(lines: list[Line], top: int, bottom: int, found: dict[int, str], text: str | None) -> None:
    """Boxes of chrome inside the page, each a block of its own (blank lines around it): a list of related links
    ("Related news" or "Most read" over headlines; :func:`_related_links`), and an advertisement's label with the
    short note under it ("ADVERTISEMENT" / "Continue reading below")."""
    i = top
    while i <= bottom:
        j = _block_end(lines, i, bottom, text)
        last = j
        while last > i and (last in found or _ui_only(lines[last].text) or _BOX_LINK.match(lines[last].text)):
            last -= 1  # (the box's own share line or link under its headlines: "Share this: ...", "View more articles")
        if last - i >= 2 and all(k not in found for k in range(i + 1, last + 1)) and _related_links(lines, last) == i:
            for k in range(i, j + 1):
                found.setdefault(k, "list of related links")
        elif i + 1 <= j and i not in found and found.get(i + 1) == "form fields and buttons" and _tagline(lines[i].text):
            found[i] = "the form's heading"  # "Plan your stay" over "Check-in [ dd/mm ]   [ Search hotels ]"
            # and the form's note under it ("Prices from our partners, updated hourly")
            for k in range(i + 2, j + 1):
                t = lines[k].text.strip()
                if k in found or len(t.split()) > BOX_NOTE_WORDS or _SENTENCE_END.search(t):
                    break
                found[k] = "the form's note"
        elif _ABOUT_AUTHOR.match(lines[i].text):
            if j - i < BOX_MAX_LINES and all(len(lines[k].text.split()) <= BOX_LINE_WORDS for k in range(i, j + 1)):
                for k in range(i, j + 1):
                    found.setdefault(k, "the author's box")
        elif prompts := [k for k in range(i, j + 1) if found.get(k) == "the site's newsletter box"]:
            # Its heading over the prompt, and under it a line on what it sends and the form's fields and button.
            k = prompts[0] - 1
            while k >= i and k not in found and _tagline(lines[k].text):
                found[k] = "the site's newsletter box"
                k -= 1
            k = prompts[-1] + 1
            while k <= j and k not in found and len(lines[k].text.split()) <= BOX_NOTE_WORDS:
                found[k] = "the site's newsletter box"
                k += 1
        elif found.get(i) == "feedback widget":
            for k in range(i + 1, j + 1):
                t = lines[k].text.strip()
                if k in found or not (t.lower() in _FEEDBACK_ANSWERS or _ui_only(t) or _mostly_ui(t)):
                    break
                found[k] = "the feedback widget's buttons"
        elif found.get(i) == "advertisement slot":
            for k in range(i + 1, j + 1):
                t = lines[k].text.strip()
                # (the advertisement itself, a sentence or two, when it is all the label's block holds: "Sponsored" /
                # "Moisture meters for cacao, with free delivery.")
                if k == i + 1 == j and k not in found and len(t.split()) <= AD_LINE_WORDS:
                    found[k] = "advertisement"
                    break
                if k in found or len(t.split()) > AD_NOTE_WORDS or _SENTENCE_END.search(t):
                    break
                found[k] = "the advertisement's note"
        i = j + 1


def _bottom_walk(lines: list[Line], bottom: int, found: dict[int, str], prose: _Prose, text: str | None, stop: int = 0) -> int:
    """Walk up from ``bottom`` while the rules find chrome at the page's bottom edge (not past ``stop``), marking it in
    ``found``; the line the walk stopped at."""
    n = len(lines)
    while bottom >= stop:
        if why := _edge_chrome(lines, bottom, -1, prose):
            found[bottom] = why
            bottom -= 1
            continue
        if bottom == n - 1:
            break  # the page's last line is its own unless its shape says chrome: a block must have chrome below it
        names = [lines[0].text] + [lines[k].text for k in range(bottom + 1, n) if found.get(k) == "copyright line"]
        start = _contact_block(lines, bottom, names)
        why = "the site owner's contact block"
        if start > bottom:
            start, why = _related_links(lines, bottom), "list of related links"
        if start > bottom:
            start, why = _footer_contact_run(lines, bottom, text), "the site owner's contacts, in the footer's block"
        if start > bottom or start < stop:
            break
        for k in range(start, bottom + 1):
            found[k] = why
        bottom = start - 1
    return bottom


def _top_walk(lines: list[Line], top: int, bottom: int, found: dict[int, str], prose: _Prose, text: str | None,
              footer: list[str], edge_below: list[str]) -> int:
    """Walk down from ``top`` while the rules find chrome at the page's top edge (not past ``bottom``), marking it in
    ``found``; the line the walk stopped at. ``footer``, ``edge_below``: the owner's lines the bottom walk found."""
    while top <= bottom:
        why = _edge_chrome(lines, top, 1, prose)
        if why is None and _site_name(lines[top].text, footer):
            why = "site name, repeated in the footer"
        if why is None and top + 1 <= bottom and _banner_over_trail(lines[top].text, lines[top + 1].text):
            why = "site banner over the breadcrumb trail"
        if why is None and top + 1 <= bottom and _banner_over_menu(lines, top):
            why = "site banner over the menu"
        if why is None and top + 1 <= bottom and _banner_of_body(lines, top, edge_below):
            why = "site banner over the page title"
        if why is None and top > 0 and _is_trail(lines[top].text, loose=True):
            why = "breadcrumb trail"
        after_item = top > 0 and top - 1 in found and _run_item(lines[top - 1].text)
        if why is None and ((end := _two_level_menu(lines, top, bottom, text)) > top
                            or (end := _menu_run(lines, top, bottom, after_item=after_item, text=text)) > top
                            or (end := _menu_block(lines, top, bottom, text, prose)) > top):
            for k in range(top, end):
                found[k] = "menu written one link to a line"
            top = end
            continue
        # (under a breadcrumb trail stands the page's title, not the site's name: the trail comes after the banner)
        if why is None and found.get(top - 1) != "breadcrumb trail" and (k := _banner_lines(lines, top, bottom)):
            for j in range(top, top + k):
                found[j] = "site name or motto over the menu"
            top += k
            continue
        if why is None:
            break
        found[top] = why
        top += 1
    return top


def find_chrome(lines: list[Line], text: str | None = None, *, learned: bool = True,
                edge_model: dict | None = None, inner_model: dict | None = None, inner: bool = True,
                unaided_model: dict | None = None) -> dict[int, str]:
    """Index of each chrome line among ``lines`` (non-blank lines only) -> why. ``text``, the page the lines are of,
    tells where blank lines stood between them. Where the rules stop at an edge, the learned model of edge lines
    walks on: ``edge_model``, or the shipped one (not with ``learned=False``: the rules alone, which the model is
    trained beside). Then the learned model of chrome lines anywhere on the page: ``inner_model``, or the shipped
    one (not with ``inner=False``: what that model is trained beside); and the model of lines read alone,
    ``unaided_model`` or the shipped one (not with ``inner=False`` either)."""
    found: dict[int, str] = {}
    n = len(lines)
    prose = _Prose(lines)
    bottom = _bottom_walk(lines, n - 1, found, prose, text)
    # Only the owner's line names the site: "© 2022 The Daily Gull", not a page address.
    footer = [lines[i].text for i in range(bottom + 1, n) if found[i] == "copyright line"]
    # The owner's address or registration names the owner too ("Holy Well Chapel, Chapel Lane, ..."); a notice that
    # mentions the page's subject ("Text about Harbour Island shared under licence") does not make it a site name.
    edge_below = [lines[i].text for i in range(bottom + 1, n) if found[i] in ("the site owner's address", "the site owner's registration")]
    top = _top_walk(lines, 0, bottom, found, prose, text, footer, edge_below)
    model = (edge_model or _shipped_model(EDGE_MODEL)) if learned and n >= EDGE_MODEL_MIN_LINES else None
    if model is not None:
        moved = _learned_edge(lines, top, bottom, 1, found, model, prose)
        # Past the lines the model took (a score ticker), the rules may know the next ones (the menu under it).
        top = _top_walk(lines, moved, bottom, found, prose, text, footer, edge_below) if moved > top else top
        moved = _learned_edge(lines, bottom, top, -1, found, model, prose)
        # Past the lines the model took ("Accept all cookies"), the rules may know the next ones (the cookie notice).
        bottom = _bottom_walk(lines, moved, found, prose, text, stop=top) if moved < bottom else bottom
    # The footer may echo a header line that is not chrome by its shape (a site name).
    header = {lines[i].text.strip() for i in range(top)}
    while bottom >= top and lines[bottom].text.strip() in header:
        found[bottom] = "line repeated at the top and bottom edges"
        bottom -= 1
    for i in range(top, bottom + 1):
        if why := chrome_anywhere(lines[i].text):
            found[i] = why
    _section_edit_links(lines, found)
    _interface_topic(lines, found)
    i = top
    while i <= bottom:
        i = _contents_box(lines, i, bottom, found)
    last_at = {ln.text.strip().lower(): k for k, ln in enumerate(lines)}
    i = top
    while i <= bottom:
        i = _repeated_contents(lines, i, bottom, found, text, last_at)
    _inner_boxes(lines, top, bottom, found, text)
    _running_heads(lines, found, text)
    _print_heads(lines, found, text)
    _calendar_grid(lines, found, text)
    _row_headings(lines, found, text)
    _details_box(lines, found, text)
    i = top
    while i <= bottom:
        i = _language_list(lines, i, bottom, found, text)
    # A share bar or menu written one link to a line between two chrome lines ("Share" / "Mastodon" / "Reddit" /
    # "Email"): its items are chrome too.
    for i, j in _runs_after_chrome(lines, found, top, bottom, _run_item):
        # (The line over a wiki article's tabs, tagline, redirect note or maintenance banner is the article's title,
        # under its site's menu; so is one line alone the page's prose names, under its breadcrumb trail: "Kampot"
        # over "Save to my trip".)
        under_title = found.get(j) in ("the page's tabs", "the wiki's tagline", "the wiki's redirect note", "the wiki's maintenance banner")
        lone_title = j - i == 1 and (prose.names(lines[i].text) or _names_last_crumb(lines[i].text, lines[i - 1].text))
        if j in found and j <= bottom and not lone_title:
            for k in range(i, j - 1 if under_title else j):
                found[k] = "menu written one link to a line"
    _box_items(lines, found)
    _same_mark_runs(lines, found, text)
    _sentence_rest(lines, found)
    _note_rest(lines, found, text)
    _notice_over_buttons(lines, found)
    if learned and inner and n >= EDGE_MODEL_MIN_LINES and (im := inner_model or _shipped_model(INNER_MODEL)) is not None:
        _learned_lines(lines, text, found, im)
    if learned and inner and n >= EDGE_MODEL_MIN_LINES and (um := unaided_model or _shipped_model(UNAIDED_MODEL)) is not None:
        _unaided_lines(lines, text, found, um)
    _name_between_menus(lines, found)  # (after the model: the chrome above the name may be its find)
    _site_map_columns(lines, found)
    return found


def _interface_topic(lines: list[Line], found: dict[int, str]) -> None:
    """A note on how the page works is the page's own text where the page's running text (not its chrome) talks of
    the same thing: an article on phones and browsers says "your device" in its standfirst too."""
    notes = [k for k, why in found.items() if why == INTERFACE_NOTE]
    if not notes:
        return
    prose = Counter(w for k, ln in enumerate(lines) if k not in found and _prose_line(ln.text) for w in _words(ln.text))
    for i in notes:
        # ("devices" in the note, "device" in the prose)
        if any(prose[f] for w in _interface_words(lines[i].text) for f in (w.removesuffix("s"), w.removesuffix("s") + "s")):
            del found[i]


def _section_edit_links(lines: list[Line], found: dict[int, str]) -> None:
    """A control alone on its line that comes back the same under other lines is a wiki's link to edit each section
    ("[ edit ]" under every heading): the line over it is the section's heading, not a form's or a notice's, which
    the rules read over "form fields and buttons"."""
    seen = Counter(ln.text.strip() for ln in lines)
    for i, why in found.items():
        t = lines[i].text.strip()
        if why == "form fields and buttons" and seen[t] >= 2 and _BUTTON.fullmatch(t):
            found[i] = "a section's edit link"


def _runs_after_chrome(lines: list[Line], found: dict[int, str], first: int, last: int,
                       item: Callable[[str], bool]) -> Iterator[tuple[int, int]]:
    """Each run ``lines[i:j]`` (``first <= i``, ``j <= last + 1``) of lines no one called chrome, each an ``item``,
    right under a chrome line, at most :data:`RUN_MAX_LINES` long: ``(i, j)``, ``j`` the line that ended it (chrome
    or not, for the caller to ask). The caller may mark the run before the walk goes on past ``j``."""
    i = first
    while i <= last:
        if i in found or i - 1 not in found:
            i += 1
            continue
        j = i
        while j <= last and j not in found and j - i < RUN_MAX_LINES and item(lines[j].text):
            j += 1
        yield i, j
        i = j + 1


#: Most words of an item of a box set in under its chrome line.
BOX_ITEM_WORDS = 16
# An item set in under its box's first line: indented, or led by a separator ("   4.3 The lakes", "~  The towpath").
_BOX_ITEM_LEAD = re.compile(r"^(?:[ \t]{2,}|[ \t]*[~›⟩»·•▸][ \t])")


def _box_item(text: str) -> bool:
    t = text.strip()
    return bool(_BOX_ITEM_LEAD.match(text)) and 0 < len(t.split()) <= BOX_ITEM_WORDS and not _SENTENCE_END.search(t)


def _box_items(lines: list[Line], found: dict[int, str]) -> None:
    """The rest of a box the rules found the first line of, set in under it with no blank line between: a contents
    list ("MODULE 4 · CONTENTS" / "   4.3 The lakes"), a box of other pages ("MORE WALKS LIKE THIS  ~  The weir" /
    "~  The towpath at dusk"). Each item indented or led by a separator, and no sentence; the page's own lists are
    not set in under the site's chrome."""
    for i, j in _runs_after_chrome(lines, found, 1, len(lines) - 1, _box_item):
        for k in range(i, j):
            if lines[k].start - lines[k - 1].end > 1:
                break
            found[k] = "the rest of a box under its first line"


# A pictograph leading a line: a site's toast or badge ("🔔", "⏱"); check marks and arrows lead a page's own lists.
_LEAD_PICTOGRAPH = re.compile(r"^[ \t]*([\u2600-\u27bf\U0001f300-\U0001faff])")
_LIST_MARKS = frozenset("✓✔✗✘☐☑☒➤►▸➔➜★☆✦✧❖❯❱➢")


def _same_mark_runs(lines: list[Line], found: dict[int, str], text: str | None) -> None:
    """The lines right under a chrome line led by a pictograph, in its block and led by the same one, are more of the
    same: a site's toasts one to a line ("🔔 Someone in Norvik booked ..." / "🔔 A couple from Tarnby saved ...")."""
    for i in range(1, len(lines)):
        if i in found or i - 1 not in found:
            continue
        m = _LEAD_PICTOGRAPH.match(lines[i - 1].text)
        if m is None or m.group(1) in _LIST_MARKS:
            continue
        j = i
        while (j < len(lines) and j not in found and j - i < RUN_MAX_LINES and _next_in_block(lines, j - 1, text)
               and lines[j].text.lstrip().startswith(m.group(1))):
            found[j] = "the next of the site's notes led by the same pictograph"
            j += 1


def _site_map_columns(lines: list[Line], found: dict[int, str]) -> None:
    """Mark a site map laid out in columns with spaces between chrome lines ("ABOUT    DATA    JOBS" over "Staff
    Open datasets    Fellowships"): two rows or more, each of three link-like items or more. A table of the page
    has figures in its cells, and is seldom walled in by chrome above and below."""
    for i, j in _runs_after_chrome(lines, found, 1, len(lines) - 1, _is_spaced_menu):
        if j - i >= 2 and j in found:
            for k in range(i, j):
                found[k] = "the site's map in columns"


_INSTITUTION_WORDS = page_words("institution_words")
#: Most lines of a site's name between its menus ("GOVERNMENT OF THE REPUBLIC OF X" / "Ministry of Y").
NAME_BETWEEN_MENUS_LINES = 2


def _name_between_menus(lines: list[Line], found: dict[int, str]) -> None:
    """A public body's name between chrome lines at the top of the page, every line above it chrome too, is the
    site's name: "Ministry of Water Resources of the Republic of X" between the language switch and the menu. A
    line or two, every word capitalised, one of them a word of such names (``institution_words``); a page's title
    in title case names no ministry."""
    i = 0
    while i in found:
        i += 1
    j = i
    while j < len(lines) and j not in found and j - i < NAME_BETWEEN_MENUS_LINES:
        j += 1
    block = [lines[k].text.strip() for k in range(i, j)]
    if (0 < i and j in found and block
            and all(_all_capitalised(t) and len(t.split()) <= BANNER_NAME_WORDS and not _SENTENCE_END.search(t) for t in block)
            and any(w in _INSTITUTION_WORDS for t in block for w in _words(t))):
        for k in range(i, j):
            found[k] = "the site's name between its menus"


#: Most lines of the notice a row of buttons answers, over it in its block.
BUTTONS_NOTICE_LINES = 3
#: Most words of one of its lines.
BUTTONS_NOTICE_WORDS = 45


def _notice_over_buttons(lines: list[Line], found: dict[int, str]) -> None:
    """The lines right over a row of buttons, no blank line between, are what the buttons answer: a consent banner
    that never says "cookies" ("We and our partners keep small files on your device ..." / "[ Accept all ]   [ Let
    me choose ]"), a newsletter's or an app's prompt. A line or three, none long."""
    for i in range(len(lines)):
        if found.get(i) != "form fields and buttons":
            continue
        k = i - 1
        while (k >= 0 and k not in found and i - k <= BUTTONS_NOTICE_LINES and lines[k + 1].start - lines[k].end <= 1
               and len(lines[k].text.split()) <= BUTTONS_NOTICE_WORDS):
            k -= 1
        if k >= 0 and k not in found and lines[k + 1].start - lines[k].end <= 1:
            continue  # (more of the block goes on above: a paragraph of the page, not a banner's few lines)
        for m in range(k + 1, i):
            found[m] = "the notice its buttons answer"


#: The site's notes that may go on in a sentence or two of their own, in their block: "Some links here pay us a
#: commission." / "Our picks are ours alone."; and the ones a short heading may stand over in their block.
_NOTES_GOING_ON = {"the site's note on its affiliate links", "the site's affiliate note", "the site's editorial note", "the wiki's maintenance banner",
                   "the site's disclaimer", "the site's terms of reuse"}
_NOTES_HEADED = {"the place of an interactive part"}
#: Most sentences, and most words of each, a note goes on with in its block.
NOTE_REST_LINES = 2
NOTE_REST_WORDS = 30


def _note_rest(lines: list[Line], found: dict[int, str], text: str | None) -> None:
    """The rest of a site's note in its block (no blank line between): up to :data:`NOTE_REST_LINES` short lines under
    it; and over a note that stands for an interactive part, its heading ("Check your understanding")."""
    if text is None:
        return
    for i, why in list(found.items()):
        if why in _NOTES_GOING_ON:
            k = i
            while (k + 1 < len(lines) and k + 1 not in found and k + 1 - i <= NOTE_REST_LINES and _next_in_block(lines, k, text)
                   and len(lines[k + 1].text.split()) <= NOTE_REST_WORDS):
                k += 1
                found[k] = why
        elif why in _NOTES_HEADED and i > 0 and i - 1 not in found and _next_in_block(lines, i - 1, text):
            t = lines[i - 1].text.strip()
            if len(t.split()) <= TITLE_OVER_WORDS and not _SENTENCE_END.search(t):
                found[i - 1] = "the heading over " + why


#: Rows of links that a short heading may stand over in their block ("MORE EPISODES" / "Ep. 47 · ...").
_HEADED_ROWS = {"links to other episodes", "a numbered row of links"}


def _row_headings(lines: list[Line], found: dict[int, str], text: str | None) -> None:
    """The heading right over a row of links in its block, a few words and no sentence: "Trending now" over "1. ...
    2. ...   3. ...", "More episodes" over "Ep. 47 · ...   Ep. 46 · ..."."""
    if text is None:
        return
    for i, why in list(found.items()):
        if why in _HEADED_ROWS and i > 0 and i - 1 not in found and _next_in_block(lines, i - 1, text):
            t = lines[i - 1].text.strip()
            if len(t.split()) <= RELATED_HEADER_WORDS + 2 and not _SENTENCE_END.search(t):
                found[i - 1] = "the heading over " + why


def _sentence_rest(lines: list[Line], found: dict[int, str]) -> None:
    """The rest of a chrome line's sentence on the next line is chrome too: a banner wrapped at the screen's width
    ("... You can help by adding" / "independent sources and removing claims ..."). It goes on with no blank line
    between, in lower case, after a line that ends no sentence."""
    for i in range(len(lines) - 1):
        nxt = lines[i + 1].text.lstrip()
        if (i in found and i + 1 not in found and lines[i + 1].start - lines[i].end <= 1 and nxt[:1].islower()
                and not re.search(r"[.!?:;]\W*$", lines[i].text.rstrip())):
            found[i + 1] = "the rest of a chrome line's sentence"


# --- damage ------------------------------------------------------------------


@lru_cache(maxsize=1)
def _english() -> dict[str, float]:
    """English word frequencies (wordfreq's small list, ~30k words), loaded once."""
    from wordfreq import get_frequency_dict

    return get_frequency_dict("en", "small")


def preload() -> None:
    """Load the English word list now (about 0.3 s), e.g. when a worker starts, not on its first page."""
    _english()


def is_common_word(word: str) -> bool:
    return word.lower() in _english()


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


#: Where a lower-case start is damage, a whole word counts if English uses it at least this share as often as the
#: stub (of three letters or more): "many" is 0.69 of "any", "every" 0.62 of "very"; "hand" is 0.01 of "and".
DROP_CAP_WHOLE_RATIO = 0.5


def drop_cap_letter(first_word: str, vocab: Counter[str], *, lower_start_is_damage: bool = False,
                    next_word: str | None = None) -> str | None:
    """The capital a block lost, if its first word is a known word minus its first letter.

    A known word is one the page itself writes, or a common English word; the
    page's own words win over the dictionary.

    A stub that is a word itself ("his" from "This", "hen" from "When") is
    damage only when the caller knows a lower-case start is out of place there
    (``lower_start_is_damage``: a prose paragraph on a page whose paragraphs
    start in capitals). Then the letter is the one whose whole word English
    uses most, and only a whole about as common as the stub counts
    (:data:`DROP_CAP_WHOLE_RATIO`): the repair must make the text likely, not
    merely different. Without that knowledge such
    a stub is repaired only when the page writes the capitalised whole and
    that whole is the commoner word.

    Where two or more letters make words, the word after the stub chooses (``next_word``): the whole that English
    writes most often before it ("here the" is "Where the", not the commoner "There"; "our hundred" is "Four"),
    when English writes any of them before it; else the commoner whole.
    """
    if not first_word.islower() or (len(first_word) < 2 and not lower_start_is_damage):
        return None
    english = _english()
    stub_freq = english.get(first_word, 0.0)
    if len(first_word) < 2:
        # One letter left of its word ("n 2019" for "In 2019", "t was" for "It was"): only where a lower-case start
        # is damage, and then the whole word English uses most.
        return _letter_by_frequency(first_word, 1.0, vocab, english, next_word)
    if stub_freq and lower_start_is_damage:
        # (a stub of three letters or more about as common as its whole: "any" of "Many", "very" of "Every"; not
        # "and" of "Hand", nor a two-letter "an" of "Can", which a lower-case line is more often than damage)
        ratio = DROP_CAP_WHOLE_RATIO if len(first_word) >= 3 else 1.0
        return _letter_by_frequency(first_word, ratio, vocab, english, next_word)
    if vocab.get(first_word, 0) > 1:
        return None
    scored = []
    for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ":
        whole = c + first_word
        on_page = vocab.get(whole, 0) + vocab.get(whole.lower(), 0)
        freq = english.get(whole.lower(), 0.0)
        if stub_freq and not (vocab.get(whole, 0) and freq > stub_freq):
            continue
        if on_page or freq:
            scored.append((on_page, freq, c))
    if not scored and len(first_word) >= RARE_WHOLE_MIN_STUB:
        # (a whole too rare for the small list: "rnithologists" of "Ornithologists")
        rare = _rare_english()
        scored = [(0, float(rare[(c + first_word).lower()]), c) for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
                  if (c + first_word).lower() in rare]
    if not scored:
        return None
    pairs = _before(next_word, [c + first_word for _, _, c in scored]) if len(scored) > 1 else {}
    if len(scored) > 1 and not pairs and _plural(next_word):
        share = _before_plurals(tuple((c + first_word).lower() for _, _, c in scored))
        scored = [(on_page, freq * share.get((c + first_word).lower(), 0.0), c) for on_page, freq, c in scored]
    # (the page's own use counts when it is more than a chance one: "Ghana" throughout the page, or a name English
    # does not know; one "Line" in an address tells nothing of "ine beekeepers")
    scored.sort(key=lambda s: (s[0] if s[0] > 1 or not s[1] else 0, pairs.get((s[2] + first_word).lower(), 0), s[1]),
                reverse=True)
    if len(scored) > 1 and scored[0][:2] == scored[1][:2] and not pairs:
        return None  # two letters fit equally well: do not guess
    return scored[0][2]


def _letter_by_frequency(stub: str, ratio: float, vocab: Counter[str], english: dict[str, float],
                         next_word: str | None = None) -> str | None:
    """The capital whose whole word (capital + stub) English writes most often, if it writes it more than ``ratio``
    times as often as the stub. Before ``next_word``, when English writes any whole there: how often it writes each
    there ("our hundred" is "Four hundred", though "four" is rarer than "our")."""
    letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    # (the table is searched only when some capital makes an English word of the stub at all)
    known = any((c + stub).lower() in english for c in letters)
    pairs = _before(next_word, [stub] + [c + stub for c in letters]) if known else {}
    if any(w != stub.lower() for w in pairs):
        counts, floor = {c: pairs.get((c + stub).lower(), 0) for c in letters}, ratio * pairs.get(stub.lower(), 0)
    else:
        counts, floor = {c: english.get((c + stub).lower(), 0.0) for c in letters}, ratio * english.get(stub, 0.0)
    scored = [(counts[c], vocab.get(c + stub, 0) + vocab.get((c + stub).lower(), 0), c) for c in letters if counts[c] > floor]
    if not known:
        # No capital makes an English word of the stub, but the page may write the whole elsewhere: "lina" of the
        # "Alina" its title names, though "Lina" is a word of its own.
        scored = [(0.0, vocab[c + stub], c) for c in letters if vocab.get(c + stub, 0)]
    if not scored:
        return None
    scored.sort(reverse=True)
    if len(scored) > 1 and scored[0][:2] == scored[1][:2]:
        return None
    return scored[0][2]


#: Shortest stub whose whole is looked up in the larger word list when the small one has no whole for it.
RARE_WHOLE_MIN_STUB = 4


@lru_cache(maxsize=1)
def _rare_english() -> dict[str, int]:
    """English words with their counts, rare ones too (symspellpy's 82,765-word dictionary, from Google Books
    Ngrams), read once, when a stub's whole is not in wordfreq's small list (about 0.05 s)."""
    from importlib.resources import files

    text = files("symspellpy").joinpath("frequency_dictionary_en_82_765.txt").read_text(encoding="utf-8")
    return {w: int(n) for w, n in (line.split() for line in text.splitlines() if line)}


@lru_cache(maxsize=1)
def _bigram_table() -> str:
    """English word pairs with their counts, "first second count" a line: symspellpy's bigram dictionary (drawn from
    Google Books Ngrams), read once, when a lost drop-cap first has two letters to choose from (about 0.02 s)."""
    from importlib.resources import files

    return files("symspellpy").joinpath("frequency_bigramdictionary_en_243_342.txt").read_text(encoding="utf-8")


def _before(next_word: str | None, wholes: list[str]) -> dict[str, int]:
    """How often English writes each of ``wholes`` (lower case) right before ``next_word``; the pairs it never
    writes are left out. A search of the table, not a dictionary of it: a page needs a pair or two."""
    return _pair_counts(next_word.lower(), tuple(w.lower() for w in wholes)) if next_word else {}


@lru_cache(maxsize=512)
def _pair_counts(next_word: str, wholes: tuple[str, ...]) -> dict[str, int]:
    pattern = re.compile(r"^(" + "|".join(map(re.escape, wholes)) + r") " + re.escape(next_word) + r" (\d+)$", re.MULTILINE)
    return {m.group(1): int(m.group(2)) for m in pattern.finditer(_bigram_table())}


def _plural(word: str | None) -> bool:
    """A plural noun, as far as its spelling tells: a lower-case word that is the plural of another English word."""
    return bool(word and word.islower() and any(stem in _rare_english() for stem in plural_stems(word)))


@lru_cache(maxsize=512)
def _before_plurals(wholes: tuple[str, ...]) -> dict[str, float]:
    """For each of ``wholes``, the share of the pairs it starts in the table whose second word is a plural: where the
    table has no pair of any whole with the next word itself, how likely each is before a plural at all ("ine
    beekeepers": "nine" stands before plurals in three pairs of five, "line" in one of twenty)."""
    pattern = re.compile(r"^(" + "|".join(map(re.escape, wholes)) + r") (\S+) (\d+)$", re.MULTILINE)
    total: Counter[str] = Counter()
    plural: Counter[str] = Counter()
    for m in pattern.finditer(_bigram_table()):
        n = int(m.group(3))
        total[m.group(1)] += n
        if _plural(m.group(2)):
            plural[m.group(1)] += n
    return {w: plural[w] / total[w] for w in total}


_LETTER = re.compile(r"[^\W\d_]")
_LOWER_START = re.compile(r"^([a-z][^\W\d_]*)")


def _hyphen_end(body: str) -> str | None:
    """The word (two letters or more) a line ends with before a trailing hyphen, found walking back from the end.

    A search for ``([^\\W\\d_]{2,})-$`` tries every start position of a line of letters
    and runs each to the line's end: a 10,000-letter line cost a second, 40,000 twenty.
    """
    if not body.endswith("-"):
        return None
    i = len(body) - 1
    while i > 0 and _LETTER.match(body, i - 1):
        i -= 1
    word = body[i:-1]
    return word if len(word) >= 2 else None


# --- building a block ----------------------------------------------------------


@dataclass
class _Ctx:
    """What the repairs of one page share. The word counts are built only when a repair needs them."""

    source: str
    repairs: list[Repair] = field(default_factory=list)

    @cached_property
    def vocab(self) -> Counter[str]:
        return _vocabulary(self.source)

    @cached_property
    def hyphenated(self) -> set[str]:
        """Compounds the page writes with a hyphen inside a line."""
        # The look-behind starts a try only where a word starts: inside a long run of letters every start
        # would read on to the run's end.
        return {m.group().lower() for m in re.finditer(r"(?<![^\W\d_])[^\W\d_]+-[^\W\d_]+", self.source)}


def _clean_block(lines: list[Line], ctx: _Ctx, *, chrome: bool, lower_start_is_damage: bool = False) -> Block:
    b = TextBuilder()
    skip_to: int | None = None  # source offset where the next line's text resumes after a joined hyphen
    glued = False  # the first line is a drop-cap letter set apart, joined to the next line's word
    for li, line in enumerate(lines):
        raw = line.text
        lead = len(raw) - len(raw.lstrip())
        trail = len(raw.rstrip())
        pos = line.start + lead
        body = raw[lead:trail]
        if li and skip_to is None:
            # after a drop-cap letter on a line of its own, the rest of its word follows with no break
            b.replace(lines[li - 1].end, line.start, "" if glued else "\n")
            glued = False
        if skip_to is not None:
            body = ctx.source[skip_to : line.start + trail]
            pos, skip_to = skip_to, None
        nxt = lines[li + 1] if li + 1 < len(lines) else None
        if li == 0 and not chrome:
            if (split := _set_apart_drop_cap(body, nxt)) is not None:
                # "W ith the pier", or "T" on a line over "he harbour": the letter joins the rest of its word
                letter, rest, gap = split
                b.copy(ctx.source, pos, pos + 1)
                if gap:
                    b.replace(pos + 1, pos + 1 + gap, "")
                    _note_split_drop_cap(ctx, pos, pos + 1 + gap + len(rest), letter + rest)
                    pos, body = pos + 1 + gap, body[1 + gap:]
                else:
                    glued = True
                    resume = nxt.start + len(nxt.text) - len(nxt.text.lstrip())
                    _note_split_drop_cap(ctx, pos, resume + len(rest), letter + rest)
                    continue  # the line holds only the letter
            else:
                _maybe_drop_cap(b, pos, body, ctx, lower_start_is_damage)
        joined_at, keep_hyphen = None, False
        if nxt is not None and not chrome and (left := _hyphen_end(body)):
            rm = _LOWER_START.match(nxt.text.lstrip())
            if rm:
                joined_at = pos + len(body) - 1
                keep_hyphen = not _joins_hyphen_ctx(left, rm.group(1), ctx)
        if joined_at is None:
            _append_fixed(b, ctx, pos, body)
            continue
        if keep_hyphen:
            # A real compound ("well-known") broken at its hyphen: keep the hyphen, drop the break.
            joined_at += 1
        _append_fixed(b, ctx, pos, body[: joined_at - pos])
        resume = nxt.start + len(nxt.text) - len(nxt.text.lstrip())
        b.replace(joined_at, resume, "")
        ctx.repairs.append(
            Repair(
                kind="line_break" if keep_hyphen else "dehyphenate",
                source_start=joined_at,
                source_end=resume,
                before=ctx.source[joined_at:resume],
                after="",
                reason="a hyphenated compound broken at a line break is kept whole"
                if keep_hyphen
                else "a word split by a hyphen at a line break is joined again",
            )
        )
        skip_to = resume
    cleaned, offsets = b.build()
    return Block(source_start=lines[0].start, source_end=lines[-1].end, text=cleaned, offsets=offsets)


def _joins_hyphen_ctx(left: str, right: str, ctx: _Ctx) -> bool:
    if f"{left}-{right}".lower() in ctx.hyphenated:
        return False  # the page writes this compound with a hyphen elsewhere
    joined = left + right
    return bool(ctx.vocab.get(joined, 0) or ctx.vocab.get(joined.lower(), 0) or is_common_word(joined))


#: A drop-cap letter set apart from the rest of its word on the same line: "W ith", "T he".
_LETTER_APART = re.compile(r"([^\W\d_])([ \t]+)([a-z][^\W\d_]*)")


def _set_apart_drop_cap(body: str, nxt: Line | None) -> tuple[str, str, int] | None:
    """(letter, rest of the word, spaces between) when a block opens with a drop-cap letter set apart; 0 spaces: a line break.

    Only when the letter and the rest make a word English uses more than the
    rest alone ("The" over "he", "With" over "ith"), and a letter that is a
    word itself ("A", "I", "O") only before a rest that is none ("A nd"), so
    "A cross-border ferry", "I am", "B shares" and "T cells" stay as they are.
    """
    if len(body) == 1 and body.isupper() and nxt is not None and (rm := _LOWER_START.match(nxt.text.lstrip())):
        letter, rest, gap = body, rm.group(1), 0
    elif (lm := _LETTER_APART.match(body)) and lm.group(1).isupper():
        letter, rest, gap = lm.group(1), lm.group(3), len(lm.group(2))
    else:
        return None
    english = _english()
    if letter in "AIO" and rest in english:
        return None  # a word of its own before another: "A cross-border ferry", "I am", not "Across", "Iam"
    return (letter, rest, gap) if english.get((letter + rest).lower(), 0.0) > english.get(rest, 0.0) else None


def _note_split_drop_cap(ctx: _Ctx, start: int, end: int, whole: str) -> None:
    ctx.repairs.append(
        Repair(
            kind="drop_cap", source_start=start, source_end=end, before=ctx.source[start:end], after=whole,
            reason=f"a drop-cap letter set apart from the rest of '{whole}'",
        )
    )


def _maybe_drop_cap(b: TextBuilder, pos: int, body: str, ctx: _Ctx, lower_start_is_damage: bool = False) -> None:
    m = _WORD_RE.match(body)
    if not m or not m.group()[0].islower():
        return
    after = re.match(r"\s+([^\W\d_]+)", body[m.end():])
    if not (letter := drop_cap_letter(m.group(), ctx.vocab, lower_start_is_damage=lower_start_is_damage,
                                      next_word=after.group(1) if after else None)):
        return
    b.replace(pos, pos, letter)
    ctx.repairs.append(
        Repair(
            kind="drop_cap",
            source_start=pos,
            source_end=pos + m.end(),
            before=m.group(),
            after=letter + m.group(),
            reason=f"block starts with '{m.group()}', not a word, where '{letter + m.group()}' is: a lost drop-cap letter"
            if not is_common_word(m.group())
            else f"paragraph starts in lower case with '{m.group()}' on a page whose paragraphs start in capitals;"
            f" '{letter + m.group()}' is the commoner word: a lost drop-cap letter",
        )
    )


#: Longest line difflib compares whole with ftfy's mended text, in characters. difflib's cost grows
#: with the square of what it compares; a longer line is lined up word by word first.
DIFF_WHOLE_CHARS = 4096
#: How far (in words) a word-by-word line-up looks ahead to find the two texts in step again.
_RESYNC_WORDS = 8


Opcode = tuple[str, int, int, int, int]


def _char_opcodes(a: str, b: str) -> list[Opcode]:
    return difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes()


def _word_runs(wa: list[str], wb: list[str]) -> list[tuple[int, int, int, int]]:
    """Word ranges (i0, i1, j0, j1) of ``wa`` and ``wb`` to compare, in order, covering both lists.

    Words in step are paired one to one; where the texts fall out of step (ftfy
    joined or split a word), the nearest point where they agree again, within a
    few words, closes the differing run. Linear in the number of words.
    """
    runs: list[tuple[int, int, int, int]] = []
    i = j = 0
    na, nb = len(wa), len(wb)
    while i < na and j < nb:
        if wa[i] == wb[j]:
            runs.append((i, i + 1, j, j + 1))
            i, j = i + 1, j + 1
            continue
        best = None
        for total in range(1, 2 * _RESYNC_WORDS + 1):
            for k in range(max(0, total - _RESYNC_WORDS), min(total, _RESYNC_WORDS) + 1):
                x, y = i + k, j + total - k
                if x < na and y < nb and wa[x] == wb[y]:
                    best = (x, y)
                    break
            if best:
                break
        if best is None:
            # Not in step within the window: compare the next word of each and go on (still correct, less tidy).
            best = (i + 1, j + 1)
        runs.append((i, best[0], j, best[1]))
        i, j = best
    if i < na or j < nb:
        runs.append((i, na, j, nb))
    return runs


def _opcodes(a: str, b: str) -> list[Opcode]:
    """Where ``b`` (ftfy's text) differs from ``a``, as difflib opcodes; linear in time for long lines.

    A long line is first lined up word by word (ftfy mends inside words and
    seldom moves a space); only the words that differ are compared character by character.
    """
    if len(a) <= DIFF_WHOLE_CHARS:
        return _char_opcodes(a, b)
    wa, wb = a.split(" "), b.split(" ")
    sa, sb = [0], [0]
    for w in wa:
        sa.append(sa[-1] + len(w) + 1)
    for w in wb:
        sb.append(sb[-1] + len(w) + 1)
    ops: list[Opcode] = []

    def emit(op: str, a0: int, a1: int, b0: int, b1: int) -> None:
        if a0 == a1 and b0 == b1:
            return
        if op == "equal" and ops and ops[-1][0] == "equal" and ops[-1][2] == a0 and ops[-1][4] == b0:
            ops[-1] = ("equal", ops[-1][1], a1, ops[-1][3], b1)
        else:
            ops.append((op, a0, a1, b0, b1))

    def compare(a0: int, a1: int, b0: int, b1: int) -> None:
        if a[a0:a1] == b[b0:b1]:
            emit("equal", a0, a1, b0, b1)
        else:
            for op, x0, x1, y0, y1 in _char_opcodes(a[a0:a1], b[b0:b1]):
                emit(op, a0 + x0, a0 + x1, b0 + y0, b0 + y1)

    pa = pb = 0
    for i0, i1, j0, j1 in _word_runs(wa, wb):
        # a run's span, without the space after its last word (that space is compared as the gap to the next run)
        a0, b0 = min(sa[i0], len(a)), min(sb[j0], len(b))
        a1, b1 = max(sa[i1] - 1, a0), max(sb[j1] - 1, b0)
        compare(pa, a0, pb, b0)  # the space between runs (none beside a run that is empty on one side)
        compare(a0, a1, b0, b1)
        pa, pb = a1, b1
    compare(pa, len(a), pb, len(b))
    return ops


def _append_fixed(b: TextBuilder, ctx: _Ctx, pos: int, body: str) -> None:
    """Append ``body`` (which stands at ``pos`` in the source) with mojibake fixed and whitespace normalised."""
    fixed = _fix_mojibake(body)
    if fixed == body:
        _append_normalised(b, ctx, pos, body)
        return
    for op, a0, a1, b0, b1 in _opcodes(body, fixed):
        if op == "equal":
            _append_normalised(b, ctx, pos + a0, body[a0:a1])
            continue
        b.replace(pos + a0, pos + a1, fixed[b0:b1])
        before = body[a0:a1]
        entity = "&" in before and ";" in before
        ctx.repairs.append(
            Repair(
                kind="html_entity" if entity else "mojibake",
                source_start=pos + a0,
                source_end=pos + a1,
                before=before,
                after=fixed[b0:b1],
                reason="HTML entity left in plain text, decoded by ftfy"
                if entity
                else "text decoded with the wrong encoding (mojibake), fixed by ftfy",
            )
        )


_SPACING = "\\t\\f\\v\\u00a0\\u1680\\u2000-\\u200a\\u202f\\u205f\\u3000\\x00-\\x08\\x0e-\\x1f\\u00ad\\u200b-\\u200f\\u2060\\ufeff"
# Only runs that need a change: two or more spaces, or any odd space or invisible character.
# (Matching every single space would cut the text into a piece per word.)
_ODD_SPACE_RE = re.compile(rf"[ {_SPACING}]*[{_SPACING}][ {_SPACING}]*| {{2,}}")


def _append_normalised(b: TextBuilder, ctx: _Ctx, pos: int, chunk: str) -> None:
    """Copy ``chunk``; runs of odd or repeated spaces become one space, invisible characters go."""
    i = 0
    for m in _ODD_SPACE_RE.finditer(chunk):
        if m.start() > i:
            b.copy(ctx.source, pos + i, pos + m.start())
        run = m.group()
        if run == " ":
            b.copy(ctx.source, pos + m.start(), pos + m.end())
        else:
            visible = _INVISIBLE_RE.sub("", run)
            after = " " if visible else ""
            b.replace(pos + m.start(), pos + m.end(), after)
            ctx.repairs.append(
                Repair(
                    kind="whitespace",
                    source_start=pos + m.start(),
                    source_end=pos + m.end(),
                    before=run,
                    after=after,
                    reason="odd or repeated spacing normalised to one space"
                    if visible
                    else "invisible formatting character removed",
                )
            )
        i = m.end()
    if i < len(chunk):
        b.copy(ctx.source, pos + i, pos + len(chunk))


def _runs(group: list[Line], chrome_of: dict[int, str], index: dict[int, int]) -> list[tuple[list[Line], str | None]]:
    """Split a block into runs of lines that are all chrome or all content."""
    runs: list[tuple[list[Line], str | None]] = []
    for line in group:
        why = chrome_of.get(index[line.start])
        if runs and (runs[-1][1] is None) == (why is None):
            runs[-1][0].append(line)
        else:
            runs.append(([line], why))
    return runs


def clean(page: Page) -> CleanPage:
    """Cut the page into blocks, mark site chrome, repair damage.

    A page a format reader already cut up (``page.structure``) keeps its
    segments; its repairs are the ones the reader made.
    """
    if page.structure is not None:
        return page.model_copy(update={"blocks": [], "repairs": list(page.read_repairs)})
    text = page.text
    lines = split_lines(text)
    content = [line for line in lines if not line.blank]
    index = {line.start: i for i, line in enumerate(content)}
    chrome_of = find_chrome(content, text)
    ctx = _Ctx(source=text)
    blocks: list[Block] = []
    runs = [r for group in split_blocks(lines) for r in _runs(group, chrome_of, index)]
    damaged = lower_starts_out_of_place([[ln.text for ln in run] if why is None else None for run, why in runs])
    for (run, why), lower_start_is_damage in zip(runs, damaged, strict=True):
        block = _clean_block(run, ctx, chrome=why is not None, lower_start_is_damage=lower_start_is_damage)
        if why:
            block.furniture, block.why = True, why
        blocks.append(block)
    return page.model_copy(update={"blocks": blocks, "repairs": ctx.repairs})


#: Fewest words of a block that counts as a prose paragraph when a page's paragraph style is read.
PROSE_MIN_WORDS = 5
#: Share of a page's prose paragraphs that may start in lower case while a lower-case start still counts as damage.
LOWER_START_SHARE = 0.2
#: Lower-case starts a page may have and still write its paragraphs in capitals, when at least this many times as
#: many prose paragraphs start in capitals (two lost drop-caps on one page).
LOWER_START_FEW, LOWER_START_FEW_RATIO = 2, 2
#: Longest greeting line of a letter, in words ("Dear parents and carers,").
SALUTATION_MAX_WORDS = 6
_SALUTATION_WORDS = page_words("salutation_words")
# What a line that leaves its sentence open ends with: the next block may go on in lower case.
_OPEN_END = re.compile(r"[,;:(\[/&\-–—]$")


# A glossary's entry: a term of a few words in lower case, a dash or a colon, its meaning ("inland port – a port on
# a river"). Its lower-case start is the term's, no lost capital.
# (a term's words are words, not a date in brackets: "lina Sõrmus (3 May 1950 – 1 June 2020) was" is a paragraph)
_GLOSSARY_ENTRY = re.compile(r"^\s*[a-z][\w'’-]*(?:\s+\(?[^\W\d_][\w'’()-]*){0,4}\s*(?:[–—:]|\s-)\s")


def _prose(lines: list[str]) -> bool:
    words = " ".join(lines).split()
    return len(words) >= PROSE_MIN_WORDS and bool(re.match(r"[^\W\d_]", words[0])) and not _GLOSSARY_ENTRY.match(lines[0])


def _salutation(line: str) -> bool:
    """A letter's greeting ("Dear members,"): it ends with a comma, but what follows starts a sentence."""
    words = line.strip().split()
    return 0 < len(words) <= SALUTATION_MAX_WORDS and line.strip().endswith(",") and words[0].lower() in _SALUTATION_WORDS


def _leaves_sentence_open(line: str, *, alone: bool = False) -> bool:
    """Whether the next block may go on with ``line``'s sentence. ``alone``: the line is a block by itself (a title,
    a byline), which a long line with no sentence end leaves closed."""
    t = line.strip()
    if _salutation(t):
        return False
    # A quotation may be followed by who said it, in lower case: "“Come in?” / he asked".
    if _OPEN_END.search(t) or t.endswith(('"', "”", "’", "'")):
        return True
    # A long line without a sentence end, last of a wrapped paragraph: its next block may be the rest of it.
    return not alone and not _SENTENCE_END.search(t) and len(t.split()) > 12


def lower_starts_out_of_place(blocks: list[list[str] | None]) -> list[bool]:
    """For each block (its lines; None for chrome), whether a lower-case first word there is damage.

    It is when the block is a prose paragraph, the content line before it does
    not leave a sentence open, and the page writes its paragraphs in capitals:
    at most one, or a small share (:data:`LOWER_START_SHARE`), of its prose
    paragraphs start in lower case. A page written in lower case throughout
    (a chat log, a poem) has no such damage.
    """
    prose = [b is not None and _prose(b) for b in blocks]
    n_prose = sum(prose)
    n_lower = sum(1 for b, p in zip(blocks, prose) if p and b[0].lstrip()[:1].islower())
    capitalised_page = n_lower <= max(1.0, LOWER_START_SHARE * n_prose) or (
        n_lower <= LOWER_START_FEW and n_prose - n_lower >= LOWER_START_FEW_RATIO * n_lower
    )
    out: list[bool] = []
    before: list[str] | None = None  # the last content block so far
    for b, p in zip(blocks, prose):
        out.append(capitalised_page and p and (before is None or not _leaves_sentence_open(before[-1], alone=len(before) == 1)))
        if b is not None:
            before = b
    return out
