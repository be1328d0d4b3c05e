"""Odd Unicode in resumes neither breaks matching nor any report format."""

from __future__ import annotations

import json

import pytest
from docx import Document

from tailor.api import check_resume
from tailor.catalog import load_catalog
from tailor.extract import read_resume_bytes
from tailor.report import render

from . import factories

ODD = [
    "Jos\u00e9 \u05db\u05d4\u05df \u0645\u0631\u064a\u0645, RN \U0001F469\u200d\u2695\ufe0f",
    "jose@example.com \u00b7 (614)\u00a0555\u20110142",
    "Experience",
    "Coordinated\u00a0care for 40 adults \u2014 \u201cteach\u2011back\u201d education \u2728",
    "E\ufb00ective discharge plan\u00adning with Certi\ufb01ed Case Manager guidance",
    "\u202bManaged a caseload of 50 in Epic\u202c and \u2066HIPAA\u2069-compliant charting",
    "Skills",
    "Motivational\u2003interviewing \u2022 Microsoft\u00a0Office \u2022 \U0001F4CB care plans",
]


@pytest.fixture(scope="module")
def report():  # type: ignore[no-untyped-def]
    doc = Document()
    for text in ODD:
        doc.add_paragraph(text)
    resume = read_resume_bytes(factories.save(doc), "odd.docx")
    return check_resume(resume, catalog=load_catalog())


def test_odd_unicode_still_matches(report) -> None:  # type: ignore[no-untyped-def]
    found = {r.keyword.id for r in report.keywords if r.found}
    assert {"care-coordination", "discharge-planning", "caseload-management", "epic", "hipaa",
            "motivational-interviewing", "microsoft-office", "care-planning",
            "patient-education", "registered-nurse"} <= found


@pytest.mark.parametrize("fmt", ["text", "json", "markdown"])
def test_every_format_renders_odd_unicode(report, fmt: str) -> None:  # type: ignore[no-untyped-def]
    out = render(report, fmt)
    assert "\u202b" not in out and "\u00ad" not in out  # controls were removed on reading
    if fmt == "json":
        data = json.loads(out)
        assert any("\u05db\u05d4\u05df" in e["text"] for k in data["keywords"]
                   for e in k["evidence"])
    else:
        assert "Epic" in out
