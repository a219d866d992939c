"""``maltrace check``: coverage and integrity of one plan set."""

from __future__ import annotations

import sys
from typing import Annotated

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
)


@app.command()
def check(
    paths: PathsArg = None,
    plan: PlanOpt = None,
    format: Annotated[
        Format,
        typer.Option("--format", "-f", help="text (for people) or json (for CI and scripts)."),
    ] = Format.text,
    fail_under: Annotated[
        float,
        typer.Option(
            "--fail-under",
            min=0,
            max=100,
            help="Exit 1 when the oppfølgingsgrad (percent) is below this. Default 100.",
        ),
    ] = 100.0,
    strict: Annotated[
        bool,
        typer.Option(
            "--strict", help="Warnings (orphans, goals without strategies) also give exit 1."
        ),
    ] = False,
    lang: LangOpt = None,
    no_cache: Annotated[
        bool,
        typer.Option(
            "--no-cache",
            help="Parse and analyse every file afresh instead of reusing plans parsed, and "
            "results found, before (the cache is in ~/.cache/maltrace or MALTRACE_CACHE_DIR).",
        ),
    ] = False,
) -> None:
    """Check coverage and integrity: which goals are followed up, which are not, what is broken.

    Exit 0: every goal in scope is followed up and nothing is broken. Exit 1: findings.
    Exit 2: the plans could not be loaded, or bad usage.
    """
    from maltrace import api

    as_json = format is Format.json
    analysis = run(
        lambda: api.check(paths, plan=plan, lang=lang_value(lang), cache=not no_cache),
        lang,
        as_json,
    )
    out_lang = analysis.lang
    if as_json:
        from maltrace.render.check.json import check_json

        sys.stdout.write(check_json(analysis, out_lang))
    else:
        from maltrace.i18n import format_percent, t
        from maltrace.render.check.terminal import render_check

        console = make_console()
        render_check(analysis, console, out_lang)
        if api.below(analysis, fail_under):
            console.print(
                t(
                    "check.fail_under",
                    out_lang,
                    percent=format_percent(analysis.coverage.ratio, out_lang),
                    required=format_percent(fail_under / 100, out_lang),
                )
            )
    raise typer.Exit(analysis.exit_code(fail_under=fail_under, strict=strict))
