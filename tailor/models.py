"""Frozen dataclasses carrying data along tailor's one-way flow: file → text → matches → report."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import NamedTuple


class FileKind(StrEnum):
    """What a file really is, sniffed from its bytes."""

    DOCX = "docx"
    PDF = "pdf"
    TEXT = "text"
    MARKDOWN = "markdown"


class Source(StrEnum):
    """The part of a document a line came from; applicant-tracking systems read some parts badly."""

    BODY = "body"
    TABLE = "table"
    HEADER = "header"
    FOOTER = "footer"
    TEXTBOX = "textbox"
    FOOTNOTE = "footnote"
    ENDNOTE = "endnote"


class Section(StrEnum):
    """Resume sections, as detected from the headings people write."""

    CONTACT = "contact"
    SUMMARY = "summary"
    EXPERIENCE = "experience"
    EDUCATION = "education"
    SKILLS = "skills"
    CERTIFICATIONS = "certifications"
    OTHER = "other"


class RawLine(NamedTuple):
    """A line as an extractor emits it, before section detection.

    Lines, their evidence and raw lines are immutable named tuples rather than frozen
    dataclasses: a resume makes hundreds of them, and a named tuple is built twice as fast.

    Attributes:
        text: normalised text of the line (no control characters, single spaces).
        source: the document part it came from.
        page: 1-based page for PDF lines, else None.
        style: the paragraph style id for DOCX lines ("Heading1", "ListBullet"...), else None.
        wrap: True when this line is the soft-wrapped continuation of the previous line, so a
            phrase may run across the line end ("heart" / "failure").
        bold: True when the whole line is set in bold (DOCX), a hint for headings.
        bullet: True when the line is a list item (a Word list paragraph, or a line that began
            with a bullet glyph or "-", "*" that the extractor removed).
    """

    text: str
    source: Source = Source.BODY
    page: int | None = None
    style: str | None = None
    wrap: bool = False
    bold: bool = False
    bullet: bool = False


class Line(NamedTuple):
    """One line of a resume with where it came from and the section it sits in."""

    number: int
    text: str
    source: Source
    section: Section
    heading: bool = False
    page: int | None = None
    style: str | None = None
    wrap: bool = False
    bullet: bool = False


@dataclass(frozen=True, slots=True)
class Layout:
    """Facts about a file's structure that decide how well applicant-tracking systems read it.

    Attributes:
        pages: page count (PDF: pages in the file; DOCX: as Word last saved it), if known.
        tables, nested_tables: DOCX tables, and tables inside table cells.
        text_boxes: DOCX text boxes and shapes holding text.
        images: pictures (DOCX pictures; PDF image objects, in form XObjects too, except
            spacers smaller than 4 points).
        content_controls, tracked_insertions, tracked_deletions: DOCX structure.
        fonts: font names (DOCX: named on runs and in the document defaults; PDF: base font
            names of the text objects, subset prefix removed).
        empty_pages: PDF pages without text.
        columns: most text columns in one place (DOCX: w:cols of any section; PDF: 2 when a
            page sets text side by side in columns).
        column_pages: PDF pages (1-based) where text sits in columns side by side.
        text_chars: PDF: characters in the text layer, whitespace excluded.
        garbled_chars: PDF: characters of the text layer that map to no real character
            (control, private-use or replacement characters; bullet glyphs excluded), counted
            before normalisation removes the controls.
    """

    pages: int | None = None
    tables: int = 0
    nested_tables: int = 0
    text_boxes: int = 0
    images: int = 0
    content_controls: int = 0
    tracked_insertions: int = 0
    tracked_deletions: int = 0
    fonts: tuple[str, ...] = ()
    empty_pages: int = 0
    columns: int = 1
    column_pages: tuple[int, ...] = ()
    text_chars: int = 0
    garbled_chars: int = 0


@dataclass(frozen=True, slots=True)
class ResumeText:
    """Everything read from one resume file.

    Attributes:
        name: the file's name (not its full path, which may hold personal folder names).
        kind: what the bytes really are.
        lines: every non-empty line, in reading order.
        layout: structural facts about the file.
        notes: things noticed while reading that the person should know (renamed file type,
            repaired mojibake, legacy encoding...).
        encoding: the text encoding detected, for TXT and Markdown.
    """

    name: str
    kind: FileKind
    lines: tuple[Line, ...]
    layout: Layout = field(default_factory=Layout)
    notes: tuple[str, ...] = ()
    encoding: str | None = None

    @property
    def text(self) -> str:
        """All lines joined with newlines."""
        return "\n".join(line.text for line in self.lines)

    def section_lines(self, section: Section) -> tuple[Line, ...]:
        """The lines that sit in one section, headings excluded."""
        return tuple(ln for ln in self.lines if ln.section is section and not ln.heading)


class Weight(StrEnum):
    """How much employers ask for a keyword."""

    REQUIRED = "required"
    PREFERRED = "preferred"


WEIGHT_POINTS: dict[Weight, int] = {Weight.REQUIRED: 2, Weight.PREFERRED: 1}


class Category(StrEnum):
    """Keyword categories, in the order reports show them."""

    RESPONSIBILITY = "responsibility"
    TECHNICAL_SKILL = "technical-skill"
    SOFT_SKILL = "soft-skill"
    TOOL = "tool"
    REGULATION = "regulation"
    CREDENTIAL = "credential"
    EDUCATION = "education"
    LEADERSHIP = "leadership"
    SPECIALIZATION = "specialization"


CATEGORY_LABELS: dict[Category, str] = {
    Category.RESPONSIBILITY: "Responsibilities",
    Category.TECHNICAL_SKILL: "Technical skills",
    Category.SOFT_SKILL: "Soft skills",
    Category.TOOL: "Tools & technology",
    Category.REGULATION: "Regulations & payers",
    Category.CREDENTIAL: "Licences & certifications",
    Category.EDUCATION: "Education",
    Category.LEADERSHIP: "Leadership & management",
    Category.SPECIALIZATION: "Specializations",
}


@dataclass(frozen=True, slots=True)
class Keyword:
    """One catalog entry: a thing care-manager employers look for, and how resumes say it.

    Attributes:
        id: stable identifier (lower-case, hyphenated).
        term: the canonical wording.
        aliases: other wordings real resumes use; matched like the term.
        category: what kind of thing it is.
        weight: required or preferred.
        levels: the ladder levels it counts at (names from levels.yaml).
        source: the guide sentence it comes from, verbatim.
        suggestion: one sentence on how to show it on a resume.
        section: the resume section where it belongs.
        group: entries sharing a group are alternatives: any one of them satisfies the group.
        match_case: match one-word forms only as written or in capitals ("Epic", "EPIC", never
            "epic"); forms written in capitals (RN, CCM) are always matched this way.
        track: the specialization track the entry belongs to; such entries count only when
            that track is asked for.
        examples: example resume bullets by career band ("early", "mid", "lead"), with
            bracketed placeholders such as "[number]" where the person's own facts go.
        file: the catalog file it was read from.
    """

    id: str
    term: str
    aliases: tuple[str, ...]
    category: Category
    weight: Weight
    levels: tuple[str, ...]
    source: str
    suggestion: str
    section: Section
    group: str | None = None
    match_case: bool = False
    track: str | None = None
    examples: tuple[tuple[str, str], ...] = ()
    file: str = ""

    @property
    def points(self) -> int:
        """Score points this keyword is worth."""
        return WEIGHT_POINTS[self.weight]

    def example(self, band: str) -> str:
        """The example bullet for a career band, else the nearest band's, else ""."""
        table = dict(self.examples)
        if band in table:
            return table[band]
        order = sorted(BANDS, key=lambda b: abs(BANDS.index(b) - BANDS.index(band))
                       if band in BANDS else 0)
        return next((table[b] for b in order if b in table), "")



@dataclass(frozen=True, slots=True)
class Level:
    """One rung of the guide's career ladder."""

    name: str
    title: str
    years: str
    min_years: int
    max_years: int | None
    median_salary: int
    average_salary: int
    summary: str
    focus: str
    band: str = "mid"  # which of a keyword's example bullets suits this level: early/mid/lead
    focus_keywords: tuple[str, ...] = ()  # catalog ids that show this rung's focus areas


BANDS = ("early", "mid", "lead")


@dataclass(frozen=True, slots=True)
class Requirement:
    """A degree, licence or certification that rungs of the ladder ask for (levels.yaml).

    Attributes:
        id: short name.
        label: what reports call it ("Case management certification (CCM or ACM)").
        keywords: catalog ids, any one of which shows it.
        levels: the ladder levels that ask for it.
        weight: required (a rung is not "ready" without it) or preferred.
        source: the guide sentence behind it, verbatim.
        step: what to do when a resume does not show it.
    """

    id: str
    label: str
    keywords: tuple[str, ...]
    levels: tuple[str, ...]
    weight: Weight
    source: str
    step: str


@dataclass(frozen=True, slots=True)
class Track:
    """One of the guide's emerging specializations (keywords/tracks.yaml).

    Attributes:
        id: short name used on the command line ("sdoh").
        title: the guide's name for it.
        reasoning: guide sentences, verbatim, on why it matters.
        related: general catalog ids the track builds on (they weigh double with the track).
    """

    id: str
    title: str
    reasoning: tuple[str, ...]
    related: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Catalog:
    """The validated keyword catalog and career ladder."""

    keywords: tuple[Keyword, ...]
    levels: tuple[Level, ...]
    files: tuple[str, ...] = ()
    requirements: tuple[Requirement, ...] = ()
    tracks: tuple[Track, ...] = ()
    track_why: tuple[str, ...] = ()  # the guide's reasoning for all emerging specializations

    def level(self, name: str) -> Level:
        """The ladder level called `name`; raises KeyError if there is none."""
        for lvl in self.levels:
            if lvl.name == name:
                return lvl
        raise KeyError(name)

    def track(self, ident: str) -> Track:
        """The specialization track called `ident`; raises KeyError if there is none."""
        for trk in self.tracks:
            if trk.id == ident:
                return trk
        raise KeyError(ident)

    def for_level(self, level: str, tracks: tuple[str, ...] = ()) -> tuple[Keyword, ...]:
        """The keywords a check at `level` counts: the level's entries, plus chosen tracks'."""
        return tuple(
            kw
            for kw in self.keywords
            if level in kw.levels and (kw.track is None or kw.track in tracks)
        )


class MatchKind(StrEnum):
    """How a keyword was recognised in the resume."""

    EXACT = "exact"  # the catalog term itself, ignoring case
    ALIAS = "alias"  # one of the catalog's aliases, ignoring case
    LEMMA = "lemma"  # the term or an alias in another grammatical form (plural, tense)


class Evidence(NamedTuple):
    """A resume line that shows a keyword."""

    line: int
    text: str
    section: Section
    source: Source
    kind: MatchKind
    matched: str


class KeywordResult(NamedTuple):
    """A keyword and the lines that show it (none when it is missing).

    A named tuple, like Line and Evidence: a check builds one per catalog entry."""

    keyword: Keyword
    evidence: tuple[Evidence, ...]

    @property
    def found(self) -> bool:
        """True when at least one line shows the keyword."""
        return bool(self.evidence)


class Status(StrEnum):
    """Outcome of a format or content check."""

    PASS = "pass"  # noqa: S105 - a check outcome, not a password
    WARN = "warn"
    FAIL = "fail"


@dataclass(frozen=True, slots=True)
class CheckResult:
    """One check of a resume: its outcome, why, and how to fix it.

    Attributes:
        id: stable identifier ("contact-details", "measurable-results"...).
        status: pass, warn or fail.
        message: one line saying what was found.
        fix: one line saying what to do (empty when it passes).
        group: "parse" (what applicant-tracking systems can read), "content" (what reviewers
            look for) or "healthcare" (checks particular to care-manager resumes).
        lines: resume line numbers the finding points at.
    """

    id: str
    status: Status
    message: str
    fix: str = ""
    group: str = "parse"
    lines: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class CategoryScore:
    """Coverage of one category's scoring units."""

    category: Category
    found: int
    total: int
    points_found: int
    points_total: int

    @property
    def percent(self) -> int:
        """Weighted coverage, 0-100."""
        return round(100 * self.points_found / self.points_total) if self.points_total else 0


class Gap(NamedTuple):
    """A missing scoring unit (a keyword, or a group of alternatives), ranked for the to-do list.

    A named tuple: a check builds dozens."""

    rank: int
    ids: tuple[str, ...]
    label: str
    category: Category
    weight: Weight
    section: Section
    suggestion: str
    source: str
    example: str = ""
    in_posting: bool = False
    in_track: bool = False  # part of a specialization track the check was asked for


@dataclass(frozen=True, slots=True)
class Coverage:
    """Found and total scoring units of one weight."""

    found: int
    total: int


@dataclass(frozen=True, slots=True)
class PostingTerm:
    """Something a job posting asks for, and whether the resume shows it.

    Attributes:
        term: the posting's own wording (or the catalog term it names).
        required: False when the posting marks it preferred ("preferred", "a plus"...).
        found: whether the resume shows it.
        keyword_id: the catalog entry it is, when it is one; None for the posting's own terms.
        category: the catalog category, when it is a catalog entry.
        line: the posting line that asks for it.
        evidence: the resume lines that show it.
    """

    term: str
    required: bool
    found: bool
    keyword_id: str | None = None
    category: Category | None = None
    line: str = ""
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True, slots=True)
class JobMatch:
    """How a resume matches one job posting.

    Attributes:
        file: the posting's file name.
        title: the job title the posting advertises, when one was found.
        organization: the employer, when one was found.
        match_rate: weighted share of the posting's terms the resume shows (0-100; required
            terms count double).
        required, preferred: coverage of the posting's required and preferred terms.
        terms: every term the posting asks for, required first.
        title_check: whether the resume names the posting's title or a close variant.
        notes: remarks about reading the posting.
    """

    file: str
    title: str | None
    organization: str | None
    match_rate: int
    required: Coverage
    preferred: Coverage
    terms: tuple[PostingTerm, ...]
    title_check: CheckResult
    notes: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class NextLevel:
    """What separates the resume from the next rung of the ladder.

    Attributes:
        level, title: the next rung.
        shown: the next rung's own keywords the resume already shows.
        missing: the next rung's own keywords it does not show, most important first.
    """

    level: str
    title: str
    shown: tuple[str, ...]
    missing: tuple[Gap, ...]


class Verdict(StrEnum):
    """How ready a resume reads for one rung of the ladder."""

    YES = "yes"
    PARTLY = "partly"
    NO = "no"


class RoleKind(StrEnum):
    """What kind of work a role on the resume was, for totalling relevant experience."""

    CARE_MANAGEMENT = "care management"  # care/case management, coordination, navigation...
    CLINICAL = "clinical care"  # nursing and other direct patient care
    SOCIAL_SERVICES = "social services"  # social work, community health work, counselling...
    OTHER = "other"


@dataclass(frozen=True, slots=True)
class Role:
    """One role from the resume's experience, as readiness counted it.

    Attributes:
        title, employer: as read (None when not found).
        dates: the dates as written ("" when the role has none).
        start, end: ISO months ("2021-03", or "2021" for a year alone); end None when the
            role runs to the present or has no dates.
        present: the role runs to the present.
        months: months the role adds before overlaps are merged (halved for part-time roles;
            0 when it is not counted).
        kind: what kind of work it was.
        relevant: counted as care-related experience.
        counted: counted in any total (volunteer roles, clinical rotations and roles without
            readable dates are shown but not counted).
        why: the words that decided `kind` ('title "RN Case Manager"').
        line: the resume line of its header.
        notes: how it was counted when not plainly ("part-time: counted at half", "dates give
            years only: counted as whole years", "starts in the future: not counted").
    """

    title: str | None
    employer: str | None
    dates: str
    start: str | None
    end: str | None
    present: bool
    months: int
    kind: RoleKind
    relevant: bool
    counted: bool
    why: str
    line: int
    notes: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Experience:
    """Years of experience read from the resume's dated roles.

    Attributes:
        years_relevant: care-related years (care management, clinical care, social services),
            overlapping roles counted once, to one decimal.
        years_care_management: the part of years_relevant spent in care or case management
            roles themselves.
        years_other: years in other roles not overlapping care-related ones.
        years_total: all counted years, overlaps counted once.
        dated: at least one role had dates that could be read.
        claimed_years: years the resume claims in words ("10+ years of experience"), if any.
        roles: every role found, in resume order, with how it was counted.
        warnings: odd or missing dates and what was done about them.
    """

    years_relevant: float
    years_care_management: float
    years_other: float
    years_total: float
    dated: bool
    claimed_years: float | None
    roles: tuple[Role, ...]
    warnings: tuple[str, ...] = ()


class RequirementStatus(StrEnum):
    """Whether a resume shows a degree, licence or certification."""

    MET = "met"
    IN_PROGRESS = "in progress"  # "expected May 2026", "NCLEX pending", "CCM candidate"
    MISSING = "missing"


@dataclass(frozen=True, slots=True)
class RequirementCheck:
    """One requirement of a rung, and what the resume shows of it.

    Attributes:
        id, label, weight, source, step: from the Requirement.
        status: met, in progress or missing.
        evidence: the resume line that shows it ("" when missing).
        line: that line's number (None when missing).
    """

    id: str
    label: str
    weight: Weight
    status: RequirementStatus
    evidence: str
    line: int | None
    source: str
    step: str


@dataclass(frozen=True, slots=True)
class FocusCheck:
    """One of a rung's focus areas (a catalog entry) and whether the resume shows it."""

    id: str
    term: str
    found: bool
    line: int | None = None
    evidence: str = ""


@dataclass(frozen=True, slots=True)
class RungReadiness:
    """How ready a resume reads for one rung.

    Attributes:
        level, title, years: the rung (years as the guide writes them, "5-8").
        verdict: yes, partly or no.
        years_short: years of care-related experience still to gain for the rung's minimum
            (0 when met); None when the resume gives no readable dates.
        requirements: its degrees, licences and certifications, each met or not.
        focus: its focus areas, each shown or not.
        reasons: the verdict in plain sentences, most decisive first.
    """

    level: str
    title: str
    years: str
    verdict: Verdict
    years_short: float | None
    requirements: tuple[RequirementCheck, ...]
    focus: tuple[FocusCheck, ...]
    reasons: tuple[str, ...]

    @property
    def focus_found(self) -> int:
        """How many of the rung's focus areas the resume shows."""
        return sum(1 for f in self.focus if f.found)


@dataclass(frozen=True, slots=True)
class Step:
    """A concrete thing to do to close the gap to a rung, with the guide sentence behind it.

    Attributes:
        text: what to do.
        source: the guide sentence (or the ladder's line) it rests on.
        level: the rung it serves.
        kind: "experience", "requirement", "focus" or "dates".
    """

    text: str
    source: str
    level: str
    kind: str


@dataclass(frozen=True, slots=True)
class Readiness:
    """Which rung of the ladder a resume reads as, and how ready it is for the rung asked for.

    Attributes:
        experience: the years read from the resume and the roles behind them.
        reads_as, reads_as_title: the rung the resume reads as.
        reads_as_why: why, in plain sentences.
        asked: readiness for the rung the check was asked for.
        above: readiness for the rung above it (None at the top).
        rungs: readiness for every rung, bottom to top.
        steps: the few concrete steps that close the gap to the asked rung (and the next).
        auto: the check's level was chosen from `reads_as` (--level auto).
    """

    experience: Experience
    reads_as: str
    reads_as_title: str
    reads_as_why: tuple[str, ...]
    asked: RungReadiness
    above: RungReadiness | None
    rungs: tuple[RungReadiness, ...]
    steps: tuple[Step, ...]
    auto: bool = False

    @property
    def years_relevant(self) -> float:
        """Care-related years of experience (the JSON contract's `years_relevant`)."""
        return self.experience.years_relevant


@dataclass(frozen=True, slots=True)
class Report:
    """The result of checking one resume against the catalog at one level.

    Attributes:
        file: the resume's file name.
        kind: what the file really is.
        level: the ladder level name the check counted.
        level_title: that level's title.
        score: weighted keyword coverage, 0-100.
        required, preferred: coverage of required and of preferred scoring units.
        categories: per-category coverage, in catalog order.
        keywords: every counted keyword with its evidence.
        gaps: missing scoring units, most important first.
        checks: format and content checks.
        sections: the sections found, in order of first appearance.
        notes: remarks from reading the file.
        lines: the resume's lines (for reports that show them).
        layout: structural facts about the file.
        job: the match against a job posting, when one was given.
        next_level: what the next rung up asks for that the resume does not show (None at
            the top rung).
        readiness: which rung the resume reads as and how ready it is (None when not asked).
        tracks: the specialization tracks the check counted (ids).
        track_details: those tracks as the catalog gives them (title, reasoning, related).
        track_why: the guide's reasoning for all emerging specializations (when tracks).
    """

    file: str
    kind: FileKind
    level: str
    level_title: str
    score: int
    required: Coverage
    preferred: Coverage
    categories: tuple[CategoryScore, ...]
    keywords: tuple[KeywordResult, ...]
    gaps: tuple[Gap, ...]
    checks: tuple[CheckResult, ...]
    sections: tuple[Section, ...]
    notes: tuple[str, ...]
    lines: tuple[Line, ...]
    layout: Layout
    job: JobMatch | None = None
    next_level: NextLevel | None = None
    readiness: Readiness | None = None
    tracks: tuple[str, ...] = ()
    track_details: tuple[Track, ...] = ()
    track_why: tuple[str, ...] = ()


class RowStatus(StrEnum):
    """What happened to one file of a batch."""

    OK = "ok"
    ERROR = "error"
    SKIPPED = "skipped"


@dataclass(frozen=True, slots=True)
class BatchRow:
    """One input file of a batch: its result, or why there is none.

    Attributes:
        file: the file as the batch names it: a path relative to the input folder, or
            "archive.zip!member/path" for a file inside a zip (a pseudonymous id when the
            batch is anonymized).
        status: ok, error (could not be read or checked) or skipped (not a resume format,
            refused archive entry...).
        level: the ladder level checked against.
        name: the candidate's name as the resume's first contact line gives it (None when
            anonymized or not found).
        score: the check's score (ok rows).
        match_rate: the match rate against the batch's job posting, when one was given.
        categories: (category, percent) coverage per category, in catalog order.
        missing: the top missing keywords, most important first.
        warnings: failed or warned checks as "check-id: message".
        error: why the row is an error or skipped.
        kind: what the file really is (docx, pdf, text, markdown).
        words: words read from the file.
        seconds: time spent on the file.
        report: the full report (ok rows; None when anonymized, since it holds resume text).
        years_relevant: care-related years of experience read from the dated roles (ok rows
            whose check worked out readiness; None otherwise).
        reads_as: the ladder level the resume reads as.
        ready: how ready the resume reads for `level`: "yes", "partly" or "no".
        years_short: care-related years still to gain for `level`'s minimum (0 when met; None
            when the resume gives no readable dates).
        experience_warnings: how many warnings reading the experience gave (odd or missing
            dates, overlapping roles, claimed years the dates do not back): a count only, since
            the warnings quote resume text.
    """

    file: str
    status: RowStatus
    level: str
    name: str | None = None
    score: int | None = None
    match_rate: int | None = None
    categories: tuple[tuple[str, int], ...] = ()
    missing: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()
    error: str = ""
    kind: str | None = None
    words: int | None = None
    seconds: float = 0.0
    report: Report | None = None
    years_relevant: float | None = None
    reads_as: str | None = None
    ready: str | None = None
    years_short: float | None = None
    experience_warnings: int | None = None


@dataclass(frozen=True, slots=True)
class CohortSummary:
    """The class as a whole: how it scores and what it most often misses.

    Attributes:
        level: the ladder level checked against.
        files, ok, errors, skipped: row counts.
        score_mean, score_median, score_min, score_max: over ok rows (None without any).
        score_bins: (label, count) for scores 0-9, 10-19, ... 90-100.
        most_missed: (keyword label, number of ok resumes missing it), most missed first.
        category_means: (category, mean percent) in catalog order.
        check_problems: (check id, number of resumes where it warned or failed), most first.
        errors_by_reason: (reason, count) for error rows, most first.
        match_rate_mean: mean match rate against the posting, when one was given.
        reads_as: (level name, number of ok resumes that read as it), every rung of the ladder
            in ladder order (0 for a rung no resume reads as).
        ready: ("yes" / "partly" / "no", number of ok resumes) for each row's level: the
            batch's level, or with level "auto" the rung each resume reads as.
        readiness_checked: ok resumes whose readiness was worked out (the count behind
            `reads_as` and `ready`).
        years_relevant_mean, years_relevant_median: care-related years of experience over
            those resumes (None without any).
        tracks: the specialization tracks added to every check (keywords/tracks.yaml ids).
    """

    level: str
    files: int
    ok: int
    errors: int
    skipped: int
    score_mean: float | None
    score_median: float | None
    score_min: int | None
    score_max: int | None
    score_bins: tuple[tuple[str, int], ...]
    most_missed: tuple[tuple[str, int], ...]
    category_means: tuple[tuple[str, float], ...]
    check_problems: tuple[tuple[str, int], ...]
    errors_by_reason: tuple[tuple[str, int], ...]
    match_rate_mean: float | None = None
    reads_as: tuple[tuple[str, int], ...] = ()
    ready: tuple[tuple[str, int], ...] = ()
    readiness_checked: int = 0
    years_relevant_mean: float | None = None
    years_relevant_median: float | None = None
    tracks: tuple[str, ...] = ()
