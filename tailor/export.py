"""Cohort exports: batch rows and the cohort summary → CSV, XLSX, JSON and HTML files."""
# openpyxl ships no type hints (types-openpyxl is not a dependency):
# mypy: disable-error-code="import-untyped"

from __future__ import annotations

import csv
import io
import json
import math
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tailor.errors import OutputError, TailorError, UsageError
from tailor.models import CATEGORY_LABELS, BatchRow, Category, CohortSummary, RowStatus
from tailor.output import write_atomic

if TYPE_CHECKING:
    from openpyxl.worksheet._write_only import WriteOnlyWorksheet

FORMATS = (".csv", ".xlsx", ".json", ".html")

TEMPLATE = "reports/cohort.html.j2"

CONTENT_SECURITY_POLICY = (
    "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:"
)
"""The dashboard loads nothing: its CSS, SVG and the small table script are all inline."""

LOW, GOOD = 50, 75
"""Score (and percent) bands of the cohort report: red under 50, amber 50-74, green 75 and up."""

LIST_SEPARATOR = "; "

# OWASP "CSV injection": a cell that starts with one of these may run as a formula. The
# full-width forms are included because some spreadsheet programs fold them to ASCII.
_FORMULA_START = ("=", "+", "-", "@", "＝", "＋", "－", "＠")
_CONTROL_START = ("\t", "\r")
_SURROGATES = re.compile("[\ud800-\udfff]")
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_PSEUDONYM = re.compile(r"resume-[0-9a-f]{10}")
_EXCEL_CELL_LIMIT = 32_767

_STATUS_LABELS = {RowStatus.OK: "OK", RowStatus.ERROR: "Error", RowStatus.SKIPPED: "Skipped"}
_READY_LABELS = {"yes": "Yes", "partly": "Partly", "no": "No"}
_READY_TONES = {"yes": "good", "partly": "fair", "no": "low"}
_READY_RANKS = {"no": 0, "partly": 1, "yes": 2}  # the table sorts "ready" by this
AUTO = "auto"  # the batch level that checks each resume at the rung it reads as
_STATUS_BADGES = {RowStatus.OK: ("pass", "✓"), RowStatus.ERROR: ("fail", "✕"),
                  RowStatus.SKIPPED: ("warn", "–")}


# ----------------------------------------------------------------------------------------------
# Writing


def write_cohort(rows: Sequence[BatchRow], summary: CohortSummary,
                 path: str | os.PathLike[str], *, force: bool = False,
                 title: str | None = None) -> Path:
    """Write a batch's rows and cohort summary to one file, in the format its extension names.

    Args:
        rows: one row per input file, in the order to show them (already anonymized when the
            batch is: exports read nothing but the rows' fields and, when present, their
            reports).
        summary: the cohort summary of the same rows.
        path: the file to write: .csv, .xlsx, .json or .html (any letter case).
        force: replace an existing file.
        title: a heading for the HTML dashboard and the workbook (default: "Cohort report").

    Returns:
        The path written.

    Raises:
        UsageError: the extension is not one of FORMATS.
        OutputError: the file exists and `force` is false, or it could not be written.
    """
    target = Path(path)
    suffix = target.suffix.lower()
    if suffix not in FORMATS:
        shown = f"'{target.suffix}'" if target.suffix else "no extension"
        raise UsageError(f"{target}: cannot tell the report type from {shown}; "
                         f"name the file with one of {', '.join(FORMATS)}")
    if target.exists() and not target.is_dir() and not force:  # fail before the work
        raise OutputError(f"{target} already exists; use --force to replace it")
    data: str | bytes
    if suffix == ".csv":
        data = "\ufeff" + render_csv(rows)  # the byte-order mark makes Excel read UTF-8
    elif suffix == ".xlsx":
        data = render_xlsx(rows, summary, title=title)
    elif suffix == ".json":
        data = render_json(rows, summary, title=title)
    else:
        data = render_cohort_html(rows, summary, title=title)
    return write_atomic(target, data, force=force)


# ----------------------------------------------------------------------------------------------
# Cell values


def neutralize(value: str) -> str:
    """Make text safe for a spreadsheet cell: it can never run as a formula.

    A value that begins with =, +, -, @ or their full-width forms (after any leading
    whitespace), or with a tab or a carriage return, gets a leading apostrophe (the OWASP rule
    against CSV injection); any other value is returned unchanged.
    """
    if value.startswith(_CONTROL_START) or value.lstrip().startswith(_FORMULA_START):
        return "'" + value
    return value


def _text(value: str) -> str:
    """Text every output can encode: lone surrogates (undecodable file-name bytes) replaced."""
    return _SURROGATES.sub("\ufffd", value)


def _cell_text(value: str) -> str:
    """Text for a spreadsheet cell: encodable, formula-proof."""
    return neutralize(_text(value))


def _category_label(category: str) -> str:
    try:
        return CATEGORY_LABELS[Category(category)]
    except ValueError:
        return category.replace("-", " ").capitalize()


def rung_titles() -> dict[str, str]:
    """Each ladder level's title by its name ({} when the catalog cannot be loaded)."""
    from tailor.catalog import load_catalog

    try:
        return {level.name: level.title for level in load_catalog().levels}
    except TailorError:
        return {}


def _name_label(name: str) -> str:
    """'care-manager' → 'Care manager'."""
    return name.replace("-", " ").capitalize()


def _ready_for(summary: CohortSummary, level_title: str) -> str:
    """What the ready counts answer: 'Ready for the Assistant Care Manager level'."""
    if summary.level == AUTO:
        return "Ready for the rung each resume reads as"
    return f"Ready for the {level_title} level"


def _categories(rows: Sequence[BatchRow]) -> list[str]:
    """The categories present in any row, in catalog order (unknown ones after, as met)."""
    present = dict.fromkeys(c for row in rows for c, _ in row.categories)
    order = {c.value: i for i, c in enumerate(Category)}
    return sorted(present, key=lambda c: order.get(c, len(order)))


@dataclass(frozen=True, slots=True)
class Column:
    """A column of the CSV and of the workbook's Resumes sheet.

    Attributes:
        key: the field name (or "category:<value>" for a category's percent).
        header: the header cell.
        kind: "text", "int", "percent", "years" or "seconds" (how the workbook shows
            numbers).
        width: the workbook column width, in characters.
        wrap: wrap the text in the workbook.
    """

    key: str
    header: str
    kind: str = "text"
    width: float = 12
    wrap: bool = False


def columns(rows: Sequence[BatchRow]) -> list[Column]:
    """The export columns for these rows: match_rate only when a row has one, the readiness
    columns always (empty for rows without readiness), and one column per category present."""
    cols = [Column("file", "file", width=34, wrap=True), Column("status", "status", width=9),
            Column("name", "name", width=22), Column("level", "level", width=13),
            Column("score", "score", "int", width=8)]
    if any(row.match_rate is not None for row in rows):
        cols.append(Column("match_rate", "match_rate", "percent", width=11))
    cols += [Column("years_relevant", "years_relevant", "years", width=10),
             Column("reads_as", "reads_as", width=13), Column("ready", "ready", width=9),
             Column("years_short", "years_short", "years", width=10)]
    cols += [Column(f"category:{c}", _category_label(c), "percent", width=13)
             for c in _categories(rows)]
    cols += [Column("missing", "missing", width=46, wrap=True),
             Column("warnings", "warnings", width=52, wrap=True),
             Column("experience_warnings", "experience_warnings", "int", width=10),
             Column("error", "error", width=44, wrap=True), Column("kind", "kind", width=9),
             Column("words", "words", "int", width=8),
             Column("seconds", "seconds", "seconds", width=9)]
    return cols


def _value(row: BatchRow, key: str) -> str | int | float | None:
    """A row's raw value for a column: numbers stay numbers, lists are joined, None is empty."""
    if key.startswith("category:"):
        return dict(row.categories).get(key.split(":", 1)[1])
    value: Any = getattr(row, key)
    if isinstance(value, tuple):
        return LIST_SEPARATOR.join(value)
    if isinstance(value, RowStatus):
        return value.value
    return value  # type: ignore[no-any-return]


def table(rows: Sequence[BatchRow]) -> tuple[list[Column], list[list[str | int | float | None]]]:
    """The columns and the cell values of every row, text neutralized, numbers as numbers."""
    cols = columns(rows)
    body = []
    for row in rows:
        cells: list[str | int | float | None] = []
        for col in cols:
            value = _value(row, col.key)
            cells.append(_cell_text(value) if isinstance(value, str) else value)
        body.append(cells)
    return cols, body


# ----------------------------------------------------------------------------------------------
# CSV


def render_csv(rows: Sequence[BatchRow]) -> str:
    """The rows as CSV: a header, then one line per file (quoted where needed).

    Every text cell goes through `neutralize`; numbers are written as numbers and empty
    values as empty cells. Read it back with the csv module and `newline=""`: file names may
    hold line breaks.
    """
    cols, body = table(rows)
    out = io.StringIO()
    writer = csv.writer(out, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    writer.writerow([neutralize(c.header) for c in cols])
    writer.writerows(["" if v is None else v for v in cells] for cells in body)
    return out.getvalue()


# ----------------------------------------------------------------------------------------------
# JSON


def _share(count: int, of: int) -> float:
    """count as a percent of `of`, one decimal (0 when `of` is 0)."""
    return round(100 * count / of, 1) if of else 0.0


def summary_to_dict(summary: CohortSummary) -> dict[str, Any]:
    """Every CohortSummary field as plain data; the (label, number) pairs become objects."""
    titles = rung_titles()
    return {
        "level": summary.level,
        "tracks": list(summary.tracks),
        "files": summary.files,
        "ok": summary.ok,
        "errors": summary.errors,
        "skipped": summary.skipped,
        "score_mean": summary.score_mean,
        "score_median": summary.score_median,
        "score_min": summary.score_min,
        "score_max": summary.score_max,
        "match_rate_mean": summary.match_rate_mean,
        "score_bins": [{"range": label, "count": n} for label, n in summary.score_bins],
        "most_missed": [{"term": _text(term), "count": n, "share": _share(n, summary.ok)}
                        for term, n in summary.most_missed],
        "category_means": [{"category": c, "label": _category_label(c), "mean": mean}
                           for c, mean in summary.category_means],
        "check_problems": [{"check": _text(check), "count": n, "share": _share(n, summary.ok)}
                           for check, n in summary.check_problems],
        "errors_by_reason": [{"reason": _text(reason), "count": n}
                             for reason, n in summary.errors_by_reason],
        "readiness_checked": summary.readiness_checked,
        "years_relevant_mean": summary.years_relevant_mean,
        "years_relevant_median": summary.years_relevant_median,
        "reads_as": [{"level": level, "title": titles.get(level, _name_label(level)),
                      "count": n, "share": _share(n, summary.readiness_checked)}
                     for level, n in summary.reads_as],
        "ready": [{"verdict": verdict, "count": n,
                   "share": _share(n, summary.readiness_checked)}
                  for verdict, n in summary.ready],
    }


def row_to_dict(row: BatchRow) -> dict[str, Any]:
    """A row as plain data: every field, and the full report (or null)."""
    from tailor.report import report_to_dict

    return {
        "file": _text(row.file),
        "status": row.status.value,
        "level": row.level,
        "name": None if row.name is None else _text(row.name),
        "score": row.score,
        "match_rate": row.match_rate,
        "categories": [{"category": c, "label": _category_label(c), "percent": p}
                       for c, p in row.categories],
        "missing": [_text(m) for m in row.missing],
        "warnings": [_text(w) for w in row.warnings],
        "error": _text(row.error),
        "kind": row.kind,
        "words": row.words,
        "seconds": row.seconds,
        "report": None if row.report is None else report_to_dict(row.report),
        "years_relevant": row.years_relevant,
        "reads_as": row.reads_as,
        "ready": row.ready,
        "years_short": row.years_short,
        "experience_warnings": row.experience_warnings,
    }


def render_json(rows: Sequence[BatchRow], summary: CohortSummary, *,
                title: str | None = None) -> str:
    """The cohort as one JSON object: tool, version, title, summary and every row.

    Values are the data itself (file names are not neutralized: JSON is not a spreadsheet).
    """
    from tailor import __version__

    document = {
        "tool": "tailor",
        "version": __version__,
        "title": title,
        "summary": summary_to_dict(summary),
        "rows": [row_to_dict(row) for row in rows],
    }
    text = json.dumps(document, ensure_ascii=False, indent=2, allow_nan=False)
    return _text(text) + "\n"


# ----------------------------------------------------------------------------------------------
# XLSX

_PALETTE = {
    "brand": "0A4D57",
    "brand-soft": "E3F1F2",
    "low": "A8281C", "low-soft": "FBE9E6",
    "fair": "86500A", "fair-soft": "FCF1DE",
    "good": "1D6F45", "good-soft": "E4F3EA",
    "muted": "56657A",
    "line": "DCE3EA",
}
_NUMBER_FORMATS = {"int": "0", "percent": '0"%"', "years": "0.0", "seconds": "0.00"}


def _xlsx_text(value: str) -> str:
    """Text a workbook cell can hold: encodable, no XML-illegal characters, formula-proof,
    and within Excel's cell limit."""
    text = _XML_ILLEGAL.sub("\ufffd", _text(value))
    return neutralize(text)[:_EXCEL_CELL_LIMIT]


def render_xlsx(rows: Sequence[BatchRow], summary: CohortSummary, *,
                title: str | None = None) -> bytes:
    """The cohort as an Excel workbook: a "Resumes" sheet (one row per file; scores banded
    red/amber/green, "ready" coloured green/amber/red for yes/partly/no) and a "Cohort" sheet
    (the summary, counts by the rung resumes read as and by ready yes/partly/no, with charts of
    the rungs and of the most-missed keywords).

    No cell is ever a formula: text is neutralized and typed as a string.
    """
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    workbook.properties.creator = "tailor"
    workbook.properties.title = _xlsx_text(title or "Cohort report")
    _resumes_sheet(workbook.create_sheet("Resumes"), rows)
    _cohort_sheet(workbook.create_sheet("Cohort"), rows, summary, title)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _xlsx_cell(ws: WriteOnlyWorksheet, value: str | float | None, **style: Any) -> Any:
    """A write-only cell; text is cleaned, neutralized and forced to the string type."""
    from openpyxl.cell import WriteOnlyCell

    if isinstance(value, str):
        cell = WriteOnlyCell(ws, value=_xlsx_text(value))
        cell.data_type = "s"
    else:
        cell = WriteOnlyCell(ws, value=value)
    for name, setting in style.items():
        setattr(cell, name, setting)
    return cell


def _fill(color: str) -> Any:
    from openpyxl.styles import PatternFill

    return PatternFill(fill_type="solid", start_color=color, end_color=color)


def _band_rules(ws: WriteOnlyWorksheet, ref: str, first: str) -> None:
    """Red under 50, amber 50-74, green 75 and up, for the numbers of `ref` (blank cells and
    text stay uncoloured). `first` is the top-left cell of `ref`."""
    from openpyxl.formatting.rule import FormulaRule
    from openpyxl.styles import Font

    for formula, tone in ((f"AND(ISNUMBER({first}),{first}<{LOW})", "low"),
                          (f"AND(ISNUMBER({first}),{first}>={LOW},{first}<{GOOD})", "fair"),
                          (f"AND(ISNUMBER({first}),{first}>={GOOD})", "good")):
        ws.conditional_formatting.add(ref, FormulaRule(
            formula=[formula], fill=_fill(_PALETTE[f"{tone}-soft"]),
            font=Font(color=_PALETTE[tone]), stopIfTrue=True))


def _font(**settings: Any) -> Any:
    """A cell font: Calibri 11 (the workbook default) unless told otherwise, so that every
    spreadsheet program draws the sheet in the same face."""
    from openpyxl.styles import Font

    settings.setdefault("name", "Calibri")
    settings.setdefault("size", 11)
    return Font(**settings)


def _lines(text: str, width: float) -> int:
    """About how many lines `text` takes in a wrapped column `width` characters wide."""
    room = max((width - 1) * 1.2, 4)  # proportional text fits more than one "0" per unit
    return sum(max(1, math.ceil(len(part) / room)) for part in text.split("\n"))


_LINE_HEIGHT = 15.0  # points per line of Calibri 11
_MAX_ROW_HEIGHT = 409.0  # Excel's limit


def _resumes_sheet(ws: WriteOnlyWorksheet, rows: Sequence[BatchRow]) -> None:
    from openpyxl.styles import Alignment, Border, Side
    from openpyxl.utils import get_column_letter

    cols, body = table(rows)
    last_row = len(body) + 1
    last_col = get_column_letter(len(cols))
    widths = []
    for i, col in enumerate(cols, start=1):
        longest = max((len(str(r[i - 1])) for r in body if r[i - 1] is not None), default=0)
        width = col.width if col.wrap else min(max(col.width, longest + 2), 60)
        widths.append(max(width, len(col.header) + 4))
        ws.column_dimensions[get_column_letter(i)].width = widths[-1]
    ws.freeze_panes = "B2"
    ws.auto_filter.ref = f"A1:{last_col}{last_row}"
    ws.print_title_rows = "1:1"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True

    header_style = {"font": _font(bold=True, color="FFFFFF"), "fill": _fill(_PALETTE["brand"]),
                    "alignment": Alignment(vertical="center", wrap_text=True)}
    ws.row_dimensions[1].height = 2 * _LINE_HEIGHT
    ws.append([_xlsx_cell(ws, col.header, **header_style) for col in cols])

    rule = Border(bottom=Side(style="hair", color=_PALETTE["line"]))
    plain = _font()
    aligns = {
        (True, "text"): Alignment(horizontal="left", vertical="top", wrap_text=True),
        (False, "text"): Alignment(horizontal="left", vertical="top"),
        (False, "number"): Alignment(vertical="top"),
    }
    status_styles = {
        RowStatus.ERROR.value: {"fill": _fill(_PALETTE["low-soft"]),
                                "font": _font(bold=True, color=_PALETTE["low"])},
        RowStatus.SKIPPED.value: {"fill": _fill(_PALETTE["fair-soft"]),
                                  "font": _font(bold=True, color=_PALETTE["fair"])},
        RowStatus.OK.value: {"font": _font(color=_PALETTE["good"])},
    }
    error_font = _font(color=_PALETTE["low"])
    status_at = next(i for i, c in enumerate(cols) if c.key == "status")
    for number, cells in enumerate(body, start=2):
        status = str(cells[status_at])
        out = []
        lines = 1
        for col, width, value in zip(cols, widths, cells, strict=True):
            numeric = col.kind in _NUMBER_FORMATS
            style: dict[str, Any] = {
                "alignment": aligns[(col.wrap, "number" if numeric else "text")],
                "border": rule, "font": plain}
            if numeric:
                style["number_format"] = _NUMBER_FORMATS[col.kind]
            if col.key == "status":
                style.update(status_styles.get(status, {}))
            elif col.key == "error" and value:
                style["font"] = error_font
            if col.wrap and isinstance(value, str):
                lines = max(lines, _lines(value, width))
            out.append(_xlsx_cell(ws, value, **style))
        if lines > 1:  # spreadsheet programs do not size rows to wrapped text on their own
            ws.row_dimensions[number].height = min(lines * _LINE_HEIGHT, _MAX_ROW_HEIGHT)
        ws.append(out)
    if body:
        for i, col in enumerate(cols, start=1):
            letter = get_column_letter(i)
            if col.key == "score" or col.kind == "percent":
                _band_rules(ws, f"{letter}2:{letter}{last_row}", f"{letter}2")
            elif col.key == "ready":
                _ready_rules(ws, f"{letter}2:{letter}{last_row}", f"{letter}2")


def _ready_rules(ws: WriteOnlyWorksheet, ref: str, first: str) -> None:
    """Green for "yes", amber for "partly", red for "no", in the cells of `ref` (`first` is
    its top-left cell); other cells stay uncoloured."""
    from openpyxl.formatting.rule import FormulaRule
    from openpyxl.styles import Font

    for verdict, tone in _READY_TONES.items():
        ws.conditional_formatting.add(ref, FormulaRule(
            formula=[f'{first}="{verdict}"'], fill=_fill(_PALETTE[f"{tone}-soft"]),
            font=Font(bold=True, color=_PALETTE[tone]), stopIfTrue=True))


def _cohort_sheet(ws: WriteOnlyWorksheet, rows: Sequence[BatchRow], summary: CohortSummary,
                  title: str | None) -> None:
    from openpyxl.chart import BarChart, Reference
    from openpyxl.styles import Alignment

    ws.column_dimensions["A"].width = 44
    ws.column_dimensions["B"].width = 19
    ws.column_dimensions["C"].width = 30
    ws.column_dimensions["D"].width = 3
    ws.sheet_view.showGridLines = False
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    bold = _font(bold=True)
    heading = _font(bold=True, size=12, color=_PALETTE["brand"])
    header_font = _font(bold=True, color="FFFFFF")
    header_fill = _fill(_PALETTE["brand"])
    muted = _font(italic=True, color=_PALETTE["muted"])
    wrap = Alignment(wrap_text=True, vertical="top")
    count = 0  # rows written so far

    def put(*cells: Any) -> int:
        nonlocal count
        ws.append(list(cells))
        count += 1
        return count

    def section(name: str, headers: Sequence[str]) -> None:
        put()
        put(_xlsx_cell(ws, name, font=heading))
        put(*(_xlsx_cell(ws, h, font=header_font, fill=header_fill) for h in headers))

    def none_row(text: str) -> None:
        put(_xlsx_cell(ws, text, font=muted))

    level_title = _level_title(rows, summary.level)
    against = ("each at the rung it reads as" if summary.level == AUTO
               else f"against the {level_title} level")
    if summary.tracks:
        against += " with the " + ", ".join(_track_titles(summary.tracks)) + " track"
        against += "s" if len(summary.tracks) > 1 else ""
    put(_xlsx_cell(ws, title or f"Cohort report: {level_title}", font=_font(bold=True, size=16)))
    put(_xlsx_cell(ws, f"{summary.files} files checked {against}. "
                   "Scores are keyword coverage (0-100), not a verdict on the candidate.",
                   font=muted))

    section("Summary", ("Figure", "Value", ""))
    share = "0%"
    figures: list[tuple[str, float | None, str, str]] = [
        ("Files", summary.files, "0", ""),
        ("Checked (ok)", summary.ok, "0", ""),
        ("Errors", summary.errors, "0", "could not be read or checked"),
        ("Skipped", summary.skipped, "0", "not a resume format"),
        ("Mean score", summary.score_mean, "0.0", ""),
        ("Median score", summary.score_median, "0.0", ""),
        ("Lowest score", summary.score_min, "0", ""),
        ("Highest score", summary.score_max, "0", ""),
        ("Mean match rate", summary.match_rate_mean, '0.0"%"',
         "" if summary.match_rate_mean is not None else "no job posting given"),
        ("Mean relevant years", summary.years_relevant_mean, "0.0",
         "care-related experience from dated roles"),
        ("Median relevant years", summary.years_relevant_median, "0.0", ""),
    ]
    for label, value, fmt, note in figures:
        put(_xlsx_cell(ws, label, font=bold), _xlsx_cell(ws, value, number_format=fmt),
            _xlsx_cell(ws, note, font=muted) if note else None)

    assessed = summary.readiness_checked
    titles = rung_titles()
    section("Reads as", ("Rung the resume reads as", "Resumes", "Share of assessed"))
    first_rung = count + 1
    for level, n in summary.reads_as:
        put(_xlsx_cell(ws, titles.get(level, _name_label(level))), _xlsx_cell(ws, n),
            _xlsx_cell(ws, n / assessed if assessed else 0, number_format=share))
    last_rung = count

    section(_ready_for(summary, level_title), ("Ready", "Resumes", "Share of assessed"))
    for verdict, n in summary.ready:
        tone = _READY_TONES.get(verdict)
        look = ({"fill": _fill(_PALETTE[f"{tone}-soft"]), "font": _font(bold=True,
                 color=_PALETTE[tone])} if tone else {})
        put(_xlsx_cell(ws, _READY_LABELS.get(verdict, verdict), **look), _xlsx_cell(ws, n),
            _xlsx_cell(ws, n / assessed if assessed else 0, number_format=share))
    if not assessed:
        none_row("No resume's readiness was worked out.")

    section("Score distribution", ("Score range", "Resumes", "Share of checked"))
    for label, n in summary.score_bins:
        put(_xlsx_cell(ws, label), _xlsx_cell(ws, n),
            _xlsx_cell(ws, n / summary.ok if summary.ok else 0, number_format=share))

    section("Most-missed keywords", ("Keyword", "Resumes missing it", "Share of checked"))
    first_missed = count + 1
    for term, n in summary.most_missed:
        put(_xlsx_cell(ws, term), _xlsx_cell(ws, n),
            _xlsx_cell(ws, n / summary.ok if summary.ok else 0, number_format=share))
    last_missed = count
    if not summary.most_missed:
        none_row("Nothing missed (or no resume was checked).")

    section("Category means", ("Category", "Mean coverage", ""))
    for category, mean in summary.category_means:
        put(_xlsx_cell(ws, _category_label(category)),
            _xlsx_cell(ws, mean, number_format='0.0"%"'))
    if not summary.category_means:
        none_row("No resume was checked.")

    section("Checks that warned or failed", ("Check", "Resumes", "Share of checked"))
    for check, n in summary.check_problems:
        put(_xlsx_cell(ws, check), _xlsx_cell(ws, n),
            _xlsx_cell(ws, n / summary.ok if summary.ok else 0, number_format=share))
    if not summary.check_problems:
        none_row("No check warned or failed.")

    section("Errors by reason", ("Reason", "Files", ""))
    for reason, n in summary.errors_by_reason:
        put(_xlsx_cell(ws, reason, alignment=wrap), _xlsx_cell(ws, n))
    if not summary.errors_by_reason:
        none_row("Every file could be read.")

    if summary.most_missed:
        chart = BarChart()
        chart.type = "bar"
        chart.style = 10
        chart.title = "Most-missed keywords"
        chart.y_axis.title = "Resumes missing it"
        chart.x_axis.scaling.orientation = "maxMin"  # most missed on top
        chart.x_axis.delete = False
        chart.y_axis.delete = False
        chart.y_axis.majorGridlines = None
        chart.legend = None
        chart.gapWidth = 60
        data = Reference(ws, min_col=2, min_row=first_missed - 1, max_row=last_missed)
        labels = Reference(ws, min_col=1, min_row=first_missed, max_row=last_missed)
        chart.add_data(data, titles_from_data=True)
        chart.set_categories(labels)
        chart.series[0].graphicalProperties.solidFill = "0C5F6B"
        chart.series[0].graphicalProperties.line.solidFill = "0C5F6B"
        chart.width = 18
        chart.height = max(7.5, 0.75 * len(summary.most_missed) + 2)
        ws.add_chart(chart, f"E{first_missed - 2}")  # beside its table

    if assessed and summary.reads_as:
        chart = BarChart()
        chart.type = "col"
        chart.style = 10
        chart.title = "Rung the resumes read as"
        chart.y_axis.title = "Resumes"
        chart.y_axis.majorUnit = _nice_step(max(n for _, n in summary.reads_as))
        chart.y_axis.number_format = "0"
        chart.x_axis.delete = False
        chart.y_axis.delete = False
        chart.y_axis.majorGridlines = None
        chart.legend = None
        chart.gapWidth = 60
        data = Reference(ws, min_col=2, min_row=first_rung - 1, max_row=last_rung)
        labels = Reference(ws, min_col=1, min_row=first_rung, max_row=last_rung)
        chart.add_data(data, titles_from_data=True)
        chart.set_categories(labels)
        chart.series[0].graphicalProperties.solidFill = "0C5F6B"
        chart.series[0].graphicalProperties.line.solidFill = "0C5F6B"
        chart.width = 18
        chart.height = 7.5
        ws.add_chart(chart, f"E{first_rung - 2}")


# ----------------------------------------------------------------------------------------------
# HTML dashboard: the view model


@dataclass(frozen=True, slots=True)
class Tile:
    """A headline number."""

    key: str
    label: str
    value: str
    note: str = ""
    tone: str = ""


@dataclass(frozen=True, slots=True)
class HistogramBar:
    """One bin of the score histogram, in SVG user units."""

    label: str
    count: int
    tone: str
    x: str
    y: str
    width: str
    height: str
    center: str
    value_y: str


@dataclass(frozen=True, slots=True)
class Tick:
    """An axis gridline: where it is and what it says."""

    at: str
    label: str


@dataclass(frozen=True, slots=True)
class Histogram:
    """The score distribution chart."""

    width: int
    height: int
    left: int
    right: int
    top: int
    bottom: int
    label_y: int
    bars: tuple[HistogramBar, ...]
    ticks: tuple[Tick, ...]
    description: str


@dataclass(frozen=True, slots=True)
class RungBar:
    """One rung of the "reads as" chart, in SVG user units."""

    level: str
    label: str
    title: str
    years: str
    count: int
    share_label: str
    asked: bool
    x: str
    y: str
    width: str
    height: str
    center: str
    value_y: str


@dataclass(frozen=True, slots=True)
class RungChart:
    """The column chart of how many resumes read as each rung of the ladder."""

    width: int
    height: int
    left: int
    right: int
    top: int
    bottom: int
    label_y: int
    years_y: int
    bars: tuple[RungBar, ...]
    ticks: tuple[Tick, ...]
    description: str


@dataclass(frozen=True, slots=True)
class MissedBar:
    """One keyword of the most-missed chart."""

    rank: int
    term: str
    label: str
    count: int
    share: float
    share_label: str
    y: str
    text_y: str
    width: str
    value_x: str


@dataclass(frozen=True, slots=True)
class MissedChart:
    """The horizontal bar chart of the keywords the cohort most often misses."""

    width: int
    height: int
    label_width: int
    plot_width: int
    bar_height: int
    bars: tuple[MissedBar, ...]
    ticks: tuple[Tick, ...]
    description: str


@dataclass(frozen=True, slots=True)
class Meter:
    """A labelled share with a bar (check problems, category means)."""

    key: str
    label: str
    note: str
    value: str
    detail: str
    percent: int
    tone: str


@dataclass(frozen=True, slots=True)
class Reason:
    """An error reason and how many files it stopped."""

    reason: str
    count: int


@dataclass(frozen=True, slots=True)
class HeadCell:
    """A header of the resumes table."""

    key: str
    label: str
    numeric: bool
    sortable: bool


@dataclass(frozen=True, slots=True)
class Chip:
    """A short piece of text in the table, with its whole text as the tooltip (a missing
    keyword, clipped when long; a parse warning's check id, with its message)."""

    text: str
    title: str


@dataclass(frozen=True, slots=True)
class RowView:
    """One row of the resumes table."""

    index: int
    file: str
    name: str
    status: str
    status_label: str
    badge: str
    icon: str
    score: int | None
    score_tone: str
    match_rate: int | None
    match_tone: str
    missing: tuple[Chip, ...]
    warnings: tuple[Chip, ...]
    error: str
    kind: str
    words: int | None
    search: str
    years: str = "–"
    years_value: str = ""
    years_note: str = ""
    reads_as: str = ""
    reads_as_title: str = ""
    reads_as_rank: str = ""
    ready: str = ""
    ready_label: str = ""
    ready_tone: str = ""
    ready_rank: str = ""
    ready_note: str = ""
    ready_title: str = ""


@dataclass(frozen=True, slots=True)
class CohortPage:
    """Everything cohort.html.j2 shows, already formatted."""

    title: str
    level: str
    level_title: str
    anonymized: bool
    tiles: tuple[Tile, ...]
    histogram: Histogram
    missed: MissedChart | None
    problems: tuple[Meter, ...]
    categories: tuple[Meter, ...]
    reasons: tuple[Reason, ...]
    head: tuple[HeadCell, ...]
    rows: tuple[RowView, ...]
    statuses: tuple[tuple[str, str, int], ...]
    has_match: bool
    ok: int
    version: str
    csp: str
    auto: bool = False
    ready_for: str = ""
    assessed: int = 0
    rungs: RungChart | None = None
    ready: tuple[Meter, ...] = ()
    years_mean: str = "–"
    years_median: str = "–"
    tracks: tuple[str, ...] = ()  # titles of the specialization tracks added to every check


def render_cohort_html(rows: Sequence[BatchRow], summary: CohortSummary,
                       title: str | None = None) -> str:
    """The cohort as one self-contained HTML dashboard.

    Inline CSS and SVG, and a small inline script that sorts and filters the table (the
    table is complete without it); a Content-Security-Policy forbids loading anything else.
    Every value reaches the page through the template's autoescaping. The sort order can be
    set from the address: `#sort=score-desc` (also `&status=error`, `&q=text`).

    Args:
        rows: the batch rows.
        summary: their cohort summary.
        title: the page heading (default: "Cohort report").

    Returns:
        The HTML document.
    """
    from tailor.templating import environment

    template = environment(autoescape=True).get_template(TEMPLATE)
    html = template.render(page=build_cohort_page(rows, summary, title))
    return _XML_ILLEGAL.sub("\ufffd", _text(html))  # control characters are HTML parse errors


def build_cohort_page(rows: Sequence[BatchRow], summary: CohortSummary,
                      title: str | None = None) -> CohortPage:
    """The view model of the HTML dashboard (separate from rendering, for tests)."""
    from tailor import __version__

    has_match = any(r.match_rate is not None for r in rows)
    level_title = _level_title(rows, summary.level)
    present = [(s.value, _STATUS_LABELS[s], sum(r.status is s for r in rows)) for s in RowStatus]
    ladder = _ladder(summary)
    return CohortPage(
        title=title or "Cohort report",
        level=summary.level,
        level_title=level_title,
        anonymized=_looks_anonymized(rows),
        tiles=_tiles(summary),
        histogram=_histogram(summary),
        missed=_missed_chart(summary) if summary.most_missed and summary.ok else None,
        problems=_problems(rows, summary),
        categories=tuple(
            Meter(c, _category_label(c), "", f"{_number(mean)}%", "", round(mean), tone(mean))
            for c, mean in summary.category_means),
        reasons=tuple(Reason(reason, n) for reason, n in summary.errors_by_reason),
        head=_head(has_match),
        rows=tuple(_row_view(i, row, ladder) for i, row in enumerate(rows)),
        statuses=tuple(p for p in present if p[2]),
        has_match=has_match,
        ok=summary.ok,
        version=__version__,
        csp=CONTENT_SECURITY_POLICY,
        auto=summary.level == AUTO,
        ready_for=_ready_for(summary, level_title),
        assessed=summary.readiness_checked,
        rungs=_rung_chart(summary, ladder) if summary.reads_as else None,
        ready=tuple(
            Meter(v, _READY_LABELS.get(v, v), "", str(n),
                  f"{round(_share(n, summary.readiness_checked))}%",
                  round(_share(n, summary.readiness_checked)), _READY_TONES.get(v, ""))
            for v, n in summary.ready),
        years_mean=_number(summary.years_relevant_mean),
        years_median=_number(summary.years_relevant_median),
        tracks=_track_titles(summary.tracks),
    )


@dataclass(frozen=True, slots=True)
class _Rung:
    """A ladder level as the dashboard names it."""

    rank: int
    label: str
    title: str
    years: str


def _ladder(summary: CohortSummary) -> dict[str, _Rung]:
    """The rungs the summary counts, bottom first, with their names from the catalog."""
    from tailor.catalog import load_catalog

    try:
        levels = {lvl.name: lvl for lvl in load_catalog().levels}
    except TailorError:
        levels = {}
    out = {}
    for rank, name in enumerate(dict.fromkeys([*(n for n, _ in summary.reads_as), *levels])):
        lvl = levels.get(name)
        out[name] = _Rung(rank, _name_label(name), lvl.title if lvl else _name_label(name),
                          f"{lvl.years} yrs" if lvl else "")
    return out


def tone(value: float | None) -> str:
    """'low' under 50, 'fair' 50-74, 'good' 75 and up ('' for no value)."""
    if value is None:
        return ""
    return "low" if value < LOW else "fair" if value < GOOD else "good"


def _number(value: float | None) -> str:
    """62.0 → '62', 62.5 → '62.5', None → '–'."""
    if value is None:
        return "–"
    return f"{value:.1f}".removesuffix(".0")


def _track_titles(ids: Sequence[str]) -> tuple[str, ...]:
    """The shipped titles of specialization tracks, their ids where the catalog lacks one."""
    if not ids:
        return ()
    try:
        from tailor.catalog import load_catalog

        catalog = load_catalog()
    except TailorError:
        return tuple(ids)
    out = []
    for ident in ids:
        try:
            out.append(catalog.track(ident).title)
        except KeyError:
            out.append(ident)
    return tuple(out)


def _level_title(rows: Sequence[BatchRow], level: str) -> str:
    if level == AUTO:
        return "Auto (the rung each resume reads as)"
    for row in rows:
        if row.report is not None and row.report.level == level:
            return row.report.level_title
    try:
        from tailor.catalog import load_catalog

        return load_catalog().level(level).title
    except (TailorError, KeyError):
        return level.replace("-", " ").capitalize()


def _looks_anonymized(rows: Sequence[BatchRow]) -> bool:
    """True when every row carries a pseudonymous id and no name or report."""
    return bool(rows) and all(
        _PSEUDONYM.fullmatch(r.file) and r.name is None and r.report is None for r in rows)


def _tiles(summary: CohortSummary) -> tuple[Tile, ...]:
    tiles = [
        Tile("files", "Files", str(summary.files), "in the batch"),
        Tile("ok", "Checked", str(summary.ok), "read and scored", "good" if summary.ok else ""),
        Tile("errors", "Errors", str(summary.errors), "could not be read",
             "low" if summary.errors else ""),
        Tile("skipped", "Skipped", str(summary.skipped), "not a resume format",
             "fair" if summary.skipped else ""),
        Tile("mean", "Mean score", _number(summary.score_mean), "out of 100",
             tone(summary.score_mean)),
        Tile("median", "Median score", _number(summary.score_median), "out of 100",
             tone(summary.score_median)),
        Tile("range", "Score range",
             "–" if summary.score_min is None else f"{summary.score_min}–{summary.score_max}",
             "lowest – highest"),
    ]
    if summary.match_rate_mean is not None:
        tiles.append(Tile("match", "Mean match", f"{_number(summary.match_rate_mean)}%",
                          "rate against the job posting", tone(summary.match_rate_mean)))
    if summary.readiness_checked:
        ready = dict(summary.ready).get("yes", 0)
        tiles.append(Tile("ready", "Ready", str(ready),
                          f"of {summary.readiness_checked} for "
                          + ("the rung each reads as" if summary.level == AUTO
                             else "this level"), "good" if ready else ""))
    return tuple(tiles)


def _nice_step(top: int) -> int:
    """A gridline step (1, 2, 5, 10, 20, 50...) giving at most five steps up to `top`."""
    magnitude = 1
    while True:
        for base in (1, 2, 5):
            step = base * magnitude
            if math.ceil(top / step) <= 5:
                return step
        magnitude *= 10


def _histogram(summary: CohortSummary) -> Histogram:
    width, height, left, right, top, bottom = 600, 250, 40, 10, 24, 36
    plot_w, plot_h = width - left - right, height - top - bottom
    highest = max((n for _, n in summary.score_bins), default=0)
    step = _nice_step(max(highest, 1))
    scale_top = max(step * math.ceil(max(highest, 1) / step), 1)
    slot = plot_w / max(len(summary.score_bins), 1)
    bars = []
    for i, (label, n) in enumerate(summary.score_bins):
        h = plot_h * n / scale_top
        x = left + i * slot + slot * 0.13
        y = top + plot_h - h
        lower = int(label.split("-")[0]) if label.split("-")[0].isdigit() else 0
        bars.append(HistogramBar(
            label=label.replace("-", "–"), count=n, tone=tone(lower),
            x=f"{x:.1f}", y=f"{y:.1f}", width=f"{slot * 0.74:.1f}", height=f"{h:.1f}",
            center=f"{left + (i + 0.5) * slot:.1f}", value_y=f"{y - 6:.1f}"))
    ticks = tuple(Tick(f"{top + plot_h - plot_h * v / scale_top:.1f}", str(v))
                  for v in range(0, scale_top + 1, step))
    described = ", ".join(f"{label}: {n}" for label, n in summary.score_bins)
    return Histogram(width, height, left, width - right, top, top + plot_h, height - 12,
                     tuple(bars), ticks, f"Resumes by score range: {described}.")


def _rung_chart(summary: CohortSummary, ladder: dict[str, _Rung]) -> RungChart:
    """Resumes by the rung they read as: one column per rung, bottom rung on the left."""
    width, height, left, right, top, bottom = 600, 262, 40, 10, 24, 50
    plot_w, plot_h = width - left - right, height - top - bottom
    highest = max((n for _, n in summary.reads_as), default=0)
    step = _nice_step(max(highest, 1))
    scale_top = max(step * math.ceil(max(highest, 1) / step), 1)
    slot = plot_w / max(len(summary.reads_as), 1)
    bars = []
    for i, (name, n) in enumerate(summary.reads_as):
        rung = ladder[name]
        h = plot_h * n / scale_top
        x = left + i * slot + slot * 0.16
        y = top + plot_h - h
        bars.append(RungBar(
            level=name, label=rung.label, title=rung.title, years=rung.years, count=n,
            share_label=f"{round(_share(n, summary.readiness_checked))}%",
            asked=name == summary.level,
            x=f"{x:.1f}", y=f"{y:.1f}", width=f"{slot * 0.68:.1f}", height=f"{h:.1f}",
            center=f"{left + (i + 0.5) * slot:.1f}", value_y=f"{y - 6:.1f}"))
    ticks = tuple(Tick(f"{top + plot_h - plot_h * v / scale_top:.1f}", str(v))
                  for v in range(0, scale_top + 1, step))
    described = ", ".join(f"{b.title}: {b.count}" for b in bars)
    return RungChart(width, height, left, width - right, top, top + plot_h, top + plot_h + 18,
                     top + plot_h + 35, tuple(bars), ticks,
                     f"Resumes by the rung of the ladder they read as: {described}.")


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _missed_chart(summary: CohortSummary) -> MissedChart:
    width, row_h, bar_h, top, value_w = 1000, 30, 18, 26, 110
    longest = max(len(term) for term, _ in summary.most_missed)
    label_w = math.ceil(min(max(longest * 7.6 + 18, 150), 320))
    fits = max(longest if longest * 7.6 + 18 <= label_w else int((label_w - 18) / 7.6), 8)
    plot_w = width - label_w - value_w
    bars = []
    for i, (term, n) in enumerate(summary.most_missed):
        share = _share(n, summary.ok)
        y = top + i * row_h + (row_h - bar_h) / 2
        bar_w = plot_w * min(share, 100) / 100
        bars.append(MissedBar(
            rank=i + 1, term=term, label=_clip(term, fits), count=n, share=share,
            share_label=f"{round(share)}%", y=f"{y:.1f}", text_y=f"{y + bar_h / 2 + 4.5:.1f}",
            width=f"{max(bar_w, 1.5):.1f}", value_x=f"{label_w + bar_w + 8:.1f}"))
    ticks = tuple(Tick(f"{label_w + plot_w * p / 100:.1f}", f"{p}%") for p in (0, 25, 50, 75, 100))
    height = top + row_h * len(bars) + 6
    described = "; ".join(f"{b.term}: {b.count} ({b.share_label})" for b in bars)
    return MissedChart(width, height, label_w, plot_w, bar_h, tuple(bars), ticks,
                       f"Keywords missing from the most resumes: {described}.")


def _problems(rows: Sequence[BatchRow], summary: CohortSummary) -> tuple[Meter, ...]:
    from tailor.report_html import CHECK_GROUPS

    groups: dict[str, str] = {}
    for row in rows:
        if row.report is not None:
            for result in row.report.checks:
                groups.setdefault(result.id, result.group)
        for warning in row.warnings:  # row warnings are the parse group's
            groups.setdefault(warning.split(":", 1)[0], "parse")
    meters = []
    for check, n in summary.check_problems:
        share = _share(n, summary.ok)
        group = groups.get(check, "")
        note = CHECK_GROUPS[group][0] if group in CHECK_GROUPS else group.capitalize()
        meters.append(Meter(check, check_title(check), note,
                            str(n), f"{round(share)}%", round(share),
                            "low" if share >= LOW else "fair"))
    return tuple(meters)


_ACRONYMS = {"ats": "ATS", "ehr": "EHR", "pdf": "PDF", "docx": "DOCX", "rn": "RN"}


def check_title(check_id: str) -> str:
    """'ehr-systems' → 'EHR systems', 'file-name' → 'File name'."""
    words = [_ACRONYMS.get(w, w) for w in check_id.split("-")]
    text = " ".join(words)
    return text[:1].upper() + text[1:]


def _head(has_match: bool) -> tuple[HeadCell, ...]:
    cells = [HeadCell("file", "Resume", numeric=False, sortable=True),
             HeadCell("status", "Status", numeric=False, sortable=True),
             HeadCell("score", "Score", numeric=True, sortable=True)]
    if has_match:
        cells.append(HeadCell("match", "Match", numeric=True, sortable=True))
    cells += [HeadCell("years", "Years", numeric=True, sortable=True),
              HeadCell("reads", "Reads as", numeric=True, sortable=True),
              HeadCell("ready", "Ready", numeric=True, sortable=True)]
    cells += [HeadCell("missing", "Top missing keywords / problem", numeric=False,
                       sortable=False),
              HeadCell("warnings", "Parse warnings", numeric=True, sortable=True),
              HeadCell("kind", "Type", numeric=False, sortable=True),
              HeadCell("words", "Words", numeric=True, sortable=True)]
    return tuple(cells)


def _row_view(index: int, row: BatchRow, ladder: dict[str, _Rung]) -> RowView:
    badge, icon = _STATUS_BADGES[row.status]
    warnings = tuple(Chip(w.split(":", 1)[0], w) for w in row.warnings)
    rung = None if row.reads_as is None else ladder.get(row.reads_as)
    reads_as = "" if row.reads_as is None else rung.label if rung else _name_label(row.reads_as)
    reads_title = "" if row.reads_as is None else rung.title if rung else reads_as
    ready = row.ready or ""
    short = row.years_short
    ready_note = f"{_number(short)} yr short" if short else ""
    for_level = ladder[row.level].title if row.level in ladder else _name_label(row.level)
    ready_title = ""
    if ready:
        ready_title = f"{_READY_LABELS.get(ready, ready)} for {for_level}" + (
            f": {_number(short)} more years of care-related experience to gain" if short
            else "")
    checks = row.experience_warnings or 0
    years_note = (f"{checks} experience {'warning' if checks == 1 else 'warnings'}: "
                  "check the dates in the resume" if checks else "")
    words = [row.file, row.name or "", *row.missing, *row.warnings, row.error, row.kind or "",
             reads_as, ready]
    return RowView(
        index=index,
        file=row.file,
        name=row.name or "",
        status=row.status.value,
        status_label=_STATUS_LABELS[row.status],
        badge=badge,
        icon=icon,
        score=row.score,
        score_tone=tone(row.score),
        match_rate=row.match_rate,
        match_tone=tone(row.match_rate),
        missing=tuple(Chip(_clip(m, 60), m) for m in row.missing),
        warnings=warnings,
        error=row.error,
        kind=(row.kind or "").upper(),
        words=row.words,
        search=" ".join(" ".join(w.split()) for w in words if w).casefold(),
        years=_number(row.years_relevant),
        years_value="" if row.years_relevant is None else f"{row.years_relevant:g}",
        years_note=years_note,
        reads_as=reads_as,
        reads_as_title=reads_title,
        reads_as_rank="" if rung is None else str(rung.rank),
        ready=ready,
        ready_label=_READY_LABELS.get(ready, ready),
        ready_tone=_READY_TONES.get(ready, ""),
        ready_rank=str(_READY_RANKS[ready]) if ready in _READY_RANKS else "",
        ready_note=ready_note,
        ready_title=ready_title,
    )
