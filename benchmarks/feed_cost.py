#!/usr/bin/env python3
"""What the feed costs the outbox writer and the broker per page, and how fast the PostgreSQL sink drains it.

    .venv/bin/python benchmarks/feed_cost.py --pages 400 [--sink postgresql://postgres@127.0.0.1:5432/postgres]

Processes a few corpus pages once, then writes the same number of real
records through the real outbox writer and a real embedded broker twice:
without the feed and with it (alternating rounds, so drift on a shared
machine hits both). CPU is the writer's process time plus the broker's CPU
(from /proc), per page. With ``--sink``, it then runs ``pagemill sink --once``
into a fresh database over the feed just written and reports outcomes per
second and CPU per outcome (sink process + database server's backend is not
counted: that is PostgreSQL's own).
"""

from __future__ import annotations

import argparse
import json
import os
import secrets
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

import psutil  # noqa: E402

from workers.edges.feed import Feed  # noqa: E402
from workers.edges.ledger import RedisLedger  # noqa: E402
from workers.edges.outbox import Outbox  # noqa: E402
from workers.logs import configure  # noqa: E402
from workers.models import Drop, Record  # noqa: E402
from workers.service import broker as embedded  # noqa: E402
from workers.settings import Settings  # noqa: E402
from workers.stages import process_bytes  # noqa: E402

from benchmarks.soak import CORPUS, free_port  # noqa: E402


def sample_records(n: int) -> list[dict]:
    pages = sorted(CORPUS.glob("*/pages/*.txt"))[:n] or [REPO / "tests/fixtures/corpus/seed/pages/bluebook-2011-north-america.txt"]
    return [process_bytes(p.read_bytes(), p.name).model_dump(mode="json") for p in pages]


def write_round(url: str, root: Path, samples: list[dict], n: int, *, feed: bool, tag: str, broker: psutil.Process) -> float:
    outbox = Outbox(root / f"out-{tag}", RedisLedger(url), feed=Feed(url) if feed else None)
    b0 = sum(broker.cpu_times()[:2])
    t0 = time.process_time()
    for i in range(n):
        raw = dict(samples[i % len(samples)])
        sha = secrets.token_hex(32)
        raw["id"] = f"pm-{sha[:16]}"
        raw["source"] = {**raw["source"], "sha256": sha, "filename": f"{tag}-{i}.txt"}
        # As pagemill.write does: validate the JSON it received, then write.
        outbox.write_record(Drop(filename=f"{tag}-{i}.txt", sha256=sha), Record.model_validate(raw))
    writer = time.process_time() - t0
    brk = sum(broker.cpu_times()[:2]) - b0
    return (writer + brk) * 1000 / n, writer * 1000 / n, brk * 1000 / n


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--pages", type=int, default=400, help="records written per round (default 400)")
    ap.add_argument("--rounds", type=int, default=3, help="rounds of each (default 3; medians reported)")
    ap.add_argument("--samples", type=int, default=20, help="corpus pages processed once and reused (default 20)")
    ap.add_argument("--sink", help="postgresql:// URL of a server: also time the sink (a database is created and dropped)")
    ap.add_argument("--json", type=Path)
    args = ap.parse_args()
    configure("WARNING", "json")

    root = Path(tempfile.mkdtemp(prefix="pagemill-feedcost-"))
    settings = Settings(state_dir=root / "broker", embedded_broker_port=free_port())
    proc = embedded.start(settings)
    url = f"redis://127.0.0.1:{settings.embedded_broker_port}/0"
    try:
        broker = psutil.Process(proc.pid)
        samples = sample_records(args.samples)
        size = statistics.mean(len(json.dumps(s, indent=2)) for s in samples)
        runs = {"without": [], "with": []}
        for r in range(args.rounds):
            for mode in ("without", "with"):
                runs[mode].append(write_round(url, root, samples, args.pages, feed=mode == "with", tag=f"{mode}{r}", broker=broker))
        med = {m: [statistics.median(x[k] for x in v) for k in range(3)] for m, v in runs.items()}
        result = {
            "pages_per_round": args.pages,
            "rounds": args.rounds,
            "mean_record_bytes": round(size),
            "cpu_ms_per_page_without_feed": {"total": round(med["without"][0], 3), "writer": round(med["without"][1], 3), "broker": round(med["without"][2], 3)},
            "cpu_ms_per_page_with_feed": {"total": round(med["with"][0], 3), "writer": round(med["with"][1], 3), "broker": round(med["with"][2], 3)},
            "feed_cost_cpu_ms_per_page": round(med["with"][0] - med["without"][0], 3),
            "broker_memory_bytes_per_entry": None,
        }
        feed = Feed(url)
        n_entries = feed.r.xlen("pagemill:feed")
        result["broker_memory_bytes_per_entry"] = round(feed.r.memory_usage("pagemill:feed", samples=0) / max(1, n_entries))
        if args.sink:
            result["sink"] = time_sink(url, args.sink, n_entries)
    finally:
        proc.terminate()
        proc.wait(15)
        subprocess.run(["rm", "-rf", str(root)], check=False)
    for k, v in result.items():
        print(f"{k:>32}: {v}")
    if args.json:
        args.json.write_text(json.dumps(result, indent=2))
    return 0


def time_sink(url: str, server: str, n_entries: int) -> dict:
    import psycopg

    name = f"pagemill_bench_{secrets.token_hex(4)}"
    with psycopg.connect(server, autocommit=True) as admin:
        admin.execute(f"CREATE DATABASE {name}")
    dsn = server.rsplit("/", 1)[0] + f"/{name}"
    env = {k: v for k, v in os.environ.items() if not k.startswith("PAGEMILL_")}
    env.update(PAGEMILL_BROKER_URL=url, PAGEMILL_LOG_LEVEL="WARNING", PYTHONPATH=str(REPO))
    try:
        t0 = time.monotonic()
        p = psutil.Popen([sys.executable, "-m", "workers.cli", "sink", dsn, "--once"], env=env)
        cpu = 0.0
        while p.poll() is None:
            try:
                cpu = sum(p.cpu_times()[:4])
            except psutil.NoSuchProcess:
                break
            time.sleep(0.05)
        wall = time.monotonic() - t0
        if p.returncode != 0:
            raise RuntimeError("sink failed")
        with psycopg.connect(dsn) as c:
            rows = c.execute("SELECT count(*) FROM pagemill.records").fetchone()[0]
        return {"outcomes": n_entries, "records_in_db": rows, "seconds_incl_start": round(wall, 2),
                "outcomes_per_s": round(n_entries / wall, 1), "sink_cpu_ms_per_outcome": round(cpu * 1000 / n_entries, 2)}
    finally:
        with psycopg.connect(server, autocommit=True) as admin:
            admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


if __name__ == "__main__":
    sys.exit(main())
