"""`pagemill up` as a user runs it: embedded broker, worker, watcher, dashboard; Ctrl-C and restart."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from .conftest import REPO, filed, free_port

pytestmark = pytest.mark.integration


class Up:
    def __init__(self, root: Path):
        self.root = root
        self.env = {k: v for k, v in os.environ.items() if not k.startswith("PAGEMILL_")}
        self.env.update(
            PAGEMILL_EMBEDDED_BROKER_PORT=str(free_port()),
            PAGEMILL_FLOWER_PORT=str(free_port()),
            PAGEMILL_PAGES_PORT=str(free_port()),
            PAGEMILL_SETTLE_SECONDS="0.3",
            PAGEMILL_LOG_FORMAT="json",
            PAGEMILL_CONCURRENCY="2",
            PYTHONPATH=str(REPO),
            # Flower's JSON API is off without auth; the test reads it, a browser would not need this.
            FLOWER_UNAUTHENTICATED_API="true",
        )
        self.proc: subprocess.Popen | None = None
        self.log = root / "up.log"

    def start(self) -> None:
        # Run in the folder, with no paths configured: the defaults a user gets.
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "workers.cli", "up"], cwd=self.root, env=self.env,
            stdout=self.log.open("ab"), stderr=subprocess.STDOUT,
        )

    def ctrl_c(self, timeout: float = 90) -> int:
        self.proc.send_signal(signal.SIGINT)
        return self.proc.wait(timeout)

    def text(self) -> str:
        return self.log.read_text(errors="replace")

    def wait_for_text(self, needle: str, timeout: float = 30) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if needle in self.text():
                return
            assert self.proc.poll() is None, f"pagemill up exited: {self.text()[-3000:]}"
            time.sleep(0.1)
        raise AssertionError(f"{needle!r} not printed in {timeout}s: {self.text()[-3000:]}")

    def records(self) -> list[Path]:
        return sorted((self.root / "outbox").glob("*.json"))


@pytest.fixture
def up(tmp_path):
    u = Up(tmp_path)
    yield u
    if u.proc and u.proc.poll() is None:
        u.proc.kill()
        u.proc.wait()


def _get_json(url: str):
    with urllib.request.urlopen(url, timeout=5) as r:
        return json.loads(r.read())


def test_up_runs_everything_and_a_dropped_page_becomes_a_record_shown_on_the_dashboard(up: Up, seed_page):
    up.start()
    up.wait_for_text("pagemill is up.", timeout=180)  # printed once every part answers
    out = up.text()
    for where in ("inbox", "outbox", "dashboard", "http://127.0.0.1:"):
        assert where in out
    t0 = time.monotonic()
    (up.root / "inbox" / seed_page.name).write_bytes(seed_page.read_bytes())
    while not up.records() and time.monotonic() - t0 < 10:
        time.sleep(0.05)
    assert up.records(), f"no record within 10 s: {up.text()[-3000:]}"
    record = json.loads(up.records()[0].read_text())
    assert record["kind"] == "record" and record["section"]["number"] == "2"
    assert filed(up.root / "archive" / seed_page.name)

    flower = f"http://127.0.0.1:{up.env['PAGEMILL_FLOWER_PORT']}"
    deadline = time.monotonic() + 20
    tasks = {}
    while time.monotonic() < deadline:
        try:
            tasks = _get_json(f"{flower}/api/tasks")
        except OSError:
            tasks = {}
        names = {t.get("name") for t in tasks.values()}
        if "pagemill.process" in names:
            break
        time.sleep(0.5)
    names = {t.get("name") for t in tasks.values()}
    # On the host that owns the outbox the page's one task files its record too: no write task.
    assert names == {"pagemill.process"}
    for t in tasks.values():
        assert seed_page.name in (t.get("args") or ""), t  # shown by file name...
        assert "Japan and the United States" not in json.dumps(t)  # ...never by the page body

    assert up.ctrl_c() == 0
    up.proc = None


def test_ctrl_c_keeps_queued_pages_and_the_next_up_finishes_them_once(up: Up):
    up.start()
    up.wait_for_text("watching inbox", timeout=30)
    inbox = up.root / "inbox"
    names = [f"queued-{i:03d}" for i in range(300)]
    for i, n in enumerate(names):
        (inbox / f"{n}.txt").write_bytes(f"Item {i}\n\nThe embassy in Lisbon issued {i} visas in April 2014.\n".encode())
    # Ctrl-C as soon as the first record is out: the rest are queued or being processed. (A fixed pause
    # raced the service: once it was quick enough, every page was done before the pause ended.)
    deadline = time.monotonic() + 60
    while not up.records() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert up.ctrl_c() == 0, up.text()[-3000:]
    done_before = len(up.records())
    assert done_before < len(names), "everything finished before Ctrl-C; the test proves nothing"
    up.start()
    deadline = time.monotonic() + 120
    while len(up.records()) < len(names) and time.monotonic() < deadline:
        time.sleep(0.2)
    time.sleep(1.0)
    stems = sorted(p.name.split(".")[0] for p in up.records())
    assert stems == sorted(names), f"lost or doubled pages: {sorted(set(names) ^ set(stems))}"
    assert up.ctrl_c() == 0
    up.proc = None


def test_killing_up_outright_takes_its_children_with_it(up: Up):
    up.start()
    up.wait_for_text("watching inbox", timeout=30)
    kids = [int(c) for t in Path(f"/proc/{up.proc.pid}/task").iterdir() for c in (t / "children").read_text().split()]
    assert len(kids) >= 4  # broker, worker, dashboard, watcher (and the pages view)
    up.proc.kill()
    up.proc.wait()
    def running(pid: int) -> bool:
        try:
            return "zombie" not in Path(f"/proc/{pid}/status").read_text()
        except FileNotFoundError:
            return False

    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and any(map(running, kids)):
        time.sleep(0.2)
    alive = [k for k in kids if running(k)]
    assert not alive, f"orphans left running: {alive}"
    up.proc = None
