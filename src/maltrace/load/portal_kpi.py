"""The portal's ``kpi.json`` -> indicators on their goals.

A KPI names its goal by GUID, a target, a unit and one series per region (the kommune, its
neighbours, the country ``EAK`` and its KOSTRA group ``EKG07``); the kommune's own series
(``preferredRegion``) becomes the indicator's values.
"""

from __future__ import annotations

from typing import Any

from maltrace.load.portal_base import KPI, Fault, PortalUnreadable, _Record, local_date


def _year(value: object) -> int | None:
    try:
        year = int(str(value).strip())
    except ValueError:
        return None
    return year if 1900 <= year <= 2200 else None


def _num(value: object) -> float | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    return float(value)


def region_series(kpi: dict[str, Any], code: str) -> dict[int, float]:
    """The values of one region by year (years without a value left out)."""
    years = kpi.get("years") if isinstance(kpi.get("years"), list) else []
    series = kpi.get("series") if isinstance(kpi.get("series"), dict) else {}
    values = series.get(code) if isinstance(series, dict) else None
    out: dict[int, float] = {}
    if not isinstance(values, list) or not isinstance(years, list):
        return out
    for y, v in zip(years, values, strict=False):
        year, num = _year(y), _num(v)
        if year is not None and num is not None:
            out[year] = num
    return out


def source_text(source: object) -> str | None:
    """The source as a planner reads it: label, indicator code and the transform."""
    if not isinstance(source, dict):
        return None
    parts = [str(source[k]).strip() for k in ("label",) if source.get(k)]
    extra = [str(source[k]).strip() for k in ("indicator", "transform") if source.get(k)]
    if extra:
        parts.append("(" + "; ".join(extra) + ")")
    return " ".join(parts) or None


_GROUPS = ("municipality", "county", "country", "kostra")


def _regions(kpi: dict[str, Any], own: str) -> dict[str, Any]:
    """The kommune's region, the other regions' series and the SSB table, as indicator data."""
    out: dict[str, Any] = {"region": own}
    regions = kpi.get("regions") if isinstance(kpi.get("regions"), list) else []
    comparisons = []
    for r in regions or []:
        if not isinstance(r, dict) or not str(r.get("code") or "").strip():
            continue
        code = str(r["code"]).strip()
        if code == own:
            continue
        group = r.get("group") if r.get("group") in _GROUPS else "other"
        label = str(r.get("label") or "").strip() or code
        comparisons.append(
            {"region": code, "label": label, "group": group, "values": region_series(kpi, code)}
        )
    if comparisons:
        out["comparisons"] = comparisons
    source = kpi.get("source")
    if isinstance(source, dict) and source.get("table") and source.get("indicator") and own:
        ssb = {"table": str(source["table"]), "contents": str(source["indicator"]), "region": own}
        if source.get("transform"):
            ssb["transform"] = str(source["transform"])
        out["ssb"] = ssb
    return out


def kpi_indicators(
    raw: Any,
    by_guid: dict[str, _Record],
    plans: dict[str, dict[str, Any]],
    faults: list[Fault],
) -> tuple[dict[str, list[dict[str, Any]]], int]:
    """Indicator data by goal GUID, and how many KPIs were read. A KPI that cannot become an
    indicator (no goal, no target, no values) is a fault, not placed."""
    if raw is None:
        return {}, 0
    kpis = raw.get("kpis") if isinstance(raw, dict) else None
    if not isinstance(kpis, list):
        raise PortalUnreadable(KPI, 'expected {"kpis": [{…}, …]}')
    out: dict[str, list[dict[str, Any]]] = {}
    for i, kpi in enumerate(kpis, 1):
        if not isinstance(kpi, dict):
            faults.append(Fault("bad-kpi", KPI, i, "", "", False, params={"field": "{…}"}))
            continue
        kid = str(kpi.get("id") or "").strip()
        title = str(kpi.get("title") or "").strip()
        goal = by_guid.get(str(kpi.get("goalId") or ""))

        def fault(code: str, _i: int = i, _k: str = kid, _t: str = title, **params: Any) -> None:
            faults.append(Fault(code, KPI, _i, _k, _t, False, params=params))

        if not kid or not title:
            fault("bad-kpi", field="id" if not kid else "title")
            continue
        if goal is None or not goal.home:
            fault("kpi-no-goal", goal=kpi.get("goalId") or "")
            continue
        if goal.kind != "goal":
            # Only goals hold indicators in the plan model: the KPI of a strategy sits on the
            # goal the strategy is nested under, and says so.
            above = by_guid.get(goal.up or "")
            while above is not None and above.kind != "goal":
                above = by_guid.get(above.up or "")
            if above is None:
                fault("kpi-not-goal", goal=goal.guid, goal_title=goal.title)
                continue
            faults.append(
                Fault(
                    "kpi-moved-up",
                    KPI,
                    i,
                    kid,
                    title,
                    True,
                    plans[goal.home]["title"],
                    {"goal": goal.guid, "goal_title": goal.title, "above": above.guid},
                )
            )
            goal = above
        region = str(kpi.get("preferredRegion") or "")
        values = region_series(kpi, region)
        target = _num(kpi.get("target"))
        if not values or target is None:
            fault("kpi-no-values", region=region)
            continue
        first = min(values)
        end = local_date(plans[goal.home or ""]["raw"].get("planGjelderTil"))
        target_year = (
            _year(kpi.get("targetYear"))
            or (end.year if end else None)
            or _year(kpi.get("latestYear"))
            or max(values)
        )
        ind: dict[str, Any] = {
            "id": kid,
            "title": title,
            "baseline": {"year": first, "value": values[first]},
            "target": {"year": target_year, "value": target},
            "values": values,
        }
        if kpi.get("unit"):
            ind["unit"] = str(kpi["unit"])
        if target < values[first]:
            ind["direction"] = "down"
        ind.update(_regions(kpi, region))
        raw_source = kpi.get("source")
        # With the SSB table kept apart (``ssb``), the source is its label alone.
        source = (
            str(raw_source.get("label") or "").strip() or None
            if "ssb" in ind and isinstance(raw_source, dict)
            else source_text(raw_source)
        )
        if source:
            ind["source"] = source
        out.setdefault(goal.guid, []).append(ind)
    return out, len(kpis)
