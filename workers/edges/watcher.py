"""The inbox watcher: notices pages, takes them, and queues them.

A page is *taken* by renaming it out of the inbox into the state folder's
``processing/`` (atomic on one filesystem), so no page is ever queued twice and
the inbox only shows what is still waiting. When a page is ready:

* renamed in (a ``moved`` event): at once, a rename is atomic;
* written in place (OS events): after its writer closed it and it then
  stayed unchanged (size and mtime, no new event) for ``settle_seconds``, so a
  writer that opens, appends and closes several times gives one page. Should
  the close never be seen (the OS drops events when its queue overflows), a
  sweep that finds neither an event nor a change of size or mtime for
  ``sweep_interval`` takes it as a scan would;
* found by a scan (at start, by the periodic sweep that catches events the OS
  dropped, or in polling mode): once its size and mtime stayed the same for
  ``settle_seconds``.

With ``PAGEMILL_INBOX_RECURSIVE`` on, pages in subfolders are taken too (a
folder appearing is searched at once), and each drop carries its folder
relative to the inbox; hidden folders are never searched.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import os
import stat
import sys
import threading
import time
from collections import deque
from dataclasses import dataclass, field
from pathlib import Path

from watchdog.events import (
    DirCreatedEvent,
    DirMovedEvent,
    FileClosedEvent,
    FileCreatedEvent,
    FileModifiedEvent,
    FileMovedEvent,
    FileSystemEvent,
    FileSystemEventHandler,
)
from watchdog.observers import Observer
from watchdog.observers.polling import PollingObserver

from ..logs import get_logger
from ..models import Drop
from ..settings import Settings
from ..timelimit import size_refusal
from .ledger import CLAIMED, DONE, DUPLICATE, FAILED, FINAL, QUEUED, VANISHED

log = get_logger(__name__)

_TEMP_SUFFIXES = (".part", ".tmp", ".partial", ".crdownload", ".swp", ".download", "~")


# Most pages (and bytes of them) one batch of messages holds before it is sent.
_BATCH_PAGES = 100
_BATCH_BYTES = 16_000_000

# Where pages are held when the state folder is on another filesystem than the inbox.
FALLBACK_HOLDING = ".pagemill-processing"

# The only events the handler acts on. Asked of the OS by name (inotify's mask), so opens, closes
# without a write and deletes are never queued: a page written in place costs three events instead of
# four, and the kernel's event queue, which drops events when it overflows, fills that much later.
_EVENTS = [FileCreatedEvent, FileModifiedEvent, FileClosedEvent, FileMovedEvent, DirCreatedEvent, DirMovedEvent]


def holding_folders(settings: Settings) -> list[Path]:
    """Every folder the watcher may hold taken pages in: the only places the writer takes originals from."""
    return [Path(settings.processing_dir).resolve(), Path(settings.inbox).resolve() / FALLBACK_HOLDING]


def _not_a_page(st: os.stat_result) -> tuple[str, str] | None:
    """Why an inbox entry is refused without being read (error code and message), or None for a regular file."""
    if stat.S_ISLNK(st.st_mode):
        return "symlink", "symbolic links are not followed: copy the page into the inbox instead"
    if stat.S_ISDIR(st.st_mode):
        return "directory", "a folder was dropped; drop the page files themselves, or set PAGEMILL_INBOX_RECURSIVE=true to take pages from subfolders"
    if not stat.S_ISREG(st.st_mode):
        return "not_a_file", "not a regular file"
    return None


def ignored(name: str) -> bool:
    """Hidden and temporary names are somebody's work in progress, not pages."""
    return name.startswith((".", "~")) or name.lower().endswith(_TEMP_SUFFIXES)


@dataclass
class _Pending:
    last_event: float
    closed: bool = False
    modified: bool = False
    moved_in: bool = False
    scanned: bool = False
    size: int = -1
    mtime: float = -1.0
    stable_since: float = field(default_factory=time.monotonic)


class _Handler(FileSystemEventHandler):
    def __init__(self, watcher: Watcher) -> None:
        self.w = watcher

    def on_any_event(self, event: FileSystemEvent) -> None:
        kind = event.event_type
        if event.is_directory and self.w.recursive:
            # A folder moved or created in the inbox is searched at once (whatever was inside before
            # its watch began sends no events). Its other events only echo its files' own, and a
            # folder noted as a page could end as a false "vanished" record when renamed.
            if kind in ("moved", "created"):
                self.w.scan_folder(os.fsdecode(event.dest_path or event.src_path) if kind == "moved" else os.fsdecode(event.src_path))
            return
        if kind == "moved":
            if event.dest_path:  # empty for a page moved out (our own take, with full events)
                self.w.note(os.fsdecode(event.dest_path), moved_in=True)
        elif kind in ("created", "modified", "closed"):
            self.w.note(os.fsdecode(event.src_path), closed=kind == "closed", modified=kind == "modified")


class Watcher:
    """Runs the observer plus one thread that takes ready pages and queues them.

    ``submit(drop, data)`` queues a taken page; ``reject(drop, code, message)``
    records one that cannot be processed. Both are given by the caller so this
    module knows nothing of Celery. ``batch()``, when given, is a context in
    which the submits of one pass are sent together when it ends (one round
    trip to the broker for all of them); it raises there if they could not be.
    """

    def __init__(self, settings: Settings, ledger, submit, reject, idle=None, batch=None) -> None:
        self.s = settings
        self.ledger, self.submit, self.reject = ledger, submit, reject
        self.batch = batch or contextlib.nullcontext
        # idle(): True when the broker holds no message at all; lets the sweep
        # find held pages whose message was lost, and queue them again.
        self.idle = idle
        self._suspects: set[str] = set()
        self._heal_suspects: dict[str, tuple] = {}
        # Only Linux (inotify) tells when a writer closes a file; elsewhere, and
        # when polling, a file is ready once its size and mtime stop changing.
        self._close_events = sys.platform.startswith("linux") and not settings.watch_polling
        self.inbox = Path(settings.inbox).resolve()
        self.recursive = settings.inbox_recursive
        self.processing = self._processing_dir(Path(settings.processing_dir).resolve())
        self._pending: dict[str, _Pending] = {}
        self._lock = threading.Lock()
        self._stop = threading.Event()
        # Set when a page is renamed or moved in: it is ready at once, so the loop need not finish its nap.
        self._wake = threading.Event()
        self._retry: deque[tuple[Drop, float]] = deque()
        # Paths taken lately, so their trailing events are not mistaken for new pages that vanished.
        self._taken: dict[str, float] = {}
        self._observer = None
        self._thread: threading.Thread | None = None
        self.taken = 0

    def _processing_dir(self, preferred: Path) -> Path:
        """Where taken pages are held: it must be on the inbox's filesystem, since taking is a rename."""
        self.inbox.mkdir(parents=True, exist_ok=True)
        preferred.mkdir(parents=True, exist_ok=True)
        if os.stat(preferred).st_dev == os.stat(self.inbox).st_dev:
            return preferred
        fallback = self.inbox / FALLBACK_HOLDING  # hidden, so never taken as a page
        log.warning(
            "state folder is on another filesystem than the inbox; holding pages in the inbox's hidden folder",
            state=str(preferred), holding=str(fallback),
        )
        return fallback

    # --- events ----------------------------------------------------------------

    def folder_of(self, path: Path) -> str | None:
        """The drop's folder relative to the inbox ('' directly in it); None when not ours to take."""
        try:
            rel = path.relative_to(self.inbox)
        except ValueError:
            return None
        if not rel.parts or any(ignored(part) for part in rel.parts):
            return None  # hidden or temporary, at any level (our own holding folder included)
        if len(rel.parts) > 1 and not self.recursive:
            return None
        return "/".join(rel.parts[:-1])

    def note(self, path: str, *, closed: bool = False, modified: bool = False, moved_in: bool = False, scanned: bool = False) -> None:
        p = Path(path)
        if self.folder_of(p) is None:
            return
        now = time.monotonic()
        lost_close = False
        with self._lock:
            entry = self._pending.get(path)
            if entry is None:
                entry = self._pending[path] = _Pending(last_event=now, scanned=scanned)
            if not scanned:
                # A live event outranks a scan: the file is being written now.
                entry.last_event, entry.scanned = now, False
            elif not entry.scanned and entry.modified and not entry.closed and min(now - entry.last_event, now - entry.stable_since) >= self.s.sweep_interval:
                # Waiting for a close that a whole sweep interval without an event or a change of size or
                # mtime says will not come: the OS drops events when its queue overflows (a burst of
                # thousands of pages), and a page stuck here was never taken. From now on it is ready as a
                # scanned page is, once its size and mtime hold.
                entry.scanned = lost_close = True
            if modified:
                # Written to again after a close: its writer has it open once more, so wait for that close too.
                entry.closed = False
            entry.closed |= closed
            entry.modified |= modified
            entry.moved_in |= moved_in
        if moved_in:
            self._wake.set()
        if lost_close:
            log.warning(
                "no close seen for a page written in place; the OS may have dropped events; taking it once it is unchanged",
                filename=p.name, quiet_seconds=round(now - entry.last_event, 1),
            )

    def scan(self) -> int:
        """Note every candidate in the inbox (start-up and the periodic sweep)."""
        return self.scan_folder(str(self.inbox))

    def scan_folder(self, folder: str) -> int:
        n = 0
        try:
            it = os.scandir(folder)
        except (FileNotFoundError, NotADirectoryError):
            return 0
        with it:
            for entry in it:
                if ignored(entry.name):
                    continue
                if self.recursive and entry.is_dir(follow_symlinks=False):
                    n += self.scan_folder(entry.path)  # searched, never taken itself
                else:
                    self.note(entry.path, scanned=True)
                    n += 1
        return n

    # --- lifecycle ---------------------------------------------------------------

    def start(self) -> None:
        self.inbox.mkdir(parents=True, exist_ok=True)
        self.processing.mkdir(parents=True, exist_ok=True)
        self.recover()
        self._observer = self._make_observer()
        self._observer.schedule(_Handler(self), str(self.inbox), recursive=self.recursive, event_filter=_EVENTS)
        self._observer.start()
        found = self.scan()
        self._thread = threading.Thread(target=self._loop, name="pagemill-watcher", daemon=True)
        self._thread.start()
        log.info("watching inbox", inbox=str(self.inbox), polling=self.s.watch_polling, subfolders=self.recursive, already_there=found)

    def stop(self) -> None:
        self._stop.set()
        self._wake.set()
        if self._observer is not None:
            self._observer.stop()
            self._observer.join(timeout=5)
        if self._thread is not None:
            self._thread.join(timeout=10)

    def _make_observer(self):
        if self.s.watch_polling:
            return PollingObserver(timeout=self.s.poll_interval)
        if not sys.platform.startswith("linux"):
            return Observer()
        from watchdog.observers.inotify import InotifyObserver
        from watchdog.observers.inotify_buffer import InotifyBuffer

        # watchdog holds an unpaired "moved from" for 0.5 s to pair it, and every
        # later event waits behind it. Each page we take is such a move (out of
        # the inbox), so with the default every page after the first waited
        # ~0.5 s (measured: rename-in p50 518 -> 92 ms). Renames within the
        # inbox still pair within 10 ms.
        InotifyBuffer.delay = 0.01
        # Full events: a page moved in from another folder is reported as a
        # move (taken at once), not as a creation (which waits to settle).
        return InotifyObserver(generate_full_events=True)

    def recover(self) -> None:
        """Re-queue pages that were taken but never queued (the watcher died in between)."""
        for held in sorted(self.processing.glob("*.page")):
            drop_id = held.stem
            info = self.ledger.get_drop(drop_id)
            if info.get("status", CLAIMED) != CLAIMED:
                continue
            drop = Drop(drop_id=drop_id, filename=info.get("filename") or held.name, held_at=str(held), folder=info.get("folder"), retry_of=info.get("retry_of"))
            log.info("re-queueing page taken before a restart", filename=drop.filename, document_id=drop_id)
            self._queue(drop)

    def reconcile(self) -> int:
        """Queue again held pages that have no outcome and no message left anywhere.

        A message can still vanish in a crash (the broker's transport has a
        short window between taking a message and recording it as held by a
        worker). When the broker holds no message at all, yet a page we took
        has no outcome, its message is gone. Such a page is queued again only
        when two sweeps in a row agree; should both copies ever run, the writer
        keeps one outcome per drop.
        """
        if self.idle is None or not self.idle():
            self._suspects = set()
            return 0
        stale = set()
        for held in self.processing.glob("*.page"):
            status = self.ledger.get_drop(held.stem).get("status")
            if status not in FINAL:
                stale.add(held.stem)
        confirmed, self._suspects = stale & self._suspects, stale
        for drop_id in sorted(confirmed):
            if not self.idle():
                break
            info = self.ledger.get_drop(drop_id)
            held = self.processing / f"{drop_id}.page"
            if info.get("status") in FINAL or not held.exists():
                continue
            log.warning("re-queueing a page whose message was lost", filename=info.get("filename"), document_id=drop_id)
            self._queue(Drop(drop_id=drop_id, filename=info.get("filename") or held.name, held_at=str(held), folder=info.get("folder"), retry_of=info.get("retry_of")))
        return len(confirmed)

    def heal_ledger(self) -> int:
        """Close ledger entries left open by a crash, with the status they really have.

        An entry stays "queued" or "processing" until the writer closes it. A
        crash can leave one open for good: the watcher claimed a page and died
        before taking it (the page was taken again under a new drop id), or the
        writer filed a page and died before recording its status. An open entry
        whose page is no longer held is closed: with its outcome's status when
        the outbox has one, else as vanished. Only when two sweeps in a row
        find it the same, so a writer that is filing the page right now is never
        raced.
        """
        if not hasattr(self.ledger, "open_ids"):
            return 0
        unheld = [d for d in sorted(self.ledger.open_ids()) if not (self.processing / f"{d}.page").exists()]
        candidates = {d: (info.get("status"), info.get("updated")) for d, info in self.ledger.drops(unheld).items()}
        confirmed = {d for d, seen in candidates.items() if self._heal_suspects.get(d) == seen}
        self._heal_suspects = {d: seen for d, seen in candidates.items() if d not in confirmed}
        if not confirmed:
            return 0
        outbox = Path(self.s.outbox)
        names = {e.name for e in os.scandir(outbox)} if outbox.is_dir() else set()
        for drop_id in sorted(confirmed):
            info = self.ledger.get_drop(drop_id)
            if info.get("status") in FINAL or (self.processing / f"{drop_id}.page").exists():
                continue
            status, outcome = self._outcome_of(drop_id, info, names)
            fields = {"status": status, "finished": time.time()}
            if outcome:
                fields["outcome"] = outcome
            else:
                fields["error"] = "vanished: held nowhere and no outcome (left open by a crash); healed by the sweep"
            self.ledger.set_drop(drop_id, **fields)
            log.warning("healed a ledger entry left open by a crash", document_id=drop_id, filename=info.get("filename"), status=status, outcome=outcome)
        return len(confirmed)

    def _outcome_of(self, drop_id: str, info: dict, names: set[str]) -> tuple[str, str | None]:
        for name in names:
            if name.endswith(f".{drop_id}.error.json"):
                return FAILED, name
            if name.endswith(f".{drop_id}.duplicate.json"):
                return DUPLICATE, name
        claim = self.ledger.content_claim(info["sha256"]) if info.get("sha256") else None
        if claim and claim.get("drop_id") == drop_id and claim.get("record") in names:
            return DONE, claim["record"]
        return VANISHED, None

    # --- the loop ------------------------------------------------------------------

    def _loop(self) -> None:
        last_sweep = time.monotonic()
        while not self._stop.is_set():
            now = time.monotonic()
            if now - last_sweep >= self.s.sweep_interval:
                last_sweep = now
                try:
                    self.scan()
                    self.reconcile()
                    self.heal_ledger()
                except Exception as exc:  # noqa: BLE001 - a failed sweep is retried at the next one
                    log.error("inbox sweep failed", error=str(exc))
            ready = self._ready(now)
            if ready:
                try:
                    self._take_all(ready)
                except Exception as exc:  # noqa: BLE001 - e.g. the broker is away: the pages stay put, the sweep retries
                    log.error("could not take pages; will retry", paths=ready[:10], count=len(ready), error=str(exc))
            if len(self._taken) > 10_000 or (self._taken and now - next(iter(self._taken.values())) > 60):
                self._taken = {k: t for k, t in self._taken.items() if now - t < 60}
            self._retry_failed(now)
            # Pages written in place are checked every 50 ms (they wait to settle anyway); a page renamed or
            # moved in wakes the loop at once (with a 5 ms grace, so a batch of renames is taken in one pass):
            # the nap was half of a renamed page's wait in the watcher.
            if self._wake.wait(0.05) and not self._stop.is_set():
                self._stop.wait(0.005)
            self._wake.clear()

    def _ready(self, now: float) -> list[str]:
        ready: list[str] = []
        with self._lock:
            items = list(self._pending.items())
        for path, p in items:
            try:
                st = os.lstat(path)
            except FileNotFoundError:
                with self._lock:
                    self._pending.pop(path, None)
                # A late event for a page we already took is not a vanished page.
                if not p.scanned and path not in self._taken:
                    self._vanished(Drop(filename=Path(path).name))
                    # Its writer's close can come after the delete (a file unlinked while open): that event is
                    # this page's too, not another page that vanished (it gave a second error record).
                    self._taken[path] = now
                continue
            if self._is_ready(p, st, now):
                ready.append(path)
        with self._lock:
            for path in ready:
                self._pending.pop(path, None)
        return ready

    def _is_ready(self, p: _Pending, st: os.stat_result, now: float) -> bool:
        settled = now - p.last_event >= self.s.settle_seconds
        if p.moved_in:
            return True  # a rename lands a whole file at once
        if not stat.S_ISREG(st.st_mode):
            return settled  # folders and links are refused, once they stop changing
        # Size and mtime are followed even while waiting for a close: should the close be lost, the sweep
        # needs to know the file has stopped changing (note()).
        changed = (st.st_size, st.st_mtime) != (p.size, p.mtime)
        if changed:
            p.size, p.mtime, p.stable_since = st.st_size, st.st_mtime, now
        if self._close_events and not p.scanned and p.modified and not p.closed:
            return False  # written in place and still open: wait for its writer to close it
        # Closed, created with no writes seen (renamed in from outside the inbox,
        # which the OS reports as a creation), or found by a scan: take it once
        # its size and mtime have stayed the same for settle_seconds. A close is
        # not enough: `echo line >> page.txt` once a second closes it every time.
        if changed:
            return False
        # An empty file may still be about to be written; give its writer longer.
        quiet = self.s.settle_seconds if st.st_size else max(self.s.settle_seconds, 5.0)
        return settled and now - p.stable_since >= quiet

    def _take_all(self, paths: list[str]) -> None:
        """Take every page that is ready, with the broker's round trips shared by all of them.

        In a burst one pass finds many pages: each used to cost four round
        trips (claim, mark queued, its message, Celery's "sent" event), each a
        write the broker syncs to disk. Now a pass costs three whatever its
        size (up to 100 pages or 16 MB of them per batch of messages): the
        claims, the "queued" marks, and the messages with their events. The order per page is unchanged (claimed before it leaves the
        inbox, marked queued before its message exists), so a crash at any
        point leaves what recover(), reconcile() and heal_ledger() already mend.
        """
        claims: list[tuple[str, Path, Drop]] = []
        for path in paths:
            src = Path(path)
            try:
                drop = Drop(filename=src.name, folder=self.folder_of(src))
                st = os.lstat(src)
            except FileNotFoundError:
                continue
            except ValueError as exc:  # one page the model will not take must not hold up the rest of the pass
                log.error("could not take page; will retry at the next sweep", path=path, error=str(exc))
                continue
            if self.recursive and stat.S_ISDIR(st.st_mode):
                self.scan_folder(path)
            elif refusal := _not_a_page(st):
                self._refuse(src, drop, *refusal)
            else:
                claims.append((path, src, drop))
        if not claims:
            return
        received = time.time()
        try:
            self.ledger.set_drops({
                drop.drop_id: {"status": CLAIMED, "filename": drop.filename, "received": received, "folder": drop.folder}
                for _, _, drop in claims
            })
        except Exception as exc:  # broker down: leave the pages in the inbox, the sweep retries them
            log.error("could not take pages; will retry", filenames=[d.filename for _, _, d in claims][:10], count=len(claims), error=str(exc))
            return
        taken: list[Drop] = []
        for path, src, drop in claims:
            held = self.processing / f"{drop.drop_id}.page"
            try:
                os.rename(src, held)
            except FileNotFoundError:
                self._vanished(drop)
                self._taken[path] = time.monotonic()  # as in _ready: a late event is not another page
                continue
            except OSError as exc:  # its claim stays open with no held page: heal_ledger closes it
                log.error("could not take page; will retry", filename=drop.filename, error=str(exc))
                continue
            drop.held_at = str(held)
            self.taken += 1
            self._taken[path] = time.monotonic()
            taken.append(drop)
        self._queue_all(taken)

    def _read_held(self, drop: Drop) -> bytes | None:
        """The held page's bytes; None when it was refused instead (an error record is on its way)."""
        held = Path(drop.held_at)
        try:
            st = os.lstat(held)
            # Re-queued after a restart or a lost message, a held entry can be one
            # taken to be refused: never read through a link (or a folder, a pipe).
            if refusal := _not_a_page(st):
                self.ledger.set_drop(drop.drop_id, status=QUEUED)
                self.reject(drop, *refusal)
                return None
            size = st.st_size
            drop.size_bytes = size
            # The file limit is known from the size alone, so an oversized file is never read; the page limit
            # needs the first bytes (a PDF's or Word file's text is bounded once read out of it).
            refusal = size_refusal(b"", size, None, self.s.max_file_bytes)
            if refusal is None:
                data = held.read_bytes()
                refusal = size_refusal(data, size, self.s.max_page_bytes, None)
            if refusal:
                self.ledger.set_drop(drop.drop_id, status=QUEUED)
                self.reject(drop, "too_large", refusal)
                return None
        except OSError as exc:
            self.ledger.set_drop(drop.drop_id, status=QUEUED)
            self.reject(drop, "unreadable", f"could not read the file: {exc.strerror or exc}")
            return None
        drop.sha256 = hashlib.sha256(data).hexdigest()
        return data

    def _queue(self, drop: Drop) -> None:
        self._queue_all([drop])

    def _queue_all(self, drops: list[Drop]) -> None:
        # Sent in chunks: a batch holds its pages' bytes (and their messages) until it is sent, and a
        # burst of big files must not all be in memory at once.
        chunk: list[tuple[Drop, bytes]] = []
        held_bytes = 0
        for drop in drops:
            data = self._read_held(drop)
            if data is None:
                continue
            chunk.append((drop, data))
            held_bytes += len(data)
            if held_bytes >= _BATCH_BYTES or len(chunk) >= _BATCH_PAGES:
                self._send(chunk)
                chunk, held_bytes = [], 0
        if chunk:
            self._send(chunk)

    def _send(self, ready: list[tuple[Drop, bytes]]) -> None:
        try:
            # Marked queued first: a page can reach its outcome before its message is even
            # acknowledged, and a later "queued" must not overwrite it. Should the send fail,
            # the retry below (or the reconciliation sweep) still queues it.
            self.ledger.set_drops({d.drop_id: {"status": QUEUED, "sha256": d.sha256, "size": d.size_bytes} for d, _ in ready})
            with self.batch():
                for drop, data in ready:
                    self.submit(drop, base64.b64encode(data).decode("ascii"))
        except Exception as exc:  # noqa: BLE001 - broker unreachable: keep them and retry (a page sent twice still gets one outcome)
            log.error("could not queue pages; will retry", filenames=[d.filename for d, _ in ready][:10], count=len(ready), error=str(exc))
            self._retry.extend((drop, time.monotonic() + 2.0) for drop, _ in ready)
            return
        for drop, _ in ready:
            # With the worker's "received" line, this tells a page's wait in the watcher from its wait in the queue.
            log.info("page queued", filename=drop.filename, document_id=drop.drop_id, size_bytes=drop.size_bytes)

    def _retry_failed(self, now: float) -> None:
        due = []
        for _ in range(len(self._retry)):
            drop, when = self._retry.popleft()
            if when > now:
                self._retry.append((drop, when))
            else:
                due.append(drop)
        if due:
            self._queue_all(due)

    def _vanished(self, drop: Drop) -> None:
        self.ledger.set_drop(drop.drop_id, status=CLAIMED, filename=drop.filename, received=time.time())
        self.ledger.set_drop(drop.drop_id, status=QUEUED)
        self.reject(drop, "vanished", "the file was removed from the inbox before pagemill could read it; drop it again to process it")

    def _refuse(self, src: Path, drop: Drop, code: str, message: str) -> None:
        held = self.processing / f"{drop.drop_id}.page"
        try:
            self.ledger.set_drop(drop.drop_id, status=CLAIMED, filename=drop.filename, received=time.time())
            os.rename(src, held)
            drop.held_at = str(held)
        except OSError as exc:
            log.error("could not take refused entry", filename=drop.filename, error=str(exc))
            return
        self.ledger.set_drop(drop.drop_id, status=QUEUED)
        self.reject(drop, code, message)
