"""The shared report document: typed cells become the right text or number in every medium."""

from __future__ import annotations

import datetime as dt

import pytest
from openpyxl import load_workbook

from maltrace.render.document import (
    Column,
    Document,
    DocumentFormatError,
    Figure,
    FigureError,
    Paragraph,
    Section,
    Table,
    cell_texts,
    format_value,
    write_document,
)


def test_values_by_column_kind():
    assert format_value(0.7222, "ratio", "nn") == "72,2\u00a0%"
    assert format_value(0.7222, "ratio", "en") == "72.2%"
    assert format_value(dt.date(2022, 5, 19), "date", "nb") == "19. mai 2022"
    assert format_value(12, "int", "nn") == "12"
    assert format_value(2.5, "text", "nn") == "2,5"
    assert format_value(None, "id", "nn") == ""


def _doc(figure: Figure | None = None) -> Document:
    table = Table(
        (Column("ID", "id"), Column("Tittel"), Column("Mål", "int"), Column("Grad", "ratio")),
        (("A-1", "=SUM(A1)", 3, 2 / 3), ("A-2", "Bustad", 0, 1.0)),
        row_nodes=("A-1", "A-2"),
        row_alert=(True, False),
    )
    blocks: tuple = (Paragraph("Samandrag", "headline"), table)
    if figure is not None:
        blocks += (figure,)
    return Document("nn", "Tittel", "Laga i dag", (Section("s", "Del", blocks),))


def test_text_formats_share_the_cells():
    (table,) = _doc().section("s").tables
    assert cell_texts(table, "nn")[0] == ["A-1", "=SUM(A1)", "3", "66,7\u00a0%"]


def test_workbook_holds_numbers_and_defuses_formulas(tmp_path):
    out = tmp_path / "d.xlsx"
    write_document(_doc(), out)
    ws = load_workbook(out).active
    assert ws.title == "Del"
    assert ws["C2"].value == 3 and ws["D2"].value == pytest.approx(2 / 3)
    assert ws["D2"].number_format == "0.0%"
    assert ws["B2"].data_type == "s" and ws["B2"].value == "=SUM(A1)"


def test_markdown_puts_figures_beside_it_and_says_why_one_is_missing(tmp_path):
    def good(fmt):
        return b"<svg xmlns='http://www.w3.org/2000/svg'/>"

    def bad(fmt):
        raise FigureError("Kunne ikkje teikne.")

    out = tmp_path / "r.md"
    written = write_document(_doc(Figure("Eit bilete", good, key="fig")), out)
    assert written == [out, tmp_path / "r.fig.svg"]
    assert "![Eit bilete](r.fig.svg)" in out.read_text(encoding="utf-8")
    write_document(_doc(Figure("Eit bilete", bad, key="fig")), out)
    assert "Kunne ikkje teikne." in out.read_text(encoding="utf-8")


def test_html_rows_carry_their_node_and_alert(tmp_path):
    out = tmp_path / "r.html"
    write_document(_doc(), out)
    html = out.read_text(encoding="utf-8")
    assert '<tr data-node="A-1" class="alert">' in html
    assert '<td class="num">66,7\u00a0%</td>' in html


def test_csv_only_where_the_content_has_one_table(tmp_path):
    with pytest.raises(DocumentFormatError):
        write_document(_doc(), tmp_path / "r.csv")


def test_workbook_headers_use_the_body_font(tmp_path):
    # A bold font with no family prints in the office suite's fallback (a serif in LibreOffice)
    # beside sans-serif body cells.
    out = tmp_path / "d.xlsx"
    write_document(_doc(), out)
    ws = load_workbook(out).active
    assert ws["A1"].font.b and ws["A1"].font.name == ws["A2"].font.name == "Calibri"
