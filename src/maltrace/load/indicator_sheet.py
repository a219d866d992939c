"""Sheet Indikatorar -> the indicators of goals, every problem named by sheet and cell.

One row per indicator: the goal it belongs to (an id in Nodar), its id and title, unit,
direction, baseline and target (a year and a value each), the values so far in one cell
(``2020: 12,5; 2021: 13``, decimal comma or point) and the source. Read after Nodar, so a goal
id is checked against the rows there (see ``maltrace.load.sheets.plans_from_sheets``).
"""

from __future__ import annotations

import difflib
import math
import re
from collections.abc import Mapping
from typing import Any

from pydantic import ValidationError

from maltrace.i18n import LANGS
from maltrace.load.excel_layout import (
    DIRECTION_WORDS,
    GOAL_COL,
    PAIR_SPLIT,
    PLAN_COL,
    RowKind,
    direction_word,
    indicator_columns,
    norm,
    parse_direction,
)
from maltrace.load.models import Indicator, Kind, allowed_keys
from maltrace.load.sheet_rows import Sheet, SheetProblem, _columns_of, _kind, _Row

REQUIRED = [
    GOAL_COL,
    "id",
    "title",
    "baseline_year",
    "baseline_value",
    "target_year",
    "target_value",
]
_YEAR = re.compile(r"^-?\d{1,4}$")

# A node row as Nodar gave it: the row, its kind, its plan and its fields.
NodeRows = Mapping[str, tuple[_Row, RowKind, str, dict[str, Any]]]


def parse_number(text: str) -> float | None:
    """``12,5``, ``12.5``, ``1 250 000`` -> a finite float; None when it is not a number."""
    cleaned = text.strip().replace("\u00a0", "").replace(" ", "").replace(",", ".")
    try:
        value = float(cleaned)
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def parse_year(text: str) -> int | None:
    cleaned = text.strip()
    return int(cleaned) if _YEAR.match(cleaned) else None


class _Cells:
    """One row's cells read as an indicator's values, problems collected on the way."""

    def __init__(self, row: _Row, problems: list[SheetProblem]) -> None:
        self.row = row
        self.problems = problems
        self.ok = True

    def problem(self, code: str, column: str, **params: Any) -> None:
        self.ok = False
        if str(params.get("value", "")).startswith("="):
            return  # a formula: reported as one where the sheet was read
        self.problems.append(SheetProblem(code, self.row.sheet, self.row.ref(column), params))

    def year(self, key: str) -> int | None:
        text = self.row.get(key)
        if text is None:
            return None
        year = parse_year(text)
        if year is None:
            self.problem("bad-year", key, key=key, value=text[:40])
        return year

    def number(self, key: str) -> float | None:
        text = self.row.get(key)
        if text is None:
            return None
        value = parse_number(text)
        if value is None:
            self.problem("bad-number", key, key=key, value=text[:40])
        return value

    def values(self, key: str) -> dict[int, float] | None:
        text = self.row.get(key)
        if text is None:
            return None
        out: dict[int, float] = {}
        for part in (p.strip() for p in PAIR_SPLIT.split(text)):
            if not part:
                continue
            year_text, sep, value_text = part.partition(":")
            year = parse_year(year_text) if sep else None
            value = parse_number(value_text) if sep else None
            if year is None or value is None:
                self.problem("bad-pair", key, key=key, value=part[:40])
                continue
            if year in out:
                self.problem("year-twice", key, key=key, year=year)
                continue
            out[year] = value
        return out or None

    def direction(self, key: str) -> str | None:
        text = self.row.get(key)
        if text is None:
            return None
        value = parse_direction(text)
        if value is None:
            words = [
                *DIRECTION_WORDS,
                *(direction_word(d, lang) for d in ("up", "down") for lang in LANGS),
            ]
            params: dict[str, Any] = {"value": text[:40], "choices": ("excel.directions", {})}
            close = difflib.get_close_matches(norm(text), words, n=1, cutoff=0.6)
            if close:
                params["suggestion"] = close[0]
            self.problem("bad-direction", key, **params)
        return value


def indicators_from_sheet(
    sheet: Sheet, nodes: NodeRows, plans: Mapping[str, Any], problems: list[SheetProblem]
) -> dict[str, list[dict[str, Any]]]:
    """Goal id -> its indicators (plain data, in row order) from the rows of ``sheet``; each
    problem found is added to ``problems`` and its row left out."""
    if not sheet.rows and not any(sheet.headers):
        return {}  # an empty sheet of that name: no indicators, nothing to complain about
    where = _columns_of(sheet, indicator_columns(), REQUIRED, problems)
    out: dict[str, list[dict[str, Any]]] = {}
    seen: dict[str, str] = {}
    goals = [nid for nid, (_, kind, _, _) in nodes.items() if kind == Kind.GOAL]
    for number, values in sheet.rows:
        row = _Row(sheet.name, number, where, values)
        cells = _Cells(row, problems)
        for key in REQUIRED:
            if key in where and row.get(key) is None:
                cells.problem("missing-value", key, key=key)
        goal, pid, iid = row.get(GOAL_COL), row.get(PLAN_COL), row.get("id")
        if pid is not None and pid not in plans:
            params: dict[str, Any] = {"id": pid, "plans": ", ".join(plans) or "-"}
            close = difflib.get_close_matches(pid, list(plans), n=1)
            if close:
                params["suggestion"] = close[0]
            cells.problem("unknown-plan", PLAN_COL, **params)
        if goal is not None:
            _check_goal(cells, goal, pid if pid in plans else None, nodes, goals)
        if iid is not None:
            if iid in seen:
                cells.problem("duplicate-indicator", "id", id=iid, other=seen[iid])
            else:
                seen[iid] = row.ref("id")
        data: dict[str, Any] = {}
        for key in allowed_keys(Indicator):
            if key in ("baseline", "target"):
                point = {"year": cells.year(f"{key}_year"), "value": cells.number(f"{key}_value")}
                if None not in point.values():
                    data[key] = point
            elif key == "values":
                data[key] = cells.values(key)
            elif key == "direction":
                data[key] = cells.direction(key)
            else:
                data[key] = row.get(key)
        data = {k: v for k, v in data.items() if v is not None}
        if not cells.ok or goal is None:
            continue
        try:
            Indicator.model_validate(data)
        except ValidationError as exc:
            for err in exc.errors(include_url=False):
                loc = [str(p) for p in err["loc"]]
                key = "_".join(loc[:2]) if loc and loc[0] in ("baseline", "target") else loc[0]
                cells.problem("bad-value", key, key=key, problem=err["msg"])
            continue
        out.setdefault(goal, []).append(data)
    return out


def _check_goal(
    cells: _Cells, goal: str, pid: str | None, nodes: NodeRows, goals: list[str]
) -> None:
    if goal not in nodes:
        params: dict[str, Any] = {"id": goal}
        close = difflib.get_close_matches(goal, goals, n=1)
        if close:
            params["suggestion"] = close[0]
        cells.problem("unknown-goal", GOAL_COL, **params)
        return
    _, kind, own, _ = nodes[goal]
    if kind != Kind.GOAL:
        cells.problem("not-a-goal", GOAL_COL, id=goal, kind=_kind(kind))
    elif pid is not None and own != pid:
        cells.problem("goal-other-plan", PLAN_COL, goal=goal, plan=own, own=pid)
