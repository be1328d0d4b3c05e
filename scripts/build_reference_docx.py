"""Rebuild templates/reference.docx, the base document whose named styles drafts use.

A career center restyles every draft by passing its own reference document
(`tailor draft --reference-docx ours.docx`) that defines the same style names; this script is
the shipped default. Styles (all based on Normal unless said):

    Title          the person's name
    Contact        the contact line under the name
    Heading 1      section headings (Summary, Experience, Education...), with a rule below
    Entry          a job or degree line: title on the left, dates right-aligned on a tab stop
    Entry Detail   the employer and place under an Entry
    List Bullet    achievement bullets
    Skills         skill lines ("Clinical: care coordination, ...")
    Letter Body    cover-letter paragraphs

    python scripts/build_reference_docx.py
"""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Inches, Pt, RGBColor

FONT = "Calibri"
INK = RGBColor(0x1F, 0x29, 0x37)
ACCENT = RGBColor(0x0F, 0x4C, 0x5C)
MUTED = RGBColor(0x4B, 0x55, 0x63)
MARGIN_SIDE = Inches(0.75)
MARGIN_TOP = Inches(0.6)


def _bottom_rule(style: object, color: str = "0F4C5C") -> None:
    ppr = style.element.get_or_add_pPr()  # type: ignore[attr-defined]
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"),
                       ("w:color", color)):
        bottom.set(qn(key), value)
    borders.append(bottom)
    ppr.append(borders)


def build(path: Path) -> None:
    """Write the reference document to `path`."""
    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Inches(8.5), Inches(11)
    section.left_margin = section.right_margin = MARGIN_SIDE
    section.top_margin = section.bottom_margin = MARGIN_TOP
    text_width = section.page_width - section.left_margin - section.right_margin
    styles = doc.styles

    normal = styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(10.5)
    normal.font.color.rgb = INK
    normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), FONT)
    normal.paragraph_format.space_after = Pt(2)
    normal.paragraph_format.space_before = Pt(0)
    normal.paragraph_format.line_spacing = 1.05

    title = styles["Title"]
    title.font.name = FONT
    title.font.size = Pt(22)
    title.font.bold = True
    title.font.color.rgb = ACCENT
    title.paragraph_format.space_after = Pt(0)
    title.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.LEFT
    title_ppr = title.element.get_or_add_pPr()
    for border in title_ppr.findall(qn("w:pBdr")):  # the default Title has a rule: drop it
        title_ppr.remove(border)

    contact = styles.add_style("Contact", WD_STYLE_TYPE.PARAGRAPH)
    contact.base_style = normal
    contact.font.size = Pt(9.5)
    contact.font.color.rgb = MUTED
    contact.paragraph_format.space_after = Pt(8)

    heading = styles["Heading 1"]
    heading.font.name = FONT
    heading.font.size = Pt(11)
    heading.font.bold = True
    heading.font.all_caps = True
    heading.font.color.rgb = ACCENT
    heading.paragraph_format.space_before = Pt(10)
    heading.paragraph_format.space_after = Pt(4)
    heading.paragraph_format.keep_with_next = True
    _bottom_rule(heading)

    entry = styles.add_style("Entry", WD_STYLE_TYPE.PARAGRAPH)
    entry.base_style = normal
    entry.font.bold = True
    entry.paragraph_format.space_before = Pt(6)
    entry.paragraph_format.space_after = Pt(0)
    entry.paragraph_format.keep_with_next = True
    entry.paragraph_format.tab_stops.add_tab_stop(text_width, WD_TAB_ALIGNMENT.RIGHT)

    detail = styles.add_style("Entry Detail", WD_STYLE_TYPE.PARAGRAPH)
    detail.base_style = normal
    detail.font.italic = True
    detail.font.color.rgb = MUTED
    detail.paragraph_format.space_after = Pt(2)
    detail.paragraph_format.keep_with_next = True

    bullet = styles["List Bullet"]
    bullet.font.name = FONT
    bullet.font.size = Pt(10.5)
    bullet.paragraph_format.space_after = Pt(1)
    bullet.paragraph_format.left_indent = Inches(0.22)
    bullet.paragraph_format.first_line_indent = Inches(-0.16)

    skills = styles.add_style("Skills", WD_STYLE_TYPE.PARAGRAPH)
    skills.base_style = normal
    skills.paragraph_format.space_after = Pt(2)

    body = styles.add_style("Letter Body", WD_STYLE_TYPE.PARAGRAPH)
    body.base_style = normal
    body.font.size = Pt(11)
    body.paragraph_format.space_after = Pt(10)
    body.paragraph_format.line_spacing = 1.15

    for paragraph in list(doc.paragraphs):  # an empty body: drafts fill it
        paragraph._element.getparent().remove(paragraph._element)
    doc.core_properties.title = "tailor reference styles"
    doc.core_properties.author = "tailor"
    doc.save(str(path))


if __name__ == "__main__":
    build(Path(__file__).resolve().parent.parent / "templates" / "reference.docx")
