"""The jobs the CLI does, as plain functions a notebook can call too."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Sequence

from maltrace.analysis import Analysis, analyse_plan_files, focus_plan
from maltrace.analysis.diff import PlanDiff, diff_sources
from maltrace.analysis.status import StatusResult, analyse_status, focus_status
from maltrace.analysis.suggest import Suggestions
from maltrace.edit import ApplyResult, FileEdit, RelinkPlan, apply_relink, plan_relink
from maltrace.edit.nodes import EditRefused
from maltrace.i18n import Lang
from maltrace.load import LoadFailed, PlanFiles
from maltrace.load.frameworks import Framework, builtin_frameworks

__all__ = [
    "Analysis",
    "ApplyResult",
    "EditRefused",
    "FileEdit",
    "LoadFailed",
    "PlanFiles",
    "Suggestions",
    "check",
    "check_files",
    "diff",
    "edit_links",
    "files_version",
    "frameworks",
    "link_targets",
    "read_plans",
    "reason_field",
    "relink",
    "set_reason",
    "set_status",
    "status",
    "status_code",
    "status_of",
    "suggest",
    "undo_edit",
    "write_edit",
]


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


# -- one set of files, read once; edits of single nodes (the web page's jobs) -------------------


def read_plans(paths: Sequence[str | os.PathLike[str]] | str | os.PathLike[str]) -> PlanFiles:
    """The plan files under ``paths`` as read at this moment (names and bytes), for
    ``check_files`` and for knowing whether the files changed since (``files_version``)."""
    from maltrace.load import read_plan_files

    return read_plan_files(_paths(paths))


def files_version(found: PlanFiles) -> str:
    """A short hash of the plan files' names and bytes: it changes whenever any byte does."""
    import hashlib

    digest = hashlib.sha256()
    for path, data in zip(found.files, found.data, strict=True):
        name = str(path).encode("utf-8")
        body = b"" if data is None else data
        digest.update(b"%d:%s%d:" % (len(name), name, -1 if data is None else len(body)))
        digest.update(body)
    return digest.hexdigest()[:20]


def check_files(found: PlanFiles, *, lang: Lang | None = None, cache: bool = True) -> Analysis:
    """``check`` of files already read: exactly the bytes in ``found`` (it keeps them for the
    graph; pass a copy if they are needed afterwards). Raises ``maltrace.load.LoadFailed``."""
    from maltrace.analysis.cached import analyse_found

    return analyse_found(found, lang, cache)


def suggest(analysis: Analysis, *, node: str | None = None, top: int = 3) -> Suggestions:
    """The likely missing links (``maltrace suggest``); with ``node`` for that node only."""
    from maltrace.analysis.suggest import suggest as make_suggestions

    return make_suggestions(analysis, top=top, node=node)


def edit_links(
    analysis: Analysis,
    node: str,
    *,
    add: Sequence[str] = (),
    remove: Sequence[str] = (),
    apply: bool = True,
) -> FileEdit | None:
    """Add ``add`` to ``node``'s ``follows_up`` and take ``remove`` out of it, in its plan file
    (only those items change; every other byte stays). None when there is nothing to change.
    With ``apply`` the file is written (``write_edit``). Raises ``EditRefused`` (an unknown id
    with the closest one, a link ``check`` would not count, a cycle, a list that cannot be
    edited safely) with nothing written."""
    from maltrace.edit.nodes import plan_links

    edit = plan_links(analysis.graph, node, add, remove)
    return _written(edit) if apply else edit


def set_status(
    analysis: Analysis, node: str, status: str, *, apply: bool = True
) -> FileEdit | None:
    """Set tiltak ``node``'s ``status`` to the vocabulary's ``status`` code (``not-started``,
    ``ongoing``, ``done``, ``postponed``, ``cancelled``), written in its plan's language. None
    when it has that status already. Raises ``EditRefused``."""
    from maltrace.analysis.status import STATUS_CODES, status_code
    from maltrace.edit.nodes import EditRefused, plan_value
    from maltrace.i18n import normalise_lang, t
    from maltrace.load import Kind

    graph = analysis.graph
    if node in graph and graph.nodes[node]["kind"] is not Kind.MEASURE:
        raise EditRefused("not-a-measure", {"node": node})
    if status not in STATUS_CODES:
        shown = status if len(status) <= 40 else status[:40] + "…"
        raise EditRefused("bad-status", {"status": shown, "known": ", ".join(STATUS_CODES)})
    if node in graph and status_code(graph.nodes[node]["model"].status) == status:
        return None
    plan_id = graph.nodes[node]["plan"] if node in graph else None
    plan = graph.graph["plans"].get(plan_id) if plan_id else None
    lang = (normalise_lang(plan.plan.language) if plan else None) or analysis.lang
    edit = plan_value(graph, node, "status", t(f"st.code.{status}", lang))
    return _written(edit) if apply else edit


def set_reason(
    analysis: Analysis, node: str, reason: str | None, *, apply: bool = True
) -> FileEdit | None:
    """Write ``reason`` (None or empty: take it out) as ``node``'s ``reason_not_followed_up``
    (a goal of a plan others follow) or ``reason_no_link`` (anything else). None when it says
    that already. Raises ``EditRefused``."""
    from maltrace.edit.nodes import MAX_REASON, EditRefused, plan_value, reason_field

    graph = analysis.graph
    if reason is not None and len(reason) > MAX_REASON:
        raise EditRefused("too-long", {"length": len(reason), "limit": MAX_REASON})
    if node not in graph:
        plan_value(graph, node, "reason_no_link", reason)  # raises: unknown, with did-you-mean
    edit = plan_value(graph, node, reason_field(graph, node), reason)
    return _written(edit) if apply else edit


def write_edit(edit: FileEdit) -> ApplyResult:
    """Write one planned edit's file whole, unless the file changed since it was read."""
    from maltrace.edit import apply_edits

    return apply_edits([edit])[0]


def undo_edit(edit: FileEdit) -> ApplyResult:
    """Put back the bytes ``edit`` replaced, when the file still holds what it wrote (else it is
    left alone: ``changed``)."""
    from maltrace.edit import FileEdit as _FileEdit
    from maltrace.edit import apply_edits

    return apply_edits([_FileEdit(edit.path, edit.after, edit.before, edit.edits)])[0]


def _written(edit: FileEdit | None) -> FileEdit | None:
    if edit is not None:
        result = write_edit(edit)
        if result.status != "written":
            from maltrace.edit.nodes import EditRefused

            raise EditRefused("cannot-write", {"file": str(edit.path), "reason": result.reason})
    return edit


def status_code(text: str | None) -> str:
    """What a tiltak's ``status`` as written counts as: a vocabulary code, ``unknown`` or
    ``none``."""
    from maltrace.analysis.status import status_code as code

    return code(text)


def reason_field(analysis: Analysis, node: str) -> str:
    """The key a reason of ``node`` is written under: ``reason_not_followed_up`` (a goal others
    should follow up) or ``reason_no_link``."""
    from maltrace.edit.nodes import reason_field as field

    return field(analysis.graph, node)


def link_targets(analysis: Analysis, node: str) -> list[str]:
    """Every id ``node`` may name in its ``follows_up``: the goals and strategies of the plans
    its plan follows, in document order."""
    from maltrace.analysis.suggest import upward_pool

    return upward_pool(analysis.graph, node) if node in analysis.graph else []
