"""``maltrace check`` for people: the coverage headline and tables, then the findings."""

from __future__ import annotations

from rich.console import Console
from rich.text import Text

from maltrace.analysis import Analysis
from maltrace.i18n import Lang, format_percent, t
from maltrace.render.frameworks.terminal import render_frameworks_table
from maltrace.render.terminal import (
    _coverage_table,
    _ratio_style,
    _table,
    plain,
    render_findings,
    render_justified,
)


def render_check(analysis: Analysis, console: Console, lang: Lang | None = None) -> None:
    lang = lang or analysis.lang
    cov = analysis.coverage
    pct = format_percent(cov.ratio, lang)
    if analysis.focus and analysis.focus in analysis.per_plan:
        headline = t(
            "check.headline_plan",
            lang,
            plan=analysis.focus,
            percent=pct,
            followed=cov.followed_up,
            total=cov.goals,
        )
    else:
        headline = t("check.headline", lang, percent=pct, followed=cov.followed_up, total=cov.goals)
    console.print(plain(headline), style=f"bold {_ratio_style(cov)}")
    if cov.goals == 0 and not analysis.per_plan:
        console.print(Text(t("check.no_goals_in_scope", lang)))
    elif cov.followed_up == cov.goals:
        console.print(Text(t("check.all_followed", lang)))
    console.print()

    if analysis.per_plan:
        rows = [
            (f"{pid} {analysis.plan_info(pid).title}", pc.coverage)
            for pid, pc in analysis.per_plan.items()
        ]
        _coverage_table(
            console,
            lang,
            t("check.per_plan", lang),
            t("col.plan", lang),
            t("col.relevant", lang),
            rows,
        )

    if analysis.per_area:
        rows = [(f"{a.area} {a.title}", a.coverage) for a in analysis.per_area]
        _coverage_table(
            console,
            lang,
            t("check.per_area", lang),
            t("col.area", lang),
            t("col.goals", lang),
            rows,
        )

    uncovered = [g for g in analysis.goals if not g.followed_up and not g.justified]
    if uncovered:
        table = _table(
            t("col.id", lang),
            t("col.title", lang),
            t("col.plan", lang),
            t("col.area", lang),
            title=t("check.uncovered", lang),
        )
        for g in uncovered:
            table.add_row(plain(g.id), plain(g.title), plain(g.plan), plain(g.area or ""))
        console.print(table)
        console.print()

    render_justified(analysis, console, lang)

    if analysis.orphans:
        table = _table(
            t("col.id", lang),
            t("col.kind", lang),
            t("col.title", lang),
            t("col.plan", lang),
            title=t("check.orphans", lang),
        )
        # The orphan findings say what each orphan is; the graph is not needed (nor loaded).
        about = {f.node: f.params for f in analysis.findings if f.code == "orphan"}
        for o in analysis.orphans:
            params = about[o]
            table.add_row(
                plain(o),
                Text(t(f"kind.{params['kind']}", lang)),
                plain(params["title"]),
                plain(params["plan"]),
            )
        console.print(table)
        console.print()

    if analysis.frameworks:
        render_frameworks_table(analysis, console, lang)

    render_findings(analysis.findings, console, lang)
