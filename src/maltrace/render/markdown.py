"""The report as Markdown: GitHub-flavoured tables that pandoc converts too."""

from __future__ import annotations

import re

from maltrace.render.report_model import Report, Table

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
    # Fold line breaks, but keep no-break spaces ("72,2 %" must not break).
    text = _SPECIAL.sub(r"\\\1", _BREAKS.sub(" ", text).strip())
    return _LEADING.sub(_escape_leading, text, count=1) if block else text


def _escape_leading(match: re.Match[str]) -> str:
    lead = match.group(1)
    # "1." starts a list: escape the dot after the number; "-", "+", "=", ">" themselves.
    return lead + "\\" if lead[0].isdigit() else "\\" + lead


def _table(table: Table) -> list[str]:
    lines = ["| " + " | ".join(escape(h) for h in table.headers) + " |"]
    lines.append(
        "|"
        + "|".join("---:" if i in table.numeric else "---" for i in range(len(table.headers)))
        + "|"
    )
    lines += ["| " + " | ".join(escape(c) for c in row) + " |" for row in table.rows]
    return lines


def report_markdown(report: Report, diagram_file: str | None = None) -> str:
    """``diagram_file``: a file beside the report holding the overview SVG, linked from it."""
    out = [f"# {escape(report.title)}", "", escape(report.generated, block=True), ""]
    for section in report.sections:
        out += [f"## {escape(section.heading)}", ""]
        for p in section.paragraphs:
            out += [escape(p, block=True), ""]
        if section.diagram:
            if diagram_file:
                out += [f"![{escape(report.diagram_alt)}]({diagram_file})", ""]
            elif report.diagram_problem:
                out += [escape(report.diagram_problem, block=True), ""]
        if section.table is not None:
            rows = section.table.rows
            out += [*(_table(section.table) if rows else [escape(section.empty, block=True)]), ""]
    return "\n".join(out).rstrip() + "\n"
