"""Is each part of ``pagemill up`` answering yet?

"Started" is not "ready": the worker loads its model for several seconds and
the dashboards take a moment to listen. ``pagemill up`` prints its banner only
when every part answers here, and ``pagemill up --wait`` returns only then, so
a script's first request after it cannot fail.

Each check asks the part itself, the way a user would reach it: the broker
answers PING, the worker answers a Celery control ping, Flower and the pages
view answer HTTP. The watcher has no port: it writes a marker naming its pid
once its observer runs (:func:`mark_ready`).

An answer must come from *this* pagemill's part: a port that answers HTTP may
belong to another pagemill on the same machine, so Flower and the pages view
count only once the listening socket on their port is their own process's
(:func:`listens`). The sink and the hooks count once they did their first real
work: the sink is connected to its database with its tables made
(:func:`sink_connected`), each hook is reading the feed (:func:`reads_feed`).

``up.json`` in the state folder says what a running ``pagemill up`` is doing
(its pid, starting or ready, what is still starting); ``pagemill up --wait``
and ``pagemill down`` read it.
"""

from __future__ import annotations

import errno
import json
import os
import socket
import time
import urllib.error
import urllib.request
from pathlib import Path

import psutil
import redis

from ..settings import Settings

WORKER_NODE = "worker@%h"


def _loopback(address: str) -> str:
    # A wildcard bind is reached through loopback from this machine.
    return "127.0.0.1" if address in ("", "0.0.0.0", "::") else address


def flower_url(s: Settings) -> str:
    return f"http://{_loopback(s.flower_address)}:{s.flower_port}/healthcheck"


def pages_url(s: Settings) -> str:
    return f"http://{_loopback(s.pages_address)}:{s.pages_port}/healthz"


def broker_answers(url: str) -> bool:
    return broker_status(url)[0]


# redis-py's names for a broker that refused the password (not all versions have each).
_REFUSED = tuple(
    getattr(redis.exceptions, n) for n in ("AuthenticationError", "AuthenticationWrongNumberOfArgsError") if hasattr(redis.exceptions, n)
)


def broker_status(url: str) -> tuple[bool, str | None]:
    """Does the broker answer PING? And if not, why not, when that is something to fix rather than wait for."""
    try:
        return bool(redis.Redis.from_url(url, socket_timeout=1, socket_connect_timeout=1).ping()), None
    except _REFUSED:
        return False, "the broker refused the password: check PAGEMILL_BROKER_PASSWORD (or the password in PAGEMILL_BROKER_URL)"
    except redis.ResponseError as exc:
        if str(exc).startswith(("WRONGPASS", "NOAUTH")):
            return False, "the broker refused the password: check PAGEMILL_BROKER_PASSWORD (or the password in PAGEMILL_BROKER_URL)"
        return False, None
    except (redis.RedisError, OSError, ValueError):
        return False, None


def worker_answers(node: str = WORKER_NODE, timeout: float = 0.5) -> bool:
    from celery.utils.nodenames import host_format

    from .app import celery_app

    name = host_format(node)
    try:
        replies = celery_app.control.ping(destination=[name], timeout=timeout)
    except Exception:  # noqa: BLE001 - broker not there yet: simply not ready
        return False
    return any(name in reply for reply in replies)


# kombu's Redis transport records each queue bound to the task-event exchange in this set.
EVENT_BINDINGS = "_kombu.binding.celeryev"


def event_listeners(url: str) -> set[str] | None:
    """The task-event queues bound now (stale ones of dead listeners included); None when the broker is away.

    Flower answers HTTP a moment before its event receiver has bound its queue; a page dropped
    in between would be missing from its task list. A binding that was not there before Flower
    started is Flower's.
    """
    try:
        members = redis.Redis.from_url(url, socket_timeout=1, socket_connect_timeout=1, decode_responses=True).smembers(EVENT_BINDINGS)
    except (redis.RedisError, OSError):
        return None
    return {m for m in members if "celeryev." in m}


def http_answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=1) as r:
            return r.status < 500
    except urllib.error.HTTPError as exc:
        return exc.code < 500  # 401 behind basic auth: it is listening and answering
    except (OSError, ValueError):
        return False


# --- whose port is it ------------------------------------------------------------------


def port_of(s: Settings, part: str) -> tuple[str, int, str] | None:
    """The address and port a part listens on, and the setting that moves it; None for a part with no port."""
    if part == "pages":
        return s.pages_address, s.pages_port, "PAGEMILL_PAGES_PORT"
    if part == "dashboard":
        return s.flower_address, s.flower_port, "PAGEMILL_FLOWER_PORT"
    if part == "broker" and s.embedded:
        return s.embedded_broker_host, s.embedded_broker_port, "PAGEMILL_EMBEDDED_BROKER_PORT"
    return None


def port_in_use(address: str, port: int) -> bool:
    """True when a server could not listen on ``address:port`` now, because a socket there is taken.

    Binds the way Tornado and Valkey do (SO_REUSEADDR, so a port left in TIME_WAIT by a
    stopped server counts as free).
    """
    try:
        infos = socket.getaddrinfo(address or None, port, socket.AF_UNSPEC, socket.SOCK_STREAM, 0, socket.AI_PASSIVE)
    except (socket.gaierror, UnicodeError):
        return False
    for family, kind, proto, _name, sockaddr in infos:
        try:
            sock = socket.socket(family, kind, proto)
        except OSError:
            continue  # no IPv6 here, say
        with sock:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            if family == socket.AF_INET6 and hasattr(socket, "IPPROTO_IPV6"):
                sock.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 1)
            try:
                sock.bind(sockaddr)
            except OSError as exc:
                if exc.errno == errno.EADDRINUSE:
                    return True
    return False


def port_taken(s: Settings, part: str) -> str | None:
    """What to tell a person when the port ``part`` listens on is held by another program; None when it is free."""
    where = port_of(s, part)
    if where is None:
        return None
    address, port, setting = where
    if not port_in_use(address, port):
        return None
    return f"port {port} ({setting}) is in use by another program: set {setting} to a free port"


def _family(pid: int) -> list[psutil.Process]:
    try:
        proc = psutil.Process(pid)
        return [proc, *proc.children(recursive=True)]
    except psutil.Error:
        return []


class _CannotTell(Exception):
    """The system will not show a process's sockets (psutil's AccessDenied, as on some platforms without root)."""


def _connections(proc: psutil.Process, kind: str = "inet") -> list:
    get = getattr(proc, "net_connections", None) or proc.connections  # psutil < 6 calls it connections
    try:
        return get(kind)
    except psutil.AccessDenied as exc:
        raise _CannotTell from exc
    except psutil.Error:
        return []


def listens(pid: int, port: int) -> bool:
    """True when process ``pid`` (or a child of it) holds the listening socket on ``port``."""
    try:
        return any(
            c.status == psutil.CONN_LISTEN and c.laddr and c.laddr.port == port for p in _family(pid) for c in _connections(p)
        )
    except _CannotTell:
        return True  # sockets hidden from us: answering on the port is all there is to go on, as before


def _local_ports(pid: int, remote_port: int) -> set[int] | None:
    """The local ports of the connections process ``pid`` (or a child) holds to ``remote_port``."""
    try:
        return {
            c.laddr.port
            for p in _family(pid)
            for c in _connections(p)
            if c.raddr and c.raddr.port == remote_port and c.status == psutil.CONN_ESTABLISHED
        }
    except _CannotTell:
        return None  # sockets hidden from us


# --- the sink and the hooks: their first real work --------------------------------------


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split()) or type(exc).__name__


def sink_connected(dsn: str, pid: int) -> tuple[bool, str | None]:
    """Is the sink of process ``pid`` connected to its database, with its tables made? And if not, why not.

    Asks the database itself, with the sink's own URL: the schema must be migrated to this
    version, and a ``pagemill-sink`` session must come from this sink (matched by its
    client port; by start time when it connects over a Unix socket).
    """
    import psycopg

    from ..edges.sink import MIGRATIONS, SCHEMA

    try:
        with psycopg.connect(dsn, autocommit=True, connect_timeout=2, application_name="pagemill-up") as conn:
            if conn.execute("SELECT to_regclass(%s)", (f"{SCHEMA}.migrations",)).fetchone()[0] is None:
                return False, "its tables are not made yet"
            version = conn.execute(f"SELECT coalesce(max(version), 0) FROM {SCHEMA}.migrations").fetchone()[0]
            if version < len(MIGRATIONS):
                return False, "its tables are not up to date yet"
            sessions = conn.execute(
                "SELECT client_port, extract(epoch FROM backend_start) FROM pg_stat_activity "
                "WHERE application_name = 'pagemill-sink' AND datname = current_database()"
            ).fetchall()
            port = conn.info.port
    except psycopg.Error as exc:
        return False, f"cannot use its database: {_one_line(exc)}"
    mine = _local_ports(pid, int(port)) if port else set()
    if mine is None:
        return bool(sessions), None if sessions else "not connected to its database yet"  # sockets hidden from us
    try:
        born = psutil.Process(pid).create_time()
    except psutil.Error:
        return False, "not running"
    for client_port, since in sessions:
        if client_port is not None and client_port in mine:
            return True, None
        if (client_port is None or client_port < 0) and since is not None and float(since) >= born - 1:
            return True, None  # a Unix socket: no port to match; a session opened after this sink started
    return False, "not connected to its database yet"


# What a hook sends while it follows the feed: its retry schedule, then the feed itself.
FEED_COMMANDS = {"xread", "xrange", "zrangebyscore", "zrange"}


def reads_feed(url: str, pid: int, at_least: int = 1) -> bool:
    """True when process ``pid`` holds ``at_least`` broker connections that are reading the feed.

    Its connections are told apart from other programs' by their local port, in the broker's
    CLIENT LIST. A broker that does not list its clients (an ACL) is trusted on the connections
    alone; one reached over a Unix socket has no ports to match, so a live process counts.
    """
    from urllib.parse import urlsplit

    parts = urlsplit(url)
    if parts.scheme not in ("redis", "rediss"):
        return bool(_family(pid))
    mine = _local_ports(pid, parts.port or 6379)
    if mine is None:
        return bool(_family(pid))  # sockets hidden from us: a live process counts, as before
    if len(mine) < at_least:
        return False
    try:
        clients = redis.Redis.from_url(url, socket_timeout=1, socket_connect_timeout=1, decode_responses=True).client_list()
    except (redis.RedisError, OSError):
        return True
    reading = 0
    for c in clients:
        try:
            port = int(str(c.get("addr", "")).rsplit(":", 1)[1])
        except (IndexError, ValueError):
            continue
        if port in mine and str(c.get("cmd", "")).split("|")[0] in FEED_COMMANDS:
            reading += 1
    return reading >= at_least


# --- the watcher's marker -------------------------------------------------------------


def _marker(s: Settings, part: str, pid: int) -> Path:
    return s.state_dir / "run" / f"{part}-{pid}.ready"


def mark_ready(s: Settings, part: str) -> Path:
    path = _marker(s, part, os.getpid())
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"{os.getpid()}\n", encoding="ascii")
    return path


def clear_ready(s: Settings, part: str) -> None:
    _marker(s, part, os.getpid()).unlink(missing_ok=True)


def marked_ready(s: Settings, part: str, pid: int | None) -> bool:
    return pid is not None and _marker(s, part, pid).exists()


# --- up.json: what a running `pagemill up` is doing ----------------------------------------


def state_file(s: Settings) -> Path:
    return s.state_dir / "up.json"


def write_state(s: Settings, **fields) -> None:
    path = state_file(s)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".up.{os.getpid()}.tmp")
    tmp.write_text(json.dumps({"pid": os.getpid(), "updated": time.time(), **fields}), encoding="utf-8")
    os.replace(tmp, path)


def read_state(s: Settings) -> dict | None:
    try:
        return json.loads(state_file(s).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def clear_state(s: Settings) -> None:
    state = read_state(s)
    if state and state.get("pid") == os.getpid():
        state_file(s).unlink(missing_ok=True)


def is_pagemill_up(pid: int) -> bool:
    """True when ``pid`` runs and is a ``pagemill up`` (not a process that reused the number)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return False  # somebody else's process: not ours to report on or stop
    cmdline = Path(f"/proc/{pid}/cmdline")
    if cmdline.exists():
        try:
            args = cmdline.read_bytes().split(b"\0")
        except OSError:
            return False
        return b"up" in args and any(b"pagemill" in a or b"workers.cli" in a for a in args)
    return True  # no /proc (macOS): trust the pid in our own state folder
