"""A failed page sent through again (pagemill retry-failed) reads as retried, in the pages view and in status."""

import io
import time

from workers.service.pages import PAGE, bucket_label, clock, human_seconds, page_row
from workers.service.status import console, render


def _rows():
    now = time.time()
    old = {"drop_id": "old1", "filename": "dock.txt", "status": "retried", "received": str(now - 60), "finished": str(now - 50),
           "outcome": "dock.old1.error.json", "error": "too_large: file is 900 bytes", "retried_as": "new1"}
    new = {"drop_id": "new1", "filename": "dock.txt", "status": "done", "received": str(now - 5), "finished": str(now - 4),
           "outcome": "dock.pm-0123456789abcdef.json", "retry_of": "old1"}
    return [page_row(old, now), page_row(new, now)]


def _snap(rows):
    counts = {"queued": 0, "processing": 0, "done": 1, "reprocessed": 0, "duplicate": 0, "failed": 0}
    return {"counts": counts, "finished_per_minute": 0.0, "arrived_per_minute": 0.0, "generated_at": "2026-01-01T00:00:00Z",
            "rate_window_seconds": 300, "status_filter": None, "filter_scan": None,
            "latency": {"p50_at_most": None, "p95_at_most": None, "count": 0, "buckets": {}, "sum": 0.0}, "pages": rows, "hooks": []}


def test_a_retried_drop_is_final_and_not_failed_and_its_retry_is_marked():
    old, new = _rows()
    assert old["status"] == "retried" and old["final"] and old["retried_as"] == "new1"
    assert new["status"] == "done" and new["retry_of"] == "old1"


def test_the_pages_view_and_status_say_retried():
    snap = _snap(_rows())
    html = PAGE.generate(snap=snap, flower_url="http://x/tasks", refresh_ms=3000, human_seconds=human_seconds,
                         clock=clock, bucket_label=bucket_label).decode()
    assert 'class="badge retried"' in html and "(retry)" in html and "it had failed: too_large" in html
    out = io.StringIO()
    console(out).print(render(snap), crop=False)
    assert "retried" in out.getvalue() and "it had failed: too_large" in out.getvalue()
