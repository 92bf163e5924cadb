"""A drop: one file taken from the inbox, as the watcher hands it to the tasks."""

from __future__ import annotations

import secrets
import time
from datetime import datetime, timezone

from pydantic import BaseModel, Field


def new_drop_id() -> str:
    """Time-ordered, unique id: milliseconds in hex, then 32 random bits."""
    return f"{int(time.time() * 1000):011x}{secrets.token_hex(4)}"


class Drop(BaseModel):
    drop_id: str = Field(default_factory=new_drop_id)
    filename: str = Field(description="Name of the file as it was dropped in the inbox.")
    size_bytes: int = 0
    sha256: str | None = None
    received_at: datetime = Field(default_factory=lambda: datetime.now(timezone.utc))
    held_at: str | None = Field(
        None, description="Where the host keeps the original while it is processed (informative: the writer derives it from drop_id)."
    )
    signature: str | None = Field(None, description="HMAC of the other fields by the host's watcher; the writer refuses a drop without a valid one.")
