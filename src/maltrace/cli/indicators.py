"""``maltrace indicators fetch``: SSB's tables for the indicators, saved beside the plans."""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from maltrace.cli._common import LangOption, PathsArg, app, lang_value, run

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
        typer.Option(help="The API's address (default: MALTRACE_SSB_API, else SSB's API v0)."),
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
    from maltrace.i18n import t

    done = run(
        lambda: api.fetch_indicators(paths, base_url=base_url, force=force, lang=lang_value(lang)),
        lang,
    )
    if not done.files:
        typer.echo(t("ssb.fetch.none", done.lang))
    for table, path, ids in done.files:
        typer.echo(
            t("ssb.fetch.wrote", done.lang, path=path, table=table, indicators=", ".join(ids))
        )
