"""read_resume and read_resume_bytes: paths, names, sniffing, mislabelled files, limits."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tailor.errors import ExitCode, InputError
from tailor.extract import MAX_BYTES, read_resume, read_resume_bytes, sniff
from tailor.models import FileKind
from tests.factories import build_docx, ole_file, para, pdf_lines, resume_docx


def test_read_resume_from_a_path(tmp_path: Path) -> None:
    folder = tmp_path / "Private Folder"
    folder.mkdir()
    path = folder / "jane.docx"
    path.write_bytes(resume_docx())
    resume = read_resume(path)
    assert resume.name == "jane.docx"
    assert resume.kind is FileKind.DOCX
    assert resume.lines[1].text == "Jane Doe, RN"
    assert read_resume(str(path)).text == resume.text


def test_input_error_names_the_path_as_given(tmp_path: Path) -> None:
    missing = tmp_path / "nope.docx"
    with pytest.raises(InputError) as caught:
        read_resume(missing)
    assert caught.value.name == str(missing)
    assert str(caught.value) == f"{missing} does not exist"
    assert caught.value.exit_code is ExitCode.UNREADABLE_INPUT


def test_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(InputError) as caught:
        read_resume(tmp_path)
    assert str(caught.value) == f"{tmp_path} is a folder, not a file"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_pipe_is_refused_without_blocking(tmp_path: Path) -> None:
    pipe = tmp_path / "resume.pdf"
    os.mkfifo(pipe)
    with pytest.raises(InputError) as caught:
        read_resume(pipe)
    assert str(caught.value) == f"{pipe} is not a regular file"


def test_oversized_file_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "huge.pdf"
    with path.open("wb") as handle:
        handle.truncate(MAX_BYTES + 1)  # sparse: nothing is written
    with pytest.raises(InputError) as caught:
        read_resume(path)
    assert str(caught.value) == f"{path} is 20 MB; tailor reads files up to 20 MB"
    with pytest.raises(InputError) as small:
        read_resume_bytes(b"x" * 2600, "cv.txt", max_bytes=1000)
    assert str(small.value) == "cv.txt is 3 KB; tailor reads files up to 1 KB"
    big = read_resume_bytes(b"Jane Doe " * 100, "cv.txt", max_bytes=1000)
    assert big.text.startswith("Jane Doe")


def test_read_resume_bytes_keeps_the_base_name_only() -> None:
    data = build_docx(para("Jane Doe"))
    assert read_resume_bytes(data, "cohort/2024/jane.docx").name == "jane.docx"
    assert read_resume_bytes(data, "C:\\Users\\jd\\jane.docx").name == "jane.docx"
    with pytest.raises(InputError) as caught:
        read_resume_bytes(b"", "cohort/empty.docx")
    assert caught.value.name == "cohort/empty.docx"


def test_pdf_named_docx_is_read_by_content_with_a_note() -> None:
    resume = read_resume_bytes(pdf_lines(["Jane Doe, RN"]), "resume.docx")
    assert resume.kind is FileKind.PDF
    assert resume.text == "Jane Doe, RN"
    assert resume.notes == (
        "named .docx but is a PDF; some application systems reject mislabelled files: "
        "rename it resume.pdf",
    )


def test_docx_named_pdf_and_text_named_docx() -> None:
    resume = read_resume_bytes(build_docx(para("Jane Doe")), "Jane CV.pdf")
    assert resume.kind is FileKind.DOCX
    assert resume.notes == (
        "named .pdf but is a Word document (.docx); some application systems reject "
        "mislabelled files: rename it Jane CV.docx",
    )
    text = read_resume_bytes(b"Jane Doe\nCare Manager\n", "cv.docx")
    assert text.kind is FileKind.TEXT
    assert text.notes[0].startswith("named .docx but is a plain-text file")


@pytest.mark.parametrize("name", ["cv", "cv.Smith", "cv.docm", "cv.dotx", "CV.DOCX"])
def test_no_note_without_a_conflicting_document_extension(name: str) -> None:
    assert read_resume_bytes(build_docx(para("Jane Doe")), name).notes == ()


def test_legacy_doc_named_docx() -> None:
    with pytest.raises(InputError) as caught:
        read_resume_bytes(ole_file("WordDocument", "1Table"), "resume.docx")
    assert str(caught.value) == (
        "resume.docx is a Word 97-2003 .doc file; save it as .docx or PDF")


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (build_docx(para("x")), FileKind.DOCX),
        (pdf_lines(["x"]), FileKind.PDF),
        (b"\n" * 100 + b"%PDF-1.4", FileKind.PDF),
        (b"Jane Doe\n", FileKind.TEXT),
        ("Jane Doe".encode("utf-16"), FileKind.TEXT),
        (ole_file("WordDocument"), None),
        (b"\x89PNG\r\n\x1a\n" + bytes(100), None),
        (bytes(range(256)), None),
    ],
)
def test_sniff(data: bytes, kind: FileKind | None) -> None:
    assert sniff(data) is kind


def test_reading_never_imports_spacy(tmp_path: Path) -> None:
    for name, data in (("r.docx", resume_docx()), ("r.pdf", pdf_lines(["Jane"])),
                       ("r.md", b"# Jane\n- care")):
        (tmp_path / name).write_bytes(data)
    code = (
        "import sys; from tailor.extract import read_resume\n"
        f"for n in ('r.docx', 'r.pdf', 'r.md'): read_resume({str(tmp_path)!r} + '/' + n)\n"
        "assert 'spacy' not in sys.modules, 'spacy was imported'\n"
        "assert 'docx' not in sys.modules, 'python-docx was imported'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60)
