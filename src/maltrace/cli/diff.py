"""``maltrace diff`` and ``maltrace relink``: what a change of plans breaks, and the repair of
links to renumbered goals. Options -> ``maltrace.api.diff`` or ``maltrace.api.relink`` -> print."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from maltrace.cli._common import (
    EXIT_FINDINGS,
    EXIT_LOAD,
    EXIT_OK,
    Format,
    LangOpt,
    app,
    lang_value,
    make_console,
    report_edits,
    run,
    write_files,
)

OldArg = Annotated[
    str,
    typer.Argument(
        help="The plans before: a folder or file, or REV:PATH from git (HEAD~1:plans, "
        "v2022-utkast:plans, a commit hash)."
    ),
]
NewArg = Annotated[
    Optional[str],  # noqa: UP045 - typer reads this annotation at run time
    typer.Argument(
        help="The plans after: a folder or file, or REV:PATH. Default, when OLD is REV:PATH: "
        "the same PATH in the working tree."
    ),
]
NoCacheOpt = Annotated[
    bool, typer.Option("--no-cache", help="Parse every file afresh instead of using the cache.")
]


@app.command()
def diff(
    old: OldArg,
    new: NewArg = None,
    format: Annotated[
        Format,
        typer.Option("--format", "-f", help="text (a change list for people) or json."),
    ] = Format.text,
    output: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option(
            "--output",
            "-o",
            help="Also write the diff: a report (.md, .html, .docx, .xlsx) or NEW's diagram "
            "with changed goals marked Δ (.svg, .png, .pdf, .dot).",
        ),
    ] = None,
    lang: LangOpt = None,
    no_cache: NoCacheOpt = False,
) -> None:
    """Show what changed between two versions of the plans, and what it breaks.

    Changes: added, removed, reworded, renumbered (matched by words, also when the old id now
    names another goal), moved, plan header. Impact: links to removed, renumbered or reworded
    goals, new goals nobody follows up, goals that lost their follow-up.
    Exit 0: nothing needs action. Exit 1: something does. Exit 2: a side could not be read.
    """
    from maltrace import api

    as_json = format is Format.json
    result = run(
        lambda: api.diff(old, new, lang=lang_value(lang), cache=not no_cache), lang, as_json
    )
    out_lang = result.lang
    if output is not None:
        write_files(lambda: api.write_diff(result, output), lang, written_key="diff.written")
    if as_json:
        from maltrace.render.diff.json import diff_json

        sys.stdout.write(diff_json(result, out_lang))
    elif output is None:
        from maltrace.render.diff.terminal import render_diff

        render_diff(result, make_console(), out_lang)
    raise typer.Exit(result.exit_code())


@app.command()
def relink(
    old: OldArg,
    new: NewArg = None,
    apply: Annotated[
        bool, typer.Option("--apply", help="Write the repaired files (default: show a diff only).")
    ] = False,
    lang: LangOpt = None,
    no_cache: NoCacheOpt = False,
) -> None:
    """Repair links to renumbered goals: each follows_up in NEW that names a goal's old id gets
    its new id, in place (comments, order and quoting stay as they were).

    Without --apply, prints a unified diff and writes nothing. Removed and reworded targets are
    never touched: they need a person (see maltrace diff).
    Exit 0: nothing to repair, or repaired. Exit 1: a dry run with repairs to make.
    Exit 2: a side could not be read, NEW is not on disk, or a file changed since it was read.
    """
    from maltrace import api
    from maltrace.i18n import t

    done = run(
        lambda: api.relink(old, new, apply=apply, lang=lang_value(lang), cache=not no_cache), lang
    )
    out_lang = done.diff.lang
    plan = done.plan
    for bad in plan.unsafe:
        typer.echo(
            "maltrace: "
            + t("relink.unsafe", out_lang, path=bad.file, line=bad.line, old=bad.old, new=bad.new),
            err=True,
        )
    if not plan.files:
        typer.echo(t("relink.nothing", out_lang), err=True)
        raise typer.Exit(EXIT_LOAD if plan.unsafe else EXIT_OK)
    if not apply:
        for edit in plan.files:
            sys.stdout.write(edit.unified_diff())
        files = len(plan.files)
        typer.echo(t("relink.dry_run", out_lang, count=plan.count, files=files), err=True)
        raise typer.Exit(EXIT_FINDINGS)
    code = report_edits(done.applied, out_lang, "relink.applied", "relink.changed_since")
    if plan.left:
        typer.echo(t("relink.left", out_lang, count=plan.left), err=True)
    raise typer.Exit(code)
