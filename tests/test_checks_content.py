"""Content checks on real files: results, verbs, pronouns, length, dates and buzzwords."""

from __future__ import annotations

from functools import cache

import pytest

from tailor.catalog import load_catalog
from tailor.checks import run_checks
from tailor.extract import read_resume_bytes
from tailor.models import CheckResult, Level, Status
from tests import factories as fx
from tests.factories import GOOD_RESUME, docx_resume, replace_blocks

NAME = "Jane-Doe-Resume.docx"
FIRST_JOB = (
    "Managed a caseload of 65 high-risk adults with heart failure, COPD and diabetes across "
    "three primary care clinics.",
    "Reduced 30-day readmissions by 18% in one year through weekly calls after discharge and "
    "early specialist visits.",
    "Completed 40 comprehensive biopsychosocial assessments a month within 72 hours of referral.",
    "Coordinated care with 12 specialists, home health agencies and behavioral health providers "
    "for members with complex needs.",
    "Educated patients and caregivers on medications using teach-back, raising adherence to 87% "
    "across the caseload.",
    "Documented assessments and care plans in Epic (Healthy Planet) in line with HIPAA and "
    "health-plan requirements.",
)
SUMMARY = GOOD_RESUME[3][1]


@cache
def level(name: str) -> Level:
    return load_catalog().level(name)


def check(data: bytes, check_id: str, name: str = NAME, at: str | None = None) -> CheckResult:
    resume = read_resume_bytes(data, name)
    results = {r.id: r for r in run_checks(resume, level(at) if at else None)}
    return results[check_id]


def with_bullets(*bullets: str) -> tuple[tuple[str, str], ...]:
    """The good resume with its first job's six bullets replaced."""
    changes: dict[str, tuple[tuple[str, str], ...] | str | None] = dict.fromkeys(FIRST_JOB[1:])
    changes[FIRST_JOB[0]] = tuple(("bullet", b) for b in bullets)
    return replace_blocks(GOOD_RESUME, changes)


# ----------------------------------------------------------------------------------------------
# measurable-results


def test_good_bullets_hold_numbers() -> None:
    result = check(docx_resume(), "measurable-results")
    assert result.status is Status.PASS
    assert result.message == ("12 of 13 experience bullets (92%) hold a number. Bullets without "
                              "one: line 13.")
    assert result.lines == ()  # a pass points at no lines; its message names them


@pytest.mark.parametrize(("numbered", "status", "share"), [
    (0, Status.FAIL, "Only 0 of 10 experience bullets (0%)"),
    (2, Status.WARN, "Only 2 of 10 experience bullets (20%)"),
    (4, Status.WARN, "Only 4 of 10 experience bullets (40%)"),
    (5, Status.PASS, "5 of 10 experience bullets (50%)"),
])
def test_share_of_bullets_with_numbers(numbered: int, status: Status, share: str) -> None:
    plain = ["Coordinated care for adults with heart failure and diabetes in the clinic"] * 10
    numbers = ["Coordinated care for 60 adults with heart failure in three clinics",
               "Cut missed follow-up visits by 30% with a reminder workflow",
               "Saved $40,000 a year by moving stable members to telephone visits",
               "Doubled enrolment in the diabetes self-management program",
               "Educated twice as many caregivers as the year before"]
    bullets = numbers[:numbered] + plain[:10 - numbered]
    blocks = (("title", "Jane Doe"), ("p", "jane.doe@example.com | (614) 555-0123"),
              ("h1", "Experience"), ("bold", "Care Manager, Mercy Health"),
              *(("bullet", b) for b in bullets))
    result = check(docx_resume(blocks), "measurable-results")
    assert result.status is status
    assert result.message.startswith(share)
    without = tuple(range(5 + numbered, 15))
    assert result.lines == (without if status is not Status.PASS else ())


def test_count_words_and_no_bullets() -> None:
    """Without list formatting, sentence-like experience lines count; job-title and date lines
    do not; 'doubled', 'twice' and 'half' are numbers."""
    blocks = (("title", "Jane Doe"), ("p", "jane.doe@example.com | (614) 555-0123"),
              ("h1", "Experience"), ("p", "Care Manager, Mercy Health, 2019 – 2024"),
              ("p", "Doubled the number of members enrolled in remote monitoring programs."),
              ("p", "Cut wait times for home health referrals by half within one year."),
              ("p", "Coordinated care with specialists and community agencies for members."))
    result = check(docx_resume(blocks), "measurable-results")
    assert result.status is Status.PASS
    assert result.message == ("2 of 3 experience bullets (67%) hold a number. Bullets without "
                              "one: line 7.")


def test_no_experience_bullets_warn() -> None:
    result = check(docx_resume([("title", "Jane Doe"), ("h1", "Education"),
                                ("p", "BSN, Ohio State University, May 2026")]),
                   "measurable-results")
    assert result.status is Status.WARN
    assert result.message == "No experience bullets were found to check for measurable results."


def test_soft_wrapped_pdf_bullets_count_once() -> None:
    data = fx.pdf_resume()
    result = check(data, "measurable-results", "r.pdf")
    assert result.message.startswith("12 of 13 experience bullets")


# ----------------------------------------------------------------------------------------------
# action-verbs


def test_weak_openers_are_listed() -> None:
    blocks = with_bullets(
        "Responsible for a caseload of 60 adults with chronic conditions.",
        "Helped with discharge planning for 20 patients a week.",
        "Duties included utilization review for 40 admissions a month.",
        "Worked on a readmission project that cut readmissions 10%.",
        "Coordinated care with 12 specialists and home health agencies.",
        "Assisted with enrolment of 30 members in remote monitoring.",
    )
    result = check(docx_resume(blocks), "action-verbs")
    assert result.status is Status.WARN
    assert result.lines == (8, 9, 10, 11, 13)
    assert result.message.startswith(
        "5 bullets open with a weak phrase such as 'responsible for' or 'helped with' "
        "(lines 8, 9, 10, 11 and 13); 8 of 13 open with a strong action verb.")
    early = check(docx_resume(blocks), "action-verbs", at="assistant")
    assert early.lines == (8, 9, 10, 11)  # 'assisted with' is fine for an assistant


@pytest.mark.parametrize("opener", ["Coordinate", "Coordinating", "Coordinates", "Led",
                                    "Successfully coordinated", "Spearheaded", "Triaged",
                                    "De-escalated", "Co-led"])
def test_strong_verbs_in_any_form(opener: str) -> None:
    blocks = with_bullets(*(f"{opener} care for {n} adults with heart failure."
                            for n in range(10, 16)))
    result = check(docx_resume(blocks), "action-verbs")
    assert result.status is Status.PASS
    assert result.message.startswith("13 of 13 experience bullets open with a strong action verb")


def test_bullets_without_verbs_warn_when_most_lack_one() -> None:
    blocks = with_bullets(*(f"Care coordination for {n} adults with heart failure."
                            for n in range(10, 16)),
                          "Chart audits for 40 members a month.",
                          "Daily huddles with the interdisciplinary team of 12.")
    result = check(docx_resume(blocks), "action-verbs")
    assert result.status is Status.WARN
    assert result.message.startswith("Only 7 of 15 experience bullets open with a strong action")


def test_one_verb_everywhere_is_noted() -> None:
    blocks = with_bullets(*(f"Managed care for {n} adults with heart failure." for n in range(6)))
    result = check(docx_resume(blocks), "action-verbs")
    assert result.status is Status.PASS
    assert "'Managed' opens 6 bullets: vary the verbs." in result.message


# ----------------------------------------------------------------------------------------------
# first-person


def test_first_person_pronouns_are_found() -> None:
    blocks = replace_blocks(GOOD_RESUME, {
        SUMMARY: "I am a registered nurse with six years of care coordination; my focus is "
                 "heart failure.",
        FIRST_JOB[1]: "Our team reduced 30-day readmissions by 18% in one year.",
        FIRST_JOB[2]: "I've completed 40 assessments a month for us.",
    })
    result = check(docx_resume(blocks), "first-person")
    assert result.status is Status.WARN
    assert result.lines == (4, 9, 10)
    assert result.message == "First-person pronouns ('I', 'my', 'our', 'us') on lines 4, 9 and 10."


@pytest.mark.parametrize("text", [
    "Promoted from Care Manager I to Care Manager II in 2022.",
    "Worked as RN Case Manager I/II on the ICU step-down unit.",
    "Served US veterans through the VA Community Care program for 3 years.",
    "Supported Level I trauma center admissions for 30 patients a week.",
    "Coordinated care for members in Portland, ME and Boston, MA.",
])
def test_grades_units_and_places_are_not_pronouns(text: str) -> None:
    blocks = replace_blocks(GOOD_RESUME, {FIRST_JOB[1]: text})
    assert check(docx_resume(blocks), "first-person").status is Status.PASS


# ----------------------------------------------------------------------------------------------
# length


def test_length_fits_one_page() -> None:
    result = check(docx_resume(), "length")
    assert result.status is Status.PASS
    assert result.message == ("Length fits: 364 words, 1 page; a Care Manager resume should fit "
                              "on one page (about 350-650 words).")


def test_a_thin_resume_fails() -> None:
    blocks = GOOD_RESUME[:12]
    result = check(docx_resume(blocks), "length")
    assert result.status is Status.FAIL
    assert result.message.startswith("The resume is thin: 139 words")


def long_blocks(extra_jobs: int) -> tuple[tuple[str, str], ...]:
    job = tuple(("bullet", b) for b in FIRST_JOB)
    extra = tuple(block for n in range(extra_jobs)
                  for block in (("bold", f"Care Manager, Clinic {n}"), ("p", "Jan 2010 – Dec 2011"),
                                *job))
    return replace_blocks(GOOD_RESUME, {"Patient Care Technician, OhioHealth Grant Medical "
                                        "Center, Columbus, OH": (*extra, ("bold", "Patient Care "
                                        "Technician, OhioHealth Grant Medical Center"))})


@pytest.mark.parametrize(("jobs", "at", "status", "start"), [
    (3, None, Status.WARN, "The resume is long: 674 words, about 2 pages (estimated)"),
    (3, "senior", Status.PASS, "Length fits: 674 words, about 2 pages (estimated)"),
    (7, "assistant", Status.FAIL, "The resume is far too long: 1,090 words"),
    (8, "director", Status.WARN, "The resume is long: 1,194 words, about 3 pages"),
])
def test_length_against_the_level(jobs: int, at: str | None, status: Status,
                                  start: str) -> None:
    result = check(fx.text_resume(long_blocks(jobs)), "length", "Jane-Doe-Resume.txt", at)
    assert result.status is status
    assert result.message.startswith(start)
    if at == "senior":
        assert "a Senior Care Manager resume should stay within two pages" in result.message


def test_page_count_from_the_file() -> None:
    """A PDF's own page count decides, even when the words would fit."""
    blocks = tuple(b for block in GOOD_RESUME for b in (block, ("p", " ")))
    data = fx.pdf_resume(tuple(b for b in blocks if b[1].strip()) + tuple(
        ("p", "References available on request.") for _ in range(50)))
    result = check(data, "length", "r.pdf")
    assert "2 pages;" in result.message
    assert result.status is Status.WARN


# ----------------------------------------------------------------------------------------------
# date-format


def test_consistent_dates_pass() -> None:
    result = check(docx_resume(), "date-format")
    assert (result.status, result.message) == (
        Status.PASS, "Dates are consistent (month abbreviated).")


def test_mixed_date_styles_warn_with_examples() -> None:
    blocks = replace_blocks(GOOD_RESUME, {"Jun 2018 – Dec 2020": "06/2018 – 12/2020"})
    result = check(docx_resume(blocks), "date-format")
    assert result.status is Status.WARN
    assert result.message == ("Dates mix styles: 'Jan 2021' (line 7) and '06/2018' (line 15).")
    assert result.lines == (15,)


def test_full_and_abbreviated_months_mix() -> None:
    blocks = replace_blocks(GOOD_RESUME, {"Jun 2018 – Dec 2020": "June 2018 – December 2020"})
    result = check(docx_resume(blocks), "date-format")
    assert result.status is Status.WARN
    assert "'Jan 2021' (line 7) and 'June 2018' (line 15)" in result.message


def test_years_alone_beside_month_dates_warn() -> None:
    blocks = replace_blocks(GOOD_RESUME, {"Jun 2018 – Dec 2020": "2018 – 2020"})
    result = check(docx_resume(blocks), "date-format")
    assert result.status is Status.WARN
    assert result.message == "Some experience dates give only the year ('2018', line 15)."
    assert result.lines == (15,)


@pytest.mark.parametrize(("dates", "line"), [("Dec 2020 – Jun 2018", 15),
                                             ("2020 – 2018", 15)])
def test_backward_ranges_warn(dates: str, line: int) -> None:
    blocks = replace_blocks(GOOD_RESUME, {"Jun 2018 – Dec 2020": dates})
    if dates[0].isdigit():  # years only throughout
        blocks = replace_blocks(blocks, {"Jan 2021 – Present": "2021 – Present",
                                         "Sep 2016 – May 2018": "2016 – 2018"})
    result = check(docx_resume(blocks), "date-format")
    assert result.status is Status.WARN
    assert f"a date range runs backwards (line {line})" in result.message.lower()


def test_years_only_education_and_may_and_24_7_are_fine() -> None:
    blocks = replace_blocks(GOOD_RESUME, {
        "Bachelor of Science in Nursing (BSN), The Ohio State University, Columbus, OH, May "
        "2018": "Bachelor of Science in Nursing (BSN), The Ohio State University, 2018",
        FIRST_JOB[0]: "Answered a 24/7 nurse line for 65 high-risk adults in 3 counties."})
    assert check(docx_resume(blocks), "date-format").status is Status.PASS


def test_no_dates_at_all_warn() -> None:
    blocks = tuple(b for b in GOOD_RESUME if not any(m in b[1] for m in ("2021", "2018 –",
                                                                        "2016 –", "May 2018")))
    result = check(docx_resume(blocks), "date-format")
    assert (result.status, result.message) == (
        Status.WARN, "No dates found in experience or education.")


# ----------------------------------------------------------------------------------------------
# buzzwords


def test_buzzwords_are_listed_with_lines() -> None:
    blocks = replace_blocks(GOOD_RESUME, {
        SUMMARY: "Results-driven, detail-oriented team player and self-starter; passionate "
                 "about care coordination and thinking outside the box.",
        FIRST_JOB[1]: "Brought synergy to a dynamic team and cut readmissions 18%."})
    result = check(docx_resume(blocks), "buzzwords")
    assert result.status is Status.WARN
    assert result.lines == (4, 9)
    assert result.message == (
        "Overused buzzwords 'team player', 'detail-oriented', 'results-driven', 'self-starter', "
        "'think outside the box' and 3 more on lines 4 and 9.")


@pytest.mark.parametrize("text", [
    "Wrote detailed care plans and tracked family dynamics for 30 members.",
    "Led a team of 8 nurses; players in the falls-prevention program cut falls 25%.",
    "Recorded vital signs in the medical record for 12 patients per shift.",
    "Drove a data-driven outreach program that raised enrolment 40%.",
])
def test_ordinary_words_near_buzzwords_pass(text: str) -> None:
    blocks = replace_blocks(GOOD_RESUME, {FIRST_JOB[1]: text})
    assert check(docx_resume(blocks), "buzzwords").status is Status.PASS


def test_an_unrecognised_experience_heading_does_not_hide_the_bullets() -> None:
    """Under 'My Journey' the roles land in the summary section; their bullets and dates are
    still checked, and the heading's 'My' is no pronoun."""
    blocks = replace_blocks(GOOD_RESUME, {"Experience": "My Journey",
                                          "Jun 2018 – Dec 2020": "06/2018 – 12/2020"})
    data = docx_resume(blocks)
    assert check(data, "measurable-results").message.startswith("12 of 13 experience bullets")
    assert check(data, "action-verbs").status is Status.PASS
    assert check(data, "first-person").status is Status.PASS
    dates = check(data, "date-format")
    assert dates.message == "Dates mix styles: 'Jan 2021' (line 7) and '06/2018' (line 15)."
