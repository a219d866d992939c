"""The jobs the CLI does, as plain functions a notebook can call too."""

from __future__ import annotations

import os
from collections.abc import Sequence

from maltrace.analysis import Analysis, analyse_plan_files, focus_plan
from maltrace.analysis.diff import PlanDiff, diff_sources
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
