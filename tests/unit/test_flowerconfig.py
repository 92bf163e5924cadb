"""How a task reads in Flower's list: the one-line reason of a failure, the record's name first."""

from __future__ import annotations

from types import SimpleNamespace

from workers.service.flowerconfig import format_task, one_line_reason, readable_result


def test_a_rejected_page_reads_as_its_code_and_message():
    assert (
        one_line_reason("PageRejected('empty_file', 'file is empty or only whitespace: nothing to process')")
        == "PageRejected: empty_file: file is empty or only whitespace: nothing to process"
    )


def test_a_multi_line_or_huge_exception_becomes_one_bounded_line():
    assert one_line_reason("ValueError('first\\nsecond')") == "ValueError: first second"
    assert one_line_reason("KeyError(\n'x')") == "KeyError: x"
    long = one_line_reason("RuntimeError('" + "x" * 1000 + "')")
    assert len(long) == 300 and long.endswith("…")
    assert one_line_reason("not a call (") == "not a call ("


def test_a_record_result_names_the_record_before_its_folder():
    assert readable_result("'done: /srv/pm/outbox/p.pm-1.json'") == "done: p.pm-1.json in /srv/pm/outbox/"
    assert readable_result("'duplicate: outbox/q.1.duplicate.json'") == "duplicate: q.1.duplicate.json in outbox/"
    assert readable_result("'-> pagemill.write (clean 2, annotate 50 ms)'") == "-> pagemill.write (clean 2, annotate 50 ms)"
    assert (
        readable_result("'done: /srv/pm/outbox/p.pm-1.json (clean 2, annotate 50 ms)'")
        == "done: p.pm-1.json in /srv/pm/outbox/ (clean 2, annotate 50 ms)"
    )
    assert readable_result("'failed: empty_file: x -> /o/e.json'") == "failed: empty_file: x -> /o/e.json"


def test_a_failed_task_shows_its_reason_as_its_result_and_other_tasks_are_left_alone():
    failed = format_task(SimpleNamespace(name="pagemill.process", state="FAILURE", exception="PageRejected('a', 'b')", result=None))
    assert failed.result == failed.exception == "PageRejected: a: b"
    other = format_task(SimpleNamespace(name="someone.else", state="FAILURE", exception="E('x')", result=None))
    assert other.result is None and other.exception == "E('x')"
