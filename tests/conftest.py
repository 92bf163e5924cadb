"""Shared test fixtures: paths to the gold pages, and a PostgreSQL database of a test's own."""

from __future__ import annotations

import os
import secrets
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


#: The PostgreSQL server the sink's tests use (this machine's, trust auth), or PAGEMILL_TEST_POSTGRES_URL.
POSTGRES_SERVER = os.environ.get("PAGEMILL_TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/postgres")


@pytest.fixture
def database() -> str:
    """The URL of a new, empty database on the test PostgreSQL server, dropped after the test."""
    psycopg = pytest.importorskip("psycopg")
    try:
        admin = psycopg.connect(POSTGRES_SERVER, autocommit=True, connect_timeout=3)
    except psycopg.OperationalError as exc:
        pytest.skip(f"no PostgreSQL at {POSTGRES_SERVER} ({exc}); start one or set PAGEMILL_TEST_POSTGRES_URL")
    name = f"pagemill_test_{secrets.token_hex(4)}"
    admin.execute(f"CREATE DATABASE {name}")
    try:
        yield POSTGRES_SERVER.rsplit("/", 1)[0] + f"/{name}"
    finally:
        admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        admin.close()
