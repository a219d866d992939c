"""Plans -> the portal's records (``maal.json``, ``plan.json``, ``kpi.json``), and an import's
plans -> plan files with a comment that says where they came from.

GUIDs are kept: an id that is a GUID is written as it is; any other node or plan gets a GUID
derived from its plan and id (uuid5), the same on every export.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from maltrace.load.files import file_stem, plan_file_names, write_atomic
from maltrace.load.models import Area, Goal, Node, Plan, PlanType
from maltrace.load.portal_codes import VISION_TAG, CodeMaps

_GUID = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")
# The namespace of GUIDs derived from maltrace ids (uuid5 of "maltrace plan portal").
_NS = uuid.uuid5(uuid.NAMESPACE_URL, "maltrace:plan-portal")


def guid_of(plan_id: str, node_id: str | None = None) -> str:
    """The GUID a node (or, without ``node_id``, a plan) is written with."""
    own = node_id if node_id is not None else plan_id
    if _GUID.match(own):
        return own.lower()
    return str(uuid.uuid5(_NS, plan_id if node_id is None else f"{plan_id}\0{node_id}"))


def utc_midnight(day: dt.date) -> str:
    """A date as Dataverse writes it: the local midnight in UTC (6 Jan -> 2026-01-05T23:00:00Z)."""
    from maltrace.load.portal_base import oslo

    local = dt.datetime.combine(day, dt.time(0), tzinfo=oslo())
    return local.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


@dataclass
class PortalData:
    maal: list[dict[str, Any]] = field(default_factory=list)
    plan: list[dict[str, Any]] = field(default_factory=list)
    kpis: list[dict[str, Any]] = field(default_factory=list)
    notes: list[tuple[str, dict[str, Any]]] = field(default_factory=list)  # (catalogue key, params)


def plans_to_portal(plans: list[Plan], maps: CodeMaps | None = None) -> PortalData:
    """The portal's records for ``plans``: one ``maal`` record per node, in document order."""
    maps = maps or CodeMaps()
    out = PortalData()
    # A framework's items (SDGs, a ladder's steps) are not the kommune's goals: not written.
    plans = [p for p in plans if p.plan.type is not PlanType.RAMMEVERK]
    where: dict[str, tuple[str, str]] = {}  # node id -> (plan guid, node guid)
    for plan in plans:
        pg = guid_of(plan.id)
        for node in _walk(plan.children()):
            where.setdefault(node.id, (pg, guid_of(plan.id, node.id)))
    for plan in plans:
        pg = guid_of(plan.id)
        head = plan.plan
        out.plan.append(
            {
                "planID": pg,
                "planTyper": maps.plan_type_codes.get(
                    head.type.value, maps.plan_type_codes.get(PlanType.TEMAPLAN.value)
                ),
                "planVisningskode": None,
                "planGjelderFra": utc_midnight(head.date) if head.date else None,
                "planGjelderTil": None,
                "planStatus": maps.status_code(head.status),
                "plan_vedtatt_sak": None,
                "planNavn": head.title,
            }
        )
        # The plan's vision is the parent of its other areas, when it is a root itself (a vision
        # under something else would make its parent's area a loop).
        vision = next((a for a in plan.areas if VISION_TAG in a.tags), None)
        root = vision is not None and not vision.follows_up
        vision_guid = guid_of(plan.id, vision.id) if vision and root else None
        for node in plan.children():
            parent = None
            if (
                isinstance(node, Area)
                and vision_guid
                and VISION_TAG not in node.tags
                and not node.follows_up
            ):
                parent = vision_guid
            _records(out, plan, pg, node, parent, where, maps)
    return out


def _walk(nodes: list[Node]) -> list[Node]:
    out: list[Node] = []
    stack = list(reversed(nodes))
    while stack:
        node = stack.pop()
        out.append(node)
        stack.extend(reversed(node.children()))
    return out


def _level(node: Node, vision: bool) -> str:
    if isinstance(node, Area):
        return "vision" if vision else "area"
    return node.kind.value


def _records(
    out: PortalData,
    plan: Plan,
    pg: str,
    node: Node,
    parent: str | None,
    where: dict[str, tuple[str, str]],
    maps: CodeMaps,
) -> None:
    is_vision = isinstance(node, Area) and VISION_TAG in node.tags
    tags = [t for t in node.tags if not (is_vision and t == VISION_TAG)]
    if parent is None and node.follows_up:
        target = where.get(node.follows_up[0])
        parent = target[1] if target else None
        if len(node.follows_up) > 1:
            params = {"plan": plan.id, "node": node.id, "count": len(node.follows_up)}
            out.notes.append(
                ("portal.export.extra_follows", {**params, "kept": node.follows_up[0]})
            )
    guid = guid_of(plan.id, node.id)
    level = _level(node, is_vision)
    code = maps.level_code(level)
    if code is None and level == "measure":
        code = maps.level_code("strategy")  # the portal has no tiltak level of its own
    out.maal.append(
        {
            "maalID": guid,
            "maalNavn": node.title,
            "maalType": code,
            "maalOverordnet": parent,
            "maalPlan": pg,
            "maalEmneknagger": "; ".join("#" + t for t in tags) if tags else None,
        }
    )
    if isinstance(node, Goal):
        for ind in node.indicators:
            out.kpis.append(_kpi(ind, guid, pg))
    for child in node.children():
        _records(out, plan, pg, child, guid, where, maps)


def _kpi(ind: Any, goal: str, plan: str) -> dict[str, Any]:
    values: dict[int, float] = dict(ind.values or {})
    values.setdefault(ind.baseline.year, ind.baseline.value)
    region = ind.region or "kommune"
    others = [c for c in ind.comparisons if c.region != region]
    years = sorted({*values, *(y for c in others for y in c.values)})
    regions = [{"code": region, "label": region, "group": "municipality", "order": 0}]
    regions += [
        {"code": c.region, "label": c.label, "group": c.group, "order": i}
        for i, c in enumerate(others, 1)
    ]
    series = {region: [values.get(y) for y in years]}
    series.update({c.region: [c.values.get(y) for y in years] for c in others})
    kpi: dict[str, Any] = {
        "id": ind.id,
        "goalId": goal,
        "planId": plan,
        "title": ind.title,
        "target": ind.target.value,
        # Not read by the portal's pages; kept so that a new import gives the target its year.
        "targetYear": str(ind.target.year),
        "unit": ind.unit,
        "latestYear": str(max(values)),
        "preferredRegion": region,
        "regions": regions,
        "years": [str(y) for y in years],
        "series": series,
    }
    source: dict[str, Any] = {"label": ind.source} if ind.source else {}
    if ind.ssb is not None:
        source.update({"table": ind.ssb.table, "indicator": ind.ssb.contents})
        if ind.ssb.transform:
            source["transform"] = ind.ssb.transform
    if source:
        kpi["source"] = source
    return kpi


def dumps(value: Any) -> str:
    """JSON as the portal's pages read it (UTF-8, one record a line for readable diffs)."""
    if isinstance(value, list):
        rows = ",\n".join(json.dumps(v, ensure_ascii=False) for v in value)
        return "[" + rows + "]\n" if value else "[]\n"
    return json.dumps(value, ensure_ascii=False, indent=2) + "\n"


def write_portal(
    data: PortalData, folder: str | os.PathLike[str], *, force: bool = False, protect: Any = ()
) -> list[Path]:
    """Write ``maal.json``, ``plan.json`` and ``kpi.json`` into ``folder``; refuse
    (``OutputExists``) when one is there already, unless ``force``."""
    from maltrace.load.convert import OutputExists

    out = Path(folder)
    targets = [out / "maal.json", out / "plan.json", out / "kpi.json"]
    existing = [p for p in targets if p.exists()]
    if existing and not force:
        raise OutputExists(existing)
    texts = [dumps(data.maal), dumps(data.plan), dumps({"kpis": data.kpis})]
    for text, target in zip(texts, targets, strict=True):
        write_atomic(target, text, protect=protect)
    return targets


def import_file_names(plans: list[Plan]) -> list[str]:
    """File names from the plans' titles (their ids are GUIDs), never two alike."""
    return plan_file_names(file_stem(plan.plan.title)[:80] for plan in plans)
