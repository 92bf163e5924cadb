"""``pagemill retry-failed --dry-run`` says, for each failed page it skips, what is actually the case.

The error records are written by the outbox writer, as the service writes them for an inbox entry it
refused (a folder, a pipe, a link, filed as itself in failed/); the command runs in-process with the ledger
swapped for an in-memory one (it only reads a drop's status).
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from workers.cli import main
from workers.edges.ledger import MemoryLedger
from workers.edges.outbox import Outbox
from workers.models import Drop
from workers.settings import get_settings

PAGE = b"Ferries\n\nThe night ferry from Hull reached Rotterdam at dawn on 3 May 1998.\n"


@pytest.fixture
def service(tmp_path, monkeypatch):
    for name in ("inbox", "outbox", "archive", "failed"):
        (tmp_path / name).mkdir()
        monkeypatch.setenv(f"PAGEMILL_{name.upper()}", str(tmp_path / name))
    monkeypatch.setenv("PAGEMILL_STATE_DIR", str(tmp_path / "state"))
    monkeypatch.chdir(tmp_path)
    get_settings.cache_clear()
    import workers.service.pages as pages

    monkeypatch.setattr(pages, "open_ledger", lambda s: MemoryLedger())
    out = Outbox(tmp_path / "outbox", MemoryLedger(), processing=[tmp_path / "state" / "processing"],
                 archive=tmp_path / "archive", failed=tmp_path / "failed")
    yield tmp_path, out
    get_settings.cache_clear()


def _refused(root: Path, out: Outbox, name: str, error: str, make) -> Path:
    """The service's refusal of inbox entry ``name`` (made by ``make(path)``): filed as itself in failed/."""
    drop = Drop(filename=name, size_bytes=0)
    held = root / "state" / "processing" / f"{drop.drop_id}.page"
    held.parent.mkdir(parents=True, exist_ok=True)
    make(held)
    outcome = out.write_error(drop, stage="intake", error=error, message="refused")
    assert outcome.original == root / "failed" / name
    return outcome.original


def _failed_page(root: Path, out: Outbox, name: str) -> Path:
    def page(p: Path) -> None:
        p.write_bytes(PAGE)

    drop = Drop(filename=name, size_bytes=len(PAGE))
    held = root / "state" / "processing" / f"{drop.drop_id}.page"
    held.parent.mkdir(parents=True, exist_ok=True)
    page(held)
    outcome = out.write_error(drop, stage="annotate", error="stage_error", message="it broke")
    return outcome.original


def _dry_run(*names: str) -> tuple[int, dict[str, str]]:
    result = CliRunner().invoke(main, ["retry-failed", "--dry-run", *names])
    said = {}
    for line in (result.stdout + result.stderr).splitlines():
        if m := re.match(r"(skip|would)\s+(\S+) \(\w+\)(?:: (.*))?$", line):
            said[m[2]] = m[3] or m[1]
    return result.exit_code, said


def test_a_folder_in_the_failed_folder_is_said_to_be_a_folder_not_gone(service):
    root, out = service
    original = _refused(root, out, "sub", "directory", lambda p: p.mkdir())
    code, said = _dry_run()
    assert original.is_dir()
    assert said["sub"] == f"its original {original} is a directory, not a page: move its files into the inbox"
    assert code == 1


def test_a_pipe_in_the_failed_folder_is_said_to_be_a_pipe_not_gone(service):
    root, out = service
    original = _refused(root, out, "pipe.txt", "not_a_file", os.mkfifo)
    _code, said = _dry_run()
    assert original.is_fifo()
    assert said["pipe.txt"] == f"its original {original} is a named pipe, not a page: drop the page's file itself into the inbox"


@pytest.mark.parametrize("where", ["outside", "inside failed", "dangling"])
def test_a_symlink_in_the_failed_folder_is_said_to_be_a_link_there_never_followed(service, where):
    root, out = service
    target = {"outside": root / "elsewhere.txt", "inside failed": root / "failed" / "kept.txt", "dangling": root / "gone.txt"}[where]
    if where != "dangling":
        target.write_bytes(PAGE)
    original = _refused(root, out, "link.txt", "symlink", lambda p: os.symlink(target, p))
    _code, said = _dry_run("link.txt")
    assert original.is_symlink()
    assert said["link.txt"] == (
        f"its original {original} is a symlink: pagemill does not follow links; copy the file it points to into the inbox"
    )


def test_a_page_still_there_would_be_retried_and_one_gone_or_elsewhere_says_so(service):
    root, out = service
    there = _failed_page(root, out, "there.txt")
    gone = _failed_page(root, out, "gone.txt")
    gone.unlink()
    moved = _failed_page(root, out, "moved.txt")
    # An error record whose original is not ours to move: a folder beside failed/ with a link in its path.
    (root / "other").mkdir()
    elsewhere = root / "other" / "moved.txt"
    moved.rename(elsewhere)
    (root / "failed" / "via").symlink_to(root / "other")
    [record] = [p for p in (root / "outbox").glob("moved.*.error.json")]
    record.write_text(record.read_text().replace(str(moved), str(root / "failed" / "via" / "moved.txt")))
    code, said = _dry_run()
    assert there.is_file() and said["there.txt"] == "would"
    assert said["gone.txt"] == f"its original {gone} is no longer there"
    assert said["moved.txt"] == f"its original {root / 'failed' / 'via' / 'moved.txt'} is not in the failed folder {(root / 'failed').resolve()}"
    assert code == 0
