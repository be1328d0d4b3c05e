"""The one place that finds tailor's packaged data folders, keywords/ and templates/."""

from __future__ import annotations

from functools import cache
from importlib.resources import files
from pathlib import Path

from tailor.errors import TailorError


@cache
def data_dir(name: str) -> Path:
    """Return the folder holding packaged data `name` ("keywords" or "templates").

    An installed wheel carries the folders inside the package as tailor/_data/NAME; a source
    checkout (and an editable install) has them at the repository's top level.

    Raises:
        TailorError: when neither place holds the folder (a broken installation).
    """
    packaged = Path(str(files("tailor"))) / "_data" / name
    if packaged.is_dir():
        return packaged
    checkout = Path(__file__).resolve().parent.parent / name
    if checkout.is_dir():
        return checkout
    raise TailorError(
        f"tailor's {name}/ folder is missing from this installation ({packaged}); reinstall tailor"
    )
