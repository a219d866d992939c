"""``maltrace suggest``: the likely missing links, for a person to decide."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from maltrace.cli._common import (
    EXIT_LOAD,
    EXIT_OK,
    Format,
    LangOpt,
    PathsArg,
    PlanOpt,
    app,
    load_analysis,
    make_console,
    write_files,
)


@app.command()
def suggest(
    paths: PathsArg = None,
    plan: PlanOpt = None,
    node: Annotated[
        Optional[str],  # noqa: UP045 - typer reads this annotation at run time
        typer.Option("--node", help="Suggest for this one node (an orphan or a goal)."),
    ] = None,
    top: Annotated[
        int, typer.Option("--top", min=1, max=50, help="Candidates per node. Default 3.")
    ] = 3,
    format: Annotated[
        Format,
        typer.Option("--format", "-f", help="text (for people) or json (for scripts)."),
    ] = Format.text,
    output: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option(
            "--output",
            "-o",
            help="Also write the suggestions to a file: .xlsx (one row per candidate, with an "
            "empty accept column), .json, .md, .html or .docx.",
        ),
    ] = None,
    lang: LangOpt = None,
) -> None:
    """Suggest the missing links: for each node with no trace up, the goals it most likely
    follows up; for each goal not followed up, what most likely serves it. Each candidate has
    a score (0–1) and the words that matched. Nothing is written into the plans.

    Exit 0: suggestions made (or nothing to suggest). Exit 2: the plans could not be loaded,
    an unknown --plan or --node, the file cannot be written, or bad usage.
    """
    import difflib

    from maltrace.analysis.suggest import suggest as make_suggestions
    from maltrace.i18n import t
    from maltrace.render.suggest import (
        FORMATS,
        SuggestFormatError,
        render_suggestions,
        suggestions_json,
        write_suggestions,
    )

    as_json = format is Format.json
    analysis = load_analysis(paths, plan, lang, as_json=as_json)
    out_lang = analysis.lang
    if node is not None and node not in analysis.graph:
        close = difflib.get_close_matches(node, list(analysis.graph), n=1)
        hint = " " + t("word.did_you_mean", out_lang, suggestion=close[0]) if close else ""
        typer.echo(t("suggest.unknown_node", out_lang, node=node, hint=hint), err=True)
        raise typer.Exit(EXIT_LOAD)
    if output is not None and output.suffix.lower() not in FORMATS:
        typer.echo(f"maltrace: {t('suggest.bad_format', out_lang, suffix=output.suffix)}", err=True)
        raise typer.Exit(EXIT_LOAD)
    result = make_suggestions(analysis, top=top, node=node)
    if as_json:
        sys.stdout.write(suggestions_json(result, out_lang))
    elif node is not None and not result.suggestions:
        typer.echo(t("suggest.node_traced", out_lang, node=node))
    else:
        render_suggestions(result, make_console(), out_lang)
    if output is not None:
        protect = [Path(p) for p in analysis.plan_files.values()]
        write_files(
            lambda: write_suggestions(result, output, out_lang, protect=protect),
            output,
            out_lang,
            errors=(SuggestFormatError,),
        )
    raise typer.Exit(EXIT_OK)
