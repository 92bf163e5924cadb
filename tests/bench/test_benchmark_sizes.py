"""The size benchmark runs at a tiny size and reports every figure under ``summary``.

Only completeness is checked, never speed (the benchmark is where speed is shown).
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.conftest import CORPUS, REPO

pytestmark = pytest.mark.integration


@pytest.mark.timeout(300)
def test_size_mode_reports_the_cost_curve_hostile_pages_and_peak_rss(tmp_path):
    if not list(CORPUS.glob("*/pages/*.txt")):
        pytest.skip(f"no corpus pages under {CORPUS}")
    out = tmp_path / "sizes.json"
    proc = subprocess.run(
        [sys.executable, "benchmarks/sizes.py", "--sizes", "3,10", "--hostile-kb", "5", "--corpus", str(CORPUS), "--json", str(out)],
        cwd=REPO, capture_output=True, text=True, timeout=280,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    summary = json.loads(out.read_text())["summary"]
    assert set(summary["ms_per_kb_cpu"]) == {"3KB", "10KB"} and all(v > 0 for v in summary["ms_per_kb_cpu"].values())
    assert set(summary["hostile_s_per_100kb_cpu"]) == {"long_word", "brackets", "punctuation", "capitalised", "no_newline", "one_block_repairs"}
    assert all(v is not None for v in summary["hostile_s_per_100kb_cpu"].values())
    assert summary["peak_rss_mb_max"] > 0 and summary["largest_over_smallest_ms_per_kb"] > 0
    assert "ms per KB" in proc.stdout and "peak RSS" in proc.stdout
