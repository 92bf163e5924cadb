"""The published schema and the models refuse wrong records, and generated types come out clean.

Each mutation below breaks one valid outcome in one way. Both an independent
validator (``jsonschema``, and the ``check-jsonschema`` command over files)
and the pydantic models must refuse it.
"""

from __future__ import annotations

import copy
import json
import subprocess
import sys
from collections.abc import Callable
from datetime import datetime, timezone
from pathlib import Path

import jsonschema
import pytest
from pydantic import TypeAdapter, ValidationError

from tests.conftest import REPO
from workers.models import SCHEMA_VERSION, AnyOutcome, ErrorRecord
from workers.models.record import OLDER_SCHEMA_VERSIONS
from workers.stages import process_bytes

SCHEMAS = REPO / "schemas"
PAGE = (
    "1. Harbour works\n\n"
    "On 3 June 2011 the council of France met the port board in Lyon to agree the cafÃ© terrace rules.\n\n"
    "1.1 Costs\n\n"
    "The Netherlands paid for the new quay over three years. The government budget, taxes, trade and the "
    "economy of the region were the subject of the election campaign and the parliament debate.\n"
).encode("utf-8")


def _load(name: str) -> dict:
    return json.loads((SCHEMAS / name).read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def record() -> dict:
    rec = json.loads(process_bytes(PAGE, "harbour.txt").model_dump_json())
    # Every field a mutation below breaks must be there to break.
    assert rec["repairs"], "the page should need a repair"
    assert any(e.get("country_code") for e in rec["entities"]), "the page should name a country"
    assert any(e.get("date_value") for e in rec["entities"]), "the page should give a date"
    assert rec["classification"]["topics"], "the page should have a topic"
    return rec


@pytest.fixture(scope="module")
def error_record() -> dict:
    now = datetime(2026, 1, 2, tzinfo=timezone.utc)
    return json.loads(ErrorRecord(
        schema_version=SCHEMA_VERSION, kind="error", filename="x.txt", drop_id="d1", sha256="ab" * 32, size_bytes=0,
        received_at=now, failed_at=now, stage="intake", error="empty_file", message="file is empty",
    ).model_dump_json())


def _first(items: list[dict], key: str) -> dict:
    return next(i for i in items if i.get(key))


RECORD_MUTATIONS: dict[str, Callable[[dict], None]] = {
    "sha256 not a hash": lambda r: r["source"].__setitem__("sha256", "not-a-hash"),
    "negative segment offset": lambda r: r["segments"][0].__setitem__("source_start", -5),
    "negative entity offset": lambda r: r["entities"][0].__setitem__("source_start", -5),
    "negative sentence offset": lambda r: _first(r["segments"], "sentences")["sentences"][0].__setitem__("start", -5),
    "country code not ISO 3166-1 alpha-2": lambda r: _first(r["entities"], "country_code").__setitem__("country_code", "Narnia"),
    "date value not ISO 8601": lambda r: _first(r["entities"], "date_value").__setitem__("date_value", "whenever"),
    "topic score above 1": lambda r: r["classification"]["topics"][0].__setitem__("score", 42),
    "topic score below 0": lambda r: r["classification"]["topics"][0].__setitem__("score", -0.1),
    "empty classification": lambda r: r.__setitem__("classification", {}),
    "kind removed": lambda r: r.pop("kind"),
    "schema_version removed": lambda r: r.pop("schema_version"),
    "schema_version wrong": lambda r: r.__setitem__("schema_version", "1.1"),
    "repair kind unknown": lambda r: r["repairs"][0].__setitem__("kind", "magic"),
    "unknown field at the top": lambda r: r.__setitem__("colour", "blue"),
    "unknown field in source": lambda r: r["source"].__setitem__("colour", "blue"),
    "unknown field in a segment": lambda r: r["segments"][0].__setitem__("colour", "blue"),
    "unknown field in a sentence": lambda r: _first(r["segments"], "sentences")["sentences"][0].__setitem__("colour", "blue"),
    "unknown field in an entity": lambda r: r["entities"][0].__setitem__("colour", "blue"),
    "unknown field in a repair": lambda r: r["repairs"][0].__setitem__("colour", "blue"),
    "unknown field in classification": lambda r: r["classification"].__setitem__("colour", "blue"),
    "unknown field in a topic": lambda r: r["classification"]["topics"][0].__setitem__("colour", "blue"),
    "unknown field in pipeline": lambda r: r["pipeline"].__setitem__("colour", "blue"),
    "unknown field in pipeline parts": lambda r: r["pipeline"]["parts"].__setitem__("colour", "blue"),
}
#: JSON Schema cannot compare two fields; the models refuse these, so no writer can produce them.
MODEL_ONLY_MUTATIONS: dict[str, Callable[[dict], None]] = {
    "entity end before its start": lambda r: r["entities"][0].update(source_start=10, source_end=4),
    "segment end before its start": lambda r: r["segments"][0].update(source_start=10, source_end=4),
}
ERROR_MUTATIONS: dict[str, Callable[[dict], None]] = {
    "error stage unknown": lambda r: r.__setitem__("stage", "somewhere"),
    "error code unknown": lambda r: r.__setitem__("error", "oops"),
    "error sha256 not a hash": lambda r: r.__setitem__("sha256", "xyz"),
    "error kind removed": lambda r: r.pop("kind"),
    "unknown field in an error": lambda r: r.__setitem__("colour", "blue"),
}


def _mutated(base: dict, mutate: Callable[[dict], None]) -> dict:
    doc = copy.deepcopy(base)
    mutate(doc)
    return doc


def test_the_unmutated_outcomes_are_valid_for_every_validator(record, error_record):
    for doc, schema_file in ((record, "record.schema.json"), (error_record, "error.schema.json")):
        jsonschema.Draft202012Validator(_load(schema_file)).validate(doc)
        jsonschema.Draft202012Validator(_load("outcome.schema.json")).validate(doc)
        TypeAdapter(AnyOutcome).validate_python(doc)


@pytest.mark.parametrize("name", sorted(RECORD_MUTATIONS))
def test_the_schemas_and_the_models_reject_a_broken_record(record, name):
    doc = _mutated(record, RECORD_MUTATIONS[name])
    assert not jsonschema.Draft202012Validator(_load("record.schema.json")).is_valid(doc)
    assert not jsonschema.Draft202012Validator(_load("outcome.schema.json")).is_valid(doc)
    with pytest.raises(ValidationError):
        TypeAdapter(AnyOutcome).validate_python(doc)


@pytest.mark.parametrize("name", sorted(MODEL_ONLY_MUTATIONS))
def test_the_models_reject_an_end_offset_before_its_start(record, name):
    doc = _mutated(record, MODEL_ONLY_MUTATIONS[name])
    with pytest.raises(ValidationError, match="is before"):
        TypeAdapter(AnyOutcome).validate_python(doc)


@pytest.mark.parametrize("name", sorted(ERROR_MUTATIONS))
def test_the_schemas_and_the_models_reject_a_broken_error_record(error_record, name):
    doc = _mutated(error_record, ERROR_MUTATIONS[name])
    assert not jsonschema.Draft202012Validator(_load("error.schema.json")).is_valid(doc)
    assert not jsonschema.Draft202012Validator(_load("outcome.schema.json")).is_valid(doc)
    with pytest.raises(ValidationError):
        TypeAdapter(AnyOutcome).validate_python(doc)


def test_check_jsonschema_rejects_every_broken_record_file(record, error_record, tmp_path: Path):
    """The command-line validator a consumer would use, over files, names every broken one."""
    files = []
    for base, mutations in ((record, RECORD_MUTATIONS), (error_record, ERROR_MUTATIONS)):
        for i, mutate in enumerate(mutations.values()):
            path = tmp_path / f"{base['kind']}-{i}.json"
            path.write_text(json.dumps(_mutated(base, mutate)))
            files.append(path)
    good = tmp_path / "good.json"
    good.write_text(json.dumps(record))
    cli = Path(sys.executable).with_name("check-jsonschema")
    proc = subprocess.run(
        [str(cli), "--schemafile", str(SCHEMAS / "outcome.schema.json"), "--output-format", "json", str(good), *map(str, files)],
        capture_output=True, text=True, timeout=120,
    )
    report = json.loads(proc.stdout)
    rejected = {Path(e["filename"]).name for e in report.get("errors", [])}
    assert rejected == {f.name for f in files}


def _definitions(schema: dict) -> dict[str, dict]:
    return schema.get("$defs", {})


@pytest.mark.parametrize("name", ["record.schema.json", "duplicate.schema.json", "error.schema.json", "outcome.schema.json"])
def test_every_definition_is_titled_closed_and_described(name):
    schema = _load(name)
    objects = {"(root)": schema, **_definitions(schema)}
    for def_name, d in objects.items():
        assert d.get("title"), f"{name}: {def_name} has no title"
        assert d.get("description"), f"{name}: {def_name} has no description"
        if d.get("type") == "object":
            assert d.get("additionalProperties") is False, f"{name}: {def_name} is open"
            for prop, spec in d["properties"].items():
                described = spec.get("description") or objects.get(spec.get("$ref", "").rsplit("/", 1)[-1], {}).get("description")
                assert described, f"{name}: {def_name}.{prop} has no description"
                # A property title becomes a generated type's name ("Code1"); only definitions are named.
                assert "title" not in spec, f"{name}: {def_name}.{prop} has a title"
                # Left out only while it holds its default, which the schema must then state, or where other
                # fields say it (written together with its pair, and its description says how to get it back).
                derivable = prop in d.get("dependentRequired", {}) and "where absent" in spec.get("description", "")
                assert prop in d.get("required", []) or "default" in spec or derivable, f"{name}: {def_name}.{prop} may be absent, with no default"
        if def_name in {"(root)", "Record", "DuplicateNote", "ErrorRecord"} and "properties" in d:
            assert {"kind", "schema_version"} <= set(d["required"])


def test_older_schema_versions_stay_published_and_the_current_one_is_named():
    for version in OLDER_SCHEMA_VERSIONS:
        for name in ("record.schema.json", "duplicate.schema.json", "error.schema.json"):
            old = json.loads((SCHEMAS / version / name).read_text())
            assert f"/{version}/" in old["$id"]
    assert _load("record.schema.json")["properties"]["schema_version"]["const"] == SCHEMA_VERSION
    assert f"`{SCHEMA_VERSION}`" in (REPO / "README.md").read_text(encoding="utf-8"), "README changelog misses the current version"


def test_the_record_publishes_the_very_types_the_stages_use():
    """One type per part from stage to record: a field added to Entity (or Segment, ...) reaches the record as is."""
    from workers.models import Entity, Record, Repair, Segment, SourceInfo
    from workers.models.page import Classification, Page

    fields = Record.model_fields
    assert fields["entities"].annotation == list[Entity] == Page.model_fields["entities"].annotation
    assert fields["segments"].annotation == list[Segment] == Page.model_fields["segments"].annotation
    assert fields["repairs"].annotation == list[Repair] == Page.model_fields["repairs"].annotation
    assert fields["source"].annotation is SourceInfo is Page.model_fields["source"].annotation
    assert fields["classification"].annotation is Classification
