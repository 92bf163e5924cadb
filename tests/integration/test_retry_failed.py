"""`pagemill retry-failed`: once a failure's cause is fixed, the page goes through again and its new outcome replaces the error record."""

from __future__ import annotations

import subprocess
import sys
import time

import pytest

from workers.edges.ledger import RedisLedger
from workers.service.pages import snapshot

from .conftest import Service, filed
from .test_faults import start_pair

pytestmark = pytest.mark.integration

PAGE = ("Port Report\n\n" + "The customs office in Antwerp counted the containers on 9 July 2016. " * 12 + "\n").encode()


def _cli(svc: Service, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "workers.cli", *args], env=svc.env, cwd=svc.root, capture_output=True, text=True, timeout=120)


def _wait_kind(svc: Service, stem: str, kind: str, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if any(o["kind"] == kind for o in svc.outcomes(stem)):
            return
        svc.check_alive()
        time.sleep(0.1)
    raise AssertionError(f"no {kind} for {stem} within {timeout}s: {svc.outcomes(stem)}\n{svc.tail_logs()}")


def test_retry_failed_after_the_cause_is_fixed_replaces_the_error_record_with_a_record(isolated: Service):
    # The cause: a size limit too small for the page.
    start_pair(isolated, env={"PAGEMILL_MAX_PAGE_BYTES": "200"})
    isolated.drop("antwerp.txt", PAGE)
    isolated.drop("garbage.txt", b"\x00\xff\x10\x80" * 30)  # under the limit: fails for being binary
    (err,) = isolated.wait_for("antwerp", timeout=60)
    assert err["kind"] == "error" and err["error"] == "too_large"
    (other,) = isolated.wait_for("garbage", timeout=60)
    assert other["kind"] == "error"
    assert filed(isolated.failed / "antwerp.txt")

    # Nothing is retried by a dry run.
    dry = _cli(isolated, "retry-failed", "--reason", "too_large", "--dry-run")
    assert dry.returncode == 0, dry.stderr
    assert "would" in dry.stdout and "antwerp.txt" in dry.stdout and "garbage" not in dry.stdout
    assert filed(isolated.failed / "antwerp.txt")

    # The fix: the service restarted with the default limit.
    isolated.stop()
    isolated.parts.clear()
    start_pair(isolated)
    done = _cli(isolated, "retry-failed", "--reason", "too_large")
    assert done.returncode == 0, done.stderr
    assert "queued antwerp.txt" in done.stdout

    _wait_kind(isolated, "antwerp", "record")
    deadline = time.monotonic() + 30
    while len(isolated.outcomes("antwerp")) > 1 and time.monotonic() < deadline:
        time.sleep(0.1)
    (rec,) = isolated.outcomes("antwerp")  # one outcome: the record replaced the error record
    assert rec["kind"] == "record" and rec["source"]["filename"] == "antwerp.txt"
    assert not err["_path"].exists()
    assert filed(isolated.archive / "antwerp.txt") and (isolated.archive / "antwerp.txt").read_bytes() == PAGE
    assert not (isolated.failed / "antwerp.txt").exists()
    # The other failure had another reason and is left alone.
    assert [o["kind"] for o in isolated.outcomes("garbage")] == ["error"]
    assert filed(isolated.failed / "garbage.txt")

    # The pages view shows the failed drop as retried, and its retry as done.
    snap = snapshot(RedisLedger(isolated.broker.url), limit=10)
    rows = {(p["status"], p["filename"]) for p in snap["pages"]}
    assert ("retried", "antwerp.txt") in rows and ("done", "antwerp.txt") in rows
    assert snap["counts"]["failed"] == 1  # only garbage.txt still counts as failed

    again = _cli(isolated, "retry-failed", "antwerp")
    assert again.returncode == 1 and "nothing to retry" in again.stderr
