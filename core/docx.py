"""Building blocks of the portal's formal .docx documents (Times New Roman, Russian layout)."""

import io
from collections.abc import Sequence

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from docx.table import Table
from docx.text.paragraph import Paragraph

FONT = "Times New Roman"
BODY_SIZE = Pt(14)
TABLE_SIZE = Pt(11)


def _set_font(style, size: Pt) -> None:
    style.font.name = FONT
    style.font.size = size
    fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
    for attribute in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attribute), FONT)


def new_document(*, landscape: bool = False) -> DocxDocument:
    """Return an empty A4 document with the margins and font of official papers."""
    document = Document()
    section = document.sections[0]
    section.page_height, section.page_width = Cm(29.7), Cm(21)
    if landscape:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_height, section.page_width = section.page_width, section.page_height
    section.left_margin = Cm(3)
    section.right_margin = Cm(1.5)
    section.top_margin = section.bottom_margin = Cm(2)
    normal = document.styles["Normal"]
    _set_font(normal, BODY_SIZE)
    normal.paragraph_format.space_after = Pt(0)
    normal.paragraph_format.line_spacing = 1.15
    document.core_properties.language = "ru-RU"
    return document


def add_landscape_section(document: DocxDocument) -> None:
    """Start a new page in landscape orientation (wide tables of appendices)."""
    section = document.add_section(WD_SECTION.NEW_PAGE)
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Cm(29.7), Cm(21)
    section.left_margin = section.right_margin = Cm(2)
    section.top_margin = section.bottom_margin = Cm(1.5)


def add_centered(
    document: DocxDocument, text: str, *, bold: bool = False, size: Pt | None = None
) -> Paragraph:
    """Add a centred line (titles, headers)."""
    paragraph = document.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = paragraph.add_run(text)
    run.bold = bold
    if size is not None:
        run.font.size = size
    return paragraph


def add_heading(document: DocxDocument, text: str) -> Paragraph:
    """Add a bold centred section heading with space around it."""
    paragraph = add_centered(document, text, bold=True)
    paragraph.paragraph_format.space_before = Pt(12)
    paragraph.paragraph_format.space_after = Pt(6)
    paragraph.paragraph_format.keep_with_next = True
    return paragraph


def add_text(
    document: DocxDocument,
    text: str,
    *,
    bold_prefix: str = "",
    indent: bool = True,
    align: WD_ALIGN_PARAGRAPH = WD_ALIGN_PARAGRAPH.JUSTIFY,
) -> Paragraph:
    """Add a justified paragraph with a first-line indent; an optional bold lead-in."""
    paragraph = document.add_paragraph()
    paragraph.alignment = align
    if indent:
        paragraph.paragraph_format.first_line_indent = Cm(1.25)
    if bold_prefix:
        paragraph.add_run(bold_prefix).bold = True
    paragraph.add_run(text)
    return paragraph


def add_right(document: DocxDocument, text: str) -> Paragraph:
    """Add a right-aligned line (approval stamps, appendix marks)."""
    paragraph = document.add_paragraph(text)
    paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    return paragraph


def add_table(
    document: DocxDocument,
    header: Sequence[str],
    rows: Sequence[Sequence[str]],
    *,
    widths_cm: Sequence[float] | None = None,
) -> Table:
    """Add a bordered table with a bold, repeated header row."""
    table = document.add_table(rows=1, cols=len(header))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for cell, title in zip(table.rows[0].cells, header, strict=True):
        cell.text = ""
        run = cell.paragraphs[0].add_run(title)
        run.bold = True
        run.font.size = TABLE_SIZE
        cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
    # Repeat the header on every page the table spans.
    table.rows[0]._tr.get_or_add_trPr().append(_element("w:tblHeader"))
    for values in rows:
        cells = table.add_row().cells
        for cell, value in zip(cells, values, strict=True):
            cell.text = ""
            cell.paragraphs[0].add_run(str(value)).font.size = TABLE_SIZE
    if widths_cm:
        # Word reads the cells' widths, LibreOffice the grid's: set both.
        table.autofit = False
        for column, width in zip(table.columns, widths_cm, strict=True):
            column.width = Cm(width)
        for row in table.rows:
            for cell, width in zip(row.cells, widths_cm, strict=True):
                cell.width = Cm(width)
    return table


def _element(tag: str):
    element = OxmlElement(tag)
    element.set(qn("w:val"), "true")
    return element


def add_signature(document: DocxDocument, post: str, name: str) -> Paragraph:
    """Add a signature line: the post on the left, a blank and the name on the right."""
    paragraph = document.add_paragraph()
    paragraph.paragraph_format.space_before = Pt(18)
    paragraph.paragraph_format.tab_stops.add_tab_stop(Cm(8.5))
    # Non-breaking spaces keep «Иванова А. П.» on the signature line.
    name = name.replace(" ", "\u00a0")
    paragraph.add_run(f"{post}\t_______________ {name}".rstrip())
    return paragraph


def add_page_numbers(document: DocxDocument) -> None:
    """Number the pages at the top centre from the second page on, as official papers do.

    Later sections (a landscape appendix) inherit the numbered header and keep counting.
    """
    section = document.sections[0]
    section.different_first_page_header_footer = True
    paragraph = section.header.paragraphs[0]
    paragraph.text = ""
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = paragraph.add_run()
    for tag, text in (("begin", None), (None, "PAGE"), ("end", None)):
        if tag:
            char = OxmlElement("w:fldChar")
            char.set(qn("w:fldCharType"), tag)
            run._r.append(char)
        else:
            instruction = OxmlElement("w:instrText")
            instruction.set(qn("xml:space"), "preserve")
            instruction.text = text
            run._r.append(instruction)
    run.font.size = Pt(12)


def to_bytes(document: DocxDocument) -> bytes:
    """Return the document as the bytes of a .docx file."""
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


DOCX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
