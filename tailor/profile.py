"""The person's facts: a JSON Resume profile (YAML or JSON) → strictly validated Profile.

The file follows the JSON Resume schema (https://jsonresume.org/schema) with two small
tailor extensions that the schema lacks and care-manager resumes need:

    licenses:     [{name, state, number, issued, expires}]   # RN, LCSW, LSW... (or in certificates)
    memberships:  [{organization, role, startDate, endDate, url}]   # CMSA, NASW...

Dates are ISO-8601 ("2021", "2021-03" or "2021-03-15"); a job without endDate is current. A
value written entirely in square brackets ("[Your Name]", "[2021-03]") is a placeholder still
to be filled in: it loads, and `find_placeholders` lists it.

Values are plain data: every string is normalised (control and XML-forbidden characters
removed, whitespace collapsed) and capped in length, unknown fields are errors with a
suggestion, and nothing in the file is ever evaluated.
"""

from __future__ import annotations

import difflib
import json
import os
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, fields, is_dataclass
from datetime import date, datetime
from pathlib import Path, PurePath
from typing import Annotated, Any, TypeVar, get_args, get_origin

import yaml
from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, ValidationError, model_validator
from pydantic.alias_generators import to_camel
from pydantic_core import PydanticCustomError

from tailor.dates import DateRange, YearMonth, iso_range, parse_iso
from tailor.errors import ExitCode, TailorError
from tailor.models import ResumeText
from tailor.normalize import normalize_line
from tailor.resources import data_dir
from tailor.yamlsafe import describe_type, load_yaml

__all__ = [
    "MAX_PROFILE_BYTES",
    "Award",
    "Basics",
    "Certificate",
    "Education",
    "Interest",
    "Language",
    "License",
    "Location",
    "Membership",
    "Meta",
    "Profile",
    "ProfileError",
    "Project",
    "Publication",
    "Reference",
    "Skill",
    "SocialProfile",
    "Volunteer",
    "Work",
    "clean_text",
    "find_placeholders",
    "iter_dates",
    "load_profile",
    "parse_profile",
    "parse_profile_text",
    "profile_from_resume",
    "profile_text_lines",
    "profile_to_yaml",
    "starter_profile",
]

MAX_PROFILE_BYTES = 2_000_000
"""Largest profile file tailor reads (2 MB); a full profile is a few KB."""

SHORT = 300  # names, titles, places
ITEM = 500  # one highlight, course or keyword
LONG = 2000  # summaries and descriptions
MAX_PROBLEMS = 25
MAX_DEPTH = 20  # nesting levels; a profile needs 5

STARTER_FILE = "profile-starter.yaml"


class ProfileError(TailorError):
    """A profile file cannot be read or breaks the schema; the message names file, entry, field."""

    exit_code = ExitCode.BAD_DATA_FILE


# ----------------------------------------------------------------------------------------------
# The result: frozen dataclasses


@dataclass(frozen=True, slots=True)
class Location:
    """basics.location: where the person lives."""

    address: str | None = None
    postal_code: str | None = None
    city: str | None = None
    country_code: str | None = None
    region: str | None = None


@dataclass(frozen=True, slots=True)
class SocialProfile:
    """basics.profiles[]: an online profile (LinkedIn...)."""

    network: str | None = None
    username: str | None = None
    url: str | None = None


@dataclass(frozen=True, slots=True)
class Basics:
    """basics: name, headline (label), contact details and summary."""

    name: str | None = None
    label: str | None = None
    image: str | None = None
    email: str | None = None
    phone: str | None = None
    url: str | None = None
    summary: str | None = None
    location: Location | None = None
    profiles: tuple[SocialProfile, ...] = ()


@dataclass(frozen=True, slots=True)
class Work:
    """work[]: one job. `name` is the employer; no end_date means current."""

    name: str | None = None
    position: str | None = None
    location: str | None = None
    description: str | None = None
    url: str | None = None
    start_date: str | None = None
    end_date: str | None = None
    summary: str | None = None
    highlights: tuple[str, ...] = ()

    @property
    def dates(self) -> DateRange | None:
        """The job's dates (running to the present without an end date)."""
        return iso_range(self.start_date, self.end_date)


@dataclass(frozen=True, slots=True)
class Volunteer:
    """volunteer[]: one volunteer role."""

    organization: str | None = None
    position: str | None = None
    url: str | None = None
    start_date: str | None = None
    end_date: str | None = None
    summary: str | None = None
    highlights: tuple[str, ...] = ()

    @property
    def dates(self) -> DateRange | None:
        """The role's dates (running to the present without an end date)."""
        return iso_range(self.start_date, self.end_date)


@dataclass(frozen=True, slots=True)
class Education:
    """education[]: one degree. `study_type` is the degree, `area` the field."""

    institution: str | None = None
    url: str | None = None
    area: str | None = None
    study_type: str | None = None
    start_date: str | None = None
    end_date: str | None = None
    score: str | None = None
    courses: tuple[str, ...] = ()

    @property
    def dates(self) -> DateRange | None:
        """Study dates: a start without an end is in progress; an end alone is graduation."""
        return iso_range(self.start_date, self.end_date)


@dataclass(frozen=True, slots=True)
class Award:
    """awards[]: an award or honour."""

    title: str | None = None
    date: str | None = None
    awarder: str | None = None
    summary: str | None = None


@dataclass(frozen=True, slots=True)
class Certificate:
    """certificates[]: a certification (a licence may be written here too)."""

    name: str | None = None
    date: str | None = None
    issuer: str | None = None
    url: str | None = None

    @property
    def is_license(self) -> bool:
        """True when the name reads as a licence to practise (RN, LCSW, "License"...)."""
        return bool(self.name and _LICENSE_NAME.search(self.name))


@dataclass(frozen=True, slots=True)
class License:
    """licenses[] (tailor extension): a licence to practise."""

    name: str | None = None
    state: str | None = None
    number: str | None = None
    issued: str | None = None
    expires: str | None = None


@dataclass(frozen=True, slots=True)
class Membership:
    """memberships[] (tailor extension): a professional association."""

    organization: str | None = None
    role: str | None = None
    start_date: str | None = None
    end_date: str | None = None
    url: str | None = None


@dataclass(frozen=True, slots=True)
class Publication:
    """publications[]: a publication or presentation."""

    name: str | None = None
    publisher: str | None = None
    release_date: str | None = None
    url: str | None = None
    summary: str | None = None


@dataclass(frozen=True, slots=True)
class Skill:
    """skills[]: a skill, or a named group of skills (`keywords`)."""

    name: str | None = None
    level: str | None = None
    keywords: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Language:
    """languages[]: a spoken or signed language."""

    language: str | None = None
    fluency: str | None = None


@dataclass(frozen=True, slots=True)
class Interest:
    """interests[]."""

    name: str | None = None
    keywords: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Reference:
    """references[]."""

    name: str | None = None
    reference: str | None = None


@dataclass(frozen=True, slots=True)
class Project:
    """projects[]: a project or initiative."""

    name: str | None = None
    description: str | None = None
    highlights: tuple[str, ...] = ()
    keywords: tuple[str, ...] = ()
    start_date: str | None = None
    end_date: str | None = None
    url: str | None = None
    roles: tuple[str, ...] = ()
    entity: str | None = None
    type: str | None = None


@dataclass(frozen=True, slots=True)
class Meta:
    """meta: about the file itself."""

    canonical: str | None = None
    version: str | None = None
    last_modified: str | None = None


@dataclass(frozen=True, slots=True)
class Profile:
    """A person's facts, as JSON Resume sections (field names in snake_case).

    Attributes:
        schema_url: the file's "$schema", if it has one.
        basics: name, headline, contact details, summary.
        work, volunteer, education, awards, certificates, publications, skills, languages,
        interests, references, projects: the JSON Resume sections, in file order.
        licenses, memberships: tailor's extensions.
        meta: JSON Resume meta.
    """

    basics: Basics = Basics()
    work: tuple[Work, ...] = ()
    volunteer: tuple[Volunteer, ...] = ()
    education: tuple[Education, ...] = ()
    awards: tuple[Award, ...] = ()
    certificates: tuple[Certificate, ...] = ()
    publications: tuple[Publication, ...] = ()
    skills: tuple[Skill, ...] = ()
    languages: tuple[Language, ...] = ()
    interests: tuple[Interest, ...] = ()
    references: tuple[Reference, ...] = ()
    projects: tuple[Project, ...] = ()
    licenses: tuple[License, ...] = ()
    memberships: tuple[Membership, ...] = ()
    meta: Meta | None = None
    schema_url: str | None = None

    @property
    def all_licenses(self) -> tuple[License, ...]:
        """The licences, with certificates whose names read as licences added."""
        extra = tuple(License(name=c.name, issued=c.date) for c in self.certificates
                      if c.is_license)
        return self.licenses + extra


# ----------------------------------------------------------------------------------------------
# Validation: pydantic models mirroring the dataclasses

_PLACEHOLDER = re.compile(r"^\[[^\[\]]*\]$")
_ANY_PLACEHOLDER = re.compile(r"\[[^\[\]\n]{1,80}\]")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_PRESENT = frozenset({"present", "current", "now"})
_LICENSE_NAME = re.compile(
    r"(?i)\b(?:licen[cs]e[ds]?|licensure|registered nurse|practical nurse|vocational nurse|"
    r"nurse practitioner|social worker)\b|(?<![\w-])(?:RN|LPN|LVN|LCSW|LSW|LMSW|LICSW|LISW|LPC|"
    r"LMFT|APRN)(?![\w-])"
)


def clean_text(text: str) -> str:
    """A value as tailor stores it: tailor.normalize.normalize_line, repeated until it no
    longer changes (a mojibake repair can reveal another), so that stored values read back
    unchanged."""
    for _ in range(4):
        cleaned = normalize_line(text)
        if cleaned == text:
            break
        text = cleaned
    return text


_type_name = describe_type


def _text(limit: int) -> Callable[[Any], str | None]:
    def check(value: Any) -> str | None:
        if value is None:
            return None
        if not isinstance(value, str):
            hint = "; put it in quotes" if isinstance(value, (int, float, date)) else ""
            raise PydanticCustomError(
                "text_type", "must be text, not {kind} (got {shown}){hint}",
                {"kind": _type_name(value), "shown": _shown(value), "hint": hint})
        text = clean_text(value)
        if len(text) > limit:
            raise PydanticCustomError(
                "text_too_long", "is too long ({length} characters; at most {limit})",
                {"length": f"{len(text):,}", "limit": f"{limit:,}"})
        return text or None
    return check


def _item(limit: int) -> Callable[[Any], str]:
    base = _text(limit)

    def check(value: Any) -> str:
        text = base(value)
        if text is None:
            raise PydanticCustomError("text_empty", "is empty; remove the item or fill it in")
        return text
    return check


def _shown(value: Any) -> str:
    shown = repr(value)
    return shown if len(shown) <= 60 else shown[:57] + "..."


def _iso(value: Any, *, allow_present: bool) -> str | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        raise PydanticCustomError("date_type", "must be a date (YYYY, YYYY-MM or YYYY-MM-DD), "
                                  "not a date and time")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        raise PydanticCustomError(
            "date_type", "must be a date (YYYY, YYYY-MM or YYYY-MM-DD), not {kind}",
            {"kind": _type_name(value)})
    text = clean_text(value)
    if not text:
        return None
    if _PLACEHOLDER.match(text) and len(text) <= 40:
        return text
    if text.lower() in _PRESENT:
        if allow_present:
            return None
        raise PydanticCustomError("date_present", "cannot be 'present'; only an end date can")
    parsed = parse_iso(text)
    if parsed is None or not 1900 <= parsed.year <= 2100:
        raise PydanticCustomError(
            "date_format", "must be a date written YYYY, YYYY-MM or YYYY-MM-DD (got {shown})",
            {"shown": _shown(value)})
    return text


def _start_date(value: Any) -> str | None:
    return _iso(value, allow_present=False)


def _end_date(value: Any) -> str | None:
    return _iso(value, allow_present=True)


def _email(value: Any) -> str | None:
    text = _text(SHORT)(value)
    if text is not None and not _PLACEHOLDER.match(text) and not _EMAIL.match(text):
        raise PydanticCustomError("email", "is not an email address (got {shown})",
                                  {"shown": _shown(text)})
    return text


def _url(value: Any) -> str | None:
    text = _text(ITEM)(value)
    if text is not None and " " in text and not _PLACEHOLDER.match(text):
        raise PydanticCustomError("url", "is not a web address: it holds spaces (got {shown})",
                                  {"shown": _shown(text)})
    return text


Short = Annotated[str | None, BeforeValidator(_text(SHORT))]
Long = Annotated[str | None, BeforeValidator(_text(LONG))]
Item = Annotated[str, BeforeValidator(_item(ITEM))]
StartDate = Annotated[str | None, BeforeValidator(_start_date)]
EndDate = Annotated[str | None, BeforeValidator(_end_date)]
Email = Annotated[str | None, BeforeValidator(_email)]
Url = Annotated[str | None, BeforeValidator(_url)]
Items = Annotated[list[Item], Field(max_length=200)]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, alias_generator=to_camel,
                              populate_by_name=False, hide_input_in_errors=False)


def _check_order(start: str | None, end: str | None, first: str, second: str) -> None:
    a, b = parse_iso(start), parse_iso(end, end=True)
    if a is not None and b is not None and b < a:
        raise PydanticCustomError(
            "date_order", "field '{second}': {end} is before {first} {start}",
            {"second": second, "first": first, "start": start, "end": end})


class _LocationModel(_Model):
    address: Short = None
    postal_code: Short = None
    city: Short = None
    country_code: Short = None
    region: Short = None


class _SocialProfileModel(_Model):
    network: Short = None
    username: Short = None
    url: Url = None


class _BasicsModel(_Model):
    name: Short = None
    label: Short = None
    image: Url = None
    email: Email = None
    phone: Short = None
    url: Url = None
    summary: Long = None
    location: _LocationModel | None = None
    profiles: Annotated[list[_SocialProfileModel], Field(max_length=50)] = []


class _Dated(_Model):
    @model_validator(mode="after")
    def _order(self) -> _Dated:
        start = getattr(self, "start_date", None)
        end = getattr(self, "end_date", None)
        _check_order(start, end, "startDate", "endDate")
        return self


class _WorkModel(_Dated):
    name: Short = None
    position: Short = None
    location: Short = None
    description: Short = None
    url: Url = None
    start_date: StartDate = None
    end_date: EndDate = None
    summary: Long = None
    highlights: Items = []


class _VolunteerModel(_Dated):
    organization: Short = None
    position: Short = None
    url: Url = None
    start_date: StartDate = None
    end_date: EndDate = None
    summary: Long = None
    highlights: Items = []


class _EducationModel(_Dated):
    institution: Short = None
    url: Url = None
    area: Short = None
    study_type: Short = None
    start_date: StartDate = None
    end_date: EndDate = None
    score: Short = None
    courses: Items = []


class _AwardModel(_Model):
    title: Short = None
    date: StartDate = None
    awarder: Short = None
    summary: Long = None


class _CertificateModel(_Model):
    name: Short = None
    date: StartDate = None
    issuer: Short = None
    url: Url = None


class _LicenseModel(_Model):
    name: Short = None
    state: Short = None
    number: Short = None
    issued: StartDate = None
    expires: StartDate = None

    @model_validator(mode="after")
    def _order(self) -> _LicenseModel:
        _check_order(self.issued, self.expires, "issued", "expires")
        return self


class _MembershipModel(_Dated):
    organization: Short = None
    role: Short = None
    start_date: StartDate = None
    end_date: EndDate = None
    url: Url = None


class _PublicationModel(_Model):
    name: Short = None
    publisher: Short = None
    release_date: StartDate = None
    url: Url = None
    summary: Long = None


class _SkillModel(_Model):
    name: Short = None
    level: Short = None
    keywords: Items = []


class _LanguageModel(_Model):
    language: Short = None
    fluency: Short = None


class _InterestModel(_Model):
    name: Short = None
    keywords: Items = []


class _ReferenceModel(_Model):
    name: Short = None
    reference: Long = None


class _ProjectModel(_Dated):
    name: Short = None
    description: Long = None
    highlights: Items = []
    keywords: Items = []
    start_date: StartDate = None
    end_date: EndDate = None
    url: Url = None
    roles: Items = []
    entity: Short = None
    type: Short = None


class _MetaModel(_Model):
    # JSON Resume lets tools keep their own settings here (theme, ...): ignore what we do not use.
    model_config = ConfigDict(**{**_Model.model_config, "extra": "ignore"})

    canonical: Url = None
    version: Short = None
    last_modified: Short = None


class _ProfileModel(_Model):
    schema_url: Url = Field(default=None, alias="$schema")
    basics: _BasicsModel | None = None
    work: Annotated[list[_WorkModel], Field(max_length=200)] = []
    volunteer: Annotated[list[_VolunteerModel], Field(max_length=200)] = []
    education: Annotated[list[_EducationModel], Field(max_length=100)] = []
    awards: Annotated[list[_AwardModel], Field(max_length=200)] = []
    certificates: Annotated[list[_CertificateModel], Field(max_length=200)] = []
    publications: Annotated[list[_PublicationModel], Field(max_length=500)] = []
    skills: Annotated[list[_SkillModel], Field(max_length=500)] = []
    languages: Annotated[list[_LanguageModel], Field(max_length=100)] = []
    interests: Annotated[list[_InterestModel], Field(max_length=200)] = []
    references: Annotated[list[_ReferenceModel], Field(max_length=100)] = []
    projects: Annotated[list[_ProjectModel], Field(max_length=200)] = []
    licenses: Annotated[list[_LicenseModel], Field(max_length=100)] = []
    memberships: Annotated[list[_MembershipModel], Field(max_length=200)] = []
    meta: _MetaModel | None = None


_RESULT: dict[type[BaseModel], type[Any]] = {
    _LocationModel: Location, _SocialProfileModel: SocialProfile, _BasicsModel: Basics,
    _WorkModel: Work, _VolunteerModel: Volunteer, _EducationModel: Education,
    _AwardModel: Award, _CertificateModel: Certificate, _LicenseModel: License,
    _MembershipModel: Membership, _PublicationModel: Publication, _SkillModel: Skill,
    _LanguageModel: Language, _InterestModel: Interest, _ReferenceModel: Reference,
    _ProjectModel: Project, _MetaModel: Meta, _ProfileModel: Profile,
}
_MODEL_OF = {result: model for model, result in _RESULT.items()}
# The word naming an entry in messages: "work 2 (Riverside Health)".
_LABEL_KEYS = ("name", "position", "institution", "organization", "title", "language",
               "network", "studyType")


def _convert(value: Any) -> Any:
    if isinstance(value, BaseModel):
        cls = _RESULT[type(value)]
        return cls(**{name: _convert(getattr(value, name)) for name in type(value).model_fields})
    if isinstance(value, list):
        return tuple(_convert(v) for v in value)
    return value


def _model_at(loc: Sequence[str | int]) -> type[BaseModel] | None:
    """The model class that validates the mapping at `loc` (aliases as in the file)."""
    model: type[BaseModel] = _ProfileModel
    for part in loc:
        if isinstance(part, int):
            continue
        found = None
        for name, info in model.model_fields.items():
            if (info.alias or name) == part:
                found = _inner_model(info.annotation)
        if found is None:
            return None
        model = found
    return model


def _inner_model(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    origin = get_origin(annotation)
    if origin is not None:
        for arg in get_args(annotation):
            found = _inner_model(arg)
            if found is not None:
                return found
    return None


def _aliases(model: type[BaseModel]) -> list[str]:
    return [info.alias or name for name, info in model.model_fields.items()]


def _entry_label(raw: Any, section: str, index: int) -> str:
    items = raw.get(section) if isinstance(raw, dict) else None
    item = items[index] if isinstance(items, list) and 0 <= index < len(items) else None
    if isinstance(item, dict):
        for key in _LABEL_KEYS:
            value = item.get(key)
            if isinstance(value, str) and value.strip():
                text = normalize_line(value)
                return f" ({text[:50]}{'...' if len(text) > 50 else ''})"
    return ""


def _describe(err: Any, raw: Any, name: str) -> str:
    loc: tuple[str | int, ...] = tuple(err["loc"])
    kind = err["type"]
    where = f"{name}: "
    rest = loc
    if len(loc) >= 2 and isinstance(loc[0], str) and isinstance(loc[1], int):
        where += f"{loc[0]} {loc[1] + 1}{_entry_label(raw, loc[0], loc[1])}: "
        rest = loc[2:]
    elif len(loc) >= 2 and loc[0] in ("basics", "meta"):
        where += f"{loc[0]}: "
        rest = loc[1:]
    field_name = ""
    for part in rest:
        field_name += f" {part + 1}" if isinstance(part, int) else (
            f".{part}" if field_name else str(part))
    field_part = f"field '{field_name}': " if field_name else ""
    if kind == "date_order":
        return f"{where}{err['msg']}"
    if kind == "extra_forbidden":
        model = _model_at(loc[:-1])
        key = str(loc[-1])
        known = _aliases(model) if model is not None else []
        close = difflib.get_close_matches(key, known, n=1, cutoff=0.6)
        hint = f"did you mean '{close[0]}'?" if close else f"fields here are: {', '.join(known)}"
        return f"{where}{field_part}unknown field ({hint})"
    if kind == "missing":
        return f"{where}{field_part}is required"
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        return f"{where}{field_part}must be a mapping of fields (name: value), not " \
               f"{_type_name(err.get('input'))}"
    if kind in ("list_type", "tuple_type"):
        return f"{where}{field_part}must be a list (each item on its own line starting with " \
               f"'- '), not {_type_name(err.get('input'))}"
    if kind == "too_long":
        return f"{where}{field_part}has too many items (at most " \
               f"{err.get('ctx', {}).get('max_length', '?')})"
    return f"{where}{field_part}{err['msg']}"


def parse_profile(data: Any, name: str = "profile") -> Profile:
    """Validate already-parsed profile data (a mapping, as from YAML or JSON).

    Args:
        data: the mapping.
        name: the file name to put in messages.

    Returns:
        The Profile.

    Raises:
        ProfileError: the data breaks the schema; one line per problem, each naming the
            file, the entry and the field.
    """
    if not isinstance(data, dict):
        raise ProfileError(f"{name}: must be a mapping of JSON Resume sections (basics:, "
                           f"work:, education:...), not {_type_name(data)}")
    try:
        model = _ProfileModel.model_validate(data)
    except ValidationError as exc:
        errors = exc.errors()
        lines = [_describe(err, data, name) for err in errors[:MAX_PROBLEMS]]
        if len(errors) > MAX_PROBLEMS:
            lines.append(f"{name}: ... and {len(errors) - MAX_PROBLEMS} more problems")
        raise ProfileError("\n".join(dict.fromkeys(lines))) from None
    profile = _convert(model)
    if profile.basics is None:
        profile = _replace(profile, basics=Basics())
    return profile  # type: ignore[no-any-return]


T = TypeVar("T")


def _replace(obj: T, **changes: Any) -> T:
    values = {f.name: getattr(obj, f.name) for f in fields(obj)}  # type: ignore[arg-type]
    values.update(changes)
    return type(obj)(**values)


# ----------------------------------------------------------------------------------------------
# Reading files


def _read_bytes(path: Path, label: str) -> bytes:
    try:
        size = path.stat().st_size
        if size > MAX_PROFILE_BYTES:
            raise ProfileError(f"{label}: file is {size:,} bytes; profiles are capped at "
                               f"{MAX_PROFILE_BYTES:,} (a full profile is a few KB)")
        if path.is_dir():
            raise ProfileError(f"{label}: is a folder, not a profile file")
        with path.open("rb") as handle:
            data = handle.read(MAX_PROFILE_BYTES + 1)
    except FileNotFoundError:
        raise ProfileError(f"{label}: no such profile file") from None
    except PermissionError:
        raise ProfileError(f"{label}: cannot be opened (permission denied)") from None
    except OSError as exc:
        raise ProfileError(f"{label}: cannot be read ({exc.strerror or exc})") from None
    except ValueError:
        raise ProfileError(f"{label}: is not a valid file name") from None
    if len(data) > MAX_PROFILE_BYTES:
        raise ProfileError(f"{label}: file is over {MAX_PROFILE_BYTES:,} bytes; profiles are "
                           f"capped at {MAX_PROFILE_BYTES:,}")
    return data


def _decode(data: bytes, label: str) -> str:
    if not data.strip():
        raise ProfileError(f"{label}: is empty; start from templates/profile-starter.yaml or "
                           f"examples/profile.yaml")
    if b"\x00" in data[:8192]:
        raise ProfileError(f"{label}: is not a text file (it holds binary data); a profile is "
                           f"YAML or JSON text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ProfileError(f"{label}: is not UTF-8 text (bad byte at position {exc.start}); "
                           f"save it as UTF-8") from None
    controls = sum(1 for c in text[:8192] if ord(c) < 32 and c not in "\t\n\r")
    if controls > 0.05 * min(len(text), 8192):
        raise ProfileError(f"{label}: is not a text file (it holds binary data); a profile is "
                           f"YAML or JSON text")
    return text


def _parse_json(text: str, label: str) -> Any:
    def pairs(items: list[tuple[str, Any]]) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for key, value in items:
            if key in out:
                raise ProfileError(f"{label}: key '{key}' appears twice in one object")
            out[key] = value
        return out

    def constant(word: str) -> Any:
        raise ProfileError(f"{label}: not valid JSON: {word} is not a value")

    try:
        data = json.loads(text, object_pairs_hook=pairs, parse_constant=constant)
    except json.JSONDecodeError as exc:
        raise ProfileError(f"{label}: not valid JSON at line {exc.lineno}, column {exc.colno}: "
                           f"{exc.msg}") from None
    except RecursionError:
        raise ProfileError(f"{label}: is nested too deeply to be a profile") from None
    if _depth(data) > MAX_DEPTH:
        raise ProfileError(f"{label}: is nested too deeply to be a profile (more than "
                           f"{MAX_DEPTH} levels)")
    return data


def _depth(data: Any) -> int:
    """How deeply lists and objects nest (without recursion)."""
    deepest = 0
    stack: list[tuple[Any, int]] = [(data, 0)]
    while stack:
        item, level = stack.pop()
        if isinstance(item, (dict, list)):
            level += 1
            deepest = max(deepest, level)
            if deepest > MAX_DEPTH:
                break
            children = item.values() if isinstance(item, dict) else item
            stack.extend((child, level) for child in children)
    return deepest


def _parse_yaml(text: str, label: str) -> Any:
    return load_yaml(text, label, ProfileError, what="a profile", max_depth=MAX_DEPTH)


def parse_profile_text(text: str, name: str = "profile.yaml") -> Profile:
    """Validate profile text (YAML, or JSON when `name` ends .json or the text starts "{").

    Args:
        text: the file's text.
        name: the file name to put in messages; its extension picks the format.

    Raises:
        ProfileError: as `load_profile`.
    """
    ext = PurePath(name).suffix.lower()
    if len(text.encode("utf-8", "surrogatepass")) > MAX_PROFILE_BYTES:
        raise ProfileError(f"{name}: is over {MAX_PROFILE_BYTES:,} bytes; profiles are capped "
                           f"at {MAX_PROFILE_BYTES:,}")
    if not text.strip():
        raise ProfileError(f"{name}: is empty; start from templates/profile-starter.yaml or "
                           f"examples/profile.yaml")
    if ext == ".json" or (ext not in (".yaml", ".yml") and text.lstrip().startswith("{")):
        data = _parse_json(text, name)
    else:
        data = _parse_yaml(text, name)
    if data is None:
        raise ProfileError(f"{name}: holds no data (only comments or blank lines)")
    return parse_profile(data, name)


def load_profile(path: str | os.PathLike[str]) -> Profile:
    """Read and validate a profile file.

    Args:
        path: a .yaml / .yml or .json file in the JSON Resume schema (plus tailor's
            `licenses` and `memberships`); another extension is read as JSON when the text
            starts with "{", else as YAML.

    Returns:
        The Profile.

    Raises:
        ProfileError: the file is missing, too big (over 2 MB), not UTF-8 text, not valid
            YAML or JSON, uses YAML anchors or aliases, or breaks the schema (an unknown
            field, a wrong type, a bad date, an over-long value); the message names the file,
            and for schema problems the entry and the field.
    """
    label = PurePath(os.fspath(path)).name or os.fspath(path)
    return parse_profile_text(_decode(_read_bytes(Path(path), label), label), label)


def starter_profile() -> str:
    """The text of the commented starter profile (templates/profile-starter.yaml)."""
    path = data_dir("templates") / STARTER_FILE
    try:
        return path.read_text(encoding="utf-8")
    except OSError as exc:
        raise TailorError(f"the starter profile is missing from this installation ({path}: "
                          f"{exc.strerror}); reinstall tailor") from None


# ----------------------------------------------------------------------------------------------
# Writing


_SECTION_NOTES = {
    "$schema": "",
    "basics": "Who you are: name, headline (label), contact details and a short summary.",
    "work": "Jobs, most recent first. name is the employer; leave endDate out for your "
            "current job.\n# Dates are written YYYY, YYYY-MM or YYYY-MM-DD.",
    "volunteer": "Volunteer roles.",
    "education": "Degrees. studyType is the degree (Bachelor of Science), area the field "
                 "(Nursing).",
    "licenses": "Licences to practise (tailor extension): RN, LPN, LSW, LCSW...",
    "certificates": "Certifications: CCM, ACM, BLS...",
    "memberships": "Professional associations (tailor extension): CMSA, NASW, ACMA...",
    "awards": "Awards and honours.",
    "publications": "Publications and presentations.",
    "skills": "Skills; name may be a group and keywords its items.",
    "languages": "Languages you speak, with fluency.",
    "interests": "Interests.",
    "references": "References.",
    "projects": "Projects and initiatives.",
    "meta": "About this file.",
}
_ORDER = ("$schema", "basics", "work", "volunteer", "education", "licenses", "certificates",
          "memberships", "awards", "publications", "skills", "languages", "interests",
          "references", "projects", "meta")


def _plain(value: Any) -> Any:
    """A dataclass as file data: camelCase keys, empty values left out, fresh containers."""
    if is_dataclass(value) and not isinstance(value, type):
        model = _MODEL_OF[type(value)]
        out: dict[str, Any] = {}
        for name, info in model.model_fields.items():
            item = _plain(getattr(value, name))
            if item is None or item in ((), [], {}):
                continue
            out[info.alias or name] = item
        return out
    if isinstance(value, tuple):
        return [_plain(v) for v in value]
    return value


class _Dumper(yaml.SafeDumper):
    def ignore_aliases(self, data: Any) -> bool:
        return True


def profile_to_yaml(profile: Profile, comments: bool = True) -> str:
    """Write a profile as YAML that `load_profile` reads back unchanged.

    Args:
        profile: the profile.
        comments: put a one-line note above each section saying what goes in it.

    Returns:
        The YAML text, sections in JSON Resume order with tailor's extensions beside their
        relatives; empty sections and fields are left out.
    """
    data = _plain(profile)
    parts: list[str] = []
    if comments:
        parts.append("# A tailor profile: your facts in the JSON Resume format "
                     "(https://jsonresume.org/schema).\n"
                     "# tailor draft builds tailored resumes and cover letters from it. "
                     "Values are plain text.\n")
    for key in _ORDER:
        if key not in data:
            continue
        note = _SECTION_NOTES.get(key, "")
        block = yaml.dump({key: data[key]}, Dumper=_Dumper, sort_keys=False,
                          allow_unicode=True, width=88, default_flow_style=False)
        if comments and note:
            parts.append(f"\n# {note}\n")
        parts.append(block)
    if not data:
        parts.append("basics: {}\n")
    return "".join(parts)


# ----------------------------------------------------------------------------------------------
# The profile as text


_MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August",
                "September", "October", "November", "December")


def _when(value: str | None) -> str | None:
    ym = parse_iso(value)
    if ym is None:
        return value
    return _month_year(ym)


def _month_year(ym: YearMonth) -> str:
    if ym.precision.value == "year":
        return str(ym.year)
    return f"{_MONTH_NAMES[ym.month - 1]} {ym.year}"


def _span(start: str | None, end: str | None, *, current: bool = True) -> str | None:
    if start is None and end is None:
        return None
    if start is None:
        return _when(end)
    if end is None:
        return f"{_when(start)} – Present" if current else _when(start)
    return f"{_when(start)} – {_when(end)}"


def _join(*parts: str | None, sep: str = ", ") -> str:
    return sep.join(p for p in parts if p)


def profile_text_lines(profile: Profile, *, headings: bool = True) -> list[str]:
    """Every fact of the profile as plain lines, laid out like a resume.

    This is the text `tailor check` would see in a resume drafted from the profile, so
    checking it measures what the profile can support.

    Args:
        profile: the profile.
        headings: put section headings ("Experience", "Education"...) before each section.

    Returns:
        Lines of text, no empty ones.
    """
    out: list[str] = []
    b = profile.basics

    def section(title: str, lines: list[str]) -> None:
        if lines:
            if headings:
                out.append(title)
            out.extend(lines)

    loc = b.location
    place = _join(loc.address, loc.city, _join(loc.region, loc.postal_code, sep=" "),
                  loc.country_code) if loc else ""
    contact = [b.name, b.label,
               _join(place, b.phone, b.email, b.url,
                     *(p.url or _join(p.network, p.username, sep=": ") for p in b.profiles),
                     sep=" | ")]
    out.extend(x for x in contact if x)
    section("Summary", [b.summary] if b.summary else [])
    jobs: list[str] = []
    for w in profile.work:
        jobs.append(_join(w.position, w.name, w.location, _span(w.start_date, w.end_date),
                          sep=" | "))
        jobs += [x for x in (w.description, w.summary) if x]
        jobs += list(w.highlights)
    section("Experience", [x for x in jobs if x])
    helped: list[str] = []
    for v in profile.volunteer:
        helped.append(_join(v.position, v.organization, _span(v.start_date, v.end_date),
                            sep=" | "))
        helped += [x for x in (v.summary,) if x]
        helped += list(v.highlights)
    section("Volunteer Experience", [x for x in helped if x])
    schools: list[str] = []
    for e in profile.education:
        degree = _join(e.study_type, e.area, sep=" in ")
        schools.append(_join(degree, e.institution,
                             _span(e.start_date, e.end_date, current=True), sep=" | "))
        if e.score:
            schools.append(e.score if re.search(r"[A-Za-z]", e.score) else f"GPA {e.score}")
        if e.courses:
            schools.append("Coursework: " + "; ".join(e.courses))
    section("Education", [x for x in schools if x])
    creds: list[str] = []
    for lic in profile.licenses:
        number = f"License #{lic.number}" if lic.number else None
        expires = f"expires {_when(lic.expires)}" if lic.expires else None
        issued = f"issued {_when(lic.issued)}" if lic.issued else None
        creds.append(_join(lic.name, lic.state, number, issued, expires))
    for c in profile.certificates:
        creds.append(_join(c.name, c.issuer, _when(c.date), c.url))
    section("Licenses and Certifications", [x for x in creds if x])
    skills: list[str] = []
    for s in profile.skills:
        head = _join(s.name, f"({s.level})" if s.level else None, sep=" ")
        if s.keywords:
            skills.append(f"{head}: {', '.join(s.keywords)}" if head else ", ".join(s.keywords))
        elif head:
            skills.append(head)
    section("Skills", skills)
    section("Languages", [_join(x.language, f"({x.fluency})" if x.fluency else None, sep=" ")
                          for x in profile.languages if x.language or x.fluency])
    section("Professional Affiliations", [
        _join(m.role, m.organization, _span(m.start_date, m.end_date), m.url)
        for m in profile.memberships])
    section("Awards", [_join(a.title, a.awarder, _when(a.date), a.summary)
                       for a in profile.awards])
    section("Publications", [_join(p.name, p.publisher, _when(p.release_date), p.summary, p.url)
                             for p in profile.publications])
    projects: list[str] = []
    for p in profile.projects:
        projects.append(_join(p.name, p.entity, ", ".join(p.roles) or None,
                              _span(p.start_date, p.end_date), sep=" | "))
        projects += [x for x in (p.description,) if x]
        projects += list(p.highlights)
        if p.keywords:
            projects.append(", ".join(p.keywords))
    section("Projects", [x for x in projects if x])
    section("Interests", [_join(i.name, ", ".join(i.keywords) or None, sep=": ")
                          for i in profile.interests])
    section("References", [_join(r.name, r.reference, sep=": ") for r in profile.references])
    return [line for line in out if line]


def find_placeholders(profile: Profile) -> list[str]:
    """Fields still holding a bracketed placeholder ("[Your Name]", "[number] patients").

    Returns:
        Field paths in file terms ("basics.name", "work 1.highlights 2"), in file order.
    """
    found: list[str] = []

    def walk(value: Any, path: str) -> None:
        if isinstance(value, str):
            if _ANY_PLACEHOLDER.search(value):
                found.append(path)
        elif isinstance(value, tuple):
            for index, item in enumerate(value, start=1):
                walk(item, f"{path} {index}")
        elif is_dataclass(value) and not isinstance(value, type):
            model = _MODEL_OF[type(value)]
            for name, info in model.model_fields.items():
                key = info.alias or name
                walk(getattr(value, name), f"{path}.{key}" if path else key)

    walk(profile, "")
    return found


def iter_dates(profile: Profile) -> Iterator[tuple[str, DateRange]]:
    """(label, range) for every dated job and volunteer role, for totalling experience."""
    for w in profile.work:
        rng = w.dates
        if rng is not None:
            yield (_join(w.position, w.name, sep=", ") or "work", rng)
    for v in profile.volunteer:
        rng = v.dates
        if rng is not None:
            yield (_join(v.position, v.organization, sep=", ") or "volunteer", rng)


# ----------------------------------------------------------------------------------------------
# From a resume

_SCORE = r"\d\.\d{1,2}(?:\s*/\s*\d(?:\.\d+)?)?"
_GPA = re.compile(rf"(?i)\b(?:GPA|grade point average)\b\s*:?\s*(?P<score>{_SCORE})"
                  rf"|(?P<score2>{_SCORE})\s*(?:GPA)\b")
_HONOURS = re.compile(r"(?i)\b(?:honou?rs?|cum laude|dean'?s list|award|scholarship|"
                      r"scholar|valedictorian|sigma theta tau|phi kappa phi|president'?s list)\b")
_COURSES = re.compile(r"(?i)^(?:relevant\s+)?(?:course\s*work|courses|coursework)\s*:?\s*")
_FLUENCY = re.compile(r"^(?P<language>[^()\-–—:]+?)\s*(?:\((?P<f1>[^)]+)\)|[-–—:]\s*(?P<f2>.+))$")
_MEMBER_ROLE = re.compile(r"(?i)\b(?:member|chair|president|treasurer|secretary|delegate|"
                          r"fellow|board|committee|liaison|officer|volunteer)\b")


def _iso_start(rng: DateRange | None) -> str | None:
    return None if rng is None else rng.start.iso()


def _iso_end(rng: DateRange | None) -> str | None:
    if rng is None or rng.present or rng.end is None:
        return None
    if rng.single and rng.start.precision.value == "month":
        return rng.start.iso()
    return rng.end.iso()


def _dates_for(rng: DateRange | None, where: str, warnings: list[str]) -> tuple[
        str | None, str | None, str | None]:
    """(startDate, endDate, note) for a range; a reversed range is kept as a note."""
    if rng is None:
        return None, None, None
    for odd in rng.problems:
        if odd != "reversed":
            warnings.append(f"{where}: check the dates '{rng.text}' ({odd})")
    if "reversed" in rng.problems:
        warnings.append(f"{where}: the dates '{rng.text}' end before they start; kept them in "
                        f"the summary for you to fix")
        return None, None, f"Dates as written: {rng.text}"
    if rng.single:
        # One date beside a job ("2019"): the job began and ended within it.
        warnings.append(f"{where}: only one date ('{rng.text}'); read it as both start and "
                        f"end")
        return rng.start.iso(), rng.start.iso(), None
    return _iso_start(rng), _iso_end(rng), None


def _clip(text: str | None, limit: int, where: str, warnings: list[str]) -> str | None:
    if text is None:
        return None
    text = clean_text(text)
    if len(text) > limit:
        warnings.append(f"{where}: text longer than {limit:,} characters was shortened; "
                        f"check it")
        return text[: limit - 1].rstrip() + "…"
    return text or None


def profile_from_resume(resume: ResumeText) -> tuple[Profile, list[str]]:
    """A first profile from a resume that has been read, for the person to correct.

    Args:
        resume: a ResumeText (from tailor.extract.read_resume).

    Returns:
        The profile (basics, summary, work, volunteer, education, licences, certificates,
        memberships, awards, skills and languages as the resume gives them; nothing
        invented) and warnings naming the resume lines that could not be placed or were
        guessed ("line 14: could not tell title from employer ...").
    """
    from tailor.entries import (
        classify_phrase,
        other_kind,
        read_entries,
        split_commas,
        split_location,
        split_skills,
    )

    entries = read_entries(resume)
    warnings = list(entries.warnings)
    contact = entries.contact
    location: Location | None = None
    if contact.location:
        address, city, region, postal = split_location(contact.location)
        location = Location(address=_clip(address, SHORT, "contact", warnings),
                            postal_code=postal, city=_clip(city, SHORT, "contact", warnings),
                            region=region)
    profiles: list[SocialProfile] = []
    url: str | None = None
    for link in contact.urls:
        if "linkedin" in link.lower():
            user = re.search(r"linkedin\.com/in/([^/?#]+)", link, re.IGNORECASE)
            profiles.append(SocialProfile(network="LinkedIn",
                                          username=user.group(1) if user else None,
                                          url=_clip(link, ITEM, "contact", warnings)))
        elif url is None:
            url = _clip(link, ITEM, "contact", warnings)
        else:
            profiles.append(SocialProfile(url=_clip(link, ITEM, "contact", warnings)))
    name = contact.name
    if name and contact.credentials:
        name = f"{name}, {', '.join(contact.credentials)}"
    if name is None:
        warnings.append("found no name at the top of the resume; add basics.name")
    basics = Basics(
        name=_clip(name, SHORT, "name", warnings),
        label=_clip(contact.headline, SHORT, "headline", warnings),
        email=contact.email if contact.email and _EMAIL.match(contact.email) else None,
        phone=_clip(contact.phone, SHORT, "phone", warnings),
        url=url,
        summary=_clip(entries.summary or None, LONG, "summary", warnings),
        location=location,
        profiles=tuple(profiles),
    )
    work: list[Work] = []
    volunteer: list[Volunteer] = []
    for job in entries.experience:
        where = f"line {job.lines[0]}" if job.lines else "experience"
        start, end, note = _dates_for(job.dates, where, warnings)
        highlights = tuple(h for h in (_clip(b, ITEM, f"line {n}", warnings)
                                       for b, n in zip(job.bullets, job.bullet_lines,
                                                       strict=False)) if h)
        summary = _join(*job.extra, note, sep="; ") or None
        if job.extra:
            warnings.append(f"{where}: kept '{'; '.join(job.extra)}' in the summary of "
                            f"'{job.title or job.employer}'; move it where it belongs")
        if job.volunteer:
            volunteer.append(Volunteer(
                organization=_clip(job.employer, SHORT, where, warnings),
                position=_clip(job.title, SHORT, where, warnings), start_date=start,
                end_date=end, summary=_clip(summary, LONG, where, warnings),
                highlights=highlights))
        else:
            work.append(Work(
                name=_clip(job.employer, SHORT, where, warnings),
                position=_clip(job.title, SHORT, where, warnings),
                location=_clip(job.location, SHORT, where, warnings), start_date=start,
                end_date=end, summary=_clip(summary, LONG, where, warnings),
                highlights=highlights))
    education: list[Education] = []
    awards: list[Award] = []
    for school in entries.education:
        where = f"line {school.lines[0]}" if school.lines else "education"
        start, end = None, None
        if school.dates is not None and "reversed" not in school.dates.problems:
            if school.dates.single:
                end = school.dates.start.iso()  # a graduation date
            else:
                start, end = _iso_start(school.dates), _iso_end(school.dates)
        elif school.dates is not None:
            warnings.append(f"{where}: the dates '{school.dates.text}' end before they start; "
                            f"left them out")
        score: str | None = None
        courses: list[str] = []
        for detail in school.details:
            gpa = _GPA.search(detail)
            rest = detail
            if gpa is not None and score is None:
                score = f"{gpa['score'] or gpa['score2']} GPA"
                rest = _clean_rest(detail[: gpa.start()] + " " + detail[gpa.end():])
            if not rest:
                continue
            if _COURSES.match(rest):
                courses += split_skills(_COURSES.sub("", rest))
            elif _HONOURS.search(rest):
                awards.append(Award(title=_clip(rest, SHORT, where, warnings),
                                    awarder=school.institution, date=end))
            else:
                courses.append(rest)
                warnings.append(f"{where}: kept '{rest}' as coursework of "
                                f"'{school.degree or school.institution}'; check it")
        education.append(Education(
            institution=_clip(school.institution, SHORT, where, warnings),
            area=_clip(school.field, SHORT, where, warnings),
            study_type=_clip(school.degree, SHORT, where, warnings),
            start_date=start, end_date=end, score=score,
            courses=tuple(c for c in (_clip(c, ITEM, where, warnings) for c in courses) if c)))
    licenses: list[License] = []
    certificates: list[Certificate] = []
    for cert in entries.certifications:
        where = f"line {cert.lines[0]}" if cert.lines else "certifications"
        issued = _iso_start(cert.issued) if cert.issued else None
        expires = cert.expires.start.iso() if cert.expires is not None else None
        leftover = _cert_leftover(cert)
        if leftover:
            warnings.append(f"{where}: check the details of '{cert.name}' ('{cert.detail}'); "
                            f"'{leftover}' has no field of its own")
        if cert.license:
            if issued and expires and parse_iso(expires, end=True) < parse_iso(issued):  # type: ignore[operator]
                issued = None
            licenses.append(License(name=_clip(cert.name, SHORT, where, warnings),
                                    state=cert.state, number=cert.number, issued=issued,
                                    expires=expires))
        else:
            certificates.append(Certificate(
                name=_clip(cert.name, SHORT, where, warnings),
                issuer=_clip(cert.issuer, SHORT, where, warnings), date=issued))
    memberships: list[Membership] = []
    publications: list[Publication] = []
    interests: list[Interest] = []
    projects: list[Project] = []
    for item in entries.other:
        where = f"line {item.line}"
        kind = other_kind(item.heading)
        text = item.text
        if item.dates is not None:
            text = _clean_rest(text.replace(item.dates.text, " "))
        if kind == "memberships":
            memberships.append(_membership(text, item.dates, where, warnings))
        elif kind == "awards":
            title, awarder = text, None
            parts = split_commas(text)
            if len(parts) > 1 and classify_phrase(parts[-1]) == "employer":
                title, awarder = ", ".join(parts[:-1]), parts[-1]
            awards.append(Award(title=_clip(title, SHORT, where, warnings),
                                awarder=_clip(awarder, SHORT, where, warnings),
                                date=_iso_start(item.dates)))
        elif kind == "volunteer":
            start, end, _note = _dates_for(item.dates, where, warnings)
            volunteer.append(Volunteer(organization=_clip(text, SHORT, where, warnings),
                                       start_date=start, end_date=end))
        elif kind == "publications":
            publications.append(Publication(name=_clip(item.text, SHORT, where, warnings)))
        elif kind == "interests":
            interests.append(Interest(name=_clip(item.text, SHORT, where, warnings)))
        elif kind == "projects":
            projects.append(Project(name=_clip(text, SHORT, where, warnings),
                                    start_date=_iso_start(item.dates),
                                    end_date=_iso_end(item.dates)))
        elif kind == "references":
            warnings.append(f"{where}: left out the references line ('{item.text}'); add "
                            f"references only if an employer asks")
        else:
            warnings.append(f"{where}: could not place '{item.text}' (under "
                            f"'{item.heading or 'no heading'}'); add it to the profile by hand")
    skills = tuple(Skill(name=_clip(s, SHORT, "skills", warnings)) for s in entries.skills)
    languages: list[Language] = []
    for spoken in entries.languages:
        match = _FLUENCY.match(spoken)
        if match is not None:
            languages.append(Language(language=match["language"].strip(),
                                      fluency=(match["f1"] or match["f2"] or "").strip() or None))
        else:
            languages.append(Language(language=spoken))
    profile = Profile(
        basics=basics, work=tuple(work), volunteer=tuple(volunteer),
        education=tuple(education), awards=tuple(awards), certificates=tuple(certificates),
        publications=tuple(publications), skills=skills, languages=tuple(languages),
        interests=tuple(interests), projects=tuple(projects), licenses=tuple(licenses),
        memberships=tuple(memberships),
    )
    # What was read must pass the same validation a written profile does.
    return parse_profile(_plain(profile), resume.name), warnings


def _clean_rest(text: str) -> str:
    text = re.sub(r"[(\[]\s*[)\]]", " ", text)
    text = " ".join(text.split())
    return text.strip(" ,;:|–—-")


def _cert_leftover(cert: Any) -> str:
    """Words of a credential's detail that no field holds."""
    if not cert.detail:
        return ""
    rest = cert.detail
    for known in (cert.issuer, cert.number, cert.state,
                  cert.issued.text if cert.issued else None,
                  cert.expires.text if cert.expires else None):
        if known:
            rest = rest.replace(known, " ")
    rest = re.sub(r"(?i)\b(?:state of|licen[cs]e|number|expir(?:es|ation|y)|issued|"
                  r"valid(?: through| until)?|earned|certified|since|certificate|renewed)\b|"
                  r"\b(?:lic|no|exp|cert|num)\.|[#,;:()|–—-]", " ", rest)
    return " ".join(rest.split())


def _membership(text: str, dates: DateRange | None, where: str,
                warnings: list[str]) -> Membership:
    from tailor.entries import split_commas

    parts = split_commas(text)
    role = next((p for p in parts if _MEMBER_ROLE.search(p) and len(p.split()) <= 5), None)
    rest = [p for p in parts if p != role]
    organization = ", ".join(rest) or text
    start, end, _note = _dates_for(dates, where, warnings)
    if dates is not None and dates.single:
        start, end = dates.start.iso(), None
    return Membership(organization=_clip(organization, SHORT, where, warnings),
                      role=_clip(role, SHORT, where, warnings), start_date=start,
                      end_date=end)
