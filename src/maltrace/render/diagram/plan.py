"""One plan's view: its relevant goals and its own tree (for a plan that others follow: its
goals and what follows them up)."""

from __future__ import annotations

from maltrace.analysis import Analysis, focus_plan
from maltrace.i18n import Lang, format_percent, t
from maltrace.load import Kind
from maltrace.render.diagram.base import (
    DiagramError,
    Selection,
    closest,
    coverage_line,
    endpoints,
    plan_lines,
)


def select_plan(analysis: Analysis, key: str, lang: Lang) -> Selection:
    nodes = analysis.graph.nodes
    if key not in analysis.plan_files:
        known = list(analysis.plan_files)
        raise DiagramError("unknown_plan", closest(key, known), id=key, known=", ".join(known))
    focused = analysis if analysis.focus == key else focus_plan(analysis, key)
    statuses = {g.id: g.followed_up for g in focused.goals}
    links = list(focused.links)
    own = [n for n in analysis.graph if nodes[n]["plan"] == key]
    if key in analysis.per_plan:
        # A plan that follows others: its relevant goals, and all of its own tree.
        ids = (
            set(statuses) | endpoints(links) | {n for n in own if nodes[n]["kind"] is not Kind.AREA}
        )
        cov = analysis.per_plan[key].coverage
        cover = t(
            "check.headline_plan",
            lang,
            plan=key,
            percent=format_percent(cov.ratio, lang),
            followed=cov.followed_up,
            total=cov.goals,
        )
    else:
        # A plan nobody it follows: its goals and what follows them up.
        ids = {n for n in own if nodes[n]["kind"] is Kind.GOAL} | endpoints(links)
        cover = coverage_line(focused.coverage.goals, focused.coverage.followed_up, lang)
    info = plan_lines(analysis, ids | {own[0]} if own else ids, lang)
    if statuses:
        info.append(cover)
    title = analysis.plan_info(key).title
    # A following plan's own orphans are in its tree (and marked); a followed plan has none.
    orphans = set(focused.orphans) & ids
    heading = t("diagram.heading.plan", lang, plan=title)
    return Selection(ids, statuses, links, heading, info, orphans=orphans)
