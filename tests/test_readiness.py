"""Readiness: years from dated roles, each rung's verdict, the rung a resume reads as, the steps."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tailor.api import check, check_resume
from tailor.catalog import load_catalog
from tailor.entries import read_entries
from tailor.errors import UsageError
from tailor.extract import read_resume_bytes
from tailor.models import Readiness, RequirementStatus, RoleKind, Verdict
from tailor.readiness import experience, read_claimed_years

from .conftest import LEVELS

TODAY = date(2026, 11, 24)
DATA = Path(__file__).parent / "data" / "readiness"
CATALOG = load_catalog()


def resume(*experience_lines: str, summary: str = "", extra: str = "") -> str:
    """A plain-text resume with the given experience section."""
    parts = ["Jordan Lee", "jordan.lee@example.com | 555-201-3344", ""]
    if summary:
        parts += ["SUMMARY", summary, ""]
    parts += ["EXPERIENCE", *experience_lines, ""]
    if extra:
        parts += [extra, ""]
    return "\n".join(parts)


def ready(text: str, level: str = "care-manager", **kwargs: object) -> Readiness:
    report = check_resume(read_resume_bytes(text.encode(), "resume.txt"), level=level,
                          catalog=CATALOG, today=TODAY, **kwargs)  # type: ignore[arg-type]
    assert report.readiness is not None
    return report.readiness


def rung(result: Readiness, level: str):  # type: ignore[no-untyped-def]
    return next(r for r in result.rungs if r.level == level)


# ----------------------------------------------------------------------------------------------
# The three people of the issue


def test_a_new_graduate_reads_as_assistant_with_the_degree_in_progress() -> None:
    report = check(DATA / "new-graduate.txt", level="auto", today=TODAY)
    r = report.readiness
    assert r is not None and r.auto
    assert r.reads_as == "assistant" and report.level == "assistant"
    exp = r.experience
    assert exp.years_relevant == 1.4  # 4 months' internship + 26 months part-time at half
    assert exp.years_other == 2.0  # the barista years, 2022 – 2024
    kinds = {role.title: role for role in exp.roles}
    assert kinds["Social Work Intern"].kind is RoleKind.SOCIAL_SERVICES
    assert kinds["Barista"].kind is RoleKind.OTHER and kinds["Barista"].counted
    assert "counted at half" in " ".join(kinds["Resident Assistant (part-time)"].notes)
    assert not kinds["Volunteer"].counted
    degree = next(q for q in r.asked.requirements if q.id == "bachelors-degree")
    assert degree.status is RequirementStatus.IN_PROGRESS
    assert r.asked.verdict is Verdict.PARTLY
    assert r.above is not None and r.above.level == "care-manager"
    assert r.above.verdict is Verdict.NO  # 0.6 years short and little care-manager work yet
    # "under the supervision of an LCSW" is a colleague's licence, not hers.
    licence = next(q for q in r.above.requirements if q.id == "clinical-license")
    assert licence.status is RequirementStatus.MISSING
    assert any("in progress" in s.text for s in r.steps)


def test_an_rn_with_six_years_reads_as_care_manager_and_is_partly_ready_for_senior() -> None:
    r = check(DATA / "experienced-rn.txt", level="senior", today=TODAY).readiness
    assert r is not None and not r.auto
    assert r.reads_as == "care-manager"
    assert r.experience.years_relevant == 7.1
    assert r.experience.claimed_years == 6.0
    assert r.experience.years_care_management == 2.9  # the transitions-of-care role
    assert r.asked.level == "senior" and r.asked.verdict is Verdict.PARTLY
    assert r.asked.years_short == 0
    assert r.asked.focus_found <= 2
    assert "a third is needed" in " ".join(r.reads_as_why)
    assert all(s.level in ("senior", "lead") for s in r.steps)
    assert any(s.kind == "focus" for s in r.steps)


def test_a_social_work_supervisor_reads_as_supervisor() -> None:
    report = check(DATA / "social-work-supervisor.txt", level="auto", today=TODAY)
    r = report.readiness
    assert r is not None
    assert r.reads_as == "supervisor" and report.level == "supervisor"
    assert r.experience.years_relevant == 15.3
    assert 'title is "Care Management Supervisor"' in " ".join(r.reads_as_why)
    assert r.asked.verdict is Verdict.YES
    assert {q.id: q.status for q in r.asked.requirements}["clinical-license"] \
        is RequirementStatus.MET
    assert all(rung(r, name).verdict is Verdict.YES
               for name in ("assistant", "care-manager", "senior", "lead"))
    assert r.above is not None and r.above.level == "director"
    assert r.above.verdict is Verdict.NO  # the years are there, none of a director's work
    assert "shows 0 of the rung's 8 focus areas" in r.above.reasons
    assert any(s.level == "director" and s.kind == "focus" for s in r.steps)


def test_every_step_rests_on_the_guide_or_the_ladder(guide_text: str) -> None:
    guide = " ".join(guide_text.split())
    for name in ("new-graduate", "experienced-rn", "social-work-supervisor"):
        r = check(DATA / f"{name}.txt", level="auto", today=TODAY).readiness
        assert r is not None and 1 <= len(r.steps) <= 5
        for step in r.steps:
            assert step.source in guide or "(the guide's career path)" in step.source, step


# ----------------------------------------------------------------------------------------------
# Years


def test_overlapping_roles_count_once_and_say_so() -> None:
    r = ready(resume(
        "Care Manager | Riverside Health | January 2020 – December 2021",
        "- Managed a caseload of 60 adults",
        "Case Manager (weekends) | Mercy Home Care | June 2021 – May 2022",
        "- Coordinated home health services",
    ))
    assert r.experience.years_relevant == 2.4  # Jan 2020 – May 2022: 29 months
    assert any("same time" in w for w in r.experience.warnings)


def test_resumes_without_dates_warn_and_use_a_claim_when_there_is_one() -> None:
    undated = ready(resume("Care Manager | Riverside Health", "- Managed a caseload of 60"))
    assert not undated.experience.dated and undated.experience.years_relevant == 0
    assert any("without dates" in w for w in undated.experience.warnings)
    assert undated.asked.years_short is None and undated.asked.verdict is not Verdict.YES
    assert any(s.kind == "dates" for s in undated.steps)
    claimed = ready(resume("Care Manager | Riverside Health", "- Managed a caseload of 60",
                           summary="Care manager with 10+ years of experience in case "
                                   "management."))
    assert claimed.experience.claimed_years == 10
    assert claimed.asked.years_short == 0
    assert "as the summary claims" in " ".join(claimed.asked.reasons)


@pytest.mark.parametrize(("dates", "problem"), [
    ("March 2027 – Present", "starts in the future"),
    ("2022 – 2019", "end is before its start"),
    ("May 2026 (expected)", "expected or planned"),
])
def test_impossible_ranges_are_warned_about_and_not_counted(dates: str, problem: str) -> None:
    r = ready(resume(f"Care Manager | Riverside Health | {dates}", "- Led care planning"))
    assert r.experience.years_relevant == 0
    assert any(problem in w for w in r.experience.warnings), r.experience.warnings
    assert not r.experience.roles[0].counted


def test_a_range_ending_next_year_counts_to_today() -> None:
    r = ready(resume("Care Manager | Riverside Health | January 2026 – June 2027",
                     "- Managed a caseload"))
    assert r.experience.years_relevant == round(11 / 12, 1)
    assert "counted to today" in " ".join(r.experience.roles[0].notes)


def test_year_only_ranges_count_their_difference_and_a_lone_year_half() -> None:
    r = ready(resume("Care Coordinator | Acme Clinic | 2019 – 2021", "- Coordinated care",
                     "Patient Navigator | Acme Clinic | 2017", "- Navigated patients"))
    assert r.experience.years_relevant == 2.5  # 24 months + 6
    assert any("six months" in n for role in r.experience.roles for n in role.notes)


def test_a_thirty_year_career_is_fine_and_a_typo_is_flagged() -> None:
    long = ready(resume("Director of Care Management | State Health | June 1995 – Present",
                        "- Led strategic planning, budget management and change management"))
    assert long.experience.years_relevant == 31.5
    assert not long.experience.warnings
    typo = ready(resume("Care Manager | Acme | 1952 – Present", "- Care plans",
                        "Nurse | Mercy | 1960 – Present", "- Patient care"))
    assert any("check the dates" in w for w in typo.experience.warnings)


def test_part_time_volunteer_and_rotations() -> None:
    r = ready(resume(
        "Care Coordinator (part-time) | Acme Clinic | January 2024 – December 2024",
        "- Coordinated appointments",
        "Clinical Rotation, Medical-Surgical Unit | Mercy Hospital | January 2023 – May 2023",
        "- Provided care for 4 patients",
        extra="VOLUNTEER EXPERIENCE\nVolunteer | Food Pantry | January 2020 – December 2022\n"
              "- Served families",
    ))
    roles = {role.title: role for role in r.experience.roles}
    assert r.experience.years_relevant == 0.5
    assert not roles["Clinical Rotation, Medical-Surgical Unit"].counted
    assert not roles["Volunteer"].counted


def test_summary_claims_are_read_and_checked_against_the_dates() -> None:
    assert read_claimed_years("Registered Nurse with seven years of clinical experience") == 7
    assert read_claimed_years("over 15 years' experience in care management") == 15
    assert read_claimed_years("Managed 60 patients a year") is None
    assert read_claimed_years("a 2-year degree") is None
    r = ready(resume("Care Manager | Riverside Health | January 2024 – Present",
                     "- Managed a caseload",
                     summary="Care manager with 12 years of experience."))
    assert any("claims 12 years" in w for w in r.experience.warnings)


def test_roles_are_classed_by_title_then_duties() -> None:
    r = ready(resume(
        "RN Case Manager | Mercy | January 2024 – Present", "- Assessed members",
        "Medical Social Worker | Rush | January 2022 – December 2023", "- Counselled families",
        "Staff Nurse | Mercy | January 2020 – December 2021", "- Cared for 5 patients",
        "Program Associate | Acme | January 2019 – December 2019",
        "- Built care plans and managed a caseload of 40 members",
        "Cashier | Kroger | January 2018 – December 2018", "- Handled the register",
    ))
    kinds = [role.kind for role in r.experience.roles]
    assert kinds == [RoleKind.CARE_MANAGEMENT, RoleKind.SOCIAL_SERVICES, RoleKind.CLINICAL,
                     RoleKind.CARE_MANAGEMENT, RoleKind.OTHER]
    assert r.experience.roles[3].why.startswith("duties")
    assert r.experience.years_other == 1.0


# ----------------------------------------------------------------------------------------------
# Rungs, requirements and the level "auto"


def test_licences_and_certifications_in_progress() -> None:
    r = ready(resume("Care Manager | Riverside | January 2021 – Present", "- Managed a caseload",
                     extra="LICENSES & CERTIFICATIONS\nRegistered Nurse (RN), NCLEX pending\n"
                           "Certified Case Manager (CCM) candidate, exam scheduled March 2027\n"
                           "EDUCATION\nBachelor of Science in Nursing, expected May 2027"))
    statuses = {q.id: q.status for q in r.asked.requirements}
    assert statuses["clinical-license"] is RequirementStatus.IN_PROGRESS
    assert statuses["case-management-certification"] is RequirementStatus.IN_PROGRESS
    assert statuses["bachelors-degree"] is RequirementStatus.IN_PROGRESS
    assert r.asked.verdict is not Verdict.YES


def test_a_licence_with_an_expiry_date_is_held_not_pending() -> None:
    r = ready(resume("Care Manager | Riverside | January 2021 – Present", "- Managed a caseload",
                     extra="LICENSES\nRegistered Nurse (RN), Ohio, expires 08/2028\n"
                           "EDUCATION\nBSN, Ohio State University, 2020"))
    statuses = {q.id: q.status for q in r.asked.requirements}
    assert statuses["clinical-license"] is RequirementStatus.MET
    assert statuses["bachelors-degree"] is RequirementStatus.MET


def test_title_evidence_raises_the_rung_only_when_the_years_are_there() -> None:
    lead = ready(resume("Lead Care Manager | Riverside | January 2017 – Present",
                        "- Guided the team"), level="auto")
    assert lead.reads_as == "lead"
    early = ready(resume("Director of Care Management | Startup | January 2023 – Present",
                         "- Set goals"), level="auto")
    assert early.reads_as != "director"
    assert "names a higher rung than the years reach" in " ".join(early.reads_as_why)


def test_every_rung_is_judged_and_auto_checks_at_the_rung_read() -> None:
    report = check_resume(read_resume_bytes(
        (DATA / "social-work-supervisor.txt").read_bytes(), "x.txt"), level="auto",
        catalog=CATALOG, today=TODAY)
    assert report.readiness is not None
    assert [r.level for r in report.readiness.rungs] == list(LEVELS)
    assert report.level == report.readiness.reads_as
    with pytest.raises(UsageError, match="or auto"):
        check_resume(read_resume_bytes(b"Jane\nEXPERIENCE\nNurse", "x.txt"), level="boss",
                     catalog=CATALOG)


def test_readiness_can_be_left_out() -> None:
    report = check_resume(read_resume_bytes(b"Jane Doe\nEXPERIENCE\nNurse | Mercy | 2020",
                                            "x.txt"), catalog=CATALOG, readiness=False)
    assert report.readiness is None


# ----------------------------------------------------------------------------------------------
# Tracks


def test_a_track_adds_its_entries_and_weighs_them() -> None:
    text = (DATA / "experienced-rn.txt").read_text(encoding="utf-8")
    plain = check_resume(read_resume_bytes(text.encode(), "rn.txt"), catalog=CATALOG,
                         today=TODAY)
    sdoh = check_resume(read_resume_bytes(text.encode(), "rn.txt"), catalog=CATALOG,
                        today=TODAY, tracks=["sdoh", "sdoh"])
    assert sdoh.tracks == ("sdoh",) and plain.tracks == ()
    ids = {r.keyword.id for r in sdoh.keywords}
    assert "sdoh-program" in ids and "sdoh-program" not in {r.keyword.id for r in plain.keywords}
    flagged = [g for g in sdoh.gaps if g.in_track]
    assert flagged and flagged[0].rank == 1  # the track's terms lead the to-do list
    assert {"sdoh-program", "social-determinants-of-health"} <= {
        i for g in flagged for i in g.ids}
    assert not any(g.in_posting for g in sdoh.gaps)
    with pytest.raises(UsageError, match="unknown track 'sdho'; choose one of: predictive-care"):
        check_resume(read_resume_bytes(text.encode(), "rn.txt"), catalog=CATALOG,
                     tracks=["sdho"])


# ----------------------------------------------------------------------------------------------
# Property tests: whatever the dates, sensible totals and no crash

_MONTHS = ["Jan", "February", "Mar.", "Sept", "12/", "06/"]
_date = st.one_of(
    st.builds(lambda m, y: f"{m} {y}" if not m.endswith("/") else f"{m}{y}",
              st.sampled_from(_MONTHS), st.integers(1940, 2110)),
    st.integers(1940, 2110).map(str),
    st.builds(lambda s, y: f"{s} {y}", st.sampled_from(["Summer", "Fall", "Winter"]),
              st.integers(1990, 2030)),
)
_range = st.one_of(
    st.builds(lambda a, b: f"{a} – {b}", _date, _date),
    st.builds(lambda a: f"{a} – Present", _date),
    _date,
    st.text(alphabet="0123456789/-– .'aeinoprstPx", max_size=20),
)
_title = st.sampled_from(["Care Manager", "Staff Nurse", "Barista", "Volunteer",
                          "Social Worker (part-time)", "Clinical Rotation", "Lead Care Manager"])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(_title, _range), max_size=6))
def test_any_dates_give_sensible_totals(roles: list[tuple[str, str]]) -> None:
    lines = []
    for title, dates in roles:
        lines += [f"{title} | Acme Health | {dates}", "- Coordinated care for patients"]
    text = resume(*lines)
    parsed = read_resume_bytes(text.encode(), "r.txt")
    exp = experience(read_entries(parsed), TODAY)
    assert 0 <= exp.years_care_management <= exp.years_relevant <= exp.years_total + 0.05
    assert exp.years_total <= TODAY.year - 1940 + 1
    assert all(role.months >= 0 for role in exp.roles)
    assert all(role.months == 0 for role in exp.roles if not role.counted)
    r = ready(text, level="auto")
    assert r.reads_as in LEVELS
    assert len(r.rungs) == len(LEVELS) and len(r.steps) <= 5


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(_title, _range), min_size=1, max_size=4))
def test_repeating_a_role_never_changes_the_totals(roles: list[tuple[str, str]]) -> None:
    lines = [line for title, dates in roles
             for line in (f"{title} | Acme Health | {dates}", "- Coordinated care")]
    once = experience(read_entries(read_resume_bytes(resume(*lines).encode(), "a.txt")), TODAY)
    twice = experience(read_entries(read_resume_bytes(resume(*lines, *lines).encode(), "b.txt")),
                       TODAY)
    assert (once.years_relevant, once.years_total) == (twice.years_relevant, twice.years_total)


@given(st.text(max_size=300))
def test_claimed_years_never_raise(text: str) -> None:
    value = read_claimed_years(text)
    assert value is None or 0 < value <= 60


def test_a_report_carries_its_own_track_titles(tmp_path: Path) -> None:
    import shutil

    from tailor.report import render_json, render_text
    from tailor.resources import data_dir

    folder = tmp_path / "catalog"
    shutil.copytree(data_dir("keywords"), folder)
    tracks = folder / "tracks.yaml"
    tracks.write_text(tracks.read_text(encoding="utf-8").replace(
        "title: Social Determinants of Health (SDOH) Care Manager",
        "title: Community Health & SDOH Track"), encoding="utf-8")
    catalog = load_catalog(directory=folder)
    report = check_resume(read_resume_bytes((DATA / "new-graduate.txt").read_bytes(), "g.txt"),
                          catalog=catalog, tracks=["sdoh"], today=TODAY)
    assert report.track_details[0].title == "Community Health & SDOH Track"
    assert report.track_why == catalog.track_why
    assert "Community Health & SDOH Track" in render_text(report, width=100)
    assert '"title": "Community Health & SDOH Track"' in render_json(report)
