"""Parse-health checks on real files: what applicant-tracking systems drop or garble."""

from __future__ import annotations

import pytest

from tailor.checks import run_checks
from tailor.extract import read_resume_bytes
from tailor.models import CheckResult, Status
from tests import factories as fx
from tests.factories import CARE_BULLETS, GOOD_RESUME, docx_resume, replace_blocks

GOOD_DOCX = "Jane-Doe-Resume.docx"


def check(data: bytes, check_id: str, name: str = GOOD_DOCX) -> CheckResult:
    """Read a file and return the result of one check."""
    results = {r.id: r for r in run_checks(read_resume_bytes(data, name))}
    return results[check_id]


@pytest.fixture(scope="module")
def good_docx() -> bytes:
    return docx_resume()


@pytest.fixture(scope="module")
def good_pdf() -> bytes:
    return fx.pdf_resume()


def test_the_good_resume_passes_every_check(good_docx: bytes, good_pdf: bytes) -> None:
    for data, name in ((good_docx, GOOD_DOCX), (good_pdf, "Jane-Doe-Resume.pdf")):
        results = run_checks(read_resume_bytes(data, name))
        assert [(r.id, r.status) for r in results if r.status is not Status.PASS] == []
        assert {r.group for r in results} == {"parse", "content", "healthcare"}


# ----------------------------------------------------------------------------------------------
# readable-text, standard-sections


def test_readable_text_counts_words(good_docx: bytes) -> None:
    assert check(good_docx, "readable-text").message == "364 words of text were read."
    short = check(docx_resume([("title", "Jane Doe"), ("p", "Care manager in Ohio.")]),
                  "readable-text")
    assert short.status is Status.WARN
    assert short.message.startswith("Only 6 words of text could be read")


def test_standard_sections(good_docx: bytes) -> None:
    good = check(good_docx, "standard-sections")
    assert good.message == ("Sections recognised: summary, experience, education, skills, "
                            "certifications, other.")
    no_skills = replace_blocks(GOOD_RESUME, {"Skills": None})
    no_skills = tuple(b for b in no_skills if not b[1].startswith("Care coordination, disch"))
    assert check(docx_resume(no_skills), "standard-sections").message == (
        "No heading found for: skills.")
    bare = check(docx_resume([("p", "Jane Doe"), ("p", "Coordinated care for 40 adults.")]),
                 "standard-sections")
    assert bare.status is Status.FAIL


# ----------------------------------------------------------------------------------------------
# contact-details


def test_contact_details_found_in_the_body(good_docx: bytes) -> None:
    result = check(good_docx, "contact-details")
    assert (result.status, result.message, result.lines) == (
        Status.PASS, "Email address and phone number found (line 2).", ())


def test_contact_details_only_in_the_header_warn() -> None:
    blocks = replace_blocks(GOOD_RESUME, {
        "Columbus, OH 43215 | (614) 555-0123 | jane.doe@example.com | linkedin.com/in/janedoe":
            None})
    data = docx_resume(blocks, header="Jane Doe, RN | (614) 555-0123 | jane.doe@example.com")
    result = check(data, "contact-details")
    assert result.status is Status.WARN
    assert "only in the header (line 1)" in result.message
    assert result.lines == (1,)


def test_contact_details_in_a_text_box_warn() -> None:
    body = (fx.para("Jane Doe, RN", style="Title")
            + fx.para(runs=fx.text_box(fx.para("jane.doe@example.com | (614) 555-0123")))
            + fx.para("Experience", style="Heading1")
            + fx.para("Coordinated care for 60 adults with heart failure."))
    result = check(fx.build_docx(body), "contact-details")
    assert result.status is Status.WARN
    assert "textbox" in result.message


@pytest.mark.parametrize(("contact", "missing"), [
    ("Columbus, OH 43215 | jane.doe@example.com", "phone number"),
    ("Columbus, OH 43215 | (614) 555-0123", "email address"),
    ("Columbus, OH | 2019 - 2021 | 01/2020 – 03/2022", "email address or phone number"),
    ("jane.doe@ | 555-0123", "email address or phone number"),
])
def test_contact_details_missing_fail(contact: str, missing: str) -> None:
    blocks = replace_blocks(GOOD_RESUME, {
        "Columbus, OH 43215 | (614) 555-0123 | jane.doe@example.com | linkedin.com/in/janedoe":
            contact})
    result = check(docx_resume(blocks), "contact-details")
    assert (result.status, result.message) == (Status.FAIL, f"No {missing} found.")


@pytest.mark.parametrize("phone", ["+44 20 7946 0958", "614.555.0123", "+1 (614) 555-0123",
                                   "614-555-0123"])
def test_contact_details_phone_formats(phone: str) -> None:
    blocks = replace_blocks(GOOD_RESUME, {
        "Columbus, OH 43215 | (614) 555-0123 | jane.doe@example.com | linkedin.com/in/janedoe":
            f"jane.doe@example.com · {phone}"})
    assert check(docx_resume(blocks), "contact-details").status is Status.PASS


# ----------------------------------------------------------------------------------------------
# text-boxes, layout-tables


def test_text_boxes_point_at_their_lines(good_docx: bytes) -> None:
    body = (fx.para("Jane Doe", style="Title")
            + fx.para(runs=fx.text_box(fx.para("Skills"), fx.para("Epic, Cerner, InterQual")))
            + fx.para("Experience", style="Heading1")
            + fx.para("Coordinated care for 60 adults."))
    result = check(fx.build_docx(body), "text-boxes")
    assert result.status is Status.WARN
    assert result.lines == (2, 3)
    assert result.message.startswith("2 lines (lines 2 and 3) sit in text boxes")
    assert check(good_docx, "text-boxes").status is Status.PASS


def test_a_two_column_layout_table_warns() -> None:
    rows = [("row", f"{left} || {right}") for left, right in (
        ("Jane Doe, RN", "Experience"),
        ("jane.doe@example.com", "RN Care Manager, Mercy Health, Jan 2021 – Present"),
        ("(614) 555-0123", "Managed a caseload of 65 high-risk adults"),
        ("Skills", "Reduced 30-day readmissions by 18%"),
        ("Epic", "Staff Nurse, Riverside Hospital, Jun 2018 – Dec 2020"),
        ("InterQual", "Led discharge planning for 20 patients a week"),
        ("Education", "Licenses"),
        ("BSN, Ohio State", "Registered Nurse (RN), State of Ohio"),
    )]
    result = check(docx_resume(rows), "layout-tables")
    assert result.status is Status.WARN
    assert result.message.startswith("16 of 16 lines (100%) sit in 1 table")
    assert result.lines == tuple(range(1, 17))


def test_a_small_skills_grid_passes_with_a_note() -> None:
    grid = (("row", "Epic || Care coordination"), ("row", "Cerner || Discharge planning"))
    blocks = replace_blocks(GOOD_RESUME, {
        "Care coordination, discharge planning, motivational interviewing, utilization review "
        "with InterQual criteria, Medicare and Medicaid benefits, Microsoft Excel, "
        "conversational Spanish": grid})
    result = check(docx_resume(blocks), "layout-tables")
    assert result.status is Status.PASS
    assert result.message.startswith("A small table holds 4 lines (lines 34, 35, 36 and 37)")
    assert result.lines == ()


def test_nested_tables_warn() -> None:
    data = fx.resume_docx()  # the reader tests' resume: a skills table with a nested table
    result = check(data, "layout-tables")
    assert result.status is Status.WARN
    assert "1 table inside another" in result.message


# ----------------------------------------------------------------------------------------------
# columns


def test_docx_section_columns_are_recorded_and_warned() -> None:
    data = docx_resume(columns=2)
    resume = read_resume_bytes(data, GOOD_DOCX)
    assert resume.layout.columns == 2
    result = check(data, "columns")
    assert result.status is Status.WARN
    assert "2 newspaper columns" in result.message


def test_docx_columns_from_col_children() -> None:
    body = (fx.para("Jane Doe")
            + '<w:p><w:pPr><w:sectPr><w:cols w:equalWidth="0"><w:col w:w="3000"/>'
              '<w:col w:w="3000"/><w:col w:w="3000"/></w:cols></w:sectPr></w:pPr></w:p>'
            + fx.para("Experience", style="Heading1"))
    assert read_resume_bytes(fx.build_docx(body), GOOD_DOCX).layout.columns == 3


@pytest.mark.parametrize("num", ["1", "0", "x", "99999"])
def test_docx_one_or_odd_column_counts_are_one(num: str) -> None:
    body = fx.para("Jane Doe") + f'<w:p><w:pPr><w:sectPr><w:cols w:num="{num}"/></w:sectPr>' \
        "</w:pPr></w:p>"
    assert read_resume_bytes(fx.build_docx(body), GOOD_DOCX).layout.columns == 1


def test_pdf_sidebar_columns_are_found_from_geometry() -> None:
    data = fx.pdf_sidebar_columns()
    resume = read_resume_bytes(data, "Jane-Doe-Resume.pdf")
    assert (resume.layout.columns, resume.layout.column_pages) == (2, (1,))
    result = check(data, "columns", "Jane-Doe-Resume.pdf")
    assert result.status is Status.WARN
    assert result.message.startswith("Text on page 1 is set in columns side by side")


@pytest.mark.parametrize("label_column", [False, True])
def test_pdf_dates_beside_entries_are_not_columns(label_column: bool) -> None:
    """Right-aligned dates on title lines, or a column of dates left of the entries they
    date, read in the right order: neither is a column layout."""
    data = fx.pdf_dated_rows(label_column=label_column)
    resume = read_resume_bytes(data, "Jane-Doe-Resume.pdf")
    assert resume.layout.column_pages == ()
    assert check(data, "columns", "Jane-Doe-Resume.pdf").status is Status.PASS


def test_a_skills_grid_in_a_one_column_pdf_is_not_a_column_layout() -> None:
    import io

    from reportlab.lib.pagesizes import letter
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=letter)
    pdf.setFont("Helvetica", 10)
    y = 740.0
    pdf.drawString(72, y, "Core Competencies")
    skills = ["Care coordination", "Discharge planning", "Utilization review", "Epic",
              "Motivational interviewing", "Medicare", "Crisis intervention", "Telehealth",
              "Medicaid waivers", "InterQual", "Patient education", "Spanish",
              "Care planning", "HIPAA", "Caseload management", "Excel"]
    for left, right in zip(skills[::2], skills[1::2], strict=True):
        y -= 14
        pdf.drawString(72, y, left)
        pdf.drawString(320, y, right)
    for bullet in CARE_BULLETS * 9:
        y -= 14
        pdf.drawString(72, y, "• " + bullet + " for members across the county")
    pdf.showPage()
    pdf.save()
    assert read_resume_bytes(buffer.getvalue(), "r.pdf").layout.column_pages == ()


def test_one_column_pdf_passes(good_pdf: bytes) -> None:
    assert read_resume_bytes(good_pdf, "r.pdf").layout.columns == 1
    assert check(good_pdf, "columns", "r.pdf").message == "Text runs in a single column."


# ----------------------------------------------------------------------------------------------
# images


def test_images_in_docx_and_pdf_warn(good_docx: bytes, good_pdf: bytes) -> None:
    for data, name in ((docx_resume(picture=True), GOOD_DOCX),
                       (fx.pdf_resume(image=True), "Jane-Doe-Resume.pdf")):
        assert read_resume_bytes(data, name).layout.images == 1
        result = check(data, "images", name)
        assert result.status is Status.WARN
        assert result.message.startswith("1 image or graphic found")
        assert "photo on a US resume invites bias" in result.message
    assert check(good_docx, "images").status is Status.PASS
    assert read_resume_bytes(good_pdf, "r.pdf").layout.images == 0


# ----------------------------------------------------------------------------------------------
# section-headings


def test_unusual_headings_are_named_with_their_lines() -> None:
    blocks = replace_blocks(GOOD_RESUME, {"Experience": "My Journey", "Skills": "Toolbox"})
    result = check(docx_resume(blocks), "section-headings")
    assert result.status is Status.WARN
    assert result.lines == (5, 33)
    assert "'My Journey' (line 5), 'Toolbox' (line 33)" in result.message
    assert result.fix == ("Rename them to standard headings: 'My Journey' → Experience; "
                          "'Toolbox' → Skills.")


def test_capital_headings_in_plain_text() -> None:
    blocks = replace_blocks(GOOD_RESUME, {"Professional Summary": "WHO I AM"})
    result = check(fx.text_resume(blocks), "section-headings", "Jane-Doe-Resume.txt")
    assert result.status is Status.WARN
    assert "'WHO I AM'" in result.message
    assert "→ Summary" in result.fix


def test_employers_titles_and_lists_in_capitals_are_not_headings() -> None:
    """Headings in capitals; employers in capitals above their dates, a credential line, a
    list of skills in capitals and a name at the top are entries, not headings."""
    blocks = replace_blocks(GOOD_RESUME, {
        "Jane Doe, RN, CCM": "JANE DOE",
        "RN Care Manager, Mercy Health, Columbus, OH": (("p", "MERCY HEALTH"),
                                                        ("p", "RN Care Manager")),
        "Staff Nurse, Medical-Surgical Unit, Riverside Methodist Hospital, Columbus, OH": (
            ("p", "RIVERSIDE METHODIST"),),
        "Care coordination, discharge planning, motivational interviewing, utilization review "
        "with InterQual criteria, Medicare and Medicaid benefits, Microsoft Excel, "
        "conversational Spanish": (("p", "CARE COORDINATION"), ("p", "DISCHARGE PLANNING"),
                                   ("p", "EPIC")),
    })
    result = check(fx.text_resume(blocks), "section-headings", "Jane-Doe-Resume.txt")
    assert result.status is Status.PASS, result.message


def test_bold_job_titles_and_a_subheading_in_a_job_are_not_headings(good_docx: bytes) -> None:
    blocks = replace_blocks(GOOD_RESUME, {
        "Jan 2021 – Present": (("p", "Jan 2021 – Present"), ("p", "Key accomplishments:"))})
    assert check(docx_resume(blocks), "section-headings").status is Status.PASS
    assert check(good_docx, "section-headings").status is Status.PASS


# ----------------------------------------------------------------------------------------------
# garbled-text


def test_a_pdf_font_without_a_text_map_fails() -> None:
    lines = [text for kind, text in GOOD_RESUME if kind != "title"][:20]
    data = fx.pdf_unmapped_font(lines)
    resume = read_resume_bytes(data, "Jane-Doe-Resume.pdf")
    assert resume.layout.garbled_chars > 100
    result = check(data, "garbled-text", "Jane-Doe-Resume.pdf")
    assert result.status is Status.FAIL
    assert result.message.startswith("The text extracts as garbage (")
    assert "the PDF uses fonts without a text map" in result.message
    assert result.fix == "Export the PDF again (File > Save as PDF in Word) or send the DOCX."


def test_shifted_letters_fail_on_the_english_word_share() -> None:
    """A shift of three keeps spaces and letters: only the word test sees the garbage."""
    lines = [text for kind, text in GOOD_RESUME if kind == "bullet"]
    data = fx.pdf_unmapped_font(lines, shift=3)
    resume = read_resume_bytes(data, "Jane-Doe-Resume.pdf")
    assert resume.layout.garbled_chars == 0
    result = check(data, "garbled-text", "Jane-Doe-Resume.pdf")
    assert result.status is Status.FAIL
    assert "of the words are English words" in result.message


def test_cid_codes_in_pasted_text_fail() -> None:
    text = fx.text_resume() + b"(cid:72)(cid:68)(cid:85)(cid:87) (cid:73)(cid:68)(cid:76)\n"
    last = len(read_resume_bytes(text, "Jane-Doe-Resume.txt").lines)
    result = check(text, "garbled-text", "Jane-Doe-Resume.txt")
    assert result.status is Status.FAIL
    assert result.message.startswith("The text reads as garbage (7 '(cid:…)' glyph codes")
    assert result.lines == (last,)


def test_real_text_full_of_names_and_acronyms_passes(good_pdf: bytes) -> None:
    skills = ("p", "Epic, Cerner, Meditech, PointClickCare, InterQual, MCG, HEDIS, NCQA, CMS, "
                   "SNF, DME, LTC, PACE, SDOH, MyChart, Allscripts, athenahealth, Netsmart")
    blocks = (*GOOD_RESUME, ("h1", "Technical Skills"), skills, skills)
    assert check(fx.pdf_resume(blocks), "garbled-text", "r.pdf").status is Status.PASS
    assert check(good_pdf, "garbled-text", "r.pdf").message == "The text reads as real words."


# ----------------------------------------------------------------------------------------------
# fonts


@pytest.mark.parametrize(("font", "status", "words"), [
    ("Calibri", Status.PASS, "Fonts are standard: Calibri."),
    ("Times New Roman", Status.PASS, "Fonts are standard"),
    ("Lato", Status.PASS, "may not be installed"),
    ("Brush Script MT", Status.WARN, "decorative or script font 'Brush Script MT'"),
    ("Wingdings", Status.WARN, "symbol font 'Wingdings' used for text"),
])
def test_docx_fonts(font: str, status: Status, words: str) -> None:
    data = docx_resume(font=font)
    assert font in read_resume_bytes(data, GOOD_DOCX).layout.fonts
    result = check(data, "fonts")
    assert result.status is status
    assert words in result.message


def test_pdf_fonts_are_read_from_the_text_objects(good_pdf: bytes) -> None:
    assert read_resume_bytes(good_pdf, "r.pdf").layout.fonts == ("Helvetica", "Helvetica-Bold")
    data = fx.pdf_resume(font=fx.register_decorative_font())
    assert "DarkGardenMK" in read_resume_bytes(data, "r.pdf").layout.fonts
    result = check(data, "fonts", "r.pdf")
    assert result.status is Status.WARN
    assert "'DarkGardenMK'" in result.message


def test_symbol_fonts_in_a_pdf_are_bullets_not_text() -> None:
    from reportlab.lib.pagesizes import letter
    from reportlab.pdfgen import canvas

    buffer = __import__("io").BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=letter)
    y = 720
    for _kind, text in GOOD_RESUME[:12]:
        pdf.setFont("ZapfDingbats", 8)
        pdf.drawString(60, y, "l")
        pdf.setFont("Helvetica", 10)
        pdf.drawString(72, y, text[:90])
        y -= 14
    pdf.showPage()
    pdf.save()
    result = check(buffer.getvalue(), "fonts", "r.pdf")
    assert "ZapfDingbats" in read_resume_bytes(buffer.getvalue(), "r.pdf").layout.fonts
    assert result.status is Status.PASS


# ----------------------------------------------------------------------------------------------
# file-name, file-type


@pytest.mark.parametrize(("name", "words"), [
    ("resume.docx", "does not say whose resume it is"),
    ("Document1.docx", "does not say whose resume it is"),
    ("CV final v3 (2).docx", "looks like a working copy ('final', 'v3', '(2)')"),
    ("Jane Doe resume FINAL.docx", "looks like a working copy ('FINAL')"),
    ("José-García-Resume.docx", "has characters some systems mangle (é í)"),
    ("Jane#Doe&Resume.docx", "has characters some systems mangle (# &)"),
    ("Jane-Doe-Registered-Nurse-Care-Manager-Resume-for-Mercy-Health-2025.docx",
     "characters long"),
])
def test_file_names_that_warn(good_docx: bytes, name: str, words: str) -> None:
    result = check(good_docx, "file-name", name)
    assert result.status is Status.WARN
    assert words in result.message
    assert result.fix == ("Rename it Firstname-Lastname-Resume.docx (letters, digits and hyphens "
                          "only).")


@pytest.mark.parametrize("name", ["Jane-Doe-Resume.docx", "Jane_Doe_Resume_2025.docx",
                                  "jane doe cv.docx", "Doe Jane.docx",
                                  "Olde-Newman-Resume.docx"])
def test_file_names_that_pass(good_docx: bytes, name: str) -> None:
    assert check(good_docx, "file-name", name).status is Status.PASS


def test_a_mislabelled_file_is_named_in_the_file_name_check(good_pdf: bytes) -> None:
    result = check(good_pdf, "file-name", "Jane-Doe-Resume.docx")
    assert result.status is Status.WARN
    assert "is named .docx but is a PDF" in result.message
    assert result.fix.endswith("Resume.pdf (letters, digits and hyphens only).")


@pytest.mark.parametrize(("name", "status", "words"), [
    ("Jane-Doe-Resume.txt", Status.WARN, "plain text file"),
    ("Jane-Doe-Resume.md", Status.WARN, "Markdown file"),
])
def test_text_files_warn(name: str, status: Status, words: str) -> None:
    result = check(fx.text_resume(), "file-type", name)
    assert result.status is status
    assert words in result.message


def test_docx_and_pdf_pass_file_type(good_docx: bytes, good_pdf: bytes) -> None:
    assert check(good_docx, "file-type").status is Status.PASS
    assert check(good_pdf, "file-type", "r.pdf").status is Status.PASS
    assert check(good_docx, "file-type", "Jane-Doe-Resume.docm").status is Status.WARN
