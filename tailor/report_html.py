"""Rendering: a Report → one self-contained HTML page (inline CSS and SVG, no scripts). No I/O."""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import pairwise

from tailor.models import (
    CATEGORY_LABELS,
    CheckResult,
    Coverage,
    Evidence,
    Gap,
    JobMatch,
    Line,
    MatchKind,
    NextLevel,
    PostingTerm,
    Report,
    Section,
    Source,
    Status,
    Weight,
)
from tailor.report import (
    SCORE_EXPLANATION,
    ReadinessView,
    TrackSummary,
    gap_tracks,
    readiness_view,
    track_summaries,
    track_why,
)

TEMPLATE = "reports/check.html.j2"

CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"
"""Nothing may load: no scripts, fonts, frames or remote images, even if a rendering bug let
markup through. Inline styles and data: images are all the page needs."""

# Tones follow the terminal report: score ≥75 strong, ≥50 moderate; a category ≥75 / ≥40.
SCORE_BANDS = ((75, "good", "Strong coverage"), (50, "fair", "Moderate coverage"),
               (0, "low", "Low coverage"))
CATEGORY_BANDS = ((75, "good"), (40, "fair"), (0, "low"))

KIND_LABELS: dict[str, str] = {
    MatchKind.EXACT: "exact",
    MatchKind.ALIAS: "alias",
    MatchKind.LEMMA: "lemma",
    "posting": "posting term",
}
KIND_HELP: dict[str, str] = {
    MatchKind.EXACT: "the term itself",
    MatchKind.ALIAS: "a variant real resumes use",
    MatchKind.LEMMA: "another grammatical form",
    "posting": "a term from the job posting",
}
_KIND_RANK = {MatchKind.EXACT: 0, MatchKind.ALIAS: 1, MatchKind.LEMMA: 2, "posting": 3}

STATUS_LABELS = {Status.PASS: "Pass", Status.WARN: "Warning", Status.FAIL: "Fail"}
STATUS_ICONS = {Status.PASS: "✓", Status.WARN: "!", Status.FAIL: "✕"}

CHECK_GROUPS: dict[str, tuple[str, str]] = {
    "parse": ("Parsing", "Can applicant-tracking systems read your file?"),
    "content": ("Content", "What human reviewers look for."),
    "healthcare": ("Healthcare", "Checks particular to care-manager resumes."),
    "job": ("Job posting", "Checks against the posting you gave."),
}

SOURCE_LABELS = {
    Source.TABLE: "in a table",
    Source.HEADER: "in the page header",
    Source.FOOTER: "in the page footer",
    Source.TEXTBOX: "in a text box",
    Source.FOOTNOTE: "in a footnote",
    Source.ENDNOTE: "in an endnote",
}

TOP_GAPS = 8
"""Gaps shown as full cards; the rest of the to-do list is a denser table."""

_PLACEHOLDER = re.compile(r"\[[^\[\]]{1,40}\]")
_GAUGE_RADIUS = 52.0


# ----------------------------------------------------------------------------------------------
# The view model: everything the template shows, already formatted


@dataclass(frozen=True, slots=True)
class Hit:
    """One keyword shown by a stretch of a resume line."""

    key: str
    term: str
    kind: str
    category: str

    @property
    def describe(self) -> str:
        """'care coordination · exact match · Responsibilities' (the legend explains kinds)."""
        where = f" · {self.category}" if self.category else ""
        return f"{self.term} · {KIND_LABELS[self.kind]} match{where}"


@dataclass(frozen=True, slots=True)
class Segment:
    """A run of a line's text: plain (no hits) or highlighted by one or more keywords."""

    text: str
    hits: tuple[Hit, ...] = ()

    @property
    def kind(self) -> str:
        """The best match kind among the hits (it sets the underline style)."""
        return min((h.kind for h in self.hits), key=_KIND_RANK.__getitem__, default="")

    @property
    def title(self) -> str:
        """The tooltip: every keyword with its match kind."""
        return "; ".join(h.describe for h in self.hits)

    @property
    def keys(self) -> str:
        """Space-separated keyword ids (data attribute)."""
        return " ".join(h.key for h in self.hits)

    @property
    def kinds(self) -> str:
        """Space-separated match kinds, in the order of `keys`."""
        return " ".join(h.kind for h in self.hits)


@dataclass(frozen=True, slots=True)
class Flag:
    """A check that points at a line."""

    check_id: str
    status: str
    status_label: str
    icon: str


@dataclass(frozen=True, slots=True)
class LineView:
    """One resume line, split into segments, with the checks that point at it."""

    number: int
    segments: tuple[Segment, ...]
    heading: bool
    section: str
    section_label: str
    bullet: bool
    wrap: bool
    source_note: str
    flags: tuple[Flag, ...]
    unplaced: tuple[Hit, ...]

    @property
    def anchor(self) -> str:
        """The element id other parts of the page link to."""
        return f"line-{self.number}"

    @property
    def status(self) -> str:
        """The worst status among the flags ('' when none)."""
        order = (Status.FAIL, Status.WARN, Status.PASS)
        return next((s.value for s in order if any(f.status == s.value for f in self.flags)), "")


@dataclass(frozen=True, slots=True)
class LineRef:
    """A link to a resume line."""

    number: int

    @property
    def anchor(self) -> str:
        """The id of the line element."""
        return f"line-{self.number}"


@dataclass(frozen=True, slots=True)
class FoundKeyword:
    """A row of the 'what your resume shows' index."""

    key: str
    term: str
    category: str
    weight: str
    kind: str
    kind_label: str
    lines: tuple[LineRef, ...]


@dataclass(frozen=True, slots=True)
class Bar:
    """One category's coverage bar."""

    label: str
    found: int
    total: int
    percent: int
    tone: str


@dataclass(frozen=True, slots=True)
class CheckView:
    """One check with its status label and links to its lines."""

    id: str
    title: str
    status: str
    status_label: str
    icon: str
    message: str
    fix: str
    lines: tuple[LineRef, ...]

    @property
    def anchor(self) -> str:
        """The element id lines link back to."""
        return f"check-{self.id}"


@dataclass(frozen=True, slots=True)
class CheckGroup:
    """The checks of one group, with its tallies."""

    key: str
    title: str
    blurb: str
    checks: tuple[CheckView, ...]
    tally: str


@dataclass(frozen=True, slots=True)
class TextPart:
    """A piece of an example bullet: the person's own words go where `placeholder` is true."""

    text: str
    placeholder: bool = False


@dataclass(frozen=True, slots=True)
class GapView:
    """A ranked piece of advice."""

    rank: int
    label: str
    ids: str
    required: bool
    weight_label: str
    category: str
    section_label: str
    suggestion: str
    example: tuple[TextPart, ...]
    source: str
    in_posting: bool
    track: str = ""  # the specialization track it belongs to, when the check asked for one


@dataclass(frozen=True, slots=True)
class TermView:
    """A job-posting term and whether the resume shows it."""

    term: str
    required: bool
    found: bool
    catalog: bool
    category: str
    line: str
    lines: tuple[LineRef, ...]


@dataclass(frozen=True, slots=True)
class JobView:
    """The job-posting match."""

    file: str
    title: str
    organization: str
    match_rate: int
    tone: str
    gauge: Gauge
    required: Coverage
    preferred: Coverage
    title_check: CheckView
    groups: tuple[TermGroup, ...]
    notes: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class TermGroup:
    """The posting's required (or preferred) terms: the missing ones first, then the shown."""

    key: str
    title: str
    coverage: Coverage
    missing: tuple[TermView, ...]
    shown: tuple[TermView, ...]


@dataclass(frozen=True, slots=True)
class NextLevelView:
    """The next rung of the ladder."""

    level: str
    title: str
    shown: tuple[str, ...]
    missing: tuple[GapView, ...]


@dataclass(frozen=True, slots=True)
class Gauge:
    """A ring gauge: the coloured arc's length and the gap after it, in SVG user units."""

    value: int
    dash: str
    gap: str
    radius: str
    tone: str


@dataclass(frozen=True, slots=True)
class Tally:
    """A 'found of total' figure with its share as a whole percent."""

    label: str
    found: int
    total: int
    percent: int


VERDICT_ICONS = {"yes": "✓", "partly": "◐", "no": "✕"}
LADDER_STEP = 120  # SVG units per rung of the ladder graphic
LADDER_BASE = 232  # the ground line the rungs stand on
LADDER_HEIGHT = 240  # the graphic's height; the tallest rung leaves room for two tag lines


@dataclass(frozen=True, slots=True)
class LadderStep:
    """One rung of the ladder graphic: a bar whose height climbs with the rung."""

    level: str
    label: str
    title: str
    years: str
    verdict: str
    icon: str
    reads_as: bool
    asked: bool
    x: int
    y: int
    width: int
    height: int

    @property
    def cx(self) -> int:
        """The bar's centre, where its labels sit."""
        return self.x + self.width // 2

    @property
    def bottom(self) -> int:
        """Where the bar stands."""
        return self.y + self.height

    @property
    def tag(self) -> str:
        """'reads as', 'asked', both, or ''."""
        return " · ".join(t for t, on in (("reads as", self.reads_as), ("asked", self.asked))
                          if on)

    @property
    def tags(self) -> tuple[tuple[str, int], ...]:
        """The tags above the bar, each with its baseline, top one first."""
        names = [t for t, on in (("reads as", self.reads_as), ("asked", self.asked)) if on]
        return tuple((name, self.y - 8 - 15 * (len(names) - 1 - i))
                     for i, name in enumerate(names))


@dataclass(frozen=True, slots=True)
class ReadinessPage:
    """The readiness card: the shared view plus the ladder graphic."""

    view: ReadinessView
    ladder: tuple[LadderStep, ...]
    ladder_label: str
    width: int
    height: int = LADDER_HEIGHT


@dataclass(frozen=True, slots=True)
class TrackEntry:
    """One of a track's entries and whether the resume shows it."""

    key: str
    term: str
    role: str
    found: bool
    lines: tuple[LineRef, ...]


@dataclass(frozen=True, slots=True)
class TrackView:
    """A specialization track the check counted."""

    id: str
    title: str
    reasoning: tuple[str, ...]
    entries: tuple[TrackEntry, ...]
    shown: int


@dataclass(frozen=True, slots=True)
class Page:
    """Everything check.html.j2 shows."""

    file: str
    kind: str
    level: str
    level_title: str
    score: int
    band: str
    band_label: str
    gauge: Gauge
    explanation: str
    tallies: tuple[Tally, ...]
    check_counts: tuple[str, str, str]
    check_tally: str
    bars: tuple[Bar, ...]
    lines: tuple[LineView, ...]
    found: tuple[FoundKeyword, ...]
    kinds: tuple[tuple[str, str, str], ...]
    gaps: tuple[GapView, ...]
    top_gaps: int
    groups: tuple[CheckGroup, ...]
    job: JobView | None
    next_level: NextLevelView | None
    notes: tuple[str, ...]
    sections: tuple[str, ...]
    version: str
    csp: str
    readiness: ReadinessPage | None = None
    tracks: tuple[TrackView, ...] = ()
    track_why: tuple[str, ...] = ()
    line_numbers: frozenset[int] = frozenset()


# ----------------------------------------------------------------------------------------------
# Building it


def render_html(report: Report) -> str:
    """The report as one self-contained HTML page.

    The page needs nothing from the network: CSS and SVG are inline, there is no JavaScript,
    and a Content-Security-Policy meta tag forbids loading anything else. Every value from the
    resume reaches the page through the template's autoescaping.

    Args:
        report: a checked resume (with `job` and `next_level` when they are set).

    Returns:
        The HTML document, UTF-8 text ending in a newline.
    """
    from tailor.templating import environment

    template = environment(autoescape=True).get_template(TEMPLATE)
    return template.render(page=build_page(report))


def build_page(report: Report) -> Page:
    """The view model of the HTML report (separate from rendering, for tests)."""
    from tailor import __version__

    band, band_label = _score_band(report.score)
    statuses = [c.status for c in report.checks]
    tracks = track_summaries(report)
    in_track = gap_tracks(report.gaps, tracks)
    return Page(
        file=report.file,
        kind=report.kind.value.upper(),
        level=report.level,
        level_title=report.level_title,
        score=report.score,
        band=band,
        band_label=band_label,
        gauge=_gauge(report.score, band),
        explanation=SCORE_EXPLANATION,
        tallies=(
            _tally("Required items shown", report.required),
            _tally("Preferred items shown", report.preferred),
        ),
        check_counts=_status_counts(statuses),
        check_tally=check_tally(statuses),
        bars=tuple(
            Bar(CATEGORY_LABELS[c.category], c.found, c.total, c.percent,
                _category_tone(c.percent))
            for c in report.categories
        ),
        lines=build_lines(report),
        found=_found_keywords(report),
        kinds=tuple((k, KIND_LABELS[k], KIND_HELP[k]) for k in _kinds_in(report)),
        gaps=tuple(_gap_view(g, in_track.get(g.rank, "")) for g in report.gaps),
        top_gaps=TOP_GAPS,
        groups=_check_groups(report.checks),
        job=_job_view(report.job) if report.job else None,
        next_level=_next_level_view(report.next_level) if report.next_level else None,
        notes=report.notes,
        sections=tuple(_section_label(s) for s in report.sections),
        version=__version__,
        csp=CONTENT_SECURITY_POLICY,
        readiness=_readiness_page(report),
        tracks=tuple(_track_view(t) for t in tracks),
        track_why=track_why(report) if tracks else (),
        line_numbers=frozenset(ln.number for ln in report.lines),
    )


def build_lines(report: Report) -> tuple[LineView, ...]:
    """The resume's lines, each cut into plain and highlighted segments.

    Every evidence of every found keyword (and of the job posting's own terms) marks the words
    it matched on its line; a match that runs across a soft wrap marks both lines. Overlapping
    matches are cut at every boundary, so the markup stays flat: one <mark> per run of text
    that the same set of keywords covers.
    """
    lines = report.lines
    index = {ln.number: i for i, ln in enumerate(lines)}
    spans: dict[int, list[tuple[int, int, Hit]]] = {}
    unplaced: dict[int, list[Hit]] = {}

    def place(evidence: Evidence, hit: Hit) -> None:
        at = index.get(evidence.line)
        if at is None:
            return
        located = list(_locate_evidence(lines, at, evidence))
        for where, start, end in located:
            spans.setdefault(where, []).append((start, end, hit))
        if not located:
            unplaced.setdefault(at, []).append(hit)

    for result in report.keywords:
        kw = result.keyword
        for ev in result.evidence:
            place(ev, Hit(kw.id, kw.term, ev.kind, CATEGORY_LABELS[kw.category]))
    if report.job:
        for term in report.job.terms:
            if term.keyword_id is None:
                for ev in term.evidence:
                    place(ev, Hit(_term_key(term), term.term, "posting", "job posting"))

    flags = _flags(report)
    return tuple(
        LineView(
            number=ln.number,
            segments=split_segments(ln.text, spans.get(i, ())),
            heading=ln.heading,
            section=ln.section.value,
            section_label=_section_label(ln.section),
            bullet=ln.bullet,
            wrap=ln.wrap,
            source_note=SOURCE_LABELS.get(ln.source, ""),
            flags=tuple(flags.get(ln.number, ())),
            unplaced=tuple(dict.fromkeys(unplaced.get(i, ()))),
        )
        for i, ln in enumerate(lines)
    )


def split_segments(text: str, spans: Iterable[tuple[int, int, Hit]]) -> tuple[Segment, ...]:
    """Cut `text` at every span boundary; each piece carries the hits that cover it.

    Spans may overlap or nest; adjacent pieces covered by the same hits are joined again.
    """
    marks = [(max(0, s), min(len(text), e), h) for s, e, h in spans]
    marks = [(s, e, h) for s, e, h in marks if s < e]
    if not marks:
        return (Segment(text),) if text else ()
    cuts = sorted({0, len(text), *(s for s, _, _ in marks), *(e for _, e, _ in marks)})
    pieces: list[Segment] = []
    for lo, hi in pairwise(cuts):
        hits = tuple(dict.fromkeys(h for s, e, h in marks if s <= lo and hi <= e))
        if pieces and pieces[-1].hits == hits:
            pieces[-1] = Segment(pieces[-1].text + text[lo:hi], hits)
        else:
            pieces.append(Segment(text[lo:hi], hits))
    return tuple(pieces)


def _locate_evidence(lines: Sequence[Line], at: int,
                     evidence: Evidence) -> Iterable[tuple[int, int, int]]:
    """(line index, start, end) of the matched words, over one line or across soft wraps.

    Evidence of a match across a wrap holds the wrapped lines joined with single spaces.
    """
    first = lines[at].text
    text = evidence.text if evidence.text.startswith(first) else first
    found = _find(text, evidence.matched)
    if found is None:
        return
    start, end = found
    offset = 0
    for i in range(at, len(lines)):
        if i > at and not lines[i].wrap:
            return
        length = len(lines[i].text)
        lo, hi = max(start - offset, 0), min(end - offset, length)
        if lo < hi:
            yield i, lo, hi
        offset += length + 1
        if offset >= end:
            return


def _find(text: str, matched: str) -> tuple[int, int] | None:
    """Where `matched` sits in `text`: a whole-word occurrence first, then any, then any case."""
    if not matched.strip():
        return None
    escaped = re.escape(matched)
    for pattern, flags in ((rf"(?<!\w){escaped}(?!\w)", 0), (escaped, 0),
                           (rf"(?<!\w){escaped}(?!\w)", re.IGNORECASE),
                           (escaped, re.IGNORECASE)):
        m = re.search(pattern, text, flags)
        if m:
            return m.start(), m.end()
    return None


def _flags(report: Report) -> dict[int, list[Flag]]:
    checks: list[CheckResult] = list(report.checks)
    if report.job:
        checks.append(report.job.title_check)
    flags: dict[int, list[Flag]] = {}
    for check in checks:
        for number in dict.fromkeys(check.lines):
            flags.setdefault(number, []).append(Flag(
                check.id, check.status.value, STATUS_LABELS[check.status],
                STATUS_ICONS[check.status]))
    return flags


def _found_keywords(report: Report) -> tuple[FoundKeyword, ...]:
    rows = []
    for result in report.keywords:
        if not result.found:
            continue
        kw = result.keyword
        kind = min((ev.kind for ev in result.evidence), key=_KIND_RANK.__getitem__)
        rows.append(FoundKeyword(
            key=kw.id, term=kw.term, category=CATEGORY_LABELS[kw.category],
            weight=kw.weight.value, kind=kind.value, kind_label=KIND_LABELS[kind],
            lines=_refs(ev.line for ev in result.evidence)))
    order = {c: i for i, c in enumerate(CATEGORY_LABELS.values())}
    return tuple(sorted(rows, key=lambda r: order.get(r.category, len(order))))


def _kinds_in(report: Report) -> list[str]:
    kinds: list[str] = [MatchKind.EXACT, MatchKind.ALIAS, MatchKind.LEMMA]
    if report.job and any(t.keyword_id is None and t.found for t in report.job.terms):
        kinds.append("posting")
    return kinds


def _refs(numbers: Iterable[int]) -> tuple[LineRef, ...]:
    return tuple(LineRef(n) for n in dict.fromkeys(numbers))


def _check_view(check: CheckResult) -> CheckView:
    return CheckView(
        id=check.id,
        title=check.id.replace("-", " ").capitalize(),
        status=check.status.value,
        status_label=STATUS_LABELS[check.status],
        icon=STATUS_ICONS[check.status],
        message=check.message,
        fix=check.fix if check.status is not Status.PASS else "",
        lines=_refs(check.lines),
    )


def _check_groups(checks: Sequence[CheckResult]) -> tuple[CheckGroup, ...]:
    grouped: dict[str, list[CheckResult]] = {key: [] for key in ("parse", "content", "healthcare")}
    for check in checks:
        grouped.setdefault(check.group, []).append(check)
    groups = []
    for key, members in grouped.items():
        if not members:
            continue
        title, blurb = CHECK_GROUPS.get(key, (key.replace("-", " ").capitalize(), ""))
        statuses = [c.status for c in members]
        groups.append(CheckGroup(
            key=key, title=title, blurb=blurb,
            checks=tuple(_check_view(c) for c in members), tally=check_tally(statuses)))
    return tuple(groups)


def _status_counts(statuses: Sequence[Status]) -> tuple[str, str, str]:
    warned = statuses.count(Status.WARN)
    return (f"{statuses.count(Status.PASS)} passed",
            f"{warned} warning" + ("" if warned == 1 else "s"),
            f"{statuses.count(Status.FAIL)} failed")


def check_tally(statuses: Sequence[Status]) -> str:
    """'3 passed · 1 warning · 0 failed'."""
    return " · ".join(_status_counts(statuses))


def _readiness_page(report: Report) -> ReadinessPage | None:
    if report.readiness is None:
        return None
    view = readiness_view(report.readiness)
    count = len(view.ladder)
    rise = (LADDER_BASE - 40 - 70) // max(count - 1, 1)
    steps = []
    for i, rung in enumerate(view.ladder):
        height = 70 + i * rise
        steps.append(LadderStep(
            level=rung.level, label=rung.level.replace("-", " ").title(), title=rung.title,
            years=rung.years, verdict=rung.verdict, icon=VERDICT_ICONS[rung.verdict],
            reads_as=rung.reads_as, asked=rung.asked, x=i * LADDER_STEP + 4,
            y=LADDER_BASE - height, width=LADDER_STEP - 8, height=height))
    label = "The career ladder: " + "; ".join(
        f"{r.title} ({r.years} years): {r.verdict}"
        + ("".join(f", {t}" for t, on in (("reads as", r.reads_as), ("asked", r.asked)) if on))
        for r in view.ladder)
    return ReadinessPage(view=view, ladder=tuple(steps), ladder_label=label,
                         width=count * LADDER_STEP)


def _track_view(track: TrackSummary) -> TrackView:
    entries = tuple(
        TrackEntry(key=r.keyword.id, term=r.keyword.term, role=role, found=r.found,
                   lines=_refs(ev.line for ev in r.evidence))
        for role, results in (("own", track.own), ("related", track.related))
        for r in results)
    return TrackView(id=track.id, title=track.title, reasoning=track.reasoning,
                     entries=entries, shown=sum(1 for e in entries if e.found))


def _gap_view(gap: Gap, track: str = "") -> GapView:
    return GapView(
        rank=gap.rank,
        label=gap.label,
        ids=" ".join(gap.ids),
        required=gap.weight is Weight.REQUIRED,
        weight_label=gap.weight.value.capitalize(),
        category=CATEGORY_LABELS[gap.category],
        section_label=_section_label(gap.section),
        suggestion=gap.suggestion,
        example=example_parts(gap.example),
        source=gap.source,
        in_posting=gap.in_posting,
        track=track or ("specialization track" if gap.in_track else ""),
    )


def example_parts(text: str) -> tuple[TextPart, ...]:
    """An example bullet cut so that its "[placeholders]" can be shown as blanks to fill."""
    parts: list[TextPart] = []
    at = 0
    for m in _PLACEHOLDER.finditer(text):
        if m.start() > at:
            parts.append(TextPart(text[at:m.start()]))
        parts.append(TextPart(m.group(), placeholder=True))
        at = m.end()
    if at < len(text):
        parts.append(TextPart(text[at:]))
    return tuple(parts)


def _term_view(term: PostingTerm) -> TermView:
    return TermView(
        term=term.term,
        required=term.required,
        found=term.found,
        catalog=term.keyword_id is not None,
        category=CATEGORY_LABELS[term.category] if term.category else "From the posting",
        line=_clip(term.line, 140),
        lines=_refs(ev.line for ev in term.evidence),
    )


def _term_key(term: PostingTerm) -> str:
    return "posting:" + "-".join(term.term.lower().split())


def _job_view(job: JobMatch) -> JobView:
    band = _category_tone(job.match_rate)
    terms = [_term_view(t) for t in job.terms]
    return JobView(
        file=job.file,
        title=job.title or "",
        organization=job.organization or "",
        match_rate=job.match_rate,
        tone=band,
        gauge=_gauge(job.match_rate, band, radius=40.0),
        required=job.required,
        preferred=job.preferred,
        title_check=_check_view(job.title_check),
        groups=tuple(
            TermGroup(key, title, coverage,
                      missing=tuple(t for t in terms if t.required is required and not t.found),
                      shown=tuple(t for t in terms if t.required is required and t.found))
            for key, title, coverage, required in (
                ("required", "Required by the posting", job.required, True),
                ("preferred", "Preferred", job.preferred, False))
        ),
        notes=job.notes,
    )


def _next_level_view(nxt: NextLevel) -> NextLevelView:
    return NextLevelView(level=nxt.level, title=nxt.title, shown=nxt.shown,
                         missing=tuple(_gap_view(g) for g in nxt.missing))


def _score_band(score: int) -> tuple[str, str]:
    return next((tone, label) for floor, tone, label in SCORE_BANDS if score >= floor)


def _category_tone(percent: int) -> str:
    return next(tone for floor, tone in CATEGORY_BANDS if percent >= floor)


def _gauge(value: int, tone: str, radius: float = _GAUGE_RADIUS) -> Gauge:
    circumference = 2 * math.pi * radius
    dash = circumference * max(0, min(value, 100)) / 100
    return Gauge(value=value, dash=f"{dash:.2f}", gap=f"{circumference:.2f}",
                 radius=f"{radius:g}", tone=tone)


def _tally(label: str, coverage: Coverage) -> Tally:
    percent = round(100 * coverage.found / coverage.total) if coverage.total else 0
    return Tally(label, coverage.found, coverage.total, percent)


def _section_label(section: Section) -> str:
    return section.value.capitalize()


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
