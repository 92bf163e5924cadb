"""A hook runner that fell further behind than the feed keeps says what it missed, counts it, and goes on."""

from __future__ import annotations

import pytest
import redis

from workers.edges.feed import Feed
from workers.edges.hooks import CommandHook, HookRunner, HookState

from .conftest import start_embedded_broker
from .test_feed_consumers_fixes import stop, write_errors

pytestmark = pytest.mark.integration


def _runner(url: str, tmp_path, log) -> HookRunner:
    hook = CommandHook(f'echo "$PAGEMILL_OUTCOME_SEQ" >> {log}', tmp_path / "out", 10.0)
    return HookRunner(hook, Feed(url), max_attempts=2, backoff=0.1)


def test_outcomes_trimmed_before_the_hook_reached_them_are_counted_as_missed_and_the_rest_delivered(tmp_path):
    b = start_embedded_broker(tmp_path / "state")
    log = tmp_path / "hook.log"
    try:
        write_errors(b.url, tmp_path / "out", 2, max_entries=3)
        runner = _runner(b.url, tmp_path, log)
        runner.step(wait=0.1)
        assert log.read_text().split() == ["1", "2"]
        # The hook stops; six more outcomes arrive, and the feed keeps only the newest three (6, 7, 8).
        write_errors(b.url, tmp_path / "out", 6, prefix="q", max_entries=3)
        runner = _runner(b.url, tmp_path, log)
        runner.step(wait=0.1)
        assert log.read_text().split() == ["1", "2", "6", "7", "8"]
        summary = HookState(redis.Redis.from_url(b.url), runner.hook.name).summary()
        assert summary["missed"] == 3 and summary["delivered"] == 5 and summary["cursor"] == 8
        runner.step(wait=0.1)  # counted once, not again on the next read
        assert HookState(redis.Redis.from_url(b.url), runner.hook.name).summary()["missed"] == 3
    finally:
        stop(b)


def test_a_hook_started_on_a_trimmed_feed_for_the_first_time_misses_nothing(tmp_path):
    b = start_embedded_broker(tmp_path / "state")
    log = tmp_path / "hook.log"
    try:
        write_errors(b.url, tmp_path / "out", 5, max_entries=3)
        runner = _runner(b.url, tmp_path, log)
        runner.step(wait=0.1)
        assert log.read_text().split() == ["3", "4", "5"]
        assert HookState(redis.Redis.from_url(b.url), runner.hook.name).summary()["missed"] == 0
    finally:
        stop(b)
