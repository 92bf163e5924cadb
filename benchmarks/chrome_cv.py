"""Leave-one-set-out cross-validation of the learned chrome models: how well chrome is found on a site's pages the
models never saw.

    python benchmarks/chrome_cv.py [--jobs 2] FOLD_SET... -- TRAIN_ONLY_SET...

Each FOLD_SET (a gold folder: <source>/pages, <source>/gold) is left out in turn: the edge model, the model of chrome
lines anywhere and the model of lines read alone are fitted, as ``make train-chrome`` fits them, on every other folder
given (the other fold sets and the TRAIN_ONLY sets), and the left-out set's chrome is found with the rules and those
three models. Printed per set and over all: furniture precision and recall, counted in characters of whole lines (the
gold's furniture is whole lines; ``pagemill eval`` counts the same characters through the segments, so its figures
differ a little).

``make chrome-cv`` runs it over the corpus-kinds development sets, with the corpus and chrome catalogs 1-3 as
training only; the held-out sets stay out of all of them. A fold fits the three models (about a minute of one core).
"""

from __future__ import annotations

import argparse
import json
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from workers.stages.clean import PageShape, find_chrome, inner_line_features, unaided_line_features  # noqa: E402
from workers.training import edge_chrome, inner_chrome, unaided_chrome  # noqa: E402
from workers.training.logistic import fit, gold_lines  # noqa: E402


def _pages(folder: Path) -> list[tuple[str, list, list[float]]]:
    return [(text, lines, [label(ln) for ln in lines]) for text, lines, label in gold_lines([folder])]


def _edge_examples(pages) -> tuple[list, list]:
    xs, ys = [], []
    for text, lines, labels in pages:
        found = find_chrome(lines, text, learned=False)
        k = min(edge_chrome.EDGE_LINES, len(lines) // 2)
        for top, order in ((True, range(k)), (False, range(len(lines) - 1, len(lines) - 1 - k, -1))):
            before = True
            for pos, i in enumerate(order):
                xs.append(edge_chrome.edge_line_features(lines[i].text, pos, top, before, edge_chrome.BUCKETS))
                ys.append(labels[i])
                before = i in found
    return xs, ys


def _fold(args: tuple[str, dict[str, list], dict[str, tuple[list, list]]]) -> tuple[str, dict[str, float], list]:
    name, pages, edge_xy = args
    train = [n for n in pages if n != name]
    ex = [x for n in train for x in edge_xy[n][0]]
    ey = [y for n in train for y in edge_xy[n][1]]
    edge = {"edge_lines": edge_chrome.EDGE_LINES, "buckets": edge_chrome.BUCKETS, "threshold": edge_chrome.THRESHOLD,
            "weights": fit(ex, ey)}
    ix, iy = [], []
    for n in train:
        for text, lines, labels in pages[n]:
            shape = PageShape(lines, text, find_chrome(lines, text, edge_model=edge, inner=False))
            for i in range(len(lines)):
                ix.append(inner_line_features(shape, i, inner_chrome.BUCKETS))
                iy.append(labels[i])
    inner = {"buckets": inner_chrome.BUCKETS, "threshold": inner_chrome.THRESHOLD, "weights": fit(ix, iy)}
    ux, uy = [], []
    for n in train:
        for text, lines, labels in pages[n]:
            shape = PageShape(lines, text, {})
            ux += [unaided_line_features(shape, i, unaided_chrome.BUCKETS) for i in range(len(lines))]
            uy += labels
    unaided = {"buckets": unaided_chrome.BUCKETS, "threshold": unaided_chrome.THRESHOLD, "weights": fit(ux, uy)}
    tally = {"tp": 0, "fp": 0, "fn": 0}
    errors = []
    for p, (text, lines, labels) in enumerate(pages[name]):
        found = find_chrome(lines, text, edge_model=edge, inner_model=inner, unaided_model=unaided)
        for i, ln in enumerate(lines):
            size = len(ln.text.strip())
            if i in found and labels[i]:
                tally["tp"] += size
            elif i in found:
                tally["fp"] += size
                errors.append(("taken", p, i, ln.text.strip()))
            elif labels[i]:
                tally["fn"] += size
                errors.append(("missed", p, i, ln.text.strip()))
    return name, tally, errors


def _pr(t: dict[str, float]) -> tuple[float, float]:
    p = t["tp"] / (t["tp"] + t["fp"]) if t["tp"] + t["fp"] else 1.0
    r = t["tp"] / (t["tp"] + t["fn"]) if t["tp"] + t["fn"] else 1.0
    return p, r


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    folds_argv, train_argv = (argv[: argv.index("--")], argv[argv.index("--") + 1:]) if "--" in argv else (argv, [])
    ap = argparse.ArgumentParser(prog="benchmarks/chrome_cv.py", description=__doc__.split("\n\n")[0])
    ap.add_argument("--jobs", type=int, default=2, help="folds fitted at once (default 2)")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    ap.add_argument("--errors", action="store_true",
                    help="also list each line wrongly taken or missed (on stderr: set, page number, line number)")
    ap.add_argument("folds", type=Path, nargs="+", help="gold folders left out in turn")
    args = ap.parse_args(folds_argv)
    folds = [p.resolve() for p in args.folds]
    sets = folds + [Path(p).resolve() for p in train_argv]
    pages = {str(p): _pages(p) for p in sets}
    if empty := [str(p) for p in sets if not pages[str(p)]]:
        # (a mistyped folder would quietly train every fold on less than it should)
        print("no gold pages under: " + ", ".join(empty), file=sys.stderr)
        return 2
    edge_xy = {n: _edge_examples(ps) for n, ps in pages.items()}
    with ProcessPoolExecutor(max_workers=args.jobs) as pool:
        results = {}
        for name, tally, errors in pool.map(_fold, [(str(p), pages, edge_xy) for p in folds]):
            results[name] = tally
            for kind, page, line, text in errors if args.errors else ():
                print(f"{kind:6s} {Path(name).name} page {page} line {line}: {text[:160]}", file=sys.stderr)
    total = {"tp": 0, "fp": 0, "fn": 0}
    rows = {}
    for p in folds:
        t = results[str(p)]
        for k in total:
            total[k] += t[k]
        rows[p.name] = dict(zip(("precision", "recall"), map(lambda v: round(v, 4), _pr(t))))
    summary = dict(zip(("precision", "recall"), map(lambda v: round(v, 4), _pr(total))))
    if args.json:
        print(json.dumps({"sets": rows, "summary": summary}, indent=1))
    else:
        for name, row in rows.items():
            print(f"{name:28s} furniture P {row['precision']:.4f}  R {row['recall']:.4f}")
        print(f"{'all, left out in turn':28s} furniture P {summary['precision']:.4f}  R {summary['recall']:.4f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
