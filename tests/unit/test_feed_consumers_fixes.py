"""Consumers' options refuse values that cannot work, at once, with the allowed range; the cursor file reads back what it saved.

The behaviour that needs a broker (feed resets, broker restarts, trimming, /feed, /metrics) is in
tests/integration/test_feed_consumers_fixes.py.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from workers.cli import main
from workers.client import Cursor

REPO = Path(__file__).resolve().parents[2]


def _dead_broker_env(tmp_path) -> dict[str, str]:
    with socket.socket() as sock:  # a port nothing listens on once it is closed
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    env = {k: v for k, v in os.environ.items() if not k.startswith("PAGEMILL_")}
    env.update(PAGEMILL_BROKER_URL=f"redis://127.0.0.1:{port}/0", PAGEMILL_OUTBOX=str(tmp_path / "outbox"),
               PAGEMILL_STATE_DIR=str(tmp_path / "state"), PYTHONPATH=str(REPO))
    return env


def test_follow_refuses_a_negative_after_as_a_usage_error_before_reaching_the_broker(tmp_path):
    env = _dead_broker_env(tmp_path)
    for value in ("-5", "-1"):
        result = CliRunner().invoke(main, ["follow", "--once", "--after", value], env=env)
        assert result.exit_code == 2, result.output
        assert "--after" in result.output and "x>=0" in result.output, result.output
        assert "trimmed" not in result.output and "broker" not in result.output


def test_sink_refuses_a_batch_below_one_at_once_instead_of_looping(tmp_path):
    env = _dead_broker_env(tmp_path)
    for value in ("0", "-1"):
        # A subprocess with a timeout: the bug was an endless loop, which must fail this test, not hang it.
        proc = subprocess.run([sys.executable, "-m", "workers.cli", "sink", "--once", "--batch", value,
                               "postgresql://nobody@127.0.0.1:1/none"], env=env, cwd=tmp_path, capture_output=True, text=True,
                              timeout=60)
        assert proc.returncode == 2, (proc.returncode, proc.stderr[-2000:])
        assert "--batch" in proc.stderr and "x>=1" in proc.stderr, proc.stderr[-2000:]


def test_a_cursor_file_reads_back_its_seq_and_feed_and_an_old_one_without_a_feed(tmp_path):
    cursor = Cursor(tmp_path / "c.cursor")
    assert cursor.read() == (0, None)
    cursor.save(12, "feed-a")
    assert cursor.read() == (12, "feed-a")
    (tmp_path / "c.cursor").write_text("7\n")  # written before cursors named their feed
    assert cursor.read() == (7, None)
