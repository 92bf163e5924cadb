"""Writing outcomes: one file per drop in the outbox, written atomically.

A consumer never sees half a file: each outcome is written to a hidden
temporary file in the outbox, flushed to disk, then renamed into place.
Record file names depend only on the page name and content id, so writing
the same record again (a redelivered task) replaces it with identical bytes.
"""

from __future__ import annotations

import json
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
from ..models import SCHEMA_VERSION, Drop, DuplicateNote, ErrorRecord, Record
from .feed import STATUS_OF_KIND, Feed, in_write_order
from .ledger import DONE, DUPLICATE, FAILED, FINAL, REPROCESSED, Ledger
from .replace import read_outcome, superseding

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


def error_name(drop: Drop) -> str:
    return f"{safe_stem(drop.filename)}.{drop.drop_id}.error.json"


def duplicate_name(drop: Drop) -> str:
    return f"{safe_stem(drop.filename)}.{drop.drop_id}.duplicate.json"


DEFAULT_MODE = 0o644
#: The bits an outcome takes from its original: read for all, write for the owner alone. Only pagemill writes
#: an outcome (it replaces one by renaming, which needs the folder's permission, not the file's), so an
#: original's write bits for group or others would only let them change a record in place.
FROM_ORIGINAL = 0o644


def atomic_write(path: Path, model: BaseModel, mode: int = DEFAULT_MODE) -> bytes:
    # Compact: indenting a big page's record (thousands of entities) added about a third to its size.
    data = model.json_bytes()
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name[:60]}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            # mkstemp makes the file 0600: another user's consumer could not read the record.
            os.fchmod(f.fileno(), mode)
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise
    return data


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
        feed: Feed | None = None,
        mode: int | None = None,
        processing: list[Path] | None = None,
    ) -> None:
        self.outbox, self.ledger, self.feed = Path(outbox), ledger, feed
        self.archive, self.failed = archive, failed
        # None: each outcome takes its original's permission bits (0644 when unknown).
        self.mode = mode
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

    def _already(self, drop: Drop, **error: str) -> Outcome | None:
        prior = self.ledger.get_drop(drop.drop_id)
        if prior.get("status") in FINAL:
            # Redelivered after the outcome was written: finish filing the original, write nothing new.
            special = prior["status"] == FAILED and prior.get("error", "").split(":", 1)[0] in NOT_A_PAGE
            original = self._file_original(drop, self.failed if prior["status"] == FAILED else self.archive, special=special)
            return Outcome(prior["status"], self.outbox / prior.get("outcome", ""), original)
        if self.feed is not None and (numbered := self.feed.numbered(drop.drop_id)):
            # Written and numbered, then a crash before the ledger heard: writing again would renumber nothing
            # but would put an old outcome's file after newer ones, so only finish the bookkeeping.
            _seq, kind, name = numbered
            status = REPROCESSED if kind == "record" and drop.replaces else STATUS_OF_KIND[kind]
            return self._finish(drop, status, name, error=f"{error['error']}: {error['message']}" if error else None)
        return None

    def _finish(self, drop: Drop, status: str, name: str, *, error: str | None = None) -> Outcome:
        """File the original and tell the ledger, for an outcome file an earlier attempt of ``drop`` wrote."""
        original = self._file_original(drop, self.failed if status == FAILED else self.archive)
        self.ledger.set_drop(drop.drop_id, status=status, outcome=name, error=error, finished=datetime.now(timezone.utc).timestamp())
        return Outcome(status, self.outbox / name, original)

    def _publish(self, path: Path, model: BaseModel, drop: Drop, kind: str, id: str, mode: int, *, replaces: Path | None = None) -> None:
        """Write the outcome file (in place of ``replaces``, if given); with a feed, number it in the same step.

        The one place an outcome file is written or replaced (see workers/edges/feed.py and replace.py).
        """
        if replaces is not None and isinstance(model, Record):
            model = superseding(replaces, model)
        self._note_retried(drop)
        with in_write_order(self.feed.lock_file if self.feed is not None else None):
            body = atomic_write(path, model, mode)
            if self.feed is not None:
                self.feed.append(kind=kind, id=id, drop_id=drop.drop_id, filename=drop.filename, path=path.name, body=body)
        if replaces is not None and replaces != path:
            try:
                os.unlink(replaces)
            except FileNotFoundError:
                pass

    def mode_for(self, drop: Drop, original: Path | None = None, *, read_through: bool = False) -> int:
        """``PAGEMILL_OUTBOX_MODE`` when set, else the original's read bits and owner's write bit, else 0644.

        Only a regular file's mode says who may read a page. A symbolic link's own mode is always 0777,
        and a folder's or a pipe's says nothing of a page's: theirs count as unknown (0644), and so does
        a link whose target is gone. ``read_through``: ``original`` is the path the page's text was read
        from (``pagemill process`` reads through a link it is given), so a link there is followed to the
        file whose text the record holds; anywhere else a link is never followed (the service never reads
        one: its outcome is an error record, without the page's text).
        """
        if self.mode is not None:
            return self.mode
        for p, follow in ((original, read_through), (self.held(drop, special=True), False)):
            if p is None:
                continue
            try:
                st = os.stat(p) if follow else os.lstat(p)
            except OSError:
                continue
            return stat.S_IMODE(st.st_mode) & FROM_ORIGINAL if stat.S_ISREG(st.st_mode) else DEFAULT_MODE
        return DEFAULT_MODE

    def write_record(self, drop: Drop, record: Record, *, original: Path | None = None) -> Outcome:
        """File a validated record (the model was validated when it was built or parsed: not again here)."""
        self.check(drop, record)
        if done := self._already(drop):
            self._replace_retried(drop, done.path)
            return done
        mode = self.mode_for(drop, original, read_through=True)
        old = self.outbox / drop.replaces if drop.replaces else None
        current = (read_outcome(old) or {}) if old else {}
        made_twice = False
        if old and current.get("kind") == "record":
            # A record made again: same name, no duplicate check (the content is the old record's).
            path, status = old, REPROCESSED
            if (current.get("pipeline") or {}).get("version") == record.pipeline.version and current.get("supersedes"):
                # Made again twice (a reprocess run stopped between queueing and noting it): written once.
                made_twice = True
                log.info("record already replaced by this version", outcome=str(path), replaced=drop.replaces)
            else:
                self._publish(path, record, drop, "record", record.id, mode, replaces=old)
        else:
            name = record_name(drop.filename, record.id)
            winner = self.ledger.claim_content(record.source.sha256, drop.drop_id, name, drop.filename)
            if winner["drop_id"] == drop.drop_id:
                path, status = self.outbox / name, DONE
                # With ``old``, another outcome (an error record of an earlier try) gives way to this record.
                self._publish(path, record, drop, "record", record.id, mode, replaces=old)
            else:
                path, status = self.outbox / duplicate_name(drop), DUPLICATE
                note = DuplicateNote(
                    schema_version=SCHEMA_VERSION, kind="duplicate", id=record.id, source=record.source,
                    record=winner["record"], first_filename=winner["filename"],
                )
                self._publish(path, note, drop, "duplicate", record.id, mode)
        unfailed = self._drop_unannounced_error(drop)
        original = self._file_original(drop, self.archive) or unfailed
        self.ledger.set_drop(
            drop.drop_id, status=status, outcome=path.name, finished=datetime.now(timezone.utc).timestamp(),
            replaces=drop.replaces,
        )
        if drop.replaces:
            self.ledger.clear_reprocess(drop.replaces)
            if not made_twice:  # else said above: nothing was replaced this time
                log.info("record replaced", outcome=str(path), replaced=drop.replaces, version=record.pipeline.version)
        else:
            log.info("outcome written", status=status, outcome=str(path), original=str(original) if original else None)
        self._replace_retried(drop, path)
        return Outcome(status, path, original)

    def write_error(
        self, drop: Drop, *, stage: str, error: str, message: str, attempts: int = 1, original: Path | None = None
    ) -> Outcome:
        self.check(drop)
        if done := self._already(drop, error=error, message=message) or self._written_unannounced(drop):
            self._replace_retried(drop, done.path)
            return done
        original = self._file_original(drop, self.failed, special=error in NOT_A_PAGE) or original
        rec = ErrorRecord(
            schema_version=SCHEMA_VERSION,
            kind="error",
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
            folder=drop.folder,
        )
        path = self.outbox / error_name(drop)
        self._publish(path, rec, drop, "error", drop.drop_id, self.mode_for(drop, original))
        self.ledger.set_drop(
            drop.drop_id, status=FAILED, outcome=path.name, error=f"{error}: {message}",
            finished=datetime.now(timezone.utc).timestamp(),
        )
        if drop.replaces:
            # The older record stays; the run that asked for a new one must not wait for it forever.
            self.ledger.clear_reprocess(drop.replaces)
        log.warning("page failed", stage=stage, error=error, reason=message, outcome=str(path))
        self._replace_retried(drop, path)
        return Outcome(FAILED, path, original)

    # --- one outcome per drop, across attempts that lost the broker half way ---------------------
    # An attempt can write its outcome file and lose the broker before the feed and the ledger hear
    # of it. Whatever a later attempt of the same drop would write, the drop keeps one outcome: a
    # record (or duplicate note) already on disk wins over an error, and a record replaces an error
    # record nobody was told of.

    def _written_unannounced(self, drop: Drop) -> Outcome | None:
        """Finish filing a record or duplicate note an earlier attempt of ``drop`` wrote; None when there is none."""
        claim = self.ledger.content_claim(drop.sha256) if drop.sha256 and not drop.replaces else None
        found: tuple[Path, str, str, str] | None = None
        if claim and claim.get("drop_id") == drop.drop_id and (self.outbox / claim["record"]).is_file():
            found = (self.outbox / claim["record"], "record", DONE, claim["record"])
        elif (self.outbox / duplicate_name(drop)).is_file():
            found = (self.outbox / duplicate_name(drop), "duplicate", DUPLICATE, duplicate_name(drop))
        if found is None:
            return None
        path, kind, status, name = found
        if self.feed is not None:
            body = path.read_bytes()
            self._note_retried(drop)
            with in_write_order(self.feed.lock_file):
                self.feed.append(kind=kind, id=json.loads(body).get("id", ""), drop_id=drop.drop_id, filename=drop.filename, path=name, body=body)
        self._drop_unannounced_error(drop)
        log.warning("an earlier attempt of this page had written its outcome; no error record written", outcome=str(path), status=status)
        return self._finish(drop, status, name)

    def _drop_unannounced_error(self, drop: Drop) -> Path | None:
        """Remove an error record of ``drop`` that the feed and ledger never heard of: its record is written now.

        That attempt had already moved the original to ``failed/``; it goes to ``archive/``, where a
        page with a record belongs. Returns where it went (None when there was nothing to move).
        """
        path = self.outbox / error_name(drop)
        old = read_outcome(path)
        try:
            path.unlink()
        except FileNotFoundError:
            return None
        log.warning("an earlier attempt's error record of this page, never announced, gave way to its record", replaced=path.name)
        return self._unfail(drop, (old or {}).get("original"))

    def _unfail(self, drop: Drop, original: str | None) -> Path | None:
        """Move an original this drop filed in ``failed/`` to the same place under ``archive/``."""
        if not original or self.failed is None or self.archive is None:
            return None
        src = Path(original)
        try:
            # Only a regular file of ours: inside failed/ (its folder resolved, a link never followed).
            rel = src.parent.resolve().relative_to(self.failed.resolve()) / src.name
            if not stat.S_ISREG(os.lstat(src).st_mode):
                return None
        except (ValueError, OSError):
            return None
        target = self.archive / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        if os.path.lexists(target):
            target = target.with_name(f"{safe_stem(drop.filename)}.{drop.drop_id}{src.suffix[:16]}")
        shutil.move(str(src), str(target))
        log.info("original moved from failed to archive", original=str(target))
        return target

    def _retried_error(self, drop: Drop) -> str | None:
        """File name of the error record this retried drop's outcome replaces (None for a drop that retries nothing)."""
        if not drop.retry_of:
            return None
        old = self.ledger.get_drop(drop.retry_of).get("outcome") or ""
        # Only an error record, only in the outbox: never whatever name a ledger entry holds.
        if not old.endswith(".error.json") or Path(old).name != old:
            return None
        return old

    def _note_retried(self, drop: Drop) -> None:
        """Before a retried drop's outcome is numbered, say on its drop which error record it replaces.

        The feed entry's ``drop_id`` names the drop, whose hash (where the feed keeps the entry's
        number) then holds ``retry_of`` (the failed drop's id, the ``errors`` row the sink removes)
        and ``replaces_error`` (the error record's file name, which :meth:`_replace_retried` removes).
        Written first, so a consumer that sees the entry sees these too. An outcome file's body
        cannot say it: the published models refuse a field they do not know.
        """
        if (old := self._retried_error(drop)) is not None:
            self.ledger.set_drop(drop.drop_id, retry_of=drop.retry_of, replaces_error=old)

    def _replace_retried(self, drop: Drop, new: Path) -> None:
        """A retried page's new outcome replaces the error record of the drop it retries: the one place that happens.

        Called after the new outcome is safely written (and again on a redelivery), so a
        crash in between leaves both files, never neither; the file keeps one outcome.
        """
        old = self._retried_error(drop)
        if old is None or old == new.name:
            return
        try:
            (self.outbox / old).unlink()
        except FileNotFoundError:
            return
        log.info("retried page's outcome replaced its error record", replaced=old, outcome=new.name, retry_of=drop.retry_of)

    def _file_original(self, drop: Drop, folder: Path | None, *, special: bool = False) -> Path | None:
        """Move the held original to ``folder`` under its own name (made unique if taken)."""
        if folder is None:
            return None
        held = self.held(drop, special=special)
        if held is None:
            return None  # filed already by an earlier attempt of this same drop
        if drop.folder:
            folder = folder / drop.folder  # archive/ and failed/ keep the inbox's tree (Drop checks it stays inside)
        folder.mkdir(parents=True, exist_ok=True)
        name = drop.filename.replace("/", "_")
        if name in ("", ".", "..") or "\0" in name:
            name = f"{safe_stem(drop.filename)}.{drop.drop_id}"
        target = folder / name
        if os.path.lexists(target):
            target = folder / f"{safe_stem(drop.filename)}.{drop.drop_id}{Path(name).suffix[:16]}"
        shutil.move(str(held), str(target))
        return target
