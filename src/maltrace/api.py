"""The jobs the CLI does, as plain functions a notebook can call too."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from maltrace.analysis import Analysis, analyse_plan_files, focus_plan
from maltrace.analysis.diff import PlanDiff, diff_sources
from maltrace.analysis.status import StatusResult, analyse_status, focus_status
from maltrace.edit import ApplyResult, RelinkPlan, apply_relink, plan_relink
from maltrace.i18n import Lang, t
from maltrace.load.frameworks import Framework, builtin_frameworks

if TYPE_CHECKING:
    # At run time these come from __getattr__ below, when first asked for.
    from maltrace.load.convert import OutputExists as OutputExists
    from maltrace.load.files import ProtectedFileError as ProtectedFileError
    from maltrace.load.loader import LoadFailed as LoadFailed
    from maltrace.load.portal import NothingPlaced as NothingPlaced
    from maltrace.load.portal import PortalImport
    from maltrace.load.portal import PortalUnreadable as PortalUnreadable
    from maltrace.load.portal_codes import CodeMapError as CodeMapError
    from maltrace.load.portal_write import PortalData
    from maltrace.load.ssb_fetch import FetchFailed as FetchFailed


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
    if any(
        ind.ssb is not None
        for _, d in graph.nodes(data=True)
        if d["kind"] is Kind.GOAL
        for ind in d["model"].indicators
    ):
        from maltrace.load.jsonstat import read_ssb_measurements

        # SSB's datasets first; a measurements CSV row for the same year wins (a planner's fix).
        ssb = read_ssb_measurements(plans)
        for ind_id, by_year in ssb.items():
            values[ind_id] = {**by_year, **values.get(ind_id, {})}
    return analyse_status(analysis, today=today, measurements=values, lang=analysis.lang)


# -- the plan portal's records (maal.json, plan.json, kpi.json) -----------------------------------


def is_portal_folder(path: str | os.PathLike[str]) -> bool:
    """True for a folder holding the plan portal's ``maal.json`` and ``plan.json``."""
    from maltrace.load.portal import is_portal_folder as _is_portal

    return _is_portal(path)


def read_portal(
    folder: str | os.PathLike[str], *, codes: str | os.PathLike[str] | None = None
) -> PortalImport:
    """The plans in a portal data folder, every record placed or named as a fault with its GUID
    and title. ``codes``: a JSON file that maps the kommune's own type codes.

    Raises ``PortalUnreadable`` (a file missing or not JSON) or ``CodeMapError``."""
    from maltrace.load.portal import read_portal_folder
    from maltrace.load.portal_codes import read_code_maps

    return read_portal_folder(folder, read_code_maps(codes))


def import_portal(
    folder: str | os.PathLike[str],
    output: str | os.PathLike[str],
    *,
    force: bool = False,
    codes: str | os.PathLike[str] | None = None,
    lang: Lang = "nn",
) -> tuple[PortalImport, list[Path]]:
    """``maltrace import FOLDER``: portal records -> one commented YAML plan file per plan in
    ``output``. Returns what was read and the files written.

    Raises ``PortalUnreadable``, ``CodeMapError``, ``NothingPlaced`` (no record could be placed)
    or ``OutputExists`` (a plan file is there already; nothing written)."""
    from maltrace.load.convert import OutputExists, schema_text
    from maltrace.load.files import write_atomic
    from maltrace.load.portal import NothingPlaced
    from maltrace.load.portal_write import import_file_names
    from maltrace.load.yaml_write import SCHEMA_FILE, plan_to_yaml

    result = read_portal(folder, codes=codes)
    if not result.placements:
        raise NothingPlaced(os.fspath(folder))
    out = Path(output)
    targets = [out / name for name in import_file_names(result.plans)]
    existing = [p for p in targets if p.exists()]
    if existing and not force:
        raise OutputExists(existing)
    for plan, target in zip(result.plans, targets, strict=True):
        note = result.notes.get(plan.id, {})
        lines = [t("portal.comment.source", lang, guid=note.get("guid", plan.id))]
        lines += [t(f"portal.comment.{k}", lang, **note) for k in ("valid_to", "case") if k in note]
        write_atomic(target, plan_to_yaml(plan, SCHEMA_FILE, comment="\n".join(lines)))
    schema = out / SCHEMA_FILE
    if force or not schema.exists():
        write_atomic(schema, schema_text())
    return result, targets


def export_portal(
    paths: Sequence[str | os.PathLike[str]] | str | os.PathLike[str],
    folder: str | os.PathLike[str],
    *,
    force: bool = False,
    codes: str | os.PathLike[str] | None = None,
) -> tuple[PortalData, list[Path]]:
    """``maltrace export --format portal``: the plans under ``paths`` -> ``maal.json``,
    ``plan.json`` and ``kpi.json`` in ``folder`` (GUIDs kept, others derived stably).

    Raises ``LoadFailed``, ``CodeMapError`` or ``OutputExists``; never writes over a plan file
    that was read (``ProtectedFileError``)."""
    from maltrace.load.loader import load_plan_set
    from maltrace.load.portal_codes import read_code_maps
    from maltrace.load.portal_write import plans_to_portal, write_portal

    maps = read_code_maps(codes)
    plan_set = load_plan_set(_paths(paths))
    data = plans_to_portal(plan_set.plans, maps)
    return data, write_portal(data, folder, force=force, protect=plan_set.files)


_LAZY = {
    "OutputExists": "maltrace.load.convert",
    "PortalUnreadable": "maltrace.load.portal",
    "NothingPlaced": "maltrace.load.portal",
    "CodeMapError": "maltrace.load.portal_codes",
    "LoadFailed": "maltrace.load.loader",
    "ProtectedFileError": "maltrace.load.files",
    "FetchFailed": "maltrace.load.ssb_fetch",
}


def __getattr__(name: str) -> object:
    # The errors the jobs above raise, for callers (the CLI) that catch them; imported when
    # asked for, so that ``import maltrace.api`` stays light.
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(name)


def fetch_indicators(
    paths: Sequence[str | os.PathLike[str]] | str | os.PathLike[str] = "plans",
    *,
    base_url: str | None = None,
    force: bool = False,
    timeout: float = 30,
) -> list[tuple[str, Path, list[str]]]:
    """``maltrace indicators fetch``: ask SSB's API for every table the indicators name and save
    each answer (JSON-stat 2.0) as ``ssb-<table>.json`` beside its plan. Returns (table, file,
    indicator ids) per file written. ``base_url``: default ``MALTRACE_SSB_API`` or SSB's.

    Raises ``LoadFailed``, ``FetchFailed`` (offline, an error answer) or ``OutputExists``."""
    from maltrace.load.loader import load_plan_set
    from maltrace.load.ssb_fetch import base_url_from_env, fetch

    plan_set = load_plan_set(_paths(paths))
    done = fetch(
        plan_set.plans,
        base_url=base_url or base_url_from_env(),
        force=force,
        timeout=timeout,
        protect=plan_set.files,
    )
    return [(w.table, path, w.indicators) for w, path in done]
