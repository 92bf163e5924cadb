"""training: gold pages -> spaCy examples, a real (tiny) training run, the shipped model, and the fold-model cache."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import spacy

from workers.crossval import NerFitter
from workers.evaluation import GoldPage
from workers.stages.entities import model as ent_model
from workers.training.data import LabelMap, Segment, page_segments, rehearsal_texts, segment_example
from workers.training.train import CONFIG_PATH, load_config, train

LABELS = LabelMap.from_config(load_config()["corpus"])

# A page written for these tests: a furniture line, a heading and a paragraph with names on two lines.
PAGE = "Home | News\n\nHarbour report\n\nThe ferry left Porthmere on 4 May 2021.\nCaptain Ilse Varga thanked the Coastal Trust for 40 years of help.\n"


def _at(text: str, phrase: str, label: str) -> dict:
    start = text.index(phrase)
    return {"label": label, "start": start, "end": start + len(phrase), "text": phrase}


def _gold(text: str = PAGE, scored=("PERSON", "ORG", "PLACE", "DATE")) -> dict:
    para0 = text.index("The ferry")
    return {
        "page": "pages/harbour.txt",
        "source": "test",
        "segments": [
            {"role": "furniture", "start": 0, "end": 11},
            {"role": "heading", "start": 13, "end": 27},
            {"role": "paragraph", "start": para0, "end": len(text) - 1},
        ],
        "entities": [
            _at(text, "Porthmere", "PLACE"),
            _at(text, "4 May 2021", "DATE"),
            _at(text, "Ilse Varga", "PERSON"),
            _at(text, "Coastal Trust", "ORG"),
            _at(text, "40 years", "DURATION"),
        ],
        "entity_labels_scored": list(scored),
    }


def _ents(example) -> list[tuple[str, str]]:
    return [(e.text, e.label_) for e in example.reference.ents]


def _iob(example, word: str) -> str:
    return next(t.ent_iob_ for t in example.reference if t.text == word)


@pytest.fixture(scope="module")
def blank():
    return spacy.blank("en")


def test_a_pages_segments_leave_out_furniture_and_keep_line_breaks_and_offsets():
    segs = page_segments(_gold(), PAGE)
    assert [s.text for s in segs] == ["Harbour report", PAGE[PAGE.index("The ferry") : -1]]
    para = segs[1]
    assert "\n" in para.text
    assert {para.text[s:e]: lab for s, e, lab in para.ents} == {
        "Porthmere": "PLACE", "4 May 2021": "DATE", "Ilse Varga": "PERSON", "Coastal Trust": "ORG", "40 years": "DURATION",
    }


def test_gold_labels_become_the_models_labels_and_place_takes_the_original_models_kind(blank):
    para = page_segments(_gold(), PAGE)[1]
    ex = segment_example(blank, para, stock=[], labels=LABELS)
    assert dict(_ents(ex)) == {"Porthmere": "GPE", "4 May 2021": "DATE", "Ilse Varga": "PERSON", "Coastal Trust": "ORG", "40 years": "DATE"}
    s = para.text.index("Porthmere")
    ex = segment_example(blank, para, stock=[(s, s + len("Porthmere"), "LOC")], labels=LABELS)
    assert dict(_ents(ex))["Porthmere"] == "LOC"


def test_the_original_models_mistakes_of_a_scored_label_are_taught_as_not_an_entity(blank):
    seg = Segment("Captain Ilse Varga waved.", ((8, 18, "PERSON"),), frozenset({"PERSON"}))
    ex = segment_example(blank, seg, stock=[(0, 7, "PERSON")], labels=LABELS)
    assert _ents(ex) == [("Ilse Varga", "PERSON")]
    assert _iob(ex, "Captain") == "O"


def test_labels_the_page_does_not_score_are_not_taught_as_negatives(blank):
    # ORG is not scored on this page, so the original model's ORG stays; a CARDINAL, never scored, stays too
    seg = Segment("Ilse Varga joined the Coastal Trust with 12 others.", ((0, 10, "PERSON"),), frozenset({"PERSON", "DATE"}))
    org = seg.text.index("Coastal Trust")
    num = seg.text.index("12")
    ex = segment_example(blank, seg, stock=[(org, org + 13, "ORG"), (num, num + 2, "CARDINAL")], labels=LABELS)
    assert _ents(ex) == [("Ilse Varga", "PERSON"), ("Coastal Trust", "ORG"), ("12", "CARDINAL")]


def test_a_gold_span_off_the_token_boundaries_is_left_missing_not_guessed(blank):
    # "Varga" is a token; a gold span cut inside it cannot be taught as it is
    seg = Segment("Ilse Varga waved.", ((0, 7, "PERSON"),), frozenset({"PERSON"}))
    ex = segment_example(blank, seg, stock=[], labels=LABELS)
    assert _ents(ex) == []
    assert [t.ent_iob_ for t in ex.reference][:2] == ["", ""]
    assert _iob(ex, "waved") == "O"


def _rehearsal(tmp_path: Path) -> Path:
    bodies = {
        "a1": {"articleBody": "Shares of Norvale Systems rose on Tuesday in New York.\n\nAnalysts at Brightwater Capital expected more."},
        "a2": {"articleBody": "The mayor of Leeds, Priya Sandhu, opened the bridge in March.\n\nIt cost 3 million pounds."},
        "a3": {"articleBody": "Tomas Reyes won the race in Madrid last Sunday."},
    }
    path = tmp_path / "gold.json"
    path.write_text(json.dumps(bodies), encoding="utf-8")
    return path


def _tiny_config(tmp_path: Path) -> Path:
    cfg = CONFIG_PATH.read_text(encoding="utf-8").replace("max_epochs = ", "max_epochs = 1\n# was ")
    path = tmp_path / "config.cfg"
    path.write_text(cfg, encoding="utf-8")
    return path


def _second_page() -> tuple[dict, str]:
    text = "Budget note\n\nThe Hallam Council met in Westbury on 2 June 2020.\n"
    return {
        "page": "pages/budget.txt",
        "source": "test",
        "segments": [{"role": "heading", "start": 0, "end": 11}, {"role": "paragraph", "start": 13, "end": len(text) - 1}],
        "entities": [_at(text, "Hallam Council", "ORG"), _at(text, "Westbury", "PLACE"), _at(text, "2 June 2020", "DATE")],
        "entity_labels_scored": ["PERSON", "ORG", "PLACE", "DATE"],
    }, text


def test_a_tiny_training_run_saves_a_model_that_loads_and_finds_entities(tmp_path):
    paragraphs = [p for ps in rehearsal_texts(_rehearsal(tmp_path)).values() for p in ps]
    messages: list[str] = []
    res = train([(_gold(), PAGE), _second_page()], paragraphs, tmp_path / "model", config_path=_tiny_config(tmp_path),
                progress=messages.append)
    assert res.gold_examples == 4 and any(m.startswith("epoch 1/1") for m in messages)
    nlp = spacy.load(tmp_path / "model")
    assert nlp.pipe_names == ["ner"]
    doc = nlp("Priya Sandhu visited Madrid in June 2019.")
    assert {e.label_ for e in doc.ents} & {"PERSON", "GPE", "DATE"}


def test_a_fold_model_is_trained_once_and_then_taken_from_the_cache(tmp_path):
    gold, text = _second_page()
    pages = [GoldPage("harbour", _gold(), PAGE), GoldPage("budget", gold, text)]
    said: list[str] = []
    fitter = NerFitter(tmp_path / "cache", _rehearsal(tmp_path), config_path=_tiny_config(tmp_path), progress=said.append)
    first = fitter.fit(pages)
    assert (first.path / "meta.json").is_file()
    assert "agreement_with_original" in first.report
    second = fitter.fit(pages)
    assert second.path == first.path and said[-1].endswith(": cached")
    # another set of training pages is another model
    assert fitter.key(pages[:1]) != fitter.key(pages)


def test_pages_every_fold_model_also_learns_from_go_into_its_training_and_its_cache_key(tmp_path):
    gold, text = _second_page()
    pages, extra = [GoldPage("harbour", _gold(), PAGE)], [GoldPage("budget", gold, text)]
    said: list[str] = []
    plain = NerFitter(tmp_path / "cache", _rehearsal(tmp_path), config_path=_tiny_config(tmp_path))
    more = NerFitter(tmp_path / "cache", _rehearsal(tmp_path), config_path=_tiny_config(tmp_path), progress=said.append, extra=extra)
    assert more.key(pages) != plain.key(pages)
    fitted = more.fit(pages)
    assert fitted.report["train_pages"] == 1 and fitted.report["extra_pages"] == 1
    assert any(m.startswith("labelling 2 gold pages") for m in said)


def test_a_trained_model_is_what_the_pipelines_model_step_uses_when_named(tmp_path):
    paragraphs = [p for ps in rehearsal_texts(_rehearsal(tmp_path)).values() for p in ps]
    train([(_gold(), PAGE), _second_page()], paragraphs, tmp_path / "model", config_path=_tiny_config(tmp_path), progress=lambda m: None)
    text = "Dr Helena Kowalczyk spoke in Gdansk on 14 October 2022."
    found = next(ent_model.ents([text], model=str(tmp_path / "model")))
    assert ent_model.load_model(str(tmp_path / "model")).pipe_names == ["ner"]
    assert all(0 <= s < e <= len(text) for s, e, _ in found)
    assert {label for _, _, label in found} & {"PERSON", "GPE", "DATE"}


def test_a_filler_model_only_adds_entities_where_the_first_model_found_none():
    first = [(0, 5, "PERSON"), (20, 30, "ORG")]
    filler = [(0, 5, "ORG"), (2, 8, "GPE"), (12, 16, "DATE"), (28, 34, "GPE")]
    assert ent_model.fill_gaps(first, filler) == [(0, 5, "PERSON"), (12, 16, "DATE"), (20, 30, "ORG")]


def test_a_model_pair_gives_the_first_models_entities_plus_the_seconds_in_its_gaps():
    text = "Captain Ilse Varga sailed from Porthmere on 4 May 2021."
    alone = next(ent_model.ents([text], model=ent_model.ORIGINAL_MODEL))
    paired = next(ent_model.ents([text], model=(ent_model.ORIGINAL_MODEL, ent_model.ORIGINAL_MODEL)))
    assert paired == sorted(alone) and alone


def _weights(model) -> list:
    return [node.get_param(name).copy() for node in model.walk() for name in node.param_names if node.has_param(name)]


@pytest.mark.parametrize("freeze", [True, False])
def test_a_frozen_token_encoder_keeps_the_original_weights_while_the_layers_above_it_learn(tmp_path, freeze):
    import numpy as np

    cfg = re.sub(r"(?m)^freeze_tok2vec = \w+$", f"freeze_tok2vec = {str(freeze).lower()}", _tiny_config(tmp_path).read_text(encoding="utf-8"))
    assert f"freeze_tok2vec = {str(freeze).lower()}" in cfg
    (tmp_path / "config.cfg").write_text(cfg, encoding="utf-8")
    original = spacy.load(ent_model.ORIGINAL_MODEL, exclude=ent_model.NOT_NER).get_pipe("ner").model
    paragraphs = [p for ps in rehearsal_texts(_rehearsal(tmp_path)).values() for p in ps]
    train([(_gold(), PAGE), _second_page()], paragraphs, tmp_path / "model", config_path=tmp_path / "config.cfg", progress=lambda m: None)
    trained = spacy.load(tmp_path / "model").get_pipe("ner").model

    def same(a, b) -> bool:
        return all(np.array_equal(x, y) for x, y in zip(_weights(a), _weights(b), strict=True))

    assert same(trained.get_ref("tok2vec"), original.get_ref("tok2vec")) is freeze
    assert not same(trained.get_ref("lower"), original.get_ref("lower"))
