"""The report document as a Word file a planner pastes into the plan and restyles.

- The document's own styles: Title, Heading 1/2, Caption, a paragraph style "Table Text" for
  cells and a built-in table style; a kommune's template (``template=``, ``maltrace report
  --template``) brings its own, and only styles it lacks are added.
- Tables span the text width; column widths follow the column kinds and the cells
  (``_docx_layout``): ids, numbers, dates and statuses narrow and never wrapped, titles wide, no
  word broken. The header row repeats on every page and a row is never split across pages.
- A report section holding a ``wide`` table or the trace matrix is a landscape section.
- Page numbers ("Side 3 av 12") in the footer, and contents whose page numbers are fields
  pointing at the headings' bookmarks (Word and LibreOffice both fill them in).
"""

from __future__ import annotations

import io
import os
import re
import zipfile
from collections.abc import Sequence
from pathlib import Path
from xml.sax.saxutils import escape

from docx import Document as open_docx
from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import parse_xml
from docx.section import Section as DocxSection
from docx.shared import Cm, Emu, Pt
from docx.text.paragraph import Paragraph as DocxParagraph

from maltrace.errors import MaltraceError
from maltrace.i18n import Lang, t
from maltrace.render.document.docx_layout import Layout, column_widths, orientations
from maltrace.render.document.docx_pictures import (
    _MARGIN,
    _PAGE_H,
    _PAGE_W,
    _add_figure,
    _text_box,
    pictures_hashed_once,
)
from maltrace.render.document.docx_text import _W, _runs, _safe
from maltrace.render.document.model import (
    Column,
    Document,
    Figure,
    Matrix,
    Paragraph,
    Table,
    cell_texts,
)

TABLE_STYLE = "Light List Accent 1"
CELL_STYLE = "Table Text"
FONT = "Arial"  # metric-compatible with Liberation Sans and the bundled Arimo used to measure
_ALERT_FILL = "FBE3E3"
# The trace matrix in Word: at most this many following nodes across one table (more go to the
# next table, goals repeated), and no matrix at all past this many cells (see the workbook).
MATRIX_COLUMNS_PER_TABLE = 30
# A table keeps its header and this many first rows on one page.
KEPT_FIRST_ROWS = 3
MATRIX_MAX_CELLS = 20_000


class TemplateError(MaltraceError, ValueError):
    """The Word template cannot be used; ``message`` says why."""

    code = "bad-template"
    key = "doc.bad_template"

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(path=path, reason=reason)
        self.path, self.reason = path, reason


def document_docx(report: Document, template: str | os.PathLike[str] | None = None) -> bytes:
    """``report`` as the bytes of a .docx; with ``template``, in that document's styles, page
    and footer (its body text is left out)."""
    doc = _open(template)
    _ensure_styles(doc, restyle=template is None)
    section = doc.sections[-1]
    if template is None:
        _portrait(section)
        _footer(section, report.lang)
    elif not any(p.text.strip() for p in section.footer.paragraphs):
        _footer(section, report.lang)
    doc.core_properties.title = _safe(report.title)
    language = {"nn": "nn-NO", "nb": "nb-NO", "en": "en-GB"}[report.lang]
    doc.core_properties.language = language
    _set_language(doc, language)

    _paragraph(doc, report.title, "Title")
    _paragraph(doc, report.generated, None)
    turns = orientations(report)
    landscape = False
    if template is None and turns and turns[0]:
        # a report of wide tables only is landscape from its first page
        _set_orientation(section, landscape=True)
        landscape = True
    _toc(doc, report)
    # Pictures go in last, into paragraphs kept for them: meanwhile they are drawn in the
    # background (see ``Figure.prepare``) while the rest of the document is built.
    pictures: list[tuple[Figure, DocxParagraph, tuple[int, int]]] = []
    for s, wide in zip(report.sections, turns, strict=True):
        if wide != landscape:
            _turn(doc, landscape=wide)
            landscape = wide
        _paragraph(doc, s.heading, f"Heading {min(max(s.level, 1), 3)}", bookmark=_mark(s.key))
        # what is kept on a picture's page before it (EMU): the heading, the lines under it
        lead: int = Cm(1.5)
        for i, block in enumerate(s.blocks):
            if isinstance(block, Paragraph):
                lead += int(Cm(0.5 * (1 + len(block.text) // 90) + 0.4))
                # the lines that introduce a picture stay on the picture's page
                rest = [b for b in s.blocks[i + 1 :] if not isinstance(b, Paragraph)]
                keep = bool(rest) and isinstance(rest[0], Figure)
                _paragraph(
                    doc,
                    block.text,
                    None,
                    bold=block.style == "headline",
                    small=block.style == "small",
                    keep=keep,
                )
            elif isinstance(block, Figure):
                place = doc.add_paragraph()
                caption = "" if block.titled else block.caption
                if caption:  # the picture keeps to its caption's page
                    place.paragraph_format.keep_with_next = True
                box = _text_box(doc.sections[-1])
                if not block.emf:  # a chart: two to a page, landscape or not
                    box = (box[0], box[1] // 2 - Cm(1))
                elif lead:  # a diagram shares its page with the lines kept before it (and
                    # with its caption, when it has one: the box keeps room for it)
                    back = 0 if caption else Cm(2)
                    box = (box[0], max(box[1] - lead + back, box[1] // 2))
                lead = 0
                pictures.append((block, place, box))
                if caption:
                    _paragraph(doc, caption, "Caption")
            elif isinstance(block, Matrix):
                lead = 0
                _add_matrix(doc, block, report.lang)
            elif block.rows:
                lead = 0
                _add_table(doc, block, report.lang)
            elif s.empty:
                _paragraph(doc, s.empty, None)
    with pictures_hashed_once():
        for figure, place, box in pictures:
            _add_figure(place, figure, box)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def _open(template: str | os.PathLike[str] | None) -> DocxDocument:
    if template is None:
        return open_docx()
    name = str(template)
    try:
        data = Path(name).read_bytes()
    except OSError as exc:
        raise TemplateError(name, exc.strerror or str(exc)) from None
    try:
        doc = open_docx(io.BytesIO(_as_document(data)))
    except Exception as exc:  # not a Word document (python-docx raises several kinds)
        raise TemplateError(name, type(exc).__name__) from None
    body = doc.element.body
    for child in list(body):
        if child.tag != f"{{{_W}}}sectPr":
            body.remove(child)
    return doc


_TEMPLATE_TYPE = b"wordprocessingml.template.main+xml"
_DOCUMENT_TYPE = b"wordprocessingml.document.main+xml"


def _as_document(data: bytes) -> bytes:
    """A Word template (.dotx, as kommunar keep theirs) read as a document: the same package
    with the main part's content type changed, which is all that tells the two apart."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            types = z.read("[Content_Types].xml")
            if _TEMPLATE_TYPE not in types:
                return data
            out = io.BytesIO()
            with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as w:
                for item in z.infolist():
                    content = z.read(item.filename)
                    if item.filename == "[Content_Types].xml":
                        content = content.replace(_TEMPLATE_TYPE, _DOCUMENT_TYPE)
                    w.writestr(item, content)
            return out.getvalue()
    except (zipfile.BadZipFile, KeyError):
        return data  # python-docx says what is wrong with it


def _ensure_styles(doc: DocxDocument, *, restyle: bool) -> None:
    styles = doc.styles
    names = {s.name for s in styles}
    if restyle:
        # One font everywhere, the one the column widths are measured in.
        for name in ("Normal", "Title", "Heading 1", "Heading 2", "Heading 3", "Caption"):
            if name in names:
                font = styles[name].font
                font.name = FONT
                rfonts = styles[name].element.rPr.rFonts
                for attr in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"):
                    rfonts.attrib.pop(f"{{{_W}}}{attr}", None)
        styles["Normal"].font.size = Pt(10)
    if CELL_STYLE not in names:
        cell = styles.add_style(CELL_STYLE, WD_STYLE_TYPE.PARAGRAPH)
        cell.base_style = styles["Normal"]
        cell.font.size = Pt(9)
        cell.paragraph_format.space_before = Pt(0)
        cell.paragraph_format.space_after = Pt(0)
        cell.paragraph_format.line_spacing = 1.0
    if "TOC Heading" not in names and "Heading 1" in names:
        toc = styles.add_style("TOC Heading", WD_STYLE_TYPE.PARAGRAPH)
        toc.base_style = styles["Heading 1"]
        # Body text level, as Word's own TOC Heading: the contents do not list themselves.
        toc.element.get_or_add_pPr().append(parse_xml(f'<w:outlineLvl xmlns:w="{_W}" w:val="9"/>'))


def _set_language(doc: DocxDocument, language: str) -> None:
    """The text's language, in the document's defaults: what spelling checkers and screen
    readers go by (the core properties' language alone is not)."""
    rpr = doc.styles.element.find(f"{{{_W}}}docDefaults/{{{_W}}}rPrDefault/{{{_W}}}rPr")
    if rpr is None:
        defaults = doc.styles.element.find(f"{{{_W}}}docDefaults")
        if defaults is None:
            defaults = parse_xml(f'<w:docDefaults xmlns:w="{_W}"/>')
            doc.styles.element.insert(0, defaults)
        wrapper = parse_xml(f'<w:rPrDefault xmlns:w="{_W}"><w:rPr/></w:rPrDefault>')
        defaults.insert(0, wrapper)
        rpr = wrapper[0]
    lang = rpr.find(f"{{{_W}}}lang")
    if lang is None:
        lang = parse_xml(f'<w:lang xmlns:w="{_W}"/>')
        rpr.append(lang)
    lang.set(f"{{{_W}}}val", language)


def _style_id(doc: DocxDocument, name: str | None) -> str | None:
    """The id of the style called ``name`` in ``doc``, None when it has none (looked up once
    per document: python-docx searches the styles part on every lookup)."""
    if name is None:
        return None
    ids: dict[str, str] | None = getattr(doc, "_maltrace_style_ids", None)
    if ids is None:
        ids = {s.name: escape(s.style_id, {'"': "&quot;"}) for s in doc.styles if s.name}
        doc._maltrace_style_ids = ids  # type: ignore[attr-defined]
    return ids.get(name)


def _portrait(section: DocxSection) -> None:
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = _PAGE_W, _PAGE_H
    section.left_margin = section.right_margin = _MARGIN
    section.top_margin = section.bottom_margin = _MARGIN


def _text_width_pt(section: DocxSection) -> float:
    width = (section.page_width or _PAGE_W) - (section.left_margin or 0)
    width -= section.right_margin or 0
    return float(Emu(width).pt)


def _append(doc: DocxDocument, xml: str) -> None:
    body = doc.element.body
    body.sectPr.addprevious(parse_xml(xml))


def _mark(key: str) -> str:
    """The bookmark of a report section's heading (what the contents point at): a name Word
    accepts (letters, digits, underscores, at most 40 characters)."""
    return "_Toc_" + re.sub(r"\W", "_", key, flags=re.ASCII)[:35]


def _paragraph(
    doc: DocxDocument,
    text: str,
    style: str | None,
    *,
    bold: bool = False,
    bookmark: str = "",
    keep: bool = False,
    small: bool = False,
) -> None:
    sid = _style_id(doc, style)
    props = (f'<w:pStyle w:val="{sid}"/>' if sid else "") + ("<w:keepNext/>" if keep else "")
    ppr = f"<w:pPr>{props}</w:pPr>" if props else ""
    rpr = "<w:rPr><w:b/></w:rPr>" if bold else ""
    if small:  # 8 pt, grey: where the report came from
        rpr = '<w:rPr><w:color w:val="595959"/><w:sz w:val="16"/></w:rPr>'
    runs = _runs(text, rpr, keep_ids=True)
    if bookmark:
        n = _next_bookmark(doc)
        runs = f'<w:bookmarkStart w:id="{n}" w:name="{bookmark}"/>{runs}<w:bookmarkEnd w:id="{n}"/>'
    _append(doc, f'<w:p xmlns:w="{_W}">{ppr}{runs}</w:p>')


def _next_bookmark(doc: DocxDocument) -> int:
    n: int = getattr(doc, "_maltrace_bookmarks", 0) + 1
    doc._maltrace_bookmarks = n  # type: ignore[attr-defined]
    return n


def _field(instr: str, cached: str = "", dirty: bool = False) -> str:
    flag = ' w:dirty="true"' if dirty else ""
    return (
        f'<w:r><w:fldChar w:fldCharType="begin"{flag}/></w:r>'
        f'<w:r><w:instrText xml:space="preserve"> {instr} </w:instrText></w:r>'
        f'<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        f"{cached}"
        f'<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )


def _footer(section: DocxSection, lang: Lang) -> None:
    """ "Side 3 av 12", centred: the words from the catalogue, the numbers Word's fields."""
    section.footer.is_linked_to_previous = False
    footer = section.footer
    for p in list(footer.paragraphs):
        p._p.getparent().remove(p._p)
    before, _, rest = t("doc.page_of", lang).partition("{page}")
    middle, _, after = rest.partition("{pages}")
    runs = (
        _runs(before)
        + _field("PAGE", "<w:r><w:t>1</w:t></w:r>")
        + _runs(middle)
        + _field("NUMPAGES", "<w:r><w:t>1</w:t></w:r>")
        + _runs(after)
    )
    footer._element.append(
        parse_xml(f'<w:p xmlns:w="{_W}"><w:pPr><w:jc w:val="center"/></w:pPr>{runs}</w:p>')
    )


def _toc(doc: DocxDocument, report: Document) -> None:
    """The contents: each heading (levels 1 and 2), linked to it, with its page number as a
    PAGEREF field to the heading's bookmark. Not a TOC field: LibreOffice shows a TOC field's
    saved result as it is (no page numbers, since none can be known when writing), while it
    works a PAGEREF out as it lays out the pages; Word updates the fields (marked dirty) on
    opening. A planner who wants Word's own contents inserts them over this list."""
    _paragraph(doc, report.toc, "TOC Heading" if _style_id(doc, "TOC Heading") else "Heading 1")
    sections = [s for s in report.sections if s.level <= 2]
    tab = round(_text_width_pt(doc.sections[-1]) * 20)
    paragraphs = []
    for s in sections:
        mark = _mark(s.key)
        style = _style_id(doc, f"toc {min(s.level, 2)}")
        ppr = (
            "<w:pPr>"
            + (f'<w:pStyle w:val="{style}"/>' if style else "")
            + f'<w:tabs><w:tab w:val="right" w:leader="dot" w:pos="{tab}"/></w:tabs>'
            + (f'<w:ind w:left="{220 * (s.level - 1)}"/>' if s.level > 1 else "")
            + '<w:spacing w:after="40"/></w:pPr>'
        )
        entry = (
            f'<w:hyperlink w:anchor="{mark}" w:history="1">{_runs(s.heading, keep_ids=True)}'
            "<w:r><w:tab/></w:r>"
            + _field(f"PAGEREF {mark} \\h", "", dirty=True)  # filled in by Word, LibreOffice
            + "</w:hyperlink>"
        )
        paragraphs.append(f'<w:p xmlns:w="{_W}">{ppr}{entry}</w:p>')
    for p in paragraphs:
        _append(doc, p)


# -- tables ------------------------------------------------------------------------------------


def _turn(doc: DocxDocument, *, landscape: bool) -> None:
    """A new section from here, on a landscape (or again portrait) page."""
    _set_orientation(doc.add_section(WD_SECTION.NEW_PAGE), landscape=landscape)


def _set_orientation(section: DocxSection, *, landscape: bool) -> None:
    width, height = section.page_width, section.page_height
    if width is not None and height is not None and (width < height) == landscape:
        section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = height, width


def _add_table(doc: DocxDocument, table: Table, lang: Lang) -> None:
    cells = cell_texts(table, lang)
    width = _text_width_pt(doc.sections[-1])
    layout = column_widths(table.columns, cells, width)
    alerts = [table.alert(i) for i in range(len(cells))]
    _append(doc, _table_xml(doc, table.columns, cells, layout, alerts))


def _table_xml(
    doc: DocxDocument,
    columns: Sequence[Column],
    cells: Sequence[Sequence[str]],
    layout: Layout,
    alerts: Sequence[bool],
    rotate_from: int | None = None,
) -> str:
    twips = [round(w * 20) for w in layout.widths]
    style = _style_id(doc, TABLE_STYLE) or _style_id(doc, "Table Grid")
    cell_style = _style_id(doc, CELL_STYLE)
    rpr = "" if layout.size == 9 else f'<w:rPr><w:sz w:val="{round(layout.size * 2)}"/></w:rPr>'
    ppr_style = f'<w:pStyle w:val="{cell_style}"/>' if cell_style else ""
    out = [
        f'<w:tbl xmlns:w="{_W}"><w:tblPr>',
        f'<w:tblStyle w:val="{style}"/>' if style else "",
        f'<w:tblW w:w="{sum(twips)}" w:type="dxa"/><w:tblLayout w:type="fixed"/>',
        '<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="0" '
        'w:lastColumn="0" w:noHBand="0" w:noVBand="1"/></w:tblPr><w:tblGrid>',
        *(f'<w:gridCol w:w="{w}"/>' for w in twips),
        "</w:tblGrid>",
    ]

    # A table starts with its header and first rows together: one that starts at the foot of a
    # page with a single row, its header repeated over the rest, lost those rows in
    # LibreOffice (Word breaks it right).
    kept = KEPT_FIRST_ROWS
    keep_next = "<w:keepNext/>"

    def cell(text: str, i: int, alert: bool, header: bool, keep: bool = False) -> str:
        column = columns[i]
        tcpr = f'<w:tcW w:w="{twips[i]}" w:type="dxa"/>'
        if alert:
            tcpr += f'<w:shd w:val="clear" w:color="auto" w:fill="{_ALERT_FILL}"/>'
        if column.nowrap and not header:
            tcpr += "<w:noWrap/>"
        if header and rotate_from is not None and i >= rotate_from:
            tcpr += '<w:textDirection w:val="btLr"/>'
        jc = '<w:jc w:val="right"/>' if column.numeric else ""
        if column.kind == "mark" or (rotate_from is not None and i >= rotate_from):
            jc = '<w:jc w:val="center"/>'
        return (
            f"<w:tc><w:tcPr>{tcpr}</w:tcPr><w:p><w:pPr>{ppr_style}{keep_next if keep else ''}{jc}"
            "</w:pPr>"
            f"{_runs(text, rpr, keep_ids=True)}</w:p></w:tc>"
        )

    header_row = "".join(
        cell(c.header, i, False, True, keep=bool(cells)) for i, c in enumerate(columns)
    )
    out.append(f"<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>{header_row}</w:tr>")
    for n, (row, alert) in enumerate(zip(cells, alerts, strict=True)):
        keep = n < kept - 1  # the last row of a kept run is kept with nothing after it
        tds = "".join(cell(text, i, alert, False, keep) for i, text in enumerate(row))
        out.append(f"<w:tr><w:trPr><w:cantSplit/></w:trPr>{tds}</w:tr>")
    out.append("</w:tbl>")
    return "".join(out)


def _add_matrix(doc: DocxDocument, m: Matrix, lang: Lang) -> None:
    """Goals down, following nodes across (ids, turned up), ● where linked; in a landscape
    section, split across tables when there are many columns. Too big for pages: a note."""
    if len(m.rows) * max(len(m.columns), 1) > MATRIX_MAX_CELLS:
        _paragraph(
            doc, t("doc.matrix_too_big", lang, rows=len(m.rows), columns=len(m.columns)), None
        )
        return
    width = _text_width_pt(doc.sections[-1])
    chunks = [
        m.columns[i : i + MATRIX_COLUMNS_PER_TABLE]
        for i in range(0, len(m.columns), MATRIX_COLUMNS_PER_TABLE)
    ] or [()]
    for k, chunk in enumerate(chunks):
        first = k * MATRIX_COLUMNS_PER_TABLE
        columns = (
            Column(m.corner, "id"),
            Column(m.row_headers[0]),
            Column(m.row_headers[1], "id"),
            *(Column(nid, "mark") for nid, _, _ in chunk),
        )
        cells = [
            [gid, title, plan]
            + ["●" if (r, first + j) in m.marks else "" for j in range(len(chunk))]
            for r, (gid, title, plan) in enumerate(m.rows)
        ]
        # Turned headers take the height of the id, the width of one line.
        layout = column_widths([*columns[:3], *(Column("", "mark") for _ in chunk)], cells, width)
        if k:
            _paragraph(doc, "", None)
        _append(doc, _table_xml(doc, columns, cells, layout, [False] * len(cells), 3))
