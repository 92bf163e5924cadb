"""JSON Schemas of the published outcomes, generated from the pydantic models.

* ``record``, ``duplicate`` and ``error`` each have a schema, and
  ``outcome.schema.json`` takes any of them (``oneOf``, told apart by ``kind``).
* The schemas describe the files as written (pydantic's serialization mode):
  every field a writer always emits is required, ``kind`` and
  ``schema_version`` first of all, and every object is closed. A field with
  a default is left out while it holds it (see ``page.Closed``): it is not
  required, and its ``default`` says what its absence means.
* A property that is just a ``$ref`` is described by the definition it names.
* Only definitions carry a ``title`` (the class name), so generated types get
  stable names ("Segment", "Entity") instead of ones made from property names
  ("Code1", "SourceEnd3").
* Older versions stay published under ``schemas/<version>/``, untouched.

One constraint JSON Schema cannot state: an end offset is not before its start.
The models refuse such a record, so it is never written; the schema says it
in the field's description.
"""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import TypeAdapter
from pydantic.json_schema import GenerateJsonSchema

from .record import SCHEMA_VERSION, AnyOutcome, DuplicateNote, ErrorRecord, Record

SCHEMA_FILES = {
    "record.schema.json": Record,
    "duplicate.schema.json": DuplicateNote,
    "error.schema.json": ErrorRecord,
    "outcome.schema.json": AnyOutcome,
}

_END_NOTE = " Not before the matching start offset."


class _PublishedSchema(GenerateJsonSchema):
    def generate(self, schema, mode="validation"):
        out = super().generate(schema, mode=mode)
        _tidy(out)
        for definition in out.get("$defs", {}).values():
            _tidy(definition)
        return out


def _tidy(obj: dict) -> None:
    """Drop property titles; note on each end offset that it is not before its start.

    A ``$ref`` with a description beside it reads to type generators as a new
    type ("SourceInfo1"): such a property is described by its definition. A
    list that may be left out (a default factory, which pydantic does not
    state) gets ``default: []``.
    """
    required = set(obj.get("required") or ())
    for name, prop in (obj.get("properties") or {}).items():
        if name not in required and "default" not in prop and prop.get("type") == "array":
            prop["default"] = []
        prop.pop("title", None)
        if "$ref" in prop:
            prop.pop("description", None)
        if name.endswith("end") and "description" in prop and _END_NOTE not in prop["description"]:
            prop["description"] += _END_NOTE
        for key in ("items", "additionalProperties"):
            if isinstance(prop.get(key), dict):
                prop[key].pop("title", None)


def _schema_of(model) -> dict:
    adapter = TypeAdapter(model)
    schema = adapter.json_schema(mode="serialization", schema_generator=_PublishedSchema)
    if "title" not in schema:
        schema["title"] = "Outcome"
        schema["description"] = "Any file pagemill writes to the outbox: a record, a duplicate note or an error record, told apart by kind."
    return schema


def schemas() -> dict[str, dict]:
    out = {}
    for name, model in SCHEMA_FILES.items():
        schema = _schema_of(model)
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
