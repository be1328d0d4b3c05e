"""Profiles: the JSON Resume schema, strict validation, round trips, and reading a resume."""

from __future__ import annotations

import json
import tempfile
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tailor.api import check_resume
from tailor.dates import YearMonth, months, total_months
from tailor.errors import ExitCode, TailorError
from tailor.extract import read_resume, read_resume_bytes
from tailor.profile import (
    MAX_PROFILE_BYTES,
    Award,
    Basics,
    Certificate,
    Education,
    Interest,
    Language,
    License,
    Location,
    Membership,
    Meta,
    Profile,
    ProfileError,
    Project,
    Publication,
    Reference,
    Skill,
    SocialProfile,
    Volunteer,
    Work,
    clean_text,
    find_placeholders,
    iter_dates,
    load_profile,
    parse_profile_text,
    profile_from_resume,
    profile_text_lines,
    profile_to_yaml,
    starter_profile,
)
from tailor.resources import data_dir

REPO = Path(__file__).resolve().parent.parent
EXAMPLE = REPO / "examples" / "profile.yaml"
TODAY = date(2026, 11, 1)


def problem(text: str, name: str = "me.yaml") -> str:
    with pytest.raises(ProfileError) as caught:
        parse_profile_text(text, name)
    return str(caught.value)


def file_problem(tmp_path: Path, name: str, data: bytes) -> str:
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(ProfileError) as caught:
        load_profile(path)
    return str(caught.value)


# ----------------------------------------------------------------------------------------------
# The shipped example


@pytest.fixture(scope="module")
def example() -> Profile:
    return load_profile(EXAMPLE)


def test_example_profile_is_a_complete_senior_care_manager(example: Profile) -> None:
    basics = example.basics
    assert basics.name == "Maya Castellanos, MSN, RN, CCM"
    assert basics.email == "maya.castellanos@example.com"
    assert basics.location == Location(city="Milwaukee", region="WI", postal_code="53202",
                                       country_code="US")
    assert basics.profiles[0].network == "LinkedIn"
    assert [w.position for w in example.work] == [
        "Senior Care Manager, Population Health", "Care Manager, RN",
        "Staff Nurse (RN), Cardiac Telemetry Unit"]
    assert example.work[0].end_date is None
    for job in example.work:
        assert 5 <= len(job.highlights) <= 7
    assert [e.study_type for e in example.education] == ["Master of Science",
                                                         "Bachelor of Science"]
    assert example.licenses[0].state == "Wisconsin"
    assert "EXAMPLE" in (example.licenses[0].number or "")
    assert [c.name for c in example.certificates][:2] == [
        "Certified Case Manager (CCM)", "Certified Professional in Healthcare Quality (CPHQ)"]
    assert example.memberships[0].organization.startswith(  # type: ignore[union-attr]
        "Case Management Society of America (CMSA)")
    assert {lang.language for lang in example.languages} == {"English", "Spanish"}
    assert find_placeholders(example) == []


def test_example_profile_dates_are_consistent(example: Profile) -> None:
    jobs = [w.dates for w in example.work]
    assert all(rng is not None and not rng.problems for rng in jobs)
    care_management = [r for r in jobs[:2] if r is not None]
    years = total_months(care_management, TODAY) / 12
    assert 7 <= years < 8  # about seven years in care management: the senior rung (5-8)
    bedside = jobs[2]
    assert bedside is not None and bedside.end is not None
    # Each job starts the month after the previous one ended; the RN licence came first.
    starts = [w.start_date for w in example.work]
    assert starts == ["2022-02", "2019-04", "2014-08"]
    assert example.licenses[0].issued == "2014-07"
    assert next(label for label, _ in iter_dates(example)).startswith("Senior Care Manager")


def test_example_is_not_the_example_resume(example: Profile) -> None:
    resume_profile, _ = profile_from_resume(read_resume(REPO / "examples" / "resume.docx"))
    assert resume_profile.basics.name != example.basics.name


def test_example_profile_text_scores_high_at_senior(example: Profile) -> None:
    text = "\n".join(profile_text_lines(example))
    resume = read_resume_bytes(text.encode(), "profile.txt")
    report = check_resume(resume, level="senior")
    assert report.score >= 85, [g.label for g in report.gaps]
    assert report.required.found == report.required.total


def test_profile_text_lines(example: Profile) -> None:
    lines = profile_text_lines(example)
    assert lines[0] == "Maya Castellanos, MSN, RN, CCM"
    assert ("Senior Care Manager, Population Health | Northshore Health Partners | "
            "Milwaukee, WI | February 2022 – Present") in lines
    assert ("Staff Nurse (RN), Cardiac Telemetry Unit | Lakeshore Regional Medical Center | "
            "Milwaukee, WI | August 2014 – March 2019") in lines
    assert ("Registered Nurse (RN), multistate compact licence, Wisconsin, License "
            "#EXAMPLE-RN-000000, issued July 2014, expires February 2028") in lines
    assert ("Master of Science in Nursing | Northshore University College of Nursing | "
            "September 2019 – December 2021") in lines
    assert "Spanish (Professional working proficiency)" in lines
    assert any(line.startswith("Tools: Epic, Care management software") for line in lines)
    for job in example.work:
        for highlight in job.highlights:
            assert highlight in lines
    assert "Experience" in lines
    assert "Experience" not in profile_text_lines(example, headings=False)
    assert all(line for line in lines)


# ----------------------------------------------------------------------------------------------
# The starter


def test_starter_profile_loads_and_is_all_placeholders(tmp_path: Path) -> None:
    text = starter_profile()
    assert text == (data_dir("templates") / "profile-starter.yaml").read_text(encoding="utf-8")
    assert "studyType" in text and "highlights" in text and "licenses" in text
    path = tmp_path / "me.yaml"
    path.write_text(text, encoding="utf-8")
    profile = load_profile(path)
    assert profile.basics.name == "[First Last, RN]"
    assert profile.work[0].start_date == "[2021-03]"
    assert profile.work[0].dates is None  # a placeholder date is no date
    holes = find_placeholders(profile)
    assert holes[:3] == ["basics.name", "basics.label", "basics.email"]
    assert "work 1.highlights 1" in holes
    assert "licenses 1.number" in holes
    # Every value the person writes is a placeholder: nothing pretends to be a fact.
    assert all("[" in line for line in profile_text_lines(profile, headings=False))


# ----------------------------------------------------------------------------------------------
# JSON Resume


FULL_JSON_RESUME = {
    "$schema": "https://raw.githubusercontent.com/jsonresume/resume-schema/v1.0.0/schema.json",
    "basics": {
        "name": "Alex Morgan", "label": "Care Manager", "image": "https://example.com/a.png",
        "email": "alex@example.com", "phone": "(555) 555-0100", "url": "https://alex.example",
        "summary": "RN with five years of care coordination.",
        "location": {"address": "1 Main St", "postalCode": "43215", "city": "Columbus",
                     "countryCode": "US", "region": "OH"},
        "profiles": [{"network": "LinkedIn", "username": "alexm",
                      "url": "https://www.linkedin.com/in/alexm"}],
    },
    "work": [{"name": "Riverside Health", "position": "Care Manager",
              "url": "https://riverside.example", "startDate": "2021-03", "endDate": "2024-06-30",
              "summary": "Complex care.", "highlights": ["Managed 60 patients"],
              "location": "Columbus, OH", "description": "Health system"}],
    "volunteer": [{"organization": "Free Clinic", "position": "Volunteer Nurse",
                   "url": "https://clinic.example", "startDate": "2019", "endDate": "2020",
                   "summary": "Screenings.", "highlights": ["Screened 150 adults"]}],
    "education": [{"institution": "Ohio State University", "url": "https://osu.example",
                   "area": "Nursing", "studyType": "Bachelor of Science", "startDate": "2014",
                   "endDate": "2018", "score": "3.7", "courses": ["Community Health"]}],
    "awards": [{"title": "DAISY Award", "date": "2022-05-01", "awarder": "Riverside Health",
                "summary": "For compassion."}],
    "certificates": [{"name": "Certified Case Manager (CCM)", "date": "2022",
                      "issuer": "CCMC", "url": "https://ccmc.example"},
                     {"name": "Registered Nurse (RN), Ohio", "date": "2018"}],
    "publications": [{"name": "Poster", "publisher": "CMSA", "releaseDate": "2023",
                      "url": "https://p.example", "summary": "Outreach."}],
    "skills": [{"name": "Care management", "level": "Advanced",
                "keywords": ["Care coordination", "Discharge planning"]}],
    "languages": [{"language": "Spanish", "fluency": "Conversational"}],
    "interests": [{"name": "Running", "keywords": ["trails"]}],
    "references": [{"name": "Pat Doe", "reference": "Alex is great."}],
    "projects": [{"name": "RPM pilot", "description": "Remote monitoring.",
                  "highlights": ["220 patients"], "keywords": ["telehealth"],
                  "startDate": "2023-01", "endDate": "2023-12", "url": "https://rpm.example",
                  "roles": ["Lead"], "entity": "Riverside Health", "type": "program"}],
    "meta": {"canonical": "https://example.com/resume.json", "version": "v1.0.0",
             "lastModified": "2024-01-01T00:00"},
}


def test_full_json_resume_loads(tmp_path: Path) -> None:
    path = tmp_path / "resume.json"
    path.write_text(json.dumps(FULL_JSON_RESUME), encoding="utf-8")
    profile = load_profile(path)
    assert profile.schema_url is not None and profile.schema_url.endswith("schema.json")
    assert profile.basics.location == Location("1 Main St", "43215", "Columbus", "US", "OH")
    assert profile.work[0] == Work(
        name="Riverside Health", position="Care Manager", location="Columbus, OH",
        description="Health system", url="https://riverside.example", start_date="2021-03",
        end_date="2024-06-30", summary="Complex care.", highlights=("Managed 60 patients",))
    assert profile.education[0].study_type == "Bachelor of Science"
    assert profile.projects[0].roles == ("Lead",)
    assert profile.meta == Meta("https://example.com/resume.json", "v1.0.0", "2024-01-01T00:00")
    # A licence written as a certificate still counts as a licence.
    assert [lic.name for lic in profile.all_licenses] == ["Registered Nurse (RN), Ohio"]
    assert not profile.certificates[0].is_license
    # Every section survives a YAML round trip.
    again = parse_profile_text(profile_to_yaml(profile), "me.yaml")
    assert again == profile


def test_format_follows_extension_then_content(tmp_path: Path) -> None:
    path = tmp_path / "profile"
    path.write_text('{"basics": {"name": "Alex"}}', encoding="utf-8")
    assert load_profile(path).basics.name == "Alex"
    path.write_text("basics:\n  name: Alex\n", encoding="utf-8")
    assert load_profile(path).basics.name == "Alex"
    yml = tmp_path / "me.yml"
    yml.write_bytes(b"\xef\xbb\xbfbasics:\n  name: Alex\n")  # a byte-order mark is fine
    assert load_profile(yml).basics.name == "Alex"


def test_values_are_plain_clean_text() -> None:
    profile = parse_profile_text(
        '{"basics": {"name": "Jane\\u0007 \\u200bDoe\\u0000", "summary": "  two\\n\\nlines "},'
        ' "work": [{"position": "{{ config }}", "highlights": ["=SUM(A1)", "\\ufffeok"]}]}',
        "me.json")
    assert profile.basics.name == "Jane Doe"
    assert profile.basics.summary == "two lines"
    assert profile.work[0].position == "{{ config }}"  # data, never template code
    assert profile.work[0].highlights == ("=SUM(A1)", "ok")


def test_dates_in_every_written_form() -> None:
    profile = parse_profile_text(
        "work:\n"
        "  - startDate: 2019\n    endDate: 2021-03-15\n"  # YAML reads these as a number, a date
        "  - startDate: '2021-04'\n    endDate: Present\n"
        "education:\n  - endDate: '2026-05'\n",
        "me.yaml")
    assert (profile.work[0].start_date, profile.work[0].end_date) == ("2019", "2021-03-15")
    assert profile.work[1].end_date is None
    current = profile.work[1].dates
    assert current is not None and current.present
    assert months(current, TODAY) == 68
    graduation = profile.education[0].dates
    assert graduation is not None and graduation.single
    assert graduation.start == YearMonth(2026, 5)


# ----------------------------------------------------------------------------------------------
# Bad profiles: one clear message each


def test_typo_field_suggests_the_name() -> None:
    text = ("work:\n  - name: Mercy Hospital\n    position: Staff Nurse\n"
            "  - name: Riverside Health\n    position: Care Manager\n    hightlights: [x]\n")
    assert problem(text) == ("me.yaml: work 2 (Riverside Health): field 'hightlights': unknown "
                             "field (did you mean 'highlights'?)")


@pytest.mark.parametrize(("text", "message"), [
    ("wrok: []\n", "me.yaml: field 'wrok': unknown field (did you mean 'work'?)"),
    ("basics:\n  location:\n    zip: '43215'\n",
     "me.yaml: basics: field 'location.zip': unknown field (fields here are: address, "
     "postalCode, city, countryCode, region)"),
    ("basics:\n  emial: a@b.co\n",
     "me.yaml: basics: field 'emial': unknown field (did you mean 'email'?)"),
    ("certificates:\n  - name: CCM\n    issuer: CCMC\n    expiry: '2027'\n",
     "me.yaml: certificates 1 (CCM): field 'expiry': unknown field (fields here are: name, "
     "date, issuer, url)"),
    ("education:\n  - institution: OSU\n    degree: BSN\n",
     "me.yaml: education 1 (OSU): field 'degree': unknown field (fields here are: "
     "institution, url, area, studyType, startDate, endDate, score, courses)"),
])
def test_unknown_fields(text: str, message: str) -> None:
    assert problem(text) == message


@pytest.mark.parametrize(("text", "message"), [
    ("work:\n  - name: Riverside Health\n    highlights: Led discharge planning\n",
     "me.yaml: work 1 (Riverside Health): field 'highlights': must be a list (each item on "
     "its own line starting with '- '), not text"),
    ("basics:\n  location:\n    postalCode: 43215\n",
     "me.yaml: basics: field 'location.postalCode': must be text, not a number (got 43215); "
     "put it in quotes"),
    ("basics:\n  name: yes\n",
     "me.yaml: basics: field 'name': must be text, not true/false (got True); put it in quotes"),
    ("work:\n  name: X\n",
     "me.yaml: field 'work': must be a list (each item on its own line starting with '- '), "
     "not a mapping"),
    ("work:\n  - Care Manager\n",
     "me.yaml: work 1: must be a mapping of fields (name: value), not text"),
    ("basics: [Jane]\n",
     "me.yaml: field 'basics': must be a mapping of fields (name: value), not a list"),
    ("languages:\n  - language: Spanish\n    fluency: [good]\n",
     "me.yaml: languages 1 (Spanish): field 'fluency': must be text, not a list (got ['good'])"),
    ("basics:\n  email: not-an-email\n",
     "me.yaml: basics: field 'email': is not an email address (got 'not-an-email')"),
    ("basics:\n  profiles:\n    - network: LinkedIn\n      url: linked in\n",
     "me.yaml: basics: field 'profiles 1.url': is not a web address: it holds spaces (got "
     "'linked in')"),
    ("work:\n  - name: R\n    highlights:\n      - ok\n      -\n",
     "me.yaml: work 1 (R): field 'highlights 2': is empty; remove the item or fill it in"),
])
def test_wrong_types(text: str, message: str) -> None:
    assert problem(text) == message


@pytest.mark.parametrize(("text", "message"), [
    ("work:\n  - name: R\n    startDate: March 2021\n",
     "me.yaml: work 1 (R): field 'startDate': must be a date written YYYY, YYYY-MM or "
     "YYYY-MM-DD (got 'March 2021')"),
    ("work:\n  - name: R\n    startDate: 2021-13\n",
     "me.yaml: work 1 (R): field 'startDate': must be a date written YYYY, YYYY-MM or "
     "YYYY-MM-DD (got '2021-13')"),
    ("awards:\n  - title: DAISY\n    date: '2021-02-30'\n",
     "me.yaml: awards 1 (DAISY): field 'date': must be a date written YYYY, YYYY-MM or "
     "YYYY-MM-DD (got '2021-02-30')"),
    ("work:\n  - name: R\n    startDate: 1850\n",
     "me.yaml: work 1 (R): field 'startDate': must be a date written YYYY, YYYY-MM or "
     "YYYY-MM-DD (got '1850')"),
    ("work:\n  - name: R\n    startDate: 2021-03\n    endDate: 2019\n",
     "me.yaml: work 1 (R): field 'endDate': 2019 is before startDate 2021-03"),
    ("licenses:\n  - name: RN\n    issued: 2020\n    expires: 2019-05\n",
     "me.yaml: licenses 1 (RN): field 'expires': 2019-05 is before issued 2020"),
    ("work:\n  - startDate: present\n",
     "me.yaml: work 1: field 'startDate': cannot be 'present'; only an end date can"),
    ("work:\n  - startDate: 2021-03-01 10:00:00\n",
     "me.yaml: work 1: field 'startDate': must be a date (YYYY, YYYY-MM or YYYY-MM-DD), not "
     "a date and time"),
    ("work:\n  - startDate: [2021]\n",
     "me.yaml: work 1: field 'startDate': must be a date (YYYY, YYYY-MM or YYYY-MM-DD), not "
     "a list"),
])
def test_bad_dates(text: str, message: str) -> None:
    assert problem(text) == message


def test_long_values_name_the_field() -> None:
    assert problem("basics:\n  summary: '" + "x" * 2001 + "'\n") == (
        "me.yaml: basics: field 'summary': is too long (2,001 characters; at most 2,000)")
    assert problem("work:\n  - name: R\n    highlights:\n      - ok\n      - '" + "y" * 501
                   + "'\n") == ("me.yaml: work 1 (R): field 'highlights 2': is too long "
                                "(501 characters; at most 500)")
    assert problem("work:\n  - position: '" + "z" * 301 + "'\n").endswith(
        "field 'position': is too long (301 characters; at most 300)")


def test_lists_are_capped() -> None:
    text = "work:\n  - name: R\n    highlights:\n" + "      - did a thing\n" * 201
    assert problem(text) == ("me.yaml: work 1 (R): field 'highlights': has too many items (at "
                             "most 200)")


def test_many_problems_are_listed_then_counted() -> None:
    text = "work:\n" + "".join(f"  - nmae: job {i}\n" for i in range(30))
    lines = problem(text).splitlines()
    assert len(lines) == 26
    assert lines[0] == ("me.yaml: work 1: field 'nmae': unknown field (did you mean 'name'?)")
    assert lines[-1] == "me.yaml: ... and 5 more problems"


@pytest.mark.parametrize(("text", "message"), [
    ("basics: &b\n  name: X\nwork: *b\n",
     "me.yaml: YAML anchors and aliases (&name, *name) are not allowed (line 1); write the "
     "values out"),
    ("basics:\n  name: &n X\n",
     "me.yaml: YAML anchors and aliases (&name, *name) are not allowed (line 2); write the "
     "values out"),
    ("basics:\n  name: X\nbasics:\n  name: Y\n",
     "me.yaml: not valid YAML at line 3, column 1: key 'basics' appears twice in one mapping"),
    ("basics: !!python/object/apply:os.system ['echo hi']\n",
     "me.yaml: not valid YAML at line 1, column 9: could not determine a constructor for the "
     "tag 'tag:yaml.org,2002:python/object/apply:os.system'"),
    ("work: [\n", "me.yaml: not valid YAML at line 2, column 1: did not find expected node "
                  "content"),
    ("- a\n- b\n", "me.yaml: must be a mapping of JSON Resume sections (basics:, work:, "
                   "education:...), not a list"),
    ("just some words\n", "me.yaml: must be a mapping of JSON Resume sections (basics:, work:, "
                          "education:...), not text"),
    ("1: x\n", "me.yaml: not valid YAML at line 1, column 1: a field name must be text, not a "
               "number (1)"),
    ("# only a comment\n", "me.yaml: holds no data (only comments or blank lines)"),
    ("   \n", "me.yaml: is empty; start from templates/profile-starter.yaml or "
             "examples/profile.yaml"),
    ("a:\n" + "  " + "- " * 30 + "x\n",
     "me.yaml: is nested too deeply to be a profile (more than 20 levels, line 2)"),
])
def test_unreadable_yaml(text: str, message: str) -> None:
    assert problem(text) == message


@pytest.mark.parametrize(("text", "message"), [
    ('{"basics": {"name": "X",}}', "me.json: not valid JSON at line 1, column 25: Expecting "
                                   "property name enclosed in double quotes"),
    ('{"basics": {"name": "X"}, "basics": {}}', "me.json: key 'basics' appears twice in one "
                                                "object"),
    ('{"basics": {"name": NaN}}', "me.json: not valid JSON: NaN is not a value"),
    ("[" * 30 + "]" * 30, "me.json: is nested too deeply to be a profile (more than 20 "
                          "levels)"),
    ("[" * 50_000 + "]" * 50_000, "me.json: is nested too deeply to be a profile"),
    ('{"work": [{"hightlights": []}]}', "me.json: work 1: field 'hightlights': unknown field "
                                       "(did you mean 'highlights'?)"),
    ('{"basics": {"location": {"postalCode": 43215}}}',
     "me.json: basics: field 'location.postalCode': must be text, not a number (got 43215); "
     "put it in quotes"),
])
def test_unreadable_json(text: str, message: str) -> None:
    assert problem(text, "me.json") == message


def test_deep_yaml_does_not_crash_the_interpreter() -> None:
    assert "nested too deeply" in problem("[" * 200_000 + "]" * 200_000)


def test_unreadable_files(tmp_path: Path) -> None:
    assert file_problem(tmp_path, "big.yaml", b"#" * (MAX_PROFILE_BYTES + 1)) == (
        "big.yaml: file is 2,000,001 bytes; profiles are capped at 2,000,000 (a full profile "
        "is a few KB)")
    assert file_problem(tmp_path, "photo.yaml", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR") == (
        "photo.yaml: is not a text file (it holds binary data); a profile is YAML or JSON text")
    assert file_problem(tmp_path, "latin.yaml", b"basics:\n  name: Jos\xe9\n") == (
        "latin.yaml: is not UTF-8 text (bad byte at position 19); save it as UTF-8")
    assert file_problem(tmp_path, "empty.json", b"") == (
        "empty.json: is empty; start from templates/profile-starter.yaml or "
        "examples/profile.yaml")
    assert file_problem(tmp_path, "controls.yaml", bytes(range(1, 32)) * 40) == (
        "controls.yaml: is not a text file (it holds binary data); a profile is YAML or JSON "
        "text")
    with pytest.raises(ProfileError, match=r"^missing\.yaml: no such profile file$"):
        load_profile(tmp_path / "missing.yaml")
    (tmp_path / "folder.yaml").mkdir()
    with pytest.raises(ProfileError, match=r"^folder\.yaml: is a folder, not a profile file$"):
        load_profile(tmp_path / "folder.yaml")


def test_profile_error_is_a_bad_data_file() -> None:
    assert issubclass(ProfileError, TailorError)
    assert ProfileError("x").exit_code is ExitCode.BAD_DATA_FILE
    assert ProfileError.exit_code == 4


@given(st.binary(max_size=300))
@settings(max_examples=300, deadline=None)
def test_any_bytes_give_a_profile_or_a_profile_error(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        for name in ("p.yaml", "p.json"):
            path = Path(folder) / name
            path.write_bytes(data)
            try:
                profile = load_profile(path)
            except ProfileError as exc:
                assert str(exc).startswith(f"{name}: ")
            else:
                assert isinstance(profile, Profile)


# ----------------------------------------------------------------------------------------------
# Round trips


def _clean(text: str) -> str:
    return clean_text(text)


_TEXT = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), min_size=1,
                max_size=30).map(_clean).filter(bool)
_OPT = st.none() | _TEXT
_ITEMS = st.lists(_TEXT, max_size=3).map(tuple)


@st.composite
def _span(draw: st.DrawFn) -> tuple[str | None, str | None]:
    def iso() -> str:
        year = draw(st.integers(1950, 2030))
        form = draw(st.sampled_from(["y", "ym", "ymd"]))
        if form == "y":
            return f"{year}"
        month = draw(st.integers(1, 12))
        if form == "ym":
            return f"{year}-{month:02d}"
        return f"{year}-{month:02d}-{draw(st.integers(1, 28)):02d}"

    first, second = iso(), iso()
    first, second = sorted((first, second), key=lambda t: t[:4])
    if first[:4] == second[:4]:
        second = first
    start = draw(st.sampled_from([first, None, "[2021-03]"]))
    end = draw(st.sampled_from([second, None]))
    return start, end


_DATE = st.none() | st.sampled_from(["2020", "2021-06", "2019-02-28", "[YYYY]"])
_URL = st.none() | st.from_regex(r"https://[a-z]{1,8}\.example/[a-z0-9]{0,6}", fullmatch=True)
_EMAIL = st.none() | st.from_regex(r"[a-z]{1,8}@[a-z]{1,8}\.org", fullmatch=True)


@st.composite
def profiles(draw: st.DrawFn) -> Profile:
    def spanned(cls: type, **kwargs: object) -> object:
        start, end = draw(_span())
        return cls(start_date=start, end_date=end, **{k: draw(v) for k, v in kwargs.items()})

    location = draw(st.none() | st.builds(Location, address=_OPT, postal_code=_OPT, city=_OPT,
                                          country_code=_OPT, region=_OPT))
    basics = Basics(
        name=draw(_OPT), label=draw(_OPT), image=draw(_URL), email=draw(_EMAIL),
        phone=draw(_OPT), url=draw(_URL), summary=draw(_OPT), location=location,
        profiles=tuple(draw(st.lists(st.builds(SocialProfile, network=_OPT, username=_OPT,
                                               url=_URL), max_size=2))),
    )
    small = {"max_size": 2}
    return Profile(
        basics=basics,
        work=tuple(spanned(Work, name=_OPT, position=_OPT, location=_OPT, description=_OPT,
                           url=_URL, summary=_OPT, highlights=_ITEMS)
                   for _ in range(draw(st.integers(0, 3)))),  # type: ignore[misc]
        volunteer=tuple(spanned(Volunteer, organization=_OPT, position=_OPT, url=_URL,
                                summary=_OPT, highlights=_ITEMS)
                        for _ in range(draw(st.integers(0, 1)))),  # type: ignore[misc]
        education=tuple(spanned(Education, institution=_OPT, url=_URL, area=_OPT,
                                study_type=_OPT, score=_OPT, courses=_ITEMS)
                        for _ in range(draw(st.integers(0, 2)))),  # type: ignore[misc]
        awards=tuple(draw(st.lists(st.builds(Award, title=_OPT, date=_DATE, awarder=_OPT,
                                             summary=_OPT), **small))),
        certificates=tuple(draw(st.lists(st.builds(Certificate, name=_OPT, date=_DATE,
                                                   issuer=_OPT, url=_URL), **small))),
        publications=tuple(draw(st.lists(st.builds(Publication, name=_OPT, publisher=_OPT,
                                                   release_date=_DATE, url=_URL,
                                                   summary=_OPT), **small))),
        skills=tuple(draw(st.lists(st.builds(Skill, name=_OPT, level=_OPT, keywords=_ITEMS),
                                   max_size=3))),
        languages=tuple(draw(st.lists(st.builds(Language, language=_OPT, fluency=_OPT),
                                      **small))),
        interests=tuple(draw(st.lists(st.builds(Interest, name=_OPT, keywords=_ITEMS),
                                      **small))),
        references=tuple(draw(st.lists(st.builds(Reference, name=_OPT, reference=_OPT),
                                       **small))),
        projects=tuple(spanned(Project, name=_OPT, description=_OPT, highlights=_ITEMS,
                               keywords=_ITEMS, url=_URL, roles=_ITEMS, entity=_OPT, type=_OPT)
                       for _ in range(draw(st.integers(0, 1)))),  # type: ignore[misc]
        licenses=tuple(draw(st.lists(st.builds(License, name=_OPT, state=_OPT, number=_OPT,
                                               issued=st.none(), expires=_DATE), **small))),
        memberships=tuple(spanned(Membership, organization=_OPT, role=_OPT, url=_URL)
                          for _ in range(draw(st.integers(0, 1)))),  # type: ignore[misc]
        meta=draw(st.none() | st.builds(Meta, canonical=_URL, version=_OPT,
                                        last_modified=_OPT)),
        schema_url=draw(_URL),
    )


def _normal(profile: Profile) -> Profile:
    """What a profile reads back as: an all-empty location or meta is no location or meta."""
    basics = profile.basics
    if basics.location == Location():
        basics = Basics(**{**{f: getattr(basics, f) for f in Basics.__slots__},  # type: ignore[attr-defined]
                           "location": None})
    meta = None if profile.meta == Meta() else profile.meta
    values = {f: getattr(profile, f) for f in Profile.__slots__}  # type: ignore[attr-defined]
    values.update(basics=basics, meta=meta)
    return Profile(**values)


@given(profiles(), st.booleans())
@settings(max_examples=150, deadline=None)
def test_generated_profiles_survive_dump_and_load(profile: Profile, comments: bool) -> None:
    text = profile_to_yaml(profile, comments=comments)
    assert parse_profile_text(text, "me.yaml") == _normal(profile)


def test_example_round_trips_through_a_file(example: Profile, tmp_path: Path) -> None:
    path = tmp_path / "again.yaml"
    path.write_text(profile_to_yaml(example), encoding="utf-8")
    assert load_profile(path) == example
    text = profile_to_yaml(example, comments=False)
    assert "#" not in "".join(line[:1] for line in text.splitlines())
    assert profile_to_yaml(Profile()) == profile_to_yaml(Profile(), comments=True)
    assert parse_profile_text(profile_to_yaml(Profile()), "empty.yaml") == Profile()


def test_tricky_strings_round_trip() -> None:
    tricky = ("yes", "null", "~", "- dash", "a: b", "#hash", "'quoted'", '"double"', "2021",
              "2021-03-01", "@home", "=SUM(A1)", "{{ x }}", "[not a list", "Ünïcödé ✓ 护士",
              "\U0001F469\u200d\u2695\ufe0f", "x" * 500)
    profile = Profile(work=(Work(name="R", highlights=tricky),))
    assert parse_profile_text(profile_to_yaml(profile), "me.yaml") == profile


# ----------------------------------------------------------------------------------------------
# From a resume


def test_profile_from_the_example_resume() -> None:
    profile, warnings = profile_from_resume(read_resume(REPO / "examples" / "resume.docx"))
    assert warnings == []
    basics = profile.basics
    assert basics.name == "Jordan Rivera, RN, BSN"
    assert (basics.email, basics.phone) == ("jordan.rivera@example.com", "(614) 555-0142")
    assert basics.location == Location(postal_code="43215", city="Columbus", region="OH")
    assert basics.profiles == (SocialProfile(network="LinkedIn", username="jordan-rivera-rn",
                                             url="linkedin.com/in/jordan-rivera-rn"),)
    assert basics.summary is not None and basics.summary.startswith("Registered Nurse")
    care, nurse = profile.work
    assert (care.position, care.name, care.location) == (
        "Care Manager, RN", "Riverside Community Health Partners", "Columbus, OH")
    assert (care.start_date, care.end_date) == ("2021-03", None)
    assert len(care.highlights) == 7
    assert (nurse.start_date, nurse.end_date) == ("2018-06", "2021-02")
    assert profile.education == (Education(institution="The Ohio State University",
                                           area="Nursing (BSN)",
                                           study_type="Bachelor of Science", end_date="2018"),)
    assert profile.licenses == (License(name="Registered Nurse (RN)", state="Ohio",
                                        number="RN.000000", expires="2027-08"),)
    assert profile.certificates == (Certificate(name="Basic Life Support (BLS)",
                                                issuer="American Heart Association",
                                                date="2025"),)
    assert profile.memberships == (Membership(
        organization="Case Management Society of America (CMSA)", role="Member",
        start_date="2022"),)
    assert [s.name for s in profile.skills][:2] == ["Care coordination",
                                                    "Care plan development"]
    # The profile is valid: it survives the same round trip a written one does.
    assert parse_profile_text(profile_to_yaml(profile), "me.yaml") == profile


SAM = """Sam Lee, MSW, LSW
Care Coordinator | Social Worker
Dayton, OH 45402 | (937) 555-0110 | sam.lee@example.com | linkedin.com/in/samlee | \
samlee.example.org

Summary
Licensed social worker with three years of care coordination for older adults.

Experience
Care Coordinator | Area Agency on Aging | 2022 – Present
- Managed a caseload of 55 older adults
Acme | Zorblax | 2019 - 2020
- Did things
Social Work Intern, Montgomery County Job and Family Services, 2021 – 2019
- Completed psychosocial assessments

Volunteer Experience
Crisis Line Volunteer | Dayton Crisis Center | 2018 – 2020
- Answered 300 calls

Education
Master of Social Work, Wright State University, May 2022
GPA 3.9
Relevant coursework: Gerontology, Case Management, Social Policy
Dean's List

Licenses & Certifications
Licensed Social Worker (LSW), State of Ohio, License No. S.1234567, expires 10/2026
Certified Social Work Case Manager (C-SWCM), NASW, 2023, renewal pending review

Skills
Care coordination; crisis intervention; Microsoft Office (Word, Excel)
Languages: Spanish (conversational)

Honors
Outstanding Field Placement Award, Wright State University, 2022

Affiliations
National Association of Social Workers (NASW), Member, 2020 – present
References
Available upon request
Hobbies
Trail running
"""


def test_profile_from_a_text_resume_keeps_every_fact_and_warns() -> None:
    profile, warnings = profile_from_resume(read_resume_bytes(SAM.encode(), "sam.txt"))
    basics = profile.basics
    assert basics.name == "Sam Lee, MSW, LSW"
    assert basics.label == "Care Coordinator | Social Worker"
    assert basics.url == "samlee.example.org"
    assert [(w.position, w.name, w.start_date, w.end_date) for w in profile.work] == [
        ("Care Coordinator", "Area Agency on Aging", "2022", None),
        ("Acme", "Zorblax", "2019", "2020"),
        ("Social Work Intern", "Montgomery County Job and Family Services", None, None),
    ]
    assert profile.work[2].summary == "Dates as written: 2021 – 2019"
    assert profile.volunteer == (Volunteer(
        organization="Dayton Crisis Center", position="Crisis Line Volunteer",
        start_date="2018", end_date="2020", highlights=("Answered 300 calls",)),)
    [msw] = profile.education
    assert (msw.study_type, msw.institution, msw.end_date, msw.score) == (
        "Master of Social Work", "Wright State University", "2022-05", "3.9 GPA")
    assert msw.courses == ("Gerontology", "Case Management", "Social Policy")
    assert profile.licenses == (License(name="Licensed Social Worker (LSW)", state="Ohio",
                                        number="S.1234567", expires="2026-10"),)
    assert profile.certificates == (Certificate(
        name="Certified Social Work Case Manager (C-SWCM)", issuer="NASW", date="2023"),)
    assert [(a.title, a.awarder) for a in profile.awards] == [
        ("Dean's List", "Wright State University"),
        ("Outstanding Field Placement Award", "Wright State University")]
    assert profile.memberships == (Membership(
        organization="National Association of Social Workers (NASW)", role="Member",
        start_date="2020"),)
    assert profile.interests == (Interest(name="Trail running"),)
    assert profile.languages == (Language(language="Spanish", fluency="conversational"),)
    assert warnings == [
        "line 9: could not tell title from employer in 'Acme / Zorblax'; read them in order "
        "(title first)",
        "line 11: the dates '2021 – 2019' end before they start; kept them in the summary for "
        "you to fix",
        "line 23: check the details of 'Certified Social Work Case Manager (C-SWCM)' ('NASW, "
        "2023, renewal pending review'); 'renewal pending review' has no field of its own",
        "line 32: left out the references line ('Available upon request'); add references "
        "only if an employer asks",
    ]
    assert parse_profile_text(profile_to_yaml(profile), "me.yaml") == profile


def test_profile_from_a_resume_without_a_name() -> None:
    resume = read_resume_bytes(b"EXPERIENCE\nCare Manager | Riverside Health | 2020 - 2021\n",
                               "r.txt")
    profile, warnings = profile_from_resume(resume)
    assert profile.basics.name is None
    assert "found no name at the top of the resume; add basics.name" in warnings
    assert profile.work[0].position == "Care Manager"


def test_one_date_beside_a_job_is_start_and_end() -> None:
    resume = read_resume_bytes(b"Jo Doe\nExperience\nCare Manager | Riverside Health | 2019\n"
                               b"- Coordinated care\n", "r.txt")
    profile, warnings = profile_from_resume(resume)
    assert (profile.work[0].start_date, profile.work[0].end_date) == ("2019", "2019")
    assert warnings == ["line 3: only one date ('2019'); read it as both start and end"]


def test_odd_dates_in_a_resume_are_reported() -> None:
    resume = read_resume_bytes(b"Jo Doe\nExperience\nCare Manager | Riverside Health | "
                               b"13/2020 - Present\nStaff Nurse | Mercy Hospital | "
                               b"Jun '15 - Jan '19\n", "r.txt")
    profile, warnings = profile_from_resume(resume)
    assert [(w.start_date, w.end_date) for w in profile.work] == [("2020", None),
                                                                  ("2015-06", "2019-01")]
    assert warnings == [
        "line 3: check the dates '13/2020 - Present' (month out of range)",
        "line 4: check the dates 'Jun '15 - Jan '19' (two-digit year)",
    ]
