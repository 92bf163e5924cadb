"""Hooks run from the feed: a real command, and a real HTTP server that fails its first two deliveries."""

from __future__ import annotations

import hashlib
import hmac
import json
import threading
import time
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from workers.edges.feed import Feed

from .conftest import Service, free_port

pytestmark = pytest.mark.integration

SECRET = "a-shared-secret-for-tests"


class FlakyReceiver(BaseHTTPRequestHandler):
    """Answers 503 to its first two POSTs, then 204; keeps what it accepted."""

    calls: list[int] = []
    accepted: dict[int, tuple[dict, bytes]] = {}
    lock = threading.Lock()

    def do_POST(self):  # noqa: N802 - http.server's name
        body = self.rfile.read(int(self.headers["Content-Length"]))
        seq = int(self.headers["X-Pagemill-Seq"])
        with self.lock:
            self.calls.append(seq)
            fail = len(self.calls) <= 2
            if not fail:
                self.accepted[seq] = (dict(self.headers), body)
        self.send_response(503 if fail else 204)
        self.end_headers()

    def log_message(self, *_):
        pass


@pytest.fixture
def receiver():
    FlakyReceiver.calls, FlakyReceiver.accepted = [], {}
    server = ThreadingHTTPServer(("127.0.0.1", free_port()), FlakyReceiver)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/pagemill"
    server.shutdown()


def wait_until(what: str, check, service: Service, timeout: float = 90.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        got = check()
        if got:
            return got
        service.check_alive()
        time.sleep(0.1)
    raise AssertionError(f"{what} not within {timeout}s: {service.tail_logs()}")


def test_every_outcome_reaches_the_command_and_the_webhook_even_after_failed_deliveries(service: Service, receiver: str, tmp_path):
    log = tmp_path / "hook.log"
    port = free_port()
    env = {
        "PAGEMILL_ON_OUTCOME": f'printf "%s %s %s\\n" "$PAGEMILL_OUTCOME_SEQ" "$PAGEMILL_OUTCOME_KIND" "$PAGEMILL_OUTCOME_PATH" >> {log}',
        "PAGEMILL_WEBHOOK_URL": receiver,
        "PAGEMILL_WEBHOOK_SECRET": SECRET,
        "PAGEMILL_HOOK_BACKOFF": "0.2",
        "PAGEMILL_PAGES_PORT": str(port),
    }
    hooks = service.start("hooks", "hooks", env=env)
    view = service.start("pages", "pages", env=env)
    try:
        service.drop("hooked page.txt", b"Harbour note\n\nThe port of Rotterdam took ships from Brazil in June 2008.\n")
        service.drop("hooked-empty.txt", b"")
        (rec,) = service.wait_for("hooked page")
        service.wait_for("hooked-empty")
        entries = {e.filename: e for e, _ in Feed(service.broker.url).read(0, 100_000)}
        good, bad = entries["hooked page.txt"], entries["hooked-empty.txt"]
        last = max(good.seq, bad.seq)

        # The command ran once per outcome, with the outcome in its environment.
        def ours():
            return [ln for ln in log.read_text().splitlines() if int(ln.split()[0]) in (good.seq, bad.seq)] if log.exists() else []

        wait_until("command ran for both outcomes", lambda: len(ours()) >= 2, service)
        lines = ours()
        assert len(lines) == 2, "once each"
        by_seq = {int(ln.split(" ", 2)[0]): ln.split(" ", 2) for ln in lines}
        assert by_seq[good.seq][1] == "record" and Path(by_seq[good.seq][2]) == service.outbox / good.path
        assert by_seq[bad.seq][1] == "error" and Path(by_seq[bad.seq][2]).exists()

        # The webhook: the first two POSTs failed, yet every outcome up to ours was accepted, signed.
        wait_until("webhook accepted all", lambda: all(s in FlakyReceiver.accepted for s in range(1, last + 1)), service)
        assert FlakyReceiver.calls[0] in FlakyReceiver.accepted, "the failed delivery was retried"
        headers, body = FlakyReceiver.accepted[good.seq]
        expected = "sha256=" + hmac.new(SECRET.encode(), body, hashlib.sha256).hexdigest()
        assert hmac.compare_digest(headers["X-Pagemill-Signature"], expected)
        assert json.loads(body)["id"] == rec["id"]
        assert body == (service.outbox / good.path).read_bytes()

        # The failures are counted in /metrics and shown in the pages view.
        def metrics():
            try:
                return urllib.request.urlopen(f"http://127.0.0.1:{port}/metrics", timeout=5).read().decode()
            except OSError:
                return None

        text = wait_until("metrics", metrics, service)
        failed = [ln for ln in text.splitlines() if ln.startswith('pagemill_hook_deliveries_total{hook="webhook",result="failed"}')]
        assert failed and float(failed[0].split()[-1]) >= 2
        page = urllib.request.urlopen(f"http://127.0.0.1:{port}/pages", timeout=5).read().decode()
        assert 'data-hook="webhook"' in page and "failed tries" in page
    finally:
        hooks.stop()
        view.stop()
        hooks.name = view.name = "done"


def test_a_hook_that_hangs_is_cut_off_retried_then_given_up_while_pages_keep_flowing(service: Service):
    import redis

    from workers.edges.hooks import HookState

    env = {
        # Hangs on one outcome only; every other outcome of the session is delivered at once.
        "PAGEMILL_ON_OUTCOME": 'case "$PAGEMILL_OUTCOME_FILENAME" in hang-hook*) sleep 600;; esac',
        "PAGEMILL_HOOK_TIMEOUT": "1",
        "PAGEMILL_HOOK_MAX_ATTEMPTS": "2",
        "PAGEMILL_HOOK_BACKOFF": "0.2",
    }
    hooks = service.start("hooks", "hooks", env=env)
    try:
        service.drop("hang-hook.txt", b"Rail note\n\nEngineers from Spain inspected a line in Morocco in March 2015.\n")
        service.wait_for("hang-hook")
        # The pipeline did not wait for the hook: the next page gets its outcome too.
        service.drop("after-hang.txt", b"Grain note\n\nExporters in Ukraine shipped wheat to Egypt in 2013.\n")
        service.wait_for("after-hang")
        seq = next(e.seq for e, _ in Feed(service.broker.url).read(0, 100_000) if e.filename == "hang-hook.txt")
        state = HookState(redis.Redis.from_url(service.broker.url), "command")

        def given_up():
            return [g for g in state.summary()["recent_given_up"] if g["seq"] == seq]

        (entry,) = wait_until("the hanging delivery given up", given_up, service)
        assert "took longer than 1s" in entry["error"] and "hang-hook.txt" in entry["error"]
        later = next(e.seq for e, _ in Feed(service.broker.url).read(0, 100_000) if e.filename == "after-hang.txt")
        wait_until("the next outcome delivered", lambda: state.cursor() >= later, service)
    finally:
        hooks.stop()
        hooks.name = "done"
