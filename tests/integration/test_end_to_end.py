"""A page dropped in the inbox becomes one validated record in the outbox: real broker, worker, watcher."""

from __future__ import annotations

import json
import threading
import time

import jsonschema
import pytest

from tests.conftest import CORPUS, REPO
from workers.models import record_text

from .conftest import Service, filed, service_env, wait_watching

pytestmark = pytest.mark.integration

RECORD_SCHEMA = json.loads((REPO / "schemas" / "record.schema.json").read_text())
ERROR_SCHEMA = json.loads((REPO / "schemas" / "error.schema.json").read_text())


def page(n: int) -> bytes:
    return f"Report {n}\n\nThe delegation from Canada met officials in Tokyo on {n} March 2011 to discuss trade.\n".encode()


def test_reference_page_becomes_a_valid_record_with_gold_structure(service: Service, seed_page):
    gold = json.loads((CORPUS / "seed" / "gold" / f"{seed_page.stem}.json").read_text())
    t0 = time.monotonic()
    service.drop(seed_page.name, seed_page.read_bytes())
    (record,) = service.wait_for(seed_page.stem, timeout=10)
    elapsed = time.monotonic() - t0
    assert elapsed < 10, f"record took {elapsed:.1f}s"
    path = record.pop("_path")
    jsonschema.Draft202012Validator(RECORD_SCHEMA).validate(record)
    assert record["kind"] == "record"
    assert [(s["role"], s["source_start"], s["source_end"]) for s in record["segments"]] == [
        (g["role"], g["start"], g["end"]) for g in gold["segments"]
    ]
    assert record["section"]["number"] == "2"
    assert any(r["after"] == "Japan" for r in record["repairs"])
    assert path.name.startswith("bluebook-2011-north-america.pm-")
    assert filed(service.archive / seed_page.name) and (service.archive / seed_page.name).read_bytes() == seed_page.read_bytes()
    assert not (service.inbox / seed_page.name).exists()


def test_page_renamed_into_the_inbox_gets_exactly_one_record(service: Service):
    service.drop("renamed-in.txt", page(1), how="rename")
    (record,) = service.wait_for("renamed-in")
    assert record["kind"] == "record"
    assert record["source"]["filename"] == "renamed-in.txt"


def test_slowly_written_page_is_processed_once_and_complete(service: Service):
    body = b"".join(f"Paragraph {i}. The mission visited Kenya in May 2010.\n\n".encode() for i in range(8))
    target = service.inbox / "slow-writer.txt"

    def write_slowly():
        with target.open("wb") as f:
            for i in range(0, len(body), len(body) // 8):
                f.write(body[i : i + len(body) // 8])
                f.flush()
                time.sleep(0.5)  # longer than the settle time: only the close says it is done

    writer = threading.Thread(target=write_slowly)
    writer.start()
    writer.join()
    (record,) = service.wait_for("slow-writer")
    assert record["source"]["size_bytes"] == len(body)
    assert "Paragraph 7." in record_text(record)


def test_hidden_and_temporary_names_are_left_alone(service: Service):
    for name in (".hidden.txt", "upload.txt.part", "x.tmp", "~lock.txt"):
        service.drop(name, page(2))
    service.drop("after-temps.txt", page(3))
    service.wait_for("after-temps")
    time.sleep(1)
    for name in (".hidden.txt", "upload.txt.part", "x.tmp", "~lock.txt"):
        assert (service.inbox / name).exists(), name
    assert not service.outcomes("upload.txt")


@pytest.mark.parametrize(
    ("name", "data", "error"),
    [
        ("empty.txt", b"", "empty_file"),
        ("binary.txt", bytes(range(256)) * 64, "binary_file"),
    ],
)
def test_bad_input_gets_an_error_record_and_the_original_kept(service: Service, name, data, error):
    service.drop(name, data)
    (rec,) = service.wait_for(name.removesuffix(".txt"))
    rec.pop("_path")
    jsonschema.Draft202012Validator(ERROR_SCHEMA).validate(rec)
    assert rec["kind"] == "error" and rec["error"] == error
    assert rec["message"]
    assert (service.failed / name).read_bytes() == data


def test_pages_already_in_the_inbox_at_start_are_processed(service: Service, tmp_path):
    # A second inbox on the same host: it shares the host's state folder (the writer
    # files only pages held there, signed with the key kept there).
    env = service_env(tmp_path, service.broker.url, PAGEMILL_OUTBOX=str(service.outbox), PAGEMILL_STATE_DIR=service.env["PAGEMILL_STATE_DIR"])
    inbox = tmp_path / "inbox"
    for i in range(3):
        (inbox / f"waiting-{i}.txt").write_bytes(page(100 + i))
    other = Service(tmp_path, env, service.broker)
    watcher = other.start("watcher", "watch")
    try:
        wait_watching(other, watcher)
        for i in range(3):
            (record,) = service.wait_for(f"waiting-{i}")
            assert record["kind"] == "record"
    finally:
        other.stop()


def test_polling_mode_waits_for_a_stable_file(service: Service, tmp_path):
    env = service_env(
        tmp_path, service.broker.url, PAGEMILL_OUTBOX=str(service.outbox), PAGEMILL_STATE_DIR=service.env["PAGEMILL_STATE_DIR"],
        PAGEMILL_WATCH_POLLING="true", PAGEMILL_POLL_INTERVAL="0.2",
    )
    other = Service(tmp_path, env, service.broker)
    watcher = other.start("watcher", "watch")
    try:
        wait_watching(other, watcher)
        (tmp_path / "inbox" / "polled.txt").write_bytes(page(200))
        (record,) = service.wait_for("polled")
        assert record["kind"] == "record"
    finally:
        other.stop()


def test_same_content_under_two_names_gives_one_record_and_a_duplicate_note(service: Service):
    data = page(300)
    service.drop("twin-a.txt", data)
    (first,) = service.wait_for("twin-a")
    service.drop("twin-b.txt", data)
    (second,) = service.wait_for("twin-b")
    assert first["kind"] == "record"
    assert second["kind"] == "duplicate" and second["record"] == first["_path"].name


def test_on_the_outbox_host_a_page_is_filed_by_its_own_task_without_a_write_task(service: Service):
    worker = next(p for p in service.parts if p.name == "worker")
    writes_before = worker.log.read_bytes().count(b"pagemill.write[")
    service.drop("filed-in-one-task.txt", page(7), how="rename")
    (record,) = service.wait_for("filed-in-one-task")
    assert record["kind"] == "record"
    assert filed(service.archive / "filed-in-one-task.txt") and (service.archive / "filed-in-one-task.txt").read_bytes() == page(7)
    log = worker.log.read_bytes()
    assert log.count(b"pagemill.write[") == writes_before, "a write task was queued on the host that owns the outbox"
    assert b"filed-in-one-task.txt" in log
