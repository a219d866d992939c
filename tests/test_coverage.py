"""The definitions of follow-up and coverage, on hand-made plan sets."""

from __future__ import annotations

import pytest
from conftest import goal, measure, plan_yaml, strategy

from maltrace.analysis import focus_plan


def kps(**extra):
    return plan_yaml(
        "KPS",
        type="samfunnsplan",
        areas=[
            {
                "id": "A1",
                "title": "Helse",
                "goals": [
                    goal("G1", goals=[goal("G1.1"), goal("G1.2", goals=[goal("G1.2.1")])]),
                    goal("G2"),
                ],
            },
            {"id": "A2", "title": "Oppvekst", "goals": [goal("G3")]},
        ],
        goals=[goal("G4")],
        **extra,
    )


def test_a_plan_that_nobody_follows_is_not_in_scope(analyse_set):
    a = analyse_set(kps=kps())
    assert a.coverage.goals == 0 and a.coverage.ratio == 1.0
    assert a.goals == () and a.per_plan == {}


def test_direct_links_and_delmal_propagate_upwards_only(analyse_set):
    a = analyse_set(
        kps=kps(),
        kdp=plan_yaml(
            "KDP",
            follows=["KPS"],
            strategies=[strategy("S1", follows_up=["G1.2.1"]), strategy("S2", follows_up=["G3"])],
        ),
    )
    status = {g.id: g.followed_up for g in a.goals}
    # G1.2.1 directly; G1.2 and G1 through their delmål; a link never flows down to siblings.
    assert status == {
        "G1": True,
        "G1.1": False,
        "G1.2": True,
        "G1.2.1": True,
        "G2": False,
        "G3": True,
        "G4": False,
    }
    assert (a.coverage.goals, a.coverage.followed_up) == (7, 4)
    assert a.uncovered_goals == ("G1.1", "G2", "G4")
    by = {g.id: g.followed_up_by for g in a.goals}
    assert by["G1.2.1"] == ("S1",) and by["G1"] == ()


def test_a_link_to_a_parent_goal_does_not_cover_its_delmal(analyse_set):
    a = analyse_set(
        kps=kps(), kdp=plan_yaml("KDP", follows=["KPS"], goals=[goal("K1", follows_up=["G1"])])
    )
    status = {g.id: g.followed_up for g in a.goals}
    assert status["G1"] is True
    assert status["G1.1"] is False and status["G1.2"] is False and status["G1.2.1"] is False


def test_strategies_in_the_same_plan_do_not_count(analyse_set):
    a = analyse_set(
        kps=plan_yaml(
            "KPS",
            type="samfunnsplan",
            goals=[goal("G1", strategies=[strategy("S0", follows_up=["G2"])]), goal("G2")],
        ),
        kdp=plan_yaml("KDP", follows=["KPS"], goals=[goal("K1", follows_up=["G1"])]),
    )
    assert {g.id: g.followed_up for g in a.goals} == {"G1": True, "G2": False}
    assert [f.code for f in a.findings if f.node == "S0"] == ["link-outside-followed"]


def test_per_area_coverage(analyse_set):
    a = analyse_set(
        kps=kps(),
        kdp=plan_yaml("KDP", follows=["KPS"], strategies=[strategy("S1", follows_up=["G2", "G3"])]),
    )
    areas = {x.area: (x.coverage.goals, x.coverage.followed_up) for x in a.per_area}
    assert areas == {"A1": (5, 1), "A2": (1, 1)}


def test_relevant_goals_by_area_and_goal(analyse_set):
    a = analyse_set(
        kps=kps(),
        kdp=plan_yaml(
            "KDP",
            follows=["KPS"],
            relevant_goals=["A2", "G1.2"],
            strategies=[strategy("S1", follows_up=["G3", "G2"])],
        ),
    )
    pc = a.per_plan["KDP"]
    # A2 brings G3; G1.2 brings itself and its delmål G1.2.1; G2 is followed but not relevant.
    assert pc.relevant == ("G1.2", "G1.2.1", "G3")
    assert pc.followed_up == ("G3",)
    assert pc.uncovered == ("G1.2", "G1.2.1")
    assert (pc.coverage.goals, pc.coverage.followed_up) == (3, 1)


def test_per_plan_counts_only_the_plans_own_links(analyse_set):
    a = analyse_set(
        kps=kps(),
        kdp1=plan_yaml("KDP1", follows=["KPS"], strategies=[strategy("S1", follows_up=["G1.1"])]),
        kdp2=plan_yaml("KDP2", follows=["KPS"], strategies=[strategy("S2", follows_up=["G2"])]),
    )
    assert a.per_plan["KDP1"].followed_up == ("G1", "G1.1")
    assert a.per_plan["KDP2"].followed_up == ("G2",)
    assert a.coverage.followed_up == 3
    view = focus_plan(a, "KDP1")
    assert (view.coverage.goals, view.coverage.followed_up) == (7, 2)
    assert {g.id: g.followed_up_by for g in view.goals if g.followed_up_by} == {"G1.1": ("S1",)}


def test_three_level_chain(analyse_set):
    a = analyse_set(
        kps=kps(),
        kdp=plan_yaml(
            "KDP",
            follows=["KPS"],
            goals=[
                goal("K1", follows_up=["G1"], strategies=[strategy("KS1"), strategy("KS2")]),
                goal("K2", follows_up=["G2"], strategies=[strategy("KS3")]),
            ],
        ),
        hp=plan_yaml(
            "HP",
            type="handlingsdel",
            follows=["KDP"],
            measures=[measure("T1", follows_up=["KS1", "K1"]), measure("T2", follows_up=["KS3"])],
        ),
    )
    # KDP's goals are in scope because HP follows KDP; T2 follows a strategy, not K2.
    status = {g.id: g.followed_up for g in a.goals if g.plan == "KDP"}
    assert status == {"K1": True, "K2": False}
    assert a.per_plan["HP"].uncovered == ("K2",)
    assert a.coverage.goals == 9
    assert {(link.source, link.target) for link in a.links} >= {("T1", "KS1"), ("T2", "KS3")}


def test_focus_on_the_samfunnsdel(analyse_set):
    a = analyse_set(
        kps=kps(),
        kdp=plan_yaml("KDP", follows=["KPS"], strategies=[strategy("S1", follows_up=["G4"])]),
    )
    view = focus_plan(a, "KPS")
    assert view.coverage.goals == 7 and view.coverage.followed_up == 1
    assert set(view.per_plan) == {"KDP"}
    assert len([f for f in view.findings if f.code == "not-followed-up"]) == 6


@pytest.mark.parametrize("lang,expected", [("nb", "nb"), (None, "nn"), ("en", "en")])
def test_language_comes_from_the_plans(analyse_set, lang, expected):
    a = analyse_set(kps=plan_yaml("KPS", type="samfunnsplan", language=lang))
    assert a.lang == expected


def test_example_plans_numbers():
    from conftest import EXAMPLE_PLANS

    from maltrace import check

    a = check(EXAMPLE_PLANS)
    assert (a.coverage.goals, a.coverage.followed_up) == (18, 13)
    assert a.uncovered_goals == ("KPS-1.1.2", "KPS-2.2", "KPS-2.2.1", "KPS-5.1", "HSO-2")
    assert a.orphans == ("HP-6",)
    assert {p: (c.coverage.goals, c.coverage.followed_up) for p, c in a.per_plan.items()} == {
        "KDP-HSO": (11, 10),
        "HP-2025": (3, 2),
    }
    kps_goals = [g for g in a.goals if g.plan == "KPS"]
    kdp = a.per_plan["KDP-HSO"]
    assert len(kps_goals) == 15 and len(kdp.relevant) == 11
