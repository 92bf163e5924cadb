"""Outcome permissions: never group- or world-writable because of what the original is.

An outcome takes its original's read bits (and the owner's write bit); a symbolic link's own mode is
always 0777, and a folder's or a pipe's says nothing of a page's, so theirs count as unknown (0644).
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from workers.edges.batch import run_batch
from workers.edges.ledger import MemoryLedger
from workers.edges.outbox import Outbox
from workers.models import Drop
from workers.stages import process_bytes

PAGE = b"Canals\n\nThe lock keepers of Ghent counted 4,000 boats in the year 1911.\n"


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.lstat().st_mode)


def _outbox(tmp_path: Path, **kw) -> Outbox:
    return Outbox(tmp_path / "out", MemoryLedger(), processing=[tmp_path / "processing"],
                  archive=tmp_path / "archive", failed=tmp_path / "failed", **kw)


def _hold(tmp_path: Path, name: str, make) -> Drop:
    """An inbox entry held as the watcher holds it (<drop id>.page in the processing folder), made by ``make(path)``."""
    drop = Drop(filename=name, size_bytes=0)
    held = tmp_path / "processing" / f"{drop.drop_id}.page"
    held.parent.mkdir(exist_ok=True)
    make(held)
    return drop


def _target(tmp_path: Path, mode: int) -> Path:
    target = tmp_path / "elsewhere" / f"page{mode:o}.txt"
    target.parent.mkdir(exist_ok=True)
    target.write_bytes(PAGE)
    os.chmod(target, mode)
    return target


def _dir(path: Path) -> None:
    path.mkdir()
    os.chmod(path, 0o777)


def _fifo(path: Path) -> None:
    os.mkfifo(path)
    os.chmod(path, 0o666)


@pytest.mark.parametrize("kind", ["link to a world-writable file", "link to a private file", "dangling link"])
def test_the_error_record_of_a_symlink_dropped_into_the_service_is_0644_not_the_links_0777(tmp_path, kind):
    target = {
        "link to a world-writable file": lambda: _target(tmp_path, 0o666),
        "link to a private file": lambda: _target(tmp_path, 0o600),
        "dangling link": lambda: tmp_path / "gone.txt",
    }[kind]()
    out = _outbox(tmp_path)
    drop = _hold(tmp_path, "link.txt", lambda p: os.symlink(target, p))
    outcome = out.write_error(drop, stage="intake", error="symlink", message="symbolic links are not followed")
    assert _mode(outcome.path) == 0o644
    # The link was filed as itself, never followed.
    assert outcome.original is not None and outcome.original.is_symlink() and os.readlink(outcome.original) == str(target)


@pytest.mark.parametrize("make, error", [(_dir, "directory"), (_fifo, "not_a_file")], ids=["folder 0777", "pipe 0666"])
def test_the_error_record_of_a_folder_or_pipe_is_0644_whatever_its_mode(tmp_path, make, error):
    out = _outbox(tmp_path)
    outcome = out.write_error(_hold(tmp_path, "sub", make), stage="intake", error=error, message="not a page")
    assert _mode(outcome.path) == 0o644
    assert outcome.original is not None and os.path.lexists(outcome.original)


@pytest.mark.parametrize("original, expected", [(0o666, 0o644), (0o664, 0o644), (0o646, 0o644), (0o640, 0o640), (0o600, 0o600), (0o444, 0o444)], ids=oct)
def test_a_record_takes_its_originals_read_bits_but_never_write_for_group_or_others(tmp_path, original, expected):
    def regular(p: Path) -> None:
        p.write_bytes(PAGE)
        os.chmod(p, original)

    drop = _hold(tmp_path, "canals.txt", regular)
    drop.size_bytes = len(PAGE)
    outcome = _outbox(tmp_path).write_record(drop, process_bytes(PAGE, "canals.txt"))
    assert outcome.status == "done" and _mode(outcome.path) == expected


def test_the_outbox_mode_setting_still_wins_for_a_link(tmp_path):
    out = _outbox(tmp_path, mode=0o660)
    drop = _hold(tmp_path, "link.txt", lambda p: os.symlink(_target(tmp_path, 0o600), p))
    outcome = out.write_error(drop, stage="intake", error="symlink", message="symbolic links are not followed")
    assert _mode(outcome.path) == 0o660


@pytest.mark.parametrize("target_mode, expected", [(0o640, 0o640), (0o600, 0o600), (0o666, 0o644)], ids=oct)
def test_process_of_a_folder_with_a_link_gives_the_record_the_mode_of_the_file_it_read(tmp_path, target_mode, expected):
    """``pagemill process`` reads through a link it finds: the record holds the target's text, so it takes the target's mode."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "link.txt").symlink_to(_target(tmp_path, target_mode))
    assert run_batch([folder], tmp_path / "O", progress=False)["done"] == 1
    [record] = (tmp_path / "O").glob("*.json")
    assert _mode(record) == expected


def test_process_of_a_dangling_link_gives_an_error_record_0644(tmp_path):
    link = tmp_path / "in" / "link.txt"
    link.parent.mkdir()
    link.symlink_to(tmp_path / "gone.txt")
    assert run_batch([link], tmp_path / "O", progress=False)["failed"] == 1
    [error] = (tmp_path / "O").glob("*.error.json")
    assert _mode(error) == 0o644
