"""A 2 MB page's record is at most four times the page (issue 13), through the real stages.

Slow (the model reads 2 MB: about a minute of CPU), so it runs with the
integration tests; tests/unit/test_record_size.py checks the same rule on
smaller pages of the same text.
"""

from __future__ import annotations

import pytest

from tests.unit.test_record_size import _big_page, _ratio

pytestmark = pytest.mark.integration


@pytest.mark.timeout(900)
def test_a_two_megabyte_pages_record_is_at_most_four_times_the_page():
    data = _big_page(2_000_000)
    assert len(data) >= 2_000_000
    assert _ratio(data, "two-megabytes.txt") <= 4.0
