"""Scoring: keyword results + weights → a 0-100 score, per-category coverage and ranked gaps."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

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
        members: positions of its keywords in the scored sequence.
        weight: required if any member is required.
        lead: the member that speaks for the unit: the first one with the unit's weight.
        label: how reports name it: the term, or the alternatives joined with "or".
        ids: the members' ids.
    """

    key: str
    members: tuple[int, ...]
    weight: Weight
    lead: Keyword
    label: str
    ids: tuple[str, ...]

    @property
    def points(self) -> int:
        """Points this unit is worth."""
        return WEIGHT_POINTS[self.weight]


@dataclass(frozen=True, slots=True)
class Plan:
    """How one sequence of keywords is scored; the same for every resume, so built once.

    Attributes:
        units: the scoring units, in catalog order of their first member.
        ranking: unit positions in to-do order (required first, the level's own focus areas
            first, then by category, then catalog order).
    """

    units: tuple[Unit, ...]
    ranking: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class Score:
    """The score of one resume against one set of keywords."""

    score: int
    required: Coverage
    preferred: Coverage
    categories: tuple[CategoryScore, ...]
    gaps: tuple[Gap, ...]


def plan_scoring(keywords: Sequence[Keyword], all_levels: Sequence[str] = ()) -> Plan:
    """Fold keywords into scoring units and rank them for the to-do list.

    Args:
        keywords: the counted keywords, in catalog order.
        all_levels: the ladder's level names; a keyword that applies to fewer levels is a
            level's own focus area and ranks first among missing units of equal weight.
    """
    groups: dict[str, list[int]] = {}
    for i, kw in enumerate(keywords):
        groups.setdefault(kw.group or f"id:{kw.id}", []).append(i)
    units = []
    for key, members in groups.items():
        kws = [keywords[i] for i in members]
        weight = (Weight.REQUIRED if any(k.weight is Weight.REQUIRED for k in kws)
                  else Weight.PREFERRED)
        lead = next(k for k in kws if k.weight is weight)
        terms = [k.term for k in kws]
        label = terms[0] if len(terms) == 1 else ", ".join(terms[:-1]) + " or " + terms[-1]
        units.append(Unit(key, tuple(members), weight, lead, label, tuple(k.id for k in kws)))
    everywhere = len(set(all_levels))

    def rank_key(position: int) -> tuple[bool, int, int, int]:
        unit = units[position]
        focus = 0 if everywhere and len(unit.lead.levels) < everywhere else 1
        return (unit.weight is not Weight.REQUIRED, focus,
                _CATEGORY_ORDER[unit.lead.category], position)

    return Plan(tuple(units), tuple(sorted(range(len(units)), key=rank_key)))


_PLANS: dict[tuple[int, ...], tuple[tuple[Keyword, ...], Plan]] = {}


def _cached_plan(keywords: tuple[Keyword, ...], all_levels: Sequence[str]) -> Plan:
    """plan_scoring, cached by the identity of the (immutable, cached) keyword objects."""
    key = (*map(id, keywords), len(set(all_levels)))
    hit = _PLANS.get(key)
    if hit is not None and all(a is b for a, b in zip(hit[0], keywords, strict=True)):
        return hit[1]
    plan = plan_scoring(keywords, all_levels)
    if len(_PLANS) >= 16:
        del _PLANS[next(iter(_PLANS))]
    _PLANS[key] = (keywords, plan)
    return plan


@lru_cache(maxsize=4096)
def _example(keyword: Keyword, band: str) -> str:
    """A keyword's example bullet for a band (cached: the same few hundred are asked for)."""
    return keyword.example(band)


def score_results(results: Sequence[KeywordResult], all_levels: Sequence[str] = (), *,
                  boost: frozenset[str] = frozenset(), band: str = "mid") -> Score:
    """Score keyword results.

    Args:
        results: every counted keyword with its evidence, in catalog order.
        all_levels: the ladder's level names (see plan_scoring).
        boost: ids of keywords a job posting names; their units count double and lead the
            to-do list.
        band: the career band whose example bullets the gaps carry ("early", "mid", "lead").

    Returns:
        The score (weighted share of units shown, required units worth double, units the
        posting names double again), coverage by weight and by category, and the missing
        units ranked: those the posting names first, then required before preferred, the
        level's own focus areas first, then by category.
    """
    plan = _cached_plan(tuple(r.keyword for r in results), all_levels)
    found = [bool(results[unit.members[0]].evidence) if len(unit.members) == 1
             else any(results[i].evidence for i in unit.members) for unit in plan.units]
    named = [bool(boost) and not boost.isdisjoint(unit.ids) for unit in plan.units]
    per_category: dict[Category, list[int]] = {}
    per_weight = {Weight.REQUIRED: [0, 0], Weight.PREFERRED: [0, 0]}
    for unit, shown, asked in zip(plan.units, found, named, strict=True):
        points = WEIGHT_POINTS[unit.weight] * (2 if asked else 1)
        tally = per_category.setdefault(unit.lead.category, [0, 0, 0, 0])
        tally[1] += 1
        tally[3] += points
        per_weight[unit.weight][1] += 1
        if shown:
            tally[0] += 1
            tally[2] += points
            per_weight[unit.weight][0] += 1
    got = sum(t[2] for t in per_category.values())
    total = sum(t[3] for t in per_category.values())
    ranking = sorted(plan.ranking, key=lambda i: not named[i]) if boost else plan.ranking
    missing = [(plan.units[i], named[i]) for i in ranking if not found[i]]
    return Score(
        score=round(100 * got / total) if total else 0,
        required=Coverage(*per_weight[Weight.REQUIRED]),
        preferred=Coverage(*per_weight[Weight.PREFERRED]),
        categories=tuple(CategoryScore(c, *per_category[c])
                         for c in Category if c in per_category),
        gaps=tuple(
            Gap(rank, unit.ids, unit.label, unit.lead.category, unit.weight, unit.lead.section,
                unit.lead.suggestion, unit.lead.source, _example(unit.lead, band), asked)
            for rank, (unit, asked) in enumerate(missing, start=1)
        ),
    )
