"""The report as a Word document a planner pastes into the plan and restyles.

Real Word headings (Heading 1/2) and a built-in table style, so the municipality's own template
restyles everything; the overview diagram as a picture fitted to the page.
"""

from __future__ import annotations

import io

from docx import Document as Document_
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Emu

from maltrace.render.diagram import png_size
from maltrace.render.document import (
    Document,
    Figure,
    FigureError,
    Matrix,
    Paragraph,
    Table,
    cell_texts,
)

TABLE_STYLE = "Light List Accent 1"
# A4 with 2.5 cm margins.
_PAGE_W, _PAGE_H, _MARGIN = Cm(21.0), Cm(29.7), Cm(2.5)


def _safe(text: str) -> str:
    # XML 1.0 cannot hold most control characters; Word would refuse the file.
    return "".join(c if c in "\t\n" or ord(c) >= 0x20 else "\ufffd" for c in text)


def _add_table(doc: object, table: Table, lang: str) -> None:
    t = doc.add_table(rows=1, cols=len(table.headers))  # type: ignore[attr-defined]
    t.style = TABLE_STYLE
    for cell, text in zip(t.rows[0].cells, table.headers, strict=True):
        cell.text = _safe(text)
    for row in cell_texts(table, lang):  # type: ignore[arg-type]
        cells = t.add_row().cells
        for column, cell, text in zip(table.columns, cells, row, strict=True):
            cell.text = _safe(text)
            if column.numeric:
                cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT


def document_docx(report: Document) -> bytes:
    doc = Document_()
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = _PAGE_W, _PAGE_H
    section.left_margin = section.right_margin = _MARGIN
    section.top_margin = section.bottom_margin = _MARGIN
    doc.core_properties.title = _safe(report.title)
    doc.core_properties.language = {"nn": "nn-NO", "nb": "nb-NO", "en": "en-GB"}[report.lang]

    doc.add_heading(_safe(report.title), level=0)
    doc.add_paragraph(_safe(report.generated))
    for s in report.sections:
        doc.add_heading(_safe(s.heading), level=s.level)
        for block in s.blocks:
            if isinstance(block, Paragraph):
                doc.add_paragraph(_safe(block.text))
            elif isinstance(block, Figure):
                _add_figure(doc, block)
            elif isinstance(block, Matrix):
                continue  # the trace matrix is a sheet of the workbook
            elif block.rows:
                _add_table(doc, block, report.lang)
            else:
                doc.add_paragraph(_safe(s.empty))
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def _add_figure(doc: object, figure: Figure) -> None:
    try:
        png = figure.draw("png")
    except FigureError as exc:
        doc.add_paragraph(_safe(exc.message))  # type: ignore[attr-defined]
        return
    width, height = _fit(png_size(png))
    doc.add_picture(io.BytesIO(png), width=width, height=height)  # type: ignore[attr-defined]
    if figure.caption:
        caption = doc.add_paragraph(_safe(figure.caption))  # type: ignore[attr-defined]
        caption.style = doc.styles["Caption"]  # type: ignore[attr-defined]


def _fit(size: tuple[int, int] | None) -> tuple[Emu, Emu | None]:
    """The picture's size: the text width, or less when a tall picture would overrun the page."""
    text_w = _PAGE_W - 2 * _MARGIN
    text_h = _PAGE_H - 2 * _MARGIN - Cm(2)  # room for the caption
    if not size or not size[0]:
        return Emu(text_w), None
    w, h = size
    width = min(text_w, int(text_h * w / h))
    return Emu(width), Emu(int(width * h / w))
