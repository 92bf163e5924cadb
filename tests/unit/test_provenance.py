"""pipeline.version changes exactly when something that makes a record changes."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from workers.provenance import DATA_DIR, model_dir, pipeline_parts, version_of
from workers.settings import Settings
from workers.provenance import output_settings
from workers.stages import process_bytes
from workers.stages.pipeline import current_version

PAGE = b"Markets\n\nThe city council of Ghent met the port board on 4 May 2012.\n"


def _copy(src: Path, tmp: Path) -> Path:
    dst = tmp / src.name
    shutil.copytree(src, dst, ignore=shutil.ignore_patterns("__pycache__"))
    return dst


def test_the_version_is_the_package_version_plus_a_digest_and_is_stable():
    a, b = pipeline_parts(), pipeline_parts()
    assert a == b
    v = version_of(a)
    assert v.startswith(a.package + "+") and len(v.split("+", 1)[1]) == 12


def test_a_record_lists_the_parts_its_version_digests():
    rec = process_bytes(PAGE, "ghent.txt")
    assert rec.pipeline.version == current_version() == version_of(rec.pipeline.parts)
    assert rec.pipeline.parts.model.startswith("en_core_web_sm")


def test_changing_a_data_file_changes_the_version(tmp_path):
    data = _copy(DATA_DIR, tmp_path)
    before = version_of(pipeline_parts(data_dir=data))
    path = data / "m49.json"
    path.write_text(path.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    after = version_of(pipeline_parts(data_dir=data))
    assert after != before


def test_changing_the_model_weights_changes_the_version(tmp_path):
    model = _copy(model_dir(), tmp_path)
    before = version_of(pipeline_parts(model_folder=model))
    weights = next(p for p in sorted((model).rglob("model")) if p.is_file())
    weights.write_bytes(weights.read_bytes() + b"\0")
    assert version_of(pipeline_parts(model_folder=model)) != before


def test_changing_the_model_version_changes_the_version(tmp_path):
    model = _copy(model_dir(), tmp_path)
    before = version_of(pipeline_parts(model_folder=model))
    meta = json.loads((model / "meta.json").read_text())
    meta["version"] = "9.9.9"
    (model / "meta.json").write_text(json.dumps(meta))
    assert version_of(pipeline_parts(model_folder=model)) != before


def test_another_taxonomy_changes_the_version(tmp_path):
    own = tmp_path / "tax.json"
    own.write_text(json.dumps({"name": "our topics", "topics": [{"code": "x", "label": "harbours", "keywords": ["port"]}]}))
    assert version_of(pipeline_parts(taxonomy=own)) != version_of(pipeline_parts())


def test_changing_stage_code_changes_the_version(tmp_path):
    code = tmp_path / "stages"
    code.mkdir()
    (code / "rule.py").write_text("X = 1\n")
    before = version_of(pipeline_parts(code_dirs=[code]))
    (code / "rule.py").write_text("X = 2\n")
    assert version_of(pipeline_parts(code_dirs=[code])) != before


def test_output_settings_are_digested_and_other_settings_are_not(tmp_path):
    own = tmp_path / "tax.json"
    own.write_text("{}")
    assert output_settings(Settings(taxonomy=own)) == {"taxonomy": own}
    assert output_settings(Settings(task_time_limit=5)) == output_settings(Settings()) == {}
    assert pipeline_parts(settings={"taxonomy": own}).settings != pipeline_parts(settings={"taxonomy": None}).settings
