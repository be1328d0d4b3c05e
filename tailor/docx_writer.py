"""Draft markup → Word: styled paragraphs from the lines a draft template renders.

A draft template (templates/draft/*.j2) decides wording and order and writes one paragraph per
line, each opening with a marker that names its style:

    = Jordan Rivera, RN              Title          (the name)
    @ Columbus, OH · jordan@...      Contact
    # Experience                     Heading 1
    ## Care Manager <TAB> 2021 – Present
                                     Entry          (left bold, right part on a right tab stop)
    ~ Riverside Health · Columbus    Entry Detail
    - Coordinated care for ...       List Bullet
    * Clinical: care coordination    Skills         (the text before the first ": " in bold)
    | A paragraph                    Normal
    > A letter paragraph             Letter Body

Text in square brackets ("[number] patients") is a placeholder for a fact the person must
supply: it is highlighted in the document. Styles come from a reference document, so a career
center restyles drafts without touching templates.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

from tailor.errors import TailorError, UsageError
from tailor.resources import data_dir

STYLES: dict[str, str] = {
    "=": "Title",
    "@": "Contact",
    "#": "Heading 1",
    "##": "Entry",
    "~": "Entry Detail",
    "-": "List Bullet",
    "*": "Skills",
    "|": "Normal",
    ">": "Letter Body",
}
PLACEHOLDER = re.compile(r"\[[^\[\]\n]{1,120}\]")
# Characters XML 1.0 forbids, and lone surrogates: python-docx refuses them.
_XML_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
MAX_PARAGRAPH = 5_000


class TemplateError(TailorError):
    """A draft template renders a line the DOCX writer cannot place."""

    exit_code = UsageError.exit_code


@dataclass(frozen=True, slots=True)
class Block:
    """One paragraph of a draft: its style and text (and, for entries, the right-hand part)."""

    style: str
    text: str
    right: str = ""


def parse_markup(text: str, template: str = "template") -> list[Block]:
    """Read the marked-up lines a draft template rendered.

    Raises:
        TemplateError: a non-blank line does not open with a known marker.
    """
    blocks = []
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line:
            continue
        marker, _, rest = line.partition(" ")
        if marker not in STYLES:
            raise TemplateError(
                f"{template}: line {number} starts with {marker[:12]!r}; every line must open "
                f"with one of {' '.join(STYLES)} and a space")
        rest = rest.strip()
        if not rest:
            continue
        left, _, right = rest.partition("\t") if marker == "##" else (rest, "", "")
        blocks.append(Block(STYLES[marker], left.strip(), right.strip()))
    return blocks


def xml_safe(text: str) -> str:
    """Text python-docx accepts: no XML-forbidden characters, bounded length."""
    return _XML_FORBIDDEN.sub("", text)[:MAX_PARAGRAPH]


def reference_path(reference: str | Path | None) -> Path:
    """The reference document to take styles from: the user's, or the shipped one."""
    if reference is None:
        return data_dir("templates") / "reference.docx"
    path = Path(reference)
    if path.is_dir():
        raise UsageError(f"{path} is a folder, not a Word document (--reference-docx)")
    if not path.is_file():
        raise UsageError(f"{path} does not exist (--reference-docx)")
    return path


def write_docx(blocks: list[Block], *, reference: str | Path | None = None,
               title: str = "", author: str = "") -> tuple[bytes, list[str]]:
    """Build a DOCX from blocks, with the reference document's styles and page setup.

    Returns:
        The document's bytes, and warnings (styles the reference lacked, which fall back to
        Normal).

    Raises:
        UsageError: the reference document is missing or not a Word document.
    """
    from docx import Document
    from docx.enum.style import WD_STYLE_TYPE
    from docx.enum.text import WD_COLOR_INDEX
    from docx.opc.exceptions import PackageNotFoundError
    from lxml.etree import XMLSyntaxError

    path = reference_path(reference)
    try:
        doc = Document(str(path))
    except (PackageNotFoundError, ValueError, KeyError, OSError, XMLSyntaxError,
            zipfile.BadZipFile) as exc:
        raise UsageError(f"{path} is not a Word document to take styles from "
                         f"({type(exc).__name__}: {exc})") from None
    body = doc.element.body
    for child in list(body):  # keep the section properties (page size, margins) only
        if not child.tag.endswith("}sectPr"):
            body.remove(child)
    names = {style.name for style in doc.styles if style.type == WD_STYLE_TYPE.PARAGRAPH}
    warnings = sorted({f"the reference document has no style {b.style!r}; used Normal"
                       for b in blocks if b.style not in names})
    for block in blocks:
        style = block.style if block.style in names else "Normal"
        paragraph = doc.add_paragraph(style=style)
        text = xml_safe(block.text)
        label = ""
        if block.style == "Skills" and ": " in text:
            label, text = text.split(": ", 1)
            paragraph.add_run(xml_safe(label) + ": ").bold = True
        for piece in _pieces(text):
            run = paragraph.add_run(piece)
            if PLACEHOLDER.fullmatch(piece):
                run.font.highlight_color = WD_COLOR_INDEX.YELLOW
        if block.right:
            paragraph.add_run("\t")
            for piece in _pieces(xml_safe(block.right)):
                run = paragraph.add_run(piece)
                run.bold = False
                if PLACEHOLDER.fullmatch(piece):
                    run.font.highlight_color = WD_COLOR_INDEX.YELLOW
    props = doc.core_properties
    props.title = xml_safe(title)[:200]
    props.author = xml_safe(author)[:200]
    props.last_modified_by = xml_safe(author)[:200]
    props.comments = ""
    props.subject = ""
    props.keywords = ""
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue(), warnings


def _pieces(text: str) -> list[str]:
    """Split text into plain pieces and placeholder pieces, in order."""
    out: list[str] = []
    at = 0
    for m in PLACEHOLDER.finditer(text):
        if m.start() > at:
            out.append(text[at:m.start()])
        out.append(m.group(0))
        at = m.end()
    if at < len(text):
        out.append(text[at:])
    return out
