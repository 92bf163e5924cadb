"""Commands for programs downstream: ``pagemill follow``, ``pagemill hooks``, ``pagemill sink``.

They read the feed (workers/edges/feed.py) with the broker URL only; they are
registered on the main command in ``workers/cli.py``.
"""

from __future__ import annotations

import json
import signal
import sys

import click

from .settings import get_settings


def entry_line(entry, outbox) -> dict:
    """One outcome as `pagemill follow --json` and `/feed` print it (``replaces`` only on a retried page's)."""
    line = {
        "seq": entry.seq,
        "kind": entry.kind,
        "id": entry.id,
        "filename": entry.filename,
        "path": str(outbox / entry.path),
        "time": entry.written_at.isoformat().replace("+00:00", "Z"),
        "drop_id": entry.drop_id,
    }
    if entry.replaces:
        line["replaces"] = str(outbox / entry.replaces)
    return line


def _stop_quietly(*_):
    raise KeyboardInterrupt


@click.command()
@click.option("--after", type=click.IntRange(min=0), default=0, show_default=True,
              help="Start after this sequence number (0: from the beginning).")
@click.option("--json", "as_json", is_flag=True, help="One JSON line per outcome: seq, kind, id, filename, path, time, drop_id (and replaces, on a retried page's).")
@click.option("--once", is_flag=True, help="Print what the feed holds now and exit, instead of following it.")
def follow(after: int, as_json: bool, once: bool) -> None:
    """Print every outcome in feed order and keep following, like `tail -f`. Needs only the broker URL.

    Following, it waits out the broker restarting (saying so on stderr); with --once a broker that does not answer is an error.
    """
    from .edges.feed import Feed, FeedReader

    s = get_settings()
    feed = Feed(s.effective_broker_url, socket_timeout=60)
    outbox = s.outbox.resolve()
    signal.signal(signal.SIGTERM, _stop_quietly)
    if not outbox.is_dir():
        # The feed holds each outcome's file name; its folder is this host's PAGEMILL_OUTBOX.
        click.echo(f"note: the outbox {outbox} (PAGEMILL_OUTBOX) is not a folder here, so the paths printed do not exist; "
                   "set PAGEMILL_OUTBOX to the writer's outbox (an absolute path) to get paths that do", err=True)
    reader = FeedReader(feed, say=lambda _level, message: click.echo(message, err=True), follow=not once, wait=5.0, batch=500)
    try:
        for entry, _body in reader.entries(reader.start(after)):
            line = entry_line(entry, outbox)
            if as_json:
                click.echo(json.dumps(line, ensure_ascii=False))
            else:
                click.echo(f"{entry.seq:>8}  {line['time'][:19]}  {entry.kind:<9}  {entry.filename}  ->  {line['path']}"
                           + (f"  (replaces {line['replaces']})" if entry.replaces else ""))
            sys.stdout.flush()
    except KeyboardInterrupt:
        pass


@click.command()
def hooks() -> None:
    """Run the hooks (PAGEMILL_ON_OUTCOME, PAGEMILL_WEBHOOK_URL) for every outcome, from the feed. `pagemill up` starts it when one is set."""
    from .edges.hooks import run_hooks
    from .logs import configure

    s = get_settings()
    configure(s.log_level, s.log_format)
    run_hooks(s)


@click.command()
@click.argument("url", required=False)
@click.option("--batch", type=click.IntRange(min=1), default=200, show_default=True, help="Outcomes written per transaction (1 or more).")
@click.option("--once", is_flag=True, help="Catch up with the feed and exit, instead of following it.")
def sink(url: str | None, batch: int, once: bool) -> None:
    """Follow the feed into PostgreSQL (URL like postgres://user@host/db; default PAGEMILL_SINK_URL).

    Creates its tables on first run; writes each outcome once, keyed by id, with its cursor in the same transaction.
    """
    from .edges.sink import run_sink
    from .logs import configure

    s = get_settings()
    configure(s.log_level, s.log_format)
    url = url or s.sink_url
    if not url:
        raise click.UsageError("give a postgres:// URL, or set PAGEMILL_SINK_URL")
    run_sink(s.effective_broker_url, url, batch=batch, once=once)
