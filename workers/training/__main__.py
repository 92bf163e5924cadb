"""``python -m workers.training GOLD_DIR [GOLD_DIR ...] [--out DIR]``: train the NER on every gold page into ``workers/data/ner`` (``make train``)."""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

from ..evaluation import load_gold
from .data import rehearsal_texts
from .train import CONFIG_PATH, load_config, train

DEFAULT_OUT = Path(__file__).resolve().parents[1] / "data" / "ner"


def rehearsal_path(gold_dir: Path, config_path: Path = CONFIG_PATH) -> Path:
    """The rehearsal articles named in the config, relative to the gold folder's parent."""
    return Path(gold_dir).resolve().parent / load_config(config_path)["corpus"]["rehearsal"]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m workers.training", description=__doc__)
    ap.add_argument("gold_dirs", type=Path, nargs="+", metavar="GOLD_DIR",
                    help="gold folders: <source>/pages/*.txt and <source>/gold/*.json; the rehearsal articles are found beside the first")
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT, help=f"where the model goes (default {DEFAULT_OUT})")
    ap.add_argument("--rehearsal", type=Path, default=None, help="benchmark gold.json with articleBody texts (default: from config.cfg)")
    ap.add_argument("--epochs", type=int, default=None, help="override max_epochs (for a quick try; the shipped model uses the config)")
    args = ap.parse_args(argv)
    pages = []
    for folder in args.gold_dirs:
        gold = load_gold(folder)
        if not gold:
            print(f"no gold pages under {folder}: expected <source>/gold/*.json there", file=sys.stderr)
            return 2
        pages += [(g.gold, g.text) for _, g in sorted(gold.items())]
    reh = args.rehearsal or rehearsal_path(args.gold_dirs[0])
    paragraphs = [p for paras in rehearsal_texts(reh).values() for p in paras]
    # built next to the target and swapped in whole, so a failed run leaves the old model in place
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=args.out.parent, prefix=".ner-") as tmp:
        built = Path(tmp) / "model"
        train(pages, paragraphs, built, progress=lambda m: print(m, flush=True), max_epochs=args.epochs)
        if args.out.exists():
            shutil.rmtree(args.out)
        shutil.move(str(built), str(args.out))
    print(f"model in {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
