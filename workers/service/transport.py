"""kombu's Redis transport, made to report a closed channel as a connection error.

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
"""

from __future__ import annotations

import redis
from kombu.transport import redis as kombu_redis


class Channel(kombu_redis.Channel):
    def _connparams(self, asynchronous: bool = False) -> dict:
        if self.connection is None or getattr(self.connection, "client", None) is None:
            raise redis.exceptions.ConnectionError("this channel's broker connection is closed")
        return super()._connparams(asynchronous=asynchronous)


class Transport(kombu_redis.Transport):
    Channel = Channel
