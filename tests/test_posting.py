"""Job postings: what an ad asks for, required or preferred, and how a resume matches it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from docx import Document
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tailor.api import check, check_resume
from tailor.catalog import load_catalog
from tailor.cli import cli
from tailor.errors import InputError
from tailor.extract import read_resume_bytes
from tailor.match import find_keywords
from tailor.models import Status
from tailor.posting import check_title, distribute, match_posting, read_posting_bytes

from . import factories
from .conftest import REPO, make_lines

CATALOG = load_catalog()
EXAMPLE_POSTING = REPO / "examples" / "posting.txt"
EXAMPLE_RESUME = REPO / "examples" / "resume.docx"


def posting_of(text: str, name: str = "ad.txt"):  # type: ignore[no-untyped-def]
    return read_posting_bytes(text.encode("utf-8"), name, CATALOG)


def requests_of(text: str) -> dict[str, bool]:
    return {r.term.lower(): r.required for r in posting_of(text).requests}


def test_example_posting_is_understood() -> None:
    posting = read_posting_bytes(EXAMPLE_POSTING.read_bytes(), "posting.txt", CATALOG)
    assert posting.title == "RN Care Manager"
    assert posting.organization == "Lakeshore Health Partners"
    asked = {r.keyword.id: r.required for r in posting.requests if r.catalog}
    assert asked["registered-nurse"] is True
    assert asked["care-coordination"] is True
    assert asked["ccm"] is False  # "is a plus"
    assert asked["bsn"] is False  # "strongly preferred"
    assert asked["remote-patient-monitoring"] is False
    assert "value-based-care" not in asked  # named only in "About ...", not asked of you
    own = {r.term: r.required for r in posting.requests if not r.catalog}
    assert own["driver's license"] is True
    assert own["Spanish"] is False
    assert not any(term in own for term in ("Ohio", "State", "Cleveland", "Lakeshore Health"))
    assert any("3+ years of clinical nursing experience" in n for n in posting.notes)


def test_coordinated_lists_are_distributed() -> None:
    assert distribute("Knowledge of Medicare and Medicaid regulations.") == [
        "Medicare regulations", "Medicaid regulations"]
    assert distribute("Excellent communication, organizational and time-management skills") == [
        "communication skills", "organizational skills", "time-management skills"]
    asked = requests_of("Care Coordinator\nRequirements\n"
                        "Strong verbal, written and interpersonal skills are required for "
                        "this role working with patients and families every day.")
    assert "interpersonal skills" in asked


def test_required_and_preferred_by_clause_marker() -> None:
    asked = requests_of(
        "Case Manager\nQualifications\n"
        "BSN required; Master of Social Work preferred.\n"
        "Experience with Epic is a plus. Knowledge of HIPAA is mandatory for all staff.\n"
        "Motivational interviewing training desirable for this position.")
    assert asked["bsn"] is True
    assert asked["master of social work"] is False
    assert asked["epic"] is False
    assert asked["hipaa"] is True
    assert asked["motivational interviewing"] is False


def test_posting_without_headings_counts_every_line() -> None:
    posting = posting_of("We are hiring a Care Coordinator to coordinate care for seniors, "
                         "complete discharge planning and document in Epic. "
                         "Bilingual Spanish preferred. Must hold a valid driver's license.")
    ids = {r.keyword.id for r in posting.requests if r.catalog}
    assert {"care-coordination", "discharge-planning", "epic"} <= ids
    assert posting.title == "Care Coordinator"


def test_posting_as_docx_and_pdf() -> None:
    doc = Document()
    doc.add_heading("Nurse Case Manager", level=1)
    doc.add_paragraph("Company: Riverside Health")
    doc.add_heading("Required Qualifications", level=2)
    doc.add_paragraph("Active RN license and Certified Case Manager (CCM) certification.",
                      style="List Bullet")
    doc.add_paragraph("Three years of utilization review experience with InterQual criteria.",
                      style="List Bullet")
    posting = read_posting_bytes(factories.save(doc), "ad.docx", CATALOG)
    assert posting.title == "Nurse Case Manager"
    assert posting.organization == "Riverside Health"
    asked = {r.keyword.id: r.required for r in posting.requests if r.catalog}
    assert asked["ccm"] is True and asked["utilization-review"] is True
    pdf = factories.pdf_lines(["Care Coordinator", "Responsibilities",
                               "Coordinate care and discharge planning for adults",
                               "with chronic conditions across home health agencies",
                               "Preferred Qualifications", "Bachelor of Social Work (BSW)"])
    from_pdf = read_posting_bytes(pdf, "ad.pdf", CATALOG)
    asked = {r.keyword.id: r.required for r in from_pdf.requests if r.catalog}
    assert asked["discharge-planning"] is True and asked["bsw"] is False


def test_match_counts_generic_terms_through_their_group() -> None:
    resume = make_lines("Charted all visits in Epic for 40 patients.")
    everything = find_keywords(CATALOG.keywords, resume)
    generic = posting_of("Care Manager\nRequirements\nProficiency with electronic health "
                         "records (EHR) is required for every care manager on this team.")
    job = match_posting(generic, resume, everything)
    (ehr,) = [t for t in job.terms if t.keyword_id == "ehr"]
    assert ehr.found and ehr.evidence[0].matched == "Epic"
    specific = posting_of("Care Manager\nRequirements\nRecent experience charting in Cerner "
                          "is required for every care manager on this team.")
    job = match_posting(specific, resume, everything)
    (cerner,) = [t for t in job.terms if t.keyword_id == "cerner"]
    assert not cerner.found  # Epic does not show Cerner


def test_match_rate_weights_required_double() -> None:
    posting = posting_of("Care Manager\nRequirements\nDischarge planning experience is "
                         "required for this role.\nPreferred\nTelehealth experience is "
                         "preferred for our remote members.")
    lines = make_lines("Led discharge planning for 20 patients a week.")
    job = match_posting(posting, lines, find_keywords(CATALOG.keywords, lines))
    found = {t.keyword_id: t.found for t in job.terms}
    assert found == {"discharge-planning": True, "telehealth": False}
    assert job.match_rate == 67  # 2 of 3 points
    assert (job.required.found, job.required.total) == (1, 1)


@pytest.mark.parametrize(("title", "resume", "status"), [
    ("RN Care Manager", "RN Care Manager | Mercy Health | 2021 - Present", Status.PASS),
    ("RN Care Manager - Remote", "Care Manager, Mercy Health", Status.PASS),
    ("Case Manager", "Care Coordinator, Mercy Health, 2020 - 2024", Status.WARN),
    ("Utilization Review Nurse", "Staff Nurse, Mercy Health", Status.FAIL),
    (None, "Care Manager", Status.WARN),
])
def test_title_check(title: str | None, resume: str, status: Status) -> None:
    result = check_title(title, make_lines("Jane Doe", resume))
    assert result.status is status
    assert result.group == "job"
    if status is Status.WARN and title:
        assert "care coordinator" in result.message and result.lines == (2,)


@pytest.mark.parametrize(("data", "problem"), [
    (b"", "is empty"),
    (b"Care manager wanted.", "holds only 3 words"),
    (("care coordination " * 12_000).encode(), "far more than a job ad"),
    (bytes(range(256)) * 40, "not a text file"),
    (("Buscamos una coordinadora de cuidados con experiencia en la planificación del alta, "
      "la educación de los pacientes y sus familias, y la coordinación con los proveedores de "
      "atención primaria. Se requiere licencia de enfermería vigente y dominio del inglés y del "
      "español para atender a nuestra comunidad.").encode(), "does not look like English"),
])
def test_bad_postings_get_a_clear_error(data: bytes, problem: str) -> None:
    with pytest.raises(InputError) as info:
        read_posting_bytes(data, "ad.txt", CATALOG)
    assert problem in str(info.value)
    assert str(info.value).startswith("ad.txt ")


def test_bad_posting_through_the_cli(tmp_path: Path) -> None:
    ad = tmp_path / "ad.txt"
    ad.write_bytes(b"\x00\x01\x02 binary \xff\xfe" * 50)
    result = CliRunner().invoke(cli, ["check", str(EXAMPLE_RESUME), "--job", str(ad)])
    assert result.exit_code == 3
    assert result.stderr.startswith(f"Error: {ad} ") and "Traceback" not in result.stderr


def test_odd_unicode_in_a_posting_is_normalised() -> None:
    text = ("Care\u00a0Coordinator \U0001F3E5\nRequired Qualifications\n"
            "\u201cCerti\ufb01ed Case Manager\u201d (CCM) required \u2014 "
            "coordination\u00ad of care across settings.\n"
            "\u202bמנהלת טיפול\u202c bilingual Hebrew speakers welcome; motivational "
            "interviewing experience is required for this role \u2728.")
    posting = posting_of(text)
    ids = {r.keyword.id for r in posting.requests if r.catalog}
    assert {"ccm", "care-coordination", "motivational-interviewing"} <= ids
    assert posting.title is not None and posting.title.startswith("Care Coordinator")


def test_report_with_job_ranks_posting_terms_first() -> None:
    posting = read_posting_bytes(EXAMPLE_POSTING.read_bytes(), "posting.txt", CATALOG)
    resume = read_resume_bytes(EXAMPLE_RESUME.read_bytes(), "resume.docx")
    plain = check_resume(resume, catalog=CATALOG)
    tailored = check_resume(resume, catalog=CATALOG, posting=posting)
    assert plain.job is None and tailored.job is not None
    asked = [g.in_posting for g in tailored.gaps]
    assert asked[0] and asked == sorted(asked, reverse=True)  # all posting gaps first
    assert tailored.score != plain.score  # posting-named keywords weigh double
    assert tailored.job.title_check.status is Status.PASS


def test_cli_json_job_contract() -> None:
    result = CliRunner().invoke(cli, ["check", str(EXAMPLE_RESUME), "--job", str(EXAMPLE_POSTING),
                                      "--format", "json"])
    assert result.exit_code == 0, result.stderr
    job = json.loads(result.stdout)["job"]
    assert 0 <= job["match_rate"] <= 100
    assert job["title"] == "RN Care Manager"
    for term in job["terms"]:
        assert {"term", "found", "required"} <= term.keys()
        assert term["found"] == bool(term["evidence"])
    assert {t["term"] for t in job["terms"] if t["found"]} >= {"Epic", "HIPAA"}


def test_api_check_with_job() -> None:
    report = check(EXAMPLE_RESUME, level="senior", job=EXAMPLE_POSTING)
    assert report.job is not None and report.job.organization == "Lakeshore Health Partners"
    assert report.next_level is not None and report.next_level.level == "lead"


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(min_size=0, max_size=600))
def test_any_text_is_a_posting_or_a_clear_error(text: str) -> None:
    try:
        posting = posting_of(text)
    except InputError:
        return
    for request in posting.requests:
        assert request.term and request.line


SCRAPED = """We use cookies to improve your experience. By continuing you accept cookies.
Back to search results
Director - Care Management
Harbor Valley Health
United States, Vermont, Burlington
Req #: 40123
Description
Lead our hospital care management department of case managers and social workers.
Oversee utilization management and discharge planning while keeping the department budget.
Required Minimum Knowledge, Skills and Abilities
1. Education: Bachelor's degree in Nursing or Social Work; Master's degree required.
2. License: Active RN or LCSW license in Vermont. CCM or ACM preferred.
3. Experience: A minimum of seven years of case management experience.
"""


def test_a_web_page_posting_with_banners_and_numbered_requirements() -> None:
    posting = posting_of(SCRAPED)
    assert posting.title == "Director of Care Management"
    assert posting.organization == "Harbor Valley Health"
    asked = {r.term: r.required for r in posting.requests}
    assert asked["Registered Nurse or LCSW"] is True  # alternatives, one requirement
    assert asked["CCM or ACM"] is False
    assert "Bachelor's degree in Nursing or Bachelor's degree in Social Work" in asked
    own = [r.term for r in posting.requests if not r.catalog]
    assert not any(t in own for t in ("Education", "License", "Vermont", "Director", "cookies"))
    assert any("seven+ years of case management experience" in n for n in posting.notes)


def test_alternatives_are_satisfied_by_either() -> None:
    posting = posting_of(SCRAPED)
    lines = make_lines("Jane Doe, LCSW", "Director of Care Management, Mercy, 2015 - Present")
    job = match_posting(posting, lines, find_keywords(CATALOG.keywords, lines))
    (licence,) = [t for t in job.terms if t.term == "Registered Nurse or LCSW"]
    assert licence.found and licence.evidence[0].matched == "LCSW"
    assert job.title_check.status is Status.PASS
