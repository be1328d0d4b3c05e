"""run_checks as a whole: stable ids and groups, robustness on any lines, and speed."""

from __future__ import annotations

import string
import time
from functools import cache

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tailor.catalog import load_catalog
from tailor.checks import CHECKS, run_checks
from tailor.extract import read_resume_bytes
from tailor.models import FileKind, Layout, Level, RawLine, ResumeText, Source, Status
from tailor.sections import assign_sections
from tests import factories as fx

IDS = (
    "readable-text", "standard-sections", "contact-details", "text-boxes", "layout-tables",
    "columns", "images", "section-headings", "garbled-text", "fonts", "file-name", "file-type",
    "measurable-results", "action-verbs", "first-person", "length", "date-format", "buzzwords",
    "licensure", "ehr-systems", "patient-privacy",
)
GROUPS = {"parse": IDS[:12], "content": IDS[12:18], "healthcare": IDS[18:]}


@cache
def levels() -> tuple[Level | None, ...]:
    return (None, *load_catalog().levels)


def test_ids_groups_and_order_are_stable() -> None:
    results = run_checks(read_resume_bytes(fx.docx_resume(), "Jane-Doe-Resume.docx"))
    assert tuple(r.id for r in results) == IDS
    assert len(CHECKS) == len(IDS)
    for group, ids in GROUPS.items():
        assert all(r.group == group for r in results if r.id in ids)


def test_results_point_at_real_lines_and_stay_on_one_line() -> None:
    for data, name in ((fx.docx_resume(), "a.docx"), (fx.pdf_resume(), "a.pdf"),
                       (fx.text_resume(), "a.txt"), (fx.resume_docx(), "b.docx")):
        resume = read_resume_bytes(data, name)
        numbers = {line.number for line in resume.lines}
        for level in levels():
            for result in run_checks(resume, level):
                assert set(result.lines) <= numbers, result
                assert "\n" not in result.message and "\n" not in result.fix
                assert result.message.endswith((".", ")")), result.message
                if result.status is not Status.PASS:
                    assert result.fix, result


def test_pdf_layout_facts() -> None:
    resume = read_resume_bytes(fx.pdf_resume(), "r.pdf")
    assert resume.layout.text_chars > 1500
    assert resume.layout.garbled_chars == 0
    assert (resume.layout.columns, resume.layout.column_pages, resume.layout.images) == (1, (), 0)


LINE_TEXT = st.lists(
    st.one_of(
        st.sampled_from(list(string.ascii_letters + string.digits + " .,;:-–/()#%$@'&|•")),
        st.characters(min_codepoint=0x20, max_codepoint=0x2FFF),
        st.sampled_from(["\ue000", "\uf0b7", "\ufffd", "(cid:12)", " Patient ", " 2019 "]),
    ),
    min_size=1, max_size=40,
).map(lambda parts: " ".join("".join(parts).split())).filter(bool)
WORDS = st.sampled_from([
    "EXPERIENCE", "Education", "Skills:", "Licenses & Certifications", "My Journey",
    "Responsible for 40 patients", "patient John Smith", "MRN 1234567", "DOB 03/14/1957",
    "Jan 2020 – Present", "03/2021 – 2019", "RN", "rn", "R.N.", "Epic", "EHR", "I coordinated",
    "team player", "jane@example.com", "(614) 555-0123", "123-45-6789", "Mrs. Lopez room 4",
    "Care Manager I", "NCLEX pending", "LCSW, License #12", "Managed 60 adults", "",
])
RAW_LINE = st.builds(
    RawLine,
    text=st.one_of(LINE_TEXT, WORDS.filter(bool), st.tuples(WORDS, LINE_TEXT).map(" ".join)),
    source=st.sampled_from(list(Source)),
    page=st.one_of(st.none(), st.integers(1, 3)),
    style=st.sampled_from([None, "Heading1", "Title", "ListBullet", "Normal"]),
    wrap=st.booleans(), bold=st.booleans(), bullet=st.booleans(),
)
LAYOUT = st.builds(
    Layout, pages=st.one_of(st.none(), st.integers(0, 40)), tables=st.integers(0, 5),
    nested_tables=st.integers(0, 2), text_boxes=st.integers(0, 3), images=st.integers(0, 3),
    fonts=st.lists(st.sampled_from(["Calibri", "Wingdings", "Brush Script MT", "Lato", "",
                                    "ABCDEF+Helvetica-Bold"]), max_size=3).map(tuple),
    columns=st.integers(1, 4), column_pages=st.lists(st.integers(1, 3), max_size=2).map(tuple),
    text_chars=st.integers(0, 5000), garbled_chars=st.integers(0, 5000),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(raw=st.lists(RAW_LINE, max_size=40), layout=LAYOUT,
       kind=st.sampled_from(list(FileKind)),
       name=st.sampled_from(["resume.docx", "Jane-Doe-Resume.pdf", "cv (2).txt", "x", ".md",
                             "José García CV final.docx"]),
       notes=st.lists(st.sampled_from(["named .docx but is a PDF; rename it", "repaired"]),
                      max_size=2).map(tuple),
       level_index=st.integers(0, 6))
def test_any_lines_give_every_check_once(raw: list[RawLine], layout: Layout, kind: FileKind,
                                         name: str, notes: tuple[str, ...],
                                         level_index: int) -> None:
    resume = ResumeText(name=name, kind=kind, lines=assign_sections(raw), layout=layout,
                        notes=notes)
    results = run_checks(resume, levels()[level_index])
    assert tuple(r.id for r in results) == IDS
    numbers = {line.number for line in resume.lines}
    for result in results:
        assert result.status in (Status.PASS, Status.WARN, Status.FAIL)
        assert set(result.lines) <= numbers
        assert result.message


def test_two_pages_are_checked_in_well_under_a_millisecond() -> None:
    """A guard against an accidental slow path (a scan per line per word, a regex that
    backtracks): the whole set takes about 0.3 ms on a slow two-core machine."""
    blocks = tuple(fx.GOOD_RESUME) + tuple(fx.GOOD_RESUME[5:27])
    resume = read_resume_bytes(fx.docx_resume(blocks), "Jane-Doe-Resume.docx")
    run_checks(resume)
    best = float("inf")
    for _ in range(5):
        start = time.perf_counter()
        for _ in range(20):
            run_checks(resume)
        best = min(best, (time.perf_counter() - start) / 20)
    assert best < 0.005
