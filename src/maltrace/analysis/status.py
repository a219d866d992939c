"""From goal to result: tiltak status, overdue tiltak, indicator states (``maltrace status``).

Pure functions over a check ``Analysis`` (its graph and valid links), a date and indicator
values read from CSV files (``maltrace.load.measurements``); the results are frozen data that
every renderer reads and none recomputes.

Rules (the README documents them):

- A tiltak's ``status`` maps to a code (``STATUS_CODES``) from what planners write in nynorsk,
  bokmål or English, in any case; anything else is ``unknown`` (a warning ``unknown-status``),
  no status at all is ``none``.
- A tiltak is *overdue* when the last day its ``due`` allows has passed (``2025`` allows all of
  2025, ``2025–2026`` all of 2026) and it is neither ``done`` nor ``cancelled``.
- An indicator's state, from its latest value after the baseline year: ``reached`` when it meets
  the target (``up``: at least, ``down``: at most); ``on-track`` when not reached but at least as
  good as the straight line from baseline to target at that year (after the target year the
  line stays at the target); ``behind`` otherwise; ``no-data`` without a value after the baseline.
- A goal's state is the worst of its own indicators: behind, no-data, on-track, reached.
- A tiltak counts for every goal it traces up to: the goals it sits under, and — through valid
  ``follows_up`` links, at any depth — the goals and strategies it follows up and those above them.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import difflib
import functools
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

from maltrace.analysis.findings import Finding
from maltrace.analysis.results import Analysis
from maltrace.errors import UnknownPlanError
from maltrace.i18n import Lang
from maltrace.load import Goal, Kind, Measure
from maltrace.load.models import parse_due

if TYPE_CHECKING:
    from maltrace.load.models import Indicator

StatusCode = Literal["not-started", "ongoing", "done", "postponed", "cancelled"]
STATUS_CODES: tuple[StatusCode, ...] = ("not-started", "ongoing", "done", "postponed", "cancelled")
# What a tiltak's status is counted as: a code, "unknown" (unreadable) or "none" (not given).
COUNT_KEYS: tuple[str, ...] = (*STATUS_CODES, "unknown", "none")
# Not overdue however late: nothing more is to be done.
_CLOSED = frozenset({"done", "cancelled"})

IndicatorState = Literal["reached", "on-track", "behind", "no-data"]
# Worst first: a goal takes the worst state of its indicators.
STATES: tuple[IndicatorState, ...] = ("behind", "no-data", "on-track", "reached")

# What planners write, folded (see _fold); nn, nb and en, with the usual slips of form.
_SYNONYMS: dict[str, StatusCode] = {
    **dict.fromkeys(
        (
            "not started",
            "not-started",
            "not yet started",
            "ikkje starta",
            "ikkje starta opp",
            "ikkje påbyrja",
            "ikkje påbegynt",
            "ikke startet",
            "ikke starta",
            "ikke påbegynt",
            "ikkje byrja",
            "planlagt",
            "planned",
            "ny",
            "new",
        ),
        "not-started",
    ),
    **dict.fromkeys(
        (
            "ongoing",
            "in progress",
            "started",
            "pågår",
            "pågåande",
            "pågående",
            "i gang",
            "igangsett",
            "igangsatt",
            "starta",
            "startet",
            "under arbeid",
            "under gjennomføring",
            "påbyrja",
            "påbegynt",
        ),
        "ongoing",
    ),
    **dict.fromkeys(
        (
            "done",
            "completed",
            "complete",
            "finished",
            "fullført",
            "fullførd",
            "gjennomført",
            "gjennomførd",
            "ferdig",
            "avslutta",
            "avsluttet",
            "levert",
        ),
        "done",
    ),
    **dict.fromkeys(
        ("postponed", "delayed", "on hold", "utsett", "utsatt", "forseinka", "forsinket", "pause"),
        "postponed",
    ),
    **dict.fromkeys(
        (
            "cancelled",
            "canceled",
            "dropped",
            "avlyst",
            "avlyste",
            "kansellert",
            "avbrote",
            "avbrutt",
            "lagt bort",
            "utgår",
            "utgått",
        ),
        "cancelled",
    ),
}
_SPACES = re.compile(r"[\s_\-]+")


def _fold(text: str) -> str:
    return _SPACES.sub(" ", text.casefold()).strip(" .!")


_FOLDED = {_fold(k): v for k, v in _SYNONYMS.items()}


@functools.lru_cache(maxsize=1024)
def status_code(text: str | None) -> str:
    """The code a tiltak's written status means: a ``StatusCode``, ``unknown`` or ``none``."""
    if text is None or not text.strip():
        return "none"
    return _FOLDED.get(_fold(text), "unknown")


@functools.lru_cache(maxsize=1024)
def _due_date(due: str | dt.date) -> dt.date | None:
    return parse_due(due)  # a handlingsdel repeats a handful of years: read each once


def suggest_status(text: str) -> str | None:
    """The spelling an unknown status most likely meant (``pågåt`` -> ``pågår``)."""
    close = difflib.get_close_matches(_fold(text), list(_FOLDED), n=1, cutoff=0.6)
    return close[0] if close else None


# -- results ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class StatusCounts:
    """Tiltak by status code (every key of ``COUNT_KEYS``), and the overdue ones."""

    by_status: Mapping[str, int]
    overdue: tuple[str, ...] = ()

    @property
    def total(self) -> int:
        return sum(self.by_status.values())

    def get(self, code: str) -> int:
        return self.by_status.get(code, 0)

    def as_dict(self) -> dict[str, Any]:
        return {
            "total": self.total,
            "by_status": {k: self.get(k) for k in COUNT_KEYS},
            "overdue": list(self.overdue),
        }


@dataclass(frozen=True, slots=True)
class MeasureStatus:
    id: str
    plan: str
    title: str
    status: str  # a StatusCode, "unknown" or "none"
    written: str | None  # the status as written
    due: dt.date | None  # the last day the due allows
    due_written: str | None
    overdue: bool
    responsible: str | None
    cost: Mapping[int, float] | None
    goals: tuple[str, ...]  # every goal it traces up to


@dataclass(frozen=True, slots=True)
class IndicatorStatus:
    id: str
    goal: str
    plan: str
    title: str
    unit: str | None
    direction: Literal["up", "down"]
    baseline: tuple[int, float]
    target: tuple[int, float]
    values: tuple[tuple[int, float], ...]  # every value, by year (baseline and target apart)
    latest: tuple[int, float] | None  # the latest value after the baseline year
    expected: float | None  # the straight line at the latest value's year
    state: IndicatorState
    source: str | None

    def line_at(self, year: float) -> float:
        """The straight line from baseline to target at ``year`` (the target after its year)."""
        (y0, v0), (y1, v1) = self.baseline, self.target
        if year >= y1 or y1 <= y0:
            return v1
        if year <= y0:
            return v0
        return v0 + (v1 - v0) * (year - y0) / (y1 - y0)


@dataclass(frozen=True, slots=True)
class GoalProgress:
    id: str
    plan: str
    title: str
    area: str | None
    state: IndicatorState | None  # worst of its indicators; None without indicators
    tiltak: StatusCounts
    indicators: tuple[str, ...]


@dataclass(frozen=True)
class StatusResult:
    """What ``maltrace status`` knows: per tiltak, indicator, goal, plan and area."""

    today: dt.date
    lang: Lang
    analysis: Analysis = field(repr=False, compare=False)
    tiltak: tuple[MeasureStatus, ...]
    counts: StatusCounts
    indicators: tuple[IndicatorStatus, ...]
    goals: tuple[GoalProgress, ...]
    per_plan: dict[str, StatusCounts]
    per_area: dict[str, StatusCounts]
    findings: tuple[Finding, ...]

    @property
    def overdue(self) -> tuple[MeasureStatus, ...]:
        return tuple(m for m in self.tiltak if m.overdue)

    @property
    def behind(self) -> tuple[IndicatorStatus, ...]:
        return tuple(i for i in self.indicators if i.state == "behind")

    def state_counts(self) -> dict[str, int]:
        return {s: sum(1 for i in self.indicators if i.state == s) for s in reversed(STATES)}

    def exit_code(self, fail_on: Iterable[str] = ()) -> int:
        """0, or 1 when ``fail_on`` names ``behind`` and an indicator is behind, or ``overdue``
        and a tiltak is overdue."""
        wanted = set(fail_on)
        if "behind" in wanted and self.behind:
            return 1
        if "overdue" in wanted and self.overdue:
            return 1
        return 0


# -- the analysis ------------------------------------------------------------------------------


def analyse_status(
    analysis: Analysis,
    *,
    today: dt.date,
    measurements: Mapping[str, Mapping[int, float]] | None = None,
    lang: Lang | None = None,
) -> StatusResult:
    """Status of every tiltak and indicator in ``analysis``'s plan set on ``today``.

    ``measurements``: indicator id -> {year: value} read from the plans' CSV files; these win
    over values written in the plan for the same year.
    """
    graph = analysis.graph
    nodes: dict[str, dict[str, Any]] = dict(graph.nodes.items())
    order = list(graph)
    findings: list[Finding] = []
    links: dict[str, list[str]] = {}
    for link in analysis.links:
        links.setdefault(link.source, []).append(link.target)
    reach = _Reach(nodes, links)

    tiltak: list[MeasureStatus] = []
    for node_id in order:
        data = nodes[node_id]
        if data["kind"] is not Kind.MEASURE:
            continue
        m: Measure = data["model"]
        code = status_code(m.status)
        if code == "unknown":
            assert m.status is not None
            findings.append(
                Finding(
                    "unknown-status",
                    node_id,
                    data["file"],
                    data["line"],
                    suggestion=suggest_status(m.status),
                    params={"value": m.status.strip(), "title": data["title"]},
                )
            )
        due = _due_date(m.due) if m.due is not None else None
        tiltak.append(
            MeasureStatus(
                id=node_id,
                plan=data["plan"],
                title=data["title"],
                status=code,
                written=m.status,
                due=due,
                due_written=None if m.due is None else str(m.due),
                overdue=due is not None and due < today and code not in _CLOSED,
                responsible=m.responsible,
                cost=m.cost,
                goals=reach.goals(node_id),
            )
        )

    indicators: list[IndicatorStatus] = []
    for node_id in order:
        data = nodes[node_id]
        if data["kind"] is not Kind.GOAL:
            continue
        goal: Goal = data["model"]
        for ind in goal.indicators:
            values = dict(ind.values or {})
            values.update((measurements or {}).get(ind.id, {}))
            indicators.append(indicator_status(ind, node_id, data["plan"], values))

    return _assemble(analysis, today, lang, nodes, order, tiltak, indicators, findings)


def focus_status(result: StatusResult, plan_id: str) -> StatusResult:
    """``result`` as seen from one plan: its own tiltak, and the indicators of its own goals and
    of the goals it answers for (its relevant goals)."""
    analysis = result.analysis
    if plan_id not in analysis.plan_files:
        raise UnknownPlanError(plan_id, list(analysis.plan_files))
    graph = analysis.graph
    nodes: dict[str, dict[str, Any]] = dict(graph.nodes.items())
    pc = analysis.per_plan.get(plan_id)
    mine = {g for g in (pc.relevant if pc else ())}
    tiltak = [m for m in result.tiltak if m.plan == plan_id]
    indicators = [i for i in result.indicators if i.plan == plan_id or i.goal in mine]
    findings = [f for f in result.findings if f.file == analysis.plan_files[plan_id]]
    return _assemble(
        analysis, result.today, result.lang, nodes, list(graph), tiltak, indicators, findings
    )


def _assemble(
    analysis: Analysis,
    today: dt.date,
    lang: Lang | None,
    nodes: dict[str, dict[str, Any]],
    order: list[str],
    tiltak: list[MeasureStatus],
    indicators: list[IndicatorStatus],
    findings: list[Finding],
) -> StatusResult:
    own: dict[str, list[IndicatorStatus]] = {}
    for ind in indicators:
        own.setdefault(ind.goal, []).append(ind)
    by_goal: dict[str, list[MeasureStatus]] = {}
    for ms in tiltak:
        for g in ms.goals:
            by_goal.setdefault(g, []).append(ms)
    goals = tuple(
        GoalProgress(
            id=g,
            plan=nodes[g]["plan"],
            title=nodes[g]["title"],
            area=nodes[g]["area"],
            state=worst_state(i.state for i in own.get(g, ())),
            tiltak=_counts(by_goal.get(g, ())),
            indicators=tuple(i.id for i in own.get(g, ())),
        )
        for g in order
        if g in by_goal or g in own
    )
    by_plan: dict[str, list[MeasureStatus]] = {}
    by_area: dict[str, list[MeasureStatus]] = {}
    for ms in tiltak:
        by_plan.setdefault(ms.plan, []).append(ms)
        for area in dict.fromkeys(nodes[g]["area"] for g in ms.goals):
            if area is not None:
                by_area.setdefault(area, []).append(ms)
    return StatusResult(
        today=today,
        lang=lang or analysis.lang,
        analysis=analysis,
        tiltak=tuple(tiltak),
        counts=_counts(tiltak),
        indicators=tuple(indicators),
        goals=goals,
        per_plan={p: _counts(ms) for p, ms in by_plan.items()},
        per_area={a: _counts(by_area[a]) for a in order if a in by_area},
        findings=tuple(findings),
    )


def indicator_status(
    ind: Indicator, goal: str, plan: str, values: Mapping[int, float]
) -> IndicatorStatus:
    """One indicator's state from its values (see the module's rules)."""
    baseline = (ind.baseline.year, ind.baseline.value)
    target = (ind.target.year, ind.target.value)
    after = sorted((y, v) for y, v in values.items() if y > ind.baseline.year)
    latest = after[-1] if after else None
    status = IndicatorStatus(
        id=ind.id,
        goal=goal,
        plan=plan,
        title=ind.title,
        unit=ind.unit,
        direction=ind.direction,
        baseline=baseline,
        target=target,
        values=tuple(sorted(values.items())),
        latest=latest,
        expected=None,
        state="no-data",
        source=ind.source,
    )
    if latest is None:
        return status
    year, value = latest
    expected = status.line_at(year)
    sign = 1 if ind.direction == "up" else -1
    state: IndicatorState
    if sign * (value - target[1]) >= 0:
        state = "reached"
    elif sign * (value - expected) >= 0:
        state = "on-track"
    else:
        state = "behind"
    return dataclasses.replace(status, expected=expected, state=state)


def worst_state(states: Iterable[IndicatorState]) -> IndicatorState | None:
    found = set(states)
    return next((s for s in STATES if s in found), None)


def _counts(tiltak: Iterable[MeasureStatus]) -> StatusCounts:
    by: dict[str, int] = {}
    overdue: list[str] = []
    for ms in tiltak:
        by[ms.status] = by.get(ms.status, 0) + 1
        if ms.overdue:
            overdue.append(ms.id)
    return StatusCounts({k: by[k] for k in COUNT_KEYS if k in by}, tuple(overdue))


class _Reach:
    """The goals a node traces up to, memoised; nodes without links of their own share their
    parent's answer, so a handlingsdel of thousands of tiltak costs a few sets."""

    def __init__(self, nodes: dict[str, dict[str, Any]], links: dict[str, list[str]]) -> None:
        self.nodes = nodes
        self.links = links
        self.memo: dict[str, tuple[str, ...]] = {}

    def goals(self, node_id: str) -> tuple[str, ...]:
        memo = self.memo
        if node_id in memo:
            return memo[node_id]
        memo[node_id] = ()  # a follows_up cycle ends here
        data = self.nodes[node_id]
        parent = data["parent"]
        up = self.goals(parent) if parent is not None else ()
        targets = self.links.get(node_id, ())
        if not targets:
            result = (node_id, *up) if data["kind"] is Kind.GOAL else up
        else:
            found: dict[str, None] = {}
            if data["kind"] is Kind.GOAL:
                found[node_id] = None
            found.update(dict.fromkeys(up))
            for t in targets:
                found.update(dict.fromkeys(self.goals(t)))
            result = tuple(sorted(found, key=lambda g: self.nodes[g]["order"]))
        memo[node_id] = result
        return result
