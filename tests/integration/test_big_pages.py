"""Big and hostile pages finish through `pagemill process` (a real process on real files).

These only guard against a hang, with generous limits: linear stage code takes
seconds here, code that grows with the square of the page takes many minutes.
Speed itself is shown by the size benchmark (``benchmarks/sizes.py``), never asserted.
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
import time

import pytest

from benchmarks.pages import pdf_one_block
from tests.big_pages import hostile_pages, one_block_page, sentence
from tests.conftest import REPO

pytestmark = pytest.mark.integration


def run_process(folder, out, env=None, timeout=None):
    return subprocess.run(
        [sys.executable, "-m", "workers.cli", "process", str(folder), "--outbox", str(out), "--quiet"],
        cwd=REPO, env={**os.environ, **(env or {})}, capture_output=True, text=True, timeout=timeout,
    )


@pytest.mark.timeout(150)
def test_a_300_kb_page_that_is_one_long_block_finishes_process(tmp_path):
    pages = tmp_path / "pages"
    pages.mkdir()
    text = one_block_page(300_000)
    assert "\n\n" not in text.strip() and len(text) >= 300_000
    (pages / "one-block.txt").write_text(text)
    proc = run_process(pages, tmp_path / "out", timeout=120)
    assert proc.returncode == 0, proc.stderr[-2000:]
    (rec,) = [json.loads(p.read_text()) for p in (tmp_path / "out").glob("*.json")]
    assert rec["kind"] == "record"
    assert any(e["label"] == "PERSON" for e in rec["entities"]) and any(r["kind"] in ("dehyphenate", "line_break") for r in rec["repairs"])


@pytest.mark.timeout(150)
def test_a_pdf_whose_600_kb_of_text_is_one_paragraph_finishes_process_with_a_box_for_each_sentence(tmp_path):
    # Every sentence's and entity's box once rescanned the whole paragraph's characters: minutes, not seconds.
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "one-block.pdf").write_bytes(pdf_one_block(600_000, one_block_page(700_000)))
    proc = run_process(pages, tmp_path / "out", timeout=120)
    assert proc.returncode == 0, proc.stderr[-2000:]
    (rec,) = [json.loads(p.read_text()) for p in (tmp_path / "out").glob("*.json")]
    assert rec["kind"] == "record", rec
    big = max(rec["segments"], key=lambda s: len(s["text"]))
    assert len(big["text"]) > 500_000
    x0, y0, x1, y1 = big["locator"]["bbox"]
    boxes = [s["locator"]["bbox"] for s in big["sentences"] if "locator" in s]
    assert len(boxes) > 1000
    # each its own box: on the segment's page, inside the segment's box and far smaller than it
    assert all(x0 <= b[0] <= b[2] <= x1 and y0 <= b[1] <= b[3] <= y1 and (b[3] - b[1]) < (y1 - y0) / 100 for b in boxes)


@pytest.mark.timeout(150)
def test_a_markdown_table_of_15000_rows_finishes_process_with_every_cell_and_its_names(tmp_path):
    # Each entity's source offsets once listed the start of every piece of its segment, a piece a cell: a
    # table of 15,000 rows took minutes in annotate (10,000 rows: 83 s); now about 20 s.
    rnd = random.Random(4)
    places = ["Lisbon", "Nairobi", "Quito", "Osaka", "Tallinn", "Hanoi"]
    rows = [f"| {i} | {rnd.choice(places)} | {rnd.randint(1, 999)} | harbour note {i} | {rnd.randint(1990, 2020)} |" for i in range(15_000)]
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "ports.md").write_text("# Port Figures\n\n| n | port | boats | note | year |\n| - | - | - | - | - |\n" + "\n".join(rows) + "\n")
    proc = run_process(pages, tmp_path / "out", timeout=120)
    assert proc.returncode == 0, proc.stderr[-2000:]
    (rec,) = [json.loads(p.read_text()) for p in (tmp_path / "out").glob("*.json")]
    assert rec["kind"] == "record", rec
    (table,) = [s for s in rec["segments"] if s["role"] == "table"]
    assert len(table["cells"]) == 5 * 15_001
    source = (pages / "ports.md").read_text()
    places_found = [e for e in rec["entities"] if e["text"] in places]
    assert len(places_found) > 10_000
    assert all(source[e["source_start"] : e["source_end"]] == e["text"] for e in places_found)


@pytest.mark.timeout(150)
def test_hostile_pages_each_end_as_one_record(tmp_path):
    pages = tmp_path / "pages"
    pages.mkdir()
    for name, text in hostile_pages(60_000).items():
        (pages / f"{name}.txt").write_text(text)
    proc = run_process(pages, tmp_path / "out", timeout=120)
    assert proc.returncode == 0, proc.stderr[-2000:]
    recs = [json.loads(p.read_text()) for p in (tmp_path / "out").glob("*.json")]
    assert sorted(r["source"]["filename"] for r in recs) == sorted(f"{n}.txt" for n in hostile_pages(10))
    assert all(r["kind"] == "record" for r in recs)


@pytest.mark.timeout(150)
def test_process_gives_a_page_over_the_time_limit_an_error_record_and_goes_on(tmp_path):
    pages = tmp_path / "pages"
    pages.mkdir()
    # About a million characters: many seconds of annotating on any machine, against a 3-second stage limit.
    (pages / "a-huge.txt").write_text(one_block_page(1_000_000).replace("\n", "\n\n"))
    (pages / "b-small.txt").write_text("Harbour news\n\nAna Silva visited Quito in May 2011.\n")
    proc = run_process(pages, tmp_path / "out", env={"PAGEMILL_TASK_TIME_LIMIT": "5"}, timeout=120)
    assert proc.returncode == 0, proc.stderr[-2000:]
    by_name = {}
    for p in (tmp_path / "out").glob("*.json"):
        doc = json.loads(p.read_text())
        by_name[doc["filename"] if doc["kind"] == "error" else doc["source"]["filename"]] = doc
    assert by_name["a-huge.txt"]["kind"] == "error", by_name["a-huge.txt"]
    assert by_name["a-huge.txt"]["error"] == "too_large_to_finish"
    assert "PAGEMILL_TASK_TIME_LIMIT=5" in by_name["a-huge.txt"]["message"]
    assert by_name["b-small.txt"]["kind"] == "record"


@pytest.mark.timeout(300)
def test_two_small_hostile_files_do_not_hold_up_twenty_normal_pages(isolated):
    """A 500 KB line of one letter and a 40 KB wall of brackets once held both worker processes
    for three time limits each (over five minutes); the pages dropped after them waited for that.

    The normal pages must each have an outcome well within the time one hostile attempt used to
    take (about 108 s). The limit is 60 s, far above the ~1 s they take, so a loaded machine
    cannot make this fail; only a return of the stalls can.
    """
    from .conftest import wait_watching, wait_worker_ready

    worker = isolated.start("worker", "worker", "--queues", "pages,outbox", "--concurrency", "2",
                            env={"PAGEMILL_TASK_TIME_LIMIT": "120"})
    watcher = isolated.start("watcher", "watch", env={"PAGEMILL_TASK_TIME_LIMIT": "120"})
    wait_worker_ready(isolated, worker)
    wait_watching(isolated, watcher)
    isolated.drop("hostile-letters.txt", b"a" * 500_000 + b"\nand one more line.\n", how="rename")
    isolated.drop("hostile-brackets.txt", b"(" * 20_000 + b")" * 20_000 + b"\n", how="rename")
    time.sleep(2)  # as in the report: the normal pages come two seconds later, while the hostile ones run
    dropped = {}
    for i in range(20):
        name = f"normal-{i:02d}"
        isolated.drop(f"{name}.txt", f"Harbour note {i}\n\n{sentence(random.Random(i))}\n".encode(), how="rename")
        dropped[name] = time.monotonic()
    took = {}
    deadline = time.monotonic() + 120
    while len(took) < len(dropped) and time.monotonic() < deadline:
        for p in isolated.outbox.glob("normal-*.json"):
            stem = p.name.split(".")[0]
            took.setdefault(stem, time.monotonic() - dropped[stem])
        isolated.check_alive()
        time.sleep(0.1)
    assert len(took) == 20, f"{20 - len(took)} normal pages without an outcome: {isolated.tail_logs()}"
    assert max(took.values()) < 60, sorted(took.values())
    for stem in ("hostile-letters", "hostile-brackets"):
        (rec,) = isolated.wait_for(stem, timeout=120)
        assert rec["kind"] == "record", rec
    assert all(json.loads(p.read_text())["kind"] == "record" for p in isolated.outbox.glob("normal-*.json"))


@pytest.mark.timeout(240)
def test_a_worker_process_past_its_memory_bound_is_replaced_and_the_pages_after_it_still_get_records(isolated):
    """With a bound every process passes (1 MB), each pool process is replaced after its page.

    The fresh process is forked from the worker's main process, which holds the model: every page
    still gets its record, from a pool process that was not there before.
    """
    import psutil

    from .conftest import wait_watching, wait_worker_ready

    env = {"PAGEMILL_WORKER_MAX_MEMORY_MB": "1"}
    worker = isolated.start("worker", "worker", "--queues", "pages,outbox", "--concurrency", "1", env=env)
    watcher = isolated.start("watcher", "watch", env=env)
    wait_worker_ready(isolated, worker)
    wait_watching(isolated, watcher)

    def pool() -> set[int]:
        return {c.pid for c in psutil.Process(worker.proc.pid).children()}

    first = pool()
    assert first, "the worker has no pool process"
    for i in range(4):
        isolated.drop(f"bounded-{i}.txt", f"Harbour note {i}\n\n{sentence(random.Random(100 + i))}\n".encode(), how="rename")
    for i in range(4):
        (rec,) = isolated.wait_for(f"bounded-{i}", timeout=120)
        assert rec["kind"] == "record", rec
    deadline = time.monotonic() + 30
    while not (pool() and not pool() & first) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert pool() and not pool() & first, f"pool processes {pool()} still include the first ones {first}"
    isolated.check_alive()
