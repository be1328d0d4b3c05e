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
