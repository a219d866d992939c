"""The plan portal's records (Randaberg's maal.json, plan.json, kpi.json) as plans: every record
placed or named, ids that stay, faults each named with GUID and title."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from maltrace import api
from maltrace.cli import app
from maltrace.load import Goal, Node, load_plan_set
from maltrace.load.portal import (
    PortalImport,
    PortalUnreadable,
    local_date,
    read_portal,
    read_portal_folder,
)
from maltrace.load.portal_codes import CodeMapError, read_code_maps

FIX = Path(__file__).parent / "fixtures" / "portal"
NEWEST, JUNE, MAY = FIX / "852a941", FIX / "576eaa8", FIX / "463bf73"
SAMFUNNSDEL = "063a2e01-35e6-f011-8407-000d3add2e1a"
OPPVEKST = "e3112baa-7858-f111-bec7-7c1e52370ef7"
P1, P2 = "00000000-0000-0000-0000-0000000000a1", "00000000-0000-0000-0000-0000000000a2"


def g(n: int) -> str:
    return f"00000000-0000-0000-0000-{n:012d}"


def rec(
    n: int, title: str, code: int, parent: int | str | None, plan: str | None = P1
) -> dict[str, Any]:
    up = g(parent) if isinstance(parent, int) else parent
    return {
        "maalID": g(n),
        "maalNavn": title,
        "maalType": code,
        "maalOverordnet": up,
        "maalPlan": plan,
        "maalEmneknagger": None,
    }


PLANS = [
    {
        "planID": P1,
        "planTyper": 701100000,
        "planGjelderFra": "2026-01-05T23:00:00Z",
        "planStatus": 701100001,
        "planNavn": "Samfunnsdel",
    },
    {"planID": P2, "planTyper": 701100001, "planStatus": 701100000, "planNavn": "Temaplan"},
]


def run(records: list[Any], plans: list[dict[str, Any]] = PLANS) -> PortalImport:
    return read_portal(json.dumps(records).encode(), json.dumps(plans).encode())


def nodes_of(result: PortalImport) -> dict[str, tuple[str, str | None]]:
    """node id -> (plan id, parent id) for every node placed."""
    out: dict[str, tuple[str, str | None]] = {}

    def walk(node: Node, plan_id: str, parent: str | None) -> None:
        out[node.id] = (plan_id, parent)
        for child in node.children():
            walk(child, plan_id, node.id)

    for plan in result.plans:
        for node in plan.children():
            walk(node, plan.id, None)
    return out


def codes(result: PortalImport, guid: str) -> list[str]:
    return [f.code for f in result.faults if f.guid == guid]


# -- the real data ------------------------------------------------------------------------------


def test_every_record_of_the_newest_version_is_placed_or_named() -> None:
    raw = json.loads((NEWEST / "maal.json").read_text(encoding="utf-8"))
    result = read_portal_folder(NEWEST)
    placed = set(nodes_of(result))
    lost = {f.guid for f in result.not_placed if f.file == "maal.json"}
    assert placed | lost == {r["maalID"] for r in raw}
    assert not placed & lost
    assert len(placed) == 90 and len(raw) == 93


def test_the_three_records_without_a_plan_are_named_not_placed() -> None:
    result = read_portal_folder(NEWEST)
    lost = [(f.code, f.title) for f in result.not_placed]
    assert lost == [("no-plan", "Boliger til alle")] * 3
    assert "e75284e4-d360-f111-a826-7c1e52370ef7" in result.not_placed[0].message("nb")


def test_a_record_that_is_its_own_parent_is_placed_at_the_top_and_named() -> None:
    result = read_portal_folder(NEWEST)
    guid = "e08acc75-b05d-f111-a826-7c1e52370ef7"
    assert codes(result, guid) == ["own-parent"]
    plan = next(p for p in result.plans if p.plan.title == "Scenario 2027")
    assert [n.id for n in plan.goals] == [guid]
    text = next(f for f in result.faults if f.guid == guid).message("nb")
    assert "God tjenestekvalitet til lavere kostnad enn i dag." in text and guid in text


def test_the_five_goals_without_a_parent_are_placed_and_named() -> None:
    result = read_portal_folder(NEWEST)
    named = [f for f in result.faults if f.code == "no-parent"]
    assert len(named) == 5 and {f.plan for f in named} == {"Økonomireglementet"}
    plan = next(p for p in result.plans if p.plan.title == "Økonomireglementet")
    assert len(plan.goals) == 5
    assert plan.plan.follows == [SAMFUNNSDEL]  # so check shows them as following up nothing


def test_a_goal_under_a_strategy_of_another_plan_follows_it_up() -> None:
    result = read_portal_folder(NEWEST)
    plan = next(p for p in result.plans if p.id == OPPVEKST)
    assert [(n.title, n.follows_up) for n in plan.goals] == [
        ("Tidlig innsats", ["6169035b-7149-f111-bec7-7c1e52370ef7"]),
        ("Robuste og sosiale innbyggere", ["6069035b-7149-f111-bec7-7c1e52370ef7"]),
        ("Inkluderende fellesskap", ["34b4f963-7149-f111-bec7-7c1e52370ef7"]),
    ]
    assert plan.plan.follows == [SAMFUNNSDEL]


def test_plan_header_dates_status_tags_and_vision() -> None:
    result = read_portal_folder(NEWEST)
    plan = next(p for p in result.plans if p.id == SAMFUNNSDEL)
    assert plan.plan.type.value == "samfunnsplan" and plan.plan.status == "vedtatt"
    assert str(plan.plan.date) == "2026-01-06"  # 2026-01-05T23:00:00Z is 6 January in Norway
    assert plan.areas[0].title == "Sammen skaper vi den grønne landsbyen"
    assert plan.areas[0].tags == ["visjon"]
    assert [a.title for a in plan.areas[1:]] == [
        "Gode hverdagsliv",
        "Lokalsamfunnet",
        "Kommunen er vi",
        "Areal og utvikling",
    ]
    strategy = plan.areas[1].goals[0].strategies[0]
    assert strategy.tags == ["Deltakelse", "Fellesskap", "Trygghet", "Inkludering"]
    assert result.notes[SAMFUNNSDEL]["valid_to"] == "2039-12-31"


def test_local_date_across_summer_time() -> None:
    assert str(local_date("2026-07-31T22:00:00Z")) == "2026-08-01"
    assert str(local_date("2025-12-31T23:00:00Z")) == "2026-01-01"
    assert local_date(None) is None and local_date("not a date") is None


def test_the_kpi_becomes_an_indicator_with_the_kommunes_series() -> None:
    result = read_portal_folder(NEWEST)
    plan = next(p for p in result.plans if p.id == OPPVEKST)
    goal = plan.goals[0]  # «Tidlig innsats»: the KPI's record is a strategy under it
    assert isinstance(goal, Goal)
    (ind,) = goal.indicators
    assert ind.id == "ordinaert-opplaeringstilbud-95" and ind.unit == "%"
    assert (ind.baseline.year, ind.baseline.value) == (2015, 93.7)
    assert (ind.target.year, ind.target.value) == (2030, 95.0)
    assert ind.values is not None and ind.values[2025] == 95.2
    assert ind.source == "SSB Statistikkbanken tabell 12222"
    assert ind.ssb is not None
    assert (ind.ssb.table, ind.ssb.contents, ind.ssb.region) == (
        "12222",
        "KOSandelevspesu0000",
        "1127",
    )
    assert ind.ssb.transform == "100 - indikatorverdi"
    assert ind.region == "1127"
    groups = [(c.region, c.label, c.group) for c in ind.comparisons]
    assert groups[0] == ("1103", "Stavanger", "municipality")
    assert groups[-2:] == [("EAK", "Landet", "country"), ("EKG07", "KOSTRA-gruppe 7", "kostra")]
    assert ind.comparisons[-1].values[2015] == 92.8
    assert codes(result, "ordinaert-opplaeringstilbud-95") == ["kpi-moved-up"]


def test_ids_stay_the_same_across_versions() -> None:
    old, new = nodes_of(read_portal_folder(JUNE)), nodes_of(read_portal_folder(NEWEST))
    kept = old.keys() & new.keys()
    assert len(kept) >= 85
    assert all(old[k][0] == new[k][0] for k in kept)  # the same plan


def test_adding_records_around_one_does_not_change_its_id_or_place() -> None:
    base = [rec(1, "Visjon", 701100000, None), rec(2, "Område", 701100001, 1)]
    base += [rec(3, "Mål", 701100002, 2), rec(4, "Strategi", 701100003, 3)]
    more = [rec(9, "Nytt mål", 701100002, 2), *base, rec(8, "Ny strategi", 701100003, 3)]
    before, after = nodes_of(run(base)), nodes_of(run(more))
    assert all(after[k] == v for k, v in before.items())


# -- faults the data could hold next ------------------------------------------------------------


def test_a_parent_that_does_not_exist() -> None:
    result = run([rec(1, "Mål", 701100002, 77)])
    assert codes(result, g(1)) == ["missing-parent"]
    assert nodes_of(result)[g(1)] == (P1, None)


def test_a_cycle_through_several_records_is_cut_once() -> None:
    records = [rec(1, "A", 701100002, 3), rec(2, "B", 701100002, 1), rec(3, "C", 701100002, 2)]
    result = run(records)
    assert [f.code for f in result.faults] == ["cycle"]
    assert result.faults[0].guid == g(1)
    placed = nodes_of(result)
    assert placed == {g(1): (P1, None), g(2): (P1, g(1)), g(3): (P1, g(2))}


def test_an_unknown_type_code_is_not_placed_and_its_children_are() -> None:
    result = run([rec(1, "Rar", 123, None), rec(2, "Barn", 701100002, 1)])
    assert codes(result, g(1)) == ["unknown-level"]
    assert "123" in result.faults[0].message("en")
    assert codes(result, g(2)) == ["parent-not-placed"]
    assert set(nodes_of(result)) == {g(2)}


def test_a_plan_not_in_plan_json() -> None:
    other = "99999999-0000-0000-0000-000000000000"
    records = [rec(1, "Mål", 701100002, None), rec(2, "Under", 701100003, 1, plan=other)]
    records.append(rec(3, "Einsam", 701100002, None, plan=other))
    result = run(records)
    assert codes(result, g(2)) == ["unknown-plan-parent"]
    assert nodes_of(result)[g(2)] == (P1, g(1))
    assert codes(result, g(3)) == ["unknown-plan"]
    assert [f.guid for f in result.not_placed] == [g(3)]


def test_duplicate_titles_are_both_kept_and_named() -> None:
    result = run([rec(1, "Same", 701100002, None), rec(2, " same ", 701100002, None)])
    assert "duplicate-title" in codes(result, g(2))
    assert set(nodes_of(result)) == {g(1), g(2)}


def test_a_duplicate_guid_keeps_the_first() -> None:
    result = run([rec(1, "Først", 701100002, None), rec(1, "Så", 701100002, None)])
    assert [f.code for f in result.not_placed] == ["duplicate-id"]
    assert result.plans[0].goals[0].title == "Først"


def test_a_record_of_the_wrong_shape() -> None:
    bad = rec(1, "", 701100002, None)
    result = run([bad, rec(2, "Ok", 701100002, None), "not a record"])
    assert sorted(f.code for f in result.not_placed) == ["bad-record", "bad-record"]
    assert set(nodes_of(result)) == {g(2)}


def test_broken_json_names_file_line_and_column() -> None:
    with pytest.raises(PortalUnreadable) as info:
        read_portal(b'[{"maalID": "x",\n "maalNavn": }]', json.dumps(PLANS).encode())
    assert (info.value.file, info.value.line) == ("maal.json", 2)
    assert "maal.json:2:" in info.value.message("nn")


def test_the_level_and_plan_type_codes_can_be_given(tmp_path: Path) -> None:
    codes_file = tmp_path / "codes.json"
    codes_file.write_text(
        json.dumps({"levels": {"1": "goal", "2": "strategy"}, "plan_types": {"5": "temaplan"}})
    )
    maps = read_code_maps(codes_file)
    plans = [{"planID": P2, "planTyper": 5, "planNavn": "Anna kommune"}]
    records = [rec(1, "Mål", 1, None, P2), rec(2, "Strategi", 2, 1, P2)]
    result = read_portal(json.dumps(records).encode(), json.dumps(plans).encode(), None, maps)
    assert result.plans[0].plan.type.value == "temaplan"
    assert result.plans[0].goals[0].strategies[0].id == g(2)
    codes_file.write_text('{"levels": {"1": "tiltak"}}')
    with pytest.raises(CodeMapError):
        read_code_maps(codes_file)


# -- the command --------------------------------------------------------------------------------


def test_import_command_writes_plan_files_that_load(tmp_path: Path) -> None:
    out = tmp_path / "plans"
    res = CliRunner().invoke(app, ["import", str(NEWEST), "-o", str(out), "--lang", "en"])
    assert res.exit_code == 1, res.output  # three records could not be placed
    assert "Not placed (3)" in res.output and "Boliger til alle" in res.output
    plan_set = load_plan_set([out])
    assert len(plan_set.plans) == 6
    text = (out / "Kommuneplanens-samfunnsdel-2026-2040.yaml").read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=plan.schema.json\n# ")
    assert "planID 063a2e01-35e6-f011-8407-000d3add2e1a" in text
    again = CliRunner().invoke(app, ["import", str(NEWEST), "-o", str(out)])
    assert again.exit_code == 2  # nothing is written over


def test_import_command_without_faults_exits_0(tmp_path: Path) -> None:
    res = CliRunner().invoke(app, ["import", str(MAY), "-o", str(tmp_path / "p")])
    assert res.exit_code == 0, res.output


def test_import_of_broken_json_writes_nothing(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    (folder / "plan.json").write_text(json.dumps(PLANS))
    (folder / "maal.json").write_text('[{"maalID": ')
    res = CliRunner().invoke(app, ["import", str(folder), "-o", str(tmp_path / "out")])
    assert res.exit_code == 2 and "maal.json:1:" in res.output
    assert not (tmp_path / "out").exists()


def test_import_with_nothing_placeable_writes_nothing(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    (folder / "plan.json").write_text(json.dumps(PLANS))
    (folder / "maal.json").write_text(json.dumps([rec(1, "Einsam", 701100002, None, None)]))
    with pytest.raises(api.NothingPlaced):
        api.import_portal(folder, tmp_path / "out")
    res = CliRunner().invoke(app, ["import", str(folder), "-o", str(tmp_path / "out")])
    assert res.exit_code == 2 and not (tmp_path / "out").exists()


def test_a_folder_without_portal_files_is_refused(tmp_path: Path) -> None:
    res = CliRunner().invoke(app, ["import", str(tmp_path), "-o", str(tmp_path / "out")])
    assert res.exit_code == 2 and "maal.json" in res.output
    assert not (tmp_path / "out").exists()


def test_import_with_a_codes_file(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    plans = [{"planID": P2, "planTyper": 3, "planNavn": "Anna"}]
    (folder / "plan.json").write_text(json.dumps(plans))
    (folder / "maal.json").write_text(json.dumps([rec(1, "Mål", 7, None, P2)]))
    codes_file = tmp_path / "codes.json"
    codes_file.write_text('{"levels": {"7": "goal"}, "plan_types": {"3": "handlingsdel"}}')
    args = ["import", str(folder), "-o", str(tmp_path / "out"), "--codes", str(codes_file)]
    res = CliRunner().invoke(app, args)
    assert res.exit_code == 0, res.output  # placed (with the fault that it has no parent)
    (plan,) = load_plan_set([tmp_path / "out"]).plans
    assert plan.plan.type.value == "handlingsdel" and plan.goals[0].id == g(1)
    codes_file.write_text("{broken")
    again = CliRunner().invoke(app, [*args, "--force"])
    assert again.exit_code == 2 and "codes.json" in again.output
