"""The JSON Schema editors use: accepts every example plan, rejects typical mistakes."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from typer.testing import CliRunner

from maltrace.cli import app
from maltrace.load import parse_plan
from maltrace.load.schema import plan_schema

ROOT = Path(__file__).resolve().parent.parent
VALIDATOR = jsonschema.Draft202012Validator(plan_schema())


def as_editor_sees(text: str) -> Any:
    """The YAML as an editor's YAML language server reads it: numbers stay numbers, dates text."""
    return json.loads(json.dumps(yaml.safe_load(text), default=str))


@pytest.mark.parametrize("path", sorted((ROOT / "plans").glob("*.yaml")), ids=lambda p: p.name)
def test_schema_accepts_every_example_plan(path: Path) -> None:
    VALIDATOR.validate(as_editor_sees(path.read_text(encoding="utf-8")))


GOOD = "plan: {id: P, type: temaplan, title: T}\ngoals:\n  - id: G\n    title: T\n"


@pytest.mark.parametrize(
    "text",
    [
        GOOD.replace("title: T}", "title: T, folows: [X]}"),  # unknown key in the header
        GOOD + "    follow_up: [X]\n",  # a typo the loader names
        GOOD.replace("type: temaplan", "type: sektorplan"),  # not a plan type
        GOOD.replace("    title: T\n", ""),  # a node without title
        GOOD.replace("  - id: G\n", "  - idd: G\n"),  # a node without id
        GOOD + "    follows_up: KPS-1\n",  # a single id, not a list
        GOOD + "    responsible: Rådmann\n",  # only a tiltak has ansvar
        GOOD.replace("title: T}", "title: ''}"),  # an empty title
        GOOD.replace("title: T}", "title: T, date: 19.05.2022}"),  # not YYYY-MM-DD
    ],
)
def test_schema_rejects_what_the_loader_rejects(text: str) -> None:
    assert parse_plan(text.encode(), "x.yaml").errors, "the loader should reject this too"
    assert list(VALIDATOR.iter_errors(as_editor_sees(text)))


def test_text_written_as_a_number_is_accepted_as_maltrace_reads_it() -> None:
    text = GOOD.replace("id: G", "id: 1.10").replace("    title: T", "    title: 2030")
    assert parse_plan(text.encode(), "x.yaml").plan is not None
    VALIDATOR.validate(as_editor_sees(text))


def test_every_key_has_a_description_in_english_with_the_nynorsk_word() -> None:
    schema = plan_schema()
    for obj in [schema, *schema["$defs"].values()]:
        for key, prop in obj.get("properties", {}).items():
            assert "(nn: " in prop.get("description", ""), key
    measure = schema["$defs"]["Measure"]["properties"]
    assert measure["responsible"]["description"] == "Responsible (unit or role) (nn: Ansvar)"
    assert "line" not in measure and "key_lines" not in measure


def test_schema_command_writes_the_file(tmp_path: Path) -> None:
    out = tmp_path / "plan.schema.json"
    r = CliRunner().invoke(app, ["schema", "-o", str(out)])
    assert r.exit_code == 0
    assert json.loads(out.read_text(encoding="utf-8"))["title"] == "maltrace plan file"
