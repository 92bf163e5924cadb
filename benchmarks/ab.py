#!/usr/bin/env python3
"""A/B runs of the service under experimental variants, interleaved, for sizing a proposal.

    .venv/bin/python benchmarks/ab.py [--pages N] [--steady-seconds S] [--rounds R] [--workers W] CASE...

Each CASE is ``label=variant[+variant][@NAME=VALUE,...]`` or ``base``, e.g.
``base noevents=noevents writetask=writetask settle0.1=@PAGEMILL_SETTLE_SECONDS=0.1``.
Cases run in turn, round after round (so drifting load on the machine hits
them alike); the medians per case are printed and written with ``--json``.
Variants are the patches in ``benchmarks/variants/`` (see its docstring): the
figures describe a proposal, not pagemill as shipped.
"""

from __future__ import annotations

import argparse
import json
import os
import secrets
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from benchmarks.throughput_parts.common import DEFAULT_CORPUS, log  # noqa: E402
from benchmarks.throughput_parts.load import run_service  # noqa: E402
from benchmarks.throughput_parts.pages import corpus_files, make_pages  # noqa: E402
from benchmarks.throughput_parts.service import MODES, check_variants  # noqa: E402


def parse_case(text: str) -> tuple[str, str | None, dict[str, str]]:
    label, _, spec = text.partition("=") if "=" in text.split("@", 1)[0] else (text, "", "")
    variant, _, envs = spec.partition("@")
    env = dict(e.split("=", 1) for e in envs.split(",") if e)
    check_variants(variant)
    return label, variant.replace("+", ",") or None, env


def med(xs):
    xs = [x for x in xs if x is not None]
    return round(statistics.median(xs), 2) if xs else None


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("cases", nargs="+")
    ap.add_argument("--pages", type=int, default=60)
    ap.add_argument("--steady-seconds", type=float, default=8.0)
    ap.add_argument("--rate", type=float, default=5.0)
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--json", type=Path)
    args = ap.parse_args()
    cases = [parse_case(c) for c in args.cases]
    files = corpus_files(DEFAULT_CORPUS)
    root = Path(tempfile.mkdtemp(prefix="pagemill-ab-"))
    results: dict[str, list[dict]] = {c[0]: [] for c in cases}
    try:
        for r in range(args.rounds):
            for label, variant, env in cases:
                run = secrets.token_hex(3)
                ns = argparse.Namespace(broker=None, variant=variant, env=env)
                log(f"round {r + 1}: {label} (variant {variant}, env {env})")
                try:
                    res = run_service(
                        root / f"{label}-{r}", args.workers, make_pages(files, args.pages, "b", run),
                        make_pages(files, 3 * args.workers, "w", run, start=7), make_pages(files, 1, "r", run, start=3)[0],
                        make_pages(files, round(args.rate * args.steady_seconds), "s", run, start=args.pages), args.rate, ns,
                    )
                except Exception as exc:  # noqa: BLE001 - one broken case must not lose the others' figures
                    log(f"  {label} failed: {exc!r}"[:2000])
                    continue
                results[label].append(res)
    finally:
        shutil.rmtree(root, ignore_errors=True)
    rows = []
    for label, runs in results.items():
        if not runs:
            continue
        b = [x["burst"] for x in runs]
        s = [x["steady"] for x in runs]
        roles = sorted({k for x in b for k in x["cpu_ms_per_page_by_role"]})
        rows.append({
            "case": label,
            "pages_per_s": med(x["pages_per_s"] for x in b),
            "pages_per_s_by_round": [x["pages_per_s"] for x in b],
            "pool_busy_share": med(x.get("pool_busy_share") for x in b),
            "pool_busy_share_by_round": [x.get("pool_busy_share") for x in b],
            "cpu_ms_per_page": med(x["cpu_ms_per_page_total"] for x in b),
            "cpu_by_role": {k: med(x["cpu_ms_per_page_by_role"].get(k) for x in b) for k in roles},
            "stages_ms_sum": med(sum(x["stages_ms"].values()) for x in b),
            "steady_p50_ms": med(x["latency"]["p50_ms"] for x in s),
            "steady_p95_ms": med(x["latency"]["p95_ms"] for x in s),
            "steady_p50_ms_by_mode": {m: med(x["latency_by_mode"][m]["p50_ms"] for x in s) for m in MODES},
            "steady_parts_ms_by_mode": {m: {k: med(((x.get("latency_parts_ms") or {}).get(m) or {}).get(k) for x in s)
                                            for k in ("inbox_to_queued", "in_watcher", "in_queue", "compute", "hops", "pool_wait")} for m in MODES},
            "burst_parts_ms_by_mode": {m: {k: med(((x.get("latency_parts_ms") or {}).get(m) or {}).get(k) for x in b)
                                           for k in ("inbox_to_queued", "in_watcher", "in_queue", "compute", "pool_wait")} for m in MODES},
            "up_first_record_s": med(x["up"]["first_record_s"] for x in runs),
            "up_first_page_drop_to_record_s": med(x["up"]["first_page_drop_to_record_s"] for x in runs),
            "warmup_ms": [x["warmup_latency_ms"] for x in runs],
            "worker_peak_rss_mb": med(x["memory"]["worker_process_peak_rss_mb"] for x in runs),
            "tree_peak_pss_mb": med(x["memory"]["tree_peak_pss_mb"] for x in runs),
        })
    print(f"A/B: {args.rounds} rounds, {args.pages} burst pages, {args.steady_seconds:g} s at {args.rate:g}/s, {args.workers} workers; load now {os.getloadavg()[0]:.1f}")
    for row in rows:
        print(json.dumps(row))
    if args.json:
        args.json.write_text(json.dumps({"args": vars(args) | {"json": str(args.json)}, "rows": rows, "raw": results}, indent=1, default=str))
    return 0


if __name__ == "__main__":
    sys.exit(main())
