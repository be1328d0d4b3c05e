"""normalize_line, strip_bullet and continues_line: one clean line out of whatever a file held."""

from __future__ import annotations

import re

import docx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tailor.normalize import (
    continues_line,
    looks_like_mojibake,
    normalize_line,
    normalize_line_checked,
    strip_bullet,
)

XML_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("  Care   manager\t\tRN \n", "Care manager RN"),
        ("a\x00b\x07c\x1bd\x7fe", "abcde"),
        ("page\x0cbreak\x0bhere", "page break here"),
        ("", ""),
        ("   ", ""),
    ],
)
def test_ascii_fast_path(raw: str, clean: str) -> None:
    assert normalize_line(raw) == clean


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("Itâ€™s a cafÃ© job", "It's a café job"),
        ("2019 â€“ 2021", "2019 – 2021"),
        ("â€œCare coordinationâ€\x9d", '"Care coordination"'),
    ],
)
def test_repairs_mojibake(raw: str, clean: str) -> None:
    assert looks_like_mojibake(raw)
    assert normalize_line_checked(raw) == (clean, True)


@pytest.mark.parametrize(
    "text", ["Señor café naïve résumé", "São Paulo, Zürich", "Ærø — Ñandú", "Größe ½"]
)
def test_leaves_real_accents_alone(text: str) -> None:
    repaired = normalize_line_checked(text)[1]
    assert repaired is False
    assert normalize_line(text).split()[0] == text.split(maxsplit=1)[0]


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("ﬁnancial ﬂow", "financial flow"),
        ("Care\u00a0Manager\u2007RN\u3000CCM", "Care Manager RN CCM"),
        ("ＲＮ，ＣＣＭ", "RN,CCM"),
        ("Epic™ and Cerner®", "Epic™ and Cerner®"),
        ("\u2018case\u2019 \u201cmanagement\u201d", "'case' \"management\""),
        ("2019 – 2021 — present", "2019 – 2021 — present"),
        ("follow\u2011up and re\u2010admission", "follow-up and re-admission"),
        ("care\u00admanagement", "caremanagement"),
        ("zero\u200bwidth\ufeff\u2060joined", "zerowidthjoined"),
        ("\u202bمدير الرعاية\u202c", "مدير الرعاية"),
        ("\u200fעברית\u200e RN", "עברית RN"),
        ("🩺 Nurse 👩\u200d⚕\ufe0f", "🩺 Nurse 👩\u200d⚕\ufe0f"),
        ("a\u200db", "ab"),
        ("line\u2028separator\x85next", "line separator next"),
        ("bad\ufffe\uffff\ud800chars\x9f", "badchars"),
        ("  leading and trailing  ", "leading and trailing"),
    ],
)
def test_normalises_unicode(raw: str, clean: str) -> None:
    assert normalize_line(raw) == clean


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("• Coordinated care", ("Coordinated care", True)),
        ("•Coordinated care", ("Coordinated care", True)),
        ("\uf0b7 Symbol font bullet", ("Symbol font bullet", True)),
        ("\uf0a7\tWingdings bullet", ("\tWingdings bullet".strip(), True)),
        ("➢ Arrow", ("Arrow", True)),
        ("✓ Check", ("Check", True)),
        ("- dash item", ("dash item", True)),
        ("* star item", ("star item", True)),
        ("o Courier o bullet", ("Courier o bullet", True)),
        ("– en dash item", ("en dash item", True)),
        ("-5 degrees", ("-5 degrees", False)),
        ("organized", ("organized", False)),
        ("– 2021", ("– 2021", False)),
        ("*", ("*", False)),
        ("•", ("", True)),
        ("", ("", False)),
    ],
)
def test_strip_bullet(line: str, expected: tuple[str, bool]) -> None:
    assert strip_bullet(line) == expected


@pytest.mark.parametrize(
    ("previous", "line", "wraps"),
    [
        ("Managed care for patients with heart", "failure and COPD", True),
        ("Coordinated services for veterans,", "Families and caregivers", True),
        ("Discharge planning and", "Utilization Review", True),
        ("Worked with the", "Interdisciplinary team", True),
        ("Case management &", "Care Coordination", True),
        ("Reduced readmissions by 18%.", "improved scores", False),
        ("Skills:", "care coordination", False),
        ("Jane Doe, RN", "jane.doe@example.com", False),
        ("Jane Doe", "linkedin.com/in/janedoe", False),
        ("Experience", "Care Manager", False),
        ("", "anything", False),
    ],
)
def test_continues_line(previous: str, line: str, wraps: bool) -> None:
    assert continues_line(previous, line) is wraps


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_any_text_becomes_one_clean_xml_safe_line(text: str) -> None:
    clean = normalize_line(text)
    assert XML_FORBIDDEN.search(clean) is None
    assert clean == clean.strip()
    assert "  " not in clean
    assert "\n" not in clean
    assert "\u00ad" not in clean
    if not looks_like_mojibake(clean):  # ftfy may read junk like "Ü†" as more mojibake
        assert normalize_line(clean) == clean


@settings(max_examples=100, deadline=None)
@given(st.lists(st.text(), min_size=1, max_size=5))
def test_python_docx_accepts_normalised_text(texts: list[str]) -> None:
    document = docx.Document()
    for text in texts:
        paragraph = document.add_paragraph(normalize_line(text))
        assert paragraph.text == normalize_line(text)
