"""One language rule for every job: --lang, else the language most plans declare, else nynorsk."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from maltrace.cli import app
from maltrace.i18n import choose_lang
from tests.conftest import goal, plan_yaml


@pytest.mark.parametrize(
    ("asked", "declared", "expected"),
    [
        ("en", ["nb", "nb"], "en"),
        ("bokmål", [], "nb"),
        (None, ["nb", "nn", "nn"], "nn"),
        (None, ["nb", "nynorsk", "bokmål", "nb"], "nb"),
        (None, ["en", "nb"], "nb"),  # a tie goes to nn, then nb, then en
        (None, [None, "klingon"], "nn"),
        (None, [], "nn"),
    ],
)
def test_the_rule(asked: str | None, declared: list[str | None], expected: str) -> None:
    assert choose_lang(asked, declared) == expected


def test_export_speaks_the_language_check_reports(write_set: Callable[..., Path]) -> None:
    # The first plan (by file name) is in bokmål, the other two in nynorsk: the plans are
    # nynorsk, and both jobs must say so (export used to take the first plan that named one).
    folder = write_set(
        **{
            "a-kps.yaml": plan_yaml(
                "KPS", type="samfunnsplan", language="nb", goals=[goal("KPS-1")]
            ),
            "b-kdp.yaml": plan_yaml(
                "KDP", follows=["KPS"], language="nn", goals=[goal("KDP-1", follows_up=["KPS-1"])]
            ),
            "c-hp.yaml": plan_yaml("HP", follows=["KDP"], language="nn"),
        }
    )
    runner = CliRunner()
    checked = runner.invoke(app, ["check", str(folder), "--format", "json"])
    assert json.loads(checked.stdout)["lang"] == "nn"
    book = folder.parent / "plans.xlsx"
    exported = runner.invoke(app, ["export", str(folder), "-o", str(book)])
    assert exported.exit_code == 0, exported.output
    assert load_workbook(book).sheetnames[:2] == ["Planar", "Nodar"]
