"""The command hook with real subprocesses: its exit status decides, not whether its stderr was closed."""

from __future__ import annotations

import os
import time
from datetime import datetime, timezone
from pathlib import Path

import pytest

from workers.edges.hooks import CommandHook, HookFailed
from workers.models.feed import FeedEntry

ENTRY = FeedEntry(seq=7, kind="record", id="pm-0123456789abcdef", drop_id="0123456789abcdef", filename="a.txt",
                  path="a.pm-0123456789abcdef.json", written_at=datetime(2026, 1, 2, tzinfo=timezone.utc))


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # A killed child not yet reaped by its (gone) parent is a zombie: as good as gone.
    try:
        return Path(f"/proc/{pid}/stat").read_text().split(") ", 1)[1][0] != "Z"
    except (FileNotFoundError, IndexError):
        return False


def _wait_gone(pids: list[int], timeout: float = 5.0) -> list[int]:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        left = [p for p in pids if _alive(p)]
        if not left:
            return []
        time.sleep(0.05)
    return [p for p in pids if _alive(p)]


def _kill_all(pid_file: Path) -> None:
    for line in pid_file.read_text().split() if pid_file.exists() else []:
        try:
            os.kill(int(line), 9)
        except ProcessLookupError:
            pass


def test_a_command_that_leaves_a_process_in_the_background_succeeds_once_it_exits(tmp_path):
    log, pids = tmp_path / "bg.log", tmp_path / "pids"
    # The reviewer's repro: the background sleep keeps the hook's stderr open for 6 s, twice the timeout.
    hook = CommandHook(f'echo "$PAGEMILL_OUTCOME_SEQ" >> {log}; sleep 6 & echo $! >> {pids}; exit 0', tmp_path, timeout=3)
    try:
        t0 = time.monotonic()
        hook.deliver(ENTRY, b"{}")  # raised HookFailed("command took longer than 3s") before the fix
        took = time.monotonic() - t0
        assert took < 2.0, f"deliver waited {took:.1f}s for the background process"
        assert log.read_text().split() == ["7"]
        # Not killed: a hook may start work in the background on purpose.
        (bg,) = [int(p) for p in pids.read_text().split()]
        assert _alive(bg)
    finally:
        _kill_all(pids)


def test_a_background_process_that_writes_to_stderr_does_not_hold_up_a_failing_command(tmp_path):
    pids = tmp_path / "pids"
    hook = CommandHook(f"(sleep 0.2; echo late >&2; sleep 6) & echo $! >> {pids}; echo 'disk full' >&2; exit 3", tmp_path, timeout=3)
    try:
        t0 = time.monotonic()
        with pytest.raises(HookFailed) as failed:
            hook.deliver(ENTRY, b"{}")
        assert time.monotonic() - t0 < 2.0
        assert str(failed.value) == "command exited with 3: disk full"
    finally:
        _kill_all(pids)


def test_the_last_line_of_a_failing_commands_stderr_is_in_the_error(tmp_path):
    hook = CommandHook("printf 'first\\n\\nsecond line\\n\\n' >&2; exit 5", tmp_path, timeout=3)
    with pytest.raises(HookFailed, match=r"^command exited with 5: second line$"):
        hook.deliver(ENTRY, b"{}")
    noisy = CommandHook("head -c 200000 /dev/zero | tr '\\0' x >&2; echo >&2; echo 'the end' >&2; exit 1", tmp_path, timeout=5)
    with pytest.raises(HookFailed, match=r"^command exited with 1: the end$"):
        noisy.deliver(ENTRY, b"{}")  # more than a pipe holds: written to a file, nothing blocks


def test_a_command_that_hangs_is_killed_with_its_whole_process_group_at_the_timeout(tmp_path):
    pids = tmp_path / "pids"
    hook = CommandHook(f"sleep 30 & echo $! >> {pids}; echo $$ >> {pids}; sleep 30", tmp_path, timeout=1)
    try:
        t0 = time.monotonic()
        with pytest.raises(HookFailed, match=r"took longer than 1s \(PAGEMILL_HOOK_TIMEOUT\)"):
            hook.deliver(ENTRY, b"{}")
        assert time.monotonic() - t0 < 5.0
        started = [int(p) for p in pids.read_text().split()]
        assert len(started) == 2
        assert _wait_gone(started) == [], "the timed-out hook's shell or its child outlived it"
    finally:
        _kill_all(pids)


def test_the_outcome_is_in_the_commands_environment_only(tmp_path):
    out = tmp_path / "env.txt"
    hook = CommandHook(f'printf "%s|%s|%s|%s" "$PAGEMILL_OUTCOME_PATH" "$PAGEMILL_OUTCOME_KIND" "$PAGEMILL_OUTCOME_ID" "$PAGEMILL_OUTCOME_DROP_ID" > {out}',
                       tmp_path / "outbox", timeout=3)
    hook.deliver(ENTRY, b"{}")
    assert out.read_text() == f"{tmp_path / 'outbox' / ENTRY.path}|record|{ENTRY.id}|{ENTRY.drop_id}"


def test_a_hook_runner_started_while_the_broker_is_away_keeps_running_and_waits(tmp_path):
    import socket
    import threading

    from workers.edges.feed import Feed
    from workers.edges.hooks import CommandHook, HookRunner

    with socket.socket() as s:  # a port nothing listens on: the broker is away
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    runner = HookRunner(CommandHook("true", tmp_path, 5.0), Feed(f"redis://127.0.0.1:{port}/0", socket_timeout=1),
                        max_attempts=2, backoff=0.1)
    thread = threading.Thread(target=runner.run, daemon=True)
    thread.start()
    thread.join(1.5)
    alive = thread.is_alive()
    runner.stopping.set()
    thread.join(5)
    assert alive, "the hook's thread ended on a broker that was away when it started"
