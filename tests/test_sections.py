"""Section detection from the headings people really write."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tailor.models import RawLine, Section, Source
from tailor.sections import assign_sections, heading_section, looks_like_contact


@pytest.mark.parametrize(("text", "section"), [
    ("PROFESSIONAL EXPERIENCE", Section.EXPERIENCE),
    ("Work History", Section.EXPERIENCE),
    ("Employment History:", Section.EXPERIENCE),
    ("Care Management Experience", Section.EXPERIENCE),
    ("Clinical Rotations", Section.EXPERIENCE),
    ("E X P E R I E N C E", Section.EXPERIENCE),
    ("Licenses & Certifications", Section.CERTIFICATIONS),
    ("Licensure and Certification", Section.CERTIFICATIONS),
    ("CREDENTIALS", Section.CERTIFICATIONS),
    ("Education & Training", Section.EDUCATION),
    ("Education and Certifications", Section.EDUCATION),
    ("ACADEMIC BACKGROUND", Section.EDUCATION),
    ("Core Competencies", Section.SKILLS),
    ("Areas of Expertise", Section.SKILLS),
    ("Technical Skills", Section.SKILLS),
    ("Professional Summary", Section.SUMMARY),
    ("Summary of Qualifications", Section.SUMMARY),
    ("OBJECTIVE", Section.SUMMARY),
    ("Contact Information", Section.CONTACT),
    ("Professional Affiliations", Section.OTHER),
    ("Awards & Honors", Section.OTHER),
    ("1. Experience", Section.EXPERIENCE),
    ("— Skills —", Section.SKILLS),
])
def test_real_headings(text: str, section: Section) -> None:
    assert heading_section(text) is section


@pytest.mark.parametrize("text", [
    "Coordinated care for 45 high-risk patients with chronic conditions.",
    "Epic, Cerner, Microsoft Office",
    "jane@example.com",
    "Riverside Health, Columbus, OH",
    "Leadership",  # a skill in a list, unless it is styled as a heading
    "Volunteer, Hospice of Cincinnati",  # an entry that starts with a heading word
    "",
])
def test_not_headings(text: str) -> None:
    assert heading_section(text) is None


def test_ambiguous_words_need_a_visible_signal() -> None:
    assert heading_section("Leadership") is None
    assert heading_section("LEADERSHIP") is Section.OTHER
    assert heading_section("Leadership", style="Heading2") is Section.OTHER
    assert heading_section("Leadership", bold=True) is Section.OTHER
    assert heading_section("Training:") is Section.EDUCATION


def test_contact_detection() -> None:
    assert looks_like_contact("jane.doe@example.com")
    assert looks_like_contact("(614) 555-0142")
    assert looks_like_contact("linkedin.com/in/jane")
    assert looks_like_contact("Columbus, OH 43215")
    assert not looks_like_contact("Care Manager")


def test_assign_sections_walks_the_resume() -> None:
    raw = [
        RawLine("Jane Doe, RN", source=Source.HEADER),
        RawLine("Jane Doe"),
        RawLine("jane@example.com | (614) 555-0142"),
        RawLine("Registered nurse with six years of experience coordinating care for adults "
                "with chronic conditions in community settings."),
        RawLine("EXPERIENCE"),
        RawLine("Care Manager, Riverside Health"),
        RawLine("Coordinated care for 45 patients", bullet=True),
        RawLine("Skills", style="Heading1"),
        RawLine("Epic, Cerner"),
        RawLine("Page 1 of 2", source=Source.FOOTER),
        RawLine("Licenses & Certifications"),
        RawLine("RN, Ohio"),
    ]
    lines = assign_sections(raw)
    assert [ln.number for ln in lines] == list(range(1, 13))
    assert [ln.section for ln in lines] == [
        Section.CONTACT, Section.CONTACT, Section.CONTACT, Section.SUMMARY,
        Section.EXPERIENCE, Section.EXPERIENCE, Section.EXPERIENCE,
        Section.SKILLS, Section.SKILLS, Section.OTHER,
        Section.CERTIFICATIONS, Section.CERTIFICATIONS,
    ]
    assert [ln.number for ln in lines if ln.heading] == [5, 8, 11]
    assert lines[6].bullet


def test_header_lines_are_contact_details_but_page_numbers_are_not() -> None:
    lines = assign_sections([
        RawLine("Page 2 of 2", source=Source.HEADER),
        RawLine("JANE DOE", source=Source.HEADER),
        RawLine("Registered Nurse, BSN", source=Source.HEADER),
        RawLine("jane@example.com", source=Source.FOOTER),
        RawLine("Confidential: prepared for Riverside Health hiring team", source=Source.FOOTER),
    ])
    assert [ln.section for ln in lines] == [
        Section.OTHER, Section.CONTACT, Section.CONTACT, Section.CONTACT, Section.OTHER]


def test_a_bullet_is_never_a_heading() -> None:
    lines = assign_sections([RawLine("Experience"), RawLine("Education", bullet=True)])
    assert lines[1].section is Section.EXPERIENCE
    assert not lines[1].heading


@given(st.lists(st.text(max_size=60), max_size=30))
def test_any_lines_get_a_section(texts: list[str]) -> None:
    lines = assign_sections([RawLine(t) for t in texts])
    assert len(lines) == len(texts)
    assert all(isinstance(ln.section, Section) for ln in lines)
