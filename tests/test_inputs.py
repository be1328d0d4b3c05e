"""Batch inputs: folders, files, zip archives and file lists → a plan; every oddity skipped with
its reason; the worker's read_item raises nothing but InputError."""

from __future__ import annotations

import io
import os
import pickle
import struct
import tempfile
import time
import zipfile
from collections.abc import Callable, Iterable
from functools import cache
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tailor.errors import InputError, UsageError
from tailor.extract import read_resume_bytes
from tailor.inputs import (
    BROKEN_LINK,
    DAMAGED_ARCHIVE,
    DAMAGED_MEMBER,
    DIRECTORY_LOOP,
    ENCRYPTED,
    HIDDEN,
    HIDDEN_FOLDER,
    LINK_LOOP,
    LOCK,
    MACOS,
    NESTED,
    NOT_REGULAR,
    OUTSIDE,
    SEARCHED,
    UNSAFE,
    InputItem,
    InputPlan,
    collect_inputs,
    read_item,
)
from tests.factories import build_docx, lying_size_docx, many_entries_zip, para, pdf_lines, zip_bomb

ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


@cache
def docx_bytes() -> bytes:
    return build_docx(para("Jane Doe, RN") + para("Care Manager") + para(
        "Coordinated care for heart failure patients", num=True))


@cache
def pdf_bytes() -> bytes:
    return pdf_lines(["Jane Doe, RN", "Care coordination for 60 patients"])


TXT = b"Jane Doe\nCare Manager\nCoordinated care for 60 patients\n"
MD = b"# Jane Doe\n\n## Experience\n\n- Coordinated care for 60 patients\n"


def write(path: Path, data: bytes = TXT) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def zip_bytes(entries: Iterable[tuple[str | zipfile.ZipInfo, bytes]]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries:
            archive.writestr(name, data)
    return buffer.getvalue()


def patch_central(data: bytes, change: Callable[[str, bytearray], None]) -> bytes:
    """A copy of a zip whose central-directory records `change` edits in place (given each
    record's name and its 46-byte fixed part)."""
    out = bytearray(data)
    at = out.find(b"PK\x01\x02")
    while at >= 0:
        name_len, extra_len, comment_len = struct.unpack_from("<HHH", out, at + 28)
        name = bytes(out[at + 46: at + 46 + name_len]).decode("utf-8", "replace")
        record = out[at: at + 46]
        change(name, record)
        out[at: at + 46] = record
        at = out.find(b"PK\x01\x02", at + 46 + name_len + extra_len + comment_len)
    return bytes(out)


def declare(size: int, only: str | None = None) -> Callable[[str, bytearray], None]:
    def change(name: str, record: bytearray) -> None:
        if only is None or name == only:
            struct.pack_into("<I", record, 24, size)
    return change


def reasons(plan: InputPlan) -> dict[str, str]:
    return dict(plan.skipped)


def names(plan: InputPlan) -> list[str]:
    return [item.name for item in plan.items]


def refusal(item: InputItem, **kwargs: int) -> str:
    with pytest.raises(InputError) as caught:
        read_item(item, **kwargs)
    assert caught.value.name == item.name
    return caught.value.problem


# ----------------------------------------------------------------------------------------------
# Folders


def test_nested_folders(tmp_path: Path) -> None:
    root = tmp_path / "cohort"
    files = {
        "jane.docx": docx_bytes(),
        "fall/ahmed.pdf": pdf_bytes(),
        "fall/deep/er/maria.txt": TXT,
        "spring/li.md": MD,
        "spring/KIM.DOCX": docx_bytes(),
        "spring/notes.markdown": MD,
        "spring/old.text": TXT,
        "spring/macro.docm": docx_bytes(),
        "spring/template.dotx": docx_bytes(),
    }
    for name, data in files.items():
        write(root / name, data)
    plan = collect_inputs([root])
    assert names(plan) == sorted(files)
    assert plan.skipped == ()
    for item in plan.items:
        assert item.member is None
        assert Path(item.path) == (root / item.name).resolve()
        assert item.size == len(files[item.name])
        assert read_item(item) == files[item.name]
    docx = next(item for item in plan.items if item.name == "jane.docx")
    assert read_resume_bytes(read_item(docx), docx.name).lines[0].text == "Jane Doe, RN"
    assert collect_inputs([root]) == plan  # deterministic


def test_skip_reasons(tmp_path: Path) -> None:
    root = tmp_path / "r"
    write(root / "ok.txt")
    write(root / "photo.JPG", b"\xff\xd8\xff")
    write(root / "README", b"x")
    write(root / "old.doc", b"x")
    write(root / "~$jane.docx", b"x")
    write(root / ".secret.txt")
    write(root / ".git" / "config.txt")
    write(root / ".DS_Store", b"x")
    write(root / "._ok.txt", b"x")
    write(root / "__MACOSX" / "._ok.txt", b"x")
    write(root / "sub" / "empty.pdf", b"")
    write(root / "big.pdf", b"%PDF-1.4" + bytes(200))
    os.mkfifo(root / "pipe.txt")
    plan = collect_inputs([root], max_bytes=100)
    assert names(plan) == ["ok.txt", "sub/empty.pdf"]  # an empty resume is a row of its own
    assert reasons(plan) == {
        "photo.JPG": "not a resume format (.jpg)",
        "README": "not a resume format (no extension)",
        "old.doc": "not a resume format (.doc); save it as .docx or PDF",
        "~$jane.docx": LOCK,
        ".secret.txt": HIDDEN,
        ".git/": HIDDEN_FOLDER,
        ".DS_Store": MACOS,
        "._ok.txt": MACOS,
        "__MACOSX/": MACOS,
        "big.pdf": "larger than 100 bytes (it is 208 bytes)",
        "pipe.txt": NOT_REGULAR,
    }
    assert LOCK == "Word lock file (~$...)"
    assert MACOS == "macOS metadata (__MACOSX/, ._ files, .DS_Store)"


def test_default_size_limit(tmp_path: Path) -> None:
    big = tmp_path / "r" / "big.pdf"
    big.parent.mkdir()
    with big.open("wb") as fh:
        fh.truncate(25_000_000)  # sparse
    assert collect_inputs([big.parent]).skipped == (
        ("big.pdf", "larger than 20 MB (it is 25 MB)"),)


def test_empty_folder(tmp_path: Path) -> None:
    write(tmp_path / "r" / "notes.xlsx", b"x")
    (tmp_path / "r" / "nothing").mkdir()
    plan = collect_inputs([tmp_path / "r"])
    assert plan.items == ()
    assert plan.skipped == (("notes.xlsx", "not a resume format (.xlsx)"),)
    (tmp_path / "empty").mkdir()
    assert collect_inputs([tmp_path / "empty"]) == InputPlan()


# ----------------------------------------------------------------------------------------------
# Symbolic links


def test_symlinks(tmp_path: Path) -> None:
    root = tmp_path / "r"
    outside = tmp_path / "outside"
    write(outside / "stranger.docx", docx_bytes())
    write(root / "a" / "jane.txt")
    write(root / "z" / "li.txt")
    (root / "a" / "again.txt").symlink_to(root / "a" / "jane.txt")
    (root / "link-to-z").symlink_to(root / "z")
    (root / "out.docx").symlink_to(outside / "stranger.docx")
    (root / "out-folder").symlink_to(outside)
    (root / "a" / "loop").symlink_to(root)
    (root / "a" / "self").symlink_to(root / "a" / "self")
    (root / "gone.txt").symlink_to(root / "missing.txt")
    (root / "z" / "rel.txt").symlink_to("li.txt")
    plan = collect_inputs([root])
    # Each file once, under its name without links.
    assert names(plan) == ["a/jane.txt", "z/li.txt"]
    assert reasons(plan) == {
        "out.docx": OUTSIDE,
        "out-folder": OUTSIDE,
        "a/loop/": DIRECTORY_LOOP,
        "a/self": LINK_LOOP,
        "gone.txt": BROKEN_LINK,
        "link-to-z/": SEARCHED,
    }
    assert OUTSIDE == "symbolic link leading outside the input folder"
    assert DIRECTORY_LOOP.startswith("directory loop")


def test_link_to_a_folder_inside_found_only_through_it(tmp_path: Path) -> None:
    root = tmp_path / "r"
    write(root / ".store" / "jane.txt")  # hidden, so only the link reaches it
    (root / "visible").symlink_to(root / ".store")
    plan = collect_inputs([root])
    assert names(plan) == ["visible/jane.txt"]
    assert reasons(plan) == {".store/": HIDDEN_FOLDER}


def test_links_given_directly_are_followed(tmp_path: Path) -> None:
    write(tmp_path / "elsewhere" / "jane.txt")
    (tmp_path / "resumes").symlink_to(tmp_path / "elsewhere")
    (tmp_path / "cv.txt").symlink_to(tmp_path / "elsewhere" / "jane.txt")
    assert names(collect_inputs([tmp_path / "resumes"])) == ["jane.txt"]
    plan = collect_inputs([tmp_path / "cv.txt"])
    assert names(plan) == [str(tmp_path / "cv.txt")]
    assert plan.items[0].path == str(tmp_path / "elsewhere" / "jane.txt")


# ----------------------------------------------------------------------------------------------
# Several inputs, files given directly, lists, globs


def test_files_given_directly_keep_their_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                                              ) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "resumes" / "jane.docx", docx_bytes())
    write(tmp_path / "b.pdf", pdf_bytes())
    plan = collect_inputs(["resumes/jane.docx", "b.pdf", Path("resumes")])
    # Several inputs: a folder's files are named with the folder as given.
    assert names(plan) == ["b.pdf", "resumes/jane.docx"]
    assert plan.items[1].path == str(tmp_path / "resumes" / "jane.docx")
    assert names(collect_inputs(["./resumes/", "b.pdf"])) == ["b.pdf", "resumes/jane.docx"]
    assert names(collect_inputs(["resumes"])) == ["jane.docx"]
    assert names(collect_inputs(["resumes", "resumes/jane.docx"])) == ["resumes/jane.docx"]
    # The same folder twice, or a folder and its parent, lists each file once.
    write(tmp_path / "resumes" / "fall" / "li.txt")
    assert names(collect_inputs(["resumes/fall", "resumes", "resumes/fall"])) == [
        "resumes/fall/li.txt", "resumes/jane.docx"]


def test_several_folders_keep_same_names_apart(tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "fall" / "jane.txt")
    write(tmp_path / "spring" / "jane.txt", b"other")
    plan = collect_inputs(["fall", "spring"])
    assert names(plan) == ["fall/jane.txt", "spring/jane.txt"]
    assert [read_item(item) for item in plan.items] == [TXT, b"other"]


def test_missing_paths(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match=r"nope\.docx does not exist"):
        collect_inputs([tmp_path / "nope.docx"])
    with pytest.raises(UsageError, match="none of the 2 inputs exist"):
        collect_inputs([tmp_path / "a", tmp_path / "b"])
    with pytest.raises(UsageError, match="no input given"):
        collect_inputs([])
    write(tmp_path / "jane.txt")
    plan = collect_inputs([tmp_path / "jane.txt", tmp_path / "nope.docx"])
    assert len(plan.items) == 1
    assert plan.skipped == ((str(tmp_path / "nope.docx"), "does not exist"),)


def test_direct_files_follow_the_same_rules(tmp_path: Path) -> None:
    photo = write(tmp_path / "photo.png", b"x")
    lock = write(tmp_path / "~$cv.docx", b"x")
    hidden = write(tmp_path / ".cv.txt")  # named on purpose: checked
    plan = collect_inputs([photo, lock, hidden, tmp_path])
    assert reasons(plan)[str(photo)] == "not a resume format (.png)"
    assert reasons(plan)[str(lock)] == LOCK
    assert names(plan) == [str(hidden)]
    assert str(tmp_path) + "/.cv.txt" not in reasons(plan)  # the file is checked, once


def test_include_exclude(tmp_path: Path) -> None:
    root = tmp_path / "r"
    write(root / "jane.pdf", pdf_bytes())
    write(root / "LI.PDF", pdf_bytes())
    write(root / "kim.docx", docx_bytes())
    write(root / "drafts" / "old.pdf", pdf_bytes())
    write(root / "fall" / "drafts" / "x.pdf", pdf_bytes())
    write(root / "fall" / "ahmed.pdf", pdf_bytes())
    write(root / "pic.jpg", b"x")
    plan = collect_inputs([root], include=["*.pdf"], exclude=["drafts/*"])
    assert names(plan) == ["LI.PDF", "fall/ahmed.pdf", "fall/drafts/x.pdf", "jane.pdf"]
    assert reasons(plan) == {
        "drafts/": 'matches exclude pattern "drafts/*"',  # the folder is not searched
        "kim.docx": "matches no include pattern (*.pdf)",
        "pic.jpg": "not a resume format (.jpg)",
    }
    plan = collect_inputs([root], exclude=["drafts", "JANE.*"])
    assert names(plan) == ["LI.PDF", "fall/ahmed.pdf", "kim.docx"]
    assert reasons(plan)["jane.pdf"] == 'matches exclude pattern "JANE.*"'
    assert reasons(plan)["fall/drafts/"] == 'matches exclude pattern "drafts"'


@pytest.mark.parametrize("pattern", ["[abc", "*.[!pdf", "", "  ", "[z-a].pdf"])
def test_malformed_glob(tmp_path: Path, pattern: str) -> None:
    with pytest.raises(UsageError, match="pattern"):
        collect_inputs([tmp_path], include=[pattern])
    with pytest.raises(UsageError, match="pattern"):
        collect_inputs([tmp_path], exclude=[pattern])


def test_files_from(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    lists = tmp_path / "lists"
    write(tmp_path / "cohort" / "jane.docx", docx_bytes())
    write(tmp_path / "cohort" / "li.txt")
    write(tmp_path / "abs.pdf", pdf_bytes())
    listing = write(lists / "files.txt", (
        "\ufeff# the fall cohort\n"
        "../cohort/jane.docx\r\n"
        "\n"
        "   \n"
        f"{tmp_path / 'abs.pdf'}\n"
        "../cohort/missing.docx\n"
        "../cohort\n"
    ).encode())
    monkeypatch.chdir(tmp_path / "cohort")  # lines are relative to the list, not to here
    plan = collect_inputs([], files_from=listing)
    assert names(plan) == ["../cohort/jane.docx", "../cohort/li.txt", str(tmp_path / "abs.pdf")]
    assert plan.skipped == (("../cohort/missing.docx", "does not exist"),)
    with pytest.raises(UsageError, match="does not exist"):
        collect_inputs([], files_from=lists / "nope.txt")
    with pytest.raises(UsageError, match="lists no files"):
        collect_inputs([], files_from=write(lists / "empty.txt", b"# nothing\n"))
    plan = collect_inputs(["li.txt"], files_from=lists / "nope.txt")
    assert names(plan) == ["li.txt"]
    assert plan.skipped == ((str(lists / "nope.txt"), "does not exist"),)
    # The list inside a folder being checked is not a resume.
    plan = collect_inputs([lists], files_from=listing)
    assert reasons(plan)[f"{lists}/files.txt"] == "the list of files to check (files_from)"
    assert names(plan) == ["../cohort/jane.docx", "../cohort/li.txt",
                           str(tmp_path / "abs.pdf"), f"{lists}/empty.txt"]


def test_one_path_not_in_a_list(tmp_path: Path) -> None:
    write(tmp_path / "r" / "jane.txt")
    assert names(collect_inputs(str(tmp_path / "r"))) == ["jane.txt"]  # type: ignore[arg-type]
    assert names(collect_inputs(tmp_path / "r")) == ["jane.txt"]  # type: ignore[arg-type]


def test_names_are_data(tmp_path: Path) -> None:
    root = tmp_path / "r"
    odd = ["=HYPERLINK(\"x\").txt", "+1 555.pdf", "-2.md", "@sum.txt", "line\nbreak.txt",
           'quote"s \'and\' tabs\t.txt', "José Núñez – CV.docx", "سارة أحمد.pdf",
           "\u202eexe.txt", "日本語.txt"]
    for name in odd:
        write(root / name)
    plan = collect_inputs([root])
    assert names(plan) == sorted(odd)
    archive = write(tmp_path / "export.zip", zip_bytes((name, b"x") for name in odd))
    plan = collect_inputs([archive])
    assert names(plan) == sorted(f"{archive}!{name}" for name in odd)
    assert {item.member for item in plan.items} == set(odd)


def test_undecodable_file_names_become_replacement_characters(tmp_path: Path) -> None:
    root = tmp_path / "r"
    root.mkdir()
    raw = os.fsencode(root) + b"/caf\xe9.txt"
    with open(raw, "wb") as fh:  # noqa: PTH123 (a bytes path)
        fh.write(TXT)
    plan = collect_inputs([root])
    assert names(plan) == ["caf\ufffd.txt"]
    assert read_item(plan.items[0]) == TXT  # the path keeps the real bytes


def test_input_item_pickles() -> None:
    item = InputItem("export.zip!a/jane.docx", "/x/export.zip", "a/jane.docx", 12)
    assert pickle.loads(pickle.dumps(item)) == item


# ----------------------------------------------------------------------------------------------
# Zip archives


def test_zip_with_nested_folders(tmp_path: Path) -> None:
    members = {
        "fall/jane.docx": docx_bytes(),
        "fall/ahmed.pdf": pdf_bytes(),
        "spring/week 1/li.txt": TXT,
        "kim.md": MD,
        "empty.txt": b"",
    }
    archive = write(tmp_path / "r" / "sub" / "export.zip",
                    zip_bytes([("fall/", b""), *members.items(), ("photo.png", b"x")]))
    plan = collect_inputs([tmp_path / "r"])
    assert names(plan) == sorted(f"sub/export.zip!{name}" for name in members)
    assert reasons(plan) == {"sub/export.zip!photo.png": "not a resume format (.png)"}
    for item in plan.items:
        assert item.path == str(archive)
        assert item.member is not None
        assert item.size == len(members[item.member])
        assert read_item(item) == members[item.member]
    jane = next(item for item in plan.items if item.member == "fall/jane.docx")
    assert read_resume_bytes(read_item(jane), jane.name).lines[0].text == "Jane Doe, RN"
    # Given directly, the archive's name is the path as given.
    assert names(collect_inputs([archive]))[0] == f"{archive}!empty.txt"
    # Reached twice (directly and through its folder): each member once.
    assert len(collect_inputs([archive, tmp_path / "r"]).items) == len(members)


def test_zip_member_filters(tmp_path: Path) -> None:
    archive = write(tmp_path / "export.zip", zip_bytes([
        ("a/jane.pdf", b"x"), ("a/kim.docx", b"x"), ("drafts/li.pdf", b"x"),
        ("__MACOSX/a/._jane.pdf", b"x"), ("__MACOSX/a/._kim.docx", b"x"),
        (".hidden/x.pdf", b"x"), ("a/._li.pdf", b"x"), ("a/~$kim.docx", b"x"),
        ("a/.DS_Store", b"x"),
    ]))
    plan = collect_inputs([archive], include=["*.pdf"], exclude=["drafts/*"])
    z = str(archive)
    assert names(plan) == [f"{z}!a/jane.pdf"]
    assert reasons(plan) == {
        f"{z}!a/kim.docx": "matches no include pattern (*.pdf)",
        f"{z}!drafts/li.pdf": 'matches exclude pattern "drafts/*"',
        f"{z}!__MACOSX/": MACOS,
        f"{z}!.hidden/": HIDDEN_FOLDER,
        f"{z}!a/._li.pdf": MACOS,
        f"{z}!a/~$kim.docx": LOCK,
        f"{z}!a/.DS_Store": MACOS,
    }
    plan = collect_inputs([tmp_path], exclude=["*.zip"])
    assert plan.skipped == (("export.zip", 'matches exclude pattern "*.zip"'),)


def test_zip_unsafe_names(tmp_path: Path) -> None:
    entries = ["../evil.docx", "/abs.docx", "C:/windows.docx", "c:evil.txt", "..\\up.docx",
               "a/../../x.txt", "\\\\server\\share.txt"]
    archive = write(tmp_path / "export.zip", zip_bytes(
        [(zipfile.ZipInfo(name), b"x") for name in entries]
        + [(zipfile.ZipInfo("win\\style\\ok.docx"), b"x"), ("a/b..c.txt", b"x")]))
    plan = collect_inputs([archive])
    z = str(archive)
    assert names(plan) == [f"{z}!a/b..c.txt", f"{z}!win\\style\\ok.docx"]
    assert reasons(plan) == {f"{z}!{name}": UNSAFE for name in entries}
    assert read_item(plan.items[1]) == b"x"
    assert UNSAFE == "unsafe path in archive (absolute or ..)"


def test_zip_of_nested_zips_is_fast(tmp_path: Path) -> None:
    inner = zip_bytes([("jane.docx", docx_bytes())])
    archive = write(tmp_path / "export.zip",
                    zip_bytes((f"s{i:04}.zip", inner) for i in range(1000)))
    started = time.perf_counter()
    plan = collect_inputs([archive])
    elapsed = time.perf_counter() - started
    assert plan.items == ()
    assert len(plan.skipped) == 1000
    assert {reason for _, reason in plan.skipped} == {NESTED}
    assert elapsed < 1.0


def test_zip_member_declaring_gigabytes(tmp_path: Path) -> None:
    data = patch_central(zip_bytes([("big.pdf", b"%PDF-1.4"), ("ok.txt", TXT)]),
                         declare(4_000_000_000, "big.pdf"))
    archive = write(tmp_path / "export.zip", data)
    plan = collect_inputs([archive])
    assert reasons(plan) == {f"{archive}!big.pdf": "would inflate to 4 GB, larger than 20 MB"}
    item = InputItem(f"{archive}!big.pdf", str(archive), "big.pdf", 4_000_000_000)
    assert refusal(item) == "would inflate to 4 GB; tailor reads files up to 20 MB"


def test_real_zip_bomb_is_refused_before_inflating(tmp_path: Path) -> None:
    bomb = zip_bomb(60_000_000).replace(b"word/document.xml", b"word/document.txt")
    archive = write(tmp_path / "bomb.zip", bomb)
    started = time.perf_counter()
    plan = collect_inputs([archive])
    assert reasons(plan)[f"{archive}!word/document.txt"] == (
        "would inflate to 60 MB, larger than 20 MB")
    item = InputItem(f"{archive}!word/document.txt", str(archive), "word/document.txt", 0)
    assert refusal(item) == "would inflate to 60 MB; tailor reads files up to 20 MB"
    assert time.perf_counter() - started < 0.5  # nothing inflated


def test_member_inflating_past_its_declared_size(tmp_path: Path) -> None:
    lying = lying_size_docx().replace(b"word/document.xml", b"word/document.txt")
    archive = write(tmp_path / "lying.zip", lying)
    plan = collect_inputs([archive], include=["*.txt"])
    (item,) = plan.items
    assert refusal(item) == DAMAGED_MEMBER


def test_archive_total_over_two_gigabytes(tmp_path: Path) -> None:
    data = patch_central(zip_bytes((f"r{i:03}.txt", b"x") for i in range(110)),
                         declare(19_500_000))
    archive = write(tmp_path / "export.zip", data)
    plan = collect_inputs([archive])
    assert len(plan.items) == 102  # 102 x 19.5 MB = 1.989 GB
    assert {reason for _, reason in plan.skipped} == {
        "not checked: the archive's files would inflate to more than 2 GB in all"}
    assert len(plan.skipped) == 8


def test_truncated_and_damaged_archives(tmp_path: Path) -> None:
    good = zip_bytes([("a/jane.docx", docx_bytes()), ("b/li.txt", TXT)])
    root = tmp_path / "r"
    write(root / "half.zip", good[: len(good) // 2])
    write(root / "junk.zip", b"not a zip at all")
    write(root / "empty.zip", b"")
    write(root / "nothing.zip", zip_bytes([]))
    write(root / "folders.zip", zip_bytes([("a/", b""), ("a/b/", b"")]))
    plan = collect_inputs([root])
    assert plan.items == ()
    assert reasons(plan) == {
        "half.zip": DAMAGED_ARCHIVE,
        "junk.zip": DAMAGED_ARCHIVE,
        "empty.zip": DAMAGED_ARCHIVE,
        "nothing.zip": "is an empty zip archive",
        "folders.zip": "is an empty zip archive",
    }
    assert DAMAGED_ARCHIVE.startswith("is a damaged zip archive")
    # Damage inside a member's data shows when it is read.
    archive = write(root / "bad.zip", good)
    plan = collect_inputs([archive])
    data = bytearray(good)
    start = data.find(b"b/li.txt") + len(b"b/li.txt")
    data[start: start + 8] = b"\x00" * 8
    archive.write_bytes(bytes(data))
    li = next(item for item in plan.items if item.member == "b/li.txt")
    assert refusal(li) == DAMAGED_MEMBER
    # The archive itself damaged after listing.
    archive.write_bytes(good[:100])
    assert refusal(li) == f"cannot be read: {archive} {DAMAGED_ARCHIVE}"


def test_encrypted_member(tmp_path: Path) -> None:
    def encrypt(name: str, record: bytearray) -> None:
        if name == "secret.docx":
            struct.pack_into("<H", record, 8, struct.unpack_from("<H", record, 8)[0] | 1)

    data = patch_central(zip_bytes([("secret.docx", b"x"), ("open.txt", TXT)]), encrypt)
    archive = write(tmp_path / "export.zip", data)
    plan = collect_inputs([archive])
    assert names(plan) == [f"{archive}!open.txt"]
    assert reasons(plan) == {f"{archive}!secret.docx": ENCRYPTED}
    item = InputItem(f"{archive}!secret.docx", str(archive), "secret.docx", 1)
    assert refusal(item) == "is encrypted in the archive; export it again without a password"


def test_unsupported_compression_method(tmp_path: Path) -> None:
    def deflate64(name: str, record: bytearray) -> None:
        struct.pack_into("<H", record, 10, 9)

    archive = write(tmp_path / "export.zip", patch_central(zip_bytes([("a.txt", TXT)]),
                                                           deflate64))
    assert collect_inputs([archive]).skipped == (
        (f"{archive}!a.txt", "compressed with a method tailor cannot read (method 9)"),)


def test_too_many_entries(tmp_path: Path) -> None:
    data = many_entries_zip(10_001)
    archive = write(tmp_path / "many.zip", data)
    plan = collect_inputs([archive])
    assert plan.skipped == ((str(archive), "holds 10,001 files; refused as a possible zip bomb"),)
    # An end record that understates the count: the directory's records are counted.
    at = data.rfind(b"PK\x05\x06")
    lying = bytearray(data)
    struct.pack_into("<HH", lying, at + 8, 1, 1)
    archive.write_bytes(bytes(lying))
    assert collect_inputs([archive]).skipped == ((str(archive), (
        "holds more than 10,000 files; refused as a possible zip bomb")),)
    exactly = write(tmp_path / "ok.zip", many_entries_zip(10_000))
    assert len(collect_inputs([exactly]).skipped) == 10_000  # "f0"... have no extension


def zip64_of_empty_files(count: int) -> bytes:
    """A zip of `count` empty stored files whose counts are only in the zip64 end record, as
    zipfile writes archives of more than 65,535 entries (built by hand: much faster)."""
    local = bytearray()
    central = bytearray()
    for index in range(count):
        name = f"f{index}.txt".encode()
        offset = len(local)
        local += struct.pack("<4s5H3I2H", b"PK\x03\x04", 20, 0, 0, 0, 0, 0, 0, 0,
                             len(name), 0) + name
        central += struct.pack("<4s6H3I5H2I", b"PK\x01\x02", 45, 20, 0, 0, 0, 0, 0, 0, 0,
                               len(name), 0, 0, 0, 0, 0, offset) + name
    start = len(local)
    end64 = start + len(central)
    return bytes(
        local + central
        + struct.pack("<4sQ2H2I4Q", b"PK\x06\x06", 44, 45, 45, 0, 0, count, count,
                      len(central), start)
        + struct.pack("<4sIQI", b"PK\x06\x07", 0, end64, 1)
        + struct.pack("<4s4H2IH", b"PK\x05\x06", 0, 0, 0xFFFF, 0xFFFF, 0xFFFFFFFF,
                      0xFFFFFFFF, 0))


def test_zip64_entry_counts(tmp_path: Path) -> None:
    small = write(tmp_path / "small.zip", zip64_of_empty_files(3))
    assert len(zipfile.ZipFile(small).infolist()) == 3  # a valid zip64 archive
    assert names(collect_inputs([small])) == [f"{small}!f{i}.txt" for i in range(3)]
    many = write(tmp_path / "many.zip", zip64_of_empty_files(70_000))
    started = time.perf_counter()
    assert collect_inputs([many]).skipped == (
        (str(many), "holds 70,000 files; refused as a possible zip bomb"),)
    assert time.perf_counter() - started < 0.2


def test_duplicate_member_names(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    with (pytest.warns(UserWarning, match="Duplicate name"),
          zipfile.ZipFile(buffer, "w") as archive):
        archive.writestr("jane.txt", b"first")
        archive.writestr("jane.txt", b"second")
    path = write(tmp_path / "export.zip", buffer.getvalue())
    plan = collect_inputs([path])
    assert [read_item(item) for item in plan.items] == [b"second"]
    assert plan.skipped == ((f"{path}!jane.txt", (
        "duplicate name in archive (only the last copy is checked)")),)


# ----------------------------------------------------------------------------------------------
# Files that change after listing


def test_deleted_after_listing(tmp_path: Path) -> None:
    jane = write(tmp_path / "r" / "jane.txt")
    (item,) = collect_inputs([tmp_path / "r"]).items
    jane.unlink()
    assert refusal(item) == "does not exist"


def test_replaced_after_listing(tmp_path: Path) -> None:
    root = tmp_path / "r"
    jane = write(root / "jane.txt")
    (item,) = collect_inputs([root]).items
    jane.unlink()
    jane.mkdir()
    assert refusal(item).startswith("is no longer a regular file")
    jane.rmdir()
    os.mkfifo(jane)  # must not block
    assert refusal(item) == "is no longer a regular file"
    jane.unlink()
    jane.symlink_to(tmp_path / "elsewhere.txt")
    write(tmp_path / "elsewhere.txt")
    assert refusal(item) == "is no longer a regular file"
    jane.unlink()
    write(jane, b"x" * 50)
    assert refusal(item, max_bytes=10) == "is 50 bytes; tailor reads files up to 10 bytes"
    assert read_item(item) == b"x" * 50


@pytest.mark.skipif(ROOT, reason="root reads any file")
def test_unreadable_after_listing(tmp_path: Path) -> None:
    jane = write(tmp_path / "r" / "jane.txt")
    (item,) = collect_inputs([tmp_path / "r"]).items
    jane.chmod(0)
    try:
        assert refusal(item) == "cannot be opened (permission denied)"
    finally:
        jane.chmod(0o600)


@pytest.mark.skipif(ROOT, reason="root reads any folder")
def test_unreadable_folder(tmp_path: Path) -> None:
    write(tmp_path / "r" / "ok.txt")
    locked = tmp_path / "r" / "locked"
    write(locked / "jane.txt")
    locked.chmod(0)
    try:
        plan = collect_inputs([tmp_path / "r"])
    finally:
        locked.chmod(0o700)
    assert names(plan) == ["ok.txt"]
    assert plan.skipped == (("locked/", "folder cannot be opened (permission denied)"),)


def test_permission_denied(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """As root, chmod cannot lock a file: the refusals are simulated at the system call."""
    jane = write(tmp_path / "r" / "jane.txt")
    write(tmp_path / "r" / "locked" / "li.txt")
    real_open, real_scandir = os.open, os.scandir

    def deny_open(path: str, flags: int, *args: int) -> int:
        if os.fspath(path) == str(jane):
            raise PermissionError(13, "Permission denied", path)
        return real_open(path, flags, *args)

    def deny_scandir(path: str) -> object:
        if os.fspath(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", path)
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", deny_scandir)
    plan = collect_inputs([tmp_path / "r"])
    assert names(plan) == ["jane.txt"]
    assert plan.skipped == (("locked/", "folder cannot be opened (permission denied)"),)
    monkeypatch.setattr(os, "open", deny_open)
    assert refusal(plan.items[0]) == "cannot be opened (permission denied)"


def test_member_gone_after_listing(tmp_path: Path) -> None:
    archive = write(tmp_path / "export.zip", zip_bytes([("a/jane.txt", TXT)]))
    (item,) = collect_inputs([archive]).items
    archive.write_bytes(zip_bytes([("a/other.txt", TXT)]))
    assert refusal(item) == "is no longer in the archive (it changed after the batch listed it)"
    archive.unlink()
    assert refusal(item) == "does not exist"


# ----------------------------------------------------------------------------------------------
# Speed and robustness


def test_listing_ten_thousand_files_is_fast(tmp_path: Path) -> None:
    # Creating 10,000 files on a virtual disk takes seconds; in memory, a tenth of one.
    shm = Path("/dev/shm")
    where = shm if shm.is_dir() and os.access(shm, os.W_OK) else tmp_path
    with tempfile.TemporaryDirectory(dir=where) as folder:
        root = Path(folder)
        for number in range(100):
            sub = root / f"class{number:03}"
            sub.mkdir()
            for index in range(100):
                os.close(os.open(sub / f"student{index:03}.docx", os.O_CREAT | os.O_WRONLY))
        started = time.perf_counter()
        plan = collect_inputs([root], include=["*.docx"], exclude=["*/drafts/*", "~*"])
        elapsed = time.perf_counter() - started
    assert len(plan.items) == 10_000
    assert plan.items[0].name == "class000/student000.docx"
    assert elapsed < 1.0, elapsed


@cache
def sample_zip() -> bytes:
    return zip_bytes([("a/jane.txt", TXT), ("b/kim.docx", docx_bytes()[:400]),
                      ("c.md", MD), ("d/", b"")])


@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.one_of(
    st.binary(max_size=600),
    st.tuples(st.lists(st.tuples(st.integers(0, 10_000), st.integers(0, 255)), max_size=8),
              st.integers(0, 10_000)).map(
        lambda spec: _mutate(sample_zip(), spec[0], spec[1])),
))
def test_random_bytes_as_archive(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        archive = Path(folder) / "export.zip"
        archive.write_bytes(data)
        plan = collect_inputs([archive])  # never raises
        items = [*plan.items, InputItem(f"{archive}!a/jane.txt", str(archive), "a/jane.txt", 1)]
        for item in items:
            try:
                read_item(item)
            except InputError as exc:
                assert exc.name == item.name


def _mutate(data: bytes, changes: list[tuple[int, int]], cut: int) -> bytes:
    out = bytearray(data)
    for at, value in changes:
        out[at % len(out)] = value
    return bytes(out[: len(out) - cut % 50]) if cut % 3 == 0 else bytes(out)
