"""What pagemill exposes, and how it is locked down."""

from __future__ import annotations

import base64
import json
import re
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
import redis
from celery import Celery

from workers.service.broker import server_command
from workers.settings import Settings

from .conftest import REPO, Service, free_port, service_env, start_embedded_broker, wait_watching, wait_worker_ready

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


# --- the writer acts only on its own held pages, for its own watcher's drops -----------------


def _forged_write_error(held_at: str, drop_id: str | None = None) -> list:
    drop = {"filename": "x.txt", "held_at": held_at}
    if drop_id:
        drop["drop_id"] = drop_id
    return [drop, {"stage": "intake", "error": "x", "message": "y", "attempts": 1}]


def _refused_count(svc: Service) -> int:
    return sum(int(v) for v in svc.broker.client().hgetall("pagemill:refused").values())


def _wait_refused(svc: Service, at_least: int, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if _refused_count(svc) >= at_least:
            return
        svc.check_alive()
        time.sleep(0.1)
    raise AssertionError(f"the writer did not refuse {at_least} message(s) in {timeout}s: {svc.tail_logs()}")


def test_forged_write_messages_on_the_broker_move_nothing(service: Service, tmp_path):
    victim = tmp_path / "victim.txt"
    victim.write_bytes(b"a file the service must never move")
    held = Path(service.env["PAGEMILL_STATE_DIR"]) / "processing"
    held.mkdir(parents=True, exist_ok=True)
    # A link planted where a held page would be, under a well-formed drop id.
    planted_id = "0123456789abcdef01234"
    (held / f"{planted_id}.page").symlink_to(victim)
    before = _refused_count(service)
    sender = Celery(broker=service.broker.url)
    messages = [
        ("pagemill.write_error", _forged_write_error(str(victim))),
        ("pagemill.write_error", _forged_write_error(str(victim), drop_id="../../../victim")),
        ("pagemill.write_error", _forged_write_error(str(victim), drop_id=planted_id)),
        # Signed by someone, but not with this host's key.
        ("pagemill.write_error", [{**_forged_write_error(str(victim), drop_id=planted_id)[0], "signature": "ab" * 32},
                                  _forged_write_error("")[1]]),
    ]
    # A page's process task files its record itself on the outbox host: a forged one is refused there too.
    page = base64.b64encode(b"Heading\n\nA forged page about a river port.\n").decode("ascii")
    processes = [
        ({"filename": "x.txt", "drop_id": planted_id}, page),
        ({"filename": "x.txt", "drop_id": planted_id, "signature": "ab" * 32}, page),
    ]
    for name, args in messages:
        sender.send_task(name, args=args, queue="outbox")
    for args in processes:
        sender.send_task("pagemill.process", args=args, queue="pages")
    _wait_refused(service, before + len(messages) + len(processes))
    assert victim.read_bytes() == b"a file the service must never move"
    assert (held / f"{planted_id}.page").is_symlink()
    assert not service.outcomes("x"), "a forged message wrote an outcome"
    assert not list(service.failed.glob("victim*")) and not list(service.failed.glob("x*"))
    # ...and real pages still go through.
    service.drop("after-forgery.txt", b"Heading\n\nThe delegation left Lima for Quito in March 2013.\n")
    (rec,) = service.wait_for("after-forgery")
    assert rec["kind"] == "record"


def _http(method: str, url: str, auth: str, body: bytes | None = None) -> tuple[int, bytes]:
    req = urllib.request.Request(url, data=body, method=method)
    req.add_header("Authorization", "Basic " + base64.b64encode(auth.encode()).decode())
    if body is not None:
        req.add_header("Content-Type", "application/json")
    try:
        with urllib.request.urlopen(req, timeout=10) as r:
            return r.status, r.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read()


def test_flower_api_cannot_send_or_revoke_tasks_even_for_a_logged_in_user(service: Service, tmp_path):
    victim = tmp_path / "victim.txt"
    victim.write_bytes(b"a file the dashboard must never move")
    port = free_port()
    dash = service.start("dashboard", "dashboard", env={"PAGEMILL_FLOWER_PORT": str(port), "PAGEMILL_FLOWER_BASIC_AUTH": "user:pass"})
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            status, _ = _http("GET", f"{base}/tasks", "user:pass")
            if status == 200:
                break
        except OSError:
            pass
        assert time.monotonic() < deadline, f"Flower did not answer: {dash.log.read_text(errors='replace')[-2000:]}"
        time.sleep(0.2)
    try:
        body = json.dumps({"args": _forged_write_error(str(victim))}).encode()
        for route in ("apply", "async-apply", "send-task"):
            status, text = _http("POST", f"{base}/api/task/{route}/pagemill.write_error", "user:pass", body)
            assert status == 403, (route, status, text[:300])
            assert b"read-only" in text
        for route in ("revoke", "abort"):
            status, _ = _http("POST", f"{base}/api/task/{route}/some-task-id", "user:pass", b"{}")
            assert status == 403
        status, _ = _http("POST", f"{base}/api/worker/shutdown/worker@host", "user:pass", b"{}")
        assert status == 403
        assert _http("GET", f"{base}/tasks", "user:pass")[0] == 200  # looking still works
        assert _http("GET", f"{base}/tasks", "user:wrong")[0] == 401
        assert victim.read_bytes() == b"a file the dashboard must never move"
        assert not service.outcomes("x")
    finally:
        dash.stop()
        dash.name = "done"  # stopped on purpose: the shared service's liveness check must not trip on it
