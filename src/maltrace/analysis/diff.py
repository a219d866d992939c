"""Two analyses of a plan set (OLD and NEW) -> what changed, and what a planner must act on.

Nodes are matched node by node:

- the same id in both, with nearly the same title, is the same node (``reworded`` when its
  title or description changed, ``moved`` when its parent or plan changed);
- a node whose title is found, or nearly found, under another id on the other side is
  ``renumbered`` — also when its old id now belongs to another node (a reused id);
- what is left is ``added`` or ``removed``.

"Nearly the same" is decided by words, never by ids (see ``maltrace.analysis.matching``):
Jaccard similarity of the titles' normalised word sets at least ``SIMILARITY`` (0.6).

A ``follows_up`` link in NEW is judged against OLD only if it was written against OLD: the same
follower (or its renumbered self) had the same link in OLD, or the target no longer exists. Such
a link to a renumbered node counts for the node it was written for, so when its old id now
belongs to another goal, that goal is *not* followed up by it (NEW's coverage is counted so).
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

from maltrace.analysis.matching import (
    Side,
    WordOp,
    match_nodes,
    similarity,
    word_diff,
)
from maltrace.analysis.results import Analysis
from maltrace.analysis.trace import analyse
from maltrace.graph import FOLLOWS_UP
from maltrace.i18n import Lang, t
from maltrace.load import LoadFailed, PlanFiles, PlanInfo, load_plan_files
from maltrace.load.sources import SideFailed, read_sides

if TYPE_CHECKING:
    pass

ChangeKind = Literal["added", "removed", "reworded", "renumbered", "moved", "header"]
CHANGE_KINDS: tuple[ChangeKind, ...] = (
    "header",
    "added",
    "removed",
    "renumbered",
    "reworded",
    "moved",
)
IMPACT_CODES = (
    "target-removed",
    "target-renumbered",
    "target-reworded",
    "new-goal-not-followed-up",
    "goal-lost-follow-up",
)
HEADER_FIELDS = ("title", "type", "status", "date", "follows", "relevant_goals")


@dataclass(frozen=True)
class Change:
    """One change between OLD and NEW. ``id`` is the id in NEW (the old id for ``removed``);
    ``file``/``line`` point into NEW (into OLD for ``removed``)."""

    change: ChangeKind
    plan: str
    kind: str  # area | goal | strategy | measure | plan
    id: str
    file: str
    line: int
    old_id: str | None = None
    old_title: str | None = None
    new_title: str | None = None
    old_description: str | None = None
    new_description: str | None = None
    old_parent: str | None = None
    new_parent: str | None = None
    old_plan: str | None = None
    field: str | None = None  # header: which header key
    old_value: str | None = None
    new_value: str | None = None
    reused_id: bool = False  # added: the id belonged to another node in OLD
    similarity: float | None = None  # renumbered: the words' Jaccard similarity
    words: tuple[tuple[WordOp, str], ...] = ()  # reworded/renumbered: word diff of the titles

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "change": self.change,
            "plan": self.plan,
            "kind": self.kind,
            "id": self.id,
        }
        for name in (
            "old_id",
            "old_title",
            "new_title",
            "old_description",
            "new_description",
            "old_parent",
            "new_parent",
            "old_plan",
            "field",
            "old_value",
            "new_value",
        ):
            value = getattr(self, name)
            if value is not None:
                out[name] = value
        if self.reused_id:
            out["reused_id"] = True
        if self.similarity is not None:
            out["similarity"] = round(self.similarity, 4)
        if self.words:
            out["words"] = [[op, text] for op, text in self.words]
        out["file"] = self.file
        out["line"] = self.line
        return out


@dataclass(frozen=True)
class Impact:
    """Something in NEW a planner must act on, with file and line in NEW."""

    code: str
    node: str
    plan: str
    file: str
    line: int
    target: str | None = None
    suggestion: str | None = None
    params: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    def _params(self) -> dict[str, Any]:
        return {
            "node": self.node,
            "target": self.target,
            "suggestion": self.suggestion,
            **self.params,
        }

    def message(self, lang: Lang) -> str:
        return t(f"impact.{self.code}", lang, **self._params())

    def fix(self, lang: Lang) -> str:
        return t(f"impact_fix.{self.code}", lang, **self._params())

    def location(self) -> str:
        return f"{self.file}:{self.line}" if self.line else self.file

    def as_dict(self, lang: Lang) -> dict[str, Any]:
        out: dict[str, Any] = {"code": self.code, "node": self.node}
        if self.target is not None:
            out["target"] = self.target
        if self.suggestion is not None:
            out["suggestion"] = self.suggestion
        out.update(
            plan=self.plan,
            file=self.file,
            line=self.line,
            message=self.message(lang),
            fix=self.fix(lang),
        )
        return out


@dataclass(frozen=True)
class PlanDiff:
    """What changed from ``old`` to ``new`` and what it breaks.

    ``new`` is NEW's analysis with links written for a renumbered node not counted for the
    node that now has its old id (see the module text); its coverage is the "after" figure.
    ``renumbered`` maps old id -> new id.
    """

    old_label: str
    new_label: str
    old: Analysis
    new: Analysis
    changes: tuple[Change, ...]
    impact: tuple[Impact, ...]
    renumbered: dict[str, str]
    lang: Lang

    def exit_code(self) -> int:
        """0 when nothing needs action, 1 when there is impact."""
        return 1 if self.impact else 0

    def changes_of(self, kind: ChangeKind) -> tuple[Change, ...]:
        return tuple(c for c in self.changes if c.change == kind)

    def changed_nodes(self) -> dict[str, tuple[str, ...]]:
        """Node id in NEW -> the change kinds it has (for marks in a diagram)."""
        out: dict[str, list[str]] = {}
        for c in self.changes:
            if c.kind != "plan" and c.change != "removed":
                out.setdefault(c.id, []).append(c.change)
        return {k: tuple(v) for k, v in out.items()}


def diff_analyses(
    old: Analysis,
    new: Analysis,
    *,
    old_label: str = "OLD",
    new_label: str = "NEW",
    lang: Lang | None = None,
) -> PlanDiff:
    """Changes and impact from ``old`` to ``new`` (both whole-set analyses with their graphs)."""
    o = Side(old.graph, dict(old.graph.nodes.items()))
    n = Side(new.graph, dict(new.graph.nodes.items()))
    kept, renumbered = match_nodes(o, n)
    forward = {**kept, **renumbered}  # old id -> new id of the same node
    back = {v: k for k, v in forward.items()}
    changes = _changes(old, new, o, n, kept, renumbered, back)
    stale, link_impact = _link_impact(o, n, forward, back, renumbered, changes)
    adjusted = _without_links(new, stale) if stale else new
    impact = [*link_impact, *_goal_impact(old, adjusted, n, forward, back)]
    return PlanDiff(
        old_label=old_label,
        new_label=new_label,
        old=old,
        new=adjusted,
        changes=tuple(changes),
        impact=tuple(_sorted_impact(impact, list(adjusted.plan_files.values()))),
        renumbered=renumbered,
        lang=lang or new.lang,
    )


def _changes(
    old: Analysis,
    new: Analysis,
    o: Side,
    n: Side,
    kept: dict[str, str],
    renumbered: dict[str, str],
    back: dict[str, str],
) -> list[Change]:
    out: list[Change] = []
    old_plans = {p.id: p for p in old.plans}
    new_plans = {p.id: p for p in new.plans}
    per_plan: dict[str, list[Change]] = {p: [] for p in [*new_plans, *old_plans]}
    for pid, info in new_plans.items():
        file = new.plan_files[pid]
        if pid not in old_plans:
            per_plan[pid].append(
                Change("added", pid, "plan", pid, file, info.line, new_title=info.title)
            )
            continue
        per_plan[pid].extend(_header_changes(old_plans[pid], info, file))
    for node_id, data in n.nodes.items():
        pid = data["plan"]
        where = (data["file"], data["line"])
        kind = data["kind"].value
        model = data["model"]
        old_id = back.get(node_id)
        if old_id is None:
            reused = node_id in o.nodes
            per_plan[pid].append(
                Change(
                    "added",
                    pid,
                    kind,
                    node_id,
                    *where,
                    new_title=data["title"],
                    old_title=o.nodes[node_id]["title"] if reused else None,
                    reused_id=reused,
                )
            )
            continue
        odata = o.nodes[old_id]
        omodel = odata["model"]
        if old_id != node_id:
            per_plan[pid].append(
                Change(
                    "renumbered",
                    pid,
                    kind,
                    node_id,
                    *where,
                    old_id=old_id,
                    old_title=odata["title"],
                    new_title=data["title"],
                    old_plan=odata["plan"] if odata["plan"] != pid else None,
                    similarity=similarity(o.words_of(old_id), n.words_of(node_id)),
                    words=word_diff(odata["title"], data["title"])
                    if odata["title"] != data["title"]
                    else (),
                )
            )
            continue
        if odata["title"] != data["title"] or (omodel.description or "") != (
            model.description or ""
        ):
            per_plan[pid].append(
                Change(
                    "reworded",
                    pid,
                    kind,
                    node_id,
                    *where,
                    old_title=odata["title"],
                    new_title=data["title"],
                    old_description=omodel.description,
                    new_description=model.description,
                    words=word_diff(odata["title"], data["title"]),
                )
            )
        old_parent = odata["parent"]
        if old_parent is None:
            same_parent = data["parent"] is None
        else:
            # The old parent as NEW calls it (its id, or its new number); a removed parent is
            # no parent in NEW, not even the node that has since taken its id.
            now = kept.get(old_parent) or renumbered.get(old_parent)
            same_parent = now is not None and now == data["parent"]
        if not same_parent or odata["plan"] != pid:
            per_plan[pid].append(
                Change(
                    "moved",
                    pid,
                    kind,
                    node_id,
                    *where,
                    new_title=data["title"],
                    old_parent=old_parent,
                    new_parent=data["parent"],
                    old_plan=odata["plan"] if odata["plan"] != pid else None,
                )
            )
    matched_old = set(kept) | set(renumbered)
    for pid, info in old_plans.items():
        if pid not in new_plans:
            per_plan[pid].append(
                Change(
                    "removed",
                    pid,
                    "plan",
                    pid,
                    old.plan_files[pid],
                    info.line,
                    old_title=info.title,
                )
            )
    for node_id, data in o.nodes.items():
        if node_id not in matched_old:
            per_plan[data["plan"]].append(
                Change(
                    "removed",
                    data["plan"],
                    data["kind"].value,
                    node_id,
                    data["file"],
                    data["line"],
                    old_title=data["title"],
                )
            )
    for changes in per_plan.values():
        out.extend(changes)
    return out


def _text(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, (list, tuple)):
        return ", ".join(str(v) for v in value)
    if hasattr(value, "isoformat"):
        return str(value.isoformat())
    return str(getattr(value, "value", value))


def _header_changes(old: PlanInfo, new: PlanInfo, file: str) -> list[Change]:
    out: list[Change] = []
    for name in HEADER_FIELDS:
        before, after = _text(getattr(old, name)), _text(getattr(new, name))
        if before != after:
            line = new.key_lines.get(name, new.line)
            out.append(
                Change(
                    "header",
                    new.id,
                    "plan",
                    new.id,
                    file,
                    line,
                    field=name,
                    old_value=before,
                    new_value=after,
                )
            )
    return out


# -- impact --------------------------------------------------------------------------------


def _link_impact(
    o: Side,
    n: Side,
    forward: dict[str, str],
    back: dict[str, str],
    renumbered: dict[str, str],
    changes: list[Change],
) -> tuple[set[tuple[str, str]], list[Impact]]:
    """Impact of links in NEW that were written against OLD; and the stale ones among them
    whose target id now names another node (they do not count for it)."""
    removed = {c.id for c in changes if c.change == "removed" and c.kind != "plan"}
    reworded = {c.id for c in changes if c.change == "reworded"}
    stale: set[tuple[str, str]] = set()
    out: list[Impact] = []
    for node_id, data in n.nodes.items():
        model = data["model"]
        if not model.follows_up:
            continue
        old_id = back.get(node_id)
        old_links = set(o.nodes[old_id]["model"].follows_up) if old_id is not None else set()
        where = (data["plan"], data["file"], model.key_lines.get("follows_up", model.line))
        for target in dict.fromkeys(model.follows_up):
            exists = target in n.nodes
            against_old = target in old_links or not exists
            if not against_old:
                continue
            if target in renumbered:
                if exists:
                    stale.add((node_id, target))
                title = o.nodes[target]["title"]
                out.append(
                    Impact(
                        "target-renumbered",
                        node_id,
                        *where,
                        target=target,
                        suggestion=renumbered[target],
                        params={"title": title},
                    )
                )
            elif target in removed:
                if exists:
                    stale.add((node_id, target))
                title = o.nodes[target]["title"]
                out.append(
                    Impact(
                        "target-removed", node_id, *where, target=target, params={"title": title}
                    )
                )
            elif target in reworded:
                out.append(
                    Impact(
                        "target-reworded",
                        node_id,
                        *where,
                        target=target,
                        params={"title": n.nodes[target]["title"]},
                    )
                )
    return stale, out


def _without_links(analysis: Analysis, stale: set[tuple[str, str]]) -> Analysis:
    """The analysis of the same graph without the ``stale`` (follower, target) links."""
    graph = analysis.graph.copy()
    for follower in {f for f, _ in stale}:
        data = graph.nodes[follower]
        model = data["model"]
        keep = [x for x in model.follows_up if (follower, x) not in stale]
        copied = model.model_copy()  # frozen: the copy's link list is set before anyone sees it
        copied.__dict__["follows_up"] = keep
        data["model"] = copied
    graph.remove_edges_from(
        (f, x) for f, x in stale if graph.has_edge(f, x) and graph.edges[f, x]["kind"] == FOLLOWS_UP
    )
    return dataclasses.replace(analyse(graph), lang=analysis.lang, focus=analysis.focus)


def _goal_impact(
    old: Analysis, new: Analysis, n: Side, forward: dict[str, str], back: dict[str, str]
) -> list[Impact]:
    out: list[Impact] = []
    status = {g.id: g for g in new.goals}
    for g in new.goals:
        if not g.followed_up and g.id not in back:
            data = n.nodes[g.id]
            out.append(
                Impact(
                    "new-goal-not-followed-up",
                    g.id,
                    g.plan,
                    data["file"],
                    data["line"],
                    params={"title": g.title},
                )
            )
    for g in old.goals:
        if not g.followed_up:
            continue
        now = forward.get(g.id)
        if now is None or now not in status or status[now].followed_up:
            continue
        data = n.nodes[now]
        out.append(
            Impact(
                "goal-lost-follow-up",
                now,
                data["plan"],
                data["file"],
                data["line"],
                params={"title": data["title"], "old_id": g.id},
            )
        )
    return out


def _sorted_impact(impact: Iterable[Impact], files: list[str]) -> list[Impact]:
    rank = {f: i for i, f in enumerate(files)}
    code_rank = {c: i for i, c in enumerate(IMPACT_CODES)}
    return sorted(
        impact,
        key=lambda i: (
            rank.get(i.file, len(rank)),
            i.file,
            i.line,
            code_rank[i.code],
            i.node,
            i.target or "",
        ),
    )


# -- loading both sides --------------------------------------------------------------------


def _analyse_side(found: PlanFiles, *, cache: bool = True) -> Analysis:
    """Load, build and analyse one side's files, already read (from disk or git); the per-file
    cache serves every file whose bytes were seen before. Unlike ``cached.analyse_found`` it
    keeps ``found``'s bytes: relink edits NEW's files from them. Raises ``LoadFailed``."""
    from maltrace.graph import build_graph

    plan_set = load_plan_files(found, cache=cache)
    return analyse(build_graph(plan_set))


def diff_sources(
    old: Sequence[str | os.PathLike[str]],
    new: Sequence[str | os.PathLike[str]] | None = None,
    *,
    lang: Lang | None = None,
    cache: bool = True,
    cwd: str | os.PathLike[str] | None = None,
) -> tuple[PlanDiff, PlanFiles]:
    """Read, load and analyse both sides and diff them; also the files of NEW as read (their
    bytes kept, for ``maltrace.edit``). Raises ``SideFailed`` naming the side that failed."""
    old_found, new_found, old_label, new_label = read_sides(old, new, cwd=cwd, hashed=cache)
    analyses = []
    for side, found, label in (("old", old_found, old_label), ("new", new_found, new_label)):
        try:
            analyses.append(_analyse_side(found, cache=cache))
        except LoadFailed as exc:
            raise SideFailed(side, label, exc) from None
    result = diff_analyses(
        analyses[0], analyses[1], old_label=old_label, new_label=new_label, lang=lang
    )
    return result, new_found
