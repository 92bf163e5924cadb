#!/usr/bin/env python3
"""Throughput benchmark: pagemill measured through the running service, beside its limit and a peer.

    .venv/bin/python benchmarks/throughput.py [--quick | --smoke] [--pages N] [--json FILE] [--broker URL]

What it does, in one run (every phase alone on the machine, one after another):

1. ``pagemill up --no-dashboard -c 2`` in a fresh folder (embedded broker on a
   free port, or ``--broker URL``). Time from the command to the watcher taking
   a first page, and to that page's record ("up to ready").
2. A warm-up of a few pages (each worker process's first page pays one-off
   loading; that is reported, not mixed into the steady figures).
3. Burst: N unique pages dropped as fast as possible, in turn written in place,
   renamed from a hidden name in the inbox, and moved in from another folder. Throughput = N / (first drop .. last record);
   latency = drop .. record for each page.
4. Steady: pages offered at ``--rate`` pages/s for ``--steady-seconds``;
   latency p50/p95/p99, overall and by how the page arrived, and where it goes
   (from the worker's log: inbox to queued, compute, hops between tasks).
5. The same as 1-3 with one worker process (scaling).
6. Limit: the same pages through ``pagemill process -j 2`` and ``-j 1`` (no
   broker, watcher or Celery); ratio = service throughput / limit. ``-j 1``
   also gives pagemill's own ms per page in one process.
7. Peer: spaCy ``en_core_web_sm``, full pipeline, alone on the same pages.

Memory is sampled (psutil) over every process of the service tree; the kernel's
own high-water mark (VmHWM) gives each process's peak RSS. Per-stage times come
from the records (``pipeline.stages_ms``) and, for every task, from Celery's
"succeeded in" log lines (``process`` runs the four stages and, on the host that
owns the outbox, as here, files the record; a ``write`` task appears only when
another host's worker computed the page).

Sizes: default (a few minutes), ``--quick`` (about 200 pages, under a minute on
an idle 2-core machine), ``--smoke`` (CI: checks that everything runs).

``--variant NAME`` runs the service with an experimental patch from
``benchmarks/variants/`` (for measuring a proposal); the figures are then not
pagemill as shipped and the output says so.

The parts live in ``benchmarks/throughput_parts/`` (see its ``__init__``);
this file holds the sizes, the command line and the order of the phases.
"""

from __future__ import annotations

import argparse
import json
import os
import secrets
import shutil
import sys
import tempfile
import time
from pathlib import Path

# run as a script: make ``benchmarks`` (the parts) and ``workers`` (write_cpu_ms) importable
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.throughput_parts.common import DEFAULT_CORPUS, git_state, log, machine  # noqa: E402
from benchmarks.throughput_parts.limits import run_peer, run_process, write_cpu_ms  # noqa: E402
from benchmarks.throughput_parts.load import run_service  # noqa: E402
from benchmarks.throughput_parts.pages import corpus_files, make_pages  # noqa: E402
from benchmarks.throughput_parts.report import summarise, table  # noqa: E402
from benchmarks.throughput_parts.service import check_variants  # noqa: E402

SIZES = {
    # burst pages at 2 workers, steady seconds; the 1-worker burst, -j 1 limit and peer use half the pages
    # warm: pages per worker process before measuring (its first page pays one-off loading)
    "default": {"pages": 300, "steady_seconds": 30.0, "warm": 3},
    "quick": {"pages": 60, "steady_seconds": 5.0, "warm": 3},
    "smoke": {"pages": 12, "steady_seconds": 2.0, "warm": 1},
}


def parse_args(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter)
    size = ap.add_mutually_exclusive_group()
    size.add_argument("--quick", action="store_true", help="about 200 pages in all; under a minute on 2 idle cores")
    size.add_argument("--smoke", action="store_true", help="tiny: for CI, checks only that every figure is produced")
    ap.add_argument("--pages", type=int, help="pages in the 2-worker burst (the 1-worker burst, -j 1 limit and peer use half)")
    ap.add_argument("--steady-seconds", type=float, help="how long pages are offered at --rate")
    ap.add_argument("--rate", type=float, default=5.0, help="steady offered load, pages/s (default 5)")
    ap.add_argument("--workers", type=int, default=2, help="worker processes of the main run (default 2; scaling compares with 1)")
    ap.add_argument("--json", type=Path, help="write every figure here as JSON")
    ap.add_argument("--broker", help="redis:// URL of an existing broker instead of the embedded one (it is not flushed)")
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="folder with */pages/*.txt")
    ap.add_argument("--workdir", type=Path, help="keep the run's folders and logs here (default: a temporary folder, removed)")
    ap.add_argument("--env", action="append", default=[], metavar="PAGEMILL_X=V", help="extra setting for the service, e.g. PAGEMILL_SETTLE_SECONDS=0.1")
    ap.add_argument("--variant", help="experimental service patch from benchmarks/variants/ (figures are then not pagemill as shipped)")
    ap.add_argument("--skip-peer", action="store_true", help="leave out the spaCy peer (its figures are then null); for runs that compare the service with itself")
    args = ap.parse_args(argv)
    preset = SIZES["smoke" if args.smoke else "quick" if args.quick else "default"]
    args.pages = args.pages or preset["pages"]
    args.warm = preset["warm"]
    args.steady_seconds = preset["steady_seconds"] if args.steady_seconds is None else args.steady_seconds
    args.env = [tuple(e.split("=", 1)) for e in args.env]
    if any(len(e) != 2 for e in args.env):
        ap.error("--env takes NAME=VALUE")
    if args.workers < 2:
        ap.error("--workers must be at least 2 (the scaling figure compares with 1)")
    if args.pages < 4:
        ap.error("--pages must be at least 4")
    if args.variant:
        check_variants(args.variant)  # before any folder is made: a typo must not measure the shipped code twice
    return args


def main(argv=None) -> int:
    args = parse_args(argv)
    t_begin = time.time()
    run = secrets.token_hex(3)
    files = corpus_files(args.corpus)
    root = Path(tempfile.mkdtemp(prefix="pagemill-bench-")) if args.workdir is None else args.workdir
    root.mkdir(parents=True, exist_ok=True)
    w = args.workers
    n2, n1 = args.pages, max(2, args.pages // 2)
    n_steady = max(1, round(args.rate * args.steady_seconds)) if args.steady_seconds > 0 else 0

    cmdline = " ".join(["benchmarks/throughput.py", *(argv if argv is not None else sys.argv[1:])])
    res: dict = {
        "command": cmdline,
        "started_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(t_begin)),
        "machine": machine(),
        "code": git_state(),
        "variant": args.variant,
        "env": dict(args.env),
        "settings": {"workers": w, "rate": args.rate, "steady_seconds": args.steady_seconds, "pages": n2, "pages_1_worker": n1,
                     "settle_seconds": float(dict(args.env).get("PAGEMILL_SETTLE_SECONDS", os.environ.get("PAGEMILL_SETTLE_SECONDS", 0.5)))},
        "corpus_pages": len(files),
        "service": {}, "limit": {},
    }
    if args.variant:
        log(f"VARIANT {args.variant}: the service runs with an experimental patch; these are not pagemill's shipped figures")
    try:
        # Same pages for the service and its limit; the 1-worker run uses the first half of the 2-worker pages' sources.
        burst2 = make_pages(files, n2, "b", run)
        burst1 = make_pages(files, n1, "c", run)
        steady = make_pages(files, n_steady, "s", run, start=n2) if n_steady else None
        # Each service run is followed at once by its limit over the same pages: a shared machine's speed drifts
        # over minutes (process -j 2 gave 20 and 33 pages/s in two runs of one quiet hour), and a ratio of two
        # figures taken minutes apart measured that drift as much as the service.
        for workers, burst, st in ((w, burst2, steady), (1, burst1, None)):
            res["service"][str(workers)] = run_service(
                root / f"service-{workers}", workers, burst,
                make_pages(files, args.warm * workers, f"w{workers}x", run, start=7), make_pages(files, 1, f"r{workers}x", run, start=3)[0],
                st, args.rate, args,
            )
            if workers == w:
                res["write_cpu_ms"] = write_cpu_ms(
                    [json.loads(p.read_text()) for p in sorted((root / f"service-{w}" / "outbox").glob("b*.json"))[:50]], root
                )
            log(f"pagemill process -j {workers} over {len(burst)} pages")
            # process hands pages out 4 at a time: one warm-up chunk per process keeps the first pages out of the rate
            res["limit"][str(workers)] = run_process(
                root / f"process-j{workers}", workers, burst, make_pages(files, 4 * workers, "0warm", run, start=11)
            )
            log(f"  {res['limit'][str(workers)]['pages_per_s']} pages/s")
        if args.skip_peer:
            res["peer"] = None
        else:
            log(f"peer: spaCy en_core_web_sm full pipeline over {len(burst1)} pages")
            res["peer"] = run_peer(root, burst1)
        res["summary"] = summarise(res)
        res["seconds"] = round(time.time() - t_begin, 1)
    finally:
        if args.workdir is None:
            shutil.rmtree(root, ignore_errors=True)
    title = f"pagemill throughput benchmark ({cmdline})"
    if args.variant:
        title += f"  VARIANT {args.variant}: not pagemill as shipped"
    m = res["machine"]
    print(title)
    print(f"machine: {m['cpu']}, {m['cores']} cores, {m['memory_gb']} GB, {m['os']}, Python {m['python']}; "
          f"load at start {m['load_avg_at_start']}; {res['seconds']} s; code {res['code']['commit']}"
          f"{' + uncommitted edits in workers/' if res['code']['uncommitted_in_workers'] else ''}")
    print(table(res))
    bad = {k: v for k, v in res["service"][str(w)]["burst"]["outcomes"].items() if k != "record"}
    if bad:
        print(f"warning: outcomes other than records in the burst: {bad}")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(res, indent=2) + "\n")
        print(f"json: {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
