"""The library's entry points: check a resume file or an already-read resume against a level."""

from __future__ import annotations

import os
from collections.abc import Sequence
from datetime import date

from tailor.catalog import load_catalog
from tailor.checks import run_checks
from tailor.errors import UsageError
from tailor.extract import read_resume
from tailor.match import find_keywords
from tailor.models import (
    Catalog,
    Category,
    Keyword,
    KeywordResult,
    Level,
    NextLevel,
    Report,
    ResumeText,
    Section,
    Track,
)
from tailor.posting import Posting, match_posting, read_posting
from tailor.readiness import AUTO, assess
from tailor.score import score_results

DEFAULT_LEVEL = "care-manager"


def resolve_level(catalog: Catalog, name: str, *, auto: bool = False) -> Level:
    """The ladder level called `name`.

    Args:
        catalog: the catalog holding the ladder.
        name: the level's name.
        auto: the caller also accepts "auto" (the message then offers it).

    Raises:
        UsageError: no level has that name; the message lists the names there are.
    """
    try:
        return catalog.level(name)
    except KeyError:
        names = ", ".join(lvl.name for lvl in catalog.levels)
        also = ", or auto (the rung the resume reads as)" if auto else ""
        raise UsageError(f"unknown level {name!r}; choose one of: {names}{also}") from None


def resolve_tracks(catalog: Catalog, names: Sequence[str]) -> tuple[Track, ...]:
    """The specialization tracks called `names`, in the order given, each once.

    Raises:
        UsageError: no track has one of the names; the message lists the tracks there are.
    """
    if isinstance(names, str):  # one name, not its letters
        names = (names,)
    out: list[Track] = []
    for name in names:
        try:
            track = catalog.track(name)
        except KeyError:
            known = ", ".join(t.id for t in catalog.tracks) or "none"
            raise UsageError(f"unknown track {name!r}; choose one of: {known}") from None
        if track not in out:
            out.append(track)
    return tuple(out)


def check_resume(resume: ResumeText, *, level: str = DEFAULT_LEVEL,
                 catalog: Catalog | None = None, posting: Posting | None = None,
                 next_level: bool = True, tracks: Sequence[str] = (),
                 readiness: bool = True, today: date | None = None) -> Report:
    """Check a resume that has already been read.

    Args:
        resume: the resume's lines and structure (from tailor.extract.read_resume).
        level: the ladder level to check against (assistant, care-manager, senior, lead,
            supervisor, director), or "auto" for the rung the resume reads as.
        catalog: the keyword catalog; the shipped one when None.
        posting: a job posting (from tailor.posting.read_posting) to tailor the check to: its
            catalog terms count double and lead the to-do list, and the report gains a match
            against the posting.
        next_level: also work out what the rung above asks for (batches that do not report
            it skip the work).
        tracks: specialization tracks (keywords/tracks.yaml) to add: their entries count, and
            they and the general entries they build on count double and lead the to-do list.
        readiness: also work out which rung the resume reads as and how ready it is (always
            done for level "auto").
        today: the date roles "to Present" run to, for readiness; today when None.

    Returns:
        The Report: score, per-keyword evidence, ranked gaps, checks, the next rung's gaps,
        readiness and, with a posting, the job match.

    Raises:
        UsageError: an unknown level or track.
        CatalogError: the shipped catalog is broken.
    """
    catalog = catalog or load_catalog()
    chosen = resolve_tracks(catalog, tracks)
    auto = level == AUTO
    lvl = None if auto else resolve_level(catalog, level, auto=True)
    names = [x.name for x in catalog.levels]
    # One matching pass over the whole catalog serves the level, the next rung, the posting,
    # the tracks and readiness.
    everything = find_keywords(catalog.keywords, resume.lines)
    by_id = {r.keyword.id: r for r in everything}
    ready = None
    if readiness or auto:
        ready = assess(resume, catalog, by_id, level=level, today=today)
    if lvl is None:
        assert ready is not None
        lvl = catalog.level(ready.reads_as)
    track_ids = tuple(t.id for t in chosen)
    results = tuple(by_id[kw.id] for kw in catalog.for_level(lvl.name, track_ids))
    posting_ids = posting.catalog_ids if posting else frozenset()
    track_boost = frozenset(kw.id for kw in catalog.keywords if kw.track in track_ids) | {
        ident for t in chosen for ident in t.related}
    scored = score_results(results, names, boost=posting_ids | track_boost, band=lvl.band)
    gaps = scored.gaps
    if track_boost:
        gaps = tuple(g._replace(in_posting=not posting_ids.isdisjoint(g.ids),
                                in_track=not track_boost.isdisjoint(g.ids)) for g in gaps)
    order = list(dict.fromkeys(line.section for line in resume.lines if line.heading))
    return Report(
        file=resume.name,
        kind=resume.kind,
        level=lvl.name,
        level_title=lvl.title,
        score=scored.score,
        required=scored.required,
        preferred=scored.preferred,
        categories=scored.categories,
        keywords=results,
        gaps=gaps,
        checks=run_checks(resume, lvl),
        sections=tuple(s for s in order if isinstance(s, Section)),
        notes=resume.notes,
        lines=resume.lines,
        layout=resume.layout,
        job=match_posting(posting, resume.lines, everything) if posting else None,
        next_level=next_level_gaps(catalog, lvl, by_id) if next_level else None,
        readiness=ready,
        tracks=track_ids,
        track_details=chosen,
        track_why=catalog.track_why if chosen else (),
    )


def next_level_gaps(catalog: Catalog, level: Level,
                    by_id: dict[str, KeywordResult]) -> NextLevel | None:
    """What the rung above `level` counts that `level` does not, shown and missing.

    Returns None at the top of the ladder.
    """
    position = [x.name for x in catalog.levels].index(level.name)
    if position + 1 >= len(catalog.levels):
        return None
    above = catalog.levels[position + 1]
    here = {kw.id for kw in catalog.for_level(level.name)}
    new = tuple(by_id[kw.id] for kw in catalog.for_level(above.name) if kw.id not in here)
    scored = score_results(new, [x.name for x in catalog.levels], band=above.band)
    return NextLevel(
        level=above.name,
        title=above.title,
        shown=tuple(r.keyword.term for r in new if r.found),
        missing=scored.gaps,
    )


def check(path: str | os.PathLike[str], *, level: str = DEFAULT_LEVEL,
          keywords: Sequence[str | os.PathLike[str]] = (),
          job: str | os.PathLike[str] | None = None, tracks: Sequence[str] = (),
          today: date | None = None) -> Report:
    """Read a resume file (DOCX, PDF, TXT or Markdown) and check it against a career level.

    Args:
        path: the resume file; its type is sniffed from its bytes.
        level: the ladder level to check against; "care-manager" by default, "auto" for the
            rung the resume reads as.
        keywords: extra keyword files (YAML, same format as keywords/) to add to the catalog.
        job: a job posting file (.txt, .md, .docx or .pdf) to tailor the check to.
        tracks: specialization tracks to add (see check_resume).
        today: the date roles "to Present" run to; today when None.

    Returns:
        The Report.

    Raises:
        InputError: the resume or posting cannot be read (missing, corrupt, encrypted,
            scanned, empty, not English...).
        CatalogError: a keyword file is malformed.
        UsageError: an unknown level or track.
    """
    catalog = load_catalog([os.fspath(k) for k in keywords])
    if level != AUTO:
        resolve_level(catalog, level, auto=True)
    resolve_tracks(catalog, tracks)
    posting = read_posting(job, catalog) if job is not None else None
    return check_resume(read_resume(path), level=level, catalog=catalog, posting=posting,
                        tracks=tracks, today=today)


def list_keywords(*, level: str | None = None, category: str | None = None,
                  keywords: Sequence[str | os.PathLike[str]] = ()) -> tuple[Keyword, ...]:
    """The catalog's entries, optionally only those counted at `level` or in `category`.

    Raises:
        UsageError: an unknown level or category.
        CatalogError: a keyword file is malformed.
    """
    catalog = load_catalog([os.fspath(k) for k in keywords])
    entries = catalog.keywords
    if level is not None:
        lvl = resolve_level(catalog, level)
        entries = tuple(kw for kw in entries if lvl.name in kw.levels)
    if category is not None:
        try:
            wanted = Category(category)
        except ValueError:
            names = ", ".join(c.value for c in Category)
            raise UsageError(f"unknown category {category!r}; choose one of: {names}") from None
        entries = tuple(kw for kw in entries if kw.category is wanted)
    return entries


def list_track_keywords(track: str, *, level: str | None = None, category: str | None = None,
                        keywords: Sequence[str | os.PathLike[str]] = ()
                        ) -> tuple[Track, tuple[Keyword, ...], tuple[Keyword, ...]]:
    """A specialization track with its own catalog entries and the general entries it builds on.

    Args:
        track: the track's id (keywords/tracks.yaml).
        level, category: only entries counted at this level or in this category.
        keywords: extra keyword files.

    Returns:
        (the track, its own entries (whose `track` is its id), its related general entries in
        the order tracks.yaml gives them).

    Raises:
        UsageError: an unknown track, level or category.
        CatalogError: a keyword file is malformed.
    """
    catalog = load_catalog([os.fspath(k) for k in keywords])
    (chosen,) = resolve_tracks(catalog, (track,))
    entries = list_keywords(level=level, category=category, keywords=keywords)
    own = tuple(kw for kw in entries if kw.track == chosen.id)
    by_id = {kw.id: kw for kw in entries}
    related = tuple(by_id[ident] for ident in chosen.related if ident in by_id)
    return chosen, own, related
