#!/usr/bin/env python3
"""ms/page per format: reading alone (type detection + reader) and the whole pipeline, on the shared files.

    .venv/bin/python benchmarks/formats.py [--shared ../shared/formats] [--rounds 2] [--json OUT]

For HTML the same run times trafilatura's ``extract`` on the same pages, file
by file in turn with the reader (the reader must cost no more). Every file is read ``--rounds`` times and the
median round is reported; the first, warm-up pass (model and stop lists
loaded) is not counted. One process, no service.
"""

from __future__ import annotations

import argparse
import gc
import json
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from workers.stages import decode_page, process_bytes  # noqa: E402
from workers.stages.pipeline import build_record, run_stages  # noqa: E402

FORMATS = {"html": "html/pages", "pdf": "pdf/files", "docx": "docx/files", "md": "md/files"}


def _time(fn, files: list[bytes]) -> float:
    t0 = time.perf_counter()
    for data in files:
        fn(data)
    return (time.perf_counter() - t0) * 1000 / len(files)


def _paired(fa, fb, files: list[bytes]) -> tuple[float, float]:
    """Both functions on each file in turn, so a change in the machine's load falls on both alike."""
    ta = tb = 0.0
    for data in files:
        t0 = time.perf_counter()
        fa(data)
        t1 = time.perf_counter()
        fb(data)
        ta, tb = ta + t1 - t0, tb + time.perf_counter() - t1
    return ta * 1000 / len(files), tb * 1000 / len(files)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared" / "formats")
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--json", type=Path)
    ap.add_argument("--no-freeze", action="store_true", help="leave the loaded model in the collector's sight (as before the worker froze it)")
    ap.add_argument("--only", choices=sorted(FORMATS), action="append", help="time only these formats")
    args = ap.parse_args(argv)
    import trafilatura

    rows = {}
    for name, sub in FORMATS.items():
        if args.only and name not in args.only:
            continue
        paths = sorted(p for p in (args.shared / sub).iterdir() if p.is_file())
        files = [p.read_bytes() for p in paths]
        for data, p in zip(files, paths):  # warm up
            process_bytes(data, p.name)
        # As a worker does once its model is loaded (pagemill worker): what is loaded for good is not walked by
        # every collection. --no-freeze measures without it.
        if not args.no_freeze:
            gc.freeze()
        if name == "html":
            pairs = [_paired(lambda d: decode_page(d, "f"), lambda d: trafilatura.extract(d, include_comments=False, include_tables=True), files)
                     for _ in range(args.rounds)]
            read = [a for a, _ in pairs]
            traf = [b for _, b in pairs]
        else:
            read = [_time(lambda d: decode_page(d, "f"), files) for _ in range(args.rounds)]
        whole = [_time(lambda d: build_record(run_stages(decode_page(d, "f"))), files) for _ in range(args.rounds)]
        row = {"files": len(files), "read_ms": round(statistics.median(read), 1), "pipeline_ms": round(statistics.median(whole), 1)}
        if name == "html":
            row["trafilatura_extract_ms"] = round(statistics.median(traf), 1)
            row["read_over_trafilatura"] = round(statistics.median(a / b for a, b in pairs), 2)
        rows[name] = row
        print(f"{name:5} {row['files']:3} files  read {row['read_ms']:7.1f} ms/page  whole pipeline {row['pipeline_ms']:7.1f} ms/page"
              + (f"  trafilatura.extract {row['trafilatura_extract_ms']:.1f} ms/page (read / extract {row['read_over_trafilatura']:.2f},"
                 " timed file by file in turn)" if "trafilatura_extract_ms" in row else ""), flush=True)
    if args.json:
        args.json.write_text(json.dumps(rows, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
