"""The pages view: what happened to each page dropped, read from the ledger in the broker.

Flower knows tasks; operators ask about pages. This small read-only Tornado
app answers "is it keeping up?", "what failed, and why?" and "where is the
record for my page?" from the same ledger that stops duplicates, so it is
right after a restart and agrees across hosts.

  ``/pages``             recent pages, counts, pages per minute (HTML, refreshes itself)
  ``/pages.json``        the same figures as JSON
  ``/metrics``           the counts and a latency histogram for Prometheus
  ``/records/<name>``    one outcome file from the outbox, read-only
  ``/healthz``           200 when the broker answers
  ``/feed``              every outcome in order, with a cursor (workers/service/feedview.py)

:func:`snapshot` is what every view shows, ``pagemill status`` included.
"""

from __future__ import annotations

import asyncio
import base64
import hmac
import re
import time
from datetime import datetime, timezone
from pathlib import Path

import redis
import tornado.template
import tornado.web
from prometheus_client import CollectorRegistry, generate_latest
from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily, HistogramMetricFamily
from prometheus_client.exposition import CONTENT_TYPE_LATEST

from ..edges.hooks import HookCollector, hook_summaries
from ..edges.ledger import (
    DONE, DUPLICATE, FAILED, FINAL, LATENCY_BUCKETS, PREFIX, PROCESSING, QUEUED, REPROCESSED, RETRIED, VANISHED, RedisLedger,
)
from ..logs import get_logger
from ..settings import Settings

log = get_logger(__name__)

STATUSES = (QUEUED, PROCESSING, DONE, REPROCESSED, DUPLICATE, FAILED)
# A status filter looks this far back: enough for a day of failures, cheap to read (one pipelined round trip).
FILTER_SCAN = 2000

# Outbox names are made by outbox.safe_stem: these characters only, never a leading dot.
_OUTCOME_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,250}\.json$")


def open_ledger(settings: Settings) -> RedisLedger:
    ledger = RedisLedger(settings.effective_broker_url)
    # A dashboard should say "broker unreachable" in seconds, not hang for the workers' generous timeouts.
    ledger.r = redis.Redis.from_url(
        settings.effective_broker_url, decode_responses=True, socket_timeout=3, socket_connect_timeout=3
    )
    return ledger


def _float(value) -> float | None:
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def status_of(drop: dict) -> str:
    """The status a person should see, robust to the watcher's ``queued`` landing after a fast outcome."""
    status = drop.get("status", "")
    if status in FINAL or status in (RETRIED, VANISHED):
        return status
    if drop.get("outcome"):
        if drop.get("error"):
            return FAILED
        if drop.get("replaces"):
            return REPROCESSED
        return DUPLICATE if drop["outcome"].endswith(".duplicate.json") else DONE
    if drop.get("started"):
        return PROCESSING
    return QUEUED


def page_row(drop: dict, now: float) -> dict:
    status = status_of(drop)
    received, finished = _float(drop.get("received")), _float(drop.get("finished"))
    final = status in FINAL or status == RETRIED
    if received is None:
        seconds = None
    else:
        seconds = max(0.0, (finished if final and finished is not None else now) - received)
    outcome = drop.get("outcome") or None
    return {
        "drop_id": drop["drop_id"],
        "filename": drop.get("filename", ""),
        "status": status,
        "received": received,
        "received_at": _iso(received),
        "finished_at": _iso(finished) if final else None,
        "seconds": None if seconds is None else round(seconds, 3),
        "final": final,
        "outcome": outcome,
        "record_url": f"/records/{outcome}" if outcome and _OUTCOME_NAME.match(outcome) else None,
        "error": drop.get("error") or None,
        "size": int(drop["size"]) if str(drop.get("size", "")).isdigit() else None,
        # pagemill retry-failed: the failed drop names its retry, the retry names the drop it replaces.
        "retried_as": drop.get("retried_as") or None,
        "retry_of": drop.get("retry_of") or None,
    }


def _iso(ts: float | None) -> str | None:
    if ts is None:
        return None
    return datetime.fromtimestamp(ts, timezone.utc).isoformat(timespec="seconds").replace("+00:00", "Z")


def quantile(latency: dict, q: float) -> float | None:
    """Upper bound of the histogram bucket holding the q-th page: a coarse but honest percentile.

    None when there is no page yet, or when it lies beyond the largest bound (JSON has no infinity).
    """
    total = latency["count"]
    if not total:
        return None
    seen = 0
    for bound, n in latency["buckets"].items():
        seen += n
        if seen >= q * total:
            return None if bound == "+Inf" else float(bound)
    return None


def snapshot(ledger: RedisLedger, limit: int = 100, status: str | None = None) -> dict:
    """Everything the pages view, /pages.json and ``pagemill status`` show.

    With ``status``, only pages with that status among the last FILTER_SCAN.
    """
    now = time.time()
    # The pages before the counts: a page's status and its count are written in one transaction, so read in this order
    # every page the view lists is in its count. (Counts first, a page finishing between the two reads showed as a
    # duplicate row beside a duplicate count of 0: the pages view's browser test caught it once in CI.)
    if status:
        pages = [r for r in (page_row(d, now) for d in ledger.recent(FILTER_SCAN)) if r["status"] == status][:limit]
    else:
        pages = [page_row(d, now) for d in ledger.recent(limit)]
    summary = ledger.summary()
    latency = ledger.latency()
    return {
        "generated_at": _iso(now),
        "counts": {k: summary[k] for k in STATUSES},
        "finished_per_minute": round(summary["finished_per_minute"], 2),
        "arrived_per_minute": round(summary["arrived_per_minute"], 2),
        "rate_window_seconds": summary["window_seconds"],
        "latency": {**latency, "p50_at_most": quantile(latency, 0.5), "p95_at_most": quantile(latency, 0.95)},
        "status_filter": status,
        "filter_scan": FILTER_SCAN if status else None,
        "hooks": hook_summaries(ledger.r),
        "pages": pages,
    }


# --- Prometheus -------------------------------------------------------------------------


class LedgerCollector:
    """Reads the ledger at scrape time, so every host's /metrics tells the same truth."""

    def __init__(self, ledger: RedisLedger) -> None:
        self.ledger = ledger

    def collect(self):
        summary, latency = self.ledger.summary(), self.ledger.latency()
        # A counter never goes down (Prometheus reads a drop as a restart): `retry-failed` moves a page from the
        # ledger's failed count to its retried count (Ledger.mark_retried), so failures ever = failed + retried,
        # read together in one command so a retry between two reads cannot make the sum dip.
        failed_now, retried = (int(n or 0) for n in self.ledger.r.hmget(f"{PREFIX}:counts", FAILED, RETRIED))
        outcomes = CounterMetricFamily(
            "pagemill_pages", "Pages that reached an outcome, by outcome (a failed page sent through again stays counted as failed).",
            labels=["outcome"],
        )
        for k in (DONE, REPROCESSED, DUPLICATE):
            outcomes.add_metric([k], summary[k])
        outcomes.add_metric([FAILED], failed_now + retried)
        yield outcomes
        yield CounterMetricFamily(
            "pagemill_pages_retried", "Failed pages sent through again by `pagemill retry-failed` (each retry's own outcome is counted too).",
            value=retried,
        )
        yield GaugeMetricFamily(
            "pagemill_pages_failed_now", "Failed pages not sent through again yet: the pages view's failed count.", value=failed_now
        )
        in_flight = GaugeMetricFamily(
            "pagemill_pages_in_flight", "Pages taken from the inbox without an outcome yet.", labels=["state"]
        )
        for k in (QUEUED, PROCESSING):
            in_flight.add_metric([k], summary[k])
        yield in_flight
        refused = CounterMetricFamily(
            "pagemill_messages_refused", "Messages the writer refused (unsigned, forged, or naming a path), by task.", labels=["task"]
        )
        for task, n in sorted(self.ledger.refused().items()):
            refused.add_metric([task], n)
        yield refused
        cumulative, buckets = 0, []
        for bound in [str(b) for b in LATENCY_BUCKETS] + ["+Inf"]:
            cumulative += latency["buckets"][bound]
            buckets.append((bound, cumulative))
        yield HistogramMetricFamily(
            "pagemill_page_latency_seconds",
            "Seconds from a page's arrival in the inbox to its outcome in the outbox.",
            buckets=buckets,
            sum_value=latency["sum"],
        )


# --- the web app ------------------------------------------------------------------------


class _Base(tornado.web.RequestHandler):
    def initialize(self, app_state: dict) -> None:
        self.state = app_state

    # Like Flower's: counts only, no file names, so a Prometheus scrape or a probe needs no password.
    public = False

    def prepare(self) -> None:
        auth = self.state["basic_auth"]
        if not auth or self.public:
            return
        header = self.request.headers.get("Authorization", "")
        given = ""
        if header.startswith("Basic "):
            try:
                given = base64.b64decode(header[6:]).decode("utf-8")
            except (ValueError, UnicodeDecodeError):
                given = ""
        # Several "user:password" pairs may be given, comma-separated, as Flower accepts them.
        if not any(hmac.compare_digest(given.encode(), pair.strip().encode()) for pair in auth.split(",")):
            self.set_status(401)
            self.set_header("WWW-Authenticate", 'Basic realm="pagemill"')
            self.finish("authentication required\n")

    def set_default_headers(self) -> None:
        self.set_header("X-Content-Type-Options", "nosniff")
        self.set_header("Cache-Control", "no-store")

    async def read(self, fn, *args):
        """Ledger reads are blocking redis calls: keep them off the event loop."""
        try:
            return await asyncio.get_running_loop().run_in_executor(None, fn, *args)
        except redis.RedisError as exc:
            log.warning("broker unreachable", error=str(exc))
            raise tornado.web.HTTPError(503, reason="Broker unreachable") from exc

    def status(self) -> str | None:
        status = self.get_argument("status", "") or None
        if status is not None and status not in STATUSES:
            raise tornado.web.HTTPError(400, reason=f"status must be one of {', '.join(STATUSES)}")
        return status

    def limit(self) -> int:
        try:
            return max(1, min(1000, int(self.get_argument("limit", str(self.state["recent"])))))
        except ValueError:
            raise tornado.web.HTTPError(400, reason="limit must be a number") from None


class PagesHandler(_Base):
    async def get(self) -> None:
        snap = await self.read(snapshot, self.state["ledger"], self.limit(), self.status())
        refresh = self.get_argument("refresh", "3")
        self.set_header("Content-Type", "text/html; charset=utf-8")
        self.finish(
            PAGE.generate(
                snap=snap,
                flower_url=self.state["flower_url"],
                refresh_ms=int(float(refresh) * 1000) if refresh.replace(".", "", 1).isdigit() else 3000,
                human_seconds=human_seconds,
                clock=clock,
                bucket_label=bucket_label,
            )
        )


class JsonHandler(_Base):
    async def get(self) -> None:
        self.finish(await self.read(snapshot, self.state["ledger"], self.limit(), self.status()))


class MetricsHandler(_Base):
    public = True

    async def get(self) -> None:
        body = await self.read(generate_latest, self.state["registry"])
        self.set_header("Content-Type", CONTENT_TYPE_LATEST)
        self.finish(body)


class RecordHandler(_Base):
    def get(self, name: str) -> None:
        outbox: Path = self.state["outbox"]
        if not _OUTCOME_NAME.match(name):
            raise tornado.web.HTTPError(404)
        path = outbox / name
        # The name pattern already rules out separators and "..": this also refuses links out of the outbox.
        if path.is_symlink() or not path.is_file() or path.resolve().parent != outbox:
            raise tornado.web.HTTPError(404)
        self.set_header("Content-Type", "application/json; charset=utf-8")
        self.set_header("Content-Disposition", f'inline; filename="{name}"')
        self.finish(path.read_bytes())


class HealthHandler(_Base):
    public = True

    async def get(self) -> None:
        await self.read(self.state["ledger"].r.ping)
        self.set_header("Content-Type", "text/plain; charset=utf-8")
        self.finish("ok\n")


def _log_request(handler: tornado.web.RequestHandler) -> None:
    """Tornado's access log, minus answered health probes (`pagemill up` and orchestrators ask often)."""
    from tornado.log import access_log

    status = handler.get_status()
    if handler.request.path == "/healthz" and status < 400:
        return
    log_method = access_log.info if status < 400 else access_log.warning if status < 500 else access_log.error
    log_method("%d %s %.2fms", status, handler._request_summary(), 1000.0 * handler.request.request_time())


def make_app(settings: Settings, ledger: RedisLedger | None = None) -> tornado.web.Application:
    ledger = ledger or open_ledger(settings)
    registry = CollectorRegistry(auto_describe=False)
    registry.register(LedgerCollector(ledger))
    registry.register(HookCollector(ledger.r))
    state = {
        "ledger": ledger,
        "registry": registry,
        "outbox": settings.outbox.resolve(),
        "recent": settings.pages_recent,
        "basic_auth": settings.pages_basic_auth or settings.flower_basic_auth,
        "flower_url": f"http://{settings.flower_address}:{settings.flower_port}/tasks",
    }
    from .feedview import FeedHandler, open_feed

    state["feed"] = open_feed(settings.effective_broker_url)
    kw = {"app_state": state}
    return tornado.web.Application(
        log_function=_log_request,
        handlers=[
            (r"/", tornado.web.RedirectHandler, {"url": "/pages"}),
            (r"/pages", PagesHandler, kw),
            (r"/pages\.json", JsonHandler, kw),
            (r"/metrics", MetricsHandler, kw),
            (r"/records/([^/]+)", RecordHandler, kw),
            (r"/healthz", HealthHandler, kw),
            (r"/feed", FeedHandler, kw),
        ],
    )


def serve(settings: Settings) -> None:
    import signal

    from tornado.ioloop import IOLoop

    app = make_app(settings)
    server = app.listen(settings.pages_port, address=settings.pages_address, xheaders=False)
    log.info("pages view listening", url=f"http://{settings.pages_address}:{settings.pages_port}/pages")
    loop = IOLoop.current()

    def stop(*_):
        server.stop()
        loop.add_callback_from_signal(loop.stop)

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    loop.start()


# --- formatting shared with `pagemill status` ----------------------------------------------


def human_seconds(seconds: float | None) -> str:
    if seconds is None:
        return "–"
    if seconds < 10:
        return f"{seconds:.1f} s"
    if seconds < 120:
        return f"{seconds:.0f} s"
    if seconds < 7200:
        return f"{seconds / 60:.0f} min"
    return f"{seconds / 3600:.1f} h"


def clock(ts: float | None, now: float | None = None) -> str:
    """Time of day in UTC, with the date when it is not today."""
    if ts is None:
        return "–"
    when = datetime.fromtimestamp(ts, timezone.utc)
    today = datetime.fromtimestamp(now or time.time(), timezone.utc).date()
    return when.strftime("%H:%M:%S") if when.date() == today else when.strftime("%Y-%m-%d %H:%M")


def bucket_label(bound: float | None, count: int = 0) -> str:
    if bound is None:
        return f"> {human_seconds(LATENCY_BUCKETS[-1])}" if count else "–"
    return f"≤ {human_seconds(bound)}"


PAGE = tornado.template.Template(
    """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>pagemill · pages</title>
<style>
  :root { --fg:#1d2330; --muted:#667085; --line:#e4e7ec; --bg:#f7f8fa;
          --done:#067647; --dup:#475467; --failed:#b42318; --queued:#b54708; --processing:#175cd3; }
  * { box-sizing: border-box; }
  body { margin:0; font:14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color:var(--fg); background:var(--bg); }
  header { display:flex; align-items:baseline; gap:1.5rem; padding:.9rem 1.5rem; background:#fff; border-bottom:1px solid var(--line); }
  header h1 { font-size:1.1rem; margin:0; }
  header .meta { color:var(--muted); margin-left:auto; }
  header a { color:var(--processing); }
  main { padding:1.2rem 1.5rem 2rem; }
  .tiles { display:flex; flex-wrap:wrap; gap:.75rem; margin-bottom:1.2rem; }
  .tile { background:#fff; border:1px solid var(--line); border-radius:8px; padding:.6rem 1rem; min-width:8.5rem; color:inherit; text-decoration:none; }
  a.tile:hover { border-color:#98a2b3; } a.tile.on { outline:2px solid var(--processing); }
  .tile .n { font-size:1.6rem; font-weight:600; font-variant-numeric:tabular-nums; }
  .tile .l { color:var(--muted); font-size:.8rem; text-transform:uppercase; letter-spacing:.04em; }
  .tile.failed .n { color:var(--failed); } .tile.done .n { color:var(--done); }
  .tile.queued .n { color:var(--queued); } .tile.processing .n { color:var(--processing); }
  table { width:100%; border-collapse:collapse; background:#fff; border:1px solid var(--line); border-radius:8px; }
  th, td { text-align:left; padding:.45rem .75rem; border-bottom:1px solid var(--line); vertical-align:top; }
  th { font-size:.75rem; text-transform:uppercase; letter-spacing:.04em; color:var(--muted); font-weight:600; }
  td.num { font-variant-numeric:tabular-nums; white-space:nowrap; }
  td.file { font-family:ui-monospace, SFMono-Regular, Menlo, monospace; word-break:break-all; }
  .badge { display:inline-block; padding:.05rem .5rem; border-radius:999px; font-size:.78rem; font-weight:600; color:#fff; white-space:nowrap; }
  .badge.retried { background:var(--dup); } .badge.done, .badge.reprocessed { background:var(--done); } .badge.duplicate { background:var(--dup); } .badge.failed { background:var(--failed); }
  .badge.queued { background:var(--queued); } .badge.processing { background:var(--processing); }
  .reason { color:var(--failed); }
  .sub { color:var(--muted); font-size:.85rem; }
  a.record { font-family:ui-monospace, SFMono-Regular, Menlo, monospace; word-break:break-all; }
  .empty { padding:2rem; text-align:center; color:var(--muted); }
  #stale { display:none; color:var(--failed); font-weight:600; }
</style>
</head>
<body>
<header>
  <h1>pagemill · pages</h1>
  <a href="{{ flower_url }}">tasks in Flower</a>
  <a href="/pages.json">JSON</a>
  <a href="/metrics">metrics</a>
  <span id="stale">not updating: the pages view cannot be reached</span>
  <span class="meta" id="generated">as of {{ snap["generated_at"] }}</span>
</header>
<main>
  {% set c = snap["counts"] %}
  <section class="tiles" aria-label="counts">
    {% for key in ("queued", "processing", "done", "reprocessed", "duplicate", "failed") %}
    <a class="tile {{ key }}{% if snap["status_filter"] == key %} on{% end %}" data-count="{{ key }}" href="/pages?status={{ key }}" title="only {{ key }} pages"><div class="n">{{ c[key] }}</div><div class="l">{{ key }}</div></a>
    {% end %}
    <div class="tile" data-rate="finished"><div class="n">{{ "%.1f" % snap["finished_per_minute"] }}</div><div class="l">pages / min</div></div>
    <div class="tile" data-rate="arrived"><div class="n">{{ "%.1f" % snap["arrived_per_minute"] }}</div><div class="l">arriving / min</div></div>
    <div class="tile"><div class="n">{{ bucket_label(snap["latency"]["p50_at_most"], snap["latency"]["count"]) }}</div><div class="l">median time</div></div>
    <div class="tile"><div class="n">{{ bucket_label(snap["latency"]["p95_at_most"], snap["latency"]["count"]) }}</div><div class="l">95% within</div></div>
  </section>
  <p class="sub">Rates over the last {{ int(snap["rate_window_seconds"] // 60) }} minutes; counts since the ledger began. Times are UTC.
  {% if snap["status_filter"] %}<br><strong>Only {{ snap["status_filter"] }} pages</strong> among the last {{ "{:,}".format(snap["filter_scan"]) }} that arrived. <a href="/pages">Show all</a>{% end %}</p>
  {% for h in snap["hooks"] %}
  <p class="sub" data-hook="{{ h["hook"] }}">Hook <strong>{{ h["hook"] }}</strong>: {{ h["delivered"] }} delivered,
    <span{% if h["failed"] %} class="reason"{% end %}>{{ h["failed"] }} failed tries</span>, {{ h["retry_pending"] }} waiting for a retry,
    <span{% if h["given_up"] %} class="reason"{% end %}>{{ h["given_up"] }} given up</span>{% if h["missed"] %}, <span class="reason">{{ h["missed"] }} missed (left the feed before the hook reached them: PAGEMILL_FEED_MAX_ENTRIES)</span>{% end %}{% for g in h["recent_given_up"] %}<br>given up: #{{ g["seq"] }} {{ g["error"] }}{% end %}</p>
  {% end %}
  {% if snap["pages"] %}
  <table>
    <thead><tr><th>Status</th><th>Page</th><th>Arrived</th><th>Took</th><th>Record or reason</th></tr></thead>
    <tbody>
    {% for p in snap["pages"] %}
    <tr data-drop="{{ p["drop_id"] }}" data-status="{{ p["status"] }}">
      <td><span class="badge {{ p["status"] }}">{{ p["status"] }}</span></td>
      <td class="file">{{ p["filename"] }}{% if p["retry_of"] %} <span class="sub">(retry)</span>{% end %}{% if p["size"] is not None %}<div class="sub">{{ "{:,}".format(p["size"]) }} bytes</div>{% end %}</td>
      <td class="num" title="{{ p["received_at"] or "" }}">{{ clock(p["received"]) }}</td>
      <td class="num">{% if p["final"] %}{{ human_seconds(p["seconds"]) }}{% else %}<span class="sub">{{ human_seconds(p["seconds"]) }} so far</span>{% end %}</td>
      <td>
        {% if p["status"] == "retried" %}
          <span class="sub">retried (pagemill retry-failed); it had failed: {{ p["error"] or "failed" }}</span>
        {% elif p["status"] == "failed" %}
          <div class="reason">{{ p["error"] or "failed" }}</div>
          {% if p["record_url"] %}<a class="sub" href="{{ p["record_url"] }}">error record</a>{% end %}
        {% elif p["record_url"] %}
          <a class="record" href="{{ p["record_url"] }}">{{ p["outcome"] }}</a>{% if p["status"] == "duplicate" %} <span class="sub">(duplicate note)</span>{% end %}
        {% elif p["status"] == "processing" %}
          <span class="sub">a worker is on it</span>
        {% else %}
          <span class="sub">waiting for a worker</span>
        {% end %}
      </td>
    </tr>
    {% end %}
    </tbody>
  </table>
  {% else %}
  <div class="empty">{% if snap["status_filter"] %}No {{ snap["status_filter"] }} pages among the last {{ "{:,}".format(snap["filter_scan"]) }}.{% else %}No pages yet. Drop one in the inbox.{% end %}</div>
  {% end %}
</main>
{% if refresh_ms > 0 %}
<script>
  // Swap in a fresh <main> rather than reloading, so scroll position and text selection survive.
  setInterval(async () => {
    try {
      const r = await fetch(location.href, {cache: "no-store"});
      if (!r.ok) throw new Error(r.status);
      const doc = new DOMParser().parseFromString(await r.text(), "text/html");
      document.querySelector("main").replaceWith(doc.querySelector("main"));
      document.getElementById("generated").textContent = doc.getElementById("generated").textContent;
      document.getElementById("stale").style.display = "none";
    } catch (e) {
      document.getElementById("stale").style.display = "inline";
    }
  }, {{ refresh_ms }});
</script>
{% end %}
</body>
</html>
""",
    name="pages.html",
)
