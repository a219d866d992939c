"""The web app's jobs: a set of files read once (its version a hash of the bytes), and edits of
one node — its links, a tiltak's status, a reason — each only the named value, written whole,
read back, and undone by putting the earlier bytes back."""

from __future__ import annotations

from collections.abc import Sequence

from maltrace.analysis import Analysis
from maltrace.analysis.suggest import Suggestions
from maltrace.api._job import PathsLike, as_paths, job
from maltrace.edit import ApplyResult, FileEdit
from maltrace.i18n import Lang
from maltrace.load import PlanFiles


def read_plans(paths: PathsLike) -> PlanFiles:
    """The plan files under ``paths`` as read at this moment (names and bytes), for
    ``check_files`` and for knowing whether the files changed since (``files_version``)."""
    from maltrace.load import read_plan_files

    return read_plan_files(as_paths(paths))


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

    with job():
        return analyse_found(found, lang, cache)


def suggest_in(analysis: Analysis, *, node: str | None = None, top: int = 3) -> Suggestions:
    """``suggest`` for an analysis already made (the web app holds one): the likely missing
    links; with ``node`` for that node only."""
    from maltrace.analysis.suggest import suggest as make_suggestions

    with job():
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
