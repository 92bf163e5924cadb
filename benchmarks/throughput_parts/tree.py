"""Memory and CPU of a process tree, sampled in a thread, each process given its role in the service."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import psutil


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
