"""PDF → raw lines with pypdfium2: page text in stream order, soft wraps and bullets marked,
and layout facts read from the page geometry and objects (columns, images, fonts)."""

from __future__ import annotations

import ctypes
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from tailor.errors import InputError
from tailor.models import Layout, RawLine, Source
from tailor.normalize import BULLET_GLYPHS, continues_line, normalize_line_checked, strip_bullet

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
# What PDFium emits for glyphs it cannot map to Unicode (a font without a text map): control
# characters, private-use code points and U+FFFD. Normalisation removes the controls, so they are
# counted before it; private-use bullet glyphs (Symbol, Wingdings) are not garbage.
_GARBLED = re.compile("[\x00\x01\x03-\x08\x0b\x0c\x0e-\x1f\ue000-\uf8ff\ufffd]")
_PUA_BULLETS = frozenset(c for c in BULLET_GLYPHS if "\ue000" <= c <= "\uf8ff")
_SUBSET_PREFIX = re.compile(r"^[A-Z]{6}\+")

# Geometry: text-segment rectangles per page, in points.
_MAX_RECTS = 800  # rectangles examined per page (a resume page has 40-120)
_MIN_COLUMN_RECTS = 4  # segments each side of a gutter
_MIN_COLUMN_HEIGHT = 100.0  # points of page height both columns must share (about 7 lines)
_MAX_CROSSING = 0.1  # share of segments in that band allowed to run across the gutter
_MAX_PAGE_CROSSING = 0.2  # share of all the page's segments allowed to run across it (a
# full-width name and contact line above the columns)
_YEAR = re.compile(r"\b(?:19|20)\d{2}\b|\b(?:present|current)\b", re.IGNORECASE)
_MAX_OBJECTS = 20_000  # page objects visited per document (a Word page has 50-2,000)
_MAX_FORM_DEPTH = 4
_MIN_IMAGE_SIZE = 4.0  # points; smaller images are spacers or rules, not pictures


@dataclass(slots=True)
class PdfResult:
    """What the PDF reader found: lines in reading order, layout facts, remarks."""

    lines: list[RawLine]
    layout: Layout
    notes: list[str] = field(default_factory=list)


def read_pdf(data: bytes, name: str, *, max_pages: int = MAX_PAGES) -> PdfResult:
    """Read the text layer of a PDF, and the layout facts that decide how systems read it.

    Args:
        data: the file's bytes.
        name: the file name to put in error messages.
        max_pages: pages to read at most.

    Returns:
        The lines, with a Layout holding: pages, empty pages, image objects, the fonts of the
        text objects, the pages whose text sits in columns side by side, and the count of
        characters that map to no real character (a font without a text map). Gathering the
        facts costs about half a millisecond a page.

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
    facts = _Facts()
    try:
        try:
            pages = len(doc)
            texts = [_read_page(doc, index, facts) for index in range(min(pages, max_pages))]
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
    layout = Layout(
        pages=pages,
        empty_pages=empty,
        images=facts.images,
        fonts=tuple(sorted({font for font in facts.fonts.values() if font})),
        columns=2 if facts.column_pages else 1,
        column_pages=tuple(facts.column_pages),
        text_chars=facts.text_chars,
        garbled_chars=facts.garbled_chars,
    )
    return PdfResult(lines, layout, notes)


@dataclass(slots=True)
class _Facts:
    """Layout facts gathered page by page."""

    images: int = 0
    fonts: dict[int, str] = field(default_factory=dict)  # font handle address -> base name
    column_pages: list[int] = field(default_factory=list)
    text_chars: int = 0
    garbled_chars: int = 0
    objects: int = 0  # page objects visited so far (bounded by _MAX_OBJECTS)


def _read_page(doc: Any, index: int, facts: _Facts) -> str:
    """One page's text; its layout facts go into `facts`."""
    page = doc[index]
    try:
        textpage = page.get_textpage()
        try:
            text = str(textpage.get_text_range())
            if _columns(textpage, float(page.get_width())):
                facts.column_pages.append(index + 1)
        finally:
            textpage.close()
        _scan_objects(page.raw, facts)
    finally:
        page.close()
    stripped = _HYPHEN_BREAK.sub("", text)
    facts.text_chars += len(stripped) - sum(map(stripped.count, (" ", "\r", "\n")))
    garbled = _GARBLED.findall(stripped)
    if garbled:
        facts.garbled_chars += sum(1 for char in garbled if char not in _PUA_BULLETS)
    return text


def _columns(textpage: Any, width: float) -> bool:
    """True when the page sets text in two or more columns side by side.

    PDFium groups the characters of a page into text-segment rectangles (one per run of text on
    a line). A gutter is a left edge that several segments share, in the middle of the page,
    with segments wholly to its left at the same heights over a stretch of at least seven lines,
    and almost none running across it, there or elsewhere on the page: a one-column page with
    right-aligned dates, or with a grid of skills, has bullets running across. A left column of
    dates beside the entries they date (a label column) reads in the right order and does not
    count.
    """
    count = min(int(textpage.count_rects()), _MAX_RECTS)
    if count < 2 * _MIN_COLUMN_RECTS:
        return False
    rects = []
    for i in range(count):
        left, bottom, right, top = textpage.get_rect(i)
        if right - left >= 2 and top - bottom >= 2:
            rects.append((left, bottom, right, top))
    starts = sorted(r[0] for r in rects)
    candidates: list[float] = []
    group: list[float] = []
    for x in [*starts, float("inf")]:
        if group and x - group[-1] > 3:
            if len(group) >= _MIN_COLUMN_RECTS and 0.2 * width < group[0] < 0.8 * width:
                candidates.append(group[0])
            group = []
        group.append(x)
    for gutter in candidates[:4]:
        left_side = [r for r in rects if r[2] <= gutter - 4]
        right_side = [r for r in rects if r[0] >= gutter - 2]
        if len(left_side) < _MIN_COLUMN_RECTS or len(right_side) < _MIN_COLUMN_RECTS:
            continue
        low = max(min(r[1] for r in left_side), min(r[1] for r in right_side))
        high = min(max(r[3] for r in left_side), max(r[3] for r in right_side))
        if high - low < _MIN_COLUMN_HEIGHT:
            continue
        band = [r for r in rects if r[3] > low and r[1] < high]
        crossing = [r for r in rects if r[0] < gutter - 2 and r[2] > gutter - 4]
        if len(crossing) > _MAX_PAGE_CROSSING * len(rects):
            continue  # full-width text elsewhere: a grid of skills in a one-column page
        if sum(1 for r in crossing if r[3] > low and r[1] < high) > _MAX_CROSSING * len(band):
            continue
        left_band = [r for r in left_side if r[3] > low and r[1] < high]
        right_band = [r for r in right_side if r[3] > low and r[1] < high]
        if len(left_band) < _MIN_COLUMN_RECTS or len(right_band) < _MIN_COLUMN_RECTS:
            continue
        if _label_column(textpage, left_band, right_band):
            continue
        return True
    return False


def _label_column(textpage: Any, left: list[tuple[float, float, float, float]],
                  right: list[tuple[float, float, float, float]]) -> bool:
    """True when the left segments are dates, each on the baseline of an entry to its right."""
    paired = sum(1 for r in left if any(_same_row(r, other) for other in right))
    if paired < 0.8 * len(left):
        return False
    dated = sum(1 for r in left if _YEAR.search(str(textpage.get_text_bounded(*r))))
    return dated >= 0.6 * len(left)


def _same_row(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> bool:
    """True when two segments share a line: their heights overlap by half the shorter one."""
    overlap = min(a[3], b[3]) - max(a[1], b[1])
    return overlap >= 0.5 * min(a[3] - a[1], b[3] - b[1])


def _scan_objects(page: Any, facts: _Facts) -> None:
    """Count image objects (inside form XObjects too) and note the fonts of text objects."""
    import pypdfium2.raw as pdfium_c

    get_font_name: Callable[..., int] | None = getattr(pdfium_c, "FPDFFont_GetBaseFontName", None)
    text_kind, image_kind, form_kind = (
        pdfium_c.FPDF_PAGEOBJ_TEXT, pdfium_c.FPDF_PAGEOBJ_IMAGE, pdfium_c.FPDF_PAGEOBJ_FORM)
    get_type = pdfium_c.FPDFPageObj_GetType
    todo = [(pdfium_c.FPDFPage_GetObject, page, int(pdfium_c.FPDFPage_CountObjects(page)), 0)]
    while todo:
        get_object, parent, count, depth = todo.pop()
        for i in range(count):
            if facts.objects >= _MAX_OBJECTS:
                return
            facts.objects += 1
            obj = get_object(parent, i)
            kind = get_type(obj)
            if kind == text_kind:
                if get_font_name is not None:
                    _note_font(pdfium_c.FPDFTextObj_GetFont(obj), get_font_name, facts.fonts)
            elif kind == image_kind:
                if _image_size(pdfium_c, obj) >= _MIN_IMAGE_SIZE:
                    facts.images += 1
            elif kind == form_kind and depth < _MAX_FORM_DEPTH:
                todo.append((pdfium_c.FPDFFormObj_GetObject, obj,
                             int(pdfium_c.FPDFFormObj_CountObjects(obj)), depth + 1))


def _note_font(font: Any, get_name: Callable[..., int], fonts: dict[int, str]) -> None:
    key = ctypes.cast(font, ctypes.c_void_p).value
    if not key or key in fonts:
        return
    size = int(get_name(font, None, 0))
    if size <= 1 or size > 256:
        fonts[key] = ""
        return
    buffer = ctypes.create_string_buffer(size)
    get_name(font, buffer, size)
    name = buffer.value.decode("latin-1")
    fonts[key] = _SUBSET_PREFIX.sub("", name)


def _image_size(pdfium_c: Any, obj: Any) -> float:
    """The smaller side of an image object's bounds, in points (0 if unknown)."""
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    if not pdfium_c.FPDFPageObj_GetBounds(obj, left, bottom, right, top):
        return 0.0
    return min(right.value - left.value, top.value - bottom.value)


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
