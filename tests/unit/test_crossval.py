"""crossval: folds by document, mean and spread, the fitting hook, and entity steps switched off by name."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.unit.entity_mentions import labelled, mention
from workers.cli import main
from workers.crossval import aggregate, cross_validate, document_id, gains, make_folds, page_folds, source_folds, spread
from workers.evaluation import GoldPage
from workers.stages.entities import STEPS, SWITCHABLE, check_without
from workers.stages.entities.rules import refine

# --- folds


def test_folds_are_disjoint_and_cover_every_document():
    ids = [f"src/doc-{i}" for i in range(23)]
    folds = make_folds(ids, 5, seed=3)
    assert len(folds) == 5
    seen = [d for f in folds for d in f]
    assert sorted(seen) == sorted(ids)
    assert len(seen) == len(set(seen))
    assert max(len(f) for f in folds) - min(len(f) for f in folds) <= 1


def test_folds_are_the_same_for_the_same_seed_whatever_order_the_ids_come_in():
    ids = [f"src/doc-{i}" for i in range(30)]
    assert make_folds(ids, 4, seed=7) == make_folds(list(reversed(ids)), 4, seed=7)


def test_another_seed_deals_the_documents_differently():
    ids = [f"src/doc-{i}" for i in range(30)]
    assert make_folds(ids, 4, seed=1) != make_folds(ids, 4, seed=2)


def test_too_few_documents_or_folds_is_an_error():
    with pytest.raises(ValueError, match="only 3 documents"):
        make_folds(["a", "b", "c"], 4)
    with pytest.raises(ValueError, match="at least 2"):
        make_folds(["a", "b", "c"], 1)


def _page(name: str, variant_of: str | None = None, source: str = "mine") -> GoldPage:
    gold = {"page": f"pages/{name}.txt", "source": source, "segments": [], "entities": [], "entity_labels_scored": []}
    if variant_of:
        gold["variant_of"] = f"pages/{variant_of}.txt"
    return GoldPage(name=name, gold=gold, text="")


def test_a_variant_page_lands_in_the_same_fold_as_the_page_it_varies():
    pages = {p.name: p for p in [_page(f"report{i}") for i in range(8)]}
    pages["copy-with-menus"] = _page("copy-with-menus", variant_of="report3")
    pages["another-copy"] = _page("another-copy", variant_of="report5")
    assert document_id(pages["copy-with-menus"]) == document_id(pages["report3"])
    for seed in range(5):
        folds = page_folds(pages, 3, seed=seed)
        fold_of = {n: i for i, f in enumerate(folds) for n in f}
        assert sorted(fold_of) == sorted(pages)
        assert fold_of["copy-with-menus"] == fold_of["report3"]
        assert fold_of["another-copy"] == fold_of["report5"]


def test_folds_by_source_make_one_fold_per_source_with_its_variants():
    pages = [_page("memo1", source="letters"), _page("memo2", source="letters"), _page("memo1-menus", "memo1", source="letters"),
             _page("brief", source="briefings"), _page("minutes", source="council")]
    names, folds = source_folds({p.name: p for p in pages})
    assert names == ["briefings", "council", "letters"]
    assert folds == [["brief"], ["minutes"], ["memo1", "memo1-menus", "memo2"]]


def test_folds_by_source_need_two_sources():
    with pytest.raises(ValueError, match="at least 2 sources"):
        source_folds({p.name: p for p in [_page("a"), _page("b")]})


# --- mean and spread


def test_spread_gives_mean_sample_std_and_range_of_the_values_it_has():
    s = spread([0.5, None, 0.9, 0.7])
    assert s is not None
    assert s.mean == pytest.approx(0.7)
    assert s.std == pytest.approx(0.2)  # sample std of 0.5, 0.7, 0.9
    assert (s.min, s.max, s.n) == (0.5, 0.9, 3)
    assert spread([None, None]) is None
    assert spread([0.4]).std == 0.0


def test_aggregate_spreads_each_measure_over_the_folds_and_skips_folds_without_it():
    folds = [{"entity_f1": 0.6, "f1_EVENT": None}, {"entity_f1": 0.8, "f1_EVENT": 0.5}, {"entity_f1": 1.0, "f1_EVENT": 0.7}]
    agg = aggregate(folds)
    assert agg["entity_f1"].mean == pytest.approx(0.8)
    assert agg["entity_f1"].std == pytest.approx(0.2)
    assert agg["f1_EVENT"].n == 2 and agg["f1_EVENT"].mean == pytest.approx(0.6)


def test_gain_is_score_with_everything_minus_score_without_per_fold():
    full = [{"entity_f1": 0.8, "f1_ORG": 0.7}, {"entity_f1": 0.9, "f1_ORG": None}]
    without = [{"entity_f1": 0.75, "f1_ORG": 0.5}, {"entity_f1": 0.92, "f1_ORG": 0.6}]
    g = gains(full, without)
    assert g[0]["entity_f1"] == pytest.approx(0.05) and g[1]["entity_f1"] == pytest.approx(-0.02)
    assert g[0]["f1_ORG"] == pytest.approx(0.2) and g[1]["f1_ORG"] is None


# --- the fitting hook


def _summary_pages(n: int) -> dict[str, GoldPage]:
    text = "Ana Lopes met the board.\n"
    pages = {}
    for i in range(n):
        gold = {
            "page": f"pages/p{i}.txt", "source": "mine",
            "segments": [{"role": "paragraph", "start": 0, "end": len(text) - 1}],
            "entities": [{"label": "PERSON", "start": 0, "end": 9}],
            "entity_labels_scored": ["PERSON"],
        }
        pages[f"p{i}"] = GoldPage(name=f"p{i}", gold=gold, text=text)
    return pages


def _record(found_person: bool) -> dict:
    ents = [{"label": "PERSON", "source_start": 0, "source_end": 9}] if found_person else []
    return {"segments": [{"role": "paragraph", "source_start": 0, "source_end": 24, "text": "Ana Lopes met the board."}], "entities": ents}


def test_a_fitted_component_sees_only_the_other_folds_and_its_result_reaches_the_held_out_predictions():
    gold = _summary_pages(6)
    seen: list[set[str]] = []
    predicted: list[set[str]] = []

    class Memory:
        name = "memory"

        def fit(self, train):
            seen.append({p.name for p in train})
            return {p.name for p in train}

    def predict(names, without, fitted):
        predicted.append(set(names))
        assert not set(names) & fitted["memory"]
        # the prediction depends on what was fitted, so a fit that saw too little would show in the score
        return {n: _record(found_person=len(fitted["memory"]) >= 4) for n in names}

    res = cross_validate(gold, predict, k=3, fitters=[Memory()])
    assert len(seen) == 3
    for train, test in zip(seen, predicted):
        assert train | test == set(gold) and not train & test
    assert res.summary["entity_f1"].mean == pytest.approx(1.0)


def test_by_source_a_fitted_component_is_fitted_on_the_other_sources_and_scores_the_held_out_one():
    gold = _summary_pages(5)
    for i, page in enumerate(gold.values()):
        page.gold["source"] = "north" if i < 3 else "south"
    seen: list[set[str]] = []

    class Memory:
        name = "memory"

        def fit(self, train):
            seen.append({p.gold["source"] for p in train})
            return {p.gold["source"] for p in train}

    def predict(names, without, fitted):
        assert {gold[n].gold["source"] for n in names}.isdisjoint(fitted["memory"])
        # only the fold fitted on the north pages finds the person, so the folds score apart
        return {n: _record(found_person=fitted["memory"] == {"north"}) for n in names}

    res = cross_validate(gold, predict, k=0, fitters=[Memory()], by="source")
    assert res.fold_names == ["north", "south"] and seen == [{"south"}, {"north"}]
    assert [len(f) for f in res.folds] == [3, 2]
    assert [m["entity_f1"] for m in res.per_fold] == pytest.approx([0.0, 1.0])


def test_with_nothing_fitted_each_fold_scores_its_held_out_pages():
    gold = _summary_pages(4)

    def predict(names, without, fitted):
        assert fitted == {}
        return {n: _record(found_person=n in {"p0", "p1"}) for n in names}

    res = cross_validate(gold, predict, k=2, seed=0, fitters=[])
    per_fold = [m["entity_f1"] for m in res.per_fold]
    want = []
    for fold in res.folds:
        tp = len(set(fold) & {"p0", "p1"})
        fn = len(fold) - tp  # no false positives: precision is 1 wherever something is found
        want.append(2 * tp / (2 * tp + fn))
    assert per_fold == pytest.approx(want, abs=1e-3)
    assert res.summary["entity_f1"].mean == pytest.approx(sum(want) / len(want), abs=1e-3)


def test_a_fold_whose_pages_hold_no_scored_entity_has_no_entity_figures_rather_than_zero():
    gold = _summary_pages(4)
    for name in ("p2", "p3"):  # pages annotated for roles only, as some invented pattern pages are
        gold[name] = GoldPage(name=name, gold={**gold[name].gold, "entities": [], "entity_labels_scored": []}, text=gold[name].text)

    def predict(names, without, fitted):
        return {n: _record(found_person=True) for n in names}

    res = cross_validate(gold, predict, k=4, seed=0, fitters=[])  # a page per fold
    by_fold = {frozenset(f): m["entity_f1"] for f, m in zip(res.folds, res.per_fold)}
    assert by_fold == {frozenset({"p0"}): 1.0, frozenset({"p1"}): 1.0, frozenset({"p2"}): None, frozenset({"p3"}): None}
    assert res.summary["entity_f1"].mean == 1.0


# --- entity steps by name


def test_every_step_has_one_unique_name():
    names = [s.name for s in STEPS]
    assert len(names) == len(set(names))
    assert set(SWITCHABLE) < set(names)


def test_switching_off_propagate_stops_a_surname_alone_from_being_found_again():
    texts = ["Marta Kowalczyk opened the harbour meeting on Tuesday.", "Later that evening Kowalczyk closed it with a short speech."]
    found = labelled(refine([mention(texts, "Marta Kowalczyk", "PERSON")], texts), texts)
    assert ("Kowalczyk", "PERSON") in found
    without = labelled(refine([mention(texts, "Marta Kowalczyk", "PERSON")], texts, frozenset({"propagate"})), texts)
    assert without == [("Marta Kowalczyk", "PERSON")]


def test_switching_off_nothing_gives_what_refine_gives_by_default():
    texts = ["Marta Kowalczyk opened the harbour meeting on Tuesday.", "Later that evening Kowalczyk closed it."]
    a = labelled(refine([mention(texts, "Marta Kowalczyk", "PERSON")], texts), texts)
    b = labelled(refine([mention(texts, "Marta Kowalczyk", "PERSON")], texts, frozenset()), texts)
    assert a == b


def test_an_unknown_step_name_is_an_error_listing_the_known_names():
    with pytest.raises(ValueError) as err:
        check_without({"propagat"})
    assert "propagat" in str(err.value) and "propagate" in str(err.value) and "drop_lone_words" in str(err.value)
    with pytest.raises(ValueError):
        check_without({"keep_labels"})  # bookkeeping the other steps rely on
    with pytest.raises(ValueError):
        check_without({"no_overlaps"})  # an invariant of the record, not a rule


def test_eval_without_an_unknown_step_stops_with_the_known_names(tmp_path: Path):
    (tmp_path / "mine" / "gold").mkdir(parents=True)
    result = CliRunner().invoke(main, ["eval", str(tmp_path), "--without", "no_such_step"])
    assert result.exit_code == 2
    assert "no_such_step" in result.output and "propagate" in result.output


def test_eval_folds_prints_mean_and_spread_per_measure(tmp_path: Path, seed_page):
    # the same page under two document ids, so two folds can be made from one real page
    _two_sources(tmp_path, seed_page)
    # the original model: no NER is trained per fold here (tests/unit/test_training.py trains one)
    result = CliRunner().invoke(main, ["eval", str(tmp_path), "--folds", "2", "--json", "--ner", "original"])
    assert result.exit_code == 0, result.output
    out = json.loads(result.output)
    assert out["folds"] == 2 and out["pages_per_fold"] == [1, 1]
    assert set(out["summary"]["entity_f1"]) == {"mean", "std", "min", "max", "folds"}
    assert out["summary"]["role_accuracy"]["folds"] == 2
    # the shipped known names are learned from gold, so each fold learns its own from its training pages
    assert out["fitted"] == ["known_names"]
    assert [r["learned"] for r in out["fit_reports"]["known_names"]] == [0, 0]  # no gold names: nothing learned
    hand_only = CliRunner().invoke(main, ["eval", str(tmp_path), "--folds", "2", "--json", "--ner", "original", "--known-names", "hand"])
    assert hand_only.exit_code == 0, hand_only.output
    assert json.loads(hand_only.output)["fitted"] == []


def _two_sources(tmp_path: Path, seed_page) -> Path:
    text = Path(seed_page).read_text(encoding="utf-8")
    for name in ("first", "second"):
        src = tmp_path / name
        (src / "pages").mkdir(parents=True)
        (src / "gold").mkdir()
        (src / "pages" / f"{name}.txt").write_text(text, encoding="utf-8")
        gold = {"page": f"pages/{name}.txt", "source": name, "segments": [{"role": "paragraph", "start": 0, "end": len(text)}],
                "entities": [], "entity_labels_scored": ["PERSON"], "repairs": []}
        (src / "gold" / f"{name}.json").write_text(json.dumps(gold), encoding="utf-8")
    return tmp_path


def test_eval_folds_by_source_scores_each_source_as_its_own_fold(tmp_path: Path, seed_page):
    corpus = _two_sources(tmp_path, seed_page)
    result = CliRunner().invoke(main, ["eval", str(corpus), "--folds-by", "source", "--json", "--ner", "original"])
    assert result.exit_code == 0, result.output
    out = json.loads(result.output)
    assert out["folds_by"] == "source" and out["fold_names"] == ["first", "second"] and out["pages_per_fold"] == [1, 1]
    text = CliRunner().invoke(main, ["eval", str(corpus), "--folds-by", "source", "--ner", "original"])
    assert text.exit_code == 0, text.output
    assert "one fold per source" in text.output and "first" in text.output and "second" in text.output


def test_eval_folds_by_source_with_a_number_of_folds_is_an_error(tmp_path: Path, seed_page):
    result = CliRunner().invoke(main, ["eval", str(_two_sources(tmp_path, seed_page)), "--folds-by", "source", "--folds", "3"])
    assert result.exit_code == 2 and "leave out --folds" in result.output


def test_eval_no_rules_leaves_out_every_switchable_step(tmp_path: Path, seed_page):
    corpus = _two_sources(tmp_path, seed_page)
    result = CliRunner().invoke(main, ["eval", str(corpus), "--no-rules", "--json", "--ner", "original"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["without"] == sorted(SWITCHABLE)
    both = CliRunner().invoke(main, ["eval", str(corpus), "--no-rules", "--ablation"])
    assert both.exit_code == 2 and "nothing to ablate" in both.output


def test_eval_folds_without_rehearsal_articles_stops_rather_than_training_a_forgetful_model(tmp_path: Path):
    (tmp_path / "mine" / "gold").mkdir(parents=True)
    (tmp_path / "mine" / "pages").mkdir()
    (tmp_path / "mine" / "pages" / "a.txt").write_text("Text.", encoding="utf-8")
    (tmp_path / "mine" / "gold" / "a.json").write_text(json.dumps({"page": "pages/a.txt", "segments": [], "entities": []}), encoding="utf-8")
    result = CliRunner().invoke(main, ["eval", str(tmp_path), "--folds", "2", "--ner", "trained"])
    assert result.exit_code == 2
    assert "rehearsal" in result.output


def test_eval_train_also_without_folds_and_a_trained_ner_is_an_error(tmp_path: Path, seed_page):
    corpus = _two_sources(tmp_path, seed_page)
    alone = CliRunner().invoke(main, ["eval", str(corpus), "--train-also", str(corpus)])
    assert alone.exit_code == 2 and "--train-also" in alone.output and "--ner trained" in alone.output
    original = CliRunner().invoke(main, ["eval", str(corpus), "--folds", "2", "--ner", "original", "--train-also", str(corpus)])
    assert original.exit_code == 2 and "--ner trained" in original.output
    # the pages scored are never among those the fold models also learn from
    (tmp_path / "rehearsal.json").write_text(json.dumps({"a": {"articleBody": "Talks opened in Oslo."}}), encoding="utf-8")
    same = CliRunner().invoke(main, ["eval", str(corpus), "--folds", "2", "--ner", "trained", "--train-also", str(corpus),
                                     "--rehearsal", str(tmp_path / "rehearsal.json")])
    assert same.exit_code == 2 and "first" in same.output


def test_eval_ner_model_scores_the_named_model_and_refuses_folds(tmp_path: Path):
    import spacy

    text = "Harbour talks\n\nThe envoy Marta Quennell met Osric Bellweather in Ljubljana on Tuesday. Quennell said little.\n"
    src = tmp_path / "gold" / "talks"
    (src / "pages").mkdir(parents=True)
    (src / "gold").mkdir()
    (src / "pages" / "talks.txt").write_text(text, encoding="utf-8")
    people = [{"start": text.index(n), "end": text.index(n) + len(n), "label": "PERSON", "text": n} for n in ("Marta Quennell", "Osric Bellweather")]
    gold = {"page": "pages/talks.txt", "source": "talks", "entities": people, "entity_labels_scored": ["PERSON"], "repairs": [],
            "segments": [{"role": "heading", "start": 0, "end": 13}, {"role": "paragraph", "start": 15, "end": len(text) - 1}]}
    (src / "gold" / "talks.json").write_text(json.dumps(gold), encoding="utf-8")
    # a pipeline with no NER at all: whatever persons are found with it come from the steps, not the model
    spacy.blank("en").to_disk(tmp_path / "blank")
    shipped = CliRunner().invoke(main, ["eval", str(tmp_path / "gold"), "--json"])
    named = CliRunner().invoke(main, ["eval", str(tmp_path / "gold"), "--json", "--ner-model", str(tmp_path / "blank")])
    assert shipped.exit_code == 0 and named.exit_code == 0, shipped.output + named.output
    assert json.loads(shipped.output)["entity_per_label"]["PERSON"]["r"] == 1.0
    assert json.loads(named.output)["entity_per_label"]["PERSON"]["r"] == 0.0
    folded = CliRunner().invoke(main, ["eval", str(tmp_path / "gold"), "--folds", "2", "--ner-model", str(tmp_path / "blank")])
    assert folded.exit_code == 2 and "--ner-model" in folded.output
