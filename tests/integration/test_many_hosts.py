"""Workers on other hosts: they need only the broker URL; the host that owns the outbox writes the records."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from .conftest import REPO
from .test_faults import big_page, small_page
from .test_up import Up

pytestmark = pytest.mark.integration


class RemoteWorker:
    """A worker whose own inbox and outbox settings point at folders that do not exist."""

    def __init__(self, root: Path, broker_url: str, name: str):
        root.mkdir(parents=True, exist_ok=True)
        self.root, self.log = root, root / f"{name}.log"
        self.nowhere = root / "does-not-exist"
        env = {k: v for k, v in os.environ.items() if not k.startswith("PAGEMILL_")}
        env.update(
            PAGEMILL_BROKER_URL=broker_url,
            PAGEMILL_INBOX=str(self.nowhere / "inbox"),
            PAGEMILL_OUTBOX=str(self.nowhere / "outbox"),
            PAGEMILL_ARCHIVE=str(self.nowhere / "archive"),
            PAGEMILL_FAILED=str(self.nowhere / "failed"),
            PAGEMILL_STATE_DIR=str(self.nowhere / "state"),
            PAGEMILL_LOG_FORMAT="json",
            PAGEMILL_TASK_TIME_LIMIT="8",
            PAGEMILL_RESTORE_UNACKED_INTERVAL="1",
            PYTHONPATH=str(REPO),
        )
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "workers.cli", "worker", "--queues", "pages", "--concurrency", "1", "--hostname", f"{name}@%h"],
            cwd=root, env=env, stdout=self.log.open("ab"), stderr=subprocess.STDOUT, start_new_session=True,
        )

    def wait_ready(self, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if b" ready." in self.log.read_bytes():
                return
            assert self.proc.poll() is None, self.log.read_text()[-3000:]
            time.sleep(0.1)
        raise AssertionError(self.log.read_text()[-3000:])

    def kill(self) -> None:
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait()


@pytest.fixture
def host(tmp_path):
    u = Up(tmp_path / "host")
    u.root.mkdir()
    u.env.update(PAGEMILL_TASK_TIME_LIMIT="8", PAGEMILL_RESTORE_UNACKED_INTERVAL="1")
    u.proc = subprocess.Popen(
        [sys.executable, "-m", "workers.cli", "up", "--no-worker", "--no-dashboard"],
        cwd=u.root, env=u.env, stdout=u.log.open("ab"), stderr=subprocess.STDOUT,
    )
    u.wait_for_text("watching inbox", timeout=30)
    yield u
    if u.proc.poll() is None:
        u.ctrl_c()


def _wait_records(host: Up, stems: list[str], timeout: float) -> dict[str, list[Path]]:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found: dict[str, list[Path]] = {}
        for p in host.records():
            found.setdefault(p.name.split(".")[0], []).append(p)
        if set(stems) <= set(found):
            time.sleep(1.0)
            return {s: [p for p in host.records() if p.name.split(".")[0] == s] for s in stems}
        time.sleep(0.2)
    raise AssertionError(f"missing records for {sorted(set(stems) - set(found))}; host log: {host.text()[-3000:]}")


def test_pages_are_processed_only_by_a_remote_worker_and_written_by_the_host(host: Up, tmp_path):
    url = f"redis://127.0.0.1:{host.env['PAGEMILL_EMBEDDED_BROKER_PORT']}/0"
    remote = RemoteWorker(tmp_path / "remote", url, "remote1")
    try:
        remote.wait_ready()
        stems = [f"remote-{i}" for i in range(8)]
        for i, s in enumerate(stems):
            (host.root / "inbox" / f"{s}.txt").write_bytes(small_page(900 + i))
        found = _wait_records(host, stems, timeout=60)
        assert all(len(v) == 1 for v in found.values())
        remote_log = remote.log.read_bytes()
        assert remote_log.count(b"Task pagemill.process[") >= len(stems) * 2  # received + succeeded
        assert b"pagemill.write[" not in remote_log  # writing stays on the host
        assert b"Task pagemill.process[" not in host.log.read_bytes()  # the host computed nothing
        assert not remote.nowhere.exists()
    finally:
        remote.kill()


def test_page_of_a_remote_worker_killed_mid_page_is_still_processed(host: Up, tmp_path):
    url = f"redis://127.0.0.1:{host.env['PAGEMILL_EMBEDDED_BROKER_PORT']}/0"
    first = RemoteWorker(tmp_path / "r1", url, "doomed")
    first.wait_ready()
    (host.root / "inbox" / "remote-long.txt").write_bytes(big_page("remote"))
    deadline = time.monotonic() + 60
    while b"Task pagemill.process[" not in first.log.read_bytes():
        assert time.monotonic() < deadline, first.log.read_text()[-3000:]
        time.sleep(0.05)
    first.kill()
    second = RemoteWorker(tmp_path / "r2", url, "rescuer")
    try:
        second.wait_ready()
        found = _wait_records(host, ["remote-long"], timeout=90)
        assert len(found["remote-long"]) == 1
    finally:
        second.kill()
