"""The framework view (``diagram --framework SDG``): each item with what contributes to it.

One row per top-level item, in the framework's order: a strip in the item's colour (the 17
official SDG colours), its number in large bold type and its name, so the row reads in black and
white too; under the name, every node that addresses it (nested items named with "via").
Items nobody addresses say so in words. The picture is one HTML-like table: its order is the
framework's, whatever the layout program does.
"""

from __future__ import annotations

import math

import maltrace.render.diagram.dot as _dot
from maltrace.analysis import Analysis
from maltrace.analysis.frameworks import FrameworkCoverage
from maltrace.i18n import Lang, format_percent, t
from maltrace.render.diagram.base import (
    FONT_SIZE,
    GROUP_FILL,
    HEADING_SIZE,
    INFO_SIZE,
    MARKER,
    PAD,
    Diagram,
    View,
)

NUMBER_SIZE = 16.0
STRIP = 10  # points: the colour strip
# Lines of contributors shown per item before "… and N more".
MAX_LINES = 12


def node_line(analysis: Analysis, node_id: str, lang: Lang) -> str:
    """``Strategi HSO-1.1: title`` — the kind in words, so it reads without colour."""
    data = analysis.node(node_id)
    kind = t(f"kind.{data['kind'].value}", lang).capitalize()
    return f"{kind} {node_id}: {data['title']}"


def page_points(width_cm: float) -> float:
    return width_cm / 2.54 * 72 - 2 * PAD


def lines_html(lines: list[str], *, bold_first: int = 0, italic: bool = False) -> str:
    out = []
    for i, line in enumerate(lines):
        text = _dot.html(line)
        if i < bold_first:
            text = f"<B>{text}</B>"
        elif italic:
            text = f"<I>{text}</I>"
        out.append(text)
    return '<BR ALIGN="LEFT"/>'.join(out) + '<BR ALIGN="LEFT"/>'


def header(heading: str, info: list[str], width: float) -> str:
    """The graph's opening lines: heading as the graph label, info lines as a plain node."""
    head = _dot.wrap(heading, width, HEADING_SIZE)
    return (
        "digraph maltrace {\n"
        f"\tgraph [rankdir=TB pad={PAD / 72:.3f} nodesep=0.05 ranksep=0.08 bgcolor=white "
        f'fontname="{_dot.FONT}" fontsize={HEADING_SIZE:g} labelloc=t labeljust=l '
        f"label={_dot.label(head)}]\n"
        f'\tnode [shape=plaintext margin=0 fontname="{_dot.FONT}" fontsize={FONT_SIZE:g}]\n'
        f"\tinfo [label=<{_info_table(info, width)}>]\n"
    )


def _info_table(info: list[str], width: float) -> str:
    lines = [w for line in info for w in _dot.wrap(line, width, INFO_SIZE)]
    return (
        f'<TABLE BORDER="0" CELLBORDER="0" CELLPADDING="1"><TR><TD ALIGN="LEFT" BALIGN="LEFT" '
        f'WIDTH="{math.floor(width)}"><FONT POINT-SIZE="{INFO_SIZE:g}">{lines_html(lines)}'
        "</FONT></TD></TR></TABLE>"
    )


def contributor_lines(
    analysis: Analysis, fc: FrameworkCoverage, top_id: str, lang: Lang
) -> list[tuple[str, str | None]]:
    """(node, nested item it names or None), for every node addressing a top-level item."""
    top = next(i for i in fc.framework.items if i.id == top_id)
    out: list[tuple[str, str | None]] = []
    for item in top.walk():
        for node in fc.per_item.get(item.id, ()):
            out.append((node, None if item.id == top_id else item.id))
    return out


def framework_diagram(
    analysis: Analysis, fc: FrameworkCoverage, lang: Lang, width_cm: float, plan: str | None
) -> Diagram:
    fw = fc.framework
    width = page_points(width_cm)
    number_width = (
        math.ceil(
            max(
                (_dot.text_width(_number(fw.id, i.id), NUMBER_SIZE, bold=True) for i in fw.items),
                default=10.0,
            )
        )
        + 8
    )
    text_width = max(width - STRIP - number_width - 16, 8 * FONT_SIZE)
    heading, headline = heading_lines(fc, plan, lang)
    info = [
        headline,
        t("frameworks.diagram_note", lang),
    ]
    rows: list[str] = []
    boxes: list[str] = []
    for item in fw.items:
        name = _dot.wrap(item.title(lang), text_width, FONT_SIZE, bold=True)
        found = contributor_lines(analysis, fc, item.id, lang)
        body: list[str] = []
        for node, via in found[:MAX_LINES]:
            boxes.append(node)
            line = node_line(analysis, node, lang)
            if via:
                line += f" ({t('frameworks.via', lang, item=via)})"
            body.extend(_dot.wrap(line, text_width - 8, FONT_SIZE))
        if len(found) > MAX_LINES:
            body.append(t("frameworks.diagram_more", lang, count=len(found) - MAX_LINES))
        italic = not found
        if not found:
            body = _dot.wrap(
                MARKER + t("frameworks.not_addressed_word", lang), text_width, FONT_SIZE
            )
        colour = item.colour or GROUP_FILL
        fill = "white" if found else GROUP_FILL
        rows.append(
            f'<TR><TD BGCOLOR="{_dot.html_data(colour)}" WIDTH="{STRIP}"> </TD>'
            f'<TD WIDTH="{number_width}" VALIGN="TOP" BGCOLOR="{fill}">'
            f'<FONT POINT-SIZE="{NUMBER_SIZE:g}"><B>{_dot.html(_number(fw.id, item.id))}</B>'
            f"</FONT></TD>"
            f'<TD ALIGN="LEFT" BALIGN="LEFT" VALIGN="TOP" WIDTH="{math.floor(text_width)}" '
            f'BGCOLOR="{fill}">{lines_html(name, bold_first=len(name))}'
            f'<FONT POINT-SIZE="{FONT_SIZE:g}">{lines_html(body, italic=italic)}</FONT></TD></TR>'
        )
    table = (
        '<TABLE BORDER="0" CELLBORDER="1" CELLSPACING="0" CELLPADDING="4" COLOR="gray40">'
        + "".join(rows)
        + "</TABLE>"
    )
    return one_table_diagram("framework", "items", table, heading, info, width, fc, boxes, lang)


def heading_lines(fc: FrameworkCoverage, plan: str | None, lang: Lang) -> tuple[str, str]:
    """A framework view's heading (for one plan, when ``plan``) and its headline of how many
    items are addressed."""
    fw = fc.framework
    title = fw.title(lang)
    heading = (
        t("frameworks.diagram_heading_plan", lang, id=fw.id, title=title, plan=plan)
        if plan
        else t("frameworks.diagram_heading", lang, id=fw.id, title=title)
    )
    headline = t(
        "frameworks.headline",
        lang,
        title=fw.id,
        addressed=len(fc.addressed),
        items=fc.items,
        percent=format_percent(fc.ratio, lang),
    )
    return heading, headline


def one_table_diagram(
    view: View,
    node: str,
    table: str,
    heading: str,
    info: list[str],
    width: float,
    fc: FrameworkCoverage,
    boxes: list[str],
    lang: Lang,
) -> Diagram:
    """A framework view drawn as one table under the heading and info lines: the DOT and the
    ``Diagram`` that carries it (boxes in order, one link per contribution)."""
    dot = (
        header(heading, info, width)
        + f"\t{node} [label=<{table}>]\n\tinfo -> {node} [style=invis]\n}}\n"
    )
    return Diagram(
        dot=dot,
        view=view,
        lang=lang,
        title=heading,
        boxes=tuple(dict.fromkeys(boxes)),
        links=tuple((n, item) for item, nodes in fc.per_item.items() for n in nodes),
        not_followed_up=(),
        warnings=(),
    )


def _number(framework_id: str, item_id: str) -> str:
    """What an item is called in short: ``SDG-3`` is 3, ``LHL-2`` is 2, ``X`` stays ``X``."""
    short = item_id.removeprefix(framework_id).lstrip("-_. ")
    return short or item_id
