"""tailor: offline, explainable resume checking and tailoring for care-manager jobs.

The public API is imported lazily, so that `import tailor` (and `tailor --help`) stays instant;
spaCy and the document libraries load only when a function that needs them is called.

    >>> from tailor import check
    >>> report = check("resume.docx", level="senior")
    >>> report.score, [g.label for g in report.gaps[:3]]
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

_LAZY = {
    "check": "tailor.api",
    "check_resume": "tailor.api",
    "list_keywords": "tailor.api",
    "read_resume": "tailor.extract",
    "read_resume_bytes": "tailor.extract",
    "load_catalog": "tailor.catalog",
    "render": "tailor.report",
    "report_to_dict": "tailor.report",
    "TailorError": "tailor.errors",
    "InputError": "tailor.errors",
    "CatalogError": "tailor.errors",
    "UsageError": "tailor.errors",
    "OutputError": "tailor.errors",
    "Report": "tailor.models",
    "ResumeText": "tailor.models",
    "Keyword": "tailor.models",
    "Catalog": "tailor.models",
}

__all__ = ["__version__", *sorted(_LAZY)]

if TYPE_CHECKING:
    from tailor.api import check, check_resume, list_keywords
    from tailor.catalog import load_catalog
    from tailor.errors import CatalogError, InputError, OutputError, TailorError, UsageError
    from tailor.extract import read_resume, read_resume_bytes
    from tailor.models import Catalog, Keyword, Report, ResumeText
    from tailor.report import render, report_to_dict


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'tailor' has no attribute {name!r}")
    value = getattr(import_module(module), name)
    globals()[name] = value
    return value
