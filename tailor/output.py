"""Writing reports and documents: atomically, and never over an existing file without force."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from tailor.errors import OutputError


def _target(path: str | os.PathLike[str], force: bool) -> tuple[Path, Path]:
    target = Path(path)
    if target.is_dir():
        raise OutputError(f"{target} is a folder; give a file name to write")
    if target.exists() and not force:
        raise OutputError(f"{target} already exists; use --force to replace it")
    folder = target.parent if str(target.parent) else Path()
    if not folder.is_dir():
        raise OutputError(f"{target}: folder {folder} does not exist")
    return target, folder


def _file_mode() -> int:
    """The mode a new file gets under the process's umask (mkstemp's own files are 0600)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return 0o666 & ~mask


@contextlib.contextmanager
def atomic_writer(path: str | os.PathLike[str], *, force: bool = False) -> Iterator[IO[bytes]]:
    """A binary file to write `path` through: a temporary file in the same folder, renamed into
    place when the block ends without an error (and removed when it fails).

    Raises:
        OutputError: the file exists and force is false, the folder is missing, or writing
            failed.
    """
    target, folder = _target(path, force)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        Path(tmp).chmod(_file_mode())
        Path(tmp).replace(target)
    except OSError as exc:
        raise OutputError(f"{target} could not be written ({exc.strerror or exc})") from None
    finally:
        with contextlib.suppress(OSError):
            Path(tmp).unlink()


def write_atomic(path: str | os.PathLike[str], data: str | bytes, *, force: bool = False) -> Path:
    """Write `data` to `path` through a temporary file in the same folder and a rename.

    A reader never sees a half-written file, and a crash leaves the old file (if any) intact.

    Args:
        path: where to write.
        data: text (written as UTF-8) or bytes.
        force: replace an existing file; without it an existing file is an error.

    Returns:
        The path written.

    Raises:
        OutputError: the file exists and force is false, the folder is missing, or the write
            failed.
    """
    payload = data.encode("utf-8") if isinstance(data, str) else data
    with atomic_writer(path, force=force) as handle:
        handle.write(payload)
    return Path(path)
