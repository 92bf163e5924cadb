"""Handing back a dead local worker's pages at once, instead of after the visibility timeout.

kombu keeps every message a worker holds in the broker's ``unacked`` hash and
gives it to another worker only once it is older than the visibility timeout
(155 s by default): it cannot tell a dead worker from a slow one, and on
several hosts it must not guess. On one host pagemill can tell:

* each worker writes a file in ``<state>/workers/`` and holds an ``flock`` on it
  as long as it (or any of its pool processes) lives; a lock anyone can take
  again means that worker is gone for good;
* each worker records, under its own token, the delivery tag of every message
  it holds: pagemill's transport (``transport.py``) writes it in the same
  transaction that takes the message and removes it in the one that
  acknowledges, rejects or restores it.

At start a worker looks for such files of dead workers *of this host* and puts
the messages they still held back on their queue with kombu's own restore
(the same transaction kombu's timeout-based restore runs). Workers on other
hosts keep their own files in their own state folders, so they are never
restored early; their pages come back after the visibility timeout as before.

A worker with no state folder (a compute worker on another host, configured
only with the broker URL) takes no part: its pages keep the timeout.
"""

from __future__ import annotations

import fcntl
import json
import os
import secrets
import socket
import time
from pathlib import Path

import redis

from ..edges.ledger import PREFIX
from ..logs import get_logger
from ..settings import Settings

log = get_logger(__name__)

_state: dict = {}  # token and the open locked file; inherited by the pool's children


def _held_key(token: str) -> str:
    return f"{PREFIX}:held:{token}"


def register(settings: Settings, app) -> str:
    """Claim this worker's file in ``<state>/workers/`` and have the broker record the messages it holds."""
    folder = Path(settings.state_dir) / "workers"
    folder.mkdir(parents=True, exist_ok=True)
    token = secrets.token_hex(8)
    info = {"token": token, "host": socket.gethostname(), "pid": os.getpid(), "started": time.time()}
    tmp = folder / f".{token}.tmp"
    f = open(tmp, "w+", encoding="utf-8")  # noqa: SIM115 - kept open (and locked) for the worker's life
    # Locked before it gets its real name: a worker starting beside us must never see it unlocked.
    fcntl.flock(f, fcntl.LOCK_EX | fcntl.LOCK_NB)
    json.dump(info, f)
    f.flush()
    os.rename(tmp, folder / f"{token}.worker")
    _state.update(token=token, file=f)
    # Read by the worker's consumer connection, made after this; a transport other than pagemill's ignores it.
    app.conf.broker_transport_options = {**app.conf.broker_transport_options, "held_key": _held_key(token)}
    return token


def dead_workers(settings: Settings) -> list[tuple[Path, dict, object]]:
    """Files of this host's workers that are gone: (path, what it says, its file, now locked by us)."""
    folder = Path(settings.state_dir) / "workers"
    if not folder.is_dir():
        return []
    host, mine = socket.gethostname(), _state.get("token")
    dead = []
    for path in sorted(folder.glob("*.worker")):
        try:
            f = open(path, "r+", encoding="utf-8")  # noqa: SIM115 - closed by the caller
        except FileNotFoundError:
            continue  # restored by another worker just now
        try:
            fcntl.flock(f, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            f.close()  # alive: it (or one of its pool processes) still holds the lock
            continue
        try:
            info = json.loads(f.read() or "{}")
        except ValueError:
            info = {}
        if info.get("token") == mine or info.get("host") != host or not path.exists():
            f.close()
            continue
        dead.append((path, info, f))
    return dead


def restore_dead(settings: Settings, app) -> int:
    """Put back on their queues the messages this host's dead workers still held; returns how many."""
    restored = 0
    dead = dead_workers(settings)
    if not dead:
        return 0
    r = redis.Redis.from_url(settings.effective_broker_url, decode_responses=True, socket_timeout=10)
    with app.connection_for_write() as conn:
        qos = conn.default_channel.qos
        unacked = conn.default_channel.unacked_key
        for path, info, f in dead:
            key = _held_key(info.get("token", ""))
            tags = sorted(set(r.hvals(key)))
            held = [t for t in tags if r.hexists(unacked, t)]
            for tag in held:
                # First in line: these pages arrived before anything queued since.
                qos.restore_by_tag(tag, leftmost=True)
            r.delete(key)
            path.unlink(missing_ok=True)
            f.close()
            restored += len(held)
            log.info(
                "restored the messages of a dead worker of this host",
                worker_pid=info.get("pid"), messages=len(held), started=info.get("started"),
            )
    return restored
