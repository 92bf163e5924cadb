"""The ``pagemill`` command."""

from __future__ import annotations

import gc
import os
import signal
import sys
import threading
from pathlib import Path

import click

from . import __version__
from .logs import configure, get_logger
from .settings import Settings, SettingsError, get_settings

log = get_logger("pagemill")


def _setup_logging(s: Settings) -> None:
    configure(s.log_level, s.log_format)


HELP = """\
pagemill turns report pages dropped in a folder into validated JSON records.

\b
Quick start (one machine, nothing else to install):
  pagemill up                 # broker, worker, watcher and dashboard
  cp page.txt inbox/          # a record appears in outbox/ seconds later
                              # (text, HTML, Markdown, .docx or PDF: told by its bytes)
  open http://127.0.0.1:5555  # the task dashboard (Flower)
  open http://127.0.0.1:5556  # the pages view; `pagemill status` in a terminal
  pagemill up --wait          # in a script: returns once every part answers; `pagemill down` stops it
  pagemill retry-failed       # once a failure's cause is fixed, send failed pages through again

\b
One-off runs and backfills, no broker needed:
  pagemill process pages/ --outbox out/

\b
Every setting is an environment variable, e.g. PAGEMILL_INBOX=/data/in;
`pagemill config` lists them all with their current values.
"""


class _Commands(click.Group):
    """Every command: a broker that does not answer, or a PAGEMILL_* variable with a value pagemill cannot use,
    is a message that says what to do, not a traceback."""

    def invoke(self, ctx: click.Context):
        import redis

        try:
            return super().invoke(ctx)
        except SettingsError as exc:
            # One line naming the variable, its value and what it takes; exit 2, as for a bad option.
            raise click.UsageError(f"{exc}. Set it to such a value, or unset it for the default.") from None
        except redis.exceptions.AuthenticationError as exc:
            # (A ConnectionError too: caught first, or a wrong password reads as "is pagemill running?".)
            where = get_settings().effective_broker_url.split("@")[-1]  # never the password
            raise click.ClickException(
                f"the broker at {where} refused the password ({str(exc).rstrip('.')}): check PAGEMILL_BROKER_PASSWORD "
                "(or the password in PAGEMILL_BROKER_URL)"
            ) from exc
        except redis.exceptions.ConnectionError as exc:
            where = get_settings().effective_broker_url.split("@")[-1]  # never the password
            raise click.ClickException(
                f"cannot reach the broker at {where} ({str(exc).rstrip('.')}). Is pagemill running? Start it with `pagemill up` "
                "(`pagemill up --wait` in a script), or set PAGEMILL_BROKER_URL to the broker it uses."
            ) from exc


@click.group(cls=_Commands, help=HELP, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="pagemill")
def main() -> None:
    pass


# --- the service -------------------------------------------------------------------


def _announce(s: Settings, stop_hint: str = "Press Ctrl-C to stop; queued pages are kept for the next start.") -> None:
    from .service import readiness

    broker = "embedded Valkey, " + f"redis://{s.embedded_broker_host}:{s.embedded_broker_port}" if s.embedded else "external broker (PAGEMILL_BROKER_URL)"
    # Only the parts that run (`up --no-dashboard` has no dashboard to open): the supervisor lists them in up.json.
    state = readiness.read_state(s) or {}
    running = set(state["parts"]) if isinstance(state.get("parts"), list) else {"dashboard", "pages"}
    lines = [
        "",
        "pagemill is up.",
        f"  inbox      {s.inbox.resolve()}    <- drop pages here",
        f"  outbox     {s.outbox.resolve()}    <- one JSON record per page",
        f"  archive    {s.archive.resolve()}    <- originals, once recorded",
        f"  failed     {s.failed.resolve()}    <- originals that could not be processed",
    ]
    if "dashboard" in running:
        lines.append(f"  dashboard  http://{s.flower_address}:{s.flower_port}/    <- tasks (Flower)")
    if "pages" in running:
        lines.append(f"  pages      http://{s.pages_address}:{s.pages_port}/pages    <- what happened to each page")
    lines += [f"  broker     {broker}", stop_hint, ""]
    click.echo("\n".join(lines), err=True)


@main.command()
@click.option("--no-worker", is_flag=True, help="Run no compute worker here (pages are processed by `pagemill worker` on other hosts); the outbox writer still runs.")
@click.option("--no-dashboard", is_flag=True, help="Do not start Flower or the pages view.")
@click.option("--concurrency", "-c", type=int, default=None, help="Worker processes (default: PAGEMILL_CONCURRENCY, or one per core).")
@click.option("--sink", "sink_url", default=None, metavar="URL", help="Also run `pagemill sink URL` (postgres://...) as part of the service.")
@click.option("--wait", "wait_ready", is_flag=True, help="Start in the background and return once every part answers (for scripts); `pagemill down` stops it.")
@click.option("--timeout", type=float, default=300.0, show_default=True, help="With --wait: seconds to wait for every part before giving up (and stopping it).")
@click.option("--background", is_flag=True, hidden=True, help="Set by --wait for the detached copy: its banner says how to stop it.")
def up(no_worker: bool, no_dashboard: bool, concurrency: int | None, sink_url: str | None, wait_ready: bool, timeout: float, background: bool) -> None:
    """Run everything for one machine: broker, worker, watcher and dashboard.

    With PAGEMILL_BROKER_URL unset, an embedded Valkey server is started on
    loopback, keeping its data (and so the queue) in PAGEMILL_STATE_DIR.
    "pagemill is up." is printed once every part answers; until then a line
    says which parts are still starting.
    """
    from .service import runner

    s = get_settings()
    if sink_url:
        os.environ["PAGEMILL_SINK_URL"] = sink_url  # the parts read their settings from the environment
        s = s.model_copy(update={"sink_url": sink_url})
    _setup_logging(s)
    for folder in (s.inbox, s.outbox, s.state_dir):
        folder.mkdir(parents=True, exist_ok=True)
    from .service import readiness

    running = readiness.read_state(s)
    if running and readiness.is_pagemill_up(int(running.get("pid", 0))):
        raise click.ClickException(
            f"pagemill is already running on {s.state_dir.resolve()} (pid {running['pid']}, {running.get('state')}); `pagemill down` stops it."
        )
    if wait_ready:
        from .service.background import start_and_wait

        argv = ["up", "--background", *(["--no-worker"] if no_worker else []), *(["--no-dashboard"] if no_dashboard else [])]
        argv += ["--concurrency", str(concurrency)] if concurrency else []
        argv += ["--sink", sink_url] if sink_url else []
        sys.exit(start_and_wait(s, argv, timeout, announce=_announce))
    announce = _announce
    if background:
        def announce(settings: Settings) -> None:
            _announce(settings, stop_hint="Running in the background; `pagemill down` stops it, keeping queued pages for the next start.")
    sys.exit(runner.run(s, worker=not no_worker, dashboard=not no_dashboard, concurrency=concurrency or s.concurrency or None, announce=announce))


@main.command()
@click.option("--timeout", type=float, default=None, help="Seconds to wait for it to stop (default: PAGEMILL_TASK_TIME_LIMIT + 60, so a page being processed can finish).")
def down(timeout: float | None) -> None:
    """Stop the `pagemill up` running on this state folder (e.g. one started with `up --wait`).

    Stops it as Ctrl-C would: queued pages are kept for the next start.
    """
    from .service.background import stop

    s = get_settings()
    sys.exit(stop(s, timeout if timeout is not None else s.task_time_limit + 60))


@main.command()
@click.option("--queues", "-Q", default="pages", show_default=True, help="Comma-separated queues: `pages` (the stages, any host) and/or `outbox` (writing records; only the host that owns the outbox).")
@click.option("--concurrency", "-c", type=int, default=None, help="Worker processes (default: PAGEMILL_CONCURRENCY, or one per core).")
@click.option("--hostname", "-n", default="worker@%h", show_default=True, help="Celery node name.")
@click.option("--no-banner", is_flag=True, help="Leave out Celery's start-up banner (always left out when logging JSON).")
def worker(queues: str, concurrency: int | None, hostname: str, no_banner: bool) -> None:
    """Run a Celery worker. It needs only the broker URL, not the inbox or outbox."""
    # One thread per worker process: the pool is the parallelism, and BLAS
    # threads started before the fork would not survive it.
    for var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(var, "1")
    from .service.app import celery_app

    s = get_settings()
    _setup_logging(s)
    wanted = {q.strip() for q in queues.split(",") if q.strip()}
    unknown = wanted - {"pages", "outbox"}
    if unknown:
        raise click.BadParameter(f"unknown queue(s) {', '.join(sorted(unknown))}; use pages and/or outbox", param_hint="--queues")
    if "pages" in wanted:
        # Load the model once, before the pool forks: every child shares it
        # (copy-on-write) and is ready at once instead of loading its own.
        from .stages.annotate import load_model
        from .stages.pipeline import use_taxonomy
        from .provenance import output_settings

        use_taxonomy(s.taxonomy, output_settings(s))
        load_model()
        # The model's objects live as long as the process: moved out of the collector's sight, a collection no
        # longer walks them on every page (HTML reading measured 5-7% cheaper), and forked children do not
        # dirty their shared pages by touching them.
        gc.freeze()

    if "outbox" in wanted or s.state_dir.is_dir():
        _restore_dead_local_workers(s, celery_app)

    _explain_superuser()
    # The banner is for a person at a terminal; in JSON logs it would be the one line no program can parse.
    quiet = no_banner or _log_format(s) == "json"
    argv = [*(["--quiet"] if quiet else []), "worker", "--queues", ",".join(sorted(wanted)), "--hostname", hostname, "--loglevel", s.log_level, "--without-heartbeat", "--without-mingle", "--without-gossip"]
    conc = concurrency or s.concurrency
    if conc:
        argv += ["--concurrency", str(conc)]
    celery_app.worker_main(argv)


def _log_format(s: Settings) -> str:
    if s.log_format == "auto":
        return "console" if sys.stderr.isatty() else "json"
    return s.log_format


def _explain_superuser() -> None:
    """Say once, in our words, what Celery's superuser warning means here, instead of its box."""
    import grp
    import warnings

    from celery.exceptions import SecurityWarning

    try:
        groups = {grp.getgrgid(g).gr_name for g in {os.getgid(), os.getegid()}}
    except KeyError:
        groups = set()
    if os.geteuid() != 0 and os.getuid() != 0 and not groups & {"sudo", "wheel"}:
        return
    warnings.filterwarnings("ignore", category=SecurityWarning)
    log.warning(
        "the worker runs as root (or with the sudo/wheel group), which Celery discourages; pagemill accepts only "
        "JSON messages, so a message cannot run code, but a bug in reading a page would act with these rights: "
        "run pagemill as an ordinary user (the image in deploy/ does)",
        uid=os.getuid(), groups=sorted(groups),
    )


def _restore_dead_local_workers(s: Settings, app) -> None:
    """Register this worker on this host, and hand back at once what a dead one of this host held."""
    from .service import restore

    try:
        restore.register(s, app)
        n = restore.restore_dead(s, app)
    except Exception as exc:  # noqa: BLE001 - the visibility timeout still brings those pages back
        log.warning("could not restore a dead worker's pages now; they come back after the visibility timeout", error=str(exc))
        return
    if n:
        log.info("handed back the pages a dead worker of this host held", messages=n)


@main.command()
def watch() -> None:
    """Watch the inbox and queue every page that arrives (and those already there)."""
    from .edges.ledger import RedisLedger
    from .edges.watcher import Watcher
    from .service.dispatch import batch, send

    s = get_settings()
    _setup_logging(s)

    from .edges.signing import signing_sender

    # Every drop is signed with the host's key: the writer acts on no other.
    send = signing_sender(s.state_dir, send)

    def reject(drop, code, message):
        send("write_error", drop, {"stage": "intake", "error": code, "message": message, "attempts": 1})

    from .service.app import broker_lists

    ledger = RedisLedger(s.effective_broker_url)
    w = Watcher(
        s, ledger, submit=lambda drop, data: send("process", drop, data), reject=reject,
        idle=lambda: ledger.broker_idle(broker_lists()), batch=batch,
    )
    done = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: done.set())
    signal.signal(signal.SIGINT, lambda *_: done.set())
    from .service import readiness

    w.start()
    readiness.mark_ready(s, "watcher")  # `pagemill up` waits for this before it says it is up
    try:
        done.wait()
    finally:
        w.stop()
        readiness.clear_ready(s, "watcher")


@main.command()
def dashboard() -> None:
    """Run the Flower dashboard (127.0.0.1:5555 by default; PAGEMILL_FLOWER_BASIC_AUTH=user:pass protects it)."""
    from .service.app import celery_app
    from .service.flower_readonly import make_read_only

    s = get_settings()
    _setup_logging(s)
    s.state_dir.mkdir(parents=True, exist_ok=True)
    make_read_only()  # its API could otherwise send pagemill.write_error naming any file
    # Flower logs through our handler (JSON for machines) instead of tornado's own format, and
    # without its banner of registered tasks: the URL is the one line of it a person needs.
    log.info("starting Flower", url=f"http://{s.flower_address}:{s.flower_port}/")
    argv = [
        "--quiet",
        "flower",
        "--logging=none",
        f"--address={s.flower_address}",
        f"--port={s.flower_port}",
        "--persistent=True",
        f"--db={s.state_dir / 'flower.db'}",
        "--state_save_interval=15000",
        f"--conf={Path(__file__).parent / 'service' / 'flowerconfig.py'}",
        # What an operator scans for first on the left: which page, and where its record went or why it
        # failed (flowerconfig puts a failure's reason in Result); the wide uuid, the link to a task, last.
        "--tasks_columns=name,state,args,result,runtime,received,worker,retries,uuid",
    ]
    if s.flower_basic_auth:
        argv.append(f"--basic_auth={s.flower_basic_auth}")
    celery_app.start(argv)


@main.command()
def pages() -> None:
    """Run the pages view: recent pages and their outcome, counts, /pages.json and /metrics (127.0.0.1:5556)."""
    from .service.pages import serve

    s = get_settings()
    _setup_logging(s)
    serve(s)


@main.command()
@click.option("--watch", "-w", is_flag=True, help="Keep the view up to date until Ctrl-C.")
@click.option("--interval", type=float, default=2.0, show_default=True, help="Seconds between updates with --watch.")
@click.option("--limit", "-n", type=int, default=20, show_default=True, help="How many recent pages to list.")
@click.option("--only", type=click.Choice(["queued", "processing", "done", "reprocessed", "duplicate", "failed", "retried"]), default=None, help="List only pages with this status (among the last 2,000).")
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON (the same as /pages.json).")
def status(watch: bool, interval: float, limit: int, only: str | None, as_json: bool) -> None:
    """Counts, pages per minute and recent pages, read from the ledger in the broker."""
    import json as json_mod

    import redis

    from .service.pages import open_ledger, snapshot
    from .service.status import render

    s = get_settings()
    ledger = open_ledger(s)
    try:
        if as_json:
            click.echo(json_mod.dumps(snapshot(ledger, limit, only), indent=2))
            return
        if not watch:
            from .service.status import console

            console().print(render(snapshot(ledger, limit, only)), crop=False)
            return
        from .service.status import live

        live(lambda: snapshot(ledger, limit, only), interval)
    except redis.exceptions.ConnectionError:
        raise  # said by the command group, with how to start the broker
    except redis.RedisError as exc:
        raise click.ClickException(f"cannot read the ledger from the broker at {s.effective_broker_url.split('@')[-1]}: {exc}") from exc


@main.command("retry-failed")
@click.argument("names", nargs=-1)
@click.option("--reason", "-r", default=None, help="Only pages that failed with this error code (e.g. too_large, stage_error, bad_encoding).")
@click.option("--dry-run", "-n", is_flag=True, help="List what would be retried, and why not for the rest; change nothing.")
def retry_failed(names: tuple[str, ...], reason: str | None, dry_run: bool) -> None:
    """Send failed pages through the service again, once the cause is fixed.

    Takes the originals of the chosen error records back from the failed
    folder (all of them, or those named: file name, stem, folder/name or
    error record file) and queues them as new drops. The running service
    processes them; each new outcome replaces its page's error record, and
    the pages view shows the old drop as retried. Run it on the host that
    owns the outbox and failed folder.
    """
    from .service.retry import run

    s = get_settings()
    configure("WARNING", s.log_format)
    sys.exit(run(s, names, reason, dry_run))


@main.command("broker")
def broker_cmd() -> None:
    """Run the embedded Valkey broker in the foreground (for systemd or a second terminal)."""
    from .service import broker

    s = get_settings()
    _setup_logging(s)
    os.execv(broker.server_command(s)[0], broker.server_command(s))


# --- one-off work ------------------------------------------------------------------


class _ProcessCommand(click.Command):
    """``pagemill process``: its help lists the page endings of workers/data/page_suffixes.txt, read when the
    help is shown (so it cannot drift from what a folder search takes, and no other command pays for it)."""

    ENDINGS = "{page endings}"

    def format_help_text(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        from .edges.batch import PAGE_SUFFIX_LIST

        template = self.help or ""
        self.help = template.replace(self.ENDINGS, ", ".join(f"*{x}" for x in PAGE_SUFFIX_LIST))
        try:
            super().format_help_text(ctx, formatter)
        finally:
            self.help = template


@main.command(cls=_ProcessCommand)
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--outbox", "-o", type=click.Path(file_okay=False, path_type=Path), default=None, help="Where records go (default: PAGEMILL_OUTBOX).")
@click.option("--jobs", "-j", type=int, default=1, show_default=True, help="Processes to use.")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar or summary.")
@click.option("--verbose", "-v", is_flag=True, help="Log every outcome.")
@click.option("--recursive/--no-recursive", default=True, show_default=True, help="Search folders' subfolders too.")
def process(paths: tuple[Path, ...], outbox: Path | None, jobs: int, quiet: bool, verbose: bool, recursive: bool) -> None:
    """Process files or folders here and now, without a broker.

    Runs the same stages and writes the same records as the service; the
    originals stay where they are. A file named is always processed, whatever
    its ending; folders are searched, with their subfolders unless
    --no-recursive, for pages by their ending ({page endings}), skipping
    hidden and temporary names; a page found in a subfolder has it in its
    record (source.folder), as the service's inbox does. Run again over the
    same files, it writes nothing new: records of this version, error records
    and duplicate notes already there are kept.
    """
    from .edges.batch import PAGE_SUFFIXES, find_pages, run_batch
    from .stages.pipeline import use_taxonomy
    from .provenance import output_settings

    s = get_settings()
    configure(s.log_level if verbose else "WARNING", s.log_format)
    found = find_pages(list(paths), recursive=recursive)
    passed_over = ", ".join(f"{n} {ending}" for ending, n in found.skipped.most_common())
    if not found.files:
        where = ", ".join(str(p) for p in paths)
        looked = " or ".join(f"*{x}" for x in sorted(PAGE_SUFFIXES))
        raise click.ClickException(
            f"no pages found in {where}: looked for {looked} files"
            + (" in it and its subfolders" if recursive else " directly in it (--no-recursive)")
            + ", skipping hidden and temporary names"
            + (f"; passed over {passed_over}" if passed_over else "")
            + ". Name a file to process it whatever its ending."
        )
    if passed_over and not quiet:
        click.echo(f"found {len(found.files)} pages; passed over files that are not pages: {passed_over}", err=True)
    use_taxonomy(s.taxonomy, output_settings(s))
    counts = run_batch(
        list(paths), outbox or s.outbox, jobs=jobs, max_bytes=s.max_page_bytes, max_file_bytes=s.max_file_bytes,
        progress=not quiet, found=found,
        mode=s.outbox_file_mode, time_limit=s.page_time_limit,
    )
    if not quiet:
        def kept(n: int) -> str:
            return f" ({n} already written by an earlier run, kept)" if n else ""

        click.echo(
            f"{counts['done']} records, {counts['reprocessed']} older records replaced, "
            f"{counts['unchanged']} records already of this version kept, "
            f"{counts['duplicate']} duplicates{kept(counts.get('duplicate_kept', 0))}, "
            f"{counts['failed']} errors{kept(counts.get('failed_kept', 0))} -> {(outbox or s.outbox).resolve()}",
            err=True,
        )
    made = counts["done"] + counts["reprocessed"] + counts["unchanged"]
    sys.exit(1 if counts["failed"] and not made else 0)


@main.command()
@click.option("--all", "everything", is_flag=True, help="Every record in the outbox.")
@click.option("--older-than", "older_than", default=None, metavar="VERSION",
              help="Records made by an older pipeline.version than VERSION ('current': this installation's).")
@click.option("--id", "ids", multiple=True, metavar="ID", help="A record id (pm-...) or record file name; repeatable.")
@click.option("--wait/--no-wait", default=True, show_default=True, help="Announce each record as it is replaced, until all are.")
def reprocess(everything: bool, older_than: str | None, ids: tuple[str, ...], wait: bool) -> None:
    """Make records again through the running service, replacing the older ones in place.

    Reads the originals from the archive (they stay there). Each new record
    keeps its id and file name and says what it supersedes. Stopped and run
    again, it queues only the records not already on their way.
    """
    from .edges.ledger import RedisLedger
    from .service import reprocess as rp
    from .service.dispatch import send

    if not (everything or older_than or ids):
        raise click.UsageError("say which records: --all, --older-than VERSION or --id ID")
    s = get_settings()
    configure("WARNING", s.log_format)
    if older_than == "current":
        from .stages.pipeline import current_version, use_taxonomy
        from .provenance import output_settings

        use_taxonomy(s.taxonomy, output_settings(s))
        older_than = current_version()
        click.echo(f"current pipeline version: {older_than}")
    ledger = RedisLedger(s.effective_broker_url)
    records = rp.select(s.outbox, everything=everything, older_than=older_than, ids=ids)
    from .edges.signing import signing_sender

    from .service.app import broker_lists

    sender = signing_sender(s.state_dir, send)

    def idle() -> bool:
        return ledger.broker_idle(broker_lists())

    def requeue(names: list[str]) -> dict[str, str]:
        still = set(names) & set(ledger.pending_reprocess())  # never a record replaced since: it would be made twice
        return rp.queue([r for r in records if r[0].name in still], s.archive, ledger, sender, say=click.echo, resend_pending=True).waiting

    lost = bool(ledger.pending_reprocess()) and rp.messages_lost(idle)
    plan = rp.queue(records, s.archive, ledger, sender, say=click.echo, resend_pending=lost)
    click.echo(
        f"{len(plan.queued)} queued, {len(plan.already_queued)} already on their way, "
        f"{len(plan.no_original)} without an original in {s.archive}"
        + (f", {len(plan.replaced_meanwhile)} made again while this run looked" if plan.replaced_meanwhile else "")
    )
    if wait and plan.waiting:
        counts = rp.wait(plan, s.outbox, ledger, say=click.echo, idle=idle, requeue=requeue)
        click.echo(f"{counts['replaced']} replaced, {counts['failed']} failed")


@main.command("learn-names")
@click.argument("gold_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--out", "-o", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Where to write the names (default: the package's workers/data/learned_names.jsonl).")
def learn_names(gold_dir: Path, out: Path | None) -> None:
    """Learn the known names from the gold pages under GOLD_DIR (`make train` runs this).

    Writes the names the gold labels an organisation in at least two documents,
    and mostly wherever they stand, as spaCy EntityRuler patterns. The result
    depends only on the gold pages: the same pages give the same file.
    """
    from .evaluation import load_gold
    from .knowledge import names

    gold = load_gold(gold_dir)
    if not gold:
        raise click.UsageError(f"no gold pages found as {gold_dir}/<source>/gold/*.json")
    pats = names.learn((gold[n].gold, gold[n].text) for n in sorted(gold))
    out = out or Path(__file__).resolve().parent / "data" / names.LEARNED_FILE
    out.write_text(names.dump(pats), encoding="utf-8")
    click.echo(f"{len(pats)} known names learned from {len(gold)} gold pages: {out}")


@main.command("eval")
@click.argument("gold_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--records", "-r", type=click.Path(exists=True, file_okay=False, path_type=Path), default=None, help="Score records already made (any *.json below DIR) instead of processing the gold pages now.")
@click.option("--jobs", "-j", type=int, default=1, show_default=True, help="Processes to use when processing the pages.")
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
@click.option("--folds", "-k", type=int, default=None, help="Cross-validate: K folds by document; prints mean and spread per measure.")
@click.option("--folds-by", "folds_by", type=click.Choice(["document", "source"]), default="document", show_default=True,
              help="source: one fold per source (the gold's `source`, e.g. the corpus's subfolders), fitted on the other sources; instead of --folds.")
@click.option("--seed", type=int, default=0, show_default=True, help="Seed of the shuffle that deals documents into folds.")
@click.option("--without", "without", multiple=True, metavar="NAME", help="Leave out this entity step (repeatable); an unknown name lists the known ones.")
@click.option("--no-rules", "no_rules", is_flag=True, help="Leave out every switchable entity step: the NER model's entities with only the fixed steps after it.")
@click.option("--ablation", is_flag=True, help="Add each entity step's cross-validated gain (with --folds; 5 folds if not given).")
@click.option("--ner", "ner", type=click.Choice(["original", "trained"]), default=None,
              help="With --folds: the original en_core_web_sm NER, or a NER trained per fold on its training pages. Default: the one the service uses.")
@click.option("--ner-model", "ner_model", type=click.Path(exists=True, file_okay=False, path_type=Path), default=None,
              help="Annotate with this saved NER pipeline (e.g. one `python -m workers.training` trained on other pages) instead of the one the service uses. Not with --folds: score it only on pages it was not trained on.")
@click.option("--train-also", "train_also", multiple=True, type=click.Path(exists=True, file_okay=False, path_type=Path),
              help="With --folds and --ner trained: gold folders every fold model also trains on and no fold scores (repeatable).")
@click.option("--rehearsal", type=click.Path(exists=True, dir_okay=False, path_type=Path), default=None,
              help="With --folds: news articles (benchmark gold.json) rehearsed while training fold models. Default: as in workers/training/config.cfg, beside GOLD_DIR.")
@click.option("--known-names", "known_names", type=click.Choice(["hand+learned", "hand", "learned", "none"]), default=None,
              help="Known names used: the hand-written list, the learned one (with --folds: learned on each fold's training pages), both, or none. Default: as shipped.")
def eval_cmd(gold_dir: Path, records: Path | None, jobs: int, as_json: bool, folds: int | None, folds_by: str, seed: int,
             without: tuple[str, ...], no_rules: bool, ablation: bool, ner: str | None, ner_model: Path | None,
             train_also: tuple[Path, ...], rehearsal: Path | None, known_names: str | None) -> None:
    """Score pagemill against your own annotated pages.

    GOLD_DIR holds <source>/pages/<name>.txt and <source>/gold/<name>.json (the
    format of the shared gold corpus). The pages are processed exactly as
    `pagemill process` would, then scored: segment role accuracy, furniture
    precision/recall, entity P/R/F1 per label, repairs, and each stage's
    milliseconds per page. With --folds K, the same measures per fold of a
    K-fold cross-validation by document, as mean, std and min..max; with
    --ablation, each entity step's gain; --without NAME leaves a step out,
    --no-rules every step that can be left out. With --folds-by source, one
    fold per source instead: each source scored by what was fitted on the
    others.

    With --folds and a trained NER (--ner trained), a NER model is trained on
    each fold's training pages (minutes per fold, cached under
    <state_dir>/cache/ner) and the held-out pages are annotated with it;
    --train-also DIR adds other gold pages to every fold model's training
    (pages of other sites, never scored here). --ner-model DIR scores a saved
    model on pages it was not trained on, e.g. your own held-out folder.
    With --folds, learned known names are learned again on each fold's
    training pages (--known-names).
    """
    import json
    import tempfile

    from .edges.batch import run_batch
    from .evaluation import evaluate, format_report

    s = get_settings()
    configure("WARNING", s.log_format)
    by_source = folds_by == "source"
    if by_source and folds is not None:
        raise click.UsageError("--folds-by source makes one fold per source; leave out --folds")
    if no_rules and ablation:
        raise click.UsageError("--no-rules leaves out every step, so there is nothing to ablate")
    if ner_model is not None and (folds is not None or by_source or ablation or ner is not None or records is not None):
        raise click.UsageError("--ner-model scores one saved model on GOLD_DIR as it is: leave out --folds, --folds-by, --ablation, --ner and --records")
    if folds is not None or without or no_rules or ablation or by_source or known_names or ner_model is not None or train_also:
        from .knowledge import names as kn
        from .stages.entities import SWITCHABLE, check_without

        try:
            left_out = check_without(without)
        except ValueError as exc:
            raise click.BadParameter(str(exc), param_hint="--without") from exc
        if no_rules:
            left_out = frozenset(SWITCHABLE)
        if records is not None and (left_out or ablation):
            raise click.UsageError("--without, --no-rules and --ablation process the pages themselves; leave out --records")
        from .stages.entities.model import DEFAULT_MODEL, ORIGINAL_MODEL

        fitters = []
        # with folds by source the sources are the folds, so there is no K
        k = None if by_source else folds or (5 if ablation else None)
        folded = by_source or k is not None
        trained = ner == "trained" or (ner is None and DEFAULT_MODEL != ORIGINAL_MODEL)
        if train_also and not (folded and trained):
            raise click.UsageError("--train-also adds pages to the fold models' training: it needs --folds (or --folds-by) and --ner trained")
        if not folded and ner == "trained":
            raise click.UsageError("--ner trained needs --folds: a model trained on all pages cannot be scored on them")
        if folded and records is None and trained:
            from .crossval import NerFitter
            from .training.__main__ import rehearsal_path

            reh = rehearsal or rehearsal_path(gold_dir)
            if not reh.is_file():
                raise click.UsageError(f"no rehearsal articles at {reh}: pass --rehearsal FILE or --ner original")
            say = (lambda m: None) if as_json else (lambda m: click.echo(m, err=True))
            from .evaluation import load_gold

            extra = [page for folder in train_also for _, page in sorted(load_gold(folder).items())]
            scored = set(load_gold(gold_dir))
            if both := sorted(scored & {page.name for page in extra}):
                # a page in both would be scored by models that learned it
                raise click.UsageError(f"--train-also holds pages GOLD_DIR scores ({', '.join(both[:3])}...): pass other folders")
            fitters = [NerFitter(s.state_dir / "cache", reh, progress=say, extra=extra)]
        mode = known_names or kn.SHIPPED
        known = kn.KnownNames.of(kn.hand() if "hand" in mode else (), kn.learned() if "learned" in mode else ())
        if k is not None and records is None and "learned" in mode:
            from .crossval import KnownNamesFitter

            # the shipped learned list holds the held-out pages' names: each fold learns its own
            fitters.append(KnownNamesFitter(hand="hand" in mode))
        _eval_steps(gold_dir, records, jobs, as_json, k, seed, left_out, ablation, s.max_page_bytes, fitters,
                    str(ner_model) if ner_model is not None else None if trained else ORIGINAL_MODEL, folds_by, known)
        return
    with tempfile.TemporaryDirectory(prefix="pagemill-eval-") as tmp:
        if records is None:
            pages = sorted(gold_dir.glob("*/pages/*.txt"))
            if not pages:
                raise click.UsageError(f"no pages found as {gold_dir}/<source>/pages/*.txt")
            run_batch(pages, Path(tmp), jobs=jobs, max_bytes=s.max_page_bytes, progress=not as_json)
            records = Path(tmp)
        made: dict[str, dict] = {}
        for path in sorted(records.rglob("*.json")):
            doc = json.loads(path.read_text(encoding="utf-8"))
            if isinstance(doc, dict) and doc.get("kind") == "record":
                made[Path(doc["source"]["filename"]).stem] = doc
    result = evaluate(gold_dir, made)
    stage_ms: dict[str, float] = {}
    for doc in made.values():
        for stage, ms in doc["pipeline"]["stages_ms"].items():
            stage_ms[stage] = stage_ms.get(stage, 0.0) + ms / len(made)
    if as_json:
        click.echo(json.dumps({**result, "stage_ms_per_page": {k: round(v, 2) for k, v in stage_ms.items()}}, indent=1))
    else:
        click.echo(format_report(result, stage_ms))


def _eval_steps(gold_dir: Path, records: Path | None, jobs: int, as_json: bool, folds: int | None, seed: int,
                without: frozenset[str], ablation: bool, max_bytes: int | None, fitters=(), model: str | None = None,
                folds_by: str = "document", known=None) -> None:
    """``pagemill eval`` with folds, steps left out or an ablation (see :mod:`workers.crossval`)."""
    import json
    import time

    from . import crossval as cv
    from .evaluation import evaluate_pages, format_report, load_gold
    from .stages.entities import SWITCHABLE

    t0 = time.perf_counter()
    gold = load_gold(gold_dir)
    ablate: list[str] = []
    if not gold:
        raise click.UsageError(f"no gold pages found as {gold_dir}/<source>/gold/*.json")
    if records is not None:
        made: dict[str, dict] = {}
        for path in sorted(records.rglob("*.json")):
            doc = json.loads(path.read_text(encoding="utf-8"))
            if isinstance(doc, dict) and doc.get("kind") == "record":
                made[Path(doc["source"]["filename"]).stem] = doc
        predict = lambda names, _without, _fitted: {n: made[n] for n in names if n in made}  # noqa: E731
    else:
        paths = {p.stem: p for p in sorted(gold_dir.glob("*/pages/*.txt")) if p.stem in gold}
        ablate = [n for n in SWITCHABLE if n not in without] if ablation else []
        configs = [without] + [without | {n} for n in ablate]
        show = not as_json and sys.stderr.isatty()
        bar = None if not show else (lambda done, total: click.echo(f"\rprocessed {done}/{total} pages", nl=done == total, err=True))
        predict = cv.batch_predict(paths, configs, jobs=jobs, max_bytes=max_bytes, progress=bar, model=model, known=known)
    if folds is None and folds_by == "document":
        result = evaluate_pages(gold, predict(sorted(gold), without, {}))
        click.echo(json.dumps({**result, "without": sorted(without)}, indent=1) if as_json else format_report(result))
        return
    try:
        res = cv.cross_validate(gold, predict, k=folds or 0, seed=seed, without=without, ablate=ablate, fitters=fitters, by=folds_by)
    except ValueError as exc:
        raise click.UsageError(str(exc)) from exc
    seconds = time.perf_counter() - t0
    if as_json:
        click.echo(json.dumps({**cv.cv_json(res, seed=seed, without=without), "seconds": round(seconds, 1)}, indent=1))
    else:
        click.echo(cv.format_cv(res, seed=seed, without=without, seconds=seconds))


@main.command()
@click.option("--out", "-o", type=click.Path(file_okay=False, path_type=Path), default=None, help="Write the schema files into this folder (e.g. schemas/).")
def schema(out: Path | None) -> None:
    """Print the JSON Schema of a record, or write all outcome schemas to a folder."""
    from .models.schema import render, schemas, write_schemas

    if out is None:
        click.echo(render(schemas()["record.schema.json"]), nl=False)
        return
    for path in write_schemas(out):
        click.echo(f"wrote {path}", err=True)


@main.command()
def config() -> None:
    """List every setting, its environment variable, current value and meaning."""
    s = get_settings()
    for name, field in Settings.model_fields.items():
        value = getattr(s, name)
        if name in ("broker_password", "webhook_secret", "sink_url") and value:
            value = "********"
        click.echo(f"PAGEMILL_{name.upper():<28} = {value!s:<30}  {field.description or ''}")


from .consumers import follow, hooks, sink  # noqa: E402 - commands for programs downstream (issue 14)

for _cmd in (follow, hooks, sink):
    main.add_command(_cmd)


if __name__ == "__main__":
    main()
