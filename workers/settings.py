"""The one settings object. Every knob has a default and a PAGEMILL_* environment variable.

Read it with :func:`get_settings`; it is built once per process. Paths are
resolved against the working directory, so running pagemill from the checkout
uses ``./inbox`` and ``./outbox``.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from pydantic import Field, SecretStr, ValidationError
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="PAGEMILL_", extra="ignore")

    # --- folders -----------------------------------------------------------
    inbox: Path = Field(Path("inbox"), description="Folder watched for new pages.")
    outbox: Path = Field(Path("outbox"), description="Folder that receives one JSON outcome per page.")
    archive: Path = Field(Path("archive"), description="Originals move here once their record is written.")
    failed: Path = Field(Path("failed"), description="Originals that could not be processed move here.")
    outbox_mode: str | None = Field(
        None,
        pattern=r"^(0o?)?[0-7]{3}$",
        description="Permission bits of outbox files, octal (e.g. 0640). Unset: each record takes its original's mode, 0644 when unknown.",
    )
    state_dir: Path = Field(
        Path(".pagemill"),
        description="Private state: embedded broker data, pages being processed, dashboard state.",
    )

    # --- broker ------------------------------------------------------------
    broker_url: str | None = Field(
        None,
        description="redis:// URL of the broker. Unset: pagemill up starts an embedded Valkey server.",
    )
    broker_password: SecretStr | None = Field(
        None, description="Password for the broker (embedded or external when the URL has none)."
    )
    embedded_broker_host: str = Field("127.0.0.1", description="Loopback address the embedded broker binds to.")
    embedded_broker_port: int = Field(6390, ge=1, le=65535, description="Port of the embedded broker.")

    # --- tasks -------------------------------------------------------------
    task_time_limit: int = Field(120, ge=1, description="Hard time limit of one task (all four stages of a page, or writing its record), in seconds. A page whose stages run out of time (at about 90% of it) gets a too_large_to_finish error record, not a retry; pagemill process applies the same limit.")
    task_max_retries: int = Field(2, ge=0, description="Retries of a page whose stage raised, before the page fails.")
    retry_backoff: float = Field(
        1.0,
        ge=0,
        description="Seconds before the first retry; doubles each time. Also the pause before a page's message is handed "
        "back to a broker that is away or refuses writes.",
    )
    restore_unacked_interval: float = Field(
        10.0, gt=0, description="How often a worker looks for pages whose worker died (kombu restore interval)."
    )
    concurrency: int = Field(0, ge=0, description="Worker processes per worker; 0 means one per CPU core.")
    worker_max_memory_mb: int = Field(
        350,
        ge=0,
        description="A worker process whose peak RSS passed this many MB is replaced after its page by a fresh one "
        "(forked with the model loaded). It bounds what a process keeps after a big page and the model's word list, "
        "which grows with every new word it reads; 0 never replaces one.",
    )
    max_page_bytes: int = Field(
        2_000_000,
        ge=1,
        description="Longest page text accepted, in bytes: the file itself for text, HTML and Markdown, the text read "
        "out of a PDF or Word file; longer pages get an error record (too_large). A worker process needs about 70 MB "
        "per MB of page text at its peak (2 MB: 363 MB with the model), and a 2 MB page of text takes about a minute "
        "of CPU: raise it only with the memory and PAGEMILL_TASK_TIME_LIMIT to match.",
    )
    max_file_bytes: int = Field(
        50_000_000,
        ge=1,
        description="Largest file of any format accepted, in bytes, before it is read (a PDF or Word file is mostly "
        "images and fonts, so its own size may pass PAGEMILL_MAX_PAGE_BYTES); larger files get an error record (too_large). "
        "The file travels in its task message, so this also bounds a message in the broker. A Word file may unpack to at "
        "most this plus 16 times PAGEMILL_MAX_PAGE_BYTES (checked before it is unpacked).",
    )

    # --- stages ------------------------------------------------------------
    # output=True: the setting changes what a record says, so it is part of pipeline.version (workers/provenance.py).
    taxonomy: Path | None = Field(
        None,
        description="JSON file with your own topic taxonomy; unset uses the bundled IPTC Media Topics top level.",
        json_schema_extra={"output": True},
    )

    # --- watcher -----------------------------------------------------------
    inbox_recursive: bool = Field(
        False,
        description="Take pages from the inbox's subfolders too; the folder goes into the record "
        "(source.folder) and archive/failed keep the same tree. Off: a dropped folder gets an error record.",
    )
    watch_polling: bool = Field(False, description="Poll the inbox instead of OS events (network shares).")
    poll_interval: float = Field(1.0, gt=0, description="Seconds between polls in polling mode.")
    settle_seconds: float = Field(
        0.5, ge=0, description="A file must be unchanged this long before it is taken (half-written files wait)."
    )
    sweep_interval: float = Field(
        30.0,
        gt=0,
        description="Seconds between full inbox scans that catch events the OS dropped. A page written in place "
        "whose writer's close was never seen is taken once a scan finds it without an event or a change for this long.",
    )

    # --- dashboard ---------------------------------------------------------
    flower_address: str = Field("127.0.0.1", description="Address Flower binds to.")
    flower_port: int = Field(5555, ge=1, le=65535, description="Port of the Flower dashboard.")
    flower_basic_auth: str | None = Field(None, description="user:password to protect Flower with basic auth.")
    pages_address: str = Field("127.0.0.1", description="Address the pages view (pagemill pages) binds to.")
    pages_port: int = Field(5556, ge=1, le=65535, description="Port of the pages view: recent pages, their outcome, counts and /metrics.")
    pages_basic_auth: str | None = Field(
        None, description="user:password to protect the pages view; unset uses PAGEMILL_FLOWER_BASIC_AUTH."
    )
    pages_recent: int = Field(100, ge=1, description="How many recent pages the pages view and pagemill status list.")

    # --- feed and consumers (issue 14: workers/edges/feed.py, hooks.py, sink.py) ---
    feed_max_entries: int = Field(
        0, ge=0, description="Keep only the newest this many feed entries (each holds its outcome, compressed); 0 keeps everything."
    )
    on_outcome: str | None = Field(
        None, description="Command run (by `pagemill hooks`, never in the pipeline) for each outcome; "
        "PAGEMILL_OUTCOME_PATH, _KIND, _SEQ, _ID and _FILENAME are in its environment."
    )
    webhook_url: str | None = Field(None, description="URL that receives a POST of each outcome's JSON, signed with PAGEMILL_WEBHOOK_SECRET.")
    webhook_secret: SecretStr | None = Field(
        None, description="Shared secret of the webhook's X-Pagemill-Signature (sha256=HMAC of the body)."
    )
    hook_timeout: float = Field(30.0, gt=0, description="Seconds a hook command or webhook call may take before it counts as failed.")
    hook_max_attempts: int = Field(
        10, ge=1, description="Deliveries of one outcome to one hook before it is given up (and listed in the pages view)."
    )
    hook_backoff: float = Field(2.0, ge=0, description="Seconds before a failed hook delivery is retried; doubles each time, up to 10 minutes.")
    sink_url: str | None = Field(None, description="postgres:// URL; `pagemill up` then also runs `pagemill sink` into it.")

    # --- logging -----------------------------------------------------------
    log_level: str = Field("INFO", description="DEBUG, INFO, WARNING or ERROR.")
    log_format: str = Field("auto", description="json, console, or auto (console on a terminal, else json).")

    # ----------------------------------------------------------------------
    @property
    def embedded(self) -> bool:
        return self.broker_url is None

    @property
    def effective_broker_url(self) -> str:
        if self.broker_url:
            url = self.broker_url
            if self.broker_password and "@" not in url.split("//", 1)[-1]:
                scheme, rest = url.split("//", 1)
                url = f"{scheme}//:{self.broker_password.get_secret_value()}@{rest}"
            return url
        auth = f":{self.broker_password.get_secret_value()}@" if self.broker_password else ""
        return f"redis://{auth}{self.embedded_broker_host}:{self.embedded_broker_port}/0"

    @property
    def page_time_limit(self) -> int:
        """Seconds a page's stages may run before it ends as ``too_large_to_finish`` (the task's soft
        time limit; the hard limit, a little later, leaves the stage time to stop)."""
        return max(1, self.task_time_limit - max(2, self.task_time_limit // 10))

    @property
    def visibility_timeout(self) -> int:
        # A task holds its message unacked while it runs; redelivery must not
        # start before the hard time limit has killed a stuck task.
        return int(self.task_time_limit * 1.25) + 5

    @property
    def outbox_file_mode(self) -> int | None:
        return int(self.outbox_mode.removeprefix("0o"), 8) if self.outbox_mode else None

    @property
    def processing_dir(self) -> Path:
        return self.state_dir / "processing"

    @property
    def broker_dir(self) -> Path:
        return self.state_dir / "broker"


class SettingsError(ValueError):
    """A PAGEMILL_* variable holds a value pagemill cannot use; the message names it, its value and what it takes."""


# Where a description's first clause ends: a colon, semicolon or full stop (not the one of "e.g.").
_FIRST_CLAUSE = re.compile(r"(?<!e\.g)\.\s|[:;]\s")
_KINDS = {int: "a whole number", float: "a number", bool: "true or false", Path: "a path", str: "text", SecretStr: "text"}


def _expected(name: str) -> str:
    """What the setting ``name`` takes, in words: its kind and bounds (``a whole number greater than 0``)."""
    info = Settings.model_fields[name]
    kinds = [t for t in getattr(info.annotation, "__args__", (info.annotation,)) if t is not type(None)]
    what = " or ".join(_KINDS.get(t, getattr(t, "__name__", str(t))) for t in kinds)
    # Field(gt=..., ge=..., le=...) keeps each bound as a metadata object with an attribute of that name.
    bounds = {k: getattr(m, k) for m in info.metadata for k in ("gt", "ge", "le") if getattr(m, k, None) is not None}
    if "ge" in bounds and "le" in bounds:
        what += f" from {bounds['ge']} to {bounds['le']}"
    elif "gt" in bounds:
        what += f" greater than {bounds['gt']}"
    elif "ge" in bounds:
        what += f" of {bounds['ge']} or more"
    pattern = next((m.pattern for m in info.metadata if getattr(m, "pattern", None)), None)
    if pattern:
        what += f" matching {pattern}"
    about = _FIRST_CLAUSE.split(info.description or "", maxsplit=1)[0].rstrip(".")
    return f"{what} ({about[0].lower() + about[1:]})" if about else what


# Plain text settings that may hold a password: their value is never repeated in a message.
_MAY_HOLD_SECRETS = frozenset({"broker_url", "sink_url", "webhook_url", "flower_basic_auth", "pages_basic_auth"})


def describe_invalid(exc: ValidationError) -> str:
    """One line for a user: each bad PAGEMILL_* variable, the value it holds, and what it takes."""
    said = []
    for err in exc.errors():
        name = str(err["loc"][0]) if err.get("loc") else ""
        if name not in Settings.model_fields:
            said.append(err["msg"])
            continue
        annotation = Settings.model_fields[name].annotation
        secret = SecretStr in getattr(annotation, "__args__", (annotation,)) or name in _MAY_HOLD_SECRETS
        value = "(hidden)" if secret else repr(str(err.get("input")))[:80]
        said.append(f"PAGEMILL_{name.upper()}={value} is not valid: expected {_expected(name)}")
    return "; ".join(said)


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The settings, from the environment; :class:`SettingsError` (one line) when a variable holds a bad value."""
    try:
        return Settings()
    except ValidationError as exc:
        raise SettingsError(describe_invalid(exc)) from None
