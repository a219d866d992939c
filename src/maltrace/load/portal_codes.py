"""The plan portal's code lists (Dataverse choice values) and how they map onto plan models.

Randaberg's portal codes levels and plan types with Dataverse option values (701100000…); its
pages read ``maalType`` as the level of a record and ``planTyper`` as the kind of plan. Another
kommune's Dataverse will use other values, so every map can be given otherwise (a small JSON
file: ``{"levels": {"100": "goal"}, "plan_types": {...}, "statuses": {...}}``).
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from maltrace.errors import MaltraceError
from maltrace.load.models import PlanType

# A level is a node kind, or "vision": the plan's one top record (Randaberg's «Sammen skaper vi
# den grønne landsbyen»). Areas do not nest in the plan model, so the vision becomes the plan's
# first area, marked with the tag VISION_TAG so that export can give it its level again.
LEVELS = ("vision", "area", "goal", "strategy", "measure")
VISION_TAG = "visjon"

DEFAULT_LEVELS: dict[int, str] = {
    701100000: "vision",
    701100001: "area",  # satsingsområde
    701100002: "goal",
    701100003: "strategy",
}
DEFAULT_PLAN_TYPES: dict[int, str] = {
    701100000: PlanType.SAMFUNNSPLAN.value,
    701100001: PlanType.TEMAPLAN.value,  # temaplan / kommunedelplan
    701100002: PlanType.HANDLINGSDEL.value,  # handlings- og økonomiplan
    701100003: PlanType.TEMAPLAN.value,  # other plans (reglement, scenario)
}
# Export: which code a plan type gets (the first code a type is read from, but "other" is never
# written for a temaplan: the portal's pages list 701100001 as the temaplanar).
DEFAULT_PLAN_TYPE_CODES: dict[str, int] = {
    PlanType.SAMFUNNSPLAN.value: 701100000,
    PlanType.KOMMUNEDELPLAN.value: 701100001,
    PlanType.TEMAPLAN.value: 701100001,
    PlanType.HANDLINGSDEL.value: 701100002,
    PlanType.RAMMEVERK.value: 701100003,
}
# planStatus: Randaberg's adopted plans carry 701100001 (with their case number), the scenario
# being worked on 701100000. The words are bokmål, as the portal's own texts.
DEFAULT_STATUSES: dict[int, str] = {701100000: "under arbeid", 701100001: "vedtatt"}


class CodeMapError(MaltraceError):
    """A code file that cannot be used."""

    code = "portal-codes"
    key = "portal.map_bad"

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(path=path, reason=reason)
        self.path = path
        self.reason = reason


@dataclass(frozen=True)
class CodeMaps:
    levels: dict[int, str] = field(default_factory=lambda: dict(DEFAULT_LEVELS))
    plan_types: dict[int, str] = field(default_factory=lambda: dict(DEFAULT_PLAN_TYPES))
    statuses: dict[int, str] = field(default_factory=lambda: dict(DEFAULT_STATUSES))
    plan_type_codes: dict[str, int] = field(default_factory=lambda: dict(DEFAULT_PLAN_TYPE_CODES))

    def level_code(self, level: str) -> int | None:
        """The code a level is written with (the first code mapped to it)."""
        return next((c for c, lv in self.levels.items() if lv == level), None)

    def status_code(self, status: str | None) -> int | None:
        if status is None:
            return None
        wanted = status.strip().casefold()
        return next((c for c, s in self.statuses.items() if s.casefold() == wanted), None)


def _int_keys(path: str, name: str, raw: Any, allowed: tuple[str, ...] | None) -> dict[int, str]:
    if not isinstance(raw, dict):
        raise CodeMapError(path, f"«{name}» must map codes to names")
    out: dict[int, str] = {}
    for key, value in raw.items():
        try:
            code = int(key)
        except (TypeError, ValueError):
            raise CodeMapError(path, f"«{name}»: «{key}» is not a number") from None
        if not isinstance(value, str) or (allowed is not None and value not in allowed):
            choices = ", ".join(allowed or ())
            raise CodeMapError(path, f"«{name}» {key}: «{value}» is not one of {choices}")
        out[code] = value
    return out


def read_code_maps(path: str | os.PathLike[str] | None) -> CodeMaps:
    """The portal's maps, with what the file at ``path`` gives in place of the defaults."""
    if path is None:
        return CodeMaps()
    name = os.fspath(path)
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as exc:
        raise CodeMapError(name, exc.strerror or str(exc)) from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise CodeMapError(name, str(exc)) from None
    if not isinstance(data, dict):
        raise CodeMapError(name, "the file must hold one JSON object")
    unknown = set(data) - {"levels", "plan_types", "statuses"}
    if unknown:
        raise CodeMapError(name, "unknown keys: " + ", ".join(sorted(unknown)))
    types = tuple(p.value for p in PlanType)
    maps = CodeMaps()
    levels = _int_keys(name, "levels", data.get("levels", {}), LEVELS) or maps.levels
    plan_types = _int_keys(name, "plan_types", data.get("plan_types", {}), types)
    statuses = _int_keys(name, "statuses", data.get("statuses", {}), None) or maps.statuses
    type_codes = dict(maps.plan_type_codes)
    if plan_types:
        type_codes = {}
        for code, kind in plan_types.items():
            type_codes.setdefault(kind, code)
    return CodeMaps(levels, plan_types or maps.plan_types, statuses, type_codes)
