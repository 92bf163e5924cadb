#!/usr/bin/env python3
"""Median of several ``throughput.py --json`` runs, figure by figure, with each run's value beside it.

    .venv/bin/python benchmarks/median.py run1.json run2.json run3.json [--markdown]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from benchmarks.throughput_parts.report import TARGETS, verdict  # noqa: E402

LABELS = {
    "throughput_pages_per_s": "throughput, service, pages/s",
    "limit_pages_per_s": "limit (pagemill process, same processes), pages/s",
    "ratio": "ratio service / limit",
    "ratio_1_worker": "ratio service / limit, 1 worker",
    "pagemill_ms_per_page_1_process": "pagemill ms/page, 1 process",
    "peer_ms_per_page": "spaCy en_core_web_sm full pipeline ms/page",
    "vs_peer": "pagemill / spaCy",
    "steady_p50_ms": "latency p50 at 5 pages/s, ms",
    "steady_p95_ms": "latency p95 at 5 pages/s, ms",
    "steady_p99_ms": "latency p99 at 5 pages/s, ms",
    "burst_p50_ms": "latency p50 in the burst, ms",
    "burst_p95_ms": "latency p95 in the burst, ms",
    "burst_p99_ms": "latency p99 in the burst, ms",
    "throughput_1_worker": "throughput, 1 worker, pages/s",
    "scaling": "scaling 2 workers / 1 worker",
    "limit_scaling": "scaling of the limit, process -j 2 / -j 1",
    "worker_peak_rss_mb": "peak RSS per worker process, MB",
    "tree_peak_rss_mb": "peak RSS of the tree (sum), MB",
    "tree_peak_pss_mb": "peak PSS of the tree (sum), MB",
    "up_to_ready_s": "pagemill up to first record, s",
}


def num(v) -> str:
    # a figure a run left out (the peer with --skip-peer) is null in its JSON
    return "n/a" if v is None else f"{v:,.2f}"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("files", nargs="+", type=Path)
    ap.add_argument("--markdown", action="store_true")
    args = ap.parse_args()
    runs = [json.loads(f.read_text())["summary"] for f in args.files]
    rows = []
    for key, label in LABELS.items():
        vals = [r.get(key) for r in runs]
        good = [v for v in vals if v is not None]
        m = statistics.median(good) if good else None
        target = ""
        if key in TARGETS:
            _, op, t = TARGETS[key]
            target = f"{op} {t:g}: {verdict(key, m)}"
        rows.append((label, m, vals, target))
    if args.markdown:
        print(f"| measure | median of {len(runs)} | runs | target |")
        print("| --- | --- | --- | --- |")
        for label, m, vals, target in rows:
            print(f"| {label} | {num(m)} | {' / '.join(num(v) for v in vals)} | {target} |")
    else:
        w = max(len(r[0]) for r in rows)
        for label, m, vals, target in rows:
            print(f"{label:<{w}}  {num(m):>10}   [{' '.join(num(v) for v in vals)}]  {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
