"""``maltrace check`` end to end, as a planner and a CI job run it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import EXAMPLE_PLANS, ROOT, goal, plan_yaml, strategy


def run(
    *args: str, cwd: Path = ROOT, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    full_env = {**os.environ, "COLUMNS": "80", **(env or {})}
    full_env.pop("FORCE_COLOR", None)
    return subprocess.run(
        [sys.executable, "-m", "maltrace", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        env=full_env,
        timeout=60,
    )


FULL = {
    "kps": plan_yaml("KPS", type="samfunnsplan", goals=[goal("G1"), goal("G2")]),
    "kdp": plan_yaml(
        "KDP",
        follows=["KPS"],
        goals=[goal("K1", follows_up=["G1", "G2"], strategies=[strategy("S1")])],
    ),
}


def test_example_set_text_output():
    r = run("check", "plans")
    assert r.returncode == 1
    out = r.stdout
    assert "Oppfølgingsgrad: 72,2\u00a0% (13 av 18 mål er følgde opp)" in out
    assert "Mål som ikkje er følgde opp" in out
    assert "KPS-5.1" in out and "HP-6" in out
    assert "plans/handlingsdel-2025-2028.yaml:45: åtvaring [orphan]" in out
    assert "Traceback" not in r.stderr
    # Readable in an 80-column CI log: no line wider, and no colour codes when not a terminal.
    assert max(len(line) for line in out.splitlines()) <= 80
    assert "\x1b[" not in out


def test_default_path_is_plans_folder():
    assert "Oppfølgingsgrad: 72,2\u00a0%" in run("check").stdout


def test_json_output_is_stable_and_complete():
    r = run("check", str(EXAMPLE_PLANS), "--format", "json")
    assert r.returncode == 1
    data = json.loads(r.stdout)
    assert data["coverage"] == {"goals": 18, "followed_up": 13, "ratio": 0.7222}
    assert data["uncovered_goals"] == ["KPS-1.1.2", "KPS-2.2", "KPS-2.2.1", "KPS-5.1", "HSO-2"]
    assert data["orphans"] == ["HP-6"]
    assert data["per_plan"]["KDP-HSO"] == {
        "relevant": 11,
        "followed_up": 10,
        "ratio": 0.9091,
        "uncovered": ["KPS-1.1.2"],
    }
    g = {x["id"]: x for x in data["goals"]}
    assert g["KPS-1.2"]["followed_up_by"] == ["HSO-2.6", "HSO-3", "HSO-3.1", "HSO-3.3"]
    assert g["KPS-1.1.2"]["followed_up"] is False
    f = data["findings"][0]
    assert set(f) >= {"severity", "code", "message", "node", "file", "line"}
    assert run("check", str(EXAMPLE_PLANS), "--format", "json").stdout == r.stdout


def test_exit_0_when_the_red_thread_holds(write_set):
    folder = write_set(**FULL)
    r = run("check", str(folder))
    assert r.returncode == 0, r.stdout
    assert "100\u00a0%" in r.stdout and "Den raude tråden held" in r.stdout


def test_fail_under_and_strict(write_set):
    folder = write_set(
        kps=plan_yaml(
            "KPS", type="samfunnsplan", goals=[goal("G1"), goal("G2"), goal("G3"), goal("G4")]
        ),
        kdp=plan_yaml(
            "KDP",
            follows=["KPS"],
            goals=[goal("K1", follows_up=["G1", "G2", "G3"])],  # no strategy: a warning
        ),
    )
    assert run("check", str(folder)).returncode == 1
    assert run("check", str(folder), "--fail-under", "75").returncode == 0
    assert run("check", str(folder), "--fail-under", "80").returncode == 1
    assert run("check", str(folder), "--fail-under", "75", "--strict").returncode == 1
    assert "under kravet på 80\u00a0%" in run("check", str(folder), "--fail-under", "80").stdout


def test_dangling_link_is_exit_1_even_with_fail_under(write_set):
    folder = write_set(
        kps=FULL["kps"],
        kdp=plan_yaml(
            "KDP",
            follows=["KPS"],
            goals=[goal("K1", follows_up=["G1", "G2", "G3x"], strategies=[strategy("S1")])],
        ),
    )
    r = run("check", str(folder), "--fail-under", "0", "--format", "json")
    assert r.returncode == 1
    [f] = json.loads(r.stdout)["findings"]
    assert (f["code"], f["target"], f["node"]) == ("dangling-link", "G3x", "K1")


def test_orphans_fail_only_with_strict(write_set):
    folder = write_set(
        kps=FULL["kps"],
        kdp=plan_yaml(
            "KDP",
            follows=["KPS"],
            goals=[goal("K1", follows_up=["G1", "G2"], strategies=[strategy("S1")])],
            strategies=[strategy("LOOSE")],
        ),
    )
    assert run("check", str(folder)).returncode == 0
    r = run("check", str(folder), "--strict")
    assert r.returncode == 1 and "[orphan]" in r.stdout


def test_load_errors_exit_2_all_at_once_without_traceback(write_set):
    folder = write_set(
        a="plan: [x\n",
        b="plan: {id: B, type: kommunedelplan, title: B}\n"
        "goals:\n  - {id: G, title: x, follow_up: [y]}\n",
    )
    r = run("check", str(folder))
    assert r.returncode == 2
    assert "a.yaml:2: [yaml-syntax]" in r.stderr and "from line 1" in r.stderr
    assert "b.yaml:3: [unknown-key]" in r.stderr and "«follows_up»" in r.stderr
    assert "Traceback" not in r.stderr + r.stdout


def test_load_errors_as_json(write_set):
    folder = write_set(a="")
    r = run("check", str(folder), "--format", "json", "--lang", "en")
    assert r.returncode == 2
    [e] = json.loads(r.stdout)["load_errors"]
    assert e["code"] == "empty-file" and e["line"] == 1 and "empty" in e["message"]


def test_an_id_used_once_in_each_of_two_files_is_a_load_error(write_set):
    """Ids are unique across the whole set, not per file: otherwise one of the two goals
    would quietly vanish from the graph and the count."""
    folder = write_set(
        kps=plan_yaml("KPS", type="samfunnsplan", goals=[goal("G1")]),
        kdp=plan_yaml("KDP", follows=["KPS"], goals=[goal("G1", follows_up=["G1"])]),
    )
    r = run("check", str(folder), "--format", "json", "--lang", "en")
    assert r.returncode == 2, r.stdout
    [e] = json.loads(r.stdout)["load_errors"]
    assert e["code"] == "duplicate-id"
    assert "kps.yaml:" in e["message"] and "kdp.yaml:" in e["message"]
    text = run("check", str(folder))
    assert text.returncode == 2 and "[duplicate-id]" in text.stderr
    assert "Oppfølgingsgrad" not in text.stdout


def test_bad_usage_is_exit_2():
    assert run("check", "--format", "xml").returncode == 2
    assert run("check", "--fail-under", "140").returncode == 2
    r = run("check", "plans", "--plan", "KDP-HS")
    assert r.returncode == 2 and "KDP-HSO" in r.stderr


def test_plan_view_and_language():
    r = run("check", "plans", "--plan", "KDP-HSO", "--lang", "en")
    assert r.returncode == 1
    assert "KDP-HSO: coverage 90.9% (10 of 11 relevant goals followed up)" in r.stdout
    assert "KPS-1.1.2" in r.stdout and "KPS-5.1" not in r.stdout
    nb = run("check", "plans", "--lang", "nb").stdout
    assert "Mål som ikke er fulgt opp" in nb


def test_hostile_text_is_printed_literally(write_set):
    folder = write_set(
        kps=plan_yaml(
            "KPS",
            type="samfunnsplan",
            goals=[{"id": "G1", "title": "[bold red]alarm[/] \x1b[31m <script>"}],
        ),
        kdp=plan_yaml("KDP", follows=["KPS"], goals=[goal("K1", strategies=[strategy("S1")])]),
    )
    r = run("check", str(folder), env={"COLUMNS": "200"})
    assert "[bold red]alarm[/]" in r.stdout


def test_help_lists_the_commands():
    r = run("--help")
    assert r.returncode == 0 and "check" in r.stdout
    assert "--fail-under" in run("check", "--help").stdout


def test_schema_command_prints_json_schema():
    schema = json.loads(run("schema").stdout)
    assert "plan" in schema["properties"]


@pytest.mark.parametrize("lang", ["nn", "nb", "en"])
def test_every_language_renders(lang):
    r = run("check", "plans", "--lang", lang)
    assert r.returncode == 1 and r.stdout


def test_terminal_escapes_in_titles_are_defused(write_set):
    folder = write_set(
        kps=plan_yaml(
            "KPS",
            type="samfunnsplan",
            goals=[{"id": "G1", "title": "Mål \x1b]0;pwned\x07 \x1b[2J"}],
        ),
        kdp=plan_yaml("KDP", follows=["KPS"], goals=[goal("K1", strategies=[strategy("S1")])]),
    )
    r = run("check", str(folder), env={"COLUMNS": "200"})
    assert "\x1b" not in r.stdout and "\x07" not in r.stdout
    assert "Mål ␛]0;pwned␇ ␛[2J" in r.stdout
