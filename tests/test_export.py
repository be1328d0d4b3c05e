"""Cohort exports: real rows from real resumes, hostile file names, formula-proof sheets, the
JSON contract, the HTML dashboard (also in a real browser), and atomic writing."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import re
import subprocess
import zipfile
from collections.abc import Sequence
from datetime import date
from pathlib import Path

import lxml.html
import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tailor import __version__
from tailor.api import check, check_resume
from tailor.catalog import load_catalog
from tailor.cohort import error_row, row_from_report, summarize
from tailor.errors import OutputError, UsageError
from tailor.export import (
    CONTENT_SECURITY_POLICY,
    FORMATS,
    build_cohort_page,
    check_title,
    neutralize,
    render_cohort_html,
    render_csv,
    render_json,
    render_xlsx,
    write_cohort,
)
from tailor.extract import read_resume_bytes
from tailor.models import CATEGORY_LABELS, BatchRow, Category, CohortSummary, Report, RowStatus
from tailor.posting import read_posting_bytes
from tailor.report import report_to_dict

from . import browser, factories
from .browser import needs_chromium
from .conftest import REPO

LEVEL = "assistant"
HOSTILE_NAMES = (
    '=HYPERLINK("http://x","y").docx',
    "+cmd|' /C calc'!A0.txt",
    "@SUM(1+1).pdf",
    "-2+3 resume.docx",
    "\tTab start.docx",
    "\rCarriage start.pdf",
    "   =indented formula.txt",
    "line one\nline two.docx",
    'comma, "quoted", name.pdf',
    '"><script>alert(1)</script>.docx',
    "سارة أحمد.docx",
    "Zoë Ångström 履歴書 🩺.pdf",
    "bell\x07 and \x1b escape.txt",
    "undecodable \udcff byte.docx",
)
MARKER = "Zebra-quokka-7731 volunteered at the lighthouse clinic every Saturday"
REAL_NAME = "Amira Haddad Resume.docx"
STRING_COLUMNS = ("file", "status", "name", "level", "reads_as", "ready", "missing", "warnings",
                  "error", "kind")
READINESS_COLUMNS = ["years_relevant", "reads_as", "ready", "years_short"]


# ----------------------------------------------------------------------------------------------
# Rows from real resumes


def _report(data: bytes, name: str, *, posting: bool = False) -> Report:
    job = None
    if posting:
        text = (REPO / "examples" / "posting.txt").read_bytes()
        job = read_posting_bytes(text, "posting.txt", load_catalog())
    return check_resume(read_resume_bytes(data, name), level=LEVEL, posting=job)


def _blocks(keep: Sequence[int]) -> tuple[tuple[str, str], ...]:
    return tuple(b for i, b in enumerate(factories.GOOD_RESUME) if i < 3 or i in keep)


@pytest.fixture(scope="module")
def reports() -> list[Report]:
    """Resumes of different strength, as DOCX, PDF and plain text."""
    every = range(len(factories.GOOD_RESUME))
    return [
        _report(factories.docx_resume(), "a.docx"),
        _report(factories.pdf_resume(_blocks(range(3, 20))), "b.pdf"),
        _report(factories.text_resume(_blocks(range(5, 12))), "c.txt"),
        _report(factories.docx_resume(_blocks([i for i in every if i % 3])), "d.docx"),
        _report(factories.pdf_resume(_blocks([i for i in every if i % 2])), "e.pdf"),
    ]


@pytest.fixture(scope="module")
def rows(reports: list[Report]) -> list[BatchRow]:
    """Every hostile name as an ok row, plus error and skipped rows."""
    out = [row_from_report(name, reports[i % len(reports)], seconds=0.25 * i)
           for i, name in enumerate(HOSTILE_NAMES)]
    out += [
        error_row("=cmd|' /C calc'!A0.docx", LEVEL,
                  "=cmd|' /C calc'!A0.docx is password-protected; save an unprotected copy"),
        error_row("scan.pdf", LEVEL, "scan.pdf has no text layer (a scanned image)",
                  seconds=1.5),
        error_row("photo.jpg", LEVEL, "not a resume format", status=RowStatus.SKIPPED),
    ]
    return out


@pytest.fixture(scope="module")
def summary(rows: list[BatchRow]) -> CohortSummary:
    return summarize(rows, LEVEL)


@pytest.fixture(scope="module")
def job_rows(reports: list[Report]) -> list[BatchRow]:
    """A batch checked against a job posting: rows have a match rate."""
    data = factories.docx_resume()
    with_job = _report(data, "job.docx", posting=True)
    return [row_from_report("with-job.docx", with_job),
            row_from_report("plain.pdf", reports[1]),
            error_row("bad.docx", LEVEL, "bad.docx is not a Word file")]


TODAY = date(2026, 11, 24)
READINESS = REPO / "tests" / "data" / "readiness"
READS_AS = {"new-graduate.txt": "assistant", "social-work-supervisor.txt": "supervisor",
            "experienced-rn.txt": "care-manager"}
PEOPLE = ("Maya Thompson", "Patricia Alvarez", "Daniel Okafor")
RESUME_TEXT = ("Riverside Methodist Hospital", "Sunrise Senior Living", "Crimson Cup",
               "Ohio State", "maya.thompson@example.com")


@pytest.fixture(scope="module")
def readiness_reports() -> dict[str, Report]:
    """The three readiness resumes checked at the care-manager level."""
    return {name: check(READINESS / name, level="care-manager", today=TODAY)
            for name in READS_AS}


def readiness_batch(reports: dict[str, Report], *, anonymize: bool = False,
                    ) -> list[BatchRow]:
    """The three resumes, a copy of the new graduate's, and an error row."""
    rows = [row_from_report(name, report, anonymize=anonymize, key="k")
            for name, report in reports.items()]
    rows.append(row_from_report("copy of new-graduate.txt", reports["new-graduate.txt"],
                                anonymize=anonymize, key="k"))
    rows.append(error_row("locked.docx", "care-manager", "is password-protected",
                          anonymize=anonymize, key="k"))
    return rows


@pytest.fixture(scope="module")
def ready_rows(readiness_reports: dict[str, Report]) -> list[BatchRow]:
    return readiness_batch(readiness_reports)


def clean(text: str) -> str:
    """What every output makes of undecodable file-name bytes (lone surrogates)."""
    return re.sub("[\ud800-\udfff]", "\ufffd", text)


def shown(text: str) -> str:
    """A name as the HTML page shows it: control characters replaced, CR read as LF."""
    text = re.sub("[\x00-\x08\x0b\x0c\x0e-\x1f]", "\ufffd", clean(text))
    return text.replace("\r\n", "\n").replace("\r", "\n")


def categories_of(rows: Sequence[BatchRow]) -> list[str]:
    present = {c for row in rows for c, _ in row.categories}
    return [c.value for c in Category if c.value in present]


def expected_header(rows: Sequence[BatchRow]) -> list[str]:
    match = ["match_rate"] if any(r.match_rate is not None for r in rows) else []
    labels = [CATEGORY_LABELS[Category(c)] for c in categories_of(rows)]
    return ["file", "status", "name", "level", "score", *match, *READINESS_COLUMNS, *labels,
            "missing", "warnings", "experience_warnings", "error", "kind", "words", "seconds"]


def expected_cells(row: BatchRow, rows: Sequence[BatchRow]) -> list[object]:
    """A row's cells as the contract says, built here without the exporter's helpers."""
    percents = dict(row.categories)
    match = [row.match_rate] if any(r.match_rate is not None for r in rows) else []
    return [neutralize(clean(row.file)), row.status.value, neutralize(row.name or ""),
            row.level, row.score, *match, row.years_relevant, row.reads_as or "",
            row.ready or "", row.years_short, *(percents.get(c) for c in categories_of(rows)),
            neutralize("; ".join(row.missing)), neutralize("; ".join(row.warnings)),
            row.experience_warnings, neutralize(clean(row.error)), row.kind or "", row.words,
            row.seconds]


# ----------------------------------------------------------------------------------------------
# The formula guard


@pytest.mark.parametrize(("value", "expected"), [
    ("=1+1", "'=1+1"),
    ("+1", "'+1"),
    ("-1", "'-1"),
    ("@SUM(A1)", "'@SUM(A1)"),
    ("\tx", "'\tx"),
    ("\rx", "'\rx"),
    ("  =x", "'  =x"),
    ("\n@x", "'\n@x"),
    ("\u3000=x", "'\u3000=x"),  # ideographic space counts as leading whitespace
    ("＝1+1", "'＝1+1"),  # full-width equals sign
    ("plain", "plain"),
    ("a=b", "a=b"),
    ("'=already", "'=already"),
    ("", ""),
    ("   ", "   "),
])
def test_neutralize(value: str, expected: str) -> None:
    assert neutralize(value) == expected


@given(st.text())
def test_neutralized_text_never_starts_a_formula(value: str) -> None:
    out = neutralize(value)
    assert out in (value, "'" + value)
    first = out.lstrip()[:1]
    assert first not in ("=", "+", "-", "@") and not out.startswith(("\t", "\r"))


# ----------------------------------------------------------------------------------------------
# CSV


def read_csv(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text, newline="")))


def as_csv(value: object) -> str:
    return "" if value is None else str(value)


def test_csv_has_the_contract_columns_and_reads_back(rows: list[BatchRow]) -> None:
    records = read_csv(render_csv(rows))
    assert records[0] == expected_header(rows)
    assert "match_rate" not in records[0]
    assert len(records) == len(rows) + 1, "embedded line breaks stay inside quoted cells"
    assert {len(r) for r in records} == {len(records[0])}
    for record, row in zip(records[1:], rows, strict=True):
        assert record == [as_csv(v) for v in expected_cells(row, rows)]


def test_csv_cells_cannot_run_as_formulas(rows: list[BatchRow]) -> None:
    records = read_csv(render_csv(rows))
    header = records[0]
    numeric = {"score", "words", "seconds", "years_relevant", "years_short",
               "experience_warnings", *(CATEGORY_LABELS[c] for c in Category)}
    for record in records[1:]:
        for name, cell in zip(header, record, strict=True):
            if name in numeric:
                assert cell == "" or re.fullmatch(r"\d+(\.\d+)?", cell), (name, cell)
            else:
                assert cell.lstrip()[:1] not in ("=", "+", "-", "@"), (name, cell)
                assert not cell.startswith(("\t", "\r")), (name, cell)
    files = [r[0] for r in records[1:]]
    assert files[:3] == ["'=HYPERLINK(\"http://x\",\"y\").docx", "'+cmd|' /C calc'!A0.txt",
                         "'@SUM(1+1).pdf"]
    assert "line one\nline two.docx" in files
    assert 'comma, "quoted", name.pdf' in files
    assert "'   =indented formula.txt" in files
    assert "'\tTab start.docx" in files and "'\rCarriage start.pdf" in files
    errors = [r for r in records[1:] if r[1] == "error"]
    assert errors[0][header.index("error")].startswith("'=cmd|")


def test_csv_with_a_job_posting_has_match_rate(job_rows: list[BatchRow]) -> None:
    records = read_csv(render_csv(job_rows))
    header = records[0]
    assert header[:6] == ["file", "status", "name", "level", "score", "match_rate"]
    assert records[1][5] == str(job_rows[0].match_rate)
    assert records[2][5] == "" and records[3][5] == ""


def test_csv_of_no_rows_is_just_the_header() -> None:
    assert read_csv(render_csv([])) == [["file", "status", "name", "level", "score",
                                         *READINESS_COLUMNS, "missing", "warnings",
                                         "experience_warnings", "error", "kind", "words",
                                         "seconds"]]


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(names=st.lists(st.text(min_size=1, max_size=30), min_size=1, max_size=4))
def test_any_file_name_round_trips_through_csv(names: list[str], rows: list[BatchRow]) -> None:
    batch = [dataclasses.replace(rows[0], file=name) for name in names]
    records = read_csv(render_csv(batch))
    assert [r[0] for r in records[1:]] == [neutralize(clean(n)) for n in names]


# ----------------------------------------------------------------------------------------------
# XLSX


def load(data: bytes) -> openpyxl.Workbook:
    return openpyxl.load_workbook(io.BytesIO(data))


def test_workbook_resumes_sheet(rows: list[BatchRow], summary: CohortSummary) -> None:
    book = load(render_xlsx(rows, summary))
    assert book.sheetnames == ["Resumes", "Cohort"]
    ws = book["Resumes"]
    values = [list(r) for r in ws.iter_rows(values_only=True)]
    assert values[0] == expected_header(rows)
    assert len(values) == len(rows) + 1
    for got, row in zip(values[1:], rows, strict=True):
        want = expected_cells(row, rows)
        want = [re.sub("[\x00-\x08\x0b\x0c\x0e-\x1f]", "\ufffd", v) if isinstance(v, str)
                else v for v in want]
        assert got == [None if v == "" else v for v in want]
    header = values[0]
    for row_cells in ws.iter_rows(min_row=2):
        by_name = dict(zip(header, row_cells, strict=True))
        for name in ("score", "words"):
            cell = by_name[name]
            assert cell.value is None or (cell.data_type == "n" and isinstance(cell.value, int))
        for name in STRING_COLUMNS:
            assert by_name[name].value is None or by_name[name].data_type == "s"
    assert ws.freeze_panes == "B2"
    last_col = openpyxl.utils.get_column_letter(len(header))
    assert ws.auto_filter.ref == f"A1:{last_col}{len(rows) + 1}"
    assert ws["A1"].font.b and ws["A1"].fill.fgColor.rgb.endswith("0A4D57")
    missing = ws.cell(row=2, column=header.index("missing") + 1)
    assert missing.alignment.wrap_text
    assert ws.column_dimensions["A"].width >= 30


def test_workbook_colours_scores_and_marks_errors(rows: list[BatchRow],
                                                   summary: CohortSummary) -> None:
    ws = load(render_xlsx(rows, summary))["Resumes"]
    header = [c.value for c in ws[1]]
    last = len(rows) + 1
    letter = openpyxl.utils.get_column_letter
    banded = [letter(header.index("score") + 1)] + [
        letter(header.index(CATEGORY_LABELS[Category(c)]) + 1) for c in categories_of(rows)]
    rules = {str(cf.sqref): [r.formula[0] for r in cf.rules] for cf in ws.conditional_formatting}
    ready = letter(header.index("ready") + 1)
    assert set(rules) == {f"{col}2:{col}{last}" for col in [*banded, ready]}
    score = banded[0]
    assert rules[f"{score}2:{score}{last}"] == [
        f"AND(ISNUMBER({score}2),{score}2<50)",
        f"AND(ISNUMBER({score}2),{score}2>=50,{score}2<75)",
        f"AND(ISNUMBER({score}2),{score}2>=75)"]
    fills = [r.dxf.fill.fgColor.rgb[-6:] for cf in ws.conditional_formatting for r in cf.rules
             if str(cf.sqref).startswith(score)]
    assert fills == ["FBE9E6", "FCF1DE", "E4F3EA"]  # red, amber, green
    status_col = header.index("status") + 1
    for n, row in enumerate(rows, start=2):
        cell = ws.cell(row=n, column=status_col)
        if row.status is RowStatus.ERROR:
            assert cell.fill.fgColor.rgb.endswith("FBE9E6") and cell.font.b
        elif row.status is RowStatus.OK:
            assert cell.fill.fill_type is None


def test_workbook_percent_columns_are_numbers(job_rows: list[BatchRow]) -> None:
    ws = load(render_xlsx(job_rows, summarize(job_rows, LEVEL)))["Resumes"]
    header = [c.value for c in ws[1]]
    rate = ws.cell(row=2, column=header.index("match_rate") + 1)
    assert rate.value == job_rows[0].match_rate and rate.data_type == "n"
    assert rate.number_format == '0"%"'
    letter = openpyxl.utils.get_column_letter(header.index("match_rate") + 1)
    assert f"{letter}2:{letter}4" in {str(cf.sqref) for cf in ws.conditional_formatting}


def test_no_cell_is_a_formula(rows: list[BatchRow], summary: CohortSummary) -> None:
    data = render_xlsx(rows, summary, title="=HYPERLINK(\"http://x\")")
    book = load(data)
    for ws in book.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (ws.title, cell.coordinate, cell.value)
                if isinstance(cell.value, str):
                    assert cell.value.lstrip()[:1] not in ("=", "+", "-", "@")
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        for name in package.namelist():
            if name.startswith("xl/worksheets/"):
                assert "<f>" not in package.read(name).decode("utf-8"), name
    assert book["Cohort"]["A1"].value == "'=HYPERLINK(\"http://x\")"


def test_workbook_cohort_sheet(rows: list[BatchRow], summary: CohortSummary) -> None:
    ws = load(render_xlsx(rows, summary))["Cohort"]
    cells = [list(r) for r in ws.iter_rows(values_only=True)]
    first = {r[0]: r[1:] for r in cells if r[0] is not None}
    assert first["Files"][0] == summary.files
    assert first["Checked (ok)"][0] == summary.ok
    assert first["Errors"][0] == summary.errors == 2
    assert first["Skipped"][0] == summary.skipped == 1
    assert first["Mean score"][0] == summary.score_mean
    assert first["Median score"][0] == summary.score_median
    assert first["Lowest score"][0] == summary.score_min
    assert first["Highest score"][0] == summary.score_max
    assert first["Mean match rate"][0] is None
    assert first["Mean match rate"][1] == "no job posting given"

    def block(title: str) -> list[list[object]]:
        at = next(i for i, r in enumerate(cells) if r[0] == title)
        out = []
        for r in cells[at + 2:]:
            if r[0] is None:
                break
            out.append(r)
        return out

    assert [(r[0], r[1]) for r in block("Score distribution")] == list(summary.score_bins)
    missed = block("Most-missed keywords")
    assert [(r[0], r[1]) for r in missed] == [(neutralize(t), n) for t, n in summary.most_missed]
    assert all(r[2] == pytest.approx(r[1] / summary.ok) for r in missed)
    assert [(r[0], r[1]) for r in block("Category means")] == [
        (CATEGORY_LABELS[Category(c)], m) for c, m in summary.category_means]
    assert [(r[0], r[1]) for r in block("Checks that warned or failed")] == list(
        summary.check_problems)
    reasons = block("Errors by reason")
    assert [r[1] for r in reasons] == [n for _, n in summary.errors_by_reason]
    assert all(not str(r[0]).startswith(("=", "+", "-", "@")) for r in reasons)
    assert [(r[0], r[1]) for r in block("Reads as")] == [
        (load_catalog().level(level).title, n) for level, n in summary.reads_as]
    assert [(r[0], r[1]) for r in block("Ready for the Assistant Care Manager level")] == [
        (verdict.capitalize(), n) for verdict, n in summary.ready]
    assert first["Mean relevant years"][0] == summary.years_relevant_mean
    assert first["Median relevant years"][0] == summary.years_relevant_median
    assert len(ws._charts) == 2, "most-missed keywords and rungs"
    assert ws["A1"].value == "Cohort report: Assistant Care Manager"


def test_workbook_of_no_rows(summary: CohortSummary) -> None:
    empty = summarize([], LEVEL)
    book = load(render_xlsx([], empty))
    ws = book["Resumes"]
    assert [c.value for c in ws[1]][:5] == ["file", "status", "name", "level", "score"]
    assert ws.max_row == 1
    assert not list(ws.conditional_formatting)
    assert not book["Cohort"]._charts


# ----------------------------------------------------------------------------------------------
# JSON


def test_json_contract(rows: list[BatchRow], summary: CohortSummary) -> None:
    data = json.loads(render_json(rows, summary))
    assert data["tool"] == "tailor" and data["version"] == __version__
    fields = {f.name for f in dataclasses.fields(CohortSummary)}
    assert fields <= set(data["summary"])
    s = data["summary"]
    assert (s["files"], s["ok"], s["errors"], s["skipped"]) == (
        summary.files, summary.ok, summary.errors, summary.skipped)
    assert s["score_mean"] == summary.score_mean and s["match_rate_mean"] is None
    assert [(b["range"], b["count"]) for b in s["score_bins"]] == list(summary.score_bins)
    assert [(m["term"], m["count"]) for m in s["most_missed"]] == list(summary.most_missed)
    assert s["most_missed"][0]["share"] == round(100 * summary.most_missed[0][1] / summary.ok, 1)
    assert [(c["category"], c["mean"]) for c in s["category_means"]] == list(
        summary.category_means)
    assert [(c["check"], c["count"]) for c in s["check_problems"]] == list(
        summary.check_problems)
    assert [(e["reason"], e["count"]) for e in s["errors_by_reason"]] == list(
        summary.errors_by_reason)

    row_fields = {f.name for f in dataclasses.fields(BatchRow)}
    assert len(data["rows"]) == len(rows)
    for got, row in zip(data["rows"], rows, strict=True):
        assert set(got) == row_fields
        assert got["file"] == clean(row.file), "JSON keeps names as they are"
        assert got["status"] == row.status.value
        assert got["score"] == row.score and got["words"] == row.words
        assert got["missing"] == list(row.missing)
        assert got["warnings"] == list(row.warnings)
        assert got["error"] == clean(row.error)
        assert [(c["category"], c["percent"]) for c in got["categories"]] == list(row.categories)
        if row.report is None:
            assert got["report"] is None
        else:
            assert got["report"] == json.loads(json.dumps(report_to_dict(row.report)))
    assert {"score", "level", "keywords", "checks"} <= set(data["rows"][0]["report"])


def test_json_with_a_posting(job_rows: list[BatchRow]) -> None:
    data = json.loads(render_json(job_rows, summarize(job_rows, LEVEL), title="Spring"))
    assert data["title"] == "Spring"
    assert data["summary"]["match_rate_mean"] == job_rows[0].match_rate
    assert data["rows"][0]["match_rate"] == job_rows[0].match_rate
    assert data["rows"][0]["report"]["job"]["match_rate"] == job_rows[0].match_rate


# ----------------------------------------------------------------------------------------------
# HTML dashboard


def parse(html: str) -> lxml.html.HtmlElement:
    return lxml.html.document_fromstring(html)


def body_rows(doc: lxml.html.HtmlElement) -> list[lxml.html.HtmlElement]:
    return doc.xpath("//table[@id='rows-table']/tbody/tr")


def test_dashboard_headline_numbers(rows: list[BatchRow], summary: CohortSummary) -> None:
    doc = parse(render_cohort_html(rows, summary, title="Spring 2025 nursing"))
    tiles = {t.get("data-tile"): t.find_class("value")[0].text_content()
             for t in doc.find_class("tile")}
    assert tiles["files"] == str(summary.files)
    assert tiles["ok"] == str(summary.ok)
    assert tiles["errors"] == "2" and tiles["skipped"] == "1"
    assert tiles["mean"] == f"{summary.score_mean:g}"
    assert tiles["median"] == f"{summary.score_median:g}"
    assert tiles["range"] == f"{summary.score_min}–{summary.score_max}"
    assert "match" not in tiles
    assert doc.xpath("//h1")[0].text_content() == "Spring 2025 nursing"
    assert "Assistant Care Manager" in doc.xpath("//title")[0].text_content()


def test_dashboard_charts(rows: list[BatchRow], summary: CohortSummary) -> None:
    doc = parse(render_cohort_html(rows, summary))
    bins = doc.xpath("//svg[contains(@class, 'histogram')]//g[@data-count]")
    assert [(b.get("data-range"), int(b.get("data-count"))) for b in bins] == [
        (label.replace("-", "–"), n) for label, n in summary.score_bins]
    heights = [float(b.find("rect").get("height")) for b in bins]
    tallest = max(n for _, n in summary.score_bins)
    for (_, n), h in zip(summary.score_bins, heights, strict=True):
        assert (h > 0) is (n > 0)
        if n == tallest:
            assert h == max(heights)
    bars = doc.xpath("//svg[contains(@class, 'missed-chart')]//g[@data-term]")
    assert [(b.get("data-term"), int(b.get("data-count"))) for b in bars] == list(
        summary.most_missed)
    for bar, (_, n) in zip(bars, summary.most_missed, strict=True):
        share = round(100 * n / summary.ok)
        assert f"{n} · {share}%" in bar.text_content()
    problems = doc.xpath("//section[@id='checks']//li[@data-check]")
    assert [(p.get("data-check"), int(p.get("data-count"))) for p in problems] == list(
        summary.check_problems)
    cats = doc.xpath("//section[@id='categories']//li[@data-category]")
    assert [c.get("data-category") for c in cats] == [c for c, _ in summary.category_means]
    assert CATEGORY_LABELS[Category(summary.category_means[0][0])] in cats[0].text_content()
    reasons = doc.xpath("//section[@id='errors']//tbody/tr")
    assert [(r[0].text_content(), int(r[1].text_content())) for r in reasons] == list(
        summary.errors_by_reason)
    assert doc.xpath("//svg/title") and doc.xpath("//svg/desc")


def test_dashboard_table_is_complete_without_javascript(rows: list[BatchRow],
                                                        summary: CohortSummary) -> None:
    doc = parse(render_cohort_html(rows, summary))
    trs = body_rows(doc)
    assert len(trs) == len(rows)
    for tr, row in zip(trs, rows, strict=True):
        assert tr.find_class("fname")[0].text_content() == shown(row.file)
        assert tr.get("data-status") == row.status.value
        score = tr.find_class("col-score")[0]
        assert score.get("data-value") == ("" if row.score is None else str(row.score))
        if row.score is not None:
            pill = score.find_class("score-pill")[0]
            tone = "low" if row.score < 50 else "fair" if row.score < 75 else "good"
            assert f"tone-{tone}" in pill.get("class")
        missing = [li.text_content() for li in tr.xpath(".//ul[@class='kw']/li")]
        assert missing == list(row.missing)
        if row.error:
            assert tr.find_class("err")[0].text_content() == shown(row.error)
        assert [li.text_content() for li in tr.xpath(".//ul[@class='wl']/li")] == [
            w.split(":", 1)[0] for w in row.warnings]
    heads = doc.xpath("//table[@id='rows-table']/thead//th")
    assert [h.get("data-key") for h in heads] == [
        "file", "status", "score", "years", "reads", "ready", "missing", "warnings", "kind",
        "words"]
    assert heads[2].get("data-sort") == "number" and heads[6].get("data-sort") is None
    assert [h.get("data-sort") for h in heads[3:6]] == ["number"] * 3
    assert doc.get_element_by_id("table-tools").get("hidden") is not None
    options = doc.xpath("//select[@id='filter-status']/option/@value")
    assert options == ["", "ok", "error", "skipped"]


def test_dashboard_with_a_posting_has_a_match_column(job_rows: list[BatchRow]) -> None:
    summary = summarize(job_rows, LEVEL)
    doc = parse(render_cohort_html(job_rows, summary))
    keys = doc.xpath("//table[@id='rows-table']/thead//th/@data-key")
    assert keys[:4] == ["file", "status", "score", "match"]
    first = body_rows(doc)[0].find_class("col-match")[0]
    assert first.get("data-value") == str(job_rows[0].match_rate)
    tile = doc.xpath("//div[@data-tile='match']//dd[@class='value']")[0].text_content()
    assert tile == f"{summary.match_rate_mean:g}%"


def test_dashboard_hostile_names_are_inert(rows: list[BatchRow], summary: CohortSummary) -> None:
    html = render_cohort_html(rows, summary, title="<b>Class</b> of '25")
    doc = parse(html)
    scripts = doc.xpath("//script")
    assert len(scripts) == 1 and "alert(1)" not in scripts[0].text_content()
    assert html.count("<script") == 1
    assert not doc.xpath("//img | //iframe | //object | //embed | //link | //b")
    assert not doc.xpath("//@*[starts-with(name(), 'on')]")
    assert doc.xpath("//h1")[0].text_content() == "<b>Class</b> of '25"
    names = [e.text_content() for e in doc.find_class("fname")]
    assert '"><script>alert(1)</script>.docx' in names
    assert "سارة أحمد.docx" in names
    assert '=HYPERLINK("http://x","y").docx' in names, "the page shows names as they are"


def test_dashboard_loads_nothing(rows: list[BatchRow], summary: CohortSummary) -> None:
    html = render_cohort_html(rows, summary)
    doc = parse(html)
    (csp,) = doc.xpath("//meta[@http-equiv='Content-Security-Policy']/@content")
    assert csp == CONTENT_SECURITY_POLICY == (
        "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; "
        "img-src data:")
    assert html.index("Content-Security-Policy") < html.index("<style>")
    assert not doc.xpath("//@src")
    hrefs = doc.xpath("//@href")
    assert hrefs and all(h.startswith("#") for h in hrefs)
    assert {h[1:] for h in hrefs} <= set(doc.xpath("//@id"))
    ids = doc.xpath("//@id")
    assert len(ids) == len(set(ids))
    code = "".join(doc.xpath("//style/text() | //script/text()"))
    assert not re.search(r"(?i)url\(|@import|@font-face|https?://|fetch\(|XMLHttpRequest", code)
    assert "@media print" in code


def test_dashboard_of_an_empty_batch() -> None:
    doc = parse(render_cohort_html([], summarize([], LEVEL)))
    assert body_rows(doc) == []
    assert "no resume was checked" in doc.get_element_by_id("missed").text_content()
    assert "Every file could be read." in doc.get_element_by_id("errors").text_content()
    assert [b.get("data-count") for b in doc.xpath("//g[@data-count]")] == ["0"] * 10


def test_view_model_helpers(rows: list[BatchRow], summary: CohortSummary) -> None:
    page = build_cohort_page(rows, summary)
    assert page.level_title == "Assistant Care Manager"
    assert not page.anonymized
    assert check_title("ehr-systems") == "EHR systems"
    assert check_title("file-name") == "File name"
    ticks = [int(t.label) for t in page.histogram.ticks]
    assert ticks[0] == 0 and ticks[-1] >= max(n for _, n in summary.score_bins)
    assert len(ticks) <= 6


# ----------------------------------------------------------------------------------------------
# Readiness in every output


def sheet_block(cells: list[list[object]], title: str) -> list[list[object]]:
    """The rows of a Cohort-sheet section: after its title and header, up to a blank row."""
    at = next(i for i, r in enumerate(cells) if r[0] == title)
    out = []
    for r in cells[at + 2:]:
        if r[0] is None:
            break
        out.append(r)
    return out


def test_readiness_rows_from_real_resumes(ready_rows: list[BatchRow]) -> None:
    assert [r.reads_as for r in ready_rows] == [*READS_AS.values(), "assistant", None]
    supervisor = ready_rows[1]
    assert supervisor.ready == "yes" and supervisor.years_relevant is not None
    assert supervisor.years_relevant >= 10
    assert all(r.ready in ("yes", "partly", "no") for r in ready_rows[:4])
    assert ready_rows[4].ready is None and ready_rows[4].years_relevant is None


def test_csv_has_the_readiness_columns_after_score(ready_rows: list[BatchRow]) -> None:
    records = read_csv(render_csv(ready_rows))
    header = records[0]
    assert header[3:9] == ["level", "score", *READINESS_COLUMNS]
    assert "experience_warnings" in header
    got = [dict(zip(header, r, strict=True)) for r in records[1:]]
    assert [c["reads_as"] for c in got] == ["assistant", "supervisor", "care-manager",
                                            "assistant", ""]
    for cells, row in zip(got, ready_rows, strict=True):
        assert cells["years_relevant"] == as_csv(row.years_relevant)
        assert cells["ready"] == (row.ready or "")
        assert cells["years_short"] == as_csv(row.years_short)
        assert cells["experience_warnings"] == as_csv(row.experience_warnings)
    assert got[1]["ready"] == "yes" and float(got[1]["years_relevant"]) >= 10
    assert float(got[0]["years_short"]) > 0, "the new graduate is short of the rung's years"
    assert got[4]["status"] == "error" and got[4]["years_relevant"] == got[4]["ready"] == ""


def test_workbook_readiness_columns_colours_and_counts(ready_rows: list[BatchRow]) -> None:
    summary = summarize(ready_rows, "care-manager")
    book = load(render_xlsx(ready_rows, summary))
    ws = book["Resumes"]
    header = [c.value for c in ws[1]]
    assert header[3:9] == ["level", "score", *READINESS_COLUMNS]
    col = {name: header.index(name) + 1 for name in header}
    for n, row in enumerate(ready_rows, start=2):
        years = ws.cell(row=n, column=col["years_relevant"])
        assert years.value == row.years_relevant
        if row.years_relevant is not None:
            assert years.data_type == "n" and years.number_format == "0.0"
        assert ws.cell(row=n, column=col["reads_as"]).value == row.reads_as
        ready = ws.cell(row=n, column=col["ready"])
        assert ready.value == row.ready
        assert ready.value is None or ready.data_type == "s"
        count = ws.cell(row=n, column=col["experience_warnings"])
        assert count.value == row.experience_warnings
    letter = openpyxl.utils.get_column_letter(col["ready"])
    ref = f"{letter}2:{letter}{len(ready_rows) + 1}"
    (rules,) = [cf.rules for cf in ws.conditional_formatting if str(cf.sqref) == ref]
    assert [r.formula[0] for r in rules] == [f'{letter}2="yes"', f'{letter}2="partly"',
                                             f'{letter}2="no"']
    assert [r.dxf.fill.fgColor.rgb[-6:] for r in rules] == ["E4F3EA", "FCF1DE", "FBE9E6"]

    cohort = book["Cohort"]
    cells = [list(r) for r in cohort.iter_rows(values_only=True)]
    assert [(r[0], r[1]) for r in sheet_block(cells, "Reads as")] == [
        ("Assistant Care Manager", 2), ("Care Manager", 1), ("Senior Care Manager", 0),
        ("Lead Care Manager", 0), ("Care Management Supervisor", 1),
        ("Director of Care Management", 0)]
    assert sheet_block(cells, "Reads as")[0][2] == pytest.approx(0.5)
    ready_block = sheet_block(cells, "Ready for the Care Manager level")
    assert [(r[0], r[1]) for r in ready_block] == [
        (v.capitalize(), n) for v, n in summary.ready]
    assert sum(n for _, n in summary.ready) == summary.readiness_checked == 4
    yes_cell = next(c for r in cohort.iter_rows() for c in r if c.value == "Yes")
    assert yes_cell.fill.fgColor.rgb.endswith("E4F3EA")
    first = {r[0]: r[1:] for r in cells if r[0] is not None}
    assert first["Mean relevant years"][0] == summary.years_relevant_mean
    assert len(cohort._charts) == 2


def test_json_rows_and_summary_carry_readiness(ready_rows: list[BatchRow]) -> None:
    summary = summarize(ready_rows, "care-manager")
    data = json.loads(render_json(ready_rows, summary))
    for got, row in zip(data["rows"], ready_rows, strict=True):
        assert (got["years_relevant"], got["reads_as"], got["ready"], got["years_short"],
                got["experience_warnings"]) == (row.years_relevant, row.reads_as, row.ready,
                                                row.years_short, row.experience_warnings)
    s = data["summary"]
    assert [(r["level"], r["count"]) for r in s["reads_as"]] == list(summary.reads_as)
    assert s["reads_as"][0] == {"level": "assistant", "title": "Assistant Care Manager",
                                "count": 2, "share": 50.0}
    assert [(r["verdict"], r["count"]) for r in s["ready"]] == list(summary.ready)
    assert s["readiness_checked"] == 4
    assert s["years_relevant_mean"] == summary.years_relevant_mean
    assert s["years_relevant_median"] == summary.years_relevant_median


def test_dashboard_readiness_chart_counts_and_columns(ready_rows: list[BatchRow]) -> None:
    summary = summarize(ready_rows, "care-manager")
    doc = parse(render_cohort_html(ready_rows, summary))
    bars = doc.xpath("//svg[contains(@class, 'rung-chart')]//g[@data-level]")
    assert [(b.get("data-level"), int(b.get("data-count"))) for b in bars] == list(
        summary.reads_as)
    heights = [float(b.find("rect").get("height")) for b in bars]
    assert heights[0] == max(heights) and heights[2] == heights[3] == 0
    assert [b.get("data-level") for b in bars if "asked" in b.get("class")] == ["care-manager"]
    assert "Assistant" in bars[0].text_content() and "0-2" in bars[0].text_content()
    assert doc.xpath("//svg[contains(@class, 'rung-chart')]/desc")[0].text_content().startswith(
        "Resumes by the rung")
    ready = doc.xpath("//section[@id='ready']//li[@data-verdict]")
    assert [(li.get("data-verdict"), int(li.get("data-count"))) for li in ready] == list(
        summary.ready)
    assert doc.get_element_by_id("ready-h").text_content() == "Ready for the Care Manager level"
    stats = {d.get("data-stat"): d.find("dd").text_content()
             for d in doc.xpath("//dl[@class='years-stats']/div")}
    assert stats == {"years-mean": f"{summary.years_relevant_mean:g}",
                     "years-median": f"{summary.years_relevant_median:g}"}
    tile = doc.xpath("//div[@data-tile='ready']//dd[@class='value']")[0].text_content()
    assert tile == str(dict(summary.ready)["yes"])
    assert doc.xpath("//nav//a[@href='#readiness']")
    ranks = {"no": "0", "partly": "1", "yes": "2"}
    for tr, row in zip(body_rows(doc), ready_rows, strict=True):
        years = tr.find_class("col-years")[0]
        reads = tr.find_class("col-reads")[0]
        ready_cell = tr.find_class("col-ready")[0]
        if row.reads_as is None:
            assert years.get("data-value") == reads.get("data-value") == ""
            assert ready_cell.get("data-value") == ""
            continue
        assert years.get("data-value") == f"{row.years_relevant:g}"
        assert reads.get("data-value") == str(
            [n for n, _ in summary.reads_as].index(row.reads_as))
        assert reads.text_content() == row.reads_as.replace("-", " ").capitalize()
        assert ready_cell.get("data-value") == ranks[str(row.ready)]
        pill = ready_cell.find_class("ready-pill")[0]
        tone = {"yes": "good", "partly": "fair", "no": "low"}[str(row.ready)]
        assert pill.text_content() == str(row.ready).capitalize()
        assert f"tone-{tone}" in pill.get("class")
        assert "for Care Manager" in pill.get("title")
        if row.years_short:
            assert f"{row.years_short:g} yr short" in ready_cell.text_content()
        assert reads.text_content().casefold() in tr.get("data-search")


def test_outputs_of_an_auto_batch(readiness_reports: dict[str, Report]) -> None:
    rows = [row_from_report(name, check(READINESS / name, level="auto", today=TODAY))
            for name in READS_AS]
    summary = summarize(rows, "auto")
    records = read_csv(render_csv(rows))
    header = records[0]
    assert [r[header.index("level")] for r in records[1:]] == list(READS_AS.values())
    assert [r[header.index("reads_as")] for r in records[1:]] == list(READS_AS.values())
    doc = parse(render_cohort_html(rows, summary))
    assert "rung it reads as" in doc.get_element_by_id("overview").text_content()
    assert doc.get_element_by_id("ready-h").text_content() == (
        "Ready for the rung each resume reads as")
    bars = doc.xpath("//svg[contains(@class, 'rung-chart')]//g[@data-level]")
    assert [int(b.get("data-count")) for b in bars] == [1, 1, 0, 0, 1, 0]
    assert not [b for b in bars if "asked" in b.get("class")]
    cohort = load(render_xlsx(rows, summary))["Cohort"]
    assert cohort["A1"].value == "Cohort report: Auto (the rung each resume reads as)"
    assert "each at the rung it reads as" in cohort["A2"].value
    cells = [list(r) for r in cohort.iter_rows(values_only=True)]
    assert [r[1] for r in sheet_block(cells, "Ready for the rung each resume reads as")] == [
        n for _, n in summary.ready]
    assert sum(n for _, n in summary.ready) == 3
    assert json.loads(render_json(rows, summary))["summary"]["level"] == "auto"


def test_anonymized_readiness_outputs_hold_no_names_or_resume_text(
        readiness_reports: dict[str, Report]) -> None:
    rows = readiness_batch(readiness_reports, anonymize=True)
    summary = summarize(rows, "care-manager")
    texts = outputs(rows, summary)
    for fmt, text in texts.items():
        for person in PEOPLE:
            for part in person.split():
                assert part not in text, (fmt, part)
        for phrase in RESUME_TEXT:
            assert phrase not in text, (fmt, phrase)
        for name in READS_AS:
            assert name.removesuffix(".txt") not in text, (fmt, name)
        assert rows[0].file in text, fmt
    records = read_csv(texts["csv"])
    header = records[0]
    assert [r[header.index("reads_as")] for r in records[1:]] == [
        "assistant", "supervisor", "care-manager", "assistant", ""]
    assert [r[header.index("ready")] for r in records[1:]] == [r.ready or "" for r in rows]
    assert json.loads(texts["json"])["summary"]["readiness_checked"] == 4


# ----------------------------------------------------------------------------------------------
# Anonymized batches


def outputs(rows: Sequence[BatchRow], summary: CohortSummary) -> dict[str, str]:
    """The four exports as text (the workbook as the text of all its XML parts)."""
    with zipfile.ZipFile(io.BytesIO(render_xlsx(rows, summary))) as package:
        xlsx = "\n".join(package.read(n).decode("utf-8") for n in package.namelist())
    return {"csv": render_csv(rows), "xlsx": xlsx, "json": render_json(rows, summary),
            "html": render_cohort_html(rows, summary)}


def marked_resume() -> bytes:
    blocks = (*factories.GOOD_RESUME[:8], ("bullet", MARKER), *factories.GOOD_RESUME[8:])
    return factories.docx_resume(blocks)


def test_anonymized_batch_leaves_names_and_resume_text_out() -> None:
    report = check_resume(read_resume_bytes(marked_resume(), REAL_NAME), level=LEVEL)
    assert any(MARKER in line.text for line in report.lines)
    person = "Jane Doe"
    assert person in report.lines[0].text
    rows = [row_from_report(REAL_NAME, report, anonymize=True, key="secret"),
            row_from_report("second.pdf", report, anonymize=True, key="secret"),
            error_row("Broken Name.docx", LEVEL, "is password-protected", anonymize=True,
                      key="secret")]
    summary = summarize(rows, LEVEL)
    for fmt, text in outputs(rows, summary).items():
        assert MARKER not in text, fmt
        assert "Zebra-quokka" not in text, fmt
        assert "Amira" not in text and "Haddad" not in text, fmt
        assert "Broken Name" not in text, fmt
        assert person not in text, fmt
        assert rows[0].file in text, fmt
    assert build_cohort_page(rows, summary).anonymized
    assert "anonymized" in parse(render_cohort_html(rows, summary)).xpath(
        "//dl[@class='meta']")[0].text_content()


def test_anonymized_warnings_do_not_quote_the_file_name() -> None:
    name = "Amira_Haddad_resume_FINAL_v2.docx"
    report = check_resume(read_resume_bytes(marked_resume(), name), level=LEVEL)
    rows = [row_from_report(name, report, anonymize=True)]
    for fmt, text in outputs(rows, summarize(rows, LEVEL)).items():
        assert "Haddad" not in text, fmt


# ----------------------------------------------------------------------------------------------
# Writing files


@pytest.mark.parametrize("ext", FORMATS)
def test_write_cohort_each_format(ext: str, tmp_path: Path, rows: list[BatchRow],
                                  summary: CohortSummary, capsys: pytest.CaptureFixture[str],
                                  ) -> None:
    path = tmp_path / f"cohort{ext.upper() if ext == '.xlsx' else ext}"
    assert write_cohort(rows, summary, path) == path
    data = path.read_bytes()
    if ext == ".csv":
        assert data.startswith(b"\xef\xbb\xbf"), "a byte-order mark so Excel reads UTF-8"
        with path.open(encoding="utf-8-sig", newline="") as fh:
            assert list(csv.reader(fh)) == read_csv(render_csv(rows))
    elif ext == ".xlsx":
        assert load(data)["Resumes"].max_row == len(rows) + 1
    elif ext == ".json":
        assert len(json.loads(data)["rows"]) == len(rows)
    else:
        assert len(body_rows(parse(data.decode("utf-8")))) == len(rows)
    assert [p.name for p in tmp_path.iterdir()] == [path.name], "no temporary files left"
    assert capsys.readouterr() == ("", "")


def test_existing_file_is_kept_without_force(tmp_path: Path, rows: list[BatchRow],
                                             summary: CohortSummary) -> None:
    path = tmp_path / "cohort.json"
    path.write_text("keep me", encoding="utf-8")
    with pytest.raises(OutputError, match="already exists; use --force"):
        write_cohort(rows, summary, path)
    assert path.read_text(encoding="utf-8") == "keep me"
    write_cohort(rows, summary, path, force=True)
    assert json.loads(path.read_text(encoding="utf-8"))["tool"] == "tailor"
    assert [p.name for p in tmp_path.iterdir()] == ["cohort.json"]


@pytest.mark.parametrize("name", ["cohort.xls", "cohort.txt", "cohort", "cohort.html.bak"])
def test_unknown_extension_is_a_usage_error(name: str, tmp_path: Path, rows: list[BatchRow],
                                            summary: CohortSummary) -> None:
    with pytest.raises(UsageError) as info:
        write_cohort(rows, summary, tmp_path / name)
    assert all(ext in str(info.value) for ext in FORMATS)
    assert not list(tmp_path.iterdir())


def test_missing_folder_is_an_output_error(tmp_path: Path, rows: list[BatchRow],
                                           summary: CohortSummary) -> None:
    with pytest.raises(OutputError, match="does not exist"):
        write_cohort(rows, summary, tmp_path / "nowhere" / "cohort.csv")


# ----------------------------------------------------------------------------------------------
# A real browser

def chromium(*args: str) -> subprocess.CompletedProcess[str]:
    """The dashboard sorts and filters in script: give it time to run."""
    return browser.chromium(*args, script_ms=2000)


@pytest.fixture(scope="module")
def page_file(rows: list[BatchRow], summary: CohortSummary,
              tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("cohort") / "cohort.html"
    write_cohort(rows, summary, path)
    return path


def scores_shown(dom: lxml.html.HtmlElement) -> list[int | None]:
    values = [tr.find_class("col-score")[0].get("data-value") for tr in body_rows(dom)
              if tr.get("hidden") is None]
    return [int(v) if v else None for v in values]


@pytest.mark.slow
@needs_chromium
def test_browser_sorts_from_the_address(page_file: Path, rows: list[BatchRow]) -> None:
    dom = parse(chromium("--dump-dom", page_file.as_uri() + "#sort=score-desc").stdout)
    scores = scores_shown(dom)
    assert len(scores) == len(rows)
    numbers = [s for s in scores if s is not None]
    assert numbers == sorted((r.score for r in rows if r.score is not None), reverse=True)
    assert scores[len(numbers):] == [None] * (len(rows) - len(numbers)), "blanks sort last"
    head = dom.xpath("//th[@data-key='score']")[0]
    assert head.get("aria-sort") == "descending"
    assert [h.get("data-key") for h in dom.xpath("//th[@aria-sort]")] == ["score"]
    assert head.xpath(".//button[@class='sort']"), "headers became buttons"
    assert dom.get_element_by_id("table-tools").get("hidden") is None
    assert "Showing all" in dom.get_element_by_id("rows-shown").text_content()

    asc = parse(chromium("--dump-dom", page_file.as_uri() + "#sort=score-asc").stdout)
    numbers = [s for s in scores_shown(asc) if s is not None]
    assert numbers == sorted(numbers)
    assert asc.xpath("//th[@data-key='score']")[0].get("aria-sort") == "ascending"


@pytest.mark.slow
@needs_chromium
def test_browser_filters_from_the_address(page_file: Path, rows: list[BatchRow]) -> None:
    dom = parse(chromium("--dump-dom", page_file.as_uri() + "#sort=file-asc&status=error")
                .stdout)
    visible = [tr for tr in body_rows(dom) if tr.get("hidden") is None]
    assert [tr.get("data-status") for tr in visible] == ["error"] * 2
    assert "Showing 2 of" in dom.get_element_by_id("rows-shown").text_content()
    dom = parse(chromium("--dump-dom", page_file.as_uri() + "#q=HYPERLINK").stdout)
    visible = [tr for tr in body_rows(dom) if tr.get("hidden") is None]
    assert [tr.find_class("fname")[0].text_content() for tr in visible] == [
        '=HYPERLINK("http://x","y").docx']
    assert not dom.xpath("//script[contains(., 'alert(1)')]")


@pytest.mark.slow
@needs_chromium
def test_browser_screenshot_is_a_real_page(page_file: Path, tmp_path: Path) -> None:
    from PIL import Image

    png = tmp_path / "shot.png"
    chromium(f"--screenshot={png}", "--window-size=1280,2000",
             page_file.as_uri() + "#sort=score-desc")
    with Image.open(io.BytesIO(png.read_bytes())) as image:
        rgb = image.convert("RGB")
    assert rgb.size == (1280, 2000)
    colors = rgb.getcolors(maxcolors=1 << 20)
    assert colors is not None and len(colors) > 200, "the page is not a blank or flat image"
    assert rgb.getpixel((8, 8)) == (0x0A, 0x4D, 0x57), "the masthead is drawn in the brand colour"
    pixels = {color for _, color in colors}
    assert (0x0C, 0x5F, 0x6B) in pixels, "the most-missed bars are drawn"
    assert (0xD2, 0x4A, 0x37) in pixels, "low scores are drawn in red"


@pytest.mark.slow
@needs_chromium
def test_browser_sorts_by_rung_and_readiness(ready_rows: list[BatchRow], tmp_path: Path) -> None:
    path = tmp_path / "cohort.html"
    write_cohort(ready_rows, summarize(ready_rows, "care-manager"), path)
    dom = parse(chromium("--dump-dom", path.as_uri() + "#sort=reads-desc").stdout)
    reads = [tr.find_class("col-reads")[0].text_content() for tr in body_rows(dom)]
    assert reads == ["Supervisor", "Care manager", "Assistant", "Assistant", "–"]
    dom = parse(chromium("--dump-dom", path.as_uri() + "#sort=ready-desc").stdout)
    ready = [tr.find_class("col-ready")[0].get("data-value") for tr in body_rows(dom)]
    assert ready == [*sorted(ready[:4], reverse=True), ""]
    assert ready[0] == "2", "the supervisor, ready, comes first"
    dom = parse(chromium("--dump-dom", path.as_uri() + "#sort=years-asc").stdout)
    years = [tr.find_class("col-years")[0].get("data-value") for tr in body_rows(dom)]
    assert [float(y) for y in years[:4]] == sorted(float(y) for y in years[:4])
