"""Matching nodes of two plan sets by words: the same text, or nearly, under whatever id.

Each title becomes a set of words (case-folded, punctuation dropped, a few Norwegian endings
cut off: ``innbyggjarane`` and ``innbyggjarar`` are one word); two titles are nearly the same
when their Jaccard similarity — shared words / all words — is at least ``SIMILARITY`` (0.6:
three shared words of five in all match, three of six do not), compared in whole numbers.
Nodes are matched once each: by id when the words allow, then the same words under another id,
then the most similar pair first; candidates come from an index of each title's rarest words
(prefix filtering), so a whole plan renumbered costs little.
"""

from __future__ import annotations

import difflib
import heapq
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    import networkx as nx

SIMILARITY = 0.6
_RATIO = (3, 5)  # SIMILARITY as a fraction, for exact comparisons at the edge
# Nearly-same candidates looked at per node, found through its rarest words first. Only sets
# full of near-duplicate titles reach it (generated ones); it keeps the matching from turning
# quadratic there.
MAX_CANDIDATES = 200
MAX_PAIRS = 8  # the best pairs kept per node for the one-to-one assignment

WordOp = Literal["=", "-", "+"]


# -- words ---------------------------------------------------------------------------------

_WORD = re.compile(r"\w+")
# Endings cut from a word of at least MIN_STEM + len(ending) letters, longest first: enough for
# nynorsk and bokmål plural and definite forms (tenester/tenesta/teneste, innbyggjarane).
_ENDINGS = ("arne", "erne", "ane", "ene", "ar", "er", "en", "et", "ne", "a", "e")
_MIN_STEM = 3


def _stem(word: str) -> str:
    for ending in _ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= _MIN_STEM:
            return word[: -len(ending)]
    return word


def words(text: str) -> frozenset[str]:
    """The normalised words of ``text``: case-folded, without punctuation, endings cut."""
    return frozenset(_stem(w) for w in _WORD.findall(text.casefold()))


def similarity(a: frozenset[str], b: frozenset[str]) -> float:
    """Jaccard similarity of two word sets (1.0 for two empty sets)."""
    if not a and not b:
        return 1.0
    return len(a & b) / len(a | b)


def nearly_same(a: str, b: str) -> bool:
    """Whether two texts are nearly the same by the rule above."""
    return _near(words(a), words(b))


def word_diff(old: str, new: str) -> tuple[tuple[WordOp, str], ...]:
    """A word-level diff: runs of kept (``=``), removed (``-``) and added (``+``) words."""
    a, b = old.split(), new.split()
    out: list[tuple[WordOp, str]] = []
    matcher = difflib.SequenceMatcher(a=a, b=b, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            out.append(("=", " ".join(a[i1:i2])))
            continue
        if i2 > i1:
            out.append(("-", " ".join(a[i1:i2])))
        if j2 > j1:
            out.append(("+", " ".join(b[j1:j2])))
    return tuple(out)


# -- matching ------------------------------------------------------------------------------


@dataclass
class Side:
    graph: nx.DiGraph
    nodes: dict[str, dict[str, Any]]
    words: dict[str, frozenset[str]] = field(default_factory=dict)

    def words_of(self, node_id: str) -> frozenset[str]:
        found = self.words.get(node_id)
        if found is None:
            found = self.words[node_id] = words(self.nodes[node_id]["title"])
        return found


def _near(a: frozenset[str], b: frozenset[str]) -> bool:
    """Jaccard(a, b) >= SIMILARITY, in whole numbers (no rounding at the edge)."""
    num, den = _RATIO
    if not a and not b:
        return True
    return len(a & b) * den >= num * len(a | b)


def _prefix_length(size: int) -> int:
    """How many of a word set's rarest words another set must share one of to reach the
    threshold (prefix filtering: if Jaccard >= t, the prefixes of length
    ``size - ceil(t * size) + 1`` of both sets, in one global word order, meet)."""
    num, den = _RATIO
    return size - (num * size + den - 1) // den + 1


def match_nodes(old: Side, new: Side) -> tuple[dict[str, str], dict[str, str]]:
    """Same-node pairs: (old id -> new id for the same id kept, old id -> new id renumbered)."""
    kept: dict[str, str] = {}
    loose_old: list[str] = []  # gone, or its id now holds other words
    for node_id in old.nodes:
        if node_id not in new.nodes:
            loose_old.append(node_id)
        elif old.nodes[node_id]["title"] == new.nodes[node_id]["title"]:
            # The same text has the same words: no need to cut them (most nodes of a version).
            kept[node_id] = node_id
        elif _near(old.words_of(node_id), new.words_of(node_id)):
            kept[node_id] = node_id
        else:
            loose_old.append(node_id)
    loose_new = [n for n in new.nodes if n not in kept]
    renumbered: dict[str, str] = {}
    taken: set[str] = set()
    # The same words under another id first: the k-th such node in OLD with the k-th in NEW
    # (a whole plan renumbered costs one dict lookup per node).
    same_text: dict[tuple[Any, frozenset[str]], list[str]] = {}
    for n in loose_new:
        if new.words_of(n):
            same_text.setdefault((new.nodes[n]["kind"], new.words_of(n)), []).append(n)
    for ids in same_text.values():
        ids.reverse()
    for o in loose_old:
        bucket = same_text.get((old.nodes[o]["kind"], old.words_of(o)))
        if bucket:
            n = bucket.pop()
            renumbered[o] = n
            taken.add(n)
    loose_old_words = [o for o in loose_old if o not in renumbered]
    loose_new = [n for n in loose_new if n not in taken]
    # Then nearly the same words; an index of each node's rarest words finds the candidates
    # without comparing every pair.
    frequency: dict[str, int] = {}
    for side, ids in ((old, loose_old_words), (new, loose_new)):
        for node_id in ids:
            for w in side.words_of(node_id):
                frequency[w] = frequency.get(w, 0) + 1

    def prefix(ws: frozenset[str]) -> list[str]:
        return sorted(ws, key=lambda w: (frequency[w], w))[: _prefix_length(len(ws))]

    index: dict[tuple[Any, str], list[str]] = {}
    for n in loose_new:
        kind = new.nodes[n]["kind"]
        for w in prefix(new.words_of(n)):
            index.setdefault((kind, w), []).append(n)
    num, den = _RATIO
    pairs: list[tuple[float, tuple[str, str], str, str]] = []
    for o in loose_old_words:
        ow = old.words_of(o)
        if not ow:
            continue
        kind = old.nodes[o]["kind"]
        candidates: dict[str, None] = {}
        for w in prefix(ow):  # rarest first; a bound keeps near-duplicate floods linear
            for n in index.get((kind, w), ()):
                candidates[n] = None
                if len(candidates) >= MAX_CANDIDATES:
                    break
            if len(candidates) >= MAX_CANDIDATES:
                break
        mine: list[tuple[float, tuple[str, str], str, str]] = []
        for n in candidates:
            if n == o:
                continue
            nw = new.words_of(n)
            # Jaccard <= min/max of the sizes: skip what cannot reach the threshold.
            if min(len(ow), len(nw)) * den < num * max(len(ow), len(nw)) or not _near(ow, nw):
                continue
            # The tie-break is the same whichever side is called old: diff(B, A) mirrors it.
            mine.append((-similarity(ow, nw), (min(o, n), max(o, n)), o, n))
        pairs.extend(mine if len(mine) <= MAX_PAIRS else heapq.nsmallest(MAX_PAIRS, mine))
    pairs.sort()
    for _, _, o, n in pairs:
        if o not in renumbered and n not in taken:
            renumbered[o] = n
            taken.add(n)
    # Same id, different words, neither side matched elsewhere: still the same node, reworded.
    for o in loose_old:
        if o not in renumbered and o in new.nodes and o not in taken:
            kept[o] = o
    return kept, renumbered
