"""The report as a spreadsheet (trace matrix, links, coverage, findings) and the link list as CSV.

Plan text is data: a cell that starts with ``=``, ``+``, ``-``, ``@`` (or a tab or CR) is stored
as text with Excel's quote prefix, so it shows as written and never runs as a formula.
"""

from __future__ import annotations

import csv
import io
import re

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from maltrace.render.document import Document, Matrix, Table, Value

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
MARK = "●"
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_HEADER_FILL = PatternFill("solid", fgColor="E7E6E6")


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
    if text.startswith(FORMULA_START):
        cell.data_type = "s"
        cell.quotePrefix = True


def _sheet(ws: Worksheet, table: Table, widths: dict[int, int] | None = None) -> None:
    for c, h in enumerate(table.headers, start=1):
        _put(ws, 1, c, h)
        ws.cell(row=1, column=c).font = Font(bold=True)
        ws.cell(row=1, column=c).fill = _HEADER_FILL
    for r, row in enumerate(table.rows, start=2):
        for c, value in enumerate(row, start=1):
            _put(ws, r, c, value, table.columns[c - 1].kind)
            ws.cell(row=r, column=c).alignment = Alignment(wrap_text=True, vertical="top")
    ws.freeze_panes = "A2"
    last = get_column_letter(len(table.headers))
    ws.auto_filter.ref = f"A1:{last}{max(1, len(table.rows) + 1)}"
    for c in range(1, len(table.headers) + 1):
        longest = max(
            [len(table.headers[c - 1])] + [len(str(row[c - 1] or "")) for row in table.rows[:500]]
        )
        width = (widths or {}).get(c, min(max(longest + 2, 8), 60))
        ws.column_dimensions[get_column_letter(c)].width = width


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
        ws.cell(row=1, column=c).font = Font(bold=True)
        ws.cell(row=1, column=c).fill = _HEADER_FILL
    for i, row in enumerate(m.rows, start=2):
        for c, value in enumerate(row, start=1):
            _put(ws, i, c, value)
    for r, c in sorted(m.marks):
        ws.cell(row=r + 2, column=c + 4, value=MARK).alignment = Alignment(horizontal="center")
    ws.freeze_panes = "D2"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(m.columns) + 3)}{len(m.rows) + 1}"
    for letter, width in (("A", 12), ("B", 50), ("C", 12)):
        ws.column_dimensions[letter].width = width


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
