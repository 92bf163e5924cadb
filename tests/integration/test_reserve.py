"""A worker holds the next page ready while its processes are busy (PAGEMILL_RESERVE_PAGES)."""

from __future__ import annotations

import json
import re

import pytest

from .conftest import Service, wait_log
from .test_faults import assert_exactly_one_outcome_each, big_page, small_page, start_pair, wait_all

pytestmark = pytest.mark.integration

TASK_LINE = re.compile(r"Task pagemill\.process\[([^\]]+)\] (received|succeeded)")


def _task_events(log: bytes) -> list[tuple[str, str]]:
    """(task id, "received" | "succeeded") in the order the worker's main process logged them."""
    out = []
    for line in log.splitlines():
        if line.startswith(b"{") and b"Task pagemill.process[" in line:
            if m := TASK_LINE.search(json.loads(line).get("event", "")):
                out.append((m.group(1), m.group(2)))
    return out


@pytest.mark.parametrize("reserve", [1, 0])
def test_a_worker_takes_the_next_page_while_its_only_process_is_busy_only_when_reserving(isolated: Service, reserve: int):
    worker, _ = start_pair(isolated, concurrency=1, env={"PAGEMILL_RESERVE_PAGES": str(reserve)})
    isolated.drop("long-first.txt", big_page("first"))
    wait_log(worker, b"Task pagemill.process[", timeout=60)
    stems = ["long-first"] + [f"next-{i}" for i in range(3)]
    for i in range(3):
        isolated.drop(f"next-{i}.txt", small_page(i))
    wait_all(isolated, stems, timeout=180)
    assert_exactly_one_outcome_each(isolated, stems)

    events = _task_events(worker.log.read_bytes())
    first = events[0][0]
    first_done = events.index((first, "succeeded"))
    second_received = [i for i, (tid, what) in enumerate(events) if what == "received" and tid != first][0]
    if reserve:
        # The next page was taken while the long one still ran: ready for the process the moment it is free.
        assert second_received < first_done, events
    else:
        # One page per process: the next is fetched only once the long one is done and acknowledged.
        assert second_received > first_done, events
