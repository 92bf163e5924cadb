"""``pagemill up --wait`` and ``pagemill down``: the service in the background, for scripts.

``up --wait`` starts an ordinary ``pagemill up`` detached (its own session,
its output in ``PAGEMILL_STATE_DIR/up.log``), waits until that supervisor
reports every part answering in ``up.json``, prints the banner, and returns 0
with the service left running. ``down`` sends it SIGTERM, which stops it the
way Ctrl-C does (queued pages are kept), and waits until it has exited.
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


def _names(parts: list[str] | None) -> str:
    from .runner import LABELS

    return ", ".join(LABELS.get(p, p) for p in parts or [])


def _tail(path, n: int = 3000) -> str:
    try:
        return path.read_text(errors="replace")[-n:]
    except OSError:
        return ""


def start_and_wait(s: Settings, argv: list[str], timeout: float, announce: Callable) -> int:
    log_path = s.state_dir / "up.log"
    with open(log_path, "ab") as out:
        # Its own session: the shell or script that ran `up --wait` may exit, or get Ctrl-C, without stopping it.
        proc = subprocess.Popen(_cli(*argv), stdin=subprocess.DEVNULL, stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
    deadline = time.monotonic() + timeout
    said: list[str] | None = None
    try:
        while True:
            code = proc.poll()
            if code is not None:
                click.echo(f"pagemill up exited ({code}) before it was ready; the end of {log_path}:\n{_tail(log_path)}", err=True)
                return 1
            state = readiness.read_state(s)
            if state and state.get("pid") == proc.pid:
                if state.get("state") == "ready":
                    break
                if state.get("waiting") != said:
                    said = state.get("waiting")
                    click.echo(f"starting: waiting for {_names(said)}", err=True)
            if time.monotonic() > deadline:
                click.echo(
                    f"pagemill was not ready within {timeout:.0f} s (still starting: {_names(said)}); stopping it. "
                    f"Its log: {log_path}. Raise --timeout on a slow machine.",
                    err=True,
                )
                _terminate(proc.pid, s.task_time_limit + 60)
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
