"""Speed and memory of `tailor batch`, beside the floor. Prints figures.

    python benchmarks/bench_batch.py [--files 5000] [--big 10000] [--small 1000]

Generates realistic resumes (DOCX, some PDF, 5% broken files) into a temporary folder, then:

* end to end: `tailor batch DIR --out cohort.csv` as a subprocess, start-up included, with all
  cores; resumes per second and the peak memory of the whole process tree;
* scaling: the same with --workers 1 and --workers 2;
* the floor: in one process, for the same DOCX files, only unzipping each, streaming its XML
  with lxml and running the same spaCy pipeline over its text; the batch's per-resume cost
  (one worker, start-up excluded) is compared with it;
* memory: peak memory for --small and --big files.

Targets (issue 5, on the 2-core machine): 2 workers >= 1.7x one worker; per-resume cost
<= 2x the floor; >= 500 DOCX resumes/s end to end for 5,000 files; peak memory for 10,000
files <= 1.2x that for 1,000.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import contextlib

import synthetic

UNIQUE = 300  # distinct resumes generated; larger sets reuse them under other names


def make_corpus(folder: Path, count: int, *, pdf_share: float = 0.0, broken_share: float = 0.05,
                seed: int = 11) -> dict[str, int]:
    """Write `count` files: DOCX (and some PDF) resumes and a share of broken files."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    cache = folder.parent / f".cache-{seed}"
    cache.mkdir(exist_ok=True)
    docx = sorted(cache.glob("*.docx"))
    if len(docx) < UNIQUE:
        for i in range(UNIQUE):
            resume = synthetic.make_resume(rng, pages=rng.choice((1, 2)))
            (cache / f"{i:04d}.docx").write_bytes(synthetic.to_docx(resume))
            if i < UNIQUE // 5:
                (cache / f"{i:04d}.pdf").write_bytes(synthetic.to_pdf(resume))
        docx = sorted(cache.glob("*.docx"))
    pdfs = sorted(cache.glob("*.pdf"))
    kinds = {"docx": 0, "pdf": 0, "broken": 0}
    for n in range(count):
        roll = rng.random()
        if roll < broken_share:
            target = folder / f"student-{n:05d}.docx"
            sample = docx[n % len(docx)].read_bytes()
            target.write_bytes(rng.choice([b"", sample[: len(sample) // 3], b"PK\x03\x04junk"]))
            kinds["broken"] += 1
        elif roll < broken_share + pdf_share:  # copies, not links: the batch counts a file once
            shutil.copyfile(pdfs[n % len(pdfs)], folder / f"student-{n:05d}.pdf")
            kinds["pdf"] += 1
        else:
            shutil.copyfile(docx[n % len(docx)], folder / f"student-{n:05d}.docx")
            kinds["docx"] += 1
    return kinds


class TreeMemory(threading.Thread):
    """Samples the resident memory of a process and all its descendants (Linux /proc)."""

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid = pid
        self.peak = 0
        self.running = True

    def _tree(self) -> list[int]:
        pids, todo = [], [self.pid]
        while todo:
            pid = todo.pop()
            pids.append(pid)
            for task in Path(f"/proc/{pid}/task").glob("*/children"):
                with contextlib.suppress(OSError):
                    todo += [int(c) for c in task.read_text().split()]
        return pids

    def run(self) -> None:
        while self.running:
            total = 0
            for pid in self._tree():
                try:
                    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                        if line.startswith("VmRSS:"):
                            total += int(line.split()[1]) * 1024
                except OSError:
                    continue
            self.peak = max(self.peak, total)
            time.sleep(0.05)


def tailor_cmd() -> list[str]:
    exe = shutil.which("tailor")
    return [exe] if exe else [sys.executable, "-m", "tailor"]


def run_batch(folder: Path, out: Path, workers: int | None = None) -> tuple[float, int]:
    """Wall seconds and peak tree memory of one `tailor batch` run."""
    cmd = [*tailor_cmd(), "batch", str(folder), "--out", str(out), "--force"]
    if workers:
        cmd += ["--workers", str(workers)]
    start = time.perf_counter()
    process = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    sampler = TreeMemory(process.pid)
    sampler.start()
    _, err = process.communicate()
    sampler.running = False
    sampler.join()
    elapsed = time.perf_counter() - start
    if process.returncode != 0:
        raise SystemExit(f"batch failed: {err.decode(errors='replace')}")
    return elapsed, sampler.peak


def startup_seconds(folder: Path, out: Path) -> float:
    """A batch of one file: the fixed cost of starting (spaCy, catalog, workers)."""
    one = folder.parent / "one"
    one.mkdir(exist_ok=True)
    first = next(p for p in sorted(folder.iterdir()) if p.stat().st_size > 1000)
    shutil.copy(first, one / first.name)
    return min(run_batch(one, out, workers=1)[0] for _ in range(2))


def floor_per_file(folder: Path, limit: int) -> float:
    """Seconds per DOCX to unzip it, stream its XML and run the spaCy pipeline on its text."""
    from lxml import etree

    from tailor.nlp import build_pipeline

    nlp = build_pipeline()
    files = [p for p in sorted(folder.glob("*.docx")) if p.stat().st_size > 1000][:limit]
    t_ns = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}t"

    def once(path: Path) -> None:
        try:
            with zipfile.ZipFile(path) as z, z.open("word/document.xml") as fh:
                parts = []
                for _, elem in etree.iterparse(fh, events=("end",), tag=t_ns):
                    parts.append(elem.text or "")
                    elem.clear()
        except (zipfile.BadZipFile, KeyError, etree.XMLSyntaxError):
            return
        nlp(" ".join(parts))

    for path in files[:20]:
        once(path)
    start = time.perf_counter()
    for path in files:
        once(path)
    return (time.perf_counter() - start) / len(files)


def mark(ok: bool) -> str:
    return "ok  " if ok else "MISS"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=5000)
    parser.add_argument("--small", type=int, default=1000)
    parser.add_argument("--big", type=int, default=10000)
    args = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        out = root / "cohort.csv"
        main_set = root / "main"
        kinds = make_corpus(main_set, args.files)
        pdf_set = root / "pdf"
        pdf_kinds = make_corpus(pdf_set, max(200, args.files // 10), pdf_share=0.95,
                                broken_share=0.05)
        cores = os.cpu_count() or 1
        startup = startup_seconds(main_set, out)
        wall_all, mem_all = run_batch(main_set, out)
        wall_1, _ = run_batch(main_set, out, workers=1)
        wall_2, _ = run_batch(main_set, out, workers=2)
        pdf_wall, _ = run_batch(pdf_set, out)
        floor = floor_per_file(main_set, 1000)
        per_resume = (wall_1 - startup) / args.files
        rate = args.files / wall_all
        rows += [
            (f"corpus: {args.files} files ({kinds['docx']} DOCX, {kinds['broken']} broken)",
             "", "", ""),
            ("start-up (one-file batch)", f"{startup:.2f} s", "", ""),
            (f"end to end, {cores} workers, start-up included", f"{rate:,.0f} files/s",
             ">= 500/s", mark(rate >= 500)),
            ("  wall time", f"{wall_all:.2f} s", "", ""),
            ("1 worker", f"{args.files / wall_1:,.0f} files/s", "", ""),
            ("2 workers", f"{args.files / wall_2:,.0f} files/s", "", ""),
            ("  speed-up, 2 workers / 1 (start-up excluded)",
             f"{(wall_1 - startup) / max(wall_2 - startup, 1e-9):.2f}x", ">= 1.7x",
             mark((wall_1 - startup) / max(wall_2 - startup, 1e-9) >= 1.7)),
            ("floor: unzip + stream XML + spaCy, per DOCX", f"{floor * 1000:.2f} ms", "", ""),
            ("batch per resume, 1 worker, start-up excluded", f"{per_resume * 1000:.2f} ms",
             f"<= {2 * floor * 1000:.2f} ms (2x)", mark(per_resume <= 2 * floor)),
            ("  ratio to the floor", f"{per_resume / floor:.2f}x", "<= 2.00x",
             mark(per_resume <= 2 * floor)),
            (f"PDF set ({pdf_kinds['pdf']} PDF), all workers",
             f"{sum(pdf_kinds.values()) / pdf_wall:,.0f} files/s", "", ""),
            ("peak memory, process tree", f"{mem_all / 2**20:,.0f} MiB", "", ""),
        ]
        small_set, big_set = root / "small", root / "big"
        make_corpus(small_set, args.small)
        make_corpus(big_set, args.big)
        _, mem_small = run_batch(small_set, out)
        _, mem_big = run_batch(big_set, out)
        rows += [
            (f"peak memory, {args.small} files", f"{mem_small / 2**20:,.0f} MiB", "", ""),
            (f"peak memory, {args.big} files", f"{mem_big / 2**20:,.0f} MiB",
             f"<= {1.2 * mem_small / 2**20:,.0f} MiB (1.2x)", mark(mem_big <= 1.2 * mem_small)),
        ]
    width = max(len(r[0]) for r in rows)
    print(f"{'measure':<{width}}  {'figure':>14}  {'target':<24}")
    for name, figure, target, ok in rows:
        print(f"{name:<{width}}  {figure:>14}  {target:<24} {ok}")


if __name__ == "__main__":
    main()
