"""Drafts: profile + level + catalog (+ posting) → Jinja2 templates → resume and cover letter DOCX.

Python decides what the person's facts show and in what order (which skills lead, which
bullets come first, what the summary can truthfully claim); the templates in templates/draft/
decide the wording and the order of sections; tailor.docx_writer turns the rendered lines into
a Word document with the reference document's styles. A draft never invents a fact: where the
level or the posting expects one the profile lacks, it holds a bracketed placeholder
("[number] patients") that the placeholder report lists and `tailor check` never counts.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from jinja2 import TemplateError as JinjaTemplateError
from jinja2 import TemplateNotFound

from tailor.catalog import load_catalog
from tailor.dates import DateRange, iso_range, parse_iso, total_months
from tailor.docx_writer import PLACEHOLDER, TemplateError, parse_markup, write_docx
from tailor.errors import OutputError, UsageError
from tailor.match import build_matcher
from tailor.models import Catalog, Keyword, Level, Line, Section, Source, Track, Weight
from tailor.posting import Posting
from tailor.profile import (
    Education,
    Profile,
    Work,
    profile_text_lines,
)

RESUME, LETTER = "resume", "cover letter"
FILE_NAMES = {RESUME: "resume.docx", LETTER: "cover-letter.docx"}
ONE_PAGE_LEVELS = frozenset({"assistant", "care-manager"})
_CARE_ROLE = re.compile(
    r"(?i)\b(care|case|nurse|nursing|rn|lpn|social|coordinator|navigator|community health|"
    r"discharge|utilization|transition|patient|clinical|health)\b")
_CREDENTIAL_ABBR = re.compile(r"\(([A-Z][A-Z0-9-]{1,9})\)|^([A-Z][A-Z0-9-]{1,9})\b")
_VERB_START = frozenset("""coordinate coordinated manage managed develop developed lead led
educate educated provide provided conduct conducted ensure ensured""".split())


class Slot(str):
    """Text that is already safe for the draft markup (placeholders and assembled phrases).

    Profile values are data: on their way into a template every bracket becomes a parenthesis
    and every line break a space, so that no value can pose as a placeholder or open a new
    paragraph. Values the drafter builds itself, which may hold placeholders, are Slots and
    pass unchanged.
    """

    __slots__ = ()


def safe(value: object) -> str:
    """A profile value as draft text: one line, no square brackets, no tabs.

    A value that is wholly one bracketed placeholder ("[Your Name]", as the starter profile
    and skeletons hold) stays a placeholder.
    """
    text = " ".join(str(value).split())
    if PLACEHOLDER.fullmatch(text):
        return Slot(text)
    return text.replace("[", "(").replace("]", ")")


def _finalize(value: object) -> object:
    if value is None:
        return ""
    if isinstance(value, Slot):
        return str(value)
    if isinstance(value, str):
        return safe(value)
    return value


@dataclass(frozen=True, slots=True)
class Placeholder:
    """A fact left for the person to supply."""

    document: str
    text: str
    line: str


@dataclass(frozen=True, slots=True)
class Draft:
    """A drafted resume and cover letter, ready to write.

    Attributes:
        level: the ladder level drafted for.
        resume, cover_letter: the DOCX files' bytes.
        resume_markup, letter_markup: the rendered template lines (what the documents say).
        placeholders: every bracketed placeholder left to fill, in document order.
        warnings: remarks (styles a reference document lacked, facts that were trimmed...).
        supported: ids of the catalog keywords the profile's own text shows.
        posting_terms: the posting's terms the profile supports, in the posting's words.
        tracks: ids of the specialization tracks drafted toward.
    """

    level: str
    resume: bytes
    cover_letter: bytes
    resume_markup: str
    letter_markup: str
    placeholders: tuple[Placeholder, ...]
    warnings: tuple[str, ...] = ()
    supported: tuple[str, ...] = ()
    posting_terms: tuple[str, ...] = field(default_factory=tuple)
    tracks: tuple[str, ...] = ()


# ----------------------------------------------------------------------------------------------
# What the profile supports


def _lines(texts: Iterable[str]) -> list[Line]:
    return [Line(i, t, Source.BODY, Section.EXPERIENCE)
            for i, t in enumerate((t for t in texts if t.strip()), start=1)]


def _hits(keywords: Sequence[Keyword], text: str) -> set[str]:
    """Ids of the keywords a piece of text shows."""
    if not text.strip():
        return set()
    return {r.keyword.id for r in build_matcher(keywords).find(_lines([text])) if r.found}


@dataclass(slots=True)
class _Priorities:
    """How much each catalog keyword matters for this draft."""

    level: Level
    catalog: Catalog
    posting: Posting | None
    tracks: tuple[Track, ...] = ()
    weights: dict[str, float] = field(default_factory=dict)

    def __post_init__(self) -> None:
        everywhere = len(self.catalog.levels)
        track_ids = tuple(t.id for t in self.tracks)
        for kw in self.catalog.for_level(self.level.name, track_ids):
            weight = 1.0 if kw.weight is Weight.REQUIRED else 0.5
            if len(kw.levels) < everywhere:
                weight += 3.0  # the level's own focus areas lead
            self.weights[kw.id] = weight
        if self.posting is not None:
            for kw_id in self.posting.catalog_ids:
                self.weights[kw_id] = self.weights.get(kw_id, 1.0) + 3.0
        for kw_id in track_terms(self.catalog, self.tracks):
            # a chosen specialization leads like a posting's terms
            self.weights[kw_id] = self.weights.get(kw_id, 1.0) + 3.0

    def score(self, ids: Iterable[str]) -> float:
        return sum(self.weights.get(i, 0.25) for i in ids)


# ----------------------------------------------------------------------------------------------
# The view the templates see


_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def is_placeholder(value: str | None) -> bool:
    """A value the person has yet to fill in: written wholly in square brackets."""
    return value is not None and value.strip().startswith("[") and value.strip().endswith("]")


def _date_part(value: str | None, *, end: bool) -> str | None:
    if value is None:
        return None
    if is_placeholder(value):
        return value.strip()
    point = parse_iso(value, end=end)
    if point is None:
        return "[end]" if end else "[start]"
    if point.precision.value == "year":
        return str(point.year)
    return f"{_MONTHS[point.month - 1]} {point.year}"


def _dates(start: str | None, end: str | None, *, current: bool = True) -> Slot:
    """A date range as a resume writes it: "Mar 2021 – Present", "2018", "[start] – [end]".

    A missing end means a current job ("Present") when `current`; a placeholder stays a
    placeholder on either side, so a date the person has yet to give is never guessed.
    """
    first, last = _date_part(start, end=False), _date_part(end, end=True)
    if first is None and last is None:
        return Slot("[start] – [end]" if current else "[year]")
    if not current:
        return Slot(last or first or "[year]")
    first = first or "[start]"
    last = last or "Present"
    return Slot(first if first == last else f"{first} – {last}")


_NOT_IN_HEADLINE = frozenset({"BLS", "ACLS", "PALS", "CPR", "NIHSS", "TNCC", "NRP", "ENPC"})
_DEGREE_RANK = {"PhD": 5, "DNP": 5, "MSN": 4, "MSW": 4, "MPH": 4, "MHA": 4, "MBA": 4, "MS": 3,
                "MA": 3, "BSN": 2, "BSW": 2, "BS": 1, "BA": 1, "ADN": 0}


def _credentials(profile: Profile) -> list[str]:
    """Abbreviations of licences and certifications ("RN", "CCM"), in profile order; life-
    support cards (BLS, ACLS) are listed on the resume but not after the name."""
    found: list[str] = []
    names = [lic.name for lic in profile.licenses] + [c.name for c in profile.certificates]
    for name in names:
        if not name or is_placeholder(name):
            continue
        m = _CREDENTIAL_ABBR.search(name)
        abbr = (m.group(1) or m.group(2)) if m else None
        if abbr and abbr not in found and len(abbr) <= 8 and abbr not in _NOT_IN_HEADLINE:
            found.append(abbr)
    return found


def _degree_abbr(edu: Education) -> str | None:
    text = " ".join(x for x in (edu.study_type, edu.area) if x and not is_placeholder(x))
    m = re.search(r"\b(BSN|BSW|MSW|MSN|MPH|MHA|MBA|DNP|PhD|ADN|BS|BA|MS|MA)\b", text)
    return m.group(1) if m else None


_CM_ROLE = re.compile(r"(?i)\b(care|case)\s+(manager|management|coordinator|coordination)|"
                      r"\bnavigator\b|\bcare\s+coordinator\b|\butilization\b|\bdischarge planner")


def _years(profile: Profile, today: date) -> tuple[int | None, int | None, int | None]:
    """Whole years of experience: in healthcare roles, in all roles, and in care/case
    management roles (None where no dated role counts)."""
    ranges: list[DateRange] = []
    care: list[DateRange] = []
    managed: list[DateRange] = []
    for job in profile.work:
        rng = iso_range(job.start_date, job.end_date)
        if rng is None:
            continue
        ranges.append(rng)
        if _CARE_ROLE.search(" ".join(x for x in (job.position, job.name) if x)):
            care.append(rng)
        if _CM_ROLE.search(job.position or ""):
            managed.append(rng)

    def whole(spans: list[DateRange]) -> int | None:
        return total_months(spans, today) // 12 if spans else None

    return whole(care), whole(ranges), whole(managed)


def _join_and(items: Sequence[str]) -> str:
    items = [i for i in items if i]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:] if text[:2] != text[:2].upper() else text


@dataclass(slots=True)
class _Builder:
    profile: Profile
    level: Level
    catalog: Catalog
    posting: Posting | None
    today: date
    priorities: _Priorities
    warnings: list[str] = field(default_factory=list)

    # -- facts ---------------------------------------------------------------------------------
    def bullets(self, highlights: Sequence[str], limit: int | None) -> list[str]:
        """The job's highlights, the level's and posting's themes first, numbers next."""
        keywords = self.catalog.keywords
        scored = []
        for position, text in enumerate(highlights):
            ids = _hits(keywords, text)
            number = 1.0 if re.search(r"\d|%|\$", text) else 0.0
            scored.append((-(self.priorities.score(ids) + number), position, text))
        ordered = [safe(t) for _, _, t in sorted(scored)]
        return ordered if limit is None else ordered[:limit]

    def jobs(self, entries: Sequence[Work], limits: Sequence[int | None]) -> list[dict[str, Any]]:
        out = []
        for i, job in enumerate(entries):
            limit = limits[min(i, len(limits) - 1)] if limits else None
            highlights = list(job.highlights)
            if not highlights and job.summary:
                highlights = [job.summary]
            bullets: list[str] = self.bullets(highlights, limit)
            if not bullets:
                bullets = [Slot("[What you achieved here, with a number: how many patients, "
                                "what changed]")]
            out.append({
                "title": safe(job.position) if job.position else Slot("[Job title]"),
                "employer": safe(job.name) if job.name else Slot("[Employer]"),
                "location": safe(job.location or ""),
                "dates": _dates(job.start_date, job.end_date),
                "bullets": bullets,
            })
        return out

    def education(self) -> list[dict[str, Any]]:
        out = []
        for edu in self.profile.education:
            degree = Slot(" in ".join(safe(x) for x in (edu.study_type, edu.area) if x))
            out.append({
                "degree": degree or Slot("[Degree]"),
                "school": safe(edu.institution) if edu.institution else Slot("[School]"),
                "dates": _dates(edu.start_date if not edu.end_date else None, edu.end_date,
                                current=False),
                "detail": safe(edu.score or ""),
            })
        return out

    def licenses(self, compact: bool = False) -> list[Slot]:
        """Licence and certification lines; on a one-page resume only name, state and year."""
        out = []
        for lic in self.profile.licenses:
            parts = [safe(lic.name or "[Licence]")]
            if lic.state:
                parts.append(f"State of {safe(lic.state)}" if len(lic.state) > 2
                             and not compact else safe(lic.state))
            if lic.number and not compact:
                parts.append(f"License #{safe(lic.number)}")
            if lic.expires and not compact:
                parts.append(f"expires {_dates(None, lic.expires, current=False)}")
            out.append(Slot(", ".join(parts)))
        for cert in self.profile.certificates:
            parts = [safe(cert.name or "[Certification]")]
            if cert.issuer and not compact:
                parts.append(safe(cert.issuer))
            if cert.date:
                when = str(_dates(None, cert.date, current=False))
                parts.append(when.rsplit(maxsplit=1)[-1] if compact else when)
            out.append(Slot(", ".join(parts)))
        return out

    def skills(self, supported: set[str]) -> list[dict[str, Any]]:
        """Skill lines: the level's (and posting's) supported themes first, in the posting's
        words where it names them, then the person's own skill groups."""
        posting_words = self.posting_wording()
        lead = sorted((kw for kw in self.catalog.keywords if kw.id in supported
                       and kw.category.value in ("responsibility", "technical-skill",
                                                 "leadership", "specialization")),
                      key=lambda kw: -self.priorities.weights.get(kw.id, 0.0))
        core = [posting_words.get(kw.id, kw.term) for kw in lead[:10]]
        lines = []
        if core:
            lines.append({"label": "Core strengths",
                          "text": Slot(", ".join(_capitalise(safe(c)) for c in core))})
        seen = {c.lower() for c in core}
        for group in self.profile.skills:
            items = [safe(k) for k in group.keywords if safe(k).lower() not in seen]
            label = safe(group.name) if group.name else "Skills"
            if group.keywords and not items:
                continue
            if not group.keywords and group.name:
                lines.append({"label": "Skills", "text": label})
                continue
            lines.append({"label": label, "text": Slot(", ".join(items))})
        langs = [safe(lang.language) + (f" ({safe(lang.fluency)})" if lang.fluency else "")
                 for lang in self.profile.languages if lang.language]
        if langs:
            lines.append({"label": "Languages", "text": Slot(", ".join(langs))})
        return lines

    def posting_wording(self) -> dict[str, str]:
        """Catalog id → the posting's own words for it (noun phrases only)."""
        if self.posting is None:
            return {}
        out: dict[str, str] = {}
        for request in self.posting.requests:
            if request.catalog and request.term.split()[0].lower() not in _VERB_START:
                out.setdefault(request.keyword.id, request.term)
        return out


def _capitalise(text: str) -> str:
    return text[:1].upper() + text[1:]


def track_terms(catalog: Catalog, tracks: Sequence[Track]) -> tuple[str, ...]:
    """Catalog ids a set of tracks brings: each track's own entries, then those it builds on."""
    chosen = {t.id for t in tracks}
    own = [kw.id for kw in catalog.keywords if kw.track is not None and kw.track in chosen]
    return tuple(dict.fromkeys([*own, *(i for t in tracks for i in t.related)]))


def build_context(profile: Profile, *, level: Level, catalog: Catalog,
                  posting: Posting | None, today: date,
                  tracks: Sequence[Track] = ()) -> tuple[dict[str, Any], set[str]]:
    """The template context for a profile, and the catalog ids the profile supports."""
    priorities = _Priorities(level, catalog, posting, tuple(tracks))
    b = _Builder(profile, level, catalog, posting, today, priorities)
    text = "\n".join(profile_text_lines(profile, headings=False))
    supported = {r.keyword.id for r in build_matcher(catalog.keywords).find(
        _lines(text.splitlines())) if r.found}
    basics = profile.basics
    credentials = _credentials(profile)
    degrees = sorted((d for d in (_degree_abbr(e) for e in profile.education) if d),
                     key=lambda d: -_DEGREE_RANK.get(d, 0))
    name = safe(basics.name) if basics.name else Slot("[Your Name]")
    in_name = {w.strip(",.;()") for w in name.split()}
    after_name = [c for c in dict.fromkeys(degrees[:1] + credentials) if c not in in_name]
    headline = Slot(", ".join([name, *after_name]))
    loc = basics.location
    place = ", ".join(safe(x) for x in (loc.city, loc.region) if x) if loc else ""
    urls = [safe(p.url) for p in basics.profiles if p.url] + ([safe(basics.url)]
                                                             if basics.url else [])
    contact = Slot(" · ".join([
        place or "[City, State]",
        safe(basics.phone) if basics.phone else "[phone]",
        safe(basics.email) if basics.email else "[email]",
        *urls[:1],
    ]))
    care_years, all_years, cm = _years(profile, today)
    years = care_years or all_years
    strengths = sorted((kw for kw in catalog.keywords if kw.id in supported
                        and kw.category.value in ("responsibility", "technical-skill",
                                                  "leadership", "specialization")),
                       key=lambda kw: -priorities.weights.get(kw.id, 0.0))
    wording = b.posting_wording()
    strength_terms = [safe(wording.get(kw.id, kw.term)) for kw in strengths[:4]]
    recent = next((w for w in profile.work if w.position), None)
    label = Slot(safe(basics.label).split(" | ")[0]) if basics.label else (
        safe(recent.position) if recent and recent.position else level.title)
    if posting is not None and posting.title and recent and recent.position and _same_family(
            posting.title, recent.position):
        label = safe(posting.title)
    one_page = level.name in ONE_PAGE_LEVELS
    limits: list[int | None] = [5, 4, 3, 2] if one_page else [7, 6, 5, 4, 3]
    jobs = b.jobs(profile.work or (Work(),), limits)
    volunteer = b.jobs([Work(name=v.organization, position=v.position, start_date=v.start_date,
                             end_date=v.end_date, summary=v.summary, highlights=v.highlights)
                        for v in profile.volunteer], [2] if one_page else [3])
    top_results = _top_results(profile, priorities, catalog)
    context: dict[str, Any] = {
        "weights": priorities.weights,
        "level": {"name": level.name, "title": level.title, "band": level.band},
        "person": {"name": name, "headline": headline, "contact": contact,
                   "first_name": Slot(name.split()[0]) if basics.name else Slot("[Your Name]")},
        "label": label,
        "credentials": Slot(_join_and(credentials)) if credentials else "",
        "years": Slot(str(years)) if years else Slot("[number]"),
        "cm_years": Slot(str(cm or years)) if (cm or years) else Slot("[number]"),
        "strengths": Slot(_join_and(strength_terms)) if strength_terms else Slot(
            "[two or three strengths]"),
        "own_summary": _summary_sentences(basics.summary or "", label, priorities, catalog,
                                          1 if level.name in ONE_PAGE_LEVELS else 2),
        "jobs": jobs,
        "volunteer": volunteer,
        "education": b.education(),
        "licenses": b.licenses(compact=one_page),
        "licenses_line": Slot("; ".join(b.licenses(compact=one_page))),
        "skills": b.skills(supported),
        "memberships": [Slot(", ".join(safe(x) for x in (m.role, m.organization) if x))
                        for m in profile.memberships if m.organization],
        "awards": [Slot(", ".join(safe(x) for x in (a.title, a.awarder) if x) + (
            f", {_dates(None, a.date, current=False)}" if a.date else ""))
                   for a in profile.awards if a.title],
        "job": None if posting is None else {
            "title": safe(posting.title) if posting.title else Slot("[the role]"),
            "organization": safe(posting.organization) if posting.organization
            else Slot("[Organization]"),
        },
        "results": top_results,
        "tracks": [{"id": t.id, "title": t.title,
                    # only the track's own entries: general ones do not show the specialty
                    "shown": _join_and([kw.term for kw in catalog.keywords
                                        if kw.id in supported and kw.track == t.id][:3])}
                   for t in tracks],
        "compact": one_page,
        "today": Slot(f"{today:%B} {today.day}, {today.year}"),
    }
    return context, supported


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z(\"'])")


def _summary_sentences(summary: str, label: str, priorities: _Priorities, catalog: Catalog,
                       limit: int) -> str:
    """The person's own summary, reframed: the sentences that speak to the level's and the
    posting's themes first, at most `limit` of them, without one that only repeats the
    opening framing ("Senior Care Manager with seven years...")."""
    sentences = [x.strip() for x in _SENTENCE_END.split(safe(summary)) if x.strip()]
    if not sentences:
        return ""
    opener = set(re.findall(r"[a-z]+", label.lower()))
    scored = []
    for position, sentence in enumerate(sentences):
        words = set(re.findall(r"[a-z]+", sentence.lower()))
        if position == 0 and opener and opener <= words and len(sentences) > 1:
            continue  # the person's own headline: the framing sentence says it
        ids = _hits(catalog.keywords, sentence)
        scored.append((-priorities.score(ids), position, sentence))
    kept = sorted(scored)[:limit]
    return " ".join(sentence for _, _, sentence in sorted(kept, key=lambda k: k[1]))


def _same_family(a: str, b: str) -> bool:
    family = ("care manager", "case manager", "care coordinator", "care management",
              "case management", "navigator")
    return any(f in a.lower() for f in family) and any(f in b.lower() for f in family)


def _top_results(profile: Profile, priorities: _Priorities,
                 catalog: Catalog) -> list[dict[str, Any]]:
    """The person's strongest results for the cover letter: highlights with numbers that show
    what the level and posting care about most, each with where it happened."""
    candidates: list[tuple[float, int, Work, str]] = []
    for order, job in enumerate(profile.work):
        for text in job.highlights:
            if PLACEHOLDER.fullmatch(text.strip()):
                continue  # a prompt, not a result
            ids = _hits(catalog.keywords, text)
            number = 2.0 if re.search(r"\d|%|\$", text) else 0.0
            score = priorities.score(ids) + number - order * 0.5
            candidates.append((-score, len(candidates), job, text))
    out: list[dict[str, Any]] = []
    used_jobs: dict[str, int] = {}
    for _, _, job, text in sorted(candidates, key=lambda c: (c[0], c[1])):
        key = job.name or ""
        if used_jobs.get(key, 0) >= 2:
            continue
        used_jobs[key] = used_jobs.get(key, 0) + 1
        out.append({"text": safe(_lower_first(text.rstrip(". "))),
                    "employer": safe(job.name) if job.name else Slot("[employer]"),
                    "title": safe(job.position) if job.position else Slot("[role]"),
                    "same_employer": bool(out) and out[-1]["employer"] == safe(job.name or "")})
        if len(out) == 3:
            break
    return out


# ----------------------------------------------------------------------------------------------
# Rendering


def _template_names(kind: str, level: Level) -> list[str]:
    return [f"draft/{kind}-{level.name}.j2", f"draft/{kind}-{level.band}.j2", f"draft/{kind}.j2"]


def _render(kind: str, context: dict[str, Any], level: Level, user_dir: str | None) -> str:
    from jinja2.exceptions import SecurityError

    from tailor.templating import environment

    env = environment(user_dir, finalize=_finalize)
    try:
        template = env.select_template(_template_names(kind, level))
        return template.render(**context)
    except TemplateNotFound as exc:
        looked = ", ".join(str(t) for t in exc.templates)
        raise UsageError(f"no {kind} template found (looked for {looked})") from None
    except (JinjaTemplateError, SecurityError, OverflowError, RecursionError, TypeError,
            ValueError, AttributeError) as exc:
        where = _template_frame(exc) or (getattr(exc, "filename", None) or f"the {kind} template",
                                         getattr(exc, "lineno", None))
        line = f", line {where[1]}" if where[1] else ""
        message = getattr(exc, "message", None) or str(exc) or type(exc).__name__
        if isinstance(exc, RecursionError):
            message = "it includes itself, or recurses without end"
        elif isinstance(exc, OverflowError):
            message = "it asks for more than a document can hold"
        kind_of = "unsafe" if isinstance(exc, SecurityError) else "cannot be rendered"
        raise TemplateError(f"{where[0]}{line}: {kind_of}: {message}") from None


def _template_frame(exc: BaseException) -> tuple[str, int | None] | None:
    """The template file and line an error happened in (the last .j2 frame of its traceback)."""
    import traceback

    frames = [f for f in traceback.extract_tb(exc.__traceback__) if f.filename.endswith(".j2")]
    if not frames:
        return None
    return frames[-1].filename, frames[-1].lineno


_DATE_FIELDS = frozenset({"start_date", "end_date", "date", "issued", "expires",
                          "release_date"})


def facts_only(value: Any, name: str = "") -> Any:
    """A profile with what it does not yet say taken out: placeholder values ("[Your Name]",
    the starter's "[e.g. Managed a caseload of ...]") become missing, so the drafter's own
    marked placeholders stand in for them and nothing bracketed passes as a fact. Placeholder
    dates are kept (a job whose end is "[2021-02]" must not read as current), and every text
    is cleaned again (a Profile built in code may hold characters a file never could)."""
    from dataclasses import fields, is_dataclass
    from dataclasses import replace as with_

    from tailor.profile import clean_text

    if is_dataclass(value) and not isinstance(value, type):
        return with_(value, **{f.name: facts_only(getattr(value, f.name), f.name)
                               for f in fields(value)})
    if isinstance(value, str):
        text = clean_text(value)
        if name in _DATE_FIELDS or not is_placeholder(text):
            return text
        # "[First Last, RN]" stays, shown as the person's own placeholder; "[e.g. Managed a
        # caseload of [number] patients]" (brackets within) goes, as do list items below.
        return text if PLACEHOLDER.fullmatch(text) else None
    if isinstance(value, tuple):
        items = (v for v in (facts_only(v, name) for v in value)
                 if v is not None and v != "" and not (isinstance(v, str) and is_placeholder(v)))
        return tuple(items)
    return value


def skeleton_profile(level: Level, catalog: Catalog, tracks: Sequence[Track] = ()) -> Profile:
    """A profile whose every personal fact is a marked placeholder, prompting for what the
    level's most important keywords (and the chosen tracks' own entries) ask a resume to
    show."""
    top = [kw for kw in catalog.for_level(level.name) if kw.weight is Weight.REQUIRED
           and kw.category.value in ("responsibility", "technical-skill", "leadership")]
    chosen = {t.id for t in tracks}
    special = [kw for kw in catalog.keywords if kw.track is not None and kw.track in chosen]
    picked = [*special[:2], *top][:5] if special else top[:5]
    prompts = tuple(f"[Show {kw.term}: what you did, for how many, with what result]"
                    for kw in picked)
    return Profile(work=(Work(highlights=prompts),), education=(Education(),))


def draft(profile: Profile | None = None, *, level: str = "care-manager",
          catalog: Catalog | None = None, posting: Posting | None = None,
          templates: str | os.PathLike[str] | None = None,
          reference_docx: str | os.PathLike[str] | None = None,
          today: date | None = None, tracks: Sequence[str] = ()) -> Draft:
    """Draft a resume and cover letter for a career level, from the person's own facts.

    Args:
        profile: the person's facts (tailor.profile.load_profile); None drafts a skeleton
            whose facts are all placeholders.
        level: the ladder level to write for.
        catalog: the keyword catalog; the shipped one when None.
        posting: a job posting to tailor to (tailor.posting.read_posting).
        templates: a folder of the user's own templates, overriding shipped ones by file name.
        reference_docx: a Word document whose named styles the drafts use.
        today: the date for the letter and for years of experience; the real date when None.
        tracks: specialization tracks (keywords/tracks.yaml) whose terms the draft puts first
            where the profile supports them, and prompts for in a skeleton.

    Returns:
        The Draft (documents' bytes, their text, placeholders left, warnings).

    Raises:
        UsageError: an unknown level or track, or a missing template or reference document.
        TemplateError: a template that does not render or renders unknown markup.
    """
    from tailor.api import resolve_level, resolve_tracks

    catalog = catalog or load_catalog()
    lvl = resolve_level(catalog, level)
    chosen = resolve_tracks(catalog, tracks)
    today = today or date.today()
    person = (facts_only(profile) if profile is not None
              else skeleton_profile(lvl, catalog, chosen))
    context, supported = build_context(person, level=lvl, catalog=catalog, posting=posting,
                                       today=today, tracks=chosen)
    user_dir = os.fspath(templates) if templates is not None else None
    resume_markup = _render("resume", context, lvl, user_dir)
    resume_markup = _fit(resume_markup, context, lvl, user_dir, catalog, supported)
    letter_markup = _render("cover-letter", context, lvl, user_dir)
    name = str(context["person"]["name"])
    reference = os.fspath(reference_docx) if reference_docx is not None else None
    resume, warn1 = write_docx(parse_markup(resume_markup, "resume template"),
                               reference=reference, title=f"Resume of {name}", author=name)
    letter, warn2 = write_docx(parse_markup(letter_markup, "cover-letter template"),
                               reference=reference, title=f"Cover letter of {name}",
                               author=name)
    placeholders = [Placeholder(doc, m.group(0), line.strip().partition(" ")[2].strip())
                    for doc, markup in ((RESUME, resume_markup), (LETTER, letter_markup))
                    for line in markup.splitlines() for m in PLACEHOLDER.finditer(line)]
    wording = _Builder(person, lvl, catalog, posting, today,
                       _Priorities(lvl, catalog, posting, chosen))
    posting_terms = tuple(wording.posting_wording().get(i, "") for i in sorted(supported)
                          if posting is not None and i in posting.catalog_ids)
    return Draft(
        level=lvl.name, resume=resume, cover_letter=letter, resume_markup=resume_markup,
        letter_markup=letter_markup, placeholders=tuple(placeholders),
        warnings=tuple(dict.fromkeys([*warn1, *warn2])), supported=tuple(sorted(supported)),
        posting_terms=tuple(t for t in posting_terms if t),
        tracks=tuple(t.id for t in chosen),
    )


_SKILL_GROUP = {"responsibility": "Care management", "technical-skill": "Care management",
                "specialization": "Care management", "soft-skill": "Strengths",
                "tool": "Tools", "regulation": "Payers & regulations",
                "leadership": "Leadership", "credential": "Memberships & credentials",
                "education": "Education"}

# Rough layout of the shipped reference style: characters a line holds, and the height a
# paragraph of each style takes beyond its text lines (spacing, rules), in text lines. A US
# Letter page with the shipped margins holds about 57 lines of 10.5 pt text (measured against
# LibreOffice; the tests check real page counts).
_CHARS_PER_LINE = {"List Bullet": 100, "Skills": 104}
_EXTRA_LINES = {"Title": 1.2, "Contact": 0.6, "Heading 1": 1.3, "Entry": 0.4,
                "Entry Detail": 0.15, "List Bullet": 0.1, "Skills": 0.15, "Normal": 0.2}
LINES_PER_PAGE = 57


def estimated_pages(markup: str) -> float:
    """How many pages a resume's markup fills in the shipped style (an estimate; tests check
    it against LibreOffice's real page count)."""
    lines = 0.0
    for block in parse_markup(markup, "resume template"):
        width = _CHARS_PER_LINE.get(block.style, 108)
        text = len(block.text) + (len(block.right) + 4 if block.right else 0)
        lines += max(1, -(-text // width)) + _EXTRA_LINES.get(block.style, 0.2)
    return lines / LINES_PER_PAGE


def _fit(markup: str, context: dict[str, Any], level: Level, user_dir: str | None,
         catalog: Catalog, supported: set[str]) -> str:
    """Shorten the resume until it fits the level's page target (one page for assistant and
    care manager, two above): older jobs' bullets first, then volunteer work, the extra
    summary sentences, awards and affiliations. Then make sure every keyword the profile
    supports is still shown, listing any the trimming dropped in the skills."""
    pages = 1 if level.name in ONE_PAGE_LEVELS else 2
    target = pages - 0.04

    def render() -> str:
        return _render("resume", context, level, user_dir)

    def lost_terms(text: str) -> list[Keyword]:
        lines = [line.split(" ", 1)[-1] for line in text.splitlines() if line.strip()]
        shown = {r.keyword.id for r in build_matcher(catalog.keywords).find(_lines(lines))
                 if r.found}
        return [kw for kw in catalog.keywords if kw.id in supported and kw.id not in shown]

    compact = bool(context.get("compact"))
    own_lines = [line for line in context["skills"] if line["label"] == "Languages"] if compact \
        else list(context["skills"])

    def with_coverage(text: str) -> str:
        # On a one-page resume the skills are the supported keywords nothing else shows,
        # grouped; on longer ones the person's own skill lines, plus any keyword trimming lost.
        context["skills"] = list(own_lines)
        lost = lost_terms(render())
        if lost:
            lost.sort(key=lambda kw: -context["weights"].get(kw.id, 0.0))
            groups: dict[str, list[str]] = {}
            for kw in lost:
                label = (_SKILL_GROUP.get(kw.category.value, "More") if compact
                         else "Additional strengths")
                groups.setdefault(label, []).append(_capitalise(kw.term))
            added = [{"label": label, "text": Slot(", ".join(safe(t) for t in terms))}
                     for label, terms in groups.items()]
            context["skills"] = [*added, *own_lines] if compact else [*own_lines, *added]
        return render()

    markup = with_coverage(markup)
    jobs, volunteer = context["jobs"], context["volunteer"]
    while estimated_pages(markup) > target:
        # the job with most bullets above its floor (2 for the newest, 1 for the rest);
        # older jobs give way first
        spare = [(len(job["bullets"]) - (2 if i == 0 else 1), i) for i, job in enumerate(jobs)]
        spare = [(n, i) for n, i in spare if n > 0]
        if spare:
            _, i = max(spare)
            jobs[i]["bullets"] = jobs[i]["bullets"][:-1]
        elif jobs and len(jobs[0]["bullets"]) > 1 and compact:
            jobs[0]["bullets"] = jobs[0]["bullets"][:1]
        elif any(len(v["bullets"]) > 0 for v in volunteer):
            for v in volunteer:
                v["bullets"] = v["bullets"][:-1] if v["bullets"] else v["bullets"]
            if all(not v["bullets"] for v in volunteer):
                context["volunteer"] = volunteer = []
        elif context["own_summary"]:
            sentences = _SENTENCE_END.split(context["own_summary"])
            context["own_summary"] = " ".join(sentences[:-1])
        elif context["awards"] or context["memberships"]:
            context["awards"], context["memberships"] = [], []
        else:
            break
        markup = with_coverage(markup)
    return markup


# ----------------------------------------------------------------------------------------------
# Writing


def _out_folder(out_dir: str | os.PathLike[str]) -> tuple[Path, Path]:
    folder = Path(out_dir)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        root = folder.resolve(strict=True)
    except (OSError, RuntimeError) as exc:
        raise OutputError(f"{folder} cannot be used as the output folder "
                          f"({getattr(exc, 'strerror', None) or exc})") from None
    if not root.is_dir():
        raise OutputError(f"{folder} is not a folder")
    return folder, root


def _claim(folder: Path, root: Path, names: Sequence[str], force: bool) -> list[Path]:
    """Every target, checked before anything is written: inside the folder, and new unless
    force."""
    targets = []
    for name in names:
        target = folder / name
        inside_path(root, target)
        if (target.exists() or target.is_symlink()) and not force:
            raise OutputError(f"{target} already exists; use --force to replace it")
        targets.append(target)
    return targets


def write_draft(result: Draft, out_dir: str | os.PathLike[str], *,
                force: bool = False) -> tuple[Path, Path]:
    """Write DIR/resume.docx and DIR/cover-letter.docx atomically.

    Both targets are checked before either is written, so a refused run writes nothing.

    Raises:
        OutputError: a file exists and force is false, DIR cannot be made, or a path would
            land outside DIR (a symbolic link planted in its place).
    """
    from tailor.output import write_atomic

    folder, root = _out_folder(out_dir)
    resume, letter = _claim(folder, root, [FILE_NAMES[RESUME], FILE_NAMES[LETTER]], force)
    return (write_atomic(resume, result.resume, force=force),
            write_atomic(letter, result.cover_letter, force=force))


def inside_path(root: Path, target: Path) -> Path:
    """`target`, refused when it (or a link in its place) resolves outside `root`."""
    try:
        resolved = target.resolve()
    except (RuntimeError, OSError):
        raise OutputError(f"{target} is a link that leads nowhere (a loop); "
                          "refusing to write there") from None
    if resolved.parent != root and root not in resolved.parents:
        raise OutputError(f"{target} leads outside {root}; refusing to write there")
    return resolved


@dataclass(frozen=True, slots=True)
class DraftRun:
    """What `tailor draft` did.

    Attributes:
        draft: the drafted documents.
        resume_path, letter_path: where they were written.
        profile_path: the profile written from --from (for the person to correct), if any.
        profile_notes: what could not be read from the resume into the profile.
        score: `tailor check` of the drafted resume at the level.
        match_rate: the drafted resume's match rate against the posting, if one was given.
        profile_score: the same check of the profile's own text (what the draft started from).
        profile_match_rate: the profile text's match rate against the posting.
    """

    draft: Draft
    resume_path: Path
    letter_path: Path
    profile_path: Path | None
    profile_notes: tuple[str, ...]
    score: int
    match_rate: int | None
    profile_score: int
    profile_match_rate: int | None


def write_starter(path: str | os.PathLike[str], *, force: bool = False) -> Path:
    """Write the commented starter profile to `path` (never over a file without force)."""
    from tailor.output import write_atomic
    from tailor.profile import starter_profile

    return write_atomic(path, starter_profile(), force=force)


def check_markup_text(lines: Sequence[str], name: str) -> Any:
    """Read plain lines as tailor check would read a resume of that text."""
    from tailor.extract import read_resume_bytes

    return read_resume_bytes(("\n".join(lines) + "\n").encode("utf-8"), name)


def run_draft(*, level: str = "care-manager", profile: str | os.PathLike[str] | None = None,
              from_resume: str | os.PathLike[str] | None = None,
              job: str | os.PathLike[str] | None = None, out_dir: str | os.PathLike[str] = "draft",
              force: bool = False, templates: str | os.PathLike[str] | None = None,
              reference_docx: str | os.PathLike[str] | None = None,
              keywords: Sequence[str | os.PathLike[str]] = (),
              today: date | None = None, tracks: Sequence[str] = ()) -> DraftRun:
    """Draft from a profile file, from an existing resume, or as a skeleton, and write it.

    Args:
        level: the ladder level to write for.
        profile: a profile file (YAML or JSON, JSON Resume schema).
        from_resume: a resume to start from instead: its facts are read into a profile, which
            is written to DIR/profile.yaml for the person to correct, and drafted from.
        job: a job posting to tailor the drafts to.
        out_dir: the folder for resume.docx and cover-letter.docx (created if missing).
        force: replace existing files.
        templates: a folder of the user's templates overriding the shipped ones by file name.
        reference_docx: a Word document whose named styles the drafts take.
        keywords: extra keyword catalog files.
        today: the date to write with (today when None).
        tracks: specialization tracks to write toward (their terms lead, and the scores
            count them).

    Raises:
        UsageError: --profile and --from together, an unknown level, a missing template.
        InputError / ProfileError: a profile, resume or posting that cannot be read.
        OutputError: a file exists without force, or a path leads outside DIR.
    """
    from tailor.api import check_resume
    from tailor.extract import read_resume
    from tailor.posting import read_posting
    from tailor.profile import load_profile, profile_from_resume, profile_to_yaml

    if profile is not None and from_resume is not None:
        raise UsageError("give either --profile or --from, not both")
    catalog = load_catalog([os.fspath(k) for k in keywords])
    posting = read_posting(job, catalog) if job is not None else None
    folder = Path(out_dir)
    person: Profile | None = None
    notes: tuple[str, ...] = ()
    profile_path: Path | None = None
    if from_resume is not None:
        person, warnings = profile_from_resume(read_resume(from_resume))
        notes = tuple(warnings)
    elif profile is not None:
        person = load_profile(profile)
    result = draft(person, level=level, catalog=catalog, posting=posting, templates=templates,
                   reference_docx=reference_docx, today=today, tracks=tracks)
    folder, root = _out_folder(folder)
    names = [FILE_NAMES[RESUME], FILE_NAMES[LETTER]]
    if from_resume is not None:
        names.append("profile.yaml")
    _claim(folder, root, names, force)  # refuse before anything is written
    if person is not None and from_resume is not None:
        from tailor.output import write_atomic

        profile_path = write_atomic(folder / "profile.yaml", profile_to_yaml(person),
                                    force=force)
    resume_path, letter_path = write_draft(result, folder, force=force)
    drafted = check_resume(read_resume(resume_path), level=level, catalog=catalog,
                           posting=posting, tracks=tracks, readiness=False)
    plain_lines = [line for line in (profile_text_lines(person) if person is not None else [])
                   if line.strip()]
    plain = (check_resume(check_markup_text(plain_lines, "profile.txt"), level=level,
                          catalog=catalog, posting=posting, tracks=tracks, readiness=False)
             if plain_lines else None)
    return DraftRun(
        draft=result, resume_path=resume_path, letter_path=letter_path,
        profile_path=profile_path, profile_notes=notes, score=drafted.score,
        match_rate=drafted.job.match_rate if drafted.job else None,
        profile_score=plain.score if plain else 0,
        profile_match_rate=plain.job.match_rate if plain and plain.job else None,
    )


__all__ = ["Draft", "DraftRun", "Placeholder", "build_context", "draft", "run_draft",
           "skeleton_profile", "track_terms", "write_draft", "write_starter"]

