"""Leave-group-out measure of the trained NER: each group of gold folders is scored with a NER trained on the others.

    python benchmarks/ner_groups.py [--jobs 2] [--rehearsal FILE] [--out DIR] NAME=DIR[,DIR...] ...

Each argument names a group and its gold folders (<source>/pages, <source>/gold). For each group in turn a NER is
trained, as ``make train`` trains the shipped one (``python -m workers.training``, same config and seeds), on every
other group's pages; the group's pages are then scored by ``pagemill eval`` with the rules, once with that model
(``--ner-model``) and once with spaCy's original model. Printed: entity F1 per group with both models, the gain, the
main labels, and the mean gain over the groups; ``--json`` puts the figures under ``summary``.

This is the test of a site the model has not seen: the corpus's pages scored by a model trained only on the invented
development sets, and each group of those by a model trained on the corpus and the other groups. The rules were
written on all of them, so it favours the original model, which the rules were fitted to.

Known names: the hand-written list only, since the shipped learned list is learned from the corpus's pages.
``make ner-groups`` runs it with the groups the Makefile declares (about 20 minutes on 2 cores; the models are kept
under ``--out`` and reused while their training folders and the training code are unchanged).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
LABELS = ("PERSON", "ORG", "PLACE", "DATE")


def _groups(specs: list[str]) -> dict[str, list[Path]]:
    groups: dict[str, list[Path]] = {}
    for spec in specs:
        name, _, dirs = spec.partition("=")
        if not name or not dirs:
            raise SystemExit(f"expected NAME=DIR[,DIR...], got {spec!r}")
        folders = [Path(d) for d in dirs.split(",")]
        missing = [str(f) for f in folders if not f.is_dir()]
        if missing:
            raise SystemExit(f"group {name}: no such folder {', '.join(missing)}")
        groups[name] = folders
    if len(groups) < 2:
        raise SystemExit("give at least two groups: each is scored by a model trained on the others")
    return groups


def _key(folders: list[Path]) -> str:
    """What a group's model depends on: its training folders' gold and pages, the training config and code."""
    h = hashlib.sha256()
    for f in sorted(p for folder in folders for p in folder.rglob("*") if p.is_file() and p.suffix in (".json", ".txt")):
        h.update(str(f).encode() + b"\0" + f.read_bytes())
    for f in sorted((ROOT / "workers" / "training").glob("*")):
        if f.is_file() and f.suffix in (".py", ".cfg"):
            h.update(f.read_bytes())
    return h.hexdigest()[:16]


def _train(name: str, folders: list[Path], out: Path, rehearsal: Path) -> Path:
    model = out / f"without-{name}"
    stamp = model / "trained_on.txt"
    key = _key(folders)
    if stamp.is_file() and stamp.read_text(encoding="utf-8").split("\n", 1)[0] == key:
        print(f"model without {name}: cached", file=sys.stderr, flush=True)
        return model
    print(f"model without {name}: training on {len(folders)} folders", file=sys.stderr, flush=True)
    cmd = [str(BIN / "python"), "-m", "workers.training", *map(str, folders), "--rehearsal", str(rehearsal), "--out", str(model)]
    subprocess.run(cmd, check=True, cwd=ROOT, stdout=subprocess.DEVNULL)
    stamp.write_text(key + "\n" + "\n".join(map(str, folders)) + "\n", encoding="utf-8")
    return model


def _joined(name: str, folders: list[Path], tmp: Path) -> Path:
    """One gold folder holding every source folder of the group (symlinks), so the group is scored as one set."""
    top = tmp / name
    top.mkdir()
    for i, folder in enumerate(folders):
        for src in sorted(p for p in folder.iterdir() if (p / "gold").is_dir()):
            (top / f"{i}-{folder.name}-{src.name}").symlink_to(src.resolve())
    return top


def _score(gold: Path, model: Path | None) -> dict:
    cmd = [str(BIN / "pagemill"), "eval", "--json", "--known-names", "hand", "-j", "1", str(gold)]
    if model is not None:
        cmd += ["--ner-model", str(model)]
    res = subprocess.run(cmd, check=True, capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
    return json.loads(res.stdout)


def _figures(res: dict) -> dict:
    per = res.get("entity_per_label", {})
    return {"entity_f1": res["entity_f1"], **{lab: per[lab]["f1"] for lab in LABELS if lab in per}}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("groups", nargs="+", metavar="NAME=DIR[,DIR...]")
    ap.add_argument("--rehearsal", type=Path, default=ROOT.parent / "shared" / "formats" / "html" / "gold.json",
                    help="news articles rehearsed while training (benchmark gold.json; default ../shared/formats/html/gold.json)")
    ap.add_argument("--out", type=Path, default=ROOT / ".pagemill" / "ner-groups", help="where the group models are kept")
    ap.add_argument("--jobs", type=int, default=2, help="groups trained and scored at once (each takes one core)")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = ap.parse_args(argv)
    groups = _groups(args.groups)
    if not args.rehearsal.is_file():
        raise SystemExit(f"no rehearsal articles at {args.rehearsal}: pass --rehearsal FILE")
    args.out.mkdir(parents=True, exist_ok=True)

    def one(name: str, tmp: Path) -> dict:
        others = [f for other, folders in groups.items() if other != name for f in folders]
        model = _train(name, others, args.out, args.rehearsal.resolve())
        gold = _joined(name, groups[name], tmp)
        original, trained = _score(gold, None), _score(gold, model)
        print(f"{name}: scored", file=sys.stderr, flush=True)
        return {"group": name, "pages": original["pages"], "original": _figures(original), "trained": _figures(trained)}

    with tempfile.TemporaryDirectory(prefix="ner-groups-") as tmp, ThreadPoolExecutor(args.jobs) as pool:
        rows = list(pool.map(lambda n: one(n, Path(tmp)), groups))
    gains = [r["trained"]["entity_f1"] - r["original"]["entity_f1"] for r in rows]
    summary = {"groups": len(rows), "mean_gain": round(sum(gains) / len(gains), 4), "worst_gain": round(min(gains), 4)}
    if args.json:
        print(json.dumps({"rows": rows, "summary": summary}, indent=1))
        return 0
    print(f"{'group':10s} {'pages':>5s}  {'original':>8s}  {'trained':>8s}  {'gain':>6s}   " + "  ".join(f"{lab:>13s}" for lab in LABELS))
    for r, g in zip(rows, gains):
        labs = "  ".join(f"{r['original'].get(lab, 0):.3f}->{r['trained'].get(lab, 0):.3f}" for lab in LABELS)
        print(f"{r['group']:10s} {r['pages']:5d}  {r['original']['entity_f1']:8.3f}  {r['trained']['entity_f1']:8.3f}  {g:+6.3f}   {labs}")
    print(f"mean gain {summary['mean_gain']:+.4f}, worst {summary['worst_gain']:+.4f} over {len(rows)} groups (entity F1 with the rules)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
