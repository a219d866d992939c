"""Every finding code, where it points, and what it suggests."""

from __future__ import annotations

from conftest import goal, measure, plan_yaml, strategy

KPS = plan_yaml(
    "KPS",
    type="samfunnsplan",
    areas=[{"id": "A1", "title": "Helse", "goals": [goal("KPS-1", goals=[goal("KPS-1.1")])]}],
    goals=[goal("KPS-2", strategies=[strategy("KPS-S1")], measures=[measure("KPS-M1")])],
)


def codes(analysis, node=None):
    return [(f.code, f.node, f.target) for f in analysis.findings if node is None or f.node == node]


def test_dangling_link_with_suggestion_and_line(analyse_set):
    a = analyse_set(
        kps=KPS,
        kdp=plan_yaml("KDP", follows=["KPS"], strategies=[strategy("S1", follows_up=["KPS-1.l"])]),
    )
    [f] = [f for f in a.findings if f.code == "dangling-link"]
    assert (f.node, f.target, f.suggestion, f.severity) == ("S1", "KPS-1.l", "KPS-1.1", "error")
    # the line of the follows_up key that holds the bad id
    assert f.file.endswith("kdp.yaml") and f.line == 10
    assert "Did you mean “KPS-1.1”?" in f.message("en")
    assert f.as_dict("en")["code"] == "dangling-link"


def test_case_slip_is_suggested(analyse_set):
    a = analyse_set(
        kps=KPS,
        kdp=plan_yaml("KDP", follows=["KPS"], strategies=[strategy("S1", follows_up=["kps-2"])]),
    )
    [f] = [f for f in a.findings if f.code == "dangling-link"]
    assert f.suggestion == "KPS-2"


def test_link_to_area_and_measure_are_not_follow_up(analyse_set):
    a = analyse_set(
        kps=KPS,
        kdp=plan_yaml(
            "KDP",
            follows=["KPS"],
            strategies=[strategy("S1", follows_up=["A1"]), strategy("S2", follows_up=["KPS-M1"])],
        ),
    )
    assert ("link-to-area", "S1", "A1") in codes(a)
    assert ("link-to-measure", "S2", "KPS-M1") in codes(a)
    assert a.coverage.followed_up == 0
    assert set(a.orphans) == {"S1", "S2"}


def test_link_to_a_strategy_of_a_followed_plan_is_valid(analyse_set):
    a = analyse_set(
        kps=KPS,
        kdp=plan_yaml("KDP", follows=["KPS"], strategies=[strategy("S1", follows_up=["KPS-S1"])]),
    )
    assert [link.target for link in a.links] == ["KPS-S1"]
    assert a.orphans == ()


def test_link_into_a_plan_not_followed(analyse_set):
    a = analyse_set(
        kps=KPS,
        kdp=plan_yaml("KDP", follows=["KPS"], goals=[goal("K1", follows_up=["KPS-1"])]),
        other=plan_yaml("OTHER", follows=["KPS"], strategies=[strategy("O1", follows_up=["K1"])]),
    )
    [f] = [f for f in a.findings if f.code == "link-outside-followed"]
    assert (f.node, f.target, f.params) == ("O1", "K1", {"plan": "OTHER", "target_plan": "KDP"})
    assert "Add KDP to “follows” of OTHER" in f.fix("en")


def test_relevant_goals_findings(analyse_set):
    a = analyse_set(
        kps=KPS,
        kdp=plan_yaml("KDP", follows=["KPS"], goals=[goal("K1", follows_up=["KPS-1"])]),
        other=plan_yaml(
            "OTHER",
            follows=["KPS"],
            relevant_goals=["KPS-1.2", "K1", "KPS-S1", "A1"],
            strategies=[strategy("O1", follows_up=["KPS-1.1"])],
        ),
    )
    found = [(f.code, f.target) for f in a.findings if f.file.endswith("other.yaml")]
    assert ("dangling-relevant-goal", "KPS-1.2") in found
    assert ("relevant-goal-outside-followed", "K1") in found
    assert ("relevant-goal-wrong-kind", "KPS-S1") in found
    assert a.per_plan["OTHER"].relevant == ("KPS-1", "KPS-1.1")
    [d] = [f for f in a.findings if f.code == "dangling-relevant-goal"]
    assert d.suggestion == "KPS-1.1"


def test_unknown_plan_and_cycle(analyse_set):
    a = analyse_set(
        kps=KPS,
        x=plan_yaml("X", follows=["Y", "KPZ"]),
        y=plan_yaml("Y", follows=["X"]),
    )
    [u] = [f for f in a.findings if f.code == "unknown-plan"]
    assert (u.target, u.suggestion) == ("KPZ", "KPS")
    [c] = [f for f in a.findings if f.code == "follows-cycle"]
    assert c.params["cycle"] == "X → Y → X"
    assert a.exit_code() == 1


def test_orphans_through_nesting(analyse_set):
    a = analyse_set(
        kps=KPS,
        kdp=plan_yaml(
            "KDP",
            follows=["KPS"],
            goals=[
                goal(
                    "K1",
                    follows_up=["KPS-1"],
                    strategies=[strategy("KS1", measures=[measure("KT1")])],
                ),
                goal(
                    "K2",
                    strategies=[strategy("KS2", measures=[measure("KT2", follows_up=["KPS-2"])])],
                ),
            ],
            measures=[measure("KT3", follows_up=["NOPE"])],
        ),
    )
    # Under a linked goal everything is traced; K2 and KS2 have nothing above them that links,
    # KT2 links itself; a dangling link is no trace.
    assert a.orphans == ("K2", "KS2", "KT3")
    assert all(f.severity == "warning" for f in a.findings if f.code == "orphan")


def test_goal_without_strategy_in_a_following_plan(analyse_set):
    a = analyse_set(
        kps=KPS,
        kdp=plan_yaml(
            "KDP",
            follows=["KPS"],
            goals=[
                goal("K1", follows_up=["KPS-1"]),
                goal("K2", follows_up=["KPS-2"], strategies=[strategy("KS1")]),
                goal(
                    "K3", follows_up=["KPS-2"], goals=[goal("K3.1", strategies=[strategy("KS2")])]
                ),
            ],
        ),
    )
    assert [f.node for f in a.findings if f.code == "goal-without-strategy"] == ["K1"]


def test_exit_codes(analyse_set):
    full = analyse_set(
        kps=plan_yaml("KPS", type="samfunnsplan", goals=[goal("G1")]),
        kdp=plan_yaml(
            "KDP",
            follows=["KPS"],
            goals=[goal("K1", follows_up=["G1"], strategies=[strategy("S1")])],
        ),
    )
    assert full.exit_code() == 0 and full.findings == ()


def test_findings_are_sorted_errors_first(analyse_set):
    a = analyse_set(
        kps=KPS,
        kdp=plan_yaml(
            "KDP",
            follows=["KPS"],
            goals=[goal("K1")],
            strategies=[strategy("S1", follows_up=["X"])],
        ),
    )
    severities = [f.severity for f in a.findings]
    assert severities == sorted(severities, key=["error", "warning"].index)


def test_a_plan_that_follows_itself_is_a_cycle(analyse_set):
    a = analyse_set(kps=KPS, x=plan_yaml("X", follows=["X"], goals=[goal("X1", follows_up=["X1"])]))
    assert [f.params["cycle"] for f in a.findings if f.code == "follows-cycle"] == ["X → X"]
    assert a.coverage.goals == 0 and a.links == ()
    found = [f.code for f in a.findings if f.node == "X1"]
    assert found == ["link-outside-followed", "goal-without-strategy", "orphan"]
