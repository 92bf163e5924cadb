"""A retried page's new outcome says, before it is numbered in the feed, which error record it replaces.

The real outbox writer on real folders and the in-memory ledger; the feed is a stand-in that notes what the
drop's entry in the ledger (the hash the feed numbers it in) said at the moment the outcome was numbered.
"""

from __future__ import annotations

import json

from workers.edges.ledger import MemoryLedger
from workers.edges.outbox import Outbox, error_name
from workers.models import Drop
from workers.stages import process_bytes

PAGE = b"Mill Notes\n\nThe mill at Lowell reopened in October 2012.\n"


class NumberingFeed:
    """What Outbox needs of a Feed; keeps, per numbered drop, its ledger entry as it was when numbered."""

    lock_file = None

    def __init__(self, ledger: MemoryLedger) -> None:
        self.ledger, self.entries, self.seen = ledger, [], {}

    def append(self, *, kind, id, drop_id, filename, path, body) -> int:
        for seq, (_k, d, *_rest) in enumerate(self.entries, start=1):
            if d == drop_id:
                return seq
        self.entries.append((kind, drop_id, path, json.loads(body)))
        self.seen[drop_id] = self.ledger.get_drop(drop_id)
        return len(self.entries)

    def numbered(self, drop_id):
        for seq, (kind, d, path, _body) in enumerate(self.entries, start=1):
            if d == drop_id:
                return seq, kind, path
        return None


def _held(tmp_path, name, data, **kw) -> Drop:
    drop = Drop(filename=name, size_bytes=len(data), **kw)
    held = tmp_path / "processing" / f"{drop.drop_id}.page"
    held.parent.mkdir(exist_ok=True)
    held.write_bytes(data)
    return drop


def _setup(tmp_path):
    ledger = MemoryLedger()
    feed = NumberingFeed(ledger)
    out = Outbox(tmp_path / "out", ledger, feed=feed, processing=[tmp_path / "processing"], archive=tmp_path / "archive", failed=tmp_path / "failed")
    return ledger, feed, out


def _retry(ledger: MemoryLedger, tmp_path, failed: Drop, data: bytes = PAGE) -> Drop:
    # What `pagemill retry-failed` does to the ledger (workers/service/retry.py): the old drop is retried.
    new = _held(tmp_path, failed.filename, data, retry_of=failed.drop_id)
    ledger.set_drop(new.drop_id, status="claimed", retry_of=failed.drop_id)
    ledger.set_drop(failed.drop_id, status="retried", retried_as=new.drop_id)
    return new


def test_a_retried_pages_record_names_the_error_record_it_replaces_before_it_is_numbered(tmp_path):
    ledger, feed, out = _setup(tmp_path)
    first = _held(tmp_path, "mill.txt", PAGE)
    failed = out.write_error(first, stage="intake", error="too_large", message="too large")
    assert feed.seen[first.drop_id].get("replaces_error") is None, "a first outcome replaces nothing"

    retry = _retry(ledger, tmp_path, first)
    done = out.write_record(retry, process_bytes(PAGE, "mill.txt"))
    assert done.status == "done" and not failed.path.exists()
    seen = feed.seen[retry.drop_id]
    assert seen["replaces_error"] == failed.path.name == error_name(first)
    assert seen["retry_of"] == first.drop_id
    # The outcome itself is unchanged: its body is what the published schema allows, nothing more.
    kind, _drop, path, body = feed.entries[-1]
    assert (kind, path) == ("record", done.path.name) and "replaces_error" not in body and "retry_of" not in body


def test_each_retry_of_a_page_failed_twice_names_the_error_record_just_before_it(tmp_path):
    ledger, feed, out = _setup(tmp_path)
    a = _held(tmp_path, "big.txt", PAGE)
    out.write_error(a, stage="intake", error="too_large", message="too large")
    b = _retry(ledger, tmp_path, a)
    failed_again = out.write_error(b, stage="intake", error="too_large", message="still too large")
    c = _retry(ledger, tmp_path, b)
    done = out.write_record(c, process_bytes(PAGE, "big.txt"))
    assert feed.seen[b.drop_id]["replaces_error"] == error_name(a) and feed.seen[b.drop_id]["retry_of"] == a.drop_id
    assert feed.seen[c.drop_id]["replaces_error"] == failed_again.path.name and feed.seen[c.drop_id]["retry_of"] == b.drop_id
    assert [p.name for p in (tmp_path / "out").glob("*.json")] == [done.path.name]


def test_a_retry_that_ends_as_a_duplicate_names_the_error_record_it_replaces(tmp_path):
    ledger, feed, out = _setup(tmp_path)
    out.write_record(_held(tmp_path, "first.txt", PAGE), process_bytes(PAGE, "first.txt"))
    again = _held(tmp_path, "again.txt", PAGE)
    failed = out.write_error(again, stage="annotate", error="stage_error", message="a bug")
    retry = _retry(ledger, tmp_path, again)
    dup = out.write_record(retry, process_bytes(PAGE, "again.txt"))
    assert dup.status == "duplicate" and not failed.path.exists()
    assert feed.seen[retry.drop_id]["replaces_error"] == failed.path.name


def test_a_retry_of_a_drop_whose_outcome_is_not_an_error_record_names_nothing(tmp_path):
    ledger, feed, out = _setup(tmp_path)
    ledger.set_drop("0123456789abcdef", status="failed", outcome="keep.json")
    retry = _held(tmp_path, "mill.txt", PAGE, retry_of="0123456789abcdef")
    out.write_record(retry, process_bytes(PAGE, "mill.txt"))
    assert "replaces_error" not in feed.seen[retry.drop_id]
