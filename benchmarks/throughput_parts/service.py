"""``pagemill up`` in a folder of its own: start, stop, drop pages, and read its log for task times."""

from __future__ import annotations

import importlib.util
import json
import os
import re
import signal
import statistics
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path

import psutil

from .common import PY, VARIANTS_DIR, free_port
from .pages import OutboxWatch, PageFile, key_of
from .tree import TreeSampler

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

    def _log_docs(self, *needles: str):
        """(document, its timestamp) for each JSON log line holding one of ``needles``, in order."""
        from datetime import datetime

        for line in self.log_path.read_text(errors="replace").splitlines():
            if not line.startswith("{") or not any(n in line for n in needles):
                continue
            try:
                doc = json.loads(line)
                yield doc, datetime.fromisoformat(doc["timestamp"].replace("Z", "+00:00")).timestamp()
            except (ValueError, KeyError):
                continue

    def timeline(self, dropped: dict[str, float], recorded: dict[str, float]) -> dict | None:
        """Where a page's latency goes, median over the pages, from the worker's log timestamps.

        inbox->queued: drop until the worker received the first task, in two
        parts: in the watcher (drop until the watcher's "page queued" line:
        settle, take, read, send) and in the queue (until the worker took the
        message: waiting for a free worker process); hops: a task's end until
        the next one was received; pool wait: received until it started;
        compute: task runtimes.
        """
        queued: dict[str, float] = {}
        received: dict[str, float] = {}
        done: dict[str, tuple[float, float, str]] = {}  # task id -> (end, runtime, page key)
        for doc, ts in self._log_docs("Task pagemill.", '"page queued"'):
            if doc.get("event") == "page queued":
                queued.setdefault(key_of(doc.get("filename") or ""), ts)
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
        parts: dict[str, list[float]] = {"inbox_to_queued": [], "in_watcher": [], "in_queue": [], "hops": [], "pool_wait": [],
                                         "compute": [], "record_after_task": []}
        for key, tasks in per_page.items():
            tasks.sort()
            parts["inbox_to_queued"].append(tasks[0][0] - dropped[key])
            if key in queued:
                parts["in_watcher"].append(queued[key] - dropped[key])
                parts["in_queue"].append(tasks[0][0] - queued[key])
            parts["hops"].append(sum(max(0.0, nxt[0] - prev[2]) for prev, nxt in zip(tasks, tasks[1:])))
            parts["pool_wait"].append(sum(max(0.0, start - rec) for rec, start, _ in tasks))
            parts["compute"].append(sum(end - start for _, start, end in tasks))
            parts["record_after_task"].append(recorded[key] - tasks[-1][2])
        if not per_page:
            return None
        out = {k: round(statistics.median(v) * 1000, 1) if v else None for k, v in parts.items()}
        out["tasks_per_page"] = round(statistics.median(len(t) for t in per_page.values()), 1)
        return out

    def busy_share(self, keys: set[str]) -> float | None:
        """Share of the worker processes' time spent in the given pages' tasks, from their first start to
        their last end (Celery's "succeeded in" lines). What is left is each process waiting for its next
        page. A share of the same run, so a VM's drifting speed moves it far less than pages/s."""
        spans = []
        for doc, end in self._log_docs("succeeded in"):
            m = TASK_LINE.search(doc.get("event", ""))
            if m and key_of(doc.get("filename") or "") in keys:
                spans.append((end - float(m.group(2)), end))
        if not spans:
            return None
        window = max(e for _, e in spans) - min(s for s, _ in spans)
        return round(sum(e - s for s, e in spans) / (self.workers * window), 3) if window > 0 else None

    def task_runtimes(self, keys: set[str]) -> dict[str, float]:
        """Mean wall ms per task name over the given pages, from Celery's log lines."""
        acc: dict[str, list[float]] = {}
        for doc, _ts in self._log_docs("succeeded in"):
            m = TASK_LINE.search(doc.get("event", ""))
            if m and key_of(doc.get("filename") or "") in keys:
                acc.setdefault(m.group(1).split(".", 1)[1], []).append(float(m.group(2)) * 1000)
        return {t: round(statistics.fmean(v), 2) for t, v in acc.items()}


def check_variants(names: str | None) -> None:
    """Refuse unknown variant names before anything runs (the list lives beside the patches)."""
    # loaded under its own name: this process may already have a ``sitecustomize``
    spec = importlib.util.spec_from_file_location("pagemill_bench_variants", VARIANTS_DIR / "sitecustomize.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    mod.check(names)
