"""classify: the role of each segment, and the page's section, topics and regions.

``classify(SegmentedPage, taxonomy=None, gazetteer=None) -> ClassifiedPage``.

Roles: ``segment`` has told headings, paragraphs and list items apart by shape;
here captions (photo, figure and table captions and credits) are picked out of
them, using what captions look like and where they stand:

* a numbered figure/table/photo/listing label ("Figure 2.1", "Fig. 3", "Table 4:",
  "Listing 2", "Abb. 3", "[표 1]"; the label words, in many languages, are the
  ``caption_labels`` list of ``workers/data/page_words.json``), a credit
  ("Image: Jane Doe.", "(photo: ...)", "(credit: ...)", "courtesy of", "CC BY"),
  where someone stands in the picture ("(left)", ", from left:"), or a pull
  quote with its speaker ('"..." - Jane Doe');
* a line that is only a name and a whole section by itself (a heading follows
  at once): what the picture there shows ("Skerrabost Quay" before "Get in");
  the page's own writing says what is a name (see :func:`is_name_only`);
* a descriptive line right under a section heading, before the text starts
  (where pages put a section's picture): a heading-like line of four or more
  words, or with a comma, or ending with a full stop; or a one-sentence line
  with no sentence end;
* a line that is only a person's name, when the page calls that person by a
  title elsewhere ("Alex Morgan" ... "Ms Morgan said");
* amid the text (not right under the title, where it is a standfirst), a
  one-line description of seven or more words in sentence case with no full
  stop, that is not a field ("Contact: ...") and not cut off ("--").

The rules that go by a line's place leave alone a line of a block written line
by line (a wire story, a results table), whose neighbours are its own lines.

Topics come from a taxonomy file (default: the IPTC Media Topics top level
bundled as ``workers/data/iptc_mediatopics_top.json``), scored by how much of
the page's wording falls on each topic's keywords: see :func:`classify_topics`.

Regions are UN M49 regions of the countries the page names. ``classify`` runs
before ``annotate``, so it cannot use the entities; it finds places with a
country names of the pipeline's one gazetteer instead
(:mod:`workers.knowledge.gazetteer`: ISO 3166 country names from pycountry,
plus the aliases and demonyms in ``workers/data/m49.json``), the same one
``annotate`` labels places with: cheap (one regular expression),
deterministic, and it needs no model. Cities count for no region here; a
caller with another list passes its own :class:`Gazetteer`.
Names that are more often something else on English pages ("Georgia",
"Jordan", "Indian") are left out, and a name inside a longer capitalised name
("New Mexico", "Latin America") does not count. See :func:`classify_regions`.

The settings' ``taxonomy`` path (``PAGEMILL_TAXONOMY``) is meant to be loaded
with :meth:`Taxonomy.from_file` by the caller and passed in; ``classify`` itself
reads no settings and no files other than the bundled defaults, loaded once.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from wordfreq import word_frequency

from ..knowledge.gazetteer import Gazetteer, gazetteer
from ..knowledge.lexicon import page_words
from ..knowledge.shapes import CAPITAL, CAPITAL_OR_MARK, dated_row, is_byline, is_story_byline
from ..models import Classification, ClassifiedPage, Region, Section, Segment, SegmentedPage, Topic
from .segment import CITATIONS, is_dateline, is_definition, is_field_line, is_table_row, rows_alike, split_sentences
from .language import identifier as language_identifier
from .language import languages
from .outline import link_parents

# A numbered label of a figure, table, listing or box, in the languages pages come in ("Figure 7.4", "Abb. 3",
# "Listing 4:", "[Tabla 4-5]", "【図2】"). Its number is what makes it one: digits, a capital letter or a Roman numeral,
# in parts joined by a dot or a dash ("4-5", "A.3", "S2", "IV"); a word that only starts a sentence ("Table salt",
# "Figure skating") has none. The label word is matched in any case, the number as written ("Map a route" is no label),
# and a lone letter followed by a lower-case word is the pronoun or an article ("Image I made", "Figure A shows").
_LABEL_WORDS = "|".join(re.escape(w) for w in sorted(page_words("caption_labels"), key=lambda w: (-len(w), w)))
_LABEL_PART = r"(?:[.\-–‐‑](?:\d+[a-z]?|[A-Z]))*(?!\w)"
_FIGURE_LABEL = re.compile(
    rf"^[\[(【〔〈<《［（]?\s*(?i:{_LABEL_WORDS})"
    # After the word: a space, or a number straight after it ("Figure3", "图1"), or an abbreviation's full stop.
    r"(?:(?<=\.)\s*|\s*(?=\(?\d)|\s+)\(?"
    rf"(?:[A-Z]?\d+[a-z]?{_LABEL_PART}|(?:[A-Z]|[IVXLC]{{2,7}}){_LABEL_PART}(?![)\]】〕〉>》］）]?\s+[a-z]))"
)
_CREDIT = re.compile(
    r"(?:\b(?:image|photo|photograph|picture|credit|credits|source|courtesy)\s*(?:by)?\s*:\s*[^:]{1,80}$"
    r"|\((?:[^()]*?)\b(?:photo|photograph|image|courtesy|credit|source)\b\s*(?:of|by|:)[^()]*\)"
    r"|\bcourtesy of\b|\bCC[ -]BY\b|©)",
    re.IGNORECASE,
)
# Openings of picture descriptions ("Map of ...", "View from ...") and words only captions use.
_CAPTION_OPENING = re.compile(r"^(?:map|view|photo|photograph|picture|portrait|aerial view|plan|diagram|detail)s?\s+(?:of|from|showing)\b", re.IGNORECASE)
_PICTURE_WORD = re.compile(
    r"\b(?:photo|photograph|pictured|file photo|screenshot)(?![-\w])"
    # where someone stands in the picture: "Ann Lowrie (left)", "from left", "left to right"
    r"|\((?:far\s+|second\s+from\s+)?(?:left|right|centre|center|middle|top|bottom)\)|[(,]\s*(?:from left|from right|left to right)\b",
    re.IGNORECASE,
)
# When and where a news photo was taken, closing its caption: "... greets the President (June 1, Harbourton)",
# "(Harbourton, 3 May)". (A month name and a capitalised word in the brackets, nothing after them.)
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_WHEN_AND_WHERE = re.compile(
    rf"\((?:{_MONTH}\s+\d{{1,2}}|\d{{1,2}}\s+{_MONTH})(?:,?\s+\d{{4}})?[,;]\s*[A-Z][^()]{{0,40}}\)$"
    rf"|\([A-Z][\w .'’-]{{0,40}}[,;]\s*(?:{_MONTH}\s+\d{{1,2}}|\d{{1,2}}\s+{_MONTH})(?:,?\s+\d{{4}})?\)$"
)
# A picture's year closing a short description: "Ana Lima in her studio, c. 1950", "... on stage in Harbourton, 1972"
# (a date line, "Tuesday, May 3, 2016", has no lower-case word before its year).
_WHEN_TAKEN = re.compile(r"^[A-Z][^.!?]*\b[a-z]{2,}\b[^.!?]*,\s*(?:c\.|ca\.|circa)?\s*\d{4}(?:\s*[–-]\s*\d{2,4})?$")
_NAME_LINE = re.compile(r"^(?:[A-Z][a-z'’-]+|[A-Z]\.)(?:\s+(?:[A-Z][a-z'’-]+|[A-Z]\.)){1,3}$")
_HONORIFIC = (
    r"(?:Mr|Mrs|Ms|Miss|Dr|Sir|Dame|Lord|Lady|Professor|Prof|President|Minister|Secretary|Senator|"
    r"General|Gen|Ambassador|Governor|Chancellor|King|Queen|Prince|Princess)\.?"
)
_PULL_QUOTE = re.compile(r"^[\"“].+[\"”]\s*[-–—]+\s*[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}\s*$")
_SENT_FINAL = re.compile(r"[.!?][\"”’')\]]*$")
# Where a table's or a chart's figures come from, under it: "Source: the agency's analysis of data from ...". A
# line that opens so is the figure's caption however long the name of the source (a credit's is short).
_SOURCE_LINE = re.compile(r"^\W{0,2}(?:data\s+)?sources?\s*:\s*\S", re.IGNORECASE)
#: Most words of such a line.
SOURCE_LINE_WORDS = 40


def is_caption_text(text: str) -> bool:
    """Caption cues in the text itself, wherever it stands."""
    t = text.strip()
    if _FIGURE_LABEL.match(t) or _CAPTION_OPENING.match(t):
        return True
    if _PICTURE_WORD.search(t) and len(t.split()) <= 25:
        return True
    if _PULL_QUOTE.match(t) and len(t) < 400:
        return True
    if _WHEN_AND_WHERE.search(t) and len(t.split()) <= 30:
        return True
    if len(t.split()) <= 15 and _WHEN_TAKEN.match(t):
        return True
    if _SOURCE_LINE.match(t) and len(t.split()) <= SOURCE_LINE_WORDS:
        return True
    return bool(_CREDIT.search(t)) and len(t) < 400


class TitledNames:
    """Where a page calls someone by a title: the places a surname may stand after "Mr", "Minister" ...

    Built once per page, so asking about each name-shaped line costs the few
    places a title stands, not a scan of the whole page per line. A surname
    counts when ``\\b<title>\\s+(?:[A-Z][\\w.'’-]*\\s+){0,2}<surname>\\b`` is in the page.
    """

    _TITLE = re.compile(rf"\b{_HONORIFIC}\s+")
    _WORD = re.compile(r"[A-Z][\w.'’-]*\s+")

    def __init__(self, body: str) -> None:
        self.body = body
        self._at: dict[str, list[int]] = {}  # first two characters -> places a surname may start
        for m in self._TITLE.finditer(body):
            pos = m.end()
            for _ in range(3):
                self._at.setdefault(body[pos : pos + 2], []).append(pos)
                if not (w := self._WORD.match(body, pos)):
                    break
                pos = w.end()

    def called_by_title(self, surname: str) -> bool:
        tail = re.compile(rf"{re.escape(surname)}\b")
        return any(tail.match(self.body, p) for p in self._at.get(surname[:2], ()))


def is_person_name_line(text: str, body: str | TitledNames) -> bool:
    """A line that is only a person's name (the picture above it shows them).

    Told from a place or a section name because the page calls the same
    surname by a title elsewhere ("Mr Johnson", "Minister Ellwood").
    """
    t = text.strip()
    if not _NAME_LINE.match(t):
        return False
    surname = t.split()[-1]
    names = body if isinstance(body, TitledNames) else TitledNames(body)
    return names.called_by_title(surname)


#: Share of English text a word must make up (wordfreq) to be an everyday word rather than a possible name.
EVERYDAY_WORD_FREQUENCY = 1e-4
_NAME_WORD = re.compile(r"[^\W\d_][\w'’.-]*")
# Words that a name may hold in lower case ("Bay of Islands", "Isle of Man").
_NAME_PARTICLES = page_words("name_particles")


def is_name_only(text: str, written: Counter[str]) -> bool:
    """A line that is only a name ("Harbour Island", "Fort of St Anne"), as the page's own writing shows.

    Every word is capitalised (particles aside), there is no figure or
    sentence end, and at least half of the words are proper: the page never
    writes them in lower case and they are not everyday English words ("Get
    in", "Understand"). One of them must be a name for sure: unknown to the
    English word list, or used again elsewhere on the page.
    ``written`` counts the page's words as written.
    """
    t = text.strip()
    if re.search(r"\d", t) or _SENT_FINAL.search(t) or t.endswith((":", "?")):
        return False
    words = [w for w in _NAME_WORD.findall(t) if w.lower() not in _NAME_PARTICLES]
    if not words or len(words) > 8 or not all(w[0].isupper() for w in words):
        return False
    freq = {w: word_frequency(w, "en", wordlist="small") for w in words}
    proper = [w for w in words if not written.get(w.lower()) and freq[w] < EVERYDAY_WORD_FREQUENCY]
    return 2 * len(proper) >= len(words) and any(freq[w] == 0 or written.get(w, 0) >= 2 for w in proper)


#: Longest line of a block of short lines (an address, contact details) under a heading, which is no caption.
SHORT_LINE_CHARS = 45
# Words of a site's interface ("About", "Contact", "Events"): a line opening with one names a section, not a picture.
_UI_WORDS = page_words("ui_words")


def _under_heading(seg: Segment, prev: Segment | None, page_title: Segment | None, source: str = "") -> bool:
    """A descriptive line right under a section heading: the section's picture caption."""
    if prev is None or prev.role != "heading" or prev is page_title or seg.number:
        return False
    t = CITATIONS.sub("", seg.text).strip()
    if seg.role == "heading" and (re.findall(r"[^\W\d_]+", t.lower()) or [""])[0] in _UI_WORDS:
        return False  # "About the trust", "Contact the office": a section's heading under another
    if seg.role == "paragraph":
        if not t[:1].isupper() or is_field_line(t):
            return False  # (a field names no picture: "Media contact: Ana Lima · +1 555 0100")
        lines = [ln for ln in source[seg.source_start : seg.source_end].splitlines() if ln.strip()] if source else []
        if len(lines) >= 2 and all(len(ln.strip()) <= SHORT_LINE_CHARS for ln in lines):
            return False  # an address or contact details, a line each: no picture's description
        # A one-line description without a sentence end, where the text would start.
        return (
            "\n" not in t
            and not _SENT_FINAL.search(t)
            and not t.endswith((":", ";", ",", "--", "…", "-"))
            and len(split_sentences(t)) == 1
            and len(t.split()) <= 30
        )
    return len(t.split()) >= 4 or "," in t or t.endswith(".")


# A question put to the page by its label: "Q: Can I ...? — Ana, by e-mail", "Question: ...".
_ASKED = re.compile(r"^\s*(?:Q|Question)\s*[:.]\s+\S")


def assign_captions(segments: list[Segment], source: str = "") -> None:
    """Turn headings and paragraphs that are really captions into captions, in place.

    ``source`` is the page text the segments point into (to see which were several lines).
    """
    content = [s for s in segments if s.role != "furniture"]
    page_title = content[0] if content and content[0].role == "heading" else None
    text = "\n".join(s.text for s in content)
    body = TitledNames(text)
    written = Counter(_NAME_WORD.findall(text))
    for k, seg in enumerate(content):
        if (seg.role not in ("heading", "paragraph") or seg is page_title or is_dateline(seg.text) or is_story_byline(seg.text)
                or dated_row(seg.text) or _ASKED.match(seg.text)):
            # (a story's byline names a photographer too: "Interview by X · Photographs by Y"; a speech's place and
            # date, "Port Ellen, Islay  ·  4 May 2025", are its dateline; a reader's question is asked, not shown)
            continue
        prev = content[k - 1] if k else None
        nxt = content[k + 1] if k + 1 < len(content) else None
        if nxt is not None and nxt.role == "paragraph" and is_definition(nxt.text) and not is_caption_text(seg.text):
            continue  # a glossary term: its definition follows in lower case
        if is_caption_text(seg.text) or (seg.role == "heading" and is_person_name_line(seg.text, body)):
            seg.role = "caption"
        elif seg.role == "paragraph" and prev is not None and prev.role == "table" and _table_note(seg.text):
            seg.role = "caption"  # a table's note right under it: "All games played 2-3 May. SO = shootout."
        elif source and in_block_of_lines(source, seg.source_start, seg.source_end):
            continue  # one line of a block written line by line (a wire story, a table): its place says nothing of pictures
        elif any(rows_alike(seg.text, other.text if other is not None else None) for other in (prev, nxt)):
            continue  # a row of results like its neighbour, not a picture's description
        elif not seg.number and _under_heading(seg, prev, page_title, source):
            seg.role = "caption"
        elif (
            seg.role == "heading"
            and not seg.number
            and nxt is not None
            and nxt.role == "heading"
            and not nxt.number
            and not is_caption_text(nxt.text)
            and is_name_only(seg.text, written)
        ):
            # A section with nothing in it but a name: the name of what the picture there shows.
            seg.role = "caption"
        elif (
            seg.role == "paragraph"
            and prev is not page_title
            and _unfinished_description(seg, multiline="\n" in source[seg.source_start : seg.source_end])
        ):
            seg.role = "caption"
        elif (
            seg.role == "paragraph"
            and prev is not page_title
            and _standalone_description(seg, prev, multiline="\n" in source[seg.source_start : seg.source_end])
        ):
            seg.role = "caption"


#: Most words of a table's note under it (what a mark means, when the figures were checked, how points are given).
TABLE_NOTE_WORDS = 30


def _table_note(text: str) -> bool:
    """A short text of one or two sentences, no field ("Counsel: ..."): a table's note, when it stands right under one.
    (Under the sets' tables, 23 such texts were notes and 2 the text going on; a longer one goes on.)"""
    return len(text.split()) <= TABLE_NOTE_WORDS and not is_field_line(text) and len(split_sentences(text)) <= 2


def in_block_of_lines(source: str, start: int, end: int) -> bool:
    """The span is one line of a block of several: a non-blank line touches it above or below.

    (Walks from the span's ends over spaces only: no copy of the text before or after it.)
    """
    i = start - 1
    while i >= 0 and source[i] in " \t":
        i -= 1
    if i >= 0 and source[i] == "\n":
        i -= 1
        while i >= 0 and source[i] in " \t\r":
            i -= 1
        if i >= 0 and source[i] != "\n":
            return True
    j, n = end, len(source)
    while j < n and source[j] in " \t\r":
        j += 1
    if j < n and source[j] == "\n":
        j += 1
        while j < n and source[j] in " \t\r":
            j += 1
        return j < n and source[j] != "\n"
    return False


# A speaker's name in capitals and a colon, opening a transcript's turn.
_SPEAKER_TURN = re.compile(rf"^{CAPITAL}{CAPITAL_OR_MARK}+(?:\s+{CAPITAL}{CAPITAL_OR_MARK}+){{0,2}}\s*:\s")


def _unfinished_description(seg: Segment, *, multiline: bool) -> bool:
    """A one-line description in sentence case with no full stop, amid the text: a picture's caption.

    (Right under the page title such a line is a standfirst, which is left a paragraph.)
    """
    t = CITATIONS.sub("", seg.text).strip()
    words = t.split()
    if _SPEAKER_TURN.match(t):
        return False  # a transcript's turn ("OKAFOR: Come in June. [laughter]")
    if multiline or "@" in t or "--" in t or is_field_line(t) or is_table_row(t) or is_byline(t) or len(words) < 7 or len(words) > 30 or _SENT_FINAL.search(t) or t.endswith((":", ";", ",", "--", "…", "-")):
        return False
    return t[:1].isupper() and len(split_sentences(t)) == 1


#: Words of a picture's description without a verb of its own: "Our choir on stage at the spring concert.", "Looking
#: east from the summit at dawn.", "The crew on the slipway, watched by the mayor."
DESCRIPTION_WORDS = (3, 20)
_CLAUSE_WORDS = page_words("clause_words")
# What opens a relative clause: its verb belongs to a noun of the description ("books that have been read").
_RELATIVE = frozenset(("that", "which", "who", "whom", "whose", "where", "when"))
# Before a noun, a word in -ed describes it ("the restored mill"); after a comma or before "by" it is a participle.
_BEFORE_NOUN = frozenset(("a", "an", "the", "our", "their", "his", "her", "its", "my", "your", "this", "these", "those", "newly"))
_JOINERS = page_words("description_joiners")
_DESC_TOKEN = re.compile(r",|[^\W\d_]+(?:['’][^\W\d_]+)*")


def is_description(text: str) -> bool:
    """One short sentence closed by a full stop with no verb of a clause in it: a picture's description.

    No personal pronoun, no form of be, have or do, no modal and no common past tense (the ``clause_words`` list of
    ``workers/data/page_words.json``), and no word in -ed standing as a verb (a participle after a comma or before
    "by", or a word before a noun, is not one). What follows a relative pronoun is left out. A line in the present
    tense with a verb in -s cannot be told from a plural without a tagger, and reads as a description too.
    """
    t = text.strip()
    words = t.split()
    if not (DESCRIPTION_WORDS[0] <= len(words) <= DESCRIPTION_WORDS[1]) or not t.endswith(".") or t.endswith(".."):
        return False
    if not t[:1].isupper() or any(c in t for c in ":;?!\"“”()") or len(split_sentences(t)) != 1:
        return False
    # (A number in a name is no count: "Class 4 children", "Platform 2 at dusk".)
    # (Two commas may set a place apart: "on the ridge, Harbourton, in June 2019.")
    commas = t.count(",") - len(_COMMA_NAME.findall(t))
    if re.search(r"\d", _NAMED_NUMBER.sub(r"\1", re.sub(r"\b(?:1[89]|20)\d\d\b", "", t))) or commas > 1:
        return False  # times, prices and counts ("at 6pm", "£12") are a notice's; a list of clauses is prose
    found = [m.group() for m in _DESC_TOKEN.finditer(t)]
    tokens = [w.lower() for w in found]
    inside = False  # in a relative clause, up to its comma
    for k, w in enumerate(tokens):
        if w in _RELATIVE and k > 0 and tokens[k - 1] not in _JOINERS:
            inside = True  # "books that were read" ("like that" is no relative clause)
        if w == ",":
            inside = False
        if inside or w == ",":
            continue
        if w in _CLAUSE_WORDS or re.split(r"['’]", w)[0] in _CLAUSE_WORDS or w.endswith(("n't", "n’t")):
            return False
        after = tokens[k + 1] if k + 1 < len(tokens) else ""
        if len(w) > 4 and w.endswith("ed") and k > 0 and after != "by" and tokens[k - 1] not in _BEFORE_NOUN:
            return False
        if (k > 0 and found[k].islower() and len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is", "'s", "’s"))
                and w not in _JOINERS  # "towards", "across": a preposition, no verb
                and after and after not in _JOINERS and after not in _RELATIVE and after != ","
                and not after.endswith(("ed", "en", "ing"))
                and not (k >= 2 and found[k - 1][:1].isupper() and found[k - 2][:1].isupper())):
            return False  # a verb in -s with its object ("The site provides maps"); who is in the picture may act
    # A picture's description places what it shows ("on stage", "along the ridge", "with their medals"): a line
    # without a preposition is a statement whose verb the lists do not know ("Trains run hourly.").
    return any(w in _JOINERS and w not in _NOT_PLACING for w in tokens)


_NOT_PLACING = frozenset(("and", "or", "but", "as", "like"))
# A name set apart by two commas, the description going on after it in lower case (", Kilbride, in June"); a list of
# names (", Facebook, Twitter and ...") goes on in capitals.
_COMMA_NAME = re.compile(r",\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2},\s+[a-z]")
# A number after a capitalised word is part of a name: "Class 4", "Gate 4", "Stage 2".
_NAMED_NUMBER = re.compile(r"\b([A-Z][a-z]{1,12} )\d{1,3}\b(?![.,:]\d)")


def _standalone_description(seg: Segment, prev: Segment | None, *, multiline: bool) -> bool:
    """A paragraph that is only a picture's description, amid the text (not the first thing under the title, where a
    short line is a standfirst): see :func:`is_description`."""
    if multiline or prev is None or is_field_line(seg.text) or is_table_row(seg.text) or is_byline(seg.text):
        return False
    return is_description(CITATIONS.sub("", seg.text).strip())


def page_section(segments: list[Segment]) -> Section | None:
    """The page's numbered section: its first numbered heading."""
    for seg in segments:
        if seg.role == "heading" and seg.number:
            title = seg.text.strip()
            m = re.match(r"^(?:(?:chapter|section|part|article)\s+)?\(?" + re.escape(seg.number) + r"\)?\.?\s*", title, re.IGNORECASE)
            if m:
                title = title[m.end() :].strip()
            return Section(number=seg.number, title=title or seg.text.strip(), level=seg.level, segment_id=seg.id)
    return None


# --- topics ------------------------------------------------------------------

_TOKEN_RE = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
#: Topics whose share of the keyword hits is below this are left out.
MIN_TOPIC_SCORE = 0.12
MAX_TOPICS = 3


@dataclass(frozen=True)
class TaxonomyTopic:
    code: str
    label: str
    keywords: frozenset[str]


@dataclass(frozen=True)
class Taxonomy:
    """A topic taxonomy: a name and topics with keyword lists (see the bundled JSON for the shape)."""

    name: str
    topics: tuple[TaxonomyTopic, ...]

    @classmethod
    def from_dict(cls, data: dict) -> Taxonomy:
        topics = tuple(
            TaxonomyTopic(code=str(t["code"]), label=str(t["label"]), keywords=frozenset(k.lower() for k in t.get("keywords", [])))
            for t in data["topics"]
        )
        if not topics:
            raise ValueError("taxonomy has no topics")
        return cls(name=str(data.get("name", "custom taxonomy")), topics=topics)

    @classmethod
    def from_file(cls, path: Path) -> Taxonomy:
        return cls.from_dict(json.loads(Path(path).read_text(encoding="utf-8")))


def _data_file(name: str) -> str:
    return resources.files("workers").joinpath("data", name).read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def default_taxonomy() -> Taxonomy:
    """The bundled IPTC Media Topics top level, loaded once per process."""
    return Taxonomy.from_dict(json.loads(_data_file("iptc_mediatopics_top.json")))


def load_taxonomy(path: Path | None) -> Taxonomy:
    """The user's taxonomy file when one is set (e.g. ``settings.taxonomy``), else the bundled default."""
    return Taxonomy.from_file(path) if path else default_taxonomy()


def classify_topics(text: str, taxonomy: Taxonomy) -> list[Topic]:
    """Topics whose keywords the page uses, each scored by its share of all keyword hits.

    A keyword counts once per page plus the log of its repeats, so one word
    said thirty times does not outweigh a topic the whole page is about.
    """
    counts = Counter(w.lower() for w in _TOKEN_RE.findall(text))
    raw: dict[TaxonomyTopic, float] = {}
    for topic in taxonomy.topics:
        hits = [counts[k] for k in topic.keywords if counts.get(k)]
        if len(hits) >= 2:
            raw[topic] = sum(1 + math.log(n) for n in hits)
    total = sum(raw.values())
    if not total:
        return []
    ranked = sorted(raw.items(), key=lambda kv: (-kv[1], kv[0].code))
    return [
        Topic(code=t.code, label=t.label, score=round(v / total, 3))
        for t, v in ranked[:MAX_TOPICS]
        if v / total >= MIN_TOPIC_SCORE
    ]


# --- regions -------------------------------------------------------------------

#: Regions with less than this share of the page's country mentions are left out.
MIN_REGION_SCORE = 0.1


def default_gazetteer() -> Gazetteer:
    """The pipeline's one gazetteer (:mod:`workers.knowledge.gazetteer`), shared with ``annotate``."""
    return gazetteer()


_PREV_WORD = re.compile(r"([A-Z][\w'’-]*)[ \t]+$")
# Capitalised words that start sentences or titles rather than names.
_NOT_NAME_WORDS = page_words("not_name_words")


def _inside_longer_name(text: str, start: int) -> bool:
    """A country name right after another capitalised word is part of a longer name.

    "New Mexico", "New South Wales" and "Latin America" are not Mexico, Wales or
    the United States; "In Japan" is Japan.
    """
    m = _PREV_WORD.search(text, max(0, start - 40), start)
    return bool(m) and m.group(1).lower() not in _NOT_NAME_WORDS


def classify_regions(text: str, gazetteer: Gazetteer) -> list[Region]:
    """M49 regions of the countries the page names, scored by their share of the mentions.

    Every mention counts for its country's sub-region and for the regions
    above it, so a page about Japan and China scores Eastern Asia and Asia.
    """
    mentions = Counter(
        gazetteer.names[m.group()] for m in gazetteer.pattern.finditer(text) if not _inside_longer_name(text, m.start())
    )
    total = sum(mentions.values())
    if not total:
        return []
    scores: Counter[str] = Counter()
    for alpha2, n in mentions.items():
        for code in gazetteer.chain(alpha2):
            scores[code] += n
    return [
        Region(code=code, name=gazetteer.regions[code][0], score=round(n / total, 3))
        for code, n in sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))
        if n / total >= MIN_REGION_SCORE
    ]


def preload() -> None:
    """Load the bundled taxonomy, gazetteer and language model and compile the place pattern now, e.g. when a worker starts."""
    language_identifier()
    default_taxonomy()
    _ = default_gazetteer().pattern


def classify(
    page: SegmentedPage,
    taxonomy: Taxonomy | None = None,
    gazetteer: Gazetteer | None = None,
) -> ClassifiedPage:
    """Captions, the page's section, title, topics and regions.

    ``taxonomy`` defaults to the bundled IPTC Media Topics top level and
    ``gazetteer`` to the pipeline's one gazetteer (see :mod:`workers.knowledge.gazetteer`).
    """
    taxonomy = taxonomy or default_taxonomy()
    gazetteer = gazetteer or default_gazetteer()
    segments = [s.model_copy() for s in page.segments]
    if page.structure is None:
        assign_captions(segments, page.text)
    else:
        # A format reader's roles come from the markup itself; only "Figure 1: ..." written as a paragraph is a caption.
        for seg in segments:
            if seg.role == "paragraph" and is_caption_text(seg.text):
                seg.role = "caption"
    section = page_section(segments)
    first_heading = next((s for s in segments if s.role != "furniture"), None)
    if first_heading is not None and first_heading.role == "heading" and (section is None or first_heading.id != section.segment_id):
        title = first_heading.text.strip()
    else:
        title = section.title if section else next((s.text.strip() for s in segments if s.role == "heading"), None)
    if page.title_hint:
        title = page.title_hint
    body = "\n".join(s.text for s in segments if s.role != "furniture")
    classification = Classification(
        section=section,
        topics=classify_topics(body, taxonomy),
        regions=classify_regions(body, gazetteer),
        taxonomy=taxonomy.name,
    )
    language, segments = languages(link_parents(segments))
    return page.model_copy(
        update={"segments": segments, "title": title, "classification": classification, "language": language}
    )
