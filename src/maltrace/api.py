"""The jobs the CLI does, as plain functions a notebook can call too."""

from __future__ import annotations

import os
from collections.abc import Sequence

from maltrace.analysis import Analysis, analyse_plan_files, focus_plan
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


def frameworks() -> dict[str, Framework]:
    """The built-in frameworks (SDG, NF2023, LHL, BTH) by id, their words in nn, nb and en."""
    return dict(builtin_frameworks())
