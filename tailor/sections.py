"""Section detection: which lines are headings, and which section every line sits in."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from tailor.models import Line, RawLine, Section, Source

_C, _S, _X, _E, _K, _L, _O = (
    Section.CONTACT,
    Section.SUMMARY,
    Section.EXPERIENCE,
    Section.EDUCATION,
    Section.SKILLS,
    Section.CERTIFICATIONS,
    Section.OTHER,
)

# Headings as people really write them, normalised (lower case, "&" → "and", no punctuation).
HEADINGS: dict[str, Section] = {
    # contact
    "contact": _C, "contact information": _C, "contact info": _C, "contact details": _C,
    "personal details": _C, "personal information": _C, "personal info": _C,
    # summary
    "summary": _S, "professional summary": _S, "career summary": _S, "executive summary": _S,
    "summary of qualifications": _S, "qualifications summary": _S, "profile": _S,
    "professional profile": _S, "career profile": _S, "objective": _S, "career objective": _S,
    "professional objective": _S, "objective statement": _S, "about me": _S, "about": _S,
    "overview": _S, "professional overview": _S, "highlights": _S, "career highlights": _S,
    "summary of experience": _S, "clinical summary": _S, "personal statement": _S,
    "professional statement": _S, "career goal": _S, "career goals": _S, "introduction": _S,
    "summary statement": _S, "professional highlights": _S, "value proposition": _S,
    # experience
    "experience": _X, "professional experience": _X, "work experience": _X,
    "work history": _X, "employment history": _X, "employment": _X, "employment experience": _X,
    "relevant experience": _X, "related experience": _X, "clinical experience": _X,
    "career history": _X, "professional history": _X, "healthcare experience": _X,
    "nursing experience": _X, "professional background": _X, "career experience": _X,
    "experience highlights": _X, "work": _X, "positions held": _X, "internships": _X,
    "internship": _X, "internship experience": _X, "clinical rotations": _X,
    "clinical placements": _X, "clinical placement": _X, "practicum": _X,
    "practicum experience": _X, "field placement": _X, "field experience": _X,
    "field practicum": _X, "volunteer experience": _X, "leadership experience": _X,
    "additional experience": _X, "other experience": _X, "experience and achievements": _X,
    "professional employment": _X, "selected experience": _X, "recent experience": _X,
    "teaching experience": _X, "research experience": _X, "military experience": _X,
    "case management experience": _X, "care management experience": _X,
    # education
    "education": _E, "education and training": _E, "academic background": _E,
    "academic history": _E, "educational background": _E, "academic qualifications": _E,
    "educational history": _E, "academics": _E, "training": _E, "degrees": _E,
    "education and credentials": _E, "education and professional development": _E,
    "academic preparation": _E, "formal education": _E, "schooling": _E,
    "education history": _E, "academic credentials": _E, "academic training": _E,
    # skills
    "skills": _K, "core competencies": _K, "key skills": _K, "areas of expertise": _K,
    "technical skills": _K, "competencies": _K, "expertise": _K, "skills summary": _K,
    "summary of skills": _K, "clinical skills": _K, "computer skills": _K, "skill set": _K,
    "skillset": _K, "qualifications": _K, "key qualifications": _K, "strengths": _K,
    "core skills": _K, "professional skills": _K, "relevant skills": _K, "skills and abilities": _K,
    "abilities": _K, "key competencies": _K, "core qualifications": _K, "areas of strength": _K,
    "technology": _K, "technologies": _K, "software": _K, "systems": _K, "tools": _K,
    "ehr systems": _K, "technical proficiencies": _K, "proficiencies": _K,
    "knowledge": _K, "specialties": _K, "specialized skills": _K, "additional skills": _K,
    "skills and competencies": _K, "professional competencies": _K, "skill highlights": _K,
    "skills highlights": _K, "clinical competencies": _K, "hard skills": _K, "soft skills": _K,
    # certifications and licences
    "certifications": _L, "certification": _L, "certificates": _L, "licenses": _L,
    "license": _L, "licences": _L, "licence": _L, "licensure": _L, "credentials": _L,
    "licenses and certifications": _L, "licensure and certifications": _L,
    "certifications and licenses": _L, "professional licenses": _L,
    "professional certifications": _L, "licensure and certification": _L,
    "professional credentials": _L, "certifications and licensure": _L,
    "licenses and credentials": _L, "registrations": _L, "clinical licensure": _L,
    "nursing license": _L, "active licenses": _L,
    # everything else people put on a resume
    "awards": _O, "honors": _O, "honours": _O, "awards and honors": _O, "achievements": _O,
    "accomplishments": _O, "key achievements": _O, "publications": _O, "presentations": _O,
    "volunteer": _O, "volunteering": _O, "volunteer work": _O, "community service": _O,
    "community involvement": _O, "affiliations": _O, "professional affiliations": _O,
    "memberships": _O, "professional memberships": _O, "associations": _O,
    "professional associations": _O, "professional organizations": _O,
    "professional development": _O, "continuing education": _O, "references": _O,
    "languages": _O, "language skills": _O, "interests": _O, "hobbies": _O,
    "activities": _O, "extracurricular activities": _O, "projects": _O, "research": _O,
    "leadership": _O, "additional information": _O, "other": _O, "conferences": _O,
    "service": _O, "military service": _O, "grants": _O, "patents": _O,
}

# Single words that are also ordinary skill or list items: only headings with a visible signal
# (heading style, bold, capitals, or a trailing colon).
_AMBIGUOUS = {
    "leadership", "languages", "training", "volunteer", "projects", "interests", "activities",
    "references", "publications", "awards", "highlights", "profile", "qualifications",
    "employment", "expertise", "strengths", "competencies", "overview", "work", "about",
    "research", "service", "knowledge", "systems", "tools", "software", "technology",
    "technologies", "abilities", "introduction", "specialties", "other", "achievements",
    "accomplishments", "proficiencies", "conferences", "grants", "patents", "hobbies",
}

# "Care Management Experience", "Nursing Licenses": the last word decides.
_TAIL = {
    "experience": _X, "history": _X, "employment": _X, "internships": _X, "rotations": _X,
    "placements": _X, "education": _E, "skills": _K, "competencies": _K, "expertise": _K,
    "proficiencies": _K, "certifications": _L, "licenses": _L, "licences": _L, "licensure": _L,
    "credentials": _L, "summary": _S, "profile": _S, "objective": _S, "affiliations": _O,
    "memberships": _O, "awards": _O, "honors": _O, "publications": _O,
}

_MAX_HEADING_WORDS = 6
_MAX_HEADING_CHARS = 60
_LEAD = re.compile(r"^[\W\d_]*(?:[ivx]+[.)]\s*)?", re.IGNORECASE)
_SPACED = re.compile(r"^(?:\w ){3,}\w$")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_PHONE = re.compile(r"(?:\+?\d[\s.-]?)?(?:\(\d{3}\)|\d{3})[\s.-]?\d{3}[\s.-]?\d{4}\b")
_URL = re.compile(r"(?:https?://|www\.|linkedin\.com|github\.com)", re.IGNORECASE)
_ADDRESS = re.compile(r"\b[A-Z]{2}\s+\d{5}(?:-\d{4})?\b|\b\d{1,6}\s+\w+\s+(?:St|Street|Ave|"
                      r"Avenue|Rd|Road|Blvd|Dr|Drive|Ln|Lane|Way|Ct|Court)\b")


def heading_key(text: str) -> str:
    """Reduce a candidate heading to the form HEADINGS uses."""
    key = text.strip()
    if _SPACED.match(key):  # "E X P E R I E N C E"
        key = key.replace(" ", "")
    key = _LEAD.sub("", key.lower())
    key = key.replace("&", " and ").replace("+", " and ")
    key = re.sub(r"[^\w\s/|,]", " ", key)
    return " ".join(key.split())


@lru_cache(maxsize=8192)
def heading_section(text: str, *, style: str | None = None, bold: bool = False) -> Section | None:
    """The section a line opens, if it is a section heading; else None.

    Args:
        text: the line.
        style: its paragraph style id, if any ("Heading1"...).
        bold: whether it is set in bold.
    """
    stripped = text.strip()
    if not stripped or len(stripped) > _MAX_HEADING_CHARS:
        return None
    words = stripped.split()
    if len(words) > _MAX_HEADING_WORDS and not _SPACED.match(stripped):
        return None
    if stripped.endswith((".", ";", "!", "?")) or _EMAIL.search(stripped):
        return None
    key = heading_key(stripped)
    if not key:
        return None
    letters = [c for c in stripped if c.isalpha()]
    signal = (
        bold
        or stripped.endswith(":")
        or (bool(letters) and all(c.isupper() for c in letters) and len(letters) > 1)
        or bool(style and re.match(r"(?i)(heading|title|subtitle|sectiontitle|section)", style))
    )
    section = HEADINGS.get(key)
    if section is not None:
        if key in _AMBIGUOUS and not signal:
            return None
        return section
    # Combined headings: "Education & Certifications", "Skills / Languages".
    # Every part must be a heading: "Volunteer, Hospice of Cincinnati" is an entry, not one.
    parts = [p.strip() for p in re.split(r"\s+and\s+|[/|,]", key) if p.strip()]
    if len(parts) > 1 and all(part in HEADINGS for part in parts):
        return HEADINGS[parts[0]]
    last = key.split()[-1]
    if last in _TAIL and (signal or len(key.split()) <= 3):
        return _TAIL[last]
    return None


def looks_like_contact(text: str) -> bool:
    """True for a line holding an email address, phone number, profile URL or postal address."""
    return bool(
        _EMAIL.search(text) or _PHONE.search(text) or _URL.search(text) or _ADDRESS.search(text)
    )


def assign_sections(raw: Sequence[RawLine]) -> tuple[Line, ...]:
    """Number the lines and give each its section, from the headings the resume uses.

    Lines before the first heading are contact details (name, email, phone) unless they read
    as prose, which is a summary. Header and footer lines never change the running section:
    contact details (email, phone, address, or a short header line such as the name) or
    "other" ("Page 1 of 2", footnotes).
    """
    lines: list[Line] = []
    current: Section | None = None
    for index, r in enumerate(raw, start=1):
        heading = False
        if r.source in (Source.HEADER, Source.FOOTER, Source.FOOTNOTE, Source.ENDNOTE):
            # A header holds the name, credentials and contact details; a footer may too.
            is_contact = looks_like_contact(r.text) or (
                r.source is Source.HEADER and len(r.text.split()) <= 6
                and not re.search(r"\bpage\b", r.text, re.IGNORECASE))
            section = _C if is_contact else _O
        else:
            plain = r.bullet or r.wrap or len(r.text) > _MAX_HEADING_CHARS
            found = None if plain else heading_section(r.text, style=r.style, bold=r.bold)
            if found is not None:
                current, section, heading = found, found, True
            elif current is None:
                section = _S if len(r.text.split()) >= 12 and not looks_like_contact(r.text) else _C
            else:
                section = current
        lines.append(Line(
            number=index, text=r.text, source=r.source, section=section, heading=heading,
            page=r.page, style=r.style, wrap=r.wrap, bullet=r.bullet,
        ))
    return tuple(lines)
