"""A drop: one file taken from the inbox, as the watcher hands it to the tasks."""

from __future__ import annotations

import codecs
import secrets
import time
from datetime import datetime, timezone

from pathlib import PurePosixPath

from pydantic import BaseModel, Field, field_validator


def new_drop_id() -> str:
    """Time-ordered, unique id: milliseconds in hex, then 32 random bits."""
    return f"{int(time.time() * 1000):011x}{secrets.token_hex(4)}"


def _percent(err: UnicodeDecodeError) -> tuple[str, int]:
    return "".join(f"%{b:02X}" for b in err.object[err.start : err.end]), err.end


codecs.register_error("pagemill.percent", _percent)


def utf8_name(name: str) -> str:
    """The name with each byte that is not UTF-8 written as ``%XX``.

    A POSIX file name is bytes. Python hands a name that is not UTF-8 over with
    its odd bytes as lone surrogates (PEP 383), which neither JSON nor the
    broker can carry: one such name used to stop every page taken in the same
    pass, and `pagemill process` whole. Escaped, the name stays readable and
    still tells its bytes apart; the original is archived under it. Not a
    backslash escape: a folder's own backslashes are written ``%5C`` too.
    """
    try:
        name.encode("utf-8")
        return name
    except UnicodeEncodeError:
        pass
    # surrogatepass also takes a surrogate no file name decoding makes (e.g. one read from JSON).
    return name.encode("utf-8", "surrogateescape" if _escaped_bytes_only(name) else "surrogatepass").decode("utf-8", "pagemill.percent")


def _escaped_bytes_only(name: str) -> bool:
    return all(not 0xD800 <= ord(c) <= 0xDFFF or 0xDC80 <= ord(c) <= 0xDCFF for c in name)


class Drop(BaseModel):
    drop_id: str = Field(default_factory=new_drop_id)
    filename: str = Field(description="Name of the file as it was dropped in the inbox.")
    size_bytes: int = 0
    sha256: str | None = None
    received_at: datetime = Field(default_factory=lambda: datetime.now(timezone.utc))
    held_at: str | None = Field(
        None, description="Where the host keeps the original while it is processed (informative: the writer derives it from drop_id)."
    )
    folder: str | None = Field(None, description="Subfolder of the inbox it was dropped in ('a/b'), if any.")
    retry_of: str | None = Field(None, description="Drop id of the failed drop this one retries (pagemill retry-failed).")
    replaces: str | None = Field(
        None, description="Outbox file name of the outcome this drop's record replaces (reprocessing): no duplicate check."
    )
    signature: str | None = Field(None, description="HMAC of the other fields by the host's watcher; the writer refuses a drop without a valid one.")

    @field_validator("filename", mode="before")
    @classmethod
    def _utf8_name(cls, v: object) -> object:
        return utf8_name(v) if isinstance(v, str) else v

    @field_validator("folder", mode="before")
    @classmethod
    def _utf8_folder(cls, v: object) -> object:
        # A backslash is an ordinary character in a POSIX folder name, but a separator elsewhere: written %5C
        # like any other odd byte, it can never lead out of archive/ or failed/. Refused instead, it used to
        # stop every page the watcher took in the same pass as one page from such a folder.
        return utf8_name(v).replace("\\", "%5C") if isinstance(v, str) else v

    @field_validator("replaces")
    @classmethod
    def _outbox_name(cls, v: str | None) -> str | None:
        # The writer replaces this file in the outbox: a bare name, never a path out of it.
        if v is not None and (not v or PurePosixPath(v).name != v or v in (".", "..") or "\\" in v or "\0" in v):
            raise ValueError(f"replaces must be a file name in the outbox, not {v!r}")
        return v

    @field_validator("folder")
    @classmethod
    def _relative_folder(cls, v: str | None) -> str | None:
        # The writer files the original under this folder in archive/ and failed/: it must stay inside them.
        if v in (None, "", "."):
            return None
        parts = PurePosixPath(v).parts
        if PurePosixPath(v).is_absolute() or any(p in ("..", ".") for p in parts) or "\0" in v:
            raise ValueError(f"folder must be a relative path inside the inbox, not {v!r}")
        return "/".join(parts)
