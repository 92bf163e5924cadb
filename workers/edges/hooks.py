"""Hooks: a command and/or a webhook for each outcome, run by ``pagemill hooks`` from the feed.

They follow the feed in a process of their own, never inside the pipeline:
a failing or slow hook cannot hold up a page, and an outcome is never lost
to one. Each hook keeps its cursor in the broker and moves it only after a
delivery was tried; a failed delivery is put on a retry schedule (backoff
PAGEMILL_HOOK_BACKOFF, doubling, at most 10 minutes) and tried again up to
PAGEMILL_HOOK_MAX_ATTEMPTS times, after which it is given up and listed in
the pages view. Delivery is at least once: a hook killed between delivering
and moving its cursor delivers that outcome again.

* command (``PAGEMILL_ON_OUTCOME``): run with ``/bin/sh -c``; the outcome is
  described in its environment only (PAGEMILL_OUTCOME_PATH, _KIND, _SEQ, _ID,
  _FILENAME, _DROP_ID), never spliced into the command line. Exit 0 within
  PAGEMILL_HOOK_TIMEOUT is success; a process it leaves running in the
  background (``... &``) is not waited for. A command still running at the
  timeout is killed with its whole process group.
* webhook (``PAGEMILL_WEBHOOK_URL``): a POST of the outcome's JSON (the file's
  bytes), with ``X-Pagemill-Signature: sha256=<hex HMAC-SHA256 of the body
  with PAGEMILL_WEBHOOK_SECRET>``, ``X-Pagemill-Seq`` and ``X-Pagemill-Kind``.
  Any 2xx is success.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import signal
import subprocess
import tempfile
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import redis

from ..logs import get_logger
from ..models.feed import FeedEntry
from .feed import Feed
from .ledger import PREFIX

log = get_logger(__name__)

MAX_BACKOFF = 600.0
HOOKS = ("command", "webhook")


class HookFailed(Exception):
    pass


def signature(secret: str, body: bytes) -> str:
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


@dataclass
class CommandHook:
    command: str
    outbox: Path
    timeout: float
    name: str = "command"

    def deliver(self, entry: FeedEntry, body: bytes) -> None:
        env = dict(
            os.environ,
            PAGEMILL_OUTCOME_PATH=str(self.outbox / entry.path),
            PAGEMILL_OUTCOME_KIND=entry.kind,
            PAGEMILL_OUTCOME_SEQ=str(entry.seq),
            PAGEMILL_OUTCOME_ID=entry.id,
            PAGEMILL_OUTCOME_FILENAME=entry.filename,
            PAGEMILL_OUTCOME_DROP_ID=entry.drop_id,
            # The error record a retried page's outcome replaces (removed from the outbox), else empty.
            PAGEMILL_OUTCOME_REPLACES=str(self.outbox / entry.replaces) if entry.replaces else "",
        )
        # Its stderr goes to a file, not a pipe: success is the command's exit status within the timeout, and a
        # background process it started (``... &``) holds a pipe open long after the command is done.
        try:
            stderr = tempfile.TemporaryFile(prefix="pagemill-hook-")
        except OSError as exc:
            raise HookFailed(f"command could not start: no temporary file for its stderr: {exc}") from None
        with stderr:
            try:
                proc = subprocess.Popen(
                    ["/bin/sh", "-c", self.command], env=env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                    stderr=stderr, start_new_session=True,
                )
            except OSError as exc:
                raise HookFailed(f"command could not start: {exc}") from None
            try:
                proc.wait(timeout=self.timeout)
            except subprocess.TimeoutExpired:
                # The whole group: a shell's children (the real work) must not outlive a timed-out hook.
                try:
                    os.killpg(proc.pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
                proc.wait()
                raise HookFailed(f"command took longer than {self.timeout:g}s (PAGEMILL_HOOK_TIMEOUT)") from None
            if proc.returncode != 0:
                raise HookFailed(f"command exited with {proc.returncode}: {_last_line(stderr)[:300]}")


def _last_line(f, tail: int = 4096) -> str:
    """The last non-blank line of what is in ``f`` so far (its last ``tail`` bytes)."""
    size = f.seek(0, os.SEEK_END)
    f.seek(max(0, size - tail))
    lines = f.read(tail).decode("utf-8", "replace").strip().splitlines()
    return lines[-1].strip() if lines else ""


@dataclass
class WebhookHook:
    url: str
    secret: str | None
    timeout: float
    name: str = "webhook"

    def deliver(self, entry: FeedEntry, body: bytes) -> None:
        headers = {
            "Content-Type": "application/json; charset=utf-8",
            "User-Agent": "pagemill-hooks",
            "X-Pagemill-Seq": str(entry.seq),
            "X-Pagemill-Kind": entry.kind,
            "X-Pagemill-Id": entry.id,
        }
        if entry.replaces:
            headers["X-Pagemill-Replaces"] = entry.replaces
        if self.secret:
            headers["X-Pagemill-Signature"] = signature(self.secret, body)
        req = urllib.request.Request(self.url, data=body, headers=headers, method="POST")
        try:
            with urllib.request.urlopen(req, timeout=self.timeout) as resp:
                resp.read()
        except urllib.error.HTTPError as exc:
            raise HookFailed(f"webhook answered {exc.code} {exc.reason}") from None
        except (urllib.error.URLError, OSError) as exc:
            raise HookFailed(f"webhook unreachable: {getattr(exc, 'reason', exc)}") from None


class HookState:
    """A hook's cursor, retry schedule and counts, in the broker (shared with the pages view and /metrics)."""

    def __init__(self, r: redis.Redis, name: str) -> None:
        self.r, self.name = r, name
        base = f"{PREFIX}:hook:{name}"
        self.cursor_key, self.retry_key, self.attempts_key = f"{base}:cursor", f"{base}:retry", f"{base}:attempts"
        self.given_up_key, self.errors_key, self.stats_key = f"{base}:given_up", f"{base}:errors", f"{base}:stats"

    def cursor(self) -> int:
        return int(self.r.get(self.cursor_key) or 0)

    def delivered(self, entry: FeedEntry, *, retry: bool, cursor: int | None) -> None:
        pipe = self.r.pipeline()
        pipe.hincrby(self.stats_key, "delivered", 1)
        if retry:
            pipe.zrem(self.retry_key, entry.seq)
            pipe.hdel(self.attempts_key, entry.seq)
            pipe.hdel(self.errors_key, entry.seq)
        if cursor is not None:
            pipe.set(self.cursor_key, cursor)
        pipe.execute()

    def failed(self, entry: FeedEntry, error: str, *, max_attempts: int, backoff: float, cursor: int | None) -> int:
        attempts = int(self.r.hget(self.attempts_key, entry.seq) or 0) + 1
        pipe = self.r.pipeline()
        pipe.hincrby(self.stats_key, "failed", 1)
        pipe.hset(self.errors_key, entry.seq, f"{entry.filename}: {error}")
        if attempts >= max_attempts:
            pipe.zrem(self.retry_key, entry.seq)
            pipe.hdel(self.attempts_key, entry.seq)
            pipe.zadd(self.given_up_key, {entry.seq: time.time()})
            pipe.hincrby(self.stats_key, "given_up", 1)
        else:
            pipe.hset(self.attempts_key, entry.seq, attempts)
            pipe.zadd(self.retry_key, {entry.seq: time.time() + min(MAX_BACKOFF, backoff * 2 ** (attempts - 1))})
        if cursor is not None:
            pipe.set(self.cursor_key, cursor)
        pipe.execute()
        return attempts

    def missed(self, first: int, last: int) -> None:
        """Outcomes ``first``-``last`` left the feed (its retention) before this hook delivered them: counted, and
        the cursor moved past them so they are not looked for again."""
        pipe = self.r.pipeline()
        pipe.hincrby(self.stats_key, "missed", last - first + 1)
        pipe.set(self.cursor_key, last)
        pipe.execute()

    def due(self, limit: int = 50) -> list[int]:
        return [int(s) for s in self.r.zrangebyscore(self.retry_key, "-inf", time.time(), start=0, num=limit)]

    def next_due(self) -> float | None:
        first = self.r.zrange(self.retry_key, 0, 0, withscores=True)
        return first[0][1] if first else None

    def summary(self) -> dict:
        pipe = self.r.pipeline()
        pipe.hgetall(self.stats_key)
        pipe.zcard(self.retry_key)
        pipe.get(self.cursor_key)
        pipe.zrevrange(self.given_up_key, 0, 9)
        stats, pending, cursor, given_up = pipe.execute()
        errors = self.r.hmget(self.errors_key, given_up) if given_up else []
        dec = lambda v: v.decode() if isinstance(v, bytes) else v  # noqa: E731
        stats = {dec(k): int(v) for k, v in stats.items()}
        return {
            "hook": self.name,
            "delivered": stats.get("delivered", 0),
            "failed": stats.get("failed", 0),
            "given_up": stats.get("given_up", 0),
            "missed": stats.get("missed", 0),
            "retry_pending": int(pending),
            "cursor": int(cursor or 0),
            "recent_given_up": [{"seq": int(s), "error": dec(e)} for s, e in zip(given_up, errors)],
        }

    def active(self) -> bool:
        return bool(self.r.exists(self.cursor_key, self.stats_key))


class HookRunner:
    """Follows the feed for one hook: new outcomes in order, failed ones again when due."""

    def __init__(self, hook, feed: Feed, *, max_attempts: int, backoff: float) -> None:
        self.hook, self.feed = hook, feed
        self.state = HookState(feed.r, hook.name)
        self.max_attempts, self.backoff = max_attempts, backoff
        self.stopping = threading.Event()

    def _try(self, entry: FeedEntry, body: bytes, *, retry: bool, cursor: int | None) -> None:
        try:
            self.hook.deliver(entry, body)
        except HookFailed as exc:
            attempts = self.state.failed(entry, str(exc), max_attempts=self.max_attempts, backoff=self.backoff, cursor=cursor)
            log.warning("hook delivery failed", hook=self.hook.name, seq=entry.seq, attempt=attempts, error=str(exc),
                        given_up=attempts >= self.max_attempts)
            return
        self.state.delivered(entry, retry=retry, cursor=cursor)
        log.info("hook delivered", hook=self.hook.name, seq=entry.seq, kind=entry.kind, retry=retry)

    def step(self, wait: float = 1.0) -> None:
        for seq in self.state.due():
            rows = self.feed.read(seq - 1, 1)
            if rows and rows[0][0].seq == seq:
                self._try(*rows[0], retry=True, cursor=None)
            else:  # trimmed away by the feed's retention: nothing left to deliver
                self.state.failed(FeedEntry(seq=seq, kind="error", id="", drop_id="", filename="?", path="", written_at="1970-01-01T00:00:00Z"),
                                  "outcome no longer in the feed (PAGEMILL_FEED_MAX_ENTRIES)", max_attempts=1, backoff=0, cursor=None)
        nxt = self.state.next_due()
        wait = min(wait, max(0.0, nxt - time.time())) if nxt is not None else wait
        cursor = self.state.cursor()
        rows = self.feed.read(cursor, 50, wait)
        if cursor and rows and rows[0][0].seq > cursor + 1:  # (a hook's first run starts at the oldest outcome kept)
            # The hook fell further behind than the feed keeps (it was stopped, or its command is slower than
            # pages arrive): those outcomes are gone. Said, and counted, never skipped in silence.
            first, last = cursor + 1, rows[0][0].seq - 1
            self.state.missed(first, last)
            log.warning("outcomes left the feed before this hook delivered them; they are in the outbox",
                        hook=self.hook.name, first_seq=first, last_seq=last, missed=last - first + 1,
                        fix="raise PAGEMILL_FEED_MAX_ENTRIES (0 keeps every outcome), or keep the hook runner running")
        for entry, body in rows:
            if self.stopping.is_set():
                return
            self._try(entry, body, retry=False, cursor=entry.seq)

    def run(self) -> None:
        # Read in the loop, not before it: a broker away at this moment must not end the thread (the process
        # would live on, delivering nothing).
        announced = False
        while not self.stopping.is_set():
            try:
                if not announced:
                    log.info("hook following the feed", hook=self.hook.name, after=self.state.cursor())
                    announced = True
                self.step()
            except redis.RedisError as exc:
                log.warning("broker unreachable; hook waits", hook=self.hook.name, error=str(exc))
                self.stopping.wait(2.0)


def hooks_from(settings) -> list:
    hooks = []
    if settings.on_outcome:
        hooks.append(CommandHook(settings.on_outcome, settings.outbox.resolve(), settings.hook_timeout))
    if settings.webhook_url:
        secret = settings.webhook_secret.get_secret_value() if settings.webhook_secret else None
        hooks.append(WebhookHook(settings.webhook_url, secret, settings.hook_timeout))
    return hooks


def run_hooks(settings) -> None:
    """Each hook in a thread of its own, so a slow webhook does not hold up the command (or the other way round)."""
    hooks = hooks_from(settings)
    if not hooks:
        raise SystemExit("no hook configured: set PAGEMILL_ON_OUTCOME and/or PAGEMILL_WEBHOOK_URL")
    runners = [
        HookRunner(h, Feed(settings.effective_broker_url, socket_timeout=30), max_attempts=settings.hook_max_attempts, backoff=settings.hook_backoff)
        for h in hooks
    ]
    threads = [threading.Thread(target=r.run, name=f"hook-{r.hook.name}", daemon=True) for r in runners]
    for t in threads:
        t.start()
    import signal

    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    while not stop.wait(0.5):
        pass
    for r in runners:
        r.stopping.set()
    for t in threads:
        t.join(5)


def hook_summaries(r: redis.Redis) -> list[dict]:
    """Figures of every hook that has ever run, for the pages view and /metrics."""
    return [HookState(r, name).summary() for name in HOOKS if HookState(r, name).active()]


class HookCollector:
    """Hook deliveries for Prometheus, read from the broker at scrape time."""

    def __init__(self, r: redis.Redis) -> None:
        self.r = r

    def collect(self):
        from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily

        deliveries = CounterMetricFamily(
            "pagemill_hook_deliveries",
            "Hook deliveries tried, by hook and result: delivered, failed (each failed try), given_up, missed (left the feed before"
            " the hook reached them).",
            labels=["hook", "result"],
        )
        pending = GaugeMetricFamily("pagemill_hook_retries_pending", "Outcomes whose delivery failed and waits for a retry.", labels=["hook"])
        for h in hook_summaries(self.r):
            for result in ("delivered", "failed", "given_up", "missed"):
                deliveries.add_metric([h["hook"], result], h[result])
            pending.add_metric([h["hook"]], h["retry_pending"])
        yield deliveries
        yield pending
