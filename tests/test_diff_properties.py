"""``maltrace diff`` on random pairs of plan sets (hypothesis): two plans, areas and nested
goals, so that goals move, change plan, get new numbers and lose or gain their parents.

Each node has an identity that outlives its id: its title, made of words no other node uses.
NEW is made from OLD by a few planner's edits — remove nodes, give nodes new ids (fresh ones,
the id of a removed node, or each other's), put a node under another parent or at the top of
either plan, add new nodes — so the truth of every change is known without asking the diff.
The invariant that matters to a planner:

    a node kept under its id is ``moved`` exactly when its parent or its plan changed, where
    "its parent" is the same node, whatever id it has now (a renumbered parent is no move,
    a removed parent whose id another node has taken is).

A node that got a new id is reported once, as ``renumbered`` (with its old plan when that
changed), never also as ``moved``.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from hypothesis import example, given, settings
from hypothesis import strategies as st

from maltrace.analysis import Analysis, analyse
from maltrace.analysis.diff import PlanDiff, diff_analyses
from maltrace.graph import build_graph
from maltrace.load import Plan, PlanSet

PLANS = ("KPS", "KDP")
# A few titles shared between nodes: the same or nearly the same words under several ids.
SHARED_TITLES = ["Eldre bur heime", "Barn og unge", "Trygg bustad", "Eldre bur trygt heime"]


@dataclass(frozen=True)
class Node:
    kind: str  # "area" (top of a plan only), "goal", or "strategy" (top of KDP only)
    id: str
    plan: str
    parent: int | None  # the identity of the parent; always a smaller one
    title: str
    follows_up: tuple[str, ...] = ()


Side = dict[int, Node]  # identity -> node


def _title(identity: int) -> str:
    # Words no other identity has (digits keep the word endings from being cut).
    return f"Tema{identity} innsats{identity} retning{identity}"


def analysis_of(side: Side) -> Analysis:
    """The two plans (KDP follows KPS) with ``side``'s nodes nested as they say."""
    kids: dict[int | None, list[int]] = {}
    for identity, node in side.items():
        kids.setdefault(node.parent, []).append(identity)

    def body(identity: int) -> dict[str, Any]:
        node = side[identity]
        out: dict[str, Any] = {"id": node.id, "title": node.title}
        if node.kind == "strategy":
            return {**out, "follows_up": list(node.follows_up)}
        return {**out, "goals": [body(k) for k in kids.get(identity, [])]}

    plans = []
    for pid in PLANS:
        top = [k for k in kids.get(None, []) if side[k].plan == pid]
        header: dict[str, Any] = {"id": pid, "type": "samfunnsplan", "title": pid}
        if pid == "KDP":
            header.update(type="kommunedelplan", follows=["KPS"])
        plans.append(
            Plan.model_validate(
                {
                    "plan": header,
                    "areas": [body(k) for k in top if side[k].kind == "area"],
                    "goals": [body(k) for k in top if side[k].kind == "goal"],
                    "strategies": [body(k) for k in top if side[k].kind == "strategy"],
                }
            )
        )
    return analyse(build_graph(PlanSet(plans, [])))


@st.composite
def old_sides(draw: st.DrawFn, *, shared_titles: bool = False) -> Side:
    side: Side = {}
    for identity in range(draw(st.integers(0, 10))):
        kind = draw(st.sampled_from(["area", "goal", "goal", "goal", "strategy"]))
        parent = None
        if kind == "goal":
            parent = draw(st.sampled_from([None, *_containers(side)]))
        plan = side[parent].plan if parent is not None else draw(st.sampled_from(PLANS))
        links: tuple[str, ...] = ()
        if kind == "strategy":  # a strategy of the kommunedelplan, linking goals (or nothing)
            plan = "KDP"
            targets = [n.id for n in side.values() if n.kind == "goal"]
            links = tuple(draw(st.lists(st.sampled_from([*targets, "X"]), max_size=3)))
        title = _title(identity)
        if shared_titles and draw(st.booleans()):
            title = draw(st.sampled_from(SHARED_TITLES))
        prefix = {"area": "A", "goal": "G", "strategy": "S"}[kind]
        side[identity] = Node(kind, f"{prefix}{identity}", plan, parent, title, links)
    return side


def _containers(side: Side) -> list[int]:
    return [k for k, n in side.items() if n.kind != "strategy"]


@st.composite
def edited(draw: st.DrawFn, old: Side) -> Side:
    """NEW: ``old`` after a planner's edits (titles never change, so identities are exact)."""
    # Strategies stay as they are, links and all: they follow up goals that may have moved,
    # got new numbers or gone.
    goals_and_areas = sorted(_containers(old))
    removed = (
        set(draw(st.lists(st.sampled_from(goals_and_areas), unique=True)))
        if goals_and_areas
        else set()
    )
    kept = [k for k in old if k not in removed]
    ids = {k: old[k].id for k in kept}
    # Some goals pass their ids round (each takes the next one's), some take a removed node's
    # id, some get a fresh id.
    goals = [k for k in kept if old[k].kind == "goal"]
    ring = draw(st.lists(st.sampled_from(goals), unique=True, max_size=3)) if goals else []
    for k, nxt in zip(ring, [*ring[1:], *ring[:1]], strict=True):
        ids[k] = old[nxt].id
    free = sorted(old[k].id for k in removed)
    # A removed parent's id given to a node before its first child, which may then go under it
    # (see below): the child is under the same id, but not under the same goal.
    orphans = {old[k].parent: k for k in reversed(kept) if old[k].parent in removed}
    if orphans and draw(st.booleans()):
        gone, child = draw(st.sampled_from(sorted(orphans.items())))
        heirs = [k for k in _containers(old) if k < child and k in ids and k not in ring]
        if heirs:
            ids[draw(st.sampled_from(heirs))] = old[gone].id
            free.remove(old[gone].id)
    for k in kept:
        if k in ring or old[k].kind == "strategy" or ids[k] != old[k].id:
            continue
        how = draw(st.sampled_from(["same", "same", "fresh", "removed"]))
        if how == "fresh":
            ids[k] = f"{old[k].id}n"
        elif how == "removed" and free:
            ids[k] = free.pop(draw(st.integers(0, len(free) - 1)))
    new: Side = {}
    for k in kept:
        node = old[k]
        parent = node.parent
        gone = parent is not None and parent not in new
        if node.kind == "goal" and (gone or draw(st.integers(0, 3)) == 0):  # somewhere else
            # under the node that has taken the removed parent's id, if one has
            heir = [p for p in new if gone and new[p].id == old[node.parent].id]
            parent = heir[0] if heir else draw(st.sampled_from([None, *_containers(new)]))
        top = parent is None
        plan = new[parent].plan if parent is not None else node.plan
        if top and node.kind != "strategy" and draw(st.integers(0, 3)) == 0:  # the other plan
            plan = PLANS[1 - PLANS.index(node.plan)]
        new[k] = replace(node, id=ids[k], plan=plan, parent=parent)
    # New nodes: fresh ids, titles no old node has.
    start = max(old, default=-1) + 1
    for identity in range(start, start + draw(st.integers(0, 3))):
        parent = draw(st.sampled_from([None, *_containers(new)]))
        plan = new[parent].plan if parent is not None else draw(st.sampled_from(PLANS))
        new[identity] = Node("goal", f"N{identity}", plan, parent, _title(identity))
    return new


@st.composite
def pairs(draw: st.DrawFn) -> tuple[Side, Side]:
    old = draw(old_sides())
    return old, draw(edited(old))


def _moved(d: PlanDiff) -> set[str]:
    return {c.id for c in d.changes_of("moved")}


# G2's parent G0 is removed and G1 takes its number: G2 is under "G0" on both sides, but
# under another goal (found by this test; rare enough to keep as a fixed case).
_LENT_ID = (
    {
        0: Node("goal", "G0", "KPS", None, _title(0)),
        1: Node("goal", "G1", "KPS", None, _title(1)),
        2: Node("goal", "G2", "KPS", 0, _title(2)),
    },
    {
        1: Node("goal", "G0", "KPS", None, _title(1)),
        2: Node("goal", "G2", "KPS", 1, _title(2)),
    },
)


@settings(max_examples=300, deadline=None)
@given(pairs())
@example(_LENT_ID)
def test_moved_exactly_when_parent_or_plan_changed_counting_renumbering(
    pair: tuple[Side, Side],
) -> None:
    old, new = pair
    d = diff_analyses(analysis_of(old), analysis_of(new))
    both = [k for k in new if k in old]
    # Identities are found again: the same id is kept, another id is renumbered.
    assert d.renumbered == {old[k].id: new[k].id for k in both if old[k].id != new[k].id}
    assert {c.id for c in d.changes_of("added")} == {new[k].id for k in new if k not in old}
    assert {c.id for c in d.changes_of("removed")} == {old[k].id for k in old if k not in new}
    assert d.changes_of("reworded") == ()
    same_id = [k for k in both if old[k].id == new[k].id]
    expected = {
        new[k].id for k in same_id if old[k].parent != new[k].parent or old[k].plan != new[k].plan
    }
    assert _moved(d) == expected
    for c in d.changes_of("moved"):
        [k] = [k for k in same_id if new[k].id == c.id]
        old_parent, new_parent = old[k].parent, new[k].parent
        assert c.old_parent == (old[old_parent].id if old_parent is not None else None)
        assert c.new_parent == (new[new_parent].id if new_parent is not None else None)
        assert c.old_plan == (old[k].plan if old[k].plan != new[k].plan else None)
    # A renumbered node says so once, with its old plan when it changed plan.
    for c in d.changes_of("renumbered"):
        [k] = [k for k in both if new[k].id == c.id]
        assert c.old_id == old[k].id
        assert c.old_plan == (old[k].plan if old[k].plan != new[k].plan else None)


@settings(max_examples=150, deadline=None)
@given(old_sides(shared_titles=True))
def test_a_set_against_itself_is_empty(side: Side) -> None:
    a = analysis_of(side)
    d = diff_analyses(a, a)
    assert d.changes == () and d.impact == ()


@settings(max_examples=150, deadline=None)
@given(old_sides(shared_titles=True), old_sides(shared_titles=True))
def test_diff_reverses_for_added_removed_renumbered_and_moved(a_side: Side, b_side: Side) -> None:
    a, b = analysis_of(a_side), analysis_of(b_side)
    ab, ba = diff_analyses(a, b), diff_analyses(b, a)
    assert {c.id for c in ab.changes_of("added")} == {c.id for c in ba.changes_of("removed")}
    assert {c.id for c in ab.changes_of("removed")} == {c.id for c in ba.changes_of("added")}
    assert {v: k for k, v in ab.renumbered.items()} == ba.renumbered
    assert _moved(ab) == _moved(ba)


@settings(max_examples=150, deadline=None)
@given(pairs())
def test_diff_reverses_on_edited_pairs(pair: tuple[Side, Side]) -> None:
    a, b = analysis_of(pair[0]), analysis_of(pair[1])
    ab, ba = diff_analyses(a, b), diff_analyses(b, a)
    assert {v: k for k, v in ab.renumbered.items()} == ba.renumbered
    assert _moved(ab) == _moved(ba)
