"""Format checks: what makes applicant-tracking systems drop or garble a resume. Pure functions."""

from __future__ import annotations

import re
from collections.abc import Callable

from tailor.models import CheckResult, ResumeText, Section, Source, Status

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_PHONE = re.compile(r"(?:\+?\d{1,3}[\s.-]?)?(?:\(\d{3}\)|\d{3})[\s.-]?\d{3}[\s.-]?\d{4}\b")
_MIN_WORDS = 150
_CORE_SECTIONS = (Section.EXPERIENCE, Section.EDUCATION, Section.SKILLS)
_OFF_BODY = (Source.HEADER, Source.FOOTER, Source.TEXTBOX)

Check = Callable[[ResumeText], CheckResult]


def check_text_amount(resume: ResumeText) -> CheckResult:
    """Enough text came out of the file for a system to read."""
    words = sum(len(line.text.split()) for line in resume.lines)
    if words >= _MIN_WORDS:
        return CheckResult("readable-text", Status.PASS, f"{words} words of text were read.")
    return CheckResult(
        "readable-text", Status.WARN,
        f"Only {words} words of text could be read; applicant-tracking systems see no more.",
        "Keep text as real text in the body: not in images, shapes or scanned pages.",
    )


def check_sections(resume: ResumeText) -> CheckResult:
    """The resume uses headings that systems recognise, for the sections they look for."""
    found = {line.section for line in resume.lines if line.heading}
    if not found:
        return CheckResult(
            "standard-sections", Status.FAIL,
            "No standard section headings were recognised.",
            "Use plain headings such as Summary, Experience, Education, Skills, "
            "Licenses & Certifications.",
        )
    missing = [s.value for s in _CORE_SECTIONS if s not in found]
    if missing:
        return CheckResult(
            "standard-sections", Status.WARN,
            f"No heading found for: {', '.join(missing)}.",
            f"Add a plainly named heading for {', '.join(missing)}; systems file your text "
            "under the headings they recognise.",
        )
    names = ", ".join(s.value for s in Section if s in found)
    return CheckResult("standard-sections", Status.PASS, f"Sections recognised: {names}.")


def check_contact(resume: ResumeText) -> CheckResult:
    """An email address and a phone number are present, in the body where systems read them."""
    by_source: dict[Source, list[str]] = {}
    for line in resume.lines:
        by_source.setdefault(line.source, []).append(line.text)
    where: dict[str, set[Source]] = {"email": set(), "phone": set()}
    for source, texts in by_source.items():
        text = "\n".join(texts)
        if "@" in text and _EMAIL.search(text):
            where["email"].add(source)
        if _PHONE.search(text):
            where["phone"].add(source)
    absent = [k for k, sources in where.items() if not sources]
    if absent:
        return CheckResult(
            "contact-details", Status.FAIL,
            f"No {' or '.join(absent)} found.",
            "Put your email address and phone number in the first lines of the body.",
        )
    hidden = [k for k, sources in where.items() if sources <= set(_OFF_BODY)]
    if hidden:
        places = sorted({s.value for k in hidden for s in where[k]})
        return CheckResult(
            "contact-details", Status.WARN,
            f"Your {' and '.join(hidden)} appear only in the {' / '.join(places)}, which many "
            "applicant-tracking systems skip.",
            "Repeat them as plain text at the top of the body.",
        )
    return CheckResult("contact-details", Status.PASS, "Email address and phone number found.")


def check_text_boxes(resume: ResumeText) -> CheckResult:
    """No resume content hides in text boxes or shapes."""
    count = sum(1 for line in resume.lines if line.source is Source.TEXTBOX)
    if count:
        return CheckResult(
            "text-boxes", Status.WARN,
            f"{count} lines sit in text boxes or shapes, which many systems skip or misplace.",
            "Move that text into the body (use plain paragraphs or a simple one-column layout).",
        )
    return CheckResult("text-boxes", Status.PASS, "No text in text boxes or shapes.")


CHECKS: tuple[Check, ...] = (check_text_amount, check_sections, check_contact, check_text_boxes)


def run_checks(resume: ResumeText) -> tuple[CheckResult, ...]:
    """Every format check, in a stable order."""
    return tuple(check(resume) for check in CHECKS)
