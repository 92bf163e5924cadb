"""The feed: every outcome numbered, in the order the outbox writer wrote it, kept in the broker.

Why a Redis stream in the broker and not a journal beside the outbox: the
consumers this is for (``pagemill follow``, ``/feed``, the Python client, the
PostgreSQL sink, hooks) may run on other hosts, and the broker is the one
thing every host already reaches; a stream is ordered, survives restarts in
the broker's append-only file (``appendfsync always``), can be read from any
position (``XRANGE``) and long-polled (``XREAD BLOCK``) with no code of ours.

How an outcome gets exactly one number: the writer writes the outcome file
first (atomically), then calls :meth:`Feed.append`. That is one Lua script,
which the broker runs as a single step: if the drop already has a number it
returns it; otherwise it increments the counter, adds the stream entry and
stores the number on the drop. A crash before the script leaves the file and
no entry: the task is redelivered, rewrites the same file and appends. A crash
after it leaves the entry: the redelivered task finds the drop numbered and
writes nothing again (see :class:`~workers.edges.outbox.Outbox`). Entry ids
are ``<seq>-0``, so the stream id *is* the sequence number. The writer
processes of the host hold a file lock (``PAGEMILL_STATE_DIR/feed.lock``)
from writing the file to numbering it, so the feed's order is the order the
files were written.

Each entry carries the outcome's bytes (zlib-compressed, about a sixth of the
file), so a consumer on another host needs nothing but the broker URL.
``PAGEMILL_FEED_MAX_ENTRIES`` trims the oldest entries; the default, 0, keeps
everything.
"""

from __future__ import annotations

import fcntl
import os
import time
import uuid
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path

import redis

from ..models.feed import FeedEntry
from .ledger import PREFIX

STREAM = f"{PREFIX}:feed"
COUNTER = f"{PREFIX}:feed:seq"
# Set once, by the first entry or the first reader (Feed.ensure_feed_id), whichever comes first; never changed while
# the broker keeps its data: tells a consumer's saved cursor from one of another feed (a new broker, or its data reset).
FEED_ID = f"{PREFIX}:feed:id"

# Drop status (ledger) <-> outcome kind (file, feed).
KIND_OF_STATUS = {"done": "record", "duplicate": "duplicate", "failed": "error"}
STATUS_OF_KIND = {v: k for k, v in KIND_OF_STATUS.items()}

# KEYS: drop hash, counter, stream, feed id.  ARGV: max entries (0 = all), kind, id, drop id, filename, path, time, body, new feed id.
_APPEND = """
local have = redis.call('HGET', KEYS[1], 'seq')
if have then return tonumber(have) end
redis.call('SET', KEYS[4], ARGV[9], 'NX')
local seq = redis.call('INCR', KEYS[2])
local max = tonumber(ARGV[1])
local fields = {'kind', ARGV[2], 'id', ARGV[3], 'drop_id', ARGV[4], 'filename', ARGV[5],
                'path', ARGV[6], 'written_at', ARGV[7], 'body', ARGV[8]}
-- A retried page's outcome names the error record it replaces (the writer noted it on the drop first).
local replaces = redis.call('HGET', KEYS[1], 'replaces_error')
if replaces then
  table.insert(fields, 'replaces')
  table.insert(fields, replaces)
end
if max > 0 then
  redis.call('XADD', KEYS[3], 'MAXLEN', '=', max, seq .. '-0', unpack(fields))
else
  redis.call('XADD', KEYS[3], seq .. '-0', unpack(fields))
end
redis.call('HSET', KEYS[1], 'seq', seq, 'feed_kind', ARGV[2], 'feed_path', ARGV[6])
return seq
"""


def _iso(ts: datetime) -> str:
    return ts.isoformat(timespec="microseconds").replace("+00:00", "Z")


class Feed:
    """Appends to and reads the feed. Needs only the broker URL."""

    def __init__(self, url: str, *, max_entries: int = 0, socket_timeout: float | None = 10, lock_file: Path | None = None) -> None:
        # Bytes, not str: the outcome travels compressed.
        self.r = redis.Redis.from_url(url, decode_responses=False, socket_timeout=socket_timeout, retry_on_timeout=True)
        self.max_entries = max_entries
        # Shared by the writer processes of one host (see in_write_order); outside the outbox, which holds outcomes only.
        self.lock_file = lock_file
        self._append = self.r.register_script(_APPEND)

    # --- writing (the outbox writer) ---------------------------------------------------

    def append(self, *, kind: str, id: str, drop_id: str, filename: str, path: str, body: bytes) -> int:
        """Number this drop's outcome and add it to the feed; the same drop always gets the same number."""
        args = [self.max_entries, kind, id, drop_id, filename.encode("utf-8", "replace"), path, _iso(datetime.now(timezone.utc)), zlib.compress(body, 1), uuid.uuid4().hex]
        return int(self._append(keys=[f"{PREFIX}:drop:{drop_id}", COUNTER, STREAM, FEED_ID], args=args))

    def numbered(self, drop_id: str) -> tuple[int, str, str] | None:
        """(seq, kind, outcome file name) when this drop's outcome is already in the feed."""
        seq, kind, path = self.r.hmget(f"{PREFIX}:drop:{drop_id}", "seq", "feed_kind", "feed_path")
        if seq is None:
            return None
        return int(seq), kind.decode(), path.decode()

    # --- reading (follow, /feed, the client, the sink, hooks) -------------------------

    def feed_id(self) -> str | None:
        """This feed's identity (None until its first entry): a cursor is only meaningful for the feed it came from."""
        value = self.r.get(FEED_ID)
        return value.decode() if value else None

    def ensure_feed_id(self) -> str | None:
        """This feed's identity, made now if the feed has none yet (a new or reset broker): the first entry keeps it.

        A reader must know the feed before it trusts a saved cursor: a new feed with no entry yet has no id
        of its own, and "no id" cannot tell a saved cursor of another feed from one of this. The id is set
        with SET NX, as the append script does, so readers and the writer agree on one. None only where the
        broker refuses writes to this reader (a read-only replica, an ACL) and the feed has no id yet.
        """
        pipe = self.r.pipeline(transaction=True)
        pipe.set(FEED_ID, uuid.uuid4().hex, nx=True)
        pipe.get(FEED_ID)
        try:
            value = pipe.execute()[1]
        except redis.ResponseError:
            return self.feed_id()
        return value.decode() if value else None

    def where(self) -> str:
        """The broker, for messages: host:port/db (never the password)."""
        kw = self.r.connection_pool.connection_kwargs
        if kw.get("path"):
            return f"unix:{kw['path']}"
        return f"{kw.get('host', '?')}:{kw.get('port', '?')}/{kw.get('db', 0)}"

    def last_seq(self) -> int:
        return int(self.r.get(COUNTER) or 0)

    def read(self, after: int = 0, limit: int = 100, wait: float = 0.0) -> list[tuple[FeedEntry, bytes]]:
        """Up to ``limit`` entries after ``after``, oldest first; with ``wait``, block up to that many seconds for one."""
        rows = self.r.xrange(STREAM, min=f"({after}-0" if after > 0 else "-", max="+", count=limit)
        if not rows and wait > 0:
            got = self.r.xread({STREAM: f"{after}-0"}, count=limit, block=max(1, int(wait * 1000)))
            rows = got[0][1] if got else []
        return [_decode(entry_id, fields) for entry_id, fields in rows]

    def first_seq(self) -> int:
        """The oldest seq still kept (1 unless retention trimmed the feed), 0 when it is empty."""
        rows = self.r.xrange(STREAM, count=1)
        return int(rows[0][0].split(b"-")[0]) if rows else 0

    def follow(self, after: int = 0, *, batch: int = 100, wait: float = 5.0) -> Iterator[tuple[FeedEntry, bytes]]:
        """Every entry after ``after``, then each new one as it comes, forever."""
        while True:
            for entry, body in self.read(after, batch, wait):
                after = entry.seq
                yield entry, body


# The broker away (restarting, or still loading its data): what a following reader waits out.
BROKER_AWAY = (redis.ConnectionError, redis.TimeoutError)


def _outcomes(a: int, b: int) -> str:
    return f"outcome {a} was" if a == b else f"outcomes {a}..{b} were"


class FeedReader:
    """Reads a feed in order from a position, as every reader of it should (``pagemill follow``, the client).

    * It knows the feed's id before it trusts a saved cursor: a cursor saved for another feed (the
      broker's data was reset), or one beyond this feed's last seq (which only another feed can give),
      starts again at the beginning, saying so. A feed reset while it reads is noticed the same way.
    * It says when outcomes it was due to read are no longer in the feed (``PAGEMILL_FEED_MAX_ENTRIES``).
    * Following (``follow=True``), it waits out the broker being away, e.g. restarting, trying again
      with backoff up to ``max_backoff`` seconds, and says when the broker is away and when it is back.
      Not following, a broker error is raised.

    ``say(level, message)`` hears each of those as one line (level ``"warning"`` or ``"info"``).
    ``feed_id`` is the id of the feed the entries come from (save it with a cursor).
    """

    def __init__(self, feed: Feed, *, say: Callable[[str, str], None], follow: bool = True, wait: float = 5.0,
                 batch: int = 100, max_backoff: float = 10.0) -> None:
        self.feed, self.say, self.follow = feed, say, follow
        self.wait, self.batch, self.max_backoff = wait, batch, max_backoff
        self.feed_id: str | None = None

    def start(self, after: int | None = None, saved: tuple[int, str | None] | None = None) -> int:
        """Where to read from: ``after`` when given; else the ``saved`` cursor (seq, feed id) when it is this feed's; else 0."""
        self.feed_id, last = self._call(lambda: (self.feed.ensure_feed_id(), self.feed.last_seq()))
        if after is not None:
            if after > last:
                self.say("warning", f"after {after} is beyond this feed's last outcome ({last}): only outcomes after {after} are read")
            return after
        if saved is None:
            return 0
        seq, saved_for = saved
        if saved_for and self.feed_id and saved_for != self.feed_id:
            self.say("warning", f"the saved cursor ({seq}) is of another feed ({saved_for}); this broker's feed is {self.feed_id} "
                                "(its data was reset): reading this feed from its first outcome")
            return 0
        if seq > last:
            self.say("warning", f"the saved cursor ({seq}) is beyond this feed's last outcome ({last}), so it is of another feed "
                                "(the broker's data was reset): reading this feed from its first outcome")
            return 0
        return seq

    def entries(self, after: int) -> Iterator[tuple[FeedEntry, bytes]]:
        """Every entry after ``after`` in order; following, then each new one as it comes, forever."""
        while True:
            try:
                rows = self.feed.read(after, self.batch, self.wait if self.follow else 0.0)
                # After the read: a reset between the two shows as a new id, and the rows are read again.
                feed_id = self.feed.ensure_feed_id()
            except BROKER_AWAY as exc:
                if not self.follow or isinstance(exc, redis.AuthenticationError):
                    raise  # (a refused password does not come right by waiting)
                self._wait_for_broker(exc)
                continue
            if feed_id != self.feed_id:
                self.say("warning", f"the broker's feed was reset (its data is new: feed {feed_id}, was {self.feed_id}): "
                                    "reading the new feed from its first outcome")
                self.feed_id, after = feed_id, 0
                continue
            if not rows:
                if not self.follow:
                    return
                continue
            first = rows[0][0].seq
            if first > after + 1:
                self.say("warning", f"{_outcomes(after + 1, first - 1)} trimmed from the feed (PAGEMILL_FEED_MAX_ENTRIES) "
                                    f"before being read; starting at {first}")
            for entry, body in rows:
                yield entry, body
                after = entry.seq

    def _call(self, fn):
        while True:
            try:
                return fn()
            except BROKER_AWAY as exc:
                if not self.follow or isinstance(exc, redis.AuthenticationError):
                    raise
                self._wait_for_broker(exc)

    def _wait_for_broker(self, exc: Exception) -> None:
        # Never reached yet: perhaps nothing runs there, or the URL is wrong; after a start, a restart is likely.
        hint = "" if self.feed_id else "; is pagemill running? (`pagemill up` starts it; PAGEMILL_BROKER_URL names the broker)"
        self.say("warning", f"broker at {self.feed.where()} unreachable ({str(exc).rstrip('.')}); "
                            f"following resumes when it is back (trying again every {self.max_backoff:g} s at most){hint}")
        delay = 0.25
        while True:
            time.sleep(delay)
            try:
                self.feed.r.ping()
                break
            except redis.AuthenticationError:
                raise
            except BROKER_AWAY:
                delay = min(delay * 2, self.max_backoff)
        self.say("info", f"broker at {self.feed.where()} is back; following the feed again")


def _decode(entry_id: bytes, fields: dict[bytes, bytes]) -> tuple[FeedEntry, bytes]:
    f = {k.decode(): v for k, v in fields.items()}
    entry = FeedEntry(
        seq=int(entry_id.split(b"-")[0]),
        kind=f["kind"].decode(),
        id=f["id"].decode(),
        drop_id=f["drop_id"].decode(),
        filename=f["filename"].decode("utf-8", "replace"),
        path=f["path"].decode(),
        written_at=f["written_at"].decode(),
        replaces=f["replaces"].decode() if "replaces" in f else None,
    )
    return entry, zlib.decompress(f["body"])


@contextmanager
def in_write_order(lock_file: Path | None) -> Iterator[None]:
    """Hold while writing an outcome file and numbering it, so feed order is file order across writer processes."""
    if lock_file is None:
        yield
        return
    lock_file.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(lock_file, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # closing releases the lock
