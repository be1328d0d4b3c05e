"""The library's entry points: check a resume file or an already-read resume against a level."""

from __future__ import annotations

import os
from collections.abc import Sequence

from tailor.catalog import load_catalog
from tailor.checks import run_checks
from tailor.errors import UsageError
from tailor.extract import read_resume
from tailor.match import find_keywords
from tailor.models import Catalog, Category, Keyword, Level, Report, ResumeText, Section
from tailor.score import score_results

DEFAULT_LEVEL = "care-manager"


def resolve_level(catalog: Catalog, name: str) -> Level:
    """The ladder level called `name`.

    Raises:
        UsageError: no level has that name; the message lists the names there are.
    """
    try:
        return catalog.level(name)
    except KeyError:
        names = ", ".join(lvl.name for lvl in catalog.levels)
        raise UsageError(f"unknown level {name!r}; choose one of: {names}") from None


def check_resume(resume: ResumeText, *, level: str = DEFAULT_LEVEL,
                 catalog: Catalog | None = None) -> Report:
    """Check a resume that has already been read.

    Args:
        resume: the resume's lines and structure (from tailor.extract.read_resume).
        level: the ladder level to check against (assistant, care-manager, senior, lead,
            supervisor, director).
        catalog: the keyword catalog; the shipped one when None.

    Returns:
        The Report: score, per-keyword evidence, ranked gaps and format checks.

    Raises:
        UsageError: an unknown level.
        CatalogError: the shipped catalog is broken.
    """
    catalog = catalog or load_catalog()
    lvl = resolve_level(catalog, level)
    results = find_keywords(catalog.for_level(lvl.name), resume.lines)
    scored = score_results(results, [x.name for x in catalog.levels])
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
        gaps=scored.gaps,
        checks=run_checks(resume),
        sections=tuple(s for s in order if isinstance(s, Section)),
        notes=resume.notes,
        lines=resume.lines,
        layout=resume.layout,
    )


def check(path: str | os.PathLike[str], *, level: str = DEFAULT_LEVEL,
          keywords: Sequence[str | os.PathLike[str]] = ()) -> Report:
    """Read a resume file (DOCX, PDF, TXT or Markdown) and check it against a career level.

    Args:
        path: the resume file; its type is sniffed from its bytes.
        level: the ladder level to check against; "care-manager" by default.
        keywords: extra keyword files (YAML, same format as keywords/) to add to the catalog.

    Returns:
        The Report.

    Raises:
        InputError: the file cannot be read (missing, corrupt, encrypted, scanned...).
        CatalogError: a keyword file is malformed.
        UsageError: an unknown level.
    """
    catalog = load_catalog([os.fspath(k) for k in keywords])
    resolve_level(catalog, level)
    return check_resume(read_resume(path), level=level, catalog=catalog)


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
