"""``maltrace diff`` and ``maltrace relink``: what a change of plans breaks, and the repair of
links to renumbered goals (see ``maltrace.analysis.diff`` and ``maltrace.edit``)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn, Optional

import typer

from maltrace.cli._common import (
    EXIT_FINDINGS,
    EXIT_LOAD,
    EXIT_OK,
    Format,
    LangOpt,
    LangOption,
    app,
    make_console,
    report_edits,
    write_files,
)

if TYPE_CHECKING:
    from maltrace.analysis.diff import PlanDiff, SideFailed
    from maltrace.i18n import Lang
    from maltrace.load import PlanFiles

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


def _lang(option: LangOption | None) -> Lang | None:
    from maltrace.i18n import normalise_lang

    return None if option is None else normalise_lang(option.value)


def _fail_side(exc: SideFailed, lang_option: LangOption | None, as_json: bool) -> NoReturn:
    from maltrace.analysis import plans_language
    from maltrace.i18n import DEFAULT_LANG, t
    from maltrace.load import LoadFailed

    error = exc.error
    plans = error.plans if isinstance(error, LoadFailed) else []
    lang = _lang(lang_option) or (plans_language(plans) if plans else DEFAULT_LANG)
    side = f"{exc.side.upper()} ({exc.label})"
    if isinstance(error, LoadFailed):
        if not as_json:
            typer.echo(f"maltrace: {t('diff.side_failed', lang, side=side)}", err=True)
        from maltrace.cli._common import fail_load

        fail_load(error, lang_option, as_json)
    params = getattr(error, "params", {})
    message = t(f"source.{getattr(error, 'code', 'git_failed')}", lang, **params)
    if as_json:
        import json

        payload = {
            "schema_version": 1,
            "load_errors": [
                {
                    "code": getattr(error, "code", "git_failed").replace("_", "-"),
                    "file": exc.label,
                    "line": 0,
                    "message": message,
                }
            ],
        }
        sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
    else:
        typer.echo(f"maltrace: {t('diff.side_failed', lang, side=side)} {message}", err=True)
    raise typer.Exit(EXIT_LOAD)


def _run_diff(
    old: str, new: str | None, lang: LangOption | None, as_json: bool, cache: bool
) -> tuple[PlanDiff, PlanFiles]:
    import gc

    from maltrace.analysis.diff import SideFailed, diff_sources
    from maltrace.i18n import DEFAULT_LANG, t

    gc.disable()
    try:
        return diff_sources([old], [new] if new else None, lang=_lang(lang), cache=cache)
    except SideFailed as exc:
        _fail_side(exc, lang, as_json)
    except ValueError:
        typer.echo(f"maltrace: {t('diff.new_missing', _lang(lang) or DEFAULT_LANG)}", err=True)
        raise typer.Exit(EXIT_LOAD) from None
    finally:
        gc.enable()


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
    as_json = format is Format.json
    result, _ = _run_diff(old, new, lang, as_json, not no_cache)
    out_lang = result.lang
    if output is not None:
        _write(result, output, out_lang)
    if as_json:
        from maltrace.render.diff.json import diff_json

        sys.stdout.write(diff_json(result, out_lang))
    else:
        from maltrace.render.diff.terminal import render_diff

        render_diff(result, make_console(), out_lang)
    raise typer.Exit(result.exit_code())


def _write(result: PlanDiff, output: Path, lang: Lang) -> None:
    from maltrace.i18n import t
    from maltrace.render.diagram import DiagramError
    from maltrace.render.diff.document import DIAGRAM_SUFFIXES, DOCUMENT_SUFFIXES, write_diff

    if output.suffix.lower() not in (*DIAGRAM_SUFFIXES, *DOCUMENT_SUFFIXES):
        typer.echo(f"maltrace: {t('diff.bad_output', lang, path=output)}", err=True)
        raise typer.Exit(EXIT_LOAD)
    write_files(
        lambda: write_diff(result, output, lang=lang),
        output,
        lang,
        errors=(DiagramError,),
        written_key="diff.written",
    )


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
    from maltrace.edit import apply_relink, plan_relink
    from maltrace.i18n import t
    from maltrace.load.sources import is_git_spec

    result, found = _run_diff(old, new, lang, False, not no_cache)
    out_lang = result.lang
    plan = plan_relink(result, found)
    for bad in plan.unsafe:
        typer.echo(
            "maltrace: "
            + t("relink.unsafe", out_lang, path=bad.file, line=bad.line, old=bad.old, new=bad.new),
            err=True,
        )
    if not plan.files:
        typer.echo(t("relink.nothing", out_lang), err=True)
        raise typer.Exit(EXIT_LOAD if plan.unsafe else EXIT_OK)
    if apply and new is not None and is_git_spec(new):
        typer.echo(f"maltrace: {t('relink.not_on_disk', out_lang)}", err=True)
        raise typer.Exit(EXIT_LOAD)
    if not apply:
        for edit in plan.files:
            sys.stdout.write(edit.unified_diff())
        files = len(plan.files)
        typer.echo(t("relink.dry_run", out_lang, count=plan.count, files=files), err=True)
        raise typer.Exit(EXIT_FINDINGS)
    code = report_edits(apply_relink(plan), out_lang, "relink.applied", "relink.changed_since")
    if plan.left:
        typer.echo(t("relink.left", out_lang, count=plan.left), err=True)
    raise typer.Exit(code)
