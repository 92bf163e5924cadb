"""A page whose record could not be filed for the broker's sake goes back to its queue, after a pause."""

from __future__ import annotations

import signal
import time

import pytest
from celery.exceptions import Reject, SoftTimeLimitExceeded

from workers.service.tasks import _hand_back
from workers.settings import get_settings


@pytest.fixture
def backoff(monkeypatch):
    monkeypatch.setenv("PAGEMILL_RETRY_BACKOFF", "0.4")
    get_settings.cache_clear()
    yield 0.4
    get_settings.cache_clear()


def test_a_page_handed_back_waits_the_retry_backoff_first_and_is_requeued(backoff):
    t0 = time.monotonic()
    out = _hand_back(ConnectionError("broker refuses writes"))
    assert isinstance(out, Reject) and out.requeue is True
    # Without the pause a broker that answers but refuses writes gets the page back at full speed.
    assert time.monotonic() - t0 >= backoff


def test_a_soft_time_limit_during_the_pause_still_hands_the_page_back(backoff):
    # As Celery's pool delivers the soft limit: a signal whose handler raises in the task's thread.
    def soft_limit(signum, frame):
        raise SoftTimeLimitExceeded()

    old = signal.signal(signal.SIGALRM, soft_limit)
    signal.setitimer(signal.ITIMER_REAL, 0.05)
    try:
        out = _hand_back(ConnectionError("broker away"))
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)
    assert isinstance(out, Reject) and out.requeue is True
