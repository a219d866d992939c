"""What the commands share: the typer app, common options, loading with planner's messages.

Imports of the library happen inside functions, so ``maltrace --help`` stays fast.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn, Optional, TypeVar

import typer

if TYPE_CHECKING:
    from rich.console import Console

    from maltrace.api import ApplyResult, Written
    from maltrace.errors import MaltraceError
    from maltrace.i18n import Lang

T = TypeVar("T")

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


def lang_value(option: LangOption | None) -> str | None:
    return None if option is None else option.value


def fail(exc: MaltraceError, lang_option: LangOption | None, as_json: bool = False) -> NoReturn:
    """Say why a job failed — in the language asked for, else the job's — and exit 2. A set that
    does not load is listed error by error (as JSON with ``--format json``); a workbook's
    problems one a line; anything else in one line."""
    from maltrace import api
    from maltrace.i18n import t

    lang = api.error_lang(exc, lang_value(lang_option))
    if isinstance(exc, api.SideFailed):
        if not as_json and isinstance(exc.error, api.LoadFailed):
            typer.echo(f"maltrace: {exc.message(lang)}", err=True)
            exc = exc.error
        elif not as_json:
            typer.echo(f"maltrace: {exc.message(lang)} {exc.error.message(lang)}", err=True)
            raise typer.Exit(EXIT_LOAD)
    if isinstance(exc, (api.LoadFailed, api.SideFailed)):
        if as_json:
            import json

            payload = exc.as_dict(lang)
            sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
        else:
            from maltrace.render.terminal import render_load_errors

            assert isinstance(exc, api.LoadFailed)
            render_load_errors(exc.errors, make_console(stderr=True), lang)
        raise typer.Exit(EXIT_LOAD)
    problems = getattr(exc, "problems", None)
    if problems is not None:  # a workbook's rows, or values a workbook cannot hold
        print_lines([p.text(lang) for p in problems], exc.message(lang))
    elif isinstance(exc, api.OutputExists):  # each file in the way on a line of its own
        print_lines([t("excel.cli.exists", lang, path=p) for p in exc.paths], "")
    elif isinstance(exc, api.UnknownIdError) or exc.code in BARE:
        typer.echo(exc.message(lang), err=True)
    else:
        typer.echo(f"maltrace: {exc.message(lang)}", err=True)
    raise typer.Exit(EXIT_LOAD)


# Errors said as a line of their own, not after «maltrace:» (as they always were).
BARE = frozenset({"csv-needs-plan"})


def print_lines(lines: list[str], headline: str) -> None:
    """A headline and one indented line per problem, on stderr."""
    console = make_console(stderr=True)
    if headline:
        console.print(headline, markup=False, soft_wrap=True)
    for line in lines:
        console.print("  " + line, markup=False, soft_wrap=True)


def run(job: Callable[[], T], lang_option: LangOption | None, as_json: bool = False) -> T:
    """Run one api call; a ``MaltraceError`` ends the command with its message and exit 2."""
    from maltrace.errors import MaltraceError

    try:
        return job()
    except MaltraceError as exc:
        fail(exc, lang_option, as_json)


def write_files(
    write: Callable[[], Written],
    lang_option: LangOption | None,
    *,
    written_key: str = "report.wrote",
) -> Written:
    """Run one api call that writes files (a report, a diagram, a workbook) and say each file it
    wrote; any failure is one line for the planner and exit 2, never a traceback."""
    from maltrace.i18n import t

    done = run(write, lang_option)
    for path in done.files:
        typer.echo(t(written_key, done.lang, path=path), err=True)
    return done


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
