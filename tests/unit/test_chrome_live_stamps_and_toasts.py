"""A site's notes stamped minutes ago, the toasts led by the same pictograph under one, a copied link's note, a ticket
site's waiting room, a wiki project's banner, a tip line, bracketed buttons and a player's and an app's own lines: lines
written for these tests; none is taken from a gold page or a check set."""

from __future__ import annotations

import importlib

from tests.unit.page_roles import BODY, FOOTER, TITLE, role_of

clean = importlib.import_module("workers.stages.clean")


def test_a_note_stamped_minutes_ago_is_chrome_but_a_sentence_or_a_quote_saying_so_is_not():
    assert clean.chrome_anywhere("Draft of your form saved on this phone 2 minutes ago  ·  Clear draft")
    assert clean.chrome_anywhere("🔔 Someone in Norvik booked a cabin by the falls 14 minutes ago")
    assert not clean.chrome_anywhere("The quake struck 14 minutes ago, the agency said, and the old quay cracked.")
    assert not clean.chrome_anywhere('"The ferry left 20 minutes ago and nobody told us," said a passenger')
    assert not clean.chrome_anywhere("The ferry left a few minutes ago")


def test_toasts_led_by_the_same_pictograph_under_a_chrome_one_are_chrome():
    toasts = ("🔔 Someone in Norvik booked a cabin by the falls 14 minutes ago\n"
              "🔔 A couple from Tarnby saved \"Falls View Cabins\" to their wish list\n\n")
    text = TITLE + BODY + toasts + BODY + FOOTER
    assert role_of(text, "A couple from Tarnby") == "furniture"


def test_a_list_led_by_check_marks_under_a_chrome_line_stays_content():
    lines = ("✓ Saved 2 min ago\n"
             "✓ Bring a warm coat for the crossing\n"
             "✓ Buy tickets at the quay office\n\n")
    text = TITLE + BODY + lines + BODY + FOOTER
    assert role_of(text, "Bring a warm coat") != "furniture"


def test_a_copied_links_note_and_a_ticket_sites_waiting_room_are_chrome():
    assert clean.chrome_anywhere("✓ Link copied to clipboard")
    assert clean.chrome_anywhere("Your place in line: 3,080")
    assert clean.chrome_anywhere("Ticket queue: 88 people ahead of you")
    assert not clean.chrome_anywhere("The timetable was copied from an older one by the harbour office.")
    assert not clean.chrome_anywhere("He lost his place in the queue for the ferry.")


def test_a_wiki_projects_banner_a_tip_line_and_a_row_of_bracketed_buttons_are_chrome():
    assert clean.chrome_anywhere("★ Good article · This article is within the scope of the Northern Ferries project")
    assert clean.chrome_anywhere("Have a tip about the harbour? Send it to us securely: Signal +47 900 00 000, or our "
                                 "encrypted drop box. We never reveal our sources.")
    assert clean.chrome_anywhere("Ask for a callback:   ( Tue 10:00 )   ( Tue 14:30 )   ( Wed 09:00 )")
    assert not clean.chrome_anywhere("The skipper had a tip for the inspectors: look under the nets.")
    assert not clean.chrome_anywhere("The ferry ( the old one ) sails ( weather permitting ) every day.")
    # a wire story's text spaces its brackets, with words between them
    assert not clean.chrome_anywhere("Nils Brand ( Norway ) beat 4 - Jo Lind ( Sweden ) 7-6 ( 7-4 ) 6-2")
    assert not clean.chrome_anywhere("This article is about the winter ferry.")


def test_a_players_and_apps_own_lines_are_chrome():
    for line in ("Rate this episode   ☆ ☆ ☆ ☆ ☆     4.7 from 2,310 ratings", "★ 4.6 from 312 reviews",
                 "Comments are off for ferry news during the storm season.", "▲ back to the start of the report",
                 "Up next in 5 s ▸ The new quay from the air (1:12)      ✕ Cancel",
                 "[ picture could not be loaded — tap to try again ]", "Photo of step 4 hidden to save data ∙ tap to load (210 KB)"):
        assert clean.chrome_anywhere(line), line
    for line in ("The inn scored 4.8 from 1,204 reviews on a booking site last year, the owner said.",
                 "Go back to the start of the trail and turn left at the bridge.",
                 "Comments from readers were read out at the meeting."):
        assert not clean.chrome_anywhere(line), line
