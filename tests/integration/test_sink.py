"""The PostgreSQL sink: every outcome exactly once, also after the sink is killed in the middle of a batch.

Uses the PostgreSQL server on 127.0.0.1:5432 (user postgres, trust auth, or
PAGEMILL_TEST_POSTGRES_URL): a database of its own is created and dropped.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

psycopg = pytest.importorskip("psycopg")

from workers.edges.feed import Feed  # noqa: E402
from workers.edges.ledger import RedisLedger  # noqa: E402
from workers.edges.outbox import Outbox  # noqa: E402
from workers.models import SCHEMA_VERSION, Drop  # noqa: E402
from workers.stages import process_bytes  # noqa: E402

from .conftest import REPO, Service, start_embedded_broker  # noqa: E402

pytestmark = pytest.mark.integration





@pytest.fixture
def feed_broker(tmp_path):
    b = start_embedded_broker(tmp_path / "broker")
    yield b
    b.proc.terminate()
    b.proc.wait(10)


def write_outcomes(url: str, root: Path, start: int, n: int) -> None:
    """Real outcomes through the real outbox writer: n records, plus a duplicate note and an error record."""
    outbox = Outbox(root / "outbox", RedisLedger(url), feed=Feed(url))
    base = process_bytes(b"Shipping note\n\nFreighters from Japan and the United States met off Peru in 2007.\n", "base.txt")
    for i in range(start, start + n):
        # A real record, given the identity of distinct content, so the test needs no model run per page.
        sha = f"{i:064x}"
        rec = base.model_copy(update={"id": f"pm-{i:016x}", "source": base.source.model_copy(update={"sha256": sha, "filename": f"p{i}.txt"})})
        outbox.write_record(Drop(filename=f"p{i}.txt", sha256=sha), rec)
    dup = base.model_copy(update={"id": f"pm-{start:016x}", "source": base.source.model_copy(update={"sha256": f"{start:064x}", "filename": f"again{start}.txt"})})
    outbox.write_record(Drop(filename=f"again{start}.txt", sha256=f"{start:064x}"), dup)
    outbox.write_error(Drop(filename=f"empty{start}.txt"), stage="intake", error="empty_file", message="file is empty")


def sink_cmd(url: str, dsn: str, *extra: str) -> tuple[list[str], dict]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PAGEMILL_")}
    env.update(PAGEMILL_BROKER_URL=url, PAGEMILL_LOG_FORMAT="json", PYTHONPATH=str(REPO))
    return [sys.executable, "-m", "workers.cli", "sink", dsn, *extra], env


def counts(dsn: str) -> dict:
    with psycopg.connect(dsn) as c:
        return {
            "records": c.execute("SELECT count(*), count(DISTINCT id) FROM pagemill.records").fetchone(),
            "entities": c.execute("SELECT count(*) FROM pagemill.entities").fetchone()[0],
            "errors": c.execute("SELECT count(*) FROM pagemill.errors").fetchone()[0],
            "duplicates": c.execute("SELECT count(*) FROM pagemill.duplicates").fetchone()[0],
            "cursor": c.execute("SELECT seq FROM pagemill.cursor").fetchone()[0],
        }


def test_sink_killed_in_the_middle_of_a_batch_then_restarted_holds_every_outcome_once(feed_broker, database, tmp_path):
    url = feed_broker.url
    write_outcomes(url, tmp_path, 0, 40)
    cmd, env = sink_cmd(url, database, "--once", "--batch", "15")
    subprocess.run(cmd, env=env, check=True, timeout=120, capture_output=True)
    first = counts(database)
    assert first["records"] == (40, 40) and first["cursor"] == Feed(url).last_seq() == 42

    write_outcomes(url, tmp_path, 100, 40)
    # Hold the cursor row: the sink's next batch writes its rows, then waits at the cursor, mid-transaction.
    blocker = psycopg.connect(database)
    blocker.execute("SELECT seq FROM pagemill.cursor FOR UPDATE")
    cmd, env = sink_cmd(url, database, "--batch", "15")
    log = (tmp_path / "sink.log").open("wb")
    proc = subprocess.Popen(cmd, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        deadline = time.monotonic() + 90
        with psycopg.connect(database, autocommit=True) as watch:
            while time.monotonic() < deadline:
                waiting = watch.execute(
                    "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'pagemill-sink' AND wait_event_type = 'Lock'"
                ).fetchone()[0]
                if waiting:
                    break
                assert proc.poll() is None, (tmp_path / "sink.log").read_text()
                time.sleep(0.05)
            else:
                raise AssertionError("the sink never reached its cursor update: " + (tmp_path / "sink.log").read_text())
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(30)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
        blocker.rollback()
        blocker.close()

    # Nothing of the killed batch landed.
    assert counts(database) == first

    cmd, env = sink_cmd(url, database, "--once", "--batch", "15")
    subprocess.run(cmd, env=env, check=True, timeout=120, capture_output=True)
    after = counts(database)
    entities_per_record = len(process_bytes(b"Shipping note\n\nFreighters from Japan and the United States met off Peru in 2007.\n", "x.txt").entities)
    assert after["records"] == (80, 80)
    assert after["entities"] == 80 * entities_per_record
    assert after["errors"] == 2 and after["duplicates"] == 2
    assert after["cursor"] == Feed(url).last_seq() == 84

    # Running again from scratch (cursor reset) changes nothing: writes are idempotent by id.
    with psycopg.connect(database) as c:
        c.execute("UPDATE pagemill.cursor SET seq = 0")
    subprocess.run(cmd, env=env, check=True, timeout=120, capture_output=True)
    assert counts(database) == after


def test_a_database_filled_from_another_feed_follows_a_new_broker_from_its_start(feed_broker, database, tmp_path):
    write_outcomes(feed_broker.url, tmp_path / "a", 0, 5)
    cmd, env = sink_cmd(feed_broker.url, database, "--once")
    subprocess.run(cmd, env=env, check=True, timeout=120, capture_output=True)
    assert counts(database)["cursor"] == 7

    fresh = start_embedded_broker(tmp_path / "broker-b")  # a new broker: its feed starts again at 1
    try:
        write_outcomes(fresh.url, tmp_path / "b", 500, 2)
        cmd, env = sink_cmd(fresh.url, database, "--once")
        subprocess.run(cmd, env=env, check=True, timeout=120, capture_output=True)
        got = counts(database)
        assert got["cursor"] == Feed(fresh.url).last_seq() == 4
        assert got["records"] == (7, 7)
    finally:
        fresh.proc.terminate()
        fresh.proc.wait(10)


def test_the_readme_queries_answer_from_the_sinks_tables(feed_broker, database, tmp_path):
    url = feed_broker.url
    write_outcomes(url, tmp_path, 0, 3)
    cmd, env = sink_cmd(url, database, "--once")
    subprocess.run(cmd, env=env, check=True, timeout=120, capture_output=True)
    with psycopg.connect(database) as c:
        both = c.execute(
            """SELECT r.filename FROM pagemill.records r
               WHERE EXISTS (SELECT 1 FROM pagemill.entities e WHERE e.record_id = r.id AND e.country_code = 'JP')
                 AND EXISTS (SELECT 1 FROM pagemill.entities e WHERE e.record_id = r.id AND e.country_code = 'US')
               ORDER BY r.seq"""
        ).fetchall()
        failures = c.execute(
            """SELECT error, count(*) FROM pagemill.errors WHERE failed_at > now() - interval '1 day' GROUP BY error ORDER BY count(*) DESC"""
        ).fetchall()
        # records do not write an entity's segment (4.0); the sink finds it from the offsets
        in_segments = c.execute(
            """SELECT e.text, s.text FROM pagemill.entities e
               LEFT JOIN pagemill.segments s ON s.record_id = e.record_id AND s.segment_id = e.segment_id"""
        ).fetchall()
    assert [f for (f,) in both] == ["p0.txt", "p1.txt", "p2.txt"]
    assert in_segments and all(seg is not None and ent in seg for ent, seg in in_segments), in_segments
    assert failures == [("empty_file", 1)]


def test_pagemill_up_with_a_sink_fills_the_database_from_dropped_pages(database, tmp_path):
    """`pagemill up --sink` runs the sink as one more part of the service."""
    from .conftest import free_port, service_env

    b = start_embedded_broker(tmp_path / "broker")
    env = service_env(tmp_path, b.url, PAGEMILL_PAGES_PORT=str(free_port()), PAGEMILL_FLOWER_PORT=str(free_port()), PAGEMILL_CONCURRENCY="1")
    svc = Service(tmp_path, env, b)
    try:
        up = svc.start("up", "up", "--no-dashboard", "--sink", database)
        svc.drop("sunk.txt", b"Trade note\n\nNegotiators from Mexico met a delegation from Korea in Geneva in 2012.\n")
        (rec,) = svc.wait_for("sunk", timeout=120)
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            try:
                with psycopg.connect(database) as c:
                    row = c.execute("SELECT id, filename FROM pagemill.records").fetchall()
                if row:
                    break
            except psycopg.errors.UndefinedTable:
                pass
            svc.check_alive()
            time.sleep(0.2)
        assert row == [(rec["id"], "sunk.txt")]
    finally:
        svc.stop()
        if b.proc.poll() is None:
            b.proc.terminate()
            b.proc.wait(10)


def test_the_sink_keeps_a_records_body_text_and_fills_it_in_for_rows_written_before_3_0(feed_broker, database, tmp_path):
    """3.0 records no longer carry their body text apart: the sink's `text` column has it, for old rows too."""
    from workers.edges.sink import MIGRATIONS, SCHEMA, migrate
    from workers.models import record_text

    # A database an older sink filled: its first migration only, and a 2.0 record in it.
    with psycopg.connect(database, autocommit=True) as c:
        c.execute(f"CREATE SCHEMA {SCHEMA}")
        c.execute(f"CREATE TABLE {SCHEMA}.migrations (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())")
        c.execute(MIGRATIONS[0])
        c.execute(f"INSERT INTO {SCHEMA}.migrations (version) VALUES (1)")
        old = {"schema_version": "2.0", "kind": "record", "id": "pm-old", "text": "Old body.\n\nSecond paragraph."}
        c.execute(
            f"""INSERT INTO {SCHEMA}.records (id, kind, filename, sha256, seq, drop_id, written_at, record)
                VALUES ('pm-old', 'record', 'old.txt', %s, 1, 'd-old', now(), %s)""",
            ("0" * 64, psycopg.types.json.Jsonb(old)),
        )
        assert migrate(c) == len(MIGRATIONS)
        assert c.execute(f"SELECT schema_version, text FROM {SCHEMA}.records").fetchall() == [("2.0", old["text"])]

    write_outcomes(feed_broker.url, tmp_path, 0, 1)
    cmd, env = sink_cmd(feed_broker.url, database, "--once")
    subprocess.run(cmd, env=env, check=True, timeout=120, capture_output=True)
    with psycopg.connect(database) as c:
        version, text, doc = c.execute(f"SELECT schema_version, text, record FROM {SCHEMA}.records WHERE filename = 'p0.txt'").fetchone()
    assert version == SCHEMA_VERSION and doc["text"] == text
    assert text == record_text(doc) and "Freighters from Japan" in text
