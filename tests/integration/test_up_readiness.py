"""`pagemill up --wait` says "pagemill is up" only when every part is this pagemill's own and works.

Real `pagemill up --wait` subprocesses: a port held by another program (a socket this test opens) makes it
fail at once, naming the port and the setting; a sink whose database does not exist makes it fail instead
of being counted as up; and with --no-dashboard the banner lists no dashboard. PostgreSQL: 127.0.0.1:5432
(user postgres, trust auth) or PAGEMILL_TEST_POSTGRES_URL; those tests are skipped without one.
"""

from __future__ import annotations

import http.server
import json
import os
import secrets
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
import redis

from .test_up_wait import _env

pytestmark = pytest.mark.integration





def _cmd(*args: str) -> list[str]:
    return [sys.executable, "-m", "workers.cli", *args]


def _cli(root: Path, env: dict[str, str], *args: str, timeout: float) -> subprocess.CompletedProcess:
    return subprocess.run(_cmd(*args), cwd=root, env=env, capture_output=True, text=True, timeout=timeout)


def _alive(pid: int) -> bool:
    try:
        return "zombie" not in Path(f"/proc/{pid}/status").read_text()
    except FileNotFoundError:
        return False


def _state(root: Path) -> dict | None:
    try:
        return json.loads((root / ".pagemill" / "up.json").read_text())
    except (OSError, ValueError):
        return None


@pytest.fixture
def cleanup():
    """Whatever `up --wait` left running (on the old code it reported up): `pagemill down`, then SIGKILL."""
    started: list[tuple[Path, dict]] = []
    yield lambda root, env: started.append((root, env))
    for root, env in started:
        state = _state(root)
        if state and _alive(state["pid"]):
            _cli(root, env, "down", "--timeout", "60", timeout=120)
            if _alive(state["pid"]):
                os.kill(state["pid"], 9)


def _listening(port: int) -> socket.socket:
    sock = socket.socket()
    sock.bind(("127.0.0.1", port))
    sock.listen()
    return sock


class _Ok(http.server.BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802 - the stdlib's name
        self.send_response(200)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.end_headers()
        self.wfile.write(b"ok\n")

    def log_message(self, *_):
        pass


def _says_port_taken(stderr: str, port: int, setting: str) -> bool:
    return f"port {port} ({setting}) is in use by another program: set {setting} to a free port" in stderr


def test_a_pages_port_another_program_answers_on_fails_up_wait_naming_the_port_and_setting(tmp_path, cleanup):
    env = _env()
    port = int(env["PAGEMILL_PAGES_PORT"])
    # Answers /healthz with 200, as another pagemill's pages view would: the old check took it for ours.
    other = http.server.ThreadingHTTPServer(("127.0.0.1", port), _Ok)
    threading.Thread(target=other.serve_forever, daemon=True).start()
    cleanup(tmp_path, env)
    try:
        t0 = time.monotonic()
        done = _cli(tmp_path, env, "up", "--wait", "--timeout", "120", timeout=300)
        took = time.monotonic() - t0
    finally:
        other.shutdown()
        other.server_close()
    assert done.returncode == 1, done.stderr
    assert "pagemill is up." not in done.stderr
    assert _says_port_taken(done.stderr, port, "PAGEMILL_PAGES_PORT"), done.stderr
    assert "The end of" in done.stderr and "up.log" in done.stderr  # the log tail the README promises
    assert took < 60, f"took {took:.0f} s: a taken port is not a slow start"
    assert _state(tmp_path) is None  # nothing left running
    with socket.socket() as probe:  # not even the embedded broker
        assert probe.connect_ex(("127.0.0.1", int(env["PAGEMILL_EMBEDDED_BROKER_PORT"]))) != 0


@pytest.mark.parametrize("when", ["before it starts", "while it starts"])
def test_a_flower_port_another_program_holds_fails_up_wait_at_once_with_the_cause_and_the_log(tmp_path, cleanup, when):
    env = _env()
    port = int(env["PAGEMILL_FLOWER_PORT"])
    cleanup(tmp_path, env)
    holder = _listening(port) if when == "before it starts" else None
    try:
        t0 = time.monotonic()
        up = subprocess.Popen(_cmd("up", "--wait", "--timeout", "45"), cwd=tmp_path, env=env, stderr=subprocess.PIPE, text=True)
        if holder is None:
            # Flower starts only once the worker answers (seconds): take its port in between.
            while (state := _state(tmp_path)) is None or state.get("state") != "starting":
                assert up.poll() is None, up.stderr.read()
                time.sleep(0.05)
            if "dashboard" not in state.get("waiting", []):
                pytest.skip("Flower was up before the test could take its port")
            try:
                holder = _listening(port)
            except OSError:
                pytest.skip("Flower took its port before the test could")
        _out, err = up.communicate(timeout=200)
        took = time.monotonic() - t0
    finally:
        if holder is not None:
            holder.close()
    assert up.returncode == 1, err
    assert "pagemill is up." not in err
    assert _says_port_taken(err, port, "PAGEMILL_FLOWER_PORT"), err
    assert "Raise --timeout" not in err
    assert "The end of" in err and "up.log" in err
    assert took < 40, f"took {took:.0f} s: it waited for the timeout instead of saying why"
    assert _state(tmp_path) is None




def test_a_sink_whose_database_does_not_exist_fails_up_wait_saying_so(tmp_path, database, cleanup):
    env = _env()
    missing = database.rsplit("/", 1)[0] + f"/pagemill_missing_{secrets.token_hex(4)}"
    cleanup(tmp_path, env)
    done = _cli(tmp_path, env, "up", "--wait", "--timeout", "60", "--sink", missing, timeout=300)
    assert done.returncode == 1, done.stderr
    assert "pagemill is up." not in done.stderr
    assert f'database "{missing.rsplit("/", 1)[1]}" does not exist' in done.stderr
    assert "The end of" in done.stderr
    assert _state(tmp_path) is None


def test_up_wait_returns_once_the_sink_made_its_tables_and_the_hooks_read_the_feed_and_lists_only_what_runs(tmp_path, database, cleanup):
    import psycopg

    from workers.edges.sink import MIGRATIONS

    env = _env(PAGEMILL_ON_OUTCOME="true")
    cleanup(tmp_path, env)
    done = _cli(tmp_path, env, "up", "--wait", "--no-dashboard", "--sink", database, timeout=400)
    try:
        assert done.returncode == 0, done.stderr + (tmp_path / ".pagemill" / "up.log").read_text(errors="replace")[-3000:]
        # At once, with no retry: the sink connected and made its tables, the hooks are reading the feed.
        with psycopg.connect(database) as conn:
            assert conn.execute("SELECT max(version) FROM pagemill.migrations").fetchone()[0] == len(MIGRATIONS)
            assert conn.execute("SELECT count(*) FROM pg_stat_activity WHERE application_name = 'pagemill-sink'").fetchone()[0] >= 1
        broker = redis.Redis.from_url(f"redis://127.0.0.1:{env['PAGEMILL_EMBEDDED_BROKER_PORT']}/0", decode_responses=True)
        assert any(c["cmd"] in ("xread", "xrange", "zrangebyscore", "zrange") for c in broker.client_list()), broker.client_list()
        # The banner names what runs: no dashboard and no pages view with --no-dashboard.
        banner = done.stderr[done.stderr.index("pagemill is up."):]
        assert "inbox" in banner and "broker" in banner
        assert "dashboard" not in banner and "/pages" not in banner
        assert env["PAGEMILL_FLOWER_PORT"] not in banner and env["PAGEMILL_PAGES_PORT"] not in banner
    finally:
        stopped = _cli(tmp_path, env, "down", timeout=300)
    assert stopped.returncode == 0, stopped.stderr
