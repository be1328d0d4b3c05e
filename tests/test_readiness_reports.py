"""Readiness and specialization tracks in every `tailor check` report format: text, Markdown,
JSON and HTML show the rung a resume reads as, its years and roles, the asked rung and the one
above, the steps with their guide sentences, and the tracks; hostile role titles stay inert."""

from __future__ import annotations

import dataclasses
import json
import re
from datetime import date
from pathlib import Path

import lxml.html
import pytest

from tailor.api import check, check_resume
from tailor.catalog import load_catalog
from tailor.extract import read_resume_bytes
from tailor.models import Readiness, Report, RequirementStatus, Verdict
from tailor.report import (
    readiness_to_dict,
    readiness_view,
    render,
    render_markdown,
    render_text,
    report_to_dict,
    track_summaries,
)
from tailor.report_html import build_page, render_html

from .browser import chromium, needs_chromium

TODAY = date(2026, 11, 24)
DATA = Path(__file__).parent / "data" / "readiness"
CATALOG = load_catalog()
PEOPLE = {  # file → the rung the issue says each person reads as
    "new-graduate": "assistant",
    "experienced-rn": "care-manager",
    "social-work-supervisor": "supervisor",
}


@pytest.fixture(scope="module")
def reports() -> dict[str, Report]:
    """The issue's three people, checked with --level auto."""
    return {name: check(DATA / f"{name}.txt", level="auto", today=TODAY) for name in PEOPLE}


@pytest.fixture(scope="module")
def senior_rn() -> Report:
    """The experienced RN checked against the senior rung (asked differs from reads as)."""
    return check(DATA / "experienced-rn.txt", level="senior", today=TODAY)


@pytest.fixture(scope="module")
def sdoh_graduate() -> Report:
    """The new graduate checked with the SDOH track."""
    return check(DATA / "new-graduate.txt", level="auto", today=TODAY, tracks=["sdoh"])


def ready_of(report: Report) -> Readiness:
    assert report.readiness is not None
    return report.readiness


def fmt_years(value: float) -> str:
    return f"{value:g}"


def parse(html: str) -> lxml.html.HtmlElement:
    return lxml.html.document_fromstring(html)


def squash(text: str) -> str:
    """Text with every run of whitespace (line breaks of wrapped cells too) as one space."""
    return " ".join(text.split())


# ----------------------------------------------------------------------------------------------
# Text


@pytest.mark.parametrize("name", list(PEOPLE))
def test_text_report_shows_readiness(reports: dict[str, Report], name: str) -> None:
    report = reports[name]
    r = ready_of(report)
    assert r.reads_as == PEOPLE[name]
    text = render_text(report, width=100)
    lines = text.splitlines()
    assert lines[0].endswith(f"level: auto → {r.reads_as_title}")
    assert all(len(line) <= 100 for line in lines)
    section = text[text.index("Career readiness"):text.index("To be read as")
                   if report.next_level else text.index("Can screening systems")]
    flat = squash(section)
    assert f"Reads as {r.reads_as_title} (level: auto → {r.reads_as_title})" in flat
    for why in r.reads_as_why:
        assert squash(why) in flat
    exp = r.experience
    assert (f"{fmt_years(exp.years_relevant)} years care-related · "
            f"{fmt_years(exp.years_care_management)} in care management · "
            f"{fmt_years(exp.years_other)} in other work") in flat
    for role in exp.roles:
        assert f"{role.title} ({role.line})" in flat
        assert role.kind.value in flat
    # the asked rung and the one above, each with its verdict
    assert (f"{r.asked.title} ({r.asked.years} years, auto: the rung it reads as): "
            f"{r.asked.verdict.value}") in flat
    if r.above is not None:
        assert f"{r.above.title} ({r.above.years} years, the next rung): " \
               f"{r.above.verdict.value}" in flat
    assert f"{r.asked.focus_found}/{len(r.asked.focus)} shown" in flat
    # numbered steps, each with its guide sentence
    for number, step in enumerate(r.steps, start=1):
        assert f"{number}. {squash(step.text)[:40]}" in flat
        assert f"guide: “{squash(step.source)}”" in flat


def test_text_details_of_the_new_graduate(reports: dict[str, Report]) -> None:
    text = squash(render_text(reports["new-graduate"], width=100))
    assert "Volunteer (23)" in text and "not counted" in text
    assert "part-time or PRN: counted at half" in text
    assert "1 yr 1 mo" in text  # 26 months of part-time work counted at half
    assert "◐ in progress Bachelor's degree in nursing" in text
    assert "line 4: “Bachelor of Social Work student" in text
    assert "1.4 years: 0.6 short of the guide's 2-5" in text
    assert "(for Care Manager)" in text  # a step for the rung above
    assert "◐ assistant ◀ reads as, asked · ✘ care-manager" in text


def test_text_when_the_level_is_asked_for(senior_rn: Report) -> None:
    r = ready_of(senior_rn)
    text = render_text(senior_rn, width=100)
    assert text.splitlines()[0].endswith("level: Senior Care Manager")
    assert (f"Reads as Care Manager · 7.1 years of care-related experience · ready for Senior "
            f"Care Manager: {r.asked.verdict.value}") in text
    flat = squash(text)
    assert "care-manager ◀ reads as" in flat and "senior ◀ asked" in flat
    assert f"Senior Care Manager (5-8 years, asked for): {r.asked.verdict.value}" in flat
    assert "Lead Care Manager (8-12 years, the next rung)" in flat
    for req in r.asked.requirements:
        assert f"{req.status.value} {req.label}" in flat


def test_text_colours_verdicts_only_when_asked(reports: dict[str, Report]) -> None:
    plain = render(reports["social-work-supervisor"], "text")
    coloured = render(reports["social-work-supervisor"], "text", color=True)
    assert "\x1b[" not in plain and "\x1b[" in coloured
    assert re.sub(r"\x1b\[[0-9;]*m", "", coloured).split() == plain.split()


def test_no_readiness_section_without_readiness(reports: dict[str, Report]) -> None:
    report = dataclasses.replace(reports["experienced-rn"], readiness=None)
    for fmt in ("text", "markdown"):
        out = render(report, fmt)
        assert "Career readiness" not in out and "auto →" not in out
    assert report_to_dict(report)["readiness"] is None
    assert not parse(render_html(report)).xpath("//*[@id='readiness']")


# ----------------------------------------------------------------------------------------------
# JSON


@pytest.mark.parametrize("name", list(PEOPLE))
def test_json_readiness_contract(reports: dict[str, Report], name: str) -> None:
    report = reports[name]
    r = ready_of(report)
    data = json.loads(render(report, "json"))
    ready = data["readiness"]
    # DESIGN.md: at least years_relevant (a number) and reads_as (a level name)
    assert isinstance(ready["years_relevant"], float)
    assert ready["years_relevant"] == r.experience.years_relevant
    assert ready["reads_as"] == PEOPLE[name] == data["level"]
    assert ready["auto"] is True
    assert ready["reads_as_why"] == list(r.reads_as_why)
    assert ready["asked"] == r.asked.level and ready["asked_verdict"] == r.asked.verdict.value
    exp = ready["experience"]
    assert exp["years_care_management"] == r.experience.years_care_management
    assert [(x["title"], x["kind"], x["months"], x["counted"]) for x in exp["roles"]] == [
        (x.title, x.kind.value, x.months, x.counted) for x in r.experience.roles]
    rungs = ready["rungs"]
    assert [x["level"] for x in rungs] == [lvl.name for lvl in CATALOG.levels]
    assert [x["verdict"] for x in rungs] == [x.verdict.value for x in r.rungs]
    assert [x["level"] for x in rungs if x["asked"]] == [r.asked.level]
    assert [x["level"] for x in rungs if x["reads_as"]] == [r.reads_as]
    if r.above is not None:
        assert [x["level"] for x in rungs if x["above"]] == [r.above.level] == [ready["above"]]
    for got, rung in zip(rungs, r.rungs, strict=True):
        assert got["focus_found"] == rung.focus_found and got["focus_total"] == len(rung.focus)
        assert [(q["id"], q["status"], q["line"]) for q in got["requirements"]] == [
            (q.id, q.status.value, q.line) for q in rung.requirements]
        assert all(q["source"] for q in got["requirements"])
    assert [(s["text"], s["source"], s["level"], s["kind"]) for s in ready["steps"]] == [
        (s.text, s.source, s.level, s.kind) for s in r.steps]
    assert ready == json.loads(json.dumps(readiness_to_dict(r)))
    assert data["tracks"] == []
    assert all(g["in_track"] is False for g in data["missing"])


def test_json_tracks_and_in_track_gaps(sdoh_graduate: Report) -> None:
    data = json.loads(render(sdoh_graduate, "json"))
    (track,) = data["tracks"]
    sdoh = CATALOG.track("sdoh")
    assert track["id"] == "sdoh" and track["title"] == sdoh.title
    assert track["reasoning"] == list(sdoh.reasoning)
    roles = {e["id"]: e["role"] for e in track["entries"]}
    own = {kw.id for kw in CATALOG.keywords if kw.track == "sdoh"}
    assert own and {i for i, role in roles.items() if role == "own"} == own
    assert {i for i, role in roles.items() if role == "related"} <= set(sdoh.related)
    found = {k["id"]: k["found"] for k in data["keywords"]}
    assert own <= found.keys()  # the track's own entries count in the check
    for entry in track["entries"]:
        assert entry["found"] == found[entry["id"]]
        assert (entry["line"] is None) is not entry["found"]
    flagged = [g for g in data["missing"] if g["in_track"]]
    assert flagged and all(set(g["ids"]) & (own | set(sdoh.related)) for g in flagged)
    assert all(not (set(g["ids"]) & (own | set(sdoh.related)))
               for g in data["missing"] if not g["in_track"])


# ----------------------------------------------------------------------------------------------
# Markdown


@pytest.mark.parametrize("name", list(PEOPLE))
def test_markdown_readiness_section(reports: dict[str, Report], name: str) -> None:
    report = reports[name]
    r = ready_of(report)
    md = render_markdown(report)
    assert f"**Level:** auto → {r.reads_as_title}" in md
    section = md[md.index("## Career readiness"):]
    assert f"**Reads as {r.reads_as_title}** (level: auto → {r.reads_as_title})" in section
    assert "| Role | Employer | Dates | Kind | Counted | Why / notes | Line |" in section
    rows = [ln for ln in section.splitlines() if ln.startswith("| ") and ln.endswith(" |")
            and not ln.startswith("| Role")]
    for role in r.experience.roles:
        assert any(row.startswith(f"| {role.title} |") and row.endswith(f"| {role.line} |")
                   for row in rows), role.title
    assert (f"### {'✔◐✘'[['yes', 'partly', 'no'].index(r.asked.verdict.value)]} "
            f"{r.asked.title} ({r.asked.years} years, auto: the rung it reads as): "
            f"{r.asked.verdict.value}") in section
    assert f"**Focus areas {r.asked.focus_found}/{len(r.asked.focus)} shown**" in section
    assert "### Steps" in section
    for number, step in enumerate(r.steps, start=1):
        assert f"\n{number}. {step.text[:30]}" in section.replace("\\", "")
    assert section.count("   Guide: “") == len(r.steps)


def test_markdown_marks_track_gaps_and_shows_the_track(sdoh_graduate: Report) -> None:
    md = render_markdown(sdoh_graduate)
    title = CATALOG.track("sdoh").title
    assert "## Specialization track\n" in md
    assert f"### {title}" in md
    for sentence in CATALOG.track("sdoh").reasoning:
        assert f"- Guide: “{sentence}”" in md
    for sentence in CATALOG.track_why:
        assert f"> {sentence}" in md
    flagged = [g for g in sdoh_graduate.gaps if g.in_track]
    assert flagged
    for gap in flagged:
        line = next(ln for ln in md.splitlines() if ln.startswith(f"{gap.rank}. **"))
        assert f", track: {title}" in line
    assert "**Shows:**" in md and "**Not yet:**" in md


# ----------------------------------------------------------------------------------------------
# HTML


@pytest.mark.parametrize("name", list(PEOPLE))
def test_html_readiness_card(reports: dict[str, Report], name: str) -> None:
    report = reports[name]
    r = ready_of(report)
    doc = parse(render_html(report))
    card = doc.get_element_by_id("readiness")
    assert card.find_class("reads-as")[0].get("data-level") == r.reads_as
    head = doc.xpath("//header//dl")[0].text_content()
    assert f"auto → {r.reads_as_title}" in head and f"Reads as{r.reads_as_title}" in head
    # the ladder: six rungs, the reads-as rung and the asked rung highlighted
    steps = card.xpath(".//svg[contains(@class, 'ladder')]/g")
    assert [g.get("data-level") for g in steps] == [lvl.name for lvl in CATALOG.levels]
    assert [g.get("data-verdict") for g in steps] == [x.verdict.value for x in r.rungs]
    assert [g.get("data-level") for g in steps if "reads-as" in g.get("class")] == [r.reads_as]
    assert [g.get("data-level") for g in steps if " asked" in g.get("class")] == [r.asked.level]
    heights = [int(g.find("rect").get("height")) for g in steps]
    assert heights == sorted(heights) and len(set(heights)) == 6  # rungs climb
    assert "reads as" in card.xpath(".//svg")[0].get("aria-label")
    # why, years, roles
    assert [li.text_content() for li in card.find_class("why-list")[0]] == list(r.reads_as_why)
    assert card.find_class("years-value")[0].text_content().startswith(
        f"{fmt_years(r.experience.years_relevant)} years care-related")
    rows = card.xpath(".//table[@class='roles']/tbody/tr")
    assert [int(tr.get("data-line")) for tr in rows] == [x.line for x in r.experience.roles]
    for tr, role in zip(rows, r.experience.roles, strict=True):
        assert tr.xpath(".//strong")[0].text_content() == role.title
        assert ("not-counted" in tr.get("class")) is (not role.counted)
        assert tr.xpath(".//a/@href") == [f"#line-{role.line}"]
    # the asked rung and the one above, with requirements and focus areas
    cards = card.xpath(".//div[contains(@class, 'rung ')]")
    expected = [r.asked] + ([r.above] if r.above is not None else [])
    assert [(c.get("data-level"), c.get("data-verdict")) for c in cards] == [
        (x.level, x.verdict.value) for x in expected]
    for c, rung in zip(cards, expected, strict=True):
        reqs = c.xpath(".//li[contains(@class, 'req s-')]")
        assert [li.get("data-status") for li in reqs] == [q.status.value for q in
                                                          rung.requirements]
        shown = c.xpath(".//li[@data-found='true']//span[@class='term-name']/text()")
        missing = c.xpath(".//li[@data-found='false']//span[@class='term-name']/text()")
        assert shown == [f.term for f in rung.focus if f.found]
        assert missing == [f.term for f in rung.focus if not f.found]
        assert f"{rung.focus_found}/{len(rung.focus)}" in c.find_class("focus-head")[0] \
            .text_content()
    steps_li = card.xpath(".//ol[@class='steps']/li")
    assert len(steps_li) == len(r.steps)
    for li, step in zip(steps_li, r.steps, strict=True):
        assert li.get("data-kind") == step.kind
        assert step.text in li.text_content()
        assert li.find_class("src")[0].xpath(".//q")[0].text_content() == step.source
    assert "#readiness" in doc.xpath("//nav//a/@href")


def test_html_requirement_in_progress_links_its_line(reports: dict[str, Report]) -> None:
    report = reports["new-graduate"]
    r = ready_of(report)
    degree = next(q for q in r.asked.requirements if q.id == "bachelors-degree")
    assert degree.status is RequirementStatus.IN_PROGRESS
    doc = parse(render_html(report))
    (li,) = doc.xpath("//div[@data-level='assistant']//li[@data-status='in progress']")
    assert li.xpath(".//a/@href") == [f"#line-{degree.line}"]
    assert "Bachelor of Social Work student" in li.text_content()


def test_html_track_card_and_gap_chips(sdoh_graduate: Report) -> None:
    doc = parse(render_html(sdoh_graduate))
    title = CATALOG.track("sdoh").title
    card = doc.get_element_by_id("tracks")
    (track,) = card.xpath(".//div[@data-track]")
    assert track.get("data-track") == "sdoh"
    assert title in track.xpath(".//h3")[0].text_content()
    quotes = [q.text_content() for q in card.xpath(".//q")]
    assert quotes == [*CATALOG.track_why, *CATALOG.track("sdoh").reasoning]
    (summary,) = track_summaries(sdoh_graduate)
    pills = track.xpath(".//li[@data-keyword]")
    assert [(p.get("data-keyword"), p.get("data-role"), p.get("data-found")) for p in pills] == [
        *((r.keyword.id, "own", str(r.found).lower()) for r in summary.own),
        *((r.keyword.id, "related", str(r.found).lower()) for r in summary.related)]
    chips = doc.xpath("//*[@data-rank]//span[contains(@class, 'chip track')]")
    flagged = [g for g in sdoh_graduate.gaps if g.in_track]
    assert len(chips) == len(flagged)
    assert all(c.text_content() == f"Track: {title}" for c in chips)
    assert "#tracks" in doc.xpath("//nav//a/@href")
    hrefs = doc.xpath("//@href")
    ids = set(doc.xpath("//@id"))
    assert {h[1:] for h in hrefs} <= ids, "every in-page link has a target"


def test_html_asked_rung_differs_from_reads_as(senior_rn: Report) -> None:
    page = build_page(senior_rn)
    assert page.readiness is not None
    tags = {s.level: s.tag for s in page.readiness.ladder}
    assert tags["care-manager"] == "reads as" and tags["senior"] == "asked"
    assert all(not tags[x] for x in ("assistant", "lead", "supervisor", "director"))
    doc = parse(render_html(senior_rn))
    meta = doc.xpath("//header//dl")[0].text_content()
    assert "LevelSenior Care Manager" in meta and "Reads asCare Manager" in meta


# ----------------------------------------------------------------------------------------------
# Hostile and odd role titles

HOSTILE = "\n".join([
    "Pat <b>Doe</b>",
    "pat@example.com | (555) 010-2000",
    "",
    "SUMMARY",
    "Care manager with five years of case management experience.",
    "",
    "EXPERIENCE",
    "Care Manager <script>alert(1)</script> [red]x[/red] *bold* `tick` 🩺 مدير الرعاية",
    "Lakeshore Health | March 2021 – Present",
    "- Managed a caseload of 40 patients and developed care plans with families",
    "- Coordinated discharge planning with the interdisciplinary team",
    "",
    'Staff Nurse "><img src=x onerror=alert(1)> # _under_ \\ back',
    "Mercy Hospital | Med|Surg Unit | June 2018 – February 2021",
    "- Provided patient care on a medical unit",
    "",
    "Caregiver <style>body{display:none}</style>",
    "Home Helpers",
    "- Helped clients at home",
    "",
    "EDUCATION",
    "Bachelor of Science in Nursing (BSN), State University, 2018",
])


@pytest.fixture(scope="module")
def hostile() -> Report:
    resume = read_resume_bytes(HOSTILE.encode(), "hostile <cv>.txt")
    return check_resume(resume, level="auto", catalog=CATALOG, today=TODAY)


def test_hostile_role_titles_are_read(hostile: Report) -> None:
    titles = [role.title or "" for role in ready_of(hostile).experience.roles]
    assert any("<script>" in t for t in titles)
    assert any("<img" in t for t in titles)
    assert any("<style>" in t for t in titles)


def test_hostile_role_titles_stay_inert_in_html(hostile: Report) -> None:
    html = render_html(hostile)
    doc = parse(html)
    assert not doc.xpath("//script | //img | //iframe | //object | //embed | //link")
    assert len(doc.xpath("//style")) == 1
    assert not doc.xpath("//@*[starts-with(name(), 'on')]")
    assert "<script" not in html.lower() and "<img" not in html.lower()
    shown = [s.text_content() for s in doc.xpath("//table[@class='roles']//td[1]/strong")]
    assert shown == [role.title or role.employer or "(untitled role)"
                     for role in ready_of(hostile).experience.roles]
    assert any("مدير الرعاية" in (role.title or "") for role in ready_of(hostile).experience.roles)
    assert "مدير الرعاية" in doc.get_element_by_id("readiness").text_content()
    assert "🩺" in doc.get_element_by_id("readiness").text_content()


def test_hostile_role_titles_stay_inert_in_markdown(hostile: Report) -> None:
    md = render_markdown(hostile)
    section = md[md.index("## Career readiness"):md.index("### ")]
    assert not re.search(r"(?<!\\)[<>]", section), "every angle bracket is escaped"
    assert "\\<script\\>" in section and "\\<img" in section
    assert "\\# \\_under\\_" in section and "\\*bold\\* \\`tick\\`" in section
    table = [ln for ln in section.splitlines() if ln.startswith("| ")]
    assert len(table) == 1 + len(ready_of(hostile).experience.roles)
    assert len({len(re.findall(r"(?<!\\)\|", ln)) for ln in table}) == 1, \
        "a pipe in a role does not add a column"
    assert "🩺 مدير الرعاية" in section


def test_hostile_role_titles_print_verbatim_in_text(hostile: Report) -> None:
    text = render_text(hostile, width=100)
    flat = squash(text)
    assert "[red]x[/red]" in flat  # not read as rich markup
    assert "<script>alert(1)</script>" in flat
    coloured = render_text(hostile, width=100, color=True)
    assert "[red]x[/red]" in re.sub(r"\x1b\[[0-9;]*m", "", coloured)
    json.loads(render(hostile, "json"))


# ----------------------------------------------------------------------------------------------
# The shared view


def test_view_counts_and_clips(reports: dict[str, Report]) -> None:
    view = readiness_view(ready_of(reports["new-graduate"]))
    by_title = {row.title: row for row in view.roles}
    assert by_title["Volunteer"].counted == "not counted" and not by_title["Volunteer"].is_counted
    assert by_title["Barista"].counted == "2 yr" and not by_title["Barista"].relevant
    assert by_title["Social Work Intern"].counted == "4 mo"
    assert by_title["Social Work Intern"].why == "title: “Social Work”"
    assert view.asked.years_status == "met" and view.above is not None
    assert view.above.years_status == "short"
    assert [s.number for s in view.steps] == list(range(1, len(view.steps) + 1))
    assert {s.level_title for s in view.steps if s.other_rung} == {"Care Manager"}


def test_undated_resume_says_no_dated_roles() -> None:
    text = "\n".join([
        "Jordan Lee", "jordan.lee@example.com | 555-201-3344", "",
        "SUMMARY", "RN with 9 years of experience in case management.", "",
        "EXPERIENCE", "RN Case Manager", "Mercy Health",
        "- Managed a caseload of 60 patients", ""])
    report = check_resume(read_resume_bytes(text.encode(), "undated.txt"), level="senior",
                          catalog=CATALOG, today=TODAY)
    r = ready_of(report)
    assert not r.experience.dated
    view = readiness_view(r)
    assert view.years == "no dated roles"
    assert view.claimed == "the summary claims 9 years"
    assert view.roles[0].dates == "no dates" and view.roles[0].counted == "not counted"
    out = squash(render_text(report, width=100))
    assert "Years no dated roles · the summary claims 9 years" in out
    assert r.experience.warnings and squash(r.experience.warnings[0]) in out
    md = render_markdown(report)
    assert "- Warning: " in md
    doc = parse(render_html(report))
    assert doc.xpath("//ul[contains(@class, 'warnings')]/li")
    assert r.asked.verdict in (Verdict.YES, Verdict.PARTLY, Verdict.NO)


def test_a_long_career_lists_a_few_roles_and_says_how_many_more() -> None:
    roles = []
    for i in range(11):
        roles += [f"Case Manager {i + 1}", f"Agency {i + 1} | January {2000 + 2 * i} – "
                  f"December {2001 + 2 * i}", "- Managed a caseload of 50 clients", ""]
    text = "\n".join(["Jordan Lee", "jordan.lee@example.com | 555-201-3344", "",
                      "EXPERIENCE", *roles])
    report = check_resume(read_resume_bytes(text.encode(), "long.txt"), level="auto",
                          catalog=CATALOG, today=TODAY)
    r = ready_of(report)
    assert len(r.experience.roles) == 11
    view = readiness_view(r)
    assert len(view.roles) == 8 and view.more_roles == 3
    assert "… and 3 more roles (see --format json)" in render_text(report, width=100)
    assert "… and 3 more roles" in render_markdown(report)
    doc = parse(render_html(report))
    assert len(doc.xpath("//table[@class='roles']/tbody/tr")) == 8
    assert len(json.loads(render(report, "json"))["readiness"]["experience"]["roles"]) == 11


# ----------------------------------------------------------------------------------------------
# A real browser


@pytest.mark.slow
@needs_chromium
def test_browser_draws_the_ladder_and_the_readiness_card(senior_rn: Report,
                                                          tmp_path: Path) -> None:
    from PIL import Image

    report = dataclasses.replace(senior_rn, tracks=())
    path = tmp_path / "ready.html"
    path.write_text(render_html(report), encoding="utf-8")
    dom = parse(chromium("--dump-dom", path.as_uri()).stdout)
    card = dom.get_element_by_id("readiness")
    assert len(card.xpath(".//svg//g[@data-level]")) == 6
    assert [c.get("data-level") for c in card.xpath(".//div[@data-verdict and "
                                                    "contains(@class, 'rung ')]")] == [
        "senior", "lead"]
    assert not dom.xpath("//script | //img | //iframe")
    # only the readiness card, so that it fills the screenshot
    doc = parse(path.read_text(encoding="utf-8"))
    for section in doc.xpath("//main/*"):
        if section.get("id") != "readiness":
            section.getparent().remove(section)
    only = tmp_path / "only.html"
    only.write_bytes(lxml.html.tostring(doc, doctype="<!DOCTYPE html>", encoding="utf-8"))
    png = tmp_path / "shot.png"
    chromium(f"--screenshot={png}", "--window-size=1200,1400", only.as_uri())
    with Image.open(png) as image:
        pixels = {color for _, color in image.convert("RGB").getcolors(maxcolors=1 << 20)}
    assert (0x0C, 0x5F, 0x6B) in pixels, "the reads-as rung is outlined in the brand colour"
    assert (0xFC, 0xF1, 0xDE) in pixels, "a 'partly' rung is filled"
    assert (0xE4, 0xF3, 0xEA) in pixels, "a 'yes' rung is filled"
