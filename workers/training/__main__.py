"""``python -m workers.training GOLD_DIR [--out DIR]``: train the NER on every gold page into ``workers/data/ner`` (``make train``)."""

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
    ap.add_argument("gold_dir", type=Path, help="gold corpus: <source>/pages/*.txt and <source>/gold/*.json")
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT, help=f"where the model goes (default {DEFAULT_OUT})")
    ap.add_argument("--rehearsal", type=Path, default=None, help="benchmark gold.json with articleBody texts (default: from config.cfg)")
    ap.add_argument("--epochs", type=int, default=None, help="override max_epochs (for a quick try; the shipped model uses the config)")
    args = ap.parse_args(argv)
    gold = load_gold(args.gold_dir)
    if not gold:
        print(f"no gold pages under {args.gold_dir}", file=sys.stderr)
        return 2
    reh = args.rehearsal or rehearsal_path(args.gold_dir)
    paragraphs = [p for paras in rehearsal_texts(reh).values() for p in paras]
    pages = [(g.gold, g.text) for _, g in sorted(gold.items())]
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
