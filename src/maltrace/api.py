"""The jobs the CLI does, as plain functions a notebook can call too."""

from __future__ import annotations

import os
from collections.abc import Sequence

from maltrace.analysis import Analysis, analyse, focus_plan
from maltrace.graph import build_graph
from maltrace.i18n import Lang
from maltrace.load import load_plan_set


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
    analysis = analyse(build_graph(load_plan_set(paths, cache=cache)), lang=lang)
    return focus_plan(analysis, plan) if plan else analysis
