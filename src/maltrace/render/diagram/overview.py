"""The overview: every goal in scope and everything that follows one up."""

from __future__ import annotations

from maltrace.analysis import Analysis
from maltrace.i18n import Lang, t
from maltrace.render.diagram.base import (
    Selection,
    coverage_line,
    endpoints,
    plan_lines,
)


def select_overview(analysis: Analysis, lang: Lang) -> Selection:
    statuses = {g.id: g.followed_up for g in analysis.goals}
    links = list(analysis.links)
    # Orphans too: the tiltak a styringsgruppe asks about ("why is this in the handlingsdel?").
    orphans = set(analysis.orphans)
    ids = set(statuses) | endpoints(links) | orphans
    info = plan_lines(analysis, ids, lang)
    if analysis.goals:
        info.append(coverage_line(analysis.coverage.goals, analysis.coverage.followed_up, lang))
    return Selection(
        ids,
        statuses,
        links,
        t("diagram.heading.overview", lang),
        info,
        None if ids else t("diagram.empty", lang),
        orphans=orphans,
    )
