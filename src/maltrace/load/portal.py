"""Plan-portal records (``maal.json``, ``plan.json``, ``kpi.json``) -> plan models.

The records are a kommune's Dataverse tables as its plan portal publishes them (Randaberg:
``LarsAtRandaberg/plan``): a flat list of goals, each naming its parent and its plan by GUID.
This reader puts every record it can into a plan tree and names every one it cannot, with its
GUID and title; ids are the GUIDs, so importing a later version gives every kept record the
same id and ``diff`` shows real changes, not renumbering.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from maltrace.load.models import Plan, PlanType
from maltrace.load.portal_base import (
    KPI,
    MAAL,
    PLAN,
    Fault,
    NothingPlaced,
    PortalUnreadable,
    _Record,
    _text,
    is_portal_folder,
    local_date,
    oslo,
    split_tags,
)
from maltrace.load.portal_codes import VISION_TAG, CodeMaps
from maltrace.load.portal_kpi import kpi_indicators

# Which kinds a kind may hold in the plan model (the vision is an area).
_HOLDS: dict[str, tuple[str, ...]] = {
    "vision": ("goal", "strategy", "measure"),
    "area": ("goal", "strategy", "measure"),
    "goal": ("goal", "strategy", "measure"),
    "strategy": ("strategy", "measure"),
    "measure": (),
}
_LIST_OF = {
    "vision": "areas",
    "area": "areas",
    "goal": "goals",
    "strategy": "strategies",
    "measure": "measures",
}


@dataclass(frozen=True)
class Placement:
    """Where one record went: its plan (by title) and its parent, or top level."""

    guid: str
    title: str
    plan: str
    parent: str | None
    kind: str


@dataclass
class PortalImport:
    plans: list[Plan]
    placements: list[Placement]
    faults: list[Fault]
    records: int  # records in maal.json (and KPIs in kpi.json)
    notes: dict[str, dict[str, str]] = field(default_factory=dict)  # plan id -> what a comment says

    @property
    def not_placed(self) -> list[Fault]:
        return [f for f in self.faults if not f.placed]


def _json(data: bytes, name: str) -> Any:
    try:
        return json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise PortalUnreadable(name, f"not UTF-8 text ({exc.reason})") from None
    except json.JSONDecodeError as exc:
        raise PortalUnreadable(name, exc.msg, exc.lineno, exc.colno) from None


def _records(raw: Any, faults: list[Fault]) -> list[_Record]:
    if not isinstance(raw, list):
        raise PortalUnreadable(MAAL, "expected a list of records ([{…}, …])")
    out: list[_Record] = []
    seen: set[str] = set()
    for i, item in enumerate(raw, 1):
        if not isinstance(item, dict):
            faults.append(Fault("bad-record", MAAL, i, "", "", False, params={"field": "{…}"}))
            continue
        guid = _text(item.get("maalID")) or ""
        title = _text(item.get("maalNavn")) or ""
        code = item.get("maalType")
        bad = next(
            (
                name
                for name, ok in (
                    ("maalID", bool(guid)),
                    ("maalNavn", bool(title)),
                    ("maalType", isinstance(code, int) and not isinstance(code, bool)),
                    (
                        "maalOverordnet",
                        item.get("maalOverordnet") is None or _text(item.get("maalOverordnet")),
                    ),
                    ("maalPlan", item.get("maalPlan") is None or _text(item.get("maalPlan"))),
                )
                if not ok
            ),
            None,
        )
        if bad:
            faults.append(Fault("bad-record", MAAL, i, guid, title, False, params={"field": bad}))
            continue
        if guid in seen:
            faults.append(Fault("duplicate-id", MAAL, i, guid, title, False))
            continue
        seen.add(guid)
        assert isinstance(code, int)
        parent, plan = _text(item.get("maalOverordnet")), _text(item.get("maalPlan"))
        out.append(
            _Record(i, guid, title, code, parent, plan, split_tags(item.get("maalEmneknagger")))
        )
    return out


def _plans(raw: Any, maps: CodeMaps, faults: list[Fault]) -> dict[str, dict[str, Any]]:
    if not isinstance(raw, list):
        raise PortalUnreadable(PLAN, "expected a list of plans ([{…}, …])")
    out: dict[str, dict[str, Any]] = {}
    for i, item in enumerate(raw, 1):
        guid = _text(item.get("planID")) if isinstance(item, dict) else None
        title = _text(item.get("planNavn")) if isinstance(item, dict) else None
        if not isinstance(item, dict) or not guid or not title:
            field_ = "planID" if not guid else "planNavn"
            faults.append(
                Fault("bad-plan", PLAN, i, guid or "", title or "", False, params={"field": field_})
            )
            continue
        if guid in out:
            faults.append(Fault("duplicate-plan", PLAN, i, guid, title, False))
            continue
        code = item.get("planTyper")
        kind = maps.plan_types.get(code) if isinstance(code, int) else None
        if kind is None:
            kind = PlanType.TEMAPLAN.value
            faults.append(
                Fault("unknown-plan-type", PLAN, i, guid, title, True, title, {"code": code})
            )
        out[guid] = {"index": i, "title": title, "type": kind, "raw": item}
    return out


def read_portal_folder(
    folder: str | os.PathLike[str], maps: CodeMaps | None = None
) -> PortalImport:
    """The plans in a portal data folder. Raises ``PortalUnreadable`` when nothing can be read."""
    base = Path(folder)
    data: dict[str, bytes | None] = {}
    for name in (MAAL, PLAN, KPI):
        path = base / name
        try:
            data[name] = path.read_bytes()
        except FileNotFoundError:
            if name != KPI:
                raise PortalUnreadable(str(path), "the file is missing") from None
            data[name] = None
        except OSError as exc:
            raise PortalUnreadable(str(path), exc.strerror or str(exc)) from None
    maal, plan = data[MAAL], data[PLAN]
    assert maal is not None and plan is not None
    return read_portal(maal, plan, data[KPI], maps)


def read_portal(
    maal: bytes, plan: bytes, kpi: bytes | None = None, maps: CodeMaps | None = None
) -> PortalImport:
    """The plans in the portal's records, every record placed or named in ``faults``."""
    maps = maps or CodeMaps()
    faults: list[Fault] = []
    plans = _plans(_json(plan, PLAN), maps, faults)
    records = _records(_json(maal, MAAL), faults)
    kpis = _json(kpi, KPI) if kpi is not None else None
    by_guid = {r.guid: r for r in records}
    placed = _place(records, by_guid, plans, maps, faults)
    built = _build(placed, set(by_guid), plans, faults)
    indicators, kpi_count = kpi_indicators(kpis, by_guid, plans, faults)
    models, notes = _models(placed, built, plans, maps, indicators)
    placements = [
        Placement(r.guid, r.title, plans[r.home]["title"], r.up or r.follows, r.kind)
        for r in placed
        if r.home
    ]
    faults.sort(key=lambda f: (f.file != PLAN, f.file, f.index))
    return PortalImport(models, placements, faults, len(records) + kpi_count, notes)


def _home(
    rec: _Record, by_guid: dict[str, _Record], plans: dict[str, dict[str, Any]]
) -> str | None:
    """The plan of the nearest record up the parent chain that has a known plan."""
    seen = {rec.guid}
    cur = by_guid.get(rec.parent or "")
    while cur is not None and cur.guid not in seen:
        if cur.plan in plans:
            return cur.plan
        seen.add(cur.guid)
        cur = by_guid.get(cur.parent or "")
    return None


def _place(
    records: list[_Record],
    by_guid: dict[str, _Record],
    plans: dict[str, dict[str, Any]],
    maps: CodeMaps,
    faults: list[Fault],
) -> list[_Record]:
    """Give each record its kind and plan; those without either are faults, not placed."""
    out: list[_Record] = []
    for rec in records:
        kind = maps.levels.get(rec.code)
        if kind is None:
            faults.append(
                Fault(
                    "unknown-level",
                    MAAL,
                    rec.index,
                    rec.guid,
                    rec.title,
                    False,
                    params={"code": rec.code},
                )
            )
            continue
        rec.kind = kind
        if rec.plan in plans:
            rec.home = rec.plan
        else:
            home = _home(rec, by_guid, plans)
            code = "unknown-plan" if rec.plan else "no-plan"
            params = {"guid_plan": rec.plan or ""}
            if home is None:
                faults.append(
                    Fault(code, MAAL, rec.index, rec.guid, rec.title, False, params=params)
                )
                continue
            rec.home = home
            title = plans[home]["title"]
            faults.append(
                Fault(code + "-parent", MAAL, rec.index, rec.guid, rec.title, True, title, params)
            )
        out.append(rec)
    return out


def _cycle_cuts(placed: dict[str, _Record]) -> dict[str, list[str]]:
    """Records whose parent link closes a loop of several records: the loop's record with the
    smallest GUID, with the loop's GUIDs (each loop cut once, always at the same record)."""
    cuts: dict[str, list[str]] = {}
    state: dict[str, int] = {}  # 1: on the current walk, 2: done
    for start in placed:
        walk: list[str] = []
        cur: str | None = start
        while cur is not None and cur in placed and state.get(cur, 0) == 0:
            state[cur] = 1
            walk.append(cur)
            nxt = placed[cur].parent
            cur = nxt if nxt != cur else None
        if cur is not None and state.get(cur) == 1:
            loop = walk[walk.index(cur) :]
            if len(loop) > 1:
                cuts[min(loop)] = loop
        for g in walk:
            state[g] = 2
    return cuts


def _build(
    records: list[_Record],
    known: set[str],
    plans: dict[str, dict[str, Any]],
    faults: list[Fault],
) -> dict[str, list[_Record]]:
    """Decide each record's parent; the records at the top of each plan, in file order."""
    placed = {r.guid: r for r in records}
    cuts = _cycle_cuts(placed)
    tops: dict[str, list[_Record]] = {g: [] for g in plans}

    def fault(rec: _Record, code: str, **params: Any) -> None:
        title = plans[rec.home or ""]["title"]
        faults.append(Fault(code, MAAL, rec.index, rec.guid, rec.title, True, title, params))

    for rec in records:
        if rec.kind != "vision" and VISION_TAG in rec.tags:
            # The tag marks the plan's vision among its areas; elsewhere it would make the
            # record a vision on export.
            rec.tags = [t for t in rec.tags if t != VISION_TAG]
            fault(rec, "reserved-tag", tag=VISION_TAG)
        parent = placed.get(rec.parent or "")
        if rec.parent is None:
            if rec.kind not in ("vision", "area"):  # a plan's top level holds its areas
                fault(rec, "no-parent")
        elif rec.parent == rec.guid:
            fault(rec, "own-parent")
        elif rec.guid in cuts:
            fault(rec, "cycle", loop=" → ".join(cuts[rec.guid] + [rec.guid]))
        elif parent is None:
            code = "parent-not-placed" if rec.parent in known else "missing-parent"
            fault(rec, code, parent=rec.parent)
        elif parent.home != rec.home:
            rec.follows = parent.guid  # a link between plans: the portal's own way of saying it
        elif rec.kind == "area" and parent.kind == "vision":
            pass  # areas do not nest: a satsingsområde stands at the top, beside its vision
        elif rec.kind in _HOLDS[parent.kind]:
            rec.up = parent.guid
        else:
            fault(rec, "level-mismatch", parent=parent.guid, parent_title=parent.title)
            rec.follows = parent.guid
        if rec.up is None:
            tops[rec.home or ""].append(rec)
    _duplicate_titles(records, plans, faults)
    return tops


def _duplicate_titles(
    records: list[_Record], plans: dict[str, dict[str, Any]], faults: list[Fault]
) -> None:
    first: dict[tuple[str, str], _Record] = {}
    for rec in records:
        key = (rec.home or "", " ".join(rec.title.casefold().split()))
        if key in first:
            other = first[key]
            title = plans[rec.home or ""]["title"]
            faults.append(
                Fault(
                    "duplicate-title",
                    MAAL,
                    rec.index,
                    rec.guid,
                    rec.title,
                    True,
                    title,
                    {"other": other.guid},
                )
            )
        else:
            first[key] = rec


def _models(
    records: list[_Record],
    tops: dict[str, list[_Record]],
    plans: dict[str, dict[str, Any]],
    maps: CodeMaps,
    indicators: dict[str, list[dict[str, Any]]],
) -> tuple[list[Plan], dict[str, dict[str, str]]]:
    children: dict[str, list[_Record]] = {}
    for rec in records:
        if rec.up is not None:
            children.setdefault(rec.up, []).append(rec)
    home_of = {r.guid: r.home or "" for r in records}
    follows: dict[str, set[str]] = {g: set() for g in plans}
    for rec in records:
        if rec.follows and home_of.get(rec.follows, rec.home) != rec.home:
            follows[rec.home or ""].add(home_of[rec.follows])
    samfunnsplan = [g for g, p in plans.items() if p["type"] == PlanType.SAMFUNNSPLAN.value]
    order = list(plans)
    out: list[Plan] = []
    notes: dict[str, dict[str, str]] = {}
    for guid, info in plans.items():
        raw = info["raw"]
        # Every other plan follows the samfunnsdel (PBL § 11-2); links between plans say so too.
        wanted = set(follows[guid])
        if samfunnsplan and guid not in samfunnsplan:
            wanted.add(samfunnsplan[0])
        head: dict[str, Any] = {
            "id": guid,
            "type": info["type"],
            "title": info["title"],
            "language": "nb",
        }
        status = raw.get("planStatus")
        if isinstance(status, int) and status in maps.statuses:
            head["status"] = maps.statuses[status]
        start = local_date(raw.get("planGjelderFra"))
        if start is not None:
            head["date"] = start
        if wanted:
            head["follows"] = sorted(wanted, key=order.index)
        data: dict[str, Any] = {"plan": head}
        for rec in tops[guid]:
            data.setdefault(_LIST_OF[rec.kind], []).append(_node(rec, children, indicators))
        out.append(Plan.model_validate(data))
        end = local_date(raw.get("planGjelderTil"))
        note = {"guid": guid, "valid_to": end.isoformat() if end else ""}
        note["case"] = _text(raw.get("plan_vedtatt_sak")) or ""
        notes[guid] = {k: v for k, v in note.items() if v}
    return out, notes


def _node(
    rec: _Record, children: dict[str, list[_Record]], indicators: dict[str, list[dict[str, Any]]]
) -> dict[str, Any]:
    node: dict[str, Any] = {"id": rec.guid, "title": rec.title}
    tags = rec.tags
    if rec.kind == "vision":
        tags = [VISION_TAG, *(t for t in rec.tags if t != VISION_TAG)]
    if tags:
        node["tags"] = tags
    if rec.follows:
        node["follows_up"] = [rec.follows]
    for child in children.get(rec.guid, []):
        node.setdefault(_LIST_OF[child.kind], []).append(_node(child, children, indicators))
    if rec.guid in indicators and rec.kind == "goal":
        node["indicators"] = indicators[rec.guid]
    return node


__all__ = [
    "KPI",
    "MAAL",
    "PLAN",
    "Fault",
    "NothingPlaced",
    "Placement",
    "PortalImport",
    "PortalUnreadable",
    "is_portal_folder",
    "local_date",
    "oslo",
    "read_portal",
    "read_portal_folder",
    "split_tags",
]
