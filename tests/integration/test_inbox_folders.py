"""Subfolders of the inbox (PAGEMILL_INBOX_RECURSIVE): pages in them are processed, the folder goes into the record."""

from __future__ import annotations

import os

import pytest

from .conftest import Service, filed
from .test_faults import start_pair

pytestmark = pytest.mark.integration

RECURSIVE = {"PAGEMILL_INBOX_RECURSIVE": "true"}


def _page(town: str) -> bytes:
    return f"Harbour Notes\n\nThe ferry from {town} was late on 4 June 2018 because of fog.\n".encode()


def test_a_folder_dropped_with_two_pages_gives_two_records_with_its_folder(isolated: Service):
    start_pair(isolated, env=RECURSIVE)
    # Built outside, then renamed in whole, as a file manager moves a folder.
    staging = isolated.root / "staging" / "harbour"
    (staging / "north").mkdir(parents=True)
    (staging / "first.txt").write_bytes(_page("Calais"))
    (staging / "north" / "second.txt").write_bytes(_page("Tromso"))
    os.rename(staging, isolated.inbox / "harbour")

    (first,) = isolated.wait_for("first", timeout=60)
    (second,) = isolated.wait_for("second", timeout=60)
    assert first["kind"] == second["kind"] == "record"
    assert first["source"]["folder"] == "harbour"
    assert second["source"]["folder"] == "harbour/north"
    # The originals are filed under the same tree.
    assert filed(isolated.archive / "harbour" / "first.txt") and (isolated.archive / "harbour" / "first.txt").read_bytes() == _page("Calais")
    assert filed(isolated.archive / "harbour" / "north" / "second.txt") and (isolated.archive / "harbour" / "north" / "second.txt").read_bytes() == _page("Tromso")
    assert not (isolated.inbox / "harbour" / "first.txt").exists()


def test_folders_named_with_a_backslash_or_bytes_that_are_not_utf8_are_taken_escaped_beside_a_plain_one(isolated: Service):
    start_pair(isolated, env=RECURSIVE)
    staging = isolated.root / "staging" / "mixed"
    odd = {"back\\slash": "Calais", os.fsdecode(b"caf\xe9"): "Tromso", "plain": "Dover"}
    for folder, town in odd.items():
        (staging / folder).mkdir(parents=True)
        (staging / folder / f"{town.lower()}.txt").write_bytes(_page(town))
    os.rename(staging, isolated.inbox / "mixed")  # one pass takes all three: one refused folder used to stop them all

    escaped = {"Calais": "mixed/back%5Cslash", "Tromso": "mixed/caf%E9", "Dover": "mixed/plain"}
    for town, folder in escaped.items():
        (rec,) = isolated.wait_for(town.lower(), timeout=60)
        assert rec["kind"] == "record" and rec["source"]["folder"] == folder
        original = isolated.archive / folder / f"{town.lower()}.txt"
        assert filed(original) and original.read_bytes() == _page(town)


def test_a_page_written_into_an_existing_subfolder_is_taken_and_a_bad_one_fails_into_the_same_tree(isolated: Service):
    (isolated.inbox / "weekly").mkdir()
    start_pair(isolated, env=RECURSIVE)
    (isolated.inbox / "weekly" / "later.txt").write_bytes(_page("Dover"))
    (isolated.inbox / "weekly" / "broken.txt").write_bytes(b"\x00\x01\x02\xff" * 400)

    (rec,) = isolated.wait_for("later", timeout=60)
    assert rec["kind"] == "record" and rec["source"]["folder"] == "weekly"
    (err,) = isolated.wait_for("broken", timeout=60)
    assert err["kind"] == "error" and err["folder"] == "weekly"
    assert filed(isolated.failed / "weekly" / "broken.txt")
    assert err["original"] == str((isolated.failed / "weekly" / "broken.txt").resolve())


def test_without_the_setting_a_dropped_folder_is_an_error_record_that_names_it(isolated: Service):
    start_pair(isolated)
    staging = isolated.root / "staging" / "boxed"
    staging.mkdir(parents=True)
    (staging / "inner.txt").write_bytes(_page("Bilbao"))
    os.rename(staging, isolated.inbox / "boxed")
    (err,) = isolated.wait_for("boxed", timeout=60)
    assert err["kind"] == "error" and err["error"] == "directory"
    assert "PAGEMILL_INBOX_RECURSIVE" in err["message"]
