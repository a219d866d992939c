"""The content of ``maltrace report``, resolved to one language: the one place its rows are
assembled, as a ``Document`` that every format renders (see ``render.document``), so the numbers
are those of the analysis — ``maltrace check``'s — in every format.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from maltrace.analysis import Analysis, Finding
from maltrace.i18n import Lang, format_date, format_percent, t
from maltrace.render.check.thread import thread_data
from maltrace.render.document import (
    Column,
    ColumnKind,
    Document,
    Figure,
    Matrix,
    Paragraph,
    Section,
    Sheet,
    Table,
    Value,
)
from maltrace.render.frameworks.document import framework_sections, frameworks_sheet


def build_report(
    analysis: Analysis,
    lang: Lang | None = None,
    *,
    diagrams: tuple[Paragraph | Figure, ...] = (),
    today: dt.date | None = None,
) -> Document:
    """The report of ``analysis`` in ``lang``; ``diagrams`` are the blocks of its diagram section
    (the overview, or its parts: see ``render.diagram.diagram_blocks``), or none."""
    lang = lang or analysis.lang
    nodes = analysis.graph.nodes

    def title_of(node_id: str) -> str:
        return str(nodes[node_id]["title"])

    cov = analysis.coverage
    if analysis.focus:
        info = analysis.plan_info(analysis.focus)
        title = t("report.title_plan", lang, plan=info.id, title=info.title)
    else:
        title = t("report.title", lang)
    if analysis.focus and analysis.focus in analysis.per_plan:
        headline = t(
            "check.headline_plan",
            lang,
            plan=analysis.focus,
            percent=format_percent(cov.ratio, lang),
            followed=cov.followed_up,
            total=cov.goals,
        )
    else:
        headline = t(
            "check.headline",
            lang,
            percent=format_percent(cov.ratio, lang),
            followed=cov.followed_up,
            total=cov.goals,
        )
    summary: list[Paragraph | Table] = [Paragraph(headline, "headline")]
    if cov.goals == 0 and not analysis.per_plan:
        summary.append(Paragraph(t("check.no_goals_in_scope", lang)))
    elif cov.followed_up == cov.goals:
        summary.append(Paragraph(t("check.all_followed", lang)))
    summary.append(
        Paragraph(
            t(
                "check.summary_counts",
                lang,
                errors=len(analysis.errors),
                warnings=len(analysis.warnings),
            )
        )
    )
    if analysis.infos:
        summary.append(Paragraph(t("check.summary_infos", lang, infos=len(analysis.infos))))
    by_plan = analysis.per_goal_plan
    if len(by_plan) > 1 and not analysis.focus:
        # what the headline counts, by the plan that sets the goals: the rows add up to it
        rows: list[tuple[Value, ...]] = [
            (pid, analysis.plan_info(pid).title, c.goals, c.followed_up, c.ratio)
            for pid, c in by_plan.items()
        ]
        rows.append(("", t("report.total", lang), cov.goals, cov.followed_up, cov.ratio))
        summary.append(Paragraph(t("report.by_goal_plan", lang)))
        summary.append(
            Table(
                (
                    Column(t("report.set_by", lang), "id"),
                    Column(t("col.title", lang)),
                    Column(t("col.goals", lang), "int"),
                    Column(t("col.followed_up", lang), "int"),
                    Column(t("col.coverage", lang), "ratio"),
                ),
                tuple(rows),
            )
        )

    def col(key: str, kind: ColumnKind = "text") -> Column:
        return Column(t(key, lang), kind)

    plans = Table(
        (
            col("col.id", "id"),
            col("col.title"),
            col("col.type"),
            col("col.status"),
            col("col.date", "date"),
        ),
        tuple(
            (p.id, p.title, t(f"plantype.{p.type.value}", lang), p.status or "", p.date)
            for p in analysis.plans
        ),
    )
    counts = (col("col.followed_up", "int"), col("col.coverage", "ratio"))
    per_plan = Table(
        (col("col.id", "id"), col("col.plan"), col("col.relevant", "int"), *counts),
        tuple(
            (pid, analysis.plan_info(pid).title, c.goals, c.followed_up, c.ratio)
            for pid, pc in analysis.per_plan.items()
            for c in (pc.coverage,)
        ),
        row_alert=tuple(
            pc.coverage.followed_up < pc.coverage.goals for pc in analysis.per_plan.values()
        ),
    )
    per_area = Table(
        (col("col.id", "id"), col("col.area"), col("col.goals", "int"), *counts),
        tuple(
            (a.area, a.title, c.goals, c.followed_up, c.ratio)
            for a in analysis.per_area
            for c in (a.coverage,)
        ),
        row_nodes=tuple(a.area for a in analysis.per_area),
        row_alert=tuple(bool(a.uncovered) for a in analysis.per_area),
    )
    followed, not_followed = t("status.followed_up", lang), t("status.not_followed_up", lang)
    through = t("report.through_delmal", lang)
    goals = Table(
        (
            col("col.id", "id"),
            col("col.goal"),
            col("col.plan", "id"),
            col("col.status"),  # «Ikkje følgd opp» may take two lines: room for the followers
            col("col.followed_up_by"),
        ),
        tuple(
            (
                g.id,
                g.title,
                g.plan,
                followed if g.followed_up else not_followed,
                # one follower a line: id, then title (the plan is in the plans' table)
                "\n".join(f"{n} {title_of(n)}" for n in g.followed_up_by)
                or (through if g.followed_up else ""),
            )
            for g in analysis.goals
        ),
        row_nodes=tuple(g.id for g in analysis.goals),
        row_alert=tuple(not g.followed_up for g in analysis.goals),
    )
    uncovered_goals = [g for g in analysis.goals if not g.followed_up and not g.justified]
    uncovered = Table(
        (col("col.id", "id"), col("col.title"), col("col.plan", "id"), col("col.area", "id")),
        tuple((g.id, g.title, g.plan, g.area or "") for g in uncovered_goals),
        row_nodes=tuple(g.id for g in uncovered_goals),
        row_alert=tuple(True for _ in uncovered_goals),
    )
    orphans = Table(
        (col("col.id", "id"), col("col.kind", "status"), col("col.title"), col("col.plan", "id")),
        tuple(
            (o, t(f"kind.{nodes[o]['kind'].value}", lang), title_of(o), str(nodes[o]["plan"]))
            for o in analysis.orphans
        ),
        row_nodes=analysis.orphans,
        row_alert=tuple(True for _ in analysis.orphans),
    )
    findings = findings_table(analysis.findings, lang)
    links = Table(
        (
            col("col.from", "id"),
            col("col.from_title"),
            col("col.from_plan", "id"),
            col("col.to", "id"),
            col("col.to_title"),
            col("col.to_plan", "id"),
        ),
        tuple(
            (
                k.source,
                title_of(k.source),
                k.source_plan,
                k.target,
                title_of(k.target),
                k.target_plan,
            )
            for k in analysis.links
        ),
        row_nodes=tuple(k.source for k in analysis.links),
    )
    plan_word, area_word = t("col.plan", lang), t("col.area", lang)
    coverage_rows: list[tuple[str, str, str, int, int, float]] = [
        (
            t("report.overall_kind", lang),
            t("report.overall_id", lang),
            t("report.title", lang),
            cov.goals,
            cov.followed_up,
            cov.ratio,
        )
    ]
    coverage_rows += [
        (plan_word, pid, analysis.plan_info(pid).title, c.goals, c.followed_up, c.ratio)
        for pid, pc in analysis.per_plan.items()
        for c in (pc.coverage,)
    ]
    coverage_rows += [
        (area_word, a.area, a.title, c.goals, c.followed_up, c.ratio)
        for a in analysis.per_area
        for c in (a.coverage,)
    ]
    coverage = Table(
        (
            col("col.kind", "status"),
            col("col.id", "id"),
            col("col.title"),
            col("col.goals", "int"),
            *counts,
        ),
        tuple(coverage_rows),
        row_alert=tuple(r[4] < r[3] for r in coverage_rows),
    )

    goal_rows = tuple((g.id, g.title, g.plan) for g in analysis.goals)
    row_index = {g.id: i for i, g in enumerate(analysis.goals)}
    sources = list(dict.fromkeys(k.source for k in analysis.links if k.target in row_index))
    sources.sort(key=lambda n: nodes[n]["order"])
    col_index = {n: i for i, n in enumerate(sources)}
    matrix = Matrix(
        corner=t("col.goal", lang),
        rows=goal_rows,
        columns=tuple((n, title_of(n), str(nodes[n]["plan"])) for n in sources),
        marks=frozenset(
            (row_index[k.target], col_index[k.source])
            for k in analysis.links
            if k.target in row_index
        ),
        row_headers=(t("col.title", lang), t("col.plan", lang)),
        row_alert=tuple(not g.followed_up for g in analysis.goals),
    )

    none = t("word.none", lang)
    sections = (
        Section("summary", t("report.summary", lang), tuple(summary)),
        Section("plans", t("report.plans", lang), (plans,)),
        Section("per-plan", t("check.per_plan", lang), (per_plan,), empty=none),
        Section("per-area", t("check.per_area", lang), (per_area,), empty=none),
        Section("diagram", t("report.diagram", lang), diagrams),
        Section("goals", t("report.goal_table", lang), (goals,), empty=none),
        Section(
            "uncovered",
            t("check.uncovered", lang),
            (uncovered,),
            empty=t("report.none_uncovered", lang),
        ),
        Section(
            "justified",
            t("check.justified", lang),
            (justified_table(analysis, lang),),
            empty=t("st.none_justified", lang),
        ),
        Section(
            "orphans", t("check.orphans", lang), (orphans,), empty=t("report.none_orphans", lang)
        ),
        # a chapter per framework in use
        *framework_sections(analysis, lang, figures=bool(diagrams)),
        Section(
            "findings", t("check.findings", lang), (findings,), empty=t("check.no_findings", lang)
        ),
    )
    if any(any(t_.row_alert) for s_ in sections for t_ in s_.tables):
        # what the red rows mean, said once, under the summary
        first = sections[0]
        legend = Paragraph(t("report.alert_legend", lang), "legend")
        sections = (Section(first.key, first.heading, (*first.blocks, legend)), *sections[1:])
    if analysis.graph.number_of_nodes() > LARGE_SET_NODES:
        sections = _with_appendices(sections, lang)
    sheet = (
        ("report.matrix", matrix),
        ("report.links", links),
        ("report.coverage_sheet", coverage),
        ("report.findings_sheet", findings),
    )
    framework_sheet = frameworks_sheet(analysis, lang)
    sheets = [Sheet(t(key, lang), table) for key, table in sheet]
    if framework_sheet is not None:
        sheets.append(framework_sheet)
    return Document(
        lang=lang,
        title=title,
        generated=t("report.generated", lang, date=format_date(today or dt.date.today(), lang)),
        sections=sections,
        sheets=tuple(sheets),
        csv_table=links,
        thread=thread_data(analysis),
    )


# A set this big (a whole kommune) gets a main part a politician reads and the detail in
# appendices: the pictures, the table of every goal, what has no trace upwards, the
# frameworks and the findings run to a hundred pages.
LARGE_SET_NODES = 400
_APPENDIX_KEYS = ("diagram", "goals", "orphans", "findings")


def _with_appendices(sections: tuple[Section, ...], lang: Lang) -> tuple[Section, ...]:
    """``sections`` as a main part and appendices (A, B, …) after it, in the same order."""
    detail = [s for s in sections if s.key in _APPENDIX_KEYS or s.key.startswith("framework-")]
    main = [s for s in sections if s not in detail]
    letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    appendices = [
        Section(
            s.key,
            t("report.appendix", lang, letter=letters[i % 26], heading=s.heading),
            s.blocks,
            s.level,
            s.empty,
        )
        for i, s in enumerate(detail)
    ]
    names = ", ".join(a.heading.split(": ", 1)[0] for a in appendices[:1]) + (
        f"–{letters[len(appendices) - 1]}" if len(appendices) > 1 else ""
    )
    note = Paragraph(t("report.appendix_note", lang, names=names), "note")
    summary = main[0]
    main[0] = Section(summary.key, summary.heading, (*summary.blocks, note), summary.level)
    return (*main, *appendices)


JUSTIFIED_CODES = ("not-followed-up-justified", "no-link-justified")


def justified_table(analysis: Analysis, lang: Lang) -> Table:
    """Gaps the plans explain, with their reasons (goals still counted as not followed up)."""
    rows = [f for f in analysis.findings if f.code in JUSTIFIED_CODES]
    return Table(
        (
            Column(t("col.id", lang), "id"),
            Column(t("col.kind", lang), "status"),
            Column(t("col.title", lang)),
            Column(t("col.plan", lang), "id"),
            Column(t("col.reason", lang)),
        ),
        tuple(
            (
                f.node,
                t(f"kind.{f.params.get('kind', 'goal')}", lang),
                f.params["title"],
                f.params["plan"],
                f.params["reason"],
            )
            for f in rows
        ),
        row_nodes=tuple(f.node for f in rows),
    )


def findings_table(findings: Sequence[Finding], lang: Lang) -> Table:
    """Findings with where they are and how to fix them; errors highlighted."""
    return Table(
        (
            Column(t("col.severity", lang), "status"),
            # What it is in words: the stable code is for JSON, CSV and the terminal.
            Column(t("col.what", lang), "status"),
            Column(t("col.where", lang), "code"),
            Column(t("col.message", lang)),
            Column(t("col.fix", lang)),
        ),
        tuple(
            (
                t(f"severity.{f.severity}", lang),
                t(f"finding_word.{f.code}", lang),
                f.location(),
                f.message(lang),
                f.fix(lang),
            )
            for f in findings
        ),
        row_nodes=tuple(f.node for f in findings),
        row_alert=tuple(f.severity == "error" for f in findings),
        wide=True,  # five columns, two of them sentences: a landscape page in Word
    )
