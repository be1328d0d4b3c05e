"""The `tailor` command line: parse arguments, call the library, print, map errors to exit codes.

Nothing heavy is imported at module level, so `tailor --help` never loads spaCy or a document
library; each command imports what it needs when it runs.
"""

from __future__ import annotations

import os
import shutil
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

import click

from tailor import __version__
from tailor.errors import ExitCode, TailorError

F = TypeVar("F", bound=Callable[..., Any])

_state = {"traceback": False}


def _use_color(option: bool | None) -> bool:
    if option is not None:
        return option
    return sys.stdout.isatty() and "NO_COLOR" not in os.environ and os.environ.get("TERM") != "dumb"


def _emit(text: str, out: str | None, force: bool, color: bool = False) -> None:
    """Print `text` (keeping its colour codes when `color`), or write it atomically to `out`."""
    if out:
        from tailor.output import write_atomic

        path = write_atomic(out, text, force=force)
        click.echo(f"Wrote {path}", err=True)
    else:
        click.echo(text, nl=False, color=color or None)


def keyword_file_option(func: F) -> F:
    """--keywords FILE (repeatable): the user's own catalog files."""
    return click.option(
        "--keywords", "keyword_files", multiple=True, metavar="FILE",
        help="Extra keyword catalog (YAML, same format as keywords/). Repeatable.",
    )(func)


TRACKS = ("predictive-care", "digital-health", "sdoh", "precision-medicine",
          "behavioral-chronic", "value-based-care")
"""The specialization tracks of keywords/tracks.yaml, for help texts only (help must not load
the catalog); the library checks names against the catalog itself."""


def track_option(func: F) -> F:
    """--track NAME (repeatable): the guide's emerging specializations."""
    return click.option(
        "--track", "tracks", multiple=True, metavar="NAME",
        help="A specialization track (repeatable): " + ", ".join(TRACKS) + ".",
    )(func)


def output_options(func: F) -> F:
    """--out FILE and --force, shared by commands that write reports."""
    func = click.option("--force", is_flag=True, help="Replace --out FILE if it exists.")(func)
    return click.option("--out", metavar="FILE",
                        help="Write the report to FILE (atomically) instead of stdout.")(func)


class _Group(click.Group):
    """A click group whose commands report tailor's errors as one line and an exit code."""

    def invoke(self, ctx: click.Context) -> Any:
        with _errors():
            return super().invoke(ctx)


@click.group(cls=_Group,
             context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="tailor")
@click.option("--traceback", is_flag=True, help="Show a Python traceback on unexpected errors.")
def cli(traceback: bool) -> None:
    """Check and tailor resumes for care-manager jobs, offline.

    Every keyword comes from the care-manager career guide, every finding says which line of
    the resume shows it, and nothing ever leaves your machine.
    """
    _state["traceback"] = traceback


@cli.command()
@click.argument("file", metavar="RESUME")
@click.option("--level", default="care-manager", show_default=True,
              help="Career level: assistant, care-manager, senior, lead, supervisor, director, "
                   "or auto (the rung the resume reads as).")
@click.option("--job", metavar="POSTING",
              help="A job posting (.txt, .md, .docx or .pdf) to tailor the check to.")
@track_option
@keyword_file_option
@click.option("--format", "fmt", type=click.Choice(["text", "json", "markdown", "html"]),
              default="text", show_default=True, help="Report format.")
@output_options
@click.option("--min-score", type=click.IntRange(0, 100), metavar="N",
              help="Exit with status 1 when the score is below N.")
@click.option("--color/--no-color", default=None,
              help="Colour the text report (default: when printing to a terminal).")
def check(file: str, level: str, job: str | None, tracks: tuple[str, ...],
          keyword_files: tuple[str, ...], fmt: str, out: str | None, force: bool,
          min_score: int | None, color: bool | None) -> None:
    """Show which care-manager keywords RESUME shows (with the line), which it misses, ranked,
    what trips applicant-tracking systems, and which rung of the career ladder it reads as.

    RESUME is a .docx, .pdf, .txt or .md file; its real type is read from its content.
    """
    from tailor.api import check as run_check
    from tailor.report import render

    report = run_check(file, level=level, keywords=keyword_files, job=job, tracks=tracks)
    width = 100 if out or not sys.stdout.isatty() else min(shutil.get_terminal_size().columns, 120)
    colored = _use_color(color) and not out and fmt == "text"
    _emit(render(report, fmt, color=colored, width=width), out, force, colored)
    if min_score is not None and report.score < min_score:
        click.echo(f"Score {report.score} is below --min-score {min_score}.", err=True)
        sys.exit(ExitCode.BELOW_MIN_SCORE)


@cli.command()
@click.option("--level", default="care-manager", show_default=True,
              help="Career level to write for: assistant ... director.")
@click.option("--profile", "profile_file", metavar="FILE",
              help="Your facts: a YAML or JSON profile (JSON Resume schema).")
@click.option("--from", "from_resume", metavar="RESUME",
              help="Start from an existing resume: its facts become DIR/profile.yaml.")
@click.option("--init", "init_file", metavar="FILE",
              help="Write a commented starter profile to FILE and stop.")
@click.option("--job", metavar="POSTING", help="A job posting to tailor the drafts to.")
@track_option
@click.option("--out", "out_dir", default="draft", show_default=True, metavar="DIR",
              help="Folder for resume.docx and cover-letter.docx.")
@click.option("--templates", metavar="DIR",
              help="Your own templates; a file there overrides the shipped one of that name.")
@click.option("--reference-docx", metavar="FILE",
              help="A Word document whose named styles (fonts, colours, margins) drafts use.")
@click.option("--force", is_flag=True, help="Replace existing files.")
@keyword_file_option
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help="How to report what was written.")
def draft(level: str, profile_file: str | None, from_resume: str | None, init_file: str | None,
          job: str | None, tracks: tuple[str, ...], out_dir: str, templates: str | None,
          reference_docx: str | None, force: bool, keyword_files: tuple[str, ...],
          fmt: str) -> None:
    """Draft a resume and cover letter for a career level as Word documents (DOCX).

    Only your own facts go in; where the level or the posting expects one you have not given,
    the draft holds a highlighted [placeholder] for you to fill, and the report lists them.
    Without --profile or --from it writes a level-specific skeleton.
    """
    if init_file:
        from tailor.draft import write_starter

        path = write_starter(init_file, force=force)
        click.echo(f"Wrote a starter profile to {path}; fill it in, then run "
                   f"tailor draft --profile {path}", err=True)
        return
    from tailor.draft import run_draft
    from tailor.report import render_draft_run

    result = run_draft(level=level, profile=profile_file, from_resume=from_resume, job=job,
                       out_dir=out_dir, force=force, templates=templates,
                       reference_docx=reference_docx, keywords=keyword_files, tracks=tracks)
    colored = _use_color(None) and fmt == "text"
    click.echo(render_draft_run(result, fmt, color=colored), nl=False,
               color=colored or None)


@cli.command()
@click.argument("paths", nargs=-1, metavar="PATH...")
@click.option("--out", metavar="FILE",
              help="The cohort report: .csv, .xlsx, .json or .html (by extension).")
@click.option("--level", default="care-manager", show_default=True,
              help="Career level every resume is checked against, or auto: each at the rung "
                   "it reads as.")
@click.option("--job", metavar="POSTING", help="A job posting every resume is matched with.")
@track_option
@keyword_file_option
@click.option("--include", multiple=True, metavar="GLOB", help="Only files matching (repeatable).")
@click.option("--exclude", multiple=True, metavar="GLOB", help="Leave matching files out.")
@click.option("--files-from", metavar="FILE", help="A text file listing more paths, one a line.")
@click.option("--workers", type=click.IntRange(1, 256), metavar="N",
              help="Worker processes (default: all cores).")
@click.option("--timeout", type=click.FloatRange(1, 3600), default=60, show_default=True,
              metavar="SECONDS", help="Time one file may take before it is stopped.")
@click.option("--scheduler", metavar="ADDRESS",
              help="Run on a Dask cluster (tcp://HOST:8786); needs tailor[dask].")
@click.option("--anonymize", is_flag=True,
              help="Pseudonymous ids for names and files; no resume text in the report.")
@click.option("--anonymize-key", envvar="TAILOR_ANONYMIZE_KEY", default="", metavar="SECRET",
              help="A secret that salts the ids (env TAILOR_ANONYMIZE_KEY).")
@click.option("--force", is_flag=True, help="Replace --out FILE if it exists.")
def batch(paths: tuple[str, ...], out: str | None, level: str, job: str | None,
          tracks: tuple[str, ...], keyword_files: tuple[str, ...], include: tuple[str, ...],
          exclude: tuple[str, ...],
          files_from: str | None, workers: int | None, timeout: float, scheduler: str | None,
          anonymize: bool, anonymize_key: str, force: bool) -> None:
    """Check a whole class of resumes: folders, files and .zip exports, in parallel, offline.

    Writes one row per file (checked, failed with its reason, or skipped) and a cohort summary
    to --out; prints the summary. Nothing leaves the machine unless --scheduler names a cluster.
    """
    from tailor.batch import run_batch
    from tailor.report import render_batch_summary

    if not paths and not files_from:
        raise click.UsageError("give at least one folder, file or .zip (or --files-from)")
    with _progress_bar() as progress:
        result = run_batch(paths, out=out, level=level, tracks=tracks, job=job,
                           keywords=keyword_files,
                           include=include, exclude=exclude, files_from=files_from,
                           workers=workers, timeout=timeout, scheduler=scheduler,
                           anonymize=anonymize, key=anonymize_key, force=force,
                           progress=progress)
    colored = _use_color(None)
    click.echo(render_batch_summary(result, color=colored), nl=False, color=colored or None)


@contextmanager
def _progress_bar() -> Iterator[Callable[[int, int], None] | None]:
    """A progress bar on stderr (files done, rate, time left) when it is a terminal."""
    if not sys.stderr.isatty():
        yield None
        return
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeRemainingColumn,
    )

    columns = (TextColumn("checking"), BarColumn(), MofNCompleteColumn(),
               TextColumn("{task.fields[rate]}"), TimeRemainingColumn())
    with Progress(*columns, console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task("batch", total=None, rate="")
        started = time.monotonic()

        def update(done: int, total: int) -> None:
            elapsed = max(time.monotonic() - started, 1e-6)
            bar.update(task, completed=done, total=total, rate=f"{done / elapsed:,.0f} files/s")

        yield update


@cli.command()
@click.option("--level", help="Only keywords counted at this level.")
@click.option("--category", help="Only this category (responsibility, tool, credential...).")
@track_option
@keyword_file_option
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              show_default=True)
@output_options
def keywords(level: str | None, category: str | None, tracks: tuple[str, ...],
             keyword_files: tuple[str, ...], fmt: str, out: str | None, force: bool) -> None:
    """List the keyword catalog: every term, its aliases, weight, levels and guide source.

    With --track, list a specialization track instead: the guide's reasoning for it, its own
    entries, then the general entries it builds on.
    """
    colored = _use_color(None) and not out and fmt == "text"
    if tracks:
        from tailor.api import list_track_keywords
        from tailor.report import render_track_keywords

        listings = [list_track_keywords(name, level=level, category=category,
                                        keywords=keyword_files) for name in dict.fromkeys(tracks)]
        _emit(render_track_keywords(listings, fmt, color=colored), out, force, colored)
        return
    from tailor.api import list_keywords
    from tailor.report import render_keywords

    entries = list_keywords(level=level, category=category, keywords=keyword_files)
    _emit(render_keywords(entries, fmt, color=colored), out, force, colored)


@cli.command()
@keyword_file_option
@click.option("--format", "fmt", type=click.Choice(["text", "json", "markdown"]),
              default="text", show_default=True, help="Output format.")
@output_options
@click.option("--color/--no-color", default=None,
              help="Colour the text (default: when printing to a terminal).")
def levels(keyword_files: tuple[str, ...], fmt: str, out: str | None, force: bool,
           color: bool | None) -> None:
    """Show the career ladder as the guide gives it: each rung's title, years, US median and
    average salary, focus areas, and the degrees and certifications it asks for.
    """
    from tailor.catalog import load_catalog
    from tailor.report import render_levels

    catalog = load_catalog(keyword_files)
    width = 100 if out or not sys.stdout.isatty() else min(shutil.get_terminal_size().columns, 120)
    colored = _use_color(color) and not out and fmt == "text"
    _emit(render_levels(catalog, fmt, color=colored, width=width), out, force, colored)


@contextmanager
def _errors() -> Iterator[None]:
    """Turn tailor's errors into one line on stderr and the matching exit code."""
    try:
        yield
    except TailorError as exc:
        click.echo(f"Error: {exc}", err=True)
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        click.echo("Interrupted.", err=True)
        sys.exit(130)
    except (click.ClickException, click.exceptions.Exit, click.exceptions.Abort):
        raise  # click's own: usage errors print with the usage line, --help exits with 0
    except Exception as exc:  # a bug: say so plainly, traceback only when asked
        if _state["traceback"]:
            raise
        click.echo(f"Error: internal error ({type(exc).__name__}: {exc}); "
                   "run again with --traceback and report it", err=True)
        sys.exit(ExitCode.INTERNAL)


def main(argv: list[str] | None = None) -> None:
    """Console-script entry point."""
    cli.main(args=argv, prog_name="tailor")
