"""The one error hierarchy of tailor, and the exit codes the CLI maps it to."""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    """Process exit codes; public contract (see README, "Exit codes")."""

    OK = 0
    BELOW_MIN_SCORE = 1
    USAGE = 2
    UNREADABLE_INPUT = 3
    BAD_DATA_FILE = 4
    OUTPUT_ERROR = 5
    INTERNAL = 70


class TailorError(Exception):
    """Base class of every error tailor raises on purpose.

    The message is one line meant for the person running tailor: it names the file and says
    what is wrong with it and, where there is one, what to do about it.
    """

    exit_code: ExitCode = ExitCode.INTERNAL


class InputError(TailorError):
    """A resume, job posting or other input file cannot be read."""

    exit_code = ExitCode.UNREADABLE_INPUT

    def __init__(self, name: str, problem: str) -> None:
        self.name = name
        self.problem = problem
        super().__init__(f"{name} {problem}")


class CatalogError(TailorError):
    """A keyword catalog or ladder file is malformed; the message names file, entry and field."""

    exit_code = ExitCode.BAD_DATA_FILE


class UsageError(TailorError):
    """Arguments that do not make sense together, or an unknown level or category."""

    exit_code = ExitCode.USAGE


class OutputError(TailorError):
    """A report or document could not be written (exists without --force, bad folder...)."""

    exit_code = ExitCode.OUTPUT_ERROR
