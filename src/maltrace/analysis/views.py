"""One plan's view of an analysis (``--plan ID``), cut from the whole-set analysis."""

from __future__ import annotations

import dataclasses

from maltrace.analysis.frameworks import plan_view
from maltrace.analysis.results import GAP_CODES, Analysis, AreaCoverage, Coverage, GoalStatus
from maltrace.errors import UnknownPlanError


def focus_plan(analysis: Analysis, plan_id: str) -> Analysis:
    """The analysis as seen from one plan.

    For a plan that follows others: its relevant goals, how many *it* follows up, its own links,
    orphans and findings. For a plan that follows none (a samfunnsdel): its goals and everything
    that follows them up across the set.
    """
    if plan_id not in analysis.plan_files:
        raise UnknownPlanError(plan_id, list(analysis.plan_files))
    # Every finding points into the file of the plan it belongs to (one plan, one file), so the
    # view is cut without the graph — an analysis from the cache has none at hand.
    plan_file = analysis.plan_files[plan_id]
    own = [f for f in analysis.findings if f.file == plan_file]
    pc = analysis.per_plan.get(plan_id)
    if pc is not None:
        done = set(pc.followed_up)
        by_id = {g.id: g for g in analysis.goals}
        mine: dict[str, list[str]] = {}
        for link in analysis.links:
            if link.source_plan == plan_id:
                mine.setdefault(link.target, []).append(link.source)
        goals = tuple(
            dataclasses.replace(
                by_id[g] if g in by_id else _status(analysis, g),
                followed_up=g in done,
                followed_up_by=tuple(mine.get(g, ())),
            )
            for g in pc.relevant
        )
        index = {g.id: g for g in goals}
        own_orphans = {f.node for f in own if f.code == "orphan"}
        per_area = tuple(
            dataclasses.replace(
                a,
                goals=tuple(g for g in a.goals if g in index),
                uncovered=tuple(g for g in a.goals if g in index and not index[g].followed_up),
            )
            for a in analysis.per_area
            if any(g in index for g in a.goals)
        )
        return dataclasses.replace(
            analysis,
            coverage=pc.coverage,
            goals=goals,
            per_plan={plan_id: pc},
            per_area=per_area,
            links=tuple(link for link in analysis.links if link.source_plan == plan_id),
            orphans=tuple(o for o in analysis.orphans if o in own_orphans),
            findings=tuple(f for f in own if f.code not in GAP_CODES),
            focus=plan_id,
            frameworks=plan_view(analysis.frameworks, plan_id),
        )
    goals = tuple(g for g in analysis.goals if g.plan == plan_id)
    own_goals = {g.id for g in goals}
    followers = {q for q, p in analysis.per_plan.items() if any(g in own_goals for g in p.relevant)}
    return dataclasses.replace(
        analysis,
        coverage=Coverage(len(goals), sum(1 for g in goals if g.followed_up)),
        goals=goals,
        per_plan={q: p for q, p in analysis.per_plan.items() if q in followers},
        per_area=tuple(a for a in analysis.per_area if a.plan == plan_id),
        links=tuple(link for link in analysis.links if link.target_plan == plan_id),
        orphans=(),
        findings=tuple(own),
        focus=plan_id,
        frameworks=plan_view(analysis.frameworks, plan_id),
    )


def _status(analysis: Analysis, goal: str) -> GoalStatus:
    data = analysis.graph.nodes[goal]
    return GoalStatus(goal, data["plan"], data["title"], data["area"], data["parent"], 0, False, ())


__all__ = ["AreaCoverage", "UnknownPlanError", "focus_plan"]
