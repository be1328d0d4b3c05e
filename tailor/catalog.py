"""Keyword catalog and career ladder: YAML files → a strictly validated Catalog."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StrictBool, StrictInt, StrictStr, ValidationError

from tailor.errors import CatalogError
from tailor.models import (
    Catalog,
    Category,
    Keyword,
    Level,
    Requirement,
    Section,
    Track,
    Weight,
)
from tailor.resources import data_dir
from tailor.yamlsafe import load_yaml

LEVELS_FILE = "levels.yaml"
TRACKS_FILE = "tracks.yaml"
MAX_CATALOG_BYTES = 2_000_000

_ID = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
Ident = Annotated[StrictStr, Field(pattern=_ID, max_length=80)]
Text = Annotated[StrictStr, Field(min_length=1, max_length=2000)]
Phrase = Annotated[StrictStr, Field(min_length=1, max_length=120)]
Band = Literal["early", "mid", "lead"]

DEFAULT_SECTION: dict[Category, Section] = {
    Category.CREDENTIAL: Section.CERTIFICATIONS,
    Category.EDUCATION: Section.EDUCATION,
    Category.TOOL: Section.SKILLS,
}


class _EntryModel(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: Ident
    term: Phrase
    aliases: list[Phrase] = []
    category: Category
    weight: Weight
    levels: Literal["all"] | Annotated[list[Ident], Field(min_length=1)]
    source: Text
    suggestion: Text
    section: Section | None = None
    group: Ident | None = None
    match_case: StrictBool = False
    track: Ident | None = None
    examples: dict[Band, Annotated[StrictStr, Field(min_length=1, max_length=300)]] = {}


class _EntriesFile(BaseModel):
    model_config = ConfigDict(extra="forbid")
    entries: list[dict[str, Any]]


class _LevelModel(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    name: Ident
    title: Phrase
    years: Phrase
    min_years: Annotated[StrictInt, Field(ge=0, le=60)]
    max_years: Annotated[StrictInt, Field(ge=0, le=60)] | None
    median_salary: Annotated[StrictInt, Field(gt=0)]
    average_salary: Annotated[StrictInt, Field(gt=0)]
    summary: Text
    focus: Text
    band: Band
    focus_keywords: list[Ident] = []


class _RequirementModel(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: Ident
    label: Phrase
    keywords: Annotated[list[Ident], Field(min_length=1)]
    levels: Literal["all"] | Annotated[list[Ident], Field(min_length=1)]
    weight: Weight
    source: Text
    step: Text


class _LevelsFile(BaseModel):
    model_config = ConfigDict(extra="forbid")
    levels: Annotated[list[dict[str, Any]], Field(min_length=1)]
    requirements: list[_RequirementModel] = []


class _TrackModel(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: Ident
    title: Phrase
    reasoning: Annotated[list[Text], Field(min_length=1)]
    related: list[Ident] = []


class _TracksFile(BaseModel):
    model_config = ConfigDict(extra="forbid")
    why: list[Text] = []
    tracks: list[_TrackModel]


def _read_yaml(path: Path) -> Any:
    """Parse one YAML file safely: size-capped, no anchors/aliases (no expansion bombs)."""
    try:
        size = path.stat().st_size
        if size > MAX_CATALOG_BYTES:
            raise CatalogError(f"{path}: file is {size:,} bytes; catalog files are capped at "
                               f"{MAX_CATALOG_BYTES:,}")
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise CatalogError(f"{path}: no such keyword file") from None
    except IsADirectoryError:
        raise CatalogError(f"{path}: is a folder, not a keyword file") from None
    except UnicodeDecodeError:
        raise CatalogError(f"{path}: is not UTF-8 text; save it as UTF-8") from None
    except OSError as exc:
        raise CatalogError(f"{path}: cannot be read ({exc.strerror})") from None
    return load_yaml(text, str(path), CatalogError, what="a keyword catalog")


def _describe(errors: Iterable[Any], where: str) -> list[str]:
    out = []
    for err in errors:
        loc = ".".join(str(part) for part in err["loc"]) or "(top level)"
        value = err.get("input")
        shown = "" if err["type"] == "missing" or isinstance(value, dict) else f" (got {value!r})"
        out.append(f"{where}field '{loc}': {err['msg']}{shown}")
    return out


def _mapping(raw: Any, path: Path, key: str) -> Any:
    if not isinstance(raw, dict):
        raise CatalogError(f"{path}: must be a mapping with an '{key}:' list at the top "
                           f"(see keywords/README.md)")
    return raw


def _load_levels(path: Path) -> tuple[tuple[Level, ...], tuple[Requirement, ...]]:
    raw = _mapping(_read_yaml(path), path, "levels")
    try:
        ladder = _LevelsFile.model_validate(raw)
    except ValidationError as exc:
        raise CatalogError("\n".join(_describe(exc.errors(), f"{path}: "))) from None
    items = ladder.levels
    problems: list[str] = []
    levels: list[Level] = []
    for index, item in enumerate(items, start=1):
        name = item.get("name", "?") if isinstance(item, dict) else "?"
        try:
            m = _LevelModel.model_validate(item)
        except ValidationError as exc:
            problems += _describe(exc.errors(), f"{path}: level {index} ('{name}'): ")
            continue
        if m.max_years is not None and m.max_years < m.min_years:
            problems.append(f"{path}: level {index} ('{name}'): field 'max_years': "
                            f"smaller than min_years")
        data = m.model_dump()
        data["focus_keywords"] = tuple(dict.fromkeys(m.focus_keywords))
        levels.append(Level(**data))
    names = [lvl.name for lvl in levels]
    problems += [f"{path}: level name '{n}' is used twice" for n in sorted(set(names))
                 if names.count(n) > 1]
    requirements: list[Requirement] = []
    for index, req in enumerate(ladder.requirements, start=1):
        wanted = tuple(names) if req.levels == "all" else tuple(req.levels)
        unknown = [n for n in wanted if n not in names]
        if unknown:
            problems.append(f"{path}: requirement {index} ('{req.id}'): field 'levels': unknown "
                            f"level {unknown[0]!r}; levels are: all, {', '.join(names)}")
        requirements.append(Requirement(
            id=req.id, label=req.label, keywords=tuple(dict.fromkeys(req.keywords)),
            levels=tuple(n for n in names if n in wanted), weight=req.weight,
            source=" ".join(req.source.split()), step=" ".join(req.step.split())))
    ids = [r.id for r in requirements]
    problems += [f"{path}: requirement id '{i}' is used twice" for i in sorted(set(ids))
                 if ids.count(i) > 1]
    if problems:
        raise CatalogError("\n".join(problems))
    return tuple(levels), tuple(requirements)


def _load_tracks(path: Path) -> tuple[tuple[Track, ...], tuple[str, ...]]:
    """The specialization tracks; none when the catalog folder has no tracks file."""
    if not path.is_file():
        return (), ()
    raw = _mapping(_read_yaml(path), path, "tracks")
    try:
        parsed = _TracksFile.model_validate(raw)
    except ValidationError as exc:
        raise CatalogError("\n".join(_describe(exc.errors(), f"{path}: "))) from None
    ids = [t.id for t in parsed.tracks]
    twice = sorted({i for i in ids if ids.count(i) > 1})
    if twice:
        raise CatalogError(f"{path}: track id '{twice[0]}' is used twice")
    tracks = tuple(Track(id=t.id, title=t.title,
                         reasoning=tuple(" ".join(r.split()) for r in t.reasoning),
                         related=tuple(dict.fromkeys(t.related)))
                   for t in parsed.tracks)
    return tracks, tuple(" ".join(w.split()) for w in parsed.why)


def _cross_check(folder: Path, keywords: dict[str, Keyword], levels: Sequence[Level],
                 requirements: Sequence[Requirement], tracks: Sequence[Track]) -> None:
    """Every id the ladder, requirements and tracks name is a catalog entry; every entry's
    track is a known track."""
    problems: list[str] = []
    ladder = folder / LEVELS_FILE
    for lvl in levels:
        problems += [f"{ladder}: level '{lvl.name}': field 'focus_keywords': no catalog entry "
                     f"has id '{i}'" for i in lvl.focus_keywords if i not in keywords]
    for req in requirements:
        problems += [f"{ladder}: requirement '{req.id}': field 'keywords': no catalog entry "
                     f"has id '{i}'" for i in req.keywords if i not in keywords]
    for trk in tracks:
        problems += [f"{folder / TRACKS_FILE}: track '{trk.id}': field 'related': no catalog "
                     f"entry has id '{i}'" for i in trk.related if i not in keywords]
    if tracks:
        known = {t.id for t in tracks}
        for kw in keywords.values():
            if kw.track is not None and kw.track not in known:
                problems.append(f"{kw.file}: entry '{kw.id}': field 'track': unknown track "
                                f"{kw.track!r}; tracks are: {', '.join(sorted(known))}")
    if problems:
        raise CatalogError("\n".join(problems))


def _load_entries(path: Path, level_names: Sequence[str]) -> list[Keyword]:
    raw = _mapping(_read_yaml(path), path, "entries")
    try:
        items = _EntriesFile.model_validate(raw).entries
    except ValidationError as exc:
        raise CatalogError("\n".join(_describe(exc.errors(), f"{path}: "))) from None
    problems: list[str] = []
    keywords: list[Keyword] = []
    seen: dict[str, int] = {}
    for index, item in enumerate(items, start=1):
        ident = item.get("id") if isinstance(item, dict) else None
        where = f"{path}: entry {index}" + (f" (id '{ident}')" if isinstance(ident, str) else "")
        try:
            m = _EntryModel.model_validate(item)
        except ValidationError as exc:
            problems += _describe(exc.errors(), where + ": ")
            continue
        if m.id in seen:
            problems.append(f"{where}: field 'id': already used by entry {seen[m.id]}")
        seen[m.id] = index
        levels = tuple(level_names) if m.levels == "all" else tuple(m.levels)
        unknown = [name for name in levels if name not in level_names]
        if unknown:
            problems.append(f"{where}: field 'levels': unknown level {unknown[0]!r}; "
                            f"levels are: all, {', '.join(level_names)}")
        if not re.search(r"\w", m.term) or any(not re.search(r"\w", a) for a in m.aliases):
            problems.append(f"{where}: field 'aliases': every form needs a letter or digit")
        keywords.append(Keyword(
            id=m.id,
            term=m.term,
            aliases=tuple(dict.fromkeys(a for a in m.aliases if a != m.term)),
            category=m.category,
            weight=m.weight,
            levels=tuple(name for name in level_names if name in levels),
            source=" ".join(m.source.split()),
            suggestion=" ".join(m.suggestion.split()),
            section=m.section or DEFAULT_SECTION.get(m.category, Section.EXPERIENCE),
            group=m.group,
            match_case=m.match_case,
            track=m.track,
            examples=tuple((band, " ".join(text.split())) for band, text in m.examples.items()),
            file=path.name,
        ))
    if problems:
        raise CatalogError("\n".join(problems))
    return keywords


def catalog_files(directory: Path) -> list[Path]:
    """The keyword files in a catalog folder: every *.yaml / *.yml except the ladder and the
    tracks."""
    return sorted(p for p in directory.iterdir()
                  if p.suffix in (".yaml", ".yml") and p.name not in (LEVELS_FILE, TRACKS_FILE)
                  and p.is_file())


def load_catalog(extra: Sequence[str | Path] = (), directory: str | Path | None = None) -> Catalog:
    """Load and validate the keyword catalog and the career ladder.

    Args:
        extra: the user's own keyword files, read after the shipped ones; an entry whose id a
            shipped entry already has replaces it.
        directory: a catalog folder to use instead of the shipped keywords/ (it must hold
            levels.yaml).

    Returns:
        The validated Catalog.

    Raises:
        CatalogError: a file is missing, is not YAML, or breaks the schema; the message names
            the file, the entry and the field.
    """
    folder = None if directory is None else str(directory)
    extras = tuple(str(p) for p in extra)
    return _load_catalog(extras, folder, _stamp(extras, folder))


def _stamp(extra: tuple[str, ...], directory: str | None) -> tuple[tuple[str, int, int], ...]:
    """What the cache keys on besides the paths: every file's size and modification time, so an
    advisor's edit between two loads in one process is seen."""
    folder = Path(directory) if directory else data_dir("keywords")
    stamps = []
    try:
        paths = [p for p in folder.iterdir() if p.suffix in (".yaml", ".yml")]
    except OSError:
        paths = []
    for path in [*sorted(paths), *map(Path, extra)]:
        try:
            info = path.stat()
        except OSError:
            continue  # the loader reports it
        stamps.append((str(path), info.st_mtime_ns, info.st_size))
    return tuple(stamps)


@lru_cache(maxsize=8)
def _load_catalog(extra: tuple[str, ...], directory: str | None,
                  stamp: tuple[tuple[str, int, int], ...]) -> Catalog:
    del stamp  # part of the cache key only
    folder = Path(directory) if directory else data_dir("keywords")
    levels, requirements = _load_levels(folder / LEVELS_FILE)
    tracks, why = _load_tracks(folder / TRACKS_FILE)
    names = [lvl.name for lvl in levels]
    files = catalog_files(folder)
    merged: dict[str, Keyword] = {}
    for path in files:
        for kw in _load_entries(path, names):
            if kw.id in merged:
                raise CatalogError(f"{path}: entry id '{kw.id}' is also used in "
                                   f"{merged[kw.id].file}; ids must be unique across files")
            merged[kw.id] = kw
    for extra_path in extra:
        for kw in _load_entries(Path(extra_path), names):
            merged[kw.id] = kw
    if not merged:
        raise CatalogError(f"{folder}: holds no keyword files")
    _cross_check(folder, merged, levels, requirements, tracks)
    return Catalog(
        keywords=tuple(merged.values()),
        levels=levels,
        files=tuple(str(p) for p in (*files, *map(Path, extra))),
        requirements=requirements,
        tracks=tracks,
        track_why=why,
    )


def catalog_json_schema() -> dict[str, Any]:
    """JSON Schema of one catalog entry, for editors that help advisors write YAML."""
    return _EntryModel.model_json_schema()
