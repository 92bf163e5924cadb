"""A worker process that grew past PAGEMILL_WORKER_MAX_MEMORY_MB makes way for a fresh one (Celery's own mechanism)."""

from __future__ import annotations

import pytest

from workers.service.app import make_app
from workers.settings import get_settings


@pytest.fixture
def settings_from_env(monkeypatch):
    monkeypatch.delenv("PAGEMILL_WORKER_MAX_MEMORY_MB", raising=False)

    def use(**env):
        for k, v in env.items():
            monkeypatch.setenv(k, v)
        get_settings.cache_clear()

    yield use
    get_settings.cache_clear()


def test_worker_processes_are_replaced_past_350_mb_unless_told_otherwise(settings_from_env):
    settings_from_env()
    assert make_app().conf.worker_max_memory_per_child == 350 * 1024  # Celery counts KiB


def test_the_memory_bound_follows_the_setting_and_zero_turns_it_off(settings_from_env):
    settings_from_env(PAGEMILL_WORKER_MAX_MEMORY_MB="300")
    assert make_app().conf.worker_max_memory_per_child == 300 * 1024
    settings_from_env(PAGEMILL_WORKER_MAX_MEMORY_MB="0")
    assert make_app().conf.worker_max_memory_per_child is None


def test_a_page_over_the_default_size_limit_is_refused_saying_which_setting_to_raise_and_what_it_costs(monkeypatch):
    from workers.settings import Settings
    from workers.stages import PageRejected, decode_page

    monkeypatch.delenv("PAGEMILL_MAX_PAGE_BYTES", raising=False)
    limit = Settings().max_page_bytes
    assert limit == 2_000_000  # what a worker process holds within its 400 MB (benchmarks/sizes.py)
    decode_page(b"A harbour. " * (limit // 11), "fits.txt", max_bytes=limit)
    with pytest.raises(PageRejected) as exc:
        decode_page(b"A harbour. " * (limit // 11 + 1), "big.txt", max_bytes=limit)
    assert exc.value.code == "too_large"
    assert "raise PAGEMILL_MAX_PAGE_BYTES" in exc.value.message and "MB of memory per MB of text" in exc.value.message
