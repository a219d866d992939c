"""What the pages show, taken from the analysis: the plan map's columns, a node's panel and its
red thread. Nothing here counts coverage; it reads what ``check`` found."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from maltrace.i18n import Lang, t

if TYPE_CHECKING:
    from maltrace.api import Analysis

# Columns, as planners draw them: the followed plan, the plans that follow it up, the tiltak.
COLUMNS = (
    ("followed", ("samfunnsplan",)),
    ("following", ("kommunedelplan", "temaplan")),
    ("measures", ("handlingsdel",)),
)
# A group (an area, a top goal) is drawn open when the whole column is at most this long, or
# when it holds what is selected, searched for or highlighted.
OPEN_UP_TO = 80
# Top nodes without children (tiltak, mostly) are listed in runs of at most this many.
CHUNK = 40
# Findings listed on the map; the rest are counted (``maltrace check`` lists all).
FINDINGS_SHOWN = 50


@dataclass(frozen=True)
class Filters:
    q: str = ""
    alert: bool = False
    plan: str = ""
    area: str = ""

    @property
    def active(self) -> bool:
        return bool(self.q or self.alert or self.plan or self.area)


@dataclass
class Row:
    id: str
    title: str
    kind: str
    depth: int
    alert: str | None
    selected: bool
    in_thread: bool


@dataclass
class Group:
    """Rows under one top node (an area, a goal), or a run of top nodes without children
    (``chunk``: tiltak listed flat), at most ``CHUNK`` of them."""

    id: str
    title: str
    rows: list[Row]
    total: int
    open: bool
    chunk: bool = False


@dataclass
class PlanBlock:
    id: str
    title: str
    groups: list[Group]


@dataclass
class Column:
    key: str
    heading: str
    plans: list[PlanBlock] = field(default_factory=list)

    @property
    def count(self) -> int:
        return sum(len(g.rows) for p in self.plans for g in p.groups)


@dataclass
class MapModel:
    columns: list[Column]
    shown: int
    total: int
    thread: frozenset[str]


class Thread:
    """The red thread through a node: up through what it follows up and what it belongs to,
    down through what follows it up and what is under it (the links ``check`` counted)."""

    def __init__(self, analysis: Analysis) -> None:
        nodes = analysis.graph.nodes
        self.up: dict[str, list[str]] = {}
        self.down: dict[str, list[str]] = {}
        for link in analysis.links:
            self.up.setdefault(link.source, []).append(link.target)
            self.down.setdefault(link.target, []).append(link.source)
        for n, data in nodes(data=True):
            parent = data.get("parent")
            if parent:
                self.up.setdefault(n, []).append(parent)
                self.down.setdefault(parent, []).append(n)

    def of(self, node: str) -> frozenset[str]:
        return frozenset(self._walk(node, self.up) | self._walk(node, self.down))

    def below(self, node: str) -> frozenset[str]:
        return frozenset(self._walk(node, self.down))

    @staticmethod
    def _walk(start: str, edges: Mapping[str, list[str]]) -> set[str]:
        seen = {start}
        stack = [start]
        while stack:
            for n in edges.get(stack.pop(), ()):
                if n not in seen:
                    seen.add(n)
                    stack.append(n)
        return seen


def alerts(analysis: Analysis) -> dict[str, str]:
    """Node id -> what is wrong with it, in the page's words' keys."""
    out = {g.id: ("justified" if g.justified else "uncovered") for g in analysis.goals}
    out = {k: v for k, v in out.items() if k in set(analysis.uncovered_goals)}
    out.update(dict.fromkeys(analysis.orphans, "orphan"))
    return out


def plan_map(
    analysis: Analysis, lang: Lang, filters: Filters, selected: str | None, thread: Thread
) -> MapModel:
    graph = analysis.graph
    nodes = graph.nodes
    alert = alerts(analysis)
    lit = thread.of(selected) if selected and selected in graph else frozenset()
    scope = thread.below(filters.area) if filters.area and filters.area in graph else None
    words = [w for w in filters.q.casefold().split() if w]
    by_plan: dict[str, list[str]] = {}
    for n, data in sorted(nodes(data=True), key=lambda item: item[1]["order"]):
        by_plan.setdefault(data["plan"], []).append(n)
    depth_of: dict[str, int] = {}
    top_of: dict[str, str] = {}
    for members in by_plan.values():
        for n in members:  # document order: a parent comes before its children
            parent = nodes[n]["parent"]
            depth_of[n] = depth_of[parent] + 1 if parent in depth_of else 0
            top_of[n] = top_of.get(parent, parent) if parent else n
    total = shown = 0
    columns: list[Column] = []
    for key, types in COLUMNS:
        column = Column(key, t(f"serve.col.{key}", lang))
        for info in analysis.plans:
            if info.type.value not in types:
                continue
            members = by_plan.get(info.id, [])
            total += len(members)
            if filters.plan and filters.plan != info.id:
                continue
            groups: dict[str, Group] = {}
            for n in members:
                data = nodes[n]
                text = f"{n} {data['title']}".casefold()
                if (
                    (words and not all(w in text for w in words))
                    or (filters.alert and n not in alert)
                    or (scope is not None and n not in scope)
                ):
                    continue
                top = top_of[n]
                group = groups.get(top)
                if group is None:
                    group = groups[top] = Group(top, nodes[top]["title"], [], 0, False)
                group.rows.append(
                    Row(
                        n,
                        data["title"],
                        data["kind"].value,
                        depth_of[n] - depth_of[top],
                        alert.get(n),
                        n == selected,
                        n in lit,
                    )
                )
            if groups:
                column.plans.append(PlanBlock(info.id, info.title, _chunked(groups.values())))
        count = column.count
        shown += count
        for plan in column.plans:
            for group in plan.groups:
                group.total = len(group.rows)
                group.open = (
                    count <= OPEN_UP_TO
                    or filters.active
                    or any(r.selected or r.in_thread for r in group.rows)
                )
        columns.append(column)
    return MapModel(columns, shown, total, lit)


def _chunked(groups: Iterable[Group]) -> list[Group]:
    """Single top nodes in a row become one group (a page of at most ``CHUNK``)."""
    out: list[Group] = []
    run: list[Row] = []

    def flush() -> None:
        for start in range(0, len(run), CHUNK):
            rows = run[start : start + CHUNK]
            label = rows[0].id if len(rows) == 1 else f"{rows[0].id} – {rows[-1].id}"
            out.append(Group("", label, rows, len(rows), False, chunk=True))
        run.clear()

    for group in groups:
        if len(group.rows) == 1 and group.rows[0].id == group.id and group.rows[0].depth == 0:
            run.append(group.rows[0])
        else:
            flush()
            out.append(group)
    flush()
    return out


def headline(check: Mapping[str, Any], lang: Lang) -> str:
    from maltrace.i18n import format_percent

    cov = check["coverage"]
    if not cov["goals"]:
        return t("check.no_goals_in_scope", lang)
    return t(
        "check.headline",
        lang,
        percent=format_percent(cov["ratio"], lang),
        followed=cov["followed_up"],
        total=cov["goals"],
    )


def per_area(check: Mapping[str, Any], lang: Lang) -> list[dict[str, Any]]:
    from maltrace.i18n import format_percent

    return [
        {
            "id": area,
            "title": a["title"],
            "percent": format_percent(a["ratio"], lang) if a["goals"] else "–",
            "followed": a["followed_up"],
            "goals": a["goals"],
            "ratio": a["ratio"],
        }
        for area, a in check["per_area"].items()
    ]


def panel(
    analysis: Analysis, node: str, lang: Lang, thread: Thread, status: Any | None
) -> dict[str, Any] | None:
    """What the panel shows of ``node``; None when there is no such node."""
    graph = analysis.graph
    if node not in graph:
        return None
    from maltrace.api import status_code

    nodes = graph.nodes
    data = nodes[node]
    model = data["model"]
    alert = alerts(analysis).get(node)
    followers = [link.source for link in analysis.links if link.target == node]
    valid = {link.target for link in analysis.links if link.source == node}

    def ref(n: str) -> dict[str, Any]:
        known = n in graph
        return {
            "id": n,
            "title": nodes[n]["title"] if known else "",
            "known": known,
            "valid": n in valid,
        }

    children = [n for n in thread.down.get(node, ()) if nodes[n]["parent"] == node]
    plan = graph.graph["plans"].get(data["plan"])
    out: dict[str, Any] = {
        "id": node,
        "title": data["title"],
        "kind": data["kind"].value,
        "kind_word": t(f"kind.{data['kind'].value}", lang),
        "plan": data["plan"],
        "plan_title": plan.plan.title if plan is not None else data["plan"],
        "description": getattr(model, "description", None),
        "parent": ref(data["parent"]) if data["parent"] else None,
        "children": [ref(n) for n in children],
        "follows_up": [ref(n) for n in model.follows_up],
        "followed_by": [ref(n) for n in followers],
        "alert": alert,
        "file": str(data["file"]),
        "line": data["line"],
        "findings": [
            f.as_dict(lang) for f in analysis.findings if f.node == node or f.target == node
        ],
        "reason": getattr(model, "reason_not_followed_up", None) or model.reason_no_link,
        "thread": len(thread.of(node)) - 1,
        "responsible": getattr(model, "responsible", None),
        "due": _text(getattr(model, "due", None)),
        "status_raw": getattr(model, "status", None),
        "status_code": status_code(getattr(model, "status", None))
        if data["kind"].value == "measure"
        else None,
        "indicators": [],
    }
    if status is not None:
        out.update(_status_of(status, node, lang))
    return out


def _text(value: object) -> str | None:
    if value is None:
        return None
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


def _status_of(doc: Mapping[str, Any], node: str, lang: Lang) -> dict[str, Any]:
    tiltak = doc.get("tiltak")
    overdue = tiltak.get("overdue", []) if isinstance(tiltak, dict) else []
    return {
        "overdue": node in overdue,
        "indicators": [i for i in _iter(doc.get("indicators")) if i.get("goal") == node],
    }


def _iter(value: object) -> Iterable[dict[str, Any]]:
    return [v for v in value if isinstance(v, dict)] if isinstance(value, list) else []
