"""The ledger's monitoring figures, on a real broker: in flight, processing, outcomes, rates and latency."""

from __future__ import annotations

import time

import pytest

from workers.edges.ledger import CLAIMED, DONE, FAILED, QUEUED, RedisLedger
from workers.service.pages import snapshot

from .conftest import start_embedded_broker

pytestmark = pytest.mark.integration


@pytest.fixture
def ledger(tmp_path):
    b = start_embedded_broker(tmp_path / "broker")
    yield RedisLedger(b.url)
    b.proc.terminate()
    b.proc.wait(10)


def test_a_drop_moves_from_queued_to_processing_to_done_with_its_latency(ledger: RedisLedger):
    t0 = time.time()
    ledger.set_drop("d1", status=CLAIMED, filename="a.txt", received=t0 - 3.2)
    ledger.set_drop("d1", status=QUEUED, size=10)
    s = ledger.summary()
    assert (s["queued"], s["processing"], s[DONE]) == (1, 0, 0)
    assert snapshot(ledger)["pages"][0]["status"] == "queued"

    ledger.mark_started("d1")
    s = ledger.summary()
    assert (s["queued"], s["processing"]) == (0, 1)
    row = snapshot(ledger)["pages"][0]
    assert (row["status"], row["final"]) == ("processing", False)

    ledger.set_drop("d1", status=DONE, outcome="a.pm-1.json", finished=t0)
    s = ledger.summary()
    assert (s["queued"], s["processing"], s[DONE]) == (0, 0, 1)
    assert s["finished_per_minute"] == pytest.approx(60 / s["window_seconds"])
    lat = ledger.latency()
    assert lat["count"] == 1 and lat["buckets"]["5.0"] == 1 and lat["sum"] == pytest.approx(3.2, abs=0.01)
    row = snapshot(ledger)["pages"][0]
    assert (row["status"], row["seconds"], row["record_url"]) == ("done", pytest.approx(3.2, abs=0.01), "/records/a.pm-1.json")


def test_a_page_redelivered_after_the_outcome_does_not_make_the_page_processing_again(ledger: RedisLedger):
    ledger.set_drop("d2", status=CLAIMED, filename="b.txt", received=time.time())
    ledger.set_drop("d2", status=FAILED, outcome="b.d2.error.json", error="empty_file: empty", finished=time.time())
    ledger.mark_started("d2")
    assert ledger.summary()["processing"] == 0
    assert snapshot(ledger)["pages"][0]["status"] == "failed"


def test_an_outcome_written_before_the_watcher_says_queued_still_shows_as_the_outcome(ledger: RedisLedger):
    # The watcher marks a drop queued right after sending it; a page that fails at once can beat it.
    ledger.set_drop("d3", status=CLAIMED, filename="c.txt", received=time.time())
    ledger.set_drop("d3", status=FAILED, outcome="c.d3.error.json", error="empty_file: empty", finished=time.time())
    ledger.set_drop("d3", status=QUEUED, size=0)
    (row,) = snapshot(ledger)["pages"]
    assert (row["status"], row["error"]) == ("failed", "empty_file: empty")
    s = ledger.summary()
    assert (s["queued"], s[FAILED]) == (0, 1)


def test_the_first_drop_to_claim_a_content_wins_and_every_later_claim_is_told_the_winner(ledger: RedisLedger):
    sha = "ab" * 32
    first = ledger.claim_content(sha, "d1", "a.pm-1.json", "a.txt")
    again = ledger.claim_content(sha, "d2", "b.pm-1.json", "b.txt")
    assert first == again == {"drop_id": "d1", "record": "a.pm-1.json", "filename": "a.txt"}
    assert ledger.content_claim(sha) == first
    assert ledger.claim_content("cd" * 32, "d2", "b.pm-1.json", "b.txt")["drop_id"] == "d2"
