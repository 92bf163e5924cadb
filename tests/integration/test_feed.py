"""The feed: every outcome once, numbered in the order its file was written; follow, /feed and the client agree."""

from __future__ import annotations

import base64
import json
import os
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from workers.client import FeedClient
from workers.edges.feed import Feed
from workers.edges.ledger import RedisLedger
from workers.edges.outbox import Outbox, atomic_write, record_name
from workers.models import Drop, Record
from workers.stages import process_bytes

from .conftest import REPO, Broker, Service, free_port

pytestmark = pytest.mark.integration

AUTH = "reader:feed-secret"


def page(n: int, topic: str = "fisheries") -> bytes:
    return f"Note {n} on {topic}\n\nOfficials from Norway and Chile compared {topic} quotas in April 2009 ({n}).\n".encode()


@pytest.fixture(scope="module")
def pages_view(service: Service):
    port = free_port()
    part = service.start("pages", "pages", env={"PAGEMILL_PAGES_PORT": str(port), "PAGEMILL_PAGES_BASIC_AUTH": AUTH})
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(base + "/healthz", timeout=2)
            break
        except OSError:
            service.check_alive()
            time.sleep(0.1)
    yield base
    part.stop()
    part.name = "done"


def get_json(url: str, auth: str | None = AUTH, timeout: float = 60) -> dict:
    req = urllib.request.Request(url)
    if auth:
        req.add_header("Authorization", "Basic " + base64.b64encode(auth.encode()).decode())
    with urllib.request.urlopen(req, timeout=timeout) as r:
        return json.loads(r.read())


def mine(entries, names: set[str]):
    return [e for e in entries if e["filename"] in names]


def test_every_outcome_gets_one_number_in_write_order_and_follow_feed_and_client_agree(service: Service, pages_view: str, tmp_path):
    start = Feed(service.broker.url).last_seq()
    names = {f"feed-{i}.txt" for i in range(4)} | {"feed-again.txt", "feed-empty.txt"}
    for i in range(4):
        service.drop(f"feed-{i}.txt", page(i))
    service.drop("feed-empty.txt", b"")
    for i in range(4):
        service.wait_for(f"feed-{i}")
    service.drop("feed-again.txt", page(0))  # same content as feed-0: a duplicate note
    service.wait_for("feed-again")
    service.wait_for("feed-empty")

    proc = subprocess.run(
        [sys.executable, "-m", "workers.cli", "follow", "--after", str(start), "--json", "--once"],
        env=service.env, cwd=service.root, capture_output=True, text=True, timeout=60, check=True,
    )
    followed = mine([json.loads(line) for line in proc.stdout.splitlines()], names)
    assert sorted(e["filename"] for e in followed) == sorted(names), "each outcome exactly once"
    kinds = {e["filename"]: e["kind"] for e in followed}
    assert kinds["feed-again.txt"] == "duplicate" and kinds["feed-empty.txt"] == "error" and kinds["feed-1.txt"] == "record"
    seqs = [e["seq"] for e in followed]
    assert seqs == sorted(seqs) and len(set(seqs)) == len(seqs)
    # Numbered in the order the files were written.
    written = [Path(e["path"]).stat().st_mtime_ns for e in followed]
    assert written == sorted(written)
    for e in followed:
        assert Path(e["path"]).exists() and Path(e["path"]).parent == service.outbox

    fed = mine(get_json(f"{pages_view}/feed?after={start}&limit=1000")["entries"], names)
    assert [(e["seq"], e["kind"], e["id"], e["path"]) for e in fed] == [(e["seq"], e["kind"], e["id"], e["path"]) for e in followed]

    client = FeedClient(service.broker.url, cursor_file=tmp_path / "cursor")
    items = [i for i in client.outcomes(after=start, follow=False) if i.entry.filename in names]
    assert [(i.seq, i.kind) for i in items] == [(e["seq"], e["kind"]) for e in followed]
    record = next(i for i in items if i.entry.filename == "feed-1.txt").outcome
    assert isinstance(record, Record)
    assert record.model_dump_json().encode() == (service.outbox / next(e["path"] for e in followed if e["filename"] == "feed-1.txt")).read_bytes()
    assert int((tmp_path / "cursor").read_text().split()[0]) >= max(seqs)


def test_feed_needs_the_views_password_and_long_polls_until_an_outcome_arrives(service: Service, pages_view: str):
    with pytest.raises(urllib.error.HTTPError) as refused:
        get_json(f"{pages_view}/feed", auth=None)
    assert refused.value.code == 401
    last = get_json(f"{pages_view}/feed?after=0&limit=1")["last_seq"]
    got: dict = {}
    poll = threading.Thread(target=lambda: got.update(get_json(f"{pages_view}/feed?after={last}&wait=50&outcomes=1", timeout=90)))
    poll.start()
    service.drop("feed-longpoll.txt", page(99, "forestry"))
    poll.join(120)
    assert not poll.is_alive()
    assert got["entries"], "the long poll answered only when an outcome arrived"
    (entry,) = mine(got["entries"], {"feed-longpoll.txt"})
    assert entry["outcome"]["source"]["filename"] == "feed-longpoll.txt"
    assert got["next"] == got["entries"][-1]["seq"]


def test_a_client_resumes_from_its_cursor_file_and_sees_nothing_twice(service: Service, tmp_path):
    cursor = tmp_path / "consumer.cursor"
    client = FeedClient(service.broker.url, cursor_file=cursor)
    seen = [i.seq for i in client.outcomes(follow=False)]
    service.drop("feed-resume.txt", page(7, "mining"))
    service.wait_for("feed-resume")
    later = [i for i in FeedClient(service.broker.url, cursor_file=cursor).outcomes(follow=False)]
    assert [i.entry.filename for i in later] == ["feed-resume.txt"]
    assert later[0].seq > max(seen, default=0)


def test_a_crash_after_numbering_but_before_the_ledger_heard_neither_renumbers_nor_rewrites(broker: Broker, tmp_path):
    url = broker.url
    feed = Feed(url)
    outbox = Outbox(tmp_path / "out", RedisLedger(url), archive=tmp_path / "archive", feed=feed)
    record = process_bytes(page(5, "aviation"), "crashy.txt")
    drop = Drop(filename="crashy.txt", sha256=record.source.sha256)
    # What the writer does up to the crash: claim, write the file, number it; the ledger never hears.
    RedisLedger(url).claim_content(record.source.sha256, drop.drop_id, record_name(drop.filename, record.id), drop.filename)
    path = tmp_path / "out" / record_name(drop.filename, record.id)
    body = atomic_write(path, record)
    seq = feed.append(kind="record", id=record.id, drop_id=drop.drop_id, filename=drop.filename, path=path.name, body=body)
    before = path.stat().st_mtime_ns
    time.sleep(0.01)

    outcome = outbox.write_record(drop, record)  # the redelivered task

    assert outcome.path == path and outcome.status == "done"
    assert path.stat().st_mtime_ns == before, "the file was not written again"
    assert RedisLedger(url).get_drop(drop.drop_id)["status"] == "done"
    assert [e.seq for e, _ in feed.read(0, 100_000) if e.drop_id == drop.drop_id] == [seq]


def test_the_feed_is_trimmed_only_to_its_retention_setting_and_follow_says_what_was_trimmed(tmp_path):
    from .conftest import service_env, start_embedded_broker

    b = start_embedded_broker(tmp_path / "broker")
    try:
        kept = Outbox(tmp_path / "out", RedisLedger(b.url), feed=Feed(b.url, max_entries=3))
        for i in range(5):
            kept.write_error(Drop(filename=f"t{i}.txt"), stage="intake", error="empty_file", message="empty")
        feed = Feed(b.url)
        assert [e.seq for e, _ in feed.read(0, 100)] == [3, 4, 5]
        assert feed.first_seq() == 3 and feed.last_seq() == 5
        env = service_env(tmp_path, b.url)
        proc = subprocess.run([sys.executable, "-m", "workers.cli", "follow", "--json", "--once"], env=env, cwd=tmp_path,
                              capture_output=True, text=True, timeout=60, check=True)
        assert [json.loads(ln)["seq"] for ln in proc.stdout.splitlines()] == [3, 4, 5]
        assert "1..2 were trimmed" in proc.stderr
    finally:
        b.proc.terminate()
        b.proc.wait(10)
