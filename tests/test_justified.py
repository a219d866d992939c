"""Justified gaps: a goal a plan leaves on purpose, a node deliberately without a link."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from test_properties import _goals, trees
from typer.testing import CliRunner

from maltrace import api
from maltrace.analysis import analyse
from maltrace.cli import app
from maltrace.graph import build_graph
from maltrace.load import Plan, PlanSet

KPS = """\
plan: {id: KPS, type: samfunnsplan, title: Samfunnsdel}
goals:
  - id: G1
    title: Følgt opp
  - id: G2
    title: Overlate til regional plan
    reason_not_followed_up: Regional plan for klima følgjer dette opp.
"""
KDP = """\
plan: {id: KDP, type: kommunedelplan, title: Sektorplan, follows: [KPS]}
goals:
  - id: K1
    title: Sektormål
    follows_up: [G1]
    strategies: [{id: K1.S, title: Strategi}]
  - id: K2
    title: Lovpålagd oppgåve
    reason_no_link: Lovpålagd; følgjer ikkje av samfunnsdelen.
    strategies:
      - {id: K2.S, title: Under ein grunngjeven node}
"""

runner = CliRunner()


def check(*args: str) -> tuple[int, str]:
    r = runner.invoke(app, ["check", *args])
    return r.exit_code, r.stdout


def test_coverage_counts_a_justified_goal_as_not_followed_up(
    write_set: Callable[..., Path],
) -> None:
    a = api.check(write_set(kps=KPS, kdp=KDP), cache=False)
    assert (a.coverage.goals, a.coverage.followed_up) == (2, 1)
    assert a.uncovered_goals == ("G2",)
    assert [g.id for g in a.justified_goals] == ["G2"]
    assert [(f.severity, f.code, f.node) for f in a.findings] == [
        ("info", "not-followed-up-justified", "G2"),
        ("info", "no-link-justified", "K2"),
    ]
    assert a.orphans == ()  # neither K2 nor K2.S beneath it
    assert a.findings[0].line == 7  # the reason's own line
    assert a.exit_code() == 0 and a.exit_code(strict=True) == 0


def test_check_exits_0_when_every_gap_is_justified(write_set: Callable[..., Path]) -> None:
    folder = write_set(kps=KPS, kdp=KDP)
    code, out = check(str(folder), "--no-cache")
    out = " ".join(out.split())
    assert code == 0
    assert "Oppfølgingsgrad: 50 % (1 av 2 mål er følgt opp)" in out
    assert "Grunngjevne avvik (tel som ikkje følgde opp)" in out
    assert "Regional plan for klima følgjer" in out
    assert "Funn Ingen funn." in out
    assert "Merknader (grunngjevne avvik): 2." in out
    assert "Feil: 0. Åtvaringar: 0." in out


def test_an_unexplained_gap_still_fails(write_set: Callable[..., Path]) -> None:
    folder = write_set(kps=KPS + "  - {id: G3, title: Gløymt}\n", kdp=KDP)
    assert check(str(folder))[0] == 1
    # --fail-under: the justified goal is accounted for, the forgotten one is not (2 of 3).
    assert check(str(folder), "--fail-under", "66")[0] == 0
    assert check(str(folder), "--fail-under", "67")[0] == 1


def test_json_lists_reasons(write_set: Callable[..., Path]) -> None:
    code, out = check(str(write_set(kps=KPS, kdp=KDP)), "--format", "json")
    data = json.loads(out)
    assert code == 0
    assert data["summary"] == {"errors": 0, "warnings": 0, "infos": 2}
    g2 = next(g for g in data["goals"] if g["id"] == "G2")
    assert g2["followed_up"] is False
    assert g2["reason_not_followed_up"] == "Regional plan for klima følgjer dette opp."
    assert data["findings"][1]["severity"] == "info"


def test_a_followed_up_goal_is_not_a_justified_gap(write_set: Callable[..., Path]) -> None:
    kps = KPS.replace(
        "    title: Følgt opp\n", "    title: Følgt opp\n    reason_not_followed_up: x\n"
    )
    a = api.check(write_set(kps=kps, kdp=KDP), cache=False)
    assert [g.id for g in a.justified_goals] == ["G2"]


def test_report_has_its_own_table(write_set: Callable[..., Path], tmp_path: Path) -> None:
    out = tmp_path / "r.md"
    r = runner.invoke(app, ["report", str(write_set(kps=KPS, kdp=KDP)), "-o", str(out)])
    assert r.exit_code == 0
    text = out.read_text(encoding="utf-8")
    section = text.split("## Grunngjevne avvik (tel som ikkje følgde opp)")[1].split("\n## ")[0]
    assert "| G2 | mål | Overlate til regional plan | KPS | Regional plan for klima" in section
    assert "| K2 | mål | Lovpålagd oppgåve | KDP | Lovpålagd; følgjer" in section
    uncovered = text.split("## Mål som ikkje er følgde opp")[1].split("\n## ")[0]
    assert "G2" not in uncovered


def test_plan_view_keeps_justified_gaps_out_of_the_findings(
    write_set: Callable[..., Path],
) -> None:
    a = api.check(write_set(kps=KPS, kdp=KDP), plan="KDP", cache=False)
    assert a.exit_code() == 0
    assert [f.code for f in a.findings] == ["no-link-justified"]


# -- invariants on random plan sets ----------------------------------------------------------


def _with_reasons(goals: list[dict[str, object]], reasoned: set[str]) -> list[dict[str, object]]:
    out = []
    for g in goals:
        g = dict(g)
        if g["id"] in reasoned:
            g["reason_not_followed_up"] = "grunngjeve"
        g["goals"] = _with_reasons(g["goals"], reasoned)  # type: ignore[arg-type]
        out.append(g)
    return out


@st.composite
def justified_sets(draw: st.DrawFn) -> tuple[PlanSet, PlanSet, set[str]]:
    goal_ids: list[str] = []
    goals = _goals(draw(st.lists(trees, min_size=1, max_size=4)), "G", goal_ids)
    links = draw(st.lists(st.sampled_from(goal_ids), max_size=4))
    reasoned = set(draw(st.lists(st.sampled_from(goal_ids), max_size=len(goal_ids))))
    kdp = {
        "plan": {"id": "KDP", "type": "kommunedelplan", "title": "K", "follows": ["KPS"]},
        "strategies": [{"id": "S", "title": "S", "follows_up": links}],
    }

    def kps(gs: list[dict[str, object]]) -> Plan:
        return Plan.model_validate(
            {"plan": {"id": "KPS", "type": "samfunnsplan", "title": "S"}, "goals": gs}
        )

    plain = PlanSet([kps(goals), Plan.model_validate(kdp)], [])
    explained = PlanSet([kps(_with_reasons(goals, reasoned)), Plan.model_validate(kdp)], [])
    return plain, explained, reasoned


@settings(max_examples=60, deadline=None)
@given(justified_sets())
def test_reasons_never_change_coverage_and_pass_only_when_every_gap_is_explained(
    sets: tuple[PlanSet, PlanSet, set[str]],
) -> None:
    plain, explained, reasoned = sets
    a, b = analyse(build_graph(plain)), analyse(build_graph(explained))
    assert a.coverage == b.coverage
    assert a.uncovered_goals == b.uncovered_goals
    assert {g.id for g in b.justified_goals} == set(a.uncovered_goals) & reasoned
    gaps_explained = set(a.uncovered_goals) <= reasoned
    assert (b.exit_code() == 0) == gaps_explained
    assert not [f for f in b.findings if f.severity == "error"] or not gaps_explained
