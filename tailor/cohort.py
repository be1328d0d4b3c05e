"""Batch rows and the cohort summary: pure functions from reports to what exports show."""

from __future__ import annotations

import hashlib
import hmac
import statistics
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from tailor.errors import TailorError
from tailor.models import (
    BatchRow,
    CohortSummary,
    Report,
    RowStatus,
    Section,
    Status,
    Verdict,
)

TOP_MISSING = 5
MOST_MISSED = 15
VERDICTS = tuple(v.value for v in Verdict)
"""The readiness answers, in the order summaries list them: yes, partly, no."""


def ladder() -> tuple[str, ...]:
    """The shipped ladder's level names, bottom rung first (empty if the catalog cannot be
    loaded: summaries then list the rungs they met)."""
    from tailor.catalog import load_catalog

    try:
        return tuple(level.name for level in load_catalog().levels)
    except TailorError:
        return ()


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
    # Anonymized rows keep only which checks warned: messages may quote the file name or
    # resume text.
    warnings = tuple(c.id if anonymize else f"{c.id}: {c.message}" for c in report.checks
                     if c.status is not Status.PASS and c.group == "parse")
    words = sum(len(line.text.split()) for line in report.lines)
    # Readiness gives numbers, level names and verdicts only: the same in anonymized rows.
    ready = report.readiness
    asked = None if ready is None else ready.asked
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
        years_relevant=None if ready is None else ready.experience.years_relevant,
        reads_as=None if ready is None else ready.reads_as,
        ready=None if asked is None else asked.verdict.value,
        years_short=None if asked is None else asked.years_short,
        experience_warnings=None if ready is None else len(ready.experience.warnings),
    )


def error_row(file: str, level: str, reason: str, *, status: RowStatus = RowStatus.ERROR,
              seconds: float = 0.0, anonymize: bool = False, key: str = "") -> BatchRow:
    """The row of a file that could not be checked (error) or was not a resume (skipped)."""
    return BatchRow(file=pseudonym(file, key) if anonymize else file, status=status,
                    level=level, error=reason, seconds=round(seconds, 4))


def _reason(row: BatchRow) -> str:
    """An error row's problem without the file name, so that rows group by problem."""
    error = row.error
    for name in (row.file, row.file.rsplit("!", 1)[-1]):
        if error.startswith(name + " "):
            return error[len(name) + 1:]
    return error


def row_signals(row: BatchRow) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """What a row adds to the cohort counts: every keyword it misses, every check that warned
    or failed. From the full report when the row has one, else from the row itself."""
    report = row.report
    if report is not None:
        return (tuple(g.label for g in report.gaps),
                tuple(c.id for c in report.checks if c.status is not Status.PASS))
    return row.missing, tuple(w.split(":", 1)[0] for w in row.warnings)


@dataclass
class CohortTally:
    """Counts for the cohort summary, kept as rows arrive, so a batch of any size can drop
    each row's full report once it is counted (readiness counts come from the row's own
    fields).

    `rungs` gives the ladder's order for the summary's counts by rung (the shipped ladder when
    empty)."""

    level: str
    files: int = 0
    ok: int = 0
    errors: int = 0
    skipped: int = 0
    scores: list[int] = field(default_factory=list)
    rates: list[int] = field(default_factory=list)
    missed: Counter[str] = field(default_factory=Counter)
    problems: Counter[str] = field(default_factory=Counter)
    categories: dict[str, list[int]] = field(default_factory=dict)
    reasons: Counter[str] = field(default_factory=Counter)
    reads_as: Counter[str] = field(default_factory=Counter)
    ready: Counter[str] = field(default_factory=Counter)
    years: list[float] = field(default_factory=list)
    assessed: int = 0
    rungs: tuple[str, ...] = ()
    tracks: tuple[str, ...] = ()

    def add(self, row: BatchRow, missed: Iterable[str] = (),
            problems: Iterable[str] = ()) -> None:
        """Count one row; `missed` and `problems` as row_signals gives them."""
        self.files += 1
        if row.status is RowStatus.ERROR:
            self.errors += 1
            self.reasons[_reason(row)] += 1
            return
        if row.status is RowStatus.SKIPPED:
            self.skipped += 1
            return
        self.ok += 1
        if row.score is not None:
            self.scores.append(row.score)
        if row.match_rate is not None:
            self.rates.append(row.match_rate)
        self.missed.update(missed)
        self.problems.update(problems)
        for category, percent in row.categories:
            self.categories.setdefault(category, []).append(percent)
        if row.reads_as is not None:
            self.assessed += 1
            self.reads_as[row.reads_as] += 1
        if row.ready is not None:
            self.ready[row.ready] += 1
        if row.years_relevant is not None:
            self.years.append(row.years_relevant)

    def summary(self) -> CohortSummary:
        """The cohort summary of the rows counted so far."""
        scores = self.scores
        bins = Counter(min(s // 10, 9) for s in scores)
        labels = [f"{b * 10}-{b * 10 + 9}" if b < 9 else "90-100" for b in range(10)]
        rungs = self.rungs or ladder()
        rungs += tuple(sorted(r for r in self.reads_as if r not in rungs))
        verdicts = VERDICTS + tuple(sorted(v for v in self.ready if v not in VERDICTS))
        years = self.years
        return CohortSummary(
            level=self.level,
            files=self.files,
            ok=self.ok,
            errors=self.errors,
            skipped=self.skipped,
            score_mean=round(statistics.fmean(scores), 1) if scores else None,
            score_median=statistics.median(scores) if scores else None,
            score_min=min(scores) if scores else None,
            score_max=max(scores) if scores else None,
            score_bins=tuple((labels[b], bins.get(b, 0)) for b in range(10)),
            most_missed=tuple(self.missed.most_common(MOST_MISSED)),
            category_means=tuple((c, round(statistics.fmean(v), 1))
                                 for c, v in self.categories.items()),
            check_problems=tuple(self.problems.most_common()),
            errors_by_reason=tuple(self.reasons.most_common()),
            match_rate_mean=round(statistics.fmean(self.rates), 1) if self.rates else None,
            reads_as=tuple((r, self.reads_as.get(r, 0)) for r in rungs),
            ready=tuple((v, self.ready.get(v, 0)) for v in verdicts),
            readiness_checked=self.assessed,
            years_relevant_mean=round(statistics.fmean(years), 1) if years else None,
            years_relevant_median=round(statistics.median(years), 1) if years else None,
            tracks=self.tracks,
        )


def summarize(rows: Sequence[BatchRow], level: str,
              rungs: Sequence[str] = ()) -> CohortSummary:
    """The cohort summary of a batch's rows (`rungs`: the ladder's level names, bottom first;
    the shipped ladder by default)."""
    tally = CohortTally(level, rungs=tuple(rungs))
    for row in rows:
        tally.add(row, *row_signals(row))
    return tally.summary()
