"""Links between the README and docs/ lead somewhere: the measurements live in docs/, and a renamed
section or moved file must not leave a reader at a dead link."""

import re
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
DOCS = [REPO / "README.md", *sorted((REPO / "docs").glob("*.md"))]
LINK = re.compile(r"\[[^\]]+\]\(([^)\s]+)\)")


def anchors(path: Path) -> set[str]:
    """GitHub's anchors for a Markdown file's headings (code fences skipped)."""
    found, fence = set(), False
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("```"):
            fence = not fence
        elif not fence and line.startswith("#"):
            title = line.lstrip("#").strip().lower()
            found.add(re.sub(r"[^\w\- ]", "", title).replace(" ", "-"))
    return found


def local_links(path: Path) -> list[tuple[Path, str]]:
    text = re.sub(r"```.*?```", "", path.read_text(encoding="utf-8"), flags=re.S)
    out = []
    for target in LINK.findall(text):
        if re.match(r"[a-z]+:", target):
            continue
        file, _, anchor = target.partition("#")
        out.append(((path.parent / file).resolve() if file else path, anchor))
    return out


def test_anchor_of_a_heading_follows_githubs_rule(tmp_path):
    page = tmp_path / "p.md"
    page.write_text("# Top\n```\n# not a heading\n```\n### `pagemill follow` and `GET /feed`\n## Where it's slow (part 5)\n")
    assert anchors(page) == {"top", "pagemill-follow-and-get-feed", "where-its-slow-part-5"}


def test_every_link_between_readme_and_docs_reaches_a_file_and_heading():
    assert len(DOCS) >= 3, "docs/quality.md and docs/performance.md are expected beside the README"
    broken = []
    for doc in DOCS:
        for file, anchor in local_links(doc):
            if not file.exists():
                broken.append(f"{doc.name}: {file} does not exist")
            elif anchor and file.suffix == ".md" and anchor not in anchors(file):
                broken.append(f"{doc.name}: no heading for #{anchor} in {file.name}")
    assert not broken, "\n".join(broken)
