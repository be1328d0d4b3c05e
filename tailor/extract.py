"""File → ResumeText: sniff the real type from the bytes, refuse hostile files, read the text."""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path, PurePath

from tailor.errors import InputError
from tailor.models import FileKind, Layout, RawLine, ResumeText
from tailor.sections import assign_sections

__all__ = ["MAX_BYTES", "read_resume", "read_resume_bytes", "sniff"]

MAX_BYTES = 20_000_000
"""Largest resume file tailor reads (20 MB): a resume with photos is well under 5 MB."""

_ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_PDF_MAGIC = re.compile(rb"%PDF-\d")
_PDF_SEARCH = 1024  # readers accept junk before %PDF- within the first 1 KB

_DOCX_EXTS = frozenset({".docx", ".docm", ".dotx", ".dotm"})
_PDF_EXTS = frozenset({".pdf"})
_TEXT_EXTS = frozenset({".txt", ".text"})
_MARKDOWN_EXTS = frozenset({".md", ".markdown", ".mdown", ".mkd", ".mkdn"})
# Extensions worth a remark when the content is something else ("John.Smith" is no extension).
_DOCUMENT_EXTS = _DOCX_EXTS | _PDF_EXTS | _TEXT_EXTS | _MARKDOWN_EXTS | frozenset({
    ".doc", ".rtf", ".odt", ".pages", ".htm", ".html", ".zip", ".wps", ".wpd",
})
_KIND_NAMES = {
    FileKind.DOCX: ("a Word document (.docx)", ".docx"),
    FileKind.PDF: ("a PDF", ".pdf"),
    FileKind.TEXT: ("a plain-text file", ".txt"),
    FileKind.MARKDOWN: ("a plain-text file", ".txt"),
}
_KIND_EXTS = {
    FileKind.DOCX: _DOCX_EXTS,
    FileKind.PDF: _PDF_EXTS,
    FileKind.TEXT: _TEXT_EXTS | _MARKDOWN_EXTS,
    FileKind.MARKDOWN: _MARKDOWN_EXTS | _TEXT_EXTS,
}
_IMAGES = (
    (b"\x89PNG\r\n\x1a\n", "PNG"),
    (b"\xff\xd8\xff", "JPEG"),
    (b"GIF87a", "GIF"),
    (b"GIF89a", "GIF"),
    (b"II*\x00", "TIFF"),
    (b"MM\x00*", "TIFF"),
)
_OLE_STREAMS = (
    ("EncryptedPackage", "is password-protected; save an unprotected copy"),
    ("WordDocument", "is a Word 97-2003 .doc file; save it as .docx or PDF"),
    ("Workbook", "is an Excel 97-2003 workbook, not a resume; save the resume as .docx or PDF"),
    ("PowerPoint Document", "is a PowerPoint 97-2003 presentation, not a resume"),
    ("__substg1.0_", "is an Outlook message; save the resume attached to it and check that"),
)
_NO_TEXT = "has no text (it is empty or holds only pictures or shapes)"


def sniff(data: bytes) -> FileKind | None:
    """What the bytes are, from their content alone.

    Returns:
        FileKind.DOCX for a zip package (whether it holds a Word document is decided when it is
        read), FileKind.PDF for a PDF (junk before "%PDF-" in the first 1 KB is allowed),
        FileKind.TEXT for bytes that decode as text, None for anything else (legacy Office
        files, images, binary data). Markdown cannot be told from text by its bytes.
    """
    if data.startswith(_ZIP_MAGIC):
        return FileKind.DOCX
    if _PDF_MAGIC.search(data, 0, _PDF_SEARCH):
        return FileKind.PDF
    if data.startswith(_OLE_MAGIC) or _binary_kind(data) is not None:
        return None
    from tailor.plain_text import NotTextError, decode_text

    try:
        decode_text(data)
    except NotTextError:
        return None
    return FileKind.TEXT


def read_resume(path: str | os.PathLike[str], *, max_bytes: int = MAX_BYTES) -> ResumeText:
    """Read a resume file of any supported type.

    Args:
        path: the file (.docx and its relatives, .pdf, .txt, .md); its type is sniffed from
            its bytes, not trusted from the extension.
        max_bytes: refuse files larger than this.

    Returns:
        The resume's lines with sections, layout facts and notes. `name` is the base name.

    Raises:
        InputError: for a missing, unreadable, oversized, damaged, encrypted, image-only or
            otherwise unusable file. Its name is `path` as given.
    """
    label = str(path)
    try:
        file = Path(path)
        info = file.stat()
        if stat.S_ISDIR(info.st_mode):
            raise InputError(label, "is a folder, not a file")
        if not stat.S_ISREG(info.st_mode):  # a pipe or device could block or never end
            raise InputError(label, "is not a regular file")
        if info.st_size > max_bytes:
            raise InputError(label, _too_big(info.st_size, max_bytes))
        with file.open("rb") as fh:
            data = fh.read(max_bytes + 1)
    except InputError:
        raise
    except FileNotFoundError:
        raise InputError(label, "does not exist") from None
    except IsADirectoryError:
        raise InputError(label, "is a folder, not a file") from None
    except PermissionError:
        raise InputError(label, "cannot be opened (permission denied)") from None
    except OSError as exc:
        raise InputError(label, f"cannot be read ({exc.strerror or exc})") from None
    except ValueError:  # an embedded NUL in the path
        raise InputError(label, "is not a valid file name") from None
    return _read(data, label, PurePath(label).name, max_bytes)


def read_resume_bytes(data: bytes, name: str, *, max_bytes: int = MAX_BYTES) -> ResumeText:
    """Read a resume from bytes (batch and zip inputs).

    Args:
        data: the file's content.
        name: the file's name (a path inside an archive is fine); its extension only decides
            Markdown versus text and whether a mislabelled-file note is added.
        max_bytes: refuse content larger than this.

    Returns:
        As `read_resume`; `name` is reduced to its base name.

    Raises:
        InputError: as `read_resume`, named `name` as given.
    """
    return _read(bytes(data), name, PurePath(name.replace("\\", "/")).name, max_bytes)


def _read(data: bytes, label: str, base: str, max_bytes: int) -> ResumeText:
    try:
        return _dispatch(data, label, base, max_bytes)
    except InputError:
        raise
    except RecursionError:
        raise InputError(label, "is too deeply nested to read; refused") from None
    except MemoryError:
        raise InputError(label, "needs more memory than tailor allows; refused") from None
    except Exception as exc:  # the promise: nothing but InputError leaves this module
        raise InputError(
            label,
            f"could not be read (unexpected {type(exc).__name__}); open it and save it again",
        ) from exc


def _dispatch(data: bytes, label: str, base: str, max_bytes: int) -> ResumeText:
    if len(data) > max_bytes:
        raise InputError(label, _too_big(len(data), max_bytes))
    if not data:
        raise InputError(label, "is empty (0 bytes)")
    ext = PurePath(base).suffix.lower()
    notes: list[str] = []
    encoding: str | None = None
    if data.startswith(_ZIP_MAGIC):
        from tailor.docx_text import read_docx

        kind = FileKind.DOCX
        docx = read_docx(data, label)
        raw, layout, notes = docx.lines, docx.layout, docx.notes
    elif _PDF_MAGIC.search(data, 0, _PDF_SEARCH):
        from tailor.pdf_text import read_pdf

        kind = FileKind.PDF
        pdf = read_pdf(data, label)
        raw, layout, notes = pdf.lines, pdf.layout, pdf.notes
    elif data.startswith(_OLE_MAGIC):
        raise InputError(label, _ole_problem(data))
    else:
        binary = _binary_kind(data)
        if binary is not None:
            raise InputError(label, binary)
        kind = FileKind.MARKDOWN if ext in _MARKDOWN_EXTS else FileKind.TEXT
        raw, encoding, notes = _read_text(data, label, ext, markdown=kind is FileKind.MARKDOWN)
        layout = Layout()
    if not raw:
        raise InputError(label, _NO_TEXT if kind is not FileKind.TEXT else "holds no text")
    mislabel = _mislabel_note(base, ext, kind)
    if mislabel:
        notes.insert(0, mislabel)
    return ResumeText(
        name=base,
        kind=kind,
        lines=assign_sections(raw),
        layout=layout,
        notes=tuple(notes),
        encoding=encoding,
    )


def _read_text(
    data: bytes, label: str, ext: str, *, markdown: bool
) -> tuple[list[RawLine], str, list[str]]:
    from tailor.plain_text import NotTextError, decode_text, read_markdown, read_plain

    try:
        decoded = decode_text(data)
    except NotTextError:
        if ext in _DOCX_EXTS or ext == ".doc":
            problem = "is not a Word document (it holds unrecognised binary data)"
        elif ext in _PDF_EXTS:
            problem = "is not a PDF (it holds unrecognised binary data)"
        else:
            problem = "is not a text file (it holds binary data)"
        raise InputError(label, problem) from None
    if decoded.text.lstrip("\ufeff").startswith("{\\rtf"):
        raise InputError(label, "is an RTF file; save it as .docx or PDF")
    result = read_markdown(decoded.text) if markdown else read_plain(decoded.text)
    notes = []
    if decoded.fallback:
        notes.append(
            "is not valid UTF-8; read it as Windows-1252 (cp1252): check accented letters "
            "and save it as UTF-8"
        )
    if result.repaired:
        plural = "s" if result.repaired != 1 else ""
        notes.append(f"repaired garbled characters (mojibake) in {result.repaired} line{plural}")
    return result.lines, decoded.encoding, notes


def _binary_kind(data: bytes) -> str | None:
    """The problem text for an image or other known binary format, else None."""
    head = data[:16]
    for magic, label in _IMAGES:
        if head.startswith(magic):
            return (
                f"is an image ({label}), not a document with text; "
                "send the resume as .docx or a text PDF"
            )
    if head[4:12] in (b"ftypheic", b"ftypheix", b"ftypmif1") or (
        head.startswith(b"RIFF") and head[8:12] == b"WEBP"
    ):
        return "is an image, not a document with text; send the resume as .docx or a text PDF"
    if head.startswith(b"{\\rtf"):
        return "is an RTF file; save it as .docx or PDF"
    return None


def _ole_problem(data: bytes) -> str:
    """Tell apart the legacy Office files that share the OLE compound-file signature.

    The directory entries hold stream names in UTF-16LE; a search of the bytes finds them
    without parsing the sector chains.
    """
    for stream, problem in _OLE_STREAMS:
        if stream.encode("utf-16-le") in data:
            return problem
    return "is an old-style Office file (not a .docx); save the resume as .docx or PDF"


def _mislabel_note(base: str, ext: str, kind: FileKind) -> str | None:
    if not ext or ext not in _DOCUMENT_EXTS or ext in _KIND_EXTS[kind]:
        return None
    what, proper = _KIND_NAMES[kind]
    stem = PurePath(base).stem or "resume"
    return (
        f"named {ext} but is {what}; some application systems reject mislabelled files: "
        f"rename it {stem}{proper}"
    )


def _too_big(size: int, limit: int) -> str:
    return f"is {_size(size)}; tailor reads files up to {_size(limit)}"


def _size(size: int) -> str:
    if size >= 1_000_000:
        return f"{size / 1_000_000:.1f} MB".replace(".0 MB", " MB")
    return f"{max(1, round(size / 1000))} KB"
