"""Headless Chromium for the tests that load HTML reports in a real browser (skipped, saying
why, where Chromium is not installed; CI installs it)."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or (
    "/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None)
needs_chromium = pytest.mark.skipif(
    CHROMIUM is None,
    reason="Chromium is not installed (apt-get install -y --no-install-recommends chromium)")


def chromium(*args: str, script_ms: int | None = None) -> subprocess.CompletedProcess[str]:
    """Run headless Chromium offline with a throwaway profile; `script_ms` gives the page's
    scripts that much virtual time before a DOM dump or screenshot."""
    assert CHROMIUM is not None
    budget = [f"--virtual-time-budget={script_ms}"] if script_ms is not None else []
    with tempfile.TemporaryDirectory(prefix="tailor-chromium-") as profile:
        return subprocess.run(
            [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
             "--no-first-run", "--disable-background-networking", "--disable-component-update",
             "--disable-sync", "--hide-scrollbars", "--force-device-scale-factor=1",
             *budget, f"--user-data-dir={profile}", *args],
            capture_output=True, text=True, timeout=120, check=True)
