"""segment: headings, levels, list items and paragraphs from the shape of blocks."""

from __future__ import annotations

import pytest

from tests.unit.test_clean import make_page
from workers.stages.clean import clean
from workers.knowledge.shapes import is_byline
from workers.stages.segment import heading_level, heading_shape, is_dateline, is_table_row, segment, split_sentences


def roles(text: str) -> list[tuple[str, str]]:
    page = segment(clean(make_page(text)))
    return [(s.role, s.text) for s in page.segments]


@pytest.mark.parametrize("number,level", [("2", 1), ("2.", 1), ("2.1", 2), ("2.1.3", 3), ("IV", 1), ("A", 2), ("(a)", 3), ("b", 3)])
def test_heading_level_follows_numbering(number, level):
    assert heading_level(number) == level


def test_number_and_title_on_separate_lines_are_one_heading():
    page = segment(clean(make_page("3.\n\nSouth Asia\n\nRelations with the region grew closer this year.\n")))
    head = page.segments[0]
    assert (head.role, head.text, head.number, head.level) == ("heading", "3. South Asia", "3", 1)
    assert (head.source_start, head.source_end) == (0, 14)


def test_subsection_number_gives_level_two():
    page = segment(clean(make_page("Trade talks\n\n4.2 Tariffs and quotas\n\nThe two sides met twice.\n")))
    head = page.segments[1]
    assert (head.role, head.number, head.level) == ("heading", "4.2", 2)


def test_lettered_heading_in_parentheses():
    page = segment(clean(make_page("Rules\n\nSome text comes first here.\n\n(b) Appeals\n\nAn appeal must be made in writing.\n")))
    head = page.segments[2]
    assert (head.role, head.number, head.level) == ("heading", "b", 3)


def test_bulleted_lines_are_list_items():
    got = roles("Packing list\n\n- a warm coat\n- boots\n- a torch\n")
    assert [r for r, _ in got] == ["heading", "list_item", "list_item", "list_item"]


def test_enumerated_siblings_are_list_items_not_headings():
    got = roles("Quiz\n\nWhich city hosted the games?\n\nA. Paris\n\nB. Rome\n\nC. Oslo\n")
    assert [r for r, _ in got][2:] == ["list_item", "list_item", "list_item"]


def test_lone_numbered_line_is_a_heading():
    got = roles("A study of lamps\n\nWe test three lamps in this paper.\n\n1. Introduction\n\nLamps use power.\n")
    assert got[2] == ("heading", "1. Introduction")


@pytest.mark.parametrize(
    "line",
    ["Tuesday, March 8, 2011", "The minister said:", "I hire nice people --", "Jane Roe jane@example.org University of Nowhere",
     "(6.8+7.2)/2=7", "an old land bridge between two continents", "No, no, no. Just that."],
)
def test_lines_that_are_not_headings(line):
    assert not heading_shape(line)


@pytest.mark.parametrize("line", ["Early life", "Get around", "2013", "U.S. Condemns Attack in Hasaka", "Introduction."])
def test_lines_that_are_headings(line):
    assert heading_shape(line)


def test_long_first_line_without_full_stop_is_the_title():
    title = "After long delays, a small team from the coast wins praise for its courage at a world robotics contest"
    got = roles(f"{title}\n\nThe team arrived late but took part.\n")
    assert got[0] == ("heading", title)


def test_run_in_headings_with_full_stops_only_when_they_are_the_page_style():
    styled = roles("Paper\n\nMethods.\n\nWe asked people.\n\nResults.\n\nThey answered.\n")
    assert [r for r, _ in styled] == ["heading", "heading", "paragraph", "heading", "paragraph"]
    mixed = roles("Guide\n\nBeaches\n\nThe sand is white.\n\nNorth Cove.\n\nA quiet bay.\n")
    assert mixed[3] == ("paragraph", "North Cove.")


def test_replies_are_not_run_in_headings():
    got = roles("Talk\n\nDid it work?\n\nYes.\n\nThank you.\n")
    assert [r for r, _ in got][2:] == ["paragraph", "paragraph"]


def test_sentences_skip_abbreviations():
    text = "Mr. Kan met Dr. Roe in the U.S. on Monday. They spoke."
    assert [text[a:b] for a, b in split_sentences(text)] == ["Mr. Kan met Dr. Roe in the U.S. on Monday.", "They spoke."]


def test_segment_offsets_point_at_the_source(seed_page):
    text = seed_page.read_text(encoding="utf-8")
    page = segment(clean(make_page(text)))
    for s in page.segments:
        for sent in s.sentences:
            src = text[sent.source_start : sent.source_end]
            assert src.split()[-1][-3:] == s.text[sent.start : sent.end].split()[-1][-3:]
    head = next(s for s in page.segments if s.role == "heading")
    assert (head.text, head.number, head.level) == ("2. North America", "2", 1)


def test_title_repeated_in_sentence_case_is_a_heading():
    got = roles("Minister statement on the chemical weapons report\n\nMinister statement on chemical weapons report\n\nThe minister spoke today.\n")
    assert [r for r, _ in got] == ["heading", "heading", "paragraph"]


def test_long_sentence_case_line_is_not_a_heading():
    got = roles("Ferry news\n\nThe morning ferry was cancelled because of the storm\n\nIt will run tomorrow.\n")
    assert got[1][0] == "paragraph"


def test_byline_is_not_a_heading_but_by_plane_is():
    assert not heading_shape("By Sam Carter")
    assert heading_shape("By plane")


@pytest.mark.parametrize("line", ["Q1 = 2", "Median = 7.5", "Keywords: attention, games, school", "DOI: 10.1000/182"])
def test_formulas_and_front_matter_fields_are_not_headings(line):
    assert not heading_shape(line)


def test_ranges_in_titles_are_not_formulas():
    assert heading_shape("Visit to Iraq November 22-23")


@pytest.mark.parametrize("line", ["Contact: Media Office, +41 22 000 0000", "Press office 020 7946 0000"])
def test_contact_lines_are_not_headings(line):
    assert not heading_shape(line)


def test_number_and_title_on_consecutive_lines_are_one_heading():
    page = segment(clean(make_page("2.1\nTrade with the region\n\nTrade grew in every quarter.\n")))
    head = page.segments[0]
    assert (head.role, head.text, head.number, head.level) == ("heading", "2.1 Trade with the region", "2.1", 2)


@pytest.mark.parametrize("line", ["Published 21 September 2016", "Posted on March 3, 2021", "From: Ministry of Transport"])
def test_publication_lines_are_not_headings(line):
    assert not heading_shape(line)


def test_a_single_short_sentence_is_not_a_run_in_heading():
    got = roles("Notes\n\nSome text with tabs.\n\nThe rest follows here, at length.\n")
    assert got[1] == ("paragraph", "Some text with tabs.")


def test_heading_over_a_lower_case_term_stays_a_heading():
    got = roles("Economics\n\nSome text comes first here.\n\nKey Terms\n\nsupply schedule\n\na table of the quantity supplied at each price\n")
    assert got[2] == ("heading", "Key Terms")
    assert got[3] == ("paragraph", "supply schedule")


def test_a_heading_number_does_not_end_a_sentence():
    from workers.stages.segment import split_sentences

    assert split_sentences("2. North America") == [(0, 16)]
    assert split_sentences("3.1. Trade and aid") == [(0, 18)]
    assert split_sentences("It rained. Then it stopped.") == [(0, 10), (11, 27)]


# A wire story written one item per line (invented): headline in capitals, dateline, sentences, a results table.
WIRE_STORY = """\
CRICKET - HARBOUR TOWN BEAT RIVERSIDE BY SIX WICKETS .
HARBOURTON 1997-05-14
Harbour Town beat Riverside by six wickets on Wednesday to stay top of the county table .
Opener Tom Okafor made 88 not out as the home side chased 212 with ten overs to spare .
Scores :
Riverside 212 ( J. Marsh 64 )
Harbour Town 214-4 ( T. Okafor 88 not out )
Standings after Wednesday 's matches :
Harbour Town 6 5 1 0 22
Riverside 6 3 2 1 15
"""


def test_block_written_one_item_per_line_gives_one_segment_per_line():
    from workers.stages.classify import classify

    page = classify(segment(clean(make_page(WIRE_STORY))))
    got = [(s.role, WIRE_STORY[s.source_start : s.source_end]) for s in page.segments]
    lines = WIRE_STORY.splitlines()
    assert [text for _, text in got] == lines
    assert [role for role, _ in got] == ["heading"] + ["paragraph"] * (len(lines) - 1)


def test_paragraph_wrapped_over_lines_stays_one_paragraph():
    text = "The harbour was rebuilt after the storm of 1953, when the old\nwall gave way. Boats now moor inside a\nlonger breakwater that the town paid for.\n"
    assert roles(text) == [("paragraph", text.strip().replace("\n", " "))]


@pytest.mark.parametrize("line", ["HARBOURTON 1997-05-14", "PORT ELLEN , Scotland 1997-05-14", "HARBOURTON, May 14"])
def test_wire_dateline_in_capitals_is_a_dateline_not_a_heading(line):
    assert is_dateline(line)
    assert not heading_shape(line)


@pytest.mark.parametrize("line", ["Rovers 12 8 3 1 27", "Harbour Town 2 Riverside 1", "Northgate 5 2 3 0 10",
                                  "Tarnby City 1 Selwick Athletic 1"])
def test_table_rows_are_not_headings(line):
    assert is_table_row(line)
    assert not heading_shape(line)


@pytest.mark.parametrize("line", ["Group B — Rovers 2 – 1 Harbour Town", "Harbour season (2013 – present)", "The 1990s",
                                  "Chapter 3 The Long Road Home 1990"])
def test_titles_with_a_number_or_two_are_not_table_rows(line):
    assert not is_table_row(line)


@pytest.mark.parametrize("line", ["A B Lowrie and K Okoro", "J. Roe, S. Lee and K. Okoro", "J.K. Roe & S. Lee"])
def test_author_list_with_initials_is_not_a_heading(line):
    assert not heading_shape(line)


@pytest.mark.parametrize("line", ["A Harbour and A Road", "J. K. Rowling", "U S and UK relations"])
def test_titles_that_look_a_little_like_author_lists_stay_headings(line):
    assert heading_shape(line)


def test_name_over_a_dateline_is_a_byline_not_a_heading():
    text = "ROWING - NORTHGATE CREW TAKE TITLE .\n\nMira Castell\n\nPORT ELLEN , Scotland 1997-06-02\n\nThe Northgate eight won on Sunday .\n"
    assert [r for r, _ in roles(text)] == ["heading", "paragraph", "paragraph", "paragraph"]


def test_results_written_one_per_block_are_rows_not_headings():
    text = ("Regatta results\n\nThe regatta ended on Saturday.\n\n"
            "Joe Marsh ( Harbour Town ) 12 points\n\nSam Okoro ( Riverside ) 19 points\n\nKim Castell ( Northgate ) 23 points\n")
    assert [r for r, _ in roles(text)] == ["heading", "paragraph", "paragraph", "paragraph", "paragraph"]


def test_headings_with_figures_apart_from_each_other_stay_headings():
    text = ("Group stage\n\nTwo games were played.\n\nGroup B — Rovers 2 – 1 Harbour Town\n\nRovers scored late.\n\n"
            "Group C — Northgate 0 – 0 Riverside\n\nNeither side scored.\n")
    assert [r for r, _ in roles(text)] == ["heading", "paragraph", "heading", "paragraph", "heading", "paragraph"]


def test_line_of_a_script_without_capitals_is_no_headline():
    from workers.stages.segment import is_headline

    assert is_headline("ROWING - NORTHGATE CREW TAKE TITLE .")
    assert not is_headline("مرحبا بكم في المدينة القديمة .")
    assert not is_headline("ALL " * 25 + ".")


@pytest.mark.parametrize("line", ["W L PCT GB", "P W D L F A PTS"])
def test_a_tables_header_row_of_abbreviations_is_no_heading(line):
    from workers.stages.segment import is_headline

    assert not is_headline(line) and not heading_shape(line)
    assert is_headline("GOLF - HART SHARES LEAD .")  # words of four letters or more make a headline
    assert heading_shape("WHO WE ARE")  # short words, but no column of one letter


def test_a_scorecards_lines_ending_in_figures_are_one_segment_each():
    text = ("CRICKET - TARNBY V SELWICK SCOREBOARD .\nTARNBY 1997-02-18\nTarnby innings\n"
            "Ana Lima c Okafor b Marsh 41\nJoe Reid lbw b Marsh 12\nTom Odhiambo not out 67\n")
    assert len(roles(text)) == 6


@pytest.mark.parametrize("line", ["Orla Trenholm and Kai Ostrander", "Orla Trenholm, University of Harbourton, Norway",
                                  "Department of Botany, Harbourton University", "Kai Ostrander, Harbourton Institute"])
def test_authors_and_affiliations_are_a_byline(line):
    assert is_byline(line)


@pytest.mark.parametrize("line", ["Trade, Aid and Investment", "Early years and schooling", "Church and State",
                                  "Japan and the United States", "Washington, DC"])
def test_titles_with_commas_or_and_are_no_byline(line):
    assert not is_byline(line)


def test_authors_and_affiliations_under_a_papers_title_are_paragraphs():
    text = ("Tides and silt in a northern estuary\n\nOrla Trenholm and Kai Ostrander\n\n"
            "Department of Earth Sciences, University of Harbourton, Norway\n\nAbstract\n\n"
            "We measured silt at four stations over two years.\n")
    got = roles(text)
    assert got[1] == ("paragraph", "Orla Trenholm and Kai Ostrander")
    assert got[2] == ("paragraph", "Department of Earth Sciences, University of Harbourton, Norway")
    assert got[3] == ("heading", "Abstract")
