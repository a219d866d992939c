"""``maltrace template``: the empty workbook a planner fills in."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from maltrace.cli._common import app, lang_value, run
from maltrace.cli._excel import ExcelLangOpt


@app.command()
def template(
    target: Annotated[
        Optional[Path],  # noqa: UP045 - typer reads this annotation at run time
        typer.Argument(metavar="OUTPUT", help="The workbook to write (the same as -o)."),
    ] = None,
    output: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option("--output", "-o", help="The workbook to write (.xlsx). Default: mal.xlsx."),
    ] = None,
    lang: ExcelLangOpt = None,
    force: Annotated[bool, typer.Option("--force", help="Write over an existing file.")] = False,
) -> None:
    """Write the empty workbook: sheets Planar, Nodar and Indikatorar with headers and
    drop-downs for type, status and direction, and an instructions sheet (in nn, nb or en).
    Fill it in, then `maltrace import`. Never writes over an existing file without --force.
    """
    from maltrace import api
    from maltrace.i18n import choose_lang, t

    path = output or target or Path("mal.xlsx")
    written = run(lambda: api.template(path, lang=lang_value(lang), force=force), lang)
    out_lang = choose_lang(lang_value(lang))
    typer.echo(
        t(
            "excel.cli.template",
            out_lang,
            path=written,
            plans=t("excel.sheet.plans", out_lang),
            nodes=t("excel.sheet.nodes", out_lang),
        )
    )
