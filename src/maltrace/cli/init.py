"""``maltrace init``: a small, valid starting set of plan files with editor help."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from maltrace.cli._common import app
from maltrace.cli._excel import ExcelLangOpt


@app.command()
def init(
    folder: Annotated[Path, typer.Argument(help="Where to write the set. Default: here.")] = Path(
        "."
    ),
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
    from maltrace.cli._excel import fail_exists, lang_of
    from maltrace.i18n import t
    from maltrace.load.convert import OutputExists
    from maltrace.load.starter import init_project

    out_lang = lang_of(lang)
    try:
        written = init_project(folder, lang=out_lang, municipality=municipality, force=force)
    except OutputExists as exc:
        fail_exists(list(exc.paths), out_lang)
    names = ", ".join(str(p.relative_to(folder)) for p in written)
    typer.echo(t("init.wrote", out_lang, folder=folder, files=names))
    typer.echo(t("init.next", out_lang, folder=folder))
