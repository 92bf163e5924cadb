"""`pagemill retry-failed` and the PostgreSQL sink: a retried page's new outcome removes its old error row.

Real PostgreSQL on 127.0.0.1:5432 (or PAGEMILL_TEST_POSTGRES_URL; a database of its own, dropped after), the
embedded broker, the real outbox writer and the real retry bookkeeping (workers/service/retry.py).
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

psycopg = pytest.importorskip("psycopg")

from workers.edges.feed import Feed  # noqa: E402
from workers.edges.ledger import RedisLedger  # noqa: E402
from workers.edges.outbox import Outbox  # noqa: E402
from workers.edges.sink import Sink  # noqa: E402
from workers.models import Drop  # noqa: E402
from workers.service.retry import find_failures, retry  # noqa: E402
from workers.settings import Settings  # noqa: E402
from workers.stages import process_bytes  # noqa: E402

from .conftest import Service  # noqa: E402
from .test_faults import start_pair  # noqa: E402
from .test_sink import feed_broker, sink_cmd  # noqa: E402,F401 - fixtures

pytestmark = pytest.mark.integration

LAST_DAY = "SELECT error, count(*) FROM pagemill.errors WHERE failed_at > now() - interval '1 day' GROUP BY error ORDER BY error"


def _page(word: str, n: int = 4) -> bytes:
    return (f"{word.title()} Report\n\n" + f"The harbour office in {word.title()} counted the ships on 9 July 2016. " * n + "\n").encode()


def _rows(dsn: str) -> dict:
    with psycopg.connect(dsn) as c:
        return {
            "errors": sorted(c.execute("SELECT filename, drop_id FROM pagemill.errors").fetchall()),
            "records": sorted(r for (r,) in c.execute("SELECT filename FROM pagemill.records").fetchall()),
            "duplicates": sorted(r for (r,) in c.execute("SELECT filename FROM pagemill.duplicates").fetchall()),
            "last_day": c.execute(LAST_DAY).fetchall(),
            "cursor": c.execute("SELECT seq FROM pagemill.cursor").fetchone()[0],
        }


class Mill:
    """The outbox writer of a service, and what its worker would do with a message `retry-failed` sends."""

    def __init__(self, root: Path, url: str) -> None:
        self.s = Settings(inbox=root / "inbox", outbox=root / "outbox", archive=root / "archive", failed=root / "failed",
                          state_dir=root / "state", broker_url=url, max_page_bytes=300)
        self.s.inbox.mkdir(parents=True)
        self.ledger = RedisLedger(url)
        self.out = Outbox(self.s.outbox, self.ledger, feed=Feed(url), archive=self.s.archive, failed=self.s.failed,
                          processing=[self.s.processing_dir])

    def take(self, name: str, data: bytes) -> Drop:
        """A page as the watcher holds it."""
        drop = Drop(filename=name, size_bytes=len(data))
        held = self.s.processing_dir / f"{drop.drop_id}.page"
        held.parent.mkdir(parents=True, exist_ok=True)
        held.write_bytes(data)
        self.ledger.set_drop(drop.drop_id, status="queued", filename=name, received=time.time())
        return drop

    def fail(self, drop: Drop, error: str = "too_large") -> None:
        self.out.write_error(drop, stage="intake", error=error, message=f"{error} for the test")

    def retry(self, name: str, *, fails: bool = False) -> Drop:
        """`pagemill retry-failed NAME`, then the worker: a record (or a duplicate note), or another error record."""
        (failure,) = find_failures(self.s.outbox, names=(name,))
        sent = []
        drop = retry(self.s, self.ledger, failure, lambda task, d, payload: sent.append((task, d)))
        held = self.s.processing_dir / f"{drop.drop_id}.page"
        if fails:
            self.fail(drop)
        else:
            self.out.write_record(drop, process_bytes(held.read_bytes(), drop.filename))
        return drop


def test_a_retried_pages_new_outcome_removes_its_error_row_in_the_same_batch_or_a_later_one(feed_broker, database, tmp_path):
    mill = Mill(tmp_path, feed_broker.url)
    for name in ("once.txt", "twice.txt", "dup.txt", "never.txt"):
        mill.fail(mill.take(name, _page(name.split(".")[0]) if name != "dup.txt" else _page("once")))
    Sink(feed_broker.url, database).run(once=True)
    assert [f for f, _ in _rows(database)["errors"]] == ["dup.txt", "never.txt", "once.txt", "twice.txt"]

    mill.retry("once.txt")  # a record
    mill.retry("twice.txt", fails=True)  # failed again: a new error record in place of the old one
    mill.retry("dup.txt")  # the same content as once.txt: a duplicate note
    Sink(feed_broker.url, database).run(once=True)
    got = _rows(database)
    assert [f for f, _ in got["errors"]] == ["never.txt", "twice.txt"], "an error row outlived the error record its retry replaced"
    assert got["records"] == ["once.txt"] and got["duplicates"] == ["dup.txt"]

    mill.retry("twice.txt")  # retried a second time: now a record
    Sink(feed_broker.url, database).run(once=True)
    got = _rows(database)
    assert got["records"] == ["once.txt", "twice.txt"] and got["duplicates"] == ["dup.txt"]
    assert got["last_day"] == [("too_large", 1)]  # the README's "failures of the last day": never.txt alone
    # Exactly the error records still in the outbox have a row.
    on_disk = sorted((f.record["filename"], f.record["drop_id"]) for f in find_failures(mill.s.outbox))
    assert got["errors"] == on_disk == [("never.txt", on_disk[0][1])]
    assert got["cursor"] == Feed(feed_broker.url).last_seq()

    # Replayed from the start of the feed (a new database, or the cursor reset), it comes to the same rows.
    with psycopg.connect(database) as c:
        c.execute("UPDATE pagemill.cursor SET seq = 0")
    Sink(feed_broker.url, database).run(once=True)
    assert _rows(database) == got


def test_retry_failed_on_a_running_service_leaves_one_row_per_page_in_the_sink(isolated: Service, database):
    """The reviewer's repro: pages too large for the limit, retried with the limit still there, then without it."""

    def cli(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "workers.cli", *args], env=isolated.env, cwd=isolated.root,
                              capture_output=True, text=True, timeout=180)

    def sink() -> dict:
        cmd, env = sink_cmd(isolated.broker.url, database, "--once")
        done = subprocess.run(cmd, env=env, capture_output=True, timeout=180)
        assert done.returncode == 0, done.stderr.decode(errors="replace")[-2000:]
        return _rows(database)

    names = [f"big{i}" for i in range(5)]
    start_pair(isolated, env={"PAGEMILL_MAX_PAGE_BYTES": "5000"})
    for name in names:
        isolated.drop(f"{name}.txt", _page(name, 260)[:20_000])
    for name in names:
        isolated.wait_for(name, timeout=60)
    assert [f for f, _ in sink()["errors"]] == [f"{n}.txt" for n in names]

    # Retried before the cause is fixed: big0 fails again, and its new error record replaces the old one.
    (first,) = isolated.outcomes("big0")
    done = cli("retry-failed", "big0")
    assert done.returncode == 0 and "queued big0.txt" in done.stdout, done.stdout + done.stderr
    deadline = time.monotonic() + 60
    while [(o["kind"], o["error"]) for o in isolated.outcomes("big0") if o["drop_id"] != first["drop_id"]] != [("error", "too_large")] \
            or first["_path"].exists():
        assert time.monotonic() < deadline, isolated.tail_logs()
        time.sleep(0.1)
    while Feed(isolated.broker.url).last_seq() < 6:  # the new error record numbered too
        assert time.monotonic() < deadline, isolated.tail_logs()
        time.sleep(0.1)
    got = sink()
    assert len(got["errors"]) == 5, got["errors"]  # was 6: big0 twice
    assert first["drop_id"] not in {d for _, d in got["errors"]}

    # The fix: the service started again without the limit; every page retried.
    isolated.stop()
    isolated.parts.clear()
    start_pair(isolated)
    done = cli("retry-failed", "--reason", "too_large")
    assert done.returncode == 0, done.stderr
    deadline = time.monotonic() + 180
    while sorted(o["kind"] for n in names for o in isolated.outcomes(n)) != ["record"] * 5:
        assert time.monotonic() < deadline, f"{[isolated.outcomes(n) for n in names]}\n{isolated.tail_logs()}"
        isolated.check_alive()
        time.sleep(0.2)
    while Feed(isolated.broker.url).last_seq() < 11:  # 5 error records, big0's second, 5 records
        assert time.monotonic() < deadline, isolated.tail_logs()
        time.sleep(0.1)
    got = sink()
    assert got["errors"] == [] and got["last_day"] == []
    assert got["records"] == [f"{n}.txt" for n in names]
