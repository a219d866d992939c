"""``maltrace export``: plan files -> one workbook in the layout ``import`` reads."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from maltrace.cli._common import LangOption, PathsArg, app


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
    if format == "portal":
        from maltrace.cli._excel import lang_of as _lang_of
        from maltrace.cli.portal import run_export

        run_export(paths or [Path("plans")], output, force=force, codes=codes, lang=_lang_of(lang))
        return
    if format != "xlsx":
        from maltrace.cli._excel import fail as _fail

        _fail([], f"--format: xlsx | portal ({format})")
    from maltrace.cli._common import fail_load
    from maltrace.cli._excel import fail, lang_of
    from maltrace.i18n import normalise_lang, t
    from maltrace.load import LoadFailed, ProtectedFileError
    from maltrace.load.convert import export_plans
    from maltrace.load.excel_write import ExportRefused

    asked = normalise_lang(lang.value) if lang else None
    try:
        plans, out_lang = export_plans(paths or [Path("plans")], output, lang=asked)
    except LoadFailed as exc:
        fail_load(exc, lang, as_json=False)
    except ExportRefused as exc:
        lines = [p.text(exc.lang) for p in exc.problems]
        fail(lines, t("excel.cli.export_refused", exc.lang, count=len(lines)))
    except ProtectedFileError as exc:
        fail([], t("excel.cli.protected", lang_of(lang), path=exc.path))
    from maltrace.load.excel_write import indicator_rows, rows_of

    nodes = sum(len(rows_of(p)) for p in plans)
    indicators = sum(len(indicator_rows(p, out_lang)) for p in plans)
    counts = {"plans": len(plans), "nodes": nodes, "indicators": indicators}
    typer.echo(t("excel.cli.exported", out_lang, path=output, **counts))
