"""Scoring: weights, groups of alternatives, per-category coverage and gap ranking."""

from __future__ import annotations

from tailor.models import Category, Evidence, KeywordResult, MatchKind, Section, Source, Weight
from tailor.score import score_results

from .conftest import LEVELS, make_keyword


def result(kw, found: bool) -> KeywordResult:  # type: ignore[no-untyped-def]
    ev = (Evidence(1, "line", Section.EXPERIENCE, Source.BODY, MatchKind.EXACT, "x"),)
    return KeywordResult(kw, ev if found else ())


def test_required_counts_double_and_score_rounds() -> None:
    a = make_keyword("a", "alpha")                      # required: 2 points
    b = make_keyword("b", "beta", weight=Weight.PREFERRED)   # preferred: 1 point
    c = make_keyword("c", "gamma", weight=Weight.PREFERRED)
    s = score_results([result(a, True), result(b, False), result(c, False)], LEVELS)
    assert s.score == 50  # 2 of 4 points
    assert (s.required.found, s.required.total) == (1, 1)
    assert (s.preferred.found, s.preferred.total) == (0, 2)


def test_a_group_is_one_unit_satisfied_by_any_member() -> None:
    epic = make_keyword("epic", "Epic", category=Category.TOOL, group="ehr")
    cerner = make_keyword("cerner", "Cerner", category=Category.TOOL, group="ehr")
    hipaa = make_keyword("hipaa", "HIPAA", category=Category.REGULATION)
    s = score_results([result(epic, False), result(cerner, True), result(hipaa, False)], LEVELS)
    assert s.score == 50
    assert s.required.total == 2
    (gap,) = s.gaps
    assert gap.label == "HIPAA"
    tools = next(c for c in s.categories if c.category is Category.TOOL)
    assert (tools.found, tools.total, tools.percent) == (1, 1, 100)


def test_missing_group_reads_as_alternatives() -> None:
    members = [make_keyword(i, t, group="lic", category=Category.CREDENTIAL)
               for i, t in (("rn", "RN"), ("lcsw", "LCSW"), ("lmsw", "LMSW"))]
    s = score_results([result(k, False) for k in members], LEVELS)
    assert s.gaps[0].label == "RN, LCSW or LMSW"
    assert s.gaps[0].ids == ("rn", "lcsw", "lmsw")


def test_gap_ranking_required_then_focus_then_category() -> None:
    pref = make_keyword("pref", "nice thing", weight=Weight.PREFERRED)
    tool = make_keyword("tool", "a tool", category=Category.TOOL)
    resp = make_keyword("resp", "a duty")
    focus = make_keyword("focus", "risk stratification", category=Category.LEADERSHIP,
                         levels=("senior", "lead"))
    s = score_results([result(k, False) for k in (pref, tool, resp, focus)], LEVELS)
    assert [g.ids[0] for g in s.gaps] == ["focus", "resp", "tool", "pref"]
    assert [g.rank for g in s.gaps] == [1, 2, 3, 4]


def test_nothing_to_count_scores_zero() -> None:
    s = score_results([], LEVELS)
    assert s.score == 0 and s.gaps == () and s.categories == ()
