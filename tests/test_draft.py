"""tailor draft: the quality bars of issue 4, on the shipped example profile and a skeleton."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest
from docx import Document

from tailor.api import check_resume
from tailor.catalog import load_catalog
from tailor.docx_writer import PLACEHOLDER
from tailor.draft import Draft, draft, estimated_pages
from tailor.extract import read_resume_bytes
from tailor.posting import read_posting
from tailor.profile import load_profile, profile_text_lines

from .conftest import LEVELS, REPO

TODAY = date(2026, 11, 24)
CATALOG = load_catalog()
PROFILE = load_profile(REPO / "examples" / "profile.yaml")
POSTING = read_posting(REPO / "examples" / "posting.txt", CATALOG)
PAGE_TARGET = {"assistant": 1, "care-manager": 1, "senior": 2, "lead": 2, "supervisor": 2,
               "director": 2}


@pytest.fixture(scope="module")
def drafts() -> dict[str, Draft]:
    return {level: draft(PROFILE, level=level, catalog=CATALOG, today=TODAY) for level in LEVELS}


def profile_resume():  # type: ignore[no-untyped-def]
    text = "\n".join(profile_text_lines(PROFILE)) + "\n"
    return read_resume_bytes(text.encode("utf-8"), "profile.txt")


def docx_text(data: bytes) -> list[tuple[str, str]]:
    doc = Document(io.BytesIO(data))
    return [(p.style.name, p.text) for p in doc.paragraphs]


@pytest.mark.parametrize("level", LEVELS)
def test_nothing_the_profile_supports_is_lost(drafts: dict[str, Draft], level: str) -> None:
    plain = {r.keyword.id for r in check_resume(profile_resume(), level=level,
                                                  catalog=CATALOG).keywords if r.found}
    drafted = check_resume(read_resume_bytes(drafts[level].resume, "resume.docx"), level=level,
                           catalog=CATALOG)
    shown = {r.keyword.id for r in drafted.keywords if r.found}
    assert plain - shown == set()


def test_example_at_senior_scores_at_least_85(drafts: dict[str, Draft]) -> None:
    report = check_resume(read_resume_bytes(drafts["senior"].resume, "resume.docx"),
                          level="senior", catalog=CATALOG)
    assert report.score >= 85


def test_with_a_posting_the_match_rate_is_at_least_the_profile_text() -> None:
    tailored = draft(PROFILE, level="senior", catalog=CATALOG, posting=POSTING, today=TODAY)
    drafted = check_resume(read_resume_bytes(tailored.resume, "resume.docx"), level="senior",
                           catalog=CATALOG, posting=POSTING)
    plain = check_resume(profile_resume(), level="senior", catalog=CATALOG, posting=POSTING)
    assert drafted.job is not None and plain.job is not None
    assert drafted.job.match_rate >= plain.job.match_rate
    # the letter is addressed to the posting's organization and role
    letter = " ".join(text for _, text in docx_text(tailored.cover_letter))
    assert "Lakeshore Health Partners" in letter and "RN Care Manager" in letter
    # and the summary names the posting's title, a close variant of her own
    summary = next(t for s, t in docx_text(tailored.resume) if s == "Normal")
    assert summary.startswith("RN Care Manager with 7 years of care management experience")


@pytest.mark.parametrize("level", LEVELS)
def test_no_placeholder_where_the_profile_has_the_fact(drafts: dict[str, Draft],
                                                       level: str) -> None:
    resume_placeholders = [p for p in drafts[level].placeholders if p.document == "resume"]
    assert resume_placeholders == []
    text = " ".join(t for _, t in docx_text(drafts[level].resume))
    assert "Maya Castellanos" in text and "maya.castellanos@example.com" in text
    assert PLACEHOLDER.search(text) is None


def test_placeholders_are_never_evidence() -> None:
    skeleton = draft(None, level="senior", catalog=CATALOG, today=TODAY)
    assert {p.text for p in skeleton.placeholders} >= {"[Your Name]", "[email]", "[phone]",
                                                      "[Job title]", "[Employer]"}
    report = check_resume(read_resume_bytes(skeleton.resume, "resume.docx"), level="senior",
                          catalog=CATALOG)
    lines = {line.number: line.text for line in report.lines}
    for result in report.keywords:
        for ev in result.evidence:
            spans = [m.span() for m in PLACEHOLDER.finditer(lines[ev.line])]
            at = lines[ev.line].find(ev.matched)
            assert not any(s <= at < e for s, e in spans), (result.keyword.id, ev.text)
    assert report.score < 15  # a skeleton shows nothing but the level's own words


def test_skeleton_prompts_for_the_levels_themes() -> None:
    skeleton = draft(None, level="lead", catalog=CATALOG, today=TODAY)
    bullets = [t for s, t in docx_text(skeleton.resume) if s == "List Bullet"]
    assert bullets and all(b.startswith("[Show ") for b in bullets)


@pytest.mark.parametrize("level", LEVELS)
def test_cover_letter_length_and_shape(level: str) -> None:
    for posting in (None, POSTING):
        result = draft(PROFILE, level=level, catalog=CATALOG, posting=posting, today=TODAY)
        body = [t for s, t in docx_text(result.cover_letter) if s == "Letter Body"]
        words = sum(len(t.split()) for t in body)
        assert 250 <= words <= 400, (level, posting is not None, words)
        assert body[0] == "Dear Hiring Manager,"
        assert body[1].startswith("I am writing to apply for the ")
        assert body[-2] == "Sincerely,"
        opening = body[1]
        role = "RN Care Manager position at Lakeshore Health Partners" if posting else \
            f"{CATALOG.level(level).title} position at [Organization]"
        assert role in opening


def test_level_templates_order_sections(drafts: dict[str, Draft]) -> None:
    def headings(d: Draft) -> list[str]:
        return [t for s, t in docx_text(d.resume) if s == "Heading 1"]

    early = headings(drafts["assistant"])
    assert early.index("Education") < early.index("Experience")
    mid = headings(drafts["senior"])
    assert mid[:2] == ["Professional Summary", "Professional Experience"]
    assert mid.index("Professional Experience") < mid.index("Education")
    lead = headings(drafts["director"])
    assert lead[:2] == ["Leadership Summary", "Leadership Experience"]
    assert lead.index("Skills") < lead.index("Education")


@pytest.mark.parametrize("level", ["senior", "lead", "director"])
def test_bullets_lead_with_the_levels_focus(drafts: dict[str, Draft], level: str) -> None:
    from tailor.match import build_matcher
    from tailor.models import Line, Section, Source

    focus = {kw.id for kw in CATALOG.for_level(level) if len(kw.levels) < len(LEVELS)}
    bullets = [t for s, t in docx_text(drafts[level].resume) if s == "List Bullet"]
    first = build_matcher(CATALOG.keywords).find(
        [Line(1, bullets[0], Source.BODY, Section.EXPERIENCE)])
    assert focus & {r.keyword.id for r in first if r.found}, bullets[0]


def test_drafts_use_the_reference_styles(drafts: dict[str, Draft]) -> None:
    styles = {s for s, _ in docx_text(drafts["senior"].resume)}
    assert styles <= {"Title", "Contact", "Heading 1", "Entry", "Entry Detail", "List Bullet",
                      "Skills", "Normal"}
    assert {"Title", "Heading 1", "Entry", "List Bullet", "Skills"} <= styles
    props = Document(io.BytesIO(drafts["senior"].resume)).core_properties
    assert props.author == "Maya Castellanos, MSN, RN, CCM"
    assert "python-docx" not in (props.comments or "")


@pytest.mark.parametrize("level", LEVELS)
def test_page_estimate_meets_the_target(drafts: dict[str, Draft], level: str) -> None:
    assert estimated_pages(drafts[level].resume_markup) <= PAGE_TARGET[level]


@pytest.mark.slow
def test_rendered_page_counts_with_libreoffice(drafts: dict[str, Draft],
                                               tmp_path: Path) -> None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice is not installed (Debian: libreoffice-writer)")
    if shutil.which("pdfinfo") is None:
        pytest.skip("pdfinfo is not installed (Debian: poppler-utils)")
    files = []
    for level, result in drafts.items():
        path = tmp_path / f"{level}.docx"
        path.write_bytes(result.resume)
        files.append(str(path))
        letter = tmp_path / f"{level}-letter.docx"
        letter.write_bytes(result.cover_letter)
        files.append(str(letter))
    subprocess.run([soffice, f"-env:UserInstallation=file://{tmp_path}/lo", "--headless",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), *files],
                   check=True, capture_output=True, timeout=240)
    for level in LEVELS:
        for name, target in ((level, PAGE_TARGET[level]), (f"{level}-letter", 1)):
            info = subprocess.run(["pdfinfo", str(tmp_path / f"{name}.pdf")], check=True,
                                  capture_output=True, text=True).stdout
            pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))  # type: ignore[union-attr]
            assert pages <= target, (name, pages)
