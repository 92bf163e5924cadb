"""JSON Schemas of the published outcomes, generated from the pydantic models."""

from __future__ import annotations

import json
from pathlib import Path

from .record import SCHEMA_VERSION, DuplicateNote, ErrorRecord, Record

SCHEMA_FILES = {
    "record.schema.json": Record,
    "duplicate.schema.json": DuplicateNote,
    "error.schema.json": ErrorRecord,
}


def schemas() -> dict[str, dict]:
    out = {}
    for name, model in SCHEMA_FILES.items():
        schema = model.model_json_schema()
        schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
        schema["$id"] = f"https://pagemill.invalid/schemas/{SCHEMA_VERSION}/{name}"
        out[name] = schema
    return out


def render(schema: dict) -> str:
    return json.dumps(schema, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def write_schemas(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, schema in schemas().items():
        path = folder / name
        path.write_text(render(schema), encoding="utf-8")
        written.append(path)
    return written
