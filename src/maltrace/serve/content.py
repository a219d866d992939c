"""What the pages and the API answer with, made from the current files: the check and status
JSON, the map's context, the document views, the pictures. Called by the routes (``app``)."""

from __future__ import annotations

import datetime as dt
import json
from typing import TYPE_CHECKING, Any

from maltrace import api
from maltrace.errors import MaltraceError
from maltrace.i18n import DEFAULT_LANG, Lang, t
from maltrace.serve import views

if TYPE_CHECKING:
    from maltrace.api import Analysis
    from maltrace.serve.state import ServeState, Snapshot


class NoDocument(MaltraceError):
    """A view that cannot be shown; ``text`` says why in the page's language."""

    code = "no-document"

    def __init__(self, text: str) -> None:
        super().__init__(key="word.verbatim", text=text)
        self.text = text


def check(snap: Snapshot, lang: Lang | None) -> str:
    """What ``maltrace check --format json`` prints for these files (the load errors' JSON when
    they do not load)."""
    from maltrace.render.check.json import check_json

    if snap.analysis is not None:
        return check_json(snap.analysis, lang)
    assert snap.errors is not None
    out_lang = lang or DEFAULT_LANG
    payload = {
        "schema_version": 1,
        "load_errors": [
            {"code": e.code, "file": e.file, "line": e.line, "message": e.message(out_lang)}
            for e in snap.errors.errors
        ],
    }
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


def status_json(snap: Snapshot, day: dt.date, lang: Lang | None) -> str:
    from maltrace.render.status.terminal import status_json

    assert snap.analysis is not None
    result = api.status_of(snap.analysis, today=day)
    return status_json(result, lang or snap.analysis.lang)


def status_dict(snap: Snapshot, day: dt.date, lang: Lang) -> dict[str, Any] | None:
    from maltrace.render.status.terminal import status_dict

    if snap.analysis is None:
        return None
    try:
        return status_dict(api.status_of(snap.analysis, today=day), lang)
    except api.LoadFailed:  # a measurements file that does not read: no indicator values
        return None


def errors(snap: Snapshot, lang: Lang) -> list[dict[str, Any]]:
    if snap.errors is None:
        return []
    return [
        {"file": e.file, "line": e.line, "message": e.message(lang)} for e in snap.errors.errors
    ]


def map_context(
    snap: Snapshot, analysis: Analysis, lang: Lang, filters: views.Filters, node: str | None
) -> dict[str, Any]:
    check = snap.remember(("check-dict", lang), lambda: check_dict(analysis, lang))
    thread = snap.remember(("thread",), lambda: views.Thread(analysis))
    model = views.plan_map(analysis, lang, filters, node, thread)
    panel = None
    candidates: list[dict[str, Any]] = []
    if node:
        day = dt.date.today()
        status = snap.remember(("status-dict", lang, day), lambda: status_dict(snap, day, lang))
        panel = views.panel(analysis, node, lang, thread, status)
        if panel is not None:
            candidates = snap.remember(("cands", node), lambda: link_candidates(analysis, node))
    areas = views.per_area(check, lang)
    plans = [(p.id, p.title) for p in analysis.plans]
    findings = check["findings"]
    return {
        "map": model,
        "panel": panel,
        "candidates": candidates,
        "headline": views.headline(check, lang),
        "areas": areas,
        "plans": plans,
        "area_choices": [(a["id"], a["title"]) for a in areas],
        "findings": findings[: views.FINDINGS_SHOWN],
        "more_findings": max(0, len(findings) - views.FINDINGS_SHOWN),
        "status_codes": ("not-started", "ongoing", "done", "postponed", "cancelled"),
        "reason_key": reason_key(analysis, node) if panel else None,
    }


def check_dict(analysis: Analysis, lang: Lang) -> dict[str, Any]:
    from maltrace.render.check.json import check_dict

    return check_dict(analysis, lang)


def reason_key(analysis: Analysis, node: str | None) -> str | None:
    from maltrace.api import reason_field

    return reason_field(analysis, node) if node else None


def link_candidates(analysis: Analysis, node: str) -> list[dict[str, Any]]:
    """What ``node`` may follow up: the suggestions first, then every goal and strategy of the
    plans its plan follows."""
    suggested = api.suggest_in(analysis, node=node, top=5)
    out: list[dict[str, Any]] = []
    seen: set[str] = set()
    for s in suggested.suggestions:
        for c in s.candidates:
            target = c.id
            if s.node == node and s.kind == "orphan" and target not in seen:
                seen.add(target)
                out.append({"id": target, "title": analysis.graph.nodes[target]["title"], "s": 1})
    for target in api.link_targets(analysis, node):
        if target not in seen:
            seen.add(target)
            out.append({"id": target, "title": analysis.graph.nodes[target]["title"], "s": 0})
    return out


def document_body(
    state: ServeState, analysis: Analysis, view: str, lang: Lang, since: str | None, day: dt.date
) -> str | None:
    from maltrace.render.document.html import document_main

    if view == "status":
        from maltrace.render.status.document import build_status_document

        try:
            status = api.status_of(analysis, today=day)
        except api.LoadFailed as exc:
            raise NoDocument("; ".join(e.message(lang) for e in exc.errors)) from None
        return document_main(build_status_document(status, lang))
    if view == "frameworks":
        from maltrace.render.frameworks.document import frameworks_document

        return document_main(frameworks_document(analysis, lang))
    if not since:
        return None
    try:
        result = api.diff([f"{since}:{p}" for p in state.paths], state.paths, lang=lang)
    except Exception as exc:  # a revision git does not know, a side that does not load
        raise NoDocument(side_failed(exc, lang)) from None
    from maltrace.render.diff.document import build_diff_document

    return document_main(build_diff_document(result, lang))


def indicator_svg(snap: Snapshot, indicator: str, lang: Lang, day: dt.date) -> bytes | None:
    from maltrace.render.charts import indicator_chart

    assert snap.analysis is not None
    try:
        result = api.status_of(snap.analysis, today=day)
    except api.LoadFailed:
        return None
    for ind in result.indicators:
        if ind.id == indicator:
            return indicator_chart(ind, lang, "svg")
    return None


def goal_svg(analysis: Analysis, goal: str, lang: Lang) -> str:
    from maltrace.render.diagram import build_diagram, render_svg

    text = render_svg(build_diagram(analysis, goal=goal, lang=lang))
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + text


def side_failed(exc: Exception, lang: Lang) -> str:
    """What ``maltrace diff`` says when a side cannot be read, in the planner's words."""
    error = getattr(exc, "error", exc)
    side = f"{str(getattr(exc, 'side', '')).upper()} ({getattr(exc, 'label', '')})"
    head = t("diff.side_failed", lang, side=side)
    if hasattr(error, "errors"):  # the plans of that revision do not load
        return head + " " + "; ".join(e.message(lang) for e in error.errors[:5])
    code = getattr(error, "code", "git_failed")
    params = getattr(error, "params", {}) or {}
    try:
        return f"{head} {t(f'source.{code}', lang, **params)}"
    except (KeyError, IndexError):
        return head
