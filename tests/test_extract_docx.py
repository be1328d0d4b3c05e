"""Reading DOCX: body, tables, text boxes, content controls, tracked changes, notes, headers."""

from __future__ import annotations

import pytest

from tailor import docx_text
from tailor.docx_text import read_docx
from tailor.extract import read_resume_bytes
from tailor.models import FileKind, RawLine, Section, Source
from tests.factories import (
    CARE_BULLETS,
    build_docx,
    content_control,
    notes_xml,
    odd_even_headers_docx,
    para,
    picture,
    resume_docx,
    run,
    text_box,
    vml_text_box,
)


def texts(lines: list[RawLine] | tuple[RawLine, ...]) -> list[str]:
    return [line.text for line in lines]


def by_text(lines: list[RawLine], text: str) -> RawLine:
    found = [line for line in lines if line.text == text]
    assert len(found) == 1, f"{text!r} found {len(found)} times in {texts(lines)}"
    return found[0]


@pytest.fixture(params=["tree", "stream"])
def walk_mode(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Run a test over both ways of walking a part: parsed whole, and streamed."""
    if request.param == "stream":
        monkeypatch.setattr(docx_text, "_TREE_BYTES", 0)
    return str(request.param)


def test_resume_lines_sources_and_order(walk_mode: str) -> None:
    result = read_docx(resume_docx(), "resume.docx")
    assert texts(result.lines) == [
        "Jane Doe, RN | jane.doe@example.com",
        "Jane Doe, RN",
        "Springfield, IL | (555) 123-4567",
        "Professional Summary",
        "Registered nurse and certified case manager with six years of care coordination.",
        "Experience",
        "Care Manager, Mercy Health",
        "Springfield Clinic 2019 to present",
        *CARE_BULLETS,
        "Skills",
        "Epic EHR",
        "Motivational interviewing",
        "InterQual",
        "Spanish",
        "CCM certified",
        "Education",
        "BSN, State University",
        "Page 1 of 2",
    ]
    sources = {line.text: line.source for line in result.lines}
    assert sources["Jane Doe, RN | jane.doe@example.com"] is Source.HEADER
    assert sources["Page 1 of 2"] is Source.FOOTER
    assert sources["Epic EHR"] is Source.TABLE
    assert sources["CCM certified"] is Source.TABLE  # nested table
    assert sources["Experience"] is Source.BODY


def test_resume_styles_bold_and_bullets() -> None:
    lines = read_docx(resume_docx(), "resume.docx").lines
    assert by_text(lines, "Experience").style == "Heading1"
    assert by_text(lines, "Jane Doe, RN").style == "Title"
    assert by_text(lines, "Care Manager, Mercy Health").bold is True
    assert by_text(lines, "Springfield Clinic 2019 to present").bold is False
    for bullet in CARE_BULLETS:
        line = by_text(lines, bullet)
        assert line.bullet is True
        assert line.style == "ListBullet"
    assert by_text(lines, "Experience").bullet is False


def test_resume_layout() -> None:
    layout = read_docx(resume_docx(), "resume.docx").layout
    assert (layout.tables, layout.nested_tables) == (2, 1)
    assert layout.text_boxes == 0
    assert layout.images == 0
    assert "Garamond" in layout.fonts
    assert layout.pages == 1  # docProps/app.xml


def test_resume_text_gets_sections() -> None:
    resume = read_resume_bytes(resume_docx(), "resume.docx")
    assert resume.kind is FileKind.DOCX
    assert resume.name == "resume.docx"
    experience = [line.text for line in resume.section_lines(Section.EXPERIENCE)]
    assert experience[:2] == ["Care Manager, Mercy Health", "Springfield Clinic 2019 to present"]
    skills = [line.text for line in resume.section_lines(Section.SKILLS)]
    assert "CCM certified" in skills
    assert [line.number for line in resume.lines] == list(range(1, len(resume.lines) + 1))


def test_text_box_is_read_once_where_it_is_anchored(walk_mode: str) -> None:
    body = (
        para("Jane Doe")
        + para(runs=run("Contact ") + text_box(para("jane.doe@example.com"), para("Springfield")))
        + para("Experience", style="Heading1")
    )
    result = read_docx(build_docx(body), "box.docx")
    assert texts(result.lines) == [
        "Jane Doe", "jane.doe@example.com", "Springfield", "Contact", "Experience"]
    assert by_text(result.lines, "jane.doe@example.com").source is Source.TEXTBOX
    assert by_text(result.lines, "Contact").source is Source.BODY
    assert result.layout.text_boxes == 1


def test_vml_text_box_and_box_without_fallback() -> None:
    body = para(runs=vml_text_box(para("Old style box"))) + para(
        runs=text_box(para("New style box"), fallback=False))
    result = read_docx(build_docx(body), "box.docx")
    assert texts(result.lines) == ["Old style box", "New style box"]
    assert {line.source for line in result.lines} == {Source.TEXTBOX}
    assert result.layout.text_boxes == 2


def test_table_inside_text_box_and_text_box_inside_table() -> None:
    table = "<w:tbl><w:tr><w:tc>{}</w:tc></w:tr></w:tbl>"
    body = para(runs=text_box(table.format(para("Cell in a box")))) + table.format(
        para(runs=text_box(para("Box in a cell"))))
    result = read_docx(build_docx(body), "nest.docx")
    assert texts(result.lines) == ["Cell in a box", "Box in a cell"]
    assert {line.source for line in result.lines} == {Source.TEXTBOX}
    assert result.layout.tables == 2
    assert result.layout.nested_tables == 0


def test_only_the_first_choice_of_alternate_content() -> None:
    body = para(runs=(
        "<w:r><mc:AlternateContent>"
        '<mc:Choice Requires="w14">' + run("first choice") + "</mc:Choice>"
        '<mc:Choice Requires="wps">' + run("second choice") + "</mc:Choice>"
        "<mc:Fallback>" + run("fallback") + "</mc:Fallback>"
        "</mc:AlternateContent></w:r>"
    ))
    body += (
        '<mc:AlternateContent><mc:Choice Requires="w14">' + para("block choice")
        + "</mc:Choice><mc:Fallback>" + para("block fallback")
        + "</mc:Fallback></mc:AlternateContent>"
    )
    body += para(runs="<mc:AlternateContent><mc:Choice Requires=\"w14\">" + run("inline choice")
                 + "</mc:Choice><mc:Fallback>" + run("inline fallback")
                 + "</mc:Fallback></mc:AlternateContent>")
    result = read_docx(build_docx(body), "ac.docx")
    assert texts(result.lines) == ["block choice", "inline choice"]


def test_content_controls(walk_mode: str) -> None:
    body = (
        content_control(para("Jane Doe, RN"))
        + content_control(para("Click here to enter your name."), placeholder=True)
        + para(runs=run("Phone: ") + content_control(run("(555) 123-4567")))
        + para(runs=run("Email: ") + content_control(run("Type your email"), placeholder=True))
    )
    result = read_docx(build_docx(body), "sdt.docx")
    assert texts(result.lines) == ["Jane Doe, RN", "Phone: (555) 123-4567", "Email:"]
    assert result.layout.content_controls == 4


def test_tracked_changes(walk_mode: str) -> None:
    body = para(runs=(
        run("Managed a caseload of ")
        + '<w:del w:id="1" w:author="a"><w:r><w:delText>forty</w:delText></w:r></w:del>'
        + '<w:ins w:id="2" w:author="a">' + run("sixty") + "</w:ins>"
        + run(" patients")
    )) + '<w:moveFrom w:id="3"><w:r><w:t>moved away</w:t></w:r></w:moveFrom>' + para(
        runs='<w:moveTo w:id="4">' + run("moved here") + "</w:moveTo>")
    body += para(runs='<w:del w:id="5"><w:r><w:t>deleted w:t text</w:t></w:r></w:del>'
                 + run("kept"))
    result = read_docx(build_docx(body), "tracked.docx")
    assert texts(result.lines) == ["Managed a caseload of sixty patients", "moved here", "kept"]
    assert "forty" not in " ".join(texts(result.lines))
    assert result.layout.tracked_insertions == 2
    assert result.layout.tracked_deletions == 2


def test_fields_hyperlinks_smart_tags_and_special_characters() -> None:
    body = para(runs=(
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        '<w:r><w:instrText xml:space="preserve"> HYPERLINK "mailto:jane@example.com" '
        "</w:instrText></w:r>"
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        + run("jane@example.com")
        + '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    ))
    body += para(runs='<w:fldSimple w:instr=" PAGE ">' + run("Field result") + "</w:fldSimple>")
    body += para(runs='<w:hyperlink r:id="rId7">' + run("linkedin.com/in/janedoe")
                 + "</w:hyperlink>")
    body += para(runs='<w:smartTag w:element="place">' + run("Springfield") + "</w:smartTag>"
                 + '<w:customXml w:element="x">' + run(", IL") + "</w:customXml>")
    body += para(runs=(
        "<w:r><w:t>Name</w:t><w:tab/><w:t>Jane</w:t><w:br/><w:t>Second line</w:t>"
        "<w:cr/><w:t>Third</w:t></w:r>"
    ))
    body += para(runs=(
        "<w:r><w:t>follow</w:t><w:noBreakHyphen/><w:t>up co</w:t><w:softHyphen/>"
        '<w:t>ordination</w:t><w:sym w:font="Symbol" w:char="F0B7"/>'
        '<w:sym w:font="Arial" w:char="00A9"/><w:t> 2024</w:t></w:r>'
    ))
    body += para(runs='<w:ruby><w:rubyPr/><w:rt>' + run("fu ri")
                 + "</w:rt><w:rubyBase>" + run("Base") + "</w:rubyBase></w:ruby>")
    result = read_docx(build_docx(body), "fields.docx")
    assert texts(result.lines) == [
        "jane@example.com",
        "Field result",
        "linkedin.com/in/janedoe",
        "Springfield, IL",
        "Name Jane",
        "Second line",
        "Third",
        "follow-up coordination© 2024",
        "Base",
    ]


def test_footnotes_endnotes_headers_footers_order(walk_mode: str) -> None:
    data = build_docx(
        para("Body text"),
        headers=[para("Jane Doe"), para("Jane Doe"), para("JANE DOE, RN")],
        footers=[para("Page 1"), para("Page 1")],
        footnotes=notes_xml("footnote", "Licensed in Illinois and Missouri."),
        endnotes=notes_xml("endnote", "References on request."),
    )
    lines = read_docx(data, "notes.docx").lines
    assert [(line.source, line.text) for line in lines] == [
        (Source.HEADER, "Jane Doe"),
        (Source.HEADER, "JANE DOE, RN"),
        (Source.BODY, "Body text"),
        (Source.FOOTNOTE, "Licensed in Illinois and Missouri."),
        (Source.ENDNOTE, "References on request."),
        (Source.FOOTER, "Page 1"),
    ]


def test_odd_even_and_first_page_headers_are_deduplicated() -> None:
    lines = read_docx(odd_even_headers_docx(), "oe.docx").lines
    headers = [line.text for line in lines if line.source is Source.HEADER]
    assert sorted(headers) == ["JANE DOE", "Jane Doe | Care Manager"]
    assert [line.text for line in lines if line.source is Source.FOOTER] == [
        "jane.doe@example.com"]


@pytest.mark.parametrize("bom", [False, True])
def test_strict_namespace(bom: bool) -> None:
    body = para("Strict resume", style="Heading1") + para("Coordinated care", num=True)
    data = build_docx(body, strict=True, bom=bom, footnotes=notes_xml(
        "footnote", "Strict footnote", strict=True))
    lines = read_docx(data, "strict.docx").lines
    assert [(line.text, line.style, line.bullet, line.source) for line in lines] == [
        ("Strict resume", "Heading1", False, Source.BODY),
        ("Coordinated care", None, True, Source.BODY),
        ("Strict footnote", "FootnoteText", False, Source.FOOTNOTE),
    ]


def test_utf8_bom_before_declaration() -> None:
    data = build_docx(para("This XML has a byte order mark."), bom=True)
    assert texts(read_docx(data, "bom.docx").lines) == ["This XML has a byte order mark."]


def test_main_part_found_without_root_rels_and_by_other_names() -> None:
    body = para("Found it")
    assert texts(read_docx(build_docx(body, root_rels=False), "a.docx").lines) == ["Found it"]
    no_index = build_docx(body, root_rels=False, content_types=False)
    assert texts(read_docx(no_index, "b.docx").lines) == ["Found it"]
    renamed = build_docx(body, main="word/main.xml", headers=[para("Header of main")])
    assert texts(read_docx(renamed, "c.docx").lines) == ["Header of main", "Found it"]
    rootless = build_docx(body, main="content.xml", root_rels=False)
    assert texts(read_docx(rootless, "d.docx").lines) == ["Found it"]


def test_macro_enabled_and_template_packages_read_without_notes() -> None:
    data = build_docx(para("Macro resume"), macro=True)
    for name in ("cv.docm", "cv.dotx", "cv.dotm"):
        resume = read_resume_bytes(data, name)
        assert resume.text == "Macro resume"
        assert resume.notes == ()


def test_lists_by_numbering_and_style() -> None:
    body = (
        para("Numbered item", num=True)
        + '<w:p><w:pPr><w:pStyle w:val="ListBullet"/><w:numPr><w:numId w:val="0"/></w:numPr>'
        "</w:pPr>" + run("Numbering removed") + "</w:p>"
        + para("List paragraph", style="ListParagraph")
        + para("Custom bullets", style="ResumeBullets")
        + para("Plain", style="Normal")
        + para("• Typed bullet")
    )
    lines = read_docx(build_docx(body), "lists.docx").lines
    assert [(line.text, line.bullet) for line in lines] == [
        ("Numbered item", True),
        ("Numbering removed", False),
        ("List paragraph", True),
        ("Custom bullets", True),
        ("Plain", False),
        ("Typed bullet", True),
    ]


def test_bold_rules() -> None:
    body = (
        para("EXPERIENCE", bold=True)
        + para(runs='<w:r><w:rPr><w:b w:val="0"/></w:rPr><w:t>not bold</w:t></w:r>')
        + para(runs='<w:r><w:rPr><w:b w:val="false"/></w:rPr><w:t>also not</w:t></w:r>')
        + para(runs='<w:r><w:rPr><w:rStyle w:val="Strong"/></w:rPr><w:t>Strong style</w:t></w:r>')
        + para(runs=run("Bold ", bold=True) + "<w:r><w:rPr><w:b/></w:rPr><w:t> </w:t></w:r>"
               + run("and not"))
        + para(runs=run("All ", bold=True) + run("bold", bold=True) + "<w:r><w:t> </w:t></w:r>")
    )
    lines = read_docx(build_docx(body), "bold.docx").lines
    assert [(line.text, line.bold) for line in lines] == [
        ("EXPERIENCE", True),
        ("not bold", False),
        ("also not", False),
        ("Strong style", True),
        ("Bold and not", False),
        ("All bold", True),
    ]


def test_images_are_counted() -> None:
    body = para(runs=run("Photo: ") + picture()) + para(
        runs='<w:r><w:pict><v:shape><v:imagedata r:id="rId9"/></v:shape></w:pict></w:r>')
    layout = read_docx(build_docx(body), "img.docx").layout
    assert layout.images == 2


def test_comments_are_not_read() -> None:
    body = para(runs=(
        '<w:commentRangeStart w:id="0"/>' + run("Care manager")
        + '<w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r>'
    ))
    comments = '<w:comments xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    comments += '<w:comment w:id="0"><w:p><w:r><w:t>SECRET REVIEW NOTE</w:t></w:r></w:p>'
    comments += "</w:comment></w:comments>"
    data = build_docx(body, extra={"word/comments.xml": comments})
    assert texts(read_docx(data, "c.docx").lines) == ["Care manager"]


def test_mojibake_is_repaired_and_noted() -> None:
    data = build_docx(para("Itâ€™s a cafÃ© job") + para("Plain line"))
    result = read_docx(data, "moji.docx")
    assert texts(result.lines) == ["It's a café job", "Plain line"]
    assert result.notes == ["repaired garbled characters (mojibake) in 1 line"]


def test_xml_character_references_and_entities() -> None:
    body = para("Tom &amp; Jerry &lt;RN&gt; &#x2022; caf&#233;")
    assert texts(read_docx(build_docx(body), "e.docx").lines) == ["Tom & Jerry <RN> • café"]


def test_empty_paragraphs_and_empty_document() -> None:
    data = build_docx(para("") + para("   ") + para("Only line"))
    assert texts(read_docx(data, "e.docx").lines) == ["Only line"]
    assert read_docx(build_docx(""), "empty.docx").lines == []
