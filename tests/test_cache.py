"""The parsed-plan cache: reused when the bytes are the same, never trusted otherwise."""

from __future__ import annotations

import os
import pickle
from pathlib import Path

import pytest
from conftest import EXAMPLE_PLANS

from maltrace.analysis import analyse
from maltrace.graph import build_graph
from maltrace.load import load_plan_set
from maltrace.load import loader as loader_module
from maltrace.load.cache import PlanCache, _version_tag, content_key, default_cache_dir
from maltrace.render.check.json import check_json

# The example set's files (three plans and the ladder they use).
EXAMPLE_FILES = len(list(EXAMPLE_PLANS.glob("*.yaml")))


def copy_example(tmp_path: Path) -> Path:
    folder = tmp_path / "plans"
    folder.mkdir()
    for f in EXAMPLE_PLANS.glob("*.yaml"):
        (folder / f.name).write_bytes(f.read_bytes())
    return folder


def json_of(folder: Path, **kw) -> str:
    return check_json(analyse(build_graph(load_plan_set([folder], **kw))))


@pytest.fixture
def parses(monkeypatch):
    """Count which files are parsed (not taken from the cache)."""
    seen: list[str] = []
    real = loader_module.parse_plan

    def counting(data, name):
        seen.append(Path(name).name)
        return real(data, name)

    monkeypatch.setattr(loader_module, "parse_plan", counting)
    return seen


def test_second_run_parses_nothing_and_gives_the_same_result(tmp_path, parses, private_cache):
    folder = copy_example(tmp_path)
    first = json_of(folder)
    assert len(parses) == EXAMPLE_FILES
    parses.clear()
    assert json_of(folder) == first
    assert parses == []
    assert list(private_cache.rglob("*.pickle"))


def test_an_edit_reparses_only_the_edited_file(tmp_path, parses):
    folder = copy_example(tmp_path)
    json_of(folder)
    parses.clear()
    hp = folder / "handlingsdel-2025-2028.yaml"
    hp.write_text(
        hp.read_text(encoding="utf-8").replace("Opne frisklivs", "Opne ny frisklivs"),
        encoding="utf-8",
    )
    json_of(folder)
    assert parses == ["handlingsdel-2025-2028.yaml"]


def test_no_cache_parses_everything_and_writes_nothing(tmp_path, parses, private_cache):
    folder = copy_example(tmp_path)
    json_of(folder, cache=False)
    json_of(folder, cache=False)
    assert len(parses) == 2 * EXAMPLE_FILES
    assert not list(private_cache.rglob("*.pickle"))


def test_corrupt_and_foreign_entries_are_ignored(tmp_path, parses, private_cache):
    folder = copy_example(tmp_path)
    expected = json_of(folder)
    entries = sorted(private_cache.rglob("*.pickle"))
    entries[0].write_bytes(b"not a pickle")
    # an entry made for other bytes, moved under this key
    entries[1].write_bytes(pickle.dumps((_version_tag(), "0" * 64, None)))
    # an entry from another maltrace version
    other = pickle.loads(entries[2].read_bytes())
    entries[2].write_bytes(pickle.dumps(("v0-old", other[1], other[2])))
    parses.clear()
    assert json_of(folder) == expected
    assert len(parses) == 3
    # the rebuilt entries are trusted again next time
    parses.clear()
    json_of(folder)
    assert parses == []


def test_a_cache_others_can_write_to_is_not_read(tmp_path, parses, private_cache):
    folder = copy_example(tmp_path)
    json_of(folder)
    root = PlanCache(private_cache).root
    os.chmod(root, 0o777)
    parses.clear()
    json_of(folder)
    assert len(parses) == EXAMPLE_FILES


def test_an_entry_that_runs_code_is_never_unpickled_from_a_foreign_folder(tmp_path, parses):
    folder = copy_example(tmp_path)
    shared = tmp_path / "shared"
    shared.mkdir(mode=0o777)
    os.chmod(shared, 0o777)
    data = (folder / "samfunnsdel.yaml").read_bytes()
    cache = PlanCache(shared)
    marker = tmp_path / "pwned"

    class Evil:
        def __reduce__(self):
            return (Path.touch, (marker,))

    path = cache._path(content_key(data))
    path.parent.mkdir(parents=True)
    path.write_bytes(pickle.dumps(Evil()))
    load_plan_set([folder], cache_dir=shared)
    assert not marker.exists()


def test_cache_location_follows_the_platform(monkeypatch, tmp_path):
    monkeypatch.delenv("MALTRACE_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert default_cache_dir() == tmp_path / "xdg" / "maltrace"
    monkeypatch.setenv("MALTRACE_CACHE_DIR", str(tmp_path / "mine"))
    assert default_cache_dir() == tmp_path / "mine"


def test_the_cache_never_lands_in_the_plans_folder(tmp_path):
    folder = copy_example(tmp_path)
    before = sorted(p.name for p in folder.rglob("*"))
    json_of(folder)
    assert sorted(p.name for p in folder.rglob("*")) == before


def test_parallel_loading_gives_identical_results(tmp_path, monkeypatch):
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(12):
        for f in EXAMPLE_PLANS.glob("*.yaml"):
            text = f.read_text(encoding="utf-8")
            for prefix in ("KPS", "HSO", "KDP-HSO", "HP-", "AMT"):
                text = text.replace(prefix, f"{i:02d}{prefix}")
            (folder / f"{i:02d}-{f.name}").write_text(text, encoding="utf-8")
    serial = json_of(folder, cache=False)
    monkeypatch.setattr(loader_module, "PARALLEL_MIN_BYTES", 0)
    monkeypatch.setenv("MALTRACE_JOBS", "2")
    assert json_of(folder, cache=False) == serial
