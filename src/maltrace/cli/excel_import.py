"""``maltrace import``: a workbook (or CSV file) -> one YAML plan file per plan."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any, Optional

import typer

from maltrace.cli._common import app, lang_value, run
from maltrace.cli._excel import ExcelLangOpt

_Opt = Optional[str]  # noqa: UP045 - typer reads these annotations at run time


@app.command("import")
def import_(
    source: Annotated[Path, typer.Argument(help="The workbook (.xlsx) or CSV file to read.")],
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
) -> None:
    """Read sheets Planar, Nodar and Indikatorar (or a CSV file in the Nodar layout) and write
    one readable YAML file per plan into the folder, nodes nested under their parents and
    indicators under their goal. A measurements CSV file is not copied: its path stays relative
    to the plan file, and import says when the file is not in the folder.

    Every problem is named by sheet and cell (Nodar!C14); then nothing is written (exit 2).
    Existing files are never written over without --force.
    """
    from maltrace import api
    from maltrace.i18n import t

    header: dict[str, Any] | None = None
    if source.suffix.lower() == ".csv":
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
    done = run(
        lambda: api.import_plans(
            source, output, force=force, lang=lang_value(lang), plan_header=header
        ),
        lang,
    )
    out_lang = done.lang
    names = ", ".join(p.name for p in done.files)
    typer.echo(t("excel.cli.imported", out_lang, count=len(done.files), folder=output, files=names))
    for plan, name in done.measurements_elsewhere:
        note = t("excel.cli.measurements_elsewhere", out_lang, plan=plan, file=name, folder=output)
        typer.echo(note)
    typer.echo(t("excel.cli.next_check", out_lang, folder=output))
