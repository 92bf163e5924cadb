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
     '"We will be back next year." - Sam Lee'],
)
def test_caption_cues(line):
    assert is_caption_text(line)


@pytest.mark.parametrize("line", ["Early life", "The photo-op season opened early this year.", "Results"])
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
