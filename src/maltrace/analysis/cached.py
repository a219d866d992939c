"""Files -> analysis in one call, with whole results cached for sets that have not changed.

A planner runs ``maltrace check`` after every edit, and most runs see the very bytes the last
run saw. The analysis is a function of those bytes (file names and contents) and of maltrace's
own code, so it is cached under a key made of them all (``PlanFiles.key``); the graph is not
cached but built again, from the per-file plan cache, only if a diagram or report asks for it.
When one file has changed, only that file is parsed again and the set is analysed afresh.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeGuard

from maltrace.analysis.results import Analysis, GraphSource
from maltrace.i18n import Lang
from maltrace.load import PlanFiles, load_plan_files, read_plan_files
from maltrace.load.cache import ResultCache

if TYPE_CHECKING:
    import networkx as nx  # imported where a graph is built: a cached result needs none

# Every field but the graph: what a cached result holds.
_CACHED_FIELDS = tuple(
    f.name for f in dataclasses.fields(Analysis) if f.name not in ("source", "source_key")
)


def analyse_plan_files(
    paths: Sequence[str | os.PathLike[str]],
    *,
    lang: Lang | None = None,
    cache: bool = True,
    cache_dir: str | os.PathLike[str] | None = None,
) -> Analysis:
    """Load, build and analyse the plans under ``paths``.

    Raises ``maltrace.load.LoadFailed`` (with every error) when the files cannot be loaded.
    With ``cache``, plans are reused from files whose bytes were seen before, and a whole
    analysis from a set whose files are all unchanged; the result is the same either way.
    """
    # The cyclic collector is paused by the job that calls this (maltrace.api._job), once.
    return analyse_found(read_plan_files(paths, hashed=cache), lang, cache, cache_dir)


def analyse_found(
    found: PlanFiles,
    lang: Lang | None = None,
    cache: bool = True,
    cache_dir: str | os.PathLike[str] | None = None,
) -> Analysis:
    """``analyse_plan_files`` for files already read (``read_plan_files``): exactly those
    bytes are analysed, however the files change meanwhile. Takes ``found.data`` (parsed, it is
    set to None)."""
    key = found.key if cache else None
    store = ResultCache(Path(cache_dir) if cache_dir else None) if key else None
    fields = store.get(key) if store and key else None
    if _is_result(fields):
        source = GraphSource(build=lambda: _graph_of(found, cache_dir))
        analysis = Analysis(source=source, **fields)
    else:
        plan_set = load_plan_files(
            found, cache=cache, cache_dir=cache_dir, meanwhile=_import_graph_library
        )
        found.data = [None] * len(found.data)  # parsed: the bytes are no longer needed
        from maltrace.analysis.trace import analyse  # a cached result needs none of it
        from maltrace.graph import build_graph

        analysis = analyse(build_graph(plan_set))
        if store and key:
            store.put(key, {name: getattr(analysis, name) for name in _CACHED_FIELDS})
    if key:
        analysis = dataclasses.replace(analysis, source_key=key)
    return dataclasses.replace(analysis, lang=lang) if lang else analysis


def _graph_of(found: PlanFiles, cache_dir: str | os.PathLike[str] | None) -> nx.DiGraph:
    # The same bytes the cached result was made from: their plans come from the plan cache.
    from maltrace.graph import build_graph

    return build_graph(load_plan_files(found, cache=True, cache_dir=cache_dir))


def _import_graph_library() -> None:
    # Done while other processes parse: this process would only wait (about 65 ms).
    import networkx  # noqa: F401


def _is_result(fields: Any) -> TypeGuard[dict[str, Any]]:
    return isinstance(fields, dict) and tuple(fields) == _CACHED_FIELDS
