"""The entity modules' layering: step modules import only the levels below them, never each other."""

from __future__ import annotations

import ast
from pathlib import Path

ENTITIES = Path(__file__).resolve().parents[2] / "workers" / "stages" / "entities"


def _relative_imports(path: Path) -> set[tuple[int, str]]:
    """(level, module) of each relative import: level 1 is the file's own package."""
    out = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level:
            if node.module:
                out.add((node.level, node.module))
            else:
                out.update((node.level, a.name) for a in node.names)
    return out


def test_step_modules_import_only_core_timex_and_knowledge():
    steps = sorted((ENTITIES / "steps").glob("*.py"))
    assert len(steps) > 5
    for path in steps:
        allowed = {(2, "core"), (2, "timex")}
        for level, module in _relative_imports(path):
            assert (level, module) in allowed or (level == 4 and module.startswith("knowledge")), (path.name, level, module)


def test_the_shared_level_imports_no_step_and_no_other_entity_module():
    for name in ("core.py", "timex.py"):
        for level, module in _relative_imports(ENTITIES / name):
            assert level == 3 and module.startswith("knowledge"), (name, level, module)
