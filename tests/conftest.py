"""Shared helpers: write small plan sets as a planner would, then load and analyse them."""

from __future__ import annotations

import os
import shutil
import textwrap
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from maltrace.analysis import Analysis, analyse
from maltrace.graph import build_graph
from maltrace.load import load_plan_set

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE_PLANS = ROOT / "plans"


# -- real clients -------------------------------------------------------------------------------
# Tests that open reports in the programs planners use (Chromium; LibreOffice with pdftotext)
# skip on a machine without them — unless the machine must have them: CI installs them and sets
# MALTRACE_REQUIRE_BROWSER=1 and MALTRACE_REQUIRE_OFFICE=1, and then a missing program fails.


def required(variable: str) -> bool:
    """Whether ``variable`` (MALTRACE_REQUIRE_BROWSER or MALTRACE_REQUIRE_OFFICE) is set."""
    return os.environ.get(variable, "") not in ("", "0")


def real_program(variable: str, *names: str) -> str:
    """The path of the first of ``names`` on PATH; when none is, the test fails if ``variable``
    is set and is skipped if not."""
    for name in names:
        found = shutil.which(name)
        if found is not None:
            return found
    missing = f"{' or '.join(names)} is not installed"
    if required(variable):
        pytest.fail(f"{variable} is set, but {missing}")
    pytest.skip(missing)


def office_program(*names: str) -> str:
    """A program of the office clients (LibreOffice, pdftotext): see real_program."""
    return real_program("MALTRACE_REQUIRE_OFFICE", *names)


def plan_yaml(
    pid: str,
    *,
    type: str = "kommunedelplan",
    follows: list[str] | None = None,
    relevant_goals: list[str] | None = None,
    language: str | None = None,
    **body: Any,
) -> str:
    header: dict[str, Any] = {"id": pid, "type": type, "title": f"Plan {pid}"}
    if follows is not None:
        header["follows"] = follows
    if relevant_goals is not None:
        header["relevant_goals"] = relevant_goals
    if language is not None:
        header["language"] = language
    return yaml.safe_dump({"plan": header, **body}, allow_unicode=True, sort_keys=False)


@pytest.fixture(autouse=True)
def private_cache(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """Every test (and the maltrace processes it starts) caches in a folder of its own."""
    folder = tmp_path_factory.mktemp("cache")
    monkeypatch.setenv("MALTRACE_CACHE_DIR", str(folder))
    return folder


@pytest.fixture
def write_set(tmp_path: Path) -> Callable[..., Path]:
    """``write_set(name=text, …)`` writes files into a fresh folder and returns it."""

    def write(**files: str) -> Path:
        folder = tmp_path / "plans"
        folder.mkdir(exist_ok=True)
        for name, text in files.items():
            (folder / f"{name}.yaml").write_text(textwrap.dedent(text), encoding="utf-8")
        return folder

    return write


@pytest.fixture
def analyse_set(write_set: Callable[..., Path]) -> Callable[..., Analysis]:
    def run(**files: str) -> Analysis:
        return analyse(build_graph(load_plan_set([write_set(**files)])))

    return run


def goal(gid: str, *, follows_up: list[str] | None = None, **kids: Any) -> dict[str, Any]:
    node: dict[str, Any] = {"id": gid, "title": f"Mål {gid}"}
    if follows_up:
        node["follows_up"] = follows_up
    node.update(kids)
    return node


def strategy(sid: str, *, follows_up: list[str] | None = None, **kids: Any) -> dict[str, Any]:
    node: dict[str, Any] = {"id": sid, "title": f"Strategi {sid}"}
    if follows_up:
        node["follows_up"] = follows_up
    node.update(kids)
    return node


def measure(mid: str, *, follows_up: list[str] | None = None) -> dict[str, Any]:
    node: dict[str, Any] = {"id": mid, "title": f"Tiltak {mid}"}
    if follows_up:
        node["follows_up"] = follows_up
    return node


def emf_records(data: bytes) -> list[tuple[int, bytes]]:
    """The records of an EMF file as (type, body), checking what every reader relies on: each
    record's size is a multiple of 4 and they add up to the header's byte count, which the last
    record (EOF) ends."""
    import struct

    assert data[40:44] == b" EMF", "not an EMF"
    total, count = struct.unpack("<II", data[48:56])
    assert total == len(data)
    out, at = [], 0
    while at < len(data):
        kind, size = struct.unpack("<II", data[at : at + 8])
        assert size >= 8 and size % 4 == 0 and at + size <= len(data)
        out.append((kind, data[at : at + size]))
        at += size
    assert len(out) == count and out[-1][0] == 14
    return out


def emf_texts(data: bytes) -> list[str]:
    """The texts an EMF draws (its EMR_EXTTEXTOUTW records), in order."""
    import struct

    texts = []
    for kind, record in emf_records(data):
        if kind == 84:
            n, offset = struct.unpack("<II", record[44:52])
            texts.append(record[offset : offset + 2 * n].decode("utf-16-le"))
    return texts
