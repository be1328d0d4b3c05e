"""Safe YAML for files strangers write (profiles, keyword catalogs): no anchors or aliases, no
duplicate keys, text-only keys, bounded nesting, and errors that name the file and line."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import yaml

_BASE = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class UniqueKeyLoader(_BASE):  # type: ignore[misc, valid-type]
    """A safe loader that refuses a key given twice in one mapping and keys that are not text."""


def describe_type(value: Any) -> str:
    """How a message names a YAML value's type: "text", "a number", "a list"..."""
    if isinstance(value, str):
        return "text"
    if value is None:
        return "empty"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, (list, tuple)):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, (date, datetime)):
        return "a date"
    return type(value).__name__


def _construct_mapping(loader: Any, node: Any, deep: bool = False) -> dict[Any, Any]:
    seen: set[Any] = set()
    for key_node, _value in node.value:
        key = loader.construct_object(key_node, deep=deep)
        if not isinstance(key, str):
            raise yaml.constructor.ConstructorError(
                None, None, f"a field name must be text, not {describe_type(key)} ({key!r})",
                key_node.start_mark)
        if key in seen:
            raise yaml.constructor.ConstructorError(
                None, None, f"key '{key}' appears twice in one mapping", key_node.start_mark)
        seen.add(key)
    return dict(loader.construct_mapping(node, deep=deep))


UniqueKeyLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG,
                                _construct_mapping)


def load_yaml(text: str, label: str, error: type[Exception], *, what: str = "this file",
              max_depth: int = 20) -> Any:
    """Parse YAML written by a stranger.

    The event stream is read first: anchors and aliases (expansion bombs) and nesting deeper
    than `max_depth` are refused before anything is built, since the composer recurses and a
    deep enough file would crash the interpreter.

    Args:
        text: the YAML text.
        label: the file's name, for messages.
        error: the exception type to raise (it takes one message argument).
        what: what the file should be ("a profile", "a keyword catalog"), for messages.
        max_depth: the deepest nesting of lists and mappings allowed.

    Raises:
        error: with "LABEL: problem" for anything refused or not valid YAML.
    """
    depth = 0
    try:
        for event in yaml.parse(text, Loader=UniqueKeyLoader):
            line = event.start_mark.line + 1 if event.start_mark is not None else "?"
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
                raise error(f"{label}: YAML anchors and aliases (&name, *name) are not allowed "
                            f"(line {line}); write the values out")
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > max_depth:
                    raise error(f"{label}: is nested too deeply to be {what} (more than "
                                f"{max_depth} levels, line {line})")
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
        return yaml.load(text, Loader=UniqueKeyLoader)  # noqa: S506 - a safe loader
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        position = getattr(exc, "position", None)  # a reader error: a character YAML refuses
        if not where and isinstance(position, int):
            before = text[:position]
            where = f" at line {before.count(chr(10)) + 1}, column " \
                    f"{position - (before.rfind(chr(10)) + 1) + 1}"
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise error(f"{label}: not valid YAML{where}: {problem}") from None
    except RecursionError:
        raise error(f"{label}: is nested too deeply to be {what}") from None
