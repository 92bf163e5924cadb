"""``pagemill process``: the stages over files in this process (or a few), no broker.

Writes exactly what the service writes, through the same :class:`Outbox`, but
leaves the originals where they are.
"""

from __future__ import annotations

import hashlib
from concurrent.futures import ProcessPoolExecutor
from datetime import datetime, timezone
from pathlib import Path

from ..models import Drop, Record
from .ledger import MemoryLedger
from .outbox import Outbox, record_name
from .replace import read_outcome
from .watcher import ignored


def expand(paths: list[Path]) -> list[Path]:
    files: list[Path] = []
    for p in paths:
        if p.is_dir():
            files += sorted(c for c in p.iterdir() if c.is_file() and not ignored(c.name))
        else:
            files.append(p)
    return files


def _one(args: tuple[str, int | None]) -> tuple[str, dict | None, tuple[str, str, str] | None, dict]:
    """Worker side: path -> (path, record json, error, drop json)."""
    from ..stages import PageRejected, process_bytes

    path_s, max_bytes = args
    path = Path(path_s)
    drop = Drop(filename=path.name, received_at=datetime.now(timezone.utc))
    try:
        data = path.read_bytes()
    except OSError as exc:
        return path_s, None, ("intake", "unreadable", f"could not read the file: {exc.strerror or exc}"), drop.model_dump(mode="json")
    drop.size_bytes, drop.sha256 = len(data), hashlib.sha256(data).hexdigest()
    try:
        record = process_bytes(data, path.name, received_at=drop.received_at, max_bytes=max_bytes)
    except PageRejected as exc:
        return path_s, None, ("intake", exc.code, exc.message), drop.model_dump(mode="json")
    except Exception as exc:  # noqa: BLE001 - one bad page must not stop a backfill
        return path_s, None, ("process", "stage_error", f"{type(exc).__name__}: {exc}".splitlines()[0][:500]), drop.model_dump(mode="json")
    return path_s, record.model_dump(mode="json"), None, drop.model_dump(mode="json")


def run_batch(
    paths: list[Path], outbox: Path, *, jobs: int = 1, max_bytes: int | None = None, progress: bool = True,
    mode: int | None = None,
) -> dict[str, int]:
    """Counts: ``done`` (new records), ``reprocessed`` (older records replaced), ``unchanged`` (a record of this
    very pipeline version was already there and is kept as it is), ``duplicate``, ``failed``."""
    files = expand(paths)
    ledger = MemoryLedger()
    out = Outbox(outbox, ledger, mode=mode)
    counts = {"done": 0, "reprocessed": 0, "unchanged": 0, "duplicate": 0, "failed": 0}
    work = [(str(f), max_bytes) for f in files]

    def handle(result) -> None:
        path, record_json, error, drop_json = result
        drop = Drop.model_validate(drop_json)
        if error:
            stage, code, message = error
            outcome = out.write_error(drop, stage=stage, error=code, message=message, original=Path(path))
            counts[outcome.status] += 1
            return
        record = Record.model_validate(record_json)
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
