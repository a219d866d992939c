"""Frameworks and ladders: which items the plans address through ``contributes_to``.

A node *addresses* a framework item when it names the item, or an item nested under it, in
``contributes_to`` (a target addresses its SDG). A top-level item is addressed when it or any
item under it is. A node that names the framework itself (``contributes_to: [AMT]``) stands
across every step ("på tvers av trinna"): it is shown apart and never fills a gap.

This never touches the oppfølgingsgrad: ``contributes_to`` is not ``follows_up``.

Frameworks shown: each one some plan declares (``plan.frameworks``) or some node contributes to.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from maltrace.analysis.findings import Finding
from maltrace.load import Plan
from maltrace.load.frameworks import Framework, known_frameworks

if TYPE_CHECKING:
    from maltrace.nearest import Suggester


@dataclass(frozen=True)
class FrameworkCoverage:
    """One framework as the plans (or one plan, in ``per_plan``) address it.

    ``per_item``: every item (at any depth) that some node names, with those nodes in document
    order. ``addressed`` / ``not_addressed``: the top-level items (a ladder's steps), in the
    framework's order. ``cross_cutting``: nodes naming the framework itself.
    """

    framework: Framework
    per_item: dict[str, tuple[str, ...]]
    addressed: tuple[str, ...]
    not_addressed: tuple[str, ...]
    cross_cutting: tuple[str, ...] = ()
    declared_by: tuple[str, ...] = ()
    per_plan: dict[str, FrameworkCoverage] = field(default_factory=dict)

    @property
    def id(self) -> str:
        return self.framework.id

    @property
    def items(self) -> int:
        return len(self.framework.items)

    @property
    def ratio(self) -> float:
        return len(self.addressed) / self.items if self.items else 1.0

    def addressed_by(self, top_item: str) -> tuple[str, ...]:
        """Every node addressing a top-level item, directly or through a nested item."""
        top = next((i for i in self.framework.items if i.id == top_item), None)
        if top is None:
            return ()
        out: dict[str, None] = {}
        for item in top.walk():
            out.update(dict.fromkeys(self.per_item.get(item.id, ())))
        return tuple(out)


def analyse_frameworks(
    plans: dict[str, Plan],
    own: Iterable[Plan],
    nodes: dict[str, dict[str, Any]],
    order: list[str],
    findings: list[Finding],
    suggester: type[Suggester],
) -> dict[str, FrameworkCoverage]:
    """Coverage of every framework in use; a ``dangling-framework-link`` finding for each name
    that is no known item or framework, an ``unknown-framework`` for each plan that declares one
    that does not exist."""
    # Nodes that name something, gathered first: most sets name nothing, and then no framework
    # file is read at all.
    contributing = [n for n in order if nodes[n]["model"].contributes_to]
    declared = {pid: p.plan.frameworks for pid, p in plans.items() if p.plan.frameworks}
    if not contributing and not declared:
        return {}
    frameworks = known_frameworks(own)
    top_of: dict[str, tuple[str, str]] = {}  # item id -> (framework id, top-level item id)
    for fw in frameworks.values():
        for item, top in fw.walk():
            top_of.setdefault(item.id, (fw.id, top.id))
    suggest: Suggester | None = None

    def closest(word: str) -> str | None:
        nonlocal suggest
        if suggest is None:
            suggest = suggester([*frameworks, *top_of])
        return suggest.suggest(word)

    used: dict[str, None] = {}
    declared_by: dict[str, list[str]] = {}
    for pid, ids in declared.items():
        plan = plans[pid]
        line = plan.plan.key_lines.get("frameworks", plan.plan.line)
        for fid in dict.fromkeys(ids):
            if fid in frameworks:
                used.setdefault(fid)
                declared_by.setdefault(fid, []).append(pid)
            else:
                findings.append(
                    Finding(
                        "unknown-framework",
                        None,
                        plan.source,
                        line,
                        fid,
                        closest(fid),
                        {"plan": pid},
                    )
                )

    # (framework, item) -> nodes; framework -> cross-cutting nodes; plan of each node kept apart.
    per_item: dict[str, dict[str, list[str]]] = {}
    across: dict[str, list[str]] = {}
    for node_id in contributing:
        data = nodes[node_id]
        model = data["model"]
        targets = model.contributes_to
        for target in targets if len(targets) == 1 else dict.fromkeys(targets):
            hit = top_of.get(target)
            if hit is not None:
                used.setdefault(hit[0])
                per_item.setdefault(hit[0], {}).setdefault(target, []).append(node_id)
            elif target in frameworks:
                used.setdefault(target)
                across.setdefault(target, []).append(node_id)
            else:
                line = model.key_lines.get("contributes_to", model.line)
                findings.append(
                    Finding(
                        "dangling-framework-link",
                        node_id,
                        data["file"],
                        line,
                        target,
                        closest(target),
                    )
                )

    out: dict[str, FrameworkCoverage] = {}
    plan_rank = {pid: i for i, pid in enumerate(plans)}
    for fid in _in_order(used, frameworks):
        fw = frameworks[fid]
        place = {item.id: (i, top.id) for i, (item, top) in enumerate(fw.walk())}
        items = per_item.get(fid, {})
        cross = across.get(fid, [])
        declarers = tuple(declared_by.get(fid, ()))
        # One pass to split the nodes by plan: a country's plans must not cost plans × nodes.
        plan_items: dict[str, dict[str, list[str]]] = {pid: {} for pid in declarers}
        plan_cross: dict[str, list[str]] = {}
        for item_id, contributors in items.items():
            for n in contributors:
                plan_items.setdefault(nodes[n]["plan"], {}).setdefault(item_id, []).append(n)
        for n in cross:
            pid = nodes[n]["plan"]
            plan_items.setdefault(pid, {})
            plan_cross.setdefault(pid, []).append(n)
        per_plan = {
            pid: _coverage(
                fw,
                place,
                plan_items[pid],
                plan_cross.get(pid, []),
                declarers if pid in declarers else (),
                {},
            )
            for pid in sorted(plan_items, key=plan_rank.__getitem__)
        }
        out[fid] = _coverage(fw, place, items, cross, declarers, per_plan)
    return out


def _coverage(
    fw: Framework,
    place: dict[str, tuple[int, str]],
    items: dict[str, list[str]],
    cross: list[str],
    declared_by: tuple[str, ...],
    per_plan: dict[str, FrameworkCoverage],
) -> FrameworkCoverage:
    """``place``: each item's position in the framework and its top-level item."""
    named = sorted((i for i, ns in items.items() if ns), key=lambda i: place[i][0])
    per_item = {i: tuple(items[i]) for i in named}
    hit_tops = {place[i][1] for i in named}
    return FrameworkCoverage(
        framework=fw,
        per_item=per_item,
        addressed=tuple(i.id for i in fw.items if i.id in hit_tops),
        not_addressed=tuple(i.id for i in fw.items if i.id not in hit_tops),
        cross_cutting=tuple(cross),
        declared_by=declared_by,
        per_plan=per_plan,
    )


def _in_order(used: dict[str, None], frameworks: dict[str, Framework]) -> list[str]:
    """The frameworks in use: built-in ones in their listed order, then the set's own."""
    rank = {fid: i for i, fid in enumerate(frameworks)}
    return sorted(used, key=rank.__getitem__)


def plan_view(
    frameworks: dict[str, FrameworkCoverage], plan_id: str
) -> dict[str, FrameworkCoverage]:
    """The frameworks as one plan addresses them (only its own nodes count)."""
    return {fid: fc.per_plan[plan_id] for fid, fc in frameworks.items() if plan_id in fc.per_plan}
