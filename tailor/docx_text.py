"""DOCX → raw lines: read the package's XML parts with lxml, guarding against hostile packages."""

from __future__ import annotations

import html
import io
import posixpath
import re
import struct
import zipfile
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from typing import IO, Any
from urllib.parse import unquote

from lxml import etree

from tailor.errors import InputError
from tailor.models import Layout, RawLine, Source
from tailor.normalize import BULLET_STARTS, normalize_line_checked, strip_bullet

__all__ = [
    "DAMAGED",
    "MAX_ENTRIES",
    "MAX_PART_BYTES",
    "MAX_TOTAL_BYTES",
    "DocxResult",
    "read_docx",
]

MAX_PART_BYTES = 30_000_000
"""Largest inflated size of one XML part tailor reads."""
MAX_TOTAL_BYTES = 80_000_000
"""Largest inflated size of all the parts tailor reads from one package."""
MAX_ENTRIES = 10_000
"""Most entries a package may hold."""
_MAX_INDEX_BYTES = 2_000_000  # relationship and content-type parts, app.xml
_TREE_BYTES = 4_000_000  # parts up to this size are parsed whole; larger ones are streamed
_STYLES_HEAD = 8_192  # w:docDefaults follows the root's namespace declarations

DAMAGED = (
    "is a damaged Word file (the package is truncated or corrupt); "
    "open it in Word and save it again"
)
_NOT_WORDML = "is not a Word document (its main part is not WordprocessingML)"
_ZIP_ERRORS = (
    zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError, RuntimeError,
    NotImplementedError, struct.error, zlib.error, UnicodeDecodeError,
)

_W_NS = (
    "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "http://purl.oclc.org/ooxml/wordprocessingml/main",
)
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_V = "{urn:schemas-microsoft-com:vml}"
_PIC = (
    "{http://schemas.openxmlformats.org/drawingml/2006/picture}",
    "{http://purl.oclc.org/ooxml/drawingml/picture}",
)
_OFF = frozenset({"0", "false", "off"})
_VAL = tuple(f"{{{ns}}}val" for ns in _W_NS)

# Element codes: every tag the reader reacts to maps to one small int, in both namespaces.
(P, R, T, TAB, BR, NBHYPHEN, SYM, PPR, RPR, TBL, TXBX, SDT, SDTPR, SDTCONTENT, PLCHDR,
 INS, DEL, MOVEFROM, CONTAINER, SKIP, AC, CHOICE, FALLBACK, PIC, IMAGEDATA, NOTE, HDRREF,
 B, RSTYLE, RFONTS, PSTYLE, NUMPR, NUMID, ROOT, COLS) = range(35)

_W_CODES = {
    "p": P, "r": R, "t": T, "tab": TAB, "ptab": TAB, "br": BR, "cr": BR,
    "noBreakHyphen": NBHYPHEN, "sym": SYM, "pPr": PPR, "rPr": RPR,
    "tbl": TBL, "txbxContent": TXBX, "sdt": SDT, "sdtPr": SDTPR, "sdtContent": SDTCONTENT,
    "showingPlcHdr": PLCHDR, "ins": INS, "moveTo": INS, "del": DEL, "moveFrom": MOVEFROM,
    # Inline elements whose runs are part of the paragraph's text.
    "hyperlink": CONTAINER, "fldSimple": CONTAINER, "smartTag": CONTAINER,
    "customXml": CONTAINER, "dir": CONTAINER, "bdo": CONTAINER, "ruby": CONTAINER,
    "rubyBase": CONTAINER,
    # Subtrees that hold no visible text of the document: ruby text is a pronunciation guide;
    # a section-properties change holds superseded properties.
    "rt": SKIP, "sectPrChange": SKIP,
    "footnote": NOTE, "endnote": NOTE, "headerReference": HDRREF, "footerReference": HDRREF,
    "b": B, "rStyle": RSTYLE, "rFonts": RFONTS, "pStyle": PSTYLE, "numPr": NUMPR, "numId": NUMID,
    "document": ROOT, "hdr": ROOT, "ftr": ROOT, "footnotes": ROOT, "endnotes": ROOT,
    "cols": COLS,
}
_CODES: dict[Any, int] = {
    f"{{{ns}}}{local}": code for ns in _W_NS for local, code in _W_CODES.items()
}
_CODES.update({
    f"{_MC}AlternateContent": AC, f"{_MC}Choice": CHOICE, f"{_MC}Fallback": FALLBACK,
    f"{_V}imagedata": IMAGEDATA, **{f"{ns}pic": PIC for ns in _PIC},
})
# The walk gets events only for structure; a paragraph's runs are read from the paragraph
# element when it ends. Deleted text, field codes and comments are never visited.
_EVENT_CODES = frozenset({
    P, TBL, TXBX, SDT, SDTCONTENT, PLCHDR, INS, DEL, MOVEFROM, SKIP, AC, CHOICE, FALLBACK, PIC,
    IMAGEDATA, NOTE, HDRREF, ROOT, COLS,
})
# Wildcard namespaces make lxml's tag matcher cheaper to build and run (it is built for every
# part); elements of other namespaces that share a local name get no code and are ignored.
_EVENT_TAGS = sorted({"{*}" + str(tag).rsplit("}", 1)[-1] for tag, code in _CODES.items()
                      if code in _EVENT_CODES})
_EVENTS = ("start", "end")
_NOTE_SKIP_TYPES = frozenset({"separator", "continuationSeparator", "continuationNotice"})

# styles.xml is not parsed: Word's latent-style table and template styles make it 30-350 KB,
# several times the cost of the document itself. Lists and bold come from direct formatting
# and from style ids; fonts from runs and from w:docDefaults, found by a bounded regex.
_LIST_STYLE = re.compile(r"(?i)^list ?(bullet|number|paragraph|continue)|bullet")
_BOLD_CHAR_STYLE = re.compile(r"(?i)strong|bold")
_DOC_DEFAULTS = re.compile(
    rb"<(?:\w+:)?docDefaults\b.*?</(?:\w+:)?docDefaults\s*>", re.DOTALL)
_DEFAULT_FONT = re.compile(
    rb"<(?:\w+:)?rFonts\b[^>]*?\b(?:\w+:)?(?:ascii|hAnsi)\s*=\s*\"([^\"]+)\"")

# Relationship and content-type parts are flat lists of attributes: a regex reads them faster
# than a parser and shrugs at a byte-order mark or a stray namespace prefix.
_REL_ELEMENT = re.compile(rb"<(?:\w+:)?Relationship\b([^>]*)>")
_OVERRIDE_ELEMENT = re.compile(rb"<(?:\w+:)?Override\b([^>]*)>")
_REL_TYPE, _REL_TARGET, _REL_MODE, _REL_ID, _CT_NAME, _CT_TYPE = (
    re.compile(name + rb"\s*=\s*(?:\"([^\"]*)\"|'([^']*)')")
    for name in (b"Type", b"Target", b"TargetMode", b"Id", b"PartName", b"ContentType")
)
_MAIN_KINDS = frozenset({"officeDocument"})
_STORY_KINDS = frozenset({"header", "footer", "footnotes", "endnotes", "styles"})
_MAIN_CONTENT_TYPES = (
    "wordprocessingml.document.main+xml",
    "wordprocessingml.template.main+xml",
    "ms-word.document.macroenabled.main+xml",
    "ms-word.template.macroenabledtemplate.main+xml",
)
_PAGES = re.compile(rb"<(?:\w+:)?Pages>\s*(\d{1,5})\s*</")


@dataclass(slots=True)
class DocxResult:
    """What the DOCX reader found: lines in reading order, layout facts, remarks."""

    lines: list[RawLine]
    layout: Layout
    notes: list[str] = field(default_factory=list)


@dataclass(slots=True)
class _Counts:
    tables: int = 0
    nested_tables: int = 0
    text_boxes: int = 0
    images: int = 0
    content_controls: int = 0
    insertions: int = 0
    deletions: int = 0
    fonts: set[str] = field(default_factory=set)
    columns: int = 1
    repaired: int = 0


class _RefusedError(Exception):
    """A problem with the package; the message is the InputError problem text."""


class _NotWordMLError(_RefusedError):
    """The main part is XML but not WordprocessingML (a workbook, a presentation...)."""


# ----------------------------------------------------------------------------------------------
# The package


class _Package:
    """A zip package whose declared sizes are checked before any part inflates."""

    def __init__(self, data: bytes) -> None:
        entries = _declared_entries(data)
        if entries is not None and entries > MAX_ENTRIES:
            if entries * 46 > len(data):  # each directory record takes at least 46 bytes
                raise _RefusedError(DAMAGED)
            raise _RefusedError(f"holds {entries:,} files; refused as a possible zip bomb")
        try:
            self.zip = zipfile.ZipFile(io.BytesIO(data))
            infos = self.zip.infolist()
        except _ZIP_ERRORS as exc:
            raise _RefusedError(DAMAGED) from exc
        if len(infos) > MAX_ENTRIES:
            raise _RefusedError(f"holds {len(infos):,} files; refused as a possible zip bomb")
        self.index: dict[str, zipfile.ZipInfo] = {}
        for info in infos:
            self.index.setdefault(info.filename.lstrip("/").lower(), info)
        self.budget = MAX_TOTAL_BYTES
        self.missing_main: str | None = None  # declared in _rels/.rels but absent

    def info(self, part: str | None) -> zipfile.ZipInfo | None:
        return None if part is None else self.index.get(part.lower())

    def reserve(self, infos: Iterable[zipfile.ZipInfo]) -> None:
        """Refuse, before inflating anything, parts whose declared sizes exceed the limits."""
        total = 0
        for info in infos:
            if info.file_size > MAX_PART_BYTES:
                raise _RefusedError(
                    f"would inflate to {_mb(info.file_size)} ({info.filename}); "
                    "refused as a possible zip bomb"
                )
            total += info.file_size
        if total > self.budget:
            raise _RefusedError(
                f"would inflate to {_mb(total)}; refused as a possible zip bomb")
        self.budget -= total

    def open(self, info: zipfile.ZipInfo) -> IO[bytes]:
        if info.flag_bits & 0x1:
            raise _RefusedError("is an encrypted zip archive; save an unprotected copy as .docx")
        try:
            return self.zip.open(info)
        except _ZIP_ERRORS as exc:
            raise _RefusedError(DAMAGED) from exc

    def read(self, info: zipfile.ZipInfo, limit: int = -1) -> bytes:
        """Inflate a part (or its first `limit` bytes). zipfile stops at the declared size and
        checks the CRC, so a header that understates the size fails here as damage."""
        with self.open(info) as fh:
            try:
                return fh.read(limit)
            except _ZIP_ERRORS as exc:
                raise _RefusedError(DAMAGED) from exc

    def read_small(self, part: str) -> bytes | None:
        info = self.info(part)
        if info is None or info.file_size > _MAX_INDEX_BYTES:
            return None
        self.reserve((info,))
        return self.read(info)

    def rels(self, part: str, kinds: frozenset[str]) -> list[tuple[str, str, str]]:
        """(id, kind, target part) for each internal relationship of `part` whose type ends
        in one of `kinds` ("header", "officeDocument"...)."""
        folder, base = posixpath.split(part)
        data = self.read_small(posixpath.join(folder, "_rels", base + ".rels"))
        out = []
        quick = tuple(b"/" + kind.encode() for kind in kinds)
        for match in _REL_ELEMENT.finditer(data or b""):
            element = match.group(1)
            if not any(marker in element for marker in quick):  # cheap test before parsing
                continue
            kind = _attribute(element, _REL_TYPE).rsplit("/", 1)[-1]
            if kind not in kinds or _attribute(element, _REL_MODE).lower() == "external":
                continue
            target = _attribute(element, _REL_TARGET)
            if target:
                out.append((_attribute(element, _REL_ID), kind, _resolve(folder, target)))
        return out


def _attribute(element: bytes, pattern: re.Pattern[bytes]) -> str:
    """One attribute's value from the raw text of an element's start tag, or ""."""
    for match in pattern.finditer(element):
        if match.start() and element[match.start() - 1] in b" \t\r\n":  # a whole name
            value = match.group(1) if match.group(1) is not None else match.group(2)
            text = value.decode("utf-8", "replace")
            return html.unescape(text) if "&" in text else text
    return ""


def _declared_entries(data: bytes) -> int | None:
    """Entry count from the end-of-central-directory record, read before zipfile parses it."""
    at = data.rfind(b"PK\x05\x06", max(0, len(data) - 65_557))
    if at < 0 or at + 12 > len(data):
        return None
    (count,) = struct.unpack_from("<H", data, at + 10)
    return None if count == 0xFFFF else int(count)


def _resolve(folder: str, target: str) -> str:
    target = unquote(target.split("#", 1)[0])
    path = target[1:] if target.startswith("/") else posixpath.join(folder, target)
    return posixpath.normpath(path).lstrip("/")


def _mb(size: int) -> str:
    return f"{size / 1_000_000:,.0f} MB" if size >= 10_000_000 else f"{size / 1_000_000:.1f} MB"


def _safe_parser() -> etree.XMLParser:
    return etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False,
        remove_comments=True, remove_pis=True,
    )


def _iterparse(fh: IO[bytes]) -> Iterator[tuple[str, Any]]:
    return etree.iterparse(  # type: ignore[no-any-return]
        fh, events=_EVENTS, tag=_EVENT_TAGS, resolve_entities=False, no_network=True,
        load_dtd=False, huge_tree=False, remove_comments=True, remove_pis=True,
    )


def _main_part(pkg: _Package) -> str | None:
    """The main document part: from _rels/.rels, else [Content_Types].xml, else the usual name."""
    for _, _, target in pkg.rels("", _MAIN_KINDS):
        if pkg.info(target) is not None:
            return target
        pkg.missing_main = pkg.missing_main or target
    for match in _OVERRIDE_ELEMENT.finditer(pkg.read_small("[Content_Types].xml") or b""):
        name = _attribute(match.group(1), _CT_NAME).lstrip("/")
        content_type = _attribute(match.group(1), _CT_TYPE).lower()
        if content_type.endswith(_MAIN_CONTENT_TYPES) and pkg.info(name):
            return name
    return "word/document.xml" if pkg.info("word/document.xml") is not None else None


def _what_zip(pkg: _Package) -> str:
    """The problem text for a zip that holds no Word document."""
    names = pkg.index
    if any(n.startswith("xl/") for n in names):
        return "is an Excel workbook, not a resume; save the resume as .docx or PDF"
    if any(n.startswith("ppt/") for n in names):
        return "is a PowerPoint presentation, not a resume; save the resume as .docx or PDF"
    mimetype = pkg.read_small("mimetype")
    if mimetype is not None:
        kind = mimetype[:100].decode("ascii", "replace")
        if "opendocument.text" in kind:
            return "is an OpenDocument text file (.odt), not a Word file; save it as .docx or PDF"
        if "opendocument" in kind:
            return "is an OpenDocument spreadsheet or presentation, not a resume"
        if "epub" in kind:
            return "is an EPUB e-book, not a resume"
    if any(n.startswith("index/") for n in names):
        return "is an Apple Pages file; export it as .docx or PDF"
    if "[content_types].xml" in names:
        return "is an Office file but not a Word document; save the resume as .docx or PDF"
    return "is a zip archive, not a Word document"


def _default_font(pkg: _Package, info: zipfile.ZipInfo | None) -> str | None:
    """The font named in styles.xml's w:docDefaults (theme fonts are not looked up)."""
    if info is None:
        return None
    match = _DOC_DEFAULTS.search(pkg.read(info, _STYLES_HEAD))
    font = _DEFAULT_FONT.search(match.group(0)) if match else None
    return font.group(1).decode("utf-8", "replace") if font else None


def _app_pages(pkg: _Package) -> int | None:
    """The page count Word stored in docProps/app.xml when it last saved the file."""
    match = _PAGES.search(pkg.read_small("docProps/app.xml") or b"")
    return (int(match.group(1)) or None) if match else None


# ----------------------------------------------------------------------------------------------
# Story parts: document, headers, footers, footnotes, endnotes


def _read_part(pkg: _Package, info: zipfile.ZipInfo, source: Source, counts: _Counts,
               header_ids: list[str]) -> list[RawLine]:
    """Lines of one part. Parts up to _TREE_BYTES are parsed whole and walked (faster); larger
    ones are streamed with finished blocks freed as the walk goes."""
    out: list[RawLine] = []
    try:
        if info.file_size <= _TREE_BYTES:
            root = etree.fromstring(pkg.read(info), parser=_safe_parser())
            _walk(etree.iterwalk(root, events=_EVENTS, tag=_EVENT_TAGS), source, counts,
                  header_ids, out, stream=False)
        else:
            with pkg.open(info) as fh:
                _walk(_iterparse(fh), source, counts, header_ids, out, stream=True)
    except etree.XMLSyntaxError as exc:
        raise _RefusedError(
            f"is a damaged Word file ({info.filename} is not well-formed XML); "
            "open it in Word and save it again"
        ) from exc
    except _ZIP_ERRORS as exc:
        raise _RefusedError(DAMAGED) from exc
    return out


def _walk(events: Iterable[tuple[str, Any]], part_source: Source, counts: _Counts,
          header_ids: list[str], out: list[RawLine], *, stream: bool) -> None:
    """Follow the structure events of one part and emit each paragraph when it ends.

    A paragraph inside a text box ends before the paragraph that anchors the box, so its lines
    come just before the anchor's. Skipped subtrees (mc:Fallback, a second mc:Choice, deleted
    and moved-away content, placeholder text, separator notes) are passed over whole.
    """
    codes = _CODES
    skipping: Any = None  # the element whose subtree is being skipped
    alternates: list[bool] = []  # per mc:AlternateContent: a Choice has been taken
    placeholders: list[bool] = []  # per w:sdt: showing placeholder text
    tables = 0
    boxes = 0
    # Where the part's paragraphs come from; in the body it changes inside tables and text boxes.
    source = part_source
    first = True
    for event, elem in events:
        code = codes.get(elem.tag)
        if first:
            first = False
            if code != ROOT or elem.getparent() is not None:
                raise _NotWordMLError(_NOT_WORDML)
        if code is None:
            continue
        if skipping is not None:
            if elem is skipping and event == "end":
                skipping = None
            continue
        if code == P:  # most events are paragraphs: dispatched first
            if event == "end":
                _paragraph(elem, source, counts, out)
                if stream and not tables and not boxes:
                    _release(elem)
            continue
        if event == "start":
            if code == TBL:
                if tables:
                    counts.nested_tables += 1
                counts.tables += 1
                tables += 1
            elif code == TXBX:
                counts.text_boxes += 1
                boxes += 1
            elif code == AC:
                alternates.append(False)
            elif code == CHOICE:
                if alternates and not alternates[-1]:
                    alternates[-1] = True
                else:
                    skipping = elem
            elif code in (FALLBACK, MOVEFROM, SKIP):
                skipping = elem
            elif code == DEL:
                counts.deletions += 1
                skipping = elem
            elif code == INS:
                counts.insertions += 1
            elif code == SDT:
                counts.content_controls += 1
                placeholders.append(False)
            elif code == PLCHDR:
                if placeholders:
                    placeholders[-1] = (_val(elem) or "1").lower() not in _OFF
            elif code == SDTCONTENT:
                if placeholders and placeholders[-1]:
                    skipping = elem
            elif code in (PIC, IMAGEDATA):
                counts.images += 1
            elif code == NOTE and _attr(elem, "}type") in _NOTE_SKIP_TYPES:
                skipping = elem
            if code in (TBL, TXBX):
                source = _source(part_source, tables, boxes)
            continue
        if code == TBL:
            tables -= 1
            source = _source(part_source, tables, boxes)
            if stream and not tables and not boxes:
                _release(elem)
        elif code == TXBX:
            boxes -= 1
            source = _source(part_source, tables, boxes)
        elif code == AC:
            if alternates:
                alternates.pop()
        elif code == SDT:
            if placeholders:
                placeholders.pop()
        elif code == HDRREF:
            rel_id = _attr(elem, "}id")
            if rel_id:
                header_ids.append(rel_id)
        elif code == COLS:
            counts.columns = max(counts.columns, _column_count(elem))
    if first:
        raise _NotWordMLError(_NOT_WORDML)


def _source(part_source: Source, tables: int, boxes: int) -> Source:
    """Where a paragraph comes from: its part, or in the body a text box or a table cell."""
    if part_source is not Source.BODY:
        return part_source
    if boxes:
        return Source.TEXTBOX
    if tables:
        return Source.TABLE
    return Source.BODY


# Codes of what the reader looks at in a paragraph's properties, a run and a run's properties:
# real documents set a dozen other properties (size, colour, language, spacing) on every run and
# paragraph, and a lookup that finds nothing lets the loops pass over them at once.
_PPR_CODES = {tag: code for tag, code in _CODES.items() if code in (PSTYLE, NUMPR)}
_RUN_CODES = {tag: code for tag, code in _CODES.items()
              if code in (T, RPR, TAB, BR, NBHYPHEN, SYM)}
_RPR_CODES = {tag: code for tag, code in _CODES.items() if code in (B, RSTYLE, RFONTS)}


def _paragraph(p: Any, source: Source, counts: _Counts, out: list[RawLine]) -> None:
    """Emit the lines of one finished w:p: its runs in order (through hyperlinks, insertions,
    fields, smart tags and inline content controls), split at w:br / w:cr."""
    parts: list[str] = []
    segments: list[str] = []
    style: str | None = None
    listed: bool | None = None
    runs = bold_runs = 0
    for code, child in _inline(p):
        if code == R:
            bold = _run(child, parts, segments, counts)
            if bold is not None:
                runs += 1
                bold_runs += bold
            continue
        for prop in child:
            prop_code = _PPR_CODES.get(prop.tag)
            if prop_code == PSTYLE:
                style = _val(prop)
            elif prop_code == NUMPR:
                listed = _numbered(prop)
    if listed is None:
        listed = style is not None and _list_style(style)
    bold_line = runs > 0 and bold_runs == runs
    if segments:
        segments.append("".join(parts))
    else:  # no line break: one segment
        segments = ["".join(parts)]
    for segment in segments:
        text, repaired = normalize_line_checked(segment)
        if not text:
            continue
        counts.repaired += repaired
        glyph = False
        if text[0] in BULLET_STARTS:
            text, glyph = strip_bullet(text)
            if not text:
                continue
        # (Positional arguments: a named tuple is built faster without keywords.)
        out.append(RawLine(text, source, None, style, False, bold_line, listed or glyph))


@lru_cache(maxsize=1024)
def _list_style(style: str) -> bool:
    """True for a paragraph style id that makes list items ("ListBullet", "List Number"...);
    a document uses a few styles on many paragraphs."""
    return _LIST_STYLE.search(style) is not None


def _run(run: Any, parts: list[str], segments: list[str], counts: _Counts) -> bool | None:
    """Add a w:r's text to `parts` (closing a segment at each w:br / w:cr) and its fonts to
    `counts`. Returns None for a run that shows no text, else whether it is bold."""
    shown = False
    bold: bool | None = None
    char_style: str | None = None
    for item in run:
        code = _RUN_CODES.get(item.tag)
        if code is None:
            continue
        if code == T:
            text = item.text
            if text:
                parts.append(text)
                if not shown and not text.isspace():
                    shown = True
        elif code == RPR:
            for prop in item:
                prop_code = _RPR_CODES.get(prop.tag)
                if prop_code is None:
                    continue
                if prop_code == RFONTS:
                    font = _font(prop)
                    if font:
                        counts.fonts.add(font)
                elif prop_code == B:
                    bold = (_val(prop) or "1").lower() not in _OFF
                else:
                    char_style = _val(prop)
        elif code == TAB:
            parts.append(" ")
        elif code == BR:
            segments.append("".join(parts))
            parts.clear()
        elif code == NBHYPHEN:
            parts.append("-")
        else:
            parts.append(_symbol(item))
    if not shown:
        return None
    if bold is None and char_style is not None:
        bold = _BOLD_CHAR_STYLE.search(char_style) is not None
    return bool(bold)


def _inline(elem: Any) -> Iterator[tuple[int, Any]]:
    """The runs and paragraph properties of a paragraph (or inline container), in order."""
    codes = _CODES
    for child in elem:
        code = codes.get(child.tag)
        if code in (R, PPR):
            yield code, child
        elif code in (CONTAINER, INS):
            yield from _inline(child)
        elif code == SDT:
            content = _sdt_content(child)
            if content is not None:
                yield from _inline(content)
        elif code == AC:
            for choice in child:
                if codes.get(choice.tag) == CHOICE:
                    yield from _inline(choice)
                    break


def _sdt_content(sdt: Any) -> Any:
    """An inline content control's w:sdtContent, or None when it shows placeholder text."""
    content = None
    for child in sdt:
        code = _CODES.get(child.tag)
        if code == SDTPR:
            for prop in child:
                if _CODES.get(prop.tag) == PLCHDR and (_val(prop) or "1").lower() not in _OFF:
                    return None
        elif code == SDTCONTENT:
            content = child
    return content


def _release(elem: Any) -> None:
    """Free a finished top-level block and the siblings before it (streaming only)."""
    elem.clear()
    parent = elem.getparent()
    if parent is not None:
        while elem.getprevious() is not None:
            del parent[0]


def _val(elem: Any) -> str | None:
    value = elem.get(_VAL[0])
    return value if value is not None else elem.get(_VAL[1])  # type: ignore[no-any-return]


def _attr(elem: Any, suffix: str) -> str | None:
    """An attribute by the end of its qualified name ("}type"), whatever its namespace."""
    for key, value in elem.attrib.items():
        if key.endswith(suffix):
            return str(value)
    return None


_FONT_KEYS = tuple(f"{{{ns}}}{name}" for name in ("ascii", "hAnsi") for ns in _W_NS)


def _font(elem: Any) -> str | None:
    get = elem.get
    for key in _FONT_KEYS:
        value = get(key)
        if value:
            return str(value)
    return None


def _column_count(cols: Any) -> int:
    """The text columns a section's w:cols sets: w:num, else its w:col children (Word allows
    at most 45; a larger or unreadable value counts as one)."""
    value = _attr(cols, "}num")
    try:
        number = int(value) if value is not None else 0
    except ValueError:
        number = 0
    if number <= 0:
        number = sum(1 for child in cols if str(child.tag).endswith("}col"))
    return number if 1 <= number <= 45 else 1


def _numbered(numpr: Any) -> bool | None:
    """True for a numPr that makes a list item, False for numId 0 (numbering removed)."""
    for child in numpr:
        if _CODES.get(child.tag) == NUMID:
            return _val(child) != "0"
    return None


def _symbol(elem: Any) -> str:
    """The character of a w:sym, or "" for a Symbol-font glyph in the private-use area."""
    value = _attr(elem, "}char")
    try:
        point = int(value or "", 16)
    except ValueError:
        return ""
    if point < 0x20 or 0xD800 <= point <= 0xDFFF or 0xE000 <= point <= 0xF8FF or point > 0x10FFFF:
        return ""
    return chr(point)


# ----------------------------------------------------------------------------------------------
# The reader


def read_docx(data: bytes, name: str) -> DocxResult:
    """Read a Word package (.docx, .docm, .dotx; Strict or Transitional) into raw lines.

    Args:
        data: the file's bytes (a zip package).
        name: the file name to put in error messages.

    Returns:
        Header lines, body lines (text boxes just before their anchor paragraph, tables cell
        by cell), footnotes, endnotes and footer lines, with layout facts.

    Raises:
        InputError: for a damaged, encrypted, oversized or non-Word package.
    """
    try:
        return _read(data)
    except _RefusedError as exc:
        raise InputError(name, str(exc)) from None


def _read(data: bytes) -> DocxResult:
    pkg = _Package(data)
    main = _main_part(pkg)
    main_info = pkg.info(main)
    if main is None or main_info is None:
        if pkg.missing_main and pkg.missing_main.lower().startswith("word/"):
            raise _RefusedError(
                f"is a damaged Word file (its document part {pkg.missing_main} is missing); "
                "export it again from the program that made it"
            )
        raise _RefusedError(_what_zip(pkg))
    by_id: dict[str, str] = {}
    by_kind: dict[str, list[str]] = {}
    for rel_id, kind, target in pkg.rels(main, _STORY_KINDS):
        if pkg.info(target) is not None:
            by_id[rel_id] = target
            by_kind.setdefault(kind, []).append(target)

    def first(kind: str) -> zipfile.ZipInfo | None:
        return pkg.info(by_kind[kind][0]) if by_kind.get(kind) else None

    styles_info, foot_info, end_info = first("styles"), first("footnotes"), first("endnotes")
    plan = [main_info, foot_info, end_info]
    plan += [pkg.info(t) for t in by_kind.get("header", []) + by_kind.get("footer", [])]
    pkg.reserve({info.filename: info for info in plan if info is not None}.values())

    counts = _Counts()
    header_ids: list[str] = []
    try:
        body = _read_part(pkg, main_info, Source.BODY, counts, header_ids)
    except _NotWordMLError:
        if main.lower().startswith("word/"):
            raise _RefusedError(
                f"is a damaged Word file ({main_info.filename} is not a Word document body); "
                "open it in Word and save it again"
            ) from None
        raise _RefusedError(_what_zip(pkg)) from None

    referenced = [by_id[i] for i in dict.fromkeys(header_ids) if i in by_id]
    headers = [t for t in referenced if t in by_kind.get("header", ())]
    footers = [t for t in referenced if t in by_kind.get("footer", ())]
    if not referenced:
        headers, footers = by_kind.get("header", []), by_kind.get("footer", [])

    def story(targets: list[str], source: Source) -> list[RawLine]:
        # Headers and footers repeat across first/even/default pages: keep each text once.
        lines: list[RawLine] = []
        seen: set[str] = set()
        for target in dict.fromkeys(targets):
            info = pkg.info(target)
            if info is None:
                continue
            for line in _read_part(pkg, info, source, counts, []):
                if line.text not in seen:
                    seen.add(line.text)
                    lines.append(line)
        return lines

    lines = story(headers, Source.HEADER)
    lines += body
    if foot_info is not None:
        lines += _read_part(pkg, foot_info, Source.FOOTNOTE, counts, [])
    if end_info is not None:
        lines += _read_part(pkg, end_info, Source.ENDNOTE, counts, [])
    lines += story(footers, Source.FOOTER)

    fonts = set(counts.fonts)
    default_font = _default_font(pkg, styles_info)
    if default_font:
        fonts.add(default_font)
    layout = Layout(
        pages=_app_pages(pkg),
        tables=counts.tables,
        nested_tables=counts.nested_tables,
        text_boxes=counts.text_boxes,
        images=counts.images,
        content_controls=counts.content_controls,
        tracked_insertions=counts.insertions,
        tracked_deletions=counts.deletions,
        fonts=tuple(sorted(fonts)),
        columns=counts.columns,
    )
    notes = []
    if counts.repaired:
        plural = "s" if counts.repaired != 1 else ""
        notes.append(f"repaired garbled characters (mojibake) in {counts.repaired} line{plural}")
    return DocxResult(lines, layout, notes)
