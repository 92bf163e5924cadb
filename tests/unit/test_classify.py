"""classify: captions, section, topics from a taxonomy file, M49 regions."""

from __future__ import annotations

import json

import pytest

from tests.unit.test_clean import make_page
from workers.stages.classify import (
    Taxonomy,
    classify,
    classify_regions,
    classify_topics,
    default_gazetteer,
    default_taxonomy,
    is_caption_text,
)
from workers.stages.clean import clean
from workers.stages.segment import segment


def classified(text: str, **kw):
    return classify(segment(clean(make_page(text))), **kw)


@pytest.mark.parametrize(
    "line",
    ["Figure 2.3 Rainfall by month", "Fig. 4: The old mill", "Harbour at dusk. Image: Jane Roe.",
     "The mill in 1900 (photo: Town Archive)", "Map of the northern islands",
     '"We will be back next year." - Sam Lee', "Ann Lowrie (left) and Sam Lee at the quay",
     "The crew, from left: Ann, Sam and Joe",
     "The Prime Minister greets the President of Tarnland (June 1, Harbourton)",
     "The two ministers after the talks (Harbourton, 3 May 2013)",
     "Ana Lima in her studio, c. 1950", "The ferry on her first crossing to Harbourton, 1972"],
)
def test_caption_cues(line):
    assert is_caption_text(line)


@pytest.mark.parametrize("line", ["Early life", "The photo-op season opened early this year.", "Results",
                                  "He turned from left to right.", "Turn left to reach the quay.",
                                  "The talks resumed in Geneva (see May 4, above)", "Results of the vote (Table 2, May 2014)",
                                  "Tuesday, May 3, 2016", "Harbourton, 1972",
                                  "The harbour was rebuilt after the storm of 1953, and again in the long dry summer after it, 1976"])
def test_not_caption_cues(line):
    assert not is_caption_text(line)


def test_description_right_under_a_section_heading_is_a_caption():
    page = classified(
        "Town guide\n\nThe town grew around its port.\n\nUnderstand\n\nFishing boats in the old harbour, at dawn\n\nThe port is old.\n"
    )
    assert [s.role for s in page.segments] == ["heading", "paragraph", "heading", "caption", "paragraph"]


def test_subheading_under_heading_stays_a_heading():
    page = classified("Town guide\n\nIt is a port.\n\nGet in\n\nBy train\n\nTrains run hourly.\n")
    assert [s.role for s in page.segments] == ["heading", "paragraph", "heading", "heading", "paragraph"]


def test_section_comes_from_first_numbered_heading():
    page = classified("Contents | Back | Next\n\n4.\n\nMiddle East\n\nTalks went on in the region.\n")
    assert page.classification.section is not None
    s = page.classification.section
    assert (s.number, s.title, s.level) == ("4", "Middle East", 1)
    assert page.title == "Middle East"


def test_page_without_numbered_heading_has_no_section_but_a_title():
    page = classified("Harbour lights festival\n\nThe festival opens on Friday.\n")
    assert page.classification.section is None
    assert page.title == "Harbour lights festival"


def test_topics_come_from_the_bundled_iptc_taxonomy():
    text = "The team won the match after the coach changed two players. The league season ends with the cup final."
    topics = classify_topics(text, default_taxonomy())
    assert topics[0].label == "sport"
    assert topics[0].code.startswith("medtop:")
    assert 0 < topics[0].score <= 1


def test_taxonomy_can_be_replaced_by_a_user_file(tmp_path):
    path = tmp_path / "mine.json"
    path.write_text(json.dumps({"name": "kitchen", "topics": [
        {"code": "K1", "label": "baking", "keywords": ["flour", "oven", "bread"]},
        {"code": "K2", "label": "drinks", "keywords": ["tea", "coffee"]},
    ]}))
    taxonomy = Taxonomy.from_file(path)
    page = classified("Baking day\n\nPut the bread in the oven once the flour is mixed.\n", taxonomy=taxonomy)
    assert page.classification.taxonomy == "kitchen"
    assert [t.code for t in page.classification.topics] == ["K1"]


def test_regions_from_countries_and_demonyms():
    regions = classify_regions("Japanese and Chinese ministers met in Canada.", default_gazetteer())
    codes = {r.code: r.score for r in regions}
    assert codes["030"] == pytest.approx(2 / 3, abs=0.01)  # Eastern Asia
    assert codes["142"] == pytest.approx(2 / 3, abs=0.01)  # Asia
    assert codes["021"] == pytest.approx(1 / 3, abs=0.01)  # Northern America


def test_no_places_no_regions():
    assert classify_regions("The bread was warm.", default_gazetteer()) == []


def test_seed_page_section_and_captions(seed_page):
    page = classified(seed_page.read_text(encoding="utf-8"))
    s = page.classification.section
    assert (s.number, s.title, s.level) == ("2", "North America", 1)
    assert [x.role for x in page.segments].count("caption") == 2
    assert {r.code for r in page.classification.regions} >= {"030", "021"}


def test_bare_name_line_of_someone_the_page_calls_by_title_is_a_caption():
    page = classified(
        "Minister meets envoy\n\nTalks covered trade and the border.\n\nAlex Morgan\n\nMs Morgan said the talks were useful.\n"
    )
    assert [s.role for s in page.segments] == ["heading", "paragraph", "caption", "paragraph"]


def test_place_name_heading_is_not_taken_for_a_person():
    page = classified("Island guide\n\nThe islands are quiet.\n\nGrande Anse\n\nGrande Anse is the main beach.\n")
    assert page.segments[2].role == "heading"


def _marked(marked: str) -> tuple[str, list[tuple[str, int, int]]]:
    """Page text and gold spans, from lines tagged [F]urniture, [H]eading, [P]aragraph, [C]aption, [L]ist item.

    An untagged line continues the span above it (a heading split over lines).
    """
    tags = {"F": "furniture", "H": "heading", "P": "paragraph", "C": "caption", "L": "list_item"}
    text, spans = "", []
    for raw in marked.splitlines():
        if raw[:1] == "[" and raw[2:3] == "]":
            spans.append([tags[raw[1]], len(text), len(text) + len(raw) - 3])
            text += raw[3:] + "\n"
        else:
            text += raw + "\n"
            if raw.strip():
                spans[-1][2] = len(text) - 1
    return text, [tuple(x) for x in spans]


def _role_of_span(segments, start: int, end: int) -> str | None:
    """The role of the segment that overlaps the span most (as the scorer reads it)."""
    best, most = None, 0
    for s in segments:
        o = min(end, s.source_end) - max(start, s.source_start)
        if o > most:
            best, most = s.role, o
    return best


INVENTED_RELEASE = """\
[F]Skip to content
[F]Ministers | Media releases | Speeches | Contact
[F]Home › Media › 2016 › Minister welcomes fisheries agreement

[H]Minister welcomes regional fisheries agreement

[P]14 March 2016

[P]The Minister for Trade, Jane Ashdown, today welcomed the signing of a regional agreement on tuna fisheries by eleven Pacific nations.

[C]Minister Jane Ashdown at the signing ceremony in Suva. Photo: Department of Trade

[P]Speaking after the ceremony, Ms Ashdown said:

[P]"This agreement shows what neighbours can do together."

[L]• cut the catch of bigeye tuna by ten per cent;
[L]• set up a shared observer programme.

[F]Share: Facebook Twitter LinkedIn Email
[F]Last modified: 15 March 2016
[F]© Commonwealth of Nowhere
"""

INVENTED_REPORT = """\
[F]Annual Review 2015 | Contents | Previous | Next

[H]Chapter 3

Economic Diplomacy

[P]Trade remained at the centre of the ministry's work during the year.

[H]3.1 Trade agreements

[P]Negotiations on three agreements were concluded.

[C]Table 3.2: Exports by region, 2011-2015

[H](a) Agriculture

[P]Farm exports rose by four per cent, led by dairy and wine.

[F]- 12 -
"""


@pytest.mark.parametrize("marked", [INVENTED_RELEASE, INVENTED_REPORT], ids=["press-release", "report-section"])
def test_invented_pages_get_every_role_right(marked):
    text, spans = _marked(marked)
    page = classified(text)
    got = [(role, _role_of_span(page.segments, a, b)) for role, a, b in spans]
    assert [g for g, _ in got] == [p for _, p in got]


def test_invented_report_section_and_levels():
    text, _ = _marked(INVENTED_REPORT)
    page = classified(text)
    heads = [(s.number, s.level) for s in page.segments if s.role == "heading"]
    assert heads == [("3", 1), ("3.1", 2), ("a", 3)]
    s = page.classification.section
    assert (s.number, s.title) == ("3", "Economic Diplomacy")


def test_names_inside_longer_place_names_and_ambiguous_names_are_skipped():
    gaz = default_gazetteer()
    assert classify_regions("She moved from New Mexico to New South Wales.", gaz) == []
    assert classify_regions("They drove through Georgia and Jordan.", gaz) == []


def test_load_taxonomy_falls_back_to_the_bundled_one():
    from workers.stages.classify import load_taxonomy

    assert load_taxonomy(None) is default_taxonomy()
    assert len(default_taxonomy().topics) == 17


def test_unfinished_description_amid_the_text_is_a_caption():
    page = classified(
        "Ship museum\n\nThe museum opened in 1990.\n\nA model of the first steam ferry, now in the main hall\n\nIt is open daily.\n"
    )
    assert [s.role for s in page.segments] == ["heading", "paragraph", "caption", "paragraph"]


def test_standfirst_under_the_title_and_field_lines_stay_paragraphs():
    page = classified(
        "Ferry strike ends\n\nUnions and operators agree a new pay deal after three weeks of talks\n\n"
        "The strike ended on Monday.\n\nContact: press office, 020 7946 0000 ext 12 for all enquiries\n"
    )
    assert [s.role for s in page.segments] == ["heading", "paragraph", "paragraph", "paragraph"]


def test_preload_makes_the_defaults_ready():
    import importlib

    # The package re-exports the stage functions under the modules' names, so import the modules by path.
    clean_module = importlib.import_module("workers.stages.clean")
    classify_module = importlib.import_module("workers.stages.classify")

    clean_module.preload()
    classify_module.preload()
    assert clean_module.is_common_word("harbour")
    assert default_gazetteer()._pattern is not None


def test_glossary_term_and_definition_are_paragraphs():
    page = classified("Key terms\n\nIntro text comes first here.\n\nGlossary\n\nMoraine\n\na ridge of rock and soil left by a glacier\n")
    assert [s.role for s in page.segments][-2:] == ["paragraph", "paragraph"]


# The whole invented guide page (coordinates line, drop-cap that is a word, captions by place) is one of
# tests/fixtures/patterns, checked by tests/unit/test_pattern_pages.py.


def test_section_heading_over_its_first_subheading_stays_a_heading():
    page = classified(
        "Kestrel Isle\n\nA small island.\n\nGet in\n\nBy ferry\n\nThe ferry takes forty minutes.\n\n"
        "Get around\n\nBy bike\n\nBikes can be hired at the quay.\n"
    )
    assert [s.role for s in page.segments] == ["heading", "paragraph", "heading", "heading", "paragraph", "heading", "heading", "paragraph"]


def test_short_sentence_under_a_heading_is_not_taken_for_a_label():
    page = classified("Kestrel Isle\n\nA small island.\n\nClimate\n\nIt rains often.\n\nSummers are cool and winters mild.\n")
    assert [s.role for s in page.segments][3] == "paragraph"


def test_line_of_a_block_of_lines_is_told_from_a_line_standing_alone():
    from workers.stages.classify import in_block_of_lines

    text = "First line\nSecond line\n\nAlone here\n\n  Last one\n"
    spans = {w: (text.index(w), text.index(w) + len(w)) for w in ("First line", "Second line", "Alone here", "Last one")}
    assert in_block_of_lines(text, *spans["First line"]) and in_block_of_lines(text, *spans["Second line"])
    assert not in_block_of_lines(text, *spans["Alone here"]) and not in_block_of_lines(text, *spans["Last one"])


def test_an_affiliation_line_under_the_authors_is_no_caption():
    text = ("Tides and silt in a northern estuary\n\nOrla Trenholm and Kai Ostrander\n\n"
            "Department of Earth Sciences, University of Harbourton, Norway\n\nAbstract\n\n"
            "We measured silt at four stations over two years.\n")
    roles = [(s.role, s.text) for s in classified(text).segments]
    assert ("paragraph", "Department of Earth Sciences, University of Harbourton, Norway") in roles
    assert ("paragraph", "Orla Trenholm and Kai Ostrander") in roles
