"""`pagemill hooks` with a command that leaves a process in the background: delivered once, not failed, not retried.

The reviewer's repro without the pipeline: one real outcome written by the real outbox writer to a feed on an
embedded broker of its own, and `pagemill hooks` run as its own process with the same settings.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest
import redis

from workers.edges.feed import Feed
from workers.edges.hooks import HookState
from workers.edges.ledger import RedisLedger
from workers.edges.outbox import Outbox
from workers.models import Drop

from .conftest import REPO, start_embedded_broker

pytestmark = pytest.mark.integration


def test_a_hook_command_that_starts_a_background_process_is_delivered_once(tmp_path):
    b = start_embedded_broker(tmp_path / "broker")
    hooks = None
    try:
        Outbox(tmp_path / "outbox", RedisLedger(b.url), feed=Feed(b.url)).write_error(
            Drop(filename="bg.txt"), stage="intake", error="empty_file", message="file is empty")
        log, pids = tmp_path / "bg.log", tmp_path / "bg.pids"
        env = {k: v for k, v in os.environ.items() if not k.startswith("PAGEMILL_")}
        env.update(
            PAGEMILL_BROKER_URL=b.url, PAGEMILL_OUTBOX=str(tmp_path / "outbox"), PAGEMILL_LOG_FORMAT="json", PYTHONPATH=str(REPO),
            PAGEMILL_ON_OUTCOME=f'echo "$PAGEMILL_OUTCOME_SEQ" >> {log}; sleep 6 & echo $! >> {pids}; exit 0',
            PAGEMILL_HOOK_TIMEOUT="3", PAGEMILL_HOOK_MAX_ATTEMPTS="3", PAGEMILL_HOOK_BACKOFF="0.2",
        )
        out = (tmp_path / "hooks.log").open("wb")
        hooks = subprocess.Popen([sys.executable, "-m", "workers.cli", "hooks"], env=env, stdout=out, stderr=subprocess.STDOUT,
                                 start_new_session=True, cwd=tmp_path)
        state = HookState(redis.Redis.from_url(b.url, decode_responses=True), "command")
        deadline = time.monotonic() + 60
        while not (state.summary()["delivered"] or state.summary()["failed"]):
            assert hooks.poll() is None and time.monotonic() < deadline, (tmp_path / "hooks.log").read_text()
            time.sleep(0.1)
        time.sleep(4.5)  # longer than the timeout plus the backoff: a failed try would have shown and run again
        summary = state.summary()
        assert (summary["delivered"], summary["failed"], summary["retry_pending"], summary["cursor"]) == (1, 0, 0, 1), \
            (summary, (tmp_path / "hooks.log").read_text()[-3000:])
        assert log.read_text().split() == ["1"], "the command ran more than once"
    finally:
        if hooks is not None:
            os.killpg(hooks.pid, signal.SIGTERM)
            hooks.wait(20)
        for pid in (tmp_path / "bg.pids").read_text().split() if (tmp_path / "bg.pids").exists() else []:
            try:
                os.kill(int(pid), signal.SIGKILL)
            except ProcessLookupError:
                pass
        b.proc.terminate()
        b.proc.wait(10)
