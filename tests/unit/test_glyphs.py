"""A PDF segment's character boxes: a span gets the box of just its own characters, exactly as the reader gave them."""

from __future__ import annotations

import random

from workers.models import Glyphs


def test_a_span_gets_the_box_around_its_own_characters_only():
    # Two lines: "ab" on the first (y 700-710), "cd" on the second (y 680-690); offset 2 is the line break, not drawn.
    g = Glyphs.of([(0, 10.0, 700.0, 15.0, 710.0), (1, 15.0, 700.0, 20.5, 710.0), (3, 10.0, 680.0, 14.0, 690.0), (4, 14.0, 680.0, 19.25, 690.0)])
    assert g.box(0, 2) == [10.0, 700.0, 20.5, 710.0]
    assert g.box(1, 4) == [10.0, 680.0, 20.5, 710.0]
    assert g.box(3, 5) == [10.0, 680.0, 19.25, 690.0]
    assert g.box(2, 3) is None and g.box(5, 9) is None


def test_boxes_to_a_hundredth_of_a_point_come_back_exactly():
    rnd = random.Random(5)
    rows = [(i, round(rnd.uniform(0, 14_400), 2), round(rnd.uniform(0, 14_400), 2), round(rnd.uniform(0, 14_400), 2),
             round(rnd.uniform(0, 14_400), 2)) for i in range(5_000)]
    g = Glyphs.of(rows)
    assert g.rows() == rows
    for _ in range(200):
        a = rnd.randrange(5_000)
        b = rnd.randrange(a + 1, 5_001)
        inside = rows[a:b]
        assert g.box(a, b) == [min(r[1] for r in inside), min(r[2] for r in inside), max(r[3] for r in inside), max(r[4] for r in inside)]


def test_joined_parts_are_in_offset_order_and_moved_by_the_shift():
    right = Glyphs.of([(5, 50.0, 1.0, 55.0, 2.0), (6, 55.0, 1.0, 60.0, 2.0)])
    left = Glyphs.of([(0, 0.0, 1.0, 5.0, 2.0)])
    joined = Glyphs.join([right, left], 100)
    assert [r[0] for r in joined.rows()] == [100, 105, 106]
    assert joined.box(105, 107) == [50.0, 1.0, 60.0, 2.0]
    assert len(joined) == 3 and len(Glyphs.join([])) == 0


def test_glyphs_compare_by_content():
    assert Glyphs.of([(1, 1.0, 2.0, 3.0, 4.0)]) == Glyphs.of([(1, 1.0, 2.0, 3.0, 4.0)])
    assert Glyphs.of([(1, 1.0, 2.0, 3.0, 4.0)]) != Glyphs.of([(1, 1.0, 2.0, 3.0, 4.5)])
