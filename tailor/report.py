"""Rendering: a Report → terminal text, JSON or Markdown strings. No file or terminal I/O here."""

from __future__ import annotations

import io
import json
from collections.abc import Sequence
from dataclasses import asdict
from typing import Any

from tailor.models import (
    CATEGORY_LABELS,
    Category,
    CheckResult,
    Evidence,
    Gap,
    JobMatch,
    Keyword,
    Report,
    Status,
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
            "example": g.example, "in_posting": g.in_posting, "source": g.source}


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
            body = Text.assemble(head, "\n", gap.suggestion)
            if gap.example:
                body.append("\ne.g. ", style="dim")
                body.append(gap.example, style="italic")
            table.add_row(f"{gap.rank}.", body)
        return table

    console.print(Text.assemble(("tailor check", "bold"),
                                f" · {report.file} ({report.kind.value.upper()})"
                                f" · level: {report.level_title}"))
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
    return template.render(
        report=report,
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
    from rich import box
    from rich.console import Console
    from rich.table import Table

    out = io.StringIO()
    console = Console(file=out, width=width, force_terminal=color, no_color=not color,
                      color_system="standard" if color else None, highlight=False, emoji=False)
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
    table.add_column("Term", style="bold", overflow="fold")
    table.add_column("Category", no_wrap=True)
    table.add_column("Weight", no_wrap=True)
    table.add_column("Levels", overflow="fold")
    table.add_column("Also matches", overflow="fold")
    for kw in entries:
        levels = "all" if len(kw.levels) == 6 else ", ".join(kw.levels)
        extra = f" [{kw.group}]" if kw.group else ""
        table.add_row(kw.term + extra, kw.category.value, kw.weight.value, levels,
                      _clip(", ".join(kw.aliases), 90))
    console.print(table)
    console.print(f"{len(entries)} keywords")
    return out.getvalue()


def draft_run_to_dict(run: Any) -> dict[str, Any]:
    """What `tailor draft` wrote, as plain data (`--format json`)."""
    return {
        "level": run.draft.level,
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
    console.print(Text("tailor draft", style="bold") + Text(f" · level: {run.draft.level}"))
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
    """What a batch found, for the terminal: counts, speed, scores, most-missed keywords."""
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
        f" · level: {s.level} · {s.files} files in {result.seconds:.1f} s "
        f"({rate:,.0f}/s, {result.workers} workers)"))
    console.print(Text.assemble(
        (f"{s.ok} checked", "green"), " · ", (f"{s.errors} errors", "red" if s.errors else ""),
        " · ", (f"{s.skipped} skipped", "yellow" if s.skipped else "")))
    if s.score_mean is not None:
        console.print(f"Score: mean {s.score_mean:g}, median {s.score_median:g}, "
                      f"range {s.score_min}-{s.score_max}"
                      + (f"; mean match rate {s.match_rate_mean:g}%"
                         if s.match_rate_mean is not None else ""))
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
