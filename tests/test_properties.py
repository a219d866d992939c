"""Graph invariants on random plan sets (hypothesis)."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from maltrace.analysis import analyse
from maltrace.graph import CONTAINS, FOLLOWS_UP, build_graph
from maltrace.load import Plan, PlanSet, Strategy

# A goal tree as nested lists: each element is a list of children.
trees = st.recursive(st.just([]), lambda kids: st.lists(kids, max_size=3), max_leaves=25)


def _goals(tree: list[Any], prefix: str, out: list[str]) -> list[dict[str, Any]]:
    nodes = []
    for i, sub in enumerate(tree):
        gid = f"{prefix}.{i}"
        out.append(gid)
        nodes.append({"id": gid, "title": gid, "goals": _goals(sub, gid, out)})
    return nodes


@st.composite
def plan_sets(
    draw: st.DrawFn,
) -> tuple[PlanSet, list[str], dict[str, list[str]], dict[str, str | None]]:
    tree = draw(st.lists(trees, min_size=1, max_size=4))
    goal_ids: list[str] = []
    goals = _goals(tree, "G", goal_ids)
    kps = Plan.model_validate(
        {"plan": {"id": "KPS", "type": "samfunnsplan", "title": "S"}, "goals": goals}
    )
    n = draw(st.integers(0, 8))
    links = {
        f"S{i}": draw(st.lists(st.sampled_from([*goal_ids, "MISSING"]), max_size=3))
        for i in range(n)
    }
    kdp = Plan.model_validate(
        {
            "plan": {"id": "KDP", "type": "kommunedelplan", "title": "K", "follows": ["KPS"]},
            "strategies": [{"id": s, "title": s, "follows_up": t} for s, t in links.items()],
        }
    )
    parents: dict[str, str | None] = {}
    for g in goal_ids:
        parents[g] = g.rsplit(".", 1)[0] if g.count(".") > 1 else None
    return PlanSet([kps, kdp], []), goal_ids, links, parents


def brute_force(
    goal_ids: list[str], links: dict[str, list[str]], parents: dict[str, str | None]
) -> int:
    linked = {t for ts in links.values() for t in ts}

    def covered(g: str) -> bool:
        # followed up itself, or any goal below it is
        return any(x == g or _is_below(x, g, parents) for x in linked if x in parents)

    return sum(1 for g in goal_ids if covered(g))


def _is_below(x: str, g: str, parents: dict[str, str | None]) -> bool:
    p = parents[x]
    while p is not None:
        if p == g:
            return True
        p = parents[p]
    return False


@settings(max_examples=150, deadline=None)
@given(plan_sets())
def test_coverage_equals_brute_force_count(data):
    plan_set, goal_ids, links, parents = data
    a = analyse(build_graph(plan_set))
    assert a.coverage.goals == len(goal_ids)
    assert a.coverage.followed_up == brute_force(goal_ids, links, parents)
    assert a.per_plan["KDP"].coverage == a.coverage
    assert len(a.uncovered_goals) == a.coverage.goals - a.coverage.followed_up


@settings(max_examples=150, deadline=None)
@given(plan_sets(), st.data())
def test_adding_a_link_never_lowers_coverage(data, draw):
    plan_set, goal_ids, _links, _ = data
    before = analyse(build_graph(plan_set)).coverage.followed_up
    target = draw.draw(st.sampled_from(goal_ids))
    kdp = plan_set.plans[1]
    extra = kdp.model_copy(deep=True)
    extra.strategies.append(Strategy(id="NEW", title="n", follows_up=[target]))
    after = analyse(build_graph(PlanSet([plan_set.plans[0], extra], []))).coverage.followed_up
    assert after >= before
    assert after >= 1


@settings(max_examples=100, deadline=None)
@given(plan_sets())
def test_graph_shape(data):
    plan_set, goal_ids, links, _ = data
    g = build_graph(plan_set)
    contains = [(u, v) for u, v, k in g.edges(data="kind") if k == CONTAINS]
    follows = [(u, v) for u, v, k in g.edges(data="kind") if k == FOLLOWS_UP]
    roots = [n for n, d in g.nodes(data=True) if d["parent"] is None]
    # every node but a root has exactly one container, in its own plan
    assert len(contains) == g.number_of_nodes() - len(roots)
    assert all(g.nodes[u]["plan"] == g.nodes[v]["plan"] for u, v in contains)
    # one follows_up edge per distinct resolvable link
    expected = {(s, t) for s, ts in links.items() for t in ts if t != "MISSING"}
    assert set(follows) == expected
    assert set(goal_ids) <= set(g)


ID_CHARS = st.sampled_from(list("KPS-.12"))
IDS = st.text(ID_CHARS, min_size=1, max_size=8)


@settings(max_examples=300, deadline=None)
@given(word=IDS, pool=st.lists(IDS, max_size=40, unique=True))
def test_did_you_mean_picks_exactly_what_difflib_picks(word: str, pool: list[str]) -> None:
    import difflib

    from maltrace.nearest import close_match

    expected = difflib.get_close_matches(word, pool, n=1, cutoff=0.6)
    assert close_match(word, pool) == (expected[0] if expected else None)
