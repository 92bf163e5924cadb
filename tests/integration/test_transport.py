"""pagemill's Redis transport against the real broker: what a worker holds is on record at every moment."""

from __future__ import annotations

import secrets

from kombu import Connection

TRANSPORT = "workers.service.transport:Transport"


def _options(tag: str, held: str | None) -> dict:
    # Keys of this test's own, so the session's running worker never sees these messages.
    opts = {
        "unacked_key": f"test:{tag}:unacked",
        "unacked_index_key": f"test:{tag}:unacked_index",
        "unacked_mutex_key": f"test:{tag}:unacked_mutex",
    }
    if held:
        opts["held_key"] = held
    return opts


def test_a_taken_message_is_recorded_as_held_with_its_unacked_entry_and_forgotten_when_acknowledged(broker):
    tag = secrets.token_hex(4)
    held = f"test:{tag}:held"
    opts = _options(tag, held)
    r = broker.client()
    with Connection(broker.url, transport=TRANSPORT, transport_options=opts) as conn:
        q = conn.SimpleQueue(f"test-{tag}")
        try:
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
        finally:
            q.clear()
            q.close()
            r.delete(held, *(v for k, v in opts.items() if k != "held_key"))


def test_without_a_held_key_the_transport_keeps_only_kombus_own_records(broker):
    tag = secrets.token_hex(4)
    opts = _options(tag, None)
    r = broker.client()
    with Connection(broker.url, transport=TRANSPORT, transport_options=opts) as conn:
        q = conn.SimpleQueue(f"test-{tag}")
        try:
            q.put({"n": 1})
            msg = q.get(timeout=10)
            assert r.hexists(opts["unacked_key"], msg.delivery_tag)
            assert not list(r.scan_iter(f"test:{tag}:held*"))
            msg.ack()
            assert not r.hexists(opts["unacked_key"], msg.delivery_tag)
        finally:
            q.clear()
            q.close()
            r.delete(*opts.values())
