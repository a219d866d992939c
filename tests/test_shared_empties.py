"""Nodes share one empty list and one empty dict for fields left empty (a country's plans would
otherwise hold a million of each); nothing may ever change them in place."""

from __future__ import annotations

from pathlib import Path

from conftest import EXAMPLE_PLANS, ROOT

import maltrace
from maltrace import api
from maltrace.analysis.suggest import suggest
from maltrace.load import load_plan_set, models
from maltrace.load.excel import read_workbook
from maltrace.load.excel_write import export_workbook
from maltrace.render.check.report import write_report


def test_no_command_changes_the_shared_empty_values(tmp_path: Path) -> None:
    analysis = maltrace.check(EXAMPLE_PLANS, cache=False)
    for suffix in ("md", "html", "docx", "xlsx"):
        write_report(analysis, tmp_path / f"r.{suffix}")
    api.status(EXAMPLE_PLANS, cache=False)
    data = ROOT / "tests" / "data" / "diff"
    api.diff(data / "utkast", data / "vedteken")
    api.relink(data / "utkast", data / "vedteken")
    suggest(analysis)
    plans = [p for p in load_plan_set([EXAMPLE_PLANS], cache=False).plans if p.id != "KPS"]
    book = tmp_path / "plans.xlsx"
    book.write_bytes(export_workbook(plans, "nn"))  # the samfunnsdel holds indicators
    read_workbook(book)
    assert models._EMPTY_LIST == [] and models._EMPTY_DICT == {}
