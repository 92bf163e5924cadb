"""`pagemill process DIR` searches folder trees for pages and says so when it finds none."""

import json
import os

from click.testing import CliRunner

from workers.cli import main

PAGE = "A Short Report\n\nThe harbour office in Bergen opened on 2 March 2015.\n"


def _tree(root):
    (root / "a" / "b").mkdir(parents=True)
    (root / "top.txt").write_text(PAGE.replace("Bergen", "Oslo"))
    (root / "a" / "b" / "deep.txt").write_text(PAGE)
    (root / "a" / "notes.json").write_text("{}")  # not a page: passed over
    (root / ".cache").mkdir()
    (root / ".cache" / "hidden.txt").write_text(PAGE.replace("Bergen", "Paris"))
    return root


def _kinds(out):
    return sorted((json.loads(p.read_text())["kind"], json.loads(p.read_text())["source"]["filename"]) for p in out.glob("*.json"))


def test_process_descends_into_subfolders_and_passes_over_non_pages(tmp_path):
    src = _tree(tmp_path / "src")
    result = CliRunner().invoke(main, ["process", str(src), "-o", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    assert _kinds(tmp_path / "out") == [("record", "deep.txt"), ("record", "top.txt")]
    assert "1 .json" in result.output
    folders = {json.loads(p.read_text())["source"]["filename"]: json.loads(p.read_text())["source"].get("folder") for p in (tmp_path / "out").glob("*.json")}
    assert folders == {"deep.txt": "a/b", "top.txt": None}


def test_process_no_recursive_reads_only_the_folder_itself(tmp_path):
    src = _tree(tmp_path / "src")
    result = CliRunner().invoke(main, ["process", str(src), "--no-recursive", "-o", str(tmp_path / "out"), "-q"])
    assert result.exit_code == 0, result.output
    assert _kinds(tmp_path / "out") == [("record", "top.txt")]


def test_process_of_a_folder_without_pages_fails_and_says_what_it_looked_for(tmp_path):
    empty = tmp_path / "empty"
    (empty / "sub").mkdir(parents=True)
    (empty / "sub" / "data.csv").write_text("a,b\n")
    result = CliRunner().invoke(main, ["process", str(empty), "-o", str(tmp_path / "out")])
    assert result.exit_code != 0
    assert "no pages found" in result.output and "*.txt" in result.output and "subfolders" in result.output
    assert "1 .csv" in result.output
    assert not (tmp_path / "out").exists() or not list((tmp_path / "out").glob("*.json"))


def test_a_file_named_on_the_command_line_is_processed_whatever_its_ending(tmp_path):
    page = tmp_path / "report.page"
    page.write_text(PAGE)
    result = CliRunner().invoke(main, ["process", str(page), "-o", str(tmp_path / "out"), "-q"])
    assert result.exit_code == 0, result.output
    assert _kinds(tmp_path / "out") == [("record", "report.page")]


def test_a_file_name_that_is_not_utf8_is_processed_with_its_odd_bytes_escaped_and_the_batch_goes_on(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    (src / os.fsdecode(b"caf\xe9-latin1.txt")).write_text(PAGE)
    (src / "plain.txt").write_text(PAGE.replace("Bergen", "Oslo"))
    result = CliRunner().invoke(main, ["process", str(src), "-o", str(tmp_path / "out"), "-q"])
    assert result.exit_code == 0, result.output
    assert _kinds(tmp_path / "out") == [("record", "caf%E9-latin1.txt"), ("record", "plain.txt")]
