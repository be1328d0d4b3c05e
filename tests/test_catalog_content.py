"""The shipped catalog: traceable to the guide, unambiguous, and its own advice satisfies it."""

from __future__ import annotations

import re
from collections import defaultdict

import pytest

from tailor.catalog import load_catalog
from tailor.match import KeywordMatcher, form_variants, is_case_sensitive
from tailor.models import Category, Keyword, Line, Section, Source, Weight
from tailor.nlp import build_pipeline

from .conftest import LEVELS
from .update_guide_sources import REGISTRY, all_sources, digest, normalise

CATALOG = load_catalog()
TRACKS = {"predictive-care", "digital-health", "sdoh", "precision-medicine",
          "behavioral-chronic", "value-based-care"}
# Words that alone would fire on unrelated text; an alias must never be just one of these.
GENERIC = {"care", "plan", "team", "data", "support", "communication", "patient", "health",
           "management", "planning", "service", "services", "quality", "report", "reports",
           "case", "family", "resources", "policy", "training", "leadership", "budget", "teams",
           "word", "office", "excel", "outlook", "epic", "zoom", "nurse", "social", "work"}


def test_catalog_is_substantial_and_covers_every_category() -> None:
    assert len(CATALOG.keywords) >= 90
    assert {kw.category for kw in CATALOG.keywords} == set(Category)
    assert [lvl.name for lvl in CATALOG.levels] == list(LEVELS)


def test_every_source_was_verified_against_the_guide() -> None:
    verified = set(REGISTRY.read_text(encoding="utf-8").split())
    stale = [where for where, source in all_sources(CATALOG) if digest(source) not in verified]
    assert not stale, f"run tests/update_guide_sources.py beside the guide; unverified: {stale}"


def test_requirements_and_tracks_quote_the_guide(guide_text: str) -> None:
    guide = normalise(guide_text)
    assert [where for where, source in all_sources(CATALOG) if normalise(source) not in guide] \
        == []


def test_each_rungs_focus_areas_are_named_by_its_own_guide_text() -> None:
    by_id = {kw.id: kw for kw in CATALOG.keywords}
    for level in CATALOG.levels:
        text = normalise(f"{level.summary} {level.focus}").lower()
        assert len(level.focus_keywords) >= 5, level.name
        for ident in level.focus_keywords:
            kw = by_id[ident]
            forms = [kw.term, *kw.aliases]
            assert kw.source.lower() in text or any(f.lower() in text for f in forms), \
                (level.name, ident)
            assert kw.category not in (Category.CREDENTIAL, Category.EDUCATION), ident


def test_requirements_cover_degrees_licences_and_certifications() -> None:
    reqs = {r.id: r for r in CATALOG.requirements}
    assert reqs["bachelors-degree"].levels == tuple(LEVELS)
    assert reqs["bachelors-degree"].weight is Weight.REQUIRED
    assert "assistant" not in reqs["masters-degree"].levels
    assert {"registered-nurse", "lcsw"} <= set(reqs["clinical-license"].keywords)
    assert {"ccm", "acm"} <= set(reqs["case-management-certification"].keywords)
    assert reqs["quality-certification"].keywords == ("cphq",)


def test_every_source_is_verbatim_in_the_guide(guide_text: str) -> None:
    guide = normalise(guide_text)
    assert [kw.id for kw in CATALOG.keywords if normalise(kw.source) not in guide] == []


@pytest.mark.parametrize("probe", [
    "Epic", "Cerner", "Meditech", "Allscripts", "Microsoft Office", "Microsoft Teams", "Zoom",
    "telehealth", "HIPAA", "Medicare", "Medicaid", "HMO", "PPO", "RN", "LCSW", "CCM", "ACM",
    "CPHQ", "BSN", "BSW", "MSW", "MPH", "MSN", "motivational interviewing",
    "discharge planning", "care coordination", "risk stratification", "predictive analytics",
    "quality improvement", "caseload distribution", "quality assurance", "budget management",
    "strategic planning", "change management", "stakeholder engagement", "pharmacogenomics",
    "remote patient monitoring", "social determinants of health", "value-based care",
    "population health",
])
def test_the_issue_named_terms_are_recognised(probe: str) -> None:
    matcher = KeywordMatcher(CATALOG.keywords)
    line = Line(1, f"Experience with {probe} daily.", Source.BODY, Section.EXPERIENCE)
    assert any(r.found for r in matcher.find([line])), f"{probe!r} matches no catalog entry"


def test_no_form_belongs_to_two_entries() -> None:
    nlp = build_pipeline()
    owner: dict[tuple[str, ...], str] = {}
    clashes = []
    for kw in CATALOG.keywords:
        for form in (kw.term, *kw.aliases):
            sensitive = is_case_sensitive(form, kw)
            for variant in form_variants(form, sensitive):
                key = tuple(t.text if sensitive else t.lemma_ for t in nlp(variant))
                if owner.setdefault(key, kw.id) != kw.id:
                    clashes.append((form, owner[key], kw.id))
    assert clashes == []


def test_no_alias_is_a_lone_generic_word() -> None:
    lone = [(kw.id, a) for kw in CATALOG.keywords for a in (kw.term, *kw.aliases)
            if a.lower() in GENERIC and not (kw.match_case or a.isupper())]
    assert lone == []


def test_groups_are_consistent() -> None:
    groups: dict[str, list[Keyword]] = defaultdict(list)
    for kw in CATALOG.keywords:
        if kw.group:
            groups[kw.group].append(kw)
    assert len(groups) >= 4
    for name, members in groups.items():
        assert len(members) >= 2, name
        assert len({m.levels for m in members}) == 1, f"group {name} mixes levels"
        assert len({m.category for m in members}) == 1, f"group {name} mixes categories"


def test_tracks_are_the_guides_six_and_each_has_entries() -> None:
    used = {kw.track for kw in CATALOG.keywords if kw.track}
    assert used == TRACKS == {t.id for t in CATALOG.tracks}
    assert len(CATALOG.track_why) >= 1
    for trk in CATALOG.tracks:
        assert trk.reasoning and trk.related, trk.id
    for kw in CATALOG.keywords:
        if kw.track:
            assert kw.weight is Weight.PREFERRED


def test_every_level_counts_a_sensible_set() -> None:
    for level in LEVELS:
        entries = CATALOG.for_level(level)
        required = [kw for kw in entries if kw.weight is Weight.REQUIRED]
        assert len(entries) >= 50, level
        assert len(required) >= 15, level
        assert not any(kw.track for kw in entries)
    upper = {kw.id for kw in CATALOG.for_level("director")} - {
        kw.id for kw in CATALOG.for_level("assistant")}
    assert {"strategic-planning", "budget-management", "change-management"} <= upper


_QUOTED = re.compile(r"(?:^|(?<=[\s:(]))'(.{2,}?)'(?=[\s.,;)]|$)")


@pytest.mark.parametrize("kw", [k for k in CATALOG.keywords if _QUOTED.search(k.suggestion)],
                         ids=lambda k: k.id)
def test_following_the_suggestion_satisfies_the_keyword(kw: Keyword) -> None:
    """The sample phrase in each suggestion, pasted into a resume, shows that keyword."""
    samples = _QUOTED.findall(kw.suggestion)
    lines = [Line(i, s, Source.BODY, kw.section) for i, s in enumerate(samples, start=1)]
    (result,) = KeywordMatcher((kw,)).find(lines)
    assert result.found, f"{kw.id}: none of {samples} matches {kw.term!r} or its aliases"


def test_all_entries_have_one_sentence_suggestions() -> None:
    for kw in CATALOG.keywords:
        assert kw.suggestion[0].isupper() and kw.suggestion.endswith((".", ".'", "'.", ")")), kw.id
        assert len(kw.suggestion) <= 400, kw.id
