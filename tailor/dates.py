"""Dates and date ranges as people write them on resumes: "March 2021 – Present", "2018-2021"...

Reading rules, in short:

* A month ("Mar. 2021", "03/2021", "2021-03", "March 3, 2021") has month precision.
* A season has season precision and covers the season's months: spring March–May, summer
  June–August, fall/autumn September–November, winter January–February of the named year
  (resumes write "Winter 2023" for the term that starts in January 2023; a winter that starts
  in December is written "Winter 2022–23" or "Dec 2022"). So "Summer 2023" is June–August 2023
  and "Fall 2022 – Spring 2024" is September 2022 to May 2024.
* A year alone has year precision and covers the whole year: as a start it means January, as
  an end December. "2018 – 2021" is January 2018 to December 2021, and a single "2020" is the
  twelve months of 2020. Callers that total experience can discount ranges whose
  `approximate` is true.
* "Present", "Current", "Now", "to date", "ongoing", "Since 2015", "2015 onward" are open
  ranges: `present` is true and `end` is None; `months()` counts up to the `today` it is given.
* "May 2026 (expected)", "Expected May 2026", "anticipated" set `expected`.
* Two-digit years ("Jun '19", "06/19 – 02/21") are read as 1950–2049 and flagged.
* "2018-19" and "2018–21" are ranges of years (academic years); "2018-06" is June 2018.

Nothing here raises on odd input: text that holds no date gives None or no ranges, and
suspicious ranges carry `problems` ("reversed", "future", "month out of range", "two-digit
year", "expected date has passed") for the caller to warn about. Nothing reads the clock:
functions that need the date take a `today` argument.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from functools import lru_cache

__all__ = [
    "DateRange",
    "Precision",
    "YearMonth",
    "find_ranges",
    "iso_range",
    "latest_first",
    "months",
    "overlaps",
    "parse_iso",
    "parse_range",
    "range_problems",
    "total_months",
]

MIN_YEAR = 1950
MAX_YEAR = 2099

REVERSED = "reversed"
FUTURE = "future"
MONTH_OUT_OF_RANGE = "month out of range"
TWO_DIGIT_YEAR = "two-digit year"
EXPECTED_PASSED = "expected date has passed"


class Precision(StrEnum):
    """How exactly a date was written."""

    MONTH = "month"
    SEASON = "season"
    YEAR = "year"


@dataclass(frozen=True, slots=True)
class YearMonth:
    """A month of a year, and how precisely the resume gave it.

    Attributes:
        year: four-digit year.
        month: 1-12. For a season or a year alone this is the first month the date covers when
            it starts a range and the last when it ends one (see the module notes).
        precision: month, season or year.
    """

    year: int
    month: int
    precision: Precision = Precision.MONTH

    @property
    def key(self) -> tuple[int, int]:
        """(year, month), for comparing and sorting."""
        return (self.year, self.month)

    @property
    def index(self) -> int:
        """Months since the start of year 0: differences give lengths in months."""
        return self.year * 12 + self.month - 1

    def iso(self) -> str:
        """"2021-03", or "2021" for a year alone."""
        if self.precision is Precision.YEAR:
            return f"{self.year:04d}"
        return f"{self.year:04d}-{self.month:02d}"

    def __lt__(self, other: YearMonth) -> bool:
        return self.key < other.key

    def __le__(self, other: YearMonth) -> bool:
        return self.key <= other.key

    def __gt__(self, other: YearMonth) -> bool:
        return self.key > other.key

    def __ge__(self, other: YearMonth) -> bool:
        return self.key >= other.key


@dataclass(frozen=True, slots=True)
class DateRange:
    """A date or date range as written on a resume.

    Attributes:
        start: the first month the range covers.
        end: the last month it covers; None when it runs to the present.
        present: True for "– Present", "Since 2015" and the like.
        expected: True for a future or expected date ("May 2026 (expected)").
        single: True when one date was written rather than a range ("Sept 2019", "2020");
            start and end then cover that month, season or year.
        text: the text it was read from, as written.
        problems: what looks wrong, for the caller to warn about: "reversed" (end before
            start), "future" (after the `today` given), "month out of range" ("13/2020", read
            as the year), "two-digit year" ("'19"), "expected date has passed".
    """

    start: YearMonth
    end: YearMonth | None
    present: bool = False
    expected: bool = False
    single: bool = False
    text: str = ""
    problems: tuple[str, ...] = ()

    @property
    def approximate(self) -> bool:
        """True when a start or end was given as a season or a year, not a month."""
        ends = (self.start,) if self.end is None else (self.start, self.end)
        return any(ym.precision is not Precision.MONTH for ym in ends)

    def end_or(self, today: date) -> YearMonth:
        """The end month, or `today`'s month for a range that runs to the present."""
        if self.end is not None:
            return self.end
        return YearMonth(today.year, today.month, Precision.MONTH)

    def sort_key(self) -> tuple[int, int, int]:
        """Most recent first when sorted in reverse: current ranges, then by end, then start."""
        end = self.end.index if self.end is not None else 10**6
        return (1 if self.present else 0, end, self.start.index)


# ----------------------------------------------------------------------------------------------
# Vocabulary

_MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4,
    "april": 4, "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8,
    "sep": 9, "sept": 9, "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11,
    "dec": 12, "december": 12,
}
_SEASONS = {
    "spring": (3, 5), "summer": (6, 8), "fall": (9, 11), "autumn": (9, 11), "winter": (1, 2),
}

_MON = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
        r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)")
_YEAR4 = r"(?:19[5-9]\d|20\d\d)"
_YY = r"(?<![\w'])'\d{2}"  # normalize_line turns typographic apostrophes into "'"
_YEAR = rf"(?:{_YEAR4}|{_YY})"

_DIGIT = re.compile(r"\d")
_POINT = re.compile(
    "|".join((
        # March 2021, Mar. 2021, March 3, 2021, Mar-2021, Jun '19
        rf"(?P<mon>\b{_MON})(?![a-z])\.?(?:\s+\d{{1,2}}(?:st|nd|rd|th)?(?![\d/]))?"
        rf"[\s,/-]*(?P<mon_y>{_YEAR})(?!\d)",
        # Summer 2023, Fall semester 2022
        r"(?P<season>\b(?:spring|summer|fall|autumn|winter))(?:\s+(?:semester|term|quarter|"
        rf"session))?,?\s+(?P<season_y>{_YEAR})(?!\d)",
        # 06/2018, 6/2018, 03/15/2021, 15.06.2018, 06-2018
        r"(?<![\d/.$#])(?P<num_m>\d{1,2})(?:(?P<num_sep>[/.-])(?P<num_d>\d{1,2}))?[/.-]"
        rf"(?P<num_y>{_YEAR4})(?![\d/])",
        # 2018-06, 2018-06-15, 2018-19, 2018–21 (decided in code)
        rf"(?<![\d/.\-$#])(?P<pair_y>{_YEAR4})(?P<pair_sep>\s?[-–/]\s?)(?P<pair_n>\d{{2}})"
        r"(?:-(?P<pair_d>\d{2}))?(?![\d%/.]\d|\d|%)",
        # 06/19 (only inside a range)
        r"(?<![\d/.$#])(?P<weak_m>\d{1,2})/(?P<weak_y>\d{2})(?![\d/%])",
        # 2020, '19
        rf"(?<![\d$#.,/])(?<!\b\d{{3}}-)(?P<year>{_YEAR})(?![\d%]|[.,]\d)",
    )),
    re.IGNORECASE,
)
_SEP = re.compile(
    r"\s*(?:-{1,2}|[–—‒―~]|→|->|\bto\b|\bthrough\b|\bthru\b|\buntil\b|\btill\b|\btil\b)\s*",
    re.IGNORECASE,
)
_PRESENT = re.compile(
    r"(?:present(?:\s+day)?|current(?:ly)?|now|today|ongoing|to\s+date|date|pres\b\.?)\b",
    re.IGNORECASE,
)
_ONWARD = re.compile(r"\s*(?:onwards?|and\s+(?:on|ongoing))\b", re.IGNORECASE)
_SINCE = re.compile(r"\b(?:since|starting|started|beginning)\s*:?\s*$", re.IGNORECASE)
_FROM = re.compile(r"\bfrom\s*:?\s*$", re.IGNORECASE)
_EXPECTED_AFTER = re.compile(
    r"\s*[(\[]?\s*(?:expected|anticipated|projected|in\s+progress)\s*[)\]]?",
    re.IGNORECASE,
)
_EXPECTED_BEFORE = re.compile(
    r"\b(?:expected|anticipated|projected)(?:\s+(?:graduation|completion|date|grad\.?))?"
    r"\s*(?:date)?\s*:?\s*(?:in\s+)?$",
    re.IGNORECASE,
)
_LOOK_BACK = 48  # characters before a date searched for "Since", "from", "Expected"
# What may surround a date that parse_range still reads as "only a date".
_WRAPPING = re.compile(r"^[\s(\[{:,;|•·*–—-]+|[\s)\]}:,;.|•·*–—-]+$")
_LEAD_WORDS = re.compile(
    r"^(?:dates?|from|since|starting|started|graduated|graduation|completed|conferred|awarded|"
    r"issued|expires?|expiring|expiration|exp\.?|expected|anticipated|class\s+of|in)\b\s*:?\s*",
    re.IGNORECASE,
)


# ----------------------------------------------------------------------------------------------
# Points: one date each


@dataclass(frozen=True, slots=True)
class _Point:
    start: int  # character span in the text
    end: int
    first: YearMonth  # the date as the start of a range
    last: YearMonth  # the date as the end of a range
    problems: tuple[str, ...] = ()
    weak: bool = False  # only a date inside a range ("06/19")
    whole: bool = False  # already a range by itself ("2018-19")


def _year(text: str) -> tuple[int, bool]:
    """A year token as a number, and whether it had two digits ("'19" → 2019, True)."""
    digits = text.lstrip("'")
    if len(digits) == 2:
        value = int(digits)
        return (2000 + value if value < 50 else 1900 + value), True
    return int(digits), False


def _point(m: re.Match[str]) -> _Point | None:
    g = m.groupdict()
    problems: list[str] = []
    if g["mon"] is not None:
        year, short = _year(g["mon_y"])
        month = _MONTHS.get(g["mon"].lower().rstrip("."), 0)
        if not month:
            return None
        problems += [TWO_DIGIT_YEAR] if short else []
        ym = YearMonth(year, month, Precision.MONTH)
        return _Point(m.start(), m.end(), ym, ym, tuple(problems))
    if g["season"] is not None:
        year, short = _year(g["season_y"])
        first, last = _SEASONS[g["season"].lower()]
        problems += [TWO_DIGIT_YEAR] if short else []
        return _Point(m.start(), m.end(), YearMonth(year, first, Precision.SEASON),
                      YearMonth(year, last, Precision.SEASON), tuple(problems))
    if g["num_y"] is not None:
        year = int(g["num_y"])
        month = int(g["num_m"])
        if g["num_d"] is not None and month > 12 and 1 <= int(g["num_d"]) <= 12:
            month = int(g["num_d"])  # 15/06/2018: day first
        if 1 <= month <= 12:
            ym = YearMonth(year, month, Precision.MONTH)
            return _Point(m.start(), m.end(), ym, ym)
        return _Point(m.start(), m.end(), YearMonth(year, 1, Precision.YEAR),
                      YearMonth(year, 12, Precision.YEAR), (MONTH_OUT_OF_RANGE,))
    if g["pair_y"] is not None:
        return _pair(m, g)
    if g["weak_y"] is not None:
        month = int(g["weak_m"])
        if not 1 <= month <= 12:
            return None
        year, _ = _year("'" + g["weak_y"])
        ym = YearMonth(year, month, Precision.MONTH)
        return _Point(m.start(), m.end(), ym, ym, (TWO_DIGIT_YEAR,), weak=True)
    year, short = _year(g["year"])
    if not MIN_YEAR <= year <= MAX_YEAR:
        return None
    return _Point(m.start(), m.end(), YearMonth(year, 1, Precision.YEAR),
                  YearMonth(year, 12, Precision.YEAR), (TWO_DIGIT_YEAR,) if short else ())


def _pair(m: re.Match[str], g: dict[str, str | None]) -> _Point:
    """"2018-19" / "2018–21" (a range of years), "2018-06" or "2018-06-15" (a month)."""
    year = int(g["pair_y"] or 0)
    number = int(g["pair_n"] or 0)
    sep = g["pair_sep"] or ""
    century = year - year % 100
    following = century + number if number > year % 100 else century + 100 + number
    iso_shape = sep == "-" and 1 <= number <= 12 and len(g["pair_n"] or "") == 2
    academic = 0 < following - year <= 30 and g["pair_d"] is None
    if academic and not (iso_shape and following - year > 1 and number <= 12):
        first = YearMonth(year, 1, Precision.YEAR)
        last = YearMonth(following, 12, Precision.YEAR)
        return _Point(m.start(), m.end(), first, last, whole=True)
    if iso_shape:
        ym = YearMonth(year, number, Precision.MONTH)
        return _Point(m.start(), m.end(), ym, ym)
    # Neither: just the year; the rest is some other number.
    end = m.start() + 4
    return _Point(m.start(), end, YearMonth(year, 1, Precision.YEAR),
                  YearMonth(year, 12, Precision.YEAR))


def _points(text: str) -> list[_Point]:
    out: list[_Point] = []
    for m in _POINT.finditer(text):
        point = _point(m)
        if point is not None:
            out.append(point)
    return out


# ----------------------------------------------------------------------------------------------
# Ranges


def _problems(start: YearMonth, end: YearMonth | None, *extra: Iterable[str]) -> tuple[str, ...]:
    found: list[str] = []
    for group in extra:
        found += [p for p in group if p not in found]
    if end is not None and end < start:
        found.insert(0, REVERSED)
    return tuple(found)


def find_ranges(text: str) -> list[tuple[DateRange, int, int]]:
    """Every date and date range in a line of text, left to right, with character spans.

    Args:
        text: any text; it is never an error.

    Returns:
        (range, start, end) for each date or range, where text[start:end] is what was read
        (including "Since", "(expected)" and the like). Lone two-digit numeric dates ("06/19")
        count only inside a range. Problems needing today's date ("future") are not set; see
        `range_problems`.
    """
    if not isinstance(text, str) or not text or _DIGIT.search(text) is None:
        return []  # every date has a number in it
    return list(_ranges(text))


@lru_cache(maxsize=1024)
def _ranges(text: str) -> tuple[tuple[DateRange, int, int], ...]:
    """find_ranges' work, remembered: a resume's dated lines are read by several steps (entry
    splitting, prose tests, readiness), and its ranges are immutable."""
    points = _points(text)
    out: list[tuple[DateRange, int, int]] = []
    index = 0
    while index < len(points):
        point = points[index]
        start_at, end_at = point.start, point.end
        first, last = point.first, point.last
        end: YearMonth | None = last
        present = False
        problems: list[str] = list(point.problems)
        used = 1
        nxt = points[index + 1] if index + 1 < len(points) else None
        between = text[point.end:nxt.start] if nxt is not None else ""
        if (not point.whole and nxt is not None and not nxt.whole
                and _SEP.fullmatch(between) is not None):
            end, end_at = nxt.last, nxt.end
            problems += [p for p in nxt.problems if p not in problems]
            used = 2
        else:
            after = _SEP.match(text, point.end)
            tail = _PRESENT.match(text, after.end()) if after is not None else None
            onward = _ONWARD.match(text, point.end)
            if not point.whole and tail is not None and (after is not None and after.group(0)):
                present, end, end_at = True, None, tail.end()
            elif onward is not None:
                present, end, end_at = True, None, onward.end()
            elif point.weak:
                index += 1
                continue
        # Look back a short window only: searching the whole prefix is quadratic.
        window = max(0, start_at - _LOOK_BACK)
        before = text[window:start_at]
        since = _SINCE.search(before)
        if since is not None and used == 1 and not present and not point.whole:
            present, end, start_at = True, None, window + since.start()
        else:
            opener = _FROM.search(before)
            if opener is not None:
                start_at = window + opener.start()
        expected = False
        after_expected = _EXPECTED_AFTER.match(text, end_at)
        if after_expected is not None and after_expected.group(0).strip():
            expected, end_at = True, after_expected.end()
        else:
            window = max(0, start_at - _LOOK_BACK)
            before_expected = _EXPECTED_BEFORE.search(text[window:start_at])
            if before_expected is not None:
                expected, start_at = True, window + before_expected.start()
        out.append((
            DateRange(
                start=first,
                end=end,
                present=present,
                expected=expected,
                single=used == 1 and not present and not point.whole,
                text=text[start_at:end_at].strip(),
                problems=_problems(first, end, problems),
            ),
            start_at,
            end_at,
        ))
        index += used
    return tuple(out)


def parse_range(text: str, *, today: date | None = None) -> DateRange | None:
    """Read text that holds only a date or a date range.

    Args:
        text: "March 2021 – Present", "06/2018 - 02/2021", "2018-2021", "Summer 2023",
            "Since 2015", "May 2026 (expected)"...; surrounding brackets, punctuation and lead
            words such as "Dates:", "Graduated" or "Expected" are allowed.
        today: when given, dates after it are flagged "future" (unless expected) and expected
            dates before it "expected date has passed".

    Returns:
        The range, or None when the text is not just a date (it holds other words, two
        separate dates, or no date at all). Never raises.
    """
    if not isinstance(text, str):
        return None
    core = text.strip()
    found = find_ranges(core)
    if len(found) != 1:
        return None
    rng, start, end = found[0]
    before = _LEAD_WORDS.sub("", _WRAPPING.sub("", core[:start]))
    if _WRAPPING.sub("", before) or _WRAPPING.sub("", core[end:]):
        return None
    if today is not None:
        rng = _with_problems(rng, range_problems(rng, today))
    return rng


def _with_problems(rng: DateRange, problems: Iterable[str]) -> DateRange:
    merged = tuple(dict.fromkeys((*rng.problems, *problems)))
    if merged == rng.problems:
        return rng
    return DateRange(rng.start, rng.end, rng.present, rng.expected, rng.single, rng.text,
                     merged)


def range_problems(rng: DateRange, today: date) -> tuple[str, ...]:
    """The range's problems plus those that depend on today's date.

    "future" when it starts or ends after `today`'s month and is not marked expected;
    "expected date has passed" when it is marked expected but ends before `today`'s month.
    """
    now = YearMonth(today.year, today.month)
    problems = list(rng.problems)
    latest = rng.end if rng.end is not None else rng.start
    if not rng.expected:
        if (rng.start > now or (rng.end is not None and _first_of(rng.end) > now)) \
                and FUTURE not in problems:
            problems.append(FUTURE)
    elif latest < now and EXPECTED_PASSED not in problems:
        problems.append(EXPECTED_PASSED)
    return tuple(problems)


def _first_of(ym: YearMonth) -> YearMonth:
    """The earliest month a date (as an end) may mean: January for a year, the season's start."""
    if ym.precision is Precision.YEAR:
        return YearMonth(ym.year, 1, ym.precision)
    if ym.precision is Precision.SEASON:
        firsts = {last: first for first, last in _SEASONS.values()}
        return YearMonth(ym.year, firsts.get(ym.month, ym.month), ym.precision)
    return ym


# ----------------------------------------------------------------------------------------------
# Lengths and comparisons


def months(rng: DateRange, today: date) -> int:
    """Length of a range in months, counting both ends ("Jan 2020 – Dec 2021" is 24).

    Args:
        rng: the range.
        today: the end of a range that runs to the present.

    Returns:
        The number of months, 0 for a reversed range or one that starts after `today`'s month
        and runs to the present.
    """
    end = rng.end_or(today)
    return max(0, end.index - rng.start.index + 1)


def overlaps(a: DateRange, b: DateRange, today: date) -> bool:
    """True when two ranges share at least one month."""
    return a.start <= b.end_or(today) and b.start <= a.end_or(today)


def total_months(ranges: Iterable[DateRange], today: date) -> int:
    """Months covered by any of the ranges, overlaps counted once (reversed ranges skipped)."""
    spans = sorted(
        (r.start.index, r.end_or(today).index)
        for r in ranges
        if r.end_or(today) >= r.start
    )
    total = 0
    current: tuple[int, int] | None = None
    for first, last in spans:
        if current is None or first > current[1] + 1:
            if current is not None:
                total += current[1] - current[0] + 1
            current = (first, last)
        else:
            current = (current[0], max(current[1], last))
    if current is not None:
        total += current[1] - current[0] + 1
    return total


def latest_first(ranges: Iterable[DateRange]) -> list[DateRange]:
    """The ranges, most recent first: current ones, then by end month, then by start month."""
    return sorted(ranges, key=DateRange.sort_key, reverse=True)


# ----------------------------------------------------------------------------------------------
# ISO-8601 dates, as profiles hold them

_ISO = re.compile(r"^(?P<y>\d{4})(?:-(?P<m>\d{2})(?:-(?P<d>\d{2}))?)?$")


def parse_iso(text: str | None, *, end: bool = False) -> YearMonth | None:
    """"2021", "2021-03" or "2021-03-15" as a YearMonth; None for anything else.

    Args:
        text: the ISO date.
        end: read a year alone as December (the end of a range) rather than January.
    """
    if not isinstance(text, str):
        return None
    match = _ISO.match(text.strip())
    if match is None:
        return None
    year = int(match["y"])
    if match["m"] is None:
        return YearMonth(year, 12 if end else 1, Precision.YEAR)
    month = int(match["m"])
    if not 1 <= month <= 12:
        return None
    if match["d"] is not None:
        try:
            date(year, month, int(match["d"]))
        except ValueError:
            return None
    return YearMonth(year, month, Precision.MONTH)


def iso_range(start: str | None, end: str | None, *, current: bool = True) -> DateRange | None:
    """A DateRange from a profile's ISO startDate and endDate.

    Args:
        start, end: ISO dates ("2021", "2021-03", "2021-03-15") or None.
        current: read a start without an end as running to the present (JSON Resume's rule
            for jobs); when False it is a single date.

    Returns:
        The range; a lone end date gives a single date (a graduation); None when neither
        parses.
    """
    first = parse_iso(start)
    last = parse_iso(end, end=True)
    text = " – ".join(x for x in (start, end) if x)
    if first is None and last is None:
        return None
    if first is None:
        lone = parse_iso(end)
        if lone is None or last is None:
            return None
        return DateRange(lone, last, single=True, text=text)
    if last is None:
        if current:
            return DateRange(first, None, present=True, text=f"{start} – present")
        return DateRange(first, parse_iso(start, end=True), single=True, text=text)
    return DateRange(first, last, text=text, problems=_problems(first, last))
