"""The roles a page's segments get from clean, segment and classify, for the role tests of each round."""

from tests.unit.test_clean import make_page
from workers.stages.classify import classify
from workers.stages.clean import clean
from workers.stages.segment import segment


def page_roles(text: str) -> list[tuple[str, str]]:
    """(role, text) of each segment of the page ``text``, in order."""
    page = classify(segment(clean(make_page(text))))
    return [(s.role, s.text) for s in page.segments]


def role_of(text: str, part: str, *, at_start: bool = False) -> str:
    """The role of the first segment that holds ``part`` (that starts with it, with ``at_start``)."""
    return next(role for role, t in page_roles(text) if (t.startswith(part) if at_start else part in t))
