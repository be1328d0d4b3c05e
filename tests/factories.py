"""Build real resume files in memory for the reader tests: DOCX, PDF, text, and hostile ones."""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from collections.abc import Iterable, Mapping
from pathlib import Path

import docx
from docx.document import Document
from docx.shared import Pt

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
"""Real-world files from other projects (../shared/corpus beside the repository); absent in CI."""

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W_STRICT_NS = "http://purl.oclc.org/ooxml/wordprocessingml/main"
REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
REL_STRICT_NS = "http://purl.oclc.org/ooxml/officeDocument/relationships"
NAMESPACES = {
    "mc": "http://schemas.openxmlformats.org/markup-compatibility/2006",
    "wps": "http://schemas.microsoft.com/office/word/2010/wordprocessingShape",
    "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "pic": "http://schemas.openxmlformats.org/drawingml/2006/picture",
    "v": "urn:schemas-microsoft-com:vml",
    "o": "urn:schemas-microsoft-com:office:office",
    "w14": "http://schemas.microsoft.com/office/word/2010/wordml",
}
MAIN_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"

CARE_BULLETS = (
    "Coordinated care for 60 patients with heart failure and diabetes",
    "Completed utilization review for Medicare and Medicaid members",
    "Led discharge planning with the interdisciplinary team",
)


# ----------------------------------------------------------------------------------------------
# DOCX made with python-docx


def save(document: Document) -> bytes:
    """The .docx bytes of a python-docx document."""
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def resume_docx(*, words: int = 0) -> bytes:
    """A care-manager resume: heading styles, a bold job title, list bullets, a table, a
    nested table, a header and a footer. `words` adds that many filler words of experience."""
    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "Jane Doe, RN | jane.doe@example.com"
    document.sections[0].footer.paragraphs[0].text = "Page 1 of 2"
    document.add_heading("Jane Doe, RN", 0)
    document.add_paragraph("Springfield, IL | (555) 123-4567")
    document.add_heading("Professional Summary", 1)
    document.add_paragraph(
        "Registered nurse and certified case manager with six years of care coordination."
    )
    document.add_heading("Experience", 1)
    title = document.add_paragraph()
    title.add_run("Care Manager").bold = True
    title.add_run(", Mercy Health").bold = True
    mixed = document.add_paragraph()
    mixed.add_run("Springfield Clinic").bold = True
    mixed.add_run(" 2019 to present")
    for bullet in CARE_BULLETS:
        document.add_paragraph(bullet, style="List Bullet")
    filler = " ".join(
        ("transitions", "of", "care", "for", "chronic", "disease", "patients")[i % 7]
        for i in range(words)
    )
    for start in range(0, len(filler.split()), 16):
        chunk = " ".join(filler.split()[start:start + 16])
        document.add_paragraph(chunk.capitalize() + ".", style="List Bullet")
    document.add_heading("Skills", 1)
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "Epic EHR"
    table.cell(0, 1).text = "Motivational interviewing"
    table.cell(1, 0).text = "InterQual"
    inner = table.cell(1, 1).add_table(rows=1, cols=2)
    inner.cell(0, 0).text = "Spanish"
    inner.cell(0, 1).text = "CCM certified"
    document.add_heading("Education", 1)
    run = document.add_paragraph().add_run("BSN, State University")
    run.font.name = "Garamond"
    run.font.size = Pt(11)
    return save(document)


def odd_even_headers_docx() -> bytes:
    """Different first-page, even-page and default headers; two of them hold the same text."""
    document = docx.Document()
    document.settings.odd_and_even_pages_header_footer = True
    section = document.sections[0]
    section.different_first_page_header_footer = True
    section.header.paragraphs[0].text = "Jane Doe | Care Manager"
    section.even_page_header.paragraphs[0].text = "Jane Doe | Care Manager"
    section.first_page_header.paragraphs[0].text = "JANE DOE"
    section.footer.paragraphs[0].text = "jane.doe@example.com"
    document.add_paragraph("Summary of qualifications")
    return save(document)


# ----------------------------------------------------------------------------------------------
# DOCX packages built from raw XML (what python-docx cannot make)


def _ns_declarations(w_ns: str, rel_ns: str) -> str:
    pairs = {"w": w_ns, "r": rel_ns, **NAMESPACES}
    return " ".join(f'xmlns:{prefix}="{uri}"' for prefix, uri in pairs.items())


def part_xml(root: str, inner: str, *, strict: bool = False) -> str:
    """A WordprocessingML part (`root` is "document", "hdr", "footnotes"...) around `inner`."""
    w_ns, rel_ns = (W_STRICT_NS, REL_STRICT_NS) if strict else (W_NS, REL_NS)
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<w:{root} {_ns_declarations(w_ns, rel_ns)} mc:Ignorable="w14">{inner}</w:{root}>'
    )


def para(text: str = "", *, style: str | None = None, bold: bool = False, num: bool = False,
         runs: str | None = None) -> str:
    """A w:p with one run of `text` (or the given run XML)."""
    props = ""
    if style or num:
        props = "<w:pPr>"
        props += f'<w:pStyle w:val="{style}"/>' if style else ""
        props += '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>' if num else ""
        props += "</w:pPr>"
    body = runs if runs is not None else run(text, bold=bold)
    return f"<w:p>{props}{body}</w:p>"


def run(text: str, *, bold: bool = False) -> str:
    rpr = "<w:rPr><w:b/></w:rPr>" if bold else ""
    return f'<w:r>{rpr}<w:t xml:space="preserve">{text}</w:t></w:r>'


def text_box(*paragraphs: str, fallback: bool = True) -> str:
    """A run holding a DrawingML text box (mc:Choice) and, as Word writes it, the same text box
    again in VML (mc:Fallback)."""
    content = "<w:txbxContent>" + "".join(paragraphs) + "</w:txbxContent>"
    choice = (
        '<mc:Choice Requires="wps"><w:drawing><wp:anchor distT="0" distB="0" distL="0" '
        'distR="0" simplePos="0" relativeHeight="2" behindDoc="0" locked="0" layoutInCell="1" '
        'allowOverlap="1"><wp:simplePos x="0" y="0"/><wp:extent cx="2000000" cy="900000"/>'
        '<wp:docPr id="1" name="Text Box 1"/><a:graphic><a:graphicData '
        'uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp>'
        f'<wps:cNvSpPr txBox="1"/><wps:txbx>{content}</wps:txbx><wps:bodyPr/></wps:wsp>'
        "</a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>"
    )
    back = (
        '<mc:Fallback><w:pict><v:shape id="Text Box 1" type="#_x0000_t202">'
        f"<v:textbox>{content}</v:textbox></v:shape></w:pict></mc:Fallback>"
    )
    alternate = choice + (back if fallback else "")
    return f"<w:r><mc:AlternateContent>{alternate}</mc:AlternateContent></w:r>"


def vml_text_box(*paragraphs: str) -> str:
    """A run holding an old-style VML text box (no mc:AlternateContent)."""
    content = "<w:txbxContent>" + "".join(paragraphs) + "</w:txbxContent>"
    shape = f'<v:shape id="tb"><v:textbox>{content}</v:textbox></v:shape>'
    return f"<w:r><w:pict>{shape}</w:pict></w:r>"


def picture() -> str:
    """A run holding an inline DrawingML picture."""
    return (
        '<w:r><w:drawing><wp:inline><wp:extent cx="100" cy="100"/><wp:docPr id="9" name="p"/>'
        '<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">'
        '<pic:pic><pic:nvPicPr><pic:cNvPr id="9" name="photo.png"/><pic:cNvPicPr/></pic:nvPicPr>'
        '<pic:blipFill><a:blip r:embed="rId99"/></pic:blipFill><pic:spPr/></pic:pic>'
        "</a:graphicData></a:graphic></wp:inline></w:drawing></w:r>"
    )


def content_control(inner: str, *, placeholder: bool = False) -> str:
    """A w:sdt around paragraphs (block level) or runs (inline); `placeholder` marks it as
    showing its placeholder text."""
    props = '<w:sdtPr><w:alias w:val="Name"/><w:id w:val="7"/>'
    props += "<w:showingPlcHdr/>" if placeholder else ""
    props += "</w:sdtPr>"
    return f"<w:sdt>{props}<w:sdtContent>{inner}</w:sdtContent></w:sdt>"


def notes_xml(kind: str, *texts: str, strict: bool = False) -> str:
    """footnotes.xml or endnotes.xml (`kind` "footnote"/"endnote") with Word's separator and
    continuation-separator notes, then one note per text."""
    notes = (
        f'<w:{kind} w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r>'
        f'<w:r><w:t>SEPARATOR</w:t></w:r></w:p></w:{kind}>'
        f'<w:{kind} w:type="continuationSeparator" w:id="0"><w:p><w:r>'
        f'<w:continuationSeparator/></w:r><w:r><w:t>CONTINUATION</w:t></w:r></w:p></w:{kind}>'
    )
    for number, text in enumerate(texts, start=1):
        notes += (
            f'<w:{kind} w:id="{number}"><w:p><w:pPr><w:pStyle w:val="FootnoteText"/></w:pPr>'
            f'<w:r><w:{kind}Ref/></w:r>{run(" " + text)}</w:p></w:{kind}>'
        )
    return part_xml(f"{kind}s", notes, strict=strict)


def build_docx(
    body: str,
    *,
    headers: Iterable[str] = (),
    footers: Iterable[str] = (),
    footnotes: str | None = None,
    endnotes: str | None = None,
    strict: bool = False,
    bom: bool = False,
    root_rels: bool = True,
    content_types: bool = True,
    main: str = "word/document.xml",
    extra: Mapping[str, bytes | str] | None = None,
    macro: bool = False,
) -> bytes:
    """A Word package written part by part.

    Args:
        body: the XML inside w:body (paragraphs, tables...).
        headers, footers: inner XML of each header/footer part (referenced as default, first,
            even, in that order).
        footnotes, endnotes: whole part XML (see notes_xml).
        strict: use the Strict (ISO 29500) namespaces for the main part and relationships.
        bom: start document.xml with a UTF-8 byte-order mark.
        root_rels: write _rels/.rels (without it, readers must use [Content_Types].xml).
        content_types: write [Content_Types].xml.
        main: the main part's name.
        extra: more entries to write as they are.
        macro: declare the main part as a macro-enabled document (.docm).
    """
    rel_ns = REL_STRICT_NS if strict else REL_NS
    rels = []
    sect = ""
    kinds = ("default", "first", "even")
    for index, xml in enumerate(headers):
        rels.append((f"rIdH{index}", "header", f"header{index + 1}.xml", part_xml("hdr", xml,
                                                                                    strict=strict)))
        sect += f'<w:headerReference w:type="{kinds[index % 3]}" r:id="rIdH{index}"/>'
    for index, xml in enumerate(footers):
        rels.append((f"rIdF{index}", "footer", f"footer{index + 1}.xml", part_xml("ftr", xml,
                                                                                    strict=strict)))
        sect += f'<w:footerReference w:type="{kinds[index % 3]}" r:id="rIdF{index}"/>'
    if footnotes is not None:
        rels.append(("rIdFn", "footnotes", "footnotes.xml", footnotes))
    if endnotes is not None:
        rels.append(("rIdEn", "endnotes", "endnotes.xml", endnotes))
    document = part_xml("document", f"<w:body>{body}<w:sectPr>{sect}</w:sectPr></w:body>",
                        strict=strict).encode()
    if bom:
        document = b"\xef\xbb\xbf" + document
    folder = main.rsplit("/", 1)[0] if "/" in main else ""
    base = main.rsplit("/", 1)[-1]
    main_type = "application/vnd.ms-word.document.macroEnabled.main+xml" if macro else MAIN_TYPE
    types = (
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
        'package/2006/content-types"><Default Extension="rels" ContentType="application/'
        'vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" '
        f'ContentType="application/xml"/><Override PartName="/{main}" ContentType="{main_type}"/>'
        "</Types>"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        if content_types:
            archive.writestr("[Content_Types].xml", types)
        if root_rels:
            archive.writestr("_rels/.rels", _rels_xml([("rId1", "officeDocument", main)], rel_ns))
        archive.writestr(main, document)
        if rels:
            archive.writestr(
                f"{folder}/_rels/{base}.rels" if folder else f"_rels/{base}.rels",
                _rels_xml([(rid, kind, target) for rid, kind, target, _ in rels], rel_ns),
            )
            for _, _, target, xml in rels:
                archive.writestr(f"{folder}/{target}" if folder else target, xml)
        for name, content in (extra or {}).items():
            archive.writestr(name, content)
    return buffer.getvalue()


def _rels_xml(rels: Iterable[tuple[str, str, str]], rel_ns: str) -> str:
    items = "".join(
        f'<Relationship Id="{rid}" Type="{rel_ns}/{kind}" Target="{target}"/>'
        for rid, kind, target in rels
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats'
        f'.org/package/2006/relationships">{items}</Relationships>'
    )


def replace_part(package: bytes, name: str, content: bytes | str | None) -> bytes:
    """A copy of a zip package with one entry replaced (or removed, when content is None)."""
    source = zipfile.ZipFile(io.BytesIO(package))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for info in source.infolist():
            if info.filename != name:
                archive.writestr(info.filename, source.read(info))
        if content is not None:
            archive.writestr(name, content)
    return buffer.getvalue()


def zip_of(entries: Mapping[str, bytes | str]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in entries.items():
            archive.writestr(name, content)
    return buffer.getvalue()


# ----------------------------------------------------------------------------------------------
# Hostile packages


def zip_bomb(size: int = 200_000_000) -> bytes:
    """A valid-looking DOCX whose document.xml really inflates to `size` bytes of zeros after
    a real document start (deflate shrinks it about 1000 times)."""
    good = build_docx(para("Jane Doe"))
    source = zipfile.ZipFile(io.BytesIO(good))
    head = source.read("word/document.xml")
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    chunks = [compressor.compress(head)]
    block = bytes(1 << 20)
    remaining = size - len(head)
    crc = zlib.crc32(head)
    while remaining > 0:
        piece = block[: min(len(block), remaining)]
        chunks.append(compressor.compress(piece))
        crc = zlib.crc32(piece, crc)
        remaining -= len(piece)
    chunks.append(compressor.flush())
    deflated = b"".join(chunks)
    entries = [(info.filename, source.read(info)) for info in source.infolist()]
    return _raw_zip(
        [(n, c, None) for n, c in entries if n != "word/document.xml"]
        + [("word/document.xml", deflated, (crc, size))]
    )


def _raw_zip(entries: list[tuple[str, bytes, tuple[int, int] | None]], *, flags: int = 0,
             method: int = 8) -> bytes:
    """Write a zip by hand. An entry with (crc, size) is stored as already-deflated data with
    those declared values; the others are deflated here. `flags` and `method` go into every
    header (flag bit 0 means encrypted; method 8 is deflate)."""
    out = io.BytesIO()
    central = []
    for name, content, declared in entries:
        if declared is None:
            compressor = zlib.compressobj(6, zlib.DEFLATED, -15)
            data = compressor.compress(content) + compressor.flush()
            crc, size = zlib.crc32(content), len(content)
        else:
            data, (crc, size) = content, declared
        offset = out.tell()
        encoded = name.encode()
        out.write(struct.pack("<4s5H3I2H", b"PK\x03\x04", 20, flags, method, 0, 0, crc,
                              len(data), size, len(encoded), 0))
        out.write(encoded)
        out.write(data)
        central.append(struct.pack("<4s6H3I5H2I", b"PK\x01\x02", 20, 20, flags, method, 0, 0,
                                   crc, len(data), size, len(encoded), 0, 0, 0, 0, 0, offset)
                       + encoded)
    start = out.tell()
    directory = b"".join(central)
    out.write(directory)
    out.write(struct.pack("<4s4H2IH", b"PK\x05\x06", 0, 0, len(central), len(central),
                          len(directory), start, 0))
    return out.getvalue()


def rebuilt_docx(data: bytes, *, declared: Mapping[str, int] | None = None, flags: int = 0,
                 method: int = 8) -> bytes:
    """A package rewritten by hand: parts named in `declared` claim that inflated size (their
    real content is tiny), and every entry gets the given flags and compression method."""
    source = zipfile.ZipFile(io.BytesIO(data))
    entries: list[tuple[str, bytes, tuple[int, int] | None]] = []
    for info in source.infolist():
        content = source.read(info)
        if declared and info.filename in declared:
            compressor = zlib.compressobj(6, zlib.DEFLATED, -15)
            deflated = compressor.compress(content) + compressor.flush()
            entries.append((info.filename, deflated, (zlib.crc32(content),
                                                      declared[info.filename])))
        else:
            entries.append((info.filename, content, None))
    return _raw_zip(entries, flags=flags, method=method)


def lying_size_docx() -> bytes:
    """A DOCX whose document.xml declares a smaller size than it inflates to: zipfile stops at
    the declared size and the CRC no longer matches."""
    good = build_docx(para("Jane Doe") + para("Care manager " * 200))
    source = zipfile.ZipFile(io.BytesIO(good))
    entries: list[tuple[str, bytes, tuple[int, int] | None]] = []
    for info in source.infolist():
        content = source.read(info)
        if info.filename == "word/document.xml":
            compressor = zlib.compressobj(6, zlib.DEFLATED, -15)
            deflated = compressor.compress(content) + compressor.flush()
            entries.append((info.filename, deflated, (zlib.crc32(content), len(content) // 2)))
        else:
            entries.append((info.filename, content, None))
    return _raw_zip(entries)


OOXML_TYPES = "http://schemas.openxmlformats.org/package/2006/content-types"


def office_zip(kind: str) -> bytes:
    """A minimal package of another kind: "xlsx", "pptx", "odt", "ods", "epub", "pages", "zip",
    or "office" (an OOXML package whose main part is not Word's)."""
    rels_ns = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    main = {"xlsx": "xl/workbook.xml", "pptx": "ppt/presentation.xml", "office": "x/main.xml"}
    if kind in main:
        return zip_of({
            "[Content_Types].xml": f'<Types xmlns="{OOXML_TYPES}"/>',
            "_rels/.rels": _rels_xml([("rId1", "officeDocument", main[kind])], rels_ns),
            main[kind]: '<workbook xmlns="urn:example:not-word"><sheet name="Jane"/></workbook>',
        })
    if kind in ("odt", "ods", "epub"):
        mimetype = {"odt": "application/vnd.oasis.opendocument.text",
                    "ods": "application/vnd.oasis.opendocument.spreadsheet",
                    "epub": "application/epub+zip"}[kind]
        return zip_of({"mimetype": mimetype, "content.xml": "<office:document-content/>"})
    if kind == "pages":
        return zip_of({"Index/Document.iwa": b"\x00\x01", "Metadata/Properties.plist": ""})
    return zip_of({"resume.pdf": b"%PDF-1.4", "notes.txt": "hello"})


def many_entries_zip(count: int) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:
        for index in range(count):
            archive.writestr(f"f{index}", b"")
    return buffer.getvalue()


def ole_file(*streams: str) -> bytes:
    """Bytes that start like an OLE compound file and hold directory entries with the given
    stream names (UTF-16LE, as the format stores them)."""
    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)
    directory = b"".join(
        (name.encode("utf-16-le") + b"\x00\x00").ljust(64, b"\x00")
        + struct.pack("<H", 2 * len(name) + 2) + bytes(62)
        for name in ("Root Entry", *streams)
    )
    return header + directory.ljust(4096, b"\x00")


# ----------------------------------------------------------------------------------------------
# PDF made with reportlab


def pdf_lines(*pages: Iterable[str], size: float = 11, encrypt: object | None = None) -> bytes:
    """A PDF with each given line drawn on its own baseline, one page per iterable."""
    from reportlab.lib.pagesizes import letter
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=letter, encrypt=encrypt)
    for lines in pages:
        pdf.setFont("Helvetica", size)
        y = 720.0
        for line in lines:
            pdf.drawString(72, y, line)
            y -= size * 1.4
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def pdf_resume_paragraphs() -> bytes:
    """A one-column resume set with platypus: wrapped paragraphs and a bulleted list."""
    from reportlab.lib.pagesizes import letter
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import ListFlowable, ListItem, Paragraph, SimpleDocTemplate

    styles = getSampleStyleSheet()
    buffer = io.BytesIO()
    document = SimpleDocTemplate(buffer, pagesize=letter)
    story = [
        Paragraph("Jane Doe, RN", styles["Title"]),
        Paragraph("jane.doe@example.com | (555) 123-4567", styles["Normal"]),
        Paragraph("Professional Experience", styles["Heading1"]),
        Paragraph(
            "Coordinated transitions of care for a caseload of sixty adults living with "
            "congestive heart failure, chronic obstructive pulmonary disease and diabetes, and "
            "worked with the interdisciplinary team on discharge planning.",
            styles["Normal"],
        ),
        ListFlowable(
            [ListItem(Paragraph(text, styles["Normal"])) for text in CARE_BULLETS],
            bulletType="bullet",
        ),
    ]
    document.build(story)
    return buffer.getvalue()


def pdf_two_columns() -> bytes:
    """Two newspaper columns (platypus frames): the left column's text, then the right's."""
    from reportlab.lib.pagesizes import letter
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import BaseDocTemplate, Frame, FrameBreak, PageTemplate, Paragraph

    styles = getSampleStyleSheet()
    buffer = io.BytesIO()
    width, height = letter
    document = BaseDocTemplate(buffer, pagesize=letter)
    left = Frame(36, 36, width / 2 - 48, height - 72, id="left")
    right = Frame(width / 2 + 12, 36, width / 2 - 48, height - 72, id="right")
    document.addPageTemplates([PageTemplate(id="two", frames=[left, right])])
    story = [
        Paragraph("Skills", styles["Heading2"]),
        Paragraph("Epic EHR", styles["Normal"]),
        Paragraph("InterQual criteria", styles["Normal"]),
        FrameBreak(),
        Paragraph("Experience", styles["Heading2"]),
        Paragraph("Care Manager, Mercy Health", styles["Normal"]),
        Paragraph("Utilization review for Medicare members", styles["Normal"]),
    ]
    document.build(story)
    return buffer.getvalue()


def pdf_image_only(pages: int = 1) -> bytes:
    """A PDF whose pages hold only a picture: what a scanner makes."""
    from PIL import Image
    from reportlab.lib.pagesizes import letter
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    image = Image.new("RGB", (40, 20), (200, 30, 30))
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=letter)
    for _ in range(pages):
        pdf.drawImage(ImageReader(image), 72, 500, width=400, height=200)
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def pdf_with_blank_page() -> bytes:
    """Page 1 has text, page 2 only a rectangle, page 3 text again."""
    from reportlab.lib.pagesizes import letter
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=letter)
    pdf.drawString(72, 700, "Jane Doe, RN")
    pdf.showPage()
    pdf.rect(72, 400, 300, 200, fill=1)
    pdf.showPage()
    pdf.drawString(72, 700, "References available on request.")
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def pdf_encrypted(user_password: str = "secret") -> bytes:
    from reportlab.lib.pdfencrypt import StandardEncryption

    return pdf_lines(
        ["Jane Doe, RN", "Care coordination"],
        encrypt=StandardEncryption(user_password, ownerPassword="owner-secret"),
    )


# ----------------------------------------------------------------------------------------------
# Whole resumes for the checks (tests/test_checks*.py)

GOOD_RESUME: tuple[tuple[str, str], ...] = (
    ("title", "Jane Doe, RN, CCM"),
    ("p", "Columbus, OH 43215 | (614) 555-0123 | jane.doe@example.com | linkedin.com/in/janedoe"),
    ("h1", "Professional Summary"),
    ("p", "Registered nurse and certified case manager with six years of care coordination for "
          "adults with chronic conditions in hospital and health-plan settings, known for "
          "cutting readmissions through patient education and close follow-up."),
    ("h1", "Experience"),
    ("bold", "RN Care Manager, Mercy Health, Columbus, OH"),
    ("p", "Jan 2021 – Present"),
    ("bullet", "Managed a caseload of 65 high-risk adults with heart failure, COPD and diabetes "
               "across three primary care clinics."),
    ("bullet", "Reduced 30-day readmissions by 18% in one year through weekly calls after "
               "discharge and early specialist visits."),
    ("bullet", "Completed 40 comprehensive biopsychosocial assessments a month within 72 hours "
               "of referral."),
    ("bullet", "Coordinated care with 12 specialists, home health agencies and behavioral health "
               "providers for members with complex needs."),
    ("bullet", "Educated patients and caregivers on medications using teach-back, raising "
               "adherence to 87% across the caseload."),
    ("bullet", "Documented assessments and care plans in Epic (Healthy Planet) in line with "
               "HIPAA and health-plan requirements."),
    ("bold", "Staff Nurse, Medical-Surgical Unit, Riverside Methodist Hospital, Columbus, OH"),
    ("p", "Jun 2018 – Dec 2020"),
    ("bullet", "Provided direct care for 5 to 6 patients per shift on a 32-bed medical-surgical "
               "unit."),
    ("bullet", "Led discharge planning for 20 patients a week with physicians, social workers "
               "and therapists."),
    ("bullet", "Trained 8 new graduate nurses on documentation in Epic and on fall prevention."),
    ("bullet", "Advocated for patients with insurers, securing home services for 30 members in "
               "one year."),
    ("bold", "Patient Care Technician, OhioHealth Grant Medical Center, Columbus, OH"),
    ("p", "Sep 2016 – May 2018"),
    ("bullet", "Measured vital signs and blood glucose for 12 patients per shift and reported "
               "changes to the charge nurse."),
    ("bullet", "Partnered with 4 nurses a shift on admissions, transfers and discharges on a "
               "busy telemetry unit."),
    ("bullet", "Served on the falls-prevention committee that cut unit falls by 25% in one "
               "year."),
    ("h1", "Education"),
    ("p", "Bachelor of Science in Nursing (BSN), The Ohio State University, Columbus, OH, "
          "May 2018"),
    ("h1", "Licenses & Certifications"),
    ("p", "Registered Nurse (RN), State of Ohio, License #123456"),
    ("p", "Certified Case Manager (CCM), Commission for Case Manager Certification, 2022"),
    ("p", "Basic Life Support (BLS), American Heart Association"),
    ("h1", "Professional Affiliations"),
    ("p", "Member, Case Management Society of America (CMSA), Central Ohio chapter, since 2021"),
    ("h1", "Skills"),
    ("p", "Care coordination, discharge planning, motivational interviewing, utilization "
          "review with InterQual criteria, Medicare and Medicaid benefits, Microsoft Excel, "
          "conversational Spanish"),
)
"""A one-page care-manager resume that every check passes."""


def docx_resume(blocks: Iterable[tuple[str, str]] = GOOD_RESUME, *, header: str | None = None,
                footer: str | None = None, columns: int | None = None, picture: bool = False,
                font: str | None = None) -> bytes:
    """A resume made with python-docx from (kind, text) blocks.

    Kinds: "title" (Title style), "h1"/"h2" (Heading 1/2), "p" (a plain paragraph), "bold" (a
    paragraph in one bold run), "bullet" (List Bullet), "cell" (a row of a one-column table;
    consecutive cells share one table), "row" (a two-column table row, cells split at " || ").

    Args:
        header, footer: text for the default header and footer.
        columns: set the section in this many newspaper columns (w:cols w:num).
        picture: add a photo (a real PNG) at the top.
        font: name every run's font.
    """
    from PIL import Image

    document = docx.Document()
    if header is not None:
        document.sections[0].header.paragraphs[0].text = header
    if footer is not None:
        document.sections[0].footer.paragraphs[0].text = footer
    if picture:
        image = io.BytesIO()
        Image.new("RGB", (60, 80), (120, 90, 60)).save(image, format="PNG")
        document.add_picture(io.BytesIO(image.getvalue()))
    table = None
    for kind, text in blocks:
        if kind not in ("cell", "row"):
            table = None
        if kind == "title":
            paragraph = document.add_paragraph(text, style="Title")
        elif kind in ("h1", "h2"):
            paragraph = document.add_heading(text, int(kind[1]))
        elif kind == "bold":
            paragraph = document.add_paragraph()
            paragraph.add_run(text).bold = True
        elif kind == "bullet":
            paragraph = document.add_paragraph(text, style="List Bullet")
        elif kind in ("cell", "row"):
            cells = text.split(" || ") if kind == "row" else [text]
            if table is None:
                table = document.add_table(rows=0, cols=len(cells))
            row = table.add_row()
            for cell, value in zip(row.cells, cells, strict=True):
                cell.text = value
            continue
        else:
            paragraph = document.add_paragraph(text)
        if font is not None:
            for item in paragraph.runs:
                item.font.name = font
    if columns is not None:
        section = document.sections[0]._sectPr
        cols = section.find(f"{{{W_NS}}}cols")
        if cols is None:
            cols = section.makeelement(f"{{{W_NS}}}cols", {})
            section.append(cols)
        cols.set(f"{{{W_NS}}}num", str(columns))
        cols.set(f"{{{W_NS}}}space", "720")
    return save(document)


def replace_blocks(blocks: Iterable[tuple[str, str]],
                   changes: Mapping[str, tuple[tuple[str, str], ...] | str | None]
                   ) -> tuple[tuple[str, str], ...]:
    """A copy of `blocks` where each block whose text is a key of `changes` is replaced: by
    other blocks (a tuple), by new text (a str, same kind), or removed (None)."""
    out: list[tuple[str, str]] = []
    for kind, text in blocks:
        if text not in changes:
            out.append((kind, text))
            continue
        change = changes[text]
        if isinstance(change, str):
            out.append((kind, change))
        elif change is not None:
            out.extend(change)
    return tuple(out)


def text_resume(blocks: Iterable[tuple[str, str]] = GOOD_RESUME) -> bytes:
    """The same blocks as a plain-text file: headings in capitals, bullets as "• "."""
    out = []
    for kind, text in blocks:
        if kind in ("h1", "h2"):
            out += ["", text.upper()]
        elif kind == "bullet":
            out.append("• " + text)
        else:
            out.append(text.replace(" || ", "    "))
    return ("\n".join(out) + "\n").encode()


def pdf_resume(blocks: Iterable[tuple[str, str]] = GOOD_RESUME, *, font: str = "Helvetica",
               image: bool = False) -> bytes:
    """The blocks as a one-column PDF (reportlab platypus), optionally with a photo."""
    from PIL import Image as PILImage
    from reportlab.lib.pagesizes import letter
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Image, Paragraph, SimpleDocTemplate

    styles = getSampleStyleSheet()
    body = styles["Normal"].clone("body", fontName=font, fontSize=9.5, leading=11.5)
    heading = styles["Heading2"].clone("heading", fontSize=11, leading=13, spaceBefore=6,
                                       spaceAfter=2)
    story: list[object] = []
    if image:
        photo = io.BytesIO()
        PILImage.new("RGB", (60, 80), (120, 90, 60)).save(photo, format="PNG")
        story.append(Image(io.BytesIO(photo.getvalue()), width=60, height=80))
    for kind, text in blocks:
        escaped = text.replace("&", "&amp;").replace("<", "&lt;")
        if kind == "title":
            story.append(Paragraph(escaped, styles["Title"]))
        elif kind in ("h1", "h2"):
            story.append(Paragraph(escaped, heading))
        elif kind == "bullet":
            story.append(Paragraph("• " + escaped, body))
        elif kind == "bold":
            story.append(Paragraph(f"<b>{escaped}</b>", body))
        else:
            story.append(Paragraph(escaped.replace(" || ", "    "), body))
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, pagesize=letter, leftMargin=54, rightMargin=54, topMargin=36,
                      bottomMargin=36).build(story)
    return buffer.getvalue()


def pdf_sidebar_columns() -> bytes:
    """A two-column resume (platypus frames): a narrow sidebar of skills and contact details
    beside the main column of experience, as design templates set them."""
    from reportlab.lib.pagesizes import letter
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import BaseDocTemplate, Frame, FrameBreak, PageTemplate, Paragraph

    styles = getSampleStyleSheet()
    width, height = letter
    buffer = io.BytesIO()
    document = BaseDocTemplate(buffer, pagesize=letter)
    side = Frame(36, 36, 170, height - 72, id="side")
    main = Frame(230, 36, width - 266, height - 72, id="main")
    document.addPageTemplates([PageTemplate(id="two", frames=[side, main])])
    story: list[object] = [Paragraph("Jane Doe, RN", styles["Heading2"]),
                           Paragraph("jane.doe@example.com", styles["Normal"]),
                           Paragraph("(614) 555-0123", styles["Normal"]),
                           Paragraph("Skills", styles["Heading2"])]
    story += [Paragraph(skill, styles["Normal"]) for skill in (
        "Care coordination", "Discharge planning", "Epic", "Cerner", "InterQual",
        "Motivational interviewing", "Medicare benefits", "Spanish")]
    story += [FrameBreak(), Paragraph("Experience", styles["Heading2"]),
              Paragraph("<b>RN Care Manager, Mercy Health, Jan 2021 – Present</b>",
                        styles["Normal"])]
    story += [Paragraph("• " + bullet, styles["Normal"]) for bullet in (
        *CARE_BULLETS,
        "Reduced 30-day readmissions by 18% through weekly calls after discharge",
        "Educated 300 patients and caregivers on medications using teach-back",
        "Trained 8 new graduate nurses on documentation and fall prevention",
        "Advocated for 30 members with insurers to secure home services")]
    document.build(story)
    return buffer.getvalue()


def pdf_dated_rows(*, label_column: bool) -> bytes:
    """A one-column page of job entries with dates: right-aligned on the title line (the
    usual layout), or, with `label_column`, in a column of their own to the left."""
    from reportlab.lib.pagesizes import letter
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=letter)
    pdf.setFont("Helvetica", 10)
    y = 740.0
    jobs = [("Care Manager, Mercy Health", "Jan 2021 – Present"),
            ("Staff Nurse, Riverside Hospital", "Jun 2018 – Dec 2020"),
            ("Nurse Extern, Grant Medical Center", "May 2017 – Aug 2017"),
            ("Patient Care Technician, OhioHealth", "Sep 2015 – Apr 2017")]
    for title, dates in jobs:
        if label_column:
            pdf.drawString(72, y, dates)
            pdf.drawString(200, y, title)
            x = 200
        else:
            pdf.drawString(72, y, title)
            pdf.drawRightString(540, y, dates)
            x = 90
        y -= 14
        for bullet in CARE_BULLETS:
            pdf.drawString(x, y, "• " + bullet + (" across the county" if not label_column
                                                   else ""))
            y -= 14
        y -= 8
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def raw_pdf(objects: Iterable[bytes]) -> bytes:
    """A PDF written by hand from object bodies (object 1 must be the catalog)."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    bodies = list(objects)
    for number, body in enumerate(bodies, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(bodies) + 1}\n0000000000 65535 f \n".encode()
    for offset in offsets:
        out += f"{offset:010d} 00000 n \n".encode()
    out += (f"trailer\n<< /Size {len(bodies) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n"
            .encode())
    return bytes(out)


def pdf_unmapped_font(lines: Iterable[str], *, shift: int = -29) -> bytes:
    """A PDF whose font has no text map: a Type 3 font with made-up glyph names and no
    ToUnicode, drawing character codes shifted by `shift` from the letters shown. PDFium then
    extracts the codes themselves: with -29 the shift Word's subset fonts often leave
    ("&RRUGLQDWHG" for "Coordinated"), control characters where the spaces were."""
    names = " ".join(f"/g{i}" for i in range(1, 256))
    procs = " ".join(f"/g{i} 6 0 R" for i in range(1, 256))
    content = b"BT /F1 11 Tf 72 720 Td 14 TL\n"
    for line in lines:
        codes = bytes((ord(char) + shift) % 256 for char in line)
        escaped = codes.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")
        content += b"(" + escaped + b") Tj T*\n"
    content += b"ET"
    glyph = b"600 0 0 0 750 750 d1 0 0 m"
    return raw_pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
        b"/Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
        f"<< /Length {len(content)} >>\nstream\n".encode() + content + b"\nendstream",
        (f"<< /Type /Font /Subtype /Type3 /FontBBox [0 0 750 750] "
         f"/FontMatrix [0.001 0 0 0.001 0 0] /CharProcs << {procs} >> "
         f"/Encoding << /Type /Encoding /Differences [1 {names}] >> "
         f"/FirstChar 0 /LastChar 255 /Widths [{' '.join(['600'] * 256)}] >>").encode(),
        f"<< /Length {len(glyph)} >>\nstream\n".encode() + glyph + b"\nendstream",
    ])


def register_decorative_font() -> str:
    """Register reportlab's bundled DarkGardenMK (a decorative Type 1 font) and return its name."""
    import reportlab
    from reportlab.pdfbase import pdfmetrics

    name = "DarkGardenMK"
    if name not in pdfmetrics.getRegisteredFontNames():
        folder = Path(reportlab.__file__).parent / "fonts"
        face = pdfmetrics.EmbeddedType1Face(str(folder / "DarkGardenMK.afm"),
                                            str(folder / "DarkGardenMK.pfb"))
        pdfmetrics.registerTypeFace(face)
        pdfmetrics.registerFont(pdfmetrics.Font(name, name, "WinAnsiEncoding"))
    return name
