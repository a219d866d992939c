"""Rows of a sheet -> validated ``Plan`` models, every problem named by sheet and cell.

Shared by the workbook and CSV readers (``load.excel``): a sheet is a header row and numbered
rows of text; here they become plans, or an ``ImportFailed`` listing every problem at once.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from typing import Any

from pydantic import ValidationError

from maltrace.load.excel_layout import (
    INDICATORS,
    ITEM,
    KIND_WORDS,
    PARENT_COL,
    PLAN_COL,
    TYPE_COL,
    RowKind,
    child_list,
    model_of,
    node_columns,
    norm,
    parse_kind,
    plan_columns,
)
from maltrace.load.models import LIST_KINDS, Kind, Plan, PlanInfo, PlanType, allowed_keys
from maltrace.load.sheet_rows import (
    ImportFailed,
    Sheet,
    SheetProblem,
    _columns_of,
    _fields,
    _kind,
    _plan_type,
    _Row,
)


def plans_from_sheets(
    file: str,
    plans_sheet: Sheet | None,
    nodes_sheet: Sheet,
    *,
    cli_plan: bool = False,
    indicators_sheet: Sheet | None = None,
) -> list[Plan]:
    """Build and validate the plans the sheets describe (the goals' indicators from
    ``indicators_sheet``); raise ``ImportFailed``."""
    problems: list[SheetProblem] = []
    pcols, _ = plan_columns()
    ncols, _ = node_columns()
    headers: dict[str, dict[str, Any]] = {}
    plan_rows: dict[str, _Row] = {}
    if plans_sheet is not None:
        where = _columns_of(plans_sheet, pcols, ["id", "type", "title"], problems)
        for number, values in plans_sheet.rows:
            row = _Row(plans_sheet.name, number, where, values)
            fields = _fields(row, pcols, set())
            pid = fields.get("id")
            for key in ("id", "type", "title"):
                if key in where and not fields.get(key):
                    problems.append(
                        SheetProblem("missing-value", row.sheet, row.ref(key), {"key": key})
                    )
            if not pid:
                continue
            if pid in headers:
                other = plan_rows[pid].ref("id")
                problems.append(
                    SheetProblem(
                        "duplicate-plan", row.sheet, row.ref("id"), {"id": pid, "other": other}
                    )
                )
                continue
            if "type" in fields:
                fields["type"] = _plan_type(fields["type"])
            headers[pid] = fields
            plan_rows[pid] = row
            try:
                info = PlanInfo.model_validate(fields)
                if getattr(info, "ordered", False) and info.type.value != "rammeverk":
                    problems.append(
                        SheetProblem("ordered-outside-framework", row.sheet, row.ref("ordered"))
                    )
            except ValidationError as exc:
                for err in exc.errors(include_url=False):
                    key = str(err["loc"][0]) if err["loc"] else "id"
                    problems.append(_bad_value(row, key, err, cli_plan))
    where = _columns_of(nodes_sheet, ncols, ["id", "title", "type"], problems)
    if not headers and not nodes_sheet.rows and not problems:
        raise ImportFailed(file, [SheetProblem("empty", nodes_sheet.name)])
    if len(headers) > 1 and PLAN_COL not in where:
        problems.append(SheetProblem("missing-column", nodes_sheet.name, "", {"key": PLAN_COL}))
    # Pass 1: every node row, its plan, kind and fields.
    nodes: dict[str, tuple[_Row, RowKind, str, dict[str, Any]]] = {}
    only_plan = next(iter(headers)) if len(headers) == 1 else None
    for number, values in nodes_sheet.rows:
        row = _Row(nodes_sheet.name, number, where, values)
        nid, title, kind_text = row.get("id"), row.get("title"), row.get(TYPE_COL)
        pid = row.get(PLAN_COL) or only_plan
        for key, value in (("id", nid), ("title", title), (TYPE_COL, kind_text)):
            if value is None and key in where:
                problems.append(
                    SheetProblem("missing-value", row.sheet, row.ref(key), {"key": key})
                )
        if PLAN_COL in where and pid is None:
            problems.append(
                SheetProblem("missing-value", row.sheet, row.ref(PLAN_COL), {"key": PLAN_COL})
            )
        elif pid is not None and pid not in headers:
            params: dict[str, Any] = {"id": pid, "plans": ", ".join(headers) or "-"}
            close = difflib.get_close_matches(pid, list(headers), n=1)
            if close:
                params["suggestion"] = close[0]
            problems.append(SheetProblem("unknown-plan", row.sheet, row.ref(PLAN_COL), params))
        kind: RowKind | None = None
        if kind_text is not None:
            kind = parse_kind(kind_text)
            if kind is None:
                problems.append(_unknown_type(row, kind_text))
        if nid is None or kind is None or pid is None:
            continue
        if nid in nodes:
            other = nodes[nid][0].ref("id")
            problems.append(
                SheetProblem("duplicate-id", row.sheet, row.ref("id"), {"id": nid, "other": other})
            )
            continue
        in_framework = _plan_type(str(headers.get(pid, {}).get("type", ""))) == "rammeverk"
        if (kind == ITEM) != in_framework and pid in headers:
            code = "item-outside-framework" if kind == ITEM else "node-in-framework"
            problems.append(SheetProblem(code, row.sheet, row.ref(TYPE_COL), {"kind": _kind(kind)}))
        fields = _fields(row, ncols, {PLAN_COL, TYPE_COL, PARENT_COL})
        # Each row's own cells are judged here, so their problems come with all the others.
        try:
            model_of(kind).model_validate(fields)
        except ValidationError as exc:
            for err in exc.errors(include_url=False):
                if err["type"] != "missing":
                    key = str(err["loc"][0]) if err["loc"] else "id"
                    problems.append(_field_problem(row, key, err, kind, cli_plan))
        nodes[nid] = (row, kind, pid, fields)
    # Pass 2: parents, and the nested structure in row order.
    tops: dict[str, list[tuple[RowKind, dict[str, Any]]]] = {pid: [] for pid in headers}
    raw: dict[str, dict[str, Any]] = {}
    placed: dict[int, _Row] = {}
    for nid, (row, _, _, fields) in nodes.items():
        raw[nid] = dict(fields)
        placed[id(raw[nid])] = row
    for nid, (row, kind, pid, _) in nodes.items():
        parent_id = row.get(PARENT_COL)
        if parent_id is None:
            if child_list(None, kind) is None:
                problems.append(_nesting(row, kind, None))
            elif pid in tops:
                tops[pid].append((kind, raw[nid]))
            continue
        problem = _parent_problem(row, nid, parent_id, kind, pid, nodes)
        if problem is not None:
            problems.append(problem)
            continue
        parent_kind = nodes[parent_id][1]
        under = child_list(parent_kind, kind)
        assert under is not None
        raw[parent_id].setdefault(under, []).append(raw[nid])
    if indicators_sheet is not None:
        from maltrace.load.indicator_sheet import indicators_from_sheet

        for goal, indicators in indicators_from_sheet(
            indicators_sheet, nodes, headers, problems
        ).items():
            raw[goal][INDICATORS] = indicators
    if problems:
        raise ImportFailed(file, sort_problems(problems))
    plans: list[Plan] = []
    for pid, header in headers.items():
        data: dict[str, Any] = {"plan": header}
        for kind, node in tops[pid]:
            top = child_list(None, kind)
            assert top is not None
            data.setdefault(top, []).append(node)
        try:
            plan = Plan.model_validate(data)
        except ValidationError as exc:
            problems.extend(_node_errors(exc, data, placed, cli_plan, plan_rows.get(pid)))
            continue
        plan.source = f"{file}#{pid}"
        plans.append(plan)
    if problems:
        raise ImportFailed(file, sort_problems(problems))
    return plans


def sort_problems(problems: list[SheetProblem]) -> list[SheetProblem]:
    def order(p: SheetProblem) -> tuple[str, int, str]:
        digits = "".join(ch for ch in p.cell if ch.isdigit())
        return (p.sheet, int(digits) if digits else 0, p.cell)

    return sorted(problems, key=order)


def _unknown_type(row: _Row, text: str) -> SheetProblem:
    params: dict[str, Any] = {"value": text, "choices": ("excel.kinds", {})}
    close = difflib.get_close_matches(norm(text), list(KIND_WORDS), n=1, cutoff=0.6)
    if close:
        params["suggestion"] = close[0]
    return SheetProblem("unknown-type", row.sheet, row.ref(TYPE_COL), params)


def _nesting(row: _Row, kind: RowKind, parent: RowKind | None) -> SheetProblem:
    if parent is None:
        return SheetProblem("nesting-top", row.sheet, row.ref(TYPE_COL), {"kind": _kind(kind)})
    return SheetProblem(
        "nesting", row.sheet, row.ref(PARENT_COL), {"kind": _kind(kind), "parent": _kind(parent)}
    )


def _parent_problem(
    row: _Row,
    nid: str,
    parent_id: str,
    kind: RowKind,
    pid: str,
    nodes: dict[str, tuple[_Row, RowKind, str, dict[str, Any]]],
) -> SheetProblem | None:
    ref = row.ref(PARENT_COL)
    if parent_id not in nodes:
        params: dict[str, Any] = {"id": parent_id}
        close = difflib.get_close_matches(parent_id, list(nodes), n=1)
        if close:
            params["suggestion"] = close[0]
        return SheetProblem("unknown-parent", row.sheet, ref, params)
    _, pkind, ppid, _ = nodes[parent_id]
    if ppid != pid:
        return SheetProblem(
            "parent-other-plan", row.sheet, ref, {"id": parent_id, "plan": ppid, "own": pid}
        )
    if pkind == Kind.MEASURE:
        return SheetProblem("under-measure", row.sheet, ref, {"id": parent_id})
    if child_list(pkind, kind) is None:
        return _nesting(row, kind, pkind)
    # A loop of parents (A under B under A) never reaches the top.
    seen = {nid}
    up: str | None = parent_id
    while up is not None:
        if up in seen:
            return SheetProblem("parent-loop", row.sheet, ref, {"id": parent_id})
        seen.add(up)
        up = nodes[up][0].get(PARENT_COL) if up in nodes else None
    return None


def _bad_value(row: _Row, key: str, err: Any, cli_plan: bool) -> SheetProblem:
    from maltrace.load.validation import _problem

    etype = err["type"]
    option = f"--plan-{key}" if key in ("id", "type", "title") else f"--{key.replace('_', '-')}"
    cell = option if cli_plan and row.sheet == "--plan" else row.ref(key)
    sheet = "" if cli_plan and row.sheet == "--plan" else row.sheet
    if etype == "extra_forbidden":
        return SheetProblem("key-not-allowed", sheet, cell, {"key": key})
    if etype == "missing":
        return SheetProblem("missing-value", sheet, cell, {"key": key})
    if etype == "enum":
        return SheetProblem(
            "bad-plan-type", sheet, cell, {"choices": ", ".join(p.value for p in PlanType)}
        )
    return SheetProblem("bad-value", sheet, cell, {"key": key, "problem": _problem(err)})


def _node_errors(
    exc: ValidationError,
    data: dict[str, Any],
    placed: dict[int, _Row],
    cli_plan: bool,
    plan_row: _Row | None,
) -> Iterator[SheetProblem]:
    for err in exc.errors(include_url=False):
        loc = tuple(err["loc"])
        container: Any = data
        row: _Row | None = None
        kind: Kind | None = None
        for i, part in enumerate(loc[:-1]):
            if isinstance(container, (dict, list)):
                holder: Any = container
                try:
                    container = holder[part]
                except (KeyError, IndexError, TypeError):
                    break
            if isinstance(container, dict) and id(container) in placed:
                row = placed[id(container)]
                prev = loc[i - 1] if i else None
                kind = LIST_KINDS.get(str(prev)) if isinstance(part, int) else kind
        key = next((str(p) for p in reversed(loc) if isinstance(p, str)), "id")
        if row is None:
            if plan_row is not None:
                yield _bad_value(plan_row, key, err, cli_plan)
            continue
        yield _field_problem(row, key, err, kind, cli_plan)


def _field_problem(
    row: _Row, key: str, err: Any, kind: RowKind | None, cli_plan: bool
) -> SheetProblem:
    if err["type"] == "extra_forbidden" and kind is not None:
        allowed = [k for k in allowed_keys(model_of(kind)) if k not in (*LIST_KINDS, "items")]
        return SheetProblem(
            "key-not-for-kind",
            row.sheet,
            row.ref(key),
            {"key": key, "kind": _kind(kind), "allowed": allowed},
        )
    return _bad_value(row, key, err, cli_plan)
