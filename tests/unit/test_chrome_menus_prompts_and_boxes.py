"""Site chrome of the eighth round: menus written in two levels (headings over indented links), menus under a
line the rules leave to the learned edge model, boxes of headlines under headers that name what they list (also a
question headline, a "more" link under them, an advertisement's note on its own), a contents row with a toggle,
banners with their button, and what sites say to their readers (logins, trials and prices, comments, apps,
newsletters by email, "check against delivery"). Beside each, the content it must not take.

Every line here was written for these tests; none is taken from a gold page or a check set.
"""

from __future__ import annotations

import importlib

from tests.unit.page_roles import role_of

clean = importlib.import_module("workers.stages.clean")

TITLE = "Orchard growers count the cost of a late frost\n\n"
BODY = (
    "Apple growers in the valley lost a third of their blossom to a frost in the last week of April, the growers' "
    "association said on Tuesday.\n\n"
    "The association has asked the regional council for help with the cost of replanting the worst-hit orchards.\n\n"
)
FOOTER = "\n\nPrivacy | Terms | Contact\n© 2026 Valley Grower\n"

TWO_LEVEL = (
    "Our Work\n   Orchards\n   Soil Health\n   Training\n"
    "Where We Are\n   Upper Valley\n   Lower Valley\n"
    "Resources\n   Guides\n   Annual Reports\n"
)


def _chrome_lines(text: str) -> set[str]:
    lines = [ln for ln in clean.split_lines(text) if not ln.blank]
    return {lines[i].text.strip() for i in clean.find_chrome(lines, text)}


def test_a_menu_in_two_levels_at_the_top_is_chrome_even_where_the_prose_names_its_links():
    text = "Valley Grower\nSearch   Log in\n\n" + TWO_LEVEL + "\n" + TITLE + BODY.replace("help", "training help") + FOOTER
    found = _chrome_lines(text)
    for link in ("Our Work", "Orchards", "Training", "Lower Valley", "Annual Reports"):
        assert link in found, link
    assert role_of(text, "Orchard growers count") == "heading"


def test_a_chapter_over_its_indented_sections_is_a_menu():
    menu = "Chapter 4 Fruit Trees\n   4.1 Rootstocks\n   4.2 Pruning\n   4.3 Frost and pests\n   4.4 Harvest\nChapter 5 Soils\n"
    text = "Open Orchard Press\nContents    Search this book\n\n" + menu + "\n" + TITLE + BODY + FOOTER
    found = _chrome_lines(text)
    assert {"Chapter 4 Fruit Trees", "4.2 Pruning", "4.4 Harvest"} <= found


def test_a_page_outline_of_sentences_or_a_single_heading_with_few_items_is_no_two_level_menu():
    lines_of = lambda t: [ln for ln in clean.split_lines(t) if not ln.blank]  # noqa: E731
    sentences = "What to bring\n   Boots for the orchard.\n   A flask of tea.\nWhen to come\n   Any weekday.\n   Or Saturday.\n"
    assert clean._two_level_menu(lines_of(sentences), 0, 5, sentences) == 0
    few = "Frost damage\n   Blossom\n   Young fruit\nReplanting\n"
    assert clean._two_level_menu(lines_of(few), 0, 3, few) == 0


def test_a_headline_box_under_a_header_naming_what_it_lists_is_chrome():
    for header in ("Further reading", "Popular right now", "Editor’s Picks", "Related decisions",
                   "More stories from the Valley"):
        box = (header + "\nCider makers look to older apple varieties\nIs the frost season getting longer?\n"
               "A new packhouse opens at the river bridge\nView more articles\n\n")
        text = TITLE + BODY + box + BODY + FOOTER
        assert role_of(text, header) == "furniture", header
        assert role_of(text, "Is the frost season") == "furniture", header
        assert role_of(text, "View more articles") == "furniture", header


def test_a_list_of_the_pages_own_points_under_a_heading_stays_content():
    text = TITLE + BODY + "Further steps\nThe council will meet growers in May.\nGrants open in June.\n\n" + BODY + FOOTER
    assert role_of(text, "Grants open in June") != "furniture"


def test_an_advertisements_note_on_its_own_is_chrome():
    for note in ("Continue reading below", "Story continues below", "Article continues after advertisement"):
        assert clean.chrome_anywhere(note) == "the advertisement's note", note
    assert clean.chrome_anywhere("Continue reading the report below the map of the valley") is None


def test_a_contents_row_with_a_toggle_and_unnumbered_ends_is_chrome():
    assert clean._contents_row("Contents ▾ | Preface | 1 Frost | 2 Soils | 3 Markets | Appendices")
    assert clean._contents_row("In this report | 1 Frost | 2 Soils")
    assert not clean._contents_row("Contents | Preface | Appendices")
    assert not clean._contents_row("Results: 1 win · 2 draws · 3 losses. A poor season.")


def test_a_banner_with_its_button_at_the_edge_is_chrome():
    assert clean.chrome_at_edge("Your gift of $10 plants a new tree in a school orchard. Donate now") == "banner with its button"
    assert clean.chrome_at_edge("Growers met in the hall. They agreed to share the sprayers") is None


def test_what_a_site_says_to_its_reader_is_chrome():
    for line, why in (
            ("You are not signed in. Sign in or register to save articles.", "the site's login prompt"),
            ("Sign in to read the full judgment and its notes.", "the site's login prompt"),
            ("Start a 30-day free trial of Grower Plus.", "the site's paywall"),
            ("Subscribe to Valley Grower from £3 a month.", "the site's paywall"),
            ("Open in app   Not now", "the site's app"),
            ("Got a view on this story? Join the conversation.", "the site's call to comment"),
            ("Receive our market reports by email every Monday.", "the site's newsletter box"),
            ("Check against delivery", "the site's editorial note"),
            ("Posted 3/4/2026 · Listen to this story 5 min · Print", "the page's reading time"),
            ("Did this page help you?  Yes  No", "feedback widget")):
        assert clean.chrome_anywhere(line) == why, line


def test_prose_about_logins_trials_and_discussions_stays_content():
    for line in ("Growers must log in to the council's portal before they can claim.",
                 "The trial of the new frost fans was free for members.",
                 "Members will join the discussion on grants at the May meeting, the chair said, and vote in June."):
        assert clean.chrome_anywhere(line) is None, line


def test_a_list_of_the_pages_languages_one_to_a_line_is_chrome():
    box = "Languages\nDansk\nItaliano\nSuomi\nPolski\nEdit links\n\n"
    text = TITLE + BODY + box + BODY + FOOTER
    assert role_of(text, "Italiano") == "furniture"


def test_a_short_block_of_language_names_in_the_text_stays_content():
    text = TITLE + BODY + "Spoken at home\nDansk\nSuomi\n\n" + BODY + FOOTER
    assert role_of(text, "Spoken at home") != "furniture"


def test_a_wikis_maintenance_banner_is_chrome():
    for note in ("This article needs additional citations for verification. Please help improve this article.",
                 "This biography relies on sources close to its subject. Please help us improve it.",
                 "This section is a stub."):
        assert clean.chrome_anywhere(note) == "the wiki's maintenance banner", note
    assert clean.chrome_anywhere("This article describes the orchards of the upper valley and their growers.") is None


def test_a_wiki_articles_title_under_its_menu_is_no_menu_link():
    menu = "Jump to content\nOrchardwiki · The Free Encyclopedia\n\nMain page\nContents\nRandom article\nDonate\nHelp\n\n"
    text = menu + "Edda Holm\nFrom Orchardwiki, the free encyclopedia\n\nEdda Holm (born 1950) is a grower of the valley.\n\n" + BODY
    lines = [ln for ln in clean.split_lines(text) if not ln.blank]
    found = clean.find_chrome(lines, text)
    assert all(lines[i].text != "Edda Holm" for i in found)
    assert {lines[i].text for i in found} >= {"Random article", "Help", "From Orchardwiki, the free encyclopedia"}


def test_trials_members_only_notes_and_calls_for_opinions_are_chrome():
    for line, why in (("Guest login · Your trial expires in 5 days · Upgrade", "the site's paywall"),
                      ("Full harvest tables are available to subscribing growers.", "the site's paywall"),
                      ("Have your say on this story? Post it below!", "the site's call to comment"),
                      ("From Orchardwiki, the free Nordic encyclopedia", "the wiki's tagline")):
        assert clean.chrome_anywhere(line) == why, line
    assert clean.chrome_anywhere("What do you think the frost will cost the growers this year, the chair asked.") is None


def test_a_block_of_links_with_chrome_right_under_it_is_a_menu_without_a_control():
    menu = "Orchard School\nBiology · Year 9\nUnit 3: Fruit and Seeds\n3.1 Flowers\n3.2 Pollination\n3.3 Fruit set\nGlossary\n\n"
    text = menu + "Log in to save your progress and notes.\n\n3.1 Flowers\n\n" + BODY + BODY
    found = _chrome_lines(text)
    assert {"Unit 3: Fruit and Seeds", "3.3 Fruit set", "Glossary"} <= found
    assert "3.1 Flowers" in found  # the menu's link; the heading further down is a line of its own
    lines = [ln for ln in clean.split_lines(text) if not ln.blank]
    assert lines.index(next(ln for ln in lines if ln.text == "3.1 Flowers" and ln.start > 100)) not in clean.find_chrome(lines, text)


def test_a_box_of_citing_articles_under_its_count_is_chrome():
    assert clean._related_header("Cited by (4)")
    box = "Cited by (2)\nFrost pockets and fruit set in hill orchards\nLate blossom and early bees\n\n"
    text = TITLE + BODY + box + BODY + FOOTER
    assert role_of(text, "Late blossom and early bees") == "furniture"


def test_a_wikis_long_categories_line_and_a_gallery_link_are_chrome():
    cats = "Categories: 1950 births | Living people | Orchardists from the valley | People from Varnholt | Frost scientists"
    assert clean.chrome_anywhere(cats) == "the post's tags or categories"
    assert clean.chrome_anywhere("Photo gallery: blossom week in the upper valley (18 photos)") == "link to a gallery"
    assert clean.chrome_anywhere("Growers counted the damage in 18 orchards (12 photos were taken for the insurers).") is None


def test_the_ninth_rounds_chrome_lines_are_chrome():
    for line, why in (("We use cookies to keep this site working and to count visits.", "cookie banner"),
                      ("By choosing Accept all cookies you agree to our use of cookies.", "cookie banner"),
                      ("9 languages ▾", "language switch"),
                      ("41 comments", "comment counter"),
                      ("Get it on Google Play · Download on the App Store", "the site's app"),
                      ("Learn how and when to remove this message", "the wiki's maintenance banner"),
                      ("This is the third of five free articles you can read this month.", "the site's paywall"),
                      ("This interview has been condensed for length.", "the site's editorial note"),
                      ("Join the conversation — comments stay open for a week.", "the site's call to comment"),
                      ("Posted 3 May 2026 · Reading time 6 min · Print", "the page's reading time"),
                      ("Sign in with a member account to see the answer key.", "the site's login prompt"),
                      ("Was this page useful? ☆☆☆☆☆ Rate it", "feedback widget"),
                      ("[Donate now]   [Become a member]", "form fields and buttons"),
                      ("Arrive: dd/mm/yyyy    Leave: dd/mm/yyyy    Guests: 2", "form fields and buttons"),
                      ("Figures (3) · Tables (2) · References (41) · Download PDF", "menu of short link-like items")):
        assert clean.chrome_anywhere(line) == why, line
    assert clean.chrome_at_edge("From Orchardwiki, the free reference") == "the wiki's tagline"


def test_the_ninth_rounds_look_alikes_stay_content():
    for line in ("Geography[edit]", "See [Holm 2019] and [Berg 2020] for the frost years.",
                 "Growers met 41 times in the year.", "We use the old cider press every autumn.",
                 "Updated January 2026 · By Edda Holm · 9 min read"):
        assert clean.chrome_anywhere(line) is None, line
    assert not clean._related_header("More than 300 growers")
    for header in ("MORE ORCHARD NEWS", "MOST READ ON VALLEY GROWER", "Related documents"):
        assert clean._related_header(header), header


def test_a_sites_note_on_how_the_page_works_is_chrome():
    for line in ("Your browser is out of date, so the map may not load.",
                 "You are offline: this is the copy saved on your phone last week.",
                 "Comments are hidden while you are signed out.",
                 "Notes stay pinned at the side while you scroll.",
                 "Tap a grower's name to see the orchard on the map."):
        assert clean.chrome_anywhere(line) == clean.INTERFACE_NOTE, line
        text = TITLE + BODY + line + "\n\n" + BODY + FOOTER
        assert role_of(text, line[:20]) == "furniture", line


def test_the_reader_addressed_about_the_world_stays_content():
    for line in ("If you grow apples, you will know how cruel a late frost can be.",
                 "Growers who signed the letter want help before the summer.",
                 "tap the trunk gently to hear whether the wood is sound, the grower said, and",
                 "You can reach the orchards by the valley bus."):
        assert clean.chrome_anywhere(line) is None, line


def test_a_note_on_devices_is_content_where_the_page_is_about_devices():
    story = ("Frost alarms on a phone\n\n"
             "Growers now carry a device that warns them of frost, and the device costs less than a night's lost "
             "blossom, the association said on Tuesday.\n\n")
    line = "Your device will tell you when the orchard drops below two degrees."
    assert role_of(story + line + "\n\n" + BODY + FOOTER, line[:20]) != "furniture"
    assert role_of(TITLE + BODY + line + "\n\n" + BODY + FOOTER, line[:20]) == "furniture"
