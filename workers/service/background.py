"""``pagemill up --wait`` and ``pagemill down``: the service in the background, for scripts.

``up --wait`` starts an ordinary ``pagemill up`` detached (its own session,
its output in ``PAGEMILL_STATE_DIR/up.log``), waits until that supervisor
reports every part answering in ``up.json``, prints the banner, and returns 0
with the service left running. When it is not ready in time, or exits first
(a port another program holds, say), it says why when that is known, prints
the end of what this start wrote to up.log, and returns 1. ``down`` sends it
SIGTERM, which stops it the way Ctrl-C does (queued pages are kept), and waits
until it has exited.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable

import click

from ..settings import Settings
from . import readiness


def _cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "workers.cli", *args]


def _names(parts: list[str] | None, why: dict[str, str] | None = None) -> str:
    from .runner import describe

    return describe(parts or [], why)


def _size(path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def _since(path, offset: int) -> str:
    """What was written to ``path`` from ``offset`` on: this start's part of a log kept across starts."""
    try:
        with open(path, "rb") as f:
            f.seek(offset)
            return f.read().decode("utf-8", errors="replace")
    except OSError:
        return ""


def _tail(text: str, n: int = 3000) -> str:
    """The last ``n`` characters of ``text``, from the start of a line."""
    if len(text) <= n:
        return text
    tail = text[-n:]
    return tail.split("\n", 1)[1] if "\n" in tail else tail


def _cause(text: str) -> str | None:
    """Why this start failed, from its log: the supervisor's own "cannot start" line, or a port a part found taken."""
    from .runner import CANNOT_START

    for line in reversed(text.splitlines()):
        if line.startswith(CANNOT_START):
            return line[len(CANNOT_START):].strip()
    if "Address already in use" in text:
        return "a part could not listen on its port (Address already in use): set PAGEMILL_FLOWER_PORT or PAGEMILL_PAGES_PORT to a free port"
    return None


def start_and_wait(s: Settings, argv: list[str], timeout: float, announce: Callable) -> int:
    log_path = s.state_dir / "up.log"
    offset = _size(log_path)
    with open(log_path, "ab") as out:
        # Its own session: the shell or script that ran `up --wait` may exit, or get Ctrl-C, without stopping it.
        proc = subprocess.Popen(_cli(*argv), stdin=subprocess.DEVNULL, stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
    deadline = time.monotonic() + timeout
    said: list[str] | None = None
    why: dict[str, str] = {}
    stopping_since = 0.0
    try:
        while True:
            code = proc.poll()
            if code is not None:
                text = _since(log_path, offset)
                cause = _cause(text)
                head = f"pagemill up could not start: {cause}" if cause else f"pagemill up exited ({code}) before it was ready"
                click.echo(f"{head}\nThe end of {log_path.resolve()}:\n{_tail(text)}", err=True)
                return 1
            state = readiness.read_state(s)
            if state and state.get("pid") == proc.pid:
                if state.get("state") == "ready":
                    break
                if state.get("state") == "stopping":
                    # It gave up by itself (it says why in its log) and is stopping its parts: wait for it to exit.
                    if not stopping_since:
                        stopping_since = time.monotonic()
                        deadline = max(deadline, stopping_since + s.task_time_limit + 60)
                elif (state.get("waiting"), state.get("why") or {}) != (said, why):
                    said, why = state.get("waiting"), state.get("why") or {}
                    click.echo(f"starting: waiting for {_names(said, why)}", err=True)
            if time.monotonic() > deadline:
                cause = _cause(_since(log_path, offset))
                hint = "" if (why or cause) else " Raise --timeout on a slow machine."
                click.echo(
                    f"pagemill was not ready within {timeout:.0f} s; still starting: {_names(said, why)}. Stopping it."
                    + (f"\n{cause}" if cause else "")
                    + hint,
                    err=True,
                )
                _terminate(proc.pid, s.task_time_limit + 60)
                click.echo(f"The end of {log_path.resolve()}:\n{_tail(_since(log_path, offset))}", err=True)
                return 1
            time.sleep(0.2)
    except KeyboardInterrupt:
        _terminate(proc.pid, s.task_time_limit + 60)
        return 130
    announce(
        s,
        stop_hint=f"Running in the background (pid {proc.pid}, log {log_path.resolve()}); "
        "`pagemill down` stops it, keeping queued pages for the next start.",
    )
    return 0


def _terminate(pid: int, timeout: float) -> bool:
    try:
        os.kill(pid, signal.SIGTERM)
    except ProcessLookupError:
        return True
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not readiness.is_pagemill_up(pid):
            return True
        time.sleep(0.2)
    return False


def stop(s: Settings, timeout: float) -> int:
    state = readiness.read_state(s)
    pid = int(state.get("pid", 0)) if state else 0
    if not pid or not readiness.is_pagemill_up(pid):
        click.echo(f"pagemill is not running on {s.state_dir.resolve()} (nothing to stop).", err=True)
        return 0
    click.echo(f"stopping pagemill (pid {pid}); a page being processed is finished or handed back first", err=True)
    if _terminate(pid, timeout):
        click.echo("stopped; queued pages are kept for the next start.", err=True)
        return 0
    click.echo(f"pagemill (pid {pid}) did not stop within {timeout:.0f} s; it is still running.", err=True)
    return 1
