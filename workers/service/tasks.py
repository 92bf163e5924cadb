"""Celery tasks: thin wrappers that run the pure stages and pass the result on.

A page is one ``pagemill.process`` task on the ``pages`` queue, carrying its
own content: intake, then ``clean -> segment -> classify -> annotate`` in
turn (the same code ``pagemill process`` runs). On the host that owns the
outbox (its worker consumes the ``outbox`` queue) the task then files the
record itself; a worker of another host sends it to ``pagemill.write`` on
the ``outbox`` queue, which only the owning host consumes. The stages share
one task because handing a page between tasks (serialise, publish, fsync,
fetch, parse) cost more than three of the four stages themselves, and for
the same reason the owning host writes without a task of its own; the record
still says what each stage took, and so does the task's result in Flower. A stage that raises is retried a bounded
number of times; after that, or at once for input that can never work
(:class:`PageRejected`), ``pagemill.write_error`` records why and where.
"""

from __future__ import annotations

import base64
import time
from concurrent.futures import ThreadPoolExecutor
from functools import lru_cache

import redis
import structlog
from celery import Task, signals
from billiard.exceptions import WorkerLostError
from celery.exceptions import Reject, Retry, SoftTimeLimitExceeded, TimeLimitExceeded

from ..edges import signing
from ..edges.feed import Feed
from ..edges.ledger import RedisLedger
from ..edges.outbox import Outbox, Refused
from ..edges.watcher import holding_folders
from ..logs import configure, get_logger
from ..models import Drop, Page, Record, upgrade
from ..settings import get_settings
from ..stages import STAGES, PageRejected, build_record, decode_page, run_stage
from ..timelimit import ERROR_CODE, too_large_message
from .app import OUTBOX_QUEUE, celery_app
from .dispatch import describe, send

log = get_logger(__name__)


@lru_cache(maxsize=1)
def _ledger() -> RedisLedger:
    return RedisLedger(get_settings().effective_broker_url)


@lru_cache(maxsize=1)
def outbox() -> Outbox:
    s = get_settings()
    # Absolute, so Flower's "done: <record> in <outbox>" says where, whatever the worker's working folder.
    feed = Feed(s.effective_broker_url, max_entries=s.feed_max_entries, lock_file=s.state_dir.resolve() / "feed.lock")
    return Outbox(
        s.outbox.resolve(), _ledger(), archive=s.archive.resolve(), failed=s.failed.resolve(), mode=s.outbox_file_mode,
        feed=feed, processing=holding_folders(s),
    )


@lru_cache(maxsize=1)
def _message_key() -> bytes:
    return signing.load_key(get_settings().state_dir)


def _refuse(task: str, drop: dict, reason: str) -> str:
    """A message the writer will not act on: logged and counted, nothing touched, not retried."""
    log.error(
        "refused a message; nothing was touched", task=task, reason=reason,
        document_id=str(drop.get("drop_id"))[:60] if isinstance(drop, dict) else None,
    )
    try:
        _ledger().count_refused(task)
    except redis.RedisError as exc:
        log.warning("could not count a refused message", error=str(exc))
    return f"refused: {reason}"


def _authentic(task: str, drop: dict) -> Drop | str:
    """The drop, if the host's watcher signed it; else the refusal to return."""
    try:
        d = Drop.model_validate(drop)
    except ValueError as exc:
        return _refuse(task, drop, f"not a drop: {str(exc).splitlines()[0]}")
    if not signing.verify(d, _message_key()):
        return _refuse(task, drop, "the drop is not signed with this host's message key (not sent by its watcher)")
    return d


class StageFailed(Exception):
    """A stage raised: which stage, what kind of failure, and a one-line reason.

    Plain strings in ``args``, so it survives Celery's retry and its JSON
    round trip, and the error record can still name the stage.
    """

    def __init__(self, stage: str, code: str, reason: str) -> None:
        super().__init__(stage, code, reason)
        self.stage, self.code, self.reason = stage, code, reason

    def __str__(self) -> str:
        return f"{self.stage}: {self.reason}"


class PageTask(Task):
    """Base for every page task: bounded retries, and an error record when they run out."""

    acks_late = True
    throws = (PageRejected,)  # expected outcome for bad input: logged without a traceback
    max_retries = get_settings().task_max_retries
    default_retry_delay = 1  # used when a killed worker's page is retried; must stay below the visibility timeout

    def on_failure(self, exc, task_id, args, kwargs, einfo):
        drop = Drop.model_validate(args[0])
        stage = self.name.split(".", 1)[1]
        if isinstance(exc, PageRejected):
            stage, error, message = "intake", exc.code, exc.message
        elif isinstance(exc, StageFailed):
            stage, error, message = exc.stage, exc.code, exc.reason
        elif isinstance(exc, (SoftTimeLimitExceeded, TimeLimitExceeded)):
            error, message = ERROR_CODE, too_large_message(stage, get_settings().task_time_limit, drop.size_bytes)
        elif isinstance(exc, WorkerLostError):
            error, message = "worker_lost", f"the worker processing {stage} died {self.max_retries + 1} times on this page"
        else:
            error, message = "stage_error", f"{type(exc).__name__}: {exc}".splitlines()[0][:500]
        if stage == "write_error":
            log.error("could not write error record; original stays held", error=message, held_at=drop.held_at)
            return
        log.error("page failed", stage=stage, error=error, reason=message)
        try:
            send("write_error", drop, {"stage": stage, "error": error, "message": message, "attempts": self.request.retries + 1})
        except Exception as exc:  # noqa: BLE001 - the broker is away: its message was not acknowledged either
            log.error(
                "could not queue the error record; the page's message comes back when the broker does",
                error=str(exc), held_at=drop.held_at,
            )

    def signature_from_request(self, request=None, args=None, kwargs=None, queue=None, **extra):
        """Retries (ours, and Celery's after a lost worker) keep showing the file, not the page body."""
        sig = super().signature_from_request(request, args, kwargs, queue, **extra)
        req_args = (self.request if request is None else request).args if args is None else args
        if req_args:
            sig.options.update(argsrepr=describe(Drop.model_validate(req_args[0])), kwargsrepr="{}")
        return sig

    def later(self, exc: Exception) -> Reject | Retry:
        """The broker or the outbox is in trouble, not the page: try again later, never an error record.

        A retry is a new message; when even that cannot be sent (the broker is
        away), the message is rejected back to its queue. Should the broker not
        hear that either, it still holds the message as unacknowledged and hands
        it out again after the visibility timeout. Either way the page is filed
        once the trouble is over, and nothing marks it failed meanwhile (that
        once gave a page both its record and a "too large" error record).
        """
        try:
            return self.retry_on(exc, forever=True)
        except Retry as retry:
            return retry
        except Exception as unsent:  # noqa: BLE001 - whatever the publish raised: the message stays
            log.error("broker unreachable; the page's message goes back to its queue", error=str(exc), retry_error=str(unsent))
            return _hand_back(exc)

    def retry_on(self, exc: Exception, *, forever: bool = False):
        s = get_settings()
        # A countdown longer than the visibility timeout would let the broker
        # hand the waiting message to a second worker, so the backoff is capped.
        countdown = min(s.retry_backoff * (2 ** self.request.retries), s.visibility_timeout / 2)
        # (Celery reads max_retries=None as "the default", so "until fixed" is a very large number.)
        return self.retry(exc=exc, countdown=countdown, max_retries=1_000_000 if forever else self.max_retries)


@lru_cache(maxsize=1)
def _aside() -> ThreadPoolExecutor:
    # Made on first use, in the pool process that runs tasks (never before the fork).
    return ThreadPoolExecutor(max_workers=1, thread_name_prefix="pagemill-aside")


def _mark_started_now(drop_id: str) -> None:
    try:
        _ledger().mark_started(drop_id)
    except Exception as exc:  # noqa: BLE001 - the pages view showing "queued" a little longer must never fail a page
        log.warning("could not mark page as processing", error=str(exc), document_id=drop_id)


def _mark_started(drop: Drop) -> None:
    """Mark the page as processing while its stages run: the broker syncs the write to disk before it
    answers (about 2.5 ms on the 2-core machine), which the stages need not wait for."""
    _aside().submit(_mark_started_now, drop.drop_id)


def _hand_back(exc: Exception) -> Reject:
    """The message goes back to its queue: the broker is away or refuses writes, the page is fine.

    After a pause of ``PAGEMILL_RETRY_BACKOFF``: a broker that answers but refuses
    every write (out of memory, a read-only replica) would otherwise hand the
    same page straight back, and the worker would make it again and again at
    full speed.
    """
    try:
        time.sleep(get_settings().retry_backoff)
    except SoftTimeLimitExceeded:
        pass  # the page did not run out of time: only this pause did
    return Reject(str(exc), requeue=True)


def _stage_failure(stage: str, exc: BaseException) -> StageFailed:
    return StageFailed(stage, "stage_error", f"{type(exc).__name__}: {exc}".splitlines()[0][:500])


def _out_of_time(stage: str, size_bytes: int | None) -> StageFailed:
    return StageFailed(stage, ERROR_CODE, too_large_message(stage, get_settings().task_time_limit, size_bytes))


@celery_app.task(name="pagemill.process", base=PageTask, bind=True)
def process_task(self: PageTask, drop: dict, data_b64: str) -> str:
    d = Drop.model_validate(drop)
    page: Page = decode_page(
        base64.b64decode(data_b64), d.filename, received_at=d.received_at,
        max_bytes=get_settings().max_page_bytes, max_file_bytes=get_settings().max_file_bytes,
    )
    _mark_started(d)
    try:
        for stage in STAGES:
            structlog.contextvars.bind_contextvars(stage=stage)  # a stage's log lines say which stage
            page = run_stage(stage, page)
        record = build_record(page)  # type: ignore[arg-type]
        # Where it was dropped is the drop's, not the page's: the stages never see it.
        record.source.folder = d.folder
    except SoftTimeLimitExceeded:
        # Not retried: another attempt would cost the same time and run out the same way.
        log.warning("page ran out of time; not retried", attempt=self.request.retries + 1)
        raise _out_of_time(stage, d.size_bytes) from None
    except Exception as exc:  # noqa: BLE001 - any stage bug: retry, then an error record
        log.warning("stage raised; retrying", error=repr(exc), attempt=self.request.retries + 1)
        raise self.retry_on(_stage_failure(stage, exc))
    took = ", ".join(f"{name} {ms:.0f}" for name, ms in page.timings_ms.items())
    # The record holds all that is written; the page's working data (a PDF's glyph boxes, a table's pieces)
    # need not be held too while the record's JSON is made.
    del page
    if _owns_outbox(self):
        structlog.contextvars.bind_contextvars(stage="write")
        return _write_here(self, drop, d, record, took)
    structlog.contextvars.bind_contextvars(stage="process")
    # The record travels as one string, not as a dict: one string for the worker's main process to
    # pass on (a dict of every segment and entity was decoded, pickled to a pool process and
    # unpickled again), and the page's objects are not held twice while the message is built.
    # Compressed (Record.packed): a big record's JSON text was as big again in the message.
    send("write", d, record.packed())
    # Where the page went first: Flower cuts the Result column to its width.
    return f"-> pagemill.write ({took} ms)"


def _owns_outbox(task: Task) -> bool:
    """True in a worker that consumes the outbox queue: the host that owns the outbox, where a page's
    process task can file its record itself instead of queueing a write task for the same pool."""
    return OUTBOX_QUEUE in task.app.amqp.queues.consume_from


def _write_here(task: PageTask, drop: dict, d: Drop, record: Record, took: str) -> str:
    """File the record from the process task itself, on the host that owns the outbox.

    A write task of its own cost each page a second task in the same pool (its
    message, events, fetch and acknowledgement; measured 9.5 ms of task time
    for 1 ms of writing) and a second wait for a free process. The page's
    message is still acknowledged only after its record is filed, and a
    redelivered page finds its outcome already written (one outcome per drop).
    """
    # Only the watcher's signed drops are filed, as by the write task: this writes files and moves the original.
    signed = _authentic("write", drop)
    if isinstance(signed, str):
        return signed
    try:
        outcome = outbox().write_record(signed, record)
    except Refused as exc:
        return _refuse("write", drop, str(exc))
    except redis.RedisError as exc:
        # The broker is away: a write task could not be queued either. The page's message was not
        # acknowledged, so it comes back (and the page is made again) once the broker does.
        log.error("broker unreachable while filing the record; the page will be processed again", error=str(exc))
        raise _hand_back(exc) from None
    except OSError as exc:
        # The operator's to fix: the write task retries until it is fixed, without running the stages again.
        log.error("cannot write to the outbox; handing the record to the write task", error=str(exc), outbox=str(get_settings().outbox))
        try:
            send("write", d, record.packed())
        except Exception as unsent:  # noqa: BLE001 - nor reach the broker: the page's message stays
            log.error("could not hand the record on; the page will be processed again", error=str(unsent))
            raise _hand_back(exc) from None
        return f"-> pagemill.write ({took} ms)"
    except SoftTimeLimitExceeded:
        raise
    except Exception as exc:  # noqa: BLE001 - a writer bug: the error record names the write, as the write task's did
        raise _stage_failure("write", exc) from exc
    return f"{outcome.status}: {outcome.path} ({took} ms)"


# Outbox problems (disk full, unwritable folder, broker briefly away) are the
# operator's to fix, not the page's fault: retry until they are fixed, with the
# original safely held, instead of failing the page or writing half a record.
_OUTBOX_TROUBLE = (OSError, redis.RedisError)


@celery_app.task(name="pagemill.write", base=PageTask, bind=True)
def write_task(self: PageTask, drop: dict, record: str | dict) -> str:
    d = _authentic("write", drop)
    if isinstance(d, str):
        return d
    try:
        # Record.packed from this version's process task; JSON text or a dict from older ones still in the queue.
        # An older version's record is read as this one's (upgrade).
        rec = Record.unpacked(record) if isinstance(record, str) else Record.model_validate(upgrade(record))
        outcome = outbox().write_record(d, rec)
    except Refused as exc:
        return _refuse("write", drop, str(exc))
    except _OUTBOX_TROUBLE as exc:
        log.error("cannot write to the outbox; will retry", error=str(exc), outbox=str(get_settings().outbox))
        raise self.later(exc) from None
    return f"{outcome.status}: {outcome.path}"


@celery_app.task(name="pagemill.write_error", base=PageTask, bind=True)
def write_error_task(self: PageTask, drop: dict, error: dict) -> str:
    d = _authentic("write_error", drop)
    if isinstance(d, str):
        return d
    try:
        # Only the fields an error has: a message names no path or other argument of the writer.
        outcome = outbox().write_error(d, **{k: error[k] for k in ("stage", "error", "message", "attempts") if k in error})
    except Refused as exc:
        return _refuse("write_error", drop, str(exc))
    except _OUTBOX_TROUBLE as exc:
        log.error("cannot write to the outbox; will retry", error=str(exc), outbox=str(get_settings().outbox))
        raise self.later(exc) from None
    return f"failed: {error['error']}: {error['message']} -> {outcome.path}"


# --- logging context ------------------------------------------------------------


@signals.setup_logging.connect
def _setup_logging(**_kw) -> None:
    s = get_settings()
    configure(s.log_level, s.log_format)


@signals.task_failure.connect
def _failed_outside_the_task(sender=None, task_id=None, exception=None, args=None, kwargs=None, einfo=None, **_kw) -> None:
    """Failures the worker's main process sees (a hard time limit, a worker killed too often).

    The task's own ``on_failure`` never ran for these (its process is gone), so
    the page would otherwise end without an outcome.
    """
    if isinstance(exception, (WorkerLostError, TimeLimitExceeded)) and isinstance(sender, PageTask) and args:
        sender.on_failure(exception, task_id, args, kwargs or {}, einfo)


@signals.task_prerun.connect
def _bind_context(task_id=None, task=None, args=None, **_kw) -> None:
    structlog.contextvars.clear_contextvars()
    ctx = {"task_id": task_id, "stage": task.name.split(".", 1)[-1] if task else None}
    if args:
        drop = args[0]
        if isinstance(drop, dict):
            ctx.update(document_id=drop.get("drop_id"), filename=drop.get("filename"))
    structlog.contextvars.bind_contextvars(**ctx)


@signals.task_postrun.connect
def _unbind_context(**_kw) -> None:
    structlog.contextvars.clear_contextvars()
