"""Selection -> DOT: plans as columns of frames, areas as frames, a goal and its delmål as one
table per group, one arrow per link."""

from __future__ import annotations

import itertools
import math
from collections.abc import Mapping
from collections.abc import Set as AbstractSet
from dataclasses import dataclass

import maltrace.render.diagram.dot as _dot
from maltrace.analysis import Analysis
from maltrace.i18n import Lang, t
from maltrace.load import Kind
from maltrace.render.diagram.base import (
    AREA_MARGIN,
    FONT_SIZE,
    FRAME_FONT_SIZE,
    FRAME_MARGIN,
    GROUP_FILL,
    HEADING_SIZE,
    INFO_SIZE,
    JUSTIFIED_FILL,
    JUSTIFIED_MARKER,
    JUSTIFIED_PEN,
    LARGE_VIEW,
    LEGEND_SIZE,
    MARKER,
    MAX_TEXT_EM,
    MEASURE_FILL,
    MIN_TEXT_EM,
    NODESEP,
    NOT_FOLLOWED_FILL,
    NOT_FOLLOWED_PEN,
    ORPHAN_MARKER,
    ORPHAN_PEN,
    PAD,
    PLAN_NODE_MAX,
    RANKSEP,
    WRAPPER_MARGIN,
    Diagram,
    Selection,
    View,
    endpoints,
    plan_levels,
)

# -- writing the DOT -----------------------------------------------------------------------------


@dataclass
class _Geometry:
    columns: int
    text_width: float  # points of text in a box at the top level of a group
    box_width: float  # points a group takes
    content_width: float  # points the columns take side by side


INDENT = 12.0  # points a nested box is indented by
CELL_PAD = 4.0  # points of padding in a box
GROUP_PAD = 3.0  # points between a group's frame and its boxes


def _geometry(columns: int, width_cm: float) -> _Geometry:
    page = width_cm / 2.54 * 72
    frames = 2 * (FRAME_MARGIN + AREA_MARGIN)
    fixed = 2 * (PAD + 2 * WRAPPER_MARGIN) + (columns - 1) * RANKSEP + columns * frames
    box = (page - fixed) / columns
    chrome = 2 * (CELL_PAD + GROUP_PAD + 2)
    text = min(max(box - chrome, MIN_TEXT_EM * FONT_SIZE), MAX_TEXT_EM * FONT_SIZE)
    box = text + chrome
    content = columns * (box + frames) + (columns - 1) * RANKSEP
    return _Geometry(columns, text, box, content)


def box_ids(analysis: Analysis, sel: Selection) -> set[str]:
    """The nodes ``sel`` draws as boxes (``Diagram.boxes``, without composing the drawing)."""
    nodes = analysis.graph.nodes
    # Areas are frames, not boxes; unless an area itself follows up (or is followed up), when it
    # needs a box for its arrow.
    linked = endpoints(sel.links)
    return {n for n in sel.ids if nodes[n]["kind"] is not Kind.AREA or n in linked}


def compose(analysis: Analysis, sel: Selection, view: View, lang: Lang, width_cm: float) -> Diagram:
    nodes = analysis.graph.nodes
    ids = box_ids(analysis, sel)
    order = sorted(ids, key=lambda n: nodes[n]["order"])
    levels = plan_levels(analysis)
    plan_index = {p.id: i for i, p in enumerate(analysis.plans)}
    plans = sorted(
        {nodes[n]["plan"] for n in order}, key=lambda p: (levels.get(p, 0), plan_index[p])
    )
    column_levels = sorted({levels.get(p, 0) for p in plans})
    column_of = {p: column_levels.index(levels.get(p, 0)) for p in plans}
    geo = _geometry(max(len(column_levels), 1), width_cm)

    # Every box goes into the group of the topmost of its ancestors that is shown too: one
    # node per group, an HTML table whose rows keep the plan's order (delmål under their goal).
    groups: dict[str, list[str]] = {}
    group_of: dict[str, str] = {}
    for n in order:
        head = n
        parent = nodes[n]["parent"]
        while parent is not None:
            if parent in ids:
                head = parent
            parent = nodes[parent]["parent"]
        groups.setdefault(head, []).append(n)
        group_of[n] = head

    out: list[str] = []
    emit = out.append
    page_in = width_cm / 2.54
    # Regular, not bold: Graphviz knows Helvetica's widths (not Helvetica-Bold's), so it makes
    # the drawing wide enough for the heading.
    heading = _dot.wrap(sel.heading, geo.content_width, HEADING_SIZE)
    emit("digraph maltrace {")
    emit(
        "\tgraph ["
        f"rankdir=LR newrank=true ranksep={RANKSEP / 72:.3f} nodesep={NODESEP / 72:.3f} "
        f'pad={PAD / 72:.3f} size="{page_in:.3f},10000" bgcolor=white '
        f'fontname="{_dot.FONT}" fontsize={HEADING_SIZE:g} labelloc=t labeljust=l '
        f"label={_dot.label(heading)}]"
    )
    emit(f'\tnode [shape=plaintext margin=0 fontname="{_dot.FONT}" fontsize={FONT_SIZE:g}]')
    emit("\tedge [dir=back arrowsize=0.6 penwidth=0.8 color=black]")
    info_lines: list[str] = []
    for line in sel.info:
        info_lines.extend(_dot.wrap(line, geo.content_width, INFO_SIZE))
    emit(
        f"\tsubgraph cluster_info {{ label={_dot.label(info_lines)} labelloc=t labeljust=l "
        f'fontname="{_dot.FONT}" fontsize={INFO_SIZE:g} peripheries=0 '
        f"margin={WRAPPER_MARGIN:g}"
    )
    orphans = sel.orphans & ids
    justified = tuple(
        n for n in order if sel.statuses.get(n) is False and justification(analysis, n)
    )
    legend = (
        _legend(
            lang,
            geo.content_width,
            orphans=bool(orphans),
            justified=bool(justified) or sel.legend_justified,
        )
        if sel.legend
        else '""'
    )
    emit(
        f"\tsubgraph cluster_legend {{ label={legend} labelloc=b "
        f'labeljust=l fontname="{_dot.FONT}" fontsize={LEGEND_SIZE:g} peripheries=0 '
        f"margin={WRAPPER_MARGIN:g}"
    )

    counter = 0
    columns: list[list[str]] = [[] for _ in range(geo.columns)]
    anchor: dict[str, str] = {}  # group head -> DOT node holding it
    for plan_id in plans:
        info = analysis.plan_info(plan_id)
        counter += 1
        frame = _dot.wrap(f"{info.id}: {info.title}", geo.box_width, FRAME_FONT_SIZE, bold=True)
        emit(
            f"\tsubgraph cluster_{counter} {{ label={_dot.label(frame)} labelloc=t labeljust=l "
            f'fontname="{_dot.FONT_BOLD}" fontsize={FRAME_FONT_SIZE:g} style=rounded '
            f"color=gray30 penwidth=1 margin={FRAME_MARGIN:g}"
        )
        by_area: dict[str | None, list[str]] = {}
        for head in groups:
            if nodes[head]["plan"] == plan_id:
                area_id = None if nodes[head]["kind"] is Kind.AREA else nodes[head]["area"]
                by_area.setdefault(area_id, []).append(head)
        if column_of[plan_id] == 0 and sum(len(groups[h]) for h in _flat(by_area)) <= PLAN_NODE_MAX:
            node = "@plan-" + _dot.node_name(plan_id)
            emit(
                "\t"
                + _plan_node(
                    analysis, node, by_area, groups, sel.statuses, geo, lang, sel.notes, sel.orphans
                )
            )
            columns[0].append(node)
            for heads in by_area.values():
                for head in heads:
                    anchor[head] = node
        else:
            for area_id, heads in by_area.items():
                if area_id is not None:
                    counter += 1
                    area_label = _dot.wrap(
                        f"{area_id} {nodes[area_id]['title']}",
                        geo.box_width,
                        FRAME_FONT_SIZE,
                        bold=True,
                    )
                    emit(
                        f"\tsubgraph cluster_{counter} {{ label={_dot.label(area_label)} "
                        f'labelloc=t labeljust=l fontname="{_dot.FONT_BOLD}" '
                        f'fontsize={FRAME_FONT_SIZE:g} style="rounded" color=gray40 '
                        f"margin={AREA_MARGIN:g}"
                    )
                for head in heads:
                    emit(
                        "\t"
                        + _group_node(
                            analysis, groups[head], sel.statuses, geo, lang, sel.notes, sel.orphans
                        )
                    )
                    columns[column_of[plan_id]].append(head)
                    anchor[head] = head
                if area_id is not None:
                    emit("\t}")
        emit("\t}")
    if sel.empty_text is not None or not order:
        text = sel.empty_text or t("diagram.empty", lang)
        lines = _dot.wrap(text, geo.content_width, FONT_SIZE)
        emit(f"\tempty [label={_dot.label(lines)}]")
    emit("\t}")  # legend
    emit("\t}")  # info

    # One rank per column, columns in plan-level order.
    for column in columns:
        if column:
            emit("\t{ rank=same; " + " ".join(_ref(n) + ";" for n in column) + " }")
    for a, b in itertools.pairwise(columns):
        if a and b:
            emit(f"\t{_ref(a[0])} -> {_ref(b[0])} [style=invis dir=none weight=0]")

    drawn: list[tuple[str, str]] = []
    for link in sorted(
        (x for x in sel.links if x.source in ids and x.target in ids),
        key=lambda x: (nodes[x.target]["order"], nodes[x.source]["order"]),
    ):
        extra = ""
        if column_of[nodes[link.source]["plan"]] <= column_of[nodes[link.target]["plan"]]:
            extra = " constraint=false"
        target = _endpoint(anchor[group_of[link.target]], link.target, "e")
        source = _endpoint(anchor[group_of[link.source]], link.source, "w")
        # the id names both ends, so that the HTML page can dim a link with its boxes
        ends = f"{_dot.node_name(link.source)}~{_dot.node_name(link.target)}"
        emit(f'\t{target} -> {source} [class="follows-up"{extra} id="link-{ends}"]')
        drawn.append((link.source, link.target))
    emit("}")

    warnings: list[str] = []
    if len(order) > LARGE_VIEW:
        example = next((a.area for a in analysis.per_area), None) or (plans[0] if plans else "ID")
        warnings.append(t("diagram.too_large", lang, count=len(order), example=example))
    not_followed = tuple(n for n in order if sel.statuses.get(n) is False)
    return Diagram(
        dot="\n".join(out) + "\n",
        view=view,
        lang=lang,
        title=sel.heading,
        boxes=tuple(order),
        links=tuple(drawn),
        not_followed_up=not_followed,
        warnings=tuple(warnings),
        orphans=tuple(n for n in order if n in orphans),
        justified=justified,
    )


def _flat(by_area: dict[str | None, list[str]]) -> list[str]:
    return [h for heads in by_area.values() for h in heads]


def _ref(node: str) -> str:
    """A DOT node in the source: a group is named after its head box; a plan's first-column
    node starts with ``@``, which ``node_name`` never leaves unencoded, so names cannot clash."""
    return f'"{node}"' if node.startswith("@") else _dot.name(node)


def _endpoint(node: str, box: str, side: str) -> str:
    return f"{_ref(node)}:{_dot.name(box)}:{side}"


def _group_table(
    analysis: Analysis,
    members: list[str],
    statuses: dict[str, bool],
    text_width: float,
    lang: Lang,
    notes: Mapping[str, tuple[str, ...]],
    orphans: AbstractSet[str] = frozenset(),
) -> str:
    """A table with one row per box, nested boxes indented under their parent; framed when it
    holds more than one box."""
    nodes = analysis.graph.nodes
    depth = {members[0]: 0}
    for m in members[1:]:
        parent = nodes[m]["parent"]
        while parent not in depth:
            parent = nodes[parent]["parent"]
        depth[m] = depth[parent] + 1
    deepest = max(depth.values())
    rows = []
    for m in members:
        d = depth[m]
        spacer = "".join(f'<TD WIDTH="{INDENT:g}"></TD>' for _ in range(d))
        span = f' COLSPAN="{deepest + 1 - d}"' if deepest > d else ""
        orphan = m in orphans
        cell = _cell(
            analysis,
            m,
            statuses.get(m),
            text_width - d * INDENT,
            span,
            lang,
            notes.get(m, ()),
            # Dotted under an orphan too; the words only once, on the topmost orphan.
            orphan="words" if orphan and nodes[m]["parent"] not in orphans else orphan,
        )
        rows.append(f"<TR>{spacer}{cell}</TR>")
    frame = (
        f'BORDER="1" COLOR="gray60" BGCOLOR="{GROUP_FILL}" STYLE="rounded" '
        f'CELLPADDING="0" CELLSPACING="{GROUP_PAD:g}"'
        if len(members) > 1
        else 'BORDER="0" CELLPADDING="0" CELLSPACING="0"'
    )
    return f'<TABLE {frame} CELLBORDER="0">{"".join(rows)}</TABLE>'


def _group_node(
    analysis: Analysis,
    members: list[str],
    statuses: dict[str, bool],
    geo: _Geometry,
    lang: Lang,
    notes: Mapping[str, tuple[str, ...]],
    orphans: AbstractSet[str] = frozenset(),
) -> str:
    nodes = analysis.graph.nodes
    head = members[0]
    kinds = sorted({nodes[m]["kind"].value for m in members})
    table = _group_table(analysis, members, statuses, geo.text_width, lang, notes, orphans)
    return (
        f"{_dot.name(head)} [id={_dot.quote('group-' + _dot.node_name(head))} "
        f'class="{"group " if len(members) > 1 else ""}{" ".join(kinds)}" label=<{table}>]'
    )


def _plan_node(
    analysis: Analysis,
    node: str,
    by_area: dict[str | None, list[str]],
    groups: dict[str, list[str]],
    statuses: dict[str, bool],
    geo: _Geometry,
    lang: Lang,
    notes: Mapping[str, tuple[str, ...]],
    orphans: AbstractSet[str] = frozenset(),
) -> str:
    """All shown boxes of a plan in the first column as one node, so that its areas, goals and
    delmål keep the plan's own order top to bottom; areas are framed with their title."""
    nodes = analysis.graph.nodes
    rows = []
    for area_id, heads in by_area.items():
        inner = "".join(
            '<TR><TD BORDER="0">'
            + _group_table(analysis, groups[h], statuses, geo.text_width, lang, notes, orphans)
            + "</TD></TR>"
            for h in heads
        )
        if area_id is None:
            rows.append(inner)
            continue
        title = _dot.wrap(
            f"{area_id} {nodes[area_id]['title']}", geo.text_width, FRAME_FONT_SIZE, bold=True
        )
        text = '<BR ALIGN="LEFT"/>'.join(_dot.html_data(line) for line in title)
        header = (
            f'<TR><TD ALIGN="LEFT" BALIGN="LEFT" WIDTH="{math.ceil(geo.text_width)}">'
            f'<FONT POINT-SIZE="{FRAME_FONT_SIZE:g}"><B>{text}</B></FONT></TD></TR>'
        )
        rows.append(
            f'<TR><TD BORDER="0"><TABLE BORDER="1" COLOR="gray40" STYLE="rounded" '
            f'CELLBORDER="0" CELLPADDING="1" CELLSPACING="{AREA_MARGIN - 1:g}">'
            f"{header}{inner}</TABLE></TD></TR>"
        )
    table = (
        f'<TABLE BORDER="0" CELLBORDER="0" CELLPADDING="0" CELLSPACING="0">{"".join(rows)}</TABLE>'
    )
    return f'{_ref(node)} [id={_dot.quote(node[1:])} class="plan-goals" label=<{table}>]'


def _cell(
    analysis: Analysis,
    node_id: str,
    status: bool | None,
    width: float,
    span: str,
    lang: Lang,
    notes: tuple[str, ...] = (),
    orphan: bool | str = False,
) -> str:
    """One box: a goal is square, a strategy rounded, a tiltak rounded and grey; a goal not
    followed up has a heavy dashed frame, a red fill and the words (legible in black and white);
    an orphan (no trace upwards) a heavy dotted square frame and, if ``orphan == "words"``, the
    words."""
    data = analysis.graph.nodes[node_id]
    kind: Kind = data["kind"]
    lines = _dot.wrap(f"{node_id} {data['title']}", width, FONT_SIZE)
    reason = justification(analysis, node_id) if status is False else None
    if reason:
        # A justified gap: the plan says why; its own words and frame, not a real gap's.
        lines += _dot.wrap(JUSTIFIED_MARKER + t("diagram.justified", lang), width, FONT_SIZE)
        lines += _dot.wrap(t("change.quoted", lang, text=_short(reason)), width, FONT_SIZE)
    elif status is False:
        lines += _dot.wrap(MARKER + t("status.not_followed_up", lang), width, FONT_SIZE)
    if orphan == "words":
        lines += _dot.wrap(ORPHAN_MARKER + t("diagram.orphan", lang), width, FONT_SIZE)
    for note in notes:  # words the caller adds (a change, a tiltak's status): never colour alone
        lines += _dot.wrap(note, width, FONT_SIZE)
    text = '<BR ALIGN="LEFT"/>'.join(_dot.html_data(line) for line in lines)
    text_w = math.ceil(width) + 2 * CELL_PAD + 2
    # ID and TOOLTIP make Graphviz wrap the box in <g id="a_box-NAME">: the HTML page finds the
    # box by it (click to see its red thread); the tooltip is the id (shown on hover).
    name = _dot.node_name(node_id)
    port = f'PORT="{name}" ID="box-{name}" TOOLTIP="{_dot.html(node_id)}"'
    align = 'ALIGN="LEFT" BALIGN="LEFT" VALIGN="TOP"'
    if reason:
        return (
            f'<TD {port}{span} {align} BORDER="1" STYLE="dashed" COLOR="{JUSTIFIED_PEN}" '
            f'BGCOLOR="{JUSTIFIED_FILL}" CELLPADDING="{CELL_PAD:g}" WIDTH="{text_w}">'
            f"{text}</TD>"
        )
    if status is False:
        return (
            f'<TD {port}{span} {align} BORDER="2" STYLE="dashed" COLOR="{NOT_FOLLOWED_PEN}" '
            f'BGCOLOR="{NOT_FOLLOWED_FILL}" CELLPADDING="{CELL_PAD:g}" WIDTH="{text_w}">'
            f"{text}</TD>"
        )
    if orphan:
        fill = MEASURE_FILL if kind is Kind.MEASURE else "white"
        return (
            f'<TD {port}{span} {align} BORDER="2" STYLE="dotted" COLOR="{ORPHAN_PEN}" '
            f'BGCOLOR="{fill}" CELLPADDING="{CELL_PAD:g}" WIDTH="{text_w}">{text}</TD>'
        )
    if kind in (Kind.GOAL, Kind.AREA):
        return (
            f'<TD {port}{span} {align} BORDER="1" COLOR="black" BGCOLOR="white" '
            f'CELLPADDING="{CELL_PAD:g}" WIDTH="{text_w}">{text}</TD>'
        )
    fill = MEASURE_FILL if kind is Kind.MEASURE else "white"
    return (
        f'<TD {port}{span} BORDER="0" CELLPADDING="0">'
        f'<TABLE STYLE="rounded" BORDER="1" COLOR="black" CELLBORDER="0" CELLSPACING="0" '
        f'CELLPADDING="{CELL_PAD:g}" BGCOLOR="{fill}"><TR><TD {align} WIDTH="{text_w}">'
        f"{text}</TD></TR></TABLE></TD>"
    )


def justification(analysis: Analysis, node_id: str) -> str | None:
    """Why the plan leaves a goal without follow-up (``reason_not_followed_up``), if it says."""
    model = analysis.graph.nodes[node_id].get("model")
    reason = getattr(model, "reason_not_followed_up", None)
    return reason if isinstance(reason, str) and reason.strip() else None


def _short(text: str, limit: int = 140) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _legend(lang: Lang, width: float, *, orphans: bool = False, justified: bool = False) -> str:
    """The legend as an HTML-like label: maltrace's own words only (never plan text)."""
    size = LEGEND_SIZE
    sample = 30
    text_width = max(width - sample - 12, 8 * size)

    def cell(text: str) -> str:
        lines = _dot.wrap(text, text_width, size)
        inner = '<BR ALIGN="LEFT"/>'.join(_dot.html(line) for line in lines)
        cell_width = math.ceil(_dot.block_width(lines, size)) + 4
        return f'<TD ALIGN="LEFT" BALIGN="LEFT" WIDTH="{cell_width}">{inner}</TD>'

    def rounded(fill: str) -> str:
        return (
            f'<TD BORDER="0" WIDTH="{sample}"><TABLE STYLE="rounded" BORDER="1" CELLBORDER="0" '
            f'CELLPADDING="2" BGCOLOR="{fill}"><TR><TD WIDTH="{sample - 6}" HEIGHT="10"> </TD></TR>'
            "</TABLE></TD>"
        )

    goal = t("kind.goal", lang).capitalize()
    arrow = "←——"
    arrow_width = max(math.ceil(_dot.text_width(arrow, 12)) + 4, sample)
    rows = [
        f'<TD BORDER="1" WIDTH="{sample}" HEIGHT="14" BGCOLOR="white"> </TD>{cell(goal)}',
        f'<TD BORDER="2" STYLE="dashed" COLOR="{NOT_FOLLOWED_PEN}" WIDTH="{sample}" '
        f'BGCOLOR="{NOT_FOLLOWED_FILL}"> </TD>'
        f"{cell(goal + ': ' + MARKER + t('status.not_followed_up', lang))}",
        rounded("white") + cell(t("kind.strategy", lang).capitalize()),
        rounded(MEASURE_FILL) + cell(t("kind.measure", lang).capitalize()),
        f'<TD WIDTH="{arrow_width}"><FONT POINT-SIZE="12">{arrow}</FONT></TD>'
        f"{cell(t('diagram.legend.link', lang))}",
        f'<TD BORDER="1" COLOR="gray70" WIDTH="{sample}" BGCOLOR="{GROUP_FILL}"> </TD>'
        f"{cell(t('diagram.legend.group', lang))}",
    ]
    if justified:  # only when the picture has one
        rows.append(
            f'<TD BORDER="1" STYLE="dashed" COLOR="{JUSTIFIED_PEN}" WIDTH="{sample}" '
            f'BGCOLOR="{JUSTIFIED_FILL}"> </TD>'
            f"{cell(goal + ': ' + JUSTIFIED_MARKER + t('diagram.legend.justified', lang))}"
        )
    if orphans:  # only when the picture has one: the legend stays short
        rows.append(
            f'<TD BORDER="2" STYLE="dotted" COLOR="{ORPHAN_PEN}" WIDTH="{sample}" '
            f'BGCOLOR="white"> </TD>'
            f"{cell(ORPHAN_MARKER + t('diagram.legend.orphan', lang))}"
        )
    title = t("diagram.legend", lang)
    body = "".join(f"<TR>{row}</TR>" for row in rows)
    return (
        f'<<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="3" CELLPADDING="1">'
        f'<TR><TD COLSPAN="2" ALIGN="LEFT"><B>{_dot.html(title)}</B></TD></TR>{body}</TABLE>>'
    )
