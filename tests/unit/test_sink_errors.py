"""`pagemill sink` tells a configuration it can never work with from a database or broker that is away.

Against the real PostgreSQL on 127.0.0.1:5432 (user postgres, trust auth, or PAGEMILL_TEST_POSTGRES_URL;
skipped without one): databases and roles of its own are made and dropped. The broker is the embedded one.
"""

from __future__ import annotations

import os
import secrets
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
import redis

psycopg = pytest.importorskip("psycopg")


REPO = Path(__file__).resolve().parents[2]
SERVER = os.environ.get("PAGEMILL_TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/postgres")
BASE = SERVER.rsplit("/", 1)[0]  # postgresql://postgres@127.0.0.1:5432
EXIT_CONFIG = 78  # workers.edges.sink.EXIT_CONFIG (sysexits' EX_CONFIG): the configuration must change


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def admin():
    try:
        conn = psycopg.connect(SERVER, autocommit=True, connect_timeout=3)
    except psycopg.OperationalError as exc:
        pytest.skip(f"no PostgreSQL at {SERVER} ({exc})")
    yield conn
    conn.close()


@pytest.fixture
def database(admin) -> str:
    name = f"pagemill_test_{secrets.token_hex(4)}"
    admin.execute(f"CREATE DATABASE {name}")
    yield f"{BASE}/{name}"
    admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@pytest.fixture(scope="module")
def broker(tmp_path_factory):
    from workers.service import broker as embedded
    from workers.settings import Settings

    s = Settings(state_dir=tmp_path_factory.mktemp("broker"), embedded_broker_port=_free_port())
    proc = embedded.start(s)
    yield f"redis://127.0.0.1:{s.embedded_broker_port}/0"
    proc.terminate()
    proc.wait(10)


def sink(dsn: str, *extra: str, broker_url: str, timeout: float = 30) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PAGEMILL_")}
    env.update(PAGEMILL_BROKER_URL=broker_url, PAGEMILL_LOG_FORMAT="json", PYTHONPATH=str(REPO))
    # Before the fix each of these retried forever: the timeout is the test failing, not a hang.
    return subprocess.run([sys.executable, "-m", "workers.cli", "sink", dsn, *extra], env=env, capture_output=True, text=True,
                          timeout=timeout, cwd=REPO)


def said(done: subprocess.CompletedProcess) -> str:
    """The sink's own line on stderr (the JSON log lines aside): exactly one."""
    lines = [ln for ln in done.stderr.splitlines() if ln.startswith("pagemill sink: ")]
    assert len(lines) == 1, done.stderr
    assert "Traceback" not in done.stderr, done.stderr
    return lines[0]


@pytest.mark.parametrize("once", [True, False])
def test_a_database_that_does_not_exist_stops_the_sink_with_what_to_fix(admin, broker, once):
    name = f"pagemill_missing_{secrets.token_hex(4)}"
    done = sink(f"{BASE}/{name}", *(["--once"] if once else []), broker_url=broker)
    assert done.returncode == EXIT_CONFIG
    line = said(done)
    assert f'database "{name}" does not exist' in line and "create it" in line


def test_a_role_the_server_does_not_know_stops_the_sink(admin, broker):
    done = sink(f"postgresql://nosuchrole_{secrets.token_hex(3)}@{BASE.split('@', 1)[1]}/postgres", broker_url=broker)
    assert done.returncode == EXIT_CONFIG
    assert "refused the login" in said(done)


def test_a_user_without_permission_to_create_the_schema_stops_the_sink(admin, database, broker):
    role = f"pagemill_weak_{secrets.token_hex(3)}"
    admin.execute(f"CREATE ROLE {role} LOGIN")
    try:
        done = sink(f"postgresql://{role}@{BASE.split('@', 1)[1]}/{database.rsplit('/', 1)[1]}", broker_url=broker)
        assert done.returncode == EXIT_CONFIG
        line = said(done)
        assert "permission denied" in line and "CREATE" in line
    finally:
        admin.execute(f"DROP DATABASE IF EXISTS {database.rsplit('/', 1)[1]} WITH (FORCE)")
        admin.execute(f"DROP ROLE IF EXISTS {role}")


@pytest.mark.parametrize("dsn", ["notaurl", "postgresql://postgres@127.0.0.1:notaport/postgres"])
def test_a_malformed_url_stops_the_sink(broker, dsn):
    done = sink(dsn, broker_url=broker)
    assert done.returncode == EXIT_CONFIG
    assert "malformed" in said(done)


def test_with_once_a_database_that_is_away_exits_non_zero_after_saying_so(broker):
    done = sink(f"postgresql://postgres@127.0.0.1:{_free_port()}/postgres", "--once", broker_url=broker)
    assert done.returncode == 1
    assert "Connection refused" in said(done)


def test_without_once_a_database_that_is_away_is_waited_for(broker):
    env = {k: v for k, v in os.environ.items() if not k.startswith("PAGEMILL_")}
    env.update(PAGEMILL_BROKER_URL=broker, PAGEMILL_LOG_FORMAT="json", PYTHONPATH=str(REPO))
    proc = subprocess.Popen([sys.executable, "-m", "workers.cli", "sink", f"postgresql://postgres@127.0.0.1:{_free_port()}/postgres"],
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, start_new_session=True)
    try:
        time.sleep(3)
        assert proc.poll() is None, proc.stdout.read()
    finally:
        proc.send_signal(signal.SIGTERM)
        out, _ = proc.communicate(timeout=20)
    assert proc.returncode == 0, out
    assert out.count("database unreachable; sink retries") >= 2


def test_with_once_a_broker_that_is_away_exits_non_zero_after_saying_so(database):
    done = sink(database, "--once", broker_url=f"redis://127.0.0.1:{_free_port()}/0")
    assert done.returncode == 1
    assert "cannot read the feed from the broker" in said(done)


@pytest.mark.parametrize("once", [True, False])
def test_a_broker_that_refuses_the_password_stops_the_sink(database, tmp_path, once):
    from pydantic import SecretStr

    from workers.service import broker as embedded
    from workers.settings import Settings

    s = Settings(state_dir=tmp_path, embedded_broker_port=_free_port(), broker_password=SecretStr("right-password"))
    proc = embedded.start(s)
    try:
        done = sink(database, *(["--once"] if once else []), broker_url=f"redis://:wrong-password@127.0.0.1:{s.embedded_broker_port}/0")
    finally:
        proc.terminate()
        proc.wait(10)
    assert done.returncode == EXIT_CONFIG
    line = said(done)
    assert "broker refused the login" in line and "wrong-password" not in done.stderr


def test_a_broker_url_of_another_scheme_stops_the_sink(database):
    done = sink(database, broker_url="http://127.0.0.1:6379/0")
    assert done.returncode == EXIT_CONFIG
    assert "broker URL is malformed" in said(done)


def test_errors_that_pass_are_told_from_those_that_do_not():
    from workers.edges.sink import EXIT_CONFIG as exit_config, permanent_broker_error, permanent_db_error

    assert exit_config == EXIT_CONFIG
    assert permanent_db_error(psycopg.errors.InvalidCatalogName("x"))
    assert permanent_db_error(psycopg.errors.InvalidPassword("x"))
    assert permanent_db_error(psycopg.errors.InvalidAuthorizationSpecification("x"))
    assert permanent_db_error(psycopg.errors.InsufficientPrivilege("x"))
    # the server restarting or refusing for now: waited for
    assert permanent_db_error(psycopg.errors.AdminShutdown("x")) is None
    assert permanent_db_error(psycopg.errors.CannotConnectNow("x")) is None
    assert permanent_db_error(psycopg.errors.TooManyConnections("x")) is None
    assert permanent_db_error(psycopg.OperationalError("connection failed: Connection refused")) is None
    assert permanent_db_error(psycopg.OperationalError('FATAL:  the database system is starting up')) is None
    assert permanent_broker_error(redis.AuthenticationError("invalid password"))
    assert permanent_broker_error(redis.ConnectionError("Error 111 connecting. Connection refused.")) is None
    assert permanent_broker_error(redis.BusyLoadingError("loading")) is None
    assert permanent_broker_error(redis.TimeoutError("timed out")) is None


def test_a_good_configuration_still_runs_to_the_end_of_the_feed_and_exits_zero(database, broker):
    done = sink(database, "--once", broker_url=broker)
    assert done.returncode == 0, done.stderr
    with psycopg.connect(database) as c:
        assert c.execute("SELECT seq FROM pagemill.cursor").fetchone()[0] == 0
