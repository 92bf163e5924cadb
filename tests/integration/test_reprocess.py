"""`pagemill reprocess` through a running service: exactly the older records are replaced, once each.

Real broker, real worker and watcher, real files. "Older" records are made the
way they arise in use: records written, then their pipeline version is older
than the installation's (here set back in the file, as a record of an earlier
pagemill would have it).
"""

from __future__ import annotations

import hashlib
import json
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from workers.edges.ledger import RedisLedger
from workers.service.reprocess import queue, select

from .conftest import Broker, Service, wait_log, wait_watching, wait_worker_ready

pytestmark = pytest.mark.integration

OLD = "0.0.1+000000000000"
TOWNS = ["Arles", "Bergen", "Cork", "Dresden", "Essen", "Faro", "Graz", "Haarlem"]


def page(i: int, paragraphs: int = 1) -> bytes:
    body = "\n\n".join(
        f"The harbour board of {TOWNS[i]} met on {k % 28 + 1} May 2011 and agreed to dredge berth {k}. "
        f"The work will take {i + 2} months and cost {k + 3} million euros, said Maria Jansen of the board."
        for k in range(paragraphs)
    )
    return f"Bulletin {i}\n\n{body}\n".encode()


def cli(svc: Service, *args: str, timeout: float = 300) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "workers.cli", *args], env=svc.env, cwd=svc.root, capture_output=True, text=True,
        timeout=timeout,
    )


def records(svc: Service) -> dict[str, dict]:
    return {p.name: json.loads(p.read_text()) for p in sorted(svc.outbox.glob("*.json"))}


def start(svc: Service, concurrency: str = "2") -> None:
    worker = svc.start("worker", "worker", "--queues", "pages,outbox", "--concurrency", concurrency)
    wait_worker_ready(svc, worker)


def drop_and_wait(svc: Service, n: int, paragraphs: int = 1) -> dict[str, dict]:
    for i in range(n):
        svc.drop(f"bulletin-{i}.txt", page(i, paragraphs))
    deadline = time.monotonic() + 300
    while len(records(svc)) < n and time.monotonic() < deadline:
        svc.check_alive()
        time.sleep(0.1)
    got = records(svc)
    assert len(got) == n and all(d["kind"] == "record" for d in got.values()), svc.tail_logs()
    return got


def make_older(svc: Service, names: list[str]) -> None:
    for name in names:
        path = svc.outbox / name
        doc = json.loads(path.read_text())
        doc["pipeline"]["version"] = OLD
        path.write_text(json.dumps(doc, indent=2))


def replaced_in_logs(svc: Service) -> list[str]:
    out = []
    for part in svc.parts:
        for line in part.log.read_text(errors="replace").splitlines():
            # Made twice but written once is still made twice.
            if '"record replaced"' in line or '"record already replaced by this version"' in line:
                out.append(Path(json.loads(line)["outcome"]).name)
    return out


def stop_worker(svc: Service) -> None:
    worker = next(p for p in svc.parts if p.name == "worker")
    worker.stop()
    worker.name = "done"  # stopped on purpose


def reprocess_to_the_end(svc: Service, timeout: float = 200) -> None:
    """`pagemill reprocess --older-than current`, waiting for every record; within pytest's own 300 s, so a hang
    fails here with the service's logs (at 600 s, pytest's timeout came first and showed none)."""
    try:
        final = cli(svc, "reprocess", "--older-than", "current", timeout=timeout)
    except subprocess.TimeoutExpired as exc:
        raise AssertionError(f"reprocess did not end: {exc.stdout}\n{svc.tail_logs()}") from exc
    assert final.returncode == 0, final.stdout + final.stderr


def counts(svc: Service) -> dict:
    return json.loads(cli(svc, "status", "--json").stdout)["counts"]


def test_reprocess_older_than_replaces_exactly_the_older_records_and_announces_each(isolated: Service):
    svc = isolated
    start(svc)
    wait_watching(svc, svc.start("watcher", "watch"))
    first = drop_and_wait(svc, 4)
    older = sorted(first)[:2]
    make_older(svc, older)
    untouched = {n: (svc.outbox / n).read_bytes() for n in sorted(first)[2:]}

    run = cli(svc, "reprocess", "--older-than", "current")
    assert run.returncode == 0, run.stdout + run.stderr + svc.tail_logs()

    after = records(svc)
    assert sorted(after) == sorted(first), "same file names, nothing added or lost"
    for name in older:
        assert f"replaced {name} ({OLD} -> " in run.stdout
        assert after[name]["id"] == first[name]["id"]
        assert after[name]["supersedes"]["pipeline_version"] == OLD
        assert after[name]["pipeline"]["version"] != OLD
        assert after[name]["source"]["received_at"] == first[name]["source"]["received_at"]
    for name, data in untouched.items():
        assert (svc.outbox / name).read_bytes() == data
    assert len(list(svc.archive.iterdir())) == 4, "originals stay in the archive"
    c = counts(svc)
    assert c["reprocessed"] == 2 and c["done"] == 4

    again = cli(svc, "reprocess", "--older-than", "current")
    assert "0 queued" in again.stdout, "nothing is older any more"


def test_a_reprocess_stopped_and_started_again_makes_each_page_once(isolated: Service):
    svc = isolated
    start(svc, concurrency="1")
    wait_watching(svc, svc.start("watcher", "watch"))
    # Long enough pages that the worker is likely killed with some still to do (the test holds either way).
    first = drop_and_wait(svc, 6, paragraphs=60)
    make_older(svc, sorted(first))
    stop_worker(svc)

    # Queued while no worker runs; the run is then stopped (it would wait) and started again.
    run = cli(svc, "reprocess", "--older-than", "current", "--no-wait")
    assert "6 queued" in run.stdout, run.stdout + run.stderr
    rerun = cli(svc, "reprocess", "--older-than", "current", "--no-wait")
    assert "0 queued, 6 already on their way" in rerun.stdout, rerun.stdout

    # A worker killed in the middle, and another started.
    start(svc, concurrency="1")
    worker = svc.parts[-1]
    wait_log(worker, b'"record replaced"', timeout=300)
    worker.stop(signal.SIGKILL)
    worker.name = "done"  # killed on purpose
    print("replaced before the kill:", worker.log.read_text(errors="replace").count('"record replaced"'))
    start(svc, concurrency="1")

    # Generous: the killed worker's page comes back only after the visibility timeout (about 40 s here).
    reprocess_to_the_end(svc)
    after = records(svc)
    assert sorted(after) == sorted(first)
    assert all(d["supersedes"]["pipeline_version"] == OLD for d in after.values())
    assert all(d["pipeline"]["version"] != OLD for d in after.values())
    logged = replaced_in_logs(svc)
    assert sorted(set(logged)) == sorted(first)
    assert len(logged) == 6, f"a page was made twice: {sorted(logged)}"
    assert counts(svc)["reprocessed"] == 6


def test_a_reprocessed_page_whose_message_was_lost_is_sent_again_and_made_once(isolated: Service):
    import redis

    from workers.service.app import broker_lists

    svc = isolated
    start(svc, concurrency="1")
    wait_watching(svc, svc.start("watcher", "watch"))
    first = drop_and_wait(svc, 3)
    make_older(svc, sorted(first))
    stop_worker(svc)
    run = cli(svc, "reprocess", "--older-than", "current", "--no-wait")
    assert "3 queued" in run.stdout, run.stdout + run.stderr

    # What a worker killed as it took a message leaves behind: the message gone from the queue, held by nobody.
    broker = redis.Redis.from_url(svc.env["PAGEMILL_BROKER_URL"])
    taken = next((name for name in broker_lists() if broker.llen(name)), None)
    assert taken is not None and broker.rpop(taken) is not None
    # Two messages are still queued, so all three are taken to be on their way.
    assert "0 queued, 3 already on their way" in cli(svc, "reprocess", "--older-than", "current", "--no-wait").stdout

    start(svc, concurrency="1")
    reprocess_to_the_end(svc)
    after = records(svc)
    assert all(d["supersedes"]["pipeline_version"] == OLD and d["pipeline"]["version"] != OLD for d in after.values())
    logged = replaced_in_logs(svc)
    assert sorted(logged) == sorted(first), f"each page made once: {sorted(logged)}"


def test_a_record_made_again_after_the_run_picked_it_is_not_queued_a_second_time(broker: Broker, tmp_path: Path):
    # The window of a run started while the service is still replacing records: it picks a record as older,
    # the service writes its new version and clears its note, and only then does the run read the notes.
    outbox, archive = tmp_path / "outbox", tmp_path / "archive"
    outbox.mkdir()
    archive.mkdir()
    original = page(0)
    (archive / "bulletin-0.txt").write_bytes(original)
    name = f"bulletin-0.pm-{time.time_ns():016x}.json"  # its own name: the session's broker is shared
    doc = {
        "kind": "record", "id": "pm-0", "pipeline": {"version": OLD},
        "source": {"filename": "bulletin-0.txt", "sha256": hashlib.sha256(original).hexdigest(),
                   "received_at": "2026-01-01T00:00:00+00:00"},
    }
    (outbox / name).write_text(json.dumps(doc))
    picked = select(outbox, older_than="0.0.2+000000000000")
    assert [p.name for p, _ in picked] == [name]

    (outbox / name).write_text(json.dumps({**doc, "pipeline": {"version": "0.0.2+000000000000"}, "supersedes": {"pipeline_version": OLD}}))
    ledger = RedisLedger(broker.url)
    sent = []
    plan = queue(picked, archive, ledger, lambda task, drop, data: sent.append(drop), say=lambda _line: None)
    assert sent == [] and plan.queued == [] and plan.replaced_meanwhile == [name]
    assert name not in ledger.pending_reprocess()
