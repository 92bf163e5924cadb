"""Sending page tasks. Light on purpose: the watcher imports this, not the stages."""

from __future__ import annotations

from ..models.drop import Drop
from .app import celery_app


def describe(drop: Drop) -> str:
    """What Flower shows as a task's arguments: the file, never the page body."""
    return f"{drop.filename!r} ({drop.size_bytes:,} bytes)"


def send(task_name: str, drop: Drop, payload, **options) -> None:
    celery_app.send_task(
        f"pagemill.{task_name}",
        args=(drop.model_dump(mode="json"), payload),
        argsrepr=describe(drop),
        kwargsrepr="{}",
        **options,
    )
