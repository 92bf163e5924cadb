"""`pagemill up --wait` returns only when every part answers, and leaves the service running until `pagemill down`."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
import redis
from celery import Celery

from workers.service.app import celery_app

from .conftest import REPO, free_port

pytestmark = pytest.mark.integration


def _env(**extra: str) -> dict[str, str]:
    """The environment of a `pagemill up` of a test's own: no PAGEMILL_ setting of the caller's, free ports."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PAGEMILL_")}
    env.update(
        PAGEMILL_EMBEDDED_BROKER_PORT=str(free_port()),
        PAGEMILL_FLOWER_PORT=str(free_port()),
        PAGEMILL_PAGES_PORT=str(free_port()),
        PAGEMILL_SETTLE_SECONDS="0.3",
        PAGEMILL_LOG_FORMAT="json",
        PAGEMILL_CONCURRENCY="1",
        PYTHONPATH=str(REPO),
        **extra,
    )
    return env


def _cli(root: Path, env: dict[str, str], *args: str, timeout: float) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "workers.cli", *args], cwd=root, env=env, capture_output=True, text=True, timeout=timeout
    )


def _get(url: str) -> tuple[int, str]:
    with urllib.request.urlopen(url, timeout=5) as r:
        return r.status, r.headers.get("Content-Type", "")


def _alive(pid: int) -> bool:
    try:
        return "zombie" not in Path(f"/proc/{pid}/status").read_text()
    except FileNotFoundError:
        return False


def test_up_wait_returns_with_every_part_answering_and_down_stops_it(tmp_path):
    env = _env()
    done = _cli(tmp_path, env, "up", "--wait", timeout=400)
    state_file = tmp_path / ".pagemill" / "up.json"
    pid = json.loads(state_file.read_text())["pid"] if state_file.exists() else None
    try:
        assert done.returncode == 0, done.stderr + (tmp_path / ".pagemill" / "up.log").read_text(errors="replace")[-3000:]
        assert "pagemill is up." in done.stderr and "pagemill down" in done.stderr
        # Right away, with no retry: each part must already answer.
        broker_url = f"redis://127.0.0.1:{env['PAGEMILL_EMBEDDED_BROKER_PORT']}/0"
        assert redis.Redis.from_url(broker_url).ping()
        client = Celery(broker=broker_url)
        client.conf.broker_transport_options = celery_app.conf.broker_transport_options  # the same queue layout
        replies = client.control.ping(timeout=5)
        assert any(name.startswith("worker@") for reply in replies for name in reply), replies
        assert _get(f"http://127.0.0.1:{env['PAGEMILL_FLOWER_PORT']}/healthcheck")[0] == 200
        status, media_type = _get(f"http://127.0.0.1:{env['PAGEMILL_PAGES_PORT']}/healthz")
        assert status == 200 and media_type.startswith("text/plain")
        # The watcher has no port: a page dropped now becomes a record.
        (tmp_path / "inbox" / "note.txt").write_text("A Heading\n\nThe council in Leeds met on 3 May 2019.\n", encoding="utf-8")
        deadline = time.monotonic() + 60
        while not list((tmp_path / "outbox").glob("note.*.json")) and time.monotonic() < deadline:
            time.sleep(0.1)
        records = list((tmp_path / "outbox").glob("note.*.json"))
        assert records and json.loads(records[0].read_text())["kind"] == "record"
        assert pid is not None and _alive(pid)
        # A quiet start: machine logs are JSON lines; the only other lines are the supervisor's own words.
        log = (tmp_path / ".pagemill" / "up.log").read_text(errors="replace")
        assert "Inspect method" not in log  # Flower started before the worker answered
        assert "[config]" not in log and "[queues]" not in log  # Celery's banner
        assert "superuser privileges" not in log  # Celery's box (explained in one JSON line instead, as root)
        ours = ("pagemill is starting", "pagemill is up.", "  ", "Running in the background")
        stray = [line for line in log.splitlines() if line and not line.startswith("{") and not line.startswith(ours)]
        assert not stray, stray

        second = _cli(tmp_path, env, "up", "--wait", timeout=60)
        assert second.returncode != 0 and "already running" in second.stderr

        stopped = _cli(tmp_path, env, "down", timeout=300)
        assert stopped.returncode == 0, stopped.stderr
        assert not _alive(pid)
        assert not state_file.exists()
        again = _cli(tmp_path, env, "down", timeout=60)
        assert again.returncode == 0 and "not running" in again.stderr
    finally:
        if pid is not None and _alive(pid):
            os.kill(pid, 9)
