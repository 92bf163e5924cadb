"""Caption labels in many languages and shapes: a label word from ``caption_labels`` with a number after it.

Every line here is written for the test.
"""

from __future__ import annotations

import pytest

from tests.unit.test_classify import classified
from workers.knowledge.lexicon import page_words
from workers.stages import process_bytes
from workers.stages.classify import is_caption_text


@pytest.mark.parametrize(
    "line",
    [
        "Listing 3: Reading the tide table in Python",
        "Exhibit 4 Dues paid by the ferry company",
        "Box 2.1 What the harbour board does",
        "Source 1: Harbour board accounts",
        "Chart 5 - Ships calling each month",
        "Plate IV. The old lighthouse",
        "Table A.3 Dues by size of ship",
        "Figure S2 Depth of the channel",
        "Abbildung 3: Der alte Hafen",
        "Abb. 12 Der Leuchtturm",
        "Tabelle 2.4 Gebühren",
        "Tab. 7 Schiffe im Hafen",
        "Figura 2 El puerto viejo",
        "Tabla 3-1 Tasas portuarias",
        "Tableau 5 : Navires au port",
        "Figuur 6 De haven",
        "Tabel 1 Havengelden",
        "Рисунок 4 — Старый порт",
        "Рис. 8. Маяк",
        "Таблица 2 Сборы",
        "图 3 旧港口",
        "表2-1 港口费用",
        "図5 灯台",
        "그림 2 옛 항구",
        "표 6 항만 요금",
        "사진 1 등대",
        "도표 3-2 입항 선박",
        "شكل 2: الميناء القديم",
        "جدول 4 رسوم الميناء",
        # In brackets, and numbered with letters, dots and dashes
        "[표 3] 항만 요금 비교",
        "[그림 7-2] 입항 선박 추이",
        "【図4】 港の地図",
        "<표 1> 연도별 선박 수",
        "(Figure 9) The quay at dawn",
        "TABLE II. DUES BY SHIP SIZE",
    ],
)
def test_a_numbered_label_in_any_language_is_a_caption(line):
    assert is_caption_text(line)


@pytest.mark.parametrize(
    "line",
    [
        "Table salt is shipped from the north quay every week.",
        "Figure skating lessons start at the ice rink in May.",
        "Box office takings at the harbour cinema rose again.",
        "Map a route to the quay before the tide turns.",
        "Source code for the tide tables is published online.",
        "Graph paper and pencils are sold at the harbour shop.",
        "Plate glass windows were fitted to the harbour office.",
        "Listing prices for the moorings went up this spring.",
        "Image I made of the new moorings is on the board's website.",
        "Figure A shows how the channel silts up each winter.",
        "Tablet 3 was found near the old quay wall.",
        "표준 요금은 작년과 같다.",
        "그림 1은 항구의 모습이다.",
        "The dues are in Table 2 of the board's report.",
    ],
)
def test_a_sentence_that_only_starts_with_a_label_word_is_no_caption(line):
    assert not is_caption_text(line)


def test_the_label_words_are_a_data_list():
    labels = page_words("caption_labels")
    assert {"figure", "table", "listing", "abbildung", "abb.", "рис.", "그림", "표", "図"} <= labels
    assert all(w == w.lower() for w in labels)


def test_a_code_listings_label_in_a_markdown_page_is_a_caption():
    page = (
        "# Tide tables\n\nThe harbour board publishes the tides each week.\n\n"
        "Listing 2: Reading the tide table\n\n```\nprint(open('tides.txt').read())\n```\n\n"
        "[표 3] 항만 요금 비교\n\n"
        "Table salt is shipped from the north quay every week.\n"
    )
    rec = process_bytes(page.encode(), "tides.md")
    roles = {s.text: s.role for s in rec.segments}
    assert roles["Listing 2: Reading the tide table"] == "caption"
    assert roles["[표 3] 항만 요금 비교"] == "caption"
    assert roles["Table salt is shipped from the north quay every week."] == "paragraph"


def test_a_labelled_line_in_a_text_page_is_a_caption():
    page = classified(
        "Harbour report\n\nThe board met on Tuesday and agreed the dues for the coming year.\n\n"
        "Abbildung 4: Der alte Hafen im Winter\n\nThe dues rise by a tenth for large ships.\n"
    )
    assert [s.role for s in page.segments] == ["heading", "paragraph", "caption", "paragraph"]
