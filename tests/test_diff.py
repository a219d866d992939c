"""``maltrace diff``: a draft samfunnsdel and the adopted one, every change kind and impact code,
from two folders and from a real git repository."""

from __future__ import annotations

import html
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from conftest import ROOT, plan_yaml

from maltrace.analysis import analyse
from maltrace.analysis.diff import PlanDiff, SideFailed, diff_analyses, diff_sources
from maltrace.analysis.matching import SIMILARITY, nearly_same, similarity, words
from maltrace.graph import build_graph
from maltrace.load import Plan, PlanSet

DATA = ROOT / "tests" / "data" / "diff"
DRAFT, ADOPTED = DATA / "utkast", DATA / "vedteken"


def run(
    *args: str, cwd: Path = ROOT, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    full_env = {**os.environ, "COLUMNS": "100", **(env or {})}
    full_env.pop("FORCE_COLOR", None)
    return subprocess.run(
        [sys.executable, "-m", "maltrace", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        env=full_env,
        timeout=120,
    )


@pytest.fixture(scope="module")
def adopted() -> PlanDiff:
    return diff_sources([DRAFT], [ADOPTED])[0]


def _changes(d: PlanDiff) -> list[tuple[str, str, str, str | None]]:
    return [(c.change, c.kind, c.id, c.old_id) for c in d.changes]


def test_every_change_kind(adopted: PlanDiff) -> None:
    assert _changes(adopted) == [
        ("header", "plan", "KPS", None),
        ("header", "plan", "KPS", None),
        ("reworded", "goal", "KPS-1.1", None),
        ("added", "goal", "KPS-1.2", None),  # the old id, reused for a new goal
        ("renumbered", "goal", "KPS-1.3", "KPS-1.2"),
        ("added", "area", "KPS-3", None),
        ("moved", "goal", "KPS-2.2", None),
        ("added", "goal", "KPS-3.1", None),
        ("removed", "goal", "KPS-1.4", None),
        ("removed", "strategy", "HSO-3.1", None),
    ]
    header = adopted.changes_of("header")
    assert [(c.field, c.old_value, c.new_value) for c in header] == [
        ("status", "høyringsutkast", "vedteken"),
        ("date", "2021-11-15", "2022-05-19"),
    ]
    reused = adopted.changes[3]
    assert reused.reused_id
    assert reused.old_title == "Innbyggjarane skal få meir kunnskap om å ta vare på eiga helse"
    moved = adopted.changes_of("moved")[0]
    assert (moved.old_parent, moved.new_parent) == ("KPS-2", "KPS-3")
    reworded = adopted.changes_of("reworded")[0]
    assert ("-", "innbyggjarane") in reworded.words
    assert ("+", "og berekraftige") in reworded.words
    assert adopted.renumbered == {"KPS-1.2": "KPS-1.3"}


def test_every_impact_code_with_file_and_line(adopted: PlanDiff) -> None:
    got = [
        (i.code, i.node, i.target, i.suggestion, Path(i.file).name, i.line) for i in adopted.impact
    ]
    assert got == [
        ("new-goal-not-followed-up", "KPS-1.2", None, None, "samfunnsdel.yaml", 16),
        ("goal-lost-follow-up", "KPS-1.3", None, None, "samfunnsdel.yaml", 18),
        ("goal-lost-follow-up", "KPS-2.3", None, None, "samfunnsdel.yaml", 25),
        ("new-goal-not-followed-up", "KPS-3.1", None, None, "samfunnsdel.yaml", 32),
        ("target-reworded", "HSO-1", "KPS-1.1", None, "kdp-helse.yaml", 14),
        ("target-renumbered", "HSO-1.2", "KPS-1.2", "KPS-1.3", "kdp-helse.yaml", 22),
        ("target-removed", "HSO-2", "KPS-1.4", None, "kdp-helse.yaml", 26),
    ]
    assert all(Path(i.file).parent.name == "vedteken" for i in adopted.impact)
    assert adopted.exit_code() == 1


def test_coverage_before_and_after(adopted: PlanDiff) -> None:
    # The link HSO-1.2 -> KPS-1.2 was written for the goal that is now KPS-1.3: it does not
    # follow up the new goal that has taken the id (check alone would count it: 4 of 7).
    assert (adopted.old.coverage.followed_up, adopted.old.coverage.goals) == (6, 6)
    assert (adopted.new.coverage.followed_up, adopted.new.coverage.goals) == (3, 7)
    assert adopted.new.per_plan["KDP-HSO"].followed_up == ("KPS-1.1", "KPS-2.1", "KPS-2.2")
    areas = {a.area: (a.coverage.followed_up, a.coverage.goals) for a in adopted.new.per_area}
    assert areas == {"KPS-1": (1, 3), "KPS-2": (1, 2), "KPS-3": (1, 2)}


def test_a_set_against_itself_needs_nothing() -> None:
    same = diff_sources([ADOPTED], [ADOPTED])[0]
    assert same.changes == () and same.impact == () and same.exit_code() == 0


# -- "nearly the same text": the documented threshold, at its edge -----------------------------


def test_word_normalisation() -> None:
    assert words("Alle innbyggjarane, alle!") == words("alle Innbyggjarar")
    assert words("helse- og omsorgstenester") == words("Helse og omsorgstenesta")
    assert SIMILARITY == 0.6


def test_similarity_edge() -> None:
    a = words("alfa beta gamma delta")
    assert similarity(a, words("alfa beta gamma omega")) == pytest.approx(0.6)  # 3 of 5
    assert similarity(a, words("alfa beta gamma omega sigma")) == pytest.approx(0.5)  # 3 of 6


def _pair(old_title: str, new_title: str) -> PlanDiff:
    def side(gid: str, title: str) -> Any:
        kps = Plan.model_validate(
            {
                "plan": {"id": "KPS", "type": "samfunnsplan", "title": "S"},
                "goals": [{"id": gid, "title": title}, {"id": "KPS-9", "title": "Anna heilt"}],
            }
        )
        return analyse(build_graph(PlanSet([kps], [])))

    return diff_analyses(side("KPS-1", old_title), side("KPS-2", new_title))


def test_renumbered_at_the_threshold_and_not_below() -> None:
    at = _pair("alfa beta gamma delta", "alfa beta gamma omega")
    assert _changes(at) == [("renumbered", "goal", "KPS-2", "KPS-1")]
    below = _pair("alfa beta gamma delta", "alfa beta gamma omega sigma")
    assert _changes(below) == [("added", "goal", "KPS-2", None), ("removed", "goal", "KPS-1", None)]


def test_a_new_link_to_a_reused_id_counts() -> None:
    """A link written against NEW (not in OLD) means the goal that has the id now."""

    def side(kdp_links: list[str], kps_goals: list[tuple[str, str]]) -> Any:
        kps = Plan.model_validate(
            {
                "plan": {"id": "KPS", "type": "samfunnsplan", "title": "S"},
                "goals": [{"id": g, "title": t} for g, t in kps_goals],
            }
        )
        kdp = Plan.model_validate(
            {
                "plan": {"id": "KDP", "type": "kommunedelplan", "title": "K", "follows": ["KPS"]},
                "strategies": [{"id": "S1", "title": "Strategi", "follows_up": kdp_links}],
            }
        )
        return analyse(build_graph(PlanSet([kps, kdp], [])))

    old = side(["G1"], [("G1", "Eldre bur trygt heime")])
    new = side(["G1", "G2"], [("G2", "Eldre bur trygt heime"), ("G1", "Barn og unge først")])
    d = diff_analyses(old, new)
    # The old link S1 -> G1 was written for the goal now called G2: G1 (a new goal with a
    # reused id) is not followed up by it.
    assert {(i.code, i.node, i.target) for i in d.impact} == {
        ("target-renumbered", "S1", "G1"),
        ("new-goal-not-followed-up", "G1", None),
    }
    new2 = side(["G2"], [("G2", "Eldre bur trygt heime"), ("G1", "Barn og unge først")])
    d2 = diff_analyses(old, new2)
    # S1 now links G2 (the renumbered goal) and no longer G1 — but G1 is a new goal nobody follows.
    assert [(i.code, i.node) for i in d2.impact] == [("new-goal-not-followed-up", "G1")]


# -- moves: a change of plan or parent, and a parent that only got a new number ---------------


def _analysis(plans: dict[str, dict[str, Any]]) -> Any:
    """An analysis of plans given as ``{plan id: {"type": …, "follows": […], "goals": […]}}``."""
    models = [
        Plan.model_validate(
            {
                "plan": {
                    "id": pid,
                    "type": body.get("type", "kommunedelplan"),
                    "title": f"Plan {pid}",
                    **({"follows": body["follows"]} if "follows" in body else {}),
                },
                "goals": body.get("goals", []),
            }
        )
        for pid, body in plans.items()
    ]
    return analyse(build_graph(PlanSet(models, [])))


def _g(gid: str, title: str, *kids: dict[str, Any]) -> dict[str, Any]:
    return {"id": gid, "title": title, "goals": list(kids)}


def test_a_goal_moved_to_another_plan_is_moved(tmp_path: Path) -> None:
    """The same goal, still at the top, now in the kommunedelplan instead of the samfunnsdel:
    its parent is "none" on both sides, so only the plan tells that it moved."""
    kept = _g("K1", "Gode helsetenester i heile kommunen")
    old = {
        "KPS": {
            "type": "samfunnsplan",
            "goals": [_g("G1", "Eldre bur trygt heime"), _g("G2", "Barn og unge først")],
        },
        "KDP": {"follows": ["KPS"], "goals": [kept]},
    }
    new = {
        "KPS": {"type": "samfunnsplan", "goals": [_g("G1", "Eldre bur trygt heime")]},
        "KDP": {"follows": ["KPS"], "goals": [kept, _g("G2", "Barn og unge først")]},
    }
    d = diff_analyses(_analysis(old), _analysis(new))
    assert _changes(d) == [("moved", "goal", "G2", None)]
    [moved] = d.changes
    assert (moved.plan, moved.old_plan, moved.old_parent, moved.new_parent) == (
        "KDP",
        "KPS",
        None,
        None,
    )
    # and the command says so, not «Ingen endringar»
    folders = []
    for name, plans in (("old", old), ("new", new)):
        folder = tmp_path / name
        folder.mkdir()
        for pid, body in plans.items():
            (folder / f"{pid.lower()}.yaml").write_text(plan_yaml(pid, **body), encoding="utf-8")
        folders.append(str(folder))
    r = run("diff", *folders)
    assert "Ingen endringar" not in r.stdout
    assert "frå KPS til toppnivå: «Barn og unge først»" in r.stdout


def test_a_goal_under_a_renumbered_parent_has_not_moved() -> None:
    """G1 got the number G9 and kept its subgoal D1: D1 is where it was. D2 did move, from
    the renumbered G1 to G2."""

    def side(top: str, d2_under_top: bool) -> Any:
        d1 = _g("D1", "Fleire eldre bur heime med tryggleiksalarm")
        d2 = _g("D2", "Fleire møteplassar for ungdom i sentrum")
        first = _g(top, "Eldre bur trygt heime", d1, *([d2] if d2_under_top else []))
        second = _g("G2", "Barn og unge først", *([] if d2_under_top else [d2]))
        return _analysis({"KPS": {"type": "samfunnsplan", "goals": [first, second]}})

    d = diff_analyses(side("G1", True), side("G9", False))
    assert d.renumbered == {"G1": "G9"}
    assert _changes(d) == [("renumbered", "goal", "G9", "G1"), ("moved", "goal", "D2", None)]
    moved = d.changes_of("moved")[0]
    assert (moved.old_parent, moved.new_parent, moved.old_plan) == ("G1", "G2", None)
    # only the renumbering when nothing else moved
    same = diff_analyses(side("G1", True), side("G9", True))
    assert _changes(same) == [("renumbered", "goal", "G9", "G1")]


def test_a_goal_whose_removed_parent_lent_its_id_to_another_has_moved() -> None:
    """G1 is removed and G2 gets its number: D1, written under "G1" on both sides, now sits
    under another goal, so it has moved (from the old G1 to the goal now called G1)."""
    d1 = _g("D1", "Fleire eldre bur heime med tryggleiksalarm")
    old = {
        "KPS": {
            "type": "samfunnsplan",
            "goals": [_g("G1", "Eldre bur trygt heime", d1), _g("G2", "Barn og unge først")],
        }
    }
    new = {"KPS": {"type": "samfunnsplan", "goals": [_g("G1", "Barn og unge først", d1)]}}
    d = diff_analyses(_analysis(old), _analysis(new))
    assert d.renumbered == {"G2": "G1"}
    assert _changes(d) == [
        ("renumbered", "goal", "G1", "G2"),
        ("moved", "goal", "D1", None),
        ("removed", "goal", "G1", None),
    ]
    moved = d.changes_of("moved")[0]
    assert (moved.old_parent, moved.new_parent) == ("G1", "G1")
    # and the other way round: D1 was under the goal called G1 and is under the one called G1
    back = diff_analyses(_analysis(new), _analysis(old))
    assert [c.id for c in back.changes_of("moved")] == ["D1"]


# -- the command -------------------------------------------------------------------------------


def test_cli_text_json_and_exit_codes() -> None:
    text = run("diff", str(DRAFT), str(ADOPTED))
    assert text.returncode == 1, text.stderr
    assert "Oppfølgingsgrad: 100 % → 42,9 %" in text.stdout.replace("\xa0", " ")
    assert "[target-renumbered]" in text.stdout and "nytt nummer" in text.stdout
    assert "maltrace relink" in text.stdout
    out = run("diff", str(DRAFT), str(ADOPTED), "--format", "json", "--lang", "en")
    assert out.returncode == 1
    data = json.loads(out.stdout)
    assert data["schema_version"] == 1
    assert set(data) >= {"changes", "impact", "coverage", "per_plan", "per_area"}
    renumbered = [c for c in data["changes"] if c["change"] == "renumbered"]
    assert renumbered[0]["id"] == "KPS-1.3" and renumbered[0]["old_id"] == "KPS-1.2"
    removed = [c for c in data["changes"] if c["change"] == "removed"]
    assert {c["id"] for c in removed} == {"KPS-1.4", "HSO-3.1"}
    impact = {i["code"]: i for i in data["impact"]}
    assert impact["target-renumbered"]["suggestion"] == "KPS-1.3"
    assert set(impact["target-removed"]) == {
        "code",
        "node",
        "target",
        "plan",
        "file",
        "line",
        "message",
        "fix",
    }
    assert data["coverage"] == {
        "old": {"goals": 6, "followed_up": 6, "ratio": 1.0},
        "new": {"goals": 7, "followed_up": 3, "ratio": 0.4286},
    }
    assert data["per_plan"]["new"]["KDP-HSO"]["relevant"] == 7
    same = run("diff", str(ADOPTED), str(ADOPTED))
    assert same.returncode == 0
    missing = run("diff", str(DRAFT), str(DATA / "nowhere"))
    assert missing.returncode == 2 and "Traceback" not in missing.stderr
    assert "NEW" in missing.stderr


def test_cli_bad_new_side_exits_2(tmp_path: Path) -> None:
    broken = tmp_path / "b"
    broken.mkdir()
    (broken / "x.yaml").write_text("plan: [\n", encoding="utf-8")
    r = run("diff", str(DRAFT), str(broken))
    assert r.returncode == 2 and "x.yaml:" in r.stderr and "Traceback" not in r.stderr
    r = run("diff", str(DRAFT))
    assert r.returncode == 2 and "REV:" in r.stderr


@pytest.mark.parametrize("suffix", [".md", ".html", ".docx", ".xlsx", ".svg"])
def test_cli_output_files(tmp_path: Path, suffix: str) -> None:
    target = tmp_path / f"endringar{suffix}"
    r = run("diff", str(DRAFT), str(ADOPTED), "-o", str(target))
    assert r.returncode == 1, r.stderr
    data = target.read_bytes()
    if suffix == ".md":
        text = data.decode().replace("\xa0", " ")
        assert "Dette må følgjast opp" in text and "målet har nytt nummer" in text
        assert "42,9 %" in text
    elif suffix == ".html":
        assert b"KPS-1.3" in data and b"Endringar" in data
    elif suffix == ".docx":
        from docx import Document

        doc = Document(str(target))
        cells = {c.text for t in doc.tables for row in t.rows for c in row.cells}
        assert "målet har nytt nummer" in cells and "KPS-1.3" in cells
    elif suffix == ".xlsx":
        from openpyxl import load_workbook

        wb = load_workbook(target)
        values = {c.value for ws in wb for row in ws.iter_rows() for c in row}
        assert "målet er fjerna" in values
    else:
        svg = html.unescape(data.decode())
        assert "Δ var KPS-1.2" in svg and "Δ nytt" in svg


def test_cli_output_refuses_a_plan_file() -> None:
    before = (ADOPTED / "kdp-helse.yaml").read_bytes()
    r = run("diff", str(DRAFT), str(ADOPTED), "-o", str(ADOPTED / "kdp-helse.yaml"))
    assert r.returncode == 2
    assert (ADOPTED / "kdp-helse.yaml").read_bytes() == before


# -- git -------------------------------------------------------------------------------------


def _git(cwd: Path, *args: str) -> None:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.org",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.org",
    }
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, env=env)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    if shutil.which("git") is None:  # pragma: no cover
        pytest.skip("git is not installed")
    root = tmp_path / "kommune"
    (root / "plans").mkdir(parents=True)
    _git(root, "init", "-q")
    for f in DRAFT.iterdir():
        shutil.copy(f, root / "plans" / f.name)
    _git(root, "add", ".")
    _git(root, "commit", "-qm", "høyringsutkast")
    _git(root, "tag", "v2021-utkast")
    for f in ADOPTED.iterdir():
        shutil.copy(f, root / "plans" / f.name)
    (root / "plans" / "kdp-helse.yaml").unlink()  # the sector plan is adopted later
    _git(root, "add", "-A")
    _git(root, "commit", "-qm", "vedteken samfunnsdel")
    shutil.copy(ADOPTED / "kdp-helse.yaml", root / "plans" / "kdp-helse.yaml")
    return root


def test_git_revisions_give_the_same_diff_as_folders(repo: Path, adopted: PlanDiff) -> None:
    # OLD at a tag, NEW the working tree (the default when only OLD is given).
    d, _ = diff_sources(["v2021-utkast:plans"], None, cwd=repo)
    assert _changes(d) == _changes(adopted)
    assert [(i.code, i.node, i.line) for i in d.impact] == [
        (i.code, i.node, i.line) for i in adopted.impact
    ]
    assert d.changes[-1].file == "v2021-utkast:plans/kdp-helse.yaml"
    # Two revisions: the sector plan is not committed at HEAD, so it was removed there.
    d2, _ = diff_sources(["HEAD~1:plans"], ["HEAD:plans"], cwd=repo)
    assert ("removed", "plan", "KDP-HSO", None) in _changes(d2)


def test_git_cli_and_errors(repo: Path, tmp_path: Path) -> None:
    r = run("diff", "v2021-utkast:plans", cwd=repo)
    assert r.returncode == 1, r.stderr
    assert "[target-renumbered]" in r.stdout
    r = run("diff", "no-such-tag:plans", "plans", cwd=repo)
    assert r.returncode == 2 and "no-such-tag" in r.stderr and "Traceback" not in r.stderr
    r = run("diff", "HEAD:nowhere", "plans", cwd=repo)
    assert r.returncode == 2 and "nowhere" in r.stderr
    outside = tmp_path / "outside"
    outside.mkdir()
    r = run(
        "diff",
        "HEAD:plans",
        str(repo / "plans"),
        cwd=outside,
        env={"GIT_CEILING_DIRECTORIES": str(tmp_path)},
    )
    assert r.returncode == 2 and "git" in r.stderr
    r = run("diff", "HEAD:plans", "plans", cwd=repo, env={"PATH": str(tmp_path / "empty")})
    assert r.returncode == 2 and "git" in r.stderr and "Traceback" not in r.stderr
    r = run("diff", "HEAD:plans", "plans", "--format", "json", cwd=repo, env={"PATH": ""})
    assert r.returncode == 2 and json.loads(r.stdout)["load_errors"][0]["code"] == "no-git"


def test_git_source_errors_are_typed(repo: Path) -> None:
    with pytest.raises(SideFailed) as info:
        diff_sources(["HEAD:plans"], ["--upload-pack=x:plans"], cwd=repo)
    assert info.value.side == "new"


# -- the threshold and scale (random pairs of sets: test_diff_properties.py) -----------------


def test_sizes_at_the_edge_are_compared_exactly() -> None:
    # 3 shared words of 5 in all, from sets of 3 and 5 words: 0.6 exactly, so renumbered.
    at = _pair("alfa beta gamma", "alfa beta gamma delta omega")
    assert _changes(at) == [("renumbered", "goal", "KPS-2", "KPS-1")]
    assert nearly_same("alfa beta gamma", "alfa beta gamma delta omega")
    assert not nearly_same("alfa beta gamma", "alfa beta gamma delta omega sigma")


def test_a_whole_plan_renumbered_is_matched() -> None:
    titles = [f"Mål nummer {i} om tema {i * 7} og innsats {i * 13}" for i in range(300)]

    def side(prefix: str) -> Any:
        kps = Plan.model_validate(
            {
                "plan": {"id": "KPS", "type": "samfunnsplan", "title": "S"},
                "goals": [{"id": f"{prefix}{i}", "title": t} for i, t in enumerate(titles)],
            }
        )
        return analyse(build_graph(PlanSet([kps], [])))

    d = diff_analyses(side("1."), side("KPS-1."))
    assert d.renumbered == {f"1.{i}": f"KPS-1.{i}" for i in range(300)}


def test_plan_text_is_data_in_every_output(tmp_path: Path) -> None:
    hostile = "[red]Raud[/red] <script>alert(1)</script> =SUM(A1)"
    old, new = tmp_path / "old", tmp_path / "new"
    for folder, title in ((old, "Trygg bustad for alle"), (new, hostile)):
        folder.mkdir()
        (folder / "kps.yaml").write_text(
            "plan: {id: KPS, type: samfunnsplan, title: S}\n"
            f"goals:\n  - id: G1\n    title: {json.dumps(title, ensure_ascii=False)}\n",
            encoding="utf-8",
        )
    r = run("diff", str(old), str(new))
    assert r.returncode == 0, r.stderr
    assert "[red]Raud[/red]" in r.stdout
    page = tmp_path / "d.html"
    assert run("diff", str(old), str(new), "-o", str(page)).returncode == 0
    assert "<script>alert" not in page.read_text(encoding="utf-8")
    book = tmp_path / "d.xlsx"
    assert run("diff", str(old), str(new), "-o", str(book)).returncode == 0
    from openpyxl import load_workbook

    cells = [c for ws in load_workbook(book) for row in ws.iter_rows() for c in row]
    assert not any(c.data_type == "f" for c in cells)
