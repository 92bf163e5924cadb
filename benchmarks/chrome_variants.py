#!/usr/bin/env python3
"""Gold pages with another site's chrome around them: does ``clean`` find that chrome, and only it?

    .venv/bin/python benchmarks/chrome_variants.py [--catalog 1|2|3|4|5] [--seed N] [--gold ../shared/corpus] OUT_DIR
    .venv/bin/pagemill eval OUT_DIR            # furniture precision / recall, role accuracy

The corpus's own chrome variants carry one site's chrome ("Contents | Back | Next"), and the pages
the issue calls unseen carry other sites'. For each gold page that has no chrome of its own (the
corpus's ``--chrome`` variants and the page with its own chrome are left out), this writes a copy with
one entry of a catalog at the top (nine pages in ten) and one at the bottom (nine in ten), each set
apart by a blank line or, as often, by a bare line break, so it shares its block with the page's title
or last paragraph; the gold is the page's own, moved by the lines added, with each added line as
furniture. The page's text itself is left as it is.

The catalogs (:data:`CATALOGS`) hold controls, notices and widgets of news sites, government sites,
wikis and blogs, written for pagemill (none is taken from a corpus page). Catalog 2 was written before
any change that catalog 1 prompted and scored before and after them, so its "after" is the held-out
figure; catalog 1's is a development one. Catalog 3 was written after both rounds of changes and scored
once, as the held-out figure of the rules as they then stood (docs/quality.md, "Chrome of other sites");
it became a development catalog on 2026-12-05, when catalog 4 (``chrome_catalog4.json``, written by someone who
read no pagemill code, rule or catalog) took its place as the held-out one. Catalog 5 (``chrome_catalog5.json``,
2026-12-07, written the same way) is held out too, and has chrome for inside the text (:data:`INSIDE`): three pages in
four get one or two entries of it, each between two paragraphs; a third of its entries hold a sentence about the site
itself. Tried as training data for the chrome models and not kept (docs/quality.md, session 56).
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

#: Per catalog: the lines a top edge may hold, and those a bottom edge may (each entry one or more lines).
CATALOGS: dict[str, tuple[list[list[str]], list[list[str]]]] = {
    "1": (
        [
            ["Skip to main content"], ["Skip to content | Accessibility | Sign in"], ["Home › News › World"],
            ["Home / Press releases / 2016"], ["Menu", "Search"], ["English | Français | Español"], ["Log in | Register"],
            ["Jump to navigation Jump to search"], ["You are here: Home > Countries > Africa"], ["Back to results"],
            ["Print | Email | Share"], ["Toggle navigation"], ["Advertisement"],
            ["We use cookies to make this website work. Accept all | Reject all | Cookie settings"],
            ["Sign up for our newsletter"], ["Previous article | Next article"], ["Text size: A A A"],
            ["Share on Facebook Share on Twitter Share by email"], ["Home", "About us", "News", "Contact"], ["MENU ≡"],
        ],
        [
            ["Back to top"], ["↑ Top"], ["© 2016 Harbour Media Group. All rights reserved."],
            ["Privacy policy | Terms of use | Cookie settings | Contact us"], ["Share this page: Facebook Twitter LinkedIn Email"],
            ["Was this page helpful? Yes No"], ["Report a problem with this page"], ["Related articles"],
            ["Tags: diplomacy, trade, Asia"], ["Last updated: 4 March 2016"], ["Follow us: Twitter | Facebook | YouTube"],
            ["Page 1 of 2 | Next »"], ["Comments (12)"], ["Print this page"],
            ["Content available under the Open Government Licence v3.0, except where otherwise stated"],
            ["Subscribe to updates"], ["Sitemap · Accessibility · Feedback"], ["Top of page", "Sitemap | Contact | Help"],
        ],
    ),
    "2": (
        [
            ["Skip to navigation"], ["Sign in | Subscribe"], ["Home » Media centre » Speeches"], ["Search this site"],
            ["Accessibility links", "Skip to content"], ["Deutsch | English | 日本語"], ["Open menu"], ["Main menu"],
            ["Share: Twitter, Facebook, Email"], ["Listen to this article"], ["Latest news | Features | Opinion | Video"],
            ["Home » Archive"], ["Return to the index"], ["« Previous story"], ["Font size: Small | Medium | Large"],
            ["This website uses cookies. Learn more | Got it"], ["Go to navigation", "Go to search"], ["Close"],
        ],
        [
            ["Back to the top"], ["Return to top of page"], ["Copyright © 2017 Kestrel Press Ltd"],
            ["Terms & Conditions | Privacy | Accessibility"], ["Share this article"], ["Did you find this page useful? Yes | No"],
            ["Report an error"], ["More stories"], ["Filed under: Politics, Europe"],
            ["Published: 12 May 2017 | Updated: 14 May 2017"], ["Follow us on Twitter and Facebook"], ["« Previous | Next »"],
            ["Leave a comment"], ["Print article | Email article"], ["All content © the authors, licensed under CC BY 4.0"],
            ["Sign up for email updates"], ["About | Contact | Jobs | Advertise"], ["Read more", "Next story"],
            ["Categories: History | Biography"], ["You might also like"],
        ],
    ),
    "3": (
        [
            ["Skip Navigation"], ["My account | Basket (0)"], ["Home > Research > News and events"], ["☰ Menu"],
            ["Log out"], ["Main content starts here"], ["Edit this page"], ["View all posts"],
            ["Forum index » General discussion"], ["Newsroom"], ["Translate this page"], ["A–Z index | Staff directory | Maps"],
            ["Back"], ["Sign up", "Log in"], ["Press releases", "Speeches", "Statements"], ["Search…"],
            ["Download PDF (245 KB)"], ["Listen"],
        ],
        [
            ["Back to News"], ["Top ↑"], ["© Kestrel University 2019"], ["Share", "Tweet", "Email"],
            ["Was this article useful?"], ["Contact the press office"], ["Next: Chapter 4"], ["More in this series"],
            ["12 comments"], ["Posted in Uncategorized"], ["RSS feed | Newsletter | Podcasts"], ["Print-friendly version"],
            ["Newer post | Older post"], ["Page last reviewed: 3 June 2021"], ["Back to index", "Go to top"],
            ["Find us on Facebook"], ["Join the discussion"], ["Permalink"], ["Cookie policy"],
        ],
    ),
}


#: Chrome that interrupts a page's text between two paragraphs, by catalog (only the catalogs whose file has it).
INSIDE: dict[str, list[list[str]]] = {}


def _catalog_file(name: str, path: Path) -> None:
    data = json.loads(path.read_text(encoding="utf-8"))
    CATALOGS[name] = data["top"], data["bottom"]
    if data.get("inside"):
        INSIDE[name] = data["inside"]


# Catalog 4 was written by someone who read none of pagemill's code, rules or other catalogs (2026-12-05), and is
# kept in its own file so that it stays apart from the ones the rules were fitted on.
_catalog_file("4", REPO / "benchmarks" / "chrome_catalog4.json")
# Catalog 5 (2026-12-07) was written the same way: chrome inside the text too, and sentences about the site itself
# (the chrome the models missed most on the invented sets).
_catalog_file("5", REPO / "benchmarks" / "chrome_catalog5.json")


def with_chrome(text: str, gold: dict, top: list[str], bottom: list[str], sep_top: str, sep_bottom: str) -> tuple[str, dict]:
    """The page with ``top`` and ``bottom`` lines around it, and its gold moved to match."""
    body = text.rstrip("\n")
    head = "\n".join(top) + sep_top if top else ""
    page = head + body + (sep_bottom + "\n".join(bottom) if bottom else "") + "\n"
    shift = len(head)
    segments, pos = [], 0
    for line in top:
        segments.append({"role": "furniture", "start": pos, "end": pos + len(line)})
        pos += len(line) + 1
    segments += [{**s, "start": s["start"] + shift, "end": s["end"] + shift} for s in gold["segments"]]
    pos = shift + len(body) + len(sep_bottom)
    for line in bottom:
        segments.append({"role": "furniture", "start": pos, "end": pos + len(line)})
        pos += len(line) + 1

    def moved(items: list[dict]) -> list[dict]:
        return [{**x, "start": x["start"] + shift, "end": x["end"] + shift} for x in items]

    return page, {**gold, "segments": segments, "entities": moved(gold["entities"]), "repairs": moved(gold.get("repairs", []))}


def with_inside(text: str, gold: dict, entries: list[list[str]], rng: random.Random) -> tuple[str, dict]:
    """The page with each of ``entries`` set as a block of its own after a blank line between two paragraphs (places
    drawn by ``rng``; never inside a segment, an entity or a repair), and its gold moved to match."""
    spans = [(x["start"], x["end"]) for key in ("segments", "entities", "repairs") for x in gold.get(key, [])]
    free = [m for m in range(2, len(text)) if text[m - 2:m] == "\n\n" and not text[m].isspace()
            and not any(a < m < b for a, b in spans)]
    places = sorted(rng.sample(free, min(len(entries), len(free))))
    blocks = ["\n".join(lines) + "\n\n" for lines in entries[: len(places)]]

    def at(pos: int) -> int:  # where a character of the page stands once the blocks are in
        return pos + sum(len(block) for place, block in zip(places, blocks) if place <= pos)

    added = []
    for place, lines, block in zip(places, entries, blocks):
        pos = at(place) - len(block)
        for line in lines:
            added.append({"role": "furniture", "start": pos, "end": pos + len(line)})
            pos += len(line) + 1
    cuts = [0, *places, len(text)]
    page = "".join(text[cuts[k]:cuts[k + 1]] + (blocks[k] if k < len(blocks) else "") for k in range(len(cuts) - 1))

    def moved(items: list[dict]) -> list[dict]:
        return [{**x, "start": at(x["start"]), "end": at(x["start"]) + x["end"] - x["start"]} for x in items]

    return page, {**gold, "segments": sorted(moved(gold["segments"]) + added, key=lambda x: x["start"]),
                  "entities": moved(gold["entities"]), "repairs": moved(gold.get("repairs", []))}


def build(gold_dir: Path, out: Path, catalog: str, seed: int) -> int:
    tops, bottoms = CATALOGS[catalog]
    rng = random.Random(seed)
    n = 0
    for gf in sorted(gold_dir.glob("*/gold/*.json")):
        gold = json.loads(gf.read_text(encoding="utf-8"))
        text = (gf.parent.parent / gold["page"]).read_text(encoding="utf-8")
        if gold.get("synthetic_changes") or any(s["role"] == "furniture" for s in gold["segments"]):
            continue  # a page that has chrome already
        top = rng.choice(tops) if rng.random() < 0.9 else []
        bottom = rng.choice(bottoms) if rng.random() < 0.9 else []
        if catalog in INSIDE:  # (only then: the other catalogs' pages stay as they were drawn)
            text, gold = with_inside(text, gold, rng.sample(INSIDE[catalog], rng.choice([0, 1, 1, 2])), rng)
        page, moved = with_chrome(text, gold, top, bottom, rng.choice(["\n\n", "\n"]), rng.choice(["\n\n", "\n"]))
        name = f"{gf.stem}--site{catalog}"
        pages, golds = out / gf.parent.parent.name / "pages", out / gf.parent.parent.name / "gold"
        pages.mkdir(parents=True, exist_ok=True)
        golds.mkdir(parents=True, exist_ok=True)
        (pages / f"{name}.txt").write_text(page, encoding="utf-8")
        (golds / f"{name}.json").write_text(json.dumps({**moved, "page": f"pages/{name}.txt"}, ensure_ascii=False), encoding="utf-8")
        n += 1
    return n


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out", type=Path, help="folder to write <source>/pages and <source>/gold into")
    ap.add_argument("--gold", type=Path, default=REPO.parent / "shared" / "corpus", help="gold pages to wrap (default: ../shared/corpus)")
    ap.add_argument("--catalog", choices=sorted(CATALOGS), default="4", help="which chrome catalog (default 4, the last held-out one)")
    ap.add_argument("--seed", type=int, default=0, help="seed of the draw of chrome and separators (default 0)")
    args = ap.parse_args()
    n = build(args.gold, args.out, args.catalog, args.seed)
    print(f"{n} pages with catalog {args.catalog}'s chrome -> {args.out}; score with: .venv/bin/pagemill eval {args.out}")


if __name__ == "__main__":
    main()
