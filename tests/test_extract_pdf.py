"""Reading PDF with pypdfium2: lines, soft wraps, bullets, pages, and PDFs that cannot be read."""

from __future__ import annotations

import pytest

from tailor.errors import InputError
from tailor.extract import read_resume_bytes
from tailor.models import FileKind, Section
from tailor.pdf_text import MAX_PAGES, _page_lines, read_pdf
from tests.factories import (
    CARE_BULLETS,
    pdf_encrypted,
    pdf_image_only,
    pdf_lines,
    pdf_resume_paragraphs,
    pdf_two_columns,
    pdf_with_blank_page,
)


def test_lines_wraps_bullets_and_hyphenation() -> None:
    data = pdf_lines(
        [
            "Coordinated care for heart",
            "failure patients, diabetes, and",
            "chronic disease manage-",
            "ment programs.",
            "• Led discharge planning",
            "- Completed utilization review",
            "* Starred item",
            "Worked with the",
            "Interdisciplinary team",
            "Jane Doe, RN",
            "jane.doe@example.com",
        ],
        ["Second page line"],
    )
    result = read_pdf(data, "r.pdf")
    assert [(line.text, line.wrap, line.bullet, line.page) for line in result.lines] == [
        ("Coordinated care for heart", False, False, 1),
        ("failure patients, diabetes, and", True, False, 1),
        ("chronic disease management programs.", True, False, 1),
        ("Led discharge planning", False, True, 1),
        ("Completed utilization review", False, True, 1),
        ("Starred item", False, True, 1),
        ("Worked with the", False, False, 1),
        ("Interdisciplinary team", True, False, 1),
        ("Jane Doe, RN", False, False, 1),
        ("jane.doe@example.com", False, False, 1),
        ("Second page line", False, False, 2),
    ]
    assert (result.layout.pages, result.layout.empty_pages) == (2, 0)


def test_wrapped_paragraphs_and_list_from_platypus() -> None:
    resume = read_resume_bytes(pdf_resume_paragraphs(), "resume.pdf")
    assert resume.kind is FileKind.PDF
    lines = resume.lines
    assert lines[0].text == "Jane Doe, RN"
    assert lines[1].text == "jane.doe@example.com | (555) 123-4567"
    assert lines[1].wrap is False
    heading = next(line for line in lines if line.text == "Professional Experience")
    assert heading.heading and heading.section is Section.EXPERIENCE
    paragraph = [line for line in lines if line.number > heading.number and not line.bullet]
    assert len(paragraph) >= 2
    assert paragraph[0].wrap is False
    assert all(line.wrap for line in paragraph[1:])
    joined = " ".join(line.text for line in paragraph)
    assert "congestive heart failure, chronic obstructive pulmonary disease" in joined
    bullets = [line.text for line in lines if line.bullet]
    assert bullets == list(CARE_BULLETS)


def test_two_columns_keep_their_order() -> None:
    resume = read_resume_bytes(pdf_two_columns(), "two.pdf")
    assert [line.text for line in resume.lines] == [
        "Skills",
        "Epic EHR",
        "InterQual criteria",
        "Experience",
        "Care Manager, Mercy Health",
        "Utilization review for Medicare members",
    ]
    assert resume.section_lines(Section.SKILLS)[0].text == "Epic EHR"
    assert resume.section_lines(Section.EXPERIENCE)[-1].text == (
        "Utilization review for Medicare members")


def test_empty_pages_are_counted() -> None:
    resume = read_resume_bytes(pdf_with_blank_page(), "blank.pdf")
    assert (resume.layout.pages, resume.layout.empty_pages) == (3, 1)
    assert [(line.text, line.page) for line in resume.lines] == [
        ("Jane Doe, RN", 1), ("References available on request.", 3)]


def test_image_only_pdf_is_refused() -> None:
    with pytest.raises(InputError) as caught:
        read_resume_bytes(pdf_image_only(pages=2), "scan.pdf")
    assert str(caught.value) == (
        "scan.pdf has no text layer: it looks like a scanned image; export a text PDF from Word "
        "or Google Docs, or send the DOCX"
    )


def test_encrypted_pdf_needing_a_password_is_refused() -> None:
    with pytest.raises(InputError) as caught:
        read_resume_bytes(pdf_encrypted("secret"), "locked.pdf")
    assert str(caught.value) == (
        "locked.pdf is an encrypted PDF that needs a password; save an unprotected copy")


def test_pdf_with_only_an_owner_password_is_read() -> None:
    resume = read_resume_bytes(pdf_encrypted(""), "restricted.pdf")
    assert resume.text == "Jane Doe, RN\nCare coordination"


def test_junk_before_the_header_is_allowed() -> None:
    data = b"From: mail gateway\r\n" * 20 + pdf_lines(["Jane Doe, RN"])
    resume = read_resume_bytes(data, "mail.pdf")
    assert resume.kind is FileKind.PDF
    assert resume.text == "Jane Doe, RN"


def test_pages_beyond_the_cap_are_skipped_with_a_note() -> None:
    data = pdf_lines(*[[f"Page {number} text"] for number in range(1, MAX_PAGES + 6)])
    resume = read_resume_bytes(data, "long.pdf")
    assert resume.layout.pages == MAX_PAGES + 5
    assert resume.lines[-1].text == f"Page {MAX_PAGES} text"
    assert resume.lines[-1].page == MAX_PAGES
    assert resume.notes == (f"has {MAX_PAGES + 5} pages; tailor read the first {MAX_PAGES}",)


def test_damaged_pdf() -> None:
    with pytest.raises(InputError) as caught:
        read_resume_bytes(b"%PDF-1.7\n1 0 obj << /Type /Catalog >> garbage", "bad.pdf")
    assert "bad.pdf is a damaged PDF" in str(caught.value)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("manage\x02\r\nment programs", ["management programs"]),
        ("manage\ufffement programs", ["management programs"]),
        ("line one\r\nline two\r\n\r\nline three", ["line one", "line two", "line three"]),
        ("\uf0b7 Symbol bullet\r\n\uf0a7 Wingdings bullet\r\n● Round", [
            "Symbol bullet", "Wingdings bullet", "Round"]),
        ("Care\x0cManager\x00", ["Care", "Manager"]),  # a form feed ends a line
    ],
)
def test_page_text_clean_up(text: str, expected: list[str]) -> None:
    lines, repaired = _page_lines(text, 1)
    assert [line.text for line in lines] == expected
    assert repaired == 0


def test_blank_line_stops_a_wrap() -> None:
    lines, _ = _page_lines("Worked with the\r\n\r\ninterdisciplinary team", 1)
    assert [line.wrap for line in lines] == [False, False]
