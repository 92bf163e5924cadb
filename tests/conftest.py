"""Shared test fixtures: paths to the gold pages."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
# The shared gold corpus beside the checkout when it is there; otherwise the
# reference page and its gold answer kept with the tests, so a bare clone still
# tests against the page the project was designed around.
_SHARED = REPO.parent / "shared" / "corpus"
CORPUS = _SHARED if (_SHARED / "seed" / "pages").is_dir() else REPO / "tests" / "fixtures" / "corpus"
SEED_PAGE = CORPUS / "seed" / "pages" / "bluebook-2011-north-america.txt"


@pytest.fixture(scope="session")
def seed_page() -> Path:
    if not SEED_PAGE.exists():
        pytest.skip(f"reference page not found at {SEED_PAGE}")
    return SEED_PAGE
