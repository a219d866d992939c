"""``maltrace report``: the follow-up report in Markdown, HTML, Word, Excel or CSV."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from maltrace.cli._common import (
    EXIT_LOAD,
    EXIT_OK,
    LangOpt,
    PathsArg,
    PlanOpt,
    app,
    load_analysis,
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
    from maltrace.i18n import t
    from maltrace.load import ProtectedFileError
    from maltrace.render.docx import TemplateError
    from maltrace.render.report import ReportError, report_format, write_report

    analysis = load_analysis(paths, plan, lang)
    out_lang = analysis.lang
    try:
        if report_format(output) != ".docx" and template is not None:
            raise ReportError("doc.template_only_docx", suffix=output.suffix)
        written = write_report(analysis, output, lang=out_lang, template=template)
    except (ReportError, TemplateError) as exc:
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
