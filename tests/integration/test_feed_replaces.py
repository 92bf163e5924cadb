"""A retried page's outcome names, in the feed, the error record it replaces: every feed reader learns it.

The real outbox writer, retry bookkeeping and feed on the embedded broker; the command hook runs for real.
"""

from __future__ import annotations

import json

import pytest

from workers.consumers import entry_line
from workers.edges.feed import Feed
from workers.edges.hooks import CommandHook, HookRunner

from .conftest import start_embedded_broker
from .test_feed_consumers_fixes import stop
from .test_sink_retried import Mill, _page

pytestmark = pytest.mark.integration


def test_a_retried_pages_outcome_says_which_error_record_it_replaces_and_others_say_nothing(tmp_path):
    b = start_embedded_broker(tmp_path / "state")
    try:
        mill = Mill(tmp_path, b.url)
        for name in ("once.txt", "twice.txt", "never.txt"):
            mill.fail(mill.take(name, _page(name.split(".")[0])))
        errors = {e.filename: e.path for e, _ in Feed(b.url).read(0, 10)}
        mill.retry("once.txt")  # a record now
        mill.retry("twice.txt", fails=True)  # another error record
        entries = [e for e, _ in Feed(b.url).read(3, 10)]
        assert [(e.filename, e.kind, e.replaces) for e in entries] == [
            ("once.txt", "record", errors["once.txt"]),
            ("twice.txt", "error", errors["twice.txt"]),
        ]
        assert all(e.replaces is None for e, _ in Feed(b.url).read(0, 3)), "a first outcome replaces nothing"
        for e in entries:  # what it names is gone from the outbox; the new outcome is there
            assert not (mill.s.outbox / e.replaces).exists() and (mill.s.outbox / e.path).exists()

        line = entry_line(entries[0], mill.s.outbox)  # `pagemill follow --json` and `/feed`
        assert line["replaces"] == str(mill.s.outbox / errors["once.txt"])
        assert "replaces" not in entry_line(Feed(b.url).read(0, 1)[0][0], mill.s.outbox)

        log = tmp_path / "hook.log"
        hook = CommandHook(f'echo "$PAGEMILL_OUTCOME_SEQ [$PAGEMILL_OUTCOME_REPLACES]" >> {log}', mill.s.outbox, 10.0)
        HookRunner(hook, Feed(b.url), max_attempts=1, backoff=0.1).step(wait=0.1)
        said = log.read_text().splitlines()
        assert said[:3] == ["1 []", "2 []", "3 []"]
        assert said[3:] == [f"4 [{mill.s.outbox / errors['once.txt']}]", f"5 [{mill.s.outbox / errors['twice.txt']}]"]
        assert json.loads(Feed(b.url).read(3, 1)[0][1])["kind"] == "record"
    finally:
        stop(b)
