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


#: A page's title, two paragraphs of its story and a footer, for the chrome tests to put a line among.
TITLE = "Harbour board adds a winter crossing to the outer islands\n\n"
BODY = (
    "The harbour board said on Monday that a second ferry would sail to the outer islands twice a week from "
    "November, after islanders asked for a crossing that did not leave them stranded for the weekend.\n\n"
    "The board will review the timetable in March, when the spring sailings begin again.\n\n"
)
FOOTER = "\n\nPrivacy | Terms | Contact\n© 2026 Island Ferries Gazette\n"
