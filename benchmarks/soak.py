#!/usr/bin/env python3
"""Soak run: pages keep arriving while workers are killed and the broker restarts.

    .venv/bin/python benchmarks/soak.py --duration 600 --pages 20000

Starts a real embedded broker, a real worker (`pagemill worker`) and a real
watcher (`pagemill watch`) on temporary folders, then drops pages (written in
place and renamed in, with some duplicates and some bad files) while it:

* SIGKILLs a worker child now and then,
* SIGKILLs the whole worker now and then and starts it again,
* SIGKILLs the broker once, halfway, and starts it again on the same data.

At the end it waits for every outcome and prints pages dropped, records,
duplicate notes, error records, lost pages and double outcomes, and checks
the feed: every outcome file appears in it exactly once, numbered 1..N with
no gap, in the order the files were written. Exit status is 0 only when
nothing was lost, nothing was doubled, every outcome has the kind its file
called for and the feed check passed.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from workers.service import broker as embedded  # noqa: E402
from workers.settings import Settings  # noqa: E402

CORPUS = REPO.parent / "shared" / "corpus"


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def texts(chars: int) -> list[str]:
    found = [p.read_text(encoding="utf-8")[:chars] for p in sorted(CORPUS.glob("*/pages/*.txt"))]
    return found or ["Report\n\nThe delegation visited Nairobi in May 2012 and met the minister.\n"]


class Soak:
    def __init__(self, root: Path, args) -> None:
        self.root, self.args = root, args
        self.port = free_port()
        self.settings = Settings(state_dir=root / "broker-state", embedded_broker_port=self.port)
        self.env = {k: v for k, v in os.environ.items() if not k.startswith("PAGEMILL_")}
        self.env.update(
            PAGEMILL_BROKER_URL=f"redis://127.0.0.1:{self.port}/0",
            PAGEMILL_INBOX=str(root / "inbox"),
            PAGEMILL_OUTBOX=str(root / "outbox"),
            PAGEMILL_ARCHIVE=str(root / "archive"),
            PAGEMILL_FAILED=str(root / "failed"),
            PAGEMILL_STATE_DIR=str(root / "state"),
            PAGEMILL_EMBEDDED_BROKER_PORT=str(self.port),
            PAGEMILL_TASK_TIME_LIMIT="20",
            PAGEMILL_RESTORE_UNACKED_INTERVAL="2",
            PAGEMILL_SWEEP_INTERVAL="10",
            PAGEMILL_LOG_LEVEL=os.environ.get("SOAK_LOG_LEVEL", "WARNING"),
            PAGEMILL_LOG_FORMAT="json",
            PYTHONPATH=str(REPO),
        )
        for k in ("PAGEMILL_INBOX", "PAGEMILL_OUTBOX"):
            Path(self.env[k]).mkdir(parents=True)
        self.expected: dict[str, str] = {}  # file name -> kind of outcome it must get
        self.events: Counter[str] = Counter()
        self.feed_settle: float | None = None
        self.stop = threading.Event()
        self.lock = threading.Lock()

    # --- processes -------------------------------------------------------------------

    def spawn(self, *args: str) -> subprocess.Popen:
        log = (self.root / f"{args[0]}.log").open("ab")
        return subprocess.Popen(
            [sys.executable, "-m", "workers.cli", *args], env=self.env, cwd=self.root,
            stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
        )

    def start_broker(self) -> subprocess.Popen:
        # `pagemill broker` rather than embedded.start(): the chaos thread
        # restarts it, and a child started with PDEATHSIG from a thread dies
        # when that thread ends.
        proc = self.spawn("broker")
        embedded.wait_until_ready("127.0.0.1", self.port, proc=proc)
        return proc

    def start(self) -> None:
        self.broker = self.start_broker()
        self.worker = self.spawn("worker", "--queues", "pages,outbox", "--concurrency", str(self.args.concurrency))
        self.watcher = self.spawn("watch")

    def shutdown(self) -> None:
        for proc in (self.watcher, self.worker):
            if proc.poll() is None:
                os.killpg(proc.pid, signal.SIGTERM)
                try:
                    proc.wait(60)
                except subprocess.TimeoutExpired:
                    os.killpg(proc.pid, signal.SIGKILL)
        self.broker.terminate()
        self.broker.wait(15)

    # --- load ------------------------------------------------------------------------

    def drop_pages(self) -> None:
        rnd = random.Random(7)
        corpus = texts(self.args.page_chars)
        staging = self.root / "staging"
        staging.mkdir()
        inbox = Path(self.env["PAGEMILL_INBOX"])
        t0 = time.monotonic()
        i = 0
        last_body = b""
        while not self.stop.is_set() and i < self.args.pages:
            if self.args.rate:
                ahead = i / self.args.rate - (time.monotonic() - t0)
                if ahead > 0:
                    time.sleep(ahead)
            roll = rnd.random()
            name = f"soak-{i:06d}.txt"
            if roll < 0.01:
                data, kind = b"", "error"  # empty
            elif roll < 0.02:
                data, kind = os.urandom(4096), "error"  # binary
            elif roll < 0.03 and last_body:
                data, kind = last_body, "duplicate"  # same content again
            else:
                body = corpus[i % len(corpus)]
                data, kind = f"{body}\n\nSoak page {i}, filed in Lisbon.\n".encode(), "record"
                last_body = data
            with self.lock:
                self.expected[name] = kind
            if rnd.random() < 0.5:
                tmp = staging / name
                tmp.write_bytes(data)
                os.rename(tmp, inbox / name)
            else:
                (inbox / name).write_bytes(data)
            i += 1
        self.events["dropped"] = i

    def chaos(self, duration: float) -> None:
        rnd = random.Random(11)
        t0 = time.monotonic()
        broker_restarted = False
        while not self.stop.wait(rnd.uniform(self.args.chaos_min, self.args.chaos_max)):
            elapsed = time.monotonic() - t0
            if not broker_restarted and elapsed > duration / 2:
                self.broker.kill()
                self.broker.wait()
                time.sleep(2)
                self.broker = self.start_broker()
                broker_restarted = True
                self.events["broker_restarts"] += 1
                continue
            self.supervise()
            if rnd.random() < 0.7:
                kids = _children(self.worker.pid)
                if kids:
                    os.kill(rnd.choice(kids), signal.SIGKILL)
                    self.events["worker_children_killed"] += 1
            else:
                os.killpg(self.worker.pid, signal.SIGKILL)
                self.worker.wait()
                self.worker = self.spawn("worker", "--queues", "pages,outbox", "--concurrency", str(self.args.concurrency))
                self.events["workers_killed"] += 1

    def supervise(self) -> None:
        """Restart a part that exited on its own, as `pagemill up`, systemd or Kubernetes would."""
        if self.worker.poll() is not None:
            self.events["worker_exited_by_itself"] += 1
            self.worker = self.spawn("worker", "--queues", "pages,outbox", "--concurrency", str(self.args.concurrency))
        if self.watcher.poll() is not None:
            self.events["watcher_exited_by_itself"] += 1
            self.watcher = self.spawn("watch")

    # --- counting --------------------------------------------------------------------

    def outcomes(self) -> dict[str, list[str]]:
        found: dict[str, list[str]] = {}
        for p in Path(self.env["PAGEMILL_OUTBOX"]).glob("*.json"):
            stem = p.name.split(".")[0]
            kind = "duplicate" if p.name.endswith(".duplicate.json") else "error" if p.name.endswith(".error.json") else "record"
            found.setdefault(f"{stem}.txt", []).append(kind)
        return found

    def wait_outcomes(self, timeout: float) -> dict[str, list[str]]:
        """Wait until every page has an outcome file and every outcome file is in the feed.

        Files alone are not enough: a worker killed between writing an outcome and numbering it, or
        a broker that died in that moment, leaves the file without its feed entry until the page is
        redelivered and numbered: seconds later, or after the visibility timeout when the broker
        died (30 s here). The feed is checked when the system has settled, not in that window.
        """
        from workers.edges.feed import Feed

        feed, after, in_feed = Feed(self.env["PAGEMILL_BROKER_URL"], socket_timeout=60), 0, set()
        outbox = Path(self.env["PAGEMILL_OUTBOX"])
        deadline = time.monotonic() + timeout
        files_complete = None
        while time.monotonic() < deadline:
            self.supervise()
            found = self.outcomes()
            if set(self.expected) <= set(found):
                files_complete = files_complete or time.monotonic()
                while batch := feed.read(after, 1000):
                    in_feed.update(e.path for e, _ in batch)
                    after = batch[-1][0].seq
                if {p.name for p in outbox.glob("*.json")} <= in_feed:
                    self.feed_settle = round(time.monotonic() - files_complete, 1)
                    time.sleep(2)
                    return self.outcomes()
            time.sleep(1)
        return self.outcomes()


def check_feed(broker_url: str, outbox: Path) -> dict:
    """Every outcome file exactly once in the feed, numbered without gaps, in the order the files were written."""
    from workers.edges.feed import Feed

    feed, entries, after = Feed(broker_url, socket_timeout=60), [], 0
    while batch := feed.read(after, 1000):
        entries += [e for e, _ in batch]
        after = entries[-1].seq
    files = {p.name: p.stat().st_mtime_ns for p in outbox.glob("*.json")}
    paths = Counter(e.path for e in entries)
    seqs = [e.seq for e in entries]
    written = [files[e.path] for e in entries if e.path in files]
    missing = sorted(set(files) - set(paths))
    if missing:
        print("outcome files not in the feed:", missing[:10])
    return {
        "feed_entries": len(entries),
        "feed_missing": len(set(files) - set(paths)),
        "feed_doubled": sum(1 for n in paths.values() if n > 1),
        "feed_not_in_outbox": len(set(paths) - set(files)),
        "feed_gaps": 0 if seqs == list(range(1, len(seqs) + 1)) else len(set(range(1, (max(seqs) if seqs else 0) + 1)) - set(seqs)) or 1,
        # An entry numbered after one whose file was written later: the feed's order is not the writing order.
        "feed_out_of_order": sum(1 for a, b in zip(written, written[1:]) if b < a),
    }


def _children(pid: int) -> list[int]:
    kids: list[int] = []
    try:
        for task in Path(f"/proc/{pid}/task").iterdir():
            kids += [int(c) for c in (task / "children").read_text().split()]
    except OSError:
        pass
    return kids


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--duration", type=float, default=600, help="seconds to keep dropping pages (default 600)")
    ap.add_argument("--pages", type=int, default=20_000, help="stop dropping after this many pages (default 20000)")
    ap.add_argument("--rate", type=float, default=None, help="pages per second to offer (default: pages spread over the duration)")
    ap.add_argument("--page-chars", type=int, default=2500, help="length of each page, cut from a corpus page (default 2500)")
    ap.add_argument("--concurrency", type=int, default=2, help="worker processes (default 2)")
    ap.add_argument("--chaos-min", type=float, default=15, help="least seconds between faults")
    ap.add_argument("--chaos-max", type=float, default=40, help="most seconds between faults")
    ap.add_argument("--drain", type=float, default=1800, help="seconds to wait for outcomes after the last drop")
    ap.add_argument("--json", type=Path, help="also write the figures to this file")
    ap.add_argument("--keep", action="store_true", help="keep the temporary folder")
    args = ap.parse_args()

    if args.rate is None:
        args.rate = args.pages / args.duration
    root = Path(tempfile.mkdtemp(prefix="pagemill-soak-"))
    soak = Soak(root, args)
    soak.start()
    t0 = time.monotonic()
    dropper = threading.Thread(target=soak.drop_pages)
    chaos = threading.Thread(target=soak.chaos, args=(args.duration,))
    dropper.start()
    chaos.start()
    last_report = 0.0
    drop_seconds = None
    # Faults keep coming for the whole duration, even once every page is dropped.
    while time.monotonic() - t0 < args.duration or dropper.is_alive():
        dropper.join(1)
        if drop_seconds is None and not dropper.is_alive():
            drop_seconds = time.monotonic() - t0
        if time.monotonic() - t0 >= args.duration:
            soak.stop.set()
        if time.monotonic() - last_report > 30:
            last_report = time.monotonic()
            print(f"[{time.monotonic() - t0:6.0f}s] dropped {len(soak.expected)}, outcomes {sum(map(len, soak.outcomes().values()))}, faults {dict(soak.events)}", flush=True)
    drop_seconds = drop_seconds or time.monotonic() - t0
    soak.stop.set()
    chaos.join()
    found = soak.wait_outcomes(args.drain)
    total_seconds = time.monotonic() - t0
    feed = check_feed(soak.env["PAGEMILL_BROKER_URL"], Path(soak.env["PAGEMILL_OUTBOX"]))
    soak.shutdown()

    kinds = Counter(k for ks in found.values() for k in ks)
    lost = sorted(set(soak.expected) - set(found))
    double = sorted(n for n, ks in found.items() if len(ks) > 1)
    # Which of two same-content drops gets the record depends on which finishes
    # first, so only "error or not" is checked per file; duplicates are counted.
    wrong = sorted(
        n for n, ks in found.items()
        if n in soak.expected and len(ks) == 1 and (ks[0] == "error") != (soak.expected[n] == "error")
    )
    expected_dups = sum(1 for k in soak.expected.values() if k == "duplicate")
    result = {
        "pages_dropped": len(soak.expected),
        "records": kinds["record"],
        "duplicate_notes": kinds["duplicate"],
        "error_records": kinds["error"],
        "lost_pages": len(lost),
        "double_outcomes": len(double),
        "wrong_kind": len(wrong),
        "duplicates_expected": expected_dups,
        "worker_children_killed": soak.events["worker_children_killed"],
        "workers_killed": soak.events["workers_killed"],
        "broker_restarts": soak.events["broker_restarts"],
        "parts_that_exited_by_themselves": soak.events["worker_exited_by_itself"] + soak.events["watcher_exited_by_itself"],
        **feed,
        # Seconds between the last outcome file appearing and the feed holding every one (a page redelivered after its
        # worker or the broker died between writing and numbering its outcome); "never" when the feed did not catch up.
        "feed_settle_seconds": "never" if soak.feed_settle is None else soak.feed_settle,
        "drop_seconds": round(drop_seconds, 1),
        "total_seconds": round(total_seconds, 1),
        "folder": str(root),
    }
    for k, v in result.items():
        print(f"{k:>24}: {v}")
    if lost:
        print("lost examples:", lost[:10])
    if double:
        print("double examples:", double[:10])
    if wrong:
        print("wrong-kind examples:", [(n, found[n], soak.expected[n]) for n in wrong[:10]])
    if args.json:
        args.json.write_text(json.dumps(result, indent=2))
    if not args.keep and not (lost or double or wrong):
        subprocess.run(["rm", "-rf", str(root)], check=False)
    feed_ok = not any(feed[k] for k in ("feed_missing", "feed_doubled", "feed_gaps", "feed_out_of_order", "feed_not_in_outbox"))
    ok = not (lost or double or wrong) and kinds["duplicate"] == expected_dups and feed_ok
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
