"""Text normalisation shared by every reader: one clean, single-spaced line per input line."""

from __future__ import annotations

import re
import unicodedata

__all__ = [
    "BULLET_GLYPHS",
    "BULLET_STARTS",
    "continues_line",
    "looks_like_mojibake",
    "normalize_line",
    "normalize_line_checked",
    "strip_bullet",
]

# ASCII control characters that are not whitespace (str.split() already treats \t \n \v \f \r
# and \x1c-\x1f as whitespace, so those become single spaces).
_ASCII_DROP = re.compile(r"[\x00-\x08\x0e-\x1b\x7f]")
_ASCII_DROP_TABLE = dict.fromkeys([*range(0x09), *range(0x0E, 0x1C), 0x7F])

# Characters removed outright from non-ASCII text: C0/C1 controls that are not whitespace,
# soft hyphen, zero-width characters, byte-order marks, bidi controls (the letters of
# right-to-left scripts stay), and what XML 1.0 forbids (lone surrogates, U+FFFE, U+FFFF).
_DROP_CHARS = (
    "\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f"  # C0/C1 controls (\x85 NEL is whitespace)
    "\u00ad"  # soft hyphen
    "\u034f"  # combining grapheme joiner
    "\u061c"  # Arabic letter mark
    "\u115f\u1160\u3164\uffa0"  # Hangul fillers (render as nothing)
    "\u180e"  # Mongolian vowel separator
    "\u200b\u200c\u200e\u200f"  # zero-width space / non-joiner, LRM, RLM
    "\u202a-\u202e"  # bidi embeddings and overrides
    "\u2060-\u2064\u2066-\u206f"  # word joiner, invisible operators, bidi isolates, deprecated
    "\ufeff"  # BOM / zero-width no-break space
    "\ufff9-\ufffb"  # interlinear annotation controls
    "\ufffe\uffff"  # XML-forbidden non-characters
    "\ud800-\udfff"  # lone surrogates
)
_DROP = re.compile(f"[{_DROP_CHARS}]")
# Zero-width joiner: keep it inside emoji sequences (a health worker emoji is three code
# points joined by ZWJ), drop it everywhere else.
_ZWJ = re.compile("\u200d(?![\u2600-\u27bf\U0001f000-\U0001faff])")

_TRANSLATE = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
    "\u2010": "-", "\u2011": "-", "\u2043": "-", "\u2212": "-",
})
# str.translate looks every character of a non-ASCII string up in the table (4 µs for a line);
# a search for the few mapped characters costs a tenth of that, and most lines hold none.
_TRANSLATED = re.compile("[" + "".join(map(chr, _TRANSLATE)) + "]")

# NFKC would turn these into letters ("Epic™" into "EpicTM"); they are kept as they are.
_NFKC_KEEP = re.compile("([\u2122\u2120])")

# A UTF-8 sequence decoded as cp1252 or Latin-1: a lead byte shown as Â-ï followed by a
# continuation byte shown as \x80-\xbf or the cp1252 characters at 0x80-0x9f. Legitimate text
# rarely has such pairs, so only lines that do pay for ftfy.
_MOJIBAKE = re.compile(
    "[\u00c2-\u00ef][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6"
    "\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]"
)

BULLET_GLYPHS = frozenset(
    "•●▪■◦○◆◇❖➢➤►▶▸▹‣⁃∙·✓✔✗☐☑❑❒□➔→⮚»–—"
    "\uf0b7\uf0a7\uf076\uf0d8\uf0fc\uf0a8\uf06e\uf0e8\uf0f0\uf0a1\uf0be\uf071\uf075\uf0ad\uf0d7"
)
# ASCII characters that are bullets only when a space follows them ("- item", "* item", "o item").
_ASCII_BULLETS = frozenset("-*+o")
BULLET_STARTS = BULLET_GLYPHS | _ASCII_BULLETS
"""First characters for which strip_bullet may find a bullet (a cheap pre-check)."""

_TERMINAL = (".", "!", "?", ":", ";")
_ADDRESS_START = re.compile(r"\S*(?:@|://|www\.|\.(?:com|org|net|edu|gov|io|us)\b)")
_JOINERS = (",", "-", "&", "/", "+")
_CONNECTORS = frozenset({
    "and", "or", "of", "for", "with", "to", "the", "in", "a", "an", "on", "at", "by", "from",
    "including", "such", "as", "into", "across", "between", "within", "via", "per", "nor",
})


def looks_like_mojibake(text: str) -> bool:
    """True when `text` holds a character pair typical of UTF-8 read as cp1252 ("â€™", "Ã©")."""
    return _MOJIBAKE.search(text) is not None


def normalize_line_checked(text: str) -> tuple[str, bool]:
    """Normalise one line and say whether mojibake was repaired on the way.

    Returns:
        The normalised text, and True when garbled characters were repaired.
    """
    if text.isascii():
        if _ASCII_DROP.search(text) is not None:
            text = text.translate(_ASCII_DROP_TABLE)
        return " ".join(text.split()), False
    repaired = False
    if _MOJIBAKE.search(text) is not None:
        import ftfy  # slow to import and to run: only for lines that look garbled

        fixed = ftfy.fix_encoding(text)
        if fixed != text:
            text, repaired = fixed, True
    text = _DROP.sub("", text)
    if "\u200d" in text:
        text = _ZWJ.sub("", text)
    if _TRANSLATED.search(text) is not None:
        text = text.translate(_TRANSLATE)
    if not unicodedata.is_normalized("NFKC", text):
        if _NFKC_KEEP.search(text) is None:
            text = unicodedata.normalize("NFKC", text)
        else:
            text = "".join(
                part if _NFKC_KEEP.fullmatch(part) else unicodedata.normalize("NFKC", part)
                for part in _NFKC_KEEP.split(text)
            )
        # NFKC can produce characters the steps above map (U+2011 → U+2010, full-width quotes).
        text = _DROP.sub("", text.translate(_TRANSLATE))
    return " ".join(text.split()), repaired


def normalize_line(text: str) -> str:
    """Return `text` as one clean line.

    Repairs mojibake ("Itâ€™s" → "It's") when a cheap check suspects it; applies NFKC
    (ligatures, odd spaces, full-width forms) except to ™ and ℠; turns smart quotes and
    hyphen look-alikes into ASCII (en and em dashes stay); removes soft hyphens, zero-width
    characters, byte-order marks, bidi controls, control characters and anything XML 1.0
    forbids; collapses whitespace runs to one space and strips the ends. Emoji and
    right-to-left letters stay.
    """
    return normalize_line_checked(text)[0]


def strip_bullet(text: str) -> tuple[str, bool]:
    """Remove a leading bullet glyph from an already normalised line.

    Returns:
        The text without the glyph, and True when there was one. Symbol-font bullets
        (U+F0B7...) and typographic glyphs count with or without a following space; "-", "*",
        "+" and "o" only when a space follows them.
    """
    if not text:
        return text, False
    first = text[0]
    if first in BULLET_GLYPHS:
        rest = text[1:].lstrip()
        # "—" or "–" alone at the start of a line before a number is a range, not a bullet.
        if first in "–—" and (not rest or rest[0].isdigit() or text[1:2] != " "):
            return text, False
        return rest, True
    if first in _ASCII_BULLETS and text[1:2] == " ":
        rest = text[2:].lstrip()
        if rest:
            return rest, True
    return text, False


def continues_line(previous: str, line: str) -> bool:
    """True when `line` reads as the soft-wrapped continuation of `previous`.

    Both are normalised lines from the same page. A line continues the previous one when the
    previous does not end a sentence or clause (. ! ? : ;) and either the line starts with a
    lower-case letter or the previous line ends with a comma, hyphen, "&", "/" or a connector
    word (and, or, of, for, with, to, the, in...). Callers decide bullets: a line that began
    with a bullet glyph never continues anything.
    """
    if not previous or not line:
        return False
    if previous.endswith(_TERMINAL):
        return False
    if _ADDRESS_START.match(line):  # "jane@example.com", "linkedin.com/in/jane": own lines
        return False
    if line[0].islower():
        return True
    if previous.endswith(_JOINERS):
        return True
    last = previous.rsplit(" ", 1)[-1].lower()
    return last in _CONNECTORS
