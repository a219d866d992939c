"""``maltrace indicators fetch``: SSB's tables for the indicators, saved beside the plans."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from maltrace.cli._common import EXIT_LOAD, LangOption, PathsArg, app

indicators_app = typer.Typer(
    help="Indicator data from SSB's Statistikkbanken.", no_args_is_help=True
)
app.add_typer(indicators_app, name="indicators")


@indicators_app.command("fetch")
def fetch(
    paths: PathsArg = None,
    force: Annotated[
        bool, typer.Option("--force", help="Write over ssb-<table>.json files already there.")
    ] = False,
    base_url: Annotated[
        Optional[str],  # noqa: UP045 - typer reads this annotation at run time
        typer.Option(
            help="The API's address (default: MALTRACE_SSB_API, else SSB's API v0).",
        ),
    ] = None,
    lang: Annotated[
        Optional[LangOption],  # noqa: UP045 - typer reads this annotation at run time
        typer.Option("--lang", help="Language of messages: nn, nb or en. Default: nn."),
    ] = None,
) -> None:
    """Ask SSB's API for every indicator with an ssb source (table, contents code, region) and
    save each answer as ssb-<table>.json beside its plan file, where `status` reads it. Needs a
    network; offline it says so and writes nothing more (exit 2).
    """
    from maltrace import api
    from maltrace.cli._common import fail_load, make_console
    from maltrace.i18n import normalise_lang, t

    out_lang = (normalise_lang(lang.value) if lang else None) or "nn"
    console = make_console(stderr=True)
    try:
        done = api.fetch_indicators(paths or [Path("plans")], base_url=base_url, force=force)
    except api.LoadFailed as exc:
        fail_load(exc, lang, as_json=False)
    except api.FetchFailed as exc:
        console.print(exc.message(out_lang), markup=False, soft_wrap=True)
        raise typer.Exit(EXIT_LOAD) from None
    except api.OutputExists as exc:
        for p in exc.paths:
            console.print(t("excel.cli.exists", out_lang, path=p), markup=False, soft_wrap=True)
        raise typer.Exit(EXIT_LOAD) from None
    if not done:
        typer.echo(t("ssb.fetch.none", out_lang))
    for table, path, ids in done:
        typer.echo(
            t("ssb.fetch.wrote", out_lang, path=path, table=table, indicators=", ".join(ids))
        )
