"""The workbook layout shared by Excel import, export and the template.

Three sheets: **Planar** (one row per plan), **Nodar** (one row per node) and **Indikatorar**
(one row per indicator of a goal). Their columns are derived from the plan models
(``allowed_keys``), so a key added to a model becomes a column without touching this module. A
key whose value is a list of mappings (other than a goal's indicators, which have their own
sheet) has no column: export refuses a plan that uses one rather than drop it.
"""

from __future__ import annotations

import datetime as dt
import re
import types
import typing
from dataclasses import dataclass
from enum import Enum
from typing import Annotated, Any, Literal, get_args, get_origin

from pydantic import BaseModel

from maltrace.i18n import LANGS, Lang, has, t
from maltrace.load.models import (
    LIST_KINDS,
    MODEL_OF,
    Indicator,
    Item,
    Kind,
    Plan,
    PlanInfo,
    Point,
    allowed_keys,
)

Shape = Literal["text", "list", "date", "bool", "number", "mapping", "complex"]

# Where a node sits (not a model key): the plan it belongs to, its kind, the node above it.
PLAN_COL, TYPE_COL, PARENT_COL = "plan", "type", "parent"
# Where an indicator sits: the goal it measures (and the plan, as in Nodar).
GOAL_COL = "goal"
# A goal's indicators have their own sheet, not a column in Nodar.
INDICATORS = "indicators"

# Cells holding several ids: separated by commas, semicolons or line breaks.
LIST_SPLIT = re.compile(r"[,;\r\n]+")
# A mapping in a cell: "key: value" pairs separated by semicolons or line breaks.
PAIR_SPLIT = re.compile(r"[;\r\n]+")
LIST_SEPARATORS = (",", ";", "\n", "\r")

# The words planners use for each kind of node (compared lowercased, spaces squeezed).
KIND_WORDS: dict[str, Kind] = {
    "area": Kind.AREA,
    "priority area": Kind.AREA,
    "focus area": Kind.AREA,
    "satsingsområde": Kind.AREA,
    "satsingsomrade": Kind.AREA,
    "innsatsområde": Kind.AREA,
    "innsatsomrade": Kind.AREA,
    "fokusområde": Kind.AREA,
    "område": Kind.AREA,
    "goal": Kind.GOAL,
    "main goal": Kind.GOAL,
    "sub-goal": Kind.GOAL,
    "subgoal": Kind.GOAL,
    "mål": Kind.GOAL,
    "mal": Kind.GOAL,
    "hovudmål": Kind.GOAL,
    "hovedmål": Kind.GOAL,
    "delmål": Kind.GOAL,
    "målsetjing": Kind.GOAL,
    "målsetting": Kind.GOAL,
    "strategy": Kind.STRATEGY,
    "strategi": Kind.STRATEGY,
    "strategiar": Kind.STRATEGY,
    "strategier": Kind.STRATEGY,
    "delstrategi": Kind.STRATEGY,
    "hovudstrategi": Kind.STRATEGY,
    "hovedstrategi": Kind.STRATEGY,
    "measure": Kind.MEASURE,
    "action": Kind.MEASURE,
    "tiltak": Kind.MEASURE,
}
# A framework's item (an SDG, a target, a step of a ladder): a row kind beside the node kinds,
# in plans of type rammeverk only, under ``items``.
ITEM = "item"
ITEM_WORDS = frozenset({"item", "items", "punkt", "trinn", "step", "framework item"})
RowKind = Kind | str  # a Kind, or ITEM

# Plan types as planners may write them, beside the model's own values.
PLAN_TYPE_WORDS: dict[str, str] = {
    "samfunnsdel": "samfunnsplan",
    "kommuneplanens samfunnsdel": "samfunnsplan",
    "kommuneplanen sin samfunnsdel": "samfunnsplan",
    "handlingsprogram": "handlingsdel",
    "handlingsplan": "handlingsdel",
    "sektorplan": "kommunedelplan",
}
# Common column names in planners' own sheets (domain.md), beside the catalogue's labels.
HEADER_WORDS: dict[str, str] = {
    "nr": "id",
    "nr.": "id",
    "nummer": "id",
    "kode": "id",
    "ansvarleg": "responsible",
    "ansvarlig": "responsible",
    "år": "due",
    "kommentar": "description",
    "parent id": "parent",
    "overordna": "parent",
    "overordnet": "parent",
}


def norm(text: str) -> str:
    """A header or word as compared: lowercased, underscores and runs of spaces as one space."""
    return " ".join(text.replace("_", " ").replace("\u00a0", " ").split()).casefold()


def _unwrap(annotation: Any) -> Any:
    while get_origin(annotation) is Annotated:
        annotation = get_args(annotation)[0]
    return annotation


def shape_of(annotation: Any) -> Shape:
    """How a field's values fit in a cell."""
    annotation = _unwrap(annotation)
    origin = get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        parts = [a for a in get_args(annotation) if a is not type(None)]
        if len(parts) == 1:
            return shape_of(parts[0])
        shapes = {shape_of(p) for p in parts}
        if shapes == {"text", "date"}:
            return "text"  # a year, a date or a period (due): a cell holds any of them
        return shapes.pop() if len(shapes) == 1 else "complex"
    if origin is Literal:
        return "text"
    if origin in (list, tuple, set, frozenset):
        args = get_args(annotation)
        inner = _unwrap(args[0]) if args else str
        return (
            "list"
            if inner is str or (isinstance(inner, type) and issubclass(inner, Enum))
            else "complex"
        )
    if origin is dict:
        pair = [_unwrap(a) for a in get_args(annotation)]
        simple = (str, int, float)
        # year -> amount (cost): "2026: 400000; 2027: 400000" in one cell
        return "mapping" if len(pair) == 2 and all(a in simple for a in pair) else "complex"
    if annotation is str or (isinstance(annotation, type) and issubclass(annotation, Enum)):
        return "text"
    if annotation is bool:
        return "bool"
    if annotation in (int, float):
        return "number"
    if annotation in (dt.date, dt.datetime):
        return "date"
    return "complex"


# A list that may be absent (None) and empty ([]) with different meanings (``relevant_goals``:
# absent = every goal, empty = none) is written ``[]`` when empty, so a cell tells them apart.
EMPTY_LIST = "[]"


@dataclass(frozen=True)
class Column:
    key: str
    shape: Shape
    # For a list: None and [] mean different things (see EMPTY_LIST).
    none_is_not_empty: bool = False


def _columns(models: list[type[BaseModel]], skip: set[str]) -> tuple[list[Column], list[str]]:
    """The columns the models' keys give, in the models' order, and the keys left out."""
    cols: list[Column] = []
    left_out: list[str] = []
    seen: set[str] = set()
    for model in models:
        for key in allowed_keys(model):
            if key in seen or key in skip:
                continue
            seen.add(key)
            shape = shape_of(model.model_fields[key].annotation)
            if shape == "complex":
                left_out.append(key)
            else:
                info = model.model_fields[key]
                optional = shape == "list" and info.default is None and not info.is_required()
                cols.append(Column(key, shape, optional))
    return cols, left_out


def node_models() -> list[type[BaseModel]]:
    return [MODEL_OF[k] for k in (Kind.AREA, Kind.GOAL, Kind.STRATEGY, Kind.MEASURE)]


def model_of(kind: RowKind) -> type[BaseModel]:
    return Item if kind == ITEM else MODEL_OF[Kind(kind)]


def node_columns() -> tuple[list[Column], list[str]]:
    """Nodar: plan, id, type, title, parent, then every other key of a node or framework item
    (children excluded)."""
    skip = set(LIST_KINDS) | {"id", "title", "items", INDICATORS}
    cols, left_out = _columns([*node_models(), Item], skip)
    head = [
        Column(PLAN_COL, "text"),
        Column("id", "text"),
        Column(TYPE_COL, "text"),
        Column("title", "text"),
        Column(PARENT_COL, "text"),
    ]
    return head + cols, left_out


def plan_columns() -> tuple[list[Column], list[str]]:
    """Planar: every key of the plan header."""
    return _columns([PlanInfo], set())


# An indicator's keys the sheet has no column for: the KOSTRA regions beside it and the SSB
# table come from the plan portal or SSB and live in plan files only (export refuses them).
INDICATOR_OFF_SHEET = ("region", "comparisons", "ssb")


def indicator_columns() -> list[Column]:
    """Indikatorar: plan, goal, then every key of an indicator; a point in time (baseline,
    target) is two columns, ``baseline_year`` and ``baseline_value``."""
    cols = [Column(PLAN_COL, "text"), Column(GOAL_COL, "text")]
    for key in allowed_keys(Indicator):
        if key in INDICATOR_OFF_SHEET:
            continue
        annotation = _unwrap(Indicator.model_fields[key].annotation)
        if annotation is Point:
            cols.extend(Column(f"{key}_{part}", "number") for part in allowed_keys(Point))
        else:
            cols.append(Column(key, shape_of(annotation)))
    return cols


# An indicator's direction as planners write it (compared as ``norm`` gives it).
DIRECTION_WORDS: dict[str, str] = {
    **dict.fromkeys(("up", "opp", "auke", "øke", "høgare", "høyere", "higher", "↑"), "up"),
    **dict.fromkeys(("down", "ned", "minke", "lågare", "lavere", "lower", "↓"), "down"),
}


def direction_word(direction: str, lang: Lang) -> str:
    return t(f"excel.direction.{direction}", lang)


def parse_direction(text: str) -> str | None:
    word = norm(text)
    if word in DIRECTION_WORDS:
        return DIRECTION_WORDS[word]
    for value in ("up", "down"):
        if any(norm(direction_word(value, lang)) == word for lang in LANGS):
            return value
    return None


def plan_extra_keys() -> list[str]:
    """Top-level keys of a plan file beside ``plan`` and the node lists (none have a column)."""
    return [
        k for k in allowed_keys(Plan) if k not in ("plan", "items") and k not in Plan.child_fields
    ]


def child_list(parent: RowKind | None, child: RowKind) -> str | None:
    """The list key under which a ``child`` row sits in ``parent`` (None: plan top level),
    or None when that nesting is not allowed. Items sit only under items or at the top."""
    if child == ITEM:
        return "items" if parent is None or parent == ITEM else None
    if parent == ITEM:
        return None
    key = next(k for k, v in LIST_KINDS.items() if v is child)
    fields = Plan.child_fields if parent is None else MODEL_OF[Kind(parent)].child_fields
    return key if key in fields else None


def label(key: str, lang: Lang) -> str:
    """The header of a column in ``lang`` (the English key when the catalogue has none)."""
    return t(f"excel.col.{key}", lang) if has(f"excel.col.{key}") else key


def header_map(columns: list[Column]) -> dict[str, str]:
    """Every accepted header (normalised) -> key: the English key and its nn/nb/en labels."""
    out: dict[str, str] = {}
    keys = {c.key for c in columns}
    for word, key in HEADER_WORDS.items():
        if key in keys:
            out[norm(word)] = key
    for c in columns:
        for lang in LANGS:
            out[norm(label(c.key, lang))] = c.key
        out[norm(c.key)] = c.key
    return out


def sheet_names(which: Literal["plans", "nodes", "indicators", "help"]) -> list[str]:
    return [t(f"excel.sheet.{which}", lang) for lang in LANGS]


def kind_word(kind: RowKind, lang: Lang) -> str:
    if kind == ITEM:
        return t("excel.kind.item", lang)
    return t(f"kind.{Kind(kind).value}", lang)


def parse_kind(text: str) -> RowKind | None:
    word = norm(text)
    return ITEM if word in ITEM_WORDS else KIND_WORDS.get(word)


def kind_choices(lang: Lang) -> list[str]:
    kinds: list[RowKind] = [Kind.AREA, Kind.GOAL, Kind.STRATEGY, Kind.MEASURE, ITEM]
    return [kind_word(k, lang) for k in kinds]
