"""The typed plan model: what a plan file may hold, checked by pydantic.

Keys are English and fixed; an unknown key is an error (a silently ignored ``follow_up`` would
silently drop links). Every node remembers the line it starts on, for messages a planner can act on.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from enum import StrEnum
from typing import Annotated, Any, ClassVar, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PrivateAttr,
    StringConstraints,
    field_validator,
)

from maltrace.i18n import Lang, choose_lang
from maltrace.load.positions import KEYS, LINE

Id = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]


class Kind(StrEnum):
    AREA = "area"
    GOAL = "goal"
    STRATEGY = "strategy"
    MEASURE = "measure"


class PlanType(StrEnum):
    SAMFUNNSPLAN = "samfunnsplan"
    KOMMUNEDELPLAN = "kommunedelplan"
    HANDLINGSDEL = "handlingsdel"
    TEMAPLAN = "temaplan"
    RAMMEVERK = "rammeverk"  # a framework or ladder: items, not goals


class _Located(BaseModel):
    """Source position, filled by the YAML reader (never by the planner)."""

    model_config = ConfigDict(extra="forbid", frozen=False, populate_by_name=True, defer_build=True)

    line: int = Field(default=0, alias=LINE, exclude=True)
    key_lines: dict[str, int] = Field(default_factory=dict, alias=KEYS, exclude=True)


# One set of given field names per combination, shared by the nodes that gave the same ones.
_FIELD_SETS: dict[frozenset[str], frozenset[str]] = {}


class Node(_Located):
    # Nodes are never changed after loading; frozen, they can share what pydantic keeps per node.
    model_config = ConfigDict(frozen=True)

    kind: ClassVar[Kind]
    # Child lists in the order they are walked; subclasses narrow this.
    child_fields: ClassVar[tuple[str, ...]] = ()
    # List fields an empty value of which is shared (see _share_empty); subclasses add theirs.
    empty_lists: ClassVar[tuple[str, ...]] = ("tags", "follows_up")
    # Fields left out of the node's dict while at their default (see model_post_init).
    sparse_fields: ClassVar[tuple[str, ...]] = ("contributes_to", "reason_no_link")

    id: Id
    title: Text
    description: str | None = None
    tags: list[str] = Field(default_factory=list)
    follows_up: list[Id] = Field(default_factory=list)
    # -- frameworks --
    # Framework items this node contributes to; never a follow-up. An immutable default: pydantic
    # copies a list default for every node, but shares the one empty tuple.
    contributes_to: tuple[Id, ...] = ()
    # -- a node in a following plan that deliberately follows up nothing ----------------------
    reason_no_link: Text | None = None

    def model_post_init(self, context: Any, /) -> None:
        # The one place maltrace reaches into pydantic's per-instance state, for memory only
        # (tests/test_model_memory.py holds that nodes still read, dump, compare and pickle as
        # plain models). pydantic keeps, per instance, the set of field names given (728
        # bytes: a third of a node, 0.5 GB for a country's plans); a frozen node can share one
        # with its like.
        names = frozenset(self.__pydantic_fields_set__)
        object.__setattr__(self, "__pydantic_fields_set__", _FIELD_SETS.setdefault(names, names))
        # Fields most nodes leave at their default (contributes_to, and
        # reasons, cost, indicators) are left out of the node's dict and read from the class
        # (see _SPARSE below): each one more entry would move every tiltak's dict a size class
        # up (10 -> 11 entries: 272 -> 464 bytes). Pickling and equality hold.
        values = self.__dict__
        sparse = self.sparse_fields
        if any(values[k] is _SPARSE[k] or values[k] == _SPARSE[k] for k in sparse):
            values = {k: v for k, v in values.items() if k not in sparse or v != _SPARSE[k]}
            object.__setattr__(self, "__dict__", values)
        _share_empty(values, self.empty_lists)

    def children(self) -> list[Node]:
        out: list[Node] = []
        for name in self.child_fields:
            out.extend(getattr(self, name))
        return out


# -- tiltak status, due dates, cost, indicators --------------------------------------------------
# Shared empty values: most nodes give no tags, links or key lines, and a list or dict per node
# for nothing costs 56-64 bytes each (a country's plans: tens of megabytes). Frozen nodes never
# change them in place.
_EMPTY_LIST: list[Any] = []
_EMPTY_DICT: dict[str, int] = {}


def _share_empty(fields: dict[str, Any], lists: tuple[str, ...]) -> None:
    # Named, not searched for: this runs for every node parsed (a loop over all fields cost a
    # fifth of a tiltak's validation).
    if not fields["key_lines"]:
        fields["key_lines"] = _EMPTY_DICT
    for name in lists:
        if not fields[name]:
            fields[name] = _EMPTY_LIST


_YEAR = re.compile(r"^\s*(\d{4})\s*$")
_PERIOD = re.compile(r"^\s*(\d{4})\s*[-–—]\s*(\d{4})\s*$")


def parse_due(value: object) -> dt.date | None:
    """The last day a ``due`` allows: ``2025`` -> 31 Dec 2025; ``2025–2026`` -> 31 Dec 2026;
    a date is itself. None when the text is none of these."""
    if isinstance(value, dt.date):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        return None
    m = _YEAR.match(value) or _PERIOD.match(value)
    if m:
        first, last = int(m.group(1)), int(m.group(m.lastindex or 1))
        if 1900 <= first <= last <= 2200:
            return dt.date(last, 12, 31)
        return None
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        return None


def _check_due(value: object) -> object:
    if value is None:
        return None
    if parse_due(value) is None:
        raise ValueError("due: a year (2025), a date (2025-06-30) or a period (2025–2026)")
    return value if isinstance(value, (str, dt.date)) else str(value)


# Kept as written (text or date); parse_due gives the date it means.
Due = Annotated[str | dt.date, BeforeValidator(_check_due)]


def _number(value: object) -> object:
    """Numbers as planners write them: ``3,4``, ``1 250 000``, ``72.5``."""
    if isinstance(value, str):
        text = value.strip().replace("\u00a0", "").replace(" ", "").replace(",", ".")
        try:
            return float(text)
        except ValueError:
            return value
    return value


def _plain_mapping(value: object) -> object:
    """A mapping from the YAML reader without its line bookkeeping, numbers read kindly."""
    if isinstance(value, dict):
        return {k: _number(v) for k, v in value.items() if k not in (LINE, KEYS)}
    return value


Number = Annotated[float, BeforeValidator(_number)]


class Point(_Located):
    """A value in a year: an indicator's baseline or target."""

    model_config = ConfigDict(frozen=True)

    year: int
    value: Number


class Indicator(_Located):
    """A measure of how far a goal has come (styringsindikator)."""

    model_config = ConfigDict(frozen=True)

    id: Id
    title: Text
    unit: str | None = None
    direction: Literal["up", "down"] = "up"
    baseline: Point
    target: Point
    values: Annotated[dict[int, Number] | None, BeforeValidator(_plain_mapping)] = None
    source: str | None = None

    @field_validator("values")
    @classmethod
    def _no_empty(cls, v: dict[int, float] | None) -> dict[int, float] | None:
        return v or None


# Nested models a key holds, for messages about their keys (see the loader).
NESTED_MODELS: dict[str, type[BaseModel]] = {
    "indicators": Indicator,
    "baseline": Point,
    "target": Point,
}


class Measure(Node):
    """A tiltak: ansvar, år (due) and status are free text as planners write them."""

    kind = Kind.MEASURE
    sparse_fields = ("contributes_to", "reason_no_link", "cost")
    responsible: str | None = None
    # -- raw as written; maltrace.analysis.status reads them ---------------------------------
    due: Due | None = None
    status: str | None = None
    cost: Annotated[dict[int, float] | None, BeforeValidator(_plain_mapping)] = None


class Strategy(Node):
    kind = Kind.STRATEGY
    child_fields = ("strategies", "measures")
    empty_lists = ("tags", "follows_up", "strategies", "measures")
    strategies: list[Strategy] = Field(default_factory=list)
    measures: list[Measure] = Field(default_factory=list)


class Goal(Node):
    kind = Kind.GOAL
    child_fields = ("goals", "strategies", "measures")
    empty_lists = ("tags", "follows_up", "goals", "strategies", "measures")
    sparse_fields = ("contributes_to", "reason_no_link", "reason_not_followed_up", "indicators")
    goals: list[Goal] = Field(default_factory=list)
    strategies: list[Strategy] = Field(default_factory=list)
    measures: list[Measure] = Field(default_factory=list)
    # -- indicators, and a gap the plan explains ------------------------------------------------
    indicators: tuple[Indicator, ...] = ()
    reason_not_followed_up: Text | None = None


class Area(Node):
    kind = Kind.AREA
    child_fields = ("goals", "strategies", "measures")
    empty_lists = ("tags", "follows_up", "goals", "strategies", "measures")
    goals: list[Goal] = Field(default_factory=list)
    strategies: list[Strategy] = Field(default_factory=list)
    measures: list[Measure] = Field(default_factory=list)


# Defaults of the sparse fields, read from the class when a node's dict leaves them out.
_SPARSE: dict[str, Any] = {
    "contributes_to": (),
    "reason_no_link": None,
    "cost": None,
    "reason_not_followed_up": None,
    "indicators": (),
}
Node.contributes_to = ()
Node.reason_no_link = None
Measure.cost = None
Goal.reason_not_followed_up = None
Goal.indicators = ()


class PlanInfo(_Located):
    id: Id
    type: PlanType
    title: Text
    municipality: str | None = None
    language: str | None = None
    status: str | None = None
    date: dt.date | None = None
    follows: list[Id] = Field(default_factory=list)
    relevant_goals: list[Id] | None = None
    # -- frameworks --
    frameworks: tuple[Id, ...] = ()  # the frameworks this plan reports against
    ordered: bool = False  # a framework whose top-level items are the steps of a ladder
    reference: str | None = None  # where a framework's texts come from
    # a CSV of indicator values (indicator;year;value), relative to the plan file
    measurements: Text | None = None


class Item(_Located):
    """An item of a framework (type: rammeverk): an SDG, a target, a step of a ladder."""

    model_config = ConfigDict(frozen=True)

    id: Id
    title: Text
    description: str | None = None
    colour: Annotated[str, StringConstraints(pattern=r"^#[0-9A-Fa-f]{6}$")] | None = None
    items: list[Item] = Field(default_factory=list)


class Plan(_Located):
    """One plan file."""

    child_fields: ClassVar[tuple[str, ...]] = ("areas", "goals", "strategies", "measures")

    plan: PlanInfo
    areas: list[Area] = Field(default_factory=list)
    goals: list[Goal] = Field(default_factory=list)
    strategies: list[Strategy] = Field(default_factory=list)
    measures: list[Measure] = Field(default_factory=list)
    items: list[Item] = Field(default_factory=list)  # a framework's items
    # Where it was read from; set by the loader, not part of the file format.
    source: str = Field(default="", exclude=True)
    # (line, code points) of each text where the loader made a control character visible
    # (finding ``control-character``); set by the loader, never from the file.
    _text_notes: list[tuple[int, tuple[str, ...]]] = PrivateAttr(default_factory=list)

    @property
    def text_notes(self) -> list[tuple[int, tuple[str, ...]]]:
        return self._text_notes

    @property
    def id(self) -> str:
        return self.plan.id

    def children(self) -> list[Node]:
        return [*self.areas, *self.goals, *self.strategies, *self.measures]


# Which model a list key holds, for messages ("goal KPS-1.2") and did-you-mean suggestions.
LIST_KINDS: dict[str, Kind] = {
    "areas": Kind.AREA,
    "goals": Kind.GOAL,
    "strategies": Kind.STRATEGY,
    "measures": Kind.MEASURE,
}
MODEL_OF: dict[Kind, type[Node]] = {
    Kind.AREA: Area,
    Kind.GOAL: Goal,
    Kind.STRATEGY: Strategy,
    Kind.MEASURE: Measure,
}


def allowed_keys(model: type[BaseModel]) -> list[str]:
    """The keys a planner may write for ``model`` (no internal fields)."""
    return [
        name
        for name, info in model.model_fields.items()
        if not info.exclude and name not in ("line", "key_lines")
    ]


def plans_language(plans: Iterable[Plan]) -> Lang:
    """The plans' language by the one rule (``i18n.choose_lang``): what most plans declare."""
    return choose_lang(None, (p.plan.language for p in plans))
