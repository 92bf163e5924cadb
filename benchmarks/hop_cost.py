#!/usr/bin/env python3
"""What one page costs to pass between the service's tasks, measured in this process (CPU time).

Had every stage its own task (``clean -> segment -> classify -> annotate ->
write``, as pagemill first did), each hop would serialise the page to JSON
(pydantic ``model_dump`` + kombu's ``json.dumps``) and the next task would parse
and validate it again; today only the last hop (the record, to ``write``) is
paid. This is the measurement behind that choice. It prints
the message size and the CPU ms of that round trip per hop, next to the stage
itself, over the corpus pages:

    .venv/bin/python benchmarks/hop_cost.py [--corpus DIR] [--repeat N]
"""

from __future__ import annotations

import argparse
import base64
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from kombu.utils.json import dumps as kdumps, loads as kloads  # noqa: E402  (what Celery's json serializer calls)

from workers.models import AnnotatedPage, ClassifiedPage, CleanPage, Record, SegmentedPage  # noqa: E402
from workers.stages import build_record, decode_page, run_stage  # noqa: E402

NEXT_INPUT = {"clean": CleanPage, "segment": SegmentedPage, "classify": ClassifiedPage, "annotate": AnnotatedPage}


def cpu_ms(fn, repeat: int):
    t0 = time.process_time()
    for _ in range(repeat):
        out = fn()
    return (time.process_time() - t0) * 1000 / repeat, out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, default=REPO.parent / "shared" / "corpus")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    files = sorted(args.corpus.glob("*/pages/*.txt"))
    acc: dict[str, dict[str, list[float]]] = {}

    def note(hop, **kv):
        for k, v in kv.items():
            acc.setdefault(hop, {}).setdefault(k, []).append(v)

    run_stage("annotate", run_stage("classify", run_stage("segment", run_stage("clean", decode_page(files[0].read_bytes(), files[0].name)))))
    for f in files:
        data = f.read_bytes()
        ms, b64 = cpu_ms(lambda: base64.b64encode(data).decode("ascii"), args.repeat)
        note("watcher->clean", bytes=len(kdumps([{}, b64])), serialise_ms=ms, parse_validate_ms=cpu_ms(lambda: base64.b64decode(kloads(kdumps([{}, b64]))[1]), args.repeat)[0])
        page = decode_page(data, f.name)
        for stage in ("clean", "segment", "classify", "annotate"):
            st_ms, out = cpu_ms(lambda: run_stage(stage, page), 1)
            note(stage, stage_ms=st_ms)
            if stage == "annotate":
                b_ms, rec = cpu_ms(lambda: build_record(out), args.repeat)
                ser_ms, body = cpu_ms(lambda: kdumps([{}, rec.model_dump(mode="json")]), args.repeat)
                par_ms, _ = cpu_ms(lambda: Record.model_validate(kloads(body)[1]), args.repeat)
                # write_record validates the record once more (model_dump + model_validate) before writing
                rev_ms, _ = cpu_ms(lambda: Record.model_validate(rec.model_dump()), args.repeat)
                dump_ms, _ = cpu_ms(lambda: rec.model_dump_json(indent=2), args.repeat)
                note("annotate->write", bytes=len(body), build_record_ms=b_ms, serialise_ms=ser_ms, parse_validate_ms=par_ms,
                     revalidate_in_write_ms=rev_ms, record_json_ms=dump_ms)
            else:
                ser_ms, body = cpu_ms(lambda: kdumps([{}, out.model_dump(mode="json")]), args.repeat)
                nxt = {"clean": "segment", "segment": "classify", "classify": "annotate"}[stage]
                par_ms, _ = cpu_ms(lambda: NEXT_INPUT[stage].model_validate(kloads(body)[1]), args.repeat)
                note(f"{stage}->{nxt}", bytes=len(body), serialise_ms=ser_ms, parse_validate_ms=par_ms)
            page = out
    print(f"{len(files)} corpus pages, mean per page (CPU ms; bytes of the message body)")
    total_hop = 0.0
    for hop, kv in acc.items():
        parts = ", ".join(f"{k} {statistics.fmean(v):,.2f}" for k, v in kv.items())
        print(f"  {hop:<18} {parts}")
        total_hop += sum(statistics.fmean(v) for k, v in kv.items() if k.endswith("_ms") and k != "stage_ms" and k not in ("record_json_ms", "build_record_ms"))
    stages = sum(statistics.fmean(acc[s]["stage_ms"]) for s in ("clean", "segment", "classify", "annotate"))
    print(f"  stages {stages:.1f} ms/page; passing the page between tasks {total_hop:.1f} ms/page ({100 * total_hop / stages:.0f}% of the stages)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
