"""The HTML report: real content from real reports, inert hostile text, and a real browser."""

from __future__ import annotations

import dataclasses
import io
import re
from pathlib import Path

import docx
import lxml.html
import pytest

from tailor.api import check, check_resume
from tailor.models import (
    CATEGORY_LABELS,
    Category,
    CheckResult,
    Coverage,
    FileKind,
    Gap,
    JobMatch,
    Line,
    NextLevel,
    PostingTerm,
    Report,
    ResumeText,
    Section,
    Source,
    Status,
    Weight,
)
from tailor.report_html import (
    CONTENT_SECURITY_POLICY,
    Hit,
    Segment,
    build_page,
    check_tally,
    example_parts,
    render_html,
    split_segments,
)

from .browser import chromium, needs_chromium

REPO = Path(__file__).resolve().parent.parent
EXAMPLE = REPO / "examples" / "resume.docx"
HOSTILE = (
    "<script>alert('x')</script>",
    '"><img src=x onerror=alert(1)>',
    "</mark></div><style>body{display:none}</style>",
)


# ----------------------------------------------------------------------------------------------
# Building reports


@pytest.fixture(scope="module")
def example_report() -> Report:
    return check(EXAMPLE)


def docx_resume(tmp: Path) -> Path:
    """A two-section resume written with python-docx."""
    document = docx.Document()
    document.add_paragraph("Alex Kim, RN")
    document.add_paragraph("alex.kim@example.com · (555) 010-2000")
    document.add_heading("Experience", level=1)
    document.add_paragraph("Coordinated care for 60 patients with heart failure and diabetes",
                           style="List Bullet")
    document.add_paragraph("Led discharge planning with the interdisciplinary team",
                           style="List Bullet")
    document.add_paragraph("Documented assessments in Epic following HIPAA rules",
                           style="List Bullet")
    document.add_heading("Skills", level=1)
    document.add_paragraph("Care coordination · Motivational interviewing · Microsoft Excel")
    path = tmp / "alex.docx"
    document.save(str(path))
    return path


def resume_of(*rows: tuple[str, Section] | tuple[str, Section, bool], name: str = "cv.txt",
              wrap: frozenset[int] = frozenset()) -> ResumeText:
    """A resume from (text, section[, heading]) rows; numbers in `wrap` are soft-wrapped."""
    lines = tuple(
        Line(number=i, text=row[0], source=Source.BODY, section=row[1],
             heading=bool(row[2]) if len(row) > 2 else False,  # type: ignore[misc]
             wrap=i in wrap, bullet=not (len(row) > 2 and row[2]))  # type: ignore[misc]
        for i, row in enumerate(rows, start=1)
    )
    return ResumeText(name=name, kind=FileKind.TEXT, lines=lines)


@pytest.fixture(scope="module")
def hostile_report() -> Report:
    resume = resume_of(
        ("Sam <b>Bold</b> Lee, RN", Section.CONTACT),
        ("Experience", Section.EXPERIENCE, True),
        (f"Care coordination {HOSTILE[0]} for 40 patients", Section.EXPERIENCE),
        (f"Discharge planning {HOSTILE[1]} weekly", Section.EXPERIENCE),
        (f"{HOSTILE[2]} Motivational interviewing with families", Section.EXPERIENCE),
        ("تنسيق الرعاية للمرضى 🩺 Patient education in Arabic and English", Section.EXPERIENCE),
        ("Skills", Section.SKILLS, True),
        ("Epic · Microsoft Office · 😀 & < > \" ' `", Section.SKILLS),
    )
    report = check_resume(resume)
    checks = (*report.checks,
              CheckResult("hostile-check", Status.FAIL, f"Message {HOSTILE[0]}",
                          f"Fix {HOSTILE[1]}", group="content", lines=(3, 4)),
              CheckResult("caregiver-words", Status.WARN, "Says caregiver.", "Say care manager.",
                          group="healthcare", lines=(5,)))
    return dataclasses.replace(report, checks=checks)


def job_and_next(report: Report) -> Report:
    """The report with a hand-made job match and next level (until the library fills them)."""
    found_term = next(r for r in report.keywords if r.found)
    ev = found_term.evidence[0]
    job = JobMatch(
        file="posting <1>.txt",
        title="RN Care Manager",
        organization="Lakeshore <Health>",
        match_rate=67,
        required=Coverage(1, 2),
        preferred=Coverage(0, 1),
        terms=(
            PostingTerm(found_term.keyword.term, required=True, found=True,
                        keyword_id=found_term.keyword.id,
                        category=found_term.keyword.category,
                        line="Required: " + found_term.keyword.term, evidence=(ev,)),
            PostingTerm("driver's license", required=True, found=False,
                        line="Valid driver's license <required>"),
            PostingTerm("Spanish", required=False, found=False, line="Bilingual Spanish a plus"),
        ),
        title_check=CheckResult("job-title", Status.WARN, "Your resume says “care manager”.",
                                "Use “RN Care Manager” in your summary.", group="job",
                                lines=(ev.line,)),
        notes=("asks for 3+ years of clinical experience",),
    )
    nxt = NextLevel(
        level="senior", title="Senior Care Manager",
        shown=("mentoring",),
        missing=(Gap(rank=1, ids=("quality-improvement",), label="quality improvement",
                     category=Category.LEADERSHIP, weight=Weight.PREFERRED,
                     section=Section.EXPERIENCE, suggestion="Describe one improvement project.",
                     source="Quality improvement matters.",
                     example="Led a QI project that cut [metric] by [percent]."),),
    )
    gaps = tuple(g._replace(in_posting=i == 0,
                                     example=f"Did [number] things for gap {g.rank}.")
                 for i, g in enumerate(report.gaps))
    return dataclasses.replace(report, job=job, next_level=nxt, gaps=gaps)


def parse(html: str) -> lxml.html.HtmlElement:
    return lxml.html.document_fromstring(html)


def line_text(doc: lxml.html.HtmlElement, number: int) -> str:
    """The text a reader sees in a resume line (without the section chip of headings)."""
    tx = doc.get_element_by_id(f"line-{number}").find_class("tx")[0]
    return "".join(
        (node.text_content() if isinstance(node, lxml.html.HtmlElement) else str(node))
        for node in tx.xpath("./text()|./mark")
    )


# ----------------------------------------------------------------------------------------------
# Content


def test_page_shows_score_level_and_categories(example_report: Report) -> None:
    doc = parse(render_html(example_report))
    score = doc.find_class("score-value")[0]
    assert score.text_content() == str(example_report.score)
    assert score.get("data-score") == str(example_report.score)
    assert example_report.level_title in doc.get_element_by_id("summary").text_content()
    rows = doc.find_class("bar-row")
    assert [(r.get("data-category"), int(r.get("data-percent"))) for r in rows] == [
        (CATEGORY_LABELS[c.category], c.percent) for c in example_report.categories]
    for row, cat in zip(rows, example_report.categories, strict=True):
        assert f"{cat.found}/{cat.total}" in row.text_content()
        assert row.xpath(".//svg[@class='bar']/rect[contains(@class, 'fill')]/@width") == [
            str(cat.percent)]
    assert doc.find_class("gauge")[0].get("aria-label").startswith(
        f"Score {example_report.score} out of 100")


def test_every_line_is_shown_verbatim(example_report: Report) -> None:
    doc = parse(render_html(example_report))
    assert len(doc.find_class("ln")) == len(example_report.lines)
    for line in example_report.lines:
        assert line_text(doc, line.number) == line.text
        tx = doc.get_element_by_id(f"line-{line.number}").find_class("tx")[0]
        assert tx.get("dir") == "auto"


def test_every_found_keyword_is_highlighted_on_its_line(example_report: Report) -> None:
    doc = parse(render_html(example_report))
    found = [r for r in example_report.keywords if r.found]
    assert found
    for result in found:
        kw = result.keyword
        for ev in result.evidence:
            line = doc.get_element_by_id(f"line-{ev.line}")
            marks = [m for m in line.iter("mark") if kw.id in m.get("data-keywords").split()]
            assert marks, f"{kw.id} is not highlighted on line {ev.line}"
            assert "".join(m.text_content() for m in marks) == ev.matched
            for m in marks:
                assert kw.term in m.get("title")
                kinds = dict(zip(m.get("data-keywords").split(), m.get("data-kinds").split(),
                                 strict=True))
                assert kinds[kw.id] == ev.kind.value
        row = doc.xpath(f"//aside[@class='index']//li[@data-keyword='{kw.id}']")[0]
        assert row.xpath(".//a/@href") == [f"#line-{n}" for n in
                                           dict.fromkeys(e.line for e in result.evidence)]


def test_overlapping_matches_stay_flat_and_are_marked_as_several(example_report: Report) -> None:
    doc = parse(render_html(example_report))
    assert not doc.xpath("//mark//mark")
    multi = doc.xpath("//div[@class='doc']//mark[contains(concat(' ', @class, ' '), ' multi ')]")
    assert multi, "the example resume has words that two keywords match"
    for m in multi:
        assert len(m.get("data-keywords").split()) >= 2
        assert ";" in m.get("title")


def test_split_segments_cuts_overlaps_at_every_boundary() -> None:
    a, b = Hit("a", "alpha", "exact", ""), Hit("b", "beta", "lemma", "")
    text = "Case Management Society of America"
    assert split_segments(text, [(0, 15, a), (0, 34, b)]) == (
        Segment("Case Management", (a, b)), Segment(" Society of America", (b,)))
    assert split_segments("abcdef", [(1, 4, a), (2, 6, b)]) == (
        Segment("a"), Segment("b", (a,)), Segment("cd", (a, b)), Segment("ef", (b,)))
    assert split_segments("abc", [(2, 99, a), (-5, 0, b)]) == (Segment("ab"), Segment("c", (a,)))
    assert split_segments("", []) == ()
    assert Segment("x", (a, b)).kind == "exact"


def test_checks_are_grouped_with_status_fix_and_line_links(hostile_report: Report) -> None:
    doc = parse(render_html(hostile_report))
    for check_result in hostile_report.checks:
        (row,) = doc.xpath(f"//*[@data-check='{check_result.id}']")
        assert row.get("data-status") == check_result.status.value
        group = row.xpath("ancestor::section[@data-group]")[0].get("data-group")
        assert group == check_result.group
        label = {"pass": "Pass", "warn": "Warning", "fail": "Fail"}[check_result.status.value]
        assert label in row.find_class("badge")[0].text_content()
        assert row.xpath(".//a/@href") == [f"#line-{n}" for n in check_result.lines]
        if check_result.status is not Status.PASS:
            assert check_result.fix in row.find_class("fix")[0].text_content()
    groups = [s.get("data-group") for s in doc.xpath("//section[@data-group]")]
    assert groups == ["parse", "content", "healthcare"]
    line3 = doc.get_element_by_id("line-3")
    assert "flag-fail" in line3.get("class")
    pointing = [f"#check-{c.id}" for c in hostile_report.checks
                if 3 in c.lines and c.status is not Status.PASS]
    assert "#check-hostile-check" in pointing
    assert sorted(line3.xpath(".//div[@class='extra']//a/@href")) == sorted(pointing)
    assert "flag-warn" in doc.get_element_by_id("line-5").get("class")


def test_gaps_keep_their_rank_order_with_weight_section_and_example(
        example_report: Report) -> None:
    report = job_and_next(example_report)
    doc = parse(render_html(report))
    advice = doc.get_element_by_id("advice")
    rows = advice.xpath(".//*[@data-rank]")
    assert [int(r.get("data-rank")) for r in rows] == [g.rank for g in report.gaps]
    for row, gap in zip(rows, report.gaps, strict=True):
        text = row.text_content()
        assert gap.label in text
        assert gap.weight.value.capitalize() in text
        assert f"Add to: {gap.section.value.capitalize()}" in text
        assert gap.suggestion in text
        assert row.xpath(".//em[@class='ph']/text()") == ["[number]"]
        assert ("In the job posting" in text) is gap.in_posting


def test_job_match_and_next_level(example_report: Report) -> None:
    report = job_and_next(example_report)
    doc = parse(render_html(report))
    job = doc.get_element_by_id("job")
    assert job.find_class("match-rate")[0].get("data-match-rate") == "67"
    assert "Lakeshore <Health>" in job.text_content()
    title = doc.get_element_by_id("check-job-title")
    assert title.get("data-status") == "warn"
    assert "Use “RN Care Manager” in your summary." in title.text_content()
    pills = job.xpath(".//li[@data-found]")
    assert [(p.find_class("term-name")[0].text_content(), p.get("data-found"),
             p.get("data-required")) for p in pills] == [
        ("driver's license", "false", "true"),
        (report.job.terms[0].term, "true", "true"),  # type: ignore[union-attr]
        ("Spanish", "false", "false"),
    ]
    flagged = doc.get_element_by_id(f"line-{report.job.title_check.lines[0]}")  # type: ignore[union-attr]
    assert "#check-job-title" in flagged.xpath(".//a/@href")
    nxt = doc.get_element_by_id("next-level")
    assert "Next level: Senior Care Manager" in nxt.text_content()
    assert "mentoring" in nxt.find_class("shown-list")[0].text_content()
    card = doc.get_element_by_id("next-1")
    assert "quality improvement" in card.text_content()
    assert card.xpath(".//em[@class='ph']/text()") == ["[metric]", "[percent]"]
    assert [a.get("href") for a in doc.xpath("//nav//a")][-1] == "#next-level"


def test_job_and_next_level_sections_are_absent_without_them(example_report: Report) -> None:
    doc = parse(render_html(dataclasses.replace(example_report, job=None, next_level=None)))
    assert not doc.xpath("//*[@id='job' or @id='next-level']")
    assert "#job" not in [a.get("href") for a in doc.xpath("//nav//a")]


def test_hostile_text_is_inert(hostile_report: Report) -> None:
    report = job_and_next(hostile_report)
    html = render_html(report)
    doc = parse(html)
    assert not doc.xpath("//script | //img | //iframe | //object | //embed | //link")
    assert not doc.xpath("//div[@class='doc']//b")
    assert len(doc.xpath("//style")) == 1
    assert not doc.xpath("//@*[starts-with(name(), 'on')]")
    assert "<script" not in html.lower()
    assert "<img" not in html.lower()
    assert line_text(doc, 3) == hostile_report.lines[2].text
    assert line_text(doc, 4) == hostile_report.lines[3].text
    assert line_text(doc, 5) == hostile_report.lines[4].text
    assert "Sam <b>Bold</b> Lee, RN" in doc.get_element_by_id("line-1").text_content()
    check_row = doc.get_element_by_id("check-hostile-check")
    assert HOSTILE[0] in check_row.text_content() and HOSTILE[1] in check_row.text_content()
    # the keywords next to the hostile text are still found and highlighted
    line3 = doc.get_element_by_id("line-3")
    assert any("care-coordination" in m.get("data-keywords") for m in line3.iter("mark"))


def test_right_to_left_and_emoji_lines_render(hostile_report: Report) -> None:
    doc = parse(render_html(hostile_report))
    assert line_text(doc, 6) == hostile_report.lines[5].text
    assert "🩺" in line_text(doc, 6) and "😀" in line_text(doc, 8)
    assert all(tx.get("dir") == "auto" for tx in doc.find_class("tx"))


def test_page_loads_nothing(example_report: Report) -> None:
    html = render_html(job_and_next(example_report))
    doc = parse(html)
    (csp,) = doc.xpath("//meta[@http-equiv='Content-Security-Policy']/@content")
    assert csp == CONTENT_SECURITY_POLICY == (
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:")
    assert html.index("Content-Security-Policy") < html.index("<style>")
    assert not doc.xpath("//script | //link | //img | //iframe")
    assert not re.search(r"(?i)url\(|@import|@font-face|https?://", html)
    hrefs = doc.xpath("//@href | //@src")
    assert hrefs and all(h.startswith("#") for h in hrefs)
    ids = doc.xpath("//@id")
    assert len(ids) == len(set(ids)), "element ids are unique"
    assert {h[1:] for h in hrefs} <= set(ids), "every in-page link has a target"
    assert "@media print" in html


def test_soft_wrapped_match_marks_both_lines() -> None:
    resume = resume_of(
        ("Experience", Section.EXPERIENCE, True),
        ("Led discharge", Section.EXPERIENCE),
        ("planning for 30 patients a week", Section.EXPERIENCE),
        wrap=frozenset({3}),
    )
    report = check_resume(resume)
    result = next(r for r in report.keywords if r.keyword.id == "discharge-planning")
    assert result.found
    doc = parse(render_html(report))
    marks = {n: [m.text_content() for m in doc.get_element_by_id(f"line-{n}").iter("mark")
                 if "discharge-planning" in m.get("data-keywords")] for n in (2, 3)}
    assert marks == {2: ["discharge"], 3: ["planning"]}


def test_a_docx_resume_built_here(tmp_path: Path) -> None:
    report = check(docx_resume(tmp_path))
    doc = parse(render_html(report))
    found = {r.keyword.id for r in report.keywords if r.found}
    assert {"care-coordination", "discharge-planning", "epic"} <= found
    highlighted = {k for m in doc.xpath("//div[@class='doc']//mark")
                   for k in m.get("data-keywords").split()}
    assert found <= highlighted
    assert doc.find_class("score-value")[0].text_content() == str(report.score)


def test_empty_and_unknown_parts_still_render(example_report: Report) -> None:
    report = dataclasses.replace(
        example_report, lines=(), keywords=(), gaps=(), sections=(),
        checks=(CheckResult("odd-one", Status.WARN, "Odd.", "Even it.", group="new-group"),),
        notes=("repaired <mojibake>",))
    doc = parse(render_html(report))
    assert "No text was read from the file." in doc.get_element_by_id("resume").text_content()
    assert "Nothing: every keyword" in doc.get_element_by_id("advice").text_content()
    assert doc.xpath("//section[@data-group='new-group']//h3")[0].text_content() == "New group"
    assert "repaired <mojibake>" in doc.get_element_by_id("notes").text_content()


def test_view_model_helpers() -> None:
    assert [(p.text, p.placeholder) for p in example_parts("Cut [a] by [b c].")] == [
        ("Cut ", False), ("[a]", True), (" by ", False), ("[b c]", True), (".", False)]
    assert example_parts("") == ()
    assert check_tally([Status.PASS, Status.WARN, Status.PASS]) == "2 passed · 1 warning · 0 failed"
    assert check_tally([]) == "0 passed · 0 warnings · 0 failed"


def test_a_two_page_resume_stays_small(example_report: Report) -> None:
    long_lines = tuple(
        ln._replace(number=ln.number + k * len(example_report.lines))
        for k in range(3) for ln in example_report.lines)
    resume = ResumeText(name="long.docx", kind=FileKind.DOCX, lines=long_lines)
    report = job_and_next(check_resume(resume))
    html = render_html(report)
    assert len(report.lines) >= 75
    assert len(html.encode()) < 200_000
    page = build_page(report)
    assert sum(len(ln.segments) for ln in page.lines) > len(page.lines)


# ----------------------------------------------------------------------------------------------
# A real browser



@pytest.fixture(scope="module")
def page_file(example_report: Report, hostile_report: Report,
              tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Report]:
    lines = (*example_report.lines,
             *(ln._replace(number=ln.number + 100) for ln in hostile_report.lines))
    report = job_and_next(check_resume(
        ResumeText(name="browser.docx", kind=FileKind.DOCX, lines=lines)))
    path = tmp_path_factory.mktemp("html") / "report.html"
    path.write_text(render_html(report), encoding="utf-8")
    return path, report


@pytest.mark.slow
@needs_chromium
def test_browser_builds_the_expected_dom(page_file: tuple[Path, Report]) -> None:
    path, report = page_file
    dom = parse(chromium("--dump-dom", path.as_uri()).stdout)
    assert dom.find_class("score-value")[0].text_content() == str(report.score)
    assert len(dom.find_class("ln")) == len(report.lines)
    for line in report.lines:
        assert line_text(dom, line.number) == line.text
    marks = dom.xpath("//div[@class='doc']//mark")
    assert len(marks) >= sum(len(r.evidence) for r in report.keywords)
    assert not dom.xpath("//script | //img | //iframe")
    assert not dom.xpath("//@*[starts-with(name(), 'on')]")
    assert dom.get_element_by_id("job").find_class("match-rate")[0].text_content() == "67%"
    assert {c.id for c in report.checks} <= set(dom.xpath("//@data-check"))


@pytest.mark.slow
@needs_chromium
def test_browser_screenshot_is_a_real_page(page_file: tuple[Path, Report],
                                           tmp_path: Path) -> None:
    from PIL import Image

    path, _ = page_file
    png = tmp_path / "shot.png"
    chromium(f"--screenshot={png}", "--window-size=1280,2400", path.as_uri())
    assert png.stat().st_size > 20_000
    with Image.open(io.BytesIO(png.read_bytes())) as image:
        rgb = image.convert("RGB")
    assert rgb.size == (1280, 2400)
    colors = rgb.getcolors(maxcolors=1 << 20)
    assert colors is not None and len(colors) > 200, "the page is not a blank or flat image"
    masthead = rgb.getpixel((8, 8))
    assert masthead == (0x0A, 0x4D, 0x57), "the masthead is drawn in the brand colour"
    pixels = {color for _, color in colors}
    assert (0xFF, 0xF0, 0xA8) in pixels, "highlighted keywords are visible"
    assert (0x2E, 0x94, 0x63) in pixels or (0xD4, 0x8A, 0x12) in pixels, "bars are drawn"
