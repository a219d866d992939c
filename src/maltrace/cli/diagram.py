"""``maltrace diagram``: the red thread as a picture (see ``maltrace.render.diagram``)."""

from __future__ import annotations

import sys
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from maltrace.cli._common import (
    EXIT_LOAD,
    EXIT_OK,
    LangOpt,
    PathsArg,
    app,
    load_analysis,
)

if TYPE_CHECKING:
    from maltrace.analysis import Analysis


class SplitBy(StrEnum):
    area = "area"


class PartFormat(StrEnum):
    svg = "svg"
    png = "png"
    pdf = "pdf"
    dot = "dot"


@app.command()
def diagram(
    paths: PathsArg = None,
    output: Annotated[
        str,
        typer.Option(
            "--output",
            "-o",
            help="File to write: .svg, .png, .pdf or .dot (the format follows the suffix). "
            "'-' writes DOT to standard output. With --split: a folder.",
        ),
    ] = ...,  # type: ignore[assignment]
    plan: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(
            "--plan", help="One plan: its relevant goals and its own goals, strategies and tiltak."
        ),
    ] = None,
    goal: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option("--goal", help="One goal: its delmål and everything that follows it up."),
    ] = None,
    area: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option("--area", help="One satsingsområde: its goals and what follows them up."),
    ] = None,
    framework: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(
            "--framework",
            help="A framework in use (SDG, LHL, a ladder such as AMT…): its items and what "
            "addresses each; a ladder as a staircase. With --plan: only that plan's nodes.",
        ),
    ] = None,
    lang: LangOpt = None,
    width_cm: Annotated[
        float,
        typer.Option("--width-cm", help="Width to fit, in cm (A4 text width: about 16)."),
    ] = 16.0,
    status: Annotated[
        bool,
        typer.Option(
            "--status",
            help="Mark tiltak that are done, cancelled, postponed or overdue (maltrace status).",
        ),
    ] = False,
    today: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(
            "--today",
            metavar="YYYY-MM-DD",
            help="With --status: the date for overdue. Default: today.",
        ),
    ] = None,
    split: Annotated[
        Optional[SplitBy],  # noqa: UP045
        typer.Option(
            "--split",
            help="'area': one file per satsingsområde of the followed plan(s), split further "
            "while over 150 boxes or too tall for an A4 page, and one for what has no trace "
            "upwards, into the folder -o.",
        ),
    ] = None,
    part_format: Annotated[
        PartFormat,
        typer.Option("--format", help="With --split: the files' format (svg, png, pdf, dot)."),
    ] = PartFormat.svg,
    dot: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(
            "--dot",
            help="Use this Graphviz program instead of the bundled graphviz-pure "
            "(also: the MALTRACE_DOT variable).",
        ),
    ] = None,
) -> None:
    """Draw the red thread: the samfunnsdel's goals, what follows them up, and where it breaks.

    Exit 0: written. Exit 2: the plans could not be loaded, an unknown id, or bad usage.
    """
    from maltrace.render.diagram import (
        DiagramError,
        build_diagram,
        output_format,
        write_diagram,
        write_split,
    )

    analysis = load_analysis(paths, None, lang)
    out_lang = analysis.lang
    notes = _status_notes(analysis, today) if status else None
    try:
        if sum(x is not None for x in (plan, goal, area)) > 1 and framework is None:
            raise DiagramError("one_view")
        if split is not None and (plan, goal, area) != (None, None, None):
            raise DiagramError("split_alone")
        if split is not None:
            if output == "-":
                raise DiagramError("not_a_folder", path="-")
            from maltrace.i18n import t

            parts = write_split(
                analysis,
                output,
                fmt=part_format.value,
                lang=out_lang,
                width_cm=width_cm,
                dot_program=dot,
            )
            for _path, part in parts:
                for warning in part.warnings:
                    typer.echo(f"maltrace: {part.title}: {warning}", err=True)
            typer.echo(
                t("diagram.split_written", out_lang, count=len(parts), path=output), err=True
            )
            raise typer.Exit(EXIT_OK)
        if output == "-":
            built = build_diagram(
                analysis,
                plan=plan,
                goal=goal,
                area=area,
                lang=out_lang,
                width_cm=width_cm,
                notes=notes,
                framework=framework,
            )
            sys.stdout.write(built.dot)
        else:
            output_format(output)
            built = write_diagram(
                analysis,
                output,
                plan=plan,
                goal=goal,
                area=area,
                lang=out_lang,
                width_cm=width_cm,
                dot_program=dot,
                notes=notes,
                framework=framework,
            )
    except DiagramError as exc:
        typer.echo(f"maltrace: {exc.message(out_lang)}", err=True)
        raise typer.Exit(EXIT_LOAD) from None
    from maltrace.i18n import t

    for warning in built.warnings:
        typer.echo(f"maltrace: {warning}", err=True)
    if output != "-":
        typer.echo(t("diagram.written", out_lang, path=output), err=True)
    raise typer.Exit(EXIT_OK)


def _status_notes(analysis: Analysis, today: str | None) -> dict[str, tuple[str, ...]]:
    import datetime as dt

    from maltrace.analysis.status import analyse_status
    from maltrace.i18n import t
    from maltrace.render.status.terminal import status_notes

    try:
        day = dt.date.fromisoformat(today.strip()) if today else dt.date.today()
    except ValueError:
        typer.echo(f"maltrace: {t('st.bad_today', analysis.lang, value=today)}", err=True)
        raise typer.Exit(EXIT_LOAD) from None
    return status_notes(analyse_status(analysis, today=day), analysis.lang)
