"""The record size benchmark runs on a few pages and reports its figures under ``summary``.

Completeness only: the size rule itself is checked by tests/unit/test_record_size.py.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.conftest import CORPUS, REPO

pytestmark = pytest.mark.integration


@pytest.mark.timeout(300)
def test_record_size_reports_ratios_and_where_the_bytes_go(tmp_path):
    if not list(CORPUS.glob("*/pages/*.txt")):
        pytest.skip(f"no corpus pages under {CORPUS}")
    out = tmp_path / "record_size.json"
    proc = subprocess.run(
        [sys.executable, "benchmarks/record_size.py", "--limit", "2", "--big-mb", "0.02", "--corpus", str(CORPUS), "--json", str(out)],
        cwd=REPO, capture_output=True, text=True, timeout=280,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    doc = json.loads(out.read_text())
    summary = doc["summary"]
    assert summary["pages"] >= 1 and summary["ratio_median"] > 0 and summary["big_ratio"] > 0
    assert summary["big_page_bytes"] >= 10_000
    assert doc["big_by_path"]["segments[].text"] > 0 and "text" not in doc["big_by_path"]
    assert "segments[].text" in proc.stdout
