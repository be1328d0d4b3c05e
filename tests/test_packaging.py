"""keywords/ and templates/ ship inside the wheel and are found after a plain `pip install .`."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tailor.resources import data_dir

from .conftest import REPO

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
         "-w", str(out), str(REPO)],
        check=True, capture_output=True, text=True, env={**os.environ, "PIP_NO_INDEX": "1"},
    )
    (built,) = out.glob("tailor-*.whl")
    return built


def test_wheel_lists_the_data(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    for path in (REPO / "keywords").glob("*.yaml"):
        assert f"tailor/_data/keywords/{path.name}" in names
    assert "tailor/_data/templates/reports/check.md.j2" in names
    assert "tailor/py.typed" in names


def test_plain_install_finds_its_data_from_another_folder(wheel: Path, tmp_path: Path) -> None:
    target = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "--no-index", "-q",
         "--target", str(target), str(wheel)],
        check=True, capture_output=True, text=True,
    )
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {**os.environ, "PYTHONPATH": str(target)}
    probe = subprocess.run(
        [sys.executable, "-c",
         "import tailor.resources as r, json; print(json.dumps("
         "[str(r.data_dir('keywords')), str(r.data_dir('templates')), r.__file__]))"],
        cwd=elsewhere, env=env, check=True, capture_output=True, text=True,
    )
    keywords, templates, module = json.loads(probe.stdout)
    assert module.startswith(str(target))
    assert keywords == str(target / "tailor" / "_data" / "keywords")
    assert templates == str(target / "tailor" / "_data" / "templates")
    listing = subprocess.run(
        [sys.executable, "-m", "tailor", "keywords", "--format", "json"],
        cwd=elsewhere, env=env, check=True, capture_output=True, text=True,
    )
    entries = json.loads(listing.stdout)
    assert len(entries) >= 50
    assert {e["file"] for e in entries} >= {"tools.yaml", "credentials.yaml"}


def test_source_checkout_uses_the_top_level_folders() -> None:
    # This test process runs from the checkout (editable install or plain sys.path).
    found = data_dir("keywords")
    assert (found / "levels.yaml").is_file()
    assert found.name == "keywords"
