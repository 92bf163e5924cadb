"""Flower configuration for pagemill, passed as ``flower --conf``: how a task reads in the task list.

Flower executes this file and keeps the names that are Flower options; every
other option comes from ``pagemill dashboard``'s command line. It must stay
self-contained (Flower runs it outside any package).
"""

import ast
import re

_CALL = re.compile(r"^(?P<cls>[A-Za-z_][\w.]*)\((?P<args>.*)\)$", re.S)


def one_line_reason(exception: str, limit: int = 300) -> str:
    """``PageRejected('empty_file', 'file is empty')`` -> ``PageRejected: empty_file: file is empty``."""
    text = (exception or "").strip()
    m = _CALL.match(text)
    if m:
        try:
            args = ast.literal_eval(f"({m['args']},)") if m["args"].strip() else ()
        except (ValueError, SyntaxError):
            args = None
        if args is not None:
            text = ": ".join([m["cls"].rsplit(".", 1)[-1], *(str(a) for a in args)])
    text = " ".join(text.split())  # one line, whatever the exception held
    return text if len(text) <= limit else text[: limit - 1] + "…"


# A page filed by its own process task adds each stage's time: `` (clean 2, ... annotate 51 ms)``.
_OUTCOME = re.compile(r"^(?P<status>done|duplicate): (?P<path>.*[/\\\\])(?P<name>[^/\\\\ ]+)(?P<took> \(.*\))?$")


def readable_result(result: str) -> str:
    """``'done: /srv/pm/outbox/p.pm-1.json'`` -> ``done: p.pm-1.json in /srv/pm/outbox/``.

    The record's name comes first: the column is cut to its width, and the
    name is what an operator looks for; the folder is the same for every page.
    """
    text = result
    if len(text) >= 2 and text[0] == text[-1] and text[0] in "'\"":
        try:
            text = str(ast.literal_eval(text))
        except (ValueError, SyntaxError):
            return result
    m = _OUTCOME.match(text)
    return f"{m['status']}: {m['name']} in {m['path']}{m['took'] or ''}" if m else text


def format_task(task):
    if not str(getattr(task, "name", "") or "").startswith("pagemill."):
        return task
    # A failed task has no result; its one-line reason in the Result column
    # means the list answers "why did it fail?" without opening each task.
    if getattr(task, "state", None) == "FAILURE" and getattr(task, "exception", None):
        task.exception = one_line_reason(task.exception)
        task.result = task.exception
    elif isinstance(getattr(task, "result", None), str):
        task.result = readable_result(task.result)
    return task
