"""tailor batch: a class of resumes through worker processes (and Dask), every file counted."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from tailor import batch as batch_module
from tailor.batch import DaskRunner, ProcessRunner, run_batch
from tailor.cli import cli
from tailor.errors import OutputError, UsageError
from tailor.models import RowStatus

from . import factories
from .conftest import REPO

EXAMPLE = REPO / "examples" / "resume.docx"
POSTING = REPO / "examples" / "posting.txt"


def classroom(root: Path, *, good: int = 6) -> Path:
    """A realistic class folder: resumes in several formats, a broken one, a non-resume."""
    folder = root / "class"
    (folder / "section-b").mkdir(parents=True)
    for i in range(good):
        target = folder / ("section-b" if i % 2 else "") / f"student-{i}.docx"
        shutil.copyfile(EXAMPLE, target)
    (folder / "student-pdf.pdf").write_bytes(factories.pdf_resume_paragraphs())
    (folder / "student-txt.txt").write_text(
        "Sam Rivera\nsam@example.com | 555-201-3344\nEXPERIENCE\nCare Coordinator\n"
        "- Coordinated care for 40 adults and led discharge planning.\n", encoding="utf-8")
    (folder / "broken.docx").write_bytes(b"PK\x03\x04 not really a zip")
    (folder / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0 jpeg")
    return folder


def rows_by_file(result) -> dict[str, object]:  # type: ignore[no-untyped-def]
    return {row.file: row for row in result.rows}


def test_a_class_folder_gives_one_row_per_file(tmp_path: Path) -> None:
    folder = classroom(tmp_path)
    result = run_batch([folder], out=tmp_path / "cohort.csv", level="assistant", workers=2)
    rows = rows_by_file(result)
    assert set(rows) == {"student-0.docx", "section-b/student-1.docx", "student-2.docx",
                         "section-b/student-3.docx", "student-4.docx",
                         "section-b/student-5.docx", "student-pdf.pdf", "student-txt.txt",
                         "broken.docx", "photo.jpg"}
    assert rows["student-0.docx"].status is RowStatus.OK
    assert rows["student-0.docx"].name == "Jordan Rivera"
    assert rows["student-0.docx"].score == rows["section-b/student-5.docx"].score
    assert rows["student-pdf.pdf"].kind == "pdf"
    assert rows["broken.docx"].status is RowStatus.ERROR
    assert "damaged Word file" in rows["broken.docx"].error
    assert rows["photo.jpg"].status is RowStatus.SKIPPED
    summary = result.summary
    assert (summary.files, summary.ok, summary.errors, summary.skipped) == (10, 8, 1, 1)
    assert summary.level == "assistant"
    with (tmp_path / "cohort.csv").open(encoding="utf-8-sig", newline="") as fh:
        table = list(csv.DictReader(fh))
    assert len(table) == 10
    assert {"file", "status", "score", "missing", "error"} <= set(table[0])
    assert {r["file"] for r in table if r["status"] == "error"} == {"broken.docx"}


def test_same_result_with_one_worker_and_two(tmp_path: Path) -> None:
    folder = classroom(tmp_path, good=3)
    one = run_batch([folder], workers=1)
    two = run_batch([folder], workers=2)

    def key(result):  # type: ignore[no-untyped-def]
        return sorted((r.file, r.status, r.score, r.missing) for r in result.rows)

    assert key(one) == key(two)


def test_every_output_format(tmp_path: Path) -> None:
    folder = classroom(tmp_path, good=2)
    for ext in (".csv", ".xlsx", ".json", ".html"):
        result = run_batch([folder], out=tmp_path / f"cohort{ext}", job=POSTING, workers=2)
        assert result.out == tmp_path / f"cohort{ext}"
    data = json.loads((tmp_path / "cohort.json").read_text(encoding="utf-8"))
    assert data["summary"]["files"] == 6
    by_file = {row["file"]: row for row in data["rows"]}
    report = by_file["student-0.docx"]["report"]
    assert report["score"] == by_file["student-0.docx"]["score"]
    assert report["job"]["title"] == "RN Care Manager"
    assert by_file["broken.docx"]["report"] is None
    assert by_file["student-0.docx"]["match_rate"] == report["job"]["match_rate"]
    html = (tmp_path / "cohort.html").read_text(encoding="utf-8")
    assert "student-0.docx" in html and "Content-Security-Policy" in html


def test_existing_report_is_not_replaced_without_force(tmp_path: Path) -> None:
    folder = classroom(tmp_path, good=1)
    target = tmp_path / "cohort.csv"
    target.write_text("keep", encoding="utf-8")
    with pytest.raises(OutputError, match="already exists"):
        run_batch([folder], out=target)
    assert target.read_text(encoding="utf-8") == "keep"
    run_batch([folder], out=target, force=True)
    assert target.read_text(encoding="utf-8-sig").startswith("file,status")
    with pytest.raises(UsageError, match=r"\.csv, \.xlsx, \.json, \.html"):
        run_batch([folder], out=tmp_path / "cohort.pdf")


def test_a_folder_with_no_resumes(tmp_path: Path) -> None:
    folder = tmp_path / "empty"
    folder.mkdir()
    (folder / "notes.jpg").write_bytes(b"x")
    result = run_batch([folder], out=tmp_path / "cohort.csv")
    assert [(r.file, r.status) for r in result.rows] == [("notes.jpg", RowStatus.SKIPPED)]
    assert result.summary.ok == 0 and result.summary.score_mean is None
    assert (tmp_path / "cohort.csv").exists()


def test_zip_exports_with_hostile_entries(tmp_path: Path) -> None:
    archive = tmp_path / "export.zip"
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("class/jane.docx", EXAMPLE.read_bytes())
        z.writestr("class/bomb.docx", factories.zip_bomb())
        z.writestr("../evil.docx", EXAMPLE.read_bytes())
        for i in range(1000):
            z.writestr(f"nested/{i}.zip", b"PK\x05\x06" + b"\x00" * 18)
    lonely = tmp_path / "lonely.docx"
    lonely.write_bytes(EXAMPLE.read_bytes())
    started = time.perf_counter()
    result = run_batch([archive, lonely], workers=2)
    assert time.perf_counter() - started < 30
    rows = rows_by_file(result)
    prefix = f"{archive}!"  # several inputs: each file is named by the path as given
    assert rows[f"{prefix}class/jane.docx"].status is RowStatus.OK
    assert rows[str(lonely)].status is RowStatus.OK
    bomb = rows[f"{prefix}class/bomb.docx"]
    assert bomb.status is RowStatus.ERROR
    assert bomb.error.startswith("would inflate to 200 MB")  # the problem, not the name again
    assert "zip bomb" in bomb.error
    assert rows[f"{prefix}../evil.docx"].status is RowStatus.SKIPPED
    nested = [r for n, r in rows.items() if n.startswith(f"{prefix}nested/")]
    assert len(nested) == 1000 and all(r.status is RowStatus.SKIPPED for r in nested)
    assert len(result.rows) == 1004
    assert result.summary.ok == 2 and result.summary.errors == 1


def test_hostile_file_names_survive_and_never_become_formulas(tmp_path: Path) -> None:
    folder = tmp_path / "names"
    folder.mkdir()
    names = ['=HYPERLINK("x","y").docx', "+cmd.docx", "@SUM(1).docx", "-2+3.docx",
             "new\nline.docx"]
    for name in names:
        shutil.copyfile(EXAMPLE, folder / name)
    result = run_batch([folder], out=tmp_path / "cohort.csv")
    assert {r.file for r in result.rows} == set(names)
    with (tmp_path / "cohort.csv").open(encoding="utf-8-sig", newline="") as fh:
        files = [row["file"] for row in csv.DictReader(fh)]
    assert sorted(files) == sorted("'" + n if n[0] in "=+-@" else n for n in names)


def test_five_percent_corrupt_files_are_all_reported(tmp_path: Path) -> None:
    folder = tmp_path / "mixed"
    folder.mkdir()
    good = EXAMPLE.read_bytes()
    for i in range(40):
        data = good if i % 20 else good[: len(good) // 2]  # 2 of 40 truncated
        (folder / f"r{i:02d}.docx").write_bytes(data)
    result = run_batch([folder], workers=2)
    assert len(result.rows) == 40
    assert result.summary.ok == 38 and result.summary.errors == 2
    assert dict(result.summary.errors_by_reason) == {
        "is a damaged Word file (the package is truncated or corrupt); open it in Word and "
        "save it again": 2}


def test_unreadable_and_vanishing_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = classroom(tmp_path, good=2)
    gone = folder / "student-0.docx"
    real_read = batch_module.read_item

    def read_then_vanish(item, **kwargs):  # type: ignore[no-untyped-def]
        if item.name == "student-0.docx" and gone.exists():
            gone.unlink()  # deleted between listing and reading
        return real_read(item, **kwargs)

    monkeypatch.setattr(batch_module, "read_item", read_then_vanish)
    result = run_batch([folder], workers=1)
    row = rows_by_file(result)["student-0.docx"]
    assert row.status is RowStatus.ERROR and "does not exist" in row.error
    assert result.summary.ok == 3


@pytest.mark.skipif(sys.platform != "linux", reason="the hang is injected into forked workers")
def test_a_hanging_file_is_stopped_and_the_batch_finishes(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = classroom(tmp_path, good=4)
    real_read = batch_module.read_item

    def hang_on_one(item, **kwargs):  # type: ignore[no-untyped-def]
        if item.name == "student-2.docx":
            time.sleep(60)
        return real_read(item, **kwargs)

    monkeypatch.setattr(batch_module, "read_item", hang_on_one)
    started = time.perf_counter()
    result = run_batch([folder], workers=2, timeout=2)
    assert time.perf_counter() - started < 30
    rows = rows_by_file(result)
    assert rows["student-2.docx"].status is RowStatus.ERROR
    assert "took longer than 2 s" in rows["student-2.docx"].error
    others = [r for r in result.rows if r.file != "student-2.docx"]
    assert sum(r.status is RowStatus.OK for r in others) == 5  # 3 DOCX, the PDF, the text
    assert len(result.rows) == 8  # and broken.docx (error), photo.jpg (skipped)


@pytest.mark.skipif(sys.platform != "linux", reason="the crash is injected into forked workers")
def test_a_crashing_worker_is_replaced(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = classroom(tmp_path, good=4)
    real_read = batch_module.read_item

    def crash_on_one(item, **kwargs):  # type: ignore[no-untyped-def]
        if item.name == "section-b/student-1.docx" and os.getpid() != parent:
            os._exit(3)  # as a segfault in a C library would
        return real_read(item, **kwargs)

    parent = os.getpid()
    monkeypatch.setattr(batch_module, "read_item", crash_on_one)
    result = run_batch([folder], workers=2)
    rows = rows_by_file(result)
    crashed = rows["section-b/student-1.docx"]
    assert crashed.status is RowStatus.ERROR and "crashed" in crashed.error
    assert [r.file for r in result.rows if "crashed" in r.error] == [crashed.file]
    assert sum(r.status is RowStatus.OK for r in result.rows) == 5  # every other resume


def test_anonymized_batch_keeps_no_names(tmp_path: Path) -> None:
    folder = tmp_path / "private"
    folder.mkdir()
    shutil.copyfile(EXAMPLE, folder / "Jordan Rivera resume.docx")
    (folder / "Secret Student.docx").write_bytes(b"")
    for ext in (".csv", ".json", ".html", ".xlsx"):
        run_batch([folder], out=tmp_path / f"anon{ext}", anonymize=True, key="k")
    for ext in (".csv", ".json", ".html"):
        text = (tmp_path / f"anon{ext}").read_text(encoding="utf-8-sig")
        for secret in ("Jordan", "Rivera", "Secret Student", "jordan.rivera@example.com",
                       "Columbus"):
            assert secret not in text, (ext, secret)
    with zipfile.ZipFile(tmp_path / "anon.xlsx") as z:
        sheets = " ".join(z.read(n).decode("utf-8", "replace") for n in z.namelist())
    assert "Rivera" not in sheets and "Secret Student" not in sheets
    again = run_batch([folder], anonymize=True, key="k")
    assert {r.file for r in again.rows} == {r.file for r in run_batch(
        [folder], anonymize=True, key="k").rows}  # stable ids


def test_cli_batch(tmp_path: Path) -> None:
    folder = classroom(tmp_path, good=2)
    out = tmp_path / "cohort.json"
    result = CliRunner().invoke(cli, ["batch", str(folder), "--out", str(out), "--level",
                                      "senior", "--workers", "2"])
    assert result.exit_code == 0, result.stderr
    assert "tailor batch · level: senior · 6 files" in result.stdout
    assert "4 checked · 1 errors · 1 skipped" in result.stdout
    assert f"Wrote {out}" in result.stdout
    assert json.loads(out.read_text(encoding="utf-8"))["summary"]["level"] == "senior"
    again = CliRunner().invoke(cli, ["batch", str(folder), "--out", str(out)])
    assert again.exit_code == 5 and "already exists" in again.stderr
    none = CliRunner().invoke(cli, ["batch"])
    assert none.exit_code == 2
    bad = CliRunner().invoke(cli, ["batch", str(tmp_path / "missing")])
    assert bad.exit_code == 2 and "does not exist" in bad.stderr


@pytest.mark.slow
def test_batch_in_a_real_subprocess(tmp_path: Path) -> None:
    folder = classroom(tmp_path, good=2)
    out = tmp_path / "cohort.csv"
    done = subprocess.run([sys.executable, "-m", "tailor", "batch", str(folder), "--out",
                           str(out)], capture_output=True, text=True, check=False, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    assert len(list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig"))))) == 6


@pytest.mark.slow
def test_the_same_batch_on_a_local_dask_cluster(tmp_path: Path) -> None:
    distributed = pytest.importorskip("distributed", reason="Dask is an extra: tailor[dask]")
    folder = classroom(tmp_path, good=3)
    local = run_batch([folder], workers=2)
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster, \
            distributed.Client(cluster) as client:
        on_dask = run_batch([folder], scheduler=client, out=tmp_path / "dask.csv")
        by_address = run_batch([folder], scheduler=cluster.scheduler_address)
    assert sorted((r.file, r.status, r.score) for r in on_dask.rows) == \
        sorted((r.file, r.status, r.score) for r in local.rows)
    assert len(by_address.rows) == len(local.rows)
    assert (tmp_path / "dask.csv").exists()
    assert isinstance(DaskRunner("tcp://x"), DaskRunner)
    assert ProcessRunner(2).workers == 2


def test_unreachable_scheduler_is_a_usage_error(tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("distributed", reason="Dask is an extra: tailor[dask]")
    monkeypatch.setattr(DaskRunner, "connect_timeout", 2.0)
    folder = classroom(tmp_path, good=1)
    with pytest.raises(UsageError, match="cannot reach the Dask scheduler"):
        run_batch([folder], scheduler="tcp://127.0.0.1:9")


def test_the_posting_among_the_resumes_is_not_a_student(tmp_path: Path) -> None:
    folder = classroom(tmp_path, good=2)
    posting = folder / "job-ad.txt"
    shutil.copyfile(POSTING, posting)
    result = run_batch([folder], job=posting)
    row = rows_by_file(result)["job-ad.txt"]
    assert row.status is RowStatus.SKIPPED and "job posting" in row.error
    assert result.summary.ok == 4  # two DOCX, the PDF, the text resume
    assert all(r.match_rate is not None for r in result.rows if r.status is RowStatus.OK)
