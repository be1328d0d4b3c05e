"""Jinja2 environments over the shipped templates/ (and a user's own folder that overrides it)."""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

from jinja2 import ChoiceLoader, FileSystemLoader, StrictUndefined
from jinja2.sandbox import SandboxedEnvironment

from tailor.resources import data_dir

FILTERS: dict[str, Callable[..., Any]] = {}


def template_filter(func: Callable[..., Any]) -> Callable[..., Any]:
    """Register a formatting filter for every template environment (formatting stays in Python)."""
    FILTERS[func.__name__.removeprefix("filter_")] = func
    return func


@template_filter
def filter_md(value: object) -> str:
    """Make a value safe inside a Markdown table cell or line: no pipes, breaks or markup."""
    text = " ".join(str(value).split())
    for ch in "\\`*_[]<>|#":
        text = text.replace(ch, "\\" + ch)
    return text


@template_filter
def filter_clip(value: object, limit: int = 120) -> str:
    """Shorten text to `limit` characters, ending in "…" when cut."""
    text = " ".join(str(value).split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


@template_filter
def filter_article(value: object) -> str:
    """The indefinite article for a phrase: "an" before a vowel sound ("an RN", "an LCSW",
    "an Assistant Care Manager"), else "a"."""
    text = str(value).strip()
    first = text.split()[0] if text.split() else ""
    if first.isupper() and len(first) <= 6:  # read letter by letter: "an RN", "a CCM"
        return "an" if first[0] in "AEFHILMNORSX" else "a"
    return "an" if first[:1].lower() in "aeiou" else "a"


@template_filter
def filter_possessive(value: object) -> str:
    """"Lakeshore Health" → "Lakeshore Health's"; "Lakeshore Partners" → "Lakeshore Partners'"."""
    text = str(value)
    return text + ("'" if text.endswith("s") else "'s")


@template_filter
def filter_percent(value: float) -> str:
    """42 → "42%"."""
    return f"{round(value)}%"


@cache
def environment(user_dir: str | None = None, *, autoescape: bool = False,
                finalize: Callable[[Any], Any] | None = None) -> SandboxedEnvironment:
    """A sandboxed Jinja2 environment with StrictUndefined over templates/.

    Args:
        user_dir: a folder of the user's own templates; a file there overrides the shipped
            file of the same name.
        autoescape: escape HTML (for .html templates).
        finalize: a function every `{{ value }}` passes through (drafts use it to keep profile
            values plain data).
    """
    loaders = [FileSystemLoader(str(data_dir("templates")))]
    if user_dir:
        loaders.insert(0, FileSystemLoader(str(Path(user_dir))))
    env = SandboxedEnvironment(
        loader=ChoiceLoader(loaders),
        undefined=StrictUndefined,
        autoescape=autoescape,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        finalize=finalize,
    )
    env.filters.update(FILTERS)
    return env
