"""Targets, the summary figures (the JSON's ``summary``) and the printed table."""

from __future__ import annotations

from .service import MODE_LABELS, MODES

TARGETS = {
    # issue 13, section 5 (ratio, p50, scaling); the others from the first throughput issue
    "ratio": ("service / in-process limit (2 workers)", ">=", 0.90),
    "vs_peer": ("pagemill ms/page / spaCy sm full ms/page", "<=", 1.0),
    "steady_p50_ms": ("latency p50 at steady load", "<=", 100.0),
    "steady_p95_ms": ("latency p95 at steady load", "<=", 1000.0),
    "scaling": ("2 workers / 1 worker throughput", ">=", 1.9),
    "worker_peak_rss_mb": ("peak RSS per worker process", "<=", 400.0),
    "up_to_ready_s": ("pagemill up to first record", "<=", 10.0),
}


def verdict(name: str, value: float | None) -> str:
    if value is None:
        return "n/a"
    _, op, target = TARGETS[name]
    ok = value >= target if op == ">=" else value <= target
    return "met" if ok else "MISSED"


def summarise(res: dict) -> dict:
    w = str(res["settings"]["workers"])
    s2, s1 = res["service"][w], res["service"]["1"]
    lim2, lim1 = res["limit"][w], res["limit"]["1"]
    peer = res["peer"]
    steady = s2["steady"] or {}
    summary = {
        "throughput_pages_per_s": s2["burst"]["pages_per_s"],
        "limit_pages_per_s": lim2["pages_per_s"],
        "ratio": round(s2["burst"]["pages_per_s"] / lim2["pages_per_s"], 3),
        "ratio_1_worker": round(s1["burst"]["pages_per_s"] / lim1["pages_per_s"], 3),
        "pagemill_ms_per_page_1_process": lim1["ms_per_page_per_process"],
        "peer_ms_per_page": peer["ms_per_page"] if peer else None,
        "vs_peer": round(lim1["ms_per_page_per_process"] / peer["ms_per_page"], 3) if peer else None,
        "steady_p50_ms": (steady.get("latency") or {}).get("p50_ms"),
        "steady_p95_ms": (steady.get("latency") or {}).get("p95_ms"),
        "steady_p99_ms": (steady.get("latency") or {}).get("p99_ms"),
        "burst_p50_ms": s2["burst"]["latency"]["p50_ms"],
        "burst_p95_ms": s2["burst"]["latency"]["p95_ms"],
        "burst_p99_ms": s2["burst"]["latency"]["p99_ms"],
        "throughput_1_worker": s1["burst"]["pages_per_s"],
        "scaling": round(s2["burst"]["pages_per_s"] / s1["burst"]["pages_per_s"], 3),
        # what the same code gains from a second process with no service around it: the machine's own scaling
        "limit_scaling": round(lim2["pages_per_s"] / lim1["pages_per_s"], 3),
        "worker_peak_rss_mb": max(s2["memory"]["worker_process_peak_rss_mb"], s1["memory"]["worker_process_peak_rss_mb"]),
        "tree_peak_rss_mb": s2["memory"]["tree_peak_rss_mb"],
        "tree_peak_pss_mb": s2["memory"]["tree_peak_pss_mb"],
        "up_to_ready_s": max(s2["up"]["first_record_s"], s1["up"]["first_record_s"]),
    }
    summary["targets"] = {k: verdict(k, summary.get(k)) for k in TARGETS}
    return summary


def fmt(v, unit: str = "", nd: int = 1) -> str:
    if v is None:
        return "n/a"
    if isinstance(v, float):
        return f"{v:,.{nd}f}{unit}"
    return f"{v}{unit}"


def table(res: dict) -> str:
    s = res["summary"]
    w = str(res["settings"]["workers"])
    s2, s1 = res["service"][w], res["service"]["1"]
    lim2, lim1, peer = res["limit"][w], res["limit"]["1"], res["peer"]
    b2, st = s2["burst"], s2["steady"] or {}
    rows: list[tuple[str, str, str]] = []

    def row(label, value, target=""):
        rows.append((label, value, target))

    def tgt(name):
        _, op, t = TARGETS[name]
        return f"{op} {t:g}  {s['targets'][name]}"

    row(f"Throughput, service ({w} workers, burst)", f"{fmt(s['throughput_pages_per_s'], ' pages/s', 2)}  ({b2['pages']} pages in {b2['seconds']:.2f} s)")
    row(f"Limit: pagemill process -j {w}", fmt(s["limit_pages_per_s"], " pages/s", 2))
    row(f"Ratio service / limit ({w} workers)", fmt(s["ratio"], "", 2), tgt("ratio"))
    row("Ratio service / limit (1 worker)", fmt(s["ratio_1_worker"], "", 2))
    row("pagemill ms/page, 1 process (process -j 1)", fmt(s["pagemill_ms_per_page_1_process"], " ms"))
    if peer:
        row(f"Peer: spaCy sm full pipeline ({len(peer['pipeline'])} comps)", f"{fmt(s['peer_ms_per_page'], ' ms')}  (call {peer['call_ms_per_page']:.1f}, pipe {peer['pipe_ms_per_page']:.1f})")
    else:
        row("Peer: spaCy sm full pipeline", "skipped (--skip-peer)")
    row("pagemill / peer", fmt(s["vs_peer"], "", 2), tgt("vs_peer"))
    if st:
        lat = st["latency"]
        row(f"Latency at {st['offered_pages_per_s']:g} pages/s ({lat['n']} pages) p50/p95/p99",
            f"{fmt(lat['p50_ms'], '', 0)} / {fmt(lat['p95_ms'], '', 0)} / {fmt(lat['p99_ms'], '', 0)} ms",
            f"p50 {tgt('steady_p50_ms')}, p95 {tgt('steady_p95_ms')}")
        for how in MODES:
            l2 = st["latency_by_mode"][how]
            parts = (st.get("latency_parts_ms") or {}).get(how)
            row(f"  {MODE_LABELS[how]} ({l2['n']})", f"{fmt(l2['p50_ms'], '', 0)} / {fmt(l2['p95_ms'], '', 0)} / {fmt(l2['p99_ms'], '', 0)} ms{_where(parts)}")
    lat = b2["latency"]
    row(f"Latency in a burst of {b2['pages']} p50/p95/p99", f"{fmt(lat['p50_ms'], '', 0)} / {fmt(lat['p95_ms'], '', 0)} / {fmt(lat['p99_ms'], '', 0)} ms")
    for how in MODES:
        parts = (b2.get("latency_parts_ms") or {}).get(how)
        if parts:
            row(f"  {MODE_LABELS[how]}", _where(parts).lstrip("; "))
    row("Throughput, 1 worker (burst)", f"{fmt(s['throughput_1_worker'], ' pages/s', 2)}  ({s1['burst']['pages']} pages); limit -j 1 {lim1['pages_per_s']:.2f}")
    row(f"Scaling {w} workers / 1 worker", fmt(s["scaling"], "", 2), tgt("scaling"))
    row(f"  same code, no service: process -j {w} / -j 1", fmt(s["limit_scaling"], "", 2))
    sm = b2["stages_ms"]
    tm = b2["task_ms"]
    stages = ("clean", "segment", "classify", "annotate")
    for stage in stages:
        row(f"Stage {stage} ms/page (stage timer)", fmt(sm.get(stage), "", 1), f"in-process {fmt(lim1['stages_ms'].get(stage), '', 1)}")
    stage_sum = sum(sm[s] for s in stages) if all(s in sm for s in stages) else None
    row("Task process ms/page (Celery task | its four stages)", f"{fmt(tm.get('process'), '', 1)} | {fmt(stage_sum, '', 1)}")
    row("Worker processes busy in the burst (share of their time)", fmt(b2.get("pool_busy_share"), "", 3))
    # On the host that owns the outbox the process task files the record: a write task only from another host.
    in_service = fmt(tm.get("write"), "", 1) if "write" in tm else "in the process task"
    row("Stage write ms/page (CPU, in-process | Celery task)", f"{fmt(res.get('write_cpu_ms'), '', 1)} | {in_service}")
    row(f"CPU ms/page, all processes: service | process -j {w}", f"{fmt(b2['cpu_ms_per_page_total'], '')} | {fmt(lim2.get('cpu_ms_per_page_total'), ' ms')}",
        "service: " + ", ".join(f"{r} {v:.0f}" for r, v in b2["cpu_ms_per_page_by_role"].items() if v >= 0.5)
        + f"; this benchmark {b2['harness_cpu_ms_per_page']:.0f}")
    if b2.get("sink"):
        row("PostgreSQL sink lag at the end of the burst", f"{b2['sink']['lag_outcomes_at_burst_end']} outcomes; caught up {b2['sink']['caught_up_after_s']:.2f} s later")
    row("Peak RSS per worker process", fmt(s["worker_peak_rss_mb"], " MB"), tgt("worker_peak_rss_mb"))
    row("Peak RSS of the whole tree (sum RSS | sum PSS)", f"{fmt(s['tree_peak_rss_mb'], ' MB', 0)} | {fmt(s['tree_peak_pss_mb'], ' MB', 0)}")
    mem = s2["memory"]["peak_rss_mb_by_process"]
    row("  by process (peak RSS MB)", "; ".join(f"{r} {', '.join(f'{x:.0f}' for x in v)}" for r, v in mem.items()))
    row("pagemill up -> first record (2 | 1 workers)", f"{s2['up']['first_record_s']:.2f} | {s1['up']['first_record_s']:.2f} s", tgt("up_to_ready_s"))
    row("pagemill up -> first page taken (2 | 1 workers)", f"{s2['up']['first_page_taken_s']:.2f} | {s1['up']['first_page_taken_s']:.2f} s")
    w = max(len(r[0]) for r in rows)
    v = max(len(r[1]) for r in rows)
    lines = [f"{'measure':<{w}}  {'value':<{v}}  target", f"{'-' * w}  {'-' * v}  {'-' * 6}"]
    lines += [f"{a:<{w}}  {b:<{v}}  {c}".rstrip() for a, b, c in rows]
    return "\n".join(lines)


def _where(parts: dict | None) -> str:
    """Where a page's latency went (medians, ms); inbox->queued split into the watcher's part and the queue's."""
    if not parts:
        return ""
    split = ""
    if parts.get("in_watcher") is not None:
        split = f" (watcher {parts['in_watcher']:.0f}, queue {parts['in_queue']:.0f})"
    return (f"; median: inbox->queued {parts['inbox_to_queued']:.0f}{split}, compute {parts['compute']:.0f}, "
            f"hops {parts['hops']:.0f}, pool wait {parts['pool_wait']:.0f}")
