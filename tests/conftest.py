"""Shared test helpers: building lines and keywords by hand, and where the shared corpus lives."""

from __future__ import annotations

from pathlib import Path

import pytest

from tailor.models import Category, Keyword, Line, Section, Source, Weight

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
GUIDE = SHARED / "guide" / "care-manager-career-guide.txt"
LEVELS = ("assistant", "care-manager", "senior", "lead", "supervisor", "director")


def make_keyword(id: str, term: str, *aliases: str, category: Category = Category.RESPONSIBILITY,
                 weight: Weight = Weight.REQUIRED, levels: tuple[str, ...] = LEVELS,
                 group: str | None = None, match_case: bool = False,
                 section: Section = Section.EXPERIENCE, track: str | None = None) -> Keyword:
    """A catalog entry built in code, for tests that must not depend on the shipped catalog."""
    return Keyword(id=id, term=term, aliases=aliases, category=category, weight=weight,
                   levels=levels, source=f"source of {term}", suggestion=f"Show {term}.",
                   section=section, group=group, match_case=match_case, track=track)


def make_lines(*texts: str, section: Section = Section.EXPERIENCE,
               source: Source = Source.BODY) -> list[Line]:
    """Numbered lines; a text starting with "~" is a soft-wrapped continuation."""
    return [
        Line(number=i, text=t.removeprefix("~"), source=source, section=section,
             wrap=t.startswith("~"))
        for i, t in enumerate(texts, start=1)
    ]


@pytest.fixture
def guide_text() -> str:
    if not GUIDE.is_file():
        pytest.skip(f"the career guide is not beside the repo ({GUIDE})")
    return GUIDE.read_text(encoding="utf-8")
