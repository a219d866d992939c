"""Suggest the missing links: for each orphan, the goals it most likely follows up; for each goal
not followed up, the nodes that most likely serve it. A person decides; nothing is written.

Pure functions over an ``Analysis`` and its graph, returning frozen results. The words are all
there is (ids say nothing), so each node is read as Norwegian text (see ``textmatch``): its
title, its description and tags, and the context it sits in — the titles of what it is nested
under and of its area — each weighing less than the title itself.
"""

from __future__ import annotations

import heapq
import math
import weakref
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal, cast

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
from maltrace.errors import UnknownNodeError
from maltrace.graph import FOLLOWS_UP
from maltrace.i18n import Lang
from maltrace.load import Kind

if TYPE_CHECKING:
    import networkx as nx

SuggestionKind = Literal["orphan", "not-followed-up"]

DEFAULT_TOP = 3
# How much each part of a node's text weighs against its title.
W_DESCRIPTION = 0.4
W_TAGS = 0.4
W_PARENT = 0.25  # the node it is nested under; each step further up halves it
W_AREA = 0.5
# A goal the plan says it answers for (relevant_goals) is a likelier target.
RELEVANT_BONUS = 0.1
# The words' score is blended with a plain character-4-gram TF-IDF cosine of the titles, which
# catches shared word parts the stemmer and compound splitter miss (regionkommune ~ regionsenter).
W_GRAMS = 0.25
GRAM_MAX_SHARE = 0.2  # a 4-gram in more than this share of the titles (" og ") says nothing
# What is already linked is evidence too: a goal whose followers read like the orphan is a likelier
# target (strategies under one goal speak alike more than they echo its words). A target's
# evidence is the mean of its EVIDENCE_NEAREST likest followers' scores; when anything in the
# pool is followed up, the score is (1 - W_EVIDENCE) x the text's + W_EVIDENCE x the evidence.
W_EVIDENCE = 0.5
EVIDENCE_NEAREST = 3
MIN_SCORE = 0.01  # below this, nothing in common: no candidate
MATCHED_WORDS = 5


@dataclass(frozen=True)
class Candidate:
    id: str
    plan: str
    title: str
    score: float  # 0..1
    matched: tuple[str, ...]  # the words in common, strongest first ("bustad/bolig" across forms)
    like: str | None = None  # the node already following it up that reads most like this one


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


class Matcher:
    """The plan set's nodes as text vectors, and a ranking of candidates for any node."""

    def __init__(self, graph: nx.DiGraph, plans: Iterable[str] | None = None) -> None:
        """``plans``: read only the nodes of these plans (the word statistics are theirs);
        every plan when not given."""
        self.graph = graph
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
        )
        ranked = self._ranked.get(memo_key)
        if ranked is None:
            grams = self._grams.get(node_id, {})
            ranked = self._ranked[memo_key] = self._rank(
                query, grams, index, top, bonus, followers, itself
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
                )
            )
        return tuple(out)


# From this many candidates a pool is scored with numpy arrays (the same sums in the same order,
# so the same scores to the last bit); below it plain lists are quicker.
ARRAY_POOL = 1000


class _Pool:
    """An inverted index over some candidates' vectors (candidates by position in the pool)."""

    def __init__(self, matcher: Matcher, pool: list[str], grams: bool = True) -> None:
        self.ids = pool
        self.position = {c: i for i, c in enumerate(pool)}
        postings: dict[str, list[tuple[int, float]]] = {}
        gram_postings: dict[str, list[tuple[int, float]]] = {}
        for i, c in enumerate(pool):
            for term, w in matcher.vector(c).weights.items():
                postings.setdefault(term, []).append((i, w))
            for gram, w in matcher._grams.get(c, {}).items() if grams else ():
                gram_postings.setdefault(gram, []).append((i, w))
        self.postings: _Postings = postings
        self.gram_postings: _Postings = gram_postings
        self._evidence: _Evidence | bool | None = False  # not built yet
        if len(pool) >= ARRAY_POOL:
            self.postings = _as_arrays(postings)
            self.gram_postings = _as_arrays(gram_postings)

    def evidence(self, matcher: Matcher) -> _Evidence | None:
        """What already follows up the pool's candidates, indexed (None when nothing does)."""
        if self._evidence is False:
            self._evidence = _Evidence.of(matcher, self)
        return cast("_Evidence | None", self._evidence)

    def scores(self, query: Vector, grams: dict[str, float], near: NearSpellings) -> _Scores:
        """Each candidate's score against ``query`` (words) and ``grams`` (its title's 4-grams).
        A list, or for a big pool a numpy array."""
        if len(self.ids) >= ARRAY_POOL:
            return self._array_scores(query, grams, near)
        acc = [0.0] * len(self.ids)
        postings = cast(dict[str, list[tuple[int, float]]], self.postings)
        for term, qw in query.weights.items():
            hits = postings.get(term)
            if hits is not None:
                for i, cw in hits:
                    acc[i] += qw * cw
            for other, sim in near.of(term):
                if other in query.weights:
                    continue
                f = qw * sim
                for i, cw in postings.get(other, ()):
                    acc[i] += f * cw
        if W_GRAMS and grams:
            words = 1.0 - W_GRAMS
            acc = [a * words for a in acc]
            gram_postings = cast(dict[str, list[tuple[int, float]]], self.gram_postings)
            for gram, qw in grams.items():
                f = qw * W_GRAMS
                for i, cw in gram_postings.get(gram, ()):
                    acc[i] += f * cw
        return acc

    def _array_scores(self, query: Vector, grams: dict[str, float], near: NearSpellings) -> _Scores:
        # The list version's loops, one posting list at a time: within a list each candidate
        # comes once, so ``acc[at] += ...`` adds exactly what the loop adds, in the same order.
        import numpy as np

        acc = np.zeros(len(self.ids))
        postings = cast(dict[str, tuple[Any, Any]], self.postings)
        for term, qw in query.weights.items():
            hits = postings.get(term)
            if hits is not None:
                at, cw = hits
                acc[at] += qw * cw
            for other, sim in near.of(term):
                if other in query.weights or other not in postings:
                    continue
                at, cw = postings[other]
                acc[at] += qw * sim * cw
        if W_GRAMS and grams:
            acc *= 1.0 - W_GRAMS
            gram_postings = cast(dict[str, tuple[Any, Any]], self.gram_postings)
            for gram, qw in grams.items():
                hits = gram_postings.get(gram)
                if hits is not None:
                    at, cw = hits
                    acc[at] += qw * W_GRAMS * cw
        return acc


class _Evidence:
    """The nodes that follow up a pool's candidates, as a pool of their own, and per candidate
    the positions of its followers in it."""

    def __init__(self, followers: _Pool, of_target: list[list[int]]) -> None:
        self.followers = followers
        self.position = followers.position
        self.of_target = of_target

    @classmethod
    def of(cls, matcher: Matcher, pool: _Pool) -> _Evidence | None:
        graph = matcher.graph
        ids: list[str] = []
        where: dict[str, int] = {}
        of_target: list[list[int]] = []
        for target in pool.ids:
            mine: list[int] = []
            for follower, edge in graph.pred[target].items():
                if edge["kind"] != FOLLOWS_UP or follower not in matcher._own:
                    continue
                if follower not in where:
                    where[follower] = len(ids)
                    ids.append(follower)
                mine.append(where[follower])
            of_target.append(mine)
        if not ids:
            return None
        return cls(_Pool(matcher, ids, grams=False), of_target)

    def blend(
        self, acc: _Scores, query: Vector, near: NearSpellings, itself: str | None
    ) -> tuple[_Scores, dict[int, str]]:
        """``acc`` blended with each candidate's evidence, and per candidate its likest
        follower (when it has one with anything in common)."""
        alike = self.followers.scores(query, {}, near)
        if itself is not None:
            alike[self.position[itself]] = 0.0
        ids = self.followers.ids
        nearest: dict[int, str] = {}
        out = [a * (1.0 - W_EVIDENCE) for a in acc]
        for i, mine in enumerate(self.of_target):
            if not mine:
                continue
            best = heapq.nlargest(EVIDENCE_NEAREST, ((float(alike[f]), -f) for f in mine))
            if best[0][0] >= MIN_SCORE:
                nearest[i] = ids[-best[0][1]]
            out[i] += W_EVIDENCE * sum(score for score, _ in best) / EVIDENCE_NEAREST
        if isinstance(acc, list):
            return out, nearest
        import numpy as np

        return np.array(out), nearest


_Postings = dict[str, list[tuple[int, float]]] | dict[str, tuple[Any, Any]]
_Scores = list[float] | Any  # a list, or a numpy array for a big pool


def _as_arrays(postings: dict[str, list[tuple[int, float]]]) -> dict[str, tuple[Any, Any]]:
    import numpy as np

    return {
        k: (
            np.fromiter((i for i, _ in v), np.intp, len(v)),
            np.fromiter((w for _, w in v), float, len(v)),
        )
        for k, v in postings.items()
    }


def _best(acc: _Scores, k: int) -> list[int]:
    """The positions of the ``k`` highest scores of at least ``MIN_SCORE``, best first; equal
    scores keep document order (the lower position first)."""
    if isinstance(acc, list):
        return [
            -neg
            for score, neg in heapq.nlargest(k, zip(acc, range(0, -len(acc), -1), strict=True))
            if score >= MIN_SCORE
        ]
    import numpy as np

    if len(acc) > k:
        kth = np.partition(acc, len(acc) - k)[len(acc) - k]
        floor = max(float(kth), MIN_SCORE)
    else:
        floor = MIN_SCORE
    at = np.flatnonzero(acc >= floor)  # ascending positions; ties at the floor all come
    order = np.lexsort((at, -acc[at]))
    return [int(i) for i in at[order[:k]]]


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


# -- who may follow up whom -------------------------------------------------------------------

_TARGET_KINDS = (Kind.GOAL, Kind.STRATEGY)
_SOURCE_KINDS = (Kind.GOAL, Kind.STRATEGY, Kind.MEASURE)


_NODES_BY_PLAN: weakref.WeakKeyDictionary[nx.DiGraph, dict[str, list[str]]] = (
    weakref.WeakKeyDictionary()
)


def _by_plan(graph: nx.DiGraph) -> dict[str, list[str]]:
    """Every node per plan, in document order (once per graph: asked for once per node)."""
    cached = _NODES_BY_PLAN.get(graph)
    if cached is None:
        cached = {}
        for n, d in graph.nodes(data=True):
            cached.setdefault(d["plan"], []).append(n)
        _NODES_BY_PLAN[graph] = cached
    return cached


def upward_pool(graph: nx.DiGraph, node_id: str) -> list[str]:
    """What ``node_id`` may follow up: goals and strategies of the plans its plan follows."""
    plan = graph.nodes[node_id]["plan"]
    by_plan, nodes = _by_plan(graph), graph.nodes
    return [
        n
        for p in graph.graph["plans"]
        if p != plan and graph.graph["plan_graph"].has_edge(plan, p)
        for n in by_plan.get(p, ())
        if nodes[n]["kind"] in _TARGET_KINDS
    ]


def link_problem(graph: nx.DiGraph, follower: str, target: str) -> str | None:
    """What ``check`` would say of ``follower`` naming ``target`` in its ``follows_up`` (both
    in the graph): None when it is a valid link that counts, else the finding's code
    (``link-to-area``, ``link-to-measure``, ``link-outside-followed``) or ``link-to-self``.
    The same rules as ``upward_pool`` and ``downward_pool``: a goal or strategy of a plan that
    the follower's plan follows."""
    if follower == target:
        return "link-to-self"
    nodes = graph.nodes
    kind = nodes[target]["kind"]
    if kind is Kind.AREA:
        return "link-to-area"
    if kind not in _TARGET_KINDS:
        return "link-to-measure"
    plan, target_plan = nodes[follower]["plan"], nodes[target]["plan"]
    if plan == target_plan or not graph.graph["plan_graph"].has_edge(plan, target_plan):
        return "link-outside-followed"
    return None


def downward_pool(graph: nx.DiGraph, goal_id: str, only: str | None = None) -> list[str]:
    """What may follow up ``goal_id``: goals, strategies and tiltak of plans that follow its plan
    (of ``only`` when given)."""
    plan = graph.nodes[goal_id]["plan"]
    by_plan, nodes = _by_plan(graph), graph.nodes
    return [
        n
        for p in graph.graph["plans"]
        if p != plan and graph.graph["plan_graph"].has_edge(p, plan) and (only is None or p == only)
        for n in by_plan.get(p, ())
        if nodes[n]["kind"] in _SOURCE_KINDS
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


def plan_groups(graph: nx.DiGraph) -> dict[str, frozenset[str]]:
    """Each plan's group: the plans connected to it by ``follows`` (a kommune's plans)."""
    import networkx as nx

    out: dict[str, frozenset[str]] = {}
    for component in nx.weakly_connected_components(graph.graph["plan_graph"]):
        group = frozenset(component)
        for p in group:
            out[p] = group
    return out


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
        raise UnknownNodeError(node, list(analysis.graph))
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
            matchers[group] = Matcher(graph, sorted(group, key=rank_of.__getitem__))
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
    return Suggestions(tuple(out), top, focus, analysis.lang, tuple(analysis.plan_files.values()))
