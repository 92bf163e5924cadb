"""Pieces of the feed's consumers that need no broker: cursor files, webhook signatures, settings, the follow line."""

from __future__ import annotations

import hashlib
import hmac
import re
from datetime import datetime, timezone
from pathlib import Path

from workers.client import Cursor
from workers.consumers import entry_line
from workers.edges.hooks import signature
from workers.models.feed import FeedEntry
from workers.settings import Settings

REPO = Path(__file__).resolve().parents[2]


def test_a_cursor_file_gives_back_its_seq_for_the_same_feed_and_zero_for_another(tmp_path):
    cursor = Cursor(tmp_path / "sub" / "c.cursor")
    assert cursor.load("feed-a") == 0
    cursor.save(41, "feed-a")
    assert cursor.load("feed-a") == 41
    assert cursor.load(None) == 41
    assert cursor.load("feed-b") == 0, "a cursor of another broker's feed must not skip this feed's first entries"
    assert not [p for p in (tmp_path / "sub").iterdir() if p.name.startswith(".")], "no temporary file left behind"


def test_webhook_signature_is_the_hmac_sha256_of_the_exact_body():
    body = b'{"kind": "record", "id": "pm-0"}'
    assert signature("s3cret", body) == "sha256=" + hmac.new(b"s3cret", body, hashlib.sha256).hexdigest()
    assert signature("s3cret", body) != signature("s3cret", body + b" ")
    assert signature("other", body) != signature("s3cret", body)


def test_follow_json_line_has_seq_kind_id_filename_path_and_time():
    entry = FeedEntry(seq=7, kind="error", id="abc", drop_id="abc", filename="a b.txt", path="a_b.abc.error.json",
                      written_at=datetime(2026, 1, 2, 3, 4, 5, tzinfo=timezone.utc))
    line = entry_line(entry, Path("/data/outbox"))
    assert line == {"seq": 7, "kind": "error", "id": "abc", "filename": "a b.txt", "path": "/data/outbox/a_b.abc.error.json",
                    "time": "2026-01-02T03:04:05Z", "drop_id": "abc"}


def test_consumer_settings_come_from_pagemill_variables_and_are_in_the_readme(monkeypatch):
    monkeypatch.setenv("PAGEMILL_FEED_MAX_ENTRIES", "5000")
    monkeypatch.setenv("PAGEMILL_WEBHOOK_URL", "http://127.0.0.1:9/hook")
    monkeypatch.setenv("PAGEMILL_HOOK_MAX_ATTEMPTS", "3")
    s = Settings()
    assert (s.feed_max_entries, s.webhook_url, s.hook_max_attempts) == (5000, "http://127.0.0.1:9/hook", 3)
    assert Settings.model_fields["feed_max_entries"].default == 0, "the feed keeps everything unless told otherwise"
    readme = (REPO / "README.md").read_text()
    for name in ("feed_max_entries", "on_outcome", "webhook_url", "webhook_secret", "hook_timeout", "hook_max_attempts", "hook_backoff", "sink_url"):
        var = f"PAGEMILL_{name.upper()}"
        short = re.sub(r"^PAGEMILL_WEBHOOK_SECRET$", "_SECRET", var)
        assert var in readme or short in readme, f"{var} missing from the README's configuration table"


def test_pagemill_up_runs_hooks_and_the_sink_only_when_they_are_configured():
    from workers.service.runner import plan

    def names(**kw):
        return [p.name for p in plan(Settings(**kw), worker=True, dashboard=False, concurrency=None)]

    assert "hooks" not in names() and "sink" not in names()
    assert "hooks" in names(on_outcome="true") and "hooks" in names(webhook_url="http://127.0.0.1:9/")
    assert "sink" in names(sink_url="postgresql://postgres@127.0.0.1/x")
