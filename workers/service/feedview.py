"""``GET /feed`` on the pages view: the feed as JSON, with a cursor and long polling.

  ``/feed?after=SEQ&limit=N&wait=SECONDS&outcomes=1``

Returns ``{"entries": [...], "next": SEQ, "last_seq": SEQ, "first_seq": SEQ, "feed_id": ID, "reset": BOOL}``
(``first_seq``: the oldest entry still kept, see PAGEMILL_FEED_MAX_ENTRIES): pass ``next``
as ``after`` to read on. ``wait`` (up to 60 s) holds the request until an
entry arrives; ``outcomes=1`` puts each outcome's JSON in its entry. Same
auth as the rest of the view.

``feed_id`` names this feed: keep it with your cursor; a different one later
means the broker's data was reset (a new feed, numbered from 1 again).
``reset`` is true when ``after`` is beyond the feed's last seq, which only a
cursor of another feed can be: read again from ``after=0`` (``next`` stays
``after``, as before). A bad parameter is a 400 with ``{"error": "..."}``
saying what is allowed: ``after`` a whole number ≥ 0, ``limit`` a whole
number ≥ 1 (at most 1000 entries are returned), ``wait`` seconds ≥ 0 (at
most 60 are waited).
"""

from __future__ import annotations

import asyncio
import json
import math
from concurrent.futures import ThreadPoolExecutor

import redis
import tornado.web

from ..consumers import entry_line
from ..edges.feed import Feed
from ..logs import get_logger
from .pages import _Base

log = get_logger(__name__)

MAX_WAIT = 60.0
MAX_LIMIT = 1000
MAX_AFTER = 2**62
# Long polls each hold a thread for up to MAX_WAIT: keep them off the executor the other views use.
_POLLS = ThreadPoolExecutor(max_workers=32, thread_name_prefix="feed-poll")


def open_feed(url: str) -> Feed:
    return Feed(url, socket_timeout=MAX_WAIT + 10)


class FeedHandler(_Base):
    def _bad(self, message: str) -> tornado.web.HTTPError:
        return tornado.web.HTTPError(400, reason=message)

    def _whole(self, name: str, default: int, low: int, what: str) -> int:
        raw = self.get_argument(name, str(default)).strip()
        try:
            value = int(raw)
        except ValueError:
            raise self._bad(f"{name} must be {what}; got {raw[:40]!a}") from None
        if value < low or (name == "after" and value > MAX_AFTER):
            raise self._bad(f"{name} must be {what}; got {value}")
        return value

    def _seconds(self, name: str, default: float) -> float:
        raw = self.get_argument(name, str(default)).strip()
        what = f"a number of seconds, 0 or more (at most {MAX_WAIT:g} are waited)"
        try:
            value = float(raw)
        except ValueError:
            raise self._bad(f"{name} must be {what}; got {raw[:40]!a}") from None
        if not math.isfinite(value) or value < 0:
            raise self._bad(f"{name} must be {what}; got {raw[:40]}")
        return min(value, MAX_WAIT)

    def write_error(self, status_code: int, **kwargs) -> None:
        """Errors of /feed are JSON, as its answers are: ``{"error": "..."}``."""
        self.set_header("Content-Type", "application/json; charset=utf-8")
        self.finish(json.dumps({"error": self._reason}))

    async def get(self) -> None:
        after = self._whole("after", 0, 0, f"a whole number from 0 to {MAX_AFTER} (a seq of this feed; 0 for the beginning)")
        # Above MAX_LIMIT is served as MAX_LIMIT, as before: a page size, not an error.
        limit = min(MAX_LIMIT, self._whole("limit", 100, 1, f"a whole number, 1 or more (at most {MAX_LIMIT} entries are returned)"))
        wait = self._seconds("wait", 0)
        with_outcomes = self.get_argument("outcomes", "0") in ("1", "true", "yes")
        feed: Feed = self.state["feed"]
        try:
            loop = asyncio.get_running_loop()
            feed_id = await loop.run_in_executor(_POLLS, feed.ensure_feed_id)
            # A cursor beyond the end is of another feed: say so at once, never long-poll for a seq that may not come.
            beyond = after > await loop.run_in_executor(_POLLS, feed.last_seq)
            rows = [] if beyond else await loop.run_in_executor(_POLLS, feed.read, after, limit, wait)
            last = await loop.run_in_executor(_POLLS, feed.last_seq)
            first = await loop.run_in_executor(_POLLS, feed.first_seq)
        except redis.RedisError as exc:
            log.warning("broker unreachable", error=str(exc))
            raise tornado.web.HTTPError(503, reason="Broker unreachable") from exc
        entries = []
        for entry, body in rows:
            line = entry_line(entry, self.state["outbox"])
            line["record_url"] = f"/records/{entry.path}"
            if with_outcomes:
                line["outcome"] = json.loads(body)
            entries.append(line)
        self.set_header("Content-Type", "application/json; charset=utf-8")
        self.finish(json.dumps({"entries": entries, "next": entries[-1]["seq"] if entries else after, "last_seq": last,
                                "first_seq": first, "feed_id": feed_id, "reset": beyond}))
