"""pagemill's Redis transport against the real broker: what a worker holds is on record at every moment."""

from __future__ import annotations

import secrets
from contextlib import contextmanager

from kombu import Connection

TRANSPORT = "workers.service.transport:Transport"


@contextmanager
def _queue(broker, *, held: bool):
    """A queue with kombu keys of its own (the session's running worker never sees them); removed after."""
    tag = secrets.token_hex(4)
    opts = {
        "unacked_key": f"test:{tag}:unacked",
        "unacked_index_key": f"test:{tag}:unacked_index",
        "unacked_mutex_key": f"test:{tag}:unacked_mutex",
    }
    if held:
        opts["held_key"] = f"test:{tag}:held"
    r = broker.client()
    with Connection(broker.url, transport=TRANSPORT, transport_options=opts) as conn:
        q = conn.SimpleQueue(f"test-{tag}")
        try:
            yield q, opts, r
        finally:
            q.clear()
            q.close()
            r.delete(*opts.values(), f"_kombu.binding.test-{tag}")
            assert not list(r.scan_iter(f"test:{tag}:*"))


def test_a_taken_message_is_recorded_as_held_with_its_unacked_entry_and_forgotten_when_acknowledged(broker):
    with _queue(broker, held=True) as (q, opts, r):
        held = opts["held_key"]
        q.put({"n": 1})
        q.put({"n": 2})
        first = q.get(timeout=10)
        assert r.hkeys(held) == [first.delivery_tag]
        assert r.hexists(opts["unacked_key"], first.delivery_tag)

        first.ack()
        assert r.hlen(held) == 0
        assert not r.hexists(opts["unacked_key"], first.delivery_tag)

        second = q.get(timeout=10)
        assert second.payload == {"n": 2}
        assert r.hkeys(held) == [second.delivery_tag]
        second.requeue()  # as Reject(requeue=True) does
        assert r.hlen(held) == 0

        again = q.get(timeout=10)
        assert again.payload == {"n": 2}
        assert r.hkeys(held) == [again.delivery_tag]
        again.ack()
        assert r.hlen(held) == 0


def test_without_a_held_key_the_transport_keeps_only_kombus_own_records(broker):
    with _queue(broker, held=False) as (q, opts, r):
        q.put({"n": 1})
        msg = q.get(timeout=10)
        assert r.hexists(opts["unacked_key"], msg.delivery_tag)
        assert [k for k in r.scan_iter("test:*") if k.endswith(":held")] == []
        msg.ack()
        assert not r.hexists(opts["unacked_key"], msg.delivery_tag)
