"""Plan models -> a workbook in the import layout (export), and the empty template.

Export never drops data silently: a plan that holds what the layout has no column for (a list
of mappings other than a goal's indicators, a list value that contains a separator, text Excel
cannot hold) is refused with every such place named (``ExportRefused``).
"""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from maltrace.errors import MaltraceError
from maltrace.i18n import Lang, normalise_lang, t
from maltrace.load.excel_layout import (
    EMPTY_LIST,
    GOAL_COL,
    INDICATOR_OFF_SHEET,
    ITEM,
    LIST_SEPARATORS,
    PARENT_COL,
    PLAN_COL,
    TYPE_COL,
    Column,
    direction_word,
    indicator_columns,
    kind_choices,
    kind_word,
    label,
    node_columns,
    plan_columns,
    plan_extra_keys,
)
from maltrace.load.loader import iter_nodes
from maltrace.load.models import Goal, Indicator, Item, Node, Plan, PlanType
from maltrace.load.sheet_rows import MAX_CELL_CHARS

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_HEADER_FILL = PatternFill("solid", fgColor="E7E6E6")
_WIDTHS = {
    "id": 14,
    PLAN_COL: 12,
    TYPE_COL: 16,
    "title": 60,
    PARENT_COL: 14,
    "description": 50,
    GOAL_COL: 14,
    "direction": 18,
    "values": 30,
    "source": 30,
}
STATUS_WORDS: dict[str, tuple[str, ...]] = {
    "nn": ("ikkje starta", "pågår", "fullført", "utsett", "avlyst"),
    "nb": ("ikke startet", "pågår", "fullført", "utsatt", "avlyst"),
    "en": ("not started", "ongoing", "done", "postponed", "cancelled"),
}
PLAN_STATUS_WORDS: dict[str, tuple[str, ...]] = {
    "nn": ("utkast", "høyring", "vedteken"),
    "nb": ("utkast", "høring", "vedtatt"),
    "en": ("draft", "consultation", "adopted"),
}


@dataclass(frozen=True)
class ExportProblem:
    """Data the workbook layout cannot hold: which file, line, node and key."""

    code: str
    file: str
    line: int
    where: str  # a node id, or the plan id
    key: str
    params: dict[str, Any] = field(default_factory=dict)

    def text(self, lang: Lang) -> str:
        place = f"{self.file}:{self.line}" if self.line else self.file
        msg = t(
            "excel.export." + self.code.replace("-", "_"),
            lang,
            where=self.where,
            key=self.key,
            **self.params,
        )
        return f"{place}: {msg}"


class ExportRefused(MaltraceError):
    """Values the workbook cannot hold; ``problems`` names each, nothing is written."""

    code = "export-refused"
    key = "excel.cli.export_refused"

    def __init__(self, problems: list[ExportProblem], lang: Lang = "nn") -> None:
        super().__init__(count=len(problems))
        self.problems = problems
        self.lang: Lang = lang


def _given(model: Any, key: str) -> bool:
    value = getattr(model, key, None)
    return value is not None and value not in ([], {}, ())


def _cell_problems(
    model: Any, columns: list[Column], file: str, line: int, where: str
) -> Iterable[ExportProblem]:
    for c in columns:
        value = getattr(model, c.key, None)
        if value is None:
            continue
        items = list(value) if isinstance(value, (list, tuple)) else [value]
        if c.shape == "list":
            for item in items:
                text = str(getattr(item, "value", item))
                if any(sep in text for sep in LIST_SEPARATORS):
                    yield ExportProblem("separator", file, line, where, c.key, {"value": text[:40]})
        text = _text(value, c)
        if isinstance(text, str) and len(text) > MAX_CELL_CHARS:
            yield ExportProblem("too-long", file, line, where, c.key, {"max": MAX_CELL_CHARS})


def export_problems(plans: list[Plan]) -> list[ExportProblem]:
    """Every value in ``plans`` the layout cannot hold (empty: export keeps everything)."""
    pcols, p_left = plan_columns()
    ncols, n_left = node_columns()
    extra = plan_extra_keys()
    icols = [c for c in indicator_columns() if c.shape == "text"]
    seen: dict[str, str] = {}  # indicator id -> where it is first (import wants ids unique)
    out: list[ExportProblem] = []
    for plan in plans:
        file = plan.source
        for key in p_left:
            if _given(plan.plan, key):
                out.append(ExportProblem("no-column", file, plan.plan.line, plan.id, key))
        for key in extra:
            if _given(plan, key):
                out.append(ExportProblem("no-column", file, plan.plan.line, plan.id, key))
        out.extend(_cell_problems(plan.plan, pcols, file, plan.plan.line, plan.id))
        for node, _ in rows_of(plan):
            for key in n_left:
                if _given(node, key):
                    out.append(ExportProblem("no-column", file, node.line, node.id, key))
            out.extend(_cell_problems(node, ncols[5:], file, node.line, node.id))
            for ind in getattr(node, "indicators", ()):
                out.extend(_cell_problems(ind, icols, file, ind.line, ind.id))
                for key in INDICATOR_OFF_SHEET:
                    if _given(ind, key):
                        out.append(ExportProblem("no-column", file, ind.line, ind.id, key))
                if ind.id in seen:
                    params = {"other": seen[ind.id]}
                    out.append(
                        ExportProblem("indicator-twice", file, ind.line, ind.id, node.id, params)
                    )
                else:
                    seen[ind.id] = f"{file}:{ind.line}" if ind.line else file
    return out


def _text(value: Any, column: Column) -> Any:
    if value is None:
        return None
    if isinstance(value, dict):
        return "; ".join(f"{k}: {_number_text(v)}" for k, v in value.items()) or None
    if isinstance(value, (list, tuple)):
        if not value and column.none_is_not_empty:
            return EMPTY_LIST
        return ", ".join(str(getattr(v, "value", v)) for v in value) or None
    if isinstance(value, bool):
        # Text, not a boolean cell (LibreOffice saves those as =TRUE()); no is left empty.
        return "true" if value else None
    if isinstance(value, (dt.date, int, float)):
        return value
    return str(getattr(value, "value", value))


def _number_text(value: Any, decimal_comma: bool = False) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).replace(".", ",") if decimal_comma else str(value)


def _number(value: float) -> int | float:
    """A number for a cell: 62.0 as 62, so it reads back as written."""
    return int(value) if value.is_integer() else value


def indicator_rows(plan: Plan, lang: Lang) -> list[list[Any]]:
    """The rows of a plan's indicators in sheet Indikatorar, goals in document order; the values
    cell in the plan's own language style (``12,5`` in nn and nb, ``12.5`` in en)."""
    comma = (normalise_lang(plan.plan.language) or lang) != "en"
    out: list[list[Any]] = []
    for node, _ in iter_nodes(plan):
        if not isinstance(node, Goal):
            continue
        for ind in node.indicators:
            out.append(_indicator_row(plan, node, ind, lang, comma))
    return out


def _indicator_row(plan: Plan, goal: Goal, ind: Indicator, lang: Lang, comma: bool) -> list[Any]:
    values = "; ".join(f"{y}: {_number_text(v, comma)}" for y, v in (ind.values or {}).items())
    by_key: dict[str, Any] = {
        PLAN_COL: plan.id,
        GOAL_COL: goal.id,
        "direction": direction_word(ind.direction, lang),
        "baseline_year": ind.baseline.year,
        "baseline_value": _number(ind.baseline.value),
        "target_year": ind.target.year,
        "target_value": _number(ind.target.value),
        "values": values or None,
    }
    return [
        by_key[c.key] if c.key in by_key else getattr(ind, c.key, None) for c in indicator_columns()
    ]


def _cell(ws: Any, value: Any, bold: bool = False) -> Any:
    if isinstance(value, str):
        value = _ILLEGAL.sub("\ufffd", value)
    cell = WriteOnlyCell(ws, value=value)
    if isinstance(value, str) and value.startswith(FORMULA_START):
        # Plan text is data: shown as written, never run as a formula.
        cell.data_type = "s"
        cell.quotePrefix = True
    if isinstance(value, dt.date):
        cell.number_format = "yyyy-mm-dd"
    if bold:
        cell.font = Font(name="Calibri", bold=True)  # named, or LibreOffice prints a serif
        cell.fill = _HEADER_FILL
    return cell


def _setup(ws: Any, columns: list[Column], lang: Lang) -> None:
    for i, c in enumerate(columns, start=1):
        dim = ws.column_dimensions[get_column_letter(i)]
        dim.width = _WIDTHS.get(c.key, 18)
        if c.shape in ("text", "list", "bool", "mapping"):
            # Text format: what a planner types stays as typed (1.10 is not turned into 1.1).
            dim.number_format = "@"
    ws.freeze_panes = "A2"
    _print_setup(ws, landscape=True)


def _validations(ws: Any, columns: list[Column], lang: Lang, rows: int, plans: bool) -> None:
    """Drop-downs for type and status; other values stay allowed for status (free text)."""
    last = max(rows, 1000)
    keys = [c.key for c in columns]
    if plans:
        choices = [p.value for p in PlanType]
        status = PLAN_STATUS_WORDS[lang]
    else:
        choices = kind_choices(lang)
        status = STATUS_WORDS[lang]
    if TYPE_COL in keys:
        letter = get_column_letter(keys.index(TYPE_COL) + 1)
        dv = DataValidation(type="list", formula1='"' + ",".join(choices) + '"', allow_blank=True)
        dv.error = t("excel.template.type_error", lang, choices=", ".join(choices))
        dv.showErrorMessage = True
        dv.add(f"{letter}2:{letter}{last}")
        ws.data_validations.append(dv)
    if "status" in keys:
        letter = get_column_letter(keys.index("status") + 1)
        dv = DataValidation(type="list", formula1='"' + ",".join(status) + '"', allow_blank=True)
        dv.showErrorMessage = False
        dv.add(f"{letter}2:{letter}{last}")
        ws.data_validations.append(dv)


def _direction_choices(ws: Any, columns: list[Column], lang: Lang, rows: int) -> None:
    """A drop-down for an indicator's direction (other words planners use stay allowed)."""
    letter = get_column_letter([c.key for c in columns].index("direction") + 1)
    choices = [direction_word(d, lang) for d in ("up", "down")]
    dv = DataValidation(type="list", formula1='"' + ",".join(choices) + '"', allow_blank=True)
    dv.showErrorMessage = False
    dv.add(f"{letter}2:{letter}{max(rows, 1000)}")
    ws.data_validations.append(dv)


def _plan_row(plan: Plan, columns: list[Column]) -> list[Any]:
    return [_text(getattr(plan.plan, c.key, None), c) for c in columns]


def rows_of(plan: Plan) -> list[tuple[Any, Any]]:
    """Every row a plan gives in Nodar, with its parent: the nodes in document order, then a
    framework's items (depth first)."""
    out: list[tuple[Any, Any]] = list(iter_nodes(plan))
    stack: list[tuple[Item, Item | None]] = [(i, None) for i in reversed(plan.items)]
    while stack:
        item, parent = stack.pop()
        out.append((item, parent))
        stack.extend((c, item) for c in reversed(item.items))
    return out


def _node_row(plan: Plan, node: Any, parent: Any, columns: list[Column], lang: Lang) -> list[Any]:
    kind = node.kind if isinstance(node, Node) else ITEM
    row: list[Any] = [plan.id, node.id, kind_word(kind, lang), node.title]
    row.append(parent.id if parent is not None else None)
    for c in columns[5:]:
        row.append(_text(getattr(node, c.key, None), c))
    return row


def export_workbook(plans: list[Plan], lang: Lang) -> bytes:
    """The workbook (Planar, Nodar, Indikatorar) holding ``plans``; raise ``ExportRefused``
    when the layout cannot hold some of their data."""
    return counted_workbook(plans, lang)[0]


def counted_workbook(plans: list[Plan], lang: Lang) -> tuple[bytes, int, int]:
    """``export_workbook``, and how many node rows and indicator rows it holds (what
    ``maltrace export`` says it wrote)."""
    problems = export_problems(plans)
    if problems:
        raise ExportRefused(problems, lang)
    return _workbook(plans, lang, template=False)


def template_workbook(lang: Lang) -> bytes:
    """The empty workbook: headers, drop-downs, widths and an instructions sheet."""
    return _workbook([], lang, template=True)[0]


def _workbook(plans: list[Plan], lang: Lang, template: bool) -> tuple[bytes, int, int]:
    wb = Workbook(write_only=True)
    pcols, _ = plan_columns()
    ncols, _ = node_columns()
    if template:
        _help_sheet(wb.create_sheet(t("excel.sheet.help", lang)), lang)
    ws = wb.create_sheet(t("excel.sheet.plans", lang))
    _setup(ws, pcols, lang)
    _validations(ws, pcols, lang, len(plans) + 1, plans=True)
    ws.append([_cell(ws, label(c.key, lang), bold=True) for c in pcols])
    for plan in plans:
        ws.append([_cell(ws, v) for v in _plan_row(plan, pcols)])
    ws = wb.create_sheet(t("excel.sheet.nodes", lang))
    _setup(ws, ncols, lang)
    nrows = [(plan, node, parent) for plan in plans for node, parent in rows_of(plan)]
    _validations(ws, ncols, lang, len(nrows) + 1, plans=False)
    ws.append([_cell(ws, label(c.key, lang), bold=True) for c in ncols])
    for plan, node, parent in nrows:
        ws.append([_cell(ws, v) for v in _node_row(plan, node, parent, ncols, lang)])
    icols = indicator_columns()
    ws = wb.create_sheet(t("excel.sheet.indicators", lang))
    _setup(ws, icols, lang)
    irows = [row for plan in plans for row in indicator_rows(plan, lang)]
    _direction_choices(ws, icols, lang, len(irows) + 1)
    ws.append([_cell(ws, label(c.key, lang), bold=True) for c in icols])
    for row in irows:
        ws.append([_cell(ws, v) for v in row])
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue(), len(nrows), len(irows)


# The instructions' column: what a portrait A4 page holds at full size (in Excel's width units)
# also where Calibri is missing and a wider font stands in (LibreOffice on Linux), so that the
# sheet prints at a size one reads and no line runs off the page.
_HELP_WIDTH = 70
# Characters per width unit, on the safe side for the wider stand-in font, and points per line.
_CHARS_PER_UNIT = 0.9
_LINE_PT = 15.0


def _help_sheet(ws: Any, lang: Lang) -> None:
    _print_setup(ws, landscape=False)  # a write-only sheet writes its properties first
    ws.column_dimensions["A"].width = _HELP_WIDTH
    title = WriteOnlyCell(ws, value=t("excel.template.title", lang))
    title.font = Font(name="Calibri", bold=True, size=14)
    ws.append([title])
    per_line = int((_HELP_WIDTH - 2) * _CHARS_PER_UNIT)
    for row, line in enumerate(t("excel.template.help", lang).split("\n"), start=2):
        cell = WriteOnlyCell(ws, value=line)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        # A wrapped row needs its height set: LibreOffice (and Excel, until the row is edited)
        # keeps one line's height, and the lines print over each other.
        lines = max(1, -(-len(line) // per_line))
        if lines > 1:
            ws.row_dimensions[row].height = lines * _LINE_PT
        ws.append([cell])


def _print_setup(ws: Any, *, landscape: bool) -> None:
    """A4, fitted to the page width (as many pages down as it takes), the header row on every
    page: an empty template prints on a page a sheet, not on nineteen."""
    ws.page_setup.paperSize = "9"  # A4 (a write-only sheet lacks the named constant)
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    if landscape:
        ws.print_title_rows = "1:1"
