"""Batch: many resumes → rows and a cohort summary, on worker processes or a Dask cluster.

Each file goes through the same check as `tailor check`, in a worker that built the spaCy
pipeline, the catalog and its matcher once. A file that cannot be read becomes an error row
with its reason, and the batch always finishes:

* the local runner gives each worker a chunk of files at a time and watches it; a worker that
  spends longer than the per-file time limit on one file (a pathological PDF), or that dies
  (a crash inside a C library), is stopped and replaced, that file becomes an error row, and
  the rest of its chunk goes back to the queue;
* the Dask runner sends the same chunks to an existing distributed cluster: the executor is
  the only thing that changes.

Workers return compact rows (no resume text), the keywords each resume misses and the checks
that warned, so the parent keeps counts rather than reports and its memory stays flat however
many files there are. For JSON output, each worker also returns its report as JSON text, which
the parent spools to a temporary file.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
import time
from collections import deque
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import IO, Any

from tailor.cohort import CohortTally, error_row, row_from_report, row_signals
from tailor.errors import InputError, OutputError, TailorError, UsageError
from tailor.extract import MAX_BYTES
from tailor.inputs import InputItem, InputPlan, collect_inputs, read_item
from tailor.models import BatchRow, CohortSummary, RowStatus

DEFAULT_TIMEOUT = 60.0
CHUNK = 32
OUTPUT_SUFFIXES = (".csv", ".xlsx", ".json", ".html")

Progress = Callable[[int, int], None]


@dataclass(frozen=True, slots=True)
class BatchSettings:
    """What every worker needs to check a file the same way (sent once to each worker).

    Attributes:
        level: the ladder level to check against, or "auto" (each resume at the rung it reads
            as).
        keywords: extra catalog files.
        tracks: specialization tracks added to every check.
        job: the posting's file name and bytes, when the batch has one.
        anonymize: leave names, file names and resume text out of every row.
        key: the secret that salts pseudonymous ids.
        json_reports: also return each report as JSON text (for .json output).
        max_bytes: the largest file checked.
    """

    level: str = "care-manager"
    keywords: tuple[str, ...] = ()
    tracks: tuple[str, ...] = ()
    job: tuple[str, bytes] | None = None
    anonymize: bool = False
    key: str = ""
    json_reports: bool = False
    max_bytes: int = MAX_BYTES


@dataclass(frozen=True, slots=True)
class Outcome:
    """A worker's answer for one file."""

    index: int
    row: BatchRow
    missed: tuple[str, ...] = ()
    problems: tuple[str, ...] = ()
    report_json: str | None = None


# ----------------------------------------------------------------------------------------------
# The worker side


_STATE: dict[str, Any] = {}


def prepare(settings: BatchSettings) -> tuple[Any, Any]:
    """Build (once per process and settings) the catalog, the posting and the matcher."""
    if _STATE.get("settings") != settings:
        from tailor.catalog import load_catalog
        from tailor.match import build_matcher
        from tailor.posting import read_posting_bytes

        catalog = load_catalog(list(settings.keywords))
        posting = (read_posting_bytes(settings.job[1], settings.job[0], catalog)
                   if settings.job else None)
        build_matcher(catalog.keywords)
        _STATE.update(settings=settings, catalog=catalog, posting=posting)
    return _STATE["catalog"], _STATE["posting"]


def check_item(index: int, item: InputItem, settings: BatchSettings) -> Outcome:
    """Check one file; any failure becomes an error row, never an exception."""
    from tailor.api import check_resume
    from tailor.extract import read_resume_bytes
    from tailor.report import report_to_dict

    started = time.perf_counter()
    try:
        catalog, posting = prepare(settings)
        data = read_item(item, max_bytes=settings.max_bytes)
        resume = read_resume_bytes(data, item.name, max_bytes=settings.max_bytes)
        report = check_resume(resume, level=settings.level, catalog=catalog, posting=posting,
                              next_level=settings.json_reports, tracks=settings.tracks)
        seconds = time.perf_counter() - started
        full = row_from_report(item.name, report, seconds=seconds)
        missed, problems = row_signals(full)
        row = full if not settings.anonymize else row_from_report(
            item.name, report, seconds=seconds, anonymize=True, key=settings.key)
        text = None
        if settings.json_reports and not settings.anonymize:
            text = json.dumps(report_to_dict(report), ensure_ascii=False)
        return Outcome(index, replace(row, report=None), missed, problems, text)
    except InputError as exc:
        # The row's file column names the file; the error column says only the problem.
        reason = exc.problem
    except TailorError as exc:
        reason = str(exc)
    except Exception as exc:  # a bug must not stop the class's batch
        reason = f"could not be checked (internal error: {type(exc).__name__}: {exc})"
    return Outcome(index, error_row(item.name, settings.level, reason,
                                    seconds=time.perf_counter() - started,
                                    anonymize=settings.anonymize, key=settings.key))


def check_chunk(chunk: Sequence[tuple[int, InputItem]], settings: BatchSettings) -> list[Outcome]:
    """Check a chunk of files (the unit of work sent to a Dask worker)."""
    return [check_item(index, item, settings) for index, item in chunk]


def _worker_main(conn: Any, settings: BatchSettings) -> None:
    """A local worker: build the pipeline, then check the chunks the parent sends."""
    with contextlib.suppress(Exception):  # a broken setting shows up as per-file errors
        prepare(settings)
    while True:
        try:
            chunk = conn.recv()
        except (EOFError, OSError):
            return
        if chunk is None:
            return
        for index, item in chunk:
            conn.send(check_item(index, item, settings))


# ----------------------------------------------------------------------------------------------
# Runners


def _timeout_row(item: InputItem, settings: BatchSettings, why: str) -> Outcome:
    return Outcome(-1, error_row(item.name, settings.level, why,
                                 anonymize=settings.anonymize, key=settings.key))


@dataclass
class _Slot:
    process: Any
    conn: Any
    chunk: list[tuple[int, InputItem]] | None = None
    done: int = 0
    since: float = 0.0


class ProcessRunner:
    """Local worker processes with a per-file time limit.

    Args:
        workers: how many processes (default: all cores).
        timeout: seconds one file may take before its worker is stopped and replaced.
        chunk: files sent to a worker at a time (fewer near the end, to keep cores busy).
    """

    def __init__(self, workers: int | None = None, timeout: float = DEFAULT_TIMEOUT,
                 chunk: int = CHUNK) -> None:
        self.workers = max(1, workers or os.cpu_count() or 1)
        self.timeout = timeout
        self.chunk = chunk

    def run(self, items: Sequence[InputItem], settings: BatchSettings,
            emit: Callable[[Outcome], None]) -> None:
        import multiprocessing as mp
        from multiprocessing.connection import wait

        methods = mp.get_all_start_methods()
        ctx: Any = mp.get_context("fork" if "fork" in methods else "spawn")
        if ctx.get_start_method() == "fork":
            # Build spaCy, the catalog and the matcher once; the forked workers share them.
            with contextlib.suppress(Exception):
                prepare(settings)
        pending: deque[tuple[int, InputItem]] = deque(enumerate(items))
        count = min(self.workers, max(1, len(pending)))

        def start() -> _Slot:
            parent, child = ctx.Pipe()
            process = ctx.Process(target=_worker_main, args=(child, settings), daemon=True)
            process.start()
            child.close()
            return _Slot(process, parent)

        slots = [start() for _ in range(count)]
        try:
            while pending or any(s.chunk for s in slots):
                now = time.monotonic()
                for slot in slots:
                    if slot.chunk is None and pending:
                        size = max(1, min(self.chunk, len(pending) // (2 * len(slots)) or 1))
                        slot.chunk = [pending.popleft() for _ in range(min(size, len(pending)))]
                        slot.done, slot.since = 0, now
                        slot.conn.send(slot.chunk)
                busy = [s for s in slots if s.chunk]
                ready = wait([s.conn for s in busy] + [s.process.sentinel for s in busy],
                             timeout=min(1.0, self.timeout))
                for i, slot in enumerate(slots):
                    if slot.chunk is None:
                        continue
                    if slot.conn in ready:
                        try:
                            while slot.conn.poll():
                                emit(slot.conn.recv())
                                slot.done += 1
                                slot.since = time.monotonic()
                                if slot.done == len(slot.chunk):
                                    slot.chunk = None
                                    break
                        except (EOFError, OSError):
                            slots[i] = self._replace(slot, pending, settings, emit, start,
                                                     "stopped the reader (it crashed)")
                            continue
                    if slot.chunk is not None and not slot.process.is_alive():
                        slots[i] = self._replace(slot, pending, settings, emit, start,
                                                 "stopped the reader (it crashed)")
                    elif (slot.chunk is not None
                          and time.monotonic() - slot.since > self.timeout):
                        slots[i] = self._replace(
                            slot, pending, settings, emit, start,
                            f"took longer than {self.timeout:g} s and was stopped "
                            "(a damaged or pathological file?)")
        finally:
            for slot in slots:
                with contextlib.suppress(OSError, ValueError):
                    slot.conn.send(None)
            for slot in slots:
                slot.process.join(timeout=2)
                if slot.process.is_alive():
                    slot.process.kill()
                    slot.process.join()
                slot.conn.close()

    def _replace(self, slot: _Slot, pending: deque[tuple[int, InputItem]],
                 settings: BatchSettings, emit: Callable[[Outcome], None],
                 start: Callable[[], _Slot], why: str) -> _Slot:
        """Stop a stuck or dead worker, give its file an error row, requeue the rest."""
        assert slot.chunk is not None
        if slot.process.is_alive():
            slot.process.kill()
        slot.process.join()
        slot.conn.close()
        index, item = slot.chunk[slot.done]
        emit(replace(_timeout_row(item, settings, why), index=index))
        pending.extendleft(reversed(slot.chunk[slot.done + 1:]))
        return start()


class DaskRunner:
    """The same chunks on an existing Dask distributed cluster.

    The workers must have tailor installed and see the input files at the same paths (a
    shared filesystem); a chunk that does not finish within its time limit is cancelled and
    its files become error rows.
    """

    connect_timeout = 15.0  # seconds to reach the scheduler

    def __init__(self, address: str | Any, timeout: float = DEFAULT_TIMEOUT,
                 chunk: int = CHUNK) -> None:
        self.address = address
        self.timeout = timeout
        self.chunk = chunk
        self.workers = 0

    def run(self, items: Sequence[InputItem], settings: BatchSettings,
            emit: Callable[[Outcome], None]) -> None:
        try:
            from distributed import Client, as_completed
        except ImportError:
            raise UsageError("--scheduler needs Dask: pip install 'tailor[dask]'") from None
        own = not isinstance(self.address, Client)
        try:
            client: Any = (Client(self.address, timeout=f"{self.connect_timeout}s") if own
                           else self.address)
        except (OSError, TimeoutError) as exc:
            raise UsageError(f"cannot reach the Dask scheduler at {self.address} ({exc})"
                             ) from None
        try:
            self.workers = len(client.scheduler_info().get("workers", {})) or 1
            indexed = list(enumerate(items))
            chunks = [indexed[i:i + self.chunk] for i in range(0, len(indexed), self.chunk)]
            shared = client.scatter(settings, broadcast=True)
            futures = client.map(check_chunk, chunks, settings=shared, pure=False)
            owner = {f.key: c for f, c in zip(futures, chunks, strict=True)}
            deadline = self.timeout * self.chunk * max(1, -(-len(chunks) // self.workers))
            done: set[str] = set()
            try:
                for future in as_completed(futures, timeout=deadline):
                    done.add(future.key)
                    try:
                        outcomes = future.result()
                    except Exception as exc:  # the task failed on the cluster
                        for index, item in owner[future.key]:
                            emit(replace(_timeout_row(
                                item, settings, f"could not be checked on the cluster ({exc})"),
                                index=index))
                        continue
                    for outcome in outcomes:
                        emit(outcome)
            except TimeoutError:
                for future in futures:
                    if future.key not in done:
                        future.cancel()
                        for index, item in owner[future.key]:
                            emit(replace(_timeout_row(
                                item, settings, "did not finish on the cluster in time"),
                                index=index))
        finally:
            if own:
                client.close()


# ----------------------------------------------------------------------------------------------
# The batch


@dataclass(frozen=True, slots=True)
class BatchResult:
    """A finished batch.

    Attributes:
        rows: one per file found (checked, failed or skipped), in input order.
        summary: the cohort summary.
        out: the report written, if any.
        seconds: wall time of the whole batch.
        workers: processes (or cluster workers) used.
    """

    rows: tuple[BatchRow, ...]
    summary: CohortSummary
    out: Path | None
    seconds: float
    workers: int


def _check_output(out: str | os.PathLike[str] | None, force: bool) -> Path | None:
    if out is None:
        return None
    path = Path(out)
    if path.suffix.lower() not in OUTPUT_SUFFIXES:
        raise UsageError(f"cannot write {path.name}: the report format follows the extension, "
                         f"one of {', '.join(OUTPUT_SUFFIXES)}")
    if path.exists() and not force:
        raise OutputError(f"{path} already exists; use --force to replace it")
    if not path.parent.is_dir():
        raise OutputError(f"{path}: folder {path.parent} does not exist")
    return path


def run_batch(paths: Sequence[str | os.PathLike[str]], *,
              out: str | os.PathLike[str] | None = None, level: str = "care-manager",
              tracks: Sequence[str] = (), job: str | os.PathLike[str] | None = None,
              keywords: Sequence[str | os.PathLike[str]] = (), include: Sequence[str] = (),
              exclude: Sequence[str] = (), files_from: str | os.PathLike[str] | None = None,
              workers: int | None = None, timeout: float = DEFAULT_TIMEOUT,
              scheduler: str | Any | None = None, anonymize: bool = False, key: str = "",
              force: bool = False, progress: Progress | None = None) -> BatchResult:
    """Check every resume under `paths` and write the cohort report.

    Args:
        paths: folders (searched recursively), files and .zip archives.
        out: the report to write; its extension picks the format (.csv, .xlsx, .json, .html).
        level: the ladder level to check against, or "auto": each resume at the rung it reads
            as (its row's level), the cohort counted by rung.
        tracks: specialization tracks (keywords/tracks.yaml) added to every check.
        job: a job posting every resume is matched with.
        keywords: extra catalog files.
        include, exclude: glob patterns on file names.
        files_from: a text file listing more paths, one per line.
        workers: local worker processes (default: all cores).
        timeout: seconds one file may take before it is stopped and reported.
        scheduler: a Dask scheduler address (tcp://HOST:8786) or Client, to run on a cluster.
        anonymize: replace names and file names with pseudonymous ids and leave all resume
            text out of the report.
        key: a secret salting the pseudonymous ids (keep it to re-identify later).
        force: replace an existing report.
        progress: called with (files done, files in all) as rows arrive.

    Raises:
        UsageError: an unknown level or track, an unsupported report extension, no input at all, or
            an unreachable Dask scheduler.
        InputError: the posting cannot be read.
        OutputError: the report exists and force is false.
    """
    from tailor.api import resolve_level, resolve_tracks
    from tailor.catalog import load_catalog
    from tailor.posting import read_posting_bytes
    from tailor.readiness import AUTO

    started = time.perf_counter()
    path = _check_output(out, force)
    catalog = load_catalog([os.fspath(k) for k in keywords])
    level_name = AUTO if level == AUTO else resolve_level(catalog, level, auto=True).name
    track_ids = tuple(t.id for t in resolve_tracks(catalog, tracks))
    job_data = None
    if job is not None:
        from tailor.extract import read_resume

        read_resume(job)  # the same clear errors as `tailor check --job`
        job_path = Path(job)
        job_data = (job_path.name, job_path.read_bytes())
        read_posting_bytes(job_data[1], str(job), catalog)  # refuse a bad posting up front
    wants_json = path is not None and path.suffix.lower() == ".json"
    settings = BatchSettings(level=level_name, keywords=tuple(os.fspath(k) for k in keywords),
                             tracks=track_ids, job=job_data, anonymize=anonymize, key=key,
                             json_reports=wants_json and not anonymize)
    plan = collect_inputs(paths, include=include, exclude=exclude, files_from=files_from,
                          max_bytes=settings.max_bytes)
    if job is not None:
        plan = _without_posting(plan, job)

    tally = CohortTally(level_name, rungs=tuple(lvl.name for lvl in catalog.levels),
                        tracks=track_ids)
    total = len(plan.items) + len(plan.skipped)
    rows: list[BatchRow | None] = [None] * len(plan.items)
    stack = contextlib.ExitStack()
    spool: IO[bytes] | None = (stack.enter_context(tempfile.TemporaryFile())  # noqa: SIM115
                               if settings.json_reports else None)
    offsets: dict[int, tuple[int, int]] = {}
    done = 0

    def emit(outcome: Outcome) -> None:
        nonlocal done
        rows[outcome.index] = outcome.row
        tally.add(outcome.row, outcome.missed, outcome.problems)
        if spool is not None and outcome.report_json is not None:
            data = outcome.report_json.encode("utf-8")
            offsets[outcome.index] = (spool.tell(), len(data))
            spool.write(data)
        done += 1
        if progress is not None:
            progress(done, total)

    skipped = [error_row(name, level_name, reason, status=RowStatus.SKIPPED,
                         anonymize=anonymize, key=key) for name, reason in plan.skipped]
    for row in skipped:
        tally.add(row)
        done += 1
    if progress is not None:
        progress(done, total)
    runner: ProcessRunner | DaskRunner
    if scheduler is not None:
        runner = DaskRunner(scheduler, timeout=timeout)
    else:
        runner = ProcessRunner(workers, timeout=timeout)
    try:
        if plan.items:
            runner.run(plan.items, settings, emit)
        checked = [r for r in rows if r is not None]
        all_rows = tuple(checked + skipped)
        summary = tally.summary()
        if path is not None:
            _write(path, all_rows, summary, force=force, spool=spool, offsets=offsets,
                   order=[i for i, r in enumerate(rows) if r is not None])
    finally:
        stack.close()
    return BatchResult(rows=all_rows, summary=summary, out=path,
                       seconds=time.perf_counter() - started,
                       workers=runner.workers if plan.items else 0)


def _without_posting(plan: InputPlan, job: str | os.PathLike[str]) -> InputPlan:
    """The plan with the --job posting, when it sits among the resumes, skipped: a posting
    checked as a resume would be one more (odd) student in the cohort."""
    try:
        posting = os.path.realpath(job)
    except (OSError, ValueError):
        return plan
    items = tuple(i for i in plan.items if i.member is not None or i.path != posting)
    if len(items) == len(plan.items):
        return plan
    found = [(i.name, "is the job posting (--job); not checked as a resume")
             for i in plan.items if i.member is None and i.path == posting]
    return InputPlan(items=items, skipped=tuple(sorted(plan.skipped + tuple(found))))


def _write(path: Path, rows: tuple[BatchRow, ...], summary: CohortSummary, *, force: bool,
           spool: IO[bytes] | None, offsets: dict[int, tuple[int, int]],
           order: Iterable[int]) -> None:
    """Write the report; JSON streams the spooled per-file reports instead of holding them."""
    from tailor.export import write_cohort

    if path.suffix.lower() != ".json" or spool is None:
        write_cohort(rows, summary, path, force=force)
        return
    from tailor.export import render_json

    # The JSON document without reports, then each row's report spliced in from the spool.
    skeleton = json.loads(render_json(rows, summary))
    from tailor.output import atomic_writer

    reports = list(order)
    with atomic_writer(path, force=force) as handle:
        head = dict(skeleton)
        body = head.pop("rows")
        handle.write(json.dumps(head, ensure_ascii=False, indent=2)[:-2].encode("utf-8"))
        handle.write(b',\n  "rows": [\n')
        for n, row in enumerate(body):
            row.pop("report", None)
            text = json.dumps(row, ensure_ascii=False)
            if n < len(reports) and reports[n] in offsets:
                start, length = offsets[reports[n]]
                spool.seek(start)
                text = text[:-1] + ', "report": ' + spool.read(length).decode("utf-8") + "}"
            else:
                text = text[:-1] + ', "report": null}'
            handle.write(("    " + text + (",\n" if n + 1 < len(body) else "\n")).encode())
        handle.write(b"  ]\n}\n")
