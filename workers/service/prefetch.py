"""Celery's task consumer, taking ``PAGEMILL_RESERVE_PAGES`` pages beyond one per process.

With one page per process and late acknowledgement, a process that finished a
page sat idle while the worker's main process read its result, acknowledged
the message, fetched the next one and handed it over: three writes the broker
syncs to disk, and the main process's own turn on a busy CPU. That was 7-9% of
each process's time in a burst. With a page reserved, the next one is already
in the main process and goes to the first process that is free; the
acknowledgement and the fetch happen while that process works.

Celery's multiplier can only reserve whole multiples of the process count (2
would hold twice as many pages from other workers); this adds a fixed number.
The visibility timeout covers the wait (see ``Settings.visibility_timeout``).
Selected with ``worker_consumer`` in :mod:`workers.service.app`.
"""

from __future__ import annotations

from celery.worker.consumer import consumer

from ..settings import get_settings


class Consumer(consumer.Consumer):
    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        # 0 means "no limit" to Celery (prefetch disabled): nothing to add to.
        if self.initial_prefetch_count:
            self.initial_prefetch_count += get_settings().reserve_pages

    @property
    def max_prefetch_count(self) -> int:
        # Celery lowers the count after a reconnect while tasks still run, then climbs back to this.
        return super().max_prefetch_count + get_settings().reserve_pages
