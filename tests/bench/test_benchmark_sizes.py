"""The size benchmark runs at a tiny size and reports every figure under ``summary``.

Only completeness is checked, never speed (the benchmark is where speed is shown).
"""

from __future__ import annotations

import pytest

from tests.bench.conftest import run_benchmark

pytestmark = pytest.mark.integration


@pytest.mark.timeout(300)
def test_size_mode_reports_the_cost_curve_hostile_pages_and_peak_rss(tmp_path):
    doc, stdout = run_benchmark("sizes.py", ["--sizes", "3,10", "--hostile-kb", "5"], tmp_path / "sizes.json")
    summary = doc["summary"]
    assert set(summary["ms_per_kb_cpu"]) == {"3KB", "10KB"} and all(v > 0 for v in summary["ms_per_kb_cpu"].values())
    assert set(summary["hostile_s_per_100kb_cpu"]) == {"long_word", "brackets", "punctuation", "capitalised", "no_newline", "one_block_repairs"}
    assert all(v is not None for v in summary["hostile_s_per_100kb_cpu"].values())
    assert summary["peak_rss_mb_max"] > 0 and summary["largest_over_smallest_ms_per_kb"] > 0
    assert "ms per KB" in stdout and "peak RSS" in stdout
