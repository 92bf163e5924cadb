"""Roles, chrome and drop-caps on page shapes the corpus is thin on (issue 12): headings with their text right
under them, titles wrapped over lines, menus laid out with spaces, footers of charities and councils, letters.

Every sentence here was written for these tests; none is taken from a gold page.
"""

from __future__ import annotations

from tests.unit.test_clean import make_page
from tests.unit.page_roles import page_roles, role_of
from workers.stages.clean import clean




def _drop_caps(text: str) -> list[tuple[str, str]]:
    return [(r.before, r.after) for r in clean(make_page(text)).repairs if r.kind == "drop_cap"]


BODY = (
    "The volunteers met at the old boathouse on a grey morning and spent four hours clearing the towpath of brambles.\n\n"
    "By lunchtime the path was open again as far as the second lock, and the kettle was on in the hut.\n\n"
    "Next month the group will turn to the hedge along the east meadow, which has grown across the stile.\n\n"
)


# --- segment: headings and the text under them ---------------------------------------------------------------


def test_heading_over_a_list_in_one_block_is_a_heading_and_list_items():
    text = BODY + "What to bring\n- stout boots and gloves\n- a flask and a packed lunch\n- a change of socks\n"
    roles = page_roles(text)
    assert ("heading", "What to bring") in roles
    assert [r for r, t in roles if t.startswith("- ")] == ["list_item"] * 3


def test_heading_over_a_paragraph_in_one_block_is_split_from_it():
    text = BODY + "Winter work party\nEveryone is welcome on the first Saturday of each month, whatever their age or experience.\n"
    roles = page_roles(text)
    assert ("heading", "Winter work party") in roles
    assert role_of(text, "Everyone is welcome") == "paragraph"


def test_wrapped_paragraph_is_not_split_into_a_heading():
    text = BODY + ("The towpath was cleared by a team of twelve volunteers\nwho gave up a weekend to the job, and the "
                   "council has thanked them.\n")
    assert role_of(text, "The towpath was cleared") == "paragraph"
    assert not any(r == "heading" and t.startswith("The towpath") for r, t in page_roles(text))


def test_heading_over_short_data_lines_is_a_heading():
    text = BODY + "Opening times\nDaily from 10:00 to 16:00, March to October\nWeekends only, November to February\n"
    assert ("heading", "Opening times") in page_roles(text)


def test_name_over_an_address_stays_text():
    text = BODY + "Canal Trust Office\nWharf Lane, Stoke Bardolph\nOpen weekdays from nine until five\n"
    assert role_of(text, "Canal Trust Office") != "heading"


def test_title_wrapped_over_two_lines_is_one_heading():
    text = "Volunteers reopen the towpath\nafter a winter of storms\n\n" + BODY
    roles = page_roles(text)
    assert roles[0] == ("heading", "Volunteers reopen the towpath after a winter of storms")


def test_name_over_a_job_title_is_no_wrapped_heading():
    text = BODY + "Rosa Delacourt\nSecretary\n"
    assert not any(t.replace("\n", " ") == "Rosa Delacourt Secretary" and r == "heading" for r, t in page_roles(text))


# --- clean: lost drop-caps -------------------------------------------------------------------------------------


def test_one_letter_left_of_a_lost_drop_cap_word_is_repaired():
    text = BODY.replace("The volunteers met", "n 2021 the volunteers met")
    assert ("n", "In") in _drop_caps(text)


def test_two_lost_drop_caps_on_one_page_are_both_repaired():
    text = (
        "his spring the allotment society planted forty fruit trees along the northern boundary fence.\n\n"
        "The trees came from a nursery in the next county and were paid for by the summer fair.\n\n"
        "Members dug the holes over two weekends, helped by children from the primary school.\n\n"
        "hen the blossom comes, the society will hold an open afternoon with tea and cakes for all.\n\n"
        "Plots are still available for the coming season, and the waiting list is shorter than ever.\n\n"
        "The society meets on the second Tuesday of the month in the pavilion by the gate.\n\n"
    )
    assert {("his", "This"), ("hen", "When")} <= set(_drop_caps(text))


def test_a_letter_greeting_does_not_shield_a_lost_drop_cap():
    text = "Dear members,\n\nhis year the club celebrates its fiftieth season on the water.\n\n" + BODY
    assert ("his", "This") in _drop_caps(text)


def test_a_sentence_broken_after_a_comma_keeps_its_lower_case():
    text = BODY + "When the boats came back to the landing stage late that evening,\n\nhis crew was the first ashore.\n"
    assert ("his", "This") not in _drop_caps(text)


# --- clean: site chrome ----------------------------------------------------------------------------------------


def test_menu_laid_out_with_runs_of_spaces_at_the_bottom_is_chrome():
    text = BODY + "Accessibility   Freedom of information   Privacy   Cookies\n© 2024 Towpath Friends\n"
    assert role_of(text, "Accessibility") == "furniture"


def test_figures_laid_out_with_spaces_are_no_menu():
    text = BODY + "Oarsmen   12   14   9\nScullers   8   11   10\n© 2024 Towpath Friends\n"
    assert role_of(text, "Oarsmen") != "furniture"


def test_two_links_at_the_bottom_edge_are_chrome():
    text = BODY + "Find us | Contact the office\nPrint route card | Download map\n© 2024 Towpath Friends\n"
    assert role_of(text, "Find us") == "furniture"
    assert role_of(text, "Print route card") == "furniture"


def test_back_to_link_at_the_bottom_edge_is_chrome():
    text = BODY + "Back to parish notices\n© 2024 Towpath Friends\n"
    assert role_of(text, "Back to parish notices") == "furniture"


def test_charity_registration_line_at_the_bottom_is_chrome():
    text = BODY + "Registered charity 1098765 · Privacy\n"
    assert role_of(text, "Registered charity") == "furniture"


def test_site_name_over_the_menu_and_a_short_trail_under_it_are_chrome():
    text = "Towpath Friends\nHome | Work parties | Join | Contact\nVolunteers > Work parties\n\nAutumn on the canal\n\n" + BODY
    roles = page_roles(text)
    assert role_of(text, "Towpath Friends") == "furniture"
    assert role_of(text, "Volunteers > Work parties") == "furniture"
    assert ("heading", "Autumn on the canal") in roles
