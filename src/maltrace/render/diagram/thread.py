"""One goal's or one satsingsområde's red thread: the goal(s) and everything that follows them
up, down to tiltak."""

from __future__ import annotations

from maltrace.analysis import Analysis
from maltrace.i18n import Lang, t
from maltrace.load import Kind
from maltrace.render.diagram.base import (
    DiagramError,
    Selection,
    View,
    closest,
    coverage_line,
    descendants,
    kind_of,
    plan_lines,
    red_thread,
)


def select_thread(analysis: Analysis, view: View, key: str, lang: Lang) -> Selection:
    nodes = analysis.graph.nodes
    if key not in nodes:
        pool = [n for n in analysis.graph if nodes[n]["kind"] is kind_of(view)]
        raise DiagramError(f"unknown_{view}", closest(key, pool), id=key)
    kind = nodes[key]["kind"]
    if kind is not kind_of(view):
        raise DiagramError(
            "wrong_kind",
            id=key,
            kind=t(f"kind.{kind.value}", lang),
            expected=t(f"kind.{view}", lang),
        )
    if view == "goal":
        seeds = [key, *(d for d in descendants(analysis, key) if nodes[d]["kind"] is Kind.GOAL)]
    else:
        seeds = descendants(analysis, key)
    ids = red_thread(analysis, seeds)
    statuses = {g.id: g.followed_up for g in analysis.goals}
    links = [link for link in analysis.links if link.source in ids and link.target in ids]
    info = plan_lines(analysis, ids, lang)
    title = nodes[key]["title"]
    if view == "goal":
        heading = t("diagram.heading.goal", lang, goal=f"{key} {title}")
        if key in statuses:
            word = "status.followed_up" if statuses[key] else "status.not_followed_up"
            info.append(t("diagram.goal_line", lang, id=key, status=t(word, lang).lower()))
    else:
        heading = t("diagram.heading.area", lang, area=f"{key} {title}")
        for cov in analysis.per_area:
            if cov.area == key:
                c = cov.coverage
                info.append(coverage_line(c.goals, c.followed_up, lang))
    return Selection(ids, statuses, links, heading, info)
