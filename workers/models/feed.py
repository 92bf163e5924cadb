"""The feed: one numbered entry per outcome, in the order the outbox writer wrote them.

An entry says what was written and where; the outcome itself (a record,
duplicate note or error record) travels beside it, so a consumer on another
host needs only the broker URL.
"""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

OutcomeKind = Literal["record", "duplicate", "error"]


class FeedEntry(BaseModel):
    model_config = ConfigDict(extra="forbid")

    seq: int = Field(description="Position in the feed: 1, 2, 3, ... across the whole deployment, never reused.")
    kind: OutcomeKind = Field(description="record, duplicate or error: the `kind` of the outcome file.")
    id: str = Field(description="The record id (content id) for a record or duplicate note; the drop id for an error record.")
    drop_id: str = Field(description="Time-ordered id pagemill gave the dropped file.")
    filename: str = Field(description="Name of the file as it was dropped.")
    path: str = Field(description="File name of the outcome in the outbox.")
    written_at: datetime = Field(description="When the outcome was written (UTC).")
    replaces: str | None = Field(
        None,
        description="On the outcome of a page sent through again (`pagemill retry-failed`): the file name of the error record"
        " it replaces, which the outbox no longer holds. A consumer that kept that error drops it.",
    )
