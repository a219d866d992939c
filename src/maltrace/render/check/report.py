"""``maltrace report``: one analysis, written as Markdown, HTML, Word, Excel or CSV.

The content is ``report_model.build_report``; the writing is the shared document machinery
(``render.document.write_document``), the same for every command that writes a report.
"""

from __future__ import annotations

import os
from pathlib import Path

from maltrace.analysis import Analysis
from maltrace.i18n import Lang
from maltrace.render.check.document import build_report
from maltrace.render.document import (
    FORMATS,
    Document,
    document_format,
    write_document,
)

__all__ = ["FORMATS", "make_report", "report_format", "write_report"]


def report_format(path: str | os.PathLike[str]) -> str:
    """The report format of ``path`` (a suffix); ``FormatError`` when there is none."""
    return document_format(path)


def make_report(
    analysis: Analysis, lang: Lang | None = None, *, diagram: bool = True, paged: bool = False
) -> Document:
    """The report content, with the overview (or the plan's) diagram drawn when a writer asks;
    when the overview would not read — on a page, for ``paged`` (Word) — one diagram per
    satsingsområde instead."""
    lang = lang or analysis.lang
    if not diagram:
        return build_report(analysis, lang)
    from maltrace.render.diagram import diagram_blocks

    return build_report(analysis, lang, diagrams=tuple(diagram_blocks(analysis, lang, paged=paged)))


def write_report(
    analysis: Analysis,
    path: str | os.PathLike[str],
    *,
    lang: Lang | None = None,
    template: str | os.PathLike[str] | None = None,
) -> list[Path]:
    """Write the report in the format of ``path``'s suffix; return the files written.

    Every file is written whole (temp file + rename) and never over a plan file that was read.
    ``template``: a Word document whose styles, page and footer a .docx report takes
    (``render.docx.TemplateError`` when it cannot be used).
    """
    fmt = report_format(path)
    lang = lang or analysis.lang
    protect = [Path(p) for p in analysis.protected_files]
    # Excel and CSV hold no pictures: no diagram is drawn for them.
    doc = make_report(analysis, lang, diagram=fmt not in (".xlsx", ".csv"), paged=fmt == ".docx")
    if fmt == ".docx" and template is not None:
        return write_document(doc, path, protect=protect, template=template)
    return write_document(doc, path, protect=protect)
