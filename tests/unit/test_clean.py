"""clean: site chrome by its shape, repairs with exact source offsets."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from workers.models import Page, SourceInfo
from workers.stages.clean import chrome_anywhere, chrome_at_edge, clean, drop_cap_letter, _vocabulary


def make_page(text: str) -> Page:
    return Page(
        id="pm-test",
        source=SourceInfo(filename="t.txt", sha256="0" * 64, size_bytes=len(text), encoding="utf-8", received_at=datetime.now(timezone.utc)),
        text=text,
    )


# A page from a site that exists nowhere: its chrome is made up for this test.
INVENTED = """\
Jump to content
Harbourside Council › Residents › Waste and recycling

Bin collection changes for the winter

The council will collect garden waste every four weeks from November. Residents who pay for the garden waste service keep their usual day.

Food waste is still collected weekly. Please put caddies out by 7am.

Back to top
Rate this page? Good | Poor
© 2024 Harbourside Council
Updated 14 October 2024
Page 1 of 2
"""


def furniture_texts(text: str) -> list[str]:
    page = clean(make_page(text))
    return [b.text for b in page.blocks if b.furniture]


def content_texts(text: str) -> list[str]:
    page = clean(make_page(text))
    return [b.text for b in page.blocks if not b.furniture]


def test_invented_site_chrome_is_found_at_both_edges():
    furniture = furniture_texts(INVENTED)
    joined = "\n".join(furniture)
    for line in ["Jump to content", "Harbourside Council › Residents › Waste and recycling", "Back to top",
                 "Rate this page? Good | Poor", "© 2024 Harbourside Council", "Updated 14 October 2024", "Page 1 of 2"]:
        assert line in joined, line


def test_invented_page_keeps_its_title_and_text():
    content = content_texts(INVENTED)
    assert content[0] == "Bin collection changes for the winter"
    assert any(c.startswith("The council will collect") for c in content)
    assert any(c.startswith("Food waste") for c in content)


def test_a_breadcrumb_from_the_home_page_is_chrome_anywhere_another_only_at_the_page_edge():
    # (since session 45; before, every trail was chrome only at the edge)
    assert chrome_anywhere("Home > Reports > Annual report 2020") == "breadcrumb trail"
    assert chrome_at_edge("Reports > Annual report 2020 > Summary")
    assert chrome_anywhere("Reports > Annual report 2020 > Summary") is None


@pytest.mark.parametrize("line", ["Print this page", "Skip to main content", "Return to top of page", "PAGE TOP",
                                  "Share this page: Facebook | Twitter | Email", "Previous | Index | Next",
                                  "(c) Crown copyright", "Last updated 3 May 2015", "Page 3 of 12", "3 / 12"])
def test_chrome_lines_are_recognised_anywhere(line):
    assert chrome_anywhere(line)


@pytest.mark.parametrize("line", ["Early life", "North America", "The Americas", "Emperor Norton",
                                  "(copyright Jane Roe; reprinted with permission)",
                                  "Prices rose by 3 / 4 of a point in May, the bank said.",
                                  "Image: Twitter / NASA."])
def test_content_lines_are_not_chrome(line):
    assert chrome_at_edge(line) is None


def test_title_under_navigation_ends_the_edge_run():
    text = "Text only\n\nSite map\n\nHarbour lights festival\n\nThe festival opens on Friday with a parade.\n"
    assert furniture_texts(text) == ["Text only", "Site map"]


def test_block_with_chrome_and_content_lines_is_split():
    text = "Home | News | Sport\nCouncil tax to rise\n\nThe council agreed the budget on Monday evening.\n"
    page = clean(make_page(text))
    assert [(b.furniture, b.text) for b in page.blocks][:2] == [(True, "Home | News | Sport"), (False, "Council tax to rise")]


def test_lost_drop_cap_is_restored_with_source_offsets():
    text = "Harbour report\n\narbours along the coast were busy this summer. Harbours need dredging.\n"
    page = clean(make_page(text))
    assert page.blocks[1].text.startswith("Harbours along")
    (repair,) = [r for r in page.repairs if r.kind == "drop_cap"]
    assert (repair.source_start, repair.source_end) == (16, 23)
    assert text[repair.source_start : repair.source_end] == repair.before == "arbours"
    assert repair.after == "Harbours"


def test_a_drop_cap_letter_set_apart_joins_the_rest_of_its_word():
    text = "Harbour report\n\nT\nhe harbour was rebuilt in 1953.\n\nW ith the new pier, ferries land at low tide.\n"
    page = clean(make_page(text))
    assert [b.text for b in page.blocks[1:]] == ["The harbour was rebuilt in 1953.", "With the new pier, ferries land at low tide."]
    repairs = [r for r in page.repairs if r.kind == "drop_cap"]
    assert [(text[r.source_start : r.source_end], r.before, r.after) for r in repairs] == [
        ("T\nhe", "T\nhe", "The"), ("W ith", "W ith", "With")]
    assert page.blocks[1].offsets.to_source(0, 3) == (16, 20)  # "The" points at "T\nhe"


def test_a_letter_that_is_a_word_or_an_initial_before_a_word_is_no_drop_cap():
    text = ("Survey\n\nA cross-border ferry was planned.\n\nI am told the pier is safe.\n\n"
            "B shares rose on Monday.\n\nT cells were counted.\n")
    page = clean(make_page(text))
    assert [b.text for b in page.blocks[1:]] == ["A cross-border ferry was planned.", "I am told the pier is safe.",
                                                 "B shares rose on Monday.", "T cells were counted."]
    assert not [r for r in page.repairs if r.kind == "drop_cap"]


def test_drop_cap_uses_the_dictionary_when_the_page_lacks_the_word():
    vocab = _vocabulary("espite the rain, the fair went ahead.")
    assert drop_cap_letter("espite", vocab) == "D"


def test_real_lowercase_words_are_not_given_a_capital():
    vocab = _vocabulary("and then it rained. iPhone sales rose.")
    assert drop_cap_letter("and", vocab) is None
    assert drop_cap_letter("iPhone", vocab) is None


def test_mojibake_is_fixed_and_listed():
    text = "The minister\u00e2\u20ac\u2122s visit was short.\n"
    page = clean(make_page(text))
    assert page.blocks[0].text == "The minister\u2019s visit was short."
    (repair,) = [r for r in page.repairs if r.kind == "mojibake"]
    assert text[repair.source_start : repair.source_end] == repair.before
    assert repair.after == "\u2019"


def test_word_hyphenated_across_a_line_break_is_joined():
    text = "The committee met to discuss the environ-\nmental report in detail.\n"
    page = clean(make_page(text))
    assert "environmental report" in page.blocks[0].text
    (repair,) = [r for r in page.repairs if r.kind == "dehyphenate"]
    assert text[repair.source_start : repair.source_end] == "-\n"


def test_real_compound_hyphen_at_a_line_break_is_kept():
    text = "It was a well-known fact that the well-\nknown singer was late.\n"
    page = clean(make_page(text))
    assert not [r for r in page.repairs if r.kind == "dehyphenate"]
    assert "the well-known singer" in page.blocks[0].text
    (repair,) = [r for r in page.repairs if r.kind == "line_break"]
    assert text[repair.source_start : repair.source_end] == "\n"


def test_odd_whitespace_is_normalised_and_offsets_stay_exact():
    text = "Rain\u00a0\u00a0fell  on\tthe\u200b town.\n"
    page = clean(make_page(text))
    block = page.blocks[0]
    assert block.text == "Rain fell on the town."
    start = block.text.index("town")
    assert block.offsets.to_source(start, start + 4) == (text.index("town"), text.index("town") + 4)
    assert all(r.kind == "whitespace" and text[r.source_start : r.source_end] == r.before for r in page.repairs)


def test_seed_page_chrome_and_drop_cap(seed_page):
    text = seed_page.read_text(encoding="utf-8")
    page = clean(make_page(text))
    assert [b.text for b in page.blocks if b.furniture] == ["Contents | Back | Next", "Text File", "PAGE TOP -"]
    assert [(r.source_start, r.after) for r in page.repairs if r.kind == "drop_cap"] == [(529, "Japan")]


def test_site_name_at_the_top_is_chrome_when_the_footer_repeats_it():
    text = "Gull Gazette\nNews | Sport | Weather\n\nBridge to close\n\nThe bridge shuts on Monday for repairs.\n\nAll content © 2022 Gull Gazette\n"
    assert furniture_texts(text) == ["Gull Gazette\nNews | Sport | Weather", "All content © 2022 Gull Gazette"]


def test_title_at_the_top_is_not_taken_for_a_site_name():
    text = "Bridge to close\n\nThe bridge shuts on Monday for repairs.\n\n© 2022 Gull Gazette\n"
    assert furniture_texts(text) == ["© 2022 Gull Gazette"]


@pytest.mark.parametrize("line", ["Advertisement", "ADVERTISEMENT", "- 12 -", "Print | E-mail"])
def test_ad_slots_page_numbers_and_short_tool_menus_are_chrome(line):
    assert chrome_anywhere(line)


def test_page_address_at_the_bottom_is_chrome():
    text = "Harbour\n\nThe harbour is old.\n\nRetrieved from \"https://example.org/wiki/Harbour\"\n"
    assert furniture_texts(text) == ['Retrieved from "https://example.org/wiki/Harbour"']


@pytest.mark.parametrize(
    "line",
    ["Annual Review of the Harbour Board 2015 | Contents | Next page", "Report of the Harbour Board – page 4"],
)
def test_running_headers_and_footers_are_chrome(line):
    assert chrome_anywhere(line)


def test_page_tools_are_chrome_at_the_edges_only():
    assert chrome_at_edge("Save to my trip")
    assert chrome_anywhere("Save to my trip") is None
    assert chrome_at_edge("Save the date for the spring fair.") is None


def test_previous_next_pair_is_chrome():
    assert chrome_anywhere("Previous: 2.1 Rivers | Next: 2.3 Lakes")
    assert chrome_anywhere("Next we tried salt | then sugar") is None


def test_a_one_letter_page_is_not_chrome():
    assert furniture_texts("x\n") == []


@pytest.mark.parametrize("line", ["| Japan | 126 million | Tokyo |", "Japan | 126 million | 378,000 km2"])
def test_table_rows_are_not_menus(line):
    assert chrome_anywhere(line) is None


def test_pager_is_a_menu():
    assert chrome_anywhere("1 | 2 | 3 | Next")


@pytest.mark.parametrize(
    ("text", "whole"),
    [
        ("Weekly update\n\nhis week sees the opening of the new library by the river.\n\nThe library has three floors.\n", "This"),
        ("Dividing fractions\n\nhen we divide one fraction by another, we flip the second and multiply.\n\nIt always works.\n", "When"),
    ],
)
def test_lost_drop_cap_whose_remainder_is_a_word_is_restored_from_word_frequencies(text, whole):
    page = clean(make_page(text))
    (repair,) = [r for r in page.repairs if r.kind == "drop_cap"]
    assert repair.after == whole
    assert page.blocks[1].text.startswith(whole + " ")


def test_lower_case_paragraphs_on_a_page_written_in_lower_case_are_left_alone():
    text = "chat notes\n\nhe said it was fine by him anyway.\n\nand then we left the room quickly.\n\nok see you all later on then.\n"
    page = clean(make_page(text))
    assert not [r for r in page.repairs if r.kind == "drop_cap"]


def test_paragraph_going_on_from_an_open_sentence_keeps_its_lower_case_word():
    text = "Trip notes\n\nWe went by train from the coast up to the hills,\n\nhe said, and then we rested for a whole day.\n"
    page = clean(make_page(text))
    assert not [r for r in page.repairs if r.kind == "drop_cap"]


def test_word_stub_is_given_only_a_capital_that_makes_a_commoner_word():
    vocab = _vocabulary("")
    assert drop_cap_letter("hen", vocab, lower_start_is_damage=True) == "W"
    # "can" is rarer than "an": a lower-case "an" is not taken for a damaged "Can".
    assert drop_cap_letter("an", vocab, lower_start_is_damage=True) is None
    # A stub of three letters or more counts with a whole about as common: "any" of "Many", "very" of "Every".
    assert drop_cap_letter("any", vocab, lower_start_is_damage=True) == "M"
    assert drop_cap_letter("very", vocab, lower_start_is_damage=True) == "E"
    assert drop_cap_letter("and", vocab, lower_start_is_damage=True) is None
    assert drop_cap_letter("any", vocab) is None  # only where a lower-case start is damage


def test_the_word_after_a_stub_chooses_its_lost_capital():
    vocab = _vocabulary("")
    # "here" + "the": English writes "where the" far more than "there the", though "there" is the commoner word
    assert drop_cap_letter("here", vocab, lower_start_is_damage=True, next_word="the") == "W"
    assert drop_cap_letter("here", vocab, lower_start_is_damage=True) == "T"
    # "four hundred", though "four" is rarer than the stub "our" itself
    assert drop_cap_letter("our", vocab, lower_start_is_damage=True, next_word="hundred") == "F"
    assert drop_cap_letter("s", vocab, lower_start_is_damage=True, next_word="many") == "A"
    # a pair English never writes leaves the choice to the words alone
    assert drop_cap_letter("hen", vocab, lower_start_is_damage=True, next_word="zxqv") == "W"


def test_a_whole_too_rare_for_the_small_word_list_is_found_in_the_larger_one():
    # "ornithologists" is not among wordfreq's ~30k words; symspellpy's 82k-word dictionary has it
    assert drop_cap_letter("rnithologists", _vocabulary(""), next_word="counted") == "O"


def test_before_a_plural_the_capital_is_the_one_english_writes_before_plurals():
    # no pair "nine beekeepers" or "line beekeepers" in the table: "nine" stands before plurals far more than "line",
    # and one "Line" in the page's address tells nothing
    vocab = _vocabulary("Visit us at 4 Line Road.")
    assert drop_cap_letter("ine", vocab, lower_start_is_damage=True, next_word="beekeepers") == "N"
    assert drop_cap_letter("ine", vocab, lower_start_is_damage=True, next_word="ferrymen") == "L"


def test_a_lost_capital_of_a_name_the_page_writes_is_restored_even_when_its_stub_is_a_word():
    text = ("Alina Sõrmus\n\nFrom the free reference work\n\n"
            "lina Sõrmus (3 May 1950 – 1 June 2020) was an Estonian botanist who mapped the bog flora of Saaremaa.\n\n"
            "She was born in Kuressaare and studied in Tartu.\n\nAlina Sõrmus retired in 2012.\n")
    page = clean(make_page(text))
    assert [r.after for r in page.repairs if r.kind == "drop_cap"] == ["Alina"]


def test_a_lost_capital_after_a_long_title_with_no_full_stop_is_restored():
    text = ("Episode 12 — After the flood: a ferry skipper from the outer islands on what comes next\n\n"
            "his conversation was recorded on the quay at dawn, before the first crossing of the day.\n\n"
            "The skipper has run the crossing for twenty years.\n\nShe plans to retire next spring.\n")
    page = clean(make_page(text))
    assert [r.after for r in page.repairs if r.kind == "drop_cap"] == ["This"]


def test_a_glossary_entry_in_lower_case_keeps_its_first_letter():
    text = ("Key terms\n\ninland port – a port on a river or canal, far from the sea.\n\n"
            "The harbour board runs two ports on the coast.\n\nThe inland port opened in 2019.\n")
    page = clean(make_page(text))
    assert not [r for r in page.repairs if r.kind == "drop_cap"]


@pytest.mark.parametrize(
    "line",
    [
        "Coordinates: 51°30′N 0°7′W / 51.5°N 0.12°W / 51.5; -0.12",
        "12.75 / -4.20 / 310",
        "Harbour Island · Westland · 44°10′S 170°5′E",
        "Rovers | 12 | 8 | 26",
        "Copyright reform in Europe",
        "Save the Children",
        "Return of the Native",
        "Harbour at dusk. Photo © Jane Roe",
    ],
)
def test_data_lines_titles_and_credits_are_not_chrome_even_at_the_edge(line):
    assert chrome_at_edge(line) is None


@pytest.mark.parametrize("line", ["Prev | 1 | 2 | 3 | Next", "Crown copyright", "Copyright 2020 Harbour Herald Ltd",
                                  "Save to my trip", "Email this article", "Home > News > 2,000 jobs lost at the mill"])
def test_chrome_that_looks_like_data_or_titles_is_still_chrome(line):
    assert chrome_at_edge(line)


def test_a_letter_whose_mojibake_holds_a_copyright_sign_is_not_a_notice_but_the_sign_itself_is():
    # UTF-8 read as Windows-1252: é is "Ã©", ĩ "Ä©"; the sign © itself is "Â©".
    for line in ("Posted by Ren\u00c3\u00a9 Roux", "Caf\u00c3\u00a9 society in Hu\u00c3\u00a9", "Ph\u00c3\u00a9p T\u00c4\u00a9nh"):
        assert chrome_at_edge(line) is None, line
    assert chrome_at_edge("\u00c2\u00a9 2024 Harbour Herald") == "copyright line"


def test_coordinates_among_the_top_edge_lines_stay_content():
    text = ("Home > Places > Harbour Island\n\n"
            "Coordinates: 44°10′S 170°5′E / 44.17°S 170.08°E / -44.17; 170.08\n\n"
            "Harbour Island is a small island off the west coast.\n")
    assert furniture_texts(text) == ["Home > Places > Harbour Island"]


def test_page_title_that_a_footer_notice_only_mentions_is_not_the_site_name():
    text = ("Harbour Island\n\nHarbour Island is a small island off the west coast.\n\n"
            "© 2021 Island Guides. Text about Harbour Island shared under licence.\n")
    assert "Harbour Island" not in furniture_texts(text)


def test_site_name_that_the_footer_notice_owns_is_chrome():
    text = "Harbour Herald\n\nA storm closed the port.\n\nThe port opened again on Monday.\n\n© 2021 Harbour Herald\n"
    assert furniture_texts(text)[0] == "Harbour Herald"


def test_words_after_a_quotation_keep_their_lower_case():
    text = "At the quay\n\n“Is the ferry running today?”\n\nhe asked the man selling tickets by the gate.\n"
    page = clean(make_page(text))
    assert not [r for r in page.repairs if r.kind == "drop_cap"]


@pytest.mark.parametrize("line", [
    "Text is available under the Creative Commons Attribution licence; other terms may apply.",
    "Content is licensed under CC BY-SA 4.0 unless noted otherwise.",
    "Retrieved from the harbour wiki.",
    "Last edited on 2 May 2020. All text is available under the GFDL licence.",
    "Harbour guides | Print this page | Was this page useful? Yes No",
])
def test_licence_notices_and_feedback_menus_are_chrome_at_the_edge(line):
    assert chrome_at_edge(line)


@pytest.mark.parametrize("line", [
    "We asked why pictures released under open licences travel further than others.",
    "The ferry at dawn. Photo by Jane Roe, CC BY-SA",
    "The harbour reopened in May. All text on the ferry's sign is available under a new licence.",
])
def test_sentences_about_licences_and_picture_credits_are_not_chrome(line):
    assert chrome_at_edge(line) is None


def test_a_page_with_one_paragraph_per_line_and_no_blank_lines_is_cut_into_a_block_per_line():
    text = ("Harbour Island\n"
            "Harbour Island is a small island off the west coast, reached by a ferry that runs twice a day from the "
            "mainland in summer and once a day in winter, weather permitting.\n"
            "History\n"
            "The island was farmed until the 1950s, when the last families moved to the mainland for work.\n")
    blocks = clean(make_page(text)).blocks
    assert [b.text for b in blocks] == [line for line in text.splitlines()]
    assert all(text[b.source_start:b.source_end] == b.text for b in blocks)


def test_prose_wrapped_over_lines_stays_one_block():
    text = ("Harbour Island is a small island off the west coast, reached by a\n"
            "ferry that runs twice a day from the mainland in summer and once a\n"
            "day in winter, weather permitting.\n")
    assert len(clean(make_page(text)).blocks) == 1


def test_a_banner_over_the_breadcrumb_trail_is_chrome():
    text = ("Harbour Report 2014 | Ministry of Harbours\n\nMain page > Harbour Report 2014 > Chapter 3\n\n"
            "Chapter 3: The northern quays\n\nThe northern quays were rebuilt in 2013.\n")
    assert furniture_texts(text) == ["Harbour Report 2014 | Ministry of Harbours", "Main page > Harbour Report 2014 > Chapter 3"]


def test_a_title_that_the_breadcrumb_trail_ends_with_is_no_banner():
    text = "The northern quays\n\nHome > Reports > The northern quays\n\nThe northern quays were rebuilt in 2013.\n"
    assert "The northern quays" not in furniture_texts(text)


@pytest.mark.parametrize(
    "line",
    ["Related articles", "More stories", "Share on Facebook Share on Twitter Share by email", "Report a problem with this page",
     "Tags: harbours, ferries, winter", "Filed under: Local news", "Categories: Coast | Weather", "Was this page helpful? Yes No",
     "Page 2 of 5 | Next »", "« Prev | 3 / 7 | Next", "Comments (4)", "Leave a reply", "Read more", "Listen to this story",
     "Our website uses cookies to remember your settings. Accept | Decline"],
)
def test_site_controls_of_other_sites_are_chrome_at_the_edges(line):
    # Chrome of other kinds than the corpus's own, as a page saved from another site has it.
    assert chrome_at_edge(line)


@pytest.mark.parametrize("line", ["Back to search results", "Page 2 of 5 | Next »"])
def test_moving_back_to_results_or_on_a_page_is_chrome_anywhere(line):
    assert chrome_anywhere(line)


@pytest.mark.parametrize(
    "line",
    ["Keywords: salt marsh, erosion, sea level", "Tagging gulls on the estuary", "Report of the Harbour Board",
     "Report on the dredging of the channel", "Was it worth the wait? Absolutely not", "News from the harbour: ferries return",
     "Cookies were baked in the harbour kitchens every morning.", "Story of a harbour town", "Comments from the harbour master"],
)
def test_lines_like_those_controls_that_are_text_are_not_chrome(line):
    assert chrome_at_edge(line) is None


def test_a_control_line_right_over_the_title_is_cut_from_it():
    text = "Back to search results\nFerries return to the harbour\n\nThe ferries came back on Monday after the storm.\n"
    assert furniture_texts(text) == ["Back to search results"]


def test_a_travel_guides_go_next_heading_is_no_navigation_link():
    assert chrome_anywhere("Go next") is None
    assert chrome_at_edge("Go next") is None
    assert chrome_anywhere("Next") and chrome_anywhere("Go to the next page")
    text = ("Kestrel Bay\n\nA fishing town on the north coast.\n\nGo next\n\n"
            "Harbourton, an hour along the coast road, has the nearest railway station.\n\nBack to top\n")
    assert furniture_texts(text) == ["Back to top"]


LANGUAGE_PROSE = (
    "Language is a system of words and rules that people use to pass ideas from one mind to another.\n\n"
    "Every known human society has a language, and children learn the language around them without being taught.\n"
)


@pytest.mark.parametrize("title", ["Language", "Sign language"])
def test_a_title_in_interface_words_that_the_prose_names_again_stays_content(title):
    body = LANGUAGE_PROSE.replace("Language is", f"{title} is").replace("a language", f"a {title.lower()}").replace(
        "the language", f"the {title.lower()}"
    )
    text = f"{title}\n\n{body}\nBack to top\n"
    assert furniture_texts(text) == ["Back to top"]
    assert content_texts(text)[0] == title


def test_a_menu_written_a_line_each_stays_chrome_where_the_prose_names_one_of_its_items():
    # "News" is named twice by this news story's prose, but "Contact" below it is a control too.
    text = ("Home\nNews\nContact\n\nFerries return to the harbour\n\n"
            "The news reached the harbour on Monday, when the first ferry came back after the storm.\n\n"
            "Good news for the town, the harbour master said, as the fishing fleet can sail again on Tuesday.\n")
    assert furniture_texts(text) == ["Home\nNews\nContact"]


def test_a_lone_control_word_the_prose_does_not_name_is_chrome():
    text = "Search\n\nFerries return to the harbour\n\nThe ferries came back on Monday after the storm had passed over.\n"
    assert furniture_texts(text) == ["Search"]
