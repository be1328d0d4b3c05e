"""Batch rows and the cohort summary: readiness from real reports (years of care-related
experience, the rung a resume reads as, ready yes/partly/no), counts by rung and by verdict kept
as rows arrive, level "auto", anonymized rows, and the terminal summary."""

from __future__ import annotations

import dataclasses
import statistics
from datetime import date
from pathlib import Path

import pytest

from tailor.api import check
from tailor.batch import BatchResult
from tailor.catalog import load_catalog
from tailor.cohort import CohortTally, error_row, row_from_report, row_signals, summarize
from tailor.models import BatchRow, Report, RowStatus
from tailor.report import render_batch_summary

from .conftest import LEVELS, REPO

TODAY = date(2026, 11, 24)
DATA = REPO / "tests" / "data" / "readiness"
READS_AS = {"new-graduate": "assistant", "social-work-supervisor": "supervisor",
            "experienced-rn": "care-manager"}
NAMES = {"new-graduate": "Maya Thompson", "social-work-supervisor": "Patricia Alvarez",
         "experienced-rn": "Daniel Okafor"}
LEVEL = "care-manager"


def _check(name: str, level: str = LEVEL) -> Report:
    return check(DATA / f"{name}.txt", level=level, today=TODAY)


@pytest.fixture(scope="module")
def reports() -> dict[str, Report]:
    return {name: _check(name) for name in READS_AS}


@pytest.fixture(scope="module")
def auto_reports() -> dict[str, Report]:
    return {name: _check(name, "auto") for name in READS_AS}


@pytest.fixture(scope="module")
def rows(reports: dict[str, Report]) -> list[BatchRow]:
    """The three resumes, a second copy of the new graduate, an error and a skipped file."""
    out = [row_from_report(f"{name}.txt", report) for name, report in reports.items()]
    out.append(row_from_report("copy/new-graduate.txt", reports["new-graduate"]))
    out.append(error_row("locked.docx", LEVEL, "is password-protected"))
    out.append(error_row("photo.jpg", LEVEL, "not a resume format", status=RowStatus.SKIPPED))
    return out


# ----------------------------------------------------------------------------------------------
# Rows


def test_rows_carry_readiness_from_real_reports(reports: dict[str, Report]) -> None:
    for name, report in reports.items():
        readiness = report.readiness
        assert readiness is not None
        row = row_from_report(f"{name}.txt", report)
        assert row.reads_as == READS_AS[name] == readiness.reads_as
        assert row.level == LEVEL
        assert row.years_relevant == readiness.experience.years_relevant
        assert row.ready == readiness.asked.verdict.value
        assert readiness.asked.level == LEVEL
        assert row.years_short == readiness.asked.years_short
        assert row.experience_warnings == len(readiness.experience.warnings)
        assert row.name == NAMES[name]
    graduate = row_from_report("g.txt", reports["new-graduate"])
    supervisor = row_from_report("s.txt", reports["social-work-supervisor"])
    nurse = row_from_report("n.txt", reports["experienced-rn"])
    assert graduate.years_relevant is not None and 0 < graduate.years_relevant < 2
    assert graduate.ready in ("no", "partly") and graduate.years_short
    assert graduate.years_short == pytest.approx(2 - graduate.years_relevant)
    assert supervisor.years_relevant is not None and supervisor.years_relevant >= 10
    assert supervisor.ready == "yes" and supervisor.years_short == 0
    assert nurse.years_relevant is not None and 5 <= nurse.years_relevant < 10
    assert nurse.ready in ("yes", "partly") and nurse.years_short == 0


def test_anonymized_rows_keep_readiness_and_nothing_else(reports: dict[str, Report]) -> None:
    for name, report in reports.items():
        plain = row_from_report(f"{name}.txt", report)
        anon = row_from_report(f"{name}.txt", report, anonymize=True, key="k")
        assert anon.name is None and anon.report is None and name not in anon.file
        assert (anon.years_relevant, anon.reads_as, anon.ready, anon.years_short,
                anon.experience_warnings) == (plain.years_relevant, plain.reads_as, plain.ready,
                                              plain.years_short, plain.experience_warnings)
        for value in (anon.reads_as, anon.ready):
            assert value in (*LEVELS, "yes", "partly", "no")


def test_error_and_skipped_rows_have_no_readiness() -> None:
    for row in (error_row("a.docx", LEVEL, "broken"),
                error_row("b.jpg", LEVEL, "not a resume format", status=RowStatus.SKIPPED)):
        assert (row.years_relevant, row.reads_as, row.ready, row.years_short,
                row.experience_warnings) == (None, None, None, None, None)


def test_a_report_without_readiness_gives_empty_readiness_fields(
        reports: dict[str, Report]) -> None:
    report = dataclasses.replace(reports["experienced-rn"], readiness=None)
    row = row_from_report("x.txt", report)
    assert row.status is RowStatus.OK and row.score == report.score
    assert (row.years_relevant, row.reads_as, row.ready) == (None, None, None)
    summary = summarize([row], LEVEL)
    assert summary.ok == 1 and summary.readiness_checked == 0
    assert summary.years_relevant_mean is None


def test_auto_level_rows_are_checked_at_the_rung_they_read_as(
        auto_reports: dict[str, Report]) -> None:
    rows = [row_from_report(f"{name}.txt", report) for name, report in auto_reports.items()]
    for row, (name, report) in zip(rows, auto_reports.items(), strict=True):
        assert report.readiness is not None and report.readiness.auto
        assert row.level == row.reads_as == READS_AS[name]
        assert row.ready == report.readiness.asked.verdict.value
        assert row.years_short == 0, "a resume reads as a rung whose years it has"
    summary = summarize(rows, "auto")
    assert summary.level == "auto"
    assert dict(summary.reads_as) == {"assistant": 1, "care-manager": 1, "senior": 0,
                                      "lead": 0, "supervisor": 1, "director": 0}
    assert sum(n for _, n in summary.ready) == 3


# ----------------------------------------------------------------------------------------------
# The summary


def test_summary_counts_students_by_rung_and_verdict(rows: list[BatchRow]) -> None:
    summary = summarize(rows, LEVEL)
    ladder = tuple(level.name for level in load_catalog().levels)
    assert ladder == LEVELS
    assert summary.reads_as == (("assistant", 2), ("care-manager", 1), ("senior", 0),
                                ("lead", 0), ("supervisor", 1), ("director", 0))
    assert summary.readiness_checked == summary.ok == 4
    assert [v for v, _ in summary.ready] == ["yes", "partly", "no"]
    ok = [r for r in rows if r.status is RowStatus.OK]
    assert dict(summary.ready) == {v: sum(r.ready == v for r in ok)
                                   for v in ("yes", "partly", "no")}
    assert dict(summary.ready)["yes"] >= 1
    years = [r.years_relevant for r in ok if r.years_relevant is not None]
    assert summary.years_relevant_mean == round(statistics.fmean(years), 1)
    assert summary.years_relevant_median == round(statistics.median(years), 1)
    assert (summary.files, summary.errors, summary.skipped) == (6, 1, 1)


def test_tally_counts_readiness_from_rows_that_dropped_their_report(
        rows: list[BatchRow]) -> None:
    """Batch workers send rows without their report: the counts come from the row fields."""
    tally = CohortTally(LEVEL)
    for row in rows:
        missed, problems = row_signals(row)
        tally.add(dataclasses.replace(row, report=None), missed, problems)
    assert tally.summary() == summarize(rows, LEVEL)


def test_every_rung_and_verdict_is_listed_even_at_zero() -> None:
    empty = summarize([], LEVEL)
    assert empty.reads_as == tuple((name, 0) for name in LEVELS)
    assert empty.ready == (("yes", 0), ("partly", 0), ("no", 0))
    assert empty.readiness_checked == 0
    assert empty.years_relevant_mean is None and empty.years_relevant_median is None


def test_a_given_ladder_orders_the_rungs(rows: list[BatchRow]) -> None:
    summary = summarize(rows, LEVEL, rungs=("supervisor", "assistant"))
    assert summary.reads_as == (("supervisor", 1), ("assistant", 2), ("care-manager", 1))


# ----------------------------------------------------------------------------------------------
# The terminal summary


def _result(rows: list[BatchRow], level: str) -> BatchResult:
    return BatchResult(rows=tuple(rows), summary=summarize(rows, level), out=Path("c.csv"),
                       seconds=1.0, workers=2)


def test_terminal_summary_shows_rungs_and_verdicts(rows: list[BatchRow]) -> None:
    summary = summarize(rows, LEVEL)
    text = render_batch_summary(_result(rows, LEVEL), width=120)
    assert ("Reads as: assistant 2 · care-manager 1 · senior 0 · lead 0 · supervisor 1 · "
            "director 0") in text
    ready = dict(summary.ready)
    assert (f"Ready for care-manager: {ready['yes']} yes · {ready['partly']} partly · "
            f"{ready['no']} no; care-related years: mean {summary.years_relevant_mean:g}, "
            f"median {summary.years_relevant_median:g}") in text
    assert "\x1b[" not in text
    colored = render_batch_summary(_result(rows, LEVEL), color=True, width=120)
    assert "\x1b[32m1 yes" in colored


def test_terminal_summary_of_an_auto_batch(auto_reports: dict[str, Report]) -> None:
    rows = [row_from_report(f"{n}.txt", r) for n, r in auto_reports.items()]
    text = render_batch_summary(_result(rows, "auto"), width=120)
    assert "level: auto" in text
    assert "Ready for the rung each reads as: " in text


def test_terminal_summary_without_readiness_has_no_readiness_lines() -> None:
    rows = [error_row("a.docx", LEVEL, "is password-protected")]
    text = render_batch_summary(_result(rows, LEVEL))
    assert "Reads as" not in text and "Ready for" not in text
