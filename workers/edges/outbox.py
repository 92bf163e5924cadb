"""Writing outcomes: one file per drop in the outbox, written atomically.

A consumer never sees half a file: each outcome is written to a hidden
temporary file in the outbox, flushed to disk, then renamed into place.
Record file names depend only on the page name and content id, so writing
the same record again (a redelivered task) replaces it with identical bytes.
"""

from __future__ import annotations

import os
import re
import shutil
import stat
import tempfile
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from pydantic import BaseModel

from ..logs import get_logger
from ..models import Drop, DuplicateNote, ErrorRecord, Record
from .ledger import DONE, DUPLICATE, FAILED, FINAL, Ledger

log = get_logger(__name__)

_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")
# What new_drop_id() makes (hex milliseconds, then hex random bits) and the
# content id of a record: anything else in a message is refused, since both
# end up in file names.
_DROP_ID = re.compile(r"[0-9a-f]{8,40}")
_CONTENT_ID = re.compile(r"[A-Za-z0-9_-]{1,80}")


# Error codes of inbox entries the watcher refuses unread; their held entry is filed as itself.
NOT_A_PAGE = frozenset({"symlink", "directory", "not_a_file"})


class Refused(Exception):
    """A message the writer will not act on: it touches nothing, and retrying cannot help."""


def safe_stem(filename: str, limit: int = 80) -> str:
    """A file-name-safe, bounded stem: odd names (newlines, unicode, 300 chars) still give a sane outbox name."""
    stem = Path(filename).stem if Path(filename).suffix else filename
    stem = _UNSAFE.sub("_", stem).strip("._") or "page"
    return stem[:limit]


def record_name(filename: str, content_id: str) -> str:
    return f"{safe_stem(filename)}.{content_id}.json"


def atomic_write(path: Path, model: BaseModel) -> None:
    data = model.model_dump_json(indent=2).encode("utf-8")
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name[:60]}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


@dataclass
class Outcome:
    status: str
    path: Path | None
    original: Path | None = None


class Outbox:
    """Writes records, duplicate notes and error records, and files the original away."""

    def __init__(
        self,
        outbox: Path,
        ledger: Ledger,
        *,
        archive: Path | None = None,
        failed: Path | None = None,
        processing: list[Path] | None = None,
    ) -> None:
        self.outbox, self.ledger = Path(outbox), ledger
        self.archive, self.failed = archive, failed
        # Folders the watcher holds originals in; the only place the writer takes files from.
        self.processing = [Path(p).resolve() for p in processing or []]
        self.outbox.mkdir(parents=True, exist_ok=True)

    def check(self, drop: Drop, record: Record | None = None) -> None:
        """Refuse a message whose ids could name a path, or whose record is not of the page the drop is."""
        if not _DROP_ID.fullmatch(drop.drop_id):
            raise Refused(f"drop id {drop.drop_id[:60]!r} is not one pagemill makes")
        if record is not None:
            if not _CONTENT_ID.fullmatch(record.id):
                raise Refused(f"record id {record.id[:60]!r} is not one pagemill makes")
            if drop.sha256 and record.source.sha256 != drop.sha256:
                raise Refused("the record is of other content than the page the drop took")

    def held(self, drop: Drop, *, special: bool = False) -> Path | None:
        """The original of ``drop``, derived from its id, never from a path in the message.

        A regular file directly inside a processing folder qualifies. A symbolic
        link, folder or pipe there qualifies only with ``special`` (the error
        record of the watcher's own refusal of that entry): it is then moved as
        itself, never followed. None when it is not there (filed already by an
        earlier attempt of this drop, or a drop that never had a file).
        """
        self.check(drop)
        for folder in self.processing:
            candidate = folder / f"{drop.drop_id}.page"
            try:
                st = os.lstat(candidate)
            except FileNotFoundError:
                continue
            if not stat.S_ISREG(st.st_mode) and not special:
                raise Refused(f"{candidate} is not a regular file; it is left where it is")
            # Its folder, not the entry itself, is resolved: a link is never followed.
            if candidate.parent.resolve() != folder:
                raise Refused(f"{candidate} is not inside {folder}")
            return candidate
        return None

    def _already(self, drop: Drop) -> Outcome | None:
        prior = self.ledger.get_drop(drop.drop_id)
        if prior.get("status") in FINAL:
            # Redelivered after the outcome was written: finish filing the original, write nothing new.
            special = prior["status"] == FAILED and prior.get("error", "").split(":", 1)[0] in NOT_A_PAGE
            original = self._file_original(drop, self.failed if prior["status"] == FAILED else self.archive, special=special)
            return Outcome(prior["status"], self.outbox / prior.get("outcome", ""), original)
        return None

    def write_record(self, drop: Drop, record: Record) -> Outcome:
        self.check(drop, record)
        if done := self._already(drop):
            return done
        Record.model_validate(record.model_dump())
        name = record_name(drop.filename, record.id)
        winner = self.ledger.claim_content(record.source.sha256, drop.drop_id, name, drop.filename)
        if winner["drop_id"] == drop.drop_id:
            path, status = self.outbox / name, DONE
            atomic_write(path, record)
        else:
            path, status = self.outbox / f"{safe_stem(drop.filename)}.{drop.drop_id}.duplicate.json", DUPLICATE
            atomic_write(
                path,
                DuplicateNote(id=record.id, source=record.source, record=winner["record"], first_filename=winner["filename"]),
            )
        original = self._file_original(drop, self.archive)
        self.ledger.set_drop(drop.drop_id, status=status, outcome=path.name, finished=datetime.now(timezone.utc).timestamp())
        log.info("outcome written", status=status, outcome=str(path), original=str(original) if original else None)
        return Outcome(status, path, original)

    def write_error(self, drop: Drop, *, stage: str, error: str, message: str, attempts: int = 1) -> Outcome:
        self.check(drop)
        if done := self._already(drop):
            return done
        original = self._file_original(drop, self.failed, special=error in NOT_A_PAGE)
        rec = ErrorRecord(
            filename=drop.filename,
            drop_id=drop.drop_id,
            sha256=drop.sha256,
            size_bytes=drop.size_bytes,
            received_at=drop.received_at,
            failed_at=datetime.now(timezone.utc),
            stage=stage,
            error=error,
            message=message,
            attempts=attempts,
            original=str(original) if original else None,
        )
        path = self.outbox / f"{safe_stem(drop.filename)}.{drop.drop_id}.error.json"
        atomic_write(path, rec)
        self.ledger.set_drop(
            drop.drop_id, status=FAILED, outcome=path.name, error=f"{error}: {message}",
            finished=datetime.now(timezone.utc).timestamp(),
        )
        log.warning("page failed", stage=stage, error=error, reason=message, outcome=str(path))
        return Outcome(FAILED, path, original)

    def _file_original(self, drop: Drop, folder: Path | None, *, special: bool = False) -> Path | None:
        """Move the held original to ``folder`` under its own name (made unique if taken)."""
        if folder is None:
            return None
        held = self.held(drop, special=special)
        if held is None:
            return None  # filed already by an earlier attempt of this same drop
        folder.mkdir(parents=True, exist_ok=True)
        name = drop.filename.replace("/", "_")
        if name in ("", ".", "..") or "\0" in name:
            name = f"{safe_stem(drop.filename)}.{drop.drop_id}"
        target = folder / name
        if os.path.lexists(target):
            target = folder / f"{safe_stem(drop.filename)}.{drop.drop_id}{Path(name).suffix[:16]}"
        shutil.move(str(held), str(target))
        return target
