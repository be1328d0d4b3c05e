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

__all__ = [
    "Catalog",
    "CatalogError",
    "InputError",
    "Keyword",
    "OutputError",
    "Report",
    "ResumeText",
    "TailorError",
    "UsageError",
    "__version__",
    "check",
    "check_resume",
    "list_keywords",
    "load_catalog",
    "read_resume",
    "read_resume_bytes",
    "render",
    "report_to_dict",
]

if TYPE_CHECKING:
    from tailor.api import check as check
    from tailor.api import check_resume as check_resume
    from tailor.api import list_keywords as list_keywords
    from tailor.catalog import load_catalog as load_catalog
    from tailor.errors import CatalogError as CatalogError
    from tailor.errors import InputError as InputError
    from tailor.errors import OutputError as OutputError
    from tailor.errors import TailorError as TailorError
    from tailor.errors import UsageError as UsageError
    from tailor.extract import read_resume as read_resume
    from tailor.extract import read_resume_bytes as read_resume_bytes
    from tailor.models import Catalog as Catalog
    from tailor.models import Keyword as Keyword
    from tailor.models import Report as Report
    from tailor.models import ResumeText as ResumeText
    from tailor.report import render as render
    from tailor.report import report_to_dict as report_to_dict


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'tailor' has no attribute {name!r}")
    value = getattr(import_module(module), name)
    globals()[name] = value
    return value
