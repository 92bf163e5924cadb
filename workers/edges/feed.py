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
import uuid
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path

import redis

from ..models.feed import FeedEntry
from .ledger import PREFIX

STREAM = f"{PREFIX}:feed"
COUNTER = f"{PREFIX}:feed:seq"
# Set once, with the first entry: tells a consumer's saved cursor from one of another feed (a new broker).
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
