"""Edits of one node (the web page's): in a big file only the node's lines are edited and read
back; that must give exactly the bytes the whole-file way gives, or be refused the same."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import EXAMPLE_PLANS

from maltrace import api
from maltrace.edit import nodes

STATUS = ("not-started", "ongoing", "done", "postponed", "cancelled")


def _copy(tmp_path: Path, crlf: bool = False) -> Path:
    folder = tmp_path / ("crlf" if crlf else "plans")
    shutil.copytree(EXAMPLE_PLANS, folder)
    if crlf:
        for path in folder.glob("*.yaml"):
            text = path.read_bytes().decode().replace("\n", "\r\n")
            path.write_bytes(b"\xef\xbb\xbf" + text.encode())
    return folder


def _edits(analysis: api.Analysis) -> list[tuple[str, Callable[[], object]]]:
    graph = analysis.graph
    out: list[tuple[str, Callable[[], object]]] = []
    for node, data in graph.nodes(data=True):
        kind = data["kind"].value
        if kind == "area":
            continue
        model = data["model"]
        for link in model.follows_up:
            out.append(
                (
                    f"{node} -{link}",
                    lambda n=node, x=link: api.edit_links(analysis, n, remove=[x], apply=False),
                )
            )
        targets = [x for x in api.link_targets(analysis, node) if x not in model.follows_up]
        for target in targets[:2]:
            out.append(
                (
                    f"{node} +{target}",
                    lambda n=node, x=target: api.edit_links(analysis, n, add=[x], apply=False),
                )
            )
        if model.follows_up and targets:
            out.append(
                (
                    f"{node} swap",
                    lambda n=node, a=targets[0], r=model.follows_up[0]: api.edit_links(
                        analysis, n, add=[a], remove=[r], apply=False
                    ),
                )
            )
        if kind == "measure":
            for code in STATUS:
                out.append(
                    (
                        f"{node} {code}",
                        lambda n=node, c=code: api.set_status(analysis, n, c, apply=False),
                    )
                )
        for text in ("Ein grunn: med kolon", "Plain reason", None):
            out.append(
                (
                    f"{node} reason {text}",
                    lambda n=node, r=text: api.set_reason(analysis, n, r, apply=False),
                )
            )
    return out


def _outcome(run: Callable[[], object]) -> object:
    try:
        edit = run()
    except api.EditRefused as exc:
        return ("refused", exc.code)
    return None if edit is None else edit.after  # type: ignore[attr-defined]


@pytest.mark.parametrize("crlf", [False, True])
def test_the_node_lines_way_gives_the_whole_file_ways_bytes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, crlf: bool
) -> None:
    folder = _copy(tmp_path, crlf)
    analysis = api.check_files(api.read_plans(folder), cache=False)
    edits = _edits(analysis)
    assert len(edits) > 200
    monkeypatch.setattr(nodes, "PIECE_FROM", 10**12)
    whole = {name: _outcome(run) for name, run in edits}
    monkeypatch.setattr(nodes, "PIECE_FROM", 0)
    whole_file_reads: list[str] = []
    full = nodes._reads_back

    def counted(*args: object) -> bool:
        whole_file_reads.append("read")
        return full(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(nodes, "_reads_back", counted)
    piece = {name: _outcome(run) for name, run in edits}
    assert whole_file_reads == []  # every one of them went the node's lines' way
    differ = [name for name in whole if whole[name] != piece[name]]
    assert differ == []
    made = [n for n, v in whole.items() if isinstance(v, bytes)]
    assert len(made) > 150  # most edits are made, not refused


def test_a_node_whose_lines_are_not_a_list_item_is_edited_the_whole_file_way(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "flow"
    folder.mkdir()
    (folder / "a.yaml").write_text(
        "plan: {id: A, type: samfunnsplan, title: A}\n"
        "goals: [{id: A-1, title: Mål eitt}, {id: A-2, title: Mål to}]\n",
        encoding="utf-8",
    )
    (folder / "b.yaml").write_text(
        "plan: {id: B, type: kommunedelplan, title: B, follows: [A]}\n"
        "goals: [{id: B-1, title: Mål, follows_up: [A-1]}]\n",
        encoding="utf-8",
    )
    analysis = api.check_files(api.read_plans(folder), cache=False)
    monkeypatch.setattr(nodes, "PIECE_FROM", 0)
    edit = api.edit_links(analysis, "B-1", add=["A-2"], apply=False)
    assert edit is not None
    assert b"follows_up: [A-1, A-2]" in edit.after
