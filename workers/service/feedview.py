"""``GET /feed`` on the pages view: the feed as JSON, with a cursor and long polling.

  ``/feed?after=SEQ&limit=N&wait=SECONDS&outcomes=1``

Returns ``{"entries": [...], "next": SEQ, "last_seq": SEQ, "first_seq": SEQ}``
(``first_seq``: the oldest entry still kept, see PAGEMILL_FEED_MAX_ENTRIES): pass ``next``
as ``after`` to read on. ``wait`` (up to 60 s) holds the request until an
entry arrives; ``outcomes=1`` puts each outcome's JSON in its entry. Same
auth as the rest of the view.
"""

from __future__ import annotations

import asyncio
import json
from concurrent.futures import ThreadPoolExecutor

import redis
import tornado.web

from ..consumers import entry_line
from ..edges.feed import Feed
from ..logs import get_logger
from .pages import _Base

log = get_logger(__name__)

MAX_WAIT = 60.0
# Long polls each hold a thread for up to MAX_WAIT: keep them off the executor the other views use.
_POLLS = ThreadPoolExecutor(max_workers=32, thread_name_prefix="feed-poll")


def open_feed(url: str) -> Feed:
    return Feed(url, socket_timeout=MAX_WAIT + 10)


class FeedHandler(_Base):
    def _number(self, name: str, default: float, low: float, high: float) -> float:
        try:
            return max(low, min(high, float(self.get_argument(name, str(default)))))
        except ValueError:
            raise tornado.web.HTTPError(400, reason=f"{name} must be a number") from None

    async def get(self) -> None:
        after = int(self._number("after", 0, 0, 2**62))
        limit = int(self._number("limit", 100, 1, 1000))
        wait = self._number("wait", 0, 0, MAX_WAIT)
        with_outcomes = self.get_argument("outcomes", "0") in ("1", "true", "yes")
        feed: Feed = self.state["feed"]
        try:
            loop = asyncio.get_running_loop()
            rows = await loop.run_in_executor(_POLLS, feed.read, after, limit, wait)
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
                                "first_seq": first}))
