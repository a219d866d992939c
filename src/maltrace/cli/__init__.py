"""The ``maltrace`` command: thin wrappers over the library (see ``maltrace.api``).

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
    init,
    report,
    schema,
    serve,
    status,
    suggest,
    template,
)
from maltrace.cli._common import EXIT_FINDINGS, EXIT_LOAD, EXIT_OK, app, load_analysis

__all__ = ["EXIT_FINDINGS", "EXIT_LOAD", "EXIT_OK", "app", "load_analysis", "main"]


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
