"""``pagemill up``: broker, worker, watcher and dashboard as one process tree.

Each part is a child process (``pagemill worker``, ``pagemill watch``,
``pagemill dashboard``, ``pagemill pages``) in its own session, so a Ctrl-C reaches only this
supervisor, which then stops the parts in a safe order: the watcher first (no
new pages), then the worker (it finishes or hands back what it holds), then the
dashboard, and the broker last (it flushes its append-only file). A part that
dies is restarted.

The banner ("pagemill is up.") is printed only once every part answers (see
``readiness``); until then one line says what is still starting, and why when
it is known (the sink's database refusing it, say). Flower starts once the
worker answers: started earlier, it inspects a worker that is not there yet
and logs a warning for each thing it asked.

A port another program holds is not a part being slow: before anything starts,
and whenever a part with a port exits before the banner, a taken port stops
``pagemill up`` with one line naming the port and the setting that moves it
("pagemill up cannot start: port 5556 (PAGEMILL_PAGES_PORT) is in use by
another program: ..."), exit 1. After the banner such a part is restarted
(with back-off) and the cause is in its log line.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field

from ..logs import get_logger
from ..settings import Settings
from . import broker, readiness

log = get_logger(__name__)


@dataclass
class Part:
    name: str
    argv: list[str]
    proc: subprocess.Popen | None = None
    restarts: int = 0
    started: float = field(default=0.0)

    def start(self, env: dict[str, str]) -> None:
        self.proc = subprocess.Popen(
            self.argv, env=env, start_new_session=True, stdin=subprocess.DEVNULL, preexec_fn=broker.die_with_parent
        )
        self.started = time.monotonic()

    def stop(self, timeout: float) -> None:
        if self.proc is None or self.proc.poll() is not None:
            return
        self.proc.send_signal(signal.SIGTERM)
        try:
            self.proc.wait(timeout)
        except subprocess.TimeoutExpired:
            log.warning("part did not stop in time; killing it", part=self.name)
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait()


def _cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "workers.cli", *args]


def plan(settings: Settings, *, worker: bool, dashboard: bool, concurrency: int | None) -> list[Part]:
    queues = "pages,outbox" if worker else "outbox"
    conc = ["--concurrency", str(concurrency)] if concurrency else []
    if not worker:
        conc = ["--concurrency", "1"]
    # The supervisor prints the one banner a person needs; Celery's own would land among the log lines.
    parts = [Part("worker", _cli("worker", "--queues", queues, *conc, "--no-banner"))]
    if dashboard:
        parts.append(Part("dashboard", _cli("dashboard")))
        parts.append(Part("pages", _cli("pages")))
    parts.append(Part("watcher", _cli("watch")))
    # Consumers of the feed: outside the pipeline, so a slow hook or database never holds up a page.
    if settings.on_outcome or settings.webhook_url:
        parts.append(Part("hooks", _cli("hooks")))
    if settings.sink_url:
        parts.append(Part("sink", _cli("sink")))
    return parts


# What a person calls each part while waiting for it.
LABELS = {"broker": "broker", "worker": "worker", "watcher": "watcher", "dashboard": "Flower", "pages": "pages view", "sink": "sink", "hooks": "hooks"}

# The line `pagemill up` ends with when it cannot start; `pagemill up --wait` looks for it in up.log.
CANNOT_START = "pagemill up cannot start: "
# Seconds between asking the sink's database whether the sink is connected.
SINK_PROBE_EVERY = 1.0
# A part that exits with this (sysexits' EX_CONFIG: `pagemill sink` given a database it can never use) needs a
# setting changed: before the banner, restarting it is only waiting in vain.
EXIT_CONFIG = 78


class Startup:
    """Which parts answer yet; says so on stderr as they come up."""

    def __init__(self, settings: Settings, parts: list[Part], *, say) -> None:
        self.s, self.say = settings, say
        self.parts = {p.name: p for p in parts}
        self.t0 = time.monotonic()
        self.ready: set[str] = set()
        self.names = ["broker", *(p.name for p in parts)]
        self._said: tuple = ()
        self.listeners_before: set[str] | None = None
        # Why a part is not ready yet, when that is known: shown while waiting and when giving up.
        self.why: dict[str, str] = {}
        self._probed: dict[str, float] = {}

    def starting_flower(self) -> None:
        self.listeners_before = readiness.event_listeners(self.s.effective_broker_url) or set()

    def waiting(self) -> list[str]:
        return [n for n in self.names if n not in self.ready]

    def _answers(self, name: str) -> bool:
        part = self.parts.get(name)
        if name == "broker":
            ok, why = readiness.broker_status(self.s.effective_broker_url)
            self._because(name, why)
            return ok
        if part is None or part.proc is None or part.proc.poll() is not None:
            return False
        if name == "worker":
            return readiness.worker_answers()
        if name == "watcher":
            return readiness.marked_ready(self.s, "watcher", part.proc.pid)
        if name == "dashboard":
            if not self._serves(name, part, readiness.flower_url(self.s)):
                return False
            now = readiness.event_listeners(self.s.effective_broker_url)
            return now is not None and bool(now - (self.listeners_before or set()))
        if name == "pages":
            return self._serves(name, part, readiness.pages_url(self.s))
        if name == "sink":
            # A database round trip: not five times a second.
            if time.monotonic() - self._probed.get(name, 0.0) < SINK_PROBE_EVERY:
                return False
            self._probed[name] = time.monotonic()
            ok, why = readiness.sink_connected(self.s.sink_url or "", part.proc.pid)
            self._because(name, why)
            return ok
        if name == "hooks":
            from ..edges.hooks import hooks_from

            ok = readiness.reads_feed(self.s.effective_broker_url, part.proc.pid, at_least=max(1, len(hooks_from(self.s))))
            self._because(name, None if ok else "not reading the feed from the broker yet")
            return ok
        return True

    def _because(self, name: str, why: str | None) -> None:
        if why:
            self.why[name] = why
        else:
            self.why.pop(name, None)

    def _serves(self, name: str, part: Part, url: str) -> bool:
        """Answers HTTP on its port, and the one listening there is this part (not another pagemill's)."""
        _address, port, setting = readiness.port_of(self.s, name)
        if readiness.listens(part.proc.pid, port):
            self._because(name, None)
            return readiness.http_answers(url)
        if readiness.http_answers(url):
            self._because(name, f"port {port} answers, but not from this pagemill: another program has it ({setting})")
        return False

    def check(self) -> list[str]:
        for name in self.waiting():
            if self._answers(name):
                self.ready.add(name)
        waiting = tuple(self.waiting())
        for name in list(self.why):
            if name not in waiting:
                del self.why[name]
        said = (waiting, tuple(sorted(self.why.items())))
        if waiting and said != self._said:
            self._said = said
            took = time.monotonic() - self.t0
            self.say(f"pagemill is starting ({took:.0f} s): waiting for {describe(waiting, self.why)}")
        return list(waiting)


def describe(waiting, why: dict[str, str] | None = None) -> str:
    """``Flower, sink (cannot use its database: ...)``: the parts still starting, each with its reason if known."""
    why = why or {}
    return ", ".join(LABELS.get(n, n) + (f" ({why[n]})" if why.get(n) else "") for n in waiting or [])


def _say(line: str) -> None:
    print(line, file=sys.stderr, flush=True)


def run(settings: Settings, *, worker: bool = True, dashboard: bool = True, concurrency: int | None = None, announce=print) -> int:
    stopping = False

    def _stop(signum, _frame):
        nonlocal stopping
        stopping = True

    signal.signal(signal.SIGINT, _stop)
    signal.signal(signal.SIGTERM, _stop)

    env = dict(os.environ)
    broker_proc = None
    parts = plan(settings, worker=worker, dashboard=dashboard, concurrency=concurrency)
    # A port another program holds does not come free by waiting: say which, and the setting that moves it.
    taken = [why for name in ("broker", *(p.name for p in parts)) if (why := readiness.port_taken(settings, name))]
    if taken:
        return _cannot_start("; ".join(taken))
    if settings.embedded:
        try:
            broker_proc = broker.start(settings)
        except (RuntimeError, TimeoutError, OSError, ValueError) as exc:
            return _cannot_start(f"the embedded broker did not start: {exc}")
    for part in parts:
        if part.name != "dashboard":
            part.start(env)
    startup = Startup(settings, parts, say=_say)
    readiness.write_state(settings, state="starting", waiting=startup.waiting())
    announced = False
    failed: str | None = None
    try:
        while not stopping:
            time.sleep(0.2)
            if broker_proc is not None and broker_proc.poll() is not None and not stopping:
                log.error("embedded broker exited; restarting it", code=broker_proc.returncode)
                broker_proc = broker.start(settings)
            for part in parts:
                if part.proc is not None and part.proc.poll() is not None and not stopping:
                    taken = readiness.port_taken(settings, part.name)
                    if not announced and (taken or part.proc.returncode == EXIT_CONFIG):
                        # Restarting it would only fail again, while `up --wait` waited in vain.
                        failed = taken or _needs_setting(part, startup.why.get(part.name))
                        break
                    part.restarts += 1
                    # Back off a part that keeps dying right after it starts, instead of spinning.
                    delay = min(30.0, 2.0 ** min(part.restarts, 5)) if time.monotonic() - part.started < 10 else 0.5
                    cause = {"cause": taken} if taken else {}
                    log.error("part exited; restarting it", part=part.name, code=part.proc.returncode, in_seconds=delay, **cause)
                    time.sleep(delay)
                    part.start(env)
            if failed:
                break
            if not announced and not stopping:
                waiting = startup.check()
                flower = next((p for p in parts if p.name == "dashboard"), None)
                if flower is not None and flower.proc is None and "worker" in startup.ready:
                    startup.starting_flower()
                    flower.start(env)
                if waiting:
                    readiness.write_state(settings, state="starting", waiting=waiting, why=dict(startup.why))
                else:
                    announced = True
                    readiness.write_state(
                        settings, state="ready", waiting=[], parts=startup.names, took=round(time.monotonic() - startup.t0, 1)
                    )
                    announce(settings)
    finally:
        if failed:
            _cannot_start(failed)
        log.info("stopping", parts=[p.name for p in parts])
        readiness.write_state(settings, state="stopping", waiting=[])
        order = {"watcher": 0, "worker": 1, "dashboard": 2, "pages": 2}
        for part in sorted(parts, key=lambda p: order.get(p.name, 9)):
            part.stop(timeout=settings.task_time_limit + 10 if part.name == "worker" else 10)
        if broker_proc is not None and broker_proc.poll() is None:
            broker_proc.send_signal(signal.SIGTERM)
            broker_proc.wait(15)
        readiness.clear_state(settings)
        log.info("stopped")
    return 1 if failed else 0


def _needs_setting(part: Part, why: str | None) -> str:
    label = LABELS.get(part.name, part.name)
    return f"the {label} stopped (exit {EXIT_CONFIG}: a setting must change)" + (f": {why}" if why else "; its reason is in the log above")


def _cannot_start(why: str) -> int:
    log.error("pagemill up cannot start", reason=why)
    _say(CANNOT_START + why)
    return 1
