"""The throughput benchmark runs end to end at its smoke size and reports every figure.

Only completeness is checked, never speed: timings on a shared CI machine say
nothing, and the benchmark itself is where speed is shown.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.conftest import CORPUS, REPO

pytestmark = pytest.mark.integration

SUMMARY_KEYS = [
    "throughput_pages_per_s", "limit_pages_per_s", "ratio", "ratio_1_worker",
    "pagemill_ms_per_page_1_process", "peer_ms_per_page", "vs_peer",
    "steady_p50_ms", "steady_p95_ms", "steady_p99_ms", "burst_p50_ms", "burst_p95_ms", "burst_p99_ms",
    "throughput_1_worker", "scaling", "limit_scaling", "worker_peak_rss_mb", "tree_peak_rss_mb", "tree_peak_pss_mb", "up_to_ready_s",
]

TABLE_LABELS = [
    "Throughput, service", "Limit: pagemill process", "Ratio service / limit", "pagemill ms/page, 1 process",
    "Peer: spaCy sm full pipeline", "pagemill / peer", "Latency at 5 pages/s", "Latency in a burst",
    "Throughput, 1 worker", "Scaling", "Stage clean", "Stage segment", "Stage classify", "Stage annotate",
    "Task process", "Worker processes busy", "Stage write", "CPU ms/page, all processes", "Peak RSS per worker process", "Peak RSS of the whole tree",
    "pagemill up -> first record",
]


@pytest.mark.timeout(240)
def test_smoke_run_prints_and_writes_every_figure(tmp_path):
    if not list(CORPUS.glob("*/pages/*.txt")):
        pytest.skip(f"no corpus pages under {CORPUS}")
    out = tmp_path / "bench.json"
    proc = subprocess.run(
        # The tests' corpus: the shared one, or the reference page kept with the tests in a bare clone.
        [sys.executable, str(REPO / "benchmarks" / "throughput.py"), "--smoke", "--corpus", str(CORPUS), "--json", str(out)],
        cwd=tmp_path, capture_output=True, text=True, timeout=230,
    )
    assert proc.returncode == 0, proc.stderr[-4000:]
    for label in TABLE_LABELS:
        assert label in proc.stdout, f"{label!r} missing from the table:\n{proc.stdout}"
    assert "n/a" not in proc.stdout, proc.stdout

    res = json.loads(out.read_text())
    summary = res["summary"]
    for key in SUMMARY_KEYS:
        assert isinstance(summary.get(key), (int, float)), f"{key} = {summary.get(key)!r}"
    assert set(summary["targets"]) == {"ratio", "vs_peer", "steady_p50_ms", "steady_p95_ms", "scaling", "worker_peak_rss_mb", "up_to_ready_s"}
    burst = res["service"]["2"]["burst"]
    assert burst["outcomes"] == {"record": burst["pages"]}
    assert set(burst["stages_ms"]) >= {"clean", "segment", "classify", "annotate"}
    # The service's own worker owns the outbox: one task per page, which files the record too.
    assert set(burst["task_ms"]) == {"process"}
    assert 0 < burst["pool_busy_share"] <= 1
    assert res["write_cpu_ms"] is not None
    assert res["peer"]["pipeline"][-1] == "ner" and "parser" in res["peer"]["pipeline"]
