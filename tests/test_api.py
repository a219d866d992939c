"""The api is the one door: every job a public function a notebook can call, named as the
command is, whatever else was imported first."""

from __future__ import annotations

import importlib
import pkgutil
import types
from pathlib import Path

import pytest

import maltrace.api as api

ROOT = Path(__file__).resolve().parent.parent
JOBS = [
    "check",
    "status",
    "diff",
    "relink",
    "frameworks",
    "framework",
    "suggest",
    "accept",
    "report",
    "diagram",
    "import_plans",
    "export",
    "init",
    "template",
    "schema",
]


def test_every_public_name_is_what_it_says_after_every_module_is_loaded() -> None:
    # A submodule named like a job (api/status.py beside api.status) would shadow the function
    # once something imported it: the command line then called a module.
    for info in pkgutil.iter_modules(api.__path__):
        importlib.import_module(f"maltrace.api.{info.name}")
    for name in api.__all__:
        value = getattr(api, name)
        assert not isinstance(value, types.ModuleType), name
    for job in JOBS:
        assert callable(getattr(api, job)), job


def test_a_notebook_gets_the_command_lines_numbers() -> None:
    analysis = api.check(ROOT / "plans")
    assert (analysis.coverage.followed_up, analysis.coverage.goals) == (13, 18)
    assert analysis.lang == "nn"
    assert api.check(ROOT / "plans", lang="en").lang == "en"


def test_errors_carry_their_language_and_code(tmp_path: Path) -> None:
    with pytest.raises(api.UnknownPlanError) as info:
        api.check(ROOT / "plans", plan="KDP-HSOX")
    assert info.value.code == "unknown-plan"
    assert info.value.lang == "nn"
    assert "Meinte du «KDP-HSO»?" in info.value.message("nn")
    with pytest.raises(api.LoadFailed) as failed:
        api.check(tmp_path / "finst-ikkje")
    assert failed.value.as_dict("en")["load_errors"][0]["code"] == "not-found"
    with pytest.raises(api.MaltraceError) as bad:
        api.status(ROOT / "plans", today="i går")
    assert bad.value.code == "bad-today"
