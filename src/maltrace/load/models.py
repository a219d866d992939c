"""The typed plan model: what a plan file may hold, checked by pydantic.

Keys are English and fixed; an unknown key is an error (a silently ignored ``follow_up`` would
silently drop links). Every node remembers the line it starts on, for messages a planner can act on.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Annotated, Any, ClassVar

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, StringConstraints

from maltrace.load.yamlsafe import KEYS, LINE

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
    RAMMEVERK = "rammeverk"  # a framework or ladder (issue 12): items, not goals


class _Located(BaseModel):
    """Source position, filled by the YAML reader (never by the planner)."""

    model_config = ConfigDict(extra="forbid", frozen=False, populate_by_name=True)

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

    id: Id
    title: Text
    description: str | None = None
    tags: list[str] = Field(default_factory=list)
    follows_up: list[Id] = Field(default_factory=list)
    # -- frameworks (issue 12) --
    # Framework items this node contributes to; never a follow-up. An immutable default: pydantic
    # copies a list default for every node, but shares the one empty tuple.
    contributes_to: tuple[Id, ...] = ()

    def model_post_init(self, context: Any, /) -> None:
        # pydantic keeps, per instance, the set of field names given (728 bytes: a third of a
        # node, 0.5 GB for a country's plans); a frozen node can share one with its like.
        names = frozenset(self.__pydantic_fields_set__)
        object.__setattr__(self, "__pydantic_fields_set__", _FIELD_SETS.setdefault(names, names))
        # -- frameworks (issue 12) --
        # One more field would double the dict of every goal, area and tiltak (10 -> 11 entries:
        # 272 -> 464 bytes). An empty contributes_to is left out of the node's dict instead and
        # read from the class (``Node.contributes_to = ()`` below); pickling and equality hold.
        values = self.__dict__
        if len(values) in _SHRINKS and not values["contributes_to"]:
            object.__setattr__(
                self, "__dict__", {k: v for k, v in values.items() if k != "contributes_to"}
            )

    def children(self) -> list[Node]:
        out: list[Node] = []
        for name in self.child_fields:
            out.extend(getattr(self, name))
        return out


# Entry counts whose dict is one size class larger than with one entry fewer (5, 10, 21, 42 fit).
_SHRINKS = frozenset({6, 11, 22, 43})
# Read when a node's dict leaves out an empty contributes_to (see ``Node.model_post_init``).
Node.contributes_to = ()


class Measure(Node):
    """A tiltak: ansvar, år (due) and status are free text as planners write them."""

    kind = Kind.MEASURE
    responsible: str | None = None
    due: str | None = None
    status: str | None = None


class Strategy(Node):
    kind = Kind.STRATEGY
    child_fields = ("strategies", "measures")
    strategies: list[Strategy] = Field(default_factory=list)
    measures: list[Measure] = Field(default_factory=list)


class Goal(Node):
    kind = Kind.GOAL
    child_fields = ("goals", "strategies", "measures")
    goals: list[Goal] = Field(default_factory=list)
    strategies: list[Strategy] = Field(default_factory=list)
    measures: list[Measure] = Field(default_factory=list)


class Area(Node):
    kind = Kind.AREA
    child_fields = ("goals", "strategies", "measures")
    goals: list[Goal] = Field(default_factory=list)
    strategies: list[Strategy] = Field(default_factory=list)
    measures: list[Measure] = Field(default_factory=list)


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
    # -- frameworks (issue 12) --
    frameworks: tuple[Id, ...] = ()  # the frameworks this plan reports against
    ordered: bool = False  # a framework whose top-level items are the steps of a ladder
    reference: str | None = None  # where a framework's texts come from


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
    items: list[Item] = Field(default_factory=list)  # a framework's items (issue 12)
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


def json_schema() -> dict[str, Any]:
    """JSON Schema of a plan file, for editors that validate YAML as you type."""
    schema = Plan.model_json_schema(by_alias=False, mode="validation")
    schema["title"] = "maltrace plan file"
    return schema
