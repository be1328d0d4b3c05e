"""The command line: output formats, exit codes, --out/--force, and one clear line per bad input."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from tailor.cli import cli

from . import factories
from .conftest import REPO

EXAMPLE = REPO / "examples" / "resume.docx"
CORPUS_WORD = factories.CORPUS / "word"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_every_command_has_help_and_is_in_the_readme() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    code, out, _ = run("--help")
    assert code == 0
    for name, command in cli.commands.items():
        assert command.help, name
        assert name in out
        assert f"tailor {name}" in readme, f"README does not show `tailor {name}`"


def test_text_report_of_the_example() -> None:
    code, out, err = run("check", str(EXAMPLE))
    assert code == 0, err
    assert "tailor check · resume.docx (DOCX) · level: Care Manager" in out
    assert "Score " in out and "/100" in out
    assert "discharge planning" in out  # a keyword the example shows...
    assert "Lead discharge planning for hospitalized" in out  # ...with its line
    assert "What it misses, most important first" in out
    assert "\x1b[" not in out  # no colour codes when not a terminal


def test_colour_on_request() -> None:
    code, out, _ = run("check", str(EXAMPLE), "--color")
    assert code == 0
    assert "\x1b[" in out


def test_json_contract() -> None:
    code, out, _ = run("check", str(EXAMPLE), "--format", "json", "--level", "senior")
    assert code == 0
    data = json.loads(out)
    assert isinstance(data["score"], int) and 0 <= data["score"] <= 100
    assert data["level"] == "senior"
    assert data["keywords"] and data["checks"]
    for kw in data["keywords"]:
        assert {"term", "category", "found", "evidence"} <= kw.keys()
        assert kw["found"] == bool(kw["evidence"])
        for ev in kw["evidence"]:
            assert ev["text"] and ev["section"] and ev["kind"] in ("exact", "alias", "lemma")
    found = {kw["term"]: kw for kw in data["keywords"] if kw["found"]}
    assert "Epic" in found
    assert "Epic" in found["Epic"]["evidence"][0]["text"]
    for chk in data["checks"]:
        assert chk["status"] in ("pass", "warn", "fail") and chk["id"] and chk["message"]
    assert [g["rank"] for g in data["missing"]] == list(range(1, len(data["missing"]) + 1))


def test_markdown_report() -> None:
    code, out, _ = run("check", str(EXAMPLE), "--format", "markdown")
    assert code == 0
    assert out.startswith("# Resume check: resume.docx")
    assert "| Keyword | Section | Evidence | Line |" in out
    assert "## What it misses, most important first" in out


def test_out_is_atomic_and_never_clobbers(tmp_path: Path) -> None:
    target = tmp_path / "review.json"
    code, out, err = run("check", str(EXAMPLE), "--format", "json", "--out", str(target))
    assert code == 0 and out == ""
    assert f"Wrote {target}" in err
    assert json.loads(target.read_text(encoding="utf-8"))["file"] == "resume.docx"
    target.write_text("keep me", encoding="utf-8")
    code, _, err = run("check", str(EXAMPLE), "--out", str(target))
    assert code == 5
    assert err == f"Error: {target} already exists; use --force to replace it\n"
    assert target.read_text(encoding="utf-8") == "keep me"
    code, _, _ = run("check", str(EXAMPLE), "--out", str(target), "--force")
    assert code == 0
    assert "tailor check" in target.read_text(encoding="utf-8")
    assert [p.name for p in tmp_path.iterdir()] == ["review.json"]  # no temp files left


def test_min_score_sets_exit_code_one() -> None:
    code, _, err = run("check", str(EXAMPLE), "--min-score", "100")
    assert code == 1
    assert "is below --min-score 100" in err
    assert run("check", str(EXAMPLE), "--min-score", "0")[0] == 0


def test_unknown_level_is_a_usage_error() -> None:
    code, out, err = run("check", str(EXAMPLE), "--level", "boss")
    assert code == 2
    assert out == ""
    assert err == ("Error: unknown level 'boss'; choose one of: assistant, care-manager, senior, "
                   "lead, supervisor, director, or auto (the rung the resume reads as)\n")
    code, _, err = run("keywords", "--level", "auto")
    assert code == 2 and err == ("Error: unknown level 'auto'; choose one of: assistant, "
                                 "care-manager, senior, lead, supervisor, director\n")


def test_bad_keyword_file_names_file_entry_and_field(tmp_path: Path) -> None:
    extra = tmp_path / "extra.yaml"
    extra.write_text("entries:\n  - id: x\n    term: x\n    category: tool\n    weight: must\n"
                     "    levels: all\n    source: s\n    suggestion: s\n", encoding="utf-8")
    code, _, err = run("check", str(EXAMPLE), "--keywords", str(extra))
    assert code == 4
    assert f"Error: {extra}: entry 1 (id 'x'): field 'weight'" in err


def test_extra_keywords_count(tmp_path: Path) -> None:
    extra = tmp_path / "extra.yaml"
    extra.write_text(
        "entries:\n  - id: falls-prevention\n    term: falls prevention\n"
        "    category: technical-skill\n    weight: required\n    levels: all\n"
        "    source: our own posting\n    suggestion: Say it.\n", encoding="utf-8")
    code, out, _ = run("check", str(EXAMPLE), "--keywords", str(extra), "--format", "json")
    assert code == 0
    (mine,) = [k for k in json.loads(out)["keywords"] if k["term"] == "falls prevention"]
    assert mine["found"] and "falls-prevention committee" in mine["evidence"][0]["text"]


BAD_INPUTS: dict[str, tuple[Callable[[], bytes], str, str]] = {
    # name: (content, file name, expected problem text)
    "empty": (lambda: b"", "empty.docx", "is empty"),
    "corrupt": (lambda: b"PK\x03\x04" + b"\x00" * 60, "corrupt.docx", "damaged Word file"),
    "truncated": (lambda: factories.resume_docx()[:900], "cut.docx", "damaged Word file"),
    "legacy-doc": (lambda: factories.ole_file("WordDocument"), "old.docx", ".doc file"),
    "password": (lambda: factories.ole_file("EncryptionInfo", "EncryptedPackage"),
                 "locked.docx", "password-protected"),
    "zip-bomb": (factories.zip_bomb, "bomb.docx", "zip bomb"),
    "scanned-pdf": (factories.pdf_image_only, "scan.pdf", "scanned image"),
    "encrypted-pdf": (factories.pdf_encrypted, "locked.pdf", "password"),
    "binary-txt": (lambda: bytes(range(256)) * 8, "junk.txt", "not a text file"),
    "too-big": (lambda: b"a " * 11_000_000, "huge.txt", "MB"),
}


def _bad_input(case: str, tmp: Path) -> tuple[Path, str]:
    if case == "missing":
        return tmp / "nope.docx", "does not exist"
    if case == "directory":
        (tmp / "folder.docx").mkdir()
        return tmp / "folder.docx", "folder"
    make, name, problem = BAD_INPUTS[case]
    (tmp / name).write_bytes(make())
    return tmp / name, problem


@pytest.mark.parametrize("case", [*BAD_INPUTS, "missing", "directory"])
def test_bad_input_gets_one_clear_line(case: str, tmp_path: Path) -> None:
    path, problem = _bad_input(case, tmp_path)
    code, out, err = run("check", str(path), "--format", "json")
    assert code == 3, err
    assert out == ""
    assert err.startswith(f"Error: {path} ")
    assert problem in err
    assert err.count("\n") == 1 and "Traceback" not in err


def test_pdf_renamed_docx_is_read_and_noted(tmp_path: Path) -> None:
    renamed = tmp_path / "resume.docx"
    renamed.write_bytes(factories.pdf_resume_paragraphs())
    code, out, _ = run("check", str(renamed), "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert data["kind"] == "pdf"
    assert any("named .docx but is a PDF" in note for note in data["notes"])


def test_keywords_listing() -> None:
    code, out, _ = run("keywords", "--format", "json")
    assert code == 0
    entries = json.loads(out)
    for e in entries:
        assert {"id", "term", "aliases", "category", "levels", "weight", "source"} <= e.keys()
    code, out, _ = run("keywords", "--level", "director", "--category", "leadership",
                       "--format", "json")
    leadership = json.loads(out)
    assert leadership and all(e["category"] == "leadership" and "director" in e["levels"]
                              for e in leadership)
    assert len(leadership) < len(entries)
    code, out, _ = run("keywords", "--category", "tool")
    assert code == 0 and "Epic" in out and "keywords" in out.splitlines()[-1]
    code, _, err = run("keywords", "--category", "nonsense")
    assert code == 2 and "unknown category 'nonsense'" in err


def test_help_does_not_load_heavy_libraries() -> None:
    probe = ("import sys\nfrom tailor.cli import cli\ntry:\n    cli.main(['check', '--help'])\n"
             "except SystemExit:\n    pass\n"
             "heavy = ('spacy', 'docx', 'pypdfium2', 'lxml', 'pydantic', 'yaml', 'ftfy')\n"
             "print('HEAVY:' + ','.join(m for m in heavy if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", probe], check=True, capture_output=True,
                         text=True).stdout
    assert out.rsplit("HEAVY:", 1)[1].strip() == ""


@pytest.mark.slow
def test_real_subprocess_run_of_the_console_script(tmp_path: Path) -> None:
    env = {**os.environ, "NO_COLOR": "1"}
    done = subprocess.run([sys.executable, "-m", "tailor", "check", str(EXAMPLE), "--format",
                           "json", "--level", "assistant"], capture_output=True, text=True,
                          cwd=tmp_path, env=env, check=False)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["level"] == "assistant"
    bad = subprocess.run([sys.executable, "-m", "tailor", "check", "missing.pdf"],
                         capture_output=True, text=True, cwd=tmp_path, env=env, check=False)
    assert bad.returncode == 3
    assert bad.stderr == "Error: missing.pdf does not exist\n"


@pytest.mark.parametrize("name", sorted(p.name for p in CORPUS_WORD.glob("*.docx"))
                         if CORPUS_WORD.is_dir() else ["(corpus absent)"])
def test_real_word_files_read_or_refused_cleanly(name: str) -> None:
    if not CORPUS_WORD.is_dir():
        pytest.skip(f"the shared corpus is not beside the repo ({CORPUS_WORD})")
    code, out, err = run("check", str(CORPUS_WORD / name), "--format", "json")
    assert "Traceback" not in err
    if code == 0:
        assert json.loads(out)["file"] == name
    else:
        assert code == 3 and err.startswith("Error: ") and err.count("\n") == 1
