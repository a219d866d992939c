"""``maltrace template``: the empty workbook a planner fills in."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from maltrace.cli._common import app
from maltrace.cli._excel import ExcelLangOpt


@app.command()
def template(
    output: Annotated[Path, typer.Argument(help="The workbook to write (.xlsx).")],
    lang: ExcelLangOpt = None,
    force: Annotated[bool, typer.Option("--force", help="Write over an existing file.")] = False,
) -> None:
    """Write the empty workbook: sheets Planar, Nodar and Indikatorar with headers and
    drop-downs for type, status and direction, and an instructions sheet (in nn, nb or en).
    Fill it in, then `maltrace import`.
    """
    from maltrace.cli._excel import fail_exists, lang_of
    from maltrace.i18n import t
    from maltrace.load.convert import OutputExists, write_template

    out_lang = lang_of(lang)
    try:
        write_template(output, out_lang, force=force)
    except OutputExists as exc:
        fail_exists(list(exc.paths), out_lang)
    typer.echo(
        t(
            "excel.cli.template",
            out_lang,
            path=output,
            plans=t("excel.sheet.plans", out_lang),
            nodes=t("excel.sheet.nodes", out_lang),
        )
    )
