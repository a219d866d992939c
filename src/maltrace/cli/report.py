"""``maltrace report``: the follow-up report in Markdown, HTML, Word, Excel or CSV."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from maltrace.cli._common import (
    EXIT_OK,
    LangOpt,
    PathsArg,
    PlanOpt,
    app,
    lang_value,
    write_files,
)


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
    template: Annotated[
        Path | None,
        typer.Option(
            "--template",
            help="Word only: a .docx or .dotx whose styles, page size, margins and footer the "
            "report takes (its text is left out), such as the kommune's document template.",
        ),
    ] = None,
) -> None:
    """Write the follow-up report for the plan document or the styringsgruppe.

    Markdown, one self-contained HTML page, a Word document, an Excel workbook (trace matrix,
    links, coverage, findings) or the link list as CSV. Exit 0: written. Exit 2: the plans could
    not be loaded, the file cannot be written, or bad usage.
    """
    from maltrace import api

    write_files(
        lambda: api.report(paths, output, plan=plan, lang=lang_value(lang), template=template),
        lang,
    )
    raise typer.Exit(EXIT_OK)
