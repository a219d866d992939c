"""``maltrace import``: a workbook (or CSV file) -> one YAML plan file per plan."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any, Optional

import typer

from maltrace.cli._common import EXIT_LOAD, app
from maltrace.cli._excel import ExcelLangOpt

_Opt = Optional[str]  # noqa: UP045 - typer reads these annotations at run time


@app.command("import")
def import_(
    source: Annotated[
        Path,
        typer.Argument(
            help="The workbook (.xlsx), CSV file, or plan-portal folder (maal.json, plan.json) "
            "to read."
        ),
    ],
    output: Annotated[
        Path, typer.Option("--output", "-o", help="The folder to write the plan files into.")
    ],
    force: Annotated[
        bool, typer.Option("--force", help="Write over plan files that exist already.")
    ] = False,
    lang: ExcelLangOpt = None,
    plan_id: Annotated[_Opt, typer.Option(help="CSV: the plan's id.")] = None,
    plan_type: Annotated[
        _Opt, typer.Option(help="CSV: samfunnsplan, kommunedelplan, handlingsdel or temaplan.")
    ] = None,
    plan_title: Annotated[_Opt, typer.Option(help="CSV: the plan's title.")] = None,
    follows: Annotated[_Opt, typer.Option(help="CSV: ids of the plans it follows (a,b).")] = None,
    relevant_goals: Annotated[_Opt, typer.Option(help="CSV: its relevant goals (a,b).")] = None,
    municipality: Annotated[_Opt, typer.Option(help="CSV: the municipality.")] = None,
    language: Annotated[_Opt, typer.Option(help="CSV: the plan's language (nn, nb, en).")] = None,
    status: Annotated[_Opt, typer.Option(help="CSV: the plan's status.")] = None,
    date: Annotated[_Opt, typer.Option(help="CSV: the plan's date (YYYY-MM-DD).")] = None,
    codes: Annotated[
        Optional[Path],  # noqa: UP045 - typer reads this annotation at run time
        typer.Option(
            help="Portal folder: a JSON file mapping the kommune's own type codes "
            '({"levels": {...}, "plan_types": {...}, "statuses": {...}}).'
        ),
    ] = None,
) -> None:
    """Read sheets Planar, Nodar and Indikatorar (or a CSV file in the Nodar layout) and write
    one readable YAML file per plan into the folder, nodes nested under their parents and
    indicators under their goal. A measurements CSV file is not copied: its path stays relative
    to the plan file, and import says when the file is not in the folder.

    Every problem is named by sheet and cell (Nodar!C14); then nothing is written (exit 2).
    Existing files are never written over without --force.

    A folder holding the plan portal's maal.json and plan.json (and kpi.json) is read as
    portal records: one plan file per plan, ids kept from the GUIDs, KPIs as indicators. Each
    record that cannot be placed is named with its GUID and title (exit 1); when a file is
    not JSON or no record can be placed, nothing is written (exit 2).
    """
    from maltrace.cli._excel import fail, fail_exists, lang_of
    from maltrace.i18n import t
    from maltrace.load.convert import (
        OutputExists,
        measurements_elsewhere,
        read_sheet_plans,
        write_plans,
    )
    from maltrace.load.excel import ImportFailed

    out_lang = lang_of(lang)
    if source.is_dir():
        from maltrace.cli.portal import run_import

        run_import(source, output, force=force, codes=codes, lang=out_lang)
    suffix = source.suffix.lower()
    if suffix not in (".xlsx", ".xlsm", ".csv"):
        fail([], t("excel.cli.bad_suffix", out_lang, path=source))
    header: dict[str, Any] | None = None
    if suffix == ".csv":
        if not (plan_id and plan_type and plan_title):
            typer.echo(t("excel.cli.csv_needs_plan", out_lang), err=True)
            raise typer.Exit(EXIT_LOAD)
        given = {
            "id": plan_id,
            "type": plan_type,
            "title": plan_title,
            "follows": follows,
            "relevant_goals": relevant_goals,
            "municipality": municipality,
            "language": language,
            "status": status,
            "date": date,
        }
        header = {k: v for k, v in given.items() if v is not None}
    try:
        plans = read_sheet_plans(source, header)
        written = write_plans(plans, output, force=force)
    except ImportFailed as exc:
        lines = [p.text(out_lang) for p in exc.problems]
        fail(lines, t("excel.cli.problems", out_lang, file=exc.file, count=len(lines)))
    except OutputExists as exc:
        fail_exists(list(exc.paths), out_lang)
    names = ", ".join(p.name for p in written)
    typer.echo(t("excel.cli.imported", out_lang, count=len(written), folder=output, files=names))
    for plan_id, name in measurements_elsewhere(plans, output):
        note = t(
            "excel.cli.measurements_elsewhere", out_lang, plan=plan_id, file=name, folder=output
        )
        typer.echo(note)
    typer.echo(t("excel.cli.next_check", out_lang, folder=output))
