"""What is measured through the running service: start-up, warm-up, a burst, and steady load."""

from __future__ import annotations

import json
import time
from pathlib import Path

from .common import log, pct
from .pages import PageFile, kinds, stage_means
from .service import MODES, Service


def up_and_ready(svc: Service, probe: PageFile) -> dict:
    """Start the service; a page renamed in as soon as the watcher watches: when is it taken, when recorded?

    The watcher says it watches at INFO; with a quieter log level the page is
    put in the inbox before the start instead (found by the start-up scan).
    """
    verbose = svc.env().get("PAGEMILL_LOG_LEVEL", "INFO").upper() in ("INFO", "DEBUG")
    if not verbose:
        t_drop = svc.drop(probe, "rename")
    svc.start()
    if verbose:
        t_watch = svc.wait_log("watching inbox", 60)
        t_drop = svc.drop(probe, "rename")
    else:
        t_watch = None
    taken = None
    deadline = time.monotonic() + 120
    while True:
        if taken is None and not (svc.inbox / probe.name).exists():
            taken = time.time()
        svc.watch.poll()
        if probe.key in svc.watch.found:
            break
        if time.monotonic() > deadline:
            raise TimeoutError(f"no record for the first page in 120s:\n{svc.tail()}")
        svc.alive()
        time.sleep(0.005)
    t_rec = svc.watch.found[probe.key][1]
    taken = taken or t_rec
    try:
        t_worker = next(
            json.loads(line).get("timestamp")
            for line in svc.log_path.read_text(errors="replace").splitlines()
            if line.startswith("{") and " ready." in line
        )
    except StopIteration:
        t_worker = None
    return {
        "probe": "renamed in once the watcher watched" if verbose else "in the inbox before the start",
        "watcher_watching_s": round(t_watch - svc.t_start, 3) if t_watch else None,
        "first_page_taken_s": round(taken - svc.t_start, 3),
        "first_record_s": round(t_rec - svc.t_start, 3),
        "first_page_drop_to_record_s": round(t_rec - t_drop, 3),
        "worker_ready_logged_at": t_worker,
    }


def warm(svc: Service, pages: list[PageFile]) -> list[float]:
    t = {p.key: svc.drop(p, "rename") for p in pages}
    svc.watch.wait(list(t), 180, svc.alive)
    return [round((svc.watch.found[k][1] - t0) * 1000, 1) for k, t0 in t.items()]


def latency_summary(lat_ms: list[float]) -> dict:
    return {
        "n": len(lat_ms),
        "p50_ms": round(pct(lat_ms, 50), 1) if lat_ms else None,
        "p95_ms": round(pct(lat_ms, 95), 1) if lat_ms else None,
        "p99_ms": round(pct(lat_ms, 99), 1) if lat_ms else None,
        "max_ms": round(max(lat_ms), 1) if lat_ms else None,
    }


def run_load(svc: Service, pages: list[PageFile], rate: float | None) -> dict:
    """Drop pages (alternately written in place and renamed in) as fast as possible, or at ``rate`` per second."""
    assert svc.sampler is not None
    cpu0 = svc.sampler.cpu_snapshot()
    self0 = time.process_time()
    dropped: dict[str, tuple[float, str]] = {}
    t0 = time.time()
    for i, p in enumerate(pages):
        if rate:
            due = t0 + i / rate
            while (now := time.time()) < due:
                time.sleep(due - now)
        how = MODES[i % len(MODES)]
        dropped[p.key] = (svc.drop(p, how), how)
    svc.watch.wait(list(dropped), max(120.0, 3.0 * len(pages)), svc.alive)
    sink = sink_lag(svc)
    cpu1 = svc.sampler.cpu_snapshot()
    svc.sampler.sample(pss=True)
    harness = time.process_time() - self0
    first_drop = min(t for t, _ in dropped.values())
    last_rec = max(svc.watch.found[k][1] for k in dropped)
    lat = {k: (svc.watch.found[k][1] - t) * 1000 for k, (t, _) in dropped.items()}
    outcomes = [svc.watch.outcome(k) for k in dropped]
    cpu = svc.sampler.cpu_by_role(cpu0, cpu1)
    n = len(pages)
    return {
        "pages": n,
        "offered_pages_per_s": rate,
        "drop_seconds": round(max(t for t, _ in dropped.values()) - first_drop, 3),
        "seconds": round(last_rec - first_drop, 3),
        "pages_per_s": round(n / (last_rec - first_drop), 2),
        "outcomes": kinds(svc.watch, list(dropped)),
        "latency": latency_summary(list(lat.values())),
        "latency_by_mode": {m: latency_summary([lat[k] for k, (_, h) in dropped.items() if h == m]) for m in MODES},
        "stages_ms": stage_means([o for o in outcomes if o.get("kind") == "record"]),
        "task_ms": svc.task_runtimes(set(dropped)),
        "pool_busy_share": svc.busy_share(set(dropped)),
        "latency_parts_ms": {how: svc.timeline({k: t for k, (t, h) in dropped.items() if h == how},
                                               {k: svc.watch.found[k][1] for k in dropped}) for how in MODES},
        "cpu_ms_per_page_by_role": {r: round(s * 1000 / n, 1) for r, s in sorted(cpu.items())},
        "cpu_ms_per_page_total": round(sum(cpu.values()) * 1000 / n, 1),
        # this benchmark's own share of the same cores (dropping, watching the outbox, sampling)
        "harness_cpu_ms_per_page": round(harness * 1000 / n, 1),
        "sink": sink,
    }


def sink_lag(svc: Service) -> dict | None:
    """With PAGEMILL_SINK_URL (``--env``): how far the sink is behind the feed when the last outcome lands, and how long it takes to catch up."""
    dsn = svc.extra_env.get("PAGEMILL_SINK_URL")
    if not dsn:
        return None
    import psycopg

    from workers.edges.feed import Feed

    url = svc.broker_url or f"redis://127.0.0.1:{svc.ports['EMBEDDED_BROKER_PORT']}/0"
    t0, last = time.monotonic(), Feed(url).last_seq()

    def cursor() -> int:
        try:
            with psycopg.connect(dsn, connect_timeout=5) as c:
                return c.execute("SELECT seq FROM pagemill.cursor").fetchone()[0]
        except psycopg.Error:
            return 0

    behind = last - cursor()
    while cursor() < last and time.monotonic() - t0 < 300:
        time.sleep(0.05)
    return {"lag_outcomes_at_burst_end": behind, "caught_up_after_s": round(time.monotonic() - t0, 2)}


def run_service(root: Path, workers: int, pages: list[PageFile], warmups: list[PageFile], probe: PageFile,
                steady: list[PageFile] | None, rate: float, args) -> dict:
    svc = Service(root, workers, args.broker, args.variant, dict(args.env))
    log(f"pagemill up --no-dashboard -c {workers} ({'broker ' + args.broker if args.broker else 'embedded broker'})")
    try:
        ready = up_and_ready(svc, probe)
        log(f"  ready: first record {ready['first_record_s']:.2f}s after start; warming up")
        cold = warm(svc, warmups)
        log(f"  burst of {len(pages)} pages")
        burst = run_load(svc, pages, None)
        log(f"  burst: {burst['pages_per_s']} pages/s")
        steady_res = None
        if steady:
            log(f"  steady: {len(steady)} pages at {rate}/s")
            steady_res = run_load(svc, steady, rate)
            log(f"  steady: p50 {steady_res['latency']['p50_ms']} ms, p95 {steady_res['latency']['p95_ms']} ms")
        # archive moves happen after the record is written; let them land before sampling memory for the last time
        time.sleep(0.3)
    finally:
        t_stop = time.time()
        svc.stop()
        log(f"  stopped in {time.time() - t_stop:.1f}s")
    assert svc.sampler is not None
    return {"workers": workers, "up": ready, "warmup_latency_ms": cold, "burst": burst, "steady": steady_res,
            "memory": svc.sampler.memory(), "log": str(svc.log_path)}
