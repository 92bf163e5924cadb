"""``pagemill reprocess``: make records again, through the running service, when pagemill improved.

Picks records in the outbox (all, those older than a pipeline version, or by
id), finds each one's original in the archive by its SHA-256, and queues it
as a page that replaces that record (``Drop.replaces``): the service skips
the duplicate check for it alone, and the writer swaps the record atomically
under the same name, the new one saying what it supersedes
(:mod:`workers.edges.replace`). Originals stay in the archive: the page's
bytes travel in the message, nothing is held or moved.

Every queued record is noted in the ledger until its new version is written,
so a run stopped half way and started again queues only the rest; a record
already replaced is no longer older than the version asked for.
"""

from __future__ import annotations

import base64
import hashlib
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from packaging.version import InvalidVersion, Version

from ..edges.ledger import CLAIMED, QUEUED, RedisLedger
from ..edges.replace import HEAD_KEYS, read_outcome
from ..models import Drop

#: What a run reads of a record: what picks it (kind, id, pipeline version), finds its original (sha256), makes
#: its drop (filename, received_at), and shows it replaced since (supersedes). Never its segments: an outbox of
#: big records read in full would be held in memory for the whole run.
RECORD_KEYS = HEAD_KEYS | {"id", "sha256", "filename"}


def is_older(version: str, than: str) -> bool:
    """Was a record of pipeline ``version`` made by an older pagemill than ``than``?

    The package versions decide (``0.1.0+…`` is older than ``0.2.0+…``); for the
    same package version, any other digest counts as older: its model, data,
    taxonomy or settings were not the ones of ``than``.
    """
    if version == than:
        return False
    try:
        mine, theirs = Version(version.split("+", 1)[0]), Version(than.split("+", 1)[0])
    except InvalidVersion:
        return True  # not a version pagemill writes: made before versions meant anything
    return mine <= theirs


@dataclass
class Plan:
    queued: list[str] = field(default_factory=list)
    already_queued: list[str] = field(default_factory=list)
    replaced_meanwhile: list[str] = field(default_factory=list)
    no_original: list[str] = field(default_factory=list)
    waiting: dict[str, str] = field(default_factory=dict)  # record file -> drop id


def select(outbox: Path, *, everything: bool = False, older_than: str | None = None, ids: Iterable[str] = ()) -> list[tuple[Path, dict]]:
    """Records in ``outbox`` to make again, by file name order."""
    wanted = set(ids)
    out = []
    for path in sorted(outbox.glob("*.json")):
        doc = read_outcome(path, RECORD_KEYS)
        if doc is None or doc.get("kind") != "record":
            continue
        version = (doc.get("pipeline") or {}).get("version") or ""
        if everything or (older_than is not None and is_older(version, older_than)) or doc.get("id") in wanted or path.name in wanted:
            out.append((path, doc))
    return out


def originals_by_sha256(archive: Path, wanted: set[str]) -> dict[str, Path]:
    """The archived original of each wanted content hash (files under ``archive``, read once)."""
    found: dict[str, Path] = {}
    if not archive.is_dir():
        return found
    for path in sorted(archive.rglob("*")):
        if len(found) == len(wanted):
            break
        if not path.is_file() or path.name.startswith("."):
            continue
        h = hashlib.sha256()
        with path.open("rb") as f:
            for chunk in iter(lambda: f.read(1 << 20), b""):
                h.update(chunk)
        digest = h.hexdigest()
        if digest in wanted:
            found.setdefault(digest, path)
    return found


def _replaced_since(path: Path, doc: dict) -> bool:
    """True when the record file no longer holds ``doc`` (what :func:`select` read): made again meanwhile.

    A record made again always says so in what :func:`select` reads: its ``supersedes`` names when the file
    it replaced was written, which no earlier version of the file can say of itself.
    """
    return read_outcome(path, RECORD_KEYS) != doc


def messages_lost(idle: Callable[[], bool], pause: float = 1.0) -> bool:
    """True when the broker holds no message at all (none waiting, none held by a worker), twice ``pause`` apart.

    A record still noted as on its way then has no message left: the broker's transport loses one taken by a
    worker killed between taking it and recording it as held. (Asked twice: a live worker is in that window
    for a moment only.)
    """
    if not idle():
        return False
    time.sleep(pause)
    return idle()


def queue(
    records: list[tuple[Path, dict]],
    archive: Path,
    ledger: RedisLedger,
    send: Callable[[str, Drop, str], None],
    say: Callable[[str], None] = print,
    resend_pending: bool = False,
) -> Plan:
    """Queue each record's page; one noted as on its way is sent again only with ``resend_pending`` (its message
    was lost: :func:`messages_lost`), under the same drop."""
    plan = Plan()
    pending = ledger.pending_reprocess()
    originals = originals_by_sha256(archive, {d["source"]["sha256"] for _, d in records})
    for path, doc in records:
        name = path.name
        drop_id = pending.get(name)
        if drop_id and not resend_pending and ledger.get_drop(drop_id).get("status") not in (None, CLAIMED):
            plan.already_queued.append(name)
            plan.waiting[name] = drop_id
            continue
        if not drop_id and _replaced_since(path, doc):
            # Selected as older, then made again and its note cleared before ``pending`` was read (the writer
            # writes the file before it clears the note, so the file read now shows it): queued again, the
            # page would be made twice.
            plan.replaced_meanwhile.append(name)
            continue
        original = originals.get(doc["source"]["sha256"])
        if original is None:
            plan.no_original.append(name)
            say(f"skipped {name}: no original with its content in {archive}")
            continue
        data = original.read_bytes()
        drop = Drop(
            filename=doc["source"]["filename"], size_bytes=len(data), sha256=doc["source"]["sha256"],
            received_at=datetime.fromisoformat(doc["source"]["received_at"]), replaces=name,
        )
        if drop_id:
            # Noted but perhaps never sent (the last run stopped between the two): send again under the
            # same drop; should both arrive, the writer writes the new version once.
            drop.drop_id = drop_id
        elif not ledger.mark_reprocess(name, drop.drop_id):
            plan.already_queued.append(name)
            plan.waiting[name] = ledger.pending_reprocess().get(name, "")
            continue
        ledger.set_drop(drop.drop_id, status=CLAIMED, filename=drop.filename, received=time.time(), replaces=name)
        send("process", drop, base64.b64encode(data).decode("ascii"))
        ledger.set_drop(drop.drop_id, status=QUEUED)
        plan.queued.append(name)
        plan.waiting[name] = drop.drop_id
        say(f"queued {name} (was {(doc.get('pipeline') or {}).get('version', '?')})")
    return plan


def wait(
    plan: Plan,
    outbox: Path,
    ledger: RedisLedger,
    say: Callable[[str], None] = print,
    poll: float = 0.5,
    timeout: float | None = None,
    idle: Callable[[], bool] | None = None,
    requeue: Callable[[list[str]], dict[str, str]] | None = None,
) -> dict[str, int]:
    """Announce each record as its new version is written (or fails); returns counts.

    With ``idle`` and ``requeue``: records still awaited when the broker has held no message for two polls in
    a row lost theirs (:func:`messages_lost`) and are sent again; ``requeue`` returns their record -> drop id.
    """
    left = dict(plan.waiting)
    counts = {"replaced": 0, "failed": 0}
    deadline = None if timeout is None else time.monotonic() + timeout
    idle_polls = 0
    while left:
        pending = ledger.pending_reprocess()
        for name, drop_id in list(left.items()):
            if name in pending:
                continue
            del left[name]
            drop = ledger.get_drop(drop_id) if drop_id else {}
            if drop.get("status") == "failed":
                counts["failed"] += 1
                say(f"failed {name}: {drop.get('error', '?')} (the older record stays)")
                continue
            counts["replaced"] += 1
            doc = read_outcome(outbox / name)
            try:
                old = (doc.get("supersedes") or {}).get("pipeline_version", "?")
                say(f"replaced {name} ({old} -> {doc['pipeline']['version']})")
            except (AttributeError, KeyError):
                say(f"replaced {name}")
        if left:
            if deadline is not None and time.monotonic() > deadline:
                break
            if idle is not None and requeue is not None:
                idle_polls = idle_polls + 1 if idle() else 0
                if idle_polls >= 2:
                    say(f"no message is left for {len(left)} record(s) still awaited (a worker was killed as it took one); sending them again")
                    left.update(requeue(sorted(left)))
                    idle_polls = 0
            time.sleep(poll)
    return counts
