"""The ledger: what happened to each drop, and which content already has a record.

The service keeps it in the broker (:class:`RedisLedger`), so it survives
restarts, is shared by every host, and is what stops the same content from
getting two records. ``pagemill process`` uses :class:`MemoryLedger`.
"""

from __future__ import annotations

import json
import time
from typing import Protocol

import redis

PREFIX = "pagemill"

# Drop statuses, in the order a drop moves through them.
CLAIMED, QUEUED, DONE, DUPLICATE, FAILED = "claimed", "queued", "done", "duplicate", "failed"
# A failed drop whose original was sent through again (pagemill retry-failed); the new drop has the outcome.
RETRIED = "retried"
# A record made again (``pagemill reprocess``) replaced the older one: counted apart from new pages.
REPROCESSED = "reprocessed"
FINAL = {DONE, DUPLICATE, FAILED, REPROCESSED}
# Not a stored status: a drop a worker has started on (see mark_started) shows as processing.
PROCESSING = "processing"
# Closed by the reconciliation sweep: its file is held nowhere and it has no outcome (a crash
# between claiming and taking it; the page itself was taken again under another drop id).
VANISHED = "vanished"

# Upper bounds (seconds) of the drop-to-outcome latency histogram, as Prometheus buckets.
LATENCY_BUCKETS = (0.5, 1.0, 2.0, 5.0, 10.0, 30.0, 60.0, 120.0, 300.0, 600.0, 1800.0, 3600.0)
# Finish times are kept this long, for pages-per-minute figures.
FINISHED_WINDOW = 86_400


class Ledger(Protocol):
    def claim_content(self, sha256: str, drop_id: str, record_file: str, filename: str) -> dict: ...

    def set_drop(self, drop_id: str, **fields: str | float | int | None) -> None: ...

    def set_drops(self, updates: dict[str, dict]) -> None: ...

    def get_drop(self, drop_id: str) -> dict: ...

    def clear_reprocess(self, record_file: str) -> None: ...

    def content_claim(self, sha256: str) -> dict | None: ...


class MemoryLedger:
    """In-process ledger for one-off runs."""

    def __init__(self) -> None:
        self.content: dict[str, dict] = {}
        self.drops: dict[str, dict] = {}

    def claim_content(self, sha256: str, drop_id: str, record_file: str, filename: str) -> dict:
        return self.content.setdefault(sha256, {"drop_id": drop_id, "record": record_file, "filename": filename})

    def content_claim(self, sha256: str) -> dict | None:
        return self.content.get(sha256)

    def set_drop(self, drop_id: str, **fields) -> None:
        self.drops.setdefault(drop_id, {}).update({k: v for k, v in fields.items() if v is not None})

    def set_drops(self, updates: dict[str, dict]) -> None:
        for drop_id, fields in updates.items():
            self.set_drop(drop_id, **fields)

    def get_drop(self, drop_id: str) -> dict:
        return dict(self.drops.get(drop_id, {}))

    def clear_reprocess(self, record_file: str) -> None:
        """Nothing to clear: one-off runs replace records in the same process that decided to."""


# KEYS: the drop's hash, the started set; ARGV: drop id, time, then every final status.
_MARK_STARTED = """
local status = redis.call('HGET', KEYS[1], 'status')
for i = 3, #ARGV do
  if status == ARGV[i] then return 0 end  -- a page redelivered after its outcome was written
end
redis.call('HSETNX', KEYS[1], 'started', ARGV[2])
redis.call('SADD', KEYS[2], ARGV[1])
return 1
"""


class RedisLedger:
    def __init__(self, url: str) -> None:
        self.r = redis.Redis.from_url(url, decode_responses=True, socket_timeout=10, retry_on_timeout=True)
        self._mark_started = self.r.register_script(_MARK_STARTED)

    def claim_content(self, sha256: str, drop_id: str, record_file: str, filename: str) -> dict:
        """First drop of this content wins; everyone gets the winner back."""
        key = f"{PREFIX}:content:{sha256}"
        mine = json.dumps({"drop_id": drop_id, "record": record_file, "filename": filename})
        # One round trip, on every page's path: the claim and the read of whoever holds it, in one transaction.
        pipe = self.r.pipeline(transaction=True)
        pipe.set(key, mine, nx=True)
        pipe.get(key)
        return json.loads(pipe.execute()[1])

    def set_drop(self, drop_id: str, **fields) -> None:
        self.set_drops({drop_id: fields})

    def set_drops(self, updates: dict[str, dict]) -> None:
        """Update several drops in one round trip (the watcher takes a burst's pages together)."""
        pipe = self.r.pipeline()
        updated = f"{time.time():.3f}"
        for drop_id, fields in updates.items():
            mapping = {k: str(v) for k, v in fields.items() if v is not None}
            mapping["updated"] = updated
            pipe.hset(f"{PREFIX}:drop:{drop_id}", mapping=mapping)
            if "received" in fields:
                pipe.zadd(f"{PREFIX}:drops", {drop_id: float(fields["received"])})
            if fields.get("status") in FINAL:
                pipe.hincrby(f"{PREFIX}:counts", str(fields["status"]), 1)
            self._track(pipe, drop_id, fields)
        pipe.execute()

    def get_drop(self, drop_id: str) -> dict:
        return self.r.hgetall(f"{PREFIX}:drop:{drop_id}")

    # --- reprocessing: which records have a new version on its way (record file -> drop id) ---
    # Kept beside the queue in the broker, so a reprocess run stopped half way and started again
    # queues only what is not already on its way, and no page is made twice.

    def mark_reprocess(self, record_file: str, drop_id: str) -> bool:
        """Note that ``record_file`` is being made again by ``drop_id``; False when it already is."""
        return bool(self.r.hsetnx(f"{PREFIX}:reprocess", record_file, drop_id))

    def pending_reprocess(self) -> dict[str, str]:
        return self.r.hgetall(f"{PREFIX}:reprocess")

    def clear_reprocess(self, record_file: str) -> None:
        self.r.hdel(f"{PREFIX}:reprocess", record_file)

    def broker_idle(self, lists: list[str], unacked: str = "unacked") -> bool:
        """True when no message waits in ``lists`` and none is held by a worker, read in one transaction."""
        pipe = self.r.pipeline(transaction=True)
        for name in lists:
            pipe.llen(name)
        pipe.hlen(unacked)
        return not any(pipe.execute())

    def recent(self, limit: int = 100) -> list[dict]:
        ids = self.r.zrevrange(f"{PREFIX}:drops", 0, limit - 1)
        pipe = self.r.pipeline()
        for i in ids:
            pipe.hgetall(f"{PREFIX}:drop:{i}")
        return [{"drop_id": i, **d} for i, d in zip(ids, pipe.execute())]

    # --- monitoring: in-flight sets, finish times and latency (read by the pages view) ---

    def _track(self, pipe, drop_id: str, fields: dict) -> None:
        """Keep the figures the pages view reads in O(1): open drops, started drops, finish times, latency."""
        status = fields.get("status")
        if status == CLAIMED:
            pipe.sadd(f"{PREFIX}:open", drop_id)
        elif status in FINAL or status == VANISHED:
            pipe.srem(f"{PREFIX}:open", drop_id)
            pipe.srem(f"{PREFIX}:started", drop_id)
        if status in FINAL and fields.get("finished") is not None:
            finished = float(fields["finished"])
            pipe.zadd(f"{PREFIX}:finished", {drop_id: finished})
            pipe.zremrangebyscore(f"{PREFIX}:finished", "-inf", finished - FINISHED_WINDOW)
            received = self.r.hget(f"{PREFIX}:drop:{drop_id}", "received")
            if received is not None:
                seconds = max(0.0, finished - float(received))
                bucket = next((str(b) for b in LATENCY_BUCKETS if seconds <= b), "+Inf")
                pipe.hincrby(f"{PREFIX}:latency", bucket, 1)
                pipe.hincrby(f"{PREFIX}:latency", "count", 1)
                pipe.hincrbyfloat(f"{PREFIX}:latency", "sum", seconds)

    def mark_retried(self, drop_id: str, new_drop_id: str) -> bool:
        """A failed drop is being tried again as ``new_drop_id``: it no longer counts as failed."""
        key = f"{PREFIX}:drop:{drop_id}"
        if self.r.hget(key, "status") != FAILED:
            return False
        pipe = self.r.pipeline()
        pipe.hset(key, mapping={"status": RETRIED, "retried_as": new_drop_id, "updated": f"{time.time():.3f}"})
        pipe.hincrby(f"{PREFIX}:counts", FAILED, -1)
        pipe.hincrby(f"{PREFIX}:counts", RETRIED, 1)
        pipe.execute()
        return True

    def open_ids(self) -> set[str]:
        """Every drop still counted as in flight (queued or processing)."""
        return set(self.r.smembers(f"{PREFIX}:open"))

    def drops(self, ids: list[str]) -> dict[str, dict]:
        pipe = self.r.pipeline()
        for i in ids:
            pipe.hgetall(f"{PREFIX}:drop:{i}")
        return dict(zip(ids, pipe.execute()))

    def content_claim(self, sha256: str) -> dict | None:
        raw = self.r.get(f"{PREFIX}:content:{sha256}")
        return json.loads(raw) if raw else None

    def count_refused(self, task: str) -> None:
        """A message the writer refused (forged, or naming a path): counted for /metrics."""
        self.r.hincrby(f"{PREFIX}:refused", task, 1)

    def refused(self) -> dict[str, int]:
        return {k: int(v) for k, v in self.r.hgetall(f"{PREFIX}:refused").items()}

    def mark_started(self, drop_id: str) -> None:
        """A worker began work on this drop: it is processing, no longer waiting in the queue.

        One script, so it is one round trip and atomic: it can run at any moment beside the page's
        own outcome (the task sends it without waiting) and never marks a finished page as started.
        """
        self._mark_started(keys=[f"{PREFIX}:drop:{drop_id}", f"{PREFIX}:started"], args=[drop_id, f"{time.time():.3f}", *sorted(FINAL)])

    def summary(self, window: float = 300.0) -> dict:
        """Counts by outcome, what is in flight, and pages finished and arrived per minute over ``window`` seconds."""
        now = time.time()
        pipe = self.r.pipeline()
        pipe.hgetall(f"{PREFIX}:counts")
        pipe.scard(f"{PREFIX}:open")
        pipe.scard(f"{PREFIX}:started")
        pipe.zcount(f"{PREFIX}:finished", now - window, "+inf")
        pipe.zcount(f"{PREFIX}:drops", now - window, "+inf")
        counts, open_, started, finished, arrived = pipe.execute()
        processing = min(started, open_)
        return {
            "queued": open_ - processing,
            PROCESSING: processing,
            DONE: int(counts.get(DONE, 0)),
            REPROCESSED: int(counts.get(REPROCESSED, 0)),
            DUPLICATE: int(counts.get(DUPLICATE, 0)),
            FAILED: int(counts.get(FAILED, 0)),
            "finished_per_minute": finished * 60.0 / window,
            "arrived_per_minute": arrived * 60.0 / window,
            "window_seconds": window,
        }

    def latency(self) -> dict:
        """The latency histogram: non-cumulative count per bucket bound, plus count and sum."""
        raw = self.r.hgetall(f"{PREFIX}:latency")
        buckets = {str(b): int(raw.get(str(b), 0)) for b in LATENCY_BUCKETS}
        buckets["+Inf"] = int(raw.get("+Inf", 0))
        return {"buckets": buckets, "count": int(raw.get("count", 0)), "sum": float(raw.get("sum", 0.0))}
