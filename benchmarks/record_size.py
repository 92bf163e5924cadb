#!/usr/bin/env python3
"""Record size benchmark: how big a record is against its page, and what its bytes are.

    .venv/bin/python benchmarks/record_size.py [--corpus DIR] [--big-mb 2] [--json FILE] [--limit N]

Every corpus page (``<corpus>/*/pages/*.txt``) and one page of about ``--big-mb``
MB cut from the corpus text (``benchmarks/pages.py``) run through the stages in
this process (the code of ``pagemill process``); each record is serialised as
the outbox writes it. Figures: record bytes over page bytes (median, max, how
many pages are over 4x: issue 13 wants none), and where the bytes go, by JSON
path (``segments[].sentences[].source_start``: its key, value and separators),
with null values and locators also summed apart.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from benchmarks.pages import corpus_text, sized  # noqa: E402

DEFAULT_CORPUS = REPO.parent / "shared" / "corpus"
TARGET = 4.0


def _n(value) -> int:
    return len(json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))


def breakdown(doc, path: str = "", acc: Counter | None = None, nulls: Counter | None = None) -> tuple[Counter, Counter]:
    """Bytes of ``doc`` (compact JSON) by path; a member's key, colon and comma count with its value."""
    acc = Counter() if acc is None else acc
    nulls = Counter() if nulls is None else nulls
    if isinstance(doc, dict):
        acc[path or "(record)"] += 2  # braces
        for key, value in doc.items():
            sub = f"{path}.{key}" if path else key
            overhead = _n(key) + 2  # colon, comma
            if isinstance(value, (dict, list)):
                acc[sub] += overhead
                breakdown(value, sub, acc, nulls)
            else:
                acc[sub] += overhead + _n(value)
                if value is None:
                    nulls[sub] += overhead + 4
    elif isinstance(doc, list):
        acc[path] += 2 + max(len(doc) - 1, 0)  # brackets, commas
        for item in doc:
            if isinstance(item, (dict, list)):
                breakdown(item, path + "[]", acc, nulls)
            else:
                acc[path + "[]"] += _n(item)
    else:
        acc[path] += _n(doc)
    return acc, nulls


def measure(data: bytes, name: str) -> dict:
    from workers.stages import process_bytes

    t0 = time.process_time()
    record = process_bytes(data, name, max_bytes=len(data) + 1)
    cpu = time.process_time() - t0
    body = record.model_dump_json().encode("utf-8")
    acc, nulls = breakdown(json.loads(body))
    return {"name": name, "page_bytes": len(data), "record_bytes": len(body), "ratio": len(body) / len(data),
            "by_path": acc, "nulls": nulls, "cpu_s": round(cpu, 2)}


def table(results: list[dict], top: int = 25) -> list[str]:
    page = sum(r["page_bytes"] for r in results)
    rec = sum(r["record_bytes"] for r in results)
    acc: Counter = Counter()
    nulls: Counter = Counter()
    for r in results:
        acc.update(r["by_path"])
        nulls.update(r["nulls"])
    lines = [f"  {'path':<48} {'bytes':>11} {'share':>6} {'x page':>7}"]
    for path, b in acc.most_common(top):
        lines.append(f"  {path:<48} {b:>11,} {b / rec:>6.1%} {b / page:>7.2f}")
    groups = {
        "null values (all paths)": sum(nulls.values()),
        "locators (all paths)": sum(b for p, b in acc.items() if "locator" in p),
        "segments (all)": sum(b for p, b in acc.items() if p.startswith("segments")),
        "segments[].sentences (all)": sum(b for p, b in acc.items() if p.startswith("segments[].sentences")),
        "entities (all)": sum(b for p, b in acc.items() if p.startswith("entities")),
        "repairs (all)": sum(b for p, b in acc.items() if p.startswith("repairs")),
    }
    for label, b in groups.items():
        lines.append(f"  {label:<48} {b:>11,} {b / rec:>6.1%} {b / page:>7.2f}")
    return lines


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--big-mb", type=float, default=2.0, help="size of the page cut from the corpus text; 0 leaves it out")
    ap.add_argument("--limit", type=int, default=0, help="only the first N corpus pages (0: all)")
    ap.add_argument("--json", type=Path)
    args = ap.parse_args()

    from workers.stages.annotate import load_model

    load_model()
    files = sorted(args.corpus.glob("*/pages/*.txt"))
    if args.limit:
        files = files[: args.limit]
    corpus = [measure(f.read_bytes(), f.name) for f in files]
    ratios = [r["ratio"] for r in corpus]
    big = None
    if args.big_mb:
        text = sized(corpus_text(args.corpus), int(args.big_mb * 1_000_000))
        big = measure(text.encode("utf-8"), "corpus-big.txt")

    print(f"corpus: {len(corpus)} pages, record / page median {statistics.median(ratios):.2f}x, "
          f"max {max(ratios):.2f}x ({max(corpus, key=lambda r: r['ratio'])['name']}), "
          f"over {TARGET:g}x: {sum(x > TARGET for x in ratios)}")
    print("\n".join(table(corpus)))
    if big:
        print(f"big page: {big['page_bytes']:,} bytes, record {big['record_bytes']:,} bytes = {big['ratio']:.2f}x "
              f"(stages {big['cpu_s']} s CPU)")
        print("\n".join(table([big])))
    if args.json:
        summary = {
            "pages": len(corpus),
            "ratio_median": round(statistics.median(ratios), 3),
            "ratio_max": round(max(ratios), 3),
            "pages_over_target": sum(x > TARGET for x in ratios),
            "big_page_bytes": big and big["page_bytes"],
            "big_record_bytes": big and big["record_bytes"],
            "big_ratio": big and round(big["ratio"], 3),
            "target": TARGET,
        }
        out = {"summary": summary,
               "pages": [{k: r[k] for k in ("name", "page_bytes", "record_bytes")} | {"ratio": round(r["ratio"], 3)} for r in corpus],
               "corpus_by_path": dict(sum((Counter(r["by_path"]) for r in corpus), Counter()).most_common()),
               "big_by_path": dict(big["by_path"].most_common()) if big else None}
        args.json.write_text(json.dumps(out, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
