"""The command line for the ladder and the tracks: `tailor levels` in every format,
`tailor check --track` and `--level auto`, and `tailor keywords --track`."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from tailor.catalog import load_catalog
from tailor.cli import TRACKS, cli

from .conftest import REPO

DATA = Path(__file__).parent / "data" / "readiness"
CATALOG = load_catalog()
LADDER = yaml.safe_load((REPO / "keywords" / "levels.yaml").read_text(encoding="utf-8"))["levels"]


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


# ----------------------------------------------------------------------------------------------
# tailor levels


def test_levels_json_in_a_real_subprocess(tmp_path: Path) -> None:
    env = {**os.environ, "NO_COLOR": "1"}
    done = subprocess.run([sys.executable, "-m", "tailor", "levels", "--format", "json"],
                          capture_output=True, text=True, cwd=tmp_path, env=env, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    ladder = json.loads(done.stdout)
    assert isinstance(ladder, list) and len(ladder) == 6
    assert [x["name"] for x in ladder] == ["assistant", "care-manager", "senior", "lead",
                                           "supervisor", "director"]
    for got, raw in zip(ladder, LADDER, strict=True):
        # DESIGN.md: name, title, years, median_salary, straight from keywords/levels.yaml
        assert (got["name"], got["title"], got["years"], got["median_salary"]) == (
            raw["name"], raw["title"], raw["years"], raw["median_salary"])
        assert got["average_salary"] == raw["average_salary"]
        assert (got["min_years"], got["max_years"]) == (raw["min_years"], raw["max_years"])
        assert got["summary"] == " ".join(raw["summary"].split())
        assert got["focus"] == " ".join(raw["focus"].split())
        assert [f["id"] for f in got["focus_keywords"]] == raw["focus_keywords"]
        terms = {kw.id: kw.term for kw in CATALOG.keywords}
        assert [f["term"] for f in got["focus_keywords"]] == [terms[i] for i in
                                                              raw["focus_keywords"]]
        expected = [r.id for r in CATALOG.requirements if raw["name"] in r.levels]
        assert [r["id"] for r in got["requirements"]] == expected
        for req in got["requirements"]:
            assert req["label"] and req["weight"] in ("required", "preferred") and req["keywords"]
    assert ladder[0]["median_salary"] == 52000 and ladder[-1]["median_salary"] == 128000
    assert ladder[-1]["max_years"] is None
    assert [r["id"] for r in ladder[0]["requirements"]] == ["bachelors-degree"]


def test_levels_loads_no_spacy() -> None:
    probe = ("import sys\nfrom tailor.cli import cli\n"
             "try:\n    cli.main(['levels', '--format', 'json'])\nexcept SystemExit:\n    pass\n"
             "print('SPACY:' + str('spacy' in sys.modules))")
    out = subprocess.run([sys.executable, "-c", probe], check=True, capture_output=True,
                         text=True).stdout
    assert out.rsplit("SPACY:", 1)[1].strip() == "False"
    assert json.loads(out.rsplit("SPACY:", 1)[0])[0]["name"] == "assistant"


def test_levels_text_table() -> None:
    code, out, err = run("levels")
    assert code == 0, err
    lines = out.splitlines()
    assert all(len(line) <= 100 for line in lines)
    assert "\x1b[" not in out
    header = next(ln for ln in lines if ln.startswith("Title"))
    for column in ("Name", "Years", "Median", "Average", "Focus areas"):
        assert column in header
    for raw in LADDER:
        row = next(ln for ln in lines if f" {raw['name']} " in ln and raw["years"] in ln)
        assert f"${raw['median_salary']:,}" in row and f"${raw['average_salary']:,}" in row
        first = next(kw.term for kw in CATALOG.keywords if kw.id == raw["focus_keywords"][0])
        assert row.split("$")[-1].split(None, 1)[1].startswith(first.split()[0])
        # each rung's own section: title, name, years, and its focus text
        assert f"{raw['title']}  {raw['name']} · {raw['years']} years" in out
        flat = " ".join(out.split())
        assert " ".join(raw["focus"].split()) in flat
    flat = " ".join(out.split())
    table = " ".join(out[:out.index("\nAssistant Care Manager  assistant")].split())
    for term in ("patient assessment,", "discharge planning,", "change management"):
        assert term in table
    assert "Healthcare quality certification (CPHQ) (preferred)" in flat


def test_levels_markdown() -> None:
    code, out, _ = run("levels", "--format", "markdown")
    assert code == 0
    assert out.startswith("# The care-manager career ladder")
    assert "| Title | Name | Years | US median | US average |" in out
    for raw in LADDER:
        assert (f"| {raw['title']} | `{raw['name']}` | {raw['years']} | "
                f"${raw['median_salary']:,} | ${raw['average_salary']:,} |") in out
        assert f"\n## {raw['title']}\n" in out
        assert f"`--level {raw['name']}` · {raw['years']} years" in out
    assert out.count("**Focus areas:**") == 6
    assert "- Master's degree (MSW, MPH, MSN or related) (preferred)" in out


def test_levels_out_and_force(tmp_path: Path) -> None:
    target = tmp_path / "ladder.json"
    code, out, err = run("levels", "--format", "json", "--out", str(target))
    assert code == 0 and out == "" and f"Wrote {target}" in err
    assert len(json.loads(target.read_text(encoding="utf-8"))) == 6
    code, _, err = run("levels", "--out", str(target))
    assert code == 5 and "already exists; use --force" in err
    assert run("levels", "--format", "markdown", "--out", str(target), "--force")[0] == 0
    assert target.read_text(encoding="utf-8").startswith("# The care-manager career ladder")


def test_levels_with_a_bad_keyword_file(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("entries: [1, 2\n", encoding="utf-8")
    code, _, err = run("levels", "--keywords", str(bad))
    assert code == 4 and err.startswith("Error: ") and "Traceback" not in err


# ----------------------------------------------------------------------------------------------
# tailor check --track and --level auto


def test_check_with_a_track() -> None:
    code, out, err = run("check", str(DATA / "new-graduate.txt"), "--track", "sdoh",
                         "--format", "json")
    assert code == 0, err
    data = json.loads(out)
    own = {kw.id for kw in CATALOG.keywords if kw.track == "sdoh"}
    ids = {k["id"] for k in data["keywords"]}
    assert own <= ids  # the track's own entries are counted
    (track,) = data["tracks"]
    assert track["id"] == "sdoh" and track["title"] == CATALOG.track("sdoh").title
    flagged = [g for g in data["missing"] if g["in_track"]]
    assert flagged
    related = own | set(CATALOG.track("sdoh").related)
    assert all(set(g["ids"]) & related for g in flagged)
    # without the track its own entries do not count and nothing is flagged
    plain = json.loads(run("check", str(DATA / "new-graduate.txt"), "--format", "json")[1])
    assert not own & {k["id"] for k in plain["keywords"]}
    assert plain["tracks"] == [] and not any(g["in_track"] for g in plain["missing"])


def test_check_text_shows_the_track_and_marks_its_gaps() -> None:
    code, out, _ = run("check", str(DATA / "new-graduate.txt"), "--track", "sdoh",
                       "--track", "digital-health")
    assert code == 0
    flat = " ".join(out.split())
    assert "Specialization tracks" in out
    for ident in ("sdoh", "digital-health"):
        track = CATALOG.track(ident)
        assert track.title in flat
        for sentence in track.reasoning:
            assert f"guide: “{sentence}”" in flat
    assert "track: Social Determinants of Health (SDOH) Care Manager" in flat
    assert "shows: social determinants of health" in flat


def test_unknown_track_is_a_usage_error() -> None:
    names = ", ".join(t.id for t in CATALOG.tracks)
    code, out, err = run("check", str(DATA / "new-graduate.txt"), "--track", "astrology")
    assert code == 2 and out == ""
    assert err == f"Error: unknown track 'astrology'; choose one of: {names}\n"
    code, out, err = run("keywords", "--track", "astrology", "--format", "json")
    assert code == 2 and out == ""
    assert err == f"Error: unknown track 'astrology'; choose one of: {names}\n"


def test_check_level_auto_through_the_cli() -> None:
    code, out, err = run("check", str(DATA / "social-work-supervisor.txt"), "--level", "auto",
                         "--format", "json")
    assert code == 0, err
    data = json.loads(out)
    ready = data["readiness"]
    assert ready["auto"] is True
    assert data["level"] == ready["reads_as"] == ready["asked"]
    assert isinstance(ready["years_relevant"], float) and ready["years_relevant"] >= 15
    assert ready["reads_as"] == "supervisor"  # the dates end before today, whenever it is
    code, out, _ = run("check", str(DATA / "social-work-supervisor.txt"), "--level", "auto")
    assert code == 0
    assert out.splitlines()[0].endswith("level: auto → Care Management Supervisor")
    assert "Career readiness" in out and "Steps" in out
    code, out, _ = run("check", str(DATA / "social-work-supervisor.txt"), "--level", "auto",
                       "--format", "markdown")
    assert "**Level:** auto → Care Management Supervisor" in out
    assert "## Career readiness" in out


def test_check_help_mentions_auto_and_the_tracks() -> None:
    code, out, _ = run("check", "--help")
    assert code == 0
    flat = " ".join(out.split())
    assert "or auto (the rung the resume reads as)" in flat
    assert "--track NAME" in flat
    assert tuple(t.id for t in CATALOG.tracks) == TRACKS
    for name in ("keywords", "levels", "draft", "batch"):
        assert run(name, "--help")[0] == 0


# ----------------------------------------------------------------------------------------------
# tailor keywords --track


def test_keywords_track_json_lists_own_then_related_entries() -> None:
    code, out, err = run("keywords", "--track", "value-based-care", "--format", "json")
    assert code == 0, err
    entries = json.loads(out)
    assert isinstance(entries, list)
    track = CATALOG.track("value-based-care")
    own = [kw.id for kw in CATALOG.keywords if kw.track == track.id]
    known = {kw.id for kw in CATALOG.keywords}
    related = [i for i in track.related if i in known]
    assert [e["id"] for e in entries] == own + related
    assert [e["track_role"] for e in entries] == ["own"] * len(own) + ["related"] * len(related)
    for e in entries:
        assert {"id", "term", "aliases", "category", "levels", "weight", "source"} <= e.keys()
        assert e["track_id"] == track.id and e["track_title"] == track.title
        assert e["track_reasoning"] == list(track.reasoning)
    assert all(e["track"] == track.id for e in entries if e["track_role"] == "own")


def test_keywords_track_text_shows_title_and_reasoning() -> None:
    code, out, _ = run("keywords", "--track", "sdoh")
    assert code == 0
    track = CATALOG.track("sdoh")
    flat = " ".join(out.split())
    assert f"Track {track.title} (--track sdoh)" in flat
    for sentence in (*CATALOG.track_why, *track.reasoning):
        assert f"guide: “{sentence}”" in flat
    assert out.index(track.reasoning[-1][:30]) < out.index("SDOH screening & interventions")
    rows = [ln.split()[0] for ln in out.splitlines() if ln.startswith(("track ", "related "))]
    own = sum(1 for kw in CATALOG.keywords if kw.track == "sdoh")
    assert rows == ["track"] * own + ["related"] * (len(rows) - own)
    assert f"{own} track entries" in out


def test_keywords_track_with_level_and_category_filters() -> None:
    code, out, _ = run("keywords", "--track", "predictive-care", "--category",
                       "technical-skill", "--format", "json")
    assert code == 0
    entries = json.loads(out)
    assert entries and all(e["category"] == "technical-skill" for e in entries)
    assert all(e["track_role"] == "related" for e in entries)


def test_keywords_json_without_track_is_unchanged() -> None:
    code, out, _ = run("keywords", "--format", "json")
    assert code == 0
    entries = json.loads(out)
    assert len(entries) == len(CATALOG.keywords)
    assert not any("track_role" in e for e in entries)


@pytest.mark.parametrize("fmt", ["text", "json", "markdown", "html"])
def test_every_check_format_with_track_and_auto(fmt: str, tmp_path: Path) -> None:
    target = tmp_path / f"report.{fmt}"
    code, _, err = run("check", str(DATA / "experienced-rn.txt"), "--level", "auto",
                       "--track", "behavioral-chronic", "--format", fmt, "--out", str(target))
    assert code == 0, err
    text = target.read_text(encoding="utf-8")
    title = CATALOG.track("behavioral-chronic").title
    if fmt == "json":
        data = json.loads(text)
        assert data["readiness"]["reads_as"] == data["level"]
        assert data["tracks"][0]["title"] == title
    else:
        assert title.replace("&", "&amp;") in text or title in " ".join(text.split())
        assert "Career readiness" in text
