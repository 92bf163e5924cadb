"""Nothing lost, nothing duplicated: real processes killed, restarted and starved of disk.

Every test counts outcomes against the files dropped: one record (or one
duplicate note, or one error record) per file, no half-written files.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import time
from pathlib import Path

import pytest

from tests.conftest import CORPUS

from .conftest import Service, children_of, filed, start_embedded_broker, wait_log, wait_watching, wait_worker_ready

pytestmark = pytest.mark.integration


def small_page(n: int) -> bytes:
    return f"Note {n}\n\nThe office in Nairobi reported {n} visitors from Ghana in June 2012.\n".encode()


def big_page(tag: str, target_chars: int = 400_000) -> bytes:
    """A long, real-text page: annotating it takes seconds, long enough to kill a worker mid-page."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("gum/pages/*.txt"))[:40]] or [
        f"Paragraph {i}. The delegation from Chile met officials of the Ministry of Trade in Geneva on {i % 28 + 1} May 2011, "
        "and the talks covered fisheries, tariffs and the new agreement signed by Ana Silva and John Carter.\n\n"
        for i in range(200)
    ]
    out, i = [f"Long report {tag}\n"], 0
    while sum(map(len, out)) < target_chars:
        out.append(texts[i % len(texts)])
        i += 1
    return "\n\n".join(out).encode()


def assert_exactly_one_outcome_each(svc: Service, stems: list[str]) -> None:
    by_stem: dict[str, list[dict]] = {}
    for doc in svc.outcomes():
        name = doc.get("filename") or doc["source"]["filename"]
        by_stem.setdefault(Path(name).stem, []).append(doc)
    missing = [s for s in stems if s not in by_stem]
    doubled = {s: len(v) for s, v in by_stem.items() if len(v) > 1}
    assert not missing, f"lost pages: {missing[:10]} (of {len(missing)})"
    doubled_detail = {
        s: [(d.get("kind"), d.get("drop_id") or (d.get("source") or {}).get("drop_id"), d.get("id")) for d in by_stem[s]] for s in doubled
    }
    assert not doubled, f"pages with more than one outcome: {doubled_detail}\n{_log_lines_of(svc, list(doubled))}"
    leftovers = [p.name for p in svc.outbox.iterdir() if not p.name.endswith(".json")]
    assert not leftovers, f"temporary files left in the outbox: {leftovers}"


def _log_lines_of(svc: Service, stems: list[str], limit: int = 60) -> str:
    """Every part's log lines that name one of ``stems``: what happened to a page, for a failure message."""
    out = []
    for part in svc.parts:
        lines = [ln for ln in part.log.read_text(errors="replace").splitlines() if any(s in ln for s in stems)]
        out += [f"--- {part.name}"] + lines[-limit:]
    return "\n".join(out)


def wait_all(svc: Service, stems: list[str], timeout: float) -> None:
    deadline = time.monotonic() + timeout
    want = set(stems)
    while time.monotonic() < deadline:
        names = {Path(p.name.split(".")[0]).name for p in svc.outbox.glob("*.json")}
        if want <= names:
            time.sleep(1.0)  # let any duplicate that is on its way land before counting
            return
        time.sleep(0.2)
    names = {p.name.split(".")[0] for p in svc.outbox.glob("*.json")}
    missing = sorted(want - names)
    raise AssertionError(
        f"{len(missing)} of {len(want)} pages have no outcome after {timeout}s: {missing[:5]}\n"
        + "\n".join(whereabouts(svc, stem) for stem in missing[:5]) + f"\n{svc.tail_logs()}"
    )


def whereabouts(svc: Service, stem: str) -> str:
    """Where a page without an outcome was left, and every log line naming it: what a failed wait needs to be read."""
    found = [str(p.relative_to(svc.root)) for p in svc.root.rglob(f"{stem}.*") if "outbox" not in p.parts]
    lines = [
        f"  {log.name}: {line[:400]}"
        for log in sorted(svc.root.glob("*.log"))
        for line in log.read_text(errors="replace").splitlines()
        if f"{stem}." in line
    ]
    return f"--- {stem}: files {found or 'none'}\n" + "\n".join(lines[:20])


def start_pair(svc: Service, *, concurrency: int = 1, env: dict[str, str] | None = None):
    worker = svc.start("worker", "worker", "--queues", "pages,outbox", "--concurrency", str(concurrency), env=env)
    watcher = svc.start("watcher", "watch", env=env)
    wait_worker_ready(svc, worker)
    wait_watching(svc, watcher)
    return worker, watcher


def test_worker_child_killed_mid_page_is_processed_again_once(isolated: Service):
    # A page out of time is not retried (it would run out again), so on a slow, busy machine the
    # big page must not meet the default limit: the test is about the killed child, not the limit.
    worker, _ = start_pair(isolated, env={"PAGEMILL_TASK_TIME_LIMIT": "900"})
    isolated.drop("long-child.txt", big_page("child"))
    wait_log(worker, b"Task pagemill.process[", timeout=60)
    time.sleep(0.3)
    kids = children_of(worker.proc.pid)
    assert kids, "prefork worker has no children to kill"
    for pid in kids:
        os.kill(pid, signal.SIGKILL)
    wait_all(isolated, ["long-child"], timeout=120)
    assert_exactly_one_outcome_each(isolated, ["long-child"])
    (rec,) = isolated.outcomes("long-child")
    assert rec["kind"] == "record"
    assert b"WorkerLostError" in worker.log.read_bytes() or b"exited with" in worker.log.read_bytes()


def test_whole_worker_killed_and_restarted_loses_no_page(isolated: Service):
    env = {"PAGEMILL_TASK_TIME_LIMIT": "8"}  # visibility timeout 15 s: the bound on redelivery
    worker, _ = start_pair(isolated, env=env)
    isolated.drop("long-whole.txt", big_page("whole"))
    stems = ["long-whole"] + [f"queued-{i}" for i in range(5)]
    for i in range(5):
        isolated.drop(f"queued-{i}.txt", small_page(i))
    wait_log(worker, b"Task pagemill.process[", timeout=60)
    os.killpg(worker.proc.pid, signal.SIGKILL)
    worker.proc.wait()
    worker.name = "done"
    t0 = time.monotonic()
    restarted = isolated.start("worker", "worker", "--queues", "pages,outbox", "--concurrency", "1", env=env)
    wait_worker_ready(isolated, restarted)
    wait_all(isolated, stems, timeout=90)
    assert_exactly_one_outcome_each(isolated, stems)
    assert time.monotonic() - t0 < 60


def test_broker_killed_and_restarted_loses_nothing_and_parts_reconnect(isolated: Service):
    # The worker's main process does not read its pool's results until it has reconnected (about 6 s
    # after the kill); a page's hard time limit running out before that would be taken for the page
    # being too slow. 16 s keeps that margin on a loaded machine; the visibility timeout (25 s) bounds
    # how long a page rejected while the broker was away waits to come back.
    worker, watcher = start_pair(isolated, env={"PAGEMILL_TASK_TIME_LIMIT": "16"})
    first = [f"before-{i}" for i in range(20)]
    for s in first:
        isolated.drop(f"{s}.txt", small_page(hash(s) % 10_000))
    time.sleep(0.5)
    b = isolated.broker
    port = b.settings.embedded_broker_port
    b.proc.kill()  # SIGKILL: no chance to flush anything but what is already written
    b.proc.wait()
    time.sleep(2)
    during = [f"during-{i}" for i in range(5)]
    for s in during:
        isolated.drop(f"{s}.txt", small_page(hash(s) % 10_000))
    restarted = start_embedded_broker(b.settings.state_dir, port=port)
    isolated.broker = restarted
    after = [f"after-{i}" for i in range(5)]
    for s in after:
        isolated.drop(f"{s}.txt", small_page(hash(s) % 10_000))
    wait_all(isolated, first + during + after, timeout=120)
    assert_exactly_one_outcome_each(isolated, first + during + after)
    # Every page was fine: the broker's absence is no reason to fail one (a page in flight at the
    # kill once got its record and an error record saying it was too large).
    failed = {d["filename"]: f"{d['error']}: {d['message']}" for d in isolated.outcomes() if d["kind"] == "error"}
    assert not failed, f"pages failed by the broker's restart: {failed}\n{_log_lines_of(isolated, [Path(f).stem for f in failed])}"
    assert worker.proc.poll() is None and watcher.proc.poll() is None


def test_worker_holding_a_page_with_a_process_free_keeps_running_through_a_broker_restart(isolated: Service):
    # One long page holds one of the two worker processes and the other is free, so when the
    # broker dies the worker holds an unacknowledged message and waits for the next one. Celery's
    # clean-up of that connection used to raise inside kombu and shut the worker down.
    worker, _ = start_pair(isolated, concurrency=2, env={"PAGEMILL_TASK_TIME_LIMIT": "60"})
    isolated.drop("long-held.txt", big_page("held", 200_000))
    wait_log(worker, b"Task pagemill.process[", timeout=60)
    time.sleep(0.5)
    b = isolated.broker
    port = b.settings.embedded_broker_port
    b.proc.kill()
    b.proc.wait()
    time.sleep(2)
    isolated.broker = start_embedded_broker(b.settings.state_dir, port=port)
    wait_all(isolated, ["long-held"], timeout=120)
    isolated.drop("after-restart.txt", small_page(777))
    wait_all(isolated, ["long-held", "after-restart"], timeout=60)
    assert_exactly_one_outcome_each(isolated, ["long-held", "after-restart"])
    assert {d["kind"] for d in isolated.outcomes()} == {"record"}
    log = worker.log.read_bytes()
    assert b"Unrecoverable error" not in log and b"Warm shutdown" not in log, log[-3000:].decode(errors="replace")
    assert worker.proc.poll() is None


def test_pages_dropped_while_the_watcher_is_down_are_picked_up_when_it_starts(isolated: Service):
    worker, watcher = start_pair(isolated)
    watcher.stop()
    watcher.name = "done"
    stems = [f"offline-{i}" for i in range(10)]
    for i, s in enumerate(stems):
        isolated.drop(f"{s}.txt", small_page(500 + i), how="rename" if i % 2 else "write")
    again = isolated.start("watcher", "watch")
    wait_watching(isolated, again)
    wait_all(isolated, stems, timeout=60)
    assert_exactly_one_outcome_each(isolated, stems)


@pytest.mark.timeout(1200)
def test_burst_of_5000_pages_written_and_renamed_gets_one_outcome_each(isolated: Service):
    start_pair(isolated, concurrency=2)
    stems = [f"burst-{i:05d}" for i in range(5000)]
    staging = isolated.root / "staging"
    staging.mkdir()
    for i, s in enumerate(stems):
        data = small_page(10_000 + i)
        if i % 2:
            (staging / f"{s}.txt").write_bytes(data)
            os.rename(staging / f"{s}.txt", isolated.inbox / f"{s}.txt")
        else:
            (isolated.inbox / f"{s}.txt").write_bytes(data)
    wait_all(isolated, stems, timeout=900)
    assert_exactly_one_outcome_each(isolated, stems)
    assert len(list(isolated.archive.iterdir())) == 5000


def test_same_content_dropped_again_later_under_the_same_name_gets_a_duplicate_note(service: Service):
    data = small_page(777_001)
    service.drop("again.txt", data)
    (first,) = service.wait_for("again")
    service.drop("again.txt", data)
    outcomes = service.wait_for("again", n=2)
    kinds = sorted(o["kind"] for o in outcomes)
    assert kinds == ["duplicate", "record"]
    note = next(o for o in outcomes if o["kind"] == "duplicate")
    assert note["record"] == first["_path"].name


def _mount_tiny_outbox(path: Path, size: str = "256k") -> bool:
    path.mkdir(parents=True, exist_ok=True)
    return subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(path)], capture_output=True).returncode == 0


def test_full_outbox_disk_is_retried_never_truncated_and_recovers(isolated: Service):
    outbox = isolated.outbox
    if not _mount_tiny_outbox(outbox):
        pytest.skip("needs permission to mount a small tmpfs to fill a disk for real")
    try:
        filler = outbox / "filler.bin"
        fd = os.open(filler, os.O_WRONLY | os.O_CREAT)
        try:
            while True:
                os.write(fd, b"\0" * 4096)
        except OSError:
            pass  # the disk is full now
        finally:
            os.close(fd)
        worker, _ = start_pair(isolated)
        isolated.drop("disk-full.txt", small_page(4242))
        wait_log(worker, b"cannot write to the outbox; will retry", timeout=30)
        time.sleep(1.0)
        assert not [p for p in outbox.iterdir() if p.name != "filler.bin"], "nothing, not even half a record, while the disk is full"
        assert not (isolated.failed / "disk-full.txt").exists()
        filler.unlink()
        (rec,) = isolated.wait_for("disk-full", timeout=60)
        assert rec["kind"] == "record"
        json.loads(rec["_path"].read_text())  # whole and valid
        assert filed(isolated.archive / "disk-full.txt")
    finally:
        isolated.stop()
        subprocess.run(["umount", "-l", str(outbox)], capture_output=True)


def test_page_whose_message_the_broker_lost_is_queued_again_by_the_sweep(isolated: Service):
    watcher = isolated.start("watcher", "watch")
    wait_watching(isolated, watcher)
    isolated.drop("lost-message.txt", small_page(31337))
    client = isolated.broker.client()
    deadline = time.monotonic() + 20
    while not client.llen("pages") and time.monotonic() < deadline:
        time.sleep(0.05)
    assert client.llen("pages") == 1
    client.delete("pages")  # the broker loses the message (e.g. a Redis without persistence restarted)
    worker = isolated.start("worker", "worker", "--queues", "pages,outbox", "--concurrency", "1")
    wait_worker_ready(isolated, worker)
    (rec,) = isolated.wait_for("lost-message", timeout=60)  # two sweeps, 2 s apart in tests
    assert rec["kind"] == "record"
    assert b"re-queueing a page whose message was lost" in watcher.log.read_bytes()
