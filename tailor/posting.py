"""Job postings: what an ad asks for (catalog terms and its own), required or preferred."""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from tailor.errors import InputError
from tailor.extract import read_resume, read_resume_bytes
from tailor.match import build_matcher
from tailor.models import (
    Catalog,
    Category,
    CheckResult,
    Coverage,
    Evidence,
    JobMatch,
    Keyword,
    KeywordResult,
    Line,
    PostingTerm,
    ResumeText,
    Section,
    Status,
    Weight,
)
from tailor.nlp import build_pipeline
from tailor.sections import heading_key

MIN_WORDS = 15
MAX_WORDS = 20_000
MAX_OWN_TERMS = 20

# Posting sections, as employers head them. Terms under ABOUT, BENEFITS and EEO describe the
# employer, not the job, and are not asked of the applicant.
DUTIES, REQUIRED, PREFERRED, QUALIFICATIONS, ABOUT, BENEFITS, EEO = (
    "duties", "required", "preferred", "qualifications", "about", "benefits", "eeo")
_IGNORED = {ABOUT, BENEFITS, EEO}
POSTING_HEADINGS: dict[str, str] = {
    **dict.fromkeys([
        "responsibilities", "key responsibilities", "duties", "duties and responsibilities",
        "essential duties", "essential duties and responsibilities", "essential functions",
        "job duties", "job responsibilities", "what you will do", "what you ll do",
        "what you'll do", "your role", "the role", "about the role", "role overview",
        "position summary", "job summary", "summary", "overview", "position overview",
        "primary responsibilities", "principal duties", "major responsibilities",
        "a day in the life", "how you will make an impact", "what you ll be doing",
        "job description", "position description", "description",
    ], DUTIES),
    **dict.fromkeys([
        "requirements", "required qualifications", "minimum qualifications",
        "basic qualifications", "must have", "must haves", "what you need", "required",
        "required skills", "required experience", "required education", "minimum requirements",
        "job requirements", "position requirements", "required skills and experience",
        "licensure required", "required licensure", "requirements and qualifications",
        "minimum education and experience", "what we require", "you must have",
    ], REQUIRED),
    **dict.fromkeys([
        "preferred qualifications", "preferred", "nice to have", "nice to haves",
        "bonus points", "desired qualifications", "additional qualifications",
        "preferred skills", "preferred experience", "pluses", "desired skills",
        "preferred education", "it would be great if you have", "bonus",
    ], PREFERRED),
    **dict.fromkeys([
        "qualifications", "skills", "education", "experience", "education and experience",
        "knowledge skills and abilities", "knowledge, skills and abilities", "licensure",
        "certifications", "licensure and certification", "licenses and certifications",
        "who you are", "what you bring", "skills and qualifications",
        "qualifications and skills", "competencies", "about you", "your qualifications",
        "ideal candidate", "the ideal candidate",
    ], QUALIFICATIONS),
    **dict.fromkeys([
        "about us", "about the company", "who we are", "our mission", "company overview",
        "our company", "about the organization", "our story", "why us", "the company",
    ], ABOUT),
    **dict.fromkeys([
        "benefits", "perks", "what we offer", "compensation", "pay", "salary",
        "why join us", "total rewards", "compensation and benefits", "benefits and perks",
        "pay range", "salary range", "our benefits",
    ], BENEFITS),
    **dict.fromkeys([
        "equal opportunity", "equal opportunity employer", "eeo", "eeo statement",
        "accommodations", "disclaimer", "diversity", "diversity and inclusion",
    ], EEO),
}

_PREFERRED_MARKERS = re.compile(
    r"\b(preferred|a plus|is a plus|nice to have|desired|desirable|bonus|an asset|ideally|"
    r"advantageous|helpful|beneficial|would be great)\b", re.IGNORECASE)
_REQUIRED_MARKERS = re.compile(
    r"\b(required|requires?|must|mandatory|minimum|essential|necessary)\b", re.IGNORECASE)
_EEO_LINE = re.compile(r"equal opportunity|without regard to|veteran status|reasonable "
                       r"accommodation|e-verify", re.IGNORECASE)
_CLAUSE = re.compile(r"(?<=[;.!?])\s+|;\s*")
_TITLE_FIELD = re.compile(r"^(?:job title|position title|position|title|role|job)\s*[:\-–]\s*"
                          r"(?P<title>.+)$", re.IGNORECASE)
_ORG_FIELD = re.compile(r"^(?:company|organization|organisation|employer|hiring organization|"
                        r"department)\s*[:\-–]\s*(?P<org>.+)$", re.IGNORECASE)
_ORG_PHRASE = re.compile(r"^(?P<org>[A-Z][\w&.'-]*(?:\s+[A-Z&][\w&.'-]*){0,6})\s+(?:is|are)\s+"
                         r"(?:a|an|the|seeking|hiring|looking)\b")
_ABOUT_ORG = re.compile(r"^about\s+(?P<org>(?!us\b|the\b|you\b|our\b)[A-Z].{1,60})$",
                        re.IGNORECASE)
_ROLE_NOUN = re.compile(
    r"\b(manager|coordinator|nurse|navigator|worker|specialist|director|supervisor|lead|"
    r"planner|reviewer|associate|assistant|analyst|rn|lpn|lcsw|msw|advocate|consultant|"
    r"practitioner|therapist|counselor|case manager|care manager)\b", re.IGNORECASE)
_SEEKING = re.compile(r"\b(?:hiring|seeking|looking for|searching for)\s+(?:an?\s+)?"
                      r"(?P<title>(?:[A-Z][\w/-]*\s+){0,5}?(?:[A-Z][\w/-]*)?\s*"
                      r"(?:Manager|Coordinator|Nurse|Navigator|Worker|Specialist|Director|"
                      r"Supervisor|Planner))\b")
# "Medicare and Medicaid regulations", "communication, organizational and time-management
# skills": a list of modifiers sharing one head noun, distributed into "Medicare regulations",
# "Medicaid regulations" so each can meet its catalog entry.
_HEADS = ("skills|regulations|experience|knowledge|processes|systems|software|programs|"
          "certification|certifications|abilities|principles|standards|guidelines|"
          "requirements|platforms|populations|care|management|planning|settings")
_MODIFIER = r"[\w'/-]+(?:\s[\w'/-]+)?"
_COORDINATED = re.compile(
    rf"(?P<mods>(?:{_MODIFIER},\s+)*{_MODIFIER},?\s+(?:and|or|&|and/or)\s+{_MODIFIER})"
    rf"\s+(?P<head>{_HEADS})\b", re.IGNORECASE)
# "Bachelor's degree in Nursing or Social Work" → "... in Nursing", "... in Social Work".
_DEGREE_FIELDS = re.compile(
    r"(?P<degree>(?:bachelor|master|associate|doctor)(?:'s|s)?(?:\s+degree)?)\s+in\s+"
    r"(?P<fields>[A-Z][\w-]*(?:\s[A-Z][\w-]*)?(?:,\s+[A-Z][\w-]*(?:\s[A-Z][\w-]*)?)*,?"
    r"\s+(?:or|and|and/or)\s+[A-Za-z][\w-]*(?:\s[A-Z][\w-]*)?)", re.IGNORECASE)
_LEADING = frozenset({"of", "in", "with", "and", "or", "the", "a", "an", "to", "for", "on",
                      "excellent", "strong", "good", "effective", "proven", "demonstrated",
                      "solid", "working", "basic", "advanced", "superior", "exceptional"})
_NUMBER_WORDS = ("one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|"
                 "fourteen|fifteen")
_YEARS = re.compile(rf"(?P<n>\d{{1,2}}|{_NUMBER_WORDS})\+?\s*(?:\(\d{{1,2}}\)\s*)?"
                    r"(?:or more\s+)?years?\s+(?:of\s+)?"
                    r"(?P<what>[\w ,/&-]{0,60}?)\s*experience", re.IGNORECASE)
_JUNK = re.compile(r"cookies|search results|show on map|apply now|sign in|log in|share this|"
                   r"#alert|req\s*#|job id|posted|back to", re.IGNORECASE)
_GLUED = re.compile(r"[a-z][A-Z]")  # "inPortland": words run together by a web scraper

# Words that say nothing about a skill on their own: they end or trim candidate phrases.
_GENERIC = frozenset("""
ability abilities experience experienced knowledge skill skills year years month months work
working strong excellent effective proven demonstrated good solid understanding familiarity
proficiency proficient preferred prefer required require requirement requirements
qualification qualifications minimum plus candidate candidates position role job including
etc various new current other related relevant appropriate must may will within across per
day days hour hours time level high highly strongly least equivalent field area areas
environment setting settings opportunity opportunities company organization employer
employee employees valid reliable occasional ensure ensuring able willing excellent basic
advanced working key primary essential general overall additional ideal ideally successful
success responsible responsibility responsibilities duty duties expectation expectations us
you your our we they their english fast-paced pace paced dynamic team-oriented self start
self-starter ability multiple various variety wide range plus bonus asset need needs include
includes included detail detail-oriented oriented organizational communication
time-management interpersonal written verbal oral state states city county patient patients
member members client clients individual individuals people person family families remote
""".split()) | frozenset(w.lower() for w in """
Alabama Alaska Arizona Arkansas California Colorado Connecticut Delaware Florida Georgia Hawaii
Idaho Illinois Indiana Iowa Kansas Kentucky Louisiana Maine Maryland Massachusetts Michigan
Minnesota Mississippi Missouri Montana Nebraska Nevada Hampshire Jersey Mexico York Carolina
Dakota Ohio Oklahoma Oregon
Pennsylvania Rhode Island Tennessee Texas Utah Vermont Virginia Washington Wisconsin Wyoming
northeast northwest southeast southwest north south east west
""".split())
# Verbs that open duty bullets; they end a phrase rather than start one.
_VERBS = frozenset("""
conduct develop coordinate provide ensure collaborate maintain perform participate assist
manage identify educate facilitate serve complete communicate promote implement evaluate
assess advocate arrange utilize use demonstrate possess hold obtain track close update
partner connect improve reduce deliver establish prepare respond apply include require
prefer work help build create engage adhere comply attend function contribute determine
recommend refer document support lead oversee review monitor plan schedule act maintain
conducts develops coordinates provides ensures collaborates maintains performs participates
""".split())
_KEEP_SINGLE = frozenset({"bilingual", "spanish", "interqual", "milliman", "mcg", "hedis",
                          "cpr", "bls", "acls", "nclex", "medication reconciliation"})


@dataclass(frozen=True, slots=True)
class PostingRequest:
    """One thing a posting asks for, before it is compared with a resume."""

    term: str
    required: bool
    keyword: Keyword
    catalog: bool
    line: str
    alternatives: tuple[Keyword, ...] = ()  # "RN or LCSW": any one of them answers it


@dataclass(frozen=True, slots=True)
class Posting:
    """A job posting read and understood.

    Attributes:
        file: its file name.
        title, organization: as found in the posting, else None.
        requests: what it asks for: catalog keywords (in the posting's words) and its own terms.
        notes: remarks for the reader (experience years it asks for, what was ignored...).
    """

    file: str
    title: str | None
    organization: str | None
    requests: tuple[PostingRequest, ...]
    notes: tuple[str, ...]

    @property
    def catalog_ids(self) -> frozenset[str]:
        """Ids of the catalog keywords the posting names."""
        return frozenset(kw.id for r in self.requests if r.catalog
                         for kw in (r.keyword, *r.alternatives))

    @property
    def own_keywords(self) -> tuple[Keyword, ...]:
        """The posting's own terms as keywords, for matching against resumes."""
        return tuple(r.keyword for r in self.requests if not r.catalog)


def read_posting(path: str | os.PathLike[str], catalog: Catalog) -> Posting:
    """Read a job posting (.txt, .md, .docx or .pdf) and find what it asks for.

    Raises:
        InputError: the file cannot be read, holds too few or too many words to be a job ad,
            or is not in English.
    """
    return parse_posting(read_resume(path), catalog, label=str(path))


def read_posting_bytes(data: bytes, name: str, catalog: Catalog) -> Posting:
    """read_posting for bytes already in memory."""
    return parse_posting(read_resume_bytes(data, name), catalog, label=name)


def _kind_of_heading(text: str) -> str | None:
    if text.rstrip().endswith((".", ";", ",")):
        return None
    key = heading_key(text)
    if len(key.split()) > 8:
        return None
    if key in POSTING_HEADINGS:
        return POSTING_HEADINGS[key]
    if key.startswith(("about ", "who is ", "why ", "working at ", "life at ")):
        return ABOUT
    for prefix in ("required", "minimum", "preferred", "desired", "nice to have"):
        if key.startswith(prefix) and len(key.split()) <= 8:
            return REQUIRED if prefix in ("required", "minimum") else PREFERRED
    return None


def _english(words: Sequence[str]) -> bool:
    """True when enough of the words are English function words (any real English prose is)."""
    from spacy.lang.en.stop_words import STOP_WORDS

    sample = [w.lower() for w in words[:3000] if w.isalpha()]
    if len(sample) < 30:
        return True
    share = sum(w in STOP_WORDS for w in sample) / len(sample)
    return share >= 0.12


def parse_posting(text: ResumeText, catalog: Catalog, *, label: str | None = None) -> Posting:
    """Understand a posting already read by tailor.extract.

    Args:
        text: the posting's lines.
        catalog: the keyword catalog (every entry counts, whatever the level).
        label: the name to use in error messages (the path as given).
    """
    name = label or text.name
    words = text.text.split()
    if len(words) < MIN_WORDS:
        raise InputError(name, f"holds only {len(words)} words; paste the whole job ad "
                               "(duties and qualifications) into the file")
    if len(words) > MAX_WORDS:
        raise InputError(name, f"holds {len(words):,} words, far more than a job ad; "
                               "save just the ad in its own file")
    if not _english(words):
        raise InputError(name, "does not look like English; tailor's keyword catalog and "
                               "phrase rules are English, so use the English version of the ad")

    lines = text.lines
    kinds: list[str | None] = []
    current: str | None = None
    headed = any(len(ln.text) <= 80 and _kind_of_heading(ln.text) for ln in lines)
    for line in lines:
        heading = _kind_of_heading(line.text) if len(line.text) <= 80 else None
        if heading is not None:
            current = heading
            kinds.append(None)
        elif _EEO_LINE.search(line.text):
            kinds.append(EEO)
        elif current is None:
            # Before the first heading: the ad's title, employer and location (ignored), or,
            # in an ad without headings, the whole text.
            kinds.append(ABOUT if headed else DUTIES)
        else:
            kinds.append(current)

    title, title_line = _find_title(lines)
    organization = _find_organization(lines, title_line)
    counted = [(line, kind) for line, kind in zip(lines, kinds, strict=True)
               if kind is not None and kind not in _IGNORED and line.number != title_line]

    requests: dict[str, PostingRequest] = {}
    spans: dict[int, list[tuple[int, int]]] = {}
    searched: list[Line] = []
    for line, _ in counted:
        searched.append(line)
        searched += [line._replace(text=phrase) for phrase in distribute(line.text)]
    results = build_matcher(catalog.keywords).find(searched)
    kind_by_number = {line.number: kind for line, kind in counted}
    line_by_number = {line.number: line for line, _ in counted}
    hits: list[tuple[KeywordResult, Evidence, int, int]] = []
    for result in results:
        for ev in result.evidence:
            line = line_by_number[ev.line]
            start, end = _locate(line.text, ev.matched)
            if start >= 0:
                spans.setdefault(ev.line, []).append((start, end))
            hits.append((result, ev, start, end))
    for result, ev, start, end in hits:
        if _shadowed(result.keyword, ev.line, start, end, hits):
            continue  # "Bachelor of Science" inside "Bachelor of Science in Nursing"
        line = line_by_number[ev.line]
        required = _clause_required(line.text, max(start, 0), kind_by_number[ev.line])
        _add(requests, result.keyword.id, PostingRequest(
            term=_wording(ev.matched, result.keyword), required=required,
            keyword=result.keyword, catalog=True, line=line.text))

    for number, (phrase, required, line_text) in enumerate(
            _own_terms(counted, spans, catalog), start=1):
        keyword = Keyword(
            id=f"posting-{number}", term=phrase, aliases=(), category=Category.TECHNICAL_SKILL,
            weight=Weight.REQUIRED if required else Weight.PREFERRED, levels=(),
            source="the job posting", suggestion="", section=Section.EXPERIENCE,
        )
        _add(requests, f"own:{phrase.lower()}", PostingRequest(
            term=phrase, required=required, keyword=keyword, catalog=False, line=line_text))

    notes = []
    for line, _ in counted:
        for m in _YEARS.finditer(line.text):
            what = " ".join(m.group("what").split()).strip(" ,") or "relevant"
            notes.append(f"asks for {m.group('n').lower()}+ years of {what} experience: "
                         "make your job titles and dates show it")
    ordered = sorted(_merge_alternatives(list(requests.values())),
                     key=lambda r: (not r.required, not r.catalog))
    return Posting(file=text.name, title=title, organization=organization,
                   requests=tuple(ordered), notes=tuple(dict.fromkeys(notes)))


def _locate(text: str, matched: str) -> tuple[int, int]:
    """Where a match lies in its line; a match in a distributed phrase ("Medicaid regulations")
    is placed at its longest tail found in the line ("Medicaid"), or (-1, -1)."""
    words = matched.split()
    low = text.lower()
    for i in range(len(words)):
        tail = " ".join(words[i:])
        at = low.find(tail.lower())
        if at >= 0 and tail:
            return at, at + len(tail)
    return -1, -1


def _shadowed(keyword: Keyword, line: int, start: int, end: int,
              hits: Sequence[tuple[KeywordResult, Evidence, int, int]]) -> bool:
    """True when a longer match of another entry of the same group covers this one."""
    if not keyword.group or start < 0:
        return False
    return any(
        other.keyword.group == keyword.group and other.keyword.id != keyword.id
        and ev.line == line and s <= start and end <= e and (e - s) > (end - start)
        for other, ev, s, e in hits)


def distribute(text: str) -> list[str]:
    """Phrases hidden in coordinated lists: "Medicare and Medicaid regulations" gives
    "Medicare regulations" and "Medicaid regulations"."""
    out = []
    for m in _DEGREE_FIELDS.finditer(text):
        for piece in re.split(r",\s*(?:and\s+|or\s+)?|\s+(?:and/or|and|or|&)\s+",
                              m.group("fields")):
            if piece.strip():
                out.append(f"{m.group('degree')} in {piece.strip()}")
    for m in _COORDINATED.finditer(text):
        parts = re.split(r",\s*(?:and\s+|or\s+)?|\s+(?:and/or|and|or|&)\s+", m.group("mods"))
        for piece in parts:
            words = piece.split()
            while words and words[0].lower() in _LEADING:
                words.pop(0)
            if words:
                out.append(f"{' '.join(words)} {m.group('head')}")
    return out


def _merge_alternatives(requests: list[PostingRequest]) -> list[PostingRequest]:
    """Entries of one catalog group named on one posting line are alternatives: "Active RN or
    LCSW license", "Epic, Cerner or Meditech" ask for one of them, not all."""
    out: list[PostingRequest] = []
    merged: dict[tuple[str, str], int] = {}
    for request in requests:
        group = request.keyword.group if request.catalog else None
        key = (group or "", request.line)
        if group and key in merged:
            first = out[merged[key]]
            out[merged[key]] = PostingRequest(
                term=f"{first.term} or {request.term}",
                required=first.required or request.required, keyword=first.keyword,
                catalog=True, line=first.line,
                alternatives=(*first.alternatives, request.keyword))
            continue
        if group:
            merged[key] = len(out)
        out.append(request)
    return out


def _add(requests: dict[str, PostingRequest], key: str, request: PostingRequest) -> None:
    """Keep one request per term; asked for as required anywhere makes it required."""
    previous = requests.get(key)
    if previous is None or (request.required and not previous.required):
        requests[key] = request


def _wording(matched: str, keyword: Keyword) -> str:
    """The posting's own words for a catalog term, unless they are only a fragment of it."""
    words = " ".join(matched.split())
    return words if len(words) >= 3 else keyword.term


def _clause_required(text: str, at: int, kind: str) -> bool:
    """Whether the clause of `text` holding position `at` asks for it as required."""
    start = 0
    for m in _CLAUSE.finditer(text):
        if m.start() >= at:
            end = m.start()
            break
        start = m.end()
    else:
        end = len(text)
    clause = text[start:end]
    if _PREFERRED_MARKERS.search(clause):
        return False
    if _REQUIRED_MARKERS.search(clause):
        return True
    return kind != PREFERRED


def _find_title(lines: Sequence[Line]) -> tuple[str | None, int | None]:
    for line in lines[:12]:
        m = _TITLE_FIELD.match(line.text)
        if m and _ROLE_NOUN.search(m.group("title")):
            return _clean_title(m.group("title")), line.number
    for line in lines[:15]:  # web pages put menus and banners above the title
        text = line.text
        if (len(text.split()) <= 10 and _ROLE_NOUN.search(text) and not _JUNK.search(text)
                and not text.rstrip().endswith((".", "!", "?", ","))
                and _kind_of_heading(text) is None):
            return _clean_title(text), line.number
    for line in lines[:40]:
        m = _SEEKING.search(line.text)
        if m:
            return _clean_title(m.group("title")), None
    return None, None


def _clean_title(text: str) -> str:
    """"RN Care Manager - Ambulatory (Hybrid)" → "RN Care Manager";
    "Director - Care Management" → "Director of Care Management"."""
    pieces = [p.strip(" ,.:;") for p in re.split(r"\s+[-–—|]\s+|\s*[(\[]", text)]
    for i, part in enumerate(pieces):
        if _ROLE_NOUN.search(part):
            if len(part.split()) == 1 and i + 1 < len(pieces) and pieces[i + 1]:
                return f"{part} of {pieces[i + 1]}"  # a bare rank needs its field
            return part
    return text.strip(" ,.:;")


def _find_organization(lines: Sequence[Line], title_line: int | None = None) -> str | None:
    if title_line is not None and title_line < len(lines):
        below = lines[title_line].text  # the line after the title (numbers start at 1)
        words = below.split()
        if (1 <= len(words) <= 5 and below[:1].isupper() and not any(c.isdigit() for c in below)
                and not _ROLE_NOUN.search(below) and _kind_of_heading(below) is None
                and not _JUNK.search(below) and "," not in below and ":" not in below):
            return below.split("·")[0].strip()
    for line in lines[:40]:
        for pattern in (_ORG_FIELD, _ABOUT_ORG):
            m = pattern.match(line.text)
            if m:
                return m.group("org").strip(" .:")
    for line in lines[:40]:
        m = _ORG_PHRASE.match(line.text)
        if m and not _ROLE_NOUN.search(m.group("org")):
            return m.group("org")
    if len(lines) > 1 and "·" in lines[1].text:  # "Employer · City · Full-time"
        return lines[1].text.split("·")[0].strip() or None
    return None


@dataclass(slots=True)
class _Candidates:
    """Candidate phrases of a posting with their running scores."""

    catalog_forms: set[str]
    scores: dict[tuple[str, ...], float]
    first: dict[tuple[str, ...], tuple[str, bool, str, int]]

    def offer(self, tokens: list[Any], line: Line, kind: str,
              taken: Sequence[tuple[int, int]]) -> None:
        """Trim a run of tokens to a phrase, and count it if it could be a skill."""
        while tokens and (tokens[0].lemma_ in _GENERIC or tokens[0].lower_ in _GENERIC):
            tokens.pop(0)
        while tokens and (tokens[-1].lemma_ in _GENERIC or tokens[-1].lower_ in _GENERIC
                          or tokens[-1].text == "'s"):
            tokens.pop()
        if not tokens or len(tokens) > 4:
            return
        start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
        if any(s < end and start < e for s, e in taken):
            return  # a catalog term already covers it
        text = line.text[start:end]
        if _GLUED.search(text) or any(_ROLE_NOUN.fullmatch(t.text) for t in tokens):
            return
        if end < len(line.text) and line.text[end:end + 1] == ":":
            return  # a field label: "Education:", "License/Certifications:"
        proper = any(t.text[:1].isupper() and not _starts_clause(t) for t in tokens)
        acronym = any(t.text.isupper() and len(t.text) >= 2 and t.text.isalpha() for t in tokens)
        if len(tokens) == 1 and not (acronym or proper or tokens[0].lower_ in _KEEP_SINGLE):
            return
        if len(text) < 3 or text.lower() in self.catalog_forms:
            return
        key = tuple(t.lemma_ for t in tokens)
        weight = 2.0 if kind in (REQUIRED, PREFERRED, QUALIFICATIONS) else 1.0
        weight += 1.0 if acronym or proper else 0.0
        weight += 0.5 if len(tokens) in (2, 3) else 0.0
        self.scores[key] = self.scores.get(key, 0.0) + weight
        required = _clause_required(line.text, start, kind)
        if key not in self.first:
            self.first[key] = (text, required, line.text, len(self.first))
        elif required and not self.first[key][1]:
            text0, _, _, order = self.first[key]
            self.first[key] = (text0, True, line.text, order)


def _starts_clause(token: Any) -> bool:
    """True for the first word of a line, sentence, list item or field ("1. Education")."""
    for previous in reversed(token.doc[: token.i]):
        if previous.is_space:
            continue
        return bool(previous.is_punct or previous.like_num)
    return True


def _own_terms(counted: Sequence[tuple[Line, str]], spans: dict[int, list[tuple[int, int]]],
               catalog: Catalog) -> list[tuple[str, bool, str]]:
    """The posting's own skill-like phrases the catalog does not cover.

    A rapid-keyword-extraction pass: each line is cut into candidate phrases at stop words,
    punctuation, numbers, generic job-ad words and duty verbs; phrases that overlap a catalog
    match are dropped; the rest are scored by how often they occur, where they occur (the
    requirements lists count most) and whether they hold a name or acronym.
    """
    nlp = build_pipeline()
    found = _Candidates({f.lower() for kw in catalog.keywords for f in (kw.term, *kw.aliases)},
                        {}, {})
    for line, kind in counted:
        if len(line.text.split()) < 5:
            continue  # fragments: employer, location, labels, menu items
        taken = spans.get(line.number, [])
        run: list[Any] = []
        for tok in nlp(line.text):
            possessive = tok.text == "'s"
            breaker = not possessive and (
                tok.is_punct or tok.is_space or tok.like_num or tok.is_stop
                or any(c.isdigit() for c in tok.text)
                or tok.lemma_ in _VERBS or tok.lower_ in _VERBS)
            if breaker:
                found.offer(run, line, kind, taken)
                run = []
            else:
                run.append(tok)
        found.offer(run, line, kind, taken)
    ranked = sorted(found.first.items(), key=lambda item: (-found.scores[item[0]], item[1][3]))
    return [(text, required, line) for key, (text, required, line, _) in ranked
            if found.scores[key] >= 2.0][:MAX_OWN_TERMS]


# ---------------------------------------------------------------------------------------------
# Comparing a posting with a resume

_TITLE_FAMILY = ("care manager", "case manager", "care coordinator", "care management",
                 "case management", "care navigator", "patient navigator",
                 "nurse case manager", "nurse care manager", "care coordination")
_TITLE_NOISE = re.compile(r"\b(rn|lpn|lvn|lcsw|lmsw|bsn|msw|senior|sr|junior|jr|lead|i{1,3}|iv|"
                          r"remote|hybrid|telephonic|ambulatory|clinical|registered|nurse)\b\.?",
                          re.IGNORECASE)


def _words_close(words: Sequence[str], text: str) -> bool:
    """All `words` occur in `text` within a window of len(words) + 2 words, in any order."""
    tokens = re.findall(r"[a-z]+", text)
    width = len(words) + 2
    wanted = set(words)
    return any(wanted <= set(tokens[i:i + width]) for i in range(max(1, len(tokens))))


def _core_title(title: str) -> str:
    return " ".join(_TITLE_NOISE.sub(" ", title.lower()).replace("-", " ").split())


def _generic(keyword: Keyword) -> bool:
    """A catalog entry that names a kind of thing (lower case) rather than a product or title."""
    return not keyword.match_case and keyword.term[:1].islower()


def check_title(title: str | None, lines: Sequence[Line]) -> CheckResult:
    """Does the resume name the posting's job title, or a close variant of it?"""
    if not title:
        return CheckResult("job-title", Status.WARN,
                           "No job title was found in the posting to compare with.",
                           "Put the ad's title on the first line of the posting file.",
                           group="job")
    wanted = title.lower()
    core = _core_title(title)
    for line in lines:
        low = line.text.lower()
        if re.search(rf"(?<!\w){re.escape(wanted)}(?!\w)", low):
            return CheckResult("job-title", Status.PASS,
                               f"Your resume names the posting's title, “{title}”.",
                               group="job", lines=(line.number,))
    core_words = [w for w in re.findall(r"[a-z]+", core) if w not in ("of", "and", "the")]
    for line in lines:
        if core_words and _words_close(core_words, line.text.lower()):
            return CheckResult("job-title", Status.PASS,
                               f"Your resume names “{core}”, the core of the posting's title "
                               f"“{title}”.", group="job", lines=(line.number,))
    for line in lines:
        low = line.text.lower()
        variant = next((v for v in _TITLE_FAMILY if v in low), None)
        if variant:
            return CheckResult(
                "job-title", Status.WARN,
                f"Your resume says “{variant}” (line {line.number}) but not the posting's "
                f"title “{title}”; recruiters and screening systems search by title.",
                f"If it honestly describes your work, use “{title}” in your summary or "
                "headline, and keep your real job titles as they were.",
                group="job", lines=(line.number,))
    return CheckResult(
        "job-title", Status.FAIL,
        f"The posting's title “{title}” and its close variants (care manager, case manager, "
        "care coordinator) appear nowhere on your resume.",
        f"Name the role you are applying for in your summary: “{title} with …”.",
        group="job")


def match_posting(posting: Posting, lines: Sequence[Line],
                  catalog_results: Sequence[KeywordResult]) -> JobMatch:
    """Compare a posting with a resume.

    Args:
        posting: the posting, from read_posting.
        lines: the resume's lines.
        catalog_results: the resume's results for (at least) every catalog keyword the posting
            names.
    """
    by_id = {r.keyword.id: r for r in catalog_results}
    by_group: dict[str, list[KeywordResult]] = {}
    for r in catalog_results:
        if r.keyword.group:
            by_group.setdefault(r.keyword.group, []).append(r)
    own = {r.keyword.id: r for r in build_matcher(posting.own_keywords).find(lines)}
    terms = []
    for request in posting.requests:
        result = (by_id if request.catalog else own).get(request.keyword.id)
        evidence = result.evidence if result else ()
        for other in request.alternatives:
            if not evidence and other.id in by_id:
                evidence = by_id[other.id].evidence
        kw = request.keyword
        if not evidence and request.catalog and kw.group and _generic(kw):
            # "electronic health records" is shown by Epic; "Epic" is not shown by Cerner.
            evidence = tuple(e for r in by_group.get(kw.group, ()) for e in r.evidence)
        terms.append(PostingTerm(
            term=request.term, required=request.required, found=bool(evidence),
            keyword_id=request.keyword.id if request.catalog else None,
            category=request.keyword.category if request.catalog else None,
            line=request.line, evidence=evidence))
    points = got = 0
    tally = {True: [0, 0], False: [0, 0]}
    for term in terms:
        weight = 2 if term.required else 1
        points += weight
        got += weight if term.found else 0
        tally[term.required][1] += 1
        tally[term.required][0] += term.found
    return JobMatch(
        file=posting.file,
        title=posting.title,
        organization=posting.organization,
        match_rate=round(100 * got / points) if points else 0,
        required=Coverage(*tally[True]),
        preferred=Coverage(*tally[False]),
        terms=tuple(terms),
        title_check=check_title(posting.title, lines),
        notes=posting.notes,
    )
