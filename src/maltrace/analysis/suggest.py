"""Suggest the missing links: for each orphan, the goals it most likely follows up; for each goal
not followed up, the nodes that most likely serve it. A person decides; nothing is written.

Pure functions over an ``Analysis`` and its graph, returning frozen results. The words are all
there is (ids say nothing), so each node is read as Norwegian text (see ``textmatch``): its
title, its description and tags, and the context it sits in — the titles of what it is nested
under and of its area — each weighing less than the title itself.
"""

from __future__ import annotations

import heapq
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from maltrace.analysis.results import Analysis
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
from maltrace.graph import FOLLOWS_UP
from maltrace.load import Kind

if TYPE_CHECKING:
    import networkx as nx

SuggestionKind = Literal["orphan", "not-followed-up"]

DEFAULT_TOP = 3
# How much each part of a node's text weighs against its title.
W_DESCRIPTION = 0.4
W_TAGS = 0.4
W_PARENT = 0.25  # the node it is nested under; each step further up halves it
W_AREA = 0.3
# A goal the plan says it answers for (relevant_goals) is a likelier target.
RELEVANT_BONUS = 0.1
MIN_SCORE = 0.01  # below this, nothing in common: no candidate
MATCHED_WORDS = 5


@dataclass(frozen=True)
class Candidate:
    id: str
    plan: str
    title: str
    score: float  # 0..1
    matched: tuple[str, ...]  # the words in common, strongest first ("bustad/bolig" across forms)


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


class UnknownNodeError(KeyError):
    """``--node`` named an id that is not in the set."""


class Matcher:
    """The plan set's nodes as text vectors, and a ranking of candidates for any node."""

    def __init__(self, graph: nx.DiGraph) -> None:
        self.graph = graph
        nodes = graph.nodes
        self.vocab = Vocabulary()
        self.vocab.known.update(lexicon().same.values())
        for _, data in nodes(data=True):
            model = data["model"]
            self.vocab.add_text(data["title"])
            if model.description:
                self.vocab.add_text(model.description)
        own: dict[str, list[Term]] = {}
        for node_id, data in nodes(data=True):
            model = data["model"]
            parts = terms(data["title"], self.vocab)
            if model.description:
                parts += terms(model.description, self.vocab, W_DESCRIPTION)
            for tag in model.tags:
                parts += terms(tag, self.vocab, W_TAGS)
            own[node_id] = parts
        self.idf, _n = idf_table([p.term for p in parts] for parts in own.values())
        self.default_idf = max(self.idf.values(), default=1.0)
        self._own = own
        self._vectors: dict[str, Vector] = {}
        self.near = NearSpellings(self.idf)
        self._pools: dict[tuple[str, ...], _Pool] = {}

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
                parts += [Term(p.term, p.weight * weight, p.word) for p in self._own[parent]]
            weight /= 2
            parent = nodes[parent]["parent"]
        area = data["area"]
        if area is not None and area != node_id:
            parts += [Term(p.term, p.weight * W_AREA, p.word) for p in self._own[area]]
        vec = vector(parts, self.idf, self.default_idf)
        self._vectors[node_id] = vec
        return vec

    def rank(
        self, node_id: str, pool: list[str], top: int, bonus: frozenset[str] = frozenset()
    ) -> tuple[Candidate, ...]:
        """The ``top`` nodes of ``pool`` whose text is likest ``node_id``'s, best first."""
        key = tuple(pool)
        index = self._pools.get(key)
        if index is None:
            index = self._pools[key] = _Pool(self, pool)
        query = self.vector(node_id)
        scores = index.scores(query, self.near)
        for cand in bonus:
            if cand in scores:
                scores[cand] = scores[cand] + RELEVANT_BONUS
        order = {c: i for i, c in enumerate(pool)}
        best = heapq.nsmallest(
            top,
            (c for c in scores if c != node_id and scores[c] >= MIN_SCORE),
            key=lambda c: (-scores[c], order[c]),
        )
        nodes = self.graph.nodes
        return tuple(
            Candidate(
                id=c,
                plan=nodes[c]["plan"],
                title=nodes[c]["title"],
                score=round(min(1.0, scores[c]), 4),
                matched=_matched(query, self.vector(c), self.near),
            )
            for c in best
        )


class _Pool:
    """An inverted index over some candidates' vectors."""

    def __init__(self, matcher: Matcher, pool: list[str]) -> None:
        self.postings: dict[str, list[tuple[str, float]]] = {}
        for c in pool:
            for term, w in matcher.vector(c).weights.items():
                self.postings.setdefault(term, []).append((c, w))

    def scores(self, query: Vector, near: NearSpellings) -> dict[str, float]:
        acc: dict[str, float] = {}
        for term, qw in query.weights.items():
            hits = self.postings.get(term)
            if hits is not None:
                for c, cw in hits:
                    acc[c] = acc.get(c, 0.0) + qw * cw
            for other, sim in near.of(term):
                if other in query.weights:
                    continue
                for c, cw in self.postings.get(other, ()):
                    acc[c] = acc.get(c, 0.0) + qw * cw * sim
        return acc


def _matched(query: Vector, cand: Vector, near: NearSpellings) -> tuple[str, ...]:
    shared: dict[str, float] = {}
    for term, qw in query.weights.items():
        word = query.words[term]
        if term in cand.weights:
            other = cand.words[term]
            sep = " ~ " if term.startswith("#") else "/"
            label = word if other == word else f"{word}{sep}{other}"
            shared[label] = max(shared.get(label, 0.0), qw * cand.weights[term])
            continue
        for o, sim in near.of(term):
            if o in cand.weights and o not in query.weights:
                label = f"{word}/{cand.words[o]}"
                shared[label] = max(shared.get(label, 0.0), qw * cand.weights[o] * sim)
    best = sorted(shared, key=lambda w: -shared[w])
    # A compound and its parts name the same word: keep each written word once.
    out: list[str] = []
    for w in best:
        if w not in out:
            out.append(w)
    return tuple(out[:MATCHED_WORDS])


# -- who may follow up whom -------------------------------------------------------------------

_TARGET_KINDS = (Kind.GOAL, Kind.STRATEGY)
_SOURCE_KINDS = (Kind.GOAL, Kind.STRATEGY, Kind.MEASURE)


def upward_pool(graph: nx.DiGraph, node_id: str) -> list[str]:
    """What ``node_id`` may follow up: goals and strategies of the plans its plan follows."""
    plan = graph.nodes[node_id]["plan"]
    followed = set(graph.graph["plan_graph"].successors(plan)) - {plan}
    return [
        n for n, d in graph.nodes(data=True) if d["plan"] in followed and d["kind"] in _TARGET_KINDS
    ]


def downward_pool(graph: nx.DiGraph, goal_id: str, only: str | None = None) -> list[str]:
    """What may follow up ``goal_id``: goals, strategies and tiltak of plans that follow its plan
    (of ``only`` when given)."""
    plan = graph.nodes[goal_id]["plan"]
    followers = set(graph.graph["plan_graph"].predecessors(plan)) - {plan}
    if only is not None:
        followers &= {only}
    return [
        n
        for n, d in graph.nodes(data=True)
        if d["plan"] in followers and d["kind"] in _SOURCE_KINDS
    ]


def relevant_of(graph: nx.DiGraph, plan_id: str) -> frozenset[str]:
    """The goals a plan says it answers for (``relevant_goals``, with everything under them)."""
    plan = graph.graph["plans"][plan_id]
    named = plan.plan.relevant_goals or []
    out: set[str] = set()
    stack = [n for n in named if n in graph]
    while stack:
        n = stack.pop()
        if n in out:
            continue
        out.add(n)
        stack.extend(c for c, e in graph.succ[n].items() if e["kind"] != FOLLOWS_UP)
    return frozenset(out)


def suggest(
    analysis: Analysis,
    *,
    top: int = DEFAULT_TOP,
    node: str | None = None,
    matcher: Matcher | None = None,
) -> Suggestions:
    """The candidates for every orphan and every goal not followed up in ``analysis`` (one plan's
    view when it is focused, see ``focus_plan``); with ``node``, for that node only.

    Raises ``UnknownNodeError`` when ``node`` is not in the set.
    """
    graph = analysis.graph
    if node is not None and node not in graph:
        raise UnknownNodeError(node)
    m = matcher or Matcher(graph)
    focus = analysis.focus
    follower_focus = focus if focus is not None and focus in analysis.per_plan else None
    relevant: dict[str, frozenset[str]] = {}
    out: list[Suggestion] = []
    for orphan in analysis.orphans:
        if node is not None and orphan != node:
            continue
        data = graph.nodes[orphan]
        plan = data["plan"]
        if plan not in relevant:
            relevant[plan] = relevant_of(graph, plan)
        pool = upward_pool(graph, orphan)
        cands = m.rank(orphan, pool, top, relevant[plan])
        out.append(Suggestion(orphan, "orphan", plan, data["title"], cands))
    for goal in analysis.uncovered_goals:
        if node is not None and goal != node:
            continue
        data = graph.nodes[goal]
        pool = downward_pool(graph, goal, follower_focus)
        cands = m.rank(goal, pool, top)
        out.append(Suggestion(goal, "not-followed-up", data["plan"], data["title"], cands))
    out.sort(key=lambda s: graph.nodes[s.node]["order"])
    return Suggestions(tuple(out), top, focus)
