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
from .outbox import Outbox
from .watcher import ignored


def expand(paths: list[Path]) -> list[Path]:
    files: list[Path] = []
    for p in paths:
        if p.is_dir():
            files += sorted(c for c in p.iterdir() if c.is_file() and not ignored(c.name))
        else:
            files.append(p)
    return files


#: Pages at least this big say on stderr which stage they are in (``pagemill process`` shows progress).
BIG_PAGE_BYTES = 256_000


def _one(args: tuple[str, int | None, int | None, bool]) -> tuple[str, dict | None, tuple[str, str, str] | None, dict]:
    """Worker side: path -> (path, record json, error, drop json)."""
    import sys
    import time

    from ..settings import get_settings
    from ..stages import PageRejected, process_bytes
    from ..timelimit import ERROR_CODE, PageTimeLimit, page_deadline, too_large_message

    path_s, max_bytes, time_limit, progress = args
    path = Path(path_s)
    drop = Drop(filename=path.name, received_at=datetime.now(timezone.utc))
    try:
        data = path.read_bytes()
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
            record = process_bytes(data, path.name, received_at=drop.received_at, max_bytes=max_bytes, on_stage=on_stage)
    except PageRejected as exc:
        return path_s, None, ("intake", exc.code, exc.message), drop.model_dump(mode="json")
    except PageTimeLimit:
        # The same outcome as in the service: an error record, and the batch goes on.
        message = too_large_message(current[0], get_settings().task_time_limit, len(data))
        return path_s, None, (current[0], ERROR_CODE, message), drop.model_dump(mode="json")
    except Exception as exc:  # noqa: BLE001 - one bad page must not stop a backfill
        return path_s, None, ("pipeline", "stage_error", f"{type(exc).__name__}: {exc}".splitlines()[0][:500]), drop.model_dump(mode="json")
    return path_s, record.model_dump(mode="json"), None, drop.model_dump(mode="json")


def run_batch(
    paths: list[Path],
    outbox: Path,
    *,
    jobs: int = 1,
    max_bytes: int | None = None,
    progress: bool = True,
    time_limit: int | None = None,
) -> dict[str, int]:
    """Every file to one outcome; ``time_limit`` seconds per page (the service's), after which the page
    gets a ``too_large_to_finish`` error record and the batch goes on."""
    files = expand(paths)
    out = Outbox(outbox, MemoryLedger())
    counts = {"done": 0, "duplicate": 0, "failed": 0}
    work = [(str(f), max_bytes, time_limit, progress) for f in files]

    def handle(result) -> None:
        _path, record, error, drop_json = result
        drop = Drop.model_validate(drop_json)
        if error:
            stage, code, message = error
            outcome = out.write_error(drop, stage=stage, error=code, message=message)
        else:
            outcome = out.write_record(drop, Record.model_validate(record))
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
