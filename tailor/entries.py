"""Experience, education, credential, skill and contact entries from a read resume.

Works from what the readers give every line: its section (tailor.sections), whether it is a
bullet, and its text. A job starts at a non-bullet line holding a title and/or an employer and
often dates; the lines up to its bullets are its header ("Care Manager | Riverside Health |
2021 – Present", or title and dates on one line and the employer on the next, or dates on a
line of their own, or table cells side by side). Titles are told from employers by their head
noun ("Care *Manager*", "Mercy *Hospital*", "Director *of Nursing*" → Director), by employer
words (Inc, LLC, University, County...), by proper names, and last by order (title first).
Anything left unsure is kept and reported in `warnings` with its line number.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from tailor.dates import DateRange, find_ranges, parse_range
from tailor.models import Line, ResumeText, Section, Source
from tailor.sections import heading_section, looks_like_contact

__all__ = [
    "CertificationEntry",
    "Contact",
    "EducationEntry",
    "ExperienceEntry",
    "OtherEntry",
    "ResumeEntries",
    "classify_phrase",
    "other_kind",
    "read_entries",
    "split_commas",
    "split_location",
    "split_skills",
]


# ----------------------------------------------------------------------------------------------
# Results


@dataclass(frozen=True, slots=True)
class Contact:
    """Who the resume belongs to and how to reach them.

    Attributes:
        name: the person's name, post-nominal credentials removed ("Jordan Rivera").
        credentials: the post-nominals written after the name ("RN", "BSN").
        headline: a short line under the name ("Registered Nurse | Care Manager"), if any.
        email, phone, location: as written; location is "City, ST" or a postal address.
        urls: web addresses (LinkedIn first when there is one).
        lines: resume line numbers these came from.
    """

    name: str | None = None
    credentials: tuple[str, ...] = ()
    headline: str | None = None
    email: str | None = None
    phone: str | None = None
    location: str | None = None
    urls: tuple[str, ...] = ()
    lines: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class ExperienceEntry:
    """One job, internship, clinical placement or volunteer role.

    Attributes:
        title: the role ("Care Manager, RN"), if found.
        employer: the organisation, if found.
        location: "City, ST", "Remote"..., if found.
        dates: the date range of the role, if found.
        bullets: its bullets and description lines, wrapped lines joined.
        lines: resume line numbers of its header and bullets.
        heading: the section heading it sat under ("Volunteer Experience"), "" if none.
        extra: header text that was neither title, employer, location nor dates.
        bullet_lines: the line number each bullet starts on.
    """

    title: str | None
    employer: str | None
    location: str | None
    dates: DateRange | None
    bullets: tuple[str, ...]
    lines: tuple[int, ...]
    heading: str = ""
    extra: tuple[str, ...] = ()
    bullet_lines: tuple[int, ...] = ()

    @property
    def volunteer(self) -> bool:
        """True when it sat under a volunteer heading or its title says volunteer."""
        text = f"{self.heading} {self.title or ''}".lower()
        return "volunteer" in text


@dataclass(frozen=True, slots=True)
class EducationEntry:
    """One degree, diploma or programme.

    Attributes:
        degree: the degree as written, its field removed ("Bachelor of Science (BSN)", "MSW").
        field: the field of study ("Nursing"), if written.
        institution: the school, if found.
        location: where it is, if written.
        dates: when (a year, a range, or an expected date), if written.
        details: honours, GPA, coursework and other lines under it.
        lines: resume line numbers.
    """

    degree: str | None
    field: str | None
    institution: str | None
    location: str | None
    dates: DateRange | None
    details: tuple[str, ...]
    lines: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class CertificationEntry:
    """One licence or certification.

    Attributes:
        name: what it is ("Registered Nurse (RN)", "Certified Case Manager (CCM)").
        issuer: who grants it ("American Heart Association", "State of Ohio"), if written.
        detail: everything written after the name, as written.
        license: True for a licence to practise (RN, LPN, LCSW, LSW, "License"...).
        state: the state of a licence, if written.
        number: the licence or certificate number, if written.
        issued: the date it was earned or the range it is valid, if written.
        expires: the expiry date, if written ("expires 08/2027").
        lines: resume line numbers.
    """

    name: str
    issuer: str | None = None
    detail: str | None = None
    license: bool = False
    state: str | None = None
    number: str | None = None
    issued: DateRange | None = None
    expires: DateRange | None = None
    lines: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class OtherEntry:
    """A line from another section (affiliations, awards, languages...), with its heading."""

    heading: str
    text: str
    line: int
    dates: DateRange | None = None


@dataclass(frozen=True, slots=True)
class ResumeEntries:
    """Everything read from a resume's sections.

    Attributes:
        contact: name and contact details.
        summary: the summary section as one paragraph ("" if none).
        experience: jobs, in resume order.
        education: degrees, in resume order.
        certifications: licences and certifications, in resume order.
        skills: skill items, in order, without duplicates.
        languages: spoken languages, as written ("Spanish (conversational)").
        other: lines of other sections (affiliations, awards...), with their headings.
        warnings: what could not be placed or decided, each starting "line N: ".
    """

    contact: Contact
    summary: str
    experience: tuple[ExperienceEntry, ...]
    education: tuple[EducationEntry, ...]
    certifications: tuple[CertificationEntry, ...]
    skills: tuple[str, ...]
    languages: tuple[str, ...] = ()
    other: tuple[OtherEntry, ...] = ()
    warnings: tuple[str, ...] = ()


# ----------------------------------------------------------------------------------------------
# Vocabulary

_ROLE_NOUNS = frozenset("""
manager coordinator nurse navigator worker specialist director supervisor intern assistant
technician tech aide volunteer therapist counselor counsellor planner educator officer analyst
lead administrator associate consultant representative rep advocate liaison clinician
practitioner physician pharmacist fellow extern student preceptor chaplain dietitian
nutritionist paramedic emt sitter caregiver companion receptionist clerk scheduler secretary
agent instructor teacher tutor trainer mentor president vp chief executive ceo coo cno
owner founder chair chairperson captain sergeant lieutenant reviewer auditor investigator
researcher scientist evaluator screener interpreter translator doula midwife apprentice
trainee attendant orderly phlebotomist medic corpsman provider rn lpn lvn cna cma np aprn
fnp lcsw lsw lmsw licsw lisw lpc lmft internship externship practicum
rotation placement residency preceptorship head principal superintendent steward organizer
ambassador leader member treasurer coach psychologist
technologist engineer developer accountant server cashier barista nanny lifeguard driver
coder biller registrar dispatcher surveyor inspector auditor hostess host bartender
""".split())
# Words that head an organisation's name.
_EMPLOYER_WORDS = frozenset("""
hospital hospitals health healthcare medical medicine center centre centers centres clinic
clinics agency agencies services university college school institute academy inc inc. llc
l.l.c. ltd ltd. corp corp. corporation company co co. partners group associates county
department dept dept. foundation system systems network networks trust society association
alliance council ministries ministry church authority office labs laboratory laboratories
pharmacy home homes hospice rehabilitation rehab plan plans insurance living residence
residences manor villa gardens village army navy corps marines guard ymca ywca shelter bank
collective cooperative coalition consortium enterprises solutions llp pc p.c. pllc physicians
nurses hospitalists partnership practice practices commission bureau district board
administration house cross
""".split())
# Employer words strong enough to name an employer without a proper name ("Department of Health").
_STRONG_EMPLOYER = frozenset("""
hospital hospitals university college school institute academy inc inc. llc l.l.c. ltd ltd.
corp corp. corporation company co co. county department dept dept. foundation agency clinic
association society commission bureau district authority ministries church army navy corps
marines ymca ywca llp pc p.c. pllc cross
""".split())
# Domain words that alone name a unit or specialty, not an organisation.
_GENERIC = frozenset("""
care case management behavioral behavioural mental health medical surgical medical-surgical
med-surg med/surg unit floor department dept icu picu nicu ccu micu sicu ed er or pacu
telemetry tele oncology pediatric pediatrics paediatric cardiology cardiac emergency surgery
maternity labor delivery postpartum psychiatric psychiatry float pool division team program
programs service services prn per diem part-time full-time contract travel temporary
seasonal population community home clinical inpatient outpatient acute long-term primary
transitional utilization complex chronic disease social work nursing geriatric geriatrics
palliative hospice intensive critical step-down stepdown rehabilitation rehab orthopedic
orthopedics neurology renal dialysis women's infant family medicine internal and & of the
for in a an with at on unit-based transitions coordination quality improvement
""".split())
_CONNECTORS = frozenset({"of", "and", "&", "the", "for", "in", "at", "a", "an", "on", "to"})
_CREDENTIAL = re.compile(
    r"^(?:RN|LPN|LVN|CNA|CMA|NP|APRN|FNP(?:-BC)?|BSN|MSN|DNP|ADN|ASN|BSW|MSW|MPH|MHA|MBA|PhD|"
    r"LCSW|LSW|LMSW|LICSW|LISW|LPC|LMFT|CCM|ACM(?:-RN)?|CPHQ|CMGT-BC|RN-BC|CHPN|CRRN|CDCES|"
    r"CDE|BLS|ACLS|PALS|CPR|C-SWCM|C-ASWCM|CMCN|CMAC|CPC|MA|BA|BS|MS|MEd|EdD|PMP|"
    r"[A-Z]{2,5}(?:-[A-Z]{1,3})?)$"
)
_CORPORATE = re.compile(r"(?i)^(?:inc|llc|l\.l\.c|ltd|corp|co|p\.?c|pllc|llp|lp|pa|p\.a)\.?$")
_ROLE_PHRASES = re.compile(r"(?i)\b(?:case|care)\s+manage(?:r|ment)\b")
_STATES = {
    "AL": "Alabama", "AK": "Alaska", "AZ": "Arizona", "AR": "Arkansas", "CA": "California",
    "CO": "Colorado", "CT": "Connecticut", "DE": "Delaware", "FL": "Florida", "GA": "Georgia",
    "HI": "Hawaii", "ID": "Idaho", "IL": "Illinois", "IN": "Indiana", "IA": "Iowa",
    "KS": "Kansas", "KY": "Kentucky", "LA": "Louisiana", "ME": "Maine", "MD": "Maryland",
    "MA": "Massachusetts", "MI": "Michigan", "MN": "Minnesota", "MS": "Mississippi",
    "MO": "Missouri", "MT": "Montana", "NE": "Nebraska", "NV": "Nevada", "NH": "New Hampshire",
    "NJ": "New Jersey", "NM": "New Mexico", "NY": "New York", "NC": "North Carolina",
    "ND": "North Dakota", "OH": "Ohio", "OK": "Oklahoma", "OR": "Oregon", "PA": "Pennsylvania",
    "RI": "Rhode Island", "SC": "South Carolina", "SD": "South Dakota", "TN": "Tennessee",
    "TX": "Texas", "UT": "Utah", "VT": "Vermont", "VA": "Virginia", "WA": "Washington",
    "WV": "West Virginia", "WI": "Wisconsin", "WY": "Wyoming", "DC": "District of Columbia",
    "PR": "Puerto Rico", "ON": "Ontario", "BC": "British Columbia", "AB": "Alberta",
    "QC": "Quebec", "MB": "Manitoba", "NS": "Nova Scotia", "SK": "Saskatchewan",
}
_STATE_NAMES = "|".join(sorted((re.escape(n) for n in _STATES.values()), key=len, reverse=True))
_STATE = rf"(?:{'|'.join(_STATES)}|{_STATE_NAMES}|D\.C\.)"
_CITY_WORD = r"(?:St\.|Ft\.|Mt\.|[A-Z][a-z]+(?:[-'][A-Z]?[a-z]+)*)"
_CITY = rf"{_CITY_WORD}(?:\s+{_CITY_WORD}){{0,2}}"
_ZIP = r"(?:\s+\d{5}(?:-\d{4})?)"
_REMOTE = r"(?:Remote|Hybrid|On-?site|Telecommute|Virtual)(?:\s*\((?:US|USA)\))?"
_LOCATION_WHOLE = re.compile(
    rf"^(?:(?:\d{{1,6}}\s+[\w .'-]+,\s*)?{_CITY},?\s+{_STATE}{_ZIP}?(?:,?\s+(?:USA|US))?"
    rf"|{_REMOTE}(?:,?\s+(?:USA|US|{_STATE}))?|{_STATE}|(?:{_CITY},\s*)?(?:USA|Canada))$"
)
_LOCATION_TAIL = re.compile(
    rf"(?:,\s*|\s+[(\[]\s*)(?P<loc>{_CITY},?\s+{_STATE}{_ZIP}?|{_REMOTE})\s*[)\]]?\s*$"
    rf"|\s+(?P<loc2>[A-Z][a-z]+,?\s+(?:{'|'.join(k for k in _STATES if k != 'ON')}){_ZIP}?)$"
)
_STRONG_SPLIT = re.compile(r"\s*(?:\||•|·|;|\u2022)\s*|\s+[-–—~]\s+|\s*—\s*|\s+(?:at|@)\s+")
_COMMA_OUTSIDE = re.compile(r",\s*(?![^()]*\))")
_EMAIL = re.compile(r"[\w.+'-]+@[\w-]+(?:\.[\w-]+)+")
_PHONE = re.compile(r"(?:\+?1[\s.-]?)?(?:\(\d{3}\)|\d{3})[\s.-]?\d{3}[\s.-]?\d{4}\b")
_URL = re.compile(r"(?i)\b(?:https?://\S+|www\.\S+|(?:[\w-]+\.)*linkedin\.com/\S+|"
                  r"github\.com/\S+|(?:[\w-]+\.)+(?:com|org|net|io|me|dev|us|edu|health|"
                  r"info|site|page)\b(?:/\S*)?)")
_CONTACT_SPLIT = re.compile(r"\s*(?:\||•|·|;|\u2022|\s{2,})\s*|\s+[-–—]\s+")
_DEGREE = re.compile(
    r"(?:\b(?:Bachelor|Bachelors|Bachelor's|Baccalaureate|Master|Masters|Master's|Associate|"
    r"Associates|Associate's|Doctor|Doctorate|Diploma|Certificate|Certification|GED|"
    r"High School)\b|(?<![\w.])(?:B\.?S\.?N|M\.?S\.?N|A\.?D\.?N|A\.?S\.?N|B\.?S\.?W|M\.?S\.?W|"
    r"M\.?P\.?H|M\.?H\.?A|M\.?B\.?A|Ph\.?D|D\.?N\.?P|DrPH|Ed\.?D|B\.S\.|B\.A\.|M\.S\.|M\.A\.|"
    r"BS|BA|MS|MA|AAS|AA|AS|LPN|RN-BSN|RN to BSN|PsyD|MSc|BSc|MEd|JD)(?![\w]))"
)
_INSTITUTION = re.compile(
    r"(?i)\b(?:university|college|school|institute|academy|polytechnic|conservatory|seminary)\b"
)
_FIELD = re.compile(r"^(?P<type>.+?)\s+in\s+(?P<field>[^(]+?)\s*(?P<abbr>\([^)]*\))?$")
_LICENSE = re.compile(
    r"(?i)\b(?:licen[cs]e[ds]?|licensure|registered nurse|practical nurse|vocational nurse|"
    r"nurse practitioner|social worker)\b|(?<![\w-])(?:RN|LPN|LVN|LCSW|LSW|LMSW|LICSW|LISW|LPC|"
    r"LMFT|APRN|NP|CNA)(?![\w-])"
)
_ISSUER = re.compile(
    r"(?i)\b(?:board|association|commission|council|society|institute|center|centre|"
    r"american|national|red cross|department|agency|university|college|academy|state of|"
    r"ancc|ccmc|aha|arc|nbcc|aswb|ncsbn|cmsa|nahq|cdr|nasw|acma|aapc|ahima|cbdm|ncbde)\b"
)
_EXPIRES = re.compile(r"(?i)\b(?:expir(?:es|ing|ation|y)|exp\.?|valid\s+(?:through|until|to)|"
                      r"renew(?:s|al)?(?:\s+due)?|good\s+through)\s*:?\s*$")
_NUMBER = re.compile(
    r"(?i)(?:\b(?:licen[cs]e|lic\.?|cert(?:ificate|ification)?|registration|reg\.?)\s*)?"
    r"(?:#|\bno\.|\bnumber\b|\bnum\.?)\s*:?\s*(?P<num>[A-Z0-9][A-Z0-9.\-/]*[0-9][A-Z0-9.\-/]*)"
)
_STATE_OF = re.compile(rf"\b(?:State of\s+)?(?P<state>{_STATE_NAMES})\b|\((?P<abbr>[A-Z]{{2}})\)")
_VERB_START = re.compile(r"^[A-Z][a-z]+(?:ed|ing)\b")
_ABBREV_END = re.compile(r"(?i)\b(?:inc|co|corp|ltd|st|jr|sr|llc|l\.l\.c|p\.c|d\.c|u\.s|dept)\.$")
_LABEL = re.compile(r"^(?P<label>[A-Za-z][\w &/,'-]{0,40}?)\s*:\s+(?P<rest>\S.*)$")
_LANGUAGE_WORDS = re.compile(r"(?i)\blanguages?\b|\bbilingual\b|\bfluent\b")
_PARENS_EMPTY = re.compile(r"[(\[]\s*[,;:|–—-]*\s*[)\]]")
_EDGE = re.compile(r"^[\s,;:|•·–—\-/(]+|[\s,;:|•·–—\-/)]+$")

_MAX_HEAD_WORDS = 16
_PROSE_WORDS = 14


# ----------------------------------------------------------------------------------------------
# Phrases: title, employer, location, qualifier or unknown


def _words(text: str) -> list[str]:
    return [w.strip(".,()[]'\"").lower() for w in text.split() if w.strip(".,()[]'\"")]


def _head_word(text: str) -> str:
    """The noun that decides what a phrase names: its last word, or the word before "of"."""
    core = re.sub(r"\([^)]*\)", " ", text)
    core = re.split(r"\s+(?:of|for)\s+", core, maxsplit=1, flags=re.IGNORECASE)[0]
    words = _words(core)
    while words and _CREDENTIAL.match(words[-1].upper()) and words[-1] not in _ROLE_NOUNS \
            and len(words) > 1:
        words.pop()
    return words[-1] if words else ""


def _proper_words(text: str) -> int:
    """Capitalised words that are not domain vocabulary: the signs of a name ("Riverside")."""
    count = 0
    for raw in text.split():
        word = raw.strip(".,()[]'\"")
        if not word or not word[0].isupper():
            continue
        low = word.lower()
        if low in _GENERIC or low in _ROLE_NOUNS or low in _EMPLOYER_WORDS or low in _CONNECTORS:
            continue
        if word.isupper() and len(word) <= 5 and _CREDENTIAL.match(word):
            continue
        count += 1
    return count


@lru_cache(maxsize=2048)  # a pure function of the phrase, asked about again and again
def classify_phrase(text: str) -> str:
    """What a header phrase names.

    Returns:
        "title", "employer", "location", "qualifier" (a unit or specialty, "Behavioral
        Health") or "unknown".
    """
    text = text.strip()
    if not text:
        return "unknown"
    if _LOCATION_WHOLE.match(text.strip("()[] ")):
        return "location"
    words = _words(text)
    head = _head_word(text)
    role_any = any(w in _ROLE_NOUNS for w in words) or _ROLE_PHRASES.search(text) is not None
    employer_any = any(w in _EMPLOYER_WORDS for w in words)
    proper = _proper_words(text)
    if head in _ROLE_NOUNS:
        return "title"
    if head in _STRONG_EMPLOYER or (head in _EMPLOYER_WORDS and proper):
        return "employer"
    if all(w in _GENERIC or w in _EMPLOYER_WORDS for w in words):
        return "qualifier"
    if role_any and not employer_any:
        return "title"
    if employer_any and not role_any and proper:
        return "employer"
    if _CREDENTIAL.match(text) and text.upper() == text:
        return "title"
    return "unknown"


def split_location(text: str) -> tuple[str | None, str | None, str | None, str | None]:
    """A location string as (address, city, region, postal code); parts not written are None."""
    text = text.strip()
    match = re.match(
        rf"^(?:(?P<address>\d{{1,6}}\s+[^,]+),\s*)?(?P<city>{_CITY}),?\s+(?P<region>{_STATE})"
        rf"(?:\s+(?P<postal>\d{{5}}(?:-\d{{4}})?))?(?:,?\s+(?:USA|US))?$",
        text,
    )
    if match is None:
        return None, (text or None), None, None
    return match["address"], match["city"], match["region"], match["postal"]


def _clean(text: str) -> str:
    text = _PARENS_EMPTY.sub(" ", text)
    text = " ".join(text.split())
    previous = None
    while previous != text:
        previous = text
        text = _EDGE.sub("", text)
    if text.count("(") > text.count(")"):
        text += ")"
    return text.strip()


def split_commas(text: str) -> list[str]:
    """Split on commas outside parentheses: "Epic, Office (Word, Excel)" → two parts."""
    return [p.strip() for p in _COMMA_OUTSIDE.split(text) if p.strip()]


# ----------------------------------------------------------------------------------------------
# Header lines


@dataclass(slots=True)
class _Piece:
    text: str
    kind: str
    line: int


@dataclass(slots=True)
class _Head:
    pieces: list[_Piece]
    dates: DateRange | None
    line: int
    text: str = ""

    def has(self, kind: str) -> bool:
        return any(p.kind == kind for p in self.pieces)


def _best_range(text: str) -> tuple[DateRange, int, int] | None:
    found = find_ranges(text)
    if not found:
        return None
    ranges = [f for f in found if not f[0].single]
    return (ranges or found)[-1]


def _cut(text: str, start: int, end: int) -> str:
    """The text with a date span replaced by a separator (brackets around it go too)."""
    marked = text[:start] + "\x00" + text[end:]
    marked = re.sub(r"[(\[]\s*\x00\s*[)\]]", "\x00", marked)
    return marked.replace("\x00", " | ")


def _analyse(text: str, number: int) -> _Head:
    """Split a header line into dates and classified pieces."""
    written = text
    best = _best_range(text)
    dates = None
    if best is not None:
        dates, start, end = best
        text = _cut(text, start, end)
    pieces: list[_Piece] = []
    for strong in _STRONG_SPLIT.split(text):
        chunk = _clean(strong)
        if not chunk:
            continue
        pieces += _pieces(chunk, number)
    return _Head(pieces, dates, number, written)


def _pieces(chunk: str, number: int) -> list[_Piece]:
    if chunk.startswith("(") and chunk.endswith(")"):
        chunk = chunk[1:-1].strip()
    kind = classify_phrase(chunk)
    if kind == "location":
        return [_Piece(chunk, "location", number)]
    tail = _LOCATION_TAIL.search(chunk)
    location: _Piece | None = None
    if tail is not None and tail.start() > 0:
        loc = tail["loc"] or tail["loc2"] or ""
        rest = _clean(chunk[: tail.start()])
        if rest:
            location = _Piece(loc.strip(), "location", number)
            chunk = rest
            kind = classify_phrase(chunk)
    parts = split_commas(chunk)
    out: list[_Piece] = []
    if len(parts) > 1:
        kinds = [classify_phrase(p) for p in parts]
        if set(kinds) != {"unknown"}:
            out = _merge_parts(parts, kinds, number)
    if not out:
        out = [_Piece(chunk, kind, number)]
    if location is not None:
        out.append(location)
    return out


def _merge_parts(parts: list[str], kinds: list[str], number: int) -> list[_Piece]:
    """Comma parts of one chunk: credentials and qualifiers join the part before them."""
    out: list[_Piece] = []
    for part, kind in zip(parts, kinds, strict=True):
        credential = _CREDENTIAL.match(part) is not None and part.upper() == part
        suffix = _CORPORATE.match(part) is not None
        if out and (credential or kind == "qualifier" or suffix) and out[-1].kind != "location":
            out[-1].text = f"{out[-1].text}, {part}"
            continue
        if kind == "location" and out and out[-1].kind == "location":
            out[-1].text = f"{out[-1].text}, {part}"
            continue
        if out and out[-1].kind == "location" and _LOCATION_WHOLE.match(
                f"{out[-1].text}, {part}"):
            out[-1].text = f"{out[-1].text}, {part}"
            continue
        out.append(_Piece(part, kind, number))
    # "Columbus", "OH" split by the comma: join back into a location.
    joined: list[_Piece] = []
    for piece in out:
        if joined and _LOCATION_WHOLE.match(f"{joined[-1].text}, {piece.text}") \
                and piece.kind in ("location", "unknown") and joined[-1].kind != "title":
            joined[-1] = _Piece(f"{joined[-1].text}, {piece.text}", "location", number)
        else:
            joined.append(piece)
    return joined


# ----------------------------------------------------------------------------------------------
# Experience blocks


@dataclass(slots=True)
class _Block:
    heads: list[_Head] = field(default_factory=list)
    bullets: list[str] = field(default_factory=list)
    more_lines: list[int] = field(default_factory=list)  # bullet and wrapped lines
    starts: list[int] = field(default_factory=list)  # the line each bullet starts on
    heading: str = ""

    def add(self, text: str, number: int) -> None:
        self.bullets.append(text)
        self.more_lines.append(number)
        self.starts.append(number)

    @property
    def dates(self) -> DateRange | None:
        return next((h.dates for h in self.heads if h.dates is not None), None)

    def has(self, kind: str) -> bool:
        return any(h.has(kind) for h in self.heads)

    @property
    def lines(self) -> list[int]:
        return sorted({h.line for h in self.heads} | set(self.more_lines))


def _is_prose(line: Line) -> bool:
    text = line.text
    words = text.split()
    ranges = None  # read only where a rule needs them: most bullets are long prose
    if len(words) <= _MAX_HEAD_WORDS * 2 and not text.endswith("."):
        ranges = find_ranges(text)
        if any(r.present or not r.single for r, _, _ in ranges):
            return False  # a header with dates: "Care Manager | Riverside | 2021 – Present"
    if len(words) > _PROSE_WORDS:
        return True
    if text[:1].islower():
        return True
    if text.endswith((".", "!", "?", ";")) and not _ABBREV_END.search(text) and len(words) > 3:
        return True
    if _VERB_START.match(text) and not (find_ranges(text) if ranges is None else ranges):
        kind = classify_phrase(text)
        return kind not in ("title", "employer", "location")
    return False


def _signals(head: _Head) -> bool:
    """Whether a header line names anything (dates, a title, an employer, a location)."""
    return head.dates is not None or any(
        p.kind in ("title", "employer", "location") for p in head.pieces)


def _conflicts(block: _Block, head: _Head) -> bool:
    """True when `head` cannot belong to the header already in `block`: a new entry starts."""
    if not block.heads:
        return False
    if len(block.heads) >= 4:
        return True
    if block.dates is not None and head.dates is not None:
        return True
    if block.has("title") and head.has("title"):
        return True
    if block.dates is None and head.dates is not None and block.has("title") \
            and not head.has("title"):
        # "Social Work Intern, Care Coordination Department" over "Riverside Hospital |
        # 2026 – Present": the department and the organisation of one job.
        return False
    return block.has("employer") and head.has("employer") and (
        block.has("title") or head.has("title"))


def _experience(lines: Sequence[tuple[Line, str]], warnings: list[str]) -> list[ExperienceEntry]:
    blocks: list[_Block] = []
    current: _Block | None = None
    last_kind = ""
    for line, heading in lines:
        text = line.text
        if current is not None and current.heading != heading:
            current = None
        if line.wrap and current is not None:
            if current.bullets and last_kind == "bullet":
                current.bullets[-1] = f"{current.bullets[-1]} {text}"
                current.more_lines.append(line.number)
                continue
            if current.heads and not current.bullets:
                head = current.heads[-1]
                current.heads[-1] = _analyse(f"{head.text} {text}", head.line)
                current.more_lines.append(line.number)
                continue
        if line.bullet or (current is not None and current.bullets and not line.bullet
                           and _is_prose(line)):
            if current is None:
                current = _Block(heading=heading)
                blocks.append(current)
            current.add(text, line.number)
            last_kind = "bullet"
            continue
        if text.endswith(":") and len(text.split()) <= 5 and find_ranges(text) == []:
            continue  # a label inside a job ("Key achievements:")
        dates_only = parse_range(text)
        if dates_only is not None:
            head = _Head([], dates_only, line.number, text)
            if current is not None and current.dates is None and not current.bullets:
                current.heads.append(head)
            else:
                current = _Block(heads=[head], heading=heading)
                blocks.append(current)
            last_kind = "head"
            continue
        if _is_prose(line):
            if current is None:
                current = _Block(heading=heading)
                blocks.append(current)
            current.add(text, line.number)
            last_kind = "bullet"
            continue
        head = _analyse(text, line.number)
        if current is not None and current.bullets and not _signals(head):
            current.add(text, line.number)  # a short description line without bullet glyph
            last_kind = "bullet"
            continue
        if current is None or current.bullets or _conflicts(current, head):
            current = _Block(heading=heading)
            blocks.append(current)
        current.heads.append(head)
        last_kind = "head"
    return _resolve_blocks(blocks, warnings)


def _resolve_blocks(blocks: list[_Block], warnings: list[str]) -> list[ExperienceEntry]:
    entries: list[ExperienceEntry] = []
    group: tuple[str, str | None] | None = None  # employer heading a run of roles
    for index, block in enumerate(blocks):
        if index and blocks[index - 1].heading != block.heading:
            group = None
        pieces = [p for h in block.heads for p in h.pieces]
        titles = [p for p in pieces if p.kind == "title"]
        employers = [p for p in pieces if p.kind == "employer"]
        locations = [p for p in pieces if p.kind == "location"]
        qualifiers = [p for p in pieces if p.kind == "qualifier"]
        unknown = [p for p in pieces if p.kind == "unknown"]
        nxt = blocks[index + 1] if index + 1 < len(blocks) else None
        # An employer line of its own over several roles: "Riverside Health, Columbus OH".
        if (not titles and not block.bullets and (employers or unknown) and nxt is not None
                and nxt.heading == block.heading
                and any(p.kind == "title" for h in nxt.heads for p in h.pieces)
                and not any(p.kind == "employer" for h in nxt.heads for p in h.pieces)):
            group = ((employers or unknown)[0].text, locations[0].text if locations else None)
            continue
        first_line = block.heads[0].line if block.heads else (
            block.starts[0] if block.starts else 0)
        title = titles[0].text if titles else None
        employer = employers[0].text if employers else None
        extra: list[str] = [p.text for p in titles[1:]] + [p.text for p in employers[1:]]
        if employer is None and group is not None and title is not None and not unknown:
            employer = group[0]
            if not locations and group[1]:
                locations = [_Piece(group[1], "location", first_line)]
        elif employers and titles and employers[0].line < titles[0].line:
            # The employer on a line of its own above the title: later roles without an
            # employer line are held at the same employer (a promotion).
            own = [p for p in locations if p.line == employers[0].line]
            group = (employers[0].text, own[0].text if own else None)
        else:
            group = None
        by_order = title is None and employer is None and len(unknown) >= 1
        for piece in unknown:
            if title is None and (employer is not None or by_order):
                title = piece.text
            elif employer is None:
                employer = piece.text
            else:
                extra.append(piece.text)
        if by_order:
            shown = " / ".join(p.text for p in unknown[:2])
            warnings.append(f"line {unknown[0].line}: could not tell title from employer in "
                            f"'{shown}'; read them in order (title first)")
        for piece in qualifiers:
            if title is not None:
                title = f"{title}, {piece.text}"
            elif employer is not None:
                employer = f"{employer}, {piece.text}"
            else:
                title = piece.text
        if title is None and employer is None and block.heads:
            warnings.append(f"line {first_line}: found no job title or employer")
        elif block.heads and title is None:
            warnings.append(f"line {first_line}: found no job title for '{employer}'")
        elif not block.heads:
            warnings.append(f"line {first_line}: bullets without a job title or employer above "
                            f"them")
        if block.heads and block.dates is None:
            warnings.append(f"line {first_line}: found no dates for "
                            f"'{title or employer or 'this entry'}'")
        entries.append(ExperienceEntry(
            title=title,
            employer=employer,
            location=", ".join(p.text for p in locations[:1]) or None,
            dates=block.dates,
            bullets=tuple(block.bullets),
            lines=tuple(block.lines),
            heading=block.heading,
            extra=tuple(extra + [p.text for p in locations[1:]]),
            bullet_lines=tuple(block.starts),
        ))
    return entries


# ----------------------------------------------------------------------------------------------
# Education


@dataclass(slots=True)
class _School:
    degree: str | None = None
    area: str | None = None
    institution: str | None = None
    location: str | None = None
    dates: DateRange | None = None
    details: list[str] = field(default_factory=list)
    lines: list[int] = field(default_factory=list)


def _degree_parts(text: str) -> tuple[str, str | None]:
    match = _FIELD.match(text)
    if match is None:
        return text, None
    kind = match["type"].strip()
    if not _DEGREE.search(kind):
        return text, None
    abbr = match["abbr"]
    area = match["field"].strip()
    return kind, (f"{area} {abbr}" if abbr else area)


def _education(lines: Sequence[tuple[Line, str]], warnings: list[str]) -> list[EducationEntry]:
    schools: list[_School] = []
    current: _School | None = None
    for line, _heading in lines:
        text = line.text
        if line.wrap and current is not None and current.details:
            current.details[-1] = f"{current.details[-1]} {text}"
            current.lines.append(line.number)
            continue
        dates_only = parse_range(text)
        if dates_only is not None:
            if current is not None and current.dates is None:
                current.dates = dates_only
                current.lines.append(line.number)
            else:
                current = _School(dates=dates_only, lines=[line.number])
                schools.append(current)
            continue
        best = _best_range(text)
        rest = text
        dates = None
        if best is not None:
            dates = best[0]
            rest = _cut(text, best[1], best[2])
        chunks = [_clean(c) for c in _STRONG_SPLIT.split(rest) if _clean(c)]
        parts: list[tuple[str, str]] = []
        for chunk in chunks:
            for part in _edu_parts(chunk):
                parts.append(part)
        has_degree = any(k == "degree" for k, _ in parts)
        has_school = any(k == "institution" for k, _ in parts)
        if line.bullet or not (has_degree or has_school):
            if current is None:
                current = _School()
                schools.append(current)
            current.details.append(text)
            current.lines.append(line.number)
            if dates is not None and current.dates is None and not line.bullet:
                current.dates = dates
            continue
        if (current is None or (has_degree and current.degree is not None)
                or (has_school and current.institution is not None and current.degree is not None)
                or (current.details and not current.degree and not current.institution)):
            current = _School()
            schools.append(current)
        current.lines.append(line.number)
        if dates is not None and current.dates is None:
            current.dates = dates
        for kind, value in parts:
            if kind == "degree" and current.degree is None:
                current.degree, current.area = _degree_parts(value)
            elif kind == "institution" and current.institution is None:
                current.institution = value
            elif kind == "location" and current.location is None:
                current.location = value
            else:
                current.details.append(value)
    out = []
    for school in schools:
        if school.degree is None and school.institution is None and school.lines:
            warnings.append(f"line {school.lines[0]}: found no degree or school in the "
                            f"education section line")
        out.append(EducationEntry(
            degree=school.degree, field=school.area, institution=school.institution,
            location=school.location, dates=school.dates, details=tuple(school.details),
            lines=tuple(sorted(set(school.lines))),
        ))
    return out


def _edu_parts(chunk: str) -> list[tuple[str, str]]:
    """Comma parts of an education chunk as (kind, text): degree, institution, location,
    other. The degree keeps its field ("Bachelor of Science in Nursing")."""
    tail = _LOCATION_TAIL.search(chunk)
    location = None
    if tail is not None and tail.start() > 0:
        location = (tail["loc"] or tail["loc2"] or "").strip()
        chunk = _clean(chunk[: tail.start()])
    if _LOCATION_WHOLE.match(chunk):
        return [("location", chunk)]
    out: list[tuple[str, str]] = []
    for part in split_commas(chunk):
        degree_at = _DEGREE.search(part)
        school_at = _INSTITUTION.search(part)
        if school_at is not None and (degree_at is None or school_at.start() < degree_at.start()
                                      or " from " in part):
            kind = "institution"
        elif degree_at is not None or (_CREDENTIAL.match(part) and part.isupper()):
            kind = "degree"
        elif _LOCATION_WHOLE.match(part):
            kind = "location"
        elif out and out[-1][0] == "degree" and not re.search(
                r"\d|GPA|honou?rs|cum laude|minor", part, re.IGNORECASE):
            # "BSN, Nursing" or "Bachelor of Science, Nursing": the field.
            degree = out[-1][1]
            out[-1] = ("degree", f"{degree} in {part}" if " in " not in degree
                       else f"{degree}, {part}")
            continue
        elif out and out[-1][0] == "location" and _LOCATION_WHOLE.match(f"{out[-1][1]}, {part}"):
            out[-1] = ("location", f"{out[-1][1]}, {part}")
            continue
        else:
            kind = "other"
        out.append((kind, part))
    if location:
        out.append(("location", location))
    return out


# ----------------------------------------------------------------------------------------------
# Certifications and licences


def _certifications(lines: Sequence[tuple[Line, str]]) -> list[CertificationEntry]:
    texts: list[tuple[str, list[int]]] = []
    for line, _heading in lines:
        if line.wrap and texts:
            texts[-1] = (f"{texts[-1][0]} {line.text}", [*texts[-1][1], line.number])
            continue
        for raw in re.split(r"\s*(?:\||•|·|;|\u2022)\s*", line.text):
            item = _clean(raw)
            if not item:
                continue
            for single in _cert_list(item):
                texts.append((single, [line.number]))
    return [_certification(text, numbers) for text, numbers in texts]


def _cert_list(item: str) -> list[str]:
    """"CCM, BLS, ACLS" is three credentials; "RN, State of Ohio, #123" is one."""
    parts = split_commas(item)
    if len(parts) < 2:
        return [item]
    for part in parts:
        if (re.search(r"\d|#", part) or _ISSUER.search(part) or _STATE_OF.search(part)
                or _LOCATION_WHOLE.match(part) or len(part.split()) > 5
                or (_CREDENTIAL.match(part) and part in _STATES)):
            return [item]
    return parts


def _certification(text: str, numbers: list[int]) -> CertificationEntry:
    issued: DateRange | None = None
    expires: DateRange | None = None
    rest = text
    for rng, start, end in reversed(find_ranges(text)):
        window = max(0, start - 40)
        lead = _EXPIRES.search(text[window:start])
        if lead is not None and expires is None:
            expires = rng
            rest = rest[: window + lead.start()] + rest[end:]
        elif issued is None:
            issued = rng
            rest = rest[:start] + rest[end:]
    number_match = _NUMBER.search(text)
    number = number_match["num"].rstrip(".") if number_match else None
    parts = [p for p in (_clean(x) for x in split_commas(_clean(rest))) if p]
    if len(parts) <= 1:
        split = re.split(r"\s+[-–—]\s+|\s+(?:from|by|through|via)\s+", _clean(rest), maxsplit=1)
        parts = [_clean(p) for p in split if _clean(p)]
    name = parts[0] if parts else _clean(text)
    issuer = next((p for p in parts[1:] if _ISSUER.search(p) and not _NUMBER.search(p)), None)
    state: str | None = None
    for state_match in _STATE_OF.finditer(text):
        if state_match["state"] or state_match["abbr"] in _STATES:
            state = state_match["state"] or state_match["abbr"]
            break
    else:
        state = next((part for part in parts[1:] if part in _STATES), None)
    if state is None:
        abbr = re.search(r"(?<![\w.#-])(" + "|".join(k for k in _STATES if k not in (
            "ON", "OR", "IN", "ME", "OK", "HI")) + r")(?![\w-])", text[len(name):])
        if abbr is not None:
            state = abbr.group(1)
    after = text[len(name):] if text.startswith(name) else text
    detail = _clean(after) or None
    return CertificationEntry(
        name=name,
        issuer=issuer,
        detail=detail,
        license=_LICENSE.search(name) is not None,
        state=state,
        number=number,
        issued=issued,
        expires=expires,
        lines=tuple(numbers),
    )


# ----------------------------------------------------------------------------------------------
# Skills, contact, summary


_SKILL_LABELS = frozenset("""
software tools technology technologies technical clinical computer systems ehr ehrs
certifications languages skills core competencies other soft hard interpersonal
""".split())


def split_skills(text: str) -> list[str]:
    """One skills line as items: split on · • | ; and on commas outside parentheses; a short
    "Label:" in front ("Clinical: ...", or "Software | ...") is dropped."""
    label = _LABEL.match(text)
    if label is not None and len(label["label"].split()) <= 4:
        text = label["rest"]
    else:
        first, bar, rest = text.partition("|")
        if bar and rest.strip() and all(w in _SKILL_LABELS for w in _words(first)) \
                and _words(first):
            text = rest
    items: list[str] = []
    for chunk in re.split(r"\s*(?:\||•|·|;|\u2022|\s[-–—]\s)\s*", text):
        for raw in split_commas(chunk):
            part = _clean(raw.strip().rstrip("."))
            if part and re.search(r"\w", part):
                items.append(part)
    return items


def _contact(lines: Sequence[Line]) -> Contact:
    name: str | None = None
    credentials: tuple[str, ...] = ()
    headline: list[str] = []
    email = phone = location = None
    urls: list[str] = []
    used: list[int] = []
    for line in lines:
        pieces = [p.strip() for p in _CONTACT_SPLIT.split(line.text) if p.strip()]
        touched = False
        for piece in pieces:
            rest = piece
            for found in _EMAIL.findall(rest):
                email = email or found
                rest = rest.replace(found, " ")
            for found in _URL.findall(rest):
                if "@" in found:
                    continue
                cleaned = found.rstrip(".,;)")
                if cleaned not in urls:
                    urls.append(cleaned)
                rest = rest.replace(found, " ")
            phone_match = _PHONE.search(rest)
            if phone_match is not None:
                phone = phone or phone_match.group(0).strip()
                rest = rest.replace(phone_match.group(0), " ")
            rest = _clean(re.sub(r"(?i)\b(?:email|e-mail|phone|tel|cell|mobile|linkedin)\s*:",
                                 " ", rest))
            if not rest:
                touched = True
                continue
            if location is None and (_LOCATION_WHOLE.match(rest) or (
                    looks_like_contact(rest) and re.search(r"\d", rest))):
                location = rest
                touched = True
                continue
            if name is None and _name_like(rest):
                name, credentials = _split_name(rest)
                touched = True
                continue
            if name is not None and len(rest.split()) <= 10:
                headline.append(rest)
                touched = True
        if touched:
            used.append(line.number)
    urls.sort(key=lambda u: "linkedin" not in u.lower())
    return Contact(
        name=name, credentials=credentials, headline=" | ".join(headline) or None,
        email=email, phone=phone, location=location, urls=tuple(urls), lines=tuple(used),
    )


def _name_like(text: str) -> bool:
    base = text.split(",", maxsplit=1)[0].strip()
    words = base.split()
    if not 1 < len(words) <= 5 or re.search(r"\d|@", base):
        return False
    if classify_phrase(base) in ("employer", "location"):
        return False
    return all(w[:1].isupper() or w in ("de", "van", "von", "da", "del", "la", "le", "bin")
               for w in words)


def _split_name(text: str) -> tuple[str, tuple[str, ...]]:
    parts = [p.strip() for p in text.split(",")]
    name = parts[0]
    credentials: list[str] = []
    for part in parts[1:]:
        tokens = part.split()
        if tokens and all(_CREDENTIAL.match(t.strip(".")) for t in tokens):
            credentials += [t.strip() for t in tokens]
        else:
            name = f"{name}, {part}"  # "Rivera, Jr." and the like stay in the name
    return name, tuple(credentials)


# ----------------------------------------------------------------------------------------------
# The whole resume


_OTHER_KINDS = (
    ("memberships", re.compile(r"(?i)affiliation|membership|association|organi[sz]ation|"
                               r"professional societ")),
    ("awards", re.compile(r"(?i)award|honou?r|achievement|recognition|accomplishment")),
    ("languages", re.compile(r"(?i)language")),
    ("volunteer", re.compile(r"(?i)volunteer|community (?:service|involvement)|service")),
    ("publications", re.compile(r"(?i)publication|presentation|poster|research|conference")),
    ("interests", re.compile(r"(?i)interest|hobb|activit")),
    ("references", re.compile(r"(?i)reference")),
    ("projects", re.compile(r"(?i)project")),
)


def other_kind(heading: str) -> str | None:
    """What an "other" section holds, from its heading: "memberships", "awards", "languages",
    "volunteer", "publications", "interests", "references", "projects", or None."""
    for kind, pattern in _OTHER_KINDS:
        if pattern.search(heading):
            return kind
    return None


def read_entries(resume: ResumeText) -> ResumeEntries:
    """Read a resume's entries: contact details, summary, jobs, schools, credentials, skills.

    Args:
        resume: a resume read by tailor.extract (its lines carry sections and bullets).

    Returns:
        The entries, in resume order, with warnings ("line 14: could not tell title from
        employer in 'Acme'; read it as the employer") for what was guessed or left out. Never
        raises on odd content.
    """
    by_section: dict[Section, list[tuple[Line, str]]] = {s: [] for s in Section}
    heading = ""
    contact_lines: list[Line] = []
    for line in resume.lines:
        if line.heading:
            heading = line.text.rstrip(":").strip()
            continue
        if line.section is Section.CONTACT or (
                line.source is Source.HEADER and looks_like_contact(line.text)):
            contact_lines.append(line)
            if line.section is Section.CONTACT:
                continue
        by_section[line.section].append((line, heading))
    warnings: list[str] = []
    experience = _experience(by_section[Section.EXPERIENCE], warnings)
    education = _education(by_section[Section.EDUCATION], warnings)
    certifications = _certifications(by_section[Section.CERTIFICATIONS])
    skills: list[str] = []
    languages: list[str] = []
    for line, _heading in by_section[Section.SKILLS]:
        label = _LABEL.match(line.text)
        items = split_skills(line.text)
        if label is not None and _LANGUAGE_WORDS.search(label["label"]):
            languages += items
        else:
            skills += items
    other: list[OtherEntry] = []
    sub_heading: str | None = None
    last_heading: str | None = None
    for line, real in by_section[Section.OTHER]:
        if line.source in (Source.FOOTER, Source.HEADER, Source.FOOTNOTE, Source.ENDNOTE) \
                and not real:
            continue
        if real != last_heading:
            last_heading, sub_heading = real, None
        if len(line.text.split()) <= 4 and not line.bullet \
                and heading_section(line.text, bold=True) is not None:
            # "References" or "Hobbies" without a heading's look: a heading all the same.
            sub_heading = line.text.rstrip(":").strip()
            continue
        head = sub_heading or real
        if other_kind(head) == "languages":
            languages += split_skills(line.text)
            continue
        best = _best_range(line.text)
        if line.wrap and other:
            last = other[-1]
            other[-1] = OtherEntry(last.heading, f"{last.text} {line.text}", last.line,
                                   last.dates)
            continue
        other.append(OtherEntry(head, line.text, line.number, best[0] if best else None))
    summary = " ".join(line.text for line, _ in by_section[Section.SUMMARY])
    return ResumeEntries(
        contact=_contact(contact_lines),
        summary=summary,
        experience=tuple(experience),
        education=tuple(education),
        certifications=tuple(certifications),
        skills=tuple(_unique(skills)),
        languages=tuple(_unique(languages)),
        other=tuple(other),
        warnings=tuple(warnings),
    )


def _unique(items: Iterable[str]) -> list[str]:
    seen: set[str] = set()
    out: list[str] = []
    for item in items:
        key = item.casefold()
        if key not in seen:
            seen.add(key)
            out.append(item)
    return out
