"""Flower as a read-only dashboard: a dashboard user can look, not act.

Flower's API can send any task by name (``/api/task/async-apply/...``),
revoke or abort tasks, and shut down or resize workers. pagemill's tasks move
files, so those routes are replaced, before Flower builds its app, by one that
answers 403 to everyone; the task and worker lists, task details, the broker
page and Flower's own metrics stay.
"""

from __future__ import annotations

import re

import tornado.web

# Every Flower route that acts on tasks or workers rather than showing them.
ACTING_ROUTES = re.compile(
    r"^/api/(task/(apply|async-apply|send-task|abort|timeout|rate-limit|revoke)"
    r"|worker/(shutdown|pool|queue))/"
)


class Refused(tornado.web.RequestHandler):
    def check_xsrf_cookie(self) -> None:
        """Refused either way; skipping the check lets the caller read why."""

    def _refuse(self, *_args, **_kwargs) -> None:
        self.set_status(403)
        self.set_header("Content-Type", "text/plain; charset=utf-8")
        self.finish(
            "pagemill's dashboard is read-only: tasks cannot be sent, revoked or aborted, "
            "nor workers controlled, from here. Drop a page into the inbox to process it; "
            "stop or scale workers with `pagemill` on the host.\n"
        )

    get = post = put = delete = patch = _refuse


def make_read_only() -> int:
    """Swap Flower's acting routes for :class:`Refused`, in place; returns how many."""
    from flower import urls

    swapped = 0
    for i, handler in enumerate(urls.handlers):
        pattern = handler[0] if isinstance(handler, tuple) else handler.regex.pattern
        if ACTING_ROUTES.match(pattern):
            urls.handlers[i] = (pattern, Refused)
            swapped += 1
    return swapped
