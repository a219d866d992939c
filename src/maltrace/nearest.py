"""Did-you-mean: the id, key or word a typo most likely meant.

One place for it, so every message that offers «Meinte du …?» finds the same answer the same
way: ``closest`` for a word among a few candidates, ``Suggester`` for many lookups in one pool.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable


def closest(word: str, pool: Iterable[str], cutoff: float = 0.6) -> str | None:
    """The candidate most like ``word`` (``difflib.get_close_matches(..., n=1)``), or None."""
    return close_match(word, pool, cutoff)


class Suggester:
    """Did-you-mean for ids: case slips and one wrong, missing, extra or swapped character.

    An index of every id with one character deleted answers those in constant time, so a
    county's worth of dangling links costs nothing; for small sets difflib then looks further.
    """

    DIFFLIB_LIMIT = 5000

    def __init__(self, candidates: Iterable[str]) -> None:
        self.pool = list(dict.fromkeys(candidates))
        self.rank = {c: i for i, c in enumerate(self.pool)}
        self.folded: dict[str, str] = {}
        self.deletes: dict[str, list[str]] = {}
        for c in self.pool:
            f = c.casefold()
            self.folded.setdefault(f, c)
            for variant in _deletions(f):
                self.deletes.setdefault(variant, []).append(c)

    def suggest(self, word: str) -> str | None:
        key = word.casefold()
        if key in self.folded:
            return self.folded[key]
        found: set[str] = set(self.deletes.get(key, ()))  # one character missing in the word
        for variant in _deletions(key):
            if variant in self.folded:  # one character too many
                found.add(self.folded[variant])
            found.update(self.deletes.get(variant, ()))  # one wrong or swapped character
        if found:
            return min(found, key=self.rank.__getitem__)
        if len(self.pool) <= self.DIFFLIB_LIMIT:
            return close_match(word, self.pool)
        return None


def close_match(word: str, pool: Iterable[str], cutoff: float = 0.6) -> str | None:
    """``difflib.get_close_matches(word, pool, n=1, cutoff=cutoff)``, the very same answer, found
    faster: ids look alike to difflib's cheap bounds, so instead of the full ratio for nearly
    every candidate, candidates are tried best bound first, stopping when none left can win."""
    matcher = difflib.SequenceMatcher()
    matcher.set_seq2(word)
    bounded: list[tuple[float, str]] = []
    for x in pool:
        matcher.set_seq1(x)
        if matcher.real_quick_ratio() >= cutoff:
            bound = matcher.quick_ratio()
            if bound >= cutoff:
                bounded.append((bound, x))
    bounded.sort(reverse=True)
    best: tuple[float, str] | None = None
    for bound, x in bounded:
        if best is not None and bound < best[0]:
            break  # ratio <= bound: no candidate from here on can beat (or tie) the best
        matcher.set_seq1(x)
        ratio = matcher.ratio()
        if ratio >= cutoff and (best is None or (ratio, x) > best):
            best = (ratio, x)
    return best[1] if best else None


def _deletions(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))}
