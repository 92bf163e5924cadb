"""The whole pure pipeline on the reference page, checked against its gold answer."""

import json

import pytest

from tests.conftest import CORPUS
from workers.stages import process_bytes


@pytest.fixture(scope="module")
def seed(seed_page):
    gold = json.loads((CORPUS / "seed" / "gold" / f"{seed_page.stem}.json").read_text())
    text = seed_page.read_text(encoding="utf-8")
    return process_bytes(seed_page.read_bytes(), seed_page.name), gold, text


def test_reference_page_segments_match_gold_roles_and_spans(seed):
    record, gold, _ = seed
    got = [(s.role, s.source_start, s.source_end) for s in record.segments]
    want = [(g["role"], g["start"], g["end"]) for g in gold["segments"]]
    assert got == want


def test_split_numbered_heading_is_one_heading_and_the_section(seed):
    record, gold, _ = seed
    heading = next(s for s in record.segments if s.role == "heading")
    assert heading.text == "2. North America"
    assert heading.level == 1
    assert record.section is not None
    assert (record.section.number, record.section.title) == (gold["section"]["number"], gold["section"]["title"])


def test_lost_drop_cap_is_repaired_with_its_source_offsets(seed):
    record, gold, text = seed
    (want,) = gold["repairs"]
    repair = next(r for r in record.repairs if r.kind == "drop_cap")
    assert (repair.source_start, repair.source_end) == (want["start"], want["end"])
    assert repair.after == want["expected"] and text[repair.source_start : repair.source_end] == repair.before
    para = next(s for s in record.segments if s.source_start <= want["start"] < s.source_end)
    assert para.text.startswith("Japan and the U.S.")


def test_furniture_is_kept_as_segments_but_left_out_of_text(seed):
    record, _, _ = seed
    furniture = [s for s in record.segments if s.role == "furniture"]
    assert [s.text for s in furniture] == ["Contents | Back | Next", "Text File", "PAGE TOP -"]
    assert "PAGE TOP" not in record.text and "Contents | Back" not in record.text
    pos = 0
    for s in record.segments:
        if s.role != "furniture":  # each body segment's text, in page order
            pos = record.text.index(s.text, pos) + len(s.text)
    assert pos == len(record.text)


def test_entity_offsets_point_at_the_exact_source_characters(seed):
    record, _, text = seed
    assert record.entities, "the reference page names many places"
    for e in record.entities:
        assert text[e.source_start : e.source_end] == e.text


def test_sentence_offsets_are_consistent(seed):
    record, _, text = seed
    for s in record.segments:
        for sent in s.sentences:
            assert s.text[sent.start : sent.end].strip()
            assert s.source_start <= sent.source_start <= sent.source_end <= s.source_end


def test_stage_timings_are_recorded(seed):
    record, _, _ = seed
    assert set(record.pipeline.stages_ms) == {"clean", "segment", "classify", "annotate"}
