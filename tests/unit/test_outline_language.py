"""Every segment names its parent heading; the record gives its language, and a segment's where it differs."""

from __future__ import annotations

from workers.models import Segment
from workers.stages import process_bytes
from workers.stages.outline import link_parents


def _seg(i: int, role: str, level: int | None = None) -> Segment:
    return Segment(id=f"s{i}", role=role, text="x", source_start=0, source_end=1, level=level)


def test_parents_follow_the_heading_levels():
    segs = link_parents([
        _seg(1, "furniture"), _seg(2, "heading"), _seg(3, "heading", 1), _seg(4, "paragraph"),
        _seg(5, "heading", 2), _seg(6, "list_item"), _seg(7, "heading", 2), _seg(8, "heading", 1), _seg(9, "caption"),
    ])
    assert [s.parent_id for s in segs] == [None, None, "s2", "s3", "s3", "s5", "s3", "s2", "s8"]


def test_text_before_any_heading_is_at_the_top():
    segs = link_parents([_seg(1, "paragraph"), _seg(2, "heading", 1), _seg(3, "paragraph")])
    assert [s.parent_id for s in segs] == [None, None, "s2"]


def test_a_record_rebuilds_its_outline_from_parent_ids():
    page = (
        "1. Rivers\n\nBarges carry grain and coal along the river every week of the year.\n\n"
        "1.1 Locks\n\nThe old locks were widened so that larger boats could pass through them.\n\n"
        "2. Roads\n\nThe new road runs along the valley floor to the border crossing.\n"
    ).encode()
    rec = process_bytes(page, "transport.txt")
    by_id = {s.id: s for s in rec.segments}
    assert all(s.parent_id is None or by_id[s.parent_id].role == "heading" for s in rec.segments)
    chain = {s.text: (by_id[s.parent_id].text if s.parent_id else None) for s in rec.segments}
    assert chain["1. Rivers"] is None and chain["2. Roads"] is None
    assert chain["1.1 Locks"] == "1. Rivers"
    assert chain["The old locks were widened so that larger boats could pass through them."] == "1.1 Locks"


def test_an_english_page_says_english_and_its_segments_say_nothing_more():
    page = b"Harbour\n\nThe harbour master opened the new quay for the fishing fleet on Monday morning.\n"
    rec = process_bytes(page, "harbour.txt")
    assert rec.language == "en"
    assert all(s.language is None for s in rec.segments)


def test_a_page_not_in_english_is_processed_and_says_its_language():
    page = (
        "Der Hafen\n\nDer neue Kai wurde am Montag von der Hafenmeisterin für die Fischereiflotte eröffnet. "
        "Die Stadt hat dafür zwei Jahre lang gebaut und viel Geld ausgegeben.\n"
    ).encode()
    rec = process_bytes(page, "hafen.txt")
    assert rec.language == "de"
    assert rec.text  # still segmented and recorded


def test_a_segment_in_another_language_says_so():
    page = (
        "Visit\n\nThe delegation arrived by train and was welcomed at the station by the mayor and her staff. "
        "They spent the afternoon at the town hall discussing the new bridge and the cost of the works.\n\n"
        "Le maire a déclaré que la ville était très heureuse de recevoir ses amis pour cette journée importante.\n"
    ).encode()
    rec = process_bytes(page, "visit.txt")
    assert rec.language == "en"
    french = [s for s in rec.segments if s.text.startswith("Le maire")]
    assert french and french[0].language == "fr"


def test_the_sparse_product_gives_the_librarys_own_answer():
    from workers.stages.language import _classify, identifier

    for text in ("The ferry to the island leaves at noon every day except Sunday.",
                 "Der Zug nach Wien fährt jeden Morgen um sieben Uhr vom Hauptbahnhof ab.",
                 "La biblioteca municipal abre los sábados por la mañana."):
        lang, prob = identifier().classify(text)
        mine, my_prob = _classify(text)
        assert mine == lang and abs(my_prob - float(prob)) < 1e-4
