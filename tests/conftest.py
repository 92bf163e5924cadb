"""Shared test fixtures: paths to the gold pages."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO.parent / "shared" / "corpus"
SEED_PAGE = CORPUS / "seed" / "pages" / "bluebook-2011-north-america.txt"


@pytest.fixture(scope="session")
def seed_page() -> Path:
    if not SEED_PAGE.exists():
        pytest.skip(f"reference page not found at {SEED_PAGE}")
    return SEED_PAGE
