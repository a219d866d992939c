"""One plan file: bytes -> a validated ``Plan``, or the errors in it (never raises for bad
content)."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from maltrace.load.load_errors import LoadError
from maltrace.load.models import (
    Plan,
    PlanType,
)
from maltrace.load.validation import _validation_errors
from maltrace.load.yamlsafe import TextNote, YamlError, read_yaml

# Codes of the YAML reader's problems, as documented in the README.
_YAML_CODES = {"tag": "yaml-tag"}


@dataclass
class FileResult:
    """What reading one file gave: a plan, or the errors in it."""

    path: str
    plan: Plan | None = None
    errors: list[LoadError] = field(default_factory=list)


def load_file(path: str | os.PathLike[str]) -> FileResult:
    """Read and validate one plan file. Never raises for bad content."""
    name = str(path)
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        return FileResult(
            name, errors=[LoadError("unreadable", name, 0, {"reason": exc.strerror or exc})]
        )
    return parse_plan(data, name)


def parse_plan(data: bytes, name: str) -> FileResult:
    """Validate the bytes of one plan file named ``name`` (used in messages)."""
    notes: list[TextNote] = []
    try:
        raw = read_yaml(data, notes=notes)
    except YamlError as exc:
        return FileResult(
            name,
            errors=[
                LoadError(_YAML_CODES.get(p.code, p.code.replace("_", "-")), name, p.line, p.params)
                for p in exc.problems
            ],
        )
    if raw is None:
        return FileResult(name, errors=[LoadError("empty-file", name, 1)])
    if not isinstance(raw, dict):
        found = "a list" if isinstance(raw, list) else repr(raw)[:40]
        return FileResult(name, errors=[LoadError("not-a-mapping", name, 1, {"found": found})])
    try:
        plan = Plan.model_validate(raw)
    except ValidationError as exc:
        # Read again with the line of every key, so each message points at its own line.
        raw = read_yaml(data, all_key_lines=True)
        return FileResult(name, errors=_validation_errors(exc, raw, name))
    plan.source = name
    plan.text_notes.extend((n.line, n.chars) for n in notes)
    if plan.items or plan.plan.ordered or plan.plan.type is PlanType.RAMMEVERK:
        errors = _framework_errors(plan, name)
        if errors:
            return FileResult(name, errors=errors)
    return FileResult(name, plan=plan)


def _framework_errors(plan: Plan, name: str) -> list[LoadError]:
    """A framework holds items and nothing else; items belong in a framework only; an item id
    is given once in its framework."""
    line = plan.plan.key_lines.get("type", plan.plan.line)
    if plan.plan.type is not PlanType.RAMMEVERK:
        if not plan.items:  # ``ordered: true`` on a plan
            where = plan.plan.key_lines.get("ordered", plan.plan.line)
            return [LoadError("ordered-outside-framework", name, where)]
        return [LoadError("items-outside-framework", name, plan.items[0].line)]
    errors: list[LoadError] = []
    if plan.children():
        errors.append(LoadError("framework-with-goals", name, line))
    seen: dict[str, int] = {}
    stack = list(reversed(plan.items))
    while stack:
        item = stack.pop()
        if item.id in seen:
            errors.append(
                LoadError(
                    "duplicate-item", name, item.line, {"id": item.id, "other": seen[item.id]}
                )
            )
        else:
            seen[item.id] = item.line
        stack.extend(reversed(item.items))
    return errors
