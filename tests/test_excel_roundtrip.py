"""import(export(S)) gives plans that ``check`` judges exactly as S (hypothesis, and plans/)."""

from __future__ import annotations

import json
import shutil
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from maltrace.analysis import analyse
from maltrace.cli import app
from maltrace.graph import build_graph
from maltrace.load import Plan, PlanSet, load_plan_set, parse_plan
from maltrace.load.convert import read_sheet_plans, write_plans
from maltrace.load.excel_write import export_workbook
from maltrace.load.text import normalise

ROOT = Path(__file__).resolve().parent.parent

# Plan text as planners write it: any letters, punctuation that looks like a formula, line
# breaks inside descriptions. Leading/trailing blanks are not kept by a cell, so none here.
_chars = st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp"), blacklist_characters="\x85")
# Normalised as the YAML reader leaves every text (S is a loaded plan set).
_text = st.text(_chars, min_size=1, max_size=20).map(lambda s: normalise(s)[0].strip()).filter(bool)
_prose = st.lists(_text, min_size=1, max_size=3).map("\n".join)
_word = _text.filter(lambda s: not any(c in s for c in ",;"))
# Numbers as planners write them (78.1, 85,5, 1250000): a number cell holds 15 significant
# digits, as in Excel, so 0.1 + 0.2 would come back as 0.3.
_number = st.builds(lambda n, k: n / 10**k, st.integers(-(10**9), 10**9), st.integers(0, 3))
_year = st.integers(1900, 2200)


def judged(plans: list[Plan]) -> Any:
    a = analyse(build_graph(PlanSet(plans, [])))
    findings = sorted((f.code, f.severity, f.node, str(f.target)) for f in a.findings)
    per_plan = sorted((k, v.relevant, v.followed_up) for k, v in a.per_plan.items())
    return a.coverage.followed_up, a.coverage.goals, findings, per_plan


@st.composite
def plan_sets(draw: st.DrawFn) -> list[Plan]:
    counter = iter(range(10_000))
    ids: list[str] = []

    def new_id(prefix: str) -> str:
        nid = f"{prefix}{next(counter)}"
        ids.append(nid)
        return nid

    def links() -> list[str]:
        pool = [*ids, "MISSING"]
        return draw(st.lists(st.sampled_from(pool), max_size=2, unique=True))

    def indicator() -> dict[str, Any]:
        out: dict[str, Any] = {"id": f"IND{next(counter)}", "title": draw(_text)}
        for key in ("unit", "source"):
            if draw(st.booleans()):
                out[key] = draw(_text)
        if draw(st.booleans()):
            out["direction"] = draw(st.sampled_from(["up", "down"]))
        for key in ("baseline", "target"):
            out[key] = {"year": draw(_year), "value": draw(_number)}
        if draw(st.booleans()):
            out["values"] = draw(st.dictionaries(_year, _number, max_size=3))
        return out

    def node(kind: str, depth: int) -> dict[str, Any]:
        out: dict[str, Any] = {"id": new_id(kind[0].upper()), "title": draw(_text)}
        if draw(st.booleans()):
            out["description"] = draw(_prose)
        if draw(st.booleans()):
            out["tags"] = draw(st.lists(_word, max_size=2))
        if draw(st.booleans()):
            out["follows_up"] = links()
        if kind == "measure":
            for key in ("responsible", "status"):
                if draw(st.booleans()):
                    out[key] = draw(_text)
            if draw(st.booleans()):  # a year, a date or a period, as the model takes
                out["due"] = draw(st.sampled_from(["2026", "2025-06-30", "2025–2027"]))
            if draw(st.booleans()):
                out["cost"] = {2026: draw(st.integers(0, 10**7)), 2027: 1.5}
            return out
        if kind == "goal" and draw(st.booleans()):
            out["indicators"] = [indicator() for _ in range(draw(st.integers(1, 2)))]
        allowed = {
            "area": ["goals", "strategies", "measures"],
            "goal": ["goals", "strategies", "measures"],
            "strategy": ["strategies", "measures"],
        }[kind]
        if depth < 2:
            for key in allowed:
                n = draw(st.integers(0, 2))
                child = {"goals": "goal", "strategies": "strategy", "measures": "measure"}[key]
                kids = [node(child, depth + 1) for _ in range(n)]
                if kids:
                    out[key] = kids
        return out

    plans: list[Plan] = []
    for i, ptype in enumerate(
        ["samfunnsplan", "kommunedelplan", "handlingsdel"][: draw(st.integers(1, 3))]
    ):
        header: dict[str, Any] = {"id": f"P{i}", "type": ptype, "title": draw(_text)}
        if i:
            header["follows"] = [f"P{i - 1}"]
            if draw(st.booleans()):
                header["relevant_goals"] = links()
        if draw(st.booleans()):
            header["date"] = "2022-05-19"
        body: dict[str, Any] = {"plan": header}
        for key, kind in (
            ("areas", "area"),
            ("goals", "goal"),
            ("strategies", "strategy"),
            ("measures", "measure"),
        ):
            kids = [node(kind, 0) for _ in range(draw(st.integers(0, 2)))]
            if kids:
                body[key] = kids
        plans.append(Plan.model_validate(body))
    return plans


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plan_sets(), st.sampled_from(["nn", "nb", "en"]))
def test_import_of_export_is_judged_as_the_original(plans: list[Plan], lang: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "plans.xlsx"
        path.write_bytes(export_workbook(plans, lang))  # type: ignore[arg-type]
        back = read_sheet_plans(path)
        assert [p.model_dump() for p in back] == [p.model_dump() for p in plans]
        assert judged(back) == judged(plans)
        # and through the YAML files import writes
        written = write_plans(back, Path(tmp) / "out")
        again = [parse_plan(f.read_bytes(), str(f)).plan for f in written]
        assert [p.model_dump() for p in again if p] == [p.model_dump() for p in plans]


def test_example_plans_survive_export_and_import(tmp_path: Path) -> None:
    original = load_plan_set([ROOT / "plans"], cache=False)  # indicators and all
    path = tmp_path / "plans.xlsx"
    path.write_bytes(export_workbook(original.plans, "nn"))
    back = read_sheet_plans(path)
    written = write_plans(back, tmp_path / "out")
    again = load_plan_set([tmp_path / "out"], cache=False)
    assert len(written) == len(original.plans) == 4  # a framework (rammeverk) among them
    assert sum(len(g.indicators) for g in _goals(again.plans)) == 5
    assert [p.model_dump() for p in again.plans] == [p.model_dump() for p in original.plans]
    assert judged(again.plans) == judged(original.plans)


def _goals(plans: list[Plan]) -> list[Any]:
    from maltrace.load.loader import iter_nodes
    from maltrace.load.models import Goal

    return [n for p in plans for n, _ in iter_nodes(p) if isinstance(n, Goal)]


def _verdict(output: str) -> Any:
    """check's JSON without where things are (file names and lines differ by design)."""

    def strip(data: Any) -> Any:
        if isinstance(data, dict):
            return {k: strip(v) for k, v in data.items() if k not in ("file", "line", "files")}
        if isinstance(data, list):
            return [strip(v) for v in data]
        return data

    return strip(json.loads(output))


def test_check_on_the_imported_export_gives_checks_verdict_on_plans(tmp_path: Path) -> None:
    """maltrace export plans/ -o x.xlsx && maltrace import x.xlsx -o DIR/ && maltrace check DIR/"""
    runner = CliRunner()
    book, out = tmp_path / "x.xlsx", tmp_path / "DIR"
    assert runner.invoke(app, ["export", str(ROOT / "plans"), "-o", str(book)]).exit_code == 0
    r = runner.invoke(app, ["import", str(book), "-o", str(out)])
    assert r.exit_code == 0, r.output
    assert "maletal.csv" in r.output  # the CSV file stays where it is; import says so
    args = ["-f", "json", "--no-cache"]
    before = runner.invoke(app, ["check", str(ROOT / "plans"), *args])
    after = runner.invoke(app, ["check", str(out), *args])
    assert after.exit_code == before.exit_code == 1
    assert _verdict(after.stdout) == _verdict(before.stdout)
    # The indicators too: with the measurements file copied beside the plans, status agrees.
    status = ["status", "-f", "json", "--no-cache", "--today", "2026-11-23"]
    assert runner.invoke(app, [*status, str(out)]).exit_code == 2  # the CSV is not there yet
    shutil.copy(ROOT / "plans" / "maletal.csv", out)
    before = runner.invoke(app, [*status, str(ROOT / "plans")])
    after = runner.invoke(app, [*status, str(out)])
    assert after.exit_code == before.exit_code
    assert _verdict(after.stdout) == _verdict(before.stdout)
    assert len(_verdict(after.stdout)["indicators"]) == 5
