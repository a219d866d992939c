"""``maltrace status``: tiltak status, overdue tiltak and indicator states — måloppnåing."""

from __future__ import annotations

import datetime as dt
import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from maltrace.cli._common import (
    EXIT_LOAD,
    Format,
    LangOpt,
    PathsArg,
    PlanOpt,
    app,
    fail_load,
    load_analysis,
    make_console,
    unknown_plan,
    write_files,
)

if TYPE_CHECKING:
    from maltrace.analysis.status import StatusResult


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
    from maltrace.i18n import t

    as_json = format is Format.json
    day = dt.date.today()
    if today is not None:
        try:
            day = dt.date.fromisoformat(today.strip())
        except ValueError:
            from maltrace.i18n import DEFAULT_LANG, normalise_lang

            word_lang = normalise_lang(lang.value if lang else None) or DEFAULT_LANG
            typer.echo(f"maltrace: {t('st.bad_today', word_lang, value=today)}", err=True)
            raise typer.Exit(EXIT_LOAD) from None
    if output is not None:
        from maltrace.render.document import DocumentFormatError, document_format

        try:
            document_format(output, csv=False)
        except DocumentFormatError as exc:
            from maltrace.i18n import DEFAULT_LANG, normalise_lang

            word_lang = normalise_lang(lang.value if lang else None) or DEFAULT_LANG
            typer.echo(f"maltrace: {exc.message(word_lang)}", err=True)
            raise typer.Exit(EXIT_LOAD) from None

    from maltrace.analysis import UnknownPlanError
    from maltrace.api import status_of
    from maltrace.load import LoadFailed

    analysis = load_analysis(paths, None, lang, as_json=as_json, cache=not no_cache)
    try:
        result = status_of(analysis, today=day, plan=plan)
    except LoadFailed as exc:
        fail_load(exc, lang, as_json)
    except UnknownPlanError:
        unknown_plan(plan or "", list(analysis.plan_files), analysis.lang)
    out_lang = analysis.lang
    if as_json:
        from maltrace.render.status.terminal import status_json

        sys.stdout.write(status_json(result, out_lang))
    else:
        from maltrace.render.status.terminal import render_status

        render_status(result, make_console(), out_lang)
    if output is not None:
        _write(result, output)
    wanted = [f.value for f in fail_on or ()]
    code = result.exit_code(wanted)
    if code and not as_json:
        from maltrace.render.status.terminal import render_fail_on

        render_fail_on(result, wanted, make_console(stderr=True), out_lang)
    raise typer.Exit(code)


def _write(result: StatusResult, output: Path) -> None:
    from maltrace.render.status.document import write_status_report

    out_lang = result.lang
    write_files(lambda: write_status_report(result, output, lang=out_lang), output, out_lang)
