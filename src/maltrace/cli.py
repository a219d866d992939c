"""The ``maltrace`` command: thin wrappers over the library (see ``maltrace.api``).

Imports of the library happen inside each command, so ``maltrace --help`` stays fast.
Exit codes: 0 the red thread holds, 1 findings, 2 could not load or bad usage.
"""

from __future__ import annotations

import os
import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn, Optional

import typer

if TYPE_CHECKING:
    from rich.console import Console

    from maltrace.analysis import Analysis
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


def _console(stderr: bool = False) -> Console:
    from rich.console import Console

    # rich drops colour by itself when the output is not a terminal (a CI log, a pipe).
    return Console(stderr=stderr, highlight=False, soft_wrap=False)


def _lang(option: LangOption | None) -> Lang | None:
    from maltrace.i18n import normalise_lang

    return None if option is None else normalise_lang(option.value)


def _lang_for_errors(option: LangOption | None, plans: list[Plan]) -> Lang:
    from maltrace.analysis import plans_language

    return _lang(option) or plans_language(plans)


def _fail_load(exc: Exception, lang_option: LangOption | None, as_json: bool) -> NoReturn:
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

        render_load_errors(exc.errors, _console(stderr=True), lang)
    raise typer.Exit(EXIT_LOAD)


def _unknown_plan(plan: str, known: list[str], lang: Lang) -> NoReturn:
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
        _fail_load(exc, lang, as_json)
    gc.freeze()
    gc.enable()
    if plan:
        try:
            analysis = focus_plan(analysis, plan)
        except UnknownPlanError:
            _unknown_plan(plan, list(analysis.plan_files), analysis.lang)
    return analysis


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
    analysis = load_analysis(paths, plan, lang, as_json=format is Format.json, cache=not no_cache)
    out_lang = analysis.lang
    if format is Format.json:
        from maltrace.render.json import check_json

        sys.stdout.write(check_json(analysis, out_lang))
    else:
        from maltrace.i18n import format_percent, t
        from maltrace.render.terminal import render_check

        console = _console()
        render_check(analysis, console, out_lang)
        cov = analysis.coverage
        if fail_under < 100 and cov.followed_up * 100 < fail_under * cov.goals:
            console.print(
                t(
                    "check.fail_under",
                    out_lang,
                    percent=format_percent(cov.ratio, out_lang),
                    required=format_percent(fail_under / 100, out_lang),
                )
            )
    raise typer.Exit(analysis.exit_code(fail_under=fail_under, strict=strict))


@app.command()
def schema() -> None:
    """Print the JSON Schema of a plan file (for editors that check YAML as you type)."""
    import json

    from maltrace.load.models import json_schema

    sys.stdout.write(json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n")


# ---- diagram (render/diagram.py) ---------------------------------------------------------------


@app.command()
def diagram(
    paths: PathsArg = None,
    output: Annotated[
        str,
        typer.Option(
            "--output",
            "-o",
            help="File to write: .svg, .png, .pdf or .dot (the format follows the suffix). "
            "'-' writes DOT to standard output.",
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
    lang: LangOpt = None,
    width_cm: Annotated[
        float,
        typer.Option("--width-cm", help="Width to fit, in cm (A4 text width: about 16)."),
    ] = 16.0,
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
    from maltrace.render.diagram import DiagramError, build_diagram, output_format, write_diagram

    analysis = load_analysis(paths, None, lang)
    out_lang = analysis.lang
    try:
        if sum(x is not None for x in (plan, goal, area)) > 1:
            raise DiagramError("one_view")
        if output == "-":
            built = build_diagram(
                analysis, plan=plan, goal=goal, area=area, lang=out_lang, width_cm=width_cm
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


# ---- report (render/report.py) -----------------------------------------------------------------


@app.command()
def report(
    paths: PathsArg = None,
    output: Annotated[
        Path,
        typer.Option(
            "--output",
            "-o",
            help="File to write: .md, .html, .docx, .xlsx or .csv (the format follows the suffix).",
        ),
    ] = ...,  # type: ignore[assignment]
    plan: PlanOpt = None,
    lang: LangOpt = None,
) -> None:
    """Write the follow-up report for the plan document or the styringsgruppe.

    Markdown, one self-contained HTML page, a Word document, an Excel workbook (trace matrix,
    links, coverage, findings) or the link list as CSV. Exit 0: written. Exit 2: the plans could
    not be loaded, the file cannot be written, or bad usage.
    """
    from maltrace.i18n import t
    from maltrace.load import ProtectedFileError
    from maltrace.render.report import ReportError, report_format, write_report

    analysis = load_analysis(paths, plan, lang)
    out_lang = analysis.lang
    try:
        report_format(output)
        written = write_report(analysis, output, lang=out_lang)
    except ReportError as exc:
        typer.echo(f"maltrace: {exc.message(out_lang)}", err=True)
        raise typer.Exit(EXIT_LOAD) from None
    except ProtectedFileError as exc:
        typer.echo(f"maltrace: {t('report.protected', out_lang, path=exc.path)}", err=True)
        raise typer.Exit(EXIT_LOAD) from None
    except OSError as exc:
        reason = exc.strerror or str(exc)
        typer.echo(
            f"maltrace: {t('report.cannot_write', out_lang, path=output, reason=reason)}", err=True
        )
        raise typer.Exit(EXIT_LOAD) from None
    for path in written:
        typer.echo(t("report.wrote", out_lang, path=path), err=True)
    raise typer.Exit(EXIT_OK)


def main() -> None:
    # Keep a planner's terminal free of tracebacks: anything unexpected is one line and exit 2.
    try:
        app()
    except KeyboardInterrupt:
        raise SystemExit(130) from None
    except (BrokenPipeError, OSError) as exc:
        if isinstance(exc, BrokenPipeError):
            os._exit(1)
        typer.echo(f"maltrace: {exc}", err=True)
        raise SystemExit(EXIT_LOAD) from None
