"""Verify every keyword `source` against the career guide and record the verified sources.

The guide is not shipped with tailor. This script, run beside ../shared/guide, checks that each
`source` in keywords/*.yaml (and each requirement source, track title and reasoning) is a
verbatim sentence of the guide and writes the SHA-256 of every
verified source to tests/data/guide_sources.sha256, so that CI (which has no guide) can still
fail when someone edits a source without checking it against the guide.

    python tests/update_guide_sources.py
"""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
GUIDE = REPO.parent / "shared" / "guide" / "care-manager-career-guide.txt"
REGISTRY = REPO / "tests" / "data" / "guide_sources.sha256"


def normalise(text: str) -> str:
    """Whitespace collapsed, as the catalog loader stores sources."""
    return " ".join(text.split())


def digest(source: str) -> str:
    """The registry's key for one source."""
    return hashlib.sha256(normalise(source).encode("utf-8")).hexdigest()


def all_sources(catalog: Any) -> list[tuple[str, str]]:
    """(where, quoted text) for everything the catalog quotes from the guide: keyword sources,
    requirement sources, track titles and reasoning."""
    out = [(f"keyword {kw.id}", kw.source) for kw in catalog.keywords]
    out += [(f"requirement {r.id}", r.source) for r in catalog.requirements]
    for trk in catalog.tracks:
        out.append((f"track {trk.id} title", trk.title))
        out += [(f"track {trk.id} reasoning", text) for text in trk.reasoning]
    out += [("tracks why", text) for text in catalog.track_why]
    return out


def main() -> int:
    sys.path.insert(0, str(REPO))
    from tailor.catalog import load_catalog

    guide = normalise(GUIDE.read_text(encoding="utf-8"))
    quoted = all_sources(load_catalog())
    bad = [where for where, source in quoted if normalise(source) not in guide]
    if bad:
        print("not verbatim in the guide:", ", ".join(bad), file=sys.stderr)
        return 1
    hashes = sorted({digest(source) for _, source in quoted})
    REGISTRY.write_text("\n".join(hashes) + "\n", encoding="utf-8")
    print(f"{len(hashes)} verified sources written to {REGISTRY.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
