"""Sending page tasks. Light on purpose: the watcher imports this, not the stages."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from ..models.drop import Drop
from .app import celery_app

# The producer of the batch being collected in this thread, if any (see batch()).
_batch_producer: ContextVar = ContextVar("pagemill_batch_producer", default=None)


def describe(drop: Drop) -> str:
    """What Flower shows as a task's arguments: the file, never the page body."""
    return f"{drop.filename!r} ({drop.size_bytes:,} bytes)"


@contextmanager
def batch() -> Iterator[None]:
    """Messages sent inside go to the broker together, in one pipeline, when the block ends.

    Each message is two writes (the message, and Celery's "sent" event for
    Flower); a burst's pages sent one by one paid a round trip, and a sync to
    disk in the broker, for each. kombu's producer batch keeps them in order
    and raises at the end of the block if they could not be sent.
    """
    with celery_app.producer_or_acquire() as producer, producer.batch():
        token = _batch_producer.set(producer)
        try:
            yield
        finally:
            _batch_producer.reset(token)


def send(task_name: str, drop: Drop, payload, **options) -> None:
    if (producer := _batch_producer.get()) is not None:
        options.setdefault("producer", producer)
    celery_app.send_task(
        f"pagemill.{task_name}",
        args=(drop.model_dump(mode="json"), payload),
        argsrepr=describe(drop),
        kwargsrepr="{}",
        **options,
    )
