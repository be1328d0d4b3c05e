"""Real Word files from other projects' test suites (../shared/corpus; absent in CI)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from tailor.docx_text import read_docx
from tailor.errors import InputError
from tailor.extract import read_resume
from tailor.models import Source
from tests.factories import CORPUS

WORD = CORPUS / "word"


def corpus_file(name: str) -> Path:
    path = WORD / name
    if not path.is_file():
        pytest.skip(f"the shared corpus is not beside the repository ({WORD})")
    return path


def read_lines(name: str) -> list[tuple[Source, str]]:
    result = read_docx(corpus_file(name).read_bytes(), name)
    return [(line.source, line.text) for line in result.lines]


def test_every_corpus_file_is_read_or_refused_clearly() -> None:
    if not WORD.is_dir():
        pytest.skip(f"the shared corpus is not beside the repository ({WORD})")
    read = 0
    for path in sorted(WORD.glob("*.docx")):
        try:
            resume = read_resume(path)
        except InputError as error:
            assert path.name == "poi__truncated62886.docx", f"{path.name}: {error}"
            assert str(error) == (
                f"{path} is a damaged Word file (the package is truncated or corrupt); "
                "open it in Word and save it again"
            )
        else:
            assert resume.lines, path.name
            read += 1
    assert read >= 11


def test_text_box_is_read_once() -> None:
    lines = read_lines("mammoth__text-box.docx")
    assert lines == [(Source.TEXTBOX, "Datum plane")]


def test_content_control_text() -> None:
    result = read_docx(corpus_file("docx2python__ControlTest.docx").read_bytes(), "c.docx")
    assert [line.text for line in result.lines] == [
        "This is a test", "For a content control or content container in word."]
    assert result.layout.content_controls == 1


def test_tracked_insertions_present_and_deletions_absent() -> None:
    result = read_docx(corpus_file("poi__delins.docx").read_bytes(), "d.docx")
    text = "\n".join(line.text for line in result.lines)
    assert "March 2009: Apache Tika Release" in text  # inserted
    assert "Lucene Boot Camp - A two day training session, March 23 & 24th" in text
    assert "Maang Tika" not in text  # deleted
    assert "DragonLance" not in text
    assert "tilaka" not in text
    assert (result.layout.tracked_insertions, result.layout.tracked_deletions) == (32, 4)


def test_footnotes() -> None:
    assert read_lines("mammoth__footnotes.docx") == [
        (Source.BODY, "Ouch."),
        (Source.FOOTNOTE, "A tachyon walks into a bar."),
        (Source.FOOTNOTE, "Fin."),
    ]


def test_header_text_in_nested_text_boxes() -> None:
    name = "docx2python__nested_paragraphs_in_header.docx"
    result = read_docx(corpus_file(name).read_bytes(), name)
    assert [line.source for line in result.lines if line.source is Source.BODY] == []
    headers = [line.text for line in result.lines if line.source is Source.HEADER]
    assert headers == ["EHS Manual"]  # once, though three headers and a text box hold it
    assert result.layout.text_boxes == 1
    assert result.layout.images == 3
    footers = [line.text for line in result.lines if line.source is Source.FOOTER]
    assert "Page 579 of 579" in footers


def test_odd_and_even_headers() -> None:
    assert read_lines("python-docx__doc-odd-even-hdrs.docx") == [
        (Source.HEADER, "Even page header."),
        (Source.HEADER, "Odd page header."),
        (Source.BODY, "First Page."),
        (Source.BODY, "Second Page."),
    ]


def test_utf8_bom() -> None:
    assert read_lines("mammoth__utf8-bom.docx") == [
        (Source.BODY, "This XML has a byte order mark.")]


def test_apple_pages_lists() -> None:
    result = read_docx(
        corpus_file("docx2python__created-in-pages-bulleted-lists.docx").read_bytes(), "p.docx")
    rows = [(line.text, line.bullet) for line in result.lines]
    assert rows[0] == ("This is a document for testing docx2python module.", False)
    assert ("Why did the chicken cross the road?", True) in rows
    assert ("-1", True) in rows  # a list item, not a bullet glyph
    assert all(bullet for _, bullet in rows[1:])


def test_google_docs_export() -> None:
    lines = read_lines("docx2python__test-docx2python-conversion-google_docs.docx")
    assert len(lines) == 5
    assert lines[0][1].startswith("Pop-up lomo waistcoat")
    assert {source for source, _ in lines} == {Source.BODY}


def test_merged_cells() -> None:
    lines = read_lines("docx2python__merged_cells.docx")
    assert {source for source, _ in lines} == {Source.TABLE}
    assert [text for _, text in lines][:3] == ["0-0", "0-12", "0-3"]
    assert len(lines) == 13


def test_libreoffice_conversion() -> None:
    name = "docx2python__libreoffice_conversion.docx"
    result = read_docx(corpus_file(name).read_bytes(), name)
    counts = Counter(line.source for line in result.lines)
    assert counts[Source.TABLE] == 164
    assert counts[Source.TEXTBOX] == 3
    assert counts[Source.BODY] == 598
    assert result.layout.tables == 13
    assert sum(len(line.text) for line in result.lines) > 20_000
    box_texts = [line.text for line in result.lines if line.source is Source.TEXTBOX]
    assert len(box_texts) == len(set(box_texts))  # each text box once, not twice
