"""Reading the bundled data files under ``workers/data/`` (package data, never downloaded)."""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any


def text(name: str) -> str:
    return resources.files("workers").joinpath("data", name).read_text(encoding="utf-8")


@lru_cache(maxsize=None)
def table(name: str) -> Any:
    """A bundled JSON file, parsed once per process (callers must not change it)."""
    return json.loads(text(name))


@lru_cache(maxsize=None)
def patterns(name: str) -> tuple[dict[str, Any], ...]:
    """The lines of a bundled JSONL pattern file (spaCy EntityRuler format: label, pattern, id)."""
    return tuple(json.loads(line) for line in text(name).splitlines() if line.strip())
