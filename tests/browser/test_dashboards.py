"""What an operator sees: Flower and the pages view, in a real browser, after one good and one bad page.

One ``pagemill up`` (embedded broker, worker, watcher, Flower, pages view) for
the module; the good page is the reference page, the bad one an empty file.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest

from tests.conftest import SEED_PAGE

from tests.integration.conftest import free_port

from .conftest import Up, screenshot, wait_http

pytestmark = [pytest.mark.integration, pytest.mark.browser]

GOOD, BAD = SEED_PAGE.name, "empty.txt"
TASKS = ("pagemill.process",)


@pytest.fixture(scope="module")
def dropped(up: Up, seed_page) -> dict:
    up.service.drop(GOOD, seed_page.read_bytes())
    up.service.drop(BAD, b"")
    (record,) = up.service.wait_for(seed_page.stem)
    (error,) = up.service.wait_for("empty")
    assert record["kind"] == "record" and error["kind"] == "error"
    return {"record": record, "error": error}


def test_flower_lists_the_good_pages_tasks_and_stage_times_by_file_name_and_the_bad_pages_failure(up: Up, dropped, page):
    page.goto(up.flower + "/tasks")
    rows = page.locator("#tasks-table tbody tr")
    # Flower fills the table by script; wait until the last task of each page is in it.
    page.wait_for_function(
        "() => ['pagemill.process', 'pagemill.write_error'].every(n => document.querySelector('#tasks-table tbody').innerText.includes(n))"
    )
    page.wait_for_timeout(300)  # fonts and column widths settle before the screenshot
    screenshot(page, "flower-tasks.png")
    # Flower renders the header in the configured column order and names each column in data-column.
    headers = page.eval_on_selector_all("#tasks-table thead th", "els => els.map(e => e.dataset.column)")
    col = {h: i for i, h in enumerate(headers)}
    table = [[c.strip() for c in r.locator("td").all_inner_texts()] for r in rows.all()]

    good = [r for r in table if GOOD in r[col["args"]]]
    assert sorted(r[col["name"]] for r in good) == sorted(TASKS), table
    assert all(r[col["state"]] == "SUCCESS" for r in good), good
    (process,) = [r for r in good if r[col["name"]] == "pagemill.process"]
    # The page's one task (it files its record on the host that owns the outbox) reads as the pipeline:
    # where the record went, then each stage and its time.
    record = dropped["record"]["_path"]
    took = re.escape(f"done: {record.name} in {record.parent}/") + r" \(clean \d+, segment \d+, classify \d+, annotate \d+ ms\)"
    assert re.fullmatch(took, process[col["result"]]), process
    assert f"'{GOOD}' (2,839 bytes)" in process[col["args"]]

    bad = {r[col["name"]]: r for r in table if BAD in r[col["args"]]}
    assert bad["pagemill.process"][col["state"]] == "FAILURE"
    assert bad["pagemill.process"][col["result"]] == f"PageRejected: empty_file: {dropped['error']['message']}"
    assert bad["pagemill.write_error"][col["result"]].startswith("failed: empty_file: ")

    # An operator finds every task of one page by typing its file name.
    page.locator("#tasks-table_filter input").fill(GOOD)
    page.wait_for_function("n => document.querySelectorAll('#tasks-table tbody tr').length === n", arg=len(TASKS))
    assert all(GOOD in t for t in rows.all_inner_texts())


def test_pages_view_shows_one_done_with_its_record_link_and_one_failed_with_its_reason(up: Up, dropped, page):
    page.goto(up.pages + "/pages")
    screenshot(page, "pages.png")
    assert page.locator("[data-count=done] .n").inner_text() == "1"
    assert page.locator("[data-count=failed] .n").inner_text() == "1"
    assert page.locator("[data-count=queued] .n").inner_text() == "0"
    assert page.locator("[data-count=processing] .n").inner_text() == "0"
    assert float(page.locator("[data-rate=finished] .n").inner_text()) > 0

    done = page.locator("tr[data-status=done]")
    assert done.count() == 1
    assert GOOD in done.inner_text()
    link = done.locator("a.record")
    assert link.inner_text() == dropped["record"]["_path"].name
    assert re.fullmatch(r"\d+(\.\d)? s", done.locator("td").nth(3).inner_text()), done.inner_text()

    failed = page.locator("tr[data-status=failed]")
    assert failed.count() == 1
    assert BAD in failed.inner_text()
    assert failed.locator(".reason").inner_text() == f"empty_file: {dropped['error']['message']}"


def test_clicking_the_failed_count_lists_only_the_failed_pages(up: Up, dropped, page):
    page.goto(up.pages + "/pages?refresh=0")
    page.locator("a[data-count=failed]").click()
    page.wait_for_url("**/pages?status=failed")
    rows = page.locator("tbody tr")
    assert rows.count() == 1 and BAD in rows.inner_text() and "empty_file" in rows.inner_text()
    assert page.locator("tr[data-status=done]").count() == 0


def test_following_the_record_link_returns_the_record_json(up: Up, dropped, page):
    page.goto(up.pages + "/pages")
    with page.expect_response(lambda r: "/records/" in r.url) as response:
        page.locator("tr[data-status=done] a.record").click()
    r = response.value
    assert r.status == 200
    assert r.headers["content-type"].startswith("application/json")
    body = r.json()
    expected = {k: v for k, v in dropped["record"].items() if k != "_path"}
    assert body == expected
    assert body["kind"] == "record" and body["source"]["filename"] == GOOD
    page.wait_for_load_state()
    screenshot(page, "record.png", full_page=False)


def test_pages_view_refreshes_itself_when_a_page_arrives(up: Up, dropped, page):
    page.goto(up.pages + "/pages?refresh=0.5")
    assert page.locator("tr[data-status=duplicate]").count() == 0
    up.service.drop("again.txt", SEED_PAGE.read_bytes())  # same content: a duplicate
    row = page.locator("tr[data-status=duplicate]")
    row.wait_for(timeout=20_000)
    assert "again.txt" in row.inner_text() and ".duplicate.json" in row.locator("a.record").inner_text()
    assert page.locator("[data-count=duplicate] .n").inner_text() == "1"


# --- the same figures without a browser ---------------------------------------------------------


def test_records_are_served_only_from_the_outbox(up: Up, dropped):
    (up.service.root / "secret.json").write_text('{"secret": true}')
    for path in ("/records/..%2Fsecret.json", "/records/%2E%2E%2Fsecret.json", "/records/../secret.json",
                 "/records/.hidden.json", "/records/nothing-here.json", "/records/" + "x" * 300 + ".json"):
        status, _, body = up.get(path)
        assert status == 404 and b"secret" not in body, (path, status)
    status, _, body = up.get("/records/" + dropped["error"]["_path"].name)
    assert status == 200 and json.loads(body)["error"] == "empty_file"


def test_json_and_metrics_give_the_counts_and_latency_the_page_shows(up: Up, dropped):
    status, headers, body = up.get("/pages.json")
    snap = json.loads(body)
    c = snap["counts"]
    assert (c["done"], c["failed"], c["queued"], c["processing"]) == (1, 1, 0, 0)
    assert {p["filename"]: p["status"] for p in snap["pages"]}[GOOD] == "done"
    status, headers, body = up.get("/metrics")
    assert status == 200 and headers["Content-Type"].startswith("text/plain")
    metrics = dict(
        line.rsplit(" ", 1) for line in body.decode().splitlines() if line and not line.startswith("#")
    )
    assert float(metrics['pagemill_pages_total{outcome="done"}']) == c["done"]
    assert float(metrics['pagemill_pages_total{outcome="failed"}']) == c["failed"]
    finished = c["done"] + c["duplicate"] + c["failed"]
    assert float(metrics['pagemill_page_latency_seconds_bucket{le="+Inf"}']) == finished
    assert float(metrics["pagemill_page_latency_seconds_count"]) == finished == snap["latency"]["count"]
    status, _, body = up.get("/metrics", base=up.flower)
    assert status == 200 and b"flower_events_total" in body


def test_pagemill_status_prints_the_counts_and_recent_pages(up: Up, dropped):
    run = subprocess.run(
        [sys.executable, "-m", "workers.cli", "status"],
        env={**up.service.env, "COLUMNS": "200"}, capture_output=True, text=True, timeout=60, cwd=up.service.root,
    )
    assert run.returncode == 0, run.stderr
    assert re.search(r"\b1 done\b", run.stdout) and re.search(r"\b1 failed\b", run.stdout), run.stdout
    assert GOOD in run.stdout and dropped["record"]["_path"].name in run.stdout
    assert "empty_file: " in run.stdout


def test_pages_view_with_basic_auth_asks_for_the_password_but_leaves_metrics_open(up: Up, dropped):
    port = free_port()
    part = up.service.start(
        "pages-auth", "pages",
        env={"PAGEMILL_BROKER_URL": up.service.broker.url, "PAGEMILL_PAGES_PORT": str(port),
             "PAGEMILL_PAGES_BASIC_AUTH": "ops:s3cret"},
    )
    try:
        base = f"http://127.0.0.1:{port}"
        wait_http(base + "/healthz", up.service)
        status, headers, _ = up.get("/pages", base=base)
        assert status == 401 and headers["WWW-Authenticate"].startswith("Basic")
        assert up.get("/pages", base=base, auth="ops:wrong")[0] == 401
        assert up.get("/records/" + dropped["record"]["_path"].name, base=base)[0] == 401
        status, _, body = up.get("/pages", base=base, auth="ops:s3cret")
        assert status == 200 and GOOD.encode() in body
        status, _, body = up.get("/metrics", base=base)
        assert status == 200 and b'pagemill_pages_total{outcome="done"}' in body
    finally:
        part.stop()
        part.name = "done"  # stopped on purpose: not a crash for check_alive
