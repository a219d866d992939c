"""Suggest the missing links: for each orphan, the goals it most likely follows up; for each goal
not followed up, the nodes that most likely serve it. A person decides; nothing is written.

Pure functions over an ``Analysis`` and its graph, returning frozen results. The words are all
there is (ids say nothing), so each node is read as Norwegian text (see ``textmatch``): its
title, its description and tags, and the context it sits in — the titles of what it is nested
under and of its area — each weighing less than the title itself.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from maltrace.analysis.meaning import pool_scores
from maltrace.analysis.results import Analysis
from maltrace.analysis.suggest_pools import (
    _by_plan,
    downward_pool,
    link_problem,
    plan_groups,
    relevant_of,
    upward_pool,
)
from maltrace.analysis.suggest_scoring import (
    ARRAY_POOL,
    DEFAULT_TOP,
    EVIDENCE_NEAREST,
    GRAM_MAX_SHARE,
    MATCHED_WORDS,
    RELEVANT_BONUS,
    W_AREA,
    W_DESCRIPTION,
    W_PARENT,
    W_TAGS,
    _best,
    _Evidence,
    _Pool,
)
from maltrace.analysis.textmatch import (
    NearSpellings,
    Term,
    Vector,
    Vocabulary,
    idf_table,
    lexicon,
    terms,
    vector,
)
from maltrace.errors import UnknownNodeError
from maltrace.i18n import Lang
from maltrace.load import Kind

if TYPE_CHECKING:
    import networkx as nx

    from maltrace.analysis.meaning import Engine, Meanings, MeaningUnavailable

__all__ = [
    "Candidate",
    "Matcher",
    "Suggestion",
    "Suggestions",
    "UnknownNodeError",
    "downward_pool",
    "link_problem",
    "plan_groups",
    "relevant_of",
    "suggest",
    "upward_pool",
]

SuggestionKind = Literal["orphan", "not-followed-up"]


@dataclass(frozen=True)
class Candidate:
    id: str
    plan: str
    title: str
    score: float  # 0..1
    matched: tuple[str, ...]  # the words in common, strongest first ("bustad/bolig" across forms)
    like: str | None = None  # the node already following it up that reads most like this one
    by_meaning: bool = False  # here because it reads alike in meaning (words alone rank it lower)


@dataclass(frozen=True)
class Suggestion:
    node: str
    kind: SuggestionKind
    plan: str
    title: str
    candidates: tuple[Candidate, ...]


@dataclass(frozen=True)
class Suggestions:
    suggestions: tuple[Suggestion, ...]
    top: int
    focus: str | None = None
    lang: Lang = "nn"  # the job's language (the analysis's)
    plan_files: tuple[str, ...] = ()  # never written over by a suggestions file
    # What ranked: "words", "meaning" or "both"; None when words ranked because nothing else is
    # installed and nothing else was asked for (the output is then as it always was).
    engine: str | None = None
    fallback: MeaningUnavailable | None = None  # why meaning was asked for but words ranked


class Matcher:
    """The plan set's nodes as text vectors, and a ranking of candidates for any node."""

    def __init__(
        self,
        graph: nx.DiGraph,
        plans: Iterable[str] | None = None,
        meanings: Meanings | None = None,
        engine: Engine = "both",
    ) -> None:
        """``plans``: read only the nodes of these plans (the word statistics are theirs);
        every plan when not given. ``meanings``: also read by meaning (see ``meaning``), fused
        with the words (``engine`` "both") or alone ("meaning")."""
        self.graph = graph
        self.meanings = meanings
        self.engine: Engine = engine if meanings is not None else "words"
        if plans is None:
            node_data = list(graph.nodes(data=True))
        else:
            by_plan = _by_plan(graph)
            node_data = [(n, graph.nodes[n]) for p in plans for n in by_plan.get(p, ())]
        self.vocab = Vocabulary()
        self.vocab.known.update(lexicon().same.values())
        for _, data in node_data:
            model = data["model"]
            self.vocab.add_text(data["title"])
            if model.description:
                self.vocab.add_text(model.description)
        own: dict[str, list[Term]] = {}
        title_terms: dict[str, list[Term]] = {}  # a title repeated (tiltak year after year) once
        for node_id, data in node_data:
            model = data["model"]
            title = data["title"]
            if title not in title_terms:
                title_terms[title] = terms(title, self.vocab)
            parts = list(title_terms[title])
            if model.description:
                parts += terms(model.description, self.vocab, W_DESCRIPTION)
            for tag in model.tags:
                parts += terms(tag, self.vocab, W_TAGS)
            own[node_id] = parts
        self.idf, _n = idf_table([p.term for p in parts] for parts in own.values())
        self._grams = _gram_vectors({n: d["title"] for n, d in node_data})
        self.default_idf = max(self.idf.values(), default=1.0)
        self._own = own
        self._vectors: dict[str, Vector] = {}
        self.near = NearSpellings(self.idf)
        self._pools: dict[tuple[str, ...], _Pool] = {}
        self._ranked: dict[tuple[object, ...], tuple[Candidate, ...]] = {}

    def vector(self, node_id: str) -> Vector:
        """The node's text with its context: parents (fading) and area."""
        hit = self._vectors.get(node_id)
        if hit is not None:
            return hit
        nodes = self.graph.nodes
        data = nodes[node_id]
        parts = list(self._own[node_id])
        weight, parent = W_PARENT, data["parent"]
        while parent is not None and weight > 0.05:
            if nodes[parent]["kind"] is not Kind.AREA:
                parts += [Term(p.term, p.weight * weight, f"({p.word})") for p in self._own[parent]]
            weight /= 2
            parent = nodes[parent]["parent"]
        area = data["area"]
        if area is not None and area != node_id:
            parts += [Term(p.term, p.weight * W_AREA, f"({p.word})") for p in self._own[area]]
        vec = vector(parts, self.idf, self.default_idf)
        self._vectors[node_id] = vec
        return vec

    def rank(
        self,
        node_id: str,
        pool: list[str],
        top: int,
        bonus: frozenset[str] = frozenset(),
        key: tuple[str, ...] | None = None,
        evidence: bool = True,
    ) -> tuple[Candidate, ...]:
        """The ``top`` nodes of ``pool`` whose text is likest ``node_id``'s, best first; with
        ``evidence``, also likest what already follows them up (see ``W_EVIDENCE``).

        ``key`` names the pool when the same one is asked for again (it is indexed once)."""
        index = self._pools.get(key) if key is not None else None
        if index is None:
            index = _Pool(self, pool)
            if key is not None:
                self._pools[key] = index
        query = self.vector(node_id)
        # The same words in the same context rank the same (a tiltak repeated year after year):
        # ranked once per pool.
        followers = index.evidence(self) if evidence else None
        # A node that is itself a follower (only when measuring: an orphan follows nothing)
        # leaves its own links out of the evidence, so its ranking is its own.
        itself = node_id if followers is not None and node_id in followers.position else None
        memo_key = (
            id(index),
            bonus,
            top,
            tuple(query.weights.items()),
            self.graph.nodes[node_id]["title"],
            itself,
            evidence,
            self.meanings.text(node_id) if self.meanings is not None else None,
        )
        ranked = self._ranked.get(memo_key)
        if ranked is None:
            grams = self._grams.get(node_id, {})
            ranked = self._ranked[memo_key] = self._rank(
                query, grams, index, top, bonus, followers, itself, node_id
            )
        return tuple(c for c in ranked if c.id != node_id)[:top]

    def _rank(
        self,
        query: Vector,
        grams: dict[str, float],
        index: _Pool,
        top: int,
        bonus: frozenset[str],
        evidence: _Evidence | None,
        itself: str | None,
        node_id: str,
    ) -> tuple[Candidate, ...]:
        acc = index.scores(query, grams, self.near)
        nearest: dict[int, str] = {}
        if evidence is not None:
            acc, nearest = evidence.blend(acc, query, self.near, itself)
        position = index.position
        for cand in bonus:
            i = position.get(cand)
            if i is not None and acc[i] > 0:
                acc[i] += RELEVANT_BONUS
        by_words: set[int] | None = None
        if self.meanings is not None:
            # What words alone would show; a candidate the fusion adds is there by meaning.
            by_words = {i for i in _best(acc, top + 1) if index.ids[i] != node_id}
            by_words = set(sorted(by_words, key=lambda i: (-acc[i], i))[:top])
            fused = pool_scores(
                self.meanings, self.engine, acc, node_id, index, evidence, itself, EVIDENCE_NEAREST
            )
            acc = fused if len(index.ids) >= ARRAY_POOL else [float(x) for x in fused]
        # One more than asked, in case the node itself is among them.
        best = _best(acc, top + 1)
        nodes = self.graph.nodes
        out: list[Candidate] = []
        for i in best:
            c = index.ids[i]
            out.append(
                Candidate(
                    id=c,
                    plan=nodes[c]["plan"],
                    title=nodes[c]["title"],
                    score=round(min(1.0, float(acc[i])), 4),
                    matched=_matched(query, self.vector(c), self.near),
                    like=nearest.get(i),
                    by_meaning=by_words is not None
                    and (self.engine == "meaning" or i not in by_words),
                )
            )
        return tuple(out)


def _grams_of(title: str) -> dict[str, int]:
    s = f"  {title.lower()}  "
    out: dict[str, int] = {}
    for i in range(len(s) - 3):
        g = s[i : i + 4]
        out[g] = out.get(g, 0) + 1
    return out


def _gram_vectors(titles: dict[str, str]) -> dict[str, dict[str, float]]:
    """Each node's title as a unit-length character-4-gram TF-IDF vector (built once per title)."""
    times: dict[str, int] = {}
    for t in titles.values():
        times[t] = times.get(t, 0) + 1
    counts = {t: _grams_of(t) for t in times}
    df: dict[str, int] = {}  # per node: a gram in 20,000 repeated titles is common
    for t, g in counts.items():
        for k in g:
            df[k] = df.get(k, 0) + times[t]
    n = len(titles)
    cap = max(2, GRAM_MAX_SHARE * n)
    by_title: dict[str, dict[str, float]] = {}
    for title, g in counts.items():
        v = {k: c * (math.log((n + 1) / (df[k] + 1)) + 1) for k, c in g.items() if df[k] <= cap}
        norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
        by_title[title] = {k: x / norm for k, x in v.items()}
    return {node: by_title[title] for node, title in titles.items()}


def _matched(query: Vector, cand: Vector, near: NearSpellings) -> tuple[str, ...]:
    """The node's words that the candidate shares, strongest first, each written word once:
    ``word`` (the same), ``word/other`` (another form: nn/nb, inflection, compound part, near
    spelling) or ``word ~ other`` (another word on the same topic); ``(word)`` is a word of the
    context (the node it is nested under, or its area), not of the node itself."""
    best: dict[str, tuple[int, float, str]] = {}  # word -> (kind: 0 same form, 1 topic, …)

    def offer(word: str, kind: int, strength: float, label: str) -> None:
        old = best.get(word)
        if old is None or (kind, -strength) < (old[0], -old[1]):
            best[word] = (kind, strength, label)

    for term, qw in query.weights.items():
        word = query.words[term]
        if term in cand.weights:
            other = cand.words[term]
            topic = term.startswith("#")
            same = other.strip("()") == word.strip("()")
            label = word if same else f"{word}{' ~ ' if topic else '/'}{other}"
            offer(word, 1 if topic else 0, qw * cand.weights[term], label)
            continue
        for o, sim in near.of(term):
            if o in cand.weights and o not in query.weights:
                offer(word, 0, qw * cand.weights[o] * sim, f"{word}/{cand.words[o]}")
    ranked = sorted(best.values(), key=lambda x: (x[0], -x[1]))
    labels = [label for _, _, label in ranked]
    # A topic label that only repeats a word already shown adds nothing.
    shown = {w.strip("()") for label in labels if " ~ " not in label for w in label.split("/")}
    out = [
        label
        for label in labels
        if " ~ " not in label or label.split(" ~ ")[1].strip("()") not in shown
    ]
    return tuple(out[:MATCHED_WORDS])


def suggest(
    analysis: Analysis,
    *,
    top: int = DEFAULT_TOP,
    node: str | None = None,
    matcher: Matcher | None = None,
    engine: Engine | None = None,
    meanings: Meanings | None = None,
) -> Suggestions:
    """The candidates for every orphan and every goal not followed up in ``analysis`` (one plan's
    view when it is focused, see ``focus_plan``); with ``node``, for that node only.

    ``engine``: "words", "meaning" (a sentence model, the ``meaning`` extra) or "both" fused;
    by default both when the extra is installed, else words (and the result is as it was before
    there was a choice: ``engine`` None). When meaning is asked for but cannot be used (not
    installed, will not load, a set over ``meaning.MAX_NODES``), words rank and ``fallback``
    says why. ``meanings``: the vectors to use (made from the bundled model when not given).

    Raises ``UnknownNodeError`` when ``node`` is not in the set.
    """
    graph = analysis.graph
    if node is not None and node not in graph:
        raise UnknownNodeError(node, list(analysis.graph))
    from maltrace.analysis import meaning as m

    asked = engine
    if engine is None:
        engine = "both" if meanings is not None or m.installed() else "words"
    if engine == "words" or matcher is not None:
        return _suggest(analysis, top, node, matcher, None, "words", asked)
    fallback: m.MeaningUnavailable | None = None
    if graph.number_of_nodes() > m.MAX_NODES:
        fallback = m.MeaningUnavailable(
            "meaning-too-big", nodes=graph.number_of_nodes(), limit=m.MAX_NODES
        )
    elif meanings is None and not m.installed():
        fallback = m.MeaningUnavailable("meaning-not-installed")
    else:
        try:
            reader = meanings or m.Meanings(graph, name=m.default_name())
            return _suggest(analysis, top, node, None, reader, engine, engine)
        except m.MeaningUnavailable as exc:
            fallback = exc
    result = _suggest(analysis, top, node, None, None, "words", "words")
    return dataclasses.replace(result, engine="words", fallback=fallback)


def _suggest(
    analysis: Analysis,
    top: int,
    node: str | None,
    matcher: Matcher | None,
    meanings: Meanings | None,
    engine: Engine,
    shown: Engine | None,
) -> Suggestions:
    graph = analysis.graph
    # Each group of connected plans (a kommune) is read on its own: a whole country's set a
    # kommune at a time, and a node's scores are the same whatever else is asked for.
    group_of = plan_groups(graph)
    rank_of = {p: i for i, p in enumerate(graph.graph["plans"])}
    matchers: dict[frozenset[str], Matcher] = {}

    def matcher_for(plan: str) -> Matcher:
        if matcher is not None:
            return matcher
        group = group_of[plan]
        if group not in matchers:
            matchers[group] = Matcher(
                graph, sorted(group, key=rank_of.__getitem__), meanings, engine
            )
        return matchers[group]

    focus = analysis.focus
    follower_focus = focus if focus is not None and focus in analysis.per_plan else None
    relevant: dict[str, frozenset[str]] = {}
    upward: dict[str, list[str]] = {}
    downward: dict[str, list[str]] = {}
    out: list[Suggestion] = []
    for orphan in analysis.orphans:
        if node is not None and orphan != node:
            continue
        data = graph.nodes[orphan]
        plan = data["plan"]
        if plan not in relevant:
            relevant[plan] = relevant_of(graph, plan)
        if plan not in upward:
            upward[plan] = upward_pool(graph, orphan)
        m = matcher_for(plan)
        cands = m.rank(orphan, upward[plan], top, relevant[plan], key=("up", plan))
        out.append(Suggestion(orphan, "orphan", plan, data["title"], cands))
    for goal in analysis.uncovered_goals:
        if node is not None and goal != node:
            continue
        data = graph.nodes[goal]
        plan = data["plan"]
        if plan not in downward:
            downward[plan] = downward_pool(graph, goal, follower_focus)
        m = matcher_for(plan)
        cands = m.rank(
            goal, downward[plan], top, key=("down", plan, follower_focus or ""), evidence=False
        )
        out.append(Suggestion(goal, "not-followed-up", plan, data["title"], cands))
    out.sort(key=lambda s: graph.nodes[s.node]["order"])
    return Suggestions(
        tuple(out),
        top,
        focus,
        engine=shown,
        lang=analysis.lang,
        plan_files=tuple(analysis.plan_files.values()),
    )
