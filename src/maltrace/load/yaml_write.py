"""Plan models -> plan file text: readable YAML in document order, nodes nested under parents.

Used by ``import`` (Excel -> YAML). The first line points editors at the JSON Schema
(``# yaml-language-server: $schema=…``), so VS Code completes keys and flags unknown ones.
"""

from __future__ import annotations

import re
from typing import Any

import yaml
from pydantic import BaseModel

from maltrace.load.models import Node, Plan, PlanInfo, allowed_keys

SCHEMA_FILE = "plan.schema.json"


class _Flow(list[Any]):
    """A list of ids, written on one line: ``follows_up: [KPS-1.1, KPS-1.2]``."""


class _FlowMap(dict[Any, Any]):
    """Numbers by key, written on one line as planners do: ``baseline: {year: 2021, value: 62}``,
    ``values: {2023: 64, 2024: 67}``, ``cost: {2026: 400000}``."""


try:  # libyaml's emitter: 20,000 nodes in a second or two, not ten
    _Base: type[yaml.SafeDumper] = yaml.CSafeDumper  # type: ignore[assignment]
except AttributeError:  # pragma: no cover
    _Base = yaml.SafeDumper


class _Dumper(_Base):  # type: ignore[valid-type,misc]
    pass


def _str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    if "\n" in value:
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style="|")
    return dumper.represent_scalar("tag:yaml.org,2002:str", value)


def _flow(dumper: yaml.SafeDumper, value: _Flow) -> yaml.SequenceNode:
    return dumper.represent_sequence("tag:yaml.org,2002:seq", value, flow_style=True)


def _flow_map(dumper: yaml.SafeDumper, value: _FlowMap) -> yaml.MappingNode:
    return dumper.represent_mapping("tag:yaml.org,2002:map", value, flow_style=True)


_Dumper.add_representer(str, _str)
_Dumper.add_representer(_Flow, _flow)
_Dumper.add_representer(_FlowMap, _flow_map)


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


_PLAIN_ID = re.compile(r"^[\w.\-/]+$")


def _value(value: Any) -> Any:
    if isinstance(value, BaseModel):  # an indicator, a baseline: year keys stay numbers
        return _value(value.model_dump(exclude_defaults=True))
    if isinstance(value, float) and value.is_integer() and abs(value) < 2**53:
        return int(value)  # 62, not 62.0 (read back as the same float)
    if isinstance(value, (list, tuple)):
        items = [_value(v) for v in value]
        if items and all(isinstance(v, str) and _PLAIN_ID.match(v) for v in items):
            return _Flow(items)
        return items
    if isinstance(value, dict):
        out = {k: _value(v) for k, v in value.items()}
        return _FlowMap(out) if out and all(map(_is_number, out.values())) else out
    if hasattr(value, "value") and isinstance(getattr(value, "value", None), str):
        return value.value  # an enum
    return value


def _fields(model: BaseModel, skip: tuple[str, ...] = ()) -> dict[str, Any]:
    out: dict[str, Any] = {}
    given = model.model_fields_set
    for key in allowed_keys(type(model)):
        if key in skip:
            continue
        value = getattr(model, key)
        # A default nobody gave (an empty list, ``ordered: false``) is not written.
        if value is None or ((value in ([], {}, ()) or value is False) and key not in given):
            continue
        out[key] = _value(value)
    return out


def _node(node: Node) -> dict[str, Any]:
    out = _fields(node, node.child_fields)
    for key in node.child_fields:
        children = getattr(node, key)
        if children:
            out[key] = [_node(c) for c in children]
    return out


def plan_to_data(plan: Plan) -> dict[str, Any]:
    """The plan as plain data in file order: ``plan`` first, then the node lists."""
    data: dict[str, Any] = {"plan": _fields(plan.plan)}
    data.update(_fields(plan, ("plan", *Plan.child_fields, "source")))
    for key in Plan.child_fields:
        nodes = getattr(plan, key)
        if nodes:
            data[key] = [_node(n) for n in nodes]
    return data


def plan_to_yaml(plan: Plan, schema: str | None = SCHEMA_FILE, comment: str = "") -> str:
    """The text of a plan file for ``plan``; ``schema``: the schema path for the editor line."""
    head = f"# yaml-language-server: $schema={schema}\n" if schema else ""
    if comment:
        head += "".join(f"# {line}\n".replace("# \n", "#\n") for line in comment.splitlines())
    data = plan_to_data(plan)
    parts = []
    for key, value in data.items():
        text = yaml.dump(
            {key: value}, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100
        )
        parts.append(text)
    return head + "\n".join(parts)


__all__ = ["SCHEMA_FILE", "PlanInfo", "plan_to_data", "plan_to_yaml"]
