"""``pagemill status``: the pages view's figures in a terminal, once or live."""

from __future__ import annotations

import time
from collections.abc import Callable

from rich.console import Group
from rich.table import Table
from rich.text import Text

from .pages import STATUSES, bucket_label, clock, human_seconds

STYLE = {"queued": "yellow", "processing": "blue", "done": "green", "reprocessed": "cyan", "duplicate": "white", "failed": "red", "retried": "magenta"}


def render(snap: dict) -> Group:
    c = snap["counts"]
    head = Text()
    for key in STATUSES:
        head.append(f"{c[key]} ", style=f"bold {STYLE[key]}")
        head.append(f"{key}   ")
    head.append(f"{snap['finished_per_minute']:.1f} ", style="bold")
    head.append(f"pages/min   {snap['arrived_per_minute']:.1f} arriving/min   ")
    lat = snap["latency"]
    head.append(f"median {bucket_label(lat['p50_at_most'], lat['count'])}, 95% {bucket_label(lat['p95_at_most'], lat['count'])}")
    table = Table(box=None, pad_edge=False, header_style="dim", expand=False)
    for col, kw in (("status", {}), ("page", {"overflow": "fold"}), ("arrived (UTC)", {"no_wrap": True}),
                    ("took", {"justify": "right", "no_wrap": True}), ("record or reason", {"overflow": "fold"})):
        table.add_column(col, **kw)
    for p in snap["pages"]:
        took = human_seconds(p["seconds"]) + ("" if p["final"] else " so far")
        if p["status"] == "retried":
            what = Text(f"retried; it had failed: {p['error'] or 'failed'}", style="dim")
        elif p["status"] == "failed":
            what = Text(p["error"] or "failed", style="red")
        elif p["outcome"]:
            what = Text(p["outcome"])
        elif p["status"] == "processing":
            what = Text("a worker is on it", style="dim")
        else:
            what = Text("waiting for a worker", style="dim")
        table.add_row(Text(p["status"], style=STYLE[p["status"]]), p["filename"], clock(p["received"]), took, what)
    if not snap["pages"]:
        return Group(head, Text("No pages yet. Drop one in the inbox.", style="dim"))
    return Group(head, Text(f"as of {snap['generated_at']}", style="dim"), table)


def console(stream=None):
    """A terminal gets rich's view at its width; a pipe or file gets one unbroken line per page
    (rich would otherwise assume 80 columns and fold file names mid-word, breaking grep and awk)."""
    import sys

    from rich.console import Console

    stream = stream or sys.stdout
    if stream.isatty():
        return Console(file=stream)
    return Console(file=stream, width=100_000, no_color=True, highlight=False)


def live(read: Callable[[], dict], interval: float) -> None:
    from rich.live import Live

    with Live(render(read()), auto_refresh=False, screen=False) as view:
        try:
            while True:
                time.sleep(interval)
                view.update(render(read()), refresh=True)
        except KeyboardInterrupt:
            pass
