"""Verify every keyword `source` against the career guide and record the verified sources.

The guide is not shipped with tailor. This script, run beside ../shared/guide, checks that each
`source` in keywords/*.yaml is a verbatim sentence of the guide and writes the SHA-256 of every
verified source to tests/data/guide_sources.sha256, so that CI (which has no guide) can still
fail when someone edits a source without checking it against the guide.

    python tests/update_guide_sources.py
"""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
GUIDE = REPO.parent / "shared" / "guide" / "care-manager-career-guide.txt"
REGISTRY = REPO / "tests" / "data" / "guide_sources.sha256"


def normalise(text: str) -> str:
    """Whitespace collapsed, as the catalog loader stores sources."""
    return " ".join(text.split())


def digest(source: str) -> str:
    """The registry's key for one source."""
    return hashlib.sha256(normalise(source).encode("utf-8")).hexdigest()


def main() -> int:
    sys.path.insert(0, str(REPO))
    from tailor.catalog import load_catalog

    guide = normalise(GUIDE.read_text(encoding="utf-8"))
    catalog = load_catalog()
    bad = [kw.id for kw in catalog.keywords if normalise(kw.source) not in guide]
    if bad:
        print("not verbatim in the guide:", ", ".join(bad), file=sys.stderr)
        return 1
    hashes = sorted({digest(kw.source) for kw in catalog.keywords})
    REGISTRY.write_text("\n".join(hashes) + "\n", encoding="utf-8")
    print(f"{len(hashes)} verified sources written to {REGISTRY.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
