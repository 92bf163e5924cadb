"""The soak script, short: pages keep arriving while workers die and the broker restarts."""

import subprocess
import sys

import pytest

from .conftest import REPO

pytestmark = pytest.mark.integration


@pytest.mark.timeout(600)
def test_short_soak_loses_nothing_and_doubles_nothing():
    proc = subprocess.run(
        [sys.executable, str(REPO / "benchmarks" / "soak.py"), "--duration", "50", "--pages", "100000", "--rate", "6",
         "--chaos-min", "6", "--chaos-max", "12", "--drain", "240"],
        capture_output=True, text=True, timeout=580,
    )
    out = proc.stdout + proc.stderr
    assert proc.returncode == 0, out[-4000:]
    figures = dict(line.strip().split(": ", 1) for line in proc.stdout.splitlines() if ": " in line and not line.startswith("["))
    assert figures["lost_pages"] == "0" and figures["double_outcomes"] == "0"
    # The feed: every outcome once, no gap, in the order the files were written.
    assert figures["feed_missing"] == figures["feed_doubled"] == figures["feed_gaps"] == figures["feed_out_of_order"] == "0"
    assert int(figures["feed_entries"]) == int(figures["records"]) + int(figures["duplicate_notes"]) + int(figures["error_records"])
    assert int(figures["pages_dropped"]) > 100
    assert int(figures["broker_restarts"]) == 1
    assert int(figures["worker_children_killed"]) + int(figures["workers_killed"]) >= 2
