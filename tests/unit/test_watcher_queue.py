"""The watcher on a real inbox (OS events, the in-process ledger): what it queues, and what it says about it."""

from __future__ import annotations

import os
import threading

import structlog

from workers.edges.ledger import QUEUED, MemoryLedger
from workers.edges.watcher import Watcher
from workers.settings import Settings


def _watcher(tmp_path, sent: list, arrived: threading.Event) -> Watcher:
    s = Settings(inbox=tmp_path / "inbox", state_dir=tmp_path / "state", sweep_interval=3600)

    def submit(drop, data_b64):
        sent.append((drop, data_b64))
        arrived.set()

    return Watcher(s, MemoryLedger(), submit=submit, reject=lambda *a: None)


def test_a_page_renamed_into_the_inbox_is_queued_with_its_bytes_and_logged_as_queued(tmp_path):
    sent: list = []
    arrived = threading.Event()
    w = _watcher(tmp_path, sent, arrived)
    w.start()
    try:
        staged = tmp_path / "staged.txt"
        staged.write_text("A short page about a harbour.\n", encoding="utf-8")
        with structlog.testing.capture_logs() as logs:
            os.rename(staged, w.inbox / "harbour.txt")
            assert arrived.wait(30), "the renamed page was never queued"
    finally:
        w.stop()
    (drop, data), = sent
    assert drop.filename == "harbour.txt" and drop.size_bytes == 30
    assert w.ledger.get_drop(drop.drop_id)["status"] == QUEUED
    queued = [e for e in logs if e["event"] == "page queued"]
    assert [(e["filename"], e["document_id"], e["size_bytes"]) for e in queued] == [("harbour.txt", drop.drop_id, 30)]
