"""The catalog's example bullets: one per career band the entry counts at, each showing its entry.

Every entry in keywords/*.yaml carries `examples:` with up to three resume bullets (`early`,
`mid`, `lead`). These tests hold the rules keywords/README.md gives for them: the bands follow the
entry's levels, each bullet contains the term or an alias in a form the matcher recognises, the
person's own facts are bracketed placeholders from a small vocabulary (never invented numbers),
and experience bullets open with a past-tense action verb.
"""

from __future__ import annotations

import re

import pytest

from tailor.catalog import load_catalog
from tailor.match import KeywordMatcher
from tailor.models import BANDS, Category, Keyword, Line, Section, Source
from tailor.nlp import build_pipeline

CATALOG = load_catalog()
NLP = build_pipeline()

# Which example band a ladder level reads (the same mapping as `band:` in levels.yaml).
LEVEL_BAND = {"assistant": "early", "care-manager": "mid", "senior": "mid", "lead": "lead",
              "supervisor": "lead", "director": "lead"}

# The placeholders a bullet may use; keywords/README.md lists the same words.
PLACEHOLDERS = {
    "[number]", "[percent]", "[dollar amount]", "[timeframe]", "[date]", "[year]",
    "[month year]", "[state]", "[university]", "[field]", "[employer]", "[EHR system]",
    "[population]",
}
_PLACEHOLDER = re.compile(r"\[[^\[\]]*\]")

# Openings that describe a job instead of an achievement.
WEAK_OPENINGS = {"helped", "responsible", "worked", "duties", "tasked", "involved", "participated",
                 "various"}
# Past-tense verbs that do not end in -ed.
IRREGULAR_PAST = {"led", "co-led", "built", "ran", "held", "kept", "oversaw", "taught", "made",
                  "wrote", "drove", "set", "cut", "won", "met", "brought", "sought", "grew"}

# Licences, certifications, memberships and degrees are listed, not narrated: their examples are
# Licenses & Certifications or Education lines, not experience bullets.
LISTING_CATEGORIES = {Category.CREDENTIAL, Category.EDUCATION}

ALL_EXAMPLES = [(kw, band, text) for kw in CATALOG.keywords for band, text in kw.examples]


def _example_id(item: tuple[Keyword, str, str]) -> str:
    return f"{item[0].id}-{item[1]}"


def test_every_entry_has_examples() -> None:
    assert [kw.id for kw in CATALOG.keywords if not kw.examples] == []
    assert len(ALL_EXAMPLES) >= 2 * len(CATALOG.keywords)


def test_every_level_names_its_band() -> None:
    assert {lvl.name: lvl.band for lvl in CATALOG.levels} == LEVEL_BAND


@pytest.mark.parametrize("kw", CATALOG.keywords, ids=lambda k: k.id)
def test_examples_cover_exactly_the_bands_of_the_entrys_levels(kw: Keyword) -> None:
    expected = {LEVEL_BAND[level] for level in kw.levels}
    bands = [band for band, _ in kw.examples]
    assert len(bands) == len(set(bands)), f"{kw.id}: a band is given twice"
    assert set(bands) == expected, f"{kw.id}: levels {kw.levels} need bands {sorted(expected)}"
    assert set(bands) <= set(BANDS)


@pytest.mark.parametrize("item", ALL_EXAMPLES, ids=_example_id)
def test_each_example_shows_its_own_entry(item: tuple[Keyword, str, str]) -> None:
    kw, band, text = item
    line = Line(1, text, Source.BODY, Section.EXPERIENCE)
    (result,) = KeywordMatcher((kw,), NLP).find([line])
    assert result.found, f"{kw.id} ({band}): {text!r} shows neither {kw.term!r} nor an alias"


@pytest.mark.parametrize("item", ALL_EXAMPLES, ids=_example_id)
def test_examples_invent_no_facts(item: tuple[Keyword, str, str]) -> None:
    """Numbers, dates, places and schools are the person's to give: digits only in brackets."""
    kw, band, text = item
    used = set(_PLACEHOLDER.findall(text))
    assert used <= PLACEHOLDERS, f"{kw.id} ({band}): unknown placeholder {used - PLACEHOLDERS}"
    rest = _PLACEHOLDER.sub(" ", text)
    assert "[" not in rest and "]" not in rest, f"{kw.id} ({band}): unbalanced brackets"
    assert not re.search(r"\d", rest), f"{kw.id} ({band}): a digit outside a placeholder"
    assert "$" not in rest and "%" not in rest, f"{kw.id} ({band}): write [dollar amount]/[percent]"


@pytest.mark.parametrize("item", ALL_EXAMPLES, ids=_example_id)
def test_examples_are_single_lines_of_sensible_length(item: tuple[Keyword, str, str]) -> None:
    kw, band, text = item
    assert "\n" not in text and text == " ".join(text.split()), f"{kw.id} ({band})"
    assert text[0].isupper(), f"{kw.id} ({band}): start with a capital"
    if kw.category not in LISTING_CATEGORIES:
        assert 12 <= len(text.split()) <= 28, f"{kw.id} ({band}): bullets run 12-28 words"
        assert text.endswith("."), f"{kw.id} ({band}): end the bullet with a full stop"


@pytest.mark.parametrize("item", ALL_EXAMPLES, ids=_example_id)
def test_experience_bullets_open_with_a_past_tense_action_verb(
        item: tuple[Keyword, str, str]) -> None:
    kw, band, text = item
    first = text.split()[0].strip(",.;:").lower()
    assert first not in WEAK_OPENINGS, f"{kw.id} ({band}): {first!r} is a weak opening"
    if kw.category not in LISTING_CATEGORIES:
        assert first.endswith("ed") or first in IRREGULAR_PAST, (
            f"{kw.id} ({band}): open with a past-tense action verb, not {first!r}")


def test_only_the_generic_ehr_entry_stands_a_placeholder_for_a_tool() -> None:
    """A tool entry names its product; '[EHR system]' is fine only where the tool is generic."""
    misuse = [kw.id for kw, _, text in ALL_EXAMPLES
              if kw.category is Category.TOOL and kw.id != "ehr" and "[EHR system]" in text]
    assert misuse == []


def test_examples_do_not_repeat_across_entries() -> None:
    """The same bullet may serve several bands of one entry, but not two entries."""
    owner: dict[str, str] = {}
    clashes = [(text, owner[text], kw.id) for kw, _, text in ALL_EXAMPLES
               if owner.setdefault(text, kw.id) != kw.id]
    assert clashes == []
