"""Celery tasks: thin wrappers that run one pure stage and pass the result on.

A page travels ``pagemill.clean -> segment -> classify -> annotate`` on the
``pages`` queue, carrying its own content, then ``pagemill.write`` on the
``outbox`` queue. A stage that raises is retried a bounded number of times;
after that, or at once for input that can never work (:class:`PageRejected`),
``pagemill.write_error`` records why.
"""

from __future__ import annotations

import base64
from functools import lru_cache

import structlog
from celery import Task, signals
from celery.exceptions import SoftTimeLimitExceeded

from ..edges.ledger import RedisLedger
from ..edges.outbox import Outbox
from ..logs import configure, get_logger
from ..models import AnnotatedPage, ClassifiedPage, CleanPage, Drop, Page, Record, SegmentedPage
from ..settings import get_settings
from ..stages import PageRejected, build_record, decode_page, run_stage
from .app import celery_app
from .dispatch import send

log = get_logger(__name__)

STAGE_INPUT: dict[str, type[Page]] = {
    "segment": CleanPage,
    "classify": SegmentedPage,
    "annotate": ClassifiedPage,
}
NEXT_STAGE = {"clean": "segment", "segment": "classify", "classify": "annotate", "annotate": "write"}


@lru_cache(maxsize=1)
def outbox() -> Outbox:
    s = get_settings()
    return Outbox(s.outbox, RedisLedger(s.effective_broker_url), archive=s.archive, failed=s.failed)


class PageTask(Task):
    """Base for every page task: bounded retries, and an error record when they run out."""

    abstract = True
    acks_late = True
    throws = (PageRejected,)  # expected outcome for bad input: logged without a traceback
    max_retries = get_settings().task_max_retries

    def on_failure(self, exc, task_id, args, kwargs, einfo):
        drop = Drop.model_validate(args[0])
        stage = self.name.split(".", 1)[1]
        if isinstance(exc, PageRejected):
            error, message = exc.code, exc.message
        elif isinstance(exc, SoftTimeLimitExceeded):
            error, message = "timeout", f"{stage} took longer than {get_settings().task_time_limit}s"
        else:
            error, message = "stage_error", f"{type(exc).__name__}: {exc}".splitlines()[0][:500]
        if stage == "write_error":
            log.error("could not write error record; original stays held", error=message, held_at=drop.held_at)
            return
        send("write_error", drop, {"stage": stage, "error": error, "message": message, "attempts": self.request.retries + 1})

    def advance(self, stage: str, drop: Drop, page: Page) -> str:
        nxt = NEXT_STAGE[stage]
        if nxt == "write":
            payload = build_record(page).model_dump(mode="json")  # type: ignore[arg-type]
        else:
            payload = page.model_dump(mode="json")
        send(nxt, drop, payload)
        return f"-> pagemill.{nxt}"

    def retry_on(self, exc: Exception):
        countdown = get_settings().retry_backoff * (2 ** self.request.retries)
        return self.retry(exc=exc, countdown=countdown)


@celery_app.task(name="pagemill.clean", base=PageTask, bind=True)
def clean_task(self: PageTask, drop: dict, data_b64: str) -> str:
    d = Drop.model_validate(drop)
    page = decode_page(
        base64.b64decode(data_b64), d.filename, received_at=d.received_at, max_bytes=get_settings().max_page_bytes
    )
    return _run(self, "clean", d, page)


def _stage_task(stage: str):
    def body(self: PageTask, drop: dict, page: dict) -> str:
        return _run(self, stage, Drop.model_validate(drop), STAGE_INPUT[stage].model_validate(page))

    body.__name__ = f"{stage}_task"
    return celery_app.task(name=f"pagemill.{stage}", base=PageTask, bind=True)(body)


@lru_cache(maxsize=1)
def _ledger() -> RedisLedger:
    return RedisLedger(get_settings().effective_broker_url)


def _mark_started(drop: Drop, stage: str) -> None:
    try:
        _ledger().mark_started(drop.drop_id, stage)
    except Exception as exc:  # noqa: BLE001 - the pages view showing "queued" a little longer must never fail a page
        log.warning("could not mark page as processing", error=str(exc))


def _run(task: PageTask, stage: str, drop: Drop, page: Page) -> str:
    _mark_started(drop, stage)
    try:
        out = run_stage(stage, page)
    except (PageRejected, SoftTimeLimitExceeded):
        raise
    except Exception as exc:  # noqa: BLE001 - any stage bug: retry, then an error record
        log.warning("stage raised; retrying", error=repr(exc), attempt=task.request.retries + 1)
        raise task.retry_on(exc)
    return task.advance(stage, drop, out)


segment_task = _stage_task("segment")
classify_task = _stage_task("classify")
annotate_task = _stage_task("annotate")


@celery_app.task(name="pagemill.write", base=PageTask, bind=True)
def write_task(self: PageTask, drop: dict, record: dict) -> str:
    d = Drop.model_validate(drop)
    try:
        outcome = outbox().write_record(d, Record.model_validate(record))
    except OSError as exc:  # disk full or unwritable: retry; the page is still held
        raise self.retry_on(exc)
    return f"{outcome.status}: {outcome.path}"


@celery_app.task(name="pagemill.write_error", base=PageTask, bind=True, max_retries=10)
def write_error_task(self: PageTask, drop: dict, error: dict) -> str:
    d = Drop.model_validate(drop)
    try:
        outcome = outbox().write_error(d, **error)
    except OSError as exc:
        raise self.retry_on(exc)
    return f"failed: {error['error']}: {error['message']} -> {outcome.path}"


# --- logging context ------------------------------------------------------------


@signals.setup_logging.connect
def _setup_logging(**_kw) -> None:
    s = get_settings()
    configure(s.log_level, s.log_format)


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
