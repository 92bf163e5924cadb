"""Hardening: a page written in several opens, the ledger after a crash, and a restart after kill -9."""

from __future__ import annotations

import json
import os
import signal
import time

import pytest
import redis

from workers.edges.ledger import CLAIMED, DONE, QUEUED, VANISHED, RedisLedger
from workers.models import record_text
from workers.models.drop import new_drop_id

from .conftest import Service, children_of
from .test_faults import big_page, small_page, start_pair
from .test_up import Up

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
        assert line in record_text(rec) or line.split(": ", 1)[1] in record_text(rec), line
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


def _tree(pid: int) -> list[int]:
    """pid and every process below it, deepest first."""
    out = []
    for kid in children_of(pid):
        out += _tree(kid)
    return out + [pid]


def test_after_kill_9_of_everything_the_next_up_finishes_every_page_without_waiting_out_the_timeout(tmp_path):
    up = Up(tmp_path)
    # A visibility timeout of 380 s: only the restore at start can bring held pages back in time.
    up.env.update(PAGEMILL_TASK_TIME_LIMIT="300", PAGEMILL_CONCURRENCY="1")
    broker = redis.Redis(port=int(up.env["PAGEMILL_EMBEDDED_BROKER_PORT"]), decode_responses=True)
    inbox = tmp_path / "inbox"
    try:
        up.start()
        up.wait_for_text("watching inbox", timeout=60)
        stems = [f"held-{i}" for i in range(2)] + [f"small-{i}" for i in range(6)]
        for stem in stems[:2]:
            (inbox / f"{stem}.txt").write_bytes(big_page(stem, 150_000))
        for i, stem in enumerate(stems[2:]):
            (inbox / f"{stem}.txt").write_bytes(small_page(1000 + i))
        # Wait until the worker holds a page (unacknowledged, recorded as held by it).
        deadline = time.monotonic() + 120
        while not (broker.hlen("unacked") and any(broker.hlen(k) for k in broker.scan_iter("pagemill:held:*"))):
            assert time.monotonic() < deadline, f"the worker never held a page: {up.text()[-3000:]}"
            time.sleep(0.05)
        for pid in _tree(up.proc.pid):
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        up.proc.wait()
        done_before = {p.name.split(".")[0] for p in up.records()}
        assert len(done_before) < len(stems), "every page finished before the kill; the test proves nothing"

        log_at = len(up.text())
        t0 = time.monotonic()
        up.start()
        t_ready = None
        deadline = t0 + 150  # a guard against a hang only; well under the 380 s a timeout restore would need
        while {p.name.split(".")[0] for p in up.records()} < set(stems):
            assert time.monotonic() < deadline, f"pages without an outcome: {set(stems) - {p.name.split('.')[0] for p in up.records()}}\n{up.text()[-4000:]}"
            if t_ready is None and " ready." in up.text()[log_at:]:
                t_ready = time.monotonic() - t0
            time.sleep(0.1)
        took = time.monotonic() - t0
        time.sleep(1.0)
        got = sorted(p.name.split(".")[0] for p in up.records())
        assert got == sorted(stems), f"lost or doubled: {got}"
        compute = sum(
            sum(json.loads(p.read_text())["pipeline"]["stages_ms"].values()) / 1000
            for p in up.records() if p.name.split(".")[0] not in done_before
        )
        print(
            f"\nrestart -> every page's outcome: {took:.1f} s; worker ready after {t_ready or float('nan'):.1f} s; "
            f"compute of the {len(stems) - len(done_before)} pages left at the kill {compute:.1f} s; "
            f"the rest {took - compute:.1f} s"
        )
        assert "restored the messages of a dead worker of this host" in up.text()
    finally:
        if up.proc and up.proc.poll() is None:
            for pid in _tree(up.proc.pid):
                try:
                    os.kill(pid, signal.SIGTERM if pid == up.proc.pid else signal.SIGKILL)
                except ProcessLookupError:
                    pass
            up.proc.wait(60)


def test_a_utf16_page_without_a_byte_order_mark_becomes_a_record(service: Service):
    text = "Notice\n\nThe ferry between Helsinki and Tallinn ran twice a day in winter 2017.\n"
    service.drop("wide-no-bom.txt", text.encode("utf-16-le"))
    (rec,) = service.wait_for("wide-no-bom")
    assert rec["kind"] == "record"
    assert rec["source"]["encoding"] == "utf-16-le"
    assert "Helsinki and Tallinn" in record_text(rec)


def test_an_image_gets_an_error_record_saying_what_it_is_and_what_to_do(service: Service):
    service.drop("scan.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 16)
    (rec,) = service.wait_for("scan")
    assert rec["kind"] == "error" and rec["error"] == "unsupported_type"
    assert "PNG" in rec["message"] and "OCR" in rec["message"]


def test_binary_bytes_of_no_known_type_get_a_binary_file_error_record_saying_what_to_do(service: Service):
    service.drop("blob.txt", bytes(range(256)) * 16)
    (rec,) = service.wait_for("blob")
    assert rec["kind"] == "error" and rec["error"] == "binary_file"
    assert "binary data of no kind pagemill recognises" in rec["message"] and "convert it to UTF-8" in rec["message"]
