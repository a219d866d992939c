"""What the commands share: the typer app, common options, loading with planner's messages.

Imports of the library happen inside functions, so ``maltrace --help`` stays fast.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn, Optional

import typer

if TYPE_CHECKING:
    from rich.console import Console

    from maltrace.analysis import Analysis
    from maltrace.edit import ApplyResult
    from maltrace.i18n import Lang
    from maltrace.load import Plan

EXIT_OK, EXIT_FINDINGS, EXIT_LOAD = 0, 1, 2

app = typer.Typer(
    name="maltrace",
    help=(
        "Den raude tråden: prove that every goal in the samfunnsdel is followed up by the sector "
        "plans and on to tiltak in the handlingsdel. Plans are YAML files; see the README."
    ),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


class Format(StrEnum):
    text = "text"
    json = "json"


class LangOption(StrEnum):
    nn = "nn"
    nb = "nb"
    en = "en"


PathsArg = Annotated[
    Optional[list[Path]],  # noqa: UP045 - typer reads this annotation at run time
    typer.Argument(
        help="Plan files or folders (searched recursively for *.yaml, *.yml). Default: plans/"
    ),
]
LangOpt = Annotated[
    Optional[LangOption],  # noqa: UP045
    typer.Option(
        "--lang", help="Language of the output: nn, nb or en. Default: the plans' language."
    ),
]
PlanOpt = Annotated[
    Optional[str],  # noqa: UP045
    typer.Option("--plan", help="Show one plan's view: its relevant goals and what it follows up."),
]


def make_console(stderr: bool = False) -> Console:
    from rich.console import Console

    # rich drops colour by itself when the output is not a terminal (a CI log, a pipe).
    return Console(stderr=stderr, highlight=False, soft_wrap=False)


def _lang(option: LangOption | None) -> Lang | None:
    from maltrace.i18n import normalise_lang

    return None if option is None else normalise_lang(option.value)


def _lang_for_errors(option: LangOption | None, plans: list[Plan]) -> Lang:
    from maltrace.analysis import plans_language

    return _lang(option) or plans_language(plans)


def fail_load(exc: Exception, lang_option: LangOption | None, as_json: bool) -> NoReturn:
    from maltrace.load import LoadFailed

    assert isinstance(exc, LoadFailed)
    lang = _lang_for_errors(lang_option, exc.plans)
    if as_json:
        import json

        payload = {
            "schema_version": 1,
            "load_errors": [
                {"code": e.code, "file": e.file, "line": e.line, "message": e.message(lang)}
                for e in exc.errors
            ],
        }
        sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
    else:
        from maltrace.render.terminal import render_load_errors

        render_load_errors(exc.errors, make_console(stderr=True), lang)
    raise typer.Exit(EXIT_LOAD)


def unknown_plan(plan: str, known: list[str], lang: Lang) -> NoReturn:
    import difflib

    from maltrace.i18n import t

    close = difflib.get_close_matches(plan, known, n=1)
    hint = " " + t("word.did_you_mean", lang, suggestion=close[0]) if close else ""
    typer.echo(t("cli.unknown_plan", lang, plan=plan, hint=hint, plans=", ".join(known)), err=True)
    raise typer.Exit(EXIT_LOAD)


def load_analysis(
    paths: list[Path] | None,
    plan: str | None,
    lang: LangOption | None,
    as_json: bool = False,
    cache: bool = True,
) -> Analysis:
    """Shared by the commands: load, analyse, focus; exit 2 with clear messages on failure."""
    import gc

    from maltrace.analysis import UnknownPlanError, analyse_plan_files, focus_plan
    from maltrace.load import LoadFailed

    # Nearly everything loaded lives until the command ends; reference counting frees the rest.
    # The cyclic collector would only walk the plans again and again (357 kommunar: 4 s of 24),
    # so it is off while they are built, and then told to leave them be (freeze).
    gc.disable()
    try:
        analysis = analyse_plan_files(paths or [Path("plans")], lang=_lang(lang), cache=cache)
    except LoadFailed as exc:
        fail_load(exc, lang, as_json)
    gc.freeze()
    gc.enable()
    if plan:
        try:
            analysis = focus_plan(analysis, plan)
        except UnknownPlanError:
            unknown_plan(plan, list(analysis.plan_files), analysis.lang)
    return analysis


def write_files(
    write: Callable[[], list[Path]],
    output: Path,
    lang: Lang,
    *,
    errors: tuple[type[Exception], ...] = (),
    written_key: str = "report.wrote",
) -> list[Path]:
    """Run ``write`` (a report, a diagram, a workbook) and say each file it wrote. A plan file in
    the way, a file that cannot be written, or one of ``errors`` (which say ``message(lang)``)
    end in one line for the planner and exit 2, never a traceback."""
    from maltrace.i18n import t
    from maltrace.load import ProtectedFileError

    try:
        written = write()
    except ProtectedFileError as exc:
        message = t("report.protected", lang, path=exc.path)
    except errors as exc:
        message = exc.message(lang)  # type: ignore[attr-defined]
    except OSError as exc:
        reason = exc.strerror or str(exc)
        message = t("report.cannot_write", lang, path=output, reason=reason)
    else:
        for path in written:
            typer.echo(t(written_key, lang, path=path), err=True)
        return written
    typer.echo(f"maltrace: {message}", err=True)
    raise typer.Exit(EXIT_LOAD)


def report_edits(outcomes: Iterable[ApplyResult], lang: Lang, applied: str, changed: str) -> int:
    """Say what became of each plan file an editing command wrote (``applied``/``changed``:
    the catalogue keys for a written file and for one changed since it was read); the exit
    code: 0 when every file was written, 2 otherwise."""
    from maltrace.i18n import t

    code = EXIT_OK
    for outcome in outcomes:
        if outcome.status == "written":
            typer.echo(t(applied, lang, count=outcome.count, path=outcome.path), err=True)
        elif outcome.status == "changed":
            typer.echo(f"maltrace: {t(changed, lang, path=outcome.path)}", err=True)
            code = EXIT_LOAD
        else:
            text = t("relink.cannot_write", lang, path=outcome.path, reason=outcome.reason)
            typer.echo(f"maltrace: {text}", err=True)
            code = EXIT_LOAD
    return code
