"""``pagemill up``: broker, worker, watcher and dashboard as one process tree.

Each part is a child process (``pagemill worker``, ``pagemill watch``,
``pagemill dashboard``, ``pagemill pages``) in its own session, so a Ctrl-C reaches only this
supervisor, which then stops the parts in a safe order: the watcher first (no
new pages), then the worker (it finishes or hands back what it holds), then the
dashboard, and the broker last (it flushes its append-only file). A part that
dies is restarted.

The banner ("pagemill is up.") is printed only once every part answers (see
``readiness``); until then one line says what is still starting. Flower starts
once the worker answers: started earlier, it inspects a worker that is not
there yet and logs a warning for each thing it asked.
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
LABELS = {"broker": "broker", "worker": "worker", "watcher": "watcher", "dashboard": "Flower", "pages": "pages view"}


class Startup:
    """Which parts answer yet; says so on stderr as they come up."""

    def __init__(self, settings: Settings, parts: list[Part], *, say) -> None:
        self.s, self.say = settings, say
        self.parts = {p.name: p for p in parts}
        self.t0 = time.monotonic()
        self.ready: set[str] = set()
        self.names = ["broker", *(p.name for p in parts)]
        self._said: tuple[str, ...] = ()
        self.listeners_before: set[str] | None = None

    def starting_flower(self) -> None:
        self.listeners_before = readiness.event_listeners(self.s.effective_broker_url) or set()

    def waiting(self) -> list[str]:
        return [n for n in self.names if n not in self.ready]

    def _answers(self, name: str) -> bool:
        part = self.parts.get(name)
        if name == "broker":
            return readiness.broker_answers(self.s.effective_broker_url)
        if part is None or part.proc is None or part.proc.poll() is not None:
            return False
        if name == "worker":
            return readiness.worker_answers()
        if name == "watcher":
            return readiness.marked_ready(self.s, "watcher", part.proc.pid)
        if name == "dashboard":
            if not readiness.http_answers(readiness.flower_url(self.s)):
                return False
            now = readiness.event_listeners(self.s.effective_broker_url)
            return now is not None and bool(now - (self.listeners_before or set()))
        if name == "pages":
            return readiness.http_answers(readiness.pages_url(self.s))
        return True

    def check(self) -> list[str]:
        for name in self.waiting():
            if self._answers(name):
                self.ready.add(name)
        waiting = tuple(self.waiting())
        if waiting and waiting != self._said:
            self._said = waiting
            took = time.monotonic() - self.t0
            self.say(f"pagemill is starting ({took:.0f} s): waiting for {', '.join(LABELS.get(n, n) for n in waiting)}")
        return list(waiting)


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
    if settings.embedded:
        broker_proc = broker.start(settings)
    parts = plan(settings, worker=worker, dashboard=dashboard, concurrency=concurrency)
    for part in parts:
        if part.name != "dashboard":
            part.start(env)
    startup = Startup(settings, parts, say=_say)
    readiness.write_state(settings, state="starting", waiting=startup.waiting())
    announced = False
    try:
        while not stopping:
            time.sleep(0.2)
            if broker_proc is not None and broker_proc.poll() is not None and not stopping:
                log.error("embedded broker exited; restarting it", code=broker_proc.returncode)
                broker_proc = broker.start(settings)
            for part in parts:
                if part.proc is not None and part.proc.poll() is not None and not stopping:
                    part.restarts += 1
                    # Back off a part that keeps dying right after it starts, instead of spinning.
                    delay = min(30.0, 2.0 ** min(part.restarts, 5)) if time.monotonic() - part.started < 10 else 0.5
                    log.error("part exited; restarting it", part=part.name, code=part.proc.returncode, in_seconds=delay)
                    time.sleep(delay)
                    part.start(env)
            if not announced and not stopping:
                waiting = startup.check()
                flower = next((p for p in parts if p.name == "dashboard"), None)
                if flower is not None and flower.proc is None and "worker" in startup.ready:
                    startup.starting_flower()
                    flower.start(env)
                if waiting:
                    readiness.write_state(settings, state="starting", waiting=waiting)
                else:
                    announced = True
                    readiness.write_state(settings, state="ready", waiting=[], took=round(time.monotonic() - startup.t0, 1))
                    announce(settings)
    finally:
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
    return 0
