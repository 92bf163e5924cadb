"""A small typed client of pagemill's feed, for programs downstream. It needs only the broker URL.

    from workers.client import FeedClient

    client = FeedClient("redis://broker.internal:6379/0", cursor_file="pagemill.cursor")
    for item in client.outcomes():          # every outcome after the cursor, then new ones as they come
        if item.kind == "record":
            save(item.outcome)               # a workers.models.Record; its body text is item.outcome.text
        # the cursor moves past an item when you ask for the next one

Delivery is at least once: the cursor file is written after an item has been
handed out *and* the loop came back for the next, so a crash while handling
an item means it comes again after a restart. Stay idempotent by keying what
you store on ``item.outcome.id`` (records, duplicate notes) or
``item.entry.drop_id`` (error records), or on ``item.seq``.

What the client tells you, as warnings on the ``workers.client`` logger (stdlib
logging; shown on stderr when your program sets up no logging):

* a cursor file saved for another feed (the broker's data was reset) is not
  trusted: the client reads the new feed from its first outcome;
* outcomes trimmed from the feed (``PAGEMILL_FEED_MAX_ENTRIES``) before it read
  them, by seq;
* following, the broker being away (e.g. restarting) and back: it waits,
  trying again with backoff, and carries on where it was. Not following, a
  broker error is raised (``redis.ConnectionError``).
"""

from __future__ import annotations

import json
import logging
import os
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from pydantic import TypeAdapter, ValidationError

from .edges.feed import Feed, FeedReader
from .models import AnyOutcome, DuplicateNote, ErrorRecord, Record, upgrade
from .models.record import UPGRADABLE_SCHEMA_VERSIONS
from .models.feed import FeedEntry

_OUTCOME = TypeAdapter(AnyOutcome)
log = logging.getLogger(__name__)


def parse_outcome(body: bytes | str) -> Record | DuplicateNote | ErrorRecord:
    """An outcome's JSON as its model; one written as schema 2.0, 3.0 or 4.0 (older feed entries) is read as the current one."""
    # json.loads, not validate_json: see Record.from_json.
    doc = json.loads(body)
    try:
        return _OUTCOME.validate_python(doc)
    except ValidationError:
        if not (isinstance(doc, dict) and doc.get("schema_version") in UPGRADABLE_SCHEMA_VERSIONS):
            raise
        return _OUTCOME.validate_python(upgrade(doc))


@dataclass(frozen=True)
class FeedItem:
    entry: FeedEntry
    outcome: Record | DuplicateNote | ErrorRecord

    @property
    def seq(self) -> int:
        return self.entry.seq

    @property
    def kind(self) -> str:
        return self.entry.kind


class Cursor:
    """The last seq handled and the feed it belongs to (``"<seq> <feed id>"``), in a file replaced atomically."""

    def __init__(self, path: str | os.PathLike) -> None:
        self.path = Path(path)

    def read(self) -> tuple[int, str | None]:
        """The saved seq and the feed it was saved for; (0, None) when there is no cursor file."""
        try:
            seq, _, saved_for = self.path.read_text().strip().partition(" ")
        except FileNotFoundError:
            return 0, None
        return int(seq or 0), saved_for.strip() or None

    def load(self, feed_id: str | None = None) -> int:
        """The saved seq; 0 when there is none, or when it was saved for another feed (a new broker).

        With ``feed_id`` None this cannot tell: :meth:`FeedClient.outcomes` always knows the feed's id first.
        """
        seq, saved_for = self.read()
        if feed_id and saved_for and saved_for != feed_id:
            return 0
        return seq

    def save(self, seq: int, feed_id: str | None = None) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{self.path.name}.", dir=self.path.parent)
        with os.fdopen(fd, "w") as f:
            f.write(f"{seq} {feed_id or ''}".strip() + "\n")
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, self.path)


class FeedClient:
    def __init__(self, broker_url: str | None = None, *, cursor_file: str | os.PathLike | None = None) -> None:
        if broker_url is None:
            from .settings import get_settings

            broker_url = get_settings().effective_broker_url
        # A long poll must not trip the socket timeout.
        self.feed = Feed(broker_url, socket_timeout=120)
        self.cursor = Cursor(cursor_file) if cursor_file else None

    def read(self, after: int = 0, limit: int = 100, wait: float = 0.0) -> list[FeedItem]:
        """One page of the feed after ``after``, as typed outcomes; ``wait`` long-polls for the first."""
        return [FeedItem(entry, parse_outcome(body)) for entry, body in self.feed.read(after, limit, min(wait, 60.0))]

    def outcomes(self, after: int | None = None, *, follow: bool = True, wait: float = 5.0) -> Iterator[FeedItem]:
        """Outcomes in feed order after ``after`` (default: the cursor file's seq when it is this feed's, else 0).

        With ``follow`` it keeps waiting for new ones, like ``tail -f``, and waits out the broker restarting;
        without, it stops at the end of the feed. See the module's notes for what it logs.
        """
        reader = FeedReader(self.feed, say=_say, follow=follow, wait=min(wait, 60.0), batch=100)
        saved = self.cursor.read() if self.cursor and after is None else None
        after = reader.start(after, saved)
        for entry, body in reader.entries(after):
            yield FeedItem(entry, parse_outcome(body))
            # Back here means the caller finished with the item.
            if self.cursor:
                self.cursor.save(entry.seq, reader.feed_id)

    def last_seq(self) -> int:
        return self.feed.last_seq()


def _say(level: str, message: str) -> None:
    log.log(logging.INFO if level == "info" else logging.WARNING, "pagemill feed: %s", message)
