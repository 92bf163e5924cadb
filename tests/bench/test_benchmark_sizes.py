"""The size benchmark runs at a tiny size and reports every figure under ``summary``.

Only completeness is checked, never speed (the benchmark is where speed is shown).
"""

from __future__ import annotations

import pytest

from tests.bench.conftest import run_benchmark

pytestmark = pytest.mark.integration


@pytest.mark.timeout(300)
def test_size_mode_reports_the_cost_curve_hostile_pages_and_peak_rss(tmp_path):
    doc, stdout = run_benchmark("sizes.py", ["--sizes", "3,10", "--hostile-kb", "5", "--big-kb", "5"], tmp_path / "sizes.json")
    summary = doc["summary"]
    assert set(summary["ms_per_kb_cpu"]) == {"3KB", "10KB"} and all(v > 0 for v in summary["ms_per_kb_cpu"].values())
    assert set(summary["hostile_s_per_100kb_cpu"]) == {"long_word", "one_word_again", "brackets", "punctuation", "short_words", "capitalised", "standings", "no_newline",
                                                          "one_block_repairs",
                                                          "pdf_many_pages", "pdf_one_block", "docx_paragraphs"}
    assert all(v is not None for v in summary["hostile_s_per_100kb_cpu"].values())
    # files near the page limit (here 5 KB), for peak memory
    assert set(summary["big_peak_rss_mb"]) == {"corpus_text", "pdf_many_pages", "docx_paragraphs", "markdown_table", "html_table"}
    assert all(v and v > 0 for v in summary["big_peak_rss_mb"].values()) and "near the limit:" in stdout
    assert summary["peak_rss_mb_max"] > 0 and summary["largest_over_smallest_ms_per_kb"] > 0
    assert "ms per KB" in stdout and "peak RSS" in stdout


@pytest.mark.timeout(300)
def test_a_page_over_the_page_limit_is_marked_and_left_out_of_the_rss_target(tmp_path):
    # a limit between the sizes (the pages are cut at a paragraph: 3 KB is 1.5-3 KB, 10 KB is 5-10 KB): the 10 KB
    # page is over it, as the 3 MB page is over the default 2 MB, the hostile pages of 3 KB within it
    doc, stdout = run_benchmark("sizes.py", ["--sizes", "3,10", "--hostile-kb", "3", "--big-kb", "3"], tmp_path / "sizes.json",
                                env={"PAGEMILL_MAX_PAGE_BYTES": "4000"})
    summary = doc["summary"]
    assert summary["page_limit_bytes"] == 4000
    assert summary["over_limit_limit_raised"] == ["10KB"]
    assert "10KB" in summary["ms_per_kb_cpu"] and summary["ms_per_kb_cpu"]["10KB"] > 0  # still measured
    assert summary["peak_rss_mb_max_within_limit"] > 0 and "rss_le_400_mb_within_limit" in summary["targets"]
    assert "limit raised for this row" in stdout and "too_large error record" in stdout
