"""One plan's view of an analysis (``--plan ID``), cut from the whole-set analysis."""

from __future__ import annotations

import dataclasses

from maltrace.analysis.results import Analysis, AreaCoverage, Coverage, GoalStatus


class UnknownPlanError(KeyError):
    """``--plan`` named a plan that is not in the set."""


def focus_plan(analysis: Analysis, plan_id: str) -> Analysis:
    """The analysis as seen from one plan.

    For a plan that follows others: its relevant goals, how many *it* follows up, its own links,
    orphans and findings. For a plan that follows none (a samfunnsdel): its goals and everything
    that follows them up across the set.
    """
    if plan_id not in analysis.plan_files:
        raise UnknownPlanError(plan_id)
    nodes = analysis.graph.nodes
    own = [f for f in analysis.findings if _belongs(analysis, f.node, f.file, plan_id)]
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
            orphans=tuple(o for o in analysis.orphans if nodes[o]["plan"] == plan_id),
            findings=tuple(f for f in own if f.code != "not-followed-up"),
            focus=plan_id,
        )
    goals = tuple(g for g in analysis.goals if g.plan == plan_id)
    followers = {
        q
        for q, p in analysis.per_plan.items()
        if any(nodes[g]["plan"] == plan_id for g in p.relevant)
    }
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
    )


def _belongs(analysis: Analysis, node: str | None, file: str, plan_id: str) -> bool:
    if node is not None and node in analysis.graph:
        return bool(analysis.graph.nodes[node]["plan"] == plan_id)
    return file == analysis.plan_files[plan_id]


def _status(analysis: Analysis, goal: str) -> GoalStatus:
    data = analysis.graph.nodes[goal]
    return GoalStatus(goal, data["plan"], data["title"], data["area"], data["parent"], 0, False, ())


__all__ = ["AreaCoverage", "UnknownPlanError", "focus_plan"]
