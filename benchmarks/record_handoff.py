#!/usr/bin/env python3
"""What the record's trip from the ``process`` task to the ``write`` task costs, as a dict or as JSON text.

    .venv/bin/python benchmarks/record_handoff.py [--corpus DIR] [--rounds N]

The trip, as the service makes it: the pool process that ran the stages
serialises the record into the task message (kombu's JSON); the worker's main
process parses the message it fetched and pickles the arguments to a pool
process, which unpickles them and makes the ``Record`` the writer files.
Before, the record travelled as ``model_dump(mode="json")`` (a dict of every
segment and entity); then as ``model_dump_json()`` (one string), which this compares;
since, that string compressed (``Record.packed``), which holds less in memory and in the broker. Both ways run
here over every corpus page, interleaved round after round (so a machine
whose load drifts hits both alike), in CPU ms per page, split by process.
"""

from __future__ import annotations

import argparse
import pickle
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from kombu.utils.json import dumps as kdumps, loads as kloads  # noqa: E402  (what Celery's json serializer calls)

from workers.models import Record  # noqa: E402
from workers.stages import process_bytes  # noqa: E402


def trip(records: list[Record], as_text: bool) -> dict[str, float]:
    """CPU seconds of each process's share of the trip, summed over the records."""
    spent = {"stages process": 0.0, "worker main": 0.0, "writer process": 0.0}
    for rec in records:
        t0 = time.process_time()
        body = kdumps([{}, rec.model_dump_json() if as_text else rec.model_dump(mode="json")]).encode()
        t1 = time.process_time()
        handed = pickle.dumps(tuple(kloads(body)), protocol=pickle.HIGHEST_PROTOCOL)
        t2 = time.process_time()
        payload = pickle.loads(handed)[1]
        Record.from_json(payload) if as_text else Record.model_validate(payload)
        t3 = time.process_time()
        spent["stages process"] += t1 - t0
        spent["worker main"] += t2 - t1
        spent["writer process"] += t3 - t2
    return spent


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, default=REPO.parent / "shared" / "corpus")
    ap.add_argument("--rounds", type=int, default=5)
    args = ap.parse_args()
    files = sorted(args.corpus.glob("*/pages/*.txt"))
    records = [process_bytes(f.read_bytes(), f.name) for f in files]
    n = len(records)
    runs: dict[str, list[dict[str, float]]] = {"dict": [], "JSON text": []}
    for _ in range(args.rounds):
        for name, as_text in (("dict", False), ("JSON text", True)):
            runs[name].append(trip(records, as_text))
    print(f"{n} corpus pages, {args.rounds} rounds; median CPU ms per page of the record's trip to the writer")
    for name, rs in runs.items():
        parts = {k: statistics.median(r[k] for r in rs) * 1000 / n for k in rs[0]}
        total = statistics.median(sum(r.values()) for r in rs) * 1000 / n
        print(f"  as {name:<10} {total:5.2f} ms  (" + ", ".join(f"{k} {v:.2f}" for k, v in parts.items()) + ")")
    return 0


if __name__ == "__main__":
    sys.exit(main())
