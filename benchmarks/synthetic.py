"""Realistic synthetic care-manager resumes for benchmarks: text, DOCX (python-docx) and PDF.

Each resume draws from pools of real-sounding bullets so that files differ in words, length and
keywords, the way a class of student resumes does. Deterministic for a given seed.
"""

from __future__ import annotations

import io
import random
from dataclasses import dataclass

FIRST = ["Jordan", "Maria", "Aisha", "Chen", "Priya", "Luis", "Hannah", "Kwame", "Sofia", "Noah",
         "Fatima", "Diego", "Grace", "Tomás", "Amara", "Ethan", "Mei", "Olivia", "Samir", "Zoe"]
LAST = ["Rivera", "Nguyen", "Okafor", "Smith", "Patel", "García", "Kim", "Johnson", "Haddad",
        "Lopez", "Williams", "Brown", "Chen", "Müller", "Davis", "Martin", "Ali", "Clark"]
TITLES = ["Care Manager", "RN Case Manager", "Care Coordinator", "Nurse Case Manager",
          "Social Work Case Manager", "Patient Navigator", "Community Health Worker",
          "Discharge Planner", "Staff Nurse, Medical-Surgical Unit", "Utilization Review Nurse"]
EMPLOYERS = ["Riverside Community Health", "Mercy General Hospital", "Lakeview Health Plan",
             "Northside Clinic Network", "St. Anne Medical Center", "Valley Home Health",
             "Unity Behavioral Health", "Metro Area Agency on Aging", "Summit Primary Care"]
BULLETS = [
    "Managed a caseload of {n} high-risk adults with diabetes, COPD and heart failure.",
    "Completed comprehensive biopsychosocial assessments within 72 hours of referral.",
    "Developed individualized care plans with patients, families and primary care providers.",
    "Coordinated care across specialists, home health and behavioral health for {n} members.",
    "Led discharge planning for hospitalized patients, arranging SNF placement and DME.",
    "Reduced 30-day readmissions by {p}% through weekly follow-up calls after discharge.",
    "Educated patients and caregivers on medications and self-management using teach-back.",
    "Used motivational interviewing to set goals with members in chronic disease programs.",
    "Connected members with community resources for transportation, food and housing.",
    "Screened for social determinants of health and made closed-loop referrals.",
    "Obtained prior authorizations and appealed denials with Medicare Advantage plans.",
    "Documented assessments and interventions in Epic in line with HIPAA requirements.",
    "Collaborated with an interdisciplinary team in daily rounds and case conferences.",
    "De-escalated patients in crisis and coordinated same-day behavioral health visits.",
    "Tracked outcomes in Excel and reported monthly quality metrics to leadership.",
    "Mentored {k} new care managers and led training on documentation standards.",
    "Conducted utilization review using InterQual criteria for {n} admissions a month.",
    "Scheduled specialist appointments and arranged transportation for rural patients.",
    "Advocated for patients with insurers, securing coverage for home services.",
    "Provided telehealth visits and remote patient monitoring for heart-failure patients.",
    "Provided direct care for {k} patients per shift on a {n}-bed unit.",
    "Served on the falls-prevention committee, cutting falls by {p}% in one year.",
    "Supported quality improvement projects that raised patient satisfaction scores.",
    "Answered phones, filed records and kept the front desk running smoothly.",
]
SKILLS = ["Care coordination", "Care planning", "Epic", "Cerner", "Meditech", "Microsoft Office",
          "Microsoft Teams", "Zoom", "Motivational interviewing", "Discharge planning",
          "HIPAA", "Medicaid", "Medicare", "Crisis intervention", "Cultural competence",
          "Data analysis", "Telehealth", "Conflict resolution", "Spanish (fluent)"]
DEGREES = ["Bachelor of Science in Nursing (BSN)", "Bachelor of Social Work (BSW)",
           "Master of Social Work (MSW)", "Bachelor of Science in Public Health",
           "Associate Degree in Nursing (ADN)", "Bachelor of Arts in Psychology"]
LICENSES = ["Registered Nurse (RN), State of Ohio", "Licensed Social Worker (LSW)",
            "Certified Case Manager (CCM)", "Basic Life Support (BLS)", "LCSW, State of Texas"]


@dataclass(frozen=True)
class Resume:
    """One synthetic resume: the title line and its sections."""

    name: str
    contact: str
    summary: str
    jobs: list[tuple[str, list[str]]]
    education: list[str]
    licenses: list[str]
    skills: str


def make_resume(rng: random.Random, pages: int = 2) -> Resume:
    """A resume of roughly `pages` pages (about 330 words a page)."""
    name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
    contact = (f"Columbus, OH 4321{rng.randint(0, 9)} · (614) 555-{rng.randint(1000, 9999)} · "
               f"{name.split(maxsplit=1)[0].lower()}.{rng.randint(1, 99)}@example.com")
    years = rng.randint(1, 15)
    summary = (f"Care professional with {years} years of experience in care coordination, "
               "patient education and transitions of care for adults with chronic conditions, "
               "known for clear communication with patients, families and providers.")
    jobs = []
    target_words = 330 * pages
    words = 60
    start = 2025
    while words < target_words:
        length = rng.randint(2, 5)
        title = f"{rng.choice(TITLES)} | {rng.choice(EMPLOYERS)} | {start - length} – {start}"
        start -= length
        bullets = []
        for template in rng.sample(BULLETS, rng.randint(4, 7)):
            bullet = template.format(n=rng.randint(20, 90), p=rng.randint(5, 30),
                                     k=rng.randint(3, 8))
            bullets.append(bullet)
            words += len(bullet.split())
        jobs.append((title, bullets))
        words += 8
    return Resume(
        name=name, contact=contact, summary=summary, jobs=jobs,
        education=[f"{rng.choice(DEGREES)}, Ohio State University, {start}"],
        licenses=rng.sample(LICENSES, rng.randint(1, 3)),
        skills=" · ".join(rng.sample(SKILLS, rng.randint(6, 12))),
    )


def to_text(resume: Resume) -> str:
    """Plain-text rendering, one line per paragraph."""
    out = [resume.name, resume.contact, "", "PROFESSIONAL SUMMARY", resume.summary, "",
           "EXPERIENCE"]
    for title, bullets in resume.jobs:
        out.append(title)
        out += [f"• {b}" for b in bullets]
    out += ["", "EDUCATION", *resume.education, "", "LICENSES & CERTIFICATIONS",
            *resume.licenses, "", "SKILLS", resume.skills]
    return "\n".join(out) + "\n"


def to_docx(resume: Resume) -> bytes:
    """DOCX bytes built with python-docx: headings, bullets and a header with the name."""
    from docx import Document

    doc = Document()
    doc.sections[0].header.paragraphs[0].text = resume.name
    doc.add_paragraph(resume.name, style="Title")
    doc.add_paragraph(resume.contact)
    doc.add_heading("Professional Summary", level=1)
    doc.add_paragraph(resume.summary)
    doc.add_heading("Experience", level=1)
    for title, bullets in resume.jobs:
        doc.add_paragraph().add_run(title).bold = True
        for b in bullets:
            doc.add_paragraph(b, style="List Bullet")
    doc.add_heading("Education", level=1)
    for e in resume.education:
        doc.add_paragraph(e)
    doc.add_heading("Licenses & Certifications", level=1)
    table = doc.add_table(rows=len(resume.licenses), cols=1)
    for row, lic in zip(table.rows, resume.licenses, strict=True):
        row.cells[0].text = lic
    doc.add_heading("Skills", level=1)
    doc.add_paragraph(resume.skills)
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def to_pdf(resume: Resume) -> bytes:
    """PDF bytes built with reportlab: wrapped paragraphs, as word processors export them."""
    from reportlab.lib.pagesizes import letter
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

    styles = getSampleStyleSheet()
    story = [Paragraph(resume.name, styles["Title"]), Paragraph(resume.contact, styles["Normal"]),
             Paragraph("PROFESSIONAL SUMMARY", styles["Heading2"]),
             Paragraph(resume.summary, styles["Normal"]),
             Paragraph("EXPERIENCE", styles["Heading2"])]
    for title, bullets in resume.jobs:
        story.append(Paragraph(f"<b>{title}</b>", styles["Normal"]))
        story += [Paragraph(f"• {b}", styles["Normal"]) for b in bullets]
        story.append(Spacer(1, 4))
    story.append(Paragraph("EDUCATION", styles["Heading2"]))
    story += [Paragraph(e, styles["Normal"]) for e in resume.education]
    story.append(Paragraph("LICENSES &amp; CERTIFICATIONS", styles["Heading2"]))
    story += [Paragraph(x, styles["Normal"]) for x in resume.licenses]
    story.append(Paragraph("SKILLS", styles["Heading2"]))
    story.append(Paragraph(resume.skills, styles["Normal"]))
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, pagesize=letter).build(story)
    return buffer.getvalue()
