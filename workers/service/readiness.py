"""Is each part of ``pagemill up`` answering yet?

"Started" is not "ready": the worker loads its model for several seconds and
the dashboards take a moment to listen. ``pagemill up`` prints its banner only
when every part answers here, and ``pagemill up --wait`` returns only then, so
a script's first request after it cannot fail.

Each check asks the part itself, the way a user would reach it: the broker
answers PING, the worker answers a Celery control ping, Flower and the pages
view answer HTTP. The watcher has no port: it writes a marker naming its pid
once its observer runs (:func:`mark_ready`).

``up.json`` in the state folder says what a running ``pagemill up`` is doing
(its pid, starting or ready, what is still starting); ``pagemill up --wait``
and ``pagemill down`` read it.
"""

from __future__ import annotations

import json
import os
import time
import urllib.error
import urllib.request
from pathlib import Path

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
    try:
        return bool(redis.Redis.from_url(url, socket_timeout=1, socket_connect_timeout=1).ping())
    except (redis.RedisError, OSError):
        return False


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
