"""Site chrome of the thirteenth round: live-score tickers, a page's review dates, a chat assistant's greeting, a
prompt to scan a code, a wiki's note on other pages of the same name, an open work's attribution statement, and a
station's note that its listeners pay for it. Beside each, the content it must not take.

Every line here was written for these tests; none is taken from a gold page or a check set.
"""

from __future__ import annotations

import importlib

import pytest

from tests.unit.page_roles import BODY, FOOTER, TITLE, role_of

clean = importlib.import_module("workers.stages.clean")


@pytest.mark.parametrize("line", [
    "LIVE ▸  NOR 2–1 EST 67'   •   FIN 0–0 SWE HT   •   DEN v ISL 20:45",
    "Scores: Harbour Rovers 3-1 Quay Athletic  |  Port Wanderers 0-2 Saltmarsh Town",
    "Page checked: 4 June 2025  ·  Next review: June 2026",
    "💬 Hello! I'm Pip, the Harbour Line's travel helper. Ask me about ferries ›",
    "Hi there, I'm Moss, your virtual assistant. What can I find for you?",
    "▣ Scan the QR code to keep this timetable on your phone",
    "This article is about the ferry company. For the ship, see Ferryman (ship).",
    "Attribution: 'Reef Studies' by the Open Shores team, CC BY 4.0. Photos adapted from a public archive.",
    "Harbour FM is listener-supported. £3 a month keeps the morning show going.",
    "Keep the newsletter free for everyone   → Donate today",
])
def test_tickers_greetings_review_dates_and_attributions_are_chrome_anywhere(line):
    assert clean.chrome_anywhere(line) is not None


@pytest.mark.parametrize("line", [
    "Harbour Rovers 3-1 Quay Athletic",
    "The Rovers won 3-1 at home, and the Athletic lost 0-2 away.",
    "Results: Harbour Rovers beat Quay Athletic 3-1 on Saturday.",
    "The board reviewed the timetable last May; the next review is due in 2027.",
    "I'm Tomas, the harbour master's assistant, and I keep the tide book.",
    "HOST: Hello, I'm Ana, your guide for this walk. Can you hear the gulls?",
    "Scan the horizon for the ferry's lights before you leave the quay.",
    "This article is about the ferry that sank in 1953, and about the families who waited for news.",
    "Photo: Ana Lima, CC BY 2.0",
    "The station is listener-supported, said its founder, and it always will be.",
])
def test_the_texts_lines_that_share_their_words_are_not_chrome(line):
    assert clean.chrome_anywhere(line) is None


def test_a_live_score_ticker_and_the_bare_menu_under_it_are_chrome_at_the_top():
    text = ("HARBOUR SPORT  ·  results and tables\n"
            "LIVE ▸  Rovers 1–0 Athletic 58'   •   Wanderers 2–2 Saltmarsh FT   •   Basketball: Gulls 71–64 Kings Q4\n"
            "Home   Football   Basketball   Sailing   Results   Tables\n\n" + TITLE + BODY + FOOTER)
    assert role_of(text, "LIVE") == "furniture"
    assert role_of(text, "Sailing Results") == "furniture"
    assert role_of(text, "Harbour board adds") != "furniture"
