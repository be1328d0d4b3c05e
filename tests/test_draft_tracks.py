"""Specialization tracks in drafts: their terms lead, skeletons prompt for them, letters name
them only when the profile shows their own work."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from tailor.catalog import load_catalog
from tailor.draft import draft, run_draft, track_terms
from tailor.errors import UsageError
from tailor.profile import load_profile

REPO = Path(__file__).resolve().parent.parent
PROFILE = REPO / "examples" / "profile.yaml"
TODAY = date(2026, 11, 24)


def test_track_terms_are_own_entries_then_related_ones() -> None:
    catalog = load_catalog()
    terms = track_terms(catalog, [catalog.track("precision-medicine")])
    assert terms[:2] == ("precision-medicine", "pharmacogenomics")
    assert set(catalog.track("precision-medicine").related) <= set(terms[2:])


def test_a_skeleton_for_a_track_prompts_for_the_tracks_work() -> None:
    plain = draft(None, level="care-manager", today=TODAY)
    sdoh = draft(None, level="care-manager", today=TODAY, tracks=["sdoh"])
    assert "[Show SDOH screening & interventions:" in sdoh.resume_markup
    assert "SDOH screening" not in plain.resume_markup
    assert "[One sentence on your work or training toward Social Determinants of Health " \
           "(SDOH) Care Manager roles.]" in sdoh.letter_markup
    assert any("toward Social Determinants" in p.text for p in sdoh.placeholders)


def test_a_profile_that_shows_the_tracks_work_is_named_in_the_letter(tmp_path: Path) -> None:
    text = PROFILE.read_text(encoding="utf-8").replace(
        "screening for social determinants of health",
        "screening 600 members with PRAPARE for social determinants of health", 1)
    assert "PRAPARE" in text
    profile_file = tmp_path / "profile.yaml"
    profile_file.write_text(text, encoding="utf-8")
    result = draft(load_profile(profile_file), level="senior", today=TODAY, tracks=["sdoh"])
    assert "I am building toward a Social Determinants of Health (SDOH) Care Manager role, " \
           "with hands-on experience in SDOH screening & interventions." in result.letter_markup
    assert "sdoh-program" in result.supported
    words = len(" ".join(line[2:] for line in result.letter_markup.splitlines()
                         if line.startswith("> ")).split())
    assert 250 <= words <= 400


def test_run_draft_scores_with_the_track(tmp_path: Path) -> None:
    plain = run_draft(level="senior", profile=PROFILE, out_dir=tmp_path / "a", today=TODAY)
    vbc = run_draft(level="senior", profile=PROFILE, out_dir=tmp_path / "b", today=TODAY,
                    tracks=["value-based-care"])
    assert (tmp_path / "b" / "resume.docx").is_file()
    # the track adds its own entries (ACO, HEDIS...) the profile does not show: a lower score
    assert vbc.score < plain.score
    with pytest.raises(UsageError, match="unknown track 'vbc'"):
        run_draft(level="senior", profile=PROFILE, out_dir=tmp_path / "c", tracks=["vbc"])
    assert not (tmp_path / "c").exists()
