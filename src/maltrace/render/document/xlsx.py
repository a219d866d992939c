"""The report as a spreadsheet (trace matrix, links, coverage, findings) and the link list as CSV.

Plan text is data: a cell that starts with ``=``, ``+``, ``-``, ``@`` (or a tab or CR) is stored
as text with Excel's quote prefix, so it shows as written and never runs as a formula.

Numbers are numbers (counts as integers, ratios as 0.722 with a percent format). Rows to
highlight (``row_alert``) are shown by conditional formatting on the values where one column
tells them apart (a status such as "Ikkje følgd opp", or a ratio under 100 %), so the highlight
follows the planner's own edits and sorting; otherwise on the rows themselves. Every sheet
prints on A4, fitted to the page width, with its header row (and the matrix's goal columns)
repeated on every page.
"""

from __future__ import annotations

import csv
import io
import re

from openpyxl import Workbook
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont
from openpyxl.comments import Comment
from openpyxl.formatting.rule import FormulaRule
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from maltrace.render.document.model import Document, Matrix, SheetChart, Table, Value
from maltrace.render.marked import Marked

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
MARK = "●"
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_HEADER_FILL = PatternFill("solid", fgColor="E7E6E6")
# The workbook's own body font, named: a bold font with no family prints in the office suite's
# fallback (a serif in LibreOffice) beside sans-serif body cells.
_HEADER_FONT = Font(name="Calibri", bold=True)
_ALERT_FILL = PatternFill(start_color="FBE3E3", end_color="FBE3E3", fill_type="solid")
_ALERT_FONT = Font(color="9C0006")
# A sheet wider than this (in Excel's character widths) prints in landscape.
_PORTRAIT_MAX_WIDTH = 100


def _put(ws: Worksheet, row: int, col: int, value: Value, kind: str = "text") -> None:
    cell = ws.cell(row=row, column=col)
    if value is None:
        return
    if not isinstance(value, str):
        cell.value = value
        if kind == "ratio":
            cell.number_format = "0.0%"
        return
    text = _ILLEGAL.sub("\ufffd", value)
    cell.value = text
    if isinstance(value, Marked) and len(value.pieces) > 1:
        cell.value = _rich(value)
        return
    if text.startswith(FORMULA_START):
        cell.data_type = "s"
        cell.quotePrefix = True


def _rich(value: Marked) -> CellRichText:
    """Removed words struck out, added ones underlined, commands in a fixed font (rich text:
    never a formula, whatever the first piece)."""
    blocks: list[str | TextBlock] = []
    for op, piece in value.pieces:
        text = _ILLEGAL.sub("\ufffd", piece)
        # Fonts named (and sized), or LibreOffice sets the styled pieces in a serif.
        if op == "-":
            font = InlineFont(rFont="Calibri", sz=11, strike=True, color="9C0006")
            blocks.append(TextBlock(font, text))
        elif op == "+":
            font = InlineFont(rFont="Calibri", sz=11, u="single", color="1F4E79")
            blocks.append(TextBlock(font, text))
        elif op == "`":
            blocks.append(TextBlock(InlineFont(rFont="Courier New", sz=11), text))
        else:
            blocks.append(text)
    return CellRichText(blocks)


def _sheet(ws: Worksheet, table: Table, widths: dict[int, int] | None = None) -> None:
    for c, h in enumerate(table.headers, start=1):
        _put(ws, 1, c, h)
        ws.cell(row=1, column=c).font = _HEADER_FONT
        ws.cell(row=1, column=c).fill = _HEADER_FILL
    for r, row in enumerate(table.rows, start=2):
        for c, value in enumerate(row, start=1):
            _put(ws, r, c, value, table.columns[c - 1].kind)
            ws.cell(row=r, column=c).alignment = Alignment(wrap_text=True, vertical="top")
    ws.freeze_panes = "A2"
    last = get_column_letter(len(table.headers))
    ws.auto_filter.ref = f"A1:{last}{max(1, len(table.rows) + 1)}"
    total = 0.0
    widths_used: list[float] = []
    for c in range(1, len(table.headers) + 1):
        longest = max(len(str(row[c - 1] or "")) for row in table.rows[:500]) if table.rows else 0
        if table.columns[c - 1].kind == "ratio":
            longest = 7
        width = (widths or {}).get(
            c, min(max(longest + 2, _header_width(table.headers[c - 1]), 8), 60)
        )
        ws.column_dimensions[get_column_letter(c)].width = width
        widths_used.append(width)
        total += width
    _row_heights(ws, table, widths_used)
    _alerts(ws, table)
    _print_setup(ws, landscape=total > _PORTRAIT_MAX_WIDTH)


def _header_width(header: str) -> float:
    """Room for a bold header and the filter button beside it (else the next header covers
    its end)."""
    return -(-len(header) * 11 // 10) + 3


# Points per line of 11-point text, and characters per unit of column width (an average letter
# is narrower than the "0" Excel measures widths in).
_LINE_PT = 15.0
_CHARS_PER_WIDTH = 1.1


def _lines(value: object, width: float) -> int:
    """Lines a text takes in a wrapping column ``width`` units wide (an estimate)."""
    if not isinstance(value, str) or (len(value) <= width and "\n" not in value):
        return 1
    per_line = max(int((width - 1) * _CHARS_PER_WIDTH), 1)
    return sum(-(-max(len(part), 1) // per_line) for part in value.split("\n"))


def _row_heights(ws: Worksheet, table: Table, widths: list[float]) -> None:
    """Heights for rows whose text wraps: LibreOffice (and Excel, until a row is edited) keeps
    the default height of a row with none, and wrapped lines then print over each other."""
    for r, row in enumerate(table.rows, start=2):
        lines = max(
            (_lines(value, width) for value, width in zip(row, widths, strict=True)), default=1
        )
        if lines > 1:
            ws.row_dimensions[r].height = min(lines * _LINE_PT, 409)


# Column-width units one landscape A4 page holds at about 60 %, the smallest scale that still
# reads on paper: a wider sheet (the matrix of a whole kommune) is printed across more pages,
# its goal columns repeated on each.
_PAGE_WIDTH_UNITS = 240


def _print_setup(
    ws: Worksheet, *, landscape: bool, title_cols: str | None = None, width: float = 0
) -> None:
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth = max(1, -(-int(width) // _PAGE_WIDTH_UNITS))
    ws.page_setup.fitToHeight = 0  # as many pages down as it takes
    ws.print_title_rows = "1:1"
    if title_cols:
        ws.print_title_cols = title_cols


def _formula_text(value: str) -> str:
    return '"' + value.replace('"', '""') + '"'


def _alerts(ws: Worksheet, table: Table) -> None:
    """Conditional formatting for the rows ``table`` marks: on a status column whose values
    tell alert rows from the rest, else on a ratio under 1, else on those very rows."""
    rows = len(table.rows)
    if not rows or not any(table.alert(i) for i in range(rows)):
        return
    last = get_column_letter(len(table.columns))
    area = f"A2:{last}{rows + 1}"
    formula = None
    for c, column in enumerate(table.columns):
        if column.kind != "status":
            continue
        alert = {str(r[c]) for i, r in enumerate(table.rows) if table.alert(i)}
        calm = {str(r[c]) for i, r in enumerate(table.rows) if not table.alert(i)}
        if alert and not alert & calm and len(alert) <= 3:
            ref = f"${get_column_letter(c + 1)}2"
            tests = [f"{ref}={_formula_text(v)}" for v in sorted(alert)]
            formula = tests[0] if len(tests) == 1 else f"OR({','.join(tests)})"
            break
    if formula is None:
        ratio = next((c for c, col in enumerate(table.columns) if col.kind == "ratio"), None)
        if ratio is not None and all(
            table.alert(i) == (isinstance(r[ratio], (int, float)) and float(r[ratio]) < 1)  # type: ignore[arg-type]
            for i, r in enumerate(table.rows)
        ):
            ref = f"${get_column_letter(ratio + 1)}2"
            formula = f"AND(ISNUMBER({ref}),{ref}<1)"
    if formula is not None:
        ws.conditional_formatting.add(
            area, FormulaRule(formula=[formula], fill=_ALERT_FILL, font=_ALERT_FONT)
        )
    else:
        _static_alert(ws, [table.alert(i) for i in range(rows)], last)


def _static_alert(ws: Worksheet, alerts: list[bool], last: str) -> None:
    """Highlight these rows (data from row 2) as they are: runs of rows as ranges."""
    ranges: list[str] = []
    start = None
    for i, alert in enumerate([*alerts, False]):
        if alert and start is None:
            start = i
        elif not alert and start is not None:
            ranges.append(f"A{start + 2}:{last}{i + 1}")
            start = None
    if ranges:
        ws.conditional_formatting.add(
            " ".join(ranges), FormulaRule(formula=["TRUE"], fill=_ALERT_FILL, font=_ALERT_FONT)
        )


# Line styles that tell the series apart without colour: solid, dashed, dotted.
_DASHES = ("solid", "dash", "sysDot", "lgDash")
_MARKERS = ("circle", "none", "diamond", "none")


def _chart(ws: Worksheet, table: Table, spec: SheetChart, index: int) -> None:
    """A native scatter-with-lines chart beside the table, one under the other."""
    from openpyxl.chart import Reference, ScatterChart, Series

    first, last = spec.rows[0] + 2, spec.rows[1] + 1  # sheet rows: header is row 1
    if last < first:
        return
    chart = ScatterChart()
    chart.title = spec.title[:250]
    chart.style = 2
    chart.height, chart.width = 7, 14
    chart.x_axis.title = table.headers[spec.x]
    chart.y_axis.title = spec.y_title or None
    chart.x_axis.delete = False
    chart.y_axis.delete = False
    chart.x_axis.number_format = "0"
    xs = Reference(ws, min_col=spec.x + 1, min_row=first, max_row=last)
    for n, y in enumerate(spec.ys):
        ys = Reference(ws, min_col=y + 1, min_row=first, max_row=last)
        series = Series(ys, xs, title=table.headers[y])
        series.graphicalProperties.line.solidFill = "000000" if n == 0 else "808080"
        series.graphicalProperties.line.dashStyle = _DASHES[n % len(_DASHES)]
        series.graphicalProperties.line.width = 22000 if n == 0 else 15000
        series.marker.symbol = _MARKERS[n % len(_MARKERS)]
        series.smooth = False
        chart.series.append(series)
    anchor = f"{get_column_letter(len(table.columns) + 2)}{2 + index * 15}"
    ws.add_chart(chart, anchor)


def document_xlsx(doc: Document) -> bytes:
    wb = Workbook()
    first = True
    for sheet in doc.workbook_sheets():
        if first:
            ws = wb.active
            assert ws is not None
            ws.title = _sheet_name(sheet.name)
            first = False
        else:
            ws = wb.create_sheet(_sheet_name(sheet.name))
        if isinstance(sheet.table, Matrix):
            _matrix(ws, sheet.table)
        else:
            _sheet(ws, sheet.table)
            for i, chart in enumerate(sheet.charts):
                _chart(ws, sheet.table, chart, i)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def _matrix(ws: Worksheet, m: Matrix) -> None:
    """Goals down (id, title, plan), following nodes across (id; title in a comment)."""
    headers = (m.corner, *m.row_headers)
    for c, h in enumerate(headers, start=1):
        _put(ws, 1, c, h)
    for j, (nid, title, plan) in enumerate(m.columns, start=4):
        _put(ws, 1, j, nid)
        ws.cell(row=1, column=j).alignment = Alignment(text_rotation=90, horizontal="center")
        ws.cell(row=1, column=j).comment = Comment(
            _ILLEGAL.sub("\ufffd", f"{title} ({plan})"), "maltrace"
        )
        ws.column_dimensions[get_column_letter(j)].width = 4
    for c in range(1, len(m.columns) + 4):
        ws.cell(row=1, column=c).font = _HEADER_FONT
        ws.cell(row=1, column=c).fill = _HEADER_FILL
    title_width = 50
    for i, row in enumerate(m.rows, start=2):
        for c, value in enumerate(row, start=1):
            _put(ws, i, c, value)
        # A long title wraps onto the lines its row is given, instead of being cut.
        ws.cell(row=i, column=2).alignment = Alignment(wrap_text=True, vertical="top")
        ws.cell(row=i, column=1).alignment = Alignment(vertical="top")
        ws.cell(row=i, column=3).alignment = Alignment(vertical="top")
        lines = _lines(row[1], title_width)
        if lines > 1:
            ws.row_dimensions[i].height = min(lines * _LINE_PT, 409)
    for r, c in sorted(m.marks):
        ws.cell(row=r + 2, column=c + 4, value=MARK).alignment = Alignment(
            horizontal="center", vertical="top"
        )
    ws.freeze_panes = "D2"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(m.columns) + 3)}{len(m.rows) + 1}"
    for letter, width in (("A", 12), ("B", title_width), ("C", 12)):
        ws.column_dimensions[letter].width = width
    # Turned ids need the height of the longest (about 6 points a character at 11 points).
    longest = max((len(nid) for nid, _, _ in m.columns), default=4)
    ws.row_dimensions[1].height = min(max(longest * 6.5 + 8, 30), 400)
    if m.row_alert:
        _static_alert(
            ws, [i < len(m.row_alert) and m.row_alert[i] for i in range(len(m.rows))], "C"
        )
    _print_setup(ws, landscape=True, title_cols="A:C", width=74 + 4 * len(m.columns))


def _sheet_name(name: str) -> str:
    # Excel: at most 31 characters, none of []:*?/\
    return re.sub(r"[\[\]:*?/\\]", " ", name)[:31]


def csv_cell(value: str) -> str:
    """A CSV cell that a spreadsheet shows as written: a leading quote defuses formulas."""
    return "'" + value if value.startswith(FORMULA_START) else value


def document_csv(doc: Document) -> bytes:
    """The document's one table (the link list of a report); semicolon-separated with a BOM, as
    Norwegian Excel opens it."""
    table = doc.csv_table
    assert table is not None
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter=";", lineterminator="\r\n")
    writer.writerow([csv_cell(h) for h in table.headers])
    for row in table.rows:
        writer.writerow([csv_cell("" if v is None else str(v)) for v in row])
    return ("\ufeff" + buf.getvalue()).encode("utf-8")
