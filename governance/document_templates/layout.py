"""Building blocks of the shipped Word templates: paragraphs that carry docxtpl's Jinja tags.

A tag must sit in one run for docxtpl to see it, so every tag is written as one run here.
"""

from docx.document import Document as DocxDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Pt

from core.docx import add_centered, add_heading, add_right, add_text

LEFT = WD_ALIGN_PARAGRAPH.LEFT


def tag(document: DocxDocument, statement: str) -> None:
    """Add a paragraph-level tag: «{%p for x in xs %}», «{%p endif %}» (the paragraph goes)."""
    document.add_paragraph("{%p " + statement + " %}")


def loop(document: DocxDocument, header: str, body, *, after: str = "endfor") -> None:
    """Wrap what `body()` adds in a paragraph loop or condition."""
    tag(document, header)
    body()
    tag(document, after)


def centered(document: DocxDocument, text: str, *, bold: bool = False, size: int | None = None):
    return add_centered(document, text, bold=bold, size=Pt(size) if size else None)


def heading(document: DocxDocument, text: str):
    return add_heading(document, text)


def text(
    document: DocxDocument, value: str, *, lead: str = "", indent: bool = True, left: bool = False
):
    return add_text(
        document,
        value,
        bold_prefix=lead,
        indent=indent,
        align=LEFT if left else WD_ALIGN_PARAGRAPH.JUSTIFY,
    )


def right(document: DocxDocument, value: str):
    return add_right(document, value)


def space_before(paragraph, points: int = 12):
    paragraph.paragraph_format.space_before = Pt(points)
    return paragraph


def approval_block(document: DocxDocument, *, word: str, order: str) -> None:
    """Add the block «УТВЕРЖДЕНО / приказом министерства … от __ № __» at the top right."""
    for line in (word, "приказом министерства образования", "Оренбургской области", order):
        paragraph = document.add_paragraph(line)
        paragraph.paragraph_format.left_indent = Cm(9.5)


def loop_table(
    document: DocxDocument,
    header: list[str],
    loop_header: str,
    cells: list[str],
    widths_cm: list[float],
    *,
    size: int = 11,
):
    """Add a table: a bold header row, then one row per item of `loop_header`'s loop."""
    table = document.add_table(rows=4, cols=len(header))
    table.style = "Table Grid"
    rows = table.rows
    for cell, title in zip(rows[0].cells, header, strict=True):
        run = cell.paragraphs[0].add_run(title)
        run.bold = True
        run.font.size = Pt(size)
        cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
    rows[1].cells[0].paragraphs[0].add_run("{%tr " + loop_header + " %}")
    for cell, value in zip(rows[2].cells, cells, strict=True):
        cell.paragraphs[0].add_run(value).font.size = Pt(size)
    rows[3].cells[0].paragraphs[0].add_run("{%tr endfor %}")
    table.autofit = False
    for row in rows:
        for cell, width in zip(row.cells, widths_cm, strict=True):
            cell.width = Cm(width)
    return table
