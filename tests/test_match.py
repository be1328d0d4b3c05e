"""Keyword matching: whole tokens, case rules, lemmas, line wraps, evidence and match kinds."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tailor.match import KeywordMatcher, form_variants, is_case_sensitive
from tailor.models import Category, MatchKind, Section, Source

from .conftest import make_keyword, make_lines

CARE = make_keyword("care-coordination", "care coordination", "coordinate care",
                    "coordinated care for", "care coordinator")
RN = make_keyword("rn", "RN", "Registered Nurse", category=Category.CREDENTIAL)
EPIC = make_keyword("epic", "Epic", "Epic Systems", category=Category.TOOL, match_case=True)
EXCEL = make_keyword("excel", "Excel", "Microsoft Excel", category=Category.TOOL, match_case=True)
HF = make_keyword("heart-failure", "heart failure")
MI = make_keyword("mi", "motivational interviewing")
FU = make_keyword("follow-up", "follow-up calls")
CCM = make_keyword("ccm", "Certified Case Manager", "CCM", category=Category.CREDENTIAL)
BACH = make_keyword("bachelor", "bachelor's degree in nursing", category=Category.EDUCATION)
ALL = (CARE, RN, EPIC, EXCEL, HF, MI, FU, CCM, BACH)


@pytest.fixture(scope="module")
def matcher() -> KeywordMatcher:
    return KeywordMatcher(ALL)


def hits(matcher: KeywordMatcher, *texts: str) -> dict[str, list[tuple[int, str, str]]]:
    results = matcher.find(make_lines(*texts))
    return {r.keyword.id: [(e.line, e.kind.value, e.matched) for e in r.evidence]
            for r in results if r.found}


def test_capitalised_bullet_start_matches_through_lemmas(matcher: KeywordMatcher) -> None:
    # spaCy's own lookup lemmatizer misses "Coordinated"/"Motivational" at a bullet start
    found = hits(matcher, "Coordinating Care across 4 clinics",
                 "Motivational Interviewing with 30 members")
    assert found["care-coordination"] == [(1, "lemma", "Coordinating Care")]
    assert found["mi"] == [(2, "exact", "Motivational Interviewing")]


def test_match_kinds_exact_alias_lemma(matcher: KeywordMatcher) -> None:
    found = hits(matcher, "Care Coordination", "Coordinated care for 40 adults",
                 "coordinates care daily", "Care coordinators met weekly")
    assert found["care-coordination"] == [
        (1, "exact", "Care Coordination"),
        (2, "alias", "Coordinated care for"),
        (3, "lemma", "coordinates care"),
        (4, "lemma", "Care coordinators"),
    ]


def test_whole_tokens_only(matcher: KeywordMatcher) -> None:
    found = hits(matcher, "Visited the epicenter to learn turns", "Our unit will excel at this",
                 "an epic journey", "Barn and yarn")
    assert found == {}


def test_acronyms_are_case_sensitive(matcher: KeywordMatcher) -> None:
    assert "rn" not in hits(matcher, "rn rn Rn")
    found = hits(matcher, "Licensed RN since 2015", "Mentored 6 RNs", "BSN-RN")
    assert [h[0] for h in found["rn"]] == [1, 2, 3]
    assert found["rn"][1][2] == "RNs"


def test_match_case_products_accept_capitals(matcher: KeywordMatcher) -> None:
    found = hits(matcher, "Charted in EPIC and Epic Systems", "Microsoft excel reports",
                 "EXCEL dashboards")
    assert found["epic"] == [(1, "exact", "EPIC")]  # one line, counted once, best kind first
    assert [h[0] for h in found["excel"]] == [2, 3]


def test_phrase_broken_across_a_soft_wrap(matcher: KeywordMatcher) -> None:
    found = hits(matcher, "Managed 40 patients with heart", "~failure and COPD")
    assert found["heart-failure"] == [(1, "exact", "heart failure")]
    results = matcher.find(make_lines("Managed 40 patients with heart", "~failure and COPD"))
    evidence = next(r for r in results if r.keyword.id == "heart-failure").evidence[0]
    assert evidence.text == "Managed 40 patients with heart failure and COPD"


def test_no_match_across_separate_paragraphs(matcher: KeywordMatcher) -> None:
    assert "heart-failure" not in hits(matcher, "Cardiac unit: heart", "failure rates fell")


def test_hyphen_and_space_spellings_are_one(matcher: KeywordMatcher) -> None:
    found = hits(matcher, "Made follow up calls", "Made follow-up calls", "Care-coordination lead")
    assert [h[0] for h in found["follow-up"]] == [1, 2]
    assert found["care-coordination"][0][0] == 3


def test_possessive_spellings(matcher: KeywordMatcher) -> None:
    found = hits(matcher, "Bachelors degree in nursing", "Bachelor's Degree in Nursing",
                 "bachelor degree in nursing")
    assert [h[0] for h in found["bachelor"]] == [1, 2, 3]


def test_overlapping_forms_count_once_per_line(matcher: KeywordMatcher) -> None:
    found = hits(matcher, "Certified Case Manager (CCM), CCM #12345")
    assert found["ccm"] == [(1, "exact", "Certified Case Manager")]


def test_placeholders_are_no_evidence(matcher: KeywordMatcher) -> None:
    found = hits(matcher, "Charted in [Epic] for [number] patients",
                 "Used [care coordination] and [RN] notes", "Charted in Epic")
    assert found["epic"] == [(3, "exact", "Epic")]
    assert "rn" not in found and "care-coordination" not in found


def test_evidence_keeps_section_and_source() -> None:
    matcher = KeywordMatcher((RN,))
    lines = make_lines("Jane Doe, RN", section=Section.CONTACT, source=Source.HEADER)
    (result,) = matcher.find(lines)
    assert result.found
    assert result.evidence[0].section is Section.CONTACT
    assert result.evidence[0].source is Source.HEADER
    assert result.evidence[0].kind is MatchKind.EXACT


def test_empty_resume_finds_nothing(matcher: KeywordMatcher) -> None:
    assert not any(r.found for r in matcher.find([]))


def test_case_rules() -> None:
    assert is_case_sensitive("RN", CARE)
    assert is_case_sensitive("HIPAA", CARE)
    assert not is_case_sensitive("care coordination", CARE)
    assert not is_case_sensitive("A", CARE)
    assert is_case_sensitive("Epic", EPIC)


def test_variants() -> None:
    assert form_variants("negotiation and advocacy", False) == {
        "negotiation and advocacy", "negotiation & advocacy"}
    assert "EMRs" in form_variants("EMR", True)
    assert "long term care" in form_variants("long-term care", False)


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.text(max_size=80), max_size=12))
def test_any_text_matches_without_error(matcher: KeywordMatcher, texts: list[str]) -> None:
    lines = make_lines(*texts)
    results = matcher.find(lines)
    assert len(results) == len(ALL)
    for r in results:
        for e in r.evidence:
            assert 1 <= e.line <= len(lines)
            assert e.matched  # the resume's own words are always shown
