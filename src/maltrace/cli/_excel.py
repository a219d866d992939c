"""What the Excel and starter commands share: their language option (no plans to read it from)."""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from maltrace.cli._common import LangOption

ExcelLangOpt = Annotated[
    Optional[LangOption],  # noqa: UP045 - typer reads this annotation at run time
    typer.Option(
        "--lang",
        help="Language of messages, sheet names, headers and comments: nn, nb or en. Default: nn.",
    ),
]
