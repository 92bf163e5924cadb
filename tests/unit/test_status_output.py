"""`pagemill status` into a pipe or file: one unbroken line per page, whatever its name's length."""

import io

from workers.service.status import console, render


def _snap(name: str) -> dict:
    page = {"drop_id": "d1", "filename": name, "status": "done", "received": 1_700_000_000.0, "seconds": 1.2,
            "final": True, "outcome": f"{name}.pm-0123456789abcdef.json", "error": None}
    counts = {"queued": 0, "processing": 0, "done": 1, "reprocessed": 0, "duplicate": 0, "failed": 0}
    return {"counts": counts, "finished_per_minute": 1.0, "arrived_per_minute": 1.0, "generated_at": "2026-01-01T00:00:00Z",
            "latency": {"p50_at_most": 1.0, "p95_at_most": 2.0, "count": 1}, "pages": [page]}


def test_status_not_on_a_terminal_keeps_each_page_on_one_line():
    name = "quarterly-harbour-authority-report-" + "x" * 120 + ".txt"
    out = io.StringIO()
    console(out).print(render(_snap(name)), crop=False)
    lines = [line for line in out.getvalue().splitlines() if name in line]
    assert len(lines) == 1, out.getvalue()
    assert f"{name}.pm-0123456789abcdef.json" in lines[0]
