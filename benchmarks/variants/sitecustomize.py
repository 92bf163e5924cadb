"""Experimental service patches for measuring a proposal before anyone changes ``workers/``.

``benchmarks/throughput.py --variant NAME[,NAME...]`` puts this folder first on
PYTHONPATH and sets PAGEMILL_BENCH_VARIANT, so every Python process of the
service tree runs this at start-up. Without that variable it does nothing.

Variants:
  noevents    no Celery task events (nothing consumes them when Flower is off)
  writetask   the record goes to a write task of its own again, as before the owning host's
              process task filed it itself (the "A" of that change)
  onebyone    the watcher takes the pages of a pass one by one, four round trips each (claim,
              queued, message, "sent" event), as before it shared them over the pass
  prefetch2   each worker process reserves two pages at a time (prefetch multiplier 2), so the next
              page is there when it finishes one (not shipped: see workers/service/app.py)
  plusone     the worker reserves one page more than it has processes (3 for 2), so a process that
              finishes a page is handed the next at once while the main process acknowledges
              the last and fetches another (not shipped: docs/performance.md, "Not changed, measured")
  markwait    the task waits for "processing" to be marked before its stages (two round trips),
              as before a side thread sent it (one script) while they ran
  warm        each worker process runs one page through the stages at start
  preload     the worker's main process runs one page through the stages before the
              pool forks (gazetteers, word lists: loaded once and shared, not per process)
  everysec    the embedded broker fsyncs its append-only file once a second, not per write
  cprofile    each worker process profiles its tasks (CPU time) and writes the stats to
              $PAGEMILL_BENCH_PROFILE_DIR/<pid>.prof when it stops (for finding overhead)
  nowake      the watcher naps its full 50 ms between passes even when a page was renamed or
              moved in (as before it was woken at once)
  allevents   the watcher's observer asks the OS for every event (opens, closes without a write,
              deletes, attribute changes), as before it named the ones its handler acts on
  dictrecord  the record goes to the write task as a dict again, as before it went as JSON
              text (the "A" of that change's A/B; made from the text with json.loads, which
              costs about what model_dump(mode="json") did); only with ``writetask`` (or on a
              host that does not own the outbox), since only then is there a write task

(``movedelay``, ``closegrace``, ``fullevents`` and ``fusedwrite`` were removed: the
first two and the last are now shipped behaviour, and the Linux watcher no longer
uses the observer the third patched.) A name not listed here is an error, so a typo cannot measure
the shipped code twice.
"""

from __future__ import annotations

import os

KNOWN = frozenset({"noevents", "writetask", "onebyone", "prefetch2", "plusone", "markwait", "warm", "preload", "everysec", "cprofile", "dictrecord", "nowake", "allevents"})


def check(names: str | None) -> None:
    """Refuse unknown variant names (``names`` as given on the command line, ``a,b`` or ``a+b``)."""
    unknown = {n.strip() for n in (names or "").replace("+", ",").split(",") if n.strip()} - KNOWN
    if unknown:
        raise SystemExit(f"unknown variant(s) {', '.join(sorted(unknown))}; known: {', '.join(sorted(KNOWN))}")


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
    from workers.service.app import celery_app

    if "noevents" in variants:
        celery_app.conf.worker_send_task_events = False
        celery_app.conf.task_send_sent_event = False
    if role == "watch" and "nowake" in variants:
        import threading

        from workers.edges import watcher as W

        class _NoWake(threading.Event):
            def set(self):
                pass

        shipped_init = W.Watcher.__init__

        def init(self, *args, **kwargs):
            shipped_init(self, *args, **kwargs)
            self._wake = _NoWake()

        W.Watcher.__init__ = init
    if role == "watch" and "allevents" in variants:
        from workers.edges import watcher as W

        W._EVENTS = None  # schedule(..., event_filter=None): watchdog's full mask
    if role == "watch" and "onebyone" in variants:
        from workers.edges import watcher as W

        shipped_take_all = W.Watcher._take_all

        def take_one_by_one(self, paths):
            for path in paths:
                shipped_take_all(self, [path])

        W.Watcher._take_all = take_one_by_one
    if role != "worker":
        return
    if "prefetch2" in variants:
        celery_app.conf.worker_prefetch_multiplier = 2
    if "plusone" in variants:
        from celery.worker.consumer import consumer as C

        shipped_consumer_init = C.Consumer.__init__

        def consumer_init(self, *args, **kwargs):
            shipped_consumer_init(self, *args, **kwargs)
            self.initial_prefetch_count += 1

        C.Consumer.__init__ = consumer_init
        # Celery lowers the count after a reconnect while tasks run, then climbs back to this.
        C.Consumer.max_prefetch_count = property(lambda self: self.pool.num_processes * self.prefetch_multiplier + 1)
    import workers.service.tasks as T

    if "writetask" in variants:
        T._owns_outbox = lambda task: False

    if "markwait" in variants:
        import time

        from workers.edges.ledger import FINAL

        def mark_and_wait(drop):
            key = f"pagemill:drop:{drop.drop_id}"
            r = T._ledger().r
            if r.hget(key, "status") in FINAL:
                return
            pipe = r.pipeline()
            pipe.hsetnx(key, "started", f"{time.time():.3f}")
            pipe.sadd("pagemill:started", drop.drop_id)
            pipe.execute()

        T._mark_started = mark_and_wait

    if "dictrecord" in variants:
        import json

        shipped_send_d = T.send

        def send_dict(task_name, drop, payload, **options):
            if task_name == "write" and isinstance(payload, str):
                payload = json.loads(payload)
            return shipped_send_d(task_name, drop, payload, **options)

        T.send = send_dict

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
    check(",".join(_variants))
    _apply(_variants)
