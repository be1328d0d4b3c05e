"""Batch rows and the cohort summary: pure functions from reports to what exports show."""

from __future__ import annotations

import hashlib
import hmac
import statistics
from collections import Counter
from collections.abc import Sequence

from tailor.models import (
    BatchRow,
    CohortSummary,
    Report,
    RowStatus,
    Section,
    Status,
)

TOP_MISSING = 5
MOST_MISSED = 15


def pseudonym(file: str, key: str = "") -> str:
    """A stable pseudonymous id for a file: the same file (and key) always gives the same id,
    and the id does not reveal the name. With a secret `key`, ids cannot be recomputed from a
    guessed file name."""
    digest = hmac.new(key.encode("utf-8"), file.encode("utf-8"), hashlib.sha256).hexdigest()
    return f"resume-{digest[:10]}"


def candidate_name(report: Report) -> str | None:
    """The first line of the resume's contact block, when it reads like a name."""
    for line in report.lines[:6]:
        if line.section is not Section.CONTACT:
            continue
        text = line.text.split("|")[0].split(",")[0].strip()
        words = text.split()
        if 1 < len(words) <= 5 and not any(c.isdigit() or c == "@" for c in text):
            return text
    return None


def row_from_report(file: str, report: Report, *, seconds: float = 0.0,
                    anonymize: bool = False, key: str = "") -> BatchRow:
    """The row of a file that was checked.

    Args:
        file: the file's name in the batch.
        report: its report.
        seconds: time spent on it.
        anonymize: leave names, file names and all resume text out (the report too).
        key: the secret that salts pseudonymous ids.
    """
    warnings = tuple(f"{c.id}: {c.message}" for c in report.checks
                     if c.status is not Status.PASS and c.group == "parse")
    words = sum(len(line.text.split()) for line in report.lines)
    return BatchRow(
        file=pseudonym(file, key) if anonymize else file,
        status=RowStatus.OK,
        level=report.level,
        name=None if anonymize else candidate_name(report),
        score=report.score,
        match_rate=report.job.match_rate if report.job else None,
        categories=tuple((c.category.value, c.percent) for c in report.categories),
        missing=tuple(g.label for g in report.gaps[:TOP_MISSING]),
        warnings=warnings,
        kind=report.kind.value,
        words=words,
        seconds=round(seconds, 4),
        report=None if anonymize else report,
    )


def error_row(file: str, level: str, reason: str, *, status: RowStatus = RowStatus.ERROR,
              seconds: float = 0.0, anonymize: bool = False, key: str = "") -> BatchRow:
    """The row of a file that could not be checked (error) or was not a resume (skipped)."""
    return BatchRow(file=pseudonym(file, key) if anonymize else file, status=status,
                    level=level, error=reason, seconds=round(seconds, 4))


def _reason(error: str) -> str:
    """An error message without the file name, so that rows group by problem."""
    words = error.split(" ", 1)
    return words[1] if len(words) == 2 and ("." in words[0] or "/" in words[0]) else error


def summarize(rows: Sequence[BatchRow], level: str) -> CohortSummary:
    """The cohort summary of a batch's rows."""
    ok = [r for r in rows if r.status is RowStatus.OK]
    scores = [r.score for r in ok if r.score is not None]
    bins = Counter(min(s // 10, 9) for s in scores)
    labels = [f"{b * 10}-{b * 10 + 9}" if b < 9 else "90-100" for b in range(10)]
    missed: Counter[str] = Counter()
    problems: Counter[str] = Counter()
    categories: dict[str, list[int]] = {}
    for row in ok:
        report = row.report
        if report is not None:
            missed.update(g.label for g in report.gaps)
            problems.update(c.id for c in report.checks if c.status is not Status.PASS)
        else:  # anonymized rows keep only their top gaps and warnings
            missed.update(row.missing)
            problems.update(w.split(":", 1)[0] for w in row.warnings)
        for category, percent in row.categories:
            categories.setdefault(category, []).append(percent)
    rates = [r.match_rate for r in ok if r.match_rate is not None]
    reasons = Counter(_reason(r.error) for r in rows if r.status is RowStatus.ERROR)
    return CohortSummary(
        level=level,
        files=len(rows),
        ok=len(ok),
        errors=sum(r.status is RowStatus.ERROR for r in rows),
        skipped=sum(r.status is RowStatus.SKIPPED for r in rows),
        score_mean=round(statistics.fmean(scores), 1) if scores else None,
        score_median=statistics.median(scores) if scores else None,
        score_min=min(scores) if scores else None,
        score_max=max(scores) if scores else None,
        score_bins=tuple((labels[b], bins.get(b, 0)) for b in range(10)),
        most_missed=tuple(missed.most_common(MOST_MISSED)),
        category_means=tuple((c, round(statistics.fmean(v), 1)) for c, v in categories.items()),
        check_problems=tuple(problems.most_common()),
        errors_by_reason=tuple(reasons.most_common()),
        match_rate_mean=round(statistics.fmean(rates), 1) if rates else None,
    )
