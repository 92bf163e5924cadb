"""``pagemill process``: the stages over files in this process (or a few), no broker.

Writes exactly what the service writes, through the same :class:`Outbox`, but
leaves the originals where they are.
"""

from __future__ import annotations

import hashlib
import os
from collections import Counter, defaultdict
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from ..models import Drop, Record
from .ledger import MemoryLedger
from .outbox import Outbox, record_name, safe_stem
from .replace import read_outcome
from .watcher import _not_a_page, ignored


#: The endings a folder search takes as pages (workers/data/page_suffixes.txt), in that file's order: what
#: ``pagemill process --help`` lists.
PAGE_SUFFIX_LIST = tuple(
    dict.fromkeys(
        line.strip().lower()
        for line in (Path(__file__).parent.parent / "data" / "page_suffixes.txt").read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    )
)
PAGE_SUFFIXES = frozenset(PAGE_SUFFIX_LIST)


@dataclass
class Found:
    """What a search of the given paths found: the pages, and what it passed over (for the message)."""

    files: list[Path] = field(default_factory=list)
    skipped: Counter = field(default_factory=Counter)
    # A page found in a subfolder of a folder searched: that subfolder, as the service's source.folder.
    folders: dict[Path, str] = field(default_factory=dict)


def find_pages(paths: list[Path], *, recursive: bool = True) -> Found:
    """Files named are taken as they are; folders are searched (and their subfolders, unless
    ``recursive`` is off) for files ending in a page suffix. Hidden and temporary names, and
    everything inside hidden folders, are somebody's work in progress and never taken."""
    found = Found()
    # A file reached twice (named twice, named and inside a folder searched, two folders of which one holds the
    # other, a link to it) is one page: taken once, where it was first reached.
    seen: set[Path] = set()

    def take(f: Path) -> bool:
        key = f.resolve()
        if key in seen:
            return False
        seen.add(key)
        found.files.append(f)
        return True

    for p in paths:
        if not p.is_dir():
            take(p)
            continue
        candidates = p.rglob("*") if recursive else p.iterdir()
        for c in sorted(candidates):
            rel = c.relative_to(p).parts
            if any(ignored(part) for part in rel) or not c.is_file():
                continue
            if c.suffix.lower() in PAGE_SUFFIXES:
                if take(c) and len(rel) > 1:
                    found.folders[c] = "/".join(rel[:-1])
            else:
                found.skipped[c.suffix.lower() or "(no ending)"] += 1
    return found


def expand(paths: list[Path], *, recursive: bool = True) -> list[Path]:
    return find_pages(paths, recursive=recursive).files


class NotAFile(Exception):
    """A path that is not a regular file (a named pipe, a device, a socket): never read."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(code, message)
        self.code, self.message = code, message


def read_regular_file(path: Path) -> bytes:
    """The bytes of the regular file at ``path`` (a link to one is followed: the user named it).

    Anything else raises :class:`NotAFile` with the service's error code and message for it: reading a named
    pipe waits for a writer that may never come (``pagemill process`` hung on one for good), and a device
    such as ``/dev/zero`` never ends. Opened without blocking and checked again once open, so a file
    swapped for a pipe in between is refused too.
    """
    if refusal := _not_a_page(os.stat(path)):
        raise NotAFile(*refusal)
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    try:
        if refusal := _not_a_page(os.fstat(fd)):
            raise NotAFile(*refusal)
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        with os.fdopen(fd, "rb", closefd=False) as f:
            return f.read()
    finally:
        os.close(fd)


#: Pages at least this big say on stderr which stage they are in (``pagemill process`` shows progress).
BIG_PAGE_BYTES = 256_000


def _one(args: tuple[str, int | None, str | None, int | None, bool]) -> tuple[str, str | None, tuple[str, str, str] | None, dict]:
    """Worker side: path -> (path, record json, error, drop json)."""
    import sys
    import time

    from ..settings import get_settings
    from ..stages import PageRejected, process_bytes
    from ..timelimit import ERROR_CODE, PageTimeLimit, page_deadline, too_large_message

    path_s, (max_bytes, max_file_bytes), folder, time_limit, progress = args
    path = Path(path_s)
    drop = Drop(filename=path.name, received_at=datetime.now(timezone.utc), folder=folder)
    try:
        data = read_regular_file(path)
    except NotAFile as exc:
        # As the service refuses such an inbox entry: an error record, never a read that waits for a writer.
        return path_s, None, ("intake", exc.code, exc.message), drop.model_dump(mode="json")
    except OSError as exc:
        return path_s, None, ("intake", "unreadable", f"could not read the file: {exc.strerror or exc}"), drop.model_dump(mode="json")
    drop.size_bytes, drop.sha256 = len(data), hashlib.sha256(data).hexdigest()
    current = ["intake"]
    t0 = time.monotonic()

    def on_stage(name: str) -> None:
        current[0] = name
        if progress and len(data) >= BIG_PAGE_BYTES:
            print(f"{path.name} ({len(data) / 1000:,.0f} KB): {name} ... ({time.monotonic() - t0:.1f} s so far)", file=sys.stderr, flush=True)

    if time_limit:
        from ..stages.annotate import load_model

        load_model()  # once per process, outside the page's time: the service's workers load it before any page too
    try:
        with page_deadline(time_limit):
            record = process_bytes(data, drop.filename, received_at=drop.received_at, max_bytes=max_bytes, max_file_bytes=max_file_bytes, on_stage=on_stage)
        record.source.folder = drop.folder
    except PageRejected as exc:
        return path_s, None, ("intake", exc.code, exc.message), drop.model_dump(mode="json")
    except PageTimeLimit:
        # The same outcome as in the service: an error record, and the batch goes on.
        message = too_large_message(current[0], get_settings().task_time_limit, len(data))
        return path_s, None, (current[0], ERROR_CODE, message), drop.model_dump(mode="json")
    except Exception as exc:  # noqa: BLE001 - one bad page must not stop a backfill
        return path_s, None, ("process", "stage_error", f"{type(exc).__name__}: {exc}".splitlines()[0][:500]), drop.model_dump(mode="json")
    # The record's JSON bytes: cheaper to pickle back to the parent than a dict of every entity.
    return path_s, record.json_bytes(), None, drop.model_dump(mode="json")


#: What a kept error record or duplicate note is matched on: the keys read of it, at any depth.
_EARLIER_KEYS = frozenset({"kind", "filename", "folder", "sha256", "stage", "error", "message", "source", "record"})


class EarlierOutcomes:
    """Error records and duplicate notes an earlier run left in the outbox, to keep rather than write again.

    Their names hold a drop id, new each run, so a run over the same inputs would add another of each; a
    file whose outcome is already there (the same file name, subfolder and content, and for an error the
    same stage, code and message) keeps it instead. Only files there when the run starts count, and each
    is matched to one file at most, so two files of a run never share one, as they never share one in the
    run that wrote them. Read lazily, by the name's stem: a big outbox costs one listing.
    """

    _SUFFIXES = {"error": ".error.json", "duplicate": ".duplicate.json"}

    def __init__(self, outbox: Path) -> None:
        self.outbox = outbox
        self._names: dict[tuple[str, str], list[str]] = defaultdict(list)
        try:
            entries = sorted(e.name for e in os.scandir(outbox) if not e.name.startswith("."))
        except OSError:
            entries = []
        for name in entries:
            for kind, suffix in self._SUFFIXES.items():
                if name.endswith(suffix):
                    # <stem>.<drop id>.<kind>.json: the drop id is hex, the stem may hold dots.
                    stem = name[: -len(suffix)].rpartition(".")[0]
                    self._names[(kind, stem)].append(name)
        self._read: dict[str, dict | None] = {}

    def _take(self, kind: str, filename: str, match) -> Path | None:
        names = self._names.get((kind, safe_stem(filename)))
        for i, name in enumerate(names or ()):
            if name not in self._read:
                self._read[name] = read_outcome(self.outbox / name, _EARLIER_KEYS)
            doc = self._read[name]
            if doc and doc.get("kind") == kind and match(doc):
                del names[i]
                return self.outbox / name
        return None

    def error(self, drop: Drop, stage: str, code: str, message: str) -> Path | None:
        """An earlier error record of this very file and failure, now spoken for; None when there is none."""
        want = {"filename": drop.filename, "folder": drop.folder, "sha256": drop.sha256, "stage": stage, "error": code, "message": message}
        return self._take("error", drop.filename, lambda doc: all(doc.get(k) == v for k, v in want.items()))

    def duplicate(self, drop: Drop, record: Record) -> Path | None:
        """An earlier duplicate note of this very file whose record is still there; None when there is none."""

        def match(doc: dict) -> bool:
            src = doc.get("source") or {}
            return (
                src.get("filename") == drop.filename and src.get("folder") == drop.folder
                and src.get("sha256") == record.source.sha256
                and bool(doc.get("record")) and (self.outbox / doc["record"]).is_file()
            )

        return self._take("duplicate", drop.filename, match)


def run_batch(
    paths: list[Path], outbox: Path, *, jobs: int = 1, max_bytes: int | None = None, max_file_bytes: int | None = None,
    progress: bool = True,
    recursive: bool = True, found: Found | None = None, mode: int | None = None, time_limit: int | None = None,
) -> dict[str, int]:
    """Every file to one outcome; ``time_limit`` seconds per page (the service's), after which the page
    gets a ``too_large_to_finish`` error record and the batch goes on.

    Counts: ``done`` (new records), ``reprocessed`` (older records replaced), ``unchanged`` (a record of this
    very pipeline version was already there and is kept as it is), ``duplicate``, ``failed``; of the last two,
    ``duplicate_kept`` and ``failed_kept`` were already there from an earlier run (the same file name,
    subfolder and content, and for an error the same failure) and are kept as they are, so running again
    over the same files writes nothing new."""
    found = found or find_pages(paths, recursive=recursive)
    files = found.files
    ledger = MemoryLedger()
    out = Outbox(outbox, ledger, mode=mode)
    earlier = EarlierOutcomes(out.outbox)
    counts = {"done": 0, "reprocessed": 0, "unchanged": 0, "duplicate": 0, "failed": 0, "duplicate_kept": 0, "failed_kept": 0}
    work = [(str(f), (max_bytes, max_file_bytes), found.folders.get(f), time_limit, progress) for f in files]

    def handle(result) -> None:
        path, record_json, error, drop_json = result
        drop = Drop.model_validate(drop_json)
        if error:
            stage, code, message = error
            if earlier.error(drop, stage, code, message):
                counts["failed"] += 1
                counts["failed_kept"] += 1
                return
            outcome = out.write_error(drop, stage=stage, error=code, message=message, original=Path(path))
            counts[outcome.status] += 1
            return
        record = Record.from_json(record_json)
        name = record_name(drop.filename, record.id)
        existing = read_outcome(out.outbox / name) if record.source.sha256 not in ledger.content else None
        if existing and existing.get("kind") == "record":
            # Never overwrite a record silently: the same version is kept as it is, an older one is replaced
            # and the new record says so (supersedes).
            if (existing.get("pipeline") or {}).get("version") == record.pipeline.version:
                ledger.claim_content(record.source.sha256, drop.drop_id, name, drop.filename)
                counts["unchanged"] += 1
                return
            ledger.claim_content(record.source.sha256, drop.drop_id, name, drop.filename)
            drop.replaces = name
        elif earlier.duplicate(drop, record):
            # Noted as a duplicate by an earlier run, and its record is still there: the note stands. (The
            # content is not claimed: a file that has that record, later in this run, keeps it.)
            counts["duplicate"] += 1
            counts["duplicate_kept"] += 1
            return
        outcome = out.write_record(drop, record, original=Path(path))
        counts[outcome.status] += 1

    if jobs > 1 and len(files) > 1:
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            _drive(pool.map(_one, work, chunksize=4), len(files), handle, progress)
    else:
        _drive(map(_one, work), len(files), handle, progress)
    return counts


def _drive(results, total: int, handle, progress: bool) -> None:
    if not progress or total < 2:
        for r in results:
            handle(r)
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    columns = (TextColumn("processing"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
    with Progress(*columns, console=Console(stderr=True)) as bar:
        task = bar.add_task("pages", total=total)
        for r in results:
            handle(r)
            bar.advance(task)
