"""`tailor batch --level auto` (each resume at the rung it reads as) and `--track` in batches,
and `tailor draft --track` on the command line."""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from docx import Document

from tailor.batch import run_batch
from tailor.cli import cli
from tailor.errors import UsageError

DATA = Path(__file__).parent / "data" / "readiness"
REPO = Path(__file__).resolve().parent.parent
PROFILE = REPO / "examples" / "profile.yaml"
PEOPLE = ("new-graduate", "experienced-rn", "social-work-supervisor")


@pytest.fixture
def cohort(tmp_path: Path) -> Path:
    """The issue's three people, and a file that is not a resume."""
    folder = tmp_path / "class"
    folder.mkdir()
    for name in PEOPLE:
        shutil.copy(DATA / f"{name}.txt", folder / f"{name}.txt")
    (folder / "notes.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 64)
    return folder


def test_auto_checks_each_resume_at_the_rung_it_reads_as(cohort: Path, tmp_path: Path) -> None:
    result = run_batch([cohort], out=tmp_path / "auto.json", level="auto", workers=1)
    rows = {r.file: r for r in result.rows}
    ok = [r for r in result.rows if r.reads_as is not None]
    assert len(ok) == 3
    for row in ok:
        # the row is scored against the rung it reads as, and says how ready it is for it
        assert row.level == row.reads_as
        assert row.ready in ("yes", "partly", "no")
    # the people were written to read as three different rungs; the dates make the new
    # graduate the lowest and the supervisor the highest whatever today is
    order = ["assistant", "care-manager", "senior", "lead", "supervisor", "director"]
    rung = {name: order.index(rows[f"{name}.txt"].reads_as or "") for name in PEOPLE}
    assert rung["new-graduate"] < rung["experienced-rn"] < rung["social-work-supervisor"]
    assert rows["new-graduate.txt"].reads_as == "assistant"
    summary = result.summary
    assert summary.level == "auto"
    assert summary.readiness_checked == 3
    assert sum(n for _, n in summary.reads_as) == 3
    assert [name for name, _ in summary.reads_as] == order
    assert rows["notes.png"].status.value == "skipped"
    assert rows["notes.png"].level == "auto"
    data = json.loads((tmp_path / "auto.json").read_text(encoding="utf-8"))
    assert data["summary"]["level"] == "auto"
    reports = {r["file"]: r["report"] for r in data["rows"]}
    assert reports["new-graduate.txt"]["readiness"]["reads_as"] == "assistant"
    assert reports["new-graduate.txt"]["level"] == "assistant"


def test_a_track_applies_to_every_resume_and_is_named_in_the_outputs(
        cohort: Path, tmp_path: Path) -> None:
    plain = run_batch([cohort], level="care-manager", workers=1)
    result = run_batch([cohort], out=tmp_path / "vbc.json", level="care-manager",
                       tracks=["value-based-care"], workers=1)
    assert result.summary.tracks == ("value-based-care",)
    data = json.loads((tmp_path / "vbc.json").read_text(encoding="utf-8"))
    assert data["summary"]["tracks"] == ["value-based-care"]
    for row in data["rows"]:
        if row["report"] is not None:
            assert [t["id"] for t in row["report"]["tracks"]] == ["value-based-care"]
    # the track's own entries (ACO, HEDIS...) count: none of these resumes shows them
    before = {r.file: r.score for r in plain.rows if r.score is not None}
    after = {r.file: r.score for r in result.rows if r.score is not None}
    assert before.keys() == after.keys() and len(after) == 3
    assert all(after[f] <= before[f] for f in after)
    assert any(after[f] < before[f] for f in after)


def test_html_and_xlsx_say_which_track(cohort: Path, tmp_path: Path) -> None:
    run_batch([cohort], out=tmp_path / "c.html", level="auto", tracks=["sdoh"], workers=1)
    page = (tmp_path / "c.html").read_text(encoding="utf-8")
    assert "<dt>Track</dt><dd>Social Determinants of Health (SDOH) Care Manager</dd>" in page
    assert "Auto (the rung each resume reads as)" in page
    from openpyxl import load_workbook

    run_batch([cohort], out=tmp_path / "c.xlsx", level="senior",
              tracks=["sdoh", "digital-health"], workers=1)
    book = load_workbook(tmp_path / "c.xlsx", read_only=True)
    texts = [str(c) for sheet in book.worksheets for row in sheet.iter_rows(values_only=True)
             for c in row if c]
    assert any("Senior Care Manager level with the Social Determinants of Health (SDOH) Care "
               "Manager, " in t and t.count("track") == 1 and "tracks" in t for t in texts)


def test_unknown_track_or_level_is_refused_before_any_work(cohort: Path, tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="unknown track 'telehealth'; choose one of: "
                                         "predictive-care, digital-health"):
        run_batch([cohort], out=tmp_path / "x.csv", tracks=["telehealth"])
    with pytest.raises(UsageError, match=r"unknown level 'chief'.*or auto"):
        run_batch([cohort], out=tmp_path / "x.csv", level="chief")
    assert not (tmp_path / "x.csv").exists()


def test_batch_cli_auto_and_track(cohort: Path, tmp_path: Path) -> None:
    out = tmp_path / "cohort.csv"
    result = CliRunner().invoke(cli, ["batch", str(cohort), "--level", "auto", "--track", "sdoh",
                                      "--out", str(out), "--workers", "1"])
    assert result.exit_code == 0, result.output
    assert "level: auto · track: sdoh" in result.stdout
    assert "Reads as: assistant 1" in result.stdout
    assert "Ready for the rung each reads as:" in result.stdout
    with out.open(encoding="utf-8-sig", newline="") as handle:  # Excel's BOM
        rows = {r["file"]: r for r in csv.DictReader(handle)}
    assert rows["new-graduate.txt"]["level"] == rows["new-graduate.txt"]["reads_as"]
    assert rows["notes.png"]["status"] == "skipped"
    bad = CliRunner().invoke(cli, ["batch", str(cohort), "--track", "nope"])
    assert bad.exit_code == 2
    assert "unknown track 'nope'" in bad.stderr
    assert "Traceback" not in bad.output


def test_draft_cli_track(tmp_path: Path) -> None:
    out = tmp_path / "draft"
    result = CliRunner().invoke(cli, ["draft", "--level", "care-manager", "--track",
                                      "digital-health", "--out", str(out), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["tracks"] == ["digital-health"]
    text = "\n".join(p.text for p in Document(str(out / "resume.docx")).paragraphs)
    # a skeleton for the track prompts for the track's own work
    assert "[Show digital health & remote monitoring program: what you did" in text
    letter = "\n".join(p.text for p in Document(str(out / "cover-letter.docx")).paragraphs)
    assert "Digital Health" in letter
    text_run = CliRunner().invoke(cli, ["draft", "--profile", str(PROFILE), "--track", "sdoh",
                                        "--out", str(tmp_path / "d2")])
    assert text_run.exit_code == 0, text_run.output
    assert "level: care-manager · track: sdoh" in text_run.stdout
    bad = CliRunner().invoke(cli, ["draft", "--track", "genomics", "--out",
                                   str(tmp_path / "d3")])
    assert bad.exit_code == 2 and "unknown track 'genomics'" in bad.stderr
    assert not (tmp_path / "d3").exists()
