"""The record size benchmark runs on a few pages and reports its figures under ``summary``.

Completeness only: the size rule itself is checked by tests/unit/test_record_size.py.
"""

from __future__ import annotations

import pytest

from tests.bench.conftest import run_benchmark

pytestmark = pytest.mark.integration


@pytest.mark.timeout(300)
def test_record_size_reports_ratios_and_where_the_bytes_go(tmp_path):
    doc, stdout = run_benchmark("record_size.py", ["--limit", "2", "--big-mb", "0.02"], tmp_path / "record_size.json")
    summary = doc["summary"]
    assert summary["pages"] >= 1 and summary["ratio_median"] > 0 and summary["big_ratio"] > 0
    assert summary["big_page_bytes"] >= 10_000
    assert doc["big_by_path"]["segments[].text"] > 0 and doc["big_by_path"]["text"] > 0
    assert "segments[].text" in stdout
