"""Bad input gets a clear error record and a log line, and the service keeps going."""

from __future__ import annotations

import codecs
import json
import os
import time

import pytest

from workers.models import record_text

from .conftest import Service, filed, wait_log
from .test_faults import big_page, start_pair

pytestmark = pytest.mark.integration


def error_of(service: Service, stem: str, **kw) -> dict:
    (rec,) = service.wait_for(stem, **kw)
    assert rec["kind"] == "error", rec
    assert rec["message"] and "\n" not in rec["message"]
    return rec


@pytest.mark.parametrize(
    ("name", "data", "encoding"),
    [
        ("enc-latin1.txt", "Café in Zürich, naïve résumé. The mayor of Zürich spoke.".encode("latin-1"), "windows-1252"),
        ("enc-cp1252.txt", "The “report” – 2011 – was published in Paris.".encode("cp1252"), "windows-1252"),
        ("enc-utf16.txt", codecs.BOM_UTF16_LE + "The minister visited Berlin in May 2010.".encode("utf-16-le"), "utf-16"),
        ("enc-utf8bom.txt", codecs.BOM_UTF8 + "The minister visited Rome in June 2011.".encode(), "utf-8-sig"),
    ],
)
def test_decodable_encodings_are_processed_and_named(service: Service, name, data, encoding):
    service.drop(name, data)
    (rec,) = service.wait_for(name.removesuffix(".txt"))
    assert rec["kind"] == "record"
    assert rec["source"]["encoding"] == encoding


def test_a_few_stray_nul_bytes_do_not_stop_a_page(service: Service):
    data = b"Heading\n\nThe council met in Lima\x00 in March 2012 and agreed a plan.\n"
    service.drop("stray-nul.txt", data)
    (rec,) = service.wait_for("stray-nul")
    assert rec["kind"] == "record"
    assert "\x00" not in record_text(rec)


def test_nul_heavy_file_is_refused_as_binary(service: Service):
    # (Not "A\x00B\x00..." : that is UTF-16 without a byte-order mark, and is read.)
    service.drop("nul-heavy.txt", b"A\x00\x00\x00B\x00C" * 2000)
    assert error_of(service, "nul-heavy")["error"] == "binary_file"


def test_file_over_the_size_limit_is_refused_before_it_is_read(isolated: Service):
    start_pair(isolated, env={"PAGEMILL_MAX_PAGE_BYTES": "1000000"})
    isolated.drop("huge.txt", b"word " * 250_000)
    rec = error_of(isolated, "huge")
    assert rec["error"] == "too_large" and "PAGEMILL_MAX_PAGE_BYTES" in rec["message"]
    assert (isolated.failed / "huge.txt").stat().st_size == 1_250_000


def test_a_5mb_single_line_gets_one_clear_outcome(service: Service):
    line = ("The envoy from Peru met the delegation in Oslo on 3 May 2011 to discuss fisheries. " * 60_000)[:5_000_000]
    service.drop("one-long-line.txt", line.encode())
    (rec,) = service.wait_for("one-long-line", timeout=240)
    assert rec["kind"] in ("record", "error")
    if rec["kind"] == "record":
        assert rec["source"]["size_bytes"] == 5_000_000


@pytest.mark.parametrize(
    "name",
    ["with spaces in it.txt", "Łódź – przewodnik.txt", "line\nbreak.txt", ("L" * 240) + ".txt", "-starts-with-dash.txt", "semi;colon$(rm -rf).txt"],
)
def test_odd_file_names_are_processed_and_kept(service: Service, name):
    data = f"Odd name test\n\nA page called {name!r} was filed in Madrid in 2013.\n".encode()
    service.drop(name, data)
    (rec,) = service.wait_for(name, timeout=30)
    assert rec["kind"] == "record" and rec["source"]["filename"] == name
    assert filed(service.archive / name) and (service.archive / name).read_bytes() == data


def test_a_file_name_that_is_not_utf8_is_processed_and_does_not_hold_up_pages_taken_with_it(service: Service):
    # Renamed in one after another, so the watcher takes them in one pass: the odd name used to stop them all.
    odd = os.fsdecode(b"r\xe9sum\xe9-latin1.txt")
    pages = {odd: b"Odd bytes\n\nA page filed in Quito in 2014.\n"}
    pages |= {f"beside-odd-{i}.txt": f"Beside\n\nPage {i} was filed in Lagos in 2015.\n".encode() for i in range(3)}
    for name, data in pages.items():
        service.drop(name, data, how="rename")
    (rec,) = service.wait_for("r%E9sum%E9-latin1")
    assert rec["kind"] == "record" and rec["source"]["filename"] == "r%E9sum%E9-latin1.txt"
    for i in range(3):
        assert [r["kind"] for r in service.wait_for(f"beside-odd-{i}")] == ["record"]
    # The original is kept, under the name its record gives.
    assert filed(service.archive / "r%E9sum%E9-latin1.txt")
    assert (service.archive / "r%E9sum%E9-latin1.txt").read_bytes() == pages[odd]


def test_directory_dropped_in_the_inbox_is_refused_and_kept(service: Service):
    folder = service.inbox / "a-folder"
    folder.mkdir()
    (folder / "inside.txt").write_text("Some page.")
    rec = error_of(service, "a-folder")
    assert rec["error"] == "directory"
    assert filed(service.failed / "a-folder" / "inside.txt")


def test_symlink_to_a_file_outside_the_inbox_is_refused_and_the_target_never_read(service: Service, tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("The password is swordfish. Paris, 2011.")
    os.symlink(secret, service.inbox / "link.txt")
    rec = error_of(service, "link")
    assert rec["error"] == "symlink"
    assert "sha256" not in rec  # never read, so no hash
    assert secret.read_text().startswith("The password")
    assert not any("swordfish" in p.read_text() for p in service.outbox.glob("*.json"))


def test_file_that_vanishes_before_it_is_taken_gets_an_error_record(service: Service):
    path = service.inbox / "vanishing.txt"
    with path.open("w") as f:
        f.write("Being written, then deleted.")
        f.flush()
        os.unlink(path)  # gone while its writer still holds it open: it was never complete
    rec = error_of(service, "vanishing")
    assert rec["error"] == "vanished"


def test_something_that_is_not_a_regular_file_is_refused(service: Service):
    os.mkfifo(service.inbox / "a-pipe.txt")
    rec = error_of(service, "a-pipe")
    assert rec["error"] == "not_a_file"


def test_page_that_runs_out_of_time_fails_at_once_saying_which_limit_to_raise_and_the_worker_keeps_serving(isolated: Service):
    # A 5-second limit (soft limit 3 s) makes annotating a long page run out of
    # time inside the stage, a real time-out of the real stage code.
    worker, _ = start_pair(isolated, env={"PAGEMILL_TASK_TIME_LIMIT": "5", "PAGEMILL_TASK_MAX_RETRIES": "2"})
    isolated.drop("too-slow.txt", big_page("slow", target_chars=1_500_000))
    rec = error_of(isolated, "too-slow", timeout=120)
    # Another attempt would run out of time the same way: one attempt, and the record says what to raise.
    assert rec["error"] == "too_large_to_finish" and rec["attempts"] == 1, rec
    assert "PAGEMILL_TASK_TIME_LIMIT=5" in rec["message"]
    assert filed(isolated.failed / "too-slow.txt")
    log = worker.log.read_bytes()
    assert b"stage raised; retrying" not in log
    # Each log line from a task says which page, which task and which stage.
    ran_out = [json.loads(line) for line in log.splitlines() if line.startswith(b"{") and b"page ran out of time" in line]
    assert len(ran_out) == 1, ran_out
    assert ran_out[0]["stage"] == rec["stage"] and ran_out[0]["task_id"] and ran_out[0]["document_id"] == rec["drop_id"]
    isolated.drop("after-failure.txt", b"Heading\n\nThe worker still serves pages from Quito.\n")
    (ok,) = isolated.wait_for("after-failure", timeout=30)
    assert ok["kind"] == "record"
    assert worker.proc.poll() is None


def test_pickled_message_is_refused_not_executed(service: Service, tmp_path):
    """Celery must accept JSON only: a pickle that would create a file is dropped unrun."""
    import pickle

    from kombu import Connection

    marker = tmp_path / "pwned"

    class Exploit:
        def __reduce__(self):
            return (os.system, (f"touch {marker}",))

    worker = next(p for p in service.parts if p.name == "worker")
    offset = worker.log.stat().st_size
    with Connection(service.broker.url) as conn:
        producer = conn.Producer(serializer="pickle")
        producer.publish(
            ((Exploit(),), {}, {}),
            routing_key="pages",
            serializer="pickle",
            headers={"task": "pagemill.process", "id": "pickle-test-1", "argsrepr": "x", "kwargsrepr": "{}"},
        )
    wait_log(worker, b"pickle", timeout=20, after=offset)
    time.sleep(1.0)
    assert not marker.exists(), "the pickled payload was executed"
    service.drop("after-pickle.txt", b"Heading\n\nStill serving pages in Accra.\n")
    (rec,) = service.wait_for("after-pickle")
    assert rec["kind"] == "record"
