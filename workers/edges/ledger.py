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
FINAL = {DONE, DUPLICATE, FAILED}


class Ledger(Protocol):
    def claim_content(self, sha256: str, drop_id: str, record_file: str, filename: str) -> dict: ...

    def set_drop(self, drop_id: str, **fields: str | float | int | None) -> None: ...

    def get_drop(self, drop_id: str) -> dict: ...


class MemoryLedger:
    """In-process ledger for one-off runs."""

    def __init__(self) -> None:
        self.content: dict[str, dict] = {}
        self.drops: dict[str, dict] = {}

    def claim_content(self, sha256: str, drop_id: str, record_file: str, filename: str) -> dict:
        return self.content.setdefault(sha256, {"drop_id": drop_id, "record": record_file, "filename": filename})

    def set_drop(self, drop_id: str, **fields) -> None:
        self.drops.setdefault(drop_id, {}).update({k: v for k, v in fields.items() if v is not None})

    def get_drop(self, drop_id: str) -> dict:
        return dict(self.drops.get(drop_id, {}))


class RedisLedger:
    def __init__(self, url: str) -> None:
        self.r = redis.Redis.from_url(url, decode_responses=True, socket_timeout=10, retry_on_timeout=True)

    def claim_content(self, sha256: str, drop_id: str, record_file: str, filename: str) -> dict:
        """First drop of this content wins; everyone gets the winner back."""
        key = f"{PREFIX}:content:{sha256}"
        mine = json.dumps({"drop_id": drop_id, "record": record_file, "filename": filename})
        self.r.set(key, mine, nx=True)
        return json.loads(self.r.get(key))

    def set_drop(self, drop_id: str, **fields) -> None:
        mapping = {k: str(v) for k, v in fields.items() if v is not None}
        mapping["updated"] = f"{time.time():.3f}"
        pipe = self.r.pipeline()
        pipe.hset(f"{PREFIX}:drop:{drop_id}", mapping=mapping)
        if "received" in fields:
            pipe.zadd(f"{PREFIX}:drops", {drop_id: float(fields["received"])})
        if fields.get("status") in FINAL:
            pipe.hincrby(f"{PREFIX}:counts", str(fields["status"]), 1)
        pipe.execute()

    def get_drop(self, drop_id: str) -> dict:
        return self.r.hgetall(f"{PREFIX}:drop:{drop_id}")

    def recent(self, limit: int = 100) -> list[dict]:
        ids = self.r.zrevrange(f"{PREFIX}:drops", 0, limit - 1)
        pipe = self.r.pipeline()
        for i in ids:
            pipe.hgetall(f"{PREFIX}:drop:{i}")
        return [{"drop_id": i, **d} for i, d in zip(ids, pipe.execute())]
