"""Replacing an outcome in the outbox: the one place that does it.

Used when a page is made again (``pagemill reprocess``, and ``pagemill
process`` over a record of an older pipeline) and meant for an error record
replaced by a new outcome (retry of a failed page). The new record says what
it replaces (``supersedes``: the old pipeline version and when the old record
was written), keeps the first ``received_at``, and takes the old file's place
atomically: a consumer sees the old file or the new one, never neither.
"""

from __future__ import annotations

import json
import os
from datetime import datetime, timezone
from pathlib import Path

from ..models import Record, Supersedes


#: The only keys a reader of an outcome here asks for, at any depth: its kind, its pipeline's version, what it
#: supersedes, when its page arrived (``source.received_at``) and, for an error record, where its original is.
HEAD_KEYS = frozenset({"kind", "pipeline", "version", "supersedes", "pipeline_version", "written_at", "source", "received_at", "original"})


def read_outcome(path: Path, keys: frozenset[str] = HEAD_KEYS) -> dict | None:
    """The outcome file's ``keys`` (objects inside it keep only those too), or None when it is missing or
    unreadable.

    Only those: every segment, entity and cell parsed in full took several times the file in memory (a
    record of a 1.8 MB table is 15 MB of JSON), in the worker that replaces it.
    """
    try:
        return json.loads(path.read_text(encoding="utf-8"), object_pairs_hook=lambda pairs: {k: v for k, v in pairs if k in keys})
    except (OSError, ValueError):
        return None


def superseding(old_path: Path, record: Record) -> Record:
    """``record`` as the successor of the record at ``old_path`` (unchanged when that is not a record)."""
    old = read_outcome(old_path)
    if not old or old.get("kind") != "record":
        return record
    written = datetime.fromtimestamp(old_path.stat().st_mtime, tz=timezone.utc)
    version = (old.get("pipeline") or {}).get("version") or "unknown"
    update: dict = {"supersedes": Supersedes(pipeline_version=version, written_at=written)}
    received = (old.get("source") or {}).get("received_at")
    if received:
        # The page arrived once; making its record again does not make it arrive again.
        update["source"] = record.source.model_copy(update={"received_at": datetime.fromisoformat(received)})
    return record.model_copy(update=update)


def replace_outcome(old_path: Path, record: Record, new_path: Path, *, mode: int) -> Record:
    """Write ``record`` to ``new_path`` in place of the outcome at ``old_path``; return what was written."""
    from .outbox import atomic_write

    new = superseding(old_path, record)
    atomic_write(new_path, new, mode)
    if old_path != new_path:
        try:
            os.unlink(old_path)
        except FileNotFoundError:
            pass
    return new
