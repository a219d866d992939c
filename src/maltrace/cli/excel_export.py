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
    format: Annotated[
        str,
        typer.Option(
            "--format",
            help="xlsx (a workbook), or portal: a folder with the plan portal's maal.json, "
            "plan.json and kpi.json.",
        ),
    ] = "xlsx",
    force: Annotated[
        bool, typer.Option("--force", help="portal: write over the JSON files in the folder.")
    ] = False,
    codes: Annotated[
        Optional[Path],  # noqa: UP045 - typer reads this annotation at run time
        typer.Option(help="portal: a JSON file mapping the kommune's own type codes."),
    ] = None,
) -> None:
    """Write the plans to a workbook (sheets Planar, Nodar, Indikatorar) that `maltrace import`
    reads back as the same plans. Refuses (exit 2, nothing written) when a plan holds data the
    workbook has no column for, rather than drop it.

    With --format portal, write maal.json, plan.json and kpi.json into the folder -o names, in
    the plan portal's shape: GUIDs kept, other ids given a GUID derived from plan and id.
    """
    from maltrace import api
    from maltrace.i18n import t

    if format == "portal":
        from maltrace.cli.portal import run_export

        run_export(list(paths or [Path("plans")]), output, force=force, codes=codes, lang=lang)
        return
    if format != "xlsx":
        from maltrace.cli._common import fail
        from maltrace.errors import MaltraceError

        fail(MaltraceError("bad-format", key="portal.bad_format", format=format), lang)

    done = run(lambda: api.export(paths, output, lang=lang_value(lang)), lang)
    counts = {"plans": done.plans, "nodes": done.nodes, "indicators": done.indicators}
    typer.echo(t("excel.cli.exported", done.lang, path=output, **counts))
