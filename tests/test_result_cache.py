"""The whole-result cache: an unchanged set is not analysed again, and nothing shows it."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from test_cache import EXAMPLE_FILES, copy_example

from maltrace.analysis import analyse_plan_files, focus_plan
from maltrace.analysis import cached as cached_module
from maltrace.load import loader as loader_module
from maltrace.load.cache import ResultCache
from maltrace.render.check.json import check_json
from tests.drawing import diagram_dot


@pytest.fixture
def work(monkeypatch):
    """Count the files parsed and the sets analysed."""
    seen: dict[str, list[str]] = {"parsed": [], "analysed": []}
    parse, analyse = loader_module.parse_plan, cached_module.analyse

    def counting_parse(data, name):
        seen["parsed"].append(Path(name).name)
        return parse(data, name)

    def counting_analyse(graph, **kw):
        seen["analysed"].append(str(len(graph)))
        return analyse(graph, **kw)

    monkeypatch.setattr(loader_module, "parse_plan", counting_parse)
    monkeypatch.setattr(cached_module, "analyse", counting_analyse)
    return seen


def test_an_unchanged_set_is_neither_parsed_nor_analysed_again(tmp_path, work):
    folder = copy_example(tmp_path)
    first = analyse_plan_files([folder])
    assert len(work["parsed"]) == EXAMPLE_FILES and len(work["analysed"]) == 1
    work["parsed"].clear(), work["analysed"].clear()
    again = analyse_plan_files([folder])
    assert work == {"parsed": [], "analysed": []}
    for lang in ("nn", "nb", "en"):
        assert check_json(again, lang) == check_json(first, lang)
    assert check_json(focus_plan(again, "KDP-HSO")) == check_json(focus_plan(first, "KDP-HSO"))
    assert check_json(focus_plan(again, "KPS")) == check_json(focus_plan(first, "KPS"))


def test_the_graph_of_a_cached_result_is_built_only_when_asked_and_is_the_same(tmp_path, work):
    folder = copy_example(tmp_path)
    first = analyse_plan_files([folder])
    work["parsed"].clear()
    again = analyse_plan_files([folder])
    assert again.source._graph is None  # check and --plan never need it
    assert diagram_dot(again) == diagram_dot(first)
    assert work["parsed"] == []  # the plans came from the plan cache
    assert list(again.graph.nodes(data="line")) == list(first.graph.nodes(data="line"))


def test_an_edit_analyses_again_and_parses_only_the_edited_file(tmp_path, work):
    folder = copy_example(tmp_path)
    before = analyse_plan_files([folder])
    assert "HP-6" in before.orphans
    work["parsed"].clear(), work["analysed"].clear()
    hp = folder / "handlingsdel-2025-2028.yaml"
    text = hp.read_text(encoding="utf-8")
    hp.write_text(text.replace("  - id: HP-6\n", "  - id: HP-6\n    follows_up: [HSO-1]\n"))
    after = analyse_plan_files([folder])
    assert work["parsed"] == ["handlingsdel-2025-2028.yaml"]
    assert len(work["analysed"]) == 1
    assert "HP-6" not in after.orphans


def test_the_same_bytes_under_another_name_are_another_set(tmp_path, work):
    folder = copy_example(tmp_path)
    analyse_plan_files([folder])
    (folder / "samfunnsdel.yaml").rename(folder / "kommuneplan-samfunnsdel.yaml")
    work["analysed"].clear()
    renamed = analyse_plan_files([folder])
    assert len(work["analysed"]) == 1  # file names are in every finding
    assert renamed.plan_files["KPS"].endswith("kommuneplan-samfunnsdel.yaml")


def test_no_cache_analyses_every_time_and_stores_nothing(tmp_path, work, private_cache):
    folder = copy_example(tmp_path)
    analyse_plan_files([folder], cache=False)
    analyse_plan_files([folder], cache=False)
    assert len(work["analysed"]) == 2
    assert not list(private_cache.rglob("*.pickle"))


def test_a_corrupt_or_foreign_result_is_ignored(tmp_path, work, private_cache):
    folder = copy_example(tmp_path)
    expected = check_json(analyse_plan_files([folder]))
    [entry] = list(private_cache.rglob("sets/*.pickle"))
    entry.write_bytes(b"\x80\x05 broken")
    work["analysed"].clear()
    assert check_json(analyse_plan_files([folder])) == expected
    assert len(work["analysed"]) == 1
    # A result stored for another key is not taken for this one.
    store = ResultCache(private_cache)
    entry.write_bytes(store.dumps("0" * 64, {"coverage": None}))
    work["analysed"].clear()
    assert check_json(analyse_plan_files([folder])) == expected
    assert len(work["analysed"]) == 1


def test_only_the_most_recently_used_results_are_kept(tmp_path, monkeypatch, private_cache):
    monkeypatch.setattr(ResultCache, "KEEP", 2)
    folder = copy_example(tmp_path)
    kps = folder / "samfunnsdel.yaml"
    original = kps.read_bytes()
    for i in range(4):
        kps.write_bytes(original + f"# version {i}\n".encode())
        analyse_plan_files([folder])
        entries = list(private_cache.rglob("sets/*.pickle"))
        # mtimes a second apart, as on a coarse file system
        for e in entries:
            os.utime(e, (time.time() - 10 + i, time.time() - 10 + i))
    assert len(list(private_cache.rglob("sets/*.pickle"))) == 2


def test_the_cli_gives_the_same_output_from_a_cached_result(tmp_path):
    from test_cli_check import run

    folder = copy_example(tmp_path)
    for args in (["check"], ["check", "--format", "json"], ["check", "--plan", "KDP-HSO"]):
        first, second = run(*args, str(folder)), run(*args, str(folder))
        assert first.returncode == second.returncode == 1
        assert "KPS-1" in first.stdout and first.stdout == second.stdout


def test_a_check_answered_from_the_cache_does_not_import_networkx(tmp_path):
    import subprocess
    import sys

    folder = copy_example(tmp_path)
    code = (
        "import sys; from maltrace.api import check; a = check(sys.argv[1]); "
        "print(a.coverage.followed_up, 'networkx' in sys.modules)"
    )
    runs = [
        subprocess.run(
            [sys.executable, "-c", code, str(folder)], capture_output=True, text=True, check=True
        ).stdout.split()
        for _ in range(2)
    ]
    assert runs == [["13", "True"], ["13", "False"]]


def test_a_result_in_a_folder_others_can_write_to_is_not_read(tmp_path, work, private_cache):
    folder = copy_example(tmp_path)
    analyse_plan_files([folder])
    [entry] = list(private_cache.rglob("sets/*.pickle"))
    os.chmod(entry.parent, 0o777)
    work["analysed"].clear()
    analyse_plan_files([folder])
    assert len(work["analysed"]) == 1
