"""The entity steps in the order they run, and :func:`refine`, which runs them over the model's mentions.

Layout (each level imports only the levels below it):

* :mod:`workers.knowledge`: word lists, known names and the one gazetteer,
  read from data files (shared with ``classify``);
* :mod:`.core` (mentions, the page, span helpers, evidence) and
  :mod:`.timex` (time expressions);
* :mod:`.steps`: one function per step, ``step(mentions, page) -> mentions``;
  the step modules never import each other;
* this module: :data:`STEPS`, the one ordered list.

A step is either a **rule**, switchable by ``pagemill eval --without NAME``
so the ablation table can show what it is worth, or **fixed**: bookkeeping or
an invariant the record promises whatever the rules do (only the labels the
record knows, no name across a line break or a table's cell gap whichever step
made it, no two mentions overlapping, normalised country codes and refs). A rule whose cross-validated gain is not
above zero is removed, not kept switched on: ``join_particles`` and a first
overlap pass after the event steps went that way (gain 0.000 in every fold).
The fixed invariants score nothing by themselves on the gold pages (the last
overlap pass +0.0001, the others 0), which is why they are not rules.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ...knowledge import names, words
from ...knowledge.gazetteer import gazetteer, language_names
from ...knowledge.names import KnownNames
from .core import LABELS, Mention, Page, resolve, trim_name
from .steps import dates, labels, normalise, orgs, people, places, repeats, spans, tables

__all__ = ["STEPS", "SWITCHABLE", "Mention", "Page", "Step", "check_without", "refine", "resolve", "trim_name", "warm"]


@dataclass(frozen=True, slots=True)
class Step:
    """One named pass of :func:`refine`: ``run(mentions, page) -> mentions``.

    ``fixed`` steps are bookkeeping the others rely on or invariants of the
    record, so ``--without`` cannot switch them off.
    """

    name: str
    run: Callable[[list[Mention], Page], list[Mention]]
    fixed: bool = False


def _keep_labels(ms: list[Mention], page: Page) -> list[Mention]:
    return [m for m in ms if m.label in LABELS]


def _no_overlaps(ms: list[Mention], page: Page) -> list[Mention]:
    return resolve(ms)


#: Every pass after the model, in the order they run. The names are stable:
#: ``pagemill eval --without NAME`` and the ablation table use them.
STEPS: tuple[Step, ...] = (
    Step("keep_labels", _keep_labels, fixed=True),
    Step("split_lines", spans.split_lines, fixed=True),
    Step("line_pieces", spans.line_pieces),
    Step("honorific_names", people.honorific_names),
    Step("trim_spans", spans.trim_spans),
    Step("owned_names", spans.owned_names),
    Step("dateline_places", places.dateline_places),
    Step("dash_breaks", spans.dash_breaks),
    Step("fix_dates", dates.fix_dates),
    Step("add_date_patterns", dates.add_date_patterns),
    Step("date_edges", dates.date_edges),
    Step("fix_names", labels.fix_names),
    Step("foreign_places", labels.foreign_places),
    Step("joined_places", places.joined_places),
    Step("headline_words", labels.headline_words),
    Step("title_line_orgs", orgs.title_line_orgs),
    Step("common_of_phrases", orgs.common_of_phrases),
    Step("split_orgs", orgs.split_orgs),
    Step("citations", people.citations),
    Step("reference_authors", people.reference_authors),
    Step("inverted_names", people.inverted_names),
    Step("credit_lines", people.credit_lines),
    Step("marked_authors", people.marked_authors),
    Step("person_fixes", people.person_fixes),
    Step("opening_roles", people.opening_roles),
    Step("nationality_prefixes", people.nationality_prefixes),
    Step("title_line_trim", people.title_line_trim),
    Step("event_names", labels.event_names),
    Step("fix_events", labels.fix_events),
    Step("holidays", dates.holidays),
    Step("org_heads", orgs.org_heads),
    Step("ministry_portfolios", orgs.ministry_portfolios),
    Step("org_openers", orgs.org_openers),
    Step("org_edges", orgs.org_edges),
    Step("inner_breaks", orgs.inner_breaks),
    Step("joined_bodies", orgs.joined_bodies),
    Step("possessive_bodies", orgs.possessive_bodies),
    Step("team_names", orgs.team_names),
    Step("portfolios", people.portfolios),
    Step("titled_names", people.titled_names),
    Step("appositions", people.appositions),
    Step("surname_particles", people.surname_particles),
    Step("given_name_places", people.given_name_places),
    Step("city_quarters", places.city_quarters),
    Step("ruler_names", people.ruler_names),
    Step("life_events", people.life_events),
    Step("unseen_persons", people.unseen_persons),
    Step("cued_persons", people.cued_persons),
    Step("name_edges", people.name_edges),
    Step("org_kinds", orgs.org_kinds),
    Step("platforms", orgs.platforms),
    Step("sources", orgs.sources),
    Step("place_kinds", places.place_kinds),
    Step("org_roles", orgs.org_roles),
    Step("company_forms", orgs.company_forms),
    Step("defined_names", orgs.defined_names),
    Step("defined_acronyms", orgs.defined_acronyms),
    Step("bracketed_names", orgs.bracketed_names),
    Step("opening_words", spans.opening_words),
    Step("propagate", repeats.propagate),
    Step("middle_names", people.middle_names),
    Step("speaker_names", people.speaker_names),
    Step("results_rows", tables.results_rows),
    Step("table_columns", tables.table_columns),
    Step("team_cues", tables.team_cues),
    Step("team_nicknames", tables.team_nicknames),
    Step("person_pairs", people.person_pairs),
    Step("note_person_words", people.note_person_words, fixed=True),
    Step("org_short_forms", orgs.org_short_forms),
    Step("term_acronyms", orgs.term_acronyms),
    Step("counted_acronyms", orgs.counted_acronyms),
    Step("works", orgs.works),
    Step("journals", orgs.journals),
    Step("awards", orgs.awards),
    Step("known_names", orgs.known_names),
    Step("language_names", orgs.language_names),
    Step("institutions", orgs.institutions),
    Step("common_word_names", people.common_word_names),
    Step("everyday_orgs", orgs.everyday_orgs),
    Step("places_after_prepositions", places.places_after_prepositions),
    Step("listed_places", places.listed_places),
    Step("places_before_divisions", places.places_before_divisions),
    Step("headed_places", places.headed_places),
    Step("lone_names_after_the", places.lone_names_after_the),
    Step("add_places", places.add_places),
    Step("unknown_places", places.unknown_places),
    Step("particle_places", places.particle_places),
    Step("state_codes", places.state_codes_after_towns),
    Step("home_towns", places.home_towns),
    Step("split_places", places.split_places),
    Step("spoken_in", orgs.spoken_in),
    Step("split_cells", spans.split_lines, fixed=True),
    Step("field_keys", spans.field_keys),
    Step("no_addresses", spans.no_addresses, fixed=True),
    Step("no_overlaps", _no_overlaps, fixed=True),
    Step("currency_codes", labels.currency_codes_by_amounts),
    Step("drop_lone_words", labels.drop_lone_words),
    Step("lone_persons", labels.lone_persons),
    Step("people_groups", labels.people_groups),
    Step("demonyms", labels.demonyms),
    Step("normalise", normalise.normalise, fixed=True),
    Step("corefer", normalise.corefer, fixed=True),
)

#: The names ``--without`` accepts, in run order.
SWITCHABLE: tuple[str, ...] = tuple(s.name for s in STEPS if not s.fixed)


def check_without(names) -> frozenset[str]:
    """``names`` as a set, or ValueError naming the unknown ones and listing the known."""
    names = frozenset(names)
    unknown = sorted(names - set(SWITCHABLE))
    if unknown:
        raise ValueError(f"unknown step(s) {', '.join(unknown)}; known steps: {', '.join(SWITCHABLE)}")
    return names


def refine(ms: list[Mention], texts: list[str], without: frozenset[str] = frozenset(),
           known: KnownNames | None = None) -> list[Mention]:
    """Run :data:`STEPS` over the model's mentions, leaving out the steps named in ``without``.

    ``known``: the known names to use instead of the shipped ones (a list fitted on training folds).
    """
    without = check_without(without)
    page = Page(texts) if known is None else Page(texts, known=known)
    for step in STEPS:
        if step.name not in without:
            ms = step.run(ms, page)
    return ms


def warm() -> None:
    """Build the look-up tables the steps use (gazetteer, languages, names, word frequencies, known names) now, not on
    the first page."""
    gazetteer()
    language_names()
    words.warm()
    names.warm()
