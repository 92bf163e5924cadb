"""Authenticating drops between the watcher and the writer (HMAC-SHA256).

The writer moves files and writes records because a message asks it to. The
broker has no password by default, and Flower's API can send any task, so a
message alone proves nothing. The watcher signs each drop it takes with a key
that only the host holds (a file in the state folder, created on first use,
mode 0600); the writer files nothing for a drop whose signature does not
verify. Compute workers on other hosts never see the key: they carry the
signed drop through unchanged.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import secrets
from pathlib import Path

from ..models import Drop

KEY_FILE = "message.key"
_KEY_BYTES = 32


def load_key(state_dir: Path) -> bytes:
    """The host's message key, created (atomically, owner-only) if it does not exist yet."""
    state_dir = Path(state_dir)
    path = state_dir / KEY_FILE
    try:
        return _read(path)
    except FileNotFoundError:
        pass
    state_dir.mkdir(parents=True, exist_ok=True)
    tmp = state_dir / f".{KEY_FILE}.{os.getpid()}.{secrets.token_hex(4)}"
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(fd, "w") as f:
            f.write(secrets.token_hex(_KEY_BYTES))
            f.flush()
            os.fsync(f.fileno())
        # link() fails if the name exists: when the watcher and the writer start
        # together, one key wins and both read that one.
        try:
            os.link(tmp, path)
        except FileExistsError:
            pass
    finally:
        os.unlink(tmp)
    return _read(path)


def _read(path: Path) -> bytes:
    text = path.read_text(encoding="ascii").strip()
    key = bytes.fromhex(text)
    if len(key) < 16:
        raise ValueError(f"message key {path} is too short; delete it and restart pagemill to make a new one")
    return key


def _payload(drop: Drop) -> bytes:
    # held_at is not signed: the writer never uses it (it derives the held
    # file from the drop id), so it cannot matter what it says.
    fields = drop.model_dump(mode="json", exclude={"signature", "held_at"})
    return json.dumps(fields, sort_keys=True, separators=(",", ":"), ensure_ascii=True).encode("ascii")


def signature(drop: Drop, key: bytes) -> str:
    return hmac.new(key, _payload(drop), hashlib.sha256).hexdigest()


def sign(drop: Drop, key: bytes) -> Drop:
    drop.signature = signature(drop, key)
    return drop


def verify(drop: Drop, key: bytes) -> bool:
    return bool(drop.signature) and hmac.compare_digest(drop.signature, signature(drop, key))


def signing_sender(state_dir: Path, send):
    """``send`` for the host's own senders (watcher, retry-failed, reprocess): every drop signed with the host's key."""
    key = load_key(state_dir)
    return lambda task, drop, payload: send(task, sign(drop, key), payload)
