"""The content of a report, resolved to one language: the one place rows are assembled.

Every format (Markdown, HTML, Word, Excel, CSV) renders this structure and nothing else, so the
numbers are those of the analysis — ``maltrace check``'s — in every format.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from maltrace.analysis import Analysis, Coverage
from maltrace.i18n import Lang, format_date, format_percent, t


@dataclass(frozen=True)
class Table:
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    # Columns holding numbers (right-aligned; stored as numbers in Excel).
    numeric: tuple[int, ...] = ()
    # Columns of short codes (ids, status) that should not break across lines.
    nowrap: tuple[int, ...] = ()


@dataclass(frozen=True)
class Section:
    key: str  # stable anchor: "summary", "per-plan", …
    heading: str
    paragraphs: tuple[str, ...] = ()
    table: Table | None = None
    empty: str = ""  # said instead of an empty table
    diagram: bool = False


@dataclass(frozen=True)
class Matrix:
    """Goals down, following nodes across; ``marks`` holds (row, column) where linked."""

    corner: str
    rows: tuple[tuple[str, str, str], ...]  # (goal id, title, plan)
    columns: tuple[tuple[str, str, str], ...]  # (node id, title, plan)
    marks: frozenset[tuple[int, int]]


@dataclass(frozen=True)
class Report:
    lang: Lang
    title: str
    generated: str
    toc: str
    sections: tuple[Section, ...]
    links: Table
    coverage: Table
    findings: Table
    matrix: Matrix
    diagram_alt: str
    diagram_heading: str
    # The overview diagram as SVG, when it could be drawn; otherwise why not.
    diagram_svg: str | None = None
    diagram_problem: str | None = None
    extra: dict[str, str] = field(default_factory=dict)


def _pct(c: Coverage, lang: Lang) -> str:
    return format_percent(c.ratio, lang)


def build_report(
    analysis: Analysis,
    lang: Lang | None = None,
    *,
    diagram_svg: str | None = None,
    diagram_problem: str | None = None,
    today: dt.date | None = None,
) -> Report:
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
            percent=_pct(cov, lang),
            followed=cov.followed_up,
            total=cov.goals,
        )
    else:
        headline = t(
            "check.headline",
            lang,
            percent=_pct(cov, lang),
            followed=cov.followed_up,
            total=cov.goals,
        )
    summary = [headline]
    if cov.goals == 0 and not analysis.per_plan:
        summary.append(t("check.no_goals_in_scope", lang))
    elif cov.followed_up == cov.goals:
        summary.append(t("check.all_followed", lang))
    summary.append(
        t(
            "check.summary_counts",
            lang,
            errors=len(analysis.errors),
            warnings=len(analysis.warnings),
        )
    )

    plans = Table(
        (
            t("col.id", lang),
            t("col.title", lang),
            t("col.type", lang),
            t("col.status", lang),
            t("col.date", lang),
        ),
        tuple(
            (
                p.id,
                p.title,
                t(f"plantype.{p.type.value}", lang),
                p.status or "",
                format_date(p.date, lang) if p.date else "",
            )
            for p in analysis.plans
        ),
        nowrap=(0, 4),
    )
    count_headers = (t("col.followed_up", lang), t("col.coverage", lang))
    per_plan = Table(
        (t("col.plan", lang), t("col.relevant", lang), *count_headers),
        tuple(
            (
                f"{pid} {analysis.plan_info(pid).title}",
                str(c.goals),
                str(c.followed_up),
                _pct(c, lang),
            )
            for pid, pc in analysis.per_plan.items()
            for c in (pc.coverage,)
        ),
        numeric=(1, 2, 3),
    )
    per_area = Table(
        (t("col.area", lang), t("col.goals", lang), *count_headers),
        tuple(
            (f"{a.area} {a.title}", str(c.goals), str(c.followed_up), _pct(c, lang))
            for a in analysis.per_area
            for c in (a.coverage,)
        ),
        numeric=(1, 2, 3),
    )
    followed, not_followed = t("status.followed_up", lang), t("status.not_followed_up", lang)
    through = t("report.through_delmal", lang)
    goals = Table(
        (
            t("col.id", lang),
            t("col.goal", lang),
            t("col.plan", lang),
            t("col.status", lang),
            t("col.followed_up_by", lang),
        ),
        tuple(
            (
                g.id,
                g.title,
                g.plan,
                followed if g.followed_up else not_followed,
                "; ".join(f"{n} {title_of(n)} ({nodes[n]['plan']})" for n in g.followed_up_by)
                or (through if g.followed_up else ""),
            )
            for g in analysis.goals
        ),
        nowrap=(0, 3),
    )
    uncovered = Table(
        (t("col.id", lang), t("col.title", lang), t("col.plan", lang), t("col.area", lang)),
        tuple((g.id, g.title, g.plan, g.area or "") for g in analysis.goals if not g.followed_up),
        nowrap=(0, 2, 3),
    )
    orphans = Table(
        (t("col.id", lang), t("col.kind", lang), t("col.title", lang), t("col.plan", lang)),
        tuple(
            (o, t(f"kind.{nodes[o]['kind'].value}", lang), title_of(o), str(nodes[o]["plan"]))
            for o in analysis.orphans
        ),
        nowrap=(0, 3),
    )
    findings = Table(
        (
            t("col.severity", lang),
            t("col.code", lang),
            t("col.where", lang),
            t("col.message", lang),
            t("col.fix", lang),
        ),
        tuple(
            (t(f"severity.{f.severity}", lang), f.code, f.location(), f.message(lang), f.fix(lang))
            for f in analysis.findings
        ),
        nowrap=(0, 1),
    )
    links = Table(
        (
            t("col.from", lang),
            t("col.from_title", lang),
            t("col.from_plan", lang),
            t("col.to", lang),
            t("col.to_title", lang),
            t("col.to_plan", lang),
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
    )
    coverage_rows = [
        (
            t("col.plan", lang),
            "",
            t("report.title", lang),
            str(cov.goals),
            str(cov.followed_up),
            _pct(cov, lang),
        )
    ]
    coverage_rows += [
        (
            t("col.plan", lang),
            pid,
            analysis.plan_info(pid).title,
            str(c.goals),
            str(c.followed_up),
            _pct(c, lang),
        )
        for pid, pc in analysis.per_plan.items()
        for c in (pc.coverage,)
    ]
    coverage_rows += [
        (t("col.area", lang), a.area, a.title, str(c.goals), str(c.followed_up), _pct(c, lang))
        for a in analysis.per_area
        for c in (a.coverage,)
    ]
    coverage = Table(
        (
            t("col.kind", lang),
            t("col.id", lang),
            t("col.title", lang),
            t("col.goals", lang),
            *count_headers,
        ),
        tuple(coverage_rows),
        numeric=(3, 4, 5),
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
    )

    sections = (
        Section("summary", t("report.summary", lang), tuple(summary)),
        Section("plans", t("report.plans", lang), table=plans),
        Section("per-plan", t("check.per_plan", lang), table=per_plan, empty=t("word.none", lang)),
        Section("per-area", t("check.per_area", lang), table=per_area, empty=t("word.none", lang)),
        Section("diagram", t("report.diagram", lang), diagram=True),
        Section("goals", t("report.goal_table", lang), table=goals, empty=t("word.none", lang)),
        Section(
            "uncovered",
            t("check.uncovered", lang),
            table=uncovered,
            empty=t("report.none_uncovered", lang),
        ),
        Section(
            "orphans", t("check.orphans", lang), table=orphans, empty=t("report.none_orphans", lang)
        ),
        Section(
            "findings",
            t("check.findings", lang),
            table=findings,
            empty=t("check.no_findings", lang),
        ),
    )
    return Report(
        lang=lang,
        title=title,
        generated=t("report.generated", lang, date=format_date(today or dt.date.today(), lang)),
        toc=t("report.toc", lang),
        sections=sections,
        links=links,
        coverage=coverage,
        findings=findings,
        matrix=matrix,
        diagram_alt=t("report.diagram_alt", lang),
        diagram_heading=t("report.diagram", lang),
        diagram_svg=diagram_svg,
        diagram_problem=diagram_problem,
    )
