"""A learned second look at the persons the entity steps leave, measured with each gold folder left out in turn.
Tried in session 57 and not shipped: see docs/quality.md, "Session 57".

    .venv/bin/python benchmarks/person_doubt_cv.py [--jobs 2] [--thresholds 0.3 0.4 0.5] [--l2 W]
        [--drop-kinds KIND...] [--test-only DIR]... DIR...

The idea: the rules name a person from the name alone (a given name, a title, a capitalised pair), so a town, a team
or a heading's words that look like a name pass as one; whether such a span is a person might be told by what stands
around it. Every page of every folder goes through the stages as the service runs them. Each PERSON mention in the
record is an example (:func:`person_features`): 1 where the gold has a PERSON at that span, 0 where it has none;
mentions the scorer does not count (in chrome, on pages that score no persons, inside a longer gold name of another
label) are no examples. For each positional folder a logistic regression (:func:`workers.training.logistic.fit`, the
chrome models' fit: from zero, no randomness) is fitted on the other positional folders, and the folder's persons it
scores under a threshold are dropped from its records before they are scored (:func:`workers.evaluation.
evaluate_pages`). Each ``--test-only`` folder is scored by the model fitted on all positional folders and never
trained on: that is how a page nobody trained on would meet a shipped model.

Each line gives a folder's PERSON F1 and entity F1 (all labels) without the second look and with it at each
threshold; the last lines the mean over the positional folders that score persons, and how many gain and lose. The
pages' records and examples are cached under ``--cache`` by folder name: clear it after changing any stage.
"""

from __future__ import annotations

import argparse
import json
import math
import re
import sys
import zlib
from collections import Counter, defaultdict
from concurrent.futures import ProcessPoolExecutor
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from workers.evaluation import GoldPage, evaluate_pages, excused, norm_label, norm_span  # noqa: E402
from workers.stages.entities.core import Mention, Page, is_common, is_given_name  # noqa: E402
from workers.training.logistic import fit  # noqa: E402

#: Buckets the words are hashed into (as the chrome models').
BUCKETS = 4096
_TOKEN = re.compile(r"\w+|[^\w\s]")
_WORD = re.compile(r"\w+")


class PageWords:
    """What :func:`person_features` reads of the whole page, counted once: how often each word stands on it, and
    under which labels the mentions use each word."""

    def __init__(self, ms: list[Mention], page: Page) -> None:
        self.counts = Counter(w for t in page.texts for w in _WORD.findall(t))
        self.labels: dict[str, Counter] = defaultdict(Counter)
        for m in ms:
            for w in set(_WORD.findall(m.text(page.texts))):
                self.labels[w][m.label] += 1


def person_features(m: Mention, words: PageWords, page: Page) -> dict[str, float]:
    """What the model reads of a PERSON mention: its words and the words beside it (hashed), its shape, its line,
    which step made it, and the labels the page's other mentions give its words."""
    text = page.texts[m.seg]
    span = text[m.start:m.end]
    toks = span.split() or [span]
    f: dict[str, float] = {"bias": 1.0, f"origin:{m.origin}": 1.0, f"words:{min(len(toks), 4)}": 1.0}

    def hashed(kind: str, w: str) -> None:
        f[f"{kind}:{zlib.crc32(w.encode()) % BUCKETS}"] = 1.0

    before = [t.lower() for t in _TOKEN.findall(text[max(0, m.start - 80):m.start])[-2:]]
    after = [t.lower() for t in _TOKEN.findall(text[m.end:m.end + 80])[:2]]
    hashed("prev", before[-1] if before else "^")
    hashed("prev2", " ".join(before) if before else "^")
    hashed("next", after[0] if after else "$")
    hashed("next2", " ".join(after) if after else "$")
    first, last = toks[0], toks[-1]
    hashed("first", first.lower())
    hashed("last", last.lower())
    hashed("first_end", first[-3:].lower())
    hashed("last_end", last[-3:].lower())

    line_start = text.rfind("\n", 0, m.start) + 1
    line_end = text.find("\n", m.end)
    line_end = len(text) if line_end < 0 else line_end
    line = text[line_start:line_end]
    f["line_start"] = float(not text[line_start:m.start].strip())
    f["line_end"] = float(not text[m.end:line_end].strip(" .,:;"))
    f["short_line"] = float(len(line.strip()) < 40)
    f["tab_line"] = float("\t" in line)
    f["one_line_segment"] = float("\n" not in text.strip())
    f["capitals"] = float(span.isupper())
    f["lower_word"] = float(any(t[:1].islower() for t in toks))
    f["digit"] = float(any(c.isdigit() for c in span))
    f["given_first"] = float(is_given_name(first))
    f["common_first"] = float(is_common(first.lower()))
    f["common_last"] = float(is_common(last.lower()))
    f["last_count"] = math.log1p(words.counts[last])
    for w in set(_WORD.findall(span)):
        for label, n in words.labels.get(w, {}).items():
            if n - (label == m.label) > 0:  # another mention uses the word so
                f[f"shares:{label}"] = 1.0
    return f


def gold_pages(gold_dir: Path) -> list[tuple[Path, GoldPage]]:
    """Each gold page under ``gold_dir``, with the path of its page file (its name says how it is read)."""
    out = []
    for path in sorted(Path(gold_dir).glob("*/gold/*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        page_path = path.parent.parent / gold["page"]
        out.append((page_path, GoldPage(name=page_path.stem, gold=gold, text=page_path.read_text(encoding="utf-8"))))
    return out


def page_examples(item: tuple[Path, GoldPage]) -> tuple[str, dict[str, Any] | None, list]:
    """One gold page's record, and its persons as examples: (index of the entity in the record, features, label)."""
    from workers.stages import PageRejected, build_record, decode_page, run_stage
    from workers.stages.annotate import annotate, entity_texts
    from workers.stages.entities import ents, find
    from workers.stages.pipeline import STAGES

    path, gold = item
    try:
        page = decode_page(path.read_bytes(), path.name, received_at=datetime.now(timezone.utc))
    except PageRejected:
        return gold.name, None, []
    for name in STAGES:
        if name != "annotate":
            page = run_stage(name, page)
    texts = entity_texts(page)
    model_out = list(ents(texts))
    mentions = find(texts, model_ents=model_out)
    record = build_record(annotate(page, model_ents=model_out)).model_dump(mode="json")
    entities = record["entities"]
    assert len(entities) == len(mentions), "annotate makes one entity per mention, in order"

    scored = set(gold.gold.get("entity_labels_scored", []))
    if "PERSON" not in scored:
        return gold.name, record, []
    chrome = [(s["start"], s["end"]) for s in gold.gold["segments"] if s["role"] == "furniture"]
    gold_ents = []
    for ge in gold.gold["entities"]:
        s, e = norm_span(gold.text, ge["start"], ge["end"])
        if not any(c0 <= s and e <= c1 for c0, c1 in chrome):
            gold_ents.append((s, e, ge["label"]))
    people = {(s, e) for s, e, lab in gold_ents if norm_label(lab) == "PERSON"}
    on_page = Page(texts)
    words = PageWords(mentions, on_page)
    rows = []
    for i, (m, ent) in enumerate(zip(mentions, entities)):
        if m.label != "PERSON":
            continue
        s, e = norm_span(gold.text, ent["source_start"], ent["source_end"])
        if any(c0 <= s and e <= c1 for c0, c1 in chrome):
            continue
        right = (s, e) in people
        if not right and excused(s, e, "PERSON", gold_ents, scored):
            continue
        rows.append((i, person_features(m, words, on_page), float(right)))
    return gold.name, record, rows


def load(folder: Path, cache: Path, jobs: int) -> list:
    """:func:`page_examples` of every page under ``folder``, from the cache when made before."""
    path = cache / f"{folder.name}.json"
    if not path.exists():
        items = gold_pages(folder)
        if jobs > 1 and len(items) > 1:
            with ProcessPoolExecutor(max_workers=jobs) as pool:
                made = list(pool.map(page_examples, items, chunksize=2))
        else:
            made = [page_examples(it) for it in items]
        cache.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(made), encoding="utf-8")
    return json.loads(path.read_text(encoding="utf-8"))


def scores(gold: dict[str, GoldPage], made: list, weights: dict[str, float] | None, threshold: float) -> tuple[float, float]:
    """PERSON F1 and entity F1 of a folder's records against its ``gold`` pages, the persons scored under
    ``threshold`` dropped (none without weights)."""
    cut = math.log(threshold / (1 - threshold))
    records = {}
    for name, record, rows in made:
        if record is None:
            continue
        drop = {i for i, x, _ in rows
                if weights is not None and sum(weights.get(k, 0.0) * v for k, v in x.items()) < cut}
        records[name] = {**record, "entities": [e for i, e in enumerate(record["entities"]) if i not in drop]}
    s = evaluate_pages(gold, records)
    return s["entity_per_label"].get("PERSON", {}).get("f1", float("nan")), s["entity_f1"]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("folders", type=Path, nargs="+", help="gold folders, each left out in turn")
    ap.add_argument("--test-only", type=Path, action="append", default=[],
                    help="a gold folder scored by the model fitted on all the others, never trained on (repeatable)")
    ap.add_argument("--thresholds", type=float, nargs="+", default=[0.3, 0.4, 0.5])
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--l2", type=float, default=1.0, help="the L2 penalty's weight (default 1, the chrome models')")
    ap.add_argument("--drop-kinds", nargs="*", default=[], help="feature kinds left out (a name, or its part before ':')")
    ap.add_argument("--cache", type=Path, default=ROOT / ".pagemill" / "train" / "person-examples")
    args = ap.parse_args(argv)

    made = {}
    for folder in [*args.folders, *args.test_only]:
        made[folder] = load(folder, args.cache, args.jobs)
        for _, _, rows in made[folder]:
            for _, x, _ in rows:
                for k in [k for k in x if k.split(":")[0] in args.drop_kinds]:
                    del x[k]
        print(f"made {folder.name}: {sum(len(r) for _, _, r in made[folder])} persons", file=sys.stderr, flush=True)

    def fitted(on: list[Path]) -> dict[str, float]:
        rows = [(x, y) for f in on for _, _, page_rows in made[f] for _, x, y in page_rows]
        return fit([x for x, _ in rows], [y for _, y in rows], args.l2)

    ts = args.thresholds
    print("folder\tPERSON F1: without | " + " | ".join(f"at {t}" for t in ts) + "\tentity F1: without | "
          + " | ".join(f"at {t}" for t in ts))
    rows = []
    everything = fitted(args.folders) if args.test_only else None
    for folder in [*args.folders, *args.test_only]:
        test_only = folder in args.test_only
        weights = everything if test_only else fitted([f for f in args.folders if f != folder])
        gold = {page.name: page for _, page in gold_pages(folder)}
        base = scores(gold, made[folder], None, 0.5)
        at = [scores(gold, made[folder], weights, t) for t in ts]
        if not test_only and not math.isnan(base[0]):
            rows.append((base, at))
        print(f"{folder.name}{' (test only)' if test_only else ''}\t{base[0]:.3f} | "
              + " | ".join(f"{a[0]:.3f}" for a in at) + f"\t{base[1]:.4f} | " + " | ".join(f"{a[1]:.4f}" for a in at),
              flush=True)
    n = len(rows)
    if n:
        print(f"mean of {n}\t{sum(b[0] for b, _ in rows) / n:.4f} | "
              + " | ".join(f"{sum(a[j][0] for _, a in rows) / n:.4f}" for j in range(len(ts)))
              + f"\t{sum(b[1] for b, _ in rows) / n:.4f} | "
              + " | ".join(f"{sum(a[j][1] for _, a in rows) / n:.4f}" for j in range(len(ts))))
        for j, t in enumerate(ts):
            up = sum(a[j][0] > b[0] + 1e-9 for b, a in rows)
            down = sum(a[j][0] < b[0] - 1e-9 for b, a in rows)
            print(f"at {t}: PERSON F1 up in {up} folders, down in {down}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
