"""Known names: the hand-written list holds no corpus name, the learned list comes from gold, the ruler finds them."""

from __future__ import annotations

import json
import os
import random
import re
from pathlib import Path

import pytest

from workers.crossval import KnownNamesFitter
from workers.evaluation import GoldPage
from workers.knowledge import names
from workers.knowledge.names import KnownNames, learn

CORPUS = Path(os.environ.get("PAGEMILL_GOLD_DIR", "/work/shared/corpus"))


def _gold(page: str, text: str, orgs: list[str], *, source: str = "mine", variant_of: str | None = None,
          scored=("PERSON", "ORG", "PLACE")) -> tuple[dict, str]:
    ents = []
    for name in orgs:
        for m in re.finditer(re.escape(name), text):
            ents.append({"label": "ORG", "start": m.start(), "end": m.end(), "text": name})
    gold = {"page": page, "source": source, "entities": ents, "entity_labels_scored": list(scored)}
    if variant_of:
        gold["variant_of"] = variant_of
    return gold, text


def test_a_name_labelled_in_two_documents_is_learned_and_one_in_a_single_document_is_not():
    pages = [
        _gold("pages/a.txt", "The Brenna Rowing Club met the Osk Choir on Friday.", ["Brenna Rowing Club", "Osk Choir"]),
        _gold("pages/b.txt", "Members of the Brenna Rowing Club rowed home.", ["Brenna Rowing Club"]),
    ]
    got = learn(pages)
    assert got == [{"label": "ORG", "pattern": "Brenna Rowing Club", "id": "learned_org"}]


def test_a_page_and_its_variant_are_one_document_so_their_names_are_not_learned():
    text = "The Osk Choir sang."
    pages = [_gold("pages/a.txt", text, ["Osk Choir"]), _gold("pages/a-chrome.txt", "Menu\n" + text, ["Osk Choir"], variant_of="pages/a.txt")]
    assert learn(pages) == []


def test_a_name_the_gold_mostly_leaves_unlabelled_is_not_learned():
    # labelled as a body twice, but on most of the places it stands it is the name of something else
    pages = [
        _gold("pages/a.txt", "The Harbour voted. Walk by the Harbour. Boats in the Harbour. The Harbour shop.", []),
        _gold("pages/b.txt", "The Harbour decided.", ["Harbour"]),
        _gold("pages/c.txt", "The Harbour agreed.", ["Harbour"]),
    ]
    assert learn(pages) == []
    assert learn(pages, min_share=0.2) == [{"label": "ORG", "pattern": "Harbour", "id": "learned_org"}]


def test_names_on_pages_that_do_not_score_organisations_are_not_learned():
    pages = [_gold(f"pages/{n}.txt", "The Osk Choir sang.", ["Osk Choir"], scored=("PERSON",)) for n in "ab"]
    assert learn(pages) == []


def test_the_ruler_finds_the_longest_known_name_and_skips_short_capitals():
    known = KnownNames.of([{"label": "ORG", "pattern": "Osk"}, {"label": "ORG", "pattern": "Osk Choir"},
                           {"label": "ORG", "pattern": "OSK"}])
    text = "The Osk Choir and OSK sang; Osk's hall."
    found = [(text[s:e], lab) for s, e, lab in known.find([text])[0]]
    assert found == [("Osk Choir", "ORG"), ("Osk", "ORG")]


def test_a_known_name_beside_a_wall_of_brackets_is_found_at_its_own_offsets():
    # the wall is no language: the ruler's tokenizer reads it as one placeholder word, not 40,000 brackets
    known = KnownNames.of([{"label": "ORG", "pattern": "Osk Choir"}])
    text = "(" * 20_000 + ")" * 20_000 + " The Osk Choir sang. " + "!?" * 50 + " Osk Choir " + "(" * 200
    ((s, e, label), (s2, e2, _)) = known.find([text])[0]
    assert (text[s:e], label, text[s2:e2]) == ("Osk Choir", "ORG", "Osk Choir")
    assert (s, s2) == (40_005, text.index("Osk Choir", 40_010))


def test_learned_names_fitted_on_the_training_folds_reach_the_known_list_with_the_hand_list():
    pages = [GoldPage(name=n, gold=g, text=t) for n, (g, t) in
             zip("ab", [_gold("pages/a.txt", "The Osk Choir sang.", ["Osk Choir"]), _gold("pages/b.txt", "Osk Choir again.", ["Osk Choir"])])]
    fitted = KnownNamesFitter(hand=True).fit(pages)
    assert "Osk Choir" in fitted.known.orgs and fitted.report["learned"] == 1
    assert {p["pattern"] for p in names.hand() if p["label"] == "ORG"} <= fitted.known.orgs
    alone = KnownNamesFitter(hand=False).fit(pages[:1])
    assert alone.known.orgs == frozenset() and alone.report["learned"] == 0


def test_the_shipped_lists_are_entity_ruler_phrase_patterns():
    for pats in (names.hand(), names.learned()):
        assert pats
        assert all(set(p) == {"label", "pattern", "id"} and isinstance(p["pattern"], str) for p in pats)


@pytest.mark.skipif(not CORPUS.is_dir(), reason="the shared gold corpus is not on this machine")
def test_no_hand_written_known_name_occurs_in_a_gold_page():
    pages = [p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*/pages/*.txt"))]
    hits = [p["pattern"] for p in names.hand()
            if any(re.search(r"(?<!\w)" + re.escape(p["pattern"]) + r"(?!\w)", t, re.IGNORECASE) for t in pages)]
    assert not hits, f"hand-written names found in gold pages (learn them instead): {hits}"


@pytest.mark.skipif(not CORPUS.is_dir(), reason="the shared gold corpus is not on this machine")
def test_the_shipped_learned_list_is_what_learning_from_every_gold_page_gives():
    from workers.evaluation import load_gold

    gold = load_gold(CORPUS)
    want = learn((gold[n].gold, gold[n].text) for n in sorted(gold))
    assert list(names.learned()) == want, "run `make train` (or `pagemill learn-names`) after changing the gold or the learner"
    assert json.loads(names.dump(want[:1]).strip()) == want[0]


def test_the_list_a_fold_uses_reaches_its_records(tmp_path: Path):
    from workers import crossval as cv

    page = tmp_path / "p.txt"
    page.write_text("Prices rose again this spring.\n\nMost readers opened the page in Lumenfox while a few kept to older browsers.\n",
                    encoding="utf-8")
    with_list = KnownNames.of([{"label": "PRODUCT", "pattern": "Lumenfox"}])

    def entities(known):
        rec = cv.make_records({"p": page}, [frozenset()], known=known)[frozenset()]["p"]
        return [e["text"] for e in rec["entities"]]

    assert "Lumenfox" in entities(KnownNames())  # the model takes the product for a name
    assert "Lumenfox" not in entities(with_list)  # a known product is none


def _ruler_over_whole_texts(known: KnownNames, texts: list[str]) -> list[list[tuple[int, int, str]]]:
    """The specification: the ruler run over every text whole, with the same checks on what is around a match."""
    from workers.knowledge.names import _BAD_AFTER, _BAD_BEFORE, _KEY, _WORD_CHAR, _matcher, _searchable
    from workers.tokenizer_guard import readable

    nlp = _matcher(tuple(p for p in known.patterns if _searchable(*p)))
    out = []
    for text, doc in zip(texts, nlp.pipe(readable(t) for t in texts), strict=True):
        out.append([
            (s.start_char, s.end_char, s.label_) for s in doc.spans[_KEY]
            if not ((s.start_char > 0 and (text[s.start_char - 1] in _BAD_BEFORE or _WORD_CHAR.match(text[s.start_char - 1])))
                    or _BAD_AFTER.match(text, s.end_char))
        ])
    return out


def test_reading_only_where_a_name_can_start_finds_what_the_ruler_finds_over_whole_texts():
    known = KnownNames.of([{"label": "ORG", "pattern": p} for p in (
        "Osk", "Osk Choir", "Osk Choir of Vell", "Vell-Tor", "Tor Bank", "Bank of Nardo", "Nardo", "U.N. Relief Board",
        "Da'esh Front", "Mira", "Mira Mira", "& Nardo Board")])
    rnd = random.Random(5)
    pieces = ["Osk", "Choir", "of", "Vell", "Vell-Tor", "Tor", "Bank", "Nardo", "U.N.", "Relief", "Board", "Da'esh", "Front",
              "Mira", "the", "(", ")", ",", ".", "'s", "-", "@", "#", "x" * 120, "!" * 20, "! ! ! ! ! ! ! ! ! ! ! ! ! ! ! ! !",
              "Osk" + "(" * 130, "(" * 110 + "Osk", "&"]
    spaces = [" ", " ", " ", "  ", "\n", "\u00a0", "\t", ""]
    # the longest phrases whole, which random pieces seldom make
    texts = ["The Osk Choir of Vell sang; the U.N. Relief Board met & Nardo Board.", "(Osk Choir of Vell) Bank of Nardo's"]
    for _ in range(3000):
        texts.append("".join(rnd.choice(pieces) + rnd.choice(spaces) for _ in range(rnd.randint(0, 14))))
    assert known.find(texts) == _ruler_over_whole_texts(known, texts)
    assert sum(map(len, known.find(texts))) > 1000  # the texts hold many names: the comparison says something
