"""tailor draft on odd, hostile and user-made inputs.

Profiles full of characters XML forbids, right-to-left and CJK text, emoji, values that look
like template markup or draft markup; every way a profile arrives (YAML, JSON Resume exports,
a bare name, the --init starter, placeholder dates, typos, wrong types); the command line's
exit codes and one-line errors; the output folder's safety (no overwrite without --force,
no symlink escape, no temporary files left); user templates and the Jinja sandbox; and
reference documents that restyle the drafts. Drafts must re-open in python-docx and convert
in LibreOffice (the `slow` test).
"""

from __future__ import annotations

import io
import json
import os
import re
import shutil
import subprocess
import zipfile
from datetime import date
from pathlib import Path
from typing import Any

import docx
import pytest
import yaml
from click.testing import CliRunner
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_COLOR_INDEX
from docx.shared import Pt, RGBColor

from tailor.catalog import load_catalog
from tailor.cli import cli
from tailor.docx_writer import MAX_PARAGRAPH, PLACEHOLDER
from tailor.draft import Draft, draft
from tailor.errors import ExitCode
from tailor.profile import (
    Basics,
    Profile,
    ProfileError,
    Work,
    load_profile,
    parse_profile_text,
    starter_profile,
)

from .conftest import REPO

TODAY = date(2026, 3, 2)
CATALOG = load_catalog()
EXAMPLE_PROFILE = REPO / "examples" / "profile.yaml"
EXAMPLE_RESUME = REPO / "examples" / "resume.docx"

# Characters XML 1.0 forbids (and U+FFFE, U+FFFF): none may reach a document.
XML_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
CONTROLS = "".join(chr(c) for c in (*range(0x09), 0x0B, 0x0C, *range(0x0E, 0x20)))
SHIPPED_HEADINGS = {
    "Summary", "Professional Summary", "Leadership Summary", "Experience",
    "Professional Experience", "Leadership Experience", "Volunteer Experience", "Education",
    "Licenses & Certifications", "Skills", "Professional Affiliations", "Awards",
}
TEMPLATE_LEVELS = ("assistant", "senior", "director")  # one level per shipped resume template


# ----------------------------------------------------------------------------------------------
# Helpers


def run(*args: str | os.PathLike[str]) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, [os.fspath(a) for a in args])
    return result.exit_code, result.stdout, result.stderr


def assert_one_line_error(err: str, *, code: int, expected: int) -> None:
    """A tailor error: the documented exit code and one line "Error: ..." on stderr."""
    assert code == expected, (code, err)
    assert err.startswith("Error: "), err
    assert err.count("\n") == 1 and err.endswith("\n"), err
    assert "Traceback" not in err and "internal error" not in err, err


def paragraphs(data: bytes) -> list[tuple[str, str]]:
    """(style, text) of every paragraph; python-docx must be able to re-open the document."""
    document = docx.Document(io.BytesIO(data))
    return [(p.style.name, p.text) for p in document.paragraphs]


def texts(data: bytes, style: str) -> list[str]:
    return [text for name, text in paragraphs(data) if name == style]


def highlighted(data: bytes) -> list[str]:
    """The text of every highlighted run (the placeholders the person must fill)."""
    document = docx.Document(io.BytesIO(data))
    return [run.text for p in document.paragraphs for run in p.runs
            if run.font.highlight_color == WD_COLOR_INDEX.YELLOW]


def full_text(result: Draft) -> str:
    return "\n".join(t for data in (result.resume, result.cover_letter)
                     for _, t in paragraphs(data))


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def leftovers(folder: Path) -> list[str]:
    """Temporary files write_atomic may leave behind (".resume.docx.XXXX.tmp")."""
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp")
                  or p.name.startswith("."))


# ----------------------------------------------------------------------------------------------
# 1. Hostile and odd profile values

HIGHLIGHTS_1 = (
    "{{ 7*7 }} patients coordinated weekly with the care team",
    "{% raw %}kept as text{% endraw %} and {% if x %} too",
    "= name: not a title line",
    "<script>alert('x')</script> stays text in care plans",
    "Cut readmissions [number] percent with [team]",
    "* star: not a skills line",
    "> not a letter | not a paragraph ## not an entry",
)
HIGHLIGHTS_2 = (
    "Served 40 families in Arabic and Hebrew: مرحبا, שלום",
    "Zero\u200bwidth\u200cjoin\u2060ers removed \U0001f469\u200d\u2695\ufe0f kept",
)
# What each highlight becomes in the draft: literal text, brackets turned into parentheses.
RENDERED_HIGHLIGHTS = {
    **{h: h for h in HIGHLIGHTS_1},
    "Cut readmissions [number] percent with [team]":
        "Cut readmissions (number) percent with (team)",
    HIGHLIGHTS_2[0]: HIGHLIGHTS_2[0],
    HIGHLIGHTS_2[1]: "Zerowidthjoiners removed \U0001f469\u200d\u2695\ufe0f kept",
}


def hostile_data() -> dict[str, Any]:
    return {
        "$schema": "https://raw.githubusercontent.com/jsonresume/resume-schema/v1.0.0/"
                   "schema.json",
        "basics": {
            "name": f"O'Brien-Núñez{CONTROLS}\ufffe\uffff\ud800\u200b",
            "label": "{{ 7*7 }} {% raw %} Care Manager",
            "email": "obrien.nunez@example.com",
            "summary": "Care manager for 80 families. <script>alert(1)</script> # Heading "
                       "- bullet = name [number] {{ cycler.__init__ }}.",
            "location": {"city": "# Heading City", "region": "- OH"},
        },
        "work": [
            {"name": "- bullet Health", "position": "# Heading Care Manager",
             "location": "= name, OH", "startDate": "2021-03", "highlights": list(HIGHLIGHTS_1)},
            {"name": "مستشفى الأمل בית חולים", "position": "护士 Care Coordinator",
             "startDate": "2018-01", "endDate": "2021-02", "highlights": list(HIGHLIGHTS_2)},
        ],
        "education": [{"institution": "Universit\u00e9 Laval \u0633\u0644\u0627\u0645",
                       "studyType": "Bachelor of Science in Nursing (BSN)",
                       "endDate": "2017"}],
        "skills": [{"name": "{{ x }} tools",
                    "keywords": ["Epic", "{% raw %}", "Excel [advanced]"]}],
        "languages": [{"language": "العربية", "fluency": "Native"},
                      {"language": "עברית"}, {"language": "中文 (普通话)"},
                      {"language": "Tie\u0302\u0301ng Vie\u0323\u0302t"}],
    }


def hostile_json() -> str:
    # ensure_ascii: the lone surrogate travels as the escape "\ud800", as JSON allows
    return json.dumps(hostile_data(), ensure_ascii=True, indent=2)


@pytest.fixture(scope="module")
def hostile_profile() -> Profile:
    return parse_profile_text(hostile_json(), "hostile.json")


@pytest.fixture(scope="module")
def hostile_drafts(hostile_profile: Profile) -> dict[str, Draft]:
    return {level: draft(hostile_profile, level=level, catalog=CATALOG, today=TODAY)
            for level in TEMPLATE_LEVELS}


def test_loader_cleans_forbidden_characters_and_keeps_scripts(hostile_profile: Profile) -> None:
    basics = hostile_profile.basics
    assert basics.name == "O'Brien-Núñez"  # controls, non-characters, surrogate, ZWSP gone
    work = hostile_profile.work
    assert work[1].name == "مستشفى الأمل בית חולים"
    assert work[1].position == "护士 Care Coordinator"
    assert work[1].highlights[1] == RENDERED_HIGHLIGHTS[HIGHLIGHTS_2[1]]
    languages = [lang.language for lang in hostile_profile.languages]
    assert languages[-1] == "Tiếng Việt"  # combining marks composed (NFKC), not dropped
    assert hostile_profile.schema_url is not None
    for value in (basics.name, basics.summary, *work[0].highlights, *work[1].highlights):
        assert value is not None and not XML_FORBIDDEN.search(value)


@pytest.mark.parametrize("level", TEMPLATE_LEVELS)
def test_hostile_profile_makes_valid_documents(hostile_drafts: dict[str, Draft],
                                               level: str) -> None:
    result = hostile_drafts[level]
    for data in (result.resume, result.cover_letter):
        paras = paragraphs(data)
        assert paras
        for _, text in paras:
            assert not XML_FORBIDDEN.search(text)
            assert len(text) <= MAX_PARAGRAPH
        titles = [t for s, t in paras if s == "Title"]
        assert len(titles) == 1 and titles[0].startswith("O'Brien-Núñez")
        # no profile value opened a heading: every heading is one the templates write
        assert {t for s, t in paras if s == "Heading 1"} <= SHIPPED_HEADINGS
    # every bullet is one whole highlight, literal (a value never splits into paragraphs)
    bullets = texts(result.resume, "List Bullet")
    assert bullets
    assert set(bullets) <= set(RENDERED_HIGHLIGHTS.values())
    props = docx.Document(io.BytesIO(result.resume)).core_properties
    assert props.author == "O'Brien-Núñez"


def test_markup_lookalikes_stay_literal_text(hostile_drafts: dict[str, Draft]) -> None:
    result = hostile_drafts["senior"]
    resume = result.resume
    # every highlight of both jobs is there (senior shows up to 7), each in one bullet
    assert sorted(texts(resume, "List Bullet")) == sorted(RENDERED_HIGHLIGHTS.values())
    entries = texts(resume, "Entry")
    assert "# Heading Care Manager\tMar 2021 – Present" in entries
    assert "护士 Care Coordinator\tJan 2018 – Feb 2021" in entries
    details = texts(resume, "Entry Detail")
    assert "- bullet Health · = name, OH" in details
    assert "مستشفى الأمل בית חולים" in details
    assert texts(resume, "Contact")[0].startswith("# Heading City, - OH · ")
    summary = texts(resume, "Normal")[0]
    assert summary.startswith("{{ 7*7 }} {% raw %} Care Manager with ")
    assert summary.endswith("Care manager for 80 families. <script>alert(1)</script> "
                            "# Heading - bullet = name (number) {{ cycler.__init__ }}.")
    skills = texts(resume, "Skills")
    assert "{{ x }} tools: Epic, {% raw %}, Excel (advanced)" in skills
    assert "Languages: العربية (Native), עברית, 中文 (普通话), Tiếng Việt" in skills
    # nothing was evaluated or escaped
    text = full_text(result)
    assert "{{ 7*7 }}" in text and "49 patients" not in text
    assert "<script>alert('x')</script>" in text and "&lt;" not in text
    assert "<function" not in text and "<class" not in text


def test_profile_brackets_are_parentheses_never_placeholders(
        hostile_drafts: dict[str, Draft]) -> None:
    bullets = texts(hostile_drafts["senior"].resume, "List Bullet")
    assert "Cut readmissions (number) percent with (team)" in bullets
    for result in hostile_drafts.values():
        marks = highlighted(result.resume) + highlighted(result.cover_letter)
        assert not any("number" in m or "team" in m or "advanced" in m for m in marks), marks
        assert {p.text for p in result.placeholders} <= {
            "[phone]", "[Organization]", "[training, certification or professional association]",
            "[One sentence on why this organization or its mission matters to you.]"}
        for placeholder in result.placeholders:
            assert PLACEHOLDER.fullmatch(placeholder.text)
            assert "readmissions" not in placeholder.line and "(number)" not in placeholder.line


def test_json_lone_surrogate_and_yaml_escapes_load_clean(tmp_path: Path) -> None:
    json_file = write(tmp_path / "p.json", '{"basics": {"name": "Ana\\ud800 Li\\u0000u"}}')
    assert load_profile(json_file).basics.name == "Ana Liu"
    yaml_file = write(tmp_path / "p.yaml",
                      'basics:\n  name: "Ana\\x00\\x0b Li\\x1fu\\uFFFE\\u200b"\n')
    assert load_profile(yaml_file).basics.name == "Ana Li u"
    # YAML cannot carry a lone surrogate: a clear error, not a crash
    bad = write(tmp_path / "bad.yaml", 'basics:\n  name: "Ana\\ud800"\n')
    with pytest.raises(ProfileError, match=r"bad\.yaml: not valid YAML at line 2"):
        load_profile(bad)


def test_raw_control_character_in_yaml_names_the_line(tmp_path: Path) -> None:
    text = EXAMPLE_PROFILE.read_text(encoding="utf-8")
    assert "bringing the clinical" in text
    path = write(tmp_path / "pasted.yaml", text.replace("bringing the clinical",
                                                        "bringing\x0bthe clinical"))
    line = text[:text.index("bringing the clinical")].count("\n") + 1
    with pytest.raises(ProfileError) as caught:
        load_profile(path)
    assert f"line {line}" in str(caught.value)


@pytest.mark.parametrize(("data", "pattern"), [
    ({"basics": {"summary": "x" * 20_000}},
     r"p\.yaml: basics: field 'summary': is too long \(20,000 characters; at most 2,000\)"),
    ({"work": [{"name": "Acme", "highlights": ["y" * 3_000]}]},
     r"p\.yaml: work 1 \(Acme\): field 'highlights 1': is too long \(3,000 characters"),
    ({"work": [{"name": "Acme", "highlights": [f"Helped {i}" for i in range(201)]}]},
     r"p\.yaml: work 1 \(Acme\): field 'highlights': has too many items \(at most 200\)"),
    ({"basics": {"name": "N" * 301}}, r"p\.yaml: basics: field 'name': is too long"),
], ids=["summary-20000", "highlight-3000", "highlights-201", "name-301"])
def test_loader_limits_name_the_field(tmp_path: Path, data: dict[str, Any],
                                      pattern: str) -> None:
    path = write(tmp_path / "p.yaml", yaml.safe_dump(data))
    with pytest.raises(ProfileError, match=pattern):
        load_profile(path)
    code, _, err = run("draft", "--profile", path, "--out", tmp_path / "out")
    assert_one_line_error(err, code=code, expected=ExitCode.BAD_DATA_FILE)
    assert not (tmp_path / "out").exists()


def test_two_hundred_highlights_load_and_the_draft_stays_short(tmp_path: Path) -> None:
    highlights = [f"Coordinated care for {i} adults with heart failure" for i in range(200)]
    path = write(tmp_path / "p.yaml", yaml.safe_dump(
        {"basics": {"name": "Ana Li"},
         "work": [{"name": "Acme", "position": "Care Manager", "startDate": "2020",
                   "highlights": highlights}]}))
    profile = load_profile(path)
    assert len(profile.work[0].highlights) == 200
    for level, most in (("care-manager", 5), ("senior", 7)):
        result = draft(profile, level=level, catalog=CATALOG, today=TODAY)
        bullets = texts(result.resume, "List Bullet")
        assert 1 <= len(bullets) <= most
        assert set(bullets) <= set(highlights)


@pytest.fixture(scope="module")
def oversized_draft() -> Draft:
    """Values the loader would refuse, handed straight to the API."""
    nasty = f"A{CONTROLS}\ufffe\uffffB"
    profile = Profile(
        basics=Basics(name=f"Zoë {nasty}", summary="Care coordination for 40 adults. " * 600,
                      label=nasty),
        work=(Work(name=nasty, position=f"Care Manager {nasty}", start_date="2020-01",
                   highlights=tuple(f"Coordinated care {i} " + "x" * 2_990
                                    for i in range(200))),
              Work(name="Acme", position="Nurse", start_date="2010", end_date="2019",
                   highlights=("y" * 20_000,))),
    )
    return draft(profile, level="senior", catalog=CATALOG, today=TODAY)


def test_oversized_values_through_the_api_stay_readable(oversized_draft: Draft) -> None:
    for data in (oversized_draft.resume, oversized_draft.cover_letter):
        paras = paragraphs(data)
        for _, text in paras:
            assert not XML_FORBIDDEN.search(text)
            assert len(text) <= MAX_PARAGRAPH
        assert next(t for s, t in paras if s == "Title").startswith("Zoë A")
    assert len(texts(oversized_draft.resume, "List Bullet")) <= 8


def test_lone_surrogate_through_the_api() -> None:
    profile = Profile(basics=Basics(name="Ana\ud800 Li"),
                      work=(Work(name="Acme\udfff", position="Care Manager",
                                 highlights=("Coordinated care\ud800 for 40 adults",)),))
    result = draft(profile, level="care-manager", catalog=CATALOG, today=TODAY)
    assert not XML_FORBIDDEN.search(full_text(result))


def test_placeholder_line_keeps_the_values_own_characters() -> None:
    profile = parse_profile_text("basics:\n  name: Ana Li\n  location:\n    city: '#1 Plaza'\n"
                                 "    region: OH\n", "p.yaml")
    result = draft(profile, level="senior", catalog=CATALOG, today=TODAY)
    phone = next(p for p in result.placeholders if p.text == "[phone]")
    assert phone.line.startswith("#1 Plaza, OH")


# ----------------------------------------------------------------------------------------------
# LibreOffice: every odd document converts


@pytest.mark.slow
def test_libreoffice_converts_the_odd_drafts(hostile_profile: Profile,
                                             hostile_drafts: dict[str, Draft],
                                             oversized_draft: Draft, tmp_path: Path) -> None:
    soffice = shutil.which("soffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not installed; Debian: libreoffice-writer")
    if shutil.which("pdfinfo") is None or shutil.which("pdftotext") is None:
        pytest.skip("poppler-utils (pdfinfo, pdftotext) is not installed")
    documents: dict[str, bytes] = {}
    for level, result in hostile_drafts.items():
        documents[f"hostile-{level}"] = result.resume
        documents[f"hostile-{level}-letter"] = result.cover_letter
    documents["oversized"] = oversized_draft.resume
    documents["oversized-letter"] = oversized_draft.cover_letter
    reference = tmp_path / "georgia.docx"
    reference.write_bytes(georgia_reference())
    restyled = draft(hostile_profile, level="lead", catalog=CATALOG, today=TODAY,
                     reference_docx=reference)
    documents["restyled"] = restyled.resume
    documents["skeleton"] = draft(None, level="assistant", catalog=CATALOG, today=TODAY).resume
    files = []
    for name, data in documents.items():
        path = tmp_path / f"{name}.docx"
        path.write_bytes(data)
        files.append(str(path))
    pdfs = tmp_path / "pdf"
    subprocess.run([soffice, f"-env:UserInstallation=file://{tmp_path}/lo", "--headless",
                    "--convert-to", "pdf", "--outdir", str(pdfs), *files],
                   check=True, capture_output=True, timeout=300)
    for name in documents:
        pdf = pdfs / f"{name}.pdf"
        assert pdf.is_file(), f"LibreOffice did not convert {name}.docx"
        info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True,
                              text=True).stdout
        pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))  # type: ignore[union-attr]
        assert pages >= 1, name
        if name.startswith(("hostile", "restyled")):
            text = subprocess.run(["pdftotext", str(pdf), "-"], check=True,
                                  capture_output=True, text=True).stdout
            assert "O'Brien-Núñez" in text.replace("\u2019", "'"), name
            if not name.endswith("letter"):
                assert "{{ 7*7 }}" in text, name
        if name.startswith("hostile") and not name.endswith("letter"):
            assert pages <= (1 if name == "hostile-assistant" else 2), (name, pages)


# ----------------------------------------------------------------------------------------------
# 2. Every profile input form


def test_yaml_and_json_of_the_same_profile_draft_the_same(tmp_path: Path) -> None:
    data = yaml.safe_load(EXAMPLE_PROFILE.read_text(encoding="utf-8"))
    as_json = write(tmp_path / "profile.json", json.dumps(data, ensure_ascii=False))
    from_yaml, from_json = load_profile(EXAMPLE_PROFILE), load_profile(as_json)
    assert from_yaml == from_json
    a = draft(from_yaml, level="senior", catalog=CATALOG, today=TODAY)
    b = draft(from_json, level="senior", catalog=CATALOG, today=TODAY)
    assert a.resume_markup == b.resume_markup and a.letter_markup == b.letter_markup
    # a JSON profile without the .json extension is read as JSON too
    bare = write(tmp_path / "profile", json.dumps(data))
    assert load_profile(bare) == from_json


JSON_RESUME_EXPORT = {
    "$schema": "https://raw.githubusercontent.com/jsonresume/resume-schema/v1.0.0/schema.json",
    "basics": {
        "name": "Jordan Rivera", "label": "Care Manager", "image": "",
        "email": "jordan.rivera@example.com", "phone": "(614) 555-0142",
        "url": "https://jordan.example.com",
        "summary": "Registered nurse coordinating care for high-risk adults.",
        "location": {"address": "", "postalCode": "43215", "city": "Columbus",
                     "countryCode": "US", "region": "OH"},
        "profiles": [{"network": "LinkedIn", "username": "jordan-rivera",
                      "url": "https://www.linkedin.com/in/jordan-rivera"}],
    },
    "work": [{"name": "Mercy Health", "position": "Care Manager", "url": "https://mercy.example",
              "startDate": "2021-01-15", "endDate": "", "summary": "Complex care team.",
              "highlights": ["Managed a caseload of 65 high-risk adults."]}],
    "volunteer": [], "education": [{"institution": "Ohio State", "url": "", "area": "Nursing",
                                    "studyType": "Bachelor", "startDate": "2014",
                                    "endDate": "2018", "score": "3.7", "courses": []}],
    "awards": [], "certificates": [], "publications": [], "skills": [], "languages": [],
    "interests": [], "references": [], "projects": [],
    "meta": {"canonical": "https://raw.githubusercontent.com/jsonresume/resume-schema/master/"
                          "resume.json", "version": "v1.0.0",
             "lastModified": "2017-12-24T15:53:00"},
}


def test_json_resume_export_with_schema_and_meta(tmp_path: Path) -> None:
    path = write(tmp_path / "resume.json", json.dumps(JSON_RESUME_EXPORT, indent=2))
    profile = load_profile(path)
    assert profile.schema_url == JSON_RESUME_EXPORT["$schema"]
    assert profile.meta is not None and profile.meta.version == "v1.0.0"
    assert profile.work[0].end_date is None  # "" means current
    result = draft(profile, level="care-manager", catalog=CATALOG, today=TODAY)
    assert texts(result.resume, "Title") == ["Jordan Rivera"]
    assert "Care Manager\tJan 2021 – Present" in texts(result.resume, "Entry")


def test_json_resume_meta_with_tooling_fields(tmp_path: Path) -> None:
    data = {**JSON_RESUME_EXPORT, "meta": {**JSON_RESUME_EXPORT["meta"], "theme": "elegant"}}
    path = write(tmp_path / "resume.json", json.dumps(data))
    assert load_profile(path).basics.name == "Jordan Rivera"


def test_a_profile_with_only_a_name(tmp_path: Path) -> None:
    path = write(tmp_path / "me.yaml", "basics:\n  name: Jordan Rivera\n")
    code, out, err = run("draft", "--profile", path, "--out", tmp_path / "d", "--format", "json")
    assert code == 0, err
    report = json.loads(out)
    resume_marks = {p["text"] for p in report["placeholders"] if p["document"] == "resume"}
    assert {"[phone]", "[email]", "[City, State]"} <= resume_marks
    data = (tmp_path / "d" / "resume.docx").read_bytes()
    assert texts(data, "Title") == ["Jordan Rivera"]
    assert {"[phone]", "[email]"} <= set(highlighted(data))


@pytest.mark.parametrize("level", ["assistant", "senior"])
def test_a_profile_without_jobs_gets_experience_placeholders(level: str) -> None:
    profile = parse_profile_text("basics:\n  name: Jordan Rivera\n", "me.yaml")
    result = draft(profile, level=level, catalog=CATALOG, today=TODAY)
    resume_marks = {p.text for p in result.placeholders if p.document == "resume"}
    assert {"[Job title]", "[Employer]"} <= resume_marks
    paras = paragraphs(result.resume)
    for (style, text), (after, _) in zip(paras, [*paras[1:], ("end", "")], strict=True):
        assert style != "Heading 1" or (after != "Heading 1" and after != "end"), text


@pytest.mark.parametrize("text", ["basics: {}\n", "{}\n", "basics:\n  name: ''\n"],
                         ids=["empty-basics", "empty-mapping", "blank-name"])
def test_an_empty_ish_profile_drafts_a_skeleton_through_the_api(text: str) -> None:
    profile = parse_profile_text(text, "p.yaml")
    result = draft(profile, level="care-manager", catalog=CATALOG, today=TODAY)
    assert texts(result.resume, "Title") == ["[Your Name]"]
    assert "[Your Name]" in {p.text for p in result.placeholders}


@pytest.mark.parametrize("profile", [None, "basics: {}\n"], ids=["skeleton", "empty-basics"])
def test_cli_drafts_a_profile_without_facts(tmp_path: Path, profile: str | None) -> None:
    args: list[str | Path] = ["draft", "--level", "assistant", "--out", tmp_path / "d"]
    if profile is not None:
        args += ["--profile", write(tmp_path / "me.yaml", profile)]
    code, out, err = run(*args)
    assert code == 0, err
    assert "Placeholders to fill" in out


@pytest.mark.parametrize(("text", "pattern"), [
    ("", r"p\.yaml: is empty"),
    ("# only a comment\n", r"p\.yaml: holds no data"),
    ("- a list\n", r"p\.yaml: must be a mapping of JSON Resume sections"),
    ("basics: [\n", r"p\.yaml: not valid YAML at line \d+"),
])
def test_unusable_profile_files(tmp_path: Path, text: str, pattern: str) -> None:
    path = write(tmp_path / "p.yaml", text)
    with pytest.raises(ProfileError, match=pattern):
        load_profile(path)


PLACEHOLDER_DATES = """\
basics:
  name: Ana Li
work:
  - name: Mercy Health
    position: Care Manager
    startDate: "[2021-03]"
  - name: Riverside Hospital
    position: Staff Nurse
    startDate: "2016-06"
    endDate: "[2021-02]"
  - name: Grant Medical Center
    position: Patient Care Technician
    startDate: "[2014]"
    endDate: "2016-05"
education:
  - institution: Ohio State
    studyType: BSN
    endDate: "[2016]"
"""


@pytest.fixture(scope="module")
def placeholder_dates_draft() -> Draft:
    profile = parse_profile_text(PLACEHOLDER_DATES, "dates.yaml")
    assert profile.work[0].start_date == "[2021-03]"
    return draft(profile, level="senior", catalog=CATALOG, today=TODAY)


def entry_dates(result: Draft, title: str) -> str:
    line = next(t for t in texts(result.resume, "Entry") if t.startswith(title + "\t"))
    return line.split("\t", 1)[1]


def test_placeholder_dates_load_and_draft(placeholder_dates_draft: Draft) -> None:
    paragraphs(placeholder_dates_draft.resume)
    paragraphs(placeholder_dates_draft.cover_letter)
    assert len(texts(placeholder_dates_draft.resume, "Entry")) == 4
    # a date placeholder never reaches the document as a plain fact in parentheses
    assert "(2021-03)" not in full_text(placeholder_dates_draft)


def test_end_date_placeholder_is_not_turned_into_present(placeholder_dates_draft: Draft) -> None:
    dates = entry_dates(placeholder_dates_draft, "Staff Nurse")
    assert "Present" not in dates
    assert "[2021-02]" in highlighted(placeholder_dates_draft.resume)
    assert any(p.text == "[2021-02]" for p in placeholder_dates_draft.placeholders)


@pytest.mark.parametrize(("title", "expected"), [
    ("Care Manager", "[2021-03] – Present"),
    ("Patient Care Technician", "[2014] – May 2016"),
])
def test_start_date_placeholder_is_kept(placeholder_dates_draft: Draft, title: str,
                                        expected: str) -> None:
    assert entry_dates(placeholder_dates_draft, title) == expected


@pytest.mark.parametrize(("text", "pattern"), [
    ("basics:\n  nmae: Ana\n", r"p\.yaml: basics: field 'nmae': unknown field "
                               r"\(did you mean 'name'\?\)"),
    ("work:\n  - name: Acme\n    postion: Nurse\n",
     r"p\.yaml: work 1 \(Acme\): field 'postion': unknown field \(did you mean 'position'\?\)"),
    ("wrok: []\n", r"p\.yaml: field 'wrok': unknown field \(did you mean 'work'\?\)"),
    ("work:\n  - name: Acme\n    startdate: '2020'\n",
     r"p\.yaml: work 1 \(Acme\): field 'startdate': unknown field "
     r"\(did you mean 'startDate'\?\)"),
    ("licenses:\n  - name: RN\n    expiry: '2027'\n",
     r"p\.yaml: licenses 1 \(RN\): field 'expiry': unknown field \(did you mean 'expires'\?\)"),
], ids=["basics", "work", "section", "camel-case", "licenses"])
def test_unknown_fields_name_the_entry_and_suggest(tmp_path: Path, text: str,
                                                   pattern: str) -> None:
    path = write(tmp_path / "p.yaml", text)
    with pytest.raises(ProfileError, match=pattern):
        load_profile(path)


@pytest.mark.parametrize(("text", "pattern"), [
    ("basics:\n  name: 123\n", r"field 'name': must be text, not a number \(got 123\); "
                               r"put it in quotes"),
    ("basics: Ana Li\n", r"field 'basics': must be a mapping of fields"),
    ("work:\n  name: Acme\n", r"field 'work': must be a list"),
    ("work:\n  - highlights: one line\n", r"work 1: field 'highlights': must be a list"),
    ("work:\n  - startDate: true\n", r"work 1: field 'startDate': must be a date"),
    ("work:\n  - startDate: 2021-03-01 10:00:00\n", r"must be a date .*not a date and time"),
    ("work:\n  - startDate: March 2021\n", r"must be a date written YYYY, YYYY-MM or YYYY-MM-DD"),
    ("work:\n  - startDate: '2022'\n    endDate: '2020'\n", r"endDate.*is before startDate"),
    ("basics:\n  email: not-an-email\n", r"field 'email': is not an email address"),
    ("skills:\n  - keywords: [1, 2]\n", r"skills 1: field 'keywords 1': must be text"),
])
def test_wrong_types_are_clear_errors(tmp_path: Path, text: str, pattern: str) -> None:
    path = write(tmp_path / "p.yaml", text)
    with pytest.raises(ProfileError, match=r"p\.yaml: .*" + pattern):
        load_profile(path)


def test_wrong_type_through_the_cli_is_exit_4(tmp_path: Path) -> None:
    path = write(tmp_path / "p.yaml", "basics:\n  name: 123\n")
    code, _, err = run("draft", "--profile", path, "--out", tmp_path / "d")
    assert_one_line_error(err, code=code, expected=ExitCode.BAD_DATA_FILE)
    assert "p.yaml: basics: field 'name'" in err


@pytest.fixture(scope="module")
def starter(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Draft]:
    folder = tmp_path_factory.mktemp("starter")
    code, _, err = run("draft", "--init", folder / "me.yaml")
    assert code == 0, err
    profile = load_profile(folder / "me.yaml")
    return folder / "me.yaml", draft(profile, level="care-manager", catalog=CATALOG,
                                     today=TODAY)


def test_init_starter_loads_drafts_and_reports_placeholders(starter: tuple[Path, Draft]) -> None:
    path, result = starter
    assert path.read_text(encoding="utf-8") == starter_profile()
    paragraphs(result.resume)
    paragraphs(result.cover_letter)
    reported = {p.text for p in result.placeholders}
    assert len(result.placeholders) >= 10
    # the starter's own bracketed values are reported and highlighted, not passed off as facts
    assert "[First Last, RN]" in reported
    assert any("Employer" in t for t in reported)
    assert any("[First Last, RN]" in t for t in highlighted(result.resume))
    for placeholder in result.placeholders:
        assert PLACEHOLDER.fullmatch(placeholder.text)
        assert placeholder.document in ("resume", "cover letter")


def test_starter_placeholders_never_pass_as_facts(starter: tuple[Path, Draft]) -> None:
    _, result = starter
    text = full_text(result)
    for leaked in ("(number)", "(Bachelor of Science)", "(Nursing)", "(Registered Nurse",
                   "(Spanish)", "(Managed a caseload", "(State)"):
        assert leaked not in text, leaked
    assert result.supported == ()  # a starter shows nothing yet
    assert texts(result.resume, "Title") == ["[First Last, RN]"]


def test_letter_article_before_the_level_title(example: Profile) -> None:
    result = draft(example, level="assistant", catalog=CATALOG, today=TODAY)
    letter = " ".join(texts(result.cover_letter, "Letter Body"))
    assert "habits an Assistant Care Manager needs" in letter


# ----------------------------------------------------------------------------------------------
# 3. The command line


def test_init_writes_the_starter_and_refuses_to_overwrite(tmp_path: Path) -> None:
    target = tmp_path / "me.yaml"
    code, _, err = run("draft", "--init", target)
    assert code == 0, err
    assert "Wrote a starter profile to" in err
    assert target.read_text(encoding="utf-8") == starter_profile()
    target.write_text("basics:\n  name: Mine\n", encoding="utf-8")
    code, _, err = run("draft", "--init", target)
    assert_one_line_error(err, code=code, expected=ExitCode.OUTPUT_ERROR)
    assert "already exists" in err and "--force" in err
    assert target.read_text(encoding="utf-8") == "basics:\n  name: Mine\n"
    code, _, err = run("draft", "--init", target, "--force")
    assert code == 0, err
    assert target.read_text(encoding="utf-8") == starter_profile()
    assert leftovers(tmp_path) == []


def test_init_into_a_missing_folder(tmp_path: Path) -> None:
    code, _, err = run("draft", "--init", tmp_path / "nope" / "me.yaml")
    assert_one_line_error(err, code=code, expected=ExitCode.OUTPUT_ERROR)
    assert "does not exist" in err


def test_draft_writes_both_documents_and_a_json_report(tmp_path: Path) -> None:
    out = tmp_path / "my draft"
    code, stdout, err = run("draft", "--level", "senior", "--profile", EXAMPLE_PROFILE,
                            "--out", out, "--format", "json",
                            "--job", REPO / "examples" / "posting.txt")
    assert code == 0, err
    report = json.loads(stdout)
    assert Path(report["resume"]) == out / "resume.docx"
    assert Path(report["cover_letter"]) == out / "cover-letter.docx"
    assert sorted(p.name for p in out.iterdir()) == ["cover-letter.docx", "resume.docx"]
    assert texts((out / "resume.docx").read_bytes(), "Title")[0].startswith("Maya Castellanos")
    paragraphs((out / "cover-letter.docx").read_bytes())
    assert report["level"] == "senior" and isinstance(report["score"], int)
    assert report["placeholders"], "the letter always asks for a sentence of the person's own"
    for item in report["placeholders"]:
        assert set(item) == {"document", "text", "line"}
        assert item["document"] in ("resume", "cover letter")
        assert PLACEHOLDER.fullmatch(item["text"]) and item["text"] in item["line"]
    assert report["posting_terms"]


def test_profile_and_from_together_is_a_usage_error(tmp_path: Path) -> None:
    code, _, err = run("draft", "--profile", EXAMPLE_PROFILE, "--from", EXAMPLE_RESUME,
                       "--out", tmp_path / "d")
    assert_one_line_error(err, code=code, expected=ExitCode.USAGE)
    assert "--profile or --from" in err
    assert not (tmp_path / "d").exists()


@pytest.mark.parametrize("kind", ["missing", "folder", "binary", "bad-yaml"])
def test_unreadable_profile_is_bad_data_file(tmp_path: Path, kind: str) -> None:
    path = tmp_path / "me.yaml"
    if kind == "folder":
        path.mkdir()
    elif kind == "binary":
        path.write_bytes(b"\x00\x01PK\x03\x04" * 50)
    elif kind == "bad-yaml":
        path.write_text("basics:\n  name: [unclosed\n", encoding="utf-8")
    code, _, err = run("draft", "--profile", path, "--out", tmp_path / "d")
    assert ExitCode.BAD_DATA_FILE == 4
    assert_one_line_error(err, code=code, expected=ExitCode.BAD_DATA_FILE)
    assert "me.yaml" in err
    assert not (tmp_path / "d").exists()


def test_unknown_level_is_a_usage_error(tmp_path: Path) -> None:
    code, _, err = run("draft", "--level", "chief", "--profile", EXAMPLE_PROFILE,
                       "--out", tmp_path / "d")
    assert_one_line_error(err, code=code, expected=ExitCode.USAGE)
    assert "unknown level 'chief'" in err and "care-manager" in err


def test_from_a_missing_resume_is_unreadable_input(tmp_path: Path) -> None:
    code, _, err = run("draft", "--from", tmp_path / "nope.docx", "--out", tmp_path / "d")
    assert_one_line_error(err, code=code, expected=ExitCode.UNREADABLE_INPUT)


def built_resume() -> bytes:
    document = docx.Document()
    document.add_paragraph("Siobhán O'Brien-Núñez, RN", style="Title")
    document.add_paragraph("Columbus, OH · (614) 555-0100 · siobhan@example.com")
    document.add_heading("Summary", 1)
    document.add_paragraph("Registered nurse with 6 years of care coordination for "
                           "{{ 7*7 }} adults [see note].")
    document.add_heading("Experience", 1)
    document.add_paragraph().add_run("Care Manager, Mercy Health, Columbus, OH").bold = True
    document.add_paragraph("Jan 2021 – Present")
    for bullet in ("Managed a caseload of 60 high-risk adults {% raw %} with heart failure.",
                   "# Heading reduced 30-day readmissions by 18% in one year.",
                   "= name coordinated care with 12 specialists [number].",
                   "<script>x</script> educated patients 😀 in Arabic (مرحبا) and Mandarin."):
        document.add_paragraph(bullet, style="List Bullet")
    document.add_heading("Education", 1)
    document.add_paragraph("Bachelor of Science in Nursing (BSN), The Ohio State University, "
                           "May 2018")
    document.add_heading("Licenses & Certifications", 1)
    document.add_paragraph("Registered Nurse (RN), State of Ohio, License #123456")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


@pytest.mark.parametrize("source", ["built", "example"])
def test_from_a_resume_writes_a_profile_that_loads(tmp_path: Path, source: str) -> None:
    if source == "built":
        resume = tmp_path / "mine.docx"
        resume.write_bytes(built_resume())
    else:
        resume = EXAMPLE_RESUME
    out = tmp_path / "d"
    code, stdout, err = run("draft", "--from", resume, "--out", out, "--format", "json")
    assert code == 0, err
    report = json.loads(stdout)
    assert Path(report["profile"]) == out / "profile.yaml"
    assert sorted(p.name for p in out.iterdir()) == ["cover-letter.docx", "profile.yaml",
                                                     "resume.docx"]
    profile = load_profile(out / "profile.yaml")
    assert profile.basics.name and profile.work
    title = texts((out / "resume.docx").read_bytes(), "Title")[0]
    assert title.startswith(profile.basics.name.split(",")[0])
    # and the written profile drafts the same way through --profile
    code, stdout, err = run("draft", "--profile", out / "profile.yaml", "--out", tmp_path / "d2",
                            "--format", "json")
    assert code == 0, err
    first = (out / "resume.docx").read_bytes()
    again = (tmp_path / "d2" / "resume.docx").read_bytes()
    assert paragraphs(first) == paragraphs(again)
    if source == "built":
        bullets = texts(first, "List Bullet")
        assert "= name coordinated care with 12 specialists (number)." in bullets
        assert "# Heading reduced 30-day readmissions by 18% in one year." in bullets
        assert any(b.startswith("Managed a caseload of 60 high-risk adults {% raw %}")
                   for b in bullets)
        assert texts(first, "Title")[0].startswith("Siobhán O'Brien-Núñez")


@pytest.mark.parametrize("below", [False, True], ids=["file", "under-a-file"])
def test_out_that_is_a_file_is_an_output_error(tmp_path: Path, below: bool) -> None:
    blocker = tmp_path / "taken"
    blocker.write_text("mine", encoding="utf-8")
    out = blocker / "sub" if below else blocker
    code, _, err = run("draft", "--profile", EXAMPLE_PROFILE, "--out", out)
    assert_one_line_error(err, code=code, expected=ExitCode.OUTPUT_ERROR)
    assert blocker.read_text(encoding="utf-8") == "mine"


# ----------------------------------------------------------------------------------------------
# 4. The output folder's safety


@pytest.fixture(scope="module")
def name_only_profile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write(tmp_path_factory.mktemp("profile") / "me.yaml",
                 "basics:\n  name: Jordan Rivera\nwork:\n  - name: Mercy Health\n"
                 "    position: Care Manager\n    startDate: '2021'\n    highlights:\n"
                 "      - Managed a caseload of 60 high-risk adults.\n")


def test_existing_resume_is_kept_without_force(tmp_path: Path, name_only_profile: Path) -> None:
    out = tmp_path / "d"
    out.mkdir()
    (out / "resume.docx").write_bytes(b"my own resume")
    code, _, err = run("draft", "--profile", name_only_profile, "--out", out)
    assert_one_line_error(err, code=code, expected=ExitCode.OUTPUT_ERROR)
    assert "resume.docx already exists" in err and "--force" in err
    assert (out / "resume.docx").read_bytes() == b"my own resume"
    assert leftovers(out) == []
    code, _, err = run("draft", "--profile", name_only_profile, "--out", out, "--force")
    assert code == 0, err
    assert texts((out / "resume.docx").read_bytes(), "Title") == ["Jordan Rivera"]
    assert leftovers(out) == []


@pytest.mark.parametrize("existing", ["cover-letter.docx", "resume.docx"])
def test_a_refused_run_writes_nothing(tmp_path: Path, name_only_profile: Path,
                                      existing: str) -> None:
    out = tmp_path / "d"
    out.mkdir()
    (out / existing).write_bytes(b"earlier")
    if existing == "cover-letter.docx":
        code, _, err = run("draft", "--profile", name_only_profile, "--out", out)
    else:
        code, _, err = run("draft", "--from", EXAMPLE_RESUME, "--out", out)
    assert_one_line_error(err, code=code, expected=ExitCode.OUTPUT_ERROR)
    assert sorted(p.name for p in out.iterdir()) == [existing]


@pytest.mark.parametrize("name", ["resume.docx", "cover-letter.docx"])
@pytest.mark.parametrize("force", [False, True], ids=["no-force", "force"])
def test_symlink_out_of_the_folder_is_refused(tmp_path: Path, name_only_profile: Path,
                                              name: str, force: bool) -> None:
    outside = tmp_path / "outside.txt"
    outside.write_bytes(b"not yours")
    out = tmp_path / "d"
    out.mkdir()
    (out / name).symlink_to(outside)
    args: list[str | Path] = ["draft", "--profile", name_only_profile, "--out", out]
    code, _, err = run(*args, *(["--force"] if force else []))
    assert_one_line_error(err, code=code, expected=ExitCode.OUTPUT_ERROR)
    assert "leads outside" in err
    assert outside.read_bytes() == b"not yours"
    assert (out / name).is_symlink()
    assert leftovers(out) == []


def test_dangling_symlink_out_of_the_folder_is_refused(tmp_path: Path,
                                                       name_only_profile: Path) -> None:
    out = tmp_path / "d"
    out.mkdir()
    (out / "resume.docx").symlink_to(tmp_path / "elsewhere" / "new.docx")
    code, _, err = run("draft", "--profile", name_only_profile, "--out", out, "--force")
    assert_one_line_error(err, code=code, expected=ExitCode.OUTPUT_ERROR)
    assert not (tmp_path / "elsewhere").exists()


def test_symlinked_profile_yaml_is_refused_for_from(tmp_path: Path) -> None:
    outside = tmp_path / "outside.yaml"
    outside.write_text("basics:\n  name: Mine\n", encoding="utf-8")
    out = tmp_path / "d"
    out.mkdir()
    (out / "profile.yaml").symlink_to(outside)
    code, _, err = run("draft", "--from", EXAMPLE_RESUME, "--out", out, "--force")
    assert_one_line_error(err, code=code, expected=ExitCode.OUTPUT_ERROR)
    assert outside.read_text(encoding="utf-8") == "basics:\n  name: Mine\n"


def test_symlink_loop_is_an_output_error(tmp_path: Path, name_only_profile: Path) -> None:
    out = tmp_path / "d"
    out.mkdir()
    (out / "resume.docx").symlink_to(out / "resume.docx")
    code, _, err = run("draft", "--profile", name_only_profile, "--out", out, "--force")
    assert_one_line_error(err, code=code, expected=ExitCode.OUTPUT_ERROR)


def test_no_temporary_files_after_a_successful_run(tmp_path: Path,
                                                   name_only_profile: Path) -> None:
    out = tmp_path / "d"
    code, _, err = run("draft", "--profile", name_only_profile, "--out", out)
    assert code == 0, err
    assert sorted(p.name for p in out.iterdir()) == ["cover-letter.docx", "resume.docx"]


def test_no_temporary_files_after_a_failed_write(tmp_path: Path, name_only_profile: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    def full_disk(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full_disk)
    out = tmp_path / "d"
    code, _, err = run("draft", "--profile", name_only_profile, "--out", out)
    assert_one_line_error(err, code=code, expected=ExitCode.OUTPUT_ERROR)
    assert "No space left on device" in err
    assert list(out.iterdir()) == []


# ----------------------------------------------------------------------------------------------
# 5. User templates


@pytest.fixture(scope="module")
def example() -> Profile:
    return load_profile(EXAMPLE_PROFILE)


def user_templates(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        write(root / name, text)
    return root


OWN_RESUME = ('{% include "draft/sections/header.j2" %}\n'
              "# My Own Heading\n"
              "| Written by the career center for {{ person.name }}.\n"
              '{% include "draft/sections/experience.j2" %}\n'
              '{% include "draft/sections/skills.j2" %}\n')


@pytest.mark.parametrize("level", ["care-manager", "senior"])
def test_user_resume_template_overrides_by_name(tmp_path: Path, example: Profile,
                                                level: str) -> None:
    folder = user_templates(tmp_path / "t", {"draft/resume.j2": OWN_RESUME})
    result = draft(example, level=level, catalog=CATALOG, today=TODAY, templates=folder)
    headings = texts(result.resume, "Heading 1")
    assert headings[0] == "My Own Heading"
    assert "Professional Experience" in headings  # the shipped include still works
    assert "Education" not in headings  # ...and only what the user's template includes
    assert "Written by the career center for Maya Castellanos, MSN, RN, CCM." in texts(
        result.resume, "Normal")
    assert texts(result.resume, "List Bullet")
    # the letter still comes from the shipped template
    assert texts(result.cover_letter, "Letter Body")[0] == "Dear Hiring Manager,"


def test_template_lookup_order(tmp_path: Path, example: Profile) -> None:
    """draft/resume-{level}.j2, then draft/resume-{band}.j2, then draft/resume.j2, each looked
    for in the user's folder before the shipped one."""
    folder = user_templates(tmp_path / "t", {
        "draft/resume.j2": "= generic\n",
        "draft/resume-mid.j2": "= band mid\n",
        "draft/resume-senior.j2": "= level senior\n",
    })

    def title(level: str, templates: Path) -> str:
        result = draft(example, level=level, catalog=CATALOG, today=TODAY, templates=templates)
        return texts(result.resume, "Title")[0]

    assert title("senior", folder) == "level senior"
    assert title("care-manager", folder) == "band mid"
    # a shipped level/band file outranks the user's generic resume.j2: lead and director use
    # the shipped resume-lead.j2, assistant the shipped resume-early.j2
    assert title("director", folder).startswith("Maya Castellanos")
    assert title("assistant", folder).startswith("Maya Castellanos")
    lead = user_templates(tmp_path / "lead", {"draft/resume-lead.j2": "= band lead\n"})
    assert title("director", lead) == "band lead"


def test_user_section_overrides_a_shipped_include(tmp_path: Path, example: Profile) -> None:
    folder = user_templates(tmp_path / "t", {
        "draft/sections/skills.j2": "# Toolkit\n{% for line in skills %}\n* {{ line.label }}: "
                                    "{{ line.text }}\n{% endfor %}\n"})
    result = draft(example, level="senior", catalog=CATALOG, today=TODAY, templates=folder)
    headings = texts(result.resume, "Heading 1")
    assert "Toolkit" in headings and "Skills" not in headings
    assert headings[:2] == ["Professional Summary", "Professional Experience"]


def test_profile_values_are_never_template_code_in_user_templates(tmp_path: Path,
                                                                   hostile_profile: Profile
                                                                   ) -> None:
    folder = user_templates(tmp_path / "t", {"draft/resume.j2": OWN_RESUME})
    result = draft(hostile_profile, level="senior", catalog=CATALOG, today=TODAY,
                   templates=folder)
    assert "{{ 7*7 }} patients coordinated weekly with the care team" in texts(
        result.resume, "List Bullet")


TYPO = "= {{ person.name }}\n@ {{ person.contact }}\n| {{ person.nmae }}\n"


def test_typo_in_a_template_is_a_one_line_usage_error(tmp_path: Path) -> None:
    folder = user_templates(tmp_path / "t", {"draft/resume.j2": TYPO})
    code, _, err = run("draft", "--profile", EXAMPLE_PROFILE, "--templates", folder,
                       "--out", tmp_path / "d")
    assert_one_line_error(err, code=code, expected=ExitCode.USAGE)
    assert "nmae" in err
    assert not (tmp_path / "d").exists()


@pytest.mark.parametrize("name", ["draft/resume.j2", "draft/cover-letter.j2"])
def test_typo_error_names_the_template_and_line(tmp_path: Path, name: str) -> None:
    folder = user_templates(tmp_path / "t", {name: TYPO})
    code, _, err = run("draft", "--profile", EXAMPLE_PROFILE, "--templates", folder,
                       "--out", tmp_path / "d")
    assert_one_line_error(err, code=code, expected=ExitCode.USAGE)
    assert Path(name).name in err and "line 3" in err


def test_syntax_error_names_the_template_and_line(tmp_path: Path) -> None:
    folder = user_templates(tmp_path / "t", {"draft/resume.j2": "= x\n| y\n{% if %}\n"})
    code, _, err = run("draft", "--profile", EXAMPLE_PROFILE, "--templates", folder,
                       "--out", tmp_path / "d")
    assert_one_line_error(err, code=code, expected=ExitCode.USAGE)
    assert "resume.j2" in err and "line 3" in err


@pytest.mark.parametrize("escape", [
    "{{ ''.__class__.__mro__ }}",
    "{{ cycler.__init__.__globals__ }}",
    "{{ lipsum.__globals__ }}",
    "{{ '{0.__class__}'.format('') }}",
    "{{ ''|attr('__class__') }}",
    "{{ self.__init__.__globals__ }}",
    "{{ person.__class__.__base__.__subclasses__() }}",
])
def test_sandbox_escape_fails_cleanly(tmp_path: Path, escape: str) -> None:
    folder = user_templates(tmp_path / "t", {"draft/resume.j2": f"= x\n| {escape}\n"})
    code, out, err = run("draft", "--profile", EXAMPLE_PROFILE, "--templates", folder,
                         "--out", tmp_path / "d")
    assert_one_line_error(err, code=code, expected=ExitCode.USAGE)
    assert "unsafe" in err
    assert "<class" not in out + err and "<function" not in out + err
    assert not (tmp_path / "d").exists()


@pytest.mark.parametrize("text", [
    "= x\n| {% for i in range(10**8) %}{% endfor %}\n",
    '= x\n{% include "draft/resume.j2" %}\n',
], ids=["huge-range", "self-include"])
def test_runaway_template_is_a_template_error(tmp_path: Path, text: str) -> None:
    folder = user_templates(tmp_path / "t", {"draft/resume.j2": text})
    code, _, err = run("draft", "--profile", EXAMPLE_PROFILE, "--templates", folder,
                       "--out", tmp_path / "d")
    assert_one_line_error(err, code=code, expected=ExitCode.USAGE)


MARKERLESS = "= {{ person.name }}\n| fine\nno marker on this line\n"
MARKER_MESSAGE = (r"line 3 starts with 'no'; every line must open with one of "
                  r"= @ # ## ~ - \* \| > and a space")


@pytest.mark.parametrize("name", ["draft/resume.j2", "draft/cover-letter.j2"])
def test_line_without_a_marker_is_the_writers_error(tmp_path: Path, name: str) -> None:
    folder = user_templates(tmp_path / "t", {name: MARKERLESS})
    code, _, err = run("draft", "--profile", EXAMPLE_PROFILE, "--templates", folder,
                       "--out", tmp_path / "d")
    assert_one_line_error(err, code=code, expected=ExitCode.USAGE)
    assert re.search(MARKER_MESSAGE, err), err


def test_line_without_a_marker_names_the_resume_template(tmp_path: Path) -> None:
    folder = user_templates(tmp_path / "t", {"draft/resume.j2": MARKERLESS})
    code, _, err = run("draft", "--profile", EXAMPLE_PROFILE, "--templates", folder,
                       "--out", tmp_path / "d")
    assert_one_line_error(err, code=code, expected=ExitCode.USAGE)
    assert err.startswith("Error: resume template: line 3"), err


# ----------------------------------------------------------------------------------------------
# 6. --reference-docx


def georgia_reference() -> bytes:
    """A career center's reference: Georgia 12 pt body, red headings, every draft style."""
    document = docx.Document()
    normal = document.styles["Normal"]
    normal.font.name = "Georgia"
    normal.font.size = Pt(12)
    document.styles["Heading 1"].font.color.rgb = RGBColor(0xFF, 0x00, 0x00)
    for name in ("Contact", "Entry", "Entry Detail", "Skills", "Letter Body"):
        style = document.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = normal
    document.add_paragraph("Body text of the reference is dropped from drafts.")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_reference_docx_restyles_the_drafts(tmp_path: Path) -> None:
    reference = tmp_path / "ours.docx"
    reference.write_bytes(georgia_reference())
    out = tmp_path / "d"
    code, stdout, err = run("draft", "--level", "senior", "--profile", EXAMPLE_PROFILE,
                            "--reference-docx", reference, "--out", out, "--format", "json")
    assert code == 0, err
    assert json.loads(stdout)["warnings"] == []
    for name in ("resume.docx", "cover-letter.docx"):
        document = docx.Document(str(out / name))
        normal = document.styles["Normal"]
        assert normal.font.name == "Georgia"
        assert normal.font.size == Pt(12)
        assert document.styles["Heading 1"].font.color.rgb == RGBColor(0xFF, 0x00, 0x00)
        texts_ = [p.text for p in document.paragraphs]
        assert "Body text of the reference is dropped from drafts." not in texts_
    resume = (out / "resume.docx").read_bytes()
    assert texts(resume, "Heading 1")[:2] == ["Professional Summary", "Professional Experience"]
    assert texts(resume, "Entry")


def test_plain_reference_falls_back_to_normal_with_warnings(tmp_path: Path) -> None:
    reference = tmp_path / "plain.docx"
    docx.Document().save(str(reference))
    out = tmp_path / "d"
    code, stdout, err = run("draft", "--profile", EXAMPLE_PROFILE, "--reference-docx",
                            reference, "--out", out, "--format", "json")
    assert code == 0, err
    warnings = json.loads(stdout)["warnings"]
    for style in ("Contact", "Entry", "Entry Detail", "Skills", "Letter Body"):
        assert f"the reference document has no style '{style}'; used Normal" in warnings
    resume = (out / "resume.docx").read_bytes()
    styles = {s for s, _ in paragraphs(resume)}
    assert styles <= {"Title", "Heading 1", "List Bullet", "Normal"}
    assert texts(resume, "Title")[0].startswith("Maya Castellanos")
    letter = (out / "cover-letter.docx").read_bytes()
    assert "Dear Hiring Manager," in texts(letter, "Normal")
    code, stdout, err = run("draft", "--profile", EXAMPLE_PROFILE, "--reference-docx",
                            reference, "--out", out, "--force")
    assert code == 0, err
    assert "warning: the reference document has no style 'Contact'; used Normal" in stdout


def zip_without_word() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("hello.txt", "not a Word document")
    return out.getvalue()


@pytest.mark.parametrize("kind", ["text", "empty", "zip", "truncated", "folder", "missing"])
def test_reference_that_is_not_a_word_file_is_a_usage_error(tmp_path: Path, kind: str) -> None:
    reference = tmp_path / "ours.docx"
    if kind == "text":
        reference.write_text("just text", encoding="utf-8")
    elif kind == "empty":
        reference.write_bytes(b"")
    elif kind == "zip":
        reference.write_bytes(zip_without_word())
    elif kind == "truncated":
        data = georgia_reference()
        reference.write_bytes(data[: len(data) // 2])
    elif kind == "folder":
        reference.mkdir()
    code, _, err = run("draft", "--profile", EXAMPLE_PROFILE, "--reference-docx", reference,
                       "--out", tmp_path / "d")
    assert_one_line_error(err, code=code, expected=ExitCode.USAGE)
    assert "ours.docx" in err
    assert not (tmp_path / "d").exists()


def replace_part(data: bytes, name: str, content: bytes) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(data))
    parts = {item.filename: source.read(item.filename) for item in source.infolist()}
    parts[name] = content
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for part, body in parts.items():
            archive.writestr(part, body)
    return out.getvalue()


@pytest.mark.parametrize("part", ["word/styles.xml", "word/document.xml"])
def test_reference_with_malformed_xml_is_a_usage_error(tmp_path: Path, part: str) -> None:
    reference = tmp_path / "ours.docx"
    reference.write_bytes(replace_part(georgia_reference(), part, b"<not xml"))
    code, _, err = run("draft", "--profile", EXAMPLE_PROFILE, "--reference-docx", reference,
                       "--out", tmp_path / "d")
    assert_one_line_error(err, code=code, expected=ExitCode.USAGE)


def test_reference_with_a_character_style_of_a_draft_name(tmp_path: Path) -> None:
    document = docx.Document()
    document.styles.add_style("Contact", WD_STYLE_TYPE.CHARACTER)
    reference = tmp_path / "ours.docx"
    document.save(str(reference))
    code, stdout, err = run("draft", "--profile", EXAMPLE_PROFILE, "--reference-docx",
                            reference, "--out", tmp_path / "d", "--format", "json")
    assert code == 0, err
    assert any("'Contact'" in w for w in json.loads(stdout)["warnings"])
