"""The jobs the CLI does, as plain functions a notebook can call too."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Sequence

from maltrace.analysis import Analysis, analyse_plan_files, focus_plan
from maltrace.analysis.diff import PlanDiff, diff_sources
from maltrace.analysis.status import StatusResult, analyse_status, focus_status
from maltrace.edit import ApplyResult, RelinkPlan, apply_relink, plan_relink
from maltrace.i18n import Lang
from maltrace.load.frameworks import Framework, builtin_frameworks


def check(
    paths: Sequence[str | os.PathLike[str]] | str | os.PathLike[str] = "plans",
    *,
    plan: str | None = None,
    lang: Lang | None = None,
    cache: bool = True,
) -> Analysis:
    """Load the plans under ``paths``, build the graph and analyse it.

    Raises ``maltrace.load.LoadFailed`` (with every error) when the files cannot be loaded, and
    ``maltrace.analysis.UnknownPlanError`` when ``plan`` is not in the set.
    """
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    analysis = analyse_plan_files(paths, lang=lang, cache=cache)
    return focus_plan(analysis, plan) if plan else analysis


def diff(
    old: Sequence[str | os.PathLike[str]] | str | os.PathLike[str],
    new: Sequence[str | os.PathLike[str]] | str | os.PathLike[str] | None = None,
    *,
    lang: Lang | None = None,
    cache: bool = True,
) -> PlanDiff:
    """What changed from OLD to NEW (folders, files, or ``"REV:PATH"`` from git) and what it
    breaks. Raises ``maltrace.analysis.diff.SideFailed`` when a side cannot be read."""
    return diff_sources(
        _paths(old), _paths(new) if new is not None else None, lang=lang, cache=cache
    )[0]


def relink(
    old: Sequence[str | os.PathLike[str]] | str | os.PathLike[str],
    new: Sequence[str | os.PathLike[str]] | str | os.PathLike[str] | None = None,
    *,
    apply: bool = False,
    cache: bool = True,
) -> tuple[RelinkPlan, list[ApplyResult]]:
    """The edits that repair links to renumbered nodes in NEW (a dry run), and with ``apply``
    the result of writing them."""
    result, found = diff_sources(_paths(old), _paths(new) if new is not None else None, cache=cache)
    plan = plan_relink(result, found)
    return plan, (apply_relink(plan) if apply else [])


def _paths(
    value: Sequence[str | os.PathLike[str]] | str | os.PathLike[str],
) -> Sequence[str | os.PathLike[str]]:
    return [value] if isinstance(value, (str, os.PathLike)) else value


def frameworks() -> dict[str, Framework]:
    """The built-in frameworks (SDG, NF2023, LHL, BTH) by id, their words in nn, nb and en."""
    return dict(builtin_frameworks())


def status(
    paths: Sequence[str | os.PathLike[str]] | str | os.PathLike[str] = "plans",
    *,
    today: dt.date | None = None,
    plan: str | None = None,
    lang: Lang | None = None,
    cache: bool = True,
) -> StatusResult:
    """Tiltak status, overdue tiltak and indicator states of the plans under ``paths`` on
    ``today`` (default: today), read with the indicator values of the plans' measurement files.

    Raises ``maltrace.load.LoadFailed`` when the plans or a measurements file cannot be read, and
    ``maltrace.analysis.UnknownPlanError`` when ``plan`` is not in the set.
    """
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    analysis = analyse_plan_files(paths, lang=lang, cache=cache)
    return status_of(analysis, today=today or dt.date.today(), plan=plan)


def status_of(
    analysis: Analysis,
    *,
    today: dt.date,
    plan: str | None = None,
    cache_dir: str | os.PathLike[str] | None = None,
) -> StatusResult:
    """``status`` for an analysis already made (the CLI's path: it loads with its own messages).

    When ``analysis`` came through the cache (it has a ``source_key``), the result is cached
    too, under the set, ``today`` and the measurement files' bytes."""
    from pathlib import Path

    from maltrace.analysis.status_cached import (
        StatusCache,
        cached_status,
        status_key,
        store_status,
    )

    key = status_key(analysis, today)
    store = StatusCache(Path(cache_dir) if cache_dir else None) if key else None
    result = cached_status(store, key, analysis) if store and key else None
    if result is None:
        result = _fresh_status(analysis, today)
        if store and key:
            store_status(store, key, result)
    return focus_status(result, plan) if plan else result


def _fresh_status(analysis: Analysis, today: dt.date) -> StatusResult:
    from maltrace.load import Kind
    from maltrace.load.measurements import read_measurements

    graph = analysis.graph
    plans = list(graph.graph["plans"].values())
    values: dict[str, dict[int, float]] = {}
    if any(p.plan.measurements for p in plans):
        indicators = [
            ind.id
            for _, data in graph.nodes(data=True)
            if data["kind"] is Kind.GOAL
            for ind in data["model"].indicators
        ]
        values = read_measurements(plans, indicators)
    return analyse_status(analysis, today=today, measurements=values, lang=analysis.lang)
