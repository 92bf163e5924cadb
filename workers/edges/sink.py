"""The PostgreSQL sink: follows the feed into tables, each outcome exactly once.

``pagemill sink postgres://...`` (or ``pagemill up --sink ...``). It creates
and migrates its own schema, ``pagemill``, and writes every outcome of a batch
*and* the feed cursor in one transaction: a sink killed mid-batch leaves
nothing of that batch, and the restarted sink redoes it from the cursor.
Rows are keyed by record id (drop id for error records and duplicate notes)
and written with upserts, so a record written again (a record that replaces
an older one) updates its rows instead of adding new ones. The outcome of a
page sent through again (``pagemill retry-failed``) removes the row of the
error record it replaced, in the same transaction.

A database or broker that is away (connection refused, restarting) is waited
for; one the sink can never use as configured (no such database, login
refused, permission denied, a malformed URL) stops it with one line saying
what to fix (exit status 78). With ``--once`` any failure stops it (exit 1).
"""

from __future__ import annotations

import json
import re
import signal
import sys
import time
from typing import NoReturn

import psycopg
import redis
from psycopg.types.json import Jsonb

from ..logs import get_logger
from ..models import entity_segment_ids, record_text
from .feed import Feed
from .ledger import PREFIX

log = get_logger(__name__)

SCHEMA = "pagemill"

# Each step runs once, in order, in the transaction that records it: add steps, never edit old ones.
MIGRATIONS: list[str] = [
    f"""
    CREATE TABLE {SCHEMA}.records (
        id               text PRIMARY KEY,
        kind             text NOT NULL,
        filename         text NOT NULL,
        sha256           text NOT NULL,
        title            text,
        section          text,
        topics           text[] NOT NULL DEFAULT '{{}}',
        regions          text[] NOT NULL DEFAULT '{{}}',
        pipeline_version text,
        seq              bigint NOT NULL,
        drop_id          text NOT NULL,
        written_at       timestamptz NOT NULL,
        record           jsonb NOT NULL
    );
    CREATE TABLE {SCHEMA}.entities (
        record_id    text NOT NULL REFERENCES {SCHEMA}.records (id) ON DELETE CASCADE,
        entity_id    text NOT NULL,
        text         text NOT NULL,
        label        text NOT NULL,
        ref          text,
        country_code text,
        date_value   text,
        segment_id   text,
        source_start integer,
        source_end   integer,
        locators     jsonb NOT NULL,
        PRIMARY KEY (record_id, entity_id)
    );
    CREATE INDEX entities_label_text ON {SCHEMA}.entities (label, text);
    CREATE INDEX entities_country ON {SCHEMA}.entities (country_code) WHERE country_code IS NOT NULL;
    CREATE TABLE {SCHEMA}.segments (
        record_id    text NOT NULL REFERENCES {SCHEMA}.records (id) ON DELETE CASCADE,
        segment_id   text NOT NULL,
        role         text NOT NULL,
        level        integer,
        text         text NOT NULL,
        source_start integer,
        source_end   integer,
        locators     jsonb NOT NULL,
        PRIMARY KEY (record_id, segment_id)
    );
    CREATE TABLE {SCHEMA}.errors (
        drop_id     text PRIMARY KEY,
        filename    text NOT NULL,
        sha256      text,
        stage       text NOT NULL,
        error       text NOT NULL,
        message     text NOT NULL,
        attempts    integer NOT NULL,
        received_at timestamptz NOT NULL,
        failed_at   timestamptz NOT NULL,
        seq         bigint NOT NULL,
        written_at  timestamptz NOT NULL,
        record      jsonb NOT NULL
    );
    CREATE INDEX errors_failed_at ON {SCHEMA}.errors (failed_at);
    CREATE TABLE {SCHEMA}.duplicates (
        drop_id        text PRIMARY KEY,
        record_id      text NOT NULL,
        filename       text NOT NULL,
        first_filename text NOT NULL,
        record_file    text NOT NULL,
        seq            bigint NOT NULL,
        written_at     timestamptz NOT NULL,
        note           jsonb NOT NULL
    );
    CREATE TABLE {SCHEMA}.cursor (
        one boolean PRIMARY KEY DEFAULT true CHECK (one),
        seq bigint NOT NULL,
        feed_id text
    );
    INSERT INTO {SCHEMA}.cursor (seq) VALUES (0);
    """,
    # Schema 3.0 records no longer carry their body text apart from the segments' (it is their join):
    # the sink keeps it as a column, and the schema version beside it.
    f"""
    ALTER TABLE {SCHEMA}.records ADD COLUMN schema_version text, ADD COLUMN text text;
    UPDATE {SCHEMA}.records SET schema_version = record->>'schema_version', text = record->>'text';
    """,
]

# Schema 2.0 segments also held offsets into the record's text: not where the segment is in the original.
_LOCATOR_SKIP = {"text", "label", "ref", "country_code", "date_value", "role", "level", "number", "sentences", "id", "text_start", "text_end"}


def migrate(conn: psycopg.Connection) -> int:
    """Bring the schema up to date; safe to run from several sinks at once. Returns the schema's version."""
    with conn.transaction():
        conn.execute(f"CREATE SCHEMA IF NOT EXISTS {SCHEMA}")
        # One migrator at a time: the others wait here, then find nothing left to do.
        conn.execute("SELECT pg_advisory_xact_lock(hashtext('pagemill.sink.migrate'))")
        conn.execute(f"CREATE TABLE IF NOT EXISTS {SCHEMA}.migrations (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())")
        done = conn.execute(f"SELECT coalesce(max(version), 0) FROM {SCHEMA}.migrations").fetchone()[0]
        for version, sql in enumerate(MIGRATIONS[done:], start=done + 1):
            conn.execute(sql)
            conn.execute(f"INSERT INTO {SCHEMA}.migrations (version) VALUES (%s)", (version,))
            log.info("sink schema migrated", version=version)
    return len(MIGRATIONS)


def cursor(conn: psycopg.Connection) -> int:
    return conn.execute(f"SELECT seq FROM {SCHEMA}.cursor").fetchone()[0]


def adopt_feed(conn: psycopg.Connection, feed_id: str) -> int:
    """The cursor for this feed: a database last filled from another feed (a new broker) starts again from 0.

    Replaying is safe: every write is an upsert by id, in feed order.
    """
    with conn.transaction():
        seq, known = conn.execute(f"SELECT seq, feed_id FROM {SCHEMA}.cursor FOR UPDATE").fetchone()
        if known == feed_id:
            return seq
        if known is not None:
            log.warning("the database was filled from another feed; following this one from the start",
                        database_feed=known, broker_feed=feed_id, old_cursor=seq)
        conn.execute(f"UPDATE {SCHEMA}.cursor SET seq = 0, feed_id = %s", (feed_id,))
        return 0


def _locators(item: dict) -> dict:
    return {k: v for k, v in item.items() if k not in _LOCATOR_SKIP}


def _write_record(cur: psycopg.Cursor, entry, doc: dict) -> None:
    # A record that replaces older ones under another id (reprocessing: `supersedes`) takes their place.
    replaced = doc.get("supersedes") or []
    replaced = [replaced] if isinstance(replaced, str) else [r for r in replaced if isinstance(r, str)]
    replaced = [r for r in replaced if r != doc["id"]]
    if replaced:
        cur.execute(f"DELETE FROM {SCHEMA}.records WHERE id = ANY(%s)", (replaced,))
    section = doc.get("section") or {}
    classification = doc.get("classification") or {}
    cur.execute(
        f"""INSERT INTO {SCHEMA}.records AS r (id, kind, filename, sha256, title, section, topics, regions,
                pipeline_version, seq, drop_id, written_at, record, schema_version, text)
            VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s)
            ON CONFLICT (id) DO UPDATE SET kind = EXCLUDED.kind, filename = EXCLUDED.filename, sha256 = EXCLUDED.sha256,
                title = EXCLUDED.title, section = EXCLUDED.section, topics = EXCLUDED.topics, regions = EXCLUDED.regions,
                pipeline_version = EXCLUDED.pipeline_version, seq = EXCLUDED.seq, drop_id = EXCLUDED.drop_id,
                written_at = EXCLUDED.written_at, record = EXCLUDED.record, schema_version = EXCLUDED.schema_version,
                text = EXCLUDED.text
""",
        (
            doc["id"], doc["kind"], doc["source"]["filename"], doc["source"]["sha256"], doc.get("title"),
            section.get("title"), [t["label"] for t in classification.get("topics") or []],
            [g["name"] for g in classification.get("regions") or []], (doc.get("pipeline") or {}).get("version"),
            entry.seq, entry.drop_id, entry.written_at, Jsonb(doc), doc.get("schema_version"), record_text(doc),
        ),
    )
    # The record's rows are replaced as a whole, so a record that replaces an older one leaves none of the old rows.
    cur.execute(f"DELETE FROM {SCHEMA}.entities WHERE record_id = %s", (doc["id"],))
    cur.execute(f"DELETE FROM {SCHEMA}.segments WHERE record_id = %s", (doc["id"],))
    cur.executemany(
        f"""INSERT INTO {SCHEMA}.entities (record_id, entity_id, text, label, ref, country_code, date_value,
                segment_id, source_start, source_end, locators) VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s)""",
        [
            (doc["id"], e["id"], e["text"], e["label"], e.get("ref"), e.get("country_code"), e.get("date_value"),
             segment_id, e.get("source_start"), e.get("source_end"), Jsonb(_locators(e)))
            for e, segment_id in zip(doc.get("entities") or [], entity_segment_ids(doc), strict=True)
        ],
    )
    cur.executemany(
        f"""INSERT INTO {SCHEMA}.segments (record_id, segment_id, role, level, text, source_start, source_end, locators)
            VALUES (%s, %s, %s, %s, %s, %s, %s, %s)""",
        [
            (doc["id"], s["id"], s["role"], s.get("level"), s["text"], s.get("source_start"), s.get("source_end"), Jsonb(_locators(s)))
            for s in doc.get("segments") or []
        ],
    )


def _write_error(cur: psycopg.Cursor, entry, doc: dict) -> None:
    cur.execute(
        f"""INSERT INTO {SCHEMA}.errors (drop_id, filename, sha256, stage, error, message, attempts, received_at,
                failed_at, seq, written_at, record) VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s)
            ON CONFLICT (drop_id) DO UPDATE SET stage = EXCLUDED.stage, error = EXCLUDED.error, message = EXCLUDED.message,
                attempts = EXCLUDED.attempts, failed_at = EXCLUDED.failed_at, seq = EXCLUDED.seq,
                written_at = EXCLUDED.written_at, record = EXCLUDED.record""",
        (
            doc["drop_id"], doc["filename"], doc.get("sha256"), doc["stage"], doc["error"], doc["message"],
            doc.get("attempts", 1), doc["received_at"], doc["failed_at"], entry.seq, entry.written_at, Jsonb(doc),
        ),
    )


def _write_duplicate(cur: psycopg.Cursor, entry, doc: dict) -> None:
    cur.execute(
        f"""INSERT INTO {SCHEMA}.duplicates (drop_id, record_id, filename, first_filename, record_file, seq, written_at, note)
            VALUES (%s, %s, %s, %s, %s, %s, %s, %s)
            ON CONFLICT (drop_id) DO UPDATE SET record_id = EXCLUDED.record_id, seq = EXCLUDED.seq,
                written_at = EXCLUDED.written_at, note = EXCLUDED.note""",
        (entry.drop_id, doc["id"], doc["source"]["filename"], doc["first_filename"], doc["record"], entry.seq, entry.written_at, Jsonb(doc)),
    )


_WRITERS = {"record": _write_record, "error": _write_error, "duplicate": _write_duplicate}


def retried_drops(r: redis.Redis, rows: list) -> dict[str, str]:
    """For the entries of a retried page (``pagemill retry-failed``): their drop id -> the failed drop's id.

    The outbox writer removed that drop's error record when it wrote the entry's outcome
    (``Outbox._replace_retried``); the drop says so in the broker (``retry_of``, set when the
    page was sent through again, before its outcome was written and numbered). One round trip a batch.
    """
    pipe = r.pipeline(transaction=False)
    for entry, _ in rows:
        pipe.hget(f"{PREFIX}:drop:{entry.drop_id}", "retry_of")
    found = {}
    for (entry, _), old in zip(rows, pipe.execute()):
        old = old.decode() if isinstance(old, bytes) else old
        if old and old != entry.drop_id:
            found[entry.drop_id] = old
    return found


def write_batch(conn: psycopg.Connection, rows: list, retried: dict[str, str] | None = None) -> int:
    """Write a batch of feed entries and move the cursor past them, all in one transaction.

    ``retried`` (see :func:`retried_drops`): an outcome of a retried page takes the place of the
    error record it replaced, as a record takes the place of those it ``supersedes``.
    """
    retried = retried or {}
    with conn.transaction(), conn.cursor() as cur:
        for entry, body in rows:
            if old := retried.get(entry.drop_id):
                cur.execute(f"DELETE FROM {SCHEMA}.errors WHERE drop_id = %s", (old,))
            _WRITERS[entry.kind](cur, entry, json.loads(body))
        # Last, so a sink stopped anywhere above commits nothing of the batch.
        cur.execute(f"UPDATE {SCHEMA}.cursor SET seq = %s", (rows[-1][0].seq,))
    return rows[-1][0].seq


class Sink:
    def __init__(self, broker_url: str, dsn: str, *, batch: int = 200) -> None:
        self.feed = Feed(broker_url, socket_timeout=30)
        self.dsn, self.batch = dsn, batch
        self.stopping = False

    def connect(self) -> psycopg.Connection:
        conn = psycopg.connect(self.dsn, autocommit=True, application_name="pagemill-sink")
        migrate(conn)
        return conn

    def run(self, *, once: bool = False) -> int:
        """Follow the feed into the database; with ``once``, stop at the end of the feed. Returns the cursor."""
        conn = self.connect()
        try:
            while (feed_id := self.feed.feed_id()) is None and not self.stopping:
                if once:
                    return cursor(conn)
                time.sleep(1.0)  # nothing written yet anywhere
            after = adopt_feed(conn, feed_id)
            log.info("sink following the feed", after=after, last_seq=self.feed.last_seq(), feed_id=feed_id)
            while not self.stopping:
                rows = self.feed.read(after, self.batch, 0.0 if once else 2.0)
                if not rows:
                    if once:
                        break
                    continue
                after = write_batch(conn, rows, retried_drops(self.feed.r, rows))
                log.info("sink wrote", outcomes=len(rows), cursor=after)
            return after
        finally:
            conn.close()


#: Exit status of a sink stopped by an error that waiting cannot fix (sysexits' EX_CONFIG).
EXIT_CONFIG = 78
#: Exit status of ``--once`` stopped by an error that may pass (the database or broker away).
EXIT_UNAVAILABLE = 1

# SQLSTATEs that retrying cannot fix: the database does not exist, login refused, no privilege.
_PERMANENT_SQLSTATE = {
    "3D000": "the database does not exist: create it (createdb) or fix the database name in the sink URL",
    "28P01": "PostgreSQL refused the password: fix the user or password in the sink URL",
    "28000": "PostgreSQL refused the login: fix the user in the sink URL, or the server's pg_hba.conf",
    "42501": "permission denied: the sink URL's user needs CONNECT on the database and CREATE on it (for the pagemill schema)",
}
# A failed connection carries no SQLSTATE in psycopg (libpq keeps only the server's message): these are the
# messages of the same cases (PostgreSQL's own words; a server set to another lc_messages says them otherwise,
# and the sink then keeps waiting, as before).
_PERMANENT_MESSAGE = [
    (re.compile(r'database "[^"]*" does not exist'), "3D000"),
    (re.compile(r"password authentication failed|no password supplied|authentication failed"), "28P01"),
    (re.compile(r'role "[^"]*" does not exist|no pg_hba\.conf entry|is not permitted to log in'), "28000"),
    (re.compile(r"permission denied"), "42501"),
    # libpq refused the URL itself, before connecting
    (re.compile(r"invalid (integer|sslmode|connection option|URI|port|value)|missing \"=\"|connection is bad: invalid"), "url"),
]
_BAD_URL = "the sink URL is malformed: give one like postgresql://user@host:5432/database"


def permanent_db_error(exc: BaseException) -> str | None:
    """What to fix, when ``exc`` is a database error that retrying cannot fix; None when it may pass."""
    if not isinstance(exc, psycopg.Error):
        return None
    state = exc.sqlstate or ""
    if state in _PERMANENT_SQLSTATE:
        return _PERMANENT_SQLSTATE[state]
    if state.startswith("28"):  # invalid authorization specification, any
        return _PERMANENT_SQLSTATE["28000"]
    if state:
        return None
    if isinstance(exc, psycopg.ProgrammingError):  # no SQLSTATE: libpq could not parse the connection string
        return _BAD_URL
    text = str(exc)
    for pattern, code in _PERMANENT_MESSAGE:
        if pattern.search(text):
            return _BAD_URL if code == "url" else _PERMANENT_SQLSTATE[code]
    return None


_BROKER_LOGIN_REFUSED = tuple(
    getattr(redis.exceptions, name)
    for name in ("AuthenticationError", "AuthorizationError", "AuthenticationWrongNumberOfArgsError")
    if hasattr(redis.exceptions, name)
)


def permanent_broker_error(exc: BaseException) -> str | None:
    """What to fix, when ``exc`` is a broker error that retrying cannot fix; None when it may pass."""
    if isinstance(exc, _BROKER_LOGIN_REFUSED):
        return "the broker refused the login: fix the password in PAGEMILL_BROKER_URL or PAGEMILL_BROKER_PASSWORD"
    if isinstance(exc, redis.exceptions.NoPermissionError):
        return "the broker user may not read the feed: give it read access to the pagemill:* keys"
    if isinstance(exc, ValueError):  # redis-py refuses the URL itself
        return "the broker URL is malformed: fix PAGEMILL_BROKER_URL (like redis://host:6379/0)"
    return None


def _first_line(exc: BaseException) -> str:
    text = " ".join(str(exc).split())  # libpq's messages run over several lines
    return text[:400] or type(exc).__name__


def run_sink(broker_url: str, dsn: str, *, batch: int = 200, once: bool = False) -> None:
    """Follow the feed into the database until stopped (or, with ``once``, to its end).

    Waits out a database or broker that is away; exits (SystemExit) on one it can never use as
    configured, and with ``once`` on any failure, after one line on stderr saying what happened.
    """
    try:
        sink = Sink(broker_url, dsn, batch=batch)
    except ValueError as exc:
        _stop_sink(f"cannot use the broker URL: {_first_line(exc)}", permanent_broker_error(exc))

    def stop(*_):
        sink.stopping = True

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    while True:
        try:
            sink.run(once=once)
            return
        except psycopg.Error as exc:
            fix = permanent_db_error(exc)
            if fix is not None:
                _stop_sink(f"cannot use the database: {_first_line(exc)}", fix)
            if not isinstance(exc, (psycopg.OperationalError, psycopg.InterfaceError)):
                raise  # neither the connection nor the configuration: a bug, with its traceback
            if once:
                _stop_sink(f"cannot reach the database: {_first_line(exc)}", None)
            # The database restarting or away: the cursor is in it, so just reconnect and carry on.
            log.warning("database unreachable; sink retries", error=str(exc))
        except redis.RedisError as exc:
            fix = permanent_broker_error(exc)
            if fix is not None or once:
                _stop_sink(f"cannot read the feed from the broker: {_first_line(exc)}", fix)
            # Broker away: the cursor is safe in the database.
            log.warning("broker unreachable; sink retries", error=str(exc))
        if sink.stopping:
            return
        time.sleep(2.0)


def _stop_sink(what: str, fix: str | None) -> NoReturn:
    """One line on stderr, then exit: 78 when the configuration must change, 1 when ``--once`` met a passing failure."""
    if fix is not None:
        print(f"pagemill sink: stopped: {fix} ({what})", file=sys.stderr, flush=True)
        raise SystemExit(EXIT_CONFIG)
    print(f"pagemill sink: stopped: {what} (with --once the sink stops at the first failure; without it, it waits and retries)",
          file=sys.stderr, flush=True)
    raise SystemExit(EXIT_UNAVAILABLE)
