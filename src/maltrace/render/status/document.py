"""The årsrapport chapter "Måloppnåing": ``maltrace status -o`` as one shared report document.

The content is ``build_status_document``; the writing is ``render.document.write_document`` (the
same for every command). Each indicator with data gets a trend chart: a figure (inline SVG in
HTML, an SVG beside the Markdown, a picture in Word) and, in Excel, a native chart beside the
indicator's rows on the indicator sheet.
"""

from __future__ import annotations

import dataclasses
import os
import re
from collections.abc import Callable
from pathlib import Path

from maltrace.analysis.status import COUNT_KEYS, IndicatorStatus, StatusCounts, StatusResult
from maltrace.i18n import Lang, format_date, t
from maltrace.render.charts import format_number
from maltrace.render.check.document import findings_table, justified_table
from maltrace.render.document import (
    Column,
    ColumnKind,
    Document,
    Figure,
    FigureError,
    FigureFormat,
    Paragraph,
    Section,
    Sheet,
    SheetChart,
    Table,
    Value,
    document_format,
    write_document,
)
from maltrace.render.status.sentences import headline, indicators_headline, state_word, status_word

_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def _drawer(ind: IndicatorStatus, lang: Lang) -> Callable[[FigureFormat], bytes]:
    def draw(fmt: FigureFormat) -> bytes:
        from maltrace.render.charts import indicator_chart

        try:
            return indicator_chart(ind, lang, "svg" if fmt == "svg" else "png")
        except ImportError as exc:  # matplotlib missing from an odd install
            raise FigureError(t("st.chart.failed", lang, reason=str(exc))) from None
        except (ValueError, RuntimeError, OSError) as exc:
            raise FigureError(t("st.chart.failed", lang, reason=str(exc))) from None

    return draw


def _point(p: tuple[int, float] | None, lang: Lang) -> str:
    # a no-break space: «72 000 (2030)» is one value, on one line
    return "" if p is None else f"{format_number(p[1], lang)}\u00a0({p[0]})"


def _years(ind: IndicatorStatus) -> list[int]:
    years = {ind.baseline[0], ind.target[0], *(y for y, _ in ind.values)}
    return sorted(y for y in years if y >= min(ind.baseline[0], ind.target[0]))


def build_status_document(result: StatusResult, lang: Lang | None = None) -> Document:
    """The chapter "Måloppnåing" of ``result`` in ``lang``."""
    lang = lang or result.lang

    def col(key: str, kind: ColumnKind = "text") -> Column:
        return Column(t(key, lang), kind)

    def code_col(code: str) -> Column:
        return Column(status_word(code, lang).capitalize(), "int")

    analysis = result.analysis
    summary: list[Paragraph] = [
        Paragraph(headline(result.counts, lang), "headline"),
        Paragraph(indicators_headline(result, lang)),
    ]
    if result.counts.get("unknown") or result.counts.get("none"):
        summary.append(
            Paragraph(
                t(
                    "st.headline_other",
                    lang,
                    unknown=result.counts.get("unknown"),
                    none=result.counts.get("none"),
                ),
                "note",
            )
        )

    inds = result.indicators
    overview = Table(
        (
            col("st.col.id", "id"),
            col("st.col.indicator"),
            col("st.col.goal", "id"),
            col("st.col.unit"),
            col("st.col.baseline"),
            col("st.col.target"),
            col("st.col.latest"),
            col("st.col.expected"),
            col("st.col.state", "status"),
        ),
        tuple(
            (
                i.id,
                i.title,
                i.goal,
                i.unit,
                _point(i.baseline, lang),
                _point(i.target, lang),
                _point(i.latest, lang),
                None if i.expected is None else format_number(i.expected, lang),
                state_word(i.state, lang),
            )
            for i in inds
        ),
        row_nodes=tuple(i.goal for i in inds),
        row_alert=tuple(i.state == "behind" for i in inds),
        wide=True,
    )

    # Long form for Excel: one row per indicator and year, with a native chart per indicator.
    rows: list[tuple[Value, ...]] = []
    charts: list[SheetChart] = []
    for i in inds:
        measured = dict(i.values)
        start = len(rows)
        for year in _years(i):
            rows.append(
                (
                    i.id,
                    i.title,
                    state_word(i.state, lang),
                    year,
                    i.baseline[1] if year == i.baseline[0] else measured.get(year),
                    round(i.line_at(year), 4),
                    i.target[1] if year == i.target[0] else None,
                )
            )
        charts.append(
            SheetChart(
                f"{i.id} {i.title}",
                x=3,
                ys=(4, 5, 6),
                rows=(start, len(rows)),
                y_title=i.unit or "",
            )
        )
    values = Table(
        (
            col("st.col.id", "id"),
            col("st.col.indicator"),
            col("st.col.state", "status"),
            col("st.col.year", "int"),
            Column(t("st.chart.values", lang), "text"),
            Column(t("st.col.line", lang), "text"),
            Column(t("st.chart.target", lang), "text"),
        ),
        tuple(rows),
    )

    figures = tuple(
        Figure(
            alt=t("st.chart.alt", lang, id=i.id, title=i.title, state=state_word(i.state, lang)),
            draw=_drawer(i, lang),
            caption=f"{i.id} {i.title}: {state_word(i.state, lang)}",
            key=f"chart-{n + 1}-{_UNSAFE.sub('-', i.id)[:40]}",
        )
        for n, i in enumerate(inds)
        if i.latest is not None
    )

    def counts_cells(c: StatusCounts) -> tuple[Value, ...]:
        return (c.total, *(c.get(k) for k in COUNT_KEYS), len(c.overdue))

    counts_cols = (
        col("st.col.total", "int"),
        *(code_col(k) for k in COUNT_KEYS),
        col("st.col.overdue", "int"),
    )
    goals = Table(
        (col("st.col.id", "id"), col("st.col.goal"), col("st.col.state", "status"), *counts_cols),
        tuple(
            (g.id, g.title, state_word(g.state, lang), *counts_cells(g.tiltak))
            for g in result.goals
        ),
        row_nodes=tuple(g.id for g in result.goals),
        row_alert=tuple(g.state == "behind" or bool(g.tiltak.overdue) for g in result.goals),
        wide=True,
    )

    def tiltak_table(*, overdue: bool = False) -> Table:
        chosen = result.overdue if overdue else result.tiltak
        return Table(
            (
                col("st.col.id", "id"),
                col("st.col.title"),
                col("st.col.plan", "id"),
                col("st.col.status", "status"),
                col("st.col.due", "code"),
                col("st.col.responsible"),
                col("st.col.cost", "int"),
                col("st.col.overdue", "mark"),
            ),
            tuple(
                (
                    m.id,
                    m.title,
                    m.plan,
                    status_word(m.status, lang)
                    + (f" ({m.written})" if m.status == "unknown" else ""),
                    m.due_written,
                    m.responsible,
                    round(sum(m.cost.values())) if m.cost else None,
                    "●" if m.overdue else None,
                )
                for m in chosen
            ),
            row_nodes=tuple(m.id for m in chosen),
            row_alert=tuple(m.overdue for m in chosen),
            wide=True,
        )

    per_plan = Table(
        (col("st.col.plan", "id"), col("st.col.title"), *counts_cols),
        tuple(
            (pid, analysis.plan_info(pid).title, *counts_cells(c))
            for pid, c in result.per_plan.items()
        ),
        wide=True,
    )
    nodes = analysis.graph.nodes
    per_area = Table(
        (col("st.col.area", "id"), col("st.col.title"), *counts_cols),
        tuple((a, str(nodes[a]["title"]), *counts_cells(c)) for a, c in result.per_area.items()),
        row_nodes=tuple(result.per_area),
        wide=True,
    )
    findings = findings_table(result.findings, lang)
    # on the landscape pages with the other tables (the page turns once)
    justified = dataclasses.replace(justified_table(analysis, lang), wide=True)
    overdue = tiltak_table(overdue=True)
    every = tiltak_table()

    sections = (
        Section("summary", t("st.section.summary", lang), tuple(summary)),
        Section(
            "indicators",
            t("st.section.indicators", lang),
            (overview,) if inds else (),
            empty=t("st.none_indicators", lang),
        ),
        *((Section("charts", t("st.section.charts", lang), figures, level=2),) if figures else ()),
        Section("goals", t("st.section.goals", lang), (goals,), empty=t("word.none", lang)),
        Section(
            "overdue", t("st.section.overdue", lang), (overdue,), empty=t("st.none_overdue", lang)
        ),
        Section(
            "per-plan", t("st.section.per_plan", lang), (per_plan,), empty=t("word.none", lang)
        ),
        Section(
            "per-area", t("st.section.per_area", lang), (per_area,), empty=t("word.none", lang)
        ),
        Section(
            "justified",
            t("st.section.justified", lang),
            (justified,),
            empty=t("st.none_justified", lang),
        ),
        Section("tiltak", t("st.section.tiltak", lang), (every,), empty=t("st.none_tiltak", lang)),
        Section(
            "findings",
            t("st.section.findings", lang),
            (findings,),
            empty=t("st.none_findings", lang),
        ),
    )
    # An empty section is a line of the summary, not a heading with «none» under it.
    said = [s.empty for s in sections if s.empty and not any(_shows(b) for b in s.blocks)]
    alerts = any(b.row_alert and any(b.row_alert) for s in sections for b in s.tables)
    notes = [Paragraph(" ".join(said), "note")] if said else []
    if alerts:
        notes.append(Paragraph(t("st.alert_legend", lang), "legend"))
    sections = (
        Section(sections[0].key, sections[0].heading, (*sections[0].blocks, *notes)),
        *(s for s in sections[1:] if not s.empty or any(_shows(b) for b in s.blocks)),
    )
    sheets = (
        Sheet(t("st.section.indicators", lang), values, charts=tuple(charts)),
        Sheet(t("st.col.state", lang), overview),
        Sheet(t("st.col.goal", lang), goals),
        Sheet(t("st.section.tiltak", lang), every),
        Sheet(t("st.section.per_plan", lang), per_plan),
        Sheet(t("st.section.per_area", lang), per_area),
        Sheet(t("st.section.justified", lang), justified),
        Sheet(t("st.section.findings", lang), findings),
    )
    title = t("st.title", lang)
    if analysis.focus:
        title = f"{title}: {analysis.focus} {analysis.plan_info(analysis.focus).title}"
    return Document(
        lang=lang,
        title=title,
        generated=t("st.today", lang, date=format_date(result.today, lang)),
        sections=sections,
        sheets=sheets,
    )


def _shows(block: object) -> bool:
    return not isinstance(block, Table) or bool(block.rows)


def write_status_report(
    result: StatusResult, path: str | os.PathLike[str], *, lang: Lang | None = None
) -> list[Path]:
    """Write the chapter in the format of ``path``'s suffix (.md, .html, .docx, .xlsx), whole,
    never over a plan file that was read; return the files written."""
    document_format(path, csv=False)
    doc = build_status_document(result, lang)
    protect = [Path(p) for p in result.analysis.plan_files.values()]
    return write_document(doc, path, protect=protect)
