"""Plain text and Markdown → raw lines: encoding detection, bullets, hard-wrapped lines."""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING, Any

from tailor.models import RawLine, Source
from tailor.normalize import continues_line, normalize_line_checked, strip_bullet

if TYPE_CHECKING:
    from markdown_it import MarkdownIt

__all__ = ["Decoded", "NotTextError", "TextResult", "decode_text", "read_markdown", "read_plain"]

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_SAMPLE = 8192
# Control characters that plain text does not hold (tab, line ends, form feed, vertical tab and
# the old DOS end-of-file mark are fine).
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x19\x1b-\x1f\x7f]")
_MAX_CONTROL_SHARE = 0.05
_HTML_TAG = re.compile(r"<[^>]*>")


class NotTextError(Exception):
    """The bytes are binary data, not text in any encoding tailor knows."""


@dataclass(frozen=True, slots=True)
class Decoded:
    """Text decoded from bytes, with the encoding used and whether it was a guess."""

    text: str
    encoding: str
    fallback: bool = False


@dataclass(slots=True)
class TextResult:
    """Lines read from a text or Markdown file, and how many had garbled characters repaired."""

    lines: list[RawLine] = field(default_factory=list)
    repaired: int = 0


def decode_text(data: bytes) -> Decoded:
    """Decode a text file's bytes.

    Tries, in order: a byte-order mark (UTF-8, UTF-16 LE/BE, UTF-32 LE/BE), UTF-16 without a
    mark (recognised by its alternating NUL bytes), strict UTF-8, and cp1252 as the fallback.

    Raises:
        NotTextError: when the bytes hold NULs that are not UTF-16, or many control characters.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            body = data[len(bom):]
            width = 4 if "32" in encoding else 2 if "16" in encoding else 1
            body = body[: len(body) - len(body) % width]
            text = body.decode(encoding, errors="replace")
            _check_textual(text)
            return Decoded(text, encoding)
    sample = data[:_SAMPLE]
    if b"\x00" in sample:
        guess = _utf16_guess(sample)
        if guess is None:
            raise NotTextError("NUL bytes")
        try:
            text = data[: len(data) - len(data) % 2].decode(guess)
        except UnicodeDecodeError:
            raise NotTextError("broken UTF-16") from None
        _check_textual(text)
        return Decoded(text, guess)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
        _check_textual(text)
        return Decoded(text, "cp1252", fallback=True)
    _check_textual(text)
    return Decoded(text, "utf-8")


def _utf16_guess(sample: bytes) -> str | None:
    """utf-16-le or utf-16-be when NULs sit on one side of most byte pairs (ASCII-heavy text)."""
    even = sample[0::2]
    odd = sample[1::2]
    pairs = len(odd)
    if pairs < 2:
        return None
    even_nul, odd_nul = even.count(0), odd.count(0)
    if odd_nul >= 0.3 * pairs and even_nul <= 0.02 * pairs:
        return "utf-16-le"
    if even_nul >= 0.3 * pairs and odd_nul <= 0.02 * pairs:
        return "utf-16-be"
    return None


def _check_textual(text: str) -> None:
    sample = text[:_SAMPLE]
    if not sample:
        return
    controls = len(_CONTROL.findall(sample))
    if "\x00" in sample or controls > _MAX_CONTROL_SHARE * len(sample):
        raise NotTextError("control characters")


def read_plain(text: str) -> TextResult:
    """Turn plain text into raw lines.

    Leading bullets ("-", "*", "•", "o ") are stripped and set bullet=True; a line that reads as
    the hard-wrapped continuation of the line before it (no blank line between) gets wrap=True.
    """
    result = TextResult()
    previous: str | None = None
    for raw in text.splitlines():
        line, repaired = normalize_line_checked(raw)
        if not line:
            previous = None
            continue
        result.repaired += repaired
        line, bullet = strip_bullet(line)
        if not line:
            previous = None
            continue
        wrap = not bullet and previous is not None and continues_line(previous, line)
        result.lines.append(RawLine(line, Source.BODY, wrap=wrap, bullet=bullet))
        previous = line
    return result


class _MarkdownLines:
    """Collects lines while walking markdown-it's token stream."""

    def __init__(self) -> None:
        self.result = TextResult()
        self.previous: str | None = None

    def add(self, raw: str, *, style: str | None = None, bullet: bool = False,
            bold: bool = False, source: Source = Source.BODY, soft: bool = False) -> None:
        line, repaired = normalize_line_checked(raw)
        if not line:
            return
        self.result.repaired += repaired
        if not bullet and style is None:
            line, bullet = strip_bullet(line)
            if not line:
                return
        wrap = soft and not bullet and self.previous is not None and continues_line(
            self.previous, line)
        self.result.lines.append(
            RawLine(line, source, style=style, wrap=wrap, bold=bold, bullet=bullet))
        self.previous = line


@cache
def _markdown() -> MarkdownIt:
    """The CommonMark parser with tables, built once (markdown-it-py comes with rich)."""
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark").enable("table")


def read_markdown(text: str) -> TextResult:
    """Turn Markdown into raw lines.

    Headings get style "Heading1".."Heading6"; list items bullet=True; emphasis, links and
    inline code are reduced to their text; code blocks stay as plain lines; table cells are
    lines with source TABLE; a soft line break inside a paragraph starts a new line that gets
    wrap=True when it reads as a continuation.
    """
    out = _MarkdownLines()
    heading: str | None = None
    item_pending = False
    in_table = False
    for token in _markdown().parse(text):
        kind = token.type
        if kind == "heading_open":
            heading = f"Heading{token.tag[1:]}" if token.tag[1:].isdigit() else "Heading1"
        elif kind == "heading_close":
            heading = None
        elif kind == "list_item_open":
            item_pending = True
        elif kind == "table_open":
            in_table = True
        elif kind == "table_close":
            in_table = False
        elif kind == "inline":
            _inline(out, token.children or [], heading=heading, bullet=item_pending,
                    source=Source.TABLE if in_table else Source.BODY)
            item_pending = False
        elif kind in ("fence", "code_block"):
            out.previous = None
            for raw in token.content.splitlines():
                out.add(raw)
            out.previous = None
            item_pending = False
        elif kind == "html_block":
            out.previous = None
            for raw in token.content.splitlines():
                out.add(_HTML_TAG.sub(" ", raw))
            out.previous = None
        elif kind in ("paragraph_close", "bullet_list_close", "ordered_list_close", "hr"):
            out.previous = None
    return out.result


def _inline(out: _MarkdownLines, children: list[Any], *, heading: str | None, bullet: bool,
            source: Source) -> None:
    parts: list[str] = []
    strong = 0
    text_chars = 0
    strong_chars = 0
    soft = False
    first = True

    def flush() -> None:
        nonlocal parts, text_chars, strong_chars, first, soft
        bold = text_chars > 0 and strong_chars == text_chars
        out.add("".join(parts), style=heading, bullet=bullet and first, bold=bold,
                source=source, soft=soft and not first)
        parts, text_chars, strong_chars, first = [], 0, 0, False

    for child in children:
        kind = child.type
        if kind in ("text", "code_inline"):
            parts.append(child.content)
            visible = len(child.content.strip())
            text_chars += visible
            if strong:
                strong_chars += visible
        elif kind == "strong_open":
            strong += 1
        elif kind == "strong_close":
            strong = max(0, strong - 1)
        elif kind == "softbreak":
            flush()
            soft = True
        elif kind == "hardbreak":
            flush()
            soft = False
    flush()
