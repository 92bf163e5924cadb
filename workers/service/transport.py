"""kombu's Redis transport, made to report a closed channel as a connection error and to
record the messages a worker holds in the same transaction as kombu's own bookkeeping.

When the broker goes away while the worker holds a running page and waits for
the next message (one pool process busy, another free, so a ``BRPOP`` is
pending), Celery closes the dead connection twice, and the channel's transport
loses its client in between. Whatever kombu then does through that channel
(restoring the unacknowledged messages as it closes, acknowledging the page
when it finishes after the reconnect) reads the client to build a new pool and
raises ``AttributeError: 'NoneType' object has no attribute 'hostname'``
(``redis.Channel._connparams``; Celery 5.7, kombu 5.7). Celery takes an
AttributeError for a bug and shuts the worker down: seen in the soak run, and
reproduced by ``tests/integration/test_faults.py``.

Said as a ``redis.ConnectionError`` instead, it is what both libraries already
handle: the close ignores it and the acknowledgement is logged as lost. Nothing
is lost by that: the message stays in the broker's unacknowledged set and
comes back after the visibility timeout (or at once through ``restore.py``
when a worker of this host starts), and the writer keeps one outcome per page.
Selected with ``broker_transport`` in :mod:`workers.service.app`; a
``redis://`` URL still says where the broker is.

With the transport option ``held_key`` (set by :func:`workers.service.restore.register`),
every message the channel takes is also written to that hash, in the same
``MULTI`` as kombu's ``unacked`` entry, and leaves it in the same ``MULTI`` that
acknowledges, rejects or restores it. A worker killed at any moment after it
took a message has it recorded, so ``restore.py`` can hand it back at the next
start; recorded from Celery's signals instead, a kill between the two writes left
it to the visibility timeout, and each page paid two more round trips.
"""

from __future__ import annotations

import time

import redis
from kombu.transport import redis as kombu_redis
from kombu.transport import virtual as kombu_virtual
from kombu.utils.json import dumps


class QoS(kombu_redis.QoS):
    def append(self, message, delivery_tag):
        held = self.channel.held_key
        if not held:
            return super().append(message, delivery_tag)
        delivery = message.delivery_info
        with self.pipe_or_acquire() as pipe:
            pipe.zadd(self.unacked_index_key, {delivery_tag: time.time()}).hset(
                self.unacked_key, delivery_tag, dumps([message._raw, delivery["exchange"], delivery["routing_key"]])
            ).hset(held, delivery_tag, delivery_tag).execute()
            # kombu's own bookkeeping of what this channel holds (virtual.QoS, not the Redis one above).
            kombu_virtual.QoS.append(self, message, delivery_tag)

    def _remove_from_indices(self, delivery_tag, pipe=None):
        pipe = super()._remove_from_indices(delivery_tag, pipe)
        held = self.channel.held_key
        return pipe.hdel(held, delivery_tag) if held else pipe


class Channel(kombu_redis.Channel):
    QoS = QoS
    #: A hash (``pagemill:held:<worker token>``) that lists the delivery tag of every message this
    #: channel holds; None leaves kombu's behaviour as it is.
    held_key: str | None = None
    from_transport_options = (*kombu_redis.Channel.from_transport_options, "held_key")

    def _connparams(self, asynchronous: bool = False) -> dict:
        if self.connection is None or getattr(self.connection, "client", None) is None:
            raise redis.exceptions.ConnectionError("this channel's broker connection is closed")
        return super()._connparams(asynchronous=asynchronous)


class Transport(kombu_redis.Transport):
    Channel = Channel
