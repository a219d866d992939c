"""``maltrace schema``: the JSON Schema of a plan file."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from maltrace.cli._common import app, lang_value, run
from maltrace.cli._excel import ExcelLangOpt


@app.command()
def schema(
    output: Annotated[
        Optional[Path],  # noqa: UP045 - typer reads this annotation at run time
        typer.Option(
            "--output", "-o", help="Write it to this file (e.g. plan.schema.json) instead."
        ),
    ] = None,
    lang: ExcelLangOpt = None,
) -> None:
    """Print the JSON Schema of a plan file (for editors that check YAML as you type).

    Point a plan file at it with a first line `# yaml-language-server: $schema=plan.schema.json`
    (VS Code with the YAML extension then completes keys and flags unknown ones).
    """
    from maltrace import api
    from maltrace.i18n import choose_lang, t

    if output is None:
        sys.stdout.write(str(api.schema()))
        return
    run(lambda: api.schema(output), lang)
    typer.echo(t("excel.cli.schema", choose_lang(lang_value(lang)), path=output))
