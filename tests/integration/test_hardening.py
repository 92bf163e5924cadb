"""Hardening: a page written in several opens, the ledger after a crash, and a restart after kill -9."""

from __future__ import annotations

import time

import pytest

from workers.edges.ledger import CLAIMED, DONE, QUEUED, VANISHED, RedisLedger
from workers.models.drop import new_drop_id

from .conftest import Service
from .test_faults import start_pair

pytestmark = pytest.mark.integration


def test_a_page_appended_in_several_opens_gives_one_record_with_every_line(isolated: Service):
    # Settle is well above the appender's 1 s pauses, so only a machine stalled
    # for seconds could split the page.
    env = {"PAGEMILL_SETTLE_SECONDS": "5"}
    start_pair(isolated, env=env)
    target = isolated.inbox / "slow.txt"
    lines = [f"Line {i}: the committee in Accra met {i} times in April 2014." for i in range(6)]
    for line in lines:
        with open(target, "a", encoding="utf-8") as f:  # open, append one line, close: like `echo line >> slow.txt`
            f.write(line + "\n")
        time.sleep(1.0)
    (rec,) = isolated.wait_for("slow", timeout=60)
    assert rec["kind"] == "record"
    for line in lines:
        assert line in rec["text"] or line.split(": ", 1)[1] in rec["text"], line
    time.sleep(2.0)  # nothing more may follow: a later part of the file would be a second outcome
    assert len(isolated.outcomes("slow")) == 1


def _wait_status(ledger, drop_id: str, want: str, timeout: float = 60.0) -> dict:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        info = ledger.get_drop(drop_id)
        if info.get("status") == want:
            return info
        time.sleep(0.2)
    raise AssertionError(f"ledger entry {drop_id} is {ledger.get_drop(drop_id)}, not {want!r}, after {timeout}s")


def test_sweep_closes_an_entry_whose_page_is_held_nowhere_and_has_no_outcome(service: Service):
    # As a crash leaves it: claimed by the watcher, which died before taking the file.
    ledger = RedisLedger(service.broker.url)
    drop_id = new_drop_id()
    ledger.set_drop(drop_id, status=CLAIMED, filename="claimed-then-crashed.txt", received=time.time() - 600)
    assert drop_id in ledger.open_ids()
    info = _wait_status(ledger, drop_id, VANISHED)
    assert drop_id not in ledger.open_ids()
    assert "vanished" in info["error"]
    assert not service.outcomes("claimed-then-crashed"), "healing the ledger must not invent an outcome"


def test_sweep_closes_an_entry_whose_page_has_its_outcome_with_that_outcome(service: Service):
    service.drop("healed-done.txt", b"Heading\n\nThe port of Mombasa handled more cargo in 2015 than in 2014.\n")
    (rec,) = service.wait_for("healed-done")
    ledger = RedisLedger(service.broker.url)
    (drop_id,) = [d["drop_id"] for d in ledger.recent(200) if d.get("filename") == "healed-done.txt"]
    _wait_status(ledger, drop_id, DONE)
    # As a crash leaves it: the writer wrote the record and filed the page, then died
    # before the ledger heard of it.
    ledger.r.hdel(f"pagemill:drop:{drop_id}", "outcome", "finished")
    ledger.set_drop(drop_id, status=QUEUED)
    ledger.r.sadd("pagemill:open", drop_id)
    info = _wait_status(ledger, drop_id, DONE)
    assert info["outcome"] == rec["_path"].name
    assert drop_id not in ledger.open_ids()
