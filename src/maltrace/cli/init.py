"""``maltrace init``: a small, valid starting set of plan files with editor help."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from maltrace.cli._common import app, lang_value, run
from maltrace.cli._excel import ExcelLangOpt


@app.command()
def init(
    target: Annotated[
        Optional[Path],  # noqa: UP045 - typer reads this annotation at run time
        typer.Argument(metavar="FOLDER", help="Where to write the set (the same as -o)."),
    ] = None,
    output: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option("--output", "-o", help="The folder to write the set into. Default: here."),
    ] = None,
    lang: ExcelLangOpt = None,
    municipality: Annotated[
        str, typer.Option("--municipality", help="The municipality's name.")
    ] = "Kommunen",
    force: Annotated[bool, typer.Option("--force", help="Write over existing files.")] = False,
) -> None:
    """Write a starting set: a samfunnsdel (one area, two goals), a kommunedelplan that follows
    it up and a handlingsdel with a tiltak, with comments explaining every key (in nn or nb),
    the JSON Schema and a VS Code setup. `maltrace check` runs clean on it. Never writes over
    existing files without --force.
    """
    from maltrace import api
    from maltrace.i18n import choose_lang, t

    folder = output or target or Path(".")
    asked = lang_value(lang)
    written = run(
        lambda: api.init(folder, lang=asked, municipality=municipality, force=force), lang
    )
    out_lang = choose_lang(asked)
    names = ", ".join(str(p.relative_to(folder)) for p in written)
    typer.echo(t("init.wrote", out_lang, folder=folder, files=names))
    typer.echo(t("init.next", out_lang, folder=folder))
