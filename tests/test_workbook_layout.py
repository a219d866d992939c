"""The report workbook as a planner opens it: the trace matrix's headers say what the columns
hold, titles wrap instead of being cut, the overall row is named, no header runs into the next."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from conftest import ROOT
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from maltrace.analysis import Analysis
from maltrace.api import check
from maltrace.render.check.document import build_report
from maltrace.render.document import render_document

PLANS = ROOT / "plans"


@pytest.fixture(scope="module")
def analysis() -> Analysis:
    return check(PLANS)


def _book(analysis: Analysis, lang: str = "nn") -> dict[str, Worksheet]:
    data = render_document(build_report(analysis, lang), ".xlsx")  # type: ignore[arg-type]
    assert isinstance(data, bytes)
    wb = load_workbook(io.BytesIO(data))
    return {ws.title: ws for ws in wb}


def test_matrix_title_column_is_the_goals_title_and_wraps(analysis: Analysis) -> None:
    ws = _book(analysis)["Sporingsmatrise"]
    assert [ws.cell(1, c).value for c in (1, 2, 3)] == ["Mål", "Tittel", "Plan"]
    width = ws.column_dimensions["B"].width
    for row in range(2, ws.max_row + 1):
        title = ws.cell(row, 2).value or ""
        assert ws.cell(row, 2).alignment.wrap_text, row
        if len(title) > (width - 1) * 1.1:  # a long title wraps onto lines the row has room for
            height = ws.row_dimensions[row].height
            assert height is not None and height >= 2 * 14, (row, title)


def test_overall_row_is_named_not_typed_plan(analysis: Analysis) -> None:
    ws = _book(analysis)["Oppfølgingsgrad"]
    kind, node = ws.cell(2, 1).value, ws.cell(2, 2).value
    assert kind == "Samla" and node
    assert [ws.cell(r, 1).value for r in range(3, 5)] == ["Plan", "Plan"]


def test_no_header_runs_into_the_next(analysis: Analysis) -> None:
    for ws in _book(analysis).values():
        rotated = ws.title == "Sporingsmatrise"
        for c in range(1, (4 if rotated else ws.max_column + 1)):
            header = str(ws.cell(1, c).value or "")
            width = ws.column_dimensions[get_column_letter(c)].width
            # bold header letters are wider than the average, and the filter button takes room
            assert width >= len(header) * 1.1 + 3, (ws.title, header, width)


def test_the_workbook_is_written(tmp_path: Path, analysis: Analysis) -> None:
    from maltrace.render.check.report import write_report

    path = tmp_path / "r.xlsx"
    write_report(analysis, path)
    assert path.stat().st_size > 0
