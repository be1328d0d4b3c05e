"""Rendering: a Report → terminal text, JSON or Markdown strings. No file or terminal I/O here."""

from __future__ import annotations

import io
import json
import re
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from typing import Any

from tailor.models import (
    CATEGORY_LABELS,
    Catalog,
    Category,
    CheckResult,
    Evidence,
    Experience,
    Gap,
    JobMatch,
    Keyword,
    KeywordResult,
    Level,
    Readiness,
    Report,
    RequirementCheck,
    Role,
    RungReadiness,
    Status,
    Step,
    Track,
    Weight,
)

FORMATS = ("text", "json", "markdown", "html")

SCORE_EXPLANATION = (
    "The score is the share of the things care-manager employers look for at this level "
    "(taken from the care-manager career guide) that your resume shows in words a screening "
    "system can read; required items count double, and alternatives (any one EHR, any one "
    "clinical licence) count once. It measures keyword coverage, not your worth as a "
    "candidate: a low score is a to-do list, not a verdict."
)

_CATEGORY_ORDER = {c: i for i, c in enumerate(Category)}
_STATUS_MARK = {Status.PASS: "✔", Status.WARN: "!", Status.FAIL: "✘"}
_STATUS_STYLE = {Status.PASS: "green", Status.WARN: "yellow", Status.FAIL: "bold red"}


def _evidence(e: Evidence) -> dict[str, Any]:
    return {"line": e.line, "text": e.text, "section": e.section.value,
            "source": e.source.value, "kind": e.kind.value, "matched": e.matched}


def _gap(g: Gap) -> dict[str, Any]:
    return {"rank": g.rank, "term": g.label, "ids": list(g.ids), "category": g.category.value,
            "weight": g.weight.value, "section": g.section.value, "suggestion": g.suggestion,
            "example": g.example, "in_posting": g.in_posting, "in_track": g.in_track,
            "source": g.source}


def _check(c: CheckResult) -> dict[str, Any]:
    return {"id": c.id, "status": c.status.value, "message": c.message, "fix": c.fix,
            "group": c.group, "lines": list(c.lines)}


def _job(job: JobMatch) -> dict[str, Any]:
    return {
        "file": job.file,
        "title": job.title,
        "organization": job.organization,
        "match_rate": job.match_rate,
        "required": asdict(job.required),
        "preferred": asdict(job.preferred),
        "title_check": _check(job.title_check),
        "terms": [
            {"term": t.term, "found": t.found, "required": t.required,
             "keyword_id": t.keyword_id,
             "category": t.category.value if t.category else None,
             "posting_line": t.line, "evidence": [_evidence(e) for e in t.evidence]}
            for t in job.terms
        ],
        "notes": list(job.notes),
    }


# ----------------------------------------------------------------------------------------------
# Readiness and specialization tracks: plain data for JSON, and a view every format shares


def _role_dict(role: Role) -> dict[str, Any]:
    return {"title": role.title, "employer": role.employer, "dates": role.dates,
            "start": role.start, "end": role.end, "present": role.present,
            "months": role.months, "kind": role.kind.value, "relevant": role.relevant,
            "counted": role.counted, "why": role.why, "line": role.line,
            "notes": list(role.notes)}


def _experience_dict(exp: Experience) -> dict[str, Any]:
    return {"years_relevant": exp.years_relevant,
            "years_care_management": exp.years_care_management,
            "years_other": exp.years_other, "years_total": exp.years_total,
            "dated": exp.dated, "claimed_years": exp.claimed_years,
            "roles": [_role_dict(r) for r in exp.roles], "warnings": list(exp.warnings)}


def _requirement_dict(req: RequirementCheck) -> dict[str, Any]:
    return {"id": req.id, "label": req.label, "weight": req.weight.value,
            "status": req.status.value, "line": req.line, "evidence": req.evidence,
            "source": req.source, "step": req.step}


def _rung_dict(rung: RungReadiness, ready: Readiness) -> dict[str, Any]:
    return {
        "level": rung.level, "title": rung.title, "years": rung.years,
        "verdict": rung.verdict.value, "years_short": rung.years_short,
        "asked": rung.level == ready.asked.level,
        "above": ready.above is not None and rung.level == ready.above.level,
        "reads_as": rung.level == ready.reads_as,
        "requirements": [_requirement_dict(r) for r in rung.requirements],
        "focus_found": rung.focus_found, "focus_total": len(rung.focus),
        "focus": [{"id": f.id, "term": f.term, "found": f.found, "line": f.line,
                   "evidence": f.evidence} for f in rung.focus],
        "reasons": list(rung.reasons),
    }


def readiness_to_dict(ready: Readiness) -> dict[str, Any]:
    """Readiness as plain data (the JSON report's `readiness`; DESIGN.md asks for at least
    `years_relevant` and `reads_as`). `asked` and `above` name rungs of `rungs`."""
    return {
        "years_relevant": ready.years_relevant,
        "reads_as": ready.reads_as,
        "reads_as_title": ready.reads_as_title,
        "reads_as_why": list(ready.reads_as_why),
        "auto": ready.auto,
        "asked": ready.asked.level,
        "asked_verdict": ready.asked.verdict.value,
        "above": ready.above.level if ready.above is not None else None,
        "above_verdict": ready.above.verdict.value if ready.above is not None else None,
        "experience": _experience_dict(ready.experience),
        "rungs": [_rung_dict(r, ready) for r in ready.rungs],
        "steps": [{"text": s.text, "source": s.source, "level": s.level, "kind": s.kind}
                  for s in ready.steps],
    }


MAX_ROLES = 8  # roles the text, Markdown and HTML reports list (JSON has every one)
MAX_FOCUS_NAMES = 4  # focus areas named in one line of the text report

VERDICT_MARKS = {"yes": "✔", "partly": "◐", "no": "✘"}
VERDICT_STYLES = {"yes": "green", "partly": "yellow", "no": "red"}
REQUIREMENT_MARKS = {"met": "✔", "in progress": "◐", "missing": "✘"}

_WHY = re.compile(r'^(title|employer|heading) "(.*)" \((.*)\)$')


@dataclass(frozen=True, slots=True)
class RoleRow:
    """One role as the reports list it: what it was, its dates, and how it was counted."""

    title: str
    employer: str
    dates: str
    kind: str
    why: str
    counted: str
    is_counted: bool
    relevant: bool
    notes: tuple[str, ...]
    line: int


@dataclass(frozen=True, slots=True)
class RequirementRow:
    """A degree, licence or certification of a rung, and what the resume shows of it."""

    label: str
    weight: str
    status: str
    line: int | None
    evidence: str


@dataclass(frozen=True, slots=True)
class RungView:
    """Readiness for one rung, formatted: verdict, years, requirements, focus areas."""

    level: str
    title: str
    years: str
    verdict: str
    role: str
    years_status: str
    years_note: str
    requirements: tuple[RequirementRow, ...]
    focus_found: int
    focus_total: int
    focus_shown: tuple[str, ...]
    focus_missing: tuple[str, ...]
    reasons: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class LadderRung:
    """A rung of the ladder overview: its verdict, and whether the resume reads as it or the
    check asked for it."""

    level: str
    title: str
    years: str
    verdict: str
    reads_as: bool
    asked: bool


@dataclass(frozen=True, slots=True)
class StepRow:
    """A numbered step with the guide sentence behind it."""

    number: int
    text: str
    source: str
    level: str
    level_title: str
    other_rung: bool
    kind: str


@dataclass(frozen=True, slots=True)
class ReadinessView:
    """Readiness formatted for the text, Markdown and HTML reports."""

    auto: bool
    reads_as: str
    reads_as_title: str
    why: tuple[str, ...]
    years: str
    claimed: str
    roles: tuple[RoleRow, ...]
    more_roles: int
    warnings: tuple[str, ...]
    ladder: tuple[LadderRung, ...]
    asked: RungView
    above: RungView | None
    steps: tuple[StepRow, ...]


def _years_figure(value: float) -> str:
    return f"{value:g}"


def _months(months: int) -> str:
    """35 → "2 yr 11 mo"; 4 → "4 mo"."""
    years, rest = divmod(months, 12)
    if not years:
        return f"{rest} mo"
    return f"{years} yr" + (f" {rest} mo" if rest else "")


def _why(why: str) -> str:
    """'title "RN Case Manager" (Case Manager)' → 'title: “Case Manager”'."""
    m = _WHY.match(why)
    return f"{m[1]}: “{m[3]}”" if m else why


def _role_row(role: Role) -> RoleRow:
    counted = "not counted"
    if role.counted:
        counted = _months(role.months)
    return RoleRow(
        title=role.title or role.employer or "(untitled role)",
        employer=(role.employer or "") if role.title else "",
        dates=role.dates or "no dates",
        kind=role.kind.value,
        why=_why(role.why),
        counted=counted,
        is_counted=role.counted,
        relevant=role.relevant,
        notes=role.notes,
        line=role.line,
    )


def _rung_years(rung: RungReadiness, exp: Experience) -> tuple[str, str]:
    """("met" | "short" | "far" | "unknown", a phrase on the rung's years)."""
    years = exp.years_relevant if exp.dated else exp.claimed_years
    if rung.years_short is None or years is None:
        return "unknown", f"cannot be counted (no dated roles); the guide gives {rung.years}"
    said = f"{_years_figure(years)} years" + ("" if exp.dated else " (claimed)")
    if not rung.years_short:
        return "met", f"{said}; the guide gives {rung.years}"
    status = "short" if rung.years_short <= 2 else "far"
    return status, f"{said}: {_years_figure(rung.years_short)} short of the guide's {rung.years}"


def _rung_view(rung: RungReadiness, exp: Experience, role: str) -> RungView:
    status, note = _rung_years(rung, exp)
    return RungView(
        level=rung.level,
        title=rung.title,
        years=rung.years,
        verdict=rung.verdict.value,
        role=role,
        years_status=status,
        years_note=note,
        requirements=tuple(
            RequirementRow(r.label, r.weight.value, r.status.value, r.line, _clip(r.evidence, 90))
            for r in rung.requirements),
        focus_found=rung.focus_found,
        focus_total=len(rung.focus),
        focus_shown=tuple(f.term for f in rung.focus if f.found),
        focus_missing=tuple(f.term for f in rung.focus if not f.found),
        reasons=rung.reasons,
    )


def readiness_view(ready: Readiness) -> ReadinessView:
    """Readiness formatted once for every report format."""
    exp = ready.experience
    if exp.dated:
        years = (f"{_years_figure(exp.years_relevant)} years care-related · "
                 f"{_years_figure(exp.years_care_management)} in care management · "
                 f"{_years_figure(exp.years_other)} in other work")
    else:
        years = "no dated roles"
    claimed = ""
    if exp.claimed_years is not None:
        claimed = f"the summary claims {_years_figure(exp.claimed_years)} years"
    titles = {r.level: r.title for r in ready.rungs}
    asked_role = "auto: the rung it reads as" if ready.auto else "asked for"
    return ReadinessView(
        auto=ready.auto,
        reads_as=ready.reads_as,
        reads_as_title=ready.reads_as_title,
        why=ready.reads_as_why,
        years=years,
        claimed=claimed,
        roles=tuple(_role_row(r) for r in exp.roles[:MAX_ROLES]),
        more_roles=max(0, len(exp.roles) - MAX_ROLES),
        warnings=exp.warnings,
        ladder=tuple(LadderRung(r.level, r.title, r.years, r.verdict.value,
                                r.level == ready.reads_as, r.level == ready.asked.level)
                     for r in ready.rungs),
        asked=_rung_view(ready.asked, exp, asked_role),
        above=None if ready.above is None else _rung_view(ready.above, exp, "the next rung"),
        steps=tuple(_step_row(i, s, ready, titles) for i, s in enumerate(ready.steps, 1)),
    )


def _step_row(number: int, step: Step, ready: Readiness, titles: dict[str, str]) -> StepRow:
    return StepRow(number=number, text=step.text, source=step.source, level=step.level,
                   level_title=titles.get(step.level, step.level),
                   other_rung=step.level != ready.asked.level, kind=step.kind)


@dataclass(frozen=True, slots=True)
class TrackSummary:
    """A specialization track the check counted, and which of its entries the resume shows.

    Attributes:
        id, title, reasoning: the track (keywords/tracks.yaml).
        own: results of the track's own entries (catalog entries whose `track` is its id).
        related: results of the general entries it builds on that the check counted.
        ids: every catalog id that belongs to the track (own and related).
    """

    id: str
    title: str
    reasoning: tuple[str, ...]
    own: tuple[KeywordResult, ...]
    related: tuple[KeywordResult, ...]
    ids: frozenset[str]

    @property
    def shown(self) -> tuple[KeywordResult, ...]:
        """Own and related entries the resume shows."""
        return tuple(r for r in (*self.own, *self.related) if r.found)

    @property
    def missing(self) -> tuple[KeywordResult, ...]:
        """Own and related entries it does not show."""
        return tuple(r for r in (*self.own, *self.related) if not r.found)


def _shipped_catalog() -> Catalog | None:
    """The shipped catalog (cached by the loader), for track titles and reasoning: a report
    carries track ids only."""
    from tailor.catalog import load_catalog
    from tailor.errors import CatalogError

    try:
        return load_catalog()
    except CatalogError:
        return None


def track_why(report: Report | None = None) -> tuple[str, ...]:
    """The guide's reasoning for all emerging specializations (shown once above the tracks):
    the report's own, else the shipped catalog's."""
    if report is not None and report.track_why:
        return report.track_why
    catalog = _shipped_catalog()
    return catalog.track_why if catalog is not None else ()


def track_summaries(report: Report, catalog: Catalog | None = None) -> tuple[TrackSummary, ...]:
    """The report's specialization tracks with their titles, reasoning and entries.

    Args:
        report: a checked resume.
        catalog: where track titles come from; the shipped catalog when None.
    """
    if not report.tracks:
        return ()
    known = {t.id: t for t in report.track_details}
    if not known:  # a report built by hand: the catalog's tracks
        catalog = catalog or _shipped_catalog()
        known = {t.id: t for t in catalog.tracks} if catalog is not None else {}
    by_id = {r.keyword.id: r for r in report.keywords}
    out = []
    for ident in report.tracks:
        track = known.get(ident, Track(ident, ident, (), ()))
        own = tuple(r for r in report.keywords if r.keyword.track == ident)
        related = tuple(by_id[i] for i in track.related if i in by_id)
        ids = frozenset({r.keyword.id for r in own} | set(track.related))
        out.append(TrackSummary(ident, track.title, track.reasoning, own, related, ids))
    return tuple(out)


def gap_tracks(gaps: Sequence[Gap], tracks: Sequence[TrackSummary]) -> dict[int, str]:
    """Gap rank → the title of the track a gap belongs to (gaps flagged `in_track`)."""
    out = {}
    for gap in gaps:
        if gap.in_track:
            track = next((t for t in tracks if not t.ids.isdisjoint(gap.ids)), None)
            out[gap.rank] = track.title if track is not None else "specialization track"
    return out


def report_to_dict(report: Report) -> dict[str, Any]:
    """The report as plain data: the public JSON contract (see DESIGN.md), plus more fields."""
    from tailor import __version__

    return {
        "tool": "tailor",
        "version": __version__,
        "file": report.file,
        "kind": report.kind.value,
        "level": report.level,
        "level_title": report.level_title,
        "score": report.score,
        "explanation": SCORE_EXPLANATION,
        "required": asdict(report.required),
        "preferred": asdict(report.preferred),
        "categories": [
            {
                "category": c.category.value,
                "label": CATEGORY_LABELS[c.category],
                "found": c.found,
                "total": c.total,
                "percent": c.percent,
            }
            for c in report.categories
        ],
        "keywords": [
            {
                "id": r.keyword.id,
                "term": r.keyword.term,
                "category": r.keyword.category.value,
                "weight": r.keyword.weight.value,
                "group": r.keyword.group,
                "found": r.found,
                "evidence": [_evidence(e) for e in r.evidence],
                "suggestion": r.keyword.suggestion,
                "source": r.keyword.source,
            }
            for r in report.keywords
        ],
        "missing": [_gap(g) for g in report.gaps],
        "checks": [_check(c) for c in report.checks],
        "job": _job(report.job) if report.job else None,
        "next_level": None if report.next_level is None else {
            "level": report.next_level.level,
            "title": report.next_level.title,
            "shown": list(report.next_level.shown),
            "missing": [_gap(g) for g in report.next_level.missing],
        },
        "sections": [s.value for s in report.sections],
        "notes": list(report.notes),
        "layout": asdict(report.layout),
        "readiness": None if report.readiness is None else readiness_to_dict(report.readiness),
        "tracks": [
            {"id": t.id, "title": t.title, "reasoning": list(t.reasoning),
             "entries": [{"id": r.keyword.id, "term": r.keyword.term, "role": role,
                          "found": r.found,
                          "line": r.evidence[0].line if r.evidence else None}
                         for role, results in (("own", t.own), ("related", t.related))
                         for r in results]}
            for t in track_summaries(report)
        ],
        "track_why": list(track_why(report)) if report.tracks else [],
    }


def render_json(report: Report) -> str:
    """The report as one JSON object (UTF-8 text, non-ASCII kept), ending in a newline."""
    return json.dumps(report_to_dict(report), ensure_ascii=False, indent=2) + "\n"


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def snippet(text: str, matched: str, width: int) -> tuple[str, str, str]:
    """Cut `text` to about `width` characters around `matched`: (before, match, after)."""
    at = text.find(matched)
    if at < 0:
        at = text.casefold().find(matched.casefold())
    if at < 0 or not matched:
        return _clip(text, width), "", ""
    end = at + len(matched)
    if len(text) <= width:
        return text[:at], text[at:end], text[end:]
    room = max(width - len(matched), 0)
    start = max(0, at - room // 3)
    stop = min(len(text), end + room - (at - start))
    if start:  # begin and end on word boundaries where that costs little
        space = text.find(" ", start, at)
        start = space + 1 if space >= 0 and space - start < 16 else start
    if stop < len(text):
        space = text.rfind(" ", end, stop)
        stop = space if space >= 0 and stop - space < 16 else stop
    before = ("…" if start else "") + text[start:at]
    after = text[end:stop] + ("…" if stop < len(text) else "")
    return before, text[at:end], after


def _bar(percent: int, width: int = 20) -> str:
    full = round(percent * width / 100)
    return "█" * full + "░" * (width - full)


GROUP_TITLES = {"parse": "Can screening systems read it?", "content": "What reviewers look for",
                "healthcare": "Care-manager essentials", "job": "Job posting"}


def render_text(report: Report, *, color: bool = False, width: int = 100,
                max_gaps: int = 12) -> str:
    """A terminal report: aligned tables, colour when `color` is true, plain text otherwise."""
    from rich import box
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    out = io.StringIO()
    console = Console(file=out, width=width, force_terminal=color, no_color=not color,
                      color_system="standard" if color else None, highlight=False,
                      emoji=False, soft_wrap=False)

    def heading(text: str) -> None:
        console.print(Text(text, style="bold underline"))

    tracks = track_summaries(report)
    in_track = gap_tracks(report.gaps, tracks)

    def gap_table(gaps: Sequence[Gap], limit: int) -> Table:
        table = Table.grid(padding=(0, 1))
        table.add_column(justify="right", no_wrap=True)
        table.add_column(overflow="fold")
        for gap in gaps[:limit]:
            head = Text.assemble(
                (gap.label, "bold" if gap.weight is Weight.REQUIRED else ""),
                (f"  {gap.weight.value} · {CATEGORY_LABELS[gap.category].lower()}"
                 f" · add to {gap.section.value}", "dim"),
            )
            if gap.in_posting:
                head.append("  asked for by the posting", style="magenta")
            if gap.in_track:
                head.append(f"  track: {in_track.get(gap.rank, 'specialization')}",
                            style="cyan")
            body = Text.assemble(head, "\n", gap.suggestion)
            if gap.example:
                body.append("\ne.g. ", style="dim")
                body.append(gap.example, style="italic")
            table.add_row(f"{gap.rank}.", body)
        return table

    ready = report.readiness
    level = report.level_title
    if ready is not None and ready.auto:
        level = f"auto → {report.level_title}"
    console.print(Text.assemble(("tailor check", "bold"),
                                f" · {report.file} ({report.kind.value.upper()})"
                                f" · level: {level}"))
    tone = _tone(report.score)
    console.print(Text.assemble(
        ("Score ", "bold"), (f"{report.score}/100", f"bold {tone}"),
        f"   required {report.required.found}/{report.required.total} shown"
        f" · preferred {report.preferred.found}/{report.preferred.total} shown",
    ))
    job = report.job
    if job is not None:
        where = f" at {job.organization}" if job.organization else ""
        console.print(Text.assemble(
            ("Job ", "bold"), f"{job.title or job.file}{where}: ",
            (f"match rate {job.match_rate}%", f"bold {_tone(job.match_rate)}"),
            f"   required {job.required.found}/{job.required.total}"
            f" · preferred {job.preferred.found}/{job.preferred.total}",
        ))
    if ready is not None:
        verdict = ready.asked.verdict.value
        console.print(Text.assemble(
            ("Reads as ", "bold"), (ready.reads_as_title, "bold"),
            f" · {_years_phrase(ready.experience)}"
            + ("" if ready.auto else f" · ready for {ready.asked.title}: "),
            ("" if ready.auto else (verdict, VERDICT_STYLES[verdict])),
        ))
    console.print()

    cats = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
    cats.add_column("Category")
    cats.add_column("Shown", justify="right")
    cats.add_column("Coverage")
    for c in report.categories:
        cats.add_row(CATEGORY_LABELS[c.category], f"{c.found}/{c.total}",
                     Text(f"{_bar(c.percent)} {c.percent:>3}%", style=_tone(c.percent)))
    console.print(cats)
    console.print()

    found = sorted((r for r in report.keywords if r.found),
                   key=lambda r: _CATEGORY_ORDER[r.keyword.category])
    heading(f"What your resume shows ({len(found)} keywords)")
    shown = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
    shown.add_column("Keyword", overflow="fold", max_width=30)
    shown.add_column("Section", no_wrap=True)
    shown.add_column("Line", justify="right", no_wrap=True)
    shown.add_column("Evidence (matched words in bold)", overflow="fold")
    room = max(30, width - 58)
    for r in found:
        ev = r.evidence[0]
        before, hit, after = snippet(ev.text, ev.matched, room)
        more = f" +{len(r.evidence) - 1}" if len(r.evidence) > 1 else ""
        shown.add_row(Text.assemble(("✔ ", "green"), r.keyword.term), ev.section.value,
                      Text.assemble(str(ev.line), (more, "dim")),
                      Text.assemble(before, (hit, "bold"), after))
    console.print(shown if found else Text("  nothing yet", style="dim"))
    console.print()

    if job is not None:
        heading(f"What the posting asks for ({len(job.terms)} terms)")
        terms = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
        terms.add_column("Posting term", overflow="fold", max_width=34)
        terms.add_column("Asks", no_wrap=True)
        terms.add_column("Your resume", overflow="fold")
        for t in job.terms:
            mark = Text("✔ ", style="green") if t.found else Text("✘ ", style="red")
            cell = Text("not shown", style="dim")
            if t.evidence:
                ev = t.evidence[0]
                before, hit, after = snippet(ev.text, ev.matched, room - 8)
                cell = Text.assemble(f"line {ev.line}: ", before, (hit, "bold"), after)
            terms.add_row(mark + Text(t.term), "required" if t.required else "preferred", cell)
        console.print(terms)
        unmet = [t.term for t in job.terms if not t.found and t.keyword_id is None]
        if unmet:
            console.print(Text(
                "  If you have them, name these in the posting's own words (they are not in the "
                f"catalog, so the advice below does not cover them): {', '.join(unmet)}.",
                style="yellow"), overflow="fold")
        _print_check(console, job.title_check)
        for note in job.notes:
            console.print(Text(f"  note: the posting {note}", style="yellow"))
        console.print()

    heading(f"What it misses, most important first ({len(report.gaps)})")
    console.print(gap_table(report.gaps, max_gaps))
    if len(report.gaps) > max_gaps:
        console.print(Text(f"    … and {len(report.gaps) - max_gaps} more "
                           "(see --format markdown, html or json)", style="dim"))
    console.print()

    if ready is not None:
        heading("Career readiness")
        _print_readiness(console, readiness_view(ready))
        console.print()
    if tracks:
        heading("Specialization track" + ("s" if len(tracks) > 1 else ""))
        _print_tracks(console, tracks, track_why(report))
        console.print()

    nxt = report.next_level
    if nxt is not None:
        heading(f"To be read as a {nxt.title}")
        if nxt.missing:
            names = ", ".join(g.label for g in nxt.missing[:6])
            more = f" and {len(nxt.missing) - 6} more" if len(nxt.missing) > 6 else ""
            console.print(Text(f"show: {names}{more}.", overflow="fold"))
            console.print(gap_table(nxt.missing, 3))
        if nxt.shown:
            console.print(Text(f"already shown: {', '.join(nxt.shown)}.", style="green",
                               overflow="fold"))
        console.print()

    groups: dict[str, list[CheckResult]] = {}
    for chk in report.checks:
        groups.setdefault(chk.group, []).append(chk)
    for group, checks in groups.items():
        heading(GROUP_TITLES.get(group, group.capitalize()))
        for chk in checks:
            _print_check(console, chk)
        console.print()
    for note in report.notes:
        console.print(Text(f"note: {note}", style="yellow"))
    console.print(Text(SCORE_EXPLANATION, style="dim"))
    return out.getvalue()


def _years_phrase(exp: Experience) -> str:
    if exp.dated:
        return f"{_years_figure(exp.years_relevant)} years of care-related experience"
    if exp.claimed_years is not None:
        return f"no dated roles; the summary claims {_years_figure(exp.claimed_years)} years"
    return "no dated roles"


def _names(names: Sequence[str], limit: int = MAX_FOCUS_NAMES) -> str:
    shown = ", ".join(names[:limit])
    return shown + (f" +{len(names) - limit} more" if len(names) > limit else "")


def _print_readiness(console: Any, view: ReadinessView) -> None:
    """The readiness section of the text report."""
    from rich import box
    from rich.table import Table
    from rich.text import Text

    head = Table.grid(padding=(0, 2))
    head.add_column(no_wrap=True, style="bold")
    head.add_column(overflow="fold")
    reads = Text(view.reads_as_title, style="bold")
    if view.auto:
        reads.append(f"   (level: auto → {view.reads_as_title})", style="dim")
    head.add_row("Reads as", reads)
    head.add_row("", Text("\n".join(f"· {w}" for w in view.why), style="dim"))
    years = Text(view.years)
    if view.claimed:
        years.append(f" · {view.claimed}", style="dim")
    head.add_row("Years", years)
    ladder = Text()
    for i, lr in enumerate(view.ladder):
        if i:
            ladder.append(" · ", style="dim")
        ladder.append(f"{VERDICT_MARKS[lr.verdict]} ", style=VERDICT_STYLES[lr.verdict])
        ladder.append(lr.level, style="bold" if lr.reads_as or lr.asked else "")
        tags = [t for t, on in (("reads as", lr.reads_as), ("asked", lr.asked)) if on]
        if tags:
            ladder.append(f" ◀ {', '.join(tags)}", style="cyan")
    head.add_row("Ladder", ladder)
    console.print(head)

    if view.roles:
        roles = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
        roles.add_column("Role (line)", overflow="fold", ratio=3)
        roles.add_column("Kind", overflow="fold", ratio=2)
        roles.add_column("Counted", no_wrap=True)
        for role in view.roles:
            cell = Text.assemble((role.title, "bold"), (f" ({role.line})", "dim"))
            where = " · ".join(x for x in (role.employer, role.dates) if x)
            cell.append("\n" + where, style="dim")
            for note in role.notes:
                cell.append("\n" + note, style="yellow")
            kind = Text(role.kind, style="" if role.relevant else "dim")
            kind.append("\n" + role.why, style="dim")
            counted = Text(role.counted, style="green" if role.is_counted and role.relevant
                           else "dim")
            roles.add_row(cell, kind, counted)
        console.print(roles)
        if view.more_roles:
            console.print(Text(f"    … and {view.more_roles} more roles (see --format json)",
                               style="dim"))
    else:
        console.print(Text("No roles were found in the experience section.", style="dim"))
    for warning in view.warnings:
        console.print(Text(f"! {warning}", style="yellow"), overflow="fold")

    for rung in (r for r in (view.asked, view.above) if r is not None):
        console.print()
        console.print(Text.assemble(
            (f"{VERDICT_MARKS[rung.verdict]} ", VERDICT_STYLES[rung.verdict]),
            (rung.title, "bold"), (f" ({rung.years} years, {rung.role}): ", ""),
            (rung.verdict, f"bold {VERDICT_STYLES[rung.verdict]}")))
        grid = Table.grid(padding=(0, 1))
        grid.add_column(width=2)
        grid.add_column(no_wrap=True, style="dim")
        grid.add_column(no_wrap=True)
        grid.add_column(overflow="fold")
        tone = {"met": "green", "short": "yellow", "far": "red", "unknown": "dim"}
        mark = {"met": "✔ met", "short": "◐ short", "far": "✘ short", "unknown": "? unknown"}
        grid.add_row("", "years", Text(mark[rung.years_status], style=tone[rung.years_status]),
                     Text(rung.years_note))
        for i, req in enumerate(rung.requirements):
            style = {"met": "green", "in progress": "yellow"}.get(
                req.status, "red" if req.weight == "required" else "yellow")
            line = Text.assemble(req.label, (f" · {req.weight}", "dim"))
            if req.line is not None:
                line.append(f" · line {req.line}", style="dim")
                if req.status != "met":
                    line.append(f": “{_clip(req.evidence, 60)}”", style="dim")
            grid.add_row("", "" if i else "needs",
                         Text(f"{REQUIREMENT_MARKS[req.status]} {req.status}", style=style),
                         line)
        grid.add_row("", "focus", Text(f"{rung.focus_found}/{rung.focus_total} shown",
                                       style="bold"),
                     Text(_names(rung.focus_shown) or "none yet",
                          style="green" if rung.focus_shown else "dim"))
        if rung.focus_missing:
            grid.add_row("", "", Text("missing", style="red"), Text(_names(rung.focus_missing)))
        console.print(grid)

    if view.steps:
        console.print()
        console.print(Text("Steps", style="bold"))
        steps = Table.grid(padding=(0, 1))
        steps.add_column(justify="right", no_wrap=True)
        steps.add_column(overflow="fold")
        for step in view.steps:
            body = Text(step.text)
            if step.other_rung:
                body.append(f"  (for {step.level_title})", style="cyan")
            body.append(f"\nguide: “{step.source}”", style="dim")
            steps.add_row(f"{step.number}.", body)
        console.print(steps)


def _print_tracks(console: Any, tracks: Sequence[TrackSummary], why_all: Sequence[str]) -> None:
    """The specialization-track section of the text report."""
    from rich.table import Table
    from rich.text import Text

    for why in why_all:
        console.print(Text(f"guide: “{why}”", style="dim"), overflow="fold")
    for track in tracks:
        console.print(Text(track.title, style="bold cyan"))
        grid = Table.grid(padding=(0, 1))
        grid.add_column(width=2)
        grid.add_column(overflow="fold")
        for sentence in track.reasoning:
            grid.add_row("", Text(f"guide: “{sentence}”", style="dim"))
        shown = Text.assemble(("shows: ", "bold"))
        shown.append(", ".join(f"{r.keyword.term} (line {r.evidence[0].line})"
                               for r in track.shown) or "none of its entries yet",
                      style="green" if track.shown else "dim")
        grid.add_row("", shown)
        if track.missing:
            grid.add_row("", Text.assemble(("not yet: ", "bold"),
                                           (", ".join(r.keyword.term for r in track.missing),
                                            "red")))
        console.print(grid)


def _print_check(console: Any, chk: CheckResult) -> None:
    from rich.text import Text

    line = Text.assemble(
        (f"  {_STATUS_MARK[chk.status]} {chk.status.value:<4} ", _STATUS_STYLE[chk.status]),
        (f"{chk.id}: ", "bold"), chk.message)
    if chk.lines:
        shown = ", ".join(str(n) for n in chk.lines[:8])
        line.append(f" (line{'s' if len(chk.lines) > 1 else ''} {shown}"
                    f"{'…' if len(chk.lines) > 8 else ''})", style="dim")
    console.print(line)
    if chk.fix and chk.status is not Status.PASS:
        console.print(Text(f"         fix: {chk.fix}", style="dim"))


def _tone(percent: int) -> str:
    return "green" if percent >= 75 else "yellow" if percent >= 40 else "red"


def render_markdown(report: Report) -> str:
    """The report as Markdown, from templates/reports/check.md.j2."""
    from tailor.templating import environment

    template = environment().get_template("reports/check.md.j2")
    tracks = track_summaries(report)
    return template.render(
        report=report,
        ready=readiness_view(report.readiness) if report.readiness is not None else None,
        tracks=tracks,
        track_why=track_why(report) if tracks else (),
        gap_tracks=gap_tracks(report.gaps, tracks),
        verdict_marks=VERDICT_MARKS,
        requirement_marks=REQUIREMENT_MARKS,
        found=[r for r in report.keywords if r.found],
        category_labels=dict(CATEGORY_LABELS),
        group_titles=GROUP_TITLES,
        explanation=SCORE_EXPLANATION,
    )


def render(report: Report, fmt: str, *, color: bool = False, width: int = 100) -> str:
    """Render in one of FORMATS."""
    if fmt == "json":
        return render_json(report)
    if fmt == "markdown":
        return render_markdown(report)
    if fmt == "html":
        from tailor.report_html import render_html

        return render_html(report)
    return render_text(report, color=color, width=width)


def keyword_to_dict(kw: Keyword) -> dict[str, Any]:
    """One catalog entry as plain data (the `tailor keywords --format json` contract)."""
    return {
        "id": kw.id,
        "term": kw.term,
        "aliases": list(kw.aliases),
        "category": kw.category.value,
        "levels": list(kw.levels),
        "weight": kw.weight.value,
        "source": kw.source,
        "suggestion": kw.suggestion,
        "section": kw.section.value,
        "group": kw.group,
        "match_case": kw.match_case,
        "track": kw.track,
        "file": kw.file,
    }


def render_keywords(entries: Sequence[Keyword], fmt: str, *, color: bool = False,
                    width: int = 120) -> str:
    """The catalog as a table ("text") or a JSON list ("json")."""
    if fmt == "json":
        return json.dumps([keyword_to_dict(kw) for kw in entries], ensure_ascii=False,
                          indent=2) + "\n"
    console, out = _console(color, width)
    console.print(_keyword_table(entries))
    console.print(f"{len(entries)} keywords")
    return out.getvalue()


TrackListing = tuple[Track, Sequence[Keyword], Sequence[Keyword]]
"""A track, its own catalog entries and the general entries it builds on
(tailor.api.list_track_keywords)."""


def render_track_keywords(listings: Sequence[TrackListing], fmt: str, *, color: bool = False,
                          width: int = 120) -> str:
    """Specialization tracks' entries (`tailor keywords --track`): each track's own entries,
    then the general entries it builds on.

    JSON stays the `tailor keywords` list of entries, each with four more fields: `track_id`
    and `track_title` (the track listed), `track_reasoning` (its guide sentences) and
    `track_role` ("own" or "related").
    """
    if fmt == "json":
        rows = [
            {**keyword_to_dict(kw), "track_role": role, "track_id": track.id,
             "track_title": track.title, "track_reasoning": list(track.reasoning)}
            for track, own, related in listings
            for role, entries in (("own", own), ("related", related))
            for kw in entries
        ]
        return json.dumps(rows, ensure_ascii=False, indent=2) + "\n"
    from rich.table import Table
    from rich.text import Text

    console, out = _console(color, width)
    for why in track_why():
        console.print(Text(f"guide: “{why}”", style="dim"), overflow="fold")
    for track, own, related in listings:
        console.print()
        console.print(Text.assemble(("Track ", "bold"), (track.title, "bold cyan"),
                                    (f"  (--track {track.id})", "dim")))
        reasons = Table.grid(padding=(0, 1))
        reasons.add_column(width=2)
        reasons.add_column(overflow="fold")
        for sentence in track.reasoning:
            reasons.add_row("", Text(f"guide: “{sentence}”", style="dim"))
        console.print(reasons)
        roles = ["track"] * len(own) + ["related"] * len(related)
        console.print(_keyword_table([*own, *related], roles))
        console.print(f"{len(own)} track entries, {len(related)} related general entries")
    return out.getvalue()


def _console(color: bool, width: int) -> tuple[Any, io.StringIO]:
    from rich.console import Console

    out = io.StringIO()
    console = Console(file=out, width=width, force_terminal=color, no_color=not color,
                      color_system="standard" if color else None, highlight=False, emoji=False)
    return console, out


def _keyword_table(entries: Sequence[Keyword], roles: Sequence[str] | None = None) -> Any:
    from rich import box
    from rich.table import Table
    from rich.text import Text

    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
    if roles is not None:
        table.add_column("Role", no_wrap=True)
    table.add_column("Term", style="bold", overflow="fold")
    table.add_column("Category", no_wrap=True)
    table.add_column("Weight", no_wrap=True)
    table.add_column("Levels", overflow="fold")
    table.add_column("Also matches", overflow="fold")
    for i, kw in enumerate(entries):
        levels = "all" if len(kw.levels) == 6 else ", ".join(kw.levels)
        extra = f" [{kw.group}]" if kw.group else ""
        cells = [Text(kw.term + extra), Text(kw.category.value), Text(kw.weight.value),
                 Text(levels), Text(_clip(", ".join(kw.aliases), 90))]
        if roles is not None:
            cells.insert(0, Text(roles[i], style="cyan" if roles[i] == "track" else "dim"))
        table.add_row(*cells)
    return table


# ----------------------------------------------------------------------------------------------
# The ladder (`tailor levels`)


def level_to_dict(level: Level, catalog: Catalog) -> dict[str, Any]:
    """One rung of the ladder as plain data (the `tailor levels --format json` contract: at
    least `name`, `title`, `years` and `median_salary`)."""
    terms = {kw.id: kw.term for kw in catalog.keywords}
    return {
        "name": level.name,
        "title": level.title,
        "years": level.years,
        "min_years": level.min_years,
        "max_years": level.max_years,
        "median_salary": level.median_salary,
        "average_salary": level.average_salary,
        "band": level.band,
        "summary": level.summary,
        "focus": level.focus,
        "focus_keywords": [{"id": ident, "term": terms.get(ident, ident)}
                           for ident in level.focus_keywords],
        "requirements": [
            {"id": r.id, "label": r.label, "weight": r.weight.value,
             "keywords": list(r.keywords), "source": r.source}
            for r in catalog.requirements if level.name in r.levels
        ],
    }


def _money(amount: int) -> str:
    return f"${amount:,}"


def render_levels(catalog: Catalog, fmt: str, *, color: bool = False, width: int = 100) -> str:
    """The career ladder as the guide gives it: a table and each rung's focus ("text"), a JSON
    list ("json"), or Markdown ("markdown")."""
    if fmt == "json":
        return json.dumps([level_to_dict(lvl, catalog) for lvl in catalog.levels],
                          ensure_ascii=False, indent=2) + "\n"
    terms = {kw.id: kw.term for kw in catalog.keywords}
    if fmt == "markdown":
        from tailor.templating import environment

        template = environment().get_template("reports/levels.md.j2")
        return template.render(levels=[level_to_dict(lvl, catalog) for lvl in catalog.levels],
                               money=_money)
    from rich import box
    from rich.table import Table
    from rich.text import Text

    console, out = _console(color, width)
    console.print(Text.assemble(("The care-manager career ladder", "bold"),
                                " (the guide's career path and US salaries)"))
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
    table.add_column("Title", style="bold", overflow="fold", max_width=18)
    table.add_column("Name", no_wrap=True)
    table.add_column("Years", no_wrap=True)
    table.add_column("Median", justify="right", no_wrap=True)
    table.add_column("Average", justify="right", no_wrap=True)
    table.add_column("Focus areas", overflow="fold")
    for lvl in catalog.levels:
        focus = ", ".join(terms.get(i, i) for i in lvl.focus_keywords)
        table.add_row(Text(lvl.title), Text(lvl.name, style="cyan"), Text(lvl.years),
                      Text(_money(lvl.median_salary)), Text(_money(lvl.average_salary)),
                      Text(focus))
    console.print(table)
    for lvl in catalog.levels:
        console.print()
        console.print(Text.assemble((lvl.title, "bold"), (f"  {lvl.name} · {lvl.years} years",
                                                          "dim")))
        grid = Table.grid(padding=(0, 1))
        grid.add_column(width=2)
        grid.add_column(no_wrap=True, style="dim")
        grid.add_column(overflow="fold")
        grid.add_row("", "focus", Text(lvl.focus))
        asks = [r for r in catalog.requirements if lvl.name in r.levels]
        if asks:
            grid.add_row("", "asks", Text("; ".join(f"{r.label} ({r.weight.value})"
                                                    for r in asks)))
        console.print(grid)
    console.print()
    console.print(Text("Check against a rung with tailor check RESUME --level NAME (or --level "
                       "auto for the rung the resume reads as).", style="dim"))
    return out.getvalue()


def draft_run_to_dict(run: Any) -> dict[str, Any]:
    """What `tailor draft` wrote, as plain data (`--format json`)."""
    return {
        "level": run.draft.level,
        "tracks": list(run.draft.tracks),
        "resume": str(run.resume_path),
        "cover_letter": str(run.letter_path),
        "profile": str(run.profile_path) if run.profile_path else None,
        "profile_notes": list(run.profile_notes),
        "score": run.score,
        "profile_score": run.profile_score,
        "match_rate": run.match_rate,
        "profile_match_rate": run.profile_match_rate,
        "placeholders": [{"document": p.document, "text": p.text, "line": p.line}
                         for p in run.draft.placeholders],
        "warnings": list(run.draft.warnings),
        "posting_terms": list(run.draft.posting_terms),
    }


def render_draft_run(run: Any, fmt: str, *, color: bool = False, width: int = 100) -> str:
    """The report after drafting: files written, the drafts' scores, placeholders to fill."""
    if fmt == "json":
        return json.dumps(draft_run_to_dict(run), ensure_ascii=False, indent=2) + "\n"
    from rich.console import Console
    from rich.text import Text

    out = io.StringIO()
    console = Console(file=out, width=width, force_terminal=color, no_color=not color,
                      color_system="standard" if color else None, highlight=False, emoji=False)
    tracks = f" · track: {', '.join(run.draft.tracks)}" if run.draft.tracks else ""
    console.print(Text("tailor draft", style="bold")
                  + Text(f" · level: {run.draft.level}{tracks}"))
    console.print(f"Wrote {run.resume_path} and {run.letter_path}")
    if run.profile_path:
        console.print(f"Wrote {run.profile_path}: the facts read from your resume; correct "
                      "them, then draft again with --profile")
        for note in run.profile_notes[:10]:
            console.print(Text(f"  note: {note}", style="yellow"))
    line = f"tailor check of the draft: {run.score}/100 (your profile's own text: " \
           f"{run.profile_score}/100)"
    if run.match_rate is not None:
        line += f"; posting match {run.match_rate}% (profile text: {run.profile_match_rate}%)"
    console.print(Text(line, style="bold"))
    placeholders = run.draft.placeholders
    if placeholders:
        console.print(Text(f"\nPlaceholders to fill ({len(placeholders)}), highlighted in the "
                           "documents:", style="bold"))
        for p in placeholders:
            console.print(Text.assemble(f"  {p.document}: ", (p.text, "yellow"),
                                        ("  in “" + _clip(p.line, 70) + "”", "dim")))
    else:
        console.print("No placeholders left: every fact came from your profile.")
    for warning in run.draft.warnings:
        console.print(Text(f"warning: {warning}", style="yellow"))
    return out.getvalue()


def render_batch_summary(result: Any, *, color: bool = False, width: int = 100) -> str:
    """What a batch found, for the terminal: counts, speed, scores, the rungs the resumes read
    as and how many are ready for the level checked, most-missed keywords."""
    from rich import box
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    out = io.StringIO()
    console = Console(file=out, width=width, force_terminal=color, no_color=not color,
                      color_system="standard" if color else None, highlight=False, emoji=False)
    s = result.summary
    rate = s.files / result.seconds if result.seconds else 0.0
    console.print(Text("tailor batch", style="bold") + Text(
        f" · level: {s.level}"
        + (f" · track: {', '.join(s.tracks)}" if s.tracks else "")
        + f" · {s.files} files in {result.seconds:.1f} s "
        f"({rate:,.0f}/s, {result.workers} workers)"))
    console.print(Text.assemble(
        (f"{s.ok} checked", "green"), " · ", (f"{s.errors} errors", "red" if s.errors else ""),
        " · ", (f"{s.skipped} skipped", "yellow" if s.skipped else "")))
    if s.score_mean is not None:
        console.print(f"Score: mean {s.score_mean:g}, median {s.score_median:g}, "
                      f"range {s.score_min}-{s.score_max}"
                      + (f"; mean match rate {s.match_rate_mean:g}%"
                         if s.match_rate_mean is not None else ""))
    if s.readiness_checked:
        console.print("Reads as: " + " · ".join(f"{rung} {n}" for rung, n in s.reads_as))
        tones = {"yes": "green", "partly": "yellow", "no": "red"}
        verdicts: list[str | tuple[str, str]] = []
        for verdict, n in s.ready:
            verdicts += [" · "] if verdicts else []
            verdicts.append((f"{n} {verdict}", tones.get(verdict, "") if n else ""))
        asked = "the rung each reads as" if s.level == "auto" else s.level
        years = ("" if s.years_relevant_mean is None else
                 f"; care-related years: mean {s.years_relevant_mean:g}, "
                 f"median {s.years_relevant_median:g}")
        console.print(Text.assemble(f"Ready for {asked}: ", *verdicts, years))
    if s.most_missed:
        table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False,
                      title="Most often missing", title_justify="left")
        table.add_column("Keyword", overflow="fold")
        table.add_column("Resumes", justify="right")
        for label, count in s.most_missed[:10]:
            table.add_row(label, f"{count} ({round(100 * count / max(s.ok, 1))}%)")
        console.print(table)
    if s.errors_by_reason:
        console.print(Text("Could not be checked:", style="bold"))
        for reason, count in s.errors_by_reason[:8]:
            console.print(Text(f"  {count} × {_clip(reason, width - 10)}"))
    if result.out is not None:
        console.print(f"Wrote {result.out}")
    elif not s.files:
        console.print("No files found.")
    return out.getvalue()
