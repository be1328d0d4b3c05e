"""Speed of `tailor check`: start-up, cold run, and warm per-resume cost. Prints figures.

    python benchmarks/bench_check.py [--files 200]

Targets (issue 2): `tailor --help` under 0.3 s without importing spaCy or a document library;
a cold `tailor check` of a two-page DOCX at most 1.5x a bare `import spacy; spacy.blank("en")`;
warm read + match under 3 ms per DOCX and under 5 ms per PDF page.
"""

from __future__ import annotations

import argparse
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import synthetic

HEAVY = ("spacy", "docx", "pypdfium2", "lxml", "pydantic", "yaml", "rich", "jinja2", "ftfy")


def tailor_cmd() -> list[str]:
    exe = shutil.which("tailor")
    return [exe] if exe else [sys.executable, "-m", "tailor"]


def wall(cmd: list[str], runs: int) -> float:
    """Median wall time of a command, in seconds."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def mark(ok: bool) -> str:
    return "ok  " if ok else "MISS"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=200, help="DOCX files for the warm loop")
    parser.add_argument("--runs", type=int, default=5, help="repetitions of cold commands")
    args = parser.parse_args()
    rng = random.Random(7)
    rows: list[tuple[str, str, str, str]] = []

    probe = ("import sys\nfrom tailor.cli import cli\ntry:\n    cli.main(['--help'])\n"
             "except SystemExit:\n    pass\n"
             f"print('HEAVY:' + ','.join(m for m in {HEAVY!r} if m in sys.modules))")
    heavy = subprocess.run([sys.executable, "-c", probe], check=True, capture_output=True,
                           text=True).stdout.rsplit("HEAVY:", 1)[1].strip()
    help_time = wall([*tailor_cmd(), "--help"], args.runs + 2)
    rows.append(("tailor --help", f"{help_time * 1000:.0f} ms", "< 300 ms",
                 mark(help_time < 0.3)))
    rows.append(("  heavy modules imported by --help", heavy or "none", "none",
                 mark(not heavy)))

    with tempfile.TemporaryDirectory() as tmp:
        two_page = Path(tmp) / "resume.docx"
        two_page.write_bytes(synthetic.to_docx(synthetic.make_resume(rng, pages=2)))
        bare = wall([sys.executable, "-c", "import spacy; spacy.blank('en')"], args.runs)
        cold = wall([*tailor_cmd(), "check", str(two_page), "--format", "json"], args.runs)
        rows.append(("bare import spacy + blank('en')", f"{bare * 1000:.0f} ms", "", ""))
        rows.append(("cold tailor check, 2-page DOCX", f"{cold * 1000:.0f} ms",
                     f"<= {1.5 * bare * 1000:.0f} ms (1.5x)", mark(cold <= 1.5 * bare)))
        rows.append(("  ratio", f"{cold / bare:.2f}x", "<= 1.50x", mark(cold <= 1.5 * bare)))

    from tailor.api import check_resume
    from tailor.catalog import load_catalog
    from tailor.extract import read_resume_bytes
    from tailor.match import build_matcher

    catalog = load_catalog()
    resumes = [synthetic.make_resume(rng, pages=rng.choice((1, 2))) for _ in range(args.files)]
    docx_files = [synthetic.to_docx(r) for r in resumes]
    pdf_files = [synthetic.to_pdf(r) for r in resumes[: max(20, args.files // 4)]]

    matcher = build_matcher(catalog.keywords)

    def per_file(files: list[bytes], name: str, work: str) -> float:
        def once(data: bytes) -> None:
            resume = read_resume_bytes(data, name)
            if work == "match":
                matcher.find(resume.lines)
            elif work == "check":
                check_resume(resume, catalog=catalog)

        for data in files[:10]:  # warm caches
            once(data)
        best = float("inf")
        for _ in range(3):
            start = time.perf_counter()
            for data in files:
                once(data)
            best = min(best, (time.perf_counter() - start) / len(files))
        return best

    words = statistics.mean(len(synthetic.to_text(r).split()) for r in resumes)
    read_docx = per_file(docx_files, "r.docx", "read")
    match_docx = per_file(docx_files, "r.docx", "match")
    full_docx = per_file(docx_files, "r.docx", "check")
    rows.append((f"warm DOCX read only ({args.files} files, ~{words:.0f} words)",
                 f"{read_docx * 1000:.2f} ms", "", ""))
    rows.append(("warm DOCX read + match (whole catalog)", f"{match_docx * 1000:.2f} ms",
                 "< 3 ms", mark(match_docx < 0.003)))
    rows.append(("warm DOCX full check (+ checks, score, next level)",
                 f"{full_docx * 1000:.2f} ms", "", ""))
    import pypdfium2 as pdfium

    pages = sum(len(pdfium.PdfDocument(data)) for data in pdf_files)
    match_pdf = per_file(pdf_files, "r.pdf", "match") * len(pdf_files) / pages
    full_pdf = per_file(pdf_files, "r.pdf", "check") * len(pdf_files) / pages
    rows.append((f"warm PDF read + match, per page ({pages} pages)",
                 f"{match_pdf * 1000:.2f} ms", "< 5 ms", mark(match_pdf < 0.005)))
    rows.append(("warm PDF full check, per page", f"{full_pdf * 1000:.2f} ms", "", ""))

    width = max(len(r[0]) for r in rows)
    print(f"{'measure':<{width}}  {'figure':>12}  {'target':<24} ")
    for name, figure, target, ok in rows:
        print(f"{name:<{width}}  {figure:>12}  {target:<24} {ok}")


if __name__ == "__main__":
    main()
