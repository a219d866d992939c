"""``maltrace diagram``: the red thread as a picture (see ``maltrace.render.diagram``)."""

from __future__ import annotations

import sys
from enum import StrEnum
from typing import Annotated, Optional

import typer

from maltrace.cli._common import EXIT_OK, LangOpt, PathsArg, app, lang_value, run


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
    from maltrace import api
    from maltrace.i18n import t

    drawn = run(
        lambda: api.diagram(
            paths,
            output,
            plan=plan,
            goal=goal,
            area=area,
            framework=framework,
            lang=lang_value(lang),
            width_cm=width_cm,
            status=status,
            today=today,
            split=split.value if split is not None else None,
            part_format=part_format.value,
            dot=dot,
        ),
        lang,
    )
    for warning in drawn.warnings:
        typer.echo(f"maltrace: {warning}", err=True)
    if drawn.dot is not None:
        sys.stdout.write(drawn.dot)
    elif drawn.split:
        count = len(drawn.written)
        typer.echo(t("diagram.split_written", drawn.lang, count=count, path=output), err=True)
    else:
        typer.echo(t("diagram.written", drawn.lang, path=output), err=True)
    raise typer.Exit(EXIT_OK)
