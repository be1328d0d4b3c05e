"""Rebuild examples/resume.docx, the example resume the README checks.

A care manager with four years in care management after three on a med-surg unit: a plausible,
decent resume with real gaps (no CCM, no quality-improvement or data work, no payer detail
beyond Medicare and Medicaid), so `tailor check` has something to find and something to say.

    python examples/build_resume_docx.py
"""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt, RGBColor

NAME = "Jordan Rivera, RN, BSN"
CONTACT = ("Columbus, OH 43215 · (614) 555-0142 · jordan.rivera@example.com · "
           "linkedin.com/in/jordan-rivera-rn")
SUMMARY = (
    "Registered Nurse with seven years of clinical and care management experience, including "
    "four years managing caseloads of high-risk adults with chronic conditions. Skilled in "
    "comprehensive assessments, individualized care plans and transitions of care, with a "
    "record of reducing 30-day readmissions. Known for clear, empathetic communication with "
    "patients and families."
)
JOBS = [
    (
        "Care Manager, RN",
        "Riverside Community Health Partners, Columbus, OH",
        "March 2021 – Present",
        [
            "Manage a caseload of 65-80 high-risk adults with diabetes, heart failure and COPD, "
            "completing comprehensive assessments of medical, social and behavioral needs within "
            "72 hours of referral.",
            "Develop and update individualized care plans with patients, primary care providers "
            "and specialists; coordinated care for 300+ patients a year across primary care, "
            "specialty, home health and behavioral health.",
            "Lead discharge planning for hospitalized members, arranging home health, durable "
            "medical equipment and skilled nursing facility placements; cut 30-day readmissions "
            "from 18% to 12% in 2023.",
            "Educate patients and families on medications, symptom management and self-management "
            "of chronic disease, using motivational interviewing to set goals.",
            "Connect members with community resources (transportation, food assistance, housing "
            "support) and screen for social determinants of health at every annual review.",
            "Document assessments, interventions and outcomes in Epic within 24 hours, following "
            "HIPAA and program documentation standards.",
            "Collaborate with an interdisciplinary team of physicians, social workers, "
            "pharmacists and therapists in weekly case conferences.",
        ],
    ),
    (
        "Staff Nurse, Medical-Surgical Unit",
        "Mount Carmel East Hospital, Columbus, OH",
        "June 2018 – February 2021",
        [
            "Provided direct care for 5-6 patients per shift on a 32-bed medical-surgical unit; "
            "served as charge nurse two shifts a week.",
            "Partnered with case management on discharge plans and patient education for safe "
            "transitions home, including Medicare and Medicaid patients.",
            "Precepted 8 new graduate nurses and served on the unit's falls-prevention committee, "
            "which reduced falls by 22% in one year.",
        ],
    ),
]
EDUCATION = [("Bachelor of Science in Nursing (BSN)", "The Ohio State University, Columbus, OH",
              "2018")]
LICENSES = [
    "Registered Nurse (RN), State of Ohio, License #RN.000000, expires 08/2027",
    "Basic Life Support (BLS), American Heart Association, 2025",
]
SKILLS = ("Care coordination · Care plan development · Transitions of care · Chronic disease "
          "management · Motivational interviewing · Patient and family education · Epic · "
          "Microsoft Office (Word, Excel, Outlook) · Microsoft Teams · Telehealth visits")
AFFILIATIONS = ["Member, Case Management Society of America (CMSA), 2022 – present"]

ACCENT = RGBColor(0x1F, 0x4E, 0x79)


def build(path: Path) -> None:
    """Write the example resume to `path`."""
    doc = Document()
    normal = doc.styles["Normal"]
    normal.font.name = "Calibri"
    normal.font.size = Pt(10.5)
    normal.paragraph_format.space_after = Pt(2)
    for section in doc.sections:
        section.left_margin = section.right_margin = Pt(54)
        section.top_margin = section.bottom_margin = Pt(48)
    h1 = doc.styles["Heading 1"]
    h1.font.size = Pt(12)
    h1.font.color.rgb = ACCENT
    h1.paragraph_format.space_before = Pt(10)
    h1.paragraph_format.space_after = Pt(3)

    title = doc.add_paragraph(style="Title")
    title.add_run(NAME)
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    contact = doc.add_paragraph(CONTACT)
    contact.alignment = WD_ALIGN_PARAGRAPH.CENTER

    doc.add_heading("Professional Summary", level=1)
    doc.add_paragraph(SUMMARY)

    doc.add_heading("Professional Experience", level=1)
    for title_text, employer, dates, bullets in JOBS:
        p = doc.add_paragraph()
        p.paragraph_format.space_before = Pt(6)
        p.add_run(title_text).bold = True
        p.add_run(f" | {employer} | {dates}")
        for bullet in bullets:
            doc.add_paragraph(bullet, style="List Bullet")

    doc.add_heading("Education", level=1)
    for degree, school, year in EDUCATION:
        p = doc.add_paragraph()
        p.add_run(degree).bold = True
        p.add_run(f" | {school} | {year}")

    doc.add_heading("Licenses & Certifications", level=1)
    for line in LICENSES:
        doc.add_paragraph(line, style="List Bullet")

    doc.add_heading("Skills", level=1)
    doc.add_paragraph(SKILLS)

    doc.add_heading("Professional Affiliations", level=1)
    for line in AFFILIATIONS:
        doc.add_paragraph(line, style="List Bullet")

    doc.core_properties.title = "Resume"
    doc.core_properties.author = "Jordan Rivera"
    doc.save(str(path))


if __name__ == "__main__":
    build(Path(__file__).with_name("resume.docx"))
