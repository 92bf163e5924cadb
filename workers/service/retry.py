"""``pagemill retry-failed``: send failed originals through the service again, once their cause is fixed.

Each chosen error record names its original in ``failed/``. The original is
taken back the way the watcher takes a page (a new drop, held in the
processing folder, queued on ``pages``), with ``retry_of`` naming the failed
drop. The failed drop shows as ``retried`` in the pages view; when the new
drop's outcome is written, the outbox writer removes the old error record
(``Outbox._replace_retried``), so the file still has exactly one outcome.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import shutil
import stat
import time
from dataclasses import dataclass
from pathlib import Path

from ..edges.ledger import CLAIMED, QUEUED, RETRIED, RedisLedger
from ..logs import get_logger
from ..models import Drop
from ..settings import Settings
from ..timelimit import size_refusal

log = get_logger(__name__)


@dataclass
class Failure:
    path: Path  # the error record
    record: dict

    @property
    def name(self) -> str:
        folder = self.record.get("folder")
        return f"{folder}/{self.record['filename']}" if folder else self.record["filename"]


def find_failures(outbox: Path, reason: str | None = None, names: tuple[str, ...] = ()) -> list[Failure]:
    """Error records in the outbox, oldest first, with this reason and matching one of ``names``
    (a file name, its stem, folder/name, or the error record's own file name)."""
    found = []
    for path in sorted(outbox.glob("*.error.json")):
        try:
            rec = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        if rec.get("kind") != "error" or (reason and rec.get("error") != reason):
            continue
        f = Failure(path, rec)
        if names and not {f.name, rec.get("filename"), Path(rec.get("filename", "")).stem, path.name} & set(names):
            continue
        found.append(f)
    return sorted(found, key=lambda f: f.record.get("failed_at", ""))


def holding_dir(s: Settings) -> Path:
    """Where the watcher holds taken pages (it falls back to a hidden folder in the inbox across filesystems)."""
    inbox, preferred = s.inbox.resolve(), s.processing_dir.resolve()
    preferred.mkdir(parents=True, exist_ok=True)
    if os.stat(preferred).st_dev == os.stat(inbox).st_dev:
        return preferred
    return inbox / ".pagemill-processing"


#: What an entry in failed/ that is not a regular file is, in words.
_SPECIAL = ((stat.S_ISFIFO, "a named pipe"), (stat.S_ISSOCK, "a socket"), (stat.S_ISCHR, "a device"), (stat.S_ISBLK, "a device"))


def _in_place(original: str) -> Path:
    """``original`` with its folders resolved but never its last part: a link there is the entry itself, not where it points."""
    path = Path(original)
    return path.parent.resolve() / path.name


def why_not(s: Settings, ledger: RedisLedger, f: Failure) -> str | None:
    """Why this failure cannot be retried, or None: what is actually the case, and what to do about it."""
    original = f.record.get("original")
    if not original:
        return "no original was kept (it never reached pagemill): drop the file again"
    path = _in_place(original)
    # The path comes from a file in the outbox: only ever move something from our own failed/ folder.
    failed = s.failed.resolve()
    if path.name in ("", "..") or failed not in path.parents:
        return f"its original {original} is not in the failed folder {failed}"
    try:
        mode = os.lstat(path).st_mode
    except FileNotFoundError:
        return f"its original {original} is no longer there"
    except OSError as exc:
        return f"its original {original} cannot be looked at: {exc.strerror or exc}"
    if stat.S_ISLNK(mode):
        return f"its original {original} is a symlink: pagemill does not follow links; copy the file it points to into the inbox"
    if stat.S_ISDIR(mode):
        return f"its original {original} is a directory, not a page: move its files into the inbox"
    if not stat.S_ISREG(mode):
        kind = next((what for test, what in _SPECIAL if test(mode)), "not a regular file")
        return f"its original {original} is {kind}, not a page: drop the page's file itself into the inbox"
    if ledger.get_drop(f.record["drop_id"]).get("status") == RETRIED:
        return "already being retried"
    return None


def retry(s: Settings, ledger: RedisLedger, f: Failure, send) -> Drop:
    """Take one failed original back into the service; returns the new drop."""
    original = _in_place(f.record["original"])  # as why_not checked it: a link put there since is moved as itself, never followed
    drop = Drop(filename=f.record["filename"], folder=f.record.get("folder"), retry_of=f.record["drop_id"])
    held = holding_dir(s) / f"{drop.drop_id}.page"
    held.parent.mkdir(parents=True, exist_ok=True)
    # Claimed before the move, as the watcher does: should this stop half-way, the watcher's
    # start-up recovery finds the held page and queues it.
    ledger.set_drop(drop.drop_id, status=CLAIMED, filename=drop.filename, received=time.time(), folder=drop.folder, retry_of=drop.retry_of)
    try:
        shutil.move(str(original), str(held))  # failed/ may be on another filesystem
    except FileNotFoundError:
        ledger.set_drop(drop.drop_id, status="vanished")
        raise
    drop.held_at = str(held)
    ledger.mark_retried(drop.retry_of, drop.drop_id)
    data = held.read_bytes()
    drop.size_bytes, drop.sha256 = len(data), hashlib.sha256(data).hexdigest()
    ledger.set_drop(drop.drop_id, status=QUEUED, sha256=drop.sha256, size=drop.size_bytes)
    if refusal := size_refusal(data, len(data), s.max_page_bytes, s.max_file_bytes):
        send("write_error", drop, {"stage": "intake", "error": "too_large", "attempts": 1, "message": refusal})
    else:
        send("process", drop, base64.b64encode(data).decode("ascii"))
    log.info("failed page sent through again", filename=drop.filename, document_id=drop.drop_id, retry_of=drop.retry_of)
    return drop


def run(s: Settings, names: tuple[str, ...], reason: str | None, dry_run: bool) -> int:
    """``pagemill retry-failed``: says what it queued and what it skipped (and why); returns the exit code."""
    import click

    from .pages import open_ledger

    failures = find_failures(s.outbox, reason, names)
    if not failures:
        what = f" with reason {reason}" if reason else ""
        for_names = f" for {', '.join(names)}" if names else ""
        click.echo(f"no error records{what}{for_names} in {s.outbox.resolve()}; nothing to retry.", err=True)
        # Asked for something specific that is not there: a script should notice.
        return 1 if names or reason else 0
    from ..edges.signing import signing_sender
    from .dispatch import send

    send = signing_sender(s.state_dir, send)  # the writer acts only on drops signed with the host's key
    ledger = open_ledger(s)
    sent = skipped = 0
    for f in failures:
        problem = why_not(s, ledger, f)
        if problem:
            skipped += 1
            click.echo(f"skip   {f.name} ({f.record.get('error')}): {problem}", err=True)
            continue
        sent += 1
        if dry_run:
            click.echo(f"would  {f.name} ({f.record.get('error')})")
            continue
        drop = retry(s, ledger, f, send)
        click.echo(f"queued {f.name} ({f.record.get('error')}) as drop {drop.drop_id}")
    verb = "would queue" if dry_run else "queued"
    click.echo(f"{verb} {sent}, skipped {skipped}; each new outcome replaces its error record in {s.outbox.resolve()}.", err=True)
    return 0 if sent or not skipped else 1
