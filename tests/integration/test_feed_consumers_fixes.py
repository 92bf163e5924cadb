"""Readers of the feed against a real broker that restarts, loses its data, or trims the feed.

* a cursor saved for another feed (the broker's data was reset) is never trusted: no outcome of the new feed is skipped;
* `pagemill follow` and the client, following, wait out a broker restart and go on where they were;
* the client says what was trimmed, as `follow` does; `follow` says when its outbox paths cannot exist;
* `/feed` names its feed, says when `after` is beyond the end, and answers bad parameters with a JSON 400;
* `/metrics`' pagemill_pages_total never goes down when a failed page is retried.
"""

from __future__ import annotations

import json
import logging
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from workers.client import FeedClient
from workers.edges.feed import Feed
from workers.edges.ledger import RedisLedger
from workers.edges.outbox import Outbox
from workers.models import Drop

from .conftest import Broker, Service, free_port, service_env, start_embedded_broker

pytestmark = pytest.mark.integration


def write_errors(url: str, outbox: Path, n: int, *, prefix: str = "p", max_entries: int = 0) -> list[Drop]:
    """``n`` outcomes through the real writer (error records: no worker needed), each numbered in the feed."""
    out = Outbox(outbox, RedisLedger(url), feed=Feed(url, max_entries=max_entries))
    drops = []
    for i in range(n):
        drop = Drop(filename=f"{prefix}{i}.txt")
        out.write_error(drop, stage="intake", error="empty_file", message="empty")
        drops.append(drop)
    return drops


def stop(b: Broker, *, kill: bool = False) -> None:
    if b.proc and b.proc.poll() is None:
        b.proc.kill() if kill else b.proc.terminate()
        b.proc.wait(10)


class Following:
    """FeedClient(follow=True) in a thread, collecting seqs until told to stop."""

    def __init__(self, url: str, cursor: Path) -> None:
        self.seqs: list[int] = []
        self.error: BaseException | None = None
        self.done = threading.Event()
        self.client = FeedClient(url, cursor_file=cursor)
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _run(self) -> None:
        try:
            for item in self.client.outcomes(follow=True, wait=0.5):
                self.seqs.append(item.seq)
                if self.done.is_set():
                    return
        except BaseException as exc:  # noqa: BLE001 - the test reports it
            self.error = exc

    def wait_for(self, seqs: list[int], timeout: float = 30.0) -> list[int]:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and self.seqs[: len(seqs)] != seqs and self.error is None:
            if len(self.seqs) >= len(seqs) and self.seqs[: len(seqs)] != seqs:
                break
            time.sleep(0.05)
        return list(self.seqs)

    def stop(self) -> None:
        self.done.set()


# --- 1. a cursor of another feed -------------------------------------------------------------------


def test_a_client_started_on_a_reset_broker_before_any_outcome_skips_none_of_the_new_feed(tmp_path):
    port = free_port()
    cursor = tmp_path / "consumer.cursor"
    b = start_embedded_broker(tmp_path / "state-1", port=port)
    try:
        write_errors(b.url, tmp_path / "out", 3)
        assert [i.seq for i in FeedClient(b.url, cursor_file=cursor).outcomes(follow=False)] == [1, 2, 3]
        seq, old_feed = cursor.read_text().split()
        assert seq == "3"
    finally:
        stop(b)
    # The broker's data is gone (pagemill down; rm -rf state/broker; pagemill up): a new, empty feed.
    b = start_embedded_broker(tmp_path / "state-2", port=port)
    following = None
    try:
        following = Following(b.url, cursor)
        time.sleep(1.0)  # the client is waiting on the empty feed before any outcome arrives
        write_errors(b.url, tmp_path / "out", 4, prefix="new")
        got = following.wait_for([1, 2, 3, 4])
        assert following.error is None, repr(following.error)
        assert got == [1, 2, 3, 4], f"outcomes of the new feed were skipped: got {got}"
        new_feed = Feed(b.url).feed_id()
        assert new_feed and new_feed != old_feed
        deadline = time.monotonic() + 5
        while cursor.read_text().split()[0] != "4" and time.monotonic() < deadline:
            time.sleep(0.05)
        # The loop came back after the 4th item (it waits for a 5th): the cursor is of the new feed.
        assert cursor.read_text().split() == ["4", new_feed]
    finally:
        if following:
            following.stop()
        stop(b)


def test_a_cursor_without_a_feed_id_beyond_the_feeds_end_reads_the_feed_from_its_start_and_says_so(tmp_path, caplog):
    b = start_embedded_broker(tmp_path / "state")
    try:
        write_errors(b.url, tmp_path / "out", 4)
        cursor = tmp_path / "old.cursor"
        cursor.write_text("7\n")  # a cursor file of an older client, saved for a feed that had 7 outcomes
        with caplog.at_level(logging.WARNING, logger="workers.client"):
            got = [i.seq for i in FeedClient(b.url, cursor_file=cursor).outcomes(follow=False)]
        assert got == [1, 2, 3, 4]
        assert any("beyond this feed's last outcome (4)" in r.getMessage() for r in caplog.records), caplog.text
        assert cursor.read_text().split() == ["4", Feed(b.url).feed_id()]
    finally:
        stop(b)


# --- 2. following through a broker restart ------------------------------------------------------------


def _json_seqs(log: Path) -> list[int]:
    seqs = []
    for line in log.read_text(errors="replace").splitlines():
        if line.startswith("{"):
            seqs.append(json.loads(line)["seq"])
    return seqs


def test_pagemill_follow_keeps_following_through_a_broker_killed_and_restarted(tmp_path):
    port = free_port()
    b = start_embedded_broker(tmp_path / "state", port=port)
    svc = Service(tmp_path, service_env(tmp_path, b.url), b)
    try:
        write_errors(b.url, svc.outbox, 2)
        follow = svc.start("follow", "follow", "--json")
        deadline = time.monotonic() + 30
        while _json_seqs(follow.log) != [1, 2] and time.monotonic() < deadline:
            time.sleep(0.05)
        assert _json_seqs(follow.log) == [1, 2], follow.log.read_text()
        b.proc.kill()  # kill -9
        b.proc.wait(10)
        time.sleep(1.5)  # follow notices while the broker is away
        b = svc.broker = start_embedded_broker(tmp_path / "state", port=port)
        write_errors(b.url, svc.outbox, 2, prefix="after")
        deadline = time.monotonic() + 30
        while _json_seqs(follow.log) != [1, 2, 3, 4] and time.monotonic() < deadline and follow.proc.poll() is None:
            time.sleep(0.05)
        text = follow.log.read_text()
        assert follow.proc.poll() is None, f"follow exited with {follow.proc.returncode}:\n{text}"
        assert _json_seqs(follow.log) == [1, 2, 3, 4], text
        assert f"broker at 127.0.0.1:{port}/0 unreachable" in text and "is back; following the feed again" in text, text
        assert "Traceback" not in text
    finally:
        svc.stop()
        stop(b)


def test_a_following_client_waits_out_a_broker_restart_and_notices_a_reset_broker(tmp_path, caplog):
    port = free_port()
    cursor = tmp_path / "c.cursor"
    b = start_embedded_broker(tmp_path / "state", port=port)
    following = None
    try:
        with caplog.at_level(logging.INFO, logger="workers.client"):
            write_errors(b.url, tmp_path / "out", 2)
            following = Following(b.url, cursor)
            assert following.wait_for([1, 2]) == [1, 2]
            b.proc.kill()
            b.proc.wait(10)
            time.sleep(1.5)
            b = start_embedded_broker(tmp_path / "state", port=port)  # same data: the feed goes on at 3
            write_errors(b.url, tmp_path / "out", 2, prefix="after")
            assert following.wait_for([1, 2, 3, 4]) == [1, 2, 3, 4], repr(following.error)
            first_feed = Feed(b.url).feed_id()
            b.proc.kill()
            b.proc.wait(10)
            time.sleep(1.5)
            b = start_embedded_broker(tmp_path / "state-reset", port=port)  # the data is gone: a new feed
            write_errors(b.url, tmp_path / "out", 2, prefix="reset")
            got = following.wait_for([1, 2, 3, 4, 1, 2])
        assert following.error is None, repr(following.error)
        assert got == [1, 2, 3, 4, 1, 2], got
        messages = [r.getMessage() for r in caplog.records if r.name == "workers.client"]
        assert any("unreachable" in m for m in messages) and any("is back" in m for m in messages), messages
        assert any("feed was reset" in m and first_feed in m for m in messages), messages
    finally:
        if following:
            following.stop()
        stop(b)


def test_not_following_a_client_raises_when_the_broker_is_away(tmp_path):
    import redis

    b = start_embedded_broker(tmp_path / "state")
    write_errors(b.url, tmp_path / "out", 1)
    stop(b, kill=True)
    with pytest.raises(redis.ConnectionError):
        list(FeedClient(b.url).outcomes(follow=False))


# --- 3 and 4. trimmed outcomes; follow's paths -----------------------------------------------------------


def test_the_client_says_which_outcomes_were_trimmed_before_it_read_them(tmp_path, caplog):
    b = start_embedded_broker(tmp_path / "state")
    try:
        write_errors(b.url, tmp_path / "out", 5, max_entries=3)
        feed = Feed(b.url)
        assert feed.first_seq() == 3
        cursor = tmp_path / "c.cursor"
        cursor.write_text(f"1 {feed.feed_id()}\n")
        with caplog.at_level(logging.WARNING, logger="workers.client"):
            got = [i.seq for i in FeedClient(b.url, cursor_file=cursor).outcomes(follow=False)]
        assert got == [3, 4, 5]
        assert any("outcome 2 was trimmed from the feed (PAGEMILL_FEED_MAX_ENTRIES)" in r.getMessage() for r in caplog.records), caplog.text
        caplog.clear()
        with caplog.at_level(logging.WARNING, logger="workers.client"):
            assert [i.seq for i in FeedClient(b.url).outcomes(follow=False)] == [3, 4, 5]
        assert any("outcomes 1..2 were trimmed" in r.getMessage() for r in caplog.records), caplog.text
    finally:
        stop(b)


def test_follow_run_elsewhere_says_its_paths_cannot_exist_and_an_absolute_outbox_gives_real_paths(tmp_path):
    import subprocess
    import sys

    b = start_embedded_broker(tmp_path / "state")
    try:
        env = service_env(tmp_path, b.url)
        write_errors(b.url, Path(env["PAGEMILL_OUTBOX"]), 2)
        elsewhere = tmp_path / "elsewhere"
        elsewhere.mkdir()
        relative = {**env, "PAGEMILL_OUTBOX": "outbox"}  # the default: ./outbox of wherever follow runs
        proc = subprocess.run([sys.executable, "-m", "workers.cli", "follow", "--once", "--json"], env=relative, cwd=elsewhere,
                              capture_output=True, text=True, timeout=60, check=True)
        assert [json.loads(ln)["seq"] for ln in proc.stdout.splitlines()] == [1, 2]
        assert f"the outbox {elsewhere / 'outbox'} (PAGEMILL_OUTBOX) is not a folder here" in proc.stderr, proc.stderr
        proc = subprocess.run([sys.executable, "-m", "workers.cli", "follow", "--once", "--json"], env=env, cwd=elsewhere,
                              capture_output=True, text=True, timeout=60, check=True)
        paths = [Path(json.loads(ln)["path"]) for ln in proc.stdout.splitlines()]
        assert len(paths) == 2 and all(p.is_absolute() and p.is_file() for p in paths), paths
        assert "not a folder" not in proc.stderr
    finally:
        stop(b)


# --- 5 and 6. /feed and /metrics -----------------------------------------------------------------------


@pytest.fixture
def view(tmp_path):
    """An own broker and a pages view on it."""
    b = start_embedded_broker(tmp_path / "state")
    svc = Service(tmp_path, service_env(tmp_path, b.url), b)
    port = free_port()
    part = svc.start("pages", "pages", env={"PAGEMILL_PAGES_PORT": str(port)})
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            urllib.request.urlopen(base + "/healthz", timeout=2)
            break
        except OSError:
            svc.check_alive()
            if time.monotonic() > deadline:
                raise AssertionError(part.log.read_text())
            time.sleep(0.1)
    yield svc, base
    svc.stop()
    stop(b)


def get(url: str, timeout: float = 60) -> tuple[int, str, dict]:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as r:
            return r.status, r.headers.get("Content-Type", ""), json.loads(r.read())
    except urllib.error.HTTPError as e:
        body = e.read()
        try:
            doc = json.loads(body)
        except ValueError:
            doc = {"not json": body.decode(errors="replace")[:300]}
        return e.code, e.headers.get("Content-Type", ""), doc


def test_feed_names_its_feed_and_says_when_after_is_beyond_its_end_at_once(view):
    svc, base = view
    _, _, empty = get(f"{base}/feed?after=0")
    assert empty["entries"] == [] and empty["last_seq"] == 0
    assert empty["feed_id"], "a new feed has its id before its first entry"
    write_errors(svc.broker.url, svc.outbox, 3)
    _, _, doc = get(f"{base}/feed?after=0")
    assert doc["feed_id"] == empty["feed_id"] == Feed(svc.broker.url).feed_id(), "the first entry keeps the id readers were given"
    assert [e["seq"] for e in doc["entries"]] == [1, 2, 3] and doc["next"] == 3 and doc["reset"] is False
    started = time.monotonic()
    _, _, beyond = get(f"{base}/feed?after=9&wait=30")  # a cursor of a feed that had 9 outcomes
    assert time.monotonic() - started < 10, "no long poll for a seq this feed may never reach"
    assert beyond["reset"] is True and beyond["entries"] == [] and beyond["last_seq"] == 3
    assert beyond["next"] == 9, "next keeps its old meaning"
    _, _, at_end = get(f"{base}/feed?after=3")
    assert at_end["reset"] is False and at_end["next"] == 3


@pytest.mark.parametrize("query, name, allowed", [
    ("limit=0", "limit", "1 or more"),
    ("limit=-5", "limit", "1 or more"),
    ("limit=many", "limit", "1 or more"),
    ("after=-1", "after", "from 0"),
    ("after=x", "after", "from 0"),
    ("wait=-2", "wait", "0 or more"),
    ("wait=nan", "wait", "0 or more"),
])
def test_feed_answers_a_bad_parameter_with_a_json_400_saying_what_is_allowed(view, query, name, allowed):
    _, base = view
    status, ctype, doc = get(f"{base}/feed?{query}")
    assert status == 400 and ctype.startswith("application/json"), (status, ctype, doc)
    assert set(doc) == {"error"} and doc["error"].startswith(f"{name} must be") and allowed in doc["error"], doc


def test_feed_still_serves_a_limit_above_the_most_as_the_most(view):
    svc, base = view
    write_errors(svc.broker.url, svc.outbox, 2)
    status, _, doc = get(f"{base}/feed?limit=5000")
    assert status == 200 and [e["seq"] for e in doc["entries"]] == [1, 2]


def _metrics(base: str) -> dict[str, float]:
    text = urllib.request.urlopen(f"{base}/metrics", timeout=10).read().decode()
    return {ln.rsplit(" ", 1)[0]: float(ln.rsplit(" ", 1)[1]) for ln in text.splitlines() if ln and not ln.startswith("#")}


def test_pages_total_never_goes_down_when_failed_pages_are_retried(view):
    svc, base = view
    drops = write_errors(svc.broker.url, svc.outbox, 3)
    before = _metrics(base)
    assert before['pagemill_pages_total{outcome="failed"}'] == 3
    ledger = RedisLedger(svc.broker.url)
    assert ledger.mark_retried(drops[0].drop_id, "retry-0") and ledger.mark_retried(drops[1].drop_id, "retry-1")
    after = _metrics(base)
    for key, value in before.items():
        if key.startswith("pagemill_pages_total"):
            assert after[key] >= value, f"{key} went down from {value} to {after[key]}: Prometheus reads that as a reset"
    assert after['pagemill_pages_total{outcome="failed"}'] == 3
    assert after["pagemill_pages_retried_total"] == 2
    assert after["pagemill_pages_failed_now"] == 1, "what the pages view counts as failed"
    # The pages view's own failed count is unchanged in meaning: failed and not retried.
    _, _, snap = get(f"{base}/pages.json")
    assert snap["counts"]["failed"] == 1
