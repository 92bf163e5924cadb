"""Benchmark pages made unique from the corpus, and the outbox watched for their outcomes."""

from __future__ import annotations

import json
import os
import re
import statistics
import time
from dataclasses import dataclass
from pathlib import Path


@dataclass
class PageFile:
    key: str  # prefix of the file name; every outcome file of this drop starts with it
    name: str
    data: bytes


def corpus_files(corpus: Path) -> list[Path]:
    files = sorted(corpus.glob("*/pages/*.txt"))
    if not files:
        raise SystemExit(f"no corpus pages under {corpus}/*/pages/ (use --corpus DIR)")
    return files


def make_pages(files: list[Path], n: int, tag: str, run: str, start: int = 0) -> list[PageFile]:
    """n corpus pages, cycled, each made unique (and unknown to any earlier run) by a last line."""
    out = []
    for i in range(n):
        src = files[(start + i) % len(files)]
        key = f"{tag}{i:05d}"
        stem = re.sub(r"[^A-Za-z0-9_-]+", "_", src.stem)[:60]
        data = src.read_bytes().rstrip(b"\n") + f"\n\nBenchmark copy {run} {tag} {i}.\n".encode()
        out.append(PageFile(key, f"{key}-{stem}.txt", data))
    return out


def key_of(filename: str) -> str:
    return filename.lstrip(".").split("-", 1)[0]


# --- watching the outbox ------------------------------------------------------------


class OutboxWatch:
    """Notices outcome files as they appear; an outcome's time is its file's mtime (set when it was written)."""

    def __init__(self, outbox: Path) -> None:
        self.outbox = outbox
        self.found: dict[str, tuple[str, float]] = {}  # key -> (file name, mtime)

    def poll(self) -> None:
        try:
            entries = list(os.scandir(self.outbox))
        except FileNotFoundError:
            return
        for e in entries:
            if e.name.startswith(".") or not e.name.endswith(".json"):
                continue
            k = key_of(e.name)
            if k not in self.found:
                try:
                    self.found[k] = (e.name, e.stat().st_mtime)
                except FileNotFoundError:
                    pass

    def wait(self, keys: list[str], timeout: float, alive=lambda: None) -> None:
        deadline = time.monotonic() + timeout
        missing = set(keys)
        while True:
            self.poll()
            missing = {k for k in missing if k not in self.found}
            if not missing:
                return
            if time.monotonic() > deadline:
                raise TimeoutError(f"{len(missing)} of {len(keys)} outcomes missing after {timeout:.0f}s, e.g. {sorted(missing)[:3]}")
            alive()
            # outcome times come from file mtimes, so polling slowly costs no accuracy, only less CPU taken from the service
            time.sleep(0.05)

    def outcome(self, key: str) -> dict:
        name, _ = self.found[key]
        return json.loads((self.outbox / name).read_text(encoding="utf-8"))


def kinds(watch: OutboxWatch, keys: list[str]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for k in keys:
        name = watch.found[k][0]
        kind = "error" if name.endswith(".error.json") else "duplicate" if name.endswith(".duplicate.json") else "record"
        counts[kind] = counts.get(kind, 0) + 1
    return counts


def stage_means(records: list[dict]) -> dict[str, float]:
    acc: dict[str, list[float]] = {}
    for r in records:
        for stage, ms in (r.get("pipeline") or {}).get("stages_ms", {}).items():
            acc.setdefault(stage, []).append(ms)
    return {s: round(statistics.fmean(v), 2) for s, v in acc.items()}
