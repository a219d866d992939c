"""The report's chapters on frameworks and ladders: one per framework in use.

Each chapter: how many items (a ladder's steps) are addressed, where the texts come from, the
framework diagram (a ladder as a staircase, drawn only when a writer needs it), a table of the
items in the framework's order with what addresses each (empty ones highlighted), and the
themes that stand across every step. Excel gets one sheet with every framework's items.
Nothing here counts anything: the numbers are the analysis's (``Analysis.frameworks``).
"""

from __future__ import annotations

from collections.abc import Callable

from maltrace.analysis import Analysis
from maltrace.analysis.frameworks import FrameworkCoverage
from maltrace.i18n import LANGS, Lang, format_percent, t
from maltrace.render.document import (
    Column,
    Document,
    Figure,
    FigureError,
    FigureFormat,
    Paragraph,
    Section,
    Sheet,
    Table,
)


def framework_sections(
    analysis: Analysis, lang: Lang, *, figures: bool = True
) -> tuple[Section, ...]:
    """One section per framework in use, in the analysis's order."""
    return tuple(_section(analysis, fc, lang, figures) for fc in analysis.frameworks.values())


def frameworks_sheet(analysis: Analysis, lang: Lang) -> Sheet | None:
    """Every framework's items in one Excel sheet, or None when no framework is in use."""
    if not analysis.frameworks:
        return None
    rows: list[tuple[str, str, str, str, str]] = []
    alert: list[bool] = []
    nodes: list[str | None] = []
    for fc in analysis.frameworks.values():
        for item_id, title, status, by, first in _item_rows(analysis, fc, lang):
            rows.append((fc.id, item_id, title, status, by))
            alert.append(first is None)
            nodes.append(first)
    table = Table(
        (
            Column(t("frameworks.col_framework", lang), "id"),
            Column(t("frameworks.col_item", lang), "id"),
            Column(t("frameworks.col_title", lang)),
            Column(t("col.status", lang), "status"),
            Column(t("frameworks.col_by", lang)),
        ),
        tuple(rows),
        row_nodes=tuple(nodes),
        row_alert=tuple(alert),
    )
    return Sheet(t("frameworks.sheet", lang), table)


def _section(analysis: Analysis, fc: FrameworkCoverage, lang: Lang, figures: bool) -> Section:
    fw = fc.framework
    blocks: list[Paragraph | Table | Figure] = [
        Paragraph(
            t(
                "frameworks.headline",
                lang,
                title=fw.title(lang),
                addressed=len(fc.addressed),
                items=fc.items,
                percent=format_percent(fc.ratio, lang),
            ),
            "headline",
        ),
        Paragraph(t("frameworks.diagram_note", lang), "note"),
    ]
    if fw.reference:
        blocks.append(
            Paragraph(
                t("frameworks.reference", lang, reference=fw.reference[LANGS.index(lang)]), "note"
            )
        )
    if figures:
        blocks.append(
            Figure(
                alt=t("frameworks.figure_alt", lang, id=fw.id, title=fw.title(lang)),
                draw=_drawer(analysis, fc.id, lang),
                caption=t("frameworks.figure_alt", lang, id=fw.id, title=fw.title(lang)),
                key=f"framework-{fw.id}",
                emf=True,
                titled=True,
            )
        )
    rows = _item_rows(analysis, fc, lang)
    first_col = "frameworks.col_step" if fw.ordered else "frameworks.col_item"
    blocks.append(
        Table(
            (
                Column(t(first_col, lang), "id"),
                Column(t("frameworks.col_title", lang)),
                Column(t("col.status", lang), "status"),
                Column(t("frameworks.col_by", lang)),
            ),
            tuple(r[:4] for r in rows),
            row_nodes=tuple(r[4] for r in rows),
            row_alert=tuple(r[4] is None for r in rows),
        )
    )
    if fc.cross_cutting:
        blocks.append(
            Paragraph(
                t(
                    "frameworks.across",
                    lang,
                    nodes="; ".join(_node_text(analysis, n) for n in fc.cross_cutting),
                )
            )
        )
    return Section(f"framework-{fw.id}", f"{fw.id} {fw.title(lang)}", tuple(blocks))


def _item_rows(
    analysis: Analysis, fc: FrameworkCoverage, lang: Lang
) -> list[tuple[str, str, str, str, str | None]]:
    """(item id, title, status, addressed by, first node) per top-level item, in order."""
    addressed = t("frameworks.addressed_word", lang)
    empty = t(
        "frameworks.empty_word" if fc.framework.ordered else "frameworks.not_addressed_word", lang
    )
    out = []
    for item in fc.framework.items:
        found: list[str] = []
        first: str | None = None
        for nested in item.walk():
            for node in fc.per_item.get(nested.id, ()):
                first = first or node
                via = (
                    ""
                    if nested.id == item.id
                    else f" ({t('frameworks.via', lang, item=nested.id)})"
                )
                found.append(_node_text(analysis, node) + via)
        status = addressed if found else empty
        out.append((item.id, item.title(lang), status, "\n".join(found), first))
    return out


def _node_text(analysis: Analysis, node_id: str) -> str:
    data = analysis.node(node_id)
    return f"{node_id} {data['title']} ({data['plan']})"


def _drawer(analysis: Analysis, framework_id: str, lang: Lang) -> Callable[[FigureFormat], bytes]:
    drawn: dict[str, bytes] = {}

    def draw(fmt: FigureFormat) -> bytes:
        from maltrace.render.diagram import DiagramError, build_diagram, figure_picture

        if fmt not in drawn:
            try:
                # A plan's view already holds only that plan's frameworks and nodes.
                diagram = build_diagram(analysis, framework=framework_id, lang=lang)
                drawn[fmt] = figure_picture(diagram, fmt)
            except (DiagramError, OSError) as exc:
                reason = exc.message(lang) if isinstance(exc, DiagramError) else str(exc)
                raise FigureError(t("report.no_diagram", lang, reason=reason)) from None
        return drawn[fmt]

    return draw


def frameworks_document(analysis: Analysis, lang: Lang) -> Document:
    """The frameworks' sections as a document of their own (the web page's frameworks view)."""
    import datetime as dt

    from maltrace.i18n import format_date

    return Document(
        lang=lang,
        title=t("frameworks.check_title", lang),
        generated=t("report.generated", lang, date=format_date(dt.date.today(), lang)),
        sections=framework_sections(analysis, lang),
    )
