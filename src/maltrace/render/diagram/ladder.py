"""The ladder view (``diagram --framework AMT`` for a framework with ``ordered: true``).

A staircase: the lowest step at the bottom and widest, each step above it shorter by one
tread, so the picture climbs to the right as help grows. Each step names its strategies and
tiltak (the kind in words, so it reads in black and white), with the tiltak that follow up such a
strategy indented under it; a step with nothing on it says so in words. Themes that stand
across every step (nodes naming the ladder itself) are listed apart under the stairs.
"""

from __future__ import annotations

import math

import maltrace.render.diagram.dot as _dot
from maltrace.analysis import Analysis
from maltrace.analysis.frameworks import FrameworkCoverage
from maltrace.i18n import Lang, t
from maltrace.load import Kind
from maltrace.render.diagram.base import FONT_SIZE, GROUP_FILL, MARKER, Diagram
from maltrace.render.diagram.framework import (
    MAX_LINES,
    contributor_lines,
    heading_lines,
    lines_html,
    node_line,
    one_table_diagram,
    page_points,
)

# The most a step is set in from the one below it, in points.
MAX_TREAD = 28.0


def ladder_diagram(
    analysis: Analysis, fc: FrameworkCoverage, lang: Lang, width_cm: float, plan: str | None
) -> Diagram:
    fw = fc.framework
    width = page_points(width_cm)
    steps = list(fw.items)
    n = len(steps)
    # The top step keeps at least two thirds of the width.
    tread = min(MAX_TREAD, width / 3 / max(n - 1, 1))
    heading, headline = heading_lines(fc, plan, lang)
    info = [
        headline,
        t("frameworks.diagram_lowest", lang) + ". " + t("frameworks.diagram_note", lang),
    ]
    followers = _measures_following(analysis)
    rows: list[str] = []
    boxes: list[str] = []
    for index in reversed(range(n)):  # highest step first: the top of the picture
        step = steps[index]
        inset = math.floor(tread * index)
        cell_width = math.floor(width - inset)
        text_width = cell_width - 10
        label = f"{t('frameworks.step_n', lang, n=index + 1)}: {step.id} {step.title(lang)}"
        name = _dot.wrap(label, text_width, FONT_SIZE, bold=True)
        found = contributor_lines(analysis, fc, step.id, lang)
        body: list[str] = []
        on_step = {node for node, _ in found}
        for node, via in found[:MAX_LINES]:
            boxes.append(node)
            line = node_line(analysis, node, lang)
            if via:
                line += f" ({t('frameworks.via', lang, item=via)})"
            body.extend(_dot.wrap(line, text_width, FONT_SIZE))
            for measure in (m for m in followers.get(node, ()) if m not in on_step):
                boxes.append(measure)
                line = "→ " + node_line(analysis, measure, lang)
                body.extend(_dot.wrap(line, text_width, FONT_SIZE))
        if len(found) > MAX_LINES:
            body.append(t("frameworks.diagram_more", lang, count=len(found) - MAX_LINES))
        empty = not found
        if empty:
            body = _dot.wrap(MARKER + t("frameworks.empty_step", lang), text_width, FONT_SIZE)
        fill = GROUP_FILL if empty else "white"
        style = ' STYLE="dashed"' if empty else ""
        spacer = f'<TD WIDTH="{inset}" BORDER="0"> </TD>' if inset else ""
        rows.append(
            f'<TR><TD BORDER="0" ALIGN="LEFT"><TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" '
            f'CELLPADDING="0"><TR>{spacer}<TD><TABLE BORDER="1"{style} CELLBORDER="0" '
            f'CELLPADDING="4" COLOR="gray20" BGCOLOR="{fill}"><TR><TD ALIGN="LEFT" BALIGN="LEFT" '
            f'VALIGN="TOP" WIDTH="{cell_width - 10}">{lines_html(name, bold_first=len(name))}'
            f"{lines_html(body, italic=empty)}</TD></TR></TABLE></TD></TR></TABLE></TD></TR>"
        )
    if fc.cross_cutting:
        lines = [t("frameworks.across_label", lang)]
        for node in fc.cross_cutting:
            boxes.append(node)
            lines.extend(_dot.wrap(node_line(analysis, node, lang), width - 20, FONT_SIZE))
        rows.append(
            f'<TR><TD BORDER="0" HEIGHT="6"> </TD></TR><TR><TD BORDER="0" ALIGN="LEFT">'
            f'<TABLE BORDER="1" STYLE="rounded" CELLBORDER="0" CELLPADDING="4" COLOR="gray40">'
            f'<TR><TD ALIGN="LEFT" BALIGN="LEFT" WIDTH="{math.floor(width - 10)}">'
            f"{lines_html(lines, bold_first=1)}</TD></TR></TABLE></TD></TR>"
        )
    table = (
        '<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="0">'
        + "".join(rows)
        + "</TABLE>"
    )
    return one_table_diagram("ladder", "steps", table, heading, info, width, fc, boxes, lang)


def _measures_following(analysis: Analysis) -> dict[str, list[str]]:
    """Tiltak under each node, and tiltak that follow a node up: the step's red thread."""
    graph = analysis.graph
    out: dict[str, list[str]] = {}
    for node_id, data in graph.nodes(data=True):
        if data["kind"] is Kind.MEASURE and data["parent"] is not None:
            out.setdefault(data["parent"], []).append(node_id)
    for link in analysis.links:
        if graph.nodes[link.source]["kind"] is Kind.MEASURE:
            out.setdefault(link.target, []).append(link.source)
    return {k: list(dict.fromkeys(v)) for k, v in out.items()}
