"""PDF → raw lines with pypdfium2: page text in stream order, soft wraps and bullets marked."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from tailor.errors import InputError
from tailor.models import Layout, RawLine, Source
from tailor.normalize import continues_line, normalize_line_checked, strip_bullet

__all__ = ["MAX_PAGES", "PdfResult", "read_pdf"]

MAX_PAGES = 30
"""Pages read from one PDF; a resume longer than this is noted and the rest is skipped."""

# PDFium load error codes (fpdfview.h).
_ERR_FILE, _ERR_FORMAT, _ERR_PASSWORD, _ERR_SECURITY = 2, 3, 4, 6

ENCRYPTED = "is an encrypted PDF that needs a password; save an unprotected copy"
NO_TEXT = (
    "has no text layer: it looks like a scanned image; export a text PDF from Word or "
    "Google Docs, or send the DOCX"
)
DAMAGED = "is a damaged PDF (it cannot be opened); export it again from the program that made it"

# PDFium marks a hyphen it found at a line end with \x02 (older builds, followed by the line
# break) or U+FFFE (newer builds, which already joined the lines): the word continues.
_HYPHEN_BREAK = re.compile("[\x02\ufffe](?:\r\n|\r|\n)?")


@dataclass(slots=True)
class PdfResult:
    """What the PDF reader found: lines in reading order, layout facts, remarks."""

    lines: list[RawLine]
    layout: Layout
    notes: list[str] = field(default_factory=list)


def read_pdf(data: bytes, name: str, *, max_pages: int = MAX_PAGES) -> PdfResult:
    """Read the text layer of a PDF.

    Args:
        data: the file's bytes.
        name: the file name to put in error messages.
        max_pages: pages to read at most.

    Raises:
        InputError: when the PDF is encrypted, damaged, or has no text on any page.
    """
    import pypdfium2 as pdfium

    try:
        doc = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        code = getattr(exc, "err_code", None)
        if code == _ERR_PASSWORD:
            raise InputError(name, ENCRYPTED) from None
        if code == _ERR_SECURITY:
            raise InputError(
                name, "is a PDF protected by an unsupported security handler; "
                "save an unprotected copy") from None
        if code == 0:
            raise InputError(name, "is a PDF with no pages") from None
        raise InputError(name, DAMAGED) from None
    try:
        try:
            pages = len(doc)
            texts = [_page_text(doc, index) for index in range(min(pages, max_pages))]
        except pdfium.PdfiumError:
            raise InputError(name, DAMAGED) from None
    finally:
        doc.close()

    lines: list[RawLine] = []
    repaired = 0
    empty = 0
    for number, text in enumerate(texts, start=1):
        page_lines, page_repaired = _page_lines(text, number)
        if not page_lines:
            empty += 1
        lines += page_lines
        repaired += page_repaired
    if not lines:
        raise InputError(name, NO_TEXT)
    notes = []
    if pages > max_pages:
        notes.append(f"has {pages} pages; tailor read the first {max_pages}")
    if repaired:
        notes.append(f"repaired garbled characters (mojibake) in {repaired} "
                     f"line{'s' if repaired != 1 else ''}")
    return PdfResult(lines, Layout(pages=pages, empty_pages=empty), notes)


def _page_text(doc: object, index: int) -> str:
    page = doc[index]  # type: ignore[index]
    try:
        textpage = page.get_textpage()
        try:
            return str(textpage.get_text_range())
        finally:
            textpage.close()
    finally:
        page.close()


def _page_lines(text: str, page: int) -> tuple[list[RawLine], int]:
    """Split one page's text into lines, marking bullets and soft-wrapped continuations."""
    text = _HYPHEN_BREAK.sub("", text)
    out: list[RawLine] = []
    repaired = 0
    previous: str | None = None
    for raw in text.splitlines():
        line, fixed = normalize_line_checked(raw)
        if not line:
            previous = None
            continue
        repaired += fixed
        line, bullet = strip_bullet(line)
        if not line:
            continue
        wrap = not bullet and previous is not None and continues_line(previous, line)
        out.append(RawLine(line, Source.BODY, page=page, wrap=wrap, bullet=bullet))
        previous = line
    return out, repaired
