"""Hardening: a page written in several opens, the ledger after a crash, and a restart after kill -9."""

from __future__ import annotations

import time

import pytest

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
