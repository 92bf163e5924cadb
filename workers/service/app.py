"""The Celery application: configuration only. Tasks live in ``tasks.py``.

Queues:
  ``pages``  -- the stages; any host with the broker URL can consume it.
  ``outbox`` -- writing outcomes and filing originals; only the host that owns
                the outbox consumes it.
"""

from __future__ import annotations

from celery import Celery

from ..settings import get_settings

PAGES_QUEUE = "pages"
OUTBOX_QUEUE = "outbox"


def make_app() -> Celery:
    s = get_settings()
    app = Celery("pagemill", include=["workers.service.tasks"])
    app.conf.update(
        broker_url=s.effective_broker_url,
        # kombu's Redis transport, but a channel whose connection was closed says so as a connection
        # error: the worker no longer shuts down after a broker restart (workers/service/transport.py).
        broker_transport="workers.service.transport:Transport" if s.effective_broker_url.startswith(("redis://", "rediss://")) else None,
        # JSON only: a pickled message is refused, never executed.
        task_serializer="json",
        result_serializer="json",
        accept_content=["json"],
        result_accept_content=["json"],
        event_serializer="json",
        task_ignore_result=True,
        # A page's message is acknowledged only after its task finished, and a
        # killed worker's pages go back to the queue.
        task_acks_late=True,
        task_reject_on_worker_lost=True,
        # ...but a page that kills its worker every time is retried a bounded
        # number of times and then failed, never requeued in a crash loop.
        task_retry_on_worker_lost=True,
        # One page per worker process at a time. A process that finished waits for the main process to
        # acknowledge its page and fetch the next (two writes the broker syncs to disk): py-spy put that
        # at about a tenth of a pool process's time in a burst, and 2 here halved it; but measured as
        # throughput (variant `prefetch2` in benchmarks/variants/, docs/performance.md, "Not changed, measured") it
        # was no faster, and it keeps two more pages from the other workers. One page reserved beyond the
        # processes (variant `plusone`) raised the processes' busy share but not throughput either.
        worker_prefetch_multiplier=1,
        # Python keeps the memory a big page took, and spaCy's vocabulary keeps every new word it read:
        # a process past this (Celery reads its peak RSS, in KiB) makes way for a fresh fork after its task.
        worker_max_memory_per_child=s.worker_max_memory_mb * 1024 or None,
        task_time_limit=s.task_time_limit,
        # The soft limit raises inside the stage (an error record at once: a page
        # that ran out of time would again); the hard limit is only the backstop,
        # so leave the stage time to stop.
        task_soft_time_limit=s.page_time_limit,
        broker_transport_options={
            "visibility_timeout": s.visibility_timeout,
            "unacked_restore_interval": s.restore_unacked_interval,
            "unacked_restore_throttle": 1,
            # One Redis list per queue ("pages", "outbox"): a page is one
            # message on "pages", so there is nothing to put before anything
            # else, and an autoscaler has one list to watch.
            "priority_steps": [0],
            "sep": ":",
            # A worker killed while holding the restore lock must not stop
            # every other worker from restoring pages for kombu's default 5 minutes.
            "unacked_mutex_expire": max(10, int(s.restore_unacked_interval * 3)),
        },
        broker_connection_retry_on_startup=True,
        broker_connection_max_retries=None,
        # Flower sees tasks from queued to finished.
        worker_send_task_events=True,
        task_send_sent_event=True,
        task_track_started=True,
        task_default_queue=PAGES_QUEUE,
        task_routes={
            "pagemill.write": {"queue": OUTBOX_QUEUE},
            "pagemill.write_error": {"queue": OUTBOX_QUEUE},
        },
        # Children inherit the loaded model (see `pagemill worker`), but on a busy
        # machine starting one can still take longer than Celery's 4 s default.
        worker_proc_alive_timeout=60,
        # Left at False on purpose: True makes the worker die on reconnection
        # (celery/celery#9250, seen here in the soak run). A task running when the
        # connection drops cannot be acknowledged and is redelivered anyway.
        worker_cancel_long_running_tasks_on_connection_loss=False,
        # Prefork, but a result half-read when the broker drops is finished after
        # the reconnect instead of crashing the worker (see workers/service/pool.py).
        worker_pool="workers.service.pool:TaskPool",
        worker_hijack_root_logger=False,
        worker_redirect_stdouts=False,
    )
    return app


celery_app = make_app()


def broker_lists() -> list[str]:
    """Every Redis list a pagemill message can wait in (each queue, at each priority)."""
    sep = celery_app.conf.broker_transport_options["sep"]
    lists = []
    for queue in (PAGES_QUEUE, OUTBOX_QUEUE):
        lists += [queue if p == 0 else f"{queue}{sep}{p}" for p in celery_app.conf.broker_transport_options["priority_steps"]]
    return lists
