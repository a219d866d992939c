"""pydantic's validation errors -> the planner's load errors (a key, a line, what to do)."""

from __future__ import annotations

import difflib
from typing import Any

from pydantic import BaseModel, ValidationError

from maltrace.load.load_errors import LoadError, Where
from maltrace.load.models import (
    LIST_KINDS,
    MODEL_OF,
    NESTED_MODELS,
    Item,
    Plan,
    PlanInfo,
    PlanType,
    allowed_keys,
)
from maltrace.load.yamlsafe import KEYS, LINE

# --- pydantic errors -> planner's messages ----------------------------------------------------


def _validation_errors(exc: ValidationError, raw: dict[str, Any], name: str) -> list[LoadError]:
    out: list[LoadError] = []
    seen: set[tuple[str, int, str]] = set()
    for err in exc.errors(include_url=False):
        error = _translate(err, raw, name)
        key = (error.code, error.line, str(error.params.get("key")))
        if key not in seen:
            seen.add(key)
            out.append(error)
    out.sort(key=lambda e: e.line)
    return out


def _translate(err: Any, raw: dict[str, Any], name: str) -> LoadError:
    loc: tuple[Any, ...] = tuple(err["loc"])
    etype: str = err["type"]
    # Walk down to the mapping that holds the offending key.
    container: Any = raw
    model: type[BaseModel] = Plan
    where = Where("top")
    walked = 0
    for i, part in enumerate(loc[:-1]):
        nxt = container[part] if isinstance(container, (dict, list)) else None
        if isinstance(part, str) and part == "plan" and i == 0:
            model, where = PlanInfo, Where("plan")
        elif isinstance(part, str) and part in NESTED_MODELS and i > 0:
            model = NESTED_MODELS[part]  # an indicator, its baseline or target
        elif (
            isinstance(part, int)
            and i > 0
            and isinstance(loc[i - 1], str)
            and loc[i - 1] in LIST_KINDS
        ):
            kind = LIST_KINDS[loc[i - 1]]
            model = MODEL_OF[kind]
            nid = nxt.get("id") if isinstance(nxt, dict) else None
            where = Where("node", kind, nid if isinstance(nid, str) else None, part)
        elif isinstance(part, int) and i > 0 and loc[i - 1] == "items":
            model = Item
            nid = nxt.get("id") if isinstance(nxt, dict) else None
            where = Where("item", None, nid if isinstance(nid, str) else None, part)
        if not isinstance(nxt, (dict, list)):
            break
        container = nxt
        walked = i + 1
    # The key is the last string in loc at or after the container (list indexes are not keys).
    key = next(
        (p for p in reversed(loc[walked:]) if isinstance(p, str)), str(loc[-1]) if loc else ""
    )
    holder = container if isinstance(container, dict) else {}
    line = holder.get(KEYS, {}).get(key) or holder.get(LINE) or 1

    if etype == "extra_forbidden":
        allowed = allowed_keys(model)
        params: dict[str, Any] = {"key": key, "allowed": ", ".join(allowed)}
        close = difflib.get_close_matches(key, allowed, n=1, cutoff=0.6)
        if close:
            params["suggestion"] = close[0]
        return LoadError("unknown-key", name, line, params, where=where)
    if etype == "missing":
        return LoadError("missing-key", name, holder.get(LINE) or line, {"key": key}, where=where)
    return LoadError("bad-value", name, line, {"key": key}, where=where, problem=_problem(err))


def _problem(err: Any) -> tuple[str, dict[str, Any]]:
    etype: str = err["type"]
    if etype in ("string_type",):
        return "problem.text", {}
    if etype in ("string_too_short",):
        return "problem.empty", {}
    if etype in ("list_type",):
        return "problem.list", {}
    if etype in ("model_type", "dict_type", "model_attributes_type"):
        return "problem.mapping", {}
    if etype.startswith("date"):
        return "problem.date", {}
    if etype == "enum":
        return "problem.choice", {"choices": ", ".join(t.value for t in PlanType)}
    return "problem.other", {"detail": err.get("msg", etype)}
