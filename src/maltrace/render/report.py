"""``maltrace report``: one analysis, written as Markdown, HTML, Word, Excel or CSV.

The content is ``report_model.build_report``; the writing is the shared document machinery
(``render.document.write_document``), the same for every command that writes a report.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from maltrace.analysis import Analysis
from maltrace.i18n import Lang, t
from maltrace.render.document import (
    FORMATS,
    Document,
    DocumentFormatError,
    FigureError,
    FigureFormat,
    document_format,
    write_document,
)
from maltrace.render.report_model import build_report, diagram_figure

__all__ = ["FORMATS", "ReportError", "make_report", "report_format", "write_report"]


class ReportError(ValueError):
    """The report cannot be written as asked (unknown format)."""

    def __init__(self, key: str, **params: object) -> None:
        super().__init__(key)
        self.key, self.params = key, params

    def message(self, lang: Lang) -> str:
        return t(self.key, lang, **self.params)


def report_format(path: str | os.PathLike[str]) -> str:
    try:
        return document_format(path)
    except DocumentFormatError as exc:
        raise ReportError("report.bad_format", suffix=exc.suffix) from None


def _diagram_view(analysis: Analysis) -> dict[str, str | None]:
    return {"view": "plan", "plan": analysis.focus} if analysis.focus else {"view": "overview"}


def _drawer(analysis: Analysis, lang: Lang) -> Callable[[FigureFormat], bytes]:
    """Draws the overview (or the plan's) diagram in the format a writer asks for, once each."""
    drawn: dict[str, bytes] = {}

    def draw(fmt: FigureFormat) -> bytes:
        from maltrace.render.diagram import DiagramError, diagram_png, diagram_svg

        if fmt not in drawn:
            try:
                view: Any = _diagram_view(analysis)
                if fmt == "svg":
                    drawn[fmt] = diagram_svg(analysis, lang=lang, **view).encode("utf-8")
                else:
                    drawn[fmt] = diagram_png(analysis, lang=lang, **view)
            except (DiagramError, OSError) as exc:
                reason = exc.message(lang) if isinstance(exc, DiagramError) else str(exc)
                raise FigureError(t("report.no_diagram", lang, reason=reason)) from None
        return drawn[fmt]

    return draw


def make_report(analysis: Analysis, lang: Lang | None = None, *, diagram: bool = True) -> Document:
    """The report content, with the overview (or the plan's) diagram drawn when a writer asks."""
    lang = lang or analysis.lang
    figure = diagram_figure(analysis, lang, _drawer(analysis, lang)) if diagram else None
    return build_report(analysis, lang, diagram=figure)


def write_report(
    analysis: Analysis, path: str | os.PathLike[str], *, lang: Lang | None = None
) -> list[Path]:
    """Write the report in the format of ``path``'s suffix; return the files written.

    Every file is written whole (temp file + rename) and never over a plan file that was read.
    """
    fmt = report_format(path)
    lang = lang or analysis.lang
    protect = [Path(p) for p in analysis.plan_files.values()]
    # Excel and CSV hold no pictures: no diagram is drawn for them.
    doc = make_report(analysis, lang, diagram=fmt not in (".xlsx", ".csv"))
    return write_document(doc, path, protect=protect)
