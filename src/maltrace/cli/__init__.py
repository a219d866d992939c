"""The ``maltrace`` command: options -> one ``maltrace.api`` call -> print or write.

One module per command; each registers itself on ``app``. Imports of the library happen inside
each command, so ``maltrace --help`` stays fast.
Exit codes: 0 the red thread holds, 1 findings, 2 could not load or bad usage.
"""

from __future__ import annotations

import os

import typer

from maltrace.cli import (  # noqa: F401 - registers the commands
    check,
    diagram,
    diff,
    excel_export,
    excel_import,
    frameworks,
    indicators,
    init,
    report,
    schema,
    serve,
    status,
    suggest,
    template,
)
from maltrace.cli._common import EXIT_FINDINGS, EXIT_LOAD, EXIT_OK, app

__all__ = ["EXIT_FINDINGS", "EXIT_LOAD", "EXIT_OK", "app", "main"]


def main() -> None:
    from maltrace.api import _job

    # One command is one job: the cyclic collector is paused for all of it (see api/_job.py).
    _job.ONE_SHOT = True
    # Keep a planner's terminal free of tracebacks: anything unexpected is one line and exit 2.
    try:
        with _job.job():
            app()
    except KeyboardInterrupt:
        raise SystemExit(130) from None
    except (BrokenPipeError, OSError) as exc:
        if isinstance(exc, BrokenPipeError):
            os._exit(1)
        typer.echo(f"maltrace: {exc}", err=True)
        raise SystemExit(EXIT_LOAD) from None
