"""Experimental service patches for measuring a proposal before anyone changes ``workers/``.

``benchmarks/throughput.py --variant NAME[,NAME...]`` puts this folder first on
PYTHONPATH and sets PAGEMILL_BENCH_VARIANT, so every Python process of the
service tree runs this at start-up. Without that variable it does nothing.

Variants:
  noevents    no Celery task events (nothing consumes them when Flower is off)
  fusedwrite  the page's process task writes the record itself (no separate write task)
  warm        each worker process runs one page through the stages at start
  preload     the worker's main process runs one page through the stages before the
              pool forks (gazetteers, word lists: loaded once and shared, not per process)
  everysec    the embedded broker fsyncs its append-only file once a second, not per write
  fullevents  the watcher's inotify observer reports a file moved in from another folder
              as a move (taken at once), not as a creation (taken after settle time)
  closegrace  a file whose writer closed it is taken 0.05 s after the close, not after
              PAGEMILL_SETTLE_SECONDS (which still applies to scans and polling)
  movedelay   watchdog holds an unmatched "moved from" event 0.01 s, not 0.5 s, to pair it
              with its "moved to"; the watcher's own take (a rename out of the inbox) is
              such an event, and every event queued behind it waits for it
  cprofile    each worker process profiles its tasks (CPU time) and writes the stats to
              $PAGEMILL_BENCH_PROFILE_DIR/<pid>.prof when it stops (for finding overhead)
"""

from __future__ import annotations

import os


_SAMPLE = (
    "1. Overview\n\nOn 3 March 2011 the Minister for Foreign Affairs of Japan met officials of the "
    "European Union in Brussels to discuss trade, climate and security in Asia.\n"
)


def _role() -> str:
    try:
        argv = open("/proc/self/cmdline", "rb").read().split(b"\0")
    except OSError:
        return ""
    for word in (b"worker", b"watch", b"up", b"process"):
        if word in argv:
            return word.decode()
    return ""


def _apply(variants: set[str]) -> None:
    role = _role()
    if role == "up" and "everysec" in variants:
        from workers.service import broker

        shipped = broker.server_command

        def server_command(settings):
            cmd = shipped(settings)
            i = cmd.index("--appendfsync")
            cmd[i + 1] = "everysec"
            return cmd

        broker.server_command = server_command
    if role not in ("worker", "watch"):
        return
    if role == "watch" and "movedelay" in variants:
        from watchdog.observers.inotify_buffer import InotifyBuffer

        InotifyBuffer.delay = 0.01
    if role == "watch" and variants & {"fullevents", "closegrace"}:
        from workers.edges import watcher as W

        if "fullevents" in variants:
            import functools

            from watchdog.observers.inotify import InotifyObserver

            W.Observer = functools.partial(InotifyObserver, generate_full_events=True)
        if "closegrace" in variants:
            shipped_ready = W.Watcher._is_ready

            def _is_ready(self, p, st, now):
                if p.closed and not (p.moved_in or p.scanned or self.s.watch_polling):
                    return now - p.last_event >= min(self.s.settle_seconds, 0.05)
                return shipped_ready(self, p, st, now)

            W.Watcher._is_ready = _is_ready
    from workers.service.app import celery_app

    if "noevents" in variants:
        celery_app.conf.worker_send_task_events = False
        celery_app.conf.task_send_sent_event = False
    if role != "worker":
        return
    import workers.service.tasks as T

    if "fusedwrite" in variants:
        def send_or_write(task_name, drop, payload, **options):
            if task_name != "write":
                return shipped_send(task_name, drop, payload, **options)
            T.outbox().write_record(drop, T.Record.model_validate(payload))

        shipped_send = T.send
        T.send = send_or_write

    if "preload" in variants:
        from workers.stages import process_bytes
        from workers.stages.annotate import load_model

        load_model()
        process_bytes(_SAMPLE.encode(), "warm-up.txt")

    if "cprofile" in variants:
        import cProfile
        import time

        from celery import signals

        prof = cProfile.Profile(time.process_time)

        @signals.task_prerun.connect(weak=False)
        def _on(**_kw):
            prof.enable()

        @signals.task_postrun.connect(weak=False)
        def _off(**_kw):
            prof.disable()

        @signals.worker_process_shutdown.connect(weak=False)
        def _dump(**_kw):
            out = os.environ.get("PAGEMILL_BENCH_PROFILE_DIR", "/tmp")
            prof.dump_stats(os.path.join(out, f"{os.getpid()}.prof"))

    if "warm" in variants:
        from celery import signals

        @signals.worker_process_init.connect(weak=False)
        def _warm(**_kw):
            from workers.stages import process_bytes

            process_bytes(_SAMPLE.encode(), "warm-up.txt")


_variants = {v.strip() for v in os.environ.get("PAGEMILL_BENCH_VARIANT", "").split(",") if v.strip()}
if _variants:
    _apply(_variants)
