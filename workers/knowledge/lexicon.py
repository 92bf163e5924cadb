"""The stages' word lists, read from ``workers/data/``.

``entity_words.json`` holds closed lists of general English words (titles,
heads of names, time words), each with a note on what it is for;
``page_words.json`` the same for the clean, segment and classify stages
(interface words, minor words of titles, particles of names);
none is keyed on any page. Known names (``entity_patterns.jsonl``, and the
learned ``learned_names.jsonl``) are read by :mod:`.names`.
"""

from __future__ import annotations

import re

from .data import table


def _lists(file: str = "entity_words.json") -> dict:
    return table(file)["lists"]


def words(name: str, file: str = "entity_words.json") -> frozenset[str]:
    """The word list ``name`` of ``file`` (``entity_words.json`` unless said)."""
    return frozenset(_lists(file)[name]["words"])


def page_words(name: str) -> frozenset[str]:
    """The word list ``name`` of ``page_words.json`` (the clean, segment and classify stages')."""
    return words(name, "page_words.json")


def mapping(name: str) -> dict:
    """The word -> value map ``name`` of ``entity_words.json``."""
    return dict(_lists()[name]["map"])


TITLES = words("titles")
EXTRA_TITLES = words("extra_titles")
OCCUPATIONS = words("occupations")
DIVISION_WORDS = words("division_words")
PEOPLE_NOUNS = words("people_nouns")
PEOPLE_NOUNS_ALONE = words("people_nouns_alone")
PEOPLE_SUBJECTS = words("people_subjects")
INTERJECTIONS = words("interjections")
CAPTION_WORDS = words("caption_words")
CAPTION_TAIL = words("caption_tail")
FUNCTION_WORDS = words("function_words")
STOP_EDGE = words("stop_edge")
ORG_HEADS = words("org_heads")
LEGAL_FORMS = words("legal_forms")
BODY_WORDS = words("body_words")
JOINED_BODY_HEADS = words("joined_body_heads")
PLURAL_POSSESSORS = words("plural_possessors")
OF_HEADS = words("of_heads")
ORG_OPENERS = words("org_openers")
ORG_OPENER_JOINERS = words("org_opener_joiners")
PERSON_COLUMNS = words("person_columns")
ORG_COLUMNS = words("org_columns")
PLACE_COLUMNS = words("place_columns")
COLUMN_ABBREVIATIONS = words("column_abbreviations")
OF_NAME_OPENERS = words("of_name_openers")
PLACE_HEADS = words("place_heads")
LOC_HEADS = words("loc_heads")
PLACE_KINDS = words("place_kinds")
NATURAL_PLACE_KINDS = words("natural_place_kinds")
PLACE_KIND_FOLLOWERS = words("place_kind_followers")
PLACE_PLURALS = words("place_plurals")
HEADED_PLACE_BEFORE = words("headed_place_before")
PLACE_PARTICLES = words("place_particles")
SPORT_WORDS = words("sport_words")
ROW_LABELS = words("row_labels")
CLUB_WORDS = words("club_words")
TEAM_CUES_AFTER = words("team_cues_after")
TEAM_CUES_BEFORE = words("team_cues_before")
RESULT_VERBS = words("result_verbs")
RECORD_VERBS = words("record_verbs")
RESULT_LINE_WORDS = words("result_line_words")
STAT_WORDS = words("stat_words")
ORG_KINDS = words("org_kinds")
PLATFORM_CUES_BEFORE = words("platform_cues_before")
PLATFORM_CUES_AFTER = words("platform_cues_after")
SOURCE_CUES = words("source_cues")
ORG_ROLES = words("org_roles")
SPEECH_VERBS = words("speech_verbs")
INSTITUTIONS = words("institutions")
EVENT_HEADS = words("event_heads")
CATASTROPHE_HEADS = words("catastrophe_heads")
NOT_EVENT_HEADS = words("not_event_heads")
EVENT_STARTS = words("event_starts")
EVENT_OF = words("event_of")
BODY_HEADS = words("body_heads")
MEETING_WORDS = words("meeting_words")
MEETING_CUES_BEFORE = words("meeting_cues_before")
AWARD_WORDS = words("award_words")
LEAD_WORDS = words("lead_words")
TIME_WORDS = words("time_words")
WEEKDAYS = words("weekdays")
HOLIDAYS = words("holidays")
HOLIDAY_NAMES = words("holiday_names")
SEASONS = words("seasons")
RELATIVE = words("relative")
NUMBER_WORDS = words("number_words")
DATE_TAIL = words("date_tail")
ERAS = words("eras")
ORDINAL_WORDS = words("ordinal_words")
SENTENCE_OPENERS = words("sentence_openers")
PLACE_VERBS = words("place_verbs")
PLACE_VERBS_GUARDED = words("place_verbs_guarded")
TRAVEL_WORDS = words("travel_words")
LONE_PLACE_PREPOSITIONS = words("lone_place_prepositions")
PLACE_OF_NOUNS = words("place_of_nouns")
COMPASS_WORDS = words("compass_words")
PLACE_PREFIX_EVIDENCE = words("place_prefix_evidence")
RULE_NOUNS = words("rule_nouns")
WORK_WORDS = words("work_words")
LANGUAGE_CUES = words("language_cues")
PARTS_OF_DAY = words("parts_of_day")
CITATION_SKIP = words("citation_skip")
ARTICLES = words("articles")
PLACE_PREPOSITIONS = words("place_prepositions")
SPEAKER_ROLES = words("speaker_roles")
POSTNOMINALS = words("postnominals")
DAY_WORDS = words("day_words")
DATE_POINTERS = words("date_pointers")
POINTED_PERIODS = words("pointed_periods")
MONTH_NAMES = words("month_names")
TITLE_SMALL_WORDS = words("title_small_words")
ACRONYM_JOINING_WORDS = words("acronym_joining_words")
TERM_ACRONYMS = words("term_acronyms")
CURRENCY_NAMES = words("currency_names")
ORG_CONNECTORS = words("org_connectors")
CITATION_PARTICLES = words("citation_particles")
SURNAME_PARTICLES = words("surname_particles")
CAPITAL_PARTICLES = words("capital_particles")
EVENT_ORDINALS = words("event_ordinals")
ARTICLE_PREFIXES = words("article_prefixes")


def alternation(ws) -> str:
    """A regular-expression group matching any of the words or phrases, longest first."""
    return "(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(ws, key=lambda w: (-len(w), w))) + ")"
MONTHS: dict[str, int] = mapping("months")
TIME_UNITS: dict[str, str] = mapping("time_units")
NUMBER_VALUES: dict[str, int] = mapping("number_values")
ORDINAL_NUMBERS: dict[str, int] = mapping("ordinal_numbers")
PLACE_PREFIXES: dict[str, str] = mapping("place_prefixes")
FOREIGN_PLACE_WORDS: dict[str, str] = mapping("foreign_place_words")
PLACE_SUFFIXES: dict[str, str] = mapping("place_suffixes")
PLACE_MODIFIERS = words("place_modifiers")
