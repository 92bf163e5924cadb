"""A whole ``pagemill up`` on temporary folders and free ports, and a headless Chromium to look at it.

The browser is Debian's ``chromium`` (``.ci/run`` installs it), driven by the
``playwright`` package; no browser is ever downloaded.
"""

from __future__ import annotations

import email.message
import os
import signal
import subprocess
import shutil
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import REPO
from tests.integration.conftest import Broker, Part, Service, free_port, service_env, wait_log

ARTIFACTS = REPO / "test-artifacts" / "browser"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def chromium_path() -> str | None:
    return shutil.which("chromium") or next((p for p in ("/usr/bin/chromium",) if os.path.exists(p)), None)


@dataclass
class Up:
    """A running ``pagemill up`` and where its parts listen."""

    service: Service
    part: Part
    flower: str
    pages: str

    def get(self, path: str, base: str | None = None, auth: str | None = None) -> tuple[int, "email.message.Message", bytes]:
        req = urllib.request.Request((base or self.pages) + path)
        if auth:
            import base64

            req.add_header("Authorization", "Basic " + base64.b64encode(auth.encode()).decode())
        try:
            with urllib.request.urlopen(req, timeout=10) as r:
                return r.status, r.headers, r.read()
        except urllib.error.HTTPError as e:
            return e.code, e.headers, e.read()


def wait_http(url: str, up: Service, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except urllib.error.HTTPError:
            return  # it answers; what it says is the test's business
        except OSError:
            up.check_alive()
            time.sleep(0.1)
    raise AssertionError(f"{url} not answering in {timeout}s: {up.tail_logs()}")


@pytest.fixture(scope="module")
def up(tmp_path_factory) -> Iterator[Up]:
    root = tmp_path_factory.mktemp("up")
    broker_port, flower_port, pages_port = free_port(), free_port(), free_port()
    env = service_env(root, "unused")
    del env["PAGEMILL_BROKER_URL"]  # `pagemill up` starts its own embedded broker, as a user's would
    env.update(
        PAGEMILL_EMBEDDED_BROKER_PORT=str(broker_port),
        PAGEMILL_FLOWER_PORT=str(flower_port),
        PAGEMILL_PAGES_PORT=str(pages_port),
        PAGEMILL_CONCURRENCY="1",
    )
    svc = Service(root, env, Broker(f"redis://127.0.0.1:{broker_port}/0"))
    part = svc.start("up", "up")
    try:
        wait_log(part, b" ready.", timeout=90)
        wait_log(part, b"watching inbox")
        flower, pages = f"http://127.0.0.1:{flower_port}", f"http://127.0.0.1:{pages_port}"
        wait_http(flower + "/healthcheck", svc)
        wait_http(pages + "/healthz", svc)
        time.sleep(0.5)  # Flower's event receiver connects just after its web server: don't let it miss the first page
        yield Up(svc, part, flower, pages)
    finally:
        # Only the supervisor, as `kill <pid>` or systemd would: it stops its parts, then the broker, in order.
        # (A signal to the whole process group would also reach the embedded broker and stop it first.)
        if part.proc.poll() is None:
            part.proc.send_signal(signal.SIGTERM)
            try:
                part.proc.wait(60)
            except subprocess.TimeoutExpired:
                pass
        svc.stop()


@pytest.fixture(scope="module")
def browser():
    path = chromium_path()
    if path is None:
        message = "Debian's chromium is not installed (apt-get install -y chromium; .ci/run does this)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=path, args=CHROMIUM_ARGS, headless=True)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    ctx = browser.new_context(viewport={"width": 1440, "height": 900})
    pg = ctx.new_page()
    pg.set_default_timeout(15_000)
    yield pg
    ctx.close()


def screenshot(pg, name: str, full_page: bool = True) -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / name
    pg.screenshot(path=str(path), full_page=full_page)
    return path
