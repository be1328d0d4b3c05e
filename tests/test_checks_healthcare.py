"""Healthcare checks on real files: licences, EHR systems, and patient privacy (PHI)."""

from __future__ import annotations

import pytest

from tailor.checks import run_checks
from tailor.extract import read_resume_bytes
from tailor.models import CheckResult, Status
from tests import factories as fx
from tests.factories import GOOD_RESUME, docx_resume, replace_blocks

NAME = "Jane-Doe-Resume.docx"
RN_LINE = "Registered Nurse (RN), State of Ohio, License #123456"
CCM_LINE = "Certified Case Manager (CCM), Commission for Case Manager Certification, 2022"
BULLET = ("Coordinated care with 12 specialists, home health agencies and behavioral health "
          "providers for members with complex needs.")
EPIC = ("Documented assessments and care plans in Epic (Healthy Planet) in line with HIPAA and "
        "health-plan requirements.")
TRAINED = "Trained 8 new graduate nurses on documentation in Epic and on fall prevention."


def check(data: bytes, check_id: str, name: str = NAME) -> CheckResult:
    return {r.id: r for r in run_checks(read_resume_bytes(data, name))}[check_id]


def changed(changes: dict[str, tuple[tuple[str, str], ...] | str | None]) -> bytes:
    return docx_resume(replace_blocks(GOOD_RESUME, changes))


# ----------------------------------------------------------------------------------------------
# licensure


def test_licences_in_their_section_and_after_the_name_pass() -> None:
    result = check(docx_resume(), "licensure")
    assert result.status is Status.PASS
    assert result.message == "Credentials listed: 'RN', 'CCM' (lines 1, 28 and 29)."
    assert result.lines == ()


def test_a_licence_only_in_passing_warns() -> None:
    data = changed({"Jane Doe, RN, CCM": "Jane Doe", RN_LINE: None, CCM_LINE: None})
    result = check(data, "licensure")
    assert result.status is Status.WARN
    assert result.message.startswith(
        "'RN', 'CCM' appear only in passing (lines 4 and 6), not in a Licenses & "
        "Certifications section or after your name.")
    assert result.lines == (4, 6)


def test_no_licence_at_all_warns_with_the_standard_form() -> None:
    data = changed({"Jane Doe, RN, CCM": "Jane Doe", RN_LINE: None, CCM_LINE: None,
                    "RN Care Manager, Mercy Health, Columbus, OH": "Care Manager, Mercy Health",
                    GOOD_RESUME[3][1]: "Care coordinator with six years of experience."})
    result = check(data, "licensure")
    assert result.status is Status.WARN
    assert result.message.startswith("No licence or certification found")
    assert result.fix.startswith(
        "List each licence as 'Registered Nurse (RN), State of Ohio, License #…'.")


@pytest.mark.parametrize(("changes", "words", "line"), [
    ({"Jane Doe, RN, CCM": "Jane Doe, R.N., CCM"}, "written with periods ('R.N.')", 1),
    ({RN_LINE: "rn, state of ohio, license #123456"}, "written in lower case ('rn')", 28),
    ({RN_LINE: "Registered nurse license #123456"}, "a licence is given without the issuing "
                                                    "state", 28),
    ({RN_LINE: "LCSW, License #12345"}, "without the issuing state", 28),
])
def test_unusually_written_licences_warn(changes: dict[str, str], words: str,
                                         line: int) -> None:
    result = check(changed(dict(changes)), "licensure")
    assert result.status is Status.WARN
    assert words in result.message
    assert line in result.lines


@pytest.mark.parametrize("state", ["State of Ohio", "OH", "Texas", "Multistate (NLC) compact"])
def test_a_licence_with_its_state_passes(state: str) -> None:
    data = changed({RN_LINE: f"Registered Nurse (RN), {state}, License #123456"})
    assert check(data, "licensure").status is Status.PASS


def test_pending_credentials_are_noted_but_not_held() -> None:
    student = changed({
        "Jane Doe, RN, CCM": "Jane Doe",
        "RN Care Manager, Mercy Health, Columbus, OH": "Care Manager, Mercy Health",
        GOOD_RESUME[3][1]: "Nursing student with two years as a patient care technician.",
        RN_LINE: "Registered Nurse (RN) expected May 2026; NCLEX-RN scheduled June 2026",
        CCM_LINE: None})
    result = check(student, "licensure")
    assert result.status is Status.PASS
    assert "'RN', 'NCLEX' marked pending or expected (line 28): not yet held" in result.message
    eligible = check(changed({"Jane Doe, RN, CCM": "Jane Doe, RN",
                              CCM_LINE: "Certified Case Manager (CCM) eligible, 2026"}),
                     "licensure")
    assert eligible.status is Status.PASS
    assert "'CCM' marked pending or expected (line 29)" in eligible.message
    assert eligible.message.startswith("Credentials listed: 'RN' (lines 1 and 28).")


# ----------------------------------------------------------------------------------------------
# ehr-systems


def test_a_named_ehr_passes() -> None:
    result = check(docx_resume(), "ehr-systems")
    assert (result.status, result.message, result.lines) == (
        Status.PASS, "EHR systems named: Epic (line 13).", ())


@pytest.mark.parametrize(("text", "named"), [
    ("Charted in Cerner PowerChart for 20 patients a shift.", "Cerner, PowerChart"),
    ("Charted in Oracle Health for 20 patients a shift.", "Oracle Health"),
    ("Used PointClickCare and MatrixCare in 2 skilled nursing facilities.",
     "MatrixCare, PointClickCare"),
    ("Documented in eClinicalWorks and athenahealth across 3 clinics.",
     "athenahealth, eClinicalWorks"),
    ("Documented in Netsmart myAvatar for 30 behavioral health clients.", "Netsmart, myAvatar"),
])
def test_other_named_systems_pass(text: str, named: str) -> None:
    result = check(changed({EPIC: text, TRAINED: "Trained 8 new graduate nurses."}),
                   "ehr-systems")
    assert result.status is Status.PASS
    assert result.message.startswith(f"EHR systems named: {named} (")


def test_only_a_generic_ehr_warns() -> None:
    data = changed({EPIC: "Documented care plans in the EHR for 65 members.",
                    TRAINED: "Trained 8 new nurses on electronic health record documentation."})
    result = check(data, "ehr-systems")
    assert result.status is Status.WARN
    assert result.message == ("An EHR is mentioned only generically (lines 13 and 18), without "
                              "the system's name.")
    assert result.lines == (13, 18)


def test_no_ehr_and_the_word_epic_warn() -> None:
    data = changed({EPIC: "Led an epic effort to cut readmissions by 18% in one year.",
                    TRAINED: "Trained 8 new graduate nurses."})
    result = check(data, "ehr-systems")
    assert result.status is Status.WARN
    assert result.message.startswith("No electronic health record system is named")


# ----------------------------------------------------------------------------------------------
# patient-privacy


@pytest.mark.parametrize(("text", "kind"), [
    ("Cared for patient John Smith after hip surgery and arranged home health.",
     "names a patient"),
    ("Coordinated discharge for client Maria Lopez to a skilled nursing facility.",
     "names a patient"),
    ("Advocated for resident Mrs. Okafor during 3 care conferences.", "names a patient"),
    ("Supported patient J.S. through 6 months of chemotherapy.", "names a patient"),
    ("Called patient Grace Hopkins daily after discharge.", "names a patient"),
    ("Verified MRN 00482913 before each of 40 telephone assessments.",
     "holds a medical record number"),
    ("Reconciled MR# 55120 records with the pharmacy.", "holds a medical record number"),
    ("Admitted a member, DOB 03/14/1957, with heart failure.", "holds a date of birth"),
    ("Followed a veteran born 3/14/57 through 4 admissions.", "holds a date of birth"),
    ("Entered SSN 123-45-6789 for Medicaid enrolment.", "holds a Social Security number"),
    ("Admitted Mr. Jones to room 412 after a fall.", "gives a room or bed with a name"),
])
def test_phi_is_flagged_without_echoing_it(text: str, kind: str) -> None:
    result = check(changed({BULLET: text}), "patient-privacy")
    assert result.status is Status.WARN
    assert f"line 11 looks like it {kind}" in result.message
    assert result.lines == (11,)
    for secret in ("John", "Smith", "Maria", "Okafor", "J.S.", "Grace", "00482913", "55120",
                   "1957", "3/14", "123-45-6789", "Jones", "412"):
        assert secret not in result.message
    assert result.fix == ("Describe patients only in aggregate ('45 adults with heart "
                          "failure'); never put PHI on a resume.")


@pytest.mark.parametrize("text", [
    "Worked as a Patient Navigator for 200 oncology patients a year.",
    "Served as Patient Advocate on a 30-bed unit, raising patient satisfaction 12%.",
    "Patient Care Technician on a busy telemetry unit with 12 patients per shift.",
    "Member Services Representative for 4,000 Medicaid members.",
    "Resident Assistant for 40 students in university housing.",
    "Enrolled 300 patients with Medicare Advantage plans in care management.",
    "Coordinated care for members across Franklin County and Delaware County.",
    "Reduced patient wait times by 20 minutes in the Patient Access department.",
    "Led the Patient Family Advisory Council of 12 members.",
    "Educated 45 adults with heart failure on daily weights.",
    "Supported residents in a 120-bed skilled nursing facility and 14 assisted living rooms.",
    "Reported to Dr. Smith, medical director of 3 clinics.",
    "Met monthly with Ms. Rivera, nurse manager, to review 40 charts.",
    "Admitted 25 outpatients Monday through Friday.",
    "Reached 90% of members by phone (614-555-0123) within 2 days of discharge.",
    "Cut Medicaid enrolment time from 45-60 days to 2-3 weeks.",
    "Kept bed occupancy at 92% on a 28-bed unit.",
    "Raised patient Press Ganey scores from 71% to 88% in one year.",
    "Served clients Monday through Friday at 3 community sites.",
    "Enrolled members Humana and Aetna had flagged as high risk, 120 in all.",
    "Screened patients COVID-19 positive for home monitoring, 300 in 2021.",
    "Supported clients Spanish-speaking and new to the US health system, 80 a year.",
    "Worked as Patient Scheduler and Patient Registrar for 2 clinics.",
    "Member of the Patient Safety Committee for 3 years.",
    "Patient Protection and Affordable Care Act enrolment for 200 residents of Ohio.",
])
def test_ordinary_care_sentences_are_not_phi(text: str) -> None:
    result = check(changed({BULLET: text}), "patient-privacy")
    assert result.status is Status.PASS, result.message


def test_the_good_resume_and_its_pdf_are_clean() -> None:
    assert check(docx_resume(), "patient-privacy").status is Status.PASS
    assert check(fx.pdf_resume(), "patient-privacy", "r.pdf").message == (
        "No patient-identifying details found.")


def test_several_phi_lines_are_all_named() -> None:
    data = changed({BULLET: "Cared for patient John Smith after hip surgery.",
                    TRAINED: "Verified MRN 1234567 at each visit."})
    result = check(data, "patient-privacy")
    assert result.lines == (11, 18)
    assert result.message == (
        "Possible protected health information: line 11 looks like it names a patient; line 18 "
        "looks like it holds a medical record number.")
