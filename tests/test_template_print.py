"""The empty template as a planner prints it: the instructions sheet's lines do not overlap
(row heights for the wrapped text) and every sheet is fitted to the page width."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from openpyxl import load_workbook

from maltrace.i18n import t
from maltrace.load.excel_write import template_workbook


@pytest.mark.parametrize("lang", ["nn", "nb", "en"])
def test_instructions_rows_are_tall_enough_and_sheets_fit_the_width(lang: str) -> None:
    wb = load_workbook(io.BytesIO(template_workbook(lang)))  # type: ignore[arg-type]
    help_sheet = wb.worksheets[0]
    width = help_sheet.column_dimensions["A"].width
    assert width <= 100  # a portrait A4 page at a readable size
    for row in range(2, help_sheet.max_row + 1):
        text = str(help_sheet.cell(row, 1).value or "")
        lines = -(-len(text) // int(width))  # at least this many lines
        if lines > 1:
            height = help_sheet.row_dimensions[row].height
            assert height is not None and height >= lines * 14, (row, text[:40])
    for ws in wb.worksheets:
        assert int(ws.page_setup.paperSize) == 9  # A4
        assert ws.sheet_properties.pageSetUpPr.fitToPage, ws.title
        assert ws.page_setup.fitToWidth == 1 and ws.page_setup.fitToHeight == 0, ws.title


def test_the_empty_template_prints_on_a_few_pages(tmp_path: Path) -> None:
    soffice = shutil.which("soffice")
    if soffice is None or shutil.which("pdfinfo") is None:
        from test_office import _soffice

        _soffice()  # skips, or fails when MALTRACE_REQUIRE_OFFICE=1
        return
    book = tmp_path / "mal.xlsx"
    book.write_bytes(template_workbook("nn"))
    profile = tmp_path / "lo-profile"
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(book),
        ],
        capture_output=True,
        timeout=180,
        check=True,
    )
    info = subprocess.run(
        ["pdfinfo", str(tmp_path / "mal.pdf")], capture_output=True, text=True, check=True
    ).stdout
    pages = int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages")))
    assert pages <= 4, pages  # the instructions and one page per sheet of headers
    # No line of the instructions runs off the page or under the next row.
    first = subprocess.run(
        ["pdftotext", "-f", "1", "-l", "1", str(tmp_path / "mal.pdf"), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    words = set(re.findall(r"\w+", t("excel.template.help", "nn")))
    assert words <= set(re.findall(r"\w+", first)), words - set(re.findall(r"\w+", first))
