"""Experience, education, credential, skill and contact entries from real resume layouts."""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest
from docx.document import Document
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tailor.dates import YearMonth, parse_range
from tailor.entries import (
    ExperienceEntry,
    ResumeEntries,
    classify_phrase,
    read_entries,
    split_location,
    split_skills,
)
from tailor.extract import read_resume, read_resume_bytes
from tailor.models import FileKind, Line, ResumeText, Section, Source
from tests.factories import pdf_lines, save

REPO = Path(__file__).resolve().parent.parent
BULLETS = ("Coordinated care for 60 patients with heart failure",
           "Led discharge planning with the interdisciplinary team")


def text_resume(*experience: str, extra: str = "") -> ResumeEntries:
    text = "Jane Doe\njane@example.com\n\nExperience\n" + "\n".join(experience) + "\n" + extra
    return read_entries(read_resume_bytes(text.encode(), "resume.txt"))


def jobs(entries: ResumeEntries) -> list[tuple[str | None, str | None, str | None]]:
    return [(j.title, j.employer, j.dates.text if j.dates else None) for j in entries.experience]


# ----------------------------------------------------------------------------------------------
# The shipped example resume


def test_example_resume_docx() -> None:
    entries = read_entries(read_resume(REPO / "examples" / "resume.docx"))
    contact = entries.contact
    assert contact.name == "Jordan Rivera"
    assert contact.credentials == ("RN", "BSN")
    assert contact.email == "jordan.rivera@example.com"
    assert contact.phone == "(614) 555-0142"
    assert contact.location == "Columbus, OH 43215"
    assert contact.urls == ("linkedin.com/in/jordan-rivera-rn",)
    assert entries.summary.startswith("Registered Nurse with seven years")
    first, second = entries.experience
    assert (first.title, first.employer, first.location) == (
        "Care Manager, RN", "Riverside Community Health Partners", "Columbus, OH")
    assert first.dates is not None and first.dates.present
    assert first.dates.start == YearMonth(2021, 3)
    assert len(first.bullets) == 7
    assert first.bullets[0].startswith("Manage a caseload of 65-80")
    assert first.lines == (6, 7, 8, 9, 10, 11, 12, 13)
    assert (second.title, second.employer) == ("Staff Nurse, Medical-Surgical Unit",
                                               "Mount Carmel East Hospital")
    assert second.dates is not None
    assert (second.dates.start, second.dates.end) == (YearMonth(2018, 6), YearMonth(2021, 2))
    assert len(second.bullets) == 3
    [school] = entries.education
    assert (school.degree, school.field, school.institution) == (
        "Bachelor of Science", "Nursing (BSN)", "The Ohio State University")
    assert school.dates is not None and school.dates.start.year == 2018
    rn, bls = entries.certifications
    assert (rn.name, rn.license, rn.state, rn.number) == (
        "Registered Nurse (RN)", True, "Ohio", "RN.000000")
    assert rn.expires is not None and rn.expires.start == YearMonth(2027, 8)
    assert (bls.name, bls.issuer, bls.license) == (
        "Basic Life Support (BLS)", "American Heart Association", False)
    assert entries.skills[:3] == ("Care coordination", "Care plan development",
                                  "Transitions of care")
    assert "Microsoft Office (Word, Excel, Outlook)" in entries.skills
    [affiliation] = entries.other
    assert affiliation.heading == "Professional Affiliations"
    assert affiliation.dates is not None and affiliation.dates.present
    assert entries.warnings == ()


# ----------------------------------------------------------------------------------------------
# Plain-text layouts


@pytest.mark.parametrize(("lines", "expected"), [
    (["Care Manager — Riverside Health (2021–Present)", *(f"- {b}" for b in BULLETS)],
     ("Care Manager", "Riverside Health", "2021–Present")),
    (["Riverside Health, Columbus OH    2019 - 2021", "Care Manager", *(f"- {b}" for b in BULLETS)],
     ("Care Manager", "Riverside Health", "2019 - 2021")),
    (["Care Manager    March 2021 – Present", "Riverside Health, Columbus, OH",
      *(f"• {b}" for b in BULLETS)],
     ("Care Manager", "Riverside Health", "March 2021 – Present")),
    (["Care Manager", "Riverside Health", "2019 – 2021", *(f"* {b}" for b in BULLETS)],
     ("Care Manager", "Riverside Health", "2019 – 2021")),
    (["2019 – 2021", "Care Manager, Riverside Health", *(f"- {b}" for b in BULLETS)],
     ("Care Manager", "Riverside Health", "2019 – 2021")),
    (["Care Manager at Riverside Health, 2019-2021", *(f"- {b}" for b in BULLETS)],
     ("Care Manager", "Riverside Health", "2019-2021")),
    (["Mercy Hospital | Staff Nurse | 06/2015 - 05/2019", *(f"- {b}" for b in BULLETS)],
     ("Staff Nurse", "Mercy Hospital", "06/2015 - 05/2019")),
    (["Community Health Worker, Acme Outreach, 2019–2021", *(f"- {b}" for b in BULLETS)],
     ("Community Health Worker", "Acme Outreach", "2019–2021")),
    (["Director of Nursing, Sunrise Senior Living, 2010 - 2015", *(f"- {b}" for b in BULLETS)],
     ("Director of Nursing", "Sunrise Senior Living", "2010 - 2015")),
    (["MSW Intern", "Franklin County Department of Job and Family Services",
      "Sept 2022 – May 2023", *(f"- {b}" for b in BULLETS)],
     ("MSW Intern", "Franklin County Department of Job and Family Services",
      "Sept 2022 – May 2023")),
    (["Care Manager, Behavioral Health", "Kaiser Permanente, Oakland, CA", "Jan 2020 to Dec 2021",
      *(f"- {b}" for b in BULLETS)],
     ("Care Manager, Behavioral Health", "Kaiser Permanente", "Jan 2020 to Dec 2021")),
    (["Clinical Rotation – Medical-Surgical, Mercy Hospital, Fall 2023",
      *(f"- {b}" for b in BULLETS)],
     ("Clinical Rotation, Medical-Surgical", "Mercy Hospital", "Fall 2023")),
    (["Care Coordinator (Remote) | UnitedHealthcare | 2020 – 2022", *(f"- {b}" for b in BULLETS)],
     ("Care Coordinator", "UnitedHealthcare", "2020 – 2022")),
])
def test_text_layouts(lines: list[str], expected: tuple[str, str, str]) -> None:
    entries = text_resume(*lines)
    assert jobs(entries) == [expected]
    assert entries.experience[0].bullets == BULLETS
    assert entries.warnings == ()


def test_locations_are_kept_apart() -> None:
    entries = text_resume("Riverside Health, Columbus OH    2019 - 2021", "Care Manager",
                          "- Coordinated care")
    assert entries.experience[0].location == "Columbus OH"
    remote = text_resume("Care Coordinator (Remote) | UnitedHealthcare | 2020 – 2022")
    assert remote.experience[0].location == "Remote"


def test_jobs_without_bullets_keep_their_own_dates() -> None:
    entries = text_resume("Care Manager | Riverside Health | 2019–2021",
                          "Staff Nurse | Mercy Hospital | 2015–2019",
                          "Nursing Assistant | Mercy Hospital | 2013–2015")
    assert jobs(entries) == [("Care Manager", "Riverside Health", "2019–2021"),
                             ("Staff Nurse", "Mercy Hospital", "2015–2019"),
                             ("Nursing Assistant", "Mercy Hospital", "2013–2015")]


def test_title_dates_then_employer_runs() -> None:
    entries = text_resume("Care Manager    2019 – 2021", "Riverside Health",
                          "Staff Nurse    2015 – 2019", "Mercy Hospital", "- Cared for patients")
    assert jobs(entries) == [("Care Manager", "Riverside Health", "2019 – 2021"),
                             ("Staff Nurse", "Mercy Hospital", "2015 – 2019")]
    assert entries.experience[0].bullets == ()
    assert entries.experience[1].bullets == ("Cared for patients",)


def test_promotions_under_one_employer() -> None:
    entries = text_resume(
        "Riverside Health, Columbus, OH",
        "Senior Care Manager, 2021 – Present", "- Mentored 4 care managers",
        "Care Manager, 2018 – 2021", "- Managed a caseload of 70",
    )
    assert jobs(entries) == [("Senior Care Manager", "Riverside Health", "2021 – Present"),
                             ("Care Manager", "Riverside Health", "2018 – 2021")]
    assert [j.location for j in entries.experience] == ["Columbus, OH", "Columbus, OH"]
    assert entries.experience[1].bullets == ("Managed a caseload of 70",)


def test_employer_group_with_its_own_dates() -> None:
    entries = text_resume(
        "Riverside Health 2015 – Present",
        "Senior Care Manager 2021 – Present", "- Led a team",
        "Care Manager 2015 – 2021", "- Managed a caseload",
    )
    assert jobs(entries) == [("Senior Care Manager", "Riverside Health", "2021 – Present"),
                             ("Care Manager", "Riverside Health", "2015 – 2021")]


def test_description_lines_without_bullets() -> None:
    entries = text_resume(
        "Care Manager | Riverside Health | 2019 – 2021",
        "Managed a caseload of 70 high-risk members with chronic conditions.",
        "Led discharge planning.",
        "Staff Nurse | Mercy Hospital | 2015 – 2019",
        "Provided care on a 30-bed unit.",
    )
    assert jobs(entries) == [("Care Manager", "Riverside Health", "2019 – 2021"),
                             ("Staff Nurse", "Mercy Hospital", "2015 – 2019")]
    assert entries.experience[0].bullets == (
        "Managed a caseload of 70 high-risk members with chronic conditions.",
        "Led discharge planning.")


def test_wrapped_bullets_are_joined() -> None:
    entries = text_resume("Care Manager | Riverside Health | 2019 – 2021",
                          "- Coordinated care for 60 patients across primary care and",
                          "  specialists, cutting missed visits 25%",
                          "- Led discharge planning")
    assert entries.experience[0].bullets == (
        "Coordinated care for 60 patients across primary care and specialists, cutting "
        "missed visits 25%", "Led discharge planning")
    assert entries.experience[0].bullet_lines == (5, 7)
    assert entries.experience[0].lines == (4, 5, 6, 7)


def test_wrapped_header_lines_are_joined() -> None:
    entries = text_resume("Care Manager, Riverside Community Health Partners,",
                          "Columbus, OH | 2019 – 2021", "- Coordinated care",
                          "Staff Nurse and Charge Nurse for the",
                          "Cardiac Unit | Mercy Hospital | 2015 – 2019", "- Precepted nurses")
    assert jobs(entries) == [
        ("Care Manager", "Riverside Community Health Partners", "2019 – 2021"),
        ("Staff Nurse and Charge Nurse for the Cardiac Unit", "Mercy Hospital", "2015 – 2019")]
    assert [j.lines for j in entries.experience] == [(4, 5, 6), (7, 8, 9)]
    assert entries.experience[0].location == "Columbus, OH"


def test_a_dates_line_after_bullets_starts_the_next_job() -> None:
    entries = text_resume("Care Manager, Riverside Health", "- Coordinated care",
                          "2015 – 2019", "Staff Nurse, Mercy Hospital", "- Precepted nurses")
    assert jobs(entries) == [("Care Manager", "Riverside Health", None),
                             ("Staff Nurse", "Mercy Hospital", "2015 – 2019")]
    assert entries.warnings == ("line 4: found no dates for 'Care Manager'",)


def test_unclear_title_and_employer_warn_with_the_line() -> None:
    entries = text_resume("Acme | Zorblax | 2019 - 2020", "- Did things")
    assert jobs(entries) == [("Acme", "Zorblax", "2019 - 2020")]
    assert entries.warnings == ("line 4: could not tell title from employer in 'Acme / "
                                "Zorblax'; read them in order (title first)",)


def test_missing_parts_warn() -> None:
    entries = text_resume("Riverside Health", "- Coordinated care")
    assert entries.experience[0].employer == "Riverside Health"
    assert entries.warnings == (
        "line 4: found no job title for 'Riverside Health'",
        "line 4: found no dates for 'Riverside Health'",
    )
    orphan = text_resume("- Coordinated care")
    assert orphan.experience[0].bullets == ("Coordinated care",)
    assert orphan.warnings == ("line 4: bullets without a job title or employer above them",)


def test_volunteer_heading_is_kept() -> None:
    entries = text_resume(
        "Care Manager | Riverside Health | 2019 – 2021",
        extra="\nVolunteer Experience\nVolunteer Nurse | Hope Free Clinic | 2016 – 2019\n"
              "- Screened 150 adults\n")
    care, helped = entries.experience
    assert not care.volunteer
    assert helped.volunteer
    assert helped.heading == "Volunteer Experience"
    assert (helped.title, helped.employer) == ("Volunteer Nurse", "Hope Free Clinic")


# ----------------------------------------------------------------------------------------------
# DOCX and PDF layouts


def _docx_resume(build: object) -> ResumeEntries:
    document: Document = docx.Document()
    document.add_paragraph("Jane Doe, MSW, LSW", style="Title")
    document.add_paragraph("Dayton, OH · (937) 555-0100 · jane.doe@example.com · "
                           "www.linkedin.com/in/janedoe")
    document.add_heading("Experience", 1)
    build(document)  # type: ignore[operator]
    return read_entries(read_resume_bytes(save(document), "resume.docx"))


def test_docx_table_cells_side_by_side() -> None:
    def build(document: Document) -> None:
        table = document.add_table(rows=1, cols=2)
        table.cell(0, 0).text = "Care Manager"
        table.cell(0, 1).text = "2019 – 2021"
        document.add_paragraph("Riverside Health, Columbus, OH")
        document.add_paragraph("Coordinated care for 60 patients", style="List Bullet")
        table = document.add_table(rows=2, cols=2)
        table.cell(0, 0).text = "Patient Navigator"
        table.cell(0, 1).text = "06/2016 - 08/2018"
        table.cell(1, 0).text = "Premier Health"
        table.cell(1, 1).text = "Dayton, OH"
        document.add_paragraph("Helped patients navigate the health system", style="List Bullet")

    entries = _docx_resume(build)
    assert jobs(entries) == [("Care Manager", "Riverside Health", "2019 – 2021"),
                             ("Patient Navigator", "Premier Health", "06/2016 - 08/2018")]
    assert [j.location for j in entries.experience] == ["Columbus, OH", "Dayton, OH"]
    assert entries.experience[1].bullets == ("Helped patients navigate the health system",)
    assert entries.warnings == ()


def test_docx_bold_title_tab_dates_and_employer_below() -> None:
    def build(document: Document) -> None:
        paragraph = document.add_paragraph()
        paragraph.add_run("Social Work Intern").bold = True
        paragraph.add_run("\tSept 2018 – May 2019")
        document.add_paragraph("Montgomery County Job and Family Services")
        document.add_paragraph("Completed psychosocial assessments", style="List Bullet")
        paragraph = document.add_paragraph()
        paragraph.add_run("Riverside Health").bold = True
        paragraph.add_run(", Columbus OH\t2019 - 2021")
        document.add_paragraph("Care Manager")
        document.add_paragraph("Managed a caseload of 70", style="List Bullet")

    entries = _docx_resume(build)
    assert jobs(entries) == [
        ("Social Work Intern", "Montgomery County Job and Family Services",
         "Sept 2018 – May 2019"),
        ("Care Manager", "Riverside Health", "2019 - 2021"),
    ]
    contact = entries.contact
    assert (contact.name, contact.credentials) == ("Jane Doe", ("MSW", "LSW"))
    assert (contact.location, contact.phone) == ("Dayton, OH", "(937) 555-0100")
    assert contact.urls == ("www.linkedin.com/in/janedoe",)


def test_docx_education_certifications_and_skills() -> None:
    document: Document = docx.Document()
    document.add_paragraph("Jane Doe")
    document.add_heading("Education", 1)
    document.add_paragraph("Master of Social Work (MSW), The Ohio State University, 2019")
    document.add_paragraph("Bachelor of Arts in Psychology | Wright State University | "
                           "2014 – 2018")
    document.add_paragraph("GPA 3.8, magna cum laude", style="List Bullet")
    document.add_paragraph("Bachelor of Science in Nursing")
    document.add_paragraph("Capital University, Columbus, OH — May 2026 (expected)")
    document.add_heading("Licenses and Certifications", 1)
    document.add_paragraph("Licensed Social Worker (LSW), State of Ohio, License No. S.1234567, "
                           "expires 10/2026")
    document.add_paragraph("CCM, BLS, CPR")
    document.add_paragraph("Certified Case Manager (CCM) – Commission for Case Manager "
                           "Certification, 2022")
    document.add_heading("Skills", 1)
    document.add_paragraph("Clinical: motivational interviewing, crisis intervention; "
                           "care coordination")
    document.add_paragraph("Languages: Spanish (fluent), ASL (basic)")
    document.add_paragraph("Software | Epic · Microsoft Office (Word, Excel) · Zoom")
    entries = read_entries(read_resume_bytes(save(document), "resume.docx"))
    msw, ba, bsn = entries.education
    assert (msw.degree, msw.field, msw.institution) == (
        "Master of Social Work (MSW)", None, "The Ohio State University")
    assert msw.dates is not None and msw.dates.text == "2019"
    assert (ba.degree, ba.field, ba.institution) == (
        "Bachelor of Arts", "Psychology", "Wright State University")
    assert ba.details == ("GPA 3.8, magna cum laude",)
    assert (bsn.degree, bsn.field, bsn.institution, bsn.location) == (
        "Bachelor of Science", "Nursing", "Capital University", "Columbus, OH")
    assert bsn.dates is not None and bsn.dates.expected
    lsw, ccm, bls, cpr, ccm_full = entries.certifications
    assert (lsw.name, lsw.license, lsw.state, lsw.number) == (
        "Licensed Social Worker (LSW)", True, "Ohio", "S.1234567")
    assert lsw.expires is not None and lsw.expires.start == YearMonth(2026, 10)
    assert [c.name for c in (ccm, bls, cpr)] == ["CCM", "BLS", "CPR"]
    assert (ccm_full.name, ccm_full.issuer) == (
        "Certified Case Manager (CCM)", "Commission for Case Manager Certification")
    assert ccm_full.issued is not None and ccm_full.issued.text == "2022"
    assert entries.skills == ("motivational interviewing", "crisis intervention",
                              "care coordination", "Epic", "Microsoft Office (Word, Excel)",
                              "Zoom")
    assert entries.languages == ("Spanish (fluent)", "ASL (basic)")


def test_pdf_with_right_aligned_dates() -> None:
    from reportlab.lib.pagesizes import letter
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=letter)
    y = 720.0
    for left, right in [("Jane Doe", ""), ("jane@example.com", ""), ("EXPERIENCE", ""),
                        ("Care Manager, Riverside Health", "March 2021 – Present"),
                        ("• Coordinated care for 60 patients", ""),
                        ("Staff Nurse", "2015 – 2021"), ("Mercy Hospital, Dayton, OH", ""),
                        ("• Precepted 8 new graduate nurses", "")]:
        pdf.drawString(72, y, left)
        if right:
            pdf.drawRightString(540, y, right)
        y -= 16
    pdf.save()
    entries = read_entries(read_resume_bytes(buffer.getvalue(), "resume.pdf"))
    assert jobs(entries) == [("Care Manager", "Riverside Health", "March 2021 – Present"),
                             ("Staff Nurse", "Mercy Hospital", "2015 – 2021")]
    assert entries.experience[1].bullets == ("Precepted 8 new graduate nurses",)
    assert entries.experience[1].location == "Dayton, OH"


def test_pdf_lines_from_factory() -> None:
    data = pdf_lines(["Jane Doe", "Experience", "Care Manager | Riverside Health | 2019 - 2021",
                      "- Coordinated care", "Education",
                      "Bachelor of Science in Nursing, Ohio University, 2018"])
    entries = read_entries(read_resume_bytes(data, "resume.pdf"))
    assert jobs(entries) == [("Care Manager", "Riverside Health", "2019 - 2021")]
    [school] = entries.education
    assert (school.degree, school.field, school.institution) == (
        "Bachelor of Science", "Nursing", "Ohio University")


# ----------------------------------------------------------------------------------------------
# Pieces


@pytest.mark.parametrize(("text", "kind"), [
    ("Care Manager", "title"), ("Senior Care Manager, RN", "title"),
    ("Director of Nursing", "title"), ("Community Health Worker", "title"),
    ("Riverside Health", "employer"), ("Mercy Hospital", "employer"),
    ("Department of Health", "employer"), ("Acme Home Care Services", "employer"),
    ("University of Cincinnati", "employer"), ("Behavioral Health", "qualifier"),
    ("Columbus, OH", "location"), ("Remote", "location"), ("Kaiser Permanente", "unknown"),
])
def test_classify_phrase(text: str, kind: str) -> None:
    assert classify_phrase(text) == kind


def test_split_skills() -> None:
    assert split_skills("Care coordination · Epic | Excel; Microsoft Office (Word, Excel), "
                        "Teams") == ["Care coordination", "Epic", "Excel",
                                     "Microsoft Office (Word, Excel)", "Teams"]
    assert split_skills("Clinical: triage, telehealth") == ["triage", "telehealth"]
    assert split_skills(" , ; ") == []


def test_split_location() -> None:
    assert split_location("Columbus, OH 43215") == (None, "Columbus", "OH", "43215")
    assert split_location("12 Main St, Dayton, Ohio") == ("12 Main St", "Dayton", "Ohio", None)
    assert split_location("Somewhere") == (None, "Somewhere", None, None)


# ----------------------------------------------------------------------------------------------
# Properties

TITLES = ["Care Manager", "Senior Care Manager", "Staff Nurse", "RN Case Manager",
          "Community Health Worker", "Social Work Intern", "Patient Navigator",
          "Care Coordinator", "Director of Nursing", "Utilization Review Nurse",
          "Discharge Planner", "Medical Assistant"]
EMPLOYERS = ["Riverside Health", "Mercy Hospital", "Franklin County Department of Health",
             "Sunrise Senior Living", "Great Lakes Community Health Plan",
             "Acme Home Care Services", "Northside Clinic", "Lakeshore Regional Medical Center",
             "Bright Horizons Hospice", "Valley Behavioral Health Center",
             "Ohio State University"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
BULLET_TEXT = ["Coordinated care for 60 patients", "Led discharge planning",
               "Reduced readmissions 18% in 2023", "Precepted 8 new graduate nurses",
               "Managed a caseload of 65-80 members"]


@st.composite
def date_texts(draw: st.DrawFn) -> str:
    y1 = draw(st.integers(1990, 2024))
    y2 = draw(st.integers(y1, 2025))
    m1, m2 = draw(st.integers(1, 12)), draw(st.integers(1, 12))
    sep = draw(st.sampled_from([" – ", " - ", "–", " to "]))
    style = draw(st.sampled_from(["years", "months", "numeric", "present", "abbr"]))
    if style == "years":
        return f"{y1}{sep}{y2}"
    if style == "months":
        return f"{MONTHS[m1 - 1]} {y1}{sep}{MONTHS[m2 - 1]} {y2}"
    if style == "numeric":
        return f"{m1:02d}/{y1}{sep}{m2:02d}/{y2}"
    if style == "abbr":
        return f"{MONTHS[m1 - 1][:3]} {y1}{sep}Present"
    return f"{y1}{sep}Present"


LAYOUTS = {
    "pipes": lambda t, e, d: [f"{t} | {e} | {d}"],
    "commas": lambda t, e, d: [f"{t}, {e}, {d}"],
    "dash-parens": lambda t, e, d: [f"{t} — {e} ({d})"],
    "employer-first": lambda t, e, d: [f"{e} | {t} | {d}"],
    "employer-dates-then-title": lambda t, e, d: [f"{e}, Columbus, OH    {d}", t],
    "title-dates-then-employer": lambda t, e, d: [f"{t}    {d}", e],
    "three-lines": lambda t, e, d: [t, e, d],
    "dates-first": lambda t, e, d: [d, f"{t}, {e}"],
    "at": lambda t, e, d: [f"{t} at {e}, {d}"],
}


@st.composite
def job_lists(draw: st.DrawFn) -> list[tuple[str, str, str, list[str], str]]:
    count = draw(st.integers(1, 4))
    return [(draw(st.sampled_from(TITLES)), draw(st.sampled_from(EMPLOYERS)),
             draw(date_texts()), draw(st.lists(st.sampled_from(BULLET_TEXT), min_size=1,
                                               max_size=3)),
             draw(st.sampled_from(sorted(LAYOUTS)))) for _ in range(count)]


def _check_jobs(entries: ResumeEntries,
                jobs_in: list[tuple[str, str, str, list[str], str]]) -> None:
    assert len(entries.experience) == len(jobs_in)
    for entry, (title, employer, dates, bullets, _layout) in zip(entries.experience, jobs_in,
                                                                 strict=True):
        assert (entry.title, entry.employer) == (title, employer)
        assert entry.dates is not None
        assert entry.dates == parse_range(dates)
        assert entry.bullets == tuple(bullets)
    assert not [w for w in entries.warnings if "title" in w or "dates" in w]


@given(job_lists())
@settings(max_examples=150, deadline=None)
def test_generated_text_resumes_attach_dates_to_the_right_job(
        jobs_in: list[tuple[str, str, str, list[str], str]]) -> None:
    lines: list[str] = []
    for title, employer, dates, bullets, layout in jobs_in:
        lines += LAYOUTS[layout](title, employer, dates)
        lines += [f"- {b}" for b in bullets]
    _check_jobs(text_resume(*lines), jobs_in)


@given(job_lists())
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_generated_docx_resumes_attach_dates_to_the_right_job(
        jobs_in: list[tuple[str, str, str, list[str], str]]) -> None:
    document: Document = docx.Document()
    document.add_paragraph("Jane Doe")
    document.add_heading("Work History", 1)
    for title, employer, dates, bullets, layout in jobs_in:
        for index, line in enumerate(LAYOUTS[layout](title, employer, dates)):
            paragraph = document.add_paragraph()
            paragraph.add_run(line.replace("    ", "\t")).bold = index == 0
        for bullet in bullets:
            document.add_paragraph(bullet, style="List Bullet")
    _check_jobs(read_entries(read_resume_bytes(save(document), "r.docx")), jobs_in)


_LINE_TEXT = st.one_of(
    st.text(max_size=80),
    st.lists(st.sampled_from(["Care Manager", "Riverside Health", "2019", "–", "Present", "|",
                              ",", "RN", "Columbus, OH", "(", ")", "Since", "at", "Inc.",
                              "BSN", "University", "expires", "#12", "·", "Skills:",
                              "GPA 3.8", "—", "Spring 2020"]), max_size=8).map(" ".join),
)


@given(st.lists(st.tuples(_LINE_TEXT, st.sampled_from(list(Section)), st.booleans(),
                          st.booleans(), st.booleans(), st.sampled_from(list(Source))),
                max_size=30))
@settings(max_examples=300, deadline=None)
def test_any_lines_never_crash(rows: list[tuple[str, Section, bool, bool, bool, Source]]) -> None:
    lines = tuple(
        Line(number=i, text=text, source=source, section=section, heading=heading,
             bullet=bullet, wrap=wrap)
        for i, (text, section, heading, bullet, wrap, source) in enumerate(rows, start=1)
    )
    entries = read_entries(ResumeText(name="r.txt", kind=FileKind.TEXT, lines=lines))
    numbers = {line.number for line in lines}
    for job in entries.experience:
        assert isinstance(job, ExperienceEntry)
        assert set(job.lines) <= numbers
    for warning in entries.warnings:
        assert warning.startswith("line ")
