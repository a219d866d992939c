"""What an analysis finds: plain, frozen data that every renderer reads and none recomputes."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from maltrace.analysis.findings import Finding
from maltrace.i18n import Lang
from maltrace.load import PlanInfo

if TYPE_CHECKING:
    import networkx as nx  # imported where a graph is built: a cached result needs none

    from maltrace.analysis.frameworks import FrameworkCoverage

GAP_CODES = frozenset({"not-followed-up", "not-followed-up-justified"})


@dataclass(frozen=True)
class Coverage:
    """Oppfølgingsgrad: how many of ``goals`` are followed up."""

    goals: int
    followed_up: int

    @property
    def ratio(self) -> float:
        # No goals in scope means nothing is missing.
        return self.followed_up / self.goals if self.goals else 1.0

    def as_dict(self) -> dict[str, Any]:
        return {"goals": self.goals, "followed_up": self.followed_up, "ratio": round(self.ratio, 4)}


@dataclass(frozen=True)
class GoalStatus:
    """One goal in scope: is it followed up, and by which nodes directly."""

    id: str
    plan: str
    title: str
    area: str | None
    parent: str | None
    depth: int
    followed_up: bool
    followed_up_by: tuple[str, ...]
    # Why the plan leaves it (reason_not_followed_up): a justified gap, still not followed up.
    reason: str | None = None

    @property
    def justified(self) -> bool:
        return not self.followed_up and self.reason is not None


@dataclass(frozen=True)
class PlanCoverage:
    """How much of what a following plan answers for it follows up."""

    plan: str
    relevant: tuple[str, ...]
    followed_up: tuple[str, ...]
    uncovered: tuple[str, ...]

    @property
    def coverage(self) -> Coverage:
        return Coverage(len(self.relevant), len(self.followed_up))


@dataclass(frozen=True)
class AreaCoverage:
    area: str
    plan: str
    title: str
    goals: tuple[str, ...]
    uncovered: tuple[str, ...]

    @property
    def coverage(self) -> Coverage:
        return Coverage(len(self.goals), len(self.goals) - len(self.uncovered))


@dataclass(frozen=True)
class Link:
    """A valid follows_up link: ``source`` (in a following plan) follows up ``target``."""

    source: str
    target: str
    source_plan: str
    target_plan: str


class GraphSource:
    """The graph an analysis was made from: the graph itself, or — for an analysis taken from
    the cache — a way to build it again from the same bytes, used only when something asks
    (a diagram or a report; ``maltrace check`` never does)."""

    def __init__(
        self, graph: nx.DiGraph | None = None, build: Callable[[], nx.DiGraph] | None = None
    ) -> None:
        if graph is None and build is None:
            raise ValueError("a graph or a way to build it")
        self._graph = graph
        self._build = build

    def get(self) -> nx.DiGraph:
        if self._graph is None:
            assert self._build is not None
            self._graph, self._build = self._build(), None
        return self._graph


@dataclass(frozen=True)
class Analysis:
    """Everything ``maltrace check`` knows about a plan set, in stable (document) order.

    ``focus`` names the plan when this is one plan's view (see ``focus_plan``). ``graph`` is the
    plan set's graph (see ``maltrace.graph``); every other field is plain data, and only that
    is cached.
    """

    source: GraphSource = field(repr=False, compare=False)
    plans: tuple[PlanInfo, ...]
    plan_files: dict[str, str]
    coverage: Coverage
    goals: tuple[GoalStatus, ...]
    per_plan: dict[str, PlanCoverage]
    per_area: tuple[AreaCoverage, ...]
    links: tuple[Link, ...]
    orphans: tuple[str, ...]
    findings: tuple[Finding, ...]
    lang: Lang
    focus: str | None = None
    # Frameworks in use, by id; never part of the oppfølgingsgrad.
    frameworks: dict[str, FrameworkCoverage] = field(default_factory=dict)
    # The set's own framework files (type: rammeverk): never written over, like plan files.
    framework_files: tuple[str, ...] = ()

    @property
    def protected_files(self) -> tuple[str, ...]:
        """Every file of the set that was read: plans and the set's own frameworks."""
        return (*self.plan_files.values(), *self.framework_files)

    # The key of the files this was made from (``PlanFiles.key``), when cached: lets results
    # made from it (maltrace status) be cached too. Not part of the cached result itself.
    source_key: str | None = field(default=None, repr=False, compare=False)

    @property
    def graph(self) -> nx.DiGraph:
        return self.source.get()

    @property
    def uncovered_goals(self) -> tuple[str, ...]:
        return tuple(g.id for g in self.goals if not g.followed_up)

    @property
    def errors(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.severity == "error")

    @property
    def warnings(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.severity == "warning")

    @property
    def infos(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.severity == "info")

    @property
    def per_goal_plan(self) -> dict[str, Coverage]:
        """The coverage split by the plan that sets the goals (the samfunnsdel's own, each
        kommunedelplan's own), in the plans' order: the parts add up to ``coverage``."""
        order = {p.id: i for i, p in enumerate(self.plans)}
        out: dict[str, list[int]] = {}
        for g in sorted(self.goals, key=lambda g: order.get(g.plan, len(order))):
            counts = out.setdefault(g.plan, [0, 0])
            counts[0] += 1
            counts[1] += g.followed_up
        return {plan: Coverage(n, followed) for plan, (n, followed) in out.items()}

    @property
    def justified_goals(self) -> tuple[GoalStatus, ...]:
        return tuple(g for g in self.goals if g.justified)

    def exit_code(self, *, fail_under: float = 100.0, strict: bool = False) -> int:
        """0 when the red thread holds; 1 for integrity errors, coverage under ``fail_under``
        (percent), or — with ``strict`` — any warning.

        A justified gap still counts as not followed up in the oppfølgingsgrad, but not against
        ``fail_under``: the test is (followed up + justified) / goals."""
        if any(f.code != "not-followed-up" for f in self.errors):
            return 1
        cov = self.coverage
        accounted = cov.followed_up + len(self.justified_goals)
        if accounted * 100 < fail_under * cov.goals:
            return 1
        if strict and self.warnings:
            return 1
        return 0

    def plan_info(self, plan_id: str) -> PlanInfo:
        for p in self.plans:
            if p.id == plan_id:
                return p
        raise KeyError(plan_id)

    def node(self, node_id: str) -> dict[str, Any]:
        """The graph attributes of a node: kind, plan, title, model, parent, area, file, line."""
        data: dict[str, Any] = self.graph.nodes[node_id]
        return data
