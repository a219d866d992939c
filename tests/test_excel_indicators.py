"""Goal indicators in the workbook: sheet Indikatorar out (export, template) and in (import)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook, load_workbook
from typer.testing import CliRunner

from maltrace.cli import app
from maltrace.load import load_plan_set
from maltrace.load.convert import read_sheet_plans
from maltrace.load.excel import ImportFailed
from maltrace.load.excel_layout import indicator_columns

ROOT = Path(__file__).resolve().parent.parent
PLANS = ROOT / "plans"
runner = CliRunner()

PLAN_HEAD = ["Id", "Type", "Tittel", "Måletal (CSV-fil)"]
PLAN_ROWS = [
    ["KPS", "samfunnsplan", "Samfunnsdelen", "maletal.csv"],
    ["KDP", "kommunedelplan", "Helse", None],
]
NODE_HEAD = ["Plan", "Id", "Type", "Tittel", "Ligg under"]
NODE_ROWS = [
    ["KPS", "KPS-1", "satsingsområde", "Helse", None],
    ["KPS", "KPS-1.1", "mål", "Fleire er aktive", "KPS-1"],
    ["KPS", "KPS-1.2", "mål", "Færre er einsame", "KPS-1"],
    ["KDP", "HSO-1", "strategi", "Kvardagsrehabilitering", None],
]
IND_HEAD = [
    "Plan", "Mål", "Id", "Tittel", "Eining", "Retning", "Utgangspunkt: år",
    "Utgangspunkt: verdi", "Målår", "Målverdi", "Verdiar (år: verdi)", "Kjelde",
]  # fmt: skip


def workbook(path: Path, indicators: list[list[Any]], head: list[str] = IND_HEAD) -> None:
    wb = Workbook()
    for name, header, rows in (
        ("Planar", PLAN_HEAD, PLAN_ROWS),
        ("Nodar", NODE_HEAD, NODE_ROWS),
        ("Indikatorar", head, indicators),
    ):
        ws = wb.create_sheet(name)
        ws.append(header)
        for row in rows:
            ws.append(row)
    wb.remove(wb.worksheets[0])
    wb.save(path)


def problems(path: Path) -> list[str]:
    with pytest.raises(ImportFailed) as exc:
        read_sheet_plans(path)
    return [p.text("en") for p in exc.value.problems]


def test_indicators_are_read_under_their_goal(tmp_path: Path) -> None:
    src = tmp_path / "w.xlsx"
    rows = [
        ["KPS", "KPS-1.1", "IND-A", "Del aktive", "%", "høgare er betre", 2021, 62, 2030, 75,
         "2023: 64; 2024: 67,5", "Folkehelseundersøkinga"],
        [None, "KPS-1.1", "IND-B", "Del inaktive", "%", "ned", "2021", "12,5", 2030, 10.25,
         "2022: 12.1\n2023: 11", None],
        [None, "KPS-1.2", "IND-C", "Einsame", None, None, 2020, 3, 2028, 2, None, None],
    ]  # fmt: skip
    workbook(src, rows)
    kps, _ = read_sheet_plans(src)
    assert kps.plan.measurements == "maletal.csv"
    a, b = kps.areas[0].goals[0].indicators
    assert (a.id, a.unit, a.direction, a.source) == ("IND-A", "%", "up", "Folkehelseundersøkinga")
    assert (a.baseline.year, a.baseline.value, a.target.value) == (2021, 62.0, 75.0)
    assert a.values == {2023: 64.0, 2024: 67.5}
    assert (b.direction, b.baseline.value, b.target.value) == ("down", 12.5, 10.25)
    assert b.values == {2022: 12.1, 2023: 11.0}
    (c,) = kps.areas[0].goals[1].indicators
    assert c.direction == "up" and c.values is None and c.unit is None


def test_an_empty_indicator_sheet_is_no_indicators(tmp_path: Path) -> None:
    src = tmp_path / "w.xlsx"
    workbook(src, [], head=[])
    kps, _ = read_sheet_plans(src)
    assert not any(g.indicators for g in kps.areas[0].goals)


def test_every_indicator_problem_is_named_by_cell(tmp_path: Path) -> None:
    src = tmp_path / "w.xlsx"
    rows = [
        ["KPS", "KPS-1.9", "IND-A", "T", None, None, 2021, 1, 2030, 2, None, None],
        ["KPS", "HSO-1", "IND-B", "T", None, None, 2021, 1, 2030, 2, None, None],
        ["KDP", "KPS-1.1", "IND-C", "T", None, None, 2021, 1, 2030, 2, None, None],
        [None, "KPS-1.1", "IND-D", "T", None, "hgøare er betre", 2021, 1, 2030, 2, None, None],
        [None, "KPS-1.1", "IND-D", "T", None, None, "tjue", "mange", 2030, 2, None, None],
        [None, "KPS-1.1", "IND-E", "T", None, None, 2021, 1, 2030, "=B2*2",
         "2020: 1; 2020: 2; 2021 3", None],
        [None, "KPS-1.1", "IND-F", None, None, None, 2021, 1, None, 2, None, None],
        ["KPX", "KPS-1.1", "IND-G", "T", None, None, 2021, 1, 2030, 2, None, None],
    ]  # fmt: skip
    workbook(src, rows)
    assert problems(src) == [
        "Indikatorar!B2: KPS-1.9 is not the id of a goal in the sheet Nodes; give the id of the "
        "goal the indicator belongs to. Did you mean “KPS-1.2”?",
        "Indikatorar!B3: HSO-1 is not a goal but of type strategy; an indicator belongs to a goal",
        "Indikatorar!A4: The goal KPS-1.1 belongs to the plan KPS, not KDP; correct the plan cell "
        "or leave it empty",
        "Indikatorar!F5: Unknown direction “hgøare er betre”. Use one of: higher is better, lower "
        "is better (or up, down). Did you mean “høgare er betre”?",
        "Indikatorar!C6: The indicator IND-D is listed before, in C5; give each indicator an id "
        "of its own",
        "Indikatorar!G6: Baseline year: “tjue” is not a year; write a year such as 2024",
        "Indikatorar!H6: Baseline value: “mange” is not a number; write a number such as 12.5 "
        "or 12,5",
        "Indikatorar!J7: A formula (=B2*2); type the value itself: a plan must not change when a "
        "sheet recalculates",
        "Indikatorar!K7: Values (year: value): the year 2020 is given twice; keep only one value",
        "Indikatorar!K7: Values (year: value): “2021 3” is not “year: value”; write e.g. "
        "“2020: 12.5; 2021: 13”",
        "Indikatorar!D8: Title missing; fill in the cell",
        "Indikatorar!I8: Target year missing; fill in the cell",
        "Indikatorar!A9: The plan KPX is not in the sheet Plans. Plans: KPS, KDP. Did you mean "
        "“KPS”?",
    ]


def test_missing_and_unknown_indicator_columns(tmp_path: Path) -> None:
    src = tmp_path / "w.xlsx"
    workbook(src, [["KPS-1.1", "IND-A", "T", 2021]], head=["goal", "id", "title", "Basline year"])
    found = problems(src)
    (unknown,) = [p for p in found if p.startswith("Indikatorar!D1: Unknown column “Basline year”")]
    assert unknown.endswith("Did you mean “baseline year”?")
    assert "Indikatorar: The sheet has no column Baseline year; add it to the first row" in found


def test_export_of_the_example_writes_its_indicators(tmp_path: Path) -> None:
    out = tmp_path / "plans.xlsx"
    r = runner.invoke(app, ["export", str(PLANS), "-o", str(out)])
    assert r.exit_code == 0, r.output
    assert "Skreiv 4 planar, 57 nodar og 5 indikatorar til" in r.output
    wb = load_workbook(out)
    assert wb.sheetnames == ["Planar", "Nodar", "Indikatorar"]
    rows = [[c.value for c in row] for row in wb["Indikatorar"].iter_rows()]
    assert rows[0] == IND_HEAD
    assert [r[2] for r in rows[1:]] == [
        "IND-AKTIV",
        "IND-HEIME",
        "IND-VGS",
        "IND-SYSS",
        "IND-KLIMA",
    ]
    assert rows[1] == [
        "KPS", "KPS-1.1.1", "IND-AKTIV", "Del vaksne som er fysisk aktive minst 150 minutt i veka",
        "%", "høgare er betre", 2021, 62, 2030, 75, "2023: 64; 2024: 67",
        "Folkehelseundersøkinga i Vestland",
    ]  # fmt: skip
    assert rows[2][10] == "2024: 85,5"  # the plan is in nynorsk: decimal comma
    assert rows[4][7] == 78.1
    planar = [[c.value for c in row] for row in wb["Planar"].iter_rows()]
    (kps,) = [row for row in planar if row[0] == "KPS"]
    assert kps[planar[0].index("Måletal (CSV-fil)")] == "maletal.csv"
    dvs = {dv.formula1 for dv in wb["Indikatorar"].data_validations.dataValidation}
    assert '"høgare er betre,lågare er betre"' in dvs
    r = runner.invoke(app, ["export", str(PLANS), "-o", str(out), "--lang", "en"])
    rows = [[c.value for c in row] for row in load_workbook(out)["Indicators"].iter_rows()]
    assert rows[0][:6] == ["Plan", "Goal", "Id", "Title", "Unit", "Direction"]
    assert rows[2][5] == "higher is better" and rows[2][10] == "2024: 85,5"  # plan's language


def test_values_in_english_plans_are_written_with_a_decimal_point(tmp_path: Path) -> None:
    plan = tmp_path / "p.yaml"
    plan.write_text(
        "plan: {id: P, type: samfunnsplan, title: T, language: en}\n"
        "goals:\n  - id: G\n    title: T\n    indicators:\n"
        "      - {id: I, title: T, direction: down, baseline: {year: 2020, value: 3.5},\n"
        "         target: {year: 2030, value: 1}, values: {2021: 3.25, 2022: 3}}\n",
        encoding="utf-8",
    )
    out = tmp_path / "p.xlsx"
    r = runner.invoke(app, ["export", str(plan), "-o", str(out)])
    assert r.exit_code == 0, r.output
    (row,) = list(load_workbook(out)["Indicators"].iter_rows(min_row=2, values_only=True))
    assert row[5:11] == ("lower is better", 2020, 3.5, 2030, 1, "2021: 3.25; 2022: 3")
    (back,) = read_sheet_plans(out)
    loaded = load_plan_set([plan], cache=False).plans[0]
    assert back.model_dump() == loaded.model_dump()


def test_template_has_the_indicator_sheet_with_a_direction_dropdown(tmp_path: Path) -> None:
    out = tmp_path / "mal.xlsx"
    r = runner.invoke(app, ["template", str(out), "--lang", "nb"])
    assert r.exit_code == 0, r.output
    ws = load_workbook(out)["Indikatorer"]
    assert [c.value for c in ws[1]][:6] == ["Plan", "Mål", "Id", "Tittel", "Enhet", "Retning"]
    (dv,) = ws.data_validations.dataValidation
    assert dv.formula1 == '"høyere er bedre,lavere er bedre"' and "F2" in str(dv.sqref)


def test_import_says_where_the_measurements_file_must_be(tmp_path: Path) -> None:
    src = tmp_path / "w.xlsx"
    workbook(src, [])
    r = runner.invoke(app, ["import", str(src), "-o", str(tmp_path / "out"), "--lang", "en"])
    assert r.exit_code == 0, r.output
    assert "the plan KPS reads measurements from maletal.csv, which is not in" in r.output
    (tmp_path / "out2").mkdir()
    (tmp_path / "out2" / "maletal.csv").write_text("indicator;year;value\n", encoding="utf-8")
    r = runner.invoke(app, ["import", str(src), "-o", str(tmp_path / "out2"), "--lang", "en"])
    assert r.exit_code == 0 and "measurements" not in r.output


def test_indicator_columns_follow_the_model() -> None:
    assert [c.key for c in indicator_columns()] == [
        "plan", "goal", "id", "title", "unit", "direction", "baseline_year", "baseline_value",
        "target_year", "target_value", "values", "source",
    ]  # fmt: skip


def test_export_refuses_an_indicator_id_used_twice(tmp_path: Path) -> None:
    """The loader lets two goals share an indicator id; import would refuse it, so export does."""
    point = "baseline: {year: 2020, value: 1}, target: {year: 2030, value: 2}"
    plan = tmp_path / "p.yaml"
    plan.write_text(
        "plan: {id: P, type: samfunnsplan, title: T}\ngoals:\n"
        f"  - id: G1\n    title: T\n    indicators:\n      - {{id: I, title: T, {point}}}\n"
        f"  - id: G2\n    title: T\n    indicators:\n      - {{id: I, title: U, {point}}}\n",
        encoding="utf-8",
    )
    out = tmp_path / "p.xlsx"
    r = runner.invoke(app, ["export", str(plan), "-o", str(out), "--lang", "en"])
    assert r.exit_code == 2 and not out.exists()
    assert (
        f"p.yaml:10: the indicator I (under the goal G2) has the same id as an indicator in "
        f"{plan}:6" in r.output
    )


def test_imported_yaml_writes_indicators_as_planners_do(tmp_path: Path) -> None:
    src = tmp_path / "w.xlsx"
    rows = [[None, "KPS-1.1", "IND-A", "T", "%", None, 2021, 62, 2030, "75,5", "2023: 64", None]]
    workbook(src, rows)
    r = runner.invoke(app, ["import", str(src), "-o", str(tmp_path / "out")])
    assert r.exit_code == 0, r.output
    text = (tmp_path / "out" / "KPS.yaml").read_text(encoding="utf-8")
    lines = [line.strip() for line in text.splitlines()]
    at = lines.index("- id: IND-A")
    assert lines[at : at + 6] == [
        "- id: IND-A",
        "title: T",
        "unit: '%'",
        "baseline: {year: 2021, value: 62}",
        "target: {year: 2030, value: 75.5}",
        "values: {2023: 64}",
    ]
