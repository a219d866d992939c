"""``maltrace status``: tiltak status, overdue tiltak and indicator states — måloppnåing."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Optional

import typer

from maltrace.cli._common import (
    Format,
    LangOpt,
    PathsArg,
    PlanOpt,
    app,
    lang_value,
    make_console,
    run,
    write_files,
)


class FailOn(StrEnum):
    behind = "behind"
    overdue = "overdue"


@app.command()
def status(
    paths: PathsArg = None,
    plan: PlanOpt = None,
    format: Annotated[
        Format,
        typer.Option("--format", "-f", help="text (for people) or json (for CI and scripts)."),
    ] = Format.text,
    today: Annotated[
        Optional[str],  # noqa: UP045 - typer reads this annotation at run time
        typer.Option(
            "--today",
            metavar="YYYY-MM-DD",
            help="The date to judge deadlines and indicators by, so a result can be "
            "reproduced. Default: today.",
        ),
    ] = None,
    fail_on: Annotated[
        Optional[list[FailOn]],  # noqa: UP045
        typer.Option(
            "--fail-on",
            help="Exit 1 when an indicator is behind (behind) or a tiltak is overdue (overdue). "
            "May be given twice.",
        ),
    ] = None,
    output: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option(
            "--output",
            "-o",
            help="Also write the chapter «Måloppnåing»: .md, .html, .docx or .xlsx (with charts).",
        ),
    ] = None,
    lang: LangOpt = None,
    no_cache: Annotated[
        bool,
        typer.Option(
            "--no-cache",
            help="Parse and analyse every file afresh instead of reusing plans parsed, and "
            "results found, before.",
        ),
    ] = False,
) -> None:
    """Show how far the plans have come: tiltak by status, overdue tiltak, indicator states.

    Exit 0: shown (whatever the state). Exit 1: --fail-on behind/overdue and there is such.
    Exit 2: the plans or a measurements file could not be loaded, or bad usage.
    """
    from maltrace import api

    as_json = format is Format.json
    asked = lang_value(lang)
    if output is not None:  # a wrong suffix is said before any plan is read
        run(lambda: api.status_format(output, lang=asked), lang)
    result = run(
        lambda: api.status(paths, today=today, plan=plan, lang=asked, cache=not no_cache),
        lang,
        as_json,
    )
    out_lang = result.lang
    if as_json:
        from maltrace.render.status.terminal import status_json_parts

        for part in status_json_parts(result, out_lang):
            sys.stdout.write(part)
    elif output is None:
        from maltrace.render.status.terminal import render_status

        render_status(result, make_console(), out_lang)
    if output is not None:
        write_files(lambda: api.write_status(result, output), lang)
    wanted = [f.value for f in fail_on or ()]
    code = result.exit_code(wanted)
    if code and not as_json:
        from maltrace.render.status.terminal import render_fail_on

        render_fail_on(result, wanted, make_console(stderr=True), out_lang)
    raise typer.Exit(code)
