"""segment: blocks into headings, paragraphs, list items and sentences.

``segment(CleanPage) -> SegmentedPage``. Roles given here come from the shape
of each block (numbering, bullets, length, end punctuation) and its place on
the page; ``classify`` then tells captions from headings and paragraphs.

Shape rules, in short:

* a block that is only a number ("2.", "2.1", "(a)", "Chapter 3") followed by a
  short title block is one numbered heading;
* bullets ("-", "*", "•", "." + space) make list items; so do enumerated lines
  ("1.", "A.", "(b)") when a neighbouring block is enumerated the same way,
  otherwise a short enumerated line is a numbered heading;
* a single short line with no sentence end is a heading, unless it leads into
  something (ends with ":"), breaks off ("--", "..."), is a dateline, a byline,
  a field ("Keywords: ...", "Contact: ...") or a formula, holds an e-mail
  address, URL or phone number, starts in lower case, is not words at all, is
  a postal address ("Mill House, Mill Lane, Sedgebrook SG4 7TR"), or is a long
  line in sentence case (more than six words, at most half of them
  capitalised: a sentence without its full stop);
* a few words closed by a full stop ("Introduction.") are a run-in heading only
  on pages whose other headings are written that way too, and never when they
  are a reply ("Yes.", "Thank you.");
* a block written one item per line (most lines whole by themselves, one of
  them a headline in capitals, a dateline or a table row: a wire story, a
  results table) gives one segment per line: its capitals headline (or a
  title-shaped first line) is a heading, the rest paragraphs, so nothing runs
  across a line break;
* a row of figures ("Rovers 12 8 3 1 27") and a wire dateline ("HARBOURTON
  1997-05-14") are never headings;
* a line repeating the page title is a heading;
* the first content block is the page title when it has no sentence end, even
  when it is long;
* everything else is a paragraph.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable

from ..knowledge.lexicon import SURNAME_PARTICLES, alternation, page_words
from ..knowledge.shapes import (CALENDAR_WORD, CELL_GAP, DAY_AND_MONTH, dated_row, is_byline, is_column_header, is_dateline,
                                is_postal_address, is_sender_line, is_story_byline, is_table_row)
from ..models import Block, Cell, CleanPage, OffsetMap, Piece, Segment, SegmentedPage, Sentence

# A block holding only a number: "2.", "2.1", "IV.", "(a)", "a)", "Chapter 2", "Section 3.1"
_NUMBER_ONLY_RE = re.compile(
    r"^(?:(?:chapter|section|part|article)\s+)?"
    r"(?P<num>\d+(?:\.\d+)*|[IVXLC]+|\([a-z0-9]{1,4}\)|[a-z]\))\.?\s*$",
    re.IGNORECASE,
)
# "2.1 Title", "2.1. Title", "1 Title" (a bare number needs a capital after it)
_MULTI_NUMBER_RE = re.compile(r"^(?P<num>\d+(?:\.\d+)+)\.?\s+(?P<title>\S.*)$")
_BARE_NUMBER_RE = re.compile(r"^(?P<num>\d{1,2})\s+(?P<title>[A-Z\"“‘'].*)$")
# One-level enumeration: "1. x", "1) x", "A. x", "b) x", "(c) x", "iv. x"
_ENUM_RE = re.compile(
    r"^(?:(?P<paren>\((?P<pnum>[A-Za-z0-9]{1,4})\))|(?P<num>\d{1,3}|[A-Za-z]|[ivxlc]{1,5}|[IVXLC]{1,5})[.)])\s+(?P<title>\S.*)$"
)
# An em dash is left out: "— Jane Doe" is an attribution, not a list item.
# (Symbols drawn as bullets count too: ticks, boxes, pointers, a warning sign: "⚠ The path shares the road ...".)
# ("^" is the mark a wiki's reference list leaves before each reference: its link back to the text; "[3]" numbers a
# paper's references.)
_BULLET_RE = re.compile(r"^\s*(?:[-*•◦▪‣–·✓✔☐☑■□●○►▸➤⚠★♦^↑]\ufe0f?|\.(?=\s)|\[\d{1,3}\])\s+\S")
# A tip or a warning of a guide, labelled so on its own line ("Tip: go early", "Warning: the ford floods"): a list's
# item, as a bullet's line is (page_words "item_labels").
_LABELLED_ITEM = re.compile(r"^\s*(?:" + "|".join(map(re.escape, sorted(page_words("item_labels"), key=len, reverse=True)))
                            + r")\s*:\s+\S",
                            re.IGNORECASE)

# An entry of a reference list, by its authors and the year in brackets after them: "Okafor N (2018) ...",
# "Lindqvist, A., Berg, T. and Moe, K. (2020). ...", "Haddad S et al. (2021) ...".
# (A surname of two words or behind a particle, "Attoumani Madi, Z.", "de Lanoë, J.-B.", and hyphened initials count.)
_REF_SURNAME = r"(?:" + alternation(SURNAME_PARTICLES) + r"[\s-]+)*[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?"
_REF_INITIALS = r"(?:\s+[A-Z]{1,3}\b\.?|\s+(?:[A-Z]\.(?:-[A-Z]\.)?\s?){1,3})"
REFERENCE_ENTRY = re.compile(
    rf"^{_REF_SURNAME},?{_REF_INITIALS}?"
    rf"(?:(?:,|\s+and|\s+&|,\s+and|,\s+&)\s+{_REF_SURNAME},?{_REF_INITIALS}?){{0,6}}"
    r",?(?:\s+et\s+al\.?)?\s+\(\d{4}[a-z]?\)")
_SENT_FINAL = re.compile(r"[.!?][\"”’')\]]*$")
# Reference markers closing a sentence ("... grammar. [6]", "...1972.[1]") do not hide its full stop.
CITATIONS = re.compile(r"(?:\s*\[\d+\])+\s*$")
# "By Jane Roe", "By Jane Roe and Sam Lee, Staff Writers": who wrote it, not a title.
# A name is two or more capitalised words: "By plane" and "By car" are headings.
_BYLINE = re.compile(r"^(?:By|BY)\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){1,3}(?:\s*(?:,|and)\s+.*)?$")
# Who spoke a speech's text, under its title: "Delivered by the Minister for Harbours, Ana Lima".
_DELIVERED_BY = re.compile(r"^(?:delivered|presented|given|spoken)\s+by\s+\S", re.IGNORECASE)
# Two to four capitalised words: the shape of a person's name.
_PERSON_NAME = re.compile(r"^[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){1,3}$")
# A paper's author list: two or more names written with initials ("A B Lowrie and K Okoro", "J. Roe, S. Lee").
# (A lone "A" or "I" before a word is an article or a pronoun, not an initial.)
_NAME_WITH_INITIALS = r"(?:(?:[A-Z]\.\s*){1,3}|(?:[A-Z]\s+){2,3}|[B-HJ-Z]\s+)[A-Z][\w'’-]+"
_AUTHOR_LIST = re.compile(rf"^{_NAME_WITH_INITIALS}(?:\s*(?:,|;|&|\band\b)\s*{_NAME_WITH_INITIALS})+\s*,?$")
# A press release's label, however it is set ("NEWS RELEASE: for immediate release", "Embargoed until 00:01"), or its
# number ("Media release No. 41"): no title.
_RELEASE_LABEL = re.compile(r"\bfor\s+immediate\s+(?:release|publication|use|distribution)\b"
                            r"|^\W*(?:press|media|news)\s+release\s+(?:no\.?\s*|number\s+|#\s*)?\d[\d/.-]*(?!\S)"
                            r"|\bembargoed\s+(?:until|till)\b|\bnot\s+for\s+publication\s+(?:before|until)\b", re.IGNORECASE)
# Worked sums and formulas ("Q1 = 2", "7 + 8 / 2") are text, not titles.
# ("22-23" and "2015/16" are ranges, so minus and slash count only with spaces around them.)
_FORMULA = re.compile(r"[=<>≤≥]|\d\s*[+*×÷]\s*\d|\d\s+[-−/]\s+\d")
# Front-matter fields of papers and reports: a label and its value, not a heading.
_FIELD_LABEL = re.compile(
    r"^(?:key\s*words?|abstract|received|accepted|published|correspondence|doi|citation|cite as|corresponding author|e-?mail"
    r"|(?:media\s+|press\s+)?contacts?|tel|telephone|phone|fax|enquiries|inquiries|from|to|date|location|authors?"
    # (a release's issuer, a judgment's counsel and bench: "Issued by: ...", "Counsel: ...", "Coram: ...")
    r"|issued\s+by|released\s+by|counsel|coram|judges?"
    r"|(?:counsel\s+)?for\s+the\s+(?:claimant|respondent|applicant|appellant|defendant|plaintiff|petitioner|accused|prosecution|defen[cs]e|state)s?"
    # (who speaks at a recorded panel: "Moderator: ...", "Panellists: ...")
    r"|moderator|moderated\s+by|chaired\s+by|host|hosted\s+by|presenter|interviewer|panel+ists?|guests?)\s*:",
    re.IGNORECASE,
)
# A telephone number: six or more digits in groups.
_PHONE = re.compile(r"\+?\d[\d ()-]{7,}\d")
_URL = re.compile(r"https?://|www\.")
_TOKEN = re.compile(r"\S+")
_DOT_WORD = re.compile(r"\.\w")


def has_email_or_url(text: str) -> bool:
    """What ``\\S+@\\S+\\.\\w+|https?://|www\\.`` would find, in one pass over the text.

    (That pattern, searched, runs from every start in a long token to its end and back.)
    """
    if _URL.search(text):
        return True
    if "@" not in text:
        return False
    for m in _TOKEN.finditer(text):
        tok = m.group()
        # an address: something, "@", at least one character, then a dot and a word character
        at = tok.find("@", 1)
        if at >= 0 and _DOT_WORD.search(tok, at + 2):
            return True
    return False
# Words that do not count against a title-cased line ("Hall of Fame and Museum").
_MINOR_WORDS = page_words("minor_words")
# Words of speech rather than of titles: pronouns, replies, courtesies.
_SPEECH_WORDS = page_words("speech_words")
_TRAILS_OFF = re.compile(r"(?:--|—|–|\.\.\.|…)[\"”’']*$|^[\"“‘']?(?:--|—)")

# A sentence ends at . ! ? (plus closing quotes/brackets) followed by space and
# an upper-case letter, digit or opening quote; common abbreviations do not end one.
_SENT_END_RE = re.compile(r"[.!?][\"”’')\]]*\s+(?=[\"“‘(\[]?[A-Z0-9])")
_ABBREV_RE = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Prof|Sr|Jr|St|Mt|No|Nos|Vol|Ep|Ch|Pt|Fig|Figs|pp|vs|v|etc|e\.g|i\.e|cf|approx|Gen|Col|Lt|Sgt|Capt|Gov|Sen|Rep|Rev|Hon|Inc|Ltd|Co|Corp|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.|\b[A-Z]\.|\b(?:[A-Z]\.){2,})$"
)

#: Longest unnumbered heading inside a page, in words; longer lines are captions or paragraphs.
MAX_HEADING_WORDS = 12
#: Longest page title, in words.
MAX_TITLE_WORDS = 30
#: Longest headline in capitals, in words (with the tokens of a wire story's punctuation): longer is a shouted sentence.
MAX_HEADLINE_WORDS = 20


def heading_level(number: str) -> int:
    """Depth of a heading number: '2' -> 1, '2.1' -> 2, 'IV' -> 1, 'A' -> 2, '(a)' / 'a' -> 3."""
    number = number.strip().rstrip(".")
    if re.fullmatch(r"\d+(?:\.\d+)*", number):
        return number.count(".") + 1
    bare = number.strip("()")
    if re.fullmatch(r"[IVXLC]+", bare) and not number.startswith("("):
        return 1
    if re.fullmatch(r"[A-Z]", bare):
        return 2
    return 3


_NUMBERING_RE = re.compile(r"(?:\d+(?:\.\d+)*|[IVXLC]+|[A-Za-z])\.")


#: How far back from a possible sentence end abbreviations and heading numbers are looked for.
_LOOK_BACK = 64


def split_sentences(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _SENT_END_RE.finditer(text):
        end = m.start() + 1
        # Only the end of the sentence so far is read: it grows with every abbreviation passed, and
        # reading all of it each time cost the square of its length. No abbreviation is that long.
        tail = max(start, end - _LOOK_BACK)
        if _ABBREV_RE.search(text, tail, end) or (tail == start and _NUMBERING_RE.fullmatch(text[start:end].strip())):
            continue  # "Dr." or a heading's own number ("2.", "3.1.") ends no sentence
        end = m.end() - len(m.group()) + len(m.group().rstrip())
        spans.append((start, end))
        start = m.end()
    if start < len(text) and text[start:].strip():
        spans.append((start, len(text.rstrip())))
    return spans


_SHAPE_WORDS = re.compile(r"[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*")
_SHAPE_NUMBERS = re.compile(r"\d+(?:[.,:/-]\d+)*")
_SHAPE_LOWER = re.compile(r"[a-z][\w'’-]*(?:\s+[a-z][\w'’-]*)*")


def row_shape(text: str) -> str | None:
    """A line's shape with its names, words and figures left out ("Joe Marsh ( Harbour Town ) 12 points" -> "W ( W ) # w").

    None for a line without a figure: only rows of a table or a results list are compared by shape.
    """
    t = text.strip()
    if "\n" in t or not re.search(r"\d", t):
        return None
    t = _SHAPE_NUMBERS.sub("#", t)
    t = _SHAPE_WORDS.sub("W", t)
    return " ".join(_SHAPE_LOWER.sub("w", t).split())


def rows_alike(text: str, other: str | None) -> bool:
    """Two lines with figures of the same shape: rows of one table or results list, not headings or captions."""
    shape = row_shape(text)
    return shape is not None and other is not None and row_shape(other) == shape


def is_headline(text: str) -> bool:
    """A line in capitals of three to :data:`MAX_HEADLINE_WORDS` words (a wire story's headline), even closed by a full stop.

    Capitals are letters that have a lower case: a line of a script without case is no headline.
    """
    t = text.strip()
    words = [w for w in t.split() if re.search(r"[^\W\d_]", w)]
    if len(words) < 3 or len(t.split()) > MAX_HEADLINE_WORDS or any(c.islower() for c in t) or _RELEASE_LABEL.search(t):
        return False
    return sum(1 for c in t if c.isupper()) >= 6 and not is_dateline(t) and not is_table_row(t) and not is_column_header(t)


#: A short line that ends in a figure: a scorecard's or a results list's line ("Ana Lima c Okafor b Marsh 41").
_SCORE_LINE = re.compile(r"\s\d[\d.,/:-]*$")


def stands_alone(line: str) -> bool:
    """A line that is whole by itself rather than a piece of wrapped prose: a sentence, a headline, a dateline, a table
    row, or a short line ending in its figure."""
    t = line.strip()
    return (bool(_SENT_FINAL.search(t)) or is_headline(t) or is_dateline(t) or is_table_row(t)
            or (len(t.split()) <= 10 and bool(_SCORE_LINE.search(t))))


def lines_stand_alone(lines: list[str]) -> bool:
    """A block written one item per line (a wire story, a results table), not a paragraph wrapped over lines.

    Wrapped prose ends a line with a sentence's end only by chance; here most lines (and at least two) are whole.
    """
    whole = sum(1 for line in lines if stands_alone(line))
    return len(lines) >= 2 and whole >= 2 and whole >= 0.6 * len(lines) and any(
        is_headline(line) or is_dateline(line) or is_table_row(line) for line in lines
    )


#: Most lines a title wrapped over lines may take.
MAX_SPLIT_HEADING_LINES = 3
#: A heading over its text is at most this share of the length of the line under it (wrapped prose fills its lines).
HEADING_OVER_TEXT_SHARE = 0.6
#: Most words of a heading over short lines of data (an address, opening times, contacts).
HEADING_OVER_DATA_WORDS = 5


# Minor words of titles, and prepositions and conjunctions: a title's line that ends on one goes on below.
_RUN_ON_WORDS = _MINOR_WORDS | page_words("description_joiners")


def _runs_on(line: str) -> bool:
    """A line of a title that stops mid-phrase: its last word is a minor word ("for", "of the", "after")."""
    t = line.strip()
    return bool(re.search(r"[^\W\d_]$", t)) and (_words(t) or [""])[-1] in _RUN_ON_WORDS


def split_heading(lines: list[str], *, first: bool = False) -> bool:
    """A title wrapped over two or three lines, each line after the first going on in lower case.

    ("Ice on the move" / "across the northern fells".) A name over a job title ("Jane Roe" / "Editor") starts its
    second line in capitals and is no title.
    """
    if not 2 <= len(lines) <= MAX_SPLIT_HEADING_LINES:
        return False
    # A line that ends on a minor word ("... made for", "... reopens after") runs on, whatever starts the next
    # line: a name ("Ada Lovelace"), a figure or a currency sign ("£2m repair").
    if not all(re.match(r"[a-z]", line.strip()) or _runs_on(prev) for prev, line in zip(lines, lines[1:])):
        return False
    joined = " ".join(line.strip() for line in lines)
    return not _SENT_FINAL.search(joined) and heading_shape(joined, first=first)


def heading_over(lines: list[str]) -> str | None:
    """"list" or "text" when a block's first line is a heading over the rest of the block, else None.

    The first line is heading-shaped, does not run on (no minor word, comma or colon at its end) and the rest
    is a list (every line a bullet or an enumerated item) or prose (its first line starts in capitals, its last
    ends a sentence, and its first line is much longer than the heading: wrapped prose fills its lines).
    """
    if len(lines) < 2:
        return None
    head = lines[0].strip()
    if not heading_shape(head) or _SENT_FINAL.search(head) or _BULLET_RE.match(head) or _enum_scheme(head):
        return None
    last_word = (_words(head) or [""])[-1]
    if last_word in _MINOR_WORDS or head.endswith(("-", "–", "—")):
        return None
    rest = [line.strip() for line in lines[1:]]
    if all(_BULLET_RE.match(line) or _enum_scheme(line) for line in rest) or unbulleted_list(rest):
        return "list"
    if (re.match(r"[\"“‘'(]?[A-Z0-9]", rest[0]) and _SENT_FINAL.search(CITATIONS.sub("", rest[-1][-200:]))
            and len(head) < HEADING_OVER_TEXT_SHARE * len(rest[0])):
        return "text"
    words = head.split()
    if (len(words) <= HEADING_OVER_DATA_WORDS and not any(w[:1].isupper() for w in words[1:])
            and all(len(head) < len(line) and len(line.split()) <= MAX_HEADING_WORDS for line in rest)):
        return "text"  # a heading over lines of data in sentence case ("Opening times" / "Daily 10:00-17:00"); a name or address ("Town Hall" / "Main Street 4") has capitals
    return None


# An item by its code, letters and a number: "R4.1 Open a desk ...", "Q3 What ...", "REC-2 Fund ...".
_CODED_ITEM = re.compile(r"^\s*([A-Z]{1,3})-?\d{1,3}(?:\.\d{1,3}){0,2}[.:)]?\s+[\"“‘(]?[A-Z]")


# An item numbered under another's number: "3.a  Fund a shared register", "2.b) Invite the institute".
_SUB_ITEM = re.compile(r"^\s*\d{1,3}\.[a-z][.)]?\s+\S")
# A note's number and its text: "1  Interview, Port Ellen, 4 May 2025."
# (or its superscript figure: "² Interviews, June 2025.")
_SUPERSCRIPT_NUMBER = "[¹²³⁴⁵⁶⁷⁸⁹][⁰¹²³⁴⁵⁶⁷⁸⁹]?"
_NUMBERED_NOTE = re.compile(rf"^\s*(\d{{1,3}}|{_SUPERSCRIPT_NUMBER})\s+[\"“‘(]?[A-Z]")
_SUPERSCRIPT_FIGURES = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")


def numbered_notes(lines: list[str]) -> bool:
    """Two or more lines, each its number and its text, the numbers counting up by one: a chapter's notes or a list
    numbered without points. A row of a table ends on a figure ("1 Harbour Rovers 14 10 33"); a note does not."""
    numbers = [int(m.group(1).translate(_SUPERSCRIPT_FIGURES)) if (m := _NUMBERED_NOTE.match(line)) and not line.rstrip()[-1:].isdigit()
               else None for line in lines]
    return len(lines) >= 2 and None not in numbers and all(b == a + 1 for a, b in zip(numbers, numbers[1:]))


def coded_items(lines: list[str]) -> bool:
    """Two or more lines, each an item by its code, the same letters before each number ("R4.1 ..." / "R4.2 ...")."""
    codes = [m.group(1) if (m := _CODED_ITEM.match(line)) else None for line in lines]
    return len(lines) >= 2 and None not in codes and len(set(codes)) == 1


#: Fewest lines of a list written without bullets, one item per line.
MIN_UNBULLETED_ITEMS = 3
# How an item of a list written without bullets joins its two parts, the same way in every item: a spaced dash
# ("Elgar – Cello Concerto"), a label's colon ("Poetry prize: Ana Lima, Harbourton") or a comma between a name and
# what it is in lower case ("Ana Lima (1901–1980), painter"; an event's date, place and price, "Corn Exchange,
# Harbourton", are no list). (Bounded: the colon and the comma are looked for in a line's first 60 characters.)
_ITEM_JOINTS = (
    re.compile(r"^\S.*?\s[–—-]\s+\S"),
    re.compile(r"^[A-Z][^:\n]{0,40}:\s+\S"),
    re.compile(r"^[A-Z][^,:\n]{0,60},\s+[a-z]"),
)


def unbulleted_list(lines: list[str]) -> bool:
    """Lines that are each an item of one list written without bullets: a programme, a results list, prize winners,
    people of a town ("Holst – The Planets" / "Elgar – Enigma Variations" / ...). At least
    :data:`MIN_UNBULLETED_ITEMS` short lines, each two parts joined the same way, none a sentence, a field
    ("Tel: ...") or a line going on from the last."""
    items = [line.strip() for line in lines]
    if len(items) < MIN_UNBULLETED_ITEMS or not all(
        len(t.split()) <= MAX_HEADING_WORDS and not _SENT_FINAL.search(t) and not is_field_line(t) and t[:1].isupper()
        for t in items
    ):
        return False
    return any(all(joint.match(t) for t in items) for joint in _ITEM_JOINTS)


#: Most words of a line of a list written without bullets whose items are whole clauses (see :func:`items_of_a_list`).
MAX_ITEM_WORDS = 40
# A line that starts an item rather than going on from the line above: a capital, a figure or an opening quote.
_ITEM_START = re.compile(r"^[\"“‘'(]?[A-Z0-9]")
# A short label and its colon at the start of an item ("Water: ...", "Appellant (Tana Ltd): ..."); bounded.
_ITEM_LABEL = re.compile(r"^([A-Z][^:\n]{0,40}):\s+\S")
# A glossary's line written with a colon: a term of a few words in lower case, what it means in lower case too
# ("storm surge: a rise in sea level ..."); a field's label is capitalised ("Venue: Town Hall").
# (a term of up to six words, an en dash or its acronym in brackets in it: "human–wildlife conflict", "glacial lake
# outburst flood (GLOF)")
_SOURCE_LIST_HEADINGS = page_words("source_list_headings")
_GLOSSARY_COLON = re.compile(r"^[a-zà-ÿ][\w'’–-]*(?:\s+[\w'’–()-]+){0,5}:\s+[a-z]")
# Beside such lines, a term that is a name, its meaning a phrase in lower case ("Covenant: the agreement that ...").
_NAMED_TERM_COLON = re.compile(r"^[A-Z][\w'’–-]*(?:\s+[\w'’–()-]+){0,3}:\s+[a-z]\S*(?:\s+\S+){2,}")
# A spaced dash in a line's first 60 characters, after a word.
_EARLY_DASH = re.compile(r"^\S[^\n]{0,60}?\s[–—-]\s+\S")
#: Most words of a line that is an item because it is a sentence of its own.
MAX_SENTENCE_ITEM_WORDS = 25


def items_of_a_list(lines: list[str], lead_in: str | None) -> bool:
    """Lines that are each an item of a list written without bullets, where each item may be a whole clause: the
    block follows a line that leads into it with a colon ("The council agreed these appointments:"), or each of its
    three or more lines opens on a short label of its own and a colon ("Water: two treatment units ..." / "Health:
    ..."), or on a date or name and a spaced dash, or is a short sentence ("Register your trip." / "Take out
    insurance." / ...); or three or more lines are a glossary's, each a term, a spaced dash and what it means, the
    terms in lower case too ("low water — a river level too low for ..."), or two or more, each a term in lower case,
    a colon and what it means in lower case ("low water: a river level too low for ...").

    Every line starts an item (a capital, a figure, a quote), none is a field or holds a phone number, and none is
    longer than :data:`MAX_ITEM_WORDS` words: a poem's or song's lines after a colon go on in lower case, a contact
    block's lines are fields, and wrapped prose starts most lines in lower case."""
    items = [line.strip() for line in lines]
    if len(items) >= MIN_UNBULLETED_ITEMS and all(
        _EARLY_DASH.match(t) and t[:1].isalpha() and not is_field_line(t) and len(t.split()) <= MAX_ITEM_WORDS for t in items
    ):
        return True  # a glossary, its terms in lower case too: "inland port — a port on a river ..."
    if len(items) >= 2 and all((_GLOSSARY_COLON.match(t) or _NAMED_TERM_COLON.match(t)) and len(t.split()) <= MAX_ITEM_WORDS
                               for t in items) and any(_GLOSSARY_COLON.match(t) for t in items):
        return True  # a glossary written with colons: "storm surge: a rise in sea level ...", its names too
    if len(items) < 2 or not all(
        _ITEM_START.match(t) and not is_field_line(t) and len(t.split()) <= MAX_ITEM_WORDS for t in items
    ):
        return False
    if lead_in is not None and lead_in.rstrip().endswith(":") and not is_field_line(lead_in):
        return True
    if lead_in is not None and " ".join(lead_in.lower().split()) in _SOURCE_LIST_HEADINGS:
        return True  # under "Sources": "Ana Lima. “Title” — Paper, 12 April 2025" / ...
    # A transcript's speakers come back ("Q:", "A:", "Q:"); a list's labels differ ("Water:", "Health:").
    labels = [m.group(1).lower() for t in items if (m := _ITEM_LABEL.match(t))]
    if len(items) < MIN_UNBULLETED_ITEMS or len(set(labels)) < len(labels):
        return False
    # Each line a sentence of its own: wrapped prose ends a line with a sentence only by chance.
    if all(_SENT_FINAL.search(t) and len(t.split()) <= MAX_SENTENCE_ITEM_WORDS for t in items):
        return True
    # A date or a name, a spaced dash, then what it is ("Sunday 8 March, 14:00 — Family workshop with ...").
    return all(_EARLY_DASH.match(t) for t in items) or len(labels) == len(items)


#: Most words of a table's cell (a planning notice's "Proposal" runs to a long sentence).
MAX_CELL_WORDS = 40


def _table_row(line: str) -> bool:
    """A line of two or more cells kept apart by column gaps, no cell a paragraph."""
    cells = [c for c in CELL_GAP.split(line.strip()) if c.strip()]
    return len(cells) >= 2 and all(len(c.split()) <= MAX_CELL_WORDS for c in cells)


def laid_out_table(source_lines: list[str]) -> bool:
    """A block laid out in columns with tabs or runs of spaces (a data table, an infobox, opening hours, a programme):
    two or more lines of cells, at least half of the block's lines, its other lines short (the table's title, a day
    over its events, a note). Read from the source lines, as cleaning makes each gap one space."""
    rows = sum(1 for line in source_lines if _table_row(line))
    return (len(source_lines) >= 2 and rows >= 2 and 2 * rows >= len(source_lines)
            and all(_table_row(line) or len(line.split()) <= MAX_HEADING_WORDS for line in source_lines))


def _laid_out_cells(block: Block, source: str) -> tuple[str, list[Cell]]:
    """A table laid out in plain text as a format reader's table: its text the cells, a tab between columns and a
    newline between rows (same length and offsets as the block's: cleaning made each gap one space), and its cells,
    each line a row (a line that is no row, the table's title or a note, is a row of one cell)."""
    chars = list(block.text)
    for p in block.offsets.pieces:
        if p.copied:
            for k in range(p.clean_end - p.clean_start):
                if source[p.source_start + k] == "\t":
                    chars[p.clean_start + k] = "\t"
        elif p.clean_end - p.clean_start == 1 and chars[p.clean_start] == " " and CELL_GAP.search(
                source, p.source_start, p.source_end):
            chars[p.clean_start] = "\t"
    text = "".join(chars)
    cells: list[Cell] = []
    pos = 0
    for row, line in enumerate(text.split("\n")):
        col = 0
        for cm in re.finditer(r"[^\t]+", line):
            a, b = pos + cm.start(), pos + cm.end()
            while a < b and text[a] == " ":
                a += 1
            while b > a and text[b - 1] == " ":
                b -= 1
            if a == b:
                continue
            for piece_start, piece_end in _split_spaced(text, a, b):
                src0, src1 = block.offsets.to_source(piece_start, piece_end)
                cells.append(Cell(row=row, col=col, text=text[piece_start:piece_end], start=piece_start, end=piece_end,
                                  source_start=src0, source_end=src1))
                col += 1
        pos += len(line) + 1
    return text, cells


def _split_spaced(text: str, a: int, b: int) -> list[tuple[int, int]]:
    """A cell's span cut at runs of three spaces or more (a gap cleaning kept as the page wrote it)."""
    out, start = [], a
    for gm in re.finditer(r" {3,}", text[a:b]):
        out.append((start, a + gm.start()))
        start = a + gm.end()
    out.append((start, b))
    return out


def stacked_titles(lines: list[str]) -> bool:
    """A page's title and its subtitle on two lines of one block ("Notice to Shipping No. 3" / "Works at the quay").

    Both are title-shaped (no sentence end) and of two words or more; neither is a name, a byline, a dateline or a
    field, so a signature over a job title ("Jane Roe" / "Head of Music") stays text.
    """
    if len(lines) != 2:
        return False
    for line in lines:
        t = line.strip()
        if (len(t.split()) < 2 or not t[:1].isupper() or _SENT_FINAL.search(t) or not heading_shape(t, first=True)
                or _PERSON_NAME.match(t) or is_byline(t) or _BYLINE.match(t) or is_dateline(t) or is_field_line(t)):
            return False
    return heading_shape(lines[1])


def is_field_line(text: str) -> bool:
    """A label and its value ("Contact: ...", "From: ..."), or a line with a phone number."""
    t = text.strip()
    return bool(_FIELD_LABEL.match(t) or _PHONE.search(t)) or labelled_person(t)


# A label, then a person by their title: "Speaker: Dr Ana Lima", "Guest preacher: Revd Tom Berg".
_LABELLED_TITLE = re.compile(r"^[A-Z][\w'’-]*(?:\s+[a-z][\w'’-]*)?\s*:\s+([A-Z][\w'’]*)\.?\s+[A-Z]")
_PERSON_TITLES = page_words("signature_titles")


def labelled_person(text: str) -> bool:
    """A field naming a person by their title after a label ("Chair: Prof Tom Berg, Harbourton"): no heading."""
    m = _LABELLED_TITLE.match(text.strip())
    return bool(m) and m.group(1).lower() in _PERSON_TITLES


def heading_shape(text: str, *, first: bool = False, numbered: bool = False) -> bool:
    """Does one line of text look like a heading (a title, not a sentence)?"""
    t = text.strip()
    words = t.split()
    if not words or "\n" in t:
        return False
    limit = MAX_TITLE_WORDS if first else MAX_HEADING_WORDS
    if len(words) > limit:
        return False  # (first: the line-level patterns below then only ever read a short line)
    if not re.search(r"[^\W\d_]", t):
        # No letters: only a bare year or number can head a section ("2013").
        return bool(re.fullmatch(r"\d{1,4}", t))
    if t.endswith((":", ";", ",")) or has_email_or_url(t) or is_table_row(t) or is_column_header(t):
        return False
    if (_TRAILS_OFF.search(t) or is_dateline(t) or dated_row(t) or _BYLINE.match(t) or is_story_byline(t) or _AUTHOR_LIST.match(t)
            or _FORMULA.search(t) or _FIELD_LABEL.match(t) or _PHONE.search(t) or _DELIVERED_BY.match(t)):
        return False
    if labelled_person(t) or is_postal_address(t) or _RELEASE_LABEL.search(t):
        return False
    first_letter = re.search(r"[^\W\d_]", t)
    if not numbered and first_letter and first_letter.group().islower() and first_letter.start() < 3:
        return False
    sentences = split_sentences(t)
    if len(sentences) > 1 and not (first and _question_and_subtitle(t, sentences)):
        return False
    if not first and not numbered and len(words) > 6 and _capitalised_share(words) <= 0.5:
        # A long line in sentence case is a sentence without its full stop (a standfirst, a caption).
        return False
    if t.endswith("?"):
        return first
    if _SENT_FINAL.search(t):
        return is_run_in_heading(t, numbered=numbered)
    return True


def _question_and_subtitle(text: str, sentences: list[tuple[int, int]]) -> bool:
    """A title that asks and then says what it is about: "Who keeps the canals open? Irrigation in the Terai"."""
    return len(sentences) == 2 and text[: sentences[0][1]].rstrip().endswith("?") and not _SENT_FINAL.search(text)


def _capitalised_share(words: list[str]) -> float:
    lettered = [w for w in words if re.search(r"[^\W\d_]", w) and w.lower() not in _MINOR_WORDS]
    if not lettered:
        return 1.0
    return sum(1 for w in lettered if re.match(r"[\W\d]*[^\W\d_]", w) and re.search(r"[^\W\d_]", w).group().isupper()) / len(lettered)


def is_run_in_heading(text: str, *, numbered: bool = False) -> bool:
    """ "Introduction." or "4. Discussion.": a few words of a noun phrase closed by a full stop.

    Replies and formulas ("Yes.", "Thank you.", "I could show you.") are not:
    they hold a pronoun, an interjection or an adverb.
    """
    t = text.strip()
    words = _words(t)
    if not t.endswith(".") or t.endswith("..") or not words or len(words) > (5 if numbered else 4):
        return False
    return not any(w in _SPEECH_WORDS or (len(words) == 1 and w.endswith("ly")) for w in words)


def _words(text: str) -> list[str]:
    return re.findall(r"[^\W_]+(?:['’][^\W_]+)*", text.lower())


def _enum_scheme(text: str) -> str | None:
    """Which enumeration a line uses: 'digit', 'upper', 'lower', 'roman', or None."""
    m = _ENUM_RE.match(text.strip())
    if not m:
        return None
    n = m.group("pnum") if m.group("paren") else m.group("num")
    paren = "()" if m.group("paren") else ""
    if n.isdigit():
        return "digit" + paren
    if re.fullmatch(r"[ivxlc]+", n) and len(n) > 1:
        return "roman" + paren
    if re.fullmatch(r"[IVXLC]+", n) and len(n) > 1:
        return "ROMAN" + paren
    return ("upper" if n.isupper() else "lower") + paren


def _enum_number(text: str) -> str:
    m = _ENUM_RE.match(text.strip())
    assert m
    return m.group("pnum") if m.group("paren") else m.group("num")


def _flatten(block: Block) -> tuple[str, OffsetMap]:
    """Join a block's lines into one line of running text (same length, same offsets)."""
    return block.text.replace("\n", " "), block.offsets


def _tail(block: Block, start: int) -> tuple[str, OffsetMap, int, int]:
    """A block's text from ``start`` on, as running text (line breaks as spaces), its offset map and source span."""
    end = len(block.text)
    pieces = []
    for p in block.offsets.pieces:
        lo, hi = max(p.clean_start, start), min(p.clean_end, end)
        if lo >= hi:
            continue
        pieces.append(_piece_part(p, lo, hi, start))
    src0, src1 = block.offsets.to_source(start, end)
    return block.text[start:].replace("\n", " "), OffsetMap(pieces=pieces), src0, src1


def _piece_part(p: Piece, lo: int, hi: int, start: int) -> Piece:
    """The part ``lo``-``hi`` of piece ``p``, counted in a text that starts at ``start`` (a line's, a block's tail)."""
    if p.copied:
        return Piece(clean_start=lo - start, clean_end=hi - start, source_start=p.source_start + lo - p.clean_start, source_end=p.source_start + hi - p.clean_start)
    return Piece(clean_start=lo - start, clean_end=hi - start, source_start=p.source_start, source_end=p.source_end)


def _merge(a: Block, b: Block, sep: str = " ") -> tuple[str, OffsetMap]:
    ta, tb = a.text.replace("\n", " "), b.text.replace("\n", " ")
    pieces = [dataclasses.replace(p) for p in a.offsets.pieces]
    pieces.append(Piece(clean_start=len(ta), clean_end=len(ta) + len(sep), source_start=a.source_end, source_end=b.source_start))
    shift = len(ta) + len(sep)
    pieces += [
        Piece(
            clean_start=p.clean_start + shift,
            clean_end=p.clean_end + shift,
            source_start=p.source_start,
            source_end=p.source_end,
        )
        for p in b.offsets.pieces
    ]
    return ta + sep + tb, OffsetMap(pieces=pieces)


def _make(seg_id: int, role: str, text: str, offsets: OffsetMap, start: int, end: int, **kw) -> Segment:
    seg = Segment(id=f"s{seg_id}", role=role, text=text, source_start=start, source_end=end, offsets=offsets, **kw)
    if role not in ("furniture", "table"):  # a table's cells are no prose, as a format reader's tables
        for s0, s1 in split_sentences(text):
            src0, src1 = offsets.to_source(s0, s1)
            seg.sentences.append(Sentence(start=s0, end=s1, source_start=src0, source_end=src1))
    return seg


Add = Callable[..., None]


def segment(page: CleanPage) -> SegmentedPage:
    """Group cleaned blocks into typed segments with sentence spans."""
    if page.structure is not None:
        return _from_structure(page)
    segments: list[Segment] = []
    blocks = page.blocks
    content = [i for i, b in enumerate(blocks) if not b.furniture]
    first_content = content[0] if content else -1

    def add(role: str, text: str, offsets: OffsetMap, start: int, end: int, **kw) -> None:
        segments.append(_make(len(segments) + 1, role, text, offsets, start, end, **kw))

    def neighbour(i: int, step: int) -> Block | None:
        j = i + step
        while 0 <= j < len(blocks):
            if not blocks[j].furniture:
                return blocks[j]
            j += step
        return None

    i = 0
    last_note = 0  # the number of the last note read by its superscript
    labelled_seen = 0  # blocks before this one were read as part of a run of labelled lines
    while i < len(blocks):
        block = blocks[i]
        if block.furniture:
            text, offsets = _flatten(block)
            add("furniture", text, offsets, block.source_start, block.source_end)
            i += 1
            continue
        stripped = block.text.strip()
        num = _NUMBER_ONLY_RE.match(stripped)
        nxt = blocks[i + 1] if i + 1 < len(blocks) else None
        if num and nxt is not None and not nxt.furniture and heading_shape(nxt.text, numbered=True):
            text, offsets = _merge(block, nxt)
            number = num.group("num").strip("()")
            add("heading", text, offsets, block.source_start, nxt.source_end, number=number, level=heading_level(num.group("num")))
            i += 2
            continue
        if (n := _superscript_note(block.text)) and ((last_note and n == last_note + 1) or (n == 1 and _superscript_note(
                getattr(neighbour(i, 1), "text", "")) == 2)):
            # a chapter's notes, each its superscript number ("¹ Figures from ...", "² Interviews ..."), one block
            # each once the links back to the text between them are taken out as chrome
            last_note = n
            _add_list_items(block, add)
            i += 1
            continue
        if i >= labelled_seen and (end := _labelled_run(blocks, i, page.text)) >= i + MIN_UNBULLETED_ITEMS and items_of_a_list(
                [b.text for b in blocks[i:end]], None):
            # lines of one block that clean cut apart, each a whole paragraph's length, are still a list's items when
            # each opens on a label of its own ("By air: ..." / "By bus: ..." / "By car: ..."); unlabelled, they are
            # paragraphs saved without blank lines between them
            for b in blocks[i:end]:
                _add_list_items(b, add)
            i = end
            continue
        if i >= labelled_seen:
            labelled_seen = max(i + 1, end)  # (a run is read once: a page of thousands of such lines stays linear)
        lines = block.text.split("\n")
        if len(lines) == 2 and (num := _NUMBER_ONLY_RE.match(lines[0].strip())) and heading_shape(lines[1], numbered=True):
            # "2." and "North America" on consecutive lines: one numbered heading.
            text, offsets = _flatten(block)
            number = num.group("num").strip("()")
            add("heading", text, offsets, block.source_start, block.source_end, number=number, level=heading_level(num.group("num")))
        elif len(lines) > 1 and (all(_BULLET_RE.match(line) or _enum_scheme(line) or REFERENCE_ENTRY.match(line)
                                     or _LABELLED_ITEM.match(line) or _SUB_ITEM.match(line) for line in lines)
                                 or coded_items(lines)
                                 or (numbered_notes(lines)
                                     and not laid_out_table(page.text[block.source_start : block.source_end].splitlines()))):
            # (a reference list may number some entries and not others; a guide's tips and warnings follow each other)
            _add_list_items(block, add)
        elif len(lines) > 1 and laid_out_table(page.text[block.source_start : block.source_end].splitlines()):
            text, cells = _laid_out_cells(block, page.text)
            add("table", text, block.offsets, block.source_start, block.source_end, cells=cells)
        elif i == first_content and stacked_titles(lines):
            # The page title and its subtitle, each on its own line: two headings.
            for line, offsets, src0, src1 in _line_pieces(block):
                add("heading", line, offsets, src0, src1)
        elif len(lines) > 1 and (unbulleted_list(lines) or items_of_a_list(lines, _last_line(neighbour(i, -1)))
                                 or (_ITEM_LABEL.match(lines[0]) and is_field_line(lines[0]) and unbulleted_list(lines[1:]))):
            # (a panel's first member by their part, the others by name: "Moderator: Ana Lima, Radio X" / "Tom
            # Berg, hydrologist, ..." / ...)
            _add_list_items(block, add)
        elif split_heading(lines, first=i == first_content):
            # A title wrapped over lines: "Ice on the move" / "across the northern fells".
            text, offsets = _flatten(block)
            add("heading", text, offsets, block.source_start, block.source_end)
        elif (rest := heading_over(lines)) is not None:
            # A heading with its text right under it, no blank line between.
            pieces = _line_pieces(block)
            line, offsets, src0, src1 = pieces[0]
            add("heading", line, offsets, src0, src1)
            below = pieces[1:]
            if rest == "list":
                for line, offsets, src0, src1 in below:
                    add("list_item", line, offsets, src0, src1)
            elif len(below) > 1 and lines_stand_alone(lines[1:]):
                for line, offsets, src0, src1 in below:
                    add(_standalone_line_role(line, first=False), line, offsets, src0, src1)
            else:
                add("paragraph", *_tail(block, len(lines[0]) + 1))
        elif len(lines) > 1 and lines_stand_alone(lines):
            # One item per line: each line is its own segment, so nothing runs across a line break.
            for j, (line, offsets, src0, src1) in enumerate(_line_pieces(block)):
                add(_standalone_line_role(line, first=j == 0), line, offsets, src0, src1)
        elif len(lines) > 1:
            text, offsets = _flatten(block)
            add("paragraph", text, offsets, block.source_start, block.source_end)
        else:
            title = blocks[first_content].text if 0 <= first_content < i else None
            _add_line(block, add, first=i == first_content, prev=neighbour(i, -1), nxt=neighbour(i, 1), title=title,
                      above=blocks[i - 1] if i and not blocks[i - 1].furniture else None)
        i += 1
    _demote_stray_run_in_headings(segments)
    _demote_glossary_terms(segments)
    return page.model_copy(update={"segments": segments})


def _from_structure(page: CleanPage) -> SegmentedPage:
    """Segments a format reader took from the file's markup: number them and split their sentences."""
    segments = []
    for i, seg in enumerate(page.structure or [], start=1):
        sentences = []
        # Tables and code are not prose: no sentences (their cells still get entities).
        if seg.role not in ("furniture", "table", "code"):
            for s0, s1 in split_sentences(seg.text):
                src0, src1 = seg.offsets.to_source(s0, s1)
                sentences.append(Sentence(start=s0, end=s1, source_start=src0, source_end=src1))
        segments.append(seg.model_copy(update={"id": f"s{i}", "sentences": sentences}))
    return page.model_copy(update={"segments": segments})


def is_definition(text: str) -> bool:
    """Text that defines the term above it: starts in lower case, a phrase or more long."""
    return text[:1].islower() and len(text.split()) >= 5


def _demote_glossary_terms(segments: list[Segment]) -> None:
    """A short line followed by text that starts in lower case is a term and its definition, not a heading."""
    content = [s for s in segments if s.role != "furniture"]
    for k in range(1, len(content) - 1):
        seg, nxt = content[k], content[k + 1]
        # (A lower-case line of a few words is itself a term: "Key Terms" over "supply schedule" stays a heading.)
        if seg.role == "heading" and not seg.number and nxt.role == "paragraph" and is_definition(nxt.text):
            seg.role = "paragraph"


def _demote_stray_run_in_headings(segments: list[Segment]) -> None:
    """Run-in headings ("Introduction.") are a page's style or not there at all.

    On a page whose other headings have no full stop, or where it is the only
    one, a short line ending in one is a short paragraph ("Hunga Island.",
    "Thank you.").
    """
    content = [s for s in segments if s.role != "furniture"]
    inner = [s for s in content[1:] if s.role == "heading" and not s.number]
    run_in = [s for s in inner if s.text.rstrip().endswith(".")]
    # A style needs at least two of its kind: one short line with a full stop is a short sentence.
    if len(run_in) >= 2 and len(run_in) == len(inner):
        return
    for s in inner:
        if s.text.rstrip().endswith("."):
            s.role = "paragraph"


def _add_line(block: Block, add: Add, *, first: bool, prev: Block | None, nxt: Block | None, title: str | None = None,
              above: Block | None = None) -> None:
    """Role of a one-line block, from its shape and its neighbours (``above``: the block right above it, when no
    chrome stands between them)."""
    text, offsets = _flatten(block)
    t = text.strip()
    span = (block.source_start, block.source_end)
    if _BULLET_RE.match(t) or _LABELLED_ITEM.match(t):
        add("list_item", text, offsets, *span)
        return
    if _CODED_ITEM.match(t) and any(b is not None and "\n" not in b.text.strip() and coded_items([t, b.text]) for b in (prev, nxt)):
        add("list_item", text, offsets, *span)  # an item by its code, its sibling a line of its own ("R4.1 ..." / "R4.2 ...")
        return
    if _SUB_ITEM.match(t) and any(b is not None and "\n" not in b.text.strip() and _SUB_ITEM.match(b.text) for b in (prev, nxt)):
        add("list_item", text, offsets, *span)  # "3.a ..." / "3.b ...", each a paragraph long, so each a block
        return
    if m := _MULTI_NUMBER_RE.match(t):
        # "1.1 What is Government?": a sub-section number makes even a question a heading.
        if heading_shape(m.group("title").rstrip("?"), numbered=True):
            add("heading", text, offsets, *span, number=m.group("num"), level=heading_level(m.group("num")))
        else:
            add("paragraph", text, offsets, *span)
        return
    if (scheme := _enum_scheme(t)) and _INLINE_SECOND_ITEM.search(t):
        # "(1) Faculty of X, Ecuador; (2) Institute of Y, Peru": the whole list on one line, a paragraph (affiliations)
        add("paragraph", text, offsets, *span)
        return
    if scheme:
        siblings = any(b is not None and "\n" not in b.text.strip() and _enum_scheme(b.text) == scheme for b in (prev, nxt))
        title = _ENUM_RE.match(t).group("title")  # type: ignore[union-attr]
        if not siblings and heading_shape(title, numbered=True):
            number = _enum_number(t)
            add("heading", text, offsets, *span, number=number, level=heading_level(f"({number})" if "()" in scheme else number))
        else:
            add("list_item", text, offsets, *span)
        return
    # ("22 November ..." is a date, not section 22.)
    if (m := _BARE_NUMBER_RE.match(t)) and not DAY_AND_MONTH.match(t) and heading_shape(m.group("title"), numbered=True):
        add("heading", text, offsets, *span, number=m.group("num"), level=1)
        return
    role = "heading" if heading_shape(t, first=first) or repeats_title(t, title) or is_headline(t) else "paragraph"
    if role == "paragraph" and nxt is not None and over_byline(t, nxt.text) and not under_a_title(t, above):
        role = "heading"  # a story's title, however long, over its byline or its date
    if role == "heading" and not first and is_signature(t, prev):
        role = "paragraph"  # "Revd Jane Smith" under the letter's last words: its signature
    if role == "heading" and not first and is_byline(t):
        role = "paragraph"  # the authors under a paper's title, or their affiliations
    if role == "heading" and not first and nxt is not None and is_dateline(nxt.text) and _PERSON_NAME.match(t):
        role = "paragraph"  # a name over the dateline is the story's byline: "Mira Castell" / "PORT ELLEN 1997-06-02"
    if role == "heading" and not first and is_sender_line(t) and any(
            b is not None and (is_sender_line(b.text) or _DATE_LINE.match(b.text.strip())) for b in (prev, nxt)):
        role = "paragraph"  # a statement's header: "Ana Lima" / "Department Spokesperson" / "Washington, DC" / the date
    if role == "heading" and not first and any(rows_alike(t, b.text if b is not None else None) for b in (prev, nxt)):
        role = "paragraph"  # one of a run of lines alike with figures: rows of results, each on its own
    add(role, text, offsets, *span)


# A date alone on its line: "January 11, 2015", "11 January 2015", "Tuesday, 3 March 2026".
_DATE_LINE = re.compile(rf"^(?:{CALENDAR_WORD}\S*[ ,]+){{1,2}}\d{{1,2}},?\s+(?:1[89]|20)\d\d$|^(?:{CALENDAR_WORD}\S*,?\s+)?\d{{1,2}}\s+{CALENDAR_WORD}\S*\s+(?:1[89]|20)\d\d$",
                        re.IGNORECASE)


# The second item of a list numbered in brackets, written on the same line as the first: "...; (2) Institute of ...".
_INLINE_SECOND_ITEM = re.compile(r"^\s*\((?:1|a)\)\s.{1,300}?[;,]\s*\((?:2|b)\)\s")


#: Fewest words of a story's title over its standfirst: a shorter line above is a kicker ("Analysis", "Farming").
TITLE_OVER_STANDFIRST_WORDS = 5


def under_a_title(text: str, prev: Block | None) -> bool:
    """A story's standfirst, longer than the title right above it (a line of its own, title-shaped, no chrome
    between them: a site's name over its menu is no title): the line over the byline is then not the title."""
    if prev is None or "\n" in prev.text.strip():
        return False
    above = prev.text.strip()
    n = len(above.split())
    return n >= TITLE_OVER_STANDFIRST_WORDS and len(text.split()) > n and heading_shape(above, first=True) and not _SENT_FINAL.search(above)


def over_byline(text: str, below: str) -> bool:
    """A story's title over its byline or its dateline ("By Ana Lima · 2 May 2025", "Saturday, March 8, 2025"),
    title-shaped as a page's first line may be (long, in sentence case, a question and its subtitle). The dateline and
    the byline may stand in one block, one under the other."""
    lines = below.strip().split("\n")
    return (len(lines) <= 2 and all(is_story_byline(b) or is_dateline(b) for b in lines)
            and heading_shape(text, first=True))


_SIGNATURE_TITLES = page_words("signature_titles")
# A title and a name: "Revd Jane Smith", "Mrs A. Patel", "Dr Sam Lee-Roe".
_TITLED_NAME = re.compile(r"^(?P<title>[A-Z][a-z]{1,11})\.?\s+(?:[A-Z][\w'’-]*\.?\s+){0,2}[A-Z][\w'’-]+$")


def is_signature(text: str, prev: Block | None) -> bool:
    """A letter's signature: a title of :data:`_SIGNATURE_TITLES` and a name, right under a block of text that closes a
    sentence or a valediction ("With best wishes,"). Not a heading, and not a picture's caption."""
    t = text.strip()
    m = _TITLED_NAME.match(t)
    if not m or m.group("title").lower() not in _SIGNATURE_TITLES or prev is None:
        return False
    above = prev.text.strip()
    return len(above.split()) >= 3 and above.endswith((".", "!", ",", "?"))


def repeats_title(text: str, title: str | None) -> bool:
    """The page title said again (a site's headline over the story), perhaps with a word changed."""
    if not title or "\n" in text.strip() or _SENT_FINAL.search(text.strip()):
        return False
    a, b = set(_words(text)), set(_words(title))
    return len(a) >= 3 and len(a & b) / len(a | b) >= 0.7


def _line_pieces(block: Block) -> list[tuple[str, OffsetMap, int, int]]:
    """Each line of a block with its own offset map and source span."""
    out = []
    pos = 0
    all_pieces = block.offsets.pieces
    first = 0  # pieces are in text order: those ending before a line are never needed again
    for line in block.text.split("\n"):
        start, end = pos, pos + len(line)
        pos = end + 1
        pieces = []
        while first < len(all_pieces) and all_pieces[first].clean_end <= start:
            first += 1
        for k in range(first, len(all_pieces)):
            p = all_pieces[k]
            if p.clean_start >= end:
                break
            lo, hi = max(p.clean_start, start), min(p.clean_end, end)
            if lo >= hi:
                continue
            pieces.append(_piece_part(p, lo, hi, start))
        src0, src1 = block.offsets.to_source(start, end)
        out.append((line, OffsetMap(pieces=pieces), src0, src1))
    return out


def _standalone_line_role(line: str, *, first: bool) -> str:
    """Role of one line of a block written one item per line.

    Such a block marks its titles in capitals (or puts one first); its other
    short lines are names, scores and table rows, which are text.
    """
    t = line.strip()
    if _BULLET_RE.match(t):
        return "list_item"
    if not first and is_sender_line(t):
        return "paragraph"  # a statement's header: "Ana Lima" / "Department Spokesperson" / "Washington, DC"
    if is_headline(t) or (first and heading_shape(t, first=True)):
        return "heading"
    return "paragraph"


def _last_line(block: Block | None) -> str | None:
    return block.text.rstrip().rsplit("\n", 1)[-1] if block is not None else None


# A note opening on its superscript figure and a capital: "² Interviews, June 2025." (an author line's marks follow
# names instead: "Ana Lima ¹, Tomas Berg ²").
_SUPERSCRIPT_NOTE = re.compile(rf"^\s*({_SUPERSCRIPT_NUMBER})\s+[\"“‘(]?[A-Z]")


def _superscript_note(text: str) -> int:
    """The number of a note that opens on its superscript figure and is one line ("² Interviews, June 2025."), or 0."""
    m = _SUPERSCRIPT_NOTE.match(text)
    return int(m.group(1).translate(_SUPERSCRIPT_FIGURES)) if m and "\n" not in text.strip() else 0


def _labelled_run(blocks: list[Block], i: int, source: str) -> int:
    """End of the run of one-line blocks from ``blocks[i]``, each opening on a label and a colon, that stood in one
    block of the page, one line break apart (clean cuts such a block into its lines when one of them is a whole
    paragraph on a line)."""
    j = i
    while (j < len(blocks) and not blocks[j].furniture and "\n" not in blocks[j].text and _ITEM_LABEL.match(blocks[j].text)
           and (j == i or source.count("\n", blocks[j - 1].source_end, blocks[j].source_start) == 1)):
        j += 1
    return j


def _add_list_items(block: Block, add: Add) -> None:
    for line, offsets, src0, src1 in _line_pieces(block):
        add("list_item", line, offsets, src0, src1)
