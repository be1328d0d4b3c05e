"""Reading plain text and Markdown: encodings, bullets, hard wraps, Markdown structure."""

from __future__ import annotations

import codecs

import pytest

from tailor.errors import InputError
from tailor.extract import read_resume_bytes
from tailor.models import FileKind, Section, Source
from tailor.plain_text import NotTextError, decode_text, read_markdown

RESUME = """Jane Doe, RN
jane.doe@example.com | (555) 123-4567

EXPERIENCE
Care Manager, Mercy Health
- Coordinated care for sixty patients with heart
  failure and diabetes, working with the
  Interdisciplinary team.
* Completed utilization review for Medicare members
• Led discharge planning
o Reduced readmissions by 18%

Résumé skills: Epic, InterQual
"""


def test_plain_text_lines_bullets_and_wraps() -> None:
    resume = read_resume_bytes(RESUME.encode("utf-8"), "resume.txt")
    assert resume.kind is FileKind.TEXT
    assert resume.encoding == "utf-8"
    assert resume.notes == ()
    assert [(line.text, line.bullet, line.wrap) for line in resume.lines] == [
        ("Jane Doe, RN", False, False),
        ("jane.doe@example.com | (555) 123-4567", False, False),
        ("EXPERIENCE", False, False),
        ("Care Manager, Mercy Health", False, False),
        ("Coordinated care for sixty patients with heart", True, False),
        ("failure and diabetes, working with the", False, True),
        ("Interdisciplinary team.", False, True),
        ("Completed utilization review for Medicare members", True, False),
        ("Led discharge planning", True, False),
        ("Reduced readmissions by 18%", True, False),
        ("Résumé skills: Epic, InterQual", False, False),
    ]
    experience = resume.section_lines(Section.EXPERIENCE)
    assert experience[0].text == "Care Manager, Mercy Health"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (codecs.BOM_UTF8 + RESUME.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF16_LE + RESUME.encode("utf-16-le"), "utf-16-le"),
        (codecs.BOM_UTF16_BE + RESUME.encode("utf-16-be"), "utf-16-be"),
        (codecs.BOM_UTF32_LE + RESUME.encode("utf-32-le"), "utf-32-le"),
        (codecs.BOM_UTF32_BE + RESUME.encode("utf-32-be"), "utf-32-be"),
        (RESUME.encode("utf-16-le"), "utf-16-le"),
        (RESUME.encode("utf-16-be"), "utf-16-be"),
        (RESUME.encode("utf-8"), "utf-8"),
    ],
)
def test_encodings(data: bytes, encoding: str) -> None:
    resume = read_resume_bytes(data, "resume.txt")
    assert resume.encoding == encoding
    assert resume.lines[0].text == "Jane Doe, RN"
    assert resume.lines[-1].text == "Résumé skills: Epic, InterQual"
    assert resume.notes == ()


def test_cp1252_fallback_is_noted() -> None:
    data = "Jane Doe \u2013 Care Manager\nRésumé for “Mercy”".encode("cp1252")
    resume = read_resume_bytes(data, "old.txt")
    assert resume.encoding == "cp1252"
    assert [line.text for line in resume.lines] == [
        "Jane Doe – Care Manager", 'Résumé for "Mercy"']
    assert resume.notes == (
        "is not valid UTF-8; read it as Windows-1252 (cp1252): check accented letters and "
        "save it as UTF-8",
    )


def test_mojibake_in_text_is_repaired_and_noted() -> None:
    data = "Itâ€™s a cafÃ© job\nPlain line\n".encode()
    resume = read_resume_bytes(data, "moji.txt")
    assert resume.text == "It's a café job\nPlain line"
    assert resume.notes == ("repaired garbled characters (mojibake) in 1 line",)


@pytest.mark.parametrize(
    "data",
    [
        bytes(range(256)) * 4,
        b"Jane\x00Doe\x00\x00\x00\x01\x02binary",
        b"\x01\x02\x03\x04\x05\x06 text with many controls \x07\x08\x0e\x0f\x10\x11",
    ],
)
def test_binary_named_txt_is_refused(data: bytes) -> None:
    with pytest.raises(InputError) as caught:
        read_resume_bytes(data, "junk.txt")
    assert str(caught.value) == "junk.txt is not a text file (it holds binary data)"


def test_decode_text_refuses_nul_bytes_that_are_not_utf16() -> None:
    with pytest.raises(NotTextError):
        decode_text(b"ab\x00\x00\x00cd\x00\x00ef" * 20)


@pytest.mark.parametrize("data", [b"", b"   \n\t\n"])
def test_empty_text(data: bytes) -> None:
    with pytest.raises(InputError) as caught:
        read_resume_bytes(data, "empty.txt")
    assert str(caught.value) in ("empty.txt is empty (0 bytes)", "empty.txt holds no text")


def test_rtf_is_refused() -> None:
    with pytest.raises(InputError) as caught:
        read_resume_bytes(b"{\\rtf1\\ansi Jane Doe}", "cv.txt")
    assert str(caught.value) == "cv.txt is an RTF file; save it as .docx or PDF"


MARKDOWN = """# Jane Doe, RN
jane.doe@example.com | (555) 123-4567

## Experience

**Care Manager**, *Mercy Health*
Coordinated care for patients with heart
failure and diabetes.

- Led [discharge planning](https://example.com) with the team
- Completed `utilization review` for
  Medicare members

1. Numbered item

**Skills**

| Tool | Level |
|------|-------|
| Epic | Expert |

```
code line one
  code line two
```

<div>HTML block text</div>

Education
---------
BSN, State University
"""


def test_markdown_structure() -> None:
    result = read_markdown(MARKDOWN)
    rows = [(line.text, line.style, line.bullet, line.wrap, line.bold, line.source)
            for line in result.lines]
    body, table = Source.BODY, Source.TABLE
    assert rows == [
        ("Jane Doe, RN", "Heading1", False, False, False, body),
        ("jane.doe@example.com | (555) 123-4567", None, False, False, False, body),
        ("Experience", "Heading2", False, False, False, body),
        ("Care Manager, Mercy Health", None, False, False, False, body),
        ("Coordinated care for patients with heart", None, False, False, False, body),
        ("failure and diabetes.", None, False, True, False, body),
        ("Led discharge planning with the team", None, True, False, False, body),
        ("Completed utilization review for", None, True, False, False, body),
        ("Medicare members", None, False, True, False, body),
        ("Numbered item", None, True, False, False, body),
        ("Skills", None, False, False, True, body),
        ("Tool", None, False, False, False, table),
        ("Level", None, False, False, False, table),
        ("Epic", None, False, False, False, table),
        ("Expert", None, False, False, False, table),
        ("code line one", None, False, False, False, body),
        ("code line two", None, False, False, False, body),
        ("HTML block text", None, False, False, False, body),
        ("Education", "Heading2", False, False, False, body),
        ("BSN, State University", None, False, False, False, body),
    ]


def test_markdown_is_chosen_by_extension_and_gets_sections() -> None:
    resume = read_resume_bytes(MARKDOWN.encode(), "cv.md")
    assert resume.kind is FileKind.MARKDOWN
    headings = [(line.text, line.section) for line in resume.lines if line.heading]
    assert headings == [
        ("Experience", Section.EXPERIENCE),
        ("Skills", Section.SKILLS),
        ("Education", Section.EDUCATION),
    ]
    plain = read_resume_bytes(MARKDOWN.encode(), "cv.txt")
    assert plain.kind is FileKind.TEXT
    assert plain.lines[0].text == "# Jane Doe, RN"
    assert read_resume_bytes(MARKDOWN.encode(), "cv.markdown").kind is FileKind.MARKDOWN
