"""A sheet's cells as text and typed values, and the problems a cell can have, named by sheet
and cell (``Nodar!C14``): what the plan and indicator sheets share."""

from __future__ import annotations

import datetime as dt
import difflib
from dataclasses import dataclass, field
from typing import Any

from maltrace.errors import MaltraceError
from maltrace.i18n import Lang, t
from maltrace.load.excel_layout import (
    EMPTY_LIST,
    ITEM,
    LIST_SPLIT,
    PAIR_SPLIT,
    PLAN_TYPE_WORDS,
    Column,
    RowKind,
    header_map,
    label,
    norm,
)
from maltrace.load.models import Kind
from maltrace.load.text import normalise

# Yes and no as planners write them in a cell (anything else is left for the model to refuse).
_BOOL_WORDS = {
    **dict.fromkeys(("ja", "j", "yes", "y", "true", "sann", "sant", "1", "x"), "true"),
    **dict.fromkeys(("nei", "n", "no", "false", "usann", "usant", "0"), "false"),
}
MAX_CELL_CHARS = 32_767  # Excel's own limit


@dataclass(frozen=True)
class SheetProblem:
    """One problem in a workbook: where (sheet and cell) and what to do."""

    code: str
    sheet: str = ""
    cell: str = ""
    params: dict[str, Any] = field(default_factory=dict)

    def location(self) -> str:
        if self.sheet and self.cell:
            return f"{self.sheet}!{self.cell}"
        return self.sheet or self.cell

    def message(self, lang: Lang) -> str:
        params = dict(self.params)
        if "suggestion" in params:
            params["hint"] = " " + t("word.did_you_mean", lang, suggestion=params["suggestion"])
        else:
            params.setdefault("hint", "")
        if isinstance(params.get("key"), str):
            params["key"] = label(params["key"], lang)  # the column's header in ``lang``
        for name, value in params.items():
            if isinstance(value, list):  # keys: their headers in ``lang``
                params[name] = ", ".join(label(str(k), lang) for k in value)
            if isinstance(value, tuple):  # (catalogue key, its params): words in ``lang``
                key, extra = value
                params[name] = t(key, lang, **extra)
        text = t("excel.problem." + self.code.replace("-", "_"), lang, **params)
        return text[:1].upper() + text[1:]

    def text(self, lang: Lang) -> str:
        where = self.location()
        return f"{where}: {self.message(lang)}" if where else self.message(lang)


class ImportFailed(MaltraceError):
    """The workbook could not be read as plans; ``problems`` lists every reason found."""

    code = "import-failed"
    key = "excel.cli.problems"

    def __init__(self, file: str, problems: list[SheetProblem]) -> None:
        super().__init__(file=file, count=len(problems))
        self.file = file
        self.problems = problems


# --- cells -> text ------------------------------------------------------------------------------


def cell_text(value: Any) -> str | None:
    """What a cell holds, as the text a plan file would hold (None for an empty cell)."""
    if value is None:
        return None
    if isinstance(value, str):
        # The same normalisation the YAML reader gives every text (Word's soft line break -> a
        # line break, zero-width characters dropped, control characters made visible).
        text = normalise(value)[0].strip()
        return text or None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.datetime):
        if value.time() == dt.time(0):
            return value.date().isoformat()
        return value.isoformat(sep=" ")
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    return str(value)


def col_letter(index: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA."""
    out = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        out = chr(65 + rem) + out
    return out


@dataclass
class Sheet:
    """A sheet as read: its name, the header row, and the non-empty rows with their numbers."""

    name: str
    headers: list[str | None]
    rows: list[tuple[int, list[str | None]]]
    header_row: int = 1


# --- sheets -> plans ----------------------------------------------------------------------------


def _columns_of(
    sheet: Sheet, columns: list[Column], required: list[str], problems: list[SheetProblem]
) -> dict[str, int]:
    """Header cells -> {key: column index}; unknown, repeated and missing columns are problems."""
    accepted = header_map(columns)
    where: dict[str, int] = {}
    for i, header in enumerate(sheet.headers):
        if header is None:
            continue
        ref = f"{col_letter(i)}{sheet.header_row}"
        key = accepted.get(norm(header))
        if key is None:
            close = difflib.get_close_matches(norm(header), list(accepted), n=1, cutoff=0.75)
            params: dict[str, Any] = {"header": header, "allowed": [c.key for c in columns]}
            if close:
                params["suggestion"] = close[0]
            problems.append(SheetProblem("unknown-column", sheet.name, ref, params))
        elif key in where:
            other = f"{col_letter(where[key])}{sheet.header_row}"
            problems.append(
                SheetProblem("column-twice", sheet.name, ref, {"header": header, "other": other})
            )
        else:
            where[key] = i
    for key in required:
        if key not in where:
            problems.append(SheetProblem("missing-column", sheet.name, "", {"key": key}))
    return where


@dataclass
class _Row:
    sheet: str
    number: int
    cols: dict[str, int]
    values: list[str | None]

    def get(self, key: str) -> str | None:
        i = self.cols.get(key)
        return self.values[i] if i is not None and i < len(self.values) else None

    def ref(self, key: str) -> str:
        i = self.cols.get(key)
        return f"{col_letter(i)}{self.number}" if i is not None else f"A{self.number}"


def _field_value(text: str | None, column: Column) -> Any:
    if text is None:
        return None
    if column.shape == "mapping":
        pairs = [part.split(":", 1) for part in PAIR_SPLIT.split(text) if part.strip()]
        return {k.strip(): (v[0].strip() if v else "") for k, *v in pairs}
    if column.shape == "bool":
        return _BOOL_WORDS.get(norm(text), text)
    if column.shape == "list":
        if column.none_is_not_empty and text == EMPTY_LIST:
            return []
        return [part.strip() for part in LIST_SPLIT.split(text) if part.strip()]
    return text


def _fields(row: _Row, columns: list[Column], skip: set[str]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for c in columns:
        if c.key in skip:
            continue
        value = _field_value(row.get(c.key), c)
        if value is not None and (value != [] or c.none_is_not_empty):
            out[c.key] = value
    return out


def _plan_type(text: str) -> str:
    word = norm(text)
    word = PLAN_TYPE_WORDS.get(word, word)
    return word


def _kind(kind: RowKind) -> tuple[str, dict[str, Any]]:
    return ("excel.kind.item", {}) if kind == ITEM else (f"kind.{Kind(kind).value}", {})
