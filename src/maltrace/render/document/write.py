"""Writing a document: the one dispatch from a file's suffix to its writer.

The writers are imported only when a document is written in their format, so a command that
writes Markdown never loads python-docx or openpyxl.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from maltrace.render.document.model import (
    Document,
    DocumentFormatError,
    Figure,
    FigureError,
    document_format,
    office_format,
)


def prepare_figures(doc: Document, fmt: str) -> None:
    """Start drawing every figure of ``doc`` for the document format ``fmt`` (a suffix) in the
    background (where it can)."""
    for section in doc.sections:
        for block in section.blocks:
            if isinstance(block, Figure) and block.prepare is not None:
                block.prepare("svg" if fmt in (".md", ".html") else office_format(block))


def render_document(doc: Document, fmt: str, **options: object) -> bytes | str:
    """``doc`` as the content of one file in ``fmt`` (a suffix such as ``.docx``)."""
    if fmt in (".md", ".html", ".docx"):
        prepare_figures(doc, fmt)
    if fmt == ".md":
        from maltrace.render.document.markdown import document_markdown

        return document_markdown(doc)
    if fmt == ".html":
        from maltrace.render.document.html import document_html

        return document_html(doc)
    if fmt == ".docx":
        from maltrace.render.document.docx import document_docx

        template = options.get("template")
        if template is not None and not isinstance(template, (str, os.PathLike)):
            raise TypeError("template: a path")
        return document_docx(doc, template=template)
    if fmt == ".xlsx":
        from maltrace.render.document.xlsx import document_xlsx

        return document_xlsx(doc)
    if fmt == ".csv":
        from maltrace.render.document.xlsx import document_csv

        return document_csv(doc)
    raise DocumentFormatError(fmt)


def write_document(
    doc: Document,
    path: str | os.PathLike[str],
    *,
    protect: Iterable[Path] = (),
    **options: object,
) -> list[Path]:
    """Write ``doc`` in the format of ``path``'s suffix, whole (temp file + rename), never over a
    protected file; return the files written. Markdown cannot hold pictures: each figure goes
    beside it as ``<stem>.<figure key>.svg`` and is linked."""
    from maltrace.load import write_atomic

    fmt = document_format(path, csv=doc.csv_table is not None)
    target = Path(path)
    protect = list(protect)
    if fmt == ".md":
        from maltrace.render.document.markdown import document_markdown, figure_files

        prepare_figures(doc, fmt)
        written = []
        names: dict[int, str] = {}
        for i, (figure, name) in enumerate(figure_files(doc, target.stem)):
            try:
                data = figure.draw("svg")
            except FigureError:
                continue  # the Markdown says why in the figure's place
            write_atomic(target.with_name(name), data, protect=protect)
            written.append(target.with_name(name))
            names[i] = name
        write_atomic(target, document_markdown(doc, names), protect=protect)
        return [target, *written]
    write_atomic(target, render_document(doc, fmt, **options), protect=protect)
    return [target]
