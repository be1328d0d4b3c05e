"""Scoring: keyword results + weights → a 0-100 score, per-category coverage and ranked gaps."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from tailor.models import (
    WEIGHT_POINTS,
    Category,
    CategoryScore,
    Coverage,
    Gap,
    Keyword,
    KeywordResult,
    Weight,
)

_CATEGORY_ORDER = {c: i for i, c in enumerate(Category)}


@dataclass(frozen=True, slots=True)
class Unit:
    """What the score counts: one keyword, or a group of alternatives (any one satisfies it).

    Attributes:
        key: the group name, or "id:" + the keyword id.
        members: the keyword results in the unit, in catalog order.
        found: True when any member is shown.
        weight: required if any member is required.
        lead: the member that speaks for the unit: the first one with the unit's weight.
    """

    key: str
    members: tuple[KeywordResult, ...]
    found: bool
    weight: Weight
    lead: Keyword

    @classmethod
    def of(cls, key: str, members: Sequence[KeywordResult]) -> Unit:
        """Build a unit and settle its derived fields once."""
        weight = (Weight.REQUIRED if any(r.keyword.weight is Weight.REQUIRED for r in members)
                  else Weight.PREFERRED)
        lead = next(r.keyword for r in members if r.keyword.weight is weight)
        return cls(key, tuple(members), any(r.found for r in members), weight, lead)

    @property
    def points(self) -> int:
        """Points this unit is worth."""
        return WEIGHT_POINTS[self.weight]

    @property
    def label(self) -> str:
        """How reports name the unit: its term, or its alternatives joined with "or"."""
        terms = [r.keyword.term for r in self.members]
        if len(terms) == 1:
            return terms[0]
        return ", ".join(terms[:-1]) + " or " + terms[-1]


@dataclass(frozen=True, slots=True)
class Score:
    """The score of one resume against one set of keywords."""

    score: int
    required: Coverage
    preferred: Coverage
    categories: tuple[CategoryScore, ...]
    gaps: tuple[Gap, ...]
    units: tuple[Unit, ...]


def group_units(results: Sequence[KeywordResult]) -> tuple[Unit, ...]:
    """Fold keyword results into scoring units, in catalog order of each unit's first member."""
    order: dict[str, list[KeywordResult]] = {}
    for r in results:
        order.setdefault(r.keyword.group or f"id:{r.keyword.id}", []).append(r)
    return tuple(Unit.of(key, members) for key, members in order.items())


def score_results(results: Sequence[KeywordResult], all_levels: Sequence[str] = ()) -> Score:
    """Score keyword results.

    Args:
        results: every counted keyword with its evidence.
        all_levels: the ladder's level names; keywords that apply to fewer levels are the
            level's own focus areas and rank first among missing keywords of equal weight.

    Returns:
        The score (weighted share of units shown, required units worth double), coverage by
        weight and by category, and the missing units ranked: required before preferred, the
        level's own focus areas first, then by category.
    """
    units = group_units(results)
    total = sum(u.points for u in units)
    got = sum(u.points for u in units if u.found)
    score = round(100 * got / total) if total else 0

    def coverage(weight: Weight) -> Coverage:
        chosen = [u for u in units if u.weight is weight]
        return Coverage(found=sum(u.found for u in chosen), total=len(chosen))

    categories = []
    for category in Category:
        chosen = [u for u in units if u.lead.category is category]
        if chosen:
            categories.append(CategoryScore(
                category=category,
                found=sum(u.found for u in chosen),
                total=len(chosen),
                points_found=sum(u.points for u in chosen if u.found),
                points_total=sum(u.points for u in chosen),
            ))

    everywhere = set(all_levels)

    def rank_key(item: tuple[int, Unit]) -> tuple[int, int, int, int]:
        position, unit = item
        focus = 0 if everywhere and set(unit.lead.levels) != everywhere else 1
        return (unit.weight is not Weight.REQUIRED, focus,
                _CATEGORY_ORDER[unit.lead.category], position)

    missing = sorted(((i, u) for i, u in enumerate(units) if not u.found), key=rank_key)
    gaps = tuple(
        Gap(
            rank=rank,
            ids=tuple(r.keyword.id for r in unit.members),
            label=unit.label,
            category=unit.lead.category,
            weight=unit.weight,
            section=unit.lead.section,
            suggestion=unit.lead.suggestion,
            source=unit.lead.source,
        )
        for rank, (_, unit) in enumerate(missing, start=1)
    )
    return Score(
        score=score,
        required=coverage(Weight.REQUIRED),
        preferred=coverage(Weight.PREFERRED),
        categories=tuple(categories),
        gaps=gaps,
        units=units,
    )
