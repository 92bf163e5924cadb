"""How the pages view turns ledger entries into what an operator reads."""

from __future__ import annotations

import json

from workers.service.pages import bucket_label, page_row, quantile, status_of


def test_status_follows_the_outcome_even_when_the_ledger_still_says_queued():
    assert status_of({"status": "queued", "outcome": "a.1.error.json", "error": "empty_file: x"}) == "failed"
    assert status_of({"status": "queued", "outcome": "a.1.duplicate.json"}) == "duplicate"
    assert status_of({"status": "queued", "outcome": "a.pm-1.json"}) == "done"
    assert status_of({"status": "queued", "started": "1.0"}) == "processing"
    assert status_of({"status": "claimed"}) == "queued"


def test_a_page_in_flight_shows_time_so_far_and_no_record_link():
    row = page_row({"drop_id": "d", "filename": "a.txt", "status": "queued", "received": "100.0", "started": "101"}, now=104.5)
    assert (row["status"], row["final"], row["seconds"], row["record_url"]) == ("processing", False, 4.5, None)


def test_an_outcome_name_that_could_leave_the_outbox_gets_no_link():
    for name in ("../etc/passwd.json", ".hidden.json", "a/b.json", "a.txt"):
        assert page_row({"drop_id": "d", "status": "done", "outcome": name}, now=0)["record_url"] is None, name


def test_percentiles_come_from_histogram_buckets_and_stay_valid_json():
    lat = {"buckets": {"0.5": 1, "1.0": 8, "5.0": 1, "+Inf": 0}, "count": 10}
    assert (quantile(lat, 0.5), quantile(lat, 0.95)) == (1.0, 5.0)
    slow = {"buckets": {"0.5": 0, "3600.0": 0, "+Inf": 3}, "count": 3}
    assert quantile(slow, 0.5) is None and json.dumps(quantile(slow, 0.5)) == "null"
    assert bucket_label(None, 3).startswith("> ") and bucket_label(None, 0) == "–"
    assert quantile({"buckets": {}, "count": 0}, 0.5) is None
