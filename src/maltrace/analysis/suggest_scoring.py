"""How ``suggest`` scores a pool of candidates: the weights, an inverted index over the
candidates' vectors (with numpy arrays for big pools), and the evidence of what already follows
a goal up."""

from __future__ import annotations

import heapq
from typing import TYPE_CHECKING, Any, Protocol, cast

from maltrace.analysis.textmatch import (
    NearSpellings,
    Vector,
)
from maltrace.graph import FOLLOWS_UP

if TYPE_CHECKING:
    import networkx as nx


class Matcher(Protocol):
    """What scoring reads of ``suggest.Matcher`` (a protocol: the matcher builds the pools)."""

    graph: nx.DiGraph
    _grams: dict[str, dict[str, float]]
    _own: Any

    def vector(self, node_id: str) -> Vector:
        raise NotImplementedError


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
        self.meaning_rows: Any = None  # the candidates' vectors, when read by meaning
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
