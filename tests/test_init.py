"""``maltrace init``: a valid, commented starting set with editor help; never overwrites."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import yaml
from typer.testing import CliRunner

from maltrace.cli import app
from maltrace.load import load_plan_set

runner = CliRunner()


@pytest.mark.parametrize(
    ("lang", "comment"),
    [("nn", "planane denne planen følgjer opp"), ("nb", "planene denne planen følger opp")],
)
def test_init_writes_a_set_that_checks_clean(tmp_path: Path, lang: str, comment: str) -> None:
    folder = tmp_path / "kommune"
    r = runner.invoke(app, ["init", str(folder), "--lang", lang, "--municipality", 'Alver "A"'])
    assert r.exit_code == 0, r.output
    plans = folder / "plans"
    assert sorted(p.name for p in plans.iterdir()) == [
        "handlingsdel.yaml",
        "kommunedelplan.yaml",
        "samfunnsdel.yaml",
    ]
    kdp = (plans / "kommunedelplan.yaml").read_text(encoding="utf-8")
    assert kdp.startswith("# yaml-language-server: $schema=../plan.schema.json\n")
    assert comment in kdp
    plan_set = load_plan_set([plans], cache=False)
    kps = plan_set.plan("KPS")
    assert kps is not None and kps.plan.municipality == 'Alver "A"'
    assert len(kps.areas) == 1 and len(kps.areas[0].goals) == 2
    assert plan_set.plan("HP") is not None and plan_set.plan("HP").measures  # type: ignore[union-attr]
    r = runner.invoke(app, ["check", str(plans), "--strict"])
    assert r.exit_code == 0, r.output
    settings = json.loads((folder / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    assert settings["yaml.schemas"] == {"./plan.schema.json": ["plans/*.yaml", "plans/**/*.yaml"]}
    schema = json.loads((folder / "plan.schema.json").read_text(encoding="utf-8"))
    for f in plans.iterdir():
        data = json.loads(json.dumps(yaml.safe_load(f.read_text(encoding="utf-8")), default=str))
        jsonschema.validate(data, schema)


def test_init_never_overwrites_without_force(tmp_path: Path) -> None:
    (tmp_path / "plans").mkdir()
    mine = tmp_path / "plans" / "samfunnsdel.yaml"
    mine.write_text("mine", encoding="utf-8")
    r = runner.invoke(app, ["init", str(tmp_path)])
    assert r.exit_code == 2 and "--force" in r.output
    assert mine.read_text(encoding="utf-8") == "mine"
    assert not (tmp_path / "plans" / "kommunedelplan.yaml").exists()
    r = runner.invoke(app, ["init", str(tmp_path), "--force"])
    assert r.exit_code == 0
    assert "plan:" in mine.read_text(encoding="utf-8")
