"""`pagemill up` counts a part as up only when it is this pagemill's own and did its first real work; when it
cannot be, it says why (a port another program holds, a database the sink cannot use, a refused password).

Real sockets, real child processes and (when there is one) the PostgreSQL server on 127.0.0.1:5432 or
PAGEMILL_TEST_POSTGRES_URL; the slow end-to-end runs are in tests/integration/test_up_readiness.py.
"""

from __future__ import annotations

import http.server
import json
import os
import re
import secrets
import signal
import socket
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from workers.service import background, readiness, runner
from workers.settings import Settings

REPO = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def settings(tmp_path: Path, **kw) -> Settings:
    base = dict(state_dir=tmp_path / ".pagemill", embedded_broker_port=free_port(), flower_port=free_port(), pages_port=free_port())
    return Settings(**{**base, **kw})


class _Ok(http.server.BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802 - the stdlib's name
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.end_headers()
        self.wfile.write(b"ok\n")

    def log_message(self, *_):
        pass


@pytest.fixture
def other_program():
    """An HTTP server in this test process that answers every GET with 200, like another pagemill's /healthz."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Ok)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server.server_address[1]
    server.shutdown()
    server.server_close()


@pytest.fixture
def children():
    procs: list[subprocess.Popen] = []

    def spawn(code: str, **kw) -> subprocess.Popen:
        p = subprocess.Popen([sys.executable, "-c", textwrap.dedent(code)], stdout=subprocess.PIPE, text=True,
                             env={**os.environ, "PYTHONPATH": str(REPO)}, **kw)
        procs.append(p)
        return p

    yield spawn
    for p in procs:
        if p.poll() is None:
            p.kill()
        p.wait()


def idle(spawn) -> subprocess.Popen:
    return spawn("import time; time.sleep(120)")


def part(name: str, proc: subprocess.Popen) -> runner.Part:
    return runner.Part(name, [], proc=proc, started=time.monotonic())


# --- ports ----------------------------------------------------------------------------------


def test_port_in_use_sees_a_listening_socket_and_a_free_port_as_free():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen()
        port = sock.getsockname()[1]
        assert readiness.port_in_use("127.0.0.1", port)
        assert readiness.port_in_use("0.0.0.0", port)  # a wildcard bind collides with it too
    assert not readiness.port_in_use("127.0.0.1", port)


def test_a_taken_port_is_named_with_the_setting_that_moves_it(tmp_path):
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen()
        port = sock.getsockname()[1]
        s = settings(tmp_path, flower_port=port)
        assert readiness.port_taken(s, "dashboard") == (
            f"port {port} (PAGEMILL_FLOWER_PORT) is in use by another program: set PAGEMILL_FLOWER_PORT to a free port"
        )
        assert readiness.port_taken(s, "pages") is None and readiness.port_taken(s, "worker") is None


def test_listens_tells_the_process_holding_the_port_from_another(children):
    server = children("""
        import socket, time
        s = socket.socket(); s.bind(("127.0.0.1", 0)); s.listen()
        print(s.getsockname()[1], flush=True); time.sleep(120)
    """)
    port = int(server.stdout.readline())
    assert readiness.listens(server.pid, port)
    assert not readiness.listens(idle(children).pid, port)


def test_a_pages_port_answered_by_another_program_is_not_this_pagemills_pages_view(tmp_path, other_program, children):
    s = settings(tmp_path, pages_port=other_program)
    pages = part("pages", idle(children))  # our pages view: alive, but it never got the port
    startup = runner.Startup(s, [pages], say=lambda _line: None)
    assert readiness.http_answers(readiness.pages_url(s))  # what the old check asked: it answers
    assert not startup._answers("pages")
    assert startup.why["pages"] == f"port {other_program} answers, but not from this pagemill: another program has it (PAGEMILL_PAGES_PORT)"


def test_a_pages_port_answered_by_its_own_process_is_ready(tmp_path, children):
    server = children("""
        import http.server
        class H(http.server.BaseHTTPRequestHandler):
            def do_GET(self):
                self.send_response(200); self.end_headers(); self.wfile.write(b"ok")
            def log_message(self, *a): pass
        srv = http.server.HTTPServer(("127.0.0.1", 0), H)
        print(srv.server_address[1], flush=True); srv.serve_forever()
    """)
    s = settings(tmp_path, pages_port=int(server.stdout.readline()))
    startup = runner.Startup(s, [part("pages", server)], say=lambda _line: None)
    assert startup._answers("pages") and "pages" not in startup.why


@pytest.fixture
def keep_signal_handlers():
    saved = {sig: signal.getsignal(sig) for sig in (signal.SIGINT, signal.SIGTERM)}
    yield
    for sig, handler in saved.items():
        signal.signal(sig, handler)


def test_up_with_a_taken_port_stops_before_starting_anything_and_says_which(tmp_path, monkeypatch, capsys, keep_signal_handlers):
    def started(*_a, **_k):
        raise AssertionError("started a part although its port is taken")

    monkeypatch.setattr(runner.broker, "start", started)
    monkeypatch.setattr(runner.Part, "start", started)
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen()
        port = sock.getsockname()[1]
        code = runner.run(settings(tmp_path, pages_port=port), announce=started)
    assert code == 1
    err = capsys.readouterr().err
    assert f"pagemill up cannot start: port {port} (PAGEMILL_PAGES_PORT) is in use by another program: set PAGEMILL_PAGES_PORT to a free port" in err


# --- the sink and the hooks: alive is not working ------------------------------------------------




def test_a_live_sink_whose_database_does_not_exist_is_not_ready_and_says_why(tmp_path, database, children):
    missing = database.rsplit("/", 1)[0] + f"/pagemill_missing_{secrets.token_hex(4)}"
    s = settings(tmp_path, sink_url=missing)
    startup = runner.Startup(s, [part("sink", idle(children))], say=lambda _line: None)
    assert not startup._answers("sink")
    assert "cannot use its database" in startup.why["sink"] and "does not exist" in startup.why["sink"]


def test_the_sink_is_ready_once_its_own_connection_made_its_tables(tmp_path, database, children):
    s = settings(tmp_path, sink_url=database)
    assert readiness.sink_connected(database, idle(children).pid) == (False, "its tables are not made yet")
    # A sink's first real work, as `pagemill sink` does it: connect under its name and migrate.
    sink = children(f"""
        import time, psycopg
        from workers.edges.sink import migrate
        conn = psycopg.connect({database!r}, autocommit=True, application_name="pagemill-sink")
        migrate(conn)
        print("connected", flush=True); time.sleep(120)
    """)
    assert any(line.strip() == "connected" for line in iter(sink.stdout.readline, ""))  # after its own log lines
    startup = runner.Startup(s, [part("sink", sink)], say=lambda _line: None)
    assert startup._answers("sink")
    # Another process's sink session is not ours: a live sink that has not connected is still waited for.
    assert readiness.sink_connected(database, idle(children).pid) == (False, "not connected to its database yet")


def test_live_hooks_that_do_not_read_the_feed_are_not_ready(tmp_path, children):
    s = settings(tmp_path, on_outcome="true")
    startup = runner.Startup(s, [part("hooks", idle(children))], say=lambda _line: None)
    assert not startup._answers("hooks")
    assert startup.why["hooks"] == "not reading the feed from the broker yet"


def test_a_refused_broker_password_is_said_while_waiting(tmp_path):
    from workers.service import broker

    s = settings(tmp_path, broker_password="right-password")
    proc = broker.start(s)
    try:
        wrong = f"redis://:wrong-password@127.0.0.1:{s.embedded_broker_port}/0"
        startup = runner.Startup(s.model_copy(update={"broker_url": wrong}), [], say=lambda _line: None)
        assert not startup._answers("broker")
        assert startup.why["broker"].startswith("the broker refused the password: check PAGEMILL_BROKER_PASSWORD")
        assert readiness.broker_status(s.effective_broker_url) == (True, None)
    finally:
        proc.terminate()
        proc.wait(10)


# --- what `up --wait` says when it gives up -----------------------------------------------------------


def test_up_wait_giving_up_says_why_and_prints_the_end_of_this_starts_log(tmp_path, monkeypatch, capsys):
    s = settings(tmp_path)
    s.state_dir.mkdir(parents=True)
    (s.state_dir / "up.log").write_text("a line from an earlier start\n")
    # Stands in for the detached `pagemill up`: writes up.json as the supervisor does, and one log line.
    fake = textwrap.dedent(f"""
        import json, os, sys, time
        state = {{"pid": os.getpid(), "state": "starting", "waiting": ["sink"],
                  "why": {{"sink": "cannot use its database: no such database"}}}}
        open({str(s.state_dir / "up.json")!r}, "w").write(json.dumps(state))
        print("the sink said something", flush=True)
        time.sleep(60)
    """)
    monkeypatch.setattr(background, "_cli", lambda *_args: [sys.executable, "-c", fake])
    t0 = time.monotonic()
    code = background.start_and_wait(s, [], timeout=3, announce=lambda *_a, **_k: pytest.fail("announced"))
    err = capsys.readouterr().err
    assert code == 1 and time.monotonic() - t0 < 30
    assert "still starting: sink (cannot use its database: no such database)" in err
    assert "Raise --timeout" not in err  # the reason is known: a longer wait would not help
    assert "The end of" in err and "the sink said something" in err
    assert "a line from an earlier start" not in err


# --- the banner, and `status --only` -----------------------------------------------------------------


def test_the_banner_lists_the_dashboard_and_pages_view_only_when_they_run(tmp_path, capsys):
    from workers.cli import _announce

    s = settings(tmp_path)
    readiness.write_state(s, state="ready", waiting=[], parts=["broker", "worker", "watcher"])
    _announce(s)
    quiet = capsys.readouterr().err
    assert "pagemill is up." in quiet and "inbox" in quiet
    assert "dashboard" not in quiet and f":{s.pages_port}/pages" not in quiet and f":{s.flower_port}" not in quiet
    readiness.write_state(s, state="ready", waiting=[], parts=["broker", "worker", "dashboard", "pages", "watcher"])
    _announce(s)
    full = capsys.readouterr().err
    assert f"  dashboard  http://127.0.0.1:{s.flower_port}/" in full and f"  pages      http://127.0.0.1:{s.pages_port}/pages" in full


def test_status_only_takes_every_status_the_readme_documents(monkeypatch):
    from workers.cli import main
    from workers.service import pages

    asked = []

    def snapshot(_ledger, limit, only):
        asked.append(only)
        return {"status_filter": only, "pages": []}

    monkeypatch.setattr(pages, "open_ledger", lambda _s: object())
    monkeypatch.setattr(pages, "snapshot", snapshot)
    result = CliRunner().invoke(main, ["status", "--only", "reprocessed", "--json"])
    assert result.exit_code == 0, result.output
    assert asked == ["reprocessed"] and json.loads(result.output)["status_filter"] == "reprocessed"

    readme = (REPO / "README.md").read_text()
    table = readme[readme.index("A page's status:"):]
    documented = re.findall(r"^\| (\w+) \|", table[: table.index("\n\n", table.index("| status |"))], re.M)
    only = next(p for p in main.commands["status"].params if p.name == "only")
    assert "reprocessed" in documented
    assert set(documented) - {"status"} <= set(only.type.choices)


def test_where_the_system_hides_a_processs_sockets_readiness_falls_back_to_what_answers(monkeypatch):
    # Some systems refuse to list another process's sockets without root (psutil's AccessDenied); `up --wait`
    # must then not wait for ever on a check it cannot make.
    import os

    import psutil

    from workers.service import readiness

    def hidden(self, kind="inet"):
        raise psutil.AccessDenied(self.pid)

    monkeypatch.setattr(psutil.Process, "net_connections", hidden, raising=False)
    monkeypatch.setattr(psutil.Process, "connections", hidden, raising=False)
    assert readiness.listens(os.getpid(), 1) is True
    assert readiness.reads_feed("redis://127.0.0.1:1/0", os.getpid()) is True


def test_a_command_given_a_wrong_broker_password_says_so_not_is_pagemill_running(tmp_path):
    import subprocess
    import sys

    from workers.service import broker

    s = settings(tmp_path, broker_password="right-password")
    proc = broker.start(s)
    try:
        env = {**os.environ, "PAGEMILL_BROKER_URL": f"redis://:wrong-password@127.0.0.1:{s.embedded_broker_port}/0",
               "PAGEMILL_STATE_DIR": str(tmp_path / "state")}
        for args in (["follow", "--once"], ["follow"]):  # following too: a refused password is not waited out
            out = subprocess.run([sys.executable, "-m", "workers.cli", *args], env=env, capture_output=True,
                                 text=True, timeout=60)
            assert out.returncode != 0
            assert "refused the password" in out.stderr and "Is pagemill running" not in out.stderr, out.stderr
            assert "wrong-password" not in out.stderr
    finally:
        proc.terminate()
        proc.wait(10)
