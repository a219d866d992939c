"""The plan nodes save memory by sharing what pydantic keeps per instance (the set of fields
given, empty lists, fields at their default). That is done in ``Node.model_post_init`` and
nowhere else; here it is held to behave as plain pydantic models do."""

from __future__ import annotations

import pickle

from maltrace.load.models import Goal, Measure, Strategy


def test_nodes_alike_share_what_pydantic_keeps_per_node() -> None:
    a = Measure(id="HP-1", title="Eitt", follows_up=["S-1"])
    b = Measure(id="HP-2", title="To", follows_up=["S-2"])
    assert a.__pydantic_fields_set__ is b.__pydantic_fields_set__
    assert a.model_fields_set == {"id", "title", "follows_up"}
    c, d = Measure(id="HP-3", title="Tre"), Measure(id="HP-4", title="Fire")
    assert c.tags is d.tags and c.tags == []  # one shared empty list


def test_shared_nodes_read_dump_compare_and_pickle_like_plain_ones() -> None:
    node = Measure(id="HP-1", title="Eitt", follows_up=["S-1"], status="pågår", cost={2025: 5})
    plain = Measure.model_construct(**node.model_dump())
    assert node.contributes_to == () and node.reason_no_link is None  # read from the class
    assert node.model_dump() == plain.model_dump()
    assert pickle.loads(pickle.dumps(node)) == node
    assert node == Measure(
        id="HP-1", title="Eitt", follows_up=["S-1"], status="pågår", cost={2025: 5}
    )
    assert node != Measure(
        id="HP-1", title="Eitt", follows_up=["S-2"], status="pågår", cost={2025: 5}
    )


def test_a_node_given_a_sparse_field_keeps_it() -> None:
    goal = Goal(
        id="G",
        title="Mål",
        contributes_to=["SDG-3"],
        reason_no_link="Lovpålagd",
        strategies=[Strategy(id="S", title="Strategi")],
    )
    assert goal.contributes_to == ("SDG-3",)
    assert goal.reason_no_link == "Lovpålagd"
    assert goal.strategies[0].id == "S"
    assert pickle.loads(pickle.dumps(goal)) == goal
