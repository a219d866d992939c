"""``maltrace export``: plan files -> one workbook in the layout ``import`` reads."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from maltrace.cli._common import LangOption, PathsArg, app, lang_value, run


@app.command()
def export(
    paths: PathsArg = None,
    output: Annotated[
        Path, typer.Option("--output", "-o", help="The workbook to write (.xlsx).")
    ] = Path("plans.xlsx"),
    lang: Annotated[
        Optional[LangOption],  # noqa: UP045 - typer reads this annotation at run time
        typer.Option(
            "--lang",
            help="Language of sheet names, headers and messages: nn, nb or en. "
            "Default: the plans' language.",
        ),
    ] = None,
) -> None:
    """Write the plans to a workbook (sheets Planar, Nodar, Indikatorar) that `maltrace import`
    reads back as the same plans. Refuses (exit 2, nothing written) when a plan holds data the
    workbook has no column for, rather than drop it.
    """
    from maltrace import api
    from maltrace.i18n import t

    done = run(lambda: api.export(paths, output, lang=lang_value(lang)), lang)
    counts = {"plans": done.plans, "nodes": done.nodes, "indicators": done.indicators}
    typer.echo(t("excel.cli.exported", done.lang, path=output, **counts))
