"""Resume checks: what applicant-tracking systems garble, what reviewers look for, and what
care-manager resumes need. Pure functions of a ResumeText (and a career level); no I/O.

Speed matters (a cohort batch runs every check on every resume), so the resume is read once
into a `_Facts` object: the lines joined into one text and its UTF-8 bytes, split once into
words, of which those that some check looks up form a small set. Most checks are look-ups in
that set; the few regular expressions that scan the whole text start with a literal, which
`re` finds with a fast substring search (a pattern that starts with a character class or a
look-behind is tried at every position, ten times slower), and everything else runs only on
the handful of lines a look-up pointed at. A match offset turns into a line by bisecting the
line offsets. All of it takes about 0.4-0.5 ms for a two-page resume on a slow two-core
machine (where `sum(range(1000))` takes 14 µs); a third of that is splitting the text into
words and the set look-up.
"""

from __future__ import annotations

import operator
import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import cache, lru_cache
from itertools import accumulate, compress, repeat
from operator import itemgetter
from typing import NamedTuple

from tailor.models import (
    CheckResult,
    FileKind,
    Layout,
    Level,
    Line,
    ResumeText,
    Section,
    Source,
    Status,
)
from tailor.sections import heading_section

__all__ = ["CHECKS", "run_checks"]

PARSE, CONTENT, HEALTHCARE = "parse", "content", "healthcare"

_PASS, _WARN, _FAIL = Status.PASS, Status.WARN, Status.FAIL
_X, _E, _L, _S, _C, _O = (
    Section.EXPERIENCE, Section.EDUCATION, Section.CERTIFICATIONS, Section.SUMMARY,
    Section.CONTACT, Section.OTHER,
)
_BODY_SOURCES = frozenset({Source.BODY, Source.TABLE, Source.TEXTBOX})
_FIGURES = bytes.maketrans(b"0123456789%$", b"000000000000")
_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")
_OFF_BODY = frozenset({Source.HEADER, Source.FOOTER, Source.TEXTBOX})


# ----------------------------------------------------------------------------------------------
# Words: case variants of a vocabulary, for look-ups in the case-preserving word set


_KEYS: set[bytes] = set()  # every word any check looks up; see _Facts.words


def _vocab(words: Iterable[bytes]) -> frozenset[bytes]:
    """A set of words that checks look up in _Facts.words (registered so that it holds them)."""
    found = frozenset(words)
    _KEYS.update(found)
    return found


def _variants(words: Iterable[str]) -> frozenset[bytes]:
    """Each word as written, in lower case, Title case and capitals, as UTF-8 bytes."""
    out: set[bytes] = set()
    for word in words:
        for form in (word, word.lower(), word[:1].upper() + word[1:].lower(), word.upper()):
            out.add(form.encode())
    return _vocab(out)


# Bytes that end a word: everything but ASCII letters and digits, "-" (hard-working, RN-BC,
# 30-day), "#" (MR#) and the bytes of non-ASCII characters (é stays inside its word).
_KEEP = set(b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-#") | set(
    range(0x80, 0x100))
_LETTER_BREAKS = bytes.maketrans(
    bytes(b for b in range(256) if not (65 <= b <= 90 or 97 <= b <= 122)),
    b" " * (256 - 52),
)
_WORD_BREAKS = bytes.maketrans(
    bytes(b for b in range(256) if b not in _KEEP),
    b" " * (256 - len(_KEEP)),
)


def _line_of(text: str | bytes, offset: int) -> int:
    """The 0-based index of the line holding `offset` in the joined text."""
    if isinstance(text, bytes):
        return text.count(b"\n", 0, offset)
    return text.count("\n", 0, offset)


def _numbers(lines: Iterable[int], limit: int = 5) -> str:
    """ "line 4", "lines 4, 9 and 12", "lines 4, 9, 12, 15, 20 and 3 more"."""
    items = list(dict.fromkeys(lines))
    if not items:
        return "no lines"
    if len(items) == 1:
        return f"line {items[0]}"
    shown = [str(n) for n in items[:limit]]
    rest = len(items) - len(shown)
    if rest:
        return f"lines {', '.join(shown)} and {rest} more"
    return f"lines {', '.join(shown[:-1])} and {shown[-1]}"


def _quote(items: Iterable[str], limit: int = 5) -> str:
    unique = list(dict.fromkeys(items))
    shown = ", ".join(f"'{item}'" for item in unique[:limit])
    return shown + (f" and {len(unique) - limit} more" if len(unique) > limit else "")


def _plural(count: int, word: str, plural: str | None = None) -> str:
    return f"{count:,} {word if count == 1 else (plural or word + 's')}"


# ----------------------------------------------------------------------------------------------
# The English word list (for garbage detection and verb forms), built once per process

_STOPWORDS = (
    "a about above across after again against all also am among an and any are as at be been "
    "before being below between both but by can could did do does doing down during each either "
    "every few for from further had has have having he her here hers him his how i if in into is "
    "it its itself just me more most my myself no nor not of off on once only or other our ours "
    "out over own per same she should so some such than that the their theirs them then there "
    "these they this those through to too under until up upon very via was we were what when "
    "where which while who whom whose why will with within without would you your yours "
    "including across onto toward towards throughout amid whether"
)
# Words of care-manager resumes that the lemma table (inflected forms only) does not hold.
_DOMAIN_WORDS = (
    "health healthcare interdisciplinary multidisciplinary medicare medicaid diabetes copd chf "
    "hipaa epic cerner meditech ehr emr snf dme ltc icu er ed pcp bsn msw bsw rn lpn lvn lcsw "
    "lmsw ccm acm cna bls acls cpr ncqa hedis cms interqual mcg sdoh telehealth caseload "
    "biopsychosocial psychosocial behavioral behavioural readmission readmissions utilization "
    "discharge wellness hospice palliative geriatric pediatric outpatient inpatient "
    "transitional cardiology oncology nephrology dialysis microsoft excel outlook powerpoint "
    "linkedin email gmail com org edu www https http usa inc llc co llp pllc pc "
    "with of for in on at by to from the and or an a as is"
)


@cache
def _lemma_table() -> dict[str, str]:
    """The English lookup lemma table as a plain dict (empty if it cannot be iterated)."""
    from tailor.nlp import english_lemmas

    table = english_lemmas()
    if isinstance(table, dict) and all(isinstance(k, str) for k in list(table)[:10]):
        return table
    return {}


@cache
def _known_words() -> frozenset[bytes]:
    """Lower-case English words: the lemma table's forms and lemmas, stop words, domain words."""
    table = _lemma_table()
    words = {w.encode() for w in table} | {w.encode() for w in table.values()}
    words.update(w.encode() for w in _STOPWORDS.split())
    words.update(w.encode() for w in _DOMAIN_WORDS.split())
    words.update(w.encode() for w in _STRONG_VERBS)
    return frozenset(words)


# ----------------------------------------------------------------------------------------------
# Facts read once per resume


class _Facts:
    """What several checks need, computed once per resume.

    Attributes:
        text, raw, low: the lines joined with newlines; as UTF-8 bytes; those lower-cased.
        tokens: the words of `raw` (split at anything but letters, digits, "-", "#").
        words: those of the words that some check looks up (the registered vocabularies):
            a small set, so that each check's look-ups cost next to nothing.
        shape: `raw` with every digit, "%" and "$" turned into "0", so that a literal search
            finds figures, years ("0000") and SSN-shaped numbers ("000-00-0000").
        sources: each line's source, for list.count and list.index.
        headings: the recognised heading lines.
        statements: the experience bullets (see _Statements).
        dated, dated_experience, dated_education: indexes of experience and education
            lines that are not bullets (where dates sit).
        candidates: indexes of short lines styled like headings that are not headings.
    """

    def __init__(self, resume: ResumeText, level: Level | None) -> None:
        self.resume = resume
        self.level = level
        self.layout: Layout = resume.layout
        self.lines = lines = resume.lines
        self.text = text = "\n".join([line.text for line in lines])
        self.raw = raw = text.encode("utf-8", "replace")
        self.low = raw.lower()
        self.shape = raw.translate(_FIGURES)
        self.tokens = tokens = raw.translate(_WORD_BREAKS).split()
        self.words = _ALL_KEYS.intersection(tokens)
        # Lines are normalised (single spaces, no leading or trailing space): words = spaces + 1.
        self.word_count = text.count(" ") + len(lines)
        self.sources = [line.source for line in lines]
        self.headings: list[Line] = []
        self.dated: list[int] = []
        self.candidates: list[int] = []
        self.dated_experience: list[int] = []
        self.dated_education: list[int] = []
        headings, dated, candidates = self.headings, self.dated, self.candidates
        dated_experience, dated_education = self.dated_experience, self.dated_education
        experience: list[int] = []
        loose: list[int] = []  # summary and unknown-section lines
        wrapped = False
        for index, line in enumerate(lines):  # one pass: the lists several checks need
            if line.heading:
                headings.append(line)
                continue
            section = line.section
            if section is _X:
                experience.append(index)
                if line.wrap:
                    wrapped = True
                    continue
                if not line.bullet:
                    dated.append(index)
                    dated_experience.append(index)
            elif section is _E and not (line.bullet or line.wrap):
                dated.append(index)
                dated_education.append(index)
            elif section is _S or section is _O:
                loose.append(index)
            line_text = line.text
            if len(line_text) <= 40 and not (line.bullet or line.wrap) and (
                    line_text.isupper() or line_text.endswith(":") or (
                        line.style is not None and _HEADING_STYLE.match(line.style))):
                candidates.append(index)
        if not experience and loose:
            # No Experience heading was recognised ("My Journey"): the roles then sit under
            # the summary or an unknown heading. Their bullets, and their short lines for
            # dates, stand in for the experience section.
            experience = [i for i in loose if lines[i].bullet or lines[i].wrap]
            dated_experience += [i for i in loose if not (lines[i].bullet or lines[i].wrap)
                                 and lines[i].text.count(" ") < 12 and i not in candidates]
            dated[:] = sorted(dated + dated_experience)
        self.statements = _statements(lines, experience, wrapped=wrapped)
        self._starts: list[int] | None = None  # byte offset of each line in `raw`, on demand

    def index_at(self, offset: int) -> int:
        """The index of the line holding a byte offset of `raw` (or `low`, `shape`)."""
        starts = self._starts
        if starts is None:
            lengths = map(len, self.raw.split(b"\n"))
            starts = self._starts = list(accumulate((n + 1 for n in lengths), initial=0))
        return bisect_right(starts, offset) - 1

    def lines_at(self, pattern: re.Pattern[bytes], *, lower: bool = False) -> list[int]:
        """Line numbers of the lines where a bytes pattern matches (in the lower-cased text
        when `lower`) at the start of a word."""
        text = self.low if lower else self.raw
        lines = self.lines
        return list(dict.fromkeys(
            lines[self.index_at(m.start())].number for m in pattern.finditer(text)
            if not (m.start() and text[m.start() - 1:m.start()].isalpha())))

    def find_word(self, word: bytes) -> int | None:
        """The number of the first line holding `word` as a whole word, or None."""
        for at in _occurrences(self.raw, word):
            return self.lines[self.index_at(at)].number
        return None

    def word_lines(self, word: bytes, text: bytes | None = None) -> list[int]:
        """Indexes of the lines holding `word` as a whole word (in `text`, else the raw text:
        pass the lower-cased bytes to find a lower-case word in any case)."""
        raw = self.raw if text is None else text
        return [self.index_at(at) for at in _occurrences(raw, word)]


class _Statements(NamedTuple):
    """Experience statements as parallel lists (so that checks can map C functions over them):
    line number, text (soft-wrapped continuations joined), and the indexes of the first and
    last line; `spans` is True when some statement runs over several lines."""

    numbers: list[int]
    texts: list[str]
    firsts: list[int]
    lasts: list[int]
    spans: bool = False


def _statements(lines: Sequence[Line], experience: list[int], *,
                wrapped: bool) -> _Statements:
    """Experience bullets with their soft-wrapped continuations joined; without bullets, the
    lines of six words or more that hold no year (not job-title or date lines)."""
    if wrapped:
        spans: list[tuple[int, str, int, int, bool]] = []
        for i in experience:
            line = lines[i]
            if line.wrap and spans and spans[-1][3] == i - 1:
                number, text, first, _, bullet = spans[-1]
                spans[-1] = (number, text + " " + line.text, first, i, bullet)
            else:
                spans.append((line.number, line.text, i, i, line.bullet))
        chosen = [span for span in spans if span[4]] or [
            span for span in spans if span[1].count(" ") >= 5 and not _YEAR.search(span[1])]
        return _Statements([c[0] for c in chosen], [c[1] for c in chosen],
                           [c[2] for c in chosen], [c[3] for c in chosen],
                           any(c[2] != c[3] for c in chosen))
    picked = [i for i in experience if lines[i].bullet] or [
        i for i in experience
        if lines[i].text.count(" ") >= 5 and not _YEAR.search(lines[i].text)]
    chosen_lines = [lines[i] for i in picked]
    return _Statements([line.number for line in chosen_lines],
                       [line.text for line in chosen_lines], picked, picked)


def _occurrences(raw: bytes, word: bytes) -> Iterator[int]:
    """Offsets where `word` stands whole: no letter, digit or hyphen touches either end."""
    start = 0
    size = len(word)
    while True:
        at = raw.find(word, start)
        if at < 0:
            return
        before = raw[at - 1:at] if at else b" "
        after = raw[at + size:at + size + 1] or b" "
        if not (before.isalnum() or before == b"-" or after.isalnum() or after == b"-"):
            yield at
        start = at + 1


Check = Callable[[_Facts], CheckResult]


def _result(check_id: str, group: str, status: Status, message: str, fix: str = "",
            lines: Iterable[int] = ()) -> CheckResult:
    """A CheckResult. Only a warning or failure points at lines (the ones to fix): reports
    highlight every line a result points at, and a pass has nothing to fix; its message may
    still cite line numbers."""
    return CheckResult(check_id, status, message, fix, group,
                       tuple(dict.fromkeys(lines)) if status is not _PASS else ())


# ----------------------------------------------------------------------------------------------
# Parse health: what makes applicant-tracking systems drop or garble text

_MIN_WORDS = 150
_CORE_SECTIONS = (Section.EXPERIENCE, Section.EDUCATION, Section.SKILLS)
_SECTION_NAMES = tuple((section, section.value) for section in Section)


def check_text_amount(f: _Facts) -> CheckResult:
    """Enough text came out of the file for a system to read."""
    words = f.word_count
    if words >= _MIN_WORDS:
        return _result("readable-text", PARSE, _PASS, f"{words:,} words of text were read.")
    return _result(
        "readable-text", PARSE, _WARN,
        f"Only {_plural(words, 'word')} of text could be read; applicant-tracking systems see "
        "no more.",
        "Keep text as real text in the body: not in images, shapes or scanned pages.",
    )


def check_sections(f: _Facts) -> CheckResult:
    """The resume uses headings that systems recognise, for the sections they look for."""
    found = {line.section for line in f.headings}
    if not found:
        return _result(
            "standard-sections", PARSE, _FAIL,
            "No standard section headings were recognised.",
            "Use plain headings such as Summary, Experience, Education, Skills, "
            "Licenses & Certifications.",
        )
    missing = [s.value for s in _CORE_SECTIONS if s not in found]
    if missing:
        return _result(
            "standard-sections", PARSE, _WARN,
            f"No heading found for: {', '.join(missing)}.",
            f"Add a plainly named heading for {', '.join(missing)}; systems file your text "
            "under the headings they recognise.",
        )
    names = ", ".join([value for section, value in _SECTION_NAMES if section in found])
    return _result("standard-sections", PARSE, _PASS, f"Sections recognised: {names}.")


_EMAIL = re.compile(r"@[\w-]+(?:\.[\w-]+)+")  # the part after "@": a literal start is fast
_EMAIL_LOCAL = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._+-")
# A run of digits, spaces and phone punctuation; a phone number when it holds 10-15 digits.
_PHONE = re.compile(r"[(+\d][\d ().+-]{8,22}\d")
_NOT_DIGITS = re.compile(r"\D+")


def check_contact(f: _Facts) -> CheckResult:
    """An email address and a phone number are present, in the body where systems read them."""
    email: list[Line] = []
    phone: list[Line] = []
    in_body = [False, False]
    for line in f.lines:  # from the top; done once both are found in the body
        text = line.text
        main = line.source not in _OFF_BODY
        if "@" in text and _is_email(text):
            email.append(line)
            in_body[0] = in_body[0] or main
        if _is_phone(text):
            phone.append(line)
            in_body[1] = in_body[1] or main
        if in_body[0] and in_body[1]:
            break
    found = {"email address": email, "phone number": phone}
    absent = [what for what, where in found.items() if not where]
    if absent:
        return _result(
            "contact-details", PARSE, _FAIL,
            f"No {' or '.join(absent)} found.",
            "Put your email address and phone number in the first lines of the body.",
            [ln.number for where in found.values() for ln in where],
        )
    hidden = {what: where for what, where in found.items()
              if all(ln.source in _OFF_BODY for ln in where)}
    if hidden:
        places = sorted({ln.source.value for where in hidden.values() for ln in where})
        return _result(
            "contact-details", PARSE, _WARN,
            f"Your {' and '.join(hidden)} {'appears' if len(hidden) == 1 else 'appear'} only "
            f"in the {' / '.join(places)} "
            f"({_numbers(ln.number for where in hidden.values() for ln in where)}), which many "
            "applicant-tracking systems skip.",
            "Repeat them as plain text at the top of the body.",
            [ln.number for where in hidden.values() for ln in where],
        )
    body = [ln.number for where in found.values() for ln in where if ln.source not in _OFF_BODY]
    return _result("contact-details", PARSE, _PASS,
                   f"Email address and phone number found ({_numbers(body)}).")


def _is_email(text: str) -> bool:
    """True when a line holds an email address."""
    return any(m.start() and text[m.start() - 1] in _EMAIL_LOCAL for m in _EMAIL.finditer(text))


def _is_phone(text: str) -> bool:
    """True when a line holds a run of 10-15 digits set like a phone number."""
    return any(10 <= len(_NOT_DIGITS.sub("", m.group(0))) <= 15 for m in _PHONE.finditer(text))


def _positions(f: _Facts, source: Source) -> list[int]:
    """Numbers of the lines from one source (list.index finds each in C)."""
    sources = f.sources
    out: list[int] = []
    at = -1
    try:
        while True:
            at = sources.index(source, at + 1)
            out.append(f.lines[at].number)
    except ValueError:
        return out


def check_text_boxes(f: _Facts) -> CheckResult:
    """No resume content hides in text boxes or shapes."""
    boxed = _positions(f, Source.TEXTBOX)
    if boxed:
        return _result(
            "text-boxes", PARSE, _WARN,
            f"{_plural(len(boxed), 'line')} ({_numbers(boxed)}) "
            f"{'sits' if len(boxed) == 1 else 'sit'} in text boxes or shapes, which many "
            "systems skip or misplace.",
            "Move that text into the body (use plain paragraphs or a simple one-column layout).",
            boxed,
        )
    return _result("text-boxes", PARSE, _PASS, "No text in text boxes or shapes.")


_TABLE_SHARE = 0.4  # share of body lines in tables above which tables carry the layout


def check_tables(f: _Facts) -> CheckResult:
    """Content does not sit in layout tables, which systems read cell by cell out of order."""
    layout = f.layout
    in_tables = f.sources.count(Source.TABLE)
    if not in_tables:
        return _result("layout-tables", PARSE, _PASS, "No text in tables.")
    body = in_tables + f.sources.count(Source.BODY) + f.sources.count(Source.TEXTBOX)
    share = in_tables / body if body else 1.0
    tables = _plural(layout.tables, "table") if layout.tables else "tables"
    numbers = _positions(f, Source.TABLE)
    if share >= _TABLE_SHARE or (layout.nested_tables and in_tables >= 5):
        nested = (f", {_plural(layout.nested_tables, 'table')} inside another"
                  if layout.nested_tables else "")
        return _result(
            "layout-tables", PARSE, _WARN,
            f"{in_tables} of {body} lines ({share:.0%}) sit in {tables}{nested}: a table used "
            "for layout is read cell by cell, often out of order.",
            "Move the content out of tables into plain paragraphs; set dates with a right tab "
            "stop, not a table column.",
            numbers,
        )
    return _result(
        "layout-tables", PARSE, _PASS,
        f"A small table holds {_plural(in_tables, 'line')} ({_numbers(numbers)}): most systems "
        "read a simple grid such as a skills list, but keep the main content out of tables.",
    )


def check_columns(f: _Facts) -> CheckResult:
    """Text runs in one column: systems that read across columns interleave their lines."""
    layout = f.layout
    fix = ("Use a single-column layout; put skills or contact details in their own section "
           "instead of a side column.")
    if layout.column_pages:
        pages = layout.column_pages
        where = (f"page {pages[0]}" if len(pages) == 1
                 else f"pages {', '.join(map(str, pages[:-1]))} and {pages[-1]}")
        return _result(
            "columns", PARSE, _WARN,
            f"Text on {where} is set in columns side by side; many applicant-tracking systems "
            "read straight across and interleave the lines of both columns.",
            fix,
        )
    if layout.columns > 1:
        return _result(
            "columns", PARSE, _WARN,
            f"The document is set in {layout.columns} newspaper columns (Word section columns); "
            "many applicant-tracking systems read across them and mix up the lines.",
            fix,
        )
    return _result("columns", PARSE, _PASS, "Text runs in a single column.")


def check_images(f: _Facts) -> CheckResult:
    """No photos, icons or graphics: systems cannot read them."""
    count = f.layout.images
    if count:
        return _result(
            "images", PARSE, _WARN,
            f"{_plural(count, 'image')} or graphic{'s' if count != 1 else ''} found: systems "
            "cannot read text in photos, logos, icons or skill bars, and a photo on a US "
            "resume invites bias.",
            "Remove photos and icons; state skills and levels in words.",
        )
    return _result("images", PARSE, _PASS, "No images or graphics.")


_HEADING_STYLE = re.compile(r"(?i)(?:heading|title|subtitle|sectiontitle|section)")
_NOT_HEADING_CHARS = re.compile(r"[\d@|,•·–—(\[/]| - |https?:|www\.")
_HEADING_YEAR = re.compile(r"\b(?:19|20)\d{2}\b|\b(?:present|current)\b", re.IGNORECASE)
# Words of job titles, employers and credentials: a line holding one is an entry, not a heading.
_ENTRY_WORDS = frozenset("""
manager nurse coordinator director assistant specialist worker navigator intern supervisor
technician aide analyst planner associate counselor counsellor therapist volunteer officer
administrator consultant educator practitioner physician clerk representative liaison
advocate case lead chief president vp head fellow resident trainee student extern apprentice
health hospital clinic center centre medical university college school institute inc llc
agency services county department foundation partners group network systems hospice
healthcare home church city state community regional memorial general st saint mount
rn lpn lvn bsn msw bsw lcsw lmsw lsw ccm acm cna np aprn phd mba mph
""".split())
_SUGGEST = (
    (re.compile(r"(?i)licen|certif|credential"), "Licenses & Certifications"),
    (re.compile(r"(?i)work|job|career|journey|role|position|employ|history|worked|practice|"
                r"clinical|placement|rotation"), "Experience"),
    (re.compile(r"(?i)school|stud|learn|academ|degree|universit|college|train"), "Education"),
    (re.compile(r"(?i)tool|skill|abilit|strength|bring|know|expert|technical|competen"),
     "Skills"),
    (re.compile(r"(?i)about|story|who|profile|intro|snapshot|glance|why|me\b"), "Summary"),
)


def _signature(line: Line) -> frozenset[str]:
    """How a line is set apart: heading style, capitals, trailing colon."""
    sig = set()
    if line.style is not None and _HEADING_STYLE.match(line.style):
        sig.add("style:" + line.style.lower().replace(" ", ""))
    if line.text.isupper() and sum(map(str.isupper, line.text)) >= 3:
        sig.add("caps")
    if line.text.endswith(":"):
        sig.add("colon")
    return frozenset(sig)


def check_headings(f: _Facts) -> CheckResult:
    """Lines set out as section headings use names that systems recognise."""
    lines = f.lines
    known = {s for h in f.headings for s in _signature(h)} or {"caps"} | {
        "style:heading1", "style:heading2", "style:heading"}
    candidate_set = set(f.candidates)
    first_body = next((i for i, source in enumerate(f.sources) if source is Source.BODY), 0)
    found: list[Line] = []
    for index in f.candidates:
        line = lines[index]
        text = line.text
        words = text.split()
        if (index == first_body or len(words) > 5 or line.source not in _BODY_SOURCES
                or text.endswith((".", "。", ";", "!", "?"))
                or not (_signature(line) & known) or _NOT_HEADING_CHARS.search(text)):
            continue
        if heading_section(text, style=line.style, bold=True) is not None:
            continue  # a recognised name that the reader saw without a signal
        lowered = [w.strip(".:;&'\"").lower() for w in words]
        if any(w in _ENTRY_WORDS for w in lowered):
            continue
        if len(words) == 1 and len(text) <= 5 and text.isupper():
            continue  # an acronym in a list (HIPAA, EPIC)
        following = lines[index + 1] if index + 1 < len(lines) else None
        if (following is None or following.heading or index + 1 in candidate_set
                or index - 1 in candidate_set or lines[index - 1].heading):
            continue  # a run of short lines is a list; a line under a heading is an entry
        if _HEADING_YEAR.search(following.text):
            continue  # an employer or school above its dates
        found.append(line)
    if not found:
        return _result("section-headings", PARSE, _PASS,
                       "No unusual section headings found.")
    renames = []
    for line in found:
        name = line.text.rstrip(":")
        standard = next((std for pattern, std in _SUGGEST if pattern.search(name)), None)
        renames.append(f"'{name}' → {standard}" if standard else f"'{name}' → a standard name")
    quoted = ", ".join(f"'{ln.text.rstrip(':')}' (line {ln.number})" for ln in found[:5])
    more = f" and {len(found) - 5} more" if len(found) > 5 else ""
    return _result(
        "section-headings", PARSE, _WARN,
        f"{_plural(len(found), 'heading')} that systems do not recognise: {quoted}{more}; what "
        "follows may be filed under the wrong section.",
        "Rename them to standard headings: " + "; ".join(renames[:5]) + ".",
        [ln.number for ln in found],
    )


_CID = re.compile(r"\(cid:\d+\)")
_ODD_CHARS = re.compile("[\ue000-\uf8ff\ufffd]")
_GARBLED_SHARE = 0.05
_MIN_REAL_SHARE = 0.5
_SAMPLE_WORDS = 150


def check_garbled(f: _Facts) -> CheckResult:
    """The text is real text, not the glyph codes of a font without a text map."""
    text = f.text
    layout = f.layout
    evidence: list[str] = []
    lines: list[int] = []
    cids = text.count("(cid:")
    if cids >= 3:
        evidence.append(f"{cids} '(cid:…)' glyph codes")
        lines += [f.lines[_line_of(text, m.start())].number for m in _CID.finditer(text)]
    if layout.text_chars and layout.garbled_chars >= 10 and (
            layout.garbled_chars / layout.text_chars >= _GARBLED_SHARE):
        evidence.append(
            f"{layout.garbled_chars / layout.text_chars:.0%} of the characters map to no letter")
    # Private-use characters and U+FFFD start with byte EE or EF in UTF-8.
    if b"\xee" in f.raw or b"\xef" in f.raw:
        odd = [m.start() for m in _ODD_CHARS.finditer(text)]
        visible = len(text) - text.count(" ")
        if len(odd) >= 10 and len(odd) >= _GARBLED_SHARE * visible:
            evidence.append(f"{len(odd)} unreadable symbols")
            lines += [f.lines[_line_of(text, at)].number for at in odd]
    # Word files hold Unicode text: only PDFs and text pasted from them garble words. A small
    # sample settles a clean text; a doubtful one gets a larger sample.
    real, sampled = 1.0, 0
    if f.resume.kind is not FileKind.DOCX:
        real, sampled = _real_word_share(f.tokens, 50)
        if real < 0.75:
            real, sampled = _real_word_share(f.tokens, _SAMPLE_WORDS)
    if sampled >= 40 and real < _MIN_REAL_SHARE:
        evidence.append(f"only {real:.0%} of the words are English words")
    if not evidence:
        return _result("garbled-text", PARSE, _PASS, "The text reads as real words.")
    if f.resume.kind is FileKind.PDF:
        message = (f"The text extracts as garbage ({'; '.join(evidence)}): the PDF uses fonts "
                   "without a text map, so systems read nonsense.")
        fix = "Export the PDF again (File > Save as PDF in Word) or send the DOCX."
    else:
        message = f"The text reads as garbage ({'; '.join(evidence)})."
        fix = "Save the resume again from the program that made it, as DOCX or PDF."
    return _result("garbled-text", PARSE, _FAIL, message, fix, lines)


def _real_word_share(tokens: Sequence[bytes], size: int) -> tuple[float, int]:
    """Share of sampled words that are English words or acronyms; and the sample size.

    Words of letters only, taken at even steps through the text so that a garbled stretch
    anywhere shows; the look-ups run in C (map, filter, compress) rather than a Python loop.
    """
    step = max(1, len(tokens) // size)
    # Split the sample again at anything but letters: garbled text often turns its spaces
    # into punctuation ("Pdqdjhg#d#fdvhordg"), which would hide its words.
    letters = b" ".join(tokens[::step]).translate(_LETTER_BREAKS).split()
    sample = [t for t in letters if len(t) > 1]
    if not sample:
        return 1.0, 0
    known = _known_words()
    flags = list(map(known.__contains__, b" ".join(sample).lower().split()))
    acronyms = sum(1 for t in compress(sample, map(operator.not_, flags))
                   if t.isupper() and len(t) <= 5)
    real = sum(flags)
    return (real + acronyms) / len(sample), len(sample)


def _font_key(name: str) -> str:
    return re.sub(r"[^a-z]", "", re.sub(r"^[A-Z]{6}\+", "", name).lower())


_STANDARD_FONTS = tuple(_font_key(n) for n in (
    "Arial", "Calibri", "Cambria", "Aptos", "Garamond", "EB Garamond", "Georgia", "Helvetica",
    "Times", "Verdana", "Tahoma", "Trebuchet", "Book Antiqua", "Palatino", "Segoe UI",
    "Liberation", "DejaVu", "Courier", "Carlito", "Caladea", "Century Gothic", "Century",
    "Candara", "Constantia", "Corbel", "Consolas", "Franklin Gothic", "Gill Sans",
    "Lucida Sans", "Lucida Grande", "Bookman", "Baskerville", "Helvetica Neue", "Rockwell",
    "Microsoft Sans Serif", "Sylfaen",
))
_SYMBOL_FONTS = tuple(_font_key(n) for n in (
    "Symbol", "Wingdings", "Webdings", "Zapf Dingbats", "ZapfDingbats", "Dingbats", "Marlett",
    "MT Extra", "Segoe UI Symbol", "Segoe UI Emoji", "Segoe MDL2", "Segoe Fluent",
    "Font Awesome", "FontAwesome", "Material Icons", "Material Symbols", "OpenSymbol",
    "Apple Color Emoji", "Noto Emoji", "Noto Color Emoji", "Glyphicons", "Ionicons", "IcoMoon",
    "Bootstrap Icons", "Feather",
))
_DECORATIVE_FONTS = tuple(_font_key(n) for n in (
    "Brush Script", "Lucida Handwriting", "Lucida Calligraphy", "Comic Sans", "Papyrus",
    "Curlz", "Jokerman", "Chiller", "Freestyle Script", "Edwardian Script", "Kunstler",
    "Vivaldi", "Harrington", "Bradley Hand", "Segoe Script", "Segoe Print", "Pacifico",
    "Lobster", "Dancing Script", "Great Vibes", "Old English", "Algerian", "Monotype Corsiva",
    "Mistral", "Blackadder", "French Script", "Magneto", "Ravie", "Snap ITC", "Stencil",
    "Showcard", "Gigi", "Viner Hand", "Kristen", "Ink Free", "Dark Garden", "DarkGarden",
    "Parchment", "Palace Script", "Script MT", "Informal Roman", "Juice ITC", "Matura",
    "Goudy Stout", "Playbill", "Bauhaus 93", "Broadway", "Cooper Black", "Forte",
    "Harlow Solid", "Hobo", "Pristina", "Rage Italic", "Tempus Sans", "Wide Latin",
    "Castellar", "Old English Text", "Bradley Hand ITC", "Alex Brush", "Satisfy",
    "Sacramento", "Allura", "Parisienne", "Courgette", "Caveat", "Amatic", "Indie Flower",
    "Shadows Into Light", "Permanent Marker", "Callig", "Zapf Chancery", "ZapfChancery",
))


@lru_cache(maxsize=256)
def _font_kind(name: str) -> str:
    """"symbol", "decorative", "standard" or "other"."""
    key = _font_key(name)
    if not key:
        return "standard"
    if key.startswith(_SYMBOL_FONTS):
        return "symbol"
    if key.startswith(_DECORATIVE_FONTS):
        return "decorative"
    if key.startswith(_STANDARD_FONTS):
        return "standard"
    return "other"


def check_fonts(f: _Facts) -> CheckResult:
    """Fonts are ones every system renders; no decorative or symbol fonts for text."""
    fonts = f.layout.fonts
    if not fonts:
        return _result("fonts", PARSE, _PASS, "No font problems found.")
    kinds: dict[str, list[str]] = {}
    for font in fonts:
        kinds.setdefault(_font_kind(font), []).append(font)
    pdf = f.resume.kind is FileKind.PDF
    # In a PDF, Symbol, Wingdings and OpenSymbol draw the bullets Word exports.
    symbol = [] if pdf else kinds.get("symbol", [])
    decorative = kinds.get("decorative", [])
    if decorative or symbol:
        parts = []
        if decorative:
            parts.append(f"decorative or script font{'s' if len(decorative) > 1 else ''} "
                         f"{_quote(decorative)}")
        if symbol:
            parts.append(f"symbol font{'s' if len(symbol) > 1 else ''} {_quote(symbol)} "
                         "used for text")
        return _result(
            "fonts", PARSE, _WARN,
            f"The resume uses {' and '.join(parts)}: systems may read the letters as symbols "
            "or drop them, and reviewers find them hard to read.",
            "Use one plain font throughout, such as Calibri, Arial, Garamond or Georgia.",
        )
    other = kinds.get("other", [])
    if other and not pdf:
        return _result(
            "fonts", PARSE, _PASS,
            f"Fonts {_quote(other)} may not be installed where the resume is opened; Word then "
            "substitutes a similar font and the layout can shift.",
            "Prefer a font every computer has (Calibri, Arial, Georgia) or send a PDF.",
        )
    if pdf:
        return _result("fonts", PARSE, _PASS,
                       f"Fonts (embedded in the PDF): {', '.join(fonts[:5])}.")
    return _result("fonts", PARSE, _PASS, f"Fonts are standard: {', '.join(fonts[:5])}.")


_GENERIC_NAME_WORDS = frozenset("""
resume résumé cv curriculum vitae my document doc untitled file scan scanned application job
care manager nurse rn new final copy draft updated version the of for and a
""".split())
_VERSION = re.compile(
    r"(?i)(?<![a-z])(?:final|draft|copy|v\d+|version|rev\d*|updated|new|old|edit(?:ed)?|"
    r"latest|revised)(?![a-z])|\(\d+\)|(?<![a-z])(?:v|ver)[\s._-]?\d+")
_NAME_CHARS = re.compile(r"[^A-Za-z0-9._\- ]")
_NAME_SPLIT = re.compile(r"[\s._()\-]+")
_NUMBERING = re.compile(r"v\d+|rev\d*|\d+[a-z]?")
_MAX_NAME = 60
_MACRO_EXTS = (".docm", ".dotx", ".dotm")


def _split_name(name: str) -> tuple[str, str]:
    """(stem, lower-case extension with its dot) of a file name, as PurePath would split it."""
    stem, dot, ext = name.rpartition(".")
    if not dot or not stem or not ext:
        return name, ""
    return stem, "." + ext.lower()


def check_file_name(f: _Facts) -> CheckResult:
    """The file name identifies the person and reads cleanly in any system."""
    name = f.resume.name
    stem, ext = _split_name(name)
    proper = {FileKind.DOCX: ".docx", FileKind.PDF: ".pdf"}.get(f.resume.kind, ext or ".pdf")
    problems = []
    words = [w for w in _NAME_SPLIT.split(stem.lower()) if w]
    meaningful = [w for w in words if w.rstrip("0123456789") not in _GENERIC_NAME_WORDS
                  and not _NUMBERING.fullmatch(w)]
    if not meaningful:
        problems.append("does not say whose resume it is")
    version = list(dict.fromkeys(m.group(0).strip() for m in _VERSION.finditer(stem)))
    if version:
        problems.append(f"looks like a working copy ({_quote(version, 3)})")
    odd = sorted(set(_NAME_CHARS.findall(name)))
    if odd:
        problems.append(f"has characters some systems mangle ({' '.join(odd[:6])})")
    if len(name) > _MAX_NAME:
        problems.append(f"is {len(name)} characters long")
    mislabel = next((n for n in f.resume.notes if n.startswith("named ")), None)
    if mislabel:
        problems.append(f"is {mislabel.split(';', 1)[0]}")
    if not problems:
        return _result("file-name", PARSE, _PASS, f"The file name '{name}' is clear.")
    return _result(
        "file-name", PARSE, _WARN,
        f"The file name '{name}' {'; '.join(problems)}.",
        f"Rename it Firstname-Lastname-Resume{proper} (letters, digits and hyphens only).",
    )


def check_file_type(f: _Facts) -> CheckResult:
    """The file is a type every application system takes: DOCX or PDF."""
    kind = f.resume.kind
    ext = _split_name(f.resume.name)[1]
    if kind in (FileKind.TEXT, FileKind.MARKDOWN):
        what = "Markdown" if kind is FileKind.MARKDOWN else "plain text"
        return _result(
            "file-type", PARSE, _WARN,
            f"The resume is a {what} file; many application systems take only .docx or .pdf, "
            "and plain text loses all formatting.",
            "Paste it into Word or Google Docs, format it, and send it as .docx or .pdf.",
        )
    if kind is FileKind.DOCX and ext in _MACRO_EXTS:
        return _result(
            "file-type", PARSE, _WARN,
            f"The resume is a Word {ext} file (a template or macro-enabled document), which "
            "many systems and email filters reject.",
            "Save it as a plain Word Document (.docx) or as PDF.",
        )
    label = "Word document (.docx)" if kind is FileKind.DOCX else "PDF"
    return _result("file-type", PARSE, _PASS, f"The resume is a {label}, which systems take.")


# ----------------------------------------------------------------------------------------------
# Content: what resume reviewers look for

_NUMBER_WORDS = _variants("""
two three four five six seven eight nine ten eleven twelve fifteen twenty thirty forty fifty
sixty seventy eighty ninety hundred hundreds thousand thousands million millions dozen dozens
double doubled doubling triple tripled tripling quadrupled twice thrice half halved halving
percent
""".split())


def _unquantified(f: _Facts) -> list[int]:
    """Line numbers of the experience statements that hold no number (figure, %, $, count
    word). Each line's figure shape is tested once, in C (map, compress)."""
    st = f.statements
    # (An int needle: `48 in line` is a memchr; a bytes needle costs a buffer look-up.)
    has = list(map(operator.contains, f.shape.split(b"\n"), repeat(ord("0"))))
    for word in f.words & _NUMBER_WORDS:
        for index in f.word_lines(word.lower(), f.low):
            has[index] = True
    if st.spans:
        found = [any(has[first:last + 1]) for first, last in zip(st.firsts, st.lasts,
                                                                strict=True)]
    else:
        found = list(map(has.__getitem__, st.firsts))
    return list(compress(st.numbers, map(operator.not_, found)))


def check_results(f: _Facts) -> CheckResult:
    """Experience bullets show measurable results: numbers, percentages, money, counts."""
    total = len(f.statements.numbers)
    if not total:
        return _result(
            "measurable-results", CONTENT, _WARN,
            "No experience bullets were found to check for measurable results.",
            "Under Experience, list what you did as bullets, each with a number: caseload size, "
            "readmissions cut, patients educated.",
        )
    without = _unquantified(f)
    found = total - len(without)
    share = found / total
    counted = f"{found} of {total} experience bullets ({share:.0%})"
    fix = ("Add a number to more bullets: caseload ('a caseload of 45 adults'), outcomes "
           "('cut 30-day readmissions 12%'), volume ('90 assessments a month').")
    if 2 * found >= total:  # (whole numbers: 2 of 10 is 20%, not 19.99...%)
        message = f"{counted} hold a number."
        if without:
            message += f" Bullets without one: {_numbers(without, 3)}."
        return _result("measurable-results", CONTENT, _PASS, message)
    status = _WARN if 5 * found >= total else _FAIL
    return _result(
        "measurable-results", CONTENT, status,
        f"Only {counted} hold a number; reviewers look for results. Without one: "
        f"{_numbers(without, 3)}.",
        fix, without,
    )


_STRONG_VERBS = frozenset("""
accelerate achieve administer advise advocate align allocate analyze analyse appeal arrange
assess audit author authorize automate boost build champion chair coach collaborate
communicate compile complete conduct connect consolidate consult contribute convert
coordinate counsel create cut de-escalate decrease delegate deliver design develop devise
direct discharge document draft drive educate eliminate empower engage enhance enroll ensure
establish evaluate exceed expand expedite facilitate forecast formulate foster generate guide
halve head identify implement improve increase influence initiate innovate inspect instruct
integrate interview introduce investigate launch lead liaise lower maintain manage maximize
measure
mediate mentor minimize mobilize monitor motivate navigate negotiate obtain orchestrate
organize organise overhaul oversee partner pilot plan prepare present prevent prioritize
process produce promote propose protect provide publish raise rebuild recommend reconcile
recruit redesign reduce refer refine reorganize represent research resolve restore
restructure revamp review revise save schedule screen secure select serve shorten simplify
solve spearhead standardize steer streamline strengthen structure supervise surpass sustain
teach track train transform transition translate triage troubleshoot unify update upgrade
validate verify win write admit assign calculate certify escalate gather prescribe reassess
redirect co-lead co-found found
""".split())
_IRREGULAR = {"led": "lead", "co-led": "co-lead", "wrote": "write", "built": "build",
              "drove": "drive", "taught": "teach", "won": "win", "cut": "cut",
              "oversaw": "oversee", "co-founded": "co-found", "founded": "found"}
_WEAK = re.compile(
    r"(?:(?:was|were|i was|i am|am)\s+)?(?:responsible for|responsibilities included|"
    r"duties (?:included|include|were)|helped|helping|help|worked on|worked with|worked in|"
    r"tasked with|in charge of|involved in|participated in|handled|took part in|was part of|"
    r"part of|assisted|assisting|assist)\b")
_ASSIST = re.compile(r"(?:(?:was|were)\s+)?assist")
_WEAK_FIRST = frozenset("""
responsible responsibilities duties helped helping help worked tasked in involved participated
handled took was were i am part assisted assisting assist
""".split())
_OPENER_PUNCTUATION = ".,;:()'\"*-–"


@cache
def _strong_forms() -> frozenset[str]:
    """Every form of the strong verbs (coordinated, coordinating, coordinates...)."""
    forms = set(_STRONG_VERBS) | set(_IRREGULAR)
    forms.update(word for word, lemma in _lemma_table().items() if lemma in _STRONG_VERBS)
    for verb in _STRONG_VERBS:  # regular forms, in case the table lacks a verb
        stem = verb[:-1] if verb.endswith("e") else verb
        forms.update((stem + "ed", stem + "ing", verb + "s"))
    return frozenset(forms)


def check_action_verbs(f: _Facts) -> CheckResult:
    """Experience bullets open with strong action verbs, not 'responsible for' or 'helped'."""
    statements = f.statements
    if not statements.numbers:
        return _result("action-verbs", CONTENT, _PASS, "No experience bullets to check.")
    strong = _strong_forms()
    early = f.level is not None and f.level.band == "early"
    # The first words of all statements, lower-cased in one go.
    texts = statements.texts
    firsts = "\n".join(map(itemgetter(0), map(str.partition, texts, repeat(" ")))).lower(
    ).split("\n")
    flags = list(map(strong.__contains__, firsts))
    openers = Counter(compress(firsts, flags))
    weak: list[int] = []
    plain: list[int] = []
    for number, text, opener in compress(zip(statements.numbers, texts, firsts, strict=True),
                                         map(operator.not_, flags)):
        first = opener.strip(_OPENER_PUNCTUATION)
        if first in strong:
            openers[first] += 1
            continue
        if first.endswith("ly"):  # "Successfully coordinated"
            second = text.split(None, 2)[1:2]
            verb = second[0].lower().strip(_OPENER_PUNCTUATION) if second else ""
            if verb in strong:
                openers[verb] += 1
                continue
        if first in _WEAK_FIRST:
            lowered = text.lower()
            if _WEAK.match(lowered) and not (early and _ASSIST.match(lowered)):
                weak.append(number)
                continue
        plain.append(number)
    total = len(texts)
    good = total - len(weak) - len(plain)
    top = openers.most_common(1)
    note = (f" '{top[0][0].capitalize()}' opens {top[0][1]} bullets: vary the verbs."
            if top and top[0][1] >= 4 else "")
    fix = ("Open each bullet with what you did: Coordinated, Assessed, Advocated, Educated, "
           "Reduced, Led; instead of 'Responsible for' or 'Helped with'.")
    if weak:
        return _result(
            "action-verbs", CONTENT, _WARN,
            f"{_plural(len(weak), 'bullet')} open{'s' if len(weak) == 1 else ''} with a weak "
            f"phrase such as 'responsible for' or 'helped with' ({_numbers(weak)}); {good} of "
            f"{total} open with a strong action verb.{note}",
            fix, weak,
        )
    if total >= 3 and good < 0.5 * total:
        return _result(
            "action-verbs", CONTENT, _WARN,
            f"Only {good} of {total} experience bullets open with a strong action verb "
            f"({_numbers(plain)} do not).{note}",
            fix, plain,
        )
    return _result("action-verbs", CONTENT, _PASS,
                   f"{good} of {total} experience bullets open with a strong action verb.{note}")


_PRONOUN_WORDS = _vocab(w.encode() for w in (
    "I", "me", "my", "My", "we", "We", "our", "Our", "us", "Us", "myself", "Myself", "ours",
    "Me", "I'm", "I've"))
_PRONOUN = re.compile(r"(?<![\w/'.-])(I|[Mm]e|[Mm]y|[Ww]e|[Oo]urs?|[Uu]s|[Mm]yself)(?![\w/-])")
_ROMAN_CONTEXT = frozenset("""
manager nurse coordinator level grade phase type tier step part title stage class unit worker
specialist technician analyst assistant associate navigator planner clerk aide counselor
therapist representative rep supervisor engineer officer administrator educator practitioner
program social ii iii iv
""".split())
_NOT_AFTER_I = frozenset("at in for with of and or to on from the a an by as".split())


def check_pronouns(f: _Facts) -> CheckResult:
    """No first-person pronouns in summary and experience: resumes are written without them."""
    if f.words.isdisjoint(_PRONOUN_WORDS):
        return _result("first-person", CONTENT, _PASS, "No first-person pronouns.")
    hits: list[int] = []
    used: list[str] = []
    headings_like = set(f.candidates)  # "My Journey" is a heading, not a sentence
    for index, line in enumerate(f.lines):
        if line.heading or line.section not in (_X, _S) or index in headings_like:
            continue
        text = line.text
        for m in _PRONOUN.finditer(text):
            word = m.group(1)
            if word == "I" and not _is_pronoun_i(text, m.start(), m.end()):
                continue
            hits.append(line.number)
            used.append(word if word == "I" else word.lower())
    if not hits:
        return _result("first-person", CONTENT, _PASS, "No first-person pronouns.")
    return _result(
        "first-person", CONTENT, _WARN,
        f"First-person pronouns ({_quote(used)}) on {_numbers(hits)}.",
        "Drop 'I', 'my' and 'we': start with the verb ('Coordinated care for…', not "
        "'I coordinated care for…').",
        hits,
    )


def _is_pronoun_i(text: str, start: int, end: int) -> bool:
    """'I' as a pronoun, not the grade in 'Care Manager I' or 'Level I'."""
    before = text[:start].rstrip().rsplit(None, 1)
    if before and before[-1].strip(",;:(").lower() in _ROMAN_CONTEXT:
        return False
    rest = text[end:]
    if rest.startswith(("'m", "'ve", "'d", "'ll")):
        return True
    after = rest.split(None, 1)
    if not after:
        return False
    word = after[0]
    return word[:1].islower() and word.strip(",.;:") not in _NOT_AFTER_I


_WORDS_PER_PAGE = 500


def check_length(f: _Facts) -> CheckResult:
    """Length suits the level: one page early in a career, at most two from senior up."""
    level = f.level
    words = f.word_count
    two_pages = level is not None and level.min_years >= 5
    max_pages, low, high = (2, 400, 1300) if two_pages else (1, 350, 650)
    who = (level.title if level is not None else "Care Manager")
    target = (f"should stay within two pages (at most about {high:,} words)" if two_pages
              else f"should fit on one page (about {low}-{high} words)")
    known = f.layout.pages
    pages = known if known else max(1, -(-words // _WORDS_PER_PAGE))
    page_text = (f"{_plural(pages, 'page')}" if known
                 else f"about {_plural(pages, 'page')} (estimated)")
    found = f"{words:,} words, {page_text}"
    aim = f"{'an' if who[:1] in 'AEIOU' else 'a'} {who} resume {target}"
    if words < 200:
        return _result(
            "length", CONTENT, _FAIL,
            f"The resume is thin: {found}; {aim}.",
            "Add bullets with results to each role, plus education, licences and skills.",
        )
    if pages > max_pages + 1 or words > 1.5 * high:
        return _result(
            "length", CONTENT, _FAIL,
            f"The resume is far too long: {found}; {aim}.",
            "Cut older roles to one line each and keep the bullets that show results.",
        )
    if pages > max_pages or words > high:
        return _result(
            "length", CONTENT, _WARN,
            f"The resume is long: {found}; {aim}.",
            "Trim older or unrelated roles and merge similar bullets.",
        )
    if words < low:
        return _result(
            "length", CONTENT, _WARN,
            f"The resume is short: {found}; {aim}.",
            "Add results to your bullets, clinical rotations or volunteer work, and skills.",
        )
    return _result("length", CONTENT, _PASS, f"Length fits: {found}; {aim}.")


_MONTH_WORDS: dict[bytes, tuple[int, str]] = {}
for _number, _names in enumerate((
        ("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"),
        ("may", "may"), ("jun", "june"), ("jul", "july"), ("aug", "august"),
        ("sep", "september"), ("oct", "october"), ("nov", "november"), ("dec", "december")),
        start=1):
    _short, _long = _names
    _MONTH_WORDS[_short.encode()] = (_number, "month abbreviated")
    _MONTH_WORDS[_long.encode()] = (_number, "month in full")
_MONTH_WORDS[b"sept"] = (9, "month abbreviated")
_MONTH_WORDS[b"may"] = (5, "month")  # May is both: it fits either style
_SEASONS = frozenset((b"spring", b"summer", b"fall", b"autumn", b"winter"))
_YEAR_SHAPE = re.compile(rb"0000")  # a four-digit run in the figure shapes
_NUMERIC_BEFORE = re.compile(rb"(?<![\d/.])(\d{1,2})[/.](?:\d{1,2}[/.])?$")
_NOW_WORDS = (b"Present", b"Current", b"Today")
_RANGE_JOIN = re.compile(
    rb"\s*(?:-|\xe2\x80\x93|\xe2\x80\x94|to|through|until|thru)\s*$")  # - – — to


def _dates(raw: bytes, shape: bytes) -> list[tuple[int, int, str, tuple[int, int] | None]]:
    """Every date in some lines of text, in order: (start, end, style, (year, month)).

    Years are found in the figure shapes by a literal search for "0000"; the month, season or
    numeric month before a year is read from the few bytes in front of it.
    """
    out: list[tuple[int, int, str, tuple[int, int] | None]] = []
    for m in _YEAR_SHAPE.finditer(shape):
        start, end = m.span()
        if (start and shape[start - 1:start] == b"0") or shape[end:end + 1] == b"0":
            continue  # part of a longer number
        if shape[end:end + 1].isalpha() or (start and shape[start - 1:start].isalpha()):
            continue
        year = int(raw[start:end]) if raw[start:end].isdigit() else 0
        if not 1950 <= year <= 2099:
            continue
        before = raw[max(0, start - 16):start]
        numeric = _NUMERIC_BEFORE.search(before)
        if numeric:
            month = int(numeric.group(1))
            if 1 <= month <= 12:
                out.append((start - len(before) + numeric.start(), end, "numeric",
                            (year, month)))
            continue
        if before.endswith((b" ", b",")):
            head = before.rstrip(b" ,")
            word = head.rsplit(None, 1)[-1] if head else b""
            key = word.rstrip(b".").lower()
            month_style = _MONTH_WORDS.get(key)
            if month_style is not None and not word[:1].islower():
                out.append((start - len(before) + len(head) - len(word), end, month_style[1],
                            (year, month_style[0])))
                continue
            if key in _SEASONS:
                out.append((start - len(before) + len(head) - len(word), end, "season",
                            (year, 0)))
                continue
        out.append((start, end, "year only", (year, 0)))
    for word in _NOW_WORDS:
        for at in _occurrences(raw, word):
            out.append((at, at + len(word), "now", None))
    out.sort()
    return out


_MONTH_TOKENS: dict[bytes, str] = {}
for _word, (_, _style) in _MONTH_WORDS.items():
    for _form in (_word, _word.title(), _word.upper()):
        _MONTH_TOKENS[_form] = _style
_RANGE_SHAPE = re.compile(  # two years joined as a range, in the figure shapes
    rb"0000\s*(?:-|\xe2\x80\x93|\xe2\x80\x94|to|through|until|thru)\s*"
    rb"(?:[A-Za-z]{3,9}\.?,?\s+|0{1,2}[/.](?:0{1,2}[/.])?)?0000")
_MONTH_STYLES = ("month abbreviated", "month in full", "numeric")


def _date_signals(raw: bytes, shape: bytes) -> tuple[set[str], int, int]:
    """Quick signals for some lines: the month styles used, the four-digit runs, and the
    dates that carry a month. With one style and a month on every year, all is consistent."""
    tokens = raw.translate(_WORD_BREAKS).split()
    months = list(filter(_MONTH_TOKENS.__contains__, tokens))
    styles = {_MONTH_TOKENS[m] for m in months}
    numeric = shape.count(b"/0000") + shape.count(b".0000")
    if numeric:
        styles.add("numeric")
    styles.discard("month")
    return styles, shape.count(b"0000"), len(months) + numeric


def check_dates(f: _Facts) -> CheckResult:
    """Dates use one style throughout and every range runs forward.

    A quick pass counts month words and years; only when it sees two styles, or years without
    a month beside month dates, does the full pass read each date.
    """
    lines = f.lines
    experience, education = f.dated_experience, f.dated_education
    raw_lines = f.raw.split(b"\n")
    raw_x = b"\n".join(map(raw_lines.__getitem__, experience))
    raw_e = b"\n".join(map(raw_lines.__getitem__, education))
    shape_x, shape_e = raw_x.translate(_FIGURES), raw_e.translate(_FIGURES)
    styles_x, years_x, months_x = _date_signals(raw_x, shape_x)
    styles_e, years_e, _ = _date_signals(raw_e, shape_e)
    styles = styles_x | styles_e
    if len(styles) > 1 or (months_x and years_x > months_x):
        return _check_dates_fully(f)
    backwards = [lines[indexes[_line_of(raw, m.start())]].number
                 for raw, shape, indexes in ((raw_x, shape_x, experience),
                                             (raw_e, shape_e, education))
                 for m in _RANGE_SHAPE.finditer(shape)
                 if raw[m.end() - 4:m.end()] < raw[m.start():m.start() + 4]]
    if backwards:
        return _dates_result(f, [f"a date range runs backwards ({_numbers(backwards, 3)})"],
                             backwards)
    if not (years_x or years_e) and f.statements.numbers and b"Present" not in f.words:
        return _dates_result(f, [], [])
    used = ", ".join(sorted(styles)) if styles else "years"
    return _result("date-format", CONTENT, _PASS, f"Dates are consistent ({used}).")


def _dates_result(f: _Facts, problems: list[str], lines: list[int]) -> CheckResult:
    if not problems:
        return _result(
            "date-format", CONTENT, _WARN,
            "No dates found in experience or education.",
            "Give each role and degree its dates ('Jan 2020 – Present'); systems count years "
            "of experience from them.",
        )
    message = "; ".join(problems)
    return _result(
        "date-format", CONTENT, _WARN,
        message[0].upper() + message[1:] + ".",
        "Write every date the same way ('Jan 2020 – Mar 2022' throughout) with the earlier "
        "date first; systems work out your years of experience from them.",
        lines,
    )


def _check_dates_fully(f: _Facts) -> CheckResult:
    """Read every date: its style, whether it has a month, and the order of each range."""
    styles: dict[str, list[tuple[int, str]]] = {}
    reversed_ranges: list[int] = []
    experience_months = False
    experience_years: list[tuple[int, str]] = []
    dated = f.dated
    raw = "\n".join([f.lines[i].text for i in dated]).encode("utf-8", "replace")
    index = last = 0
    previous: tuple[int, int] | None = None
    previous_end = -1
    for start, end, style, when in _dates(raw, raw.translate(_FIGURES)):
        lines_passed = raw.count(b"\n", last, start)
        if lines_passed:
            index += lines_passed
            previous, previous_end = None, -1
        last = start
        line = f.lines[dated[index]]
        sample = raw[start:end].decode("utf-8", "replace")
        if style in _MONTH_STYLES:
            styles.setdefault(style, []).append((line.number, sample))
            if line.section is _X:
                experience_months = True
        elif style == "year only" and line.section is _X:
            experience_years.append((line.number, sample))
        joined_range = previous_end >= 0 and _RANGE_JOIN.match(raw[previous_end:start])
        if joined_range and previous is not None and when is not None:
            backwards = (when < previous if when[1] and previous[1] else when[0] < previous[0])
            if backwards:
                reversed_ranges.append(line.number)
        previous, previous_end = when, end
    problems: list[str] = []
    lines: list[int] = []
    month_styles = [s for s in _MONTH_STYLES if s in styles]
    if len(month_styles) > 1:
        examples = [f"'{styles[s][0][1]}' (line {styles[s][0][0]})" for s in month_styles]
        problems.append("dates mix styles: " + " and ".join(examples))
        major = max(month_styles, key=lambda s: len(styles[s]))
        lines += [n for s in month_styles if s != major for n, _ in styles[s]]
    if experience_months and experience_years:
        number, sample = experience_years[0]
        problems.append(f"some experience dates give only the year ('{sample}', line {number})")
        lines += [n for n, _ in experience_years]
    if reversed_ranges:
        problems.append(f"a date range runs backwards ({_numbers(reversed_ranges, 3)})")
        lines += reversed_ranges
    if problems:
        return _dates_result(f, problems, lines)
    used = ", ".join(month_styles) or ("years" if experience_years else "none found")
    return _result("date-format", CONTENT, _PASS, f"Dates are consistent ({used}).")


# Each buzzword: the words that reveal it (any form present), and the phrase to confirm.
_BUZZWORDS: tuple[tuple[str, tuple[str, ...], str], ...] = (
    ("team player", ("player", "players"), r"team[- ]players?"),
    ("hard-working", ("hard-working", "hardworking", "hard"), r"hard[- ]?working"),
    ("detail-oriented", ("detail-oriented", "oriented"), r"detail[- ]oriented"),
    ("results-driven", ("results-driven", "results-oriented", "driven", "oriented"),
     r"results?[- ](?:driven|oriented)"),
    ("go-getter", ("go-getter", "getter"), r"go[- ]getter"),
    ("self-starter", ("self-starter", "starter"), r"self[- ]starter"),
    ("think outside the box", ("box",), r"outside (?:of )?the box|out[- ]of[- ]the[- ]box"),
    ("synergy", ("synergy", "synergies", "synergistic", "synergize"),
     r"synerg(?:y|ies|istic|i[sz]e[sd]?)"),
    ("dynamic", ("dynamic",), r"dynamic(?![a-z])"),
    ("passionate", ("passionate",), r"passionate"),
    ("rockstar", ("rockstar", "rock", "star"), r"rock[- ]?star"),
    ("ninja", ("ninja",), r"ninja"),
    ("guru", ("guru",), r"guru"),
    ("best of breed", ("breed",), r"best[- ]of[- ]breed"),
    ("self-motivated", ("self-motivated", "motivated"), r"(?:self|highly)[- ]motivated"),
    ("proactive", ("proactive",), r"proactive"),
    ("go-to person", ("go-to",), r"go[- ]to (?:person|guy|gal)"),
    ("thought leader", ("thought",), r"thought[- ]leader(?:s|ship)?"),
    ("people person", ("person",), r"people[- ]person"),
    ("strategic thinker", ("thinker",), r"strategic thinker"),
    ("track record", ("track",), r"track record"),
    ("value add", ("value-add", "value-added", "add"), r"value[- ]add(?:ed|s)?"),
    ("game changer", ("game-changer", "changer"), r"game[- ]changer"),
    ("hit the ground running", ("ground",), r"hit the ground running"),
    ("wear many hats", ("hats",), r"many hats"),
    ("cutting-edge", ("cutting-edge", "cutting"), r"cutting[- ]edge"),
    ("world-class", ("world-class", "world"), r"world[- ]class"),
    ("seasoned professional", ("seasoned",), r"seasoned"),
    ("dependable", ("dependable",), r"dependable"),
    ("excellent communication skills", ("excellent",), r"excellent (?:written and verbal |verbal "
     r"and written |oral and written )?communication skills"),
    ("works well under pressure", ("pressure",), r"(?:well|thrives?) under pressure"),
    ("goal-oriented", ("goal-oriented", "oriented"), r"goal[- ]oriented"),
    ("fast learner", ("learner",), r"(?:fast|quick) learner"),
    ("move the needle", ("needle",), r"move the needle"),
)
_BUZZ_INDEX: dict[bytes, list[int]] = {}
for _i, (_label, _keys, _pattern) in enumerate(_BUZZWORDS):
    for _key in _variants(_keys):
        _BUZZ_INDEX.setdefault(_key, []).append(_i)
# Matched in the lower-cased text; whole words are checked by hand (a look-behind at the start
# would keep `re` from its fast literal search).
_BUZZ_PATTERNS = tuple(re.compile(p.encode() + rb"(?![a-z-])") for _, _, p in _BUZZWORDS)
_BUZZ_KEYS = _vocab(_BUZZ_INDEX)


def check_buzzwords(f: _Facts) -> CheckResult:
    """No overused buzzwords: reviewers skip them; results show the trait instead."""
    present = f.words & _BUZZ_KEYS
    found: list[str] = []
    lines: list[int] = []
    if present:
        for index in sorted({i for key in present for i in _BUZZ_INDEX[key]}):
            hits = f.lines_at(_BUZZ_PATTERNS[index], lower=True)
            if hits:
                found.append(_BUZZWORDS[index][0])
                lines += hits
    if not found:
        return _result("buzzwords", CONTENT, _PASS, "No overused buzzwords.")
    return _result(
        "buzzwords", CONTENT, _WARN,
        f"Overused buzzword{'s' if len(found) > 1 else ''} {_quote(found)} on "
        f"{_numbers(sorted(set(lines)))}.",
        "Show the trait with a result instead ('Cut missed follow-ups 40% by building a "
        "tracking sheet' rather than 'detail-oriented').",
        sorted(set(lines)),
    )


# ----------------------------------------------------------------------------------------------
# Healthcare: what care-manager resumes need

_LICENSES = ("RN", "LPN", "LVN", "APRN", "NP", "LCSW", "LCSW-C", "LCSW-R", "LMSW", "LSW", "LISW",
             "LISW-S", "LISW-CP", "LICSW", "LGSW", "LMFT", "LPC", "LPCC", "LMHC", "LCPC")
_CERTIFICATIONS = ("CCM", "ACM", "ACM-RN", "ACM-SW", "CMGT-BC", "RN-BC", "CPHQ", "CCRN", "CRRN",
                   "CDCES", "CHW", "C-SWCM", "C-ASWCM", "CMCN", "CPUR", "CPHM", "CMAC", "CHES")
_CREDENTIAL_TOKENS = _vocab(w.encode() for w in _LICENSES + _CERTIFICATIONS)
# Spelled-out credentials, found in the lower-cased line: fixed phrases by substring, the
# many "licensed ..." titles by a pattern that starts with its literal.
_SPELLED_FIXED = (
    ("registered nurse", "RN"), ("nurse practitioner", "NP"),
    ("certified case manager", "CCM"), ("accredited case manager", "ACM"),
    ("certified professional in healthcare quality", "CPHQ"),
    ("nursing case management certification", "CMGT-BC"),
)
_SPELLED_LICENSED = re.compile(
    r"licensed (?:(?:practical|vocational) nurse|"
    r"(?:(?:clinical|master|independent|graduate|bachelor|certified)\s+)*"
    r"(?:clinical )?social worker|(?:professional|mental health) counselor|"
    r"marriage and family therapist)")
_CREDENTIAL_SET = frozenset(_LICENSES + _CERTIFICATIONS)
_LINE_WORDS = re.compile(r"[^\w-]+")  # splits a line into words; "RN-BC", "LCSW-C" stay whole
_PENDING_WORDS = frozenset(("expected", "anticipated", "pending", "eligible", "candidate",
                            "scheduled", "progress", "sitting", "applied"))
_NCLEX_PENDING = re.compile(r"(?i)\bNCLEX(?:-RN|-PN)?\b")
# Credentials written with periods; each pattern runs only when its single letters are words.
_DOTTED = (
    (_vocab((b"R", b"N")), re.compile(rb"R\.\s?N\.")),
    (_vocab((b"L", b"P", b"N")), re.compile(rb"L\.\s?[PV]\.\s?N\.")),
    (_vocab((b"L", b"S", b"W")), re.compile(rb"L\.\s?[CM]\.\s?S\.\s?W\.")),
    (_vocab((b"C", b"M")), re.compile(rb"C\.\s?C\.\s?M\.")),
)
_LOWER_RN = re.compile(rb"rn(?<![\w.-]rn)(?![\w.-])")
_STATE_CODES = frozenset("""
AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM
NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY PR GU VI
""".split())
_STATE_WORDS = frozenset("""
alabama alaska arizona arkansas california colorado connecticut delaware columbia florida
georgia hawaii idaho illinois indiana iowa kansas kentucky louisiana maine maryland
massachusetts michigan minnesota mississippi missouri montana nebraska nevada hampshire jersey
mexico york carolina dakota ohio oklahoma oregon pennsylvania rhode tennessee texas utah vermont
virginia washington wisconsin wyoming puerto multistate multi-state compact nlc
""".split())


def _has_state(words: list[str]) -> bool:
    """True when a line's words name a US state (code or name) or a multistate licence."""
    return not _STATE_CODES.isdisjoint(words) or not _STATE_WORDS.isdisjoint(
        [w.lower() for w in words])


_TOP_LINES = 3


_SPELLED_SHORT = {
    "registered nurse": "RN", "licensed practical nurse": "LPN",
    "licensed vocational nurse": "LVN", "nurse practitioner": "NP",
    "licensed clinical social worker": "LCSW", "licensed master social worker": "LMSW",
    "licensed independent social worker": "LISW", "licensed social worker": "LSW",
    "licensed graduate social worker": "LGSW", "licensed bachelor social worker": "LBSW",
    "licensed independent clinical social worker": "LICSW", "certified case manager": "CCM",
    "accredited case manager": "ACM", "licensed professional counselor": "LPC",
    "licensed mental health counselor": "LMHC", "licensed marriage and family therapist": "LMFT",
    "certified professional in healthcare quality": "CPHQ",
    "nursing case management certification": "CMGT-BC",
}


def _credentials(words: list[str], lowered: str) -> list[str]:
    """The credentials a line names (its words, and its text in lower case), as
    abbreviations (RN, LCSW, CCM...)."""
    found = [w for w in words if w in _CREDENTIAL_SET]
    found += [short for phrase, short in _SPELLED_FIXED if phrase in lowered]
    if "licensed " in lowered:
        for m in _SPELLED_LICENSED.finditer(lowered):
            spelled = " ".join(m.group(0).split())
            found.append(_SPELLED_SHORT.get(spelled, spelled.title()))
    return list(dict.fromkeys(found))


def _is_licence(name: str) -> bool:
    """True for a state-issued licence (RN, LCSW...), not a national certification (CCM)."""
    return name in _LICENSES or name.lower().startswith("licensed")


_SPELLED_PHRASES = tuple((_variants((key,)), phrase) for key, phrase in (
    ("registered", b"registered nurse"), ("licensed", b"licensed"),
    ("practitioner", b"nurse practitioner"), ("certified", b"certified case manager"),
    ("accredited", b"accredited case manager"),
    ("certified", b"certified professional in healthcare quality")))
_NCLEX_KEYS = _vocab(w.encode() for w in ("NCLEX", "NCLEX-RN", "NCLEX-PN", "nclex"))


def check_licensure(f: _Facts) -> CheckResult:
    """Licences and certifications are listed where reviewers look, written the standard way.

    Lines that name a credential are found by look-ups and substring searches; those in the
    Licenses & Certifications section, the first lines and the header are read first, and
    the rest (mentions in passing) only when those hold no credential.
    """
    words = f.words
    raw = f.raw
    candidates: set[int] = set()
    for token in words & _CREDENTIAL_TOKENS:
        candidates.update(f.word_lines(token))
    for keys, phrase in _SPELLED_PHRASES:
        if not words.isdisjoint(keys):
            candidates.update(f.word_lines(phrase, f.low))
    nclex = not words.isdisjoint(_NCLEX_KEYS)
    if nclex:
        candidates.update(f.index_at(m.start()) for m in re.finditer(rb"NCLEX", raw))
    top = set()
    for line in f.lines:
        if line.source is not Source.HEADER:
            top.add(line.number)
            if len(top) == _TOP_LINES:
                break
    naming = [f.lines[i] for i in sorted(candidates)]
    prime = [ln for ln in naming if ln.section is _L or ln.number in top
             or ln.source is Source.HEADER]
    held: list[tuple[Line, list[str]]] = []
    pending: list[tuple[Line, list[str]]] = []
    passing: list[tuple[Line, list[str]]] = []
    stateless: list[int] = []  # licences in the section without their state
    for group in (prime, [ln for ln in naming if ln not in prime]):
        if held:
            break
        for line in group:
            if line.heading:
                continue
            text = line.text
            lowered = text.lower()
            line_words = _LINE_WORDS.split(text)
            names = _credentials(line_words, lowered)
            waiting = any(word in lowered for word in _PENDING_WORDS) and not (
                _PENDING_WORDS.isdisjoint(_LINE_WORDS.split(lowered)))
            if nclex and waiting and _NCLEX_PENDING.search(text):
                names.append("NCLEX")
            if not names:
                continue
            if waiting:
                pending.append((line, names))
            elif group is prime:
                held.append((line, names))
                if (line.section is _L and any(map(_is_licence, names))
                        and not _has_state(line_words)):
                    stateless.append(line.number)
            else:
                passing.append((line, names))
    odd: list[str] = []
    odd_lines: list[int] = []
    dotted = [n for keys, pattern in _DOTTED if keys <= words for n in f.lines_at(pattern)]
    if dotted:
        odd.append("written with periods ('R.N.')")
        odd_lines += dotted
    if b"rn" in words and _LOWER_RN.search(raw):  # (registered below)
        odd.append("written in lower case ('rn')")
        odd_lines += f.lines_at(_LOWER_RN)
    if stateless:
        odd.append("a licence is given without the issuing state")
        odd_lines += stateless
    note = ""
    if pending:
        names = list(dict.fromkeys(n for _, ns in pending for n in ns))
        note = (f" {_quote(names, 3)} marked pending or expected "
                f"({_numbers(ln.number for ln, _ in pending)}): not yet held.")
    fix = "List each licence as 'Registered Nurse (RN), State of Ohio, License #…'."
    if held:
        names = list(dict.fromkeys(n for _, ns in held for n in ns))
        lines = [ln.number for ln, _ in held]
        if odd:
            return _result(
                "licensure", HEALTHCARE, _WARN,
                f"Credentials {_quote(names)} found, but {'; '.join(odd)} "
                f"({_numbers(odd_lines)}).{note}",
                fix, odd_lines,
            )
        return _result("licensure", HEALTHCARE, _PASS,
                       f"Credentials listed: {_quote(names)} ({_numbers(lines)}).{note}")
    if passing:
        names = list(dict.fromkeys(n for _, ns in passing for n in ns))
        lines = [ln.number for ln, _ in passing]
        extra = f" Also {'; '.join(odd)} ({_numbers(odd_lines)})." if odd else ""
        return _result(
            "licensure", HEALTHCARE, _WARN,
            f"{_quote(names)} appear{'s' if len(names) == 1 else ''} only in passing "
            f"({_numbers(lines)}), not in a Licenses & Certifications section or after your "
            f"name.{extra}{note}",
            fix + " Put it under a Licenses & Certifications heading and after your name.",
            lines + odd_lines,
        )
    if pending:
        return _result(
            "licensure", HEALTHCARE, _PASS,
            f"No licence held yet:{note} Keep the expected date on it until you pass.",
        )
    extra = f" Credentials are {'; '.join(odd)} ({_numbers(odd_lines)})." if odd else ""
    return _result(
        "licensure", HEALTHCARE, _WARN,
        "No licence or certification found (RN, LPN, LCSW, LMSW, LSW, CCM, ACM...); most "
        f"care-manager postings ask for one.{extra}",
        fix + " Still in school? List it with 'expected' and the date.",
        odd_lines,
    )


_EHR_NAMES = (
    "Epic", "EPIC", "EpicCare", "Cerner", "CERNER", "PowerChart", "Meditech", "MEDITECH",
    "Allscripts", "Veradigm", "athenahealth", "Athenahealth", "athenaOne", "athenaClinicals",
    "eClinicalWorks", "eCW", "NextGen", "Nextgen", "PointClickCare", "Netsmart", "NetSmart",
    "myAvatar", "myEvolv", "MatrixCare", "WellSky", "HCHB", "Kareo", "AdvancedMD", "DrChrono",
    "drchrono", "Greenway", "Intergy", "VistA", "CPRS", "AHLTA", "Credible", "Qualifacts",
    "CareLogic", "TherapyNotes", "SimplePractice", "Altera", "MEDHOST", "Medhost", "CPSI",
    "TruBridge", "Centricity", "eMDs", "GuidingCare", "TruCare", "Essette", "Jiva", "Medecision",
    "Aerial", "Homecare", "Kinnser", "Axxess", "CareCloud", "ChartLogic", "Practice",
    "Oracle", "Amazing", "MHS", "Health",
)
_EHR_PHRASES = {
    b"Practice": rb"Practice Fusion", b"Oracle": rb"Oracle (?:Health|Cerner)",
    b"Amazing": rb"Amazing Charts", b"MHS": rb"MHS GENESIS|MHS Genesis",
    b"Health": rb"Salesforce Health Cloud", b"Homecare": rb"Homecare Homebase",
}
_EHR_TOKENS = _vocab(n.encode() for n in _EHR_NAMES)
_GENERIC_EHR = _vocab(w.encode() for w in (
    "EHR", "EMR", "EHRs", "EMRs", "ehr", "emr", "EHR's", "EMR's"))
_GENERIC_EHR_KEYS = _variants(("electronic",))
_GENERIC_EHR_PHRASE = re.compile(rb"(?i)electronic (?:health|medical|patient) records?")


def check_ehr(f: _Facts) -> CheckResult:
    """The resume names the EHR systems the person has used (Epic, Cerner...)."""
    words = f.words
    named: dict[str, int] = {}
    for token in sorted(words & _EHR_TOKENS):
        phrase = _EHR_PHRASES.get(token)
        if phrase is not None:
            m = re.search(phrase, f.raw)
            if m:
                named[m.group(0).decode()] = f.lines[f.index_at(m.start())].number
            continue
        number = f.find_word(token)
        if number is not None:
            named[token.decode()] = number
    if named:
        return _result("ehr-systems", HEALTHCARE, _PASS,
                       f"EHR systems named: {', '.join(named)} ({_numbers(named.values())}).")
    generic = [n for t in sorted(words & _GENERIC_EHR) if (n := f.find_word(t)) is not None]
    if not words.isdisjoint(_GENERIC_EHR_KEYS):
        generic += f.lines_at(_GENERIC_EHR_PHRASE)
    fix = ("Name the systems you have used, e.g. 'Epic (EpicCare Ambulatory, Healthy Planet)', "
           "'Cerner PowerChart', 'PointClickCare'; postings search for them by name.")
    if generic:
        return _result(
            "ehr-systems", HEALTHCARE, _WARN,
            f"An EHR is mentioned only generically ({_numbers(generic)}), without the "
            "system's name.",
            fix, generic,
        )
    return _result("ehr-systems", HEALTHCARE, _WARN,
                   "No electronic health record system is named (Epic, Cerner, Meditech...).",
                   fix)


# Patient privacy. A literal starts each pattern, so that `re` finds candidates with a fast
# substring search; each runs only when the word set holds its key words.
_NAME_AFTER = (rb"s?[ \t]+(?:named[ \t]+|called[ \t]+)?((?:(?:Mr|Mrs|Ms|Miss|Mx)\.?[ \t]+)?"
               rb"[A-Z][a-z'-]+(?:[ \t]+[A-Z][a-z'-]+)?|[A-Z]\.[ \t]?[A-Z]\.)")
_TRIGGERS = tuple(
    (_variants((word, word + "s")), word[0].encode(), re.compile(word[1:].encode() + _NAME_AFTER))
    for word in ("patient", "client", "member", "resident"))
_TRIGGER_KEYS = _variants(("patient", "patients", "client", "clients", "member", "members",
                           "resident", "residents"))
# Words that follow "Patient", "Client", "Member" or "Resident" in job titles, departments,
# programmes and measures, and proper nouns of the trade that are not people.
_NOT_NAMES = frozenset(w.encode() for w in """
care navigator navigation advocate advocacy satisfaction experience access safety services
service relations education engagement liaison coordinator coordination representative intake
portal outcomes outcome flow registration financial accounts account assistant council
committee family families advisory centered centred information records record transport
transportation support rights technician placement scheduling throughput success retention
outreach enrollment enrolment benefits health programs program affairs days day
identification handoff handoffs monitoring assessment assessments counselor specialist
associate manager management nurse aide companion ambassador escort sitter observer
registrar partner partners life home homes hub center centre unit units tracking tracker
journey voice first focus centric medicare medicaid advantage epic mychart spanish english
hispanic latino american african asian veterans veteran ohio texas california florida new
york state county population populations panel panels census grievances grievance appeals
appeal eligibility data quality reported risk plan plans id identifier onboarding ombudsman
triage telehealth protection privacy confidentiality trust funds fund assistance services
relationship relationships communication communications success acquisition mix volume
volumes load loads lists list roster rosters surveys survey feedback scheduler schedulers
registrar transporter educator interpreter translator volunteer supervisor director lead
analyst auditor recruiter trainer consultant attendant press ganey covid salesforce tele
humana aetna cigna anthem unitedhealthcare united kaiser molina centene caresource medica
optum tricare wellcare amerigroup ambetter bcbs blue cross shield highmark elevance
monday tuesday wednesday thursday friday saturday sunday january february march april may
june july august september october november december
alabama alaska arizona arkansas colorado connecticut delaware georgia hawaii idaho illinois
indiana iowa kansas kentucky louisiana maine maryland massachusetts michigan minnesota
mississippi missouri montana nebraska nevada hampshire jersey mexico carolina dakota
oklahoma oregon pennsylvania rhode tennessee utah vermont virginia washington wisconsin
wyoming north south west east central
""".split())
_HONORIFIC = re.compile(rb"M(?:r|rs|s|iss)\.?[ \t]+[A-Z][a-z'-]+")
_HONORIFIC_KEYS = _vocab(w.encode() for w in ("Mr", "Mrs", "Ms", "Miss"))
_CARE_CONTEXT = re.compile(
    r"(?i)patient|client|member|resident|admitted|discharged|diagnosed|bedside|room|bed\b")
_MRN = (
    (_vocab((b"MRN", b"mrn", b"Mrn", b"MRNs")), re.compile(rb"mrn[ \t]*(?:#|no\.?|number)?"
                                                             rb"[ \t]*[:#]?[ \t]*\d{4,}")),
    (_vocab((b"MR#", b"MR", b"Mr#", b"mr#")), re.compile(rb"mr[ \t]*#[ \t]*:?[ \t]*\d{4,}")),
    (_variants(("record",)), re.compile(
        rb"medical record (?:number|no\.?|#)[ \t]*[:#]?[ \t]*\d{4,}")),
)
_DOB = (
    (_variants(("dob",)), re.compile(rb"dob[ \t]*[:#-]?[ \t]*\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}")),
    (_vocab((b"B", b"b")), re.compile(
        rb"d\.o\.b\.?[ \t]*[:#-]?[ \t]*\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}")),
    (_variants(("birth", "birthdate", "born")), re.compile(
        rb"b(?:irth[ \t]?date|orn(?: on)?|irth)[ \t]*[:#-]?[ \t]*(?:\d{1,2}[/.-]\d{1,2}[/.-]"
        rb"\d{2,4}|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?[ \t]+\d{1,2},?"
        rb"[ \t]+\d{4})")),
    (_variants(("date",)), re.compile(
        rb"date of birth[ \t]*[:#-]?[ \t]*(?:\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|"
        rb"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?[ \t]+\d{1,2},?"
        rb"[ \t]+\d{4})")),
)
_SSN = re.compile(rb"000-00-0000")  # in the figure shapes, where every digit is "0"
_SSN_WORDS = (
    (_variants(("ssn",)), re.compile(rb"ssn[ \t]*[:#]?[ \t]*\d{3}[ \t-]?\d{2}[ \t-]?\d{4}")),
    (_variants(("security",)), re.compile(
        rb"social security (?:number|no\.?|#)?[ \t]*[:#]?[ \t]*\d{3}[ \t-]?\d{2}[ \t-]?\d{4}")),
)
_ROOM = (
    (_variants(("room", "rooms")), re.compile(rb"room[ \t]*#?[ \t]*\d{1,4}[a-z]?(?![\w])")),
    (_variants(("bed", "beds")), re.compile(rb"bed[ \t]*#?[ \t]*\d{1,4}[a-z]?(?![\w])")),
    (_variants(("rm",)), re.compile(rb"rm\.?[ \t]*#?[ \t]*\d{1,4}[a-z]?(?![\w])")),
)
_NAME_PAIR = re.compile(rb"[A-Z][a-z'-]+[ \t]+[A-Z][a-z'-]+")


def check_privacy(f: _Facts) -> CheckResult:
    """No patient-identifying details (names, record numbers, birth dates) on the resume."""
    raw = f.raw
    words = f.words
    found: dict[int, set[str]] = {}
    low: bytes | None = None

    def note(offset: int, kind: str) -> None:
        found.setdefault(f.index_at(offset), set()).add(kind)

    def scan(table: tuple[tuple[frozenset[bytes], re.Pattern[bytes]], ...], kind: str,
             *, extra: Callable[[int], bool] | None = None) -> None:
        nonlocal low
        for keys, pattern in table:
            if words.isdisjoint(keys):
                continue
            low = raw.lower() if low is None else low
            for m in pattern.finditer(low):
                if m.start() and low[m.start() - 1:m.start()].isalpha():
                    continue
                if extra is None or extra(m.start()):
                    note(m.start(), kind)

    if not words.isdisjoint(_TRIGGER_KEYS):
        known = _known_words()
        for keys, first, pattern in _TRIGGERS:
            if words.isdisjoint(keys):
                continue
            for m in pattern.finditer(raw):
                at = m.start() - 1
                if at < 0 or raw[at:at + 1].lower() != first:
                    continue
                if at and raw[at - 1:at].isalpha():
                    continue  # outpatient, inpatient, president, remembers
                if _names_person(m.group(1), known):
                    note(m.start(), "names a patient")
    scan(_MRN, "holds a medical record number")
    scan(_DOB, "holds a date of birth")
    scan(_SSN_WORDS, "holds a Social Security number")
    shape = f.shape
    for m in _SSN.finditer(shape):
        before, after = shape[m.start() - 1:m.start()], shape[m.end():m.end() + 1]
        if not (before in (b"0", b"-") or after in (b"0", b"-")) and raw[
                m.start():m.end()].replace(b"-", b"").isdigit():
            note(m.start(), "holds a Social Security number")
    scan(_ROOM, "gives a room or bed with a name", extra=lambda at: _room_has_name(f, at))
    if not words.isdisjoint(_HONORIFIC_KEYS):
        for m in _HONORIFIC.finditer(raw):
            line = f.lines[f.index_at(m.start())]
            if line.section is not _C and _CARE_CONTEXT.search(line.text):
                note(m.start(), "names a patient")
    if not found:
        return _result("patient-privacy", HEALTHCARE, _PASS,
                       "No patient-identifying details found.")
    order = sorted(found)
    numbers = [f.lines[i].number for i in order]
    details = "; ".join(
        f"line {f.lines[i].number} looks like it {' and '.join(sorted(found[i]))}"
        for i in order[:5])
    more = f"; and {len(order) - 5} more lines" if len(order) > 5 else ""
    return _result(
        "patient-privacy", HEALTHCARE, _WARN,
        f"Possible protected health information: {details}{more}.",
        "Describe patients only in aggregate ('45 adults with heart failure'); never put PHI "
        "on a resume.",
        numbers,
    )


def _room_has_name(f: _Facts, offset: int) -> bool:
    """True when the line holding a room or bed number also names someone."""
    line = f.lines[f.index_at(offset)].text.encode("utf-8", "replace")
    if _HONORIFIC.search(line):
        return True
    known = _known_words()
    return any(_names_person(m.group(0), known) for m in _NAME_PAIR.finditer(line)
               if m.start() > 0)


def _names_person(candidate: bytes, known: frozenset[bytes]) -> bool:
    """True when words after 'patient' (or beside a room number) read as a person's name: not
    a title, department, programme, payer, place or day, and at least one word that is not an
    English word."""
    words = candidate.split()
    if not words:
        return False
    if len(words) == 2 and words[0].endswith(b".") and len(words[0]) == 2:
        return True  # initials: "J. S."
    if re.fullmatch(rb"[A-Z]\.[A-Z]\.", words[0]):
        return True
    if words[0].rstrip(b".") in _HONORIFIC_KEYS or words[0].rstrip(b".") == b"Mx":
        return len(words) > 1 and words[1].split(b"'")[0].lower() not in _NOT_NAMES
    parts = [part for word in words for part in word.split(b"'")[0].lower().split(b"-") if part]
    if not parts or any(part in _NOT_NAMES for part in parts):
        return False
    return any(part not in known for part in parts)


# ----------------------------------------------------------------------------------------------
# The registry

_vocab((b"rn", b"Present"))
_ALL_KEYS = frozenset(_KEYS)

CHECKS: tuple[Check, ...] = (
    check_text_amount, check_sections, check_contact, check_text_boxes, check_tables,
    check_columns, check_images, check_headings, check_garbled, check_fonts, check_file_name,
    check_file_type,
    check_results, check_action_verbs, check_pronouns, check_length, check_dates,
    check_buzzwords,
    check_licensure, check_ehr, check_privacy,
)
"""Every check, in report order: parse health, content, healthcare."""


def run_checks(resume: ResumeText, level: Level | None = None) -> tuple[CheckResult, ...]:
    """Run every check on a resume.

    Args:
        resume: the resume as read by tailor.extract.
        level: the career level the resume targets; None means the care-manager rules. The
            level decides the length target and whether 'assisted with' counts as weak.

    Returns:
        One CheckResult per check, always the same ids in the same order.
    """
    facts = _Facts(resume, level)
    return tuple(check(facts) for check in CHECKS)
