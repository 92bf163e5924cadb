"""Which records `pagemill reprocess` picks."""

from __future__ import annotations

import json

from workers.service.reprocess import _replaced_since, is_older, select


def test_older_means_an_earlier_package_or_another_build_of_the_same_one():
    assert is_older("0.1.0+aaaaaaaaaaaa", "0.2.0+bbbbbbbbbbbb")
    assert is_older("0.2.0+aaaaaaaaaaaa", "0.2.0+bbbbbbbbbbbb")
    assert is_older("0.1.0", "0.1.0+bbbbbbbbbbbb")  # records from before versions had digests
    assert not is_older("0.2.0+bbbbbbbbbbbb", "0.2.0+bbbbbbbbbbbb")
    assert not is_older("0.3.0+aaaaaaaaaaaa", "0.2.0+bbbbbbbbbbbb")


def test_select_picks_records_only_and_by_version_or_id(tmp_path):
    def write(name, **doc):
        (tmp_path / name).write_text(json.dumps(doc))

    write("a.pm-1.json", kind="record", id="pm-1", pipeline={"version": "0.1.0+aaaaaaaaaaaa"})
    write("b.pm-2.json", kind="record", id="pm-2", pipeline={"version": "0.2.0+bbbbbbbbbbbb"})
    write("c.d1.error.json", kind="error", filename="c.txt")
    write("d.d2.duplicate.json", kind="duplicate", id="pm-1")
    names = lambda picked: [p.name for p, _ in picked]  # noqa: E731
    assert names(select(tmp_path, older_than="0.2.0+bbbbbbbbbbbb")) == ["a.pm-1.json"]
    assert names(select(tmp_path, everything=True)) == ["a.pm-1.json", "b.pm-2.json"]
    assert names(select(tmp_path, ids=["pm-2"])) == ["b.pm-2.json"]
    assert names(select(tmp_path, ids=["a.pm-1.json"])) == ["a.pm-1.json"]


def test_select_keeps_what_a_run_reads_of_a_record_but_not_its_segments(tmp_path):
    doc = {
        "kind": "record", "id": "pm-1", "pipeline": {"version": "0.1.0+aaaaaaaaaaaa", "stages_ms": {"clean": 3}},
        "source": {"filename": "a.txt", "sha256": "ab" * 32, "received_at": "2026-01-01T00:00:00+00:00", "size_bytes": 9},
        "segments": [{"id": "s1", "text": "Harbour news"}], "entities": [{"id": "e1", "text": "Quito"}],
    }
    (tmp_path / "a.pm-1.json").write_text(json.dumps(doc))
    [(_, picked)] = select(tmp_path, everything=True)
    assert picked == {
        "kind": "record", "id": "pm-1", "pipeline": {"version": "0.1.0+aaaaaaaaaaaa"},
        "source": {"filename": "a.txt", "sha256": "ab" * 32, "received_at": "2026-01-01T00:00:00+00:00"},
    }


def test_a_record_made_again_under_the_same_version_reads_as_replaced_since_it_was_picked(tmp_path):
    # `--all` makes records again under the version they already have: only `supersedes` shows the change.
    path = tmp_path / "a.pm-1.json"
    doc = {"kind": "record", "id": "pm-1", "pipeline": {"version": "0.2.0+bbbbbbbbbbbb"}, "segments": [{"id": "s1"}]}
    path.write_text(json.dumps(doc))
    [(_, picked)] = select(tmp_path, everything=True)
    assert not _replaced_since(path, picked)
    path.write_text(json.dumps({**doc, "supersedes": {"pipeline_version": "0.2.0+bbbbbbbbbbbb", "written_at": "2026-01-02T00:00:00Z"}}))
    assert _replaced_since(path, picked)
    path.unlink()
    assert _replaced_since(path, picked)
