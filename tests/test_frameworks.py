"""Frameworks and ladders: contributes_to, built-in SDG/LHL/BTH/NF2023, a set's own ladder."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import EXAMPLE_PLANS, goal, measure, plan_yaml, strategy
from hypothesis import given, settings
from hypothesis import strategies as st

from maltrace.analysis import analyse
from maltrace.graph import build_graph
from maltrace.load import LoadFailed, load_plan_set
from maltrace.load.frameworks import builtin_frameworks, builtin_plan
from maltrace.render.check.json import check_dict

KPS = plan_yaml(
    "KPS",
    type="samfunnsplan",
    goals=[
        {**goal("KPS-1"), "contributes_to": ["SDG-3.8"]},
        {**goal("KPS-2"), "contributes_to": ["SDG-4", "SDG-3"]},
        goal("KPS-3"),
    ],
)
# A ladder of four steps, lowest first; steps 1 and 3 have nothing on them.
TRAPP = """\
plan:
  id: TRAPP
  type: rammeverk
  title: Omsorgstrappa
  ordered: true
items:
  - id: T-1
    title: Eg klarer meg sjølv
  - id: T-2
    title: Litt hjelp
    items:
      - id: T-2a
        title: Kvardagsrehabilitering
  - id: T-3
    title: Hjelp heime
  - id: T-4
    title: Sjukeheim
"""
KDP = plan_yaml(
    "KDP",
    follows=["KPS"],
    goals=[
        goal(
            "H-1",
            follows_up=["KPS-1"],
            strategies=[
                {**strategy("S-1"), "contributes_to": ["T-2a", "LHL-4"]},
                {**strategy("S-2"), "contributes_to": ["T-4"], "measures": [measure("M-1")]},
                {**strategy("S-3"), "contributes_to": ["TRAPP"]},  # across every step
            ],
        )
    ],
)


def with_frameworks(text: str, frameworks: list[str]) -> str:
    return text.replace("  title: Plan KDP\n", f"  title: Plan KDP\n  frameworks: {frameworks}\n")


def test_sdg_goals_and_targets_address_their_goal(analyse_set):
    a = analyse_set(kps=KPS, kdp=KDP, trapp=TRAPP)
    sdg = a.frameworks["SDG"]
    assert sdg.items == 17
    # SDG-3 directly (KPS-2) and through its target 3.8 (KPS-1); SDG-4 directly
    assert sdg.addressed == ("SDG-3", "SDG-4")
    assert len(sdg.not_addressed) == 15 and "SDG-1" in sdg.not_addressed
    assert sdg.per_item == {"SDG-3": ("KPS-2",), "SDG-3.8": ("KPS-1",), "SDG-4": ("KPS-2",)}
    assert sdg.addressed_by("SDG-3") == ("KPS-2", "KPS-1")
    assert sdg.ratio == pytest.approx(2 / 17)


def test_a_reform_area_without_strategy_is_a_gap(analyse_set):
    a = analyse_set(kps=KPS, kdp=KDP, trapp=TRAPP)
    lhl = a.frameworks["LHL"]
    assert (lhl.items, lhl.addressed) == (5, ("LHL-4",))
    assert lhl.not_addressed == ("LHL-1", "LHL-2", "LHL-3", "LHL-5")


def test_ladder_keeps_order_empty_steps_and_cross_cutting(analyse_set):
    a = analyse_set(kps=KPS, kdp=KDP, trapp=TRAPP)
    trapp = a.frameworks["TRAPP"]
    assert trapp.framework.ordered
    assert [i.id for i in trapp.framework.items] == ["T-1", "T-2", "T-3", "T-4"]
    assert trapp.addressed == ("T-2", "T-4")
    assert trapp.not_addressed == ("T-1", "T-3")
    # naming the ladder itself: shown apart, never filling a gap
    assert trapp.cross_cutting == ("S-3",)
    assert "TRAPP" not in trapp.per_item


def test_per_plan_counts_only_that_plans_nodes(analyse_set):
    a = analyse_set(kps=KPS, kdp=KDP, trapp=TRAPP)
    sdg = a.frameworks["SDG"]
    assert list(sdg.per_plan) == ["KPS"]
    trapp = a.frameworks["TRAPP"]
    assert list(trapp.per_plan) == ["KDP"]
    assert trapp.per_plan["KDP"].addressed == ("T-2", "T-4")


def without_links(text: str) -> str:
    """The same plan file with every contributes_to (and its list) taken out."""
    out, skipping = [], False
    for line in text.splitlines(keepends=True):
        if line.strip() == "contributes_to:":
            skipping = True
            indent = len(line) - len(line.lstrip())
            continue
        if skipping and line.strip().startswith("- ") and len(line) - len(line.lstrip()) >= indent:
            continue
        skipping = False
        out.append(line)
    return "".join(out)


def test_contributes_to_never_changes_the_coverage(write_set, tmp_path):
    linked = analyse(build_graph(load_plan_set([write_set(kps=KPS, kdp=KDP, trapp=TRAPP)])))
    bare_dir = tmp_path / "bare"
    bare_dir.mkdir()
    for name, text in (("kps", KPS), ("kdp", KDP), ("trapp", TRAPP)):
        (bare_dir / f"{name}.yaml").write_text(without_links(text), encoding="utf-8")
    assert "contributes_to" not in (bare_dir / "kdp.yaml").read_text(encoding="utf-8")
    bare = analyse(build_graph(load_plan_set([bare_dir])))
    assert linked.frameworks and not bare.frameworks
    assert linked.coverage == bare.coverage
    assert linked.goals == bare.goals
    assert linked.per_plan == bare.per_plan
    assert linked.orphans == bare.orphans
    # the framework file is no plan to follow up and draws no goals into scope
    assert [p.id for p in linked.plans] == ["KPS", "KDP"]


def test_example_plans_keep_their_coverage_and_use_frameworks():
    import maltrace

    a = maltrace.check(str(EXAMPLE_PLANS), cache=False)
    assert (a.coverage.followed_up, a.coverage.goals) == (13, 18)
    assert list(a.frameworks) == ["SDG", "LHL", "BTH", "AMT"]
    amt = a.frameworks["AMT"]
    assert amt.framework.ordered and amt.not_addressed == ("AMT-1", "AMT-5")
    assert "HSO-3.5" in amt.cross_cutting
    assert a.frameworks["SDG"].declared_by == ("KPS",)
    assert not [f for f in a.findings if "framework" in f.code]


def test_dangling_framework_link_with_suggestion_file_and_line(analyse_set):
    kdp = KDP.replace("- LHL-4", "- LHL-44").replace("- T-4\n", "- T4\n")
    a = analyse_set(kps=KPS, kdp=kdp, trapp=TRAPP)
    found = [f for f in a.findings if f.code == "dangling-framework-link"]
    assert [(f.node, f.target, f.suggestion) for f in found] == [
        ("S-1", "LHL-44", "LHL-4"),
        ("S-2", "T4", "T-4"),
    ]
    f = found[0]
    assert f.severity == "error" and f.file.endswith("kdp.yaml")
    lines = Path(f.file).read_text(encoding="utf-8").splitlines()
    assert lines[f.line - 1].strip() == "contributes_to:"
    assert "Did you mean “LHL-4”?" in f.message("en")
    assert "«Bidreg til»" in f.message("nn") and f.fix("nb")
    assert a.exit_code() == 1


def test_unknown_framework_declared_by_a_plan(analyse_set):
    a = analyse_set(kps=KPS, kdp=with_frameworks(KDP, ["SGD", "TRAPP"]), trapp=TRAPP)
    [f] = [f for f in a.findings if f.code == "unknown-framework"]
    assert (f.target, f.suggestion, f.node) == ("SGD", "SDG", None)
    assert a.frameworks["TRAPP"].declared_by == ("KDP",)


def test_a_set_file_with_the_same_id_replaces_the_builtin(analyse_set):
    own_lhl = """\
plan:
  id: LHL
  type: rammeverk
  title: Vår eiga Leve heile livet
items:
  - id: LHL-4
    title: Helsehjelp, vår måte
  - id: LHL-9
    title: Eit eige område
"""
    a = analyse_set(kps=KPS, kdp=KDP, trapp=TRAPP, lhl=own_lhl)
    lhl = a.frameworks["LHL"]
    assert not lhl.framework.builtin
    assert lhl.framework.title("en") == "Vår eiga Leve heile livet"
    assert (lhl.items, lhl.addressed, lhl.not_addressed) == (2, ("LHL-4",), ("LHL-9",))


def test_framework_file_errors_are_load_errors(write_set):
    bad = TRAPP + "goals:\n  - id: G\n    title: Eit mål\n  - id: X\n    title: x\n"
    dup = TRAPP.replace("id: T-3", "id: T-1")
    items_in_plan = KPS + "items:\n  - id: I\n    title: i\n"
    ordered_plan = KDP.replace(
        "  type: kommunedelplan\n", "  type: kommunedelplan\n  ordered: true\n"
    )
    with pytest.raises(LoadFailed) as err:
        load_plan_set([write_set(kps=items_in_plan, bad=bad, dup=dup, kdp=ordered_plan)])
    codes = sorted((e.code, e.file.rsplit("/", 1)[-1], e.line) for e in err.value.errors)
    assert codes == [
        ("duplicate-item", "dup.yaml", 14),
        ("framework-with-goals", "bad.yaml", 2),  # the plan: block
        ("items-outside-framework", "kps.yaml", 18),  # the first item
        ("ordered-outside-framework", "kdp.yaml", 2),
    ]
    assert all("Traceback" not in e.message("nn") for e in err.value.errors)
    dup_error = next(e for e in err.value.errors if e.code == "duplicate-item")
    assert dup_error.line == 14
    assert "T-1" in dup_error.message("nn") and "line 2" not in dup_error.message("nn")


def test_unknown_key_in_an_item_names_the_item(write_set):
    with pytest.raises(LoadFailed) as err:
        load_plan_set([write_set(t=TRAPP.replace("    title: Litt hjelp\n", "    titel: x\n"))])
    messages = [e.message("en") for e in err.value.errors]
    assert any("item T-2" in m for m in messages), messages


def test_builtin_frameworks_in_three_languages_with_sources():
    fws = builtin_frameworks()
    assert list(fws) == ["SDG", "NF2023", "LHL", "BTH"]
    sdg = fws["SDG"]
    assert len(sdg.items) == 17
    assert sum(len(list(i.walk())) - 1 for i in sdg.items) == 169
    three = sdg.items[2]
    assert three.titles == (
        "God helse og livskvalitet",
        "God helse og livskvalitet",
        "Good health and well-being",
    )
    assert three.colour == "#4C9F38"
    assert [i.colour for i in sdg.items][-1] == "#19486A"
    assert (
        sdg.items[1].title("nn") == "Utrydde svolt" and sdg.items[1].title("nb") == "Utrydde sult"
    )
    assert sdg.item("SDG-3.8") is not None and sdg.item("SDG-1.a") is not None
    assert [len(fws[k].items) for k in ("LHL", "BTH", "NF2023")] == [5, 4, 5]
    assert fws["LHL"].items[0].title("nn") == "Eit aldersvenleg Noreg"
    assert fws["NF2023"].items[4].title("nn") == "Samfunnstryggleik og beredskap"
    for fw in fws.values():
        assert fw.reference is not None and all(fw.reference)
        # the same ids in every language, and a copyable plan file for each
        for lang in ("nn", "nb", "en"):
            plan = builtin_plan(fw.id, lang)
            assert plan is not None and plan.plan.language == lang


def test_no_framework_text_in_python_source():
    import maltrace

    root = Path(maltrace.__file__).parent
    for path in root.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert "Utrydde fattigdom" not in text and "Eit aldersvenleg Noreg" not in text, path


def test_check_json_frameworks_shape(analyse_set):
    a = analyse_set(kps=KPS, kdp=KDP, trapp=TRAPP)
    out = check_dict(a, "nn")["frameworks"]
    assert list(out) == ["SDG", "LHL", "TRAPP"]
    trapp = out["TRAPP"]
    assert trapp["title"] == "Omsorgstrappa" and trapp["ordered"] is True
    assert (trapp["items"], trapp["addressed"], trapp["ratio"]) == (4, 2, 0.5)
    assert trapp["not_addressed"] == ["T-1", "T-3"]
    assert trapp["per_item"] == {"T-2a": ["S-1"], "T-4": ["S-2"]}
    assert trapp["cross_cutting"] == ["S-3"]
    assert out["SDG"]["title"] == "FN sine berekraftsmål"
    assert (
        check_dict(a, "en")["frameworks"]["SDG"]["title"] == "The UN Sustainable Development Goals"
    )


def test_focus_plan_shows_only_its_own_frameworks(write_set):
    import maltrace

    folder = write_set(kps=KPS, kdp=KDP, trapp=TRAPP)
    a = maltrace.check(str(folder), plan="KDP", cache=False)
    assert list(a.frameworks) == ["LHL", "TRAPP"]


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "maltrace", *args], capture_output=True, text=True, check=False
    )


def test_cli_check_text_table_and_json():
    r = run("check", str(EXAMPLE_PLANS))
    assert r.returncode == 1
    assert "Rammeverk (ikkje ein del av oppfølgingsgraden)" in r.stdout
    assert "AMT Aktivitets- og" in r.stdout and "71,4" in r.stdout
    assert "På tvers av trinna: HSO-2.6" in r.stdout
    data = json.loads(run("check", str(EXAMPLE_PLANS), "--format", "json").stdout)
    assert data["frameworks"]["AMT"]["not_addressed"] == ["AMT-1", "AMT-5"]
    assert data["coverage"]["ratio"] == 0.7222


def test_cli_frameworks_list_and_one():
    r = run("frameworks", "--lang", "en")
    assert r.returncode == 0
    assert "SDG" in r.stdout and "The UN Sustainable Development Goals" in r.stdout
    data = json.loads(run("frameworks", "--format", "json", "--lang", "nb").stdout)
    assert [(f["id"], f["items"]) for f in data["frameworks"]] == [
        ("SDG", 17),
        ("NF2023", 5),
        ("LHL", 5),
        ("BTH", 4),
    ]
    r = run("frameworks", "sdg", "--lang", "nn")
    assert r.returncode == 0
    assert "SDG-3 God helse og livskvalitet" in r.stdout and "SDG-3.8" in r.stdout
    assert "sdg.nn.yaml" in r.stdout
    one = json.loads(run("frameworks", "BTH", "-f", "json", "--lang", "en").stdout)
    assert one["items"][0]["id"] == "BTH-1" and one["reference"]
    r = run("frameworks", "SGD")
    assert r.returncode == 2 and "SDG" in r.stderr and "Traceback" not in r.stderr


def test_diagram_framework_and_ladder(write_set):
    from maltrace.render.diagram import DiagramError, build_diagram

    folder = write_set(kps=KPS, kdp=KDP, trapp=TRAPP)
    import maltrace

    a = maltrace.check(str(folder), cache=False)
    sdg = build_diagram(a, framework="SDG", lang="nn")
    assert sdg.view == "framework"
    assert 'BGCOLOR="#4C9F38"' in sdg.dot and "<B>3</B>" in sdg.dot
    assert "God helse og livskvalitet" in sdg.dot and "Ikkje teke opp" in sdg.dot
    assert "(via SDG-3.8)" in sdg.dot
    ladder = build_diagram(a, framework="trapp", lang="nn")
    assert ladder.view == "ladder"
    dot = ladder.dot
    # highest step first in the picture (top), lowest last (bottom)
    assert dot.index("Trinn 4: T-4") < dot.index("Trinn 1: T-1")
    assert dot.count("Tomt trinn: ingen strategiar eller tiltak") == 2
    assert "På tvers av trinna" in dot and "Strategi S-3" in dot
    assert "Tiltak M-1" in dot  # the tiltak under a strategy on the step
    with pytest.raises(DiagramError) as err:
        build_diagram(a, framework="SGD")
    assert err.value.suggestion == "SDG"


def test_diagram_cli_writes_svg(tmp_path):
    out = tmp_path / "amt.svg"
    r = run("diagram", str(EXAMPLE_PLANS), "--framework", "AMT", "-o", str(out))
    assert r.returncode == 0, r.stderr
    svg = out.read_text(encoding="utf-8")
    assert "Eg treng meir hjelp i periodar" in svg and "Tomt trinn" in svg
    r = run("diagram", str(EXAMPLE_PLANS), "--framework", "NOPE", "-o", str(out))
    assert r.returncode == 2 and "NOPE" in r.stderr


def test_hostile_item_text_is_escaped(analyse_set):
    from maltrace.render.diagram import build_diagram

    hostile = TRAPP.replace("title: Hjelp heime", 'title: "<b>&\\\\N\\" }"')
    a = analyse_set(kps=KPS, kdp=KDP, trapp=hostile)
    dot = build_diagram(a, framework="TRAPP", lang="en").dot
    assert "&lt;b&gt;&amp;" in dot and "<b>" not in dot


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(["T-1", "T-2", "T-2a", "T-3", "T-4", "TRAPP"]), max_size=6))
def test_addressed_and_not_addressed_split_the_steps(tmp_path_factory, names):
    folder = tmp_path_factory.mktemp("p")
    kdp = plan_yaml(
        "KDP",
        follows=["KPS"],
        strategies=[{**strategy("S"), "contributes_to": names}] if names else [strategy("S")],
    )
    for name, text in (("kps", KPS), ("kdp", kdp), ("trapp", TRAPP)):
        (folder / f"{name}.yaml").write_text(text, encoding="utf-8")
    a = analyse(build_graph(load_plan_set([folder], cache=False)))
    trapp = a.frameworks.get("TRAPP")
    if not names:
        assert trapp is None
        return
    assert trapp is not None
    steps = [i.id for i in trapp.framework.items]
    assert sorted(trapp.addressed + trapp.not_addressed, key=steps.index) == steps
    hit = {"T-2" if n == "T-2a" else n for n in names} - {"TRAPP"}
    assert set(trapp.addressed) == hit
    assert trapp.cross_cutting == (("S",) if "TRAPP" in names else ())


def test_report_has_a_chapter_per_framework(write_set, tmp_path):
    import maltrace
    from maltrace.render.check.report import make_report, write_report

    a = maltrace.check(str(write_set(kps=KPS, kdp=KDP, trapp=TRAPP)), cache=False)
    doc = make_report(a, "nn", diagram=False)
    keys = [s.key for s in doc.sections]
    assert [k for k in keys if k.startswith("framework-")] == [
        "framework-SDG",
        "framework-LHL",
        "framework-TRAPP",
    ]
    ladder = doc.section("framework-TRAPP")
    [table] = ladder.tables
    assert [r[0] for r in table.rows] == ["T-1", "T-2", "T-3", "T-4"]
    assert [r[2] for r in table.rows] == ["Tomt trinn", "Teke opp", "Tomt trinn", "Teke opp"]
    assert table.row_alert == (True, False, True, False)
    assert "S-1 Strategi S-1 (KDP) (via T-2a)" in table.rows[1][3]
    assert any("På tvers av trinna: S-3" in b.text for b in ladder.blocks if hasattr(b, "text"))
    sheet = doc.sheets[-1]
    assert sheet.name == "Rammeverk" and len(sheet.table.rows) == 17 + 5 + 4
    out = tmp_path / "r.md"
    written = write_report(a, out)
    assert tmp_path / "r.framework-TRAPP.svg" in written
    text = out.read_text(encoding="utf-8")
    assert "## TRAPP Omsorgstrappa" in text and "| T-3 | Hjelp heime | Tomt trinn |" in text


def test_framework_files_are_protected_like_plan_files(write_set):
    import maltrace

    folder = write_set(kps=KPS, kdp=KDP, trapp=TRAPP)
    a = maltrace.check(str(folder), cache=False)
    assert [f.rsplit("/", 1)[-1] for f in a.framework_files] == ["trapp.yaml"]
    assert len(a.protected_files) == 3


ITEMS = ["SDG-3", "SDG-3.8", "SDG-4.1", "SDG-11", "T-2a", "T-4", "TRAPP", "LHL-2"]


@settings(max_examples=30, deadline=None)
@given(
    st.lists(st.lists(st.sampled_from(ITEMS), max_size=3), min_size=3, max_size=3),
    st.lists(st.lists(st.sampled_from(ITEMS), max_size=3), min_size=3, max_size=3),
)
def test_per_plan_views_add_up_to_the_whole(tmp_path_factory, on_goals, on_strategies):
    folder = tmp_path_factory.mktemp("p")
    kps = plan_yaml(
        "KPS",
        type="samfunnsplan",
        goals=[
            {**goal(f"G{i}"), **({"contributes_to": c} if c else {})}
            for i, c in enumerate(on_goals)
        ],
    )
    kdp = plan_yaml(
        "KDP",
        follows=["KPS"],
        strategies=[
            {**strategy(f"S{i}", follows_up=["G0"]), **({"contributes_to": c} if c else {})}
            for i, c in enumerate(on_strategies)
        ],
    )
    for name, text in (("kps", kps), ("kdp", kdp), ("trapp", TRAPP)):
        (folder / f"{name}.yaml").write_text(text, encoding="utf-8")
    a = analyse(build_graph(load_plan_set([folder], cache=False)))
    bare_folder = tmp_path_factory.mktemp("bare")
    for name, text in (("kps", kps), ("kdp", kdp)):
        (bare_folder / f"{name}.yaml").write_text(without_links(text), encoding="utf-8")
    bare = analyse(build_graph(load_plan_set([bare_folder], cache=False)))
    assert (a.coverage, a.goals, a.per_plan) == (bare.coverage, bare.goals, bare.per_plan)
    for fc in a.frameworks.values():
        merged: dict[str, list[str]] = {}
        for pc in fc.per_plan.values():
            for item, nodes in pc.per_item.items():
                merged.setdefault(item, []).extend(nodes)
            # a plan never addresses more than the whole set
            assert set(pc.addressed) <= set(fc.addressed)
        assert {k: sorted(v) for k, v in merged.items()} == {
            k: sorted(v) for k, v in fc.per_item.items()
        }
        assert sorted(fc.cross_cutting) == sorted(
            n for pc in fc.per_plan.values() for n in pc.cross_cutting
        )
        assert len(fc.addressed) + len(fc.not_addressed) == fc.items
