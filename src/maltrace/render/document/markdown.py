"""A document as Markdown: GitHub-flavoured tables that pandoc converts too."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping

from maltrace.render.document.model import (
    Document,
    Figure,
    FigureError,
    Matrix,
    Paragraph,
    Table,
    cell_texts,
)
from maltrace.render.marked import Marked

# Characters that make markup anywhere in a line (CommonMark/GFM and pandoc), and | for tables;
# plus what makes a list, heading or quote at the start of a line.
_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#!|~^$&])")
_BREAKS = re.compile(r"[ \t\r\n\f\v]+")
_LEADING = re.compile(r"^([+\-=>]|\d+(?=[.)]))")


def escape(text: str, *, block: bool = False) -> str:
    """Plan text as literal Markdown: markup characters escaped, line breaks folded.

    ``block``: the text starts a line of its own (a paragraph), where ``- ``, ``1.`` or ``>``
    would start a list or a quote; inside a table cell they cannot.
    """
    if isinstance(text, Marked):
        return _marked(text, block=block)
    # Fold line breaks, but keep no-break spaces ("72,2 %" must not break).
    text = _SPECIAL.sub(r"\\\1", _BREAKS.sub(" ", text).strip())
    return _LEADING.sub(_escape_leading, text, count=1) if block else text


def _marked(text: Marked, *, block: bool) -> str:
    """Removed words struck through (``~~…~~``), added ones as ``<ins>``, commands as code."""
    out = []
    for i, (op, piece) in enumerate(text.pieces):
        body = escape(piece, block=block and i == 0)
        if op == "-":
            body = f"~~{body}~~"
        elif op == "+":
            body = f"<ins>{body}</ins>"
        elif op == "`":
            body = f"`{piece}`" if "`" not in piece else body
        out.append(body)
    return "".join(out)


def _escape_leading(match: re.Match[str]) -> str:
    lead = match.group(1)
    # "1." starts a list: escape the dot after the number; "-", "+", "=", ">" themselves.
    return lead + "\\" if lead[0].isdigit() else "\\" + lead


def _one_line(cell: str) -> str:
    # A marked text keeps its pieces (str.replace would make it plain text).
    return cell if isinstance(cell, Marked) else cell.replace("\n", "; ")


def _table(table: Table, lang: str) -> list[str]:
    lines = ["| " + " | ".join(escape(h) for h in table.headers) + " |"]
    lines.append("|" + "|".join("---:" if c.numeric else "---" for c in table.columns) + "|")
    lines += [
        # a cell's lines (one follower a line) as one line of Markdown, parted by semicolons
        "| " + " | ".join(escape(_one_line(c)) for c in row) + " |"
        for row in cell_texts(table, lang)  # type: ignore[arg-type]
    ]
    return lines


def _matrix(m: Matrix) -> list[str]:
    head = [m.corner, *m.row_headers[1:], *(c[0] for c in m.columns)]
    lines = [
        "| " + " | ".join(escape(h) for h in head) + " |",
        "|" + "|".join("---" for _ in head) + "|",
    ]
    for i, (gid, _title, plan) in enumerate(m.rows):
        marks = ["●" if (i, j) in m.marks else "" for j in range(len(m.columns))]
        lines.append("| " + " | ".join([escape(gid), escape(plan), *marks]) + " |")
    return lines


def figure_files(doc: Document, stem: str) -> Iterator[tuple[Figure, str]]:
    """Every figure of ``doc`` with the file name it gets beside a Markdown file ``stem``.md."""
    n = 0
    for section in doc.sections:
        for block in section.blocks:
            if isinstance(block, Figure):
                n += 1
                yield block, f"{stem}.{block.key or f'figure-{n}'}.svg"


def document_markdown(doc: Document, figures: Mapping[int, str] | None = None) -> str:
    """``figures``: the file beside the report that holds each figure (by its number in document
    order, from 0), as ``write_document`` wrote them; a figure with no file is explained."""
    out = [f"# {escape(doc.title)}", "", escape(doc.generated, block=True), ""]
    figures = figures or {}
    n = 0
    for section in doc.sections:
        out += [f"{'#' * (section.level + 1)} {escape(section.heading)}", ""]
        for block in section.blocks:
            if isinstance(block, Paragraph):
                if block.style != "legend":  # Markdown's rows have no colour to explain
                    out += [escape(block.text, block=True), ""]
            elif isinstance(block, Figure):
                name = figures.get(n)
                n += 1
                if name:
                    out += [f"![{escape(block.alt)}]({name})", ""]
                else:
                    out += [escape(_why(block), block=True), ""]
            elif isinstance(block, Matrix):
                out += [*_matrix(block), ""]
            elif block.rows:
                out += [*_table(block, doc.lang), ""]
            else:
                out += [escape(section.empty, block=True), ""]
    return "\n".join(out).rstrip() + "\n"


def _why(figure: Figure) -> str:
    try:
        figure.draw("svg")
    except FigureError as exc:
        return exc.text
    return figure.alt
