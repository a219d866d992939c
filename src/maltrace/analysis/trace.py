"""The definitions of follow-up, coverage, orphans and integrity findings, as plain functions.

A goal G in plan P is *followed up* when a node of a plan that ``follows`` P names G in its
``follows_up`` (a valid link), or when any of its delmål is followed up. Goals in *scope* are the
goals of every plan that some plan in the set follows.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from maltrace.analysis.findings import Finding
from maltrace.analysis.frameworks import analyse_frameworks
from maltrace.analysis.results import (
    Analysis,
    AreaCoverage,
    Coverage,
    GoalStatus,
    GraphSource,
    Link,
    PlanCoverage,
)
from maltrace.graph import CONTAINS
from maltrace.i18n import Lang
from maltrace.load import Kind, Plan, iter_nodes
from maltrace.load.models import plans_language
from maltrace.load.text import normalise
from maltrace.nearest import Suggester

if TYPE_CHECKING:
    import networkx as nx  # imported where a graph is built: a cached result needs none

_LINKABLE = (Kind.GOAL, Kind.STRATEGY)


def analyse(graph: nx.DiGraph, *, lang: Lang | None = None) -> Analysis:
    """Coverage and findings for the whole plan set in ``graph`` (see ``maltrace.graph``)."""
    return _analyse(graph, lang)


def _analyse(graph: nx.DiGraph, lang: Lang | None) -> Analysis:
    plans: dict[str, Plan] = graph.graph["plans"]
    nodes = dict(graph.nodes.items())  # plain dict: NodeView lookups are slow
    findings: list[Finding] = []

    follows = _follows(plans, findings)
    findings.extend(_cycles(graph.graph["plan_graph"], plans))
    findings.extend(_text_findings([*plans.values(), *graph.graph.get("frameworks", ())]))

    # Every node in document order; the graph keeps insertion order, which is document order.
    order: list[str] = list(graph)
    # Per-plan lists (document order) keep the per-plan work linear in the size of the set.
    by_plan_nodes: dict[str, list[str]] = {pid: [] for pid in plans}
    for node_id in order:
        by_plan_nodes[nodes[node_id]["plan"]].append(node_id)
    plan_rank = {pid: i for i, pid in enumerate(by_plan_nodes)}
    goals_of = {
        pid: [n for n in ids if nodes[n]["kind"] is Kind.GOAL] for pid, ids in by_plan_nodes.items()
    }

    # -- links --------------------------------------------------------------------------------
    links: list[Link] = []
    direct: dict[str, list[str]] = {}  # target -> valid followers, document order
    candidates: dict[frozenset[str], Suggester] = {}  # followed plans -> ids a typo may mean
    for node_id in order:
        data = nodes[node_id]
        model = data["model"]
        if not model.follows_up:
            continue
        plan_id = data["plan"]
        for target in dict.fromkeys(model.follows_up):
            where = (data["file"], model.key_lines.get("follows_up", model.line))
            if target not in nodes:
                suggestion = _suggest(target, candidates, plan_id, follows, by_plan_nodes, nodes)
                findings.append(Finding("dangling-link", node_id, *where, target, suggestion))
                continue
            tdata = nodes[target]
            if tdata["kind"] is Kind.AREA:
                findings.append(Finding("link-to-area", node_id, *where, target))
            elif tdata["kind"] is Kind.MEASURE:
                findings.append(Finding("link-to-measure", node_id, *where, target))
            elif tdata["plan"] not in follows[plan_id]:
                params = {"plan": plan_id, "target_plan": tdata["plan"]}
                findings.append(
                    Finding("link-outside-followed", node_id, *where, target, params=params)
                )
            else:
                links.append(Link(node_id, target, plan_id, tdata["plan"]))
                direct.setdefault(target, []).append(node_id)

    goal_children = _goal_children(nodes, order)

    # -- set coverage ---------------------------------------------------------------------------
    followed_plans = {p for fs in follows.values() for p in fs}
    followed_up = _propagate(set(direct), goal_children, order, nodes)
    goals = tuple(
        GoalStatus(
            id=g,
            plan=nodes[g]["plan"],
            title=nodes[g]["title"],
            area=nodes[g]["area"],
            parent=nodes[g]["parent"],
            depth=_depth(nodes, g),
            followed_up=g in followed_up,
            followed_up_by=tuple(direct.get(g, ())),
            reason=None if g in followed_up else nodes[g]["model"].reason_not_followed_up,
        )
        for g in order
        if nodes[g]["kind"] is Kind.GOAL and nodes[g]["plan"] in followed_plans
    )
    coverage = Coverage(len(goals), sum(1 for g in goals if g.followed_up))
    for g in goals:
        if g.reason is not None:
            findings.append(
                Finding(
                    "not-followed-up-justified",
                    g.id,
                    nodes[g.id]["file"],
                    nodes[g.id]["model"].key_lines.get(
                        "reason_not_followed_up", nodes[g.id]["line"]
                    ),
                    params={"title": g.title, "plan": g.plan, "reason": g.reason},
                )
            )
        elif not g.followed_up:
            findings.append(
                Finding(
                    "not-followed-up",
                    g.id,
                    nodes[g.id]["file"],
                    nodes[g.id]["line"],
                    params={"title": g.title, "plan": g.plan},
                )
            )

    # -- per plan -------------------------------------------------------------------------------
    per_plan: dict[str, PlanCoverage] = {}
    by_plan: dict[str, set[str]] = {}
    for link in links:
        by_plan.setdefault(link.source_plan, set()).add(link.target)
    for plan_id, plan in plans.items():
        if not plan.plan.follows:
            continue
        relevant = _relevant_goals(
            plan, follows[plan_id], graph, goals_of, by_plan_nodes, plan_rank, findings
        )
        mine = _propagate(by_plan.get(plan_id, set()), goal_children, order, nodes)
        per_plan[plan_id] = PlanCoverage(
            plan=plan_id,
            relevant=tuple(relevant),
            followed_up=tuple(g for g in relevant if g in mine),
            uncovered=tuple(g for g in relevant if g not in mine),
        )

    # -- per area -------------------------------------------------------------------------------
    goals_in_area: dict[str | None, list[GoalStatus]] = {}
    for g in goals:
        goals_in_area.setdefault(g.area, []).append(g)
    per_area = tuple(
        AreaCoverage(
            area=a,
            plan=nodes[a]["plan"],
            title=nodes[a]["title"],
            goals=tuple(g.id for g in goals_in_area.get(a, ())),
            uncovered=tuple(g.id for g in goals_in_area.get(a, ()) if not g.followed_up),
        )
        for a in order
        if nodes[a]["kind"] is Kind.AREA and nodes[a]["plan"] in followed_plans
    )

    # -- orphans and goals left hanging in following plans --------------------------------------
    traced_sources = {link.source for link in links}
    orphans: list[str] = []
    traced: dict[str, bool] = {}
    followers = {p for p, plan in plans.items() if plan.plan.follows}
    for node_id in order:
        data = nodes[node_id]
        if data["plan"] not in followers:
            continue
        parent = data["parent"]
        ok = node_id in traced_sources or (parent is not None and traced[parent])
        reason = data["model"].reason_no_link
        if not ok and reason is not None:
            # Deliberately without a link: not an orphan, nor is anything beneath it.
            traced[node_id] = True
            findings.append(
                Finding(
                    "no-link-justified",
                    node_id,
                    data["file"],
                    data["line"],
                    params={
                        "kind": data["kind"].value,
                        "title": data["title"],
                        "plan": data["plan"],
                        "reason": reason,
                    },
                )
            )
            continue
        traced[node_id] = ok
        if not ok:
            orphans.append(node_id)
            findings.append(
                Finding(
                    "orphan",
                    node_id,
                    data["file"],
                    data["line"],
                    params={
                        "kind": data["kind"].value,
                        "title": data["title"],
                        "plan": data["plan"],
                    },
                )
            )
    has_strategy = _has_strategy_below(nodes, order)
    for node_id in order:
        data = nodes[node_id]
        if (
            data["kind"] is Kind.GOAL
            and data["plan"] in followers
            and node_id not in has_strategy
            and node_id not in direct
        ):
            findings.append(
                Finding(
                    "goal-without-strategy",
                    node_id,
                    data["file"],
                    data["line"],
                    params={"title": data["title"], "plan": data["plan"]},
                )
            )

    frameworks = analyse_frameworks(
        plans, graph.graph.get("frameworks", ()), nodes, order, findings, Suggester
    )

    return Analysis(
        source=GraphSource(graph),
        plans=tuple(p.plan for p in plans.values()),
        plan_files={p.id: p.source for p in plans.values()},
        coverage=coverage,
        goals=goals,
        per_plan=per_plan,
        per_area=per_area,
        links=tuple(links),
        orphans=tuple(orphans),
        findings=tuple(_sorted_findings(findings, [p.source for p in plans.values()])),
        lang=lang or plans_language(plans.values()),
        frameworks=frameworks,
        framework_files=tuple(p.source for p in graph.graph.get("frameworks", ())),
    )


# -- helpers ---------------------------------------------------------------------------------


def _follows(plans: dict[str, Plan], findings: list[Finding]) -> dict[str, set[str]]:
    follows: dict[str, set[str]] = {}
    for plan_id, plan in plans.items():
        known = set()
        line = plan.plan.key_lines.get("follows", plan.plan.line)
        for f in plan.plan.follows:
            if f == plan_id:
                continue  # reported as a cycle; a plan never follows up its own goals
            if f in plans:
                known.add(f)
            else:
                suggestion = _closest(f, plans)
                findings.append(
                    Finding(
                        "unknown-plan", None, plan.source, line, f, suggestion, {"plan": plan_id}
                    )
                )
        follows[plan_id] = known
    return follows


def _cycles(plan_graph: nx.DiGraph, plans: dict[str, Plan]) -> list[Finding]:
    import networkx as nx

    out: list[Finding] = []
    for component in sorted(nx.strongly_connected_components(plan_graph), key=sorted):
        first = min(component)
        if len(component) == 1 and not plan_graph.has_edge(first, first):
            continue
        cycle = [u for u, _ in nx.find_cycle(plan_graph.subgraph(component), source=first)]
        plan = plans[first]
        line = plan.plan.key_lines.get("follows", plan.plan.line)
        text = " → ".join([*cycle, cycle[0]])
        out.append(Finding("follows-cycle", None, plan.source, line, params={"cycle": text}))
    return out


def _goal_children(nodes: dict[str, Any], order: list[str]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for node_id in order:
        data = nodes[node_id]
        parent = data["parent"]
        if data["kind"] is Kind.GOAL and parent is not None and nodes[parent]["kind"] is Kind.GOAL:
            out.setdefault(parent, []).append(node_id)
    return out


def _propagate(
    direct: set[str], goal_children: dict[str, list[str]], order: list[str], nodes: Any
) -> set[str]:
    """Goals followed up directly, plus every goal with a followed-up delmål (at any depth)."""
    result = {g for g in direct if nodes[g]["kind"] is Kind.GOAL}
    # Walk upwards from each directly followed delmål; stop where a goal is already marked.
    for g in list(result):
        parent = nodes[g]["parent"]
        while parent is not None and nodes[parent]["kind"] is Kind.GOAL and parent not in result:
            result.add(parent)
            parent = nodes[parent]["parent"]
    return result


def _relevant_goals(
    plan: Plan,
    followed: set[str],
    graph: nx.DiGraph,
    goals_of: dict[str, list[str]],
    by_plan_nodes: dict[str, list[str]],
    plan_rank: dict[str, int],
    findings: list[Finding],
) -> list[str]:
    nodes = graph.nodes  # few lookups here; a copy of the node dict per plan would cost more
    # Followed plans in set order (goals_of keeps it), so the result is in document order.
    in_order = sorted(followed, key=plan_rank.__getitem__)
    followed_goals = [g for pid in in_order for g in goals_of[pid]]
    if plan.plan.relevant_goals is None:
        return followed_goals
    line = plan.plan.key_lines.get("relevant_goals", plan.plan.line)
    chosen: set[str] = set()
    for rid in dict.fromkeys(plan.plan.relevant_goals):
        if rid not in nodes:
            cands = [n for pid in in_order for n in by_plan_nodes[pid]]
            findings.append(
                Finding(
                    "dangling-relevant-goal",
                    None,
                    plan.source,
                    line,
                    rid,
                    _closest(rid, cands),
                    {"plan": plan.id},
                )
            )
            continue
        data = nodes[rid]
        if data["plan"] not in followed:
            params = {"plan": plan.id, "target_plan": data["plan"]}
            findings.append(
                Finding(
                    "relevant-goal-outside-followed", None, plan.source, line, rid, params=params
                )
            )
            continue
        if data["kind"] not in (Kind.GOAL, Kind.AREA):
            params = {"plan": plan.id, "kind": data["kind"].value}
            findings.append(
                Finding("relevant-goal-wrong-kind", None, plan.source, line, rid, params=params)
            )
            continue
        chosen.update(_subtree(graph, rid))
    return [g for g in followed_goals if g in chosen]


def _subtree(graph: nx.DiGraph, root: str) -> list[str]:
    """``root`` and every node nested under it."""
    out, stack = [], [root]
    succ = graph.succ
    while stack:
        node = stack.pop()
        out.append(node)
        stack.extend(c for c, e in succ[node].items() if e["kind"] == CONTAINS)
    return out


def _has_strategy_below(nodes: dict[str, Any], order: list[str]) -> set[str]:
    """Nodes with a strategy somewhere beneath them."""
    out: set[str] = set()
    for node_id in order:
        if nodes[node_id]["kind"] is Kind.STRATEGY:
            parent = nodes[node_id]["parent"]
            while parent is not None and parent not in out:
                out.add(parent)
                parent = nodes[parent]["parent"]
    return out


def _depth(nodes: Any, node_id: str) -> int:
    depth = 0
    parent = nodes[node_id]["parent"]
    while parent is not None and nodes[parent]["kind"] is Kind.GOAL:
        depth += 1
        parent = nodes[parent]["parent"]
    return depth


def _suggest(
    target: str,
    cache: dict[frozenset[str], Suggester],
    plan_id: str,
    follows: dict[str, set[str]],
    by_plan_nodes: dict[str, list[str]],
    nodes: Any,
) -> str | None:
    """The id a typo most likely meant, looked for among the goals a plan may follow up."""
    # Plans that follow the same plans (a kommune's sector plans) share one index.
    scope = frozenset(follows[plan_id] or by_plan_nodes)
    if scope not in cache:
        cache[scope] = Suggester(
            n
            for pid in by_plan_nodes
            if pid in scope
            for n in by_plan_nodes[pid]
            if nodes[n]["kind"] in _LINKABLE
        )
    return cache[scope].suggest(target)


def _closest(word: str, candidates: Iterable[str]) -> str | None:
    return Suggester(candidates).suggest(word)


def _text_findings(plans: list[Plan]) -> list[Finding]:
    """A warning per text in which the loader made a control character visible, naming the
    node the text belongs to (the last node starting on or before its line)."""
    out: list[Finding] = []
    for plan in plans:
        if not plan.text_notes:
            continue
        starts = [(n.line, n.id) for n, _ in iter_nodes(plan)]
        items = list(plan.items)  # a framework's items (and their items) hold text too
        while items:
            item = items.pop()
            starts.append((item.line, item.id))
            items.extend(item.items)
        starts.sort()
        for line, chars in plan.text_notes:
            node = None
            for start, node_id in starts:
                if start > line:
                    break
                node = node_id
            shown = ", ".join(f"{c} ({normalise(chr(int(c[2:], 16)))[0]})" for c in chars)
            out.append(
                Finding("control-character", node, plan.source, line, params={"chars": shown})
            )
    return out


_SEVERITY_RANK = {"error": 0, "warning": 1, "info": 2}


def _sorted_findings(findings: list[Finding], files: list[str]) -> list[Finding]:
    """Errors first; then in plan order (samfunnsdel first), then by line."""
    rank = {f: i for i, f in enumerate(files)}
    return sorted(
        findings,
        key=lambda f: (
            _SEVERITY_RANK[f.severity],
            rank.get(f.file, len(rank)),
            f.file,
            f.line,
            f.code,
            f.node or "",
            f.target or "",
        ),
    )
