"""How much chrome the model of lines read alone adds on sets read as they were while held out: a time-travel measure.

    python benchmarks/chrome_time_travel.py [--jobs 2] SET=COMMIT... -- TRAIN_ONLY_SET...

Every invented set was held out for a while and then became development, and rules were written for its chrome.
Scoring today's code on it overstates what a new site gets; scoring the code of a commit from while it was held out
does not. For each SET=COMMIT (a gold folder, and a commit from while it was held out, such as the one before it
joined ``CHROME_DEV_SETS``) the code of COMMIT, checked out in a temporary git worktree, finds the set's chrome
(rules and that day's models); the model of lines read alone
(:mod:`workers.training.unaided_chrome`) is fitted on every other folder given, and what it scores above each
threshold is added, as ``clean`` adds it, phone numbers and email addresses left out. Printed per set and over all:
furniture precision and recall in characters of whole lines, and the content characters the model added.

The figures of session 55 (``docs/quality.md``)::

    python benchmarks/chrome_time_travel.py \\
        tests/fixtures/corpus_kinds_check8=5cf9949^ tests/fixtures/corpus_kinds_check9=8d49590^ \\
        tests/fixtures/corpus_kinds_check10=2a5edf4^ tests/fixtures/corpus_kinds_check11=bc9ae4b^ \\
        tests/fixtures/corpus_kinds_check12=cee73b5^ tests/fixtures/corpus_kinds_check13=04754bf^ \\
        -- ../shared/corpus .pagemill/train/chrome-catalog1 .pagemill/train/chrome-catalog2 \\
        .pagemill/train/chrome-catalog3 tests/fixtures/{roles_dev,roles_check,roles_check2,entities_dev} \\
        tests/fixtures/{entities_check,patterns,corpus_kinds_check,corpus_kinds_check2,corpus_kinds_dev3} \\
        tests/fixtures/{corpus_kinds_check3,corpus_kinds_dev4,corpus_kinds_check4,corpus_kinds_dev5} \\
        tests/fixtures/{corpus_kinds_check5,corpus_kinds_check6,corpus_kinds_check7}

About ten minutes on 2 cores (a fit per set).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import os
import subprocess
import sys
import tempfile
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from workers.stages.clean import _EMAIL, _MEDIA_CONTACT, _PHONE_NUMBER, PageShape, unaided_line_features  # noqa: E402
from workers.training import unaided_chrome  # noqa: E402
from workers.training.logistic import fit, gold_lines  # noqa: E402

THRESHOLDS = (0.8, 0.9, 0.95)
# Run with the old code: each page's chrome as that code found it, keyed by the page text's digest.
_DUMP = """
import hashlib, json, sys
from pathlib import Path
from workers.stages.clean import find_chrome
from workers.training.logistic import gold_lines
out = {hashlib.sha1(text.encode()).hexdigest(): sorted(find_chrome(lines, text)) for text, lines, _ in gold_lines([Path(sys.argv[1])])}
json.dump(out, sys.stdout)
"""


def _digest(text: str) -> str:
    return hashlib.sha1(text.encode()).hexdigest()


def old_finds(folder: Path, commit: str) -> dict[str, set[int]]:
    """The chrome lines the code of ``commit`` finds on each page of ``folder``, by page digest."""
    with tempfile.TemporaryDirectory() as tmp:
        tree = Path(tmp) / "tree"
        subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", "-f", str(tree), commit], check=True,
                       capture_output=True)
        try:
            out = subprocess.run([sys.executable, "-c", _DUMP, str(folder)], cwd=tree, env={**os.environ, "PYTHONPATH": str(tree)},
                                 check=True, capture_output=True, text=True).stdout
        finally:
            subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(tree)], check=True,
                           capture_output=True)
    return {k: set(v) for k, v in json.loads(out).items()}


def _examples(folder: Path) -> list[tuple[str, list, list[float], list[dict[str, float]]]]:
    pages = []
    for text, lines, label in gold_lines([folder]):
        shape = PageShape(lines, text, {})
        pages.append((text, lines, [label(ln) for ln in lines],
                      [unaided_line_features(shape, i, unaided_chrome.BUCKETS) for i in range(len(lines))]))
    return pages


def _fold(args: tuple[str, dict[str, list]]) -> tuple[str, list[float]]:
    name, pages = args
    xs = [f for n, ps in pages.items() if n != name for _, _, _, fs in ps for f in fs]
    ys = [y for n, ps in pages.items() if n != name for _, _, ls, _ in ps for y in ls]
    weights = fit(xs, ys)
    return name, [sum(v * weights.get(k, 0.0) for k, v in f.items()) for _, _, _, fs in pages[name] for f in fs]


def _contact(text: str) -> bool:
    t = text.strip()
    return bool(_PHONE_NUMBER.search(t) or _EMAIL.search(t) or _MEDIA_CONTACT.match(t))


def _tally(rows: list[tuple[int, float, bool]]) -> dict[str, float]:
    tp = sum(s for s, y, p in rows if y and p)
    fp = sum(s for s, y, p in rows if not y and p)
    fn = sum(s for s, y, p in rows if y and not p)
    return {"precision": round(tp / (tp + fp), 4) if tp + fp else 1.0,
            "recall": round(tp / (tp + fn), 4) if tp + fn else 1.0, "content_chars": fp}


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    sets_argv, train_argv = (argv[: argv.index("--")], argv[argv.index("--") + 1:]) if "--" in argv else (argv, [])
    ap = argparse.ArgumentParser(prog="benchmarks/chrome_time_travel.py", description=__doc__.split("\n\n")[0])
    ap.add_argument("--jobs", type=int, default=2, help="sets fitted at once (default 2)")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    ap.add_argument("sets", nargs="+", metavar="SET=COMMIT", help="a gold folder and a commit from while it was held out")
    args = ap.parse_args(sets_argv)
    pairs = [s.rsplit("=", 1) for s in args.sets]
    if bad := [s for s, p in zip(args.sets, pairs) if len(p) != 2]:
        print("each set is FOLDER=COMMIT: " + ", ".join(bad), file=sys.stderr)
        return 2
    folders = {str(Path(f).resolve()): commit for f, commit in pairs}
    everything = list(folders) + [str(Path(p).resolve()) for p in train_argv]
    pages = {n: _examples(Path(n)) for n in everything}
    if empty := [n for n in everything if not pages[n]]:
        print("no gold pages under: " + ", ".join(empty), file=sys.stderr)
        return 2
    old = {n: old_finds(Path(n), commit) for n, commit in folders.items()}
    with ProcessPoolExecutor(max_workers=args.jobs) as pool:
        scores = dict(pool.map(_fold, [(n, pages) for n in folders]))
    cuts = {th: math.log(th / (1 - th)) for th in THRESHOLDS}
    report: dict[str, dict[str, dict[str, float]]] = {}
    overall: dict[str, list] = {}
    for n in folders:
        rows: dict[str, list] = {}
        k = 0
        for text, lines, labels, _ in pages[n]:
            then = old[n].get(_digest(text), set())
            for i, ln in enumerate(lines):
                size, y, score = len(ln.text.strip()), labels[i], scores[n][k]
                k += 1
                rows.setdefault("then", []).append((size, y, i in then))
                for th, cut in cuts.items():
                    rows.setdefault(f"then + model at {th}", []).append(
                        (size, y, i in then or (score > cut and not _contact(ln.text))))
        report[Path(n).name] = {m: _tally(r) for m, r in rows.items()}
        for m, r in rows.items():
            overall.setdefault(m, []).extend(r)
    report["all"] = {m: _tally(r) for m, r in overall.items()}
    if args.json:
        print(json.dumps(report, indent=1))
        return 0
    for name, row in report.items():
        print(name)
        for m, t in row.items():
            print(f"  {m:24s} furniture P {t['precision']:.4f}  R {t['recall']:.4f}  content chars {t['content_chars']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
