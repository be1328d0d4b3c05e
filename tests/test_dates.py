"""Dates and date ranges as people write them on resumes."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tailor.dates import (
    DateRange,
    Precision,
    YearMonth,
    find_ranges,
    iso_range,
    latest_first,
    months,
    overlaps,
    parse_iso,
    parse_range,
    range_problems,
    total_months,
)

TODAY = date(2026, 3, 15)

M, S, Y = Precision.MONTH, Precision.SEASON, Precision.YEAR


@pytest.mark.parametrize(("text", "start", "end", "present"), [
    ("March 2021 – Present", (2021, 3, M), None, True),
    ("Mar. 2021 - Current", (2021, 3, M), None, True),
    ("06/2018 - 02/2021", (2018, 6, M), (2021, 2, M), False),
    ("6/2018–2/2021", (2018, 6, M), (2021, 2, M), False),
    ("2018-2021", (2018, 1, Y), (2021, 12, Y), False),
    ("2018 – 2021", (2018, 1, Y), (2021, 12, Y), False),
    ("2018 — 2021", (2018, 1, Y), (2021, 12, Y), False),
    ("Jan 2020 to Dec 2021", (2020, 1, M), (2021, 12, M), False),
    ("January 2020 through December 2021", (2020, 1, M), (2021, 12, M), False),
    ("Sept 2019 until May 2020", (2019, 9, M), (2020, 5, M), False),
    ("Summer 2023", (2023, 6, S), (2023, 8, S), False),
    ("Fall 2022 – Spring 2024", (2022, 9, S), (2024, 5, S), False),
    ("Autumn 2022", (2022, 9, S), (2022, 11, S), False),
    ("Winter 2023", (2023, 1, S), (2023, 2, S), False),
    ("2019 – Now", (2019, 1, Y), None, True),
    ("Since 2015", (2015, 1, Y), None, True),
    ("since March 2015", (2015, 3, M), None, True),
    ("2015–present", (2015, 1, Y), None, True),
    ("2015 - Date", (2015, 1, Y), None, True),
    ("2019 onward", (2019, 1, Y), None, True),
    ("Sept 2019", (2019, 9, M), (2019, 9, M), False),
    ("September 3, 2019", (2019, 9, M), (2019, 9, M), False),
    ("2020", (2020, 1, Y), (2020, 12, Y), False),
    ("(2021–Present)", (2021, 1, Y), None, True),
    ("Dates: 2019 - 2020", (2019, 1, Y), (2020, 12, Y), False),
    ("2018-19", (2018, 1, Y), (2019, 12, Y), False),
    ("2018–21", (2018, 1, Y), (2021, 12, Y), False),
    ("2018-06", (2018, 6, M), (2018, 6, M), False),
    ("2018-06-15", (2018, 6, M), (2018, 6, M), False),
    ("15/06/2018", (2018, 6, M), (2018, 6, M), False),
    ("Mar-2021 - Jun-2022", (2021, 3, M), (2022, 6, M), False),
])
def test_forms(text: str, start: tuple[int, int, Precision],
               end: tuple[int, int, Precision] | None, present: bool) -> None:
    rng = parse_range(text)
    assert rng is not None, text
    assert rng.start == YearMonth(*start)
    assert rng.end == (YearMonth(*end) if end else None)
    assert rng.present is present
    assert rng.problems == ()
    assert not rng.expected


def test_text_keeps_what_was_written() -> None:
    rng = parse_range("  Mar. 2021 - Current ")
    assert rng is not None
    assert rng.text == "Mar. 2021 - Current"
    expected = parse_range("May 2026 (expected)")
    assert expected is not None
    assert expected.text == "May 2026 (expected)"


@pytest.mark.parametrize("text", [
    "May 2026 (expected)",
    "Expected May 2026",
    "Expected graduation: May 2026",
    "Anticipated 2027",
    "2024 – May 2026 (expected)",
])
def test_expected(text: str) -> None:
    rng = parse_range(text, today=TODAY)
    assert rng is not None, text
    assert rng.expected
    assert "future" not in rng.problems


def test_future_and_passed_expected_need_today() -> None:
    plain = parse_range("2030")
    assert plain is not None
    assert plain.problems == ()
    future = parse_range("2030", today=TODAY)
    assert future is not None
    assert future.problems == ("future",)
    assert parse_range("Jan 2027 – Present", today=TODAY).problems == ("future",)  # type: ignore[union-attr]
    # The current year is not the future, even written as a year alone.
    assert parse_range("2026", today=TODAY).problems == ()  # type: ignore[union-attr]
    late = parse_range("May 2020 (expected)", today=TODAY)
    assert late is not None
    assert late.problems == ("expected date has passed",)


@pytest.mark.parametrize(("text", "problem"), [
    ("2021 – 2018", "reversed"),
    ("March 2021 - January 2021", "reversed"),
    ("13/2020", "month out of range"),
    ("00/2020", "month out of range"),
    ("Jun '19 – Present", "two-digit year"),
    ("06/19 - 02/21", "two-digit year"),
])
def test_odd_input_is_flagged(text: str, problem: str) -> None:
    rng = parse_range(text)
    assert rng is not None
    assert problem in rng.problems


def test_month_out_of_range_falls_back_to_the_year() -> None:
    rng = parse_range("13/2020")
    assert rng is not None
    assert rng.start == YearMonth(2020, 1, Y)
    assert rng.end == YearMonth(2020, 12, Y)


def test_two_digit_years() -> None:
    rng = parse_range("Jun '19 – Present")
    assert rng is not None
    assert rng.start == YearMonth(2019, 6, M)
    old = parse_range("'98 – '02")
    assert old is not None
    assert (old.start.year, old.end.year if old.end else None) == (1998, 2002)


@pytest.mark.parametrize("text", [
    "", "nonsense", "Care Manager 2019", "2019 and 2021", "Riverside Health", "1066",
    "Caseload of 65-80 adults", "(614) 555-2019", "$2019", "2,019 members", "43215",
    "98%", "Present", "– Present", "06/19",
])
def test_not_a_date(text: str) -> None:
    assert parse_range(text) is None


def test_find_ranges_spans() -> None:
    text = "Care Manager, RN | Riverside Health, Columbus, OH | March 2021 – Present"
    [(rng, start, end)] = find_ranges(text)
    assert text[start:end] == "March 2021 – Present"
    assert rng.present
    line = "Staff Nurse 2015–2018, Charge Nurse 2018 - 2019 and Since 2020 float pool"
    found = find_ranges(line)
    assert [line[s:e] for _, s, e in found] == ["2015–2018", "2018 - 2019", "Since 2020"]
    assert [r.present for r, _, _ in found] == [False, False, True]


def test_find_ranges_skips_numbers_that_are_not_dates() -> None:
    text = ("Call (614) 555-2019; caseload 65-80; 2,019 members; $2019 saved; "
            "Columbus, OH 43215; 98% of 1200 calls; #RN.2019; 5/6 patients")
    assert find_ranges(text) == []


def test_find_ranges_in_a_licence_line() -> None:
    text = "Registered Nurse (RN), State of Ohio, License #RN.000000, expires 08/2027"
    [(rng, start, end)] = find_ranges(text)
    assert text[start:end] == "08/2027"
    assert rng.start == YearMonth(2027, 8, M)


def test_months_are_inclusive_and_use_the_given_today() -> None:
    def length(text: str, today: date = TODAY) -> int:
        rng = parse_range(text)
        assert rng is not None
        return months(rng, today)

    assert length("Jan 2020 to Dec 2021") == 24
    assert length("March 2021 - March 2021") == 1
    assert length("March 2021 – Present") == 61
    assert length("March 2021 – Present", date(2021, 3, 1)) == 1
    assert length("March 2021 – Present", date(2020, 1, 1)) == 0
    assert length("2020") == 12
    assert length("2018 – 2021") == 48
    assert length("Summer 2023") == 3
    assert length("2021 – 2018") == 0


def test_total_months_counts_overlaps_once() -> None:
    ranges = [parse_range(t) for t in ("Jan 2018 – Dec 2019", "Jun 2019 – Jun 2020",
                                        "Jan 2022 – Present", "2021 – 2018")]
    clean = [r for r in ranges if r is not None]
    assert total_months(clean, date(2022, 12, 1)) == 30 + 12
    assert total_months([], TODAY) == 0


def test_overlaps_and_order() -> None:
    a = parse_range("Jan 2018 – Dec 2019")
    b = parse_range("Dec 2019 – Present")
    c = parse_range("2015 – 2016")
    assert a is not None and b is not None and c is not None
    assert overlaps(a, b, TODAY)
    assert not overlaps(a, c, TODAY)
    assert latest_first([c, a, b]) == [b, a, c]
    assert YearMonth(2019, 12) < YearMonth(2020, 1) <= YearMonth(2020, 1, Y)
    assert YearMonth(2021, 3).iso() == "2021-03"
    assert YearMonth(2021, 1, Y).iso() == "2021"


def test_range_problems_is_pure() -> None:
    rng = parse_range("2027")
    assert rng is not None
    assert range_problems(rng, TODAY) == ("future",)
    assert range_problems(rng, date(2027, 1, 1)) == ()
    assert rng.problems == ()


def test_single_and_approximate() -> None:
    one = parse_range("Sept 2019")
    span = parse_range("Sept 2019 – Oct 2019")
    year = parse_range("2019")
    assert one is not None and span is not None and year is not None
    assert one.single and not one.approximate
    assert not span.single
    assert year.single and year.approximate


def test_iso() -> None:
    assert parse_iso("2021") == YearMonth(2021, 1, Y)
    assert parse_iso("2021", end=True) == YearMonth(2021, 12, Y)
    assert parse_iso("2021-03-31") == YearMonth(2021, 3, M)
    for bad in ("2021-13", "2021-02-30", "21-03", "March 2021", "", None):
        assert parse_iso(bad) is None
    current = iso_range("2021-03", None)
    assert current is not None
    assert current.present
    assert months(current, TODAY) == 61
    done = iso_range("2018", "2021-02")
    assert done is not None
    assert (done.start, done.end) == (YearMonth(2018, 1, Y), YearMonth(2021, 2, M))
    graduation = iso_range(None, "2014-05")
    assert graduation is not None
    assert graduation.single
    assert iso_range(None, None) is None
    backwards = iso_range("2021", "2019")
    assert backwards is not None
    assert "reversed" in backwards.problems


# ----------------------------------------------------------------------------------------------
# Properties


def _well_ordered(rng: DateRange) -> bool:
    return rng.end is None or rng.start <= rng.end or "reversed" in rng.problems


@given(st.text(max_size=200))
@settings(max_examples=400, deadline=None)
def test_any_text_never_raises(text: str) -> None:
    rng = parse_range(text, today=TODAY)
    if rng is not None:
        assert _well_ordered(rng)
        assert 1 <= rng.start.month <= 12
    previous_end = 0
    for found, start, end in find_ranges(text):
        assert _well_ordered(found)
        assert previous_end <= start < end <= len(text)
        previous_end = end
        assert months(found, TODAY) >= 0


_DATEISH = st.lists(
    st.sampled_from(["2019", "2021", "'19", "March", "Mar.", "Sept", "06/2018", "13/2020",
                     "Summer", "Fall", "–", "-", "—", "to", "through", "Present", "Now",
                     "Since", "(expected)", "Expected", " ", ", ", "|", "(", ")", "2018-19",
                     "2018-06", "6/19", "Care Manager", "0", "12"]),
    max_size=10,
).map(" ".join)


@given(_DATEISH)
@settings(max_examples=500, deadline=None)
def test_date_like_text_never_raises_and_stays_ordered(text: str) -> None:
    rng = parse_range(text, today=TODAY)
    if rng is not None:
        assert _well_ordered(rng)
    for found, _, _ in find_ranges(text):
        assert _well_ordered(found)


_MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August",
                "September", "October", "November", "December"]


@given(st.integers(1950, 2099), st.integers(1, 12), st.integers(1950, 2099),
       st.integers(1, 12), st.sampled_from([" – ", " - ", "-", " to ", " through ", "—"]),
       st.sampled_from(["name", "abbr", "numeric", "padded"]))
@settings(max_examples=300, deadline=None)
def test_written_ranges_read_back(y1: int, m1: int, y2: int, m2: int, sep: str,
                                  style: str) -> None:
    def write(year: int, month: int) -> str:
        if style == "name":
            return f"{_MONTH_NAMES[month - 1]} {year}"
        if style == "abbr":
            return f"{_MONTH_NAMES[month - 1][:3]}. {year}"
        if style == "numeric":
            return f"{month}/{year}"
        return f"{month:02d}/{year}"

    rng = parse_range(write(y1, m1) + sep + write(y2, m2))
    assert rng is not None
    assert rng.start == YearMonth(y1, m1)
    assert rng.end == YearMonth(y2, m2)
    assert ("reversed" in rng.problems) == ((y2, m2) < (y1, m1))
