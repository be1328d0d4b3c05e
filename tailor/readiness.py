"""Career readiness: which rung of the guide's ladder a resume reads as, and what the next asks.

Three questions, each answered from what the resume itself shows and explained line by line:

1. Experience. The dated roles (tailor.entries) are classed by their title, then their
   employer and section heading, then their duties, as care management, clinical care, social
   services or other work, and totalled with overlapping months counted once. Care-related
   years are the first three kinds together. A role with years only ("2019 – 2021") counts
   from mid-year to mid-year, so a span of years counts as their difference; a lone year
   counts six months. Part-time, PRN and per-diem roles count at half; volunteer roles,
   student clinical rotations and roles without readable dates are shown and not counted.
   Odd dates (reversed, in the future, half a century long) become warnings, never errors.
2. Readiness for each rung: its years against the guide's range, its degrees, licences and
   certifications (levels.yaml `requirements`, met, in progress or missing), and its focus
   areas (levels.yaml `focus_keywords`, shown or not). A rung is "yes" when all three are
   there (the years, the required degree, half the focus areas), "no" when the years are more
   than two short, none of its focus areas shows, or little else is there, "partly" between.
   Rungs below the one the resume reads as are "yes" once their years and degree are there.
3. The rung the resume reads as: the highest rung whose minimum years the care-related years
   reach and whose work the resume shows (a third of its focus areas, or a current title at
   that rung or above: "Lead Care Manager", "Care Management Supervisor").

The steps that close the gap each carry the guide sentence (or ladder line) behind them.
Nothing here reads the clock: callers pass `today`.
"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date

from tailor.dates import DateRange, Precision, YearMonth, find_ranges, range_problems
from tailor.entries import EducationEntry, ExperienceEntry, ResumeEntries, read_entries
from tailor.models import (
    Catalog,
    Category,
    Evidence,
    Experience,
    FocusCheck,
    Keyword,
    KeywordResult,
    Level,
    Line,
    Readiness,
    RequirementCheck,
    RequirementStatus,
    ResumeText,
    Role,
    RoleKind,
    RungReadiness,
    Section,
    Step,
    Verdict,
    Weight,
)

__all__ = ["AUTO", "assess", "experience", "read_claimed_years"]

AUTO = "auto"  # the level name that asks the check to use the rung the resume reads as

NO_GAP_YEARS = 2.0  # more years short than this makes a rung "no"
MAX_STEPS = 5
LONG_CAREER_YEARS = 50  # a total above this is more likely a date typo than a career

_RELEVANT = frozenset({RoleKind.CARE_MANAGEMENT, RoleKind.CLINICAL, RoleKind.SOCIAL_SERVICES})

# ----------------------------------------------------------------------------------------------
# Vocabulary: what a role was, from its words. Checked in this order; the first hit decides.


def _words(*phrases: str) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(phrases) + r")\b", re.IGNORECASE)


_CARE_MANAGEMENT = _words(
    r"care\s+manag\w*", r"case\s+manag\w*", r"care\s+coordinat\w*", r"care\s+navigat\w*",
    r"patient\s+navigat\w*", r"nurse\s+navigat\w*", r"health\s+navigat\w*",
    r"service\s+coordinat\w*", r"resource\s+coordinat\w*", r"transitions?\s+of\s+care",
    r"transitional\s+care", r"care\s+transitions?", r"discharge\s+plann\w*",
    r"utilization\s+(?:review|management)", r"UR\s+nurse", r"UM\s+nurse",
    r"population\s+health", r"health\s+coach\w*", r"disease\s+manag\w*",
    r"chronic\s+care\s+manag\w*", r"care\s+management",
)
_SOCIAL_SERVICES = _words(
    r"social\s+work\w*", r"MSW", r"LCSW", r"LICSW", r"LMSW", r"LSW", r"case\s*worker",
    r"community\s+health\s+worker", r"CHW", r"family\s+advocate", r"patient\s+advocate",
    r"counsell?or", r"therapist", r"behaviou?ral\s+health", r"mental\s+health",
    r"peer\s+(?:support|specialist|recovery)", r"outreach\s+(?:worker|specialist|coordinator)",
    r"eligibility\s+(?:worker|specialist)", r"benefits?\s+(?:counsell?or|navigator)",
    r"direct\s+support\s+professional", r"DSP", r"human\s+services", r"youth\s+worker",
    r"residential\s+(?:counsell?or|advisor|aide)", r"substance\s+(?:use|abuse)",
    r"crisis\s+(?:counsell?or|worker|line)", r"housing\s+(?:specialist|navigator)",
    r"family\s+support", r"child\s+welfare", r"protective\s+services",
)
_CLINICAL = _words(
    r"nurse", r"nursing", r"RN", r"LPN", r"LVN", r"BSN", r"CNA", r"nurse\s+aide",
    r"patient\s+care\s+(?:tech\w*|assistant|associate)", r"PCT", r"medical\s+assistant",
    r"CMA", r"home\s+health\s+aide", r"HHA", r"caregiver", r"personal\s+care\s+(?:aide|assistant)",
    r"EMT", r"paramedic", r"phlebotomist", r"respiratory\s+therapist",
    r"physical\s+therapist", r"occupational\s+therapist", r"physician", r"nurse\s+practitioner",
    r"midwife", r"doula", r"hospice\s+aide", r"resident\s+(?:aide|assistant)",
    r"direct\s+care", r"patient\s+care",
)
# Duties that show care management when the title does not say what the role was.
_CARE_DUTIES = _words(
    r"care\s+plans?", r"caseloads?", r"care\s+coordination", r"coordinated\s+care",
    r"discharge\s+plann\w*", r"transitions?\s+of\s+care", r"case\s+management",
    r"care\s+management", r"community\s+resources?", r"referrals?",
)
_PATIENT_DUTIES = _words(r"patients?", r"residents?", r"vital\s+signs")
_CLIENT_DUTIES = _words(r"clients?", r"families", r"households?", r"consumers?")

_VOLUNTEER = _words(r"volunteer\w*")
_ROTATION = _words(r"clinical\s+rotations?", r"clinicals", r"clinical\s+placements?",
                   r"student\s+nurse", r"nursing\s+student", r"clinical\s+experience")
_PART_TIME = _words(r"part[\s-]?time", r"PRN", r"per\s+diem", r"casual", r"as\s+needed",
                    r"\d{1,2}\s*(?:hrs?|hours)\s*(?:/|per|a)\s*(?:wk|week)")

# Title words that place a role on a rung of the ladder (the highest that fits wins).
_TITLE_RUNGS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("director", _words(r"director", r"vice\s+president", r"VP", r"chief", r"head\s+of")),
    ("supervisor", _words(r"supervisor", r"manager")),  # after removing "care/case manager"
    ("lead", _words(r"lead", r"team\s+leader")),
    ("senior", _words(r"senior", r"sr\.?")),
    ("care-manager", _words(r"care\s+manager", r"case\s+manager")),
)
_PRACTITIONER = re.compile(r"\b(?:nurse\s+)?(?:care|case)\s+manager\b", re.IGNORECASE)

# "in progress" markers on the line that shows a degree, licence or certification.
_IN_PROGRESS = _words(
    r"expected", r"anticipated", r"in\s+progress", r"candidate", r"pursuing", r"pending",
    r"student", r"graduating", r"will\s+graduate", r"to\s+graduate", r"in\s+school",
    r"eligible", r"eligibility", r"enrolled", r"current(?:ly)?\s+(?:student|enrolled|studying)",
    r"coursework\s+toward", r"working\s+toward\w*", r"to\s+sit\s+for", r"sitting\s+for",
    r"studying\s+for", r"preparing\s+for", r"exam\s+scheduled", r"will\s+(?:sit|take)",
)

# "seven years of experience", "10+ years in case management", "over 15 years' experience"
_NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "twenty": 20, "twenty-five": 25, "thirty": 30,
}
_CLAIM = re.compile(
    r"\b(?P<n>\d{1,2}(?:\.\d)?|" + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True))
    + r")\s*(?P<plus>\+|plus)?\s*(?:-\s*)?years?['’]?(?:\s+(?:of|in|as|with|across|working))?"
    r"(?P<tail>(?:\s+[\w&/,-]+){0,8})",
    re.IGNORECASE,
)
_CLAIM_CONTEXT = re.compile(r"experience|\bin\b|\bas\b|career|background|nursing|work",
                            re.IGNORECASE)


# ----------------------------------------------------------------------------------------------
# Experience


def read_claimed_years(text: str) -> float | None:
    """Years a resume claims in words: "seven years of clinical and care management experience"
    → 7.0, "10+ years in case management" → 10.0. None when it claims none."""
    for match in _CLAIM.finditer(text):
        raw = match["n"].lower()
        value = float(_NUMBER_WORDS[raw]) if raw in _NUMBER_WORDS else float(raw)
        context = text[max(0, match.start() - 30):match.start()] + match.group(0)
        if 0 < value <= 60 and _CLAIM_CONTEXT.search(context) is not None:
            return value
    return None


@dataclass(frozen=True, slots=True)
class _Counted:
    role: Role
    span: tuple[int, int] | None  # month indexes, both ends counted
    weight: float  # 1.0, or 0.5 for part-time


def _classify(entry: ExperienceEntry) -> tuple[RoleKind, str]:
    """What kind of work a role was, and the words that decided it."""
    title = entry.title or ""
    for where, text in (("title", title), ("employer", entry.employer or ""),
                        ("heading", entry.heading)):
        for kind, pattern in ((RoleKind.CARE_MANAGEMENT, _CARE_MANAGEMENT),
                              (RoleKind.SOCIAL_SERVICES, _SOCIAL_SERVICES),
                              (RoleKind.CLINICAL, _CLINICAL)):
            if where == "employer" and kind is RoleKind.CLINICAL:
                continue  # "Mercy Nursing Home" says where, not what the role was
            hit = pattern.search(text)
            if hit is not None:
                return kind, f'{where} "{text}" ({hit.group(0)})'
    duties = " ".join(entry.bullets)
    care = sorted({m.group(0).lower() for m in _CARE_DUTIES.finditer(duties)})
    if len(care) >= 2:
        return RoleKind.CARE_MANAGEMENT, "duties: " + ", ".join(f'"{c}"' for c in care[:3])
    patients = _PATIENT_DUTIES.search(duties)
    if patients is not None:
        return RoleKind.CLINICAL, f'duties with "{patients.group(0).lower()}"'
    clients = _CLIENT_DUTIES.search(duties)
    if clients is not None and care:
        return RoleKind.SOCIAL_SERVICES, f'duties with "{clients.group(0).lower()}", "{care[0]}"'
    shown = title or entry.employer or "this role"
    return RoleKind.OTHER, f'nothing in "{shown}" names care work'


def _point(ym: YearMonth, *, start: bool) -> int:
    """A month index for one end of a range: a year alone means mid-year and a season its
    middle month, so spans of years count as their difference."""
    if ym.precision is Precision.YEAR:
        return ym.year * 12 + (6 if start else 5)  # July ... June
    if ym.precision is Precision.SEASON:
        return ym.year * 12 + ym.month - 1 + (1 if start else -1)
    return ym.index


def _span(rng: DateRange, today: date) -> tuple[tuple[int, int] | None, list[str]]:
    """The months a role covers (first, last), or None when it cannot count, and notes."""
    now = today.year * 12 + today.month - 1
    notes: list[str] = []
    problems = range_problems(rng, today)
    if "reversed" in problems:
        return None, ["its end is before its start: not counted"]
    if rng.expected:
        return None, ["an expected or planned role: not counted"]
    if rng.single and rng.start.precision is Precision.YEAR:
        first, last = rng.start.year * 12 + 3, rng.start.year * 12 + 8  # April to September
        notes.append("one year given: counted as six months")
    else:
        first = _point(rng.start, start=True)
        last = now if rng.end is None else _point(rng.end, start=False)
        if rng.approximate:
            notes.append("dates give years or seasons only: counted from their middle")
    if first > now:
        return None, ["starts in the future: not counted"]
    if last > now:
        notes.append("ends after today: counted to today")
        last = now
    if "two-digit year" in problems:
        notes.append("two-digit year read as " + str(rng.start.year))
    return (first, max(first, last)), notes


def _iso(ym: YearMonth | None) -> str | None:
    return None if ym is None else ym.iso()


def _merge(spans: Iterable[tuple[tuple[int, int], float]]) -> float:
    """Months covered, overlaps counted once; a month covered only by part-time roles counts
    at the largest weight covering it."""
    stretches = [(first, last + 1, weight) for (first, last), weight in spans if last >= first]
    # Between two consecutive span edges the same spans cover every month: weigh each stretch
    # once (a thirty-year career is a few dozen stretches, not hundreds of months).
    edges = sorted({edge for first, stop, _w in stretches for edge in (first, stop)})
    total = 0.0
    for start, stop in itertools.pairwise(edges):
        weight = max((w for first, end, w in stretches if first <= start and stop <= end),
                     default=0.0)
        total += weight * (stop - start)
    return total


def experience(entries: ResumeEntries, today: date, *,
               summary_text: str = "") -> Experience:
    """Total the resume's years of experience from its dated roles.

    Args:
        entries: the resume's entries (tailor.entries.read_entries).
        today: the end of roles that run to the present.
        summary_text: the summary and headline, where "N years of experience" claims live.

    Returns:
        The totals, every role with how it was counted, and warnings about odd dates.
    """
    counted: list[_Counted] = []
    warnings: list[str] = []
    undated: list[str] = []
    for entry in entries.experience:
        if entry.title is None and entry.employer is None and not entry.bullets:
            continue
        kind, why = _classify(entry)
        header = " ".join(filter(None, (entry.title, entry.employer, *entry.extra,
                                        entry.heading)))
        notes: list[str] = []
        weight = 1.0
        countable = True
        if _VOLUNTEER.search(f"{entry.heading} {entry.title or ''}"):
            notes.append("volunteer role: shown, not counted in years")
            countable = False
        elif _ROTATION.search(header):
            notes.append("student clinical rotation: part of a degree, not counted in years")
            countable = False
        elif _PART_TIME.search(header):
            notes.append("part-time or PRN: counted at half")
            weight = 0.5
        span: tuple[int, int] | None = None
        rng = entry.dates
        line = entry.lines[0] if entry.lines else 0
        if rng is None:
            notes.append("no dates: not counted")
            undated.append(f"line {line}: '{entry.title or entry.employer}'")
        else:
            span, date_notes = _span(rng, today)
            notes += date_notes
            if span is None:
                warnings.append(f"line {line}: '{entry.title or entry.employer}' "
                                f"({rng.text}): {date_notes[0]}")
        counts = countable and span is not None
        months = 0
        if counts and span is not None:
            months = round((span[1] - span[0] + 1) * weight)
        role = Role(
            title=entry.title,
            employer=entry.employer,
            dates=rng.text if rng is not None else "",
            start=_iso(rng.start) if rng is not None else None,
            end=_iso(rng.end) if rng is not None else None,
            present=rng.present if rng is not None else False,
            months=months,
            kind=kind,
            relevant=kind in _RELEVANT,
            counted=counts,
            why=why,
            line=line,
            notes=tuple(notes),
        )
        counted.append(_Counted(role, span if counts else None, weight))
    if undated:
        shown = "; ".join(undated[:3]) + ("; ..." if len(undated) > 3 else "")
        warnings.append(f"{len(undated)} role{'s' if len(undated) > 1 else ''} without dates "
                        f"({shown}): give each a month and year range so its years count")
    live = [c for c in counted if c.span is not None]
    _overlap_warnings(live, warnings)
    relevant = _merge((c.span, c.weight) for c in live
                      if c.role.relevant and c.span is not None)
    care = _merge((c.span, c.weight) for c in live
                  if c.role.kind is RoleKind.CARE_MANAGEMENT and c.span is not None)
    total = _merge((c.span, c.weight) for c in live if c.span is not None)
    claimed = read_claimed_years(summary_text) if summary_text else None
    years_total = round(total / 12, 1)
    if years_total > LONG_CAREER_YEARS:
        warnings.append(f"the dated roles add up to {years_total:g} years; check the dates for "
                        "a typo")
    if claimed is not None and live and abs(claimed - relevant / 12) >= 3:
        warnings.append(f"the summary claims {claimed:g} years; the dated care-related roles "
                        f"add up to {relevant / 12:.1f}")
    return Experience(
        years_relevant=round(relevant / 12, 1),
        years_care_management=round(care / 12, 1),
        years_other=round((total - relevant) / 12, 1),
        years_total=years_total,
        dated=bool(live),
        claimed_years=claimed,
        roles=tuple(c.role for c in counted),
        warnings=tuple(warnings),
    )


def _overlap_warnings(live: Sequence[_Counted], warnings: list[str]) -> None:
    """Say once that roles held at the same time were counted once."""
    pairs = []
    for i, a in enumerate(live):
        for b in live[i + 1:]:
            if a.span is None or b.span is None:
                continue
            shared = min(a.span[1], b.span[1]) - max(a.span[0], b.span[0]) + 1
            if shared >= 2:
                pairs.append((a.role.line, b.role.line))
    if pairs:
        shown = ", ".join(f"lines {x} and {y}" for x, y in pairs[:3])
        warnings.append(f"roles held at the same time ({shown}): the months they share are "
                        "counted once")


# ----------------------------------------------------------------------------------------------
# Rungs


def _requirement_checks(catalog: Catalog, level: Level, by_id: Mapping[str, KeywordResult],
                        context: _Context) -> tuple[RequirementCheck, ...]:
    out = []
    for req in catalog.requirements:
        if level.name not in req.levels:
            continue
        known = context.decided.get(req.id)  # a requirement reads the same at every rung
        if known is not None:
            out.append(known)
            continue
        status, evidence, line = RequirementStatus.MISSING, "", None
        for ident in req.keywords:
            result = by_id.get(ident)
            if result is None or not result.evidence:
                continue
            shown = [ev for ev in result.evidence if context.own(result.keyword, ev)]
            if not shown:
                continue
            pending = [ev for ev in shown if context.pending(result.keyword, ev)]
            if not pending:
                status, evidence, line = RequirementStatus.MET, shown[0].text, shown[0].line
                break
            if status is RequirementStatus.MISSING:
                status = RequirementStatus.IN_PROGRESS
                evidence, line = pending[0].text, pending[0].line
        check = RequirementCheck(id=req.id, label=req.label, weight=req.weight,
                                 status=status, evidence=evidence, line=line,
                                 source=req.source, step=req.step)
        context.decided[req.id] = check
        out.append(check)
    return tuple(out)


# A credential named as someone else's: "under the supervision of an LCSW", "RN-supervised".
_OTHERS = re.compile(r"\b(?:supervis\w*|under|with|alongside|assist\w*|support\w*|report\w*|"
                     r"shadow\w*)\s+(?:the\s+|an?\s+|our\s+|\w+\s+)?$", re.IGNORECASE)
_FUTURE_WORDS = re.compile(r"\b(?:expir\w*|exp\.?|valid|renew\w*|through|until)\W*$",
                           re.IGNORECASE)


@dataclass(slots=True)
class _Context:
    """What deciding a requirement needs from the resume: its lines and education entries."""

    lines: Mapping[int, Line]
    education: Sequence[EducationEntry]
    today: date
    terms: Mapping[str, str]  # keyword id -> term
    decided: dict[str, RequirementCheck] = field(default_factory=dict)  # by requirement id

    def own(self, keyword: Keyword, ev: Evidence) -> bool:
        """Whether the line shows the person's own credential (not a colleague's)."""
        if keyword.category not in (Category.CREDENTIAL, Category.EDUCATION):
            return True
        line = self.lines.get(ev.line)
        if line is not None and line.bullet and line.section is Section.EXPERIENCE:
            return False  # "Worked under the supervision of an LCSW"
        at = ev.text.find(ev.matched)
        return at < 0 or _OTHERS.search(ev.text[:at]) is None

    def pending(self, keyword: Keyword, ev: Evidence) -> bool:
        """Whether the line shows a degree, licence or certification still to come."""
        if _IN_PROGRESS.search(ev.text):
            return True
        if keyword.category is not Category.EDUCATION:
            return False
        now = YearMonth(self.today.year, self.today.month)
        for rng, start, _end in find_ranges(ev.text):
            if _FUTURE_WORDS.search(ev.text[:start]) is None and _after(rng, now):
                return True
        for entry in self.education:
            if ev.line in entry.lines and entry.dates is not None:
                rng = entry.dates
                if rng.expected or rng.present or _after(rng, now):
                    return True
        return False


def _after(rng: DateRange, now: YearMonth) -> bool:
    """Whether a date (range) ends after this month: a degree still to be earned."""
    end = rng.end if rng.end is not None else rng.start
    if end.precision is Precision.MONTH:
        return end > now
    return end.year > now.year


def _focus_checks(level: Level, by_id: Mapping[str, KeywordResult],
                  terms: Mapping[str, str]) -> tuple[FocusCheck, ...]:
    out = []
    for ident in level.focus_keywords:
        result = by_id.get(ident)
        ev = result.evidence[0] if result is not None and result.evidence else None
        out.append(FocusCheck(id=ident, term=terms.get(ident, ident), found=ev is not None,
                              line=ev.line if ev else None, evidence=ev.text if ev else ""))
    return tuple(out)


def _years(exp: Experience) -> float | None:
    """The years readiness goes by: the dated care-related years, else the summary's claim."""
    if exp.dated:
        return exp.years_relevant
    return exp.claimed_years


def _rung(catalog: Catalog, level: Level, exp: Experience, by_id: Mapping[str, KeywordResult],
          context: _Context) -> RungReadiness:
    years = _years(exp)
    requirements = _requirement_checks(catalog, level, by_id, context)
    focus = _focus_checks(level, by_id, context.terms)
    found = sum(1 for f in focus if f.found)
    reasons: list[str] = []

    short: float | None
    if years is None:
        short = None
        years_points = 1 if level.min_years else 2
        if level.min_years:
            reasons.append(f"the resume gives no dates to count years by; {level.title} asks "
                           f"for {level.years} years")
    else:
        short = round(max(0.0, level.min_years - years), 1)
        said = f"{years:g} years of care-related experience"
        if not exp.dated:
            said += " (as the summary claims)"
        if short == 0:
            years_points = 2
            reasons.append(f"{said} meets the {level.years} years the guide gives")
        else:
            years_points = 1 if short <= NO_GAP_YEARS else 0
            reasons.append(f"{said}; the guide gives {level.years} years ({short:g} short)")

    required = [r for r in requirements if r.weight is Weight.REQUIRED]
    if any(r.status is RequirementStatus.MISSING for r in required):
        req_points = 0
    elif any(r.status is RequirementStatus.IN_PROGRESS for r in required):
        req_points = 1
    else:
        req_points = 2
    for r in required:
        if r.status is RequirementStatus.MISSING:
            reasons.append(f"no {r.label[0].lower() + r.label[1:]} shown")
        elif r.status is RequirementStatus.IN_PROGRESS:
            reasons.append(f"{r.label} in progress (line {r.line})")

    total = len(focus)
    focus_points = 2 if found >= math.ceil(total / 2) else 1 if found >= total / 4 else 0
    if total:
        reasons.append(f"shows {found} of the rung's {total} focus areas")

    if years_points == 2 and req_points == 2 and focus_points == 2:
        verdict = Verdict.YES
    elif years_points == 0 or (total and not found) \
            or years_points + req_points + focus_points <= 3:
        verdict = Verdict.NO  # too few years, none of the rung's work, or little of anything
    else:
        verdict = Verdict.PARTLY
    return RungReadiness(level=level.name, title=level.title, years=level.years,
                         verdict=verdict, years_short=short, requirements=requirements,
                         focus=focus, reasons=tuple(reasons))


def _title_rung(exp: Experience, names: Sequence[str]) -> tuple[str, str] | None:
    """The rung the most recent care-related title names, and that title."""
    roles = [r for r in exp.roles if r.relevant and r.title]
    if not roles:
        return None
    dated = [r for r in roles if r.counted]
    recent = max(dated, key=lambda r: (r.present, r.end or "9999", r.start or "")) \
        if dated else roles[0]
    title = recent.title or ""
    for rung, pattern in _TITLE_RUNGS:
        text = _PRACTITIONER.sub(" ", title) if rung in ("supervisor", "lead") else title
        if rung == "lead" and re.search(r"\blead(?:s|ing)?\s+(?:by|with)\b", title, re.I):
            continue
        if rung in names and pattern.search(text):
            return rung, title
    return None


def _reads_as(catalog: Catalog, rungs: Sequence[RungReadiness], exp: Experience
              ) -> tuple[Level, tuple[str, ...]]:
    levels = catalog.levels
    names = [lvl.name for lvl in levels]
    years = _years(exp)
    titled = _title_rung(exp, names)
    title_at = names.index(titled[0]) if titled else -1
    chosen = 0
    why: list[str] = []
    for index, (level, rung) in enumerate(zip(levels, rungs, strict=True)):
        if index == 0:
            continue
        enough_years = years is not None and years >= level.min_years
        shows_work = rung.focus_found >= math.ceil(len(rung.focus) / 3) and rung.focus_found > 0
        by_title = title_at >= index
        if enough_years and (shows_work or by_title):
            chosen = index
    level = levels[chosen]
    rung = rungs[chosen]
    if years is None:
        why.append("the resume gives no dates, so years cannot be counted; read from its "
                   "titles and skills only")
    else:
        kind = "dated" if exp.dated else "claimed"
        why.append(f"{years:g} years of care-related experience ({kind}); the guide gives "
                   f"{level.years} years for {level.title}")
    if titled and title_at >= chosen and chosen:
        why.append(f'the most recent care-related title is "{titled[1]}"')
    if rung.focus:
        why.append(f"it shows {rung.focus_found} of the rung's {len(rung.focus)} focus areas")
    if chosen + 1 < len(levels):
        above, above_rung = levels[chosen + 1], rungs[chosen + 1]
        if years is None or years < above.min_years:
            needed = "" if years is None else f" ({above.min_years - years:.1f} years short)"
            why.append(f"{above.title} starts at {above.years} years{needed}")
        elif titled and title_at > chosen:
            pass
        else:
            why.append(f"{above.title}: it shows {above_rung.focus_found} of "
                       f"{len(above_rung.focus)} focus areas; a third is needed to read at "
                       "that rung")
    if titled and title_at > chosen:
        why.append(f'the title "{titled[1]}" names a higher rung than the years reach')
    return level, tuple(why)


def _below(rungs: tuple[RungReadiness, ...], reads_at: int, title: str
           ) -> tuple[RungReadiness, ...]:
    """Rungs under the one the resume reads as are "yes" once their years and required
    degrees are there: their focus areas are what the person has grown beyond."""
    out = list(rungs)
    for index, rung in enumerate(rungs[:reads_at]):
        required = [r for r in rung.requirements if r.weight is Weight.REQUIRED]
        if rung.verdict is not Verdict.YES and rung.years_short in (0, None) and all(
                r.status is RequirementStatus.MET for r in required):
            reason = f"the resume reads as {title}, above this rung"
            out[index] = replace(rung, verdict=Verdict.YES, reasons=(reason, *rung.reasons))
    return tuple(out)


# ----------------------------------------------------------------------------------------------
# Steps


def _steps(catalog: Catalog, rung: RungReadiness, exp: Experience, reads_as: Level
           ) -> list[Step]:
    level = catalog.level(rung.level)
    by_id = {kw.id: kw for kw in catalog.keywords}
    ladder_line = f"{level.title}: {level.years} years (the guide's career path)"
    steps: list[Step] = []
    for req in rung.requirements:
        if req.weight is Weight.REQUIRED and req.status is RequirementStatus.MISSING:
            steps.append(Step(req.step, req.source, level.name, "requirement"))
        elif req.weight is Weight.REQUIRED and req.status is RequirementStatus.IN_PROGRESS:
            shown = req.evidence if len(req.evidence) <= 70 else req.evidence[:69] + "…"
            steps.append(Step(f"Finish what line {req.line} shows in progress (\"{shown}\"); "
                              "until then keep its expected date beside it, which is how "
                              "employers read a degree or licence still to come.",
                              req.source, level.name, "requirement"))
    if not exp.dated and exp.roles:
        steps.append(Step("Give every role a month and year range ('March 2021 – Present') so "
                          "that readers and screening systems can count your years.",
                          ladder_line, level.name, "dates"))
    if rung.years_short:
        steps.append(Step(
            f"Gain about {rung.years_short:g} more years of care-related experience: the guide "
            f"gives {level.years} years for {level.title}. Until then, {reads_as.title} roles "
            "fit the resume.", ladder_line, level.name, "experience"))
    missing_focus = [f for f in rung.focus if not f.found]
    for focus in missing_focus[:2]:
        kw = by_id.get(focus.id)
        if kw is not None:
            steps.append(Step(f"Show {kw.term}: {kw.suggestion}", kw.source, level.name,
                              "focus"))
    for req in rung.requirements:
        if req.weight is Weight.PREFERRED and req.status is RequirementStatus.MISSING:
            steps.append(Step(req.step, req.source, level.name, "requirement"))
    return steps


# ----------------------------------------------------------------------------------------------
# Entry point


def assess(resume: ResumeText, catalog: Catalog, by_id: Mapping[str, KeywordResult], *,
           level: str, today: date | None = None,
           entries: ResumeEntries | None = None) -> Readiness:
    """How ready a resume reads for each rung, which it reads as, and the steps to the next.

    Args:
        resume: the read resume.
        catalog: the catalog (ladder, requirements, focus areas).
        by_id: every catalog keyword's match result, by id (one matching pass serves all).
        level: the rung asked for, or AUTO for the rung the resume reads as.
        today: the date roles "to Present" run to; today's date when None.
        entries: the resume's entries, when already read.

    Returns:
        The Readiness. Never raises on odd content: odd dates become warnings.
    """
    today = today or date.today()
    entries = entries if entries is not None else read_entries(resume)
    summary = " ".join(filter(None, (entries.contact.headline, entries.summary)))
    exp = experience(entries, today, summary_text=summary)
    context = _Context({line.number: line for line in resume.lines}, entries.education, today,
                       {kw.id: kw.term for kw in catalog.keywords})
    rungs = tuple(_rung(catalog, lvl, exp, by_id, context) for lvl in catalog.levels)
    reads_as, why = _reads_as(catalog, rungs, exp)
    rungs = _below(rungs, [lvl.name for lvl in catalog.levels].index(reads_as.name),
                   reads_as.title)
    auto = level == AUTO
    names = [lvl.name for lvl in catalog.levels]
    asked_index = names.index(reads_as.name if auto else level)
    asked = rungs[asked_index]
    above = rungs[asked_index + 1] if asked_index + 1 < len(rungs) else None
    steps = _steps(catalog, asked, exp, reads_as)
    if above is not None and (asked.verdict is Verdict.YES or len(steps) < 3):
        steps += _steps(catalog, above, exp, reads_as)
    unique: list[Step] = []
    for step in steps:
        if all(step.text != s.text for s in unique):
            unique.append(step)
    return Readiness(
        experience=exp,
        reads_as=reads_as.name,
        reads_as_title=reads_as.title,
        reads_as_why=why,
        asked=asked,
        above=above,
        rungs=rungs,
        steps=tuple(unique[:MAX_STEPS]),
        auto=auto,
    )
