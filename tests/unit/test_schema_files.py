"""The published schemas/ must be exactly what the models generate."""

import json

import jsonschema

from tests.conftest import REPO
from workers.models.schema import render, schemas
from workers.stages import process_bytes


def test_schema_files_match_the_models():
    for name, schema in schemas().items():
        path = REPO / "schemas" / name
        assert path.exists(), f"{path} missing: run `pagemill schema -o schemas`"
        assert path.read_text(encoding="utf-8") == render(schema), f"{name} drifted: run `pagemill schema -o schemas`"


def test_a_processed_page_validates_against_the_published_record_schema(seed_page):
    schema = json.loads((REPO / "schemas" / "record.schema.json").read_text())
    record = json.loads(process_bytes(seed_page.read_bytes(), seed_page.name).model_dump_json())
    jsonschema.Draft202012Validator(schema).validate(record)


def test_the_record_schema_rejects_a_record_without_segments(seed_page):
    schema = json.loads((REPO / "schemas" / "record.schema.json").read_text())
    record = json.loads(process_bytes(seed_page.read_bytes(), seed_page.name).model_dump_json())
    del record["segments"]
    assert not jsonschema.Draft202012Validator(schema).is_valid(record)
