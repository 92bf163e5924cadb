"""Real parts for integration tests: a broker, a Celery worker and a watcher on real folders.

The broker is the embedded Valkey server (started once per session on a free
port), or an existing Redis when PAGEMILL_TEST_BROKER_URL is set, e.g.
``PAGEMILL_TEST_BROKER_URL=redis://127.0.0.1:6379/15`` (that database is flushed).
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import redis

from workers.service import broker as embedded
from workers.settings import Settings

REPO = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Broker:
    url: str
    proc: subprocess.Popen | None = None
    settings: Settings | None = None

    def client(self) -> redis.Redis:
        return redis.Redis.from_url(self.url, decode_responses=True)


@pytest.fixture(scope="session")
def broker(tmp_path_factory) -> Iterator[Broker]:
    url = os.environ.get("PAGEMILL_TEST_BROKER_URL")
    if url:
        b = Broker(url)
        b.client().flushdb()
        yield b
        b.client().flushdb()
        return
    state = tmp_path_factory.mktemp("broker-state")
    settings = Settings(state_dir=state, embedded_broker_port=free_port())
    proc = embedded.start(settings)
    b = Broker(f"redis://127.0.0.1:{settings.embedded_broker_port}/0", proc, settings)
    yield b
    proc.terminate()
    proc.wait(10)


@dataclass
class Part:
    name: str
    proc: subprocess.Popen
    log: Path

    def stop(self, sig: int = signal.SIGTERM, timeout: float = 30) -> None:
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, sig)
            try:
                self.proc.wait(timeout)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait()


@dataclass
class Service:
    """Folders plus the processes serving them; knows how to drop pages and wait for outcomes."""

    root: Path
    env: dict[str, str]
    broker: Broker
    parts: list[Part] = field(default_factory=list)

    @property
    def inbox(self) -> Path:
        return Path(self.env["PAGEMILL_INBOX"])

    @property
    def outbox(self) -> Path:
        return Path(self.env["PAGEMILL_OUTBOX"])

    @property
    def archive(self) -> Path:
        return Path(self.env["PAGEMILL_ARCHIVE"])

    @property
    def failed(self) -> Path:
        return Path(self.env["PAGEMILL_FAILED"])

    def start(self, name: str, *args: str, env: dict[str, str] | None = None) -> Part:
        log = self.root / f"{name}-{len(self.parts)}.log"
        proc = subprocess.Popen(
            [sys.executable, "-m", "workers.cli", *args],
            env={**self.env, **(env or {})},
            stdout=log.open("ab"),
            stderr=subprocess.STDOUT,
            start_new_session=True,
            cwd=self.root,
        )
        part = Part(name, proc, log)
        self.parts.append(part)
        return part

    def drop(self, name: str, data: bytes, *, how: str = "write") -> Path:
        """Put a page in the inbox: written in place, or written elsewhere and renamed in."""
        target = self.inbox / name
        if how == "rename":
            tmp = self.root / "staging" / name
            tmp.parent.mkdir(exist_ok=True)
            tmp.write_bytes(data)
            os.rename(tmp, target)
        else:
            target.write_bytes(data)
        return target

    def outcomes(self, stem: str | None = None) -> list[dict]:
        found = []
        for p in sorted(self.outbox.glob("*.json")):
            try:
                doc = json.loads(p.read_text(encoding="utf-8"))
            except FileNotFoundError:
                # Removed since the listing: a retried page's new outcome replaces its error record. Gone is
                # what a reader of the outbox sees next, so it is no outcome any more.
                continue
            name = doc.get("filename") or doc.get("source", {}).get("filename", "")
            if stem is None or Path(name).stem == stem or name == stem:
                doc["_path"] = p
                found.append(doc)
        return found

    def wait_for(self, stem: str, n: int = 1, timeout: float = 30.0) -> list[dict]:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            got = self.outcomes(stem)
            if len(got) >= n:
                time.sleep(0.3)  # would a second, duplicate outcome follow?
                return self.outcomes(stem)
            self.check_alive()
            time.sleep(0.05)
        raise AssertionError(f"no {n} outcome(s) for {stem!r} within {timeout}s; logs: {self.tail_logs()}")

    def check_alive(self) -> None:
        for part in self.parts:
            if part.proc.poll() is not None and part.name != "done":
                raise AssertionError(f"{part.name} exited with {part.proc.returncode}: {self.tail_logs()}")

    def tail_logs(self, n: int = 4000) -> str:
        return "\n".join(f"--- {p.name}\n{p.log.read_text(errors='replace')[-n:]}" for p in self.parts)

    def stop(self) -> None:
        for part in reversed(self.parts):
            part.stop()


def service_env(root: Path, broker_url: str, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PAGEMILL_")}
    env.update(
        PAGEMILL_BROKER_URL=broker_url,
        PAGEMILL_INBOX=str(root / "inbox"),
        PAGEMILL_OUTBOX=str(root / "outbox"),
        PAGEMILL_ARCHIVE=str(root / "archive"),
        PAGEMILL_FAILED=str(root / "failed"),
        PAGEMILL_STATE_DIR=str(root / "state"),
        PAGEMILL_SETTLE_SECONDS="0.3",
        PAGEMILL_SWEEP_INTERVAL="2",
        PAGEMILL_TASK_TIME_LIMIT="30",
        PAGEMILL_RETRY_BACKOFF="0.2",
        PAGEMILL_RESTORE_UNACKED_INTERVAL="1",
        PAGEMILL_LOG_FORMAT="json",
        PYTHONPATH=str(REPO),
    )
    env.update(extra)
    for key in ("PAGEMILL_INBOX", "PAGEMILL_OUTBOX"):
        Path(env[key]).mkdir(parents=True, exist_ok=True)
    return env


def _wait_said(service: Service, part: Part, needle: bytes, what: str, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if needle in part.log.read_bytes():
            return
        service.check_alive()
        time.sleep(0.05)
    raise AssertionError(f"{part.name} not {what} in {timeout}s: {service.tail_logs()}")


def wait_worker_ready(service: Service, part: Part, timeout: float = 60.0) -> None:
    _wait_said(service, part, b" ready.", "ready", timeout)


def wait_watching(service: Service, part: Part, timeout: float = 30.0) -> None:
    _wait_said(service, part, b"watching inbox", "watching", timeout)


@pytest.fixture(scope="session")
def service(broker: Broker, tmp_path_factory) -> Iterator[Service]:
    """One worker (pages + outbox queues) and one watcher, for the whole session."""
    root = tmp_path_factory.mktemp("service")
    svc = Service(root, service_env(root, broker.url), broker)
    worker = svc.start("worker", "worker", "--queues", "pages,outbox", "--concurrency", "2")
    watcher = svc.start("watcher", "watch")
    wait_worker_ready(svc, worker)
    wait_watching(svc, watcher)
    yield svc
    svc.stop()


def start_embedded_broker(state: Path, port: int | None = None, password: str | None = None) -> Broker:
    from pydantic import SecretStr

    settings = Settings(
        state_dir=state, embedded_broker_port=port or free_port(), broker_password=SecretStr(password) if password else None
    )
    proc = embedded.start(settings)
    auth = f":{password}@" if password else ""
    return Broker(f"redis://{auth}127.0.0.1:{settings.embedded_broker_port}/0", proc, settings)


@pytest.fixture
def isolated(tmp_path) -> Iterator[Service]:
    """A service of its own (own embedded broker, folders, no parts started yet) for tests that break things."""
    b = start_embedded_broker(tmp_path / "broker-state")
    svc = Service(tmp_path, service_env(tmp_path, b.url), b)
    yield svc
    svc.stop()
    for proc in {b.proc, svc.broker.proc}:  # the test may have restarted the broker
        if proc and proc.poll() is None:
            proc.terminate()
            proc.wait(10)


def children_of(pid: int) -> list[int]:
    """Direct child processes, from /proc (no extra dependency)."""
    kids = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        kids += [int(c) for c in (task / "children").read_text().split()]
    return kids


def wait_log(part: Part, needle: bytes, timeout: float = 30.0, after: int = 0) -> int:
    """Wait until ``needle`` shows up in a part's log (after byte ``after``); returns where."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        data = part.log.read_bytes()
        i = data.find(needle, after)
        if i >= 0:
            return i
        time.sleep(0.05)
    raise AssertionError(f"{needle!r} not in {part.name} log within {timeout}s:\n{part.log.read_text(errors='replace')[-3000:]}")


def filed(path: Path, timeout: float = 10.0) -> bool:
    """True once ``path`` (an original in archive/ or failed/) exists.

    The writer files the original just after the outcome file appears, so a
    test that has seen the outcome waits a moment for the original too.
    """
    deadline = time.monotonic() + timeout
    while not os.path.lexists(path):
        if time.monotonic() > deadline:
            return False
        time.sleep(0.02)
    return True
