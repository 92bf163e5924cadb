"""What pagemill exposes, and how it is locked down."""

from __future__ import annotations

import re

import pytest
import redis

from workers.service.broker import server_command
from workers.settings import Settings

from .conftest import REPO, Service, service_env, start_embedded_broker, wait_watching, wait_worker_ready

pytestmark = pytest.mark.integration


def test_embedded_broker_refuses_to_listen_beyond_loopback(tmp_path):
    with pytest.raises(ValueError, match="loopback"):
        server_command(Settings(state_dir=tmp_path, embedded_broker_host="0.0.0.0"))
    argv = server_command(Settings(state_dir=tmp_path))
    assert argv[argv.index("--bind") + 1] == "127.0.0.1"


def test_password_protected_broker_refuses_strangers_and_serves_pagemill(tmp_path):
    b = start_embedded_broker(tmp_path / "state", password="s3cret-pass")
    try:
        port = b.settings.embedded_broker_port
        with pytest.raises(redis.AuthenticationError):
            redis.Redis(port=port).ping()
        assert redis.Redis(port=port, password="s3cret-pass").ping()
        # The service gets the password separately from a URL without one.
        env = service_env(tmp_path, f"redis://127.0.0.1:{port}/0", PAGEMILL_BROKER_PASSWORD="s3cret-pass")
        svc = Service(tmp_path, env, b)
        try:
            worker = svc.start("worker", "worker", "--queues", "pages,outbox", "--concurrency", "1")
            watcher = svc.start("watcher", "watch")
            wait_worker_ready(svc, worker)
            wait_watching(svc, watcher)
            svc.drop("locked.txt", b"Heading\n\nThe minister arrived in Oslo in May 2011.\n")
            (rec,) = svc.wait_for("locked")
            assert rec["kind"] == "record"
        finally:
            svc.stop()
    finally:
        b.proc.terminate()
        b.proc.wait(10)


def test_no_shell_is_ever_given_a_file_name():
    offenders = []
    for path in (REPO / "workers").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        for pattern in (r"shell\s*=\s*True", r"os\.system\(", r"os\.popen\(", r"subprocess\.getoutput"):
            if re.search(pattern, text):
                offenders.append(f"{path.relative_to(REPO)}: {pattern}")
    assert not offenders, offenders
