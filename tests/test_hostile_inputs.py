"""Hostile and broken files: each gets one clear InputError, and nothing else ever escapes."""

from __future__ import annotations

import io
import time
import zipfile
from functools import cache

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tailor.errors import InputError
from tailor.extract import read_resume_bytes
from tailor.models import ResumeText
from tests.factories import (
    build_docx,
    lying_size_docx,
    many_entries_zip,
    office_zip,
    ole_file,
    para,
    part_xml,
    pdf_lines,
    rebuilt_docx,
    replace_part,
    resume_docx,
    zip_bomb,
)

DAMAGED = (
    "is a damaged Word file (the package is truncated or corrupt); open it in Word and save it "
    "again"
)
BAD_XML = (
    "is a damaged Word file (word/document.xml is not well-formed XML); open it in Word and "
    "save it again"
)


def refusal(data: bytes, name: str = "cv.docx") -> str:
    """The problem text of the InputError reading `data` raises."""
    with pytest.raises(InputError) as caught:
        read_resume_bytes(data, name)
    assert caught.value.name == name
    return caught.value.problem


@cache
def small_docx() -> bytes:
    return build_docx(para("Jane Doe, RN") + para("Care Manager") + para(
        "Coordinated care for heart failure patients", num=True))


def test_empty_file() -> None:
    assert refusal(b"") == "is empty (0 bytes)"


def test_junk_named_docx() -> None:
    assert refusal(bytes(range(256)) * 8) == (
        "is not a Word document (it holds unrecognised binary data)")
    assert refusal(bytes(range(256)) * 8, "cv.pdf") == (
        "is not a PDF (it holds unrecognised binary data)")


@pytest.mark.parametrize("keep", [0.2, 0.5, 0.9, 0.99])
def test_truncated_zip(keep: float) -> None:
    data = resume_docx()
    assert refusal(data[: int(len(data) * keep)]) == DAMAGED


def test_corrupt_central_directory() -> None:
    data = bytearray(small_docx())
    start = data.rfind(b"PK\x01\x02")
    data[start + 42: start + 46] = b"\xff\xff\xff\x7f"  # local header offset points nowhere
    assert refusal(bytes(data)) == DAMAGED


def test_corrupt_compressed_data() -> None:
    data = bytearray(small_docx())
    info = zipfile.ZipFile(io.BytesIO(bytes(data))).getinfo("word/document.xml")
    begin = info.header_offset + 30 + len(info.filename)
    for offset in range(begin + 20, begin + 60):
        data[offset] ^= 0x55
    assert refusal(bytes(data)) in (DAMAGED, BAD_XML)


def test_real_zip_bomb_is_refused_in_milliseconds() -> None:
    bomb = zip_bomb(200_000_000)
    assert len(bomb) < 1_000_000
    started = time.perf_counter()
    problem = refusal(bomb)
    assert time.perf_counter() - started < 0.5
    assert problem == (
        "would inflate to 200 MB (word/document.xml); refused as a possible zip bomb")


def test_parts_that_together_inflate_too_far() -> None:
    data = build_docx(para("Jane"), headers=[para("a"), para("b"), para("c")])
    sizes = {f"word/header{n}.xml": 29_000_000 for n in (1, 2, 3)}
    assert refusal(rebuilt_docx(data, declared=sizes)) == (
        "would inflate to 87 MB; refused as a possible zip bomb")


def test_size_header_that_lies_fails_the_crc_check() -> None:
    assert refusal(lying_size_docx()) == DAMAGED


def test_size_header_that_lies_fails_while_streaming_too(monkeypatch: pytest.MonkeyPatch) -> None:
    from tailor import docx_text

    monkeypatch.setattr(docx_text, "_TREE_BYTES", 0)
    assert refusal(lying_size_docx()) == DAMAGED


def test_too_many_entries() -> None:
    assert refusal(many_entries_zip(10_001)) == (
        "holds 10,001 files; refused as a possible zip bomb")


def test_encrypted_zip_entries() -> None:
    assert refusal(rebuilt_docx(small_docx(), flags=0x1)) == (
        "is an encrypted zip archive; save an unprotected copy as .docx")


def test_unsupported_compression_method() -> None:
    assert refusal(rebuilt_docx(small_docx(), method=99)) == DAMAGED


@pytest.mark.parametrize(
    ("kind", "problem"),
    [
        ("xlsx", "is an Excel workbook, not a resume; save the resume as .docx or PDF"),
        ("pptx", "is a PowerPoint presentation, not a resume; save the resume as .docx or PDF"),
        ("odt", "is an OpenDocument text file (.odt), not a Word file; save it as .docx or PDF"),
        ("ods", "is an OpenDocument spreadsheet or presentation, not a resume"),
        ("epub", "is an EPUB e-book, not a resume"),
        ("pages", "is an Apple Pages file; export it as .docx or PDF"),
        ("office", "is an Office file but not a Word document; save the resume as .docx or PDF"),
        ("zip", "is a zip archive, not a Word document"),
    ],
)
def test_zips_that_are_not_word_documents(kind: str, problem: str) -> None:
    assert refusal(office_zip(kind)) == problem


@pytest.mark.parametrize(
    ("streams", "problem"),
    [
        (("EncryptionInfo", "EncryptedPackage"), "is password-protected; save an unprotected copy"),
        (("WordDocument", "1Table"), "is a Word 97-2003 .doc file; save it as .docx or PDF"),
        (("Workbook",), "is an Excel 97-2003 workbook, not a resume; save the resume as .docx "
                        "or PDF"),
        (("PowerPoint Document",), "is a PowerPoint 97-2003 presentation, not a resume"),
        (("Contents",), "is an old-style Office file (not a .docx); save the resume as .docx or "
                        "PDF"),
    ],
)
def test_ole_compound_files(streams: tuple[str, ...], problem: str) -> None:
    assert refusal(ole_file(*streams)) == problem


def test_missing_main_part() -> None:
    data = replace_part(small_docx(), "word/document.xml", None)
    assert refusal(data) == (
        "is a damaged Word file (its document part word/document.xml is missing); "
        "export it again from the program that made it"
    )


def test_main_part_that_is_not_wordprocessingml() -> None:
    xml = '<?xml version="1.0"?><html><body><p>Jane</p></body></html>'
    assert refusal(replace_part(small_docx(), "word/document.xml", xml)) == (
        "is a damaged Word file (word/document.xml is not a Word document body); "
        "open it in Word and save it again"
    )


def test_corrupt_entry_count_is_damage_not_a_bomb() -> None:
    data = bytearray(small_docx())
    end = data.rfind(b"PK\x05\x06")
    data[end + 8: end + 12] = b"\xf0\xff\xf0\xff"  # entry counts
    assert refusal(bytes(data)) == DAMAGED


def test_document_without_text() -> None:
    empty = build_docx(para("") + "<w:tbl><w:tr><w:tc><w:p/></w:tc></w:tr></w:tbl>")
    assert refusal(empty) == "has no text (it is empty or holds only pictures or shapes)"


@pytest.mark.parametrize(
    "xml",
    [
        b"<w:document><w:body><w:p>",
        part_xml("document", "<w:body><w:p><w:r><w:t>unclosed</w:r></w:p></w:body>").encode(),
        b"\x00\x01\x02 not xml at all",
        b"",
    ],
)
def test_malformed_xml(xml: bytes) -> None:
    assert refusal(replace_part(small_docx(), "word/document.xml", xml)) == BAD_XML


def test_entity_bomb() -> None:
    entities = '<!ENTITY a0 "lol">' + "".join(
        f'<!ENTITY a{n} "{("&a" + str(n - 1) + ";") * 10}">' for n in range(1, 10))
    xml = part_xml("document", "<w:body><w:p><w:r><w:t>&a9;</w:t></w:r></w:p></w:body>")
    xml = xml.replace("?>\n", f"?>\n<!DOCTYPE w:document [{entities}]>", 1)
    started = time.perf_counter()
    assert refusal(replace_part(small_docx(), "word/document.xml", xml)) == BAD_XML
    assert time.perf_counter() - started < 1


def test_deep_nesting() -> None:
    inner = "<w:sdt><w:sdtContent>" * 3000 + para("deep") + "</w:sdtContent></w:sdt>" * 3000
    xml = part_xml("document", f"<w:body>{inner}</w:body>")
    assert refusal(replace_part(small_docx(), "word/document.xml", xml)) == BAD_XML


def test_external_entities_are_not_resolved(tmp_path: object) -> None:
    xml = part_xml("document", "<w:body>" + para("Jane Doe") + para("&x;") + "</w:body>")
    xml = xml.replace("?>\n", '?>\n<!DOCTYPE w:document [<!ENTITY x SYSTEM "file:///etc/passwd">]>',
                      1)
    resume = read_resume_bytes(replace_part(small_docx(), "word/document.xml", xml), "x.docx")
    assert resume.text == "Jane Doe"


def test_rels_pointing_outside_the_package_are_harmless() -> None:
    rels = (
        '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
        '2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
        'officeDocument/2006/relationships/officeDocument" Target="../../../../etc/passwd"/>'
        '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships/officeDocument" Target="http://example.com/x" TargetMode="External"/>'
        "</Relationships>"
    )
    resume = read_resume_bytes(replace_part(small_docx(), "_rels/.rels", rels), "x.docx")
    assert resume.lines[0].text == "Jane Doe, RN"  # found through [Content_Types].xml


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        (b"\x89PNG\r\n\x1a\n" + bytes(64),
         "is an image (PNG), not a document with text; send the resume as .docx or a text PDF"),
        (b"\xff\xd8\xff\xe0" + bytes(64),
         "is an image (JPEG), not a document with text; send the resume as .docx or a text PDF"),
        (b"{\\rtf1\\ansi Jane Doe}", "is an RTF file; save it as .docx or PDF"),
        (b"%PDF-1.7\nnothing else", "is a damaged PDF (it cannot be opened); export it again "
                                     "from the program that made it"),
    ],
)
def test_other_file_types_named_docx(data: bytes, problem: str) -> None:
    assert refusal(data) == problem


# ----------------------------------------------------------------------------------------------
# Properties: whatever the bytes, the reader returns a ResumeText or raises InputError.

NAMES = st.sampled_from(["cv.docx", "cv.pdf", "cv.txt", "cv.md", "cv"])
HYPOTHESIS = settings(max_examples=150, deadline=None,
                      suppress_health_check=[HealthCheck.too_slow])


def check(data: bytes, name: str) -> None:
    try:
        resume = read_resume_bytes(data, name)
    except InputError as error:
        assert error.name == name
        assert "unexpected" not in error.problem, error.problem
        assert "\n" not in str(error)
    else:
        assert isinstance(resume, ResumeText)
        assert resume.lines
        assert all(line.text and line.text == line.text.strip() for line in resume.lines)


@st.composite
def mutated(draw: st.DrawFn, original: bytes) -> bytes:
    data = bytearray(original)
    for _ in range(draw(st.integers(1, 4))):
        action = draw(st.sampled_from(["flip", "truncate", "insert", "delete"]))
        at = draw(st.integers(0, max(0, len(data) - 1)))
        if action == "flip" and data:
            data[at] ^= draw(st.integers(1, 255))
        elif action == "truncate":
            del data[at:]
        elif action == "insert":
            data[at:at] = draw(st.binary(min_size=1, max_size=64))
        else:
            del data[at:at + draw(st.integers(1, 64))]
    return bytes(data)


@cache
def sample_pdf() -> bytes:
    return pdf_lines(["Jane Doe, RN", "Care Manager", "• Coordinated care for heart",
                      "failure patients"], ["Second page"])


@cache
def sample_xml() -> bytes:
    return zipfile.ZipFile(io.BytesIO(small_docx())).read("word/document.xml")


@HYPOTHESIS
@given(st.binary(max_size=4096), NAMES)
def test_random_bytes(data: bytes, name: str) -> None:
    check(data, name)


@HYPOTHESIS
@given(st.binary(max_size=2048), NAMES)
def test_random_bytes_behind_magic_numbers(data: bytes, name: str) -> None:
    for magic in (b"PK\x03\x04", b"%PDF-1.4\n", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", b"\xff\xfe"):
        check(magic + data, name)


@HYPOTHESIS
@given(st.data())
def test_mutated_docx(data: st.DataObject) -> None:
    check(data.draw(mutated(small_docx())), "cv.docx")


@HYPOTHESIS
@given(st.data())
def test_mutated_document_xml(data: st.DataObject) -> None:
    xml = data.draw(mutated(sample_xml()))
    check(replace_part(small_docx(), "word/document.xml", xml), "cv.docx")


@HYPOTHESIS
@given(st.data())
def test_mutated_pdf(data: st.DataObject) -> None:
    check(data.draw(mutated(sample_pdf())), "cv.pdf")


@HYPOTHESIS
@given(st.text(max_size=500), st.sampled_from(["utf-8", "utf-16", "utf-32", "cp1252"]), NAMES)
def test_any_text_in_any_encoding(text: str, encoding: str, name: str) -> None:
    check(text.encode(encoding, errors="replace"), name)

