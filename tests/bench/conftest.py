"""What the benchmark smoke tests share: run one script of benchmarks/ on the tests' corpus."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import CORPUS, REPO


def run_benchmark(script: str, args: list[str], out: Path, timeout: int = 280, env: dict[str, str] | None = None) -> tuple[dict, str]:
    """Run ``benchmarks/<script>`` with ``args`` and ``--json out`` (``env``: variables added to the environment);
    its JSON document and what it printed."""
    if not list(CORPUS.glob("*/pages/*.txt")):
        pytest.skip(f"no corpus pages under {CORPUS}")
    proc = subprocess.run(
        [sys.executable, str(REPO / "benchmarks" / script), *args, "--corpus", str(CORPUS), "--json", str(out)],
        cwd=REPO, capture_output=True, text=True, timeout=timeout, env={**os.environ, **(env or {})},
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    return json.loads(out.read_text()), proc.stdout
