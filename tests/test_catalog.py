"""Catalog loading and strict validation with file / entry / field in every message."""

from __future__ import annotations

from pathlib import Path
from typing import Any, cast

import pytest
import yaml

from tailor.catalog import catalog_json_schema, load_catalog
from tailor.errors import CatalogError
from tailor.resources import data_dir

GOOD = """
entries:
  - id: care-coordination
    term: care coordination
    aliases: [coordinated care, coordinate care]
    category: responsibility
    weight: required
    levels: all
    source: "Coordinate care services."
    suggestion: "Say whom you coordinated with."
"""


def bare_ladder() -> dict[str, Any]:
    """The shipped ladder without what names shipped entries (focus areas, requirements)."""
    ladder = yaml.safe_load((data_dir("keywords") / "levels.yaml").read_text(encoding="utf-8"))
    for level in ladder["levels"]:
        level.pop("focus_keywords", None)
    ladder.pop("requirements", None)
    return cast("dict[str, Any]", ladder)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "levels.yaml").write_text(yaml.safe_dump(bare_ladder()), encoding="utf-8")
    (tmp_path / "core.yaml").write_text(GOOD, encoding="utf-8")
    return tmp_path


def error_for(folder: Path, text: str, name: str = "bad.yaml") -> str:
    (folder / name).write_text(text, encoding="utf-8")
    with pytest.raises(CatalogError) as info:
        load_catalog(directory=folder)
    return str(info.value)


def test_loads_a_minimal_catalog(folder: Path) -> None:
    catalog = load_catalog(directory=folder)
    (kw,) = catalog.keywords
    assert kw.id == "care-coordination"
    assert kw.levels == ("assistant", "care-manager", "senior", "lead", "supervisor", "director")
    assert kw.section.value == "experience"
    assert kw.file == "core.yaml"
    assert next(lvl.name for lvl in catalog.levels) == "assistant"
    assert catalog.level("director").max_years is None


def test_wrong_weight_names_file_entry_and_field(folder: Path) -> None:
    msg = error_for(folder, GOOD.replace("care-coordination", "x").replace("required", "must"))
    assert "bad.yaml: entry 1 (id 'x'): field 'weight'" in msg
    assert "'must'" in msg


def test_unknown_key_is_an_error(folder: Path) -> None:
    msg = error_for(folder, GOOD.replace("care-coordination", "y") + "    wieght: required\n")
    assert "entry 1 (id 'y'): field 'wieght': Extra inputs are not permitted" in msg


def test_missing_field(folder: Path) -> None:
    text = GOOD.replace("care-coordination", "z").replace(
        '    source: "Coordinate care services."\n', "")
    assert "entry 1 (id 'z'): field 'source': Field required" in error_for(folder, text)


def test_unknown_level(folder: Path) -> None:
    text = GOOD.replace("care-coordination", "w").replace("levels: all", "levels: [senior, boss]")
    assert "field 'levels': unknown level 'boss'" in error_for(folder, text)


def test_alias_must_be_text_not_number(folder: Path) -> None:
    text = GOOD.replace("care-coordination", "v").replace(
        "[coordinated care, coordinate care]", "[911]")
    assert "field 'aliases.0': Input should be a valid string (got 911)" in error_for(folder, text)


def test_duplicate_ids(folder: Path) -> None:
    msg = error_for(folder, GOOD)
    assert "entry id 'care-coordination' is also used in" in msg
    assert "bad.yaml" in msg and "core.yaml" in msg
    doubled = GOOD.replace("care-coordination", "u") + GOOD.split("entries:\n")[1].replace(
        "care-coordination", "u")
    assert "entry 2 (id 'u'): field 'id': already used by entry 1" in error_for(folder, doubled)


def test_bad_yaml_gives_line_and_column(folder: Path) -> None:
    msg = error_for(folder, "entries:\n  - id: [unclosed\n")
    assert "bad.yaml: not valid YAML at line" in msg


def test_yaml_aliases_are_refused(folder: Path) -> None:
    bomb = "a: &a [x, x]\nb: &b [*a, *a]\nentries: [*b]\n"
    assert "anchors and aliases" in error_for(folder, bomb)


def test_wrong_top_level_shape(folder: Path) -> None:
    assert "bad.yaml: must be a mapping with an 'entries:' list" in error_for(folder, "- a list\n")
    assert "field 'entries': Field required" in error_for(folder, "items: []\n")


def test_extra_file_adds_and_replaces(folder: Path,
                                      tmp_path_factory: pytest.TempPathFactory) -> None:
    extra = tmp_path_factory.mktemp("extra") / "mine.yaml"
    extra.write_text(GOOD.replace("Say whom you coordinated with.", "Mine.") + GOOD.split(
        "entries:\n")[1].replace("care-coordination", "care-transitions"), encoding="utf-8")
    catalog = load_catalog([extra], directory=folder)
    assert [k.id for k in catalog.keywords] == ["care-coordination", "care-transitions"]
    assert catalog.keywords[0].suggestion == "Mine."


def test_missing_and_non_utf8_extra_files(folder: Path, tmp_path: Path) -> None:
    with pytest.raises(CatalogError, match="no such keyword file"):
        load_catalog([tmp_path / "nope.yaml"], directory=folder)
    latin = tmp_path / "latin.yaml"
    latin.write_bytes("entries: []\n# caf\xe9\n".encode("latin-1"))
    with pytest.raises(CatalogError, match="is not UTF-8"):
        load_catalog([latin], directory=folder)


def test_json_schema_for_editors() -> None:
    schema = catalog_json_schema()
    assert schema["additionalProperties"] is False
    assert {"id", "term", "category", "weight", "levels", "source", "suggestion"} <= set(
        schema["required"])


def test_deep_nesting_and_duplicate_keys_are_refused(folder: Path) -> None:
    deep = "entries: " + "[" * 5000 + "]" * 5000 + "\n"
    assert "nested too deeply to be a keyword catalog" in error_for(folder, deep)
    twice = GOOD.replace("care-coordination", "t") + "    weight: preferred\n"
    assert "key 'weight' appears twice" in error_for(folder, twice)


def test_ladder_focus_areas_and_requirements_must_name_catalog_entries(folder: Path) -> None:
    ladder = bare_ladder()
    ladder["levels"][0]["focus_keywords"] = ["care-coordination", "care-cordination"]
    ladder["requirements"] = [{
        "id": "degree", "label": "A degree", "keywords": ["bsn"], "levels": ["assistant", "chief"],
        "weight": "required", "source": "A sentence.", "step": "Earn one."}]
    (folder / "levels.yaml").write_text(yaml.safe_dump(ladder), encoding="utf-8")
    with pytest.raises(CatalogError) as info:
        load_catalog(directory=folder)
    message = str(info.value)
    assert "requirement 1 ('degree'): field 'levels': unknown level 'chief'" in message
    ladder["requirements"][0]["levels"] = "all"
    (folder / "levels.yaml").write_text(yaml.safe_dump(ladder), encoding="utf-8")
    with pytest.raises(CatalogError) as info:
        load_catalog(directory=folder)
    message = str(info.value)
    assert "level 'assistant': field 'focus_keywords': no catalog entry has id 'care-cordination'" \
        in message
    assert "requirement 'degree': field 'keywords': no catalog entry has id 'bsn'" in message


def test_tracks_file_is_validated_and_entries_name_known_tracks(folder: Path) -> None:
    (folder / "tracks.yaml").write_text(
        "tracks:\n  - id: sdoh\n    title: SDOH Care Manager\n    reasoning: [Why.]\n"
        "    related: [care-coordination]\n", encoding="utf-8")
    catalog = load_catalog(directory=folder)
    assert catalog.track("sdoh").related == ("care-coordination",)
    assert catalog.track("sdoh").reasoning == ("Why.",)
    (folder / "core.yaml").write_text(GOOD + "    track: sdho\n", encoding="utf-8")
    with pytest.raises(CatalogError, match="field 'track': unknown track 'sdho'; tracks are: sdoh"):
        load_catalog(directory=folder)
    (folder / "tracks.yaml").write_text("tracks:\n  - id: sdoh\n    title: T\n", encoding="utf-8")
    with pytest.raises(CatalogError, match=r"tracks\.yaml: field 'tracks\.0\.reasoning'"):
        load_catalog(directory=folder)
