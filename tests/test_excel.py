"""Excel and CSV in and out: template, import, export, every problem named by sheet and cell."""

from __future__ import annotations

import io
import subprocess
import time
import zipfile
from pathlib import Path
from typing import Any

import pytest
from conftest import office_program
from openpyxl import Workbook, load_workbook
from typer.testing import CliRunner

from maltrace.analysis import analyse
from maltrace.cli import app
from maltrace.graph import build_graph
from maltrace.load import PlanSet, load_plan_set
from maltrace.load import excel as excel_mod
from maltrace.load.convert import read_sheet_plans
from maltrace.load.excel import ImportFailed
from maltrace.load.excel_write import export_workbook

ROOT = Path(__file__).resolve().parent.parent
PLANS = ROOT / "plans"

runner = CliRunner()

PLAN_HEAD = ["Id", "Type", "Tittel", "Følgjer planar"]
NODE_HEAD = ["Plan", "Id", "Type", "Tittel", "Ligg under", "Følgjer opp", "Ansvar"]


def workbook(
    path: Path,
    plans: list[list[Any]],
    nodes: list[list[Any]],
    plan_head: list[str] = PLAN_HEAD,
    node_head: list[str] = NODE_HEAD,
    sheets: tuple[str, str] = ("Planar", "Nodar"),
) -> Workbook:
    wb = Workbook()
    ws = wb.active
    ws.title = sheets[0]
    ws.append(plan_head)
    for row in plans:
        ws.append(row)
    ws2 = wb.create_sheet(sheets[1])
    ws2.append(node_head)
    for row in nodes:
        ws2.append(row)
    wb.save(path)
    return wb


GOOD_PLANS = [
    ["KPS", "samfunnsdel", "Samfunnsdelen", None],
    ["KDP", "kommunedelplan", "Kommunedelplan helse", "KPS"],
]
GOOD_NODES = [
    ["KPS", "KPS-1", "Satsingsområde", "Helse", None, None, None],
    ["KPS", "KPS-1.1", "hovudmål", "Gode tenester", "KPS-1", None, None],
    ["KPS", "KPS-1.1.1", "delmål", "Tidleg hjelp", "KPS-1.1", None, None],
    ["KPS", "KPS-1.2", "mål", "Meistring", "KPS-1", None, None],
    ["KDP", "HSO-1", "mål", "Tenester nær folk", None, "KPS-1.1.1; KPS-1.2", None],
    ["KDP", "HSO-1.1", "strategi", "Kvardagsrehabilitering", "HSO-1", "KPS-1.1.1\nKPS-1.2", None],
    ["KDP", "HSO-1.1.1", "tiltak", "Team", "HSO-1.1", None, "Kommunalsjef"],
]


def invoke(*args: str) -> Any:
    return runner.invoke(app, [*args])


def test_import_writes_nested_readable_yaml_that_checks(tmp_path: Path) -> None:
    src = tmp_path / "plan.xlsx"
    workbook(src, GOOD_PLANS, GOOD_NODES)
    out = tmp_path / "plans"
    r = invoke("import", str(src), "-o", str(out))
    assert r.exit_code == 0, r.output
    assert sorted(p.name for p in out.iterdir()) == ["KDP.yaml", "KPS.yaml", "plan.schema.json"]
    text = (out / "KDP.yaml").read_text(encoding="utf-8")
    assert text.splitlines()[0] == "# yaml-language-server: $schema=plan.schema.json"
    assert "follows_up: [KPS-1.1.1, KPS-1.2]" in text
    assert "    measures:\n    - id: HSO-1.1.1" in text
    plan_set = load_plan_set([out], cache=False)
    kps = plan_set.plan("KPS")
    assert kps is not None and kps.plan.type == "samfunnsplan"
    assert [g.id for g in kps.areas[0].goals] == ["KPS-1.1", "KPS-1.2"]
    assert kps.areas[0].goals[0].goals[0].id == "KPS-1.1.1"
    a = analyse(build_graph(plan_set))
    assert (a.coverage.followed_up, a.coverage.goals) == (3, 3)
    r = runner.invoke(app, ["check", str(out), "--strict"])
    assert r.exit_code == 0, r.output


def test_every_problem_at_once_with_sheet_and_cell(tmp_path: Path) -> None:
    src = tmp_path / "bad.xlsx"
    nodes = [
        ["KPS", "KPS-1", "mål", None, None, None, None],  # row 2: title missing
        ["KPS", "KPS-1", "mål", "Twice", None, None, None],  # row 3: duplicate id
        ["KPS", "KPS-2", "mål", "Lost", "KPS-9", None, None],  # row 4: unknown parent
        ["KDP", "HSO-1", "mål", "Other plan", "KPS-1", None, None],  # row 5: parent in KPS
        ["KDP", "HSO-2", "tiltak", "A tiltak", None, None, None],  # row 6
        ["KDP", "HSO-3", "strategi", "Under tiltak", "HSO-2", None, None],  # row 7
        ["KDP", "HSO-4", "strategy", "=CONCAT(A1)", None, None, None],  # row 8: formula
        ["KDP", "HSO-5", "stratgi", "Typo", None, None, None],  # row 9: unknown type
        ["KDP", "HSO-6", "mål", "Goal under strategy", "HSO-7", None, None],  # row 10
        ["KDP", "HSO-7", "strategi", "S", None, None, None],
        ["KDP", "HSO-8", "mål", "Goal with ansvar", None, None, "Rådmann"],  # row 12
    ]
    workbook(src, GOOD_PLANS, nodes)
    out = tmp_path / "out"
    r = invoke("import", str(src), "-o", str(out), "--lang", "en")
    assert r.exit_code == 2
    assert not out.exists()
    lines = [line.strip() for line in r.output.splitlines()]
    expected = [
        "Nodar!D2: Title missing; fill in the cell",
        "Nodar!B3: Id KPS-1 is used before, in B2; give each row an id of its own",
        "Nodar!E4: KPS-9 is not an id in the sheet",
        "Nodar!E5: KPS-1 belongs to the plan KPS, not KDP",
        "Nodar!E7: HSO-2 is a measure, and nothing can sit under a measure",
        "Nodar!D8: A formula (=CONCAT(A1)); type the value itself",
        "Nodar!C9: Unknown type “stratgi”. Use one of: area, goal, strategy, measure",
        "Nodar!E10: A goal cannot sit under a strategy",
        "Nodar!G12: Responsible cannot be given for a goal",
    ]
    for want in expected:
        assert any(line.startswith(want) for line in lines), (want, lines)
    assert "Did you mean “strategi”?" in r.output and "Did you mean “KPS-2”?" in r.output
    assert "9 problems; nothing was written." in r.output


def test_import_refuses_to_overwrite_without_force(tmp_path: Path) -> None:
    src = tmp_path / "plan.xlsx"
    workbook(src, GOOD_PLANS, GOOD_NODES)
    out = tmp_path / "plans"
    out.mkdir()
    (out / "KPS.yaml").write_text("mine", encoding="utf-8")
    r = invoke("import", str(src), "-o", str(out))
    assert r.exit_code == 2 and "--force" in r.output
    assert (out / "KPS.yaml").read_text(encoding="utf-8") == "mine"
    assert not (out / "KDP.yaml").exists()
    r = invoke("import", str(src), "-o", str(out), "--force")
    assert r.exit_code == 0
    assert "plan:" in (out / "KPS.yaml").read_text(encoding="utf-8")


def test_headers_in_english_and_bokmal_sheet_names(tmp_path: Path) -> None:
    src = tmp_path / "en.xlsx"
    workbook(
        src,
        [["KPS", "samfunnsplan", "S", None]],
        [["KPS", "1.10", "goal", "Ten", None, None, None]],
        plan_head=["id", "type", "title", "follows"],
        node_head=["plan", "id", "type", "title", "parent", "follows_up", "responsible"],
        sheets=("Planer", "Noder"),
    )
    plans = read_sheet_plans(src)
    assert plans[0].goals[0].id == "1.10"


def test_unknown_column_gets_a_suggestion(tmp_path: Path) -> None:
    src = tmp_path / "c.xlsx"
    head = ["Plan", "Id", "Type", "Tittel", "Folgjer opp"]
    workbook(src, GOOD_PLANS[:1], [["KPS", "G1", "mål", "T", None]], node_head=head)
    with pytest.raises(ImportFailed) as exc:
        read_sheet_plans(src)
    (p,) = exc.value.problems
    assert p.location() == "Nodar!E1"
    assert "følgjer opp" in p.message("nn")


def test_numbers_and_dates_in_cells_become_text(tmp_path: Path) -> None:
    import datetime as dt

    src = tmp_path / "n.xlsx"
    workbook(
        src,
        [["KPS", "samfunnsplan", "S", None, dt.datetime(2022, 5, 19)]],
        [["KPS", 7, "mål", 2030, None, None, None]],
        plan_head=[*PLAN_HEAD, "Dato"],
    )
    (plan,) = read_sheet_plans(src)
    assert plan.goals[0].id == "7" and plan.goals[0].title == "2030"
    assert plan.plan.date == dt.date(2022, 5, 19)


# --- hostile workbooks ----------------------------------------------------------------------


def _problems(path: Path) -> list[str]:
    with pytest.raises(ImportFailed) as exc:
        read_sheet_plans(path)
    return [p.text("en") for p in exc.value.problems]


def test_merged_cells_are_refused(tmp_path: Path) -> None:
    src = tmp_path / "m.xlsx"
    wb = workbook(src, GOOD_PLANS, GOOD_NODES)
    wb["Nodar"].merge_cells("D2:D3")
    wb.save(src)
    assert any(p.startswith("Nodar!D2:D3: Merged cells") for p in _problems(src))


def test_hidden_sheet_is_refused(tmp_path: Path) -> None:
    src = tmp_path / "h.xlsx"
    wb = workbook(src, GOOD_PLANS, GOOD_NODES)
    wb.create_sheet("Secret").sheet_state = "hidden"
    wb.save(src)
    assert any(p.startswith("Secret: The sheet is hidden") for p in _problems(src))


def test_external_links_are_refused(tmp_path: Path) -> None:
    from openpyxl.packaging.relationship import Relationship
    from openpyxl.workbook.external_link.external import ExternalBook, ExternalLink

    src = tmp_path / "x.xlsx"
    wb = workbook(src, GOOD_PLANS, GOOD_NODES)
    link = ExternalLink(externalBook=ExternalBook(id="rId1"))
    link.file_link = Relationship(
        type="externalLinkPath", Target="other.xlsx", TargetMode="External", Id="rId1"
    )
    wb._external_links.append(link)
    try:
        wb.save(src)
    except Exception:  # pragma: no cover - an openpyxl that cannot write links this way
        pytest.skip("openpyxl cannot write an external link here")
    assert any("external links" in p for p in _problems(src))


def test_zip_bomb_is_refused_within_seconds(tmp_path: Path) -> None:
    src = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(src, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("xl/worksheets/sheet1.xml", b"\0" * (200 * 2**20))
    start = time.perf_counter()
    problems = _problems(src)
    assert time.perf_counter() - start < 3
    assert any("zip bomb" in p for p in problems)


def test_not_a_workbook_and_too_large(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    src = tmp_path / "text.xlsx"
    src.write_text("not a zip", encoding="utf-8")
    assert "not an Excel workbook" in _problems(src)[0]
    good = tmp_path / "good.xlsx"
    workbook(good, GOOD_PLANS, GOOD_NODES)
    monkeypatch.setattr(excel_mod, "MAX_UNPACKED_BYTES", 20_000)
    assert "unpacks to over 0 MB" in _problems(good)[0]
    monkeypatch.setattr(excel_mod, "MAX_FILE_BYTES", 1000)
    assert _problems(good) == ["The file is over 0 MB and is not read; split it"]


def test_far_away_cells_are_read_within_seconds_with_their_row(tmp_path: Path) -> None:
    src = tmp_path / "far.xlsx"
    wb = workbook(src, GOOD_PLANS, GOOD_NODES)
    wb["Nodar"]["XFD1048576"] = "x"  # the sheet now claims 16384 columns and 1048576 rows
    wb["Nodar"]["B1048000"] = "lost"  # column A (plan) blank: the row number must still be right
    wb.save(src)
    start = time.perf_counter()
    problems = _problems(src)
    assert time.perf_counter() - start < 5
    assert "Nodar!D1048000: Title missing; fill in the cell" in problems


def test_too_many_rows_stops_reading(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    src = tmp_path / "rows.xlsx"
    workbook(src, GOOD_PLANS, GOOD_NODES)
    monkeypatch.setattr(excel_mod, "MAX_ROWS", 3)
    assert any(p.startswith("Nodar: The sheet has over 3 rows") for p in _problems(src))


# --- CSV --------------------------------------------------------------------------------------


@pytest.mark.parametrize(("sep", "bom"), [(";", True), (",", False)])
def test_csv_with_plan_options(tmp_path: Path, sep: str, bom: bool) -> None:
    rows = [
        ["Id", "Type", "Tittel", "Ligg under", "Følgjer opp"],
        ["HP-1", "tiltak", "Eit tiltak", "", '"KDP-1, KDP-2"' if sep == "," else "KDP-1, KDP-2"],
    ]
    text = "\n".join(sep.join(r) for r in rows) + "\n"
    src = tmp_path / "tiltak.csv"
    src.write_bytes(("\ufeff" if bom else "").encode() + text.encode("utf-8"))
    out = tmp_path / "out"
    args = ["--plan-id", "HP", "--plan-type", "handlingsdel", "--plan-title", "Handlingsdel"]
    r = invoke("import", str(src), "-o", str(out), *args, "--follows", "KDP")
    assert r.exit_code == 0, r.output
    (plan,) = load_plan_set([out], cache=False).plans
    assert plan.plan.follows == ["KDP"]
    assert plan.measures[0].follows_up == ["KDP-1", "KDP-2"]


def test_csv_needs_the_plan_header(tmp_path: Path) -> None:
    src = tmp_path / "t.csv"
    src.write_text("Id;Type;Tittel\nA;mål;T\n", encoding="utf-8")
    r = invoke("import", str(src), "-o", str(tmp_path / "o"))
    assert r.exit_code == 2 and "--plan-id" in r.output


# --- export and the template --------------------------------------------------------------------


def _judged(plan_set: PlanSet) -> Any:
    a = analyse(build_graph(plan_set))
    findings = sorted((f.code, f.node, str(f.target)) for f in a.findings)
    return a.coverage.followed_up, a.coverage.goals, findings


def test_export_then_import_gives_the_same_plans(tmp_path: Path) -> None:
    plans = PLANS  # indicators and measurements included
    out = tmp_path / "plans.xlsx"
    r = invoke("export", str(plans), "-o", str(out))
    assert r.exit_code == 0, r.output
    original = load_plan_set([plans], cache=False)
    back = read_sheet_plans(out)
    assert [p.model_dump() for p in back] == [p.model_dump() for p in original.plans]
    assert _judged(PlanSet(back, [])) == _judged(original)
    hp = next(p for p in back if p.id == "HP-2025")
    assert hp.measures[-1].cost == {2026: 400000.0, 2027: 400000.0}  # "2026: 400000; …"


def test_export_keeps_formula_like_text_as_text(tmp_path: Path) -> None:
    from maltrace.load import Plan

    plan = Plan.model_validate(
        {
            "plan": {"id": "P", "type": "temaplan", "title": "=1+1"},
            "goals": [{"id": "G", "title": "@SUM(A1)", "tags": ["-x"]}],
        }
    )
    data = export_workbook([plan], "nn")
    ws = load_workbook(io.BytesIO(data))["Nodar"]
    assert ws["D2"].value == "@SUM(A1)" and ws["D2"].data_type == "s"
    src = tmp_path / "f.xlsx"
    src.write_bytes(data)
    (back,) = read_sheet_plans(src)
    assert back.plan.title == "=1+1" and back.goals[0].tags == ["-x"]


def test_export_refuses_what_the_layout_cannot_hold(tmp_path: Path) -> None:
    plans = tmp_path / "plans"
    plans.mkdir()
    (plans / "p.yaml").write_text(
        "plan: {id: P, type: temaplan, title: T}\ngoals:\n  - id: G\n    title: T\n"
        "    tags: ['a, b']\n",
        encoding="utf-8",
    )
    out = tmp_path / "p.xlsx"
    r = invoke("export", str(plans), "-o", str(out), "--lang", "en")
    assert r.exit_code == 2
    assert "p.yaml:3: tags of G holds “a, b”" in r.output
    assert not out.exists()


def test_export_never_writes_over_a_plan_file(tmp_path: Path) -> None:
    plan = tmp_path / "p.yaml"
    plan.write_text("plan: {id: P, type: temaplan, title: T}\n", encoding="utf-8")
    r = invoke("export", str(plan), "-o", str(plan))
    assert r.exit_code == 2
    assert plan.read_text(encoding="utf-8").startswith("plan:")


@pytest.mark.parametrize(
    ("lang", "sheets", "kinds"),
    [
        (
            "nn",
            ["Rettleiing", "Planar", "Nodar", "Indikatorar"],
            "satsingsområde,mål,strategi,tiltak,punkt",
        ),
        (
            "en",
            ["Instructions", "Plans", "Nodes", "Indicators"],
            "priority area,goal,strategy,measure,item",
        ),
    ],
)
def test_template_has_dropdowns_widths_and_instructions(
    tmp_path: Path, lang: str, sheets: list[str], kinds: str
) -> None:
    out = tmp_path / "mal.xlsx"
    r = invoke("template", str(out), "--lang", lang)
    assert r.exit_code == 0, r.output
    wb = load_workbook(out)
    assert wb.sheetnames == sheets
    nodes = wb[sheets[2]]
    headers = [c.value for c in nodes[1]]
    assert headers[:5] == (
        ["Plan", "Id", "Type", "Tittel", "Ligg under"]
        if lang == "nn"
        else ["Plan", "Id", "Type", "Title", "Parent"]
    )
    formulas = {dv.formula1 for dv in nodes.data_validations.dataValidation}
    assert f'"{kinds}"' in formulas
    assert nodes.column_dimensions["D"].width == 60
    assert nodes.column_dimensions["B"].number_format == "@"  # ids stay text: 1.10
    assert "maltrace import" in " ".join(str(c.value) for c in wb[sheets[0]]["A"])
    assert "no plans and no nodes" in _problems(out)[0]
    r = invoke("template", str(out))
    assert r.exit_code == 2 and "--force" in r.output


def test_a_workbook_saved_by_libreoffice_imports_the_same(tmp_path: Path) -> None:
    """Planners open and save in LibreOffice: shared strings, its own styles and dimensions."""
    soffice = office_program("soffice", "libreoffice")
    book = tmp_path / "plans.xlsx"
    plans = PLANS
    book.write_bytes(export_workbook(load_plan_set([plans], cache=False).plans, "nn"))
    out = tmp_path / "lo"
    profile = (tmp_path / "profile").as_uri()
    subprocess.run(
        [soffice, "--headless", f"-env:UserInstallation={profile}", "--convert-to",
         "xlsx:Calc MS Excel 2007 XML", "--outdir", str(out), str(book)],
        check=True, capture_output=True, timeout=300,
    )  # fmt: skip
    back = read_sheet_plans(out / "plans.xlsx")
    original = load_plan_set([plans], cache=False).plans
    assert [p.model_dump() for p in back] == [p.model_dump() for p in original]


def test_csv_plan_options_are_named_in_problems(tmp_path: Path) -> None:
    src = tmp_path / "t.csv"
    src.write_text("Id;Type;Tittel\nA;mål;T\n", encoding="utf-8")
    args = ["--plan-id", "P", "--plan-type", "sektor", "--plan-title", "T", "--date", "2022-13-01"]
    r = invoke("import", str(src), "-o", str(tmp_path / "o"), "--lang", "en", *args)
    assert r.exit_code == 2
    assert "--plan-type: Unknown plan type" in r.output
    assert "--date: Date must be a date" in r.output


def test_columns_follow_the_models_and_mappings_have_none() -> None:
    import datetime as dt

    from pydantic import BaseModel

    from maltrace.load.excel_layout import node_columns, plan_columns, shape_of

    class Cost(BaseModel):
        year: int

    assert shape_of(list[str]) == "list"
    assert shape_of(dt.date | None) == "date"
    assert shape_of(bool) == "bool"
    assert shape_of(dict[int, float] | None) == "mapping"  # cost: "2026: 400000; 2027: …"
    assert shape_of(dict[str, list[int]]) == "complex"
    assert shape_of(list[Cost]) == "complex"
    nodes, _ = node_columns()
    keys = [c.key for c in nodes]
    assert keys[:5] == ["plan", "id", "type", "title", "parent"]
    assert {"description", "tags", "follows_up", "responsible", "due", "status"} <= set(keys)
    assert not {"goals", "strategies", "measures", "line", "key_lines"} & set(keys)
    assert [c.key for c in plan_columns()[0]][:3] == ["id", "type", "title"]


def test_export_refuses_a_key_without_a_column(monkeypatch: pytest.MonkeyPatch) -> None:
    """A key the layout leaves out (a list of mappings, say) is never dropped."""
    from maltrace.load import Plan, excel_write
    from maltrace.load.excel_layout import node_columns
    from maltrace.load.excel_write import ExportRefused

    cols, _ = node_columns()
    monkeypatch.setattr(
        excel_write, "node_columns", lambda: ([c for c in cols if c.key != "tags"], ["tags"])
    )
    plan = Plan.model_validate(
        {
            "plan": {"id": "P", "type": "temaplan", "title": "T"},
            "goals": [{"id": "G1", "title": "T"}, {"id": "G2", "title": "T", "tags": ["x"]}],
        }
    )
    plan.source = "p.yaml"
    with pytest.raises(ExportRefused) as exc:
        export_workbook([plan], "en")
    (problem,) = exc.value.problems
    assert problem.text("en").startswith("p.yaml: G2 has tags, which the workbook has no column")


def test_framework_items_in_the_nodes_sheet(tmp_path: Path) -> None:
    head = ["Id", "Type", "Tittel", "Ordna (trapp)"]
    plans = [["AMT", "rammeverk", "Trappa", "ja"], ["KDP", "kommunedelplan", "K", None]]
    nodes = [
        ["AMT", "AMT-1", "trinn", "Eg klarer meg sjølv", None, None, None],
        ["AMT", "AMT-1.1", "punkt", "Eigenomsorg", "AMT-1", None, None],
        ["KDP", "S-1", "strategi", "S", None, None, None],
    ]
    src = tmp_path / "f.xlsx"
    workbook(src, plans, nodes, plan_head=head)
    amt, kdp = read_sheet_plans(src)
    assert amt.plan.ordered is True and amt.items[0].items[0].id == "AMT-1.1"
    assert kdp.strategies[0].id == "S-1" and kdp.plan.ordered is False
    bad = [
        ["AMT", "AMT-1", "mål", "A goal in a framework", None, None, None],
        ["KDP", "K-1", "punkt", "An item in a plan", None, None, None],
    ]
    plans[1][3] = "ja"
    workbook(src, plans, bad, plan_head=head)
    assert _problems(src) == [
        "Nodar!C2: A framework holds items only, not a goal; write “item” as the type, or move "
        "the row to another plan",
        "Nodar!C3: An item belongs in a plan of type rammeverk only; pick another type, or move "
        "the row to the framework",
        "Planar!D3: Only a framework (a ladder) can be ordered; leave the cell empty, or set the "
        "type to rammeverk",
    ]


def test_cell_text_is_normalised_as_the_yaml_reader_does(tmp_path: Path) -> None:
    src = tmp_path / "w.xlsx"
    nodes = [["KPS", "G1", "mål", "Tenester\u2028nær fol\xadk\u200b", None, None, None]]
    workbook(src, [["KPS", "samfunnsplan", "S", None]], nodes)
    (plan,) = read_sheet_plans(src)
    assert plan.goals[0].title == "Tenester\nnær folk"
