"""``maltrace export --format portal``: plans -> maal.json, plan.json, kpi.json; and the round
trip import -> export -> import giving the same plans."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from maltrace import api
from maltrace.cli import app
from maltrace.load import Plan, load_plan_set
from maltrace.load.portal import read_portal
from maltrace.load.portal_write import dumps, guid_of, plans_to_portal, utc_midnight
from maltrace.load.yaml_write import plan_to_data

FIX = Path(__file__).parent / "fixtures" / "portal"
NEWEST = FIX / "852a941"
PLANS_DIR = Path(__file__).parent.parent / "plans"


def _again(plans: list[Plan]) -> list[Plan]:
    data = plans_to_portal(plans)
    return read_portal(
        dumps(data.maal).encode(), dumps(data.plan).encode(), dumps({"kpis": data.kpis}).encode()
    ).plans


def _same(a: list[Plan], b: list[Plan]) -> None:
    assert sorted((p.id, plan_to_data(p)) for p in a) == sorted((p.id, plan_to_data(p)) for p in b)


def test_export_keeps_the_portals_records_as_they_were(tmp_path: Path) -> None:
    out = tmp_path / "plans"
    api.import_portal(NEWEST, out)
    api.export_portal(out, tmp_path / "portal")
    before = {r["maalID"]: r for r in json.loads((NEWEST / "maal.json").read_text("utf-8"))}
    after = {r["maalID"]: r for r in json.loads((tmp_path / "portal" / "maal.json").read_text())}
    assert len(after) == 90 and after.keys() <= before.keys()
    changed = {
        (k, f)
        for k, r in after.items()
        for f, v in r.items()
        if before[k][f] != v and f != "maalNavn"
    }
    # Only the record that was its own parent comes back changed (its parent dropped).
    assert changed == {("e08acc75-b05d-f111-a826-7c1e52370ef7", "maalOverordnet")}
    assert all(before[k]["maalNavn"].strip() == r["maalNavn"] for k, r in after.items())
    plans = json.loads((tmp_path / "portal" / "plan.json").read_text())
    samfunnsdel = next(p for p in plans if p["planTyper"] == 701100000)
    assert samfunnsdel["planGjelderFra"] == "2026-01-05T23:00:00Z"
    (kpi,) = json.loads((tmp_path / "portal" / "kpi.json").read_text())["kpis"]
    assert kpi["target"] == 95 and kpi["series"][kpi["preferredRegion"]][-1] == 95.2


def test_round_trip_of_the_real_data() -> None:
    maal, plan, kpi = (NEWEST / n for n in ("maal.json", "plan.json", "kpi.json"))
    plans = read_portal(maal.read_bytes(), plan.read_bytes(), kpi.read_bytes()).plans
    _same(_again(plans), plans)


def test_plans_without_guids_get_stable_derived_ones() -> None:
    plans = load_plan_set([PLANS_DIR]).plans
    first, second = plans_to_portal(plans), plans_to_portal(plans)
    assert first.maal == second.maal and first.plan == second.plan
    ids = [r["maalID"] for r in first.maal]
    assert len(ids) == len(set(ids))
    plan = next(p for p in plans if p.children())
    assert guid_of(plan.id, plan.children()[0].id) in ids
    # A framework (a ladder, the SDGs) is no plan of the kommune's: it is not written.
    assert len(first.plan) == len([p for p in plans if p.plan.type.value != "rammeverk"])
    # A follows_up into another plan becomes the record's parent there.
    parents = {r["maalOverordnet"] for r in first.maal}
    assert ids and parents - {None} <= set(ids)


def test_utc_midnight_is_the_local_midnight() -> None:
    import datetime as dt

    assert utc_midnight(dt.date(2026, 1, 6)) == "2026-01-05T23:00:00Z"
    assert utc_midnight(dt.date(2026, 8, 1)) == "2026-07-31T22:00:00Z"


def test_export_command_refuses_to_write_over(tmp_path: Path) -> None:
    out = tmp_path / "portal"
    runner = CliRunner()
    res = runner.invoke(app, ["export", str(PLANS_DIR), "-o", str(out), "--format", "portal"])
    assert res.exit_code == 0, res.output
    assert {p.name for p in out.iterdir()} == {"maal.json", "plan.json", "kpi.json"}
    again = runner.invoke(app, ["export", str(PLANS_DIR), "-o", str(out), "--format", "portal"])
    assert again.exit_code == 2
    forced = ["export", str(PLANS_DIR), "-o", str(out), "--format", "portal", "--force"]
    assert runner.invoke(app, forced).exit_code == 0


# -- the round trip as a property ---------------------------------------------------------------

_CODES = [701100000, 701100001, 701100002, 701100003, 999]
_PLAN_IDS = [f"00000000-0000-0000-0000-00000000p{n:03d}".replace("p", "a") for n in range(3)]
_title = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=0, max_size=12)


@st.composite
def portal_data(draw: st.DrawFn) -> tuple[bytes, bytes, bytes]:
    n_plans = draw(st.integers(1, 3))
    plans = [
        {
            "planID": _PLAN_IDS[i],
            "planTyper": draw(st.sampled_from([701100000, 701100001, 701100002, 701100003, 5])),
            "planGjelderFra": draw(st.sampled_from([None, "2026-01-05T23:00:00Z", "bad"])),
            "planStatus": draw(st.sampled_from([None, 701100000, 701100001])),
            "planNavn": draw(st.sampled_from(["A", "B", "Plan C"])) + str(i),
        }
        for i in range(n_plans)
    ]
    n = draw(st.integers(0, 25))
    guids = [f"00000000-0000-0000-0000-{i:012d}" for i in range(n)]
    records: list[dict[str, Any]] = []
    for i in range(n):
        parent = draw(
            st.one_of(
                st.none(),
                st.sampled_from(guids),  # itself, a cycle, or a real parent
                st.just("ffffffff-0000-0000-0000-000000000000"),  # one that does not exist
            )
        )
        records.append(
            {
                "maalID": guids[draw(st.integers(0, i))]
                if draw(st.booleans()) and i and draw(st.integers(0, 9)) == 0
                else guids[i],
                "maalNavn": draw(_title),
                "maalType": draw(st.sampled_from(_CODES)),
                "maalOverordnet": parent,
                "maalPlan": draw(st.sampled_from([*_PLAN_IDS[:n_plans], None, _PLAN_IDS[2]])),
                "maalEmneknagger": draw(st.sampled_from([None, "#A; #B", "#visjon", " ; #A"])),
            }
        )
    goals = [r["maalID"] for r in records]
    kpis = [
        {
            "id": f"k{i}",
            "goalId": draw(st.sampled_from(goals)) if goals else "x",
            "title": "KPI",
            "target": draw(st.sampled_from([50, 95.5, None])),
            "unit": "%",
            "latestYear": "2025",
            "preferredRegion": "1127",
            "years": ["2024", "2025"],
            "series": {"1127": draw(st.sampled_from([[1, 2], [None, 3.5], [None, None]]))},
        }
        for i in range(draw(st.integers(0, 2)))
    ]
    return (
        json.dumps(records).encode(),
        json.dumps(plans).encode(),
        json.dumps({"kpis": kpis}).encode(),
    )


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(portal_data())
def test_import_export_import_gives_the_same_plans(data: tuple[bytes, bytes, bytes]) -> None:
    first = read_portal(*data).plans
    _same(_again(first), first)


def test_excel_export_refuses_the_regions_rather_than_drop_them(tmp_path: Path) -> None:
    out = tmp_path / "plans"
    api.import_portal(NEWEST, out)
    res = CliRunner().invoke(app, ["export", str(out), "-o", str(tmp_path / "x.xlsx")])
    assert res.exit_code == 2 and not (tmp_path / "x.xlsx").exists()
    assert "comparisons" in res.output and "ordinaert-opplaeringstilbud-95" in res.output
