"""``maltrace serve``: the plans in the browser — the map, a node's thread, and careful edits."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from maltrace.cli._common import EXIT_LOAD, LangOpt, PathsArg, app


@app.command()
def serve(
    paths: PathsArg = None,
    port: Annotated[int, typer.Option("--port", min=0, max=65535, help="Default 8765.")] = 8765,
    host: Annotated[
        str,
        typer.Option(
            "--host",
            help="Address to listen on. Default 127.0.0.1 (this machine only); anything else "
            "prints a warning: put it behind a reverse proxy with login.",
        ),
    ] = "127.0.0.1",
    read_only: Annotated[
        bool, typer.Option("--read-only", help="Show the plans; refuse every edit.")
    ] = False,
    open_browser: Annotated[
        bool, typer.Option("--open", help="Open the page in the default browser.")
    ] = False,
    lang: LangOpt = None,
    since: Annotated[
        Optional[str],  # noqa: UP045 - typer reads this annotation at run time
        typer.Option(
            "--since", metavar="REV", help="The changes view compares with this git revision."
        ),
    ] = None,
    token_file: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option(
            "--token-file",
            help="Read the access token from this file (else MALTRACE_TOKEN, else a random one).",
        ),
    ] = None,
) -> None:
    """Serve the plans as a local web page: the plan map in columns, a node's red thread and
    details, search and filters, the status, frameworks and changes views; add or remove
    follows_up links, set a tiltak's status and write reasons — each edit changes only that
    value in the YAML file, and is refused (409) when the file changed since the page showed it.

    Open the URL it prints (it holds the token). Ctrl-C stops it.
    Exit 2: the extra packages are missing, no plan files, or the port is in use.
    """
    from maltrace.i18n import DEFAULT_LANG, normalise_lang, t

    chosen = normalise_lang(lang.value) if lang else None
    try:
        import starlette  # noqa: F401
        import uvicorn  # noqa: F401
        import watchfiles  # noqa: F401
    except ImportError:
        typer.echo(f"maltrace: {t('serve.cli.missing', chosen or DEFAULT_LANG)}", err=True)
        raise typer.Exit(EXIT_LOAD) from None
    from maltrace.serve.run import serve as run

    code = run(
        paths or [Path("plans")],
        host=host,
        port=port,
        read_only=read_only,
        open_browser=open_browser,
        lang=chosen,
        since=since,
        token_file=token_file,
    )
    raise typer.Exit(code)
