"""Batch inputs → a plan: which files (on disk or inside zip archives) to check, and what to skip.

Listing never reads a file's content: folders are walked with os.scandir, and a zip archive is
known by its central directory alone (never extracted to disk). Every problem with one file or
archive becomes a skipped entry with its reason; only a call with nothing usable at all, or a
malformed glob pattern, is a UsageError. The worker side, `read_item`, reads one planned file
or archive member with the same guards and raises nothing but InputError.
"""

from __future__ import annotations

import errno
import fnmatch
import os
import re
import stat
import struct
import zipfile
from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from tailor.errors import InputError, UsageError
from tailor.extract import MAX_BYTES

__all__ = [
    "MAX_ARCHIVE_ENTRIES",
    "MAX_ARCHIVE_TOTAL",
    "RESUME_SUFFIXES",
    "InputItem",
    "InputPlan",
    "collect_inputs",
    "read_item",
]

RESUME_SUFFIXES = frozenset({
    ".docx", ".docm", ".dotx", ".pdf", ".txt", ".text", ".md", ".markdown",
})
"""File extensions a batch checks (compared in lower case)."""
MAX_ARCHIVE_ENTRIES = 10_000
"""Most entries a zip archive may hold; a larger one is refused whole."""
MAX_ARCHIVE_TOTAL = 2_000_000_000
"""Largest total declared size of the files checked from one zip archive (2 GB)."""

# Skip reasons (the batch shows them as they are, after the file's name).
MACOS = "macOS metadata (__MACOSX/, ._ files, .DS_Store)"
LOCK = "Word lock file (~$...)"
HIDDEN = "hidden file"
HIDDEN_FOLDER = "hidden folder (not searched)"
OUTSIDE = "symbolic link leading outside the input folder"
BROKEN_LINK = "broken symbolic link"
LINK_LOOP = "symbolic link loop (the link leads back to itself)"
DIRECTORY_LOOP = "directory loop (a link back to a folder that contains it)"
SEARCHED = "link to a folder already searched"
NESTED = "archive inside an archive (not opened)"
UNSAFE = "unsafe path in archive (absolute or ..)"
ENCRYPTED = "encrypted archive entry"
DAMAGED_ARCHIVE = "is a damaged zip archive (truncated or corrupt)"
DAMAGED_MEMBER = "is damaged inside the archive (truncated or corrupt); export the archive again"
NOT_REGULAR = "not a regular file"
DUPLICATE = "duplicate name in archive (only the last copy is checked)"
_CONVERT = {
    ".doc": "; save it as .docx or PDF",
    ".rtf": "; save it as .docx or PDF",
    ".odt": "; save it as .docx or PDF",
    ".pages": "; export it as .docx or PDF",
    ".wps": "; save it as .docx or PDF",
}
_ZIP_METHODS = frozenset({zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED, zipfile.ZIP_BZIP2,
                          zipfile.ZIP_LZMA})
_EOCD = b"PK\x05\x06"
_EOCD_SEARCH = 65_557  # the end record (22 bytes) plus the longest comment
_CENTRAL = b"PK\x01\x02"
_CENTRAL_RECORD = struct.Struct("<4s24xHHH12x")  # signature; name, extra, comment lengths
_SURROGATES = re.compile("[\ud800-\udfff]")
_DRIVE = re.compile(r"[A-Za-z]:")
_OPEN_FLAGS = (os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
               | getattr(os, "O_BINARY", 0))


@dataclass(frozen=True, slots=True)
class InputItem:
    """One file a batch checks.

    Attributes:
        name: how the batch names the file: its path relative to the input folder in POSIX
            form ("fall/jane.docx"), the path as given for a file named directly, and
            "export.zip!folder/jane.docx" for a zip member. Data, never markup: it may hold
            newlines, quotes, formula characters or right-to-left text.
        path: the file on disk (or the zip archive holding the member), as an absolute path
            with symbolic links resolved.
        member: the member's name inside the archive, or None for a file on disk.
        size: the size in bytes when listed (the declared size for a member).
    """

    name: str
    path: str
    member: str | None = None
    size: int = 0


@dataclass(frozen=True, slots=True)
class InputPlan:
    """What a batch will check, and what it found but will not check.

    Attributes:
        items: the files to check, sorted by name, each file once.
        skipped: (name, reason) for everything found but not checked, sorted by name.
    """

    items: tuple[InputItem, ...] = ()
    skipped: tuple[tuple[str, str], ...] = ()


class _RefusedError(Exception):
    """An archive-level problem (its text reads after the archive's name)."""


# ----------------------------------------------------------------------------------------------
# Listing


def collect_inputs(
    paths: Sequence[str | os.PathLike[str]],
    *,
    include: Sequence[str] = (),
    exclude: Sequence[str] = (),
    files_from: str | os.PathLike[str] | None = None,
    max_bytes: int = MAX_BYTES,
) -> InputPlan:
    """List the files a batch checks.

    Args:
        paths: folders (searched recursively; symbolic links are followed only while they stay
            inside the folder), files, and .zip archives (read in place, never extracted).
        include: glob patterns; when given, a resume file (or archive member) is checked only
            if its name, its path relative to its folder, or its base name matches one.
            Matching is case-insensitive; `*` also matches `/`. Folders and archives are
            always searched.
        exclude: glob patterns, matched like `include`, for files, archive members, archives
            and folders (a matching folder is not searched).
        files_from: a text file listing more paths, one per line (UTF-8; blank lines and
            lines starting with # are ignored; relative paths are relative to the list's
            folder). Each line names its files as a path given directly would.
        max_bytes: files (and members declaring a size) larger than this are skipped.

    Returns:
        The plan: items sorted by name, each file once (a file reached twice, directly and
        through its folder, or through a link, keeps the name it has without links, in the
        first argument that reaches it); skipped entries sorted by name. A 0-byte resume is
        an item, so that its row says it is empty.

    Raises:
        UsageError: nothing given exists (or nothing was given), or a glob pattern is
            malformed. Every other problem is a skipped entry.
    """
    if isinstance(paths, str | os.PathLike):  # one path, not the letters of one
        paths = [paths]
    includes = _compile_patterns(include, "include")
    excludes = _compile_patterns(exclude, "exclude")
    collector = _Collector(includes, excludes, max_bytes)
    roots: list[tuple[str, str]] = [(_display(os.fspath(p)), os.fspath(p)) for p in paths]
    if files_from is not None:
        roots += collector.read_list(os.fspath(files_from))
    single = len(roots) == 1
    found = False
    for index, (label, path) in enumerate(roots):
        try:
            found = collector.add_root(label, path, index, single=single) or found
        except Exception as exc:  # a bug must not lose the rest of the batch
            collector.skip(label, f"could not be listed (unexpected {type(exc).__name__})")
            found = True
    if not found:
        raise UsageError(_nothing_found(roots, files_from))
    return collector.plan()


def _nothing_found(roots: list[tuple[str, str]], files_from: str | os.PathLike[str] | None
                   ) -> str:
    if not roots:
        if files_from is None:
            return "no input given: name folders, resume files or .zip archives"
        listed = _display(os.fspath(files_from))
        if not Path(files_from).is_file():
            return f"{listed} does not exist"
        return f"{listed} lists no files"
    if len(roots) == 1:
        return f"{roots[0][0]} does not exist"
    shown = ", ".join(label for label, _ in roots[:3]) + (", ..." if len(roots) > 3 else "")
    return f"none of the {len(roots)} inputs exist ({shown})"


_Patterns = tuple[tuple[str, re.Pattern[str]], ...]


def _compile_patterns(patterns: Sequence[str], option: str) -> _Patterns:
    if isinstance(patterns, str):  # a lone pattern would be read letter by letter
        patterns = (patterns,)
    out = []
    for pattern in patterns:
        text = pattern.replace("\\", "/").removeprefix("./")
        if not text.strip():
            raise UsageError(f"an {option} pattern is empty")
        if _unclosed_bracket(text):
            raise UsageError(f"{option} pattern {pattern!r} has a '[' without its ']'")
        translated = fnmatch.translate(text.lower())
        if "(?!)" in translated:  # fnmatch's rendering of an empty range such as [z-a]
            raise UsageError(f"{option} pattern {pattern!r} has an empty range; it matches "
                             "nothing")
        try:
            compiled = re.compile(translated)
        except re.error as exc:
            raise UsageError(f"{option} pattern {pattern!r} is malformed ({exc})") from None
        out.append((pattern, compiled))
    return tuple(out)


def _unclosed_bracket(pattern: str) -> bool:
    """Whether a `[` opens a set that never closes (fnmatch would match it literally)."""
    i, n = 0, len(pattern)
    while i < n:
        if pattern[i] == "[":
            j = i + 1
            if j < n and pattern[j] == "!":
                j += 1
            if j < n and pattern[j] == "]":
                j += 1
            while j < n and pattern[j] != "]":
                j += 1
            if j >= n:
                return True
            i = j
        i += 1
    return False


def _first_match(patterns: _Patterns, names: Sequence[str]) -> str | None:
    lowered = [name.lower() for name in names]
    for pattern, compiled in patterns:
        for name in lowered:
            if compiled.match(name):
                return pattern
    return None


class _Collector:
    """The state of one listing: items by file identity, skipped entries, folders searched."""

    def __init__(self, includes: _Patterns, excludes: _Patterns, max_bytes: int) -> None:
        self.includes = includes
        self.excludes = excludes
        self.max_bytes = max_bytes
        self.items: dict[object, tuple[tuple[bool, int, str], InputItem]] = {}
        self.skipped: dict[str, tuple[str, object]] = {}
        self.visited: set[object] = set()  # folders searched (device and inode)
        self.archives: set[object] = set()
        self.listing: object = None  # the files-from list, never checked as a resume

    # -- results

    def skip(self, name: str, reason: str, key: object = None) -> None:
        self.skipped.setdefault(name, (reason, key))

    def add(self, key: object, priority: tuple[bool, int, str], item: InputItem) -> None:
        held = self.items.get(key)
        if held is None or priority < held[0]:
            self.items[key] = (priority, item)

    def plan(self) -> InputPlan:
        keys = self.items.keys()
        items = sorted((item for _, item in self.items.values()), key=lambda i: i.name)
        skipped = sorted(
            (name, reason) for name, (reason, key) in self.skipped.items()
            if key is None or key not in keys
        )
        return InputPlan(items=tuple(items), skipped=tuple(skipped))

    # -- inputs

    def read_list(self, listing: str) -> list[tuple[str, str]]:
        """The (name, path) pairs a files-from list names."""
        label = _display(listing)
        try:
            self.listing = _identity(Path(listing).stat(), listing)
            with Path(listing).open(encoding="utf-8-sig", errors="surrogateescape") as fh:
                text = fh.read()
        except FileNotFoundError:
            self.skip(label, "does not exist")
            return []
        except IsADirectoryError:
            self.skip(label, "is a folder, not a list of files")
            return []
        except PermissionError:
            self.skip(label, "cannot be opened (permission denied)")
            return []
        except (OSError, ValueError) as exc:
            self.skip(label, f"cannot be read ({getattr(exc, 'strerror', None) or exc})")
            return []
        folder = Path(listing).absolute().parent
        out = []
        for raw in text.split("\n"):
            line = raw.strip()
            if not line or line.startswith("#"):
                continue
            out.append((_display(line), os.fspath(folder / line)))
        return out

    def add_root(self, label: str, path: str, index: int, *, single: bool) -> bool:
        """Add one input path; whether it exists."""
        try:
            info = Path(path).stat()
        except FileNotFoundError:
            self.skip(label, BROKEN_LINK if Path(path).is_symlink() else "does not exist")
            return False
        except PermissionError:
            self.skip(label, "cannot be opened (permission denied)")
            return True
        except OSError as exc:
            if exc.errno == errno.ELOOP:
                self.skip(label, LINK_LOOP)
                return True
            self.skip(label, f"cannot be read ({exc.strerror or exc})")
            return False
        except ValueError:  # an embedded NUL
            self.skip(label, "is not a valid file name")
            return False
        real = os.path.realpath(path)
        if stat.S_ISDIR(info.st_mode):
            self.walk(real, info, "" if single else _prefix(label), label, index)
        elif not stat.S_ISREG(info.st_mode):
            self.skip(label, NOT_REGULAR)
        else:
            base = Path(path).name or path
            reason = _name_reason(base, folder=False, hidden_ok=True)
            if reason:
                self.skip(label, reason)
            else:
                self.file(label, (label, base), real, info, (False, index, label))
        return True

    def walk(self, root: str, info: os.stat_result, prefix: str, label: str, index: int
             ) -> None:
        """Search a folder: sorted, depth first; links to folders after all real folders."""
        key = _identity(info, root)
        if key in self.visited:
            return
        self.visited.add(key)
        inside = root if root.endswith(os.sep) else root + os.sep
        stack: list[tuple[str, str, bool]] = [(root, "", False)]
        links: deque[tuple[str, str, str, os.stat_result]] = deque()  # (folder, rel, target)
        while stack or links:
            if not stack:
                parent, rel, target, target_info = links.popleft()
                name = _join(prefix, rel) + "/"
                if target == parent or parent.startswith(target.rstrip(os.sep) + os.sep):
                    self.skip(name, DIRECTORY_LOOP)
                    continue
                target_key = _identity(target_info, target)
                if target_key in self.visited:
                    self.skip(name, SEARCHED)
                    continue
                self.visited.add(target_key)
                stack.append((target, rel, True))
                continue
            folder, rel, via_link = stack.pop()
            try:
                with os.scandir(folder) as scan:
                    entries = sorted(scan, key=lambda e: e.name)
            except PermissionError:
                self.skip(_join(prefix, rel) + "/" if rel else label,
                          "folder cannot be opened (permission denied)")
                continue
            except OSError as exc:
                self.skip(_join(prefix, rel) + "/" if rel else label,
                          f"folder cannot be read ({exc.strerror or exc})")
                continue
            subfolders: list[tuple[str, str, bool]] = []
            for entry in entries:
                base = entry.name
                child = f"{rel}/{base}" if rel else base
                shown = _display(_join(prefix, child))
                child_rel = _display(child)
                try:
                    is_link = entry.is_symlink() or _is_junction(entry)
                    is_dir = not is_link and entry.is_dir(follow_symlinks=False)
                except OSError:
                    self.skip(shown, "cannot be read")
                    continue
                reason = _name_reason(base, folder=is_dir)
                if reason:
                    if is_dir:
                        self.skip(shown + "/", reason)
                    else:  # the same file may be named directly too, and checked
                        self.skip(shown, reason, _entry_key(entry))
                    continue
                if is_dir:
                    pattern = _first_match(self.excludes, _folder_names(shown, child_rel, base))
                    if pattern is not None:
                        self.skip(shown + "/", f'matches exclude pattern "{pattern}"')
                        continue
                    try:
                        sub_key = _identity(entry.stat(follow_symlinks=False), entry.path)
                    except OSError:
                        self.skip(shown + "/", "folder cannot be read")
                        continue
                    if sub_key in self.visited:  # a folder also given as an input
                        continue
                    self.visited.add(sub_key)
                    subfolders.append((entry.path, child, via_link))
                    continue
                if is_link:
                    target = os.path.realpath(entry.path)
                    try:
                        target_info = Path(target).stat()
                    except OSError as exc:
                        self.skip(shown, LINK_LOOP if exc.errno == errno.ELOOP else BROKEN_LINK)
                        continue
                    if target != root and not target.startswith(inside):
                        self.skip(shown, OUTSIDE)
                        continue
                    if stat.S_ISDIR(target_info.st_mode):
                        names = _folder_names(shown, child_rel, base)
                        pattern = _first_match(self.excludes, names)
                        if pattern is not None:
                            self.skip(shown + "/", f'matches exclude pattern "{pattern}"')
                            continue
                        links.append((folder, child, target, target_info))
                        continue
                    path, file_info, linked = target, target_info, True
                else:
                    try:
                        file_info = entry.stat(follow_symlinks=False)
                    except OSError as exc:
                        self.skip(shown, f"cannot be read ({exc.strerror or exc})")
                        continue
                    path, linked = entry.path, via_link
                if not stat.S_ISREG(file_info.st_mode):
                    self.skip(shown, NOT_REGULAR)
                    continue
                if getattr(file_info, "st_file_attributes", 0) & stat.FILE_ATTRIBUTE_HIDDEN:
                    self.skip(shown, HIDDEN)
                    continue
                self.file(shown, (shown, child_rel, base), path, file_info,
                          (linked, index, shown))
            stack.extend(reversed(subfolders))

    def file(self, name: str, names: tuple[str, ...], path: str, info: os.stat_result,
             priority: tuple[bool, int, str]) -> None:
        """A regular file found: a resume, an archive, or something skipped."""
        ident = _identity(info, path)
        key = (ident, None)
        if ident == self.listing:
            self.skip(name, "the list of files to check (files_from)")
            return
        pattern = _first_match(self.excludes, names)
        if pattern is not None:
            self.skip(name, f'matches exclude pattern "{pattern}"', key)
            return
        ext = _suffix(names[-1])
        if ext == ".zip":
            self.archive(name, path, ident, priority)
            return
        if ext not in RESUME_SUFFIXES:
            self.skip(name, _format_reason(ext), key)
            return
        if self.includes and _first_match(self.includes, names) is None:
            self.skip(name, self._no_include(), key)
            return
        if info.st_size > self.max_bytes:
            self.skip(name, _too_large(info.st_size, self.max_bytes), key)
            return
        self.add(key, priority, InputItem(name, path, None, info.st_size))

    def _no_include(self) -> str:
        return "matches no include pattern (" + ", ".join(p for p, _ in self.includes) + ")"

    def archive(self, name: str, path: str, ident: object,
                priority: tuple[bool, int, str]) -> None:
        """List a zip archive's members from its central directory."""
        if ident in self.archives:  # the same archive reached twice: its members are known
            return
        self.archives.add(ident)
        key = (ident, None)
        try:
            with _open_regular(path, name) as fh:
                infos = _archive_infos(fh, os.fstat(fh.fileno()).st_size)
        except InputError as exc:
            self.skip(name, exc.problem, key)
            return
        except _RefusedError as exc:
            self.skip(name, str(exc), key)
            return
        except Exception:  # zipfile on hostile bytes: anything it raises means damage
            self.skip(name, DAMAGED_ARCHIVE, key)
            return
        if all(member.is_dir() for member in infos):
            self.skip(name, "is an empty zip archive", key)
            return
        by_name: dict[str, zipfile.ZipInfo] = {}
        for member in infos:
            if by_name.get(member.filename) is not None:
                self.skip(f"{name}!{_display(member.filename)}", DUPLICATE)
            by_name[member.filename] = member
        budget = MAX_ARCHIVE_TOTAL
        for member_name in sorted(by_name):
            member = by_name[member_name]
            shown = f"{name}!{_display(member_name)}"
            reason = self.member_reason(member, name)
            if reason is not None:
                if reason:
                    self.skip(shown, reason)
                continue
            if member.file_size > budget:
                self.skip(shown, "not checked: the archive's files would inflate to more "
                                 f"than {_size(MAX_ARCHIVE_TOTAL)} in all")
                continue
            budget -= member.file_size
            self.add((ident, member_name), (priority[0], priority[1], shown),
                     InputItem(shown, path, member_name, member.file_size))

    def member_reason(self, member: zipfile.ZipInfo, archive: str) -> str | None:
        """Why a member is not checked ("" when it is ignored without a word), or None."""
        raw = member.filename
        if member.is_dir() or raw.endswith("\\"):
            return ""
        parts = re.split(r"[\\/]", raw)
        if (not raw or raw.startswith(("/", "\\")) or _DRIVE.match(raw)
                or ".." in parts or "\x00" in raw):
            return UNSAFE
        for depth, part in enumerate(parts[:-1]):
            folder_reason = _name_reason(part, folder=True)
            if folder_reason:  # one entry for the whole folder (one per resume is noise)
                self.skip(f"{archive}!{_display('/'.join(parts[:depth + 1]))}/",
                          folder_reason)
                return ""
        base = parts[-1]
        reason = _name_reason(base, folder=False)
        if reason:
            return reason
        posix = _display("/".join(parts))
        names = (f"{archive}!{posix}", posix, _display(base))
        pattern = _first_match(self.excludes, names)
        if pattern is not None:
            return f'matches exclude pattern "{pattern}"'
        ext = _suffix(base)
        if ext == ".zip":
            return NESTED
        if ext not in RESUME_SUFFIXES:
            return _format_reason(ext)
        if self.includes and _first_match(self.includes, names) is None:
            return self._no_include()
        if member.flag_bits & 0x1:
            return ENCRYPTED
        if member.compress_type not in _ZIP_METHODS:
            return f"compressed with a method tailor cannot read (method {member.compress_type})"
        if member.file_size > self.max_bytes:
            return (f"would inflate to {_size(member.file_size)}, larger than "
                    f"{_size(self.max_bytes)}")
        return None


def _name_reason(base: str, *, folder: bool, hidden_ok: bool = False) -> str | None:
    """Why a file or folder is skipped by its name alone, or None."""
    if base in ("__MACOSX", ".DS_Store", "Icon\r") or base.startswith("._"):
        return MACOS
    if base.startswith("~$"):
        return LOCK
    if base.startswith(".") and not hidden_ok:
        return HIDDEN_FOLDER if folder else HIDDEN
    return None


def _suffix(base: str) -> str:
    """The extension in lower case, as os.path.splitext finds it ("" for ".profile")."""
    stem = base.lstrip(".")
    dot = stem.rfind(".")
    return stem[dot:].lower() if dot >= 0 else ""


def _format_reason(ext: str) -> str:
    if not ext:
        return "not a resume format (no extension)"
    return f"not a resume format ({_display(ext)}){_CONVERT.get(ext, '')}"


def _folder_names(shown: str, rel: str, base: str) -> tuple[str, ...]:
    """The names a folder is matched by: its paths with a final "/" (so "drafts/*" leaves out
    the top-level drafts/ folder, as it would each of its files), and its base name (so
    "drafts" leaves out every folder of that name, as "x.pdf" does every such file)."""
    return (shown + "/", rel + "/", base)


def _identity(info: os.stat_result, path: str) -> object:
    """What makes two paths the same file: device and inode, else the normalised path."""
    if info.st_ino:
        return (info.st_dev, info.st_ino)
    return os.path.normcase(Path(path).absolute())


def _entry_key(entry: os.DirEntry[str]) -> object:
    try:
        return (_identity(entry.stat(follow_symlinks=False), entry.path), None)
    except OSError:
        return None


def _is_junction(entry: os.DirEntry[str]) -> bool:
    check = getattr(entry, "is_junction", None)  # Windows junctions, Python 3.12+
    return bool(check()) if check is not None else False


def _prefix(label: str) -> str:
    """A folder's name as given, in POSIX form, to put before its files' names."""
    text = label.replace("\\", "/")
    while len(text) > 1 and text.endswith("/"):
        text = text[:-1]
    while text.startswith("./"):
        text = text[2:].lstrip("/")
    return "" if text in (".", "") else text


def _join(prefix: str, rel: str) -> str:
    if not prefix:
        return rel
    return prefix + rel if prefix.endswith("/") else f"{prefix}/{rel}"


def _display(name: str) -> str:
    """A name safe to write as UTF-8: undecodable bytes of a file name (surrogate escapes)
    become U+FFFD. Everything else is kept as it is."""
    if not _SURROGATES.search(name):
        return name
    try:
        return name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    except UnicodeEncodeError:
        return _SURROGATES.sub("\ufffd", name)


def _size(size: int) -> str:
    if size >= 1_000_000_000:
        return f"{size / 1_000_000_000:.1f} GB".replace(".0 GB", " GB")
    if size >= 1_000_000:
        return f"{size / 1_000_000:.1f} MB".replace(".0 MB", " MB")
    if size >= 1000:
        return f"{round(size / 1000)} KB"
    return f"{size} byte" + ("" if size == 1 else "s")


def _too_large(size: int, limit: int) -> str:
    return f"larger than {_size(limit)} (it is {_size(size)})"


# ----------------------------------------------------------------------------------------------
# Archives


def _archive_infos(fh: IO[bytes], size: int) -> list[zipfile.ZipInfo]:
    """The members of a zip archive, refusing a possible zip bomb before zipfile parses it."""
    _check_entry_count(fh, size)
    fh.seek(0)
    with zipfile.ZipFile(fh) as archive:
        infos = archive.infolist()
    if len(infos) > MAX_ARCHIVE_ENTRIES:
        raise _RefusedError(f"holds {len(infos):,} files; refused as a possible zip bomb")
    return infos


def _check_entry_count(fh: IO[bytes], size: int) -> None:
    """Refuse an archive holding more than MAX_ARCHIVE_ENTRIES entries, from its end record
    and by walking at most that many central-directory records (zipfile would parse them all,
    however many the directory's size allows, whatever the end record says)."""
    start = max(0, size - _EOCD_SEARCH)
    fh.seek(start)
    tail = fh.read(size - start)
    at = tail.rfind(_EOCD)
    if at < 0 or at + 22 > len(tail):
        raise _RefusedError(DAMAGED_ARCHIVE)
    count, cd_size, cd_offset = struct.unpack_from("<HII", tail, at + 10)
    end = start + at  # where the central directory ends
    if count == 0xFFFF or cd_size == 0xFFFFFFFF or cd_offset == 0xFFFFFFFF:
        zip64 = _zip64_record(fh, tail, at)
        if zip64 is None:
            return  # let zipfile decide; the count is checked again after it parses
        count, cd_size, end = zip64
    if count > MAX_ARCHIVE_ENTRIES:
        if count * 46 > size:  # each directory record takes at least 46 bytes
            raise _RefusedError(DAMAGED_ARCHIVE)
        raise _RefusedError(f"holds {count:,} files; refused as a possible zip bomb")
    begin = end - cd_size
    if begin < 0:
        raise _RefusedError(DAMAGED_ARCHIVE)
    fh.seek(begin)
    records = 0
    walked = 0
    while walked < cd_size:
        head = fh.read(_CENTRAL_RECORD.size)
        if len(head) < _CENTRAL_RECORD.size or not head.startswith(_CENTRAL):
            return  # zipfile reports the damage
        _, name_len, extra_len, comment_len = _CENTRAL_RECORD.unpack(head)
        records += 1
        if records > MAX_ARCHIVE_ENTRIES:
            raise _RefusedError(
                f"holds more than {MAX_ARCHIVE_ENTRIES:,} files; refused as a possible zip bomb")
        skip = name_len + extra_len + comment_len
        fh.seek(skip, os.SEEK_CUR)
        walked += _CENTRAL_RECORD.size + skip


def _zip64_record(fh: IO[bytes], tail: bytes, at: int) -> tuple[int, int, int] | None:
    """(entries, directory size, directory end) from the zip64 end record, or None."""
    locator = at - 20
    if locator < 0 or tail[locator:locator + 4] != b"PK\x06\x07":
        return None
    (offset,) = struct.unpack_from("<Q", tail, locator + 8)
    fh.seek(offset)
    record = fh.read(56)
    if len(record) < 56 or not record.startswith(b"PK\x06\x06"):
        return None
    count, cd_size = struct.unpack_from("<QQ", record, 32)
    return int(count), int(cd_size), offset


# ----------------------------------------------------------------------------------------------
# Reading (the worker side)


def read_item(item: InputItem, *, max_bytes: int = MAX_BYTES) -> bytes:
    """Read one planned file, or one member of a zip archive, with the listing's guards.

    Args:
        item: a file from `collect_inputs`.
        max_bytes: refuse content larger than this; a member's declared size is checked
            before it inflates, and at most max_bytes + 1 bytes are ever read.

    Returns:
        The file's bytes (a member's inflated bytes), for `read_resume_bytes(data, item.name)`.

    Raises:
        InputError: named `item.name`, for a file deleted, replaced or changed since it was
            listed, unreadable, too large, or a member that is damaged, encrypted or gone.
            Nothing else.
    """
    try:
        if item.member is None:
            return _read_file(item, max_bytes)
        return _read_member(item, item.member, max_bytes)
    except InputError:
        raise
    except MemoryError:
        raise InputError(item.name, "needs more memory than tailor allows; refused") from None
    except Exception as exc:  # the promise: nothing but InputError leaves read_item
        raise InputError(
            item.name, f"could not be read (unexpected {type(exc).__name__})") from exc


def _open_regular(path: str, name: str) -> IO[bytes]:
    """Open a file for reading only if it still is a regular file (never through a link as
    its last component, never blocking on a pipe)."""
    try:
        fd = os.open(path, _OPEN_FLAGS)
    except FileNotFoundError:
        raise InputError(name, "does not exist") from None
    except PermissionError:
        raise InputError(name, "cannot be opened (permission denied)") from None
    except OSError as exc:
        if exc.errno in (errno.ELOOP, errno.EMLINK, errno.ENOTDIR):
            raise InputError(name, "is no longer a regular file") from None
        if exc.errno == errno.EISDIR:
            raise InputError(name, "is no longer a regular file (it is a folder)") from None
        raise InputError(name, f"cannot be read ({exc.strerror or exc})") from None
    except ValueError:
        raise InputError(name, "is not a valid file name") from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise InputError(name, "is no longer a regular file")
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def _read_file(item: InputItem, max_bytes: int) -> bytes:
    with _open_regular(item.path, item.name) as fh:
        size = os.fstat(fh.fileno()).st_size
        if size > max_bytes:
            raise InputError(item.name, _too_big(size, max_bytes))
        try:
            data = fh.read(max_bytes + 1)
        except OSError as exc:
            raise InputError(item.name, f"cannot be read ({exc.strerror or exc})") from None
    if len(data) > max_bytes:
        raise InputError(item.name, _too_big(len(data), max_bytes))
    return data


def _read_member(item: InputItem, member: str, max_bytes: int) -> bytes:
    archive = item.name.removesuffix("!" + _display(member))
    if archive == item.name:
        archive = "its archive"
    with _open_regular(item.path, item.name) as fh:
        try:
            _check_entry_count(fh, os.fstat(fh.fileno()).st_size)
            fh.seek(0)
            zf = zipfile.ZipFile(fh)
        except _RefusedError as exc:
            raise InputError(item.name, f"cannot be read: {archive} {exc}") from None
        except Exception:
            raise InputError(item.name, f"cannot be read: {archive} {DAMAGED_ARCHIVE}"
                             ) from None
        with zf:
            try:
                info = zf.getinfo(member)
            except KeyError:
                raise InputError(item.name, "is no longer in the archive (it changed after "
                                            "the batch listed it)") from None
            if info.flag_bits & 0x1:
                raise InputError(item.name, "is encrypted in the archive; export it again "
                                            "without a password")
            if info.compress_type not in _ZIP_METHODS:
                raise InputError(item.name, "is compressed with a method tailor cannot read "
                                            f"(method {info.compress_type})")
            if info.file_size > max_bytes:
                raise InputError(item.name, f"would inflate to {_size(info.file_size)}; "
                                            f"tailor reads files up to {_size(max_bytes)}")
            try:
                with zf.open(info) as source:
                    data = source.read(max_bytes + 1)
            except MemoryError:
                raise
            except Exception:  # bad CRC, truncated data, a lying header, broken deflate
                raise InputError(item.name, DAMAGED_MEMBER) from None
    if len(data) > max_bytes:
        raise InputError(item.name, _too_big(len(data), max_bytes))
    return data


def _too_big(size: int, limit: int) -> str:
    return f"is {_size(size)}; tailor reads files up to {_size(limit)}"
